"""The shapes of round-two questions: rankings, comparisons, counts, last/first, averages over complete months,
all-time questions and balances by kind of account. Pure functions over lower-case text (number words already
digits); `offline.parse_query` puts what they find into a Query."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from kakeibo.assistant.intents import AccountKindName
from kakeibo.core.periods import month_start, shift_months

# Balances of a kind of account, most specific first ("total credit card debt" is the cards, not all debts).
_ACCOUNT_KINDS: list[tuple[re.Pattern[str], AccountKindName]] = [
    (re.compile(r"\bcredit cards?\b(?!.*\b(?:spen[dt]|paid|bought)\b)|\b(?:all )?(?:my|our|the) cards\b"), "credit_card"),
    (re.compile(r"\bchecking accounts\b"), "checking"),
    (re.compile(r"\binvestments?\b|\bbrokerage\b|\bportfolio\b"), "investment"),
    (re.compile(r"\b(?:left|owe|owed|owing|balance|remaining) (?:\w+ )*(?:loans?|mortgage)\b|"
                r"\b(?:loans?|mortgage) balance\b|\bbalance (?:of|on) (?:\w+ )?(?:loans?|mortgage)\b"), "loan"),
    (re.compile(r"\bowe (?:in total|altogether|overall|all together)\b|\bhow much debt\b|\btotal debts?\b|"
                r"\ball (?:my|our) debts?\b"), "liabilities"),
    (re.compile(r"\bhow much cash\b|\bcash on hand\b|\bcash do (?:i|we) have\b"), "cash"),
    (re.compile(r"\bwhat'?s in (?:my|our) savings$|\bsaved up\b|\bin savings in total\b"), "savings"),
]  # fmt: skip


def account_kind_of(text: str) -> AccountKindName | None:
    """The kind of account whose balances a question sums ("how much cash do I have" → cash), if it asks one."""
    return next((kind for pattern, kind in _ACCOUNT_KINDS if pattern.search(text)), None)


# The count of a ranking: "top 3", "which 10 places", "my 3 biggest", "5 largest".
_TOP_N = re.compile(
    r"\b(?:top|biggest|largest|smallest|highest|lowest|which|what)\s+(?P<a>\d{1,3})\b(?!\s?(?:dollars?|bucks|euros?|"
    r"pounds?|usd|eur|gbp|cents?)\b)|\b(?P<b>\d{1,3})\s+(?:biggest|largest|smallest|most expensive|priciest|"
    r"cheapest|top|highest|lowest)\b"
)
_RANKING_CUE = re.compile(
    r"\btop\b|\brank(?:ed|ing)?\b|\bwhere does (?:most of )?(?:my|our|the) money go\b|\b(?:the )?(?:most|least) "
    r"(?:at|on)\b|\bspend the (?:most|least)\b|\b(?:biggest|largest|smallest|lowest|highest|cheapest) (?:\w+ )?"
    r"(?:categor(?:y|ies)|stores?|merchants?|places?|shops?|payees?)\b"
)
_BY_MERCHANT = re.compile(r"\b(?:stores?|merchants?|places?|shops?|payees?|restaurants|vendors?|retailers?)\b")
_BY_CATEGORY = re.compile(r"\bcategor(?:y|ies)\b|\bwhere does\b")
_LISTED = re.compile(r"\b(?:purchases|expenses|transactions|charges)\b")
_SINGULAR = re.compile(
    r"\b(?:which|what) (?:store|merchant|place|shop|category|payee)\b|\b(?:smallest|biggest|largest|lowest|highest|"
    r"cheapest) "
    r"(?:\w+ )?(?:category|store|merchant|place|shop|payee)\b"
)
_ASC = re.compile(r"\b(?:smallest|least|lowest|cheapest)\b")
DEFAULT_TOP = 5


@dataclass(frozen=True)
class Ranking:
    group_by: str | None  # "merchant" | "category" | None: the listing of the largest expenses
    limit: int | None
    order: str | None
    text: str  # the sentence without the ranking's count


def ranking_of(text: str) -> Ranking | None:
    """A ranking's shape: by merchant or category (or the largest transactions), how many, which end first."""
    top = _TOP_N.search(text)
    if top is None and not _RANKING_CUE.search(text):
        return None
    count = int(top.group("a") or top.group("b")) if top else None
    rest = text if top is None else text[: top.start()] + re.sub(r"\d+", " ", top.group(0)) + text[top.end() :]
    if _BY_MERCHANT.search(rest):
        group_by: str | None = "merchant"
    elif _BY_CATEGORY.search(rest):
        group_by = "category"
    elif _LISTED.search(rest):
        group_by = None
    else:
        return None
    order = "asc" if _ASC.search(rest) else None
    if count is None and not re.search(r"\brank", rest):
        count = 1 if _SINGULAR.search(rest) else DEFAULT_TOP
    return Ranking(group_by, count if count and count > 0 else None, order, re.sub(r"\s+", " ", rest).strip())


RECURRING = re.compile(
    r"\b(?:pay|paying|bills?|charged|come out|comes out|debited|subscriptions?)\b.*\b(?:every|each|per|a) month\b|"
    r"\brecurring\b|\bmonthly (?:bills|payments|charges|subscriptions)\b"
)
INCOME_VS_SPENDING = re.compile(
    r"\bincome (?:vs\.?|versus|against|and|compared to) (?:spending|expenses|outgoings)\b|"
    r"\bearn(?:ed)? more than (?:i|we) spen[dt]\b|\bearn(?:ed)? (?:vs\.?|versus) spen[dt]\b|"
    r"\bspen[dt] more than (?:i|we) (?:earn|earned|made)\b"
)
COMPARISON = re.compile(
    r"\bvs\.?\b|\bversus\b|\bcompar(?:e|ed|es|ing)\b|\b(?:more|less)\b.*\b(?:than|or)\b|"
    r"\b(?:go|gone|went|going) (?:up|down)\b|\b(?:increase|decrease)d?\b"
)
# The other side of "X or Y" / "X vs Y": two merchants or two categories are a breakdown, not two periods.
ALTERNATIVES = re.compile(r"\b(?:or|vs\.?|versus)\b")
COUNT = re.compile(r"^how many\b|\bhow often\b|\bnumber of\b|^count\b|\bhow many (?:times|transactions)\b")
COUNT_NOISE = re.compile(r"\b(?:times|runs|rides|trips|orders|charges|purchases|visits|transactions|was|were|there)\b")
LAST_FIRST = re.compile(
    r"\b(?P<w>last|first|most recent|latest|earliest|very first)\b(?! (?:\d|week|weekend|month|quarter|year|night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter|of\b))"
)
ALL_TIME = re.compile(r"\b(?:ever|all time|all-time|in total|lifetime|overall|altogether|of all time|in here|so far)\b")


def last_or_first(text: str) -> tuple[str, str] | None:
    """'last_transaction' or 'first_transaction' and the text without the word, for "when did I last pay the
    dentist", "my first amazon order"; "last month" is a period, not this."""
    if not re.search(
        r"\b(?:when|what|my|our|the|last time|first time|most recent|latest|earliest)\b|^(?:last|first)\b", text
    ):
        return None
    found = LAST_FIRST.search(text)
    if found is None:
        return None
    metric = "first_transaction" if found.group("w") in ("first", "earliest", "very first") else "last_transaction"
    rest = text[: found.start()] + " " + text[found.end() :]
    rest = re.sub(r"\b(?:the )?(?:very )?time\b|\bwhens?\b|\bwhat was\b|\bwas\b", " ", rest)
    return metric, re.sub(r"\s+", " ", rest).strip()


def complete_months(
    start: datetime.date | None, end: datetime.date | None, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """An average's period: complete months only. None named: the last 12 complete months; a period still under
    way ends with the last complete month (the current partial month is not a zero month)."""
    this_month = month_start(today)
    if start is None or end is None:
        return shift_months(this_month, -12), this_month - datetime.timedelta(days=1)
    if end >= this_month:
        end = this_month - datetime.timedelta(days=1)
    return start, max(end, start)


def same_unit_now(
    period: tuple[datetime.date, datetime.date], today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The current period of the same unit as `period` (a month, a quarter, a week or a year): the other side of
    "more than last month"."""
    start, end = period
    days = (end - start).days + 1
    if days == 7 and start.weekday() == 0:
        monday = today - datetime.timedelta(days=today.weekday())
        return monday, monday + datetime.timedelta(days=6)
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
        return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
    if start.day == 1 and 88 <= days <= 92:
        first = 3 * ((today.month - 1) // 3) + 1
        quarter = datetime.date(today.year, first, 1)
        return quarter, shift_months(quarter, 3) - datetime.timedelta(days=1)
    this_month = month_start(today)
    return this_month, shift_months(this_month, 1) - datetime.timedelta(days=1)


def previous_of(period: tuple[datetime.date, datetime.date]) -> tuple[datetime.date, datetime.date]:
    """The period just before, of the same length unit ("this month than last")."""
    start, end = period
    days = (end - start).days + 1
    if start.day == 1 and days >= 28:
        months = 12 if days >= 365 else (3 if days >= 89 else 1)
        before = shift_months(start, -months)
        return before, start - datetime.timedelta(days=1)
    return start - datetime.timedelta(days=days), start - datetime.timedelta(days=1)
