"""Enrol a member in a partner fund (กอช., the community welfare fund…) from a date."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.partners import FIELD_LABELS
from villagebank.ui.context import Context
from villagebank.ui.errors import show_error
from villagebank.ui.qt import Texts, heading
from villagebank.ui.views.dates import BEDateEdit
from villagebank.ui.views.forms import FormGrid
from villagebank.ui.views.pickers import MemberPicker, PartnerCombo
from villagebank.ui.views.problems import ProblemList, problems_of

PARTNERS = "partners"


class EnrolDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None, *, member_no: int | None = None,
                 partner: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()
        t = self.texts
        t.set(self.setWindowTitle, N_("Enrol in a partner fund"))
        self.enrolment = None
        self.member = MemberPicker(ctx.book)
        if member_no is not None:
            self.member.set_number(member_no)
        self.partner = PartnerCombo(ctx.book)
        if partner is not None:
            self.partner.setCurrentIndex(max(0, self.partner.findData(partner)))
        self.since = BEDateEdit(field=FIELD_LABELS["since"])
        self.since.setDate(ctx.today())
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.form = FormGrid(t)
        self.form.add("member", N_("Member"), self.member, required=True)
        self.form.add("partner", FIELD_LABELS["partner"], self.partner, required=True)
        self.form.add("since", FIELD_LABELS["since"], self.since, required=True)
        self.form.add("note", FIELD_LABELS["note"], self.note)
        self.problems = ProblemList()
        self.ok_button = QPushButton()
        t.set(self.ok_button.setText, N_("&Enrol the member"))
        self.ok_button.setDefault(True)
        cancel = QPushButton()
        t.set(cancel.setText, N_("Go back"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(t, N_("Enrol in a partner fund"), 1.15))
        layout.addWidget(self.form)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())
        (self.partner if member_no is not None else self.member).setFocus()

    def save(self) -> None:
        member, key = self.member.member(), self.partner.key()
        if member is None or key is None:
            self.problems.set_problems([UserError(N_("choose a member and a partner fund first"))])
            return
        try:
            since = self.since.date()
        except UserError as exc:
            self.problems.set_problems([exc])
            return
        note = self.note.text()
        self.ok_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.book.enrol_partner(member.member_no, key, since, note), topic=PARTNERS,
                     done=self._saved, failed=self._failed, owner=self, parent=self)

    def _saved(self, enrolment) -> None:
        self.enrolment = enrolment
        self.ctx.say(_("Member {no} is enrolled in {partner}.").format(no=enrolment.member_no,
                                                                       partner=self.partner.currentText()))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.problems.set_problems(problems_of(exc))
        else:
            show_error(self, exc)
