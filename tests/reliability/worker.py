"""The child side of the crash harness: a zygote process that imports the app once, then forks one worker
per request, so that each kill costs milliseconds instead of a Python start-up.

Protocol: one JSON object per line on stdin, one answer per line on stdout.

``{"op": "spawn", "book": PATH, "out": PATH, "task": "loop" | "once" | "fill", "command": NAME,
   "gate": BOOL, "control": BOOL, "seed": INT, "retry": BOOL, "fsize": BYTES}``
    forks a worker; answers ``{"pid": N, "ready": BOOL}``. With ``gate`` the worker first opens the book,
    then waits until ``go`` (so that strace can attach to exactly the command's system calls).
``{"op": "go", "pid": N}`` lets a gated worker run.
``{"op": "wait", "pid": N}`` reaps it: ``{"signal": S, "code": C}``.

Workers write one JSON line per *committed* command to ``out`` (the acknowledgement, written after the
commit returned, as a receipt would be printed), or the outcome of a ``once``/``fill`` task.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root, for tests.reliability

from tests.reliability import commands
from villagebank.i18n import set_language
from villagebank.ledger import LedgerError, open_book


def _emit(fd: int, record: dict) -> None:
    os.write(fd, (json.dumps(record, ensure_ascii=False) + "\n").encode())


def _control_mode(book) -> None:
    """The control run: no rollback journal at all (journal_mode=OFF), so a kill mid-commit must damage."""
    from sqlalchemy import event

    def _off(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA journal_mode=OFF")

    event.listen(book.engine, "connect", _off)
    book.engine.dispose()


def run_command(book, name: str, i: int) -> dict:
    if name == "deposit":
        seq, digest = commands.deposit(book, 10000 + i, member_no=1)
        return {"cmd": name, "seq": seq, "hash": digest}
    if name == "split":
        seq, digest = commands.split_payment(book, 20000 + i, member_no=1)
        return {"cmd": name, "seq": seq, "hash": digest}
    if name == "member_add":
        return {"cmd": name, "member": commands.add_member(book, 1000 + i)}
    if name == "reverse":
        seq = book.reverse_entry(1, "แก้ไขรายการที่บันทึกผิด")
        return {"cmd": name, "seq": seq}
    if name == "backup":
        info = book.backup(kind="close")
        return {"cmd": name, "file": str(info.path), "anchor": info.anchor}
    if name == "restore":  # the GUI closes the book, then restores
        from villagebank.ledger import backup

        path = book.path
        book.close()
        result = backup.restore(path, path.parent.parent / "restore-from.vbk")
        return {"cmd": name, "aside": str(result.aside)}
    raise ValueError(name)


def _outcome(exc: BaseException) -> dict:
    return {"ok": False, "error": type(exc).__name__, "reason": getattr(exc, "reason", None),
            "message": str(exc), "code": getattr(exc, "code", None)}


def worker(req: dict, ready_w: int | None, gate_r: int | None) -> None:
    out = os.open(req["out"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    rnd = random.Random(req.get("seed", 0))
    if req.get("fsize"):
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(req["fsize"]), hard))
    task = req["task"]
    if task == "open":  # the command is opening the book itself (a schema upgrade)
        os.write(ready_w, b"R")
        os.read(gate_r, 1)
        with open_book(req["book"]) as book:
            _emit(out, {"ok": True, "upgrade_backup": str(book.upgrade_backup)})
        os.close(out)
        return
    book = open_book(req["book"])
    if req.get("control"):
        _control_mode(book)
        with book._read():
            pass  # the switch out of WAL happens now, not inside the command
    if ready_w is not None and gate_r is not None:
        os.write(ready_w, b"R")
        os.read(gate_r, 1)
    if task == "loop":  # post until killed; acknowledge each command after its commit
        i = 0
        while True:
            i += 1
            r = rnd.random()
            name = "deposit" if r < 0.7 else "split" if r < 0.9 else "member_add"
            _emit(out, run_command(book, name, i))
    elif task == "once":
        for attempt in range(2 if req.get("retry") else 1):
            try:
                _emit(out, {"ok": True, "attempt": attempt, **run_command(book, req["command"], attempt)})
                break
            except LedgerError as exc:
                _emit(out, {"attempt": attempt, **_outcome(exc)})
        book.close()
    elif task == "fill":  # post until the disk (or the file size limit) refuses, then free space and go on
        count = 0
        try:
            while count < 100000:
                commands.deposit(book, 10000, member_no=1)
                count += 1
            _emit(out, {"ok": True, "count": count})
        except LedgerError as exc:
            _emit(out, {"count": count, **_outcome(exc)})
        if req.get("free"):  # the treasurer deletes a big file to make room
            os.unlink(req["free"])
        if req.get("fsize"):  # "free the space": lift the file size limit
            import resource

            hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        try:
            seq, _ = commands.deposit(book, 10000, member_no=1)
            _emit(out, {"ok": True, "after": seq})
        except LedgerError as exc:
            _emit(out, {"after": None, **_outcome(exc)})
        book.close()
    os.close(out)


def main() -> None:
    set_language("th")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file size limit gives EFBIG, as a full disk gives ENOSPC
    gates: dict[int, int] = {}
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        if op == "spawn":
            gated = bool(req.get("gate"))
            ready_r, ready_w = os.pipe() if gated else (None, None)
            gate_r, gate_w = os.pipe() if gated else (None, None)
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    if gated:
                        os.close(ready_r)
                        os.close(gate_w)
                    devnull = os.open(os.devnull, os.O_RDWR)
                    os.dup2(devnull, 0)
                    os.dup2(devnull, 1)
                    worker(req, ready_w, gate_r)
                except BaseException:
                    traceback.print_exc()  # to the zygote's stderr, which the test shows on failure
                    code = 3
                finally:
                    os._exit(code)
            ready = True
            if gated:
                os.close(ready_w)
                os.close(gate_r)
                readable, _, _ = select.select([ready_r], [], [], 30)
                ready = bool(readable) and os.read(ready_r, 1) == b"R"
                os.close(ready_r)
                gates[pid] = gate_w
            answer = {"pid": pid, "ready": ready}
        elif op == "go":
            gate = gates.pop(req["pid"])
            os.write(gate, b"G")
            os.close(gate)
            answer = {"ok": True}
        elif op == "wait":
            gate = gates.pop(req["pid"], None)
            if gate is not None:
                os.close(gate)  # never released: the worker reads EOF and goes on, or was killed
            _pid, status = os.waitpid(req["pid"], 0)
            answer = {"signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
                      "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}
        elif op == "exit":
            break
        else:
            answer = {"error": f"unknown op {op}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
