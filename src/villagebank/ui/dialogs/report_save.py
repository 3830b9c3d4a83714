"""Saving reports as PDF or Excel: ask where (a file dialog, remembering the folder), then build and render
on the writer thread with a progress dialog; the same run cannot be started twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from villagebank.i18n import _
from villagebank.reports.table import Report
from villagebank.ui.context import Context

FOLDER_KEY = "reports/folder"


def ask_path(ctx: Context, parent: QWidget | None, suggested: str, fmt: str) -> Path | None:
    folder = ctx.prefs.value(FOLDER_KEY, str(Path.home()))
    filters = _("PDF files (*.pdf)") if fmt == "pdf" else _("Excel workbooks (*.xlsx)")
    name, _filter = QFileDialog.getSaveFileName(parent, _("Save the report"), str(Path(folder) / suggested), filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}")
    ctx.prefs.set_value(FOLDER_KEY, str(path.parent))
    return path


def render(reports: list[Report], path: Path, fmt: str) -> int:
    """Write ``reports`` to ``path``; returns pages (PDF) or sheets (Excel)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from villagebank.exports.xlsx import render_xlsx

        return render_xlsx(reports, path)
    from villagebank.exports.pdf import render_pdf

    return render_pdf(reports, path)


def save_reports(ctx: Context, build: Callable[[Any], list[Report]], fmt: str, *, parent: QWidget | None,
                 suggested: str, path: Path | None = None, done: Callable[[Path], None] | None = None,
                 failed: Callable[[BaseException], None] | None = None, key: str = "report-save",
                 after: Callable[[list[Report]], None] | None = None) -> bool:
    """Ask for the file (unless ``path``), then build (``build(op_context)``, on the writer thread, may report
    progress) and write it; ``after(reports)`` then runs there too (counting receipt prints). False when the user
    cancelled or the same run is going on."""
    target = path or ask_path(ctx, parent, suggested, fmt)
    if target is None:
        return False

    def work(op: Any) -> Path:
        reports = build(op)
        op.progress(0, 0, _("Writing {file}…").format(file=target.name))
        render(reports, target, fmt)
        if after is not None:
            after(reports)
        return target

    def finished(result: Path) -> None:
        ctx.say(_("Saved: {path}").format(path=str(result)))
        if done is not None:
            done(result)

    op = ctx.ops.run(work, done=finished, failed=failed, key=key, long=True, parent=parent,
                     label=_("Preparing the report…"))
    return op is not None
