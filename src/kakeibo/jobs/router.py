"""Thin HTTP over jobs: poll one for its progress."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import APIRouter, Request

from kakeibo.auth.dependencies import ContextDep
from kakeibo.core.http import SessionDep
from kakeibo.jobs import service
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import ProgressBoard
from kakeibo.jobs.schemas import JobBase, JobOut

JobModel = TypeVar("JobModel", bound=JobBase)


def job_out(job: Job, board: ProgressBoard, model: type[JobModel] = JobOut) -> JobModel:  # type: ignore[assignment]
    """The job as its row says, with the live count of the attempt that is running it (a board entry left by an
    attempt that died is not that); as `model`, a kind's own typed job, when the caller knows the kind."""
    out = JobOut.model_validate(job, from_attributes=True)
    live = board.get(job.id) if job.status == "running" else None
    if live is not None and live.attempt == job.attempts:
        out.progress_done, out.message = live.done, live.message or out.message
        out.progress_total = live.total if live.total is not None else out.progress_total
    if model is JobOut:
        return out  # type: ignore[return-value]
    return model.model_validate(out.model_dump())


def build_router(job_response: Any = JobOut) -> APIRouter:
    """The jobs routes, answering with `job_response`: the union of every kind's typed job, which only the layer
    above the domains knows (`JobResponse` in `kakeibo.api.router`, which assembles the routes)."""
    router = APIRouter(prefix="/jobs", tags=["jobs"])

    @router.get("/{job_id}", response_model=job_response)
    def get_job(job_id: str, request: Request, session: SessionDep, ctx: ContextDep) -> Any:
        """A job's status and progress; `result` holds the outcome once it has succeeded, `error` why it failed."""
        job = service.get_job(session, household_id=ctx.household_id, job_id=job_id)
        return job_out(job, request.app.state.job_runner.board)

    return router
