"""The month's insights in words: a few sentences a person reads at a glance ("Food & Dining is 38 % above your
usual, mostly 4 visits to Nopa", "Netflix went up 2.50", "You have kept 21 % of your income so far"), each with the
query behind it so the figure can be traced to its rows. Every number comes from the ledger's reports; the words
are offline templates. Cached per household and month until the books change."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import days_in_month, month_of, month_start, shift_months
from kakeibo.insights.schemas import InsightOut
from kakeibo.ledger import queries
from kakeibo.ledger.kept import KeptPerLedger
from kakeibo.planning import recurring_service
from kakeibo.planning.recurring import AlertKind, alerts

USUAL_MONTHS = 6
# A group is news when it is this far from its usual, and by at least this much (minor units of the currency).
ABOVE, BELOW = 1.3, 0.7
AT_LEAST = 5000
MOST = 6  # insights shown at most


@dataclass(frozen=True, slots=True)
class _Window:
    month: dt.date
    start: dt.date
    end: dt.date  # the month's last day counted: today in the month under way

    @property
    def partial(self) -> bool:
        return self.end < month_of(self.month).last


def _window(month: dt.date | None, today: dt.date) -> _Window:
    first = month_start(month or today)
    last = month_of(first).last
    return _Window(first, first, min(last, today))


def _spent_by_group(session: Session, actor: Actor, start: dt.date, end: dt.date) -> dict[str, int]:
    found = queries.summary(
        session, household_id=actor.household_id, start=start, end=end, currency=actor.base_currency, group_by="group"
    )
    return {g.key: g.expenses_minor for g in found.groups if g.expenses_minor}


def _spec(actor: Actor, window: _Window, **fields: Any) -> dict[str, Any]:
    spec = queries.QuerySpec(
        measure=fields.pop("measure", "spending"), start=window.start, end=window.end, currency=actor.base_currency,
        **fields,
    )  # fmt: skip
    return spec.model_dump(mode="json", exclude_none=True)


def _groups(session: Session, actor: Actor, window: _Window) -> list[InsightOut]:
    """Each category group far above (or below) its usual: the median of the last 6 months by the same day."""
    code = actor.base_currency
    now = _spent_by_group(session, actor, window.start, window.end)
    usual: dict[str, list[int]] = {}
    booked = 0  # the months with any spending: before the books began, a month is no zero month
    for back in range(1, USUAL_MONTHS + 1):
        month = shift_months(window.month, -back)
        day = min(window.end.day, days_in_month(month.year, month.month))
        spent_then = _spent_by_group(session, actor, month, month.replace(day=day))
        booked += bool(spent_then)
        for group, amount in spent_then.items():
            usual.setdefault(group, []).append(amount)
    found: list[tuple[float, InsightOut]] = []
    for group in sorted(set(now) | set(usual)):
        months = usual.get(group, [])
        if len(months) < 3:
            continue  # too new to have a usual
        typical = round(statistics.median(months + [0] * (booked - len(months))))
        spent = now.get(group, 0)
        if typical <= 0 or abs(spent - typical) < AT_LEAST:
            continue
        ratio = spent / typical
        if BELOW < ratio < ABOVE:
            continue
        share = percentage(abs(spent - typical), typical, places=0)
        by_now = " by this day of the month" if window.partial else ""
        if ratio >= ABOVE:
            text = f"{group} is {share} % above your usual{by_now}: {minor_to_str(spent, code)} against {minor_to_str(typical, code)} {code}"
            top = _top_payee(session, actor, window, group)
            if top is not None:
                text += f", mostly {top[1]} at {top[0]} ({minor_to_str(top[2], code)})"
            kind, title = "category_above", f"{group} above usual"
        else:
            text = f"{group} is {share} % below your usual{by_now}: {minor_to_str(spent, code)} against {minor_to_str(typical, code)} {code}"
            kind, title = "category_below", f"{group} below usual"
        found.append(
            (
                abs(ratio - 1),
                InsightOut(kind=kind, title=title, text=text + ".", query=_spec(actor, window, category=group)),
            )
        )
    return [one for _, one in sorted(found, key=lambda f: -f[0])]


def _top_payee(session: Session, actor: Actor, window: _Window, group: str) -> tuple[str, str, int] | None:
    spec = queries.QuerySpec(
        measure="spending", start=window.start, end=window.end, currency=actor.base_currency, category=group,
        group_by="payee",
    )  # fmt: skip
    rows = [
        g
        for g in queries.summary_of(session, household_id=actor.household_id, spec=spec).groups
        if g.expenses_minor > 0
    ]
    if not rows:
        return None
    top = max(rows, key=lambda g: g.expenses_minor)
    visits = f"{top.count} charge{'s' if top.count != 1 else ''}"
    return top.key, visits, top.expenses_minor


def _prices(session: Session, actor: Actor, window: _Window) -> list[InsightOut]:
    series = recurring_service.list_series(session, household_id=actor.household_id, today=window.end)
    code = actor.base_currency
    shown = []
    for alert in alerts(series, today=window.end):
        if alert.kind is not AlertKind.price_increase or alert.old_minor is None or alert.new_minor is None:
            continue
        one = alert.series
        up = abs(alert.new_minor) - abs(alert.old_minor)
        text = (
            f"Your {one.payee} went up {minor_to_str(up, code)}: {minor_to_str(abs(alert.old_minor), code)} to "
            f"{minor_to_str(abs(alert.new_minor), code)} {code} since {alert.date.isoformat()}, "
            f"{minor_to_str(abs(one.yearly_minor), code)} a year now."
        )
        spec = queries.QuerySpec(
            measure="spending", start=shift_months(window.month, -12), end=window.end, currency=code, payee=one.payee
        ).model_dump(mode="json", exclude_none=True)
        shown.append(InsightOut(kind="price_increase", title=f"{one.payee} costs more", text=text, query=spec))
    return shown


def _savings(session: Session, actor: Actor, window: _Window) -> list[InsightOut]:
    found = queries.summary(
        session, household_id=actor.household_id, start=window.start, end=window.end, currency=actor.base_currency
    )
    if found.income_minor <= 0:
        return []
    kept = found.income_minor - found.expenses_minor
    rate = percentage(kept, found.income_minor, places=0)
    when = "so far this month" if window.partial else f"in {window.month:%B %Y}"
    text = (
        f"You have kept {rate} % of your income {when}: {minor_to_str(found.income_minor, actor.base_currency)} in, "
        f"{minor_to_str(found.expenses_minor, actor.base_currency)} out."
        if kept >= 0
        else f"You have spent more than you earned {when}: {minor_to_str(found.expenses_minor, actor.base_currency)} "
        f"out against {minor_to_str(found.income_minor, actor.base_currency)} in."
    )
    return [InsightOut(kind="savings", title="Saving", text=text, query=_spec(actor, window, measure="net"))]


_KEPT: KeptPerLedger[list[InsightOut]] = KeptPerLedger(size=64)


def month_insights(session: Session, *, actor: Actor, today: dt.date, month: dt.date | None = None) -> list[InsightOut]:
    """The month's insights (this month so far by default), the most telling first; kept until the books change."""
    window = _window(month, today)

    def make() -> list[InsightOut]:
        found = [*_groups(session, actor, window), *_prices(session, actor, window), *_savings(session, actor, window)]
        return found[:MOST]

    return _KEPT.get(
        session, household_id=actor.household_id, extra=(actor.base_currency, today, window.month), make=make
    )
