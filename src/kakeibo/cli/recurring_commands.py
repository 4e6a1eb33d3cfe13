"""The recurring commands: the series detection found in the books, the payments expected soon, and dismissing
a series that is none."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

# Detection and the ledger's models load when a command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.planning import recurring_service as recurring
else:
    recurring = lazy("kakeibo.planning.recurring_service")

recurring_app = typer.Typer(
    rich_markup_mode=None, help="Recurring payments, income and transfers, found in the books by themselves."
)

# The fields `recurring list --json` prints: a contract other tools rely on (the API adds a few more).
LIST_FIELDS = (
    *("id", "payee", "category", "account", "kind", "cadence", "amount", "currency", "last_date", "next_date"),
    *("next_amount", "yearly_cost", "status", "count"),
)


@recurring_app.command("list")
def recurring_list(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include ended and dismissed series.")] = False,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Every recurring series, by next expected date."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        shown = [
            recurring.series_out(one)
            for one in recurring.list_series(
                books.session, household_id=books.household_id, today=clock.today(), include_hidden=all_
            )
        ]
    if opts.json:
        out.print_json([one.model_dump(mode="json", include=set(LIST_FIELDS)) for one in shown])
        return
    if not shown:
        out.echo("No recurring series found yet: they show once a payee is paid on a schedule twice or more.")
        return
    rows = [
        [s.id, s.payee, s.kind, s.cadence, f"{s.amount} {s.currency}", s.next_date.isoformat(), s.yearly_cost, s.status]
        for s in shown
    ]
    out.echo(out.table(["Id", "Payee", "Kind", "Cadence", "Amount", "Next", "Yearly", "Status"], rows, right=(4, 6)))


@recurring_app.command("upcoming")
def recurring_upcoming(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(min=1, max=366, help="How many days ahead, from today.")] = 30,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """The payments (and income) expected in the next days, by date."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        due = [
            recurring.upcoming_out(day, one)
            for day, one in recurring.upcoming_payments(
                books.session, household_id=books.household_id, today=clock.today(), days=days
            )
        ]
    if opts.json:
        out.print_json([one.model_dump(mode="json") for one in due])
        return
    if not due:
        out.echo(f"Nothing expected in the next {days} days.")
        return
    rows = [[d.date.isoformat(), d.payee, d.account, f"{d.amount} {d.currency}", d.cadence] for d in due]
    out.echo(out.table(["Date", "Payee", "Account", "Amount", "Cadence"], rows, right=(3,)))


@recurring_app.command("dismiss")
def recurring_dismiss(
    ctx: typer.Context,
    series_id: Annotated[str, typer.Argument(metavar="ID", help="A series' id, as `kakeibo recurring list` shows.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Dismiss a series that is none: it is kept as dismissed and never shown as detected again."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        one = recurring.series_out(
            recurring.dismiss(books.session, actor=books.actor, today=clock.today(), series_id=series_id.strip())
        )
    if opts.json:
        out.print_json(one.model_dump(mode="json", include=set(LIST_FIELDS)))
        return
    out.echo(f"Dismissed {one.payee} ({one.cadence}, {one.amount} {one.currency}); `--all` still lists it.")
