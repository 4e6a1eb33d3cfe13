"""Follow-up periods and comparisons, relative to the previous question: "the same month last year", "the week
before", "so far this year", "and the month after?", "and vs last year?". Sentences written for this file (not
taken from the evaluation sets); "today" is Monday 2026-11-23 as in the sets. The last test asks a chain over
real HTTP and checks the figures to the cent."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kakeibo.assistant.intents import Query
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.followup import follow_up, is_follow_up
from tests.api_helpers import sign_up
from tests.test_assistant_api import Chat

TODAY = datetime.date(2026, 11, 23)
VOCABULARY = Vocabulary.default(accounts=("Checking", "Savings", "Visa", "Amex", "Cash"), base_currency="USD")
GROCERIES, COFFEE, FUEL = "Food & Dining/Groceries", "Food & Dining/Coffee", "Transportation/Fuel"
RESTAURANTS = "Food & Dining/Restaurants"


def ask(*texts: str) -> Query:
    """The question the last sentence asks after the ones before it (each a follow-up of the one before)."""
    first = parse(texts[0], today=TODAY, vocabulary=VOCABULARY)
    assert isinstance(first, Query), first
    current = first
    for text in texts[1:]:
        assert is_follow_up(text), text
        resolved = follow_up(text, current, today=TODAY, vocabulary=VOCABULARY)
        assert resolved is not None, text
        current = resolved
    return current


def fields(query: Query, *names: str) -> dict[str, Any]:
    shown = query.model_dump(mode="json")
    return {name: shown[name] for name in names}


PERIOD = ("start", "end")
COMPARED = ("start", "end", "compare_start", "compare_end")

RELATIVE_PERIODS = [
    # (the conversation, what the last question covers)
    (("how much did I spend on coffee in march", "and the same month last year?"),
     {"category": COFFEE, "start": "2025-03-01", "end": "2025-03-31"}),
    (("how much on coffee in march", "same month the year before"), {"category": COFFEE, "start": "2025-03-01", "end": "2025-03-31"}),
    (("what did we spend on groceries in q2", "the same quarter last year"), {"category": GROCERIES, "start": "2025-04-01", "end": "2025-06-30"}),
    (("what did i spend last week", "same week last year?"), {"start": "2025-11-17", "end": "2025-11-23"}),
    (("spending so far this year", "and the same period last year?"), {"start": "2025-01-01", "end": "2025-11-23"}),
    (("how much on fuel in october", "so far this year?"), {"category": FUEL, "start": "2026-01-01", "end": "2026-11-23"}),
    (("how much on fuel in october", "what about year to date"),
     {"category": FUEL, "start": "2026-01-01", "end": "2026-11-23"}),
    (("how much did i spend at amazon last month", "and so far this month?"),
     {"merchant": "Amazon", "start": "2026-11-01", "end": "2026-11-23"}),
    (("how much did we spend dining out in july", "and the month before that?"), {"category": RESTAURANTS, "start": "2026-06-01", "end": "2026-06-30"}),
    (("spending yesterday", "and the day before?"), {"start": "2026-11-21", "end": "2026-11-21"}),
    (("income in 2025", "and the year before?"), {"metric": "income", "start": "2024-01-01", "end": "2024-12-31"}),
    (("how much on groceries in september", "and the month after?"), {"category": GROCERIES, "start": "2026-10-01", "end": "2026-10-31"}),
    (("how much on groceries in september", "the following month?"), {"category": GROCERIES, "start": "2026-10-01", "end": "2026-10-31"}),
    (("how much did we spend on electricity in october", "the month before?", "and the one before that?"),
     {"category": "Utilities/Electricity", "start": "2026-08-01", "end": "2026-08-31"}),
    (("what did i spend last week", "same week last year?", "and the week after?"),
     {"start": "2025-11-24", "end": "2025-11-30"}),
]  # fmt: skip


@pytest.mark.parametrize("texts, expected", RELATIVE_PERIODS, ids=[" / ".join(t) for t, _ in RELATIVE_PERIODS])
def test_a_follow_up_period_is_relative_to_the_previous_question(
    texts: tuple[str, ...], expected: dict[str, Any]
) -> None:
    assert fields(ask(*texts), *expected) == expected


COMPARISONS = [
    # A comparison followed up keeps comparing: another filter, the same two periods.
    (("groceries this month vs last month", "and restaurants?"),
     {"category": RESTAURANTS, "start": "2026-11-01", "end": "2026-11-30", "compare_start": "2026-10-01",
      "compare_end": "2026-10-31"}),
    (("q2 vs q3 spending", "and for travel?"),
     {"category": "Travel", "start": "2026-04-01", "end": "2026-06-30", "compare_start": "2026-07-01",
      "compare_end": "2026-09-30"}),
    # Both periods move together.
    (("coffee spending november vs october", "and the month before?"),
     {"category": COFFEE, "start": "2026-10-01", "end": "2026-10-31", "compare_start": "2026-09-01",
      "compare_end": "2026-09-30"}),
    (("did we spend more on dining out in october than september?", "and in august?"),
     {"category": RESTAURANTS, "start": "2026-08-01", "end": "2026-08-31", "compare_start": "2026-07-01",
      "compare_end": "2026-07-31"}),
    # A question followed up by "vs …" becomes a comparison with that period.
    (("how much did i spend on groceries in october", "and vs last year?"),
     {"category": GROCERIES, "start": "2026-10-01", "end": "2026-10-31", "compare_start": "2025-10-01",
      "compare_end": "2025-10-31"}),
    (("how much on groceries in october", "compared to september?"),
     {"category": GROCERIES, "start": "2026-10-01", "end": "2026-10-31", "compare_start": "2026-09-01",
      "compare_end": "2026-09-30"}),
    (("how much on groceries in october", "vs the month before?"),
     {"category": GROCERIES, "start": "2026-10-01", "end": "2026-10-31", "compare_start": "2026-09-01",
      "compare_end": "2026-09-30"}),
    (("what did i spend so far this year", "versus the same time last year"),
     {"start": "2026-01-01", "end": "2026-11-23", "compare_start": "2025-01-01", "compare_end": "2025-11-23"}),
    (("income vs spending in q3", "and q2?"),
     {"metric": "income_vs_spending", "start": "2026-04-01", "end": "2026-06-30", "compare_start": None,
      "compare_end": None}),
]  # fmt: skip


@pytest.mark.parametrize("texts, expected", COMPARISONS, ids=[" / ".join(t) for t, _ in COMPARISONS])
def test_a_comparison_is_carried_into_a_follow_up(texts: tuple[str, ...], expected: dict[str, Any]) -> None:
    assert fields(ask(*texts), *expected) == expected


def test_a_question_not_about_periods_drops_the_comparison() -> None:
    # A new period said outright, not as a comparison, after a plain question: no comparison appears.
    assert fields(ask("how much on groceries in october", "and in march?"), *COMPARED) == {
        "start": "2026-03-01",
        "end": "2026-03-31",
        "compare_start": None,
        "compare_end": None,
    }


def test_accounts_by_kind_followed_up_by_another_kind() -> None:
    assert fields(ask("how much cash do i have", "and in checking?"), "metric", "account_kind", "account") == {
        "metric": "balance",
        "account_kind": "checking",
        "account": None,
    }
    assert fields(ask("what do i owe in total", "and on the credit cards?"), "account_kind") == {
        "account_kind": "credit_card"
    }


@pytest.mark.parametrize(
    "text", ["so far this year?", "year to date", "the same month last year", "same time last year?"]
)
def test_a_sentence_that_is_only_a_period_is_a_follow_up(text: str) -> None:
    assert is_follow_up(text)


@pytest.mark.parametrize("text", ["lunch 12 yesterday", "how much did i spend this year", "coffee at starbucks"])
def test_a_sentence_of_its_own_is_not_a_follow_up(text: str) -> None:
    assert not is_follow_up(text)


def test_follow_ups_over_http_answer_each_period_and_comparison_to_the_cent(client: TestClient) -> None:
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "subtype": "checking"}).json()
    for amount, day in (
        ("82.10", "2026-10-04"),
        ("17.90", "2026-10-20"),
        ("61.25", "2025-10-12"),
        ("9.99", "2026-03-02"),
    ):
        made = user.post(
            "/transactions",
            {"type": "expense", "account": checking["id"], "category": GROCERIES, "amount": amount, "date": day,
             "payee": "Safeway"},
        )  # fmt: skip
        assert made.status_code == 201, made.text
    chat = Chat(user)
    october = chat.say("how much did we spend on groceries in october?")
    assert october["value"] == "100.00"
    last_year = chat.say("and the same month last year?")
    assert (last_year["intent"]["start"], last_year["intent"]["end"], last_year["value"]) == (
        "2025-10-01",
        "2025-10-31",
        "61.25",
    )
    so_far = chat.say("so far this year?")
    assert (so_far["intent"]["start"], so_far["intent"]["end"], so_far["value"]) == (
        "2026-01-01",
        "2026-11-23",
        "109.99",
    )
    chat.say("how much did we spend on groceries in october?")
    compared = chat.say("and vs last year?")
    assert (compared["intent"]["compare_start"], compared["intent"]["compare_end"]) == ("2025-10-01", "2025-10-31")
    assert "100.00" in compared["text"] and "61.25" in compared["text"], compared["text"]
