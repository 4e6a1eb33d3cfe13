"""The household's vocabulary for the parser: its categories, accounts and the categories of its payees."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.assistant.parsing import Vocabulary
from kakeibo.auth.models import Household
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Event, Posting, Transaction

MERCHANT_HISTORY = 5000
CACHED_HOUSEHOLDS = 64
_CACHE: OrderedDict[tuple[object, ...], Vocabulary] = OrderedDict()
_LOCK = threading.Lock()


def vocabulary_for(session: Session, *, household_id: int, base_currency: str) -> Vocabulary:
    """The household's own category paths and account names, and the category it most often gave each of its
    recent payees (so "lunch at Nopa" lands where the household files Nopa). Kept per process until the household's
    books change: every change writes an event or moves the ledger's version."""
    version = session.execute(
        select(
            Household.ledger_version,
            select(func.max(Event.id)).where(Event.household_id == household_id).scalar_subquery(),
        ).where(Household.id == household_id)
    ).one()
    key = (session.get_bind().engine.url.render_as_string(), household_id, version[0], version[1], base_currency)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    vocabulary = _build(session, household_id=household_id, base_currency=base_currency)
    with _LOCK:
        _CACHE[key] = vocabulary
        while len(_CACHE) > CACHED_HOUSEHOLDS:
            _CACHE.popitem(last=False)
    return vocabulary


def _build(session: Session, *, household_id: int, base_currency: str) -> Vocabulary:
    categories = {
        a.id: a
        for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)
        if not a.archived and a.parent_id is not None
    }
    accounts = tuple(
        a.name
        for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS)
        if not a.archived
    )
    # The latest payees through the (household, date, id) index, and the accounts of their postings, counted in SQL.
    recent = (
        select(Transaction.id, func.lower(Transaction.payee).label("payee"))
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.payee != "",
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(MERCHANT_HISTORY)
        .subquery()
    )
    counts: dict[str, Counter[int]] = {}
    for payee, account_id, n in session.execute(
        select(recent.c.payee, Posting.account_id, func.count())
        .join(Posting, Posting.transaction_id == recent.c.id)
        .group_by(recent.c.payee, Posting.account_id)
    ):
        if account_id in categories:
            counts.setdefault(payee, Counter())[account_id] += int(n)
    merchants = {payee: categories[c.most_common(1)[0][0]].path for payee, c in counts.items()}
    return Vocabulary(
        categories=tuple(sorted(a.path for a in categories.values())),
        accounts=accounts,
        merchants=merchants,
        base_currency=base_currency,
    )
