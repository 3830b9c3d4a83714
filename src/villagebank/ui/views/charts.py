"""A small trend chart drawn with QPainter (QtCharts is not part of PySide6-Essentials): one value per month,
as bars, the last month's value written large above, month initials under the bars."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#5b8db8")
LAST_BAR = QColor("#1b5e9a")
AXIS = QColor("#b0bcc8")
TEXT = QColor("#555555")


class TrendChart(QWidget):
    """``set_series(title, values, labels, text)``: ``values`` one per month (oldest first), ``labels`` the
    month initials under the bars, ``text`` the current value as it should read (money or a count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.values: list[int] = []
        self.labels: list[str] = []
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_series(self, title: str, values: list[int], labels: list[str], text: str) -> None:
        self.title, self.values, self.labels, self.text = title, list(values), list(labels), text
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("M") * 22, fm.height() * 8)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("M") * 14, int(fm.height() * 6.5))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line = fm.height()
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor("#f7f9fb"))
        p.setPen(QPen(AXIS))
        p.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))
        pad = 8
        # Title (grey) and the current value (bold), each on a line tall enough for Thai marks.
        p.setPen(TEXT)
        p.drawText(QRectF(pad, pad, w - 2 * pad, line * 1.3), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   self.title)
        bold = p.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        p.setFont(bold)
        p.setPen(QColor("#1b3a57"))
        p.drawText(QRectF(pad, pad + line * 1.3, w - 2 * pad, line * 1.5),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text)
        p.setFont(self.font())
        top = pad + line * 3.0
        bottom = h - pad - line * 1.3
        if not self.values or bottom - top < 8:
            p.end()
            return
        n = len(self.values)
        lo = min(0, min(self.values))
        hi = max(self.values)
        span = (hi - lo) or 1
        slot = (w - 2 * pad) / n
        gap = max(2.0, slot * 0.25)
        p.setPen(QPen(AXIS))
        p.drawLine(int(pad), int(bottom), int(w - pad), int(bottom))
        for i, value in enumerate(self.values):
            x = pad + i * slot + gap / 2
            height = (bottom - top) * (value - lo) / span
            p.fillRect(QRectF(x, bottom - height, slot - gap, height), LAST_BAR if i == n - 1 else BAR)
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        p.setFont(small)
        p.setPen(TEXT)
        widest = max((p.fontMetrics().horizontalAdvance(label) for label in self.labels[:n]), default=0)
        every = max(1, int((widest + 6) // max(slot, 1)) + (1 if (widest + 6) % max(slot, 1) else 0))
        for i, label in enumerate(self.labels[:n]):
            if (n - 1 - i) % every:  # the newest month always has its label
                continue
            x = pad + i * slot - slot * (every - 1) / 2
            p.drawText(QRectF(x, bottom + 1, slot * every, line * 1.3),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        p.end()
