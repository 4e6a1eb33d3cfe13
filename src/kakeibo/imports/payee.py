"""Payee cleaning: "SQ *BLUE BOTTLE COFFEE #123 SF" -> "Blue Bottle Coffee", so rules and the categorizer see
one merchant where the bank prints a hundred variants. Deterministic, regexes compiled once, results memoised."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_payee", "payee_key"]

# Card processors and bank boilerplate in front of the merchant; stripped repeatedly ("POS DEBIT 1234 ...").
_PROCESSOR = re.compile(r"^(?:SQU?|SQC|TST|PAYPAL|PP|SP|DD|IN|PY|BT|WPY|EB|ZTL|PAR|CKE|FSP|LS|TOAST)\s?\*\s*", re.I)
_BOILERPLATE = re.compile(
    r"""^(?:
        (?:POS|VISA|MC|DEBIT\s+CARD|CARD|CHECK\s*CARD|CHECKCARD|DBT|DDA)\s+
            (?:DEBIT|PURCHASE|PUR|TRANSACTION|WITHDRAWAL|PMT|PAYMENT)(?:\s+WITH\s+PIN)?
        |POS|CHECKCARD|CHECK\s+CARD|DEBIT\s+CARD|VISA\s+DDA\s+PUR|DBT\s+CRD\s+\d+
        |(?:RECURRING\s+)?(?:PURCHASE|PAYMENT)\s+AUTHORIZED\s+ON\s+\d{1,2}/\d{1,2}
        |RECURRING\s+(?:PAYMENT|DEBIT|CHARGE)|PREAUTHORIZED\s+(?:DEBIT|CREDIT)|PRE-?AUTH(?:ORIZED)?
        |ACH\s+(?:DEBIT|CREDIT|WITHDRAWAL|DEPOSIT|PMT|PAYMENT|TRANSFER)|ACH
        |ELECTRONIC\s+(?:PAYMENT|WITHDRAWAL|DEPOSIT)|ONLINE\s+(?:PAYMENT|PURCHASE|TRANSFER)(?:\s+TO)?
        |BILL\s+PAYMENT|DIRECT\s+DEBIT|PURCHASE|PMT|DEBIT|WITHDRAWAL
    )\b[\s:\-]*""",
    re.I | re.X,
)
# Card tails, MMDD dates and terminal numbers left in front after the boilerplate ("1234 ", "03/12 ", "XXXX1234 ",
# "#12 "); one or two digits alone are the name's own ("24 Hour Fitness", "99 Ranch Market").
_LEADING_NUMBERS = re.compile(r"^(?:(?:[#*X]+\d[\d/\-.]*|\d{3,}[\d/\-.]*|\d+[/\-.][\d/\-.]*)\s+)+", re.I)
# A run of 3+ spaces separates the merchant from the city in card networks' fixed-width fields.
_COLUMN_GAP = re.compile(r"\s{3,}")
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9\-]*)(?:\.[a-z0-9\-]+)*\.(?:com|net|org|io|co|us|uk|de|fr|app|tv|me)\b(?:/\S*)?",
    re.I,
)
_WHITESPACE = re.compile(r"\s+")
_HAS_DIGIT = re.compile(r"[#\d]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "`": "'"})

# Merchants whose bank spellings are far from their names; matched at the start of the stripped text.
_ALIAS_TABLE: tuple[tuple[str, str], ...] = (
    (r"(?:AMZN|AMAZON)\s*PRIME\b|PRIME\s*VIDEO\b", "Amazon Prime"),
    (r"AMZN\b|AMZN\s*MKTP|AMAZON\b|AMAZON\.|AMAZON\s*MKTPL", "Amazon"),
    (r"WHOLEFDS\b|WHOLE\s*FOODS\b", "Whole Foods"),
    (r"UBER\s*EATS\b|UBEREATS\b", "Uber Eats"),
    (r"UBER\b", "Uber"),
    (r"LYFT\b", "Lyft"),
    (r"STARBUCKS\b|SBUX\b", "Starbucks"),
    (r"SHELL\b", "Shell"),
    (r"NETFLIX\b", "Netflix"),
    (r"SPOTIFY\b", "Spotify"),
    (r"WAL-?MART\b|WM\s+SUPERCENTER\b", "Walmart"),
    (r"TARGET\b", "Target"),
    (r"COSTCO\b", "Costco"),
    (r"TRADER\s+JOE", "Trader Joe's"),
    (r"MCDONALD", "McDonald's"),
    (r"CHIPOTLE\b", "Chipotle"),
    (r"APPLE\.COM|APL\s?\*|APPLE\s+STORE\b|ITUNES\b", "Apple"),
    (r"GOOGLE\b", "Google"),
    (r"DOORDASH\b", "DoorDash"),
    (r"GRUBHUB\b", "Grubhub"),
    (r"INSTACART\b", "Instacart"),
    (r"7[-\s]?ELEVEN\b", "7-Eleven"),
    (r"CVS\b", "CVS"),
    (r"WALGREENS\b", "Walgreens"),
    (r"(?:THE\s+)?HOME\s+DEPOT\b", "The Home Depot"),
    (r"LOWE'?S\b", "Lowe's"),
    (r"KROGER\b", "Kroger"),
    (r"SAFEWAY\b", "Safeway"),
    (r"CHEVRON\b", "Chevron"),
    (r"EXXON", "ExxonMobil"),
    (r"DUNKIN\b", "Dunkin'"),
    (r"USPS\b", "USPS"),
    (r"AT&T\b|ATT\s?\*", "AT&T"),
    (r"VERIZON\b|VZWRLSS\b", "Verizon"),
    (r"COMCAST\b", "Comcast"),
    (r"XFINITY\b", "Xfinity"),
    (r"EBAY\b", "eBay"),
    (r"IKEA\b", "IKEA"),
    (r"AIRBNB\b", "Airbnb"),
    (r"DISNEY\s*(?:PLUS|\+)", "Disney+"),
    (r"HULU\b", "Hulu"),
    (r"VENMO\b", "Venmo"),
    (r"PAYPAL\b", "PayPal"),
    (r"TESCO\b", "Tesco"),
    (r"SAINSBURY", "Sainsbury's"),
    (r"LIDL\b", "Lidl"),
    (r"ALDI\b", "Aldi"),
    (r"REWE\b", "REWE"),
)
# One alternation tried once instead of one regex per merchant: the first alternative that matches wins.
_ALIASES = re.compile("|".join(f"(?P<a{i}>{pattern})" for i, (pattern, _) in enumerate(_ALIAS_TABLE)), re.I)
_ALIAS_NAMES = {f"a{i}": name for i, (_, name) in enumerate(_ALIAS_TABLE)}


def _alias(text: str) -> str | None:
    match = _ALIASES.match(text)
    return _ALIAS_NAMES[match.lastgroup] if match is not None and match.lastgroup else None


_TRAILING_NOISE = frozenset({"STORE", "STORES", "STR", "INC", "INC.", "LLC", "LTD", "CORP", "CO", "#", "-", "/"})
_US_STATES = frozenset(
    {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA"}
    | {"ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK"}
    | {"OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}
)
_ACRONYMS = frozenset(
    {"ATM", "USPS", "UPS", "CVS", "AT&T", "BP", "KFC", "IHOP", "AMC", "HBO", "DMV", "IRS", "USA", "UK"}
)
_SPELLINGS = {"GMBH": "GmbH", "MCDONALDS": "McDonald's", "EBAY": "eBay", "IPHONE": "iPhone", "AG": "AG", "KG": "KG"}
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "de", "la", "du"})


def _strip_prefixes(text: str) -> str:
    for _ in range(4):
        before = text
        text = _PROCESSOR.sub("", text)
        text = _BOILERPLATE.sub("", text)
        text = _LEADING_NUMBERS.sub("", text)
        if text == before:
            break
    return text


def _title_word(word: str, first: bool) -> str:
    upper = word.upper()
    if upper in _ACRONYMS:
        return upper
    if upper in _SPELLINGS:
        return _SPELLINGS[upper]
    lower = word.lower()
    if not first and lower in _SMALL_WORDS:
        return lower
    chars = list(lower)
    capitalize_next = True
    for i, char in enumerate(chars):
        if char.isalpha():
            if capitalize_next:
                chars[i] = char.upper()
            capitalize_next = False
        elif char in "-./&":
            capitalize_next = True
        elif char == "'":
            # "O'BRIEN" -> "O'Brien", but "JOE'S" -> "Joe's".
            capitalize_next = i == 1
    return "".join(chars)


def _title(text: str) -> str:
    return " ".join(_title_word(word, i == 0) for i, word in enumerate(text.split()))


@lru_cache(maxsize=16384)
def clean_payee(raw: str) -> str:
    """The merchant's name without processor prefixes, store numbers, card tails, dates, places and reference
    codes, in title case when the bank shouts. Never empty for a non-empty input."""
    original = _WHITESPACE.sub(" ", raw.translate(_APOSTROPHES)).strip()
    if not original:
        return raw.strip()
    text = _strip_prefixes(raw.translate(_APOSTROPHES).strip())
    alias = _alias(text)
    if alias:
        return alias
    text = _COLUMN_GAP.split(text.strip(), maxsplit=1)[0]
    if "*" in text:
        before, _, after = text.partition("*")
        text = before if before.strip() else after
    domain = _DOMAIN.fullmatch(text.strip()) if "." in text else None
    if domain:
        text = domain[1]
    elif "." in text:
        text = _DOMAIN.sub(" ", text)
    tokens = _WHITESPACE.sub(" ", text).strip().split(" ")
    cut = next((i for i, token in enumerate(tokens) if i > 0 and _HAS_DIGIT.search(token)), None)
    if cut is not None:
        tokens = tokens[:cut]
    shouting = not any(c.islower() for c in text) and any(c.isupper() for c in text)
    while len(tokens) > 1 and tokens[-1].upper() in _TRAILING_NOISE:
        tokens.pop()
    if shouting and len(tokens) >= 3 and tokens[-1] in _US_STATES:
        tokens.pop()
    cleaned = " ".join(token for token in tokens if token).strip(" -*#/,;:")
    if not cleaned:
        return original
    alias = _alias(cleaned)
    if alias:
        return alias
    if shouting or domain:
        cleaned = _title(cleaned)
    return cleaned


_KEY_DROP = re.compile(r"['’`]")
_KEY_SPACE = re.compile(r"[\W_]+")


def payee_key(cleaned: str) -> str:
    """A matching key: accents and punctuation dropped, casefolded ("Joe's Café" -> "joes cafe")."""
    decomposed = unicodedata.normalize("NFKD", cleaned)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _KEY_SPACE.sub(" ", _KEY_DROP.sub("", plain).casefold()).strip()
