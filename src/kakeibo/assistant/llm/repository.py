"""All SQL of the LLM usage record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kakeibo.assistant.llm.models import PROVIDER_OUTCOMES, LLMUsage
from kakeibo.auth.models import Household


@dataclass(frozen=True, slots=True)
class Totals:
    requests: int  # calls that reached the provider
    cost_micro: int


def add(session: Session, usage: LLMUsage) -> None:
    session.add(usage)
    session.flush()


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
