"""Detection of recurring series on generated books, without a database: each cadence with day jitter, a price
change, a gap, noise around a series, a one-off, payees the bank spells differently, and a Hypothesis property."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakeibo.planning.recurring import (
    RHYTHMS,
    Cadence,
    Payment,
    SeriesKind,
    SeriesNote,
    SeriesStatus,
    add_months,
    apply_notes,
    detect,
    upcoming,
)

TODAY = dt.date(2026, 11, 23)
_ids = iter(range(1, 10**9))


def payments(
    dates: list[dt.date],
    amount: int | list[int],
    *,
    payee: str = "NETFLIX.COM",
    kind: SeriesKind = SeriesKind.expense,
    account_id: int = 1,
    category: str | None = "Entertainment/Streaming",
) -> list[Payment]:
    amounts = amount if isinstance(amount, list) else [amount] * len(dates)
    return [
        Payment(next(_ids), day, payee, value, "USD", account_id, "Checking", kind, category)
        for day, value in zip(dates, amounts, strict=True)
    ]


def jittered(dates: list[dt.date], *, seed: int, days: int) -> list[dt.date]:
    rng = random.Random(seed)
    return [d + dt.timedelta(days=rng.randint(-days, days)) for d in dates]


def noise(*, seed: int, count: int = 300) -> list[Payment]:
    """Everyday spending: a few grocers and cafés, random days and amounts."""
    rng = random.Random(seed)
    shops = ["KROGER #123", "SQ *CORNER CAFE", "SHELL OIL 5531", "TARGET T-1234", "CHIPOTLE 0921", "AMAZON MKTP"]
    start = dt.date(2025, 11, 1)
    return [
        Payment(
            next(_ids),
            start + dt.timedelta(days=rng.randrange(380)),
            rng.choice(shops),
            -rng.randint(300, 15000),
            "USD",
            1,
            "Checking",
            SeriesKind.expense,
            "Food & Dining/Groceries",
        )
        for _ in range(count)
    ]


def only(found: list, payee: str):  # type: ignore[no-untyped-def,type-arg]
    matching = [s for s in found if s.payee == payee]
    assert len(matching) == 1, [(s.payee, s.cadence, s.count) for s in found]
    return matching[0]


CADENCES = [
    (Cadence.weekly, lambda i: dt.date(2026, 6, 1) + dt.timedelta(days=7 * i), 24, 1),
    (Cadence.biweekly, lambda i: dt.date(2026, 3, 6) + dt.timedelta(days=14 * i), 18, 2),
    (Cadence.semi_monthly, lambda i: dt.date(2026, 1 + i // 2, 1 if i % 2 == 0 else 15), 22, 1),
    (Cadence.monthly, lambda i: add_months(dt.date(2025, 8, 20), i), 15, 3),
    (Cadence.quarterly, lambda i: add_months(dt.date(2024, 2, 10), 3 * i), 11, 4),
    (Cadence.semi_annual, lambda i: add_months(dt.date(2023, 7, 3), 6 * i), 7, 6),
    (Cadence.yearly, lambda i: add_months(dt.date(2021, 12, 1), 12 * i), 5, 8),
]


@pytest.mark.parametrize(("cadence", "schedule", "hits", "jitter"), CADENCES, ids=[c[0].value for c in CADENCES])
def test_each_cadence_is_found_with_jitter_among_noise(cadence, schedule, hits, jitter) -> None:  # type: ignore[no-untyped-def]
    dates = jittered([schedule(i) for i in range(hits)], seed=hits, days=jitter)
    books = payments(dates, -4200, payee="ACME INSURANCE CO") + noise(seed=7)
    series = only(detect(books, today=max(dates) + dt.timedelta(days=1)), "Acme Insurance")
    assert series.cadence is cadence
    assert series.count == hits
    assert series.amount_minor == -4200
    assert series.status is SeriesStatus.active
    assert abs((series.next_date - schedule(hits)).days) <= jitter + 2


def test_a_price_change_stays_one_series_and_says_since_when() -> None:
    dates = [add_months(dt.date(2025, 12, 14), i) for i in range(11)]
    amounts = [-1549] * 3 + [-1799] * 8  # 15.49 until February, 17.99 since March
    series = only(detect(payments(dates, amounts) + noise(seed=3), today=TODAY), "Netflix")
    assert (series.cadence, series.count, series.amount_minor, series.next_amount_minor) == (
        Cadence.monthly,
        11,
        -1799,
        -1799,
    )
    assert series.price_change is not None
    assert (series.price_change.before_minor, series.price_change.after_minor) == (-1549, -1799)
    assert series.price_change.since == dt.date(2026, 3, 14)
    assert series.yearly_minor == -1799 * 12


def test_a_price_rise_beyond_the_band_is_still_one_series() -> None:
    dates = [add_months(dt.date(2026, 1, 5), i) for i in range(10)]
    series = only(detect(payments(dates, [-999] * 5 + [-1999] * 5, payee="SPOTIFY P1234"), today=TODAY), "Spotify")
    assert series.count == 10 and series.price_change is not None and series.price_change.since == dt.date(2026, 6, 5)


def test_a_month_skipped_keeps_the_series() -> None:
    dates = [add_months(dt.date(2025, 12, 3), i) for i in range(12) if i != 5]
    series = only(detect(payments(dates, -6000, payee="CITY GYM"), today=TODAY), "City Gym")
    assert (series.cadence, series.count, series.next_date) == (Cadence.monthly, 11, dt.date(2026, 12, 3))


def test_month_ends_and_february_are_one_schedule() -> None:
    dates = [dt.date(2026, m, 1) - dt.timedelta(days=1) for m in range(2, 12)]  # Jan 31, Feb 28, Mar 31, ...
    series = only(
        detect(payments(dates, 250000, payee="ACME CORP PAYROLL", kind=SeriesKind.income), today=TODAY),
        "Acme Corp Payroll",
    )
    assert series.cadence is Cadence.monthly
    assert series.next_date == dt.date(2026, 11, 30)
    assert series.kind is SeriesKind.income and series.amount_minor == 250000


def test_a_one_off_and_random_spending_are_no_series() -> None:
    books = noise(seed=11) + payments([dt.date(2026, 5, 2)], -89900, payee="BEST BUY 0042")
    found = detect(books, today=TODAY)
    assert [s.payee for s in found if s.payee == "Best Buy"] == []
    assert all(s.payee not in {"Kroger", "Corner Cafe", "Target", "Chipotle", "Amazon"} for s in found), found


def test_payees_the_bank_spells_differently_meet() -> None:
    spellings = ["SQ *BLUE BOTTLE #12", "BLUE BOTTLE COFFEE", "SQ *BLUE BOTTLE #12", "Blue Bottle Coffee"]
    dates = [dt.date(2026, 7, 1) + dt.timedelta(days=7 * i) for i in range(len(spellings) * 3)]
    books = [p for i, p in enumerate(payments(dates, -650, payee="x")) for p in [p]]
    books = [
        Payment(p.transaction_id, p.date, spellings[i % 4], p.amount_minor, "USD", 1, "Checking", p.kind)
        for i, p in enumerate(books)
    ]
    found = detect(books, today=dates[-1])
    assert len(found) == 1 and found[0].count == 12 and found[0].cadence is Cadence.weekly


def test_the_same_payee_on_two_accounts_or_kinds_is_two_series() -> None:
    dates = [add_months(dt.date(2026, 1, 10), i) for i in range(8)]
    books = payments(dates, -50000, payee="Savings", kind=SeriesKind.transfer) + payments(
        dates, -1200, payee="Savings", account_id=2
    )
    found = detect(books, today=TODAY)
    assert sorted((s.kind.value, s.account_id) for s in found) == [("expense", 2), ("transfer", 1)]
    assert len({s.key for s in found}) == 2


def test_status_early_late_and_ended() -> None:
    two = payments([dt.date(2026, 9, 20), dt.date(2026, 10, 20)], -1000, payee="NEW APP")
    late = payments([add_months(dt.date(2026, 3, 5), i) for i in range(7)], -2000, payee="OLD GYM")  # to Sep 5
    ended = payments([add_months(dt.date(2025, 3, 5), i) for i in range(7)], -3000, payee="GONE MAG")
    found = {s.payee: s for s in detect(two + late + ended, today=TODAY)}
    assert found["New App"].status is SeriesStatus.early
    assert found["Old Gym"].status is SeriesStatus.ended
    late_one = payments([add_months(dt.date(2026, 3, 10), i) for i in range(8)], -2000, payee="OLD GYM")  # Oct 10
    assert only(detect(late_one, today=TODAY), "Old Gym").status is SeriesStatus.late
    assert only(detect(late_one, today=dt.date(2026, 11, 12)), "Old Gym").status is SeriesStatus.active


def test_what_people_said_wins_and_upcoming_lists_by_date() -> None:
    books = payments([add_months(dt.date(2026, 1, 28), i) for i in range(10)], -1799) + payments(
        [dt.date(2026, 9, 4) + dt.timedelta(days=7 * i) for i in range(12)], -2500, payee="FARM BOX"
    )
    found = detect(books, today=TODAY)
    netflix = only(found, "Netflix")
    notes = [SeriesNote(key=netflix.key, dismissed=True)]
    assert [s.payee for s in apply_notes(found, notes, include_hidden=False)] == ["Farm Box"]
    hidden = apply_notes(found, notes, include_hidden=True)
    assert {s.payee: s.status for s in hidden}["Netflix"] is SeriesStatus.dismissed
    renamed = apply_notes(found, [SeriesNote(key=netflix.key, name="Films", confirmed=True)], include_hidden=False)
    assert {s.payee for s in renamed} == {"Films", "Farm Box"}
    due = upcoming(found, today=TODAY, days=14)
    assert [(d.isoformat(), s.payee) for d, s in due] == [
        ("2026-11-27", "Farm Box"),
        ("2026-11-28", "Netflix"),
        ("2026-12-04", "Farm Box"),
    ]


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1)),
    day=st.integers(min_value=1, max_value=28),
    hits=st.integers(min_value=3, max_value=24),
    jitter=st.lists(st.integers(min_value=-3, max_value=3), min_size=24, max_size=24),
    amount=st.integers(min_value=100, max_value=10**7),
)
def test_any_monthly_series_with_small_jitter_is_found(
    start: dt.date, day: int, hits: int, jitter: list[int], amount: int
) -> None:
    schedule = [add_months(start.replace(day=day), i) for i in range(hits + 1)]
    dates = [d + dt.timedelta(days=j) for d, j in zip(schedule[:hits], jitter, strict=False)]
    found = detect(payments(dates, -amount, payee="Monthly Thing"), today=dates[-1])
    assert len(found) == 1, [(s.cadence, s.count) for s in found]
    assert found[0].cadence is Cadence.monthly and found[0].count == hits
    # The next date is the median day of month: within the jitter of the truth, except where a late hit lands
    # within two days of a month's end and the series may read as paid at month ends (then within its tolerance).
    allowed = 3 if day + 3 < 26 else RHYTHMS[Cadence.monthly].tolerance
    assert abs((found[0].next_date - schedule[hits]).days) <= allowed
    assert found[0].next_date > dates[-1]
