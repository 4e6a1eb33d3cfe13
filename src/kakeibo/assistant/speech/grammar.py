"""The JSGF grammar the recognizer listens with, generated from a household's vocabulary, and the pronunciations of
its words.

Free dictation with the bundled general model gets most words of "forty five at whole foods with my visa" wrong;
a grammar that only admits what the assistant understands (amounts in words, dates, the household's categories,
merchants and accounts, and the phrasings of each intent family) makes the recognizer choose among sayable
requests instead. Every phrase here is one the offline parser reads back into the same intent.

Words the bundled dictionary does not know (a merchant such as "Nopa") are said as two dictionary words glued
together when they split into two ("no" + "pa", "door" + "dash"), else get a pronunciation from a small
letter-to-sound table (`guess_phones`); espeak-ng is not on users' machines, and a rough pronunciation inside a
grammar is enough for the recognizer to pick the right alternative. Names with digits or symbols that have no
spoken form ("amzn mktp us*2k3") are left out; the well-known merchant behind them usually is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kakeibo.assistant.parsing import Vocabulary
from kakeibo.assistant.parsing.dates import MONTHS, ORDINALS, WEEKDAYS
from kakeibo.assistant.parsing.numbers import TENS, UNITS

# The parser's own phrase table (category leaves, their parts and the keywords it maps to categories): reusing it
# keeps what can be said and what is understood the same list.
from kakeibo.assistant.parsing.offline import _account_names, _phrase_table
from kakeibo.categorize.features import TxnText
from kakeibo.categorize.merchants import MERCHANT_TIER, default_merchants, match_merchant

MAX_WORDS_IN_NAME = 4
MAX_HOUSEHOLD_MERCHANTS = 300

# Well-known merchants people name when they speak (the built-in merchant list has thousands, most of them
# regional; every alternative slows the search, so the grammar takes these plus the household's own payees).
SPOKEN_MERCHANTS = (
    "aldi", "amazon", "apple", "apple store", "arco", "best buy", "burger king", "cvs", "chevron",
    "chick fil a", "chipotle", "comcast", "costco", "doordash", "dunkin", "etsy", "exxon", "grubhub", "home depot",
    "hulu", "ikea", "instacart", "kroger", "lowe's", "lyft", "macy's", "mcdonald's", "mcdonalds", "netflix",
    "nike", "nordstrom", "panera", "paypal", "publix", "safeway", "sephora", "shell", "spotify", "starbucks",
    "subway", "taco bell", "target", "trader joe's", "uber", "uber eats", "venmo", "verizon", "walgreens",
    "walmart", "wendy's", "whole foods", "zara",
)  # fmt: skip

# Letter-to-sound fallback for words outside the dictionary: longest spelling first, CMU (ARPAbet) phones.
_SPELLINGS = {
    "tion": "SH AH N", "ough": "AO", "igh": "AY", "tch": "CH", "sch": "S K", "ph": "F", "sh": "SH", "ch": "CH",
    "th": "TH", "ck": "K", "ng": "NG", "qu": "K W", "wh": "W", "kn": "N", "gh": "G", "ee": "IY", "ea": "IY",
    "oo": "UW", "ou": "AW", "ow": "OW", "ai": "EY", "ay": "EY", "oa": "OW", "oi": "OY", "oy": "OY", "au": "AO",
    "aw": "AO", "ie": "IY", "ei": "EY", "ey": "IY", "er": "ER", "ir": "ER", "ur": "ER", "ar": "AA R", "or": "AO R",
    "a": "AE", "b": "B", "c": "K", "d": "D", "e": "EH", "f": "F", "g": "G", "h": "HH", "i": "IH", "j": "JH",
    "k": "K", "l": "L", "m": "M", "n": "N", "o": "AA", "p": "P", "q": "K", "r": "R", "s": "S", "t": "T", "u": "AH",
    "v": "V", "w": "W", "x": "K S", "y": "IY", "z": "Z",
}  # fmt: skip
_SPELLING = re.compile("|".join(sorted(_SPELLINGS, key=len, reverse=True)))
_SOFT = {"c": "S", "g": "JH"}  # before e, i, y
_LONG = {"a": "EY", "e": "IY", "i": "AY", "o": "OW", "u": "UW"}  # a vowel in an open syllable: "no-pa"
_LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY", "h": "EY CH", "i": "AY",
    "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY", "q": "K Y UW",
    "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW", "x": "EH K S",
    "y": "W AY", "z": "Z IY",
}  # fmt: skip


def guess_phones(word: str) -> str:
    """A rough pronunciation of a lower-case word from its spelling ("nopa" -> "N OW P AH"); a word without
    vowels is an abbreviation, said letter by letter ("kfc")."""
    letters = re.sub(r"[^a-z]", "", word)
    if not re.search(r"[aeiouy]", letters):
        return " ".join(_LETTER_NAMES[letter] for letter in letters)
    if len(letters) > 2 and letters.endswith("e") and letters[-2] not in "aeiou":
        letters = letters[:-1]  # a silent final e: "grove"
    phones: list[str] = []
    position = 0
    while position < len(letters):
        match = _SPELLING.match(letters, position)
        assert match is not None  # every letter has an entry
        spelling = match.group(0)
        following = letters[match.end() : match.end() + 1]
        end = match.end() == len(letters)
        if spelling in _SOFT and following in ("e", "i", "y"):
            sound = _SOFT[spelling]
        elif spelling == "y" and position == 0:
            sound = "Y"
        elif spelling == "a" and end:
            sound = "AH"
        elif spelling == "o" and end:
            sound = "OW"
        elif spelling in _LONG and re.match(r"[bcdfgklmnprstvz][aeiou]", letters[match.end() : match.end() + 2]):
            sound = _LONG[spelling]
        else:
            sound = _SPELLINGS[spelling]
        for phone in sound.split():
            if not phones or phones[-1] != phone or phone in ("IY", "AH"):  # "tt" is one T
                phones.append(phone)
        position = match.end()
    return " ".join(phones)


def spoken(name: str) -> str | None:
    """How a name is said, in the recognizer's lower-case words ("Bars & Alcohol" -> "bars and alcohol"), or None
    when it has no plain spoken form (digits, codes, too long)."""
    text = name.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[-/.,+*]", " ", text)
    if re.search(r"[^a-z' ]", text):
        return None
    words = [w.strip("'") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > MAX_WORDS_IN_NAME:
        return None
    return " ".join(words)


@dataclass(frozen=True)
class Grammar:
    """A JSGF grammar and the words it uses; `words` is what the dictionary must cover."""

    jsgf: str
    words: frozenset[str]


def _alternatives(phrases: Iterable[str]) -> str:
    unique = sorted({p for p in phrases if p})
    return " | ".join(unique) if unique else "<VOID>"


def _household_merchants(vocabulary: Vocabulary) -> list[str]:
    """The household's payees as they are said: the payee itself when it is plain words, else the well-known
    merchant the categorizer finds in it ("whole foods mkt #123" -> "whole foods")."""
    names: set[str] = set()
    for payee in sorted(vocabulary.merchants):
        said = spoken(payee)
        if said is None:
            found = match_merchant(TxnText(payee=payee, description="", amount_minor=-1, account="", day=1))
            if found is not None:
                said = spoken(found.merchant)
        if said is not None:
            names.add(said)
        if len(names) >= MAX_HOUSEHOLD_MERCHANTS:
            break
    return sorted(names)


@lru_cache(maxsize=1)
def _known_merchant_names() -> frozenset[str]:
    names = {p.merchant for p in default_merchants().patterns if p.tier == MERCHANT_TIER}
    return frozenset(s for s in (spoken(n) for n in names) if s)


def _number_rules() -> list[str]:
    digits = [w for w, v in UNITS.items() if 1 <= v <= 9]
    teens = [w for w, v in UNITS.items() if v >= 10]
    return [
        f"<digit> = {_alternatives(digits)};",
        f"<teen> = {_alternatives(teens)};",
        f"<decade> = {_alternatives(TENS)};",
        "<below100> = <digit> | <teen> | <decade> [<digit>];",
        # "twelve fifty", "forty two fifty": units and cents, as the parser reads two groups under a hundred.
        "<cents> = <teen> | <decade> [<digit>];",
        "<below1000> = <below100> | (<below100> | a) hundred [[and] <below100>];",
        "<whole> = <below1000> | (<below1000> | a) thousand [[and] <below1000>];",
        "<number> = <whole> [point <digit> [<digit>]] | <below100> <cents>;",
        "<currency> = dollars | dollar | bucks | euros | pounds | yen | cents;",
        "<amount> = <number> [<currency>];",
    ]


def _date_rules() -> list[str]:
    weekdays = [w for w in WEEKDAYS if len(w) > 4 and w.endswith("day")]
    months = [m for m in MONTHS if len(m) > 3 or m == "may"]
    ordinals = list(ORDINALS)
    return [
        f"<weekday> = {_alternatives(weekdays)};",
        f"<month> = {_alternatives(months)};",
        f"<ordinal> = {_alternatives(ordinals)};",
        "<unit> = day | week | month | year;",
        "<units> = days | weeks | months | years;",
        "<period_unit> = week | weekend | month | quarter | year;",
        "<day> = today | yesterday | the day before yesterday | last night | this morning | this afternoon"
        " | tonight | [on] [last | this] <weekday> | on the <ordinal> [of <month>]"
        " | on <month> <below100> | (<below100> <units> | a <unit>) ago;",
        "<period> = <day> | (this | last | next) <period_unit> | [in] the last <below100> <units>"
        " | (in | since) <month> | between <month> and <month> | so far this year | year to date"
        " | in the (first | second | third | fourth) quarter;",
    ]


def build_grammar(vocabulary: Vocabulary) -> Grammar:
    """The grammar for one household's vocabulary."""
    _, leaves = _phrase_table(vocabulary.categories, False)
    _, with_groups = _phrase_table(vocabulary.categories, True)
    things = {s for s in (spoken(p) for p in leaves) if s}
    topics = {s for s in (spoken(p) for p in with_groups) if s}
    income_things = {s for s in (spoken(p) for p, path in leaves.items() if path.startswith("Income/")) if s}
    known = _known_merchant_names()
    merchants = set(_household_merchants(vocabulary))
    merchants |= {m for m in SPOKEN_MERCHANTS if m in known or m in merchants}
    accounts = {s for s in (spoken(name) for name in _account_names(vocabulary)) if s}

    rules = [
        "#JSGF V1.0;",
        "grammar kakeibo;",
        "public <utterance> = <capture> | <clarify> | <income> | <transfer> | <question> | <edit> | <delete>"
        " | <undo> | <refusal>;",
        *_number_rules(),
        *_date_rules(),
        f"<thing> = {_alternatives(things)};",
        f"<topic> = {_alternatives(topics)};",
        f"<income_thing> = {_alternatives(income_things)};",
        f"<merchant> = {_alternatives(merchants)};",
        f"<account> = {_alternatives(accounts)};",
        "<det> = the | a | an | my | some;",
        "<item> = [<det>] (<thing> | <merchant>);",
        "<place> = [the] (<merchant> | <thing>);",
        "<with_account> = (with | on | using) [my | the] <account> [card];",
        # Where, on what, when and with which card: each at most once, so that one word is not heard as two slots.
        "<where> = at <place>;",
        "<what> = (on | for) [<det>] (<thing> | <merchant>);",
        "<whose> = <where> [<what>] | <what> [<where>];",
        "<when> = [<day>] [<with_account>];",
        # capture: "spent forty five at whole foods last friday with my visa", "coffee at starbucks four fifty"
        "<capture> = [i] (spent | paid) <amount> [<day>] <whose> <when>"
        " | <amount> <whose> <when>"
        " | [the | my] (<thing> | <merchant>) [<where>] [was] <amount> <when>"
        " | [i] (bought | got | had) <item> for <amount> [<where>] <when>;",
        "<clarify> = [i] (bought | got | had) <item> [<day>] | (spent money | paid) (on | for | at) <item> [<day>];",
        # income: "got paid three thousand", "received two hundred fifty refund from amazon"
        "<income> = got paid <amount> [<day>] [into [my] <account>]"
        " | [i] (received | earned | got) [a] <amount> [<income_thing>] [from <place>] [<day>] [into [my] <account>]"
        " | (salary | paycheck) [of] <amount> [deposited] [into [my] <account>] [<day>];",
        # transfers: "moved five hundred from checking to savings"
        "<transfer> = (moved | move | transferred | transfer | sent | put) <amount>"
        " [from [my] <account>] (to | into) [my] <account> [<day>]"
        " | paid <amount> to [my] <account> from [my] <account> [<day>];",
        "<scope> = on <topic> | at <merchant> | with my <account>;",
        "<question> = how much (did i spend | have i spent) [<scope>] [<period>]"
        " | what did i spend [<scope>] [<period>]"
        " | how much did i (make | earn) [<period>]"
        " | (what was | what is | what's) my (income | net worth | savings rate | net) [<period>]"
        " | (what's | what is) the balance (on | of | in) my <account> | what's my <account> balance"
        " | how much (do i have | is) in [my] <account> [account]"
        " | what (was | is) my (largest | biggest) (expense | purchase) [<period>]"
        " | show [me] my [<account>] transactions [<scope>] [<period>]"
        " | (spending | income) [by (category | month | merchant)] [<period>]"
        " | average [monthly] spending [<scope>] [<period>]"
        " | how much is left in my <topic> budget"
        " | how much will i spend [<period>] | forecast my spending [<period>];",
        # edits: "change that lunch to twenty dollars", "the coffee yesterday was actually five fifty"
        "<pointer> = the | that | yesterday's | today's;",
        "<target> = <pointer> (<thing> | <merchant>) [charge | purchase | order] [<day> | from <day>];",
        "<edit> = (change | update) <target> to (<amount> | <thing>)"
        " | <target> (was actually | should be) (<amount> | <thing>)"
        " | recategorize <target> as <thing> | move <target> to <day>;",
        "<delete> = (delete | remove) (<target> | the last transaction | the <amount> <thing>);",
        "<undo> = [oops] undo [that | please | the last change] | revert (that | the last change) | roll back"
        " | take that back | scratch that | cancel that;",
        # Said, so that they are heard as said and refused, not as a single delete.
        "<refusal> = (delete | remove) (all [my] transactions | everything | every <thing>) | wipe the database"
        " | change all my <thing> to <thing>;",
    ]
    jsgf = "\n".join(rules) + "\n"
    body = re.sub(r"<[a-z_0-9]+>|#JSGF V1\.0;|grammar kakeibo;|^public ", " ", jsgf, flags=re.MULTILINE)
    words = frozenset(w for w in re.findall(r"[a-z']+", body) if w.strip("'"))
    return Grammar(jsgf=jsgf, words=words)
