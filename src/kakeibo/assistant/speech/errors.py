"""The speech domain's errors (an unusable recording is a `ValidationFailed`, from core)."""

from __future__ import annotations

from kakeibo.core.errors import KakeiboError


class TranscriptionUnavailable(KakeiboError):
    """The configured transcription endpoint failed; the recording itself may be fine."""

    status_code = 502
    type = "/problems/transcription-unavailable"
    title = "Transcription service unavailable"
