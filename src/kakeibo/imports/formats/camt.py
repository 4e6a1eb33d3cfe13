"""ISO 20022 camt.053 bank-to-customer statements (any version, .001.02 onwards; camt.052/054 read the same way).

Parsed with expat directly so that each <Ntry> keeps its line number, with DTDs refused outright: camt never
needs one, and refusing them closes entity-expansion and external-entity tricks (defusedxml is not available)."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from kakeibo.imports.formats.amounts import AmountError, format_amount, parse_amount
from kakeibo.imports.formats.base import FormatError, ImportIssue, ParsedRow, Statement, StatementBalance, prepared

__all__ = ["CamtDocument", "open_camt", "parse_camt", "read_camt"]

_ROOTS = frozenset({"BkToCstmrStmt", "BkToCstmrAcctRpt", "BkToCstmrDbtCdtNtfctn"})
_RECORDS = frozenset({"Stmt", "Rpt", "Ntfctn"})
_NOT_BOOKED = {"PDNG": "pending", "INFO": "information only", "FUTR": "future"}
# What expat says of a document that stops before its end: a download cut short.
_CUT_SHORT = frozenset(
    expat.errors.codes[name]
    for name in (
        expat.errors.XML_ERROR_NO_ELEMENTS,
        expat.errors.XML_ERROR_UNCLOSED_TOKEN,
        expat.errors.XML_ERROR_PARTIAL_CHAR,
    )
)


class _DtdRefused(Exception):
    pass


def _refuse_dtd(*_args: object) -> NoReturn:
    raise _DtdRefused


def _build(data: bytes) -> tuple[ET.Element, list[int], list[int]]:
    """The document with namespaces dropped from tag names, and the line of every <Ntry> and of every <Bal> in
    document order."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    entry_lines: list[int] = []
    balance_lines: list[int] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition("}")[2]
        if local == "Ntry":
            entry_lines.append(parser.CurrentLineNumber)
        elif local == "Bal":
            balance_lines.append(parser.CurrentLineNumber)
        builder.start(local, {key.rpartition("}")[2]: value for key, value in attributes.items()})

    def end(name: str) -> None:
        builder.end(name.rpartition("}")[2])

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _DtdRefused:
        raise FormatError("the XML file declares a DTD or entities, which a camt statement never does") from None
    except expat.ExpatError as exc:
        if exc.code in _CUT_SHORT:
            raise FormatError(f"the XML file is cut short (it ends inside the document, line {exc.lineno})") from None
        raise FormatError(f"not well-formed XML (line {exc.lineno}): {expat.ErrorString(exc.code)}") from None
    except LookupError as exc:  # <?xml encoding="..."?> names a codec Python does not have
        raise FormatError(f"the XML file declares an encoding that cannot be read ({exc})") from None
    return builder.close(), entry_lines, balance_lines


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _first(element: ET.Element | None, *paths: str) -> str:
    for path in paths:
        value = _text(element, path)
        if value:
            return value
    return ""


def _date(element: ET.Element | None) -> datetime.date | None:
    """A <Dt> or <DtTm> child: the date part as the bank wrote it."""
    value = _first(element, "Dt", "DtTm")
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class CamtDocument:
    rows: list[ParsedRow] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    skips: list[str] = field(default_factory=list)
    account: str | None = None  # the first statement's (IBAN)
    currency: str | None = None
    balances: list[StatementBalance] = field(default_factory=list)  # every statement's closing booked balance


def parse_camt(data: bytes) -> tuple[list[ParsedRow], list[ImportIssue], list[str], str | None, str | None]:
    """Rows, issues, skip reasons, and the first statement's account (IBAN) and currency."""
    document = read_camt(data)
    return document.rows, document.issues, document.skips, document.account, document.currency


def read_camt(data: bytes) -> CamtDocument:
    """Everything a camt document says that an import uses: rows, issues, skips, account, closing balances."""
    root, entry_lines, balance_lines = _build(data)
    message = next((child for child in root if child.tag in _ROOTS), None)
    if root.tag != "Document" or message is None:
        raise FormatError("not a camt statement: expected <Document><BkToCstmrStmt>")
    rows: list[ParsedRow] = []
    issues: list[ImportIssue] = []
    skips: list[str] = []
    first_account: str | None = None
    first_currency: str | None = None
    balances: list[StatementBalance] = []
    lines = iter(entry_lines)
    bal_lines = iter(balance_lines)
    for record in message:
        if record.tag not in _RECORDS:
            continue
        account = _first(record, "Acct/Id/IBAN", "Acct/Id/Othr/Id") or None
        currency = _text(record, "Acct/Ccy") or None
        first_account = first_account or account
        first_currency = first_currency or currency
        for element in record.iter("Bal"):
            found = _closing_balance(element, next(bal_lines, 0), account=account, currency=currency)
            if found is not None:
                balances.append(found)
        for entry in record.iter("Ntry"):
            line = next(lines, 0)
            row = _row(entry, line, account=account, currency=currency, issues=issues, skips=skips)
            if row is not None:
                rows.append(row)
    return CamtDocument(rows, issues, skips, first_account, first_currency, balances)


def _closing_balance(
    element: ET.Element, line: int, *, account: str | None, currency: str | None
) -> StatementBalance | None:
    """A <Bal> of type CLBD (closing booked): what the account held at the end of its date. Opening and available
    balances are not assertions about the booked rows; a closing balance the bank wrote badly is not checked."""
    if _first(element, "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry") != "CLBD":
        return None
    amount_element = element.find("Amt")
    amount_text = (amount_element.text or "").strip() if amount_element is not None else ""
    date = _date(element.find("Dt"))
    indicator = _text(element, "CdtDbtInd")
    if not amount_text or date is None or indicator not in ("CRDT", "DBIT"):
        return None
    try:
        amount = parse_amount(amount_text, ".", "")
    except AmountError:
        return None
    amount = -abs(amount) if indicator == "DBIT" else abs(amount)
    own = amount_element.get("Ccy") if amount_element is not None else None
    return StatementBalance(
        date=date, amount=format_amount(amount), currency=own or currency, account=account, line=line, kind="CLBD"
    )


def _row(
    entry: ET.Element,
    line: int,
    *,
    account: str | None,
    currency: str | None,
    issues: list[ImportIssue],
    skips: list[str],
) -> ParsedRow | None:
    def bad(message: str, field: str) -> None:
        issues.append(ImportIssue(line, f"line {line}: {message}", field))

    status = _first(entry, "Sts/Cd", "Sts")
    if status in _NOT_BOOKED:
        skips.append(f"status {status} ({_NOT_BOOKED[status]})")
        return None
    amount_element = entry.find("Amt")
    amount_text = (amount_element.text or "").strip() if amount_element is not None else ""
    if not amount_text:
        bad("the entry has no <Amt>", "Amt")
        return None
    try:
        amount = parse_amount(amount_text, ".", "")
    except AmountError as exc:
        bad(str(exc), "Amt")
        return None
    indicator = _text(entry, "CdtDbtInd")
    if indicator == "DBIT":
        amount = -abs(amount)
    elif indicator == "CRDT":
        amount = abs(amount)
    else:
        bad(f'the credit/debit indicator is "{indicator}", expected CRDT or DBIT', "CdtDbtInd")
        return None
    # A reversal (RvslInd true) keeps its own CdtDbtInd: it already says which way the money moves back.
    date = _date(entry.find("BookgDt")) or _date(entry.find("ValDt"))
    if date is None:
        bad("the entry has no booking or value date", "BookgDt")
        return None

    details = entry.findall("NtryDtls/TxDtls")
    # The counterparty is the creditor of money we paid out and the debtor of money we received.
    side = "Cdtr" if indicator == "DBIT" else "Dbtr"
    payee = ""
    counterparty_account = ""
    descriptions: list[str] = []
    for detail in details:
        parties = detail.find("RltdPties")
        payee = payee or _first(parties, f"{side}/Nm", f"{side}/Pty/Nm", f"Ultmt{side}/Nm", f"Ultmt{side}/Pty/Nm")
        counterparty_account = counterparty_account or _first(parties, f"{side}Acct/Id/IBAN", f"{side}Acct/Id/Othr/Id")
        remittance = detail.find("RmtInf")
        texts = [(u.text or "").strip() for u in remittance.findall("Ustrd")] if remittance is not None else []
        if not any(texts) and remittance is not None:
            texts = [_first(structured, "CdtrRefInf/Ref", "AddtlRmtInf") for structured in remittance.findall("Strd")]
        if not any(texts):
            texts = [_text(detail, "AddtlTxInf")]
        for text in texts:
            if text and text not in descriptions:
                descriptions.append(text)
    additional = _text(entry, "AddtlNtryInf")
    if not descriptions and additional:
        descriptions.append(additional)
    if not payee:
        payee = additional

    bank_id = _first(entry, "AcctSvcrRef", "NtryRef")
    if not bank_id and len(details) == 1:
        bank_id = _text(details[0], "Refs/AcctSvcrRef")
    entry_currency = amount_element.get("Ccy") if amount_element is not None else None
    raw = {
        "Amt": amount_text,
        "Ccy": entry_currency or "",
        "CdtDbtInd": indicator,
        "Sts": status,
        "BookgDt": _first(entry, "BookgDt/Dt", "BookgDt/DtTm"),
        "ValDt": _first(entry, "ValDt/Dt", "ValDt/DtTm"),
        "RvslInd": _text(entry, "RvslInd"),
        "BkTxCd": _first(entry, "BkTxCd/Domn/Cd", "BkTxCd/Prtry/Cd"),
        "AcctSvcrRef": _text(entry, "AcctSvcrRef"),
        "NtryRef": _text(entry, "NtryRef"),
        "counterparty": payee,
        "counterparty account": counterparty_account,
        "AddtlNtryInf": additional,
    }
    return ParsedRow(
        line=line,
        date=date,
        amount=format_amount(amount),
        currency=entry_currency or currency,
        payee=payee,
        description=" ".join(descriptions),
        bank_id=bank_id or None,
        account=account,
        raw={key: value for key, value in raw.items() if value},
    )


def open_camt(data: bytes) -> Statement:
    document = read_camt(data)
    return prepared(
        "camt",
        document.rows,
        issues=document.issues,
        skips=document.skips,
        currency=document.currency,
        account=document.account,
        balances=document.balances,
    )
