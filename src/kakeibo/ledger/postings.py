"""Pure posting construction: the friendly form and the postings form become balanced legs, or an error."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from kakeibo.core.errors import ValidationFailed
from kakeibo.core.money import Money
from kakeibo.ledger.errors import UnbalancedTransaction
from kakeibo.ledger.models import BALANCE_KINDS, AccountKind


@dataclass(frozen=True, slots=True)
class AccountInfo:
    id: int
    kind: AccountKind
    currency: str | None  # None for categories
    path: str

    @property
    def holds_money(self) -> bool:
        return self.kind in BALANCE_KINDS


class Leg(NamedTuple):
    """A posting to be written (a tuple: the batch path builds hundreds of thousands of them)."""

    account_id: int
    amount_minor: int
    currency: str
    converted_minor: int  # in the settlement currency
    memo: str = ""


@dataclass(frozen=True, slots=True)
class LegInput:
    account: AccountInfo
    amount: str
    currency: str | None
    converted_amount: str | None
    memo: str = ""


def _positive(amount: str, currency: str, field: str = "amount") -> Money:
    money = Money.of(amount, currency, field=field)
    if money.amount <= 0:
        raise ValidationFailed(f"{field} must be greater than zero (the type says which way money moves)", field=field)
    return money


def friendly_legs(
    *,
    type: str,
    account: AccountInfo,
    category: AccountInfo,
    to_account: AccountInfo | None,
    amount: str,
    currency: str | None,
    converted_amount: str | None,
    to_amount: str | None,
) -> tuple[list[Leg], str]:
    """Legs for an expense, income or transfer, and the settlement currency (the account's)."""
    if not account.holds_money or account.currency is None:
        raise ValidationFailed("account must be an asset or liability account", field="account")
    settlement = account.currency
    spent = _positive(amount, currency or settlement)
    if spent.currency.code == settlement:
        settled = spent
    else:
        if converted_amount is None:
            raise ValidationFailed(
                f"the amount is in {spent.currency.code} but the account is in {settlement}: "
                f"give converted_amount in {settlement}",
                field="converted_amount",
            )
        settled = _positive(converted_amount, settlement, "converted_amount")

    if type == "transfer":
        if to_account is None or not to_account.holds_money or to_account.currency is None:
            raise ValidationFailed("to_account must be an asset or liability account", field="to_account")
        if to_account.id == account.id:
            raise ValidationFailed("a transfer needs two different accounts", field="to_account")
        if spent.currency.code != settlement:
            raise ValidationFailed(
                f"a transfer's amount is in the source account's currency ({settlement})", field="currency"
            )
        if to_account.currency == settlement:
            if to_amount is not None and Money.of(to_amount, settlement, field="to_amount") != spent:
                raise ValidationFailed("to_amount differs from amount for accounts in one currency", field="to_amount")
            received = spent
        else:
            if to_amount is None:
                raise ValidationFailed(
                    f"to_account is in {to_account.currency}: give to_amount in {to_account.currency}",
                    field="to_amount",
                )
            received = _positive(to_amount, to_account.currency, "to_amount")
        return [
            Leg(account.id, -spent.minor, settlement, -spent.minor),
            Leg(to_account.id, received.minor, received.currency.code, spent.minor),
        ], settlement

    sign = -1 if type == "expense" else 1
    settled_minor, spent_minor = settled.minor, spent.minor
    return [
        Leg(account.id, sign * settled_minor, settlement, sign * settled_minor),
        Leg(category.id, -sign * spent_minor, spent.currency.code, -sign * settled_minor),
    ], settlement


def posting_legs(inputs: Sequence[LegInput], *, settlement: str) -> list[Leg]:
    """Legs from an explicit postings list; they must balance to zero in the settlement currency."""
    legs: list[Leg] = []
    for index, item in enumerate(inputs):
        field = f"postings.{index}"
        account = item.account
        currency = item.currency or account.currency or settlement
        if account.holds_money and currency != account.currency:
            raise ValidationFailed(
                f"{account.path} holds {account.currency}; its posting cannot be in {currency}",
                field=f"{field}.currency",
            )
        money = Money.of(item.amount, currency, field=f"{field}.amount")
        if currency == settlement:
            if item.converted_amount is not None and Money.of(item.converted_amount, settlement) != money:
                raise ValidationFailed(
                    "converted_amount differs from amount in the same currency", field=f"{field}.converted_amount"
                )
            converted = money.minor
        else:
            if item.converted_amount is None:
                raise ValidationFailed(
                    f"posting in {currency} needs converted_amount in the settlement currency {settlement}",
                    field=f"{field}.converted_amount",
                )
            converted = Money.of(item.converted_amount, settlement, field=f"{field}.converted_amount").minor
            if (converted > 0) - (converted < 0) != (money.minor > 0) - (money.minor < 0):
                raise ValidationFailed(
                    "converted_amount must have the sign of amount (and be zero only when it is zero)",
                    field=f"{field}.converted_amount",
                )
        legs.append(Leg(account.id, money.minor, currency, converted, item.memo))
    check_balanced(legs, settlement)
    if not any(inputs[i].account.holds_money for i in range(len(inputs))) and len(legs) < 2:
        raise ValidationFailed("a transaction needs at least two postings", field="postings")
    return legs


def check_balanced(legs: Sequence[Leg], settlement: str) -> None:
    residual = sum(leg.converted_minor for leg in legs)
    if residual != 0:
        off = Money.from_minor(residual, settlement)
        raise UnbalancedTransaction(
            f"postings must sum to zero in {settlement}; they are off by {off.amount} {settlement}", field="postings"
        )
    if len(legs) < 2:
        raise UnbalancedTransaction("a transaction needs at least two postings", field="postings")
