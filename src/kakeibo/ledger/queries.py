"""Read side of the ledger: balances, period summaries, net worth and the transaction register.

Balances and summaries read the monthly totals for whole months and the postings only for the partial
months at a period's edges, so they stay flat as the ledger grows. Months are half-open date ranges computed
in Python, never dialect-specific SQL date functions."""

from __future__ import annotations

import base64
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field
from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    Select,
    String,
    and_,
    case,
    cast,
    column,
    false,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from kakeibo.core import clock
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import MAX_ID, date_problem
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import Period, month_of, month_start, split_whole_months
from kakeibo.ledger import repository as repo
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    TRANSACTION_TEXT_INDEX,
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


# ---- figures from their spec ---------------------------------------------------------------------------------
Measure = Literal["spending", "income", "net"]
_SelectT = TypeVar("_SelectT", bound="Select[*tuple[Any, ...]]")


class QuerySpec(BaseModel):
    """What a figure was computed from, so every number can be traced back to its rows: `figure(spec)` computes
    it, and the transactions listing given the same fields lists exactly the rows behind it."""

    metric: str = "summary"
    measure: Measure = Field(
        default="net",
        description="What is counted: spending (expense categories, a refund lowers it), income (income "
        "categories) or net (income less spending); transfers are neither",
    )
    start: dt.date | None = Field(default=None, description="Inclusive; none: from the beginning")
    end: dt.date = Field(description="Inclusive")
    currency: str = Field(description="The settlement currency counted")
    category: str | None = Field(default=None, description='A category subtree ("Group" or "Group/Category")')
    account: int | None = Field(default=None, description="Only transactions with a leg on this money account")
    payee: str | None = Field(default=None, description="Only transactions whose payee or description has this text")
    group_by: GroupBy | None = None


# The evidence rows an answer carries and the few largest it names.
FIGURE_ROWS = 20


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One transaction behind a figure, with the part of it the figure counts (in the figure's own sense:
    spending positive for spending, income positive for income and net)."""

    transaction_id: int
    date: dt.date
    payee: str
    amount_minor: int
    categories: tuple[str, ...] = ()  # the categories of its counted legs (several for a split)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure and its evidence from one filter: `count` transactions whose counted amounts sum to `total_minor`;
    `rows` are the latest of them (newest first, the first page of the spec's listing), `largest` the biggest."""

    spec: QuerySpec
    total_minor: int
    count: int
    income_minor: int
    spending_minor: int
    rows: list[FigureRow]
    largest: list[FigureRow]

    @property
    def currency(self) -> str:
        return self.spec.currency

    @property
    def total(self) -> str:
        return minor_to_str(self.total_minor, self.spec.currency)


def _measure_kinds(measure: Measure) -> tuple[AccountKind, ...]:
    if measure == "spending":
        return (AccountKind.expense,)
    if measure == "income":
        return (AccountKind.income,)
    return (AccountKind.income, AccountKind.expense)


def spec_categories(session: Session, *, household_id: int, spec: QuerySpec) -> list[Account]:
    """The categories a spec counts: those of its measure's kinds, within its category subtree when it names one
    (a group with its categories, or one category; matched without regard to case)."""
    kinds = _measure_kinds(spec.measure)
    found = [a for a in repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS) if a.kind in kinds]
    if spec.category is None:
        return found
    wanted = spec.category.casefold()
    return [a for a in found if a.path.casefold() == wanted or a.path.casefold().startswith(wanted + "/")]


@dataclass(frozen=True, slots=True)
class _Scope:
    """A spec resolved for SQL: the one place a spec becomes a filter over postings (joined to their transaction
    when the payee or the settlement currency needs it)."""

    spec: QuerySpec
    household_id: int
    income_ids: frozenset[int]
    expense_ids: frozenset[int]
    paths: Mapping[int, str]  # each counted category's path, for the rows' categories
    join_transaction: bool
    sqlite: bool = False

    @property
    def category_ids(self) -> frozenset[int]:
        return self.income_ids | self.expense_ids

    def counted(self) -> ColumnElement[int]:
        """A posting's amount in the figure's sense: spending counts expense legs as they are, income and net
        count money in as positive."""
        sign = 1 if self.spec.measure == "spending" else -1
        return Posting.converted_minor * sign

    def joins(self, *, page: bool) -> bool:
        """Whether `where` joins the postings to their transactions."""
        return self.join_transaction or (bool(self.spec.payee) and page)

    def where(self, stmt: _SelectT, *, page: bool = False) -> _SelectT:
        """The spec's filter on a statement over postings. A `page` reads postings in order and stops after a
        few: a merchant's are then told by their transaction, joined posting by posting, as they come. Any other
        statement reads the whole period: a merchant's transactions are picked first, from their own index."""
        spec = self.spec
        conditions: list[ColumnElement[bool]] = [
            Posting.household_id == self.household_id,
            Posting.deleted == false(),
            Posting.date <= spec.end,
            Posting.account_id.in_(sorted(self.category_ids)),
        ]
        if spec.start is not None:
            conditions.append(Posting.date >= spec.start)
        if spec.account is not None:
            money = aliased(Posting)
            conditions.append(
                select(money.id)
                .where(
                    money.transaction_id == Posting.transaction_id,
                    money.account_id == spec.account,
                    money.deleted == false(),
                )
                .exists()
            )
        if self.joins(page=page):
            stmt = stmt.join(Transaction, Transaction.id == Posting.transaction_id)
            conditions.append(Transaction.settlement_currency == spec.currency)
            if spec.payee:
                conditions.append(self.named(spec.payee))
        elif spec.payee:
            conditions.append(Posting.transaction_id.in_(self.named_transactions()))
        return stmt.where(*conditions)

    def named(self, payee: str) -> ColumnElement[bool]:
        """A transaction's payee or description holds the text (without regard to case)."""
        needle = payee.lower()
        return or_(_holds(Transaction.payee, needle, self.sqlite), _holds(Transaction.description, needle, self.sqlite))

    def named_transactions(self) -> Select[int]:
        """The live transactions of the spec's period and currency whose payee or description holds its text.

        Read from the transactions' own (household, date, currency, payee, description) index, a period's worth
        of short entries in order, where joining each posting of the period to its transaction row would cost a
        random read per posting (a year of a million-row ledger: 1 s). A posting carries its transaction's
        household, date and liveness (the integrity check holds the ledger to it), so the period and liveness
        here pick exactly the transactions of the postings filtered beside them."""
        spec = self.spec
        assert spec.payee
        conditions = [
            Transaction.household_id == self.household_id,
            Transaction.deleted_at.is_(None),
            Transaction.date <= spec.end,
            Transaction.settlement_currency == spec.currency,
            self.named(spec.payee),
        ]
        if spec.start is not None:
            conditions.append(Transaction.date >= spec.start)
        return select(Transaction.id).where(*conditions)


def _holds(column: InstrumentedAttribute[str], needle: str, sqlite: bool) -> ColumnElement[bool]:
    """lower(column) contains the (lower-case) needle. autoescape: a "%" or "_" in the name is text, not a LIKE
    wildcard.

    On SQLite, lower() is a Python function (SQLite's own folds ASCII only) and costs more than the rest of the
    scan; its LIKE already folds ASCII letters, so for an ASCII value `column LIKE` says the same, and lower() is
    called for the others only. For a value with other letters, a match of the value itself is a match of its
    lower case too (the needle's letters are lower case already), so the OR of the two is lower()'s answer."""
    lowered = func.lower(column).contains(needle, autoescape=True)
    if not sqlite:
        return lowered
    non_ascii = func.length(cast(column, LargeBinary)) != func.length(column)
    return or_(column.contains(needle, autoescape=True), and_(non_ascii, lowered))


def _scope(session: Session, household_id: int, spec: QuerySpec) -> _Scope:
    categories = spec_categories(session, household_id=household_id, spec=spec)
    return _Scope(
        spec=spec,
        household_id=household_id,
        income_ids=frozenset(a.id for a in categories if a.kind == AccountKind.income),
        expense_ids=frozenset(a.id for a in categories if a.kind == AccountKind.expense),
        paths={a.id: a.path for a in categories},
        # With one settlement currency in the household, every posting is in it: the currency needs no join.
        join_transaction=_has_other_settlement(session, household_id, spec.currency),
        sqlite=session.get_bind().dialect.name == "sqlite",
    )


def figure(
    session: Session, *, household_id: int, spec: QuerySpec, rows: int = FIGURE_ROWS, largest: int = 0
) -> Figure:
    """The figure a spec describes, computed from postings by the spec's one filter: its total (with income and
    spending apart), how many transactions make it up, the latest `rows` of them and the `largest` biggest."""
    if spec.start is not None and spec.end < spec.start:
        raise ValidationFailed("end is before start", field="end")
    scope = _scope(session, household_id, spec)
    if not scope.category_ids:
        return Figure(spec, 0, 0, 0, 0, [], [])
    # One pass: the sum of every counted leg, and for a net figure the income legs' part of it (a CASE per row
    # only where it is needed; a CASE over a year of postings costs about half again as much as the sum).
    income_part: ColumnElement[int] = literal(0)
    if spec.measure == "net":
        income_part = func.sum(
            case((Posting.account_id.in_(sorted(scope.income_ids)), Posting.converted_minor), else_=0)
        )
    converted, income_converted, count = session.execute(
        scope.where(
            select(
                func.coalesce(func.sum(Posting.converted_minor), 0),
                func.coalesce(income_part, 0),
                func.count(func.distinct(Posting.transaction_id)),
            ).select_from(Posting)
        )
    ).one()
    if spec.measure == "spending":
        earned, spent = 0, int(converted)
    elif spec.measure == "income":
        earned, spent = -int(converted), 0
    else:
        earned = -int(income_converted)
        spent = int(converted) - int(income_converted)
    total = spent if spec.measure == "spending" else earned if spec.measure == "income" else earned - spent
    latest = _figure_page(session, scope, limit=rows, cursor=None)[0] if rows else []
    top: list[FigureRow] = []
    if largest:
        amount = func.sum(scope.counted()).label("amount")
        stmt = scope.where(select(Posting.transaction_id, amount).select_from(Posting))
        picked = session.execute(
            stmt.group_by(Posting.transaction_id).order_by(amount.desc(), Posting.transaction_id.desc()).limit(largest)
        ).all()
        top = _rows_of(session, scope, [(tx_id, int(minor)) for tx_id, minor in picked])
    return Figure(spec, total, int(count), earned, spent, latest, top)


def _rows_of(session: Session, scope: _Scope, amounts: Sequence[tuple[int, int]]) -> list[FigureRow]:
    """The rows for these (transaction, counted amount) pairs, with the categories of their counted legs."""
    ids = [i for i, _ in amounts]
    transactions = {t.id: t for t in repo.transactions_by_id(session, household_id=scope.household_id, ids=ids)}
    legs = repo.posting_rows_of(session, ids, live=True)
    return [
        FigureRow(
            transaction_id=i,
            date=transactions[i].date,
            payee=transactions[i].payee or transactions[i].description,
            amount_minor=m,
            categories=tuple(
                sorted({scope.paths[p.account_id] for p in legs.get(i, []) if p.account_id in scope.paths})
            ),
        )
        for i, m in amounts
        if i in transactions
    ]


def _figure_page(
    session: Session, scope: _Scope, *, limit: int, cursor: str | None
) -> tuple[list[FigureRow], str | None]:
    """One keyset page of a figure's transactions, newest first. Their counted postings are read along the postings
    index, newest first, and summed per transaction as they come (a transaction's postings share its date, so they
    arrive together); reading stops at the first transaction past the page, so a page costs its own rows only."""
    stmt = scope.where(select(Posting.date, Posting.transaction_id, scope.counted()).select_from(Posting), page=True)
    if cursor:
        parts = decode_cursor(cursor)
        try:
            if len(parts) != 3 or parts[0] != "figure":
                raise ValueError(cursor)
            day, last_id = dt.date.fromisoformat(parts[1]), int(parts[2])
        except ValueError as exc:
            raise ValidationFailed("cursor is not one this server gave out", field="cursor") from exc
        if date_problem(day) is not None or not 0 <= last_id <= MAX_ID:
            raise ValidationFailed("cursor is not one this server gave out", field="cursor")
        stmt = stmt.where(
            Posting.date <= day, or_(Posting.date < day, and_(Posting.date == day, Posting.transaction_id < last_id))
        )
    ordered = stmt.order_by(Posting.date.desc(), Posting.transaction_id.desc(), Posting.id.desc())
    page: list[tuple[dt.date, int, int]] = []
    more = False
    # Streamed (a server-side cursor on PostgreSQL; SQLite steps lazily anyway), so stopping early reads no more.
    with session.execute(ordered.execution_options(yield_per=max(limit, 1) * 2 + 2)) as result:
        for day, tx_id, amount in result:
            if page and page[-1][1] == tx_id:
                page[-1] = (day, tx_id, page[-1][2] + int(amount))
            elif len(page) == limit:
                more = True
                break
            else:
                page.append((day, tx_id, int(amount)))
    next_cursor = encode_cursor("figure", page[-1][0].isoformat(), page[-1][1]) if more and page else None
    return _rows_of(session, scope, [(tx_id, amount) for _, tx_id, amount in page]), next_cursor


def figure_page(
    session: Session, *, household_id: int, spec: QuerySpec, limit: int, cursor: str | None = None
) -> tuple[list[FigureRow], str | None]:
    """The transactions behind `figure(spec)`, a keyset page at a time: all pages hold `count` rows whose
    amounts sum to its total."""
    scope = _scope(session, household_id, spec)
    if not scope.category_ids:
        return [], None
    return _figure_page(session, scope, limit=limit, cursor=cursor)


def edge_transaction(session: Session, *, household_id: int, spec: QuerySpec, oldest: bool) -> FigureRow | None:
    """The first (`oldest`) or the last transaction of `figure(spec)`, with the part of it the figure counts: the
    same filter, so the row is one of the figure's rows ("when did I last pay the dentist")."""
    scope = _scope(session, household_id, spec)
    if not scope.category_ids:
        return None
    if not oldest:
        rows, _ = _figure_page(session, scope, limit=1, cursor=None)
        return rows[0] if rows else None
    first = session.execute(
        scope.where(select(Posting.date, Posting.transaction_id).select_from(Posting), page=True)
        .order_by(Posting.date, Posting.transaction_id)
        .limit(1)
    ).first()
    if first is None:
        return None
    amount = session.execute(
        scope.where(select(func.sum(scope.counted())).select_from(Posting), page=True).where(
            Posting.transaction_id == first.transaction_id
        )
    ).scalar_one()
    return next(iter(_rows_of(session, scope, [(first.transaction_id, int(amount or 0))])), None)


# ---- period summary -------------------------------------------------------------------------------------------
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
    spec = QuerySpec(
        start=start, end=end, currency=currency, group_by=group_by, category=category.path if category else None
    )
    return summary_of(session, household_id=household_id, spec=spec)


def summary_of(session: Session, *, household_id: int, spec: QuerySpec) -> Summary:
    """The month report of a spec, grouped as it asks: the same categories and filter as `figure(spec)`, with
    whole months read from the monthly totals (which the ledger keeps equal to their postings)."""
    if spec.start is None:
        raise ValidationFailed("a summary needs a start", field="start")
    start, end, group_by = spec.start, spec.end, spec.group_by
    if end < start:
        raise ValidationFailed("end is before start", field="end")
    categories = _category_accounts(session, household_id)
    scope = _scope(session, household_id, spec)
    wanted = set(scope.category_ids)
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

    if group_by == "payee" or spec.payee or spec.account is not None:
        # Grouped by payee, or filtered beyond categories: the monthly totals cannot say, so the postings do.
        payee: ColumnElement[str] = literal("")
        if group_by == "payee":
            payee = func.coalesce(
                Transaction.payee if scope.joins(page=False) or not scope.sqlite else _payee(spec.currency), ""
            )
        stmt = scope.where(
            select(payee, Posting.account_id, func.sum(Posting.converted_minor), func.count()).select_from(Posting)
        )
        if group_by == "payee" and not scope.joins(page=False) and not scope.sqlite:
            stmt = stmt.join(Transaction, Transaction.id == Posting.transaction_id)
        for name, account_id, converted, count in session.execute(stmt.group_by(payee, Posting.account_id)):
            key = (name or "(no payee)") if group_by == "payee" else ""
            add(key, account_id, int(converted), int(count))
    else:
        for account_id, month, converted, count in _category_rows(session, scope, wanted):
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


def _payee(currency: str) -> ColumnElement[str]:
    """A posting's transaction's payee, on SQLite, when the household settles in one currency: looked up by
    (household, currency, date, id) in the transactions' text index, whose entries a period's postings, read in
    date order, visit in order too (a year of a million-row ledger: a third of the time of a join by id, which
    reads each transaction's row wherever it lies). SQLite would take the row by id if let choose, hence INDEXED
    BY, which SQLAlchemy does not write for SQLite. A posting carries its transaction's household, date and
    liveness (the integrity check holds the ledger to it), and in such a household every transaction is in its
    currency, so this is the joined transaction's payee. PostgreSQL joins instead (a hash join beats a lookup
    per posting)."""
    lookup = text(
        f"SELECT t.payee FROM transactions AS t INDEXED BY {TRANSACTION_TEXT_INDEX} "
        "WHERE t.household_id = postings.household_id AND t.settlement_currency = :payee_currency "
        "AND t.date = postings.date AND t.id = postings.transaction_id AND t.deleted_at IS NULL"
    )
    return lookup.bindparams(payee_currency=currency).columns(column("payee", String)).scalar_subquery()


def _category_rows(session: Session, scope: _Scope, wanted: set[int]) -> list[tuple[int, dt.date, int, int]]:
    """(account, month, converted sum, posting count) over the spec's period from monthly totals for whole months
    plus the spec's own posting filter at the edges."""
    spec, household_id = scope.spec, scope.household_id
    assert spec.start is not None
    rows: list[tuple[int, dt.date, int, int]] = []
    if not wanted:
        return rows
    edges, whole = split_period(spec.start, spec.end)
    if whole is not None:
        stmt = select(
            MonthlyTotal.account_id, MonthlyTotal.month, MonthlyTotal.converted_minor, MonthlyTotal.postings
        ).where(
            MonthlyTotal.household_id == household_id,
            MonthlyTotal.month >= whole[0],
            MonthlyTotal.month < whole[1],
            MonthlyTotal.settlement_currency == spec.currency,
            MonthlyTotal.account_id.in_(wanted),
        )
        rows.extend((a, m, int(c), int(n)) for a, m, c, n in session.execute(stmt) if n)
    for lo, hi in edges:
        edge = replace(scope, spec=spec.model_copy(update={"start": lo, "end": hi}))
        sums = edge.where(
            select(Posting.account_id, func.sum(Posting.converted_minor), func.count()).select_from(Posting)
        )
        month = month_start(lo)
        rows.extend((a, month, int(c), int(n)) for a, c, n in session.execute(sums.group_by(Posting.account_id)))
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
