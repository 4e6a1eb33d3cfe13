"""Jobs survive crashes, for real: a `kakeibo serve` killed (SIGKILL) or stopped (SIGTERM) in the middle of a big
import. After the restart the import ends once and whole; no job is left queued or running, no upload behind.
(A `kakeibo worker` killed mid-import: tests/test_scale_mode.py.)"""

from __future__ import annotations

import signal
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.api_helpers import statement_csv
from tests.cli_helpers import environment
from tests.job_helpers import BIG, assert_imported_once, ended, job_of, mid_import, start_import, uploads, wait_for
from tests.server_helpers import serving, signed_in

pytestmark = pytest.mark.slow

EMAIL = "crash@example.com"


def _job_rows(database: Path) -> list[tuple[str, str, str]]:
    """The job rows as the database holds them (while no server is running)."""
    with closing(sqlite3.connect(database)) as db:
        return list(db.execute("SELECT id, status, message FROM jobs ORDER BY created_at"))


@pytest.fixture
def embedded(tmp_path: Path) -> dict[str, str]:
    return environment(tmp_path / "data")


def test_an_import_killed_with_the_server_runs_again_at_the_next_start(
    tmp_path: Path, embedded: dict[str, str]
) -> None:
    data = tmp_path / "data"
    with serving(tmp_path, embedded) as server, closing(signed_in(server.url, EMAIL)) as client:
        account = client.post("/accounts", json={"name": "Checking"}).json()
        job_id = start_import(client, account["id"], statement_csv(BIG))
        wait_for("the import under way", job_of(client, job_id), mid_import, timeout=120)
        server.process.kill()  # SIGKILL: no shutdown code runs
        server.process.wait(timeout=10)
    # What the dead server left: the job stored as running (not "queued", as if it had never started) and its
    # upload, which the next start needs to run it again.
    assert [(row[0], row[1]) for row in _job_rows(data / "kakeibo.sqlite3")] == [(job_id, "running")]
    assert len(uploads(data)) == 1

    with serving(tmp_path, embedded, log_name="server2.log") as server, closing(signed_in(server.url, EMAIL)) as client:
        job = wait_for("the import run again", job_of(client, job_id), ended, timeout=180)
        assert job["status"] == "succeeded", job
        assert job["result"]["imported"] == BIG
        assert job["progress_done"] == job["progress_total"] == BIG
        assert_imported_once(client, account["id"], rows=BIG)
        assert uploads(data) == []


@pytest.mark.parametrize("grace", ["0", "120"])
def test_sigterm_finishes_the_running_import_or_hands_it_back(
    tmp_path: Path, embedded: dict[str, str], grace: str
) -> None:
    """SIGTERM lets the running import finish within the grace period. With none, it stops the import at once:
    the import rolls back and its job is queued again, to run at the next start."""
    data = tmp_path / "data"
    env = embedded | {"KAKEIBO_SHUTDOWN_GRACE_SECONDS": grace}
    with serving(tmp_path, env) as server, closing(signed_in(server.url, EMAIL)) as client:
        account = client.post("/accounts", json={"name": "Checking"}).json()
        job_id = start_import(client, account["id"], statement_csv(BIG))
        wait_for("the import under way", job_of(client, job_id), mid_import, timeout=120)
        server.process.send_signal(signal.SIGTERM)
        # It stops by itself (uvicorn ends a graceful shutdown by re-raising the signal, hence -SIGTERM).
        assert server.process.wait(timeout=180) in (0, -signal.SIGTERM), server.errors()
    [(_, status, message)] = _job_rows(data / "kakeibo.sqlite3")
    if grace == "0":
        assert (status, "stopped" in message) == ("queued", True), message
        assert len(uploads(data)) == 1
    else:
        assert status == "succeeded", message
        assert uploads(data) == []

    with serving(tmp_path, env, log_name="server2.log") as server, closing(signed_in(server.url, EMAIL)) as client:
        job = wait_for("the import after the restart", job_of(client, job_id), ended, timeout=180)
        assert job["status"] == "succeeded", job
        assert job["result"]["imported"] == BIG
        assert_imported_once(client, account["id"], rows=BIG)
        assert uploads(data) == []
