"""The forecast engine on series with known properties: a seasonal series is forecast better than the mean of the
last 3 months on its own backtest, a flat one exactly, a short one by the plain average (and it says so); bands
hold the forecast, spending never goes below zero, and a method that cannot be fitted is left out."""

from __future__ import annotations

import math
import random

import pytest

from kakeibo.insights.forecast import BASELINE, forecast


def _seasonal(months: int, *, seed: int = 3) -> list[int]:
    """Monthly spending of about 1,000.00 with a December peak of +600 and a summer dip, and noise of 20.00."""
    rng = random.Random(seed)
    season = [0, -50, 0, 0, 50, -200, -250, -150, 0, 50, 150, 600]
    return [round((1000 + season[m % 12] + rng.gauss(0, 20)) * 100) for m in range(months)]


def test_a_seasonal_series_beats_the_three_month_mean_on_backtest() -> None:
    history = _seasonal(36)
    result = forecast("spending", history, 3, heavy=True)
    assert result.method in {"seasonal_naive", "holt_winters", "theta"}, result
    assert result.mae is not None and result.baseline_mae is not None
    assert result.mae * 2 < result.baseline_mae, result  # the baseline misses the December peak and the summer dip
    assert result.months == 36 and result.note is None
    # Month 37 is a January: back near 1,000.00 (the December peak is not carried on as a mean would).
    assert abs(result.values[0] - 100000) < 10000, result.values
    for low, value, high in zip(result.low, result.values, result.high, strict=True):
        assert low <= value <= high


def test_a_flat_series_is_forecast_flat_with_no_band() -> None:
    result = forecast("rent", [315000] * 14, 2)
    assert result.values == (315000, 315000)
    assert result.mae == 0 and result.baseline_mae == 0
    assert result.method == BASELINE  # a tie goes to the simplest method
    assert result.low == result.values == result.high


def test_too_little_history_is_the_plain_average_and_says_so() -> None:
    short = forecast("income", [500000, 520000], 2)
    assert (short.method, short.values, short.mae) == ("average", (510000, 510000), None)
    assert short.note is not None and "3" in short.note
    assert forecast("income", [], 1).values == (0,)
    three = forecast("income", [1, 2, 3], 1)
    assert (three.method, three.values, three.mae) == (BASELINE, (2,), None)


def test_spending_never_goes_below_zero_but_a_net_may() -> None:
    falling = [50000 - 4500 * m for m in range(11)]  # 500.00 down to 50.00: a trend heading below zero
    result = forecast("spending", falling, 6)
    assert min(result.low) >= 0 and min(result.values) >= 0
    net = forecast("net", [-30000, 20000, -10000, 15000, -25000, 5000, -40000], 2, floor_zero=False)
    assert min(net.low) < 0


@pytest.mark.parametrize("months", [4, 7, 13, 25])
def test_any_length_gives_a_full_forecast_with_its_errors(months: int) -> None:
    result = forecast("spending", _seasonal(months, seed=months), 12)
    assert len(result.values) == len(result.low) == len(result.high) == 12
    assert result.mae is not None and result.rmse is not None and result.rmse >= result.mae
    assert all(isinstance(v, int) for v in (*result.values, *result.low, *result.high))
    assert all(not math.isnan(v) for v in result.values)


def test_a_horizon_of_zero_is_refused() -> None:
    with pytest.raises(ValueError):
        forecast("spending", [1, 2, 3, 4], 0)
