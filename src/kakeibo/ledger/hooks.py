"""The ledger's hooks (see `core/hooks.py`): what the domains above the ledger hear of, in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.hooks import Hook
from kakeibo.ledger.models import Event, Transaction

# A person chose a transaction's category through the ordinary edit (API PATCH, CLI): the categorizer learns from it
# at once, like a review correction. `before` is the category the transaction had (None when it had none).
person_categorized: Hook[[Session, Actor, Transaction, int | None]] = Hook("a person chose a category")

# Undo of what the domains above the ledger write as events (planning's budgets), by entity: the reversal puts the
# entity back to the event's `before` image and returns the entity's image as it was and as it is left, which the
# undo records as its own event. Filled by `kakeibo.tasks.connect`; an entity no one reverses is never undone.
Reversal = Callable[[Session, Actor, Event], tuple[dict[str, Any] | None, dict[str, Any] | None]]
reversals: dict[str, Reversal] = {}
