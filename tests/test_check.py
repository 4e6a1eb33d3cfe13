"""`kakeibo check`: the books' invariants hold on real data, and every kind of damage is found and named."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from tests.cli_helpers import Cli

DEMO = "demo@kakeibo.local"


def _damage(cli: Cli, *statements: str) -> None:
    with closing(sqlite3.connect(cli.cwd / "data" / "kakeibo.sqlite3")) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


def test_the_demo_books_hold_every_invariant(cli: Cli) -> None:
    cli("demo", "--years", "1", "--seed", "5")
    cli("--user", DEMO, "ask", "twelve dollars for lunch yesterday", "--yes")
    cli("--user", DEMO, "undo")
    report = cli.json("check")
    assert report["ok"] is True and report["households"] == 1
    assert {c["name"]: c["ok"] for c in report["checks"]} == {
        "rollups": True,
        "balanced": True,
        "postings": True,
        "undo": True,
    }
    assert next(c for c in report["checks"] if c["name"] == "balanced")["checked"] > 500
    assert "all invariants hold" in cli("check").stdout


def test_each_kind_of_damage_is_found(cli: Cli) -> None:
    cli("demo", "--years", "1", "--seed", "5")
    cli("--user", DEMO, "ask", "twelve dollars for lunch yesterday", "--yes")
    cli("--user", DEMO, "undo")
    _damage(
        cli,
        # A rollup that drifted from its postings, a transaction that no longer balances, a posting deleted
        # apart from its transaction, and an undo marked on only part of its group.
        "UPDATE monthly_totals SET amount_minor = amount_minor + 1 WHERE rowid = (SELECT min(rowid) FROM monthly_totals)",
        "UPDATE postings SET converted_minor = converted_minor + 5, amount_minor = amount_minor + 5 WHERE id = 10",
        "UPDATE postings SET deleted = 1 WHERE id = 20",
        "INSERT INTO events (household_id, group_id, actor_id, source, entity, entity_id, action, summary, undone_at,"
        " created_at) SELECT household_id, group_id, actor_id, source, entity, entity_id, 'update', 'copy', NULL,"
        " created_at FROM events WHERE undone_at IS NOT NULL AND undo_of IS NULL LIMIT 1",
    )
    failed = cli("check", "--json", ok=False)
    assert failed.returncode == 1
    report = json.loads(failed.stdout)
    broken = {c["name"]: c["problems"] for c in report["checks"] if not c["ok"]}
    assert set(broken) == {"rollups", "balanced", "postings", "undo"}, broken
    assert any("transaction" in p and "summing to 5" in p for p in broken["balanced"])
    assert any("liveness" in p for p in broken["postings"])
    assert any("only part of it is undone" in p for p in broken["undo"])
    text = cli("check", ok=False)
    assert text.returncode == 1 and "PROBLEMS" in text.stdout and "FAILED" in text.stdout
