"""Planning errors."""

from kakeibo.core.errors import ValidationFailed


class BudgetRefused(ValidationFailed):
    type = "/problems/budget-refused"
    title = "Budget not possible"
