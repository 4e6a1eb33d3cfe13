"""Recurring series over real HTTP on SQLite and PostgreSQL: the list and its fields, upcoming by date,
dismiss (kept after re-detection) and rename/confirm, problem+json for bad input, and another household that
can neither see nor dismiss them."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up


def _month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    """Checking with a gym paid on the 3rd since March (45.00, then 49.00 since August) and weekly groceries
    that vary too much to be a series."""
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "2000"}).json()
    rows = [(_month(dt.date(2026, 3, 3), i), "45.00" if i < 5 else "49.00", "CITY GYM 0042") for i in range(9)]
    rows += [(dt.date(2026, 9, 1) + dt.timedelta(days=7 * i), f"{40 + 13 * i}.25", "KROGER #512") for i in range(10)]
    for day, amount, payee in rows:
        made = user.post(
            "/transactions",
            {"type": "expense", "account": checking["id"], "category": "Food & Dining/Groceries",
             "amount": amount, "date": day.isoformat(), "payee": payee},
        )  # fmt: skip
        assert made.status_code == 201, made.text
    return user


def test_the_list_upcoming_and_a_dismissal_over_http(user: ApiUser, client: TestClient) -> None:
    listed = user.get("/recurring")
    assert listed.status_code == 200, listed.text
    [gym] = listed.json()
    assert {k: gym[k] for k in ("payee", "account", "kind", "cadence", "amount", "next_date", "status", "count")} == {
        "payee": "City Gym",
        "account": "Checking",
        "kind": "expense",
        "cadence": "monthly",
        "amount": "-49.00",
        "next_date": "2026-12-03",
        "status": "active",
        "count": 9,
    }
    assert (gym["previous_amount"], gym["price_changed_on"], gym["yearly_cost"]) == ("-45.00", "2026-08-03", "-588.00")
    assert len(gym["transaction_ids"]) == 9
    due = user.get("/recurring/upcoming?days=45").json()
    assert [(d["date"], d["payee"], d["amount"]) for d in due] == [
        ("2026-12-03", "City Gym", "-49.00"),
        ("2027-01-03", "City Gym", "-49.00"),
    ]

    # Another household neither sees it nor dismisses it.
    bob = sign_up(client)
    assert bob.get("/recurring?all=true").json() == []
    assert bob.post(f"/recurring/series/{gym['id']}/dismiss", {}).status_code == 404

    renamed = user.client.patch(f"/api/v1/recurring/series/{gym['id']}", json={"name": "Gym", "confirmed": True},
                                headers=user.headers)  # fmt: skip
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["payee"], renamed.json()["confirmed"]) == ("Gym", True)
    dismissed = user.post(f"/recurring/series/{gym['id']}/dismiss", {})
    assert dismissed.status_code == 200, dismissed.text
    assert dismissed.json()["status"] == "dismissed"
    assert user.get("/recurring").json() == []
    assert user.get("/recurring/upcoming").json() == []
    [kept] = user.get("/recurring?all=true").json()
    assert (kept["id"], kept["status"], kept["payee"]) == (gym["id"], "dismissed", "Gym")
    back = user.client.patch(f"/api/v1/recurring/series/{gym['id']}", json={"dismissed": False}, headers=user.headers)
    assert back.json()["status"] == "active"


def test_bad_input_is_a_problem(user: ApiUser) -> None:
    unknown = user.post("/recurring/series/0123456789/dismiss", {})
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert user.get("/recurring/upcoming?days=0").status_code == 422
    [gym] = user.get("/recurring").json()
    empty = user.client.patch(f"/api/v1/recurring/series/{gym['id']}", json={"name": ""}, headers=user.headers)
    assert empty.status_code == 422
    assert empty.headers["content-type"].startswith("application/problem+json")
