"""Savings goals over real HTTP on SQLite and PostgreSQL (today is 2026-11-23): a goal counting contributions and one
following an account, their figures, undo through the undo endpoint, problem+json for bad input with nothing
written, and another household that can neither read nor reach them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "5000", "opening_date": "2026-01-01"})
    savings = user.post("/accounts", {"name": "Savings", "subtype": "savings", "opening_date": "2026-01-01"})
    for day in ("2026-09-05", "2026-10-05"):
        moved = user.post(
            "/transactions",
            {
                "type": "transfer",
                "account": checking.json()["id"],
                "to_account": savings.json()["id"],
                "amount": "400",
                "date": day,
            },
        )
        assert moved.status_code == 201, moved.text
    return user


def account_id(user: ApiUser, name: str) -> int:
    return next(int(a["id"]) for a in user.get("/accounts").json() if a["name"] == name)


def test_a_goal_counting_contributions_over_http(user: ApiUser) -> None:
    made = user.post("/goals", {"name": "Trip fund", "target": "1000", "by": "2027-02-28"})
    assert made.status_code == 201, made.text
    goal = made.json()
    assert (goal["saved"], goal["accounts"], goal["projected_date"], goal["late"]) == ("0.00", [], None, False)
    for day in ("2026-08-10", "2026-10-10"):
        done = user.post(f"/goals/{goal['id']}/contributions", {"amount": "150", "date": day})
        assert done.status_code == 200, done.text
    shown = user.get(f"/goals/{goal['id']}").json()
    assert shown == done.json()
    assert {k: shown[k] for k in ("target", "saved", "remaining", "by", "monthly_needed", "pace")} == {
        "target": "1000.00",
        "saved": "300.00",
        "remaining": "700.00",
        "by": "2027-02-28",
        "monthly_needed": "233.34",  # 700.00 over the 3 whole months to Feb 23, rounded up
        "pace": "100.00",  # 300.00 in Aug-Oct
    }
    assert (shown["projected_date"], shown["on_track"]) == ("2027-06-23", False)  # 7 months at 100.00
    assert user.get("/goals").json() == [shown]


def test_a_goal_following_an_account_over_http(user: ApiUser) -> None:
    made = user.post(
        "/goals", {"name": "House", "target": "2000", "by": "2027-12-31", "accounts": [account_id(user, "Savings")]}
    )
    assert made.status_code == 201, made.text
    goal = made.json()
    assert {k: goal[k] for k in ("saved", "remaining", "monthly_needed", "pace", "projected_date", "on_track")} == {
        "saved": "800.00",
        "remaining": "1200.00",
        "monthly_needed": "92.31",  # 13 whole months to Dec 23, 2027
        "pace": "266.67",  # the balance rose 800.00 in Aug-Oct
        "projected_date": "2027-04-23",  # 4.5 months, rounded up to 5
        "on_track": True,
    }
    assert goal["accounts"] == ["Savings"]
    refused = user.post(f"/goals/{goal['id']}/contributions", {"amount": "10"})
    assert refused.status_code == 422 and "follows the balance" in refused.json()["detail"]


def test_goal_writes_are_undone_through_the_undo_endpoint(user: ApiUser) -> None:
    goal = user.post("/goals", {"name": "Laptop", "target": "900"}).json()
    user.post(f"/goals/{goal['id']}/contributions", {"amount": "120.50"})
    undone = user.post("/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["summary"] == ["Put 120.50 USD toward Laptop on 2026-11-23"]
    assert user.get(f"/goals/{goal['id']}").json()["saved"] == "0.00"
    assert user.delete(f"/goals/{goal['id']}").status_code == 204
    assert user.get("/goals").json() == []
    assert user.get(f"/goals/{goal['id']}").status_code == 404
    assert user.post("/undo").json()["summary"] == ["Removed the goal Laptop"]
    assert [g["name"] for g in user.get("/goals").json()] == ["Laptop"]
    events = user.get("/events").json()
    assert events[0]["entity"] == "goal" and events[0]["summary"] == "Undid: Removed the goal Laptop"


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/goals", {"name": "Boat", "target": "-5"}, 422),
        ("/goals", {"name": "Boat", "target": "0"}, 422),
        ("/goals", {"name": "Boat", "target": "abc"}, 422),
        ("/goals", {"name": "Boat", "target": 5.5}, 422),  # a float is never money
        ("/goals", {"name": "Boat", "target": "5", "by": "2026-02-30"}, 422),
        ("/goals", {"name": "Boat", "target": "5", "accounts": [999999]}, 404),
        ("/goals", {"name": "TRIP", "target": "5"}, 409),
        ("/goals/{trip}/contributions", {"amount": "-5"}, 422),
        ("/goals/{trip}/contributions", {"amount": "5", "date": "2026-11-24"}, 422),  # after today
        ("/goals/999999/contributions", {"amount": "5"}, 404),
    ],
)
def test_bad_input_is_a_problem_and_writes_nothing(user: ApiUser, path: str, body: Any, status: int) -> None:
    trip = user.post("/goals", {"name": "Trip", "target": "100"}).json()
    before = (user.get("/events").json(), user.get("/goals").json())
    answer = user.post(path.format(trip=trip["id"]), body)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert (user.get("/events").json(), user.get("/goals").json()) == before


def test_another_household_can_neither_read_nor_reach_them(client: TestClient, user: ApiUser) -> None:
    goal = user.post("/goals", {"name": "Trip", "target": "100"}).json()
    stranger = sign_up(client)
    assert stranger.get("/goals").json() == []
    assert stranger.get(f"/goals/{goal['id']}").status_code == 404
    assert stranger.post(f"/goals/{goal['id']}/contributions", {"amount": "5"}).status_code == 404
    assert stranger.delete(f"/goals/{goal['id']}").status_code == 404
    # The first household's account is not the stranger's to link.
    linked = stranger.post("/goals", {"name": "Mine", "target": "5", "accounts": [account_id(user, "Savings")]})
    assert linked.status_code == 404
    assert user.get(f"/goals/{goal['id']}").json()["saved"] == "0.00"
    assert stranger.post("/goals", {"name": "Trip", "target": "100"}).status_code == 201  # names are per household
