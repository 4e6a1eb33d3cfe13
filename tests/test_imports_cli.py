"""`kakeibo import` as a user runs it: the real command on a real SQLite file, including a real kill mid-import."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.cli_helpers import Cli
from tests.conftest import shared_fixture

STATEMENT = (
    "Date,Description,Amount\n"
    "2026-10-01,STARBUCKS STORE 12345 SEATTLE WA,-4.75\n"
    "2026-10-02,SHELL OIL 57444321,-48.20\n"
    "2026-10-03,ACME CORP PAYROLL,3200.00\n"
)


def test_import_prints_every_row_and_reimport_adds_nothing(cli: Cli, tmp_path: Path) -> None:
    cli("account", "add", "Checking", "--subtype", "checking", "--opening", "1000")
    statement = tmp_path / "october.csv"
    statement.write_text(STATEMENT)
    first = cli("import", str(statement), "--account", "Checking")
    assert "Food & Dining/Coffee" in first.stdout and "knowledge_base" in first.stdout
    assert "imported" in first.stdout and "kakeibo undo --group" in first.stdout
    again = cli.json("import", str(statement), "--account", "Checking")
    assert (again["imported"], again["duplicates"]) == (0, 3)
    dry = cli.json("import", str(statement), "--account", "Checking", "--dry-run")
    assert dry["dry_run"] is True and dry["imported"] == 0


def test_problems_are_printed_with_their_lines_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    cli("account", "add", "Checking", "--subtype", "checking")
    statement = tmp_path / "bad.csv"
    statement.write_text(STATEMENT + "2026-02-30,BROKEN,-1.00\n2026-10-05,ALSO BROKEN,12.3.4\n")
    failed = cli("import", str(statement), "--account", "Checking", ok=False)
    assert failed.returncode == 1
    assert "line 5" in failed.stderr and "line 6" in failed.stderr
    listed = cli.json("tx", "list")
    assert (listed["items"] if isinstance(listed, dict) else listed) == []
    accepted = cli.json("import", str(statement), "--account", "Checking", "--accept-problems")
    assert accepted["imported"] == 3


def test_a_killed_import_leaves_nothing_behind(cli: Cli, tmp_path: Path) -> None:
    cli("account", "add", "Checking", "--subtype", "checking")
    big = tmp_path / "big.csv"
    with big.open("w") as handle:
        handle.write("Date,Description,Amount\n")
        for i in range(150_000):
            handle.write(
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},MERCHANT {i % 997} STORE {i},-{1 + i % 500}.{i % 100:02d}\n"
            )
    database = tmp_path / "data" / "kakeibo.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", "import", str(big), "--account", "Checking"],
        cwd=cli.cwd,
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = database.with_name(database.name + "-wal")
    deadline = time.monotonic() + 60
    # Wait until the import is writing (its write-ahead log grows), then kill it without warning.
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 2_000_000):
        assert process.poll() is None, "the import finished before it could be killed; make the file bigger"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM transactions").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM imports").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM import_fingerprints").fetchone() == (0,)
    # And the same file then imports whole.
    small = tmp_path / "small.csv"
    small.write_text(STATEMENT)
    assert cli.json("import", str(small), "--account", "Checking")["imported"] == 3


def test_mint_export_routes_rows_to_accounts_by_name(cli: Cli, tmp_path: Path) -> None:
    path = shared_fixture("categorized", "personal_transactions.csv")
    names = sorted({line.split(",")[-1].strip().strip('"') for line in path.read_text().splitlines()[1:] if line})
    for name in names:
        subtype = "credit_card" if "card" in name.lower() else "checking"
        cli("account", "add", name, "--subtype", subtype)
    report = cli.json("import", str(path))
    assert report["rows_read"] == 808
    assert report["imported"] > 700 and report["transfers"] > 0 and report["duplicates"] == 0
    assert report["by_source"].get("import", 0) > 0
    again = cli.json("import", str(path))
    assert again["imported"] == 0 and again["transfers"] == 0
