"""Typos in the words the parser looks for ("grocerys", "starbuks", "tuseday", "vsia"): a word it does not know is
read as the one word of its lexicon (categories, merchants, accounts, months, weekdays, question words) within a
small edit distance (optimal string alignment, so a swap of two letters is one edit), unless it is an English word
in its own right ("lamp" is not "lamb"). rapidfuzz computes the distances; pyspellchecker's English word list says
what is a word, loaded only when a correction is about to be made."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

# Three-letter slips are too close to real words to guess by distance; these are the common ones.
_SHORT = {"teh": "the", "hwo": "how", "wat": "what", "wht": "what", "hw": "how", "mch": "much", "tht": "that"}
_WORD = re.compile(r"(?<![\w'$€£¥₹₩.,-])[a-z][a-z']{2,}(?![\w'])")


class Lexicon:
    """The words corrections may land on (`targets`; `preferred` ones win a tie: category words over merchants'
    abbreviations) and every word left as it is (`known`)."""

    def __init__(self, targets: Iterable[str], known: Iterable[str] = (), preferred: Iterable[str] = ()) -> None:
        self.targets = tuple(sorted({t for t in targets if len(t) >= 4 and t.isalpha()}))
        self.known = frozenset(known) | frozenset(self.targets)
        self.preferred = frozenset(preferred)

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """`text` (lower case, normalized) with its misspelt words replaced, and what each replacement stands for
        (corrected -> as typed), so that a description can keep the words as the person typed them."""
        changed: dict[str, str] = {}

        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            fixed = self._word(word)
            if fixed != word:
                changed[fixed] = word
            return fixed

        return _WORD.sub(replace, text), changed

    def _word(self, word: str) -> str:
        if word in self.known or "'" in word:
            return word
        if word in _SHORT:
            return _SHORT[word]
        if len(word) < 4:
            return word
        limit = 1 if len(word) < 8 else 2
        found = process.extract(word, self.targets, scorer=OSA.distance, score_cutoff=limit, limit=6)
        if not found:
            return word
        ranked = sorted(
            (distance, Indel.distance(word, name), name not in self.preferred, -len(name), name)
            for name, distance, _ in ((str(c), d, i) for c, d, i in found)
        )
        best = ranked[0]
        if len(ranked) > 1 and ranked[1][:4] == best[:4]:
            return word  # two words as close: no guess
        fixed = best[4]
        if len(word) == 4 and sorted(word) != sorted(fixed):
            return word  # a four-letter word is corrected only for two swapped letters ("vsia")
        if fixed == word[:-1] and not re.search(r"[^aeiou]y$", fixed):
            return word  # a plural ("two ubers") is no typo; "grocerys" is
        if _is_english(word):
            return word
        return fixed


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from spellchecker import SpellChecker  # a 160,000-word list: loaded only when a correction is considered

    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)


def _is_english(word: str) -> bool:
    return word in _english()
