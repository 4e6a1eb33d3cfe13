"""Migrations keep what is stored: books written at an older schema are whole after `upgrade head`."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

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
        from sqlalchemy import create_engine

        admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        admin.dispose()
        _books_survive_the_account_names_migration(url)


def _payee_index(url: str) -> str | None:
    """The definition of the payee index (0010), or None when the database has none."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
            else:
                query = "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
            found = conn.execute(text(query), {"name": "ix_transactions_household_payee_live"}).scalar()
            return None if found is None else str(found)
    finally:
        engine.dispose()


def _payee_index_comes_and_goes(url: str) -> None:
    from alembic import command
    from alembic.config import Config

    import kakeibo.core.db as db

    migrate(url, "0009")
    assert _payee_index(url) is None
    migrate(url)
    made = _payee_index(url)
    assert made is not None and "lower(" in made.lower() and "deleted_at is null" in made.lower(), made
    config = Config()
    config.set_main_option("script_location", str(Path(db.__file__).resolve().parent.parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.downgrade(config, "0009")
    assert _payee_index(url) is None
    migrate(url)
    assert _payee_index(url) == made


def test_the_payee_index_migration_goes_up_and_down_on_sqlite(tmp_path: Path) -> None:
    _payee_index_comes_and_goes(f"sqlite:///{tmp_path / 'payee.sqlite3'}")


@pytest.mark.postgres
def test_the_payee_index_migration_goes_up_and_down_on_postgres() -> None:
    with postgres_database("kakeibo_migration_payee") as url:
        from sqlalchemy import create_engine

        admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        admin.dispose()
        _payee_index_comes_and_goes(url)
