"""Budget arithmetic as plain functions over integers (minor units): what a line carries into the next month, one
month's step of every line and of "To budget", and the pace of the current month. No database here.

Conventions:
- A line's month: available = rolled_over + budgeted - spent.
- What carries (`carried`): nothing when the line does not roll over (tracking mode without the line's flag);
  otherwise an overspend (a negative available) in full, and a surplus in full, up to the line's cap, or nothing
  when the line sweeps its surplus back to "To budget".
- Envelope mode: to_budget(m) = to_budget(m-1) + income(m) - budgeted(m) + released(m), where released(m) is what
  the lines had available at the end of m-1 and did not carry into m (a swept or capped surplus comes back; an
  overspend that does not carry is covered from it). Hence, summed over lines, for every month m since budgeting
  began: sum(available(m)) + to_budget(m) = sum over those months of (income - spent), which the tests hold.
- Applying `carried` twice changes nothing, so a run of months without income, spending or budgets is one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kakeibo.core.money import round_to


@dataclass(frozen=True, slots=True)
class LineOptions:
    rolls: bool  # envelope mode, or the line's rollover flag in tracking mode
    cap_minor: int | None = None  # the most surplus that carries
    sweep: bool = False  # surplus goes back to "To budget" instead


def carried(available_minor: int, options: LineOptions) -> int:
    """What a line's available at a month's end brings into the next month."""
    if not options.rolls:
        return 0
    if available_minor > 0:
        if options.sweep:
            return 0
        if options.cap_minor is not None:
            return min(available_minor, options.cap_minor)
    return available_minor


@dataclass(frozen=True, slots=True)
class LineMonth:
    line_id: int
    budgeted_minor: int = 0
    spent_minor: int = 0
    rolled_over_minor: int = 0

    @property
    def available_minor(self) -> int:
        return self.rolled_over_minor + self.budgeted_minor - self.spent_minor


@dataclass(frozen=True, slots=True)
class MonthState:
    month: dt.date
    lines: dict[int, LineMonth] = field(default_factory=dict)
    income_minor: int = 0
    to_budget_minor: int = 0  # envelope mode only


def step(
    previous: MonthState | None,
    *,
    month: dt.date,
    budgeted: Mapping[int, int],
    spent: Mapping[int, int],
    income_minor: int,
    options: Mapping[int, LineOptions],
    default: LineOptions,
) -> MonthState:
    """The month after `previous` (the first month when there is none): each line's carry, budget and spending,
    and "To budget" (meaningful in envelope mode, where every line rolls)."""
    before = previous.lines if previous is not None else {}
    ids = set(before) | set(budgeted) | set(spent)
    lines: dict[int, LineMonth] = {}
    released = 0
    for line_id in sorted(ids):
        left = before[line_id].available_minor if line_id in before else 0
        carry = carried(left, options.get(line_id, default))
        released += left - carry
        lines[line_id] = LineMonth(
            line_id=line_id,
            budgeted_minor=budgeted.get(line_id, 0),
            spent_minor=spent.get(line_id, 0),
            rolled_over_minor=carry,
        )
    to_budget = (previous.to_budget_minor if previous is not None else 0) + income_minor + released
    to_budget -= sum(budgeted.values())
    return MonthState(month=month, lines=lines, income_minor=income_minor, to_budget_minor=to_budget)


@dataclass(frozen=True, slots=True)
class Pace:
    """Where a line stands on `day` of a month of `days` days: the budget prorated to the day, and where the
    spending so far ends the month at the same rate."""

    day: int
    days: int
    budget_to_date_minor: int
    projected_minor: int


def _ratio(amount: int, numerator: int, denominator: int) -> int:
    """amount * numerator / denominator in whole minor units, rounded by the one rounding function."""
    return int(round_to(Decimal(amount) * numerator / denominator, 0))


def pace(*, budgeted_minor: int, spent_minor: int, day: int, days: int) -> Pace:
    return Pace(
        day=day,
        days=days,
        budget_to_date_minor=_ratio(budgeted_minor, day, days),
        projected_minor=_ratio(spent_minor, days, day),
    )


def spread(total_minor: int, parts: int) -> list[int]:
    """A total split into `parts` whole-minor-unit amounts that add up to it exactly, the remainder going to the
    first parts (a yearly 1,000.00 over 12 months: 83.34 four times, then 83.33)."""
    base, remainder = divmod(total_minor, parts)
    return [base + (1 if index < remainder else 0) for index in range(parts)]
