"""API shapes of categorization: rules, the review queue, explanations."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kakeibo.core.types import Id, Int4
from kakeibo.jobs.schemas import JobBase, JobError
from kakeibo.ledger.schemas import TransactionOut


class RuleCondition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: Literal["payee", "description", "account", "amount", "direction"]
    op: Literal["contains", "equals", "regex", "starts_with", "between", "less_than", "greater_than"] = "contains"
    value: Any


class RuleActions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Id | str | None = Field(default=None, description='Category id or "Group/Category"')
    payee: str | None = Field(default=None, max_length=255)
    tags: list[str] = Field(default_factory=list, max_length=16)


class RuleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    conditions: list[RuleCondition] = Field(min_length=1, max_length=20)
    actions: RuleActions
    priority: Int4 = 100


class RuleUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=120)
    conditions: list[RuleCondition] | None = Field(default=None, min_length=1, max_length=20)
    actions: RuleActions | None = None
    priority: Int4 | None = None
    status: Literal["active", "proposed", "dismissed"] | None = None


class RuleOut(BaseModel):
    id: int
    name: str
    conditions: list[dict[str, Any]]
    category: str | None
    category_id: int | None
    payee: str | None
    tags: list[str]
    priority: int
    status: str
    hits: int
    created_at: dt.datetime
    problem: str | None = Field(default=None, description="Why the rule cannot run (it is skipped until edited)")


class ApplyRulesOut(BaseModel):
    changed: int
    transaction_ids: list[int]


class Guess(BaseModel):
    category: str
    confidence: float
    source: str


class ReviewItem(BaseModel):
    transaction: TransactionOut
    guesses: list[Guess]


class ReviewIds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    transaction_ids: list[Id] = Field(min_length=1, max_length=500)


class ReviewCorrect(ReviewIds):
    category: Id | str = Field(description='Category id or "Group/Category"')


class ReviewResult(BaseModel):
    changed: int
    proposed_rules: list[RuleOut] = Field(default_factory=list)


class ExplainOut(BaseModel):
    transaction_id: int
    category: str | None
    source: str
    confidence: float | None
    reason: str | None
    locked: bool
    guesses: list[Guess]


class RetrainResult(BaseModel):
    """What a rebuilt category model learned from."""

    examples: int
    categories: int


class RetrainJobOut(JobBase):
    kind: Literal["retrain"]
    result: RetrainResult | None
    error: JobError | None
