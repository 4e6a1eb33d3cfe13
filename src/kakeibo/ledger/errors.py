"""Ledger-specific errors."""

from kakeibo.core.errors import Conflict, NotFound, ValidationFailed


class UnbalancedTransaction(ValidationFailed):
    type = "/problems/unbalanced-transaction"
    title = "Postings do not balance"


class AccountNotFound(NotFound):
    type = "/problems/account-not-found"
    title = "Account not found"


class CategoryNotFound(NotFound):
    type = "/problems/category-not-found"
    title = "Category not found"


class TransactionNotFound(NotFound):
    type = "/problems/transaction-not-found"
    title = "Transaction not found"


class NothingToUndo(NotFound):
    type = "/problems/nothing-to-undo"
    title = "Nothing to undo"


class UndoConflict(Conflict):
    type = "/problems/undo-conflict"
    title = "Cannot undo"


class StaleVersion(Conflict):
    type = "/problems/stale-version"
    title = "Changed by someone else"
