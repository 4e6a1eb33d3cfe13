"""Pydantic field types shared by every domain's schemas."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from kakeibo.core.limits import MAX_DATE, MAX_ID, MAX_INT4, MIN_DATE, MIN_INT4, date_problem
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


def _iso_date(value: Any) -> Any:
    """Dates are ISO 8601 days ("2026-11-23"): not numbers (Pydantic would read 0 as 1970-01-01) nor times."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
        raise ValueError('must be a date such as "2026-11-23"')
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError(f'must be a date such as "2026-11-23", not {value[:40]!r}')
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _in_date_range(value: dt.date) -> dt.date:
    problem = date_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# A calendar day in the range every part of kakeibo supports (see core/limits.py).
Day = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    AfterValidator(_in_date_range),
    Field(description=f"A date from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"),
]
# A row's id: a positive 64-bit integer on both databases.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# A 32-bit column (sort orders, priorities): PostgreSQL's int4, and SQLite is held to the same.
Int4 = Annotated[int, Field(ge=MIN_INT4, le=MAX_INT4)]
