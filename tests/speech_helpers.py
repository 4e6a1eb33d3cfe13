"""Recordings for speech tests: utterances spoken by espeak-ng (a test-only tool), re-encoded as a browser sends
them, and synthetic audio with no speech in it."""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

import av

from tests.conftest import service_unavailable

VOICE = "en-us+f5"  # the espeak-ng voice; bench/speech.py measures others too
WORDS_PER_MINUTE = 140


def espeak_wav(text: str, *, voice: str = VOICE, words_per_minute: int = WORDS_PER_MINUTE) -> bytes:
    """`text` spoken by espeak-ng, as the 22.05 kHz WAV it writes."""
    if shutil.which("espeak-ng") is None:
        service_unavailable("espeak-ng", "the `espeak-ng` binary is not on PATH (Debian: apt-get install espeak-ng)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "utterance.wav"  # a file, not --stdout: its header then carries the real length
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-w", str(path), text], check=True)
        return path.read_bytes()


def to_opus(wav: bytes, container: str) -> bytes:
    """The recording re-encoded the way a browser's MediaRecorder sends it: Opus at 48 kHz in Ogg or WebM."""
    out = io.BytesIO()
    with av.open(io.BytesIO(wav), mode="r") as source, av.open(out, mode="w", format=container) as target:
        stream = target.add_stream("libopus", rate=48_000, layout="mono")
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
        for frame in source.decode(audio=0):
            for converted in resampler.resample(frame):
                target.mux(stream.encode(converted))
        for converted in resampler.resample(None):
            target.mux(stream.encode(converted))
        target.mux(stream.encode(None))
    return out.getvalue()


def phone_quality(wav: bytes) -> bytes:
    """The recording as a telephone carries it: 8 kHz G.711 µ-law (8-bit companded samples, the band below 4 kHz),
    in a WAV, which the recognizer takes as any upload (resampled back to 16 kHz on decoding)."""
    out = io.BytesIO()
    with av.open(io.BytesIO(wav), mode="r") as source, av.open(out, mode="w", format="wav") as target:
        stream = target.add_stream("pcm_mulaw", rate=8_000, layout="mono")
        resampler = av.AudioResampler(format="s16", layout="mono", rate=8_000)
        for frame in source.decode(audio=0):
            for converted in resampler.resample(frame):
                target.mux(stream.encode(converted))
        for converted in resampler.resample(None):
            target.mux(stream.encode(converted))
        target.mux(stream.encode(None))
    return out.getvalue()


def synthetic_wav(seconds: float, *, tone_hz: float | None = None) -> bytes:
    """Mono 16 kHz WAV: silence, or a pure tone (nothing that reads as speech)."""
    rate = 16_000
    samples = (
        0 if tone_hz is None else int(8000 * math.sin(2 * math.pi * tone_hz * i / rate))
        for i in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return out.getvalue()
