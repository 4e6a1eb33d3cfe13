"""The built-in merchant knowledge base: raw bank text -> a well-known merchant and its default-taxonomy category,
for households whose own model has not learned anything yet (data in `kakeibo/data/merchants.yaml`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from kakeibo.categorize.features import TxnText, match_tokens
from kakeibo.ledger.taxonomy import default_taxonomy

MERCHANT_TIER = 1  # a named merchant ("Shell") always beats ...
KEYWORD_TIER = 0  # ... a generic word ("parking")
_MIN_GLUED = 5  # "whole foods" is also indexed as "wholefoods"; "m s" is not indexed as "ms"


@dataclass(frozen=True, slots=True)
class MerchantMatch:
    merchant: str  # canonical name, "Starbucks"
    category: str  # "Group/Category" path in the default taxonomy, e.g. "Food & Dining/Coffee"
    pattern: str  # what matched, for the explanation


@dataclass(frozen=True, slots=True)
class MerchantPattern:
    """One way of recognising one merchant (or one generic keyword) in bank text."""

    merchant: str
    category: str
    pattern: str  # as written in merchants.yaml
    tokens: tuple[str, ...]  # what is looked for: consecutive tokens of `match_tokens(text)`
    tier: int
    specificity: int  # tokens in the pattern as written (a glued variant keeps its original's)
    income_only: bool  # income categories only fit money coming in
    order: int  # position in the file, the last tie-breaker so that results never depend on hashing
    rank: tuple[int, int, int]  # specificity: tier, then words in the pattern as written, then letters


class MerchantIndex:
    """Patterns indexed by their first token: a lookup per token of the text, no regex alternation to walk."""

    def __init__(self, patterns: Iterable[MerchantPattern]) -> None:
        self.patterns = tuple(patterns)
        # One-word patterns by their word, longer ones by their first two words: a text token costs one or two
        # dict lookups, and only patterns of three words or more are compared beyond that.
        self._single: dict[str, list[MerchantPattern]] = {}
        self._double: dict[tuple[str, str], list[MerchantPattern]] = {}
        for pattern in self.patterns:
            if len(pattern.tokens) == 1:
                self._single.setdefault(pattern.tokens[0], []).append(pattern)
            else:
                self._double.setdefault((pattern.tokens[0], pattern.tokens[1]), []).append(pattern)
        # The same payee comes back every month, and the model asks about each transaction more than once.
        self._match_fields = lru_cache(maxsize=1 << 16)(self._match_uncached)

    def match(self, text: TxnText) -> MerchantMatch | None:
        """The most specific pattern found in the payee or the description: one whose kind fits the amount's sign
        first, then a merchant over a keyword, then more words, then more letters, then the earliest in the text."""
        sign = (text.amount_minor > 0) - (text.amount_minor < 0)
        return self._match_fields(text.payee, text.description, sign)

    def _match_uncached(self, payee: str, description: str, sign: int) -> MerchantMatch | None:
        # The hot loop of an import's categorizing (descriptions with store numbers rarely repeat, so the memo
        # misses): no list is built per token, and most tokens cost two dict lookups that find nothing.
        best: MerchantPattern | None = None
        best_key: tuple[int, tuple[int, int, int], int, int] | None = None
        money_in = sign > 0
        money_out = sign < 0
        single, double = self._single, self._double
        for field, source in enumerate((payee, description)):
            if not source:
                continue
            tokens = match_tokens(source)
            last = len(tokens) - 1
            for start, token in enumerate(tokens):
                ones = single.get(token)
                pairs = double.get((token, tokens[start + 1])) if start < last else None
                if ones is None and pairs is None:
                    continue
                for group in (ones, pairs):
                    if group is None:
                        continue
                    for pattern in group:
                        size = len(pattern.tokens)
                        if size > 2 and tokens[start : start + size] != pattern.tokens:
                            continue
                        if pattern.income_only and money_out:
                            continue
                        fits_sign = 1 if (pattern.income_only or not money_in) else 0
                        key = (fits_sign, pattern.rank, -(field * 1000 + start), -pattern.order)
                        if best_key is None or key > best_key:
                            best, best_key = pattern, key
        if best is None:
            return None
        return MerchantMatch(merchant=best.merchant, category=best.category, pattern=best.pattern)


def _string_list(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"merchants.yaml: {where} must be a list of strings (quote numbers and yes/no words)")
    return value


def _mapping(value: object, where: str) -> Mapping[object, object]:
    if not isinstance(value, dict):
        raise ValueError(f"merchants.yaml: {where} must be a mapping")
    return value


def load_yaml(text: str) -> object:
    """`yaml.safe_load` through libyaml where PyYAML was built with it: the pure-Python parser takes over a second
    for merchants.yaml, at the first import or categorization of every process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # a safe loader either way: plain data, never objects


def parse_merchants(text: str) -> MerchantIndex:
    """Build an index from merchants.yaml text (see the file's header for its layout)."""
    raw = _mapping(load_yaml(text), "the document")
    income_groups = {group.name for group in default_taxonomy() if group.kind == "income"}
    patterns: list[MerchantPattern] = []

    def add(merchant: str, category: str, written: str, tier: int) -> None:
        tokens = tuple(match_tokens(written))
        if not tokens:
            raise ValueError(f"merchants.yaml: pattern {written!r} of {merchant!r} has no letters or digits")
        income_only = category.split("/", 1)[0] in income_groups
        variants = [tokens]
        glued = "".join(tokens)
        if len(tokens) > 1 and len(glued) >= _MIN_GLUED and glued.isalpha():
            variants.append((glued,))
        for variant in variants:
            patterns.append(
                MerchantPattern(
                    merchant=merchant,
                    category=category,
                    pattern=written,
                    tokens=variant,
                    tier=tier,
                    specificity=len(tokens),
                    income_only=income_only,
                    order=len(patterns),
                    rank=(tier, len(tokens), sum(map(len, variant))),
                )
            )

    for category, merchants in _mapping(raw.get("merchants"), "merchants").items():
        if not isinstance(category, str):
            raise ValueError(f"merchants.yaml: category {category!r} is not a string")
        for merchant, extra in _mapping(merchants, category).items():
            if not isinstance(merchant, str):
                raise ValueError(f"merchants.yaml: merchant {merchant!r} under {category} is not a string")
            listed = _string_list(extra, f"{category}/{merchant}")
            name_tokens = match_tokens(merchant)
            # A one-word name ("Next", "Orange") is too common a word to match unless the file says so.
            name_is_pattern = not listed or (len(name_tokens) > 1 and not any(t.isdigit() for t in name_tokens))
            for written in dict.fromkeys([merchant, *listed] if name_is_pattern else listed):
                add(merchant, category, written, MERCHANT_TIER)
    for category, words in _mapping(raw.get("keywords"), "keywords").items():
        if not isinstance(category, str):
            raise ValueError(f"merchants.yaml: keyword category {category!r} is not a string")
        for word in _string_list(words, f"keywords/{category}"):
            add(word.title() if len(word) > 3 else word.upper(), category, word, KEYWORD_TIER)
    return MerchantIndex(patterns)


@lru_cache(maxsize=1)
def default_merchants() -> MerchantIndex:
    """The knowledge base shipped with kakeibo, parsed once per process."""
    return parse_merchants(resources.files("kakeibo.data").joinpath("merchants.yaml").read_text(encoding="utf-8"))


def match_merchant(text: TxnText) -> MerchantMatch | None:
    """The well-known merchant (or generic keyword such as "PHARMACY") in a transaction's text, if any."""
    return default_merchants().match(text)
