"""Planning answers (issue 12): how much is left of a budget, what recurs and what it costs, when the next payment
is due, how a savings goal is going. Every figure comes from the planning services (the month view, detection,
the goals' progress), called as they are; the answer carries the rows it was read from as its evidence (the
budget lines, the series, the goals) and, where a figure is a sum of transactions, those transactions.

A budget question where nothing is budgeted, and a listing of recurring payments where detection found none,
return None: the caller answers them as before (the usual spending as a yardstick, payees paid every month)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant.answers import Answer
from kakeibo.assistant.intents import GoalStatus, Query, RecurringDue
from kakeibo.assistant.targets import rows as transaction_rows
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, round_to
from kakeibo.core.periods import month_of, month_start, shift_months
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import Transaction
from kakeibo.planning import goals as planning_goals
from kakeibo.planning import recurring_service
from kakeibo.planning import service as budgets
from kakeibo.planning.presenters import budget_month_out, goal_out
from kakeibo.planning.recurring import Series, SeriesKind, is_subscription

DUE_DAYS = 30  # the horizon of "upcoming bills" when none is said
EVIDENCE_ROWS = queries.FIGURE_ROWS


@dataclass
class PlanningReply:
    """An answer that is not a ledger figure (a due date, a goal's progress): the words, the figure, the evidence."""

    text: str
    value: str | None
    currency: str
    evidence: dict[str, Any] = field(default_factory=dict)


def _in(category: str | None, subtree: str) -> bool:
    return category is not None and (category == subtree or category.startswith(f"{subtree}/"))


def _month_label(month: dt.date) -> str:
    return month.strftime("%B %Y")


# ---- budgets ------------------------------------------------------------------------------------------------
def budget(session: Session, *, actor: Actor, intent: Query, today: dt.date) -> Answer | None:
    """What is left of the month's budget for a category or group (or of every budgeted line), with the pace of
    the month under way; None when nothing is budgeted there that month."""
    month = month_start(intent.start or today)
    view = budgets.month_view(session, actor=actor, month=month)
    shown = budget_month_out(view)
    lines = [
        (row, out)
        for row, out in zip(view.rows, shown.categories, strict=True)
        if row.budgeted_minor or row.rolled_over_minor
    ]
    asked = intent.category
    if asked is not None:
        # The category's own line, its group's line (the budget it counts in), or its categories' lines.
        own = [(r, o) for r, o in lines if r.category == asked]
        group = [(r, o) for r, o in lines if "/" in asked and r.category == asked.split("/", 1)[0]]
        parts = [(r, o) for r, o in lines if r.category.startswith(f"{asked}/")]
        lines = own or group or parts
    if not lines:
        return None
    code = view.currency
    budgeted = sum(r.budgeted_minor for r, _ in lines)
    rolled = sum(r.rolled_over_minor for r, _ in lines)
    spent = sum(r.spent_minor for r, _ in lines)
    left = rolled + budgeted - spent

    def money(minor: int) -> str:
        return minor_to_str(minor, code)

    def state(available: int) -> str:
        return f"{money(available)} left" if available >= 0 else f"{money(-available)} over"

    last = month_of(month).last
    spec = queries.QuerySpec(
        metric="budget_remaining",
        measure="spending",
        start=month,
        end=min(last, today) if month <= today else last,
        currency=code,
        category=lines[0][0].category if len(lines) == 1 else asked,
    )
    found = queries.figure(session, household_id=actor.household_id, spec=spec)
    name = lines[0][0].category if len(lines) == 1 else (asked or "Your budgets")
    carried = f" (with {money(rolled)} rolled over)" if rolled else ""
    text = (
        f"{name} in {_month_label(month)}: {money(budgeted)} {code} budgeted{carried}, {money(spent)} spent: "
        f"{state(left)}."
    )
    if asked is not None and len(lines) == 1 and lines[0][0].category != asked:
        text += f" {asked} is budgeted as part of {lines[0][0].category}."
    over = [(r.category, -r.available_minor) for r, _ in lines if r.available_minor < 0]
    if len(lines) > 1:
        text += (
            " Over budget: " + "; ".join(f"{c} by {money(m)}" for c, m in over) + "." if over else " No budget is over."
        )
    paced = [r.pace for r, _ in lines if r.pace is not None]
    if paced and len(paced) == len(lines):
        projected = sum(p.projected_minor for p in paced)
        text += f" At this pace: {money(projected)} spent by the end of the month"
        text += (
            f", {money(projected - budgeted - rolled)} over." if projected > budgeted + rolled else ", within budget."
        )
    if view.to_budget_minor is not None and asked is None:
        text += f" To budget: {money(view.to_budget_minor)}."
    evidence: dict[str, Any] = {
        "count": found.count,
        "transactions": [_figure_row(r, code) for r in found.rows],
        "budget_month": shown.month,
        "budgets": [out.model_dump(mode="json") for _, out in lines],
    }
    return Answer(text, money(left), code, spec, evidence)


def _figure_row(row: queries.FigureRow, currency: str) -> dict[str, Any]:
    return {
        "id": row.transaction_id,
        "date": row.date.isoformat(),
        "payee": row.payee,
        "category": ", ".join(row.categories) or None,
        "amount": minor_to_str(row.amount_minor, currency),
    }


# ---- recurring payments -------------------------------------------------------------------------------------
def _matches(one: Series, *, category: str | None, merchant: str | None, account: str | None) -> bool:
    if account is not None and one.account.casefold() != account.casefold():
        return False
    if merchant is not None and not _same_payee(one.payee, merchant):
        return False
    if category == "Subscriptions":
        return is_subscription(one)  # the Recurring page's subscriptions, the same rule
    if category is not None:
        return _in(one.category, category)
    return merchant is not None or one.kind == SeriesKind.expense


def _same_payee(payee: str, said: str) -> bool:
    a, b = payee.casefold(), said.casefold()
    return a == b or b in a or a in b


def _series_rows(session: Session, *, household_id: int, found: list[Series]) -> list[dict[str, Any]]:
    """The latest payment of each series (up to the evidence's rows), as the assistant shows transactions."""
    latest = [one.transaction_ids[-1] for one in found if one.transaction_ids][:EVIDENCE_ROWS]
    loaded = [ledger_repo.get_transaction(session, household_id=household_id, transaction_id=i) for i in latest]
    kept: list[Transaction] = [t for t in loaded if t is not None]
    return transaction_rows(session, household_id=household_id, transactions=kept)


def _cadence(one: Series) -> str:
    return one.cadence.value.replace("_", "-")


def recurring(session: Session, *, actor: Actor, intent: Query, today: dt.date) -> Answer | None:
    """The recurring series asked about (subscriptions, a category, a merchant, an account), each with its
    typical amount, cadence and next date, and what they cost a month and a year; None when detection found no
    series at all."""
    every = recurring_service.list_series(session, household_id=actor.household_id, today=today)
    if not every:
        return None
    found = [
        one
        for one in every
        if _matches(one, category=intent.category, merchant=intent.merchant, account=intent.account)
    ]
    code = actor.base_currency
    what = (
        "subscriptions"
        if intent.category == "Subscriptions"
        else " ".join(
            part
            for part in (
                "recurring payments",
                f"for {intent.category}" if intent.category else "",
                f"to {intent.merchant}" if intent.merchant else "",
                f"from {intent.account}" if intent.account else "",
            )
            if part
        )
    )
    spec = queries.QuerySpec(
        metric="recurring",
        measure="spending",
        start=shift_months(today, -12) + dt.timedelta(days=1),  # a year of them: what the yearly cost counts
        end=today,
        currency=code,
        category=intent.category,
        payee=intent.merchant,
    )
    if not found:
        text = f"I found no {what} in your books."
        return Answer(text, None, code, spec, {"count": 0, "transactions": [], "series": []})
    same_currency = [one for one in found if one.currency == code]
    yearly = -sum(one.yearly_minor for one in same_currency)  # a payment is negative from the account's side
    monthly = int(round_to(Decimal(yearly) / 12, 0))

    def money(minor: int, currency: str = code) -> str:
        return minor_to_str(minor, currency)

    listed = "; ".join(
        f"{one.payee} {money(abs(one.amount_minor), one.currency)} {_cadence(one)}, "
        + (
            f"late: expected {one.next_date.isoformat()}"
            if one.status.value == "late"
            else f"next {one.next_date.isoformat()}"
        )
        for one in found
    )
    noun = what if len(found) != 1 else what.replace("subscriptions", "subscription").replace("payments", "payment")
    text = f"{len(found)} {noun}: {listed}. In all {money(monthly)} {code} a month, {money(yearly)} {code} a year."
    changed = [one for one in found if one.price_change is not None]
    for one in changed:
        assert one.price_change is not None
        text += (
            f" {one.payee} went from {money(abs(one.price_change.before_minor), one.currency)} to "
            f"{money(abs(one.amount_minor), one.currency)} on {one.price_change.since.isoformat()}."
        )
    evidence: dict[str, Any] = {
        "count": sum(one.count for one in found),
        "transactions": _series_rows(session, household_id=actor.household_id, found=found),
        "series": [recurring_service.series_out(one).model_dump(mode="json") for one in found],
        "monthly_total": money(monthly),
        "yearly_total": money(yearly),
    }
    return Answer(text, money(monthly), code, spec, evidence)


def due(session: Session, *, actor: Actor, intent: RecurringDue, today: dt.date) -> PlanningReply:
    """When the named series is next due (however far off), or the payments due over the period asked (the next
    30 days by default)."""
    code = actor.base_currency
    household_id = actor.household_id
    if intent.payee is not None or intent.category is not None:
        series = recurring_service.list_series(session, household_id=household_id, today=today)
        found = [
            one
            for one in series
            if (intent.payee is None or _same_payee(one.payee, intent.payee))
            and (intent.category is None or _in(one.category, intent.category))
        ]
        named = intent.payee or intent.category
        if not found:
            return PlanningReply(
                f"I found no recurring payment for {named} in your books.",
                None,
                code,
                {"count": 0, "transactions": [], "series": []},
            )
        found.sort(key=lambda one: one.next_date)
        parts = []
        for one in found:
            incoming = one.kind == SeriesKind.income
            line = (
                f"{one.payee}: next {'expected' if incoming else 'due'} {one.next_date.isoformat()}, "
                f"{minor_to_str(abs(one.next_amount_minor), one.currency)} {one.currency} "
                f"{'into' if incoming else 'from'} {one.account} ({_cadence(one)}; last {one.last_date.isoformat()})"
            )
            if one.status.value == "late":
                line += f"; it is late, expected by {one.next_date.isoformat()}"
            parts.append(line)
        first = found[0]
        return PlanningReply(
            "; ".join(parts) + ".",
            minor_to_str(abs(first.next_amount_minor), first.currency),
            first.currency,
            {
                "count": sum(one.count for one in found),
                "transactions": _series_rows(session, household_id=household_id, found=found),
                "series": [recurring_service.series_out(one).model_dump(mode="json") for one in found],
            },
        )
    start = max(intent.start or today, today)
    end = intent.end or today + dt.timedelta(days=DUE_DAYS - 1)
    if end < today:
        return PlanningReply(
            f"That period is over; I look ahead from today, {today.isoformat()}.", None, code, {"count": 0}
        )
    days = min((end - today).days + 1, 366)
    ahead = recurring_service.upcoming_payments(session, household_id=household_id, today=today, days=days)
    # Bills: what goes out to others (money coming in, or moved to the household's own savings, is not due).
    due_rows = [(day, one) for day, one in ahead if start <= day <= end and one.kind == SeriesKind.expense]
    window = f"from {start.isoformat()} to {end.isoformat()}" if start != end else f"on {start.isoformat()}"
    upcoming = [recurring_service.upcoming_out(day, one).model_dump(mode="json") for day, one in due_rows]
    if not due_rows:
        return PlanningReply(
            f"Nothing recurring is due {window}.", None, code, {"count": 0, "transactions": [], "upcoming": []}
        )
    total = -sum(one.next_amount_minor for _, one in due_rows if one.currency == code)
    listed = "; ".join(
        f"{day.isoformat()} {one.payee} {minor_to_str(abs(one.next_amount_minor), one.currency)}"
        for day, one in due_rows
    )
    count = len(due_rows)
    text = (
        f"{count} payment{'s' if count != 1 else ''} due {window}: {listed}; {minor_to_str(total, code)} {code} in all."
    )
    return PlanningReply(
        text, minor_to_str(total, code), code, {"count": count, "transactions": [], "upcoming": upcoming}
    )


# ---- savings goals --------------------------------------------------------------------------------------------
_GENERIC = {"fund", "goal", "savings", "saving", "target", "the", "my", "our"}


def _words(name: str) -> set[str]:
    return {w for w in name.casefold().replace("'", "").split() if w not in _GENERIC}


def _goal_matches(goal_name: str, said: str) -> bool:
    if goal_name.casefold() == said.casefold():
        return True
    said_words, goal_words = _words(said), _words(goal_name)
    return bool(said_words) and (said_words <= goal_words or (goal_words <= said_words and bool(goal_words)))


def goal(session: Session, *, actor: Actor, intent: GoalStatus, today: dt.date) -> PlanningReply:
    """A goal's saved, remaining and monthly need, and whether the last 3 months' pace makes its date (every goal
    when none is named)."""
    del today  # the goals' progress is as of the clock's today, as the planning service computes it
    code = actor.base_currency
    views = planning_goals.list_goals(session, actor=actor)
    if not views:
        return PlanningReply("You have no savings goals yet.", None, code, {"count": 0, "goals": []})
    chosen = views
    if intent.name is not None:
        chosen = [v for v in views if _goal_matches(v.name, intent.name)]
        if not chosen:
            names = ", ".join(v.name for v in views)
            return PlanningReply(
                f"No savings goal is called “{intent.name}”; your goals: {names}.",
                None,
                code,
                {"count": 0, "goals": [goal_out(v).model_dump(mode="json") for v in views]},
            )
    shown = [goal_out(v) for v in chosen]
    parts = []
    for out in shown:
        line = f"{out.name}: {out.saved} of {out.target} {out.currency} saved, {out.remaining} to go"
        if out.remaining == minor_to_str(0, out.currency):
            line = f"{out.name}: reached, {out.saved} of {out.target} {out.currency} saved"
        elif out.by is not None:
            line += f"; {out.monthly_needed} a month makes {out.by.isoformat()}"
            if out.late:
                line += " (the date has passed)"
            elif out.on_track:
                line += f"; at the last 3 months' pace ({out.pace} a month) you are on track"
                if out.projected_date:
                    line += f", reaching it around {out.projected_date.isoformat()}"
            else:
                line += f"; at the last 3 months' pace ({out.pace} a month) you are behind"
                if out.projected_date:
                    line += f", reaching it around {out.projected_date.isoformat()}"
        elif out.projected_date is not None:
            line += f"; at the last 3 months' pace ({out.pace} a month) around {out.projected_date.isoformat()}"
        parts.append(line)
    text = "; ".join(parts) + "."
    value = shown[0].saved if len(shown) == 1 else None
    return PlanningReply(
        text,
        value,
        code,
        {"count": len(shown), "transactions": [], "goals": [o.model_dump(mode="json") for o in shown]},
    )
