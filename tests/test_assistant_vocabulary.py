"""The household's vocabulary: its payees' categories are kept between turns, and every write is seen at once."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.assistant import repository as assistant_repo
from kakeibo.assistant.service import vocabulary_for
from kakeibo.core.db import session_scope
from tests.factories import make_account, make_household, make_transaction


def test_the_payees_are_read_once_per_ledger_version_and_a_rolled_back_write_is_never_kept(
    bind_sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(bind_sessions, write=True) as session:
        home = make_household(session)
        checking = make_account(session, home=home)
        make_transaction(session, home=home, account=checking, payee="Nopa", category="Food & Dining/Restaurants")
    actor = home.actor()
    reads: list[int] = []
    read_rows = assistant_repo.accounts_of_recent_payees

    def counted(session: Session, *, household_id: int, limit: int) -> list[tuple[str, int, int]]:
        reads.append(household_id)
        return read_rows(session, household_id=household_id, limit=limit)

    monkeypatch.setattr(assistant_repo, "accounts_of_recent_payees", counted)

    def merchants() -> dict[str, str]:
        with session_scope(bind_sessions, write=False) as session:
            return vocabulary_for(session, actor=actor).merchants

    assert merchants() == {"nopa": "Food & Dining/Restaurants"}
    assert merchants() == {"nopa": "Food & Dining/Restaurants"}
    assert len(reads) == 1  # the second turn found the rows kept

    with session_scope(bind_sessions, write=True) as session:
        make_transaction(session, home=home, account=checking, payee="Blue Bottle")
    assert merchants() == {"nopa": "Food & Dining/Restaurants", "blue bottle": "Food & Dining/Coffee"}
    assert len(reads) == 2

    # Read inside a write that then rolls back: its version number goes to the next write, so those rows must
    # not be kept under it.
    with pytest.raises(RuntimeError), session_scope(bind_sessions, write=True) as session:
        make_transaction(session, home=home, account=checking, payee="Tartine", category="Food & Dining/Groceries")
        assert "tartine" in vocabulary_for(session, actor=actor).merchants
        raise RuntimeError("the request failed")
    with session_scope(bind_sessions, write=True) as session:
        make_transaction(session, home=home, account=checking, payee="Souvla", category="Food & Dining/Fast Food")
    assert merchants() == {
        "nopa": "Food & Dining/Restaurants",
        "blue bottle": "Food & Dining/Coffee",
        "souvla": "Food & Dining/Fast Food",
    }
