"""What the insights read from the books, as plain rows: each category's whole months (the ledger's monthly
totals, in the household's currency, as the month report counts them), the category legs of given transactions
(the recurring ones, scheduled apart), and each day's spending (for the month's pace)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import String, cast, false, func, select
from sqlalchemy.orm import Session

from kakeibo.ledger.models import Account, AccountKind, MonthlyTotal, Posting, Transaction

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
