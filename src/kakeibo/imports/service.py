"""Importing a statement: stream its rows, skip what was imported before, match transfers, flag look-alikes of
manual entries, categorize, and write everything through the ledger's batch path in the caller's one transaction.

The caller (the CLI's unit of work, or the import job's) owns that transaction: a file lands whole or not at all.
Rows with problems stop the import (nothing is written) unless the user accepts them, which skips those rows.
Once the rows are in, the statement's own balances are checked against the ledger's, and an account that opens
after the statement's rows is pointed out: warnings, as a Beancount balance assertion reports, which refuse nothing.
All SQL is in `imports.repository`; writes to the ledger go through the ledger service."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.categorize import service as categorize
from kakeibo.categorize.features import TxnText, word_tokens
from kakeibo.core.actor import Actor
from kakeibo.core.db import lock_household
from kakeibo.core.errors import KakeiboError, ValidationFailed
from kakeibo.core.money import Money, minor_to_str
from kakeibo.imports import fingerprint
from kakeibo.imports import repository as repo
from kakeibo.imports.errors import ImportHasProblems, ImportNotFound, UnreadableFile
from kakeibo.imports.formats import FormatError, Statement, open_statement
from kakeibo.imports.formats.base import ImportIssue, ParsedRow, StatementBalance
from kakeibo.imports.formats.csv import CsvMapping
from kakeibo.imports.models import ImportBatch
from kakeibo.imports.payee import clean_payee
from kakeibo.imports.schemas import (
    BalanceCheck,
    ImportChecks,
    OpeningDateAfterRows,
    PreviewOut,
    StatementWarning,
)
from kakeibo.ledger import opening
from kakeibo.ledger import queries as ledger_queries
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Account, AccountKind, CategorySource
from kakeibo.ledger.schemas import PostingIn, TransactionCreate, TransactionUpdate

CHUNK = 2000
TRANSFER_DAYS = 4
DUPLICATE_DAYS = 3
PREVIEW_ROWS = 20
_TRANSFER_WORDS = re.compile(
    r"\b(payment|pmt|transfer|xfer|trnsfr|autopay|thank you|card payment|epay|online banking|to savings|"
    r"from savings|from checking|to checking|umbuchung|uberweisung|überweisung)\b",
    re.IGNORECASE,
)


@dataclass
class ImportOptions:
    account_id: int | None = None
    format: str = "auto"
    profile: str | None = None
    mapping: dict[str, Any] | None = None
    accept_issues: bool = False
    filename: str = ""


@dataclass
class RowOutcome:
    line: int
    date: str
    amount: str
    payee: str
    account: str
    outcome: str  # imported | duplicate | transfer | flagged
    category: str | None = None
    source: str = "none"
    confidence: float | None = None
    reason: str = ""
    transaction_id: int | None = None


@dataclass
class ImportReport:
    import_id: int | None
    format: str
    profile: str | None
    rows_read: int = 0
    imported: int = 0
    duplicates: int = 0
    flagged: int = 0
    transfers: int = 0
    skipped: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    categories_created: list[str] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    rules_skipped: list[dict[str, Any]] = field(default_factory=list)
    group_id: str = ""
    dry_run: bool = False
    checks: ImportChecks = field(default_factory=ImportChecks)

    def figures(self) -> dict[str, Any]:
        return {
            "rows_read": self.rows_read,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "flagged": self.flagged,
            "transfers": self.transfers,
            "skipped": self.skipped,
            "by_source": dict(self.by_source),
            "categories_created": list(self.categories_created),
        }

    def as_dict(self, *, rows: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "import_id": self.import_id,
            "format": self.format,
            "profile": self.profile,
            "group_id": self.group_id,
            "dry_run": self.dry_run,
            **self.figures(),
            "issues": self.issues,
            "rules_skipped": self.rules_skipped,
            **self.checks.model_dump(mode="json"),
        }
        if rows:
            body["rows"] = [dataclasses.asdict(r) for r in self.rows]
        return body


Progress = Callable[[int, str], None]


@dataclass(slots=True)
class _Row:
    parsed: ParsedRow
    account: Account
    minor: int
    payee: str  # cleaned
    fingerprint: str
    outcome: RowOutcome
    repeated: bool = False  # the bank's id came earlier in this file


# ---- reading --------------------------------------------------------------------------------------------------
def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_statement(session: Session, *, household_id: int, path: Path, options: ImportOptions) -> Statement:
    """Open the file under the requested format and mapping, else the account's saved mapping, else sniffing."""
    mapping = CsvMapping.from_dict(options.mapping) if options.mapping else None
    profile = options.profile
    if mapping is None and profile is None and options.account_id is not None:
        saved = repo.get_profile(session, household_id=household_id, account_id=options.account_id)
        if saved is not None:
            try:
                candidate = CsvMapping.from_dict(saved.mapping)
                statement = open_statement(path, format=options.format, mapping=candidate, filename=options.filename)
                if statement.format == "csv":
                    return statement
            except (FormatError, ValueError, KeyError, TypeError):
                pass  # this file is laid out differently: sniff it afresh
    try:
        return open_statement(path, format=options.format, profile=profile, mapping=mapping, filename=options.filename)
    except FormatError as exc:
        raise UnreadableFile(str(exc), field="file") from exc


def preview(session: Session, *, actor: Actor, path: Path, options: ImportOptions) -> PreviewOut:
    """The first rows under the detected mapping, with the category each would get; nothing is written."""
    statement = read_statement(session, household_id=actor.household_id, path=path, options=options)
    rows: list[ParsedRow] = []
    for row in statement.rows():
        rows.append(row)
        if len(rows) >= PREVIEW_ROWS:
            break
    categorizer = categorize.Categorizer.load(session, actor=actor)
    categorizer.create_missing = False  # a preview shows a category the file names; it does not create it
    account = _fixed_account(session, actor=actor, options=options)
    issues = [_issue(i) for i in statement.issues]
    if account is not None:
        found = (_minor_in(row, account) for row in rows)
        issues += [_issue(i) for i in found if isinstance(i, ImportIssue)]
    texts = []
    for row in rows:
        cleaned = clean_payee(row.payee or row.description)
        minor = _minor_or_zero(row.amount, account.currency if account and account.currency else None)
        texts.append(
            categorize.RowToCategorize(
                TxnText(
                    cleaned,
                    _description(row, cleaned),
                    minor,
                    account.name if account else row.account or "",
                    row.date.day,
                ),
                file_category=row.category,
            )
        )
    decisions = categorizer.decide(texts)
    body = {
        "format": statement.format,
        "profile": statement.profile,
        "mapping": statement.mapping,
        "columns": statement.columns,
        "confidence": statement.confidence,
        "currency": statement.currency,
        "account": statement.account,
        "rows": [
            {
                "line": row.line,
                "date": row.date.isoformat(),
                "amount": row.amount,
                "currency": row.currency,
                "payee": texts[i].text.payee,
                "raw_payee": row.payee,
                "description": row.description,
                "account": row.account,
                "category": categorizer.by_id[d.category_id].path
                if d.category_id in categorizer.by_id
                else (f"{row.category} (new)" if d.category_id == -1 and row.category else None),
                "source": d.source.value,
                "confidence": d.confidence,
                "reason": d.reason,
            }
            for i, (row, d) in enumerate(zip(rows, decisions, strict=True))
        ],
        "issues": sorted(issues, key=lambda i: i["line"]),
        "rules_skipped": _skipped_rules(categorizer),
    }
    return PreviewOut.model_validate(body)


def _skipped_rules(categorizer: categorize.Categorizer) -> list[dict[str, Any]]:
    return [dataclasses.asdict(rule) for rule in categorizer.skipped_rules]


def _minor_or_zero(amount: str, currency: str | None) -> int:
    try:
        return Money.of(amount, currency or "USD", field="amount", exact=False).minor
    except KakeiboError:
        return 0


def _row_issue(row: ParsedRow, message: str, field: str) -> ImportIssue:
    # Worded like a parser's issue (`Statement.issue`): the line comes first, for whoever reads the list.
    return ImportIssue(row.line, f"line {row.line}: {message}", field)


def _minor_in(row: ParsedRow, account: Account) -> int | ImportIssue:
    """The row's amount in the account's minor units, or what stops it: another currency, more decimals than the
    currency has (in the total or a split). The preview asks the same, so what it shows is what the import does."""
    assert account.currency is not None
    if row.currency and row.currency != account.currency:
        return _row_issue(row, f"the row is in {row.currency} but {account.name} holds {account.currency}", "currency")
    try:
        for split in row.splits:
            Money.of(split.amount, account.currency, field="split amount")
        return Money.of(row.amount, account.currency, field="amount").minor
    except ValidationFailed as exc:
        return _row_issue(row, exc.message, "amount")


def _description(row: ParsedRow, cleaned: str) -> str:
    """The bank's own text is kept: the memo, or the raw payee line when the payee was cleaned up."""
    if row.description:
        return row.description[:500]
    return row.payee[:500] if row.payee and row.payee != cleaned else ""


def _issue(issue: ImportIssue) -> dict[str, Any]:
    return {"line": issue.line, "message": issue.message, "field": issue.field}


def _fixed_account(session: Session, *, actor: Actor, options: ImportOptions) -> Account | None:
    if options.account_id is None:
        return None
    return ledger.get_money_account(
        session, household_id=actor.household_id, account_id=options.account_id, field="account_id"
    )


# ---- importing ------------------------------------------------------------------------------------------------
def import_file(
    session: Session,
    *,
    actor: Actor,
    path: Path,
    options: ImportOptions,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import one statement file in the caller's transaction. Raises ImportHasProblems (and the caller rolls back)
    when rows have problems the user has not accepted."""
    # Before anything is read: a second import of the same file (the job's twin, a CLI run beside the server)
    # waits for the first to commit and then finds its rows as duplicates (PostgreSQL; SQLite has one writer).
    lock_household(session, household_id=actor.household_id)
    statement = read_statement(session, household_id=actor.household_id, path=path, options=options)
    fixed = _fixed_account(session, actor=actor, options=options)
    batch = ImportBatch(
        household_id=actor.household_id,
        account_id=fixed.id if fixed else None,
        filename=(options.filename or path.name)[:255],
        sha256=sha256_of(path),
        format=statement.format,
        profile=statement.profile,
        figures={},
        issues=[],
        group_id=actor.group_id,
        created_by=actor.user_id,
    )
    repo.add_batch(session, batch)
    report = ImportReport(
        import_id=batch.id, format=statement.format, profile=statement.profile, group_id=actor.group_id, dry_run=dry_run
    )
    importer = _Importer(session, actor=actor, fixed=fixed, batch=batch, report=report)
    for chunk in _chunks(statement.rows(), CHUNK):
        importer.chunk(chunk)
        if progress is not None:
            progress(report.rows_read, f"{report.rows_read:,} rows read, {report.imported:,} imported")
    # Rows the statement itself passed over on purpose (pending holds, investment records) were read too.
    skipped_by_statement = statement.skipped
    report.skipped += skipped_by_statement
    report.rows_read += skipped_by_statement
    issues = [_issue(i) for i in statement.issues] + importer.issues
    report.issues = sorted(issues, key=lambda i: i["line"])
    if report.issues and not options.accept_issues:
        raise ImportHasProblems(
            f"{len(report.issues)} row(s) have problems; nothing was imported. Fix the file, or accept the problems "
            "to import the other rows",
            extra={"issues": report.issues[:200], "issue_count": len(report.issues)},
        )
    report.categories_created = importer.categorizer.created
    report.rules_skipped = _skipped_rules(importer.categorizer)
    categorize.record_rule_hits(session, household_id=actor.household_id, hits=importer.categorizer.rule_hits)
    report.checks = _checks(session, actor=actor, statement=statement, importer=importer)
    batch.figures = {**report.figures(), "checks": report.checks.model_dump(mode="json")}
    batch.issues = report.issues[:1000]
    if fixed is not None and statement.format == "csv" and statement.mapping is not None:
        _save_mapping(session, household_id=actor.household_id, account_id=fixed.id, statement=statement)
    if report.by_source.get(CategorySource.import_file.value) and not dry_run:
        categorize.retrain(session, household_id=actor.household_id)
    session.flush()
    return report


def _checks(session: Session, *, actor: Actor, statement: Statement, importer: _Importer) -> ImportChecks:
    """Once the rows are in: the statement's own balances against the ledger's, and accounts that open after rows
    of this statement (their balance at every earlier date lacks the opening balance)."""
    checks = ImportChecks()
    for account_id, earliest in sorted(importer.earliest.items()):
        account = importer.money[account_id]
        if account.opening_balance_minor and account.opening_date is not None and earliest < account.opening_date:
            notice = OpeningDateAfterRows(
                account_id=account.id,
                account=account.name,
                opening_date=account.opening_date,
                earliest_row=earliest,
                suggested_date=opening.suggested_opening_date(earliest_row=earliest),
            )
            checks.opening_date_after_rows.append(notice)
            checks.warnings.append(
                StatementWarning(
                    code="opening_date_after_rows",
                    message=f"{account.name} opens on {account.opening_date}, after this statement's rows from "
                    f"{earliest}: balances before {account.opening_date} lack its opening balance. Move the opening "
                    f"date to {notice.suggested_date}",
                    account_id=account.id,
                    date=account.opening_date,
                )
            )
    for balance in statement.balances:
        checked = _check_balance(session, actor=actor, balance=balance, importer=importer)
        if isinstance(checked, StatementWarning):
            checks.warnings.append(checked)
            continue
        checks.balance_checks.append(checked)
        if not checked.ok:
            checks.warnings.append(
                StatementWarning(
                    code="balance_mismatch",
                    message=f"the statement says {checked.account} held {checked.statement} {checked.currency} at "
                    f"the end of {checked.date}; the ledger says {checked.ledger} (off by {checked.difference})",
                    account_id=checked.account_id,
                    date=checked.date,
                )
            )
    return checks


def _check_balance(
    session: Session, *, actor: Actor, balance: StatementBalance, importer: _Importer
) -> BalanceCheck | StatementWarning:
    where = f"the statement's balance of {balance.date} (line {balance.line})"
    account = importer.fixed
    if account is None and balance.account:
        account = importer.by_name.get(balance.account.strip().casefold())
    if account is None:
        return StatementWarning(
            code="balance_not_checked",
            message=f"{where} was not checked: no account named {balance.account!r}"
            if balance.account
            else f"{where} was not checked: the statement names no account",
            date=balance.date,
        )
    assert account.currency is not None
    if balance.currency and balance.currency != account.currency:
        return StatementWarning(
            code="balance_not_checked",
            message=f"{where} was not checked: it is in {balance.currency} but {account.name} holds {account.currency}",
            account_id=account.id,
            date=balance.date,
        )
    try:
        stated = Money.of(balance.amount, account.currency, field="balance").minor
    except ValidationFailed as exc:
        return StatementWarning(
            code="balance_not_checked",
            message=f"{where} was not checked: {exc.message}",
            account_id=account.id,
            date=balance.date,
        )
    held = ledger_queries.balance_minor_by_account(
        session, household_id=actor.household_id, at=balance.date, account_ids=[account.id]
    ).get(account.id, 0)
    return BalanceCheck(
        account_id=account.id,
        account=account.name,
        date=balance.date,
        currency=account.currency,
        statement=minor_to_str(stated, account.currency),
        ledger=minor_to_str(held, account.currency),
        difference=minor_to_str(held - stated, account.currency),
        ok=held == stated,
    )


def _save_mapping(session: Session, *, household_id: int, account_id: int, statement: Statement) -> None:
    assert statement.mapping is not None
    repo.save_profile(
        session,
        household_id=household_id,
        account_id=account_id,
        profile=statement.profile,
        mapping=statement.mapping.to_dict(),
    )


def _chunks(rows: Iterator[ParsedRow], size: int) -> Iterator[list[ParsedRow]]:
    chunk: list[ParsedRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Importer:
    def __init__(
        self,
        session: Session,
        *,
        actor: Actor,
        fixed: Account | None,
        batch: ImportBatch,
        report: ImportReport,
    ) -> None:
        self.session = session
        self.actor = actor
        self.base_currency = actor.base_currency
        self.fixed = fixed
        self.batch = batch
        self.report = report
        self.household_id = actor.household_id
        self.money = {a.id: a for a in repo.money_accounts(session, household_id=self.household_id)}
        self.by_name = {a.name.casefold(): a for a in self.money.values()}
        self.occurrences = fingerprint.Occurrences()
        self.bank_ids = fingerprint.Occurrences()
        self.issues: list[dict[str, Any]] = []
        self.categorizer = categorize.Categorizer.load(session, actor=actor)
        self.cache = ledger.AccountCache(session, self.household_id)
        self.earliest: dict[int, dt.date] = {}  # account id: its earliest row in this statement
        self.keep_rows = 5000  # outcomes kept for the report (the CLI prints them); figures count every row

    # -- one chunk ----------------------------------------------------------------------------------------------
    def chunk(self, parsed: list[ParsedRow]) -> None:
        prepared = [self._prepare(p) for p in parsed]
        rows = [r for r in prepared if r is not None]
        self._fingerprint(rows)
        self.report.rows_read += len(parsed)
        rows = self._drop_duplicates(rows)
        rows = self._match_existing_transfers(rows)
        rows = self._pair_transfers_within(rows)
        self._flag_lookalikes(rows)
        self._write(rows)

    def _account_for(self, row: ParsedRow) -> Account | None:
        if self.fixed is not None:
            return self.fixed
        if row.account:
            return self.by_name.get(row.account.strip().casefold())
        return None

    def _prepare(self, row: ParsedRow) -> _Row | None:
        account = self._account_for(row)
        if account is None:
            message = (
                f"no account named {row.account!r}: add it, or import with an account chosen"
                if row.account
                else "no account: choose the account this statement belongs to"
            )
            self._issue(row, message, "account")
            return None
        minor = _minor_in(row, account)
        if isinstance(minor, ImportIssue):
            self.issues.append(_issue(minor))
            return None
        assert account.currency is not None
        if account.id not in self.earliest or row.date < self.earliest[account.id]:
            self.earliest[account.id] = row.date
        if minor == 0:
            self.report.skipped += 1
            return None
        cleaned = clean_payee(row.payee or row.description)[:255]
        outcome = RowOutcome(
            line=row.line,
            date=row.date.isoformat(),
            amount=minor_to_str(minor, account.currency),
            payee=cleaned,
            account=account.name,
            outcome="imported",
        )
        return _Row(row, account, minor, cleaned, "", outcome)

    def _issue(self, row: ParsedRow, message: str, field: str) -> None:
        self.issues.append(_issue(_row_issue(row, message, field)))

    def _fingerprint(self, rows: list[_Row]) -> None:
        """The bank's id when it gives one (a repeat of it in this file is a duplicate), else the row's content and
        its occurrence: the second identical row of a day is a second transaction, now and in the next export."""
        by_id = [r for r in rows if r.parsed.bank_id]
        for row in by_id:
            row.fingerprint = fingerprint.by_bank_id(account_id=row.account.id, bank_id=row.parsed.bank_id or "")
        repeats = self.bank_ids.count([fingerprint.Occurrences.key(bytes.fromhex(r.fingerprint)) for r in by_id])
        for row, times in zip(by_id, repeats, strict=True):
            row.repeated = times > 1
        by_content = [r for r in rows if not r.parsed.bank_id]
        bases = [
            fingerprint.row_base(
                account_id=r.account.id,
                date=r.parsed.date,
                amount_minor=r.minor,
                payee_key=" ".join(word_tokens(r.payee)),
            )
            for r in by_content
        ]
        occurrences = self.occurrences.count([fingerprint.Occurrences.key(b) for b in bases])
        for row, base, occurrence in zip(by_content, bases, occurrences, strict=True):
            row.fingerprint = fingerprint.by_row(base, occurrence)

    def _record(self, row: _Row) -> None:
        if len(self.report.rows) < self.keep_rows:
            self.report.rows.append(row.outcome)

    def _drop_duplicates(self, rows: list[_Row]) -> list[_Row]:
        if not rows:
            return rows
        known = repo.known_fingerprints(
            self.session,
            household_id=self.household_id,
            account_ids={r.account.id for r in rows},
            fingerprints={r.fingerprint for r in rows},
        )
        kept = []
        for row in rows:
            if row.fingerprint in known or row.repeated:
                self.report.duplicates += 1
                row.outcome.outcome = "duplicate"
                self._record(row)
                continue
            kept.append(row)
        return kept

    # -- transfers ----------------------------------------------------------------------------------------------
    def _transfer_signal(self, a_text: str, a_account: Account, b_text: str, b_account: Account) -> bool:
        """Equal and opposite amounts are a transfer only with a sign of one: a payment/transfer word, the other
        account's name, or a card or loan on one side (paying a card from checking)."""
        if _TRANSFER_WORDS.search(a_text) or _TRANSFER_WORDS.search(b_text):
            return True
        if b_account.name.casefold() in a_text.casefold() or a_account.name.casefold() in b_text.casefold():
            return True
        return AccountKind.liability in (a_account.kind, b_account.kind)

    def _match_existing_transfers(self, rows: list[_Row]) -> list[_Row]:
        """An imported row on another account of the household, opposite in amount and a few days apart (the other
        side of this statement's card payment), becomes one transfer instead of two rows."""
        if not rows or len(self.money) < 2:
            return rows
        low = min(r.parsed.date for r in rows) - dt.timedelta(days=TRANSFER_DAYS)
        high = max(r.parsed.date for r in rows) + dt.timedelta(days=TRANSFER_DAYS)
        amounts = {-r.minor for r in rows}
        candidates = repo.transfer_candidates(
            self.session,
            household_id=self.household_id,
            account_ids=list(self.money),
            low=low,
            high=high,
            amounts=amounts,
        )
        if not candidates:
            return rows
        taken: set[int] = set()
        kept = []
        for row in rows:
            match = None
            for transaction, account_id in candidates:
                other = self.money[account_id]
                if (
                    transaction.id in taken
                    or account_id == row.account.id
                    or transaction.amount_minor != -row.minor
                    or abs((transaction.date - row.parsed.date).days) > TRANSFER_DAYS
                    or other.currency != row.account.currency
                ):
                    continue
                text = f"{transaction.payee} {transaction.description}"
                if self._transfer_signal(_text(row), row.account, text, other):
                    match = (transaction, other)
                    break
            if match is None:
                kept.append(row)
                continue
            transaction, other = match
            taken.add(transaction.id)
            ledger.update_transaction(
                self.session,
                actor=self.actor,
                transaction_id=transaction.id,
                data=TransactionUpdate(
                    postings=[
                        PostingIn(
                            account=other.id, amount=minor_to_str(transaction.amount_minor, other.currency or "")
                        ),
                        PostingIn(account=row.account.id, amount=minor_to_str(row.minor, row.account.currency or "")),
                    ]
                ),
            )
            self._fingerprints([(row, transaction.id)])
            self.report.transfers += 1
            row.outcome.outcome, row.outcome.transaction_id = "transfer", transaction.id
            row.outcome.reason = f"the other side of transaction {transaction.id} on {other.name}"
            self._record(row)
        return kept

    def _pair_transfers_within(self, rows: list[_Row]) -> list[_Row]:
        """Both sides of a transfer in one file (an export of several accounts) become one transfer."""
        if len({r.account.id for r in rows}) < 2:
            return rows
        by_amount: dict[int, list[int]] = {}
        for index, row in enumerate(rows):
            by_amount.setdefault(row.minor, []).append(index)
        paired: dict[int, int] = {}
        for index, row in enumerate(rows):
            if index in paired or row.minor >= 0:
                continue
            for other_index in by_amount.get(-row.minor, []):
                other = rows[other_index]
                if (
                    other_index in paired
                    or other.account.id == row.account.id
                    or other.account.currency != row.account.currency
                    or abs((other.parsed.date - row.parsed.date).days) > TRANSFER_DAYS
                ):
                    continue
                if self._transfer_signal(_text(row), row.account, _text(other), other.account):
                    paired[index], paired[other_index] = other_index, index
                    break
        if not paired:
            return rows
        items, pairs = [], []
        for index, other_index in paired.items():
            if index > other_index:
                continue
            out, into = (rows[index], rows[other_index]) if rows[index].minor < 0 else (rows[other_index], rows[index])
            items.append(
                TransactionCreate(
                    date=min(out.parsed.date, into.parsed.date),
                    payee=out.payee,
                    description=_description(out.parsed, out.payee),
                    postings=[
                        PostingIn(account=out.account.id, amount=minor_to_str(out.minor, out.account.currency or "")),
                        PostingIn(
                            account=into.account.id, amount=minor_to_str(into.minor, into.account.currency or "")
                        ),
                    ],
                )
            )
            pairs.append((out, into))
        ids = ledger.create_transactions(
            self.session,
            actor=self.actor,
            items=items,
            import_id=self.batch.id,
            cache=self.cache,
        )
        for (out, into), tx_id in zip(pairs, ids, strict=True):
            self._fingerprints([(out, tx_id), (into, tx_id)])
            self.report.transfers += 1
            for row in (out, into):
                row.outcome.outcome, row.outcome.transaction_id = "transfer", tx_id
                row.outcome.reason = f"a transfer between {out.account.name} and {into.account.name}"
                self._record(row)
        return [row for index, row in enumerate(rows) if index not in paired]

    # -- look-alikes of manual entries ---------------------------------------------------------------------------
    def _flag_lookalikes(self, rows: list[_Row]) -> None:
        if not rows:
            return
        low = min(r.parsed.date for r in rows) - dt.timedelta(days=DUPLICATE_DAYS)
        high = max(r.parsed.date for r in rows) + dt.timedelta(days=DUPLICATE_DAYS)
        manual = repo.manual_entries(
            self.session,
            household_id=self.household_id,
            account_ids={r.account.id for r in rows},
            low=low,
            high=high,
            amounts={r.minor for r in rows},
        )
        if not manual:
            return
        for row in rows:
            words = {w for w in word_tokens(row.payee) if len(w) >= 3}
            for tx_id, date, amount, payee, account_id in manual:
                if account_id != row.account.id or amount != row.minor:
                    continue
                if abs((date - row.parsed.date).days) > DUPLICATE_DAYS:
                    continue
                theirs = {w for w in word_tokens(payee) if len(w) >= 3}
                if not payee.strip() or not words or words & theirs:
                    row.outcome.outcome = "flagged"
                    row.outcome.reason = f"looks like transaction {tx_id} ({payee or 'no payee'}, {date})"
                    row.outcome.transaction_id = tx_id
                    break

    # -- writing ------------------------------------------------------------------------------------------------
    def _write(self, rows: list[_Row]) -> None:
        if not rows:
            return
        decisions = self.categorizer.decide(
            [
                categorize.RowToCategorize(
                    TxnText(
                        r.payee,
                        _description(r.parsed, r.payee),
                        r.minor,
                        r.account.name,
                        r.parsed.date.day,
                    ),
                    file_category=r.parsed.category if not r.parsed.splits else None,
                )
                for r in rows
            ]
        )
        items: list[TransactionCreate] = []
        guesses: list[ledger.CategoryGuess | None] = []
        review: list[tuple[str, int] | None] = []
        for row, decision in zip(rows, decisions, strict=True):
            payee = decision.payee or row.payee
            common: dict[str, Any] = {
                "date": row.parsed.date,
                "payee": payee[:255],
                "description": _description(row.parsed, row.payee),
                "tags": list(decision.tags),
            }
            if row.parsed.splits:
                items.append(TransactionCreate(postings=self._split_postings(row), **common))
                guesses.append(ledger.CategoryGuess(CategorySource.import_file, 1.0, "the file's splits"))
            else:
                items.append(
                    TransactionCreate(
                        type="income" if row.minor > 0 else "expense",
                        account=row.account.id,
                        amount=minor_to_str(abs(row.minor), row.account.currency or ""),
                        category=decision.category_id,
                        **common,
                    )
                )
                guesses.append(ledger.CategoryGuess(decision.source, decision.confidence, decision.reason[:255]))
            flagged = row.outcome.outcome == "flagged" and row.outcome.transaction_id is not None
            review.append(("possible_duplicate", row.outcome.transaction_id) if flagged else None)  # type: ignore[arg-type]
            source = guesses[-1].source.value if guesses[-1] else "none"
            self.report.by_source[source] = self.report.by_source.get(source, 0) + 1
            category = self.categorizer.by_id.get(decision.category_id or -1)
            row.outcome.category = category.path if category else None
            row.outcome.source, row.outcome.confidence = source, decision.confidence
            if row.parsed.splits:
                row.outcome.category = f"split in {len(row.parsed.splits)}"
                row.outcome.confidence, row.outcome.reason = 1.0, "the file's splits"
            elif row.outcome.outcome != "flagged":
                row.outcome.reason = decision.reason
        ids = ledger.create_transactions(
            self.session,
            actor=self.actor,
            items=items,
            guesses=guesses,
            import_id=self.batch.id,
            review=review,
            cache=self.cache,
        )
        self._fingerprints(list(zip(rows, ids, strict=True)))
        for row, tx_id in zip(rows, ids, strict=True):
            if row.outcome.outcome == "flagged":
                self.report.flagged += 1
            else:
                row.outcome.transaction_id = tx_id
            self.report.imported += 1
            self._record(row)

    def _split_postings(self, row: _Row) -> list[PostingIn]:
        currency = row.account.currency or ""
        legs = [PostingIn(account=row.account.id, amount=minor_to_str(row.minor, currency))]
        remainder = row.minor
        for split in row.parsed.splits:
            minor = Money.of(split.amount, currency, field="amount").minor
            remainder -= minor
            category = self.categorizer.file_category(split.category, income=minor > 0) if split.category else None
            legs.append(
                PostingIn(
                    account=category.id if category else ("Uncategorized Income" if minor > 0 else "Uncategorized"),
                    amount=minor_to_str(-minor, currency),
                    memo=split.memo[:255],
                )
            )
        if remainder:  # splits that do not add up to the total: the rest stays uncategorized, in view
            legs.append(
                PostingIn(
                    account="Uncategorized Income" if remainder > 0 else "Uncategorized",
                    amount=minor_to_str(-remainder, currency),
                    memo="the part the splits did not cover",
                )
            )
        return legs

    def _fingerprints(self, pairs: Sequence[tuple[_Row, int]]) -> None:
        repo.insert_fingerprints(
            self.session,
            household_id=self.household_id,
            rows=[(row.account.id, row.fingerprint, tx_id) for row, tx_id in pairs],
        )


def _text(row: _Row) -> str:
    return f"{row.parsed.payee} {row.parsed.description}"


# ---- history --------------------------------------------------------------------------------------------------
def list_imports(session: Session, *, household_id: int, limit: int = 50) -> list[ImportBatch]:
    return repo.list_batches(session, household_id=household_id, limit=limit)


def get_import(session: Session, *, household_id: int, import_id: int) -> ImportBatch:
    batch = repo.get_batch(session, household_id=household_id, import_id=import_id)
    if batch is None:
        raise ImportNotFound(f"no import {import_id} in this household", field="import_id")
    return batch
