"""What a call costs: prices per million tokens by model (from settings), applied to the response's token counts in
Decimal. Costs are integer micro-dollars (US dollars × 10⁶), rounded up so the caps never under-count."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation

from kakeibo.core.errors import ConfigurationError
from kakeibo.core.money import round_to
from kakeibo.core.periods import month_of

MICRO = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class Price:
    """US dollars per million input and output tokens."""

    input: Decimal
    output: Decimal


FREE = Price(Decimal(0), Decimal(0))


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, float):
        raise ConfigurationError(f"{what} must be a decimal string, not a float")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ConfigurationError(f"{what} is not a decimal: {value!r}") from exc
    if not number.is_finite() or number < 0:
        raise ConfigurationError(f"{what} must be a non-negative decimal: {value!r}")
    return number


def parse_prices(text: str) -> dict[str, Price]:
    """`{"model": {"input": "0.15", "output": "0.60"}}`; numbers are read as decimals, never as floats."""
    try:
        raw = json.loads(text or "{}", parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"KAKEIBO_LLM_PRICES is not JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigurationError("KAKEIBO_LLM_PRICES must be a JSON object of models")
    prices: dict[str, Price] = {}
    for model, entry in raw.items():
        if not isinstance(entry, dict):
            raise ConfigurationError(f"KAKEIBO_LLM_PRICES[{model!r}] must be an object with input and output")
        prices[model] = Price(
            _decimal(entry.get("input", "0"), f"input price of {model}"),
            _decimal(entry.get("output", "0"), f"output price of {model}"),
        )
    return prices


def dollars_to_micro(text: str, what: str) -> int:
    return int((_decimal(text, what) * MICRO).to_integral_value(rounding=ROUND_CEILING))


def micro_to_dollars(micro: int) -> str:
    """Micro-dollars as a decimal string with six places ("0.001250")."""
    return str(round_to(Decimal(micro) / MICRO, 6))


def cost_micro(price: Price, *, tokens_in: int, tokens_out: int) -> int:
    # Dollars per million tokens × tokens = micro-dollars: no division needed.
    exact = price.input * tokens_in + price.output * tokens_out
    return int(exact.to_integral_value(rounding=ROUND_CEILING))


def day_start(now: dt.datetime) -> dt.datetime:
    """Caps reset at midnight UTC (daily) and on the first of the month UTC (monthly)."""
    return now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def month_start(now: dt.datetime) -> dt.datetime:
    return _utc_midnight(month_of(day_start(now).date()).start)


def next_month_start(now: dt.datetime) -> dt.datetime:
    """When this month's cap resets: the first of the next month, midnight UTC."""
    return _utc_midnight(month_of(day_start(now).date()).end)
