"""Recurring series of a household: the books read as payments, detection overlaid with what people said, the
bills expected soon, and a person's dismiss / confirm / rename (the only thing stored)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.errors import NotFound, ValidationFailed
from kakeibo.core.money import minor_to_str
from kakeibo.ledger.events import Change, record
from kakeibo.ledger.kept import KeptPerLedger
from kakeibo.ledger.models import AccountKind, TransactionType
from kakeibo.ledger.queries import balance_minor_by_account
from kakeibo.planning import repository as repo
from kakeibo.planning.models import RecurringNote
from kakeibo.planning.recurring import (
    Alert,
    AlertKind,
    Payment,
    Series,
    SeriesKind,
    SeriesNote,
    alerts,
    apply_notes,
    detect,
    low_points,
    subscriptions,
    upcoming,
)
from kakeibo.planning.schemas import (
    AlertOut,
    CalendarAccountOut,
    CalendarOut,
    RecurringOut,
    SubscriptionsOut,
    SubscriptionTotalOut,
    UpcomingOut,
)

# How far back detection reads: a yearly series needs two years to show, three to be sure of its day.
HISTORY_DAYS = 3 * 366 + 31
_MONEY = {AccountKind.asset.value, AccountKind.liability.value}
_CATEGORY = {AccountKind.income.value, AccountKind.expense.value, AccountKind.transfer.value}


def payments_of(legs: list[repo.PaymentRow]) -> list[Payment]:
    """Each transaction as one payment from its account's side: the money leg (a transfer's paying one) with the
    category leg's path, labelled expense, income or transfer (a transfer category such as "Transfers/Savings"
    makes a transfer of an expense)."""
    by_transaction: dict[int, list[repo.PaymentRow]] = defaultdict(list)
    for leg in legs:
        by_transaction[leg.transaction_id].append(leg)
    found = []
    for rows in by_transaction.values():
        money = [r for r in rows if r.account_kind in _MONEY]
        categories = [r for r in rows if r.account_kind in _CATEGORY]
        if not money:
            continue
        first = rows[0]
        if first.type == TransactionType.transfer.value:
            leg, kind = min(money, key=lambda r: r.amount_minor), SeriesKind.transfer
        else:
            leg = money[0]
            if categories and all(r.account_kind == AccountKind.transfer.value for r in categories):
                kind = SeriesKind.transfer
            else:
                kind = SeriesKind.expense if leg.amount_minor < 0 else SeriesKind.income
        category = categories[0].account_path if len(categories) == 1 else None
        found.append(
            Payment(
                transaction_id=leg.transaction_id,
                date=leg.date,
                payee=first.payee,
                amount_minor=leg.amount_minor,
                currency=leg.currency,
                account_id=leg.account_id,
                account=leg.account_path,
                kind=kind,
                category=category,
            )
        )
    return found


# Detection is kept per household until its next ledger write: the Recurring page asks for the list, the calendar,
# subscriptions and alerts at once, and only a write changes what they see.
_DETECTED: KeptPerLedger[list[Series]] = KeptPerLedger()


def detected(session: Session, *, household_id: int, today: dt.date) -> list[Series]:
    """Detection over the household's last three years of books, as of `today` (kept until a ledger write)."""

    def detect_now() -> list[Series]:
        legs = repo.payment_legs(
            session, household_id=household_id, since=today - dt.timedelta(days=HISTORY_DAYS), through=today
        )
        return detect(payments_of(legs), today=today)

    return _DETECTED.get(session, household_id=household_id, extra=today, make=detect_now)


def forget_detected() -> None:
    """Drop every kept detection (the bench times a detection after a write)."""
    _DETECTED.clear()


def _notes(session: Session, household_id: int) -> list[SeriesNote]:
    return [
        SeriesNote(key=n.series_key, dismissed=n.dismissed, confirmed=n.confirmed, name=n.name, ended_on=n.ended_on)
        for n in repo.recurring_notes(session, household_id=household_id)
    ]


def note_image(note: RecurringNote | None) -> dict[str, Any] | None:
    """A series' note as its events show it (None: nothing was said about the series)."""
    if note is None:
        return None
    return {
        "series_key": note.series_key,
        "dismissed": note.dismissed,
        "confirmed": note.confirmed,
        "name": note.name,
        "ended_on": note.ended_on.isoformat() if note.ended_on else None,
    }


def list_series(session: Session, *, household_id: int, today: dt.date, include_hidden: bool = False) -> list[Series]:
    """The household's series by next date; ended and dismissed ones only with `include_hidden`."""
    found = detected(session, household_id=household_id, today=today)
    return apply_notes(found, _notes(session, household_id), include_hidden=include_hidden)


def upcoming_payments(
    session: Session, *, household_id: int, today: dt.date, days: int
) -> list[tuple[dt.date, Series]]:
    if not 1 <= days <= 366:
        raise ValidationFailed("days must be between 1 and 366", field="days")
    return upcoming(list_series(session, household_id=household_id, today=today), today=today, days=days)


def subscriptions_out(session: Session, *, household_id: int, today: dt.date, base_currency: str) -> SubscriptionsOut:
    """The household's subscriptions (live expense series) with what they cost a month and a year, per currency."""
    found = subscriptions(list_series(session, household_id=household_id, today=today))
    yearly: dict[str, int] = defaultdict(int)
    for one in found:
        yearly[one.currency] += -one.yearly_minor
    base = _total(base_currency, yearly.pop(base_currency, 0))
    return SubscriptionsOut(
        currency=base.currency,
        monthly_total=base.monthly_total,
        yearly_total=base.yearly_total,
        series=[series_out(one) for one in sorted(found, key=lambda s: (s.yearly_minor, s.payee))],
        other_totals=[_total(code, minor) for code, minor in sorted(yearly.items())],
    )


def _total(currency: str, yearly_minor: int) -> SubscriptionTotalOut:
    monthly, rest = divmod(yearly_minor, 12)
    monthly += 1 if rest * 2 >= 12 else 0  # to the nearest minor unit, halves up
    return SubscriptionTotalOut(
        currency=currency,
        monthly_total=minor_to_str(monthly, currency),
        yearly_total=minor_to_str(yearly_minor, currency),
    )


def calendar(session: Session, *, household_id: int, today: dt.date, days: int) -> CalendarOut:
    """The bills calendar: what is expected in the next `days` days, and for each account paying or paid
    something, today's balance and the lowest it reaches before its next expected income."""
    due = upcoming_payments(session, household_id=household_id, today=today, days=days)
    accounts = sorted({one.account_id for _, one in due})
    balances = balance_minor_by_account(session, household_id=household_id, at=today, account_ids=accounts)
    points = low_points(due, balances, today=today)
    named = {one.account_id: (one.account, one.currency) for _, one in due}
    return CalendarOut(
        days=days,
        items=[upcoming_out(day, one) for day, one in due],
        accounts=[
            CalendarAccountOut(
                account=named[point.account_id][0],
                currency=(money := named[point.account_id][1]),
                balance=minor_to_str(point.balance_minor, money),
                lowest_balance=minor_to_str(point.lowest_minor, money),
                lowest_date=point.lowest_date,
                next_income_date=point.next_income,
            )
            for point in sorted(points.values(), key=lambda p: (p.lowest_minor, named[p.account_id][0]))
        ],
    )


def alerts_out(session: Session, *, household_id: int, today: dt.date) -> list[AlertOut]:
    """Price increases, missed payments and new subscriptions, newest first."""
    return [
        _alert_out(one) for one in alerts(list_series(session, household_id=household_id, today=today), today=today)
    ]


def _alert_out(alert: Alert) -> AlertOut:
    one, money = alert.series, alert.series.currency

    def shown(minor: int | None) -> str | None:
        return minor_to_str(abs(minor), money) if minor is not None else None

    old, new = shown(alert.old_minor), shown(alert.new_minor)
    if alert.kind is AlertKind.price_increase:
        message = f"{one.payee} went up from {old} to {new} {money} on {alert.date:%b} {alert.date.day}"
    elif alert.kind is AlertKind.missed:
        what = "income" if one.kind is SeriesKind.income else "payment"
        message = f"{one.payee}: the {one.cadence.value} {what} of {new} {money} expected on {alert.date:%b} {alert.date.day} has not come"
    else:
        message = (
            f"New {one.cadence.value} subscription: {one.payee}, {new} {money} since {alert.date:%b} {alert.date.day}"
        )
    return AlertOut(
        kind=alert.kind.value,
        series_id=one.id,
        payee=one.payee,
        message=message,
        date=alert.date,
        old_amount=old,
        new_amount=new,
    )


def _find(session: Session, *, household_id: int, today: dt.date, series_id: str) -> Series:
    for one in list_series(session, household_id=household_id, today=today, include_hidden=True):
        if one.id == series_id:
            return one
    raise NotFound(f"no recurring series {series_id!r}; `kakeibo recurring list --all` shows their ids")


def dismiss(session: Session, *, actor: Actor, today: dt.date, series_id: str) -> Series:
    """Dismiss a series: its note stays as a tombstone, so detection never shows it again."""
    return update(session, actor=actor, today=today, series_id=series_id, dismissed=True)


def update(
    session: Session,
    *,
    actor: Actor,
    today: dt.date,
    series_id: str,
    name: str | None = None,
    confirmed: bool | None = None,
    dismissed: bool | None = None,
    ended: bool | None = None,
) -> Series:
    """Confirm, rename, (un)dismiss or end a series (ended today; `ended=False` takes it back); what is said beats
    detection from then on. One event, so `undo` takes it back."""
    if name is not None and not name.strip():
        raise ValidationFailed("a series' name cannot be empty", field="name")
    household_id = actor.household_id
    found = _find(session, household_id=household_id, today=today, series_id=series_id)
    before = note_image(session.get(RecurringNote, (household_id, found.key)))
    ended_on: dt.date | repo.Keep | None = repo.KEEP if ended is None else (today if ended else None)
    row = repo.put_recurring_note(
        session,
        household_id=household_id,
        series_key=found.key,
        name=name.strip() if name is not None else None,
        confirmed=confirmed,
        dismissed=dismissed,
        ended_on=ended_on,
    )
    after = note_image(row)
    if after != before:
        said = _said(found.payee, name=name, confirmed=confirmed, dismissed=dismissed, ended=ended, today=today)
        record(session, actor, Change(NOTE_ENTITY, 0, "update" if before else "create", before, after, said))
    return _find(session, household_id=household_id, today=today, series_id=series_id)


NOTE_ENTITY = "recurring_note"


def _said(
    payee: str, *, name: str | None, confirmed: bool | None, dismissed: bool | None, ended: bool | None, today: dt.date
) -> str:
    parts = []
    if name is not None:
        parts.append(f"renamed the recurring series {payee} to {name.strip()}")
    if confirmed is not None:
        parts.append(f"{'confirmed' if confirmed else 'unconfirmed'} the recurring series {payee}")
    if dismissed is not None:
        parts.append(f"{'dismissed' if dismissed else 'brought back'} the recurring series {payee}")
    if ended is not None:
        parts.append(f"marked {payee} as ended on {today.isoformat()}" if ended else f"marked {payee} as not ended")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def series_out(one: Series) -> RecurringOut:
    money = one.currency
    return RecurringOut(
        id=one.id,
        payee=one.payee,
        category=one.category,
        account=one.account,
        kind=one.kind.value,
        cadence=one.cadence.value,
        amount=minor_to_str(one.amount_minor, money),
        currency=money,
        last_date=one.last_date,
        next_date=one.next_date,
        next_amount=minor_to_str(one.next_amount_minor, money),
        yearly_cost=minor_to_str(one.yearly_minor, money),
        status=one.status.value,
        count=one.count,
        confirmed=one.confirmed,
        previous_amount=minor_to_str(one.price_change.before_minor, money) if one.price_change else None,
        price_changed_on=one.price_change.since if one.price_change else None,
        transaction_ids=list(one.transaction_ids),
    )


def upcoming_out(day: dt.date, one: Series) -> UpcomingOut:
    return UpcomingOut(
        date=day,
        id=one.id,
        payee=one.payee,
        account=one.account,
        kind=one.kind.value,
        cadence=one.cadence.value,
        amount=minor_to_str(one.next_amount_minor, one.currency),
        currency=one.currency,
        status=one.status.value,
    )
