"""The parent side of the crash harness: the zygote, strace fault injection, and result files."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import villagebank

WORKER = Path(__file__).with_name("worker.py")
REPO = Path(__file__).resolve().parents[2]
STRACE = shutil.which("strace")


def child_env() -> dict[str, str]:
    """The environment of helper processes: the same source tree as this test run, Thai messages."""
    env = dict(os.environ)
    src = str(Path(villagebank.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([src, str(REPO)])
    env["VILLAGEBANK_LANG"] = "th"
    return env


class Zygote:
    def __init__(self) -> None:
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - kept open for the zygote's lifetime
        self.proc = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=child_env(), text=True, bufsize=1)

    def request(self, **msg: object) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(msg) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the zygote died:\n{self.errors()}")
        return json.loads(line)

    def errors(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def spawn(self, **req: object) -> int:
        answer = self.request(op="spawn", **req)
        if not answer["ready"]:
            self.request(op="wait", pid=answer["pid"])
            raise RuntimeError(f"the worker did not start:\n{self.errors()}")
        return answer["pid"]

    def go(self, pid: int) -> None:
        self.request(op="go", pid=pid)

    def wait(self, pid: int) -> dict:
        return self.request(op="wait", pid=pid)

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(RuntimeError, OSError):
                self.request(op="exit")
            self.proc.wait(timeout=10)
        self.stderr.close()


def read_records(path: Path) -> list[dict]:
    """Complete JSON lines only (a line torn by a kill is not an acknowledgement)."""
    if not path.exists():
        return []
    records = []
    for line in path.read_bytes().split(b"\n"):
        if line:
            with contextlib.suppress(ValueError):
                records.append(json.loads(line))
    return records


class Strace:
    """``strace -p PID`` attached to a gated worker, with an optional fault injection."""

    def __init__(self, pid: int, syscall: str, inject: str | None, log: Path | None = None) -> None:
        args = [STRACE or "strace", "-p", str(pid), "-e", f"trace={syscall}", "-o", str(log or os.devnull)]
        if inject:
            args += ["-e", f"inject={syscall}:{inject}"]
        self.proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
        assert self.proc.stderr is not None
        deadline = time.monotonic() + 20
        seen = []
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            seen.append(line)
            if "attached" in line:
                return
            if not line and self.proc.poll() is not None:
                break
        raise RuntimeError("strace did not attach: " + "".join(seen))

    def finish(self) -> None:
        try:
            self.proc.wait(timeout=60)
        finally:
            if self.proc.stderr is not None:
                self.proc.stderr.close()


def strace_usable() -> str | None:
    """None when strace can attach and inject here; else the reason to skip."""
    if STRACE is None:
        return "strace is not installed (.ci/run installs it)"
    probe = subprocess.run([STRACE, "-e", "trace=getpid", "-e", "inject=getpid:retval=42", sys.executable, "-c",
                            "import os, sys; sys.exit(0 if os.getpid() == 42 else 1)"], capture_output=True)
    if probe.returncode != 0:
        return f"strace cannot inject here: {probe.stderr.decode(errors='replace').strip()[:200]}"
    return None


def count_calls(log: Path, syscall: str) -> int:
    return sum(1 for line in log.read_text().splitlines() if line.startswith(f"{syscall}("))
