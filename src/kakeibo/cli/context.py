"""Who the CLI acts as and on which database: settings, the schema check, the local owner, and the transaction."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import kakeibo.migrations
from kakeibo.cli.lazy import lazy
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Forbidden, KakeiboError, NotFound, ValidationFailed
from kakeibo.core.limits import check_date

# The database, the schema check and the users are imported when a command opens the books, not at start-up.
if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from kakeibo.auth import service as auth
    from kakeibo.auth.models import Household, User
    from kakeibo.core.settings import Settings
else:
    auth = lazy("kakeibo.auth.service")


class SchemaMissing(KakeiboError):
    status_code = 503
    type = "/problems/schema-missing"
    title = "Database not migrated"


@dataclass(slots=True)
class Options:
    """The options every command may take, given before the command (`kakeibo --json balance`) or after it."""

    user: str | None = None
    json: bool = False
    today: dt.date | None = None

    def merged(self, *, user: str | None = None, json: bool = False, today: str | None = None) -> Options:
        return Options(
            user=user or self.user,
            json=json or self.json,
            today=parse_date(today, field="today") if today else self.today,
        )


@dataclass(slots=True)
class Ledger:
    """One command's view of the books: an open session, the household acted in, and the actor for writes."""

    session: Session
    user: User
    household: Household
    actor: Actor
    settings: Settings = field(repr=False)

    @property
    def household_id(self) -> int:
        return self.household.id

    @property
    def currency(self) -> str:
        return self.household.base_currency


def parse_date(text: str, *, field: str = "date") -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed(f"{field} {text!r} is not a date such as 2026-10-31", field=field) from None
    return check_date(day, field=field)  # the same range of dates as the API


def display_url(url: str) -> str:
    """The database URL without its password, fit to print."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


# ---- the schema -----------------------------------------------------------------------------------------------
_REVISION = re.compile(r"^revision(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


def _head_revisions() -> set[str]:
    """The migration scripts' heads, read from their `revision` and `down_revision` lines: asking alembic (importing
    it and compiling every script) costs more than the rest of a command like `kakeibo balance`. A script this
    cannot read sends the question to alembic."""
    folder = Path(kakeibo.migrations.__file__).resolve().parent / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in folder.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            return _alembic_heads()
        revisions.add(revision.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def _alembic_heads() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(Path(kakeibo.migrations.__file__).resolve().parent))
    return set(script.get_heads())


def schema_is_current(engine: Engine) -> bool:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        current = set(connection.scalars(text("SELECT version_num FROM alembic_version")))
    return current == _head_revisions()


def ensure_schema(settings: Settings) -> Engine:
    """The engine, with the schema at the latest revision.

    A SQLite database is created or brought up to date on the spot, so a user's first command just works; a
    shared database (PostgreSQL) is migrated only on purpose, with `kakeibo migrate`, because several servers
    may be running against it."""
    from kakeibo.core.db import get_engine, migrate
    from kakeibo.tasks import connect

    connect()  # every command that opens the database goes through here: the domains' hooks are connected first
    url = settings.resolved_database_url
    engine = get_engine(url)
    if schema_is_current(engine):
        return engine
    if not is_sqlite(url):
        raise SchemaMissing(f"the database {display_url(url)} is not migrated to this version; run `kakeibo migrate`")
    migrate(url)
    return engine


# ---- who acts -------------------------------------------------------------------------------------------------
def _create_local_owner_if_no_users(engine: Engine, settings: Settings) -> None:
    from kakeibo.core.db import session_factory, unit_of_work

    with session_factory(engine)() as session:
        if auth.first_users(session, limit=1):
            return
    with unit_of_work(engine) as session:
        # Checked again under the write lock: another process may have been first.
        if not auth.first_users(session, limit=1):
            auth.get_or_create_local_owner(session, base_currency=settings.base_currency)


def resolve_user(session: Session, *, email: str | None) -> User:
    """`--user EMAIL` (or KAKEIBO_CLI_USER), else the local owner, but only while they are the only user.

    Anyone may register through the API, and a command that picked "some user" by itself could put the
    operator's import into a stranger's household. So once anyone else exists, the command must be told who
    acts."""
    if email is not None:
        user = auth.get_user_by_email(session, email)
        if user is None:
            raise NotFound(f"no user {email!r}; create one with `kakeibo user create {email}`", field="user")
        return user
    users = auth.first_users(session, limit=3)
    if len(users) == 1 and users[0].email == auth.LOCAL_OWNER_EMAIL:
        return users[0]
    if not users:
        raise NotFound("there are no users yet; create one with `kakeibo user create EMAIL`", field="user")
    named = ", ".join(u.email for u in users[:2]) + (", ..." if len(users) > 2 else "")
    raise ValidationFailed(
        f"say who acts: pass --user EMAIL or set KAKEIBO_CLI_USER (users: {named}); commands act as the local "
        f"owner by themselves only while {auth.LOCAL_OWNER_EMAIL} is the only user",
        field="user",
    )


@contextmanager
def open_ledger(options: Options, *, write: bool) -> Iterator[Ledger]:
    """A session acting as the chosen user in their default household.

    Writes run in one transaction (committed when the command succeeds, rolled back on any error) and then say
    on stderr whom they acted as (so --json output stays one clean document); reads run in a transaction that
    is rolled back, so they never hold SQLite's write lock."""
    from kakeibo.core.db import session_factory, unit_of_work
    from kakeibo.core.settings import get_settings

    settings = get_settings()
    clock.pin(options.today)
    engine = ensure_schema(settings)
    email = options.user or settings.cli_user
    if email is None:
        _create_local_owner_if_no_users(engine, settings)
    if write:
        with unit_of_work(engine) as session:
            ledger = _ledger(session, email, settings, write=True)
            acted_as = f"{ledger.user.email} in {ledger.household.name}"  # read now: the command may expire them
            yield ledger
        # Once the change landed (an error's stderr stays its one `error:` line).
        sys.stderr.write(f"acting as {acted_as}\n")
    else:
        with session_factory(engine)() as session:
            yield _ledger(session, email, settings, write=False)


def _ledger(session: Session, email: str | None, settings: Settings, *, write: bool) -> Ledger:
    user = resolve_user(session, email=email)
    household = auth.default_household(session, user)
    role = auth.role_in(session, user_id=user.id, household_id=household.id)
    if write:
        if not auth.can_write(role):
            raise Forbidden(f"{user.email} is a {role.value} of {household.name} and may not change it")
        # Serialized with the household's other writers (a server's requests and jobs), as a request is.
        from kakeibo.core.db import lock_household

        lock_household(session, household_id=household.id)
    # The command's one Actor: every service below takes the household and its currency from it.
    actor = Actor(
        household_id=household.id,
        user_id=user.id,
        base_currency=household.base_currency,
        role=role.value,
        can_write=auth.can_write(role),
        via="cli",
        source="cli",
    )
    return Ledger(session=session, user=user, household=household, actor=actor, settings=settings)
