"""Follow-up questions resolved against the previous one: "and the month before?", "only at Whole Foods",
"what about groceries?", "and income?", "by category". What the follow-up says replaces or narrows the matching
part of the previous question; everything it does not mention carries over."""

from __future__ import annotations

import datetime
import re

from kakeibo.assistant.intents import Query
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.assistant.parsing.numbers import words_to_digits
from kakeibo.assistant.parsing.offline import Vocabulary, normalize, parse_query
from kakeibo.core.periods import Period, month_start, months_between, shift_months

_CUE = re.compile(
    r"^(?:and|also|what about|how about|same (?:for|but)|now|then|ok(?:ay)?|only|just|but|compared? (?:to|with)|"
    r"versus|vs|or)\b|^(?:the )?(?:month|year|week|quarter|day) before\b|^(?:the )?previous\b|^by (?:category|month|"
    r"merchant|store|payee)"
)
_NARROW = re.compile(r"\b(?:only|just)\b")
_BEFORE = re.compile(
    r"\b(?:the )?(?P<unit>month|year|week|quarter|day) before\b|\b(?:the )?previous (?P<unit2>month|year|week|quarter)\b"
    r"|\bthe one before\b|\bbefore that\b"
)
_METRIC_HINT = re.compile(
    r"\b(?:spend|spent|spending|income|earn|earned|net|worth|balance|sav(?:e|ed|ings) rate|largest|biggest|average|"
    r"transactions|budget|forecast)\b"
)


def _shift_back(start: datetime.date, end: datetime.date, unit: str | None) -> tuple[datetime.date, datetime.date]:
    """The period just before [start, end]: whole months shift by months (so February follows March properly),
    anything else by its own length in days."""
    period = Period.inclusive(start, end)
    if period.is_whole_months and unit != "day" and unit != "week":
        span = months_between(period.start, period.end)
        if unit == "year":
            span = 12
        elif unit == "quarter":
            span = 3
        before = Period(shift_months(period.start, -span), shift_months(period.end, -span))
        return before.start, before.last
    days = period.days
    if unit == "week":
        days = 7
    elif unit == "day":
        days = 1
    return start - datetime.timedelta(days=days), end - datetime.timedelta(days=days)


def is_follow_up(text: str) -> bool:
    norm = normalize(text)
    return bool(_CUE.search(norm) or _BEFORE.search(norm))


def follow_up(text: str, previous: Query, *, today: datetime.date, vocabulary: Vocabulary) -> Query | None:
    """The follow-up as a full question, or None when the utterance does not read as one."""
    norm = words_to_digits(normalize(text))
    if not (_CUE.search(norm) or _BEFORE.search(norm)):
        return None
    start = previous.start or month_start(today)
    end = previous.end or today
    before = _BEFORE.search(norm)
    rest = norm
    if before:
        start, end = _shift_back(start, end, before.group("unit") or before.group("unit2"))
        rest = _BEFORE.sub(" ", norm)
    else:
        dates = find_dates(norm, today)
        if dates is not None:
            start, end, rest = dates.start, dates.end, dates.text
    rest = re.sub(r"^(?:and|also|what about|how about|same (?:for|but)|now|then|ok(?:ay)?|but)\b", " ", rest).strip()
    # Read the rest as a question of its own (with the previous metric when it names none) to find its filters.
    metric_named = bool(_METRIC_HINT.search(rest))
    probe = parse_query(
        rest if metric_named else f"how much spending {rest}",
        today,
        vocabulary,
    )
    metric = probe.metric if metric_named and isinstance(probe, Query) else previous.metric
    category, merchant, account = previous.category, previous.merchant, previous.account
    group_by = previous.group_by
    if isinstance(probe, Query):
        narrowing = bool(_NARROW.search(rest))
        if probe.merchant:
            merchant = probe.merchant
            category = category if narrowing else None
        if probe.category:
            category = probe.category
            merchant = merchant if narrowing else None
        if probe.account:
            account = probe.account
        if probe.group_by:
            group_by = probe.group_by
    if metric in ("net_worth", "savings_rate"):
        category = merchant = None
    return Query(
        metric=metric,
        category=category,
        merchant=merchant,
        account=account,
        start=start,
        end=end,
        group_by=group_by,
        # A ranking followed up ("and last year?") stays the same ranking over the new period.
        limit=previous.limit if metric == previous.metric else None,
        order=previous.order if metric == previous.metric else None,
    )
