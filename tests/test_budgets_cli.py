"""`kakeibo budget` as a person runs it: the real command as a subprocess, on a fresh SQLite file and on
PostgreSQL — set, copy, mode and show (text and JSON), undo, `--today`, and bad input as one `error:` line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import Cli, cli_on

GROCERIES = "Food & Dining/Groceries"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    """Checking with a salary, groceries in October and November (one refunded in part) and a transfer."""
    with cli_on(request.param, tmp_path, prefix="kakeibo_budget_cli") as cli:
        yield from _seeded(cli)


def _seeded(cli: Cli) -> Iterator[Cli]:
    cli("account", "add", "Checking", "--opening", "1000", "--opening-date", "2026-09-01")
    cli("account", "add", "Savings", "--subtype", "savings", "--opening-date", "2026-09-01")
    for category, amount, day in [
        ("Income/Salary", "2500", "2026-10-01"),
        (GROCERIES, "310.00", "2026-10-12"),
        (GROCERIES, "95.40", "2026-11-03"),
    ]:
        cli("tx", "add", "--account", "Checking", "--category", category, "--amount", amount, "--date", day)
    cli("tx", "add", "--account", "Checking", "--type", "income", "--category", GROCERIES, "--amount", "5.40",
        "--date", "2026-11-04")  # fmt: skip
    cli("tx", "add", "--account", "Checking", "--to-account", "Savings", "--amount", "200", "--date", "2026-11-05")
    yield cli


def test_a_person_budgets_copies_and_reads_the_month(books: Cli) -> None:
    said = books("budget", "set", "Groceries", "400", "--month", "2026-10", "--rollover")
    assert "Budget for Food & Dining/Groceries in 2026-10: 400.00 USD; spent 310.00, available 90.00." in said.stdout
    assert "kakeibo undo --group " in said.stdout
    assert (
        "Copied 1 budget from 2026-10 to 2026-11."
        in books("budget", "copy", "--from", "2026-10", "--to", "2026-11").stdout
    )
    shown = books.json("budget", "show", "--month", "2026-11", "--today", "2026-11-15")
    assert {k: shown[k] for k in ("month", "currency", "mode", "to_budget")} == {
        "month": "2026-11", "currency": "USD", "mode": "tracking", "to_budget": None
    }  # fmt: skip
    [line] = shown["categories"]
    # Spent is net of the refund; the transfer to savings is not spending.
    assert {k: line[k] for k in ("category", "budgeted", "spent", "rolled_over", "available")} == {
        "category": GROCERIES, "budgeted": "400.00", "spent": "90.00", "rolled_over": "90.00", "available": "400.00"
    }  # fmt: skip
    report = books.json("report", "month", "--month", "2026-11")
    assert {r["category"]: r["amount"] for r in report["spending"]}[GROCERIES] == line["spent"]
    # --today decides the current month and its pace: day 15 of 30, 90.00 spent runs to 180.00.
    assert line["pace"] == {"day": 15, "days": 30, "budget_to_date": "200.00", "projected": "180.00"}
    text = books("budget", "show", "--today", "2026-11-15").stdout
    assert "Budget 2026-11 (tracking mode, USD)" in text and "180.00 by month end" in text
    assert books.json("budget", "show", "--today", "2026-12-02")["month"] == "2026-12"


def test_envelope_mode_and_undo(books: Cli) -> None:
    assert "now work in envelope mode" in books("budget", "mode", "envelope").stdout
    assert "already work in envelope mode" in books("budget", "mode", "envelope").stdout
    books("budget", "set", GROCERIES, "300", "--month", "2026-10")
    books("budget", "set", "Housing/Rent", "1500", "--month", "2026-10")
    october = books.json("budget", "show", "--month", "2026-10")
    assert october["to_budget"] == "700.00"  # 2500 earned, 1800 assigned
    november = books.json("budget", "show", "--month", "2026-11")
    # Groceries overspent October by 10.00, and the envelope carries it; rent's 1500 carries too.
    assert {r["category"]: r["rolled_over"] for r in november["categories"]} == {
        GROCERIES: "-10.00",
        "Housing/Rent": "1500.00",
    }
    undone = books("undo")
    assert "Budgeted 1500.00 USD for Housing/Rent in 2026-10" in undone.stdout
    assert books.json("budget", "show", "--month", "2026-10")["to_budget"] == "2200.00"
    books("undo")
    books("undo")  # the mode change
    assert books.json("budget", "show", "--month", "2026-10")["mode"] == "tracking"


BAD_INPUT = [
    (("set", "Nowhere", "10"), "no category 'Nowhere'"),
    (("set", "Income/Salary", "10"), "Income/Salary is an income category"),
    (("set", "Transfers/Savings", "10"), "Transfers/Savings is a transfer category"),
    (("set", GROCERIES, "-10"), "amount -10 is negative"),
    (("set", GROCERIES, "ten"), "is not a decimal amount"),
    (("set", GROCERIES, "10", "--month", "2026-13"), "month '2026-13' is not a month"),
    (("show", "--month", "2026-13"), "month '2026-13' is not a month"),
    (("copy", "--from", "2026-08", "--to", "2026-09"), "2026-08 has no budget to copy"),
]


def test_bad_input_is_one_error_line_and_nothing_written(books: Cli) -> None:
    # One set of books for every case (each command is a process of its own): a failed one must leave it as it was.
    before = books.json("budget", "show", "--month", "2026-10")
    for args, message in BAD_INPUT:
        failed = books("budget", *args, ok=False)
        assert failed.returncode != 0, args
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], (args, failed.stderr)
    assert books.json("budget", "show", "--month", "2026-10") == before
    if "KAKEIBO_DATABASE_URL" not in books.env:
        with sqlite3.connect(Path(books.env["KAKEIBO_DATA_DIR"]) / "kakeibo.sqlite3") as db:
            assert db.execute("SELECT count(*) FROM budgets").fetchone() == (0,)
            assert db.execute("SELECT count(*) FROM events WHERE entity LIKE 'budget%'").fetchone() == (0,)
