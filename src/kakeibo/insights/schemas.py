"""What the forecast answers (`kakeibo forecast --json` prints the same): amounts are decimal strings."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ForecastMonthOut(BaseModel):
    month: str = Field(description="YYYY-MM")
    income: str
    spending: str
    net: str = Field(description="income - spending")
    spending_low: str = Field(description="The 80% band's low end")
    spending_high: str
    income_low: str
    income_high: str
    scheduled_spending: str = Field(description="Of the spending, what the recurring series have on their dates")
    scheduled_income: str


class ForecastGroupOut(BaseModel):
    group: str
    month: str
    spending: str
    low: str
    high: str


class ForecastSeriesOut(BaseModel):
    name: str = Field(description='"income", "spending" or "spending:<group>"')
    method: str = Field(description="The method that did best on the backtest (average: under 3 months)")
    mae: str | None = Field(description="Its mean absolute error on the backtest, one month ahead")
    rmse: str | None
    baseline_mae: str | None = Field(description="The same error for the mean of the last 3 months")
    months: int = Field(description="Months of history it learnt from")
    note: str | None = None


class PaceOut(BaseModel):
    month: str
    day: int
    days: int
    spent: str = Field(description="Spent so far this month")
    usual_by_today: str | None = Field(description="The median of the last 6 complete months by the same day")
    usual_month: str | None = Field(description="The median of those months' whole spending")
    projected: str = Field(description="At this pace, by the month's end")


class LowBalanceOut(BaseModel):
    account: str
    currency: str
    balance: str = Field(description="Today's balance")
    lowest: str = Field(description="The lowest the recurring payments take it to within the forecast")
    lowest_date: dt.date


class ForecastOut(BaseModel):
    currency: str
    months: list[ForecastMonthOut]
    series: list[ForecastSeriesOut]
    pace: PaceOut
    balances: list[LowBalanceOut]
    groups: list[ForecastGroupOut] = Field(default_factory=list)


class AnomalyOut(BaseModel):
    """One thing worth a look (`kakeibo anomalies --json` prints the fields from transaction_id to reasons)."""

    id: str = Field(description="Stable: dismiss it by this id")
    kind: str = Field(
        description="unusual, new_payee, duplicate, price_change, missed_income or category_month",
    )
    transaction_id: int | None = Field(description="None for a recurring series' or a category's month")
    date: dt.date
    payee: str | None
    amount: str = Field(description="What it cost (a category's month: its total; a series: its new amount)")
    currency: str
    category: str | None
    account: str | None
    score: float = Field(ge=0, le=1, description="0.5 at the kind's threshold, nearing 1 the further past it")
    reasons: list[str]
