"""Planning errors."""

from kakeibo.core.errors import Conflict, NotFound, ValidationFailed


class BudgetRefused(ValidationFailed):
    type = "/problems/budget-refused"
    title = "Budget not possible"


class GoalNotFound(NotFound):
    type = "/problems/goal-not-found"
    title = "Goal not found"


class GoalRefused(ValidationFailed):
    type = "/problems/goal-refused"
    title = "Goal not possible"


class GoalNameTaken(Conflict):
    type = "/problems/goal-name-taken"
    title = "Goal name taken"
