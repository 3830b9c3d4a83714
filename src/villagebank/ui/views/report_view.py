"""A report on screen: the same :class:`~villagebank.reports.table.Report` the PDF and Excel files are made
from, laid out as an HTML document (tables with money right-aligned, B.E. dates, totals in bold) in a
``QTextBrowser``. The same document prints through QPrinter (``print_reports``): Qt lays out Thai correctly
on screen and on paper, with the bundled Sarabun font.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from villagebank.i18n import _
from villagebank.reports.table import (
    KeyValues,
    Kind,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Style,
)
from villagebank.thai import format_amount, format_date

RIGHT = (Kind.MONEY, Kind.INT, Kind.PERCENT)
CSS = """
body { }
h1 { font-size: 130%; margin: 0; }
h2 { font-size: 110%; margin: 8px 0 2px 0; }
.bank { font-size: 115%; font-weight: bold; }
.period { color: #444; }
table.t { border-collapse: collapse; margin: 4px 0 10px 0; }
table.t th { background: #e8eef4; padding: 4px 8px; border: 1px solid #b8c4d0; text-align: left; }
table.t td { padding: 3px 8px; border: 1px solid #d0d7de; }
td.r, th.r { text-align: right; }
td.c { text-align: center; }
tr.total td { font-weight: bold; border-top: 2px solid #555; }
tr.subtotal td { font-weight: bold; }
tr.head td { font-weight: bold; background: #f3f5f7; }
table.kv td { padding: 2px 12px 2px 0; }
td.label { color: #555; }
.small { font-size: 85%; color: #555; }
.sign { margin-top: 18px; }
"""


def cell_text(value: object, kind: Kind) -> str:
    if value is None or value == "":
        return ""
    if kind is Kind.MONEY:
        return format_amount(getattr(value, "satang", value))  # type: ignore[arg-type]
    if kind is Kind.INT:
        return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
    if kind is Kind.DATE:
        return format_date(value) if isinstance(value, dt.date) else str(value)
    if kind is Kind.PERCENT:
        if isinstance(value, Decimal):
            value = value.normalize()
        return f"{value}%"
    if kind is Kind.CHECK:
        return "✓" if value else ""
    return str(value)


def _e(text: object) -> str:
    return html.escape(str(text)).replace("\n", "<br/>")


def _table(t: ReportTable) -> str:
    out = []
    if t.title:
        out.append(f"<h2>{_e(t.title)}</h2>")
    out.append('<table class="t" cellspacing="0">')
    out.append("<tr>" + "".join(f'<th class="{"r" if c.kind in RIGHT else ""}">{_e(c.title)}</th>'
                                for c in t.columns) + "</tr>")
    for row in t.rows:
        cls = {Style.TOTAL: "total", Style.SUBTOTAL: "subtotal", Style.HEAD: "head"}.get(row.style, "")
        if row.style is Style.HEAD:
            first = next((c for c in row.cells if c not in (None, "")), "")
            out.append(f'<tr class="head"><td colspan="{len(t.columns)}">{_e(first)}</td></tr>')
            continue
        cells = []
        for value, col in zip(row.cells, t.columns, strict=False):
            align = "r" if col.kind in RIGHT else ("c" if col.kind in (Kind.CODE, Kind.CHECK) else "")
            # Numbers, dates and people's names are never broken across lines; other text wraps.
            keep = col.kind is not Kind.TEXT or col.names or not col.wrap
            text = _e(cell_text(value, col.kind))
            if keep:
                text = f"<nobr>{text}</nobr>"
            cells.append(f'<td class="{align}">{text}</td>')
        out.append(f'<tr class="{cls}">' + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _key_values(kv: KeyValues) -> str:
    out = []
    if kv.title:
        out.append(f"<h2>{_e(kv.title)}</h2>")
    out.append('<table class="kv" cellspacing="0">')
    per = max(1, kv.columns)
    for i in range(0, len(kv.items), per):
        out.append("<tr>")
        for label, value, kind in kv.items[i:i + per]:
            align = ' class="r"' if kind in RIGHT else ""
            out.append(f'<td class="label">{_e(label)}</td><td{align}><b>{_e(cell_text(value, kind))}</b></td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def report_html(report: Report) -> str:
    parts = [f'<p class="bank">{_e(report.bank_name)}</p>', f"<h1>{_e(report.title)}</h1>",
             f'<p class="period">{_e(report.period)}</p>']
    if report.copy_mark:
        parts.append(f"<p><b>{_e(report.copy_mark)}</b></p>")
    for block in report.blocks:
        if isinstance(block, ReportTable):
            parts.append(_table(block))
        elif isinstance(block, KeyValues):
            parts.append(_key_values(block))
        elif isinstance(block, Paragraph):
            style = f' align="{block.align}"' if block.align != "left" else ""
            cls = ' class="small"' if block.small else ""
            text = f"<b>{_e(block.text)}</b>" if block.bold else _e(block.text)
            parts.append(f"<p{style}{cls}>{text}</p>")
        elif isinstance(block, PageBreak):
            parts.append("<hr/>")
    if report.signatures:
        cells = []
        for s in report.signatures:
            role, name = (s.role, s.name) if isinstance(s, Signature) else (s, "")
            who = f"<br/>({_e(name)})" if name else ""
            cells.append(f'<td align="center" class="sign">........................................<br/>'
                         f"{_e(role)}{who}</td>")
        parts.append('<table width="100%" cellspacing="12"><tr>' + "".join(cells) + "</tr></table>")
    footer = []
    if report.printed_on:
        footer.append(_("Printed on {date}").format(date=format_date(report.printed_on)))
    if report.anchor:
        footer.append(_("Last entry {anchor}").format(anchor=report.anchor))
    if footer:
        parts.append(f'<p class="small">{_e(" · ".join(footer))}</p>')
    return "".join(parts)


def reports_html(reports: Iterable[Report], *, more: int = 0) -> str:
    body = '<hr style="page-break-after: always"/>'.join(report_html(r) for r in reports)
    if more:
        body += f'<p class="small">{_e(_("… and {count} more (in the saved or printed file).").format(count=more))}</p>'
    return f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"


def document(reports: list[Report], parent: QWidget | None = None) -> QTextDocument:
    doc = QTextDocument(parent)
    doc.setHtml(reports_html(reports))
    return doc


class ReportView(QTextBrowser):
    """Shows reports; ``show_reports([])`` with a message shows just the message."""

    PREVIEW_LIMIT = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # Tables keep their natural width (numbers and dates on one line) and scroll sideways if wider than
        # the view: Qt would otherwise squeeze every column into the view and break numbers apart.
        self.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        self.reports: list[Report] = []

    def show_reports(self, reports: list[Report]) -> None:
        self.reports = list(reports)
        shown = self.reports[: self.PREVIEW_LIMIT]
        self.setHtml(reports_html(shown, more=len(self.reports) - len(shown)))

    def show_message(self, text: str) -> None:
        self.reports = []
        self.setHtml(f"<html><body><p>{_e(text)}</p></body></html>")

    def plain_text(self) -> str:
        return self.toPlainText()


def print_reports(reports: list[Report], parent: QWidget | None = None) -> bool:
    """Ask for a printer (Qt's print dialog) and print ``reports``; True when printed."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if reports and reports[0].landscape:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    ok = dialog.exec() == QPrintDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not ok:
        return False
    doc = document(reports, parent)
    doc.print_(printer)
    doc.deleteLater()
    return True
