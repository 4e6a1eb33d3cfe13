"""Who runs jobs: the server's own threads (embedded mode, `inprocess.py`), Celery workers (scale mode,
`worker.py`), or the caller (tests); `runner_for` chooses. The `Runner` protocol is in `service.py`."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core.settings import Settings
from kakeibo.jobs.inprocess import ImmediateRunner, InProcessRunner, Sweeper, is_sqlite
from kakeibo.jobs.service import Runner
from kakeibo.jobs.worker import RUN_JOB_TASK, CeleryRunner, send, sweep_and_resend

__all__ = [
    "RUN_JOB_TASK",
    "CeleryRunner",
    "ImmediateRunner",
    "InProcessRunner",
    "Runner",
    "Sweeper",
    "runner_for",
    "send",
    "sweep_and_resend",
]


def runner_for(settings: Settings, factory: sessionmaker[Session]) -> Runner:
    """Celery workers in scale mode (Redis and PostgreSQL), the server's own threads otherwise: SQLite has one
    writer, and a job on another process's lease could not renew it while the job writes."""
    if settings.redis_url and not is_sqlite(factory):
        return CeleryRunner(settings, factory)
    return InProcessRunner(factory, settings=settings)
