"""Thai text for print: word segmentation, line filling, grapheme clusters, HarfBuzz shaping, ActualText.

Thai is written without spaces between words, and reportlab's own wrapping breaks inside words. So lines are
filled here: the text is cut into words with pythainlp's ``newmm`` segmenter, the words are measured with
reportlab's ``stringWidth`` and placed greedily. A line only breaks

* at whitespace, or
* between two segmenter words where the first ends in Thai and the second starts with a Thai consonant or
  a leading vowel (so ``(ผู้ค้ำประกัน)``, ``15/01/2568``, ``1,234.50`` and ``ดีๆ`` stay whole), unless the
  second is a lone consonant before a full stop (the end of an abbreviation: ``(กอช.)``, ``สปสช.``),

and only a single word wider than the whole line is cut, at grapheme-cluster boundaries (a leading vowel,
a consonant and all its marks and following vowels stay together).

Drawn lines are shaped by HarfBuzz through reportlab (``shapeStr``) so tone marks and upper vowels sit right;
shaping substitutes glyphs that have no Unicode value, so every drawn line is wrapped by the renderer in an
``/ActualText`` span (:func:`actual_text_begin`) that carries the typed text for copy and search.

Everything here is cached per string: reports repeat the same words, names and column widths many times.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

# pythainlp writes a data folder into the user's home unless told it is read-only; newmm needs only the
# dictionary shipped inside the package.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

#: Line height as a multiple of the font size: stacked Thai marks rise about 1.2 em above the baseline and
#: below-marks reach 0.33 em under it, so 1.5 em keeps lines from touching.
LEADING = 1.5
#: Baseline position below the top of a line box, as a multiple of the font size.
ASCENT = 1.12

_THAI = re.compile("[\u0e00-\u0e7f]")
# A break may follow a word ending in a Thai letter, vowel, mark, ฯ or ๆ ...
_THAI_END = re.compile("[\u0e01-\u0e4f]$")
# ... and precede one starting with a Thai consonant (not ฯ) or a leading vowel (เ แ โ ใ ไ).
_THAI_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")
# A grapheme-like cluster that a line never splits: leading vowels, a base character, then combining marks,
# above/below vowels, sara a/aa/am, lakkhangyao and tone marks.
_CLUSTER = re.compile("[\u0e40-\u0e44]*.[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e\u0300-\u036f]*", re.S)
# Strings HarfBuzz leaves unchanged in Sarabun (checked: no kerning between digits and these signs).
_NO_SHAPING = re.compile(r"[0-9 ,.\-+%/:()#]*")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


def _segment_thai(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize  # 0.8 s on first use; imported only when Thai needs it

    return word_tokenize(text, engine="newmm", keep_whitespace=True)


@lru_cache(maxsize=50_000)
def units(text: str) -> tuple[str, ...]:
    """``text`` (one line, no newlines) as unbreakable units; whitespace runs become single ``" "`` units.

    Concatenating the units gives ``text`` with whitespace runs collapsed to one space.
    """
    if not text:
        return ()
    if not _THAI.search(text):
        return tuple(" " if u.isspace() else u for u in re.split(r"(\s+)", text) if u)
    out: list[str] = []
    prev_space = True
    tokens = [t for t in _segment_thai(text) if t]
    for i, token in enumerate(tokens):
        if token.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
            continue
        # a lone consonant before a full stop ends an abbreviation the dictionary does not know (กอ|ช. in กอช.)
        abbreviation = len(token) == 1 and i + 1 < len(tokens) and tokens[i + 1].startswith(".")
        if out and not prev_space and (abbreviation or not (_THAI_END.search(out[-1]) and _THAI_START.match(token))):
            out[-1] += token
        else:
            out.append(token)
        prev_space = False
    return tuple(out)


def words(text: str) -> list[str]:
    """The words a line may break between (whitespace dropped): for tests and callers that need them."""
    return [u for line in text.split("\n") for u in units(_SPACES.sub(" ", line.strip())) if u != " "]


@lru_cache(maxsize=20_000)
def clusters(word: str) -> tuple[str, ...]:
    """``word`` cut at the only places a too-long word may be broken (never between a base and its marks)."""
    return tuple(_CLUSTER.findall(word))


_width_cache: dict[tuple[str, str], float] = {}


def width(text: str, font: str, size: float) -> float:
    """Unshaped advance width of ``text`` in points (cached per string and font at 1 pt)."""
    key = (text, font)
    w = _width_cache.get(key)
    if w is None:
        if len(_width_cache) > 200_000:
            _width_cache.clear()
        w = _width_cache[key] = pdfmetrics.stringWidth(text, font, 1.0)
    return w * size


def _split_long(word: str, font: str, size: float, avail: float) -> list[str]:
    """Cut ``word`` (wider than ``avail``) into pieces no wider than ``avail``, at cluster boundaries."""
    pieces: list[str] = []
    current = ""
    used = 0.0
    for cl in clusters(word):
        w = width(cl, font, size)
        if current and used + w > avail:
            pieces.append(current)
            current, used = "", 0.0
        current += cl
        used += w
    if current:
        pieces.append(current)
    return pieces


def _fill(text: str, font: str, size: float, avail: float) -> list[str]:
    """Greedy line filling over :func:`units` (unshaped widths add up exactly: no kerning in stringWidth)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    space = width(" ", font, size)
    pending_space = False
    for unit in units(text):
        if unit == " ":
            pending_space = bool(line)
            continue
        w = width(unit, font, size)
        gap = space if pending_space else 0.0
        if line and used + gap + w <= avail:
            if pending_space:
                line.append(" ")
            line.append(unit)
            used += gap + w
        else:
            if line:
                lines.append("".join(line))
            if w > avail:
                pieces = _split_long(unit, font, size, avail)
                lines.extend(pieces[:-1])
                unit = pieces[-1]
                w = width(unit, font, size)
            line, used = [unit], w
        pending_space = False
    if line:
        lines.append("".join(line))
    return lines


@lru_cache(maxsize=50_000)
def wrap(text: str, font: str, size: float, avail: float) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``avail`` points (see the module docstring for where).

    ``\\n`` forces a break; runs of spaces collapse to one; leading and trailing spaces of a line are dropped.
    Returns at least one line (``""`` for empty text). No character other than whitespace is lost.
    """
    out: list[str] = []
    for raw in text.split("\n"):
        para = _SPACES.sub(" ", raw.strip())
        if not para:
            out.append("")
        elif width(para, font, size) <= avail:
            out.append(para)
        else:
            out.extend(_fill(para, font, size, avail) or [""])
    # A line may come out slightly wider once shaped (kerning, substituted glyphs): re-check, never overflow.
    fixed: list[str] = []
    for line in out:
        if line and shaped_width(line, font, size) > avail + 0.01 and len(units(line)) > 1:
            fixed.extend(_refill_shaped(line, font, size, avail))
        else:
            fixed.append(line)
    return tuple(fixed) or ("",)


def _refill_shaped(line: str, font: str, size: float, avail: float) -> list[str]:
    """Rare path: move whole units to the next line until the shaped width fits."""
    parts = list(units(line))
    out: list[str] = []
    while parts:
        n = len(parts)
        while n > 1 and shaped_width("".join(parts[:n]).strip(), font, size) > avail:
            n -= 1
        out.append("".join(parts[:n]).strip())
        parts = parts[n:]
        while parts and parts[0] == " ":
            parts.pop(0)
    return out


@lru_cache(maxsize=100_000)
def shaped(text: str, font: str) -> str:
    """``text`` shaped by HarfBuzz for ``font`` (a ``ShapedStr`` when shaping changed anything).

    The shape data does not depend on the size, so one cached result serves every size.
    """
    if _NO_SHAPING.fullmatch(text):
        return text
    return shapeStr(text, font, 10.0)


def shaped_width(text: str, font: str, size: float) -> float:
    """Advance width of ``text`` as drawn (after shaping), in points."""
    s = shaped(text, font)
    if isinstance(s, ShapedStr):
        return sum(d.x_advance for d in s.__shapeData__) * size / 1000.0
    return width(text, font, size)


@lru_cache(maxsize=100_000)
def actual_text_begin(text: str) -> str:
    """The PDF operator opening a marked-content span whose ``/ActualText`` is ``text`` (close with EMC)."""
    return "/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().upper() + ">>> BDC"


def clear_caches() -> None:
    """Drop all cached segmentations, widths and shapes (tests; long-running processes)."""
    units.cache_clear()
    clusters.cache_clear()
    wrap.cache_clear()
    shaped.cache_clear()
    actual_text_begin.cache_clear()
    _width_cache.clear()
