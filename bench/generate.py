"""Makes a ledger of N transactions over M accounts through the ledger service's batch path."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from dataclasses import dataclass

from sqlalchemy import Engine

from kakeibo.auth import service as auth
from kakeibo.core.actor import Actor
from kakeibo.core.db import make_engine, migrate, unit_of_work
from kakeibo.ledger import service as ledger
from kakeibo.ledger.schemas import AccountCreate, TransactionCreate
from kakeibo.tasks import connect

CATEGORIES = [
    "Food & Dining/Groceries",
    "Food & Dining/Coffee",
    "Food & Dining/Restaurants",
    "Transportation/Fuel",
    "Shopping/Online Shopping",
    "Utilities/Electricity",
    "Entertainment/Streaming Services",
    "Health/Pharmacy",
    "Travel/Hotels",
    "Housing/Rent",
]
PAYEES = ["Whole Foods", "Starbucks", "Chipotle", "Shell", "Amazon", "PG&E", "Netflix", "CVS", "Marriott", "Landlord"]


@dataclass(frozen=True)
class Generated:
    household_id: int
    user_id: int
    account_ids: list[int]
    seconds: float
    transactions: int

    @property
    def rate(self) -> float:
        return self.transactions / self.seconds if self.seconds else 0.0


def generate(
    engine: Engine,
    *,
    n: int,
    accounts: int = 8,
    seed: int = 7,
    batch: int = 10000,
    email: str = "bench@kakeibo.local",
    years: int = 10,
) -> Generated:
    rng = random.Random(seed)
    with unit_of_work(engine) as session:
        connect()
        user, household = auth.register(session, email=email, password="bench-password", household_name="Bench")
        actor = Actor(household_id=household.id, user_id=user.id, source="import")
        account_ids = []
        for i in range(accounts):
            kind = "liability" if i % 4 == 3 else "asset"
            subtype = "credit_card" if kind == "liability" else ("savings" if i % 4 == 1 else "checking")
            account = ledger.create_account(
                session,
                actor=actor,
                data=AccountCreate(
                    name=f"Account {i + 1}",
                    kind=kind,
                    subtype=subtype,  # type: ignore[arg-type]
                    opening_balance="10000" if kind == "asset" else "0",
                    opening_date=dt.date(2000, 1, 1),
                ),
            )
            account_ids.append(account.id)
        household_id, user_id = household.id, user.id
    rng_items = make_items(rng, account_ids, n=n, years=years)
    started = time.perf_counter()
    made = 0
    for offset in range(0, n, batch):
        chunk = rng_items[offset : offset + batch]
        with unit_of_work(engine) as session:
            actor = Actor(household_id=household_id, user_id=user_id, source="import")
            ledger.create_transactions(session, actor=actor, items=chunk)
        made += len(chunk)
    seconds = time.perf_counter() - started
    return Generated(household_id, user_id, account_ids, seconds, made)


def make_items(rng: random.Random, account_ids: list[int], *, n: int, years: int) -> list[TransactionCreate]:
    """The requests a caller (an importer) would hand to the batch path; built before the clock starts."""
    end = dt.date(2026, 10, 31)
    span = years * 365
    items = []
    for _ in range(n):
        day = end - dt.timedelta(days=rng.randrange(span))
        roll = rng.random()
        cents = rng.randrange(100, 30000)
        amount = f"{cents // 100}.{cents % 100:02d}"
        if roll < 0.05:
            src, dst = rng.sample(account_ids, 2)
            items.append(TransactionCreate(type="transfer", account=src, to_account=dst, amount=amount, date=day))
        elif roll < 0.12:
            salary = f"{cents * 10 // 100}.{cents * 10 % 100:02d}"
            items.append(
                TransactionCreate(
                    type="income",
                    account=rng.choice(account_ids),
                    category="Income/Salary",
                    amount=salary,
                    date=day,
                    payee="Employer",
                )
            )
        else:
            index = rng.randrange(len(CATEGORIES))
            items.append(
                TransactionCreate(
                    type="expense",
                    account=rng.choice(account_ids),
                    category=CATEGORIES[index],
                    amount=amount,
                    date=day,
                    payee=PAYEES[index],
                    description=f"{PAYEES[index]} #{rng.randrange(999)}",
                )
            )
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="database URL (migrated first)")
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("-m", "--accounts", type=int, default=8)
    args = parser.parse_args()
    migrate(args.url)
    result = generate(make_engine(args.url), n=args.n, accounts=args.accounts)
    print(f"{result.transactions} transactions in {result.seconds:.1f}s: {result.rate:,.0f}/s")


if __name__ == "__main__":
    main()
