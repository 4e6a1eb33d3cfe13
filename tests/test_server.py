"""The real server (`kakeibo serve` under uvicorn), not the in-process test client: a client reads its own writes.

The request's transaction commits before the response leaves; were it to commit after (FastAPI's default for
dependencies with `yield`), a fast client could get its 201 and then not find what it just wrote."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli_helpers import environment


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = environment(tmp_path) | {"KAKEIBO_PORT": str(port)}
    subprocess.run([sys.executable, "-m", "kakeibo.cli.app", "migrate"], env=env, cwd=tmp_path, check=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("kakeibo serve did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_every_write_is_visible_to_the_next_request(server: str) -> None:
    with httpx.Client(base_url=f"{server}/api/v1", timeout=10) as client:
        client.post("/auth/register", json={"email": "rw@example.com", "password": "a long enough password"})
        token = client.post("/auth/token", data={"username": "rw@example.com", "password": "a long enough password"})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        account = client.post("/accounts", json={"name": "Checking", "opening_balance": "100"}).json()
        for n in range(1, 41):
            created = client.post(
                "/transactions",
                json={
                    "type": "expense",
                    "account": account["id"],
                    "amount": "1.00",
                    "date": "2026-11-20",
                    "category": "Food & Dining/Coffee",
                },
            )
            assert created.status_code == 201, created.text
            assert client.get(f"/accounts/{account['id']}").json()["balance"] == f"{100 - n}.00", f"write {n} unseen"
            deleted = client.delete(f"/transactions/{created.json()['id']}")
            assert deleted.status_code == 204
            assert client.get(f"/transactions/{created.json()['id']}").status_code == 404, f"delete {n} unseen"
            restored = client.post("/undo", json={})
            assert restored.status_code == 200, restored.text
            assert client.get(f"/transactions/{created.json()['id']}").status_code == 200, f"undo {n} unseen"
