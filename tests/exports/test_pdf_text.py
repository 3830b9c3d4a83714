"""Thai line breaking, clusters and shaping for the PDF renderer (no PDF written here)."""

from __future__ import annotations

import re

import pytest
from pythainlp.tokenize import word_tokenize
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

from villagebank.exports.pdf import thaitext
from villagebank.exports.pdf.fonts import BOLD, REGULAR, has_glyph, register_fonts
from villagebank.exports.pdf.thaitext import clusters, shaped, shaped_width, units, words, wrap

LONG_PARAGRAPH = (
    "ธนาคารหมู่บ้านจัดประชุมใหญ่สามัญประจำปีเพื่อรายงานผลการดำเนินงานและจัดสรรกำไรสุทธิให้แก่สมาชิก"
    "ตามสัดส่วนเงินฝากสัจจะออมทรัพย์ สมาชิกที่มีดอกเบี้ยค้างชำระต้องชำระให้ครบถ้วนก่อนวันปิดบัญชี "
    "ผู้ค้ำประกันมีหน้าที่ติดตามผู้กู้ให้ปฏิบัติตามสัญญาเงินกู้ทุกประการ คณะกรรมการได้พิจารณาฎีกา"
    "การเบิกจ่ายเงินและออกใบเสร็จรับเงินทุกครั้งที่มีการรับชำระ หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"
)
# Characters a line must never start with: they belong to the character before them.
_DEPENDENT = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")


@pytest.fixture(autouse=True, scope="module")
def fonts() -> None:
    register_fonts()


def _segmenter_words(text: str) -> list[tuple[int, int, str]]:
    """The segmenter's own words with their offsets in ``text`` with whitespace removed."""
    out, pos = [], 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        token = "".join(token.split())
        out.append((pos, pos + len(token), token))
        pos += len(token)
    return out


@pytest.mark.parametrize("avail", [60.0, 97.5, 150.0, 233.0, 400.0])
def test_wrap_breaks_only_between_words_and_keeps_all_text(avail: float) -> None:
    lines = wrap(LONG_PARAGRAPH, REGULAR, 11, avail)
    assert len(lines) > 1
    squeeze = "".join(LONG_PARAGRAPH.split())
    assert "".join("".join(line.split()) for line in lines) == squeeze  # nothing lost, nothing added
    segmented = _segmenter_words(LONG_PARAGRAPH)
    pos = 0
    for line in lines[:-1]:
        pos += len("".join(line.split()))
        inside = [w for start, end, w in segmented if start < pos < end]
        # Only a word wider than the whole line may be cut (at a cluster boundary, tested below).
        assert not inside or shaped_width(inside[0], REGULAR, 11) > avail, f"line ends inside a word: {line!r}"
    for line in lines:
        assert shaped_width(line, REGULAR, 11) <= avail + 0.01
        assert line == line.strip()


def test_wrap_bold_and_hard_breaks() -> None:
    lines = wrap("สัจจะออมทรัพย์\nดอกเบี้ยค้างชำระ", BOLD, 10, 500)
    assert lines == ("สัจจะออมทรัพย์", "ดอกเบี้ยค้างชำระ")
    assert wrap("", REGULAR, 10, 50) == ("",)
    assert wrap("  a   b  ", REGULAR, 10, 50) == ("a b",)


def test_units_keep_numbers_dates_brackets_and_repeat_marks_whole() -> None:
    u = units("ดอกเบี้ยค้างชำระ 1,234.50 บาท ณ วันที่ 15/01/2568 (ผู้ค้ำประกัน) ดีๆ กรุงเทพฯ")
    for whole in ("1,234.50", "15/01/2568", "(ผู้ค้ำประกัน)", "ดีๆ", "กรุงเทพฯ"):
        assert whole in u
    assert words("สมาชิก 12 คน 1,234.50 บาท") == ["สมาชิก", "12", "คน", "1,234.50", "บาท"]


def test_abbreviations_the_dictionary_does_not_know_stay_whole() -> None:
    u = units("กองทุนการออมแห่งชาติ (กอช.) ทวีรัก ธ.ก.ส. อบต. สปสช.")
    for whole in ("(กอช.)", "ธ.ก.ส.", "อบต.", "สปสช."):
        assert whole in u
    assert "กองทุน" in u and "แห่งชาติ" in u  # words still break
    assert units("ณ วันที่") == ("ณ", " ", "วันที่")


def test_mixed_thai_latin_digits_wraps_at_spaces_and_thai_words() -> None:
    text = "สมาชิก 12 คน 1,234.50 บาท Mr. John O'Neil ผู้ค้ำประกัน 15/01/2568"
    for avail in (60.0, 70.0, 120.0):  # every unit fits in 60 pt
        lines = wrap(text, REGULAR, 10, avail)
        joined = " ".join(lines)
        for whole in ("1,234.50", "15/01/2568", "O'Neil", "Mr."):
            assert whole in joined.split(" ")


@pytest.mark.parametrize("word", ["กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ", "ปั๊มน้ำกู้ปี่ฝั่งเบี้ยญี่ปุ่น" * 4,
                                  "Supercalifragilisticexpialidocious1234567890"])
def test_a_word_wider_than_the_line_breaks_between_clusters(word: str) -> None:
    lines = wrap(word, REGULAR, 10, 45)
    assert len(lines) > 1
    assert "".join(lines) == word
    for line in lines:
        assert not _DEPENDENT.match(line), f"line starts with a mark or following vowel: {line!r}"
        assert shaped_width(line, REGULAR, 10) <= 45.01


def test_clusters_never_separate_marks_from_their_consonant() -> None:
    assert clusters("น้ำ") == ("น้ำ",)
    assert clusters("เกี๊ยะ") == ("เกี๊", "ยะ")
    assert clusters("ผู้ค้ำ") == ("ผู้", "ค้ำ")
    assert clusters("ปั๊ม") == ("ปั๊", "ม")


def test_shaping_substitutes_the_small_tone_mark_above_sara_i() -> None:
    s = shaped("ที่", REGULAR)
    assert isinstance(s, ShapedStr)
    private = [ch for ch in s if 0xE000 <= ord(ch) <= 0xF8FF]
    assert private, "HarfBuzz did not substitute any glyph"
    font = pdfmetrics.getFont(REGULAR)
    gid = font.face.charToGlyph[ord(private[0])]
    assert font.hbFont(10).glyph_to_string(gid) == "uni0E48.small"
    # Digits need no shaping and are drawn as they are.
    assert shaped("1,234.50", REGULAR) == "1,234.50"
    assert not isinstance(shaped("1,234.50", REGULAR), ShapedStr)


def test_actual_text_span_is_utf16_hex() -> None:
    assert thaitext.actual_text_begin("ที่") == "/Span <</ActualText <FEFF0E170E350E48>>> BDC"


def test_sarabun_has_no_check_mark_but_has_the_square_root_tick() -> None:
    from villagebank.exports.pdf import CHECK_MARK

    assert has_glyph(CHECK_MARK)
    expected = "✓" if has_glyph("✓") else "√"
    assert expected == CHECK_MARK
