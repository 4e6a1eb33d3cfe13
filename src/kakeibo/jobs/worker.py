"""The Celery app of scale mode: `kakeibo worker` consumes the queues; the API enqueues by task name.

A job's code is the same function as in embedded mode (`run_job`); only who calls it differs."""

from __future__ import annotations

from functools import cache
from typing import Any

from kakeibo.core.db import get_engine, session_factory
from kakeibo.core.errors import ConfigurationError
from kakeibo.core.settings import Settings, get_settings

QUEUE_NAMES = ("import", "ai", "default")


def celery_app(settings: Settings | None = None) -> Any:
    settings = settings or get_settings()
    if not settings.redis_url:
        raise ConfigurationError("scale mode needs KAKEIBO_REDIS_URL (the Celery broker)")
    return _celery_app(settings.redis_url, settings.resolved_database_url)


@cache
def _celery_app(redis_url: str, database_url: str) -> Any:
    from celery import Celery

    app = Celery("kakeibo", broker=redis_url)
    app.conf.update(
        task_default_queue="default",
        task_acks_late=True,  # a worker that dies mid-job leaves the message for another (the import is atomic)
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        task_ignore_result=True,  # outcomes live on the job row
    )

    # The tasks register themselves with the job runner on import.
    from kakeibo.imports import tasks as import_tasks  # noqa: F401
    from kakeibo.jobs.service import RUN_JOB_TASK, RedisBoard, run_job

    board = RedisBoard(redis_url)

    @app.task(name=RUN_JOB_TASK)  # type: ignore[untyped-decorator]
    def run(job_id: str) -> None:
        run_job(session_factory(get_engine(database_url)), job_id, board)

    return app


def run_worker(settings: Settings, *, concurrency: int, queues: str) -> None:
    app = celery_app(settings)
    app.worker_main(["worker", "--queues", queues, "--concurrency", str(concurrency), "--loglevel", "INFO"])
