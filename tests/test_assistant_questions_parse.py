"""The offline parser on round-two questions: rankings, comparisons, counts, last/first, averages over complete
months, questions with no period and balances by kind of account (tests/data/assistant_round2.yaml)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from kakeibo.assistant.intents import IntentAdapter, Query
from kakeibo.assistant.llm.prompts import intent_tools
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.dates import find_periods
from kakeibo.assistant.parsing.followup import follow_up
from kakeibo.assistant.parsing.questions import complete_months, previous_of, same_unit_now
from tests.intent_compare import differences

ROUND2 = yaml.safe_load((Path(__file__).parent / "data" / "assistant_round2.yaml").read_text(encoding="utf-8"))
TODAY = datetime.date.fromisoformat(ROUND2["today"])
VOCABULARY = Vocabulary.default(accounts=tuple(ROUND2["accounts"]), base_currency=ROUND2["base_currency"])
FAMILIES = {"ranking", "comparison", "count", "last_first", "average", "no_period", "accounts_by_kind"}
QUESTIONS = [case for case in ROUND2["utterances"] if case["family"] in FAMILIES]


@pytest.mark.parametrize("case", QUESTIONS, ids=[f"{case['family']}: {case['text']}" for case in QUESTIONS])
def test_round_two_question(case: dict[str, Any]) -> None:
    intent = parse(case["text"], today=TODAY, vocabulary=VOCABULARY)
    assert differences(case["expect"], IntentAdapter.dump_python(intent, mode="json")) == []


def ask(text: str) -> Query:
    intent = parse(text, today=TODAY, vocabulary=VOCABULARY)
    assert isinstance(intent, Query), intent
    return intent


def test_a_ranking_count_is_its_top_n_never_an_amount() -> None:
    assert ask("top 4 categories in october").limit == 4
    assert ask("my two biggest stores this year").limit == 2
    cheapest = ask("what's my cheapest category last month")
    assert (cheapest.group_by, cheapest.limit, cheapest.order) == ("category", 1, "asc")


def test_periods_in_the_order_said() -> None:
    periods, rest = find_periods("spending in september vs october", TODAY)
    assert periods == [
        (datetime.date(2026, 9, 1), datetime.date(2026, 9, 30)),
        (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)),
    ]
    assert rest == "spending vs"
    assert find_periods("october last year", TODAY)[0] == [(datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))]


def test_one_period_compares_with_the_current_one_of_its_unit() -> None:
    last_week = (datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))
    assert same_unit_now(last_week, TODAY) == (datetime.date(2026, 11, 23), datetime.date(2026, 11, 29))
    q2 = (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    assert same_unit_now(q2, TODAY) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert previous_of((datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 10, 31),
    )
    query = ask("did we spend more on coffee this week than last")
    assert (query.compare_start, query.compare_end) == last_week


def test_averages_are_over_complete_months() -> None:
    # The month under way is not a zero month: a period still running ends with the last complete month.
    assert complete_months(None, None, TODAY) == (datetime.date(2025, 11, 1), datetime.date(2026, 10, 31))
    assert complete_months(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), TODAY) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 10, 31),
    )
    assert complete_months(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), TODAY)[1] == datetime.date(
        2025, 12, 31
    )


def test_last_month_is_a_period_and_last_alone_is_the_latest() -> None:
    assert ask("how much did i spend at starbucks last month").metric == "spending"
    latest = ask("when did i last go to starbucks")
    assert (latest.metric, latest.merchant, latest.start) == ("last_transaction", "Starbucks", None)


def test_the_new_fields_are_validated() -> None:
    with pytest.raises(ValidationError):
        Query(metric="spending", limit=0)
    with pytest.raises(ValidationError):
        Query(metric="balance", account_kind="piggy_bank")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Query(metric="spending", order="sideways")  # type: ignore[arg-type]


def test_the_llm_tool_schema_offers_the_round_two_fields() -> None:
    tools = {tool["function"]["name"]: tool["function"] for tool in intent_tools(VOCABULARY)}
    properties = tools["query"]["parameters"]["properties"]
    assert {"limit", "order", "compare_start", "compare_end", "account_kind"} <= set(properties)
    metrics = str(properties["metric"])
    for metric in ("count", "last_transaction", "first_transaction", "recurring", "income_vs_spending"):
        assert metric in metrics


def test_a_ranking_followed_up_keeps_its_top_n() -> None:
    previous = ask("top 3 stores this year")
    again = follow_up("and last year?", previous, today=TODAY, vocabulary=VOCABULARY)
    assert again is not None
    assert (again.group_by, again.limit, again.start, again.end) == (
        "merchant",
        3,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
