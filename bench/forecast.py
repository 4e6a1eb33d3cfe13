"""The forecast measured: on the demo household (2 years) and on a generated 5-year one (the demo's generator,
60 months), each series' winning method and its one-month-ahead backtest MAE beside the baseline's (the mean of
the last 3 months), and the time of a whole forecast (the first one in a process pays for importing statsmodels;
then one after a write; then a kept one); then the same timings on bench.run's ledger of N transactions.

    PYTHONPATH=src python -m bench.forecast [--n 100000] [--no-ledger]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from kakeibo.auth.models import User
from kakeibo.cli.demo import DEMO_EMAIL, load_demo
from kakeibo.core import clock
from kakeibo.core.db import make_engine, migrate, unit_of_work
from kakeibo.insights import service
from kakeibo.tasks import connect

TODAY = dt.date(2026, 11, 23)


def _run(label: str, url: str, email: str) -> None:
    engine = make_engine(url)
    with unit_of_work(engine) as session, clock.pinned(TODAY):
        household_id = session.scalars(select(User).where(User.email == email)).one().default_household_id
        assert household_id is not None
        timings = []
        for keep in (False, False, True):
            if not keep:
                service._KEPT.clear()
            started = time.perf_counter()
            found = service.household_forecast(
                session, household_id=household_id, currency="USD", today=TODAY, months=3
            )
            timings.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    print(f"{label}: forecast of 3 months in {timings[0]:.0f} ms (first in the process), {timings[1]:.0f} ms after a "
          f"write, {timings[2]:.1f} ms kept")  # fmt: skip
    better = sum(1 for s in found.series if s.mae is not None and float(s.mae) < float(s.baseline_mae or 0))
    judged = sum(1 for s in found.series if s.mae is not None)
    print(f"  {better} of {judged} series beat the 3-month mean on their backtest")
    for s in found.series:
        if s.name in ("income", "spending") or s.name.startswith("spending:"):
            print(f"  {s.name:<32} {s.method:<15} MAE {s.mae or '-':>9}  3-month mean {s.baseline_mae or '-':>9}"
                  f"  ({s.months} months)")  # fmt: skip


def _demo(months: int, directory: Path) -> str:
    url = f"sqlite:///{directory / f'demo-{months}.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    with unit_of_work(engine) as session:
        load_demo(session, months=months, today=TODAY)
    engine.dispose()
    return url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--no-ledger", action="store_true", help="Skip bench.run's generated ledger")
    args = parser.parse_args(argv)
    connect()
    with tempfile.TemporaryDirectory() as directory:
        for months, label in ((24, "demo household, 2 years"), (60, "generated household, 5 years")):
            _run(label, _demo(months, Path(directory)), DEMO_EMAIL)
    if not args.no_ledger:
        from bench.run import EMAIL, ledger_db

        url, engine = ledger_db("sqlite", args.n)
        engine.dispose()
        _run(f"bench.run's ledger of {args.n:,} transactions", url, EMAIL)


if __name__ == "__main__":
    main()
