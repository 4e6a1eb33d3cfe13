"""The assistant's use cases over the ledger: the household's vocabulary for the parser (more to come)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.assistant.parsing import Vocabulary
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Posting, Transaction

MERCHANT_HISTORY = 5000


def vocabulary_for(session: Session, *, household_id: int, base_currency: str) -> Vocabulary:
    """The household's own category paths and account names, and the category it most often gave each of its
    recent payees (so "lunch at Nopa" lands where the household files Nopa)."""
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
    # The latest payees through the (household, date, id) index, then their category postings by transaction id.
    recent = session.execute(
        select(Transaction.id, func.lower(Transaction.payee))
        .where(Transaction.household_id == household_id, Transaction.deleted_at.is_(None))
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(MERCHANT_HISTORY)
    ).all()
    payee_of = {tx_id: payee for tx_id, payee in recent if payee}
    rows: list[tuple[str, int]] = []
    ids = list(payee_of)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for tx_id, account_id in session.execute(
            select(Posting.transaction_id, Posting.account_id).where(Posting.transaction_id.in_(chunk))
        ):
            if account_id in categories:
                rows.append((payee_of[tx_id], account_id))
    counts: dict[str, Counter[int]] = {}
    for payee, account_id in rows:
        counts.setdefault(payee, Counter())[account_id] += 1
    merchants = {payee: categories[c.most_common(1)[0][0]].path for payee, c in counts.items()}
    return Vocabulary(
        categories=tuple(sorted(a.path for a in categories.values())),
        accounts=accounts,
        merchants=merchants,
        base_currency=base_currency,
    )
