"""The friendly form of a stored transaction (an expense, income or transfer between one account and one other
side), or its postings when it has none: what an update starts from before it applies its changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.money import minor_to_str
from kakeibo.ledger import repository as repo
from kakeibo.ledger.lookups import is_uncategorized
from kakeibo.ledger.models import BALANCE_KINDS, Account, Posting, Transaction, TransactionType


@dataclass(slots=True)
class Shape:
    """How a stored transaction reads: its friendly form when it has one, else its postings."""

    friendly: dict[str, Any] | None
    postings: list[Posting]
    accounts: dict[int, Account]
    settlement: str

    def postings_in(self) -> list[dict[str, Any]]:
        return [
            {
                "account": p.account_id,
                "amount": minor_to_str(p.amount_minor, p.currency),
                "currency": p.currency,
                "converted_amount": None
                if p.currency == self.settlement
                else minor_to_str(p.converted_minor, self.settlement),
                "memo": p.memo,
            }
            for p in self.postings
        ]


def describe(
    session: Session,
    transaction: Transaction,
    postings: list[Posting],
    *,
    household_id: int,
    accounts: dict[int, Account] | None = None,
) -> Shape:
    """Read a stored transaction back as the request that would create it (its accounts loaded unless given)."""
    accounts = (
        accounts
        if accounts is not None
        else repo.accounts_by_id(session, household_id=household_id, ids=[p.account_id for p in postings])
    )
    money = [p for p in postings if accounts[p.account_id].kind in BALANCE_KINDS]
    other = [p for p in postings if accounts[p.account_id].kind not in BALANCE_KINDS]
    settlement = transaction.settlement_currency
    if (
        len(postings) == 2
        and transaction.type in (TransactionType.expense, TransactionType.income)
        and len(money) == 1
        and len(other) == 1
    ):
        m, c = money[0], other[0]
        category = accounts[c.account_id]
        return Shape(
            {
                "type": transaction.type.value,
                "account": m.account_id,
                "category": None if is_uncategorized(category) else c.account_id,
                "amount": minor_to_str(abs(c.amount_minor), c.currency),
                "currency": c.currency,
                "converted_amount": minor_to_str(abs(m.amount_minor), settlement) if c.currency != settlement else None,
            },
            postings,
            accounts,
            settlement,
        )
    if len(postings) == 2 and transaction.type == TransactionType.transfer and len(money) == 2:
        src, dst = sorted(money, key=lambda p: p.amount_minor)
        return Shape(
            {
                "type": "transfer",
                "account": src.account_id,
                "to_account": dst.account_id,
                "amount": minor_to_str(-src.amount_minor, src.currency),
                "currency": src.currency,
                "to_amount": minor_to_str(dst.amount_minor, dst.currency) if dst.currency != src.currency else None,
            },
            postings,
            accounts,
            settlement,
        )
    return Shape(None, postings, accounts, settlement)
