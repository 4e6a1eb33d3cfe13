"""The audit trail: the before/after images of transactions and accounts, and the one `record` by which every write
appends its events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str
from kakeibo.ledger import repository as repo
from kakeibo.ledger.models import Account, Posting, Transaction
from kakeibo.ledger.postings import Leg

Image = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Change:
    """One entity's change as the audit trail keeps it: what it was and what it became (None: it did not exist)."""

    entity: str
    entity_id: int
    action: str
    before: Image | None
    after: Image | None
    summary: str


def record(
    session: Session, actor: Actor, *changes: Change, undo_of: str | None = None, group_id: str | None = None
) -> None:
    """Append the events of a write, in one insert, to the actor's event group (an undo names its own group and
    the group it reverses)."""
    now = clock.now()
    repo.insert_events(
        session,
        [
            {
                "household_id": actor.household_id,
                "group_id": group_id or actor.group_id,
                "actor_id": actor.user_id,
                "source": actor.source,
                "entity": change.entity,
                "entity_id": change.entity_id,
                "action": change.action,
                "before": change.before,
                "after": change.after,
                "summary": change.summary[:255],
                "undo_of": undo_of,
                "created_at": now,
            }
            for change in changes
        ],
    )


def transaction_image(
    transaction: Transaction | Mapping[str, Any], postings: Iterable[Posting | Leg], tags: Iterable[str]
) -> Image:
    """A transaction as its events show it: a stored one, or the row the batch path is about to insert (which is
    live by definition, having no `deleted_at`)."""
    field: Callable[[str], Any] = transaction.get if isinstance(transaction, Mapping) else partial(getattr, transaction)
    return {
        "id": field("id"),
        "date": field("date").isoformat(),
        "type": str(field("type")),
        "payee": field("payee"),
        "description": field("description"),
        "notes": field("notes"),
        "status": field("status"),
        "settlement_currency": field("settlement_currency"),
        "category_source": str(field("category_source")),
        "category_confidence": field("category_confidence"),
        "category_reason": field("category_reason"),
        "category_locked": field("category_locked"),
        "version": field("version"),
        "deleted": field("deleted_at") is not None,
        "tags": sorted(tags),
        "postings": [[p.account_id, p.amount_minor, p.currency, p.converted_minor, p.memo] for p in postings],
    }


def image_of(session: Session, transaction: Transaction, postings: Sequence[Posting] | None = None) -> Image:
    """A stored transaction's image, read with its tags (and its postings, unless the caller has them)."""
    if postings is None:
        postings = repo.postings_of(session, [transaction.id])[transaction.id]
    return transaction_image(transaction, postings, repo.tags_of(session, [transaction.id])[transaction.id])


def state(image: Image) -> tuple[Any, ...]:
    """What a transaction is, regardless of its version counter and the order its postings were written in."""
    fields = ("date", "type", "payee", "description", "notes", "status", "settlement_currency", "deleted")
    postings = sorted(tuple(p) for p in image["postings"])
    return (*(image[f] for f in fields), tuple(sorted(image["tags"])), tuple(postings))


def transaction_summary(verb: str, image: Image) -> str:
    """A transaction's change in one line: "Added Starbucks 4.75 USD on 2026-11-02"."""
    amount = next((p[1] for p in image["postings"] if p[1] < 0), image["postings"][0][1] if image["postings"] else 0)
    currency = image["settlement_currency"]
    label = image["payee"] or image["description"] or image["type"]
    return f"{verb} {label} {minor_to_str(abs(amount), currency)} {currency} on {image['date']}"


def account_image(account: Account) -> Image:
    """An account or category as its events show it."""
    return {
        "id": account.id,
        "name": account.name,
        "path": account.path,
        "kind": account.kind.value,
        "subtype": account.subtype.value if account.subtype else None,
        "institution": account.institution,
        "archived": account.archived,
        "sort_order": account.sort_order,
        "deleted": account.deleted_at is not None,
        "parent_id": account.parent_id,
        "opening_balance_minor": account.opening_balance_minor,
        "opening_date": account.opening_date.isoformat() if account.opening_date else None,
        "opening_transaction_id": account.opening_transaction_id,
    }


def account_change(account: Account, action: str, before: Image | None, summary: str) -> Change:
    """An account's change, its after image taken now."""
    return Change("account", account.id, action, before, account_image(account), summary)
