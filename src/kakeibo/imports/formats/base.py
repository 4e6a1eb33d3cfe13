"""The plain data every statement parser produces: rows, their splits, per-line issues and the statement itself."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kakeibo.core.errors import ValidationFailed

if TYPE_CHECKING:
    from kakeibo.imports.formats.csv import CsvMapping


class FormatError(ValidationFailed):
    """The file as a whole cannot be read (empty, not a statement, no header line...). The message is for a human.

    It is a `KakeiboError` (HTTP 422) so the API answers it like every other expected error; it is still an
    `Exception` as the import interface promises."""

    type = "/problems/import-format"
    title = "Unreadable statement"


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


RowReader = Callable[["Statement"], Iterator[ParsedRow]]


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
    issues: list[ImportIssue] = field(default_factory=list)
    skipped: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
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
        return self._reader(self)

    def issue(self, line: int, message: str, field: str | None = None) -> None:
        """Record a bad row; `message` is prefixed with the line number for the reader."""
        self.issues.append(ImportIssue(line, f"line {line}: {message}", field))

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skip_reasons[reason] = self.skip_reasons.get(reason, 0) + 1


def prepared(
    format: str,
    rows: list[ParsedRow],
    *,
    issues: list[ImportIssue],
    skips: list[str],
    currency: str | None = None,
    account: str | None = None,
    confidence: float = 1.0,
) -> Statement:
    """A statement over rows parsed up front (OFX, QIF, camt: small files read whole)."""

    def reader(_statement: Statement) -> Iterator[ParsedRow]:
        yield from rows

    statement = Statement(
        format=format,
        confidence=confidence,
        currency=currency,
        account=account,
        _open_issues=tuple(issues),
        _open_skips=tuple(skips),
        _reader=reader,
    )
    statement.issues = list(issues)
    for reason in skips:
        statement.skip(reason)
    return statement
