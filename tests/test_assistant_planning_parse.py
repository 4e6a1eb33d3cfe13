"""The offline parser against the planning set (tests/data/assistant_planning.yaml; its held-back part is only
scored by bench.assistant_sets), and the sentences near planning words that must stay what they were."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from kakeibo.assistant.intents import (
    AddTransaction,
    GoalStatus,
    IntentAdapter,
    Query,
    RecurringDue,
    SetBudget,
)
from kakeibo.assistant.llm.prompts import intent_tools
from kakeibo.assistant.parsing import Vocabulary, parse
from tests.intent_compare import differences

SET = yaml.safe_load((Path(__file__).parent / "data" / "assistant_planning.yaml").read_text(encoding="utf-8"))
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
    assert len(SET["utterances"]) >= 60
    assert {"budget_status", "budget_set", "subscriptions", "recurring_due", "goal_status"} <= families


@pytest.mark.parametrize(
    "text",
    [
        "paid 50 toward the trip fund",
        "rent 1450 due on the 1st",
        "spent 30 on snacks for the upcoming trip",
        "dinner with the goal team 45",
    ],
)
def test_an_amount_said_with_planning_words_is_a_capture(text: str) -> None:
    assert isinstance(parse(text, today=TODAY, vocabulary=VOCABULARY), AddTransaction)


def test_an_account_named_like_a_goal_is_its_balance() -> None:
    vocabulary = Vocabulary.default(accounts=("Checking", "Emergency Fund"))
    asked = parse("how much is in my emergency fund", today=TODAY, vocabulary=vocabulary)
    assert isinstance(asked, Query) and (asked.metric, asked.account) == ("balance", "Emergency Fund")
    goal = parse("how is my emergency fund goal going", today=TODAY, vocabulary=vocabulary)
    assert goal == GoalStatus(name="emergency fund")
    # Without such an account the same words are the goal.
    assert parse("how much is in my emergency fund", today=TODAY, vocabulary=VOCABULARY) == GoalStatus(
        name="emergency fund"
    )


def test_the_planning_intents_validate_what_they_carry() -> None:
    assert SetBudget(category="Travel", amount="0", month=datetime.date(2026, 11, 17)).month == datetime.date(
        2026, 11, 1
    )
    for amount in ("-1", "abc", "1e30", "NaN"):
        with pytest.raises(ValidationError):
            SetBudget(category="Travel", amount=amount, month=TODAY)
    with pytest.raises(ValidationError):
        SetBudget(category="Travel", amount="5", month=TODAY, change="double")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        GoalStatus(name="")
    assert RecurringDue() == IntentAdapter.validate_python({"kind": "recurring_due"})


def test_the_llm_tools_offer_the_planning_intents_with_groups() -> None:
    tools = {tool["function"]["name"]: tool["function"] for tool in intent_tools(VOCABULARY)}
    for name in ("set_budget", "recurring_due"):
        properties = tools[name]["parameters"]["properties"]
        assert "Travel" in properties["category"]["anyOf"][0]["enum"]
    assert set(tools["set_budget"]["parameters"]["required"]) == {"category", "amount", "month"}
    assert set(tools["goal_status"]["parameters"]["properties"]) == {"name"}
    assert "budget_remaining" in tools["query"]["description"]
