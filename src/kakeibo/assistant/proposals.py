"""Proposals: what the assistant would change, shown as a diff, carried out only on confirmation and only through
the ledger service (so every confirmed proposal is one undoable event group). Proposals expire; a transaction
changed since it was proposed is not overwritten."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant import repository
from kakeibo.assistant.intents import AddTransaction, Changes, UndoScope
from kakeibo.assistant.models import Proposal
from kakeibo.assistant.targets import rows
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict, NotFound, ValidationFailed
from kakeibo.core.money import minor_to_str, to_minor
from kakeibo.imports import repository as imports_repo
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import StaleVersion
from kakeibo.ledger.models import BALANCE_KINDS, Account, Event, Transaction
from kakeibo.ledger.schemas import TransactionCreate, TransactionUpdate


class ProposalNotFound(NotFound):
    type = "/problems/proposal-not-found"
    title = "Proposal not found"


class ProposalClosed(Conflict):
    type = "/problems/proposal-closed"
    title = "Proposal no longer pending"


def _new(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    action: str,
    summary: str,
    payload: dict[str, Any],
    diff: list[dict[str, Any]],
    minutes: int,
    transaction_id: int | None = None,
) -> Proposal:
    proposal = Proposal(
        id=str(uuid.uuid4()),
        household_id=actor.household_id,
        user_id=actor.user_id,
        conversation_id=conversation_id,
        action=action,
        summary=summary,
        payload=payload,
        diff=diff,
        status="pending",
        transaction_id=transaction_id,
        expires_at=clock.now() + dt.timedelta(minutes=minutes),
    )
    session.add(proposal)
    session.flush()
    return proposal


def default_account(session: Session, *, household_id: int, name: str | None) -> Account:
    """The account a capture names, else the household's first checking account, else its first account."""
    if name:
        return ledger.find_money_account(session, household_id=household_id, name=name)
    accounts = [
        a for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS) if not a.archived
    ]
    if not accounts:
        raise ValidationFailed("there is no account to record this in: add an account first")
    return next((a for a in accounts if a.subtype is not None and a.subtype.value == "checking"), accounts[0])


def propose_create(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    intent: AddTransaction,
    minutes: int,
) -> Proposal:
    account = default_account(session, household_id=actor.household_id, name=intent.account)
    to_account = (
        ledger.find_money_account(session, household_id=actor.household_id, name=intent.to_account)
        if intent.to_account
        else None
    )
    transfer = intent.type == "transfer"
    data = TransactionCreate(
        type="income" if intent.type == "refund" else intent.type,
        account=account.id,
        to_account=to_account.id if to_account else None,
        category=None if transfer else intent.category,
        amount=intent.amount,
        currency=intent.currency,
        date=intent.date,
        payee=intent.description or "",
    )
    # Validate now, so a proposal that could not be carried out is never shown as if it could.
    ledger.build_transaction(ledger.AccountCache(session, actor.household_id), data, base_currency=actor.base_currency)
    amount = minor_to_str(to_minor(intent.amount, intent.currency), intent.currency)
    where = f"{account.name} → {to_account.name}" if to_account else account.name
    article = "a" if transfer else "an"
    summary = f"Record {article} {intent.type} of {amount} {intent.currency} on {intent.date} ({where})"
    summary += f", {intent.category}" if intent.category and not transfer else ""
    summary += f", {intent.description}" if intent.description else ""
    diff = [
        {"field": "type", "before": None, "after": intent.type},
        {"field": "date", "before": None, "after": intent.date.isoformat()},
        {"field": "amount", "before": None, "after": f"{amount} {intent.currency}"},
        {"field": "account", "before": None, "after": account.name},
    ]
    if to_account:
        diff.append({"field": "to_account", "before": None, "after": to_account.name})
    else:
        diff.append({"field": "category", "before": None, "after": intent.category or "Uncategorized"})
    if intent.description:
        diff.append({"field": "payee", "before": None, "after": intent.description})
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="create",
        summary=summary,
        payload={"data": data.model_dump(mode="json", exclude_none=True)},
        diff=diff,
        minutes=minutes,
    )


def propose_update(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    transaction: Transaction,
    changes: Changes,
    minutes: int,
) -> Proposal:
    (current,) = rows(session, household_id=actor.household_id, transactions=[transaction])
    patch: dict[str, Any] = {}
    diff: list[dict[str, Any]] = []
    if changes.amount is not None:
        patch["amount"] = changes.amount
        shown = minor_to_str(to_minor(changes.amount, current["currency"]), current["currency"])
        diff.append({"field": "amount", "before": current["amount"], "after": shown})
    if changes.category is not None:
        patch["category"] = changes.category
        diff.append({"field": "category", "before": current["category"], "after": changes.category})
    if changes.date is not None:
        patch["date"] = changes.date.isoformat()
        diff.append({"field": "date", "before": current["date"], "after": changes.date.isoformat()})
    if changes.description is not None:
        patch["payee"] = changes.description
        diff.append({"field": "payee", "before": current["payee"], "after": changes.description})
    if changes.account is not None:
        account = ledger.find_money_account(session, household_id=actor.household_id, name=changes.account)
        patch["account"] = account.id
        diff.append({"field": "account", "before": current["account"], "after": account.name})
    if not patch:
        raise ValidationFailed("say what to change: the amount, category, date, payee or account")
    # Validate against the ledger's rules before showing it (a split cannot take a friendly amount, etc.).
    ledger.check_update(session, actor=actor, transaction=transaction, data=TransactionUpdate.model_validate(patch))
    changed = ", ".join(f"{d['field']} {d['before']} → {d['after']}" for d in diff)
    summary = f"Change {current['payee'] or 'transaction'} of {current['date']} ({current['amount']}): {changed}"
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="update",
        summary=summary,
        payload={"transaction_id": transaction.id, "version": transaction.version, "patch": patch},
        diff=diff,
        minutes=minutes,
        transaction_id=transaction.id,
    )


def propose_delete(
    session: Session, *, actor: Actor, conversation_id: int | None, transaction: Transaction, minutes: int
) -> Proposal:
    (current,) = rows(session, household_id=actor.household_id, transactions=[transaction])
    summary = (
        f"Delete {current['payee'] or 'the transaction'} of {current['date']}: {current['amount']} "
        f"{current['currency']} ({current['category'] or current['account']})"
    )
    diff = [{"field": key, "before": current[key], "after": None} for key in ("date", "payee", "amount", "category")]
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="delete",
        summary=summary,
        payload={"transaction_id": transaction.id, "version": transaction.version},
        diff=diff,
        minutes=minutes,
        transaction_id=transaction.id,
    )


def _transactions_in(events: list[Event]) -> int:
    """How many transactions a group's events touch: a batch event names its transactions, others are one each."""
    touched = 0
    for event in events:
        if event.entity != "transaction":
            continue
        image = event.after if event.after is not None and "ids" in event.after else event.before
        touched += len(image["ids"]) if image is not None and "ids" in image else 1
    return touched


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def own_undoable_group(session: Session, *, household_id: int, conversation_id: int) -> str | None:
    """The event group of the newest change this conversation made (a confirmed capture, change or delete) that
    is not undone yet; undos themselves are not offered again (that would be a redo nobody asked for)."""
    groups = repository.confirmed_groups_of_conversation(
        session, household_id=household_id, conversation_id=conversation_id
    )
    live = ledger_repo.live_groups(session, household_id=household_id, group_ids=groups)
    return next((group for group in groups if group in live), None)


def _undo_target(
    session: Session, *, household_id: int, what: UndoScope | None, conversation_id: int | None
) -> tuple[str, str] | None:
    """(event group, what undoing it reverses, in words) for a bare undo (this conversation's own last change) or
    a named one; None when there is nothing of that kind to undo."""
    if what is None:
        if conversation_id is None:
            return None
        group = own_undoable_group(session, household_id=household_id, conversation_id=conversation_id)
        if group is None:
            return None
        summaries = [e.summary for e in ledger_repo.events_of_group(session, household_id=household_id, group_id=group)]
        shown = "; ".join(summaries[:3]) + (f" and {len(summaries) - 3} more" if len(summaries) > 3 else "")
        return group, f"Undo: {shown}"
    if what == "import":
        batches = imports_repo.list_batches(session, household_id=household_id, limit=50)
        live = ledger_repo.live_groups(session, household_id=household_id, group_ids=[b.group_id for b in batches])
        batch = next((b for b in batches if b.group_id in live), None)
        if batch is None:
            return None
        events = ledger_repo.events_of_group(session, household_id=household_id, group_id=batch.group_id)
        name = batch.filename or f"import #{batch.id}"
        return batch.group_id, f"Undo the import of {name}: {_plural(_transactions_in(events), 'transaction')}"
    if what == "recategorization":
        group = ledger_repo.latest_bulk_update_group(session, household_id=household_id)
        if group is None:
            return None
        events = ledger_repo.events_of_group(session, household_id=household_id, group_id=group)
        return group, f"Undo the recategorization of {_plural(_transactions_in(events), 'transaction')}"
    group = ledger_repo.latest_undoable_group(session, household_id=household_id)
    if group is None:
        return None
    events = ledger_repo.events_of_group(session, household_id=household_id, group_id=group)
    summaries = [e.summary for e in events]
    shown = "; ".join(summaries[:3]) + (f" and {len(summaries) - 3} more" if len(summaries) > 3 else "")
    return group, f"Undo the household's last change ({_plural(_transactions_in(events), 'transaction')}): {shown}"


def propose_undo(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    minutes: int,
    what: UndoScope | None = None,
) -> Proposal | None:
    """An undo as a proposal that says what and how much it reverses; None when there is nothing to undo. A bare
    undo (`what` None) reaches only what this conversation did; anything made elsewhere must be named."""
    found = _undo_target(session, household_id=actor.household_id, what=what, conversation_id=conversation_id)
    if found is None:
        return None
    group, summary = found
    events = ledger_repo.events_of_group(session, household_id=actor.household_id, group_id=group)
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="undo",
        summary=summary,
        payload={"group_id": group, "what": what},
        diff=[{"field": "change", "before": e.summary, "after": None} for e in events[:20]],
        minutes=minutes,
    )


def last_recorded_transaction(session: Session, *, household_id: int, conversation_id: int) -> Transaction | None:
    """The transaction this conversation recorded or changed last, while it is still live: what a correction
    after the confirmation ("actually that was 45") amends."""
    for transaction_id in repository.transactions_of_conversation(
        session, household_id=household_id, conversation_id=conversation_id
    ):
        found = ledger_repo.get_transaction(session, household_id=household_id, transaction_id=transaction_id)
        if found is not None:
            return found
    return None


def get(session: Session, *, household_id: int, proposal_id: str) -> Proposal:
    proposal = session.get(Proposal, proposal_id)
    if proposal is None or proposal.household_id != household_id:
        raise ProposalNotFound(f"no proposal {proposal_id} in this household")
    return proposal


def status_of(proposal: Proposal) -> str:
    """Its status now: a pending proposal past its expiry is expired (derived, never written)."""
    if proposal.status == "pending" and proposal.expires_at <= clock.now():
        return "expired"
    return proposal.status


def _decide(session: Session, *, household_id: int, proposal_id: str, status: str) -> Proposal:
    """The pending proposal, now marked `status` (in this transaction: a failure below rolls the mark back)."""
    proposal = get(session, household_id=household_id, proposal_id=proposal_id)
    if not repository.decide_proposal(
        session, household_id=household_id, proposal_id=proposal_id, status=status, at=clock.now()
    ):
        session.refresh(proposal)
        raise ProposalClosed(f"this proposal is {status_of(proposal)}; ask again to make a new one")
    return proposal


def confirm(session: Session, *, actor: Actor, proposal_id: str) -> Proposal:
    """Carry the proposal out through the ledger service, as one event group of its own."""
    proposal = _decide(session, household_id=actor.household_id, proposal_id=proposal_id, status="confirmed")
    payload = proposal.payload
    if proposal.action == "create":
        data = TransactionCreate.model_validate(payload["data"])
        created = ledger.create_transaction(session, actor=actor, data=data)
        proposal.transaction_id, proposal.event_group = created.id, actor.group_id
    elif proposal.action == "update":
        patch = TransactionUpdate.model_validate({**payload["patch"], "version": payload["version"]})
        try:
            ledger.update_transaction(
                session,
                actor=actor,
                transaction_id=int(payload["transaction_id"]),
                data=patch,
            )
        except StaleVersion:
            raise ProposalClosed("the transaction changed since this was proposed; ask again") from None
        proposal.event_group = actor.group_id
    elif proposal.action == "delete":
        transaction = ledger.get_transaction(
            session, household_id=actor.household_id, transaction_id=int(payload["transaction_id"])
        )
        if transaction.version != payload["version"]:
            raise ProposalClosed("the transaction changed since this was proposed; ask again")
        ledger.delete_transaction(session, actor=actor, transaction_id=transaction.id)
        proposal.event_group = actor.group_id
    else:
        result = ledger.undo(session, actor=actor, group_id=str(payload["group_id"]))
        proposal.event_group = result.undo_group_id
    session.flush()
    return proposal


def cancel(session: Session, *, household_id: int, proposal_id: str) -> Proposal:
    proposal = _decide(session, household_id=household_id, proposal_id=proposal_id, status="cancelled")
    session.flush()
    return proposal


_DONE = {"create": ("Record", "Recorded"), "update": ("Change", "Changed"), "delete": ("Delete", "Deleted")}


def done_text(proposal: Proposal) -> str:
    """The proposal's summary as what was done: "Record an expense…" → "Recorded an expense…"."""
    if proposal.action == "undo":
        if proposal.summary.startswith("Undo: "):
            return "Undone: " + proposal.summary.removeprefix("Undo: ")
        return "Undid" + proposal.summary.removeprefix("Undo")
    verb, past = _DONE[proposal.action]
    return past + proposal.summary.removeprefix(verb)


def as_dict(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "action": proposal.action,
        "summary": proposal.summary,
        "diff": proposal.diff,
        "status": status_of(proposal),
        "expires_at": proposal.expires_at.isoformat(),
        "transaction_id": proposal.transaction_id,
        "event_group": proposal.event_group,
    }
