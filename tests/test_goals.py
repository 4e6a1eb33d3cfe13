"""Savings goals through the planning service on SQLite and PostgreSQL: a goal saved by contributions and one saved
in accounts, monthly_needed and the projection at fixed todays (a month end, a year boundary), on_track, undo of
every write, and the bad input refused with nothing written; plus the pure arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import AccountNotFound, UndoConflict
from kakeibo.ledger.models import Account, Event
from kakeibo.planning import goals
from kakeibo.planning.errors import GoalNameTaken, GoalNotFound, GoalRefused
from kakeibo.planning.goals import progress, whole_months
from kakeibo.planning.models import Goal, GoalContribution
from kakeibo.planning.presenters import goal_list_row
from kakeibo.tasks import connect
from tests.factories import HouseholdFixture, make_account, make_household, make_transaction

D = dt.date


@pytest.fixture(autouse=True)
def _connected() -> None:
    connect()  # undo reaches goals through the reversals `kakeibo.tasks` connects, as the app and the CLI do


@pytest.fixture
def home(session: Session) -> HouseholdFixture:
    return make_household(session)


@pytest.fixture
def checking(session: Session, home: HouseholdFixture) -> Account:
    return make_account(session, home=home, opening="10000", opening_date=D(2026, 1, 1))


def listed(session: Session, home: HouseholdFixture, today: dt.date) -> dict[str, dict[str, object]]:
    with clock.pinned(today):
        return {str(row["name"]): row for row in map(goal_list_row, goals.list_goals(session, actor=home.actor()))}


# ---- the arithmetic, without a database ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("today", "by", "months"),
    [
        (D(2026, 11, 23), D(2027, 5, 31), 6),  # May 23 is on or before May 31, June 23 is not
        (D(2026, 11, 23), D(2027, 5, 22), 5),
        (D(2027, 1, 31), D(2027, 2, 28), 1),  # a month end: Jan 31 + 1 month is Feb 28
        (D(2027, 1, 31), D(2027, 3, 30), 1),  # Jan 31 + 2 months is Mar 31, a day late
        (D(2026, 12, 15), D(2027, 1, 14), 0),  # across the year end, a day short of a month
        (D(2026, 12, 15), D(2027, 1, 15), 1),
        (D(2026, 11, 23), D(2026, 10, 1), 0),  # already past
    ],
)
def test_whole_months_left(today: dt.date, by: dt.date, months: int) -> None:
    assert whole_months(today, by) == months


def test_monthly_needed_rounds_up_to_the_cent_and_the_pace_projects_whole_months() -> None:
    figures = progress(
        target_minor=100_000, saved_minor=0, gained_minor=30_000, today=D(2026, 11, 23), by=D(2027, 2, 23)
    )
    assert figures.monthly_needed_minor == 33_334  # 1000.00 over 3 months is 333.33 and a third: 333.34
    assert figures.pace_minor == 10_000
    assert figures.projected_date == D(2027, 9, 23)  # 10 months at 100.00, across the year end
    assert (figures.on_track, figures.late) == (False, False)
    # A date less than a month away (or past) needs all of what remains now.
    assert progress(target_minor=5000, saved_minor=1000, gained_minor=0, today=D(2026, 11, 23), by=D(2026, 12, 1)) == (
        goals.Progress(1000, 4000, 4000, 0, None, False, False)
    )
    late = progress(target_minor=5000, saved_minor=1000, gained_minor=1, today=D(2026, 11, 23), by=D(2026, 11, 1))
    assert (late.monthly_needed_minor, late.late, late.on_track) == (4000, True, False)
    # Reached: nothing needed, on track whatever the pace; without a date, neither needed nor on track.
    reached = progress(target_minor=5000, saved_minor=6000, gained_minor=-500, today=D(2026, 11, 23), by=D(2026, 1, 1))
    assert (reached.remaining_minor, reached.monthly_needed_minor, reached.on_track, reached.late) == (
        0,
        0,
        True,
        False,
    )
    assert reached.projected_date == D(2026, 11, 23)
    # A cent a month toward a large target gets there after the last supported date: no projection.
    slow = progress(target_minor=10**15, saved_minor=0, gained_minor=3, today=D(2026, 11, 23), by=D(2030, 1, 1))
    assert (slow.projected_date, slow.on_track) == (None, False)
    undated = progress(target_minor=5000, saved_minor=0, gained_minor=-300, today=D(2026, 11, 23), by=None)
    assert (undated.monthly_needed_minor, undated.on_track, undated.projected_date, undated.pace_minor) == (
        None,
        None,
        None,
        -100,
    )


# ---- contributions -------------------------------------------------------------------------------------------------
def test_a_goal_saved_by_contributions(session: Session, home: HouseholdFixture) -> None:
    added = goals.add_goal(session, actor=home.actor(), name="Trip fund", target="1200", by=D(2027, 5, 31))
    assert added.goal.accounts == []
    for day, amount in [
        (D(2026, 7, 31), "40"),  # before the 3 months of the pace
        (D(2026, 8, 15), "100"),
        (D(2026, 9, 30), "100"),
        (D(2026, 10, 1), "100"),
        (D(2026, 11, 2), "50"),  # this month: saved, but not a complete month of pace
    ]:
        with clock.pinned(D(2026, 11, 23)):
            goals.contribute(session, actor=home.actor(), goal="trip FUND", amount=amount, day=day)
    assert listed(session, home, D(2026, 11, 23))["Trip fund"] == {
        "name": "Trip fund",
        "target": "1200.00",
        "saved": "390.00",
        "remaining": "810.00",
        "by": "2027-05-31",
        "monthly_needed": "135.00",  # 810.00 over the 6 whole months to May 23
        "projected_date": "2027-08-23",  # 300.00 in Aug-Oct: 100.00 a month, 9 months for 810.00
        "on_track": False,
    }
    # A month later the window is Sep-Nov (250.00) and the year has turned for the projection.
    dec = listed(session, home, D(2026, 12, 31))["Trip fund"]
    assert (dec["monthly_needed"], dec["projected_date"], dec["on_track"]) == ("162.00", "2027-10-31", False)
    # What was contributed after a day is not saved on that day.
    assert listed(session, home, D(2026, 9, 1))["Trip fund"]["saved"] == "140.00"


def test_reaching_the_target_needs_nothing_more(session: Session, home: HouseholdFixture) -> None:
    goals.add_goal(session, actor=home.actor(), name="Laptop", target="900.50", by=D(2027, 3, 1))
    goals.contribute(session, actor=home.actor(), goal="Laptop", amount="900.50")
    row = listed(session, home, D(2026, 11, 23))["Laptop"]
    assert (row["saved"], row["remaining"], row["monthly_needed"], row["on_track"]) == ("900.50", "0.00", "0.00", True)


# ---- accounts -----------------------------------------------------------------------------------------------------
def test_a_goal_saved_in_accounts_follows_their_balance(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    savings = make_account(
        session, home=home, name="Savings", subtype="savings", opening="1000", opening_date=D(2026, 9, 1)
    )
    for day in (D(2026, 10, 5), D(2026, 11, 5), D(2026, 12, 5), D(2027, 1, 5)):
        make_transaction(
            session,
            home=home,
            account=checking,
            to_account=savings,
            type="transfer",
            category=None,
            amount="200",
            date=day,
        )
    with clock.pinned(D(2027, 1, 10)):
        goals.add_goal(
            session, actor=home.actor(), name="House", target="3000", by=D(2027, 6, 30), accounts=["Savings"]
        )
    # Jan 10, 2027: the pace is Oct-Dec 2026 (1000.00 at Sep 30 to 1600.00 at Dec 31: 200.00 a month).
    row = listed(session, home, D(2027, 1, 10))["House"]
    assert row == {
        "name": "House",
        "target": "3000.00",
        "saved": "1800.00",
        "remaining": "1200.00",
        "by": "2027-06-30",
        "monthly_needed": "240.00",  # 5 whole months to Jun 10
        "projected_date": "2027-07-10",  # 6 months at 200.00
        "on_track": False,
    }
    # Spending from the account slows it: the pace is what the balance did, not what was moved in.
    make_transaction(
        session, home=home, account=savings, amount="300", category="Shopping/Clothing", date=D(2026, 12, 20)
    )
    row = listed(session, home, D(2027, 1, 10))["House"]
    assert (row["saved"], row["projected_date"]) == ("1500.00", "2028-04-10")  # 100.00 a month: 15 months
    # Contributions go to a goal without accounts only.
    with pytest.raises(GoalRefused, match="follows the balance of its accounts"):
        goals.contribute(session, actor=home.actor(), goal="House", amount="10")


def test_several_accounts_add_up_and_a_flat_pace_projects_nothing(
    session: Session, home: HouseholdFixture, checking: Account
) -> None:
    make_account(session, home=home, name="Savings", subtype="savings", opening="700", opening_date=D(2026, 1, 1))
    make_account(session, home=home, name="Jar", subtype="savings", opening="50.25", opening_date=D(2026, 1, 1))
    goals.add_goal(session, actor=home.actor(), name="Car", target="5000", accounts=["Savings", "Jar"])
    row = listed(session, home, D(2026, 11, 23))["Car"]
    assert {k: row[k] for k in ("saved", "remaining", "by", "monthly_needed", "projected_date", "on_track")} == {
        "saved": "750.25",
        "remaining": "4249.75",
        "by": None,
        "monthly_needed": None,
        "projected_date": None,  # nothing moved in Aug-Oct
        "on_track": None,
    }
    [car] = goals.list_goals(session, actor=home.actor())
    assert car.accounts == ["Jar", "Savings"]


# ---- undo ---------------------------------------------------------------------------------------------------------
def _count(session: Session, home: HouseholdFixture, table: type[Goal] | type[GoalContribution]) -> int:
    stmt = select(func.count()).select_from(table).where(table.household_id == home.household.id)
    return int(session.scalar(stmt) or 0)


def test_every_goal_write_is_undone_and_redone(session: Session, home: HouseholdFixture) -> None:
    added = goals.add_goal(session, actor=home.actor(), name="Trip fund", target="1200")
    goals.contribute(session, actor=home.actor(), goal="Trip fund", amount="100")
    goals.contribute(session, actor=home.actor(), goal="Trip fund", amount="25.50")
    undone = ledger.undo(session, actor=home.actor())
    assert undone.summaries == ["Put 25.50 USD toward Trip fund on 2026-11-23"]
    assert listed(session, home, D(2026, 11, 23))["Trip fund"]["saved"] == "100.00"
    ledger.undo(session, actor=home.actor(), group_id=undone.undo_group_id)  # a redo
    assert listed(session, home, D(2026, 11, 23))["Trip fund"]["saved"] == "125.50"
    # The goal's creation cannot be undone under its later contributions.
    with pytest.raises(UndoConflict):
        ledger.undo(session, actor=home.actor(), group_id=added.group_id)
    # A removal takes the contributions along, and its undo brings them back under their ids.
    remover = home.actor()
    goals.remove_goal(session, actor=remover, goal="trip fund")
    assert (_count(session, home, Goal), _count(session, home, GoalContribution)) == (0, 0)
    ledger.undo(session, actor=home.actor(), group_id=remover.group_id)
    assert listed(session, home, D(2026, 11, 23))["Trip fund"]["saved"] == "125.50"
    events = session.scalars(
        select(Event.entity).where(Event.household_id == home.household.id, Event.entity.like("goal%"))
    ).all()
    assert sorted(set(events)) == ["goal", "goal_contribution"]


def test_an_added_goal_undone_leaves_no_row(session: Session, home: HouseholdFixture, checking: Account) -> None:
    added = goals.add_goal(session, actor=home.actor(), name="Emergency", target="3000", accounts=["Checking"])
    ledger.undo(session, actor=home.actor(), group_id=added.group_id)
    assert _count(session, home, Goal) == 0
    # Its name is free again; a redo after someone took it is refused.
    undo_group = session.scalars(
        select(Event.group_id).where(Event.household_id == home.household.id).order_by(Event.id.desc())
    ).first()
    goals.add_goal(session, actor=home.actor(), name="EMERGENCY", target="10")
    with pytest.raises(UndoConflict, match="another goal is named"):
        ledger.undo(session, actor=home.actor(), group_id=undo_group)


# ---- bad input ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"name": "Trip", "target": "-5"}, GoalRefused, "target -5 is negative"),
        ({"name": "Trip", "target": "0"}, GoalRefused, "target 0 is zero"),
        ({"name": "Trip", "target": "ten"}, ValidationFailed, "is not a decimal amount"),
        ({"name": "Trip", "target": "1.234"}, ValidationFailed, "more decimals"),
        ({"name": "  ", "target": "5"}, ValidationFailed, "a goal needs a name"),
        ({"name": "Trip", "target": "5", "accounts": ["Nowhere"]}, AccountNotFound, "no account named 'Nowhere'"),
        ({"name": "Trip", "target": "5", "accounts": ["Visa"]}, GoalRefused, "Visa is a liability"),
        ({"name": "Trip", "target": "5", "accounts": ["Euro"]}, GoalRefused, "Euro is in EUR"),
        ({"name": "trip fund", "target": "5"}, GoalNameTaken, "a goal named 'trip fund' already exists"),
    ],
)
def test_bad_goals_are_refused_and_nothing_written(
    session: Session, home: HouseholdFixture, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    make_account(session, home=home, name="Euro", currency="EUR")
    goals.add_goal(session, actor=home.actor(), name="Trip Fund", target="100")
    events = session.scalar(select(func.count()).select_from(Event).where(Event.household_id == home.household.id))
    with pytest.raises(error, match=message):
        goals.add_goal(session, actor=home.actor(), **kwargs)  # type: ignore[arg-type]
    assert _count(session, home, Goal) == 1
    assert (
        session.scalar(select(func.count()).select_from(Event).where(Event.household_id == home.household.id)) == events
    )


def test_bad_contributions_are_refused(session: Session, home: HouseholdFixture) -> None:
    goals.add_goal(session, actor=home.actor(), name="Trip", target="100")
    with pytest.raises(GoalNotFound, match="no goal named 'Boat'"):
        goals.contribute(session, actor=home.actor(), goal="Boat", amount="5")
    with pytest.raises(GoalRefused, match="amount -5 is negative"):
        goals.contribute(session, actor=home.actor(), goal="Trip", amount="-5")
    with pytest.raises(GoalRefused, match="after today"):
        goals.contribute(session, actor=home.actor(), goal="Trip", amount="5", day=D(2026, 11, 24))
    with pytest.raises(GoalNotFound):
        goals.remove_goal(session, actor=home.actor(), goal="Boat")
    assert _count(session, home, GoalContribution) == 0


def test_another_household_neither_sees_nor_reaches_a_goal(session: Session, home: HouseholdFixture) -> None:
    added = goals.add_goal(session, actor=home.actor(), name="Trip", target="100")
    other = make_household(session)
    assert goals.list_goals(session, actor=other.actor()) == []
    with pytest.raises(GoalNotFound):
        goals.contribute(session, actor=other.actor(), goal=added.goal.id, amount="5")
    with pytest.raises(GoalNotFound):
        goals.remove_goal(session, actor=other.actor(), goal="Trip")
    goals.add_goal(session, actor=other.actor(), name="Trip", target="100")  # names are unique per household only
