"""API shapes of planning: the budget month view (the same fields `kakeibo budget show --json` prints), savings
goals (the fields of `kakeibo goal list --json`, and more) and the writes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from kakeibo.core.types import DecimalString, Id

# "2026-11": a calendar month (its number checked by the service: "2026-13" is refused with a problem).
MonthText = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-11"])]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaceOut(BaseModel):
    """The current month only: the budget prorated to today, and where spending ends the month at this pace."""

    day: int
    days: int
    budget_to_date: str
    projected: str


class BudgetCategoryOut(BaseModel):
    category: str = Field(description='"Group/Category", or "Group" for a whole group')
    category_id: int
    budgeted: str
    spent: str = Field(description="The month report's spending for the category: expenses net of refunds")
    rolled_over: str = Field(description="Carried from the month before: a surplus or an overspend")
    available: str = Field(description="rolled_over + budgeted - spent")
    rollover: bool = Field(description="Whether what is left carries into the next month")
    rollover_cap: str | None = Field(default=None, description="The most surplus that carries, if capped")
    sweep: bool = Field(default=False, description='Whether the surplus goes back to "To budget"')
    pace: PaceOut | None = None


class BudgetMonthOut(BaseModel):
    month: str
    currency: str
    mode: Literal["tracking", "envelope"]
    to_budget: str | None = Field(
        description="Envelope mode: income since budgeting began less what was assigned, with what lines released"
    )
    income: str
    categories: list[BudgetCategoryOut]


class BudgetIn(Strict):
    amount: DecimalString = Field(description="Zero or more, in the household's base currency")
    rollover: bool | None = Field(default=None, description="Tracking mode: carry what is left (none: unchanged)")
    rollover_cap: DecimalString | Literal["none"] | None = Field(
        default=None, description='The most surplus that carries ("none": no cap; absent: unchanged)'
    )
    sweep: bool | None = Field(
        default=None, description='Send the surplus back to "To budget" instead of carrying it (absent: unchanged)'
    )
    spread: Literal["month", "rest_of_year", "year"] = Field(
        default="month",
        description="month: this month; rest_of_year: this month and each month to December; year: a yearly amount "
        "spread over the twelve months of this month's year",
    )


class BudgetAverageIn(Strict):
    months: Literal[3, 6, 12] = 3


class BudgetCopyIn(Strict):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_month: MonthText = Field(alias="from", description="The month whose amounts are copied")


class BudgetModeIn(Strict):
    mode: Literal["tracking", "envelope"]


class BudgetModeOut(BaseModel):
    mode: Literal["tracking", "envelope"]


class GoalOut(BaseModel):
    id: int
    name: str
    currency: str
    target: str
    saved: str = Field(description="The linked accounts' balance today, or the contributions up to today")
    remaining: str = Field(description="target - saved, never below zero")
    by: dt.date | None = Field(description="The target date, if any")
    monthly_needed: str | None = Field(
        description="remaining over the whole months left to `by` (at least one), rounded up to the cent; "
        "null without a date, 0 once reached"
    )
    pace: str = Field(description="What the last 3 complete months added, a month (a balance change or contributions)")
    projected_date: dt.date | None = Field(
        description="When the goal is reached at that pace (whole months from today); null when the pace is 0 or less"
    )
    on_track: bool | None = Field(description="projected_date <= by (reached: true); null without a date")
    late: bool = Field(description="The target date has passed and the goal is not reached")
    accounts: list[str] = Field(description="The linked accounts; empty: progress is the contributions")


class GoalIn(Strict):
    name: str = Field(min_length=1, max_length=120)
    target: DecimalString = Field(description="More than zero, in the household's base currency")
    by: dt.date | None = Field(default=None, description="A target date (one already past is allowed: late)")
    accounts: list[Id] = Field(
        default_factory=list, max_length=50, description="Money accounts whose balance is the progress"
    )


class GoalContributionIn(Strict):
    amount: DecimalString = Field(description="More than zero, in the household's base currency")
    date: dt.date | None = Field(default=None, description="On or before today (default: today)")


# --- Recurring series (`kakeibo recurring list --json` prints the fields up to `count`) --------------------------

SeriesKindText = Literal["expense", "income", "transfer"]
CadenceText = Literal["weekly", "biweekly", "semi-monthly", "monthly", "quarterly", "semi-annual", "yearly"]
SeriesStatusText = Literal["early", "active", "late", "ended", "dismissed"]


class RecurringOut(BaseModel):
    id: str = Field(description="Stable across detections (a digest of kind, account and payee)")
    payee: str
    category: str | None
    account: str
    kind: SeriesKindText
    cadence: CadenceText
    amount: str = Field(description="Typical, at the current price, signed from the account's side")
    currency: str
    last_date: dt.date
    next_date: dt.date
    next_amount: str
    yearly_cost: str = Field(description="A year of it at the current price, signed like amount")
    status: SeriesStatusText = Field(description="early: two hits; late: past its expected date; ended")
    count: int
    confirmed: bool = False
    previous_amount: str | None = Field(default=None, description="The price before its last change, if any")
    price_changed_on: dt.date | None = Field(default=None, description="The first payment at the current price")
    transaction_ids: list[int] = Field(default_factory=list)


class UpcomingOut(BaseModel):
    date: dt.date
    id: str
    payee: str
    account: str
    kind: SeriesKindText
    cadence: CadenceText
    amount: str = Field(description="The amount expected, signed from the account's side")
    currency: str
    status: SeriesStatusText


class RecurringUpdateIn(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=120, description="Shown instead of the payee")
    confirmed: bool | None = None
    dismissed: bool | None = Field(default=None, description="false brings a dismissed series back")
    ended: bool | None = Field(
        default=None, description="true: it has ended today (a cancelled subscription); false takes that back"
    )


class SubscriptionTotalOut(BaseModel):
    currency: str
    monthly_total: str = Field(description="What the subscriptions cost a month on average (a year of them / 12)")
    yearly_total: str = Field(description="What a year of them costs at today's prices, as a positive amount")


class SubscriptionsOut(SubscriptionTotalOut):
    """The live expense series filed under Subscriptions, Entertainment or Health/Fitness & Gym (rent, utilities,
    loans and insurance are bills), with their cost in the household's base currency (series in another currency
    are listed and totalled apart, in `other_totals`)."""

    series: list[RecurringOut]
    other_totals: list[SubscriptionTotalOut] = Field(default_factory=list)


class CalendarAccountOut(BaseModel):
    account: str
    currency: str
    balance: str = Field(description="Today's balance")
    lowest_balance: str = Field(
        description="The lowest balance the expected payments take it to before its next expected income"
    )
    lowest_date: dt.date = Field(description="When that lowest balance is reached (today: it never goes lower)")
    next_income_date: dt.date | None = Field(description="The next expected income into it, within the window")


class CalendarOut(BaseModel):
    days: int
    items: list[UpcomingOut]
    accounts: list[CalendarAccountOut]


AlertKindText = Literal["price_increase", "missed", "new_subscription"]


class AlertOut(BaseModel):
    kind: AlertKindText
    series_id: str
    payee: str
    message: str
    date: dt.date = Field(description="The new price's first payment, the day a payment was expected, the first one")
    old_amount: str | None = Field(description="price_increase: the price before")
    new_amount: str | None = Field(description="The price now (missed: the amount expected)")
