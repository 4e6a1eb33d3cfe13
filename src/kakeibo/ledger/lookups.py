"""Finding the ledger's accounts, categories and transactions by id or name, or failing with the error a caller shows."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import as_id
from kakeibo.ledger import repository as repo
from kakeibo.ledger.errors import AccountNotFound, CategoryNotFound, TransactionNotFound
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, AccountKind, Transaction
from kakeibo.ledger.postings import AccountInfo

OPENING_BALANCES = "Opening Balances"
UNCATEGORIZED_EXPENSE = "Uncategorized"
UNCATEGORIZED_INCOME = "Uncategorized Income"


def is_uncategorized(account: Account | AccountInfo) -> bool:
    return account.path in (UNCATEGORIZED_EXPENSE, UNCATEGORIZED_INCOME) and account.kind in CATEGORY_KINDS


def info(account: Account) -> AccountInfo:
    return AccountInfo(id=account.id, kind=account.kind, currency=account.currency, path=account.path)


def name_taken(
    session: Session, *, household_id: int, kinds: Sequence[AccountKind], path: str, by_other_than: int | None = None
) -> bool:
    """Whether a live account of these kinds (other than `by_other_than`) has this path: names are unique among
    live accounts, and among live categories."""
    clash = repo.get_account_by_path(session, household_id=household_id, kinds=kinds, path=path)
    return clash is not None and clash.id != by_other_than


def get_money_account(session: Session, *, household_id: int, account_id: int, field: str = "account") -> Account:
    account = repo.get_account(session, household_id=household_id, account_id=account_id)
    if account is None or account.kind not in BALANCE_KINDS:
        raise AccountNotFound(f"no account {account_id} in this household", field=field)
    return account


def find_money_account(session: Session, *, household_id: int, name: str) -> Account:
    account = repo.get_account_by_path(session, household_id=household_id, kinds=BALANCE_KINDS, path=name.strip())
    if account is None:
        raise AccountNotFound(f"no account named {name!r}", field="account")
    return account


def _account_by_id(session: Session, *, household_id: int, ref: int | str) -> Account | None:
    found = as_id(ref)
    return None if found is None else repo.get_account(session, household_id=household_id, account_id=found)


def resolve_category(session: Session, *, household_id: int, ref: int | str, field: str = "category") -> Account:
    """A category by id, by "Group/Category" (or "Group:Category"), or by a unique bare name."""
    if isinstance(ref, int) or ref.strip().isdigit():
        account = _account_by_id(session, household_id=household_id, ref=ref)
        if account is None or account.kind not in CATEGORY_KINDS:
            raise CategoryNotFound(f"no category {ref} in this household", field=field)
        return account
    text = ref.strip().replace(":", "/")
    text = "/".join(part.strip() for part in text.split("/"))
    account = repo.get_account_by_path(session, household_id=household_id, kinds=CATEGORY_KINDS, path=text)
    if account is None and "/" not in text:
        matches = [
            a
            for a in repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)
            if a.name.lower() == text.lower()
        ]
        if len(matches) == 1:
            account = matches[0]
        elif len(matches) > 1:
            names = ", ".join(a.path for a in matches)
            raise ValidationFailed(f"category {ref!r} is ambiguous: {names}", field=field)
    if account is None:
        raise CategoryNotFound(f'no category {ref!r}; use "Group/Category" as in the category list', field=field)
    return account


def get_transaction(session: Session, *, household_id: int, transaction_id: int) -> Transaction:
    transaction = repo.get_transaction(session, household_id=household_id, transaction_id=transaction_id)
    if transaction is None:
        raise TransactionNotFound(f"no transaction {transaction_id} in this household")
    return transaction


class AccountCache:
    """Resolves account and category references once per call (the batch path resolves thousands)."""

    def __init__(self, session: Session, household_id: int) -> None:
        self.session = session
        self.household_id = household_id
        self._by_id: dict[int, AccountInfo] = {}
        self._categories: dict[str, AccountInfo] = {}

    def money(self, account_id: int, field: str) -> AccountInfo:
        found = self._by_id.get(account_id)
        if found is None:
            found = info(
                get_money_account(self.session, household_id=self.household_id, account_id=account_id, field=field)
            )
            self._by_id[account_id] = found
        if found.kind not in BALANCE_KINDS:
            raise AccountNotFound(f"no account {account_id} in this household", field=field)
        return found

    def category(self, ref: int | str | None, *, income: bool, field: str = "category") -> AccountInfo:
        key = str(ref) if ref is not None else ("\0income" if income else "\0expense")
        found = self._categories.get(key)
        if found is None:
            if ref is None:
                path = UNCATEGORIZED_INCOME if income else UNCATEGORIZED_EXPENSE
                account = repo.get_account_by_path(
                    self.session, household_id=self.household_id, kinds=CATEGORY_KINDS, path=path
                )
                if account is None:  # a household whose system categories were removed gets them back
                    account = Account(
                        household_id=self.household_id,
                        kind=AccountKind.income if income else AccountKind.expense,
                        name=path,
                        path=path,
                    )
                    self.session.add(account)
                    self.session.flush()
            else:
                account = resolve_category(self.session, household_id=self.household_id, ref=ref, field=field)
            found = info(account)
            self._categories[key] = found
        return found

    def any(self, ref: int | str, field: str) -> AccountInfo:
        """A postings-form reference: an account id (money, category or equity), or a category by name."""
        if isinstance(ref, int) or ref.strip().isdigit():
            account = _account_by_id(self.session, household_id=self.household_id, ref=ref)
            if account is None:
                raise AccountNotFound(f"no account {ref} in this household", field=field)
            return info(account)
        return self.category(ref, income=False, field=field)
