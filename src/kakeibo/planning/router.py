"""Thin HTTP over planning: budgets (a month's view, a line's amount, copying a month, the household's mode) and
savings goals (list, add, contribute, remove)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from sqlalchemy.orm import Session

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.http import SessionDep
from kakeibo.core.types import Id
from kakeibo.planning import goals
from kakeibo.planning import service as budgets
from kakeibo.planning.presenters import budget_month_out, goal_out
from kakeibo.planning.schemas import (
    BudgetAverageIn,
    BudgetCopyIn,
    BudgetIn,
    BudgetModeIn,
    BudgetModeOut,
    BudgetMonthOut,
    GoalContributionIn,
    GoalIn,
    GoalOut,
)

router = APIRouter(prefix="/budgets", tags=["budgets"])
goals_router = APIRouter(prefix="/goals", tags=["goals"])

MonthPath = Annotated[str, Path(pattern=r"^\d{4}-\d{2}$", description='A month such as "2026-11"')]


def _view(session: Session, actor: Actor, month: str) -> BudgetMonthOut:
    return budget_month_out(budgets.month_view(session, actor=actor, month=budgets.parse_month(month)))


@router.get("", response_model=BudgetMonthOut)
def this_month(session: SessionDep, ctx: ContextDep) -> BudgetMonthOut:
    """The current month's budget (today from the server's clock)."""
    return budget_month_out(budgets.month_view(session, actor=ctx, month=clock.today()))


@router.get("/{month}", response_model=BudgetMonthOut)
def get_month(month: MonthPath, session: SessionDep, ctx: ContextDep) -> BudgetMonthOut:
    return _view(session, ctx, month)


@router.put("/{month}/categories/{category_id}", response_model=BudgetMonthOut)
def put_category(
    month: MonthPath, category_id: Id, data: BudgetIn, session: SessionDep, ctx: WriteContextDep
) -> BudgetMonthOut:
    """Set a category's (or a group's) budget for the month, or for the rest of the year, or spread a yearly
    amount over the year; the month as it is now."""
    budgets.set_budget(
        session,
        actor=ctx,
        category=category_id,
        amount=data.amount,
        month=budgets.parse_month(month),
        rollover=data.rollover,
        spread_over=data.spread,
        cap=data.rollover_cap,
        sweep=data.sweep,
    )
    return _view(session, ctx, month)


@router.post("/{month}/categories/{category_id}/average", response_model=BudgetMonthOut)
def set_to_average(
    month: MonthPath, category_id: Id, data: BudgetAverageIn, session: SessionDep, ctx: WriteContextDep
) -> BudgetMonthOut:
    """Set a category's budget for the month to what it spent on average over the 3, 6 or 12 months before."""
    budgets.set_to_average(
        session, actor=ctx, category=category_id, month=budgets.parse_month(month), months=data.months
    )
    return _view(session, ctx, month)


@router.post("/{month}/categories/{category_id}/cover", response_model=BudgetMonthOut)
def cover_overspend(month: MonthPath, category_id: Id, session: SessionDep, ctx: WriteContextDep) -> BudgetMonthOut:
    """Cover a category's overspending in the month from "To budget": its budget grows by what it is short."""
    budgets.cover_overspend(session, actor=ctx, category=category_id, month=budgets.parse_month(month))
    return _view(session, ctx, month)


# Copy and mode live where no month can be (a path such as /budgets/copy would also read as the month "copy").
@router.post("/{month}/copy", response_model=BudgetMonthOut)
def copy_month(month: MonthPath, data: BudgetCopyIn, session: SessionDep, ctx: WriteContextDep) -> BudgetMonthOut:
    """Copy another month's amounts into this month (its other lines stay); the month as it is now."""
    source = budgets.parse_month(data.from_month, field="from")
    budgets.copy_month(session, actor=ctx, source=source, target=budgets.parse_month(month))
    return _view(session, ctx, month)


@router.put("/settings/mode", response_model=BudgetModeOut)
def put_mode(data: BudgetModeIn, session: SessionDep, ctx: WriteContextDep) -> BudgetModeOut:
    budgets.set_mode(session, actor=ctx, mode=data.mode)
    return BudgetModeOut(mode=budgets.get_mode(session, household_id=ctx.household_id).value)


@goals_router.get("", response_model=list[GoalOut])
def list_goals(session: SessionDep, ctx: ContextDep) -> list[GoalOut]:
    """Every savings goal with its progress today (from the server's clock)."""
    return [goal_out(view) for view in goals.list_goals(session, actor=ctx)]


@goals_router.get("/{goal_id}", response_model=GoalOut)
def get_goal(goal_id: Id, session: SessionDep, ctx: ContextDep) -> GoalOut:
    return goal_out(goals.goal_view(session, actor=ctx, ref=goal_id))


@goals_router.post("", response_model=GoalOut, status_code=status.HTTP_201_CREATED)
def add_goal(data: GoalIn, session: SessionDep, ctx: WriteContextDep) -> GoalOut:
    """A new goal: progress from the linked accounts' balances, or (none linked) from contributions."""
    added = goals.add_goal(
        session, actor=ctx, name=data.name, target=data.target, by=data.by, accounts=list(data.accounts)
    )
    return goal_out(added.goal)


@goals_router.post("/{goal_id}/contributions", response_model=GoalOut)
def contribute(goal_id: Id, data: GoalContributionIn, session: SessionDep, ctx: WriteContextDep) -> GoalOut:
    """Earmark money for a goal without linked accounts (a planning record: no ledger account moves)."""
    return goal_out(goals.contribute(session, actor=ctx, goal=goal_id, amount=data.amount, day=data.date))


@goals_router.delete("/{goal_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_goal(goal_id: Id, session: SessionDep, ctx: WriteContextDep) -> Response:
    """Remove a goal and its contributions (undo brings them back)."""
    goals.remove_goal(session, actor=ctx, goal=goal_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
