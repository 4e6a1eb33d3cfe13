"""The household's health score, scorecard and score history: the figures each pillar needs read from the books
(the month report's income and spending by category, liquid balances, payments into loan accounts, the budget
month, the recurring bills), scored by `insights.health`.

A month is scored as of its last day (the current month: as of today), over the complete months ending with it
(the current month, being partial, uses the complete months before it). Months before the household's books began
are not zero months: a new household has "not enough data", never a made-up figure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.periods import month_index, month_of, month_start, shift_months
from kakeibo.insights import health
from kakeibo.insights import repository as repo
from kakeibo.insights.schemas import (
    HealthHistoryOut,
    HealthOut,
    HealthPointOut,
    PillarOut,
    ScorecardOut,
    ScorecardPillarOut,
    ScoreMoverOut,
)
from kakeibo.ledger.kinds import AccountSubtype
from kakeibo.ledger.models import AccountKind
from kakeibo.ledger.queries import balances
from kakeibo.planning import recurring_service
from kakeibo.planning import service as planning
from kakeibo.planning.recurring import SeriesKind, SeriesStatus

SAVINGS_MONTHS = 3
STABILITY_MONTHS = 6
HISTORY_MONTHS = 12
# Essential spending (the default taxonomy's names): a roof, the lights, food at home, getting to work, health, and
# every insurance ("Home Insurance", "Car Insurance", "Health Insurance", "Life Insurance").
ESSENTIAL_GROUPS = ("Housing", "Utilities", "Transportation", "Health")
ESSENTIAL_CATEGORIES = ("Food & Dining/Groceries",)
# Debt payments filed as spending; payments into a loan account (a transfer) count too. A credit card's payment
# does not: paying a card pays for spending already counted, and the books do not know a minimum payment.
DEBT_CATEGORIES = (
    "Financial/Loan Payment",
    "Financial/Interest Paid",
    "Transportation/Car Payment",
    "Housing/Mortgage",
)
LIQUID = (AccountSubtype.checking, AccountSubtype.savings, AccountSubtype.cash)


def _is_essential(path: str) -> bool:
    return path.split("/", 1)[0] in ESSENTIAL_GROUPS or path in ESSENTIAL_CATEGORIES or path.endswith("Insurance")


def _window(month: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The day the month is scored as of, and the last complete month its figures end with."""
    if month_start(today) == month:
        return today, shift_months(month, -1)
    return month_of(month).last, month


def scored_pillars(session: Session, *, actor: Actor, month: dt.date, today: dt.date) -> list[health.Pillar]:
    """The six pillars of `month` (its first day), as of its last day (or today)."""
    household_id, currency = actor.household_id, actor.base_currency
    as_of, ending = _window(month, today)
    began = repo.first_active_month(session, household_id=household_id, currency=currency)
    first_wanted = shift_months(ending, -(STABILITY_MONTHS - 1))
    start = max(first_wanted, began) if began else None
    months = (
        [] if start is None else [shift_months(start, i) for i in range(month_index(ending) - month_index(start) + 1)]
    )
    recent = months[-SAVINGS_MONTHS:]

    kinds = repo.categories(session, household_id=household_id)
    income: dict[dt.date, int] = defaultdict(int)
    spending: dict[dt.date, int] = defaultdict(int)
    essential: dict[dt.date, int] = defaultdict(int)
    debt: dict[dt.date, int] = defaultdict(int)
    rows = (
        repo.month_totals(
            session, household_id=household_id, currency=currency, first=months[0], last=ending, account_ids=list(kinds)
        )
        if months
        else []
    )
    for account_id, on, amount in rows:
        kind, path = kinds[account_id]
        if kind == AccountKind.income:
            income[on] -= amount
            continue
        spending[on] += amount
        if _is_essential(path):
            essential[on] += amount
        if path in DEBT_CATEGORIES:
            debt[on] += amount
    accounts = balances(session, household_id=household_id, at=as_of)
    loans = [
        b.account.id
        for b in accounts
        if b.account.kind == AccountKind.liability and b.account.subtype == AccountSubtype.loan
    ]
    if recent:
        for day, amount in repo.loan_payments(
            session,
            household_id=household_id,
            currency=currency,
            first=recent[0],
            last=month_of(ending).last,
            account_ids=loans,
        ):
            debt[month_start(day)] += amount
    liquid = sum(
        b.balance_minor
        for b in accounts
        if b.account.kind == AccountKind.asset and b.account.subtype in LIQUID and b.account.currency == currency
    )
    income_3 = sum(income[m] for m in recent)

    within = lines = 0
    for one in recent:
        view = planning.month_view(session, actor=actor, month=one)
        budgeted = [row for row in view.rows if row.budgeted_minor > 0]
        lines += len(budgeted)
        within += sum(1 for row in budgeted if row.available_minor >= 0)

    bills = [
        s
        for s in recurring_service.list_series(session, household_id=household_id, today=as_of)
        if s.kind is SeriesKind.expense and s.status in (SeriesStatus.active, SeriesStatus.late)
    ]
    return [
        health.savings_rate(income_minor=income_3, spending_minor=sum(spending[m] for m in recent), months=len(recent)),
        health.emergency_fund(
            liquid_minor=liquid, essential_minor=sum(essential[m] for m in recent), months=len(recent)
        ),
        health.debt_load(debt_minor=sum(debt[m] for m in recent), income_minor=income_3, months=len(recent)),
        health.spending_stability(monthly_spending=[spending[m] for m in months]),
        health.budget_adherence(within=within, lines=lines),
        health.bills_on_time(on_time=sum(1 for s in bills if s.status is SeriesStatus.active), bills=len(bills)),
    ]


def _checked(month: dt.date | None, today: dt.date) -> dt.date:
    chosen = month_start(month or today)
    if chosen > month_start(today):
        raise ValidationFailed(f"{chosen:%Y-%m} has not begun yet", field="month")
    return chosen


def _value(pillar: health.Pillar) -> str | None:
    return None if pillar.value is None else str(pillar.value)


def pillar_out(pillar: health.Pillar) -> PillarOut:
    return PillarOut(
        key=pillar.key,
        name=pillar.name,
        score=pillar.score,
        value=_value(pillar),
        target=str(pillar.target),
        unit=pillar.unit,
        weight=pillar.weight,
        explanation=pillar.explanation,
    )


def household_health(session: Session, *, actor: Actor, today: dt.date, month: dt.date | None = None) -> HealthOut:
    """The score of `month` (default: this one, as of today) with its pillars."""
    chosen = _checked(month, today)
    pillars = scored_pillars(session, actor=actor, month=chosen, today=today)
    score = health.total(pillars)
    return HealthOut(
        month=f"{chosen:%Y-%m}",
        currency=actor.base_currency,
        score=score,
        grade=health.grade(score),
        pillars=[pillar_out(p) for p in pillars],
    )


def scorecard(session: Session, *, actor: Actor, today: dt.date, month: dt.date | None = None) -> ScorecardOut:
    """The month's score and pillars against last month's, the three changes that moved it most, and the logging
    streak up to today. By default the month is the last complete one (this month's score, as of today, reads the
    same complete months as last month's)."""
    chosen = _checked(month or shift_months(month_start(today), -1), today)
    before = shift_months(chosen, -1)
    now_pillars = scored_pillars(session, actor=actor, month=chosen, today=today)
    old_pillars = scored_pillars(session, actor=actor, month=before, today=today)
    score, previous = health.total(now_pillars), health.total(old_pillars)
    old = {p.key: p for p in old_pillars}
    days = repo.transaction_days(
        session, household_id=actor.household_id, first=today - dt.timedelta(days=366), last=today
    )

    def change(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a - b

    return ScorecardOut(
        month=f"{chosen:%Y-%m}",
        currency=actor.base_currency,
        score=score,
        grade=health.grade(score),
        previous_month=f"{before:%Y-%m}",
        previous_score=previous,
        previous_grade=health.grade(previous),
        change=change(score, previous),
        pillars=[
            ScorecardPillarOut(
                key=p.key,
                name=p.name,
                score=p.score,
                previous_score=old[p.key].score,
                change=change(p.score, old[p.key].score),
                value=_value(p),
                previous_value=_value(old[p.key]),
            )
            for p in now_pillars
        ],
        movers=[
            ScoreMoverOut(key=m.key, name=m.name, previous_score=m.before, score=m.after, effect=f"{m.effect:+}")
            for m in health.movers(now_pillars, old_pillars)
        ],
        streak_days=health.streak(days, today=today),
    )


def history(session: Session, *, actor: Actor, today: dt.date) -> HealthHistoryOut:
    """The score of each past complete month, up to 12, oldest first, from the month the books began."""
    began = repo.first_active_month(session, household_id=actor.household_id, currency=actor.base_currency)
    current = month_start(today)
    points = []
    if began is not None:
        first = max(began, shift_months(current, -HISTORY_MONTHS))
        for i in range(month_index(current) - month_index(first)):
            one = shift_months(first, i)
            score = health.total(scored_pillars(session, actor=actor, month=one, today=today))
            points.append(HealthPointOut(month=f"{one:%Y-%m}", score=score, grade=health.grade(score)))
    return HealthHistoryOut(currency=actor.base_currency, months=points)
