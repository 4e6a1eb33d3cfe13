"""Throttling of guesses (sign-in, registration, a password change): a sliding window of attempts per key, in
memory or shared through Redis."""

from __future__ import annotations

import hashlib
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from starlette.datastructures import State

from kakeibo.auth.errors import RateLimiterUnavailable
from kakeibo.core.errors import RateLimited
from kakeibo.core.settings import Settings

if TYPE_CHECKING:  # redis is an optional dependency (the `redis` extra), imported only when configured
    import redis

WINDOW_SECONDS = 60.0
# Failed sign-ins are counted per (email, address) and per address at the limit, and per email alone at this many
# times the limit. So a guesser elsewhere locks only themselves out, never the owner at home; only guessing from
# many addresses at once reaches the email's ceiling, which bounds how fast one account can be guessed at all.
EMAIL_CEILING_FACTOR = 10


@dataclass(frozen=True, slots=True)
class Attempt:
    """One recorded attempt under every key it counts against; released again when it turns out to be good."""

    keys: tuple[str, ...]
    member: str


class LoginLimiter(Protocol):
    limit: int  # attempts per key and window, unless a key has its own ceiling

    def acquire(self, keys: Sequence[str], *, ceilings: Mapping[str, int] | None = None) -> Attempt:
        """Record an attempt under all `keys` at once, or raise RateLimited (recording nothing) if any is full.
        Each key allows the limiter's limit a window, or its own number from `ceilings`."""
        ...

    def release(self, attempt: Attempt) -> None:
        """Forget an attempt, so successful sign-ins do not use up the allowance."""
        ...


def _too_many(wait_seconds: float) -> RateLimited:
    retry_after = max(1, math.ceil(wait_seconds))
    return RateLimited(f"too many attempts; try again in {retry_after} seconds", extra={"retry_after": retry_after})


class MemoryLoginLimiter:
    """One process's sliding windows: right for embedded mode, where there is exactly one process."""

    def __init__(
        self, *, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._attempts: dict[str, deque[tuple[float, str]]] = {}
        self._calls = 0

    def _prune(self, key: str, now: float) -> deque[tuple[float, str]] | None:
        attempts = self._attempts.get(key)
        if attempts is None:
            return None
        while attempts and attempts[0][0] <= now - self.window:
            attempts.popleft()
        if not attempts:
            del self._attempts[key]
            return None
        return attempts

    def _sweep(self, now: float) -> None:
        # Keys of one-off attempts (a typo'd email) would otherwise stay forever.
        for key in list(self._attempts):
            self._prune(key, now)

    def acquire(self, keys: Sequence[str], *, ceilings: Mapping[str, int] | None = None) -> Attempt:
        attempt = Attempt(keys=tuple(keys), member=uuid.uuid4().hex)
        ceilings = ceilings or {}
        with self._lock:
            now = self._clock()
            self._calls += 1
            if self._calls % 1024 == 0:
                self._sweep(now)
            wait = 0.0
            for key in attempt.keys:
                attempts = self._prune(key, now)
                if attempts is not None and len(attempts) >= ceilings.get(key, self.limit):
                    wait = max(wait, attempts[0][0] + self.window - now)
            if wait > 0:
                raise _too_many(wait)
            for key in attempt.keys:
                self._attempts.setdefault(key, deque()).append((now, attempt.member))
        return attempt

    def release(self, attempt: Attempt) -> None:
        with self._lock:
            for key in attempt.keys:
                attempts = self._attempts.get(key)
                if attempts is None:
                    continue
                kept = deque(entry for entry in attempts if entry[1] != attempt.member)
                if kept:
                    self._attempts[key] = kept
                else:
                    del self._attempts[key]


# Check every key, then record under every key, in one atomic step; Redis's own clock keeps replicas in agreement.
_ACQUIRE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local window = tonumber(ARGV[1])
local member = ARGV[2]
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return tostring(wait) end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, member)
  redis.call('EXPIRE', key, math.ceil(window))
end
return false
"""


class RedisLoginLimiter:
    """Sliding windows in Redis sorted sets, shared by every API replica."""

    def __init__(
        self,
        client: redis.Redis,
        *,
        limit: int,
        window: float = WINDOW_SECONDS,
        prefix: str = "kakeibo:login:",
    ) -> None:
        import redis

        self._errors = redis.RedisError
        self.client = client
        self.limit = limit
        self.window = window
        self.prefix = prefix
        self._acquire = client.register_script(_ACQUIRE_SCRIPT)

    def redis_key(self, key: str) -> str:
        # Hashed, so email addresses and IPs do not sit in Redis in clear text.
        return self.prefix + hashlib.sha256(key.encode()).hexdigest()

    def acquire(self, keys: Sequence[str], *, ceilings: Mapping[str, int] | None = None) -> Attempt:
        attempt = Attempt(keys=tuple(keys), member=uuid.uuid4().hex)
        limits = [(ceilings or {}).get(key, self.limit) for key in attempt.keys]
        try:
            wait: Any = self._acquire(
                keys=[self.redis_key(k) for k in attempt.keys], args=[self.window, attempt.member, *limits]
            )
        except self._errors as exc:
            raise RateLimiterUnavailable(f"the rate limiter's Redis is not reachable: {exc}") from exc
        if wait is not None:
            raise _too_many(float(wait))
        return attempt

    def release(self, attempt: Attempt) -> None:
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for key in attempt.keys:
                    pipe.zrem(self.redis_key(key), attempt.member)
                pipe.execute()
        except self._errors as exc:
            raise RateLimiterUnavailable(f"the rate limiter's Redis is not reachable: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Keys:
    """The keys one kind of attempt is counted under, and the ceilings of those that have their own."""

    keys: tuple[str, ...]
    ceilings: dict[str, int]


def sign_in_keys(*, email: str, client: str, limit: int) -> Keys:
    address = email.strip().lower()
    ceiling = f"email:{address}"
    return Keys(
        keys=(f"email+client:{address}|{client}", f"client:{client}", ceiling),
        ceilings={ceiling: limit * EMAIL_CEILING_FACTOR},
    )


def registration_keys(*, client: str) -> Keys:
    return Keys(keys=(f"register:{client}",), ceilings={})


def password_change_keys(*, user_id: int) -> Keys:
    return Keys(keys=(f"password:{user_id}",), ceilings={})


def limiter_from_settings(settings: Settings) -> LoginLimiter:
    if settings.redis_url:
        import redis

        client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
        return RedisLoginLimiter(client, limit=settings.login_attempts_per_minute)
    return MemoryLoginLimiter(limit=settings.login_attempts_per_minute)


_creating = threading.Lock()


def limiter_for_app(state: State) -> LoginLimiter:
    """The app's limiter, made on first use and kept on `app.state` (so two apps never share in-memory windows)."""
    limiter: LoginLimiter | None = getattr(state, "login_limiter", None)
    if limiter is None:
        with _creating:
            limiter = getattr(state, "login_limiter", None)
            if limiter is None:
                limiter = limiter_from_settings(state.settings)
                state.login_limiter = limiter
    return limiter
