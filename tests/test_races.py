"""Double clicks on a real server, on SQLite and on PostgreSQL: eight identical requests at once, one wins.

Each test fires 8 requests at the same moment (threads released by a barrier, each with its own connection) at a
real `kakeibo serve`, then checks the outcome a person expects — one undo, one confirmed proposal, one applied
change — and runs `kakeibo check` on the same database: rollups equal the postings, every transaction balances,
no stray postings, every undo whole and once."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli_helpers import environment
from tests.conftest import postgres_database
from tests.server_helpers import signed_in
from tests.test_server import running_server

PARALLEL = 8


@dataclass
class Live:
    url: str
    env: dict[str, str]
    cwd: Path
    client: httpx.Client

    def all_at_once(self, send: Callable[[httpx.Client], httpx.Response]) -> list[httpx.Response]:
        """`send` from PARALLEL clients at the same moment; their responses."""
        barrier = threading.Barrier(PARALLEL)
        responses: list[httpx.Response | BaseException] = [RuntimeError("not sent")] * PARALLEL

        def one(index: int) -> None:
            with httpx.Client(base_url=f"{self.url}/api/v1", headers=self.client.headers, timeout=60) as own:
                own.get("/auth/me")  # connected and warm before the barrier
                barrier.wait(timeout=30)
                try:
                    responses[index] = send(own)
                except BaseException as exc:  # reported below with the others
                    responses[index] = exc

        threads = [threading.Thread(target=one, args=(i,)) for i in range(PARALLEL)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        failed = [r for r in responses if isinstance(r, BaseException)]
        assert not failed, failed
        return [r for r in responses if isinstance(r, httpx.Response)]

    def check(self) -> dict[str, Any]:
        """`kakeibo check --json` on the server's database: every invariant must hold."""
        finished = subprocess.run(
            [sys.executable, "-m", "kakeibo.cli.app", "check", "--json"],
            env=self.env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        report: dict[str, Any] = json.loads(finished.stdout)
        problems = [p for c in report["checks"] for p in c["problems"]]
        assert finished.returncode == 0 and report["ok"], problems
        return report


@contextmanager
def _live(tmp_path: Path, database_url: str | None) -> Iterator[Live]:
    extra = {"KAKEIBO_DATABASE_URL": database_url} if database_url else {}
    env = environment(tmp_path) | extra
    with running_server(tmp_path, **extra) as url, closing(signed_in(url, "race@example.com")) as client:
        yield Live(url=url, env=env, cwd=tmp_path, client=client)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Live]:
    if request.param == "sqlite":
        with _live(tmp_path, None) as server:
            yield server
        return
    with postgres_database("kakeibo_race") as url, _live(tmp_path, url) as server:
        yield server


def _statuses(responses: list[httpx.Response]) -> Counter[int]:
    return Counter(r.status_code for r in responses)


def _account(live: Live, opening: str = "100") -> dict[str, Any]:
    created = live.client.post("/accounts", json={"name": "Checking", "opening_balance": opening})
    assert created.status_code == 201, created.text
    return dict(created.json())


def _expense(live: Live, account: dict[str, Any], amount: str, payee: str = "Corner Shop") -> dict[str, Any]:
    created = live.client.post(
        "/transactions",
        json={"type": "expense", "account": account["id"], "amount": amount, "date": "2026-11-20", "payee": payee,
              "category": "Food & Dining/Groceries"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    return dict(created.json())


def _balance(live: Live, account: dict[str, Any]) -> str:
    return str(live.client.get(f"/accounts/{account['id']}").json()["balance"])


def _november(live: Live) -> dict[str, Any]:
    summary = live.client.get("/reports/summary", params={"start": "2026-11-01", "end": "2026-11-30"})
    assert summary.status_code == 200, summary.text
    return dict(summary.json())


def test_undoing_one_change_eight_times_at_once_undoes_it_once(live: Live) -> None:
    account = _account(live)
    _expense(live, account, "10.00")
    group = live.client.get("/events").json()[0]["group_id"]
    responses = live.all_at_once(lambda c: c.post("/undo", json={"group_id": group}))
    assert _statuses(responses) == {200: 1, 409: PARALLEL - 1}, [r.text for r in responses]
    assert _balance(live, account) == "100.00"
    assert _november(live)["expenses"] == "0.00"
    live.check()


def test_undo_the_latest_eight_times_at_once_undoes_one_change_at_a_time(live: Live) -> None:
    """Without a group each undo takes the latest change left: they run one after another, never twice on one."""
    account = _account(live)
    for amount in ("1.00", "2.00", "3.00", "4.00", "5.00", "6.00", "7.00", "8.00", "9.00"):
        _expense(live, account, amount)
    responses = live.all_at_once(lambda c: c.post("/undo", json={}))
    assert _statuses(responses) == {200: PARALLEL}, [r.text for r in responses]
    undone = sorted(r.json()["group_id"] for r in responses)
    assert len(set(undone)) == PARALLEL  # eight different changes
    assert _balance(live, account) == "99.00"  # only the first expense is left
    assert _november(live)["expenses"] == "1.00"
    live.check()


def test_confirming_a_proposal_eight_times_at_once_records_it_once(live: Live) -> None:
    account = _account(live)
    conversation = live.client.post("/assistant/conversations", json={}).json()
    reply = live.client.post(
        f"/assistant/conversations/{conversation['id']}/messages",
        json={"text": "twelve dollars at the corner shop for groceries", "today": "2026-11-23"},
    ).json()
    proposal = reply["proposal"]["id"]
    responses = live.all_at_once(lambda c: c.post(f"/assistant/proposals/{proposal}/confirm"))
    assert _statuses(responses) == {200: 1, 409: PARALLEL - 1}, [r.text for r in responses]
    listed = live.client.get("/transactions", params={"limit": 100}).json()["items"]
    assert [t["amount"] for t in listed if t["type"] == "expense"] == ["-12.00"]
    assert _balance(live, account) == "88.00"
    # Confirm and cancel racing each other: one of them decides.
    again = live.client.post(
        f"/assistant/conversations/{conversation['id']}/messages",
        json={"text": "five dollars at the corner shop for groceries", "today": "2026-11-23"},
    ).json()["proposal"]["id"]
    mixed = live.all_at_once(
        lambda c: c.post(f"/assistant/proposals/{again}/{'confirm' if threading.get_ident() % 2 else 'cancel'}")
    )
    assert _statuses(mixed)[200] == 1, [r.text for r in mixed]
    decided = live.client.get(f"/assistant/proposals/{again}").json()["status"]
    expenses = [t for t in live.client.get("/transactions").json()["items"] if t["type"] == "expense"]
    assert len(expenses) == (2 if decided == "confirmed" else 1)
    live.check()


def test_confirming_an_undo_proposal_eight_times_at_once_undoes_once(live: Live) -> None:
    account = _account(live)
    _expense(live, account, "10.00")
    conversation = live.client.post("/assistant/conversations", json={}).json()
    reply = live.client.post(
        f"/assistant/conversations/{conversation['id']}/messages",
        # The expense was made outside this conversation: a bare "undo" would not reach it, so it is named.
        json={"text": "undo the last change in the household", "today": "2026-11-23"},
    ).json()
    proposal = reply["proposal"]["id"]
    responses = live.all_at_once(lambda c: c.post(f"/assistant/proposals/{proposal}/confirm"))
    assert _statuses(responses) == {200: 1, 409: PARALLEL - 1}, [r.text for r in responses]
    assert _balance(live, account) == "100.00"
    live.check()


def test_changing_one_version_eight_times_at_once_changes_it_once(live: Live) -> None:
    account = _account(live)
    spent = _expense(live, account, "10.00")
    amounts = iter(f"{n}.00" for n in range(11, 11 + PARALLEL))
    lock = threading.Lock()

    def change(client: httpx.Client) -> httpx.Response:
        with lock:
            amount = next(amounts)
        return client.patch(f"/transactions/{spent['id']}", json={"amount": amount, "version": spent["version"]})

    responses = live.all_at_once(change)
    assert _statuses(responses) == {200: 1, 409: PARALLEL - 1}, [r.text for r in responses]
    winner = next(r.json() for r in responses if r.status_code == 200)
    assert _balance(live, account) == f"{100 - int(winner['amount'].lstrip('-').split('.')[0])}.00"
    live.check()


def test_deleting_one_transaction_eight_times_at_once_deletes_it_once(live: Live) -> None:
    account = _account(live)
    spent = _expense(live, account, "10.00")
    responses = live.all_at_once(lambda c: c.delete(f"/transactions/{spent['id']}"))
    assert _statuses(responses) == {204: 1, 404: PARALLEL - 1}, [r.text for r in responses]
    assert _balance(live, account) == "100.00"
    assert _november(live)["expenses"] == "0.00"
    live.check()


def test_review_accept_correct_and_rule_apply_at_once_keep_the_books_whole(live: Live) -> None:
    account = _account(live, "1000")
    rows = "".join(f"2026-11-{1 + i % 20:02d},ZORBLAX {i % 3},-{5 + i}.00\n" for i in range(24))
    imported = live.client.post(
        "/imports",
        files={"file": ("nov.csv", ("Date,Description,Amount\n" + rows).encode(), "text/csv")},
        data={"account_id": str(account["id"])},
    )
    assert imported.status_code == 202, imported.text
    job = imported.json()["job"]["id"]
    for _ in range(600):
        state = live.client.get(f"/jobs/{job}").json()
        if state["status"] in ("succeeded", "failed"):
            break
        threading.Event().wait(0.05)
    assert state["status"] == "succeeded", state
    ids = [t["id"] for t in live.client.get("/transactions", params={"q": "zorblax", "limit": 100}).json()["items"]]
    assert len(ids) == 24
    rule = live.client.post(
        "/rules",
        json={"name": "Zorblax", "conditions": [{"field": "payee", "op": "contains", "value": "zorblax"}],
              "actions": {"category": "Shopping/Electronics"}},
    )  # fmt: skip
    assert rule.status_code == 201, rule.text
    calls = [
        lambda c: c.post("/rules/apply"),
        lambda c: c.post("/review/accept", json={"transaction_ids": ids[:12]}),
        lambda c: c.post("/review/correct", json={"transaction_ids": ids[12:], "category": "Shopping/Electronics"}),
        lambda c: c.post("/rules/apply"),
    ]
    turn = iter(range(PARALLEL))
    lock = threading.Lock()

    def one(client: httpx.Client) -> httpx.Response:
        with lock:
            index = next(turn)
        return calls[index % len(calls)](client)

    responses = live.all_at_once(one)
    assert all(r.status_code in (200, 409) for r in responses), [r.text for r in responses]
    assert _statuses(responses)[200] >= 4, [r.text for r in responses]
    listed = live.client.get("/transactions", params={"q": "zorblax", "limit": 100}).json()["items"]
    assert {t["category"]["name"] for t in listed} <= {"Shopping/Electronics", "Uncategorized"}
    assert _november(live)["expenses"] == f"{sum(5 + i for i in range(24))}.00"
    live.check()


@pytest.mark.postgres
def test_without_the_household_lock_the_rows_still_refuse_a_second_writer() -> None:
    """The household lock serializes a request's writes; the rows hold by themselves too, for any path that forgot
    it. Two sessions interleaved by hand on PostgreSQL: each read the same version, the first commits, the second's
    change of that version, its undo of the same group and its decision on the same proposal are refused."""
    from sqlalchemy.orm import Session

    from kakeibo.assistant import repository as assistant_repo
    from kakeibo.assistant.models import Proposal
    from kakeibo.core import clock
    from kakeibo.core.db import make_engine, session_factory, session_scope
    from kakeibo.core.errors import Conflict
    from kakeibo.ledger import repository as ledger_repo
    from kakeibo.ledger import service as ledger
    from kakeibo.ledger.models import Transaction
    from kakeibo.ledger.schemas import TransactionUpdate
    from tests.factories import make_account, make_household, make_transaction

    with postgres_database("kakeibo_rows") as url:
        engine = make_engine(url)
        factory = session_factory(engine)
        try:
            with session_scope(factory, write=True) as setup:
                home = make_household(setup)
                account = make_account(setup, home=home, opening="100")
                spent = make_transaction(setup, home=home, account=account, amount="10.00")
                group = ledger_repo.latest_undoable_group(setup, household_id=home.household.id)
                setup.add(
                    Proposal(id="p-1", household_id=home.household.id, action="create", summary="", payload={},
                             diff=[], expires_at=clock.now() + dt.timedelta(minutes=5))
                )  # fmt: skip
            assert group is not None

            def change(session: Session, amount: str) -> None:
                ledger.update_transaction(
                    session, actor=home.actor(), transaction_id=spent.id, data=TransactionUpdate(amount=amount),

                )  # fmt: skip

            with pytest.raises(Conflict, match="changed by someone else"), session_scope(factory, write=True) as late:
                seen = late.get(Transaction, spent.id)  # held: the session keeps what it read only while it is used
                assert seen is not None and seen.version == 1
                with session_scope(factory, write=True) as first:  # read the same version, changed it, committed
                    change(first, "11.00")
                change(late, "12.00")
            with session_scope(factory, write=False) as after:
                assert after.get(Transaction, spent.id).amount_minor == -1100  # type: ignore[union-attr]
            # One undo claims a group's events; a second claim of the same group marks none.
            with session_scope(factory, write=True) as one, session_scope(factory, write=True) as two:
                events = len(ledger_repo.events_of_group(one, household_id=home.household.id, group_id=group))
                assert (
                    ledger_repo.claim_group_for_undo(
                        one, household_id=home.household.id, group_id=group, at=clock.now()
                    )
                    == events
                )
                one.commit()
                assert (
                    ledger_repo.claim_group_for_undo(
                        two, household_id=home.household.id, group_id=group, at=clock.now()
                    )
                    == 0
                )
            # One decision on a proposal; the second finds it decided.
            with session_scope(factory, write=True) as one, session_scope(factory, write=True) as two:
                decide = assistant_repo.decide_proposal
                assert decide(
                    one, household_id=home.household.id, proposal_id="p-1", status="confirmed", at=clock.now()
                )
                one.commit()
                assert not decide(two, household_id=home.household.id, proposal_id="p-1", status="cancelled",
                                  at=clock.now())  # fmt: skip
        finally:
            engine.dispose()
