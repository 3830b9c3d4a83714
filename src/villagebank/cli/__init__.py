"""The command line (``villagebank --book PATH <command>``). See :mod:`villagebank.cli.base`."""

from villagebank.cli.base import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "main"]
