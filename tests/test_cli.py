"""The real `kakeibo` command, run as a subprocess against a fresh SQLite file (and once against PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import Cli, environment, postgres_database


def _database(cli: Cli) -> Path:
    return Path(cli.env["KAKEIBO_DATA_DIR"]) / "kakeibo.sqlite3"


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _seed_october(cli: Cli) -> None:
    """Checking with 1,000, a Visa card, a coffee on the card, a salary, and the card paid from checking."""
    cli("account", "add", "Checking", "--opening", "1000", "--opening-date", "2026-10-01", "--institution", "Chase")
    cli("account", "add", "Visa", "--subtype", "credit_card", "--opening-date", "2026-10-01")
    cli(
        "tx",
        "add",
        "--account",
        "Visa",
        "--category",
        "Food & Dining/Coffee",
        "--amount",
        "4.75",
        "--date",
        "2026-10-03",
    )
    cli(
        "tx", "add", "--account", "Checking", "--category", "Income/Salary", "--amount", "2500",
        "--payee", "Acme", "--date", "2026-10-15",
    )  # fmt: skip
    cli("tx", "add", "--account", "Checking", "--to-account", "Visa", "--amount", "4.75", "--date", "2026-10-20")


def test_first_use_creates_the_database_and_the_local_owner(cli: Cli) -> None:
    listing = cli("account", "list")
    assert "No accounts yet" in listing.stdout
    assert _database(cli).exists()
    with sqlite3.connect(_database(cli)) as db:
        assert db.execute("SELECT email FROM users").fetchall() == [("owner@localhost",)]
    categories = {c["path"] for c in cli.json("category", "list")}
    assert {"Food & Dining/Coffee", "Housing/Rent", "Transfers/Credit Card Payment"} <= categories


def test_delete_then_undo_restores(cli: Cli) -> None:
    cli("account", "add", "Cash", "--subtype", "cash", "--opening", "50", "--opening-date", "2026-10-01")
    added = cli.json(
        "tx", "add", "--account", "Cash", "--category", "Coffee", "--amount", "3.20", "--date", "2026-10-02"
    )
    assert (added["amount"], added["category"]["name"], added["source"]) == ("-3.20", "Food & Dining/Coffee", "cli")
    deleted = cli("tx", "delete", str(added["id"]))
    assert deleted.stdout.startswith(f"Deleted #{added['id']} 2026-10-02 ")
    assert cli.json("balance", "--at", "2026-10-31")["net_worth"] == "50.00"
    assert "Undid 1 change" in cli("undo").stdout
    assert cli.json("balance", "--at", "2026-10-31")["net_worth"] == "46.80"
    missing = cli("tx", "delete", "999999", ok=False)
    assert missing.stderr == "error: no transaction 999999 in this household\n"


def test_accounts_transactions_report_undo(cli: Cli) -> None:
    added = cli("--today", "2026-10-03", "account", "add", "Cash", "--subtype", "cash", "--opening", "20")
    assert added.stdout.strip() == "Added asset account Cash (cash, USD), opening balance 20.00 USD on 2026-10-03."
    _seed_october(cli)

    balance = cli.json("balance", "--at", "2026-10-31")
    by_name = {a["name"]: a["balance"] for a in balance["accounts"]}
    assert by_name == {"Cash": "20.00", "Checking": "3495.25", "Visa": "0.00"}
    assert (balance["assets"], balance["liabilities"], balance["net_worth"]) == ("3515.25", "0.00", "3515.25")

    report = cli.json("report", "month", "--month", "2026-10")
    assert (report["month"], report["start"], report["end"]) == ("2026-10", "2026-10-01", "2026-10-31")
    # The card payment is a transfer: neither income nor spending.
    assert (report["income"], report["expenses"], report["net"]) == ("2500.00", "4.75", "2495.25")
    assert report["savings_rate"] == "99.8"
    assert report["spending"] == [
        {"category": "Food & Dining/Coffee", "amount": "4.75", "share": "100.0", "count": 1, "previous": "0.00"}
    ]
    assert report["income_by_category"] == [{"category": "Income/Salary", "amount": "2500.00", "count": 1}]
    assert report["previous"] == {
        "month": "2026-09",
        "income": "0.00",
        "expenses": "0.00",
        "net": "0.00",
        "savings_rate": None,
    }
    text = cli("--today", "2026-10-20", "report", "month").stdout
    assert "October 2026" in text and "Food & Dining/Coffee" in text
    assert "2,500.00 USD" in text and "99.8%" in text

    listing = cli("tx", "list", "--account", "Visa").stdout.splitlines()
    assert listing[0].split() == ["ID", "DATE", "PAYEE", "CATEGORY", "ACCOUNT", "AMOUNT", "BALANCE"]
    assert "Transfer from Checking" in listing[2] and listing[2].split()[-4:] == ["4.75", "USD", "0.00", "USD"]
    assert "Food & Dining/Coffee" in listing[3] and listing[3].split()[-4:] == ["-4.75", "USD", "-4.75", "USD"]

    undone = cli.json("undo")
    assert undone["events"] == 1 and undone["summary"] == ["Added transfer 4.75 USD on 2026-10-20"]
    after = {a["name"]: a["balance"] for a in cli.json("balance", "--at", "2026-10-31")["accounts"]}
    assert after == {"Cash": "20.00", "Checking": "3500.00", "Visa": "-4.75"}

    # Undo keeps walking back: next goes the salary.
    assert cli("undo").stdout.splitlines() == [
        f"Undid 1 change (group {_latest_undo_of(cli)}):",
        "  Added Acme 2500.00 USD on 2026-10-15",
    ]
    table = {
        line.split("  ")[0]: line.split()[-2:] for line in cli("balance", "--today", "2026-10-31").stdout.splitlines()
    }
    assert table["Checking"] == ["1,000.00", "USD"] and table["Visa"] == ["-4.75", "USD"]
    assert table["Net worth"] == ["1,015.25", "USD"]


def _latest_undo_of(cli: Cli) -> str:
    with sqlite3.connect(_database(cli)) as db:
        row = db.execute("SELECT undo_of FROM events WHERE undo_of IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    return str(row[0])


def test_bad_amount_is_one_clear_line_and_writes_nothing(cli: Cli) -> None:
    cli("account", "add", "Checking", "--opening", "100")
    before = _row_counts(_database(cli))
    failed = cli(
        "tx", "add", "--account", "Checking", "--category", "Food & Dining/Coffee", "--amount", "abc", ok=False
    )
    assert failed.returncode == 1
    assert failed.stderr == "error: amount 'abc' is not a decimal amount such as \"12.50\"\n"
    assert failed.stdout == ""
    # Refused inside the service too, after the transaction had begun: rolled back, nothing written.
    too_precise = cli("tx", "add", "--account", "Checking", "--amount", "1.234", ok=False)
    assert too_precise.returncode == 1 and too_precise.stderr.startswith("error: amount 1.234 has more decimals")
    unknown = cli("tx", "add", "--account", "Chequing", "--amount", "5", ok=False)
    assert unknown.stderr == "error: no account named 'Chequing' for --account (one of: Checking)\n"
    bad_date = cli("tx", "add", "--account", "Checking", "--amount", "5", "--date", "2026-02-30", ok=False)
    assert bad_date.stderr == "error: date '2026-02-30' is not a date such as 2026-10-31\n"
    assert "Traceback" not in failed.stderr + too_precise.stderr + unknown.stderr + bad_date.stderr
    assert _row_counts(_database(cli)) == before


def test_export_csv(cli: Cli, tmp_path: Path) -> None:
    _seed_october(cli)
    exported = cli("export", "--format", "csv", "--start", "2026-10-01", "--end", "2026-10-31").stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {"date", "account", "payee", "description", "amount", "currency", "category", "category_source"} <= set(
        rows[0]
    )
    coffee = [r for r in rows if r["category"] == "Food & Dining/Coffee"]
    assert [(r["account"], r["amount"], r["currency"]) for r in coffee] == [("Visa", "-4.75", "USD")]
    transfer = sorted((r["account"], r["amount"], r["category"]) for r in rows if r["date"] == "2026-10-20")
    assert transfer == [("Checking", "-4.75", "Visa"), ("Visa", "4.75", "Checking")]

    target = tmp_path / "october.csv"
    written = cli("export", "--format", "csv", "--output", str(target), "--start", "2026-10-01")
    assert "october.csv" in written.stdout and target.read_text(encoding="utf-8") == exported


def test_backup_is_a_consistent_readable_copy(cli: Cli, tmp_path: Path) -> None:
    _seed_october(cli)
    target = tmp_path / "copy.sqlite3"
    done = cli("backup", "--output", str(target))
    assert "copy.sqlite3" in done.stdout
    counts = _row_counts(target)
    assert counts == _row_counts(_database(cli))
    assert counts["transactions"] == 4 and counts["users"] == 1
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal needed
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = cli("backup", "--output", str(target), ok=False)
    assert again.returncode == 1 and "already exists" in again.stderr

    default = cli("backup")
    copies = list(Path(cli.env["KAKEIBO_DATA_DIR"]).glob("kakeibo-backup-*.sqlite3"))
    assert len(copies) == 1 and copies[0].name in default.stdout


def test_users_and_acting_as_one(cli: Cli) -> None:
    created = cli.json("user", "create", "ann@example.com", "--password", "correct horse", "--household", "Ann's")
    assert created["household"] == {"id": created["household"]["id"], "name": "Ann's", "base_currency": "USD"}
    assert "--user cy@example.com" in cli("user", "create", "cy@example.com", "--password", "correct horse").stdout
    # Nobody is picked by default once there is a user other than the local owner: commands must be told who acts.
    unnamed = cli("account", "add", "Checking", "--opening", "50", ok=False)
    assert unnamed.stderr.startswith("error: say who acts: pass --user EMAIL or set KAKEIBO_CLI_USER (users: ann@")
    cli("--user", "ann@example.com", "account", "add", "Checking", "--opening", "50")
    cli("user", "create", "bob@example.com", "--password", "another-secret", "--currency", "EUR")
    cli("--user", "bob@example.com", "account", "add", "Girokonto", "--opening", "10")
    ann = cli.json("account", "list", "--user", "ann@example.com")
    bob = cli.json("account", "list", "--user", "bob@example.com")
    assert [(a["name"], a["balance"], a["currency"]) for a in ann] == [("Checking", "50.00", "USD")]
    assert [(a["name"], a["balance"], a["currency"]) for a in bob] == [("Girokonto", "10.00", "EUR")]
    taken = cli("user", "create", "ann@example.com", "--password", "whatever-long", ok=False)
    assert taken.returncode == 1 and taken.stderr == "error: an account with this email already exists\n"
    nobody = cli("--user", "nobody@example.com", "balance", ok=False)
    assert nobody.stderr.startswith("error: no user 'nobody@example.com'")


def test_the_local_owner_acts_by_default_only_while_alone(cli: Cli, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from kakeibo.api.app import create_app
    from kakeibo.core.settings import Settings

    made = cli("account", "add", "Checking", "--opening", "10", "--json")
    assert json.loads(made.stdout)["name"] == "Checking"  # stdout stays one JSON document
    assert made.stderr == "acting as owner@localhost in Home\n"  # who acted, on every write
    assert cli("balance").stderr == ""  # reads say nothing
    # Someone signs up through the API of a server on the same database.
    data = Path(cli.env["KAKEIBO_DATA_DIR"])
    settings = Settings(data_dir=data, secret_key=cli.env["KAKEIBO_SECRET_KEY"])
    with TestClient(create_app(settings)) as client:
        signed_up = client.post(
            "/api/v1/auth/register", json={"email": "stranger@example.com", "password": "correct horse battery"}
        )
        assert signed_up.status_code == 202, signed_up.text
    # From now on the CLI never guesses: an import meant for the owner must not land in a stranger's household.
    refused = cli("tx", "add", "--account", "Checking", "--category", "Coffee", "--amount", "3", ok=False)
    assert refused.returncode == 1 and "--user EMAIL or set KAKEIBO_CLI_USER" in refused.stderr
    assert "owner@localhost, stranger@example.com" in refused.stderr
    named = cli(
        "--user", "owner@localhost", "tx", "add", "--account", "Checking", "--category", "Coffee", "--amount", "3"
    )
    assert named.stderr == "acting as owner@localhost in Home\n"
    configured = Cli(cwd=cli.cwd, env={**cli.env, "KAKEIBO_CLI_USER": "owner@localhost"})
    assert configured.json("balance")["net_worth"] == "7.00"
    stranger = cli("--user", "stranger@example.com", "account", "add", "Theirs")
    assert stranger.stderr == "acting as stranger@example.com in stranger's household\n"


def test_demo_command(cli: Cli) -> None:
    loaded = cli.json("demo", "--years", "1", "--seed", "3", "--today", "2026-11-15")
    assert (loaded["email"], loaded["password"]) == ("demo@kakeibo.local", "kakeibo-demo")
    assert (loaded["start"], loaded["end"]) == ("2025-11-01", "2026-11-15") and loaded["transactions"] > 500
    assert "already loaded" in cli("demo", "--if-empty").stdout
    again = cli("demo", ok=False)
    assert again.returncode == 1 and again.stderr.startswith("error: the demo household already exists")
    report = cli.json("--user", "demo@kakeibo.local", "report", "month", "--month", "2026-10")
    spending = {row["category"]: row["amount"] for row in report["spending"]}
    assert spending["Housing/Rent"] == "3150.00"
    assert not any(key.startswith("Transfers") for key in spending)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_database("kakeibo_cli") as url:
        yield url


@pytest.mark.postgres
def test_cli_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    cli = Cli(cwd=tmp_path, env=environment(tmp_path / "data", postgres_url))
    # A shared database is never migrated behind the operator's back.
    unmigrated = cli("balance", ok=False)
    assert unmigrated.returncode == 1 and "run `kakeibo migrate`" in unmigrated.stderr
    assert "latest schema" in cli("migrate").stdout
    _seed_october(cli)
    balance = cli.json("balance", "--at", "2026-10-31")
    assert {a["name"]: a["balance"] for a in balance["accounts"]} == {"Checking": "3495.25", "Visa": "0.00"}
    report = cli.json("report", "month", "--month", "2026-10")
    assert (report["income"], report["expenses"], report["net"]) == ("2500.00", "4.75", "2495.25")
    assert not (tmp_path / "data" / "kakeibo.sqlite3").exists()
