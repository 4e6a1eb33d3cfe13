"""Learning from a household's choices: the stored model (loaded, saved, retrained from the categorized rows) and
every correction a person makes, learned in one pass however many rows were corrected at once.

The model code (numpy, scipy, scikit-learn) is imported only when a model is loaded or trained, so importing the
package costs none of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from kakeibo.categorize import repository as repo
from kakeibo.categorize.features import TxnText, payee_key
from kakeibo.categorize.models import Rule
from kakeibo.core.actor import Actor
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Account, CategorySource, Transaction
from kakeibo.ledger.schemas import TransactionUpdate

if TYPE_CHECKING:
    from kakeibo.categorize.model import CategoryModel

# A correction made this many times for one payee proposes a rule.
PROPOSE_AFTER = 3
TRAINING_LIMIT = 20_000


# ---- the learned model ----------------------------------------------------------------------------------------
def load_model(session: Session, *, household_id: int) -> CategoryModel | None:
    record = repo.model_record(session, household_id=household_id)
    if record is None:
        return None
    from kakeibo.categorize.model import CategoryModel

    try:
        return CategoryModel.from_bytes(record.data)
    except ValueError:  # saved by an older version: retrained at the next import or correction
        return None


def save_model(session: Session, *, household_id: int, model: CategoryModel) -> None:
    repo.store_model(session, household_id=household_id, data=model.to_bytes(), n_examples=model.n_examples)


def training_set(
    session: Session, *, household_id: int, limit: int = TRAINING_LIMIT
) -> tuple[list[TxnText], list[str]]:
    """The household's latest categorized transactions (by a person, a rule or the file; not the model's own
    guesses), oldest first."""
    rows = repo.labelled_rows(session, household_id=household_id, limit=limit)
    texts: list[TxnText] = []
    labels: list[str] = []
    # The newest rows were chosen; the model wants them oldest first (later choices outweigh earlier ones).
    for row in reversed(rows):
        if ledger.is_uncategorized(row.category):
            continue
        texts.append(row.text)
        labels.append(row.category.path)
    return texts, labels


def retrain(session: Session, *, household_id: int) -> CategoryModel | None:
    """Rebuild the household's model from its categorized rows and store it (nothing to learn from: None)."""
    model = _trained(session, household_id=household_id)
    if model is not None:
        save_model(session, household_id=household_id, model=model)
    return model


def _trained(session: Session, *, household_id: int) -> CategoryModel | None:
    texts, labels = training_set(session, household_id=household_id)
    if not texts:
        return None
    from kakeibo.categorize.model import CategoryModel

    return CategoryModel.train(texts, labels)


# ---- corrections ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Correction:
    """A person filed `transaction` under `to_category`; it was under `from_category_id` before."""

    transaction: Transaction
    from_category_id: int | None
    to_category: Account


def text_of(session: Session, transaction: Transaction) -> TxnText:
    return repo.sides_of(session, household_id=transaction.household_id, transactions=[transaction])[
        transaction.id
    ].text


def category_id_of(session: Session, transaction: Transaction) -> int | None:
    return ledger_repo.category_id_of(session, transaction)


def learn_corrections(session: Session, *, actor: Actor, corrections: Sequence[Correction]) -> list[Rule]:
    """Record that a person filed these transactions as they say: the model is loaded once, learns every one of
    them in order and is saved once; the same correction for the same payee a third time proposes a rule. Returns
    the newly proposed rules."""
    if not corrections:
        return []
    sides = repo.sides_of(session, household_id=actor.household_id, transactions=[c.transaction for c in corrections])
    texts = [sides[c.transaction.id].text for c in corrections]
    keys = [payee_key(text) for text in texts]
    for correction, key in zip(corrections, keys, strict=True):
        repo.add_correction(
            session,
            household_id=actor.household_id,
            transaction_id=correction.transaction.id,
            payee_key=key,
            from_category_id=correction.from_category_id,
            to_category_id=correction.to_category.id,
        )
    session.flush()
    model = load_model(session, household_id=actor.household_id) or _trained(session, household_id=actor.household_id)
    if model is not None:
        for correction, text in zip(corrections, texts, strict=True):
            model.learn(text, correction.to_category.path)
        save_model(session, household_id=actor.household_id, model=model)
    proposed: list[Rule] = []
    asked: set[tuple[str, int]] = set()
    for correction, key in zip(corrections, keys, strict=True):
        if not key or (key, correction.to_category.id) in asked:
            continue
        asked.add((key, correction.to_category.id))
        count = repo.count_corrections(
            session, household_id=actor.household_id, payee_key=key, to_category_id=correction.to_category.id
        )
        if count < PROPOSE_AFTER:
            continue
        transaction = correction.transaction
        rule = _propose_rule(
            session, actor=actor, payee=transaction.payee or transaction.description, category=correction.to_category
        )
        if rule is not None:
            proposed.append(rule)
    return proposed


def learn_correction(
    session: Session, *, actor: Actor, transaction: Transaction, from_category_id: int | None, to_category: Account
) -> Rule | None:
    """One correction (see `learn_corrections`); returns a newly proposed rule, if any."""
    proposed = learn_corrections(
        session, actor=actor, corrections=[Correction(transaction, from_category_id, to_category)]
    )
    return proposed[0] if proposed else None


def _propose_rule(session: Session, *, actor: Actor, payee: str, category: Account) -> Rule | None:
    condition = {"field": "payee", "op": "contains", "value": payee.strip()[:300]}
    for rule in repo.list_rules(session, household_id=actor.household_id):
        if condition in rule.conditions:
            return None  # already proposed, accepted or dismissed: ask once
    return repo.add_rule(
        session,
        household_id=actor.household_id,
        user_id=actor.user_id,
        name=f"{payee.strip()[:60]} → {category.path}",
        conditions=[condition],
        actions={"category_id": category.id, "payee": None, "tags": []},
        priority=100,
        status="proposed",
    )


# ---- a person's verdicts --------------------------------------------------------------------------------------
def accept(session: Session, *, actor: Actor, transaction_ids: Sequence[int]) -> int:
    """The person agrees with what is there: the category is locked and any review flag cleared."""
    corrections: list[Correction] = []
    for transaction_id in transaction_ids:
        transaction = ledger.get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
        transaction.review_flag, transaction.review_ref = None, None
        current = category_id_of(session, transaction)
        if not transaction.category_locked and current is not None:
            category = session.get(Account, current)
            if category is not None and not ledger.is_uncategorized(category):
                transaction.category_locked = True
                if transaction.category_source != CategorySource.user:
                    corrections.append(Correction(transaction, current, category))
    learn_corrections(session, actor=actor, corrections=corrections)
    session.flush()
    return len(transaction_ids)


def correct(
    session: Session, *, actor: Actor, transaction_ids: Sequence[int], category: int | str
) -> tuple[int, list[Rule]]:
    """File these transactions under `category` (a person's choice: locked), and learn from it in one pass."""
    target = ledger.resolve_category(session, household_id=actor.household_id, ref=category)
    corrections: list[Correction] = []
    for transaction_id in transaction_ids:
        transaction = ledger.get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
        before = category_id_of(session, transaction)
        ledger.update_transaction(
            session,
            actor=actor,
            transaction_id=transaction_id,
            data=TransactionUpdate(category=target.id),
        )
        transaction.review_flag, transaction.review_ref = None, None
        corrections.append(Correction(transaction, before, target))
    proposed = learn_corrections(session, actor=actor, corrections=corrections)
    session.flush()
    return len(transaction_ids), proposed


def after_person_categorized(
    session: Session, *, actor: Actor, transaction: Transaction, before: int | None
) -> Rule | None:
    """A category set through the ordinary edit (API PATCH, CLI) teaches the model like a review correction."""
    after = category_id_of(session, transaction)
    if after is None or after == before:
        return None
    category = session.get(Account, after)
    if category is None or ledger.is_uncategorized(category):
        return None
    return learn_correction(
        session, actor=actor, transaction=transaction, from_category_id=before, to_category=category
    )
