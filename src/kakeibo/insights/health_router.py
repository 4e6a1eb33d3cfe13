"""Thin HTTP over the health score: a month's score with its pillars, the monthly scorecard and the history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kakeibo.auth.dependencies import ContextDep
from kakeibo.core import clock
from kakeibo.core.http import SessionDep
from kakeibo.insights import health_service
from kakeibo.insights import text as insight_text
from kakeibo.insights.schemas import HealthHistoryOut, HealthOut, InsightOut, ScorecardOut
from kakeibo.planning.service import parse_month

router = APIRouter(prefix="/insights", tags=["insights"])

MonthQuery = Annotated[str | None, Query(description='A month such as "2026-11" (default: this one, as of today)')]


@router.get("/health", response_model=HealthOut)
def health(session: SessionDep, ctx: ContextDep, month: MonthQuery = None) -> HealthOut:
    """The health score 0-100 and its grade from six pillars, each with its value, its own score, a target and a
    sentence; a pillar without enough data has no score and is left out of the total."""
    return health_service.household_health(
        session, actor=ctx, today=clock.today(), month=parse_month(month) if month else None
    )


@router.get("/scorecard", response_model=ScorecardOut)
def scorecard(session: SessionDep, ctx: ContextDep, month: MonthQuery = None) -> ScorecardOut:
    """The month's score and pillars against last month's, the three changes that moved it most, and the logging
    streak."""
    return health_service.scorecard(
        session, actor=ctx, today=clock.today(), month=parse_month(month) if month else None
    )


@router.get("/health/history", response_model=HealthHistoryOut)
def health_history(session: SessionDep, ctx: ContextDep) -> HealthHistoryOut:
    """The score of each past month (up to 12, oldest first), for a chart."""
    return health_service.history(session, actor=ctx, today=clock.today())


@router.get("/text", response_model=list[InsightOut])
def insights_in_words(session: SessionDep, ctx: ContextDep, month: MonthQuery = None) -> list[InsightOut]:
    """The month's insights in a sentence each (this month so far by default), with the query behind each."""
    chosen = parse_month(month) if month else None
    return insight_text.month_insights(session, actor=ctx, today=clock.today(), month=chosen)
