"""All SQL of categorization: rules, the stored models, corrections, the review queue and what the categorizer sees
of stored transactions. Every function is scoped by household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.categorize.features import TxnText
from kakeibo.categorize.models import CategoryCorrection, CategoryModelRecord, Rule
from kakeibo.core import clock
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, CategorySource, Posting, Transaction

# Sources a model may learn from: a person, a rule or the file (never the model's own guesses).
TRUSTED_SOURCES = (CategorySource.user, CategorySource.rule, CategorySource.import_file)


# ---- rules ----------------------------------------------------------------------------------------------------
def active_rules(session: Session, *, household_id: int) -> list[Rule]:
    stmt = (
        select(Rule)
        .where(Rule.household_id == household_id, Rule.status == "active", Rule.deleted.is_(False))
        .order_by(Rule.priority, Rule.id)
    )
    return list(session.scalars(stmt))


def list_rules(session: Session, *, household_id: int) -> list[Rule]:
    stmt = (
        select(Rule)
        .where(Rule.household_id == household_id, Rule.deleted.is_(False))
        .order_by(Rule.status, Rule.priority, Rule.id)
    )
    return list(session.scalars(stmt))


def get_rule(session: Session, *, household_id: int, rule_id: int) -> Rule | None:
    rule = session.get(Rule, rule_id)
    if rule is None or rule.household_id != household_id or rule.deleted:
        return None
    return rule


def add_rule(
    session: Session,
    *,
    household_id: int,
    user_id: int | None,
    name: str,
    conditions: list[dict[str, Any]],
    actions: dict[str, Any],
    priority: int,
    status: str,
) -> Rule:
    rule = Rule(
        household_id=household_id,
        name=name[:120],
        conditions=conditions,
        actions=actions,
        priority=priority,
        status=status,
        hits=0,
        created_by=user_id,
        deleted=False,
        created_at=clock.now(),
    )
    session.add(rule)
    session.flush()
    return rule


def add_rule_hits(session: Session, *, household_id: int, hits: dict[int, int]) -> None:
    for rule_id, count in hits.items():
        rule = session.get(Rule, rule_id)
        if rule is not None and rule.household_id == household_id:
            rule.hits += count


def unlocked_transactions(
    session: Session, *, household_id: int, limit: int, ids: Sequence[int] | None = None
) -> list[Transaction]:
    """The newest live expense and income rows whose category nobody set by hand (of `ids`, when given): what a
    rule or the model may file."""
    stmt = select(Transaction).where(
        Transaction.household_id == household_id,
        Transaction.deleted_at.is_(None),
        Transaction.category_locked.is_(False),
        Transaction.type.in_(("expense", "income")),
    )
    if ids is not None:
        stmt = stmt.where(Transaction.id.in_(ids))
    return list(session.scalars(stmt.order_by(Transaction.date.desc(), Transaction.id.desc()).limit(limit)).all())


# ---- the stored model -----------------------------------------------------------------------------------------
def model_record(session: Session, *, household_id: int) -> CategoryModelRecord | None:
    return session.get(CategoryModelRecord, household_id)


def store_model(session: Session, *, household_id: int, data: bytes, n_examples: int) -> None:
    record = session.get(CategoryModelRecord, household_id)
    if record is None:
        session.add(
            CategoryModelRecord(household_id=household_id, data=data, n_examples=n_examples, trained_at=clock.now())
        )
    else:
        record.data, record.n_examples, record.trained_at = data, n_examples, clock.now()
    session.flush()


@dataclass(frozen=True, slots=True)
class LabelledRow:
    """A categorized transaction as the model learns it."""

    text: TxnText
    category: Account
    date: dt.date


def labelled_rows(session: Session, *, household_id: int, limit: int) -> list[LabelledRow]:
    """The household's latest trusted categorized expense and income rows, newest first, with their category."""
    rows = session.execute(
        select(Transaction.id, Transaction.payee, Transaction.description, Transaction.amount_minor, Transaction.date)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.category_source.in_(TRUSTED_SOURCES),
            Transaction.type.in_(("expense", "income")),
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
    ).all()
    if not rows:
        return []
    accounts = {
        a.id: a
        for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=(*BALANCE_KINDS, *CATEGORY_KINDS))
    }
    legs: dict[int, list[int]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        for tx_id, account_id in session.execute(
            select(Posting.transaction_id, Posting.account_id).where(Posting.transaction_id.in_(chunk))
        ):
            legs.setdefault(tx_id, []).append(account_id)
    result: list[LabelledRow] = []
    for row in rows:
        own = [accounts[a] for a in legs.get(row.id, []) if a in accounts]
        category = next((a for a in own if a.kind in CATEGORY_KINDS), None)
        money = next((a for a in own if a.kind in BALANCE_KINDS), None)
        if category is None:
            continue
        text = TxnText(row.payee, row.description, row.amount_minor, money.name if money else "", row.date.day)
        result.append(LabelledRow(text, category, row.date))
    return result


# ---- what the categorizer sees of stored rows -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Sides:
    """What the categorizer sees of a stored transaction, and the category it is filed under now."""

    text: TxnText
    category_id: int | None


def sides_of(session: Session, *, household_id: int, transactions: Sequence[Transaction]) -> dict[int, Sides]:
    """Three queries however many transactions: their postings, and the accounts those name."""
    result: dict[int, Sides] = {}
    for start in range(0, len(transactions), 900):
        chunk = transactions[start : start + 900]
        postings = ledger_repo.posting_rows_of(session, [t.id for t in chunk])
        accounts = ledger_repo.accounts_by_id(
            session, household_id=household_id, ids={p.account_id for rows in postings.values() for p in rows}
        )
        for transaction in chunk:
            legs = [accounts[p.account_id] for p in postings.get(transaction.id, []) if p.account_id in accounts]
            money = next((a for a in legs if a.kind in BALANCE_KINDS), None)
            category = next((a for a in legs if a.kind in CATEGORY_KINDS), None)
            text = TxnText(
                transaction.payee,
                transaction.description,
                transaction.amount_minor,
                money.name if money else "",
                transaction.date.day,
            )
            result[transaction.id] = Sides(text, category.id if category else None)
    return result


# ---- corrections ----------------------------------------------------------------------------------------------
def add_correction(
    session: Session,
    *,
    household_id: int,
    transaction_id: int,
    payee_key: str,
    from_category_id: int | None,
    to_category_id: int,
) -> None:
    session.add(
        CategoryCorrection(
            household_id=household_id,
            transaction_id=transaction_id,
            payee_key=payee_key[:255],
            from_category_id=from_category_id,
            to_category_id=to_category_id,
            created_at=clock.now(),
        )
    )


def count_corrections(session: Session, *, household_id: int, payee_key: str, to_category_id: int) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(CategoryCorrection)
        .where(
            CategoryCorrection.household_id == household_id,
            CategoryCorrection.payee_key == payee_key[:255],
            CategoryCorrection.to_category_id == to_category_id,
        )
    )
    return count or 0


# ---- review queue ---------------------------------------------------------------------------------------------
def review_queue(session: Session, *, household_id: int, limit: int, below: float) -> list[Transaction]:
    """Rows a person should look at, least sure first: uncategorized ones, guesses below `below`, and possible
    duplicates."""
    confidence = func.coalesce(Transaction.category_confidence, 0.0)
    stmt = (
        select(Transaction)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.type.in_(("expense", "income")),
            (Transaction.review_flag.is_not(None))
            | (
                Transaction.category_locked.is_(False)
                & Transaction.category_source.in_(
                    (CategorySource.none, CategorySource.model, CategorySource.knowledge_base)
                )
                & (confidence < below)
            ),
        )
        .order_by(Transaction.review_flag.is_(None), confidence, Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))
