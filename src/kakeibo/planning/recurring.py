"""Recurring series found in the books: pure functions over plain payment rows, so detection is tested without a
database and stays computed (only what people say about a series is stored).

A payment is one transaction seen from its account: signed from the account's side (money out is negative).
Payments are grouped by account, kind and currency, then by payee: the import package's cleaning first
("SQ *BLUE BOTTLE #12" -> "Blue Bottle"), then Jaro-Winkler over the cleaned keys so "Blue Bottle" and
"Blue Bottle Coffee" meet. Within a payee, amounts within a band form candidates; a candidate is a series when its
dates fit one cadence's schedule (each hit within the cadence's day tolerance of its expected date, few gaps).
Two bands that follow each other in time on the same cadence are one series whose price changed."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from kakeibo.imports.payee import clean_payee, payee_key


class Cadence(enum.StrEnum):
    weekly = "weekly"
    biweekly = "biweekly"
    semi_monthly = "semi-monthly"
    monthly = "monthly"
    quarterly = "quarterly"
    semi_annual = "semi-annual"
    yearly = "yearly"


class SeriesKind(enum.StrEnum):
    expense = "expense"
    income = "income"
    transfer = "transfer"


class SeriesStatus(enum.StrEnum):
    early = "early"  # two hits: a cadence, not yet a habit
    active = "active"
    late = "late"  # past its expected date by more than the cadence's tolerance
    ended = "ended"  # a second expected payment has gone by too
    dismissed = "dismissed"  # a person said it is no series (shown only with --all)


@dataclass(frozen=True, slots=True)
class _Rhythm:
    days: float  # the period in days (month-based cadences: their average length, for sorting and gaps)
    months: int  # 0 for day-based cadences
    tolerance: int  # days a hit may sit from its expected date (weekends, month ends, February)
    per_year: int


RHYTHMS: dict[Cadence, _Rhythm] = {
    Cadence.weekly: _Rhythm(7, 0, 2, 52),
    Cadence.biweekly: _Rhythm(14, 0, 3, 26),
    # Twice a month averages 365.25 / 24 days; the 1st-and-15th pattern sits within a day or two of that grid.
    Cadence.semi_monthly: _Rhythm(365.25 / 24, 0, 4, 24),
    Cadence.monthly: _Rhythm(365.25 / 12, 1, 7, 12),
    Cadence.quarterly: _Rhythm(365.25 / 4, 3, 10, 4),
    Cadence.semi_annual: _Rhythm(365.25 / 2, 6, 14, 2),
    Cadence.yearly: _Rhythm(365.25, 12, 20, 1),
}

# Cleaned payee keys at least this similar are one payee ("blue bottle" / "blue bottle coffee": 0.92).
PAYEE_SIMILARITY = 0.9
# Amounts within this ratio of a band's smallest are one band (a price rise of 16% stays in its band).
AMOUNT_BAND = 1.25
# The share of a schedule's slots between the first and the last hit that must have a hit (one gap in four).
MIN_COVERAGE = 0.7
# Two consecutive amounts within this relative difference are the same price.
SAME_PRICE = 0.02


@dataclass(frozen=True, slots=True)
class Payment:
    """One transaction from its account's side: `amount_minor` signed (money out negative)."""

    transaction_id: int
    date: dt.date
    payee: str
    amount_minor: int
    currency: str
    account_id: int
    account: str
    kind: SeriesKind
    category: str | None = None


@dataclass(frozen=True, slots=True)
class PriceChange:
    before_minor: int
    after_minor: int
    since: dt.date


@dataclass(frozen=True, slots=True)
class Series:
    key: str  # stable across detections: kind, account and the payee's key (plus a rank if one payee has several)
    payee: str
    category: str | None
    account_id: int
    account: str
    kind: SeriesKind
    cadence: Cadence
    amount_minor: int  # typical, at the current price
    currency: str
    first_date: dt.date
    last_date: dt.date
    next_date: dt.date
    next_amount_minor: int
    count: int
    transaction_ids: tuple[int, ...]
    status: SeriesStatus
    price_change: PriceChange | None = None
    confirmed: bool = False
    anchor: int = 0  # month-based cadences: the day of month expected (31: the month's last day)

    @property
    def id(self) -> str:
        return series_id(self.key)

    @property
    def yearly_minor(self) -> int:
        """A year of it at the current price, signed like the amount."""
        return self.amount_minor * RHYTHMS[self.cadence].per_year


def series_id(key: str) -> str:
    """The short id a person types (`kakeibo recurring dismiss 3f9a0c12d4`): a digest of the stable key."""
    return hashlib.sha256(key.encode()).hexdigest()[:10]


# --- dates -------------------------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def add_months(day: dt.date, months: int, *, anchor: int | None = None) -> dt.date:
    """`day` moved by whole months, on `anchor` (a day of month; 31 means the month's last day), clamped."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(anchor or day.day, _month_end(year, month)))


@dataclass(frozen=True, slots=True)
class _Fit:
    cadence: Cadence
    coverage: float
    deviation: float
    slots: tuple[int, ...]  # each hit's slot on the schedule
    start: dt.date  # slot 0
    anchor: int  # month-based: the day of month (31: month end)

    def expected(self, slot: int) -> dt.date:
        rhythm = RHYTHMS[self.cadence]
        if rhythm.months:
            return add_months(self.start.replace(day=1), slot * rhythm.months, anchor=self.anchor)
        return self.start + dt.timedelta(days=round(slot * rhythm.days))


def _anchor_day(dates: Sequence[dt.date]) -> int:
    days = sorted(d.day for d in dates)
    # Paid on the last day (or within a weekend of it) most months: the anchor is the month end, so February fits.
    near_end = sum(1 for d in dates if _month_end(d.year, d.month) - d.day <= 2)
    if near_end * 2 > len(dates):
        return 31
    return int(statistics.median_low(days))


def _fit(dates: Sequence[dt.date], cadence: Cadence) -> _Fit | None:
    rhythm = RHYTHMS[cadence]
    first = dates[0]
    if rhythm.months:
        anchor = _anchor_day(dates)
        # A hit just before its month (a payment due on the 1st made on the 30th) belongs to the next month's slot.
        start = add_months(first.replace(day=1), 0, anchor=anchor)
        if (start - first).days > rhythm.tolerance:
            start = add_months(first.replace(day=1), -rhythm.months, anchor=anchor)
        elif (first - start).days > rhythm.days / 2:
            start = add_months(first.replace(day=1), rhythm.months, anchor=anchor)
    else:
        anchor, start = 0, first
    # Day-based grids start at the first hit, which has its own jitter: the first pass allows twice the tolerance
    # (less than half a period), then the grid moves to the hits' median offset and the tolerance is checked.
    allowance = rhythm.tolerance if rhythm.months else min(2 * rhythm.tolerance, int((rhythm.days - 1) // 2))
    draft = _Fit(cadence, 0.0, 0.0, (), start, anchor)
    slots: list[int] = []
    deviations: list[int] = []
    for day in dates:
        guess = round((day - start).days / rhythm.days)
        best = min((guess - 1, guess, guess + 1), key=lambda s: abs((day - draft.expected(s)).days))
        deviation = abs((day - draft.expected(best)).days)
        if deviation > allowance or (slots and best <= slots[-1]):
            return None
        slots.append(best)
        deviations.append(deviation)
    if not rhythm.months:
        offsets = sorted((day - start).days - round(slot * rhythm.days) for day, slot in zip(dates, slots, strict=True))
        start += dt.timedelta(days=offsets[len(offsets) // 2])
        moved = _Fit(cadence, 0.0, 0.0, (), start, 0)
        deviations = [abs((day - moved.expected(s)).days) for day, s in zip(dates, slots, strict=True)]
        if max(deviations) > rhythm.tolerance:
            return None
    span = slots[-1] - slots[0] + 1
    coverage = len(dates) / span
    if coverage < MIN_COVERAGE:
        return None
    return _Fit(cadence, coverage, sum(deviations) / len(deviations), tuple(slots), start, anchor)


def best_fit(dates: Sequence[dt.date]) -> _Fit | None:
    """The cadence whose schedule the dates fit best: fewest gaps, then the smallest deviation, then the longer
    period (two hits a month apart are monthly, not a weekly with gaps)."""
    if len(dates) < 2 or len(set(dates)) != len(dates):
        return None
    gaps = sorted((b - a).days for a, b in itertools.pairwise(dates))
    typical = gaps[len(gaps) // 2]
    # Only cadences near the typical gap can fit (a gap of a missed payment doubles one gap, not the median).
    near = [c for c in Cadence if RHYTHMS[c].days * 0.6 <= typical <= RHYTHMS[c].days * 1.5 + RHYTHMS[c].tolerance]
    fits = [fit for cadence in near if (fit := _fit(dates, cadence)) is not None]
    if not fits:
        return None
    return min(fits, key=lambda f: (-f.coverage, f.deviation / RHYTHMS[f.cadence].tolerance, -RHYTHMS[f.cadence].days))


# --- grouping ----------------------------------------------------------------------------------------------------


def _merge_similar(keys: Sequence[str]) -> dict[str, str]:
    """Each key's group representative: keys within PAYEE_SIMILARITY of each other join (union-find). Keys are
    compared only with those sharing their first letter (Jaro-Winkler weighs the prefix), each against its bucket
    in one call into rapidfuzz, so a household with thousands of payees stays in milliseconds."""
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    by_initial: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_initial[key[:1]].append(key)
    for bucket in by_initial.values():
        if len(bucket) < 2:
            continue
        for i, left in enumerate(bucket):
            rest = bucket[i + 1 :]
            first_word = left.split(" ", 1)[0]
            for _, _, j in process.extract(
                left, rest, scorer=JaroWinkler.normalized_similarity, score_cutoff=PAYEE_SIMILARITY, limit=None
            ):
                # Similar is not enough when the first words differ ("kabo cafe" is no "kabe cafe").
                if rest[j].split(" ", 1)[0] != first_word:
                    continue
                a, b = root(left), root(rest[j])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {key: root(key) for key in keys}


def _bands(payments: Sequence[Payment]) -> list[list[Payment]]:
    """Payments split into amount bands (sorted by size, a new band when an amount leaves AMOUNT_BAND of the
    band's smallest), each band in date order."""
    ordered = sorted(payments, key=lambda p: abs(p.amount_minor))
    bands: list[list[Payment]] = []
    limit = -1.0
    for payment in ordered:
        size = abs(payment.amount_minor)
        if size <= limit:
            bands[-1].append(payment)
        else:
            bands.append([payment])
            limit = max(size * AMOUNT_BAND, size + 100)
    return [sorted(band, key=lambda p: (p.date, p.transaction_id)) for band in bands if len(band) > 1]


def _dedupe_days(payments: Sequence[Payment]) -> list[Payment]:
    """One payment per day (two coffees on a day are not two beats of a rhythm): the later id is dropped."""
    seen: set[dt.date] = set()
    kept = []
    for payment in payments:
        if payment.date not in seen:
            seen.add(payment.date)
            kept.append(payment)
    return kept


def _steady(hits: Sequence[Payment]) -> bool:
    """A series keeps its price: at most one change in four hits (random spending changes every time), and two
    hits must be the very same amount to count at all."""
    changes = sum(
        1
        for a, b in itertools.pairwise(hits)
        if abs(a.amount_minor - b.amount_minor) > abs(b.amount_minor) * SAME_PRICE
    )
    if len(hits) == 2:
        return hits[0].amount_minor == hits[1].amount_minor
    return changes <= len(hits) // 4


def _join_price_changes(candidates: list[tuple[list[Payment], _Fit]]) -> list[tuple[list[Payment], _Fit]]:
    """Bands of one payee on one cadence that follow each other (the second starts within two periods after the
    first ends) are one series whose price changed."""
    candidates.sort(key=lambda c: c[0][0].date)
    joined: list[tuple[list[Payment], _Fit]] = []
    for hits, fit in candidates:
        if joined:
            last_hits, last_fit = joined[-1]
            gap = (hits[0].date - last_hits[-1].date).days
            if (
                last_fit.cadence == fit.cadence
                and 0 < gap <= 2 * RHYTHMS[fit.cadence].days + RHYTHMS[fit.cadence].tolerance
            ):
                together = last_hits + hits
                refit = best_fit([p.date for p in together])
                if refit is not None and refit.cadence == fit.cadence:
                    joined[-1] = (together, refit)
                    continue
        joined.append((hits, fit))
    return joined


def _price(hits: Sequence[Payment]) -> tuple[int, PriceChange | None]:
    """The typical amount at the current price (the median of the trailing run at the last price), and the last
    change of price if there was one."""
    last = hits[-1].amount_minor
    run = 1
    while run < len(hits) and abs(hits[-run - 1].amount_minor - last) <= abs(last) * SAME_PRICE:
        run += 1
    current = [p.amount_minor for p in hits[-run:]]
    typical = int(statistics.median_low(sorted(current)))
    if run == len(hits) or run < 2:
        return typical, None
    before = int(statistics.median_low(sorted(p.amount_minor for p in hits[:-run])))
    return typical, PriceChange(before_minor=before, after_minor=typical, since=hits[-run].date)


def _status(fit: _Fit, *, next_date: dt.date, count: int, today: dt.date) -> SeriesStatus:
    rhythm = RHYTHMS[fit.cadence]
    overdue = (today - next_date).days
    if overdue > rhythm.days + rhythm.tolerance:
        return SeriesStatus.ended
    if overdue > rhythm.tolerance:
        return SeriesStatus.late
    return SeriesStatus.early if count == 2 else SeriesStatus.active


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str | None, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return max(counts, key=lambda v: (counts[v], v is not None)) if counts else None


def detect(payments: Iterable[Payment], *, today: dt.date) -> list[Series]:
    """Every recurring series in the payments, by next expected date. Payments after `today` are ignored."""
    groups: dict[tuple[int, SeriesKind, str], dict[str, list[Payment]]] = defaultdict(lambda: defaultdict(list))
    # Imports store payees cleaned already, so a household has a few thousand distinct ones: each is keyed once.
    keys: dict[str, str] = {}
    for payment in payments:
        if payment.date > today or not payment.amount_minor:
            continue
        payee = payment.payee
        key = keys.get(payee)
        if key is None:
            key = keys[payee] = payee_key(clean_payee(payee)) or payee.casefold()
        groups[payment.account_id, payment.kind, payment.currency][key].append(payment)
    representative = _merge_similar(sorted(set(keys.values())))
    found: list[Series] = []
    for by_key in groups.values():
        payees: dict[str, list[Payment]] = defaultdict(list)
        for key, rows in by_key.items():
            payees[representative[key]].extend(rows)
        for payee_group_key, rows in payees.items():
            candidates = []
            if len(rows) < 2:
                continue
            for band in _bands(rows):
                if len(band) < 2:
                    continue
                hits = _dedupe_days(band)
                if not _steady(hits):
                    continue
                fit = best_fit([p.date for p in hits])
                if fit is not None:
                    candidates.append((hits, fit))
            for rank, (hits, fit) in enumerate(_join_price_changes(candidates)):
                found.append(_series(hits, fit, rank=rank, group_key=payee_group_key, today=today))
    return sorted(found, key=lambda s: (s.next_date, s.payee, s.key))


def _series(hits: list[Payment], fit: _Fit, *, rank: int, group_key: str, today: dt.date) -> Series:
    first = hits[0]
    typical, change = _price(hits)
    next_date = fit.expected(fit.slots[-1] + 1)
    key = f"{first.kind.value}:{first.account_id}:{group_key}" + (f":{rank + 1}" if rank else "")
    return Series(
        key=key,
        payee=clean_payee(_most_common(p.payee for p in hits) or first.payee),
        category=_most_common(p.category for p in hits),
        account_id=first.account_id,
        account=first.account,
        kind=first.kind,
        cadence=fit.cadence,
        amount_minor=typical,
        currency=first.currency,
        first_date=first.date,
        last_date=hits[-1].date,
        next_date=next_date,
        next_amount_minor=hits[-1].amount_minor,
        count=len(hits),
        transaction_ids=tuple(p.transaction_id for p in hits),
        status=_status(fit, next_date=next_date, count=len(hits), today=today),
        price_change=change,
        anchor=fit.anchor,
    )


@dataclass(frozen=True, slots=True)
class SeriesNote:
    """What a person said about a series: dismissed (a tombstone), confirmed, renamed."""

    key: str
    dismissed: bool = False
    confirmed: bool = False
    name: str | None = None
    ended_on: dt.date | None = None


def apply_notes(series: Iterable[Series], notes: Iterable[SeriesNote], *, include_hidden: bool) -> list[Series]:
    """Detection overlaid with what people said, which wins: a dismissed series is shown only when asked for
    (status "dismissed"), a renamed one under its new name, one said to have ended is ended (until a payment after
    that day shows it is not); ended series are hidden unless asked for."""
    said = {note.key: note for note in notes}
    shown = []
    for one in series:
        note = said.get(one.key)
        if note is not None:
            one = replace(one, payee=note.name or one.payee, confirmed=note.confirmed)
            if note.ended_on is not None and one.last_date <= note.ended_on:
                one = replace(one, status=SeriesStatus.ended)
            if note.dismissed:
                if include_hidden:
                    shown.append(replace(one, status=SeriesStatus.dismissed))
                continue
        if one.status is SeriesStatus.ended and not include_hidden:
            continue
        shown.append(one)
    return shown


def upcoming(series: Iterable[Series], *, today: dt.date, days: int) -> list[tuple[dt.date, Series]]:
    """The expected payments from today through `days` days ahead, by date: a weekly series appears each week.
    A late series' missed date is not repeated: its next payment is expected from today on."""
    end = today + dt.timedelta(days=days)
    due: list[tuple[dt.date, Series]] = []
    for one in series:
        if one.status in (SeriesStatus.ended, SeriesStatus.dismissed):
            continue
        rhythm = RHYTHMS[one.cadence]
        day, step = one.next_date, 0
        while day <= end:
            if day >= today:
                due.append((day, one))
            step += 1
            if rhythm.months:
                day = add_months(one.next_date, step * rhythm.months, anchor=one.anchor or None)
            else:
                day = one.next_date + dt.timedelta(days=round(step * rhythm.days))
    return sorted(due, key=lambda d: (d[0], d[1].payee))


# ---- what a household is told: subscriptions, alerts, the lowest balance before payday ------------------------
# A price change or a new series is news for this long; after it, it is simply how things are.
NEWS_DAYS = 60


def live(series: Iterable[Series]) -> list[Series]:
    """The series still expected: not ended, not dismissed."""
    return [s for s in series if s.status not in (SeriesStatus.ended, SeriesStatus.dismissed)]


# What a subscription is filed under (the default taxonomy's names): rent, utilities, a phone plan, a car payment,
# insurance or a yearly donation recur too, but they are bills and gifts, not subscriptions.
SUBSCRIPTION_CATEGORIES = ("Subscriptions", "Entertainment", "Health/Fitness & Gym")


def is_subscription(one: Series) -> bool:
    """An expense series filed under a subscription's category (or one of its subcategories)."""
    category = one.category or ""
    return one.kind is SeriesKind.expense and any(
        category == where or category.startswith(where + "/") for where in SUBSCRIPTION_CATEGORIES
    )


def subscriptions(series: Iterable[Series]) -> list[Series]:
    """The payments a household has signed up for: its live series filed as subscriptions."""
    return [s for s in live(series) if is_subscription(s)]


class AlertKind(enum.StrEnum):
    price_increase = "price_increase"
    missed = "missed"
    new_subscription = "new_subscription"


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    series: Series
    date: dt.date  # when it happened: the new price's first day, the day the payment was expected, the first one
    old_minor: int | None = None
    new_minor: int | None = None


def alerts(series: Iterable[Series], *, today: dt.date) -> list[Alert]:
    """What a person would want to hear about, newest first: an expense whose price went up in the last `NEWS_DAYS` days, a
    payment (or income) that is late, a subscription (or an expense series nobody filed) that started in the last
    `NEWS_DAYS` days and that nobody has confirmed yet (a free trial turning into a subscription)."""
    since = today - dt.timedelta(days=NEWS_DAYS)
    found: list[Alert] = []
    for one in live(series):
        change = one.price_change
        if (
            change is not None
            and one.kind is SeriesKind.expense
            and abs(change.after_minor) > abs(change.before_minor)
            and change.since >= since
        ):
            found.append(Alert(AlertKind.price_increase, one, change.since, change.before_minor, change.after_minor))
        if one.status is SeriesStatus.late:
            found.append(Alert(AlertKind.missed, one, one.next_date, new_minor=one.next_amount_minor))
        signed_up = is_subscription(one) or (one.kind is SeriesKind.expense and one.category is None)
        if signed_up and not one.confirmed and one.first_date >= since:
            found.append(Alert(AlertKind.new_subscription, one, one.first_date, new_minor=one.amount_minor))
    return sorted(found, key=lambda a: (a.date, a.series.payee, a.kind.value), reverse=True)


@dataclass(frozen=True, slots=True)
class LowPoint:
    """An account's balance today, and the lowest it is expected to reach before its next income."""

    account_id: int
    balance_minor: int
    lowest_minor: int
    lowest_date: dt.date
    next_income: dt.date | None


def low_points(
    due: Sequence[tuple[dt.date, Series]], balances: dict[int, int], *, today: dt.date
) -> dict[int, LowPoint]:
    """For each account with something expected: walk its expected payments by date from today's balance and keep
    the lowest balance reached before its next expected income (through the whole window when none is due)."""
    by_account: dict[int, list[tuple[dt.date, Series]]] = defaultdict(list)
    for day, one in due:
        by_account[one.account_id].append((day, one))
    points = {}
    for account_id, items in by_account.items():
        balance = balances.get(account_id, 0)
        lowest, lowest_date, next_income = balance, today, None
        for day, one in sorted(items, key=lambda item: (item[0], item[1].next_amount_minor)):
            if one.next_amount_minor > 0 and one.kind is SeriesKind.income:
                next_income = day
                break
            balance += one.next_amount_minor
            if balance < lowest:
                lowest, lowest_date = balance, day
        points[account_id] = LowPoint(account_id, balances.get(account_id, 0), lowest, lowest_date, next_income)
    return points
