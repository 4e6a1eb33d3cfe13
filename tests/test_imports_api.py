"""Imports over HTTP: preview, an import job to its end, the review queue and explanations."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from kakeibo.core.settings import Settings
from kakeibo.imports.schemas import ImportJobError, ImportResult
from kakeibo.jobs.service import TASKS
from tests.api_helpers import poll_job, sign_up, statement_csv
from tests.conftest import shared_fixture

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


def test_the_preview_names_the_columns_as_the_server_read_them_past_the_preamble(client: TestClient) -> None:
    """ING DE: ISO-8859-1, 13 preamble lines before the header, two columns named "Währung". The mapping UI offers
    the header the server parsed, not the file's first line read as UTF-8."""
    path = shared_fixture("statements", "ing_de_test_with_saldo_1.csv")
    user = sign_up(client)
    files = {"file": (path.name, path.read_bytes(), "text/csv")}
    body = user.post("/imports/preview", files=files).json()
    assert body["profile"] == "ing-de"
    assert body["columns"] == [
        "Buchung",
        "Wertstellungsdatum",
        "Auftraggeber/Empfänger",
        "Buchungstext",
        "Verwendungszweck",
        "Saldo",
        "Währung",
        "Betrag",
        "Währung (2)",
    ]
    mapping = body["mapping"]
    assert {mapping["date_column"], mapping["amount_column"], mapping["payee_column"]} <= set(body["columns"])
    # A mapping edited in those names and sent back is read the same way.
    edited = {**mapping, "payee_column": "Buchungstext"}
    again = user.post("/imports/preview", files=files, data={"mapping": json.dumps(edited)})
    assert again.status_code == 200, again.text
    assert again.json()["columns"] == body["columns"]
    assert again.json()["rows"][0]["raw_payee"] == "Lastschrift"


def test_the_preview_columns_of_a_cp1252_n26_export(client: TestClient) -> None:
    """N26's export saved by a spreadsheet on Windows: cp1252, a "Café" in the rows and "Währung" in the header."""
    text = (
        '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference","Account Name",'
        '"Amount (EUR)","Original Amount","Original Currency","Exchange Rate","Währung"\n'
        '2024-03-01,2024-03-01,"Café Müller",,Presentment,"-","Main Account",-23.45,,,,EUR\n'
        '2024-03-02,2024-03-02,"REWE Markt",,Presentment,"-","Main Account",-5.10,,,,EUR\n'
    )
    user = sign_up(client)
    body = user.post("/imports/preview", files={"file": ("n26.csv", text.encode("cp1252"), "text/csv")}).json()
    assert body["profile"] == "n26"
    assert body["columns"][:3] == ["Booking Date", "Value Date", "Partner Name"]
    assert body["columns"][-1] == "Währung"
    assert [row["raw_payee"] for row in body["rows"]] == ["Café Müller", "REWE Markt"]


def test_a_statement_without_a_header_has_no_columns(client: TestClient) -> None:
    path = shared_fixture("statements", "quiffen_test.qif")
    user = sign_up(client)
    body = user.post("/imports/preview", files={"file": (path.name, path.read_bytes(), "text/plain")}).json()
    assert body["format"] == "qif" and body["columns"] == [] and body["mapping"] is None


def test_an_import_job_answers_its_typed_result(client: TestClient) -> None:
    """The job's result is the import's report, in the shape the OpenAPI schema gives the web client."""
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    files = {"file": ("october.csv", STATEMENT.encode(), "text/csv")}
    started = user.post("/imports", files=files, data={"account_id": str(account["id"])}).json()
    assert started["job"]["kind"] == "import"
    job = user.get(f"/jobs/{started['job']['id']}").json()
    result = ImportResult.model_validate(job["result"])
    assert (result.rows_read, result.imported, result.import_id is not None) == (3, 3, True)
    assert [row.outcome for row in result.rows] == ["imported"] * 3
    schema = client.get("/openapi.json").json()
    job_schema = schema["paths"]["/api/v1/jobs/{job_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    kinds = {ref["$ref"].rsplit("/", 1)[1] for ref in job_schema["schema"]["oneOf"]}
    assert kinds == {"ImportJobOut", "CategorizeJobOut", "RetrainJobOut"}
    # Every kind the app registers (tests register their own "test-..." kinds) has its typed job: else it answers 500.
    assert {kind for kind in TASKS if not kind.startswith("test-")} == {"import", "categorize", "retrain"}
    preview = schema["components"]["schemas"]["PreviewOut"]["properties"]
    assert preview["rows"]["items"]["$ref"].endswith("/PreviewRow") and "columns" in preview


def test_a_failed_import_job_lists_its_problem_rows_in_a_typed_error(client: TestClient) -> None:
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()
    bad = STATEMENT + "2026-02-30,BAD DATE,-1.00\n"
    files = {"file": ("bad.csv", bad.encode(), "text/csv")}
    started = user.post("/imports", files=files, data={"account_id": str(account["id"])}).json()
    job = user.get(f"/jobs/{started['job']['id']}").json()
    assert job["status"] == "failed"
    error = ImportJobError.model_validate(job["error"])
    assert error.issue_count == 1 and error.issues[0].line == 5 and error.status == 422
