"""API shapes of jobs: the fields every job has, and why one failed; each kind's result is typed by its domain."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel

JobStatus = Literal["queued", "running", "succeeded", "failed"]


class FieldProblem(BaseModel):
    field: str
    message: str


class JobError(BaseModel):
    """Why a job failed: the problem+json body (RFC 9457) its error answers over HTTP, or, for a bug, only its
    `detail`. A kind whose errors carry more (an import's problem rows) extends it."""

    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str
    errors: list[FieldProblem] = []


class JobBase(BaseModel):
    """What every job has: each kind's own model (`ImportJobOut`, `RetrainJobOut`...) adds its typed result and
    error (a `JobError`, or one that extends it)."""

    id: str
    kind: str
    status: JobStatus
    progress_done: int
    progress_total: int | None
    message: str
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


class JobOut(JobBase):
    """A job as its row holds it, its result as stored. Inside the server only: the API answers with the kind's own
    model, which `kakeibo.tasks.JobResponse` picks by `kind` (the jobs layer knows no kind)."""

    result: dict[str, Any] | None
    error: dict[str, Any] | None
