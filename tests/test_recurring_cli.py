"""`kakeibo recurring` as a person runs it: a statement imported with a subscription whose price went up, a
salary and a monthly transfer to savings, on a fresh SQLite file and on PostgreSQL — list (text and JSON, with
its exact fields), upcoming, dismiss (which survives new payments and re-detection), `--today`, and bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import Cli, cli_on

TODAY = "2026-11-23"
FIELDS = [
    *("id", "payee", "category", "account", "kind", "cadence", "amount", "currency", "last_date", "next_date"),
    *("next_amount", "yearly_cost", "status", "count"),
]


def _month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


def _statement() -> str:
    rows = ["Date,Description,Amount"]
    for i in range(10):  # Netflix on the 14th (15.49, 17.99 since April), payroll on the 1st, Jan to Oct/Nov
        day = _month(dt.date(2026, 1, 14), i)
        rows.append(f"{day},NETFLIX.COM 866-579-7172 CA,{'-15.49' if i < 3 else '-17.99'}")
    for i in range(11):
        rows.append(f"{_month(dt.date(2026, 1, 1), i)},ACME CORP PAYROLL,2500.00")
    rows.append("2026-06-02,BEST BUY 00412,-899.00")  # a one-off
    return "\n".join(rows) + "\n"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    with cli_on(request.param, tmp_path, prefix="kakeibo_recurring_cli") as cli:
        yield from _seeded(cli, tmp_path)


def _seeded(cli: Cli, tmp_path: Path) -> Iterator[Cli]:
    cli("account", "add", "Checking", "--opening", "1000", "--opening-date", "2025-12-01")
    cli("account", "add", "Savings", "--subtype", "savings", "--opening-date", "2025-12-01")
    statement = tmp_path / "checking.csv"
    statement.write_text(_statement())
    cli("import", str(statement), "--account", "Checking", "--today", TODAY)
    for month in (8, 9, 10, 11):
        cli("tx", "add", "--account", "Checking", "--to-account", "Savings", "--amount", "300",
            "--date", f"2026-{month:02d}-05", "--payee", "To savings")  # fmt: skip
    yield cli


def test_a_person_lists_what_recurs_sees_what_is_due_and_dismisses_one(books: Cli) -> None:
    listed = books.json("recurring", "list", "--json", "--today", TODAY)
    assert all(list(row) == FIELDS for row in listed), listed
    by_payee = {row["payee"]: row for row in listed}
    assert set(by_payee) == {"Netflix", "Acme Corp Payroll", "To savings"}, listed
    netflix = by_payee["Netflix"]
    assert {k: netflix[k] for k in ("account", "kind", "cadence", "amount", "currency", "status", "count")} == {
        "account": "Checking",
        "kind": "expense",
        "cadence": "monthly",
        "amount": "-17.99",
        "currency": "USD",
        "status": "late",
        "count": 10,
    }
    assert (netflix["last_date"], netflix["next_date"], netflix["next_amount"]) == (
        "2026-10-14",
        "2026-11-14",
        "-17.99",
    )
    assert netflix["yearly_cost"] == "-215.88"
    salary = by_payee["Acme Corp Payroll"]
    assert (salary["kind"], salary["amount"], salary["next_date"], salary["yearly_cost"]) == (
        "income",
        "2500.00",
        "2026-12-01",
        "30000.00",
    )
    saving = by_payee["To savings"]
    assert (saving["kind"], saving["amount"], saving["count"], saving["status"]) == ("transfer", "-300.00", 4, "active")
    # Netflix's November payment has not come: late, and listed first (by next date).
    assert listed[0]["payee"] == "Netflix"

    text = books("recurring", "list", "--today", TODAY).stdout
    assert "Netflix" in text and "monthly" in text and netflix["id"] in text

    due = books.json("recurring", "upcoming", "--days", "14", "--json", "--today", TODAY)
    assert [(d["date"], d["payee"], d["amount"]) for d in due] == [("2026-12-01", "Acme Corp Payroll", "2500.00"),
                                                                    ("2026-12-05", "To savings", "-300.00")]  # fmt: skip

    said = books("recurring", "dismiss", netflix["id"], "--today", TODAY)
    assert "Dismissed Netflix" in said.stdout
    # A new payment arrives and detection runs again: the dismissed series stays dismissed.
    books("tx", "add", "--account", "Checking", "--category", netflix["category"] or "Food & Dining/Groceries", "--amount", "17.99",
          "--date", "2026-11-20", "--payee", "NETFLIX.COM")  # fmt: skip
    again = books.json("recurring", "list", "--json", "--today", TODAY)
    assert "Netflix" not in {row["payee"] for row in again}
    everything = {row["payee"]: row for row in books.json("recurring", "list", "--all", "--json", "--today", TODAY)}
    assert everything["Netflix"]["status"] == "dismissed" and everything["Netflix"]["count"] == 11


def test_today_moves_the_status_and_bad_input_is_one_error_line(books: Cli) -> None:
    later = {row["payee"]: row for row in books.json("recurring", "list", "--all", "--json", "--today", "2027-03-01")}
    assert later["Netflix"]["status"] == "ended"
    assert "Netflix" not in {row["payee"] for row in books.json("recurring", "list", "--json", "--today", "2027-03-01")}
    missing = books("recurring", "dismiss", "0000000000", ok=False)
    assert missing.returncode != 0
    assert missing.stderr.strip().startswith("error:") and len(missing.stderr.strip().splitlines()) == 1
    bad_days = books("recurring", "upcoming", "--days", "0", ok=False)
    assert bad_days.returncode != 0
