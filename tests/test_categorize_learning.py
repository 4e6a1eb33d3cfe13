"""Learning on a real database: a bulk correction learns in one pass (the model saved once), and retraining is a
job on the `ai` queue that rebuilds the household's model from what has been filed."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from kakeibo.categorize import learning
from kakeibo.categorize.model import CategoryModel
from kakeibo.jobs.service import queue_of
from tests.api_helpers import ApiUser, sign_up


def _statement(rows: int) -> bytes:
    lines = "".join(f"2026-10-{1 + i % 28:02d},CORNER SHOP {i},-{1 + i % 9}.50\n" for i in range(rows))
    return ("Date,Description,Amount\n" + lines).encode()


def _imported(user: ApiUser, rows: int) -> list[dict[str, Any]]:
    account = user.post("/accounts", {"name": "Checking"}).json()
    files = {"file": ("october.csv", _statement(rows), "text/csv")}
    started = user.post("/imports", files=files, data={"account_id": str(account["id"])})
    assert started.status_code == 202, started.text
    job = user.get(f"/jobs/{started.json()['job']['id']}").json()
    assert job["status"] == "succeeded", job
    items: list[dict[str, Any]] = user.get("/transactions", params={"limit": 200}).json()["items"]
    assert len(items) == rows
    return items


def _expense(user: ApiUser, account: int, payee: str, category: str) -> None:
    body = {"type": "expense", "account": account, "amount": "4.75", "date": "2026-03-14", "category": category}
    response = user.post("/transactions", {**body, "payee": payee})
    assert response.status_code == 201, response.text


def test_a_bulk_correction_loads_and_saves_the_model_once(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    user = sign_up(client)
    items = _imported(user, 30)
    saves: list[int] = []
    loads: list[int] = []
    real_save, real_load = learning.save_model, learning.load_model

    def counted_save(*args: Any, **kwargs: Any) -> None:
        saves.append(1)
        real_save(*args, **kwargs)

    def counted_load(*args: Any, **kwargs: Any) -> CategoryModel | None:
        loads.append(1)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(learning, "save_model", counted_save)
    monkeypatch.setattr(learning, "load_model", counted_load)
    corrected = user.post(
        "/review/correct", {"transaction_ids": [t["id"] for t in items], "category": "Food & Dining/Groceries"}
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["changed"] == 30
    assert len(saves) == 1 and len(loads) == 1
    # Every row was learned all the same: the model now files a corner shop it has seen under groceries.
    explained = user.get(f"/transactions/{items[0]['id']}/explain").json()
    assert explained["category"] == "Food & Dining/Groceries" and explained["locked"] is True


def test_retraining_is_a_job_that_rebuilds_the_model(client: TestClient) -> None:
    assert queue_of("retrain") == "ai"
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking"}).json()["id"]
    for payee, category in [
        ("Blue Bottle", "Food & Dining/Coffee"),
        ("Blue Bottle", "Food & Dining/Coffee"),
        ("Safeway", "Food & Dining/Groceries"),
        ("Safeway", "Food & Dining/Groceries"),
        ("Shell", "Transportation/Fuel"),
    ]:
        _expense(user, account, payee, category)
    started = user.post("/categorize/retrain")
    assert started.status_code == 202, started.text
    assert started.json()["kind"] == "retrain"
    job = user.get(f"/jobs/{started.json()['id']}").json()
    assert job["status"] == "succeeded", job
    assert job["result"] == {"examples": 5, "categories": 3}


def test_retraining_a_household_with_nothing_filed_learns_nothing(client: TestClient) -> None:
    user = sign_up(client)
    started = user.post("/categorize/retrain")
    assert started.status_code == 202, started.text
    job = user.get(f"/jobs/{started.json()['id']}").json()
    assert job["status"] == "succeeded", job
    assert job["result"] == {"examples": 0, "categories": 0}
