"""Deciding a row's category: user rules, a category the file gives, the household's learned model, the merchant
knowledge base, in that order.

Every decision records its source, a confidence and a one-line reason. A category set by hand is locked: nothing
here ever changes it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from kakeibo.categorize import repository as repo
from kakeibo.categorize.features import TxnText
from kakeibo.categorize.learning import load_model
from kakeibo.categorize.merchants import MerchantMatch, load_yaml, match_merchant
from kakeibo.categorize.models import Rule
from kakeibo.categorize.rules import CompiledRule, RuleInput, compile_rule, first_match
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import CATEGORY_KINDS, Account, AccountKind, CategorySource, Transaction
from kakeibo.ledger.schemas import CategoryCreate

if TYPE_CHECKING:
    from kakeibo.categorize.model import CategoryModel

# Below this, a model guess is not used: the row stays uncategorized, in the review queue with its guesses.
MODEL_THRESHOLD = 0.5
# Below this, a categorized row still shows in the review queue.
REVIEW_THRESHOLD = 0.7
KNOWLEDGE_BASE_CONFIDENCE = 0.8

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


_NOTHING_TO_GO_ON = Decision(None, CategorySource.none, None, "nothing to go on")


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
        for rule in repo.active_rules(session, household_id=actor.household_id):
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
            decision = self.by_rule(row) or self._by_file(row)
            if decision is not None:
                decisions[index] = decision
            else:
                pending.append(index)
        guesses = self.model.predict([rows[i].text for i in pending], k=3) if self.model and pending else []
        # The merchant list's decisions repeat (a statement is mostly the same few shops): one per merchant pattern
        # and sign, shared, since a Decision is immutable.
        known: dict[tuple[str, str, str, bool], Decision | None] = {}
        for position, index in enumerate(pending):
            row = rows[index]
            top = guesses[position] if guesses else []
            best = next((g for g in top if g.category.casefold() in self.categories), None) if top else None
            if best is not None and best.confidence >= MODEL_THRESHOLD:
                assert self.model is not None
                category = self.categories[best.category.casefold()]
                decisions[index] = Decision(
                    category.id, CategorySource.model, round(best.confidence, 3), self.model.explain(row.text, best)
                )
                continue
            merchant = match_merchant(row.text)
            if merchant is not None:
                key = (merchant.category, merchant.merchant, merchant.pattern, row.text.amount_minor < 0)
                if key not in known:
                    known[key] = self._by_merchant(merchant, row.text.amount_minor)
                decision = known[key]
                if decision is not None:
                    decisions[index] = decision
                    continue
            if not top:
                decisions[index] = _NOTHING_TO_GO_ON
                continue
            hint = ", ".join(f"{g.category} {g.confidence:.0%}" for g in top[:3])
            reason = f"no rule, model or known merchant was sure; best guesses: {hint}"
            confidence = round(best.confidence, 3) if best is not None else None
            decisions[index] = Decision(None, CategorySource.none, confidence, reason[:255])
        return [d for d in decisions if d is not None]

    def _by_merchant(self, merchant: MerchantMatch, amount_minor: int) -> Decision | None:
        category = self.categories.get(merchant.category.casefold())
        if category is None or not _direction_fits(category, amount_minor):
            return None
        return Decision(
            category.id,
            CategorySource.knowledge_base,
            KNOWLEDGE_BASE_CONFIDENCE,
            f"the built-in merchant list files {merchant.merchant} (matched {merchant.pattern!r}) under {category.path}",
        )

    def by_rule(self, row: RowToCategorize) -> Decision | None:
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
    aliases = load_yaml(text)
    assert isinstance(aliases, dict), "bank_categories.yaml is a mapping"
    return {str(name).casefold(): str(path) for name, path in aliases.items()}


def _direction_fits(category: Account, amount_minor: int) -> bool:
    """The knowledge base names spending categories; money coming in from a shop is a refund and still fits, but an
    income category for money going out does not."""
    return not (category.kind == AccountKind.income and amount_minor < 0)


def compile_saved_rule(rule: Rule) -> CompiledRule | SkippedRule:
    """A saved rule ready to match, or why it cannot run (a pattern the rules engine no longer accepts)."""
    try:
        return compile_rule(rule_id=rule.id, name=rule.name, conditions=rule.conditions, actions=rule.actions)
    except ValidationFailed as exc:
        return SkippedRule(rule.id, rule.name, f"{exc.field}: {exc.message}" if exc.field else exc.message)


def rule_problem(rule: Rule) -> str | None:
    compiled = compile_saved_rule(rule)
    return compiled.reason if isinstance(compiled, SkippedRule) else None


def review_queue(session: Session, *, household_id: int, limit: int) -> list[Transaction]:
    """Rows a person should look at, least sure first: uncategorized ones, guesses below the review threshold,
    and possible duplicates."""
    return repo.review_queue(session, household_id=household_id, limit=limit, below=REVIEW_THRESHOLD)


def guesses_for(
    session: Session, *, household_id: int, transactions: Sequence[Transaction]
) -> dict[int, list[dict[str, Any]]]:
    """The model's top guesses and the knowledge base's, for showing beside rows in the review queue."""
    model = load_model(session, household_id=household_id)
    sides = repo.sides_of(session, household_id=household_id, transactions=transactions)
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
