"""Follow-up questions resolved against the previous one: "and the month before?", "the same month last year",
"so far this year?", "only at Whole Foods", "what about groceries?", "and income?", "by category", "and vs last
year?". What the follow-up says replaces or narrows the matching part of the previous question; everything it does
not mention carries over, a comparison included.

Periods said relative to the previous question move from its period: "the week before" and "the month after" by
one unit (whole months by calendar months), "the same month (quarter, week, period) last year" by a year (a
Monday-to-Sunday week by 52 weeks, so it stays one), "and the one before that" again from the period just
answered. A comparison followed up keeps comparing: a relative period moves both of its periods, a period said
outright keeps the same distance between them ("october vs september", then "and in august?": August against
July). "vs …" / "compared to …" after a plain question makes it a comparison with that period ("vs last year":
the same period a year earlier)."""

from __future__ import annotations

import datetime
import re

from kakeibo.assistant.intents import AccountKindName, Query
from kakeibo.assistant.parsing.dates import find_dates
from kakeibo.assistant.parsing.numbers import words_to_digits
from kakeibo.assistant.parsing.offline import Vocabulary, normalize, parse_query
from kakeibo.core import clock
from kakeibo.core.periods import Period, month_start, months_between, shift_months

Range = tuple[datetime.date, datetime.date]

_CUE = re.compile(
    r"^(?:and|also|what about|how about|same (?:for|but)|now|then|ok(?:ay)?|only|just|but|compared? (?:to|with)|"
    r"versus|vs|or)\b|^(?:the )?(?:month|year|week|quarter|day) (?:before|after)\b|^(?:the )?previous\b|"
    r"^(?:the )?following\b|^(?:the )?same\b|^by (?:category|month|merchant|store|payee)"
)
_NARROW = re.compile(r"\b(?:only|just)\b")
# "the same month last year", "same week the year before", "the same time a year ago", "same period last year".
_SAME_LAST_YEAR = re.compile(
    r"\b(?:the )?same (?:month|quarter|week|period|time|day|dates?|months|weeks)?\s*(?:of |in )?(?:last year|"
    r"a year (?:ago|earlier|before)|the (?:previous )?year before|the previous year|the year earlier)\b"
)
_BEFORE = re.compile(
    r"\b(?:the )?(?P<unit>month|year|week|quarter|day) before\b|\b(?:the )?previous (?P<unit2>month|year|week|quarter)\b"
    r"|\bthe one before\b|\bbefore that\b"
)
_AFTER = re.compile(
    r"\b(?:the )?(?P<unit>month|year|week|quarter|day) after\b|\b(?:the )?following (?P<unit2>month|year|week|quarter|day)\b"
    r"|\bthe one after\b|\bafter that\b"
)
# "vs last year", "compared to september", "versus the month before": the rest names the other period.
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared? (?:to|with)|against)\s")
# "vs last year" (and its kin) after a question is the same period a year earlier, not the whole of last year.
_YEAR_EARLIER = re.compile(r"^(?:the )?(?:last year|a year ago|the year before|the previous year)$")
_LEAD = re.compile(r"^(?:and|also|what about|how about|same (?:for|but)|now|then|ok(?:ay)?|but)\b")
_METRIC_HINT = re.compile(
    r"\b(?:spend|spent|spending|income|earn|earned|net|worth|balance|sav(?:e|ed|ings) rate|largest|biggest|average|"
    r"transactions|budget|forecast)\b"
)
# After a balance by kind of account ("how much cash do I have"), "and in savings?" is another kind, not the account.
_KINDS: list[tuple[re.Pattern[str], AccountKindName]] = [
    (re.compile(r"\bcredit cards?\b|\bcards\b"), "credit_card"),
    (re.compile(r"\bsavings\b"), "savings"),
    (re.compile(r"\bchecking\b"), "checking"),
    (re.compile(r"\bcash\b"), "cash"),
    (re.compile(r"\binvestments?\b|\bbrokerage\b|\bportfolio\b"), "investment"),
    (re.compile(r"\bloans?\b|\bmortgages?\b"), "loan"),
    (re.compile(r"\bdebts?\b|\bowe\b"), "liabilities"),
]
# What a sentence that is only a period may say around it: "so far this year?", "and for q3?".
_FILLER = re.compile(r"\b(?:and|what about|how about|for|in|over|during|the|then|now)\b")


def _shift(start: datetime.date, end: datetime.date, unit: str | None, *, step: int) -> Range:
    """The period `step` periods away from [start, end] (-1 the one just before, 1 the one just after): whole
    months move by calendar months (so February follows March properly), anything else by its own length in days,
    or by the day or week the sentence names."""
    period = Period.inclusive(start, end)
    if period.is_whole_months and unit != "day" and unit != "week":
        span = months_between(period.start, period.end)
        if unit == "year":
            span = 12
        elif unit == "quarter":
            span = 3
        moved = shift_months(period, step * span)
        return moved.start, moved.last
    days = period.days
    if unit == "week":
        days = 7
    elif unit == "day":
        days = 1
    delta = datetime.timedelta(days=step * days)
    return start + delta, end + delta


def _shift_back(start: datetime.date, end: datetime.date, unit: str | None) -> Range:
    return _shift(start, end, unit, step=-1)


def year_earlier(start: datetime.date, end: datetime.date) -> Range:
    """The same period a year before: whole months by twelve calendar months; a Monday-to-Sunday week by 52 weeks
    (so it is still a week); any other span day by day (2026-01-01..2026-11-23 → 2025-01-01..2025-11-23)."""
    period = Period.inclusive(start, end)
    if period.is_whole_months:
        moved = shift_months(period, -12)
        return moved.start, moved.last
    if period.days == 7 and start.weekday() == 0:
        return start - datetime.timedelta(weeks=52), end - datetime.timedelta(weeks=52)
    return shift_months(start, -12), shift_months(end, -12)


def _distance(previous: Query) -> tuple[int, int] | None:
    """How far the compared period lies from the asked one: (months, 0) between whole months, else (0, days)."""
    if previous.start is None or previous.end is None or previous.compare_start is None:
        return None
    compare_end = previous.compare_end or previous.end
    asked = Period.inclusive(previous.start, previous.end)
    other = Period.inclusive(previous.compare_start, compare_end)
    same_length = months_between(asked.start, asked.end) == months_between(other.start, other.end)
    if asked.is_whole_months and other.is_whole_months and same_length:
        return months_between(asked.start, other.start), 0
    return 0, (previous.compare_start - previous.start).days


def _at_distance(start: datetime.date, end: datetime.date, distance: tuple[int, int]) -> Range:
    months, days = distance
    if months:
        moved = shift_months(Period.inclusive(start, end), months)
        return moved.start, moved.last
    delta = datetime.timedelta(days=days)
    return start + delta, end + delta


def _relative(norm: str, start: datetime.date, end: datetime.date) -> tuple[Range, str] | None:
    """A period said relative to [start, end] ("the same month last year", "the week before", "the month
    after"), and the text without its words; None when the text names none."""
    same = _SAME_LAST_YEAR.search(norm)
    if same:
        return year_earlier(start, end), _SAME_LAST_YEAR.sub(" ", norm)
    before = _BEFORE.search(norm)
    if before:
        return _shift(start, end, before.group("unit") or before.group("unit2"), step=-1), _BEFORE.sub(" ", norm)
    after = _AFTER.search(norm)
    if after:
        return _shift(start, end, after.group("unit") or after.group("unit2"), step=1), _AFTER.sub(" ", norm)
    return None


def _only_a_period(norm: str, today: datetime.date) -> bool:
    """The sentence says nothing but a period ("so far this year?", "and for q3?", "the same month last year")."""
    if _SAME_LAST_YEAR.search(norm):
        rest = _SAME_LAST_YEAR.sub(" ", norm)
    else:
        found = find_dates(norm, today)
        if found is None:
            return False
        rest = found.text
    return not _FILLER.sub(" ", rest).strip(" ?.!,")


def _kind_named(text: str) -> AccountKindName | None:
    return next((kind for pattern, kind in _KINDS if pattern.search(text)), None)


def is_follow_up(text: str, *, today: datetime.date | None = None) -> bool:
    """Whether the sentence reads as a follow-up of the previous question rather than a question of its own."""
    norm = words_to_digits(normalize(text))
    if _CUE.search(norm) or _BEFORE.search(norm) or _AFTER.search(norm) or _SAME_LAST_YEAR.search(norm):
        return True
    return _only_a_period(norm, today or clock.today())


def follow_up(text: str, previous: Query, *, today: datetime.date, vocabulary: Vocabulary) -> Query | None:
    """The follow-up as a full question, or None when the utterance does not read as one."""
    norm = words_to_digits(normalize(text))
    if not is_follow_up(text, today=today):
        return None
    asked = (previous.start or month_start(today), previous.end or today)
    start, end = asked
    compare: Range | None = None
    if previous.compare_start is not None:
        compare = (previous.compare_start, previous.compare_end or previous.end or today)
    rest = norm
    versus = _VERSUS.search(norm)
    if versus:
        # "and vs last year?": the question as it was, compared with the period named after "vs".
        named, rest = norm[versus.end() :].strip(" ?.!"), norm[: versus.start()]
        relative = _relative(named, start, end)
        if _YEAR_EARLIER.fullmatch(named):
            compare = year_earlier(start, end)
        elif relative is not None:
            compare = relative[0]
        else:
            dates = find_dates(named, today)
            if dates is not None:
                compare, rest = (dates.start, dates.end), f"{rest} {dates.text}"
            else:
                rest = norm
    else:
        relative = _relative(norm, start, end)
        if relative is not None:
            (start, end), rest = relative
            if compare is not None:  # both periods move together
                moved = _relative(norm, *compare)
                compare = moved[0] if moved is not None else None
        else:
            dates = find_dates(norm, today)
            if dates is not None:
                distance = _distance(previous)
                start, end, rest = dates.start, dates.end, dates.text
                compare = _at_distance(start, end, distance) if distance is not None else None
    rest = _LEAD.sub(" ", rest.strip()).strip()
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
    account_kind = previous.account_kind
    kind = _kind_named(rest) if previous.account_kind is not None else None
    if kind is not None:
        account_kind, account = kind, None
    elif isinstance(probe, Query):
        narrowing = bool(_NARROW.search(rest))
        if probe.merchant:
            merchant = probe.merchant
            category = category if narrowing else None
        if probe.category:
            category = probe.category
            merchant = merchant if narrowing else None
        if probe.account:
            account, account_kind = probe.account, None
        if probe.group_by:
            group_by = probe.group_by
    if metric in ("net_worth", "savings_rate"):
        category = merchant = None
    if metric != "balance":
        account_kind = None
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
        compare_start=compare[0] if compare is not None else None,
        compare_end=compare[1] if compare is not None else None,
        account_kind=account_kind,
    )
