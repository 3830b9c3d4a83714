"""Read a book workbook (openpyxl, read-only streaming) into typed rows, with every problem pinned to its cell.

Sheets are found by key or Thai name, columns by key or Thai label (case, spaces and Thai typing variants
do not matter); unknown sheets and columns are ignored with a warning; a missing required column is an
error. The export-only sheets balances and summary, and the export's note, are skipped: the app recomputes
them. The year-end sheets (allocation, member payouts) are read: they name the years the import closes,
and the importer checks them against the close it recomputes.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from villagebank.exports.workbook import contract as c
from villagebank.exports.workbook.cells import (
    CellError,
    header_key,
    is_blank,
    read_cell,
    read_date,
    read_text,
)
from villagebank.exports.workbook.problems import Problem, Progress, WorkbookError
from villagebank.i18n import N_, UserError
from villagebank.ledger import Money, Rules
from villagebank.ledger.rules import LABELS, MONEY_RULES, coerce, field_names

COMPLEX_RULES = ("partners", "savings_products", "welfare_death", "claim_days")


@dataclass
class Row:
    """One data row: typed values by column key (None when blank or the column is absent)."""

    sheet: str  # contract key
    name: str  # the sheet's name in the workbook
    number: int  # the Excel row number
    values: dict[str, Any]
    cols: dict[str, int]  # column key -> 1-based column index, for the columns the sheet has
    ok: bool = True  # False when a cell of the row could not be read

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def problem(self, key: str | None, error: UserError) -> Problem:
        return Problem(self.sheet, self.name, self.number, self.cols.get(key or "", 0), error)


@dataclass
class BankSheet:
    name: str = "bank"  # the sheet's name in the workbook
    fields: dict[str, Any] = field(default_factory=dict)  # name, village, ..., as_of
    rules: Rules = field(default_factory=Rules)
    rule_names: tuple[str, ...] = ()  # the rules the sheet sets
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (row, value column)
    found: bool = False

    def problem(self, key: str, error: UserError) -> Problem:
        row, col = self.cells.get(key, (0, 0))
        return Problem("bank", self.name, row, col, error)


@dataclass
class ParsedWorkbook:
    path: Path
    bank: BankSheet
    rows: dict[str, list[Row]]  # by sheet key, in sheet order
    sheet_names: dict[str, str]  # key -> the name in the workbook
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stop: bool = False  # the file cannot be interpreted (not a book workbook, unknown version)

    def sheet(self, key: str) -> list[Row]:
        return self.rows.get(key, [])


def _sheet_lookup() -> dict[str, str]:
    out = {}
    for s in c.SHEETS:
        out[header_key(s.key)] = s.key
        out[header_key(s.thai)] = s.key
    return out


def _open(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise WorkbookError(N_("{path} is not an Excel workbook (.xlsx) that can be read: {error}"),
                            path=str(path), error=str(exc) or type(exc).__name__) from exc


def read_workbook(path: Path | str, progress: Progress | None = None) -> ParsedWorkbook:
    """Read every sheet of the contract; WorkbookError when the file is not a readable .xlsx at all."""
    path = Path(path)
    wb = _open(path)
    try:
        return _read(wb, path, progress)
    finally:
        wb.close()


def _read(wb, path: Path, progress: Progress | None) -> ParsedWorkbook:
    lookup = _sheet_lookup()
    parsed = ParsedWorkbook(path, BankSheet(), {}, {})
    found: dict[str, Any] = {}
    for ws in wb.worksheets:
        key = lookup.get(header_key(ws.title))
        if key is None:
            if header_key(ws.title) != header_key(c.NOTE_SHEET):
                parsed.warnings.append(Problem(None, ws.title, 0, 0, UserError(
                    N_("this sheet is not part of the book workbook and is ignored"))))
            continue
        if key in found:
            parsed.problems.append(Problem(key, ws.title, 0, 0, UserError(
                N_("two sheets hold {what}: “{first}” and “{second}”"), what=c.BY_KEY[key].thai,
                first=found[key].title, second=ws.title)))
            continue
        found[key] = ws
        parsed.sheet_names[key] = ws.title
    if "bank" not in found:
        parsed.problems.append(Problem(None, "", 0, 0, UserError(
            N_("the workbook has no “{thai}” ({key}) sheet: it is not a book workbook"), thai=c.BANK.thai,
            key="bank")))
    else:
        _read_bank(found["bank"], parsed)
    if parsed.stop:
        return parsed
    read = [spec for spec in c.SHEETS if spec.key != "bank" and spec.key in found
            and (not spec.export_only or spec.checked)]
    total = sum((found[spec.key].max_row or 0) for spec in read)
    done = 0
    for spec in read:
        rows = []
        for row in _read_sheet(found[spec.key], spec, parsed):
            rows.append(row)
            done += 1
            if progress and done % 200 == 0:
                progress("read", done, max(total, done))
        parsed.rows[spec.key] = rows
    if progress:
        progress("read", done, done)
    return parsed


def _headers(ws, spec: c.Sheet, parsed: ParsedWorkbook, first: tuple) -> dict[str, int] | None:
    by_name = {}
    for col in spec.columns:
        by_name[header_key(col.key)] = col.key
        by_name[header_key(col.thai)] = col.key
    cols: dict[str, int] = {}
    for i, value in enumerate(first, start=1):
        if is_blank(value):
            continue
        key = by_name.get(header_key(value))
        if key is None:
            parsed.warnings.append(Problem(spec.key, ws.title, 1, i, UserError(
                N_("the column “{name}” is not part of this sheet and is ignored"), name=read_text(value))))
        elif key in cols:
            parsed.problems.append(Problem(spec.key, ws.title, 1, i, UserError(
                N_("the column “{name}” appears twice"), name=read_text(value))))
        else:
            cols[key] = i
    missing = [col for col in spec.columns if col.required and col.key not in cols]
    for col in missing:
        parsed.problems.append(Problem(spec.key, ws.title, 1, 0, UserError(
            N_("the required column “{label}” ({key}) is missing"), label=col.thai, key=col.key)))
    return None if missing else cols


def _read_sheet(ws, spec: c.Sheet, parsed: ParsedWorkbook):
    it = ws.iter_rows(values_only=True)
    first = next(it, None)
    if first is None:
        return
    cols = _headers(ws, spec, parsed, first)
    if cols is None:
        return  # without its required columns the rows cannot be read; the header problem says why
    # Choices and text repeat down a column (kinds, partners): each distinct cell text is read once.
    seen: dict[tuple[str, str], object] = {}
    cached = {col.key for col in spec.columns if col.kind in (c.ENUM, c.TEXT)}
    for number, raw in enumerate(it, start=2):
        if all(is_blank(v) for v in raw):
            continue
        row = Row(spec.key, ws.title, number, {}, cols)
        for col in spec.columns:
            idx = cols.get(col.key)
            value = raw[idx - 1] if idx is not None and idx - 1 < len(raw) else None
            if is_blank(value):
                if col.required and not col.blank_ok:
                    parsed.problems.append(row.problem(col.key, UserError(N_("this cell must not be empty"))))
                    row.ok = False
                row.values[col.key] = Money(0) if col.blank_ok else None
                continue
            try:
                if col.key in cached and isinstance(value, str):
                    key = (col.key, value)
                    if key not in seen:
                        seen[key] = read_cell(value, col)
                    row.values[col.key] = seen[key]
                else:
                    row.values[col.key] = read_cell(value, col)
            except UserError as exc:
                parsed.problems.append(row.problem(col.key, exc))
                row.ok = False
                row.values[col.key] = None
        yield row


# --- the bank sheet ---------------------------------------------------------------------------------------
def _read_bank(ws, parsed: ParsedWorkbook) -> None:
    bank = parsed.bank
    bank.name = ws.title
    bank.found = True
    it = ws.iter_rows(values_only=True)
    first = next(it, None) or ()
    cols = _headers(ws, c.BANK, parsed, first)
    if cols is None:
        parsed.stop = True
        return
    kcol, vcol = cols["key"], cols.get("value", 0)
    keys = {k: k for k in (*c.BANK_KEYS, *c.BANK_EXTRA_KEYS, *field_names())}
    keys.update({header_key(alias): key for alias, key in c.BANK_KEY_ALIASES.items()})
    raw: dict[str, Any] = {}
    for number, values in enumerate(it, start=2):
        if all(is_blank(v) for v in values):
            continue
        name = values[kcol - 1] if kcol - 1 < len(values) else None
        value = values[vcol - 1] if vcol and vcol - 1 < len(values) else None
        if is_blank(name):
            continue
        key = keys.get(str(name).strip()) or keys.get(header_key(name))
        if key is None:
            parsed.warnings.append(Problem("bank", ws.title, number, kcol, UserError(
                N_("the key “{name}” is not known and is ignored"), name=read_text(name))))
            continue
        if key in raw:
            parsed.problems.append(Problem("bank", ws.title, number, kcol, UserError(
                N_("the key “{name}” appears twice"), name=key)))
            continue
        bank.cells[key] = (number, vcol or kcol)
        raw[key] = value
    _bank_format(raw, parsed)
    if parsed.stop:
        return
    for key in (*c.BANK_KEYS, *c.BANK_EXTRA_KEYS):
        if key in ("format", "version") or key not in raw:
            continue
        value = raw[key]
        try:
            if key == "as_of":
                bank.fields[key] = None if is_blank(value) else read_date(value)
            else:
                bank.fields[key] = "" if is_blank(value) else read_text(value)
        except UserError as exc:
            parsed.problems.append(bank.problem(key, exc))
    _bank_rules(raw, parsed)


def _bank_format(raw: dict[str, Any], parsed: ParsedWorkbook) -> None:
    bank = parsed.bank
    fmt = raw.get("format")
    if is_blank(fmt) or read_text(fmt) != c.FORMAT:
        parsed.problems.append(bank.problem("format", UserError(
            N_("this is not a villagebank book workbook: the bank sheet's format is “{value}”, not “{expected}”"),
            value="" if fmt is None else read_text(fmt), expected=c.FORMAT)))
        parsed.stop = True
        return
    version = raw.get("version")
    try:
        number = int(version) if not isinstance(version, str) else int(version.strip())
    except (TypeError, ValueError):
        number = None
    if number != c.VERSION:
        parsed.problems.append(bank.problem("version", UserError(
            N_("the workbook is of version “{value}”; this program reads version {version}"),
            value="" if version is None else read_text(version), version=c.VERSION)))
        parsed.stop = True


def _bank_rules(raw: dict[str, Any], parsed: ParsedWorkbook) -> None:
    bank = parsed.bank
    names = field_names()
    changes: dict[str, Any] = {}
    for name in names:
        if name not in raw:
            continue
        value = raw[name]
        try:
            changes[name] = _rule_value(name, value)
        except (UserError, ValueError) as exc:
            err = exc if isinstance(exc, UserError) else CellError(N_("“{value}” is not a valid value"),
                                                                   value=str(value))
            parsed.problems.append(bank.problem(name, err))
    bank.rule_names = tuple(changes)
    rules = Rules().replace(**changes)
    by_label = {label: name for name, label in LABELS.items()}
    problems = rules.problems()
    for p in problems:
        parsed.problems.append(bank.problem(by_label.get(p.field or "", ""), p))
    bank.rules = Rules() if problems else rules


def _rule_value(name: str, value: Any) -> Any:
    """A rule's value as the workbook writes it (money in baht, booleans, JSON for the lists)."""
    if name in MONEY_RULES:
        if is_blank(value):
            return coerce(name, None, _rule_type(name))
        from villagebank.exports.workbook.cells import read_money

        return read_money(value).satang
    if name in COMPLEX_RULES:
        try:
            data = json.loads(str(value)) if isinstance(value, str) else value
        except json.JSONDecodeError:
            raise CellError(N_("“{value}” is not a valid value"), value=str(value)[:40]) from None
        return coerce(name, data, _rule_type(name))
    if isinstance(value, str):
        from villagebank.thai import to_arabic_digits

        value = to_arabic_digits(value.strip())
    return coerce(name, None if is_blank(value) else value, _rule_type(name))


def _rule_type(name: str) -> object:
    import dataclasses

    return next(f.type for f in dataclasses.fields(Rules) if f.name == name)
