"""The Sarabun fonts, registered with reportlab once per process.

Sarabun (OFL-1.1, in ``resources/fonts/``) has every Thai glyph and the OpenType tables HarfBuzz needs to
put tone marks and upper vowels in the right place. It has no ✓ (U+2713); it has √ (U+221A), the mark Thai
forms use for a tick.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from villagebank import paths

REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
ITALIC = "Sarabun-Italic"
BOLD_ITALIC = "Sarabun-BoldItalic"
FAMILY = "Sarabun"

_FILES = {
    REGULAR: "Sarabun-Regular.ttf",
    BOLD: "Sarabun-Bold.ttf",
    ITALIC: "Sarabun-Italic.ttf",
    BOLD_ITALIC: "Sarabun-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register Sarabun regular/bold/italic/bold-italic and the family mapping (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = paths.fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.exists():
                raise FileNotFoundError(f"Thai font missing: {path}")
            font = TTFont(name, str(path))
            font.shapable = True  # HarfBuzz shaping when uharfbuzz is importable
            pdfmetrics.registerFont(font)
        # Also maps <b>/<i> in platypus Paragraphs and canvas font lookups by family.
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True


def has_glyph(char: str, font_name: str = REGULAR) -> bool:
    """Whether ``font_name`` maps ``char`` (one code point) to a glyph."""
    register_fonts()
    return ord(char) in pdfmetrics.getFont(font_name).face.charToGlyph
