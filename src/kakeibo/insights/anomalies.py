"""Anomalies a person would want to look at, each with its reason in one line and a score: pure functions over plain
expense rows and the recurring series, so detection is tested without a database.

The kinds, and how each is judged (every threshold is for the month a row falls in, against the 12 months before
that month, so an anomaly is the same whatever period it is asked for):
- `unusual`: far above what this payee usually costs: the modified z-score (Iglewicz and Hoaglin) of the amount's
  logarithm against the payee's median and MAD, at least 3.5, and at least 1.5 times the median. Under 10 rows
  of the payee, its category's rows are the reference (at least 10 of them), else nothing is said.
- `new_payee`: the first charge ever from a payee, larger than the household's 95th percentile of expenses.
- `duplicate`: the same payee and amount on the same account within two days (the later one is flagged), unless
  the payee did that before (a pair in the 12 months before: two coffees at one price are a habit).
- `price_change`: a recurring payment whose price changed within the period.
- `missed_income`: a recurring income expected within the period that has not come.
- `category_month`: a category whose month (so far) is at least 1.5 times its median month of the 12 before,
  and above it by more than 3.5 scaled MADs, recurring payments left out (they are judged as series) and unless
  a charge flagged already explains it.

Scores run from 0 to 1: 0.5 at a kind's flagging threshold, nearing 1 the further past it (x / (x + threshold)
of the kind's measure); a duplicate is 0.9 on the same day and 0.75 a day or two apart, a missed income 0.8.

A dismissal ("that's fine") hides its anomaly for good and teaches the payee's (or the category's) threshold for
that kind: an amount up to 10 % above the largest dismissed one is not flagged again.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import itertools
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kakeibo.core.money import minor_to_str
from kakeibo.core.periods import month_index, month_start, shift_months
from kakeibo.imports.payee import payee_key
from kakeibo.planning.recurring import SAME_PRICE, Series, SeriesKind, SeriesStatus

MIN_ROWS = 10  # the fewest rows of a payee (or category) whose statistics are trusted
Z_THRESHOLD = 3.5  # the modified z-score from which an amount is an outlier (Iglewicz and Hoaglin)
MIN_RATIO = 1.5  # and at least this many times the usual
MIN_LOG_SCALE = 0.05  # a steady payee's spread is taken as at least 5 % (its MAD may be zero)
NEW_PAYEE_QUANTILE = 0.95
MIN_HOUSEHOLD_ROWS = 20  # the fewest expenses a household's 95th percentile is taken from
DUPLICATE_DAYS = 2
HABIT = 1  # same-amount pairs within two days in the 12 months before that make them the payee's habit
HISTORY_MONTHS = 12
MIN_MONTHS = 3  # the fewest previous months a category's usual month is taken from
TAUGHT_MARGIN = 1.10  # a dismissed amount raises the threshold to 10 % above it
PRICE_SCALE = 0.10  # a price change's score: change / (change + 10 %)
MAD_SCALE = 1.4826  # MAD to a standard deviation, for normal data


Money = Callable[[int], str]


class AnomalyKind(enum.StrEnum):
    unusual = "unusual"
    new_payee = "new_payee"
    duplicate = "duplicate"
    price_change = "price_change"
    missed_income = "missed_income"
    category_month = "category_month"


@dataclass(frozen=True, slots=True)
class ExpenseRow:
    """One expense transaction in the household's currency: `amount_minor` what it cost (refunds negative)."""

    transaction_id: int
    date: dt.date
    payee: str
    amount_minor: int
    account_id: int
    account: str
    category: str | None


@dataclass(frozen=True, slots=True)
class Dismissal:
    anomaly_id: str
    kind: str
    payee_key: str | None
    category: str | None
    amount_minor: int | None


@dataclass(frozen=True, slots=True)
class Anomaly:
    id: str
    kind: AnomalyKind
    transaction_id: int | None
    date: dt.date
    payee: str | None
    amount_minor: int
    category: str | None
    score: float
    reasons: tuple[str, ...]
    payee_key: str | None = None  # what a dismissal teaches
    account: str | None = None


def anomaly_id(kind: AnomalyKind, ref: str) -> str:
    """The short id a person types (`kakeibo anomalies dismiss 3f9a0c12d4ab`): a digest of the kind and what it is
    about (a transaction, a series and its date, a category and its month)."""
    return hashlib.sha256(f"{kind.value}:{ref}".encode()).hexdigest()[:12]


def _score(measure: float, threshold: float) -> float:
    return round(measure / (measure + threshold), 2) if measure > 0 else 0.0


@dataclass(slots=True)
class _Stats:
    count: int
    median_minor: int
    log_median: float
    log_scale: float


def _stats(amounts: Sequence[int]) -> _Stats:
    logs = sorted(math.log(a) for a in amounts)
    center = statistics.median(logs)
    mad = statistics.median(abs(v - center) for v in logs)
    return _Stats(len(amounts), round(statistics.median(amounts)), center, max(MAD_SCALE * mad, MIN_LOG_SCALE))


def _quantile(values: Sequence[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


@dataclass(slots=True)
class _Month:
    """The references of one month: the 12 months before it."""

    by_payee: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    amounts: list[int] = field(default_factory=list)
    habits: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # same-amount pairs within two days
    payee_stats: dict[str, _Stats | None] = field(default_factory=dict)
    category_stats: dict[str, _Stats | None] = field(default_factory=dict)

    def of_payee(self, key: str) -> _Stats | None:
        if key not in self.payee_stats:
            rows = self.by_payee.get(key, [])
            self.payee_stats[key] = _stats(rows) if len(rows) >= MIN_ROWS else None
        return self.payee_stats[key]

    def of_category(self, name: str) -> _Stats | None:
        if name not in self.category_stats:
            rows = self.by_category.get(name, [])
            self.category_stats[name] = _stats(rows) if len(rows) >= MIN_ROWS else None
        return self.category_stats[name]


def _taught(dismissals: Iterable[Dismissal]) -> dict[tuple[str, str], int]:
    """(kind, payee key or category) -> the largest amount dismissed."""
    taught: dict[tuple[str, str], int] = {}
    for one in dismissals:
        subject = one.payee_key or one.category
        if subject is None or one.amount_minor is None:
            continue
        key = (one.kind, subject)
        taught[key] = max(taught.get(key, 0), abs(one.amount_minor))
    return taught


def detect(
    rows: Sequence[ExpenseRow],
    *,
    start: dt.date,
    end: dt.date,
    currency: str,
    seen_before: Iterable[str] = (),
    series: Sequence[Series] = (),
    dismissals: Sequence[Dismissal] = (),
) -> list[Anomaly]:
    """The anomalies dated from `start` through `end`, highest score first. `rows` are the household's expenses from
    12 months before `start`'s month through `end`; `seen_before` the payee keys with rows older than those."""

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    taught = _taught(dismissals)
    hidden = {one.anomaly_id for one in dismissals}
    first_month = shift_months(month_start(start), -HISTORY_MONTHS)
    keys: dict[str, str] = {}

    def key_of(payee: str) -> str:
        if payee not in keys:
            keys[payee] = payee_key(payee)
        return keys[payee]

    ordered = sorted(
        (r for r in rows if r.date >= first_month and r.date <= end), key=lambda r: (r.date, r.transaction_id)
    )
    charges = [r for r in ordered if r.amount_minor > 0]
    first_seen: dict[str, dt.date] = {}
    for row in charges:
        if row.payee.strip():
            first_seen.setdefault(key_of(row.payee), row.date)
    old = set(seen_before)
    # Bills that recur (rent) are not what "large for this household" is measured against.
    recurring = {tid for one in series for tid in one.transaction_ids}
    # Each month of the period, with the charges of the 12 months before it.
    months: dict[int, _Month] = {}

    def month_of(day: dt.date) -> _Month:
        index = month_index(day)
        if index not in months:
            made = _Month()
            low = index - HISTORY_MONTHS
            last_seen: dict[tuple[int, str, int], dt.date] = {}
            for row in charges:
                at = month_index(row.date)
                if at >= index:
                    break
                if at >= low:
                    if row.payee.strip():
                        key = key_of(row.payee)
                        made.by_payee[key].append(row.amount_minor)
                        alike_key = (row.account_id, key, row.amount_minor)
                        if alike_key in last_seen and (row.date - last_seen[alike_key]).days <= DUPLICATE_DAYS:
                            made.habits[key] += 1
                        last_seen[alike_key] = row.date
                    if row.category:
                        made.by_category[row.category].append(row.amount_minor)
                    if row.transaction_id not in recurring:
                        made.amounts.append(row.amount_minor)
            months[index] = made
        return months[index]

    by_id = {row.transaction_id: row for row in charges}
    changes = _price_changes(series, by_id, start=start, end=end)
    in_series = {tid for one, _, _ in changes for tid in one.transaction_ids}
    found: list[Anomaly] = []

    def allowed(kind: AnomalyKind, subject: str | None, amount: int) -> bool:
        limit = taught.get((kind.value, subject)) if subject else None
        return limit is None or abs(amount) > limit * TAUGHT_MARGIN

    # Same payee and amount on the same account, for duplicates: (account, payee key, amount) -> the rows.
    alike: dict[tuple[int, str, int], list[ExpenseRow]] = defaultdict(list)
    for row in charges:
        if row.payee.strip():
            alike[(row.account_id, key_of(row.payee), row.amount_minor)].append(row)

    for row in charges:
        if row.date < start:
            continue
        payee = row.payee.strip()
        key = key_of(row.payee) if payee else None
        reference = month_of(row.date)
        # A first charge ever from this payee, large for the household.
        is_new = key is not None and key not in old and first_seen.get(key) == row.date
        if is_new and key not in reference.by_payee and len(reference.amounts) >= MIN_HOUSEHOLD_ROWS:
            p95 = _quantile(reference.amounts, NEW_PAYEE_QUANTILE)
            if row.amount_minor > p95 and allowed(AnomalyKind.new_payee, key, row.amount_minor):
                found.append(
                    _of_row(
                        AnomalyKind.new_payee,
                        row,
                        key,
                        _score(row.amount_minor / p95, 1.0),
                        f"First charge ever from {payee}, and larger than 95 % of this household's expenses "
                        f"(95th percentile {money(p95)})",
                    )
                )
                continue
        # Far above what this payee (or, with too few of its rows, its category) usually costs.
        if row.transaction_id not in in_series:
            stats, whose = (reference.of_payee(key), payee) if key is not None else (None, "")
            if stats is None and row.category:
                stats, whose = reference.of_category(row.category), f"a {row.category.rsplit('/', 1)[-1]} charge"
            if stats is not None and stats.median_minor > 0:
                z = (math.log(row.amount_minor) - stats.log_median) / stats.log_scale
                ratio = row.amount_minor / stats.median_minor
                if z >= Z_THRESHOLD and ratio >= MIN_RATIO and allowed(AnomalyKind.unusual, key, row.amount_minor):
                    found.append(
                        _of_row(
                            AnomalyKind.unusual,
                            row,
                            key,
                            _score(z, Z_THRESHOLD),
                            f"{ratio:.1f}× what {whose} usually costs (median {money(stats.median_minor)} over "
                            f"{stats.count} charges in the 12 months before)",
                        )
                    )
        # The same payee and amount on the same account within two days.
        if key is not None and reference.habits.get(key, 0) < HABIT:
            for other in alike[(row.account_id, key, row.amount_minor)]:
                gap = (row.date - other.date).days
                if other is row or gap < 0 or gap > DUPLICATE_DAYS:
                    continue
                if gap == 0 and other.transaction_id > row.transaction_id:
                    continue  # the later of a pair is the duplicate
                if allowed(AnomalyKind.duplicate, key, row.amount_minor):
                    when = "the same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} before"
                    found.append(
                        _of_row(
                            AnomalyKind.duplicate,
                            row,
                            key,
                            0.9 if gap == 0 else 0.75,
                            f"Same payee and amount as transaction {other.transaction_id} {when} "
                            f"({other.date.isoformat()}) on {row.account}: a double charge?",
                        )
                    )
                break

    found.extend(_series_anomalies(series, changes, start=start, end=end, money=money, allowed=allowed))
    explained: dict[tuple[str | None, int], int] = defaultdict(int)
    for one in found:
        if one.transaction_id is not None:
            explained[(one.category, month_index(one.date))] += one.amount_minor
    # A recurring payment is judged as a series (its price, its missed dates), not as a month's swing of its category.
    discretionary = [row for row in ordered if row.transaction_id not in recurring]
    found.extend(_category_months(discretionary, explained, start=start, end=end, money=money, allowed=allowed))
    found = [one for one in found if one.id not in hidden]
    return sorted(found, key=lambda a: (-a.score, a.date, a.id))


Allowed = Callable[[AnomalyKind, str | None, int], bool]


def _of_row(kind: AnomalyKind, row: ExpenseRow, key: str | None, score: float, reason: str) -> Anomaly:
    return Anomaly(
        id=anomaly_id(kind, str(row.transaction_id)),
        kind=kind,
        transaction_id=row.transaction_id,
        date=row.date,
        payee=row.payee.strip() or None,
        amount_minor=row.amount_minor,
        category=row.category,
        score=score,
        reasons=(reason,),
        payee_key=key,
        account=row.account,
    )


def _price_changes(
    series: Sequence[Series], by_id: dict[int, ExpenseRow], *, start: dt.date, end: dt.date
) -> list[tuple[Series, ExpenseRow, ExpenseRow]]:
    """Each live expense series whose latest payment in the period costs other than the one before it (by more than
    planning's same-price band): the series, the payment before and the new one. Read from the payments, so the
    first payment at a new price already shows (detection calls it a price change from the second on)."""
    found = []
    for one in series:
        if one.kind is not SeriesKind.expense or one.status in (SeriesStatus.dismissed, SeriesStatus.ended):
            continue
        paid = sorted((by_id[t] for t in one.transaction_ids if t in by_id), key=lambda r: (r.date, r.transaction_id))
        for before, after in reversed(list(itertools.pairwise(paid))):
            if not start <= after.date <= end:
                continue
            if abs(after.amount_minor - before.amount_minor) > abs(before.amount_minor) * SAME_PRICE:
                found.append((one, before, after))
            break
    return found


def _series_anomalies(
    series: Sequence[Series],
    changes: Sequence[tuple[Series, ExpenseRow, ExpenseRow]],
    *,
    start: dt.date,
    end: dt.date,
    money: Money,
    allowed: Allowed,
) -> list[Anomaly]:
    show = money
    found = []
    for one, was, now in changes:
        before, after = was.amount_minor, now.amount_minor
        relative = (after - before) / before
        key = payee_key(one.payee)
        if allowed(AnomalyKind.price_change, key, after):
            found.append(
                Anomaly(
                    id=anomaly_id(AnomalyKind.price_change, f"{one.key}:{now.date.isoformat()}"),
                    kind=AnomalyKind.price_change,
                    transaction_id=None,
                    date=now.date,
                    payee=one.payee,
                    amount_minor=after,
                    category=one.category,
                    score=_score(abs(relative), PRICE_SCALE),
                    reasons=(
                        f"{one.payee} went {'up' if after > before else 'down'} from {show(before)} to "
                        f"{show(after)} ({relative:+.0%}) on {now.date.isoformat()}, a {one.cadence.value} payment",
                    ),
                    payee_key=key,
                    account=one.account,
                )
            )
    for one in series:
        if one.status in (SeriesStatus.dismissed, SeriesStatus.ended):
            continue
        if one.kind is SeriesKind.income and one.status is SeriesStatus.late and start <= one.next_date <= end:
            found.append(
                Anomaly(
                    id=anomaly_id(AnomalyKind.missed_income, f"{one.key}:{one.next_date.isoformat()}"),
                    kind=AnomalyKind.missed_income,
                    transaction_id=None,
                    date=one.next_date,
                    payee=one.payee,
                    amount_minor=abs(one.next_amount_minor),
                    category=one.category,
                    score=0.8,
                    reasons=(
                        f"The {one.cadence.value} income from {one.payee} of {show(abs(one.next_amount_minor))} "
                        f"expected on {one.next_date.isoformat()} has not come",
                    ),
                    payee_key=payee_key(one.payee),
                    account=one.account,
                )
            )
    return found


def _category_months(
    rows: Sequence[ExpenseRow],
    explained: dict[tuple[str | None, int], int],
    *,
    start: dt.date,
    end: dt.date,
    money: Money,
    allowed: Allowed,
) -> list[Anomaly]:
    show = money
    totals: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    active: set[int] = set()
    for row in rows:
        if row.category:
            totals[row.category][month_index(row.date)] += row.amount_minor
            active.add(month_index(row.date))
    if not active:
        return []
    first_active = min(active)
    found = []
    for index in range(month_index(start), month_index(end) + 1):
        previous = range(max(first_active, index - HISTORY_MONTHS), index)
        if len(previous) < MIN_MONTHS:
            continue
        year, month0 = divmod(index, 12)
        month = dt.date(year, month0 + 1, 1)
        for category, by_month in totals.items():
            total = by_month.get(index, 0)
            usual = [by_month.get(i, 0) for i in previous]
            median = statistics.median(usual)
            if median <= 0 or total <= 0:
                continue
            mad = statistics.median(abs(v - median) for v in usual)
            excess = total - median
            ratio = total / median
            if ratio < MIN_RATIO or excess <= Z_THRESHOLD * MAD_SCALE * mad:
                continue
            # A month high only because of a charge flagged already says nothing more.
            rest = total - explained.get((category, index), 0)
            if rest < median * MIN_RATIO or rest - median <= Z_THRESHOLD * MAD_SCALE * mad:
                continue
            if not allowed(AnomalyKind.category_month, category, total):
                continue
            through = min(end, shift_months(month, 1) - dt.timedelta(days=1))
            name = category.rsplit("/", 1)[-1]
            so_far = " so far" if through < shift_months(month, 1) - dt.timedelta(days=1) else ""
            found.append(
                Anomaly(
                    id=anomaly_id(AnomalyKind.category_month, f"{category}:{month.isoformat()}"),
                    kind=AnomalyKind.category_month,
                    transaction_id=None,
                    date=through,
                    payee=None,
                    amount_minor=total,
                    category=category,
                    score=_score(ratio, MIN_RATIO),
                    reasons=(
                        f"{name} is {ratio:.1f}× its usual month{so_far} in {month:%B %Y}: {show(total)} against a "
                        f"median of {show(round(median))} over the {len(usual)} months before",
                    ),
                )
            )
    return found
