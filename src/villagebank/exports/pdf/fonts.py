"""The Sarabun fonts, registered with reportlab once per process.

Sarabun (OFL-1.1, in ``resources/fonts/``) has every Thai glyph and the OpenType tables HarfBuzz needs to
put tone marks and upper vowels in the right place. It has no ✓ (U+2713); it has √ (U+221A), the mark Thai
forms use for a tick.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

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

_PRIVATE_TARGET = re.compile(r"<([0-9A-F]{2})> <((?:E[0-9A-F]|F[0-8])[0-9A-F]{2})>")


# Thai glyph names in the Adobe style ("thoThanthai" for U+0E10 THAI CHARACTER THO THAN), by lowercase name.
_THAI_NAMES = {
    unicodedata.name(chr(c), "").removeprefix("THAI CHARACTER ").replace(" ", "").lower() + "thai": chr(c)
    for c in range(0x0E01, 0x0E5C)
}


def _glyph_text(name: str) -> str | None:
    """The characters a glyph stands for, from its name: ``uni0E48.small`` → U+0E48, ``uni0E4D0E49`` →
    U+0E4D U+0E49, ``thoThanthai.less`` → U+0E10; ``None`` when the name says nothing."""
    base = name.split(".")[0]
    if base.startswith("uni") and len(base) > 3 and (len(base) - 3) % 4 == 0:
        try:
            return "".join(chr(int(base[i:i + 4], 16)) for i in range(3, len(base), 4))
        except ValueError:
            return None
    return _THAI_NAMES.get(base.lower())


class ThaiTTFont(TTFont):
    """A TrueType font whose ToUnicode map sends HarfBuzz's substituted glyphs back to characters.

    reportlab gives glyphs without a cmap entry (``uni0E48.small``, the tone mark moved above an upper vowel)
    private-use codes, and its ToUnicode map points at those. The renderer's ``/ActualText`` spans are what
    makes copy and search exact; this is the fallback for readers that ignore them: mapped through the glyph
    names, most words come back right (น้ำ still comes back as นํ้า: the mark ligature precedes sara aa, and
    poppler may put a mark moved left of its consonant on the wrong side of it).
    """

    def addObjects(self, doc: Any) -> None:  # doc: reportlab PDFDocument
        super().addObjects(doc)
        private: dict[int, str] = {}
        hb_font = None
        for code, gid in self.face.charToGlyph.items():
            if 0xE000 <= code <= 0xF8FF:
                hb_font = hb_font or self.hbFont(10)
                text = _glyph_text(hb_font.glyph_to_string(gid))
                if text:
                    private[code] = text
        if not private:
            return
        suffix = "+" + (self.face.name + self.face.subfontNameX).decode("pdfdoc")

        def remap(m: re.Match[str]) -> str:
            text = private.get(int(m.group(2), 16))
            return f"<{m.group(1)}> <{text.encode('utf-16-be').hex().upper()}>" if text else m.group(0)

        for key, obj in list(doc.idToObject.items()):
            if isinstance(key, str) and key.startswith("toUnicodeCMap:") and key.endswith(suffix):
                obj.content = _PRIVATE_TARGET.sub(remap, obj.content)


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
            font = ThaiTTFont(name, str(path))
            font.shapable = True  # HarfBuzz shaping when uharfbuzz is importable
            pdfmetrics.registerFont(font)
        # Also maps <b>/<i> in platypus Paragraphs and canvas font lookups by family.
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True


def has_glyph(char: str, font_name: str = REGULAR) -> bool:
    """Whether ``font_name`` maps ``char`` (one code point) to a glyph."""
    register_fonts()
    return ord(char) in pdfmetrics.getFont(font_name).face.charToGlyph
