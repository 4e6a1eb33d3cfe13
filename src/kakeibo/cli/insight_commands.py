"""`kakeibo forecast`: the months ahead with their band, how each series' method did on its backtest, the pace of
this month and each account's lowest projected balance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

# The statistics (statsmodels, pandas) load only when a forecast is made (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.insights import service as insights
else:
    insights = lazy("kakeibo.insights.service")

# The fields `forecast --json` prints: a contract other tools rely on (the API shows the same document).
MONTH_FIELDS = ("month", "income", "spending", "net", "spending_low", "spending_high")
SERIES_FIELDS = ("name", "method", "mae", "rmse", "baseline_mae")


def forecast_command(
    ctx: typer.Context,
    months: Annotated[int, typer.Option(min=1, max=12, help="How many months ahead, after this one.")] = 3,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Income, spending and net for the months ahead, with how far to trust them."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        found = insights.household_forecast(
            books.session, household_id=books.household_id, currency=books.currency, today=clock.today(), months=months
        )
    if opts.json:
        shown = found.model_dump(mode="json")
        shown["months"] = [m.model_dump(mode="json", include=set(MONTH_FIELDS)) for m in found.months]
        shown["series"] = [s.model_dump(mode="json", include=set(SERIES_FIELDS)) for s in found.series]
        shown["balances"] = [
            b.model_dump(mode="json", include={"account", "lowest", "lowest_date"}) for b in found.balances
        ]
        del shown["groups"], shown["history"]  # the API has them; the command prints the contract
        out.print_json(shown)
        return
    code = found.currency
    rows = [[m.month, m.income, m.spending, f"{m.spending_low} – {m.spending_high}", m.net] for m in found.months]
    out.echo(f"Forecast ({code}; recurring payments on their dates, the rest by each series' best method)\n")
    out.echo(out.table(["Month", "Income", "Spending", "Spending, 80% band", "Net"], rows, right=(1, 2, 3, 4)))
    out.echo("")
    trust = [
        [s.name, s.method, s.mae or "-", s.baseline_mae or "-", s.note or ""]
        for s in found.series
        if s.name in ("income", "spending") or s.note
    ]
    out.echo(out.table(["Series", "Method", "Backtest MAE", "3-month mean's MAE", ""], trust, right=(2, 3)))
    pace = found.pace
    usual = f", usually {pace.usual_by_today} by day {pace.day}" if pace.usual_by_today else ""
    out.echo(
        f"\nThis month: {pace.spent} {code} spent{usual}; at this pace {pace.projected} {code} by the month's end."
    )
    for low in found.balances:
        out.echo(f"{low.account}: {low.balance} {low.currency} today, lowest {low.lowest} on {low.lowest_date}")
