"""The plain data every statement parser produces: rows, their splits, per-line issues and the statement itself."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kakeibo.core.limits import date_problem, has_nul
from kakeibo.core.money import MAX_ABS_AMOUNT
from kakeibo.imports.formats.errors import FormatError as FormatError  # the formats import it from here

if TYPE_CHECKING:
    from kakeibo.imports.formats.mapping import CsvMapping


@dataclass(frozen=True, slots=True)
class Split:
    category: str | None
    amount: str
    memo: str = ""


@dataclass(frozen=True, slots=True)
class ParsedRow:
    line: int
    date: datetime.date
    amount: str
    currency: str | None
    payee: str
    description: str = ""
    bank_id: str | None = None
    account: str | None = None
    category: str | None = None
    splits: tuple[Split, ...] = ()
    raw: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportIssue:
    line: int
    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class StatementBalance:
    """What the bank says the account held at the end of `date` (OFX LEDGERBAL, camt.053 CLBD): a balance
    assertion the import checks against the ledger once the rows are in."""

    date: datetime.date
    amount: str  # a decimal string, signed as the ledger signs the account (negative: owed on a card)
    currency: str | None
    account: str | None  # the statement's own account id (OFX ACCTID, camt IBAN), when it names one
    line: int = 0
    kind: str = "closing"  # the bank's word for it: LEDGERBAL, CLBD


RowReader = Callable[["Statement"], Iterator[ParsedRow]]
# Where each format keeps a row's date and amount, to name them in an issue (a CSV names its own columns).
_FIELDS = {"ofx": ("DTPOSTED", "TRNAMT"), "qif": ("D", "T"), "camt": ("BookgDt", "Amt")}
_TEXT_FIELDS = ("payee", "description", "bank_id", "account", "category", "currency")


@dataclass(eq=False)
class Statement:
    """An opened statement. `rows()` streams the transactions; bad rows land in `issues`, deliberately skipped rows
    (pending card payments, zero-amount holds, investment records...) are counted in `skipped` by reason."""

    format: str
    profile: str | None = None
    mapping: CsvMapping | None = None
    confidence: float = 1.0
    currency: str | None = None
    account: str | None = None
    # A CSV's header as read (after the preamble, decoded; a repeated name made unique): what a mapping names.
    columns: list[str] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    skipped: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
    balances: list[StatementBalance] = field(default_factory=list)
    # Issues known when the statement was opened; `rows()` starts from these on every pass so a second pass does
    # not report every bad line twice.
    _open_issues: tuple[ImportIssue, ...] = field(default=(), repr=False)
    _open_skips: tuple[str, ...] = field(default=(), repr=False)
    _reader: RowReader | None = field(default=None, repr=False)

    def rows(self) -> Iterator[ParsedRow]:
        self.issues[:] = list(self._open_issues)
        self.skipped = 0
        self.skip_reasons = {}
        for reason in self._open_skips:
            self.skip(reason)
        if self._reader is None:
            return iter(())
        return self._checked(self._reader(self))

    def _checked(self, rows: Iterator[ParsedRow]) -> Iterator[ParsedRow]:
        """Every format's rows pass here: a date outside the one supported range or an amount beyond any ledger
        posting is an issue on its line (period arithmetic on year 9999 overflowed deep inside the import), and a
        NUL character in text is dropped (banks pad fields with it; PostgreSQL refuses it in text)."""
        date_field, amount_field = self._fields()
        for row in rows:
            problem = date_problem(row.date)
            if problem is not None:
                self.issue(row.line, problem, date_field)
                continue
            amounts = [row.amount, *(split.amount for split in row.splits)]
            too_large = next((a for a in amounts if abs(Decimal(a)) > MAX_ABS_AMOUNT), None)
            if too_large is not None:
                shown = too_large if len(too_large) <= 24 else f"{too_large[:20]}… ({len(too_large)} characters)"
                self.issue(row.line, f"the amount {shown} is too large (at most {MAX_ABS_AMOUNT:,})", amount_field)
                continue
            yield _without_nul(row)

    def _fields(self) -> tuple[str, str]:
        if self.mapping is not None:
            amount = self.mapping.amount_column or self.mapping.debit_column or self.mapping.credit_column
            return self.mapping.date_column, amount or "amount"
        return _FIELDS.get(self.format, ("date", "amount"))

    def issue(self, line: int, message: str, field: str | None = None) -> None:
        """Record a bad row; `message` is prefixed with the line number for the reader."""
        self.issues.append(ImportIssue(line, f"line {line}: {message}", field))

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skip_reasons[reason] = self.skip_reasons.get(reason, 0) + 1


def _without_nul(row: ParsedRow) -> ParsedRow:
    texts = [getattr(row, name) or "" for name in _TEXT_FIELDS]
    texts += [text for split in row.splits for text in (split.category or "", split.memo)]
    if not any(has_nul(text) for text in texts):
        return row
    changes: dict[str, Any] = {name: _strip_nul(getattr(row, name)) for name in _TEXT_FIELDS}
    splits = tuple(
        dataclasses.replace(split, category=_strip_nul(split.category), memo=split.memo.replace("\x00", ""))
        for split in row.splits
    )
    return dataclasses.replace(row, splits=splits, **changes)


def _strip_nul(text: str | None) -> str | None:
    return text.replace("\x00", "") if text is not None else None


def prepared(
    format: str,
    rows: list[ParsedRow],
    *,
    issues: list[ImportIssue],
    skips: list[str],
    currency: str | None = None,
    account: str | None = None,
    confidence: float = 1.0,
    balances: list[StatementBalance] | None = None,
) -> Statement:
    """A statement over rows parsed up front (OFX, QIF, camt: small files read whole)."""

    def reader(_statement: Statement) -> Iterator[ParsedRow]:
        yield from rows

    statement = Statement(
        format=format,
        confidence=confidence,
        currency=currency,
        account=account,
        balances=list(balances or ()),
        _open_issues=tuple(issues),
        _open_skips=tuple(skips),
        _reader=reader,
    )
    statement.issues = list(issues)
    for reason in skips:
        statement.skip(reason)
    return statement
