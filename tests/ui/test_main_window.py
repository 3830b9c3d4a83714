from PySide6.QtCore import QSortFilterProxyModel, Qt

from tests.conftest import member_values
from villagebank.ui.main_window import MainWindow, MemberTableModel


def test_main_window_shows_bank_and_members(qtbot, book):
    book.add_member(member_values("สมชาย", "ใจดี"))
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    assert "ธนาคารหมู่บ้านทดสอบ" in window.title.text()
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == "สมชาย ใจดี"
    assert "25" in window.date_label.text()  # a B.E. year


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
