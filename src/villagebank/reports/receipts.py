"""Receipts (ใบเสร็จรับเงิน): one per member per payment, with the amount in figures and in Thai words.

Building a receipt reads the book only. A receipt already printed once is marked as a copy (สำเนา); whoever
prints it counts the print with ``Book.mark_receipt_printed`` afterwards (the CLI does, after the PDF is
written), so a failed print never turns the first real print into a copy.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from villagebank.i18n import N_, _
from villagebank.reports.common import PAID_BY, RECEIVED_BY, TREASURER, new_report, signers
from villagebank.reports.table import (
    Column,
    KeyValues,
    Kind,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Style,
)
from villagebank.thai import baht_text, format_date

if TYPE_CHECKING:
    from villagebank.ledger import Book
    from villagebank.ledger.meetings import Receipt

TITLE = N_("Payment receipt")
COPY = N_("COPY")
CANCELLED = N_("CANCELLED")


def receipt_report(book: Book, r: Receipt, *, anchor: str | None = None, address: str | None = None,
                   signatures: list | None = None) -> Report:
    """One receipt as a report (a copy when it was printed before; cancelled when its entry was reversed)."""
    if signatures is None:
        signatures = receipt_signers(book, r, signers(book, TREASURER))
    report = new_report(book, "receipt", _(TITLE), _("No. {no}").format(no=r.receipt_no), anchor=anchor,
                        signatures=signatures)
    report.sheet = str(r.receipt_no)
    report.number = r.receipt_no
    if r.voided_by:
        report.copy_mark = _(CANCELLED)
    elif r.printed:
        report.copy_mark = _(COPY)
    place = address if address is not None else _address(book)
    if place:
        report.blocks.append(Paragraph(place, align="center", small=True))
    kv = KeyValues()
    if r.member_no is not None:
        kv.add(_("Received from"), r.member_name)
        kv.add(_("Member number"), r.member_no, Kind.CODE)
    kv.add(_("Date"), format_date(r.date, "long"))
    report.blocks.append(kv)
    t = ReportTable([Column("n", _("Item no."), Kind.INT, 0.6), Column("item", _("Item"), Kind.TEXT, 5.0),
                     Column("amount", _("Amount (baht)"), Kind.MONEY, 1.6)], key="items")
    for i, (label, amount) in enumerate(r.items, start=1):
        t.add(i, label, amount)
    t.add(None, _("Total"), r.total, style=Style.TOTAL)
    report.blocks.append(t)
    report.blocks.append(Paragraph(_("Amount in words: ({words})").format(words=baht_text(r.total.satang)),
                                   bold=True))
    if r.voided_by:
        report.blocks.append(Paragraph(_("This receipt was cancelled by entry {seq}.").format(seq=r.voided_by)))
    return report


def _address(book: Book) -> str:
    b = book.bank()
    parts = [b.village]
    if b.moo:
        parts.append(_("Moo {name}").format(name=b.moo))
    if b.tambon:
        parts.append(_("Tambon {name}").format(name=b.tambon))
    if b.amphoe:
        parts.append(_("Amphoe {name}").format(name=b.amphoe))
    if b.province:
        parts.append(_("Province {name}").format(name=b.province))
    if b.postal_code:
        parts.append(b.postal_code)
    return " ".join(p for p in parts if p)


def select_receipts(book: Book, *, receipt_no: int | None = None, member_no: int | None = None,
                    start: dt.date | None = None, end: dt.date | None = None) -> list[Receipt]:
    """Receipts by number, or of a member and/or dated between ``start`` and ``end``, in number order."""
    if receipt_no is not None:
        return [book.receipt(receipt_no)]
    if start is not None and end is not None:
        numbers = sorted({e.receipt_no for e in book.entries(start=start, end=end, member_no=member_no,
                                                             kinds=("payment", "meeting_payment"))
                          if e.receipt_no is not None})
        return [book.receipt(no) for no in numbers]
    return book.receipts(member_no=member_no)


def receipts(book: Book, found: list[Receipt]) -> list[Report]:
    """One report per receipt (the bank's address, anchor and signers read once)."""
    anchor, address = book.anchor(), _address(book)
    treasurer = signers(book, TREASURER)
    return [receipt_report(book, r, anchor=anchor, address=address, signatures=receipt_signers(book, r, treasurer))
            for r in found]


def receipt_signers(book: Book, r: Receipt, treasurer: list) -> list[str | Signature]:
    """The member signs as the payer (their name printed under the line) and the treasurer as the receiver
    (named when exactly one member holds the office)."""
    payer = Signature(_(PAID_BY), r.member_name) if r.member_no is not None and r.member_name else _(PAID_BY)
    holder = treasurer[0].name if treasurer and isinstance(treasurer[0], Signature) else ""
    return [payer, Signature(_(RECEIVED_BY), holder) if holder else _(RECEIVED_BY)]
