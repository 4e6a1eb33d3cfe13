"""Budgets through the planning service on SQLite and PostgreSQL: rollover across months and a year end, spent
equal to the month report, envelope "To budget" (a Hypothesis property), undo, and the bad input refused; plus the
pure arithmetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.core.errors import NotFound, ValidationFailed
from kakeibo.core.money import minor_to_str
from kakeibo.ledger import queries
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import UndoConflict
from kakeibo.ledger.models import Account, Event
from kakeibo.planning import repository as repo
from kakeibo.planning import service as budgets
from kakeibo.planning.arithmetic import LineOptions, carried, pace, spread
from kakeibo.planning.errors import BudgetRefused
from kakeibo.planning.models import Budget
from kakeibo.tasks import connect
from tests.factories import HouseholdFixture, make_account, make_household, make_transaction

GROCERIES = "Food & Dining/Groceries"
RESTAURANTS = "Food & Dining/Restaurants"
FOOD = "Food & Dining"
NOV, DEC, JAN = dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1)


@pytest.fixture(autouse=True)
def _connected() -> None:
    connect()  # undo reaches budgets through the reversals `kakeibo.tasks` connects, as the app and the CLI do


@pytest.fixture
def home(session: Session) -> HouseholdFixture:
    return make_household(session)


@pytest.fixture
def checking(session: Session, home: HouseholdFixture) -> Account:
    return make_account(session, home=home, opening="5000")


def spend(
    session: Session, home: HouseholdFixture, account: Account, amount: str, day: dt.date, category: str = GROCERIES
) -> None:
    make_transaction(session, home=home, account=account, amount=amount, category=category, date=day)


def earn(session: Session, home: HouseholdFixture, account: Account, amount: str, day: dt.date) -> None:
    make_transaction(
        session, home=home, account=account, amount=amount, type="income", category="Income/Salary", date=day
    )


def put(session: Session, home: HouseholdFixture, category: str, amount: str, month: dt.date, **kw: object) -> None:
    budgets.set_budget(session, actor=home.actor(), category=category, amount=amount, month=month, **kw)  # type: ignore[arg-type]


def row(session: Session, home: HouseholdFixture, month: dt.date, category: str) -> dict[str, str]:
    view = budgets.month_view(session, actor=home.actor(), month=month)
    found = next(r for r in view.rows if r.category == category)
    return {
        "budgeted": minor_to_str(found.budgeted_minor, "USD"),
        "spent": minor_to_str(found.spent_minor, "USD"),
        "rolled_over": minor_to_str(found.rolled_over_minor, "USD"),
        "available": minor_to_str(found.available_minor, "USD"),
    }


# ---- the arithmetic, without a database ---------------------------------------------------------------------------
def test_what_carries_is_symmetric_capped_or_swept() -> None:
    rolls = LineOptions(rolls=True)
    assert carried(2500, rolls) == 2500 and carried(-700, rolls) == -700
    assert carried(2500, LineOptions(rolls=False)) == 0 and carried(-700, LineOptions(rolls=False)) == 0
    assert carried(2500, LineOptions(rolls=True, cap_minor=1000)) == 1000
    assert carried(-2500, LineOptions(rolls=True, cap_minor=1000)) == -2500  # an overspend is never hidden
    assert carried(2500, LineOptions(rolls=True, sweep=True)) == 0
    assert carried(-700, LineOptions(rolls=True, sweep=True)) == -700


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=10**9), st.booleans())
@settings(max_examples=200, deadline=None)
def test_carrying_twice_changes_nothing(available: int, cap: int, sweep: bool) -> None:
    """What lets a run of empty months be stepped once."""
    options = LineOptions(rolls=True, cap_minor=cap, sweep=sweep)
    assert carried(carried(available, options), options) == carried(available, options)


def test_a_yearly_amount_spreads_to_the_cent() -> None:
    assert spread(100000, 12) == [8334] * 4 + [8333] * 8
    assert sum(spread(100000, 12)) == 100000


def test_pace_prorates_the_budget_and_projects_the_spending() -> None:
    # Day 10 of 30: a third of 600.00 is due, and 240.00 spent so far runs to 720.00 by the month's end.
    now = pace(budgeted_minor=60000, spent_minor=24000, day=10, days=30)
    assert (now.budget_to_date_minor, now.projected_minor) == (20000, 72000)


# ---- rollover ------------------------------------------------------------------------------------------------------
def test_tracking_mode_carries_only_the_lines_that_roll_over(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    put(session, home, GROCERIES, "400", NOV, rollover=True)
    put(session, home, RESTAURANTS, "100", NOV)
    spend(session, home, checking, "250.00", dt.date(2026, 11, 5))
    spend(session, home, checking, "130.00", dt.date(2026, 11, 6), RESTAURANTS)
    budgets.copy_month(session, actor=home.actor(), source=NOV, target=DEC)
    assert row(session, home, DEC, GROCERIES) == {
        "budgeted": "400.00", "spent": "0.00", "rolled_over": "150.00", "available": "550.00"
    }  # fmt: skip
    # Restaurants was overspent by 30.00 but does not roll over: December starts afresh.
    assert row(session, home, DEC, RESTAURANTS)["rolled_over"] == "0.00"
    assert budgets.month_view(session, actor=home.actor(), month=DEC).to_budget_minor is None


def test_rollover_carries_surplus_and_overspend_across_the_year_end(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    put(session, home, GROCERIES, "300", NOV, rollover=True)
    put(session, home, GROCERIES, "300", DEC)
    put(session, home, GROCERIES, "300", JAN)
    spend(session, home, checking, "200.00", dt.date(2026, 11, 20))  # 100.00 left
    spend(session, home, checking, "550.00", dt.date(2026, 12, 24))  # 100 + 300 - 550: 150.00 over
    spend(session, home, checking, "20.00", dt.date(2027, 1, 2))
    assert row(session, home, DEC, GROCERIES) == {
        "budgeted": "300.00", "spent": "550.00", "rolled_over": "100.00", "available": "-150.00"
    }  # fmt: skip
    assert row(session, home, JAN, GROCERIES) == {
        "budgeted": "300.00", "spent": "20.00", "rolled_over": "-150.00", "available": "130.00"
    }  # fmt: skip
    # A gap with nothing in it: March carries February's end, which is January's.
    assert row(session, home, dt.date(2027, 3, 1), GROCERIES)["rolled_over"] == "130.00"


def test_a_cap_limits_the_surplus_and_a_sweep_returns_it_to_be_budgeted(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    budgets.set_mode(session, actor=home.actor(), mode="envelope")
    earn(session, home, checking, "1000", dt.date(2026, 11, 1))
    put(session, home, GROCERIES, "400", NOV, cap="50")
    put(session, home, RESTAURANTS, "200", NOV, sweep=True)
    spend(session, home, checking, "100.00", dt.date(2026, 11, 3))
    assert row(session, home, DEC, GROCERIES)["rolled_over"] == "50.00"
    december = budgets.month_view(session, actor=home.actor(), month=DEC)
    assert not any(r.category == RESTAURANTS for r in december.rows)  # nothing budgeted, spent or carried
    # November: 1000 - 600 assigned = 400; December gets back 250 of groceries' 300 and all 200 of restaurants'.
    assert december.to_budget_minor == 40000 + 25000 + 20000
    grocery = next(r for r in december.rows if r.category == GROCERIES)
    assert (grocery.rollover, grocery.cap_minor, grocery.sweep) == (True, 5000, False)
    put(session, home, GROCERIES, "400", NOV, cap="none")  # the cap removed: all 300.00 carries
    assert row(session, home, DEC, GROCERIES)["rolled_over"] == "300.00"


def _id(session: Session, home: HouseholdFixture, path: str) -> int:
    return ledger.resolve_category(session, household_id=home.household.id, ref=path).id


# ---- spent is the month report's figure ------------------------------------------------------------------------------
def test_spent_is_the_month_reports_figure_with_a_refund_and_a_transfer(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    put(session, home, GROCERIES, "500", NOV)
    put(session, home, "Shopping", "300", NOV)
    spend(session, home, checking, "82.10", dt.date(2026, 11, 4))
    spend(session, home, visa, "40.00", dt.date(2026, 11, 19))
    spend(session, home, visa, "120.00", dt.date(2026, 11, 8), "Shopping/Online Shopping")
    spend(session, home, visa, "35.99", dt.date(2026, 11, 9), "Shopping/Clothing")
    # A return lowers the spending; paying the card is a transfer, neither spending nor income.
    make_transaction(session, home=home, account=visa, amount="45.50", type="income", category="Shopping/Online Shopping", date=dt.date(2026, 11, 21))  # fmt: skip
    make_transaction(session, home=home, account=checking, amount="150", type="transfer", to_account=visa, date=dt.date(2026, 11, 22))  # fmt: skip
    spend(session, home, checking, "9.99", dt.date(2026, 10, 31))  # last month: not November's
    for line in (GROCERIES, "Shopping"):
        report = queries.summary(
            session,
            household_id=home.household.id,
            start=NOV,
            end=dt.date(2026, 11, 30),
            currency="USD",
            category=ledger.resolve_category(session, household_id=home.household.id, ref=line),
        )
        assert row(session, home, NOV, line)["spent"] == minor_to_str(report.expenses_minor, "USD")
    assert row(session, home, NOV, GROCERIES)["spent"] == "122.10"
    assert row(session, home, NOV, "Shopping")["spent"] == "110.49"


def test_pace_is_shown_for_the_current_month_only(session: Session, home: HouseholdFixture, checking: Account) -> None:
    put(session, home, GROCERIES, "600", NOV)
    spend(session, home, checking, "230.00", dt.date(2026, 11, 10))
    now = next(r for r in budgets.month_view(session, actor=home.actor(), month=NOV).rows if r.category == GROCERIES)
    assert now.pace is not None  # today is pinned to 2026-11-23
    assert (now.pace.day, now.pace.days, now.pace.budget_to_date_minor, now.pace.projected_minor) == (
        23,
        30,
        46000,
        30000,
    )
    put(session, home, GROCERIES, "600", DEC)
    later = budgets.month_view(session, actor=home.actor(), month=DEC)
    assert all(r.pace is None for r in later.rows)


# ---- envelope mode ---------------------------------------------------------------------------------------------------
def test_envelope_income_lands_in_to_budget_and_is_assigned(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    budgets.set_mode(session, actor=home.actor(), mode="envelope")
    earn(session, home, checking, "3000", dt.date(2026, 11, 1))
    put(session, home, GROCERIES, "500", NOV)
    put(session, home, "Housing/Rent", "1800", NOV)
    spend(session, home, checking, "40.00", dt.date(2026, 11, 2), "Entertainment/Movies & Events")  # no envelope
    view = budgets.month_view(session, actor=home.actor(), month=NOV)
    assert view.to_budget_minor == 300000 - 230000
    movies = next(r for r in view.rows if r.category == "Entertainment/Movies & Events")
    assert (movies.budgeted_minor, movies.available_minor, movies.rollover) == (0, -4000, False)  # overspent
    # Never budgeted, so it does not carry: December's To budget covers it (as Actual does), and the line is gone.
    december = budgets.month_view(session, actor=home.actor(), month=DEC)
    assert "Entertainment/Movies & Events" not in {r.category for r in december.rows}
    assert december.to_budget_minor == 70000 - 4000
    # A line that was budgeted carries its overspend (rollover is symmetric).
    put(session, home, "Entertainment/Movies & Events", "10", NOV)
    december = budgets.month_view(session, actor=home.actor(), month=DEC)
    assert next(r for r in december.rows if r.category == "Entertainment/Movies & Events").rolled_over_minor == -3000
    assert december.to_budget_minor == 70000 - 1000


ENVELOPE_MONTHS = [dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1), dt.date(2027, 3, 1)]
LINES = [GROCERIES, RESTAURANTS, "Shopping", "Housing/Rent"]
SPENT_IN = [*LINES, "Shopping/Books", "Health/Pharmacy", "Food & Dining/Coffee"]
amounts = st.integers(min_value=0, max_value=200000)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    budgeted=st.lists(st.tuples(st.sampled_from(ENVELOPE_MONTHS), st.sampled_from(LINES), amounts), max_size=8),
    spent=st.lists(
        st.tuples(st.sampled_from(ENVELOPE_MONTHS), st.sampled_from(SPENT_IN), amounts.filter(bool)), max_size=8
    ),
    income=st.lists(st.tuples(st.sampled_from(ENVELOPE_MONTHS), amounts.filter(bool)), max_size=4),
    cap=st.none() | st.integers(min_value=0, max_value=50000),
    sweep=st.booleans(),
)
def test_envelope_money_is_neither_made_nor_lost(
    session: Session,
    budgeted: list[tuple[dt.date, str, int]],
    spent: list[tuple[dt.date, str, int]],
    income: list[tuple[dt.date, int]],
    cap: int | None,
    sweep: bool,
) -> None:
    """In envelope mode, for every month m from the first budgeted one:
    sum over lines of available(m) + to_budget(m) = sum over those months of (income - spending), where income and
    spending are the month report's; and each line's available is rolled_over + budgeted - spent. Equivalently,
    to_budget(m) = to_budget(m-1) + income(m) - budgeted(m) + what the lines released (did not carry) into m."""
    with savepoint(session):
        home = make_household(session)
        account = make_account(session, home=home, opening="100000")
        budgets.set_mode(session, actor=home.actor(), mode="envelope")
        for month, line, minor in budgeted:
            put(session, home, line, minor_to_str(minor, "USD"), month)
        if cap is not None or sweep:
            repo.put_line(
                session,
                household_id=home.household.id,
                category_id=_id(session, home, GROCERIES),
                rollover=True,
                cap_minor=cap,
                sweep=sweep,
            )
        for month, category, minor in spent:
            spend(session, home, account, minor_to_str(minor, "USD"), month + dt.timedelta(days=3), category)
        for month, minor in income:
            earn(session, home, account, minor_to_str(minor, "USD"), month + dt.timedelta(days=1))
        first = min((m for m, _, _ in budgeted), default=None)
        for month in [*ENVELOPE_MONTHS, dt.date(2027, 2, 1)]:
            view = budgets.month_view(session, actor=home.actor(), month=month)
            start = min(first, month) if first else month
            report = queries.summary(
                session, household_id=home.household.id, start=start, end=queries.month_range(month)[1], currency="USD"
            )
            assert view.to_budget_minor is not None
            assert (
                sum(r.available_minor for r in view.rows) + view.to_budget_minor
                == report.income_minor - report.expenses_minor
            )
            for r in view.rows:
                assert r.available_minor == r.rolled_over_minor + r.budgeted_minor - r.spent_minor


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    nested = session.begin_nested()
    try:
        yield
    finally:
        nested.rollback()


# ---- undo ------------------------------------------------------------------------------------------------------------
def test_a_budget_change_is_undone_and_redone(session: Session, home: HouseholdFixture) -> None:
    put(session, home, GROCERIES, "400", NOV)
    changed = home.actor()
    budgets.set_budget(session, actor=changed, category=GROCERIES, amount="650", month=NOV, rollover=True)
    undone = ledger.undo(session, actor=home.actor(), group_id=changed.group_id)
    assert len(undone.summaries) == 2
    assert row(session, home, NOV, GROCERIES)["budgeted"] == "400.00"
    assert repo.get_line(session, household_id=home.household.id, category_id=_id(session, home, GROCERIES)) is None
    ledger.undo(session, actor=home.actor(), group_id=undone.undo_group_id)  # a redo
    assert row(session, home, NOV, GROCERIES)["budgeted"] == "650.00"
    # Undoing the first change now would hide the later one: refused.
    first_group = session.scalars(
        select(Event.group_id)
        .where(Event.household_id == home.household.id, Event.entity == "budget")
        .order_by(Event.id)
    ).first()
    with pytest.raises(UndoConflict):
        ledger.undo(session, actor=home.actor(), group_id=first_group)


def test_a_new_budget_undone_leaves_no_row_and_a_mode_change_is_undone(
    session: Session, home: HouseholdFixture
) -> None:
    put(session, home, GROCERIES, "400", NOV)
    ledger.undo(session, actor=home.actor())
    assert session.scalar(select(func.count()).select_from(Budget).where(Budget.household_id == home.household.id)) == 0
    budgets.set_mode(session, actor=home.actor(), mode="envelope")
    assert budgets.get_mode(session, household_id=home.household.id) == "envelope"
    ledger.undo(session, actor=home.actor())
    assert budgets.get_mode(session, household_id=home.household.id) == "tracking"


def test_a_copy_is_one_undoable_change(session: Session, home: HouseholdFixture) -> None:
    put(session, home, GROCERIES, "400", NOV)
    put(session, home, RESTAURANTS, "90", NOV)
    put(session, home, RESTAURANTS, "50", DEC)
    copy = home.actor()
    assert [a.path for a in budgets.copy_month(session, actor=copy, source=NOV, target=DEC)] == [GROCERIES, RESTAURANTS]
    assert row(session, home, DEC, RESTAURANTS)["budgeted"] == "90.00"
    ledger.undo(session, actor=home.actor(), group_id=copy.group_id)
    december = budgets.month_view(session, actor=home.actor(), month=DEC)
    assert [(r.category, r.budgeted_minor) for r in december.rows] == [(RESTAURANTS, 5000)]


# ---- helpers ---------------------------------------------------------------------------------------------------------
def test_the_helpers_set_an_average_a_yearly_amount_and_the_rest_of_the_year(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    for month, amount in ((8, "300.00"), (9, "200.00"), (10, "100.01")):
        spend(session, home, checking, amount, dt.date(2026, month, 15))
    _, average = budgets.set_to_average(session, actor=home.actor(), category=GROCERIES, month=NOV, months=3)
    assert average == 20000  # 600.01 / 3, to the cent
    assert row(session, home, NOV, GROCERIES)["budgeted"] == "200.00"
    budgets.set_budget(
        session, actor=home.actor(), category="Housing/Home Insurance", amount="1000", month=NOV, spread_over="year"
    )
    year = [
        b.amount_minor
        for b in repo.budgets_through(session, household_id=home.household.id, last_month=dt.date(2026, 12, 1))
        if b.category_id == _id(session, home, "Housing/Home Insurance")
    ]
    assert year == [8334] * 4 + [8333] * 8
    budgets.set_budget(
        session,
        actor=home.actor(),
        category="Health/Pharmacy",
        amount="25",
        month=dt.date(2026, 10, 1),
        spread_over="rest_of_year",
    )
    assert row(session, home, DEC, "Health/Pharmacy")["budgeted"] == "25.00"


# ---- bad input -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("category", "amount", "error"),
    [
        ("Income/Salary", "100", BudgetRefused),
        ("Transfers/Savings", "100", BudgetRefused),
        ("Nowhere/Nothing", "100", NotFound),
        (GROCERIES, "-1", BudgetRefused),
        (GROCERIES, "abc", ValidationFailed),
        (GROCERIES, "1.005", ValidationFailed),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    session: Session, home: HouseholdFixture, category: str, amount: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        put(session, home, category, amount, NOV)
    assert session.scalar(select(func.count()).select_from(Event).where(Event.household_id == home.household.id)) == 0
    assert repo.budgets_through(session, household_id=home.household.id, last_month=JAN) == []


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "November", "2026-11-01", "2200-01"])
def test_a_month_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValidationFailed):
        budgets.parse_month(text)


def test_a_group_and_its_own_categories_are_not_both_budgeted(session: Session, home: HouseholdFixture) -> None:
    put(session, home, GROCERIES, "400", NOV)
    with pytest.raises(BudgetRefused):
        put(session, home, FOOD, "900", DEC)
    put(session, home, "Shopping", "200", NOV)
    with pytest.raises(BudgetRefused):
        put(session, home, "Shopping/Books", "20", NOV)


def test_another_household_sees_none_of_it(session: Session, home: HouseholdFixture, checking: Account) -> None:
    put(session, home, GROCERIES, "400", NOV)
    spend(session, home, checking, "50.00", dt.date(2026, 11, 2))
    other = make_household(session)
    assert budgets.month_view(session, actor=other.actor(), month=NOV).rows == []
    with pytest.raises(NotFound):  # a category id of the first household is not one of the other's
        budgets.set_budget(session, actor=other.actor(), category=_id(session, home, GROCERIES), amount="1", month=NOV)
