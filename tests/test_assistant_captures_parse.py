"""Round-two captures in the offline parser beyond the evaluation sets: several amounts in one sentence are never
silently reduced to one, a split's lines always add up, and amounts as people write them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakeibo.assistant.intents import AddTransaction, AddTransactions, Clarify
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.amounts import find_amount, prices

TODAY = datetime.date(2026, 11, 23)
VOCABULARY = Vocabulary.default(("Checking", "Savings", "Visa", "Amex", "Cash"))


def said(text: str) -> object:
    return parse(text, today=TODAY, vocabulary=VOCABULARY)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("bakery 3,20 €", "3.20", "EUR"),
        ("2.345,10 for the car repair", "2345.10", "USD"),
        ("C$ 14 poutine", "14", "CAD"),
        ("4 bagels 11.25", "11.25", "USD"),
        ("seat 12, 30 for the show", "30", "USD"),
        ("lunch came to 80, my half 40", "40", "USD"),
        ("1,500 for the deposit", "1500", "USD"),
    ],
)
def test_amounts_as_written(text: str, amount: str, currency: str) -> None:
    intent = said(text)
    assert isinstance(intent, AddTransaction), intent
    assert (intent.amount, intent.currency) == (amount, currency)


def test_a_count_is_not_a_price_but_a_large_plural_is() -> None:
    assert [str(p.value) for p in prices("3 croissants 9.60")] == ["9.60"]
    assert [str(p.value) for p in prices("costco 90 60 groceries 30 household")] == ["90", "60", "30"]
    found = find_amount("a 6 pack of soda for 7", "USD")
    assert found is not None and found.value == "7"


def test_two_purchases_become_two_items_with_the_date_said_once() -> None:
    intent = said("bought stamps for 12 and 30 at the hardware store on friday")
    assert isinstance(intent, AddTransactions), intent
    assert [item.amount for item in intent.items] == ["12", "30"]
    assert {item.date for item in intent.items} == {datetime.date(2026, 11, 20)}


def test_a_split_whose_lines_add_up() -> None:
    intent = said("trader joe's 64: 50 groceries, 14 flowers")
    assert isinstance(intent, AddTransaction), intent
    assert intent.splits is not None and intent.category is None
    assert sum(Decimal(s.amount) for s in intent.splits) == Decimal("64")
    assert intent.splits[0].category == "Food & Dining/Groceries"


def test_purchases_that_happen_to_add_up_are_not_a_split() -> None:
    intent = said("groceries 50, gas 30 and coffee 20")
    assert isinstance(intent, AddTransactions), intent
    assert [item.category for item in intent.items] == [
        "Food & Dining/Groceries",
        "Transportation/Fuel",
        "Food & Dining/Coffee",
    ]


_PLACES = ["trader joe's", "the pharmacy", "starbucks", "the gas station", "target", "the bakery", "costco"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=13, max_value=9999), st.sampled_from(_PLACES)),
        min_size=2,
        max_size=4,
    ),
    st.sampled_from([", ", " and ", ", then ", "; "]),
)
def test_several_prices_are_never_silently_one(parts: list[tuple[int, str]], joiner: str) -> None:
    """Whatever the amounts, a sentence of several priced purchases is several items, a split whose lines add up
    to its amount, or a question: never one transaction that drops a price."""
    text = joiner.join(f"{amount} at {place}" for amount, place in parts)
    intent = said(text)
    if isinstance(intent, AddTransactions):
        assert [Decimal(item.amount) for item in intent.items] == [Decimal(a) for a, _ in parts]
    elif isinstance(intent, AddTransaction):
        assert intent.splits is not None, f"{text!r} kept one price: {intent}"
        assert sum(Decimal(s.amount) for s in intent.splits) == Decimal(intent.amount)
    else:
        assert isinstance(intent, Clarify), intent


@pytest.mark.parametrize(
    ("text", "description", "category"),
    [
        ("walmat 23", "Walmart", "Food & Dining/Groceries"),  # a merchant misspelt: its canonical name
        ("15 for the hiarcut", "hiarcut", "Personal Care/Hair & Beauty"),  # a word: understood, kept as typed
        ("paid 30 for a lamp", "lamp", None),  # an English word is never "corrected" to a near one
    ],
)
def test_typos_are_understood_and_real_words_left_alone(text: str, description: str, category: str | None) -> None:
    intent = said(text)
    assert isinstance(intent, AddTransaction), intent
    assert (intent.description, intent.category) == (description, category)


def test_a_misspelt_month_still_names_the_period() -> None:
    intent = said("how much did i spend on groceries in septmber")
    assert intent.model_dump(mode="json", include={"kind", "start", "end"}) == {
        "kind": "query",
        "start": "2026-09-01",
        "end": "2026-09-30",
    }
