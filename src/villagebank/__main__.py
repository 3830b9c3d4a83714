"""``villagebank``: with no sub-command it opens the GUI; with one it runs the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from villagebank import cli

    return cli.main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
