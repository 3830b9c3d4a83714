"""The benchmark suite (``make bench``; not part of ``make test``).

Realistic books at three scales are generated in bulk (``bench.gen``), each main job of the app is timed
against its floor (raw sqlite3, bare reportlab, bare xlsxwriter/openpyxl, a bare Qt window) or a peer tool
(hledger) in the same run (``bench.jobs``), and the medians and ratios are written as a markdown table to
``bench/results/`` (``bench.report``). ``python -m bench --help`` for the options.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
# The shared .venv has villagebank installed from another checkout: benchmark this tree's code.
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
