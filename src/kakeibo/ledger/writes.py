"""Writing transactions' rows: inserting new ones, replacing one's postings, soft delete and restore, and renaming a
category with its subtree. Each keeps the monthly totals in step; none decides whether a change is allowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict
from kakeibo.ledger import repository as repo
from kakeibo.ledger.events import Change, record, transaction_image, transaction_summary
from kakeibo.ledger.lookups import name_taken
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    Account,
    CategorySource,
    Posting,
    Transaction,
    TransactionType,
)
from kakeibo.ledger.postings import Leg


@dataclass(slots=True)
class NewTransaction:
    """A validated transaction with balanced legs, ready to be written (or to overwrite a stored one)."""

    date: dt.date
    type: TransactionType
    payee: str
    description: str
    notes: str
    status: str
    settlement: str
    legs: list[Leg]
    tags: list[str]
    fingerprint: str | None
    category_source: CategorySource = CategorySource.none
    category_confidence: float | None = None
    category_reason: str | None = None
    category_locked: bool = False
    review_flag: str | None = None
    review_ref: int | None = None
    import_id: int | None = None

    def posting_rows(self, transaction_id: int, *, household_id: int, deleted: bool) -> list[dict[str, Any]]:
        """The one builder of posting rows: for new transactions, replaced postings and undone changes alike."""
        return [
            {
                "transaction_id": transaction_id,
                "household_id": household_id,
                "account_id": leg.account_id,
                "date": self.date,
                "amount_minor": leg.amount_minor,
                "currency": leg.currency,
                "converted_minor": leg.converted_minor,
                "memo": leg.memo,
                "deleted": deleted,
            }
            for leg in self.legs
        ]

    def rollup_rows(self) -> list[repo.RollupRow]:
        return [
            (leg.account_id, self.date, leg.currency, self.settlement, leg.amount_minor, leg.converted_minor)
            for leg in self.legs
        ]

    def amount_minor(self, money_ids: set[int]) -> int:
        """The amount a register shows: the first money leg's, in the settlement currency."""
        for leg in self.legs:
            if leg.account_id in money_ids:
                return leg.converted_minor
        return self.legs[0].converted_minor


def _money_ids(session: Session, *, household_id: int) -> set[int]:
    return {a.id for a in repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS)}


def insert(session: Session, actor: Actor, items: Sequence[NewTransaction]) -> list[int]:
    """Write new transactions in bulk, with their events (one naming the batch when it is large)."""
    if not items:
        return []
    now = clock.now()
    # The version bump comes first: on SQLite it takes the write lock that makes id allocation safe.
    repo.bump_ledger_version(session, household_id=actor.household_id)
    ids = repo.allocate_transaction_ids(session, len(items))
    money_ids = _money_ids(session, household_id=actor.household_id)
    tx_rows = [
        {
            "id": tx_id,
            "household_id": actor.household_id,
            "date": item.date,
            "type": item.type,
            "payee": item.payee,
            "description": item.description,
            "notes": item.notes,
            "status": item.status,
            "source": actor.source,
            "fingerprint": item.fingerprint,
            "settlement_currency": item.settlement,
            "amount_minor": item.amount_minor(money_ids),
            "category_source": item.category_source,
            "category_confidence": item.category_confidence,
            "category_reason": item.category_reason,
            "category_locked": item.category_locked,
            "review_flag": item.review_flag,
            "review_ref": item.review_ref,
            "import_id": item.import_id,
            "version": 1,
            "created_by": actor.user_id,
            "created_at": now,
        }
        for tx_id, item in zip(ids, items, strict=True)
    ]
    repo.insert_transactions(session, tx_rows)
    full_images = len(items) <= 100
    posting_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    changes: list[Change] = []
    rollups: list[repo.RollupRow] = []
    for tx_id, item, row in zip(ids, items, tx_rows, strict=True):
        posting_rows.extend(item.posting_rows(tx_id, household_id=actor.household_id, deleted=False))
        rollups.extend(item.rollup_rows())
        tag_rows.extend({"transaction_id": tx_id, "tag": t, "household_id": actor.household_id} for t in item.tags)
        if full_images:
            image = transaction_image(row, item.legs, item.tags)
            changes.append(Change("transaction", tx_id, "create", None, image, transaction_summary("Added", image)))
    if not full_images:
        # A large batch (an import) is one event naming its transactions; each is still at version 1 while
        # nobody has changed it since, which is what undoing the batch checks.
        verb = "Imported" if actor.source == "import" else "Added"
        first, last = min(i.date for i in items), max(i.date for i in items)
        summary = f"{verb} {len(ids):,} transactions from {first} to {last}"
        changes.append(Change("transaction", ids[0], "bulk_create", None, {"ids": ids}, summary))
    repo.insert_postings(session, posting_rows)
    repo.insert_tags(session, tag_rows)
    record(session, actor, *changes)
    repo.apply_monthly_totals(session, household_id=actor.household_id, rows=rollups, sign=1)
    return ids


def replace(
    session: Session, transaction: Transaction, old: list[Posting], new: NewTransaction, *, household_id: int
) -> None:
    """Overwrite a stored transaction's fields, postings and tags with `new` (its category fields are the caller's)."""
    repo.apply_monthly_totals(
        session, household_id=household_id, rows=repo.rollup_rows(old, transaction.settlement_currency), sign=-1
    )
    repo.delete_postings(session, transaction_id=transaction.id)
    transaction.date = new.date
    transaction.type = new.type
    transaction.payee = new.payee
    transaction.description = new.description
    transaction.notes = new.notes
    transaction.status = new.status
    transaction.settlement_currency = new.settlement
    transaction.amount_minor = new.amount_minor(_money_ids(session, household_id=household_id))
    deleted = transaction.deleted_at is not None
    repo.insert_postings(session, new.posting_rows(transaction.id, household_id=household_id, deleted=deleted))
    if not deleted:
        repo.apply_monthly_totals(session, household_id=household_id, sign=1, rows=new.rollup_rows())
    repo.replace_tags(session, household_id=household_id, transaction_id=transaction.id, tags=new.tags)


def set_deleted(
    session: Session,
    transactions: Sequence[Transaction],
    postings: Mapping[int, list[Posting]],
    *,
    deleted: bool,
    household_id: int,
) -> None:
    """Soft-delete (or restore) transactions: their postings leave (or rejoin) the balances and the monthly totals."""
    now = clock.now()
    rollups: list[repo.RollupRow] = []
    for transaction in transactions:
        transaction.deleted_at = now if deleted else None
        rollups.extend(repo.rollup_rows(postings[transaction.id], transaction.settlement_currency))
    repo.set_postings_deleted_many(session, transaction_ids=[t.id for t in transactions], deleted=deleted)
    repo.apply_monthly_totals(session, household_id=household_id, rows=rollups, sign=-1 if deleted else 1)


def rename_category(session: Session, account: Account, name: str) -> None:
    """Give a category a new name, its subcategories' paths following; a name another live category has is refused."""
    old = account.path
    new = f"{old.rsplit('/', 1)[0]}/{name}" if "/" in old else name
    if new == old:
        return
    if name_taken(session, household_id=account.household_id, kinds=CATEGORY_KINDS, path=new, by_other_than=account.id):
        raise Conflict(f"category {new!r} already exists", field="name")
    account.name, account.path = name, new
    repo.descendants_paths_update(session, household_id=account.household_id, kind=account.kind, old=old, new=new)
