"""Dates as banks print them: strftime-style formats compiled to fast readers, and a sniffer for US vs EU order."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DATE_FORMATS", "DateError", "DateGuess", "date_label", "date_reader", "sniff_date_format"]


class DateError(ValueError):
    """Not a date in the expected format; the message is for a human."""


# Tried in this order; US and EU day/month orders are told apart by `sniff_date_format`.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%m-%d-%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d.%m.%y",
    "%d-%m-%y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%b %d, %Y",
    "%b %d %Y",
    "%Y年%m月%d日",
)
# Formats that differ only in day/month order: if both read every sample the order is ambiguous.
_SWAPPED = {
    "%m/%d/%Y": "%d/%m/%Y",
    "%d/%m/%Y": "%m/%d/%Y",
    "%m-%d-%Y": "%d-%m-%Y",
    "%d-%m-%Y": "%m-%d-%Y",
    "%m/%d/%y": "%d/%m/%y",
    "%d/%m/%y": "%m/%d/%y",
}
_DAY_FIRST = {"%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y", "%d-%m-%y"}

_MONTHS = {
    **{name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun"), 1)},
    **{name: i for i, name in enumerate(("jul", "aug", "sep", "oct", "nov", "dec"), 7)},
    # German and French abbreviations that differ from the English ones.
    "mär": 3,
    "mrz": 3,
    "mai": 5,
    "okt": 10,
    "dez": 12,
    "fév": 2,
    "fev": 2,
    "avr": 4,
    "jui": 6,
    "aoû": 8,
    "aou": 8,
    "déc": 12,
}
_TIME_DIRECTIVES = ("%H", "%I", "%M", "%S", "%p", "%z", "%Z", "%f", "%T")


def _date_part(fmt: str) -> str:
    """The date part of a format: a time of day after it is accepted and ignored."""
    cut = min((i for i in (fmt.find(d) for d in _TIME_DIRECTIVES) if i >= 0), default=len(fmt))
    return fmt[:cut].rstrip(" T,")


def date_label(fmt: str) -> str:
    """A format as people write it: "%d.%m.%Y" -> "DD.MM.YYYY"."""
    label = _date_part(fmt)
    for directive, text in (("%d", "DD"), ("%m", "MM"), ("%Y", "YYYY"), ("%y", "YY"), ("%b", "Mon"), ("%B", "Month")):
        label = label.replace(directive, text)
    return label


@lru_cache(maxsize=64)
def _compile(fmt: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    date_fmt = _date_part(fmt)
    if not date_fmt:
        raise ValueError(f"{fmt!r} has no date part")
    compact = re.fullmatch(r"(?:%[dmYy])+", date_fmt) is not None  # "%Y%m%d": fixed widths, no separators
    pattern: list[str] = []
    fields: list[str] = []
    i = 0
    while i < len(date_fmt):
        char = date_fmt[i]
        if char == "%" and i + 1 < len(date_fmt):
            directive = date_fmt[i + 1]
            i += 2
            if directive in "dm":
                pattern.append(r"(\d{2})" if compact else r"(\d{1,2})")
            elif directive == "Y":
                pattern.append(r"(\d{4})")
            elif directive == "y":
                pattern.append(r"(\d{2})")
            elif directive in "bB":
                pattern.append(r"([^\W\d_]{3,})\.?")
            else:
                raise ValueError(f"unsupported date directive %{directive} in {fmt!r}")
            fields.append(directive)
            continue
        pattern.append(r"\s+" if char == " " else re.escape(char))
        i += 1
    # The date may be followed by a time ("2022-01-02 12:16:54", "2022-01-02T12:16:54Z"), nothing else.
    regex = re.compile("".join(pattern) + r"(?:[ T].*)?", re.IGNORECASE | re.DOTALL)
    return regex, tuple(fields)


def date_reader(fmt: str) -> Callable[[str], datetime.date]:
    """A fast reader for one format; raises DateError with a message like '"31.02.2022" is not a date (DD.MM.YYYY)'."""
    regex, fields = _compile(fmt)
    label = date_label(fmt)
    day_i = fields.index("d") if "d" in fields else -1
    year_i = fields.index("Y") if "Y" in fields else fields.index("y")
    short_year = "y" in fields
    month_i = fields.index("m") if "m" in fields else fields.index("b" if "b" in fields else "B")
    month_name = fields[month_i] in "bB"

    def read(text: str) -> datetime.date:
        match = regex.fullmatch(text.strip())
        if match is None:
            raise DateError(f'"{text.strip()}" is not a date ({label})' if text.strip() else "the date is empty")
        groups = match.groups()
        year = int(groups[year_i])
        if short_year:
            year += 2000 if year < 70 else 1900
        month = _MONTHS.get(groups[month_i][:3].casefold(), 0) if month_name else int(groups[month_i])
        day = int(groups[day_i]) if day_i >= 0 else 1
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise DateError(f'"{text.strip()}" is not a date ({label})') from None

    return read


@dataclass(frozen=True, slots=True)
class DateGuess:
    format: str
    ambiguous: bool  # day/month order could not be told from the samples
    share: float  # the share of samples the format reads


def sniff_date_format(
    values: Iterable[str], *, day_first: bool | None = None, candidates: Sequence[str] = DATE_FORMATS
) -> DateGuess | None:
    """The format that reads the most samples. Looking at every sample settles US vs EU order as soon as one day
    is above 12; when none is, `day_first` decides (callers prefer US for "$" files, EU otherwise)."""
    samples = [v.strip() for v in values if v.strip()]
    if not samples:
        return None
    scores: dict[str, int] = {}
    for fmt in candidates:
        read = date_reader(fmt)
        ok = 0
        for value in samples:
            try:
                read(value)
            except DateError:
                continue
            ok += 1
        if ok:
            scores[fmt] = ok
    if not scores:
        return None
    best = max(scores.values())
    tied = [fmt for fmt in candidates if scores.get(fmt) == best]
    chosen = tied[0]
    ambiguous = False
    swapped = _SWAPPED.get(chosen)
    if swapped in tied:
        ambiguous = True
        if day_first is not None and (chosen in _DAY_FIRST) != day_first:
            chosen = swapped
    return DateGuess(chosen, ambiguous, best / len(samples))


def is_day_first(fmt: str) -> bool:
    return _date_part(fmt) in _DAY_FIRST
