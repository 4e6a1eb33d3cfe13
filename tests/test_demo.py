"""The demo household: a realistic, deterministic ledger whose card is paid in full and whose transfers stay transfers."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy.orm import Session

from kakeibo.auth import service as auth
from kakeibo.cli.demo import (
    CARD_PAYMENT_DAY,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DemoResult,
    load_demo,
    plan,
    plan_start,
)
from kakeibo.core import clock
from kakeibo.ledger import queries
from kakeibo.ledger import repository as repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Transaction, TransactionType

TODAY = dt.date(2026, 11, 15)
SEED = 7
WHOLE_MONTHS = (dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1))


@pytest.fixture
def demo(session: Session) -> DemoResult:
    return load_demo(session, months=3, seed=SEED, today=TODAY)


def _transactions(session: Session, demo: DemoResult, **filters: object) -> list[Transaction]:
    flt = queries.TransactionFilter(**filters)  # type: ignore[arg-type]
    rows, cursor = queries.page_transactions(session, household_id=demo.household_id, flt=flt, limit=500, cursor=None)
    assert cursor is None
    return rows


def _account_id(session: Session, demo: DemoResult, name: str) -> int:
    return ledger.find_money_account(session, household_id=demo.household_id, name=name).id


def _in_category(session: Session, demo: DemoResult, path: str) -> list[Transaction]:
    category = ledger.resolve_category(session, household_id=demo.household_id, ref=path)
    return _transactions(session, demo, category_ids=[category.id])


def _transfers(session: Session, demo: DemoResult, source: str, target: str) -> list[Transaction]:
    """Transfers from `source` to `target`, as real postings between the two accounts."""
    src, dst = _account_id(session, demo, source), _account_id(session, demo, target)
    found = []
    for tx in _transactions(session, demo, type=TransactionType.transfer.value):
        legs = {p.account_id: p.amount_minor for p in repo.postings_of(session, [tx.id])[tx.id]}
        if set(legs) == {src, dst} and legs[src] < 0 < legs[dst]:
            found.append(tx)
    return sorted(found, key=lambda t: t.date)


def test_the_demo_user_and_span(session: Session, demo: DemoResult) -> None:
    assert (demo.start, demo.end) == (dt.date(2026, 8, 1), TODAY)
    user = auth.authenticate(session, email=DEMO_EMAIL, password=DEMO_PASSWORD)
    household = auth.default_household(session, user)
    assert (household.id, household.name, household.base_currency) == (demo.household_id, "Demo household", "USD")
    assert demo.accounts == ["Checking", "Savings", "Visa", "Cash", "Brokerage"]
    written = _transactions(session, demo)
    assert len(written) == demo.transactions + 4  # plus the four opening balances (the card opens at zero)
    assert {tx.source for tx in written} == {"import"}
    assert max(tx.date for tx in written) <= TODAY


def test_salary_rent_and_savings_every_month(session: Session, demo: DemoResult) -> None:
    salaries = Counter(tx.date.replace(day=1) for tx in _in_category(session, demo, "Income/Salary"))
    assert salaries == {WHOLE_MONTHS[0]: 2, WHOLE_MONTHS[1]: 2, WHOLE_MONTHS[2]: 2, dt.date(2026, 11, 1): 1}
    rent = _in_category(session, demo, "Housing/Rent")
    assert sorted(tx.date for tx in rent) == [*WHOLE_MONTHS, dt.date(2026, 11, 1)]
    assert {tx.amount_minor for tx in rent} == {-315_000}
    savings = _transfers(session, demo, "Checking", "Savings")
    assert [tx.date for tx in savings] == [m.replace(day=16) for m in WHOLE_MONTHS]
    assert _transfers(session, demo, "Checking", "Brokerage")


def test_the_card_is_paid_in_full_each_month_by_a_transfer(session: Session, demo: DemoResult) -> None:
    visa = _account_id(session, demo, "Visa")
    payments = _transfers(session, demo, "Checking", "Visa")
    assert [tx.date for tx in payments] == [dt.date(2026, m, CARD_PAYMENT_DAY) for m in (9, 10, 11)]
    for payment in payments:
        statement_end = payment.date.replace(day=1) - dt.timedelta(days=1)
        owed = queries.balance_minor_by_account(
            session, household_id=demo.household_id, at=statement_end, account_ids=[visa]
        )[visa]
        assert owed < 0
        assert payment.amount_minor == owed  # Checking's side: exactly the statement balance leaves checking
    # Nothing is carried over: after each payment the card holds only that month's new charges.
    charges_since = sum(
        tx.amount_minor
        for tx in _transactions(session, demo, account_id=visa, start=dt.date(2026, 11, 1))
        if tx.type != TransactionType.transfer
    )
    balance = queries.balance_minor_by_account(session, household_id=demo.household_id, at=TODAY, account_ids=[visa])
    assert balance[visa] == charges_since


def test_transfers_are_neither_income_nor_spending(session: Session, demo: DemoResult) -> None:
    entries = plan(start=demo.start, end=demo.end, seed=SEED)
    income = sum(e.amount_cents for e in entries if e.type == "income" and (e.category or "").startswith("Income/"))
    refunds = sum(
        e.amount_cents for e in entries if e.type == "income" and not (e.category or "").startswith("Income/")
    )
    spending = sum(e.amount_cents for e in entries if e.type == "expense") - refunds
    assert sum(e.amount_cents for e in entries if e.type == "transfer") > 0
    summary = queries.summary(
        session, household_id=demo.household_id, start=demo.start, end=demo.end, currency="USD", group_by="group"
    )
    assert (summary.income_minor, summary.expenses_minor) == (income, spending)
    assert "Transfers" not in {group.key for group in summary.groups}
    assert {"Income", "Housing", "Food & Dining", "Utilities", "Transportation"} <= {g.key for g in summary.groups}


def test_everyday_life_is_there(session: Session, demo: DemoResult) -> None:
    payees = {tx.payee for tx in _transactions(session, demo)}
    assert {"Starbucks", "Costco", "Netflix", "Spotify", "Apple iCloud", "PG&E", "Comcast Xfinity"} <= payees
    assert payees & {"Whole Foods Market", "Trader Joe's", "Safeway"}
    assert payees & {"Shell", "Chevron"}
    coffee = _in_category(session, demo, "Food & Dining/Coffee")
    assert len(coffee) >= 3 * 13  # several a week


def test_the_plan_is_deterministic_for_a_seed() -> None:
    start = plan_start(today=TODAY, months=24)
    assert start == dt.date(2024, 11, 1)
    first = plan(start=start, end=TODAY, seed=SEED)
    assert first == plan(start=start, end=TODAY, seed=SEED)
    assert first != plan(start=start, end=TODAY, seed=SEED + 1)
    assert all(isinstance(e.amount_cents, int) and e.amount_cents > 0 for e in first)
    assert [e.date for e in first] == sorted(e.date for e in first)
    vacations = {tag for e in first for tag in e.tags}
    assert vacations == {"vacation-2025", "vacation-2026"}
    refunds = [e for e in first if e.type == "income" and e.category == "Shopping/Online Shopping"]
    assert refunds  # a couple of returns over two years


def test_loading_twice_is_refused(session: Session, demo: DemoResult) -> None:
    from kakeibo.core.errors import Conflict

    with pytest.raises(Conflict, match="already exists"):
        load_demo(session, months=1, today=TODAY)


def test_budgets_for_the_last_months_and_this_one(session: Session, demo: DemoResult) -> None:
    from kakeibo.core.actor import Actor
    from kakeibo.planning import service as planning

    actor = Actor(household_id=demo.household_id, user_id=demo.user_id, base_currency="USD", via="cli")
    with clock.pinned(TODAY):
        now = planning.month_view(session, actor=actor, month=dt.date(2026, 11, 1))
        before = planning.month_view(session, actor=actor, month=dt.date(2026, 8, 1))
    budgeted = {row.category: row.budgeted_minor for row in now.rows}
    assert budgeted["Food & Dining/Groceries"] == 85000 and budgeted["Shopping"] == 40000
    assert {row.category: row.budgeted_minor for row in before.rows} == budgeted
    groceries = next(row for row in now.rows if row.category == "Food & Dining/Groceries")
    assert groceries.spent_minor > 0 and groceries.pace is not None  # this month's spending, at its pace
    assert groceries.rolled_over_minor != 0  # groceries carry what is left (or overspent) from October
