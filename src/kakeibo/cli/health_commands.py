"""`kakeibo health` and `kakeibo scorecard`: the health score with its pillars, and the month against the last."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

# The services (and the recurring detection under them) load only when a score is asked for.
if TYPE_CHECKING:
    from kakeibo.insights import health_service
    from kakeibo.insights import text as insight_text
    from kakeibo.planning import service as planning
else:
    health_service = lazy("kakeibo.insights.health_service")
    insight_text = lazy("kakeibo.insights.text")
    planning = lazy("kakeibo.planning.service")

# The fields `health --json` prints: a contract other tools rely on (the API adds unit and weight).
PILLAR_FIELDS = ("key", "name", "score", "value", "target", "explanation")

MonthOption = Annotated[
    str | None, typer.Option("--month", metavar="YYYY-MM", help="The month to score (default: this one, as of today).")
]


def _shown(score: int | None, grade: str | None) -> str:
    return "not enough data" if score is None else f"{score}/100 ({grade})"


def _value(value: str | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value} months" if unit == "months" else f"{(Decimal(value) * 100).quantize(Decimal('0.1'))} %"


def health_command(
    ctx: typer.Context,
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """The financial health score 0-100 and its grade, pillar by pillar."""
    opts = options(ctx, user=user, json=json, today=today)
    chosen = planning.parse_month(month) if month else None
    with open_ledger(opts, write=False) as books:
        found = health_service.household_health(books.session, actor=books.actor, today=clock.today(), month=chosen)
    if opts.json:
        out.print_json(
            {
                "score": found.score,
                "grade": found.grade,
                "pillars": [p.model_dump(mode="json", include=set(PILLAR_FIELDS)) for p in found.pillars],
            }
        )
        return
    out.echo(f"Health score for {found.month}: {_shown(found.score, found.grade)}\n")
    rows = [
        [p.name, "-" if p.score is None else str(p.score), _value(p.value, p.unit), p.explanation]
        for p in found.pillars
    ]
    out.echo(out.table(["Pillar", "Score", "Value", ""], rows, right=(1, 2)))


def scorecard_command(
    ctx: typer.Context,
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """The month's score and pillars against last month, what moved it most, and the logging streak."""
    opts = options(ctx, user=user, json=json, today=today)
    chosen = planning.parse_month(month) if month else None
    with open_ledger(opts, write=False) as books:
        card = health_service.scorecard(books.session, actor=books.actor, today=clock.today(), month=chosen)
    if opts.json:
        out.print_json(card.model_dump(mode="json"))
        return
    change = "" if card.change is None else f", {card.change:+} since {card.previous_month}"
    out.echo(f"Scorecard for {card.month}: {_shown(card.score, card.grade)}{change}\n")
    rows = [
        [
            p.name,
            "-" if p.previous_score is None else str(p.previous_score),
            "-" if p.score is None else str(p.score),
            "" if p.change is None else f"{p.change:+}",
        ]
        for p in card.pillars
    ]
    out.echo(out.table(["Pillar", card.previous_month, card.month, "Change"], rows, right=(1, 2, 3)))
    if card.movers:
        out.echo("\nWhat moved it most:")
        for m in card.movers:
            out.echo(f"  {m.name}: {m.previous_score} -> {m.score} ({m.effect} points of the score)")
    out.echo(f"\nLogging streak: {card.streak_days} day{'s' if card.streak_days != 1 else ''} in a row")


INSIGHT_FIELDS = ("kind", "title", "text", "query")


def insights_command(
    ctx: typer.Context,
    month: MonthOption = None,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """The month's insights, a sentence each, with the query behind each figure."""
    opts = options(ctx, user=user, json=json, today=today)
    chosen = planning.parse_month(month) if month else None
    with open_ledger(opts, write=False) as books:
        found = insight_text.month_insights(books.session, actor=books.actor, today=clock.today(), month=chosen)
    if opts.json:
        out.print_json([one.model_dump(mode="json", include=set(INSIGHT_FIELDS)) for one in found])
        return
    out.echo("\n".join(f"- {one.text}" for one in found) or "Nothing stands out this month.")
