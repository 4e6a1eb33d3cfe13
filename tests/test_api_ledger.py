"""The ledger over real HTTP: accounts, transactions, filters, pages, reports, undo, and clear errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    return sign_up(client)


def _account(user: ApiUser, name: str = "Checking", **extra: Any) -> dict[str, Any]:
    body = {
        "name": name,
        "kind": "asset",
        "subtype": "checking",
        "currency": "USD",
        "opening_balance": "8500",
        "opening_date": "2026-01-01",
        **extra,
    }
    response = user.post("/accounts", body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _expense(user: ApiUser, account: int, amount: str, **extra: Any) -> dict[str, Any]:
    body = {
        "type": "expense",
        "account": account,
        "amount": amount,
        "date": "2026-03-14",
        "category": "Food & Dining/Coffee",
        "payee": "Blue Bottle",
        **extra,
    }
    response = user.post("/transactions", body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def test_friendly_expense_and_balance(user: ApiUser) -> None:
    checking = _account(user)
    tx = _expense(user, checking["id"], "4.75")
    assert tx["amount"] == "-4.75"
    assert tx["category"]["name"] == "Food & Dining/Coffee"
    assert tx["category_source"] == "user" and tx["category_locked"] is True
    assert user.get(f"/accounts/{checking['id']}").json()["balance"] == "8495.25"


def test_transfer_is_neither_income_nor_spending(user: ApiUser) -> None:
    checking = _account(user)
    savings = _account(user, "Savings", subtype="savings", opening_balance="0")
    _expense(user, checking["id"], "40.00", date="2026-03-02")
    moved = user.post(
        "/transactions",
        {
            "type": "transfer",
            "account": checking["id"],
            "to_account": savings["id"],
            "amount": "500",
            "date": "2026-03-03",
        },
    )
    assert moved.status_code == 201, moved.text
    summary = user.get("/reports/summary", params={"start": "2026-03-01", "end": "2026-03-31"}).json()
    assert summary["expenses"] == "40.00" and summary["income"] == "0.00"
    assert user.get(f"/accounts/{savings['id']}").json()["balance"] == "500.00"


@pytest.mark.parametrize(
    ("amount", "field"),
    [("abc", "amount"), ("1e309", "amount"), (12.5, "amount"), ("12.345", "amount"), ("NaN", "amount")],
)
def test_malformed_amounts_are_clear_4xx_and_write_nothing(user: ApiUser, amount: Any, field: str) -> None:
    checking = _account(user)
    response = user.post(
        "/transactions", {"type": "expense", "account": checking["id"], "amount": amount, "date": "2026-03-14"}
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"].startswith("/problems/")
    assert any(e["field"] == field for e in problem["errors"]), problem
    assert user.get("/transactions").json()["items"] == [
        tx for tx in user.get("/transactions").json()["items"] if tx["type"] == "opening"
    ]


def test_unknown_currency_bad_date_and_unbalanced(user: ApiUser) -> None:
    checking = _account(user)
    bad_currency = user.post(
        "/transactions",
        {"type": "expense", "account": checking["id"], "amount": "1", "currency": "XYZ", "date": "2026-03-14"},
    )
    assert bad_currency.status_code == 422 and "currency" in bad_currency.text
    bad_date = user.post(
        "/transactions", {"type": "expense", "account": checking["id"], "amount": "1", "date": "2026-02-30"}
    )
    assert bad_date.status_code == 422 and bad_date.json()["errors"][0]["field"] == "date"
    unbalanced = user.post(
        "/transactions",
        {
            "date": "2026-03-14",
            "postings": [
                {"account": checking["id"], "amount": "-10.00"},
                {"account": "Food & Dining/Groceries", "amount": "9.00"},
            ],
        },
    )
    assert unbalanced.status_code == 422
    assert unbalanced.json()["type"] == "/problems/unbalanced-transaction"
    assert len(user.get("/transactions", params={"type": "expense"}).json()["items"]) == 0


def test_split_update_delete_and_undo(user: ApiUser) -> None:
    checking = _account(user)
    split = user.post(
        "/transactions",
        {
            "date": "2026-03-10",
            "payee": "Costco",
            "postings": [
                {"account": checking["id"], "amount": "-120.00"},
                {"account": "Food & Dining/Groceries", "amount": "80.00"},
                {"account": "Shopping/Household Supplies", "amount": "40.00"},
            ],
        },
    )
    assert split.status_code == 201, split.text
    assert split.json()["type"] == "split"
    tx = _expense(user, checking["id"], "12.00")
    changed = user.patch(f"/transactions/{tx['id']}", {"amount": "20", "category": "Food & Dining/Restaurants"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["amount"] == "-20.00" and changed.json()["version"] == 2
    assert user.get(f"/accounts/{checking['id']}").json()["balance"] == "8360.00"
    assert user.post("/undo").json()["events"] == 1
    assert user.get(f"/transactions/{tx['id']}").json()["amount"] == "-12.00"
    assert user.delete(f"/transactions/{tx['id']}").status_code == 204
    assert user.get(f"/transactions/{tx['id']}").status_code == 404
    user.post("/undo")
    assert user.get(f"/transactions/{tx['id']}").status_code == 200
    assert user.get(f"/accounts/{checking['id']}").json()["balance"] == "8368.00"


def test_filters_keyset_pages_and_running_balance(user: ApiUser) -> None:
    checking = _account(user, opening_balance="1000")
    for day in range(1, 26):
        _expense(
            user,
            checking["id"],
            f"{day}.00",
            date=f"2026-04-{day:02d}",
            payee="Blue Bottle" if day % 2 else "Shell",
            tags=["weekday"] if day % 3 == 0 else [],
            category="Food & Dining/Coffee" if day % 2 else "Transportation/Fuel",
        )
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 7, "account": checking["id"], "type": "expense"}
        if cursor:
            params["cursor"] = cursor
        page = user.get("/transactions", params=params).json()
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 25
    register = user.get("/transactions", params={"account": checking["id"], "limit": 3}).json()["items"]
    assert [r["running_balance"] for r in register] == ["675.00", "700.00", "724.00"]
    fuel = user.get("/transactions", params={"category": "Transportation"}).json()["items"]
    assert len(fuel) == 12 and all(t["payee"] == "Shell" for t in fuel)
    assert len(user.get("/transactions", params={"q": "blue"}).json()["items"]) == 13
    assert len(user.get("/transactions", params={"min_amount": "10", "max_amount": "12"}).json()["items"]) == 3
    assert len(user.get("/transactions", params={"tag": "weekday"}).json()["items"]) == 8
    by_amount = user.get("/transactions", params={"sort": "amount", "type": "expense", "limit": 2}).json()["items"]
    assert [t["amount"] for t in by_amount] == ["-25.00", "-24.00"]


def test_summary_by_category_and_month(user: ApiUser) -> None:
    checking = _account(user)
    _expense(user, checking["id"], "10.00", date="2026-02-27")
    _expense(user, checking["id"], "30.00", date="2026-03-01", category="Food & Dining/Groceries")
    _expense(user, checking["id"], "5.00", date="2026-04-30")
    user.post(
        "/transactions",
        {
            "type": "income",
            "account": checking["id"],
            "amount": "100",
            "category": "Income/Salary",
            "date": "2026-03-15",
        },
    )
    report = user.get(
        "/reports/summary", params={"start": "2026-02-15", "end": "2026-04-30", "group_by": "category"}
    ).json()
    assert report["expenses"] == "45.00" and report["income"] == "100.00" and report["net"] == "55.00"
    assert report["savings_rate"] == "55.0"
    keys = {g["key"]: g["expenses"] for g in report["groups"]}
    assert keys["Food & Dining/Coffee"] == "15.00" and keys["Food & Dining/Groceries"] == "30.00"
    months = user.get(
        "/reports/summary", params={"start": "2026-02-01", "end": "2026-04-30", "group_by": "month"}
    ).json()["groups"]
    assert [(m["key"], m["expenses"]) for m in months] == [
        ("2026-02", "10.00"),
        ("2026-03", "30.00"),
        ("2026-04", "5.00"),
    ]
    food = user.get(
        "/reports/summary", params={"start": "2026-01-01", "end": "2026-12-31", "category": "Food & Dining"}
    ).json()
    assert food["expenses"] == "45.00" and food["income"] == "0.00"


def test_problem_json_for_unknown_ids_and_routes(user: ApiUser) -> None:
    missing = user.get("/transactions/999999")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert user.get("/nope").status_code == 404
    assert user.client.get("/api/v1/accounts").status_code == 401


def test_openapi_operation_ids_are_clean(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert {"transactions-create", "transactions-list", "reports-summary", "households-add_member"} <= set(ids)
    assert all(" " not in i and "_api_v1_" not in i for i in ids)


def test_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json()["database"] == "ok"
