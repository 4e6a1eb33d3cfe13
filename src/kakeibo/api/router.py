"""Assembly of every domain's router under /api/v1."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from kakeibo.assistant.llm.router import router as llm_router
from kakeibo.assistant.router import router as assistant_router
from kakeibo.assistant.schemas import CategorizeJobOut
from kakeibo.auth.router import router as auth_router
from kakeibo.categorize.router import categorize_router, explain_router, review_router, rules_router
from kakeibo.categorize.schemas import RetrainJobOut
from kakeibo.imports.router import router as imports_router
from kakeibo.imports.schemas import ImportJobOut
from kakeibo.insights.anomaly_router import router as anomalies_router
from kakeibo.insights.health_router import router as health_router
from kakeibo.insights.router import router as insights_router
from kakeibo.jobs.router import build_router as jobs_router
from kakeibo.ledger.router import router as ledger_router
from kakeibo.planning.recurring_router import router as recurring_router
from kakeibo.planning.router import goals_router
from kakeibo.planning.router import router as budgets_router

# Every job kind `kakeibo.tasks` registers, with its own typed result, told apart by `kind` (a test holds the two
# lists equal: a kind registered without a model here would answer 500 when polled).
JobResponse = Annotated[ImportJobOut | CategorizeJobOut | RetrainJobOut, Field(discriminator="kind")]

api_router = APIRouter()
api_router.include_router(auth_router)
api_router.include_router(ledger_router)
api_router.include_router(explain_router)
api_router.include_router(imports_router)
api_router.include_router(jobs_router(JobResponse))
api_router.include_router(review_router)
api_router.include_router(rules_router)
api_router.include_router(categorize_router)
api_router.include_router(assistant_router)
api_router.include_router(llm_router)
api_router.include_router(budgets_router)
api_router.include_router(goals_router)
api_router.include_router(recurring_router)
api_router.include_router(insights_router)
api_router.include_router(health_router)
api_router.include_router(anomalies_router)
