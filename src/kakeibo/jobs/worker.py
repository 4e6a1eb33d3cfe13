"""The Celery app of scale mode: `kakeibo worker` consumes the queues; the API enqueues by task name.

A job's code is the same function as in embedded mode (`run_job`); only who calls it differs. A message is
acknowledged only once its job has ended (`acks_late`), also when the pool process running it dies
(`reject_on_worker_lost`); one a dead worker never acknowledged goes to another worker after the broker's visibility
timeout, which is set longer than the longest job so that a live one's message is not handed out twice. Sooner
than that, each worker sweeps for jobs whose lease ran out (their worker died) and sends them again; the job's
claim makes sure that whichever delivery comes second does nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from kakeibo.core.db import get_engine, session_factory
from kakeibo.core.errors import ConfigurationError
from kakeibo.core.settings import Settings, get_settings

QUEUE_NAMES = ("import", "ai", "default")


def celery_app(settings: Settings | None = None) -> Any:
    settings = settings or get_settings()
    if not settings.redis_url:
        raise ConfigurationError("scale mode needs KAKEIBO_REDIS_URL (the Celery broker)")
    return _celery_app(
        settings.redis_url,
        settings.resolved_database_url,
        str(settings.data_dir),
        lease=settings.job_lease_seconds,
        visibility=settings.job_visibility_timeout_seconds,
        grace=settings.shutdown_grace_seconds,
    )


@cache
def _celery_app(
    redis_url: str, database_url: str, data_dir: str, *, lease: float, visibility: int, grace: float
) -> Any:
    from celery import Celery, signals

    app = Celery("kakeibo", broker=redis_url)
    app.conf.update(
        task_default_queue="default",
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        broker_transport_options={"visibility_timeout": visibility},
        worker_prefetch_multiplier=1,
        # A cold shutdown (SIGQUIT) lets running jobs finish this long; SIGTERM (warm) lets them finish.
        worker_soft_shutdown_timeout=grace,
        broker_connection_retry_on_startup=True,
        task_ignore_result=True,  # outcomes live on the job row
    )

    from kakeibo.jobs.progress import RedisBoard
    from kakeibo.jobs.runners import RUN_JOB_TASK, Sweeper, send, sweep_and_resend
    from kakeibo.jobs.service import run_job, upload_folder

    board = RedisBoard(redis_url)

    def sessions() -> Any:
        return session_factory(get_engine(database_url))

    @app.task(name=RUN_JOB_TASK)  # type: ignore[untyped-decorator]
    def run(job_id: str) -> None:
        run_job(sessions(), job_id, board, lease_seconds=lease, enqueue=lambda later, kind: send(app, later, kind))

    def sweep() -> None:
        sweep_and_resend(app, sessions(), board=board, uploads=upload_folder(Path(data_dir)), lease=lease)

    sweepers: list[Sweeper] = []

    @signals.worker_ready.connect(weak=False)  # type: ignore[untyped-decorator]
    def start_sweeping(**_: Any) -> None:
        sweep()
        sweepers.append(Sweeper("kakeibo-job-sweeper", lease / 2, sweep).start())

    @signals.worker_shutdown.connect(weak=False)  # type: ignore[untyped-decorator]
    def stop_sweeping(**_: Any) -> None:
        for sweeper in sweepers:
            sweeper.stop()

    @signals.worker_process_init.connect(weak=False)  # type: ignore[untyped-decorator]
    def own_connections(**_: Any) -> None:
        # A forked pool process must not use the connections it inherited from the worker's main process.
        get_engine(database_url).dispose(close=False)

    return app


def run_worker(settings: Settings, *, concurrency: int, queues: str) -> None:
    app = celery_app(settings)
    app.worker_main(["worker", "--queues", queues, "--concurrency", str(concurrency), "--loglevel", "INFO"])
