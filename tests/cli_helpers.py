"""The real `kakeibo` command as a subprocess, for CLI tests (the `cli` fixture lives in conftest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECRET = "cli-test-secret-key-that-is-long-enough"


@dataclass
class Cli:
    cwd: Path
    env: dict[str, str]

    def __call__(self, *args: str, ok: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        finished = subprocess.run(
            [sys.executable, "-m", "kakeibo.cli.app", *args],
            cwd=self.cwd,  # no stray .env file is read from the checkout
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if ok:
            assert finished.returncode == 0, f"kakeibo {' '.join(args)}\n{finished.stdout}\n{finished.stderr}"
        return finished

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json").stdout)


def environment(data_dir: Path, database_url: str | None = None) -> dict[str, str]:
    # KAKEIBO_TODAY passes through: "today" is pinned for the commands a test runs as for the test itself.
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKEIBO_") or k == "KAKEIBO_TODAY"}
    env.update(KAKEIBO_DATA_DIR=str(data_dir), KAKEIBO_SECRET_KEY=SECRET)
    if database_url is not None:
        env["KAKEIBO_DATABASE_URL"] = database_url
    return env


@contextmanager
def postgres_database(prefix: str) -> Iterator[str]:
    """The URL of a PostgreSQL database of its own for one test, dropped afterwards (skipped, or failed under
    KAKEIBO_REQUIRE_SERVICES=1, when the server cannot be reached)."""
    import psycopg

    from tests.conftest import PG_ADMIN_URL, service_unavailable

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # any failure to reach the server means "not available"
        service_unavailable("PostgreSQL", exc)
    try:
        yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def cli_on(database: str, tmp_path: Path, *, prefix: str = "kakeibo_cli") -> Iterator[Cli]:
    """The real CLI over a fresh database: a SQLite file under `tmp_path`, or ("postgres") a migrated PostgreSQL
    database of its own."""
    if database == "sqlite":
        yield Cli(cwd=tmp_path, env=environment(tmp_path / "data"))
        return
    with postgres_database(prefix) as url:
        cli = Cli(cwd=tmp_path, env=environment(tmp_path / "data", url))
        cli("migrate")
        yield cli
