"""The financial health score as pure functions over plain figures (minor units, counts): each pillar's value, its
own 0-100 on a published-style curve, a target and one sentence; the weighted total and its grade; what moved the
score between two months; and the logging streak. No database here, so every curve is tested by hand.

The pillars follow the FinHealth Score's indicators (spend less than income, pay bills on time, enough liquid
savings, manageable debt, plan ahead), measured from the books instead of asked: see README "Health score". A
pillar without enough data has no score (never a made-up value) and is left out of the total, whose weights are
renormalized over the pillars that have one."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

NOT_ENOUGH = "not enough data"
RATIO = Decimal("0.0001")  # ratios to 0.01 %
MONTHS = Decimal("0.01")

# Weights out of 100: the FinHealth Score weighs its indicators equally; spending less than one earns and a cushion
# are what a household's books show best, so they weigh most, and month-to-month swings (a holiday, a yearly bill)
# least.
WEIGHTS: dict[str, int] = {
    "savings_rate": 25,
    "emergency_fund": 20,
    "debt_load": 15,
    "budget_adherence": 15,
    "bills_on_time": 15,
    "spending_stability": 10,
}

# Grades: F is the FinHealth Score's "vulnerable" band (under 40), A and A+ its "healthy" one's upper part.
GRADES: tuple[tuple[int, str], ...] = ((95, "A+"), (85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F"))


@dataclass(frozen=True, slots=True)
class Pillar:
    key: str
    name: str
    score: int | None  # None: not enough data
    value: Decimal | None
    target: Decimal
    unit: str  # "ratio" | "months"
    explanation: str

    @property
    def weight(self) -> int:
        return WEIGHTS[self.key]


@dataclass(frozen=True, slots=True)
class Mover:
    key: str
    name: str
    before: int
    after: int
    effect: Decimal  # points of the total this pillar's change accounts for


def curve(value: Decimal, points: Sequence[tuple[str, int]]) -> int:
    """A 0-100 score from a value along a piecewise-linear curve through (value, score) points in increasing value
    order, flat beyond its ends, rounded half up to a whole point."""
    xs = [(Decimal(x), Decimal(y)) for x, y in points]
    if value <= xs[0][0]:
        found = xs[0][1]
    elif value >= xs[-1][0]:
        found = xs[-1][1]
    else:
        found = xs[-1][1]
        for (x0, y0), (x1, y1) in itertools.pairwise(xs):
            if x0 <= value <= x1:
                found = y0 + (y1 - y0) * (value - x0) / (x1 - x0)
                break
    return int(found.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _ratio(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(RATIO, rounding=ROUND_HALF_UP)


def _pct(ratio: Decimal) -> str:
    return f"{(ratio * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)} %"


def _months_text(months: int) -> str:
    return "last month" if months == 1 else f"last {months} months"


# Savings rate: FinHealth asks whether spending was less than income; 20 % is the common "50/30/20" saving share.
SAVINGS_CURVE = (("-0.10", 0), ("0", 40), ("0.10", 75), ("0.20", 100))


def savings_rate(*, income_minor: int, spending_minor: int, months: int) -> Pillar:
    """(income - spending) / income over the complete months given."""
    target = Decimal("0.20")
    if months < 1 or income_minor <= 0:
        return Pillar("savings_rate", "Savings rate", None, None, target, "ratio", f"{NOT_ENOUGH}: no income recorded")
    value = _ratio(income_minor - spending_minor, income_minor)
    said = f"You kept {_pct(value)} of your income over the {_months_text(months)}; the target is 20 %."
    return Pillar("savings_rate", "Savings rate", curve(value, SAVINGS_CURVE), value, target, "ratio", said)


# Emergency fund: the FinHealth ladder for liquid savings (under a week 0, 1-3 weeks 25, 1-2 months 50, 3-5 months
# 75, 6 months or more 100), drawn through as a line.
EMERGENCY_CURVE = (("0", 0), ("0.25", 25), ("1", 50), ("3", 75), ("6", 100))


def emergency_fund(*, liquid_minor: int, essential_minor: int, months: int) -> Pillar:
    """Months of essential spending (the average of the complete months given) the liquid accounts cover."""
    target = Decimal(6)
    if months < 1 or essential_minor <= 0:
        return Pillar(
            "emergency_fund", "Emergency fund", None, None, target, "months", f"{NOT_ENOUGH}: no essential spending"
        )
    value = (Decimal(liquid_minor) * months / Decimal(essential_minor)).quantize(MONTHS, rounding=ROUND_HALF_UP)
    said = f"Your checking, savings and cash cover {value} months of essential spending; the target is 6."
    return Pillar("emergency_fund", "Emergency fund", curve(value, EMERGENCY_CURVE), value, target, "months", said)


# Debt load: the debt-to-income ratio; lenders' 36 % is the usual ceiling of "manageable", 20 % comfortable.
DEBT_CURVE = (("0", 100), ("0.10", 90), ("0.20", 75), ("0.36", 40), ("0.50", 0))


def debt_load(*, debt_minor: int, income_minor: int, months: int) -> Pillar:
    """Debt payments (loan, car and mortgage payments, interest, payments into loan accounts) over income."""
    target = Decimal("0.20")
    if months < 1 or income_minor <= 0:
        return Pillar("debt_load", "Debt load", None, None, target, "ratio", f"{NOT_ENOUGH}: no income recorded")
    value = _ratio(max(debt_minor, 0), income_minor)
    said = f"Debt payments take {_pct(value)} of your income; keep it under 20 %."
    return Pillar("debt_load", "Debt load", curve(value, DEBT_CURVE), value, target, "ratio", said)


# Spending stability: the coefficient of variation of monthly spending; a steady household swings under 10 %.
STABILITY_CURVE = (("0", 100), ("0.10", 90), ("0.25", 60), ("0.50", 0))
STABILITY_MONTHS = 3


def spending_stability(*, monthly_spending: Sequence[int]) -> Pillar:
    """The population standard deviation of the months' spending over their mean (at least 3 months)."""
    target = Decimal("0.10")
    name = "Spending stability"
    months = len(monthly_spending)
    if months < STABILITY_MONTHS:
        said = f"{NOT_ENOUGH}: {months} complete month{'s' if months != 1 else ''}, 3 needed"
        return Pillar("spending_stability", name, None, None, target, "ratio", said)
    values = [Decimal(m) for m in monthly_spending]
    mean = sum(values, Decimal(0)) / months
    if mean <= 0:
        return Pillar("spending_stability", name, None, None, target, "ratio", f"{NOT_ENOUGH}: no spending")
    value = (Decimal(statistics.pstdev(values)) / mean).quantize(RATIO, rounding=ROUND_HALF_UP)
    said = f"Your monthly spending swings by {_pct(value)} around its mean over {months} months; under 10 % is steady."
    return Pillar("spending_stability", name, curve(value, STABILITY_CURVE), value, target, "ratio", said)


def budget_adherence(*, within: int, lines: int) -> Pillar:
    """The share of budget lines (a category's budget in a month) that ended the month within budget."""
    target = Decimal("0.90")
    name = "Budget adherence"
    if lines <= 0:
        return Pillar("budget_adherence", name, None, None, target, "ratio", f"{NOT_ENOUGH}: no budgets set")
    value = _ratio(within, lines)
    said = f"{within} of {lines} budget lines stayed within budget; the target is 90 %."
    return Pillar("budget_adherence", name, curve(value, (("0", 0), ("1", 100))), value, target, "ratio", said)


def bills_on_time(*, on_time: int, bills: int) -> Pillar:
    """The share of recurring bills (expense series) not late."""
    target = Decimal(1)
    name = "Bills paid on time"
    if bills <= 0:
        return Pillar("bills_on_time", name, None, None, target, "ratio", f"{NOT_ENOUGH}: no recurring bills found")
    value = _ratio(on_time, bills)
    late = bills - on_time
    said = f"{on_time} of {bills} recurring bills paid on time" + (f"; {late} late." if late else ".")
    # Bills are all-or-nothing in the FinHealth Score ("pay all bills on time"): one late of four costs 40 points.
    return Pillar("bills_on_time", name, curve(value, (("0.5", 0), ("1", 100))), value, target, "ratio", said)


def total(pillars: Iterable[Pillar]) -> int | None:
    """The weighted mean of the pillars that have a score (weights renormalized), rounded half up; None if none."""
    scored = [p for p in pillars if p.score is not None]
    weight = sum(p.weight for p in scored)
    if not weight:
        return None
    points = sum((Decimal(p.weight * p.score) for p in scored if p.score is not None), Decimal(0)) / weight
    return int(points.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def grade(score: int | None) -> str | None:
    if score is None:
        return None
    return next(letter for floor, letter in GRADES if score >= floor)


def movers(now: Sequence[Pillar], before: Sequence[Pillar], *, count: int = 3) -> list[Mover]:
    """The pillars whose change moved the total most: each change times the pillar's share of this month's weights,
    largest first; pillars without a score in either month, or unchanged, are not movers."""
    earlier = {p.key: p for p in before}
    weight = sum(p.weight for p in now if p.score is not None)
    found = []
    for pillar in now:
        old = earlier.get(pillar.key)
        if pillar.score is None or old is None or old.score is None or pillar.score == old.score:
            continue
        effect = (Decimal(pillar.weight * (pillar.score - old.score)) / weight).quantize(Decimal("0.1"))
        found.append(Mover(pillar.key, pillar.name, old.score, pillar.score, effect))
    found.sort(key=lambda m: (-abs(m.effect), m.key))
    return found[:count]


def streak(days: Iterable[dt.date], *, today: dt.date) -> int:
    """Days in a row with something recorded, ending today (or yesterday while today has nothing yet: the day is
    not over)."""
    recorded = set(days)
    day = today if today in recorded else today - dt.timedelta(days=1)
    count = 0
    while day in recorded:
        count += 1
        day -= dt.timedelta(days=1)
    return count
