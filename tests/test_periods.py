"""Period arithmetic: half-open ranges, month shifts and month splits, by example and by property."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakeibo.core.periods import (
    Period,
    from_month_index,
    month_index,
    month_of,
    months_between,
    quarter_of,
    shift_months,
    split_months,
    split_whole_months,
    year_of,
)

BOUNDED = settings(max_examples=200, deadline=None)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
shifts = st.integers(min_value=-240, max_value=240)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(days)
    return Period(start, start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=800))))


def test_a_month_is_half_open() -> None:
    november = month_of(dt.date(2026, 11, 23))
    assert november == Period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert november.last == dt.date(2026, 11, 30)
    assert november.days == 30
    assert dt.date(2026, 12, 1) not in november
    assert dt.date(2026, 11, 1) in november


def test_shift_clamps_the_day_to_the_target_month() -> None:
    assert shift_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert shift_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert shift_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
    assert shift_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert shift_months(month_of(dt.date(2026, 3, 10)), -1) == month_of(dt.date(2026, 2, 1))


def test_months_between_counts_calendar_months() -> None:
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 1)) == 1
    assert months_between(dt.date(2026, 5, 1), dt.date(2026, 5, 31)) == 0
    assert months_between(dt.date(2025, 11, 1), dt.date(2026, 2, 1)) == 3


def test_year_and_quarter() -> None:
    assert year_of(dt.date(2026, 6, 1)) == Period(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert quarter_of(dt.date(2026, 11, 23)) == Period(dt.date(2026, 10, 1), dt.date(2027, 1, 1))


def test_split_keeps_whole_months_and_cuts_the_edges() -> None:
    period = Period.inclusive(dt.date(2026, 1, 15), dt.date(2026, 3, 10))
    assert split_months(period) == [
        Period(dt.date(2026, 1, 15), dt.date(2026, 2, 1)),
        Period(dt.date(2026, 2, 1), dt.date(2026, 3, 1)),
        Period(dt.date(2026, 3, 1), dt.date(2026, 3, 11)),
    ]
    edges, whole = split_whole_months(period)
    assert whole == Period(dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert edges == [split_months(period)[0], split_months(period)[2]]


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Period(dt.date(2026, 2, 1), dt.date(2026, 1, 1))


@BOUNDED
@given(days)
def test_a_day_lies_in_exactly_its_month(day: dt.date) -> None:
    month = month_of(day)
    assert day in month
    assert month.is_whole_months
    assert month.start.day == 1 and month.end.day == 1
    assert months_between(month.start, month.end) == 1
    assert 28 <= month.days <= 31


@BOUNDED
@given(days, shifts)
def test_shift_round_trips_on_the_first_of_a_month(day: dt.date, n: int) -> None:
    first = day.replace(day=1)
    assert shift_months(shift_months(first, n), -n) == first
    assert months_between(first, shift_months(first, n)) == n
    assert from_month_index(month_index(first)) == first


@BOUNDED
@given(days, shifts)
def test_shift_never_leaves_the_target_month(day: dt.date, n: int) -> None:
    shifted = shift_months(day, n)
    assert months_between(day, shifted) == n
    assert shifted.day <= day.day
    assert shifted.day == day.day or shifted == month_of(shifted).last


@BOUNDED
@given(days, shifts)
def test_a_shifted_month_is_a_month(day: dt.date, n: int) -> None:
    assert shift_months(month_of(day), n) == month_of(shift_months(day.replace(day=1), n))


@BOUNDED
@given(periods())
def test_split_months_tiles_the_period(period: Period) -> None:
    pieces = split_months(period)
    assert sum(p.days for p in pieces) == period.days
    if pieces:
        assert pieces[0].start == period.start and pieces[-1].end == period.end
    for before, after in itertools.pairwise(pieces):
        assert before.end == after.start
    for piece in pieces:
        assert not piece.is_empty
        assert piece.clamp(month_of(piece.start)) == piece
    assert all(p.is_whole_months for p in pieces[1:-1])


@BOUNDED
@given(periods())
def test_whole_months_plus_edges_cover_the_period_once(period: Period) -> None:
    edges, whole = split_whole_months(period)
    parts = [*edges, *([whole] if whole else [])]
    assert sum(p.days for p in parts) == period.days
    for edge in edges:
        assert month_of(edge.start) == month_of(edge.last)  # an edge lies inside one month
        assert edge.clamp(period) == edge
    if whole is not None:
        assert whole.is_whole_months
        assert whole.clamp(period) == whole


@BOUNDED
@given(days, days)
def test_inclusive_round_trips(a: dt.date, b: dt.date) -> None:
    first, last = min(a, b), max(a, b)
    period = Period.inclusive(first, last)
    assert (period.start, period.last) == (first, last)
    assert period.days == (last - first).days + 1


def test_one_percentage_and_one_rounding() -> None:
    from decimal import ROUND_DOWN, Decimal

    from kakeibo.core.money import percentage, round_to

    assert percentage(1, 3) == Decimal("33.3")
    assert percentage(5, 0) is None
    assert round_to(Decimal("0.125"), 2) == Decimal("0.12")  # banker's rounding unless another mode is named
    assert round_to(Decimal("0.129"), 2, rounding=ROUND_DOWN) == Decimal("0.12")
    with pytest.raises(TypeError):
        round_to(0.1, 2)  # type: ignore[arg-type]
