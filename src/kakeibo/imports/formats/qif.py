"""QIF (Quicken Interchange Format): bank, cash, card and asset/liability registers, splits and account blocks.

Category and class lists, securities, prices and memorized transactions are read past without complaint;
investment registers are counted as skipped (they are not cash transactions)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kakeibo.core.money import ROUNDING
from kakeibo.imports.formats.amounts import AmountError, format_amount, parse_amount, sniff_separators
from kakeibo.imports.formats.base import FormatError, ImportIssue, ParsedRow, Split, Statement, prepared
from kakeibo.imports.formats.encoding import decode_document

__all__ = ["open_qif", "parse_qif"]

_CASH_TYPES = frozenset({"bank", "cash", "ccard", "oth a", "oth l", "invoice"})
_LIST_TYPES = frozenset({"cat", "class", "security", "prices", "memorized", "template", "budget", "bill", "invitem"})
_INVESTMENT_TYPES = frozenset({"invst", "port"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# "2/14'2020", "02/14/2020", "14.02.2020", "2020-02-14", "1/ 2' 5" (Quicken pads with spaces).
_DATE = re.compile(r"(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*(['/.\-])\s*(\d{1,4})")
_PERCENT = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*%?\s*")


@dataclass
class _Split:
    category: str = ""
    memo: str = ""
    amount: str | None = None
    percent: str | None = None


@dataclass
class _Record:
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    address: list[str] = field(default_factory=list)
    splits: list[_Split] = field(default_factory=list)
    account: str | None = None


@dataclass(frozen=True, slots=True)
class _DateParts:
    first: int
    second: int
    year: int
    iso: bool  # year first


def _date_parts(text: str) -> _DateParts:
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f'"{text.strip()}" is not a QIF date')
    a, b, separator, c = match[1], match[2], match[3], match[4]
    if len(a) == 4:
        return _DateParts(int(b), int(c), int(a), iso=True)
    year = int(c)
    if len(c) <= 2:
        # Quicken writes "'" before years from 2000 on ("2/14'20"); otherwise pivot two-digit years at 70.
        year += 2000 if separator == "'" or year < 70 else 1900
    return _DateParts(int(a), int(b), year, iso=False)


def _category(text: str) -> tuple[str | None, str | None, str | None]:
    """L/S field -> (category "Food/Groceries", class, transfer account)."""
    name, _, qif_class = text.strip().partition("/")
    name = name.strip()
    if name.startswith("[") and name.endswith("]"):
        return None, qif_class.strip() or None, name[1:-1].strip()
    category = "/".join(part.strip() for part in name.split(":")) if name else None
    return category or None, qif_class.strip() or None, None


def parse_qif(data: bytes) -> tuple[list[ParsedRow], list[ImportIssue], list[str], str | None, bool]:
    """Rows, issues, skip reasons, the (first) account and whether the day/month order had to be guessed."""
    text = decode_document(data)
    lines = _LINE_BREAK.split(text)
    if not any(line.startswith("!") for line in lines[:200]):
        raise FormatError("not a QIF file: there is no !Type header")
    issues: list[ImportIssue] = []
    skips: list[str] = []
    records: list[_Record] = []
    section: str | None = None
    auto_switch = False
    account: str | None = None
    first_account: str | None = None
    current: _Record | None = None

    def close() -> None:
        nonlocal current, account, first_account
        if current is None:
            return
        record, current = current, None
        if section == "account":
            name = record.fields.get("N")
            # Between !Option:AutoSwitch and !Clear:AutoSwitch the blocks only list accounts.
            if name and not auto_switch:
                account = name
                first_account = first_account or name
        elif section in _CASH_TYPES:
            records.append(record)
        elif section in _INVESTMENT_TYPES:
            skips.append("investment transaction (not imported)")
        elif section not in _LIST_TYPES:
            issues.append(ImportIssue(record.line, f"line {record.line}: records of type !Type:{section} are not read"))

    for number, raw_line in enumerate(lines, 1):
        line = raw_line.rstrip()
        if not line.strip():
            continue
        if line.startswith("!"):
            close()
            header = line[1:].strip().casefold()
            if header == "option:autoswitch":
                auto_switch = True
            elif header == "clear:autoswitch":
                auto_switch = False
            elif header == "account":
                section = "account"
            elif header.startswith("type:"):
                section = " ".join(header[5:].split())
            else:
                section = header
            continue
        if line.startswith("^"):
            close()
            continue
        if section is None:
            continue  # before the first header: comments some tools write, never a record
        if current is None:
            current = _Record(number, account=account)
        code, value = line[0], line[1:].strip()
        record = current
        if code == "S":
            record.splits.append(_Split(category=value))
        elif record.splits and code in "E$%":
            split = record.splits[-1]
            if code == "E":
                split.memo = value
            elif code == "$":
                split.amount = value
            else:
                split.percent = value
        elif record.splits and code == "D":
            continue  # a date inside a split (seen in Quiffen's test file) means nothing to a register
        elif code == "A":
            record.address.append(value)
        else:
            record.fields.setdefault(code, value)
    if current is not None:
        # Every QIF record ends with "^": a last one without it is a file cut short, not a record to guess at.
        raise FormatError(
            f"the QIF file is cut short: the record from line {current.line} has no closing ^; download it again"
        )

    dated = []
    for record in records:
        try:
            dated.append(_date_parts(record.fields.get("D", "")))
        except ValueError:
            continue
    # Month/day order for the whole file: any first number above 12 means day first, any second above 12 month
    # first; with neither, Quicken's US order is assumed and flagged.
    day_first = any(p.first > 12 for p in dated if not p.iso)
    month_first = any(p.second > 12 for p in dated if not p.iso)
    guessed_order = not day_first and not month_first and any(not p.iso for p in dated)
    if day_first and month_first:
        day_first = sum(p.first > 12 for p in dated) > sum(p.second > 12 for p in dated)
    amounts = [record.fields.get("T") or record.fields.get("U") or "" for record in records]
    decimal_sep, thousands_sep, _ = sniff_separators(amounts)

    rows: list[ParsedRow] = []
    for record in records:
        row = _row(record, day_first=day_first, decimal_sep=decimal_sep, thousands_sep=thousands_sep, issues=issues)
        if row is not None:
            rows.append(row)
    return rows, issues, skips, first_account, guessed_order


def _row(
    record: _Record, *, day_first: bool, decimal_sep: str, thousands_sep: str, issues: list[ImportIssue]
) -> ParsedRow | None:
    fields = record.fields
    line = record.line

    def bad(message: str, field: str) -> None:
        issues.append(ImportIssue(line, f"line {line}: {message}", field))

    date_text = fields.get("D", "")
    if not date_text:
        bad("the transaction has no D (date) line", "D")
        return None
    try:
        parts = _date_parts(date_text)
        if parts.iso:
            date = datetime.date(parts.year, parts.first, parts.second)
        elif day_first:
            date = datetime.date(parts.year, parts.second, parts.first)
        else:
            date = datetime.date(parts.year, parts.first, parts.second)
    except ValueError:
        order = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        bad(f'"{date_text}" is not a date ({order})', "D")
        return None
    amount_text = fields.get("T") or fields.get("U")
    if not amount_text:
        bad("the transaction has no T (amount) line", "T")
        return None
    try:
        total = parse_amount(amount_text, decimal_sep, thousands_sep)
    except AmountError as exc:
        bad(str(exc), "T")
        return None

    category, qif_class, transfer = _category(fields.get("L", ""))
    memo = fields.get("M", "")
    raw = {
        "date": date_text,
        "amount": amount_text,
        "payee": fields.get("P", ""),
        "memo": memo,
        "category": fields.get("L", ""),
    }
    for code, name in (("N", "number"), ("C", "cleared")):
        if code in fields:
            raw[name] = fields[code]
    if qif_class:
        raw["class"] = qif_class
    if transfer:
        raw["transfer"] = transfer
    if record.address:
        raw["address"] = ", ".join(record.address)

    splits: list[Split] = []
    split_sum = Decimal(0)
    for split in record.splits:
        split_category, _, split_transfer = _category(split.category)
        if split.amount:
            try:
                value = parse_amount(split.amount, decimal_sep, thousands_sep)
            except AmountError as exc:
                bad(f"split: {exc}", "$")
                return None
        elif split.percent and (match := _PERCENT.fullmatch(split.percent)):
            try:
                value = (total * Decimal(match[1]) / 100).quantize(total, rounding=ROUNDING)  # to the total's places
            except InvalidOperation:  # a share with more digits than a Decimal holds
                bad(f'the split "{split.category}" is {split.percent} of the total, which is not an amount', "%")
                return None
        else:
            bad(f'the split "{split.category}" has no amount', "$")
            return None
        split_sum += value
        split_memo = split.memo
        if split_transfer:
            split_memo = f"{split_memo} (transfer: {split_transfer})" if split_memo else f"transfer: {split_transfer}"
        splits.append(Split(category=split_category, amount=format_amount(value), memo=split_memo))
    if splits and split_sum != total:
        bad(f"the splits add up to {format_amount(split_sum)} but the total is {format_amount(total)}", "$")
        return None

    description = memo
    if transfer:
        description = f"{memo} (transfer: {transfer})" if memo else f"transfer: {transfer}"
    return ParsedRow(
        line=line,
        date=date,
        amount=format_amount(total),
        currency=None,
        payee=fields.get("P", ""),
        description=description,
        bank_id=None,  # N is a check number, not a unique id: it stays in raw["number"]
        account=record.account,
        category=category,
        splits=tuple(splits),
        raw=raw,
    )


def open_qif(data: bytes) -> Statement:
    rows, issues, skips, account, guessed_order = parse_qif(data)
    # Every date could be read either way round: the rows are right only if the file is in US order.
    confidence = 0.8 if guessed_order else 1.0
    return prepared("qif", rows, issues=issues, skips=skips, account=account, confidence=confidence)
