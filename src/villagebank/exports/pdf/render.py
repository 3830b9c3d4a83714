"""Draw laid-out pages with reportlab's canvas: shaped Thai inside ``/ActualText`` spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from villagebank.i18n import current_language
from villagebank.reports.table import Report

from .fonts import register_fonts
from .layout import LINE, RECT, TEXT, PageLayout, layout_report
from .thaitext import actual_text_begin, shaped

_ORIGIN = "BT 1 0 0 1 0 0 Tm "


class _TextCode:
    """PDF operators for each distinct (text, font, size) of one document, made once and reused.

    Font subsets are numbered per document, so the cache lives as long as one canvas. Each entry is the line's
    ``/ActualText`` span around a text object whose position is filled in when drawn.
    """

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.cache: dict[tuple[str, str, float], tuple[str, str]] = {}

    def __call__(self, text: str, font: str, size: float, x: float, y: float) -> str:
        key = (text, font, size)
        parts = self.cache.get(key)
        if parts is None:
            t = self.canvas.beginText(0, 0)
            t.setFont(font, size)
            t.textOut(shaped(text, font))
            code = t.getCode()
            # The typed text travels with the shaped glyphs: HarfBuzz's substituted glyphs (tone marks moved
            # clear of upper vowels) have no Unicode value of their own.
            span = actual_text_begin(text)
            if code.startswith(_ORIGIN):
                parts = (f"{span}\nBT 1 0 0 1 ", " Tm " + code[len(_ORIGIN):] + "\nEMC")
            else:  # another reportlab's text object layout: move the origin instead
                parts = (f"{span}\nq 1 0 0 1 ", f" cm {code} Q\nEMC")
            self.cache[key] = parts
        return f"{parts[0]}{x:.2f} {y:.2f}{parts[1]}"


def _draw(canvas: Canvas, page: PageLayout, text_code: _TextCode) -> None:
    code = canvas._code  # the page's operator list (what addLiteral() appends to)
    fill = stroke = None
    width = None
    for ops in (page.under, page.over):
        for op in ops:
            kind = op[0]
            if kind == TEXT:
                _, x, y, text, font, size, rgb = op
                if rgb != fill:
                    canvas.setFillColorRGB(*rgb)
                    fill = rgb
                code.append(text_code(text, font, size, x, y))
            elif kind == LINE:
                _, x1, y1, x2, y2, w, rgb = op
                if rgb != stroke:
                    canvas.setStrokeColorRGB(*rgb)
                    stroke = rgb
                if w != width:
                    canvas.setLineWidth(w)
                    width = w
                canvas.line(x1, y1, x2, y2)
            elif kind == RECT:
                _, x, y, w, h, fill_rgb, stroke_rgb, lw = op
                if fill_rgb is not None and fill_rgb != fill:
                    canvas.setFillColorRGB(*fill_rgb)
                    fill = fill_rgb
                if stroke_rgb is not None:
                    if stroke_rgb != stroke:
                        canvas.setStrokeColorRGB(*stroke_rgb)
                        stroke = stroke_rgb
                    if lw != width:
                        canvas.setLineWidth(lw)
                        width = lw
                canvas.rect(x, y, w, h, stroke=int(stroke_rgb is not None), fill=int(fill_rgb is not None))


def render_pdf(reports: Iterable[Report], path_or_file: str | object | BinaryIO) -> int:
    """Write ``reports`` into one PDF at ``path_or_file`` (a path or a binary file object); return its page count.

    Each report starts on a new page with its own page size and orientation; pages are numbered within each
    report ("หน้า 1/3"), so one file can hold, say, one statement per member. Thai is shaped by HarfBuzz and
    stays copyable (each line carries its typed text as ``/ActualText``). Strings in the reports are printed
    as given; the few fixed labels (page, printed date, signature) are translated in the current language.
    """
    reports = list(reports)
    if not reports:
        raise ValueError("render_pdf needs at least one report")
    register_fonts()
    # Binary (zlib only) streams: ASCII85 on top costs time and a quarter more bytes, and no reader needs it.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _render(reports, path_or_file)
    finally:
        rl_config.useA85 = a85


def _render(reports: list[Report], path_or_file: str | object | BinaryIO) -> int:
    first = reports[0]
    return _draw_all((layout_report(r) for r in reports), path_or_file, title=first.title, author=first.bank_name,
                     subject=first.period, lang=first.language or current_language())


def render_layouts(layouts: Iterable[list[PageLayout]], path_or_file: str | object | BinaryIO, *, title: str,
                   author: str = "", subject: str = "", lang: str | None = None) -> int:
    """Draw reports already laid out by :func:`~.layout.layout_report` (one page list per report), in order.

    For large runs whose layout is done in worker processes: page layouts are plain data and pickle.
    """
    register_fonts()
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _draw_all(layouts, path_or_file, title=title, author=author, subject=subject,
                         lang=lang or current_language())
    finally:
        rl_config.useA85 = a85


def _draw_all(layouts: Iterable[list[PageLayout]], path_or_file: str | object | BinaryIO, *, title: str,
              author: str, subject: str, lang: str) -> int:
    target = str(path_or_file) if hasattr(path_or_file, "__fspath__") else path_or_file
    canvas = Canvas(target, pageCompression=1, lang=lang)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("villagebank")
    text_code = _TextCode(canvas)
    count = 0
    for pages in layouts:
        for page in pages:
            canvas.setPageSize(page.size)
            _draw(canvas, page, text_code)
            canvas.showPage()
            count += 1
    if not count:
        raise ValueError("nothing to draw: no pages")
    canvas.save()
    return count
