"""All SQL of jobs. A job's state changes are conditional updates: a job is claimed only while it is queued, and
an attempt writes to its row only while the row is still running that attempt (a fencing token), so two runners
of one job can never both record it."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session

from kakeibo.jobs.models import Job, Schedule

UNFINISHED = ("queued", "running")


def get(session: Session, *, household_id: int, job_id: str) -> Job | None:
    return session.scalars(select(Job).where(Job.id == job_id, Job.household_id == household_id)).first()


def get_any(session: Session, *, job_id: str) -> Job | None:
    """A job by id alone: for runners, which are handed ids of jobs that someone's request created."""
    return session.get(Job, job_id)


def claim(session: Session, *, job_id: str, now: dt.datetime) -> int | None:
    """Start the job if it is still queued; the attempt number it now runs under, or None when another runner
    has it (a second delivery of the same message) or it has ended."""
    attempt = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(
            status="running",
            attempts=Job.attempts + 1,
            started_at=now,
            heartbeat_at=now,
            progress_done=0,
            message="started",
        )
        .returning(Job.attempts)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    return None if attempt is None else int(attempt)


def update_attempt(session: Session, *, job_id: str, attempt: int, **values: Any) -> bool:
    """Write to a running job's row on behalf of `attempt`; False when the job is no longer running it."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.attempts == attempt, Job.status == "running")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[object], result).rowcount == 1


def update_interrupted(session: Session, *, job: Job, **values: Any) -> bool:
    """Write to a job found interrupted, if it still is: same attempt, still running, its lease not renewed since."""
    renewed = Job.heartbeat_at.is_(None) if job.heartbeat_at is None else Job.heartbeat_at == job.heartbeat_at
    result = session.execute(
        update(Job)
        .where(Job.id == job.id, Job.attempts == job.attempts, Job.status == "running", renewed)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[object], result).rowcount == 1


def unfinished(session: Session, *, stale_before: dt.datetime | None) -> list[Job]:
    """Jobs that may have been interrupted: every unfinished one (`stale_before=None`, for the one process that
    runs this database's jobs, at its start), or the running ones whose lease ran out before `stale_before`."""
    stmt = select(Job).where(Job.status.in_(UNFINISHED))
    if stale_before is not None:
        stmt = stmt.where(Job.status == "running", or_(Job.heartbeat_at.is_(None), Job.heartbeat_at < stale_before))
    return list(session.scalars(stmt.order_by(Job.created_at)))


def queued_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Job.id).where(Job.status == "queued").order_by(Job.created_at)))


def unfinished_params(session: Session) -> list[dict[str, Any]]:
    """The parameters of every job still to run or running (their uploads are in use)."""
    rows = session.scalars(select(Job.params).where(Job.status.in_(UNFINISHED)))
    return [params for params in rows if params]


def back_to_interrupted(session: Session, *, job_id: str) -> None:
    """Undo a requeue whose message could not be sent: running again, with no lease, the next sweep finds it."""
    session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(status="running", heartbeat_at=None)
        .execution_options(synchronize_session=False)
    )


def end_queued(session: Session, *, job_id: str, now: dt.datetime, error: dict[str, Any], message: str) -> bool:
    """Fail a job that never started (no runner took it)."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(status="failed", error=error, message=message, finished_at=now)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[object], result).rowcount == 1


# ---- schedules --------------------------------------------------------------------------------------------------
def schedule_named(session: Session, *, household_id: int, name: str) -> Schedule | None:
    return session.scalars(select(Schedule).where(Schedule.household_id == household_id, Schedule.name == name)).first()


def schedules_of(session: Session, *, household_id: int) -> list[Schedule]:
    return list(session.scalars(select(Schedule).where(Schedule.household_id == household_id).order_by(Schedule.name)))


def due_schedules(session: Session, *, now: dt.datetime, limit: int) -> list[Schedule]:
    return list(
        session.scalars(
            select(Schedule)
            .where(Schedule.enabled.is_(True), Schedule.next_run_at <= now)
            .order_by(Schedule.next_run_at, Schedule.id)
            .limit(limit)
        )
    )


def claim_firing(
    session: Session, *, schedule_id: int, seen: dt.datetime, following: dt.datetime | None, fired_at: dt.datetime
) -> bool:
    """Move a schedule from the time it was seen due to its following one (None: it cannot run again, so it is
    paused); True only for the one caller whose update changed the row."""
    values: dict[str, Any] = {"last_fired_at": fired_at}
    if following is None:
        values["enabled"] = False
    else:
        values["next_run_at"] = following
    result = session.execute(
        update(Schedule)
        .where(Schedule.id == schedule_id, Schedule.next_run_at == seen, Schedule.enabled.is_(True))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[object], result).rowcount == 1


def record_fired(session: Session, *, schedule_id: int, job_id: str) -> None:
    session.execute(
        update(Schedule)
        .where(Schedule.id == schedule_id)
        .values(last_job_id=job_id)
        .execution_options(synchronize_session=False)
    )
