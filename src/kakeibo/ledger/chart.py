"""The chart of accounts: a new household's seed, money accounts with their opening balances, the equity account
they open against, and categories; each change with its event."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict, ValidationFailed
from kakeibo.core.money import Currency, Money
from kakeibo.ledger import repository as repo
from kakeibo.ledger.events import account_change, account_image, record
from kakeibo.ledger.lookups import (
    OPENING_BALANCES,
    UNCATEGORIZED_EXPENSE,
    UNCATEGORIZED_INCOME,
    get_money_account,
    name_taken,
    resolve_category,
)
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, AccountKind, TransactionType
from kakeibo.ledger.postings import Leg
from kakeibo.ledger.schemas import AccountCreate, AccountUpdate, CategoryCreate, CategoryUpdate
from kakeibo.ledger.taxonomy import default_taxonomy
from kakeibo.ledger.transactions import delete_transaction
from kakeibo.ledger.writes import NewTransaction, insert, rename_category


def seed_household(session: Session, *, household_id: int) -> None:
    """Give a new household its equity account and the default category tree."""
    session.add(
        Account(household_id=household_id, kind=AccountKind.equity, name=OPENING_BALANCES, path=OPENING_BALANCES)
    )
    order = 0
    for group in default_taxonomy():
        kind = AccountKind(group.kind)
        parent = Account(household_id=household_id, kind=kind, name=group.name, path=group.name, sort_order=order)
        session.add(parent)
        session.flush()
        for index, name in enumerate(group.categories):
            session.add(
                Account(
                    household_id=household_id,
                    kind=kind,
                    name=name,
                    path=f"{group.name}/{name}",
                    parent_id=parent.id,
                    sort_order=index,
                )
            )
        order += 1
    for name, kind in ((UNCATEGORIZED_EXPENSE, AccountKind.expense), (UNCATEGORIZED_INCOME, AccountKind.income)):
        session.add(Account(household_id=household_id, kind=kind, name=name, path=name, sort_order=order))
        order += 1
    session.flush()


def create_account(session: Session, *, actor: Actor, data: AccountCreate) -> Account:
    name = data.name.strip()
    if name_taken(session, household_id=actor.household_id, kinds=BALANCE_KINDS, path=name):
        raise Conflict(f"an account named {name!r} already exists", field="name")
    currency = Currency.of(data.currency or actor.base_currency)
    opening = Money.of(data.opening_balance, currency, field="opening_balance")
    account = Account(
        household_id=actor.household_id,
        kind=AccountKind(data.kind),
        subtype=data.subtype,
        name=name,
        path=name,
        currency=currency.code,
        institution=data.institution,
        opening_balance_minor=opening.minor,
        opening_date=data.opening_date or clock.today(),
        archived=False,
        sort_order=0,
    )
    session.add(account)
    session.flush()
    record(session, actor, account_change(account, "create", None, f"Added account {name}"))
    _write_opening(session, actor, account)
    repo.bump_ledger_version(session, household_id=actor.household_id)
    session.flush()
    return account


def _write_opening(session: Session, actor: Actor, account: Account) -> None:
    """The opening balance as a transaction against Equity:Opening Balances (none for a zero balance)."""
    account.opening_transaction_id = None
    opening = account.opening_balance_minor
    if opening == 0:
        return
    currency = account.currency
    assert currency is not None
    equity = equity_account(session, household_id=actor.household_id)
    legs = [Leg(account.id, opening, currency, opening), Leg(equity.id, -opening, currency, -opening)]
    new = NewTransaction(
        date=account.opening_date or clock.today(),
        type=TransactionType.opening,
        payee="",
        description=f"Opening balance of {account.name}",
        notes="",
        status="cleared",
        settlement=currency,
        legs=legs,
        tags=[],
        fingerprint=None,
    )
    account.opening_transaction_id = insert(session, actor, [new])[0]


def update_account(session: Session, *, actor: Actor, account_id: int, data: AccountUpdate) -> Account:
    account = get_money_account(session, household_id=actor.household_id, account_id=account_id, field="id")
    before = account_image(account)
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is not None:
        name = changes["name"].strip()
        if name_taken(
            session, household_id=actor.household_id, kinds=BALANCE_KINDS, path=name, by_other_than=account.id
        ):
            raise Conflict(f"an account named {name!r} already exists", field="name")
        account.name = account.path = name
    for key in ("subtype", "institution", "archived", "sort_order"):
        if key in changes and (changes[key] is not None or key == "institution"):
            setattr(account, key, changes[key])
    opening_changed = False
    if changes.get("opening_balance") is not None:
        assert account.currency is not None
        minor = Money.of(changes["opening_balance"], account.currency, field="opening_balance").minor
        opening_changed = minor != account.opening_balance_minor
        account.opening_balance_minor = minor
    if changes.get("opening_date") is not None and changes["opening_date"] != account.opening_date:
        account.opening_date = changes["opening_date"]
        opening_changed = True
    if opening_changed:
        # The old opening transaction goes and a new one comes, in this change's group: one undo reverts both.
        if before["opening_transaction_id"] is not None:
            delete_transaction(session, actor=actor, transaction_id=before["opening_transaction_id"])
        _write_opening(session, actor, account)
        repo.bump_ledger_version(session, household_id=actor.household_id)
    session.flush()
    record(session, actor, account_change(account, "update", before, f"Changed account {account.name}"))
    return account


def delete_account(session: Session, *, actor: Actor, account_id: int) -> None:
    account = get_money_account(session, household_id=actor.household_id, account_id=account_id, field="id")
    if repo.account_has_postings(session, account_id=account.id, except_transaction=account.opening_transaction_id):
        raise Conflict(f"{account.name} has transactions; archive it instead of deleting it")
    if account.opening_transaction_id is not None:
        delete_transaction(session, actor=actor, transaction_id=account.opening_transaction_id)
    _soft_delete_account(session, actor, account, f"Deleted account {account.name}")


def _soft_delete_account(session: Session, actor: Actor, account: Account, summary: str) -> None:
    before = account_image(account)
    account.deleted_at = clock.now()
    session.flush()
    record(session, actor, account_change(account, "delete", before, summary))


def equity_account(session: Session, *, household_id: int) -> Account:
    """The household's Equity:Opening Balances, made again if it is missing (opening balances post against it)."""
    equity = repo.get_account_by_path(
        session, household_id=household_id, kinds=[AccountKind.equity], path=OPENING_BALANCES
    )
    if equity is None:
        equity = Account(
            household_id=household_id, kind=AccountKind.equity, name=OPENING_BALANCES, path=OPENING_BALANCES
        )
        session.add(equity)
        session.flush()
    return equity


def create_category(session: Session, *, actor: Actor, data: CategoryCreate) -> Account:
    name = data.name.strip()
    parent = None
    if data.parent is not None:
        parent = resolve_category(session, household_id=actor.household_id, ref=data.parent, field="parent")
        if parent.parent_id is not None:
            raise ValidationFailed("categories have two levels: the parent must be a group", field="parent")
    kind = AccountKind(data.kind) if data.kind else (parent.kind if parent else AccountKind.expense)
    if parent is not None and kind != parent.kind:
        raise ValidationFailed(f"a {parent.kind.value} group holds {parent.kind.value} categories", field="kind")
    path = f"{parent.path}/{name}" if parent else name
    if name_taken(session, household_id=actor.household_id, kinds=CATEGORY_KINDS, path=path):
        raise Conflict(f"category {path!r} already exists", field="name")
    account = Account(
        household_id=actor.household_id,
        kind=kind,
        name=name,
        path=path,
        parent_id=parent.id if parent else None,
        sort_order=1000,
    )
    session.add(account)
    session.flush()
    record(session, actor, account_change(account, "create", None, f"Added category {path}"))
    return account


def update_category(session: Session, *, actor: Actor, category_id: int, data: CategoryUpdate) -> Account:
    account = resolve_category(session, household_id=actor.household_id, ref=category_id, field="id")
    before = account_image(account)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name"):
        rename_category(session, account, changes["name"].strip())
    for key in ("archived", "sort_order"):
        if changes.get(key) is not None:
            setattr(account, key, changes[key])
    session.flush()
    record(session, actor, account_change(account, "update", before, f"Changed category {account.path}"))
    return account


def delete_category(session: Session, *, actor: Actor, category_id: int) -> None:
    account = resolve_category(session, household_id=actor.household_id, ref=category_id, field="id")
    ids = repo.subtree_ids(session, household_id=actor.household_id, root=account)
    if any(repo.account_has_postings(session, account_id=i) for i in ids):
        raise Conflict(f"{account.path} has transactions; recategorize them or archive the category")
    _soft_delete_account(session, actor, account, f"Deleted category {account.path}")
