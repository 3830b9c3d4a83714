"""Problems found in a workbook, each pinned to its cell: ``sheet!cell: message`` in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from villagebank.exports.workbook.contract import SHEET_ORDER
from villagebank.i18n import UserError

# progress(stage, done, total): stage is "read" or "post"; the CLI draws a bar, the GUI a progress dialog.
Progress = Callable[[str, int, int], None]


def column_letter(col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """An error or warning at a place in the workbook.

    ``row`` 0 means the sheet (or, with no sheet, the whole file); ``col`` 0 means the whole row
    (shown as ``sheet!1:1``, e.g. a missing column in the header row)."""

    sheet_key: str | None  # the contract key of the sheet, None when unknown
    sheet: str  # the sheet's name as it is in the workbook
    row: int
    col: int
    error: UserError

    @property
    def where(self) -> str:
        if not self.sheet:
            return ""
        if self.row == 0:
            return self.sheet
        if self.col == 0:
            return f"{self.sheet}!{self.row}:{self.row}"
        return f"{self.sheet}!{column_letter(self.col)}{self.row}"

    def message(self) -> str:
        return self.error.message()

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message()}" if where else self.message()

    def sort_key(self) -> tuple:
        order = SHEET_ORDER.get(self.sheet_key or "", len(SHEET_ORDER) if self.sheet else -1)
        return (order, self.sheet, self.row, self.col)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """By sheet (in the contract's order), row and column; each distinct problem once."""
    seen: set[tuple] = set()
    out = []
    for p in sorted(problems, key=Problem.sort_key):
        key = (*p.sort_key(), p.error.template, tuple(sorted((k, str(v)) for k, v in p.error.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


class WorkbookError(UserError):
    """A workbook-level refusal (not an Excel file, not a book workbook, an unknown version...)."""

    code = "workbook"
