"""The household's forecast: its whole months read from the ledger, the recurring series taken out and put back on
their expected dates, the rest forecast by the method that did best on each series' own backtest; the pace of
the month under way; and the lowest balance the expected payments take each account to.

Spending and income are the month report's (expenses net of refunds, income; transfers are neither), in the
household's currency. A household's history starts with its first month with anything in it (the months before
are not zero months), and the current month, being partial, is never history."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from kakeibo.core.errors import ValidationFailed
from kakeibo.core.money import minor_to_str
from kakeibo.core.periods import days_in_month, month_index, month_start, shift_months
from kakeibo.insights import repository as repo
from kakeibo.insights.forecast import Forecast, forecast
from kakeibo.insights.schemas import (
    ForecastGroupOut,
    ForecastMonthOut,
    ForecastOut,
    ForecastSeriesOut,
    HistoryMonthOut,
    LowBalanceOut,
    PaceOut,
)
from kakeibo.ledger.kept import KeptPerLedger
from kakeibo.ledger.models import AccountKind
from kakeibo.ledger.queries import balance_minor_by_account
from kakeibo.planning import recurring_service
from kakeibo.planning.recurring import Series, SeriesKind, live, upcoming

HISTORY_MONTHS = 36
PACE_MONTHS = 6
MAX_MONTHS = 12


def _months(first: dt.date, count: int) -> list[dt.date]:
    return [shift_months(first, i) for i in range(count)]


def _history(
    session: Session, *, household_id: int, currency: str, today: dt.date, series: Sequence[Series]
) -> tuple[list[dt.date], dict[str, list[int]], dict[str, list[int]]]:
    """The complete months (oldest first) and, per series name, each month's figure without the recurring
    series' own transactions (those are scheduled apart), and with them (what the month report says)."""
    kinds = repo.categories(session, household_id=household_id)
    last = shift_months(month_start(today), -1)
    first = shift_months(last, -(HISTORY_MONTHS - 1))
    rows = repo.month_totals(
        session, household_id=household_id, currency=currency, first=first, last=last, account_ids=list(kinds)
    )
    recurring_ids = [tid for one in series for tid in one.transaction_ids]
    legs = repo.legs_of(
        session, household_id=household_id, currency=currency, transaction_ids=recurring_ids, account_ids=list(kinds)
    )
    active = [month for _, month, amount in rows if amount]
    if not active:
        return [], {}, {}
    months = _months(min(active), month_index(last) - month_index(min(active)) + 1)
    at = {month: i for i, month in enumerate(months)}
    figures: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    figures["income"], figures["spending"] = [0] * len(months), [0] * len(months)

    def add(account_id: int, month: dt.date, amount: int, sign: int) -> None:
        i = at.get(month_start(month))
        if i is None:
            return
        kind, path = kinds[account_id]
        if kind == AccountKind.income:
            figures["income"][i] -= sign * amount
        else:
            figures["spending"][i] += sign * amount
            figures[f"spending:{path.split('/', 1)[0]}"][i] += sign * amount

    for account_id, month, amount in rows:
        add(account_id, month, amount, 1)
    whole = {name: list(values) for name, values in figures.items()}
    for account_id, day, amount in legs:
        add(account_id, day, amount, -1)
    return months, dict(figures), whole


def _scheduled(series: Sequence[Series], *, start: dt.date, months: int) -> dict[str, list[int]]:
    """What the recurring series are expected to bring in each month ahead, by series name."""
    end = shift_months(start, months) - dt.timedelta(days=1)
    figures: dict[str, list[int]] = defaultdict(lambda: [0] * months)
    figures["income"], figures["spending"] = [0] * months, [0] * months
    for day, one in upcoming(series, today=start, days=(end - start).days):
        i = month_index(day) - month_index(start)
        if one.kind is SeriesKind.income:
            figures["income"][i] += one.next_amount_minor
        elif one.kind is SeriesKind.expense:
            figures["spending"][i] -= one.next_amount_minor
            if one.category:
                figures[f"spending:{one.category.split('/', 1)[0]}"][i] -= one.next_amount_minor
    return dict(figures)


def _lowest(
    session: Session, *, household_id: int, series: Sequence[Series], today: dt.date, end: dt.date
) -> list[tuple[Series, int, int, dt.date]]:
    """Each account a series pays from or into: today's balance, and the lowest the expected payments (income
    included) take it to by `end`, with its day."""
    due = upcoming(series, today=today, days=(end - today).days)
    accounts = sorted({one.account_id for _, one in due})
    balances = balance_minor_by_account(session, household_id=household_id, at=today, account_ids=accounts)
    walk: dict[int, tuple[Series, int, int, dt.date]] = {}
    for day, one in sorted(due, key=lambda d: (d[0], d[1].next_amount_minor)):
        first, balance, lowest, on = walk.get(
            one.account_id, (one, balances.get(one.account_id, 0), balances.get(one.account_id, 0), today)
        )
        balance += one.next_amount_minor
        if balance < lowest:
            lowest, on = balance, day
        walk[one.account_id] = (first, balance, lowest, on)
    return [
        (one, balances.get(account_id, 0), lowest, on)
        for account_id, (one, _, lowest, on) in sorted(walk.items(), key=lambda w: w[1][2])
    ]


def _pace(session: Session, *, household_id: int, currency: str, today: dt.date) -> PaceOut:
    kinds = repo.categories(session, household_id=household_id)
    expenses = [a for a, (kind, _) in kinds.items() if kind == AccountKind.expense]
    current = month_start(today)
    first = shift_months(current, -PACE_MONTHS)
    daily = repo.daily_spending(
        session, household_id=household_id, currency=currency, first=first, last=today, account_ids=expenses
    )
    days = days_in_month(today.year, today.month)
    spent = sum(amount for day, amount in daily.items() if day >= current)
    by_today, whole = [], []
    for month in _months(first, PACE_MONTHS):
        in_month = {day: amount for day, amount in daily.items() if month_start(day) == month}
        if not in_month:
            continue  # before the household's books began: no zero month
        cutoff = month.replace(day=min(today.day, days_in_month(month.year, month.month)))
        by_today.append(sum(amount for day, amount in in_month.items() if day <= cutoff))
        whole.append(sum(in_month.values()))
    # At this pace: the usual month scaled by how this month compares with the usual by the same day, so rent paid
    # on the 1st is not projected thirty times; with no usual to compare with, the month so far run on linearly.
    usual_by_today = round(statistics.median(by_today)) if by_today else 0
    if usual_by_today > 0:
        projected = round(statistics.median(whole)) * spent // usual_by_today
    else:
        projected = spent * days // today.day

    def shown(values: list[int]) -> str | None:
        return minor_to_str(round(statistics.median(values)), currency) if values else None

    return PaceOut(
        month=f"{current:%Y-%m}",
        day=today.day,
        days=days,
        spent=minor_to_str(spent, currency),
        usual_by_today=shown(by_today),
        usual_month=shown(whole),
        projected=minor_to_str(projected, currency),
    )


# A forecast is kept per household, day and horizon until the next ledger write (fitting takes a second).
_KEPT: KeptPerLedger[ForecastOut] = KeptPerLedger()


def household_forecast(
    session: Session, *, household_id: int, currency: str, today: dt.date, months: int = 3
) -> ForecastOut:
    """The next `months` months after this one (1 to 12), with the pace of this one and the accounts' low points."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationFailed(f"months must be between 1 and {MAX_MONTHS}", field="months")
    return _KEPT.get(
        session,
        household_id=household_id,
        extra=(currency, today, months),
        make=lambda: _compute(session, household_id=household_id, currency=currency, today=today, months=months),
    )


def _compute(session: Session, *, household_id: int, currency: str, today: dt.date, months: int) -> ForecastOut:
    series = [
        s
        for s in live(recurring_service.list_series(session, household_id=household_id, today=today))
        if s.currency == currency
    ]
    past, history, whole = _history(session, household_id=household_id, currency=currency, today=today, series=series)
    start = shift_months(month_start(today), 1)
    ahead = _months(start, months)
    scheduled = _scheduled(series, start=start, months=months)
    # The forecast starts at this month (partial, so never history) and shows the months after it.
    horizon = months + 1
    names = sorted(set(history) | set(scheduled) | {"income", "spending"}, key=lambda n: (n.count(":"), n))
    found: dict[str, Forecast] = {
        name: forecast(name, history.get(name, []), horizon, heavy=name == "spending") for name in names
    }

    def figure(name: str, part: str, i: int) -> int:
        made = found[name]
        value = {"value": made.values, "low": made.low, "high": made.high}[part][i + 1]
        return value + scheduled.get(name, [0] * months)[i]

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    month_rows = []
    for i, month in enumerate(ahead):
        income, spending = figure("income", "value", i), figure("spending", "value", i)
        month_rows.append(
            ForecastMonthOut(
                month=f"{month:%Y-%m}",
                income=money(income),
                spending=money(spending),
                net=money(income - spending),
                spending_low=money(figure("spending", "low", i)),
                spending_high=money(figure("spending", "high", i)),
                income_low=money(figure("income", "low", i)),
                income_high=money(figure("income", "high", i)),
                scheduled_spending=money(scheduled["spending"][i]),
                scheduled_income=money(scheduled["income"][i]),
            )
        )
    groups = [
        ForecastGroupOut(
            group=name.split(":", 1)[1],
            month=f"{month:%Y-%m}",
            spending=money(figure(name, "value", i)),
            low=money(figure(name, "low", i)),
            high=money(figure(name, "high", i)),
        )
        for name in names
        if name.startswith("spending:")
        for i, month in enumerate(ahead)
    ]
    end = shift_months(start, months) - dt.timedelta(days=1)
    lows = _lowest(session, household_id=household_id, series=series, today=today, end=end)
    return ForecastOut(
        currency=currency,
        months=month_rows,
        series=[
            ForecastSeriesOut(
                name=made.name,
                method=made.method,
                mae=money(made.mae) if made.mae is not None else None,
                rmse=money(made.rmse) if made.rmse is not None else None,
                baseline_mae=money(made.baseline_mae) if made.baseline_mae is not None else None,
                months=made.months,
                note=made.note,
            )
            for made in found.values()
        ],
        pace=_pace(session, household_id=household_id, currency=currency, today=today),
        balances=[
            LowBalanceOut(
                account=one.account,
                currency=one.currency,
                balance=minor_to_str(balance, one.currency),
                lowest=minor_to_str(lowest, one.currency),
                lowest_date=on,
            )
            for one, balance, lowest, on in lows
        ],
        groups=groups,
        history=_shown_history(past, whole, found["spending"], money),
    )


HISTORY_SHOWN = 12


def _shown_history(
    months: Sequence[dt.date], whole: dict[str, list[int]], spending: Forecast, money: Callable[[int], str]
) -> list[HistoryMonthOut]:
    """The last complete months as the month report has them, with the spending method's backtest prediction
    (actual minus its error: the recurring part is known, so the error is the rest's) where it was tested."""
    errors = dict(zip(range(len(months) - len(spending.errors), len(months)), spending.errors, strict=True))
    shown = []
    for i in range(max(0, len(months) - HISTORY_SHOWN), len(months)):
        actual = whole["spending"][i]
        shown.append(
            HistoryMonthOut(
                month=f"{months[i]:%Y-%m}",
                income=money(whole["income"][i]),
                spending=money(actual),
                spending_predicted=money(actual - errors[i]) if i in errors else None,
            )
        )
    return shown
