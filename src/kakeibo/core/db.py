"""Database plumbing: declarative base with a naming convention, engines, sessions, bulk inserts and migrations."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, DateTime, Engine, MetaData, Table, create_engine, event, insert, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.types import TypeDecorator

from kakeibo.core import clock
from kakeibo.core.errors import Conflict, ServiceBusy
from kakeibo.core.files import ensure_private_file, private_dir

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a real BIGINT identity.
BigId = BigInteger().with_variant(sqlite.INTEGER(), "sqlite")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on both SQLite (which stores naive text) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class JSONType(TypeDecorator[Any]):
    """JSON documents: JSONB on PostgreSQL, JSON text on SQLite."""

    impl = sqlite.JSON(none_as_null=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        # None is stored as SQL NULL, not as the JSON document `null`.
        if dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql  # not loaded by the CLI on SQLite

            return dialect.type_descriptor(postgresql.JSONB(none_as_null=True))
        return dialect.type_descriptor(sqlite.JSON(none_as_null=True))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class IdMixin:
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=clock.now, nullable=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _sqlite_begin); the driver's own transaction handling would get in the way.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(WRITE_WAIT_SECONDS * 1000)}")  # writers in other processes
    cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB page cache (the OS caches the file too)
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()
    # SQLite's own lower() folds ASCII only; names like "Épicerie" must match "épicerie" as on PostgreSQL.
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_begin(connection: Any) -> None:
    """Writers start with BEGIN IMMEDIATE: they take SQLite's write lock up front and wait for it (busy_timeout)
    instead of failing when another writer commits between their first read and their first write."""
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


WRITE = {"sqlite_begin": "IMMEDIATE"}
# How long a writer waits for its turn before the request is answered 503 (SQLite's own busy timeout is the same).
WRITE_WAIT_SECONDS = 10.0


class WriterQueue:
    """First come, first served: the writers of one SQLite database in this process take turns in arrival order.

    SQLite admits one writer at a time, and its busy handler makes the others poll with growing sleeps, so under
    load an unlucky writer can sleep past the busy timeout while newcomers keep winning (the probe saw 16 writers
    get 500s and a p99 of 5 s). Queueing them here first hands the lock over in order, without sleeping, and
    leaves SQLite's busy timeout for writers in other processes (a CLI command beside the server)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._busy = False
        self._waiting: deque[threading.Event] = deque()

    def acquire(self, timeout: float) -> bool:
        # Not tied to a thread: a request's session is opened and closed by different worker threads.
        with self._mutex:
            if not self._busy:
                self._busy = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if not turn.wait(timeout):
            with self._mutex:
                if not turn.is_set():  # still waiting: give up the place in the queue
                    self._waiting.remove(turn)
                    return False
        return True

    def release(self) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().set()  # handed straight to the next in line: never free in between
            else:
                self._busy = False


_WRITER_QUEUES: weakref.WeakKeyDictionary[Engine, WriterQueue] = weakref.WeakKeyDictionary()
_QUEUES_LOCK = threading.Lock()


def _writer_queue(session: Session) -> WriterQueue | None:
    """The queue of a SQLite engine's writers; None for PostgreSQL (its writers run side by side, serialized per
    household by `lock_household`) and for a session bound to a connection (a test's, shared and rolled back)."""
    bind = session.get_bind()
    if not isinstance(bind, Engine) or bind.dialect.name != "sqlite":
        return None
    with _QUEUES_LOCK:
        queue = _WRITER_QUEUES.get(bind)
        if queue is None:
            queue = _WRITER_QUEUES[bind] = WriterQueue()
        return queue


def begin_write(session: Session) -> None:
    """Declare that this session's transaction writes (on SQLite it takes the write lock up front)."""
    session.info["writes"] = True
    if session.get_bind().dialect.name == "sqlite" and not session.in_transaction():
        session.connection(execution_options=WRITE)


def lock_household(session: Session, *, household_id: int, wait_seconds: float | None = None) -> None:
    """Serialize this transaction with every other writer of the same household until it commits or rolls back.

    SQLite already runs one writer at a time (BEGIN IMMEDIATE). PostgreSQL runs writers side by side, so a
    read-then-write — confirm a proposal, undo a group, import a file, apply rules — could interleave with its
    double-click twin and both would pass their checks. A transaction-scoped advisory lock keyed by the household
    makes PostgreSQL do what SQLite does, for one household at a time: the second writer waits, then reads what the
    first one committed. Callers take it at the start of the write, before they read what they will decide on.

    A writer waits `wait_seconds` (default: as long as a SQLite writer waits for its turn) and then fails with
    PostgreSQL's lock_not_available, which the API answers 503 with Retry-After."""
    if session.get_bind().dialect.name == "postgresql":
        wait_ms = int((WRITE_WAIT_SECONDS if wait_seconds is None else wait_seconds) * 1000)
        # SET LOCAL lasts until this transaction ends; it also bounds the row locks the write takes after this.
        session.execute(text(f"SET LOCAL lock_timeout = {wait_ms}"))
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": household_id})


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not path.startswith("file:"):
            # 0600 before SQLite first opens it (its -wal and -shm files take the database file's mode).
            ensure_private_file(private_dir(Path(path).parent) / Path(path).name)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True, **kwargs)


@lru_cache
def get_engine(url: str) -> Engine:
    return make_engine(url)


def is_writing(session: Session) -> bool:
    """Whether the session was opened to write (see `begin_write`)."""
    return bool(session.info.get("writes"))


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run `callback` once this session's transaction has committed (by its session scope), in order; not at all
    when it rolls back. Jobs are handed to their runner this way, so a job never starts for a write that did not
    land, and a service never commits to get there."""
    session.info.setdefault("after_commit", []).append(callback)


def after_rollback(session: Session, callback: Callable[[], None]) -> None:
    """Run `callback` if this session's transaction rolls back (to remove what the write would have owned, such
    as an uploaded file no job row will ever point to)."""
    session.info.setdefault("after_rollback", []).append(callback)


def _run_hooks(session: Session, name: str) -> None:
    hooks: list[Callable[[], None]] = session.info.pop(name, [])
    session.info.pop("after_rollback" if name == "after_commit" else "after_commit", None)
    for hook in hooks:
        if name == "after_commit":
            hook()  # its failure is the caller's to hear (a job its runner could not take: 503)
            continue
        try:
            hook()
        except Exception:  # cleaning up after a failure must not hide the failure itself
            log.exception("an after-rollback hook failed")


@contextmanager
def session_scope(
    factory: sessionmaker[Session], *, write: bool, wait_seconds: float | None = None
) -> Iterator[Session]:
    """The edge's transaction: commit on success, roll back on any error, then run the session's after-commit (or
    after-rollback) hooks. A writer on SQLite first waits for its turn among this process's writers
    (`wait_seconds`, default WRITE_WAIT_SECONDS; a job may wait longer)."""
    session = factory()
    queue = _writer_queue(session) if write else None
    if queue is not None and not queue.acquire(WRITE_WAIT_SECONDS if wait_seconds is None else wait_seconds):
        session.close()
        raise ServiceBusy("the database is busy with other changes; try again in a moment")
    committed = False
    try:
        if write:
            begin_write(session)
        yield session
        session.commit()
        committed = True
    except StaleDataError as exc:
        session.rollback()
        raise Conflict("this was changed by someone else at the same moment; reload and try again") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        if queue is not None:
            queue.release()  # before the hooks: a job they start may need the write lock at once
        _run_hooks(session, "after_commit" if committed else "after_rollback")


def unit_of_work(engine: Engine) -> AbstractContextManager[Session]:
    """A writing transaction for jobs and the CLI."""
    return session_scope(session_factory(engine), write=True)


def migrate(url: str, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` with Alembic (the only way schemas are built)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).resolve().parent.parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, revision)


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]], *, on_conflict: str = "") -> None:
    """Insert many rows as fast as the driver allows.

    On SQLite, SQLAlchemy's per-row parameter processing costs more than the insert itself, so the rows go to the
    driver's executemany with each column's own bind processor applied (the stored values are identical). On
    PostgreSQL, SQLAlchemy's batched multi-row VALUES path is already the fast one."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        assert not on_conflict, "raw upserts are for SQLite; PostgreSQL takes SQLAlchemy's statement"
        connection.execute(insert(table), rows)
        return
    columns = [c for c in table.columns if c.name in rows[0]]
    names = [c.name for c in columns]
    converters = [
        (index, proc)
        for index, proc in enumerate(c.type._cached_bind_processor(dialect) for c in columns)
        if proc is not None
    ]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) {on_conflict}"
    # Column by column: each distinct value (batches repeat dates, flags and timestamps) is converted once.
    columns_values = [[row[name] for row in rows] for name in names]
    for index, proc in converters:
        values = columns_values[index]
        try:
            converted = {value: proc(value) for value in set(values)}
        except TypeError:  # unhashable (a JSON document)
            columns_values[index] = [proc(value) for value in values]
        else:
            columns_values[index] = [converted[value] for value in values]
    params = list(zip(*columns_values, strict=True))
    connection.exec_driver_sql(sql, params)
