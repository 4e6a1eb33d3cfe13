"""Transaction use cases: validating a friendly or postings-form request into balanced legs, and creating,
changing and deleting transactions, each with its event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import repository as repo
from kakeibo.ledger.errors import StaleVersion
from kakeibo.ledger.events import Change, image_of, record, transaction_image, transaction_summary
from kakeibo.ledger.friendly import describe
from kakeibo.ledger.lookups import AccountCache, get_transaction, is_uncategorized
from kakeibo.ledger.models import CATEGORY_KINDS, AccountKind, CategorySource, Posting, Transaction, TransactionType
from kakeibo.ledger.postings import Leg, LegInput, friendly_legs, posting_legs
from kakeibo.ledger.schemas import TransactionCreate, TransactionUpdate
from kakeibo.ledger.writes import NewTransaction, insert, replace, set_deleted


@dataclass(frozen=True, slots=True)
class CategoryGuess:
    """How a category was chosen, recorded on the transaction (by the categorizer or the importer)."""

    source: CategorySource
    confidence: float | None = None
    reason: str | None = None


def build_transaction(cache: AccountCache, data: TransactionCreate, *, base_currency: str) -> NewTransaction:
    """Validate one friendly or postings-form transaction into balanced legs (no writes)."""
    tags = _clean_tags(data.tags)
    if data.postings is None:
        assert data.type is not None and data.account is not None and data.amount is not None
        account = cache.money(data.account, "account")
        to_account = cache.money(data.to_account, "to_account") if data.to_account is not None else None
        category = cache.category(data.category, income=data.type == "income")
        if data.type != "transfer" and category.holds_money:
            raise ValidationFailed("category must be a category, not an account", field="category")
        legs, settlement = friendly_legs(
            type=data.type,
            account=account,
            category=category,
            to_account=to_account,
            amount=data.amount,
            currency=data.currency,
            converted_amount=data.converted_amount,
            to_amount=data.to_amount,
        )
        tx_type = TransactionType(data.type)
        has_category = data.category is not None and data.type != "transfer"
    else:
        inputs = [
            LegInput(cache.any(p.account, f"postings.{i}.account"), p.amount, p.currency, p.converted_amount, p.memo)
            for i, p in enumerate(data.postings)
        ]
        settlement = data.settlement_currency or next(
            (leg.account.currency for leg in inputs if leg.account.holds_money and leg.account.currency), base_currency
        )
        legs = posting_legs(inputs, settlement=settlement)
        tx_type = _infer_type(inputs, legs)
        has_category = any(leg.account.kind in CATEGORY_KINDS and not is_uncategorized(leg.account) for leg in inputs)
    return NewTransaction(
        date=data.date,
        type=tx_type,
        payee=data.payee.strip(),
        description=data.description.strip(),
        notes=data.notes,
        status=data.status,
        settlement=settlement,
        legs=legs,
        tags=tags,
        fingerprint=data.fingerprint,
        category_source=CategorySource.user if has_category else CategorySource.none,
        category_locked=has_category,
    )


def _infer_type(inputs: Sequence[LegInput], legs: Sequence[Leg]) -> TransactionType:
    if any(i.account.kind == AccountKind.equity for i in inputs):
        return TransactionType.opening
    categories = [(i, leg) for i, leg in zip(inputs, legs, strict=True) if not i.account.holds_money]
    if not categories:
        return TransactionType.transfer
    if len(categories) == 1:
        return TransactionType.income if categories[0][1].converted_minor < 0 else TransactionType.expense
    return TransactionType.split_


def _clean_tags(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = tag.strip().lstrip("#").lower()
        if not cleaned:
            continue
        if len(cleaned) > 64:
            raise ValidationFailed("a tag has at most 64 characters", field="tags")
        seen[cleaned] = None
    return list(seen)


def create_transaction(
    session: Session, *, actor: Actor, data: TransactionCreate, guess: CategoryGuess | None = None
) -> Transaction:
    cache = AccountCache(session, actor.household_id)
    new = build_transaction(cache, data, base_currency=actor.base_currency)
    if guess is not None and new.category_source == CategorySource.none:
        new.category_source, new.category_confidence, new.category_reason = guess.source, guess.confidence, guess.reason
    tx_id = insert(session, actor, [new])[0]
    transaction = repo.get_transaction(session, household_id=actor.household_id, transaction_id=tx_id)
    assert transaction is not None
    return transaction


def create_transactions(
    session: Session,
    *,
    actor: Actor,
    items: Sequence[TransactionCreate],
    guesses: Sequence[CategoryGuess | None] | None = None,
    import_id: int | None = None,
    review: Sequence[tuple[str, int] | None] | None = None,
    cache: AccountCache | None = None,
) -> list[int]:
    """The batch path (imports, demo data, bench): one validation pass, then bulk inserts, one event group.
    Imports also give each row's categorization (`guesses`) and review flag (`review`: flag and the look-alike)."""
    cache = cache or AccountCache(session, actor.household_id)
    built = [build_transaction(cache, item, base_currency=actor.base_currency) for item in items]
    if guesses is None and review is None and import_id is None:
        return insert(session, actor, built)
    for index, new in enumerate(built):
        guess = guesses[index] if guesses is not None else None
        if guess is not None and (new.category_source == CategorySource.none or guess.source != CategorySource.user):
            new.category_source, new.category_confidence, new.category_reason = (
                guess.source,
                guess.confidence,
                guess.reason,
            )
            new.category_locked = guess.source == CategorySource.user
        flag = review[index] if review is not None else None
        if flag is not None:
            new.review_flag, new.review_ref = flag
        new.import_id = import_id
    return insert(session, actor, built)


def update_transaction(
    session: Session,
    *,
    actor: Actor,
    transaction_id: int,
    data: TransactionUpdate,
    guess: CategoryGuess | None = None,
) -> Transaction:
    """Change a transaction. A new category is a person's (locked against automatic refiling) unless `guess` says
    a rule or a model chose it; the event's after image records which, so the audit trail tells the truth."""
    transaction = get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
    if data.version is not None and data.version != transaction.version:
        raise StaleVersion(f"transaction {transaction_id} is at version {transaction.version}, not {data.version}")
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    before = image_of(session, transaction, postings)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if not changes:
        return transaction
    merged = _merge_update(session, transaction, postings, changes, actor.household_id)
    cache = AccountCache(session, actor.household_id)
    new = build_transaction(cache, merged, base_currency=actor.base_currency)
    category_changed = "category" in changes or "postings" in changes
    replace(session, transaction, postings, new, household_id=actor.household_id)
    if category_changed and guess is not None and guess.source != CategorySource.user:
        transaction.category_source, transaction.category_locked = guess.source, False
        transaction.category_confidence, transaction.category_reason = guess.confidence, guess.reason
    elif category_changed:
        transaction.category_source = new.category_source
        transaction.category_locked = new.category_locked
        transaction.category_confidence = None
        transaction.category_reason = "set by hand" if new.category_locked else None
    transaction.version += 1
    transaction.updated_at = clock.now()
    session.flush()
    after = image_of(session, transaction)
    record(
        session,
        actor,
        Change("transaction", transaction.id, "update", before, after, transaction_summary("Changed", after)),
    )
    repo.bump_ledger_version(session, household_id=actor.household_id)
    return transaction


def check_update(session: Session, *, actor: Actor, transaction: Transaction, data: TransactionUpdate) -> None:
    """Validate a change as `update_transaction` would, without writing (for previews such as proposals)."""
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    merged = _merge_update(session, transaction, postings, changes, actor.household_id)
    build_transaction(AccountCache(session, actor.household_id), merged, base_currency=actor.base_currency)


def _merge_update(
    session: Session, transaction: Transaction, postings: list[Posting], changes: dict[str, Any], household_id: int
) -> TransactionCreate:
    """The transaction as a create request with the changes applied (re-validated like a new one)."""
    tags = changes.get("tags")
    if tags is None:
        tags = repo.tags_of(session, [transaction.id])[transaction.id]
    common: dict[str, Any] = {
        "date": changes.get("date") or transaction.date,
        "payee": changes["payee"] if changes.get("payee") is not None else transaction.payee,
        "description": changes["description"] if changes.get("description") is not None else transaction.description,
        "notes": changes["notes"] if changes.get("notes") is not None else transaction.notes,
        "status": changes.get("status") or transaction.status,
        "tags": tags,
        "fingerprint": transaction.fingerprint,
    }
    if changes.get("postings") is not None:
        return TransactionCreate(
            postings=changes["postings"], settlement_currency=transaction.settlement_currency, **common
        )
    friendly_keys = {"category", "account", "to_account", "amount", "currency", "converted_amount", "to_amount"}
    shape = describe(session, transaction, postings, household_id=household_id)
    if shape.friendly is None:
        if friendly_keys & changes.keys():
            raise ValidationFailed("this is a split transaction: change it with postings", field="postings")
        return TransactionCreate(
            postings=shape.postings_in(), settlement_currency=transaction.settlement_currency, **common
        )
    friendly = dict(shape.friendly)
    for key in friendly_keys:
        if key in changes:
            friendly[key] = changes[key]
    if "amount" in changes and "converted_amount" not in changes and "currency" not in changes:
        friendly["converted_amount"] = None
    if friendly.get("type") != "transfer":
        friendly.pop("to_account", None)
        friendly.pop("to_amount", None)
    return TransactionCreate(**friendly, **common)


def delete_transaction(session: Session, *, actor: Actor, transaction_id: int) -> None:
    transaction = get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    before = image_of(session, transaction, postings)
    set_deleted(session, [transaction], {transaction.id: postings}, deleted=True, household_id=actor.household_id)
    transaction.version += 1
    session.flush()
    after = transaction_image(transaction, postings, before["tags"])
    record(
        session,
        actor,
        Change("transaction", transaction.id, "delete", before, after, transaction_summary("Deleted", before)),
    )
    repo.bump_ledger_version(session, household_id=actor.household_id)
