"""The offline parser: one utterance, today's date and the household's vocabulary in, one validated intent out.

Pure and deterministic: no database, no network, no model. Text is data; nothing here executes anything.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal, cast

from pydantic import ValidationError

from kakeibo.assistant.intents import (
    AddTransaction,
    AddTransactions,
    Changes,
    Clarify,
    CorrectLast,
    DeleteTransaction,
    Intent,
    Metric,
    Query,
    Target,
    Undo,
    UndoScope,
    Unsupported,
    UpdateTransaction,
)
from kakeibo.assistant.parsing import insights, planning, questions, several, spelling
from kakeibo.assistant.parsing.amounts import Amount, find_amount
from kakeibo.assistant.parsing.dates import MONTHS, WEEKDAYS, find_dates, find_periods
from kakeibo.assistant.parsing.numbers import SCALES, TENS, UNITS, words_to_digits
from kakeibo.categorize.features import TxnText
from kakeibo.categorize.merchants import MERCHANT_TIER, default_merchants, match_merchant
from kakeibo.core.periods import month_of, month_start
from kakeibo.ledger.taxonomy import default_taxonomy


@dataclass(frozen=True)
class Vocabulary:
    """What the household calls things: its categories, accounts and the merchants it has already categorized."""

    categories: tuple[str, ...]  # "Group/Category" paths
    accounts: tuple[str, ...] = ()  # account names, e.g. ("Checking", "Savings", "Visa")
    merchants: dict[str, str] = field(default_factory=dict)  # known merchant (lower case) -> "Group/Category"
    base_currency: str = "USD"

    @cached_property
    def merchant_names(self) -> tuple[str, ...]:
        """The known merchants in order (the lexicon's cache key), computed once per vocabulary."""
        return tuple(sorted(self.merchants))

    @cached_property
    def merchants_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.merchants, key=len, reverse=True))

    @classmethod
    def default(cls, accounts: tuple[str, ...] = (), base_currency: str = "USD") -> Vocabulary:
        categories = tuple(f"{group.name}/{name}" for group in default_taxonomy() for name in group.categories)
        return cls(categories=categories, accounts=tuple(accounts), base_currency=base_currency)


# --- words -> categories ----------------------------------------------------------------------------------------

_KEYWORDS: dict[str, str] = {}
for _path, _words in {
    "Food & Dining/Restaurants": "lunch dinner breakfast brunch restaurant restaurants meal dining out eating out eaten out ate out sushi",
    "Food & Dining/Groceries": "groceries grocery supermarket grocery store",
    "Food & Dining/Coffee": "coffee coffees latte cappuccino espresso cafe coffee shop",
    "Food & Dining/Fast Food": "fast food burger burgers",
    "Food & Dining/Food Delivery": "takeout delivery food delivery",
    "Food & Dining/Bars & Alcohol": "beer beers drinks bar wine cocktails",
    "Transportation/Fuel": "gas fuel petrol gas station tank filled up fill up",
    "Transportation/Taxi & Rideshare": "uber lyft taxi cab rideshare",
    "Transportation/Public Transit": "bus train subway metro transit bus pass train ticket",
    "Transportation/Parking & Tolls": "parking toll tolls",
    "Transportation/Car Maintenance": "oil change car repair car repairs car wash",
    "Housing/Rent": "rent",
    "Housing/Mortgage": "mortgage",
    "Housing/Furniture & Home Goods": "furniture sofa couch mattress",
    "Utilities/Electricity": "electricity electric bill power bill",
    "Utilities/Water": "water bill",
    "Utilities/Internet": "internet wifi",
    "Utilities/Phone": "phone bill cell phone bill sim card",
    "Income/Salary": "salary paycheck payroll wages got paid",
    "Income/Bonus": "bonus",
    "Income/Freelance": "freelance freelancing client invoice",
    "Income/Dividends": "dividend dividends",
    "Income/Refunds": "refund",
    "Shopping/Clothing": "clothes clothing shoes jacket shirt jeans dress",
    "Shopping/Electronics": "laptop headphones electronics iphone tv",
    "Shopping/Books": "book books",
    "Health/Pharmacy": "pharmacy medicine prescription prescriptions",
    "Health/Doctor": "doctor",
    "Health/Dentist": "dentist",
    "Health/Fitness & Gym": "gym",
    "Entertainment/Movies & Events": "movie movies cinema concert tickets movie tickets",
    "Entertainment/Games": "game games video game",
    "Entertainment/Streaming Services": "streaming",
    "Travel/Flights": "flight flights airfare plane ticket",
    "Travel/Hotels": "hotel hotels",
    "Travel/Car Rental": "car rental rental car",
    "Travel/Vacation": "vacation",
    "Personal Care/Hair & Beauty": "haircut barber salon makeup cosmetics",
    "Personal Care/Laundry & Dry Cleaning": "laundry dry cleaning",
    "Family & Kids/Childcare": "daycare babysitter childcare",
    "Family & Kids/Toys": "toys toy",
    "Shopping/Household Supplies": "household stuff household supplies cleaning supplies",
    "Pets/Pet Food": "dog food cat food pet food",
    "Pets/Veterinary": "vet",
    "Giving/Charity": "charity donation",
    "Giving/Gifts Given": "gift present birthday present",
    "Financial/Bank Fees": "bank fee bank fees",
    "Financial/Taxes": "taxes",
}.items():
    for _phrase in ("dining out", "eating out", "eaten out", "ate out", "grocery store", "coffee shop", "fast food", "food delivery",
                    "gas station", "bus pass", "train ticket", "oil change", "car repairs", "car repair", "car wash",
                    "electric bill", "power bill", "water bill", "phone bill", "cell phone bill", "got paid",
                    "movie tickets", "video game", "plane ticket", "car rental", "rental car", "dry cleaning",
                    "dog food", "cat food", "pet food", "birthday present", "bank fee", "bank fees", "filled up",
                    "fill up", "sim card", "household stuff", "household supplies", "cleaning supplies"):  # fmt: skip
        if f" {_phrase} " in f" {_words} ":
            _KEYWORDS[_phrase] = _path
            _words = f" {_words} ".replace(f" {_phrase} ", " ")
    for _word in _words.split():  # the words left once the phrases are taken out
        _KEYWORDS.setdefault(_word, _path)
# Words that say what kind of money came in, where the same word spent would be another category ("rent").
_INCOME_KEYWORDS = [
    (re.compile(r"\b(?:" + words + r")\b"), path)
    for path, words in {
        "Income/Gifts Received": "grandma|grandpa|grandparents|parents|mom|dad|aunt|uncle|birthday money|gifts?",
        "Income/Rental Income": "rent|tenant|payout",
        "Income/Salary": "direct deposit",
        "Income/Freelance": "tutoring|client|invoice|freelance|consulting",
        "Income/Other Income": "cash ?back|rewards?|reimburs\\w*|sold",
    }.items()
]
# Query-only: words that name a whole group.
_GROUP_WORDS = {
    "dining": "Food & Dining",
    "food": "Food & Dining",
    "transport": "Transportation",
    "car": "Transportation",
    "kids": "Family & Kids",
    "children": "Family & Kids",
}


@lru_cache(maxsize=64)
def _phrase_table(categories: tuple[str, ...], groups_too: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    known = set(categories)
    group_names = {path.split("/", 1)[0] for path in categories}
    for path in categories:
        leaf = path.split("/", 1)[1].lower()
        table[leaf] = path
        for part in re.split(r" & |, ", leaf):
            table.setdefault(part, path)
    for phrase, path in _KEYWORDS.items():
        if path in known:
            table[phrase] = path  # our words beat a leaf name's fragments ("gas" is fuel)
    if groups_too:
        for group in group_names:
            table[group.lower()] = group
            table.setdefault(group.lower().replace(" & ", " and "), group)
        for word, group in _GROUP_WORDS.items():
            if group in group_names:
                table[word] = group
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern, table


def _category_in(text: str, vocabulary: Vocabulary, *, groups_too: bool) -> str | None:
    pattern, table = _phrase_table(vocabulary.categories, groups_too)
    match = pattern.search(text)
    return table[match.group(0)] if match else None


@lru_cache(maxsize=1)
def _keyword_merchants() -> frozenset[str]:
    return frozenset(p.merchant for p in default_merchants().patterns if p.tier != MERCHANT_TIER)


def _title(name: str) -> str:
    """ "trader joe's" → "Trader Joe's" (str.title would give "Joe'S")."""
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


@dataclass(frozen=True)
class Merchant:
    name: str
    category: str | None


def _merchant_in(text: str, vocabulary: Vocabulary, *, income: bool = False) -> Merchant | None:
    """A named merchant: one from the household's history first, then a well-known one."""
    for known in vocabulary.merchants_longest_first:
        if re.search(r"\b" + re.escape(known) + r"\b", text):
            category = vocabulary.merchants[known]
            return Merchant(_title(known), category if category in vocabulary.categories else None)
    found = match_merchant(TxnText(payee=text, description="", amount_minor=1 if income else -1, account="", day=1))
    if income and (found is None or found.merchant in _keyword_merchants()):
        found = match_merchant(TxnText(payee=text, description="", amount_minor=-1, account="", day=1))
        if found is not None and found.merchant not in _keyword_merchants():
            return Merchant(found.merchant, None)  # a shop paying money back: the name, not its spending category
    if found is None or found.merchant in _keyword_merchants():
        return None
    return Merchant(found.merchant, found.category if found.category in vocabulary.categories else None)


def _categorize(text: str, vocabulary: Vocabulary, merchant: Merchant | None, *, income: bool) -> str | None:
    explicit = re.search(r"\b(?:for|under|as|category|categori[sz]ed as)\s+(?:the\s+)?(?P<what>[a-z& ]+)", text)
    if explicit:
        found = _category_in(explicit.group("what"), vocabulary, groups_too=False)
        if found and found.startswith("Income/") == income:
            return found
    if merchant and merchant.category:
        return merchant.category
    if income:
        said = next((path for pattern, path in _INCOME_KEYWORDS if pattern.search(text)), None)
        if said in vocabulary.categories:
            return said
    found = _category_in(text, vocabulary, groups_too=False)
    if found and found.startswith("Income/") == income:
        return found
    match = match_merchant(TxnText(payee=text, description="", amount_minor=1 if income else -1, account="", day=1))
    if match and match.category in vocabulary.categories and match.category.startswith("Income/") == income:
        return match.category
    return None


# --- accounts ---------------------------------------------------------------------------------------------------

_GENERIC_ACCOUNTS = ("checking", "savings", "cash", "visa", "mastercard", "amex", "credit card", "debit card")


def _account_names(vocabulary: Vocabulary) -> dict[str, str]:
    names = {name.lower(): name for name in vocabulary.accounts}
    if not names:
        names = {name: name.title() for name in _GENERIC_ACCOUNTS}
    return names


def _accounts_in(text: str, vocabulary: Vocabulary) -> tuple[list[tuple[int, str, str]], str]:
    """Accounts named in `text` as (position, name, preceding word), and the text without them."""
    names = _account_names(vocabulary)
    pattern = re.compile(
        r"\b(?P<prep>from|to|towards?|into|in|with|on|using|via|by|out of|off)?\s*(?:my |the |our )?(?P<name>"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?: (?:card|account))?\b"
    )
    found = [
        (m.start(), names[m.group("name")], "to" if m.group("prep") in ("toward", "towards") else m.group("prep") or "")
        for m in pattern.finditer(text)
    ]
    return found, re.sub(r"\s+", " ", pattern.sub(" ", text)).strip()


# --- the grammar ------------------------------------------------------------------------------------------------

_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,30}\b(?:instructions?|prompts?|rules)\b|\bsystem prompt\b|\bjailbreak\b"
    r"|\byou are now\b|\bdeveloper mode\b|\bpretend (?:to be|you)\b"
)
_MARKUP = re.compile(r"<\s*/?\s*[a-z!][^<>]*>|\bjavascript:|\{\{|\$\{")
_UNDO = re.compile(
    r"(?:(?:oops|oh no|no|nope|please|can you|could you|hey)[, ]+)*"
    r"(?:undo|revert|roll ?back|reverse|take back|take (?:that|it) back|cancel|undo undo|scratch that|strike that)"
    r"(?: (?:that|it|this|please|(?:the |my |your )?(?:last|previous|latest) ?(?:change|action|edit|one|entry|thing|"
    r"transaction|step)?|what (?:you|i) just did|the change|that change))*"
)
# An undo that names something made elsewhere: an import, a bulk recategorization, someone else's change.
_UNDO_NAMED = re.compile(
    r"(?:(?:oops|oh no|no|nope|please|can you|could you|hey)[, ]+)*"
    r"(?:undo|revert|roll ?back|reverse|take back|cancel)\b(?P<rest>.*)"
)
_UNDO_WHAT: list[tuple[re.Pattern[str], UndoScope]] = [
    (re.compile(r"\b(?:import|imports|imported|upload|uploaded|csv|statement|bank file)\b"), "import"),
    (re.compile(r"\b(?:recategori[sz]\w*|re-?categori[sz]\w*|categor(?:y|ies) (?:changes?|updates?|edits?)|bulk)\b"),
     "recategorization"),
    (re.compile(r"\b(?:anyone|anybody|someone|somebody|everyone|household|whoever)\b|\bwhatever (?!i\b)\w+ "
                r"(?:just )?did\b|\b(?!i\b)\w+'s (?:last )?(?:change|edit)\b"), "change"),
]  # fmt: skip
_MASS = re.compile(
    r"\b(?:delete|remove|erase|wipe|clear|drop|purge|destroy|reset|change|update|recategori[sz]e|rename|edit|"
    r"modify|set|mark|categori[sz]e|move|fix)\b.*\b(?:all|every|everything|each|entire|any)\b"
    r"|\b(?:wipe|clear|reset|drop|erase|delete|purge|destroy|truncate)\b.*\b(?:database|db|ledger|data|history|"
    r"records|tables?|everything)\b"
)
_OFF_TOPIC = re.compile(
    r"\b(?:weather|poem|joke|haiku|story|song|recipe|essay|translate|capital of|president|football|"
    r"score|horoscope|meaning of life|who are you|sing|news)\b|^(?:hi|hello|hey|thanks|thank you)$"
)
_DELETE = re.compile(r"(?:please )?(?:delete|remove|erase|cancel|get rid of|drop|trash|scrap)\b(?P<rest>.*)")
_UPDATE = re.compile(
    r"(?:please )?(?:change|update|edit|fix|correct|make|set|modify|recategori[sz]e|categori[sz]e|rename|switch|"
    r"move)\b(?P<target>.+?) (?:to|into|as) (?:be )?(?P<value>.+)"
)
_ACTUALLY = re.compile(
    r"(?:no,? |oops,? |actually,? |wait,? )*(?P<target>(?:the|that|my|this|yesterday'?s|today'?s) .+?) "
    r"(?:was actually|is actually|was really|should be|should have been|should've been|was supposed to be|"
    r"actually cost|actually was|cost) (?P<value>.+?)(?:,? not .*)?"
)
# "that uber was 42", "oops, the coffee was 4.50": a correction of an amount, not a new expense.
_WAS = re.compile(
    r"(?:(?:no|oops|actually|wait|sorry|sorry,? i meant)[, ]+)*(?P<target>(?:that|this|it)(?: .+?)?|"
    r"(?:the|my) last .+?|(?:(?:no|oops|actually|wait|sorry)[, ]+)+(?:the|my) .+?) "
    r"(?:was|is|should be|should have been|should've been) (?P<value>[$€£¥]?\d[\d,.]*k?"
    r"(?: (?:dollars|bucks|euros|pounds|yen))?)(?:,? not .*)?"
)
# "no, 25", "wrong card, it was the amex", "that was yesterday": a correction of what was just captured, said
# without naming it. A cue (an "oops" or a "that was") is needed, and every word after it must be understood.
_CORRECTION = re.compile(
    r"(?P<cue>(?:(?:no|nope|oops|actually|wait|sorry|typo|my bad|correction|whoops|oh|hmm|"
    r"wrong (?:card|account|amount|price|date|day|category|store|merchant|place|one))\s+)*)"
    r"(?P<verb>(?:(?:it|that|this)(?: one)? (?:was|is|should be|should have been|should've been|was actually|"
    r"is actually|went on|was paid with|came out of)|it's|that's|should have been|should've been|should be|"
    r"(?:make|change|set) (?:it|that|this)(?: to)?|put (?:it|that|this)|(?:i )?meant) )?"
    r"(?P<value>.+?)(?: (?:not|instead of|rather than) .+)?"
)
_CORRECTION_FILLER = {"and", "the", "on", "to", "in", "with", "from", "my", "card", "account", "it", "was", "a", "of"}
# Something written as an amount that cannot be one: finer than a cent, malformed ("4.5.6"), not a number, or
# more than the ledger can hold. With no usable amount beside it, the assistant asks rather than guesses.
_UNUSABLE_AMOUNT = re.compile(
    r"\d+(?:\.\d+){2,}|[$€£¥₹₩]\s?\d*\.?\d+|\b(?:nan|inf|infinity)\b|\b(?:half|quarter|fraction|part) (?:of )?"
    r"(?:a |one )?cents?\b|\d*\.?\d+\s?cents?\b|\d{16,}"
)
# A number that counts the answer's rows, not money: "top 3 stores", "my 3 biggest categories", "which 10 places".
_RANKING = re.compile(
    r"\b(?:top|biggest|largest|smallest|highest|lowest|which|what)\s+\d{1,3}\b(?!\s?(?:dollars?|bucks|euros?|pounds?|"
    r"usd|eur|gbp|cents?)\b)|\b\d{1,3}\s+(?:biggest|largest|smallest|most expensive|priciest|cheapest|top|highest|"
    r"lowest)\b"
)
# Advice, plans and reminders are not records of money that moved, whatever numbers they carry.
_ADVICE = re.compile(
    r"^(?:should (?:i|we)|shall (?:i|we)|what if|what would happen|would it|is it (?:worth|better|wise)|"
    r"can (?:i|we) afford|how (?:long|much) (?:would|will) it take|remind me|set (?:a|up a) reminder|"
    r"when should)\b"
)
_ATM = re.compile(r"\b(?:atm|cash machine|withdrew|withdrawal|withdraw|took out|take out)\b")
_PAY_OFF = re.compile(r"\bpa(?:y|id|ying) (?:off|down)\b")
_QUESTION = re.compile(
    r"(?:how|what|what's|whats|which|where|when|show|list|give me|tell me|display|did i|do i|have i|am i|is my|"
    r"are|total|sum|get|find|forecast|predict|project|average|compare|break ?down|can i see|i want to see|"
    r"my)\b"
)
_METRIC_WORDS = re.compile(
    r"\b(?:spending|spend|spent|income|net worth|savings rate|saving rate|budget|biggest|largest|transactions|"
    r"balance|forecast|average|expenses|earned|earn)\b"
)
# Questions that start with their subject: "most recent uber", "last netflix charge?", "groceries vs last month".
_ROUND_TWO_QUESTION = re.compile(
    r"^(?:most recent|last|first|latest|count|number of|rank|top|lifetime|cash on hand|combined|monthly average|"
    r"did (?:we|i|the|my|our)|is \w+ costing|avg|on average|biggest|most expensive|whens)\b|"
    r"\b(?:vs\.?|versus|compared (?:to|with)|how many|how often)\b|\?$"
)
_TRANSFER = re.compile(r"\b(?:moved?|moving|transfer(?:red)?|sent|send|put)\b")
_INCOME = re.compile(
    r"\binterest (?:from|on|earned|income|payment)\b|\b(?:earned|got|received) (?:\S+ )?interest\b|"
    r"\b(?:got paid|get paid|salary|paycheck|payday|pay day|received|receive|earned|deposit(?:ed)?|income|refund(?:ed)?"
    r"|reimburse(?:d|ment)?|bonus|dividends?|made|sold|wages)\b"
)
# Money in without the word income: "client paid the invoice", "my parents gave us 500", "airbnb payout 640".
_INCOME_PHRASE = re.compile(
    r"\b(?:client|customer|tenant|employer|work|they|he|she) (?:paid|reimbursed|sent)\b|\bpaid me\b|"
    r"\bgave (?:me|us)\b|\bpayout\b|\bdirect deposit\b|\bcash ?back\b|\breward\b|\bfrom (?:grandma|grandpa|"
    r"my parents|parents|mom|dad|my mom|my dad)\b|\bbirthday money\b|\btutoring\b|\bcame (?:through|in)\b"
)
# Money back for a purchase: it credits the purchase's category. A tax refund, a rebate or a reimbursement from
# work is income instead.
_REFUND = re.compile(
    r"\brefund(?:ed|s)?\b|\breturn(?:ed|s)?\b|\b(?:got|get|gave \w+|giving \w+)(?: \S+){0,4} back\b|"
    r"\bmoney back\b|\bcredit(?:ed)? (?:us|me|my|the)\b|\bcredited\b"
)
_NOT_A_REFUND = re.compile(r"\btax (?:refund|return)\b|\breimburs|\brebate\b|\bcash ?back\b")
_REFUND_WORDS = re.compile(
    r"\b(?:refund(?:ed|s)?|return(?:ed|s)?|credit(?:ed)?|gave|got|get|giving|back|money|me|us|my|a)\b|\bbecause\b.*$"
)
_INCOME_NOISE = re.compile(
    r"\b(?:got|get|received?|earned|deposited|(?<!direct )deposit|into|was|were|made|came through|came in|hit|"
    r"arrived|landed|paid out|paid me|paid|gave us|gave me|gave|client|customer|tenant|employer|work|reimbursed|"
    r"sold|sent)\b"
)
# Generic patterns of the merchant list that are better said as the words ("tax refund", not "IRS Tax Refund").
_GENERIC_MERCHANTS = {"IRS Tax Refund": "tax refund"}
_CAPTURE_CUE = re.compile(
    r"\b(?:spent|spend|paid|pay|bought|buy|purchased|got|had|grabbed|ordered|add|log|record|cost|charged|bill)\b"
)
_STOP = set(
    [
        "i",
        "i've",
        "ive",
        "me",
        "my",
        "we",
        "our",
        "the",
        "a",
        "an",
        "some",
        "that",
        "this",
        "those",
        "it",
        "its",
        "was",
        "is",
        "were",
        "for",
        "on",
        "at",
        "to",
        "from",
        "in",
        "with",
        "using",
        "via",
        "by",
        "spent",
        "spend",
        "paid",
        "pay",
        "bought",
        "buy",
        "purchased",
        "purchase",
        "got",
        "get",
        "had",
        "grabbed",
        "ordered",
        "add",
        "log",
        "record",
        "please",
        "just",
        "today",
        "yesterday",
        "and",
        "of",
        "cost",
        "charged",
        "dollars",
        "bucks",
        "transaction",
        "entry",
        "expense",
        "charge",
        "payment",
        "one",
        "ride",
        "trip",
        "also",
        "donated",
        "donate",
    ]
)
_TARGET_NOISE = {"ride", "trip", "transaction", "entry", "purchase", "expense", "charge", "payment", "one", "record"}
_TARGET_NOISE |= {"last", "latest", "recent", "most", "order", "bill", "category", "amount", "price", "cost", "total"}
_DAY_POSSESSIVE = re.compile(r"\b(yesterday|today|tonight|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s\b")
_MAKE = re.compile(r"(?:please )?(?:make|set) (?P<target>.+?) (?P<value>[$€£¥]?\d[\d,.]*k?)")


def normalize(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"!?]+|[.,;:]+(?=\s|$)", " ", text)
    text = _DAY_POSSESSIVE.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _short_text(text: str, *, keep: set[str] | None = None) -> str | None:
    words = [w for w in re.findall(r"[a-z0-9&'][a-z0-9&'.-]*", text) if w not in _STOP or (keep and w in keep)]
    return " ".join(words[:4]) or None


# Words around a price that are not what was bought: counts ("2 tickets", "a 12 pack of beer", "table for 4"),
# "total", and where it was ("dinner in paris").
_COUNT_WORDS = re.compile(
    r"\b(?:table for|party of) \d+\b|\b(?:a )?\d+ packs? of\b|\b\d+ (?=(?:[a-z]+ )?[a-z]+(?<!s)s\b)|\b(?:in )?total\b"
)
_WHERE = re.compile(r"\bin (?!the\b|my\b|cash\b)[a-z]+$")


def _description(text: str, vocabulary: Vocabulary, merchant: Merchant | None) -> str | None:
    if merchant:
        return merchant.name
    text = re.sub(r"\s+", " ", _COUNT_WORDS.sub(" ", text)).strip()
    where = _WHERE.search(text)
    if where and not _category_in(where.group(0), vocabulary, groups_too=False):
        text = text[: where.start()].strip()
    place = re.search(r"\b(?:at|from) (?:the |a )?(?P<what>[a-z0-9&' .-]+?)(?= for | on | with | using |$)", text)
    if place:
        return _short_text(place.group("what"))
    thing = re.search(
        r"\b(?:on|for) (?:the |a |an |some |my )?(?P<what>[a-z0-9&' .-]+?)(?= at | with | using |$)", text
    )
    if thing:
        return _short_text(thing.group("what"))
    return _short_text(text)


def _target(text: str, today: datetime.date, vocabulary: Vocabulary) -> Target:
    ident = re.search(r"(?:#|\b(?:transaction|id|number) #?)(?P<id>\d+)\b", text)
    if ident:
        return Target(id=int(ident.group("id")))
    dates = find_dates(text, today)
    day = None
    if dates is not None:
        day, text = dates.start, dates.text
    amount = find_amount(text, vocabulary.base_currency)
    if amount is not None:
        text = amount.text
    _, text = _accounts_in(text, vocabulary)
    merchant = _merchant_in(text, vocabulary)
    words = [w for w in re.findall(r"[a-z0-9&'][a-z0-9&'.-]*", text) if w not in _STOP and w not in _TARGET_NOISE]
    description = merchant.name if merchant else (" ".join(words) or None)
    return Target(date=day, description=description, amount=amount.value if amount else None)


def _changes(value: str, today: datetime.date, vocabulary: Vocabulary, usual: str | None = None) -> Changes | None:
    """What to change, from the words after "to"/"should be". `usual` is the target merchant's own category, used
    when only a group is named ("the netflix charge should be entertainment" → Entertainment/Streaming)."""
    value = re.sub(r"^(?:be |the |a )", "", value.strip())
    amount = find_amount(value, vocabulary.base_currency)
    if amount is not None and not re.search(r"[a-z]{3,}", amount.text.replace("dollars", "")):
        return Changes(amount=amount.value)
    dates = find_dates(value, today) or find_dates(f"on the {value}", today)
    if dates is not None and not dates.text:
        return Changes(date=dates.start)
    category = _category_in(value, vocabulary, groups_too=False)
    if category is None:
        group = _category_in(value, vocabulary, groups_too=True)
        if group is not None:
            # A transaction takes a category, not a group: the merchant's own one in that group, else the first.
            category = (
                usual
                if usual and usual.startswith(group + "/")
                else next((c for c in vocabulary.categories if c.startswith(group + "/")), None)
            )
    if category is not None:
        return Changes(category=category)
    if amount is not None:
        return Changes(amount=amount.value)
    return Changes(description=value) if value else None


def _correction(text: str, today: datetime.date, vocabulary: Vocabulary) -> CorrectLast | None:
    """The changes of a correction of the last capture, or None when `text` does not read entirely as one."""
    found = _CORRECTION.fullmatch(text)
    if found is None or not (found.group("cue") or found.group("verb")):
        return None
    value = found.group("value")
    if re.search(r"\bto\b", value):
        return None  # "change that lunch to 20" names what it changes: an update of that transaction
    changes: dict[str, str | datetime.date] = {}
    place = re.search(r"\bat (?:the )?(?P<what>[a-z0-9&' .-]+)$", value)
    if place:
        merchant = _merchant_in(place.group("what"), vocabulary)
        changes["description"] = merchant.name if merchant else _title(place.group("what").strip())
        value = value[: place.start()]
    ordinal = re.search(r"\b\d{1,2}(?:st|nd|rd|th)\b", value)
    dates = find_dates(value, today) or (find_dates(f"on the {value}", today) if ordinal else None)
    if dates is not None:
        changes["date"], value = dates.start, dates.text.removeprefix("on the").strip()
    accounts, value = _accounts_in(value, vocabulary)
    if accounts:
        changes["account"] = accounts[0][1]
    amount = find_amount(value, vocabulary.base_currency)
    if amount is not None:
        changes["amount"], value = amount.value, amount.text
    pattern, table = _phrase_table(vocabulary.categories, False)
    category = pattern.search(value)
    if category is not None:
        changes["category"] = table[category.group(0)]
        value = value[: category.start()] + " " + value[category.end() :]
    leftover = [w for w in re.findall(r"[a-z0-9&'$€£¥.]+", value) if w not in _CORRECTION_FILLER]
    if leftover or not changes:
        return None
    return CorrectLast(changes=Changes.model_validate(changes))


_METRICS: list[tuple[re.Pattern[str], Metric]] = [
    (re.compile(r"\bnet ?worth\b|\bworth\b"), "net_worth"),
    (re.compile(r"\bsav(?:ings?|e) rate\b|\bhow much (?:did|do|have) i save"), "savings_rate"),
    (re.compile(r"\b(?:forecast|predict|project(?:ed|ion)?|expect to spend|will i spend|going to spend)\b"), "forecast"),
    (re.compile(r"\b(?:average|avg|typical(?:ly)?|on average|usually (?:spend|pay)\b.*\ba month)\b"), "average_spending"),
    (re.compile(r"\bbudget\b"), "budget_remaining"),
    (re.compile(r"\b(?:biggest|largest|most expensive|highest|top|priciest)\b"), "largest_expense"),
    (re.compile(r"\bbalance\b|\bhow much (?:money )?(?:do i have|is (?:left )?in|have i got)\b|\bwhat'?s in\b|"
                r"\b(?:owe|owing|owed|debt|outstanding)\b"), "balance"),
    (re.compile(r"\b(?:net|cash ?flow)\b"), "net"),
    (re.compile(r"\b(?:income|earn|earned|earnings|make|made|got paid|get paid|receive|received)\b"), "income"),
    (re.compile(r"\b(?:transactions|purchases|charges|payments|buy|bought)\b|^(?:show|list|display)\b(?!.*\bspend)"), "transactions"),
    (re.compile(r"^how much (?:on|for|at)\b|\b(?:spend|spent|spending|cost|costs|pay|paid|expenses|expense|outgoings)\b|\b(?:went|go|goes|going) (?:to|on|towards)\b"), "spending"),
]  # fmt: skip
_GROUP_BY = [
    (re.compile(r"\b(?:by|per|each|for every) (?:category|categories)\b|\bcategory breakdown\b"), "category"),
    (re.compile(r"\b(?:by|per|each|for every) (?:merchant|store|shop|payee)s?\b"), "merchant"),
    (re.compile(r"\b(?:by|per|each|every) month\b|\bmonth by month\b|\bmonthly\b"), "month"),
]


def _period_and_comparison(
    text: str, today: datetime.date, *, compare: bool
) -> tuple[datetime.date | None, datetime.date | None, datetime.date | None, datetime.date | None, str]:
    """The period asked about and, in a comparison, the other one: "october than september" names both; "more than
    last month" names one, compared with the current period of the same unit; "this month than last" the one before."""
    if not compare:
        dates = find_dates(text, today)
        if dates is None:
            return None, None, None, None, text
        return dates.start, dates.end, None, None, dates.text
    periods, text = find_periods(text, today)
    if not periods:
        return None, None, None, None, text
    if len(periods) == 2:
        (start, end), (other_start, other_end) = periods
    elif re.search(r"\bthan last\b|\bvs\.? last\b|\bto last\b", text):
        (start, end), (other_start, other_end) = periods[0], questions.previous_of(periods[0])
    else:
        (other_start, other_end) = periods[0]
        start, end = questions.same_unit_now(periods[0], today)
    return start, end, other_start, other_end, text


def _subject(text: str, vocabulary: Vocabulary, metric: Metric) -> tuple[str | None, Merchant | None]:
    """The category or merchant a question is about (a merchant first: "at costco" is Costco, not groceries)."""
    rest = re.sub(
        r"\b(?:biggest|largest|top|highest|average|avg|monthly|budget|forecast|income|earnings|spending|expenses?)\b",
        " ",
        text,
    )
    merchant = _merchant_in(rest, vocabulary, income=metric == "income")
    category = None
    if merchant is None:
        category = _category_in(rest, vocabulary, groups_too=True)
        place = re.search(r"\bat (?:the )?(?P<what>[a-z0-9&' .-]+?)(?= (?:in|this|last|on|during|since|by) |$)", rest)
        if category is None and place:
            merchant = Merchant(_title(place.group("what")), None)
    return category, merchant


def _planning_subject(text: str, vocabulary: Vocabulary) -> planning.Subject:
    merchant = _merchant_in(text, vocabulary)
    category = _category_in(text, vocabulary, groups_too=True)
    return planning.Subject(category, merchant.name if merchant else None, merchant.category if merchant else None)


# A capture said around planning words ("paid 50 toward the trip", "spent 30 on the upcoming trip") stays a capture.
_PLANNING_CAPTURE = re.compile(r"^(?:i )?(?:paid|spent|bought|got|received|earned|put|moved|transferred|sent)\b")


def _planning(words: str, today: datetime.date, vocabulary: Vocabulary) -> Intent | None:
    """A budget set, a due date or a goal asked about (issue 12), or None: another kind of sentence."""

    def subject_of(text: str) -> planning.Subject:
        return _planning_subject(text, vocabulary)

    if planning.is_set_budget(words):
        return planning.set_budget(words, today, subject_of=subject_of, base_currency=vocabulary.base_currency)
    if _PLANNING_CAPTURE.match(words):
        return None
    dates = find_dates(words, today)
    priced = find_amount(planning.without_horizon(dates.text if dates else words), vocabulary.base_currency)
    if priced is not None:
        return None  # "rent 1450 due on the 1st", "50 for the trip fund": an amount is a capture's
    if planning.is_due(words) and not questions.RECURRING.search(words):
        return planning.recurring_due(words, today, subject_of=subject_of)
    if planning.SUBSCRIPTIONS.search(words):
        return parse_query(words, today, vocabulary)  # "yearly cost of my subscriptions"
    if planning.is_goal(words) and not _names_an_account(words, vocabulary):
        return planning.goal_status(words)
    return None


def _insight(words: str, today: datetime.date, vocabulary: Vocabulary) -> Intent | None:
    """A forecast of months ahead, what is unusual, or the health score (issue 13), or None: another sentence."""
    kind = insights.kind_of(words)
    if kind is None or _PLANNING_CAPTURE.match(words):
        return None
    text, start, end = words, None, None
    said = insights.months_ahead(text, today) if kind == "forecast" else None
    if said is not None:
        start, end, text = said
    else:
        dates = find_dates(text, today)
        if dates is not None:
            start, end, text = dates.start, dates.end, dates.text
    if kind == "forecast" and start is None and insights.this_month_said(words):
        month = month_of(today)
        start, end = month.start, month.last
    if kind == "forecast" and start is not None and end is not None:
        start, end = insights.ahead(month_start(start), month_of(end).last, today)
    if kind == "health":
        return Query(metric="health", start=start, end=end)
    accounts, text = _accounts_in(text, vocabulary)
    category, merchant = _subject(text, vocabulary, "spending")
    if kind == "forecast":
        category = category or (merchant.category if merchant else None)
        return Query(metric="forecast", category=category, start=start, end=end)
    return Query(
        metric="anomalies",
        category=category,
        merchant=merchant.name if merchant else None,
        account=accounts[0][1] if accounts else None,
        start=start,
        end=end,
    )


def _names_an_account(text: str, vocabulary: Vocabulary) -> bool:
    """An account called like a goal ("Emergency Fund"): "how much is in my emergency fund" is its balance."""
    if re.search(r"\bgoals?\b", text):
        return False
    return any(re.search(r"\b" + re.escape(name.lower()) + r"\b", text) for name in vocabulary.accounts if " " in name)


def parse_query(text: str, today: datetime.date, vocabulary: Vocabulary) -> Intent:
    kind = questions.account_kind_of(text)
    if kind is not None:
        return Query(metric="balance", account_kind=kind)
    ranking = questions.ranking_of(text)
    if ranking is not None:
        text = ranking.text
    metric: Metric | None = None
    if questions.RECURRING.search(text) and not re.search(r"\b(?:average|avg|typical)\b", text):
        metric = "recurring"
    elif questions.INCOME_VS_SPENDING.search(text):
        metric = "income_vs_spending"
    elif questions.COUNT.search(text):
        metric = "count"
        text = questions.COUNT_NOISE.sub(" ", text)
    elif ranking is None and not re.search(r"\b(?:biggest|largest|most expensive)\b", text):
        last_first = questions.last_or_first(text)
        if last_first is not None:
            metric = cast(Metric, last_first[0])
            text = last_first[1]
    if metric is None and re.search(r"\bsaving more\b", text):
        metric = "savings_rate"
    if metric is None and re.search(r"\b(?:largest|biggest) deposit\b", text):
        metric = "income"  # no largest-income metric: the closest is the income itself
    if metric is None and re.search(r"\bthe most (?:i|we) (?:ever )?paid\b", text):
        metric = "largest_expense"
    if metric is None and planning.lists_recurring(
        text, period_named=find_dates(text, today) is not None, subject=_planning_subject(text, vocabulary)
    ):
        metric = "recurring"  # "what subscriptions do I have", "how much is netflix a month"
    if metric is None and planning.BUDGET_QUESTION.search(text):
        metric = "budget_remaining"  # "how much can I still spend on eating out"
    if metric is None:
        metric = next((m for pattern, m in _METRICS if pattern.search(text)), None)
    if metric is None and (questions.COMPARISON.search(text) or re.search(r"^how much\b", text)):
        metric = "spending"  # "groceries this month vs last month", "how much have we given to charity"
    if metric == "average_spending" and re.search(r"\b(?:income|earn|earned|earnings|make|made)\b", text):
        metric = "income"  # no average-income metric: income over the same complete months is the closest
        average = True
    else:
        average = metric == "average_spending"
    if ranking is not None:
        if ranking.group_by is None:
            metric = "largest_expense"
        elif metric not in ("income", "spending"):
            metric = "spending"
    if metric is None:
        return Unsupported(reason="I can answer questions about your spending, income, balances and budgets.")
    group_by = next((g for pattern, g in _GROUP_BY if pattern.search(text)), None)
    if average and group_by == "month":
        group_by = None  # "average monthly spending" is the average itself, not a breakdown
    if metric == "recurring":
        group_by = None
    compare = metric != "income_vs_spending" and bool(questions.COMPARISON.search(text))
    breakdown_of_two: str | None = None
    if compare:
        # "costco or trader joes", "restaurants vs groceries": two of one kind are a breakdown of one period.
        dates = find_dates(text, today)
        sides = questions.ALTERNATIVES.split(dates.text if dates else text, maxsplit=1)
        if len(sides) == 2:
            first, second = (_subject(side, vocabulary, metric) for side in sides)
            if first[1] and second[1]:
                breakdown_of_two = "merchant"
            elif first[0] and second[0]:
                breakdown_of_two = "category"
        compare = breakdown_of_two is None
    start, end, compare_start, compare_end, text = _period_and_comparison(text, today, compare=compare)
    all_time = bool(questions.ALL_TIME.search(text))
    text = questions.ALL_TIME.sub(" ", text)
    if average:
        start, end = questions.complete_months(start, end, today)
    accounts, text = _accounts_in(re.sub(r"\bsav(?:ings?|e) rate\b", " ", text), vocabulary)
    account = accounts[0][1] if accounts and metric not in ("savings_rate", "net_worth") else None
    category, merchant = _subject(text, vocabulary, metric)
    if breakdown_of_two is not None:
        group_by, category, merchant = breakdown_of_two, None, None
    if category and metric in ("net_worth", "savings_rate", "income_vs_spending"):
        category = None
    if metric == "recurring" and planning.SUBSCRIPTIONS.search(text):
        category, merchant = "Subscriptions", None
    if metric == "budget_remaining" and merchant is not None:
        # A budget is a category's: "the uber budget" is the one of Uber's category.
        category, merchant = category or merchant.category, None
    if ranking is not None and ranking.group_by == "merchant":
        merchant = None  # a ranking of merchants has no one merchant
        group_by = "merchant"
    elif ranking is not None and ranking.group_by == "category":
        category, group_by = None, "category"
    del all_time  # all time is a period left unnamed: start and end stay null
    return Query(
        metric=metric,
        category=category,
        merchant=merchant.name if merchant else None,
        account=account,
        start=start,
        end=end,
        group_by=group_by,
        limit=ranking.limit if ranking else None,
        order=cast(Literal["asc", "desc"], ranking.order) if ranking and ranking.order else None,
        compare_start=compare_start,
        compare_end=compare_end,
    )


_KRONA = re.compile(r"\d\s?kr\b|\bkr\.?\s?\d")
_NORDIC = ("SEK", "NOK", "DKK", "ISK")


def _amount_beside_merchant(text: str, vocabulary: Vocabulary) -> Amount | None:
    """The amount, where a number in a merchant's name ("24 hour fitness 39.99", "7-eleven 4") is not one."""
    merchant = _merchant_in(text, vocabulary)
    named = merchant.name.lower() if merchant and re.search(r"\d", merchant.name) else None
    if named is None or named not in text:
        return find_amount(text, vocabulary.base_currency)
    amount = find_amount(text.replace(named, "qqmerchantqq"), vocabulary.base_currency)
    return amount and Amount(amount.value, amount.currency, amount.text.replace("qqmerchantqq", named))


def _capture(text: str, today: datetime.date, vocabulary: Vocabulary) -> Intent:
    day = today
    dates = find_dates(text, today)
    if dates is not None:
        day, text = dates.start, dates.text
    if _KRONA.search(text) and vocabulary.base_currency not in _NORDIC:
        return Clarify(
            question="Which krona or krone was that: SEK, NOK, DKK or ISK?",
            missing=["currency"],
        )
    amount = _amount_beside_merchant(text, vocabulary)
    accounts, rest = _accounts_in(amount.text if amount else text, vocabulary)
    preps = {prep for _, _, prep in accounts}
    # "paid 40 to my visa from checking" moves money between two of the household's accounts: a transfer too.
    # "paid off the visa from checking": paying one's own card or loan moves money between accounts.
    paying_off = bool(accounts) and (
        bool(_PAY_OFF.search(text))
        or (len(accounts) >= 2 and bool(re.search(r"\bpa(?:y|id)\b", text)) and bool(preps & {"from", "out of"}))
    )
    # Cash from an ATM lands in the household's cash account, when it keeps one.
    cash = next((name for name in vocabulary.accounts if name.lower() in ("cash", "wallet")), None)
    withdrawal = cash is not None and bool(_ATM.search(text))
    if withdrawal:
        if all(name != cash for _, name, _ in accounts):
            accounts.append((len(text), str(cash), "to"))
        accounts = [(pos, name, "to" if name == cash else "from") for pos, name, _ in accounts]
        preps = {prep for _, _, prep in accounts}
    # "paid 300 towards the amex": a payment to one of the household's own accounts.
    paying_off = paying_off or (bool(re.search(r"\bpa(?:y|id)\b", text)) and "to" in preps and len(accounts) == 1)
    is_transfer = (
        paying_off
        or withdrawal
        or (bool(_TRANSFER.search(text)) and (len(accounts) >= 2 or bool(preps & {"to", "into"})))
        or (len(accounts) >= 2 and bool(preps & {"to", "into"}) and bool(preps & {"from", "out of", "off"}))
    )
    is_refund = not is_transfer and bool(_REFUND.search(text)) and not _NOT_A_REFUND.search(text)
    is_income = (
        not is_transfer
        and not is_refund
        and (bool(_INCOME.search(text)) or bool(_INCOME_PHRASE.search(text)))
        and not re.search(r"\bpaid (?:for|at)\b", text)
    )
    if amount is None:
        if _UNUSABLE_AMOUNT.search(text):
            return Clarify(
                question="I can't record that amount: it is less than a cent, too large or not a number. "
                "How much was it?",
                missing=["amount"],
            )
        if (
            _CAPTURE_CUE.search(text)
            or _category_in(text, vocabulary, groups_too=False)
            or _merchant_in(text, vocabulary)
        ):
            return Clarify(question="How much was it?", missing=["amount"])
        return Unsupported(reason="I did not understand that as a transaction or a question about your money.")
    if is_transfer:
        outgoing = ("from", "out of") if paying_off else ("from", "out of", "off")
        source = next((name for _, name, prep in accounts if prep in outgoing), None)
        destination = next((name for _, name, prep in accounts if prep in ("to", "into")), None)
        if destination is None and paying_off:
            destination = next((name for _, name, prep in accounts if prep not in outgoing), None)
        if source is None:
            source = next((name for _, name, _ in accounts if name != destination), None)
        if destination is None:
            destination = next((name for _, name, _ in accounts if name != source), None)
        return AddTransaction(
            type="transfer",
            amount=amount.value,
            currency=amount.currency,
            date=day,
            description=None,
            category=None,
            account=source,
            to_account=destination,
        )
    if is_refund:
        said = re.sub(r"\s+", " ", _REFUND_WORDS.sub(" ", rest)).strip()
        merchant = _merchant_in(rest, vocabulary)
        return AddTransaction(
            type="refund",
            amount=amount.value,
            currency=amount.currency,
            date=day,
            description=_description(said, vocabulary, merchant),
            category=_categorize(said, vocabulary, merchant, income=False),
            account=accounts[0][1] if accounts else None,
        )
    merchant = _merchant_in(rest, vocabulary, income=is_income)
    category = _categorize(rest, vocabulary, merchant, income=is_income)
    if is_income:
        payer = re.search(r"\bfrom (?:the |my |our )?(?P<who>[a-z][a-z' ]*?)(?= for | on | into | in |$)", rest)
        description = (
            (_GENERIC_MERCHANTS.get(merchant.name) or merchant.name)
            if merchant
            else _short_text(payer.group("who"))
            if payer
            else _short_text(_INCOME_NOISE.sub(" ", rest), keep=set())
        )
        if description in ("paid",):
            description = None
        if category is None and re.search(r"\b(?:got paid|get paid|paycheck|salary|wages|payday)\b", text):
            category = "Income/Salary" if "Income/Salary" in vocabulary.categories else None
    else:
        description = _description(rest, vocabulary, merchant)
    return AddTransaction(
        type="income" if is_income else "expense",
        amount=amount.value,
        currency=amount.currency,
        date=day,
        description=description,
        category=category,
        account=accounts[0][1] if accounts else None,
        to_account=None,
    )


def parse(text: str, *, today: datetime.date, vocabulary: Vocabulary) -> Intent:
    """The intent of one utterance. Never raises on odd input: what is not understood is `unsupported`, and what
    cannot be used as said (an amount a validator refuses, a date out of range) is a question."""
    try:
        return _parse(text, today=today, vocabulary=vocabulary)
    except (ValidationError, ArithmeticError, ValueError, OverflowError):
        # The grammar read something the intents refuse (their validators are the last word): ask, never fail.
        return Clarify(question="I could not use that as said. What was the amount, in digits?", missing=["amount"])


_QUESTION_WORDS = [
    "how",
    "what",
    "when",
    "where",
    "which",
    "much",
    "many",
    "spend",
    "spent",
    "spending",
    "month",
    "week",
    "year",
    "last",
    "this",
    "next",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "total",
    "average",
    "income",
    "expenses",
    "balance",
    "biggest",
    "largest",
    "since",
]


@lru_cache(maxsize=16)
def _lexicon(categories: tuple[str, ...], accounts: tuple[str, ...], merchants: tuple[str, ...]) -> spelling.Lexicon:
    words = {w for phrase in _KEYWORDS for w in phrase.split()}
    words |= {w for path in categories for w in re.findall(r"[a-z]+", path.lower())}
    words |= {w for name in accounts for w in re.findall(r"[a-z]+", name.lower())}
    words |= {w for name in merchants for w in re.findall(r"[a-z]+", name)}
    words |= {t for p in default_merchants().patterns for t in p.tokens if t.isalpha()}
    words |= {*MONTHS, *WEEKDAYS, *_QUESTION_WORDS, *_GENERIC_ACCOUNTS}
    preferred = {w for phrase in _KEYWORDS for w in phrase.split()} | {*MONTHS, *WEEKDAYS, *_QUESTION_WORDS}
    return spelling.Lexicon(targets=words, known={*_STOP, *UNITS, *TENS, *SCALES}, preferred=preferred)


def _parse(text: str, *, today: datetime.date, vocabulary: Vocabulary) -> Intent:
    marked = normalize(several.mark(text))
    norm = several.unmark(marked)
    if not norm:
        return Unsupported(reason="Say what you spent, earned or want to know.")
    if _INJECTION.search(norm):
        return Unsupported(reason="I only record transactions and answer questions; I do not take instructions.")
    if _MARKUP.search(norm):
        return Unsupported(reason="That reads as markup or code, not as something about your money.")
    lexicon = _lexicon(vocabulary.categories, vocabulary.accounts, vocabulary.merchant_names)
    marked, typed = lexicon.correct(marked)
    intent = _understood(several.unmark(marked), marked, today=today, vocabulary=vocabulary)
    return _as_typed(intent, typed) if typed else intent


def _as_typed(intent: Intent, typed: dict[str, str]) -> Intent:
    """A capture's description in the words as typed ("electrcity"), where a correction only served to understand
    it; a merchant's canonical name stays canonical."""

    def restore(description: str | None) -> str | None:
        if description is None:
            return None
        return " ".join(typed.get(word, word) for word in description.split(" "))

    if isinstance(intent, AddTransaction):
        return intent.model_copy(update={"description": restore(intent.description)})
    if isinstance(intent, AddTransactions):
        items = [item.model_copy(update={"description": restore(item.description)}) for item in intent.items]
        return AddTransactions(items=items)
    return intent


def _understood(norm: str, marked: str, *, today: datetime.date, vocabulary: Vocabulary) -> Intent:
    if _UNDO.fullmatch(norm):
        return Undo()
    named = _UNDO_NAMED.fullmatch(norm)
    if named:
        what = next((scope for pattern, scope in _UNDO_WHAT if pattern.search(named.group("rest"))), None)
        if what is not None:
            return Undo(what=what)
    # Before the refusals: "what's my health score" is the household's own score, no medical or credit question.
    insight = _insight(words_to_digits(norm), today, vocabulary)
    if insight is not None:
        return insight
    if _MASS.search(norm):
        return Unsupported(reason="I change one transaction at a time; changing many records at once is not supported.")
    if _ADVICE.search(norm):
        return Unsupported(
            reason="I record what you spent and earned and answer questions about it; I don't give financial "
            "advice, plan what-ifs or set reminders."
        )
    if _OFF_TOPIC.search(norm):
        return Unsupported(reason="That is outside what I can help with: your transactions, budgets and balances.")
    words = words_to_digits(norm)
    planned = _planning(words, today, vocabulary)
    if planned is not None:
        return planned
    correction = _correction(words, today, vocabulary)
    if correction is not None:
        return correction
    delete = _DELETE.fullmatch(words)
    if delete:
        return DeleteTransaction(target=_target(delete.group("rest"), today, vocabulary))
    update = _UPDATE.fullmatch(words) or _MAKE.fullmatch(words)
    is_transfer = (
        update is not None
        and _TRANSFER.match(words) is not None
        and find_amount(update.group("target"), vocabulary.base_currency) is not None
    )
    if update is None:
        update = _ACTUALLY.fullmatch(words) or _WAS.fullmatch(words)
    if update is not None and not is_transfer:
        target_merchant = _merchant_in(update.group("target"), vocabulary)
        usual = target_merchant.category if target_merchant else None
        changes = _changes(update.group("value"), today, vocabulary, usual)
        if changes is not None and changes.description is not None and re.match(r"(?:re)?categori[sz]e\b", words):
            return Clarify(question="Which category should it go under?", missing=["category"])
        if changes is not None:
            target = _target(update.group("target"), today, vocabulary)
            if target == Target():  # "make it 25", "change that to twenty": the last capture, not named
                return CorrectLast(changes=changes)
            return UpdateTransaction(target=target, changes=changes)
    if _RANKING.search(words):
        # The count of a ranking is no amount: it is the ranking's top N.
        return parse_query(words, today, vocabulary)
    dates = find_dates(words, today)
    has_amount = find_amount(dates.text if dates else words, vocabulary.base_currency) is not None
    if not has_amount and (
        _QUESTION.match(words)
        or _ROUND_TWO_QUESTION.search(words)
        or (_METRIC_WORDS.search(words) and not _CAPTURE_CUE.search(words))
    ):
        return parse_query(words, today, vocabulary)
    parts = several.several(
        words_to_digits(marked),
        today=today,
        capture=lambda part: _capture(part, today, vocabulary),
        category_of=lambda said, within: _expense_category(said, vocabulary, within),
        mask=lambda said: _without_numbered_merchant(said, vocabulary),
    )
    return parts if parts is not None else _capture(words, today, vocabulary)


# A split's lines name their category in a word or two ("60 groceries 30 household"), where a word alone that is
# ambiguous elsewhere ("recategorize it as household") is clear.
_LINE_WORDS = {"household": "Shopping/Household Supplies"}


def _expense_category(text: str, vocabulary: Vocabulary, within: str | None = None) -> str | None:
    """The spending category the words of a split's line name ("groceries", "for the laptop"), if any; else one of
    the group of `within` (the purchase's own category) whose name shares a word ("food" at the vet: Pet Food)."""
    found = _category_in(text, vocabulary, groups_too=False)
    if found is None:
        found = next((path for word, path in _LINE_WORDS.items() if re.search(rf"\b{word}\b", text)), None)
    if found is None and within is not None:
        group = within.split("/", 1)[0]
        said = set(re.findall(r"[a-z]+", text))
        sharing = [
            path
            for path in vocabulary.categories
            if path.startswith(f"{group}/") and said & set(re.findall(r"[a-z]+", path.split("/", 1)[1].lower()))
        ]
        # One sibling shares the word ("food" at the vet: Pet Food); several ("food" at Costco): the purchase's own.
        found = sharing[0] if len(sharing) == 1 else within if sharing else None
    if found is None or found.startswith("Income/") or found not in vocabulary.categories:
        return None
    return found


def _without_numbered_merchant(text: str, vocabulary: Vocabulary) -> str:
    """`text` with a merchant whose name has a number in it ("24 hour fitness") taken out."""
    merchant = _merchant_in(text, vocabulary)
    if merchant is None or not re.search(r"\d", merchant.name):
        return text
    return text.replace(merchant.name.lower(), " ")
