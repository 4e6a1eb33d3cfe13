"""API shapes of budgets: the month view (the same fields `kakeibo budget show --json` prints) and the writes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from kakeibo.core.types import DecimalString

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
