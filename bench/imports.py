"""Import throughput and memory: a generated bank CSV imported and categorized end to end on SQLite.

    .venv/bin/python -m bench.imports [--rows 100000] [--memory-rows 1000000]

Prints rows/s for the whole pipeline (parse, clean payees, fingerprint, dedup, match transfers, categorize, write in
one transaction), and the peak memory of a child process importing the larger file (streaming keeps it bounded).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
MERCHANTS = [
    "SQ *BLUE BOTTLE COFFEE #{n} SF",
    "STARBUCKS STORE {n} SEATTLE WA",
    "SHELL OIL {n}",
    "WHOLEFDS MKT #{n}",
    "AMAZON MKTPL*{n}K4L19",
    "UBER   *TRIP HELP.UBER.COM",
    "NETFLIX.COM",
    "TRADER JOE'S #{n}",
    "KWIK CORNER {n}",
    "CHEVRON {n}",
    "TARGET T-{n}",
    "PAYROLL ACME CORP",
    "CVS/PHARMACY #{n}",
    "COMCAST CABLE",
    "LOCAL BISTRO {n}",
]


def make_csv(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w") as handle:
        handle.write("Date,Description,Amount\n")
        for i in range(rows):
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            year = 2015 + i // (28 * 12 * 40)
            template = rng.choice(MERCHANTS)
            amount = rng.randint(100, 20000)
            sign = "" if template.startswith("PAYROLL") else "-"
            handle.write(
                f"{year}-{month:02d}-{day:02d},{template.format(n=rng.randint(100, 9999))},{sign}{amount // 100}.{amount % 100:02d}\n"
            )


def import_once(csv_path: Path, db_path: Path) -> tuple[int, float]:
    """Import in this process; returns (rows imported, seconds)."""
    from tests.factories import make_account, make_household

    from kakeibo.core.actor import Actor
    from kakeibo.core.db import make_engine, migrate, unit_of_work
    from kakeibo.imports.service import ImportOptions, import_file

    url = f"sqlite:///{db_path}"
    migrate(url)
    engine = make_engine(url)
    with unit_of_work(engine) as session:
        home = make_household(session)
        account = make_account(session, home=home)
        household_id, user_id, account_id = home.household.id, home.user.id, account.id
    started = time.perf_counter()
    with unit_of_work(engine) as session:
        report = import_file(
            session,
            actor=Actor(household_id=household_id, user_id=user_id, source="import"),
            path=csv_path,
            options=ImportOptions(account_id=account_id),
        )
    elapsed = time.perf_counter() - started
    engine.dispose()
    return report.imported, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--memory-rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        imported, elapsed = import_once(Path(args.child[0]), Path(args.child[1]))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{imported} {elapsed:.3f} {peak:.0f}")
        return
    OUT.mkdir(exist_ok=True)
    for rows, label in ((args.rows, "throughput"), (args.memory_rows, "memory")):
        if rows <= 0:
            continue
        csv_path = OUT / f"statement-{rows}.csv"
        if not csv_path.exists():
            make_csv(csv_path, rows)
        db_path = OUT / f"import-{rows}-{os.getpid()}.sqlite3"
        # A child process each, so the peak memory is the import's own.
        done = subprocess.run(
            [sys.executable, "-m", "bench.imports", "--child", str(csv_path), str(db_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        imported, elapsed, peak = done.stdout.split()[-3:]
        rate = int(imported) / float(elapsed)
        target = "target >= 5,000 rows/s" if label == "throughput" else "target <= 300 MB peak"
        print(
            f"import + categorize, SQLite, {rows:,} rows: {rate:,.0f} rows/s ({float(elapsed):.1f} s), "
            f"peak memory {peak} MB  ({target})"
        )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
