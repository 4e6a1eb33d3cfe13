"""The month report against ledger-cli on the same books, whole process each, side by side:
`.venv/bin/python -m bench.ledger_cli [--n 200000]`.

kakeibo answers `kakeibo report month --month M` from its database; ledger-cli reads the journal `kakeibo export
--format ledger` wrote from that database and answers `ledger bal` over the same month (income and expense accounts).
Target: kakeibo at least 3x faster at N=200k. The ledger and the journal are cached in bench/out."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.cli import RUNS, median_seconds
from bench.run import EMAIL, OUT, ledger_db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=200_000)
    args = parser.parse_args()
    ledger_cli = shutil.which("ledger")
    if ledger_cli is None:
        print("month report vs ledger-cli: ledger is not installed (apt-get install ledger); skipped")
        return
    OUT.mkdir(exist_ok=True)
    url, engine = ledger_db("sqlite", args.n)
    engine.dispose()
    database = url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        (latest,) = connection.execute("SELECT max(date) FROM transactions").fetchone()
    last = dt.date.fromisoformat(str(latest)).replace(day=1)
    month = (last - dt.timedelta(days=1)).replace(day=1)  # the last whole month of the books
    following = (month + dt.timedelta(days=32)).replace(day=1)
    env = {**os.environ, "KAKEIBO_DATABASE_URL": url, "KAKEIBO_CLI_USER": EMAIL}
    kakeibo = [str(Path(sys.executable).with_name("kakeibo"))]
    journal = OUT / f"ledger-{args.n}.journal"
    if not journal.exists():
        subprocess.run([*kakeibo, "export", "--format", "ledger", "--output", str(journal)], env=env, check=True)
    ours = median_seconds([*kakeibo, "report", "month", "--month", f"{month:%Y-%m}"], env)
    theirs = median_seconds(
        [ledger_cli, "-f", str(journal), "--begin", f"{month}", "--end", f"{following}", "bal", "^Income", "^Expenses"],
        env,
    )
    print(f"Month report at N={args.n:,} ({month:%Y-%m}), whole process, median of {RUNS}")
    print(f"  kakeibo report month  {ours * 1000:7.0f} ms")
    print(f"  ledger bal            {theirs * 1000:7.0f} ms   ({journal.stat().st_size / 1e6:,.0f} MB journal)")
    print(f"  kakeibo is {theirs / ours:.1f}x ledger-cli's speed  (target >= 3x)")


if __name__ == "__main__":
    main()
