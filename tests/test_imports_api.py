"""Imports over HTTP: preview, an import job to its end, the review queue and explanations."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from kakeibo.core.settings import Settings
from tests.api_helpers import poll_job, sign_up, statement_csv

STATEMENT = (
    "Date,Description,Amount\n"
    "2026-10-01,STARBUCKS STORE 12345 SEATTLE WA,-4.75\n"
    "2026-10-02,SHELL OIL 57444321,-48.20\n"
    "2026-10-03,KWIK CORNER 0042,-12.00\n"
)


def test_preview_import_review_and_explain(client: TestClient) -> None:
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    files = {"file": ("october.csv", STATEMENT.encode(), "text/csv")}
    preview = user.post("/imports/preview", files=files, data={"account_id": str(account["id"])})
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["format"] == "csv" and len(body["rows"]) == 3
    assert body["rows"][0]["category"] == "Food & Dining/Coffee"
    assert user.get("/transactions").json()["items"] == []  # a preview writes nothing

    started = user.post("/imports", files=files, data={"account_id": str(account["id"])})
    assert started.status_code == 202, started.text
    job = user.get(f"/jobs/{started.json()['job']['id']}").json()
    assert job["status"] == "succeeded", job
    assert job["result"]["imported"] == 3 and job["progress_done"] == 3
    assert len(user.get("/imports").json()) == 1

    again = user.post("/imports", files=files, data={"account_id": str(account["id"])}).json()
    result = user.get(f"/jobs/{again['job']['id']}").json()["result"]
    assert (result["imported"], result["duplicates"]) == (0, 3)

    queue = user.get("/review").json()
    kwik = next(item for item in queue if "Kwik" in item["transaction"]["payee"])
    assert kwik["transaction"]["category_source"] == "none"
    corrected = user.post(
        "/review/correct", {"transaction_ids": [kwik["transaction"]["id"]], "category": "Food & Dining/Groceries"}
    )
    assert corrected.status_code == 200, corrected.text
    explained = user.get(f"/transactions/{kwik['transaction']['id']}/explain").json()
    assert explained["category"] == "Food & Dining/Groceries" and explained["locked"] is True
    starbucks = next(t for t in user.get("/transactions").json()["items"] if "Starbucks" in t["payee"])
    why = user.get(f"/transactions/{starbucks['id']}/explain").json()
    assert why["source"] == "knowledge_base" and "Starbucks" in why["reason"]


def test_a_file_with_problems_fails_the_job_and_writes_nothing(client: TestClient) -> None:
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    bad = STATEMENT + "2026-02-30,BAD DATE,-1.00\n"
    started = user.post(
        "/imports", files={"file": ("bad.csv", bad.encode(), "text/csv")}, data={"account_id": str(account["id"])}
    ).json()
    job = user.get(f"/jobs/{started['job']['id']}").json()
    assert job["status"] == "failed"
    assert job["error"]["type"] == "/problems/import-has-problems"
    assert job["error"]["issues"][0]["line"] == 5
    assert user.get("/transactions").json()["items"] == []


def test_not_a_statement_is_a_clear_error(client: TestClient) -> None:
    user = sign_up(client)
    response = user.post("/imports/preview", files={"file": ("cat.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_background_runner_reports_progress_to_the_end(tmp_path: Path) -> None:
    """The real in-process runner (a thread pool) against a real SQLite file, polled over HTTP."""
    from kakeibo.api.app import create_app
    from kakeibo.core.db import make_engine, migrate

    url = f"sqlite:///{tmp_path / 'jobs.sqlite3'}"
    migrate(url)
    settings = Settings(data_dir=tmp_path, database_url=url, secret_key="test-secret-key-that-is-long-enough")
    app = create_app(settings, engine=make_engine(url))
    with TestClient(app) as client:
        user = sign_up(client)
        account = user.post("/accounts", {"name": "Checking"}).json()
        started = user.post(
            "/imports",
            files={"file": ("big.csv", statement_csv(6000), "text/csv")},
            data={"account_id": str(account["id"])},
        ).json()
        job, _ = poll_job(user, started["job"]["id"], timeout=60)
        assert job["status"] == "succeeded", job
        assert job["result"]["imported"] == 6000
        assert job["progress_done"] == 6000
    app.state.job_runner.shutdown()
