"""The assistant's HTTP shapes: conversations, messages (with their answer, evidence and proposal) and proposals."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from kakeibo.core.types import Day
from kakeibo.jobs.schemas import JobBase, JobError
from kakeibo.ledger.schemas import QuerySpecOut
from kakeibo.planning.schemas import BudgetCategoryOut, GoalOut, RecurringOut, UpcomingOut


class ConversationCreate(BaseModel):
    title: str = Field(default="", max_length=120)


class ConversationOut(BaseModel):
    id: int
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime


class DiffLine(BaseModel):
    field: str
    before: Any | None
    after: Any | None


class ProposalOut(BaseModel):
    id: str
    action: Literal["create", "update", "delete", "undo", "budget"]
    summary: str
    diff: list[DiffLine]
    status: Literal["pending", "confirmed", "cancelled", "expired"]
    expires_at: dt.datetime
    transaction_id: int | None
    event_group: str | None


class TransactionRow(BaseModel):
    id: int
    date: dt.date
    payee: str | None = None
    amount: str
    currency: str | None = None
    category: str | None = None
    account: str | None = None
    type: str | None = None


class BreakdownRow(BaseModel):
    key: str = Field(description="The category path, month (YYYY-MM), merchant, account, or a comparison's side")
    amount: str
    count: int


class Evidence(BaseModel):
    count: int = Field(description="How many transactions make up the figure")
    transactions: list[TransactionRow] = Field(default_factory=list, description="The latest of them")
    accounts: list[str] | None = None
    breakdown: list[BreakdownRow] | None = Field(
        default=None, description="Rankings and breakdowns: the rows, largest first; a ranking's top N"
    )
    comparison: list[BreakdownRow] | None = Field(
        default=None, description="Comparisons: each side (a period, or income and spending), the first-named first"
    )
    difference: str | None = Field(default=None, description="Comparisons: the first side less the second")
    baseline_months: int | None = Field(default=None, description="Budgets and forecasts: months averaged")
    usual_monthly: str | None = Field(default=None, description="Budgets and forecasts: the usual monthly amount")
    budget_month: str | None = Field(default=None, description="Budgets: the month (YYYY-MM) of the lines shown")
    budgets: list[BudgetCategoryOut] | None = Field(default=None, description="Budgets: the lines the answer reads")
    series: list[RecurringOut] | None = Field(default=None, description="Recurring payments: the series listed")
    upcoming: list[UpcomingOut] | None = Field(default=None, description="Due dates: the payments expected")
    goals: list[GoalOut] | None = Field(default=None, description="Savings goals: the goals the answer reads")
    monthly_total: str | None = Field(default=None, description="Recurring payments: what they cost a month")
    yearly_total: str | None = Field(default=None, description="Recurring payments: what they cost a year")
    forecast: list[BreakdownRow] | None = Field(
        default=None, description="Forecasts of months ahead: each month (YYYY-MM) and the spending expected"
    )


class MessageOut(BaseModel):
    id: int
    role: Literal["user", "assistant"]
    text: str
    created_at: dt.datetime
    kind: str | None = None
    intent: dict[str, Any] | None = None
    value: str | None = Field(
        default=None, description="The answer's figure: a decimal string (a percentage for rates)"
    )
    currency: str | None = None
    query: QuerySpecOut | None = Field(default=None, description="The QuerySpec the figure was computed from")
    evidence: Evidence | None = None
    proposal: ProposalOut | None = None
    candidates: list[TransactionRow] = Field(default_factory=list)


class ConversationDetail(ConversationOut):
    messages: list[MessageOut]


class MessageIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000)
    today: Day | None = Field(default=None, description="Resolve relative dates against this day (default: today)")


class SpeechOut(BaseModel):
    transcript: str
    conversation_id: int
    message: MessageOut


class CategorizeResult(BaseModel):
    """What the language model filed of the rows an import left uncategorized."""

    filed: int
    asked: int
    reason: str | None = Field(default=None, description="Why nothing was asked, when nothing was")


class CategorizeJobOut(JobBase):
    kind: Literal["categorize"]
    result: CategorizeResult | None
    error: JobError | None
