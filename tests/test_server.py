"""The real server (`kakeibo serve` under uvicorn), not the in-process test client: a client reads its own writes.

The request's transaction commits before the response leaves; were it to commit after (FastAPI's default for
dependencies with `yield`), a fast client could get its 201 and then not find what it just wrote."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest

from tests.cli_helpers import environment
from tests.llm_server import Reply, chat_server
from tests.server_helpers import serving, signed_in


@contextmanager
def running_server(tmp_path: Path, **extra_env: str) -> Iterator[str]:
    with serving(tmp_path, environment(tmp_path) | extra_env) as running:
        yield running.url


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with running_server(tmp_path) as url:
        yield url


def test_every_write_is_visible_to_the_next_request(server: str) -> None:
    with closing(signed_in(server, "rw@example.com")) as client:
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


def test_a_slow_language_model_does_not_hold_up_other_writes(tmp_path: Path) -> None:
    """The assistant asks the model outside any write transaction: on SQLite, a 3 s model call must not make
    someone else's write wait for it (let alone fail after the database's busy timeout)."""
    with chat_server() as model:
        model.fallback = lambda body: Reply(text="no tool call, after a while", delay=3.0)
        env = {
            "KAKEIBO_LLM_BASE_URL": model.base_url,
            "KAKEIBO_LLM_MODEL": "slow-model",
            "KAKEIBO_LLM_MAX_RETRIES": "0",
        }
        with running_server(tmp_path, **env) as url, closing(signed_in(url, "slow@example.com")) as client:
            account = client.post("/accounts", json={"name": "Checking", "opening_balance": "100"}).json()
            conversation = client.post("/assistant/conversations", json={}).json()
            finished: dict[str, float] = {}

            def ask() -> None:
                with httpx.Client(base_url=f"{url}/api/v1", headers=client.headers, timeout=30) as other:
                    reply = other.post(
                        f"/assistant/conversations/{conversation['id']}/messages",
                        json={"text": "how much did I spend on coffee this month"},
                    )
                    assert reply.status_code == 200, reply.text
                    assert reply.json()["kind"] == "query"  # the model gave no tool call: the offline parser answered
                finished["ask"] = time.monotonic()

            asking = threading.Thread(target=ask)
            asking.start()
            while not model.requests:  # the model call is under way
                time.sleep(0.02)
            written = client.post(
                "/transactions",
                json={"type": "expense", "account": account["id"], "amount": "4.50", "date": "2026-11-20",
                      "category": "Food & Dining/Coffee"},
            )  # fmt: skip
            finished["write"] = time.monotonic()
            asking.join(timeout=30)
            assert written.status_code == 201, written.text
            assert finished["write"] < finished["ask"], "the write waited for the model"
