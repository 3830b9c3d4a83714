"""``villagebank``: with no sub-command it opens the GUI; with one it runs the CLI."""

from __future__ import annotations

import sys
from pathlib import Path


def _gui(book: Path | None) -> int:
    from villagebank.ui.app import run

    return run(book=book)


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # report workers of a frozen (PyInstaller) app start here, not in the CLI
    from villagebank import cli

    return cli.main(sys.argv[1:] if argv is None else argv, gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
