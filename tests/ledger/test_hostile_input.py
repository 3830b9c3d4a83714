"""Hostile text and Thai typing variants against member add and search (reliability-tests.md):
stored safely, searched literally, limits enforced; variants of one name found as the same name; the
citizen ID is the primary duplicate key. (Neutralising ``=`` ``+`` ``-`` ``@`` cells is the Excel
exporter's job and is tested there.)"""

import pytest

from tests.conftest import member_values, valid_cid
from villagebank.i18n import UserError
from villagebank.ledger import InvalidInput


def names(members):
    return [m.first_name for m in members]


def test_sql_in_a_name_is_stored_as_text(book):
    evil = "'); DROP TABLE member;--"
    m = book.add_member(member_values(evil, last="Robert"))
    assert book.member(m.member_no).first_name == evil
    assert names(book.members("DROP TABLE")) == [evil]
    assert len(book.members()) == 1 and book.verify().ok


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_like_wildcards_are_searched_literally(book, wildcard):
    book.add_member(member_values(f"สม{wildcard}ชาย"))
    book.add_member(member_values("สมหญิง"))
    book.add_member(member_values("มานะ"))
    assert names(book.members(wildcard)) == [f"สม{wildcard}ชาย"]
    assert names(book.members(f"ม{wildcard}")) == [f"สม{wildcard}ชาย"]


def test_control_and_invisible_characters_are_removed(book):
    typed = "สม\u0000ชาย\u200b \u202eใจดี\u200d"  # NUL, zero-width space, RTL override, zero-width joiner
    m = book.add_member(member_values(typed, last="\ufeffมีสุข"))
    assert m.first_name == "สมชาย ใจดี" and m.last_name == "มีสุข"
    assert names(book.members("สมชาย")) == ["สมชาย ใจดี"]


def test_a_10000_character_name_is_refused_naming_the_field_and_the_limit(book):
    with pytest.raises(UserError) as info:
        book.add_member(member_values("ก" * 10_000))
    message = str(info.value)
    assert "ชื่อ" in message and "100" in message
    assert book.members() == []


def test_a_formula_is_stored_as_plain_text(book):
    formula = '=HYPERLINK("http://evil.example","คลิก")'
    m = book.add_member(member_values("สมชาย", occupation=formula))
    assert book.member(m.member_no).occupation == formula


def test_thai_spelling_variants_are_one_name_for_search_and_duplicates(book):
    book.add_member(member_values("น้ำใส", last="ใจงาม"))
    variants = [
        "น\u0e4d\u0e49\u0e32ใส",  # นํ้า: nikhahit + mai tho + sara aa, typed instead of sara am
        "น\u0e33\u0e49ใส",  # sara am typed before the tone mark
        "น\u0e49\u0e49\u0e33ใส",  # a doubled tone mark
        "น้ำ\u200bใส",  # a zero-width space inside the name
    ]
    for typed in variants:
        assert names(book.members(typed)) == ["น้ำใส"], typed
        dupes = book.possible_duplicates(first_name=typed, last_name="ใจงาม")
        assert [d.first_name for d in dupes] == ["น้ำใส"], typed


def test_the_citizen_id_is_the_primary_duplicate_key(book):
    cid = valid_cid("110170020345")
    book.add_member(member_values("สมชาย", cid=cid))
    with pytest.raises(InvalidInput):
        book.add_member(member_values("สมศักดิ์", last="คนอื่น", cid=cid))  # another name, the same person
    thai_digits = cid.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    with pytest.raises(InvalidInput):
        book.add_member(member_values("สมศักดิ์", cid=f"{thai_digits[:1]}-{thai_digits[1:5]}-{thai_digits[5:]}"))
    dupes = book.possible_duplicates(first_name="ใครก็ได้", last_name="", citizen_id=cid)
    assert [d.first_name for d in dupes] == ["สมชาย"]
    # The same name with another citizen ID is a possible duplicate to show, not a refusal.
    other = book.add_member(member_values("สมชาย", cid=valid_cid("310170020345")))
    assert other.member_no == 2
