"""The bank's own details: name and where it is (used on the first-run screen and in Settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.book import BANK_LABELS
from villagebank.ledger.dto import BankInfo
from villagebank.thai import normalize_text
from villagebank.ui.qt import Texts
from villagebank.ui.views.fields import CharFilter
from villagebank.ui.views.forms import FormGrid

BANK_FIELDS = ("name", "village", "moo", "tambon", "amphoe", "province", "postal_code", "phone")
NOTES = {
    "name": N_("As the bank calls itself, for example ธนาคารหมู่บ้านบ้านดอนแก้ว. Printed on every report."),
    "moo": N_("The village number (หมู่ที่)."),
}


class BankForm(FormGrid):
    def __init__(self, texts: Texts, parent: QWidget | None = None, *, with_phone: bool = True) -> None:
        super().__init__(texts, parent, notes=True)
        self.edits: dict[str, QLineEdit] = {}
        for key in BANK_FIELDS:
            if key == "phone" and not with_phone:
                continue
            edit = QLineEdit()
            edit.setMaxLength(5 if key == "postal_code" else 200)
            if key == "postal_code":
                edit.setValidator(CharFilter("", edit))
            self.edits[key] = edit
            self.add(key, BANK_LABELS[key], edit, note=NOTES.get(key), required=key == "name",
                     check=(lambda k=key: self._check(k)))

    def _check(self, key: str) -> str | None:
        text = normalize_text(self.edits[key].text())
        if key == "name" and not text:
            return _("is required")
        if key == "postal_code" and text and (len(text) != 5 or not text.isdigit()):
            return _("must be 5 digits")
        return None

    def values(self) -> dict[str, str]:
        """The typed values; raises the first problem (naming its field) after marking all of them."""
        bad = self.check_all()
        if bad:
            raise UserError(self.rows[bad[0]].error.text(), BANK_LABELS[bad[0]])
        return {key: normalize_text(edit.text()) for key, edit in self.edits.items()}

    def set_bank(self, bank: BankInfo) -> None:
        for key, edit in self.edits.items():
            edit.setText(getattr(bank, key))
        self.clear_errors()
