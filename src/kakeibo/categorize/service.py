"""Categorizing a household's transactions: user rules, a category the file gives, the household's learned model,
the merchant knowledge base, in that order; and learning from every correction.

Every decision records its source, a confidence and a one-line reason. A category set by hand is locked: nothing
here ever changes it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.categorize.errors import RuleNotFound
from kakeibo.categorize.features import TxnText, payee_key
from kakeibo.categorize.merchants import match_merchant
from kakeibo.categorize.model import CategoryModel
from kakeibo.categorize.models import CategoryCorrection, CategoryModelRecord, Rule
from kakeibo.categorize.rules import CompiledRule, RuleInput, compile_rule, first_match
from kakeibo.categorize.schemas import RuleCreate, RuleUpdate
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    CATEGORY_KINDS,
    Account,
    AccountKind,
    CategorySource,
    Posting,
    Transaction,
)
from kakeibo.ledger.schemas import CategoryCreate, TransactionUpdate

# Below this, a model guess is not used: the row stays uncategorized, in the review queue with its guesses.
MODEL_THRESHOLD = 0.5
# Below this, a categorized row still shows in the review queue.
REVIEW_THRESHOLD = 0.7
KNOWLEDGE_BASE_CONFIDENCE = 0.8
# A correction made this many times for one payee proposes a rule.
PROPOSE_AFTER = 3
TRAINING_LIMIT = 20_000

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Decision:
    category_id: int | None
    source: CategorySource
    confidence: float | None
    reason: str
    payee: str | None = None  # a rule may rename the payee
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SkippedRule:
    """An active rule saved before its pattern was refused (rules once ran on Python's regex engine): it is passed
    over rather than failing every import, and the reason is shown with the import and in the rules list."""

    rule_id: int
    name: str
    reason: str


@dataclass(slots=True)
class RowToCategorize:
    text: TxnText
    file_category: str | None = None


@dataclass
class Categorizer:
    """Everything needed to categorize a household's rows, loaded once (per import, per request)."""

    session: Session
    actor: Actor
    rules: list[CompiledRule]
    model: CategoryModel | None
    categories: dict[str, Account]  # casefolded path -> category
    by_id: dict[int, Account]
    created: list[str] = field(default_factory=list)  # categories the file named that did not exist
    create_missing: bool = True
    rule_hits: dict[int, int] = field(default_factory=dict)
    skipped_rules: list[SkippedRule] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session, *, actor: Actor) -> Categorizer:
        categories = [
            a
            for a in ledger_repo.list_accounts(session, household_id=actor.household_id, kinds=CATEGORY_KINDS)
            if not a.archived
        ]
        rules: list[CompiledRule] = []
        skipped: list[SkippedRule] = []
        for rule in active_rules(session, household_id=actor.household_id):
            compiled = compile_saved_rule(rule)
            if isinstance(compiled, SkippedRule):
                log.warning("rule %s of household %s is skipped: %s", rule.id, actor.household_id, compiled.reason)
                skipped.append(compiled)
            else:
                rules.append(compiled)
        return cls(
            session=session,
            actor=actor,
            rules=rules,
            skipped_rules=skipped,
            model=load_model(session, household_id=actor.household_id),
            categories={a.path.casefold(): a for a in categories},
            by_id={a.id: a for a in categories},
        )

    def decide(self, rows: Sequence[RowToCategorize]) -> list[Decision]:
        decisions: list[Decision | None] = [None] * len(rows)
        pending: list[int] = []
        for index, row in enumerate(rows):
            decision = self._by_rule(row) or self._by_file(row)
            if decision is not None:
                decisions[index] = decision
            else:
                pending.append(index)
        guesses = self.model.predict([rows[i].text for i in pending], k=3) if self.model and pending else []
        for position, index in enumerate(pending):
            row = rows[index]
            top = guesses[position] if guesses else []
            best = next((g for g in top if g.category.casefold() in self.categories), None)
            if best is not None and best.confidence >= MODEL_THRESHOLD:
                assert self.model is not None
                category = self.categories[best.category.casefold()]
                decisions[index] = Decision(
                    category.id, CategorySource.model, round(best.confidence, 3), self.model.explain(row.text, best)
                )
                continue
            merchant = match_merchant(row.text)
            if merchant is not None and merchant.category.casefold() in self.categories:
                category = self.categories[merchant.category.casefold()]
                if _direction_fits(category, row.text.amount_minor):
                    decisions[index] = Decision(
                        category.id,
                        CategorySource.knowledge_base,
                        KNOWLEDGE_BASE_CONFIDENCE,
                        f"the built-in merchant list files {merchant.merchant} (matched {merchant.pattern!r}) "
                        f"under {category.path}",
                    )
                    continue
            hint = ", ".join(f"{g.category} {g.confidence:.0%}" for g in top[:3])
            reason = f"no rule, model or known merchant was sure; best guesses: {hint}" if hint else "nothing to go on"
            confidence = round(best.confidence, 3) if best is not None else None
            decisions[index] = Decision(None, CategorySource.none, confidence, reason[:255])
        return [d for d in decisions if d is not None]

    def _by_rule(self, row: RowToCategorize) -> Decision | None:
        if not self.rules:
            return None
        text = row.text
        action = first_match(
            self.rules, RuleInput(text.payee or text.description, text.description, text.amount_minor, text.account)
        )
        if action is None:
            return None
        self.rule_hits[action.rule_id] = self.rule_hits.get(action.rule_id, 0) + 1
        category_id = action.category_id if action.category_id in self.by_id else None
        return Decision(
            category_id,
            CategorySource.rule if category_id is not None else CategorySource.none,
            1.0 if category_id is not None else None,
            f"rule {action.rule_name!r}"[:255],
            payee=action.payee,
            tags=action.tags,
        )

    def _by_file(self, row: RowToCategorize) -> Decision | None:
        name = (row.file_category or "").strip()
        if not name:
            return None
        category = self.file_category(name, income=row.text.amount_minor > 0)
        reason = f"the file says {name!r}"
        # A bank's coarse category ("Food & Drink", or a whole group like "Shopping") is narrowed by a known
        # merchant inside the same group: Starbucks under Food & Dining is Coffee.
        coarse = category.parent_id is None or name.casefold() != category.path.casefold()
        if coarse and category.id > 0:
            group = category.path.split("/")[0].casefold()
            merchant = match_merchant(row.text)
            narrower = self.categories.get(merchant.category.casefold()) if merchant else None
            if narrower is not None and merchant is not None and narrower.path.split("/")[0].casefold() == group:
                category = narrower
                reason += f", narrowed to {narrower.path} by the merchant list ({merchant.merchant})"
        return Decision(category.id, CategorySource.import_file, 1.0, reason[:255])

    def file_category(self, name: str, *, income: bool) -> Account:
        """A category column's value: "Group/Category" into the tree, a bare name onto an existing category of that
        name, and an unknown name becomes a new category (recorded, undoable with the import)."""
        path = "/".join(part.strip() for part in name.replace(":", "/").split("/") if part.strip())
        found = self.categories.get(path.casefold())
        if found is not None:
            return found
        # A bare name, or a "Group/Category" whose group this household does not have ("Food/Groceries"),
        # lands on an existing category of that name ("Food & Dining/Groceries") before a new one is made.
        leaf = path.rpartition("/")[2]
        named = [a for a in self.by_id.values() if a.name.casefold() == leaf.casefold()]
        if named and ("/" not in path or self.categories.get(path.rpartition("/")[0].casefold()) is None):
            wanted = AccountKind.income if income else AccountKind.expense
            return next((a for a in named if a.kind == wanted), named[0])
        if not self.create_missing:
            return Account(
                id=-1, name=path, path=f"{path} (new)", kind=AccountKind.income if income else AccountKind.expense
            )
        alias = bank_category_aliases().get(path.casefold())
        if alias is not None and alias.casefold() in self.categories:
            return self.categories[alias.casefold()]
        group_name, _, leaf = path.rpartition("/")
        parent = None
        if group_name:
            parent = self.categories.get(group_name.casefold()) or self._create(group_name, None, income)
        return self._create(leaf, parent, income)

    def _create(self, name: str, parent: Account | None, income: bool) -> Account:
        kind = parent.kind.value if parent else ("income" if income else "expense")
        created = ledger.create_category(
            self.session,
            actor=self.actor,
            data=CategoryCreate(name=name[:120], parent=parent.id if parent else None, kind=kind),
        )
        self.categories[created.path.casefold()] = created
        self.by_id[created.id] = created
        self.created.append(created.path)
        return created


@functools.cache
def bank_category_aliases() -> dict[str, str]:
    """Category names from other apps' exports ("Gas & Fuel", "Coffee Shops") and where they go in the taxonomy."""
    text = resources.files("kakeibo.data").joinpath("bank_categories.yaml").read_text(encoding="utf-8")
    return {str(name).casefold(): str(path) for name, path in yaml.safe_load(text).items()}


def _direction_fits(category: Account, amount_minor: int) -> bool:
    """The knowledge base names spending categories; money coming in from a shop is a refund and still fits, but an
    income category for money going out does not."""
    return not (category.kind == AccountKind.income and amount_minor < 0)


# ---- rules ----------------------------------------------------------------------------------------------------
def active_rules(session: Session, *, household_id: int) -> list[Rule]:
    stmt = (
        select(Rule)
        .where(Rule.household_id == household_id, Rule.status == "active", Rule.deleted.is_(False))
        .order_by(Rule.priority, Rule.id)
    )
    return list(session.scalars(stmt))


def compile_saved_rule(rule: Rule) -> CompiledRule | SkippedRule:
    """A saved rule ready to match, or why it cannot run (a pattern the rules engine no longer accepts)."""
    try:
        return compile_rule(rule_id=rule.id, name=rule.name, conditions=rule.conditions, actions=rule.actions)
    except ValidationFailed as exc:
        return SkippedRule(rule.id, rule.name, f"{exc.field}: {exc.message}" if exc.field else exc.message)


def rule_problem(rule: Rule) -> str | None:
    compiled = compile_saved_rule(rule)
    return compiled.reason if isinstance(compiled, SkippedRule) else None


def record_rule_hits(session: Session, *, household_id: int, hits: dict[int, int]) -> None:
    for rule_id, count in hits.items():
        rule = session.get(Rule, rule_id)
        if rule is not None and rule.household_id == household_id:
            rule.hits += count


# ---- the learned model ----------------------------------------------------------------------------------------
def load_model(session: Session, *, household_id: int) -> CategoryModel | None:
    record = session.get(CategoryModelRecord, household_id)
    if record is None:
        return None
    try:
        return CategoryModel.from_bytes(record.data)
    except ValueError:  # saved by an older version: retrained at the next import or correction
        return None


def save_model(session: Session, *, household_id: int, model: CategoryModel) -> None:
    record = session.get(CategoryModelRecord, household_id)
    data = model.to_bytes()
    if record is None:
        session.add(
            CategoryModelRecord(
                household_id=household_id, data=data, n_examples=model.n_examples, trained_at=clock.now()
            )
        )
    else:
        record.data, record.n_examples, record.trained_at = data, model.n_examples, clock.now()
    session.flush()


def training_set(
    session: Session, *, household_id: int, limit: int = TRAINING_LIMIT
) -> tuple[list[TxnText], list[str]]:
    """The household's latest categorized transactions (by a person, a rule or the file; not the model's own
    guesses), oldest first."""
    trusted = (CategorySource.user, CategorySource.rule, CategorySource.import_file)
    rows = session.execute(
        select(Transaction.id, Transaction.payee, Transaction.description, Transaction.amount_minor, Transaction.date)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.category_source.in_(trusted),
            Transaction.type.in_(("expense", "income")),
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
    ).all()
    if not rows:
        return [], []
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
    texts: list[TxnText] = []
    labels: list[str] = []
    for row in rows:
        own = [accounts[a] for a in legs.get(row.id, []) if a in accounts]
        category = next((a for a in own if a.kind in CATEGORY_KINDS), None)
        money = next((a for a in own if a.kind in BALANCE_KINDS), None)
        if category is None or ledger.is_uncategorized(category):
            continue
        texts.append(TxnText(row.payee, row.description, row.amount_minor, money.name if money else "", row.date.day))
        labels.append(category.path)
    # The newest rows were chosen; the model wants them oldest first (later choices outweigh earlier ones).
    texts.reverse()
    labels.reverse()
    return texts, labels


def retrain(session: Session, *, household_id: int) -> CategoryModel | None:
    texts, labels = training_set(session, household_id=household_id)
    if not texts:
        return None
    model = CategoryModel.train(texts, labels)
    save_model(session, household_id=household_id, model=model)
    return model


# ---- corrections ----------------------------------------------------------------------------------------------
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


def text_of(session: Session, transaction: Transaction) -> TxnText:
    return sides_of(session, household_id=transaction.household_id, transactions=[transaction])[transaction.id].text


def category_id_of(session: Session, transaction: Transaction) -> int | None:
    sides = sides_of(session, household_id=transaction.household_id, transactions=[transaction])
    return sides[transaction.id].category_id


def learn_correction(
    session: Session, *, actor: Actor, transaction: Transaction, from_category_id: int | None, to_category: Account
) -> Rule | None:
    """Record that a person filed this transaction under `to_category`: the model learns it at once, and the same
    correction for the same payee a third time proposes a rule. Returns a newly proposed rule, if any."""
    text = text_of(session, transaction)
    key = payee_key(text)
    session.add(
        CategoryCorrection(
            household_id=actor.household_id,
            transaction_id=transaction.id,
            payee_key=key[:255],
            from_category_id=from_category_id,
            to_category_id=to_category.id,
            created_at=clock.now(),
        )
    )
    session.flush()
    model = load_model(session, household_id=actor.household_id)
    if model is None:
        model = retrain(session, household_id=actor.household_id)
    if model is not None:
        model.learn(text, to_category.path)
        save_model(session, household_id=actor.household_id, model=model)
    if not key:
        return None
    count = session.scalar(
        select(func.count())
        .select_from(CategoryCorrection)
        .where(
            CategoryCorrection.household_id == actor.household_id,
            CategoryCorrection.payee_key == key[:255],
            CategoryCorrection.to_category_id == to_category.id,
        )
    )
    if (count or 0) < PROPOSE_AFTER:
        return None
    return _propose_rule(session, actor=actor, payee=transaction.payee or transaction.description, category=to_category)


def _propose_rule(session: Session, *, actor: Actor, payee: str, category: Account) -> Rule | None:
    condition = {"field": "payee", "op": "contains", "value": payee.strip()[:300]}
    existing = session.scalars(
        select(Rule).where(Rule.household_id == actor.household_id, Rule.deleted.is_(False))
    ).all()
    for rule in existing:
        if condition in rule.conditions:
            return None  # already proposed, accepted or dismissed: ask once
    return _add_rule(
        session,
        actor=actor,
        name=f"{payee.strip()[:60]} → {category.path}",
        conditions=[condition],
        actions={"category_id": category.id, "payee": None, "tags": []},
        priority=100,
        status="proposed",
    )


def _add_rule(
    session: Session,
    *,
    actor: Actor,
    name: str,
    conditions: list[dict[str, Any]],
    actions: dict[str, Any],
    priority: int,
    status: str,
) -> Rule:
    rule = Rule(
        household_id=actor.household_id,
        name=name[:120],
        conditions=conditions,
        actions=actions,
        priority=priority,
        status=status,
        hits=0,
        created_by=actor.user_id,
        deleted=False,
        created_at=clock.now(),
    )
    session.add(rule)
    session.flush()
    return rule


# ---- review queue ---------------------------------------------------------------------------------------------
def review_queue(session: Session, *, household_id: int, limit: int) -> list[Transaction]:
    """Rows a person should look at, least sure first: uncategorized ones, guesses below the review threshold,
    and possible duplicates."""
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
                & (confidence < REVIEW_THRESHOLD)
            ),
        )
        .order_by(Transaction.review_flag.is_(None), confidence, Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def guesses_for(
    session: Session, *, household_id: int, transactions: Sequence[Transaction]
) -> dict[int, list[dict[str, Any]]]:
    """The model's top guesses and the knowledge base's, for showing beside rows in the review queue."""
    model = load_model(session, household_id=household_id)
    sides = sides_of(session, household_id=household_id, transactions=transactions)
    texts = [sides[t.id].text for t in transactions]
    result: dict[int, list[dict[str, Any]]] = {t.id: [] for t in transactions}
    if model is not None and texts:
        for transaction, guesses in zip(transactions, model.predict(texts, k=3), strict=True):
            result[transaction.id] = [
                {"category": g.category, "confidence": round(g.confidence, 3), "source": "model"} for g in guesses
            ]
    for transaction, text in zip(transactions, texts, strict=True):
        merchant = match_merchant(text)
        if merchant is not None and all(g["category"] != merchant.category for g in result[transaction.id]):
            result[transaction.id].append(
                {"category": merchant.category, "confidence": KNOWLEDGE_BASE_CONFIDENCE, "source": "knowledge_base"}
            )
    return result


# ---- rules: create, change, apply -----------------------------------------------------------------------------
def _rule_actions(session: Session, *, household_id: int, actions: dict[str, Any]) -> dict[str, Any]:
    category = actions.get("category")
    category_id = None
    if category is not None:
        category_id = ledger.resolve_category(
            session, household_id=household_id, ref=category, field="actions.category"
        ).id
    return {"category_id": category_id, "payee": actions.get("payee"), "tags": list(actions.get("tags") or [])}


def create_rule(session: Session, *, actor: Actor, data: RuleCreate) -> Rule:
    conditions = [c.model_dump() for c in data.conditions]
    actions = _rule_actions(session, household_id=actor.household_id, actions=data.actions.model_dump())
    compile_rule(rule_id=0, name=data.name, conditions=conditions, actions=actions)  # refuses a malformed rule
    return _add_rule(
        session,
        actor=actor,
        name=data.name.strip(),
        conditions=conditions,
        actions=actions,
        priority=data.priority,
        status="active",
    )


def get_rule(session: Session, *, household_id: int, rule_id: int) -> Rule:
    rule = session.get(Rule, rule_id)
    if rule is None or rule.household_id != household_id or rule.deleted:
        raise RuleNotFound(f"no rule {rule_id} in this household", field="rule_id")
    return rule


def list_rules(session: Session, *, household_id: int) -> list[Rule]:
    stmt = (
        select(Rule)
        .where(Rule.household_id == household_id, Rule.deleted.is_(False))
        .order_by(Rule.status, Rule.priority, Rule.id)
    )
    return list(session.scalars(stmt))


def update_rule(session: Session, *, actor: Actor, rule_id: int, data: RuleUpdate) -> Rule:
    rule = get_rule(session, household_id=actor.household_id, rule_id=rule_id)
    conditions = [c.model_dump() for c in data.conditions] if data.conditions is not None else rule.conditions
    actions = (
        _rule_actions(session, household_id=actor.household_id, actions=data.actions.model_dump())
        if data.actions is not None
        else rule.actions
    )
    name = data.name.strip() if data.name else rule.name
    compile_rule(rule_id=rule.id, name=name, conditions=conditions, actions=actions)
    rule.name, rule.conditions, rule.actions = name, conditions, actions
    if data.priority is not None:
        rule.priority = data.priority
    if data.status is not None:
        rule.status = data.status
    session.flush()
    return rule


def delete_rule(session: Session, *, actor: Actor, rule_id: int) -> None:
    rule = get_rule(session, household_id=actor.household_id, rule_id=rule_id)
    rule.deleted = True
    session.flush()


def apply_rules(session: Session, *, actor: Actor, limit: int = 50_000) -> list[int]:
    """Run the active rules over the household's transactions whose category nobody set by hand; returns the ids
    whose category changed (one event group: one undo reverts the run)."""
    categorizer = Categorizer.load(session, actor=actor)
    if not categorizer.rules:
        return []
    rows = session.scalars(
        select(Transaction)
        .where(
            Transaction.household_id == actor.household_id,
            Transaction.deleted_at.is_(None),
            Transaction.category_locked.is_(False),
            Transaction.type.in_(("expense", "income")),
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .limit(limit)
    ).all()
    changed: list[int] = []
    sides = sides_of(session, household_id=actor.household_id, transactions=rows)
    for transaction in rows:
        decision = categorizer._by_rule(RowToCategorize(sides[transaction.id].text))
        if decision is None or decision.category_id is None:
            continue
        if sides[transaction.id].category_id == decision.category_id:
            continue
        ledger.update_transaction(
            session,
            actor=actor,
            transaction_id=transaction.id,
            data=TransactionUpdate(category=decision.category_id),
        )
        transaction.category_source, transaction.category_locked = CategorySource.rule, False
        transaction.category_confidence, transaction.category_reason = 1.0, decision.reason
        changed.append(transaction.id)
    record_rule_hits(session, household_id=actor.household_id, hits=categorizer.rule_hits)
    session.flush()
    return changed


# ---- a person's verdicts --------------------------------------------------------------------------------------
def accept(session: Session, *, actor: Actor, transaction_ids: Sequence[int]) -> int:
    """The person agrees with what is there: the category is locked and any review flag cleared."""
    count = 0
    for transaction_id in transaction_ids:
        transaction = ledger.get_transaction(session, household_id=actor.household_id, transaction_id=transaction_id)
        transaction.review_flag, transaction.review_ref = None, None
        current = category_id_of(session, transaction)
        if not transaction.category_locked and current is not None:
            category = session.get(Account, current)
            if category is not None and not ledger.is_uncategorized(category):
                transaction.category_locked = True
                if transaction.category_source != CategorySource.user:
                    learn_correction(
                        session, actor=actor, transaction=transaction, from_category_id=current, to_category=category
                    )
        count += 1
    session.flush()
    return count


def correct(
    session: Session, *, actor: Actor, transaction_ids: Sequence[int], category: int | str
) -> tuple[int, list[Rule]]:
    """File these transactions under `category` (a person's choice: locked), and learn from it."""
    target = ledger.resolve_category(session, household_id=actor.household_id, ref=category)
    proposed: list[Rule] = []
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
        rule = learn_correction(
            session, actor=actor, transaction=transaction, from_category_id=before, to_category=target
        )
        if rule is not None:
            proposed.append(rule)
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
