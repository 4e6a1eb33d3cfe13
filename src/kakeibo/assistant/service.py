"""The household's vocabulary for the parser: its categories, accounts and the categories of its payees."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict

from sqlalchemy.orm import Session

from kakeibo.assistant import repository as repo
from kakeibo.assistant.parsing import Vocabulary
from kakeibo.core.actor import Actor
from kakeibo.core.db import after_commit
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS

MERCHANT_HISTORY = 2000  # the latest transactions whose payees teach the parser
CACHED_HOUSEHOLDS = 64

PayeeRows = tuple[tuple[str, int, int], ...]
_payee_rows: OrderedDict[tuple[object, ...], PayeeRows] = OrderedDict()
_payee_rows_lock = threading.Lock()


def vocabulary_for(session: Session, *, actor: Actor) -> Vocabulary:
    """The household's own category paths and account names, and the category it most often gave each of its
    recent payees (so "lunch at Nopa" lands where the household files Nopa). The accounts are read afresh for
    every turn; the payees' categories (the one costly read) are kept per household and ledger version."""
    household_id, base_currency = actor.household_id, actor.base_currency
    live = [
        a
        for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=[*CATEGORY_KINDS, *BALANCE_KINDS])
        if not a.archived
    ]  # one read, in the chart's order
    categories = {a.id: a for a in live if a.kind in CATEGORY_KINDS and a.parent_id is not None}
    accounts = tuple(a.name for a in live if a.kind in BALANCE_KINDS)
    counts: dict[str, Counter[int]] = {}
    for payee, account_id, n in recent_payee_accounts(session, household_id=household_id):
        if account_id in categories:
            counts.setdefault(payee, Counter())[account_id] += n
    merchants = {payee: categories[c.most_common(1)[0][0]].path for payee, c in counts.items()}
    return Vocabulary(
        categories=tuple(sorted(a.path for a in categories.values())),
        accounts=accounts,
        merchants=merchants,
        base_currency=base_currency,
    )


def recent_payee_accounts(session: Session, *, household_id: int) -> PayeeRows:
    """(payee in lower case, account, postings) over the household's latest MERCHANT_HISTORY transactions with a
    payee, as `repository.accounts_of_recent_payees` reads them (2,000 transactions and their postings: about
    15 ms at a million), kept in this process per household while its ledger version stands.

    Every write of a transaction or its postings bumps the version in the same database transaction, and the
    version is read before the rows, so rows kept under a version are never older than it. A read is kept only
    once its transaction has committed: rows read after a write that then rolled back never are, as that
    version number will be given again to another write."""
    stamp = repo.ledger_stamp(session, household_id=household_id)
    if stamp is None:
        return ()
    key = (str(session.get_bind().engine.url), household_id, *stamp)
    with _payee_rows_lock:
        found = _payee_rows.get(key)
        if found is not None:
            _payee_rows.move_to_end(key)
            return found
    rows = tuple(repo.accounts_of_recent_payees(session, household_id=household_id, limit=MERCHANT_HISTORY))
    after_commit(session, lambda: _keep(key, rows))
    return rows


def _keep(key: tuple[object, ...], rows: PayeeRows) -> None:
    with _payee_rows_lock:
        # One entry per household, of the newest version read (turns ask for an older one only while a write
        # commits under them, and then they read the rows themselves).
        same = [k for k in _payee_rows if k[:3] == key[:3]]
        if any(_version(k) > _version(key) for k in same):
            return
        for stale in same:
            del _payee_rows[stale]
        _payee_rows[key] = rows
        _payee_rows.move_to_end(key)
        while len(_payee_rows) > CACHED_HOUSEHOLDS:
            _payee_rows.popitem(last=False)


def _version(key: tuple[object, ...]) -> int:
    version = key[3]
    assert isinstance(version, int)
    return version
