"""Recurring series of a household: the books read as payments, detection overlaid with what people said, the
bills expected soon, and a person's dismiss / confirm / rename (the only thing stored)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.errors import NotFound, ValidationFailed
from kakeibo.core.money import minor_to_str
from kakeibo.ledger.models import AccountKind, TransactionType
from kakeibo.planning import repository as repo
from kakeibo.planning.recurring import (
    Payment,
    Series,
    SeriesKind,
    SeriesNote,
    apply_notes,
    detect,
    upcoming,
)
from kakeibo.planning.schemas import RecurringOut, UpcomingOut

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


def detected(session: Session, *, household_id: int, today: dt.date) -> list[Series]:
    """Detection over the household's last three years of books, as of `today`."""
    legs = repo.payment_legs(
        session, household_id=household_id, since=today - dt.timedelta(days=HISTORY_DAYS), through=today
    )
    return detect(payments_of(legs), today=today)


def _notes(session: Session, household_id: int) -> list[SeriesNote]:
    return [
        SeriesNote(key=n.series_key, dismissed=n.dismissed, confirmed=n.confirmed, name=n.name)
        for n in repo.recurring_notes(session, household_id=household_id)
    ]


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


def _find(session: Session, *, household_id: int, today: dt.date, series_id: str) -> Series:
    for one in list_series(session, household_id=household_id, today=today, include_hidden=True):
        if one.id == series_id:
            return one
    raise NotFound(f"no recurring series {series_id!r}; `kakeibo recurring list --all` shows their ids")


def dismiss(session: Session, *, actor: Actor, today: dt.date, series_id: str) -> Series:
    """Dismiss a series: its note stays as a tombstone, so detection never shows it again."""
    found = _find(session, household_id=actor.household_id, today=today, series_id=series_id)
    repo.put_recurring_note(session, household_id=actor.household_id, series_key=found.key, dismissed=True)
    return _find(session, household_id=actor.household_id, today=today, series_id=series_id)


def update(
    session: Session,
    *,
    actor: Actor,
    today: dt.date,
    series_id: str,
    name: str | None = None,
    confirmed: bool | None = None,
    dismissed: bool | None = None,
) -> Series:
    """Confirm, rename or (un)dismiss a series; what is said beats detection from then on."""
    if name is not None and not name.strip():
        raise ValidationFailed("a series' name cannot be empty", field="name")
    found = _find(session, household_id=actor.household_id, today=today, series_id=series_id)
    repo.put_recurring_note(
        session,
        household_id=actor.household_id,
        series_key=found.key,
        name=name.strip() if name is not None else None,
        confirmed=confirmed,
        dismissed=dismissed,
    )
    return _find(session, household_id=actor.household_id, today=today, series_id=series_id)


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
