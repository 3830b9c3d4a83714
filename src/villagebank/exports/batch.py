"""Large PDF runs (every member's statement) laid out by worker processes and drawn into one file here.

Building the reports needs the book and is quick; laying them out (Thai word breaking, shaping to measure)
is most of the work, and pages are plain data that pickle. So: start the workers first (they import reportlab
and the Thai word breaker while this process reads the book), send them the reports in chunks, and draw the
pages here in order as the chunks come back. The file is the same as a single-process ``render_pdf``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from typing import Any

from villagebank.reports.table import Report

from .pdf.layout import PageLayout, layout_report
from .pdf.render import render_layouts, render_pdf

CHUNK = 25  # reports per task: small enough to keep both workers busy to the end, large enough to batch


def _warm_up(lang: str) -> None:  # pragma: no cover - runs in the worker processes
    """Worker start: the language, fonts and the word breaker loaded before the first chunk arrives."""
    from villagebank.i18n import set_language

    from .pdf.fonts import register_fonts
    from .pdf.thaitext import wrap

    set_language(lang)
    register_fonts()
    wrap("ธนาคารหมู่บ้านสัจจะออมทรัพย์", "Sarabun", 10.0, 20.0)


def _lay_out(reports: list[Report]) -> list[list[PageLayout]]:
    return [layout_report(r) for r in reports]


class LayoutPool:
    """Worker processes that lay reports out; use as a context manager around building the reports.

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

    def render(self, reports: Sequence[Report], path_or_file: Any, *, chunk: int = CHUNK) -> int:
        """Lay ``reports`` out in the workers and draw them, in order, into one PDF; returns the page count."""
        if not reports:
            raise ValueError("nothing to print")
        if self._pool is None:
            return render_pdf(reports, path_or_file)
        chunks = [list(reports[i:i + chunk]) for i in range(0, len(reports), chunk)]

        def pages() -> Iterator[list[PageLayout]]:
            for laid_out in self._pool.imap(_lay_out, chunks):
                yield from laid_out

        first = reports[0]
        return render_layouts(pages(), path_or_file, title=first.title, author=first.bank_name,
                              subject=first.period, lang=first.language)
