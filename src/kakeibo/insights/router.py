"""Thin HTTP over the insights: the forecast."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kakeibo.auth.dependencies import ContextDep
from kakeibo.core import clock
from kakeibo.core.http import SessionDep
from kakeibo.insights import service
from kakeibo.insights.schemas import ForecastOut

router = APIRouter(prefix="/insights", tags=["insights"])


@router.get("/forecast", response_model=ForecastOut)
def forecast(
    session: SessionDep,
    ctx: ContextDep,
    months: Annotated[int, Query(ge=1, le=service.MAX_MONTHS, description="Months ahead, after this one")] = 3,
) -> ForecastOut:
    """Income, spending and net for the months ahead with an 80% band, each series' method and its backtest error
    beside the 3-month mean's, the pace of this month, and the lowest balance the expected payments take each
    account to."""
    return service.household_forecast(
        session, household_id=ctx.household_id, currency=ctx.base_currency, today=clock.today(), months=months
    )
