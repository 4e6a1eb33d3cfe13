"""What a household is told about its recurring payments, on SQLite and PostgreSQL: subscriptions with their
monthly and yearly cost, the bills calendar with each account's lowest balance before payday, alerts (a price
increase, a missed payment, a new subscription), and a person's confirm / rename / end, each undone by `undo`;
the pure walks too, with figures worked out by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kakeibo.planning.recurring import (
    AlertKind,
    Cadence,
    PriceChange,
    Series,
    SeriesKind,
    SeriesStatus,
    alerts,
    low_points,
)
from tests.api_helpers import ApiUser, sign_up
from tests.cli_helpers import Cli, cli_on

TODAY = dt.date(2026, 11, 23)


def _month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


def _series(payee: str, amount: int, **changes: object) -> Series:
    fields: dict[str, object] = {
        "key": f"expense:1:{payee}",
        "payee": payee,
        "category": None,
        "account_id": 1,
        "account": "Checking",
        "kind": SeriesKind.expense,
        "cadence": Cadence.monthly,
        "amount_minor": amount,
        "currency": "USD",
        "first_date": dt.date(2026, 1, 5),
        "last_date": dt.date(2026, 11, 5),
        "next_date": dt.date(2026, 12, 5),
        "next_amount_minor": amount,
        "count": 11,
        "transaction_ids": (),
        "status": SeriesStatus.active,
    }
    fields.update(changes)
    return Series(**fields)  # type: ignore[arg-type]


def test_alerts_are_news_a_person_wants_newest_first() -> None:
    recent = PriceChange(before_minor=-1549, after_minor=-1799, since=dt.date(2026, 10, 5))
    old = PriceChange(before_minor=-4000, after_minor=-4500, since=dt.date(2026, 9, 10))  # 74 days: old news
    cheaper = PriceChange(before_minor=-3000, after_minor=-2500, since=dt.date(2026, 11, 1))
    raise_ = PriceChange(before_minor=250000, after_minor=260000, since=dt.date(2026, 11, 1))
    found = alerts(
        [
            _series("Netflix", -1799, price_change=recent),
            _series("Gym", -4500, price_change=old),
            _series("Phone", -3000, price_change=cheaper),
            _series("Payroll", 260000, kind=SeriesKind.income, price_change=raise_),
            _series("Water", -6000, status=SeriesStatus.late, next_date=dt.date(2026, 11, 15)),
            _series("Streamly", -999, first_date=dt.date(2026, 9, 28), count=2, status=SeriesStatus.early),
            _series("Tube+", -799, category="Entertainment/Streaming Services", first_date=dt.date(2026, 10, 2)),
            _series("Known", -500, first_date=dt.date(2026, 10, 1), confirmed=True),
            _series("New flat", -180000, category="Housing/Rent", first_date=dt.date(2026, 10, 1)),  # a bill
            _series("Gone", -700, first_date=dt.date(2026, 10, 1), status=SeriesStatus.ended),
        ],
        today=TODAY,
    )
    assert [(a.kind, a.series.payee, a.date, a.old_minor, a.new_minor) for a in found] == [
        (AlertKind.missed, "Water", dt.date(2026, 11, 15), None, -6000),
        (AlertKind.price_increase, "Netflix", dt.date(2026, 10, 5), -1549, -1799),
        (AlertKind.new_subscription, "Tube+", dt.date(2026, 10, 2), None, -799),
        (AlertKind.new_subscription, "Streamly", dt.date(2026, 9, 28), None, -999),
    ]


def test_the_lowest_balance_is_the_one_before_the_next_income() -> None:
    rent = _series("Rent", -180000, next_date=dt.date(2026, 12, 3))
    phone = _series("Phone", -6000, next_date=dt.date(2026, 11, 28))
    pay = _series("Payroll", 250000, kind=SeriesKind.income, next_date=dt.date(2026, 12, 1))
    card = _series("Card", -2500, account_id=2, account="Visa", next_date=dt.date(2026, 11, 30))
    due = [
        (dt.date(2026, 11, 28), phone),
        (dt.date(2026, 11, 30), card),
        (dt.date(2026, 12, 1), pay),
        (dt.date(2026, 12, 3), rent),
    ]
    points = low_points(due, {1: 10000, 2: -5000}, today=TODAY)
    # Checking: 100.00, the phone takes it to 40.00 on the 28th; payday comes before the rent.
    assert (points[1].lowest_minor, points[1].lowest_date, points[1].next_income) == (
        4000,
        dt.date(2026, 11, 28),
        dt.date(2026, 12, 1),
    )
    # The card has no income: the whole window counts.
    assert (points[2].balance_minor, points[2].lowest_minor, points[2].next_income) == (-5000, -7500, None)
    # Nothing due before payday: today's balance is the lowest, today.
    lone = low_points([(dt.date(2026, 12, 1), pay), (dt.date(2026, 12, 3), rent)], {1: 10000}, today=TODAY)
    assert (lone[1].lowest_minor, lone[1].lowest_date) == (10000, TODAY)


@pytest.fixture
def user(client: TestClient) -> ApiUser:
    """Checking from January: pay on the 1st (2,500), rent on the 3rd (1,800), a gym on the 10th (40.00, 45.00
    since October), a phone on the 15th that stopped after October, and a streaming service since September 28."""
    user = sign_up(client)
    checking = user.post(
        "/accounts", {"name": "Checking", "opening_balance": "1000", "opening_date": "2025-12-31"}
    ).json()
    rows = [(_month(dt.date(2026, 1, 1), i), "income", "Income/Salary", "2500.00", "ACME PAYROLL") for i in range(11)]
    rows += [
        (_month(dt.date(2026, 1, 3), i), "expense", "Housing/Rent", "1800.00", "OAK APARTMENTS") for i in range(11)
    ]
    rows += [
        (_month(dt.date(2026, 1, 10), i), "expense", "Health/Fitness & Gym", "40.00" if i < 9 else "45.00", "CITY GYM")
        for i in range(11)
    ]
    rows += [(_month(dt.date(2026, 1, 15), i), "expense", "Utilities/Phone", "60.00", "METRO PHONE") for i in range(10)]
    rows += [
        (day, "expense", "Entertainment/Streaming Services", "9.99", "STREAMLY")
        for day in (dt.date(2026, 9, 28), dt.date(2026, 10, 28))
    ]
    for day, kind, category, amount, payee in rows:
        made = user.post(
            "/transactions",
            {"type": kind, "account": checking["id"], "category": category, "amount": amount,
             "date": day.isoformat(), "payee": payee},
        )  # fmt: skip
        assert made.status_code == 201, made.text
    return user


def test_subscriptions_calendar_and_alerts_over_http(user: ApiUser, client: TestClient) -> None:
    subs = user.get("/recurring/subscriptions")
    assert subs.status_code == 200, subs.text
    body = subs.json()
    assert [(s["payee"], s["yearly_cost"]) for s in body["series"]] == [
        ("City Gym", "-540.00"),
        ("Streamly", "-119.88"),
    ]  # rent and the phone plan are bills; the salary is income
    assert (body["currency"], body["yearly_total"], body["monthly_total"], body["other_totals"]) == (
        "USD", "659.88", "54.99", []
    )  # fmt: skip

    found = user.get("/recurring/alerts").json()
    assert [(a["kind"], a["payee"], a["date"], a["old_amount"], a["new_amount"]) for a in found] == [
        ("missed", "Metro Phone", "2026-11-15", None, "60.00"),
        ("price_increase", "City Gym", "2026-10-10", "40.00", "45.00"),
        ("new_subscription", "Streamly", "2026-09-28", None, "9.99"),
    ]
    assert found[1]["message"] == "City Gym went up from 40.00 to 45.00 USD on Oct 10"

    calendar = user.get("/recurring/calendar?days=20").json()
    assert calendar["days"] == 20
    assert [(i["date"], i["payee"], i["amount"]) for i in calendar["items"]][:4] == [
        ("2026-11-28", "Streamly", "-9.99"),
        ("2026-12-01", "Acme Payroll", "2500.00"),
        ("2026-12-03", "Oak Apartments", "-1800.00"),
        ("2026-12-10", "City Gym", "-45.00"),
    ]
    [checking] = calendar["accounts"]
    balance = user.get("/accounts").json()[0]["balance"]
    assert checking["balance"] == balance
    # Before payday only Streamly (and the late phone, if it is expected before the 1st) take money out.
    due_before = [i for i in calendar["items"] if i["date"] < "2026-12-01"]
    expected = sum((int(i["amount"].replace(".", "")) for i in due_before), int(balance.replace(".", "")))
    assert int(checking["lowest_balance"].replace(".", "")) == expected
    assert checking["lowest_date"] == max(i["date"] for i in due_before)
    assert checking["next_income_date"] == "2026-12-01"

    # Another household sees none of it.
    bob = sign_up(client)
    assert bob.get("/recurring/subscriptions").json()["series"] == []
    assert bob.get("/recurring/alerts").json() == []
    assert bob.get("/recurring/calendar").json() == {"days": 30, "items": [], "accounts": []}
    assert user.get("/recurring/calendar?days=0").status_code == 422


def test_confirm_and_end_are_undoable_over_http(user: ApiUser) -> None:
    [streamly] = [s for s in user.get("/recurring/subscriptions").json()["series"] if s["payee"] == "Streamly"]
    patch = user.client.patch
    confirmed = patch(f"/api/v1/recurring/series/{streamly['id']}", json={"confirmed": True}, headers=user.headers)
    assert confirmed.status_code == 200, confirmed.text
    assert "new_subscription" not in {a["kind"] for a in user.get("/recurring/alerts").json()}
    ended = patch(f"/api/v1/recurring/series/{streamly['id']}", json={"ended": True}, headers=user.headers)
    assert ended.json()["status"] == "ended"
    assert "Streamly" not in {s["payee"] for s in user.get("/recurring/subscriptions").json()["series"]}
    assert "Streamly" not in {i["payee"] for i in user.get("/recurring/upcoming").json()}

    undone = user.post("/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["summary"] == ["Marked Streamly as ended on 2026-11-23"]
    assert "Streamly" in {s["payee"] for s in user.get("/recurring/subscriptions").json()["series"]}
    assert user.post("/undo").json()["summary"] == ["Confirmed the recurring series Streamly"]
    assert "new_subscription" in {a["kind"] for a in user.get("/recurring/alerts").json()}
    # Nothing was said any more: the note is gone, as if never written.
    assert user.get("/recurring?all=true").json()[0]["confirmed"] is False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    with cli_on(request.param, tmp_path, prefix="kakeibo_recurring_bills") as cli:
        cli("account", "add", "Checking", "--opening", "500", "--opening-date", "2025-12-01")
        statement = tmp_path / "checking.csv"
        rows = ["Date,Description,Amount"]
        rows += [f"{_month(dt.date(2026, 1, 14), i)},NETFLIX.COM,{'-15.49' if i < 9 else '-17.99'}" for i in range(11)]
        rows += [f"{_month(dt.date(2026, 1, 1), i)},ACME CORP PAYROLL,2500.00" for i in range(11)]
        statement.write_text("\n".join(rows) + "\n")
        cli("import", str(statement), "--account", "Checking", "--today", "2026-11-23")
        yield cli


def test_the_cli_tells_and_takes_what_a_person_says(books: Cli) -> None:
    today = ("--today", "2026-11-23")
    subs = books.json("recurring", "subscriptions", "--json", *today)
    [netflix] = subs["series"]
    assert (netflix["payee"], netflix["amount"], subs["yearly_total"], subs["monthly_total"]) == (
        "Netflix", "-17.99", "215.88", "17.99"
    )  # fmt: skip
    text = books("recurring", "subscriptions", *today).stdout
    assert "Netflix" in text and "Total: 17.99 USD a month, 215.88 USD a year" in text
    [alert] = books.json("recurring", "alerts", "--json", *today)
    assert (alert["kind"], alert["old_amount"], alert["new_amount"], alert["date"]) == (
        "price_increase", "15.49", "17.99", "2026-10-14"
    )  # fmt: skip
    calendar = books("recurring", "calendar", "--days", "30", *today).stdout
    assert "2026-12-01" in calendar and "Acme Corp Payroll" in calendar and "Next income" in calendar

    renamed = books("recurring", "rename", netflix["id"], "TV", *today)
    assert renamed.stdout.startswith("Renamed: TV (monthly, -17.99 USD)")
    books("recurring", "end", netflix["id"], *today)
    assert books.json("recurring", "subscriptions", "--json", *today)["series"] == []
    assert "Marked TV as ended on 2026-11-23" in books("undo").stdout
    assert "Renamed the recurring series Netflix to TV" in books("undo").stdout
    [back] = books.json("recurring", "subscriptions", "--json", *today)["series"]
    assert back["payee"] == "Netflix"

    bad = books("recurring", "confirm", "0000000000", *today, ok=False)
    assert bad.returncode != 0 and bad.stderr.strip().startswith("error: no recurring series")
