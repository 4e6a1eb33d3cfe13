"""Calendar periods as plain dates: the one place month arithmetic lives.

Convention: a `Period` is half-open, `[start, end)` — `start` is the first day in it, `end` the first day after it.
So a month is `Period(date(2026, 11, 1), date(2026, 12, 1))`, adjacent periods share a bound, and a period's length
in days is `end - start`. Callers that speak in inclusive ranges (the API's `start`/`end` query parameters, the
assistant's "from X to Y") convert at their edge with `Period.inclusive(first, last)` and `period.last`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import overload

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    start: dt.date  # inclusive
    end: dt.date  # exclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    @classmethod
    def inclusive(cls, first: dt.date, last: dt.date) -> Period:
        """The period from `first` through `last`, both days included."""
        return cls(first, last + _ONE_DAY)

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day + _ONE_DAY)

    @property
    def last(self) -> dt.date:
        """The last day in the period (for inclusive ranges at the edges)."""
        return self.end - _ONE_DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def is_empty(self) -> bool:
        return self.start == self.end

    @property
    def is_whole_months(self) -> bool:
        return not self.is_empty and self.start.day == 1 and self.end.day == 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end

    def clamp(self, other: Period) -> Period:
        """The part of this period inside `other` (empty, at `other`'s nearest bound, when they do not meet)."""
        start = min(max(self.start, other.start), other.end)
        end = max(min(self.end, other.end), start)
        return Period(start, end)

    def months(self) -> Iterator[Period]:
        """Each calendar month the period touches, clamped to the period."""
        return iter(split_months(self))

    def __str__(self) -> str:
        return f"[{self.start.isoformat()}, {self.end.isoformat()})"


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_of(day: dt.date) -> Period:
    """The calendar month `day` falls in."""
    first = day.replace(day=1)
    return Period(first, shift_months(first, 1))


def year_of(day: dt.date) -> Period:
    return Period(dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1))


def quarter_of(day: dt.date) -> Period:
    first = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(first, shift_months(first, 3))


def month_index(day: dt.date) -> int:
    """Months since year 0: a month's position on one integer line, so month differences are subtractions."""
    return day.year * 12 + day.month - 1


def from_month_index(index: int) -> dt.date:
    """The first day of the month at `index` (see `month_index`)."""
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


@overload
def shift_months(value: dt.date, n: int) -> dt.date: ...
@overload
def shift_months(value: Period, n: int) -> Period: ...
def shift_months(value: dt.date | Period, n: int) -> dt.date | Period:
    """A day moved by `n` calendar months, its day clamped to the target month's length (Jan 31 + 1 = Feb 28);
    a period moved bound by bound (a whole-month period stays whole months: March shifted back is February)."""
    if isinstance(value, Period):
        return Period(shift_months(value.start, n), shift_months(value.end, n))
    first = from_month_index(month_index(value) + n)
    return first.replace(day=min(value.day, days_in_month(first.year, first.month)))


def months_between(a: dt.date, b: dt.date) -> int:
    """Calendar months from `a`'s month to `b`'s month (Jan 31 to Feb 1 is 1; the same month is 0)."""
    return month_index(b) - month_index(a)


def split_months(period: Period) -> list[Period]:
    """The period cut at month boundaries: whole months in the middle, partial months at the edges, in order."""
    pieces: list[Period] = []
    start = period.start
    while start < period.end:
        end = min(shift_months(month_start(start), 1), period.end)
        pieces.append(Period(start, end))
        start = end
    return pieces


def split_whole_months(period: Period) -> tuple[list[Period], Period | None]:
    """The period as its partial-month edges plus one run of whole months (None when it covers no whole month):
    whole months are served by monthly rollups, the edges by raw postings. Each edge lies inside one month."""
    first_whole = period.start if period.start.day == 1 else shift_months(month_start(period.start), 1)
    whole_end = month_start(period.end)
    if first_whole >= whole_end:
        return split_months(period), None  # at most two partial months
    edges = []
    if period.start < first_whole:
        edges.append(Period(period.start, first_whole))
    if whole_end < period.end:
        edges.append(Period(whole_end, period.end))
    return edges, Period(first_whole, whole_end)


def month_to_date(today: dt.date) -> Period:
    """From the first of `today`'s month through `today`."""
    return Period.inclusive(month_start(today), today)
