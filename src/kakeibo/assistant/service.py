"""The household's vocabulary for the parser: its categories, accounts and the categories of its payees."""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from kakeibo.assistant import repository as repo
from kakeibo.assistant.parsing import Vocabulary
from kakeibo.core.actor import Actor
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS

MERCHANT_HISTORY = 2000  # the latest transactions whose payees teach the parser


def vocabulary_for(session: Session, *, actor: Actor) -> Vocabulary:
    """The household's own category paths and account names, and the category it most often gave each of its
    recent payees (so "lunch at Nopa" lands where the household files Nopa). Read afresh for every turn: a few
    indexed queries, and never stale."""
    household_id, base_currency = actor.household_id, actor.base_currency
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
    counts: dict[str, Counter[int]] = {}
    for payee, account_id, n in repo.accounts_of_recent_payees(
        session, household_id=household_id, limit=MERCHANT_HISTORY
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
