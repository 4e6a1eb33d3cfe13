"""Core pieces: money, settings and the database plumbing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

from kakeibo.all_models import Base
from kakeibo.core.errors import ConfigurationError, ValidationFailed
from kakeibo.core.money import Money, minor_to_str, parse_decimal
from kakeibo.core.settings import Settings


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("12.50", "USD", 1250),
        ("1200", "JPY", 1200),
        ("1.234", "BHD", 1234),
        ("-0.01", "EUR", -1),
        ("2,400.50", "USD", 240050),
    ],
)
def test_minor_units(amount: str, currency: str, minor: int) -> None:
    money = Money.of(amount, currency)
    assert money.minor == minor
    assert Money.from_minor(minor, currency) == money
    assert minor_to_str(minor, currency) == str(money.amount)


@pytest.mark.parametrize("bad", [12.5, True, "1e309", "NaN", "Infinity", "", "12,5", "1.2.3", "0x10"])
def test_money_refuses_floats_and_nonsense(bad: object) -> None:
    with pytest.raises(ValidationFailed):
        parse_decimal(bad)


def test_money_refuses_extra_decimals_and_mixing() -> None:
    with pytest.raises(ValidationFailed, match="more decimals than JPY"):
        Money.of("10.5", "JPY")
    with pytest.raises(ValueError, match="cannot combine"):
        _ = Money.of("1", "USD") + Money.of("1", "EUR")
    with pytest.raises(TypeError):
        Money(1.5, Money.of("1", "USD").currency)  # type: ignore[arg-type]
    assert Money.of("1.10", "USD") + Money.of("2.20", "USD") == Money.of(Decimal("3.30"), "USD")


def test_secret_key_rules(tmp_path: Path) -> None:
    embedded = Settings(data_dir=tmp_path, database_url=None, secret_key=None)
    generated = embedded.resolved_secret_key()
    assert len(generated) >= 32 and (tmp_path / "secret_key").read_text() == generated
    assert embedded.resolved_secret_key() == generated  # stable across restarts
    with pytest.raises(ConfigurationError):
        Settings(data_dir=tmp_path, database_url="postgresql://db/x", secret_key=None).resolved_secret_key()
    for unsafe in ("", "changeme", "short"):
        with pytest.raises(ConfigurationError):
            Settings(data_dir=tmp_path, secret_key=unsafe).resolved_secret_key()


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrations_match_the_models(engine: Engine) -> None:
    """The schema the migrations build is the schema the code expects (no forgotten `make schema`)."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_concurrent_sqlite_writers_wait_instead_of_failing(tmp_path: Path) -> None:
    """Writers that read first and write later must not hit SQLITE_BUSY when another writer commits between."""
    import datetime as dt
    import threading

    from kakeibo.auth.service import register
    from kakeibo.core.actor import Actor
    from kakeibo.core.db import make_engine, migrate, unit_of_work
    from kakeibo.ledger import queries
    from kakeibo.ledger import service as ledger
    from kakeibo.ledger.schemas import AccountCreate, TransactionCreate

    url = f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    with unit_of_work(engine) as session:
        user, household = register(session, email="c@example.com", password=None)
        account = ledger.create_account(session, actor=Actor(household.id, user.id), data=AccountCreate(name="Cash"))
        ids = (household.id, user.id, account.id)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(15):
                with unit_of_work(engine) as session:
                    queries.balances(session, household_id=ids[0])  # a read before the write
                    ledger.create_transaction(
                        session,
                        actor=Actor(ids[0], ids[1]),
                        data=TransactionCreate(type="expense", account=ids[2], amount="1.00", date=dt.date(2026, 1, 5)),
                    )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with unit_of_work(engine) as session:
        balance = queries.balance_minor_by_account(session, household_id=ids[0], at=dt.date(2026, 12, 31))
        assert balance[ids[2]] == -6000
    engine.dispose()


def test_after_commit_hooks_run_once_the_write_landed_and_after_rollback_ones_when_it_did_not(tmp_path: Path) -> None:
    from kakeibo.core.db import after_commit, after_rollback, make_engine, migrate, session_factory, session_scope

    url = f"sqlite:///{tmp_path / 'hooks.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    factory = session_factory(engine)
    seen: list[str] = []
    with session_scope(factory, write=True) as session:
        after_commit(session, lambda: seen.append("committed"))
        after_rollback(session, lambda: seen.append("rolled back"))
        assert seen == []  # nothing runs before the commit
    assert seen == ["committed"]
    with pytest.raises(RuntimeError), session_scope(factory, write=True) as session:
        after_commit(session, lambda: seen.append("never"))
        after_rollback(session, lambda: seen.append("rolled back"))
        raise RuntimeError("the write fails")
    assert seen == ["committed", "rolled back"]
    engine.dispose()
