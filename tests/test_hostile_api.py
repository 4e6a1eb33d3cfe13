"""Input a probe sends on purpose, answered 4xx as problem+json on SQLite and PostgreSQL alike, changing nothing:
names of deleted things, integers past 64 (or 32) bits, nulls for what a transaction must have, NUL characters,
dates past the supported range, sub-cent amounts."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up

BIG = 2**63  # one past the largest 64-bit id
INT4 = 2**31  # one past the largest PostgreSQL integer


def _problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    return dict(answer.json())


def _checking(user: ApiUser) -> dict[str, Any]:
    created = user.post("/accounts", {"name": "Checking", "opening_balance": "100"})
    assert created.status_code == 201, created.text
    return dict(created.json())


def _expense(user: ApiUser, account: dict[str, Any], amount: str = "10.00") -> dict[str, Any]:
    created = user.post(
        "/transactions",
        {"type": "expense", "account": account["id"], "amount": amount, "date": "2026-11-20",
         "category": "Food & Dining/Coffee"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    return dict(created.json())


def test_a_deleted_name_is_free_again_and_its_undo_refuses_a_clash(client: TestClient) -> None:
    user = sign_up(client)
    visa = user.post("/accounts", {"name": "Visa", "subtype": "credit_card"}).json()
    assert user.delete(f"/accounts/{visa['id']}").status_code == 204
    deleted_group = user.get("/events").json()[0]["group_id"]
    again = user.post("/accounts", {"name": "Visa", "subtype": "credit_card"})
    assert again.status_code == 201, again.text
    other = user.post("/accounts", {"name": "Old card", "subtype": "credit_card"}).json()
    # The old Visa cannot come back while the new one has its name.
    problem = _problem(user.post("/undo", {"group_id": deleted_group}), 409)
    assert "Visa" in problem["detail"]
    # Renaming onto a deleted name works too; onto a live one is a conflict.
    assert user.delete(f"/accounts/{again.json()['id']}").status_code == 204
    assert user.patch(f"/accounts/{other['id']}", {"name": "Visa"}).status_code == 200
    assert _problem(user.post("/accounts", {"name": "visa"}), 409)["errors"][0]["field"] == "name"
    # Categories: the same.
    gifts = user.post("/categories", {"name": "Gifts", "parent": "Shopping"}).json()
    assert user.delete(f"/categories/{gifts['id']}").status_code == 204
    assert user.post("/categories", {"name": "Gifts", "parent": "Shopping"}).status_code == 201
    coffee = next(c for c in user.get("/categories").json() if c["path"] == "Food & Dining/Coffee")
    renamed = user.patch(f"/categories/{coffee['id']}", {"name": "Coffee Shops"})
    assert renamed.status_code == 200, renamed.text
    assert user.delete(f"/categories/{renamed.json()['id']}").status_code == 204
    assert user.post("/categories", {"name": "Coffee Shops", "parent": "Food & Dining"}).status_code == 201


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", f"/transactions/{BIG}"),
        ("patch", f"/transactions/{BIG}"),
        ("delete", f"/accounts/{BIG}"),
        ("get", f"/categories/{BIG}"),
        ("get", f"/rules/{BIG}"),
        ("get", f"/imports/{BIG}"),
        ("get", f"/households/{BIG}"),
        ("get", f"/assistant/conversations/{BIG}"),
        ("get", f"/transactions?account={BIG}"),
        ("get", f"/events?before={BIG}"),
    ],
)
def test_ids_past_64_bits_are_refused_with_the_range(client: TestClient, method: str, path: str) -> None:
    user = sign_up(client)
    kwargs: dict[str, Any] = {"json": {"payee": "x"}} if method == "patch" else {}
    problem = _problem(getattr(client, method)(f"/api/v1{path}", headers=user.headers, **kwargs), 422)
    assert "9223372036854775807" in problem["detail"]


def test_big_integers_in_headers_bodies_lists_and_cursors_are_refused(client: TestClient) -> None:
    user = sign_up(client)
    account = _checking(user)
    spent = _expense(user, account)
    header = client.get("/api/v1/accounts", headers={**user.headers, "X-Household-Id": str(BIG)})
    assert _problem(header, 422)["errors"][0]["field"] == "x-household-id"
    cases = [
        ("/transactions", {"type": "expense", "account": BIG, "amount": "1", "date": "2026-11-20"}, "account"),
        ("/review/accept", {"transaction_ids": [spent["id"], BIG]}, "transaction_ids.1"),
        ("/rules", {"name": "r", "conditions": [{"field": "payee", "value": "x"}], "actions": {}, "priority": INT4},
         "priority"),
    ]  # fmt: skip
    for path, body, field in cases:
        assert _problem(user.post(path, body), 422)["errors"][0]["field"] == field, path
    assert _problem(user.patch(f"/accounts/{account['id']}", {"sort_order": INT4}), 422)["errors"][0]["field"] == (
        "sort_order"
    )
    assert _problem(user.patch(f"/transactions/{spent['id']}", {"version": INT4}), 422)["errors"][0]["field"] == (
        "version"
    )
    # A category named by an id past 64 bits is simply not found.
    assert user.get(f"/transactions?category={BIG}").status_code == 404
    forged = base64.urlsafe_b64encode(f"-date|2026-11-20|{BIG}".encode()).decode().rstrip("=")
    assert _problem(user.get(f"/transactions?cursor={forged}"), 422)["errors"][0]["field"] == "cursor"
    forged = base64.urlsafe_b64encode(f"-amount|{BIG * 10}|1".encode()).decode().rstrip("=")
    assert _problem(user.get(f"/transactions?cursor={forged}&sort=-amount"), 422)["errors"][0]["field"] == "cursor"
    assert user.get(f"/transactions/{spent['id']}").json()["version"] == spent["version"]  # nothing changed


def test_null_for_what_a_transaction_must_have_is_refused(client: TestClient) -> None:
    user = sign_up(client)
    spent = _expense(user, _checking(user))
    for field in ("account", "amount", "date", "status"):
        problem = _problem(user.patch(f"/transactions/{spent['id']}", {field: None}), 422)
        assert field in problem["detail"] and "cannot be null" in problem["detail"]
    assert user.get(f"/transactions/{spent['id']}").json() == spent


def test_nul_characters_are_refused_everywhere(client: TestClient) -> None:
    user = sign_up(client)
    account = _checking(user)
    problem = _problem(user.post("/accounts", {"name": "Sav\x00ings"}), 422)
    assert problem["errors"][0]["field"] == "name" and "NUL" in problem["detail"]
    body = {"type": "expense", "account": account["id"], "amount": "1", "date": "2026-11-20",
            "tags": ["ok", "b\x00d"]}  # fmt: skip
    assert _problem(user.post("/transactions", body), 422)["errors"][0]["field"] == "tags.1"
    assert _problem(user.get("/transactions?q=a%00b"), 422)["errors"][0]["field"] == "q"
    # Before anyone is signed in, too.
    token = client.post("/api/v1/auth/token", data={"username": "x\x00@example.com", "password": "whatever"})
    assert _problem(token, 422)["errors"][0]["field"] == "username"
    preview = user.post(
        "/imports/preview",
        files={"file": ("a.csv", b"Date,Description,Amount\n2026-11-01,Shop,-1.00\n", "text/csv")},
        data={"profile": "ch\x00ase"},
    )
    assert _problem(preview, 422)["errors"][0]["field"] == "profile"
    assert [a["name"] for a in user.get("/accounts").json()] == ["Checking"]


def test_one_range_of_dates_everywhere(client: TestClient) -> None:
    user = sign_up(client)
    account = _checking(user)
    for start, end in (("2026-01-01", "9999-12-31"), ("0001-01-01", "2026-12-31")):
        problem = _problem(user.get(f"/reports/summary?start={start}&end={end}"), 422)
        assert "1900-01-01 to 2199-12-31" in problem["detail"]
    body = {"type": "expense", "account": account["id"], "amount": "1", "date": "9999-12-31"}
    assert _problem(user.post("/transactions", body), 422)["errors"][0]["field"] == "date"
    assert _problem(user.post("/accounts", {"name": "Old", "opening_date": "1899-12-31"}), 422)
    assert user.post("/transactions", {**body, "date": "2199-12-31"}).status_code == 201
    assert user.get("/reports/summary?start=1900-01-01&end=2199-12-31").status_code == 200
    conversation = user.post("/assistant/conversations", {}).json()
    said = user.post(f"/assistant/conversations/{conversation['id']}/messages", {"text": "hi", "today": "9999-01-01"})
    assert _problem(said, 422)["errors"][0]["field"] == "today"


def test_the_assistant_answers_sub_cent_and_absurd_amounts_without_an_error(client: TestClient) -> None:
    user = sign_up(client)
    _checking(user)
    conversation = user.post("/assistant/conversations", {}).json()
    for text in ("$0.004 gum", "coffee 0.001 dollars", "spent 99999999999999999999 on food", "lunch 1e400"):
        said = user.post(
            f"/assistant/conversations/{conversation['id']}/messages", {"text": text, "today": "2026-11-23"}
        )
        assert said.status_code == 200, (text, said.text)
        assert said.json()["proposal"] is None, text
    assert [t for t in user.get("/transactions").json()["items"] if t["type"] == "expense"] == []
