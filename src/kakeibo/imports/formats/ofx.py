"""OFX and QFX statements, 1.x (SGML, closing tags optional or misplaced) and 2.x (XML), bank and credit card.

Neither version goes through an XML parser: one tolerant tag scanner reads both. Banks' 1.x files close tags in
odd places (see the Amex fixture, where every leaf is "closed" in reverse order), so the scanner keeps no tree:
a tag followed by text is a field of the current transaction or statement, and transactions end at </STMTTRN>
or at the next <STMTTRN>, whichever comes first."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field

from kakeibo.imports.formats.amounts import AmountError, format_amount, parse_amount
from kakeibo.imports.formats.base import FormatError, ImportIssue, ParsedRow, Statement, StatementBalance, prepared
from kakeibo.imports.formats.encoding import decode_document

__all__ = ["open_ofx", "parse_ofx"]

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9._]*)(?:\s[^<>]*)?>([^<]*)")
_OFX_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})")
_CHARSET = re.compile(rb"CHARSET:\s*(\S+)|encoding=[\"']([\w.-]+)[\"']", re.IGNORECASE)
# Aggregates that hold the statement's own account, not a transfer's other side (BANKACCTTO, CCACCTTO).
_ACCOUNT_FROM = frozenset({"BANKACCTFROM", "CCACCTFROM", "INVACCTFROM"})
_STATEMENTS = frozenset({"STMTRS", "CCSTMTRS", "INVSTMTRS"})
_BALANCE_FIELDS = frozenset({"BALAMT", "DTASOF"})


@dataclass
class _Transaction:
    line: int
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class _Context:
    currency: str | None = None
    account: str | None = None
    # The first context gathers every statement's LEDGERBAL (a file may hold several accounts).
    balances: list[StatementBalance] = field(default_factory=list)


@dataclass
class _Balance:
    line: int
    fields: dict[str, str] = field(default_factory=dict)


def _decode(data: bytes) -> str:
    match = _CHARSET.search(data[:2048])
    declared = (match.group(1) or match.group(2)).decode("ascii", "replace").lower() if match else None
    return decode_document(data, declared=declared)


def _ofx_date(value: str) -> datetime.date:
    """An OFX timestamp's date part as the bank wrote it, local to the bank: 20130201120000.000[-7:MST] is Feb 1."""
    match = _OFX_DATE.match(value)
    if match is None:
        raise ValueError(f'"{value}" is not an OFX date (YYYYMMDD...)')
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f'"{value}" is not an OFX date (YYYYMMDD...)') from None


def _ofx_amount(value: str) -> str:
    text = value.strip()
    try:
        return format_amount(parse_amount(text, ".", ""))
    except AmountError:
        # Some European banks write a decimal comma even in OFX ("-12,50").
        return format_amount(parse_amount(text, ",", ""))


def parse_ofx(data: bytes) -> tuple[list[ParsedRow], list[ImportIssue], _Context]:
    text = _decode(data)
    start = text.upper().find("<OFX")
    if start < 0:
        raise FormatError("not an OFX file: there is no <OFX> element")
    rows: list[ParsedRow] = []
    issues: list[ImportIssue] = []
    first = _Context()
    context = _Context()
    in_account_from = False
    current: _Transaction | None = None
    balance: _Balance | None = None
    line, position = 1, 0

    def finish() -> None:
        nonlocal current
        if current is not None:
            row = _row(current, context, issues)
            if row is not None:
                rows.append(row)
        current = None

    def finish_balance() -> None:
        nonlocal balance
        if balance is not None:
            found = _ledger_balance(balance, context)
            if found is not None:
                first.balances.append(found)
        balance = None

    for match in _TAG.finditer(text, start):
        closing, name, value = match[1] == "/", match[2].upper(), match[3].strip()
        if closing:
            if name == "STMTTRN" or name == "BANKTRANLIST":
                finish()
            elif name == "LEDGERBAL":
                finish_balance()
            elif name in _ACCOUNT_FROM:
                in_account_from = False
            continue
        if name == "STMTTRN":
            finish()
            line += text.count("\n", position, match.start())
            position = match.start()
            current = _Transaction(line)
            in_account_from = False
            continue
        if name == "LEDGERBAL":
            finish()
            finish_balance()
            line += text.count("\n", position, match.start())
            position = match.start()
            balance = _Balance(line)
            continue
        if balance is not None and name not in _BALANCE_FIELDS:
            finish_balance()  # SGML without </LEDGERBAL>: the aggregate ends where another begins
        if name in _STATEMENTS:
            finish()
            context = _Context()
        elif name in _ACCOUNT_FROM:
            in_account_from = True
        elif name == "BANKTRANLIST":
            finish()
            in_account_from = False
        if not value:
            continue
        if "&" in value:
            value = html.unescape(value)
        if balance is not None:
            balance.fields.setdefault(name, value)
        elif current is not None:
            current.fields.setdefault(name, value)
        elif name == "CURDEF":
            context.currency = value.upper()
            first.currency = first.currency or context.currency
        elif name == "ACCTID" and in_account_from:
            context.account = value
            first.account = first.account or value
    finish()
    finish_balance()
    # Every OFX document, SGML or XML, closes its <OFX> aggregate: without it the download was cut short, and
    # importing the transactions before the cut would pass the rest over without a word.
    if text.upper().rfind("</OFX>") < start:
        raise FormatError("the OFX file is cut short: it ends before </OFX>; download it again")
    return rows, issues, first


def _row(transaction: _Transaction, context: _Context, issues: list[ImportIssue]) -> ParsedRow | None:
    fields = transaction.fields
    line = transaction.line
    posted = fields.get("DTPOSTED") or fields.get("DTUSER")
    amount = fields.get("TRNAMT")
    if not posted:
        issues.append(ImportIssue(line, f"line {line}: the transaction has no DTPOSTED date", "DTPOSTED"))
        return None
    if not amount:
        issues.append(ImportIssue(line, f"line {line}: the transaction has no TRNAMT amount", "TRNAMT"))
        return None
    try:
        date = _ofx_date(posted)
    except ValueError as exc:
        issues.append(ImportIssue(line, f"line {line}: {exc}", "DTPOSTED"))
        return None
    try:
        value = _ofx_amount(amount)
    except AmountError as exc:
        issues.append(ImportIssue(line, f"line {line}: {exc}", "TRNAMT"))
        return None
    # A CURRENCY/ORIGCURRENCY aggregate inside the transaction names the currency of TRNAMT when it differs.
    currency = fields.get("CURSYM", context.currency)
    memo = fields.get("MEMO", "")
    return ParsedRow(
        line=line,
        date=date,
        amount=value,
        currency=currency.upper() if currency else None,
        payee=fields.get("NAME") or fields.get("PAYEE") or memo,
        description=memo,
        bank_id=fields.get("FITID"),
        account=context.account,
        raw=dict(fields),
    )


def _ledger_balance(balance: _Balance, context: _Context) -> StatementBalance | None:
    """The statement's LEDGERBAL: the booked balance at DTASOF (AVAILBAL, what may still be spent, is not it).
    One the bank wrote badly is not checked; it is no reason to refuse the transactions."""
    amount, asof = balance.fields.get("BALAMT"), balance.fields.get("DTASOF")
    if not amount or not asof:
        return None
    try:
        date = _ofx_date(asof)
        value = _ofx_amount(amount)
    except (ValueError, AmountError):
        return None
    return StatementBalance(
        date=date, amount=value, currency=context.currency, account=context.account, line=balance.line, kind="LEDGERBAL"
    )


def open_ofx(data: bytes) -> Statement:
    rows, issues, first = parse_ofx(data)
    return prepared(
        "ofx",
        rows,
        issues=issues,
        skips=[],
        currency=first.currency,
        account=first.account,
        balances=first.balances,
    )
