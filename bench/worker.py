"""One job at one scale in a fresh process: ``python -m bench.worker JOB SCALE SEED REPEAT [key=value ...]``.

Prints the job's result as one JSON line prefixed ``RESULT `` (the parent reads it); a fresh process per job
keeps caches, memory peaks and imports of one job from another.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

import bench  # noqa: F401 - puts this tree's src first on sys.path
from bench import DATA, gen, jobs


def main(argv: list[str]) -> int:
    job, scale, seed, repeat, *extra = argv
    options = {}
    for item in extra:
        key, _sep, value = item.partition("=")
        options[key] = int(value) if value.isdigit() else value == "1" if value in ("0", "1") else value
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    os.environ.setdefault("VILLAGEBANK_LANG", "th")
    from villagebank.i18n import set_language

    set_language("th")
    ds = gen.ensure(scale, int(seed), journal=job == "balances", workbook=job == "import",
                    log=lambda *a: print(*a, file=sys.stderr))
    scratch = Path(tempfile.mkdtemp(prefix=f"scratch-{job}-{scale}-", dir=DATA))
    os.environ["VILLAGEBANK_HOME"] = str(scratch)
    try:
        result = jobs.JOBS[job](ds, int(repeat), scratch, **options)
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result.update(job=job, scale=scale, seed=int(seed), repeat=int(repeat), data=ds.meta)
    print("RESULT " + json.dumps(result, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
