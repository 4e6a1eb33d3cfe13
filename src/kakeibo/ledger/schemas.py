"""API shapes of the ledger: accounts, categories, transactions (friendly and postings forms), events."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kakeibo.core.types import CurrencyCode, Day, DecimalString, Id, Int4
from kakeibo.ledger.models import AccountKind, AccountSubtype, CategorySource, TransactionType
from kakeibo.ledger.queries import QuerySpec


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Names are stripped before they are checked: "   " is not a name.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
CategoryName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120, pattern=r"^[^/:]+$")
]


# ---- accounts -------------------------------------------------------------------------------------------------
LIABILITY_SUBTYPES = frozenset({AccountSubtype.credit_card, AccountSubtype.loan})


class AccountCreate(Strict):
    name: Name
    kind: Literal["asset", "liability"] = Field(
        default="asset", description="Default: from the subtype (credit cards and loans are liabilities)"
    )
    subtype: AccountSubtype = AccountSubtype.checking
    currency: CurrencyCode | None = None
    opening_balance: DecimalString = "0"
    opening_date: Day | None = None
    institution: str | None = Field(default=None, max_length=120)

    @model_validator(mode="after")
    def _kind_from_subtype(self) -> AccountCreate:
        if "kind" not in self.model_fields_set and self.subtype in LIABILITY_SUBTYPES:
            self.kind = "liability"
        return self


class AccountUpdate(Strict):
    name: Name | None = None
    subtype: AccountSubtype | None = None
    institution: str | None = Field(default=None, max_length=120)
    opening_balance: DecimalString | None = None
    opening_date: Day | None = None
    archived: bool | None = None
    sort_order: Int4 | None = None


class OpeningDateIn(Strict):
    date: Day = Field(description="The day the account opens with its opening balance")


class AccountOut(BaseModel):
    id: int
    name: str
    kind: AccountKind
    subtype: AccountSubtype | None
    currency: str | None
    institution: str | None
    opening_balance: str
    opening_date: dt.date | None
    archived: bool
    sort_order: int
    balance: str | None = None


# ---- categories -----------------------------------------------------------------------------------------------
class CategoryCreate(Strict):
    name: CategoryName
    parent: Id | str | None = Field(default=None, description="Parent group id or name; none makes a group")
    kind: Literal["income", "expense", "transfer"] | None = None


class CategoryUpdate(Strict):
    name: CategoryName | None = None
    archived: bool | None = None
    sort_order: Int4 | None = None


class CategoryOut(BaseModel):
    id: int
    name: str
    path: str
    kind: AccountKind
    parent_id: int | None
    archived: bool
    sort_order: int


# ---- transactions ---------------------------------------------------------------------------------------------
class PostingIn(Strict):
    account: Id | str = Field(description='Account id, or a category as id or "Group/Category"')
    amount: DecimalString = Field(description="Signed: positive debits the account (money in for assets)")
    currency: CurrencyCode | None = None
    converted_amount: DecimalString | None = Field(
        default=None, description="The amount in the settlement currency when `currency` differs"
    )
    memo: str = Field(default="", max_length=255)


class TransactionCreate(Strict):
    """The friendly form (type/account/category/amount) or, for splits, `postings`."""

    type: Literal["expense", "income", "transfer"] | None = None
    account: Id | None = None
    category: Id | str | None = None
    to_account: Id | None = None
    amount: DecimalString | None = Field(default=None, description="Positive decimal string")
    currency: CurrencyCode | None = None
    converted_amount: DecimalString | None = Field(
        default=None, description="The amount in the account's currency when `currency` differs"
    )
    to_amount: DecimalString | None = Field(default=None, description="For transfers across currencies")
    date: Day
    payee: str = Field(default="", max_length=255)
    description: str = Field(default="", max_length=500)
    notes: str = Field(default="", max_length=5000)
    tags: list[str] = Field(default_factory=list, max_length=32)
    status: Literal["cleared", "pending", "reconciled"] = "cleared"
    postings: list[PostingIn] | None = Field(default=None, min_length=2, max_length=200)
    settlement_currency: CurrencyCode | None = None
    fingerprint: str | None = Field(default=None, max_length=64)

    @model_validator(mode="after")
    def _one_form(self) -> TransactionCreate:
        if self.postings is None:
            if self.type is not None and self.account is not None and self.amount is not None:
                if self.type == "transfer" and self.to_account is None:
                    raise ValueError("a transfer needs to_account")
                return self
            missing = [f for f in ("type", "account", "amount") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"give either postings or the friendly form; missing: {', '.join(missing)}")
            if self.type == "transfer" and self.to_account is None:
                raise ValueError("a transfer needs to_account")
        elif self.type is not None or self.account is not None or self.amount is not None:
            raise ValueError("give either postings or the friendly form (type/account/amount), not both")
        return self


_REQUIRED_ON_UPDATE = ("date", "account", "to_account", "amount", "currency", "status", "postings", "tags")


class TransactionUpdate(Strict):
    date: Day | None = None
    payee: str | None = Field(default=None, max_length=255)
    description: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=5000)
    tags: list[str] | None = Field(default=None, max_length=32)
    status: Literal["cleared", "pending", "reconciled"] | None = None
    category: Id | str | None = None
    account: Id | None = None
    to_account: Id | None = None
    amount: DecimalString | None = None
    currency: CurrencyCode | None = None
    converted_amount: DecimalString | None = None
    to_amount: DecimalString | None = None
    postings: list[PostingIn] | None = Field(default=None, min_length=2, max_length=200)
    version: Int4 | None = Field(default=None, description="Refuse the change if the transaction moved on")

    @model_validator(mode="before")
    @classmethod
    def _no_null_for_what_a_transaction_must_have(cls, data: Any) -> Any:
        # Leaving a field out keeps it; `null` would remove it, and a transaction cannot be without these.
        if isinstance(data, dict):
            cleared = [name for name in _REQUIRED_ON_UPDATE if name in data and data[name] is None]
            if cleared:
                raise ValueError(f"{', '.join(cleared)} cannot be null: leave a field out to keep it as it is")
        return data


class AccountRef(BaseModel):
    id: int
    name: str
    kind: AccountKind


class PostingOut(BaseModel):
    id: int
    account: AccountRef
    amount: str
    currency: str
    converted_amount: str
    memo: str


class QuerySpecOut(QuerySpec):
    """The spec a figure was computed from; its fields, given to the transactions listing (`measure`, `start`,
    `end`, `currency`, `category`, `account`, `payee`), list exactly the transactions behind the figure."""


class TransactionOut(BaseModel):
    id: int
    date: dt.date
    type: TransactionType
    payee: str
    description: str
    notes: str
    status: str
    source: str
    amount: str = Field(description="Signed from the account's side: money out is negative")
    currency: str
    account: AccountRef | None
    to_account: AccountRef | None
    category: AccountRef | None
    tags: list[str]
    postings: list[PostingOut]
    category_source: CategorySource
    category_confidence: float | None
    category_reason: str | None
    category_locked: bool
    review_flag: str | None = Field(default=None, description='"possible_duplicate" while a person should look')
    review_ref: int | None = Field(default=None, description="The transaction this one may duplicate")
    import_id: int | None = None
    version: int
    running_balance: str | None = None
    counted: str | None = Field(
        default=None,
        description="Listed for a figure (`measure` given): the part of this transaction the figure counts, in its "
        "sense (spending positive for spending, income positive for income and net); the rows' sum is its total",
    )


class FigureOut(BaseModel):
    """A figure with how many transactions make it up: the transactions listing with the same spec holds exactly
    `count` rows whose `counted` amounts sum to `total`."""

    total: str
    count: int
    currency: str
    query: QuerySpecOut


class TransactionPage(BaseModel):
    items: list[TransactionOut]
    next_cursor: str | None
    figure: FigureOut | None = Field(
        default=None, description="With `measure` given, on the first page: the figure these transactions make up"
    )


class EventOut(BaseModel):
    id: int
    group_id: str
    created_at: dt.datetime
    actor_id: int | None
    source: str
    entity: str
    entity_id: int
    action: str
    summary: str
    undone: bool


class UndoOut(BaseModel):
    group_id: str
    undo_group_id: str
    events: int
    summary: list[str]


# ---- reports --------------------------------------------------------------------------------------------------
class SummaryGroupOut(BaseModel):
    key: str
    category_id: int | None
    income: str
    expenses: str
    net: str
    count: int


class SummaryOut(BaseModel):
    start: dt.date
    end: dt.date
    currency: str
    income: str
    expenses: str
    net: str
    savings_rate: str | None = Field(description="Net as a percentage of income")
    groups: list[SummaryGroupOut]
    query: QuerySpecOut


class BalanceOut(BaseModel):
    account: AccountOut
    balance: str


class NetWorthOut(BaseModel):
    at: dt.date
    currency: str
    assets: str
    liabilities: str
    net_worth: str
    other_currencies: dict[str, str]
    accounts: list[BalanceOut]


class UndoIn(Strict):
    group_id: str | None = Field(default=None, max_length=36)


class OpeningDateMoved(BaseModel):
    """The account with its new opening date, and the event group that one undo reverts."""

    account: AccountOut
    group_id: str
