"""HTTP helpers for API tests: sign up through the real endpoints and carry the bearer token."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient


@dataclass
class ApiUser:
    client: TestClient
    email: str
    token: str
    household_id: int

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self.headers, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        return self.client.post(f"/api/v1{path}", json=json, headers=self.headers, **kwargs)

    def patch(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        return self.client.patch(f"/api/v1{path}", json=json, headers=self.headers, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.client.delete(f"/api/v1{path}", headers=self.headers, **kwargs)


def sign_up(client: TestClient, *, email: str | None = None, password: str = "correct horse battery") -> ApiUser:
    email = email or f"{uuid.uuid4().hex[:10]}@example.com"
    created = client.post("/api/v1/auth/register", json={"email": email, "password": password})
    assert created.status_code == 202, created.text
    token = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert token.status_code == 200, token.text
    body = token.json()
    return ApiUser(client=client, email=email, token=body["access_token"], household_id=body["household_id"])


def statement_csv(rows: int) -> bytes:
    """A generic bank CSV of `rows` distinct spending rows."""
    lines = "".join(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},SHOP {i % 50},-{1 + i % 90}.25\n" for i in range(rows))
    return ("Date,Description,Amount\n" + lines).encode()


def poll_job(
    user: ApiUser, job_id: str, *, timeout: float, still_alive: Callable[[], None] | None = None
) -> tuple[dict[str, Any], list[int]]:
    """Poll a job over HTTP until it ends; returns it and the progress seen on the way."""
    deadline = time.monotonic() + timeout
    progress: list[int] = []
    job: dict[str, Any] = {}
    while time.monotonic() < deadline:
        job = user.get(f"/jobs/{job_id}").json()
        progress.append(job["progress_done"])
        if job["status"] in ("succeeded", "failed"):
            break
        if still_alive is not None:
            still_alive()
        time.sleep(0.05)
    return job, progress
