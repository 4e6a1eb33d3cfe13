"""The health score's pure parts, by hand: each curve at and between its points, not enough data as no score, the
total over the pillars that have one (weights renormalized), the grades, what moved the score, the streak."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kakeibo.insights import health


def test_curves_pass_through_their_points_and_interpolate() -> None:
    assert health.curve(Decimal("-1"), health.SAVINGS_CURVE) == 0
    assert health.curve(Decimal("0"), health.SAVINGS_CURVE) == 40
    assert health.curve(Decimal("0.05"), health.SAVINGS_CURVE) == 58  # 40 + 35 / 2 = 57.5, half up
    assert health.curve(Decimal("0.5"), health.SAVINGS_CURVE) == 100
    assert health.curve(Decimal("2"), health.EMERGENCY_CURVE) == 63  # 50 + 25 / 2 = 62.5
    assert health.curve(Decimal("0.36"), health.DEBT_CURVE) == 40
    assert health.curve(Decimal("0.43"), health.DEBT_CURVE) == 20


def test_pillars_from_figures() -> None:
    saving = health.savings_rate(income_minor=900_000, spending_minor=765_000, months=3)
    assert (saving.value, saving.score) == (Decimal("0.1500"), 88)  # 75 + 25 x 0.05 / 0.10 = 87.5
    fund = health.emergency_fund(liquid_minor=300_000, essential_minor=300_000, months=3)
    assert (fund.value, fund.score) == (Decimal("3.00"), 75)
    debt = health.debt_load(debt_minor=270_000, income_minor=900_000, months=3)
    assert (debt.value, debt.score) == (Decimal("0.3000"), 53)  # 75 - 35 x 0.10 / 0.16 = 53.1
    steady = health.spending_stability(monthly_spending=[100_000] * 6)
    assert (steady.value, steady.score) == (Decimal("0.0000"), 100)
    swinging = health.spending_stability(monthly_spending=[50_000, 150_000, 100_000])  # sd 40,825 / mean 100,000
    assert (swinging.value, swinging.score) == (Decimal("0.4082"), 22)  # 60 - 60 x 0.1582 / 0.25 = 22.0
    assert health.budget_adherence(within=3, lines=4).score == 75
    assert health.bills_on_time(on_time=3, bills=4).score == 50


def test_not_enough_data_is_no_score() -> None:
    for pillar in (
        health.savings_rate(income_minor=0, spending_minor=5_000, months=3),
        health.emergency_fund(liquid_minor=100_000, essential_minor=0, months=3),
        health.debt_load(debt_minor=0, income_minor=0, months=0),
        health.spending_stability(monthly_spending=[100, 200]),
        health.budget_adherence(within=0, lines=0),
        health.bills_on_time(on_time=0, bills=0),
    ):
        assert (pillar.score, pillar.value) == (None, None)
        assert pillar.explanation.startswith(health.NOT_ENOUGH)
    assert health.total([health.budget_adherence(within=0, lines=0)]) is None
    assert health.grade(None) is None


def test_the_total_renormalizes_over_pillars_with_a_score() -> None:
    pillars = [
        health.savings_rate(income_minor=100, spending_minor=80, months=3),  # 0.20: 100, weight 25
        health.bills_on_time(on_time=1, bills=2),  # 0, weight 15
        health.budget_adherence(within=0, lines=0),  # no score: left out
    ]
    assert health.total(pillars) == 63  # 2500 / 40 = 62.5, half up
    assert [health.grade(s) for s in (100, 95, 94, 85, 70, 55, 40, 39, 0)] == [
        "A+", "A+", "A", "A", "B", "C", "D", "F", "F"
    ]  # fmt: skip


def test_movers_are_the_largest_weighted_changes() -> None:
    before = [
        health.savings_rate(income_minor=100, spending_minor=100, months=3),  # 40
        health.bills_on_time(on_time=2, bills=2),  # 100
        health.budget_adherence(within=1, lines=2),  # 50
        health.spending_stability(monthly_spending=[1, 1]),  # no score
    ]
    now = [
        health.savings_rate(income_minor=100, spending_minor=80, months=3),  # 100: +60 x 25 / 65
        health.bills_on_time(on_time=3, bills=4),  # 50: -50 x 15 / 65
        health.budget_adherence(within=1, lines=2),  # unchanged
        health.spending_stability(monthly_spending=[1, 1, 1]),  # 100, but none before
    ]
    found = health.movers(now, before)
    assert [(m.key, m.before, m.after, m.effect) for m in found] == [
        ("savings_rate", 40, 100, Decimal("23.1")),  # 1500 / 65
        ("bills_on_time", 100, 50, Decimal("-11.5")),  # -750 / 65
    ]


def test_the_streak_counts_days_in_a_row_up_to_today() -> None:
    today = dt.date(2026, 11, 23)
    days = [today - dt.timedelta(days=n) for n in (0, 1, 2, 4)]
    assert health.streak(days, today=today) == 3
    assert health.streak(days[1:], today=today) == 2  # today is not over: the run up to yesterday counts
    assert health.streak([], today=today) == 0
