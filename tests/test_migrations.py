"""Migrations keep what is stored: books written at an older schema are whole after `upgrade head`."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kakeibo.core.db import make_engine, migrate, session_factory, session_scope
from kakeibo.ledger import service as ledger
from kakeibo.ledger.integrity import check_books
from kakeibo.ledger.models import Account, MonthlyTotal, Posting
from kakeibo.ledger.schemas import AccountCreate
from tests.conftest import postgres_database
from tests.factories import make_account, make_household, make_transaction


def _books_survive_the_account_names_migration(url: str) -> None:
    migrate(url, "0004")
    engine = make_engine(url)
    factory = session_factory(engine)
    try:
        with session_scope(factory, write=True) as session:
            home = make_household(session, email=f"{uuid.uuid4().hex[:8]}@example.com")
            checking = make_account(session, home=home, opening="100")
            for amount in ("1.00", "2.00", "3.00"):
                make_transaction(session, home=home, account=checking, amount=amount)
            visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
            ledger.delete_account(session, actor=home.actor(), account_id=visa.id)
        with session_scope(factory, write=False) as session:
            before = [session.scalar(select(func.count()).select_from(t)) for t in (Account, Posting, MonthlyTotal)]
        engine.dispose()
        migrate(url)  # 0005 rebuilds the accounts table on SQLite, which postings and rollups refer to
        with session_scope(factory, write=False) as session:
            after = [session.scalar(select(func.count()).select_from(t)) for t in (Account, Posting, MonthlyTotal)]
            assert after == before
            assert check_books(session).ok
        with session_scope(factory, write=True) as session:
            # The deleted Visa's name is free now.
            again = ledger.create_account(
                session,
                actor=home.actor(),
                data=AccountCreate(name="Visa", subtype="credit_card"),  # type: ignore[arg-type]
            )
            assert again.id != visa.id
    finally:
        engine.dispose()


def test_the_account_names_migration_keeps_the_books_on_sqlite(tmp_path: Path) -> None:
    _books_survive_the_account_names_migration(f"sqlite:///{tmp_path / 'old.sqlite3'}")


@pytest.mark.postgres
def test_the_account_names_migration_keeps_the_books_on_postgres() -> None:
    with postgres_database("kakeibo_migration") as url:
        # postgres_database migrates to head; start again from an empty schema at 0004.
        from sqlalchemy import create_engine, text

        admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        admin.dispose()
        _books_survive_the_account_names_migration(url)
