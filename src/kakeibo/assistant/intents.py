"""What the assistant understood from one utterance: a validated, executable-nothing description of the request."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator


def _positive_decimal(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal amount: {value!r}") from exc
    if not number.is_finite() or number <= 0:
        raise ValueError(f"amount must be positive: {value!r}")
    return value


class _Intent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AddTransaction(_Intent):
    kind: Literal["add_transaction"] = "add_transaction"
    type: Literal["expense", "income", "transfer"] = "expense"
    amount: str
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    date: datetime.date
    description: str | None = None
    category: str | None = None  # "Group/Category"
    account: str | None = None
    to_account: str | None = None

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str) -> str:
        checked = _positive_decimal(value)
        assert checked is not None
        return checked


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

    @field_validator("amount")
    @classmethod
    def _amount_is_positive(cls, value: str | None) -> str | None:
        return _positive_decimal(value)


class UpdateTransaction(_Intent):
    kind: Literal["update_transaction"] = "update_transaction"
    target: Target
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
]


class Query(_Intent):
    kind: Literal["query"] = "query"
    metric: Metric
    category: str | None = None  # a group ("Travel") or "Group/Category"
    merchant: str | None = None
    account: str | None = None
    start: datetime.date | None = None  # inclusive
    end: datetime.date | None = None  # inclusive
    group_by: Literal["category", "month", "merchant"] | None = None


class Undo(_Intent):
    kind: Literal["undo"] = "undo"


class Clarify(_Intent):
    kind: Literal["clarify"] = "clarify"
    question: str
    missing: list[str]


class Unsupported(_Intent):
    kind: Literal["unsupported"] = "unsupported"
    reason: str


Intent = Annotated[
    AddTransaction | UpdateTransaction | DeleteTransaction | Query | Undo | Clarify | Unsupported,
    Field(discriminator="kind"),
]
IntentAdapter: TypeAdapter[Intent] = TypeAdapter(Intent)

__all__ = [
    "AddTransaction",
    "Changes",
    "Clarify",
    "DeleteTransaction",
    "Intent",
    "IntentAdapter",
    "Metric",
    "Query",
    "Target",
    "Undo",
    "Unsupported",
    "UpdateTransaction",
]
