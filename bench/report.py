"""The results table (markdown), the machine it ran on, the targets and the scaling exponents."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import platform
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

PACKAGES = ("SQLAlchemy", "alembic", "reportlab", "uharfbuzz", "XlsxWriter", "openpyxl", "PySide6-Essentials",
            "pythainlp")


@dataclass(frozen=True)
class Target:
    """A job's target. ``ratio``: the job's median over the named run's median (``peer``: the peer's over the
    job's) must be at most ``limit`` (at least, for a peer); ``seconds``: the job's median at most ``limit``.
    Ratio targets gate ``make bench`` (a machine-independent regression check); absolute ones are reported."""

    kind: str  # "ratio" | "peer" | "seconds" | "above" | "cores"
    limit: float
    against: str = ""
    gate: bool = True
    text: str = ""
    scales: tuple[str, ...] = ()  # the scales the issue sets it for (empty: every scale but L)


M, S, S10 = ("M",), ("S",), ("S10",)
TARGETS: dict[str, list[Target]] = {
    "balances": [Target("ratio", 2.0, "raw sqlite3 GROUP BY", text="≤ 2× raw", scales=M),
                 Target("peer", 100.0, "hledger bal", text="≥ 100× faster than hledger", scales=M)],
    "statement": [Target("ratio", 3.0, "raw indexed SELECT", text="≤ 3× raw", scales=M),
                  Target("seconds", 0.050, gate=False, text="< 50 ms", scales=M),
                  Target("seconds", 0.050, "monthly statement report", gate=False,
                         text="printed monthly statement < 50 ms", scales=M)],
    "payment": [Target("seconds", 0.010, gate=False, text="median < 10 ms")],
    "pdf": [Target("ratio", 1.5, "reportlab from prepared pages", text="≤ 1.5× floor", scales=("S", "M")),
            Target("cores", 1.6, gate=False, text="2 cores used (from 1,000 statements)", scales=("S", "M"))],
    "export": [Target("ratio", 1.2, "fastest", text="≤ 1.2× the faster writer", scales=M)],
    "import": [Target("seconds", 30.0, gate=False, text="< 30 s", scales=S)],
    "yearend": [Target("seconds", 5.0, gate=False, text="< 5 s", scales=M),
                Target("seconds", 5.0, "close without the backup", gate=False, text="the close alone < 5 s",
                       scales=M)],
    "verify": [Target("seconds", 10.0, gate=False, text="< 10 s", scales=S10),
               Target("seconds", 0.5, "start-up check", gate=False, text="start-up check < 0.5 s", scales=S10)],
    "startup": [Target("seconds", 0.5, gate=False, text="< 0.5 s", scales=S10)],
    "gui": [Target("above", 1.0, "bare QApplication + empty window", text="≤ 1.0 s above the floor", scales=M)],
}

TITLES = {
    "balances": "member balances as of a date",
    "statement": "one member's full statement data",
    "payment": "record one meeting-day payment (commit)",
    "pdf": "all monthly statements as PDF (Thai, shaped)",
    "export": "export the book workbook",
    "import": "import the book workbook",
    "yearend": "year-end close",
    "verify": "full verify",
    "startup": "start-up check (quick check at open)",
    "gui": "GUI start to a usable window",
}


def machine() -> list[str]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fp:
            for line in fp:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fp:
            mem = f"{int(fp.readline().split()[1]) / 2**20:.1f} GiB RAM"
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{name} {metadata.version(name)}")
    hledger = ""
    with contextlib.suppress(OSError):
        hledger = subprocess.run(["hledger", "--version"], capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores ({platform.machine()}), {mem}; load average at the end {load}",
        f"- OS: {platform.platform()}",
        f"- Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {hledger or 'no hledger'}",
        f"- {', '.join(versions)}",
    ]


def fmt_s(seconds: float) -> str:
    if seconds != seconds:  # nan
        return "–"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 100:
        return f"{seconds:.2f} s"
    return f"{seconds:.0f} s"


def fmt_mib(mib: float) -> str:
    return "–" if mib != mib else f"{mib:.0f} MiB"


def evaluate(result: dict) -> list[tuple[Target, float, bool]]:
    """Each target of the job with the measured value and whether it was met."""
    runs = result["runs"]
    job = runs["job"]["median"]
    out = []
    for t in TARGETS.get(result["job"], []):
        if (t.scales and result["scale"] not in t.scales) or (not t.scales and result["scale"] == "L"):
            continue
        if t.kind == "ratio":
            if t.against == "fastest":
                floors = [v["median"] for k, v in runs.items() if k != "job"]
                base = min(floors) if floors else float("nan")
            elif t.against in runs:
                base = runs[t.against]["median"]
            else:
                continue
            value = job / base
            out.append((t, value, value <= t.limit))
        elif t.kind == "peer":
            if t.against not in runs:
                continue
            value = runs[t.against]["median"] / job
            out.append((t, value, value >= t.limit))
        elif t.kind == "seconds":
            value = runs[t.against]["median"] if t.against else job
            if t.against and t.against not in runs:
                continue
            out.append((t, value, value <= t.limit))
        elif t.kind == "above":
            value = job - runs[t.against]["median"]
            out.append((t, value, value <= t.limit))
        elif t.kind == "cores":
            if result.get("facts", {}).get("workers", 1) < 2:
                continue
            value = runs["job"]["cores"]
            out.append((t, value, value >= t.limit))
    return out


def describe(t: Target, value: float) -> str:
    if t.kind in ("ratio",):
        return f"{value:.2f}×"
    if t.kind == "peer":
        return f"{value:.0f}× faster"
    if t.kind == "cores":
        return f"{value:.2f} cores"
    if t.kind == "above":
        return f"+{value:.2f} s"
    return fmt_s(value)


def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) against log(size)."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den if den else None


def size_of(result: dict) -> float:
    return float(result["data"]["counts"]["postings"])


def table(results: list[dict], *, title: str, notes: list[str], started: dt.datetime, seconds: float,
          note_for: Callable[[dict], str] | None = None) -> tuple[str, list[str]]:
    """The markdown report and the list of missed gating targets."""
    lines = [f"# {title}", "", f"Run {started:%Y-%m-%d %H:%M} ({seconds / 60:.1f} min in all).", "", *machine(), ""]
    lines += ["Medians of interleaved runs (job and floor alternate, same process); ratios are job ÷ floor. "
              "`cores` = CPU seconds per wall second of the job (its worker processes included); memory is the peak "
              "resident set of the process tree during the job.", ""]
    lines += ["| job | scale (postings) | job median | floor / peer (median) | target | measured | met | runs | "
              "cores | peak memory |", "|---|---|---|---|---|---|---|---|---|---|"]
    missed: list[str] = []
    for r in results:
        runs = r["runs"]
        job = runs["job"]
        others = "; ".join(f"{k}: {fmt_s(v['median'])}" for k, v in runs.items() if k != "job")
        checks = evaluate(r)
        scale = f"{r['scale']} ({r['data']['counts']['postings']:,})"
        first = True
        for t, value, ok in checks or [(None, float('nan'), True)]:
            if t is not None and not ok and t.gate:
                missed.append(f"{r['job']} {r['scale']}: {t.text} (measured {describe(t, value)})")
            lines.append("| " + " | ".join([
                TITLES.get(r["job"], r["job"]) if first else "", scale if first else "",
                fmt_s(job["median"]) if first else "", others if first else "",
                t.text + ("" if t is None or t.gate else " ¹") if t else "–",
                describe(t, value) if t else "–", ("yes" if ok else "**no**") if t else "–",
                str(len(job["times"])) if first else "", f"{job['cores']:.2f}" if first else "",
                fmt_mib(job["peak_mib"]) if first else ""]) + " |")
            first = False
    lines += ["", "¹ absolute target: machine-dependent, reported but not gating `make bench`; ratio targets gate it.",
              ""]
    facts = [f"- {TITLES.get(r['job'], r['job'])}, {r['scale']}: " +
             ", ".join(f"{k} {v}" for k, v in r.get("facts", {}).items()) for r in results if r.get("facts")]
    if facts:
        lines += ["## Facts checked in the same run", "", *facts, ""]
    exps = exponents(results)
    if exps:
        lines += ["## Scaling: fitted exponent of time against the book's postings (log-log slope)", "",
                  "| job | points | exponent |", "|---|---|---|", *exps, ""]
    if notes:
        lines += ["## Notes", "", *notes, ""]
    return "\n".join(lines), missed


def exponents(results: list[dict]) -> list[str]:
    by_job: dict[str, list[dict]] = {}
    for r in results:
        by_job.setdefault(r["job"], []).append(r)
    out = []
    for job, rs in by_job.items():
        pts = sorted((size_of(r), r["runs"]["job"]["median"], r["scale"]) for r in rs)
        if len({p[0] for p in pts}) < 2:
            continue
        e = fit_exponent([(x, y) for x, y, _s in pts])
        label = " → ".join(f"{s} {fmt_s(y)}" for _x, y, s in pts)
        out.append(f"| {TITLES.get(job, job)} | {label} | {e:.2f} |")
    return out
