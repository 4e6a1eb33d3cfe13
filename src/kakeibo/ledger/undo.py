"""Undo and redo: reversing an event group, newest first, as a new group whose own reversal is a redo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor, new_group_id
from kakeibo.ledger import repository as repo
from kakeibo.ledger.errors import NothingToUndo, UndoConflict
from kakeibo.ledger.events import Change, Image, account_image, image_of, record, state
from kakeibo.ledger.hooks import reversals
from kakeibo.ledger.lookups import name_taken
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    Account,
    AccountSubtype,
    CategorySource,
    Event,
    Posting,
    Transaction,
    TransactionType,
)
from kakeibo.ledger.postings import Leg
from kakeibo.ledger.writes import NewTransaction, rename_category, replace, set_deleted


def undo_command(group_id: str | None) -> str:
    """The command that undoes a change, exactly as a person types it (the group is an option, not an argument)."""
    return "kakeibo undo" if group_id is None else f"kakeibo undo --group {group_id}"


@dataclass(frozen=True, slots=True)
class UndoResult:
    group_id: str
    undo_group_id: str
    summaries: list[str]


def undo(session: Session, *, actor: Actor, group_id: str | None = None) -> UndoResult:
    """Reverse every event of a group (the latest one by default), newest first, as a new event group."""
    target = group_id or repo.latest_undoable_group(session, household_id=actor.household_id)
    if target is None:
        raise NothingToUndo("there is nothing to undo")
    events = repo.events_of_group(session, household_id=actor.household_id, group_id=target)
    if not events:
        raise NothingToUndo(f"no change {target} in this household")
    if any(e.undone_at is not None for e in events):
        raise UndoConflict("that change was already undone")
    # Claimed before anything is reversed: of two undos of one group, only one can mark all of its events.
    if repo.claim_group_for_undo(session, household_id=actor.household_id, group_id=target, at=clock.now()) != len(
        events
    ):
        raise UndoConflict("that change was already undone")
    undo_group = new_group_id()
    summaries: list[str] = []
    touched: set[int] = set()  # transactions whose later changes in this group were undone just now
    for event in reversed(events):
        if event.entity == "transaction" and _batch_of(event) is not None:
            _undo_batch(session, actor, event, undo_group, touched)
        elif event.entity == "transaction":
            _undo_transaction(session, actor, event, undo_group)
            touched.add(event.entity_id)
        elif event.entity == "account":
            _undo_account(session, actor, event, undo_group)
        elif event.entity in reversals:  # a domain above the ledger's (see `ledger.hooks.reversals`)
            current, restored = reversals[event.entity](session, actor, event)
            _record_reversal(session, actor, event, undo_group, current, restored)
        else:  # never taken for an account: its id may well be some account's
            raise UndoConflict(f"a {event.entity} change cannot be undone here")
        summaries.append(event.summary)
    repo.bump_ledger_version(session, household_id=actor.household_id)
    session.flush()
    return UndoResult(group_id=target, undo_group_id=undo_group, summaries=summaries)


def _record_reversal(
    session: Session, actor: Actor, event: Event, undo_group: str, before: Image | None, after: Image | None
) -> None:
    """The reversal's own event, in the undo's group: undoing an undo is a redo, and takes the original action's
    name again (the column holds 16 characters)."""
    action = event.action.removeprefix("undo_") if event.action.startswith("undo_") else f"undo_{event.action}"
    if event.summary.startswith("Undid: "):
        summary = f"Redid: {event.summary.removeprefix('Undid: ')}"
    else:
        summary = f"Undid: {event.summary.removeprefix('Redid: ')}"
    change = Change(event.entity, event.entity_id, action, before, after, summary)
    record(session, actor, change, undo_of=event.group_id, group_id=undo_group)


def _batch_of(event: Event) -> tuple[bool, list[int], int] | None:
    """A batch event names its transactions, {"ids": [...], "version": n}, in `after` when it left them live and
    in `before` when it left them deleted; n is their version once the event was done (1 after a bulk create).
    Its reversal swaps the two sides, so undoing an undo (a redo) is the same code run the other way round."""
    for live, image in ((True, event.after), (False, event.before)):
        if image is not None and "ids" in image:
            return live, [int(i) for i in image["ids"]], int(image.get("version", 1))
    return None


def _undo_batch(session: Session, actor: Actor, event: Event, undo_group: str, touched: set[int]) -> None:
    """Remove (or bring back) a batch's transactions, all or none: any of them changed since (outside this
    group) is a conflict."""
    batch = _batch_of(event)
    assert batch is not None
    remove, ids, version = batch
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        transactions = repo.transactions_by_id(session, household_id=actor.household_id, ids=chunk)
        changed = [
            t.id
            for t in transactions
            if (t.deleted_at is not None) == remove or (t.version != version and t.id not in touched)
        ]
        if len(transactions) != len(chunk) or changed:
            first = changed[0] if changed else next(i for i in chunk if i not in {t.id for t in transactions})
            raise UndoConflict(
                f"transaction {first} changed after this; undo the later change first",
                extra={"transaction_id": first},
            )
        postings = repo.postings_of(session, chunk)
        set_deleted(session, transactions, postings, deleted=remove, household_id=actor.household_id)
        for transaction in transactions:
            transaction.version += 1
    session.flush()
    done = {"ids": ids, "version": version + 1}
    _record_reversal(session, actor, event, undo_group, done if remove else None, None if remove else done)


def _undo_transaction(session: Session, actor: Actor, event: Event, undo_group: str) -> None:
    transaction = repo.get_transaction(
        session, household_id=actor.household_id, transaction_id=event.entity_id, include_deleted=True
    )
    if transaction is None:
        raise UndoConflict(f"transaction {event.entity_id} no longer exists")
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    current = image_of(session, transaction, postings)
    after = event.after
    moved_on = after is not None and state(current) != state(after)
    if moved_on:
        raise UndoConflict(
            f"transaction {transaction.id} changed after this; undo the later change first",
            extra={"transaction_id": transaction.id},
        )
    # The reversal returns the transaction to the event's `before` image (none: it did not exist), whatever the
    # action was, so an undo's own events (undo_create, undo_update, ...) are reversed by the same code: redo.
    target = event.before
    keep = target is not None and not target["deleted"]
    if keep != (transaction.deleted_at is None):
        set_deleted(
            session, [transaction], {transaction.id: postings}, deleted=not keep, household_id=actor.household_id
        )
    if target is not None and keep:
        _restore_image(session, transaction, postings, target, household_id=actor.household_id)
    transaction.version += 1
    session.flush()
    _record_reversal(session, actor, event, undo_group, current, image_of(session, transaction))


def _restore_image(
    session: Session, transaction: Transaction, postings: list[Posting], image: Image, *, household_id: int
) -> None:
    legs = [Leg(int(p[0]), int(p[1]), str(p[2]), int(p[3]), str(p[4])) for p in image["postings"]]
    new = NewTransaction(
        date=dt.date.fromisoformat(image["date"]),
        type=TransactionType(image["type"]),
        payee=image["payee"],
        description=image["description"],
        notes=image["notes"],
        status=image["status"],
        settlement=image["settlement_currency"],
        legs=legs,
        tags=list(image["tags"]),
        fingerprint=transaction.fingerprint,
    )
    replace(session, transaction, postings, new, household_id=household_id)
    transaction.category_source = CategorySource(image["category_source"])
    transaction.category_confidence = image["category_confidence"]
    transaction.category_reason = image["category_reason"]
    transaction.category_locked = bool(image["category_locked"])


def _refuse_name_clash(session: Session, account: Account, path: str) -> None:
    """Names are unique among live accounts (and among live categories): bringing one back under a name that
    another has taken since is refused, as creating it would be."""
    kinds = CATEGORY_KINDS if account.kind in CATEGORY_KINDS else BALANCE_KINDS
    if account.kind not in kinds:  # the equity account is never renamed or deleted by a person
        return
    if name_taken(session, household_id=account.household_id, kinds=kinds, path=path, by_other_than=account.id):
        raise UndoConflict(f"{path!r} is the name of another account now; rename that one first")


def _undo_account(session: Session, actor: Actor, event: Event, undo_group: str) -> None:
    account = session.get(Account, event.entity_id)
    if account is None or account.household_id != actor.household_id:
        raise UndoConflict(f"account {event.entity_id} no longer exists")
    current = account_image(account)
    # As for transactions: back to the `before` image (none: it did not exist), so an undo is undone the same way.
    before = event.before
    if before is None or before["deleted"]:
        if before is None and repo.account_has_postings(session, account_id=account.id):
            raise UndoConflict(f"{account.path} has transactions now; delete them first")
        if account.deleted_at is None:
            account.deleted_at = clock.now()
    else:
        _refuse_name_clash(session, account, before["path"])
        account.deleted_at = None
        if account.kind in CATEGORY_KINDS and before.get("name") != account.name:
            rename_category(session, account, before["name"])
        else:
            account.name = before["name"]
            account.path = before["path"]
        account.subtype = AccountSubtype(before["subtype"]) if before.get("subtype") else None
        account.institution = before.get("institution")
        account.archived = bool(before.get("archived"))
        account.sort_order = int(before.get("sort_order") or 0)
        if "opening_balance_minor" in before:
            account.opening_balance_minor = int(before["opening_balance_minor"] or 0)
            account.opening_date = dt.date.fromisoformat(before["opening_date"]) if before["opening_date"] else None
            account.opening_transaction_id = before["opening_transaction_id"]
    session.flush()
    _record_reversal(session, actor, event, undo_group, current, account_image(account))
