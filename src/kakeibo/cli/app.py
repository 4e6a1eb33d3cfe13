"""The `kakeibo` command: serve, migrate, demo data, users, the ledger, export, undo and backup."""

from __future__ import annotations

import datetime as dt
import enum
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

import kakeibo
from kakeibo.cli import (
    anomaly_commands,
    assistant_commands,
    budget_commands,
    goal_commands,
    health_commands,
    import_commands,
    insight_commands,
    ledger_commands,
    recurring_commands,
)
from kakeibo.cli import output as out
from kakeibo.cli.context import Options, display_url, ensure_schema, is_sqlite, open_ledger, parse_date, sqlite_path
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock
from kakeibo.core.errors import ConfigurationError, Conflict, Forbidden, KakeiboError, NotFound
from kakeibo.core.files import create_private_file

# The database, the settings (pydantic) and the services load when a command runs, never for `--version` or
# `--help` (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.core import db
    from kakeibo.core import settings as config
else:
    db = lazy("kakeibo.core.db")
    config = lazy("kakeibo.core.settings")

app = typer.Typer(
    # Plain click help: rendering it with rich costs a tenth of a second at every `--help`.
    rich_markup_mode=None,
    name="kakeibo",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # expected errors print one line; see main()
)
user_app = typer.Typer(rich_markup_mode=None, help="Manage users.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(ledger_commands.account_app, name="account", no_args_is_help=True)
app.add_typer(ledger_commands.category_app, name="category", no_args_is_help=True)
app.add_typer(ledger_commands.tx_app, name="tx", no_args_is_help=True)
app.add_typer(ledger_commands.report_app, name="report", no_args_is_help=True)
app.command("import")(import_commands.import_command)
app.add_typer(assistant_commands.assistant_app, name="assistant", no_args_is_help=True)
app.command("ask")(assistant_commands.ask)
app.add_typer(budget_commands.budget_app, name="budget", no_args_is_help=True)
app.add_typer(goal_commands.goal_app, name="goal", no_args_is_help=True)
app.add_typer(recurring_commands.recurring_app, name="recurring", no_args_is_help=True)
app.command("forecast")(insight_commands.forecast_command)
app.command("health")(health_commands.health_command)
app.command("scorecard")(health_commands.scorecard_command)
app.command("insights")(health_commands.insights_command)
app.add_typer(anomaly_commands.anomalies_app, name="anomalies")


def _version(value: bool) -> None:
    if value:
        out.echo(f"kakeibo {kakeibo.__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """kakeibo: a household's double-entry ledger.

    Works on KAKEIBO_DATABASE_URL (default: a SQLite file in KAKEIBO_DATA_DIR, created on first use).

    Acts as --user EMAIL (or KAKEIBO_CLI_USER); without either, as the local owner while they are the only user."""
    ctx.obj = Options(user=user, json=json, today=parse_date(today, field="today") if today else None)


# ---- serving and the schema -----------------------------------------------------------------------------------
@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(metavar="HOST", help="Interface to listen on (default: KAKEIBO_HOST, 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(metavar="PORT", help="Port (default: KAKEIBO_PORT, 8000).")] = None,
    reload: Annotated[bool, typer.Option(help="Restart when the code changes (development).")] = False,
) -> None:
    """Migrate the database, then serve the API (and the web app once built)."""
    import uvicorn  # the server's imports are not needed by any other command

    settings = config.get_settings()
    settings.resolved_secret_key()  # refuse to start without a usable signing key, before anything else
    url = settings.resolved_database_url
    db.migrate(url)
    bind_host, bind_port = host or settings.host, port or settings.port
    # A wildcard address is not one a browser can open; show the loopback address instead.
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(bind_host, bind_host)
    base = f"http://{shown}:{bind_port}"
    out.echo(f"kakeibo {kakeibo.__version__} is serving {base}")
    out.echo(f"  API docs    {base}/docs")
    out.echo(f"  database    {display_url(url)}")
    from kakeibo.cli.demo import DEMO_EMAIL, DEMO_PASSWORD, demo_user_exists

    with db.session_factory(ensure_schema(settings))() as session:
        if demo_user_exists(session):
            out.echo(f"  demo login  {DEMO_EMAIL} / {DEMO_PASSWORD}")
    out.echo()
    sys.stdout.flush()
    uvicorn.run(
        "kakeibo.api.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        reload=reload,
        # X-Forwarded-For is handled by the app, and only from KAKEIBO_TRUSTED_PROXIES; uvicorn's own handling
        # would believe any local process (it trusts 127.0.0.1 by default).
        proxy_headers=False,
        # Watch the package, wherever the command was started from.
        reload_dirs=[str(Path(kakeibo.__file__).resolve().parent)] if reload else None,
    )


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Jobs run at once.")] = 2,
    queues: Annotated[str, typer.Option(help="Queues to consume.")] = "import,ai,default",
    beat: Annotated[
        bool, typer.Option("--beat", "-B", help="Also send the schedules' ticks (Celery beat, in this worker).")
    ] = False,
) -> None:
    """Run jobs (imports; the language model's categorizing) from the Celery queues: scale mode, with
    KAKEIBO_REDIS_URL and PostgreSQL. With --beat it also starts the jobs of due schedules."""
    from kakeibo.jobs.worker import run_worker
    from kakeibo.tasks import register_all

    settings = _scale_mode_settings("worker")
    ensure_schema(settings)
    register_all(settings)
    run_worker(settings, concurrency=concurrency, queues=queues, beat=beat)


@app.command("beat")
def beat_command() -> None:
    """Send the schedules' ticks to the workers (Celery beat on its own, for when no worker runs --beat). Any
    number of beats may run: each due time of a schedule starts one job."""
    from kakeibo.jobs.worker import run_beat

    run_beat(_scale_mode_settings("beat"))


def _scale_mode_settings(command: str) -> config.Settings:
    settings = config.get_settings()
    if not settings.redis_url:
        raise ConfigurationError(
            f"kakeibo {command} needs KAKEIBO_REDIS_URL; without it, kakeibo serve runs jobs itself"
        )
    if is_sqlite(settings.resolved_database_url):
        raise ConfigurationError(
            f"kakeibo {command} needs PostgreSQL (KAKEIBO_DATABASE_URL); on SQLite, kakeibo serve runs jobs itself"
        )
    return settings


@app.command("migrate")
def migrate_command() -> None:
    """Create the schema or bring it to the latest version (needed once per upgrade for PostgreSQL)."""
    url = config.get_settings().resolved_database_url
    db.migrate(url)
    out.echo(f"The database {display_url(url)} is at the latest schema.")


# ---- demo data ------------------------------------------------------------------------------------------------
@app.command()
def demo(
    ctx: typer.Context,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Do nothing if the demo user already exists.")] = False,
    years: Annotated[int, typer.Option(min=1, max=10, metavar="N", help="How many years of history, up to today.")] = 2,
    seed: Annotated[
        int | None, typer.Option(metavar="N", help="Random seed; the same seed gives the same data.")
    ] = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Load a demo household: two earners, rent, groceries, coffee, bills, trips, a card paid monthly, savings."""
    from kakeibo.cli.demo import DEFAULT_SEED, DEMO_EMAIL, DEMO_PASSWORD, demo_user_exists, load_demo

    opts = options(ctx, json=json, today=today)
    clock.pin(opts.today)
    engine = ensure_schema(config.get_settings())
    with db.unit_of_work(engine) as session:
        if demo_user_exists(session):
            if if_empty:
                out.echo(f"The demo household is already loaded (login {DEMO_EMAIL} / {DEMO_PASSWORD}).")
                return
            raise Conflict(f"the demo household already exists (login {DEMO_EMAIL} / {DEMO_PASSWORD})")
        result = load_demo(session, months=12 * years, seed=DEFAULT_SEED if seed is None else seed)
    if opts.json:
        out.print_json(
            {
                "email": result.email,
                "password": result.password,
                "household": result.household,
                "household_id": result.household_id,
                "currency": result.currency,
                "accounts": result.accounts,
                "start": result.start,
                "end": result.end,
                "transactions": result.transactions,
                "group_id": result.group_id,
            }
        )
        return
    out.echo(f"Loaded the demo household: {result.transactions:,} transactions from {result.start} to {result.end}.")
    out.echo(f"  login       {result.email} / {result.password}")
    out.echo(f"  household   {result.household} ({result.currency})")
    out.echo(f"  accounts    {', '.join(result.accounts)}")
    out.echo(f"  try         kakeibo --user {result.email} report month")


# ---- users ----------------------------------------------------------------------------------------------------
@user_app.command("create")
def user_create(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The sign-in email.")],
    password: Annotated[
        str | None, typer.Option(metavar="PASSWORD", help="At least 8 characters (prompted for when omitted).")
    ] = None,
    name: Annotated[str, typer.Option(metavar="NAME", help="Display name (default: the email's local part).")] = "",
    household: Annotated[str | None, typer.Option(metavar="NAME", help="Their household's name.")] = None,
    currency: Annotated[
        str | None, typer.Option(metavar="CODE", help="The household's base currency (default: KAKEIBO_BASE_CURRENCY).")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Create a user who owns a new household, seeded with the default categories."""
    from kakeibo.auth import service as auth

    opts = options(ctx, json=json)
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    settings = config.get_settings()
    address = auth.normalize_email(email)
    # Hashed before the transaction: SQLite's write lock is not held while argon2 works.
    password_hash = auth.new_password_hash(password, email=address, display_name=name)
    with db.unit_of_work(ensure_schema(settings)) as session:
        user, home = auth.register(
            session,
            email=address,
            password_hash=password_hash,
            display_name=name,
            household_name=household,
            base_currency=currency or settings.base_currency,
        )
        shown = {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "household": {"id": home.id, "name": home.name, "base_currency": home.base_currency},
        }
    if opts.json:
        out.print_json(shown)
        return
    out.echo(f"Created {user.email}, owner of {home.name} ({home.base_currency}).")
    out.echo(f"  act as them with --user {user.email} (or KAKEIBO_CLI_USER={user.email})")


class InvitedRole(enum.StrEnum):
    owner = "owner"
    member = "member"
    viewer = "viewer"


@user_app.command("invite")
def user_invite(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Whom to invite.")],
    role: Annotated[InvitedRole, typer.Option(help="Their role in the household.")] = InvitedRole.member,
    user: UserOption = None,
    json: JsonOption = False,
) -> None:
    """Invite someone into the acting user's household (they must own it): prints a one-time token and the
    sign-up link, valid for seven days. They register with it, or accept it while signed in."""
    from kakeibo.auth import service as auth
    from kakeibo.auth.models import Role

    opts = options(ctx, user=user, json=json)
    with open_ledger(opts, write=True) as books:
        role_here = auth.role_in(books.session, user_id=books.user.id, household_id=books.household_id)
        if role_here != Role.owner:
            raise Forbidden(
                f"{books.user.email} is a {role_here.value} of {books.household.name}; only an owner invites"
            )
        invitation, token = auth.create_invitation(
            books.session,
            household_id=books.household_id,
            invited_by=books.user.id,
            email=email,
            role=Role(role.value),
        )
        shown = {
            "id": invitation.id,
            "email": invitation.email,
            "role": invitation.role.value,
            "household": {"id": books.household_id, "name": books.household.name},
            "expires_at": invitation.expires_at.isoformat(),
            "token": token,
            "link": f"/signup?invitation={token}",
        }
    if opts.json:
        out.print_json(shown)
        return
    until = invitation.expires_at.date().isoformat()
    out.echo(f"Invited {invitation.email} into {books.household.name} as {invitation.role.value}, until {until}.")
    out.echo(f"  sign-up link  /signup?invitation={token}   (on this server's address)")
    out.echo(f"  token         {token}")


# ---- the ledger (its groups are added at the top: account, category, tx, report) ---------------------------------------
app.command("balance")(ledger_commands.balance)
app.command("export")(ledger_commands.export)
app.command("undo")(ledger_commands.undo)


# ---- backup ---------------------------------------------------------------------------------------------------
@app.command()
def backup(
    output: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Where to write (default: a timestamped file in the data dir).")
    ] = None,
) -> None:
    """Copy the database consistently, even while the server is writing to it."""
    settings = config.get_settings()
    url = settings.resolved_database_url
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if is_sqlite(url):
        source = sqlite_path(url)
        if source is None or not source.exists():
            raise NotFound(f"there is no database file to back up at {source}")
        target = output or settings.data_dir / f"kakeibo-backup-{stamp}.sqlite3"
        _backup_sqlite(source, target)
        out.echo(f"Backed up {source} to {target} ({target.stat().st_size:,} bytes).")
        return
    target = output or settings.data_dir / f"kakeibo-backup-{stamp}.dump"
    _backup_postgres(url, target)
    out.echo(f"Backed up {display_url(url)} to {target} ({target.stat().st_size:,} bytes; restore with pg_restore).")


def _backup_sqlite(source: Path, target: Path) -> None:
    if target.exists():
        raise Conflict(f"{target} already exists; choose another --output")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)  # left by a copy that was killed
    os.close(create_private_file(partial))  # 0600 before the first byte of the books is in it
    try:
        # SQLite's online backup copies a consistent snapshot while other connections keep writing (WAL).
        with closing(sqlite3.connect(source, timeout=30)) as live, closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)
            # One self-contained file, not a database that expects a -wal file beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
            if copy.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise KakeiboError(f"the copy of {source} failed its integrity check")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _backup_postgres(url: str, target: Path) -> None:
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    pg_dump = shutil.which("pg_dump")
    libpq_url = parts.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    if pg_dump is None:
        raise KakeiboError(
            "this database is PostgreSQL, which kakeibo does not copy itself: install pg_dump and run "
            f"`pg_dump --format=custom --file=kakeibo.dump '{libpq_url}'`"
        )
    if target.exists():
        raise Conflict(f"{target} already exists; choose another --output")
    os.close(create_private_file(target))  # pg_dump writes into it and keeps its 0600
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = str(parts.password)  # not on the command line, where other users could read it
    finished = subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}", f"--dbname={libpq_url}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        target.unlink(missing_ok=True)
        reason = (finished.stderr.strip().splitlines() or ["no message"])[-1]
        raise KakeiboError(f"pg_dump failed: {reason}")


# ---- integrity ------------------------------------------------------------------------------------------------
@app.command()
def check(
    ctx: typer.Context,
    household: Annotated[
        int | None, typer.Option(metavar="ID", help="Check this household only (default: every household).")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Check the books' invariants in every household: rollups equal postings, every transaction balances, no
    stray postings, every undo whole and once. Exits with status 1 when any fails."""
    from kakeibo.core.db import session_scope
    from kakeibo.ledger.integrity import SHOWN, check_books

    opts = options(ctx, json=json)
    with session_scope(db.session_factory(ensure_schema(config.get_settings())), write=False) as session:
        report = check_books(session, household_ids=None if household is None else [household])
    if opts.json:
        out.print_json(report.as_dict())
    else:
        for item in report.checks:
            shown = len(item.problems)
            state = (
                "ok" if item.ok else f"FAILED: {shown}{'+' if shown >= SHOWN else ''} problem{'s' if shown > 1 else ''}"
            )
            counted = f", {item.checked:,} checked" if item.checked else ""
            out.echo(f"{item.name:<9} {state:<20} {item.description}{counted}")
            for problem in item.problems:
                out.echo(f"    {problem}")
        out.echo(f"{report.households:,} households checked: {'all invariants hold' if report.ok else 'PROBLEMS'}")
    if not report.ok:
        raise typer.Exit(1)


# ---- entry point ----------------------------------------------------------------------------------------------
_FIELD_FLAGS = {"opening_balance": "--opening", "to_account": "--to-account", "email": "EMAIL", "name": "NAME"}


def _flag(field: str) -> str:
    return _FIELD_FLAGS.get(field, "--" + field.replace("_", "-"))


def _fail(message: str) -> NoReturn:
    out.error(message)
    sys.exit(1)


def _validation_message(exc: Any) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{message} ({_flag(field)})" if field and field not in message else message


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; expected errors print `error: ...` on stderr and exit with status 1, never a traceback."""
    try:
        app(args=argv, prog_name="kakeibo")
    except KakeiboError as exc:
        field = exc.field
        mentioned = field is None or any(name in exc.message for name in (field, field.replace("_", " "), _flag(field)))
        _fail(exc.message if mentioned else f"{exc.message} ({_flag(field or '')})")
    except BrokenPipeError:
        # `kakeibo export | head`: the reader left. Point stdout at devnull so the exit's flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        # pydantic's and the database driver's errors, told apart without importing either at start-up (an error
        # of a library that was never loaded cannot have been raised); anything else goes on up as it is.
        if _raised(exc, "pydantic", "ValidationError"):
            _fail(_validation_message(exc))
        if _raised(exc, "sqlalchemy.exc", "DBAPIError"):
            # The driver's first line says what went wrong (unreachable server, locked file, ...); the SQL does not.
            orig: Any = getattr(exc, "orig", None)
            reason = str(orig).strip().splitlines()[0] if orig is not None else str(exc)
            _fail(f"database error: {reason}")
        raise


def _raised(exc: BaseException, module: str, name: str) -> bool:
    loaded = sys.modules.get(module)
    kind = getattr(loaded, name, None) if loaded is not None else None
    return isinstance(kind, type) and isinstance(exc, kind)


if __name__ == "__main__":
    main()
