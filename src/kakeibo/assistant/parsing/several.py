"""Several amounts in one capture: one purchase split over categories ("costco 90, 60 groceries 30 household") or
several purchases ("38 at trader joe's and 12 at the pharmacy"). Never silently keep one part: a sentence with
several prices is either a split whose lines add up, several captures, or a question."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal

from kakeibo.assistant.intents import AddTransaction, AddTransactions, CaptureItem, Clarify, Intent, Split
from kakeibo.assistant.parsing.amounts import Price, prices
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.assistant.parsing.numbers import format_amount
from kakeibo.core.money import exponent_of, is_currency, round_to

SEPARATOR = "qqsepqq"  # a word no one says, standing for a comma, semicolon, colon or dash between parts
_MARKS = re.compile(r"\s*[,;]\s+|\s+[-–=+]\s+|\s*:\s+")
_UNMARK = re.compile(rf"\s*\b{SEPARATOR}\b\s*")
_PIECES = re.compile(rf"\s*\b(?:{SEPARATOR}(?: and(?: then)?| then)?|and then|then|and|plus)\b\s*")
# What joins a total to its lines: "walmart 120 - 80 of it groceries", "split the 90 at costco into 70 ...".
_SPLIT_CUE = re.compile(rf"\b(?:split|into|of it|of that|of which|including|incl|was|were|{SEPARATOR})\b|[=+]")
_REST = re.compile(r"\b(?:the )?(?:rest|remainder|remaining)\b")
_INCLUDING = re.compile(r"\b(?:including|incl|of which|with)\b")
_HALVES = re.compile(r"\bhalf (?P<one>[a-z& ]+?) (?:and )?half (?P<other>[a-z& ]+)$")
_SHARED = re.compile(r"\b(?:my|our) (?:share|half|part|portion|cut)\b")
_HEAD_NOISE = re.compile(rf"\b(?:split(?: the)?|into|including|incl|of which|{SEPARATOR})\b")

Capture = Callable[[str], Intent]
CategoryOf = Callable[[str, str | None], str | None]  # (the words, the purchase's category) -> a category


def mark(text: str) -> str:
    """`text` with the punctuation between parts kept as a word, so normalizing does not erase it."""
    return _MARKS.sub(f" {SEPARATOR} ", text)


def unmark(text: str) -> str:
    return _UNMARK.sub(" ", text).strip()


def several(
    marked: str,
    *,
    today: datetime.date,
    capture: Capture,
    category_of: CategoryOf,
    mask: Callable[[str], str] = lambda text: text,
) -> Intent | None:
    """The split or the several captures `marked` (normalized, number words as digits, parts marked) says, a
    question when it has several prices that read as neither, and None when it has one price. `mask` takes out
    what holds numbers that are no prices (a merchant's name: "24 hour fitness")."""
    plain = unmark(marked)
    if _SHARED.search(plain) or (len(prices(mask(_undated(plain, today)))) < 2 and not _HALVES.search(plain)):
        return None  # one price ("dinner was 120, my share 60" is one amount: the household's share)
    dates = find_dates(plain, today)
    undated = _undated(marked, today)
    found = prices(undated)
    split = _split(undated, found, capture=capture, category_of=category_of)
    if split is not None:
        return split if dates is None else split.model_copy(update={"date": dates.start})
    if len(found) < 2:
        return None
    return _items(marked, today=today, capture=capture)


def _undated(text: str, today: datetime.date) -> str:
    """`text` without its dates, whose numbers are no prices ("on nov 20")."""
    for _ in range(4):
        found = find_dates(text, today)
        if found is None:
            break
        text = found.text
    return text


def _money(value: Decimal, currency: str) -> str:
    places = exponent_of(currency) if is_currency(currency) else 2
    return format_amount(round_to(value, places), places)


def _split(plain: str, found: list[Price], *, capture: Capture, category_of: CategoryOf) -> AddTransaction | None:
    if not found:
        return None
    total = found[0]
    lines = found[1:]
    head_text = plain[: lines[0].start] if lines else plain[: total.end]
    head = capture(re.sub(r"\s+", " ", _HEAD_NOISE.sub(" ", head_text)).strip())
    if not isinstance(head, AddTransaction) or head.type != "expense" or Decimal(head.amount) != total.value:
        return None
    currency = head.currency
    parts: list[tuple[Decimal, str]] = []  # (amount, the words that say its category)
    tail = plain[total.end :]
    if not lines:
        halves = _HALVES.search(tail)
        if halves is None:
            return None
        half = round_to(total.value / 2, exponent_of(currency) if is_currency(currency) else 2)
        parts = [(total.value - half, halves.group("one")), (half, halves.group("other"))]
    elif len(lines) == 1:
        line = lines[0]
        after = plain[line.end :]
        rest = _REST.search(after)
        if rest is not None and line.value < total.value:
            parts = [(line.value, after[: rest.start()]), (total.value - line.value, after[rest.end() :])]
        elif _INCLUDING.search(plain[total.end : line.start]) and line.value < total.value:
            parts = [(total.value - line.value, ""), (line.value, after)]
        else:
            return None
    else:
        if sum(line.value for line in lines) != total.value:
            return None
        ends = [line.start for line in lines[1:]] + [len(plain)]
        parts = [(line.value, plain[line.end : end]) for line, end in zip(lines, ends, strict=True)]
        if not unmark(parts[-1][1]):
            return None  # "groceries 50, gas 30 and coffee 20": each price after its words, purchase by purchase
    categories = [category_of(words, head.category) if words.strip() else None for _, words in parts]
    cued = bool(_SPLIT_CUE.search(plain[total.end : lines[0].start])) if lines else True
    if not cued and head.category is not None and head.category not in categories:
        return None  # "groceries 50, gas 30 and coffee 20": three purchases that happen to add up, not a split
    if head.category is None and None in categories:
        return None
    splits = [
        Split(category=category or str(head.category), amount=_money(amount, currency))
        for (amount, _), category in zip(parts, categories, strict=True)
    ]
    return AddTransaction.model_validate({**head.model_dump(), "category": None, "splits": splits})


def _items(marked: str, *, today: datetime.date, capture: Capture) -> Intent:
    """Several captures, one per part that has its own price; parts without one join the next ("two ubers, 18 and
    24"). A date said once ("20 on lunch and 6 on coffee yesterday") is the date of every part."""
    groups: list[str] = []
    waiting = ""
    for piece in (p for p in _PIECES.split(marked) if p.strip()):
        if not prices(_undated(piece, today)):
            waiting = f"{waiting} {piece}".strip()
            continue
        groups.append(f"{waiting} {piece}".strip())
        waiting = ""
    if waiting and groups:
        groups[-1] = f"{groups[-1]} {waiting}"
    if len(groups) < 2 or any(len(prices(_undated(group, today))) != 1 for group in groups):
        return _ask(marked)
    dated = [find_dates(group, today) is not None for group in groups]
    items: list[CaptureItem] = []
    for group in groups:
        item = capture(group)
        if not isinstance(item, AddTransaction):
            return _ask(marked)
        items.append(CaptureItem.model_validate(item.model_dump(exclude={"kind"})))
    if sum(dated) == 1:
        said = items[dated.index(True)].date
        items = [item.model_copy(update={"date": said}) for item in items]
    # "two ubers, 18 and 24": a part with nothing but its price is another of the one before.
    for index in range(1, len(items)):
        if items[index].description is None and items[index].category is None and items[index].type != "transfer":
            before = items[index - 1]
            items[index] = items[index].model_copy(
                update={"description": before.description, "category": before.category}
            )
    return AddTransactions(items=items)


def _ask(marked: str) -> Clarify:
    heard = ", ".join(format_amount(p.value) for p in prices(unmark(marked)))
    return Clarify(
        question=f"I heard several amounts ({heard}). Say each purchase with its amount, joined by “and”, "
        "or one per message.",
        missing=["items"],
    )
