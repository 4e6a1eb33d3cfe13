"""Recorded audio (WAV, and WebM/Opus or Ogg/Opus from a browser's MediaRecorder) to 16 kHz mono 16-bit PCM."""

from __future__ import annotations

import io
from dataclasses import dataclass

import av
import numpy as np

from kakeibo.core.errors import ValidationFailed

SAMPLE_RATE = 16_000
MAX_SECONDS = 30.0
MAX_BYTES = 10 * 1024 * 1024  # 30 s of even uncompressed 48 kHz stereo WAV fits with room to spare
# Below this RMS (of 32767) a recording holds no speech: a muted or unplugged microphone, or a pause.
SILENCE_RMS = 100.0
_FORMATS = {  # a hint for the demuxer when the client says what it sent; PyAV sniffs the rest
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
    "audio/webm": "webm",
    "audio/ogg": "ogg",
}


@dataclass(frozen=True)
class Pcm:
    samples: bytes  # little-endian signed 16-bit, mono, SAMPLE_RATE per second
    # The rate the recording was made at: below SAMPLE_RATE (a telephone's 8 kHz) the samples hold nothing above
    # half of it, however they were resampled.
    source_rate: int = SAMPLE_RATE

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / SAMPLE_RATE


def decode(audio: bytes, *, content_type: str | None = None) -> Pcm:
    """The recording as PCM; `ValidationFailed` when it is empty, not audio, longer than MAX_SECONDS or silent."""
    if not audio:
        raise ValidationFailed("The recording is empty.", field="audio")
    if len(audio) > MAX_BYTES:
        raise ValidationFailed(f"The recording is larger than {MAX_BYTES // (1024 * 1024)} MB.", field="audio")
    media = (content_type or "").split(";", 1)[0].strip().lower()
    resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    chunks: list[bytes] = []
    size = 0
    source_rate = SAMPLE_RATE
    limit = int(MAX_SECONDS * SAMPLE_RATE * 2)
    try:
        with av.open(io.BytesIO(audio), mode="r", format=_FORMATS.get(media)) as container:
            if not container.streams.audio:
                raise ValidationFailed("The file holds no audio track.", field="audio")
            source_rate = container.streams.audio[0].rate or SAMPLE_RATE
            for frame in container.decode(audio=0):
                for converted in resampler.resample(frame):
                    chunk = bytes(converted.planes[0])[: converted.samples * 2]
                    chunks.append(chunk)
                    size += len(chunk)
                if size > limit:  # stop decoding early: an hour-long upload costs no more than 30 s of it
                    raise _too_long()
            for converted in resampler.resample(None):
                chunks.append(bytes(converted.planes[0])[: converted.samples * 2])
    except av.FFmpegError as exc:
        raise ValidationFailed(
            "The recording could not be decoded; send WAV, WebM/Opus or Ogg/Opus audio.", field="audio"
        ) from exc
    pcm = Pcm(b"".join(chunks), source_rate=source_rate)
    if pcm.seconds > MAX_SECONDS:
        raise _too_long()
    if pcm.seconds < 0.1:
        raise ValidationFailed("The recording is empty.", field="audio")
    if loudness(pcm) < SILENCE_RMS:
        raise ValidationFailed("The recording is silent; check the microphone.", field="audio")
    return pcm


def _too_long() -> ValidationFailed:
    return ValidationFailed(
        f"The recording is longer than {MAX_SECONDS:.0f} seconds; say one thing at a time.", field="audio"
    )


def loudness(pcm: Pcm) -> float:
    """Root mean square of the samples (an audio level, nothing to do with money)."""
    samples = np.frombuffer(pcm.samples, dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples * samples))) if samples.size else 0.0
