"""Scale mode for real: the API on PostgreSQL enqueues an import on Redis, a `kakeibo worker` process runs it, and
its progress comes back through Redis; a worker killed in the middle of an import is replaced by another, which
finishes it, once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from kakeibo.core.settings import Settings
from tests.api_helpers import poll_job, sign_up, statement_csv
from tests.conftest import postgres_database, service_unavailable
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
def _worker(cwd: Path, env: dict[str, str], log: str = "worker.log") -> Iterator[subprocess.Popen[bytes]]:
    """A `kakeibo worker`, in its own process group: killing the group is its machine (or container) dying, pool
    processes and all."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", "worker", "--concurrency", "1"],
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
