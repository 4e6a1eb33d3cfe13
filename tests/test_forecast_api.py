"""The forecast over real HTTP on SQLite and PostgreSQL, and the CLI on a real file, for a household whose figures
can be worked out by hand: pay of 3,000.00 on the 1st, Netflix at 15.49 on the 5th and 150.00 of groceries a
month, since September 2025 (today is 2026-11-23). Every month ahead is 3,000.00 in, 165.49 out, to the cent, with
no band (nothing varies); a household of two months says it has too little history; months out of range are a
problem; another household sees its own (empty) forecast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up
from tests.cli_helpers import cli_on


def _month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


ROWS = [
    *((1, "income", "Income/Salary", "3000.00", "ACME PAYROLL"),),
    *((5, "expense", "Entertainment/Streaming Services", "15.49", "NETFLIX"),),
    *((3, "expense", "Food & Dining/Groceries", "37.00", "MARKET"),),
    *((12, "expense", "Food & Dining/Groceries", "61.00", "MARKET"),),
    *((20, "expense", "Food & Dining/Groceries", "52.00", "MARKET"),),
]


def _books(user: ApiUser, months: int) -> None:
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "1000", "opening_date": "2025-08-31"})
    assert checking.status_code == 201, checking.text
    first = _month(dt.date(2026, 11, 1), -(months - 1))
    for m in range(months):
        for day, kind, category, amount, payee in ROWS:
            on = _month(first, m).replace(day=day)
            if on > dt.date(2026, 11, 23):
                continue
            made = user.post(
                "/transactions",
                {"type": kind, "account": checking.json()["id"], "category": category, "amount": amount,
                 "date": on.isoformat(), "payee": payee},
            )  # fmt: skip
            assert made.status_code == 201, made.text


def test_a_steady_household_is_forecast_to_the_cent(client: TestClient) -> None:
    user = sign_up(client)
    _books(user, 15)  # September 2025 through November 2026
    answer = user.get("/insights/forecast", params={"months": 3})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["currency"] == "USD"
    assert [
        (m["month"], m["income"], m["spending"], m["net"], m["spending_low"], m["spending_high"])
        for m in body["months"]
    ] == [
        ("2026-12", "3000.00", "165.49", "2834.51", "165.49", "165.49"),
        ("2027-01", "3000.00", "165.49", "2834.51", "165.49", "165.49"),
        ("2027-02", "3000.00", "165.49", "2834.51", "165.49", "165.49"),
    ]
    by_name = {s["name"]: s for s in body["series"]}
    assert {"income", "spending"} <= set(by_name)
    assert by_name["spending"]["mae"] == by_name["spending"]["baseline_mae"] == "0.00"
    assert by_name["spending"]["months"] == 14  # September 2025 to October 2026: November is not over
    # Groceries by day 23: all three runs, as in every month before, and Netflix.
    pace = body["pace"]
    assert (pace["month"], pace["day"], pace["days"], pace["spent"], pace["usual_by_today"]) == (
        "2026-11", 23, 30, "165.49", "165.49"
    )  # fmt: skip
    assert (pace["usual_month"], pace["projected"]) == ("165.49", "165.49")  # as usual by now: the usual month
    [checking] = body["balances"]
    assert checking["account"] == "Checking"
    assert checking["balance"] == user.get("/accounts").json()[0]["balance"] == "43517.65"
    assert body["groups"] and {g["group"] for g in body["groups"]} >= {"Food & Dining"}
    # The last 12 complete months as the month report has them, the last 6 with their backtest prediction.
    history = body["history"]
    assert [h["month"] for h in history] == [f"2025-{m:02d}" for m in (11, 12)] + [
        f"2026-{m:02d}" for m in range(1, 11)
    ]
    assert {(h["income"], h["spending"]) for h in history} == {("3000.00", "165.49")}
    assert [h["spending_predicted"] for h in history] == [None] * 6 + ["165.49"] * 6

    # Another household: nothing to forecast, and it says so.
    bob = sign_up(client)
    empty = bob.get("/insights/forecast").json()
    assert [m["spending"] for m in empty["months"]] == ["0.00", "0.00", "0.00"]
    assert all(s["method"] == "average" and s["note"] for s in empty["series"])
    assert user.get("/insights/forecast", params={"months": 13}).status_code == 422


def test_two_months_are_too_little_history(client: TestClient) -> None:
    user = sign_up(client)
    _books(user, 3)  # September and October 2026 are whole
    body = user.get("/insights/forecast", params={"months": 1}).json()
    spending = next(s for s in body["series"] if s["name"] == "spending")
    assert (spending["method"], spending["mae"], spending["months"]) == ("average", None, 2)
    assert "plain average" in spending["note"]
    assert body["months"][0]["spending"] == "165.49"


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_cli_prints_the_contract(database: str, tmp_path: Path) -> None:
    with cli_on(database, tmp_path, prefix="kakeibo_forecast_cli") as cli:
        cli("account", "add", "Checking", "--opening", "100", "--opening-date", "2026-06-30")
        for month in range(7, 11):
            cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Groceries", "--amount", "80",
                "--date", f"2026-{month:02d}-14", "--payee", f"Shop {month}")  # fmt: skip
        found = cli.json("forecast", "--months", "2", "--json", "--today", "2026-11-23")
        assert list(found) == ["currency", "months", "series", "pace", "balances"]
        assert [list(m) for m in found["months"]] == [
            ["month", "income", "spending", "net", "spending_low", "spending_high"]
        ] * 2
        assert all(list(s) == ["name", "method", "mae", "rmse", "baseline_mae"] for s in found["series"])
        assert [m["spending"] for m in found["months"]] == ["80.00", "80.00"]
        text = cli("forecast", "--today", "2026-11-23").stdout
        assert "2026-12" in text and "Backtest MAE" in text and "at this pace" in text
        bad = cli("forecast", "--months", "0", ok=False)
        assert bad.returncode != 0
        said = cli.json("insights", "--json", "--today", "2026-11-23", "--month", "2026-10")
        assert all(list(one) == ["kind", "title", "text", "query"] for one in said)
        # November has no grocery run yet: the four months before had one each, and June is before the books.
        november = cli("insights", "--today", "2026-11-23").stdout
        assert "Food & Dining is 100 % below your usual by this day of the month: 0.00 against 80.00 USD." in november


def test_a_first_month_runs_its_pace_on_linearly(client: TestClient) -> None:
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "500", "opening_date": "2026-11-01"})
    made = user.post(
        "/transactions",
        {"type": "expense", "account": checking.json()["id"], "category": "Food & Dining/Groceries",
         "amount": "60.00", "date": "2026-11-10"},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    pace = user.get("/insights/forecast").json()["pace"]
    assert (pace["spent"], pace["usual_by_today"], pace["projected"]) == ("60.00", None, "78.26")  # 60 * 30 / 23


def test_the_assistant_answers_next_month_from_the_forecast(client: TestClient) -> None:
    from tests.test_assistant_api import Chat

    user = sign_up(client)
    _books(user, 15)
    said = Chat(user).say("what will I spend next month?")
    assert (said["value"], said["evidence"]["forecast"]) == (
        "165.49",
        [{"key": "2026-12", "amount": "165.49", "count": 0}],
    )
    assert said["text"].startswith("About 165.49 USD in December 2026 (80% between 165.49 and 165.49)")
    assert "the 3-month mean: 0.00" in said["text"]
    # This month is still the pace answer: spent so far and the usual pace.
    assert "so far" in Chat(user).say("forecast my spending this month")["text"]


def test_the_assistant_gives_the_health_score_with_its_pillars(client: TestClient) -> None:
    from tests.test_assistant_api import Chat

    user = sign_up(client)
    _books(user, 15)
    said = Chat(user).say("what's my health score and why?")
    score = user.get("/insights/health").json()
    assert said["value"] == str(score["score"])
    assert said["text"].startswith(f"Your financial health score for November 2026 is {score['score']}/100")
    scored = [p for p in score["pillars"] if p["score"] is not None]
    assert [(b["key"], b["amount"]) for b in said["evidence"]["breakdown"]] == [
        (p["name"], str(p["score"])) for p in scored
    ]


def test_the_assistant_lists_what_is_unusual_with_its_reason(client: TestClient) -> None:
    from tests.test_assistant_api import Chat

    user = sign_up(client)
    _books(user, 15)
    chat = Chat(user)
    assert chat.say("what's unusual this month?")["text"].startswith("Nothing unusual from 2026-11-01 to 2026-11-23")
    checking = user.get("/accounts").json()[0]["id"]
    made = user.post(
        "/transactions",
        {"type": "expense", "account": checking, "category": "Food & Dining/Groceries", "amount": "480.00",
         "date": "2026-11-21", "payee": "MARKET"},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    said = chat.say("anything weird in groceries this month")
    flagged = user.get("/insights/anomalies").json()
    assert said["value"] == str(len(flagged)) and flagged
    assert said["text"].startswith(f"{len(flagged)} thing")
    assert flagged[0]["reasons"][0] in said["text"] and "480.00" in said["text"]


def test_the_month_in_words_traces_each_figure(client: TestClient) -> None:
    user = sign_up(client)
    _books(user, 15)
    assert [i["kind"] for i in user.get("/insights/text").json()] == ["savings"]  # a steady month: nothing else
    checking = user.get("/accounts").json()[0]["id"]
    made = user.post(
        "/transactions",
        {"type": "expense", "account": checking, "category": "Food & Dining/Groceries", "amount": "480.00",
         "date": "2026-11-21", "payee": "MARKET"},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    found = user.get("/insights/text").json()
    assert [list(i) for i in found] == [["kind", "title", "text", "query"]] * len(found)
    above, saving = found
    # By day 23 the usual month has its three grocery runs (150.00); this one has those and 480.00 more.
    assert above["text"] == (
        "Food & Dining is 320 % above your usual by this day of the month: 630.00 against 150.00 USD, "
        "mostly 4 charges at MARKET (630.00)."
    )
    assert above["query"] == {
        "metric": "summary", "measure": "spending", "start": "2026-11-01", "end": "2026-11-23", "currency": "USD",
        "category": "Food & Dining",
    }  # fmt: skip
    report = user.get("/reports/summary", params={"start": "2026-11-01", "end": "2026-11-23"}).json()
    assert report["income"] == "3000.00" and report["expenses"] == "645.49"
    assert saving["text"] == "You have kept 78 % of your income so far this month: 3000.00 in, 645.49 out."
    assert user.get("/insights/text", params={"month": "2026-13"}).status_code == 422
