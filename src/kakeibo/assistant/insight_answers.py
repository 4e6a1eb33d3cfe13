"""Answers from the insights domain: "what will I spend next month?" is the household's forecast (the method that
did best on its own backtest, with its band and its error beside the 3-month mean's), never a guess of the
model's. Months under way keep the ledger's pace answer (answers.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant.intents import Query
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, to_minor
from kakeibo.core.periods import month_start
from kakeibo.ledger import queries


@dataclass(frozen=True, slots=True)
class Forecasted:
    """The words, the figure, the spec it answers and its evidence (answers.py makes it an Answer)."""

    text: str
    value: str
    spec: queries.QuerySpec
    evidence: dict[str, Any]


METHOD_WORDS = {
    "average": "the plain average (too little history to test anything)",
    "mean_3": "the mean of the last 3 months",
    "weighted_6": "a weighted average of the last 6 months",
    "seasonal_naive": "the same month last year",
    "ses": "exponential smoothing",
    "theta": "the Theta method",
    "holt_winters": "Holt-Winters",
}


def forecast_answer(
    session: Session, *, household_id: int, intent: Query, today: dt.date, spec: queries.QuerySpec, where: str
) -> Forecasted | None:
    """A forecast of whole months after this one (up to 12 ahead), of all spending or a group's; None for anything
    else (a category within a group, a merchant, this month), which the pace answer covers."""
    from kakeibo.insights import service as insights  # the statistics load only when a forecast is asked

    if intent.start is None or intent.merchant or intent.account:
        return None
    first = month_start(today)
    start, end = month_start(intent.start), intent.end or intent.start
    if start <= first or (intent.category and "/" in intent.category):
        return None
    ahead = (start.year - first.year) * 12 + start.month - first.month + (end.year - start.year) * 12
    ahead += end.month - start.month
    if ahead > insights.MAX_MONTHS:
        return None
    currency = spec.currency
    found = insights.household_forecast(
        session, household_id=household_id, currency=currency, today=today, months=ahead
    )
    wanted = {f"{m:%Y-%m}" for m in _months_between(start, end)}
    name = f"spending:{intent.category}" if intent.category else "spending"
    if intent.category:
        rows = [g for g in found.groups if g.group == intent.category and g.month in wanted]
        figures = [(g.month, g.spending, g.low, g.high) for g in rows]
    else:
        figures = [(m.month, m.spending, m.spending_low, m.spending_high) for m in found.months if m.month in wanted]
    series = next((s for s in found.series if s.name == name), None)
    if not figures or series is None:
        return None

    def total(index: int) -> int:
        return sum(to_minor(row[index], currency) for row in figures)

    value, low, high = total(1), total(2), total(3)
    label = figures[0][0] if len(figures) == 1 else f"{figures[0][0]} to {figures[-1][0]}"
    how = METHOD_WORDS.get(series.method, series.method)
    text = (
        f"About {minor_to_str(value, currency)} {currency}{where} in {_month_words(label)} "
        f"(80% between {minor_to_str(low, currency)} and {minor_to_str(high, currency)}), "
        f"with the recurring payments on their dates and the rest by {how}"
    )
    if series.mae is not None and series.baseline_mae is not None:
        text += (
            f", which was off by {series.mae} {currency} a month on average when tested on the last months "
            f"(the 3-month mean: {series.baseline_mae})"
        )
    text += "."
    evidence: dict[str, Any] = {
        "count": 0,
        "forecast": [{"key": month, "amount": amount, "count": 0} for month, amount, _, _ in figures],
    }
    answered = spec.model_copy(update={"start": start, "end": end, "measure": "spending"})
    return Forecasted(text, minor_to_str(value, currency), answered, evidence)


def _months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    months, day = [], month_start(start)
    while day <= end:
        months.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def _month_words(label: str) -> str:
    def one(key: str) -> str:
        return dt.date.fromisoformat(f"{key}-01").strftime("%B %Y")

    return " to ".join(one(part) for part in label.split(" to "))


def health_answer(
    session: Session, *, actor: Actor, intent: Query, today: dt.date, spec: queries.QuerySpec
) -> Forecasted:
    """The health score of the month asked (this month by default) and why: each pillar's score and sentence."""
    from kakeibo.insights import health_service

    month = month_start(intent.start) if intent.start else None
    found = health_service.household_health(session, actor=actor, today=today, month=month)
    scored = [p for p in found.pillars if p.score is not None]
    label = dt.date.fromisoformat(f"{found.month}-01").strftime("%B %Y")
    if found.score is None:
        text = f"There is not enough in the books yet to score {label}: " + " ".join(
            p.explanation for p in found.pillars
        )
    else:
        weakest = sorted(scored, key=lambda p: p.score or 0)[:2]
        text = (
            f"Your financial health score for {label} is {found.score}/100 ({found.grade}). "
            + " ".join(f"{p.name} {p.score}: {p.explanation}" for p in scored)
            + (f" Most room to improve: {', '.join(p.name.lower() for p in weakest)}." if weakest else "")
        )
    evidence: dict[str, Any] = {
        "count": 0,
        "breakdown": [{"key": p.name, "amount": str(p.score), "count": 0} for p in scored],
    }
    first = dt.date.fromisoformat(f"{found.month}-01")
    answered = spec.model_copy(update={"start": first, "end": today if month is None else intent.end})
    return Forecasted(text, str(found.score) if found.score is not None else "", answered, evidence)


SHOWN_ANOMALIES = 5


def anomaly_answer(
    session: Session, *, actor: Actor, intent: Query, today: dt.date, spec: queries.QuerySpec
) -> Forecasted:
    """What is unusual in the period asked (this month so far by default), highest score first, with its reason;
    a category or an account named narrows it."""
    from kakeibo.insights import anomaly_service

    currency = actor.base_currency
    start, end = anomaly_service.period(start=intent.start, end=intent.end, today=today)
    found = anomaly_service.anomalies(
        session, household_id=actor.household_id, currency=currency, today=today, start=start, end=end
    )
    if intent.category:
        found = [a for a in found if a.category and (a.category + "/").startswith(intent.category + "/")]
    if intent.merchant:
        found = [a for a in found if a.payee and a.payee.casefold() == intent.merchant.casefold()]
    if intent.account:
        found = [a for a in found if a.account and a.account.casefold() == intent.account.casefold()]
    when = f"from {start.isoformat()} to {min(end, today).isoformat()}"
    if not found:
        text = f"Nothing unusual {when}: every charge is within what its payee and category usually cost."
    else:
        shown = found[:SHOWN_ANOMALIES]
        listed = "; ".join(f"{a.date.isoformat()} {a.payee or a.category} {a.amount}: {a.reasons[0]}" for a in shown)
        more = f" (and {len(found) - len(shown)} more)" if len(found) > len(shown) else ""
        text = f"{len(found)} thing{'s' if len(found) != 1 else ''} worth a look {when}{more}: {listed}"
        text += "" if text.endswith((".", "?", "!")) else "."
    evidence: dict[str, Any] = {
        "count": len(found),
        "breakdown": [
            {"key": f"{a.date.isoformat()} {a.payee or a.category or ''}".strip(), "amount": a.amount, "count": 1}
            for a in found[:SHOWN_ANOMALIES]
        ],
    }
    answered = spec.model_copy(update={"start": start, "end": end})
    return Forecasted(text, str(len(found)), answered, evidence)
