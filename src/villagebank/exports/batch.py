"""Large PDF runs (every member's statement) drawn by worker processes, each into a PDF of its own, joined here.

Building the reports needs the book and is quick; laying them out (Thai word breaking, shaping to measure) and
drawing them is the work. So: start the workers first (they import reportlab and the Thai word breaker while this
process reads the book), give them the reports in a few runs of consecutive reports, each drawn by
``render_pdf`` into a part file in a temporary folder, and join the parts in order with qpdf (``join_pdfs``),
which copies the drawn pages as they are. Each page is the same as in a single-process ``render_pdf``; the
document information and language are those of the first part (the first report), as there.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Sequence
from typing import Any

from villagebank.reports.table import Report

from .pdf.render import render_pdf

CHUNK = 25  # at least this many reports in a part: fewer would cost more in fonts and joining than they gain
PARTS_PER_WORKER = 4  # parts of about equal size, handed out in order: both workers busy to the end


def _warm_up(lang: str) -> None:  # pragma: no cover - runs in the worker processes
    """Worker start: the language, fonts and the word breaker loaded before the first part arrives."""
    from villagebank.i18n import set_language

    from .pdf.fonts import register_fonts
    from .pdf.thaitext import wrap

    set_language(lang)
    register_fonts()
    wrap("ธนาคารหมู่บ้านสัจจะออมทรัพย์", "Sarabun", 10.0, 20.0)


def _draw_part(task: tuple[list[Report], str]) -> int:
    """Lay out and draw consecutive reports into the PDF file ``path``; returns its page count."""
    reports, path = task
    return render_pdf(reports, path)


def part_bounds(count: int, workers: int, chunk: int = CHUNK) -> list[tuple[int, int]]:
    """``count`` reports in consecutive runs (start, end) of about equal size: ``PARTS_PER_WORKER`` for each
    worker, none shorter than ``chunk`` (one run when there are fewer than two chunks)."""
    parts = max(1, min(workers * PARTS_PER_WORKER, count // max(1, chunk)))
    return [(count * i // parts, count * (i + 1) // parts) for i in range(parts)]


class LayoutPool:
    """Worker processes that lay out and draw reports; use as a context manager around building the reports.

    ``workers`` of 0 or 1 means no processes: :meth:`render` then draws in this process.
    """

    def __init__(self, workers: int = 2) -> None:
        self.workers = workers
        self._pool: Any = None

    def __enter__(self) -> LayoutPool:
        if self.workers > 1:
            from villagebank.i18n import current_language

            os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")  # inherited by the workers
            # spawn: the same on Windows and Linux, and no SQLite connection is inherited across a fork
            self._pool = multiprocessing.get_context("spawn").Pool(
                self.workers, initializer=_warm_up, initargs=(current_language(),))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            if exc[0] is not None:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None

    def _stop(self) -> None:
        """End the workers now (a part may still be drawing): after a failure, before its files are removed."""
        self._pool.terminate()
        self._pool.join()
        self._pool = None

    def render(self, reports: Sequence[Report], path_or_file: Any, *, chunk: int = CHUNK) -> int:
        """Draw ``reports`` in the workers and join them, in order, into one PDF at ``path_or_file`` (a path or
        a binary file object); returns the page count.

        An error in a worker is raised here; the workers are then ended (later calls draw in this process).
        The part files are removed in every case.
        """
        if not reports:
            raise ValueError("nothing to print")
        if self._pool is None:
            return render_pdf(reports, path_or_file)
        from .pdf.join import join_pdfs

        folder = tempfile.mkdtemp(prefix="villagebank-pdf-")
        try:
            tasks = [(list(reports[a:b]), os.path.join(folder, f"part-{i:04d}.pdf"))
                     for i, (a, b) in enumerate(part_bounds(len(reports), self.workers, chunk))]
            try:
                drawn = sum(self._pool.imap(_draw_part, tasks))  # in order; the first error is raised
            except BaseException:
                self._stop()
                raise
            pages = join_pdfs([path for _, path in tasks], path_or_file)
            if pages != drawn:
                raise RuntimeError(f"joined {pages} pages of the {drawn} drawn")
            return pages
        finally:
            shutil.rmtree(folder, ignore_errors=True)
