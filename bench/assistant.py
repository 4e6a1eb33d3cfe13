"""Offline parser latency on the project's own utterance set (`tests/data/assistant_utterances.yaml`).

.venv/bin/python -m bench.assistant
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

import yaml

from kakeibo.assistant.parsing import Vocabulary, parse

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "assistant_utterances.yaml"


def main() -> None:
    document = yaml.safe_load(SET.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(document["today"]))
    texts = [case["text"] for case in document["utterances"]]
    vocabulary = Vocabulary.default(accounts=tuple(document["accounts"]), base_currency=document["base_currency"])
    for text in texts:  # warm-up
        parse(text, today=today, vocabulary=vocabulary)
    samples = []
    for _ in range(5):
        for text in texts:
            started = time.perf_counter()
            parse(text, today=today, vocabulary=vocabulary)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95)]
    print(
        f"offline parse, {len(texts)} utterances x 5: p50 {statistics.median(samples):.2f} ms, p95 {p95:.2f} ms  (target p50 <= 10 ms)"
    )


if __name__ == "__main__":
    main()
