"""Reports as PDF: Thai shaped by HarfBuzz, copyable, broken between words.

``render_pdf(reports, path_or_file) -> page count`` is the entry point. Imports reportlab (about 0.3 s) and,
on the first Thai text that needs breaking, pythainlp (about 0.8 s): import this package lazily from the GUI.
"""

from __future__ import annotations

from .layout import CHECK_MARK, format_value, layout_report
from .render import render_layouts, render_pdf

__all__ = ["CHECK_MARK", "format_value", "layout_report", "render_layouts", "render_pdf"]
