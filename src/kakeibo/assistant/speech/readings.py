"""Which of the recognizer's readings of a recording to take: its best, unless that one does not make a complete
request and a reading that scores close to it does (a capture heard without its amount, an edit without its new
value). The recognizer offers the alternatives (pocketsphinx's n-best list over its word lattice); this module
only judges the words, through the offline parser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from kakeibo.assistant.intents import (
    AddTransaction,
    AddTransactions,
    Clarify,
    CorrectLast,
    DeleteTransaction,
    Intent,
    Query,
    Undo,
    Unsupported,
    UpdateTransaction,
)
from kakeibo.assistant.parsing import Vocabulary, parse


def complete(intent: Intent) -> bool:
    """Whether the intent can be acted on as it stands, without asking back.

    A clarify is not (it asks for what is missing: an amount, a category). A capture always is (the intent cannot
    hold one without its amount). An edit needs what to change and a correction something to change it to; a
    delete needs something that points at a transaction; a question on a budget needs the budget's category.
    Questions without a period are complete: the answer names the period it took (issue 11's "no period named").
    A refusal (unsupported) is complete too: it is a definite answer, and a close reading that is a write (a
    delete for "delete all my transactions") must never win over it.
    """
    match intent:
        case Clarify():
            return False
        case UpdateTransaction(changes=changes, target=target):
            return bool(changes.model_dump(exclude_none=True)) and bool(target.model_dump(exclude_none=True))
        case CorrectLast(changes=changes):
            return bool(changes.model_dump(exclude_none=True))
        case DeleteTransaction(target=target):
            return bool(target.model_dump(exclude_none=True))
        case Query(metric="budget_remaining", category=category):
            return category is not None
        case AddTransaction() | AddTransactions() | Query() | Undo() | Unsupported():
            return True
    return True  # pragma: no cover - the union is exhausted above; a new kind is complete until said otherwise


def completeness(*, vocabulary: Vocabulary, today: dt.date) -> Callable[[str], bool]:
    """A test of a reading's words: does the offline parser make a complete request of them?"""

    def makes_a_complete_request(words: str) -> bool:
        return complete(parse(words, today=today, vocabulary=vocabulary))

    return makes_a_complete_request
