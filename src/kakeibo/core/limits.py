"""The ranges every input must fall in, the same on SQLite and PostgreSQL: dates, ids, small integers, text.

One range of dates everywhere (a transaction, a report period, an imported row, a question): beyond it, period
arithmetic overflows Python's `date` and a 4-digit year stops being a real one. Ids are 64-bit on both databases;
sort orders and priorities are 32-bit columns on PostgreSQL, so SQLite is held to the same. PostgreSQL refuses the
NUL character in text, so it is refused everywhere, before anything is written.
"""

from __future__ import annotations

import datetime as dt

from kakeibo.core.errors import ValidationFailed

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
MAX_ID = 2**63 - 1
MIN_INT4, MAX_INT4 = -(2**31), 2**31 - 1


def date_problem(day: dt.date) -> str | None:
    """Why `day` is refused, or None when it is in range."""
    if MIN_DATE <= day <= MAX_DATE:
        return None
    return f"{day.isoformat()} is outside the supported dates ({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})"


def check_date(day: dt.date, *, field: str = "date") -> dt.date:
    problem = date_problem(day)
    if problem:
        raise ValidationFailed(problem, field=field)
    return day


def has_nul(text: str) -> bool:
    return "\x00" in text


def as_id(ref: int | str) -> int | None:
    """`ref` as a row id when it is one (an int, or a string of ASCII digits, in range); else None, so that a
    reference such as "Groceries" is looked up by name and "99999999999999999999" is simply not found."""
    if isinstance(ref, int):
        return ref if 1 <= ref <= MAX_ID else None
    text = ref.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None
