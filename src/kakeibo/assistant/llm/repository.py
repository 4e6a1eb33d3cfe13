"""All SQL of the LLM usage record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.assistant.llm.models import PROVIDER_OUTCOMES, LLMUsage
from kakeibo.auth.models import Household
from kakeibo.core.db import is_writing, session_scope


@dataclass(frozen=True, slots=True)
class Totals:
    requests: int  # calls that reached the provider
    cost_micro: int


def add(session: Session, usage: LLMUsage) -> None:
    """Record a call. A caller that only reads (the assistant asks the model outside any write, so SQLite's write
    lock is not held while it waits) records in a short transaction of its own: the money was spent either way,
    and its read never has to become a write. A caller already writing records in its own transaction (a second
    writer would wait on it)."""
    if is_writing(session):
        session.add(usage)
        session.flush()
        return
    own = sessionmaker(bind=session.get_bind(), expire_on_commit=False, join_transaction_mode="create_savepoint")
    with session_scope(own, write=True) as recording:
        recording.add(usage)


def _totals(session: Session, *conditions: object) -> Totals:
    reached = case((LLMUsage.outcome.in_([o.value for o in PROVIDER_OUTCOMES]), 1), else_=0)
    requests, cost = session.execute(
        select(func.coalesce(func.sum(reached), 0), func.coalesce(func.sum(LLMUsage.cost_micro), 0)).where(
            *conditions  # type: ignore[arg-type]
        )
    ).one()
    return Totals(requests=int(requests), cost_micro=int(cost))


def household_totals(session: Session, *, household_id: int, since: dt.datetime) -> Totals:
    return _totals(session, LLMUsage.household_id == household_id, LLMUsage.created_at >= since)


def user_totals(session: Session, *, user_id: int, since: dt.datetime) -> Totals:
    return _totals(session, LLMUsage.user_id == user_id, LLMUsage.created_at >= since)


def global_totals(session: Session, *, since: dt.datetime) -> Totals:
    return _totals(session, LLMUsage.created_at >= since)


def ledger_version(session: Session, *, household_id: int) -> int:
    """Bumped by every ledger write: a cached answer made at an older version is stale."""
    return int(session.scalar(select(Household.ledger_version).where(Household.id == household_id)) or 0)
