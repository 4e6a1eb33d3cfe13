"""SQL of the assistant's records that is more than a primary-key lookup (conversations, messages, proposals)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlalchemy.orm import Session

from kakeibo.assistant.models import Proposal


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
