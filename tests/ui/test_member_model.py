"""The member list model: search, Thai order, filters, 10,000 rows, and the PySide6 crash guard."""

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt

from tests.conftest import member_values, valid_cid
from villagebank.ledger.dto import Member
from villagebank.ui.models.members import MEMBER_NO_ROLE, MemberTableModel


def make_member(no: int, first: str, last: str = "ทดสอบ", status: str = "active", cid: str | None = None) -> Member:
    return Member(no, "นาย", first, last, cid, None, "M", str(no), "5", "ดอนแก้ว", "แม่ริม", "เชียงใหม่",
                  "50180", "", "", None, None, "", "", False, dt.date(2025, 1, 3), status, None, None, "", "")


FIRST = ("สมชาย", "เกษม", "แสง", "บุญมี", "ไพโรจน์", "อำนาจ", "กมล", "ประเสริฐ", "ชาญชัย", "โชคดี")


def ten_thousand() -> list[Member]:
    return [make_member(i, FIRST[i % 10] + str(i % 97), "ใจดี", "active" if i % 13 else "resigned",
                        cid=f"{i:013d}") for i in range(1, 10_001)]


def names(model: MemberTableModel) -> list[str]:
    return [model.member(r).first_name for r in range(model.rowCount())]


def test_thai_name_order_skips_leading_vowels():
    model = MemberTableModel([make_member(i, n) for i, n in enumerate(FIRST, start=1)])
    model.set_order("name")
    # เกษม sorts under ก, ไพโรจน์ under พ, โชคดี under ช; แสง under ส but after สมชาย (ส+ม before ส+vowel)
    assert names(model) == ["กมล", "เกษม", "ชาญชัย", "โชคดี", "บุญมี", "ประเสริฐ", "ไพโรจน์", "สมชาย", "แสง",
                            "อำนาจ"]
    model.set_order("number")
    assert names(model) == list(FIRST)


def test_search_by_number_name_or_citizen_id_and_status():
    cid = valid_cid("110170020345")
    members = [make_member(1, "สมชาย", "ใจดี", cid=cid), make_member(12, "สมศรี", "มีสุข"),
               make_member(120, "บุญมี", "ใจดี", status="resigned")]
    model = MemberTableModel(members)
    model.set_filter("12")
    assert names(model) == ["สมศรี"]  # a number means the member number, exactly
    model.set_filter("๑๒๐")
    assert names(model) == ["บุญมี"]  # Thai digits too
    model.set_filter("ใจ ดี")
    assert names(model) == ["สมชาย", "บุญมี"]  # spaces ignored
    model.set_filter("ใจดี", statuses=("active", "suspended"))
    assert names(model) == ["สมชาย"]
    model.set_filter(cid[3:11])
    assert names(model) == ["สมชาย"]
    model.set_filter("")
    assert model.rowCount() == 3


def test_display_roles_and_retranslation(qtbot):
    from villagebank.i18n import set_language

    model = MemberTableModel([make_member(7, "สมชาย", status="resigned", cid=valid_cid("110170020345"))])
    index = model.index(0, model.COLUMNS.index("status"))
    assert model.data(index) == "ลาออก"
    assert model.data(model.index(0, 2)).count("-") == 4
    assert model.data(model.index(0, 0), MEMBER_NO_ROLE) == 7
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    with qtbot.waitSignal(model.headerDataChanged):
        set_language("en")
        model.retranslate()
    assert model.data(index) == "resigned"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "No."
    set_language("th")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "เลขที่"


def test_ten_thousand_members_filter_and_sort():
    """Correct at the network centre's size (the time is measured by ``make bench``'s gui job, not here)."""
    members = ten_thousand()
    model = MemberTableModel()
    model.set_members(members)
    model.set_order("name")
    model.set_filter("สมชาย")
    model.set_filter("สมชาย1")
    model.set_filter("")
    model.set_order("number")
    assert model.rowCount() == 10_000
    model.set_filter("5000")
    assert model.rowCount() == 1 and model.member(0).member_no == 5000


def test_model_data_survives_many_calls_through_a_proxy(qtbot, book):
    """Guards against the PySide6 6.12.0 + Python 3.11 none_dealloc crash (stack-notes)."""
    for i in range(20):
        book.add_member(member_values(f"สมาชิก{i}"))
    model = MemberTableModel(book.members())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    calls = 0
    for _ in range(60):
        for row in range(proxy.rowCount()):
            for col in range(proxy.columnCount()):
                idx = proxy.index(row, col)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole):
                    proxy.data(idx, role)
                    calls += 1
    assert calls > 10_000


def test_fast_search_key_equals_the_ledgers_name_key(book_with_members):
    from villagebank import demo
    from villagebank.thai import name_key
    from villagebank.ui.models.members import _Row

    for first in demo.MALE + demo.FEMALE:
        for last in demo.LAST[:5]:
            m = make_member(1, first, last)
            assert _Row(m).key == name_key(f"{first} {last}")
    for m in book_with_members.members():
        assert _Row(m).key == name_key(f"{m.first_name} {m.last_name}")
