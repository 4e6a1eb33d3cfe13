"""Why the LLM gateway refused or failed a call. Refusals answer 429 with a stable problem type; the assistant's
facade catches them and falls back to the offline parser and the template answer."""

from __future__ import annotations

from kakeibo.core.errors import KakeiboError


class LLMRefused(KakeiboError):
    """The gateway would not send this call to the provider."""

    status_code = 429
    type = "/problems/llm-refused"
    title = "Language model call refused"


class SpendCapReached(LLMRefused):
    type = "/problems/llm-spend-cap"
    title = "Language model spend cap reached"


class RequestQuotaReached(LLMRefused):
    type = "/problems/llm-request-quota"
    title = "Language model request quota reached"


class DuplicatePrompt(LLMRefused):
    type = "/problems/llm-duplicate-prompt"
    title = "Same prompt sent again too soon"


class LLMBusy(LLMRefused):
    type = "/problems/llm-busy"
    title = "Language model is busy"


class LLMUnavailable(KakeiboError):
    """The provider timed out, kept failing after retries, or answered something unusable."""

    status_code = 502
    type = "/problems/llm-unavailable"
    title = "Language model unavailable"


class LLMTimedOut(LLMUnavailable):
    status_code = 504
    type = "/problems/llm-timeout"
    title = "Language model timed out"
