"""All SQL of the ledger. Every function takes the household and never crosses it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Select, Table, and_, delete, false, func, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from kakeibo.auth.models import Household
from kakeibo.core.db import Base, bulk_insert
from kakeibo.core.periods import month_start as month_start
from kakeibo.ledger.models import (
    CATEGORY_KINDS,
    Account,
    AccountKind,
    Event,
    MonthlyTotal,
    Posting,
    Transaction,
    TransactionTag,
)

_T = TypeVar("_T")


# ---- accounts -------------------------------------------------------------------------------------------------
def accounts_query(household_id: int) -> Select[Account]:
    return select(Account).where(Account.household_id == household_id, Account.deleted_at.is_(None))


def get_account(session: Session, *, household_id: int, account_id: int) -> Account | None:
    return session.scalars(accounts_query(household_id).where(Account.id == account_id)).first()


def get_account_by_path(
    session: Session, *, household_id: int, kinds: Sequence[AccountKind], path: str
) -> Account | None:
    stmt = accounts_query(household_id).where(Account.kind.in_(kinds), func.lower(Account.path) == path.lower())
    return session.scalars(stmt.order_by(Account.id)).first()


def list_accounts(session: Session, *, household_id: int, kinds: Sequence[AccountKind]) -> list[Account]:
    stmt = accounts_query(household_id).where(Account.kind.in_(kinds)).order_by(Account.sort_order, Account.path)
    return list(session.scalars(stmt))


def accounts_by_id(session: Session, *, household_id: int, ids: Iterable[int]) -> dict[int, Account]:
    wanted = set(ids)
    if not wanted:
        return {}
    stmt = select(Account).where(Account.household_id == household_id, Account.id.in_(wanted))
    return {a.id: a for a in session.scalars(stmt)}


def account_has_postings(session: Session, *, account_id: int, except_transaction: int | None = None) -> bool:
    stmt = select(Posting.id).where(Posting.account_id == account_id, Posting.deleted.is_(False))
    if except_transaction is not None:
        stmt = stmt.where(Posting.transaction_id != except_transaction)
    return session.execute(stmt.limit(1)).first() is not None


def descendants_paths_update(session: Session, *, household_id: int, kind: AccountKind, old: str, new: str) -> None:
    children = session.scalars(
        # autoescape: a "_" or "%" in a category's name must not make "Kid_s" the parent of "Kids/...".
        accounts_query(household_id).where(Account.kind == kind, Account.path.startswith(old + "/", autoescape=True))
    )
    for child in children:
        child.path = new + child.path[len(old) :]


def subtree_ids(session: Session, *, household_id: int, root: Account) -> list[int]:
    stmt = select(Account.id).where(
        Account.household_id == household_id,
        Account.kind == root.kind,
        (Account.id == root.id) | Account.path.startswith(root.path + "/", autoescape=True),
    )
    return list(session.scalars(stmt))


# ---- transactions ---------------------------------------------------------------------------------------------
def allocate_transaction_ids(session: Session, count: int) -> list[int]:
    """Ids for a batch of new transactions, so postings can be written without a RETURNING round trip per row.

    PostgreSQL draws them from the column's sequence. SQLite has one writer at a time and the caller has already
    written in this transaction (the ledger version bump), so the maximum id cannot move under us."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        stmt = text("SELECT nextval(pg_get_serial_sequence('transactions', 'id')) FROM generate_series(1, :n)")
        return [int(row[0]) for row in session.execute(stmt, {"n": count})]
    start = int(session.scalar(select(func.coalesce(func.max(Transaction.id), 0))) or 0) + 1
    return list(range(start, start + count))


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def insert_transactions(session: Session, rows: list[dict[str, Any]]) -> None:
    bulk_insert(session, _table(Transaction), rows)


def insert_postings(session: Session, rows: list[dict[str, Any]]) -> None:
    bulk_insert(session, _table(Posting), rows)


def insert_tags(session: Session, rows: list[dict[str, Any]]) -> None:
    bulk_insert(session, _table(TransactionTag), rows)


def insert_events(session: Session, rows: list[dict[str, Any]]) -> None:
    bulk_insert(session, _table(Event), rows)


def get_transaction(
    session: Session, *, household_id: int, transaction_id: int, include_deleted: bool = False
) -> Transaction | None:
    stmt = select(Transaction).where(Transaction.household_id == household_id, Transaction.id == transaction_id)
    if not include_deleted:
        stmt = stmt.where(Transaction.deleted_at.is_(None))
    return session.scalars(stmt).first()


def _by_transaction(rows: Iterable[tuple[int, _T]]) -> dict[int, list[_T]]:
    """Rows grouped under their transaction, in the order read; a transaction with none gets an empty list."""
    by_tx: dict[int, list[_T]] = defaultdict(list)
    for transaction_id, row in rows:
        by_tx[transaction_id].append(row)
    return by_tx


def postings_of(session: Session, transaction_ids: Sequence[int]) -> dict[int, list[Posting]]:
    if not transaction_ids:
        return _by_transaction([])
    stmt = select(Posting).where(Posting.transaction_id.in_(transaction_ids)).order_by(Posting.id)
    return _by_transaction((posting.transaction_id, posting) for posting in session.scalars(stmt))


def posting_rows_of(session: Session, transaction_ids: Sequence[int], *, live: bool = False) -> dict[int, list[Any]]:
    """Postings as plain rows (no ORM objects): for reading pages of transactions quickly (only the postings of
    live transactions, with `live`)."""
    if not transaction_ids:
        return _by_transaction([])
    stmt = select(
        Posting.id,
        Posting.transaction_id,
        Posting.account_id,
        Posting.amount_minor,
        Posting.currency,
        Posting.converted_minor,
        Posting.memo,
    ).where(Posting.transaction_id.in_(transaction_ids))
    if live:
        stmt = stmt.where(Posting.deleted == false())
    return _by_transaction((row.transaction_id, row) for row in session.execute(stmt.order_by(Posting.id)))


def tags_of(session: Session, transaction_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each transaction's tags, in alphabetical order."""
    if not transaction_ids:
        return _by_transaction([])
    stmt = (
        select(TransactionTag.transaction_id, TransactionTag.tag)
        .where(TransactionTag.transaction_id.in_(transaction_ids))
        .order_by(TransactionTag.transaction_id, TransactionTag.tag)
    )
    return _by_transaction((transaction_id, tag) for transaction_id, tag in session.execute(stmt))


def replace_tags(session: Session, *, household_id: int, transaction_id: int, tags: Sequence[str]) -> None:
    session.execute(delete(TransactionTag).where(TransactionTag.transaction_id == transaction_id))
    insert_tags(session, [{"transaction_id": transaction_id, "tag": t, "household_id": household_id} for t in tags])


def delete_postings(session: Session, *, transaction_id: int) -> None:
    session.execute(delete(Posting).where(Posting.transaction_id == transaction_id))


def transactions_by_id(session: Session, *, household_id: int, ids: Sequence[int]) -> list[Transaction]:
    # By primary key, the household checked on the rows: with both in the WHERE, SQLite would walk the household's
    # (household, date, id) index through all its rows instead (30 ms at 100k rows for a page of 20).
    stmt = select(Transaction).where(Transaction.id.in_(ids))
    return [t for t in session.scalars(stmt) if t.household_id == household_id]


def set_postings_deleted_many(session: Session, *, transaction_ids: Sequence[int], deleted: bool) -> None:
    session.execute(update(Posting).where(Posting.transaction_id.in_(transaction_ids)).values(deleted=deleted))


def ledger_version(session: Session, *, household_id: int) -> tuple[int, str]:
    """The household's ledger version (bumped by every ledger write) and when the household was made."""
    row = session.execute(
        select(Household.ledger_version, Household.created_at).where(Household.id == household_id)
    ).one_or_none()
    return (int(row[0] or 0), str(row[1])) if row is not None else (0, "")


def bump_ledger_version(session: Session, *, household_id: int) -> None:
    session.execute(
        update(Household).where(Household.id == household_id).values(ledger_version=Household.ledger_version + 1)
    )


# ---- monthly totals -------------------------------------------------------------------------------------------
RollupRow = tuple[int, dt.date, str, str, int, int]  # account, date, currency, settlement, amount, converted


def apply_monthly_totals(session: Session, *, household_id: int, rows: Iterable[RollupRow], sign: int) -> None:
    """Add (sign=+1) or remove (sign=-1) postings from the monthly totals, in one upsert per key."""
    totals: dict[tuple[int, dt.date, str, str], list[int]] = {}
    for account_id, day, currency, settlement, amount, converted in rows:
        key = (account_id, month_start(day), currency, settlement)
        acc = totals.setdefault(key, [0, 0, 0])
        acc[0] += sign * amount
        acc[1] += sign * converted
        acc[2] += sign
    if not totals:
        return
    values = [
        {
            "account_id": k[0],
            "month": k[1],
            "currency": k[2],
            "settlement_currency": k[3],
            "household_id": household_id,
            "amount_minor": v[0],
            "converted_minor": v[1],
            "postings": v[2],
        }
        for k, v in totals.items()
    ]
    # Sorted keys keep lock order stable across concurrent writers on PostgreSQL.
    values.sort(key=lambda v: (v["account_id"], v["month"], v["currency"], v["settlement_currency"]))
    if session.get_bind().dialect.name == "sqlite":
        bulk_insert(
            session,
            _table(MonthlyTotal),
            values,
            on_conflict="ON CONFLICT (account_id, month, currency, settlement_currency) DO UPDATE SET "
            "amount_minor = amount_minor + excluded.amount_minor, "
            "converted_minor = converted_minor + excluded.converted_minor, postings = postings + excluded.postings",
        )
        return
    ins = postgresql.insert(MonthlyTotal)
    stmt = ins.on_conflict_do_update(
        index_elements=["account_id", "month", "currency", "settlement_currency"],
        set_={
            "amount_minor": MonthlyTotal.amount_minor + ins.excluded.amount_minor,
            "converted_minor": MonthlyTotal.converted_minor + ins.excluded.converted_minor,
            "postings": MonthlyTotal.postings + ins.excluded.postings,
        },
    )
    session.execute(stmt, values)


def rollup_rows(postings: Iterable[Posting], settlement: str) -> list[RollupRow]:
    return [(p.account_id, p.date, p.currency, settlement, p.amount_minor, p.converted_minor) for p in postings]


# ---- events ---------------------------------------------------------------------------------------------------
def latest_undoable_group(session: Session, *, household_id: int) -> str | None:
    stmt = (
        select(Event.group_id)
        .where(Event.household_id == household_id, Event.undone_at.is_(None), Event.undo_of.is_(None))
        .order_by(Event.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def live_groups(session: Session, *, household_id: int, group_ids: Sequence[str]) -> set[str]:
    """Those of `group_ids` that still have events not undone (an undo marks every event of its group)."""
    if not group_ids:
        return set()
    stmt = (
        select(Event.group_id)
        .where(Event.household_id == household_id, Event.group_id.in_(list(group_ids)), Event.undone_at.is_(None))
        .distinct()
    )
    return set(session.scalars(stmt))


def latest_bulk_update_group(session: Session, *, household_id: int) -> str | None:
    """The latest group, not undone, that changed several existing transactions and did nothing else: a bulk
    recategorization (the review's correction of many rows, a rule's or the language model's filing run)."""
    stmt = (
        select(Event.group_id)
        .where(Event.household_id == household_id, Event.undone_at.is_(None), Event.undo_of.is_(None))
        .group_by(Event.group_id)
        .having(
            func.count() >= 2,
            func.min(Event.action) == "update",
            func.max(Event.action) == "update",
            func.min(Event.entity) == "transaction",
            func.max(Event.entity) == "transaction",
        )
        .order_by(func.max(Event.id).desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def claim_group_for_undo(session: Session, *, household_id: int, group_id: str, at: dt.datetime) -> int:
    """Mark a group's events undone, only those not undone yet; how many were marked. Two undos of one group at
    once: the second waits on the first's row locks (PostgreSQL) or write lock (SQLite), then marks none."""
    stmt = (
        update(Event)
        .where(Event.household_id == household_id, Event.group_id == group_id, Event.undone_at.is_(None))
        .values(undone_at=at)
        .execution_options(synchronize_session="fetch")
    )
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def events_of_group(session: Session, *, household_id: int, group_id: str) -> list[Event]:
    stmt = select(Event).where(and_(Event.household_id == household_id, Event.group_id == group_id)).order_by(Event.id)
    return list(session.scalars(stmt))


def list_events(session: Session, *, household_id: int, limit: int, before_id: int | None) -> list[Event]:
    stmt = select(Event).where(Event.household_id == household_id)
    if before_id is not None:
        stmt = stmt.where(Event.id < before_id)
    return list(session.scalars(stmt.order_by(Event.id.desc()).limit(limit)))


# ---- integrity (kakeibo check) --------------------------------------------------------------------------------
def live_posting_totals_by_day(session: Session, *, household_id: int) -> Iterable[Any]:
    """Live postings summed per account, day, currency and settlement currency (folded into months by the
    caller: a month is computed in Python, never with a dialect's date function)."""
    stmt = (
        select(
            Posting.account_id,
            Posting.date,
            Posting.currency,
            Transaction.settlement_currency,
            func.sum(Posting.amount_minor),
            func.sum(Posting.converted_minor),
            func.count(),
        )
        .join(Transaction, Transaction.id == Posting.transaction_id)
        .where(Posting.household_id == household_id, Posting.deleted.is_(False))
        .group_by(Posting.account_id, Posting.date, Posting.currency, Transaction.settlement_currency)
    )
    return session.execute(stmt)


def monthly_total_rows(session: Session, *, household_id: int) -> Iterable[Any]:
    stmt = select(
        MonthlyTotal.account_id,
        MonthlyTotal.month,
        MonthlyTotal.currency,
        MonthlyTotal.settlement_currency,
        MonthlyTotal.amount_minor,
        MonthlyTotal.converted_minor,
        MonthlyTotal.postings,
    ).where(MonthlyTotal.household_id == household_id)
    return session.execute(stmt)


def unbalanced_transactions(session: Session, *, household_id: int, limit: int) -> list[tuple[int, int, int]]:
    """Live transactions whose postings do not sum to zero in the settlement currency, or have fewer than two."""
    total = func.coalesce(func.sum(Posting.converted_minor), 0)
    legs = func.count(Posting.id)
    stmt = (
        select(Transaction.id, total, legs)
        .outerjoin(Posting, Posting.transaction_id == Transaction.id)
        .where(Transaction.household_id == household_id, Transaction.deleted_at.is_(None))
        .group_by(Transaction.id)
        .having((total != 0) | (legs < 2))
        .order_by(Transaction.id)
        .limit(limit)
    )
    return [(int(r[0]), int(r[1]), int(r[2])) for r in session.execute(stmt)]


def count_live_transactions(session: Session, *, household_id: int) -> int:
    stmt = select(func.count()).where(Transaction.household_id == household_id, Transaction.deleted_at.is_(None))
    return int(session.scalar(stmt) or 0)


def stray_postings(session: Session, *, household_id: int, limit: int) -> list[tuple[int, int, str]]:
    """Postings that do not agree with their transaction or account: (posting id, transaction id, what is wrong).

    A posting belongs to a transaction of its own household, on an account of its own household, carries its
    transaction's date, and is live exactly when its transaction is."""
    account = Account.__table__.alias("posting_account")
    stmt = (
        select(
            Posting.id,
            Posting.transaction_id,
            Transaction.id.is_(None).label("no_transaction"),
            (Transaction.household_id != Posting.household_id).label("other_household"),
            (account.c.household_id != Posting.household_id).label("other_account_household"),
            (Transaction.date != Posting.date).label("other_date"),
            (Posting.deleted != Transaction.deleted_at.is_not(None)).label("liveness"),
        )
        .outerjoin(Transaction, Transaction.id == Posting.transaction_id)
        .join(account, account.c.id == Posting.account_id)
        .where(
            Posting.household_id == household_id,
            Transaction.id.is_(None)
            | (Transaction.household_id != Posting.household_id)
            | (account.c.household_id != Posting.household_id)
            | (Transaction.date != Posting.date)
            | (Posting.deleted != Transaction.deleted_at.is_not(None)),
        )
        .order_by(Posting.id)
        .limit(limit)
    )
    found = []
    for row in session.execute(stmt):
        names = ["no_transaction", "other_household", "other_account_household", "other_date", "liveness"]
        wrong = ", ".join(name for name in names if getattr(row, name))
        found.append((int(row.id), int(row.transaction_id), wrong))
    return found


def partly_undone_groups(session: Session, *, household_id: int, limit: int) -> list[str]:
    """Event groups of which some events are undone and others not (an undo is all of a group or nothing)."""
    undone = func.count(Event.undone_at)
    stmt = (
        select(Event.group_id)
        .where(Event.household_id == household_id)
        .group_by(Event.group_id)
        .having((undone > 0) & (undone < func.count()))
        .limit(limit)
    )
    return list(session.scalars(stmt))


def undone_twice(session: Session, *, household_id: int, limit: int) -> list[str]:
    """Groups undone by more than one undo group: an undo must happen once."""
    stmt = (
        select(Event.undo_of)
        .where(Event.household_id == household_id, Event.undo_of.is_not(None))
        .group_by(Event.undo_of)
        .having(func.count(func.distinct(Event.group_id)) > 1)
        .limit(limit)
    )
    return [str(g) for g in session.scalars(stmt)]


def household_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Household.id).order_by(Household.id)))


def category_id_of(session: Session, transaction: Transaction) -> int | None:
    """The category (an income, expense or transfer account) a transaction's postings name; None when none does."""
    return session.scalar(
        select(Account.id)
        .join(Posting, Posting.account_id == Account.id)
        .where(Posting.transaction_id == transaction.id, Account.kind.in_(CATEGORY_KINDS))
        .order_by(Posting.id)
        .limit(1)
    )
