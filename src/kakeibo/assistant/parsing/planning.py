"""The shapes of planning sentences (issue 12): setting a budget, when a recurring payment is due, how a savings
goal is going. Pure functions over lower-case text (number words already digits); `offline` calls them before it
reads a sentence as a capture or a question, and gives them its own reading of categories and merchants (so a
word means here what it means everywhere else). Budget questions and the listing of subscriptions stay `query`
intents (metrics budget_remaining and recurring): their cues are here, `offline.parse_query` uses them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from kakeibo.assistant.intents import Clarify, GoalStatus, Intent, RecurringDue, SetBudget
from kakeibo.assistant.parsing.amounts import find_amount
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.core.periods import month_of, month_start, shift_months


@dataclass(frozen=True)
class Subject:
    """What a planning sentence is about: a category (a group or "Group/Category") and/or a merchant's name."""

    category: str | None
    merchant: str | None
    merchant_category: str | None  # the merchant's usual category, if known


SubjectOf = Callable[[str], Subject]

# --- setting a budget --------------------------------------------------------------------------------------------
_SET_VERB = r"(?:set|make|change|update|put|create|add|raise|lower|increase|decrease|bump|cut|reduce|adjust|move|give)"
_SET_BUDGET = re.compile(
    r"^(?:please |can you |could you |would you |i want to |i'd like to |id like to |let's |lets )?" + _SET_VERB + r"\b"
    r"(?=.*\bbudget(?:s|ed)?\b)"
    r"|^(?:please )?budget (?:\$|usd )?\d"  # "budget 300 for restaurants next month", "budget $75 for coffee"
    r"|^(?:my |the |our )?[a-z&' ]+? budget (?:is |to |of |at |= ?)?(?:\$|usd )?\d[\d,.]*(?: (?:dollars|bucks|usd))?"
    r"(?: (?:a|per|each) month| monthly)?(?: (?:this|next) month| for [a-z]+)?$"  # "groceries budget 650"
    r"|^(?:please )?(?:limit|cap) (?!.*\bbudget\b).+ (?:to|at) (?:\$|usd )?\d"  # "limit eating out to 200"
    r"|\b(?:spend|spending) (?:at most|no more than|a maximum of|max(?:imum)?|not more than) (?:\$|usd )?\d"
)
_INCREASE = re.compile(r"\b(?:raise|increase|bump|up|add)\b.*\bby\b|\b(?:add|put) (?:another |an extra )?\$?\d.*\bto\b")
_DECREASE = re.compile(
    r"\b(?:lower|decrease|cut|reduce|trim)\b.*\bby\b|\b(?:take|knock) (?:off )?\$?\d.*\b(?:off|from)\b"
)
_NEGATIVE = re.compile(r"(?:^|\s)(?:-|minus |negative )\s?\$?\d")
_PER_MONTH = re.compile(r"\b(?:a|per|each|every) month\b|\bmonthly\b")
_BUDGET_WORDS = re.compile(
    r"\b(?:budgets?|budgeted|please|can|could|would|you|i|want|to|id|like|lets|set|make|change|update|put|create|add|"
    r"raise|lower|increase|decrease|bump|cut|reduce|adjust|by|up|limit|cap|spend|spending|at|most|no|more|than|max|"
    r"maximum|a|of|for|the|my|our|in|on|new|monthly)\b"
)


def is_set_budget(text: str) -> bool:
    return _SET_BUDGET.search(text) is not None


def _coming_month(text: str, today: datetime.date) -> tuple[datetime.date, str]:
    """The month a budget is set for, and the text without it: unsaid, this month; a month named is the coming one
    ("december" in November is this December, "january" next year's)."""
    found = find_dates(text, today)
    if found is None:
        return month_start(today), text
    month = month_start(found.start)
    while month < month_start(today):
        month = shift_months(month, 12)
    return month, found.text


def set_budget(text: str, today: datetime.date, *, subject_of: SubjectOf, base_currency: str) -> Intent:
    """A budget set as said, or the question for what is missing (the category, the amount)."""
    month, rest = _coming_month(text, today)
    rest = _PER_MONTH.sub(" ", rest)
    negative = _NEGATIVE.search(rest) is not None
    amount = None if negative else find_amount(rest, base_currency)
    left = amount.text if amount is not None else rest
    said = subject_of(re.sub(r"\bbudget(?:s|ed)?\b", " ", left))
    category = said.category or said.merchant_category
    missing = [name for name, value in (("category", category), ("amount", amount)) if value is None]
    if missing:
        questions = {
            ("category", "amount"): "Which category's budget, and how much a month?",
            ("amount",): f"How much should the {category} budget be?",
            ("category",): "Which category is that budget for?",
        }
        return Clarify(question=questions[tuple(missing)], missing=missing)
    assert amount is not None and category is not None
    change = "increase" if _INCREASE.search(text) else "decrease" if _DECREASE.search(text) else None
    return SetBudget(category=category, amount=amount.value, month=month, change=change)


# --- budget questions said without the word budget ------------------------------------------------------------
BUDGET_QUESTION = re.compile(
    r"\bbudget\b|\bleft to spend\b|\bcan (?:i|we) still spend\b|\b(?:have|got) (?:i |we )?(?:got )?left (?:for|on)\b|"
    r"\bstill (?:have|got) (?:\w+ )?(?:for|on)\b"
)

# --- subscriptions listed ------------------------------------------------------------------------------------------
_SPENT = re.compile(r"\b(?:spend|spent|spending|expenses?|average|avg|typical(?:ly)?|usually|on average)\b")
SUBSCRIPTIONS = re.compile(r"\bsubscriptions?\b")
_RENEWS = re.compile(r"\bauto-?renew\w*|\brenew(?:s|al|als|ing)?\b(?! my\b)")
_BILLS = re.compile(r"\bbills\b")
_PRICE_PER = re.compile(
    r"\b(?:how much (?:is|are|do|does)|what (?:is|are|do|does)|what's|whats)\b.*"
    r"\b(?:(?:a|per|each|every) (?:year|month)|yearly|annually|monthly)\b"
)
# What recurs by nature: the series a "how much is X a month" names.
_RECURRING_KINDS = re.compile(
    r"^(?:Subscriptions|Utilities)(?:/|$)|^Entertainment/(?:Streaming Services|Music)$|^Health/(?:Fitness & Gym|"
    r"Health Insurance)$|^Housing/(?:Rent|Mortgage|Home Insurance)$|^Transportation/(?:Car Insurance|Car Payment)$|"
    r"^Financial/(?:Loan Payment|Life Insurance)$"
)


def lists_recurring(text: str, *, period_named: bool, subject: Subject) -> bool:
    """Whether a question lists recurring payments ("what subscriptions do I have", "how much is netflix a month",
    "what bills do I have"); a question about what was spent on them, or over a period, is spending."""
    if period_named or _SPENT.search(text):
        return False
    if SUBSCRIPTIONS.search(text) or _RENEWS.search(text) or _BILLS.search(text):
        return True
    kind = subject.category or subject.merchant_category
    return bool(_PRICE_PER.search(text) and kind and _RECURRING_KINDS.search(kind))


# --- when a payment is due -----------------------------------------------------------------------------------------
_DUE = re.compile(
    r"\bdue\b|\bupcoming\b|\bcoming up\b|\bpayday\b|\bpay ?day\b|\bwhen (?:do|will) (?:i|we) (?:get paid|be paid)\b|"
    r"\b(?:next|upcoming) (?:\w+ ){0,2}(?:payments?|charges?|bills?|debits?|renewals?|paychecks?|pay ?checks?)\b|"
    r"\bwhen(?:'s| is| does| do| will|s)\b.*\b(?:come out|comes out|charged|charge (?:me|us)|debited|taken out|"
    r"renew|renews|paid|next)\b|"
    r"\bwhat (?:payments|bills|charges) (?:come|comes|are coming|go|goes) out\b"
)
_NOT_DUE = re.compile(r"\bwhen did\b|\blast\b|\bdue on (?:my|the) (?:card|credit card|visa|amex|mastercard)\b")
_SALARY = re.compile(r"\b(?:get paid|be paid|payday|pay ?day|paycheck|pay ?check|salary|wages)\b")
_NEXT_N = re.compile(r"\b(?:in |over |within )?(?:the )?(?:next|coming) (?P<n>\d{1,3}) (?P<unit>days?|weeks?)\b")
_TO_MONTH_END = re.compile(
    r"\b(?:before|by|until|till|through) (?:the )?end of (?:the |this )?month\b|\b(?:rest|remainder) of (?:the |this )?"
    r"month\b"
)
_DUE_NOISE = re.compile(
    r"\b(?:due|upcoming|coming|up|out|come|comes|next|when|what|whats|what's|is|are|my|the|our|bills?|payments?|"
    r"charges?|charged|charge|debited|debits?|taken|renewals?|renews?|me|us|will|be|does|do|i|we|any|anything|"
    r"which|going|to|a|an|of)\b"
)


def without_horizon(text: str) -> str:
    """The text without "the next 30 days": the number of a horizon is no amount."""
    return _NEXT_N.sub(" ", text)


def is_due(text: str) -> bool:
    return _DUE.search(text) is not None and _NOT_DUE.search(text) is None


def _due_period(text: str, today: datetime.date) -> tuple[datetime.date | None, datetime.date | None, str]:
    ahead = _NEXT_N.search(text)
    if ahead:
        n = int(ahead.group("n")) * (7 if ahead.group("unit").startswith("week") else 1)
        rest = text[: ahead.start()] + " " + text[ahead.end() :]
        return today, today + datetime.timedelta(days=max(n, 1) - 1), rest
    month_end = _TO_MONTH_END.search(text)
    if month_end:
        return today, month_of(today).last, text[: month_end.start()] + " " + text[month_end.end() :]
    for word, offset in (("tomorrow", 1), ("today", 0)):
        said = re.search(rf"\b{word}\b", text)
        if said:
            day = today + datetime.timedelta(days=offset)
            return day, day, text[: said.start()] + " " + text[said.end() :]
    found = find_dates(text, today)
    if found is None:
        return None, None, text
    return found.start, found.end, found.text


def recurring_due(text: str, today: datetime.date, *, subject_of: SubjectOf) -> RecurringDue:
    start, end, rest = _due_period(text, today)
    if _SALARY.search(rest):
        return RecurringDue(category="Income/Salary", start=start, end=end)
    said = subject_of(rest)  # "electric bill" names a category with its noise word
    named = subject_of(_DUE_NOISE.sub(" ", rest))
    if named.merchant:
        return RecurringDue(payee=named.merchant, start=start, end=end)
    return RecurringDue(category=said.category or named.category, start=start, end=end)


# --- how a savings goal is going --------------------------------------------------------------------------------
_GOAL = re.compile(
    r"\bgoals?\b|(?<!mutual )(?<!index )(?<!hedge )\bfund\b|\bsav(?:e|ed|ing) (?:up )?(?:for|towards?)\b|"
    r"\bleft to save\b|^how much (?:more )?(?:do|will|would) (?:i|we) need (?:to save )?(?:\w+ ){0,3}?for\b"
)
_GOAL_NOT = re.compile(
    r"\bsav(?:ings?|e) rate\b|\bhow much (?:did|have) (?:i|we) save(?:d)?(?: (?:in|this|last|so)\b|$)"
)
_STOP = {
    "the", "my", "our", "a", "an", "for", "in", "to", "of", "with", "on", "from", "is", "how", "much", "what", "whats",
    "what's", "hows", "how's", "am", "i", "we", "track", "reach", "hit", "toward", "towards", "into", "at", "by",
    "doing", "going", "status", "progress", "far", "close", "will", "when", "s", "are", "left", "more", "need",
}  # fmt: skip
_NAMED_GOAL = re.compile(r"\b(?:the|my|our) (?P<name>[a-z0-9' -]+?) (?:savings )?(?:goal|target)\b(?!s)")
_FUND = re.compile(r"(?P<before>(?:[a-z0-9']+ ){0,3})fund\b")
_SAVED_FOR = re.compile(
    r"\b(?:sav(?:e|ed|ing)|need(?:ed)?)\b(?: up)?(?: \w+){0,4}? (?:for|towards?) (?:the |my |our |a )?(?P<name>[a-z0-9' -]+?)"
    r"(?: (?:savings )?(?:goal|fund|target))?(?: (?:by|before|in time|on time|this|next)\b.*)?$"
)


def is_goal(text: str) -> bool:
    return _GOAL.search(text) is not None and _GOAL_NOT.search(text) is None


def _cleaned(name: str) -> str | None:
    words = name.split()
    while words and words[0] in _STOP:
        words.pop(0)
    while words and words[-1] in _STOP:
        words.pop()
    return " ".join(words) or None


def goal_status(text: str) -> GoalStatus:
    """The goal named, in the words used ("trip fund", "wedding"); none named ("my goals"): every goal."""
    named = _NAMED_GOAL.search(text)
    if named:
        name = _cleaned(named.group("name"))
        if name and name not in ("savings", "saving"):
            return GoalStatus(name=name)
    fund = _FUND.search(text)
    if fund:
        words = [w for w in fund.group("before").split()]
        kept: list[str] = []
        for word in reversed(words):
            if word in _STOP:
                break
            kept.insert(0, word)
        if kept:
            return GoalStatus(name=" ".join([*kept, "fund"]))
    if re.search(r"\bgoals\b", text):
        return GoalStatus()
    saved = _SAVED_FOR.search(text)
    if saved:
        name = _cleaned(re.sub(r"\b(?:each|every|a|per) month\b|\bmonthly\b", " ", saved.group("name")))
        if name:
            return GoalStatus(name=name)
    return GoalStatus()
