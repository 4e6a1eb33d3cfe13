"""Alembic environment: runs migrations against the URL the caller configured (see kakeibo.core.db.migrate)."""

from __future__ import annotations

from alembic import context

from kakeibo.all_models import Base
from kakeibo.core.db import make_engine
from kakeibo.core.settings import get_settings

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    url = config.get_main_option("sqlalchemy.url") or get_settings().resolved_database_url
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # A batch migration rebuilds a table: with foreign keys on, dropping the old copy would delete (CASCADE)
        # or refuse (RESTRICT) the rows that refer to it. Off for the migration (the pragma only takes effect
        # outside a transaction, so on the driver's own connection before SQLAlchemy begins one), checked after.
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    if sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.rollback()
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
        if broken:
            raise RuntimeError(f"the migration left rows that refer to nothing: {broken[:5]}")


run_migrations()
