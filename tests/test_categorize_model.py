"""The learned categorizer: training on a household's own history, corrections, explanations and storage."""

from __future__ import annotations

import struct
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from bench.categorize import Labelled, load_household, load_personal, split_by_time
from hypothesis import given, settings
from hypothesis import strategies as st

from kakeibo.categorize import CategoryModel, Guess, TxnText
from kakeibo.categorize.model import FORMAT_VERSION
from tests.conftest import shared_fixture

COFFEE = "Food & Dining/Coffee"
GROCERIES = "Food & Dining/Groceries"
RIDES = "Transportation/Taxi & Rideshare"
SALARY = "Income/Salary"
RENT = "Housing/Rent"
RESTAURANTS = "Food & Dining/Restaurants"


def txn(
    description: str, *, payee: str = "", amount_minor: int = -1234, account: str = "Visa", day: int = 15
) -> TxnText:
    return TxnText(payee=payee, description=description, amount_minor=amount_minor, account=account, day=day)


def household_history() -> tuple[list[TxnText], list[str]]:
    """Six weeks of a small household, oldest first."""
    rows = [
        (txn("STARBUCKS STORE 1234 SEATTLE", payee="Starbucks", amount_minor=-475), COFFEE),
        (txn("STARBUCKS STORE 8812 SEATTLE", payee="Starbucks", amount_minor=-520), COFFEE),
        (txn("SQ *BLUE BOTTLE COFFEE", payee="Blue Bottle Coffee", amount_minor=-610), COFFEE),
        (txn("STARBUCKS STORE 1234 SEATTLE", payee="Starbucks", amount_minor=-455, day=3), COFFEE),
        (txn("SAFEWAY #1234 SEATTLE", payee="Safeway", amount_minor=-8_412), GROCERIES),
        (txn("TRADER JOE S #552", payee="Trader Joe's", amount_minor=-5_630), GROCERIES),
        (txn("SAFEWAY #1234 SEATTLE", payee="Safeway", amount_minor=-10_219), GROCERIES),
        (txn("UBER *TRIP HELP.UBER.COM", payee="Uber", amount_minor=-1_850), RIDES),
        (txn("UBER *TRIP HELP.UBER.COM", payee="Uber", amount_minor=-2_310), RIDES),
        (txn("LYFT *RIDE SUN 2PM", payee="Lyft", amount_minor=-1_420), RIDES),
        (txn("ACME CORP PAYROLL PPD", payee="Acme Corp", amount_minor=420_000, account="Checking", day=1), SALARY),
        (txn("ACME CORP PAYROLL PPD", payee="Acme Corp", amount_minor=420_000, account="Checking", day=15), SALARY),
        (
            txn(
                "ONLINE PMT OAKWOOD APTS", payee="Oakwood Apartments", amount_minor=-185_000, account="Checking", day=1
            ),
            RENT,
        ),
        (
            txn(
                "ONLINE PMT OAKWOOD APTS", payee="Oakwood Apartments", amount_minor=-185_000, account="Checking", day=1
            ),
            RENT,
        ),
    ]
    return [t for t, _ in rows], [label for _, label in rows]


@pytest.fixture
def model() -> CategoryModel:
    return CategoryModel.train(*household_history())


def top(model: CategoryModel, text: TxnText) -> Guess:
    (guesses,) = model.predict([text], k=3)
    return guesses[0]


def test_a_known_payee_goes_where_it_always_went(model: CategoryModel) -> None:
    guess = top(model, txn("STARBUCKS STORE 1234 SEATTLE", payee="Starbucks", amount_minor=-500))
    assert guess.category == COFFEE
    assert guess.confidence > 0.8


def test_new_spellings_of_known_merchants(model: CategoryModel) -> None:
    assert top(model, txn("UBER *TRIP 8PM", payee="Uber Trip")).category == RIDES
    assert top(model, txn("SAFEWAY FUEL #0099", payee="Safeway Store")).category == GROCERIES
    assert top(model, txn("ACME CORP PAYROLL", amount_minor=415_000, account="Checking", day=1)).category == SALARY


def test_a_merchant_it_never_saw_but_the_knowledge_base_knows(model: CategoryModel) -> None:
    assert top(model, txn("PEET'S COFFEE 00123 SAN FRANCISCO", amount_minor=-390)).category == COFFEE


def test_guesses_are_ranked_probabilities(model: CategoryModel) -> None:
    (guesses,) = model.predict([txn("SOMETHING ELSE ENTIRELY")], k=3)
    assert len(guesses) == 3
    assert [g.confidence for g in guesses] == sorted((g.confidence for g in guesses), reverse=True)
    assert all(0.0 <= g.confidence <= 1.0 for g in guesses)
    assert sum(g.confidence for g in guesses) <= 1.0 + 1e-9
    assert model.labels == sorted(set(household_history()[1]))
    assert model.n_examples == 14


def test_predicting_in_batches_matches_one_at_a_time(model: CategoryModel) -> None:
    texts = [txn("UBER *TRIP"), txn("SAFEWAY #9"), txn("UBER *TRIP"), txn("unknown shop")]
    batch = model.predict(texts, k=2)
    assert batch == [model.predict([t], k=2)[0] for t in texts]
    assert model.predict([], k=3) == []


def test_explanations_name_the_history_or_the_words(model: CategoryModel) -> None:
    starbucks = txn("STARBUCKS STORE 1234 SEATTLE", payee="Starbucks")
    assert model.explain(starbucks, top(model, starbucks)) == (
        f'like 3 earlier "Starbucks" payments you filed under {COFFEE}'
    )
    uber = txn("UBER *TRIP NIGHT", payee="Uber Ride")
    explanation = model.explain(uber, top(model, uber))
    assert explanation.startswith("word") and '"uber"' in explanation and explanation.endswith(RIDES)
    assert "\n" not in model.explain(txn(""), top(model, txn("")))


def test_a_correction_takes_effect_at_once(model: CategoryModel) -> None:
    bottle = txn("SQ *BLUE BOTTLE COFFEE", payee="Blue Bottle Coffee", amount_minor=-2_450)
    assert top(model, bottle).category == COFFEE
    model.learn(bottle, RESTAURANTS)
    guess = top(model, bottle)
    assert guess.category == RESTAURANTS
    assert guess.confidence > 0.5
    assert model.explain(bottle, guess) == f'you moved "Blue Bottle Coffee" to {RESTAURANTS}'
    assert model.n_examples == 15


def test_a_correction_outweighs_a_long_history(model: CategoryModel) -> None:
    starbucks = txn("STARBUCKS STORE 1234 SEATTLE", payee="Starbucks")
    model.learn(starbucks, GROCERIES)
    assert top(model, starbucks).category == GROCERIES
    model.learn(starbucks, COFFEE)  # changed their mind back
    assert top(model, starbucks).category == COFFEE


def test_a_correction_can_introduce_a_new_category(model: CategoryModel) -> None:
    vet = txn("BANFIELD PET HOSPITAL 123", payee="Banfield Pet Hospital", amount_minor=-12_000)
    model.learn(vet, "Pets/Veterinary")
    assert "Pets/Veterinary" in model.labels
    assert top(model, vet).category == "Pets/Veterinary"


def test_storage_round_trip(model: CategoryModel) -> None:
    model.learn(txn("CORNER DELI", payee="Corner Deli"), RESTAURANTS)
    restored = CategoryModel.from_bytes(model.to_bytes())
    assert restored.labels == model.labels
    assert restored.n_examples == model.n_examples
    texts = [txn("STARBUCKS 1"), txn("UBER *TRIP"), txn("CORNER DELI", payee="Corner Deli"), txn("??")]
    for before, after in zip(model.predict(texts), restored.predict(texts), strict=True):
        assert [g.category for g in before] == [g.category for g in after]
        assert [g.confidence for g in after] == pytest.approx([g.confidence for g in before], abs=1e-3)
    deli = txn("CORNER DELI", payee="Corner Deli")
    assert restored.explain(deli, top(restored, deli)) == model.explain(deli, top(model, deli))
    assert restored.to_bytes() == CategoryModel.from_bytes(restored.to_bytes()).to_bytes()


def test_storage_refuses_other_bytes_and_other_versions(model: CategoryModel) -> None:
    stored = model.to_bytes()
    with pytest.raises(ValueError, match="not a kakeibo category model"):
        CategoryModel.from_bytes(b"\x80\x04pickle, or anything else")
    magic = stored[: stored.index(b"\x00") + 1]
    future = magic + struct.pack("<H", FORMAT_VERSION + 1) + stored[len(magic) + 2 :]
    with pytest.raises(ValueError, match="format"):
        CategoryModel.from_bytes(future)
    with pytest.raises(ValueError, match="damaged"):
        CategoryModel.from_bytes(stored[: len(stored) // 2])


def test_no_examples_no_guesses() -> None:
    empty = CategoryModel.train([], [])
    assert empty.labels == [] and empty.n_examples == 0
    assert empty.predict([txn("STARBUCKS")]) == [[]]
    restored = CategoryModel.from_bytes(empty.to_bytes())
    assert restored.predict([txn("STARBUCKS")]) == [[]]
    restored.learn(txn("STARBUCKS", payee="Starbucks"), COFFEE)
    assert top(restored, txn("STARBUCKS 123", payee="Starbucks")).category == COFFEE


def test_one_example() -> None:
    single = CategoryModel.train([txn("OAKWOOD APTS", payee="Oakwood Apartments")], [RENT])
    same = top(single, txn("OAKWOOD APTS", payee="Oakwood Apartments"))
    other = top(single, txn("SOMEWHERE NEW"))
    assert same.category == other.category == RENT
    assert same.confidence > 0.5 > other.confidence  # the unknown one goes to the review queue
    assert CategoryModel.from_bytes(single.to_bytes()).predict([txn("X")]) == single.predict([txn("X")])


def test_one_category_many_examples() -> None:
    texts = [txn(f"SAFEWAY #{i}", payee="Safeway") for i in range(20)] + [txn("TRADER JOES", payee="Trader Joe's")]
    only = CategoryModel.train(texts, [GROCERIES] * len(texts))
    assert top(only, txn("SAFEWAY #99", payee="Safeway")).category == GROCERIES


def test_two_categories() -> None:
    texts = [txn("UBER *TRIP", payee="Uber"), txn("STARBUCKS", payee="Starbucks")] * 3
    pair = CategoryModel.train(texts, [RIDES, COFFEE] * 3)
    assert top(pair, txn("UBER *TRIP LATE")).category == RIDES
    assert top(pair, txn("STARBUCKS 99")).category == COFFEE


def test_labels_must_match_texts() -> None:
    with pytest.raises(ValueError, match="labels"):
        CategoryModel.train([txn("A")], [])


@settings(max_examples=40, deadline=None)
@given(
    description=st.text(max_size=40),
    amount=st.integers(min_value=-(10**9), max_value=10**9),
    day=st.integers(min_value=0, max_value=31),
    k=st.integers(min_value=1, max_value=5),
)
def test_any_text_gets_at_most_k_ranked_probabilities(description: str, amount: int, day: int, k: int) -> None:
    model = _shared_model()
    (guesses,) = model.predict([txn(description, amount_minor=amount, day=day)], k=k)
    assert 1 <= len(guesses) <= k
    assert all(0.0 <= g.confidence <= 1.0 for g in guesses)
    assert [g.confidence for g in guesses] == sorted((g.confidence for g in guesses), reverse=True)


@cache
def _shared_model() -> CategoryModel:  # Hypothesis runs the test body many times; train once
    return CategoryModel.train(*household_history())


@pytest.mark.parametrize(
    ("name", "load"),
    [
        ("personal_transactions.csv", lambda path: load_personal(path, lambda raw: raw)),
        ("daily_household_transactions.csv", load_household),
    ],
)
def test_real_households_by_time(name: str, load: Callable[[Path], list[Labelled]]) -> None:
    """A loose sanity floor on the shared fixtures; `python -m bench.categorize` prints the real figures."""
    train, test = split_by_time(load(shared_fixture("categorized", name)))
    model = CategoryModel.train([r.text for r in train], [r.label for r in train])
    guesses = model.predict([r.text for r in test], k=3)
    right = sum(bool(g) and g[0].category == r.label for g, r in zip(guesses, test, strict=True))
    assert right / len(test) > 0.5
