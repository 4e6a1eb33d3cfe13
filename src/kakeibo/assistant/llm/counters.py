"""The gateway's shared state: counters with an expiry, one-shot claims (duplicate suppression) and a small cache.
In memory for one process (embedded mode), or in Redis so every API replica and worker sees the same figures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # redis is optional (the `redis` extra), imported only when configured
    import redis


class Counters(Protocol):
    def get(self, key: str) -> int | None:
        """The counter's value, or None when it does not exist (never set, or expired)."""
        ...

    def seed(self, key: str, value: int, ttl: float) -> None:
        """Set the counter only if it does not exist (how a fresh process learns the day's figures so far)."""
        ...

    def add(self, key: str, amount: int, ttl: float) -> int:
        """Add to the counter (created at 0) and return the new value; the expiry is set when it is created."""
        ...

    def claim(self, key: str, ttl: float) -> bool:
        """True for the first claim of `key` within `ttl` seconds, False for every other."""
        ...

    def cache_get(self, key: str) -> str | None: ...

    def cache_set(self, key: str, value: str, ttl: float) -> None: ...


class MemoryCounters:
    """One process's counters, with an injectable monotonic clock so tests can step past an expiry."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, max_cache: int = 2048) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._values: dict[str, tuple[int, float]] = {}
        self._cache: dict[str, tuple[str, float]] = {}
        self._max_cache = max_cache

    def _live(self, key: str, now: float) -> int | None:
        entry = self._values.get(key)
        if entry is None:
            return None
        if entry[1] <= now:
            del self._values[key]
            return None
        return entry[0]

    def get(self, key: str) -> int | None:
        with self._lock:
            return self._live(key, self._clock())

    def seed(self, key: str, value: int, ttl: float) -> None:
        with self._lock:
            now = self._clock()
            if self._live(key, now) is None:
                self._values[key] = (value, now + ttl)

    def add(self, key: str, amount: int, ttl: float) -> int:
        with self._lock:
            now = self._clock()
            current = self._live(key, now)
            expires = now + ttl if current is None else self._values[key][1]
            value = (current or 0) + amount
            self._values[key] = (value, expires)
            return value

    def claim(self, key: str, ttl: float) -> bool:
        with self._lock:
            now = self._clock()
            if self._live(key, now) is not None:
                return False
            self._values[key] = (1, now + ttl)
            if len(self._values) > 4 * self._max_cache:
                # Claims are one-off keys; sweep the expired ones now and then so they do not pile up.
                for stale in [k for k, (_, expires) in self._values.items() if expires <= now]:
                    del self._values[stale]
            return True

    def cache_get(self, key: str) -> str | None:
        with self._lock:
            entry = self._cache.get(key)
            if entry is None or entry[1] <= self._clock():
                self._cache.pop(key, None)
                return None
            return entry[0]

    def cache_set(self, key: str, value: str, ttl: float) -> None:
        with self._lock:
            if len(self._cache) >= self._max_cache:
                self._cache.pop(next(iter(self._cache)))  # the oldest insertion goes first
            self._cache[key] = (value, self._clock() + ttl)


class RedisCounters:
    """The same operations on Redis keys under one prefix; every operation is a single atomic command."""

    def __init__(self, client: redis.Redis, *, prefix: str = "kakeibo:llm:") -> None:
        self.client = client
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return self.prefix + key

    def get(self, key: str) -> int | None:
        value = self.client.get(self._key(key))
        return None if value is None else int(value)  # type: ignore[arg-type]

    def seed(self, key: str, value: int, ttl: float) -> None:
        self.client.set(self._key(key), value, nx=True, px=max(1, int(ttl * 1000)))

    def add(self, key: str, amount: int, ttl: float) -> int:
        with self.client.pipeline(transaction=True) as pipe:
            pipe.incrby(self._key(key), amount)
            # NX: the expiry is set when the counter is created, not pushed back by every call.
            pipe.pexpire(self._key(key), max(1, int(ttl * 1000)), nx=True)
            value, _ = pipe.execute()
        return int(value)

    def claim(self, key: str, ttl: float) -> bool:
        return bool(self.client.set(self._key(key), 1, nx=True, px=max(1, int(ttl * 1000))))

    def cache_get(self, key: str) -> str | None:
        value = self.client.get(self._key("cache:" + key))
        return None if value is None else bytes(value).decode()  # type: ignore[arg-type]

    def cache_set(self, key: str, value: str, ttl: float) -> None:
        self.client.set(self._key("cache:" + key), value, px=max(1, int(ttl * 1000)))


def counters_from_url(redis_url: str | None) -> Counters:
    if redis_url:
        import redis

        client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        return RedisCounters(client)
    return MemoryCounters()
