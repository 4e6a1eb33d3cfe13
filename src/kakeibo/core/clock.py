"""An injectable clock, so tests and the CLI's `--today` can pin "now".

`today()` is the calendar day every "this month", "yesterday" and default date is computed from. It is, in order:
the day pinned in this process (`pin`, `pinned`, the CLI's `--today`), the `KAKEIBO_TODAY` environment variable
(so a server or a CLI started by a test, or a demo, can be pinned from outside), or the local date.
`now()` stays the real time: token lifetimes, expiries and rate limits are about seconds, not about the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

from kakeibo.core.errors import ConfigurationError

TODAY_VARIABLE = "KAKEIBO_TODAY"

_pinned_today: dt.date | None = None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    if _pinned_today is not None:
        return _pinned_today
    configured = os.environ.get(TODAY_VARIABLE)
    if configured:
        return _parse(configured)
    return dt.date.today()


def _parse(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigurationError(f"{TODAY_VARIABLE} must be a date such as 2026-11-23, not {value!r}") from None


@contextmanager
def pinned(day: dt.date) -> Iterator[None]:
    global _pinned_today
    previous, _pinned_today = _pinned_today, day
    try:
        yield
    finally:
        _pinned_today = previous


def pin(day: dt.date | None) -> None:
    global _pinned_today
    _pinned_today = day
