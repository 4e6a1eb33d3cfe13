"""Keyword-only factories with safe defaults. They flush, never commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kakeibo.auth.models import Household, Membership, Role, User
from kakeibo.core.actor import Actor
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Account, Transaction
from kakeibo.ledger.schemas import AccountCreate, TransactionCreate


@dataclass
class HouseholdFixture:
    user: User
    household: Household

    def actor(self, source: str = "api") -> Actor:
        return Actor(
            household_id=self.household.id,
            user_id=self.user.id,
            base_currency=self.household.base_currency,
            source=source,
        )


def make_household(
    session: Session, *, email: str | None = None, name: str = "Home", base_currency: str = "USD"
) -> HouseholdFixture:
    import uuid

    household = Household(name=name, base_currency=base_currency, ledger_version=0)
    session.add(household)
    session.flush()
    user = User(
        email=email or f"{uuid.uuid4().hex[:8]}@example.com",
        password_hash=None,
        display_name="Test",
        default_household_id=household.id,
    )
    session.add(user)
    session.flush()
    session.add(Membership(user_id=user.id, household_id=household.id, role=Role.owner))
    ledger.seed_household(session, household_id=household.id)
    return HouseholdFixture(user=user, household=household)


def make_account(
    session: Session,
    *,
    home: HouseholdFixture,
    name: str = "Checking",
    kind: str = "asset",
    subtype: str = "checking",
    currency: str = "USD",
    opening: str = "0",
    opening_date: dt.date = dt.date(2026, 1, 1),
) -> Account:
    data = AccountCreate(
        name=name,
        kind=kind,
        subtype=subtype,
        currency=currency,  # type: ignore[arg-type]
        opening_balance=opening,
        opening_date=opening_date,
    )
    return ledger.create_account(session, actor=home.actor(), data=data)


def make_transaction(
    session: Session,
    *,
    home: HouseholdFixture,
    account: Account,
    amount: str = "12.34",
    type: str = "expense",
    category: str | None = "Food & Dining/Coffee",
    to_account: Account | None = None,
    date: dt.date = dt.date(2026, 3, 14),
    payee: str = "Blue Bottle",
    currency: str | None = None,
    tags: list[str] | None = None,
    actor: Actor | None = None,
) -> Transaction:
    data = TransactionCreate(
        type=type,
        account=account.id,
        amount=amount,  # type: ignore[arg-type]
        category=category if type != "transfer" else None,
        to_account=to_account.id if to_account else None,
        date=date,
        payee=payee,
        currency=currency,
        tags=tags or [],
    )
    return ledger.create_transaction(session, actor=actor or home.actor(), data=data)
