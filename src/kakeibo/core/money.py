"""Money as a value type: a Decimal plus an ISO 4217 currency. Floats are refused; rounding lives here only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from kakeibo.core.errors import ValidationFailed

# ISO 4217 active codes that do not use two decimals; every other listed code uses two.
_EXPONENT_OVERRIDES = {
    **dict.fromkeys(
        [
            "BIF",
            "CLP",
            "DJF",
            "GNF",
            "ISK",
            "JPY",
            "KMF",
            "KRW",
            "PYG",
            "RWF",
            "UGX",
            "UYI",
            "VND",
            "VUV",
            "XAF",
            "XOF",
            "XPF",
        ],
        0,
    ),
    **dict.fromkeys(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"], 3),
    "CLF": 4,
    "UYW": 4,
}
_TWO_DECIMALS = [
    "AED",
    "AFN",
    "ALL",
    "AMD",
    "ANG",
    "AOA",
    "ARS",
    "AUD",
    "AWG",
    "AZN",
    "BAM",
    "BBD",
    "BDT",
    "BGN",
    "BMD",
    "BND",
    "BOB",
    "BOV",
    "BRL",
    "BSD",
    "BTN",
    "BWP",
    "BYN",
    "BZD",
    "CAD",
    "CDF",
    "CHE",
    "CHF",
    "CHW",
    "CNY",
    "COP",
    "COU",
    "CRC",
    "CUC",
    "CUP",
    "CVE",
    "CZK",
    "DKK",
    "DOP",
    "DZD",
    "EGP",
    "ERN",
    "ETB",
    "EUR",
    "FJD",
    "FKP",
    "GBP",
    "GEL",
    "GHS",
    "GIP",
    "GMD",
    "GTQ",
    "GYD",
    "HKD",
    "HNL",
    "HTG",
    "HUF",
    "IDR",
    "ILS",
    "INR",
    "IRR",
    "JMD",
    "KES",
    "KGS",
    "KHR",
    "KPW",
    "KYD",
    "KZT",
    "LAK",
    "LBP",
    "LKR",
    "LRD",
    "LSL",
    "MAD",
    "MDL",
    "MGA",
    "MKD",
    "MMK",
    "MNT",
    "MOP",
    "MRU",
    "MUR",
    "MVR",
    "MWK",
    "MXN",
    "MXV",
    "MYR",
    "MZN",
    "NAD",
    "NGN",
    "NIO",
    "NOK",
    "NPR",
    "NZD",
    "PAB",
    "PEN",
    "PGK",
    "PHP",
    "PKR",
    "PLN",
    "QAR",
    "RON",
    "RSD",
    "RUB",
    "SAR",
    "SBD",
    "SCR",
    "SDG",
    "SEK",
    "SGD",
    "SHP",
    "SLE",
    "SLL",
    "SOS",
    "SRD",
    "SSP",
    "STN",
    "SVC",
    "SYP",
    "SZL",
    "THB",
    "TJS",
    "TMT",
    "TOP",
    "TRY",
    "TTD",
    "TWD",
    "TZS",
    "UAH",
    "USD",
    "USN",
    "UYU",
    "UZS",
    "VED",
    "VES",
    "WST",
    "XCD",
    "XCG",
    "YER",
    "ZAR",
    "ZMW",
    "ZWG",
    "ZWL",
]
EXPONENTS: dict[str, int] = {**dict.fromkeys(_TWO_DECIMALS, 2), **_EXPONENT_OVERRIDES}

# The one rounding mode for money: banker's rounding, as in most ledgers and ISO practice.
ROUNDING = ROUND_HALF_EVEN
# The largest amount kakeibo accepts in a single posting: well inside a signed 64-bit minor-unit integer.
MAX_ABS_AMOUNT = Decimal("1000000000000")  # one trillion


_CURRENCY_CACHE: dict[str, Currency] = {}


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    exponent: int

    @classmethod
    def of(cls, code: str, *, field: str = "currency") -> Currency:
        known = _CURRENCY_CACHE.get(code) if isinstance(code, str) else None
        if known is not None:  # the batch path asks for the same few currencies hundreds of thousands of times
            return known
        if not isinstance(code, str):
            raise ValidationFailed("currency must be a 3-letter ISO 4217 code", field=field)
        normalized = code.strip().upper()
        exponent = EXPONENTS.get(normalized)
        if exponent is None:
            raise ValidationFailed(f"unknown currency {code!r}: use an ISO 4217 code such as USD or EUR", field=field)
        currency = cls(normalized, exponent)
        if len(_CURRENCY_CACHE) < 1000:
            _CURRENCY_CACHE[code] = currency
        return currency

    def __str__(self) -> str:
        return self.code


def is_currency(code: str) -> bool:
    return code.upper() in EXPONENTS


def parse_decimal(value: Any, *, field: str = "amount") -> Decimal:
    """A Decimal from a decimal string or int. Floats, exponents, NaN and infinities are refused."""
    if isinstance(value, bool | float):
        raise ValidationFailed(f'{field} must be a decimal string such as "12.50", not a number', field=field)
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationFailed(f"{field} must be a finite amount", field=field)
        result = value
    elif isinstance(value, str):
        text = value.strip().replace(",", "") if "," in value and _looks_like_grouped(value) else value.strip()
        # Digits with at most one point and an optional sign: no exponents, NaN or infinities.
        unsigned = text[1:] if text[:1] in "+-" else text
        if not unsigned.replace(".", "", 1).isdigit() or not unsigned.isascii():
            raise ValidationFailed(f'{field} {value!r} is not a decimal amount such as "12.50"', field=field)
        result = Decimal(text)
    else:
        raise ValidationFailed(f"{field} must be a decimal string", field=field)
    if abs(result) > MAX_ABS_AMOUNT:
        raise ValidationFailed(f"{field} {value!r} is too large", field=field)
    return result


def _looks_like_grouped(text: str) -> bool:
    """True for "2,400.50"-style thousands grouping (commas every three digits before the point)."""
    return re.fullmatch(r"\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*", text) is not None


_QUANTA = {exponent: Decimal(1).scaleb(-exponent) for exponent in range(5)}


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: Currency

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal; build Money with Money.of")

    @classmethod
    def of(cls, amount: Any, currency: str | Currency, *, field: str = "amount", exact: bool = True) -> Money:
        """Money from a decimal string/int/Decimal. With `exact`, more decimals than the currency has is an error."""
        cur = currency if isinstance(currency, Currency) else Currency.of(currency)
        value = parse_decimal(amount, field=field)
        rounded = value.quantize(_QUANTA[cur.exponent], rounding=ROUNDING)
        if exact and rounded != value:
            raise ValidationFailed(
                f"{field} {amount!s} has more decimals than {cur.code} allows ({cur.exponent})", field=field
            )
        return cls(rounded, cur)

    @classmethod
    def from_minor(cls, minor: int, currency: str | Currency) -> Money:
        cur = currency if isinstance(currency, Currency) else Currency.of(currency)
        return cls(Decimal(minor).scaleb(-cur.exponent).quantize(Decimal(1).scaleb(-cur.exponent)), cur)

    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(self.currency.exponent))

    def _check(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency.code}"


def minor_to_str(minor: int, currency: str) -> str:
    """The API's decimal string for an amount in minor units, e.g. (1250, "USD") -> "12.50".

    Integer arithmetic only: this runs for every amount the API or an export prints."""
    exponent = EXPONENTS.get(currency)
    if exponent is None:
        exponent = Currency.of(currency).exponent
    if exponent == 0:
        return str(minor)
    whole, fraction = divmod(abs(minor), 10**exponent)
    sign = "-" if minor < 0 else ""
    return f"{sign}{whole}.{fraction:0{exponent}d}"


def to_minor(amount: Any, currency: str, *, field: str = "amount") -> int:
    return Money.of(amount, currency, field=field).minor


def round_to(amount: Decimal, places: int, *, rounding: str = ROUNDING) -> Decimal:
    """The one rounding function: `amount` to `places` decimals with a named mode (banker's by default)."""
    if not isinstance(amount, Decimal):
        raise TypeError("round_to takes a Decimal; floats are never money")
    return amount.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round a computed amount (e.g. a conversion) to the currency's minor unit with the named mode."""
    return round_to(amount, Currency.of(currency).exponent)


def exponent_of(currency: str) -> int:
    """The currency's ISO 4217 minor-unit exponent (2 for USD, 0 for JPY, 3 for KWD)."""
    return Currency.of(currency).exponent


def percentage(part: int | Decimal, whole: int | Decimal, *, places: int = 1) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded to `places` decimals; None when `whole` is not positive."""
    if isinstance(part, float) or isinstance(whole, float):
        raise TypeError("percentage takes ints or Decimals; floats are never money")
    if whole <= 0:
        return None
    return round_to(Decimal(part) * 100 / Decimal(whole), places)
