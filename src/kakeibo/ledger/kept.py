"""Results kept in this process per household until its books change: what is computed from the ledger (detected
recurring series, a forecast, the month in words) is reused while the household's ledger version (bumped by every
ledger write) stays the same. The key also holds the database and the household's creation time, as a database
made again (tests) reuses the same ids and versions."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from kakeibo.ledger import repository as repo

T = TypeVar("T")


class KeptPerLedger(Generic[T]):
    def __init__(self, size: int = 32) -> None:
        self._kept: OrderedDict[tuple[Hashable, ...], T] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, session: Session, *, household_id: int, extra: Hashable, make: Callable[[], T]) -> T:
        """The kept result for this household, its books as they are and `extra`; made (and kept) if missing."""
        version, created = repo.ledger_version(session, household_id=household_id)
        key = (session.get_bind().engine.url.render_as_string(), household_id, created, version, extra)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        found = make()
        with self._lock:
            self._kept[key] = found
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
