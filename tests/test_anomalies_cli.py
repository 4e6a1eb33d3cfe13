"""`kakeibo anomalies` as a person runs it, on a fresh SQLite file and on PostgreSQL: a statement of a year of fuel
at Shell (40 to 46 a fill) with one fill of 180.00 this month; the JSON contract with its exact fields, the text
with the ids, dismiss (gone, and `kakeibo undo` brings it back), `--today`, and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli_helpers import cli_on

TODAY = "2026-11-23"
FIELDS = ["transaction_id", "date", "payee", "amount", "category", "score", "reasons"]


def _statement() -> str:
    rows = ["Date,Description,Amount"]
    for i in range(24):  # twice a month, December 2025 through November 2026
        day = dt.date(2025 + (11 + i // 2) // 12, (11 + i // 2) % 12 + 1, 6 if i % 2 else 19)
        rows.append(f"{day},SHELL OIL 57444321,-{40 + i % 7}.{10 + i}")
    rows.append("2026-11-20,SHELL OIL 57444321,-180.00")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_person_sees_the_unusual_fill_dismisses_it_and_undoes(database: str, tmp_path: Path) -> None:
    with cli_on(database, tmp_path, prefix="kakeibo_anomalies_cli") as cli:
        cli("account", "add", "Checking", "--opening", "1000", "--opening-date", "2025-11-30")
        statement = tmp_path / "checking.csv"
        statement.write_text(_statement())
        cli("import", str(statement), "--account", "Checking", "--today", TODAY)
        found = cli.json("anomalies", "--today", TODAY)
        assert all(list(one) == FIELDS for one in found), found
        [fill] = [one for one in found if one["amount"] == "180.00"]
        assert (fill["payee"], fill["date"]) == ("Shell", "2026-11-20")
        assert fill["reasons"][0].startswith("4.")
        assert "what Shell usually costs (median" in fill["reasons"][0]
        # The text shows each anomaly's id first; dismiss takes it.
        text = cli("anomalies", "--today", TODAY).stdout
        line = next(row for row in text.splitlines() if "180.00" in row)
        anomaly_id = line.split()[0]
        done = cli("anomalies", "dismiss", anomaly_id, "--today", TODAY).stdout
        assert "Dismissed Shell 180.00" in done and "kakeibo undo" in done
        assert all(one["amount"] != "180.00" for one in cli.json("anomalies", "--today", TODAY))
        cli("undo")
        assert any(one["amount"] == "180.00" for one in cli.json("anomalies", "--today", TODAY))
        # A period of October only: nothing unusual then.
        assert cli.json("anomalies", "--start", "2026-10-01", "--end", "2026-10-31", "--today", TODAY) == []
        bad = cli("anomalies", "--start", "2026-13-01", ok=False)
        assert bad.returncode != 0 and "is not a date" in bad.stderr + bad.stdout
        backwards = cli("anomalies", "--start", "2026-11-20", "--end", "2026-11-01", ok=False)
        assert backwards.returncode != 0 and "after end" in backwards.stderr + backwards.stdout
        unknown = cli("anomalies", "dismiss", "0123456789ab", "--today", TODAY, ok=False)
        assert unknown.returncode != 0 and "no anomaly" in unknown.stderr + unknown.stdout
