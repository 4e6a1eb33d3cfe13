"""`kakeibo goal` as a person runs it: the real command as a subprocess, on a fresh SQLite file and on PostgreSQL —
add (with accounts, or counting contributions), contribute, list (text and the JSON contract), remove, undo,
`--today`, and bad input as one `error:` line with nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import Cli, cli_on

FIELDS = ["name", "target", "saved", "remaining", "by", "monthly_needed", "projected_date", "on_track"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    """Checking, and Savings fed 250.00 from it each month from September to December 2026."""
    with cli_on(request.param, tmp_path, prefix="kakeibo_goal_cli") as cli:
        yield from _seeded(cli)


def _seeded(cli: Cli) -> Iterator[Cli]:
    cli("account", "add", "Checking", "--opening", "5000", "--opening-date", "2026-08-01")
    cli("account", "add", "Savings", "--subtype", "savings", "--opening", "500", "--opening-date", "2026-08-01")
    for day in ("2026-09-03", "2026-10-03", "2026-11-03", "2026-12-03"):
        cli("tx", "add", "--account", "Checking", "--to-account", "Savings", "--amount", "250", "--date", day,
            "--today", "2026-12-15")  # fmt: skip
    yield cli


def test_a_person_saves_toward_two_goals(books: Cli) -> None:
    said = books("goal", "add", "House", "--target", "4000", "--by", "2027-06-30", "--account", "Savings",
                 "--today", "2026-12-15")  # fmt: skip
    assert "Added the goal House (saved in Savings)." in said.stdout
    assert "kakeibo undo --group " in said.stdout
    books("goal", "add", "Trip fund", "--target", "1500", "--by", "2027-03-31", "--today", "2026-12-15")
    for day, amount in [("2026-09-20", "200"), ("2026-10-20", "200"), ("2026-11-20", "200.50")]:
        books("goal", "contribute", "trip fund", amount, "--date", day, "--today", "2026-12-15")
    listed = books.json("goal", "list", "--today", "2026-12-15")
    assert [list(row) for row in listed] == [FIELDS, FIELDS]
    assert listed == [
        {
            # Savings: 500 + 4 x 250 on Dec 15; Sep-Nov added 750.00, 250.00 a month; 6 whole months to Jun 15.
            "name": "House", "target": "4000.00", "saved": "1500.00", "remaining": "2500.00", "by": "2027-06-30",
            "monthly_needed": "416.67", "projected_date": "2027-10-15", "on_track": False,
        },
        {
            # 600.50 contributed in Sep-Nov (200.17 a month): 899.50 left needs 5 months; 3 whole months to Mar 15.
            "name": "Trip fund", "target": "1500.00", "saved": "600.50", "remaining": "899.50", "by": "2027-03-31",
            "monthly_needed": "299.84", "projected_date": "2027-05-15", "on_track": False,
        },
    ]  # fmt: skip
    text = books("goal", "list", "--today", "2026-12-15").stdout
    assert "Monthly needed" in text and "416.67" in text and "2027-05-15" in text
    # At the month's end the year turns within the projection, and January's pace window is Oct-Dec.
    january = {r["name"]: r for r in books.json("goal", "list", "--today", "2027-01-31")}
    assert (january["House"]["monthly_needed"], january["House"]["projected_date"]) == ("500.00", "2027-11-30")


def test_contributions_reach_the_target_and_undo_takes_them_back(books: Cli) -> None:
    books("goal", "add", "Laptop", "--target", "300")
    said = books("goal", "contribute", "Laptop", "300")
    assert "Laptop: reached, 300.00 USD saved." in said.stdout
    [row] = books.json("goal", "list")
    assert (row["remaining"], row["by"], row["monthly_needed"], row["on_track"]) == ("0.00", None, None, None)
    assert "Put 300.00 USD toward Laptop" in books("undo").stdout
    assert books.json("goal", "list")[0]["saved"] == "0.00"
    assert "Removed the goal Laptop." in books("goal", "remove", "LAPTOP").stdout
    assert books.json("goal", "list") == []
    books("undo")
    assert [r["name"] for r in books.json("goal", "list")] == ["Laptop"]


def test_a_date_already_past_is_allowed_and_said_to_be_late(books: Cli) -> None:
    said = books("goal", "add", "Late one", "--target", "100", "--by", "2026-10-01", "--today", "2026-12-15")
    assert "has already passed: the goal is late" in said.stdout
    [row] = books.json("goal", "list", "--today", "2026-12-15")
    assert (row["monthly_needed"], row["on_track"]) == ("100.00", False)
    assert "(late)" in books("goal", "list", "--today", "2026-12-15").stdout


BAD_INPUT = [
    (("add", "Boat", "--target", "-10"), "target -10 is negative"),
    (("add", "Boat", "--target", "ten"), "is not a decimal amount"),
    (("add", "Boat", "--target", "10", "--account", "Nowhere"), "no account named 'Nowhere'"),
    (("add", "Boat", "--target", "10", "--account", "Savings", "--account", "Nowhere"), "no account named 'Nowhere'"),
    (("add", "Boat", "--target", "10", "--by", "soon"), "by 'soon' is not a date"),
    (("add", "trip FUND", "--target", "10"), "a goal named 'trip FUND' already exists"),
    (("contribute", "Boat", "10"), "no goal named 'Boat'"),
    (("contribute", "Trip fund", "-10"), "amount -10 is negative"),
    (("contribute", "Trip fund", "lots"), "is not a decimal amount"),
    (("remove", "Boat"), "no goal named 'Boat'"),
]


def test_bad_input_is_one_error_line_and_nothing_written(books: Cli) -> None:
    books("goal", "add", "Trip fund", "--target", "1500")
    before = books.json("goal", "list")
    for args, message in BAD_INPUT:
        failed = books("goal", *args, ok=False)
        assert failed.returncode != 0, args
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], (args, failed.stderr)
    assert books.json("goal", "list") == before
    if "KAKEIBO_DATABASE_URL" not in books.env:
        with sqlite3.connect(Path(books.env["KAKEIBO_DATA_DIR"]) / "kakeibo.sqlite3") as db:
            assert db.execute("SELECT count(*) FROM goals").fetchone() == (1,)
            assert db.execute("SELECT count(*) FROM goal_contributions").fetchone() == (0,)
            assert db.execute("SELECT count(*) FROM events WHERE entity LIKE 'goal%'").fetchone() == (1,)
