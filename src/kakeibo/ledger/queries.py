"""Read side of the ledger: balances, period summaries, net worth and the transaction register.

Balances and summaries read the monthly totals for whole months and the postings only for the partial
months at a period's edges, so they stay flat as the ledger grows. Months are half-open date ranges computed
in Python, never dialect-specific SQL date functions."""

from __future__ import annotations

import base64
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import MAX_ID, date_problem
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import Period, month_of, month_start, split_whole_months
from kakeibo.ledger import repository as repo
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    Account,
    AccountKind,
    MonthlyTotal,
    Posting,
    Transaction,
)

GroupBy = Literal["category", "group", "payee", "month"]


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after `day`'s."""
    return month_of(day).end


def month_range(month: dt.date) -> tuple[dt.date, dt.date]:
    """A calendar month as inclusive first and last days."""
    period = month_of(month)
    return period.start, period.last


def split_period(start: dt.date, end: dt.date) -> tuple[list[tuple[dt.date, dt.date]], tuple[dt.date, dt.date] | None]:
    """Inclusive [start, end] as inclusive raw-posting edge ranges (each inside one month) plus one half-open
    range of whole months served by the monthly totals."""
    edges, whole = split_whole_months(Period.inclusive(start, end))
    return [(e.start, e.last) for e in edges], (whole.start, whole.end) if whole else None


# ---- balances -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AccountBalance:
    account: Account
    balance_minor: int

    @property
    def balance(self) -> str:
        return minor_to_str(self.balance_minor, self.account.currency or "USD")


def balance_minor_by_account(
    session: Session, *, household_id: int, at: dt.date, account_ids: Sequence[int] | None = None
) -> dict[int, int]:
    """Each account's balance at the end of day `at`, in its own currency (minor units)."""
    month = month_start(at)
    totals: dict[int, int] = defaultdict(int)
    rollup = select(MonthlyTotal.account_id, func.sum(MonthlyTotal.amount_minor)).where(
        MonthlyTotal.household_id == household_id, MonthlyTotal.month < month
    )
    edge = select(Posting.account_id, func.sum(Posting.amount_minor)).where(
        Posting.household_id == household_id,
        Posting.deleted == false(),
        Posting.date >= month,
        Posting.date <= at,
    )
    if account_ids is not None:
        rollup = rollup.where(MonthlyTotal.account_id.in_(account_ids))
        edge = edge.where(Posting.account_id.in_(account_ids))
    for stmt in (rollup.group_by(MonthlyTotal.account_id), edge.group_by(Posting.account_id)):
        for account_id, amount in session.execute(stmt):
            totals[account_id] += int(amount or 0)
    return totals


def balances(
    session: Session, *, household_id: int, at: dt.date | None = None, include_archived: bool = True
) -> list[AccountBalance]:
    day = at or clock.today()
    accounts = repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS)
    if not include_archived:
        accounts = [a for a in accounts if not a.archived]
    totals = balance_minor_by_account(session, household_id=household_id, at=day, account_ids=[a.id for a in accounts])
    return [AccountBalance(account=a, balance_minor=totals.get(a.id, 0)) for a in accounts]


@dataclass(slots=True)
class NetWorth:
    at: dt.date
    currency: str
    assets_minor: int = 0
    liabilities_minor: int = 0
    # Accounts in other currencies are listed per currency until exchange rates exist.
    other_currencies: dict[str, int] = field(default_factory=dict)

    @property
    def net_minor(self) -> int:
        return self.assets_minor + self.liabilities_minor


def net_worth(session: Session, *, household_id: int, base_currency: str, at: dt.date | None = None) -> NetWorth:
    day = at or clock.today()
    result = NetWorth(at=day, currency=base_currency)
    for row in balances(session, household_id=household_id, at=day):
        if row.account.currency != base_currency:
            code = row.account.currency or base_currency
            result.other_currencies[code] = result.other_currencies.get(code, 0) + row.balance_minor
        elif row.account.kind == AccountKind.asset:
            result.assets_minor += row.balance_minor
        else:
            result.liabilities_minor += row.balance_minor
    return result


# ---- period summary -------------------------------------------------------------------------------------------
class QuerySpec(BaseModel):
    """What a figure was computed from, so every number can be traced back to its rows."""

    metric: str = "summary"
    start: dt.date
    end: dt.date
    currency: str
    category: str | None = None
    account: int | None = None
    payee: str | None = None
    group_by: GroupBy | None = None


@dataclass(slots=True)
class SummaryGroup:
    key: str
    income_minor: int = 0
    expenses_minor: int = 0
    count: int = 0
    category_id: int | None = None


@dataclass(slots=True)
class Summary:
    spec: QuerySpec
    income_minor: int
    expenses_minor: int
    groups: list[SummaryGroup]

    @property
    def net_minor(self) -> int:
        return self.income_minor - self.expenses_minor

    @property
    def savings_rate(self) -> Decimal | None:
        """Net as a percentage of income, one decimal; None without income."""
        return percentage(self.net_minor, self.income_minor)


def _category_accounts(session: Session, household_id: int) -> dict[int, Account]:
    return {a.id: a for a in repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)}


def summary(
    session: Session,
    *,
    household_id: int,
    start: dt.date,
    end: dt.date,
    currency: str,
    group_by: GroupBy | None = None,
    category: Account | None = None,
) -> Summary:
    """Income, expenses, net and savings rate over [start, end]; transfers are neither income nor spending."""
    if end < start:
        raise ValidationFailed("end is before start", field="end")
    spec = QuerySpec(
        start=start, end=end, currency=currency, group_by=group_by, category=category.path if category else None
    )
    categories = _category_accounts(session, household_id)
    wanted = {
        a.id
        for a in categories.values()
        if a.kind in (AccountKind.income, AccountKind.expense)
        and (category is None or a.id == category.id or a.path.startswith(category.path + "/"))
        and (category is None or a.kind == category.kind)
    }
    groups: dict[str, SummaryGroup] = {}
    income = expenses = 0

    def add(key: str, account_id: int, converted: int, count: int, category_id: int | None = None) -> None:
        nonlocal income, expenses
        kind = categories[account_id].kind
        group = groups.get(key)
        if group is None:
            group = groups[key] = SummaryGroup(key=key, category_id=category_id)
        if kind == AccountKind.income:
            income -= converted
            group.income_minor -= converted
        else:
            expenses += converted
            group.expenses_minor += converted
        group.count += count

    if group_by == "payee":
        stmt = (
            select(Transaction.payee, Posting.account_id, func.sum(Posting.converted_minor), func.count())
            .join(Transaction, Transaction.id == Posting.transaction_id)
            .where(*_posting_filter(household_id, start, end, currency, wanted))
            .group_by(Transaction.payee, Posting.account_id)
        )
        for payee, account_id, converted, count in session.execute(stmt):
            add(payee or "(no payee)", account_id, int(converted), int(count))
    else:
        for account_id, month, converted, count in _category_rows(session, household_id, start, end, currency, wanted):
            account = categories[account_id]
            if group_by == "category":
                add(account.path, account_id, converted, count, account.id)
            elif group_by == "group":
                root = account.path.split("/", 1)[0]
                add(root, account_id, converted, count)
            elif group_by == "month":
                add(month.strftime("%Y-%m"), account_id, converted, count)
            else:
                add("", account_id, converted, count)
    ordered = sorted(groups.values(), key=lambda g: (-(g.expenses_minor + g.income_minor), g.key))
    if group_by is None:
        ordered = []
    elif group_by == "month":
        ordered = sorted(groups.values(), key=lambda g: g.key)
    return Summary(spec=spec, income_minor=income, expenses_minor=expenses, groups=ordered)


def _posting_filter(
    household_id: int, start: dt.date, end: dt.date, currency: str, wanted: set[int]
) -> list[ColumnElement[bool]]:
    return [
        Posting.household_id == household_id,
        Posting.deleted == false(),
        Posting.date >= start,
        Posting.date <= end,
        Posting.account_id.in_(wanted),
        Transaction.settlement_currency == currency,
    ]


def _category_rows(
    session: Session, household_id: int, start: dt.date, end: dt.date, currency: str, wanted: set[int]
) -> list[tuple[int, dt.date, int, int]]:
    """(account, month, converted sum, posting count) over [start, end] from monthly totals plus edge postings."""
    rows: list[tuple[int, dt.date, int, int]] = []
    edges, whole = split_period(start, end)
    if whole is not None:
        stmt = select(
            MonthlyTotal.account_id, MonthlyTotal.month, MonthlyTotal.converted_minor, MonthlyTotal.postings
        ).where(
            MonthlyTotal.household_id == household_id,
            MonthlyTotal.month >= whole[0],
            MonthlyTotal.month < whole[1],
            MonthlyTotal.settlement_currency == currency,
            MonthlyTotal.account_id.in_(wanted),
        )
        rows.extend((a, m, int(c), int(n)) for a, m, c, n in session.execute(stmt) if n)
    # Each edge lies inside one month; with one settlement currency in the household, the edge sums need no join.
    needs_join = bool(edges) and _has_other_settlement(session, household_id, currency)
    for lo, hi in edges:
        edge = select(Posting.account_id, func.sum(Posting.converted_minor), func.count()).where(
            Posting.household_id == household_id,
            Posting.deleted == false(),
            Posting.date >= lo,
            Posting.date <= hi,
            Posting.account_id.in_(wanted),
        )
        if needs_join:
            edge = edge.join(Transaction, Transaction.id == Posting.transaction_id).where(
                Transaction.settlement_currency == currency
            )
        month = month_start(lo)
        rows.extend((a, month, int(c), int(n)) for a, c, n in session.execute(edge.group_by(Posting.account_id)))
    return rows


def _has_other_settlement(session: Session, household_id: int, currency: str) -> bool:
    stmt = select(MonthlyTotal.account_id).where(
        MonthlyTotal.household_id == household_id, MonthlyTotal.settlement_currency != currency
    )
    return session.execute(stmt.limit(1)).first() is not None


# ---- transactions: filters, keyset pages, running balance ------------------------------------------------------
SortKey = Literal["-date", "date", "-amount", "amount"]


@dataclass(slots=True)
class TransactionFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    account_id: int | None = None
    category_ids: list[int] | None = None
    text: str | None = None
    min_amount_minor: int | None = None  # compared with the absolute amount
    max_amount_minor: int | None = None
    tags: list[str] | None = None
    type: str | None = None


def encode_cursor(*parts: object) -> str:
    raw = "|".join(str(p) for p in parts)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.urlsafe_b64decode(padded.encode()).decode().split("|")
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed("cursor is not one this server gave out", field="cursor") from exc


def transactions_query(household_id: int, flt: TransactionFilter) -> Select[Transaction]:
    stmt = select(Transaction).where(Transaction.household_id == household_id, Transaction.deleted_at.is_(None))
    if flt.start is not None:
        stmt = stmt.where(Transaction.date >= flt.start)
    if flt.end is not None:
        stmt = stmt.where(Transaction.date <= flt.end)
    if flt.type is not None:
        stmt = stmt.where(Transaction.type == flt.type)
    if flt.account_id is not None:
        stmt = stmt.where(
            select(Posting.id)
            .where(Posting.transaction_id == Transaction.id, Posting.account_id == flt.account_id)
            .exists()
        )
    if flt.category_ids is not None:
        stmt = stmt.where(
            select(Posting.id)
            .where(Posting.transaction_id == Transaction.id, Posting.account_id.in_(flt.category_ids))
            .exists()
        )
    if flt.text:
        # autoescape: "%", "_" and the escape character itself are the user's text, not LIKE wildcards.
        needle = flt.text.lower()
        stmt = stmt.where(
            or_(
                func.lower(Transaction.payee).contains(needle, autoescape=True),
                func.lower(Transaction.description).contains(needle, autoescape=True),
                func.lower(Transaction.notes).contains(needle, autoescape=True),
            )
        )
    if flt.min_amount_minor is not None:
        stmt = stmt.where(func.abs(Transaction.amount_minor) >= flt.min_amount_minor)
    if flt.max_amount_minor is not None:
        stmt = stmt.where(func.abs(Transaction.amount_minor) <= flt.max_amount_minor)
    if flt.tags:
        from kakeibo.ledger.models import TransactionTag

        for tag in flt.tags:
            stmt = stmt.where(
                select(TransactionTag.tag)
                .where(TransactionTag.transaction_id == Transaction.id, TransactionTag.tag == tag.lower())
                .exists()
            )
    return stmt


def page_transactions(
    session: Session,
    *,
    household_id: int,
    flt: TransactionFilter,
    limit: int,
    cursor: str | None,
    sort: SortKey = "-date",
) -> tuple[list[Transaction], str | None]:
    """One keyset page: constant cost at any depth (no OFFSET)."""
    stmt = transactions_query(household_id, flt)
    descending = sort.startswith("-")
    column = Transaction.date if sort.endswith("date") else Transaction.amount_minor
    if cursor:
        parts = decode_cursor(cursor)
        if len(parts) != 3 or parts[0] != sort:
            raise ValidationFailed("cursor does not belong to this sort order", field="cursor")
        try:
            key: object = dt.date.fromisoformat(parts[1]) if sort.endswith("date") else int(parts[1])
            last_id = int(parts[2])
        except ValueError as exc:
            raise ValidationFailed("cursor is not one this server gave out", field="cursor") from exc
        # Only what this server could have written: ids and amounts are 64-bit, dates in the supported range.
        in_range = date_problem(key) is None if isinstance(key, dt.date) else abs(int(str(key))) <= MAX_ID
        if not in_range or not 0 <= last_id <= MAX_ID:
            raise ValidationFailed("cursor is not one this server gave out", field="cursor")
        # The redundant bound on the column alone lets the planner walk the (household, date, id) index.
        if descending:
            stmt = stmt.where(column <= key, or_(column < key, and_(column == key, Transaction.id < last_id)))
        else:
            stmt = stmt.where(column >= key, or_(column > key, and_(column == key, Transaction.id > last_id)))
    order = (column.desc(), Transaction.id.desc()) if descending else (column.asc(), Transaction.id.asc())
    rows = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        value = last.date.isoformat() if sort.endswith("date") else last.amount_minor
        next_cursor = encode_cursor(sort, value, last.id)
    return rows, next_cursor


def running_balances(
    session: Session, *, household_id: int, account_id: int, rows: Sequence[Transaction]
) -> dict[int, int]:
    """The account's balance after each listed transaction (rows newest first, as the register shows them)."""
    if not rows:
        return {}
    newest = rows[0]
    # Balance through the newest row: everything before its day, plus that day's postings up to its id.
    before_day = balance_minor_by_account(
        session, household_id=household_id, at=newest.date - dt.timedelta(days=1), account_ids=[account_id]
    ).get(account_id, 0)
    same_day = session.scalar(
        select(func.coalesce(func.sum(Posting.amount_minor), 0)).where(
            Posting.household_id == household_id,
            Posting.account_id == account_id,
            Posting.deleted == false(),
            Posting.date == newest.date,
            Posting.transaction_id <= newest.id,
        )
    )
    balance = before_day + int(same_day or 0)
    amounts = repo.postings_of(session, [r.id for r in rows])
    result: dict[int, int] = {}
    for row in rows:
        result[row.id] = balance
        balance -= sum(p.amount_minor for p in amounts.get(row.id, []) if p.account_id == account_id)
    return result
