"""Why the bank's rules refuse something, in plain words: each refusal names its rule and the numbers.

:class:`ProblemList` shows a list of ledger problems (``RuleViolation``/``InvalidInput``) as lines
``✗ <rule>: <message>``, or one green line saying that every rule is met. The rule's name comes from the
rules editor's labels (``Rules.LABELS``), so the treasurer sees the same words as in Settings.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from villagebank.i18n import N_, UserError, _
from villagebank.ledger.rules import LABELS
from villagebank.ui.qt import Texts, tone

# Rules the ledger checks that are not settings of Rules (membership, money held, the schedule itself).
EXTRA_RULES = {
    "status": N_("Membership status"),
    "balance": N_("Money available"),
    "overpayment": N_("No more than is owed"),
    "interest_due": N_("Interest due"),
    "open_loan": N_("Loans still owed"),
    "welfare_schedule": N_("Welfare benefit schedule"),
    "welfare_fund": N_("Money in the welfare fund"),
    "partner_enrolment": N_("Partner fund enrolment"),
}

OK_COLOR = QColor("#1b5e20")
BAD_COLOR = QColor("#b71c1c")


def rule_name(problem: BaseException) -> str:
    """The translated name of the rule behind ``problem`` ("" when it names none)."""
    rule = getattr(problem, "rule", None)
    if not rule:
        return ""
    label = LABELS.get(rule) or EXTRA_RULES.get(rule)
    return _(label) if label else rule


def problem_text(problem: BaseException) -> str:
    """``Rule: message`` (the message without a repeated field prefix)."""
    message = problem.message() if isinstance(problem, UserError) else str(problem)
    name = rule_name(problem)
    field = getattr(problem, "field", None)
    if name and field and message.startswith(f"{_(field)}: "):
        message = message[len(_(field)) + 2:]  # the rule's name says it; the field would repeat it
    return f"{name}: {message}" if name else message


def problems_of(exc: BaseException) -> list[BaseException]:
    """The individual refusals inside ``exc`` (LoanRefused, ClaimRefused, CloseRefused list several)."""
    inner = getattr(exc, "problems", None)
    return list(inner) if inner else [exc]


class ProblemList(QLabel):
    """Lines of refusals, or a line saying all is well. ``set_problems([])`` shows ``ok_text``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)  # never takes a list's room when it is empty
        self.setSizePolicy(policy)
        self.problems: list[BaseException] = []
        self._ok = ""
        self._empty = True
        self.setHidden(True)
        self.texts.call(self._render, now=False)

    def set_problems(self, problems: Iterable[BaseException], ok_text: str = "") -> None:
        """``ok_text``: an N_ msgid shown (green, with ✓) when there is no problem."""
        self.problems = list(problems)
        self._ok = ok_text
        self._empty = False
        self._render()

    def clear_problems(self) -> None:
        self.problems = []
        self._empty = True
        self._render()

    def _render(self) -> None:
        if self._empty:
            self.setText("")
        elif self.problems:
            tone(self, BAD_COLOR)
            self.setText("\n".join(f"✗ {problem_text(p)}" for p in self.problems))
        else:
            tone(self, OK_COLOR)
            self.setText(f"✓ {_(self._ok)}" if self._ok else "")
        self.setHidden(not self.text())  # an empty list takes no room on the page

    @property
    def ok(self) -> bool:
        return not self.problems
