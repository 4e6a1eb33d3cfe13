"""Speech for the assistant: a recording in, a transcript out, which the assistant then parses like typed text.

Offline by default (pocketsphinx listening with a grammar made from the household's own words); an
OpenAI-compatible transcription endpoint instead when `transcription_model` and `llm_base_url` are configured.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Literal

from kakeibo.assistant.parsing import Vocabulary
from kakeibo.assistant.speech.audio import MAX_SECONDS, decode
from kakeibo.assistant.speech.errors import TranscriptionUnavailable
from kakeibo.assistant.speech.readings import completeness
from kakeibo.assistant.speech.recognizer import recognizer_for
from kakeibo.assistant.speech.remote import configured, transcribe_remote
from kakeibo.core import clock
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.settings import Settings

__all__ = ["MAX_SECONDS", "Transcript", "TranscriptionUnavailable", "transcribe"]

PROMPT_CHARACTERS = 600


@dataclass(frozen=True)
class Transcript:
    text: str
    audio_seconds: float
    engine: Literal["pocketsphinx", "openai"]
    elapsed_seconds: float
    # Offline: 0 when the recognizer's best reading was taken, n when it made no complete request and its n-th
    # alternative did (see readings.py).
    alternative: int = 0


def transcribe(
    audio: bytes,
    *,
    vocabulary: Vocabulary,
    content_type: str | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> Transcript:
    """What was said in `audio`: offline, the recognizer's best reading, or a close alternative when only that one
    makes a complete request (its dates read against `today`, by default the clock's). Raises `ValidationFailed`
    for a recording that is empty, silent, undecodable, longer than MAX_SECONDS, or in which nothing was
    recognized."""
    started = time.perf_counter()
    pcm = decode(audio, content_type=content_type)  # checked locally even when an endpoint transcribes
    alternative = 0
    if settings is not None and configured(settings):
        text = transcribe_remote(audio, content_type=content_type, prompt=_prompt(vocabulary), settings=settings)
        engine: Literal["pocketsphinx", "openai"] = "openai"
    else:
        wanted = completeness(vocabulary=vocabulary, today=today or clock.today())
        reading = recognizer_for(vocabulary).listen(pcm, wanted=wanted)
        text, alternative = reading.text, reading.rank
        engine = "pocketsphinx"
    if not text:
        raise ValidationFailed("No words were recognized in the recording; try again closer to the microphone.")
    return Transcript(
        text=text,
        audio_seconds=pcm.seconds,
        engine=engine,
        elapsed_seconds=time.perf_counter() - started,
        alternative=alternative,
    )


def _prompt(vocabulary: Vocabulary) -> str:
    """The household's words, so that the endpoint spells its merchants, categories and accounts as it does."""
    # Names first: a category is spelled as said, a merchant or an account often is not ("Nopa", "Amex").
    names = [*vocabulary.accounts, *sorted(vocabulary.merchants), *(p.split("/", 1)[1] for p in vocabulary.categories)]
    prompt = "Personal finance: " + ", ".join(names)
    return prompt[:PROMPT_CHARACTERS]
