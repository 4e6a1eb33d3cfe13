"""The ledger commands: accounts, transactions, the monthly report, balances, export and undo."""

from __future__ import annotations

import datetime as dt
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import Ledger, open_ledger, parse_date
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import (
    AccountSubtype,
    EntryKind,
    ExportFormat,
    JsonOption,
    MoneyKind,
    TodayOption,
    UserOption,
    options,
)
from kakeibo.core import clock
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.money import Money, minor_to_str, parse_decimal, percentage
from kakeibo.core.periods import month_of, shift_months
from kakeibo.ledger.errors import AccountNotFound

# The ledger's queries, tables and schemas load when a command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kakeibo.ledger import models, opening, presenters, queries, schemas
    from kakeibo.ledger import repository as repo
    from kakeibo.ledger import service as ledger
    from kakeibo.ledger.models import Account, Transaction
    from kakeibo.ledger.schemas import TransactionOut
else:
    models = lazy("kakeibo.ledger.models")
    opening = lazy("kakeibo.ledger.opening")
    presenters = lazy("kakeibo.ledger.presenters")
    queries = lazy("kakeibo.ledger.queries")
    schemas = lazy("kakeibo.ledger.schemas")
    repo = lazy("kakeibo.ledger.repository")
    ledger = lazy("kakeibo.ledger.service")

account_app = typer.Typer(
    rich_markup_mode=None, help="Add and list accounts (checking, savings, cards, cash, brokerage, loans)."
)
tx_app = typer.Typer(rich_markup_mode=None, help="Add, list and delete transactions.")
report_app = typer.Typer(rich_markup_mode=None, help="Reports over a period.")
category_app = typer.Typer(
    rich_markup_mode=None, help="The household's categories (income and expense accounts, in groups)."
)


def _subtype_label(account: Account) -> str:
    return account.subtype.value.replace("_", " ") if account.subtype else account.kind.value


def _optional_date(text: str | None, *, field: str) -> dt.date | None:
    return parse_date(text, field=field) if text else None


# ---- accounts -------------------------------------------------------------------------------------------------
@account_app.command("add")
def account_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The account's name, e.g. Checking or Visa.")],
    kind: Annotated[
        MoneyKind | None, typer.Option(help="asset or liability (default: from the subtype; cards and loans owe).")
    ] = None,
    subtype: Annotated[AccountSubtype, typer.Option(help="What sort of account it is.")] = AccountSubtype.checking,
    currency: Annotated[
        str | None, typer.Option(metavar="CODE", help="ISO 4217 code (default: the household's).")
    ] = None,
    opening: Annotated[
        str, typer.Option(metavar="AMOUNT", help="Opening balance; a card or loan you owe on opens negative.")
    ] = "0",
    opening_date: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Default: today.")] = None,
    institution: Annotated[str | None, typer.Option(metavar="NAME", help="Bank or broker.")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Add an asset or liability account, with its opening balance."""
    opts = options(ctx, user=user, json=json, today=today)
    parse_decimal(opening, field="opening balance")
    with open_ledger(opts, write=True) as books:
        data = schemas.AccountCreate(
            name=name,
            **({"kind": kind.value} if kind else {}),  # default: from the subtype
            subtype=subtype,
            currency=currency,
            opening_balance=opening,
            opening_date=_optional_date(opening_date, field="opening date"),
            institution=institution,
        )
        account = ledger.create_account(books.session, actor=books.actor, data=data)
        shown = presenters.account_out(account, account.opening_balance_minor)
    if opts.json:
        out.print_json(shown)
        return
    code = account.currency or books.currency
    out.echo(
        f"Added {account.kind.value} account {account.name} ({_subtype_label(account)}, {code}), opening balance "
        f"{out.amount(account.opening_balance_minor, code)} on {account.opening_date}."
    )


@account_app.command("open-date")
def account_open_date(
    ctx: typer.Context,
    account: Annotated[str, typer.Argument(help="The account's name.")],
    date: Annotated[str, typer.Argument(metavar="YYYY-MM-DD", help="The day it opens with its opening balance.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Move an account's opening date (e.g. before older history you imported); its opening balance stays."""
    opts = options(ctx, user=user, json=json, today=today)
    day = parse_date(date, field="date")
    with open_ledger(opts, write=True) as books:
        found = ledger.find_money_account(books.session, household_id=books.household_id, name=account)
        old = found.opening_date
        moved = opening.move_opening_date(books.session, actor=books.actor, account_id=found.id, date=day)
        shown = presenters.account_out(moved, moved.opening_balance_minor)
    if opts.json:
        out.print_json({"account": shown, "group_id": books.actor.group_id})
        return
    if old == day:
        out.echo(f"{moved.name} already opens on {day}.")
        return
    code = moved.currency or books.currency
    out.echo(
        f"{moved.name} now opens on {day} (was {old}) with {out.amount(moved.opening_balance_minor, code)}. "
        f"Undo with: kakeibo undo --group {books.actor.group_id}"
    )


@account_app.command("list")
def account_list(
    ctx: typer.Context,
    at: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Balances at the end of this day.")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """List the accounts with their balances."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        day = _optional_date(at, field="at") or clock.today()
        rows = queries.balances(books.session, household_id=books.household_id, at=day)
    if opts.json:
        out.print_json([presenters.account_out(r.account, r.balance_minor) for r in rows])
        return
    if not rows:
        out.echo("No accounts yet. Add one: kakeibo account add Checking --subtype checking --opening 1000")
        return
    table = [
        [
            r.account.name + (" (archived)" if r.account.archived else ""),
            _subtype_label(r.account),
            r.account.institution or "",
            out.amount(r.balance_minor, r.account.currency or books.currency),
        ]
        for r in rows
    ]
    out.echo(out.table(["ACCOUNT", "TYPE", "INSTITUTION", f"BALANCE {day}"], table, right=[3]))


# ---- categories -----------------------------------------------------------------------------------------------
@category_app.command("list")
def category_list(ctx: typer.Context, user: UserOption = None, json: JsonOption = False) -> None:
    """List the categories, by group, with the names `--category` takes."""
    opts = options(ctx, user=user, json=json)
    with open_ledger(opts, write=False) as books:
        found = repo.list_accounts(books.session, household_id=books.household_id, kinds=models.CATEGORY_KINDS)
    if opts.json:
        out.print_json([presenters.category_out(a) for a in found])
        return
    children: dict[int, list[Account]] = {}
    for account in found:
        if account.parent_id is not None:
            children.setdefault(account.parent_id, []).append(account)
    rows = []
    for group in (a for a in found if a.parent_id is None):
        names = ", ".join(c.name for c in sorted(children.get(group.id, []), key=lambda c: (c.sort_order, c.name)))
        rows.append([group.name, group.kind.value, names])
    out.echo(out.table(["GROUP", "KIND", 'CATEGORIES (use as --category "Group/Category")'], rows))


# ---- transactions ---------------------------------------------------------------------------------------------
@tx_app.command("add")
def tx_add(
    ctx: typer.Context,
    account: Annotated[str | None, typer.Option(metavar="NAME", help="The account the money leaves or enters.")] = None,
    amount: Annotated[str | None, typer.Option(metavar="AMOUNT", help='A positive decimal, e.g. "12.50".')] = None,
    category: Annotated[
        str | None, typer.Option(metavar="CATEGORY", help='"Group/Category", e.g. "Food & Dining/Coffee".')
    ] = None,
    to_account: Annotated[
        str | None, typer.Option(metavar="NAME", help="For a transfer: the receiving account.")
    ] = None,
    type: Annotated[
        EntryKind | None, typer.Option("--type", help="Default: transfer with --to-account, else from the category.")
    ] = None,
    currency: Annotated[str | None, typer.Option(metavar="CODE", help="Default: the account's.")] = None,
    date: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Default: today.")] = None,
    payee: Annotated[str, typer.Option(metavar="TEXT")] = "",
    description: Annotated[str, typer.Option(metavar="TEXT")] = "",
    notes: Annotated[str, typer.Option(metavar="TEXT")] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag; repeat for more.")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Record an expense, an income or a transfer."""
    opts = options(ctx, user=user, json=json, today=today)
    # The cheap checks first, so a typo is reported before anything opens the database.
    if amount is None:
        raise ValidationFailed("give --amount, e.g. --amount 12.50", field="amount")
    parse_decimal(amount, field="amount")
    day = _optional_date(date, field="date")
    if category is not None and to_account is not None:
        raise ValidationFailed("give --category for an expense or income, or --to-account for a transfer, not both")
    if type == EntryKind.transfer and to_account is None:
        raise ValidationFailed("a transfer needs --to-account", field="to_account")
    if to_account is not None and type not in (None, EntryKind.transfer):
        raise ValidationFailed(f"--to-account is for transfers; an {type.value} takes --category", field="type")
    with open_ledger(opts, write=True) as books:
        source = _money_account(books, account)
        target = _money_account(books, to_account, field="to_account") if to_account is not None else None
        kind = type.value if type else _infer_type(books, category=category, transfer=target is not None)
        data = schemas.TransactionCreate(
            type=kind,
            account=source.id,
            to_account=target.id if target else None,
            category=category,
            amount=amount,
            currency=currency,
            date=day or clock.today(),
            payee=payee,
            description=description,
            notes=notes,
            tags=tag or [],
        )
        created = ledger.create_transaction(books.session, actor=books.actor, data=data)
        shown = presenters.transactions_out(books.session, household_id=books.household_id, transactions=[created])[0]
    if opts.json:
        out.print_json(shown)
        return
    out.echo(f"Added {_describe(shown)}")


def _money_account(books: Ledger, name: str | None, *, field: str = "account") -> Account:
    """An account by name; a missing or mistyped name is answered with the names there are."""
    flag = "--" + field.replace("_", "-")
    if name is not None:
        try:
            return ledger.find_money_account(books.session, household_id=books.household_id, name=name)
        except AccountNotFound:
            pass
    names = [
        a.name for a in repo.list_accounts(books.session, household_id=books.household_id, kinds=models.BALANCE_KINDS)
    ]
    known = f" (one of: {', '.join(names)})" if names else "; add one first with `kakeibo account add`"
    if name is None:
        raise ValidationFailed(f"give {flag} NAME{known}", field=field)
    raise AccountNotFound(f"no account named {name!r} for {flag}{known}", field=field)


def _infer_type(books: Ledger, *, category: str | None, transfer: bool) -> str:
    if transfer:
        return "transfer"
    if category is None:
        return "expense"
    found = ledger.resolve_category(books.session, household_id=books.household_id, ref=category)
    return "income" if found.kind == models.AccountKind.income else "expense"


def _counterpart(tx: TransactionOut) -> str:
    """Where the money went, in words: "Visa -> Food & Dining/Coffee", "Checking -> Savings"."""
    account = tx.account.name if tx.account else "?"
    if tx.type == models.TransactionType.transfer and tx.to_account is not None:
        return f"{account} -> {tx.to_account.name}"
    if tx.type == models.TransactionType.opening:
        return f"opening balance of {account}"
    category = tx.category.name if tx.category else "Uncategorized"
    return f"{category} -> {account}" if tx.type == models.TransactionType.income else f"{account} -> {category}"


def _describe(tx: TransactionOut) -> str:
    label = tx.payee or tx.description or tx.type.value.capitalize()
    money = out.amount(Money.of(tx.amount, tx.currency).minor, tx.currency)
    return f"#{tx.id} {tx.date} {label} {money} ({_counterpart(tx)})"


@tx_app.command("list")
def tx_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, max=500, metavar="N", help="How many, newest first (1-500).")] = 20,
    account: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only this account's register (with running balance).")
    ] = None,
    category: Annotated[
        str | None, typer.Option(metavar="CATEGORY", help='A category or a whole group, e.g. "Food & Dining".')
    ] = None,
    search: Annotated[str | None, typer.Option(metavar="TEXT", help="Text in the payee, description or notes.")] = None,
    start: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    user: UserOption = None,
    json: JsonOption = False,
) -> None:
    """List transactions, newest first."""
    opts = options(ctx, user=user, json=json)
    first, last = _optional_date(start, field="start"), _optional_date(end, field="end")
    with open_ledger(opts, write=False) as books:
        session, household_id = books.session, books.household_id
        register = ledger.find_money_account(session, household_id=household_id, name=account) if account else None
        category_ids = None
        if category is not None:
            root = ledger.resolve_category(session, household_id=household_id, ref=category)
            category_ids = repo.subtree_ids(session, household_id=household_id, root=root)
        flt = queries.TransactionFilter(
            start=first, end=last, account_id=register.id if register else None, category_ids=category_ids, text=search
        )
        rows, _next = queries.page_transactions(session, household_id=household_id, flt=flt, limit=limit, cursor=None)
        running = None
        if register is not None and not any((category, search, first, last)):
            running = queries.running_balances(session, household_id=household_id, account_id=register.id, rows=rows)
        shown = presenters.transactions_out(
            session,
            household_id=household_id,
            transactions=rows,
            running=running,
            running_currency=register.currency if register else None,
        )
        own = _own_amounts(session, rows, register) if register else {}
    if opts.json:
        out.print_json(shown)
        return
    if not shown:
        out.echo("No transactions match.")
        return
    headers = ["ID", "DATE", "PAYEE", "CATEGORY", "ACCOUNT", "AMOUNT"] + (["BALANCE"] if running is not None else [])
    table = []
    for tx in shown:
        side = register.name if register else (tx.account.name if tx.account else "")
        minor = own.get(tx.id) if register else Money.of(tx.amount, tx.currency).minor
        code = (register.currency if register else tx.currency) or tx.currency
        row = [
            str(tx.id),
            tx.date.isoformat(),
            out.truncate(tx.payee or tx.description, 28),
            out.truncate(_category_cell(tx, register), 34),
            side,
            out.amount(minor or 0, code),
        ]
        if running is not None:
            row.append(out.amount(Money.of(tx.running_balance or "0", code).minor, code))
        table.append(row)
    out.echo(out.table(headers, table, right=[0, 5, 6]))


def _own_amounts(session: Session, rows: list[Transaction], register: Account) -> dict[int, int]:
    """Each transaction's effect on one account, for a register read from that account's side."""
    postings = repo.postings_of(session, [r.id for r in rows])
    return {tx_id: sum(p.amount_minor for p in legs if p.account_id == register.id) for tx_id, legs in postings.items()}


def _category_cell(tx: TransactionOut, register: Account | None) -> str:
    if tx.type == models.TransactionType.transfer and tx.account and tx.to_account:
        if register is not None and register.path == tx.to_account.name:
            return f"Transfer from {tx.account.name}"
        return f"Transfer to {tx.to_account.name}"
    if tx.type == models.TransactionType.opening:
        return "Opening balance"
    if tx.category is not None:
        return tx.category.name
    return "(split)" if tx.type == models.TransactionType.split_ else "Uncategorized"


@tx_app.command("delete")
def tx_delete(
    ctx: typer.Context,
    transaction_id: Annotated[int, typer.Argument(metavar="ID", help="The transaction's id (see `kakeibo tx list`).")],
    user: UserOption = None,
    json: JsonOption = False,
) -> None:
    """Delete a transaction (it can be undone with `kakeibo undo --group ID`)."""
    opts = options(ctx, user=user, json=json)
    with open_ledger(opts, write=True) as books:
        found = ledger.get_transaction(books.session, household_id=books.household_id, transaction_id=transaction_id)
        shown = presenters.transactions_out(books.session, household_id=books.household_id, transactions=[found])[0]
        ledger.delete_transaction(books.session, actor=books.actor, transaction_id=transaction_id)
        group = books.actor.group_id
    if opts.json:
        out.print_json({"deleted": shown, "group_id": group})
        return
    out.echo(f"Deleted {_describe(shown)}. Undo with: {ledger.undo_command(group)}")


# ---- reports --------------------------------------------------------------------------------------------------
def _parse_month(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{text.strip()}-01")
    except ValueError:
        raise ValidationFailed(f"month {text!r} is not a month such as 2026-10", field="month") from None


def _share(part: int, whole: int) -> Decimal | None:
    return percentage(part, whole)


def _signed(minor: int, currency: str) -> str:
    text = out.amount(minor, currency)
    return text if minor < 0 else f"+{text}"


def _rate_change(now: Decimal | None, before: Decimal | None) -> str:
    if now is None or before is None:
        return ""
    change = now - before
    return f"{'+' if change >= 0 else ''}{change} pts"


@report_app.command("month")
def report_month(
    ctx: typer.Context,
    month: Annotated[str | None, typer.Option(metavar="YYYY-MM", help="Default: the current month.")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Income, expenses, net and savings rate against the month before, and spending by category."""
    opts = options(ctx, user=user, json=json, today=today)
    requested = _parse_month(month) if month else None
    with open_ledger(opts, write=False) as books:
        this_month = month_of(requested or clock.today())
        month_before = shift_months(this_month, -1)
        start, end = this_month.start, this_month.last
        prev_start, prev_end = month_before.start, month_before.last
        code = books.currency
        now = queries.summary(
            books.session, household_id=books.household_id, start=start, end=end, currency=code, group_by="category"
        )
        before = queries.summary(
            books.session,
            household_id=books.household_id,
            start=prev_start,
            end=prev_end,
            currency=code,
            group_by="category",
        )
        household = books.household.name
    before_by_key = {g.key: g for g in before.groups}
    spending = sorted((g for g in now.groups if g.expenses_minor), key=lambda g: (-g.expenses_minor, g.key))
    earning = sorted((g for g in now.groups if g.income_minor), key=lambda g: (-g.income_minor, g.key))

    def money(minor: int) -> str:
        return minor_to_str(minor, code)

    if opts.json:
        out.print_json(
            {
                "month": f"{start:%Y-%m}",
                "start": start,
                "end": end,
                "household": household,
                "currency": code,
                "income": money(now.income_minor),
                "expenses": money(now.expenses_minor),
                "net": money(now.net_minor),
                "savings_rate": now.savings_rate,
                "previous": {
                    "month": f"{prev_start:%Y-%m}",
                    "income": money(before.income_minor),
                    "expenses": money(before.expenses_minor),
                    "net": money(before.net_minor),
                    "savings_rate": before.savings_rate,
                },
                "spending": [
                    {
                        "category": g.key,
                        "amount": money(g.expenses_minor),
                        "share": _share(g.expenses_minor, now.expenses_minor),
                        "count": g.count,
                        "previous": money(before_by_key[g.key].expenses_minor if g.key in before_by_key else 0),
                    }
                    for g in spending
                ],
                "income_by_category": [
                    {"category": g.key, "amount": money(g.income_minor), "count": g.count} for g in earning
                ],
                "query": now.spec,
            }
        )
        return
    this_label, prev_label = f"{start:%B %Y}", f"{prev_start:%B %Y}"
    through = f", through {clock.today()}" if start <= clock.today() <= end else ""
    out.echo(f"{this_label} - {household} ({code}{through})")
    out.echo()
    totals = [
        [
            "Income",
            out.amount(now.income_minor, code),
            out.amount(before.income_minor, code),
            _signed(now.income_minor - before.income_minor, code),
        ],
        [
            "Expenses",
            out.amount(now.expenses_minor, code),
            out.amount(before.expenses_minor, code),
            _signed(now.expenses_minor - before.expenses_minor, code),
        ],
        [
            "Net",
            out.amount(now.net_minor, code),
            out.amount(before.net_minor, code),
            _signed(now.net_minor - before.net_minor, code),
        ],
        [
            "Savings rate",
            out.percent(now.savings_rate),
            out.percent(before.savings_rate),
            _rate_change(now.savings_rate, before.savings_rate),
        ],
    ]
    out.echo(out.table(["", this_label.upper(), prev_label.upper(), "CHANGE"], totals, right=[1, 2, 3]))
    out.echo()
    if not spending:
        out.echo("No spending recorded this month.")
        return
    rows = [
        [
            g.key,
            out.amount(g.expenses_minor, code),
            out.percent(_share(g.expenses_minor, now.expenses_minor)),
            out.amount(before_by_key[g.key].expenses_minor if g.key in before_by_key else 0, code),
        ]
        for g in spending
    ]
    out.echo(out.table(["SPENDING BY CATEGORY", "AMOUNT", "SHARE", prev_label.upper()], rows, right=[1, 2, 3]))


def balance(
    ctx: typer.Context,
    at: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Balances at the end of this day (default: today).")
    ] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Each account's balance, and the household's net worth."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        day = _optional_date(at, field="at") or clock.today()
        code = books.currency
        rows = queries.balances(books.session, household_id=books.household_id, at=day)
        worth = queries.net_worth(books.session, household_id=books.household_id, base_currency=code, at=day)
    if opts.json:
        out.print_json(
            {
                "at": day,
                "currency": code,
                "assets": minor_to_str(worth.assets_minor, code),
                "liabilities": minor_to_str(worth.liabilities_minor, code),
                "net_worth": minor_to_str(worth.net_minor, code),
                "other_currencies": {c: minor_to_str(v, c) for c, v in worth.other_currencies.items()},
                "accounts": [
                    {
                        "id": r.account.id,
                        "name": r.account.name,
                        "kind": r.account.kind.value,
                        "subtype": r.account.subtype.value if r.account.subtype else None,
                        "currency": r.account.currency,
                        "balance": r.balance,
                    }
                    for r in rows
                ],
            }
        )
        return
    if not rows:
        out.echo("No accounts yet. Add one: kakeibo account add Checking --subtype checking --opening 1000")
        return
    table = [
        [r.account.name, _subtype_label(r.account), out.amount(r.balance_minor, r.account.currency or code)]
        for r in rows
    ]
    table.append(["", "", ""])
    table.append(["Assets", "", out.amount(worth.assets_minor, code)])
    table.append(["Liabilities", "", out.amount(worth.liabilities_minor, code)])
    table.append(["Net worth", "", out.amount(worth.net_minor, code)])
    for other, minor in sorted(worth.other_currencies.items()):
        table.append([f"In {other} (not converted)", "", out.amount(minor, other)])
    out.echo(out.table(["ACCOUNT", "TYPE", f"BALANCE {day}"], table, right=[2]))


# ---- export and undo ------------------------------------------------------------------------------------------
def export(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat, typer.Option("--format", help="ledger (ledger-cli/hledger), beancount or csv.")
    ] = ExportFormat.ledger,
    output: Annotated[Path | None, typer.Option(metavar="FILE", help="Write to this file instead of stdout.")] = None,
    start: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    end: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD")] = None,
    user: UserOption = None,
) -> None:
    """Export the books as a ledger-cli journal, a Beancount file or CSV."""
    from kakeibo.ledger import export as exporter  # only this command needs it

    opts = options(ctx, user=user)
    first, last = _optional_date(start, field="start"), _optional_date(end, field="end")
    with open_ledger(opts, write=False) as books:
        chunks = exporter.export(books.session, actor=books.actor, format=format.value, start=first, end=last)
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        # Written beside the target and renamed, so a failed export never leaves a half-written file behind.
        partial = output.with_name(f".{output.name}.partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
    out.echo(f"Wrote the {format.value} export to {output} ({output.stat().st_size:,} bytes).")


def undo(
    ctx: typer.Context,
    group: Annotated[str | None, typer.Option(metavar="ID", help="The change to undo (default: the latest).")] = None,
    user: UserOption = None,
    json: JsonOption = False,
) -> None:
    """Undo the latest change (or a given one) as a new change of its own."""
    opts = options(ctx, user=user, json=json)
    with open_ledger(opts, write=True) as books:
        result = ledger.undo(books.session, actor=books.actor, group_id=group)
    if opts.json:
        out.print_json(
            {
                "group_id": result.group_id,
                "undo_group_id": result.undo_group_id,
                "events": len(result.summaries),
                "summary": result.summaries,
            }
        )
        return
    count = len(result.summaries)
    out.echo(f"Undid {count} change{'s' if count != 1 else ''} (group {result.group_id}):")
    for line in result.summaries[:10]:
        out.echo(f"  {line}")
    if count > 10:
        out.echo(f"  ... and {count - 10} more")
