"""The savings goal commands: add a goal, contribute to it, list them with their progress, remove one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger, parse_date
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options

# Planning's goals and the ledger's queries load when a command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.planning import goals, presenters
else:
    goals = lazy("kakeibo.planning.goals")
    presenters = lazy("kakeibo.planning.presenters")

goal_app = typer.Typer(
    rich_markup_mode=None, help="Savings goals: a target by a date, saved in accounts or by contributions."
)


def _said(view: goals.GoalView) -> str:
    """One line on where a goal stands."""
    code, figures = view.currency, view.progress
    if figures.remaining_minor == 0:
        return f"{view.name}: reached, {out.amount(figures.saved_minor, code)} saved."
    line = (
        f"{view.name}: {out.amount(figures.saved_minor, code)} saved of {out.amount(view.target_minor, code)}, "
        f"{out.amount(figures.remaining_minor, code)} to go"
    )
    if view.target_date is not None:
        if figures.late:
            line += f"; late: it was due {view.target_date.isoformat()}"
        else:
            line += f" by {view.target_date.isoformat()}"
        assert figures.monthly_needed_minor is not None
        line += f", {out.amount(figures.monthly_needed_minor, code)} a month needed"
    if figures.projected_date is not None:
        line += (
            f"; at this pace ({out.amount(figures.pace_minor, code)} a month) by {figures.projected_date.isoformat()}"
        )
    else:
        line += "; no progress in the last 3 months"
    if figures.on_track is not None:
        line += " (on track)" if figures.on_track else " (not on track)"
    return line + "."


# A negative amount ("-5") reaches the command as an argument, to be refused with its reason, not as an unknown option.
@goal_app.command("add", context_settings={"ignore_unknown_options": True})
def goal_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The goal's name (unique, whatever the case).")],
    target: Annotated[str, typer.Option("--target", metavar="AMOUNT", help="In the household's currency.")],
    by: Annotated[str | None, typer.Option("--by", metavar="DATE", help="A target date (YYYY-MM-DD).")] = None,
    account: Annotated[
        list[str] | None,
        typer.Option(
            "--account", metavar="NAME", help="An account whose balance is the progress (may be given several times)."
        ),
    ] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Add a savings goal; without --account its progress is what you contribute to it."""
    opts = options(ctx, user=user, json=json, today=today)
    day = parse_date(by, field="by") if by else None
    with open_ledger(opts, write=True) as books:
        added = goals.add_goal(
            books.session, actor=books.actor, name=name, target=target, by=day, accounts=account or []
        )
    if opts.json:
        out.print_json({"group_id": added.group_id, "goal": presenters.goal_list_row(added.goal)})
        return
    view = added.goal
    kept = f"saved in {', '.join(view.accounts)}" if view.accounts else "counting what you contribute"
    out.echo(f"Added the goal {view.name} ({kept}).")
    if view.progress.late:
        assert view.target_date is not None
        out.echo(f"Its date, {view.target_date.isoformat()}, has already passed: the goal is late.")
    out.echo(_said(view))
    out.echo(f"Undo with: kakeibo undo --group {added.group_id}")


@goal_app.command("contribute", context_settings={"ignore_unknown_options": True})
def goal_contribute(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The goal's name.")],
    amount: Annotated[str, typer.Argument(help="More than zero, in the household's currency.")],
    date: Annotated[str | None, typer.Option("--date", help="On or before today (default: today).")] = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Earmark money for a goal (a planning record: no account in the books moves)."""
    opts = options(ctx, user=user, json=json, today=today)
    day = parse_date(date) if date else None
    with open_ledger(opts, write=True) as books:
        view = goals.contribute(books.session, actor=books.actor, goal=name, amount=amount, day=day)
        group = books.actor.group_id
    if opts.json:
        out.print_json({"group_id": group, "goal": presenters.goal_list_row(view)})
        return
    out.echo(_said(view))
    out.echo(f"Undo with: kakeibo undo --group {group}")


@goal_app.command("list")
def goal_list(
    ctx: typer.Context,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Every goal: target, saved, remaining, the monthly amount its date needs and where the last 3 months' pace
    leads."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        views = goals.list_goals(books.session, actor=books.actor)
    if opts.json:
        out.print_json([presenters.goal_list_row(view) for view in views])
        return
    if not views:
        out.echo("No goals yet; add one with `kakeibo goal add NAME --target AMOUNT`.")
        return
    rows = []
    for view in views:
        shown = presenters.goal_out(view)
        on_track = {True: "yes", False: "no", None: ""}[shown.on_track]
        rows.append(
            [
                shown.name,
                shown.target,
                shown.saved,
                shown.remaining,
                f"{shown.by.isoformat()}{' (late)' if shown.late else ''}" if shown.by else "",
                shown.monthly_needed or "",
                shown.projected_date.isoformat() if shown.projected_date else "",
                on_track,
            ]
        )
    out.echo(
        out.table(
            ["Goal", "Target", "Saved", "Remaining", "By", "Monthly needed", "At this pace", "On track"],
            rows,
            right=(1, 2, 3, 5),
        )
    )


@goal_app.command("remove")
def goal_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The goal's name.")],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Remove a goal and its contributions (undo brings them back)."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        removed = goals.remove_goal(books.session, actor=books.actor, goal=name)
        group = books.actor.group_id
    if opts.json:
        out.print_json({"group_id": group, "removed": removed})
        return
    out.echo(f"Removed the goal {removed}.")
    out.echo(f"Undo with: kakeibo undo --group {group}")
