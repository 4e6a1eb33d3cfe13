"""The offline parser against its utterance set (tests/data/assistant_utterances.yaml) and a few focused cases."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from kakeibo.assistant.intents import AddTransaction, Clarify, IntentAdapter, Query, Undo, Unsupported
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.amounts import find_amount
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.assistant.parsing.numbers import words_to_digits
from tests.intent_compare import differences

SET = yaml.safe_load((Path(__file__).parent / "data" / "assistant_utterances.yaml").read_text(encoding="utf-8"))
TODAY = datetime.date.fromisoformat(SET["today"])
VOCABULARY = Vocabulary.default(accounts=tuple(SET["accounts"]), base_currency=SET["base_currency"])


@pytest.mark.parametrize(
    "case", SET["utterances"], ids=[f"{case['family']}: {case['text']}" for case in SET["utterances"]]
)
def test_utterance(case: dict[str, Any]) -> None:
    intent = parse(case["text"], today=TODAY, vocabulary=VOCABULARY)
    assert differences(case["expect"], IntentAdapter.dump_python(intent, mode="json")) == []


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


# The round-two sets (issue 11) are measured by `bench.assistant_sets`, not passed here: these tests only check that
# they are well-formed against the round-two intent schema they were written for.
DATA = Path(__file__).parent / "data"
ROUND_TWO = {
    "add_transaction": {
        "type", "amount", "currency", "date", "description", "category", "account", "to_account", "splits",
    },
    "add_transactions": {"items"},
    "update_transaction": {"target", "changes"},
    "delete_transaction": {"target"},
    "query": {
        "metric", "category", "merchant", "account", "start", "end", "group_by", "limit", "order",
        "compare_start", "compare_end", "account_kind",
    },
    "undo": {"what"},
    "correct_last": {"changes"},
    "clarify": {"question", "missing"},
    "unsupported": {"reason"},
}  # fmt: skip
ROUND_TWO_METRICS = {
    "spending", "income", "net", "balance", "budget_remaining", "largest_expense", "transactions", "savings_rate",
    "net_worth", "forecast", "average_spending", "count", "last_transaction", "first_transaction", "recurring",
    "income_vs_spending",
}  # fmt: skip
ROUND_TWO_VALUES = {
    "type": {"expense", "income", "transfer", "refund"},
    "group_by": {"category", "month", "merchant"},
    "order": {"desc", "asc"},
    "what": {"import", "recategorization", "change"},
    "account_kind": {"cash", "checking", "savings", "credit_card", "investment", "loan", "liabilities"},
}
REPLIES = {"answer", "proposal", "question", "done", "nothing_to_undo", "refused"}
FAMILIES = {
    "ranking", "comparison", "count", "last_first", "average", "no_period", "accounts_by_kind", "multi_capture",
    "split_capture", "income_phrasing", "refund", "spoken_amount", "not_the_amount", "decimal_comma",
    "foreign_currency", "typo", "correction", "undo_scoped", "subcent_and_junk",
}  # fmt: skip


def _load(name: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return document


def _taxonomy() -> set[str]:
    import kakeibo

    groups = yaml.safe_load((Path(kakeibo.__file__).parent / "data" / "taxonomy.yaml").read_text(encoding="utf-8"))
    names = set()
    for group in groups["groups"]:
        names.add(group["name"])
        names.update(f"{group['name']}/{category}" for category in group["categories"])
    return names


def _capture_problems(capture: dict[str, Any], categories: set[str]) -> list[str]:
    problems = []
    if not {"type", "amount", "currency", "date"} <= capture.keys() or capture["type"] not in ROUND_TWO_VALUES["type"]:
        problems.append(f"a capture needs a round-two type, an amount, a currency and a date: {capture}")
    problems += [f"a capture has no field {key!r}" for key in capture.keys() - {"kind"} - ROUND_TWO["add_transaction"]]
    if capture.get("splits"):
        total = sum(Decimal(split["amount"]) for split in capture["splits"])
        if total != Decimal(capture["amount"]) or capture.get("category") is not None:
            problems.append(f"splits must sum to the amount, with no parent category: {capture}")
        problems += [
            f"unknown category {s['category']!r}" for s in capture["splits"] if s["category"] not in categories
        ]
    return problems


def _expect_problems(expect: dict[str, Any], categories: set[str]) -> list[str]:
    kind = expect.get("kind")
    if kind not in ROUND_TWO:
        return [f"kind {kind!r} is not a round-two intent"]
    problems = [f"{kind} has no field {key!r}" for key in expect.keys() - {"kind"} - ROUND_TWO[kind]]
    for key, allowed in ROUND_TWO_VALUES.items():
        if key in expect and expect[key] not in allowed:
            problems.append(f"{key}: {expect[key]!r}")
    if kind == "query":
        if expect.get("metric") not in ROUND_TWO_METRICS:
            problems.append(f"metric: {expect.get('metric')!r}")
        for first, last in (("start", "end"), ("compare_start", "compare_end")):
            if (first in expect) != (last in expect) or (
                first in expect
                and datetime.date.fromisoformat(expect[first]) > datetime.date.fromisoformat(expect[last])
            ):
                problems.append(f"{first}/{last} must both be dates, in order")
        if "account_kind" in expect and expect["metric"] != "balance":
            problems.append("account_kind goes with metric balance")
    if kind == "add_transaction":
        problems += _capture_problems(expect, categories)
    if kind == "add_transactions":
        items = expect.get("items") or []
        if len(items) < 2 or any("kind" in item for item in items):
            problems.append("several captures are at least two items without a kind")
        problems += [problem for item in items for problem in _capture_problems(item, categories)]
    if kind == "correct_last" and not expect.get("changes"):
        problems.append("a correction changes something")
    if kind == "clarify" and not expect.get("missing"):
        problems.append("a clarify says what is missing")
    named = [expect.get("category"), (expect.get("changes") or {}).get("category")]
    named += [item.get("category") for item in expect.get("items") or []]
    problems += [f"unknown category {name!r}" for name in named if name is not None and name not in categories]
    return problems


@pytest.mark.parametrize("name", ["assistant_round2.yaml", "assistant_heldback.yaml"])
def test_the_round_two_sets_are_well_formed(name: str) -> None:
    document, old = _load(name), SET
    assert (document["today"], document["accounts"], document["base_currency"]) == (
        old["today"],
        old["accounts"],
        old["base_currency"],
    )
    categories = _taxonomy()
    problems = {
        case["text"]: found
        for case in document["utterances"]
        if (found := _expect_problems(case["expect"], categories)) or not isinstance(case["text"], str)
    }
    assert problems == {}
    assert {case["family"] for case in document["utterances"]} == FAMILIES


def test_the_round_two_sets_are_large_enough_and_apart() -> None:
    round2, heldback = _load("assistant_round2.yaml")["utterances"], _load("assistant_heldback.yaml")["utterances"]
    per_family = {family: sum(case["family"] == family for case in round2) for family in FAMILIES}
    assert min(per_family.values()) >= 15, per_family
    assert len(heldback) >= 70
    new = [case["text"] for case in [*round2, *heldback]]
    assert len(set(new)) == len(new), "a sentence is in both new sets, or twice in one"
    assert set(new).isdisjoint(case["text"] for case in SET["utterances"]), "a new sentence is already in the old set"
    assert "held back: report, never tune on" in (DATA / "assistant_heldback.yaml").read_text(encoding="utf-8").lower()


def test_the_dialogues_are_well_formed() -> None:
    scenarios = _load("assistant_dialogues.yaml")["scenarios"]
    assert len(scenarios) >= 25
    assert len({scenario["name"] for scenario in scenarios}) == len(scenarios)
    for scenario in scenarios:
        assert isinstance(scenario["setup"], str) and scenario["setup"], scenario["name"]
        assert 2 <= len(scenario["turns"]) <= 4, scenario["name"]
        for turn in scenario["turns"]:
            assert isinstance(turn["say"], str) and turn["expect"]["reply"] in REPLIES, (scenario["name"], turn)


def test_lists_of_objects_are_compared_entry_by_entry() -> None:
    split = {"category": "Food & Dining/Groceries", "amount": "60", "note": None}
    actual = {"kind": "add_transaction", "amount": "60", "splits": [split], "items": []}
    assert differences({"kind": "add_transaction", "amount": "60", "splits": [split]}, actual) == []
    assert differences({"kind": "add_transaction", "amount": "60", "splits": [{**split, "amount": "6"}]}, actual) == [
        "splits[0].amount: expected '6', got '60'"
    ]
    assert differences({"kind": "add_transaction", "amount": "60"}, actual) == [
        f"splits: expected None, got {[split]!r}"
    ]
