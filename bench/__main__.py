"""``python -m bench`` (``make bench``): generate the books, run every job against its floor, write the table.

    python -m bench                      # S and M (the default run, < 30 min here)
    python -m bench --scales S,M,L       # and L, for the scaling exponents
    python -m bench --jobs pdf,export --scales S
    python -m bench --quick              # fewer repetitions (a smoke run)

Exits non-zero when a ratio target is missed (``--strict``: any target). Results go to
``bench/results/<date>.md`` (and ``.json``); generated books are cached in ``bench/data/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import subprocess
import sys
import time

from bench import RESULTS, ROOT, SRC, gen, report

# (job, scale, repeat, quick repeat, options). S10 is S over ten years (the verify target's scale); S2 is half
# of S (does the import's memory grow with the file?).
PLAN: list[tuple[str, str, int, int, dict]] = [
    ("balances", "S", 5, 3, {}),
    ("statement", "S", 30, 10, {}),
    ("payment", "S", 40, 20, {}),
    ("pdf", "S", 3, 1, {}),
    ("export", "S", 3, 1, {}),
    ("import", "S2", 3, 1, {}),  # three each: one run per scale gave exponents from 0.65 to 1.26 on a loaded machine
    ("import", "S", 3, 1, {}),
    ("yearend", "S", 3, 1, {}),
    ("verify", "S10", 3, 1, {}),
    ("startup", "S10", 5, 3, {}),
    ("gui", "S", 5, 3, {}),
    ("balances", "M", 5, 3, {}),
    ("statement", "M", 30, 10, {}),
    ("payment", "M", 40, 20, {}),
    ("startup", "M", 5, 3, {}),
    ("gui", "M", 5, 3, {}),
    ("yearend", "M", 3, 1, {"backups": 1}),
    ("verify", "M", 1, 1, {}),
    ("export", "M", 1, 1, {"openpyxl_sample": 10}),
    ("pdf", "M", 1, 1, {}),
]
L_OPTIONS = {"balances": {"hledger": 0}, "export": {"openpyxl_sample": 20}}
HEAVY_AT_M = {"export", "pdf", "verify", "yearend"}


def plan(scales: list[str], jobs: list[str] | None, quick: bool, hledger: bool) -> list[tuple[str, str, int, dict]]:
    out = []
    family = {"S2": "S", "S10": "S"}
    for job, scale, repeat, quick_repeat, options in PLAN:
        if family.get(scale, scale) not in scales:
            continue
        opts = dict(options)
        if job == "balances" and not hledger:
            opts["hledger"] = 0
        out.append((job, scale, quick_repeat if quick else repeat, opts))
    if "L" in scales:
        for job, scale, _repeat, quick_repeat, options in PLAN:
            if scale == "M":
                opts = {**options, **L_OPTIONS.get(job, {})}
                out.append((job, "L", quick_repeat if quick or job in HEAVY_AT_M else max(3, quick_repeat), opts))
    if jobs:
        out = [p for p in out if p[0] in jobs]
    return out


def prepare_tree() -> None:
    """As an installed app would be: byte-compiled modules and compiled catalogues (GUI start-up counts them)."""
    compileall.compile_dir(str(SRC), quiet=1)
    for lang in ("th", "en"):
        base = ROOT / "resources" / "i18n" / lang / "LC_MESSAGES"
        po, mo = base / "villagebank.po", base / "villagebank.mo"
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po

            with po.open("rb") as fp:
                catalog = read_po(fp, locale=lang)
            with mo.open("wb") as fp:
                write_mo(fp, catalog, use_fuzzy=True)


def run_job(job: str, scale: str, seed: int, repeat: int, options: dict) -> dict:
    args = [sys.executable, "-m", "bench.worker", job, scale, str(seed), str(repeat)]
    args += [f"{k}={int(v) if isinstance(v, bool) else v}" for k, v in options.items()]
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHAINLP_READ_ONLY": "1", "QT_QPA_PLATFORM": "offscreen"}
    p = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if line.startswith("  ") or line.startswith("generating"):
            print(line, flush=True)
    found = [ln for ln in p.stdout.splitlines() if ln.startswith("RESULT ")]
    if p.returncode != 0 or not found:
        raise RuntimeError(f"{job} {scale} failed:\n{p.stderr[-3000:]}")
    return json.loads(found[-1][len("RESULT "):])


NOTES = [
    "- M is one network-scale book (40 banks' 10,000 members in one file, one meeting a month); L doubles the "
    "members. S is one bank of 300 members over 5 years, S10 the same over 10 years, S2 half of S.",
    "- Heavy jobs at M and L run once per `make bench` (a 30-minute budget); their median is that one run.",
    "- The PDF floor draws the very pages the job laid out (captured from the job's run) with a plain reportlab "
    "canvas, shaping each distinct line once, in one process. The export floors write the very cells the export "
    "wrote (captured), with the same number formats.",
]


ORDER = ("S2", "S", "S10", "M", "L")


def merge_results(path: str, new: list[dict]) -> tuple[list[dict], list[str], dt.datetime, float, list[str]]:
    """The earlier run's results in ``path`` with ``new`` in place of those of the same job and scale (added when
    absent): the results, the scales, the earlier run's start and duration (kept for the table), and the jobs
    run again (``job scale at time``)."""
    with open(path, encoding="utf-8") as fp:
        old = json.load(fp)
    meta = old[0].get("run", {}) if old else {}
    fresh = {(r["job"], r["scale"]): r for r in new}
    merged = [fresh.pop((r["job"], r["scale"]), r) for r in old] + list(fresh.values())
    merged.sort(key=lambda r: {"S2": 0, "S": 0, "S10": 0, "M": 1, "L": 2}.get(r["scale"], 3))
    scales = sorted({{"S2": "S", "S10": "S"}.get(r["scale"], r["scale"]) for r in merged}, key=ORDER.index)
    started = dt.datetime.fromisoformat(meta["started"]) if "started" in meta else dt.datetime.now()
    seconds = float(meta.get("seconds", 0.0))
    rerun = [f"{r['job']} {r['scale']} ({r.get('ran', '')[11:16]})" for r in new]
    return merged, scales, started, seconds, rerun


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--scales", default="S,M", help="comma-separated: S, M, L (default S,M)")
    ap.add_argument("--jobs", help="only these jobs (comma-separated): " + ", ".join(report.TITLES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--no-hledger", action="store_true", help="skip the hledger peer (needs GiBs at M)")
    ap.add_argument("--out", help="the markdown file (default bench/results/<date>.md)")
    ap.add_argument("--strict", action="store_true", help="also fail on missed absolute targets")
    ap.add_argument("--note", action="append", default=[], help="a note for the results file")
    ap.add_argument("--update", metavar="JSON",
                    help="the .json of an earlier run: this run's jobs replace its results of the same job and scale, "
                         "the others are kept, and the table is written again (beside it, unless --out)")
    args = ap.parse_args(argv)
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    for s in scales:
        if s not in gen.SCALES:
            ap.error(f"unknown scale {s}")
    started = dt.datetime.now()
    t0 = time.perf_counter()
    prepare_tree()
    todo = plan(scales, args.jobs.split(",") if args.jobs else None, args.quick, not args.no_hledger)
    results = []
    for job, scale, repeat, options in todo:
        t = time.perf_counter()
        print(f"{job} {scale} x{repeat} ...", flush=True)
        r = run_job(job, scale, args.seed, repeat, options)
        r["ran"] = dt.datetime.now().isoformat(timespec="minutes")
        results.append(r)
        checks = "; ".join(f"{c[0].text}: {report.describe(c[0], c[1])} {'ok' if c[2] else 'MISSED'}"
                           for c in report.evaluate(r))
        print(f"  {report.fmt_s(r['runs']['job']['median'])}  {checks}  ({time.perf_counter() - t:.0f} s)", flush=True)
    seconds = time.perf_counter() - t0
    notes = NOTES + args.note
    title = f"villagebank benchmarks, {', '.join(scales)}"
    if args.update:
        with open(args.update, encoding="utf-8") as fp:
            earlier = (json.load(fp) or [{}])[0].get("run", {})
        results, scales, started, seconds, rerun = merge_results(args.update, results)
        notes = [*earlier.get("notes", notes), *args.note]  # the earlier table's notes are kept
        title = earlier.get("title", f"villagebank benchmarks, {', '.join(scales)}")
        if rerun:
            notes.append("- Run again on their own (`--update`), as the rows show: " + ", ".join(rerun) + ".")
    text, missed = report.table(results, title=title, notes=notes, started=started, seconds=seconds)
    absolute = [f"{r['job']} {r['scale']}: {t.text} (measured {report.describe(t, v)})"
                for r in results for t, v, ok in report.evaluate(r) if not ok and not t.gate]
    out = args.out or (os.path.splitext(args.update)[0] + ".md" if args.update else str(RESULTS / f"{started:%Y-%m-%d}.md"))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fp:
        fp.write(text)
    with open(os.path.splitext(out)[0] + ".json", "w", encoding="utf-8") as fp:
        if results:  # the run's start and duration, for --update
            results[0]["run"] = {"started": started.isoformat(timespec="seconds"), "seconds": round(seconds, 1),
                                 "title": title, "notes": notes}
        json.dump(results, fp, indent=1, default=str)
    print(f"\n{text}\n\nwritten to {out}")
    if missed:
        print("\nMISSED ratio targets:\n  " + "\n  ".join(missed))
    if absolute:
        print("\nmissed absolute targets (not gating):\n  " + "\n  ".join(absolute))
    return 1 if missed or (args.strict and absolute) else 0


if __name__ == "__main__":
    sys.exit(main())
