"""Ledger use cases: accounts, categories, transactions, events and undo. Services flush; the edge commits.

A facade: the use cases live in `lookups` (finding accounts, categories and transactions), `events` (the audit
trail), `writes` (transaction rows), `friendly` (how a stored transaction reads), `transactions`, `chart` (accounts
and categories) and `undo`; other packages import them from here."""

from __future__ import annotations

from kakeibo.ledger.chart import (
    create_account,
    create_category,
    delete_account,
    delete_category,
    seed_household,
    update_account,
    update_category,
)
from kakeibo.ledger.friendly import Shape, describe
from kakeibo.ledger.lookups import (
    OPENING_BALANCES,
    UNCATEGORIZED_EXPENSE,
    UNCATEGORIZED_INCOME,
    AccountCache,
    find_money_account,
    get_money_account,
    get_transaction,
    info,
    is_uncategorized,
    resolve_category,
)
from kakeibo.ledger.transactions import (
    CategoryGuess,
    build_transaction,
    check_update,
    create_transaction,
    create_transactions,
    delete_transaction,
    update_transaction,
)
from kakeibo.ledger.undo import UndoResult, undo, undo_command

__all__ = [
    "OPENING_BALANCES",
    "UNCATEGORIZED_EXPENSE",
    "UNCATEGORIZED_INCOME",
    "AccountCache",
    "CategoryGuess",
    "Shape",
    "UndoResult",
    "build_transaction",
    "check_update",
    "create_account",
    "create_category",
    "create_transaction",
    "create_transactions",
    "delete_account",
    "delete_category",
    "delete_transaction",
    "describe",
    "find_money_account",
    "get_money_account",
    "get_transaction",
    "info",
    "is_uncategorized",
    "resolve_category",
    "seed_household",
    "undo",
    "undo_command",
    "update_account",
    "update_category",
    "update_transaction",
]
