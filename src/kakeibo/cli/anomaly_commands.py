"""`kakeibo anomalies`: what is unusual in a period (by default this month so far), each with its reasons and a
score, and `kakeibo anomalies dismiss ID` ("that's fine"), undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger, parse_date
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

# The books' reads and the statistics load when a command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.insights import anomaly_service as anomalies
else:
    anomalies = lazy("kakeibo.insights.anomaly_service")

# The fields `anomalies --json` prints: a contract other tools rely on (the API adds the id, kind and account).
FIELDS = ("transaction_id", "date", "payee", "amount", "category", "score", "reasons")

anomalies_app = typer.Typer(
    rich_markup_mode=None, help="What is unusual in the books, with its reasons; dismiss what is fine."
)


@anomalies_app.callback(invoke_without_command=True)
def anomalies_list(
    ctx: typer.Context,
    start: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="First day (default: the month's first).")
    ] = None,
    end: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Last day (default: today).")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """What is unusual from START through END (by default this month so far), highest score first."""
    if ctx.invoked_subcommand is not None:
        return
    opts = options(ctx, user=user, json=json, today=today)
    first = parse_date(start, field="start") if start else None
    last = parse_date(end, field="end") if end else None
    with open_ledger(opts, write=False) as books:
        found = anomalies.anomalies(
            books.session,
            household_id=books.household_id,
            currency=books.currency,
            today=clock.today(),
            start=first,
            end=last,
        )
    if opts.json:
        out.print_json([one.model_dump(mode="json", include=set(FIELDS)) for one in found])
        return
    if not found:
        out.echo("Nothing unusual.")
        return
    for one in found:
        who = one.payee or one.category or ""
        out.echo(f"{one.id}  {one.date.isoformat()}  {who}  {one.amount} {one.currency}  score {one.score:.2f}")
        for reason in one.reasons:
            out.echo(f"    {reason}")
    out.echo("\n`kakeibo anomalies dismiss ID` for one that is fine.")


@anomalies_app.command("dismiss")
def anomalies_dismiss(
    ctx: typer.Context,
    anomaly_id: Annotated[str, typer.Argument(metavar="ID", help="An anomaly's id, as `kakeibo anomalies` shows.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """That's fine: not flagged again, and its payee's threshold rises above its amount."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        one = anomalies.dismiss(
            books.session, actor=books.actor, currency=books.currency, today=clock.today(), anomaly_id=anomaly_id
        )
    if opts.json:
        out.print_json(one.model_dump(mode="json", include=set(FIELDS)))
        return
    who = one.payee or one.category or "it"
    out.echo(f"Dismissed {who} {one.amount} {one.currency} on {one.date.isoformat()}; `kakeibo undo` brings it back.")
