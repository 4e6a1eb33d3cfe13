"""Budgets over real HTTP on SQLite and PostgreSQL: a month's view, a category's amount, copy and mode, problem+json
for bad input, undo through the undo endpoint, and another household that can neither read nor write them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up


def put(user: ApiUser, path: str, body: Any) -> Any:
    return user.client.put(f"/api/v1{path}", json=body, headers=user.headers)


def category_id(user: ApiUser, path: str) -> int:
    return next(int(c["id"]) for c in user.get("/categories").json() if c["path"] == path)


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "2000"}).json()
    for kind, category, amount, day in [
        ("income", "Income/Salary", "3000", "2026-11-01"),
        ("expense", "Food & Dining/Groceries", "82.10", "2026-11-04"),
        ("income", "Food & Dining/Groceries", "12.10", "2026-11-06"),  # a refund
        ("expense", "Food & Dining/Groceries", "50.00", "2026-10-30"),
    ]:
        made = user.post(
            "/transactions",
            {"type": kind, "account": checking["id"], "category": category, "amount": amount, "date": day},
        )
        assert made.status_code == 201, made.text
    return user


def test_a_budget_set_over_http_shows_in_its_month(user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    put_month = put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "500.00", "rollover": True})
    assert put_month.status_code == 200, put_month.text
    month = user.get("/budgets/2026-11").json()
    assert month == put_month.json()
    assert (month["month"], month["currency"], month["mode"], month["to_budget"]) == (
        "2026-11",
        "USD",
        "tracking",
        None,
    )
    [line] = month["categories"]
    assert {k: line[k] for k in ("category", "budgeted", "spent", "rolled_over", "available", "rollover")} == {
        "category": "Food & Dining/Groceries",
        "budgeted": "500.00",
        "spent": "70.00",  # 82.10 less the 12.10 refund: what the month report says
        "rolled_over": "0.00",
        "available": "430.00",
        "rollover": True,
    }
    report = user.get("/reports/summary", params={"start": "2026-11-01", "end": "2026-11-30", "category": groceries})
    assert report.json()["expenses"] == line["spent"]
    assert line["pace"] == {"day": 23, "days": 30, "budget_to_date": "383.33", "projected": "91.30"}
    assert user.get("/budgets").json() == month  # the current month by default (today is 2026-11-23)


def test_copy_and_mode_over_http_and_envelope_to_budget(user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    assert put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "400"}).status_code == 200
    copied = user.post("/budgets/2026-12/copy", {"from": "2026-11"})
    assert copied.status_code == 200, copied.text
    assert copied.json()["month"] == "2026-12"
    assert copied.json()["categories"][0]["budgeted"] == "400.00"
    mode = put(user, "/budgets/settings/mode", {"mode": "envelope"})
    assert (mode.status_code, mode.json()) == (200, {"mode": "envelope"})
    december = user.get("/budgets/2026-12").json()
    # 3000 earned in November, 400 assigned in each month; groceries carry 400 - 70 into December.
    assert december["to_budget"] == "2200.00"
    assert december["categories"][0]["rolled_over"] == "330.00"
    assert december["categories"][0]["available"] == "730.00"


def test_a_budget_change_is_undone_through_the_undo_endpoint(user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "400"})
    put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "650"})
    undone = user.post("/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["summary"] == [
        "Changed the 2026-11 budget of Food & Dining/Groceries from 400.00 to 650.00 USD"
    ]
    assert user.get("/budgets/2026-11").json()["categories"][0]["budgeted"] == "400.00"
    events = user.get("/events").json()
    assert events[0]["entity"] == "budget" and events[0]["summary"].startswith("Undid: ")


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/budgets/2026-11/categories/{groceries}", {"amount": "-5"}, 422),
        ("/budgets/2026-11/categories/{groceries}", {"amount": "abc"}, 422),
        ("/budgets/2026-11/categories/{groceries}", {"amount": 5.5}, 422),  # a float is never money
        ("/budgets/2026-13/categories/{groceries}", {"amount": "5"}, 422),
        ("/budgets/2026-11/categories/{salary}", {"amount": "5"}, 422),
        ("/budgets/2026-11/categories/{transfer}", {"amount": "5"}, 422),
        ("/budgets/2026-11/categories/999999", {"amount": "5"}, 404),
        ("/budgets/settings/mode", {"mode": "zero-based"}, 422),
    ],
)
def test_bad_input_is_a_problem_and_writes_nothing(user: ApiUser, path: str, body: Any, status: int) -> None:
    ids = {
        "groceries": category_id(user, "Food & Dining/Groceries"),
        "salary": category_id(user, "Income/Salary"),
        "transfer": category_id(user, "Transfers/Savings"),
    }
    before = user.get("/events").json()
    answer = put(user, path.format(**ids), body)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert user.get("/events").json() == before
    assert user.get("/budgets/2026-11").json()["categories"] == []


def test_bad_months_and_copies_are_problems(user: ApiUser) -> None:
    assert user.get("/budgets/2026-13").status_code == 422
    assert user.get("/budgets/november").status_code == 422
    nothing = user.post("/budgets/2026-10/copy", {"from": "2026-09"})
    assert nothing.status_code == 422 and "no budget" in nothing.json()["detail"]
    assert user.post("/budgets/2026-00/copy", {"from": "2026-09"}).status_code == 422


def test_another_household_can_neither_read_nor_write_them(client: TestClient, user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "400"})
    stranger = sign_up(client)
    assert stranger.get("/budgets/2026-11").json()["categories"] == []
    # The first household's category id is not one of the stranger's: 404, and the budget stays as it was.
    assert put(stranger, f"/budgets/2026-11/categories/{groceries}", {"amount": "1"}).status_code == 404
    assert stranger.post("/budgets/2026-12/copy", {"from": "2026-11"}).status_code == 422
    assert stranger.post("/undo").status_code == 404  # nothing of theirs to undo
    assert user.get("/budgets/2026-11").json()["categories"][0]["budgeted"] == "400.00"
    assert user.get("/budgets/2026-12").json()["categories"] == []


def test_the_average_helper_over_http(user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    done = user.post(f"/budgets/2026-11/categories/{groceries}/average", {"months": 3})
    assert done.status_code == 200, done.text
    assert done.json()["categories"][0]["budgeted"] == "16.67"  # 50.00 over three months


def test_an_overspend_is_covered_from_to_budget_and_undone(user: ApiUser) -> None:
    groceries = category_id(user, "Food & Dining/Groceries")
    assert put(user, "/budgets/settings/mode", {"mode": "envelope"}).status_code == 200
    assert put(user, f"/budgets/2026-11/categories/{groceries}", {"amount": "50"}).status_code == 200
    before = user.get("/budgets/2026-11").json()
    assert (before["categories"][0]["available"], before["to_budget"]) == ("-20.00", "2950.00")
    covered = user.post(f"/budgets/2026-11/categories/{groceries}/cover")
    assert covered.status_code == 200, covered.text
    line = covered.json()["categories"][0]
    assert (line["budgeted"], line["available"], covered.json()["to_budget"]) == ("70.00", "0.00", "2930.00")
    again = user.post(f"/budgets/2026-11/categories/{groceries}/cover")
    assert again.status_code == 422, again.text
    assert "not overspent" in again.json()["detail"]
    assert user.post("/undo").json()["summary"] == [
        "Changed the 2026-11 budget of Food & Dining/Groceries from 50.00 to 70.00 USD"
    ]
    assert user.get("/budgets/2026-11").json()["categories"][0]["available"] == "-20.00"
