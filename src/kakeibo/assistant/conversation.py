"""One turn of a conversation with the assistant: understand the utterance (offline parser, or the LLM when
configured, validated into the same intents), then answer it from the ledger or propose a change. The
conversation remembers what follow-ups need: the last question, the transactions just shown, a pending choice
between candidates, the proposal waiting for a yes, a capture waiting for its amount (or for its amount in the
account's currency), and a correction waiting to know which item or split part it is for."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant import planning_answers, proposals
from kakeibo.assistant import repository as repo
from kakeibo.assistant.answers import answer, measure_of
from kakeibo.assistant.intents import (
    AddTransaction,
    AddTransactions,
    CaptureItem,
    Changes,
    Clarify,
    CorrectLast,
    DeleteTransaction,
    GoalStatus,
    Intent,
    IntentAdapter,
    Query,
    RecurringDue,
    SetBudget,
    Split,
    Target,
    Undo,
    Unsupported,
    UpdateTransaction,
)
from kakeibo.assistant.models import Conversation, Message, Proposal
from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.parsing.amounts import find_amount
from kakeibo.assistant.parsing.followup import follow_up, is_follow_up
from kakeibo.assistant.parsing.numbers import words_to_digits
from kakeibo.assistant.parsing.offline import normalize
from kakeibo.assistant.service import vocabulary_for
from kakeibo.assistant.targets import resolve, rows
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import KakeiboError, NotFound
from kakeibo.core.money import minor_to_str, to_minor
from kakeibo.core.settings import Settings
from kakeibo.ledger import service as ledger

HISTORY_LIMIT = 200
_YES = re.compile(r"(?:yes|yep|yeah|y|ok|okay|sure|confirm|confirmed|do it|go ahead|correct|right|that's right)")
_NO = re.compile(r"(?:no|nope|n|cancel|never ?mind|don't|do not|stop|forget it)")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5}
_CHOICE = re.compile(
    r"^(?:the )?(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)(?: one)?$"
    r"|^(?:number |no |option |#)?(?P<n>\d{1,9})$"
)


_READ_ONLY = "You can ask questions, but this credential may only read, so I can't change anything."


class ConversationNotFound(NotFound):
    type = "/problems/conversation-not-found"
    title = "Conversation not found"


# Who talks and where is the caller's Actor (core/actor.py); the old name stays for callers.
Speaker = Actor


def start(session: Session, *, speaker: Speaker, title: str = "") -> Conversation:
    conversation = Conversation(household_id=speaker.household_id, user_id=speaker.user, title=title[:120], context={})
    session.add(conversation)
    session.flush()
    return conversation


def get(session: Session, *, speaker: Speaker, conversation_id: int) -> Conversation:
    """A conversation of the caller's own (members of a household do not read each other's chats)."""
    conversation = session.get(Conversation, conversation_id)
    if (
        conversation is None
        or conversation.household_id != speaker.household_id
        or conversation.user_id != speaker.user
    ):
        raise ConversationNotFound(f"no conversation {conversation_id}")
    return conversation


def latest(session: Session, *, speaker: Speaker, title: str) -> Conversation:
    """The caller's latest conversation with this title, started when there is none (the CLI keeps one)."""
    found = repo.latest_conversation(session, household_id=speaker.household_id, user_id=speaker.user, title=title)
    return found or start(session, speaker=speaker, title=title)


def list_conversations(session: Session, *, speaker: Speaker, limit: int = 50) -> list[Conversation]:
    return repo.conversations_of(session, household_id=speaker.household_id, user_id=speaker.user, limit=limit)


def history(session: Session, *, conversation: Conversation) -> list[dict[str, Any]]:
    messages = repo.latest_messages(session, conversation_id=conversation.id, limit=HISTORY_LIMIT)
    out = [message_dict(m) for m in messages]
    # A proposal's state moves on after its message was written (confirmed, cancelled, expired): show it now.
    ids = [m["proposal"]["id"] for m in out if m.get("proposal")]
    if ids:
        current = {
            p.id: proposals.as_dict(p)
            for p in repo.proposals_by_id(session, household_id=conversation.household_id, ids=ids)
        }
        for m in out:
            if m.get("proposal") and m["proposal"]["id"] in current:
                m["proposal"] = current[m["proposal"]["id"]]
    return out


def message_dict(message: Message) -> dict[str, Any]:
    payload = message.payload or {}
    query = payload.get("query")
    if query and "measure" not in query:
        # Stored before specs said what they count: the question's metric says it.
        query = {**query, "measure": measure_of(str(query.get("metric", "")))}
    return {
        "id": message.id,
        "role": message.role,
        "text": message.text,
        "created_at": message.created_at.isoformat(),
        "kind": payload.get("kind"),
        "intent": payload.get("intent"),
        "value": payload.get("value"),
        "currency": payload.get("currency"),
        "query": query,
        "evidence": payload.get("evidence"),
        "proposal": payload.get("proposal"),
        "candidates": payload.get("candidates") or [],
    }


@dataclass
class Reply:
    """What the assistant says back, before it is stored as a message."""

    text: str
    intent: Intent | None = None
    value: str | None = None
    currency: str | None = None
    query: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    proposal: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "kind": self.intent.kind if self.intent is not None else None,
            "intent": IntentAdapter.dump_python(self.intent, mode="json") if self.intent is not None else None,
            "value": self.value,
            "currency": self.currency,
            "query": self.query,
            "evidence": self.evidence,
            "proposal": self.proposal,
            "candidates": self.candidates or [],
        }


class Turn:
    """One utterance in a conversation, carried through to a reply."""

    def __init__(
        self,
        session: Session,
        *,
        speaker: Speaker,
        conversation: Conversation,
        settings: Settings,
        today: dt.date | None = None,
        language_model: Any | None = None,
        can_write: bool = True,
        understood: Intent | None = None,
    ) -> None:
        self.session = session
        self.can_write = can_write
        self.understood = understood
        self.speaker = speaker
        self.conversation = conversation
        self.settings = settings
        self.today = today or clock.today()
        self.context: dict[str, Any] = dict(conversation.context or {})
        self.language_model = language_model
        self._vocabulary: Vocabulary | None = None

    @property
    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = vocabulary_for(self.session, actor=self.speaker)
        return self._vocabulary

    # ---- understanding ----------------------------------------------------------------------------------------
    def model_intent(self, text: str) -> Intent | None:
        """What the language model understood, validated into an intent, or None (no model, or it failed)."""
        if self.language_model is None:
            return None
        intent: Intent | None = self.language_model.parse(
            self.session,
            text=text,
            today=self.today,
            vocabulary=self.vocabulary,
            actor=self.speaker,
            session_key=f"conversation:{self.conversation.id}",
            context={"previous_query": self.context.get("last_query")},
        )
        return intent

    def understand(self, text: str) -> Intent:
        intent = self.understood or self.model_intent(text)
        if intent is None:
            intent = parse(text, today=self.today, vocabulary=self.vocabulary)
        previous = self.context.get("last_query")
        if previous and isinstance(intent, Query | Unsupported | Clarify) and is_follow_up(text):
            resolved = follow_up(text, Query.model_validate(previous), today=self.today, vocabulary=self.vocabulary)
            if resolved is not None:
                return resolved
        waiting = self.context.get("clarify_text")
        # "coffee at Blue Bottle" → "How much was it?" → "4.50": the amount completes the earlier capture.
        if (
            waiting
            and (
                isinstance(intent, Clarify | Unsupported | Query)
                or (isinstance(intent, AddTransaction) and intent.description is None and intent.category is None)
            )
            and find_amount(normalize(text), self.speaker.base_currency) is not None
        ):
            # "set the groceries budget" → "How much should it be?" → "600": the amount completes the budget.
            completed = parse(f"{waiting} {text}", today=self.today, vocabulary=self.vocabulary)
            if isinstance(completed, SetBudget):
                return completed
            combined = parse(f"{text} {waiting}", today=self.today, vocabulary=self.vocabulary)
            if isinstance(combined, AddTransaction):
                return combined
        return intent

    # ---- replying ---------------------------------------------------------------------------------------------
    def reply(self, text: str) -> Reply:
        """The reply; what the ledger refuses (an unknown account, a split given one amount, a proposal that
        expired or whose undo conflicts) is said, and whatever the refused step had written is rolled back."""
        savepoint = self.session.begin_nested()
        try:
            reply = self._reply(text)
        except KakeiboError as exc:
            savepoint.rollback()
            self.context.pop("proposal", None)
            return Reply(f"That could not be done: {exc}")
        savepoint.commit()
        return reply

    def _reply(self, text: str) -> Reply:
        norm = normalize(text)
        pending = self.context.get("proposal")
        if pending and (_YES.fullmatch(norm) or _NO.fullmatch(norm)):
            if not self.can_write:
                return Reply(_READ_ONLY)
            return self._decide(pending, confirm=bool(_YES.fullmatch(norm)))
        convert = self.context.pop("convert", None)
        if convert:
            # "How much was that in USD?" → "about 16 dollars": anything else drops the question.
            converted = account_amount(norm, str(convert["currency"]))
            if converted is not None:
                return self._conversion_given(convert, converted)
        part = self.context.pop("choose_part", None)
        if part:
            picked = self._pick_part(norm, part)
            if picked is not None:
                return picked
        choice = self.context.get("choose")
        if choice:
            picked = self._pick(norm, choice)
            if picked is not None:
                return picked
        self.context.pop("choose", None)
        if _NO.fullmatch(norm):
            # "never mind" with nothing waiting for a yes: whatever was asked is dropped, and nothing changes.
            self.context.pop("clarify_text", None)
            return Reply("OK, nothing was changed.")
        intent = self.understand(text)
        self.context.pop("clarify_text", None)
        if isinstance(intent, Query):
            return self._answer(intent)
        if isinstance(intent, RecurringDue | GoalStatus):
            return self._planning(intent)
        if not self.can_write and isinstance(
            intent,
            AddTransaction | AddTransactions | UpdateTransaction | CorrectLast | DeleteTransaction | Undo | SetBudget,
        ):
            return Reply(_READ_ONLY, intent)
        if isinstance(intent, SetBudget):
            return self._set_budget(intent)
        if isinstance(intent, AddTransaction | AddTransactions):
            return self._capture(intent)
        if isinstance(intent, UpdateTransaction | DeleteTransaction):
            return self._change(intent, text)
        if isinstance(intent, Undo):
            return self._undo(intent)
        if isinstance(intent, CorrectLast):
            return self._correct(intent)
        if isinstance(intent, Clarify):
            self.context["clarify_text"] = text
            return Reply(intent.question, intent)
        return Reply(intent.reason, intent)

    def _correct(self, intent: CorrectLast) -> Reply:
        """Amend what this conversation just did: the pending proposal (replaced by an amended one, the old one
        cancelled), else the transaction it recorded last (a proposed update). Never a second transaction."""
        actor = self.speaker.for_change(source="assistant")
        said = {k: v for k, v in intent.changes.model_dump().items() if v is not None}
        pending = self._pending()
        capture = self.context.get("capture") or {}
        if pending is not None and pending.action == "create" and capture.get("proposal") == pending.id:
            return self._amend_capture(intent, pending, capture, said)
        if pending is not None and pending.action == "budget" and set(said) == {"amount"}:
            # "set the groceries budget to 600" → "make it 650": the waiting budget, with the new amount.
            proposals.cancel(self.session, household_id=self.speaker.household_id, proposal_id=pending.id)
            month = dt.date.fromisoformat(str(pending.payload["month"]))
            amended = SetBudget(category=str(pending.payload["category"]), amount=str(said["amount"]), month=month)
            return self._set_budget(amended)
        correcting = self.context.get("correcting") or {}
        if pending is not None and pending.action == "update" and correcting.get("proposal") == pending.id:
            transaction_id, said = int(correcting["transaction_id"]), {**correcting["changes"], **said}
            proposals.cancel(self.session, household_id=self.speaker.household_id, proposal_id=pending.id)
            transaction = ledger.get_transaction(
                self.session, household_id=self.speaker.household_id, transaction_id=transaction_id
            )
        elif pending is not None:
            return Reply(f"First say yes or no to: {pending.summary}?", intent)
        else:
            found = proposals.last_recorded_transactions(
                self.session, household_id=self.speaker.household_id, conversation_id=self.conversation.id
            )
            if not found:
                return Reply(
                    "Which transaction should I change? This conversation has not recorded one yet: name it "
                    "(“change the lunch on friday to 25”).",
                    intent,
                )
            if len(found) > 1:
                # Recorded together, corrected one at a time: which one is never guessed.
                return self._which_of(UpdateTransaction(target=Target(), changes=Changes.model_validate(said)), found)
            (transaction,) = found
        changes = Changes.model_validate(said)
        try:
            proposal = proposals.propose_update(
                self.session,
                actor=actor,
                conversation_id=self.conversation.id,
                transaction=transaction,
                changes=changes,
                minutes=self.settings.proposal_minutes,
            )
        except proposals.SplitPartUnclear as asked:
            return Reply(asked.message, intent)
        self.context["correcting"] = {
            "proposal": proposal.id,
            "transaction_id": transaction.id,
            "changes": changes.model_dump(mode="json", exclude_none=True),
        }
        return self._proposed(intent, proposal)

    # ---- captures -----------------------------------------------------------------------------------------
    def _capture(
        self,
        intent: AddTransaction | AddTransactions,
        *,
        conversions: dict[str, list[str]] | None = None,
        correction: CorrectLast | None = None,
    ) -> Reply:
        """Propose the capture (one or several items, one proposal), or ask for the account's amount of an item in
        another currency, keeping the capture until the answer comes."""
        conversions = dict(conversions or {})
        dumped = IntentAdapter.dump_python(intent, mode="json")
        try:
            proposal = proposals.propose_create(
                self.session,
                actor=self.speaker.for_change(source="assistant"),
                conversation_id=self.conversation.id,
                intent=intent,
                minutes=self.settings.proposal_minutes,
                conversions=conversions,
            )
        except proposals.NeedsConversion as asked:
            self.context["convert"] = {
                "intent": dumped,
                "conversions": conversions,
                "index": asked.index,
                "currency": asked.currency,
            }
            question = asked.message
            if not isinstance(intent, AddTransaction):
                item = asked.item
                what = f"{_shown(item.amount, item.currency)} {item.currency}"
                what += f" {item.description}" if item.description else ""
                question = f"How much was the {what} in {asked.currency}?"
            return Reply(question, Clarify(question=question, missing=["amount_in_base"]))
        # Kept so that "make it 25" can amend this capture before it is confirmed.
        self.context["capture"] = {"proposal": proposal.id, "intent": dumped, "conversions": conversions}
        if correction is None:
            return self._proposed(intent, proposal)
        reply = self._proposed(correction, proposal)
        reply.text = f"Amended: {reply.text}"
        return reply

    def _conversion_given(self, convert: dict[str, Any], amount: str) -> Reply:
        intent = IntentAdapter.validate_python(convert["intent"])
        assert isinstance(intent, AddTransaction | AddTransactions)
        conversions = {**convert["conversions"], str(convert["index"]): [amount, str(convert["currency"])]}
        return self._capture(intent, conversions=conversions)

    def _amend_capture(
        self, intent: CorrectLast, pending: Proposal, capture: dict[str, Any], said: dict[str, Any]
    ) -> Reply:
        """A correction of the capture waiting for its yes. What it changes must be unambiguous: a date or an
        account said while every item shares one applies to all (they were said in one breath); an amount, a
        category or a payee of one of several items, or an amount of a split purchase (its parts would no longer
        add up), is asked about first ("which one?") and never applied to an item picked by guess."""
        before = IntentAdapter.validate_python(capture["intent"])
        assert isinstance(before, AddTransaction | AddTransactions)
        conversions: dict[str, list[str]] = dict(capture.get("conversions") or {})
        if isinstance(before, AddTransactions):
            shared = {key: value for key, value in said.items() if key in ("date", "account")}
            if len(shared) < len(said) or not _shared_by_all(before, pending, shared):
                return self._ask_part(intent, pending, said, item=None, of=before)
            amended: AddTransaction | AddTransactions = before.model_copy(
                update={"items": [_amended(item, said) for item in before.items]}
            )
        elif before.splits and ("amount" in said or "category" in said):
            line = _split_named(before, said.get("category"))
            if line is None or "amount" not in said:
                return self._ask_part(intent, pending, said, item=None, of=before)
            amended = _with_split(before, line, said)
        else:
            amended = _amended(before, said)
            if "amount" in said:
                conversions.pop("0", None)  # the conversion was of the old amount
        proposals.cancel(self.session, household_id=self.speaker.household_id, proposal_id=pending.id)
        return self._capture(amended, conversions=conversions, correction=intent)

    def _ask_part(
        self,
        intent: CorrectLast,
        pending: Proposal,
        said: dict[str, Any],
        *,
        item: int | None,
        of: AddTransaction | AddTransactions | CaptureItem,
    ) -> Reply:
        """Ask which item (of several) or which part (of a split) the correction is for; the answer comes next."""
        change = Changes.model_validate(said)
        wanted = _change_words(change)
        if isinstance(of, AddTransactions):
            kind = "item"
            labels = [_item_label(i) for i in of.items]
            keys = [(i.description or "").lower() for i in of.items]
            text = f"Which one {wanted}?"
        else:
            kind = "split"
            splits = of.splits or []
            labels = [f"{_shown(s.amount, of.currency)} {s.category}" for s in splits]
            keys = [s.category.rsplit("/", 1)[-1].lower() for s in splits]
            total = f"{_shown(of.amount, of.currency)} {of.currency}"
            text = f"That purchase is split ({total} in all). Which part {wanted}? The total follows its parts."
        self.context["choose_part"] = {
            "proposal": pending.id,
            "changes": change.model_dump(mode="json", exclude_none=True),
            "kind": kind,
            "item": item,
            "keys": keys,
        }
        listed = "\n".join(f"{n}. {label}" for n, label in enumerate(labels, start=1))
        return Reply(f"{text} Say its number or name.\n{listed}", intent)

    def _pick_part(self, norm: str, part: dict[str, Any]) -> Reply | None:
        """The answer to "which one?": apply the waiting correction to that item or split part and propose the
        capture again; None when the text is not an answer (it is then understood as usual)."""
        pending = self._pending()
        capture = self.context.get("capture") or {}
        if pending is None or pending.id != part["proposal"] or capture.get("proposal") != pending.id:
            return None
        keys: list[str] = part["keys"]
        index = _chosen(norm, keys)
        if index is None:
            return None
        if not 0 <= index < len(keys):
            self.context["choose_part"] = part
            return Reply(f"There are only {len(keys)} to choose from.")
        said = Changes.model_validate(part["changes"]).model_dump(exclude_none=True)
        before = IntentAdapter.validate_python(capture["intent"])
        assert isinstance(before, AddTransaction | AddTransactions)
        conversions: dict[str, list[str]] = dict(capture.get("conversions") or {})
        correction = CorrectLast(changes=Changes.model_validate(said))
        amended: AddTransaction | AddTransactions
        if part["kind"] == "item":
            assert isinstance(before, AddTransactions)
            items = list(before.items)
            chosen = items[index]
            if chosen.splits and ("amount" in said or "category" in said):
                line = _split_named(chosen, said.get("category"))
                if line is None or "amount" not in said:
                    return self._ask_part(correction, pending, said, item=index, of=chosen)
                items[index] = _with_split(chosen, line, said)
            else:
                items[index] = _amended(chosen, said)
            if "amount" in said:
                conversions.pop(str(index), None)
            amended = before.model_copy(update={"items": items})
        elif part["item"] is None:
            assert isinstance(before, AddTransaction)
            amended = _with_split(before, index, said)
        else:
            assert isinstance(before, AddTransactions)
            items = list(before.items)
            items[int(part["item"])] = _with_split(items[int(part["item"])], index, said)
            amended = before.model_copy(update={"items": items})
        proposals.cancel(self.session, household_id=self.speaker.household_id, proposal_id=pending.id)
        return self._capture(amended, conversions=conversions, correction=correction)

    def _pending(self) -> Proposal | None:
        """The proposal this conversation is waiting on, if it is still pending (it may have been confirmed through
        the API, or expired, since)."""
        pending = self.context.get("proposal")
        if not pending:
            return None
        found = self.session.get(Proposal, pending)
        if found is None or found.household_id != self.speaker.household_id or proposals.status_of(found) != "pending":
            self.context.pop("proposal", None)
            return None
        return found

    def _undo(self, intent: Undo) -> Reply:
        """A bare undo reverses this conversation's own newest change at once (it said so when it was done: "say
        undo to take it back"); what was made elsewhere is only proposed, with what and how much, and waits for
        the explicit yes."""
        pending = self._pending()
        if pending is not None and intent.what is None:
            return self._decide(pending.id, confirm=False)  # the newest change here is the one not yet made
        actor = self.speaker.for_change(source="assistant")
        undo = proposals.propose_undo(
            self.session,
            actor=actor,
            conversation_id=self.conversation.id,
            minutes=self.settings.proposal_minutes,
            what=intent.what,
        )
        if undo is None:
            if intent.what is None:
                return Reply(
                    "Nothing this conversation changed is left to undo. To undo something made elsewhere, name it: "
                    "“undo the last import”, “undo the recategorization” or “undo the last change in the household”.",
                    intent,
                )
            named = {"import": "import", "recategorization": "bulk recategorization", "change": "change"}[intent.what]
            return Reply(f"There is no {named} left to undo.", intent)
        if intent.what is not None:
            return self._proposed(intent, undo)
        done = proposals.confirm(self.session, actor=actor, proposal_id=undo.id)
        return Reply(f"{proposals.done_text(done)}.", intent, proposal=proposals.as_dict(done))

    def _answer(self, intent: Query) -> Reply:
        result = None
        plain = intent.compare_start is None and intent.account is None and intent.merchant is None
        if intent.metric == "budget_remaining" and plain:
            # Budgets the household set answer a budget question; with none there, the usual spending does.
            result = planning_answers.budget(self.session, actor=self.speaker, intent=intent, today=self.today)
        elif intent.metric == "recurring" and intent.start is None and intent.compare_start is None:
            result = planning_answers.recurring(self.session, actor=self.speaker, intent=intent, today=self.today)
        if result is None:
            result = answer(self.session, actor=self.speaker, intent=intent, today=self.today)
        self.context["last_query"] = intent.model_dump(mode="json")
        shown = [row["id"] for row in (result.evidence or {}).get("transactions", []) if "id" in row]
        if shown:
            self.context["recent_ids"] = shown[:20]
        text = result.answer
        query = result.query.model_dump(mode="json")
        return Reply(text, intent, result.value, result.currency, query, result.evidence)

    def _planning(self, intent: RecurringDue | GoalStatus) -> Reply:
        """When a payment is due, how a goal is going: read from the planning services, with their rows."""
        if isinstance(intent, RecurringDue):
            said = planning_answers.due(self.session, actor=self.speaker, intent=intent, today=self.today)
        else:
            said = planning_answers.goal(self.session, actor=self.speaker, intent=intent, today=self.today)
        return Reply(said.text, intent, said.value, said.currency, None, said.evidence)

    def _set_budget(self, intent: SetBudget) -> Reply:
        proposal = proposals.propose_budget(
            self.session,
            actor=self.speaker.for_change(source="assistant"),
            conversation_id=self.conversation.id,
            intent=intent,
            minutes=self.settings.proposal_minutes,
        )
        return self._proposed(intent, proposal)

    def _proposed(self, intent: Intent, proposal: Proposal) -> Reply:
        self.context["proposal"] = proposal.id
        if proposal.transaction_id is not None:
            self.context["recent_ids"] = [proposal.transaction_id]
        return Reply(f"{proposal.summary}?", intent, proposal=proposals.as_dict(proposal))

    def _change(self, intent: UpdateTransaction | DeleteTransaction, said: str) -> Reply:
        found = resolve(
            self.session,
            household_id=self.speaker.household_id,
            target=intent.target,
            said=normalize(said),
            today=self.today,
            currency=self.speaker.base_currency,
            recent_ids=self.context.get("recent_ids"),
        )
        if found.match is not None:
            return self._propose_change(intent, found.match)
        if not found.candidates:
            what = _describe_target(intent.target)
            return Reply(f"I could not find {what}. Try its date or amount, or its number from the list.", intent)
        return self._which_of(intent, found.candidates, matched=found.matched)

    def _which_of(
        self, intent: UpdateTransaction | DeleteTransaction, candidates: list[Any], *, matched: int | None = None
    ) -> Reply:
        """List the candidates and wait for the person to pick one (by position or #number)."""
        listed = rows(self.session, household_id=self.speaker.household_id, transactions=candidates)
        self.context["choose"] = {
            "intent": IntentAdapter.dump_python(intent, mode="json"),
            "ids": [row["id"] for row in listed],
        }
        lines = [
            f"{n}. {row['date']} {row['payee'] or '(no payee)'} {row['amount']} {row['currency']} (#{row['id']})"
            for n, row in enumerate(listed, start=1)
        ]
        if matched is None:
            more = f"The last capture recorded {len(listed)} transactions"
        elif matched > len(listed):
            more = f"{matched} transactions match; the latest {len(listed)}"
        else:
            more = f"{len(listed)} transactions match"
        text = f"{more}. Which one did you mean?\n" + "\n".join(lines)
        return Reply(text, intent, candidates=listed)

    def _propose_change(self, intent: UpdateTransaction | DeleteTransaction, transaction: Any) -> Reply:
        actor = self.speaker.for_change(source="assistant")
        if isinstance(intent, UpdateTransaction):
            try:
                proposal = proposals.propose_update(
                    self.session,
                    actor=actor,
                    conversation_id=self.conversation.id,
                    transaction=transaction,
                    changes=intent.changes,
                    minutes=self.settings.proposal_minutes,
                )
            except proposals.SplitPartUnclear as asked:
                return Reply(asked.message, intent)
        else:
            proposal = proposals.propose_delete(
                self.session,
                actor=actor,
                conversation_id=self.conversation.id,
                transaction=transaction,
                minutes=self.settings.proposal_minutes,
            )
        return self._proposed(intent, proposal)

    def _pick(self, norm: str, choice: dict[str, Any]) -> Reply | None:
        match = _CHOICE.fullmatch(norm)
        if match is None:
            return None
        ids: list[int] = choice["ids"]
        if match.group("ord"):
            index = len(ids) if match.group("ord") == "last" else _ORDINAL[match.group("ord")]
            if index > len(ids):
                return Reply(f"There are only {len(ids)} to choose from.")
            picked = ids[index - 1]
        else:
            number = int(match.group("n"))
            picked = ids[number - 1] if 1 <= number <= len(ids) else number
            if picked not in ids:
                return Reply(f"Pick one of the {len(ids)} listed, by its position or its #number.")
        self.context.pop("choose", None)
        intent = IntentAdapter.validate_python(choice["intent"])
        assert isinstance(intent, UpdateTransaction | DeleteTransaction)
        chosen = intent.model_copy(update={"target": Target(id=picked)})
        transaction = ledger.get_transaction(
            self.session, household_id=self.speaker.household_id, transaction_id=picked
        )
        return self._propose_change(chosen, transaction)

    def _decide(self, proposal_id: str, *, confirm: bool) -> Reply:
        self.context.pop("proposal", None)
        if confirm:
            done = proposals.confirm(
                self.session,
                actor=self.speaker.for_change(source="assistant"),
                proposal_id=proposal_id,
            )
            if done.transaction_id is not None:
                self.context["recent_ids"] = list(done.payload.get("transaction_ids") or [done.transaction_id])
            text = f"{proposals.done_text(done)}. Say “undo” to take it back."
        else:
            done = proposals.cancel(self.session, household_id=self.speaker.household_id, proposal_id=proposal_id)
            text = "Cancelled; nothing was changed."
        return Reply(text, proposal=proposals.as_dict(done))


# ---- amending captures ---------------------------------------------------------------------------------------
def _shown(amount: str, currency: str) -> str:
    return minor_to_str(to_minor(amount, currency), currency)


def _item_label(item: CaptureItem) -> str:
    return f"{_shown(item.amount, item.currency)} {item.currency} {item.description or item.category or item.type}"


def _change_words(change: Changes) -> str:
    said = []
    if change.amount is not None:
        said.append(f"is {change.amount}")
    if change.category is not None:
        said.append(f"goes under {change.category}")
    if change.description is not None:
        said.append(f"is at {change.description}")
    if change.date is not None:
        said.append(f"was on {change.date.isoformat()}")
    if change.account is not None:
        said.append(f"was on {change.account}")
    return " and ".join(said) or "should change"


def _amended(item: CaptureItem, said: dict[str, Any]) -> Any:
    """The item with the said fields changed (of its own class: an AddTransaction stays one)."""
    return type(item).model_validate({**item.model_dump(), **said})


def _shared_by_all(intent: AddTransactions, pending: Proposal, shared: dict[str, Any]) -> bool:
    """Whether every item has one date (and one account) now, so a new one said for "it" means all of them."""
    if "date" in shared and len({item.date for item in intent.items}) > 1:
        return False
    if "account" in shared:
        accounts = {data.get("account") or data["postings"][0]["account"] for data in pending.payload.get("items", [])}
        if len(accounts) > 1:
            return False
    return True


def _split_named(item: CaptureItem, category: str | None) -> int | None:
    """The split part filed under `category`, if the correction names one of its parts."""
    if category is None:
        return None
    return next((n for n, s in enumerate(item.splits or []) if s.category.casefold() == category.casefold()), None)


def _with_split(item: Any, index: int, said: dict[str, Any]) -> Any:
    """The split item with part `index` changed (its amount, its category) and the total following the parts;
    the other fields said (a date, an account, the payee) apply to the whole purchase."""
    splits = list(item.splits or [])
    line = splits[index]
    splits[index] = Split(category=said.get("category") or line.category, amount=said.get("amount") or line.amount)
    total = sum((Decimal(s.amount) for s in splits), Decimal(0))
    rest = {key: value for key, value in said.items() if key not in ("amount", "category")}
    return type(item).model_validate(
        {**item.model_dump(), **rest, "splits": [s.model_dump() for s in splits], "amount": str(total)}
    )


def _chosen(norm: str, keys: list[str]) -> int | None:
    """The 0-based position picked by "2", "the second", "the last one" or a name only one of `keys` holds."""
    match = _CHOICE.fullmatch(norm)
    if match is not None:
        if match.group("ord"):
            return len(keys) - 1 if match.group("ord") == "last" else _ORDINAL[match.group("ord")] - 1
        return int(match.group("n")) - 1
    named = [n for n, key in enumerate(keys) if key and re.search(rf"\b{re.escape(key)}\b", norm)]
    return named[0] if len(named) == 1 else None


# ---- an amount in the account's currency ---------------------------------------------------------------------
_FILLER = frozenset(
    [
        "about",
        "around",
        "roughly",
        "approximately",
        "approx",
        "like",
        "maybe",
        "it",
        "was",
        "that",
        "that's",
        "it's",
        "its",
        "i",
        "think",
        "paid",
        "exactly",
        "just",
        "so",
        "ok",
        "okay",
        "um",
        "uh",
        "oh",
        "well",
        "total",
        "in",
        "all",
        "came",
        "to",
        "altogether",
        "probably",
        "say",
        "call",
        "~",
    ]
)


def account_amount(norm: str, currency: str) -> str | None:
    """The amount in a reply to "How much was that in USD?" ("16.40", "about 16 dollars", "16,40"), as the
    currency's decimal string; None when the reply is anything more than a number in that currency (it is then a
    new request)."""
    found = find_amount(words_to_digits(norm), currency)
    if found is None or found.currency != currency:
        return None
    if any(word not in _FILLER for word in re.findall(r"[^\s]+", found.text.replace("~", " ~ "))):
        return None
    try:
        return minor_to_str(to_minor(found.value, currency), currency)
    except KakeiboError:
        return None


def _describe_target(target: Target) -> str:
    parts = [target.description or "a transaction"]
    if target.amount:
        parts.append(f"of {target.amount}")
    if target.date:
        parts.append(f"on {target.date.isoformat()}")
    return " ".join(parts)


def say(
    session: Session,
    *,
    speaker: Speaker,
    conversation: Conversation,
    text: str,
    settings: Settings,
    today: dt.date | None = None,
    can_write: bool = True,
    understood: Intent | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Store the user's message, reply, store the reply: (user message, assistant message) as dicts. Runs inside
    the caller's write; a language model's reading of the text comes in as `understood` (see `assistant/turns.py`), so no
    model is ever asked while the write is open."""
    text = text.strip()
    said = Message(
        conversation_id=conversation.id, household_id=speaker.household_id, role="user", text=text, payload=None
    )
    session.add(said)
    turn = Turn(
        session,
        speaker=speaker,
        conversation=conversation,
        settings=settings,
        today=today,
        can_write=can_write,
        understood=understood,
    )
    reply = turn.reply(text)
    answered = Message(
        conversation_id=conversation.id,
        household_id=speaker.household_id,
        role="assistant",
        text=reply.text,
        payload=reply.payload(),
    )
    session.add(answered)
    conversation.context = turn.context
    conversation.updated_at = clock.now()
    if not conversation.title:
        conversation.title = text[:120]
    session.flush()
    return message_dict(said), message_dict(answered)
