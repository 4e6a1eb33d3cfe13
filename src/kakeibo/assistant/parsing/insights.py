"""The shapes of insights questions (issue 13): a forecast of months ahead, what is unusual, the health score.
Pure cues over lower-case text (number words already digits); `offline` reads the category, account and period
with its own helpers, so a word means here what it means everywhere else. A number of months ahead ("the next 3
months", "in 2 months") is a period, never an amount."""

from __future__ import annotations

import datetime
import re

from kakeibo.core.periods import month_of, month_start, shift_months

FORECAST = re.compile(
    r"\b(?:forecast|predict(?:ed|ion)?|project(?:ed|ion)?|estimate|outlook)\b"
    r"|\bexpect(?:ed)?\b(?=.*\b(?:spend|spending|bill|cost|expenses?)\b)"
    r"|\bwill (?:i|we|my \w+|our \w+|\w+(?: \w+)?) (?:spend|have spent|cost|be|end up)\b"
    r"|\b(?:i|we)'ll spend\b"
    r"|\b(?:am|are) (?:i|we) going to spend\b|\bgoing to (?:spend|look like|cost)\b"
    r"|\bat this (?:rate|pace)\b|\bend up\b"
)
ANOMALIES = re.compile(
    r"\b(?:unusual|weird|strange|odd|suspicious|anomal(?:y|ies|ous)|abnormal|out of the ordinary|stands? out"
    r"|look(?:s|ed)? off|duplicate (?:charges?|payments?|transactions?)|charged twice|flag anything)\b"
)
HEALTH = re.compile(
    r"\bhealth(?:y)?\b(?=.*\b(?:finances?|financial|money|score|check)\b)|\b(?:financial|money|finances?) health\b"
    r"|\bscorecard\b|\b(?:finance|financial|money) score\b|\bhealth score\b|\bgrade\b(?=.*\bfinances?\b)"
    r"|\brate my finances\b|\bhow am i doing financially\b|\bhow (?:good|healthy) are my finances\b"
)
# "the next 3 months", "over the next 12 months", "next six months" (digits by now): whole months after this one.
_NEXT_MONTHS = re.compile(r"\b(?:in |for |over |during )?(?:the )?next (?P<n>\d{1,2}) months\b")
# "in 2 months": the one month that far ahead.
_IN_MONTHS = re.compile(r"\bin (?P<n>\d{1,2}) months?(?: time)?\b")
_END_OF_MONTH = re.compile(r"\b(?:by )?(?:the )?end of (?:the|this) month\b|\bthis month\b")


def kind_of(text: str) -> str | None:
    """ "health", "anomalies" or "forecast" when the sentence asks for one, else None (health first: "how healthy
    will my finances be" is a score, "anything unusual" is no forecast)."""
    if HEALTH.search(text):
        return "health"
    if ANOMALIES.search(text):
        return "anomalies"
    if FORECAST.search(text):
        return "forecast"
    return None


def months_ahead(text: str, today: datetime.date) -> tuple[datetime.date, datetime.date, str] | None:
    """A number of months ahead said as a period: its first and last day and the text without it."""
    first = shift_months(month_start(today), 1)
    found = _NEXT_MONTHS.search(text)
    if found:
        n = int(found.group("n"))
        if 1 <= n <= 12:
            end = shift_months(first, n) - datetime.timedelta(days=1)
            return first, end, (text[: found.start()] + " " + text[found.end() :]).strip()
    found = _IN_MONTHS.search(text)
    if found:
        n = int(found.group("n"))
        if 1 <= n <= 12:
            month = month_of(shift_months(month_start(today), n))
            return month.start, month.last, (text[: found.start()] + " " + text[found.end() :]).strip()
    return None


def this_month_said(text: str) -> bool:
    return _END_OF_MONTH.search(text) is not None


def ahead(start: datetime.date, end: datetime.date, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """A forecast's month named without a year is the coming one: "january" asked in November is next January."""
    if start < month_start(today):
        return shift_months(start, 12), month_of(shift_months(month_start(end), 12)).last
    return start, end
