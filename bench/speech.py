"""Speech (issue 4): transcription latency for ~3 s clips (target p50 <= 0.5 s) and the word error rate of the
grammar against free dictation, on utterances synthesized with espeak-ng in several voices (the set of
tests/test_speech.py). Also how often the transcript parses to the same intent as the words that were said.

.venv/bin/python -m bench.speech [--voices en-us+f5,en-us] [--rounds 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time

from tests.speech_helpers import espeak_wav
from tests.test_speech import TODAY, UTTERANCES, VOCABULARY

from kakeibo.assistant.parsing import parse
from kakeibo.assistant.speech import transcribe
from kakeibo.assistant.speech.audio import decode
from kakeibo.assistant.speech.recognizer import Recognizer, free_dictation
from kakeibo.core.errors import ValidationFailed

VOICES = ("en-us+f5", "en-us+f2", "en-us", "en-us+m1")


def word_errors(reference: str, heard: str) -> int:
    """Word-level edit distance: substitutions, insertions and deletions."""
    said, got = reference.split(), heard.split()
    row = list(range(len(got) + 1))
    for i, word in enumerate(said, start=1):
        previous, row[0] = row[0], i
        for j, other in enumerate(got, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[-1]


def bench_latency(rounds: int) -> None:
    clips = []
    for text, _ in UTTERANCES:
        wav = espeak_wav(text)
        if 2.5 <= decode(wav).seconds <= 3.5:
            clips.append(wav)
    transcribe(clips[0], vocabulary=VOCABULARY)  # warm-up: loads the model, builds and caches the grammar
    memory = _resident_mb()
    started = time.perf_counter()
    extra = Recognizer(VOCABULARY)  # what the first request of a household pays (later ones reuse it)
    build = time.perf_counter() - started
    grown = _resident_mb() - memory
    extra.close()
    samples = []
    cpu = []  # the processor time alone, for a figure that other work on a shared machine does not inflate
    for _ in range(rounds):
        for wav in clips:
            started_cpu = time.process_time()
            samples.append(transcribe(wav, vocabulary=VOCABULARY).elapsed_seconds)
            cpu.append(time.process_time() - started_cpu)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(
        f"speech latency, {len(clips)} clips of 2.5-3.5 s x {rounds}: p50 {statistics.median(samples):.3f} s, "
        f"p95 {p95:.3f} s (CPU p50 {statistics.median(cpu):.3f} s)  (target <= 0.5 s for a 3 s clip); "
        f"a household's grammar: built in {build:.2f} s on its first request, {grown:.0f} MB resident while cached"
    )


def _resident_mb() -> float:
    """This process's resident memory (Linux), in MB; 0 where /proc is absent."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bench_accuracy(voice: str) -> None:
    said = heard_grammar = heard_free = same_intent = refused = 0
    for text, _ in UTTERANCES:
        wav = espeak_wav(text, voice=voice)
        said += len(text.split())
        heard_free += word_errors(text, free_dictation(decode(wav)))
        try:
            transcript = transcribe(wav, vocabulary=VOCABULARY).text
        except ValidationFailed:  # nothing recognized: every word is an error
            transcript = ""
            refused += 1
        heard_grammar += word_errors(text, transcript)
        expected = parse(text, today=TODAY, vocabulary=VOCABULARY)
        same_intent += parse(transcript, today=TODAY, vocabulary=VOCABULARY) == expected
    print(
        f"voice {voice:<9} {len(UTTERANCES)} utterances, {said} words: WER with grammar "
        f"{heard_grammar / said:6.1%}, free dictation {heard_free / said:6.1%}; same intent as the words "
        f"{same_intent}/{len(UTTERANCES)}; nothing recognized {refused}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default=",".join(VOICES), help="espeak-ng voices, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the clips for the latency figures")
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        print("speech: skipped, espeak-ng is not installed (Debian: apt-get install espeak-ng)")
        return
    bench_latency(args.rounds)
    for voice in args.voices.split(","):
        bench_accuracy(voice)


if __name__ == "__main__":
    main()
