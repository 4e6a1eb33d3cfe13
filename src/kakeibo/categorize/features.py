"""What the categorizer sees of a transaction (`TxnText`) and the plain, deterministic features drawn from it."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class TxnText:
    payee: str  # cleaned payee, e.g. "Blue Bottle Coffee" (may be empty)
    description: str  # raw bank text / memo / free-text note
    amount_minor: int  # signed, money out negative
    account: str  # account name ("" if unknown)
    day: int  # day of month 1..31


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_APOSTROPHES = re.compile(r"['’`´]")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_HAS_DIGIT = re.compile(r"[0-9]")


# Bank text repeats (the same payee every month), and one prediction folds the same string several times: memoise.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII-ish text: accents stripped ("Café" -> "cafe"), apostrophes dropped ("McDonald's" ->
    "mcdonalds"), "+" spelled out ("Disney+" -> "disney plus"), every other run of punctuation a single space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _APOSTROPHES.sub("", text.lower()).replace("+", " plus ")
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def match_tokens(text: str) -> tuple[str, ...]:
    """Tokens for the merchant matcher: folded, and letters split from digits so that "SAFEWAY0123" and
    "7ELEVEN" read as "safeway 0123" and "7 eleven" (patterns are split the same way, so both sides agree)."""
    return tuple(_LETTER_DIGIT.sub(" ", fold(text)).split())


@lru_cache(maxsize=1 << 16)
def word_tokens(text: str) -> tuple[str, ...]:
    """Tokens for the learned model: folded words, minus reference numbers and ids ("2K4L19", "57444321") that
    differ on every statement line; short numbers ("2 plates", "o2", "1kg") are kept."""
    return tuple(t for t in fold(text).split() if len(t) <= 3 or not _HAS_DIGIT.search(t))


def payee_key(text: TxnText) -> str:
    """The key under which a household's earlier choices for "the same payee" are remembered: the folded payee
    without reference numbers, or the description's when there is no payee. Empty when there is nothing to go on."""
    source = text.payee if text.payee.strip() else text.description
    return " ".join(word_tokens(source))


def amount_bucket(amount_minor: int) -> int:
    """Half-octave bucket of the absolute amount (0 for zero): 1.00 and 1.40 differ, 120.00 and 130.00 do not."""
    size = abs(amount_minor)
    return 0 if size == 0 else 1 + int(2 * math.log2(size))


def day_bucket(day: int) -> str:
    """Where in the month: salaries and rent cluster at its turn, bills at fixed days."""
    if day <= 0:
        return "unknown"
    if day <= 3 or day >= 28:
        return "turn"
    if day <= 10:
        return "early"
    if day <= 20:
        return "mid"
    return "late"


def sign_of(amount_minor: int) -> str:
    return "out" if amount_minor < 0 else "in" if amount_minor > 0 else "zero"


def word_features(text: TxnText) -> list[str]:
    """Payee words (prefixed "p:" so a payee word outweighs the same word in a memo) and description words, plus
    adjacent-word pairs of each ("uber eats" is not "uber")."""
    features: list[str] = []
    for prefix, source in (("p:", text.payee), ("", text.description)):
        words = word_tokens(source)
        features.extend(prefix + w for w in words)
        features.extend(f"{prefix}{a}_{b}" for a, b in pairwise(words))
    return features


def char_ngrams(text: TxnText, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (like scikit-learn's "char_wb") over payee and description, so that
    "STARBUCKS #1234" and "Starbucks Coffee" share most of their features and typos still land close."""
    features: list[str] = []
    # Each distinct word once: the payee usually repeats words of the description, and that is no extra evidence.
    for word in dict.fromkeys(word_tokens(text.payee) + word_tokens(text.description)):
        features.extend(_word_ngrams(word, low, high))
    return features


@lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    padded = f" {word} "
    size = len(padded)
    return tuple(padded[i : i + n] for n in range(low, min(high, size) + 1) for i in range(size - n + 1))


def context_features(text: TxnText) -> list[str]:
    """One-hot facts other than words: amount sign and size, the exact amount (subscriptions and standing orders
    repeat it), account, day of month."""
    sign = sign_of(text.amount_minor)
    bucket = amount_bucket(text.amount_minor)
    account = " ".join(fold(text.account).split()) or "?"
    features = [
        f"sign={sign}",
        f"amount={sign}{bucket}",
        f"amount~{sign}{bucket // 2}",
        f"exact={text.amount_minor}",
        f"account={account}",
        f"account,sign={account},{sign}",
        f"day={text.day}",
        f"daypart={day_bucket(text.day)}",
    ]
    if not text.payee.strip() and not text.description.strip():
        features.append("no-text")
    return features
