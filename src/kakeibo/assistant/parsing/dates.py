"""Dates and periods in an utterance, resolved against "today" into inclusive ranges.

Conventions: a month, quarter or day-of-month named without a year is the most recent one that has started
("in December" on 2026-11-23 is December 2025; on 2026-12-05 it is December 2026). "last friday" is the most recent
Friday before today, a bare "friday" the most recent on or before today. Weeks run Monday to Sunday. Periods are
whole calendar units ("this month" ends on its last day, not today); "since X" and "last N days" end today.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from kakeibo.core.periods import month_of, month_start, quarter_of, shift_months, year_of

Range = tuple[datetime.date, datetime.date]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")s?"
_ORD_WORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"


@dataclass(frozen=True)
class Found:
    start: datetime.date
    end: datetime.date
    text: str  # the utterance without the date words


def month_range(year: int, month: int) -> Range:
    month_period = month_of(datetime.date(year, month, 1))
    return month_period.start, month_period.last


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    first = shift_months(datetime.date(year, month, 1), delta)
    return first.year, first.month


def _shift_months(day: datetime.date, delta: int) -> datetime.date:
    return shift_months(day, delta)


def _recent_month(month: int, today: datetime.date, year: str | None) -> int:
    if year:
        return int(year)
    return today.year if month <= today.month else today.year - 1


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _past_day(month: int, day: int, today: datetime.date, year: str | None) -> datetime.date | None:
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(today.year, month, day)
    if found is None or found > today:
        return _safe_date(today.year - 1, month, day)
    return found


def _day_of_month(day: int, today: datetime.date) -> datetime.date | None:
    if day <= today.day:
        return _safe_date(today.year, today.month, day)
    year, month = _add_months(today.year, today.month, -1)
    return _safe_date(year, month, day)


def _unit_range(unit: str, offset: int, today: datetime.date) -> Range:
    if unit == "day":
        day = today + datetime.timedelta(days=offset)
        return day, day
    if unit == "week":
        monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=offset)
        return monday, monday + datetime.timedelta(days=6)
    if unit == "weekend":
        saturday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=5, weeks=offset)
        return saturday, saturday + datetime.timedelta(days=1)
    if unit == "month":
        return month_range(*_add_months(today.year, today.month, offset))
    if unit == "quarter":
        quarter = shift_months(quarter_of(today), 3 * offset)
        return quarter.start, quarter.last
    year = shift_months(year_of(today), 12 * offset)
    return year.start, year.last


def _quarter(number: int, today: datetime.date, year: str | None) -> Range:
    first = 3 * number - 2
    found_year = int(year) if year else (today.year if first <= today.month else today.year - 1)
    return datetime.date(found_year, first, 1), month_range(found_year, first + 2)[1]


def _weekday(name: str, today: datetime.date, *, strictly_before: bool) -> datetime.date:
    back = (today.weekday() - WEEKDAYS[name]) % 7
    if back == 0 and strictly_before:
        back = 7
    return today - datetime.timedelta(days=back)


_OFFSETS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}
_UNIT_DAYS = {"day": 1, "week": 7}

Handler = Callable[[re.Match[str], datetime.date], Range | None]


_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}  # first month; northern hemisphere


def _season(name: str, today: datetime.date, year: str | None, *, last: bool) -> Range:
    """A season as three whole months: the most recent one that has started ("last summer" the one before that
    when this one is under way), or the one of the year named (winter runs December to February)."""
    first = _SEASONS[name]
    if year:
        start_year = int(year)
    else:
        start_year = today.year if (today.year, today.month) >= (today.year, first) else today.year - 1
        if first == 12 and today.month <= 2:
            start_year = today.year - 1
        if last and _add_months(start_year, first, 3) > (today.year, today.month):
            start_year -= 1
    end_year, end_month = _add_months(start_year, first, 2)
    return datetime.date(start_year, first, 1), month_range(end_year, end_month)[1]


def _single(day: datetime.date | None) -> Range | None:
    return None if day is None else (day, day)


def _expr(text: str, today: datetime.date) -> Range | None:
    """The range of a whole date expression (used inside "between X and Y", "from X to Y", "since X")."""
    if text.strip() == "may":
        return month_range(_recent_month(5, today, None), 5)
    for pattern, handler in _PATTERNS:
        match = pattern.fullmatch(text.strip())
        if match:
            return handler(match, today)
    return None


def _between(match: re.Match[str], today: datetime.date) -> Range | None:
    first, second = _expr(match.group("a"), today), _expr(match.group("b"), today)
    if first is None or second is None:
        return None
    return first[0], second[1]


def _since(match: re.Match[str], today: datetime.date) -> Range | None:
    found = _expr(match.group("a"), today)
    return None if found is None else (found[0], today)


def _last_n(match: re.Match[str], today: datetime.date) -> Range:
    count, unit = int(match.group("n")), match.group("unit")
    if unit in _UNIT_DAYS:
        return today - datetime.timedelta(days=count * _UNIT_DAYS[unit] - 1), today
    months = count * (12 if unit == "year" else 1)
    return _shift_months(today, -months) + datetime.timedelta(days=1), today


def _ago(match: re.Match[str], today: datetime.date) -> Range | None:
    count = int(match.group("n") or 1)
    unit = match.group("unit")
    if unit in _UNIT_DAYS:
        return _single(today - datetime.timedelta(days=count * _UNIT_DAYS[unit]))
    return _single(_shift_months(today, -count * (12 if unit == "year" else 1)))


def _numeric(match: re.Match[str], today: datetime.date) -> Range | None:
    first, second = int(match.group("m")), int(match.group("d"))
    month, day = (first, second) if first <= 12 else (second, first)  # US order unless it cannot be
    year = match.group("y")
    if year and len(year) == 2:
        year = "20" + year
    return _single(_past_day(month, day, today, year) if month <= 12 else None)


_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\bbetween (?P<a>.+?) and (?P<b>.+?)$"), _between),
    (re.compile(r"\bfrom (?P<a>[\w/ -]+?) (?:to|until|till|through|thru) (?P<b>[\w/ -]+?)$"), _between),
    (re.compile(r"\bsince (?P<a>.+?)$"), _since),
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
     lambda m, t: _single(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])))),
    (re.compile(r"\b(?:on )?(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\b"), _numeric),
    (re.compile(r"\b(?:(?:year to date|ytd)|so far this year|since the (?:beginning|start) of (?:the|this) year)\b"),
     lambda m, t: (datetime.date(t.year, 1, 1), t)),
    (re.compile(r"\b(?:month to date|mtd|so far this month|since the (?:beginning|start) of (?:the|this) month)\b"),
     lambda m, t: (month_start(t), t)),
    (re.compile(r"\b(?:(?:in|during|over) )?(?:the )?(?P<which>last |this |past )?(?P<season>spring|summer|fall|autumn|winter)"
                r"(?: (?P<year>(?:19|20)\d{2}))?\b"),
     lambda m, t: _season(m["season"], t, m["year"], last=(m["which"] or "").strip() in ("last", "past"))),
    (re.compile(r"\b(?:the )?day before yesterday\b"), lambda m, t: _single(t - datetime.timedelta(days=2))),
    (re.compile(r"\b(?:yesterday|last night)\b"), lambda m, t: _single(t - datetime.timedelta(days=1))),
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b"), lambda m, t: (t, t)),
    (re.compile(r"\b(?:(?:in|for|during|of) )?" + _MONTH + r" (?:of )?last year\b"),
     lambda m, t: month_range(t.year - 1, MONTHS[m["month"]])),
    (re.compile(r"\b(?:in |over |for |during )?(?:the )?(?:last|past|previous) (?P<n>\d+) (?P<unit>day|week|month|year)s?\b"),
     _last_n),
    (re.compile(r"\b(?:(?P<n>\d+)|an?) (?P<unit>day|week|month|year)s? ago\b"), _ago),
    (re.compile(r"\b(?:in |for |during |over )?(?P<which>this|current|last|past|previous|prior|next|coming) "
                r"(?P<unit>week|weekend|month|quarter|year)\b"),
     lambda m, t: _unit_range(m["unit"], _OFFSETS[m["which"]], t)),
    (re.compile(r"\b(?:in |for |during )?q(?P<q>[1-4])(?: of)?" + _YEAR + r"\b"),
     lambda m, t: _quarter(int(m["q"]), t, m["year"])),
    (re.compile(r"\b(?:in |for |during )?the (?P<q>first|second|third|fourth) quarter\b"),
     lambda m, t: _quarter(ORDINALS[m["q"]], t, None)),
    (re.compile(r"\b(?:on )?(?:the )?" + _MONTH + r" " + _DAY + _YEAR + r"\b"),
     lambda m, t: _single(_past_day(MONTHS[m["month"]], int(m["day"]), t, m["year"]))),
    (re.compile(r"\b(?:on )?(?:the )?" + _DAY + r" (?:of )?" + _MONTH + _YEAR + r"\b"),
     lambda m, t: _single(_past_day(MONTHS[m["month"]], int(m["day"]), t, m["year"]))),
    (re.compile(r"\b(?:on )?the (?P<ord>" + _ORD_WORD + r") of " + _MONTH + _YEAR + r"\b"),
     lambda m, t: _single(_past_day(MONTHS[m["month"]], ORDINALS[m["ord"]], t, m["year"]))),
    (re.compile(r"\b(?:(?:in|for|during|of|since) )?(?:the month of )?" + _MONTH + r"(?:,? (?P<year>(?:19|20)\d{2}))?\b"
                r"(?<!\bmay)"),
     lambda m, t: month_range(_recent_month(MONTHS[m["month"]], t, m["year"]), MONTHS[m["month"]])),
    (re.compile(r"\b(?:in|for|during|of) (?P<may>may)(?:,? (?P<year>(?:19|20)\d{2}))?\b"),
     lambda m, t: month_range(_recent_month(5, t, m["year"]), 5)),
    (re.compile(r"\b(?:in|for|during|of|year) (?P<year>(?:19|20)\d{2})\b"),
     lambda m, t: (datetime.date(int(m["year"]), 1, 1), datetime.date(int(m["year"]), 12, 31))),
    (re.compile(r"\b(?:on )?(?P<which>last|this|past|previous) " + _WEEKDAY + r"\b"),
     lambda m, t: _single(
         _weekday(m["weekday"], t, strictly_before=m["which"] != "this")
         if m["which"] != "this"
         else t - datetime.timedelta(days=t.weekday() - WEEKDAYS[m["weekday"]])
     )),
    (re.compile(r"\b(?:(?:on|from) )?" + _WEEKDAY + r"\b"),
     lambda m, t: _single(_weekday(m["weekday"], t, strictly_before=False))),
    (re.compile(r"\b(?:on the (?P<day>\d{1,2})(?:st|nd|rd|th)?|the (?P<day2>\d{1,2})(?:st|nd|rd|th))\b"),
     lambda m, t: _single(_day_of_month(int(m["day"] or m["day2"]), t))),
    (re.compile(r"\b(?:on )?the (?P<ord>" + _ORD_WORD + r")\b"),
     lambda m, t: _single(_day_of_month(ORDINALS[m["ord"]], t))),
]  # fmt: skip


def find_dates(text: str, today: datetime.date) -> Found | None:
    """The first date or period mentioned in lower-case `text` (number words already digits), if any."""
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(text):
            found = handler(match, today)
            if found is not None:
                rest = (text[: match.start()] + " " + text[match.end() :]).strip()
                return Found(start=found[0], end=found[1], text=re.sub(r"\s+", " ", rest))
    return None


def find_periods(text: str, today: datetime.date, *, most: int = 2) -> tuple[list[Range], str]:
    """Up to `most` periods in the order the sentence names them ("october than september": October first), and
    the text without their words. Each is the earliest-starting expression left (the longest at one place)."""
    found: list[Range] = []
    for _ in range(most):
        best: tuple[int, int, Range, re.Match[str]] | None = None
        for pattern, handler in _PATTERNS:
            for match in pattern.finditer(text):
                period = handler(match, today)
                if period is None:
                    continue
                key = (match.start(), -(match.end() - match.start()))
                if best is None or key < (best[0], best[1]):
                    best = (key[0], key[1], period, match)
        if best is None:
            break
        match = best[3]
        found.append(best[2])
        text = re.sub(r"\s+", " ", text[: match.start()] + " " + text[match.end() :]).strip()
    return found, text
