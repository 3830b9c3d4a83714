"""Timing on a shared, noisy machine: interleaved runs, medians, CPU use and peak memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fp:
            for line in fp:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fp:
                out.extend(int(x) for x in fp.read().split())
    except OSError:
        pass
    return out


def tree_rss_kib(pid: int | None = None) -> int:
    """Resident memory of a process and all its descendants (e.g. a worker pool), KiB."""
    pid = pid or os.getpid()
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kib(p)
        todo.extend(_children(p))
    return total


class PeakRSS:
    """Samples this process tree's resident memory every ``interval`` s while active: ``peak`` (MiB)."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakRSS:
        self.peak_kib = tree_rss_kib()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_kib = max(self.peak_kib, tree_rss_kib())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.peak_kib = max(self.peak_kib, tree_rss_kib())

    @property
    def peak(self) -> float:
        return self.peak_kib / 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have been waited for."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass
class Run:
    """Wall-clock seconds of each run, CPU seconds and peak tree RSS (MiB) of each run."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return median(self.times)

    @property
    def cores(self) -> float:
        """CPU seconds per wall second (medians): how many cores the job kept busy."""
        return median(self.cpu) / self.median if self.times else float("nan")

    @property
    def peak(self) -> float:
        return max(self.peak_mib) if self.peak_mib else float("nan")


def once(fn: Callable[[], object], run: Run, *, memory: bool = True) -> object:
    c0 = cpu_seconds()
    if memory:
        with PeakRSS() as mem:
            t0 = time.perf_counter()
            result = fn()
            t = time.perf_counter() - t0
        run.peak_mib.append(mem.peak)
    else:
        t0 = time.perf_counter()
        result = fn()
        t = time.perf_counter() - t0
    run.cpu.append(cpu_seconds() - c0)
    run.times.append(t)
    return result


def interleaved(fns: dict[str, Callable[[], object]], repeat: int, *, memory: bool = True,
                setup: Callable[[str, int], None] | None = None) -> dict[str, Run]:
    """Run each of ``fns`` once per round, ``repeat`` rounds, alternating, so that the machine's noise
    falls on all of them alike. ``setup(name, round)`` runs untimed before each timed call."""
    runs = {name: Run() for name in fns}
    for i in range(repeat):
        for name, fn in fns.items():
            if setup:
                setup(name, i)
            once(fn, runs[name], memory=memory)
    return runs


@dataclass
class ProcessRun:
    seconds: float
    peak_mib: float
    cpu: float
    returncode: int
    stdout: str
    stderr: str


def run_process(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
                timeout: float | None = None) -> ProcessRun:
    """Run ``cmd`` and measure its wall time, CPU and peak RSS (``wait4``: the process and its waited
    children)."""
    t0 = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd) as p:
        out, err = b"", b""
        timer = threading.Timer(timeout, p.kill) if timeout else None
        if timer:
            timer.start()
        try:
            reader = threading.Thread(target=lambda: _drain(p, box))
            box: dict[str, bytes] = {}
            reader.start()
            _pid, status, usage = os.wait4(p.pid, 0)
            t = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
            reader.join()
            out, err = box.get("out", b""), box.get("err", b"")
        finally:
            if timer:
                timer.cancel()
    return ProcessRun(t, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, p.returncode,
                      out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def _drain(p: subprocess.Popen, box: dict[str, bytes]) -> None:
    def read(stream, key):
        box[key] = stream.read()

    t = threading.Thread(target=read, args=(p.stderr, "err"))
    t.start()
    read(p.stdout, "out")
    t.join()
