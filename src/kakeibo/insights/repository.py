"""What the insights read from the books, as plain rows: each category's whole months (the ledger's monthly
totals, in the household's currency, as the month report counts them), the category legs of given transactions
(the recurring ones, scheduled apart), and each day's spending (for the month's pace)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import String, cast, false, func, select
from sqlalchemy.orm import Session

from kakeibo.ledger.models import Account, AccountKind, MonthlyTotal, Posting, Transaction, TransactionType

CATEGORY_KINDS = (AccountKind.income, AccountKind.expense)


def categories(session: Session, *, household_id: int) -> dict[int, tuple[AccountKind, str]]:
    """Every income and expense category: its kind and path."""
    stmt = select(Account.id, Account.kind, Account.path).where(
        Account.household_id == household_id, Account.kind.in_(CATEGORY_KINDS)
    )
    return {account_id: (AccountKind(kind), path) for account_id, kind, path in session.execute(stmt)}


def month_totals(
    session: Session, *, household_id: int, currency: str, first: dt.date, last: dt.date, account_ids: Sequence[int]
) -> list[tuple[int, dt.date, int]]:
    """(category, month, amount in `currency`) for the months from `first` through `last` (first days)."""
    if not account_ids:
        return []
    stmt = select(MonthlyTotal.account_id, MonthlyTotal.month, MonthlyTotal.converted_minor).where(
        MonthlyTotal.household_id == household_id,
        MonthlyTotal.month >= first,
        MonthlyTotal.month <= last,
        MonthlyTotal.settlement_currency == currency,
        MonthlyTotal.account_id.in_(account_ids),
    )
    return [(a, m, int(c)) for a, m, c in session.execute(stmt)]


def legs_of(
    session: Session, *, household_id: int, currency: str, transaction_ids: Sequence[int], account_ids: Sequence[int]
) -> list[tuple[int, dt.date, int]]:
    """(category, day, amount in `currency`) of the given transactions' category legs."""
    rows: list[tuple[int, dt.date, int]] = []
    ids = list(transaction_ids)
    for start in range(0, len(ids), 500):  # bounded IN lists
        stmt = (
            select(Posting.account_id, cast(Posting.date, String), Posting.converted_minor)
            .join(Transaction, Transaction.id == Posting.transaction_id)
            .where(
                Posting.household_id == household_id,
                Posting.deleted == false(),
                Posting.transaction_id.in_(ids[start : start + 500]),
                Posting.account_id.in_(account_ids),
                Transaction.settlement_currency == currency,
            )
        )
        rows.extend((a, dt.date.fromisoformat(d), int(c)) for a, d, c in session.execute(stmt))
    return rows


def daily_spending(
    session: Session, *, household_id: int, currency: str, first: dt.date, last: dt.date, account_ids: Sequence[int]
) -> dict[dt.date, int]:
    """Each day's spending (expense categories, net of refunds) from `first` through `last`."""
    if not account_ids:
        return {}
    day = cast(Posting.date, String)
    stmt = (
        select(day, func.sum(Posting.converted_minor))
        .join(Transaction, Transaction.id == Posting.transaction_id)
        .where(
            Posting.household_id == household_id,
            Posting.deleted == false(),
            Posting.date >= first,
            Posting.date <= last,
            Posting.account_id.in_(account_ids),
            Transaction.settlement_currency == currency,
        )
        .group_by(day)
    )
    return {dt.date.fromisoformat(d): int(total or 0) for d, total in session.execute(stmt)}


# ---- the health score ------------------------------------------------------------------------------------------
def first_active_month(session: Session, *, household_id: int, currency: str) -> dt.date | None:
    """The first month any income or expense category has something in (the household's books begin there)."""
    stmt = (
        select(func.min(MonthlyTotal.month))
        .join(Account, Account.id == MonthlyTotal.account_id)
        .where(
            MonthlyTotal.household_id == household_id,
            MonthlyTotal.settlement_currency == currency,
            MonthlyTotal.converted_minor != 0,
            Account.kind.in_(CATEGORY_KINDS),
        )
    )
    found = session.execute(stmt).scalar()
    return found if isinstance(found, dt.date) or found is None else dt.date.fromisoformat(str(found))


def loan_payments(
    session: Session, *, household_id: int, currency: str, first: dt.date, last: dt.date, account_ids: Sequence[int]
) -> list[tuple[dt.date, int]]:
    """(day, amount) of the money transfers put into the given (loan) accounts from `first` through `last`: the
    legs that bring a liability's balance towards zero."""
    if not account_ids:
        return []
    stmt = (
        select(cast(Posting.date, String), Posting.amount_minor)
        .join(Transaction, Transaction.id == Posting.transaction_id)
        .where(
            Posting.household_id == household_id,
            Posting.deleted == false(),
            Posting.date >= first,
            Posting.date <= last,
            Posting.account_id.in_(account_ids),
            Posting.amount_minor > 0,
            Posting.currency == currency,
            Transaction.type == TransactionType.transfer,
        )
    )
    return [(dt.date.fromisoformat(d), int(a)) for d, a in session.execute(stmt)]


def transaction_days(session: Session, *, household_id: int, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days from `first` through `last` with at least one live transaction (opening balances aside), by the
    transaction's own date."""
    day = cast(Transaction.date, String)
    stmt = (
        select(day)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.date >= first,
            Transaction.date <= last,
            Transaction.type != TransactionType.opening,
        )
        .group_by(day)
    )
    return {dt.date.fromisoformat(d) for (d,) in session.execute(stmt)}
