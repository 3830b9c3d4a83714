"""Small Qt helpers every screen uses: live re-translation, relative fonts, Qt's own strings in Thai,
and a few widget factories. Nothing here knows about the ledger.

Re-translation: a screen keeps one :class:`Texts` and sets every visible string through it
(``texts.set(label.setText, N_("Search"))``). When the language changes (``i18n.set_language``), every
live ``Texts`` re-applies its strings, so no screen needs a restart or its own listener.

Fonts: the application font is the one size the user chooses (Settings, Ctrl++ / Ctrl+-). Widgets that
must be bigger or bold (headings, the navigation list) use :func:`font_role`, which stores a scale and
re-applies it whenever the application font changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget

from villagebank.i18n import N_, _, add_language_listener

# --- live re-translation --------------------------------------------------------------------------
_live_texts: weakref.WeakSet[Texts] = weakref.WeakSet()
_hook_installed = False


class Texts:
    """The translatable strings of one screen, re-applied when the language changes.

    ``set(setter, msgid, **params)`` calls ``setter(_(msgid).format(**params))`` now and after every
    language change; ``call(fn)`` re-runs ``fn`` (for models, combo boxes, computed labels). Setters of
    widgets Qt has already deleted are dropped quietly.
    """

    def __init__(self) -> None:
        self._items: list[tuple[Callable[..., Any], str | None, dict[str, Any]]] = []
        _live_texts.add(self)
        install_language_hook()

    def set(self, setter: Callable[[str], Any], msgid: str, **params: Any) -> None:
        self._items.append((setter, msgid, params))
        self._apply_one(setter, msgid, params)

    def call(self, fn: Callable[[], Any], *, now: bool = True) -> None:
        self._items.append((fn, None, {}))
        if now:
            fn()

    @staticmethod
    def render(msgid: str, params: dict[str, Any]) -> str:
        text = _(msgid)
        if params:
            values = {k: (v() if callable(v) else v) for k, v in params.items()}
            text = text.format(**values)
        return text

    def _apply_one(self, fn: Callable[..., Any], msgid: str | None, params: dict[str, Any]) -> bool:
        try:
            if msgid is None:
                fn()
            else:
                fn(self.render(msgid, params))
        except RuntimeError as exc:  # the widget is gone (C++ object deleted)
            if "deleted" in str(exc) or "already" in str(exc):
                return False
            raise
        return True

    def apply(self) -> None:
        self._items = [item for item in self._items if self._apply_one(*item)]


def _on_language(_lang: str) -> None:
    for texts in list(_live_texts):
        texts.apply()


def install_language_hook() -> None:
    global _hook_installed
    if not _hook_installed:
        add_language_listener(_on_language)
        _hook_installed = True


# --- Qt's own strings (buttons of standard dialogs, the line edit's context menu) -------------------
# Qt ships no Thai catalogue; these are the strings the widgets we use show, translated through ours.
QT_STRINGS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": N_("OK"), "Cancel": N_("Cancel"), "&Yes": N_("&Yes"), "&No": N_("&No"), "Close": N_("Close"),
        "Save": N_("Save"), "Open": N_("Open"), "Apply": N_("Apply"), "Discard": N_("Discard"),
        "Help": N_("Help"), "Reset": N_("Reset"), "Retry": N_("Retry"), "Ignore": N_("Ignore"),
        "Abort": N_("Abort"), "Restore Defaults": N_("Restore Defaults"),
    },
    "QLineEdit": {
        "&Undo": N_("&Undo"), "&Redo": N_("&Redo"), "Cu&t": N_("Cu&t"), "&Copy": N_("&Copy"),
        "&Paste": N_("&Paste"), "Delete": N_("Delete"), "Select All": N_("Select All"),
    },
    "QWidgetTextControl": {
        "&Undo": N_("&Undo"), "&Redo": N_("&Redo"), "Cu&t": N_("Cu&t"), "&Copy": N_("&Copy"),
        "&Paste": N_("&Paste"), "Delete": N_("Delete"), "Select All": N_("Select All"),
    },
    "QAbstractSpinBox": {"&Step up": N_("&Step up"), "Step &down": N_("Step &down"),
                         "&Select All": N_("&Select All")},
    "QFileDialog": {"Open": N_("Open"), "Cancel": N_("Cancel"), "File &name:": N_("File &name:"),
                    "Files of type:": N_("Files of type:"), "Look in:": N_("Look in:")},
    "QProgressDialog": {"Cancel": N_("Cancel")},
}


class GettextQtTranslator(QTranslator):
    """Answers Qt's ``tr()`` lookups for :data:`QT_STRINGS` from our gettext catalogue (live)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1):
        table = QT_STRINGS.get(context)
        if table is None or source not in table:
            return None  # a null string: Qt keeps its own text
        return _(table[source])

    def isEmpty(self) -> bool:
        return False


def install_qt_translator(app: QApplication) -> GettextQtTranslator:
    translator = GettextQtTranslator(app)
    app.installTranslator(translator)
    return translator


# --- fonts ----------------------------------------------------------------------------------------
DEFAULT_POINT_SIZE = 13
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 24
_SCALE = "vbFontScale"
_BOLD = "vbFontBold"


def font_role(widget: QWidget, scale: float = 1.0, *, bold: bool = False) -> QWidget:
    """Make ``widget``'s font ``scale`` times the application font (and bold), now and after changes."""
    widget.setProperty(_SCALE, float(scale))
    widget.setProperty(_BOLD, bool(bold))
    _apply_role(widget)
    return widget


def _apply_role(widget: QWidget) -> None:
    base = QApplication.font()
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else float(DEFAULT_POINT_SIZE)
    font.setPointSizeF(max(6.0, size * float(widget.property(_SCALE))))
    font.setBold(bool(widget.property(_BOLD)))
    widget.setFont(font)


def set_point_size(size: int) -> int:
    """Set the application font size (clamped) and re-apply every relative font; returns the size used."""
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, int(size)))
    font = QFont(QApplication.font())
    if font.pointSize() == size:
        return size
    font.setPointSize(size)
    QApplication.setFont(font)
    if QApplication.instance() is not None:
        for widget in QApplication.allWidgets():
            if widget.property(_SCALE) is not None:
                _apply_role(widget)
            elif widget.styleSheet():
                # A widget with its own style sheet no longer follows the application font (Qt): give
                # it the new font explicitly. (mark_error clears both again.)
                widget.setFont(QFont(font))
    return size


def point_size() -> int:
    size = QApplication.font().pointSize()
    return size if size > 0 else DEFAULT_POINT_SIZE


class FontChangeFilter(QObject):
    """Calls ``callback`` when ``widget``'s font changes (row heights, fixed widths that follow it)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._callback()
        return False


# --- small factories ----------------------------------------------------------------------------------
def heading(texts: Texts, msgid: str, scale: float = 1.3, **params: Any) -> QLabel:
    label = QLabel()
    texts.set(label.setText, msgid, **params)
    font_role(label, scale, bold=True)
    label.setWordWrap(True)
    return label


def note_label(texts: Texts | None = None, msgid: str | None = None, **params: Any) -> QLabel:
    """Grey explanatory text in plain words, wrapped."""
    label = QLabel()
    muted(label)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if texts is not None and msgid is not None:
        texts.set(label.setText, msgid, **params)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


ERROR_COLOR = QColor("#b71c1c")
NOTE_COLOR = QColor("#555555")
_ERROR_FRAME = "border: 2px solid #c62828; border-radius: 3px; padding: 1px;"


def mark_error(widget: QWidget, on: bool) -> None:
    """Frame a field in red while what it holds is refused (and clear it again)."""
    if bool(widget.property("error")) == on:
        return
    widget.setProperty("error", on)
    if on:
        font = QFont(widget.font())
        widget.setStyleSheet(_ERROR_FRAME)
        widget.setFont(font)
    else:
        widget.setStyleSheet("")
        widget.setFont(QFont())  # follow the application font again
    widget.update()


def tone(widget: QWidget, color: QColor) -> QWidget:
    """Colour a label's text (grey notes, red errors) with its palette: no style sheet, so the label
    keeps following the text-size setting."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    palette.setColor(QPalette.ColorRole.Text, color)
    widget.setPalette(palette)
    return widget


def muted(widget: QWidget) -> QWidget:
    return tone(widget, NOTE_COLOR)


def error_label(widget: QLabel) -> QLabel:
    widget.setWordWrap(True)
    return tone(widget, ERROR_COLOR)  # type: ignore[return-value]


def fill(widget: QWidget, background: str) -> QWidget:
    """A plain coloured background (the header, the demo banner)."""
    widget.setAutoFillBackground(True)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    widget.setPalette(palette)
    return widget


def apply_theme(app: QApplication) -> None:
    """Fusion with a calm blue for selections. No application style sheet: with one, Qt stops passing a
    changed application font on to the widgets, and the text-size setting must apply live."""
    app.setStyle("Fusion")
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1b5e9a"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("white"))
    app.setPalette(palette)


def calendar_icon(size: int = 32, color: QColor | None = None) -> QIcon:
    """A small calendar picture drawn with QPainter (no image files, sharp at any size)."""
    color = color or QColor("#35506b")
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    p.setPen(QPen(color, 2 * s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(4 * s, 7 * s, 24 * s, 21 * s), 3 * s, 3 * s)
    p.fillRect(QRectF(4 * s, 7 * s, 24 * s, 6 * s), color)
    p.drawLine(QPointF(10 * s, 4 * s), QPointF(10 * s, 9 * s))
    p.drawLine(QPointF(22 * s, 4 * s), QPointF(22 * s, 9 * s))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    for row in range(2):
        for col in range(4):
            p.drawRect(QRectF((7 + col * 5) * s, (16 + row * 5) * s, 3 * s, 3 * s))
    p.end()
    return QIcon(pix)


NAV_STYLE = "QListWidget::item { padding: 4px 10px; }"
