"""Entry script of the frozen app (PyInstaller): the same ``main`` as the ``villagebank`` console script."""

import sys

from villagebank.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
