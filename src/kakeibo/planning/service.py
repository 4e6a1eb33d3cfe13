"""Budgets: setting and copying amounts, the household's mode, and the month view (budgeted, spent, rolled over,
available, "To budget", pace). Every write is an event in the actor's group, so `undo` reverses it.

A budget line is an expense category or a whole group, never both within one group (the group's spending would
be counted twice). A line's spent is the month report's figure for it (`ledger.queries.summary`, the same
function the report runs), so the two agree to the cent. Budgeting begins in the household's first budgeted
month: rollover and "To budget" are computed from there, month by month (see `planning.arithmetic`)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import check_date
from kakeibo.core.money import Money, minor_to_str, round_to
from kakeibo.core.periods import days_in_month, month_of, month_start, months_between, shift_months
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.events import Change, record
from kakeibo.ledger.lookups import resolve_category
from kakeibo.ledger.models import Account, AccountKind
from kakeibo.planning import repository as repo
from kakeibo.planning.arithmetic import LineOptions, MonthState, Pace, pace, spread, step
from kakeibo.planning.errors import BudgetRefused
from kakeibo.planning.kinds import BudgetMode

_MONTH = re.compile(r"\d{4}-\d{2}")
AVERAGE_MONTHS = (3, 6, 12)


def parse_month(text: str, *, field: str = "month") -> dt.date:
    """ "2026-11" as the month's first day; "2026-13", "2026-1" or "November" are refused."""
    value = text.strip()
    try:
        if not _MONTH.fullmatch(value):
            raise ValueError(value)
        month = dt.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise ValidationFailed(f"month {text!r} is not a month such as 2026-11", field=field) from None
    return check_date(month, field=field)


def month_label(month: dt.date) -> str:
    return month.strftime("%Y-%m")


def get_mode(session: Session, *, household_id: int) -> BudgetMode:
    settings = repo.get_settings(session, household_id=household_id)
    return BudgetMode(settings.mode) if settings is not None else BudgetMode.tracking


# ---- the month view -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BudgetRow:
    category_id: int
    category: str  # "Group/Category" or "Group"
    budgeted_minor: int
    spent_minor: int
    rolled_over_minor: int
    rollover: bool  # whether what is left carries into the next month
    cap_minor: int | None  # the most surplus that carries
    sweep: bool  # surplus goes back to "To budget"
    pace: Pace | None  # the current month only

    @property
    def available_minor(self) -> int:
        return self.rolled_over_minor + self.budgeted_minor - self.spent_minor


@dataclass(frozen=True, slots=True)
class BudgetMonth:
    month: dt.date
    currency: str
    mode: BudgetMode
    income_minor: int
    to_budget_minor: int | None  # envelope mode only
    rows: list[BudgetRow]


def _expense_categories(session: Session, household_id: int) -> dict[int, Account]:
    return {
        a.id: a for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=(AccountKind.expense,))
    }


def _chain(
    session: Session, *, actor: Actor, month: dt.date, mode: BudgetMode
) -> tuple[MonthState, dict[int, LineOptions]]:
    """Every month from the first budgeted one (or `month`, if earlier) through `month`, stepped in order. Months
    with nothing in them (no budget, income or spending) after the first such month change nothing, so only the
    months with something in them are read, each by one month report."""
    household_id, currency = actor.household_id, actor.base_currency
    envelope = mode == BudgetMode.envelope
    rows = repo.budgets_through(session, household_id=household_id, last_month=month)
    explicit = repo.line_ids(session, household_id=household_id)
    # A line that was budgeted some month carries in envelope mode; one that never was (envelope mode gives every
    # category spent from a line of its own) does not: its overspend is covered from To budget at the month's end,
    # as Actual does, instead of piling up month after month.
    default = LineOptions(rolls=False)
    options = {category_id: LineOptions(rolls=envelope) for category_id in explicit}
    options.update(
        {
            line.category_id: LineOptions(
                rolls=envelope or line.rollover, cap_minor=line.rollover_cap_minor, sweep=line.sweep
            )
            for line in repo.lines(session, household_id=household_id)
        }
    )
    categories = _expense_categories(session, household_id)

    def line_of(category_id: int) -> int | None:
        """The line a category's spending counts in: its own, its group's, or (envelope mode, where every dollar
        spent comes out of some envelope) a line of its own with nothing budgeted."""
        if category_id in explicit:
            return category_id
        parent = categories[category_id].parent_id
        if parent is not None and parent in explicit:
            return parent
        return category_id if envelope else None

    budgeted: dict[dt.date, dict[int, int]] = defaultdict(dict)
    for row in rows:
        budgeted[row.month][row.category_id] = row.amount_minor
    start = min(rows[0].month, month) if rows else month
    last = month_of(month).last
    activity = queries.summary(
        session, household_id=household_id, start=start, end=last, currency=currency, group_by="month"
    )
    active = set(budgeted) | {month} | {dt.date.fromisoformat(f"{g.key}-01") for g in activity.groups if g.count}
    state: MonthState | None = None
    for current in sorted(active):
        if state is not None and months_between(state.month, current) > 1:
            state = step(
                state,
                month=shift_months(state.month, 1),
                budgeted={},
                spent={},
                income_minor=0,
                options=options,
                default=default,
            )
        report = queries.summary(
            session,
            household_id=household_id,
            start=current,
            end=month_of(current).last,
            currency=currency,
            group_by="category",
        )
        spent: dict[int, int] = defaultdict(int)
        for group in report.groups:
            if group.category_id in categories and group.expenses_minor:
                line = line_of(group.category_id)
                if line is not None:
                    spent[line] += group.expenses_minor
        state = step(
            state,
            month=current,
            budgeted=budgeted.get(current, {}),
            spent=spent,
            income_minor=report.income_minor,
            options=options,
            default=default,
        )
    assert state is not None  # `month` itself is always stepped
    return state, options


def month_view(session: Session, *, actor: Actor, month: dt.date) -> BudgetMonth:
    """A month's budget: a row per line with a budget that month or anything budgeted, spent or carried."""
    month = month_start(month)
    mode = get_mode(session, household_id=actor.household_id)
    state, options = _chain(session, actor=actor, month=month, mode=mode)
    this_month = repo.budgets_of_month(session, household_id=actor.household_id, month=month)
    shown = {b.category_id for b in this_month} | {
        line_id
        for line_id, line in state.lines.items()
        if line.budgeted_minor or line.spent_minor or line.rolled_over_minor
    }
    names = ledger_repo.accounts_by_id(session, household_id=actor.household_id, ids=shown)
    today = clock.today()
    current = month_start(today) == month
    days = days_in_month(month.year, month.month)
    default = LineOptions(rolls=False)  # never budgeted: see `_chain`
    rows: list[BudgetRow] = []
    for line_id in shown:
        line = state.lines.get(line_id)
        budgeted = line.budgeted_minor if line else 0
        spent = line.spent_minor if line else 0
        line_options = options.get(line_id, default)
        rows.append(
            BudgetRow(
                category_id=line_id,
                category=names[line_id].path if line_id in names else f"#{line_id}",
                budgeted_minor=budgeted,
                spent_minor=spent,
                rolled_over_minor=line.rolled_over_minor if line else 0,
                rollover=line_options.rolls,
                cap_minor=line_options.cap_minor,
                sweep=line_options.sweep,
                pace=pace(budgeted_minor=budgeted, spent_minor=spent, day=today.day, days=days) if current else None,
            )
        )
    rows.sort(key=lambda r: r.category.casefold())
    return BudgetMonth(
        month=month,
        currency=actor.base_currency,
        mode=mode,
        income_minor=state.income_minor,
        to_budget_minor=state.to_budget_minor if mode == BudgetMode.envelope else None,
        rows=rows,
    )


# ---- writes ---------------------------------------------------------------------------------------------------
def budget_image(month: dt.date, category_id: int, amount_minor: int) -> dict[str, object]:
    return {"month": month.isoformat(), "category_id": category_id, "amount_minor": amount_minor}


def line_image(category_id: int, rollover: bool, cap_minor: int | None, sweep: bool) -> dict[str, object]:
    return {"category_id": category_id, "rollover": rollover, "rollover_cap_minor": cap_minor, "sweep": sweep}


def budget_line(session: Session, *, actor: Actor, ref: int | str) -> Account:
    """The expense category or group a budget is for; income and transfer categories are refused."""
    account = resolve_category(session, household_id=actor.household_id, ref=ref)
    if account.kind != AccountKind.expense:
        raise BudgetRefused(
            f"{account.path} is {'an income' if account.kind == AccountKind.income else 'a transfer'} category; "
            "budgets are for spending categories",
            field="category",
        )
    return account


def _refuse_overlap(session: Session, *, actor: Actor, line: Account) -> None:
    """A group and its own categories cannot both be budget lines: the group's spending includes theirs."""
    household_id = actor.household_id
    if line.parent_id is not None:
        if repo.any_budget_on(session, household_id=household_id, category_ids=[line.parent_id]) is not None:
            group = _expense_categories(session, household_id).get(line.parent_id)
            name = group.path if group else "its group"
            raise BudgetRefused(
                f"{name} has a budget of its own; budget the group or its categories, not both", field="category"
            )
        return
    children = [a.id for a in _expense_categories(session, household_id).values() if a.parent_id == line.id]
    taken = repo.any_budget_on(session, household_id=household_id, category_ids=children)
    if taken is not None:
        raise BudgetRefused(
            f"categories of {line.path} have budgets; budget the group or its categories, not both",
            field="category",
        )


def amount_minor(amount: str, *, currency: str, field: str = "amount") -> int:
    """A budget amount: a decimal string, zero or more, with no more decimals than the currency has."""
    minor = Money.of(amount, currency, field=field).minor
    if minor < 0:
        raise BudgetRefused(f"{field} {amount} is negative; a budget is zero or more", field=field)
    return minor


def _put(session: Session, *, actor: Actor, line: Account, month: dt.date, minor: int) -> bool:
    """Set one month's amount of a line, as an event; False when it already was that."""
    household_id, currency = actor.household_id, actor.base_currency
    existing = repo.get_budget(session, household_id=household_id, month=month, category_id=line.id)
    if existing is not None and existing.amount_minor == minor:
        return False
    old = existing.amount_minor if existing is not None else None  # read now: the row is changed in place below
    before = budget_image(month, line.id, old) if old is not None else None
    row = repo.put_budget(session, household_id=household_id, month=month, category_id=line.id, amount_minor=minor)
    assert row is not None
    shown = f"{minor_to_str(minor, currency)} {currency}"
    if old is None:
        summary = f"Budgeted {shown} for {line.path} in {month_label(month)}"
    else:
        summary = (
            f"Changed the {month_label(month)} budget of {line.path} from {minor_to_str(old, currency)} to {shown}"
        )
    action = "create" if old is None else "update"
    record(session, actor, Change("budget", row.id, action, before, budget_image(month, line.id, minor), summary))
    return True


NO_CAP = "none"  # the cap a line has when every surplus carries


def _put_options(
    session: Session,
    *,
    actor: Actor,
    line: Account,
    rollover: bool | None,
    cap: str | None,
    sweep: bool | None,
) -> bool:
    """Change a line's rollover options (None: as they are; a cap of "none" removes the cap), as an event."""
    existing = repo.get_line(session, household_id=actor.household_id, category_id=line.id)
    old = (existing.rollover, existing.rollover_cap_minor, existing.sweep) if existing else (False, None, False)
    cap_minor = old[1]
    if cap is not None:
        cap_minor = (
            None if cap.strip().lower() == NO_CAP else amount_minor(cap, currency=actor.base_currency, field="cap")
        )
    new = (old[0] if rollover is None else rollover, cap_minor, old[2] if sweep is None else sweep)
    if new == old:
        return False
    before = line_image(line.id, *old) if existing is not None else None
    repo.put_line(
        session, household_id=actor.household_id, category_id=line.id, rollover=new[0], cap_minor=new[1], sweep=new[2]
    )
    code = actor.base_currency
    said = ["rolls over" if new[0] else "does not roll over"]
    if new[1] is not None:
        said.append(f"up to {minor_to_str(new[1], code)} {code}")
    if new[2]:
        said.append("sweeping its surplus back to To budget")
    change = Change(
        "budget_line",
        line.id,
        "update" if existing else "create",
        before,
        line_image(line.id, *new),
        f"{line.path} {', '.join(said)}",
    )
    record(session, actor, change)
    return True


@dataclass(frozen=True, slots=True)
class BudgetSet:
    line: Account
    months: list[dt.date]  # the months whose amount changed
    rollover_changed: bool


def set_budget(
    session: Session,
    *,
    actor: Actor,
    category: int | str,
    amount: str,
    month: dt.date,
    rollover: bool | None = None,
    spread_over: str = "month",
    cap: str | None = None,
    sweep: bool | None = None,
) -> BudgetSet:
    """Set a line's budget for `month` (spread_over "month"), for `month` and each month to December
    ("rest_of_year"), or spread a yearly amount over the twelve months of `month`'s year ("year"); and, those
    given, whether the line rolls over in tracking mode, the most surplus it carries ("none": no cap) and whether
    its surplus is swept back to "To budget" instead."""
    actor.require_write()
    line = budget_line(session, actor=actor, ref=category)
    minor = amount_minor(amount, currency=actor.base_currency)
    month = month_start(month)
    _refuse_overlap(session, actor=actor, line=line)
    if spread_over == "month":
        plan = [(month, minor)]
    elif spread_over == "rest_of_year":
        plan = [(dt.date(month.year, m, 1), minor) for m in range(month.month, 13)]
    elif spread_over == "year":
        plan = [(dt.date(month.year, m + 1, 1), part) for m, part in enumerate(spread(minor, 12))]
    else:
        raise ValidationFailed(f"spread {spread_over!r} is not month, rest_of_year or year", field="spread")
    if cap is not None and cap.strip().lower() != NO_CAP:
        amount_minor(cap, currency=actor.base_currency, field="cap")  # refused before anything is written
    changed = [m for m, part in plan if _put(session, actor=actor, line=line, month=m, minor=part)]
    rolled = _put_options(session, actor=actor, line=line, rollover=rollover, cap=cap, sweep=sweep)
    return BudgetSet(line=line, months=changed, rollover_changed=rolled)


def average_spent(session: Session, *, actor: Actor, line: Account, month: dt.date, months: int) -> int:
    """What the line spent a month, on average, over the `months` whole months before `month` (the month report's
    figures, rounded to the minor unit)."""
    if months not in AVERAGE_MONTHS:
        raise ValidationFailed(f"months must be one of {', '.join(map(str, AVERAGE_MONTHS))}", field="months")
    first = shift_months(month_start(month), -months)
    spec = queries.QuerySpec(
        measure="spending",
        start=first,
        end=month_start(month) - dt.timedelta(days=1),
        currency=actor.base_currency,
        category=line.path,
    )
    total = queries.figure(session, household_id=actor.household_id, spec=spec, rows=0).total_minor
    return max(int(round_to(Decimal(total) / months, 0)), 0)


def set_to_average(
    session: Session, *, actor: Actor, category: int | str, month: dt.date, months: int
) -> tuple[BudgetSet, int]:
    """Set a line's budget for `month` to its average spending over the 3, 6 or 12 months before."""
    actor.require_write()
    line = budget_line(session, actor=actor, ref=category)
    average = average_spent(session, actor=actor, line=line, month=month, months=months)
    done = set_budget(
        session, actor=actor, category=line.id, amount=minor_to_str(average, actor.base_currency), month=month
    )
    return done, average


def cover_overspend(session: Session, *, actor: Actor, category: int | str, month: dt.date) -> tuple[BudgetSet, int]:
    """Cover a line's overspending in `month` from "To budget", as Actual and YNAB do: its budget grows by what
    it is short, so its available is zero again; the amount covered."""
    actor.require_write()
    line = budget_line(session, actor=actor, ref=category)
    month = month_start(month)
    row = next((r for r in month_view(session, actor=actor, month=month).rows if r.category_id == line.id), None)
    short = -row.available_minor if row is not None else 0
    if row is None or short <= 0:
        raise BudgetRefused(f"{line.path} is not overspent in {month_label(month)}; nothing to cover", field="category")
    amount = minor_to_str(row.budgeted_minor + short, actor.base_currency)
    return set_budget(session, actor=actor, category=line.id, amount=amount, month=month), short


def copy_month(session: Session, *, actor: Actor, source: dt.date, target: dt.date) -> list[Account]:
    """Copy every line's amount of `source` to `target` (lines `target` has and `source` lacks stay); the lines
    whose amount changed."""
    actor.require_write()
    source, target = month_start(source), month_start(target)
    if source == target:
        raise BudgetRefused("copy a month to another month", field="to")
    rows = repo.budgets_of_month(session, household_id=actor.household_id, month=source)
    if not rows:
        raise BudgetRefused(f"{month_label(source)} has no budget to copy", field="from")
    lines = ledger_repo.accounts_by_id(session, household_id=actor.household_id, ids=[r.category_id for r in rows])
    changed = []
    for row in rows:
        line = lines[row.category_id]
        if _put(session, actor=actor, line=line, month=target, minor=row.amount_minor):
            changed.append(line)
    return changed


def set_mode(session: Session, *, actor: Actor, mode: str) -> bool:
    """Switch the household between tracking and envelope budgeting; False when it already was in that mode."""
    actor.require_write()
    try:
        wanted = BudgetMode(mode)
    except ValueError:
        raise ValidationFailed(f"mode {mode!r} is not tracking or envelope", field="mode") from None
    settings = repo.get_settings(session, household_id=actor.household_id)
    before = {"mode": settings.mode} if settings is not None else None
    if get_mode(session, household_id=actor.household_id) == wanted:
        return False
    repo.put_mode(session, household_id=actor.household_id, mode=wanted.value)
    change = Change(
        "budget_mode",
        actor.household_id,
        "update",
        before,
        {"mode": wanted.value},
        f"Budgets now work in {wanted.value} mode",
    )
    record(session, actor, change)
    return True
