"""What the forecast answers (`kakeibo forecast --json` prints the same): amounts are decimal strings."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    projected: str = Field(
        description="At this pace, by the month's end: the usual month scaled by spent / usual_by_today (so bills "
        "paid early in the month are not run on linearly); without a usual, the month so far run on linearly"
    )


class LowBalanceOut(BaseModel):
    account: str
    currency: str
    balance: str = Field(description="Today's balance")
    lowest: str = Field(description="The lowest the recurring payments take it to within the forecast")
    lowest_date: dt.date


class HistoryMonthOut(BaseModel):
    month: str
    income: str
    spending: str
    spending_predicted: str | None = Field(
        description="What the spending forecast's method predicted for this month from the months before it "
        "(its backtest), for the last months of history"
    )


class ForecastOut(BaseModel):
    currency: str
    months: list[ForecastMonthOut]
    series: list[ForecastSeriesOut]
    pace: PaceOut
    balances: list[LowBalanceOut]
    groups: list[ForecastGroupOut] = Field(default_factory=list)
    history: list[HistoryMonthOut] = Field(default_factory=list, description="The last 12 complete months")


# ---- the health score (`kakeibo health --json` prints score, grade and the pillars' contract fields) ------------
class PillarOut(BaseModel):
    key: str = Field(description="savings_rate, emergency_fund, debt_load, spending_stability, budget_adherence, "
                     "bills_on_time")  # fmt: skip
    name: str
    score: int | None = Field(description="0-100; null: not enough data (left out of the total)")
    value: str | None = Field(description="A ratio (0.2500 is 25 %) or a number of months, as a decimal string")
    target: str = Field(description="The value the pillar aims at, in the same unit")
    unit: str = Field(description='"ratio" or "months"')
    weight: int = Field(description="Its weight out of 100 before renormalizing over the pillars with a score")
    explanation: str


class HealthOut(BaseModel):
    month: str = Field(description="YYYY-MM: the month scored (the current one: as of today)")
    currency: str
    score: int | None = Field(description="0-100, the weighted mean of the pillars with a score; null: none has")
    grade: str | None = Field(description="A+, A, B, C, D or F")
    pillars: list[PillarOut]


class ScorecardPillarOut(BaseModel):
    key: str
    name: str
    score: int | None
    previous_score: int | None = Field(description="Last month's")
    change: int | None = Field(description="score - previous_score; null when either is")
    value: str | None
    previous_value: str | None


class ScoreMoverOut(BaseModel):
    key: str
    name: str
    previous_score: int
    score: int
    effect: str = Field(description="Points of the total this change accounts for (its weight's share), signed")


class ScorecardOut(BaseModel):
    month: str
    currency: str
    score: int | None
    grade: str | None
    previous_month: str
    previous_score: int | None
    previous_grade: str | None
    change: int | None = Field(description="score - previous_score; null when either is")
    pillars: list[ScorecardPillarOut]
    movers: list[ScoreMoverOut] = Field(description="The (up to) three changes that moved the score most")
    streak_days: int = Field(description="Days in a row with a transaction dated on them, ending today (or "
                             "yesterday while today has none yet)")  # fmt: skip


class HealthPointOut(BaseModel):
    month: str
    score: int | None
    grade: str | None


class HealthHistoryOut(BaseModel):
    currency: str
    months: list[HealthPointOut] = Field(description="Each past complete month (up to 12, oldest first) since the "
                                         "household's books began")  # fmt: skip


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


# ---- the month's insights in words (`kakeibo insights --json` prints these four fields) ----------------------------
class InsightOut(BaseModel):
    kind: str = Field(description="category_above, category_below, price_increase or savings")
    title: str
    text: str = Field(description="One sentence; every number in it comes from `query`'s rows")
    query: dict[str, Any] = Field(description="The QuerySpec behind it (measure, start, end, currency, category...)")
