"""PyInstaller run-time hook: runs in the frozen app before any of its modules."""

import os
import sys

# pythainlp would create ~/pythainlp-data and look for downloads; the bundle carries the newmm dictionary
# it needs inside the package (packaging/hooks/hook-pythainlp.py).
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

# A windowed Windows program has no console: sys.stdout/sys.stderr are None, and a library that writes a
# warning to them would raise. Send such output nowhere instead.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
