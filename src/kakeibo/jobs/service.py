"""Jobs: create a record, run its task in the background, report progress while it runs.

A job's task is a plain function `task(sessions, job, progress) -> result dict` that opens its own sessions (the job never
sees a half-written request) and reports progress through `Progress`. Progress of a running job lives in memory
(embedded mode) so that a long import holding SQLite's write lock can still report it; the job row gets the
final figures, status, result or error."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import session_scope
from kakeibo.core.errors import KakeiboError
from kakeibo.jobs.errors import JobNotFound
from kakeibo.jobs.models import Job

log = logging.getLogger(__name__)


@dataclass
class Progress:
    """Live progress of one running job; the task updates it, readers copy it."""

    job_id: str
    done: int = 0
    total: int | None = None
    message: str = ""
    stage: str = "queued"
    figures: dict[str, int] = field(default_factory=dict)

    def update(self, *, done: int | None = None, total: int | None = None, message: str | None = None) -> None:
        if done is not None:
            self.done = done
        if total is not None:
            self.total = total
        if message is not None:
            self.message = message


_live: dict[str, Progress] = {}
_live_lock = threading.Lock()


def live_progress(job_id: str) -> Progress | None:
    with _live_lock:
        return _live.get(job_id)


Task = Callable[["sessionmaker[Session]", Job, Progress], dict[str, Any]]
TASKS: dict[str, Task] = {}


def task(kind: str) -> Callable[[Task], Task]:
    """Register the function that runs jobs of this kind."""

    def register(fn: Task) -> Task:
        TASKS[kind] = fn
        return fn

    return register


def create_job(session: Session, *, actor: Actor, kind: str, params: dict[str, Any]) -> Job:
    job = Job(
        id=str(uuid.uuid4()),
        household_id=actor.household_id,
        created_by=actor.user_id,
        kind=kind,
        status="queued",
        progress_done=0,
        message="waiting to start",
        params=params,
        created_at=clock.now(),
    )
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, *, household_id: int, job_id: str) -> Job:
    job = session.scalars(select(Job).where(Job.id == job_id, Job.household_id == household_id)).first()
    if job is None:
        raise JobNotFound(f"no job {job_id} in this household", field="job_id")
    return job


def run_job(factory: sessionmaker[Session], job_id: str) -> None:
    """Run one queued job to its end (in this thread), recording the outcome on its row."""
    with session_scope(factory, write=True) as session:
        job = session.get(Job, job_id)
        if job is None or job.status != "queued":
            return
        job.status, job.started_at, job.message = "running", clock.now(), "started"
        session.expunge(job)
    progress = Progress(job_id=job_id, stage="running")
    with _live_lock:
        _live[job_id] = progress
    outcome: dict[str, Any]
    try:
        result = TASKS[job.kind](factory, job, progress)
        outcome = {"status": "succeeded", "result": result, "error": None, "message": progress.message or "done"}
    except KakeiboError as exc:  # an expected failure: recorded for the user, nothing written by the task
        outcome = {"status": "failed", "result": None, "error": exc.problem(), "message": exc.message[:255]}
    except Exception as exc:  # a bug: recorded on the job and logged with its traceback, never swallowed silently
        log.exception("job %s (%s) failed", job_id, job.kind)
        outcome = {"status": "failed", "result": None, "error": {"detail": repr(exc)[:500]}, "message": "failed"}
    _finish(factory, job_id, progress, outcome)


def _finish(factory: sessionmaker[Session], job_id: str, progress: Progress, outcome: dict[str, Any]) -> None:
    with session_scope(factory, write=True) as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.status = outcome["status"]
        job.result = outcome["result"]
        job.error = outcome["error"]
        job.message = outcome["message"]
        job.progress_done = progress.done
        job.progress_total = progress.total
        job.finished_at = clock.now()
    with _live_lock:
        _live.pop(job_id, None)


class InProcessRunner:
    """Embedded mode: a small thread pool in the server process."""

    def __init__(self, factory: sessionmaker[Session], workers: int = 2) -> None:
        self.factory = factory
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kakeibo-job")

    def enqueue(self, job_id: str) -> None:
        self.pool.submit(run_job, self.factory, job_id)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)


class ImmediateRunner:
    """Runs the job in the caller's thread, before `enqueue` returns (tests, and one-shot tools)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory

    def enqueue(self, job_id: str) -> None:
        run_job(self.factory, job_id)
