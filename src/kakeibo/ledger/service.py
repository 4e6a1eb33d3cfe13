"""Ledger use cases: accounts, categories, transactions, events and undo. Services flush; the edge commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core import clock
from kakeibo.core.actor import Actor, new_group_id
from kakeibo.core.errors import Conflict, ValidationFailed
from kakeibo.core.limits import as_id
from kakeibo.core.money import Currency, Money, minor_to_str
from kakeibo.ledger import repository as repo
from kakeibo.ledger.errors import (
    AccountNotFound,
    CategoryNotFound,
    NothingToUndo,
    StaleVersion,
    TransactionNotFound,
    UndoConflict,
)
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    Account,
    AccountKind,
    AccountSubtype,
    CategorySource,
    Event,
    Posting,
    Transaction,
    TransactionType,
)
from kakeibo.ledger.postings import AccountInfo, Leg, LegInput, friendly_legs, posting_legs
from kakeibo.ledger.schemas import (
    AccountCreate,
    AccountUpdate,
    CategoryCreate,
    CategoryUpdate,
    TransactionCreate,
    TransactionUpdate,
)
from kakeibo.ledger.taxonomy import default_taxonomy

OPENING_BALANCES = "Opening Balances"
UNCATEGORIZED_EXPENSE = "Uncategorized"
UNCATEGORIZED_INCOME = "Uncategorized Income"


# ---- households -----------------------------------------------------------------------------------------------
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


def is_uncategorized(account: Account | AccountInfo) -> bool:
    return account.path in (UNCATEGORIZED_EXPENSE, UNCATEGORIZED_INCOME) and account.kind in CATEGORY_KINDS


def info(account: Account) -> AccountInfo:
    return AccountInfo(id=account.id, kind=account.kind, currency=account.currency, path=account.path)


# ---- accounts -------------------------------------------------------------------------------------------------
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


def create_account(session: Session, *, actor: Actor, data: AccountCreate) -> Account:
    name = data.name.strip()
    if repo.get_account_by_path(session, household_id=actor.household_id, kinds=BALANCE_KINDS, path=name):
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
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action="create",
        before=None,
        after=_account_image(account),
        summary=f"Added account {name}",
    )
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
    equity = _equity(session, household_id=actor.household_id)
    legs = [Leg(account.id, opening, currency, opening), Leg(equity.id, -opening, currency, -opening)]
    new = _NewTransaction(
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
    account.opening_transaction_id = _insert(session, actor, [new])[0]


def update_account(session: Session, *, actor: Actor, account_id: int, data: AccountUpdate) -> Account:
    account = get_money_account(session, household_id=actor.household_id, account_id=account_id, field="id")
    before = _account_image(account)
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is not None:
        name = changes["name"].strip()
        clash = repo.get_account_by_path(session, household_id=actor.household_id, kinds=BALANCE_KINDS, path=name)
        if clash is not None and clash.id != account.id:
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
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action="update",
        before=before,
        after=_account_image(account),
        summary=f"Changed account {account.name}",
    )
    return account


def delete_account(session: Session, *, actor: Actor, account_id: int) -> None:
    account = get_money_account(session, household_id=actor.household_id, account_id=account_id, field="id")
    if repo.account_has_postings(session, account_id=account.id, except_transaction=account.opening_transaction_id):
        raise Conflict(f"{account.name} has transactions; archive it instead of deleting it")
    if account.opening_transaction_id is not None:
        delete_transaction(session, actor=actor, transaction_id=account.opening_transaction_id)
    _soft_delete_account(session, actor, account, f"Deleted account {account.name}")


def _soft_delete_account(session: Session, actor: Actor, account: Account, summary: str) -> None:
    before = _account_image(account)
    account.deleted_at = clock.now()
    session.flush()
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action="delete",
        before=before,
        after=_account_image(account),
        summary=summary,
    )


def _equity(session: Session, *, household_id: int) -> Account:
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


# ---- categories -----------------------------------------------------------------------------------------------
def resolve_category(session: Session, *, household_id: int, ref: int | str, field: str = "category") -> Account:
    """A category by id, by "Group/Category" (or "Group:Category"), or by a unique bare name."""
    if isinstance(ref, int) or ref.strip().isdigit():
        found = as_id(ref)
        account = None if found is None else repo.get_account(session, household_id=household_id, account_id=found)
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
    if repo.get_account_by_path(session, household_id=actor.household_id, kinds=CATEGORY_KINDS, path=path):
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
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action="create",
        before=None,
        after=_account_image(account),
        summary=f"Added category {path}",
    )
    return account


def update_category(session: Session, *, actor: Actor, category_id: int, data: CategoryUpdate) -> Account:
    account = resolve_category(session, household_id=actor.household_id, ref=category_id, field="id")
    before = _account_image(account)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name"):
        _rename_category(session, account, changes["name"].strip())
    for key in ("archived", "sort_order"):
        if changes.get(key) is not None:
            setattr(account, key, changes[key])
    session.flush()
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action="update",
        before=before,
        after=_account_image(account),
        summary=f"Changed category {account.path}",
    )
    return account


def _rename_category(session: Session, account: Account, name: str) -> None:
    old = account.path
    new = f"{old.rsplit('/', 1)[0]}/{name}" if "/" in old else name
    if new == old:
        return
    clash = repo.get_account_by_path(session, household_id=account.household_id, kinds=CATEGORY_KINDS, path=new)
    if clash is not None and clash.id != account.id:
        raise Conflict(f"category {new!r} already exists", field="name")
    account.name, account.path = name, new
    repo.descendants_paths_update(session, household_id=account.household_id, kind=account.kind, old=old, new=new)


def delete_category(session: Session, *, actor: Actor, category_id: int) -> None:
    account = resolve_category(session, household_id=actor.household_id, ref=category_id, field="id")
    ids = repo.subtree_ids(session, household_id=actor.household_id, root=account)
    if any(repo.account_has_postings(session, account_id=i) for i in ids):
        raise Conflict(f"{account.path} has transactions; recategorize them or archive the category")
    _soft_delete_account(session, actor, account, f"Deleted category {account.path}")


# ---- transactions ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _NewTransaction:
    date: dt.date
    type: TransactionType
    payee: str
    description: str
    notes: str
    status: str
    settlement: str
    legs: list[Leg]
    tags: list[str]
    fingerprint: str | None
    category_source: CategorySource = CategorySource.none
    category_confidence: float | None = None
    category_reason: str | None = None
    category_locked: bool = False
    review_flag: str | None = None
    review_ref: int | None = None
    import_id: int | None = None


@dataclass(frozen=True, slots=True)
class CategoryGuess:
    """How a category was chosen, recorded on the transaction (by the categorizer or the importer)."""

    source: CategorySource
    confidence: float | None = None
    reason: str | None = None


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
            found = as_id(ref)
            account = (
                None
                if found is None
                else repo.get_account(self.session, household_id=self.household_id, account_id=found)
            )
            if account is None:
                raise AccountNotFound(f"no account {ref} in this household", field=field)
            return info(account)
        return self.category(ref, income=False, field=field)


def build_transaction(cache: AccountCache, data: TransactionCreate, *, base_currency: str) -> _NewTransaction:
    """Validate one friendly or postings-form transaction into balanced legs (no writes)."""
    tags = _clean_tags(data.tags)
    if data.postings is None:
        assert data.type is not None and data.account is not None and data.amount is not None
        account = cache.money(data.account, "account")
        to_account = cache.money(data.to_account, "to_account") if data.to_account is not None else None
        category = cache.category(data.category, income=data.type == "income")
        if data.type != "transfer" and category.holds_money:
            raise ValidationFailed("category must be a category, not an account", field="category")
        legs, settlement = friendly_legs(
            type=data.type,
            account=account,
            category=category,
            to_account=to_account,
            amount=data.amount,
            currency=data.currency,
            converted_amount=data.converted_amount,
            to_amount=data.to_amount,
        )
        tx_type = TransactionType(data.type)
        has_category = data.category is not None and data.type != "transfer"
    else:
        inputs = [
            LegInput(cache.any(p.account, f"postings.{i}.account"), p.amount, p.currency, p.converted_amount, p.memo)
            for i, p in enumerate(data.postings)
        ]
        settlement = data.settlement_currency or next(
            (leg.account.currency for leg in inputs if leg.account.holds_money and leg.account.currency), base_currency
        )
        legs = posting_legs(inputs, settlement=settlement)
        tx_type = _infer_type(inputs, legs)
        has_category = any(leg.account.kind in CATEGORY_KINDS and not is_uncategorized(leg.account) for leg in inputs)
    return _NewTransaction(
        date=data.date,
        type=tx_type,
        payee=data.payee.strip(),
        description=data.description.strip(),
        notes=data.notes,
        status=data.status,
        settlement=settlement,
        legs=legs,
        tags=tags,
        fingerprint=data.fingerprint,
        category_source=CategorySource.user if has_category else CategorySource.none,
        category_locked=has_category,
    )


def _infer_type(inputs: Sequence[LegInput], legs: Sequence[Leg]) -> TransactionType:
    if any(i.account.kind == AccountKind.equity for i in inputs):
        return TransactionType.opening
    categories = [(i, leg) for i, leg in zip(inputs, legs, strict=True) if not i.account.holds_money]
    if not categories:
        return TransactionType.transfer
    if len(categories) == 1:
        return TransactionType.income if categories[0][1].converted_minor < 0 else TransactionType.expense
    return TransactionType.split_


def _clean_tags(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = tag.strip().lstrip("#").lower()
        if not cleaned:
            continue
        if len(cleaned) > 64:
            raise ValidationFailed("a tag has at most 64 characters", field="tags")
        seen[cleaned] = None
    return list(seen)


def create_transaction(
    session: Session, *, actor: Actor, data: TransactionCreate, guess: CategoryGuess | None = None
) -> Transaction:
    cache = AccountCache(session, actor.household_id)
    new = build_transaction(cache, data, base_currency=actor.base_currency)
    if guess is not None and new.category_source == CategorySource.none:
        new.category_source, new.category_confidence, new.category_reason = guess.source, guess.confidence, guess.reason
    tx_id = _insert(session, actor, [new])[0]
    transaction = repo.get_transaction(session, household_id=actor.household_id, transaction_id=tx_id)
    assert transaction is not None
    return transaction


def create_transactions(
    session: Session,
    *,
    actor: Actor,
    items: Sequence[TransactionCreate],
    guesses: Sequence[CategoryGuess | None] | None = None,
    import_id: int | None = None,
    review: Sequence[tuple[str, int] | None] | None = None,
    cache: AccountCache | None = None,
) -> list[int]:
    """The batch path (imports, demo data, bench): one validation pass, then bulk inserts, one event group.
    Imports also give each row's categorization (`guesses`) and review flag (`review`: flag and the look-alike)."""
    cache = cache or AccountCache(session, actor.household_id)
    built = [build_transaction(cache, item, base_currency=actor.base_currency) for item in items]
    if guesses is None and review is None and import_id is None:
        return _insert(session, actor, built)
    for index, new in enumerate(built):
        guess = guesses[index] if guesses is not None else None
        if guess is not None and (new.category_source == CategorySource.none or guess.source != CategorySource.user):
            new.category_source, new.category_confidence, new.category_reason = (
                guess.source,
                guess.confidence,
                guess.reason,
            )
            new.category_locked = guess.source == CategorySource.user
        flag = review[index] if review is not None else None
        if flag is not None:
            new.review_flag, new.review_ref = flag
        new.import_id = import_id
    return _insert(session, actor, built)


def _primary_amount(legs: Sequence[Leg], money_ids: set[int]) -> int:
    for leg in legs:
        if leg.account_id in money_ids:
            return leg.converted_minor
    return legs[0].converted_minor


def _insert(session: Session, actor: Actor, items: Sequence[_NewTransaction]) -> list[int]:
    if not items:
        return []
    now = clock.now()
    # The version bump comes first: on SQLite it takes the write lock that makes id allocation safe.
    repo.bump_ledger_version(session, household_id=actor.household_id)
    ids = repo.allocate_transaction_ids(session, len(items))
    money_ids = {a.id for a in repo.list_accounts(session, household_id=actor.household_id, kinds=BALANCE_KINDS)}
    tx_rows = [
        {
            "id": tx_id,
            "household_id": actor.household_id,
            "date": item.date,
            "type": item.type,
            "payee": item.payee,
            "description": item.description,
            "notes": item.notes,
            "status": item.status,
            "source": actor.source,
            "fingerprint": item.fingerprint,
            "settlement_currency": item.settlement,
            "amount_minor": _primary_amount(item.legs, money_ids),
            "category_source": item.category_source,
            "category_confidence": item.category_confidence,
            "category_reason": item.category_reason,
            "category_locked": item.category_locked,
            "review_flag": item.review_flag,
            "review_ref": item.review_ref,
            "import_id": item.import_id,
            "version": 1,
            "created_by": actor.user_id,
            "created_at": now,
        }
        for tx_id, item in zip(ids, items, strict=True)
    ]
    repo.insert_transactions(session, tx_rows)
    full_images = len(items) <= 100
    posting_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    rollups: list[repo.RollupRow] = []
    for tx_id, item, row in zip(ids, items, tx_rows, strict=True):
        for leg in item.legs:
            posting_rows.append(
                {
                    "transaction_id": tx_id,
                    "household_id": actor.household_id,
                    "account_id": leg.account_id,
                    "date": item.date,
                    "amount_minor": leg.amount_minor,
                    "currency": leg.currency,
                    "converted_minor": leg.converted_minor,
                    "memo": leg.memo,
                    "deleted": False,
                }
            )
            rollups.append(
                (leg.account_id, item.date, leg.currency, item.settlement, leg.amount_minor, leg.converted_minor)
            )
        tag_rows.extend({"transaction_id": tx_id, "tag": t, "household_id": actor.household_id} for t in item.tags)
        if full_images:
            image = _image_from_row(tx_id, row, item.legs, item.tags)
            event_rows.append(_transaction_event_row(actor, now, tx_id, "create", image, _summary("Added", image)))
    if not full_images:
        # A large batch (an import) is one event naming its transactions; each is still at version 1 while
        # nobody has changed it since, which is what undoing the batch checks.
        verb = "Imported" if actor.source == "import" else "Added"
        first, last = min(i.date for i in items), max(i.date for i in items)
        summary = f"{verb} {len(ids):,} transactions from {first} to {last}"
        event_rows.append(_transaction_event_row(actor, now, ids[0], "bulk_create", {"ids": ids}, summary))
    repo.insert_postings(session, posting_rows)
    repo.insert_tags(session, tag_rows)
    repo.insert_events(session, event_rows)
    repo.apply_monthly_totals(session, household_id=actor.household_id, rows=rollups, sign=1)
    return ids


def _transaction_event_row(
    actor: Actor, now: dt.datetime, entity_id: int, action: str, after: dict[str, Any], summary: str
) -> dict[str, Any]:
    return {
        "household_id": actor.household_id,
        "group_id": actor.group_id,
        "actor_id": actor.user_id,
        "source": actor.source,
        "entity": "transaction",
        "entity_id": entity_id,
        "action": action,
        "before": None,
        "after": after,
        "summary": summary[:255],
        "created_at": now,
    }


def get_transaction(session: Session, *, household_id: int, transaction_id: int) -> Transaction:
    transaction = repo.get_transaction(session, household_id=household_id, transaction_id=transaction_id)
    if transaction is None:
        raise TransactionNotFound(f"no transaction {transaction_id} in this household")
    return transaction


def update_transaction(
    session: Session,
    *,
    actor: Actor,
    transaction_id: int,
    data: TransactionUpdate,
    guess: CategoryGuess | None = None,
) -> Transaction:
    """Change a transaction. A new category is a person's (locked against automatic refiling) unless `guess` says
    a rule or a model chose it; the event's after image records which, so the audit trail tells the truth."""
    transaction = get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
    if data.version is not None and data.version != transaction.version:
        raise StaleVersion(f"transaction {transaction_id} is at version {transaction.version}, not {data.version}")
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    tags = repo.tags_of(session, [transaction.id])[transaction.id]
    before = _image(transaction, postings, tags)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if not changes:
        return transaction
    merged = _merge_update(session, transaction, postings, changes, actor.household_id)
    cache = AccountCache(session, actor.household_id)
    new = build_transaction(cache, merged, base_currency=actor.base_currency)
    category_changed = "category" in changes or "postings" in changes
    _replace(session, transaction, postings, new, household_id=actor.household_id)
    if category_changed and guess is not None and guess.source != CategorySource.user:
        transaction.category_source, transaction.category_locked = guess.source, False
        transaction.category_confidence, transaction.category_reason = guess.confidence, guess.reason
    elif category_changed:
        transaction.category_source = new.category_source
        transaction.category_locked = new.category_locked
        transaction.category_confidence = None
        transaction.category_reason = "set by hand" if new.category_locked else None
    transaction.version += 1
    transaction.updated_at = clock.now()
    session.flush()
    after = _image(transaction, repo.postings_of(session, [transaction.id])[transaction.id], new.tags)
    _event(
        session,
        actor,
        entity="transaction",
        entity_id=transaction.id,
        action="update",
        before=before,
        after=after,
        summary=_summary("Changed", after),
    )
    repo.bump_ledger_version(session, household_id=actor.household_id)
    return transaction


def check_update(session: Session, *, actor: Actor, transaction: Transaction, data: TransactionUpdate) -> None:
    """Validate a change as `update_transaction` would, without writing (for previews such as proposals)."""
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    merged = _merge_update(session, transaction, postings, changes, actor.household_id)
    build_transaction(AccountCache(session, actor.household_id), merged, base_currency=actor.base_currency)


def _merge_update(
    session: Session, transaction: Transaction, postings: list[Posting], changes: dict[str, Any], household_id: int
) -> TransactionCreate:
    """The transaction as a create request with the changes applied (re-validated like a new one)."""
    tags = changes.get("tags")
    if tags is None:
        tags = repo.tags_of(session, [transaction.id])[transaction.id]
    common: dict[str, Any] = {
        "date": changes.get("date") or transaction.date,
        "payee": changes["payee"] if changes.get("payee") is not None else transaction.payee,
        "description": changes["description"] if changes.get("description") is not None else transaction.description,
        "notes": changes["notes"] if changes.get("notes") is not None else transaction.notes,
        "status": changes.get("status") or transaction.status,
        "tags": tags,
        "fingerprint": transaction.fingerprint,
    }
    if changes.get("postings") is not None:
        return TransactionCreate(
            postings=changes["postings"], settlement_currency=transaction.settlement_currency, **common
        )
    friendly_keys = {"category", "account", "to_account", "amount", "currency", "converted_amount", "to_amount"}
    shape = describe(session, transaction, postings, household_id=household_id)
    if shape.friendly is None:
        if friendly_keys & changes.keys():
            raise ValidationFailed("this is a split transaction: change it with postings", field="postings")
        return TransactionCreate(
            postings=shape.postings_in(), settlement_currency=transaction.settlement_currency, **common
        )
    friendly = dict(shape.friendly)
    for key in friendly_keys:
        if key in changes:
            friendly[key] = changes[key]
    if "amount" in changes and "converted_amount" not in changes and "currency" not in changes:
        friendly["converted_amount"] = None
    if friendly.get("type") != "transfer":
        friendly.pop("to_account", None)
        friendly.pop("to_amount", None)
    return TransactionCreate(**friendly, **common)


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


def _replace(
    session: Session, transaction: Transaction, old: list[Posting], new: _NewTransaction, *, household_id: int
) -> None:
    repo.apply_monthly_totals(
        session, household_id=household_id, rows=repo.rollup_rows(old, transaction.settlement_currency), sign=-1
    )
    repo.delete_postings(session, transaction_id=transaction.id)
    money_ids = {a.id for a in repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS)}
    transaction.date = new.date
    transaction.type = new.type
    transaction.payee = new.payee
    transaction.description = new.description
    transaction.notes = new.notes
    transaction.status = new.status
    transaction.settlement_currency = new.settlement
    transaction.amount_minor = _primary_amount(new.legs, money_ids)
    repo.insert_postings(
        session,
        [
            {
                "transaction_id": transaction.id,
                "household_id": household_id,
                "account_id": leg.account_id,
                "date": new.date,
                "amount_minor": leg.amount_minor,
                "currency": leg.currency,
                "converted_minor": leg.converted_minor,
                "memo": leg.memo,
                "deleted": transaction.deleted_at is not None,
            }
            for leg in new.legs
        ],
    )
    if transaction.deleted_at is None:
        repo.apply_monthly_totals(
            session,
            household_id=household_id,
            sign=1,
            rows=[
                (leg.account_id, new.date, leg.currency, new.settlement, leg.amount_minor, leg.converted_minor)
                for leg in new.legs
            ],
        )
    repo.replace_tags(session, household_id=household_id, transaction_id=transaction.id, tags=new.tags)


def delete_transaction(session: Session, *, actor: Actor, transaction_id: int) -> None:
    transaction = get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    tags = repo.tags_of(session, [transaction.id])[transaction.id]
    before = _image(transaction, postings, tags)
    _soft_delete(session, transaction, postings, household_id=actor.household_id)
    transaction.version += 1
    session.flush()
    _event(
        session,
        actor,
        entity="transaction",
        entity_id=transaction.id,
        action="delete",
        before=before,
        after=_image(transaction, postings, tags),
        summary=_summary("Deleted", before),
    )
    repo.bump_ledger_version(session, household_id=actor.household_id)


def _soft_delete(session: Session, transaction: Transaction, postings: list[Posting], *, household_id: int) -> None:
    transaction.deleted_at = clock.now()
    repo.set_postings_deleted(session, transaction_id=transaction.id, deleted=True)
    repo.apply_monthly_totals(
        session, household_id=household_id, rows=repo.rollup_rows(postings, transaction.settlement_currency), sign=-1
    )


def _restore(session: Session, transaction: Transaction, postings: list[Posting], *, household_id: int) -> None:
    transaction.deleted_at = None
    repo.set_postings_deleted(session, transaction_id=transaction.id, deleted=False)
    repo.apply_monthly_totals(
        session, household_id=household_id, rows=repo.rollup_rows(postings, transaction.settlement_currency), sign=1
    )


# ---- events and undo ------------------------------------------------------------------------------------------
def _event(
    session: Session,
    actor: Actor,
    *,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    summary: str,
    undo_of: str | None = None,
    group_id: str | None = None,
) -> None:
    session.add(
        Event(
            household_id=actor.household_id,
            group_id=group_id or actor.group_id,
            actor_id=actor.user_id,
            source=actor.source,
            entity=entity,
            entity_id=entity_id,
            action=action,
            before=before,
            after=after,
            summary=summary[:255],
            undo_of=undo_of,
            created_at=clock.now(),
        )
    )


def _image_from_row(tx_id: int, row: dict[str, Any], legs: Sequence[Leg], tags: Sequence[str]) -> dict[str, Any]:
    return {
        "id": tx_id,
        "date": row["date"].isoformat(),
        "type": str(row["type"]),
        "payee": row["payee"],
        "description": row["description"],
        "notes": row["notes"],
        "status": row["status"],
        "settlement_currency": row["settlement_currency"],
        "category_source": str(row["category_source"]),
        "category_confidence": row["category_confidence"],
        "category_reason": row["category_reason"],
        "category_locked": row["category_locked"],
        "version": row["version"],
        "deleted": False,
        "tags": list(tags),
        "postings": [[leg.account_id, leg.amount_minor, leg.currency, leg.converted_minor, leg.memo] for leg in legs],
    }


def _image(transaction: Transaction, postings: Sequence[Posting], tags: Sequence[str]) -> dict[str, Any]:
    return {
        "id": transaction.id,
        "date": transaction.date.isoformat(),
        "type": transaction.type.value,
        "payee": transaction.payee,
        "description": transaction.description,
        "notes": transaction.notes,
        "status": transaction.status,
        "settlement_currency": transaction.settlement_currency,
        "category_source": transaction.category_source.value,
        "category_confidence": transaction.category_confidence,
        "category_reason": transaction.category_reason,
        "category_locked": transaction.category_locked,
        "version": transaction.version,
        "deleted": transaction.deleted_at is not None,
        "tags": sorted(tags),
        "postings": [[p.account_id, p.amount_minor, p.currency, p.converted_minor, p.memo] for p in postings],
    }


def _state(image: dict[str, Any]) -> tuple[Any, ...]:
    """What a transaction is, regardless of its version counter and the order its postings were written in."""
    fields = ("date", "type", "payee", "description", "notes", "status", "settlement_currency", "deleted")
    postings = sorted(tuple(p) for p in image["postings"])
    return (*(image[f] for f in fields), tuple(sorted(image["tags"])), tuple(postings))


def _summary(verb: str, image: dict[str, Any]) -> str:
    amount = next((p[1] for p in image["postings"] if p[1] < 0), image["postings"][0][1] if image["postings"] else 0)
    currency = image["settlement_currency"]
    label = image["payee"] or image["description"] or image["type"]
    return f"{verb} {label} {minor_to_str(abs(amount), currency)} {currency} on {image['date']}"


def _account_image(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "name": account.name,
        "path": account.path,
        "kind": account.kind.value,
        "subtype": account.subtype.value if account.subtype else None,
        "institution": account.institution,
        "archived": account.archived,
        "sort_order": account.sort_order,
        "deleted": account.deleted_at is not None,
        "parent_id": account.parent_id,
        "opening_balance_minor": account.opening_balance_minor,
        "opening_date": account.opening_date.isoformat() if account.opening_date else None,
        "opening_transaction_id": account.opening_transaction_id,
    }


def undo_command(group_id: str | None) -> str:
    """The command that undoes a change, exactly as a person types it (the group is an option, not an argument)."""
    return "kakeibo undo" if group_id is None else f"kakeibo undo --group {group_id}"


@dataclass(frozen=True, slots=True)
class UndoResult:
    group_id: str
    undo_group_id: str
    summaries: list[str]


def undo(session: Session, *, actor: Actor, group_id: str | None = None) -> UndoResult:
    """Reverse every event of a group (the latest one by default), newest first, as a new event group."""
    target = group_id or repo.latest_undoable_group(session, household_id=actor.household_id)
    if target is None:
        raise NothingToUndo("there is nothing to undo")
    events = repo.events_of_group(session, household_id=actor.household_id, group_id=target)
    if not events:
        raise NothingToUndo(f"no change {target} in this household")
    if any(e.undone_at is not None for e in events):
        raise UndoConflict("that change was already undone")
    # Claimed before anything is reversed: of two undos of one group, only one can mark all of its events.
    if repo.claim_group_for_undo(session, household_id=actor.household_id, group_id=target, at=clock.now()) != len(
        events
    ):
        raise UndoConflict("that change was already undone")
    undo_group = new_group_id()
    summaries: list[str] = []
    touched: set[int] = set()  # transactions whose later changes in this group were undone just now
    for event in reversed(events):
        if event.entity == "transaction" and _batch_of(event) is not None:
            _undo_batch(session, actor, event, undo_group, touched)
        elif event.entity == "transaction":
            _undo_transaction(session, actor, event, undo_group)
            touched.add(event.entity_id)
        else:
            _undo_account(session, actor, event, undo_group)
        summaries.append(event.summary)
    repo.bump_ledger_version(session, household_id=actor.household_id)
    session.flush()
    return UndoResult(group_id=target, undo_group_id=undo_group, summaries=summaries)


def _reversal_action(event: Event) -> str:
    """Undoing an undo is a redo: it takes the original action's name again (the column holds 16 characters)."""
    return event.action.removeprefix("undo_") if event.action.startswith("undo_") else f"undo_{event.action}"


def _reversal_summary(event: Event) -> str:
    if event.summary.startswith("Undid: "):
        return f"Redid: {event.summary.removeprefix('Undid: ')}"
    return f"Undid: {event.summary.removeprefix('Redid: ')}"


def _batch_of(event: Event) -> tuple[bool, list[int], int] | None:
    """A batch event names its transactions, {"ids": [...], "version": n}, in `after` when it left them live and
    in `before` when it left them deleted; n is their version once the event was done (1 after a bulk create).
    Its reversal swaps the two sides, so undoing an undo (a redo) is the same code run the other way round."""
    for live, image in ((True, event.after), (False, event.before)):
        if image is not None and "ids" in image:
            return live, [int(i) for i in image["ids"]], int(image.get("version", 1))
    return None


def _undo_batch(session: Session, actor: Actor, event: Event, undo_group: str, touched: set[int]) -> None:
    """Remove (or bring back) a batch's transactions, all or none: any of them changed since (outside this
    group) is a conflict."""
    batch = _batch_of(event)
    assert batch is not None
    remove, ids, version = batch
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        transactions = repo.transactions_by_id(session, household_id=actor.household_id, ids=chunk)
        changed = [
            t.id
            for t in transactions
            if (t.deleted_at is not None) == remove or (t.version != version and t.id not in touched)
        ]
        if len(transactions) != len(chunk) or changed:
            first = changed[0] if changed else next(i for i in chunk if i not in {t.id for t in transactions})
            raise UndoConflict(
                f"transaction {first} changed after this; undo the later change first",
                extra={"transaction_id": first},
            )
        postings = repo.postings_of(session, chunk)
        now = clock.now()
        rollups: list[repo.RollupRow] = []
        for transaction in transactions:
            transaction.deleted_at = now if remove else None
            transaction.version += 1
            rollups.extend(repo.rollup_rows(postings[transaction.id], transaction.settlement_currency))
        repo.set_postings_deleted_many(session, transaction_ids=chunk, deleted=remove)
        repo.apply_monthly_totals(session, household_id=actor.household_id, rows=rollups, sign=-1 if remove else 1)
    session.flush()
    done = {"ids": ids, "version": version + 1}
    _event(
        session,
        actor,
        entity="transaction",
        entity_id=event.entity_id,
        action=_reversal_action(event),
        before=done if remove else None,
        after=None if remove else done,
        summary=_reversal_summary(event),
        undo_of=event.group_id,
        group_id=undo_group,
    )


def _undo_transaction(session: Session, actor: Actor, event: Event, undo_group: str) -> None:
    transaction = repo.get_transaction(
        session, household_id=actor.household_id, transaction_id=event.entity_id, include_deleted=True
    )
    if transaction is None:
        raise UndoConflict(f"transaction {event.entity_id} no longer exists")
    postings = repo.postings_of(session, [transaction.id])[transaction.id]
    tags = repo.tags_of(session, [transaction.id])[transaction.id]
    current = _image(transaction, postings, tags)
    after = event.after
    moved_on = after is not None and _state(current) != _state(after)
    if moved_on:
        raise UndoConflict(
            f"transaction {transaction.id} changed after this; undo the later change first",
            extra={"transaction_id": transaction.id},
        )
    # The reversal returns the transaction to the event's `before` image (none: it did not exist), whatever the
    # action was, so an undo's own events (undo_create, undo_update, ...) are reversed by the same code: redo.
    target = event.before
    if target is None or target["deleted"]:
        if transaction.deleted_at is None:
            _soft_delete(session, transaction, postings, household_id=actor.household_id)
    else:
        if transaction.deleted_at is not None:
            _restore(session, transaction, postings, household_id=actor.household_id)
        _restore_image(session, transaction, postings, target, household_id=actor.household_id)
    transaction.version += 1
    session.flush()
    new_postings = repo.postings_of(session, [transaction.id])[transaction.id]
    new_tags = repo.tags_of(session, [transaction.id])[transaction.id]
    after_image = _image(transaction, new_postings, new_tags)
    _event(
        session,
        actor,
        entity="transaction",
        entity_id=transaction.id,
        action=_reversal_action(event),
        before=current,
        after=after_image,
        summary=_reversal_summary(event),
        undo_of=event.group_id,
        group_id=undo_group,
    )


def _restore_image(
    session: Session, transaction: Transaction, postings: list[Posting], image: dict[str, Any], *, household_id: int
) -> None:
    legs = [Leg(int(p[0]), int(p[1]), str(p[2]), int(p[3]), str(p[4])) for p in image["postings"]]
    new = _NewTransaction(
        date=dt.date.fromisoformat(image["date"]),
        type=TransactionType(image["type"]),
        payee=image["payee"],
        description=image["description"],
        notes=image["notes"],
        status=image["status"],
        settlement=image["settlement_currency"],
        legs=legs,
        tags=list(image["tags"]),
        fingerprint=transaction.fingerprint,
    )
    _replace(session, transaction, postings, new, household_id=household_id)
    transaction.category_source = CategorySource(image["category_source"])
    transaction.category_confidence = image["category_confidence"]
    transaction.category_reason = image["category_reason"]
    transaction.category_locked = bool(image["category_locked"])


def _refuse_name_clash(session: Session, account: Account, path: str) -> None:
    """Names are unique among live accounts (and among live categories): bringing one back under a name that
    another has taken since is refused, as creating it would be."""
    kinds = CATEGORY_KINDS if account.kind in CATEGORY_KINDS else BALANCE_KINDS
    if account.kind not in kinds:  # the equity account is never renamed or deleted by a person
        return
    clash = repo.get_account_by_path(session, household_id=account.household_id, kinds=kinds, path=path)
    if clash is not None and clash.id != account.id:
        raise UndoConflict(f"{path!r} is the name of another account now; rename that one first")


def _undo_account(session: Session, actor: Actor, event: Event, undo_group: str) -> None:
    account = session.get(Account, event.entity_id)
    if account is None or account.household_id != actor.household_id:
        raise UndoConflict(f"account {event.entity_id} no longer exists")
    current = _account_image(account)
    # As for transactions: back to the `before` image (none: it did not exist), so an undo is undone the same way.
    before = event.before
    if before is None or before["deleted"]:
        if before is None and repo.account_has_postings(session, account_id=account.id):
            raise UndoConflict(f"{account.path} has transactions now; delete them first")
        if account.deleted_at is None:
            account.deleted_at = clock.now()
    else:
        _refuse_name_clash(session, account, before["path"])
        account.deleted_at = None
        if account.kind in CATEGORY_KINDS and before.get("name") != account.name:
            _rename_category(session, account, before["name"])
        else:
            account.name = before["name"]
            account.path = before["path"]
        account.subtype = AccountSubtype(before["subtype"]) if before.get("subtype") else None
        account.institution = before.get("institution")
        account.archived = bool(before.get("archived"))
        account.sort_order = int(before.get("sort_order") or 0)
        if "opening_balance_minor" in before:
            account.opening_balance_minor = int(before["opening_balance_minor"] or 0)
            account.opening_date = dt.date.fromisoformat(before["opening_date"]) if before["opening_date"] else None
            account.opening_transaction_id = before["opening_transaction_id"]
    session.flush()
    _event(
        session,
        actor,
        entity="account",
        entity_id=account.id,
        action=_reversal_action(event),
        before=current,
        after=_account_image(account),
        summary=_reversal_summary(event),
        undo_of=event.group_id,
        group_id=undo_group,
    )
