"""All SQL of planning: budget rows, line options, the household's mode, savings goals, the payments recurring
detection reads and what people said about a series, every function scoped by household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import String, cast, delete, false, func, select
from sqlalchemy.orm import Session

from kakeibo.ledger.models import Account, Posting, Transaction, TransactionType
from kakeibo.planning.models import (
    Budget,
    BudgetLine,
    BudgetSettings,
    Goal,
    GoalAccount,
    GoalContribution,
    RecurringNote,
)


def get_settings(session: Session, *, household_id: int) -> BudgetSettings | None:
    return session.get(BudgetSettings, household_id)


def put_mode(session: Session, *, household_id: int, mode: str | None) -> None:
    """Set the household's mode; None removes the row (the household tracks, as one that never chose)."""
    row = session.get(BudgetSettings, household_id)
    if mode is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(BudgetSettings(household_id=household_id, mode=mode))
    else:
        row.mode = mode
    session.flush()


def budgets_through(session: Session, *, household_id: int, last_month: dt.date) -> list[Budget]:
    """Every budget row of the household up to and including `last_month`, oldest month first."""
    stmt = (
        select(Budget)
        .where(Budget.household_id == household_id, Budget.month <= last_month)
        .order_by(Budget.month, Budget.category_id)
    )
    return list(session.scalars(stmt))


def budgets_of_month(session: Session, *, household_id: int, month: dt.date) -> list[Budget]:
    stmt = select(Budget).where(Budget.household_id == household_id, Budget.month == month).order_by(Budget.category_id)
    return list(session.scalars(stmt))


def get_budget(session: Session, *, household_id: int, month: dt.date, category_id: int) -> Budget | None:
    stmt = select(Budget).where(
        Budget.household_id == household_id, Budget.month == month, Budget.category_id == category_id
    )
    return session.scalars(stmt).first()


def put_budget(
    session: Session, *, household_id: int, month: dt.date, category_id: int, amount_minor: int | None
) -> Budget | None:
    """Create, change or (amount None) remove one budget row; the row as it is now."""
    row = get_budget(session, household_id=household_id, month=month, category_id=category_id)
    if amount_minor is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return None
    if row is None:
        row = Budget(household_id=household_id, month=month, category_id=category_id, amount_minor=amount_minor)
        session.add(row)
    else:
        row.amount_minor = amount_minor
    session.flush()
    return row


def any_budget_on(session: Session, *, household_id: int, category_ids: Iterable[int]) -> int | None:
    """One of these lines that has a budget in some month, if any."""
    wanted = sorted(set(category_ids))
    if not wanted:
        return None
    stmt = select(Budget.category_id).where(Budget.household_id == household_id, Budget.category_id.in_(wanted))
    return session.scalars(stmt.limit(1)).first()


def line_ids(session: Session, *, household_id: int) -> set[int]:
    """Every category or group that has a budget in some month."""
    stmt = select(Budget.category_id).where(Budget.household_id == household_id).distinct()
    return set(session.scalars(stmt))


def lines(session: Session, *, household_id: int) -> list[BudgetLine]:
    return list(session.scalars(select(BudgetLine).where(BudgetLine.household_id == household_id)))


def get_line(session: Session, *, household_id: int, category_id: int) -> BudgetLine | None:
    return session.get(BudgetLine, (household_id, category_id))


def put_line(
    session: Session,
    *,
    household_id: int,
    category_id: int,
    rollover: bool | None,
    cap_minor: int | None = None,
    sweep: bool = False,
) -> None:
    """Set a line's options; rollover None removes them (the defaults: no rollover in tracking mode)."""
    row = get_line(session, household_id=household_id, category_id=category_id)
    if rollover is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        row = BudgetLine(household_id=household_id, category_id=category_id)
        session.add(row)
    row.rollover, row.rollover_cap_minor, row.sweep = rollover, cap_minor, sweep
    session.flush()


# ---- savings goals --------------------------------------------------------------------------------------------
def goals(session: Session, *, household_id: int) -> list[Goal]:
    return list(session.scalars(select(Goal).where(Goal.household_id == household_id).order_by(Goal.name_key)))


def get_goal(session: Session, *, household_id: int, goal_id: int) -> Goal | None:
    stmt = select(Goal).where(Goal.household_id == household_id, Goal.id == goal_id)
    return session.scalars(stmt).first()


def get_goal_by_name(session: Session, *, household_id: int, name_key: str) -> Goal | None:
    stmt = select(Goal).where(Goal.household_id == household_id, Goal.name_key == name_key)
    return session.scalars(stmt).first()


def goal_account_ids(session: Session, *, household_id: int, goal_ids: Iterable[int]) -> dict[int, list[int]]:
    """Each goal's linked accounts (a goal without any is absent)."""
    wanted = sorted(set(goal_ids))
    found: dict[int, list[int]] = {}
    if not wanted:
        return found
    stmt = (
        select(GoalAccount.goal_id, GoalAccount.account_id)
        .where(GoalAccount.household_id == household_id, GoalAccount.goal_id.in_(wanted))
        .order_by(GoalAccount.goal_id, GoalAccount.account_id)
    )
    for goal_id, account_id in session.execute(stmt):
        found.setdefault(goal_id, []).append(account_id)
    return found


def contributions(session: Session, *, household_id: int, goal_id: int) -> list[GoalContribution]:
    stmt = (
        select(GoalContribution)
        .where(GoalContribution.household_id == household_id, GoalContribution.goal_id == goal_id)
        .order_by(GoalContribution.date, GoalContribution.id)
    )
    return list(session.scalars(stmt))


def contributed_minor(
    session: Session, *, household_id: int, goal_ids: Iterable[int], start: dt.date | None, end: dt.date
) -> dict[int, int]:
    """Each goal's contributions dated in [start, end] (start None: since the first), summed."""
    wanted = sorted(set(goal_ids))
    if not wanted:
        return {}
    stmt = select(GoalContribution.goal_id, func.sum(GoalContribution.amount_minor)).where(
        GoalContribution.household_id == household_id,
        GoalContribution.goal_id.in_(wanted),
        GoalContribution.date <= end,
    )
    if start is not None:
        stmt = stmt.where(GoalContribution.date >= start)
    return {goal_id: int(total or 0) for goal_id, total in session.execute(stmt.group_by(GoalContribution.goal_id))}


def get_contribution(session: Session, *, household_id: int, contribution_id: int) -> GoalContribution | None:
    stmt = select(GoalContribution).where(
        GoalContribution.household_id == household_id, GoalContribution.id == contribution_id
    )
    return session.scalars(stmt).first()


def add_goal(
    session: Session,
    *,
    household_id: int,
    name: str,
    target_minor: int,
    target_date: dt.date | None,
    account_ids: Iterable[int],
    goal_id: int | None = None,
) -> Goal:
    """A new goal with its linked accounts; `goal_id` given, under that id (an undone removal brought back)."""
    goal = Goal(
        household_id=household_id,
        name=name,
        name_key=name.casefold(),
        target_minor=target_minor,
        target_date=target_date,
    )
    if goal_id is not None:
        goal.id = goal_id
    session.add(goal)
    session.flush()
    for account_id in sorted(set(account_ids)):
        session.add(GoalAccount(goal_id=goal.id, account_id=account_id, household_id=household_id))
    session.flush()
    return goal


def add_contribution(
    session: Session,
    *,
    household_id: int,
    goal_id: int,
    day: dt.date,
    amount_minor: int,
    contribution_id: int | None = None,
) -> GoalContribution:
    row = GoalContribution(household_id=household_id, goal_id=goal_id, date=day, amount_minor=amount_minor)
    if contribution_id is not None:
        row.id = contribution_id
    session.add(row)
    session.flush()
    return row


def delete_contribution(session: Session, *, household_id: int, contribution_id: int) -> None:
    session.execute(
        delete(GoalContribution).where(
            GoalContribution.household_id == household_id, GoalContribution.id == contribution_id
        )
    )
    session.flush()


def delete_goal(session: Session, *, household_id: int, goal_id: int) -> None:
    """A goal with its links and contributions (removed here, not left to the database's cascade: SQLite
    enforces foreign keys only when asked)."""
    session.execute(
        delete(GoalContribution).where(
            GoalContribution.household_id == household_id, GoalContribution.goal_id == goal_id
        )
    )
    session.execute(delete(GoalAccount).where(GoalAccount.household_id == household_id, GoalAccount.goal_id == goal_id))
    session.execute(delete(Goal).where(Goal.household_id == household_id, Goal.id == goal_id))
    session.flush()


# --- Recurring series: the payments detection reads, and what people said about a series ----------------------


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One leg of a live transaction with its account: detection picks the money side and the category."""

    transaction_id: int
    date: dt.date
    type: str
    payee: str
    amount_minor: int
    currency: str
    account_id: int
    account_kind: str
    account_path: str


def payment_legs(session: Session, *, household_id: int, since: dt.date, through: dt.date) -> list[PaymentRow]:
    """Every leg of the household's live transactions dated in [since, through], opening balances left out: one
    range scan of the postings' (household, date) index joined to their transactions, the few accounts read apart,
    and the date and type read as text (plain rows, no ORM objects: 100k transactions are 200k legs, and parsing a
    date is the costly part of a row on SQLite)."""
    accounts = {
        account_id: (str(kind), path)
        for account_id, kind, path in session.execute(
            select(Account.id, Account.kind, Account.path).where(Account.household_id == household_id)
        )
    }
    stmt = (
        select(
            Posting.transaction_id,
            cast(Posting.date, String),
            cast(Transaction.type, String),
            Transaction.payee,
            Posting.amount_minor,
            Posting.currency,
            Posting.account_id,
        )
        .join(Transaction, Transaction.id == Posting.transaction_id)
        .where(
            Posting.household_id == household_id,
            Posting.deleted == false(),
            Posting.date >= since,
            Posting.date <= through,
            Transaction.deleted_at.is_(None),
            Transaction.type != TransactionType.opening,
        )
    )
    day = dt.date.fromisoformat
    return [
        PaymentRow(tx, day(on), kind_of_tx, payee or "", amount, currency, account, *accounts[account])
        for tx, on, kind_of_tx, payee, amount, currency, account in session.execute(stmt)
    ]


def recurring_notes(session: Session, *, household_id: int) -> list[RecurringNote]:
    return list(session.scalars(select(RecurringNote).where(RecurringNote.household_id == household_id)))


class Keep:
    """A sentinel for an argument that may be set to None: leave the stored value as it is."""


KEEP = Keep()


def put_recurring_note(
    session: Session,
    *,
    household_id: int,
    series_key: str,
    dismissed: bool | None = None,
    confirmed: bool | None = None,
    name: str | None = None,
    ended_on: dt.date | Keep | None = KEEP,
) -> RecurringNote:
    """Create or change a series' note; arguments left None (`ended_on`: KEEP) keep what was said before."""
    row = session.get(RecurringNote, (household_id, series_key))
    if row is None:
        row = RecurringNote(household_id=household_id, series_key=series_key, dismissed=False, confirmed=False)
        session.add(row)
    if dismissed is not None:
        row.dismissed = dismissed
    if confirmed is not None:
        row.confirmed = confirmed
    if name is not None:
        row.name = name or None
    if not isinstance(ended_on, Keep):
        row.ended_on = ended_on
    session.flush()
    return row


def delete_recurring_note(session: Session, *, household_id: int, series_key: str) -> None:
    row = session.get(RecurringNote, (household_id, series_key))
    if row is not None:
        session.delete(row)
        session.flush()
