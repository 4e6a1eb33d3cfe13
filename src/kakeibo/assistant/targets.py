"""Which transaction the user means: by id, else by date, payee or category words and amount, preferring the
transactions the conversation just talked about. More than one match is a question, never a guess."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant import repository as repo
from kakeibo.assistant.intents import Target
from kakeibo.core.errors import KakeiboError
from kakeibo.core.money import minor_to_str, to_minor
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, Transaction

CANDIDATES = 5
RECENT_DAYS = 92  # without a date, a description points at the last three months
_LATEST = re.compile(r"\b(?:that|it|this|last|latest|most recent|just)\b")
_FILLER = {"purchase", "transaction", "charge", "payment", "expense", "entry", "one", "thing"}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The transaction meant (`match`), or the candidates to choose from, or neither (nothing matched)."""

    match: Transaction | None
    candidates: list[Transaction]
    matched: int = 0  # how many matched in all (up to a limit), when there are candidates


def rows(session: Session, *, household_id: int, transactions: list[Transaction]) -> list[dict[str, Any]]:
    """Transactions as the assistant shows them: date, payee, amount, category (or the other account), account."""
    postings = ledger_repo.postings_of(session, [t.id for t in transactions])
    accounts = ledger_repo.accounts_by_id(
        session, household_id=household_id, ids={p.account_id for ps in postings.values() for p in ps}
    )
    out = []
    for t in transactions:
        legs = [accounts[p.account_id] for p in postings.get(t.id, []) if p.account_id in accounts]
        money = [a for a in legs if a.kind in BALANCE_KINDS]
        categories = [a.path for a in legs if a.kind in CATEGORY_KINDS]
        out.append(
            {
                "id": t.id,
                "date": t.date.isoformat(),
                "payee": t.payee or t.description,
                "amount": minor_to_str(abs(t.amount_minor), t.settlement_currency),
                "currency": t.settlement_currency,
                "type": t.type.value,
                "category": ", ".join(categories) if categories else " → ".join(a.name for a in money[1:]) or None,
                "account": money[0].name if money else None,
            }
        )
    return out


def _words(description: str | None) -> list[str]:
    words = re.findall(r"[a-z0-9&'][a-z0-9&'.-]*", (description or "").lower())
    return [w for w in words if w not in _FILLER and len(w) > 1]


def _category_ids(categories: list[Account], word: str) -> list[int]:
    return [c.id for c in categories if word in c.name.casefold() or word in c.path.casefold().split("/")[0]]


def resolve(
    session: Session,
    *,
    household_id: int,
    target: Target,
    said: str,
    today: dt.date,
    currency: str,
    recent_ids: list[int] | None = None,
) -> Resolution:
    """Find the transaction a target describes. `said` is the user's own words ("that", "the last" pick the
    latest match); `recent_ids` are the transactions the conversation just showed or recorded, tried first."""
    if target.id is not None:
        by_id = ledger_repo.get_transaction(session, household_id=household_id, transaction_id=target.id)
        return Resolution(by_id, [])
    minor = None
    if target.amount is not None:
        try:
            minor = to_minor(target.amount, currency)
        except KakeiboError:  # more places than the currency has: nothing can match it
            return Resolution(None, [])
    words = _words(target.description)
    said_words: dict[str, list[int]] = {}
    if words:
        categories = ledger_repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)
        said_words = {word: _category_ids(categories, word) for word in words}
    elif target.date is None and target.amount is None:
        # Only "that" / "it": the transaction the conversation is about, if there is exactly one.
        if recent_ids:
            latest = ledger_repo.get_transaction(session, household_id=household_id, transaction_id=recent_ids[0])
            if latest is not None and (len(recent_ids) == 1 or _LATEST.search(said)):
                return Resolution(latest, [])
        return Resolution(None, [])
    found = repo.matching_transactions(
        session,
        household_id=household_id,
        on=target.date,
        since=today - dt.timedelta(days=RECENT_DAYS),
        amount_minor=minor,
        words=said_words,
        limit=50,
    )
    if recent_ids:
        mentioned = [t for t in found if t.id in set(recent_ids)]
        if mentioned:
            found = mentioned
    if len(found) == 1 or (found and _LATEST.search(said)):
        return Resolution(found[0], [])
    return Resolution(None, found[:CANDIDATES], len(found))
