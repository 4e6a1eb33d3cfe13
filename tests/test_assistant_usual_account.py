"""Where a payee is usually paid from, on SQLite and PostgreSQL: the most used live money account over the payee's
latest transactions (case-insensitive, as stored), ties to the one used last, transfers and deleted rows left
out; and the query reads the payee's rows from the (household, lower(payee), date, id) index, so its cost does not
grow with the ledger (bench/README figures: a million rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from kakeibo.assistant import repository
from kakeibo.assistant.intents import CaptureItem
from kakeibo.assistant.proposals import USUAL_HISTORY, account_for
from kakeibo.ledger import service as ledger
from tests.factories import HouseholdFixture, make_account, make_household, make_transaction

INDEX = "ix_transactions_household_payee_live"


def _usual(session: Session, home: HouseholdFixture, payee: str) -> int | None:
    return repository.usual_account_of_payee(session, household_id=home.household.id, payee=payee, limit=USUAL_HISTORY)


def _capture(payee: str, account: str | None = None) -> CaptureItem:
    return CaptureItem(amount="4.50", currency="USD", date=dt.date(2026, 11, 23), description=payee, account=account)


def test_the_usual_account_is_the_most_used_lately_and_ties_go_to_the_latest(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, name="Checking")
    amex = make_account(session, home=home, name="Amex", kind="liability", subtype="credit_card")
    visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    assert _usual(session, home, "Blue Bottle") is None

    for day in (1, 2):
        make_transaction(session, home=home, account=amex, payee="Blue Bottle", date=dt.date(2026, 11, day))
    make_transaction(session, home=home, account=checking, payee="BLUE BOTTLE", date=dt.date(2026, 11, 3))
    assert _usual(session, home, "blue bottle") == amex.id  # two to one, whatever the case
    make_transaction(session, home=home, account=visa, payee="Blue Bottle", date=dt.date(2026, 11, 4))
    make_transaction(session, home=home, account=visa, payee="Blue Bottle", date=dt.date(2026, 11, 5))
    assert _usual(session, home, "Blue Bottle") == visa.id  # two each: the one used last

    # A deleted purchase, a transfer and another payee do not count.
    gone = make_transaction(session, home=home, account=visa, payee="Blue Bottle", date=dt.date(2026, 11, 6))
    ledger.delete_transaction(session, actor=home.actor(), transaction_id=gone.id)
    for day in (7, 8, 9):
        make_transaction(
            session, home=home, account=checking, payee="Blue Bottle Roasters", date=dt.date(2026, 11, day)
        )
        make_transaction(
            session, home=home, account=checking, to_account=amex, type="transfer", payee="Blue Bottle",
            date=dt.date(2026, 11, day),
        )  # fmt: skip
    assert _usual(session, home, "Blue Bottle") == visa.id

    # Only the latest rows vote: thirty newer ones on the checking account outvote the old history.
    for n in range(USUAL_HISTORY):
        make_transaction(session, home=home, account=checking, payee="Blue Bottle", date=dt.date(2026, 11, 10 + n % 10))
    assert _usual(session, home, "Blue Bottle") == checking.id

    # Another household's history is not this one's.
    other = make_household(session)
    make_account(session, home=other, name="Checking")
    assert _usual(session, other, "Blue Bottle") is None


def test_a_capture_names_its_account_else_takes_the_usual_one_else_the_first_checking(session: Session) -> None:
    home = make_household(session)
    make_account(session, home=home, name="Savings", subtype="savings")
    checking = make_account(session, home=home, name="Checking")
    amex = make_account(session, home=home, name="Amex", kind="liability", subtype="credit_card")
    make_transaction(session, home=home, account=amex, payee="Blue Bottle")

    assert account_for(session, household_id=home.household.id, item=_capture("Blue Bottle")) == (amex, True)
    assert account_for(session, household_id=home.household.id, item=_capture("Noodle Bar")) == (checking, False)
    named = _capture("Blue Bottle", account="Checking")
    assert account_for(session, household_id=home.household.id, item=named) == (checking, False)
    # The usual account is the default anyway: nothing to say about it.
    make_transaction(session, home=home, account=checking, payee="Corner Shop")
    assert account_for(session, household_id=home.household.id, item=_capture("Corner Shop")) == (checking, False)


@contextmanager
def _statements(session: Session) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []
    engine = session.get_bind()

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_payees_rows_are_read_from_the_payee_index(session: Session) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, name="Checking")
    for day in range(1, 21):
        make_transaction(session, home=home, account=checking, payee=f"Shop {day % 4}", date=dt.date(2026, 11, day))
    with _statements(session) as seen:
        _usual(session, home, "Shop 1")
    ((statement, parameters),) = [(s, p) for s, p in seen if "lower(" in s]
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("ANALYZE"))
        plan = " ".join(
            str(row[-1]) for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
        assert f"USING INDEX {INDEX}" in plan or f"USING COVERING INDEX {INDEX}" in plan, plan
        # The latest rows come in the index's order: no sort before the postings are read.
        assert "TEMP B-TREE" not in plan.split("SEARCH postings")[0], plan
    else:
        # A table this small is cheaper to scan; with scans made dear the planner shows the index serves the query.
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = " ".join(str(row[0]) for row in session.connection().exec_driver_sql(f"EXPLAIN {statement}", parameters))
        assert INDEX in plan, plan
