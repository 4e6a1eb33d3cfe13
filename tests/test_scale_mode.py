"""Scale mode for real: the API on PostgreSQL enqueues an import on Redis, a `kakeibo worker` process runs it, and
its progress comes back through Redis; a worker killed in the middle of an import is replaced by another, which
finishes it, once; schedules fire from Celery beat, once per due time however many beats run."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.settings import Settings
from tests.api_helpers import poll_job, sign_up, statement_csv
from tests.conftest import postgres_database, service_unavailable
from tests.factories import make_household
from tests.job_helpers import assert_imported_once, ended, job_of, mid_import, start_import, uploads, wait_for

REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET = "scale-mode-test-secret-key-long-enough"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_database("kakeibo_scale") as url:
        yield url
        from kakeibo.core.db import get_engine

        get_engine(url).dispose()  # the app's pooled connections, before the database is dropped


@pytest.fixture
def broker() -> str:
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
        client.flushdb()
    except redis.RedisError as exc:
        service_unavailable("Redis", exc)
    return REDIS_URL


def _environment(data_dir: Path, postgres_url: str, broker: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKEIBO_") or k == "KAKEIBO_TODAY"}
    env.update(
        KAKEIBO_DATABASE_URL=postgres_url,
        KAKEIBO_REDIS_URL=broker,
        KAKEIBO_SECRET_KEY=SECRET,
        KAKEIBO_DATA_DIR=str(data_dir),  # shared with the API: the upload waits there for the worker
        **extra,
    )
    return env


@contextmanager
def _worker(
    cwd: Path,
    env: dict[str, str],
    log: str | Path = "worker.log",
    command: tuple[str, ...] = ("worker", "--concurrency", "1"),
) -> Iterator[subprocess.Popen[bytes]]:
    """A `kakeibo worker` (or another command), in its own process group: killing the group is its machine (or
    container) dying, pool processes and all. Its log goes to `log`, in `cwd` unless a full path."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", *command],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(cwd / log).open("w"),
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _app(tmp_path: Path, postgres_url: str, broker: str) -> TestClient:
    from kakeibo.api.app import create_app

    settings = Settings(data_dir=tmp_path, database_url=postgres_url, redis_url=broker, secret_key=SECRET)
    return TestClient(create_app(settings))


@pytest.mark.postgres
def test_an_import_runs_on_a_celery_worker(tmp_path: Path, postgres_url: str, broker: str) -> None:
    env = _environment(tmp_path, postgres_url, broker)
    with _worker(tmp_path, env) as worker, _app(tmp_path, postgres_url, broker) as client:
        user = sign_up(client)
        account = user.post("/accounts", {"name": "Checking"}).json()
        job_id = start_import(user, account["id"], statement_csv(8000))

        def worker_alive() -> None:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]

        job, progress = poll_job(user, job_id, timeout=120, still_alive=worker_alive)
        assert job["status"] == "succeeded", (job, (tmp_path / "worker.log").read_text()[-3000:])
        assert job["result"]["imported"] == 8000
        # Progress reached the API through Redis while the worker ran (not only at the end).
        assert any(0 < done < 8000 for done in progress), progress
        assert len(user.get("/transactions", params={"limit": 500}).json()["items"]) == 500


@pytest.mark.slow
@pytest.mark.postgres
def test_a_worker_killed_mid_import_is_replaced_and_the_import_lands_once(
    tmp_path: Path, postgres_url: str, broker: str
) -> None:
    # A dead worker's job is taken as interrupted after 2 s without a heartbeat.
    env = _environment(tmp_path, postgres_url, broker, KAKEIBO_JOB_LEASE_SECONDS="2")
    rows = 20_000  # imports on PostgreSQL go at a few thousand rows a second: this one is caught mid-way
    with _app(tmp_path, postgres_url, broker) as client:
        user = sign_up(client)
        account = user.post("/accounts", {"name": "Checking"}).json()
        with _worker(tmp_path, env, "worker1.log") as first:
            job_id = start_import(user, account["id"], statement_csv(rows))
            wait_for("the import under way on the first worker", job_of(user, job_id), mid_import, timeout=120)
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
        with _worker(tmp_path, env, "worker2.log") as second:
            job = wait_for("the import finished by the second worker", job_of(user, job_id), ended, timeout=180)
            assert second.poll() is None, (tmp_path / "worker2.log").read_text()[-3000:]
        assert job["status"] == "succeeded", (job, (tmp_path / "worker2.log").read_text()[-3000:])
        assert job["result"]["imported"] == rows
        assert_imported_once(user, account["id"], rows=rows)
        assert uploads(tmp_path) == []
        # The progress Redis held for the killed attempt does not outlive the job.
        assert not redis.Redis.from_url(broker).exists(f"kakeibo:job:{job_id}")


# ---- schedules from Celery beat ----------------------------------------------------------------------------------
SCHEDULES = 30  # many due at once: a tick that fires them takes a while, so ticks from different beats overlap
BEAT_SENT = "Scheduler: Sending due task schedules"  # what Celery beat logs as it sends a tick
TICK_TAKEN = "Task kakeibo.schedules.tick["  # what a worker logs as it takes one (and as it has run it)


def _make_schedules_due(sessions: sessionmaker[Session], household_id: int) -> None:
    """Every schedule of the household due a minute ago. Their cron names a time a year off, so a second job of
    one is a second firing of the same time, never the next time coming round while the test runs."""
    from kakeibo.core.db import session_scope
    from kakeibo.jobs.models import Schedule

    with session_scope(sessions, write=True) as session:
        session.execute(
            update(Schedule)
            .where(Schedule.household_id == household_id)
            .values(next_run_at=clock.now() - dt.timedelta(minutes=1))
        )


def _firings(sessions: sessionmaker[Session], household_id: int) -> tuple[set[str], list[tuple[str, int]]]:
    """The job each schedule started last (its `last_job_id`), and every job of the household as (status,
    attempts): the household has no jobs but its schedules'."""
    from kakeibo.jobs.models import Job, Schedule

    with sessions() as session:
        jobs = session.scalars(select(Job).where(Job.household_id == household_id).order_by(Job.created_at)).all()
        latest = session.scalars(select(Schedule.last_job_id).where(Schedule.household_id == household_id)).all()
    assert all(job.kind == "retrain" and job.params == {} for job in jobs), jobs
    started = [job_id for job_id in latest if job_id is not None]
    assert len(set(started)) == len(started), latest  # no two schedules share a job
    return set(started), [(job.status, job.attempts) for job in jobs]


def _sent_ticks(log: Path, line: str = BEAT_SENT) -> int:
    return log.read_text(errors="replace").count(line) if log.exists() else 0


def _wait(
    what: str, done: Callable[[], bool], deadline: float, running: list[subprocess.Popen[bytes]], logs: list[Path]
) -> None:
    """Poll until `done()`; fail with the processes' logs past the deadline, or at once if one of them ended."""
    while not done():
        ended = [process.args for process in running if process.poll() is not None]
        if ended or time.monotonic() > deadline:
            tails = "\n".join(
                f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}" for log in logs if log.exists()
            )
            pytest.fail(f"{what}: {f'ended: {ended}' if ended else 'not in time'}\n{tails}")
        time.sleep(0.1)


@pytest.mark.postgres
def test_schedules_fire_from_celery_beat_once_per_time_however_many_beats_run(
    tmp_path: Path, postgres_url: str, broker: str
) -> None:
    from kakeibo.core.db import make_engine, session_factory, session_scope
    from kakeibo.jobs import schedules
    from kakeibo.tasks import register_all

    deadline = time.monotonic() + 50  # the whole test, three processes starting on a busy machine included
    register_all(Settings(data_dir=tmp_path))  # the job kinds a schedule may name, as the workers know them
    engine = make_engine(postgres_url)
    sessions = session_factory(engine)
    with session_scope(sessions, write=True) as session:
        home = make_household(session)
        for number in range(SCHEDULES):
            schedules.define(session, actor=home.actor(), name=f"retrain {number}", kind="retrain", cron="0 3 1 1 *")
    household_id = home.household.id
    _make_schedules_due(sessions, household_id)
    env = _environment(tmp_path, postgres_url, broker, KAKEIBO_SCHEDULE_TICK_SECONDS="0.3")
    logs = [tmp_path / "worker1.log", tmp_path / "worker2.log", tmp_path / "beat.log"]
    workdir = tmp_path / "cwd"  # where the processes run: beat leaves nothing there
    workdir.mkdir()

    def ended(jobs: int) -> Callable[[], bool]:
        def done() -> bool:
            _, made = _firings(sessions, household_id)
            return len(made) >= jobs and all(status in ("succeeded", "failed") for status, _ in made)

        return done

    try:
        with ExitStack() as processes:
            # One worker with its beat: each due schedule starts one job, which runs once.
            first = processes.enter_context(_worker(workdir, env, logs[0], ("worker", "--beat", "--concurrency", "2")))
            running = [first]
            _wait("the first firing", ended(SCHEDULES), deadline, running, logs)
            sent = _sent_ticks(logs[0])
            _wait("more ticks after it", lambda: _sent_ticks(logs[0]) >= sent + 3, deadline, running, logs)
            first_jobs, made = _firings(sessions, household_id)
            assert made == [("succeeded", 1)] * SCHEDULES and len(first_jobs) == SCHEDULES

            # Three beats (two in workers, one on its own) tick while the schedules are due again: still once each.
            running.append(
                processes.enter_context(_worker(workdir, env, logs[1], ("worker", "-B", "--concurrency", "2")))
            )
            running.append(processes.enter_context(_worker(workdir, env, logs[2], ("beat",))))
            _wait(
                "every beat ticking and both workers taking ticks",
                lambda: (
                    all(_sent_ticks(log) > 0 for log in logs)
                    and all(_sent_ticks(log, TICK_TAKEN) > 0 for log in logs[:2])
                ),
                deadline,
                running,
                logs,
            )
            before = [_sent_ticks(log) for log in logs]
            _make_schedules_due(sessions, household_id)
            _wait("the second firing", ended(2 * SCHEDULES), deadline, running, logs)
            _wait(
                "every beat ticking after it",
                lambda: all(_sent_ticks(log) >= seen + 3 for log, seen in zip(logs, before, strict=True)),
                deadline,
                running,
                logs,
            )
            second_jobs, made = _firings(sessions, household_id)
            assert made == [("succeeded", 1)] * (2 * SCHEDULES)
            assert len(second_jobs) == SCHEDULES and not first_jobs & second_jobs  # each schedule's second is new
        assert list(workdir.iterdir()) == []  # no schedule file (nor anything else) in the working directory
    finally:
        engine.dispose()
