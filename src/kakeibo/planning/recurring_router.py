"""Thin HTTP over recurring series: the list, the payments expected soon, dismiss and confirm/rename."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.core import clock
from kakeibo.core.http import SessionDep
from kakeibo.planning import recurring_service as recurring
from kakeibo.planning.schemas import (
    AlertOut,
    CalendarOut,
    RecurringOut,
    RecurringUpdateIn,
    SubscriptionsOut,
    UpcomingOut,
)

router = APIRouter(prefix="/recurring", tags=["recurring"])

# One series lives under /series/: a PATCH of /recurring/{id} would also match /recurring/upcoming.
SeriesPath = Annotated[str, Path(pattern=r"^[0-9a-f]{10}$", description="A series' id, as the list shows it")]


@router.get("", response_model=list[RecurringOut])
def list_series(
    session: SessionDep,
    ctx: ContextDep,
    all: Annotated[bool, Query(description="Include ended and dismissed series")] = False,
) -> list[RecurringOut]:
    """Every recurring series detected in the household's books, by next expected date."""
    found = recurring.list_series(session, household_id=ctx.household_id, today=clock.today(), include_hidden=all)
    return [recurring.series_out(one) for one in found]


@router.get("/upcoming", response_model=list[UpcomingOut])
def upcoming(session: SessionDep, ctx: ContextDep, days: Annotated[int, Query(ge=1, le=366)] = 30) -> list[UpcomingOut]:
    """The payments (and income) expected from today through the next `days` days, by date."""
    due = recurring.upcoming_payments(session, household_id=ctx.household_id, today=clock.today(), days=days)
    return [recurring.upcoming_out(day, one) for day, one in due]


@router.get("/subscriptions", response_model=SubscriptionsOut)
def subscriptions(session: SessionDep, ctx: ContextDep) -> SubscriptionsOut:
    """The household's subscriptions (its live expense series) and what they cost a month and a year."""
    return recurring.subscriptions_out(
        session, household_id=ctx.household_id, today=clock.today(), base_currency=ctx.base_currency
    )


@router.get("/calendar", response_model=CalendarOut)
def calendar(session: SessionDep, ctx: ContextDep, days: Annotated[int, Query(ge=1, le=366)] = 30) -> CalendarOut:
    """The bills calendar: what is expected in the next `days` days, and each account's lowest projected balance
    before its next income ("will checking go below zero before payday?")."""
    return recurring.calendar(session, household_id=ctx.household_id, today=clock.today(), days=days)


@router.get("/alerts", response_model=list[AlertOut])
def alerts(session: SessionDep, ctx: ContextDep) -> list[AlertOut]:
    """Price increases and new subscriptions of the last 60 days, and payments that are late; newest first."""
    return recurring.alerts_out(session, household_id=ctx.household_id, today=clock.today())


@router.post("/series/{series_id}/dismiss", response_model=RecurringOut)
def dismiss(series_id: SeriesPath, session: SessionDep, ctx: WriteContextDep) -> RecurringOut:
    """Dismiss a series: kept as a tombstone, never shown as detected again (the list's `all` still shows it)."""
    return recurring.series_out(recurring.dismiss(session, actor=ctx, today=clock.today(), series_id=series_id))


@router.patch("/series/{series_id}", response_model=RecurringOut)
def update(series_id: SeriesPath, data: RecurringUpdateIn, session: SessionDep, ctx: WriteContextDep) -> RecurringOut:
    """Confirm, rename, end or bring back a dismissed series; what a person says beats detection (undoable)."""
    one = recurring.update(
        session,
        actor=ctx,
        today=clock.today(),
        series_id=series_id,
        name=data.name,
        confirmed=data.confirmed,
        dismissed=data.dismissed,
        ended=data.ended,
    )
    return recurring.series_out(one)
