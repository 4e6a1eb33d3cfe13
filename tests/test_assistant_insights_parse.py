"""The offline parser against the insights set (tests/data/assistant_insights.yaml; its held-back part is only
scored by bench.assistant_sets), and the sentences near insights words that must stay what they were: a capture
said with "unusual" or "expect" is a capture, and a number of months ahead is never an amount."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from kakeibo.assistant.intents import AddTransaction, IntentAdapter, Query, Unsupported
from kakeibo.assistant.parsing import Vocabulary, parse
from tests.intent_compare import differences

SET = yaml.safe_load((Path(__file__).parent / "data" / "assistant_insights.yaml").read_text(encoding="utf-8"))
TODAY = datetime.date.fromisoformat(SET["today"])
VOCABULARY = Vocabulary.default(accounts=tuple(SET["accounts"]), base_currency=SET["base_currency"])


@pytest.mark.parametrize(
    "case", SET["utterances"], ids=[f"{case['family']}: {case['text']}" for case in SET["utterances"]]
)
def test_utterance(case: dict[str, Any]) -> None:
    intent = parse(case["text"], today=TODAY, vocabulary=VOCABULARY)
    assert differences(case["expect"], IntentAdapter.dump_python(intent, mode="json")) == []


@pytest.mark.parametrize(
    "text",
    [
        "paid 40 for an unusual gift at the mall",
        "spent 25 on a weird lamp",
        "bought groceries for 60, more than expected",
    ],
)
def test_a_capture_with_insights_words_stays_a_capture(text: str) -> None:
    assert isinstance(parse(text, today=TODAY, vocabulary=VOCABULARY), AddTransaction)


@pytest.mark.parametrize("n", [1, 2, 6, 12])
def test_months_ahead_are_a_period(n: int) -> None:
    asked = parse(f"what will I spend over the next {n} months", today=TODAY, vocabulary=VOCABULARY)
    assert isinstance(asked, Query) and asked.metric == "forecast"
    assert asked.start == datetime.date(2026, 12, 1)
    index = 2026 * 12 + 11 + n  # the month after the last one asked, counted from December 2026
    assert asked.end == datetime.date(index // 12, index % 12 + 1, 1) - datetime.timedelta(days=1)


def test_credit_and_medical_questions_are_still_refused() -> None:
    for text in ("what's my credit score", "should I see a doctor about my health"):
        assert isinstance(parse(text, today=TODAY, vocabulary=VOCABULARY), Unsupported), text
