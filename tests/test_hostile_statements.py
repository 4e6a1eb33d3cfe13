"""Statements that are wrong in the ways real and hostile files are: dates and amounts beyond the ledger, NUL
characters, files cut short, encodings other than UTF-8. Each is a clear issue on its line or a clear refusal of
the file, the same in the preview as in the import, and never a crash half-way through a job."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from kakeibo.imports.errors import ImportHasProblems, UnreadableFile
from kakeibo.imports.formats import FormatError, parse
from kakeibo.imports.formats.encoding import sniff_encoding
from kakeibo.imports.service import ImportOptions, ImportReport, import_file, preview
from kakeibo.ledger.models import Account, Transaction
from tests.api_helpers import poll_job, sign_up
from tests.conftest import shared_fixture
from tests.factories import HouseholdFixture, make_account, make_household

Row = tuple[str, str, str]  # (date as the format writes it, amount, payee)


def _statement(head: str, entry: str, tail: str, rows: tuple[Row, ...]) -> bytes:
    body = "".join(
        entry.format(n=n, day=day, amount=amount, payee=payee) for n, (day, amount, payee) in enumerate(rows, 1)
    )
    return (head + body + tail).encode()


def _ofx(*rows: Row) -> bytes:
    return _statement(
        "OFXHEADER:100\nDATA:OFXSGML\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n"
        "<BANKACCTFROM><ACCTID>123</BANKACCTFROM><BANKTRANLIST>\n",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>{day}<TRNAMT>{amount}<FITID>{n}<NAME>{payee}</STMTTRN>\n",
        "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n",
        rows,
    )


def _qif(*rows: Row) -> bytes:
    return _statement("!Type:Bank\n", "D{day}\nT{amount}\nP{payee}\n^\n", "", rows)


def _camt(*rows: Row) -> bytes:
    return _statement(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
        "<BkToCstmrStmt><Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>\n",
        '<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>'
        "<BookgDt><Dt>{day}</Dt></BookgDt><AddtlNtryInf>{payee}</AddtlNtryInf></Ntry>\n",
        "</Stmt></BkToCstmrStmt></Document>\n",
        rows,
    )


def _csv(*rows: Row) -> bytes:
    return _statement("Date,Description,Amount\n", "{day},{payee},{amount}\n", "", rows)


# One good row, then the row under test, in each format: (statement, the bad row's line, the date field).
def _statements(day: str, amount: str) -> list[tuple[str, bytes, int, str]]:
    compact, us, iso = day.replace("-", ""), f"{day[5:7]}/{day[8:10]}/{day[:4]}", day
    return [
        ("csv", _csv(("2026-10-01", "-1.00", "Good"), (iso, amount, "Bad")), 3, "Date"),
        ("ofx", _ofx(("20261001", "-1.00", "Good"), (compact, amount, "Bad")), 6, "DTPOSTED"),
        ("qif", _qif(("10/01/2026", "-1.00", "Good"), (us, amount, "Bad")), 6, "D"),
        ("camt", _camt(("2026-10-01", "1.00", "Good"), (iso, amount.lstrip("-"), "Bad")), 4, "BookgDt"),
    ]


@pytest.mark.parametrize("day", ["9999-12-31", "2200-01-01", "1899-12-31", "0001-01-01"])
@pytest.mark.parametrize("format", ["csv", "ofx", "qif", "camt"])
def test_a_date_outside_the_supported_range_is_an_issue_on_its_line(format: str, day: str) -> None:
    [(_, data, line, field)] = [s for s in _statements(day, "-2.00") if s[0] == format]
    statement, rows = parse(data, format=format)
    assert [r.payee for r in rows] == ["Good"]
    [issue] = statement.issues
    assert (issue.line, issue.field) == (line, field)
    assert issue.message == f"line {line}: {day} is outside the supported dates (1900-01-01 to 2199-12-31)"


@pytest.mark.parametrize("amount", ["-1000000000000.01", "-99999999999999999999999999", "-1" + "0" * 400])
@pytest.mark.parametrize("format", ["csv", "ofx", "qif", "camt"])
def test_an_amount_beyond_the_ledger_is_an_issue_on_its_line(format: str, amount: str) -> None:
    [(_, data, line, _)] = [s for s in _statements("2026-10-02", amount) if s[0] == format]
    statement, rows = parse(data, format=format)
    assert [r.payee for r in rows] == ["Good"]
    [issue] = statement.issues
    assert issue.line == line and "is too large (at most 1,000,000,000,000)" in issue.message
    assert len(issue.message) < 120  # a 400-digit amount is not printed whole


def test_a_qif_split_of_an_absurd_share_is_an_issue() -> None:
    data = b"!Type:Bank\nD10/02/2026\nT-100.00\nPShop\nSFood\n%" + b"9" * 40 + b"%\nSOther\n$1.00\n^\n"
    statement, rows = parse(data, format="qif")
    assert rows == []
    assert "is not an amount" in statement.issues[0].message


def _import(session: Session, home: HouseholdFixture, path: Path, account: Account, **options: object) -> ImportReport:
    return import_file(
        session,
        actor=home.actor("import"),
        path=path,
        options=ImportOptions(account_id=account.id, **options),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("format", ["csv", "ofx", "qif"])
def test_a_far_future_row_refuses_the_import_and_is_in_the_preview(
    session: Session, tmp_path: Path, format: str
) -> None:
    """Year 9999 used to pass the preview and then fail the job with a bare OverflowError."""
    [(_, data, line, _)] = [s for s in _statements("9999-12-31", "-2.00") if s[0] == format]
    path = tmp_path / f"far.{format}"
    path.write_bytes(data)
    home = make_household(session)
    account = make_account(session, home=home)
    shown = preview(session, actor=home.actor(), path=path, options=ImportOptions(account_id=account.id))
    assert [i.line for i in shown.issues] == [line]
    with pytest.raises(ImportHasProblems) as refused, session.begin_nested():  # the caller rolls back
        _import(session, home, path, account)
    assert [i["line"] for i in refused.value.extra["issues"]] == [line]
    accepted = _import(session, home, path, account, accept_issues=True)
    assert accepted.imported == 1


def test_the_preview_shows_what_the_import_would_refuse_for_the_account(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "cents.csv"
    path.write_bytes(_csv(("2026-10-01", "-1.00", "Good"), ("2026-10-02", "-1.005", "Fraction of a cent")))
    home = make_household(session)
    account = make_account(session, home=home)
    shown = preview(session, actor=home.actor(), path=path, options=ImportOptions(account_id=account.id))
    [issue] = shown.issues
    assert issue.line == 3 and "more decimals than USD allows" in issue.message


def test_nul_characters_in_text_are_dropped_before_the_database(session: Session, tmp_path: Path) -> None:
    """PostgreSQL refuses NUL in text: a bank's NUL padding must not fail the import there."""
    ofx = tmp_path / "nul.ofx"
    ofx.write_bytes(_ofx(("20261001", "-1.00", "Blue\x00 Bottle\x00\x00"), ("20261002", "-2.00", "Plain")))
    qif = tmp_path / "nul.qif"
    qif.write_bytes(b"!Type:Bank\nD10/03/2026\nT-3.00\nPCorner\x00Shop\nMmemo\x00\nLFood\x00:Groceries\n^\n")
    home = make_household(session)
    account = make_account(session, home=home)
    assert _import(session, home, ofx, account).imported == 2
    assert _import(session, home, qif, account).imported == 1
    payees = set(session.scalars(select(Transaction.payee).where(Transaction.household_id == home.household.id)))
    assert all("\x00" not in p for p in payees)
    assert {"Blue Bottle", "Plain"} <= payees


OFX_THREE = _ofx(("20261001", "-1.00", "One"), ("20261002", "-2.00", "Two"), ("20261003", "-3.00", "Three"))


@pytest.mark.parametrize(
    ("format", "data"),
    [
        ("ofx", OFX_THREE[: OFX_THREE.index(b"<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261002")]),  # between two
        ("ofx", OFX_THREE[: OFX_THREE.index(b"</BANKTRANLIST>")]),  # after the last one
        ("ofx", OFX_THREE[: OFX_THREE.index(b"<NAME>Two") + 5]),  # inside one
        ("qif", _qif(("10/01/2026", "-1.00", "One"), ("10/02/2026", "-2.00", "Two"))[:-3]),
        ("qif", _qif(("10/01/2026", "-1.00", "One"), ("10/02/2026", "-2.00", "Two"))[:-14]),
        ("camt", _camt(("2026-10-01", "1.00", "One"), ("2026-10-02", "2.00", "Two"))[:-40]),
        ("camt", _camt(("2026-10-01", "1.00", "One"), ("2026-10-02", "2.00", "Two"))[:300]),
    ],
)
def test_a_file_cut_short_is_refused_whole(format: str, data: bytes) -> None:
    """An OFX cut in half used to import the transactions before the cut without a word."""
    with pytest.raises(FormatError, match="cut short"):
        parse(data, format=format)
    with pytest.raises(FormatError, match="cut short"):
        parse(data)


def test_a_file_cut_short_is_a_clear_problem_over_http(client: TestClient) -> None:
    user = sign_up(client)
    cut = OFX_THREE[: OFX_THREE.index(b"<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261002")]
    shown = user.post("/imports/preview", files={"file": ("cut.ofx", cut, "application/x-ofx")})
    assert shown.status_code == 422
    assert shown.headers["content-type"].startswith("application/problem+json")
    assert shown.json()["errors"] == [
        {"field": "file", "message": "the OFX file is cut short: it ends before </OFX>; download it again"}
    ]


@pytest.mark.parametrize(
    "name", ["jbms_amex.ofx", "ofxtools_invstmtrs.ofx", "quiffen_test.qif", "genkgo_camt053.v2.minimal.xml"]
)
def test_the_real_statements_are_not_taken_for_cut_short(name: str) -> None:
    _, rows = parse(shared_fixture("statements", name))
    assert rows


SHIFT_JIS_STATEMENT = (
    '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ"\r\n'
    '"2026/10/01","カード","セブンイレブン新宿店","500","","99,500",""\r\n'
    '"2026/10/05","振込","カ）アクメ　給与","","250,000","349,500","10月分"\r\n'
    '"2026/10/07","口座振替","東京電力　電気料金","8,200","","341,300",""\r\n'
)


def test_a_shift_jis_bank_export_imports_with_its_japanese_text(session: Session, tmp_path: Path) -> None:
    """A Japanese bank's CSV (Shift-JIS, Japanese column names) was read as Windows-1252 without a word."""
    path = tmp_path / "mufg.csv"
    path.write_bytes(SHIFT_JIS_STATEMENT.encode("cp932"))
    home = make_household(session)
    account = make_account(session, home=home, name="三菱UFJ", currency="JPY")
    report = import_file(
        session,
        actor=home.actor("import"),
        path=path,
        options=ImportOptions(account_id=account.id),
    )
    assert (report.imported, report.issues) == (3, [])
    rows = session.execute(
        select(Transaction.date, Transaction.amount_minor, Transaction.payee, Transaction.description)
        .where(Transaction.household_id == home.household.id, Transaction.source == "import")
        .order_by(Transaction.date)
    ).all()
    assert [(r.amount_minor, r.payee) for r in rows] == [
        (-500, "セブンイレブン新宿店"),
        (250000, "カ）アクメ 給与"),
        (-8200, "東京電力 電気料金"),
    ]
    assert rows[1].description.startswith("振込")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("日付,摘要,金額\n2026/10/01,セブンイレブン,-500\n", "cp932"),
        ("Date,Description,Amount\n2026-10-01,ｽﾀｰﾊﾞｯｸｽ スターバックス,-450\n", "cp932"),
        ("日付,摘要,金額\n2026/10/01,ファミリーマート,-500\n", "euc_jp"),
        ("日期,摘要,金额\n2026-10-01,星巴克咖啡,-45.00\n2026-10-02,京东商城购物,-120.00\n", "gb18030"),
        ("날짜,적요,금액\n2026-10-01,스타벅스 강남점,-4500\n", "cp949"),
        ("Дата;Описание;Сумма\n01.10.2026;Пятёрочка магазин;-450,00\n", "cp1251"),
        ("Date,Description,Amount\n2026-10-01,Café “Le Sud” – crème brûlée,-4.50\n", "cp1252"),
        ("Date,Description,Amount\n2026-10-01,Café,-1.00\n", "utf-16-le"),
        ("Date,Description,Amount\n2026-10-01,Café,-1.00\n", "utf-16-be"),
    ],
)
def test_common_encodings_are_recognized(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert codecs.lookup(sniff_encoding(data, complete=True)).name == codecs.lookup(encoding).name
    statement, rows = parse(data)
    assert statement.format == "csv"
    payee = text.splitlines()[1].split(";" if ";" in text else ",")[1]
    assert payee in rows[0].raw.values()


def test_ing_latin1_export_is_still_read_as_western_european() -> None:
    statement, _ = parse(shared_fixture("statements", "ing_de_test_with_saldo_1.csv"))
    assert statement.mapping is not None and statement.mapping.encoding == "cp1252"


def test_a_file_of_nul_bytes_is_refused(client: TestClient) -> None:
    user = sign_up(client)
    for data in (b"\x00" * 100, bytes(range(256)) * 8):
        shown = user.post("/imports/preview", files={"file": ("x.csv", data, "text/csv")})
        assert shown.status_code == 422, shown.text
        assert shown.json()["type"] == UnreadableFile.type
    started = user.post("/imports", files={"file": ("x.csv", b"\x00" * 100, "text/csv")})
    job, _ = poll_job(user, started.json()["job"]["id"], timeout=30)
    assert job["status"] == "failed" and job["error"]["type"] == UnreadableFile.type
