"""Schedules: jobs a household's books start by themselves, at the times a cron expression names.

One home for every domain's recurring work (a nightly retraining, the insights and digests to come). A schedule is a
row (`models.Schedule`: household, name, job kind, cron, params, enabled, next run). Whoever ticks — a thread of the
server in embedded mode (`InProcessRunner`), Celery beat in scale mode (`worker.py`) — calls `fire_due`, which moves
each due schedule on to its following time with a conditional UPDATE (`... WHERE next_run_at = <the time it read>`)
and creates the job only when that update changed the row. However many processes tick at once, each time of a
schedule fires once: on PostgreSQL the second update waits for the first's row lock and then matches nothing, on
SQLite the writers take turns.

Times are UTC. A schedule whose times were missed (the server was down for a week) fires once when it is next seen,
not once per missed time, and goes on from the next time after now."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import session_scope
from kakeibo.core.errors import ValidationFailed
from kakeibo.jobs import repository as repo
from kakeibo.jobs.errors import ScheduleNotFound
from kakeibo.jobs.models import Schedule
from kakeibo.jobs.service import TASKS, Runner, create_job, enqueue_after_commit

# At most this many schedules fire in one tick; the rest are due at the next.
TICK_LIMIT = 200


def next_time(cron: str, after: dt.datetime) -> dt.datetime:
    """The first time strictly after `after` that `cron` names (standard five fields, UTC); ValidationFailed when
    the expression is not one."""
    from cronsim import CronSim, CronSimError

    try:
        return next(CronSim(cron, after.astimezone(dt.UTC).replace(second=0, microsecond=0)))
    except (CronSimError, StopIteration) as exc:
        raise ValidationFailed(f"not a cron schedule: {cron!r} ({exc})", field="cron") from None


def define(
    session: Session,
    *,
    actor: Actor,
    name: str,
    kind: str,
    cron: str,
    params: dict[str, Any] | None = None,
    enabled: bool = True,
) -> Schedule:
    """Create the household's schedule of this name, or change it (its next run is recomputed from now)."""
    if kind not in TASKS:
        raise ValidationFailed(f"no job kind {kind!r} (known: {', '.join(sorted(TASKS))})", field="kind")
    name = name.strip()
    if not name or len(name) > 64:
        raise ValidationFailed("a schedule needs a name of 1 to 64 characters", field="name")
    following = next_time(cron, clock.now())
    schedule = repo.schedule_named(session, household_id=actor.household_id, name=name)
    if schedule is None:
        schedule = Schedule(household_id=actor.household_id, name=name, created_at=clock.now())
        session.add(schedule)
    schedule.kind, schedule.cron, schedule.params = kind, cron.strip(), params or {}
    schedule.enabled, schedule.next_run_at = enabled, following
    session.flush()
    return schedule


def list_schedules(session: Session, *, household_id: int) -> list[Schedule]:
    return repo.schedules_of(session, household_id=household_id)


def set_enabled(session: Session, *, actor: Actor, name: str, enabled: bool) -> Schedule:
    """Pause or resume a schedule; resumed, it runs at its next time after now (missed times do not pile up)."""
    schedule = repo.schedule_named(session, household_id=actor.household_id, name=name)
    if schedule is None:
        raise ScheduleNotFound(f"no schedule named {name!r}", field="name")
    if enabled and not schedule.enabled:
        schedule.next_run_at = next_time(schedule.cron, clock.now())
    schedule.enabled = enabled
    session.flush()
    return schedule


def fire_due(
    factory: sessionmaker[Session],
    *,
    runner: Runner | None,
    now: dt.datetime | None = None,
) -> list[str]:
    """Start a job for every enabled schedule due at `now`, once per due time however many callers race; the
    jobs go to `runner` after the commit. Returns the ids of the jobs this call created."""
    now = now or clock.now()
    created: list[str] = []
    with session_scope(factory, write=True) as session:
        for schedule in repo.due_schedules(session, now=now, limit=TICK_LIMIT):
            seen = schedule.next_run_at
            try:
                following = next_time(schedule.cron, now)
            except ValidationFailed:  # an expression a newer cronsim no longer reads: paused, not retried each tick
                following = None
            if not repo.claim_firing(session, schedule_id=schedule.id, seen=seen, following=following, fired_at=now):
                continue  # another ticker fired this time first
            actor = Actor(household_id=schedule.household_id, user_id=None, via="job", source="schedule")
            job = create_job(session, actor=actor, kind=schedule.kind, params=dict(schedule.params or {}))
            repo.record_fired(session, schedule_id=schedule.id, job_id=job.id)
            if runner is not None:
                enqueue_after_commit(session, runner=runner, job=job)
            created.append(job.id)
    return created
