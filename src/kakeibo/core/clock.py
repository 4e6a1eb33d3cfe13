"""An injectable clock, so tests and the CLI's `--today` can pin "now"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

_pinned_today: dt.date | None = None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    return _pinned_today if _pinned_today is not None else dt.date.today()


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
