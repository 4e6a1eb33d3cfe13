"""Pydantic field types shared by every domain's schemas."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from kakeibo.core.money import is_currency, parse_decimal


def _decimal_string(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError('must be a decimal string such as "12.50" (JSON numbers are not accepted for money)')
    parse_decimal(value)  # raises a clear ValidationFailed for "abc", "1e309", "NaN", ...
    return str(value).strip()


def _currency_code(value: Any) -> str:
    if not isinstance(value, str) or not is_currency(value.strip()):
        raise ValueError(f"unknown currency {value!r}: use an ISO 4217 code such as USD or EUR")
    return value.strip().upper()


DecimalString = Annotated[
    str,
    BeforeValidator(_decimal_string),
    Field(json_schema_extra={"pattern": r"^[+-]?\d+(\.\d+)?$", "examples": ["12.50"]}),
]
CurrencyCode = Annotated[str, BeforeValidator(_currency_code), Field(examples=["USD"], min_length=3, max_length=3)]
