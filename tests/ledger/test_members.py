import datetime as dt

import pytest

from tests.conftest import START, member_values, valid_cid
from villagebank.i18n import UserError
from villagebank.ledger import InvalidInput, NotFound
from villagebank.ledger.members import citizen_id_valid


def test_citizen_id_check_digit():
    assert citizen_id_valid("1101700203450")
    assert not citizen_id_valid("1101700203451")
    assert not citizen_id_valid("110170020345")
    assert not citizen_id_valid("11017002034a0")


def test_add_member_with_all_fields(book):
    m = book.add_member(member_values(
        "สมศรี", "ใจดี", cid="1-1017-00203-45-0", title="นาง", birth_date=dt.date(1970, 5, 1), sex="หญิง",
        house_no="12/3", moo="5", tambon="ดอนแก้ว", amphoe="แม่ริม", province="เชียงใหม่", postal_code="50180",
        phone="0812345678", occupation="ทำนา", income="8,000", household_debt="๕๐,๐๐๐", beneficiary="นายสมชาย ใจดี",
        welfare_needs="ค่ารักษาพยาบาล"))
    assert m.member_no == 1 and m.citizen_id == "1101700203450" and m.sex == "F"
    assert m.full_name == "นางสมศรี ใจดี"
    assert m.income.satang == 800000 and m.household_debt.satang == 5000000
    assert "หมู่ 5" in m.address or "Moo 5" in m.address
    assert m.status == "active"
    assert [h.status for h in book.member_status_history(1)] == ["active"]
    assert book.members() == [m]  # the list (built from the stored values) holds the same record


def test_the_member_list_holds_what_each_member_record_holds(book_with_members):
    """``members()`` builds its records from the stored values (dates parsed by hand, for speed): equal to
    ``member(no)``'s, whatever the fields, statuses and flags."""
    book = book_with_members
    listed = book.members()
    assert listed and listed == [book.member(m.member_no) for m in listed]
    assert all(type(m.join_date) is dt.date and type(m.is_group) is bool for m in listed)


@pytest.mark.parametrize(("values", "field"), [
    ({"first_name": ""}, "ชื่อ"),
    ({"citizen_id": "1101700203451"}, "เลขประจำตัวประชาชน"),
    ({"postal_code": "5018"}, "รหัสไปรษณีย์"),
    ({"birth_date": dt.date(2030, 1, 1)}, "วันเกิด"),
    ({"sex": "X"}, "เพศ"),
    ({"income": "-5"}, "รายได้"),
    ({"first_name": "ก" * 101}, "ชื่อ"),
])
def test_bad_member_input_is_refused_naming_the_field(book, values, field):
    data = member_values("สมชาย")
    data.update(values)
    with pytest.raises(UserError) as info:
        book.add_member(data)
    assert str(info.value).startswith(field), str(info.value)
    assert book.members() == []


def test_citizen_id_is_unique_and_numbers_are_never_reused(book):
    cid = valid_cid("110170020345")
    book.add_member(member_values("ก", cid=cid))
    with pytest.raises(InvalidInput) as info:
        book.add_member(member_values("ข", cid=cid))
    assert "1" in str(info.value)
    book.add_member(member_values("ข"), member_no=7)
    assert book.add_member(member_values("ค")).member_no == 8
    with pytest.raises(InvalidInput):
        book.add_member(member_values("ง"), member_no=7)


def test_edits_are_logged_with_old_and_new_values(book):
    book.add_member(member_values("สมชาย", "ใจดี", phone="0811111111"))
    book.edit_member(1, {"phone": "0822222222", "last_name": "ใจงาม"})
    m = book.member(1)
    assert m.phone == "0822222222" and m.last_name == "ใจงาม"
    log = {(e.field, e.old, e.new, e.by) for e in book.member_edits(1)}
    assert log == {("phone", "0811111111", "0822222222", "tester"), ("last_name", "ใจดี", "ใจงาม", "tester")}
    with pytest.raises(InvalidInput):
        book.edit_member(1, {"status": "deceased"})
    with pytest.raises(NotFound):
        book.edit_member(99, {"phone": "1"})
    assert book.members("ใจงาม")[0].member_no == 1


def test_search_by_number_name_and_literal_wildcards(book_with_members):
    book = book_with_members
    assert [m.member_no for m in book.members("3")] == [3]
    assert [m.member_no for m in book.members("๓")] == [3]
    assert [m.first_name for m in book.members("สม")] == ["สมชาย", "สมศรี"]
    assert book.members("%") == [] and book.members("_") == []
    book.add_member(member_values("100%_จริง"))
    assert [m.first_name for m in book.members("%_")] == ["100%_จริง"]
    assert book.members("'); DROP TABLE member;--") == []
    assert len(book.members()) == 6


def test_thai_sort_order_skips_leading_vowels(book):
    for name in ("ไพโรจน์", "เกษม", "ขวัญ", "กมล", "แสง", "สมชาย"):
        book.add_member(member_values(name))
    assert [m.first_name for m in book.members(order="name")] == ["กมล", "เกษม", "ขวัญ", "ไพโรจน์", "สมชาย", "แสง"]


def test_duplicate_names_are_found_across_thai_spelling_variants(book):
    book.add_member(member_values("น้ำฝน", "ใจดี"))
    dups = book.possible_duplicates(first_name="นํ้าฝน", last_name="ใจดี")
    assert [d.member_no for d in dups] == [1]
    dups = book.possible_duplicates(first_name="น้ำ\u200bฝน", last_name=" ใจดี ")
    assert [d.member_no for d in dups] == [1]


def test_join_date_defaults_are_not_guessed(book):
    with pytest.raises(InvalidInput):
        book.add_member({"first_name": "สมชาย"})
    assert book.add_member(member_values("สมชาย", join=START)).join_date == START
