"""The budget commands: set a line's amount, copy a month, switch the mode, show a month."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock
from kakeibo.planning.kinds import BudgetMode

# Planning's service and the ledger's queries load when a command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.planning import presenters
    from kakeibo.planning import service as budgets
else:
    presenters = lazy("kakeibo.planning.presenters")
    budgets = lazy("kakeibo.planning.service")

budget_app = typer.Typer(
    rich_markup_mode=None, help="Budgets per category or group and month (tracking or envelope mode)."
)


class Spread(enum.StrEnum):
    month = "month"
    rest_of_year = "rest-of-year"
    year = "year"


MonthOption = Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", help="Default: the current month.")]


# A negative amount ("-5") reaches the command as an argument, to be refused with its reason, not as an unknown option.
@budget_app.command("set", context_settings={"ignore_unknown_options": True})
def budget_set(
    ctx: typer.Context,
    category: Annotated[str, typer.Argument(help='"Group/Category", a group, or a unique category name.')],
    amount: Annotated[str, typer.Argument(help="Zero or more, in the household's currency.")],
    month: MonthOption = None,
    rollover: Annotated[
        bool | None,
        typer.Option("--rollover/--no-rollover", help="Tracking mode: carry what is left (or overspent) over."),
    ] = None,
    cap: Annotated[
        str | None, typer.Option(metavar="AMOUNT", help='The most surplus that carries over ("none": no cap).')
    ] = None,
    sweep: Annotated[
        bool | None, typer.Option("--sweep/--no-sweep", help='Send the surplus back to "To budget" instead.')
    ] = None,
    spread: Annotated[
        Spread,
        typer.Option(
            help="month: just this one; rest-of-year: this month and each to December; year: AMOUNT is yearly, "
            "spread over the twelve months of this month's year."
        ),
    ] = Spread.month,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Set a category's (or a group's) budget for a month."""
    opts = options(ctx, user=user, json=json, today=today)
    requested = budgets.parse_month(month) if month else None
    with open_ledger(opts, write=True) as books:
        day = requested or clock.today()
        done = budgets.set_budget(
            books.session,
            actor=books.actor,
            category=category,
            amount=amount,
            month=day,
            rollover=rollover,
            spread_over=spread.value.replace("-", "_"),
            cap=cap,
            sweep=sweep,
        )
        view = presenters.budget_month_out(budgets.month_view(books.session, actor=books.actor, month=day))
        group = books.actor.group_id
    if opts.json:
        out.print_json({"group_id": group, "changed": [f"{m:%Y-%m}" for m in done.months], "budget": view})
        return
    row = next((r for r in view.categories if r.category_id == done.line.id), None)
    if not done.months and not done.rollover_changed:
        out.echo(f"{done.line.path} already has that budget in {view.month}.")
    elif row is not None:
        months = f" ({len(done.months)} months)" if len(done.months) > 1 else ""
        out.echo(
            f"Budget for {row.category} in {view.month}: {row.budgeted} {view.currency}{months}; "
            f"spent {row.spent}, available {row.available}."
        )
    if done.months or done.rollover_changed:
        out.echo(f"Undo with: kakeibo undo --group {group}")


@budget_app.command("average")
def budget_average(
    ctx: typer.Context,
    category: Annotated[str, typer.Argument(help='"Group/Category", a group, or a unique category name.')],
    months: Annotated[int, typer.Option(help="Average over the 3, 6 or 12 months before.")] = 3,
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Set a category's budget for a month to what it spent on average over the months before."""
    opts = options(ctx, user=user, json=json, today=today)
    requested = budgets.parse_month(month) if month else None
    with open_ledger(opts, write=True) as books:
        day = requested or clock.today()
        done, average = budgets.set_to_average(
            books.session, actor=books.actor, category=category, month=day, months=months
        )
        code = books.currency
        group = books.actor.group_id
    shown = out.amount(average, code)
    if opts.json:
        out.print_json({"group_id": group, "category": done.line.path, "months": months, "average": shown})
        return
    out.echo(f"Budget for {done.line.path} in {day:%Y-%m}: {shown}, its average over the {months} months before.")


@budget_app.command("cover")
def budget_cover(
    ctx: typer.Context,
    category: Annotated[str, typer.Argument(help='"Group/Category", a group, or a unique category name.')],
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Cover a category's overspending from "To budget": its budget grows by what it is short."""
    opts = options(ctx, user=user, json=json, today=today)
    requested = budgets.parse_month(month) if month else None
    with open_ledger(opts, write=True) as books:
        day = requested or clock.today()
        done, short = budgets.cover_overspend(books.session, actor=books.actor, category=category, month=day)
        code = books.currency
        group = books.actor.group_id
    shown = out.amount(short, code)
    if opts.json:
        out.print_json({"group_id": group, "category": done.line.path, "month": f"{day:%Y-%m}", "covered": shown})
        return
    out.echo(
        f"Covered {shown} of {done.line.path}'s overspending in {day:%Y-%m}. Undo with: kakeibo undo --group {group}"
    )


@budget_app.command("copy")
def budget_copy(
    ctx: typer.Context,
    source: Annotated[str, typer.Option("--from", metavar="YYYY-MM", help="The month to copy.")],
    target: Annotated[str, typer.Option("--to", metavar="YYYY-MM", help="The month to copy it to.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Copy every amount of one month to another (the target's other lines stay)."""
    opts = options(ctx, user=user, json=json, today=today)
    first, second = budgets.parse_month(source, field="from"), budgets.parse_month(target, field="to")
    with open_ledger(opts, write=True) as books:
        changed = budgets.copy_month(books.session, actor=books.actor, source=first, target=second)
        group = books.actor.group_id
    if opts.json:
        out.print_json({"group_id": group, "changed": [line.path for line in changed]})
        return
    count = len(changed)
    out.echo(f"Copied {count} budget{'s' if count != 1 else ''} from {first:%Y-%m} to {second:%Y-%m}.")
    if count:
        out.echo(f"Undo with: kakeibo undo --group {group}")


@budget_app.command("mode")
def budget_mode(
    ctx: typer.Context,
    mode: Annotated[BudgetMode, typer.Argument(help="tracking (a limit per category) or envelope (zero-based).")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Switch the household's budgets between tracking and envelope mode."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        changed = budgets.set_mode(books.session, actor=books.actor, mode=mode.value)
        group = books.actor.group_id
    if opts.json:
        out.print_json({"mode": mode.value, "changed": changed, "group_id": group if changed else None})
        return
    out.echo(f"Budgets {'now work' if changed else 'already work'} in {mode.value} mode.")


@budget_app.command("show")
def budget_show(
    ctx: typer.Context,
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """A month's budget: per category or group, budgeted, spent, rolled over and available."""
    opts = options(ctx, user=user, json=json, today=today)
    requested = budgets.parse_month(month) if month else None
    with open_ledger(opts, write=False) as books:
        view = presenters.budget_month_out(
            budgets.month_view(books.session, actor=books.actor, month=requested or clock.today())
        )
    if opts.json:
        out.print_json(view)
        return
    code = view.currency
    out.echo(f"Budget {view.month} ({view.mode} mode, {code})")
    if view.to_budget is not None:
        out.echo(f"To budget: {view.to_budget} {code}")
    out.echo()
    if not view.categories:
        out.echo("No budgets this month; set one with `kakeibo budget set CATEGORY AMOUNT`.")
        return
    rows = [
        [
            r.category,
            r.budgeted,
            r.spent,
            r.rolled_over,
            r.available,
            f"{r.pace.projected} by month end" if r.pace is not None else "",
        ]
        for r in view.categories
    ]
    out.echo(
        out.table(
            ["Category", "Budgeted", "Spent", "Rolled over", "Available", "At this pace"], rows, right=(1, 2, 3, 4)
        )
    )
