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
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import session_scope
from kakeibo.core.errors import KakeiboError
from kakeibo.core.settings import Settings
from kakeibo.jobs.errors import JobNotFound
from kakeibo.jobs.models import Job

log = logging.getLogger(__name__)


class ProgressBoard(Protocol):
    """Where a running job's progress lives, so that any API process can read it while the job writes."""

    def put(self, progress: Progress) -> None: ...
    def get(self, job_id: str) -> Progress | None: ...
    def drop(self, job_id: str) -> None: ...


@dataclass
class Progress:
    """Live progress of one running job; the task updates it, the board publishes it."""

    job_id: str
    done: int = 0
    total: int | None = None
    message: str = ""
    board: ProgressBoard | None = field(default=None, repr=False, compare=False)

    def update(self, *, done: int | None = None, total: int | None = None, message: str | None = None) -> None:
        if done is not None:
            self.done = done
        if total is not None:
            self.total = total
        if message is not None:
            self.message = message
        if self.board is not None:
            self.board.put(self)


class MemoryBoard:
    """Embedded mode: jobs run in the server's own threads, so its memory is the board."""

    def __init__(self) -> None:
        self._live: dict[str, Progress] = {}
        self._lock = threading.Lock()

    def put(self, progress: Progress) -> None:
        with self._lock:
            self._live[progress.job_id] = progress

    def get(self, job_id: str) -> Progress | None:
        with self._lock:
            return self._live.get(job_id)

    def drop(self, job_id: str) -> None:
        with self._lock:
            self._live.pop(job_id, None)


class RedisBoard:
    """Scale mode: workers write progress to Redis, every API replica reads it."""

    def __init__(self, url: str, prefix: str = "kakeibo:job:") -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, decode_responses=True)
        self.prefix = prefix

    def put(self, progress: Progress) -> None:
        key = self.prefix + progress.job_id
        fields = {
            "done": progress.done,
            "message": progress.message,
            "total": -1 if progress.total is None else progress.total,
        }
        with self.client.pipeline(transaction=False) as pipe:
            pipe.hset(key, mapping=fields)
            pipe.expire(key, 86_400)
            pipe.execute()

    def get(self, job_id: str) -> Progress | None:
        found: dict[str, str] = self.client.hgetall(self.prefix + job_id)  # type: ignore[assignment]
        if not found:
            return None
        total = int(found.get("total", -1))
        return Progress(job_id, int(found.get("done", 0)), None if total < 0 else total, found.get("message", ""))

    def drop(self, job_id: str) -> None:
        self.client.delete(self.prefix + job_id)


MEMORY_BOARD = MemoryBoard()


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


def run_job(factory: sessionmaker[Session], job_id: str, board: ProgressBoard = MEMORY_BOARD) -> None:
    """Run one queued job to its end (in this thread), recording the outcome on its row."""
    with session_scope(factory, write=True) as session:
        job = session.get(Job, job_id)
        if job is None or job.status != "queued":
            return
        job.status, job.started_at, job.message = "running", clock.now(), "started"
        session.expunge(job)
    progress = Progress(job_id=job_id, message="started", board=board)
    board.put(progress)
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
    board.drop(job_id)


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


class Runner(Protocol):
    board: ProgressBoard

    def enqueue(self, job_id: str, kind: str) -> None: ...


class InProcessRunner:
    """Embedded mode: a small thread pool in the server process."""

    def __init__(self, factory: sessionmaker[Session], workers: int = 2) -> None:
        self.factory = factory
        self.board: ProgressBoard = MEMORY_BOARD
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kakeibo-job")

    def enqueue(self, job_id: str, kind: str) -> None:
        self.pool.submit(run_job, self.factory, job_id, self.board)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)


class ImmediateRunner:
    """Runs the job in the caller's thread, before `enqueue` returns (tests, and one-shot tools)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self.board: ProgressBoard = MEMORY_BOARD

    def enqueue(self, job_id: str, kind: str) -> None:
        run_job(self.factory, job_id, self.board)


class CeleryRunner:
    """Scale mode: the job goes to a Celery queue over Redis; `kakeibo worker` runs it."""

    def __init__(self, settings: Settings) -> None:
        from kakeibo.jobs.worker import celery_app

        assert settings.redis_url is not None
        self.app = celery_app(settings)
        self.board: ProgressBoard = RedisBoard(settings.redis_url)

    def enqueue(self, job_id: str, kind: str) -> None:
        self.app.send_task(RUN_JOB_TASK, args=[job_id], queue=QUEUES.get(kind, "default"))


RUN_JOB_TASK = "kakeibo.jobs.run"
QUEUES = {"import": "import", "retrain": "default"}


def runner_for(settings: Settings, factory: sessionmaker[Session]) -> Runner:
    """Celery workers when Redis is configured (scale mode), the server's own threads otherwise."""
    if settings.redis_url:
        return CeleryRunner(settings)
    return InProcessRunner(factory)
