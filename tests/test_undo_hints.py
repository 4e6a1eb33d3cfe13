"""Every "undo with" hint the CLI prints is a command that works: each is run as printed, after a later change,
so a hint that merely undid the latest change would be caught."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.cli_helpers import Cli

HINT = re.compile(r"(kakeibo undo[^\n.]*)")


def _run_hint(cli: Cli, stdout: str) -> None:
    found = HINT.search(stdout)
    assert found is not None, stdout
    words = shlex.split(found.group(1).strip())
    assert words[:2] == ["kakeibo", "undo"] and "--group" in words, words
    cli(*words[1:])


def _count(cli: Cli, search: str) -> int:
    return len(cli.json("tx", "list", "--search", search))


def test_every_printed_undo_hint_undoes_its_own_change(cli: Cli, tmp_path: Path) -> None:
    cli("account", "add", "Checking", "--subtype", "checking", "--opening", "1000")
    cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Coffee", "--amount", "4.75",
        "--payee", "Blue Bottle", "--date", "2026-10-01")  # fmt: skip
    (coffee,) = cli.json("tx", "list", "--search", "Blue Bottle")
    deleted = cli("tx", "delete", str(coffee["id"]))
    cli("tx", "add", "--account", "Checking", "--category", "Food & Dining/Groceries", "--amount", "30",
        "--payee", "Corner Shop", "--date", "2026-10-02")  # fmt: skip
    _run_hint(cli, deleted.stdout)
    assert (_count(cli, "Blue Bottle"), _count(cli, "Corner Shop")) == (1, 1)

    statement = tmp_path / "october.csv"
    statement.write_text("Date,Description,Amount\n2026-10-03,SHELL OIL 57444321,-48.20\n")
    imported = cli("import", str(statement), "--account", "Checking")
    asked = cli("ask", "twelve dollars for lunch yesterday", "--yes")
    _run_hint(cli, imported.stdout)
    assert _count(cli, "SHELL") == 0 and _count(cli, "lunch") == 1
    _run_hint(cli, asked.stdout)
    assert _count(cli, "lunch") == 0 and _count(cli, "Corner Shop") == 1
