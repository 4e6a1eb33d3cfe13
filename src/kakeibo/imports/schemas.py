"""API shapes of imports."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from kakeibo.jobs.schemas import JobOut


class BalanceCheck(BaseModel):
    """A balance the statement asserts (OFX LEDGERBAL, camt.053 CLBD) beside the ledger's balance of the account at
    the end of that date, once the import is in; compared in minor units, shown as decimal strings."""

    account_id: int
    account: str
    date: dt.date
    currency: str
    statement: str
    ledger: str
    difference: str = Field(description="ledger minus statement")
    ok: bool


class OpeningDateAfterRows(BaseModel):
    """The account opens after rows this statement holds: every balance before the opening date lacks the opening
    balance. Moving the opening date to `suggested_date` (`POST /accounts/{id}/opening-date`) puts it first."""

    account_id: int
    account: str
    opening_date: dt.date
    earliest_row: dt.date
    suggested_date: dt.date


WarningCode = Literal["balance_mismatch", "balance_not_checked", "opening_date_after_rows"]


class StatementWarning(BaseModel):
    """Something the import noticed that does not stop it (as a Beancount balance assertion reports, and goes on)."""

    code: WarningCode
    message: str
    account_id: int | None = None
    date: dt.date | None = None


class ImportChecks(BaseModel):
    """What an import checked once its rows were in: kept with the batch, returned in the job's result."""

    balance_checks: list[BalanceCheck] = []
    opening_date_after_rows: list[OpeningDateAfterRows] = []
    warnings: list[StatementWarning] = []


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
    checks: ImportChecks = ImportChecks()


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
