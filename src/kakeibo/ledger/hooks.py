"""The ledger's hooks (see `core/hooks.py`): what the domains above the ledger hear of, in the same transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.hooks import Hook
from kakeibo.ledger.models import Transaction

# A person chose a transaction's category through the ordinary edit (API PATCH, CLI): the categorizer learns from it
# at once, like a review correction. `before` is the category the transaction had (None when it had none).
person_categorized: Hook[[Session, Actor, Transaction, int | None]] = Hook("a person chose a category")
