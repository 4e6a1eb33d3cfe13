"""Several captures confirmed at once, on a real `kakeibo serve` over SQLite and PostgreSQL: two "yes" messages
in the conversation at the same moment, or eight confirms of the proposal, record its items exactly once (one
event group), and the books stay whole (`kakeibo check`). The capture of several comes from a language model: a
local chat-completions server the server is pointed at answers the capture with an add_transactions tool call.

Two yeses, not eight: a message turn with a model holds three pooled connections at once on PostgreSQL (the
request's reading session, the turn's read, the usage record's own short write), so eight at once exhaust the
default pool (5 + 10) and wait on each other until the pool's timeout; that limit is the server's, not this
test's subject."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli_helpers import environment
from tests.conftest import postgres_database
from tests.llm_server import ChatServer, Reply, chat_server
from tests.server_helpers import signed_in
from tests.test_races import PARALLEL, Live
from tests.test_server import running_server

TODAY = "2026-11-23"


@contextmanager
def _live(tmp_path: Path, database_url: str | None) -> Iterator[tuple[Live, ChatServer]]:
    with chat_server() as model:
        model.fallback = lambda body: Reply(text="(no tool call)")
        extra = {"KAKEIBO_LLM_BASE_URL": model.base_url, "KAKEIBO_LLM_MODEL": "test-model"}
        extra |= {"KAKEIBO_DATABASE_URL": database_url} if database_url else {}
        env = environment(tmp_path) | extra
        with running_server(tmp_path, **extra) as url, closing(signed_in(url, "captures@example.com")) as client:
            yield Live(url=url, env=env, cwd=tmp_path, client=client), model


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Live, ChatServer]]:
    if request.param == "sqlite":
        with _live(tmp_path, None) as running:
            yield running
        return
    with postgres_database("kakeibo_capture_race") as url, _live(tmp_path, url) as running:
        yield running


def _item(amount: str, payee: str, category: str) -> dict[str, Any]:
    return {"amount": amount, "currency": "USD", "date": TODAY, "description": payee, "category": category}


def _propose_two(live: Live, model: ChatServer, conversation: int, first: str, second: str) -> dict[str, Any]:
    items = [_item(first, "Trader Joe's", "Food & Dining/Groceries"), _item(second, "pharmacy", "Health/Pharmacy")]
    model.script(Reply.tool_call("add_transactions", json.dumps({"items": items})))
    reply = live.client.post(
        f"/assistant/conversations/{conversation}/messages",
        json={"text": f"{first} at trader joe's and {second} at the pharmacy", "today": TODAY},
    )
    assert reply.status_code == 200, reply.text
    proposal = reply.json()["proposal"]
    assert proposal is not None and proposal["summary"].startswith("Record 2 expenses"), reply.json()
    return dict(proposal)


def _at_once(live: Live, count: int, send: Callable[[httpx.Client], httpx.Response]) -> list[httpx.Response]:
    """`send` from `count` clients released together; a 503 (busy, try again) is tried again, as a client would."""
    barrier = threading.Barrier(count)
    responses: list[httpx.Response] = []

    def one() -> None:
        with httpx.Client(base_url=f"{live.url}/api/v1", headers=live.client.headers, timeout=60) as own:
            own.get("/auth/me")
            barrier.wait(timeout=30)
            response = send(own)
            for _ in range(50):
                if response.status_code != 503:
                    break
                time.sleep(0.1)
                response = send(own)
            responses.append(response)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert len(responses) == count
    return responses


def _spent(live: Live) -> list[str]:
    listed = live.client.get("/transactions", params={"limit": 100}).json()["items"]
    return sorted(t["amount"] for t in listed if t["type"] == "expense")


def test_two_yeses_and_eight_confirms_of_several_captures_at_once_record_them_once(
    live: tuple[Live, ChatServer],
) -> None:
    server, model = live
    account = server.client.post("/accounts", json={"name": "Checking", "opening_balance": "100"}).json()
    conversation = server.client.post("/assistant/conversations", json={}).json()["id"]
    proposal = _propose_two(server, model, conversation, "38", "12")

    replies = _at_once(server, 2, lambda c: c.post(f"/assistant/conversations/{conversation}/messages",
                                                   json={"text": "yes", "today": TODAY}))  # fmt: skip
    assert Counter(r.status_code for r in replies) == {200: 2}, [r.text for r in replies]
    recorded = [r.json() for r in replies if r.json()["text"].startswith("Recorded 2 expenses")]
    assert len(recorded) == 1, [r.json()["text"] for r in replies]
    assert server.client.get(f"/assistant/proposals/{proposal['id']}").json()["status"] == "confirmed"
    assert _spent(server) == ["-12.00", "-38.00"]
    assert server.client.get(f"/accounts/{account['id']}").json()["balance"] == "50.00"

    again = _propose_two(server, model, conversation, "5", "7")
    confirms = server.all_at_once(lambda c: c.post(f"/assistant/proposals/{again['id']}/confirm"))
    assert Counter(r.status_code for r in confirms) == {200: 1, 409: PARALLEL - 1}, [r.text for r in confirms]
    assert _spent(server) == ["-12.00", "-38.00", "-5.00", "-7.00"]
    assert server.client.get(f"/accounts/{account['id']}").json()["balance"] == "38.00"
    groups = {
        e["group_id"]
        for e in server.client.get("/events", params={"limit": 50}).json()
        if e["entity"] == "transaction" and e["source"] == "assistant"
    }
    assert len(groups) == 2  # each proposal's items in one group of their own
    server.check()
