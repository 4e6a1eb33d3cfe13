"""Categorization errors."""

from kakeibo.core.errors import NotFound


class RuleNotFound(NotFound):
    type = "/problems/rule-not-found"
    title = "Rule not found"
