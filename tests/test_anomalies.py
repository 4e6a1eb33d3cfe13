"""Anomalies over real HTTP on SQLite and PostgreSQL, on generated households whose properties are known: a year of
steady books (rent, pay, Netflix, groceries, fuel, coffee, dinners out) raises nothing in November; the same books
with one anomaly of each kind planted in November raise exactly those, each with its reason. A dismissal hides
its anomaly and teaches the payee's threshold, `undo` brings it back; bad input is a clear problem, and another
household neither sees nor dismisses them. Today is 2026-11-23."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core.actor import Actor
from kakeibo.insights.anomalies import Anomaly, AnomalyKind, ExpenseRow, detect
from kakeibo.ledger import service as ledger
from kakeibo.ledger.schemas import TransactionCreate
from tests.api_helpers import ApiUser, sign_up

FIRST = dt.date(2025, 10, 1)
TODAY = dt.date(2026, 11, 23)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))


def household(*, planted: bool, seed: int = 3) -> list[dict[str, Any]]:
    """Rows of a steady household from October 2025 through today, with (planted) one anomaly of each kind."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []

    def add(day: dt.date, payee: str, category: str, amount: str, kind: str = "expense") -> None:
        if day <= TODAY:
            rows.append({"date": day, "payee": payee, "category": category, "amount": amount, "type": kind})

    for m in range(14):
        first = _month(FIRST, m)
        november = first.month == 11 and first.year == 2026
        add(first.replace(day=1), "Landlord", "Housing/Rent", "1500.00")
        if not (planted and november):  # planted: November's pay has not come
            add(first.replace(day=1), "Acme Payroll", "Income/Salary", "3000.00", "income")
        netflix = "17.99" if planted and november else "15.49"  # planted: the price went up
        add(first.replace(day=5), "Netflix", "Entertainment/Streaming Services", netflix)
        for day in (3, 10, 17, 24):
            add(first.replace(day=day), "Market", "Food & Dining/Groceries", f"{rng.randint(5200, 6800) / 100:.2f}")
        for day in (8, 22):
            add(first.replace(day=day), "Shell", "Transportation/Fuel", f"{rng.randint(3900, 4600) / 100:.2f}")
        for day in (2, 6, 12, 15, 19, 26):
            add(first.replace(day=day), "Blue Bottle", "Food & Dining/Coffee", f"{rng.randint(450, 650) / 100:.2f}")
        dinners = (4, 7, 9, 11, 13, 16, 18) if planted and november else (14, 27)  # planted: a month of dinners out
        for day in dinners:
            add(first.replace(day=day), "Osteria", "Food & Dining/Restaurants", f"{rng.randint(3800, 4400) / 100:.2f}")
    if planted:
        add(dt.date(2026, 11, 20), "Shell", "Transportation/Fuel", "152.40")  # 3.5x its usual
        add(dt.date(2026, 11, 12), "Camera World", "Shopping/Electronics", "899.00")  # a large first charge
        add(dt.date(2026, 11, 14), "Market", "Food & Dining/Groceries", "63.20")
        add(dt.date(2026, 11, 15), "Market", "Food & Dining/Groceries", "63.20")  # charged twice
    return rows


def _load(bind_sessions: sessionmaker[Session], user: ApiUser, rows: list[dict[str, Any]]) -> int:
    """The rows in a Checking account, through the ledger's batch path (the test's transaction holds them)."""
    checking = user.post("/accounts", {"name": "Checking", "opening_balance": "5000", "opening_date": "2025-09-30"})
    assert checking.status_code == 201, checking.text
    account = int(checking.json()["id"])
    items = [
        TransactionCreate(
            type=r["type"],
            account=account,
            category=r["category"],
            amount=r["amount"],
            date=r["date"],
            payee=r["payee"],
        )
        for r in rows
    ]
    with bind_sessions() as session:
        ledger.create_transactions(session, actor=Actor(household_id=user.household_id, user_id=None), items=items)
        session.commit()
    return account


def _by_kind(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    kinds: dict[str, list[dict[str, Any]]] = {}
    for one in found:
        kinds.setdefault(one["kind"], []).append(one)
    return kinds


def test_a_steady_household_raises_nothing(client: TestClient, bind_sessions: sessionmaker[Session]) -> None:
    user = sign_up(client)
    _load(bind_sessions, user, household(planted=False))
    answer = user.get("/insights/anomalies")
    assert answer.status_code == 200, answer.text
    assert answer.json() == []
    # Nor did any month of the year before (a steady household raises almost nothing, here nothing at all).
    year = user.get("/insights/anomalies", params={"start": "2025-12-01", "end": "2026-10-31"}).json()
    assert len(year) <= 1, year


def test_each_planted_anomaly_is_found_with_its_reason(
    client: TestClient, bind_sessions: sessionmaker[Session]
) -> None:
    user = sign_up(client)
    _load(bind_sessions, user, household(planted=True))
    found = user.get("/insights/anomalies").json()
    kinds = _by_kind(found)
    assert set(kinds) == {kind.value for kind in AnomalyKind}, found
    assert all(len(v) == 1 for v in kinds.values()), found
    [unusual] = kinds["unusual"]
    assert (unusual["payee"], unusual["amount"], unusual["date"]) == ("Shell", "152.40", "2026-11-20")
    assert "× what Shell usually costs (median" in unusual["reasons"][0]
    [new] = kinds["new_payee"]
    assert (new["payee"], new["amount"]) == ("Camera World", "899.00")
    assert "First charge ever from Camera World" in new["reasons"][0]
    [double] = kinds["duplicate"]
    assert (double["payee"], double["amount"], double["date"]) == ("Market", "63.20", "2026-11-15")
    assert "1 day before (2026-11-14) on Checking" in double["reasons"][0]
    [price] = kinds["price_change"]
    assert price["transaction_id"] is None and price["payee"] == "Netflix"
    assert "from 15.49 to 17.99 (+16%)" in price["reasons"][0]
    [missed] = kinds["missed_income"]
    assert missed["transaction_id"] is None and missed["amount"] == "3000.00"
    assert "has not come" in missed["reasons"][0] and "Acme Payroll" in missed["reasons"][0]
    [month] = kinds["category_month"]
    assert month["category"] == "Food & Dining/Restaurants" and month["transaction_id"] is None
    assert "Restaurants is 3.5× its usual month so far in November 2026" in month["reasons"][0], month
    assert all(0 < one["score"] <= 1 for one in found)
    assert [one["score"] for one in found] == sorted((one["score"] for one in found), reverse=True)


def test_dismissing_hides_teaches_and_undo_brings_back(
    client: TestClient, bind_sessions: sessionmaker[Session]
) -> None:
    user = sign_up(client)
    account = _load(bind_sessions, user, household(planted=True))
    [shell] = [a for a in user.get("/insights/anomalies").json() if a["kind"] == "unusual"]
    dismissed = user.post(f"/insights/anomalies/{shell['id']}/dismiss")
    assert dismissed.status_code == 200, dismissed.text
    assert dismissed.json()["id"] == shell["id"]
    assert shell["id"] not in {a["id"] for a in user.get("/insights/anomalies").json()}
    again = user.post(f"/insights/anomalies/{shell['id']}/dismiss")
    assert again.status_code == 409
    # It taught Shell's threshold: 160.00 (within 10 % of the dismissed 152.40) is fine now, 240.00 is not.
    for amount, day in (("160.00", "2026-11-21"), ("240.00", "2026-11-22")):
        made = user.post("/transactions", {"type": "expense", "account": account, "category": "Transportation/Fuel",
                                           "amount": amount, "date": day, "payee": "Shell"})  # fmt: skip
        assert made.status_code == 201, made.text
    flagged = [a["amount"] for a in user.get("/insights/anomalies").json() if a["kind"] == "unusual"]
    assert flagged == ["240.00"]
    # Undo the two transactions, then the dismissal: the Shell charge is flagged again.
    for _ in range(3):
        assert user.post("/undo").status_code == 200
    back = [a for a in user.get("/insights/anomalies").json() if a["kind"] == "unusual"]
    assert [a["id"] for a in back] == [shell["id"]]


def test_bad_input_is_a_clear_problem_and_households_are_apart(
    client: TestClient, bind_sessions: sessionmaker[Session]
) -> None:
    user = sign_up(client)
    _load(bind_sessions, user, household(planted=True))
    backwards = user.get("/insights/anomalies", params={"start": "2026-11-20", "end": "2026-11-01"})
    assert backwards.status_code == 422 and "after end" in backwards.text
    assert user.get("/insights/anomalies", params={"start": "2026-13-01"}).status_code == 422
    assert user.get("/insights/anomalies", params={"start": "2024-01-01", "end": "2026-01-01"}).status_code == 422
    assert user.post("/insights/anomalies/0123456789ab/dismiss").status_code == 404
    assert user.post("/insights/anomalies/not-an-id/dismiss").status_code == 422
    found = user.get("/insights/anomalies").json()
    bob = sign_up(client)
    assert bob.get("/insights/anomalies").json() == []
    assert bob.post(f"/insights/anomalies/{found[0]['id']}/dismiss").status_code == 404
    assert len(user.get("/insights/anomalies").json()) == len(found)


def _row(tid: int, day: dt.date, payee: str, amount: int, category: str = "Food & Dining/Restaurants") -> ExpenseRow:
    return ExpenseRow(tid, day, payee, amount, 1, "Checking", category)


def test_too_few_rows_of_a_payee_fall_back_to_its_category_or_say_nothing() -> None:
    history = [_row(i, dt.date(2026, 1 + i % 10, 10), "Osteria", 4000 + 10 * i) for i in range(9)]
    big = _row(100, dt.date(2026, 11, 5), "Osteria", 16000)

    def unusual(rows: list[ExpenseRow]) -> list[Anomaly]:
        found = detect(rows, start=dt.date(2026, 11, 1), end=TODAY, currency="USD")
        return [one for one in found if one.kind is AnomalyKind.unusual]

    # Nine rows of the payee and nine of the category: too few to say anything.
    assert unusual([*history, big]) == []
    # With ten of the category (another restaurant), the category is the reference.
    [found] = unusual([*history, _row(50, dt.date(2026, 3, 3), "Nopa", 4100), big])
    assert found.kind is AnomalyKind.unusual
    assert found.reasons[0].startswith("4.0× what a Restaurants charge usually costs (median 40.45 over 10 charges")


def _rows(planted: bool) -> list[ExpenseRow]:
    return [
        _row(i, r["date"], r["payee"], int(r["amount"].replace(".", "")), r["category"])
        for i, r in enumerate(household(planted=planted), start=1)
        if r["type"] == "expense"
    ]


def test_an_anomaly_is_the_same_whatever_period_it_is_asked_for() -> None:
    rows = _rows(planted=True)
    month = detect(rows, start=dt.date(2026, 11, 1), end=TODAY, currency="USD")
    year = detect(rows, start=dt.date(2025, 12, 1), end=TODAY, currency="USD")
    assert month and {(a.id, a.reasons) for a in month} <= {(a.id, a.reasons) for a in year}
    assert detect(rows, start=dt.date(2026, 11, 16), end=TODAY, currency="USD") == [
        a for a in month if a.date >= dt.date(2026, 11, 16)
    ]


def test_a_payee_that_charges_the_same_twice_habitually_is_no_double_charge() -> None:
    pairs = [
        _row(10 + i, day, "Corner Cafe", 450, "Food & Dining/Coffee")
        for i, day in enumerate([dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 6, 9), dt.date(2026, 6, 9)])
    ]
    twice = [_row(90, dt.date(2026, 11, 5), "Corner Cafe", 450), _row(91, dt.date(2026, 11, 6), "Corner Cafe", 450)]
    kinds = [a.kind for a in detect([*pairs, *twice], start=dt.date(2026, 11, 1), end=TODAY, currency="USD")]
    assert AnomalyKind.duplicate not in kinds
    kinds = [
        a.kind for a in detect([pairs[0], pairs[2], *twice], start=dt.date(2026, 11, 1), end=TODAY, currency="USD")
    ]
    assert kinds == [AnomalyKind.duplicate]
