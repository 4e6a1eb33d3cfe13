"""The assistant's planning answers over real HTTP on SQLite and PostgreSQL (today is 2026-11-23), in a household
with budgets, a savings goal and recurring series: what is left of a budget, setting one (a proposal; nothing is
written before the yes; undone by "undo"), subscriptions and what they cost, when a payment is due, how a goal is
going. Every figure is checked against the planning endpoints' own answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kakeibo.assistant.llm.service import llm_for
from tests.api_helpers import ApiUser, sign_up
from tests.llm_server import ChatServer, Reply, chat_server
from tests.test_assistant_api import Chat
from tests.test_budgets_api import category_id, put
from tests.test_llm import llm_settings


def _budget_line(user: ApiUser, category: str, month: str = "2026-11") -> dict[str, Any] | None:
    lines = user.get(f"/budgets/{month}").json()["categories"]
    return next((line for line in lines if line["category"] == category), None)


def _monthly(first: dt.date, count: int) -> list[dt.date]:
    return [
        dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, first.day)
        for i in range(count)
    ]


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    """Checking since January: salary and rent on the 1st, 200 to savings on the 20th, Netflix on the 5th (15.49, then 17.99 since August),
    Spotify on the 12th, groceries and a restaurant in November; November budgets for groceries (400) and
    restaurants (80); a trip fund of 3000 by mid 2027 with 600 put aside."""
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "5000", "opening_date": "2026-01-01"})
    account = checking.json()["id"]
    rows: list[tuple[str, str, str, dt.date, str]] = []
    for day in _monthly(dt.date(2026, 3, 1), 9):
        rows.append(("income", "Income/Salary", "3000.00", day, "Acme Payroll"))
        rows.append(("expense", "Housing/Rent", "1450.00", day, "Oak Street Properties"))
    for i, day in enumerate(_monthly(dt.date(2026, 3, 5), 9)):
        rows.append(("expense", "Entertainment/Streaming Services", "15.49" if i < 5 else "17.99", day, "Netflix"))
    for day in _monthly(dt.date(2026, 3, 12), 9):
        rows.append(("expense", "Entertainment/Music", "10.99", day, "Spotify"))
    rows += [
        ("expense", "Food & Dining/Groceries", "82.10", dt.date(2026, 11, 4), "Safeway"),
        ("expense", "Food & Dining/Groceries", "120.00", dt.date(2026, 11, 15), "Whole Foods"),
        ("expense", "Food & Dining/Groceries", "50.00", dt.date(2026, 10, 30), "Safeway"),
        ("expense", "Food & Dining/Restaurants", "95.00", dt.date(2026, 11, 10), "Nopa"),
    ]
    savings = user.post("/accounts", {"name": "Savings", "subtype": "savings", "opening_date": "2026-01-01"})
    for day in _monthly(dt.date(2026, 3, 20), 9):  # a transfer series: recurring, but no bill
        moved = user.post(
            "/transactions",
            {"type": "transfer", "account": account, "to_account": savings.json()["id"], "amount": "200",
             "date": day.isoformat()},
        )  # fmt: skip
        assert moved.status_code == 201, moved.text
    for kind, category, amount, day, payee in rows:
        made = user.post(
            "/transactions",
            {"type": kind, "account": account, "category": category, "amount": amount, "date": day.isoformat(),
             "payee": payee},
        )  # fmt: skip
        assert made.status_code == 201, made.text
    for category, amount in (("Food & Dining/Groceries", "400"), ("Food & Dining/Restaurants", "80")):
        done = put(user, f"/budgets/2026-11/categories/{category_id(user, category)}", {"amount": amount})
        assert done.status_code == 200, done.text
    goal = user.post("/goals", {"name": "Trip fund", "target": "3000", "by": "2027-06-30"})
    assert goal.status_code == 201, goal.text
    for day in ("2026-08-10", "2026-10-10"):
        put_aside = user.post(f"/goals/{goal.json()['id']}/contributions", {"amount": "300", "date": day})
        assert put_aside.status_code == 200, put_aside.text
    return user


def test_budget_questions_read_the_budgets_with_their_evidence(user: ApiUser) -> None:
    chat = Chat(user)
    groceries = _budget_line(user, "Food & Dining/Groceries")
    assert groceries is not None
    left = chat.say("how much is left in my groceries budget?")
    assert (left["kind"], left["value"], left["currency"]) == ("query", groceries["available"], "USD")
    assert left["value"] == "197.90"  # 400 budgeted, 82.10 + 120.00 spent
    [line] = left["evidence"]["budgets"]
    assert {k: line[k] for k in ("category", "budgeted", "spent", "available")} == {
        k: groceries[k] for k in ("category", "budgeted", "spent", "available")
    }
    report = user.get(
        "/reports/summary",
        params={"start": "2026-11-01", "end": "2026-11-30", "category": category_id(user, "Food & Dining/Groceries")},
    ).json()
    assert report["expenses"] == line["spent"] == "202.10"
    assert left["evidence"]["count"] == 2
    assert {t["payee"] for t in left["evidence"]["transactions"]} == {"Safeway", "Whole Foods"}
    assert "197.90 left" in left["text"] and "At this pace" in left["text"]

    over = chat.say("am I over budget this month?")
    assert over["value"] == "182.90"  # 480 budgeted less 297.10 spent
    assert "Food & Dining/Restaurants by 15.00" in over["text"]
    assert {b["category"] for b in over["evidence"]["budgets"]} == {
        "Food & Dining/Groceries",
        "Food & Dining/Restaurants",
    }
    dining = chat.say("how much is left in my dining budget")  # the group: its categories' budgets together
    assert dining["value"] == "182.90"
    # A category with no budget is compared with the usual spending, as before budgets existed.
    coffee = chat.say("how much budget do I have left for coffee?")
    assert coffee["kind"] == "query" and "There is no budget set on Food & Dining/Coffee" in coffee["text"]
    assert "budgets" not in coffee["evidence"] or coffee["evidence"]["budgets"] is None


def test_setting_a_budget_is_a_proposal_confirmed_then_undone(user: ApiUser) -> None:
    chat = Chat(user)
    proposed = chat.say("set the groceries budget to 600")
    assert proposed["kind"] == "set_budget"
    assert proposed["intent"] == {
        "kind": "set_budget",
        "category": "Food & Dining/Groceries",
        "amount": "600",
        "month": "2026-11-01",
        "change": None,
    }
    proposal = proposed["proposal"]
    assert (proposal["action"], proposal["status"]) == ("budget", "pending")
    assert proposal["diff"] == [
        {"field": "budget Food & Dining/Groceries 2026-11", "before": "400.00", "after": "600.00"}
    ]
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "400.00"  # type: ignore[index]
    assert user.get("/events").json()[0]["entity"] == "goal_contribution"  # the proposal wrote no event

    # A correction before the yes replaces the waiting proposal; it never sets a second budget.
    amended = chat.say("make it 650")
    assert amended["proposal"]["diff"][0]["after"] == "650.00" and amended["proposal"]["id"] != proposal["id"]
    assert user.get(f"/assistant/proposals/{proposal['id']}").json()["status"] == "cancelled"
    again = chat.say("make it 600")
    assert again["proposal"]["diff"][0]["after"] == "600.00"

    done = chat.say("yes")
    assert done["proposal"]["status"] == "confirmed" and done["proposal"]["event_group"]
    assert done["text"].startswith("Set the November 2026 budget of Food & Dining/Groceries to 600.00 USD")
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "600.00"  # type: ignore[index]
    latest = user.get("/events").json()[0]
    assert (latest["entity"], latest["group_id"]) == ("budget", done["proposal"]["event_group"])
    left = chat.say("how much is left in my groceries budget?")
    assert left["value"] == "397.90"

    undone = chat.say("undo")
    assert undone["proposal"]["action"] == "undo" and undone["proposal"]["status"] == "confirmed"
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "400.00"  # type: ignore[index]


def test_budget_changes_by_an_amount_for_a_month_and_what_is_refused(user: ApiUser) -> None:
    chat = Chat(user)
    raised = chat.say("raise the restaurants budget by 20")
    assert raised["proposal"]["diff"][0]["after"] == "100.00"
    confirmed = user.post(f"/assistant/proposals/{raised['proposal']['id']}/confirm")  # the API's own yes
    assert confirmed.status_code == 200, confirmed.text
    assert _budget_line(user, "Food & Dining/Restaurants")["budgeted"] == "100.00"  # type: ignore[index]

    december = chat.say("budget 300 for restaurants next month")
    assert december["intent"]["month"] == "2026-12-01"
    assert december["proposal"]["diff"][0] == {
        "field": "budget Food & Dining/Restaurants 2026-12",
        "before": None,
        "after": "300.00",
    }
    chat.say("yes")
    assert _budget_line(user, "Food & Dining/Restaurants", "2026-12")["budgeted"] == "300.00"  # type: ignore[index]

    # Asked for what is missing, then completed by the amount alone.
    asked = chat.say("set the coffee budget")
    assert asked["kind"] == "clarify" and asked["intent"]["missing"] == ["amount"]
    completed = chat.say("45")
    assert completed["kind"] == "set_budget" and completed["proposal"]["diff"][0]["after"] == "45.00"
    chat.say("no")
    assert _budget_line(user, "Food & Dining/Coffee") is None

    events = len(user.get("/events").json())
    salary = chat.say("set the salary budget to 50")
    assert salary["proposal"] is None and "income category" in salary["text"]
    too_far = chat.say("lower the groceries budget by 500")
    assert too_far["proposal"] is None and "cannot go down by more than that" in too_far["text"]
    group = chat.say("set the dining budget to 900")  # its categories have budgets of their own
    assert group["proposal"] is None and "not both" in group["text"]
    assert len(user.get("/events").json()) == events
    assert user.get("/budgets/2026-11").json()["categories"][0]["budgeted"] == "400.00"

    # A budget changed since it was proposed is not overwritten.
    stale = chat.say("set the groceries budget to 700")
    assert (
        put(
            user, f"/budgets/2026-11/categories/{category_id(user, 'Food & Dining/Groceries')}", {"amount": "450"}
        ).status_code
        == 200
    )
    refused = chat.say("yes")
    assert refused["proposal"] is None and "changed since this was proposed" in refused["text"]
    assert stale["proposal"]["status"] == "pending"
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "450.00"  # type: ignore[index]


def test_subscriptions_and_what_is_paid_every_month(user: ApiUser) -> None:
    chat = Chat(user)
    series = {s["payee"]: s for s in user.get("/recurring").json()}
    assert {"Netflix", "Spotify"} <= set(series)
    subscriptions = chat.say("what subscriptions do I have?")
    assert subscriptions["intent"]["category"] == "Subscriptions"
    listed = subscriptions["evidence"]["series"]
    assert {s["payee"] for s in listed} == {"Netflix", "Spotify"}  # rent is a bill; salary comes in
    for shown in listed:
        assert shown == series[shown["payee"]]
    assert (subscriptions["evidence"]["monthly_total"], subscriptions["evidence"]["yearly_total"]) == (
        "28.98",
        "347.76",
    )
    assert subscriptions["value"] == "28.98"
    assert "Netflix went from 15.49 to 17.99 on 2026-08-05" in subscriptions["text"]
    assert {t["payee"] for t in subscriptions["evidence"]["transactions"]} == {"Netflix", "Spotify"}

    streaming = chat.say("how much do I pay for streaming a year?")
    assert [s["payee"] for s in streaming["evidence"]["series"]] == ["Netflix"]
    assert streaming["evidence"]["yearly_total"] == "215.88" and "215.88 USD a year" in streaming["text"]

    # Issue 11's question now lists the detected series, with their amounts.
    monthly = chat.say("what do I pay every month")
    assert {s["payee"] for s in monthly["evidence"]["series"]} == {"Netflix", "Spotify", series_payee(series, "Rent")}
    assert monthly["value"] == "1478.98"
    assert "Netflix 17.99 monthly" in monthly["text"]


def series_payee(series: dict[str, dict[str, Any]], category_leaf: str) -> str:
    return next(name for name, one in series.items() if (one["category"] or "").endswith(category_leaf))


def test_when_payments_are_due(user: ApiUser) -> None:
    chat = Chat(user)
    rent = chat.say("when is rent due?")
    assert (rent["kind"], rent["intent"]["category"]) == ("recurring_due", "Housing/Rent")
    assert rent["value"] == "1450.00" and "next due 2026-12-01" in rent["text"]
    [shown] = rent["evidence"]["series"]
    assert shown["next_date"] == "2026-12-01" and shown["category"] == "Housing/Rent"

    netflix = chat.say("when's my next netflix payment")
    assert (netflix["value"], netflix["evidence"]["series"][0]["next_date"]) == ("17.99", "2026-12-05")
    paid = chat.say("when do I get paid next")
    assert paid["value"] == "3000.00" and "next expected 2026-12-01" in paid["text"]

    week = chat.say("what bills are due this week")
    assert week["value"] is None and week["text"] == "Nothing recurring is due from 2026-11-23 to 2026-11-29."
    upcoming = chat.say("upcoming bills")
    expected = [
        (u["date"], u["payee"], u["amount"])
        for u in user.get("/recurring/upcoming?days=30").json()
        if u["kind"] == "expense"
    ]
    assert [(u["date"], u["payee"], u["amount"]) for u in upcoming["evidence"]["upcoming"]] == expected
    assert [d for d, _, _ in expected] == ["2026-12-01", "2026-12-05", "2026-12-12"]
    every = user.get("/recurring/upcoming?days=30").json()
    assert {u["kind"] for u in every} == {"expense", "income", "transfer"}  # salary and savings are not bills
    assert upcoming["value"] == "1478.98"


def test_how_a_goal_is_going(user: ApiUser) -> None:
    chat = Chat(user)
    [goal] = user.get("/goals").json()
    trip = chat.say("how is the trip fund going?")
    assert (trip["kind"], trip["intent"]["name"]) == ("goal_status", "trip fund")
    assert trip["evidence"]["goals"] == [goal]
    assert trip["value"] == goal["saved"] == "600.00"
    assert f"600.00 of 3000.00 USD saved, {goal['remaining']} to go" in trip["text"]
    assert f"{goal['monthly_needed']} a month makes 2027-06-30" in trip["text"]
    every = chat.say("how are my savings goals doing")
    assert every["evidence"]["count"] == 1 and every["intent"]["name"] is None
    unknown = chat.say("how is the wedding fund going")
    assert (
        unknown["value"] is None
        and unknown["text"] == "No savings goal is called “wedding fund”; your goals: Trip fund."
    )


def test_a_read_only_key_may_ask_but_not_set_a_budget(client: TestClient, user: ApiUser) -> None:
    key = user.post("/api-keys", {"name": "read", "scope": "read"}).json()["key"]
    reader = ApiUser(client=client, email=user.email, token=key, household_id=user.household_id)
    chat = Chat(reader)
    assert chat.say("how much is left in my groceries budget?")["value"] == "197.90"
    assert chat.say("when is rent due?")["value"] == "1450.00"
    refused = chat.say("set the groceries budget to 600")
    assert refused["proposal"] is None and "only read" in refused["text"]
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "400.00"  # type: ignore[index]


# ---- the optional language model: the same intents, checked against the household's names ---------------------
@pytest.fixture
def server() -> Iterator[ChatServer]:
    with chat_server() as running:
        yield running


@pytest.fixture
def llm_app(app: FastAPI, server: ChatServer, tmp_path: Path) -> FastAPI:
    """The app with a language model pointing at this test's server (the other tests here have none)."""
    app.state.language_model = llm_for(llm_settings(server, tmp_path))
    return app


def test_the_model_may_propose_a_budget_and_ask_about_goals_and_due_dates(
    llm_app: FastAPI, server: ChatServer, user: ApiUser
) -> None:
    server.script(
        Reply.tool_call("set_budget", {"category": "food & dining/groceries", "amount": "650", "month": "2026-11-01"}),
        Reply(text="no"),  # every turn asks the model first; a plain "no" is the pending proposal's answer
        Reply.tool_call("goal_status", {"name": "trip fund"}),
        Reply.tool_call("recurring_due", {"category": "Housing/Rent"}),
        Reply.tool_call("set_budget", {"category": "Made Up/Thing", "amount": "5", "month": "2026-11-01"}),
    )
    chat = Chat(user)
    proposed = chat.say("make groceries six fifty")
    # The household's own spelling of the category, and a proposal like the offline parser's.
    assert proposed["intent"]["category"] == "Food & Dining/Groceries"
    assert proposed["proposal"]["diff"][0]["after"] == "650.00"
    tools = {t["function"]["name"]: t["function"] for t in server.requests[0]["tools"]}
    assert {"set_budget", "recurring_due", "goal_status"} <= set(tools)
    categories = tools["set_budget"]["parameters"]["properties"]["category"]["anyOf"][0]["enum"]
    assert "Food & Dining" in categories and "Food & Dining/Groceries" in categories
    assert chat.say("no")["proposal"]["status"] == "cancelled"

    assert chat.say("trip money?")["value"] == "600.00"
    assert chat.say("landlord when")["value"] == "1450.00"
    # A category the household does not have is not used: the offline parser reads the words instead.
    fallback = chat.say("set the groceries budget to 610")
    assert (
        fallback["intent"]["category"] == "Food & Dining/Groceries"
        and fallback["proposal"]["diff"][0]["after"] == "610.00"
    )
    assert len(server.requests) == 5
    assert _budget_line(user, "Food & Dining/Groceries")["budgeted"] == "400.00"  # type: ignore[index]
