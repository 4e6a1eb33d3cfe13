"""Fingerprints of statement rows: the same row in a later (or overlapping) export gets the same fingerprint.

The bank's own id is used when it gives one. Otherwise a row is its account, date, amount and cleaned payee, plus
its occurrence: the second identical coffee on one day is a second row, in this file and in the next one."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np


def by_bank_id(*, account_id: int, bank_id: str) -> str:
    return hashlib.sha1(f"id|{account_id}|{bank_id.strip()}".encode(), usedforsecurity=False).hexdigest()


def row_base(*, account_id: int, date: dt.date, amount_minor: int, payee_key: str) -> bytes:
    return hashlib.sha1(
        f"row|{account_id}|{date.isoformat()}|{amount_minor}|{payee_key}".encode(), usedforsecurity=False
    ).digest()


def by_row(base: bytes, occurrence: int) -> str:
    return hashlib.sha1(base + occurrence.to_bytes(4, "big"), usedforsecurity=False).hexdigest()


class Occurrences:
    """Counts identical rows as they stream past, exactly, in about 8 bytes a distinct row.

    Keys seen once live in sorted numpy arrays (merged like a binary counter, so adding n keys costs O(n log n)
    overall); the rare keys seen more than once keep their count in a dict. A million-row file stays small."""

    def __init__(self) -> None:
        self._levels: list[np.ndarray[Any, np.dtype[np.uint64]]] = []
        self._repeats: dict[int, int] = {}

    @staticmethod
    def key(base: bytes) -> int:
        return int.from_bytes(base[:8], "big")

    def _seen(self, keys: np.ndarray[Any, np.dtype[np.uint64]]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        seen = np.zeros(len(keys), dtype=bool)
        for level in self._levels:
            at = np.minimum(np.searchsorted(level, keys), len(level) - 1)
            seen |= level[at] == keys
        return seen

    def count(self, keys: Sequence[int]) -> list[int]:
        """The occurrence of each key (1 for the first time a key is seen), in order."""
        if not keys:
            return []
        array = np.array(keys, dtype=np.uint64)
        seen = self._seen(array)
        local: dict[int, int] = {}
        result = []
        fresh = set()
        for key, was_seen in zip(keys, seen.tolist(), strict=True):
            before = (self._repeats.get(key, 1) if was_seen else 0) + local.get(key, 0)
            local[key] = local.get(key, 0) + 1
            result.append(before + 1)
            if not was_seen:
                fresh.add(key)
        for key, times in local.items():
            total = times + (self._repeats.get(key, 1) if key not in fresh else 0)
            if total > 1:
                self._repeats[key] = total
        if fresh:
            self._add(np.array(sorted(fresh), dtype=np.uint64))
        return result

    def _add(self, level: np.ndarray[Any, np.dtype[np.uint64]]) -> None:
        while self._levels and len(self._levels[-1]) <= len(level):
            level = np.union1d(self._levels.pop(), level)
        self._levels.append(level)
