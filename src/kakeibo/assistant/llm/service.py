"""The facade the assistant calls when a language model is configured: parse an utterance into an intent, narrate
an answer, categorize uncategorized rows. Each returns None (or 0) rather than raising when the gateway refuses,
the provider fails or the answer does not validate, so the caller falls back to the offline path."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant.answers import Answer
from kakeibo.assistant.intents import Intent
from kakeibo.assistant.llm import prompts
from kakeibo.assistant.llm import repository as repo
from kakeibo.assistant.llm.errors import LLMRefused, LLMUnavailable
from kakeibo.assistant.llm.gateway import ChatRequest, Completion, Gateway
from kakeibo.assistant.llm.pricing import day_start, dollars_to_micro, micro_to_dollars, month_start
from kakeibo.assistant.llm.schemas import UsageCapsOut, UsageOut, UsagePeriodOut
from kakeibo.assistant.parsing import Vocabulary
from kakeibo.categorize.repository import unlocked_transactions
from kakeibo.categorize.service import sides_of
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str
from kakeibo.core.settings import Settings
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import CATEGORY_KINDS, Account, AccountKind, CategorySource, Transaction
from kakeibo.ledger.schemas import TransactionUpdate

log = logging.getLogger(__name__)

CATEGORIZE_BATCH = 25


class LanguageModel:
    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway

    @property
    def model(self) -> str:
        return self.gateway.model

    def _ask(
        self, session: Session, *, request: ChatRequest, caller: Actor, session_key: str | None, cacheable: bool
    ) -> Completion | None:
        try:
            return self.gateway.complete(
                session, request=request, caller=caller, session_key=session_key, cacheable=cacheable
            )
        except (LLMRefused, LLMUnavailable) as exc:
            log.info("language model not used for %s: %s", request.purpose, exc.message)
            return None

    def parse(
        self,
        session: Session,
        *,
        text: str,
        today: dt.date,
        vocabulary: Vocabulary,
        actor: Actor,
        session_key: str | None,
        context: Mapping[str, Any] | None = None,
    ) -> Intent | None:
        """The utterance as a validated intent within the household's vocabulary, or None (use the offline parser)."""
        request = ChatRequest(
            purpose="parse",
            messages=prompts.parse_messages(text=text, today=today, vocabulary=vocabulary, context=context),
            tools=prompts.intent_tools(vocabulary),
        )
        # Without conversation context the answer depends only on the words, the day and the household's
        # vocabulary (all in the prompt), so it can be cached until the ledger changes.
        stateless = not context or all(value is None for value in context.values())
        completion = self._ask(
            session,
            request=request,
            caller=actor,
            session_key=session_key,
            cacheable=stateless,
        )
        return prompts.intent_from(completion, vocabulary) if completion is not None else None

    def narrate(
        self,
        session: Session,
        *,
        answer: Answer,
        question: str,
        actor: Actor,
        session_key: str | None,
    ) -> str | None:
        """A friendlier sentence built only from the answer's numbers, or None (use the template answer)."""
        facts = prompts.narration_facts(answer.as_dict(), question)
        completion = self._ask(
            session,
            request=ChatRequest(purpose="narrate", messages=prompts.narration_messages(facts), stream=True),
            caller=actor,
            session_key=session_key,
            cacheable=True,
        )
        return prompts.checked_narration(completion.text, facts) if completion is not None else None

    def categorize_batch(
        self,
        session: Session,
        *,
        actor: Actor,
        transaction_ids: Sequence[int],
    ) -> int:
        """File the given rows that are still uncategorized, in batches, as the model's choice (source `llm`,
        not locked), in this one session. Rows a person categorized are never touched. All changes are one event
        group: one undo reverts the run. Returns how many rows were filed. (The categorize job asks the model
        outside any write and files briefly: `choose_categories`, then `file_categories`.)"""
        return self.file_categories(
            session, actor=actor, choices=self.choose_categories(session, actor=actor, transaction_ids=transaction_ids)
        )

    def choose_categories(self, session: Session, *, actor: Actor, transaction_ids: Sequence[int]) -> dict[int, str]:
        """The model's category path for each of the given rows it could place, asked in batches; only reads
        (usage is recorded in a short transaction of its own), so it may run while nothing is locked."""
        household_id = actor.household_id
        categories = {
            a.path: a
            for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)
            if not a.archived and a.parent_id is not None and not ledger.is_uncategorized(a)
        }
        candidates = _uncategorized(session, household_id=household_id, transaction_ids=transaction_ids)
        choices: dict[int, str] = {}
        for start in range(0, len(candidates), CATEGORIZE_BATCH):
            batch = candidates[start : start + CATEGORIZE_BATCH]
            rows = [
                {
                    "id": t.id,
                    "date": t.date.isoformat(),
                    "payee": t.payee,
                    "description": t.description,
                    "amount": minor_to_str(t.amount_minor, t.settlement_currency),
                    "currency": t.settlement_currency,
                }
                for t in batch
            ]
            try:
                completion = self.gateway.complete(
                    session,
                    request=ChatRequest(
                        purpose="categorize",
                        messages=prompts.categorize_messages(rows),
                        tools=[prompts.categorize_tool([t.id for t in batch], categories)],
                    ),
                    caller=actor,
                    session_key=f"categorize:{household_id}",
                    cacheable=False,
                )
            except LLMRefused as exc:
                log.info("batch categorization stopped: %s", exc.message)
                break  # a cap or quota: the next batch would be refused too
            except LLMUnavailable as exc:
                log.info("batch categorization skipped a batch: %s", exc.message)
                continue
            chosen = prompts.categories_from(completion, ids=[t.id for t in batch], categories=categories)
            for transaction in batch:
                path = (chosen or {}).get(transaction.id)
                if path is not None:
                    choices[transaction.id] = path
        return choices

    def file_categories(self, session: Session, *, actor: Actor, choices: dict[int, str]) -> int:
        """Write the model's choices, checked again against the rows as they are now (a person may have filed one
        meanwhile), as one event group."""
        actor = actor.for_change(source="assistant")  # one event group: one undo reverts the run
        household_id = actor.household_id
        categories = {
            a.path: a
            for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS)
            if not a.archived and a.parent_id is not None and not ledger.is_uncategorized(a)
        }
        filed = 0
        for transaction in _uncategorized(session, household_id=household_id, transaction_ids=list(choices)):
            category = categories.get(choices[transaction.id])
            if category is None:
                continue  # renamed or removed while the model thought
            if category.kind == AccountKind.income and transaction.amount_minor < 0:
                continue  # money going out is never income, whatever the model says
            filed += self._file(session, actor=actor, transaction=transaction, category=category)
        return filed

    def _file(self, session: Session, *, actor: Actor, transaction: Transaction, category: Account) -> int:
        if transaction.category_locked or transaction.category_source == CategorySource.user:
            return 0
        ledger.update_transaction(
            session,
            actor=actor,
            transaction_id=transaction.id,
            data=TransactionUpdate(category=category.id),
            # The model's choice, recorded as such (in the event too) and open to later refiling.
            guess=ledger.CategoryGuess(
                CategorySource.llm, None, f"the language model ({self.model}) filed it under {category.path}"[:255]
            ),
        )
        session.flush()
        return 1


def _uncategorized(session: Session, *, household_id: int, transaction_ids: Sequence[int]) -> list[Transaction]:
    """The given rows of this household that are live, spending or income, unlocked and uncategorized."""
    rows: list[Transaction] = []
    ids = list(dict.fromkeys(transaction_ids))
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows.extend(unlocked_transactions(session, household_id=household_id, limit=len(chunk), ids=chunk))
    rows.sort(key=lambda row: row.id)  # the model sees them in the order they were written
    sides = sides_of(session, household_id=household_id, transactions=rows)
    accounts = ledger_repo.accounts_by_id(
        session, household_id=household_id, ids={s.category_id for s in sides.values() if s.category_id}
    )

    def uncategorized(transaction: Transaction) -> bool:
        category_id = sides[transaction.id].category_id
        return category_id is None or (category_id in accounts and ledger.is_uncategorized(accounts[category_id]))

    return [t for t in rows if uncategorized(t)]


def llm_for(settings: Settings) -> LanguageModel | None:
    """The configured language model, or None when none is (the assistant then stays offline)."""
    if not settings.llm_enabled:
        return None
    return LanguageModel(Gateway(settings))  # one per app (kept on app.state), so its limits are shared


def usage_summary(session: Session, *, settings: Settings, household_id: int, now: dt.datetime) -> UsageOut:
    """This household's language-model requests and spend today and this month (UTC), and the caps."""
    today = repo.household_totals(session, household_id=household_id, since=day_start(now))
    month = repo.household_totals(session, household_id=household_id, since=month_start(now))
    model = settings.llm_model if settings.llm_enabled else None
    return UsageOut(
        enabled=settings.llm_enabled,
        model=model,
        provider_model=model,
        today=UsagePeriodOut(requests=today.requests, cost=micro_to_dollars(today.cost_micro)),
        month=UsagePeriodOut(requests=month.requests, cost=micro_to_dollars(month.cost_micro)),
        caps=UsageCapsOut(
            household_daily=micro_to_dollars(dollars_to_micro(settings.llm_household_daily_cap, "household cap")),
            global_monthly=micro_to_dollars(dollars_to_micro(settings.llm_global_monthly_cap, "global cap")),
            user_daily_requests=settings.llm_user_daily_requests,
        ),
    )
