"""The month view and the goals as the API and the CLI's `--json` show them: amounts as decimal strings."""

from __future__ import annotations

from kakeibo.core.money import minor_to_str
from kakeibo.planning.goals import GoalView
from kakeibo.planning.schemas import BudgetCategoryOut, BudgetMonthOut, GoalOut, PaceOut
from kakeibo.planning.service import BudgetMonth, month_label


def budget_month_out(view: BudgetMonth) -> BudgetMonthOut:
    code = view.currency
    return BudgetMonthOut(
        month=month_label(view.month),
        currency=code,
        mode=view.mode.value,
        to_budget=minor_to_str(view.to_budget_minor, code) if view.to_budget_minor is not None else None,
        income=minor_to_str(view.income_minor, code),
        categories=[
            BudgetCategoryOut(
                category=row.category,
                category_id=row.category_id,
                budgeted=minor_to_str(row.budgeted_minor, code),
                spent=minor_to_str(row.spent_minor, code),
                rolled_over=minor_to_str(row.rolled_over_minor, code),
                available=minor_to_str(row.available_minor, code),
                rollover=row.rollover,
                rollover_cap=minor_to_str(row.cap_minor, code) if row.cap_minor is not None else None,
                sweep=row.sweep,
                pace=PaceOut(
                    day=row.pace.day,
                    days=row.pace.days,
                    budget_to_date=minor_to_str(row.pace.budget_to_date_minor, code),
                    projected=minor_to_str(row.pace.projected_minor, code),
                )
                if row.pace is not None
                else None,
            )
            for row in view.rows
        ],
    )


def goal_out(view: GoalView) -> GoalOut:
    code, figures = view.currency, view.progress
    return GoalOut(
        id=view.id,
        name=view.name,
        currency=code,
        target=minor_to_str(view.target_minor, code),
        saved=minor_to_str(figures.saved_minor, code),
        remaining=minor_to_str(figures.remaining_minor, code),
        by=view.target_date,
        monthly_needed=minor_to_str(figures.monthly_needed_minor, code)
        if figures.monthly_needed_minor is not None
        else None,
        pace=minor_to_str(figures.pace_minor, code),
        projected_date=figures.projected_date,
        on_track=figures.on_track,
        late=figures.late,
        accounts=view.accounts,
    )


# The fields `kakeibo goal list --json` prints, in this order (a contract scripts rely on).
GOAL_LIST_FIELDS = ("name", "target", "saved", "remaining", "by", "monthly_needed", "projected_date", "on_track")


def goal_list_row(view: GoalView) -> dict[str, object]:
    shown = goal_out(view).model_dump(mode="json")
    return {key: shown[key] for key in GOAL_LIST_FIELDS}
