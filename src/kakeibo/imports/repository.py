"""All SQL of imports: batches, saved CSV mappings, fingerprints, and the ledger rows an import matches against.

Every function takes the household and never crosses it. The ledger's own tables are only read here (candidates
for a transfer's other side, manual entries a row may duplicate); writes to them go through the ledger service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any, cast

from sqlalchemy import Table, and_, select
from sqlalchemy.orm import Session

from kakeibo.core.db import bulk_insert
from kakeibo.imports.models import ImportBatch, ImportFingerprint, ImportProfile
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, Account, Posting, Transaction


# ---- batches --------------------------------------------------------------------------------------------------
def add_batch(session: Session, batch: ImportBatch) -> ImportBatch:
    session.add(batch)
    session.flush()
    return batch


def get_batch(session: Session, *, household_id: int, import_id: int) -> ImportBatch | None:
    batch = session.get(ImportBatch, import_id)
    return batch if batch is not None and batch.household_id == household_id else None


def list_batches(session: Session, *, household_id: int, limit: int) -> list[ImportBatch]:
    stmt = (
        select(ImportBatch)
        .where(ImportBatch.household_id == household_id)
        .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


# ---- saved mappings -------------------------------------------------------------------------------------------
def get_profile(session: Session, *, household_id: int, account_id: int) -> ImportProfile | None:
    return session.scalars(
        select(ImportProfile).where(ImportProfile.household_id == household_id, ImportProfile.account_id == account_id)
    ).first()


def save_profile(
    session: Session, *, household_id: int, account_id: int, profile: str | None, mapping: dict[str, Any]
) -> None:
    saved = get_profile(session, household_id=household_id, account_id=account_id)
    if saved is None:
        session.add(ImportProfile(household_id=household_id, account_id=account_id, profile=profile, mapping=mapping))
    else:
        saved.profile, saved.mapping = profile, mapping


# ---- fingerprints ---------------------------------------------------------------------------------------------
def known_fingerprints(
    session: Session, *, household_id: int, account_ids: Collection[int], fingerprints: Collection[str]
) -> set[str]:
    """Which of these fingerprints an earlier import of these accounts recorded."""
    return set(
        session.scalars(
            select(ImportFingerprint.fingerprint).where(
                ImportFingerprint.household_id == household_id,
                ImportFingerprint.account_id.in_(account_ids),
                ImportFingerprint.fingerprint.in_(fingerprints),
            )
        )
    )


def insert_fingerprints(session: Session, *, household_id: int, rows: Iterable[tuple[int, str, int]]) -> None:
    """(account id, fingerprint, transaction id) triples, through the bulk path: an import writes one per row."""
    bulk_insert(
        session,
        cast(Table, ImportFingerprint.__table__),
        [
            {"household_id": household_id, "account_id": account_id, "fingerprint": value, "transaction_id": tx_id}
            for account_id, value, tx_id in rows
        ],
    )


# ---- ledger rows an import is matched against -----------------------------------------------------------------
def money_accounts(session: Session, *, household_id: int) -> list[Account]:
    """The household's asset and liability accounts: where a statement's rows can land."""
    return ledger_repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS)


def transfer_candidates(
    session: Session,
    *,
    household_id: int,
    account_ids: Collection[int],
    low: dt.date,
    high: dt.date,
    amounts: Collection[int],
) -> list[tuple[Transaction, int]]:
    """Live, unlocked expenses and incomes on these accounts between `low` and `high` with one of these amounts,
    with the account each was found on: the possible other sides of a transfer."""
    stmt = (
        select(Transaction, Posting.account_id)
        .join(Posting, and_(Posting.transaction_id == Transaction.id, Posting.account_id.in_(list(account_ids))))
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.type.in_(("expense", "income")),
            Transaction.category_locked.is_(False),
            Transaction.date.between(low, high),
            Transaction.amount_minor.in_(amounts),
            Posting.amount_minor.in_(amounts),
        )
    )
    return [(transaction, account_id) for transaction, account_id in session.execute(stmt)]


def manual_entries(
    session: Session,
    *,
    household_id: int,
    account_ids: Collection[int],
    low: dt.date,
    high: dt.date,
    amounts: Collection[int],
) -> list[tuple[int, dt.date, int, str, int]]:
    """Live transactions not from an import, between `low` and `high` with one of these amounts on one of these
    accounts: (id, date, amount, payee, account id), the entries an imported row may be a look-alike of."""
    stmt = (
        select(Transaction.id, Transaction.date, Transaction.amount_minor, Transaction.payee, Posting.account_id)
        .join(Posting, Posting.transaction_id == Transaction.id)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.source != "import",
            Transaction.date.between(low, high),
            Transaction.amount_minor.in_(amounts),
            Posting.account_id.in_(account_ids),
        )
    )
    return [
        (tx_id, date, amount, payee, account_id) for tx_id, date, amount, payee, account_id in session.execute(stmt)
    ]
