"""The gateway every language-model call passes through, in this order: the cache (keyed by the household's ledger
version), duplicate suppression (the same prompt from the same session within 2 s), the per-user daily request
quota, the spend caps (per household per day, for the whole instance per month), a concurrency limit, then the
provider call (timeout; the SDK retries 429 and 5xx with backoff). Every call leaves a usage row, and its requests
and cost go to the counters (Redis when configured, else memory), which a fresh process seeds from those rows.

The spend caps are checked before a call and charged after it (the cost is only known from the response's token
counts), so calls already in flight when a cap is reached can pass it by at most `llm_concurrency` calls."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy.orm import Session

from kakeibo.assistant.llm import repository as repo
from kakeibo.assistant.llm.counters import Counters, counters_from_url
from kakeibo.assistant.llm.errors import (
    DuplicatePrompt,
    LLMBusy,
    LLMRefused,
    LLMTimedOut,
    LLMUnavailable,
    RequestQuotaReached,
    SpendCapReached,
)
from kakeibo.assistant.llm.models import LLMUsage, Outcome
from kakeibo.assistant.llm.pricing import (
    FREE,
    Price,
    cost_micro,
    day_start,
    dollars_to_micro,
    micro_to_dollars,
    month_start,
    next_month_start,
    parse_prices,
)
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.settings import Settings

if TYPE_CHECKING:
    from openai import OpenAI

log = logging.getLogger(__name__)

DUPLICATE_SECONDS = 2.0
CACHE_SECONDS = 3600.0
DAY_SECONDS = 86_400.0


@dataclass(frozen=True, slots=True)
class ChatRequest:
    purpose: str  # parse | narrate | categorize
    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]] | None = None
    stream: bool = False  # narration streams its text; tool calls come whole


@dataclass(frozen=True, slots=True)
class ToolCall:
    name: str
    arguments: str  # the model's JSON text, not yet trusted


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    tool_calls: list[ToolCall] = field(default_factory=list)
    tokens_in: int = 0
    tokens_out: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Completion:
        raw = json.loads(text)
        return cls(
            text=raw["text"],
            tool_calls=[ToolCall(**call) for call in raw["tool_calls"]],
            tokens_in=raw["tokens_in"],
            tokens_out=raw["tokens_out"],
        )


def _seconds_until(moment: dt.datetime, now: dt.datetime) -> float:
    return max(1.0, (moment - now).total_seconds() + 60)  # a minute's margin for clock skew between replicas


class Gateway:
    def __init__(
        self,
        settings: Settings,
        *,
        counters: Counters | None = None,
        client: OpenAI | None = None,
        now: Callable[[], dt.datetime] = clock.now,
    ) -> None:
        if not settings.llm_enabled:
            raise LLMUnavailable("no language model is configured (KAKEIBO_LLM_BASE_URL and KAKEIBO_LLM_MODEL)")
        self.settings = settings
        self.model = cast(str, settings.llm_model)
        self.price: Price = parse_prices(settings.llm_prices).get(self.model, FREE)
        self.household_daily_cap = dollars_to_micro(settings.llm_household_daily_cap, "llm_household_daily_cap")
        self.global_monthly_cap = dollars_to_micro(settings.llm_global_monthly_cap, "llm_global_monthly_cap")
        self.counters = counters if counters is not None else counters_from_url(settings.redis_url)
        self._client = client
        self._client_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(settings.llm_concurrency)
        self._now = now

    @property
    def client(self) -> OpenAI:
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    from openai import OpenAI

                    self._client = OpenAI(
                        base_url=self.settings.llm_base_url,
                        # Local servers (Ollama, llama.cpp) need no key, but the SDK insists on one.
                        api_key=self.settings.llm_api_key or "unused",
                        timeout=self.settings.llm_timeout_seconds,
                        max_retries=self.settings.llm_max_retries,
                    )
        return self._client

    # ---- the one entry point ---------------------------------------------------------------------------------
    def complete(
        self, session: Session, *, request: ChatRequest, caller: Actor, session_key: str | None, cacheable: bool
    ) -> Completion:
        """Send `request` through every check; raises an LLMRefused (429) or LLMUnavailable (502)."""
        prompt = hashlib.sha256(
            json.dumps(
                {"model": self.model, "messages": request.messages, "tools": request.tools}, sort_keys=True
            ).encode()
        ).hexdigest()
        cache_key = None
        if cacheable:
            version = repo.ledger_version(session, household_id=caller.household_id)
            cache_key = f"{caller.household_id}:{version}:{prompt}"
            hit = self.counters.cache_get(cache_key)
            if hit is not None:
                self._record(session, request, caller, Outcome.cached, detail="cache hit")
                return Completion.from_json(hit)
        # `session_key` is a conversation, a CLI run: the same prompt sent twice in a moment is suppressed per key.
        if session_key is not None:
            key = hashlib.sha256(f"{session_key}\n{prompt}".encode()).hexdigest()
            if not self.counters.claim(f"dup:{key}", DUPLICATE_SECONDS):
                self._refuse(session, request, caller, DuplicatePrompt("the same prompt was just sent; wait a moment"))
        now = self._now()
        self._check_limits(session, request, caller, now)
        if not self._slots.acquire(timeout=self.settings.llm_timeout_seconds):
            self._release_request(caller, now)
            self._refuse(session, request, caller, LLMBusy("too many language-model calls in flight; try again"))
        started = time.perf_counter()
        try:
            completion = self._call(request)
        except LLMUnavailable as exc:
            outcome = Outcome.timeout if isinstance(exc, LLMTimedOut) else Outcome.error
            self._record(session, request, caller, outcome, started=started, detail=exc.message)
            raise
        finally:
            self._slots.release()
        cost = cost_micro(self.price, tokens_in=completion.tokens_in, tokens_out=completion.tokens_out)
        self._charge(caller, now, cost)
        self._record(session, request, caller, Outcome.ok, started=started, completion=completion, cost=cost)
        if cache_key is not None:
            self.counters.cache_set(cache_key, completion.to_json(), CACHE_SECONDS)
        return completion

    # ---- limits ------------------------------------------------------------------------------------------------
    def _keys(self, caller: Actor, now: dt.datetime) -> tuple[str | None, str, str]:
        day, month = day_start(now), month_start(now)
        user = f"user:{caller.user_id}:{day:%Y%m%d}:requests" if caller.user_id is not None else None
        return user, f"household:{caller.household_id}:{day:%Y%m%d}:cost", f"global:{month:%Y%m}:cost"

    def _seeded(self, key: str, ttl: float, load: Callable[[], int]) -> int:
        value = self.counters.get(key)
        if value is None:
            # A fresh process (or an expired Redis key) learns today's figures from the usage rows.
            self.counters.seed(key, load(), ttl)
            value = self.counters.get(key) or 0
        return value

    def _check_limits(self, session: Session, request: ChatRequest, caller: Actor, now: dt.datetime) -> None:
        user_key, household_key, global_key = self._keys(caller, now)
        day, month = day_start(now), month_start(now)
        day_ttl = _seconds_until(day + dt.timedelta(days=1), now)
        month_ttl = _seconds_until(next_month_start(now), now)
        spent_today = self._seeded(
            household_key,
            day_ttl,
            lambda: repo.household_totals(session, household_id=caller.household_id, since=day).cost_micro,
        )
        if spent_today >= self.household_daily_cap:
            self._refuse(
                session,
                request,
                caller,
                SpendCapReached(
                    f"this household's language-model spend today reached its cap of "
                    f"{micro_to_dollars(self.household_daily_cap)} USD",
                    extra={"cap": "household_daily"},
                ),
            )
        spent_month = self._seeded(global_key, month_ttl, lambda: repo.global_totals(session, since=month).cost_micro)
        if spent_month >= self.global_monthly_cap:
            self._refuse(
                session,
                request,
                caller,
                SpendCapReached(
                    f"this instance's language-model spend this month reached its cap of "
                    f"{micro_to_dollars(self.global_monthly_cap)} USD",
                    extra={"cap": "global_monthly"},
                ),
            )
        if user_key is not None:
            assert caller.user_id is not None
            user_id = caller.user_id
            self._seeded(user_key, day_ttl, lambda: repo.user_totals(session, user_id=user_id, since=day).requests)
            # Reserve the request before the call, so concurrent calls cannot all slip under the quota.
            if self.counters.add(user_key, 1, day_ttl) > self.settings.llm_user_daily_requests:
                self.counters.add(user_key, -1, day_ttl)
                self._refuse(
                    session,
                    request,
                    caller,
                    RequestQuotaReached(
                        f"you have used today's {self.settings.llm_user_daily_requests} language-model requests",
                        extra={"cap": "user_daily_requests"},
                    ),
                )

    def _release_request(self, caller: Actor, now: dt.datetime) -> None:
        user_key, _, _ = self._keys(caller, now)
        if user_key is not None:
            self.counters.add(user_key, -1, DAY_SECONDS)

    def _charge(self, caller: Actor, now: dt.datetime, cost: int) -> None:
        if cost <= 0:
            return
        _, household_key, global_key = self._keys(caller, now)
        self.counters.add(household_key, cost, _seconds_until(day_start(now) + dt.timedelta(days=1), now))
        self.counters.add(global_key, cost, _seconds_until(next_month_start(now), now))

    def _refuse(self, session: Session, request: ChatRequest, caller: Actor, error: LLMRefused) -> None:
        self._record(session, request, caller, Outcome.refused, detail=error.type)
        raise error

    # ---- the provider ----------------------------------------------------------------------------------------
    def _call(self, request: ChatRequest) -> Completion:
        import httpx
        import openai

        arguments: dict[str, Any] = {"model": self.model, "messages": request.messages}
        if request.tools:
            arguments.update(tools=request.tools, tool_choice="required")
        try:
            if request.stream:
                return self._streamed(arguments)
            response = self.client.chat.completions.create(**arguments)
        except (openai.APITimeoutError, httpx.TimeoutException) as exc:
            # A stream that stalls mid-way raises httpx's own timeout, not the SDK's.
            raise LLMTimedOut(
                f"the language model did not answer within {self.settings.llm_timeout_seconds} s"
            ) from exc
        except openai.APIStatusError as exc:
            raise LLMUnavailable(f"the language model answered {exc.status_code}: {exc.message}"[:255]) from exc
        except (openai.APIError, httpx.HTTPError) as exc:  # connection errors, unreadable responses
            raise LLMUnavailable(f"the language model failed: {exc}"[:255]) from exc
        if not response.choices:
            raise LLMUnavailable("the language model answered without a choice")
        message = response.choices[0].message
        calls = [
            ToolCall(call.function.name, call.function.arguments)
            for call in message.tool_calls or []
            if call.type == "function"
        ]
        usage = response.usage
        return Completion(
            text=message.content or "",
            tool_calls=calls,
            tokens_in=usage.prompt_tokens if usage else 0,
            tokens_out=usage.completion_tokens if usage else 0,
        )

    def _streamed(self, arguments: dict[str, Any]) -> Completion:
        pieces: list[str] = []
        tokens_in = tokens_out = 0
        stream = self.client.chat.completions.create(**arguments, stream=True, stream_options={"include_usage": True})
        try:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    pieces.append(chunk.choices[0].delta.content)
                if chunk.usage is not None:
                    tokens_in, tokens_out = chunk.usage.prompt_tokens, chunk.usage.completion_tokens
        finally:
            stream.close()
        return Completion(text="".join(pieces), tokens_in=tokens_in, tokens_out=tokens_out)

    # ---- the record ------------------------------------------------------------------------------------------
    def _record(
        self,
        session: Session,
        request: ChatRequest,
        caller: Actor,
        outcome: Outcome,
        *,
        started: float | None = None,
        completion: Completion | None = None,
        cost: int = 0,
        detail: str = "",
    ) -> None:
        repo.add(
            session,
            LLMUsage(
                household_id=caller.household_id,
                user_id=caller.user_id,
                model=self.model[:120],
                purpose=request.purpose,
                outcome=outcome.value,
                tokens_in=completion.tokens_in if completion else 0,
                tokens_out=completion.tokens_out if completion else 0,
                cost_micro=cost,
                latency_ms=round((time.perf_counter() - started) * 1000) if started is not None else 0,
                detail=detail[:255],
                created_at=self._now(),
            ),
        )
