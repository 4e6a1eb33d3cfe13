"""Monthly forecasts that carry their own measured error: pure functions over a series of whole months in minor
units (income, spending, a category group's spending), so the statistics are tested without a database.

Several methods compete on a rolling-origin backtest over the series' own history (each origin: fit on the months
before it, predict the next one), and the one with the lowest mean absolute error wins, reported with its MAE and
RMSE beside the baseline's, the mean of the last 3 months. The methods: that mean, a weighted average of the last
6 months, a seasonal naive (the same month last year), simple exponential smoothing, the Theta method and additive
Holt-Winters, the last three from statsmodels (a maintained library; no hand-rolled numerics). Under 3 months of
history there is nothing to test on, and the forecast is the plain average, saying so.

The 80 % band around each month comes from the winner's own backtest errors: their 10th and 90th percentiles,
widened with the square root of the horizon (or +-1.28 RMSE while there are fewer than 4 errors). Figures that
cannot go below zero (spending, income) are floored at zero. The statistics run in floating point over minor
units; every figure leaves as whole minor units, and none of it touches the books.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
Method = Callable[[Floats, int], Floats]

SEASON = 12
BASELINE = "mean_3"
# The most backtest origins a series is judged on (the last ones): enough to rank methods, cheap enough to refit.
ORIGINS = 6
Z80 = 1.2816  # the normal quantile of an 80 % two-sided interval, used while there are too few errors


def _mean_3(history: Floats, horizon: int) -> Floats:
    return np.full(horizon, float(history[-3:].mean()))


def _weighted_6(history: Floats, horizon: int) -> Floats:
    recent = history[-6:]
    weights = np.arange(1, len(recent) + 1, dtype=np.float64)
    return np.full(horizon, float(np.dot(recent, weights) / weights.sum()))


def _seasonal_naive(history: Floats, horizon: int) -> Floats:
    last_year = history[-SEASON:]
    return np.array([last_year[i % SEASON] for i in range(horizon)], dtype=np.float64)


def _ses(history: Floats, horizon: int) -> Floats:
    from statsmodels.tsa.holtwinters import SimpleExpSmoothing

    fitted = SimpleExpSmoothing(history, initialization_method="estimated").fit()
    return np.asarray(fitted.forecast(horizon), dtype=np.float64)


def _theta(history: Floats, horizon: int) -> Floats:
    from statsmodels.tsa.forecasting.theta import ThetaModel

    model = ThetaModel(history, period=SEASON, deseasonalize=len(history) >= 2 * SEASON)
    return np.asarray(model.fit().forecast(horizon), dtype=np.float64)


def _holt_winters(history: Floats, horizon: int) -> Floats:
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    model = ExponentialSmoothing(
        history, trend=None, seasonal="add", seasonal_periods=SEASON, initialization_method="estimated"
    )
    return np.asarray(model.fit().forecast(horizon), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class _Spec:
    fit: Method
    min_months: int  # the shortest history it is fitted on
    heavy: bool = False  # slow to fit: judged only where asked (the totals, not every category group)


METHODS: dict[str, _Spec] = {
    BASELINE: _Spec(_mean_3, 3),
    "weighted_6": _Spec(_weighted_6, 3),
    "seasonal_naive": _Spec(_seasonal_naive, SEASON),
    "ses": _Spec(_ses, 6),
    "theta": _Spec(_theta, SEASON),
    "holt_winters": _Spec(_holt_winters, 2 * SEASON, heavy=True),
}


@dataclass(frozen=True, slots=True)
class Forecast:
    name: str
    method: str  # the winner, or "average" under 3 months of history
    values: tuple[int, ...]  # minor units, one per month ahead
    low: tuple[int, ...]  # the 80 % band
    high: tuple[int, ...]
    mae: int | None  # the winner's backtest errors, minor units (None: nothing to test on)
    rmse: int | None
    baseline_mae: int | None  # the same for the mean of the last 3 months
    months: int  # months of history it learnt from
    note: str | None = None
    # The winner's one-month-ahead backtest errors (actual - predicted), minor units, for the last months of history.
    errors: tuple[int, ...] = ()


def _predict(spec: _Spec, history: Floats, horizon: int) -> Floats:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")  # statsmodels warns on short or flat series; the backtest judges the result
        values = spec.fit(history, horizon)
    if values.shape != (horizon,) or not np.all(np.isfinite(values)):
        raise ValueError("no finite forecast")
    return values


def backtest(history: Floats, spec: _Spec, origins: int) -> Floats | None:
    """One-step-ahead errors (actual - predicted) at each of the last `origins` months; None when the method cannot
    be fitted at every origin (too short, or it fails), so every method is judged on the same months."""
    errors = []
    for origin in range(len(history) - origins, len(history)):
        if origin < spec.min_months:
            return None
        try:
            predicted = _predict(spec, history[:origin], 1)[0]
        except (ValueError, np.linalg.LinAlgError):
            return None
        errors.append(history[origin] - predicted)
    return np.array(errors, dtype=np.float64)


def _mae(errors: Floats) -> float:
    return float(np.abs(errors).mean())


def _rmse(errors: Floats) -> float:
    return float(math.sqrt(float((errors**2).mean())))


def forecast(
    name: str, history: Sequence[int], horizon: int, *, floor_zero: bool = True, heavy: bool = False
) -> Forecast:
    """The next `horizon` months of a monthly series (oldest first, whole months only), by the method that did best
    on its own backtest, with its 80 % band and its error beside the baseline's."""
    if horizon < 1:
        raise ValueError("a forecast needs at least one month")
    y = np.array(history, dtype=np.float64)
    n = len(y)

    def whole(values: Floats) -> tuple[int, ...]:
        if floor_zero:
            values = np.maximum(values, 0.0)
        return tuple(round(float(v)) for v in values)

    if n < 3:
        average = np.full(horizon, float(y.mean()) if n else 0.0)
        note = f"{n} month{'s' if n != 1 else ''} of history: the plain average, until there are 3"
        return Forecast(name, "average", whole(average), whole(average), whole(average), None, None, None, n, note)
    origins = min(ORIGINS, n - 3)
    if origins < 1:
        values = _predict(METHODS[BASELINE], y, horizon)
        note = "3 months of history: the mean of the last 3 months, with nothing yet to test it on"
        return Forecast(name, BASELINE, whole(values), whole(values), whole(values), None, None, None, n, note)
    judged: dict[str, Floats] = {}
    for method, spec in METHODS.items():
        if spec.heavy and not heavy:
            continue
        errors = backtest(y, spec, origins)
        if errors is not None:
            judged[method] = errors
    # The lowest MAE wins; on a tie, the simpler method (METHODS is in order of simplicity).
    winner = min(judged, key=lambda m: (round(_mae(judged[m]), 6), list(METHODS).index(m)))
    errors = judged[winner]
    try:
        values = _predict(METHODS[winner], y, horizon)
    except (ValueError, np.linalg.LinAlgError):
        winner, errors = BASELINE, judged[BASELINE]
        values = _predict(METHODS[BASELINE], y, horizon)
    widen = np.sqrt(np.arange(1, horizon + 1, dtype=np.float64))
    if len(errors) >= 4:
        below, above = float(np.quantile(errors, 0.1)), float(np.quantile(errors, 0.9))
    else:
        spread = Z80 * _rmse(errors)
        below, above = -spread, spread
    low = values + min(below, 0.0) * widen
    high = values + max(above, 0.0) * widen
    return Forecast(
        name=name,
        method=winner,
        values=whole(values),
        low=whole(low),
        high=whole(high),
        mae=round(_mae(errors)),
        rmse=round(_rmse(errors)),
        baseline_mae=round(_mae(judged[BASELINE])),
        months=n,
        note=None,
        errors=tuple(round(float(e)) for e in errors),
    )
