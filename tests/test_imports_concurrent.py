"""Two imports of one file at the same moment, on PostgreSQL, through a real server and its job threads: one
imports the rows, the other finds every one of them already there. (PostgreSQL runs writers side by side, so
without the household's write lock the second one failed on the fingerprints' unique constraint.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest

from kakeibo.core.db import make_engine, unit_of_work
from kakeibo.imports.service import ImportOptions, ImportReport, import_file
from tests.api_helpers import statement_csv
from tests.conftest import postgres_database
from tests.factories import make_account, make_household
from tests.server_helpers import signed_in
from tests.test_server import running_server

ROWS = 300


def _twice_at_once(work: Callable[[], None]) -> None:
    """`work` in two threads; it waits at a barrier of two, so both start their import together."""
    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _poll(client: httpx.Client, job_id: str) -> dict[str, Any]:
    for _ in range(600):
        job: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed"):
            return job
        threading.Event().wait(0.1)
    pytest.fail(f"job {job_id} did not finish")


@pytest.mark.postgres
def test_two_imports_of_one_file_at_once_report_duplicates(tmp_path: Path) -> None:
    with (
        postgres_database("kakeibo_concurrent") as url,
        running_server(tmp_path, KAKEIBO_DATABASE_URL=url) as server,
        closing(signed_in(server, "twice@example.com")) as client,
    ):
        account = client.post("/accounts", json={"name": "Checking", "opening_balance": "100"}).json()
        statement = statement_csv(ROWS)
        started: list[dict[str, Any]] = []
        gate = threading.Barrier(2)

        def upload() -> None:
            with httpx.Client(base_url=str(client.base_url), headers=client.headers, timeout=60) as own:
                gate.wait()
                response = own.post(
                    "/imports",
                    files={"file": ("statement.csv", statement, "text/csv")},
                    data={"account_id": str(account["id"])},
                )
                assert response.status_code == 202, response.text
                started.append(response.json()["job"])

        _twice_at_once(upload)
        assert len(started) == 2
        jobs = [_poll(client, job["id"]) for job in started]
        assert [job["status"] for job in jobs] == ["succeeded", "succeeded"], [job["error"] for job in jobs]
        figures = sorted((job["result"]["imported"], job["result"]["duplicates"]) for job in jobs)
        assert figures == [(0, ROWS), (ROWS, 0)]
        listed = client.get("/transactions", params={"account": account["id"], "limit": 500}).json()["items"]
        assert len([t for t in listed if t["type"] != "opening"]) == ROWS


@pytest.mark.postgres
def test_two_imports_in_their_own_transactions_serialize_in_the_service(tmp_path: Path) -> None:
    """The CLI's `kakeibo import` beside a server's job: the service takes the household's lock itself."""
    path = tmp_path / "statement.csv"
    path.write_bytes(statement_csv(ROWS))
    with postgres_database("kakeibo_concurrent") as url:
        engine = make_engine(url)
        try:
            with unit_of_work(engine) as session:
                home = make_household(session)
                account = make_account(session, home=home)
                actor, account_id = home.actor("import"), account.id
            reports: list[ImportReport] = []
            failures: list[BaseException] = []
            gate = threading.Barrier(2)

            def run() -> None:
                try:
                    with unit_of_work(engine) as session:
                        gate.wait()
                        options = ImportOptions(account_id=account_id)
                        reports.append(import_file(session, actor=actor, path=path, options=options))
                except BaseException as exc:
                    failures.append(exc)

            _twice_at_once(run)
            assert failures == []
            assert sorted((r.imported, r.duplicates) for r in reports) == [(0, ROWS), (ROWS, 0)]
        finally:
            engine.dispose()
