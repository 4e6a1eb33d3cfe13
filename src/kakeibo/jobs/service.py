"""Jobs: create a record, claim it, run its task, record the outcome; find and recover jobs a crash interrupted.

A job's task is a plain function `task(sessions, job, progress) -> result dict` that opens its own sessions (the job
never sees a half-written request) and reports progress through `Progress` (live progress lives on a board, see
`progress.py`). Every state change is committed as it happens: a runner claims a queued job (`running`, with a new
attempt number) before the task starts, and records its end under that attempt only.

A job interrupted by a crash is found by `recover`: at the start of the one process that runs an embedded database's
jobs (every unfinished job is then an orphan), or, where several processes run jobs (PostgreSQL), once its lease has
run out: the runner renews `heartbeat_at` while the task runs. A re-runnable job (an import: one transaction, and
fingerprints skip rows already in) goes back to the queue while its upload is there; any other is failed with the
reason. A job's upload is deleted when the job ends, and uploads no unfinished job refers to are swept away."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import after_commit, session_scope
from kakeibo.core.errors import KakeiboError, ServiceBusy
from kakeibo.jobs import repository as repo
from kakeibo.jobs.errors import JobInterrupted, JobNotFound, UploadGone
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import MEMORY_BOARD, Progress, ProgressBoard, StopRequested

log = logging.getLogger(__name__)

# A job interrupted this many times is not tried again: something in it brings its process down.
MAX_ATTEMPTS = 3
# The parameter naming a job's uploaded file, which waits in the uploads folder until the job ends.
UPLOAD = "path"
# An upload no unfinished job refers to is being saved right now, or was left by a request that failed; after this
# long it is the latter. (At the start of an embedded server no request is in flight, and none is waited for.)
UPLOAD_GRACE = dt.timedelta(hours=1)


class Runner(Protocol):
    board: ProgressBoard
    factory: sessionmaker[Session]  # sessions on the database its jobs live in

    def start(self) -> None:
        """Recover what a crash left, then run jobs (the app's start-up)."""

    def enqueue(self, job_id: str, kind: str) -> None:
        """Hand a committed job over; ServiceBusy when it cannot be taken now (the broker is down)."""

    def shutdown(self) -> None:
        """Stop (the app's shutdown); what did not run stays queued for the next start."""


Task = Callable[["sessionmaker[Session]", Job, Progress], dict[str, Any]]


@dataclass(frozen=True)
class Registered:
    run: Task
    # Safe to run again after an interruption mid-way (the task is one transaction, or idempotent).
    rerun: bool
    # The Celery queue its jobs go to in scale mode: import, ai (language-model work) or default.
    queue: str = "default"


# Filled by `kakeibo.tasks.register_all`, the one registry of every domain's job kinds (called by the app and by
# the worker); jobs itself knows no domain.
TASKS: dict[str, Registered] = {}


def register(kind: str, run: Task, *, rerun: bool = False, queue: str = "default") -> None:
    """Say which function runs jobs of this kind, whether it may run again after a crash, and on which queue."""
    TASKS[kind] = Registered(run, rerun, queue)


def queue_of(kind: str) -> str:
    registered = TASKS.get(kind)
    return registered.queue if registered is not None else "default"


def follow_up(session: Session, *, progress: Progress, actor: Actor, kind: str, params: dict[str, Any]) -> Job:
    """A job a running task starts (an import's rows for the language model to file): its row is written in the
    task's transaction, and it is handed to the runner once that commits."""
    job = create_job(session, actor=actor, kind=kind, params=params)
    if progress.enqueue is not None:
        enqueue = progress.enqueue
        after_commit(session, lambda: enqueue(job.id, job.kind))
    return job


def upload_folder(data_dir: Path) -> Path:
    """Where uploaded files wait for their job (shared by the servers and workers of scale mode)."""
    return Path(data_dir) / "uploads"


def upload_of(params: dict[str, Any] | None) -> Path | None:
    value = (params or {}).get(UPLOAD)
    return Path(value) if value else None


def remove_upload(params: dict[str, Any] | None) -> None:
    path = upload_of(params)
    if path is not None:
        path.unlink(missing_ok=True)


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
        attempts=0,
        created_at=clock.now(),
    )
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, *, household_id: int, job_id: str) -> Job:
    job = repo.get(session, household_id=household_id, job_id=job_id)
    if job is None:
        raise JobNotFound(f"no job {job_id} in this household", field="job_id")
    return job


def fail_unqueued(session: Session, *, job: Job, reason: KakeiboError) -> bool:
    """Fail a job its runner could not take (the broker is down) rather than leave it queued with nobody to run
    it; once that is committed, its upload can go (`remove_upload`)."""
    return repo.end_queued(
        session, job_id=job.id, now=clock.now(), error=reason.problem(), message=reason.message[:255]
    )


def enqueue_after_commit(session: Session, *, runner: Runner, job: Job) -> None:
    """Hand the job to its runner once the caller's transaction has committed (it must see the job row, and a job
    must never start for a write that did not land). If the runner cannot take it (the broker is down), the job
    is failed in a transaction of its own, its upload goes, and the caller hears ServiceBusy (503)."""

    def hand_over() -> None:
        try:
            runner.enqueue(job.id, job.kind)
        except ServiceBusy as exc:  # a job nobody will run is failed now, not left queued for ever
            with session_scope(runner.factory, write=True) as own:
                failed = fail_unqueued(own, job=job, reason=exc)
            if failed:
                remove_upload(job.params)
            raise

    after_commit(session, hand_over)


# ---- running ----------------------------------------------------------------------------------------------------
def run_job(
    factory: sessionmaker[Session],
    job_id: str,
    board: ProgressBoard = MEMORY_BOARD,
    *,
    lease_seconds: float | None = None,
    stop: threading.Event | None = None,
    enqueue: Callable[[str, str], None] | None = None,
) -> None:
    """Run one queued job to its end in this thread, unless another runner has claimed it.

    `lease_seconds`: renew the job's lease while it runs (where other processes may recover it); `stop`: the
    runner's signal that its process is stopping (the task then rolls back and the job goes back to the queue);
    `enqueue`: how the task hands over jobs it starts (`follow_up`)."""
    with session_scope(factory, write=True) as session:
        attempt = repo.claim(session, job_id=job_id, now=clock.now())
        job = repo.get_any(session, job_id=job_id) if attempt is not None else None
    if job is None or attempt is None:
        return  # a second delivery of the same job, or one that has ended: nothing to do
    progress = Progress(
        job_id,
        message="started",
        attempt=attempt,
        board=board,
        on_total=lambda p: _record_total(factory, p),
        stop=stop,
        enqueue=enqueue,
    )
    board.put(progress)
    outcome: dict[str, Any]
    try:
        with _lease(factory, progress, lease_seconds):
            result = TASKS[job.kind].run(factory, job, progress)
        outcome = {"status": "succeeded", "result": result, "error": None, "message": progress.message or "done"}
    except StopRequested:
        # The task rolled back; it runs again when a runner next starts (the upload stays for it).
        message = "interrupted: the server stopped while it ran; it runs again at the next start"
        _record(factory, progress, status="queued", progress_done=0, heartbeat_at=None, message=message)
        board.drop(job_id)
        return
    except KakeiboError as exc:  # an expected failure: recorded for the user, nothing written by the task
        outcome = {"status": "failed", "result": None, "error": exc.problem(), "message": exc.message[:255]}
    except Exception as exc:  # a bug: recorded on the job and logged with its traceback, never swallowed silently
        log.exception("job %s (%s) failed", job_id, job.kind)
        outcome = {"status": "failed", "result": None, "error": {"detail": repr(exc)[:500]}, "message": "failed"}
    recorded = _record(
        factory,
        progress,
        status=outcome["status"],
        result=outcome["result"],
        error=outcome["error"],
        message=outcome["message"],
        progress_done=progress.done,
        progress_total=progress.total,
        finished_at=clock.now(),
    )
    if recorded:
        remove_upload(job.params)
        board.drop(job_id)


def _record(factory: sessionmaker[Session], progress: Progress, **values: Any) -> bool:
    with session_scope(factory, write=True) as session:
        recorded = repo.update_attempt(session, job_id=progress.job_id, attempt=progress.attempt, **values)
    if not recorded:
        # Its lease ran out and the job was recovered while this attempt still ran; the other attempt records it.
        log.warning(
            "job %s: attempt %d no longer owns it; its outcome is not recorded", progress.job_id, progress.attempt
        )
    return recorded


def _record_total(factory: sessionmaker[Session], progress: Progress) -> None:
    with session_scope(factory, write=True) as session:
        repo.update_attempt(
            session,
            job_id=progress.job_id,
            attempt=progress.attempt,
            progress_total=progress.total,
            message=progress.message[:255],
        )


@contextmanager
def _lease(factory: sessionmaker[Session], progress: Progress, lease_seconds: float | None) -> Iterator[None]:
    """Renew the job's lease (and its progress on the row) three times a lease while the task runs.

    Only where the database takes a second writer while the task writes (PostgreSQL): on SQLite the task is the
    writer, and the process that runs jobs proves it is alive by its lock on the database instead."""
    if lease_seconds is None:
        yield
        return
    ended = threading.Event()

    def beat() -> None:
        while not ended.wait(lease_seconds / 3):
            try:
                with session_scope(factory, write=True) as session:
                    owned = repo.update_attempt(
                        session,
                        job_id=progress.job_id,
                        attempt=progress.attempt,
                        heartbeat_at=clock.now(),
                        progress_done=progress.done,
                        message=progress.message[:255],
                    )
            except Exception:  # a missed beat (the database away for a moment): logged; the next one may land
                log.warning(
                    "job %s: attempt %d missed a lease renewal", progress.job_id, progress.attempt, exc_info=True
                )
                continue
            if not owned:
                return

    thread = threading.Thread(target=beat, name=f"kakeibo-lease-{progress.job_id[:8]}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        ended.set()


# ---- recovery ---------------------------------------------------------------------------------------------------
@dataclass
class Recovered:
    requeued: dict[str, str] = field(default_factory=dict)  # job id -> kind
    failed: list[str] = field(default_factory=list)


def recover(
    factory: sessionmaker[Session],
    *,
    board: ProgressBoard,
    uploads: Path,
    stale_before: dt.datetime | None,
    now: dt.datetime | None = None,
) -> Recovered:
    """Put interrupted jobs back in the queue, or fail them with the reason; delete uploads no job will read.

    `stale_before=None`: this process alone runs the database's jobs and has not started any, so every running job
    is an orphan and any upload no queued job refers to can go. Otherwise only running jobs whose lease ran out
    before `stale_before` are interrupted, and unreferenced uploads are left alone for `UPLOAD_GRACE`."""
    now = now or clock.now()
    recovered = Recovered()
    ended: list[Job] = []
    # Read first: a sweep that finds nothing (the usual case) takes no write lock.
    with session_scope(factory, write=False) as session:
        interrupted = [job for job in repo.unfinished(session, stale_before=stale_before) if job.status == "running"]
    if interrupted:
        with session_scope(factory, write=True) as session:
            for job in interrupted:
                reason = _why_not_again(job)
                if reason is None:
                    message = "interrupted: the process running it stopped; queued to run again"
                    values: dict[str, Any] = {"status": "queued", "progress_done": 0, "heartbeat_at": None}
                    if repo.update_interrupted(session, job=job, message=message, **values):
                        recovered.requeued[job.id] = job.kind
                elif repo.update_interrupted(
                    session,
                    job=job,
                    status="failed",
                    error=reason.problem(),
                    message=reason.message[:255],
                    finished_at=now,
                ):
                    recovered.failed.append(job.id)
                    ended.append(job)
    for job_id in [*recovered.requeued, *recovered.failed]:
        board.drop(job_id)  # the live progress of an attempt that died (after the commit: Redis is not the database)
    with session_scope(factory, write=False) as session:
        in_use = {path.name for params in repo.unfinished_params(session) if (path := upload_of(params))}
    for job in ended:
        remove_upload(job.params)
    _sweep_uploads(uploads, in_use=in_use, before=now if stale_before is None else now - UPLOAD_GRACE)
    if recovered.requeued or recovered.failed:
        log.warning("interrupted jobs: %d queued again, %d failed", len(recovered.requeued), len(recovered.failed))
    return recovered


def _why_not_again(job: Job) -> KakeiboError | None:
    registered = TASKS.get(job.kind)
    if registered is None or not registered.rerun:
        return JobInterrupted("interrupted: the process running it stopped, and this job cannot safely run again")
    if job.attempts >= MAX_ATTEMPTS:
        return JobInterrupted(f"interrupted {job.attempts} times; it is not tried again")
    upload = upload_of(job.params)
    if upload is not None and not upload.exists():
        return UploadGone("interrupted, and its uploaded file is gone: upload it again")
    return None


def _sweep_uploads(folder: Path, *, in_use: set[str], before: dt.datetime) -> None:
    if not folder.is_dir():
        return
    cutoff = before.timestamp()
    for path in folder.iterdir():
        try:
            if path.is_file() and path.name not in in_use and path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass  # removed meanwhile by the job that owned it


def unsent(factory: sessionmaker[Session], job_id: str) -> None:
    """A job queued again whose message could not be sent (the broker is down): left for the next sweep."""
    with session_scope(factory, write=True) as session:
        repo.back_to_interrupted(session, job_id=job_id)


def queued_jobs(factory: sessionmaker[Session]) -> list[str]:
    with session_scope(factory, write=False) as session:
        return repo.queued_ids(session)
