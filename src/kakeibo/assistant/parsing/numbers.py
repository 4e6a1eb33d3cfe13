"""Number words to digits ("one hundred and twenty" -> "120", "twelve fifty" -> "12.50") and amount formatting."""

from __future__ import annotations

import re
from decimal import Decimal

from kakeibo.core.money import round_to

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
_NUMBER_WORD = re.compile(
    r"\b(?:(?:a|an)(?=\s+(?:hundred|thousand|grand|million)\b)|"
    + "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
    + r")\b(?:(?:\s+|-)(?:and\s+)?(?:"
    + "|".join(sorted([*UNITS, *TENS, *SCALES, "a", "point", "oh"], key=len, reverse=True))
    + r")\b)*"
)


def _words_value(words: list[str]) -> Decimal | None:
    """Value of a run of number words; two adjacent groups under a hundred read as units and cents."""
    groups: list[int] = []
    total = 0
    current = 0
    last = ""  # "unit" | "teen" | "tens" | "scale" | ""
    decimals: list[int] | None = None
    cents: list[int] | None = None  # "twenty two oh five": "oh" starts the cents
    for word in words:
        if word == "and":
            continue
        if word == "oh":
            if cents is not None or last in ("", "scale"):
                return None
            cents = []
            continue
        if cents is not None:
            if word not in UNITS or UNITS[word] >= 10 or cents:
                return None
            cents.append(UNITS[word])
            continue
        if word == "point":
            decimals = []
            continue
        if decimals is not None:
            if word in UNITS and UNITS[word] < 10:
                decimals.append(UNITS[word])
                continue
            return None
        if word in ("a", "an"):
            current = 1
            last = "unit"
            continue
        if word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = "scale"
            continue
        value = UNITS.get(word, TENS.get(word))
        if value is None:
            return None
        kind = "tens" if word in TENS else ("teen" if value >= 10 else "unit")
        combines = last == "" or last == "scale" or (last == "tens" and kind == "unit")
        if not combines:
            groups.append(total + current)
            total, current = 0, 0
        current += value
        last = kind
    groups.append(total + current)
    if cents is not None:
        if len(groups) != 1 or not cents:
            return None
        return Decimal(groups[0]) + Decimal(cents[0]) / 100
    if decimals is not None:
        if len(groups) != 1 or not decimals:
            return None
        return Decimal(f"{groups[0]}.{''.join(map(str, decimals))}")
    if len(groups) == 1:
        return Decimal(groups[0])
    if len(groups) == 2 and groups[1] < 100:
        return Decimal(groups[0]) + Decimal(groups[1]) / 100  # "twelve fifty": dollars and cents
    if len(groups) == 3 and groups[0] < 10 and 10 <= groups[1] < 100 and groups[2] < 100:
        # "two forty nine ninety five": hundreds said as one digit, then the rest and the cents: 249.95
        return Decimal(groups[0] * 100 + groups[1]) + Decimal(groups[2]) / 100
    return None


# Spoken forms around the number words: "half a grand", "a buck fifty", "six and a half", "237 dollars and 40 cents".
_HALF_A = re.compile(r"\bhalf (?:a|one) (hundred|grand|thousand|million)\b")
_A_BUCK = re.compile(r"\b(?:a|one) buck(?: and)? (\d{1,2})\b(?!\.)")
_AND_A_HALF = re.compile(r"\b(" + "|".join([*UNITS, *TENS]) + r") and a half\b")
_AND_CENTS = re.compile(r"\b(\d+) (dollars?|bucks?|euros?|pounds?) (?:and )?(\d{1,2}) (?:cents?|pence|p)\b")


def words_to_digits(text: str) -> str:
    """Replace every run of number words in lower-case `text` by its digits; a lone "one" stays a word
    ("the one from yesterday"), as do runs that do not read as a number."""

    def replace(match: re.Match[str]) -> str:
        words = re.split(r"[\s-]+", match.group(0))
        if words == ["one"]:
            return match.group(0)
        value = _words_value(words)
        if value is None:
            return match.group(0)
        return format_amount(value) if value != value.to_integral_value() else str(int(value))

    text = _HALF_A.sub(lambda m: str(SCALES[m.group(1)] // 2), text)
    text = _AND_A_HALF.sub(r"\1 point five", text)
    text = _NUMBER_WORD.sub(replace, text)
    text = _A_BUCK.sub(lambda m: f"1.{int(m.group(1)):02d} dollars", text)
    return _AND_CENTS.sub(lambda m: f"{m.group(1)}.{int(m.group(3)):02d} {m.group(2)}", text)


def format_amount(value: Decimal, places: int = 2) -> str:
    """A positive decimal string: whole amounts without decimals ("20"), others with the currency's places."""
    if value == value.to_integral_value():
        return str(int(value))
    if places == 0:
        return str(int(round_to(value, 0)))
    return str(round_to(value, places))
