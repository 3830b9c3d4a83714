"""Benchmark: every member's monthly statement into one PDF, through the command line.

    PYTHONPATH=src .venv/bin/python tools/bench_statements.py [--members 300] [--book PATH] [--runs 3]

Creates a demo book with that many members (about 2 minutes for 300) unless --book names one, then times
``villagebank report statements`` with one process and with two worker processes, alternating, and prints
each run's wall time and the page count. The budget (issue 6): 300 statements in under a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=300)
    ap.add_argument("--book")
    ap.add_argument("--month", default="2569-10")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "PYTHAINLP_READ_ONLY": "1", "VILLAGEBANK_LANG": "th"}
    cli = [sys.executable, "-m", "villagebank"]
    with tempfile.TemporaryDirectory() as tmp:
        book = args.book or str(Path(tmp) / "bench.vbk")
        if not args.book:
            start = time.perf_counter()
            subprocess.run([*cli, "--book", book, "demo", "--members", str(args.members)], check=True, env=env,
                           capture_output=True)
            print(f"demo book with {args.members} members: {time.perf_counter() - start:.0f} s")
        for run in range(args.runs):
            for workers in (1, 2):
                out = Path(tmp) / f"statements-{workers}.pdf"
                start = time.perf_counter()
                done = subprocess.run([*cli, "--book", book, "report", "statements", "--month", args.month,
                                       "--workers", str(workers), "--out", str(out)], check=True, env=env,
                                      capture_output=True, text=True)
                wall = time.perf_counter() - start
                pages = re.search(r"\d+", done.stdout)
                print(f"run {run + 1}: {workers} process(es): {wall:5.1f} s wall, {pages.group(0) if pages else '?'} "
                      f"pages, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
