"""The Celery app of scale mode: `kakeibo worker` consumes the queues; the API enqueues by task name.

A job's code is the same function as in embedded mode (`run_job`); only who calls it differs. A message is
acknowledged only once its job has ended (`acks_late`), also when the pool process running it dies
(`reject_on_worker_lost`); one a dead worker never acknowledged goes to another worker after the broker's visibility
timeout, which is set longer than the longest job so that a live one's message is not handed out twice. Sooner
than that, each worker sweeps for jobs whose lease ran out (their worker died) and sends them again; the job's
claim makes sure that whichever delivery comes second does nothing.

Schedules tick from Celery beat: every `schedule_tick_seconds` it sends one `kakeibo.schedules.tick` message, and
the worker that takes it calls `fire_due`, which sends each due schedule's job to the workers after its commit. Beat
only says "look now"; which job to start, and that each time of a schedule starts one, is decided by the claim in
the database (`schedules.py`), so two beats, or a tick delivered twice (acks are late), still fire each time once.
Beat keeps its schedule in memory (`celery.beat:Scheduler`), not in a file: the one thing it would remember across
restarts is when it last sent a tick, and an early tick is harmless, while a file written to the working directory
would dirty a checkout and one shared in the data directory would be opened by every beat at once."""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.db import get_engine, session_factory
from kakeibo.core.errors import ConfigurationError, ServiceBusy
from kakeibo.core.settings import Settings, get_settings
from kakeibo.jobs.inprocess import Sweeper
from kakeibo.jobs.progress import ProgressBoard, RedisBoard
from kakeibo.jobs.service import queue_of, recover, run_job, unsent, upload_folder

log = logging.getLogger(__name__)

QUEUE_NAMES = ("import", "ai", "default")
RUN_JOB_TASK = "kakeibo.jobs.run"
TICK_SCHEDULES_TASK = "kakeibo.schedules.tick"


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
        tick=settings.schedule_tick_seconds,
    )


@cache
def _celery_app(
    redis_url: str, database_url: str, data_dir: str, *, lease: float, visibility: int, grace: float, tick: float
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
        beat_scheduler="celery.beat:Scheduler",  # in memory: see the module's docstring
        beat_schedule={
            "schedules": {
                "task": TICK_SCHEDULES_TASK,
                "schedule": tick,
                # Ticks that waited longer than a tick (no worker was up) are dropped, not fired in a burst.
                "options": {"queue": "default", "expires": tick},
            }
        },
    )

    board = RedisBoard(redis_url)

    def sessions() -> Any:
        return session_factory(get_engine(database_url))

    @app.task(name=RUN_JOB_TASK)  # type: ignore[untyped-decorator]
    def run(job_id: str) -> None:
        run_job(sessions(), job_id, board, lease_seconds=lease, enqueue=lambda later, kind: send(app, later, kind))

    @app.task(name=TICK_SCHEDULES_TASK)  # type: ignore[untyped-decorator]
    def tick_schedules() -> None:
        from kakeibo.jobs.schedules import fire_due

        factory = sessions()
        fired = fire_due(factory, runner=ScheduleSender(app, factory, board))
        if fired:
            log.info("schedules started %d job(s): %s", len(fired), ", ".join(fired))

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


class CeleryRunner:
    """Scale mode: the job goes to a Celery queue over Redis; `kakeibo worker` runs it."""

    def __init__(self, settings: Settings, factory: sessionmaker[Session]) -> None:
        assert settings.redis_url is not None
        self.app = celery_app(settings)
        self.factory = factory
        self.board: ProgressBoard = RedisBoard(settings.redis_url)
        self.lease = settings.job_lease_seconds
        self.uploads = upload_folder(settings.data_dir)

    def start(self) -> None:
        """The workers sweep for interrupted jobs; an API process does it once when it starts, too."""
        sweep_and_resend(self.app, self.factory, board=self.board, uploads=self.uploads, lease=self.lease)

    def enqueue(self, job_id: str, kind: str) -> None:
        send(self.app, job_id, kind)

    def shutdown(self) -> None:
        pass


class ScheduleSender:
    """The runner a worker's schedule tick hands its jobs to: each goes to the workers' queues as a message."""

    def __init__(self, app: Any, factory: sessionmaker[Session], board: ProgressBoard) -> None:
        self.app, self.factory, self.board = app, factory, board

    def start(self) -> None:
        pass

    def enqueue(self, job_id: str, kind: str) -> None:
        try:
            send(self.app, job_id, kind)
        except ServiceBusy:
            # Nobody waits for a tick's answer, and raising would leave the tick's other jobs queued with no message
            # on its way: the job is left as a dead worker's would be, and the next sweep sends it again.
            log.warning("scheduled job %s could not be sent to the workers; the next sweep tries again", job_id)
            unsent(self.factory, job_id)

    def shutdown(self) -> None:
        pass


def send(app: Any, job_id: str, kind: str) -> None:
    from kombu.exceptions import OperationalError

    try:
        app.send_task(RUN_JOB_TASK, args=[job_id], queue=queue_of(kind))
    except OperationalError as exc:
        raise ServiceBusy("the job queue cannot be reached; try again in a moment") from exc


def sweep_and_resend(
    app: Any, factory: sessionmaker[Session], *, board: ProgressBoard, uploads: Path, lease: float
) -> None:
    """Scale mode's sweep: queue the jobs of dead workers again and send them to the workers."""
    recovered = recover(factory, board=board, uploads=uploads, stale_before=clock.now() - dt.timedelta(seconds=lease))
    for job_id, kind in recovered.requeued.items():
        try:
            send(app, job_id, kind)
        except ServiceBusy:
            log.warning("job %s could not be sent to the workers; the next sweep tries again", job_id)
            unsent(factory, job_id)


def run_worker(settings: Settings, *, concurrency: int, queues: str, beat: bool = False) -> None:
    """A Celery worker on `queues`; with `beat`, it also runs a beat that sends the schedules' ticks."""
    app = celery_app(settings)
    argv = ["worker", "--queues", queues, "--concurrency", str(concurrency), "--loglevel", "INFO"]
    app.worker_main([*argv, "--beat"] if beat else argv)


def run_beat(settings: Settings) -> None:
    """Celery beat alone: it sends the schedules' ticks (to the `default` queue) and touches no database."""
    celery_app(settings).Beat(loglevel="INFO").run()
