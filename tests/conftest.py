"""Test fixtures: every test runs on a real SQLite file and on a real PostgreSQL, built by the migrations,
inside a transaction that is rolled back afterwards."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.db import make_engine, migrate
from kakeibo.core.settings import Settings
from kakeibo.tasks import connect
from tests.cli_helpers import Cli, environment

# The domains' hooks, as the app, the worker and the CLI connect them (a household made by a test gets its books).
connect()

PG_ADMIN_URL = os.environ.get("PG_TEST_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REQUIRE_SERVICES = os.environ.get("KAKEIBO_REQUIRE_SERVICES") == "1"
SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = SHARED / "fixtures"
# The day every test takes as today, unless it pins another (tests/test_any_day.py runs the date-sensitive
# paths at month ends, New Year and a leap day), so the suite passes whatever the real date is.
TEST_TODAY = dt.date(2026, 11, 23)


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("KAKEIBO_SECRET_KEY", "test-secret-key-that-is-long-enough")
    # The commands, servers and workers tests start run in a temporary directory: a relative PYTHONPATH (`src`)
    # would miss this checkout there and quietly run whichever kakeibo is installed instead.
    if os.environ.get("PYTHONPATH"):
        entries = os.environ["PYTHONPATH"].split(os.pathsep)
        os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(entry).resolve()) for entry in entries if entry)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.date]:
    """Pin "today" in this process and, through KAKEIBO_TODAY, in every server or CLI a test starts."""
    monkeypatch.setenv(clock.TODAY_VARIABLE, TEST_TODAY.isoformat())
    with clock.pinned(TEST_TODAY):
        yield TEST_TODAY


def service_unavailable(what: str, reason: object) -> None:
    """Skip when a service is missing, unless CI demands every service (then fail loudly)."""
    message = f"{what} is not reachable ({reason}); start it or unset KAKEIBO_REQUIRE_SERVICES"
    if REQUIRE_SERVICES:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def shared_fixture(*parts: str) -> Path:
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared fixture {'/'.join(parts)} is absent (../shared is not beside this checkout)")
    return path


def _pg_url(name: str) -> str:
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@contextmanager
def postgres_database(prefix: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for the duration (its URL); skipped or failed when unreachable."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin_url = PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # psycopg raises OperationalError subclasses; any failure means "not reachable"
        service_unavailable("PostgreSQL", exc)
    url = _pg_url(name)
    try:
        migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    with postgres_database("kakeibo_test") as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Engine:
    name = "sqlite_engine" if request.param == "sqlite" else "postgres_engine"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    conn = engine.connect()
    outer = conn.begin()
    yield conn
    outer.rollback()
    conn.close()


@pytest.fixture
def bind_sessions(connection: Connection) -> sessionmaker[Session]:
    """Sessions that join the test's transaction: their commits become savepoints, rolled back at the end."""
    return sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)


@pytest.fixture
def session(bind_sessions: sessionmaker[Session]) -> Iterator[Session]:
    s = bind_sessions()
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url="sqlite:///unused",
        secret_key="test-secret-key-that-is-long-enough",
        base_currency="USD",
    )


@pytest.fixture
def app(settings: Settings, engine: Engine, bind_sessions: sessionmaker[Session]) -> FastAPI:
    from kakeibo.api.app import create_app
    from kakeibo.jobs.runners import ImmediateRunner

    application = create_app(settings, engine=engine)
    application.state.sessionmaker = bind_sessions
    # Jobs share the test's connection (rolled back at the end), so they run in the request's own thread.
    application.state.job_runner = ImmediateRunner(bind_sessions)
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def make_client(
    settings: Settings, engine: Engine, bind_sessions: sessionmaker[Session]
) -> Iterator[Callable[..., TestClient]]:
    """Clients of apps with their own settings (for example a small login limit), in the test's transaction."""
    from kakeibo.api.app import create_app

    with ExitStack() as stack:

        def make(**overrides: Any) -> TestClient:
            app = create_app(settings.model_copy(update=overrides), engine=engine)
            app.state.sessionmaker = bind_sessions
            return stack.enter_context(TestClient(app))

        yield make


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The real `kakeibo` command on a fresh SQLite file in a temporary data directory."""
    return Cli(cwd=tmp_path, env=environment(tmp_path / "data"))
