"""The four books from the command line: deposit, savings, loans, cash book, meeting day."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from villagebank.cli.base import (
    EXIT_OK,
    UsageError,
    arg_date,
    arg_money,
    arg_month,
    command,
    kv,
    open_existing,
    out,
    print_table,
)
from villagebank.i18n import N_, _
from villagebank.thai import format_amount, format_date


def _m(money) -> str:
    return format_amount(money.satang)


def print_receipt(r) -> None:
    out(_("Receipt {no} — {date} — member {member} {name}").format(
        no=r.receipt_no, date=format_date(r.date), member=r.member_no, name=r.member_name))
    for label, amount in r.items:
        out(f"    {label:40} {_m(amount):>14}")
    total = _("Total")
    out(f"    {total:40} {_m(r.total):>14}")


def _pairs(items: list[str] | None, key_type=str) -> tuple:
    """``KEY=AMOUNT`` arguments → ((key, Money), ...)."""
    from villagebank.ledger import Money

    result = []
    for item in items or []:
        if "=" not in item:
            raise UsageError(_("write {item} as KEY=AMOUNT").format(item=item))
        key, amount = item.split("=", 1)
        try:
            k = key_type(key.strip())
        except ValueError:
            raise UsageError(_("write {item} as KEY=AMOUNT").format(item=item)) from None
        result.append((k, Money.parse(amount)))
    return tuple(result)


def _counts(items: list[str] | None) -> dict[int, int] | None:
    """``1000=3 500=2 0.25=4`` (denomination in baht = pieces) → {satang: pieces}."""
    from villagebank.ledger import Money

    if not items:
        return None
    counts: dict[int, int] = {}
    for item in items:
        if "=" not in item:
            raise UsageError(_("write each count as NOTE=PIECES, e.g. 1000=3"))
        denom, pieces = item.split("=", 1)
        try:
            n = int(pieces)
        except ValueError:
            raise UsageError(_("write each count as NOTE=PIECES, e.g. 1000=3")) from None
        counts[Money.parse(denom).satang] = counts.get(Money.parse(denom).satang, 0) + n
    return counts


# --- deposit / savings / leave -------------------------------------------------------------------------
@command("deposit")
def _add_deposit(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deposit", help=_("a member buys shares (savings), with a receipt"))
    p.add_argument("member_no", type=int)
    p.add_argument("amount", type=arg_money)
    p.add_argument("--date", type=arg_date)
    p.add_argument("--account", default="cash", help=_("cash (default) or a bank account code"))
    p.set_defaults(handler=cmd_deposit)


def cmd_deposit(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        r = book.deposit(args.member_no, args.amount, args.date, account=args.account)
        print_receipt(r)
    return EXIT_OK


@command("withdraw")
def _add_withdraw(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("withdraw", help=_("a member withdraws shares (only when the rules allow it)"))
    p.add_argument("member_no", type=int)
    p.add_argument("amount", type=arg_money)
    p.add_argument("--date", type=arg_date)
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_withdraw)


def cmd_withdraw(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.withdraw_shares(args.member_no, args.amount, args.date, note=args.note)
    out(_("Recorded as entry {seq}").format(seq=seq))
    return EXIT_OK


@command("savings")
def _add_savings(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("savings", help=_("savings besides shares (voluntary, Village Fund saving...)"))
    ss = p.add_subparsers(dest="savings_command", metavar="ACTION", required=True)
    dep = ss.add_parser("deposit", help=_("deposit into a kind of savings"))
    wd = ss.add_parser("withdraw", help=_("withdraw from a kind of savings"))
    for q in (dep, wd):
        q.add_argument("member_no", type=int)
        q.add_argument("product", help=_("kind of savings, e.g. voluntary"))
        q.add_argument("amount", type=arg_money)
        q.add_argument("--date", type=arg_date)
    wd.add_argument("--for-purpose", action="store_true", help=_("the withdrawal is for the saving's purpose"))
    dep.set_defaults(handler=cmd_savings_deposit)
    wd.set_defaults(handler=cmd_savings_withdraw)


def cmd_savings_deposit(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        print_receipt(book.save(args.member_no, args.product, args.amount, args.date))
    return EXIT_OK


def cmd_savings_withdraw(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.withdraw_savings(args.member_no, args.product, args.amount, args.date,
                                    for_purpose=args.for_purpose)
    out(_("Recorded as entry {seq}").format(seq=seq))
    return EXIT_OK


@command("leave")
def _add_leave(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("leave", help=_("a member resigns or has died: pay out shares and savings"))
    p.add_argument("member_no", type=int)
    p.add_argument("--status", choices=("resigned", "deceased"), required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=arg_date)
    p.add_argument("--at-year-end", action="store_true", help=_("set the money aside and pay it at year end"))
    p.set_defaults(handler=cmd_leave)


def cmd_leave(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        total = book.leave(args.member_no, args.status, args.reason, args.date, pay_now=not args.at_year_end)
    out(_("Member {no} has left; {amount} baht {how}").format(
        no=args.member_no, amount=_m(total),
        how=_("set aside for year end") if args.at_year_end else _("paid out")))
    return EXIT_OK


# --- loans ----------------------------------------------------------------------------------------------
def _rate(text: str) -> Decimal:
    try:
        return Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(_("“{text}” is not a percentage").format(text=text)) from None


@command("loan")
def _add_loan(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("loan", help=_("loans with guarantors"))
    ls = p.add_subparsers(dest="loan_command", metavar="ACTION", required=True)
    a = ls.add_parser("apply", help=_("record a loan application (every rule is checked)"))
    a.add_argument("member_no", type=int)
    a.add_argument("amount", type=arg_money)
    a.add_argument("--term", type=int, required=True, help=_("number of monthly installments"))
    a.add_argument("--guarantor", type=int, action="append", default=[], help=_("guarantor's member number"))
    a.add_argument("--purpose", default="")
    a.add_argument("--rate", type=_rate, help=_("interest per month in percent (default: the bank's rule)"))
    a.add_argument("--method", choices=("declining", "flat"))
    a.add_argument("--date", type=arg_date)
    a.add_argument("--no", type=int, help=_("loan number (default: the next number)"))
    a.set_defaults(handler=cmd_loan_apply)
    for name, helptext, handler in (("approve", _("approve an application"), cmd_loan_approve),
                                    ("reject", _("reject an application, with a reason"), cmd_loan_reject),
                                    ("cancel", _("cancel an application or approved loan"), cmd_loan_cancel),
                                    ("disburse", _("pay out an approved loan"), cmd_loan_disburse)):
        q = ls.add_parser(name, help=helptext)
        q.add_argument("loan_no", type=int)
        q.add_argument("--date", type=arg_date)
        if name in ("reject", "cancel"):
            q.add_argument("--reason", required=True)
        if name == "disburse":
            q.add_argument("--account", default="cash")
        q.set_defaults(handler=handler)
    r = ls.add_parser("repay", help=_("a repayment: interest due first, then principal"))
    r.add_argument("loan_no", type=int)
    r.add_argument("amount", type=arg_money)
    r.add_argument("--date", type=arg_date)
    r.set_defaults(handler=cmd_loan_repay)
    li = ls.add_parser("list", help=_("the loan book"))
    li.add_argument("--overdue", action="store_true")
    li.add_argument("--all", action="store_true", help=_("include repaid, rejected and cancelled loans"))
    li.add_argument("--member", type=int)
    li.add_argument("--as-of", type=arg_date)
    li.set_defaults(handler=cmd_loan_list)
    sh = ls.add_parser("show", help=_("one loan and its schedule"))
    sh.add_argument("loan_no", type=int)
    sh.add_argument("--as-of", type=arg_date)
    sh.set_defaults(handler=cmd_loan_show)


def cmd_loan_apply(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        no = book.apply_loan(args.member_no, args.amount, args.term, args.guarantor, purpose=args.purpose,
                             date=args.date, rate=args.rate, method=args.method, loan_no=args.no)
    out(_("Loan application {no} recorded").format(no=no))
    return EXIT_OK


def cmd_loan_approve(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.approve_loan(args.loan_no, args.date)
    out(_("Loan {no} approved").format(no=args.loan_no))
    return EXIT_OK


def cmd_loan_reject(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.reject_loan(args.loan_no, args.reason, args.date)
    out(_("Loan {no} rejected").format(no=args.loan_no))
    return EXIT_OK


def cmd_loan_cancel(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        book.cancel_loan(args.loan_no, args.reason, args.date)
    out(_("Loan {no} cancelled").format(no=args.loan_no))
    return EXIT_OK


def cmd_loan_disburse(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.disburse_loan(args.loan_no, args.date, account=args.account)
        st = book.loan(args.loan_no, args.date)
    out(_("Loan {no} paid out: {amount} baht (entry {seq})").format(no=args.loan_no, amount=_m(st.principal),
                                                                     seq=seq))
    return EXIT_OK


def cmd_loan_repay(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        print_receipt(book.repay_loan(args.loan_no, args.amount, args.date))
    return EXIT_OK


def cmd_loan_list(args: argparse.Namespace) -> int:
    from villagebank.ledger.loans import STATUS_LABELS

    with open_existing(args, readonly=True) as book:
        as_of = args.as_of or book.clock.today()
        states = book.loans(as_of, member_no=args.member)
    if args.overdue:
        states = [st for st in states if st.status == "disbursed" and st.overdue.satang > 0]
    elif not args.all:
        states = [st for st in states if st.is_open or st.status == "applied"]
    print_table(
        [_("Loan"), _("Member"), _("Borrower"), _("Guarantors"), _("Amount"), _("Balance"), _("Overdue"),
         _("Months overdue"), _("Status")],
        [[st.loan_no, st.member_no, st.borrower, ", ".join(str(g) for g in st.guarantors), _m(st.principal),
          _m(st.balance), _m(st.overdue), st.months_overdue(as_of), _(STATUS_LABELS[st.status])] for st in states],
        right={0, 1, 4, 5, 6, 7})
    out(_("{count} loan(s); outstanding {total} baht").format(
        count=len(states), total=format_amount(sum(st.balance.satang for st in states))))
    return EXIT_OK


def cmd_loan_show(args: argparse.Namespace) -> int:
    from villagebank.ledger.loans import STATUS_LABELS

    with open_existing(args, readonly=True) as book:
        as_of = args.as_of or book.clock.today()
        st = book.loan(args.loan_no, as_of)
        plan = book.loan_schedule(args.loan_no)
    out(_("Loan {no}: member {member} {name}").format(no=st.loan_no, member=st.member_no, name=st.borrower))
    out("  " + kv(N_("Amount"), _m(st.principal), N_("Installments"), st.term_months,
                  N_("Interest per month (%)"), st.rate_pct, N_("Status"), _(STATUS_LABELS[st.status])))
    out("  " + kv(N_("Guarantors"), ", ".join(str(g) for g in st.guarantors)))
    out("  " + kv(N_("Balance"), _m(st.balance), N_("Interest due"), _m(st.interest_due), N_("Overdue"),
                  _m(st.overdue)))
    print_table([_("No."), _("Due date"), _("Principal"), _("Interest"), _("Total"), _("Balance")],
                [[i.number, format_date(i.due_date), _m(i.principal), _m(i.interest), _m(i.total),
                  _m(i.balance_after)] for i in plan], right={0, 2, 3, 4, 5})
    return EXIT_OK


# --- cash book ----------------------------------------------------------------------------------------
@command("cash")
def _add_cash(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cash", help=_("the cash book: receipts, payments, transfers, cash count"))
    cs = p.add_subparsers(dest="cash_command", metavar="ACTION", required=True)
    for name, helptext, handler in (("in", _("money received (not a member's payment)"), cmd_cash_in),
                                    ("out", _("an expense paid"), cmd_cash_out)):
        q = cs.add_parser(name, help=helptext)
        q.add_argument("amount", type=arg_money)
        q.add_argument("--category", required=True, help=_("e.g. office, meeting, bank_interest, other"))
        q.add_argument("--description", default="")
        q.add_argument("--date", type=arg_date)
        q.add_argument("--account", default="cash")
        q.set_defaults(handler=handler)
    t = cs.add_parser("transfer", help=_("move money between cash and a bank account"))
    t.add_argument("amount", type=arg_money)
    t.add_argument("--from", dest="source", required=True)
    t.add_argument("--to", dest="target", required=True)
    t.add_argument("--description", default="")
    t.add_argument("--date", type=arg_date)
    t.set_defaults(handler=cmd_cash_transfer)
    c = cs.add_parser("count", help=_("count the cash by notes and coins: 1000=3 500=2 ..."))
    c.add_argument("counts", nargs="+", metavar="NOTE=PIECES")
    c.add_argument("--reason", default="", help=_("why the count differs from the book"))
    c.add_argument("--date", type=arg_date)
    c.set_defaults(handler=cmd_cash_count)
    b = cs.add_parser("book", help=_("the cash book of a month"))
    b.add_argument("--month", type=arg_month)
    b.add_argument("--account", default="cash")
    b.set_defaults(handler=cmd_cash_book)


def cmd_cash_in(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.cash_in(args.amount, args.category, args.description, args.date, account=args.account)
    out(_("Recorded as entry {seq}").format(seq=seq))
    return EXIT_OK


def cmd_cash_out(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.cash_out(args.amount, args.category, args.description, args.date, account=args.account)
    out(_("Recorded as entry {seq}").format(seq=seq))
    return EXIT_OK


def cmd_cash_transfer(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        seq = book.transfer(args.amount, args.source, args.target, args.description, args.date)
    out(_("Recorded as entry {seq}").format(seq=seq))
    return EXIT_OK


def cmd_cash_count(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        count = book.count_cash(_counts(args.counts) or {}, args.reason, args.date)
    out(_("Counted {counted}; the book says {book}; difference {diff}").format(
        counted=_m(count.counted), book=_m(count.book_balance), diff=_m(count.difference)))
    return EXIT_OK


def cmd_cash_book(args: argparse.Namespace) -> int:
    from villagebank.ledger.cashbook import KIND_LABELS
    from villagebank.ledger.periods import month_bounds

    with open_existing(args, readonly=True) as book:
        year, month = args.month or (book.clock.today().year, book.clock.today().month)
        start, end = month_bounds(year, month)
        cb = book.cash_book(start, end, args.account)
    out(_("Brought forward: {amount}").format(amount=_m(cb.brought_forward)))
    print_table([_("Date"), _("Entry"), _("Item"), _("Received"), _("Paid"), _("Balance")],
                [[format_date(x.date), x.seq, " ".join(p for p in (_(KIND_LABELS.get(x.kind, x.kind)),
                                                                    x.member_name, x.memo) if p),
                  _m(x.received) if x.received.satang else "", _m(x.paid) if x.paid.satang else "", _m(x.balance)]
                 for x in cb.lines], right={1, 3, 4, 5})
    out(_("Received {received}; paid {paid}; carried forward {balance}").format(
        received=_m(cb.received), paid=_m(cb.paid), balance=_m(cb.carried_forward)))
    return EXIT_OK


# --- meeting day ---------------------------------------------------------------------------------------
@command("meeting")
def _add_meeting(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("meeting", help=_("the monthly meeting day"))
    ms = p.add_subparsers(dest="meeting_command", metavar="ACTION", required=True)
    o = ms.add_parser("open", help=_("open the meeting of a date (default: today)"))
    o.add_argument("--date", type=arg_date)
    o.set_defaults(handler=cmd_meeting_open)
    sh = ms.add_parser("sheet", help=_("the collection sheet: what each member owes today"))
    sh.add_argument("--unpaid", action="store_true", help=_("only members who have not paid yet"))
    sh.set_defaults(handler=cmd_meeting_sheet)
    pay = ms.add_parser("pay", help=_("record a member's payment (everything due when no amount is given)"))
    pay.add_argument("member_no", type=int)
    pay.add_argument("--shares", type=arg_money)
    pay.add_argument("--fee", type=arg_money, help=_("entry fee"))
    pay.add_argument("--fine", type=arg_money)
    pay.add_argument("--loan", action="append", metavar="LOAN=AMOUNT")
    pay.add_argument("--savings", action="append", metavar="KIND=AMOUNT")
    pay.add_argument("--partner", action="append", metavar="PARTNER=AMOUNT")
    pay.set_defaults(handler=cmd_meeting_pay)
    c = ms.add_parser("close", help=_("close the meeting: cash count, missed savings, summary"))
    c.add_argument("--count", nargs="+", metavar="NOTE=PIECES")
    c.add_argument("--reason", default="")
    c.set_defaults(handler=cmd_meeting_close)
    ls = ms.add_parser("list", help=_("all meetings"))
    ls.set_defaults(handler=cmd_meeting_list)


def _current(book):
    m = book.current_meeting()
    if m is None:
        from villagebank.ledger import InvalidInput

        raise InvalidInput(N_("no meeting is open; open one first"))
    return m


def cmd_meeting_open(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        m = book.open_meeting(args.date)
    out(_("The meeting of {date} is open").format(date=format_date(m.date)))
    return EXIT_OK


def cmd_meeting_sheet(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        m = _current(book)
        sheet = book.collection_sheet(m.id)
    if args.unpaid:
        sheet = [d for d in sheet if not d.has_paid]
    print_table([_("No."), _("Name"), _("Shares"), _("Fee"), _("Loan"), _("Other"), _("Due"), _("Paid")],
                [[d.member_no, d.name, _m(d.shares), _m(d.entry_fee),
                  format_amount(sum(ld.total.satang for ld in d.loans)),
                  format_amount(d.fine.satang + sum(p.amount.satang for p in d.partners)), _m(d.total),
                  _m(d.paid) if d.has_paid else "-"] for d in sheet], right={0, 2, 3, 4, 5, 6, 7})
    unpaid = sum(1 for d in sheet if not d.has_paid)
    out(_("{count} member(s); {unpaid} not paid yet").format(count=len(sheet), unpaid=unpaid))
    return EXIT_OK


def cmd_meeting_pay(args: argparse.Namespace) -> int:
    from villagebank.ledger import Money
    from villagebank.ledger.meetings import Parts

    given = any(v is not None for v in (args.shares, args.fee, args.fine, args.loan, args.savings, args.partner))
    parts = None
    if given:
        parts = Parts(shares=args.shares or Money(0), entry_fee=args.fee or Money(0), fine=args.fine or Money(0),
                      loans=_pairs(args.loan, int), savings=_pairs(args.savings), partners=_pairs(args.partner))
    with open_existing(args) as book:
        m = _current(book)
        print_receipt(book.pay(args.member_no, parts, meeting_id=m.id))
    return EXIT_OK


def cmd_meeting_close(args: argparse.Namespace) -> int:
    with open_existing(args) as book:
        m = _current(book)
        closed = book.close_meeting(m.id, _counts(args.count), args.reason)
        rules = book.rules
    summary = closed.summary
    out(_("The meeting of {date} is closed").format(date=format_date(closed.date)))
    out(_("Receipts: {receipts}; members who paid: {paid}; missed savings: {missed}").format(
        receipts=summary["receipts"], paid=summary["members_paid"], missed=len(summary["missed"])))
    from villagebank.ledger.meetings import total_label

    for key, amount in sorted(summary["totals"].items()):
        label = total_label(key, rules)
        out(f"    {label:40} {format_amount(amount):>14}")
    if summary["cash_counted"] is not None:
        out(_("Counted {counted}; the book says {book}; difference {diff}").format(
            counted=format_amount(summary["cash_counted"]), book=format_amount(summary["cash_book"]),
            diff=format_amount(summary["cash_difference"])))
    return EXIT_OK


def cmd_meeting_list(args: argparse.Namespace) -> int:
    with open_existing(args, readonly=True) as book:
        rows = book.meetings()
    print_table([_("No."), _("Date"), _("Status"), _("Receipts")],
                [[m.id, format_date(m.date), _("open") if m.status == "open" else _("closed"),
                  m.summary.get("receipts", "")] for m in rows], right={0, 3})
    return EXIT_OK


