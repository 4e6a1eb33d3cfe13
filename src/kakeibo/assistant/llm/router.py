"""Thin HTTP over the language model's usage: what the caller's household has used and spent, and the caps."""

from __future__ import annotations

from fastapi import APIRouter

from kakeibo.assistant.llm.schemas import UsageOut
from kakeibo.assistant.llm.service import usage_summary
from kakeibo.auth.dependencies import ContextDep, SettingsDep
from kakeibo.core import clock
from kakeibo.core.http import SessionDep

router = APIRouter(prefix="/assistant", tags=["assistant"])


@router.get("/usage", response_model=UsageOut, summary="Language-model usage and spend of your household")
def usage(session: SessionDep, ctx: ContextDep, settings: SettingsDep) -> UsageOut:
    return usage_summary(session, settings=settings, household_id=ctx.household_id, now=clock.now())
