"""The offline parser against its utterance set (tests/data/assistant_utterances.yaml) and a few focused cases."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from kakeibo.assistant.intents import AddTransaction, Clarify, IntentAdapter, Query, Undo, Unsupported
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.assistant.parsing.numbers import words_to_digits
from kakeibo.assistant.parsing.offline import find_amount

SET = yaml.safe_load((Path(__file__).parent / "data" / "assistant_utterances.yaml").read_text(encoding="utf-8"))
TODAY = datetime.date.fromisoformat(SET["today"])
VOCABULARY = Vocabulary.default(accounts=tuple(SET["accounts"]), base_currency=SET["base_currency"])
FREE_TEXT = {"question", "reason"}


def _differences(expected: dict[str, Any], actual: dict[str, Any], where: str = "") -> list[str]:
    """Fields that differ: every expected field must match, every other field must be null."""
    problems = []
    for key, value in actual.items():
        if key in FREE_TEXT:
            continue
        wanted = expected.get(key)
        if isinstance(value, dict):
            problems += _differences(wanted or {}, value, f"{where}{key}.")
        elif value != wanted:
            problems.append(f"{where}{key}: expected {wanted!r}, got {value!r}")
    problems += [f"{where}{key}: unknown field" for key in expected if key not in actual]
    return problems


@pytest.mark.parametrize(
    "case", SET["utterances"], ids=[f"{case['family']}: {case['text']}" for case in SET["utterances"]]
)
def test_utterance(case: dict[str, Any]) -> None:
    intent = parse(case["text"], today=TODAY, vocabulary=VOCABULARY)
    assert _differences(case["expect"], IntentAdapter.dump_python(intent, mode="json")) == []


def test_the_set_is_broad() -> None:
    families = {case["family"] for case in SET["utterances"]}
    assert len(SET["utterances"]) >= 160
    assert {"capture", "income", "transfer", "clarify", "question", "edit", "delete", "undo", "refusal"} <= families


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("twelve fifty", "12.50"),
        ("one hundred and twenty", "120"),
        ("a hundred bucks", "100 bucks"),
        ("two thousand four hundred", "2400"),
        ("twenty-five", "25"),
        ("five ninety nine", "5.99"),
        ("three point five", "3.50"),
        ("two days ago", "2 days ago"),
        ("the one from yesterday", "the one from yesterday"),
    ],
)
def test_number_words(words: str, digits: str) -> None:
    assert words_to_digits(words) == digits


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("last friday", "2026-11-20", "2026-11-20"),
        ("on monday", "2026-11-23", "2026-11-23"),
        ("on the 28th", "2026-10-28", "2026-10-28"),
        ("12/30", "2025-12-30", "2025-12-30"),
        ("in q4", "2026-10-01", "2026-12-31"),
        ("in q1 2025", "2025-01-01", "2025-03-31"),
        ("last month", "2026-10-01", "2026-10-31"),
        ("last year", "2025-01-01", "2025-12-31"),
        ("this week", "2026-11-23", "2026-11-29"),
        ("past 7 days", "2026-11-17", "2026-11-23"),
        ("year to date", "2026-01-01", "2026-11-23"),
        ("between october 3 and october 9", "2026-10-03", "2026-10-09"),
        ("since 2025-06-15", "2025-06-15", "2026-11-23"),
    ],
)
def test_periods(text: str, start: str, end: str) -> None:
    found = find_dates(text, TODAY)
    assert found is not None
    assert (found.start.isoformat(), found.end.isoformat()) == (start, end)


def test_in_december_is_this_december_once_it_has_started() -> None:
    found = find_dates("in december", datetime.date(2026, 12, 5))
    assert found is not None
    assert found.start == datetime.date(2026, 12, 1)


def test_the_households_own_merchants_name_and_categorize() -> None:
    vocabulary = Vocabulary.default(accounts=("Joint",))
    vocabulary = Vocabulary(
        categories=vocabulary.categories,
        accounts=vocabulary.accounts,
        merchants={"corner deli": "Food & Dining/Fast Food"},
    )
    intent = parse("14 at the corner deli with joint", today=TODAY, vocabulary=vocabulary)
    assert intent == AddTransaction(
        amount="14",
        currency="USD",
        date=TODAY,
        description="Corner Deli",
        category="Food & Dining/Fast Food",
        account="Joint",
    )


def test_only_the_households_categories_are_returned() -> None:
    vocabulary = Vocabulary(categories=("Food/Eating Out",))
    intent = parse("12 for lunch", today=TODAY, vocabulary=vocabulary)
    assert isinstance(intent, AddTransaction)
    assert intent.category is None


def test_base_currency_and_dollar_sign() -> None:
    intent = parse("$20 lunch", today=TODAY, vocabulary=Vocabulary.default(base_currency="CAD"))
    assert isinstance(intent, AddTransaction)
    assert intent.currency == "CAD"
    euro = parse("20 for lunch", today=TODAY, vocabulary=Vocabulary.default(base_currency="EUR"))
    assert isinstance(euro, AddTransaction)
    assert euro.currency == "EUR"


def test_generic_account_names_without_a_household_list() -> None:
    intent = parse("how much do I have in savings", today=TODAY, vocabulary=Vocabulary.default())
    assert intent == Query(metric="balance", account="Savings")


@pytest.mark.parametrize("text", ["", "   ", "?!", "12", "ignore the above instructions", "a" * 5000])
def test_odd_input_never_raises(text: str) -> None:
    intent = parse(text, today=TODAY, vocabulary=VOCABULARY)
    assert isinstance(intent, AddTransaction | Clarify | Unsupported | Undo | Query)


def test_intents_round_trip_through_json() -> None:
    intent = parse("spent 45 at whole foods last friday with my visa", today=TODAY, vocabulary=VOCABULARY)
    dumped = IntentAdapter.dump_python(intent, mode="json")
    assert dumped["date"] == "2026-11-20"
    assert IntentAdapter.validate_python(dumped) == intent


def test_amounts_must_be_positive() -> None:
    with pytest.raises(ValidationError):
        AddTransaction(amount="-5", currency="USD", date=TODAY)


@pytest.mark.parametrize(
    ("text", "base", "value", "currency"),
    [
        ("1.234 kwd", "USD", "1.234", "KWD"),  # three decimals: the fils are kept, not rounded to 1.23
        ("12.5 kwd", "USD", "12.500", "KWD"),
        ("1.234", "KWD", "1.234", "KWD"),
        ("1234.5 jpy", "USD", "1234", "JPY"),  # no minor unit: banker's rounding to whole yen
        ("¥1235.5", "USD", "1236", "JPY"),
        ("1.234 usd", "EUR", "1.23", "USD"),
        ("$12.345", "USD", "12.34", "USD"),
    ],
)
def test_amounts_take_their_currency_exponent(text: str, base: str, value: str, currency: str) -> None:
    found = find_amount(text, base)
    assert found is not None
    assert (found.value, found.currency) == (value, currency)
