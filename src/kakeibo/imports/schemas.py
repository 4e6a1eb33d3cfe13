"""API shapes of imports."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kakeibo.imports.formats.mapping import CsvMapping
from kakeibo.jobs.schemas import JobBase, JobError


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


class RowIssue(BaseModel):
    """A problem with one line of the file (problems are data: every bad line is listed at once)."""

    line: int
    message: str = Field(description='Worded for a person, the line first: "line 14: no date in Buchung"')
    field: str | None = Field(default=None, description="The column (or format field) the problem is in")


class ImportFigures(BaseModel):
    """What an import did, counted: kept with the batch and returned in the job's result."""

    rows_read: int = 0
    imported: int = 0
    duplicates: int = 0
    flagged: int = Field(default=0, description="imported, but looking like a transaction entered by hand")
    transfers: int = 0
    skipped: int = 0
    by_source: dict[str, int] = Field(default={}, description="imported rows by who chose their category")
    categories_created: list[str] = []


class ImportOut(BaseModel):
    id: int
    account_id: int | None
    filename: str
    format: str
    profile: str | None
    figures: ImportFigures
    issues: list[RowIssue]
    group_id: str
    created_at: dt.datetime
    checks: ImportChecks = ImportChecks()


class SkippedRuleOut(BaseModel):
    """An active rule that could not run on this file (its pattern is no longer accepted): edit it."""

    rule_id: int
    name: str
    reason: str


RowOutcomeKind = Literal["imported", "duplicate", "transfer", "flagged"]


class RowOutcomeOut(BaseModel):
    """What became of one row of the file."""

    line: int
    date: str
    amount: str
    payee: str
    account: str
    outcome: RowOutcomeKind
    category: str | None = None
    source: str = "none"
    confidence: float | None = None
    reason: str = ""
    transaction_id: int | None = None


class ImportResult(ImportFigures, ImportChecks):
    """An import job's result (`ImportReport.as_dict`): its figures, problems, checks and the first rows' outcomes."""

    model_config = ConfigDict(extra="forbid")  # the report and this shape stay one: a new key fails a test

    import_id: int | None
    format: str
    profile: str | None
    group_id: str
    dry_run: bool = False
    issues: list[RowIssue] = Field(default_factory=list)
    rules_skipped: list[SkippedRuleOut] = []
    rows: list[RowOutcomeOut] = []


class ImportJobError(JobError):
    """An import that failed; rows with problems the user has not accepted are listed (the first 200)."""

    issues: list[RowIssue] = Field(default_factory=list)
    issue_count: int | None = None


class ImportJobOut(JobBase):
    kind: Literal["import"]
    result: ImportResult | None
    error: ImportJobError | None


class ImportStarted(BaseModel):
    job: ImportJobOut


class PreviewRow(BaseModel):
    """One row as it would be imported, with the category it would get."""

    line: int
    date: dt.date
    amount: str
    currency: str | None
    payee: str = Field(description="The payee as cleaned up for the ledger")
    raw_payee: str = Field(description="The payee as the file wrote it")
    description: str
    account: str | None
    category: str | None
    source: str = Field(description="Who would choose the category: rule, model, merchant, import_file, none...")
    confidence: float | None
    reason: str


class PreviewOut(BaseModel):
    format: str
    profile: str | None
    mapping: CsvMapping | None = Field(description="How a CSV was read; edit it and send it back to preview again")
    columns: list[str] = Field(
        default=[],
        description="A CSV's header as the server read it (after preamble lines, decoded), the names a mapping uses",
    )
    confidence: float
    currency: str | None
    account: str | None
    rows: list[PreviewRow]
    issues: list[RowIssue]
    rules_skipped: list[SkippedRuleOut] = []
