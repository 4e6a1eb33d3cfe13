"""Scale mode for real: the API on PostgreSQL enqueues an import on Redis, a `kakeibo worker` process runs it, and
its progress comes back through Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from kakeibo.core.settings import Settings
from tests.api_helpers import poll_job, sign_up, statement_csv
from tests.conftest import postgres_database, service_unavailable

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


@pytest.mark.postgres
def test_an_import_runs_on_a_celery_worker(tmp_path: Path, postgres_url: str, broker: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKEIBO_")}
    env.update(
        KAKEIBO_DATABASE_URL=postgres_url,
        KAKEIBO_REDIS_URL=broker,
        KAKEIBO_SECRET_KEY=SECRET,
        KAKEIBO_DATA_DIR=str(tmp_path),  # shared with the API: the upload waits there for the worker
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", "worker", "--concurrency", "1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "worker.log").open("w"),
    )
    try:
        from kakeibo.api.app import create_app

        settings = Settings(data_dir=tmp_path, database_url=postgres_url, redis_url=broker, secret_key=SECRET)
        app = create_app(settings)
        with TestClient(app) as client:
            user = sign_up(client)
            account = user.post("/accounts", {"name": "Checking"}).json()
            started = user.post(
                "/imports",
                files={"file": ("big.csv", statement_csv(8000), "text/csv")},
                data={"account_id": str(account["id"])},
            )
            assert started.status_code == 202, started.text

            def worker_alive() -> None:
                assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]

            job, progress = poll_job(user, started.json()["job"]["id"], timeout=120, still_alive=worker_alive)
            assert job["status"] == "succeeded", (job, (tmp_path / "worker.log").read_text()[-3000:])
            assert job["result"]["imported"] == 8000
            # Progress reached the API through Redis while the worker ran (not only at the end).
            assert any(0 < done < 8000 for done in progress), progress
            assert len(user.get("/transactions", params={"limit": 500}).json()["items"]) == 500
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
