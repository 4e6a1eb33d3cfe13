"""Recurring detection at scale: generated books of N payments (random everyday spending over thousands of
merchants, as bench.generate makes, with planted series of every cadence carrying day jitter, price changes,
gaps and bank spellings), timed, with the precision and recall of the planted series.

Then the whole request's path on a real database: `recurring_service.list_series` (the three years of payment legs
read from SQLite, turned into payments, detected, overlaid with what people said) over bench.run's ledger of N
transactions (generated once and cached in bench/out), with the read and the detection timed apart.

    PYTHONPATH=src python -m bench.recurring [--n 100000] [--series 120] [--seed 7] [--no-ledger]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from dataclasses import dataclass

from kakeibo.imports.payee import clean_payee
from kakeibo.planning.recurring import RHYTHMS, Cadence, Payment, SeriesKind, add_months, detect

TODAY = dt.date(2026, 11, 23)
START = dt.date(2023, 11, 1)
ACCOUNTS = [(1, "Checking"), (2, "Visa"), (3, "Amex"), (4, "Joint")]
SYLLABLES = ["ka", "ke", "bo", "ri", "zen", "mar", "tol", "vin", "sa", "lu", "dor", "pe", "quin", "fa", "gro"]
SERVICES = ["STREAMING", "INSURANCE", "FITNESS", "CLOUD", "PAYROLL", "UTILITY", "MAGAZINE", "SAVINGS PLAN"]
KINDS = ["CAFE", "MARKET", "DELI", "SHOP", "BAR", "GRILL", "BAKERY", "BOOKS", "PHARMACY", "HARDWARE"]
JITTER = {Cadence.weekly: 1, Cadence.biweekly: 2, Cadence.semi_monthly: 2, Cadence.monthly: 3}


@dataclass(frozen=True)
class Planted:
    payee: str
    cadence: Cadence
    transaction_ids: frozenset[int]


def _merchants(rng: random.Random, count: int) -> list[str]:
    names = set()
    while len(names) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()
        names.add(f"{word} {rng.choice(KINDS)}")
    return sorted(names)


def _spelling(rng: random.Random, name: str) -> str:
    """A payee as the books hold it: how a bank prints the merchant (a processor prefix, a store number, a city,
    sometimes a longer name), cleaned as the import cleans it before storing."""
    printed = rng.choice(
        [name, f"SQ *{name} #{rng.randint(1, 99)}", f"{name} {rng.randint(100, 9999)} SPRINGFIELD", f"{name} ONLINE"]
    )
    return clean_payee(printed)


def _schedule(rng: random.Random, cadence: Cadence) -> list[dt.date]:
    rhythm = RHYTHMS[cadence]
    first = START + dt.timedelta(days=rng.randrange(int(rhythm.days) + 30))
    if cadence is Cadence.semi_monthly:
        days: list[dt.date] = []
        month = first.replace(day=1)
        while month <= TODAY:
            days += [month, month.replace(day=15)]
            month = add_months(month, 1)
    elif rhythm.months:
        month_end = rng.random() < 0.2
        anchor = 31 if month_end else first.day
        days = []
        step = 0
        while (day := add_months(first, step * rhythm.months, anchor=anchor)) <= TODAY:
            days.append(day)
            step += 1
    else:
        days = []
        day = first
        while day <= TODAY:
            days.append(day)
            day += dt.timedelta(days=int(rhythm.days))
    jitter = JITTER.get(cadence, 4)
    moved = sorted({d + dt.timedelta(days=rng.randint(-jitter, jitter)) for d in days if d >= START})
    # Some series ended a while ago, some have a month missing.
    if rng.random() < 0.15:
        moved = moved[: max(3, len(moved) * 2 // 3)]
    if len(moved) > 6 and rng.random() < 0.3:
        del moved[rng.randrange(2, len(moved) - 2)]
    return [d for d in moved if d <= TODAY]


def books(*, n: int, series: int, seed: int) -> tuple[list[Payment], list[Planted]]:
    rng = random.Random(seed)
    ids = iter(range(1, 10**9))
    planted: list[Planted] = []
    payments: list[Payment] = []
    subscriptions = [
        f"{name.split()[0]} {rng.choice(SERVICES)}" for name in _merchants(random.Random(seed + 1), series)
    ]
    cadences = list(Cadence)
    for i, name in enumerate(subscriptions):
        cadence = cadences[i % len(cadences)]
        account_id, account = rng.choice(ACCOUNTS)
        kind = SeriesKind.income if i % 17 == 0 else SeriesKind.transfer if i % 13 == 0 else SeriesKind.expense
        price = rng.randint(499, 150000) * (1 if kind is SeriesKind.income else -1)
        dates = _schedule(rng, cadence)
        if len(dates) < 2:
            continue
        change = rng.randrange(len(dates)) if rng.random() < 0.3 else len(dates)
        made = []
        for j, day in enumerate(dates):
            amount = price if j < change else price * 116 // 100
            tid = next(ids)
            made.append(tid)
            payments.append(Payment(tid, day, _spelling(rng, name), amount, "USD", account_id, account, kind, "Bills"))
        planted.append(Planted(name, cadence, frozenset(made)))
    everyday = _merchants(random.Random(seed + 2), 3000)
    weights = [1 / (rank + 1) for rank in range(len(everyday))]  # a few merchants often, most of them rarely
    span = (TODAY - START).days
    while len(payments) < n:
        name = rng.choices(everyday, weights)[0]
        account_id, account = rng.choice(ACCOUNTS)
        payments.append(
            Payment(
                next(ids),
                START + dt.timedelta(days=rng.randrange(span)),
                _spelling(rng, name),
                -rng.randint(150, 25000),
                "USD",
                account_id,
                account,
                SeriesKind.expense,
                "Shopping",
            )
        )
    rng.shuffle(payments)
    return payments, planted


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--series", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-ledger", action="store_true", help="Skip the run on a real database")
    args = parser.parse_args(argv)
    payments, planted = books(n=args.n, series=args.series, seed=args.seed)
    runs, cpu = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = detect(payments, today=TODAY)
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    # A detected series is right when most of its payments are one planted series' payments.
    by_tx = {tid: k for k, p in enumerate(planted) for tid in p.transaction_ids}
    matched: set[int] = set()
    right = 0
    cadence_right = 0
    for one in found:
        owners = [by_tx.get(tid) for tid in one.transaction_ids]
        best = max(set(owners), key=owners.count)
        if best is not None and owners.count(best) * 2 > len(owners):
            right += 1
            matched.add(best)
            cadence_right += planted[best].cadence is one.cadence
    precision = right / len(found) if found else 0.0
    recall = len(matched) / len(planted) if planted else 0.0
    print(
        f"recurring detection: {len(payments):,} payments, {len(planted)} planted series -> {len(found)} found in "
        f"{min(runs) * 1000:.0f} ms (best of 3; {max(runs) * 1000:.0f} ms worst; {min(cpu) * 1000:.0f} ms of CPU)"
    )
    print(f"  precision {precision:.3f}, recall {recall:.3f}, cadence right in {cadence_right}/{right} matched series")
    if not args.no_ledger:
        on_ledger(args.n)


def on_ledger(n: int) -> None:
    """`list_series` end to end on bench.run's SQLite ledger of n transactions, best of 3, split into the read
    (legs and payments) and the detection."""
    from sqlalchemy import select

    from bench.run import EMAIL, ledger_db
    from kakeibo.auth.models import User
    from kakeibo.core.db import unit_of_work
    from kakeibo.planning import recurring_service
    from kakeibo.planning import repository as repo

    _, engine = ledger_db("sqlite", n)
    with unit_of_work(engine) as session:
        household_id = session.scalars(select(User).where(User.email == EMAIL)).one().default_household_id
        assert household_id is not None
        since = TODAY - dt.timedelta(days=recurring_service.HISTORY_DAYS)
        whole, cpu, read, warm, found = [], [], [], [], []
        for _ in range(3):
            recurring_service.forget_detected()
            started, started_cpu = time.perf_counter(), time.process_time()
            found = recurring_service.list_series(session, household_id=household_id, today=TODAY)
            whole.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            started = time.perf_counter()
            recurring_service.list_series(session, household_id=household_id, today=TODAY)
            warm.append(time.perf_counter() - started)
            started = time.perf_counter()
            legs = repo.payment_legs(session, household_id=household_id, since=since, through=TODAY)
            payments = recurring_service.payments_of(legs)
            read.append(time.perf_counter() - started)
    engine.dispose()
    print(
        f"recurring list on a real SQLite ledger of {n:,} transactions ({len(payments):,} payments in 3 years): "
        f"{min(whole) * 1000:.0f} ms after a write (best of 3, {min(cpu) * 1000:.0f} ms of CPU; target < 1000), "
        f"of which reading {min(read) * 1000:.0f} ms; {min(warm) * 1000:.1f} ms until the next write; "
        f"{len(found)} series"
    )


if __name__ == "__main__":
    main()
