"""Money amounts as banks print them ("1.234,56", "($12.50)", "12.50-", "40.00 CR") read into exact Decimals."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = ["AmountError", "amount_reader", "format_amount", "parse_amount", "sniff_separators"]

# The common case (a plain "-12.50") skips all the clean-up below.
_PLAIN = re.compile(r"[+-]?\d+(?:\.\d+)?")
_SYMBOLS = "$€£¥￥円₹₩₽₺₪₫฿₱₴₦"  # 円 and the full-width ￥ as Japanese banks write them: "1,234円"
# A currency code or symbol glued to either end ("USD 12.50", "12,50 EUR", "US$12.50").
_CODE_PREFIX = re.compile(r"^(?:[A-Z]{3}|US\$|C\$|A\$|NZ\$|HK\$|R\$|CHF|FR\.)\s*")
_CODE_SUFFIX = re.compile(r"\s*(?:[A-Z]{3})$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_UNICODE_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})


class AmountError(ValueError):
    """Not an amount; the message is for a human."""


def format_amount(value: Decimal) -> str:
    """Fixed-point text ("-12.50"), never an exponent, never "-0.00"."""
    if value.is_zero():
        value = abs(value)
    return format(value, "f")


@lru_cache(maxsize=16)
def _digits_pattern(decimal_sep: str, thousands_sep: str) -> re.Pattern[str]:
    d = re.escape(decimal_sep)
    if thousands_sep and thousands_sep != decimal_sep:
        t = re.escape(thousands_sep)
        # Western grouping (1,234,567), Indian grouping (12,34,567) or no grouping at all.
        integer = rf"(?:\d{{1,3}}(?:{t}\d{{3}})+|\d{{1,2}}(?:{t}\d{{2}})*{t}\d{{3}}|\d+)"
    else:
        integer = r"\d+"
    return re.compile(rf"(?P<int>{integer})?(?:{d}(?P<frac>\d+))?")


def parse_amount(text: str, decimal_sep: str = ".", thousands_sep: str = ",") -> Decimal:
    """Read one amount. Negative when written with a minus (leading or trailing), in parentheses or with "DR";
    "CR" marks a positive amount. Currency symbols and codes around the number are ignored."""
    s = text.strip()
    if decimal_sep == "." and _PLAIN.fullmatch(s):
        return Decimal(s)
    return _parse_slow(s, text, decimal_sep, thousands_sep)


def _parse_slow(s: str, original: str, decimal_sep: str, thousands_sep: str) -> Decimal:
    if not s:
        raise AmountError("the amount is empty")
    s = s.translate(_UNICODE_MINUS).upper()
    negative = False
    if s.endswith(("CR", "DR")) and not s.endswith(("CCR", "CDR")):
        negative = s.endswith("DR")
        s = s[:-2].rstrip().rstrip(".")
    if s.startswith("(") and s.endswith(")"):
        negative = not negative
        s = s[1:-1].strip()
    # Signs and currency marks may come in any order around the number: "-$12", "$-12", "12.50- EUR", "EUR -12".
    for _ in range(4):
        before = s
        s = _CODE_PREFIX.sub("", s)
        s = _CODE_SUFFIX.sub("", s)
        s = s.strip(_SYMBOLS + " \u00a0")
        if s.startswith(("-", "+")):
            negative ^= s[0] == "-"
            s = s[1:].lstrip()
        if s.endswith(("-", "+")):
            negative ^= s[-1] == "-"
            s = s[:-1].rstrip()
        if s == before:
            break
    s = _SPACES.sub("", s)
    match = _digits_pattern(decimal_sep, thousands_sep).fullmatch(s)
    if match is None or (match["int"] is None and match["frac"] is None):
        raise AmountError(
            f'"{original.strip()}" is not an amount (expected like {_example(decimal_sep, thousands_sep)})'
        )
    integer = (match["int"] or "0").replace(thousands_sep, "") if thousands_sep else (match["int"] or "0")
    number = integer if match["frac"] is None else f"{integer}.{match['frac']}"
    try:
        value = Decimal(number)
    except InvalidOperation as exc:  # cannot happen after the regex; kept so a slip shows as a bad row
        raise AmountError(f'"{original.strip()}" is not an amount') from exc
    return -value if negative else value


def _example(decimal_sep: str, thousands_sep: str) -> str:
    return f"1{thousands_sep}234{decimal_sep}56" if thousands_sep else f"1234{decimal_sep}56"


def amount_reader(decimal_sep: str, thousands_sep: str) -> Callable[[str], Decimal]:
    """`parse_amount` with the separators bound, for hot loops."""

    def read(text: str) -> Decimal:
        return parse_amount(text, decimal_sep, thousands_sep)

    return read


_NUMBERISH = re.compile(r"[^\d.,]")


def sniff_separators(values: Iterable[str], *, prefer_comma: bool = False) -> tuple[str, str, bool]:
    """Guess (decimal separator, thousands separator, ambiguous) from sample amounts.

    "1.234,56" and "12,50" vote for a decimal comma, "1,234.56" and "12.50" for a decimal point; "1,234" and
    "1.234" say nothing. With no evidence the point wins unless `prefer_comma` (a ";"-separated file)."""
    comma = point = 0
    saw_separator = False
    for value in values:
        core = _NUMBERISH.sub("", value)
        if not core:
            continue
        saw_separator = saw_separator or "," in core or "." in core
        last_comma, last_point = core.rfind(","), core.rfind(".")
        if last_comma >= 0 and last_point >= 0:
            if last_comma > last_point:
                comma += 1
            else:
                point += 1
        elif last_comma >= 0:
            after = len(core) - last_comma - 1
            if core.count(",") > 1:
                point += 1  # "1,234,567": commas group thousands
            elif after != 3 or core.startswith("0,"):
                comma += 1
        elif last_point >= 0:
            after = len(core) - last_point - 1
            if core.count(".") > 1:
                comma += 1
            elif after != 3 or core.startswith("0."):
                point += 1
    if comma > point:
        return ",", ".", False
    if point > comma:
        return ".", ",", False
    if prefer_comma:
        return ",", ".", saw_separator
    return ".", ",", saw_separator
