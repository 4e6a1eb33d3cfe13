"""The recurring commands: the series detection found in the books, the payments expected soon (the bills calendar
with each account's lowest projected balance), subscriptions and alerts, and what a person says about a series
(dismiss, confirm, rename, end), each undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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


@recurring_app.command("subscriptions")
def recurring_subscriptions(
    ctx: typer.Context, user: UserOption = None, json: JsonOption = False, today: TodayOption = None
) -> None:
    """The subscriptions (recurring expenses still expected) and what they cost a month and a year."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        found = recurring.subscriptions_out(
            books.session, household_id=books.household_id, today=clock.today(), base_currency=books.currency
        )
    if opts.json:
        shown = found.model_dump(mode="json")
        shown["series"] = [one.model_dump(mode="json", include=set(LIST_FIELDS)) for one in found.series]
        out.print_json(shown)
        return
    if not found.series:
        out.echo("No subscriptions found yet: they show once a payee is charged on a schedule twice or more.")
        return
    rows = [
        [s.id, s.payee, s.cadence, f"{s.amount} {s.currency}", s.yearly_cost, s.next_date.isoformat()]
        for s in found.series
    ]
    out.echo(out.table(["Id", "Payee", "Cadence", "Amount", "Yearly", "Next"], rows, right=(3, 4)))
    totals = [found, *found.other_totals]
    out.echo(
        "\n".join(
            f"Total: {t.monthly_total} {t.currency} a month, {t.yearly_total} {t.currency} a year" for t in totals
        )
    )


@recurring_app.command("calendar")
def recurring_calendar(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(min=1, max=366, help="How many days ahead, from today.")] = 30,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """The bills calendar, and each account's lowest projected balance before its next income."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        found = recurring.calendar(books.session, household_id=books.household_id, today=clock.today(), days=days)
    if opts.json:
        out.print_json(found.model_dump(mode="json"))
        return
    if not found.items:
        out.echo(f"Nothing expected in the next {days} days.")
        return
    rows = [[d.date.isoformat(), d.payee, d.account, f"{d.amount} {d.currency}"] for d in found.items]
    out.echo(out.table(["Date", "Payee", "Account", "Amount"], rows, right=(3,)))
    lows = [
        [
            a.account,
            f"{a.balance} {a.currency}",
            f"{a.lowest_balance} {a.currency}",
            a.lowest_date.isoformat(),
            a.next_income_date.isoformat() if a.next_income_date else f"none in {days} days",
        ]
        for a in found.accounts
    ]
    out.echo("")
    out.echo(out.table(["Account", "Today", "Lowest", "On", "Next income"], lows, right=(1, 2)))


@recurring_app.command("alerts")
def recurring_alerts(
    ctx: typer.Context, user: UserOption = None, json: JsonOption = False, today: TodayOption = None
) -> None:
    """Price increases, late payments and new subscriptions, newest first."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        found = recurring.alerts_out(books.session, household_id=books.household_id, today=clock.today())
    if opts.json:
        out.print_json([one.model_dump(mode="json") for one in found])
        return
    out.echo("\n".join(f"{a.date.isoformat()}  {a.message}" for a in found) or "Nothing to look at.")


SeriesArgument = Annotated[str, typer.Argument(metavar="ID", help="A series' id, as `kakeibo recurring list` shows.")]


def _say(
    ctx: typer.Context,
    series_id: str,
    *,
    user: str | None,
    json: bool,
    today: str | None,
    done: str,
    **said: Any,
) -> None:
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        one = recurring.series_out(
            recurring.update(books.session, actor=books.actor, today=clock.today(), series_id=series_id.strip(), **said)
        )
    if opts.json:
        out.print_json(one.model_dump(mode="json", include=set(LIST_FIELDS)))
        return
    out.echo(f"{done} {one.payee} ({one.cadence}, {one.amount} {one.currency}); `kakeibo undo` takes it back.")


@recurring_app.command("confirm")
def recurring_confirm(
    ctx: typer.Context,
    series_id: SeriesArgument,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Confirm a series: it is yours, and no longer shown as a new subscription."""
    _say(ctx, series_id, user=user, json=json, today=today, done="Confirmed", confirmed=True)


@recurring_app.command("rename")
def recurring_rename(
    ctx: typer.Context,
    series_id: SeriesArgument,
    name: Annotated[str, typer.Argument(help="The name to show instead of the payee.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Show a series under a name of your own."""
    _say(ctx, series_id, user=user, json=json, today=today, done="Renamed:", name=name)


@recurring_app.command("end")
def recurring_end(
    ctx: typer.Context,
    series_id: SeriesArgument,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Say a series has ended (a cancelled subscription): it is no longer expected, until it is charged again."""
    _say(ctx, series_id, user=user, json=json, today=today, done="Ended", ended=True)
