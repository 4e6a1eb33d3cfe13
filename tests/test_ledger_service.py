"""The ledger service on a real database: balanced postings, events, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import events
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import UnbalancedTransaction
from kakeibo.ledger.models import Event, MonthlyTotal, Posting
from kakeibo.ledger.schemas import AccountUpdate, TransactionCreate, TransactionUpdate
from tests.factories import make_account, make_household, make_transaction


def _balance(session: Session, account_id: int) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(Posting.amount_minor), 0)).where(
                Posting.account_id == account_id, Posting.deleted.is_(False)
            )
        )
        or 0
    )


def _rollup_balance(session: Session, account_id: int) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(MonthlyTotal.amount_minor), 0)).where(MonthlyTotal.account_id == account_id)
        )
        or 0
    )


def test_expense_posts_balanced_legs(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, opening="8500")
    tx = make_transaction(session, home=home, account=checking, amount="4.75")
    postings = session.scalars(select(Posting).where(Posting.transaction_id == tx.id)).all()
    assert sorted(p.amount_minor for p in postings) == [-475, 475]
    assert _balance(session, checking.id) == 850000 - 475
    assert _rollup_balance(session, checking.id) == 850000 - 475


def test_undo_reverses_update_then_create(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    tx = make_transaction(session, home=home, account=checking, amount="20.00")
    ledger.update_transaction(session, actor=home.actor(), transaction_id=tx.id, data=TransactionUpdate(amount="25.00"))
    assert _balance(session, checking.id) == -2500
    ledger.undo(session, actor=home.actor())
    assert _balance(session, checking.id) == -2000
    ledger.undo(session, actor=home.actor())
    assert _balance(session, checking.id) == 0
    assert _rollup_balance(session, checking.id) == 0


@pytest.mark.parametrize("amount", ["abc", "1e309", "12.345", "-5", "NaN"])
def test_bad_amounts_write_nothing(session: Session, amount: str) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    before = session.scalar(select(func.count()).select_from(Posting))
    with pytest.raises(ValidationFailed):
        ledger.create_transaction(
            session,
            actor=home.actor(),
            data=TransactionCreate(type="expense", account=checking.id, amount=amount, date=dt.date(2026, 1, 2)),
        )
    assert session.scalar(select(func.count()).select_from(Posting)) == before


def test_unbalanced_postings_are_refused(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    with pytest.raises(UnbalancedTransaction, match="off by"):
        ledger.create_transaction(
            session,
            actor=home.actor(),
            data=TransactionCreate(
                date=dt.date(2026, 1, 2),
                postings=[
                    {"account": checking.id, "amount": "-10.00"},
                    {"account": "Food & Dining/Groceries", "amount": "9.99"},
                ],
            ),
        )


def test_summary_keeps_settlement_currencies_apart(session: Session) -> None:
    from kakeibo.ledger import queries

    home = make_household(session)
    usd = make_account(session, home=home, name="Checking")
    eur = make_account(session, home=home, name="Girokonto", currency="EUR")
    make_transaction(session, home=home, account=usd, amount="10.00", date=dt.date(2026, 3, 10))
    make_transaction(session, home=home, account=eur, amount="99.00", date=dt.date(2026, 3, 11))
    make_transaction(session, home=home, account=usd, amount="5.00", date=dt.date(2026, 4, 2))
    for start, end in ((dt.date(2026, 3, 5), dt.date(2026, 4, 10)), (dt.date(2026, 3, 1), dt.date(2026, 4, 30))):
        in_usd = queries.summary(session, household_id=home.household.id, start=start, end=end, currency="USD")
        in_eur = queries.summary(session, household_id=home.household.id, start=start, end=end, currency="EUR")
        assert (in_usd.expenses_minor, in_eur.expenses_minor) == (1500, 9900)


def test_opening_balance_can_be_changed_and_the_change_undone(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, opening="100.00")
    first_opening = checking.opening_transaction_id
    ledger.update_account(
        session, actor=home.actor(), account_id=checking.id, data=AccountUpdate(opening_balance="250.00")
    )
    assert _balance(session, checking.id) == 25000
    assert checking.opening_transaction_id not in (None, first_opening)
    ledger.undo(session, actor=home.actor())
    assert _balance(session, checking.id) == 10000
    assert _rollup_balance(session, checking.id) == 10000
    assert checking.opening_balance_minor == 10000 and checking.opening_transaction_id == first_opening


def test_opening_transaction_takes_a_payee_edit(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, opening="100.00")
    assert checking.opening_transaction_id is not None
    tx = ledger.update_transaction(
        session,
        actor=home.actor(),
        transaction_id=checking.opening_transaction_id,
        data=TransactionUpdate(notes="carried over from the old bank"),
    )
    assert tx.type.value == "opening" and tx.notes == "carried over from the old bank"
    assert _balance(session, checking.id) == 10000


def test_names_match_without_regard_to_case_beyond_ascii(session: Session) -> None:
    home = make_household(session)
    account = make_account(session, home=home, name="Épargne Société")
    assert ledger.find_money_account(session, household_id=home.household.id, name="épargne société").id == account.id


def test_blank_names_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1 character"):
        AccountUpdate(name="   ")


def test_a_zero_amount_cannot_convert_to_a_nonzero_one(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    with pytest.raises(ValidationFailed, match="sign of amount"):
        ledger.create_transaction(
            session,
            actor=home.actor(),
            data=TransactionCreate(
                date=dt.date(2026, 1, 2),
                postings=[
                    {"account": checking.id, "amount": "-10.00"},
                    {"account": "Travel/Hotels", "amount": "0", "currency": "EUR", "converted_amount": "10.00"},
                ],
            ),
        )


def test_a_category_records_who_chose_it_and_only_a_persons_choice_is_locked(session: Session) -> None:
    from kakeibo.categorize import service as categorize
    from kakeibo.categorize.schemas import RuleActions, RuleCondition, RuleCreate
    from kakeibo.ledger import repository as repo
    from kakeibo.ledger.models import CategorySource

    home = make_household(session)
    checking = make_account(session, home=home, name="Checking")

    def latest_after(group_id: str) -> dict[str, object]:
        (event,) = repo.events_of_group(session, household_id=home.household.id, group_id=group_id)
        assert event.after is not None
        return event.after

    importer = home.actor("import")
    item = TransactionCreate(
        type="expense", account=checking.id, amount="4.75", payee="BEAN CO", category="Food & Dining/Groceries",
        date=dt.date(2026, 10, 1),
    )  # fmt: skip
    guess = ledger.CategoryGuess(CategorySource.rule, 1.0, "rule: groceries")
    (tx_id,) = ledger.create_transactions(session, actor=importer, items=[item], guesses=[guess])
    imported = latest_after(importer.group_id)
    assert (imported["category_source"], imported["category_locked"]) == ("rule", False)

    rule = RuleCreate(
        name="beans are coffee",
        conditions=[RuleCondition(field="payee", op="contains", value="BEAN")],
        actions=RuleActions(category="Food & Dining/Coffee"),
    )
    categorize.create_rule(session, actor=home.actor(), data=rule)
    rules = home.actor("rule")
    assert categorize.apply_rules(session, actor=rules) == [tx_id]  # a rule's choice may be refiled
    refiled = latest_after(rules.group_id)
    assert (refiled["category_source"], refiled["category_locked"]) == ("rule", False)

    model = home.actor("assistant")
    ledger.update_transaction(
        session,
        actor=model,
        transaction_id=tx_id,
        data=TransactionUpdate(category="Food & Dining/Groceries"),
        guess=ledger.CategoryGuess(CategorySource.llm, None, "the language model filed it"),
    )
    assert (latest_after(model.group_id)["category_source"], latest_after(model.group_id)["category_locked"]) == (
        "llm",
        False,
    )

    person = home.actor()
    ledger.update_transaction(
        session, actor=person, transaction_id=tx_id, data=TransactionUpdate(category="Food & Dining/Groceries")
    )
    corrected = latest_after(person.group_id)
    assert (corrected["category_source"], corrected["category_locked"]) == ("user", True)
    assert categorize.apply_rules(session, actor=home.actor("rule")) == []  # a person's choice stays


def test_a_created_transactions_event_shows_it_as_it_is_stored(session: Session) -> None:
    """The create event's image is built from the rows about to be written; it must read as the stored
    transaction's image does (the one an update or an undo compares with)."""
    home = make_household(session)
    checking = make_account(session, home=home)
    actor = home.actor()
    ids = ledger.create_transactions(
        session,
        actor=actor,
        items=[
            TransactionCreate(
                type="expense",
                account=checking.id,
                amount="30.00",
                currency="EUR",
                converted_amount="32.50",
                date=dt.date(2026, 3, 4),
                payee="Louvre",
                tags=["trip", "#Art"],
            ),
            TransactionCreate(type="income", account=checking.id, amount="100", date=dt.date(2026, 3, 5)),
        ],
    )
    created = session.scalars(select(Event).where(Event.group_id == actor.group_id).order_by(Event.id)).all()
    assert [(e.entity_id, e.action, e.before) for e in created] == [(ids[0], "create", None), (ids[1], "create", None)]
    for event in created:
        transaction = ledger.get_transaction(session, household_id=home.household.id, transaction_id=event.entity_id)
        assert event.after == events.image_of(session, transaction)
    assert created[0].after is not None and created[0].after["tags"] == ["art", "trip"]
    assert created[0].summary == "Added Louvre 32.50 USD on 2026-03-04"
