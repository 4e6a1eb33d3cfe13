"""Helpers for tests that follow a big import job over HTTP, against a real server or an app in this process."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api_helpers import ApiUser

BIG = 60_000  # rows of a big import: enough to be caught mid-way, an import of this many rows takes seconds
Api = httpx.Client | ApiUser  # the API of a real server, or of an app in this process


def csv_total(rows: int) -> Decimal:
    """The sum of `statement_csv(rows)`'s amounts: what the account's balance is once the file is in, once."""
    return -sum((Decimal(1 + i % 90) + Decimal("0.25") for i in range(rows)), Decimal(0))


def wait_for(
    what: str, probe: Callable[[], dict[str, Any]], done: Callable[[dict[str, Any]], bool], timeout: float
) -> dict[str, Any]:
    """Poll until `done(probe())`, failing with the last answer after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    seen: dict[str, Any] = {}
    while time.monotonic() < deadline:
        seen = probe()
        if done(seen):
            return seen
        time.sleep(0.1)
    pytest.fail(f"{what}: not within {timeout:.0f} s; last seen {seen}")


def mid_import(job: dict[str, Any]) -> bool:
    """Running, with some rows done and some still to do."""
    total = job["progress_total"]
    return job["status"] == "running" and total is not None and 0 < job["progress_done"] < total


def ended(job: dict[str, Any]) -> bool:
    return job["status"] in ("succeeded", "failed")


def start_import(client: Api, account_id: int, content: bytes, name: str = "big.csv") -> str:
    started = client.post("/imports", files={"file": (name, content, "text/csv")}, data={"account_id": str(account_id)})
    assert started.status_code == 202, started.text
    return str(started.json()["job"]["id"])


def job_of(client: Api, job_id: str) -> Callable[[], dict[str, Any]]:
    """A probe of the job, as the API shows it."""

    def probe() -> dict[str, Any]:
        answer = client.get(f"/jobs/{job_id}")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    return probe


def assert_imported_once(client: Api, account_id: int, *, rows: int) -> None:
    """The books hold the file once and whole: one import batch, every row, the exact balance."""
    batches = client.get("/imports").json()
    assert [batch["figures"]["imported"] for batch in batches] == [rows], batches
    accounts = client.get("/accounts", params={"at": "2026-12-31"}).json()  # the file's rows run to December
    [balance] = [account["balance"] for account in accounts if account["id"] == account_id]
    assert Decimal(balance) == csv_total(rows), balance


def uploads(data_dir: Path) -> list[Path]:
    """The uploads waiting for a job in this data directory."""
    folder = data_dir / "uploads"
    return sorted(folder.iterdir()) if folder.exists() else []
