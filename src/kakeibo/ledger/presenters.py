"""Turns stored transactions and accounts into API shapes, loading what they need in bulk (no lazy loads)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from kakeibo.core.money import minor_to_str
from kakeibo.ledger import repository as repo
from kakeibo.ledger.lookups import is_uncategorized
from kakeibo.ledger.models import BALANCE_KINDS, Account, Transaction, TransactionType
from kakeibo.ledger.schemas import AccountOut, AccountRef, CategoryOut, PostingOut, TransactionOut


def account_out(account: Account, balance_minor: int | None = None) -> AccountOut:
    currency = account.currency or "USD"
    return AccountOut(
        id=account.id,
        name=account.name,
        kind=account.kind,
        subtype=account.subtype,
        currency=account.currency,
        institution=account.institution,
        opening_balance=minor_to_str(account.opening_balance_minor, currency),
        opening_date=account.opening_date,
        archived=account.archived,
        sort_order=account.sort_order,
        balance=minor_to_str(balance_minor, currency) if balance_minor is not None else None,
    )


def category_out(account: Account) -> CategoryOut:
    return CategoryOut.model_validate(account, from_attributes=True)


def _ref(account: Account) -> AccountRef:
    return AccountRef(id=account.id, name=account.path, kind=account.kind)


def _refs(accounts: dict[int, Account]) -> dict[int, AccountRef]:
    """One reference object per account, shared by every posting that names it."""
    return {account_id: _ref(account) for account_id, account in accounts.items()}


def transactions_out(
    session: Session,
    *,
    household_id: int,
    transactions: Sequence[Transaction],
    running: dict[int, int] | None = None,
    running_currency: str | None = None,
) -> list[TransactionOut]:
    ids = [t.id for t in transactions]
    postings = repo.posting_rows_of(session, ids)
    tags = repo.tags_of(session, ids)
    accounts = repo.accounts_by_id(
        session, household_id=household_id, ids={p.account_id for rows in postings.values() for p in rows}
    )
    refs = _refs(accounts)
    result = []
    for tx in transactions:
        legs = postings.get(tx.id, [])
        money = [p for p in legs if accounts[p.account_id].kind in BALANCE_KINDS]
        others = [p for p in legs if accounts[p.account_id].kind not in BALANCE_KINDS]
        account = to_account = category = None
        if tx.type == TransactionType.transfer and len(money) == 2:
            src, dst = sorted(money, key=lambda p: p.converted_minor)
            account, to_account = accounts[src.account_id], accounts[dst.account_id]
        elif money:
            account = accounts[money[0].account_id]
        if len(others) == 1 and not is_uncategorized(accounts[others[0].account_id]):
            category = accounts[others[0].account_id]
        result.append(
            TransactionOut(
                id=tx.id,
                date=tx.date,
                type=tx.type,
                payee=tx.payee,
                description=tx.description,
                notes=tx.notes,
                status=tx.status,
                source=tx.source,
                amount=minor_to_str(tx.amount_minor, tx.settlement_currency),
                currency=tx.settlement_currency,
                account=refs[account.id] if account else None,
                to_account=refs[to_account.id] if to_account else None,
                category=refs[category.id] if category else None,
                tags=sorted(tags.get(tx.id, [])),
                postings=[
                    PostingOut(
                        id=p.id,
                        account=refs[p.account_id],
                        amount=minor_to_str(p.amount_minor, p.currency),
                        currency=p.currency,
                        converted_amount=minor_to_str(p.converted_minor, tx.settlement_currency),
                        memo=p.memo,
                    )
                    for p in legs
                ],
                category_source=tx.category_source,
                category_confidence=tx.category_confidence,
                category_reason=tx.category_reason,
                category_locked=tx.category_locked,
                review_flag=tx.review_flag,
                review_ref=tx.review_ref,
                import_id=tx.import_id,
                version=tx.version,
                running_balance=(
                    minor_to_str(running[tx.id], running_currency or tx.settlement_currency)
                    if running is not None and tx.id in running
                    else None
                ),
            )
        )
    return result
