"""Amounts in an utterance as people write and say them: currency markers before or after, decimal commas, numbers
that count or label a thing rather than price it, and the household's share of a shared bill."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kakeibo.assistant.intents import MAX_AMOUNT
from kakeibo.assistant.parsing.numbers import format_amount
from kakeibo.core.money import exponent_of, is_currency, round_to

# --- currencies -------------------------------------------------------------------------------------

_DOLLAR_CURRENCIES = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}
_SYMBOLS = {"$": "$", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
_CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "buck": "$", "bucks": "$", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "quid": "GBP", "yen": "JPY", "rupees": "INR", "francs": "CHF",
}  # fmt: skip
_CODES = (
    "usd",
    "eur",
    "gbp",
    "jpy",
    "cad",
    "aud",
    "chf",
    "inr",
    "cny",
    "mxn",
    "sek",
    "nok",
    "dkk",
    "nzd",
    "krw",
    "kwd",
    "bhd",
    "jod",
    "omr",
)
_POST = "|".join(["mexican pesos?", *sorted(_CURRENCY_WORDS, key=len, reverse=True), *_CODES])
# A dollar sign with its country ("A$60", "C$ 12"): the one marker that names a dollar other than the base's.
_DOLLAR_PREFIXES = {"a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "us": "USD", "hk": "HKD",
                    "s": "SGD", "mx": "MXN"}  # fmt: skip
_NUMBER = (
    r"\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,])"  # 1.234,56: dots for thousands, a decimal comma
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234.56
    r"|\d+,\d{1,2}(?![\d,])"  # 4,50: a decimal comma (one or two digits after it)
    r"|\d+(?:\.\d+)?|\.\d+"
)
_AMOUNT = re.compile(
    r"(?P<pre>(?:\b(?:" + "|".join(_DOLLAR_PREFIXES) + r"))?\$\s?|[€£¥₹₩]\s?|\b(?:" + "|".join(_CODES) + r")\s?)?"
    r"(?<![\w/.:#-])(?P<num>" + _NUMBER + r")(?!\.\d)(?P<k>k\b)?"
    r"(?![\w/:-]*\d)(?:\s?(?P<post>(?:" + _POST + r"|cents?)\b|[€£¥₹₩]))?(?![/:]|st\b|nd\b|rd\b|th\b|%)"
)
# A number that counts or labels something is not what was paid: "2 tickets 54", "table for 4, 96 total",
# "uber to terminal 3 was 38", "a 12 pack of beer for 18", "iphone 15 case 29".
_COUNTED = re.compile(r"\s(?:pack|packs|x|people|persons|of us|nights?|pcs|items?)\b")
_PLURAL = re.compile(
    r"\s(?!(?:at|on|for|in|from|to|with|by|via|of)\b)(?:[a-z]+ )?[a-z]+(?<!s)s\b"
)  # "2 tickets", "3 coffees", "2 movie tickets"
_LABELLED = re.compile(
    r"\b(?:table for|party of|terminal|gate|platform|route|line|room|seat|row|level|floor|iphone|ipad|galaxy|"
    r"pixel|series|model|size|number|no|version|gen|ps|xbox|pack of|for the)\s$"
)
# "dinner was 120, my share 60": the part that was the household's.
SHARE = re.compile(r"\b(?:my|our) (?:share|half|part|portion|cut)(?: (?:was|is|came to|of))?\s*$")


@dataclass(frozen=True)
class Amount:
    value: str
    currency: str
    text: str  # the utterance without the amount


def _currency(marker: str | None, base: str) -> str | None:
    if not marker:
        return None
    marker = marker.strip()
    if marker.endswith("$") and len(marker) > 1:
        return _DOLLAR_PREFIXES[marker[:-1]]
    if marker.startswith("mexican peso"):
        return "MXN"
    symbol = _SYMBOLS.get(marker) or _CURRENCY_WORDS.get(marker) or marker.upper()
    if symbol == "$":
        return base if base in _DOLLAR_CURRENCIES else "USD"
    return symbol


def _number(text: str) -> tuple[Decimal, int | None]:
    """A number as written, and how many decimals it was written with (None: a whole number)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}", text):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    places = len(text.split(".", 1)[1]) if "." in text else None
    return Decimal(text), places


def _is_count(text: str, match: re.Match[str]) -> bool:
    """Whether a bare number counts or labels a thing rather than pricing it."""
    if match.group("pre") or match.group("post") or match.group("k"):
        return False
    if _COUNTED.match(text, match.end()) or _LABELLED.search(text[: match.start()]):
        return True
    # A few of something ("2 tickets 54"); "60 groceries 30 household" prices its lines.
    value, places = _number(match.group("num"))
    return places is None and value <= 12 and bool(_PLURAL.match(text, match.end()))


def find_amount(text: str, base: str) -> Amount | None:
    """The amount in `text`: one with a currency marker first, else what the household's share was ("my share
    60"), else the first bare number that does not count or label something ("2 tickets 54" is 54)."""
    matches = list(_AMOUNT.finditer(text))
    best = next((m for m in matches if m.group("pre") or m.group("post")), None)
    if best is None:
        best = next((m for m in matches if SHARE.search(text[: m.start()])), None)
    if best is None:
        priced = [m for m in matches if not _is_count(text, m)]
        best = priced[0] if priced else (matches[0] if matches else None)
    if best is None:
        return None
    value, places = _number(best.group("num"))
    if best.group("k"):
        value *= 1000
    post = best.group("post")
    if post in ("cent", "cents"):
        value /= 100
        post = "$"
    currency = _currency(best.group("pre"), base) or _currency(post, base) or base
    exponent = exponent_of(currency) if is_currency(currency) else 2
    # Decimals as given, padded to the currency's ("7,5" -> 7.50, "60,00" -> 60.00); whole amounts stay whole.
    given = places and exponent and not best.group("k")
    amount = str(round_to(value, exponent)) if given else format_amount(value, exponent)
    if not 0 < Decimal(amount) <= MAX_AMOUNT:
        # Nothing, less than the currency's smallest coin ("$0.004"), or more than the ledger can hold: ask.
        return None
    before, after = text[: best.start()], text[best.end() :]
    if SHARE.search(before):
        # "dinner was 120, my share 60": the whole and the words for the share are not the description.
        before = _AMOUNT.sub(" ", SHARE.sub(" ", before))
    rest = re.sub(r"\s+", " ", before + " " + after).strip()
    return Amount(amount, currency, rest)


@dataclass(frozen=True)
class Price:
    """A number in the text that prices something (counts and labels left out), where it stands."""

    value: Decimal
    start: int
    end: int


def prices(text: str) -> list[Price]:
    """Every number of `text` that reads as a price, in order: "costco 90 60 groceries 30 household" has three."""
    found = []
    for match in _AMOUNT.finditer(text):
        if _is_count(text, match):
            continue
        value, _ = _number(match.group("num"))
        found.append(Price(value * 1000 if match.group("k") else value, match.start(), match.end()))
    return found
