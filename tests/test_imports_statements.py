"""A statement's own word on the account: its closing balance checked against the ledger after the import, and an
account that opens after the statement's rows, moved before them (and back by undo)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from kakeibo.imports.service import ImportOptions, ImportReport, import_file
from kakeibo.ledger import opening, queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Account
from tests.cli_helpers import Cli
from tests.conftest import shared_fixture
from tests.factories import HouseholdFixture, make_account, make_household

DATA = Path(__file__).parent / "data" / "statements"
SEPTEMBER = DATA / "checking_september.ofx"  # rows Sep 1, 15, 30; LEDGERBAL 1047.05 at the end of Sep 30
OCTOBER = DATA / "checking_october.camt053.xml"  # one debit of 62.50 on Oct 12; CLBD 437.50 at Oct 31


def _import(session: Session, home: HouseholdFixture, path: Path, account: Account) -> ImportReport:
    return import_file(session, actor=home.actor("import"), path=path, options=ImportOptions(account_id=account.id))


def _balance(session: Session, home: HouseholdFixture, account: Account, day: dt.date) -> int:
    totals = queries.balance_minor_by_account(session, household_id=home.household.id, at=day, account_ids=[account.id])
    return totals.get(account.id, 0)


def test_an_account_opened_after_the_rows_is_reported_and_moving_its_opening_date_fixes_every_balance(
    session: Session, today: dt.date
) -> None:
    home = make_household(session)
    # Added today with what the bank showed before September's rows: it opens today, after them.
    checking = make_account(session, home=home, opening="1000.00", opening_date=today)
    report = _import(session, home, SEPTEMBER, checking)
    assert report.imported == 3

    [notice] = report.checks.opening_date_after_rows
    assert (notice.account_id, notice.opening_date, notice.earliest_row, notice.suggested_date) == (
        checking.id,
        today,
        dt.date(2026, 9, 1),
        dt.date(2026, 8, 31),
    )
    [check] = report.checks.balance_checks
    assert (check.date, check.statement, check.ledger, check.ok) == (dt.date(2026, 9, 30), "1047.05", "47.05", False)
    assert check.difference == "-1000.00"
    codes = sorted(w.code for w in report.checks.warnings)
    assert codes == ["balance_mismatch", "opening_date_after_rows"]
    body = report.as_dict()
    assert body["balance_checks"][0] == {
        "account_id": checking.id,
        "account": "Checking",
        "date": "2026-09-30",
        "currency": "USD",
        "statement": "1047.05",
        "ledger": "47.05",
        "difference": "-1000.00",
        "ok": False,
    }
    assert body["opening_date_after_rows"][0]["suggested_date"] == "2026-08-31"

    before = {day: _balance(session, home, checking, day) for day in (dt.date(2026, 8, 31), dt.date(2026, 9, 1))}
    assert before == {dt.date(2026, 8, 31): 0, dt.date(2026, 9, 1): -475}

    mover = home.actor("api")
    opening.move_opening_date(session, actor=mover, account_id=checking.id, date=notice.suggested_date)
    session.flush()
    expected = {
        dt.date(2026, 8, 30): 0,
        dt.date(2026, 8, 31): 100000,
        dt.date(2026, 9, 1): 99525,
        dt.date(2026, 9, 15): 109525,
        dt.date(2026, 9, 30): 104705,  # what the bank's LEDGERBAL says
        today: 104705,
    }
    assert {day: _balance(session, home, checking, day) for day in expected} == expected
    assert checking.opening_date == dt.date(2026, 8, 31)

    # Importing the same statement again: every row is a duplicate, the balance now agrees, no notice is left.
    again = _import(session, home, SEPTEMBER, checking)
    assert again.duplicates == 3 and again.checks.opening_date_after_rows == [] and again.checks.warnings == []
    assert again.checks.balance_checks[0].ok

    # One undo of the move restores the old date and the balances that went with it.
    ledger.undo(session, actor=mover, group_id=mover.group_id)
    session.flush()
    session.refresh(checking)
    assert checking.opening_date == today
    assert _balance(session, home, checking, dt.date(2026, 9, 30)) == 4705
    assert _balance(session, home, checking, today) == 104705


def test_moving_the_opening_date_to_the_date_it_has_records_nothing(session: Session, today: dt.date) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, opening="10.00", opening_date=today)
    actor = home.actor("api")
    opening.move_opening_date(session, actor=actor, account_id=checking.id, date=today)
    assert (
        ledger_repo.list_events(session, household_id=home.household.id, limit=10, before_id=None)[0].action == "create"
    )


def test_a_camt_closing_balance_that_agrees_is_ok_and_one_that_does_not_is_a_warning(
    session: Session, today: dt.date
) -> None:
    home = make_household(session, base_currency="EUR")
    girokonto = make_account(
        session, home=home, name="Girokonto", currency="EUR", opening="500.00", opening_date=dt.date(2026, 9, 30)
    )
    report = _import(session, home, OCTOBER, girokonto)
    [check] = report.checks.balance_checks
    assert (check.date, check.statement, check.ledger, check.ok) == (dt.date(2026, 10, 31), "437.50", "437.50", True)
    assert report.checks.warnings == [] and report.checks.opening_date_after_rows == []

    # An overdrawn account: a DBIT closing balance is negative, like the ledger's; no opening balance, no notice.
    other = make_account(session, home=home, name="Tagesgeld", currency="EUR", opening_date=today)
    overdrawn = _import(session, home, DATA / "overdrawn_october.camt053.xml", other)
    assert [(c.statement, c.ledger, c.ok) for c in overdrawn.checks.balance_checks] == [("-20.00", "-20.00", True)]
    assert overdrawn.checks.opening_date_after_rows == []

    # Imported onto the wrong account, the balance disagrees, and the report says so without refusing the rows.
    wrong = make_account(
        session, home=home, name="Kasse", currency="EUR", opening="5.00", opening_date=dt.date(2026, 1, 1)
    )
    mismatch = _import(session, home, OCTOBER, wrong)
    assert mismatch.imported == 1 and not mismatch.checks.balance_checks[0].ok
    [warning] = mismatch.checks.warnings
    assert warning.code == "balance_mismatch" and "437.50" in warning.message and "-57.50" in warning.message


def test_a_balance_in_another_currency_is_not_checked(session: Session) -> None:
    home = make_household(session, base_currency="EUR")
    account = make_account(session, home=home, name="Girokonto", currency="EUR", opening_date=dt.date(2014, 1, 1))
    report = _import(session, home, shared_fixture("statements", "genkgo_camt053.v2.minimal.xml"), account)
    assert report.checks.balance_checks == []
    [warning] = report.checks.warnings
    assert warning.code == "balance_not_checked" and "SEK" in warning.message


def test_the_api_reports_the_checks_and_moves_the_opening_date_undoably(client: TestClient, today: dt.date) -> None:
    from tests.api_helpers import sign_up

    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking", "opening_balance": "1000.00"}).json()
    assert account["opening_date"] == today.isoformat()
    files = {"file": ("september.ofx", SEPTEMBER.read_bytes(), "application/x-ofx")}
    started = user.post("/imports", files=files, data={"account_id": str(account["id"])}).json()
    result = user.get(f"/jobs/{started['job']['id']}").json()["result"]
    assert result["opening_date_after_rows"][0]["suggested_date"] == "2026-08-31"
    assert result["balance_checks"][0]["ok"] is False
    batch = user.get(f"/imports/{result['import_id']}").json()
    assert batch["checks"]["balance_checks"][0]["statement"] == "1047.05"
    assert "checks" not in batch["figures"]

    moved = user.post(f"/accounts/{account['id']}/opening-date", {"date": "2026-08-31"})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert body["account"]["opening_date"] == "2026-08-31" and body["account"]["balance"] == "1047.05"
    at_end = user.get("/accounts", params={"at": "2026-09-30"}).json()
    assert next(a for a in at_end if a["id"] == account["id"])["balance"] == "1047.05"

    assert user.post("/undo", {"group_id": body["group_id"]}).status_code == 200
    restored = user.get(f"/accounts/{account['id']}").json()
    assert restored["opening_date"] == today.isoformat()

    bad = user.post(f"/accounts/{account['id']}/opening-date", {"date": "not a date"})
    assert bad.status_code == 422
    assert user.post("/accounts/999999/opening-date", {"date": "2026-08-31"}).status_code == 404


def test_the_cli_prints_the_checks_and_the_command_that_moves_the_opening_date(cli: Cli, today: dt.date) -> None:
    cli("account", "add", "Checking", "--opening", "1000.00")
    printed = cli("import", str(SEPTEMBER), "--account", "Checking").stdout
    assert "balance 2026-09-30:" in printed and "statement 1047.05, ledger 47.05 (off by -1000.00)" in printed
    assert "kakeibo account open-date Checking 2026-08-31" in printed
    moved = cli("account", "open-date", "Checking", "2026-08-31").stdout
    assert "2026-08-31" in moved and "kakeibo undo --group" in moved
    again = cli("import", str(SEPTEMBER), "--account", "Checking").stdout
    assert "statement 1047.05, ledger 1047.05 (ok)" in again
    assert "open-date" not in again
