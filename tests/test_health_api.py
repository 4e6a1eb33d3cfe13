"""The health score over real HTTP on SQLite and PostgreSQL, and the CLI on a real file, for a household whose
pillars are worked out by hand (today is 2026-11-23; August to October 2026 are its complete months):

- pay of 3,000.00 on the 1st, rent of 1,200.00 on the 2nd, 250.00 into the car loan on the 10th, dinner of 100.00
  on the 15th (August to October only), and groceries on the 20th of 300.00, 400.00 and 500.00;
- savings rate (9,000 - 5,100) / 9,000 = 43.33 %: 100;
- emergency fund: checking 1,000 + 3,150 + November's 1,550 = 5,700 and savings 1,000 cover 6,700 / (4,800 / 3)
  = 4.19 months of rent and groceries: 75 + 25 x 1.19 / 3 = 84.9, so 85;
- debt load 750 / 9,000 = 8.33 %: 100 - 10 x 0.8333 = 91.7, so 92;
- spending stability: 1,600, 1,700 and 1,800 swing by 81.65 / 1,700 = 4.80 %: 95.2, so 95;
- budgets: none set, so not enough data (left out of the total);
- bills: rent is on time, dinner on the 15th is 8 days late: 1 of 2, 0;
- total (25 x 100 + 20 x 85 + 15 x 92 + 10 x 95 + 15 x 0) / 85 = 76.8, so 77: B."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up
from tests.cli_helpers import cli_on

GROCERIES = {8: "300.00", 9: "400.00", 10: "500.00"}


def _books(user: ApiUser) -> None:
    def account(body: dict[str, str]) -> int:
        made = user.post("/accounts", {"opening_date": "2026-07-31", **body})
        assert made.status_code == 201, made.text
        return int(made.json()["id"])

    checking = account({"name": "Checking", "opening_balance": "1000"})
    account({"name": "Savings", "subtype": "savings", "opening_balance": "1000"})
    loan = account({"name": "Car loan", "subtype": "loan", "opening_balance": "-10000"})

    def add(body: dict[str, object]) -> None:
        made = user.post("/transactions", {"account": checking, **body})
        assert made.status_code == 201, made.text

    for month in (8, 9, 10, 11):
        add({"type": "income", "category": "Income/Salary", "amount": "3000", "date": f"2026-{month:02d}-01",
             "payee": "ACME PAYROLL"})  # fmt: skip
        add({"type": "expense", "category": "Housing/Rent", "amount": "1200", "date": f"2026-{month:02d}-02",
             "payee": "LANDLORD"})  # fmt: skip
        add({"type": "transfer", "to_account": loan, "amount": "250", "date": f"2026-{month:02d}-10",
             "payee": "CAR LOAN"})  # fmt: skip
        if month in GROCERIES:
            add({"type": "expense", "category": "Food & Dining/Restaurants", "amount": "100",
                 "date": f"2026-{month:02d}-15", "payee": "NOPA"})  # fmt: skip
            add({"type": "expense", "category": "Food & Dining/Groceries", "amount": GROCERIES[month],
                 "date": f"2026-{month:02d}-20", "payee": f"MARKET {month}"})  # fmt: skip


EXPECTED = {
    "savings_rate": (100, "0.4333"),
    "emergency_fund": (85, "4.19"),
    "debt_load": (92, "0.0833"),
    "spending_stability": (95, "0.0480"),
    "budget_adherence": (None, None),
    "bills_on_time": (0, "0.5000"),
}


def test_a_small_household_scores_as_worked_out_by_hand(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    answer = user.get("/insights/health")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["month"], body["currency"], body["score"], body["grade"]) == ("2026-11", "USD", 77, "B")
    assert {p["key"]: (p["score"], p["value"]) for p in body["pillars"]} == EXPECTED
    budget = next(p for p in body["pillars"] if p["key"] == "budget_adherence")
    assert budget["explanation"].startswith("not enough data")

    # September, as of its last day: August and September alone, (6000 - 3300) / 6000; too few months to swing.
    september = user.get("/insights/health", params={"month": "2026-09"}).json()
    values = {p["key"]: (p["score"], p["value"]) for p in september["pillars"]}
    assert values["savings_rate"] == (100, "0.4500")
    assert values["spending_stability"] == (None, None)
    # October as of October 31st: dinner was not late yet, so both bills were on time.
    october = user.get("/insights/health", params={"month": "2026-10"}).json()
    assert {p["key"]: (p["score"], p["value"]) for p in october["pillars"]}["bills_on_time"] == (100, "1.0000")

    # October against September. September: 100 saved, 4,200 covering 3,100 / 2 = 2.71 months (71), debt 92, the
    # bills too new (two payments each) to count: 5,300 / 60 = 88. October: 5,150 / 1,600 = 3.22 months (76.8, so
    # 77), both bills on time: 7,870 / 85 = 93. The emergency fund alone moved among pillars scored both months.
    card = user.get("/insights/scorecard").json()
    assert (card["month"], card["previous_month"]) == ("2026-10", "2026-09")
    assert (card["score"], card["previous_score"], card["change"]) == (93, 88, 5)
    by_key = {p["key"]: (p["previous_score"], p["score"], p["change"]) for p in card["pillars"]}
    assert by_key["emergency_fund"] == (71, 77, 6) and by_key["bills_on_time"] == (None, 100, None)
    assert card["movers"] == [
        {"key": "emergency_fund", "name": "Emergency fund", "previous_score": 71, "score": 77, "effect": "+1.4"}
    ]  # 20 x 6 / 85
    assert card["streak_days"] == 0  # nothing dated since November 10th

    history = user.get("/insights/health/history").json()
    assert [m["month"] for m in history["months"]] == ["2026-08", "2026-09", "2026-10"]
    assert history["months"][-1]["score"] == october["score"]

    # A bad month is a clear problem; a month not begun too.
    bad = user.get("/insights/health", params={"month": "2026-13"})
    assert bad.status_code == 422 and "2026-13" in bad.text
    assert user.get("/insights/scorecard", params={"month": "2026-12"}).status_code == 422

    # Another household sees only its own (empty) books: not enough data everywhere, no score.
    bob = sign_up(client)
    empty = bob.get("/insights/health").json()
    assert (empty["score"], empty["grade"]) == (None, None)
    assert all(p["score"] is None and p["explanation"].startswith("not enough data") for p in empty["pillars"])
    assert bob.get("/insights/health/history").json()["months"] == []
    # A household that began this month: still nothing complete to score, and a streak of two days.
    wallet = bob.post("/accounts", {"name": "Wallet", "subtype": "cash", "opening_balance": "50"}).json()["id"]
    for day in ("2026-11-22", "2026-11-23"):
        made = bob.post("/transactions", {"type": "expense", "account": wallet, "category": "Food & Dining/Coffee",
                                          "amount": "4.75", "date": day, "payee": "CAFE"})  # fmt: skip
        assert made.status_code == 201, made.text
    new = bob.get("/insights/health").json()
    assert new["score"] is None and all(p["score"] is None for p in new["pillars"])
    assert bob.get("/insights/scorecard").json()["streak_days"] == 2


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_cli_prints_the_contract(database: str, tmp_path: Path) -> None:
    with cli_on(database, tmp_path, prefix="kakeibo_health_cli") as cli:
        cli("account", "add", "Checking", "--opening", "500", "--opening-date", "2026-07-31")
        for month in (8, 9, 10):
            cli("tx", "add", "--type", "income", "--account", "Checking", "--category", "Income/Salary",
                "--amount", "2000", "--date", f"2026-{month:02d}-01", "--payee", "PAY")  # fmt: skip
            cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Groceries", "--amount", "500",
                "--date", f"2026-{month:02d}-14", "--payee", f"Shop {month}")  # fmt: skip
        cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Groceries", "--amount", "5",
            "--date", "2026-11-23", "--payee", "Corner shop")  # fmt: skip
        found = cli.json("health", "--today", "2026-11-23")
        assert list(found) == ["score", "grade", "pillars"]
        assert all(list(p) == ["key", "name", "score", "value", "target", "explanation"] for p in found["pillars"])
        pillars = {p["key"]: p for p in found["pillars"]}
        assert pillars["savings_rate"]["value"] == "0.7500"  # (6000 - 1500) / 6000
        assert (pillars["spending_stability"]["score"], pillars["spending_stability"]["value"]) == (100, "0.0000")
        text = cli("health", "--today", "2026-11-23").stdout
        assert "Health score for 2026-11" in text and "Savings rate" in text
        card = cli.json("scorecard", "--today", "2026-11-23")
        assert card["month"] == "2026-10" and card["streak_days"] == 1  # November 23rd alone
        assert "Logging streak" in cli("scorecard", "--today", "2026-11-23").stdout
        bad = cli("health", "--month", "2026-13", ok=False)
        assert bad.returncode != 0 and "2026-13" in bad.stderr
