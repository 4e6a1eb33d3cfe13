"""Thin HTTP over the anomalies: the list of a period, and a dismissal."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.core import clock
from kakeibo.core.http import SessionDep
from kakeibo.core.types import Day
from kakeibo.insights import anomaly_service as anomalies
from kakeibo.insights.schemas import AnomalyOut

router = APIRouter(prefix="/insights", tags=["insights"])

AnomalyPath = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="An anomaly's id, as the list shows it")]


@router.get("/anomalies", response_model=list[AnomalyOut])
def list_anomalies(
    session: SessionDep,
    ctx: ContextDep,
    start: Annotated[Day | None, Query(description="First day (default: this month's first)")] = None,
    end: Annotated[Day | None, Query(description="Last day (default: today)")] = None,
) -> list[AnomalyOut]:
    """What is unusual in the period (at most 366 days), highest score first, each with its reasons: a charge far
    above what its payee or category usually costs, a large first charge from a new payee, a likely double
    charge, a recurring payment whose price changed, a missed recurring income, a category's unusually high month."""
    return anomalies.anomalies(
        session, household_id=ctx.household_id, currency=ctx.base_currency, today=clock.today(), start=start, end=end
    )


@router.post("/anomalies/{anomaly_id}/dismiss", response_model=AnomalyOut)
def dismiss(anomaly_id: AnomalyPath, session: SessionDep, ctx: WriteContextDep) -> AnomalyOut:
    """ "That's fine": not flagged again, and its payee's threshold rises above its amount (undoable)."""
    return anomalies.dismiss(session, actor=ctx, currency=ctx.base_currency, today=clock.today(), anomaly_id=anomaly_id)
