"""Any bytes at all, given to the statement parsers, give rows and issues or one clear FormatError: never another
exception, never a row the ledger would refuse for its date, its size or a NUL character.

Hypothesis mutates real statements (cuts, byte flips, hostile values spliced into fields) as well as making bytes
from nothing; the example budget keeps the run to seconds."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakeibo.core.limits import date_problem, has_nul
from kakeibo.core.money import MAX_ABS_AMOUNT
from kakeibo.imports.formats import FormatError, parse

CSV = (
    b"Date,Description,Amount,Currency,Category\n"
    b"2026-10-01,STARBUCKS STORE 12345,-4.75,USD,Food/Coffee\n"
    b'2026-10-02,"ACME, INC PAYROLL",3200.00,USD,Income\n'
    b"2026-10-03,NETFLIX.COM,-15.49,USD,\n"
)
OFX = b"""OFXHEADER:100
DATA:OFXSGML
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>123</BANKACCTFROM>
<BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261001<TRNAMT>-4.75<FITID>1<NAME>Starbucks<MEMO>coffee</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261002120000.000[-7:MST]<TRNAMT>3200.00<FITID>2<NAME>Acme</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""
QIF = b"""!Type:Bank
D10/01'2026
T-4.75
PStarbucks
LFood:Coffee
^
D10/02'2026
T-100.00
PSupermarket
SFood:Groceries
$-60.00
SHousehold
%40%
^
"""
CAMT = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">4.75</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-01</Dt></BookgDt>
<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Starbucks</Nm></Cdtr></RltdPties><RmtInf><Ustrd>coffee</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">3200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-02</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""
SEEDS = {"csv": CSV, "ofx": OFX, "qif": QIF, "camt": CAMT}
# Values a hostile or broken file puts where a date, an amount or a name belongs.
HOSTILE = [
    b"99991231",
    b"9999-12-31",
    b"12/31/9999",
    b"0000-00-00",
    b"1e999999",
    b"-1E+5",
    b"9" * 40,
    b"0." + b"0" * 60 + b"1",
    b"1" + b"0" * 5000,
    b"NaN",
    b"Infinity",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x81\x40",
    b"%",
    b"1e10%",
    b"99999999999999999999999999999%",
    b"&#0;",
    b"&#x110000;",
    b"<!DOCTYPE x>",
    b"]]>",
    b"\r",
    b"\n^\n",
    b'"',
    b"",
]
# Values of the seeds above that a hostile value replaces, so that it lands where the parser reads a field.
FIELDS = [
    b"2026-10-01",
    b"20261001",
    b"10/01'2026",
    b"10/02'2026",
    b"-4.75",
    b"4.75",
    b"3200.00",
    b"-60.00",
    b"40",
    b"USD",
    b"EUR",
    b"DBIT",
    b"Starbucks",
    b"Food:Coffee",
    b"Food/Coffee",
]
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def statements(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real statement of some format, broken in a few places."""
    format = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[format])
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["value", "value", "cut", "splice", "replace", "flip"]))
        present = [value for value in FIELDS if value in data]
        if action == "value" and present:
            value = draw(st.sampled_from(present))
            data = data.replace(value, draw(st.sampled_from(HOSTILE)), 1)
        elif action == "cut":
            data = data[:where]
        elif action == "splice":
            data[where:where] = draw(st.sampled_from(HOSTILE))
        elif action == "replace":
            length = draw(st.integers(1, 12))
            data[where : where + length] = draw(st.sampled_from(HOSTILE))
        elif action == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
    return format, bytes(data)


def _parsed_or_refused(data: bytes, format: str) -> None:
    try:
        statement, rows = parse(data, format=format)
    except FormatError as exc:
        assert exc.message  # a sentence for the person who uploaded the file
        return
    for row in rows:
        assert date_problem(row.date) is None, row
        for amount in (row.amount, *(split.amount for split in row.splits)):
            assert Decimal(amount).is_finite() and abs(Decimal(amount)) <= MAX_ABS_AMOUNT, row
        texts = [row.payee, row.description, row.bank_id, row.account, row.category, row.currency]
        assert not any(has_nul(text) for text in texts if text), row
    for issue in statement.issues:
        assert issue.message.startswith(f"line {issue.line}: ") or issue.line == 0, issue


@FUZZ
@given(statements())
def test_a_broken_statement_gives_rows_and_issues_or_a_clear_refusal(broken: tuple[str, bytes]) -> None:
    format, data = broken
    _parsed_or_refused(data, format)
    _parsed_or_refused(data, "auto")


@FUZZ
@given(st.sampled_from(sorted(SEEDS)), st.binary(max_size=2048))
def test_any_bytes_give_rows_and_issues_or_a_clear_refusal(format: str, data: bytes) -> None:
    _parsed_or_refused(data, format)
    _parsed_or_refused(data, "auto")
