"""Statement parsers: real bank exports from other projects' test suites, and small inline files for each
convention the CSV sniffer has to recognise. Plain functions over bytes; no database."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakeibo.imports.formats import (
    PROFILES,
    CsvMapping,
    FormatError,
    ParsedRow,
    Split,
    Statement,
    detect_format,
    open_statement,
    parse,
)
from kakeibo.imports.formats.amounts import AmountError, parse_amount, sniff_separators
from kakeibo.imports.formats.csv import MappingError, sniff_encoding
from kakeibo.imports.formats.dates import date_reader, sniff_date_format
from tests.conftest import shared_fixture


def csv_rows(text: str, **options: object) -> tuple[Statement, list[ParsedRow]]:
    return parse(text.encode(), format="csv", **options)  # type: ignore[arg-type]


def total(rows: list[ParsedRow]) -> Decimal:
    return sum((Decimal(row.amount) for row in rows), Decimal(0))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# ---------------------------------------------------------------------------------------------------------------
# The shared fixtures: real exports.


def test_ing_de_preamble_latin1_decimal_comma_and_two_currency_columns() -> None:
    statement, rows = parse(shared_fixture("statements", "ing_de_test_with_saldo_1.csv"))
    assert (statement.format, statement.profile, statement.confidence) == ("csv", "ing-de", 1.0)
    assert statement.mapping is not None
    assert (statement.mapping.encoding, statement.mapping.delimiter, statement.mapping.header_line) == (
        "cp1252",
        ";",
        14,
    )
    assert statement.account == "DE12345678901234567890"
    assert statement.currency == "EUR"
    assert statement.issues == []
    assert len(rows) == 9
    first, last = rows[0], rows[-1]
    assert (first.line, first.date, first.amount, first.currency) == (16, day("2018-12-28"), "-5.50", "EUR")
    assert first.payee == "PayDude (Europe) S.a.r.l. et Cie., S .C.A."
    assert first.description == "PP.1234.PP . Blumen Berther"
    assert rows[1].amount == "50.00" and rows[1].payee == "Karl Karlsen"
    assert (last.line, last.date, last.amount) == (24, day("2018-12-09"), "-2.90")
    assert total(rows) == Decimal("-178.60")
    # Umlauts survive the Windows-1252 reading, and the second "Währung" keeps its own name in the preview.
    assert rows[4].raw["Buchungstext"] == "Überweisung"
    assert rows[5].description == "Übernachtung in Neuenhausen am 21.05.2017"
    assert rows[0].raw["Währung (2)"] == "EUR"


def test_revolut_completed_date_state_and_zero_holds() -> None:
    statement, rows = parse(shared_fixture("statements", "revolut_2022-january.csv"))
    assert statement.profile == "revolut"
    assert [row.amount for row in rows] == ["-250.00", "-38.71", "500.00", "-21.58", "-33.89", "-69.26"]
    assert total(rows) == Decimal("86.56")
    # Booked on the Completed Date: started on the 6th, completed on the 7th.
    assert (rows[1].payee, rows[1].date) == ("Something and something", day("2022-01-07"))
    assert rows[-1].date == day("2022-01-14") and rows[-1].line == 9
    assert {row.currency for row in rows} == {"EUR"}
    # Pending rows and the 0.00 card hold are skipped on purpose, which is not an error.
    assert statement.issues == []
    assert statement.skipped == 3
    assert statement.skip_reasons == {"State is PENDING": 2, "zero amount (a card hold or check)": 1}


def test_schwab_withdrawal_deposit_dollars_out_of_order() -> None:
    statement, rows = parse(shared_fixture("statements", "schwab_checking_20220203.csv"))
    assert statement.profile == "schwab"
    assert [(row.date, row.amount, row.payee) for row in rows] == [
        (day("2022-07-31"), "1.00", "Interest Paid"),
        (day("2022-02-03"), "-2.00", "Electronic Withdrawal"),
    ]


def test_amex_ofx_sgml_with_sloppy_closing_tags() -> None:
    statement, rows = parse(shared_fixture("statements", "jbms_amex.ofx"))
    assert (statement.format, statement.currency, statement.account) == ("ofx", "USD", "379700001111222")
    assert statement.issues == []
    assert [(row.line, row.date, row.amount, row.bank_id) for row in rows] == [
        (62, day("2013-11-24"), "-143.94", "320133280255184014"),
        (78, day("2013-11-25"), "-28.05", "320133290268683266"),
        (94, day("2013-11-26"), "-18.76", "320133300285014247"),
    ]
    assert rows[0].payee == "PRUNE               NEW YORK"
    assert rows[0].description == "7101466     RESTAURANT"
    assert rows[2].description == "47155       GROCERY STORE"
    assert {row.account for row in rows} == {"379700001111222"}
    assert rows[0].raw["TRNTYPE"] == "DEBIT"


def test_quiffen_qif_lists_splits_transfers_and_investments() -> None:
    statement, rows = parse(shared_fixture("statements", "quiffen_test.qif"))
    assert statement.format == "qif"
    assert statement.issues == []
    assert statement.skip_reasons == {"investment transaction (not imported)": 1}
    assert [(row.line, row.date, row.amount, row.payee) for row in rows] == [
        (29, day("2020-02-10"), "0.00", "Opening Balance"),
        (35, day("2020-02-14"), "67.50", "T-Mobile"),
        (46, day("2020-02-14"), "32.00", "US Post Office"),
        (52, day("2020-02-12"), "-10.00", "Target"),
        (64, day("2020-02-11"), "-25.00", "Walmart"),
        (72, day("2020-02-10"), "-100.00", "Amazon.com"),
    ]
    assert total(rows) == Decimal("-35.50")
    opening, phone, _post, _target, walmart, amazon = rows
    # "[TestExport]" is a transfer, not a category.
    assert opening.category is None and opening.raw["transfer"] == "TestExport"
    assert opening.description == "transfer: TestExport"
    assert phone.category == "Bills/Cell Phone" and phone.raw["class"] == "Test class"
    assert phone.splits == (
        Split("Bills/Cell Phone", "-15.00", "sign up credit"),
        Split("Bills/Cell Phone", "82.50", "new account"),
    )
    # N is a check number, kept in raw but never used as the dedup id.
    assert walmart.bank_id is None and walmart.raw["number"] == "123"
    assert walmart.description == "non split transaction"
    assert [split.category for split in amazon.splits] == [
        "Food/Groceries",
        "Transportation/Automobile",
        "Personal Care/Haircare",
        "Healthcare/Prescriptions",
    ]
    assert sum(Decimal(split.amount) for split in amazon.splits) == Decimal("-100.00")


def test_genkgo_camt053_matches_that_projects_expected_parse() -> None:
    path = shared_fixture("statements", "genkgo_camt053.v2.minimal.xml")
    expected = json.loads(path.with_name("genkgo_camt053.v2.minimal.expected.json").read_text())
    statement, rows = parse(path)
    assert (statement.format, statement.account, statement.currency) == ("camt", "NL26VAYB8060476890", "EUR")
    assert len(rows) == len(expected["getEntries"]) == 1
    entry, row = expected["getEntries"][0], rows[0]
    sign = -1 if entry["getCreditDebitIndicator"] == "DBIT" else 1
    assert Decimal(row.amount) * 100 == sign * Decimal(entry["getAmount"]["getAmount"])
    assert row.currency == entry["getAmount"]["getCurrency"]["getCode"]
    assert row.date.isoformat() == entry["getBookingDate"]["0"][:10]
    assert row.account == entry["getRecord"]["getAccount"]["getIban"]["getIban"]
    assert row.bank_id == entry["getAccountServicerReference"]  # None: the file has no AcctSvcrRef
    parties = entry["getTransactionDetail"]["getRelatedParties"]
    debtor = next(p for p in parties if p["getRelatedPartyType"]["__CLASS__"].endswith("Debtor"))
    assert row.payee == debtor["getRelatedPartyType"]["getName"] == "NAME NAME"  # money in: the debtor paid us
    assert row.description == entry["getTransactionDetail"]["getRemittanceInformation"]["getMessage"]
    assert (row.line, row.amount, row.date) == (90, "8.85", day("2014-12-31"))
    assert row.raw["counterparty account"] == "NL56AGDH9619008421"


def test_mint_export_signs_categories_and_accounts() -> None:
    statement, rows = parse(shared_fixture("categorized", "personal_transactions.csv"), profile="mint")
    assert statement.profile == "mint" and statement.issues == []
    assert len(rows) == 808
    assert (rows[0].date, rows[0].amount, rows[0].payee, rows[0].category, rows[0].account) == (
        day("2018-01-01"),
        "-11.11",
        "Amazon",
        "Shopping",
        "Platinum Card",
    )
    assert rows[3].amount == "2298.09" and rows[3].raw["Transaction Type"] == "credit"
    assert (rows[-1].line, rows[-1].date, rows[-1].amount) == (809, day("2019-09-30"), "-75")
    assert sum(row.amount.startswith("-") for row in rows) == 689
    assert total(rows) == Decimal("28189.48")
    assert len({row.category for row in rows}) == 22
    assert {row.account for row in rows} == {"Checking", "Platinum Card", "Silver Card"}
    # The header alone is enough to recognise Mint.
    assert open_statement(shared_fixture("categorized", "personal_transactions.csv")).profile == "mint"


# ---------------------------------------------------------------------------------------------------------------
# Format detection.


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX>\r\n", "ofx"),
        (b'<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX>', "ofx"),
        (b'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">', "camt"),
        (b"!Type:Bank\nD02/14/2020\nT-1.00\n^\n", "qif"),
        (b"\xef\xbb\xbfDate,Description,Amount\n2024-01-02,Coffee,-3.50\n", "csv"),
        (b"Buchung;Betrag\n01.01.2024;-1,00\n", "csv"),
    ],
)
def test_detect_format(head: bytes, expected: str) -> None:
    assert detect_format(head) == expected


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"", "empty"),
        (b"PK\x03\x04rest-of-a-zip", "spreadsheet"),
        (b"%PDF-1.7", "PDF"),
        (b"<html><body>Sign in</body></html>", "neither an OFX nor a camt"),
        (b"just some words\nwithout any structure\n", "not a statement"),
    ],
)
def test_detect_format_refuses_what_is_not_a_statement(head: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        detect_format(head)


# ---------------------------------------------------------------------------------------------------------------
# CSV conventions, one small file each.


def test_signed_amount_column() -> None:
    statement, rows = csv_rows("Date,Payee,Amount\n2024-03-01,Coffee,-3.50\n2024-03-02,Salary,2500.00\n")
    assert statement.profile == "generic"
    assert [(r.line, r.date, r.payee, r.amount) for r in rows] == [
        (2, day("2024-03-01"), "Coffee", "-3.50"),
        (3, day("2024-03-02"), "Salary", "2500.00"),
    ]
    assert statement.mapping is not None and statement.mapping.amount_column == "Amount"


def test_debit_and_credit_columns() -> None:
    statement, rows = csv_rows(
        "Date,Description,Debit,Credit,Balance\n01/15/2024,Rent,1200.00,,300.00\n01/16/2024,Refund,,45.10,345.10\n"
    )
    assert statement.mapping is not None
    assert (statement.mapping.debit_column, statement.mapping.credit_column) == ("Debit", "Credit")
    assert [r.amount for r in rows] == ["-1200.00", "45.10"]


def test_withdrawal_and_deposit_columns_with_signs_in_the_name() -> None:
    _, rows = csv_rows(
        '"Date","Type","Description","Withdrawal (-)","Deposit (+)"\n"02/20/2024","ACH","Gym","$30.00",""\n'
    )
    assert [r.amount for r in rows] == ["-30.00"]


def test_amount_with_indicator_column() -> None:
    statement, rows = csv_rows(
        "Date,Description,Amount,Transaction Type\n03/14/2024,Groceries,54.20,debit\n03/15/2024,Paycheck,1800,credit\n"
    )
    assert statement.mapping is not None and statement.mapping.indicator_column == "Transaction Type"
    assert [r.amount for r in rows] == ["-54.20", "1800"]


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("(12.50)", "-12.50"),
        ("12.50-", "-12.50"),
        ("-$12.50", "-12.50"),
        ("$-12.50", "-12.50"),
        ("40.00 CR", "40.00"),
        ("40.00 DR", "-40.00"),
        ("€1,234.56", "1234.56"),
        ("£ 7.00", "7.00"),
        ("1,234,567.89", "1234567.89"),
        ("+3", "3"),
    ],
)
def test_amount_notations(written: str, amount: str) -> None:
    _, rows = csv_rows(f'Date,Description,Amount\n2024-01-05,Shop,"{written}"\n2024-01-06,Shop,1.00\n')
    assert rows[0].amount == amount


def test_semicolons_decimal_comma_and_thousands_dots() -> None:
    statement, rows = csv_rows("Datum;Empfänger;Betrag\n03.02.2024;Miete;-1.234,56\n04.02.2024;Gehalt;2.500,00\n")
    assert statement.mapping is not None
    assert (statement.mapping.delimiter, statement.mapping.decimal_separator) == (";", ",")
    assert statement.mapping.date_format == "%d.%m.%Y"
    assert [(r.date, r.amount, r.payee) for r in rows] == [
        (day("2024-02-03"), "-1234.56", "Miete"),
        (day("2024-02-04"), "2500.00", "Gehalt"),
    ]


@pytest.mark.parametrize("delimiter", ["\t", "|", ";", ","])
def test_delimiters(delimiter: str) -> None:
    text = delimiter.join(["Date", "Description", "Amount"]) + "\n"
    text += delimiter.join(["2024-05-01", "Bakery", "-4.20"]) + "\n"
    text += delimiter.join(["2024-05-02", "Bookshop", "-12.00"]) + "\n"
    statement, rows = csv_rows(text)
    assert statement.mapping is not None and statement.mapping.delimiter == delimiter
    assert [r.amount for r in rows] == ["-4.20", "-12.00"]


def test_preamble_lines_before_the_header() -> None:
    text = (
        "Account statement\nAccount;DE89 3704 0044 0532 0130 00\nPeriod;01.01.2024 - 31.01.2024\n\n"
        "Buchungstag;Verwendungszweck;Betrag;Währung\n"
        "02.01.2024;Bäckerei;-3,10;EUR\n15.01.2024;Gehalt;2100,00;EUR\n"
    )
    statement, rows = csv_rows(text)
    assert statement.mapping is not None and statement.mapping.header_line == 4
    assert statement.account == "DE89 3704 0044 0532 0130 00"
    assert statement.currency == "EUR"
    assert [(r.line, r.amount, r.currency) for r in rows] == [(6, "-3.10", "EUR"), (7, "2100.00", "EUR")]


def test_duplicate_currency_column_after_the_amount_wins() -> None:
    text = "Buchung;Empfänger;Saldo;Währung;Betrag;Währung\n02.01.2024;Laden;100,00;USD;-5,00;EUR\n"
    mapping = CsvMapping(
        date_column="Buchung", amount_column="Betrag", currency_column="Währung", payee_column="Empfänger"
    )
    _, rows = csv_rows(text, mapping=mapping)
    assert rows[0].currency == "EUR"
    assert rows[0].raw["Währung"] == "USD" and rows[0].raw["Währung (2)"] == "EUR"


@pytest.mark.parametrize(
    ("written", "fmt", "expected"),
    [
        ("2024-02-14", "%Y-%m-%d", "2024-02-14"),
        ("2024-02-14 13:45:00", "%Y-%m-%d", "2024-02-14"),
        ("2024-02-14T13:45:00Z", "%Y-%m-%d", "2024-02-14"),
        ("02/14/2024", "%m/%d/%Y", "2024-02-14"),
        ("14/02/2024", "%d/%m/%Y", "2024-02-14"),
        ("14.02.2024", "%d.%m.%Y", "2024-02-14"),
        ("14.02.2024 08:00", "%d.%m.%Y", "2024-02-14"),
        ("14 Feb 2024", "%d %b %Y", "2024-02-14"),
    ],
)
def test_date_formats_with_and_without_time(written: str, fmt: str, expected: str) -> None:
    statement, rows = csv_rows(f'Date,Description,Amount\n"{written}",Shop,-1.00\n')
    assert statement.mapping is not None and statement.mapping.date_format == fmt
    assert rows[0].date == day(expected)


def test_a_day_above_twelve_anywhere_settles_us_order() -> None:
    # Only the last row tells: 03/25 cannot be day 3 of month 25.
    text = "Date,Description,Amount\n" + "".join(f"03/0{d}/2024,Shop,-1.00\n" for d in range(1, 9))
    text += "03/25/2024,Shop,-1.00\n"
    statement, rows = csv_rows(text)
    assert statement.mapping is not None and statement.mapping.date_format == "%m/%d/%Y"
    assert rows[0].date == day("2024-03-01") and rows[-1].date == day("2024-03-25")
    assert statement.confidence == 0.9


def test_a_day_above_twelve_anywhere_settles_eu_order() -> None:
    text = "Date,Description,Amount\n03/04/2024,Shop,-1.00\n25/04/2024,Shop,-1.00\n"
    statement, rows = csv_rows(text)
    assert statement.mapping is not None and statement.mapping.date_format == "%d/%m/%Y"
    assert rows[0].date == day("2024-04-03")


def test_ambiguous_dates_prefer_us_for_dollars_and_eu_otherwise_with_less_confidence() -> None:
    dollars, dollar_rows = csv_rows("Date,Description,Amount\n03/04/2024,Shop,$-1.00\n05/06/2024,Shop,$-2.00\n")
    euros, euro_rows = csv_rows("Date,Description,Amount\n03/04/2024,Shop,-1.00\n05/06/2024,Shop,-2.00\n")
    assert dollar_rows[0].date == day("2024-03-04")
    assert euro_rows[0].date == day("2024-04-03")
    assert dollars.confidence < 0.9 and euros.confidence < 0.9


def test_rows_in_any_order() -> None:
    text = "Date,Description,Amount\n2024-03-05,C,-3\n2024-01-01,A,-1\n2024-02-10,B,-2\n"
    _, rows = csv_rows(text)
    assert [r.date.month for r in rows] == [3, 1, 2]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Date,Payee,Amount\n2024-01-02,Café Müller,-3.50\n".encode(), "utf-8"),
        ("Date,Payee,Amount\n2024-01-02,Café Müller,-3.50\n".encode("utf-8-sig"), "utf-8-sig"),
        ("Date,Payee,Amount\n2024-01-02,Café Müller €,-3.50\n".encode("cp1252"), "cp1252"),
        # 0x81 is unassigned in Windows-1252, so only Latin-1 reads this file.
        ("Date,Payee,Amount\n2024-01-02,Café Müller\x81,-3.50\n".encode("latin-1"), "latin-1"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    statement, rows = parse(data, format="csv")
    assert statement.mapping is not None and statement.mapping.encoding == encoding
    assert rows[0].payee.startswith("Café Müller")
    assert rows[0].raw["Date"] == "2024-01-02"  # a BOM does not stick to the first column name


def test_utf8_sniffing_is_not_fooled_by_a_character_cut_at_the_sample_edge() -> None:
    head = "é".encode() * 10
    assert sniff_encoding(head[:-1], complete=False) == "utf-8"
    assert sniff_encoding(head[:-1], complete=True) == "cp1252"


def test_bad_rows_become_issues_with_line_numbers_and_the_rest_is_read() -> None:
    text = (
        "Datum;Beschreibung;Betrag\n"
        "01.02.2022;Bäcker;-2,50\n"
        "31.02.2022;Kino;-9,00\n"
        "03.02.2022;Buch;zwölf\n"
        "\n"
        "04.02.2022;Gehalt;1.500,00\n"
    )
    statement, rows = csv_rows(text)
    assert [(r.line, r.amount) for r in rows] == [(2, "-2.50"), (6, "1500.00")]
    assert [(i.line, i.message, i.field) for i in statement.issues] == [
        (3, 'line 3: "31.02.2022" is not a date (DD.MM.YYYY)', "Datum"),
        (4, 'line 4: "zwölf" is not an amount (expected like 1.234,56)', "Betrag"),
    ]
    assert 0 < statement.confidence < 0.9  # the sample already showed two bad rows of four


def test_line_numbers_count_physical_lines_inside_quoted_fields() -> None:
    text = 'Date,Description,Amount\n2024-01-01,"two\nlines",-1\n2024-01-02,next,oops\n'
    statement, rows = csv_rows(text)
    assert rows[0].line == 2 and rows[0].payee == "two\nlines"
    assert [issue.line for issue in statement.issues] == [4]


def test_rows_can_be_read_twice_without_doubling_issues() -> None:
    statement = open_statement(b"Date,Description,Amount\n2024-01-01,A,-1\nnot a date,B,-2\n", format="csv")
    assert len(list(statement.rows())) == 1 and len(statement.issues) == 1
    assert len(list(statement.rows())) == 1 and len(statement.issues) == 1


def test_a_csv_is_streamed_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Date,Description,Amount,Transaction ID\n")
        for i in range(20_000):
            handle.write(f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d},Shop {i},-{i}.{i % 100:02d},tx-{i}\n")
    statement = open_statement(path)
    assert statement.mapping is not None and statement.mapping.bank_id_column == "Transaction ID"
    rows = statement.rows()
    first = next(rows)
    assert (first.line, first.amount, first.bank_id) == (2, "0.00", "tx-0")  # "-0.00" in the file: no signed zero
    rest = list(rows)
    assert len(rest) == 19_999
    assert (rest[-1].line, rest[-1].amount) == (20_001, "-19999.99")


def test_a_file_with_no_header_is_refused() -> None:
    with pytest.raises(FormatError, match="no header line"):
        open_statement(b"2024-01-01,Coffee,-3.50\n2024-01-02,Tea,-2.50\n", format="csv")
    with pytest.raises(FormatError, match="empty"):
        open_statement(b"  \n\n", format="csv")


# ---------------------------------------------------------------------------------------------------------------
# Bank profiles recognised by their header.


def test_chase_credit_card() -> None:
    statement, rows = csv_rows(
        "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"
        "01/14/2024,01/15/2024,STARBUCKS STORE 12345,Food & Drink,Sale,-5.75,\n"
        "01/20/2024,01/20/2024,Payment Thank You-Mobile,,Payment,500.00,\n"
    )
    assert (statement.profile, statement.confidence) == ("chase", 1.0)
    assert [(r.date, r.amount, r.category) for r in rows] == [
        (day("2024-01-15"), "-5.75", "Food & Drink"),
        (day("2024-01-20"), "500.00", None),
    ]


def test_chase_checking_with_trailing_commas() -> None:
    statement, rows = csv_rows(
        "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n"
        "DEBIT,01/16/2024,WHOLEFDS MKT #10234,-82.14,DEBIT_CARD,1017.86,,\n"
        "CREDIT,01/17/2024,ACME CORP PAYROLL,2000.00,ACH_CREDIT,3017.86,,\n"
    )
    assert statement.profile == "chase-checking"
    assert [r.amount for r in rows] == ["-82.14", "2000.00"]


def test_amex_charges_are_positive_in_the_file() -> None:
    statement, rows = csv_rows(
        "Date,Description,Card Member,Account #,Amount,Extended Details,Appears On Your Statement As,Address,"
        "City/State,Zip Code,Country,Reference,Category\n"
        "02/03/2024,BLUE BOTTLE COFFEE,J DOE,-11002,6.50,COFFEE,BLUE BOTTLE COFFEE,1 MAIN ST,OAKLAND CA,94607,"
        "UNITED STATES,'320240340123456789',Restaurant-Restaurant\n"
        "02/05/2024,AUTOPAY PAYMENT - THANK YOU,J DOE,-11002,-250.00,,,,,,,'320240360987654321',\n"
    )
    assert statement.profile == "amex"
    coffee, payment = rows
    assert (coffee.amount, coffee.bank_id, coffee.account, coffee.category) == (
        "-6.50",
        "320240340123456789",
        "-11002",
        "Restaurant/Restaurant",
    )
    assert payment.amount == "250.00"


def test_monzo() -> None:
    statement, rows = csv_rows(
        "Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,"
        "Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In\n"
        "tx_0000A1,05/02/2024,08:15:02,Card payment,Pret A Manger,🥪,Eating out,-4.25,GBP,-4.25,GBP,,,,"
        "PRET A MANGER LONDON GBR,,-4.25,\n"
        "tx_0000A2,28/02/2024,09:00:00,Faster payment,ACME LTD,,Income,2100.00,GBP,2100.00,GBP,salary,,,"
        "ACME LTD SALARY,,,2100.00\n"
    )
    assert statement.profile == "monzo"
    assert [(r.date, r.amount, r.currency, r.bank_id, r.category) for r in rows] == [
        (day("2024-02-05"), "-4.25", "GBP", "tx_0000A1", "Eating out"),
        (day("2024-02-28"), "2100.00", "GBP", "tx_0000A2", "Income"),
    ]
    assert rows[1].description == "ACME LTD SALARY | salary"


def test_n26_current_and_legacy_layouts() -> None:
    current, rows = csv_rows(
        '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference","Account Name",'
        '"Amount (EUR)","Original Amount","Original Currency","Exchange Rate"\n'
        '2024-03-01,2024-03-01,"REWE Markt",,Presentment,"-","Main Account",-23.45,,,\n'
    )
    assert current.profile == "n26"
    assert (rows[0].payee, rows[0].amount, rows[0].currency, rows[0].account) == (
        "REWE Markt",
        "-23.45",
        "EUR",
        "Main Account",
    )
    legacy, rows = csv_rows(
        '"Date","Payee","Account number","Transaction type","Payment reference","Category","Amount (EUR)",'
        '"Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"\n'
        '"2019-05-02","Landlord","DE89370400440532013000","Outgoing Transfer","May rent","Rent","-900.0","","",""\n'
    )
    assert legacy.profile == "n26-legacy"
    assert (rows[0].amount, rows[0].category, rows[0].description) == ("-900.0", "Rent", "May rent")


def test_every_builtin_profile_round_trips_through_json() -> None:
    assert set(PROFILES) >= {"mint", "chase", "amex", "revolut", "monzo", "n26", "schwab", "ing-de"}
    for mapping in PROFILES.values():
        assert CsvMapping.from_dict(json.loads(json.dumps(mapping.to_dict()))) == mapping


# ---------------------------------------------------------------------------------------------------------------
# Mappings: saved per account, adjusted by a user.


def test_a_saved_mapping_survives_json_and_finds_a_moved_header() -> None:
    statement, _ = csv_rows("Date,Payee,Amount\n2024-01-02,Tea,-2.50\n")
    assert statement.mapping is not None
    saved = json.dumps(statement.mapping.to_dict())
    mapping = CsvMapping.from_dict(json.loads(saved))
    assert mapping == statement.mapping
    # Next month the bank adds a title line above the header.
    again, rows = csv_rows("Transactions export\nDate,Payee,Amount\n2024-02-02,Tea,-2.60\n", mapping=mapping)
    assert again.mapping is not None and again.mapping.header_line == 1
    assert [(r.line, r.amount) for r in rows] == [(3, "-2.60")]


def test_a_user_mapping_can_invert_signs_and_pick_columns() -> None:
    mapping = CsvMapping(
        date_column="When",
        date_format="%d/%m/%Y",
        amount_column="Charge",
        invert_signs=True,
        payee_column="Who",
        description_columns=("Note",),
    )
    statement, rows = csv_rows("When,Who,Charge,Note\n05/01/2024,Cinema,12.00,with Ann\n", mapping=mapping)
    assert statement.confidence == 1.0
    assert (rows[0].date, rows[0].amount, rows[0].payee, rows[0].description) == (
        day("2024-01-05"),
        "-12.00",
        "Cinema",
        "with Ann",
    )


def test_revolut_fee_is_taken_from_the_amount() -> None:
    _, rows = csv_rows(
        "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n"
        "EXCHANGE,Current,2024-01-02 10:00:00,2024-01-02 10:00:01,Exchanged to USD,-100.00,1.50,EUR,COMPLETED,10\n"
        "TRANSFER,Current,2024-01-03 10:00:00,,Declined,-5.00,0.00,EUR,DECLINED,\n"
    )
    assert [r.amount for r in rows] == ["-101.50"]


def test_bad_mappings_are_refused_clearly() -> None:
    with pytest.raises(MappingError, match="unknown CSV mapping settings: colour"):
        CsvMapping.from_dict({"date_column": "Date", "amount_column": "Amount", "colour": "red"})
    with pytest.raises(MappingError, match="needs an amount column"):
        CsvMapping.from_dict({"date_column": "Date"})
    with pytest.raises(FormatError, match='no header line with the columns "Day", "Sum"'):
        csv_rows("Date,Amount\n2024-01-01,1\n", mapping=CsvMapping(date_column="Day", amount_column="Sum"))
    with pytest.raises(FormatError, match="unknown CSV profile"):
        csv_rows("Date,Amount\n2024-01-01,1\n", profile="barclays")


# ---------------------------------------------------------------------------------------------------------------
# OFX.

OFX_2 = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
  <BANKMSGSRSV1>
    <STMTTRNRS>
      <TRNUID>1</TRNUID>
      <STMTRS>
        <CURDEF>EUR</CURDEF>
        <BANKACCTFROM><BANKID>123</BANKID><ACCTID>DE001</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
        <BANKTRANLIST>
          <DTSTART>20240101</DTSTART><DTEND>20240131</DTEND>
          <STMTTRN>
            <TRNTYPE>DEBIT</TRNTYPE>
            <DTPOSTED>20240105120000.000[+1:CET]</DTPOSTED>
            <TRNAMT>-42.10</TRNAMT>
            <FITID>A-1</FITID>
            <NAME>Fish &amp; Chips</NAME>
            <MEMO>Lunch</MEMO>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>XFER</TRNTYPE>
            <DTPOSTED>20240106</DTPOSTED>
            <TRNAMT>200.00</TRNAMT>
            <FITID>A-2</FITID>
            <PAYEE><NAME>Savings</NAME><ADDR1>-</ADDR1></PAYEE>
            <BANKACCTTO><BANKID>123</BANKID><ACCTID>DE002</ACCTID><ACCTTYPE>SAVINGS</ACCTTYPE></BANKACCTTO>
          </STMTTRN>
        </BANKTRANLIST>
      </STMTRS>
    </STMTTRNRS>
  </BANKMSGSRSV1>
</OFX>
"""

OFX_1_SLOPPY = b"""OFXHEADER:100
DATA:OFXSGML
VERSION:102
ENCODING:USASCII
CHARSET:1252

<OFX>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS>
<CURDEF>USD
<CCACCTFROM><ACCTID>4111XXXX1111
<BANKTRANLIST>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20130201120000.000[-7:MST]
<TRNAMT>-12.50
<FITID>2013020101
<NAME>CAF\xc9 ROUGE
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20130203
<FITID>2013020301
<NAME>NO AMOUNT
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20130204
<TRNAMT>+30.00
<FITID>2013020401
<MEMO>REFUND
</BANKTRANLIST>
</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>
"""


def test_ofx_2_xml_bank_statement() -> None:
    statement, rows = parse(OFX_2)
    assert (statement.format, statement.currency, statement.account) == ("ofx", "EUR", "DE001")
    lunch, transfer = rows
    assert (lunch.line, lunch.date, lunch.amount, lunch.payee, lunch.description, lunch.bank_id) == (
        12,
        day("2024-01-05"),
        "-42.10",
        "Fish & Chips",
        "Lunch",
        "A-1",
    )
    # The payee sits in a PAYEE aggregate; the other account of the transfer is not the statement's account.
    assert (transfer.payee, transfer.amount, transfer.account) == ("Savings", "200.00", "DE001")


def test_ofx_1_sgml_without_closing_tags() -> None:
    statement, rows = parse(OFX_1_SLOPPY, filename="export.qfx")
    assert (statement.currency, statement.account) == ("USD", "4111XXXX1111")
    assert [(r.line, r.date, r.amount, r.payee, r.bank_id) for r in rows] == [
        (12, day("2013-02-01"), "-12.50", "CAFÉ ROUGE", "2013020101"),
        (23, day("2013-02-04"), "30.00", "REFUND", "2013020401"),
    ]
    assert [(i.line, i.message) for i in statement.issues] == [(18, "line 18: the transaction has no TRNAMT amount")]


# ---------------------------------------------------------------------------------------------------------------
# QIF.


def test_qif_accounts_eu_dates_percent_splits_and_bad_records() -> None:
    qif = (
        "!Type:Cat\nNFood\nE\n^\nNFood:Groceries\nE\n^\n"
        "!Account\nNVisa Card\nTCCard\n^\n"
        "!Type:CCard\n"
        "D14/02/2020\nU-1,000.00\nT-1,000.00\nPLaptop Shop\nLElectronics\n^\n"
        "D2020-02-15\nT-20.00\nPMarket\nLFood:Groceries\nSFood:Groceries\n%75\nSHousehold\n%25\n^\n"
        "D31/02/2020\nT-1.00\nPNowhere\n^\n"
        "D16/02/2020\nT-10.00\nPOdd split\nSA\n$-4.00\nSB\n$-5.00\n^\n"
        "D17/02/2020\nT50.00\nPPayment\nL[Checking]\n^\n"
    )
    statement, rows = parse(qif.encode())
    assert statement.account == "Visa Card" and statement.confidence == 1.0
    assert [(r.line, r.date, r.amount, r.payee, r.account) for r in rows] == [
        (13, day("2020-02-14"), "-1000.00", "Laptop Shop", "Visa Card"),
        (19, day("2020-02-15"), "-20.00", "Market", "Visa Card"),
        (40, day("2020-02-17"), "50.00", "Payment", "Visa Card"),
    ]
    assert rows[1].splits == (Split("Food/Groceries", "-15.00"), Split("Household", "-5.00"))
    assert rows[2].category is None and rows[2].raw["transfer"] == "Checking"
    assert [(i.line, i.message) for i in statement.issues] == [
        (28, 'line 28: "31/02/2020" is not a date (DD/MM/YYYY)'),
        (32, "line 32: the splits add up to -9.00 but the total is -10.00"),
    ]


def test_qif_all_days_below_thirteen_is_read_as_us_with_less_confidence() -> None:
    statement, rows = parse(b"!Type:Bank\nD02/03/2020\nT-1.00\nPShop\n^\nD1/ 4' 5\nT-2.00\nPShop\n^\n")
    assert [r.date for r in rows] == [day("2020-02-03"), day("2005-01-04")]
    assert statement.confidence == 0.8


# ---------------------------------------------------------------------------------------------------------------
# camt.053.

CAMT_08 = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-01T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
      <Ntry>
        <NtryRef>E-1</NtryRef>
        <Amt Ccy="CHF">1234.50</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2024-02-29T23:10:00+01:00</DtTm></BookgDt>
        <ValDt><Dt>2024-03-01</Dt></ValDt>
        <AcctSvcrRef>BANK-REF-77</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties>
            <Dbtr><Pty><Nm>Me</Nm></Pty></Dbtr>
            <Cdtr><Pty><Nm>Hausverwaltung AG</Nm></Pty></Cdtr>
            <CdtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></CdtrAcct>
          </RltdPties>
          <RmtInf><Ustrd>Miete M\xc3\xa4rz</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="CHF">5.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <BookgDt><Dt>2024-03-02</Dt></BookgDt>
      </Ntry>
      <Ntry>
        <Amt Ccy="CHF">7.00</Amt>
        <CdtDbtInd>XXXX</CdtDbtInd>
        <BookgDt><Dt>2024-03-02</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""


def test_camt_053_later_version_debit_entry() -> None:
    statement, rows = parse(CAMT_08)
    assert (statement.account, statement.currency) == ("CH9300762011623852957", "CHF")
    (rent,) = rows
    assert (rent.line, rent.date, rent.amount, rent.currency) == (8, day("2024-02-29"), "-1234.50", "CHF")
    assert (rent.payee, rent.description, rent.bank_id) == ("Hausverwaltung AG", "Miete März", "BANK-REF-77")
    assert rent.raw["counterparty account"] == "CH5604835012345678009"
    assert statement.skip_reasons == {"status PDNG (pending)": 1}
    assert [(i.line, i.field) for i in statement.issues] == [(31, "CdtDbtInd")]


def test_camt_refuses_dtds_and_broken_xml() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>'
    with pytest.raises(FormatError, match="DTD"):
        parse(evil, format="camt")
    with pytest.raises(FormatError, match="cut short"):
        parse(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>', format="camt")
    with pytest.raises(FormatError, match="not well-formed XML"):
        parse(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt></Stmt>', format="camt")


# ---------------------------------------------------------------------------------------------------------------
# Building blocks.


def test_date_reader_messages() -> None:
    read = date_reader("%d.%m.%Y")
    assert read("01.02.2024") == day("2024-02-01")
    with pytest.raises(ValueError, match=r'"31\.02\.2022" is not a date \(DD\.MM\.YYYY\)'):
        read("31.02.2022")
    guess = sniff_date_format(["01/02/2024", "03/04/2024"], day_first=True)
    assert guess is not None and (guess.format, guess.ambiguous) == ("%d/%m/%Y", True)


def test_separator_sniffing() -> None:
    assert sniff_separators(["1.234,56", "-3,10"]) == (",", ".", False)
    assert sniff_separators(["1,234.56", "-3.10"]) == (".", ",", False)
    assert sniff_separators(["1,234"], prefer_comma=True) == (",", ".", True)
    assert sniff_separators(["75", "12"]) == (".", ",", False)
    with pytest.raises(AmountError):
        parse_amount("1,2,3")


@given(
    cents=st.integers(min_value=-(10**12), max_value=10**12),
    style=st.sampled_from(["us", "eu", "parens", "trailing", "dollar", "crdr", "plain"]),
)
def test_amount_notations_round_trip(cents: int, style: str) -> None:
    value = Decimal(cents).scaleb(-2)
    magnitude = abs(value)
    us = f"{magnitude:,.2f}"
    negative = value < 0
    if style == "us":
        text, decimal_sep, thousands = ("-" if negative else "") + us, ".", ","
    elif style == "eu":
        eu = us.replace(",", "_").replace(".", ",").replace("_", ".")
        text, decimal_sep, thousands = ("-" if negative else "") + eu, ",", "."
    elif style == "parens":
        text, decimal_sep, thousands = (f"({us})" if negative else us), ".", ","
    elif style == "trailing":
        text, decimal_sep, thousands = us + ("-" if negative else ""), ".", ","
    elif style == "dollar":
        text, decimal_sep, thousands = ("-" if negative else "") + "$" + us, ".", ","
    elif style == "crdr":
        text, decimal_sep, thousands = us + (" DR" if negative else " CR"), ".", ","
    else:
        text, decimal_sep, thousands = str(value), ".", ""
    assert parse_amount(text, decimal_sep, thousands) == value


# ---- the statement's own balance ----------------------------------------------------------------------------
STATEMENTS = Path(__file__).parent / "data" / "statements"


def test_an_ofx_ledger_balance_is_read_and_the_available_balance_is_not() -> None:
    statement, rows = parse(STATEMENTS / "checking_september.ofx")
    assert len(rows) == 3 and statement.issues == []
    [balance] = statement.balances
    assert (balance.date, balance.amount, balance.currency, balance.account, balance.kind) == (
        dt.date(2026, 9, 30),
        "1047.05",
        "USD",
        "0001234567",
        "LEDGERBAL",
    )


def test_a_card_statements_ledger_balance_keeps_its_sign() -> None:
    statement, _rows = parse(shared_fixture("statements", "jbms_amex.ofx"))
    assert [(b.date, b.amount) for b in statement.balances] == [(dt.date(2014, 1, 12), "-2356.38")]


def test_a_badly_written_ledger_balance_is_not_a_problem_with_the_rows() -> None:
    text = (STATEMENTS / "checking_september.ofx").read_text().replace("<BALAMT>1047.05", "<BALAMT>lots")
    statement, rows = parse(text.encode())
    assert len(rows) == 3 and statement.issues == [] and statement.balances == []


def test_a_camt_closing_booked_balance_is_read_with_its_sign_and_the_others_are_not() -> None:
    statement, _rows = parse(STATEMENTS / "checking_october.camt053.xml")
    assert [(b.date, b.amount, b.currency, b.account, b.kind) for b in statement.balances] == [
        (dt.date(2026, 10, 31), "437.50", "EUR", "DE89370400440532013000", "CLBD")
    ]
    overdrawn, _rows = parse(STATEMENTS / "overdrawn_october.camt053.xml")
    assert [(b.date, b.amount) for b in overdrawn.balances] == [(dt.date(2026, 10, 31), "-20.00")]
    genkgo, _rows = parse(shared_fixture("statements", "genkgo_camt053.v2.minimal.xml"))
    assert [(b.date, b.amount, b.currency, b.line) for b in genkgo.balances] == [
        (dt.date(2014, 12, 31), "-27.00", "SEK", 54)
    ]
