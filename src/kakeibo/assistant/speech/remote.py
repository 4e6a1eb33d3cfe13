"""Transcription by an OpenAI-compatible `/audio/transcriptions` endpoint, when one is configured."""

from __future__ import annotations

from kakeibo.assistant.speech.errors import TranscriptionUnavailable
from kakeibo.core.settings import Settings

_EXTENSIONS = {
    "audio/webm": "webm",
    "audio/ogg": "ogg",
    "audio/mp4": "mp4",  # Safari's recorder
    "audio/mpeg": "mp3",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
}


def configured(settings: Settings) -> bool:
    return bool(settings.transcription_model and settings.llm_base_url)


def transcribe_remote(audio: bytes, *, content_type: str | None, prompt: str, settings: Settings) -> str:
    """The endpoint's transcript of the recording; `prompt` (the household's words) steers its spelling."""
    import openai  # only when an endpoint is configured: it costs half a second to import

    assert settings.transcription_model is not None
    client = openai.OpenAI(
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key or "unused",  # local servers need no key, but the SDK insists on one
        timeout=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
    )
    media = (content_type or "audio/wav").split(";", 1)[0].strip().lower()
    name = f"speech.{_EXTENSIONS.get(media, 'wav')}"
    try:
        result = client.audio.transcriptions.create(
            model=settings.transcription_model,
            file=(name, audio, media),
            prompt=prompt,
            response_format="json",
        )
    except openai.APIError as exc:
        raise TranscriptionUnavailable(f"The transcription endpoint failed: {exc.__class__.__name__}.") from exc
    return result.text.strip()
