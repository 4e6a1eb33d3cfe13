"""What the assistant understood from one utterance: a validated, executable-nothing description of the request."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

# The largest amount an intent may carry: the ledger stores 64-bit minor units (up to 9.2e18), and a currency has
# at most 3 decimals, so anything from a quadrillion up cannot be a real amount (and could not be stored).
MAX_AMOUNT = Decimal("999999999999999")


def _positive_decimal(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal amount: {value!r}") from exc
    if not number.is_finite() or number <= 0:
        raise ValueError(f"amount must be positive: {value!r}")
    if number > MAX_AMOUNT:
        raise ValueError(f"amount is too large to be real: {value!r}")
    return value


class _Intent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Split(_Intent):
    """One line of a transaction spread over categories ("costco 90, 60 groceries 30 household")."""

    category: str  # "Group/Category"
    amount: str

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str) -> str:
        checked = _positive_decimal(value)
        assert checked is not None
        return checked


class CaptureItem(_Intent):
    """One purchase, income, transfer or refund as said. A refund is money back for a purchase: it credits the
    purchase's category (an expense category), never income. With `splits` the transaction spreads over several
    categories: `category` is then None and the splits' amounts sum to `amount`."""

    type: Literal["expense", "income", "transfer", "refund"] = "expense"
    amount: str
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    date: datetime.date
    description: str | None = None
    category: str | None = None  # "Group/Category"
    account: str | None = None
    to_account: str | None = None
    splits: list[Split] | None = Field(default=None, min_length=2, max_length=20)

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str) -> str:
        checked = _positive_decimal(value)
        assert checked is not None
        return checked

    @model_validator(mode="after")
    def _splits_add_up(self) -> CaptureItem:
        if self.splits is None:
            return self
        if self.type not in ("expense", "refund"):
            raise ValueError("only an expense or a refund is split over categories")
        if self.category is not None:
            raise ValueError("a split transaction has its categories on its splits, not its own")
        if sum(Decimal(s.amount) for s in self.splits) != Decimal(self.amount):
            raise ValueError("the splits must add up to the amount")
        return self


class AddTransaction(CaptureItem):
    kind: Literal["add_transaction"] = "add_transaction"


class AddTransactions(_Intent):
    """Several captures in one sentence ("38 at trader joe's and 12 at the pharmacy"), in the order said: one
    proposal records them all (one yes, one undo), so no part is silently kept or dropped."""

    kind: Literal["add_transactions"] = "add_transactions"
    items: list[CaptureItem] = Field(min_length=2, max_length=20)


class Target(_Intent):
    """The transaction the user points at, as they said it; the service resolves it."""

    id: int | None = None
    date: datetime.date | None = None
    description: str | None = None
    amount: str | None = None

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str | None) -> str | None:
        return _positive_decimal(value)


class Changes(_Intent):
    amount: str | None = None
    category: str | None = None
    date: datetime.date | None = None
    description: str | None = None
    account: str | None = None  # the account it was paid from or into, by name

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str | None) -> str | None:
        return _positive_decimal(value)


class UpdateTransaction(_Intent):
    kind: Literal["update_transaction"] = "update_transaction"
    target: Target
    changes: Changes


class CorrectLast(_Intent):
    """A correction of what this conversation just captured or proposed ("make it 25", "wrong card, it was the
    amex"): it amends the pending proposal, or the transaction this conversation recorded last; never a new one."""

    kind: Literal["correct_last"] = "correct_last"
    changes: Changes


class DeleteTransaction(_Intent):
    kind: Literal["delete_transaction"] = "delete_transaction"
    target: Target


Metric = Literal[
    "spending",
    "income",
    "net",
    "balance",
    "budget_remaining",
    "largest_expense",
    "transactions",
    "savings_rate",
    "net_worth",
    "forecast",
    "average_spending",
    "count",
    "last_transaction",
    "first_transaction",
    "recurring",
    "income_vs_spending",
    "anomalies",
    "health",
]
AccountKindName = Literal["cash", "checking", "savings", "credit_card", "investment", "loan", "liabilities"]


class Query(_Intent):
    kind: Literal["query"] = "query"
    metric: Metric
    category: str | None = None  # a group ("Travel") or "Group/Category"
    merchant: str | None = None
    account: str | None = None
    start: datetime.date | None = None  # inclusive
    end: datetime.date | None = None  # inclusive
    group_by: Literal["category", "month", "merchant"] | None = None
    limit: int | None = Field(default=None, ge=1, le=100)  # a ranking's top N
    order: Literal["desc", "asc"] | None = None  # asc only when the smallest is asked for
    compare_start: datetime.date | None = None  # the other period of a comparison (inclusive)
    compare_end: datetime.date | None = None
    account_kind: AccountKindName | None = None  # with metric balance: every account of that kind


UndoScope = Literal["import", "recategorization", "change"]


class Undo(_Intent):
    """`what` None: the last change this conversation made. Anything made elsewhere is named: the household's
    last import, its last bulk recategorization, or its last change by anyone."""

    kind: Literal["undo"] = "undo"
    what: UndoScope | None = None


class SetBudget(_Intent):
    """A month's budget for one category or group ("set the groceries budget to 600"): a proposal, carried out by
    the planning service on confirmation like any write. `change` None sets the amount; "increase"/"decrease" move
    the month's budget by it ("raise the dining budget by 50")."""

    kind: Literal["set_budget"] = "set_budget"
    category: str  # a group ("Travel") or "Group/Category"
    amount: str  # zero or more (zero clears what the month had)
    month: datetime.date  # the month's first day
    change: Literal["increase", "decrease"] | None = None

    @field_validator("amount")
    @classmethod
    def _amount_is_not_negative(cls, value: str) -> str:
        try:
            number = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal amount: {value!r}") from exc
        if not number.is_finite() or number < 0:
            raise ValueError(f"a budget is zero or more: {value!r}")
        if number > MAX_AMOUNT:
            raise ValueError(f"amount is too large to be real: {value!r}")
        return value

    @field_validator("month")
    @classmethod
    def _first_day(cls, value: datetime.date) -> datetime.date:
        return value.replace(day=1)


class RecurringDue(_Intent):
    """When the next payment of a recurring series comes ("when is rent due?"), by payee (a merchant's name) or by
    what it is (a category); neither: the upcoming payments of every series. `start`/`end` the period asked
    ("due this week"); none: the next 30 days."""

    kind: Literal["recurring_due"] = "recurring_due"
    payee: str | None = Field(default=None, max_length=200)
    category: str | None = None  # a group or "Group/Category"
    start: datetime.date | None = None
    end: datetime.date | None = None


class GoalStatus(_Intent):
    """A savings goal's progress ("how is the trip fund going?"), by the words that name it; none: every goal."""

    kind: Literal["goal_status"] = "goal_status"
    name: str | None = Field(default=None, min_length=1, max_length=120)


class Clarify(_Intent):
    kind: Literal["clarify"] = "clarify"
    question: str
    missing: list[str]


class Unsupported(_Intent):
    kind: Literal["unsupported"] = "unsupported"
    reason: str


Intent = Annotated[
    AddTransaction
    | AddTransactions
    | UpdateTransaction
    | CorrectLast
    | DeleteTransaction
    | Query
    | Undo
    | SetBudget
    | RecurringDue
    | GoalStatus
    | Clarify
    | Unsupported,
    Field(discriminator="kind"),
]
IntentAdapter: TypeAdapter[Intent] = TypeAdapter(Intent)

__all__ = [
    "MAX_AMOUNT",
    "AccountKindName",
    "AddTransaction",
    "AddTransactions",
    "CaptureItem",
    "Changes",
    "Clarify",
    "CorrectLast",
    "DeleteTransaction",
    "GoalStatus",
    "Intent",
    "IntentAdapter",
    "Metric",
    "Query",
    "RecurringDue",
    "SetBudget",
    "Split",
    "Target",
    "Undo",
    "UndoScope",
    "Unsupported",
    "UpdateTransaction",
]
