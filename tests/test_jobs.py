"""Jobs: a claim is atomic, state changes are stored as they happen, interrupted jobs are recovered (run again or
failed with the reason) without taking a live runner's job, a stopping runner hands its job back, and the progress
of an attempt that died is never shown as the job's."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import make_engine, migrate, session_factory, session_scope
from kakeibo.core.settings import Settings
from kakeibo.jobs import service as jobs
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import MemoryBoard, Progress
from kakeibo.jobs.runners import CeleryRunner, InProcessRunner, runner_for
from tests.api_helpers import sign_up, statement_csv
from tests.cli_helpers import Cli
from tests.conftest import postgres_database
from tests.factories import HouseholdFixture, make_account, make_household
from tests.job_helpers import start_import

SECRET = "jobs-test-secret-key-long-enough"


class Gate:
    """What the test tasks below do, for the test to watch and steer: they enter, then wait to be released."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.runs: list[int] = []  # the attempt of each run that entered


GATE = Gate()


def _blocking(sessions: sessionmaker[Session], job: Job, progress: Progress) -> dict[str, Any]:
    GATE.runs.append(progress.attempt)
    GATE.entered.set()
    deadline = time.monotonic() + 60
    while not GATE.release.wait(0.01):
        progress.checkpoint()
        if time.monotonic() > deadline:
            raise RuntimeError("the test never released this task")
    return {"attempt": progress.attempt}


def _once(sessions: sessionmaker[Session], job: Job, progress: Progress) -> dict[str, Any]:
    return {}


jobs.register("test-blocking", _blocking, rerun=True)
jobs.register("test-once", _once)


@pytest.fixture(autouse=True)
def gate() -> Iterator[Gate]:
    global GATE
    GATE = Gate()
    yield GATE
    GATE.release.set()  # a task still waiting (after a failed assertion) ends


@contextmanager
def _database(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'jobs.sqlite3'}"
        migrate(url)
        yield url
    else:
        with postgres_database("kakeibo_jobs") as url:
            yield url


@contextmanager
def _sessions(url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(url)
    try:
        yield session_factory(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """Sessions of a real database of its own (commits are real: runners work in several threads)."""
    with _database(request.param, tmp_path) as url, _sessions(url) as factory:
        yield factory


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    with _database("sqlite", tmp_path) as url, _sessions(url) as factory:
        yield factory


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    with _database("postgres", tmp_path) as url, _sessions(url) as factory:
        yield factory


def _home(sessions: sessionmaker[Session]) -> HouseholdFixture:
    with session_scope(sessions, write=True) as session:
        return make_household(session)


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    return Settings(data_dir=tmp_path, database_url="sqlite:///unused", secret_key=SECRET, **overrides)


def _job(
    sessions: sessionmaker[Session],
    home: HouseholdFixture,
    kind: str,
    *,
    params: dict[str, Any] | None = None,
    running: int | None = None,
    heartbeat_at: dt.datetime | None = None,
) -> str:
    """A job row; `running=N`: as a process that then died left it, running its Nth attempt."""
    with session_scope(sessions, write=True) as session:
        job = jobs.create_job(session, actor=home.actor(), kind=kind, params=params or {})
        if running is not None:
            job.status, job.attempts, job.started_at = "running", running, clock.now()
            job.heartbeat_at = heartbeat_at or clock.now()
        return job.id


def _row(sessions: sessionmaker[Session], job_id: str) -> Job:
    with sessions() as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def _until(what: str, condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.02)


def _ended(sessions: sessionmaker[Session], *job_ids: str) -> Callable[[], bool]:
    return lambda: all(_row(sessions, job_id).status in ("succeeded", "failed") for job_id in job_ids)


def _running(sessions: sessionmaker[Session], tmp_path: Path, *job_ids: str, grace: float = 30) -> InProcessRunner:
    """A started in-process runner, given these test-blocking jobs, once the first of them is inside its task."""
    runner = InProcessRunner(sessions, settings=_settings(tmp_path, shutdown_grace_seconds=grace))
    runner.start()
    for job_id in job_ids:
        runner.enqueue(job_id, "test-blocking")
    assert GATE.entered.wait(30)
    return runner


def _thread(target: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


# ---- claiming and recording -----------------------------------------------------------------------------------
def test_two_deliveries_of_one_job_run_it_once(sessions: sessionmaker[Session]) -> None:
    """Two deliveries of one message (or a requeue racing a late worker) both try to start the job at once."""
    job_id = _job(sessions, _home(sessions), "test-blocking")
    together = threading.Barrier(2)

    def deliver() -> None:
        together.wait()
        jobs.run_job(sessions, job_id)

    deliveries = [_thread(deliver), _thread(deliver)]
    assert GATE.entered.wait(30)
    # The delivery that lost the claim returns while the winner is still inside the task.
    _until("the losing delivery returns", lambda: not all(d.is_alive() for d in deliveries))
    GATE.release.set()
    for delivery in deliveries:
        delivery.join(30)
    assert GATE.runs == [1]
    job = _row(sessions, job_id)
    assert (job.status, job.attempts, job.result) == ("succeeded", 1, {"attempt": 1})


class RowWatcher(MemoryBoard):
    """A board that, at every progress report, reads what the job's row says at that moment."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__()
        self.sessions = sessions
        self.seen: list[tuple[str, bool, int | None, int]] = []

    def put(self, progress: Progress) -> None:
        super().put(progress)
        job = _row(self.sessions, progress.job_id)
        self.seen.append((job.status, job.started_at is not None, job.progress_total, progress.done))


def test_a_running_import_is_stored_as_running_with_its_total(
    app: FastAPI, client: TestClient, bind_sessions: sessionmaker[Session]
) -> None:
    watcher = RowWatcher(bind_sessions)
    app.state.job_runner.board = watcher
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    job_id = start_import(user, account["id"], statement_csv(5000))
    assert watcher.seen and all(status == "running" and begun for status, begun, _, _ in watcher.seen), watcher.seen
    # The total is on the row before the first row is written, and stays.
    assert {total for _, _, total, done in watcher.seen if done > 0} == {5000}, watcher.seen
    job = user.get(f"/jobs/{job_id}").json()
    assert (job["status"], job["progress_done"], job["progress_total"]) == ("succeeded", 5000, 5000)


def test_the_progress_of_an_attempt_that_died_is_not_shown(app: FastAPI, client: TestClient, session: Session) -> None:
    user = sign_up(client)
    actor = Actor(household_id=user.household_id, user_id=None, source="api")
    job = jobs.create_job(session, actor=actor, kind="import", params={})
    job.attempts = 1  # its first attempt died and the job was queued again
    session.commit()
    board = app.state.job_runner.board
    board.put(Progress(job.id, done=500, total=1000, message="500 rows read", attempt=1))
    try:
        shown = user.get(f"/jobs/{job.id}").json()
        assert (shown["status"], shown["progress_done"], shown["message"]) == ("queued", 0, "waiting to start")
        job.status, job.attempts = "running", 2
        session.commit()
        assert user.get(f"/jobs/{job.id}").json()["progress_done"] == 0
        board.put(Progress(job.id, done=20, total=1000, message="20 rows read", attempt=2))
        shown = user.get(f"/jobs/{job.id}").json()
        assert (shown["status"], shown["progress_done"], shown["progress_total"]) == ("running", 20, 1000)
    finally:
        board.drop(job.id)


def test_an_attempt_whose_job_was_taken_over_records_nothing(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    """A worker whose lease ran out (it was too slow to renew it, not dead) finishes after the job was queued again
    and started anew: the row keeps the new attempt's outcome."""
    job_id = _job(sessions, _home(sessions), "test-blocking")
    late = _thread(lambda: jobs.run_job(sessions, job_id))
    assert GATE.entered.wait(30)
    later = clock.now() + dt.timedelta(hours=1)  # as seen by a sweep an hour on, with no heartbeat since
    recovered = jobs.recover(sessions, board=MemoryBoard(), uploads=tmp_path, stale_before=later)
    assert recovered.requeued == {job_id: "test-blocking"}
    GATE.entered.clear()
    again = _thread(lambda: jobs.run_job(sessions, job_id))
    assert GATE.entered.wait(30)
    GATE.release.set()
    late.join(30)
    again.join(30)
    assert GATE.runs == [1, 2]
    job = _row(sessions, job_id)
    assert (job.status, job.attempts, job.result) == ("succeeded", 2, {"attempt": 2})


# ---- recovery -------------------------------------------------------------------------------------------------
def test_an_embedded_server_recovers_what_a_crash_left(embedded: sessionmaker[Session], tmp_path: Path) -> None:
    home = _home(embedded)
    with session_scope(embedded, write=True) as session:
        account = make_account(session, home=home)
    uploads = jobs.upload_folder(tmp_path)
    uploads.mkdir(parents=True)

    def upload(name: str, content: bytes) -> dict[str, Any]:
        (uploads / name).write_bytes(content)
        return {jobs.UPLOAD: str(uploads / name), "account_id": account.id, "filename": name}

    interrupted = _job(embedded, home, "import", params=upload("a.csv", statement_csv(30)), running=1)
    waiting = _job(embedded, home, "import", params=upload("b.csv", statement_csv(30).replace(b"SHOP", b"CAFE")))
    gone = _job(embedded, home, "import", params={jobs.UPLOAD: str(uploads / "gone.csv")}, running=1)
    tried = _job(embedded, home, "import", params=upload("c.csv", statement_csv(5)), running=jobs.MAX_ATTEMPTS)
    once = _job(embedded, home, "test-once", running=1)
    (uploads / "left-by-a-failed-request.csv").write_bytes(b"Date,Description,Amount\n")

    runner = InProcessRunner(embedded, settings=_settings(tmp_path))
    runner.start()
    try:
        _until("the recovered imports end", _ended(embedded, interrupted, waiting))
    finally:
        runner.shutdown()
    for job_id in (interrupted, waiting):
        job = _row(embedded, job_id)
        assert (job.status, job.result and job.result["imported"]) == ("succeeded", 30), job.error
    failures = {job_id: _row(embedded, job_id) for job_id in (gone, tried, once)}
    assert {job_id: job.status for job_id, job in failures.items()} == dict.fromkeys(failures, "failed")
    assert failures[gone].error and failures[gone].error["type"] == "/problems/upload-gone"
    assert failures[tried].message == f"interrupted {jobs.MAX_ATTEMPTS} times; it is not tried again"
    assert failures[once].error and failures[once].error["type"] == "/problems/job-interrupted"
    assert sorted(uploads.iterdir()) == []  # read and deleted, or nobody's


def test_a_second_server_on_the_same_database_takes_no_job_from_the_first(
    embedded: sessionmaker[Session], tmp_path: Path
) -> None:
    job_id = _job(embedded, _home(embedded), "test-blocking")
    first = _running(embedded, tmp_path, job_id)
    second = InProcessRunner(embedded, settings=_settings(tmp_path))
    second.start()  # the first holds the database's jobs: nothing of theirs is an orphan
    second.shutdown()
    assert _row(embedded, job_id).status == "running"
    GATE.release.set()
    first.shutdown()
    assert (_row(embedded, job_id).status, GATE.runs) == ("succeeded", [1])


@pytest.mark.postgres
def test_a_live_runner_keeps_its_lease_and_a_dead_ones_job_is_taken(
    postgres: sessionmaker[Session], tmp_path: Path
) -> None:
    home = _home(postgres)
    alive = _job(postgres, home, "test-blocking")
    runner = _thread(lambda: jobs.run_job(postgres, alive, lease_seconds=1))
    assert GATE.entered.wait(30)
    claimed = _row(postgres, alive).heartbeat_at
    assert claimed is not None
    _until("the lease is renewed", lambda: (_row(postgres, alive).heartbeat_at or claimed) > claimed)
    dead = _job(postgres, home, "test-blocking", running=1, heartbeat_at=clock.now() - dt.timedelta(minutes=5))
    stale_before = clock.now() - dt.timedelta(minutes=1)
    recovered = jobs.recover(postgres, board=MemoryBoard(), uploads=tmp_path, stale_before=stale_before)
    assert recovered.requeued == {dead: "test-blocking"}
    assert (_row(postgres, alive).status, _row(postgres, dead).status) == ("running", "queued")
    GATE.release.set()
    runner.join(30)
    assert _row(postgres, alive).status == "succeeded"


# ---- stopping -------------------------------------------------------------------------------------------------
def test_a_stopping_server_hands_the_running_job_back_and_keeps_the_queued_one(
    embedded: sessionmaker[Session], tmp_path: Path
) -> None:
    home = _home(embedded)
    running, waiting = _job(embedded, home, "test-blocking"), _job(embedded, home, "test-blocking")
    runner = _running(embedded, tmp_path, running, waiting, grace=0)
    runner.shutdown()  # no grace: the running job stops at its next checkpoint
    handed_back, left = _row(embedded, running), _row(embedded, waiting)
    assert (handed_back.status, handed_back.attempts, GATE.runs) == ("queued", 1, [1])
    assert "stopped" in handed_back.message
    assert (left.status, left.attempts) == ("queued", 0)

    restarted = InProcessRunner(embedded, settings=_settings(tmp_path))
    GATE.release.set()
    restarted.start()  # runs both
    try:
        _until("both jobs end after the restart", _ended(embedded, running, waiting))
    finally:
        restarted.shutdown()
    assert [_row(embedded, job_id).status for job_id in (running, waiting)] == ["succeeded", "succeeded"]


def test_a_stopping_server_lets_the_running_job_finish_within_the_grace_period(
    embedded: sessionmaker[Session], tmp_path: Path
) -> None:
    home = _home(embedded)
    job_id = _job(embedded, home, "test-blocking")
    runner = _running(embedded, tmp_path, job_id, grace=120)
    stopping = _thread(runner.shutdown)
    _until("the runner is stopping", runner._closing.is_set)
    late = _job(embedded, home, "test-once")
    runner.enqueue(late, "test-once")  # too late: it stays queued for the next start
    GATE.release.set()
    stopping.join(60)
    assert not stopping.is_alive()
    assert (_row(embedded, job_id).status, _row(embedded, late).status) == ("succeeded", "queued")


# ---- a job nobody can take ------------------------------------------------------------------------------------
def test_an_import_the_job_queue_cannot_take_fails_at_once_and_leaves_no_upload(
    app: FastAPI, client: TestClient, settings: Settings, session: Session, bind_sessions: sessionmaker[Session]
) -> None:
    unreachable = settings.model_copy(update={"redis_url": "redis://127.0.0.1:9/0"})  # nothing listens there
    app.state.job_runner = CeleryRunner(unreachable, bind_sessions)
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    answer = user.post(
        "/imports", files={"file": ("s.csv", statement_csv(3), "text/csv")}, data={"account_id": str(account["id"])}
    )
    assert answer.status_code == 503, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    [job] = session.scalars(select(Job).where(Job.household_id == user.household_id)).all()
    assert (job.status, job.message) == ("failed", "the job queue cannot be reached; try again in a moment")
    assert list(jobs.upload_folder(settings.data_dir).iterdir()) == []


@pytest.mark.postgres
def test_an_import_whose_job_cannot_be_stored_leaves_no_upload(
    client: TestClient, settings: Settings, engine: Any
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite stores a NUL in JSON; PostgreSQL's JSONB refuses it, which fails the job's insert")
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    answer = user.post(
        "/imports",
        files={"file": ("s.csv", statement_csv(3), "text/csv")},
        data={"account_id": str(account["id"]), "mapping": '{"date": "Date\\u0000"}'},
    )
    assert answer.status_code >= 400, answer.text
    assert list(jobs.upload_folder(settings.data_dir).iterdir()) == []


def test_scale_mode_needs_postgresql(embedded: sessionmaker[Session], tmp_path: Path, cli: Cli) -> None:
    """On SQLite the server runs its jobs itself, Redis or not: a job on another process could not renew its
    lease while it writes, and SQLite has one writer anyway."""
    runner = runner_for(_settings(tmp_path, redis_url="redis://127.0.0.1:6379/14"), embedded)
    assert isinstance(runner, InProcessRunner)
    cli.env["KAKEIBO_REDIS_URL"] = "redis://127.0.0.1:6379/14"
    refused = cli("worker", ok=False)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "error: kakeibo worker needs PostgreSQL (KAKEIBO_DATABASE_URL); on SQLite, kakeibo serve runs jobs itself"
    )
    beat = cli("beat", ok=False)  # a beat on SQLite would tick for workers that cannot exist
    assert beat.returncode == 1
    assert beat.stderr.strip() == (
        "error: kakeibo beat needs PostgreSQL (KAKEIBO_DATABASE_URL); on SQLite, kakeibo serve runs jobs itself"
    )


def test_a_job_the_broker_cannot_take_back_is_left_for_the_next_sweep(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """An API process starts while Redis is down: the dead worker's job it finds is not put in the queue with no
    message on its way to a worker (it would wait for ever); the next sweep finds it again."""
    dead = _job(sessions, _home(sessions), "test-blocking", running=1, heartbeat_at=clock.now() - dt.timedelta(hours=1))
    runner = CeleryRunner(_settings(tmp_path, redis_url="redis://127.0.0.1:9/0"), sessions)  # nothing listens there
    runner.start()
    assert _row(sessions, dead).status == "running"
    recovered = jobs.recover(sessions, board=MemoryBoard(), uploads=tmp_path, stale_before=clock.now())
    assert recovered.requeued == {dead: "test-blocking"}


# ---- schedules ----------------------------------------------------------------------------------------------------
def _scheduled_household(sessions: sessionmaker[Session], cron: str = "0 3 * * *") -> HouseholdFixture:
    from kakeibo.jobs import schedules

    with session_scope(sessions, write=True) as session:
        home = make_household(session)
        schedules.define(session, actor=home.actor(), name="nightly", kind="test-once", cron=cron)
    return home


def test_a_schedule_fires_once_per_time_however_many_tickers_race(sessions: sessionmaker[Session]) -> None:
    from kakeibo.jobs import schedules
    from kakeibo.jobs.models import Schedule

    now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    home = _scheduled_household(sessions)
    with session_scope(sessions, write=True) as session:
        pinned = session.scalars(select(Schedule).where(Schedule.household_id == home.household.id)).one()
        pinned.next_run_at = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)
    assert schedules.fire_due(sessions, runner=None, now=now) == []  # not due before 03:00
    due = dt.datetime(2026, 11, 23, 3, 0, 5, tzinfo=dt.UTC)
    barrier = threading.Barrier(8)
    fired: list[str] = []
    errors: list[BaseException] = []

    def tick() -> None:
        barrier.wait()
        try:
            fired.extend(schedules.fire_due(sessions, runner=None, now=due))
        except BaseException as exc:  # a busy database is a failure here too
            errors.append(exc)

    threads = [threading.Thread(target=tick) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(fired) == 1
    with sessions() as session:
        jobs_made = session.scalars(select(Job).where(Job.household_id == home.household.id)).all()
        assert [job.id for job in jobs_made] == fired and jobs_made[0].kind == "test-once"
        schedule = session.scalars(select(Schedule).where(Schedule.household_id == home.household.id)).one()
        assert schedule.next_run_at == dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
        assert schedule.last_job_id == fired[0]
    # a week missed fires once, then goes on from the next time after now
    late = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    assert len(schedules.fire_due(sessions, runner=None, now=late)) == 1
    assert schedules.fire_due(sessions, runner=None, now=late) == []


def test_a_schedule_refuses_a_bad_cron_or_an_unknown_job_and_can_be_paused(sessions: sessionmaker[Session]) -> None:
    from kakeibo.core.errors import ValidationFailed
    from kakeibo.jobs import schedules

    with session_scope(sessions, write=True) as session:
        home = make_household(session)
        with pytest.raises(ValidationFailed, match="cron"):
            schedules.define(session, actor=home.actor(), name="x", kind="test-once", cron="every day")
        with pytest.raises(ValidationFailed, match="job kind"):
            schedules.define(session, actor=home.actor(), name="x", kind="no-such-job", cron="0 3 * * *")
        schedules.define(session, actor=home.actor(), name="x", kind="test-once", cron="* * * * *")
        schedules.set_enabled(session, actor=home.actor(), name="x", enabled=False)
    far = clock.now() + dt.timedelta(days=2)
    assert schedules.fire_due(sessions, runner=None, now=far) == []


def test_the_embedded_runner_ticks_due_schedules_and_runs_their_jobs(embedded: sessionmaker[Session]) -> None:
    from kakeibo.jobs import schedules
    from kakeibo.jobs.models import Schedule

    home = _scheduled_household(embedded, cron="* * * * *")
    with session_scope(embedded, write=True) as session:  # due a minute ago
        schedule = session.scalars(select(Schedule).where(Schedule.household_id == home.household.id)).one()
        schedule.next_run_at = clock.now() - dt.timedelta(minutes=1)
    runner = InProcessRunner(embedded, settings=Settings(schedule_tick_seconds=0.1))
    runner.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with embedded() as session:
                done = session.scalars(
                    select(Job).where(Job.household_id == home.household.id, Job.status == "succeeded")
                ).all()
            if done:
                break
            time.sleep(0.1)
        assert len(done) == 1
    finally:
        runner.shutdown()
    assert schedules.list_schedules(embedded(), household_id=home.household.id)[0].last_job_id == done[0].id


def test_scheduled_jobs_the_broker_cannot_take_are_left_for_the_next_sweep(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """A tick (scale mode) whose jobs cannot be sent: none is left queued with no message on its way (it would wait
    for ever); each is left as a dead worker's job, which the next sweep queues and sends again."""
    from kakeibo.jobs import schedules
    from kakeibo.jobs.worker import ScheduleSender, celery_app

    with session_scope(sessions, write=True) as session:
        home = make_household(session)
        for name in ("nightly", "weekly"):  # a kind that may run again, as every kind the domains register
            schedules.define(session, actor=home.actor(), name=name, kind="test-blocking", cron="0 3 * * *")
    unreachable = celery_app(_settings(tmp_path, redis_url="redis://127.0.0.1:9/0"))  # nothing listens there
    fired = schedules.fire_due(
        sessions, runner=ScheduleSender(unreachable, sessions, MemoryBoard()), now=clock.now() + dt.timedelta(days=1)
    )
    assert len(fired) == 2
    assert [(_row(sessions, job_id).status, _row(sessions, job_id).heartbeat_at) for job_id in fired] == [
        ("running", None)
    ] * 2
    recovered = jobs.recover(sessions, board=MemoryBoard(), uploads=tmp_path, stale_before=clock.now())
    assert recovered.requeued == dict.fromkeys(fired, "test-blocking")
