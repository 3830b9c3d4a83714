"""The network centre's consolidation: many banks' book workbooks into one network workbook.

The network workbook has an information sheet (format ``villagebank-network``, version 1), a summary
with one row per bank (its name, source file and as-of date, then every figure of its ``summary``
sheet) and a total row, the banks' ``allocation`` rows, and a chart sheet comparing the banks'
savings, loans and overdue amounts. Files that are not book workbooks, or of a version this program
does not know, are refused, all of them listed, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from villagebank.exports.workbook import contract as c
from villagebank.exports.workbook.cells import (
    header_key,
    is_blank,
    read_date,
    read_int,
    read_signed,
    read_text,
)
from villagebank.exports.workbook.export import KEY_COMMENT
from villagebank.exports.workbook.problems import WorkbookError
from villagebank.exports.workbook.writer import Writer
from villagebank.i18n import N_, UserError, _
from villagebank.ledger import Money
from villagebank.thai import format_date

INFO_SHEET, SUMMARY_SHEET, ALLOCATION_SHEET, CHART_SHEET = "ข้อมูลเครือข่าย", "สรุป", "จัดสรรกำไร", "แผนภูมิ"
BANK_COLUMNS = (("bank_name", "ชื่อกลุ่ม"), ("source_file", "ไฟล์ต้นทาง"), ("as_of", "ณ วันที่"))
CHART_KEYS = ("total_shares", "loans_outstanding", "overdue")


@dataclass
class BankFile:
    path: Path
    name: str
    as_of: dt.date | None
    summary: dict[str, object] = field(default_factory=dict)  # key -> Money or int
    labels: dict[str, str] = field(default_factory=dict)
    allocation: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Refusal:
    path: Path
    error: UserError

    def __str__(self) -> str:
        return f"{self.path}: {self.error.message()}"


class NetworkRefused(UserError):
    """Some files are not book workbooks of a known version; ``refusals`` lists each of them."""

    code = "network_refused"

    def __init__(self, refusals: list[Refusal]) -> None:
        super().__init__(N_("{count} file(s) cannot be consolidated; nothing was written"), count=len(refusals))
        self.refusals = refusals

    def message(self) -> str:
        return "\n".join([super().message(), *(f"  {r}" for r in self.refusals)])


@dataclass
class ConsolidateResult:
    path: Path
    banks: list[BankFile]


def _sheets(wb) -> dict[str, object]:
    lookup = {}
    for spec in c.SHEETS:
        lookup[header_key(spec.key)] = spec.key
        lookup[header_key(spec.thai)] = spec.key
    found = {}
    for ws in wb.worksheets:
        key = lookup.get(header_key(ws.title))
        if key and key not in found:
            found[key] = ws
    return found


def _table(ws, spec: c.Sheet) -> list[dict[str, object]]:
    """Rows of a sheet as {key: raw value}, columns found by key or Thai label."""
    names = {}
    for col in spec.columns:
        names[header_key(col.key)] = col.key
        names[header_key(col.thai)] = col.key
    it = ws.iter_rows(values_only=True)
    head = next(it, None) or ()
    cols = {names[header_key(v)]: i for i, v in enumerate(head) if not is_blank(v) and header_key(v) in names}
    out = []
    for raw in it:
        if all(is_blank(v) for v in raw):
            continue
        out.append({k: raw[i] if i < len(raw) else None for k, i in cols.items()})
    return out


def read_bank_file(path: Path | str) -> BankFile:
    """The figures of one bank's workbook; WorkbookError saying why it is not a book workbook."""
    from villagebank.exports.workbook.reader import _open

    path = Path(path)
    try:
        wb = _open(path)
    except WorkbookError as exc:
        raise WorkbookError(N_("it is not an Excel workbook (.xlsx) that can be read: {error}"),
                            error=exc.params.get("error", "")) from exc
    try:
        sheets = _sheets(wb)
        if "bank" not in sheets:
            raise WorkbookError(N_("it has no “{thai}” ({key}) sheet: it is not a book workbook"),
                                thai=c.BANK.thai, key="bank")
        info = {}
        for row in _table(sheets["bank"], c.BANK):
            if not is_blank(row.get("key")):
                key = read_text(row["key"])
                info[c.BANK_KEY_ALIASES.get(key, key)] = row.get("value")
        fmt = "" if is_blank(info.get("format")) else read_text(info["format"])
        if fmt != c.FORMAT:
            raise WorkbookError(N_("it is not a book workbook (format “{value}”)"), value=fmt)
        version = info.get("version")
        try:
            number = read_int(version)
        except UserError:
            number = None
        if number != c.VERSION:
            raise WorkbookError(N_("its version “{value}” is unknown; this program reads version {version}"),
                                value="" if version is None else read_text(version), version=c.VERSION)
        if "summary" not in sheets:
            raise WorkbookError(N_("it has no “{thai}” ({key}) sheet"), thai=c.SUMMARY.thai, key="summary")
        bank = BankFile(path, read_text(info.get("name") or path.stem),
                        read_date(info["as_of"]) if not is_blank(info.get("as_of")) else None)
        for row in _table(sheets["summary"], c.SUMMARY):
            if is_blank(row.get("key")):
                continue
            key = read_text(row["key"])
            value = row.get("value")
            bank.labels[key] = read_text(row.get("label") or key)
            if is_blank(value):
                continue
            bank.summary[key] = read_int(value) if key in c.COUNT_KEYS else _signed(value)
        if "allocation" in sheets:
            for row in _table(sheets["allocation"], c.ALLOCATION):
                bank.allocation.append({k: read_int(v) if k == "year" else _signed(v)
                                        for k, v in row.items() if not is_blank(v)})
        return bank
    except WorkbookError:
        raise
    except UserError as exc:
        raise WorkbookError(N_("a figure cannot be read: {error}"), error=exc.message()) from exc
    finally:
        wb.close()


def _signed(value: object) -> Money:
    """An amount that may be negative (a loss, a deficit charged to the reserve)."""
    return read_signed(value)


def consolidate(files: list[Path | str], out: Path | str) -> ConsolidateResult:
    """Read every file (refusing, all listed, any that is not a book workbook), then write ``out``."""
    banks: list[BankFile] = []
    refusals: list[Refusal] = []
    for f in files:
        try:
            banks.append(read_bank_file(f))
        except UserError as exc:
            refusals.append(Refusal(Path(f), exc))
    if refusals:
        raise NetworkRefused(refusals)
    if not banks:
        raise UserError(N_("name at least one bank workbook to consolidate"))
    out = Path(out)
    _write(banks, out)
    return ConsolidateResult(out, banks)


def _summary_keys(banks: list[BankFile]) -> list[str]:
    keys = list(c.SUMMARY_KEYS)
    payables: list[str] = []
    for b in banks:
        payables += [k for k in b.summary if k.startswith("payable_") and k not in payables]
    at = keys.index("bank") + 1
    return keys[:at] + payables + keys[at:]


def _write(banks: list[BankFile], out: Path) -> None:
    keys = _summary_keys(banks)
    labels = {k: c.SUMMARY_THAI.get(k) or next((b.labels[k] for b in banks if k in b.labels), k) for k in keys}
    w = Writer(out)
    try:
        info = w.sheet(INFO_SHEET, [("รหัส", KEY_COMMENT.format(key="key")), ("ค่า", KEY_COMMENT.format(key="value"))])
        for key, value in (("format", c.NETWORK_FORMAT), ("version", c.NETWORK_VERSION),
                           ("created", dt.date.today()), ("banks", len(banks))):
            info.add([key, value])
        head = [(t, KEY_COMMENT.format(key=k)) for k, t in BANK_COLUMNS]
        head += [(labels[k], KEY_COMMENT.format(key=k)) for k in keys]
        summary = w.sheet(SUMMARY_SHEET, head)
        first = summary.row
        for b in banks:
            summary.add([b.name, b.path.name, b.as_of, *(b.summary.get(k) for k in keys)])
        last = summary.row - 1
        row = summary.add([_("Total"), _("{count} bank(s)").format(count=len(banks))], style="total")
        for i, k in enumerate(keys, start=len(BANK_COLUMNS)):
            total = sum((b.summary.get(k) for b in banks if b.summary.get(k) is not None),
                        Money(0) if k not in c.COUNT_KEYS else 0)
            col = _col(i)
            summary.formula(row, i, f"=SUM({col}{first + 1}:{col}{last + 1})", total)
        summary.filter = False
        alloc_cols = [col.key for col in c.ALLOCATION.columns]
        alloc = w.sheet(ALLOCATION_SHEET, [(t, KEY_COMMENT.format(key=k)) for k, t in BANK_COLUMNS[:2]]
                        + [(col.thai, KEY_COMMENT.format(key=col.key)) for col in c.ALLOCATION.columns])
        for b in banks:
            for a in b.allocation:
                alloc.add([b.name, b.path.name, *(a.get(k) for k in alloc_cols)])
        _chart(w, banks, keys, labels, first, last)
        w.close()
    except BaseException:
        w.abort()
        raise


def _col(index: int) -> str:
    from villagebank.exports.workbook.problems import column_letter

    return column_letter(index + 1)


def _chart(w: Writer, banks: list[BankFile], keys: list[str], labels: dict[str, str], first: int, last: int) -> None:
    chart = w.wb.add_chart({"type": "column"})
    for k in CHART_KEYS:
        col = len(BANK_COLUMNS) + keys.index(k)
        chart.add_series({
            "name": labels[k],
            "categories": [SUMMARY_SHEET, first, 0, last, 0],
            "values": [SUMMARY_SHEET, first, col, last, col],
            "data_labels": {"value": len(banks) <= 8, "num_format": "#,##0"},
        })
    chart.set_title({"name": _("Savings, loans and overdue by bank")})
    chart.set_y_axis({"num_format": "#,##0", "name": _("baht")})
    chart.set_legend({"position": "bottom"})
    sheet = w.wb.add_chartsheet(CHART_SHEET)
    sheet.set_chart(chart)


def describe(result: ConsolidateResult) -> list[str]:
    return [f"{b.name}  {b.path.name}  {format_date(b.as_of) if b.as_of else '-'}" for b in result.banks]
