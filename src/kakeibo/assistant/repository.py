"""SQL of the assistant's records that is more than a primary-key lookup (conversations, messages, proposals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from kakeibo.assistant.models import Conversation, Message, Proposal
from kakeibo.auth.models import Household
from kakeibo.ledger.models import BALANCE_KINDS, Account, Posting, Transaction, TransactionType


# ---- conversations and messages ------------------------------------------------------------------------------
def latest_conversation(session: Session, *, household_id: int, user_id: int, title: str) -> Conversation | None:
    return session.scalars(
        select(Conversation)
        .where(
            Conversation.household_id == household_id,
            Conversation.user_id == user_id,
            Conversation.title == title,
        )
        .order_by(Conversation.id.desc())
        .limit(1)
    ).first()


def conversations_of(session: Session, *, household_id: int, user_id: int, limit: int) -> list[Conversation]:
    """A person's conversations in a household, the most recently active first."""
    return list(
        session.scalars(
            select(Conversation)
            .where(Conversation.household_id == household_id, Conversation.user_id == user_id)
            .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
            .limit(limit)
        )
    )


def latest_messages(session: Session, *, conversation_id: int, limit: int) -> list[Message]:
    """The conversation's last `limit` messages, oldest first."""
    newest_first = session.scalars(
        select(Message).where(Message.conversation_id == conversation_id).order_by(Message.id.desc()).limit(limit)
    ).all()
    return list(reversed(newest_first))


# ---- proposals ------------------------------------------------------------------------------------------------
def proposals_by_id(session: Session, *, household_id: int, ids: Iterable[str]) -> list[Proposal]:
    return list(
        session.scalars(select(Proposal).where(Proposal.household_id == household_id, Proposal.id.in_(list(ids))))
    )


def confirmed_groups_of_conversation(session: Session, *, household_id: int, conversation_id: int) -> list[str]:
    """The event groups of the changes a conversation carried out (captures, changes, deletes; not its undos),
    the newest first."""
    return list(
        session.scalars(
            select(Proposal.event_group)
            .where(
                Proposal.household_id == household_id,
                Proposal.conversation_id == conversation_id,
                Proposal.status == "confirmed",
                Proposal.action != "undo",
                Proposal.event_group.is_not(None),
            )
            .order_by(Proposal.decided_at.desc(), Proposal.created_at.desc())
            .limit(200)
        )
    )


def recorded_by_conversation(session: Session, *, household_id: int, conversation_id: int) -> list[list[int]]:
    """The transactions of each confirmed capture or change of a conversation, the newest first: one id for most,
    every item's for a capture of several ("38 at trader joe's and 12 at the pharmacy")."""
    found = session.execute(
        select(Proposal.transaction_id, Proposal.payload)
        .where(
            Proposal.household_id == household_id,
            Proposal.conversation_id == conversation_id,
            Proposal.status == "confirmed",
            Proposal.action.in_(["create", "update"]),
            Proposal.transaction_id.is_not(None),
        )
        .order_by(Proposal.decided_at.desc(), Proposal.created_at.desc())
        .limit(20)
    )
    recorded: list[list[int]] = []
    for transaction_id, payload in found:
        ids = (payload or {}).get("transaction_ids")
        recorded.append([int(i) for i in ids] if ids else [int(transaction_id)])
    return recorded


def decide_proposal(session: Session, *, household_id: int, proposal_id: str, status: str, at: dt.datetime) -> bool:
    """Move a pending, unexpired proposal to `status`; False when it was no longer pending. The condition is in
    the UPDATE itself, so of two decisions at once (a double click, confirm racing cancel) exactly one wins: the
    other waits on the row and then finds it decided."""
    stmt = (
        update(Proposal)
        .where(
            Proposal.id == proposal_id,
            Proposal.household_id == household_id,
            Proposal.status == "pending",
            Proposal.expires_at > at,
        )
        .values(status=status, decided_at=at)
        .execution_options(synchronize_session="fetch")
    )
    return bool(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


# ---- the ledger as the assistant reads it ---------------------------------------------------------------------
def ledger_stamp(session: Session, *, household_id: int) -> tuple[dt.datetime, int] | None:
    """(when the household was made, its ledger version): what a cache of its transactions is valid for. The
    version is bumped by every write of a transaction or its postings; the creation time tells apart two
    households that got the same id in turn (SQLite reuses the id of a row rolled back)."""
    row = session.execute(
        select(Household.created_at, Household.ledger_version).where(Household.id == household_id)
    ).first()
    return (row[0], int(row[1])) if row is not None else None


def accounts_of_recent_payees(session: Session, *, household_id: int, limit: int) -> list[tuple[str, int, int]]:
    """(payee in lower case, account, postings) over the household's latest `limit` transactions with a payee:
    which category each recent merchant is filed under, counted in SQL through the (household, date, id) index."""
    recent = (
        select(Transaction.id, func.lower(Transaction.payee).label("payee"))
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.payee != "",
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(recent.c.payee, Posting.account_id, func.count())
        .join(Posting, Posting.transaction_id == recent.c.id)
        .group_by(recent.c.payee, Posting.account_id)
    )
    return [(str(payee), int(account_id), int(n)) for payee, account_id, n in rows]


# Who is paid from where: the purchases and income a payee's usual account is read from (not transfers or openings).
_PAID_TYPES = (TransactionType.expense, TransactionType.income, TransactionType.split_)


def usual_account_of_payee(session: Session, *, household_id: int, payee: str, limit: int) -> int | None:
    """The live money account the household's latest `limit` transactions with this payee (case-insensitive, as
    stored) were most often paid from or into; ties go to the one used last. None without such history.

    The latest rows come from the (household, lower(payee), date, id) index of live transactions (migration
    0010), so the cost is `limit` index entries and their postings however large the ledger is."""
    recent = (
        select(Transaction.id)
        .where(
            Transaction.household_id == household_id,
            func.lower(Transaction.payee) == func.lower(payee.strip()),
            Transaction.deleted_at.is_(None),
            Transaction.type.in_(_PAID_TYPES),
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
        .subquery()
    )
    return session.scalar(
        select(Posting.account_id)
        .join(recent, Posting.transaction_id == recent.c.id)
        .join(Account, Account.id == Posting.account_id)
        .where(
            Posting.deleted.is_(False),
            Account.household_id == household_id,
            Account.kind.in_(BALANCE_KINDS),
            Account.archived.is_(False),
            Account.deleted_at.is_(None),
        )
        .group_by(Posting.account_id)
        .order_by(func.count().desc(), func.max(Posting.date).desc(), func.max(Posting.transaction_id).desc())
        .limit(1)
    )


def matching_transactions(
    session: Session,
    *,
    household_id: int,
    on: dt.date | None,
    since: dt.date,
    amount_minor: int | None,
    words: Mapping[str, Sequence[int]],
    limit: int,
) -> list[Transaction]:
    """Live transactions a person's description could mean, the latest first: on that day (else since `since`),
    of that amount either way round, and, for every word said, with it in the payee or description or filed under
    one of the categories the word names (`words`: word -> category ids)."""
    conditions: list[Any] = [Transaction.household_id == household_id, Transaction.deleted_at.is_(None)]
    conditions.append(Transaction.date == on if on is not None else Transaction.date >= since)
    if amount_minor is not None:
        conditions.append(Transaction.amount_minor.in_([amount_minor, -amount_minor]))
    for word, category_ids in words.items():
        text = or_(  # autoescape: a "%" or "_" in what was said is text, not a LIKE wildcard
            func.lower(Transaction.payee).contains(word, autoescape=True),
            func.lower(Transaction.description).contains(word, autoescape=True),
        )
        if category_ids:
            in_category = select(Posting.transaction_id).where(
                Posting.household_id == household_id,
                Posting.account_id.in_(category_ids),
                Posting.deleted.is_(False),
            )
            text = or_(text, Transaction.id.in_(in_category))
        conditions.append(text)
    stmt = select(Transaction).where(*conditions).order_by(Transaction.date.desc(), Transaction.id.desc())
    return list(session.scalars(stmt.limit(limit)))
