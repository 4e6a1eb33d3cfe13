"""Savings goals: a target by an optional date, with progress from linked accounts' balances or from contributions
earmarked for it, the monthly amount needed to make the date, the last 3 complete months' pace and where it leads.
Every write is an event in the actor's group, so `undo` reverses it.

Conventions (`progress` is the pure arithmetic, tested without a database):
- saved is measured at the end of today (`core.clock`): linked accounts' balances, or contributions dated up to today;
- the months left are the whole months from today to the target date (today + n months, day clamped to the month's
  length, still on or before it: Jan 31 to Feb 28 is one); monthly_needed is the remaining spread over them (at
  least one: a date less than a month away, or past, needs all of it now), rounded up to the cent;
- the pace is what the 3 complete months before today's month added (a balance's change, or the contributions),
  and the projected date is today moved by the whole months that pace needs for the remaining (rounded up), none
  when the pace is zero or less or would not get there by the last supported date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import MAX_DATE, check_date
from kakeibo.core.money import Money, minor_to_str, round_to
from kakeibo.core.periods import month_start, months_between, shift_months
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.events import Change, record
from kakeibo.ledger.lookups import find_money_account, get_money_account
from kakeibo.ledger.models import Account, AccountKind
from kakeibo.planning import repository as repo
from kakeibo.planning.errors import GoalNameTaken, GoalNotFound, GoalRefused
from kakeibo.planning.models import Goal

PACE_MONTHS = 3
NAME_LENGTH = 120
Image = dict[str, Any]


# ---- the arithmetic ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Progress:
    saved_minor: int
    remaining_minor: int
    monthly_needed_minor: int | None  # None without a target date
    pace_minor: int  # a month's share of the last 3 complete months' gain, rounded to the cent
    projected_date: dt.date | None  # None when the pace is zero or less (and the goal not reached)
    on_track: bool | None  # None without a target date
    late: bool  # the target date has passed and the goal is not reached


def whole_months(today: dt.date, by: dt.date) -> int:
    """The whole months from `today` to `by`: the most n with today + n months on or before `by` (0 when fewer)."""
    n = months_between(today, by)
    if n > 0 and shift_months(today, n) > by:
        n -= 1
    return max(n, 0)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def progress(*, target_minor: int, saved_minor: int, gained_minor: int, today: dt.date, by: dt.date | None) -> Progress:
    """A goal's figures from what is saved and what the last `PACE_MONTHS` complete months added (`gained_minor`)."""
    remaining = max(target_minor - saved_minor, 0)
    reached = remaining == 0
    needed: int | None = None
    if by is not None:
        needed = 0 if reached else _ceil_div(remaining, max(whole_months(today, by), 1))
    projected: dt.date | None
    if reached:
        projected = today
    elif gained_minor > 0:
        # remaining / (gained / 3) months, in whole months, rounded up: the month the pace gets there (none past
        # the last supported date: a cent a month toward a large target never gets there).
        months = _ceil_div(remaining * PACE_MONTHS, gained_minor)
        projected = shift_months(today, months) if months < months_between(today, MAX_DATE) else None
    else:
        projected = None
    on_track: bool | None = None
    if by is not None:
        on_track = reached or (projected is not None and projected <= by)
    return Progress(
        saved_minor=saved_minor,
        remaining_minor=remaining,
        monthly_needed_minor=needed,
        pace_minor=int(round_to(Decimal(gained_minor) / PACE_MONTHS, 0)),
        projected_date=projected,
        on_track=on_track,
        late=by is not None and by < today and not reached,
    )


def pace_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The 3 complete months before today's month, as inclusive first and last days."""
    first = month_start(today)
    return shift_months(first, -PACE_MONTHS), first - dt.timedelta(days=1)


# ---- reading ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoalView:
    id: int
    name: str
    currency: str
    target_minor: int
    target_date: dt.date | None
    accounts: list[str]  # the linked accounts' names; none: progress is the contributions
    progress: Progress


def _views(session: Session, *, actor: Actor, goals: Sequence[Goal]) -> list[GoalView]:
    household_id, today = actor.household_id, clock.today()
    ids = [g.id for g in goals]
    links = repo.goal_account_ids(session, household_id=household_id, goal_ids=ids)
    linked = sorted({a for accounts in links.values() for a in accounts})
    names = ledger_repo.accounts_by_id(session, household_id=household_id, ids=linked)
    start, end = pace_window(today)
    now_balance = queries.balance_minor_by_account(session, household_id=household_id, at=today, account_ids=linked)
    then = queries.balance_minor_by_account(
        session, household_id=household_id, at=start - dt.timedelta(days=1), account_ids=linked
    )
    at_end = queries.balance_minor_by_account(session, household_id=household_id, at=end, account_ids=linked)
    earmarked = [g.id for g in goals if g.id not in links]
    saved_by = repo.contributed_minor(session, household_id=household_id, goal_ids=earmarked, start=None, end=today)
    gained_by = repo.contributed_minor(session, household_id=household_id, goal_ids=earmarked, start=start, end=end)
    views = []
    for goal in goals:
        accounts = links.get(goal.id, [])
        if accounts:
            saved = sum(now_balance.get(a, 0) for a in accounts)
            gained = sum(at_end.get(a, 0) - then.get(a, 0) for a in accounts)
        else:
            saved, gained = saved_by.get(goal.id, 0), gained_by.get(goal.id, 0)
        views.append(
            GoalView(
                id=goal.id,
                name=goal.name,
                currency=actor.base_currency,
                target_minor=goal.target_minor,
                target_date=goal.target_date,
                accounts=sorted(names[a].path if a in names else f"#{a}" for a in accounts),
                progress=progress(
                    target_minor=goal.target_minor,
                    saved_minor=saved,
                    gained_minor=gained,
                    today=today,
                    by=goal.target_date,
                ),
            )
        )
    return views


def list_goals(session: Session, *, actor: Actor) -> list[GoalView]:
    """Every goal of the household, by name."""
    return _views(session, actor=actor, goals=repo.goals(session, household_id=actor.household_id))


def find_goal(session: Session, *, actor: Actor, ref: int | str) -> Goal:
    """A goal by id (an int, as the API names it) or by name, case-insensitively (as a person types it)."""
    if isinstance(ref, int):
        goal = repo.get_goal(session, household_id=actor.household_id, goal_id=ref)
        if goal is None:
            raise GoalNotFound(f"no goal {ref} in this household", field="goal")
        return goal
    goal = repo.get_goal_by_name(session, household_id=actor.household_id, name_key=ref.strip().casefold())
    if goal is None:
        raise GoalNotFound(f"no goal named {ref.strip()!r}", field="goal")
    return goal


def goal_view(session: Session, *, actor: Actor, ref: int | str) -> GoalView:
    return _views(session, actor=actor, goals=[find_goal(session, actor=actor, ref=ref)])[0]


# ---- images (what events keep, and undo puts back) -------------------------------------------------------------
def goal_image(session: Session, *, household_id: int, goal: Goal) -> Image:
    """A goal as its events keep it: its fields, linked accounts and contributions (a removal brings them back)."""
    links = repo.goal_account_ids(session, household_id=household_id, goal_ids=[goal.id]).get(goal.id, [])
    return {
        "id": goal.id,
        "name": goal.name,
        "target_minor": goal.target_minor,
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "account_ids": links,
        "contributions": [
            {"id": c.id, "date": c.date.isoformat(), "amount_minor": c.amount_minor}
            for c in repo.contributions(session, household_id=household_id, goal_id=goal.id)
        ],
    }


def contribution_image(contribution_id: int, goal_id: int, day: dt.date, amount_minor: int) -> Image:
    return {"id": contribution_id, "goal_id": goal_id, "date": day.isoformat(), "amount_minor": amount_minor}


# ---- writes -----------------------------------------------------------------------------------------------------
def positive_minor(amount: str, *, currency: str, field: str, what: str) -> int:
    """An amount more than zero, a decimal string with no more decimals than the currency has."""
    minor = Money.of(amount, currency, field=field).minor
    if minor <= 0:
        raise GoalRefused(f"{field} {amount} is {'negative' if minor < 0 else 'zero'}; {what}", field=field)
    return minor


def _goal_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise ValidationFailed("a goal needs a name", field="name")
    if len(text) > NAME_LENGTH:
        raise ValidationFailed(f"a goal's name is at most {NAME_LENGTH} characters", field="name")
    return text


def _saving_account(session: Session, *, actor: Actor, ref: int | str) -> Account:
    household_id = actor.household_id
    if isinstance(ref, int):
        account = get_money_account(session, household_id=household_id, account_id=ref, field="accounts")
    else:
        account = find_money_account(session, household_id=household_id, name=ref)
    if account.kind != AccountKind.asset:
        raise GoalRefused(f"{account.path} is a liability; a goal's accounts hold what is saved", field="accounts")
    if (account.currency or actor.base_currency) != actor.base_currency:
        raise GoalRefused(
            f"{account.path} is in {account.currency}; a goal counts in {actor.base_currency}", field="accounts"
        )
    return account


@dataclass(frozen=True, slots=True)
class GoalAdded:
    goal: GoalView
    group_id: str


def add_goal(
    session: Session,
    *,
    actor: Actor,
    name: str,
    target: str,
    by: dt.date | None = None,
    accounts: Sequence[int | str] = (),
) -> GoalAdded:
    """A new goal: progress from the linked accounts' balances, or (none linked) from contributions. A target date
    already past is allowed (the goal shows as late)."""
    actor.require_write()
    household_id, code = actor.household_id, actor.base_currency
    text = _goal_name(name)
    target_minor = positive_minor(target, currency=code, field="target", what="a target is more than zero")
    if by is not None:
        check_date(by, field="by")
    linked = [_saving_account(session, actor=actor, ref=ref) for ref in accounts]
    if repo.get_goal_by_name(session, household_id=household_id, name_key=text.casefold()) is not None:
        raise GoalNameTaken(f"a goal named {text!r} already exists", field="name")
    goal = repo.add_goal(
        session,
        household_id=household_id,
        name=text,
        target_minor=target_minor,
        target_date=by,
        account_ids=[a.id for a in linked],
    )
    summary = f"Added the goal {text}: {minor_to_str(target_minor, code)} {code}"
    if by is not None:
        summary += f" by {by.isoformat()}"
    if linked:
        summary += f", saved in {', '.join(sorted({a.path for a in linked}))}"
    image = goal_image(session, household_id=household_id, goal=goal)
    record(session, actor, Change("goal", goal.id, "create", None, image, summary))
    return GoalAdded(goal=goal_view(session, actor=actor, ref=goal.id), group_id=actor.group_id)


def contribute(session: Session, *, actor: Actor, goal: int | str, amount: str, day: dt.date | None = None) -> GoalView:
    """Earmark money for a goal on a day (today by default): a planning record; no ledger account moves. A goal
    with linked accounts follows their balance, so it takes no contributions."""
    actor.require_write()
    household_id, code = actor.household_id, actor.base_currency
    found = find_goal(session, actor=actor, ref=goal)
    minor = positive_minor(amount, currency=code, field="amount", what="a contribution is more than zero")
    when = check_date(day, field="date") if day is not None else clock.today()
    if when > clock.today():
        raise GoalRefused(f"{when.isoformat()} is after today; contribute on or before today", field="date")
    if repo.goal_account_ids(session, household_id=household_id, goal_ids=[found.id]):
        raise GoalRefused(
            f"{found.name} follows the balance of its accounts; move money into them instead", field="goal"
        )
    row = repo.add_contribution(session, household_id=household_id, goal_id=found.id, day=when, amount_minor=minor)
    summary = f"Put {minor_to_str(minor, code)} {code} toward {found.name} on {when.isoformat()}"
    change = Change(
        "goal_contribution", row.id, "create", None, contribution_image(row.id, found.id, when, minor), summary
    )
    record(session, actor, change)
    return goal_view(session, actor=actor, ref=found.id)


def remove_goal(session: Session, *, actor: Actor, goal: int | str) -> str:
    """Remove a goal with its contributions (undo brings both back); its name."""
    actor.require_write()
    found = find_goal(session, actor=actor, ref=goal)
    image = goal_image(session, household_id=actor.household_id, goal=found)
    name, goal_id = found.name, found.id
    repo.delete_goal(session, household_id=actor.household_id, goal_id=goal_id)
    record(session, actor, Change("goal", goal_id, "delete", image, None, f"Removed the goal {name}"))
    return name


def put_goal_image(session: Session, *, household_id: int, image: Image) -> None:
    """Bring a goal back as an image has it, under its own ids (undo of a removal, redo of an addition)."""
    repo.add_goal(
        session,
        household_id=household_id,
        name=str(image["name"]),
        target_minor=int(image["target_minor"]),
        target_date=dt.date.fromisoformat(image["target_date"]) if image["target_date"] else None,
        account_ids=[int(a) for a in image["account_ids"]],
        goal_id=int(image["id"]),
    )
    for c in image["contributions"]:
        repo.add_contribution(
            session,
            household_id=household_id,
            goal_id=int(image["id"]),
            day=dt.date.fromisoformat(c["date"]),
            amount_minor=int(c["amount_minor"]),
            contribution_id=int(c["id"]),
        )
