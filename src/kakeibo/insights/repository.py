"""What the insights read from the books, as plain rows: each category's whole months (the ledger's monthly
totals, in the household's currency, as the month report counts them), the category legs of given transactions
(the recurring ones, scheduled apart), and each day's spending (for the month's pace)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, cast, delete, false, func, select
from sqlalchemy.orm import Session

from kakeibo.insights.anomalies import ExpenseRow
from kakeibo.insights.models import AnomalyDismissal
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


# --- anomalies ---------------------------------------------------------------------------------------------------

_MONEY_KINDS = (AccountKind.asset, AccountKind.liability)


def expense_rows(
    session: Session, *, household_id: int, currency: str, first: dt.date, last: dt.date
) -> list[ExpenseRow]:
    """Each live transaction from `first` through `last` (in `currency`) with an expense category leg, as one row:
    what its expense legs cost (refunds negative), its largest expense leg's category and its money account. One
    range scan of the postings' (household, date) index, the few accounts read apart, dates read as text."""
    accounts = {
        account_id: (AccountKind(kind), path, name)
        for account_id, kind, path, name in session.execute(
            select(Account.id, Account.kind, Account.path, Account.name).where(Account.household_id == household_id)
        )
    }
    stmt = (
        select(
            Posting.transaction_id,
            cast(Posting.date, String),
            Transaction.payee,
            Posting.account_id,
            Posting.converted_minor,
        )
        .join(Transaction, Transaction.id == Posting.transaction_id)
        .where(
            Posting.household_id == household_id,
            Posting.deleted == false(),
            Posting.date >= first,
            Posting.date <= last,
            Transaction.deleted_at.is_(None),
            Transaction.settlement_currency == currency,
        )
    )
    legs: dict[int, list[tuple[str, str, int, int]]] = {}
    for tid, on, payee, account_id, converted in session.execute(stmt):
        legs.setdefault(tid, []).append((on, payee or "", account_id, int(converted)))
    rows = []
    for tid, parts in legs.items():
        spent = [(amount, accounts[a][1]) for _, _, a, amount in parts if accounts[a][0] == AccountKind.expense]
        if not spent:
            continue
        money = next((a for _, _, a, _ in parts if accounts[a][0] in _MONEY_KINDS), None)
        on, payee = parts[0][0], parts[0][1]
        rows.append(
            ExpenseRow(
                transaction_id=tid,
                date=dt.date.fromisoformat(on),
                payee=payee,
                amount_minor=sum(amount for amount, _ in spent),
                account_id=money or 0,
                account=accounts[money][2] if money is not None else "",
                category=max(spent)[1],
            )
        )
    return rows


def payees_before(session: Session, *, household_id: int, currency: str, before: dt.date) -> set[str]:
    """The distinct payees of the household's live transactions before `before` (from the text index alone)."""
    stmt = (
        select(Transaction.payee)
        .where(
            Transaction.household_id == household_id,
            Transaction.settlement_currency == currency,
            Transaction.date < before,
            Transaction.deleted_at.is_(None),
        )
        .distinct()
    )
    return {payee for payee in session.scalars(stmt) if payee}


def dismissals(session: Session, *, household_id: int) -> list[AnomalyDismissal]:
    return list(session.scalars(select(AnomalyDismissal).where(AnomalyDismissal.household_id == household_id)))


def get_dismissal(session: Session, *, household_id: int, anomaly_id: str) -> AnomalyDismissal | None:
    return session.get(AnomalyDismissal, (household_id, anomaly_id))


def add_dismissal(session: Session, *, household_id: int, image: dict[str, Any]) -> AnomalyDismissal:
    row = AnomalyDismissal(
        household_id=household_id,
        anomaly_id=image["anomaly_id"],
        kind=image["kind"],
        payee_key=image["payee_key"],
        category=image["category"],
        amount_minor=image["amount_minor"],
        transaction_id=image["transaction_id"],
    )
    session.add(row)
    session.flush()
    return row


def delete_dismissal(session: Session, *, household_id: int, anomaly_id: str) -> None:
    session.execute(
        delete(AnomalyDismissal).where(
            AnomalyDismissal.household_id == household_id, AnomalyDismissal.anomaly_id == anomaly_id
        )
    )
    session.flush()
