"""The paths where the calendar matters, run at "todays" that break naive date arithmetic: a month's last day,
New Year's Day, a leap day, the year's last day. Every other test runs at one pinned day (conftest.TEST_TODAY);
these show the answers move with the day, through the API, the assistant and the CLI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from kakeibo.core import clock
from tests.api_helpers import ApiUser, sign_up
from tests.cli_helpers import Cli

DAYS = [dt.date(2026, 1, 31), dt.date(2027, 1, 1), dt.date(2028, 2, 29), dt.date(2026, 12, 31)]


def _first(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_before(day: dt.date) -> dt.date:
    return (_first(day) - dt.timedelta(days=1)).replace(day=1)


@pytest.fixture(params=DAYS, ids=[d.isoformat() for d in DAYS])
def day(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dt.date:
    chosen: dt.date = request.param
    monkeypatch.setenv(clock.TODAY_VARIABLE, chosen.isoformat())
    clock.pin(chosen)  # the autouse `today` fixture restores the suite's day afterwards
    return chosen


def _spend(user: ApiUser, account: int, amount: str, on: dt.date) -> None:
    created = user.post(
        "/transactions",
        {"type": "expense", "account": account, "amount": amount, "date": on.isoformat(),
         "category": "Food & Dining/Coffee", "payee": "Cafe"},
    )  # fmt: skip
    assert created.status_code == 201, created.text


def _say(user: ApiUser, conversation: int, text: str) -> dict[str, object]:
    said = user.post(f"/assistant/conversations/{conversation}/messages", {"text": text})  # no "today": the clock's
    assert said.status_code == 200, said.text
    return dict(said.json())


def test_this_month_last_month_and_yesterday_follow_the_day(client: TestClient, day: dt.date) -> None:
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking", "opening_balance": "1000"}).json()
    assert account["opening_date"] == day.isoformat()  # an opening date defaults to today
    last = _month_before(day)
    three_before = _month_before(_month_before(last))
    _spend(user, account["id"], "5.00", day)
    _spend(user, account["id"], "7.00", _first(day))
    _spend(user, account["id"], "30.00", last)
    _spend(user, account["id"], "60.00", _month_before(last))
    _spend(user, account["id"], "90.00", three_before)
    conversation = user.post("/assistant/conversations", {}).json()["id"]
    this_month = _say(user, conversation, "how much did I spend on coffee this month?")
    assert this_month["value"] == "12.00"
    assert this_month["query"]["start"] == _first(day).isoformat()  # type: ignore[index]
    previous = _say(user, conversation, "and last month?")
    assert previous["value"] == "30.00"
    assert previous["query"]["start"] == last.isoformat()  # type: ignore[index]
    assert previous["query"]["end"] == (_first(day) - dt.timedelta(days=1)).isoformat()  # type: ignore[index]
    # The usual month is the average of the three whole months before this one: (30 + 60 + 90) / 3.
    left = _say(user, conversation, "how much budget do I have left for coffee?")
    assert left["value"] == "48.00"  # 60 usual - 12 so far
    forecast = _say(user, conversation, "how much will I spend on coffee this month?")
    days_in_month = ((_first(day) + dt.timedelta(days=32)).replace(day=1) - _first(day)).days
    remaining = days_in_month - day.day
    rest = int(Decimal(6000) * 12 / 365 * remaining) / 100
    assert Decimal(str(forecast["value"])) == Decimal("12.00") + Decimal(str(rest)).quantize(Decimal("0.01"))
    # A capture "yesterday" lands on the day before, across month and year ends.
    capture = _say(user, conversation, "twenty bucks for lunch yesterday")
    assert capture["proposal"]["diff"]  # type: ignore[index]
    confirmed = user.post(f"/assistant/proposals/{capture['proposal']['id']}/confirm")  # type: ignore[index]
    assert confirmed.status_code == 200, confirmed.text
    lunch = next(t for t in user.get("/transactions").json()["items"] if t["amount"] == "-20.00")
    assert lunch["date"] == (day - dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize("day", [dt.date(2027, 1, 1), dt.date(2028, 2, 29)], ids=["new-year", "leap-day"])
def test_the_command_line_reports_follow_the_day(cli: Cli, day: dt.date) -> None:
    """Each command is a process of its own, so these are few: the API test above covers every day."""
    cli.env[clock.TODAY_VARIABLE] = day.isoformat()
    cli("account", "add", "Checking", "--subtype", "checking", "--opening", "500")
    for amount, on in (("4.00", day), ("6.00", _first(day)), ("50.00", _month_before(day))):
        cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Coffee", "--amount", amount,
            "--date", on.isoformat())  # fmt: skip
    report = cli.json("report", "month")
    assert (report["start"], report["expenses"]) == (_first(day).isoformat(), "10.00")
    assert (report["previous"]["month"], report["previous"]["expenses"]) == (
        _month_before(day).isoformat()[:7],
        "50.00",
    )
    cli("ask", "twelve dollars for lunch yesterday", "--yes")
    lunch = cli.json("tx", "list", "--search", "lunch", "--limit", "1")
    assert lunch[0]["date"] == (day - dt.timedelta(days=1)).isoformat()
    assert cli.json("check")["ok"] is True


def test_the_demo_household_runs_up_to_a_leap_day(cli: Cli) -> None:
    on = dt.date(2028, 2, 29)
    cli.env[clock.TODAY_VARIABLE] = on.isoformat()
    cli("demo", "--years", "1", "--seed", "4")
    newest = cli.json("--user", "demo@kakeibo.local", "tx", "list", "--limit", "1")
    assert newest[0]["date"] <= on.isoformat()
    assert cli.json("check")["ok"] is True
