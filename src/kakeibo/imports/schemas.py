"""API shapes of imports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from kakeibo.jobs.schemas import JobOut


class ImportOut(BaseModel):
    id: int
    account_id: int | None
    filename: str
    format: str
    profile: str | None
    figures: dict[str, Any]
    issues: list[dict[str, Any]]
    group_id: str
    created_at: dt.datetime


class ImportStarted(BaseModel):
    job: JobOut


class SkippedRuleOut(BaseModel):
    """An active rule that could not run on this file (its pattern is no longer accepted): edit it."""

    rule_id: int
    name: str
    reason: str


class PreviewOut(BaseModel):
    format: str
    profile: str | None
    mapping: dict[str, Any] | None
    confidence: float
    currency: str | None
    account: str | None
    rows: list[dict[str, Any]]
    issues: list[dict[str, Any]]
    rules_skipped: list[SkippedRuleOut] = []
