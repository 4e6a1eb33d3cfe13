"""The household's anomalies: its expenses of the period and the 12 months before read from the books, the recurring
series as planning detects them, what people dismissed; and a person's dismissal, one undoable event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict, NotFound, ValidationFailed
from kakeibo.core.limits import check_date
from kakeibo.core.money import minor_to_str
from kakeibo.core.periods import month_start, shift_months
from kakeibo.imports.payee import payee_key
from kakeibo.insights import repository as repo
from kakeibo.insights.anomalies import HISTORY_MONTHS, Anomaly, Dismissal, detect
from kakeibo.insights.models import AnomalyDismissal
from kakeibo.insights.schemas import AnomalyOut
from kakeibo.ledger.events import Change, record
from kakeibo.planning import recurring_service

DISMISSAL_ENTITY = "anomaly_dismissal"
MAX_DAYS = 366
# Where `dismiss ID` looks for the anomaly: the months that a person could have seen it in.
DISMISS_MONTHS = 12


def period(*, start: dt.date | None, end: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period asked for; by default the current month so far."""
    end = end or (today if start is None or start <= today else start)
    start = start or month_start(end)
    check_date(start, field="start")
    check_date(end, field="end")
    if start > end:
        raise ValidationFailed(f"start {start.isoformat()} is after end {end.isoformat()}", field="start")
    if (end - start).days >= MAX_DAYS:
        raise ValidationFailed(f"a period of anomalies is at most {MAX_DAYS} days", field="end")
    return start, end


def _find(
    session: Session, *, household_id: int, currency: str, start: dt.date, end: dt.date, today: dt.date
) -> list[Anomaly]:
    first = shift_months(month_start(start), -HISTORY_MONTHS)
    rows = repo.expense_rows(session, household_id=household_id, currency=currency, first=first, last=end)
    seen = {
        payee_key(p) for p in repo.payees_before(session, household_id=household_id, currency=currency, before=first)
    }
    as_of = min(end, today)
    series = [
        one
        for one in recurring_service.list_series(session, household_id=household_id, today=as_of)
        if one.currency == currency
    ]
    dismissed = [
        Dismissal(d.anomaly_id, d.kind, d.payee_key, d.category, d.amount_minor)
        for d in repo.dismissals(session, household_id=household_id)
    ]
    return detect(rows, start=start, end=end, currency=currency, seen_before=seen, series=series, dismissals=dismissed)


def anomalies(
    session: Session,
    *,
    household_id: int,
    currency: str,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[AnomalyOut]:
    """What is unusual from `start` through `end` (by default this month so far), highest score first."""
    start, end = period(start=start, end=end, today=today)
    found = _find(session, household_id=household_id, currency=currency, start=start, end=end, today=today)
    return [anomaly_out(one, currency) for one in found]


def anomaly_out(one: Anomaly, currency: str) -> AnomalyOut:
    return AnomalyOut(
        id=one.id,
        kind=one.kind.value,
        transaction_id=one.transaction_id,
        date=one.date,
        payee=one.payee,
        amount=minor_to_str(one.amount_minor, currency),
        currency=currency,
        category=one.category,
        account=one.account,
        score=one.score,
        reasons=list(one.reasons),
    )


def dismissal_image(row: AnomalyDismissal | None) -> dict[str, Any] | None:
    """A dismissal as its events show it (None: not dismissed)."""
    if row is None:
        return None
    return {
        "anomaly_id": row.anomaly_id,
        "kind": row.kind,
        "payee_key": row.payee_key,
        "category": row.category,
        "amount_minor": row.amount_minor,
        "transaction_id": row.transaction_id,
    }


def dismiss(session: Session, *, actor: Actor, currency: str, today: dt.date, anomaly_id: str) -> AnomalyOut:
    """ "That's fine": the anomaly is not flagged again, and its payee's (or category's) threshold for its kind rises
    above its amount. One event, so `undo` brings it back."""
    household_id = actor.household_id
    wanted = anomaly_id.strip().lower()
    if repo.get_dismissal(session, household_id=household_id, anomaly_id=wanted) is not None:
        raise Conflict(f"anomaly {wanted} is dismissed already; `kakeibo undo` brings it back")
    start = shift_months(month_start(today), -(DISMISS_MONTHS - 1))
    found = _find(session, household_id=household_id, currency=currency, start=start, end=today, today=today)
    one = next((a for a in found if a.id == wanted), None)
    if one is None:
        raise NotFound(
            f"no anomaly {anomaly_id.strip()!r} in the last {DISMISS_MONTHS} months; `kakeibo anomalies` shows their ids"
        )
    image = {
        "anomaly_id": one.id,
        "kind": one.kind.value,
        "payee_key": one.payee_key,
        "category": one.category if one.payee_key is None else None,
        "amount_minor": one.amount_minor,
        "transaction_id": one.transaction_id,
    }
    repo.add_dismissal(session, household_id=household_id, image=image)
    what = one.payee or one.category or "it"
    said = f"Dismissed the anomaly of {what} {minor_to_str(one.amount_minor, currency)} {currency} on {one.date}"
    record(session, actor, Change(DISMISSAL_ENTITY, one.transaction_id or 0, "create", None, image, said))
    return anomaly_out(one, currency)
