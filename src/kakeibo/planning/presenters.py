"""The month view as the API and the CLI's `--json` show it: amounts as decimal strings."""

from __future__ import annotations

from kakeibo.core.money import minor_to_str
from kakeibo.planning.schemas import BudgetCategoryOut, BudgetMonthOut, PaceOut
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
