"""Options shared by many commands, and how a command reads them together with the global ones."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from kakeibo.cli.context import Options
from kakeibo.ledger.kinds import AccountSubtype as AccountSubtype  # the options use the ledger's own names

UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        metavar="EMAIL",
        help="Act as this user (default: KAKEIBO_CLI_USER, else the local owner while the only user).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document (amounts as decimal strings).")]
TodayOption = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Take this date as today (for dates and defaults).")
]


class MoneyKind(enum.StrEnum):
    asset = "asset"
    liability = "liability"


class EntryKind(enum.StrEnum):
    expense = "expense"
    income = "income"
    transfer = "transfer"


class ExportFormat(enum.StrEnum):
    ledger = "ledger"
    beancount = "beancount"
    csv = "csv"


def options(ctx: typer.Context, *, user: str | None = None, json: bool = False, today: str | None = None) -> Options:
    """The global options (`kakeibo --json ...`) overridden by the command's own (`kakeibo ... --json`)."""
    base = ctx.find_root().obj
    return (base if isinstance(base, Options) else Options()).merged(user=user, json=json, today=today)
