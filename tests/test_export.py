"""Ledger exports: the journal is read back by the real ledger-cli (and beancount when installed), the CSV by csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.money import Money
from kakeibo.ledger import queries
from kakeibo.ledger import service as ledger
from kakeibo.ledger.export import ExportFormat, account_names, export, filename, media_type
from kakeibo.ledger.models import Account, AccountKind, Posting
from kakeibo.ledger.schemas import CategoryCreate, PostingIn, TransactionCreate, TransactionUpdate
from tests.conftest import service_unavailable
from tests.factories import HouseholdFixture, make_account, make_household, make_transaction

FAR_FUTURE = dt.date(2100, 1, 1)
# Each account's own postings (not its children's), without lot annotations, one commodity per line.
LEDGER_BALANCE_FORMAT = "%(account)\t%(scrub(display_amount))\n"


# ---- helpers shared with test_properties ----------------------------------------------------------------------
def ledger_binary() -> str:
    path = shutil.which("ledger")
    if path is None:
        service_unavailable("ledger-cli", "the `ledger` binary is not on PATH (Debian: apt-get install ledger)")
    assert path is not None
    return path


def run_ledger(journal: str, directory: Path, *args: str) -> str:
    """Run ledger-cli on the journal, ignoring any ~/.ledgerrc and LEDGER_FILE of the machine."""
    path = directory / "export.ledger"
    path.write_text(journal, encoding="utf-8")
    result = subprocess.run(
        [ledger_binary(), "--args-only", "-f", str(path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0 or result.stderr.strip():
        pytest.fail(f"ledger rejected the export:\n{result.stderr}\n--- journal ---\n{journal}", pytrace=False)
    return result.stdout


def ledger_balances(journal: str, directory: Path) -> dict[str, dict[str, int]]:
    """Each account's own balance per commodity, in minor units, as ledger-cli computes it."""
    output = run_ledger(
        journal, directory, "balance", "--flat", "--empty", "--no-total", "--balance-format", LEDGER_BALANCE_FORMAT
    )
    totals: dict[str, dict[str, int]] = {}
    current = ""
    for line in output.splitlines():
        if "\t" in line:
            current, amount = line.split("\t", 1)
            totals.setdefault(current, {})
        else:  # a further commodity of the same account
            amount = line
        amount = amount.strip()
        if not amount or amount == "0":
            continue
        number, commodity = amount.rsplit(" ", 1)
        totals[current][commodity] = Money.of(Decimal(number), commodity).minor
    return totals


def db_totals(session: Session, household_id: int) -> dict[int, dict[str, int]]:
    """Each account's live postings summed per currency, straight from the postings table."""
    stmt = (
        select(Posting.account_id, Posting.currency, func.sum(Posting.amount_minor))
        .where(Posting.household_id == household_id, Posting.deleted == false())
        .group_by(Posting.account_id, Posting.currency)
    )
    totals: dict[int, dict[str, int]] = defaultdict(dict)
    for account_id, currency, amount in session.execute(stmt):
        if int(amount):
            totals[account_id][currency] = int(amount)
    return dict(totals)


def household_accounts(session: Session, household_id: int) -> list[Account]:
    return list(session.scalars(select(Account).where(Account.household_id == household_id)))


def assert_ledger_agrees(session: Session, household_id: int, directory: Path) -> str:
    """Export, let ledger-cli balance it, and compare every account with our balances and raw sums."""
    journal = "".join(export(session, actor=Actor(household_id=household_id, user_id=None), format="ledger"))
    theirs = ledger_balances(journal, directory)
    names = account_names(household_accounts(session, household_id), format="ledger")
    for row in queries.balances(session, household_id=household_id, at=FAR_FUTURE):
        expected = {row.account.currency: row.balance_minor} if row.balance_minor else {}
        assert theirs.get(names[row.account.id], {}) == expected, row.account.name
    ours = {names[account_id]: per_currency for account_id, per_currency in db_totals(session, household_id).items()}
    assert {name: amounts for name, amounts in theirs.items() if amounts} == ours
    return journal


def is_beancount_account(name: str) -> bool:
    """Beancount's rule: a capitalised root, then components of letters, digits and dashes starting with an
    uppercase letter or a digit."""
    root, *components = name.split(":")

    def valid(part: str, first: tuple[str, ...]) -> bool:
        return (
            bool(part)
            and unicodedata.category(part[0]) in first
            and all(unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd" or c == "-" for c in part)
        )

    return bool(components) and valid(root, ("Lu",)) and all(valid(c, ("Lu", "Nd")) for c in components)


def beancount_errors(text: str) -> list[str] | None:
    """Beancount's own verdict on the file, or None when beancount is not installed."""
    try:
        from beancount import loader  # type: ignore[import-not-found]
        from beancount.parser import printer  # type: ignore[import-not-found]
    except ImportError:
        return None
    _entries, errors, _options = loader.load_string(text)
    return [printer.format_error(error) for error in errors]


# ---- the scenario ---------------------------------------------------------------------------------------------
WEIRD_PAYEE = '(Joe\'s) Café;  "Bar"\tNo. 1'


@dataclass
class Books:
    home: HouseholdFixture
    checking: Account
    visa: Account
    savings: Account
    euro: Account
    yen: Account
    joint: Account


def _create(session: Session, home: HouseholdFixture, **fields: object) -> int:
    data = TransactionCreate.model_validate(fields)
    return ledger.create_transaction(session, actor=home.actor(), data=data).id


def build_books(session: Session) -> Books:
    home = make_household(session)
    checking = make_account(session, home=home, name="Checking", opening="8500")
    visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    savings = make_account(session, home=home, name="Savings", subtype="savings", opening="1000")
    euro = make_account(session, home=home, name="Euro Account", currency="EUR", opening="500")
    yen = make_account(session, home=home, name="Yen Wallet", subtype="cash", currency="JPY", opening="20000")
    joint = make_account(session, home=home, name="Joint: Household  Pot", subtype="savings")
    actor = home.actor()
    # Categories whose names journals cannot take as they are, and two that clean up to the same name.
    ledger.create_category(session, actor=actor, data=CategoryCreate(name="Tea;  Snacks", parent="Food & Dining"))
    ledger.create_category(session, actor=actor, data=CategoryCreate(name="café", parent="Food & Dining"))
    ledger.create_category(session, actor=actor, data=CategoryCreate(name="Food - Dining", kind="expense"))
    ledger.create_category(session, actor=actor, data=CategoryCreate(name="Snacks", parent="Food - Dining"))

    make_transaction(
        session, home=home, account=checking, amount="4.75", payee="Blue Bottle", tags=["coffee", "morning routine"]
    )
    make_transaction(
        session, home=home, account=visa, amount="82.40", payee="Whole Foods", category="Food & Dining/Groceries"
    )
    make_transaction(
        session,
        home=home,
        account=checking,
        type="income",
        amount="3200.00",
        category="Income/Salary",
        payee="ACME Corp",
        date=dt.date(2026, 3, 1),
    )
    make_transaction(
        session, home=home, account=checking, type="transfer", to_account=savings, amount="500.00", payee=""
    )
    make_transaction(  # paying the card off
        session, home=home, account=checking, type="transfer", to_account=visa, amount="82.40", payee="Visa payment"
    )
    _create(  # a split in the postings form, with memos
        session,
        home,
        date=dt.date(2026, 3, 15),
        payee="Costco",
        postings=[
            PostingIn(account=checking.id, amount="-120.00"),
            PostingIn(account="Food & Dining/Groceries", amount="80.00", memo="food"),
            PostingIn(account="Shopping/Household Supplies", amount="40.00", memo="paper;  towels"),
        ],
    )
    _create(  # a euro hotel on the dollar card
        session,
        home,
        type="expense",
        account=visa.id,
        amount="30.00",
        currency="EUR",
        converted_amount="32.50",
        category="Travel/Hotels",
        date=dt.date(2026, 3, 16),
        payee="Hotel du Nord",
    )
    _create(  # dollars into the euro account
        session,
        home,
        type="transfer",
        account=checking.id,
        to_account=euro.id,
        amount="100.00",
        to_amount="91.00",
        date=dt.date(2026, 3, 16),
    )
    make_transaction(
        session, home=home, account=euro, amount="12.00", category="Food & Dining/Restaurants", payee="Chez Paul"
    )
    make_transaction(
        session, home=home, account=yen, amount="1500", category="Food & Dining/Restaurants", payee="Ichiran"
    )
    make_transaction(
        session, home=home, account=checking, amount="60.00", category="Transfers/Cash Withdrawal", payee="ATM"
    )
    make_transaction(
        session, home=home, account=checking, amount="3.10", category="Food & Dining/Tea;  Snacks", payee="Tea House"
    )
    make_transaction(
        session, home=home, account=checking, amount="2.20", category="Food & Dining/café", payee="Kitsune"
    )
    make_transaction(
        session, home=home, account=checking, amount="7.30", category="Food - Dining/Snacks", payee="Snack Bar"
    )
    make_transaction(session, home=home, account=joint, type="income", amount="40.00", category=None, payee="Refund")
    _create(
        session,
        home,
        type="expense",
        account=checking.id,
        amount="15.00",
        payee=WEIRD_PAYEE,
        description="dinner | drinks",
        notes="split with Ana [1]\nshe owes 7.50 a:: b\nPayee: Ana",
        status="pending",
        date=dt.date(2026, 3, 18),
    )
    deleted = make_transaction(session, home=home, account=visa, amount="999.99", payee="Mistake")
    ledger.delete_transaction(session, actor=actor, transaction_id=deleted.id)
    updated = make_transaction(
        session, home=home, account=checking, amount="20.00", payee="Burger Barn", category="Food & Dining/Restaurants"
    )
    ledger.update_transaction(
        session,
        actor=actor,
        transaction_id=updated.id,
        data=TransactionUpdate(amount="25.00", date=dt.date(2026, 3, 21), category="Food & Dining/Fast Food"),
    )
    return Books(home, checking, visa, savings, euro, yen, joint)


@pytest.fixture
def books(session: Session) -> Books:
    return build_books(session)


def _text(
    session: Session, books: Books, format: ExportFormat, start: dt.date | None = None, end: dt.date | None = None
) -> str:
    return "".join(export(session, actor=books.home.actor(), format=format, start=start, end=end))


# ---- ledger ---------------------------------------------------------------------------------------------------
def test_ledger_cli_balances_equal_ours(session: Session, books: Books, tmp_path: Path) -> None:
    journal = assert_ledger_agrees(session, books.home.household.id, tmp_path)
    assert "Mistake" not in journal
    payees = run_ledger(journal, tmp_path, "payees").splitlines()
    assert '(Joe\'s) Café, "Bar" No. 1 | dinner | drinks' in payees
    assert "Blue Bottle" in payees
    assert "Ana" not in payees


def test_ledger_journal_reads_like_a_journal(session: Session, books: Books) -> None:
    journal = _text(session, books, "ledger")
    assert re.search(r"^2026-03-14 \* \(\d+\) Blue Bottle$", journal, re.M)
    assert re.search(r"^2026-03-18 ! \(\d+\) \(Joe's\) Café, \"Bar\" No\. 1 \| dinner \| drinks$", journal, re.M)
    assert "    ; :coffee:morning-routine:\n" in journal
    # Note text cannot turn into ledger syntax (an effective date, an expression, a payee override).
    assert "    ; split with Ana (1)\n    ; she owes 7.50 a: : b\n    ; Payee : Ana\n" in journal
    assert re.search(r"^    Expenses:Travel:Hotels +30\.00 EUR @@ 32\.50 USD$", journal, re.M)
    assert re.search(r"^    Assets:Euro Account +91\.00 EUR @@ 100\.00 USD$", journal, re.M)
    assert re.search(r"^    Assets:Yen Wallet +-1500 JPY$", journal, re.M)
    assert re.search(r"^    Expenses:Food & Dining:Tea, Snacks +3\.10 USD$", journal, re.M)
    assert re.search(r"^    Expenses:Shopping:Household Supplies +40\.00 USD  ; paper; towels$", journal, re.M)
    assert "Assets:Joint- Household Pot" in journal
    # Transfer categories are neither income nor spending.
    assert re.search(r"^    Equity:Transfers:Cash Withdrawal +60\.00 USD$", journal, re.M)
    assert not re.search(r"(Income|Expenses):Transfers", journal)
    # The updated transaction exports as it is now.
    assert re.search(r"^2026-03-21 \* \(\d+\) Burger Barn\n    Assets:Checking +-25\.00 USD\n", journal, re.M)
    assert "20.00 USD" not in journal.split("Burger Barn", 1)[1].split("\n\n", 1)[0]
    dates = re.findall(r"^(\d{4}-\d\d-\d\d) ", journal, re.M)
    assert dates == sorted(dates)


# ---- beancount ------------------------------------------------------------------------------------------------
def test_beancount_file_is_valid(session: Session, books: Books) -> None:
    text = _text(session, books, "beancount")
    assert text.startswith('option "operating_currency" "USD"\n')
    assert 'option "inferred_tolerance_default" "JPY:0.5"\n' in text
    assert 'option "inferred_tolerance_default" "USD:0.005"\n' in text
    assert "Mistake" not in text
    opened: dict[str, dt.date] = {}
    for day, name in re.findall(r"^(\d{4}-\d\d-\d\d) open (\S+)", text, re.M):
        assert name not in opened, f"{name} opened twice"
        opened[name] = dt.date.fromisoformat(day)
    assert all(is_beancount_account(name) for name in opened), sorted(opened)
    assert "Expenses:Food-Dining:Cafe" not in opened and "Expenses:Food-Dining:Café" in opened
    assert "Expenses:Food-Dining:Tea-Snacks" in opened
    # "Food - Dining" cleans up to the same name as "Food & Dining": the later one gets a suffix.
    assert "Expenses:Food-Dining-2:Snacks" in opened
    assert len({name.casefold() for name in opened}) == len(opened)
    assert "Equity:Transfers:Cash-Withdrawal" in opened
    # Every posting's account was opened on or before the posting.
    day = None
    for line in text.splitlines():
        header = re.match(r"^(\d{4}-\d\d-\d\d) [*!] ", line)
        if header:
            day = dt.date.fromisoformat(header.group(1))
        posting = re.match(r"^  ([A-Z]\S*)  (-?\d+(\.\d+)?) ([A-Z]{3})", line)
        if posting:
            assert day is not None and opened[posting.group(1)] <= day, line
    assert '2026-03-18 ! "(Joe\'s) Café; \\"Bar\\" No. 1" "dinner | drinks"' in text
    assert re.search(r'^2026-03-14 \* "Blue Bottle" "" #coffee #morning-routine$', text, re.M)
    assert "  Expenses:Travel:Hotels  30.00 EUR @@ 32.50 USD\n" in text
    errors = beancount_errors(text)
    if errors is not None:
        assert errors == []


def test_beancount_balances_equal_ours_when_installed(session: Session, books: Books) -> None:
    try:
        from beancount import loader  # type: ignore[import-not-found]
        from beancount.core import data  # type: ignore[import-not-found]
    except ImportError:
        pytest.skip("beancount is not installed; the structure test above still checks the file")
    text = _text(session, books, "beancount")
    assert beancount_errors(text) == []
    entries, _errors, _options = loader.load_string(text)
    theirs: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                units = posting.units
                theirs[posting.account][units.currency] += Money.of(units.number, units.currency).minor
    names = account_names(household_accounts(session, books.home.household.id), format="beancount")
    ours = {names[a]: amounts for a, amounts in db_totals(session, books.home.household.id).items()}
    assert {a: {c: n for c, n in amounts.items() if n} for a, amounts in theirs.items()} == ours


# ---- csv ------------------------------------------------------------------------------------------------------
def _csv_rows(
    session: Session, books: Books, start: dt.date | None = None, end: dt.date | None = None
) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_text(session, books, "csv", start, end))))


def test_csv_has_one_row_per_money_posting(session: Session, books: Books) -> None:
    text = _text(session, books, "csv")
    assert text.splitlines()[0] == "date,account,payee,description,amount,currency,category,category_source"
    rows = _csv_rows(session, books)
    money_postings = session.scalar(
        select(func.count())
        .select_from(Posting)
        .join(Account, Account.id == Posting.account_id)
        .where(
            Posting.household_id == books.home.household.id,
            Posting.deleted == false(),
            Account.kind.in_([AccountKind.asset, AccountKind.liability]),
        )
    )
    assert len(rows) == money_postings
    assert not [r for r in rows if r["payee"] == "Mistake"]

    def row(payee: str, account: str) -> dict[str, str]:
        (found,) = [r for r in rows if r["payee"] == payee and r["account"] == account]
        return found

    assert row("Blue Bottle", "Checking") == {
        "date": "2026-03-14",
        "account": "Checking",
        "payee": "Blue Bottle",
        "description": "",
        "amount": "-4.75",
        "currency": "USD",
        "category": "Food & Dining/Coffee",
        "category_source": "user",
    }
    assert row("ACME Corp", "Checking")["amount"] == "3200.00"
    assert row("ACME Corp", "Checking")["category"] == "Income/Salary"
    # A card charge is money out of the card; paying the card off is money into it.
    assert row("Whole Foods", "Visa")["amount"] == "-82.40"
    assert row("Visa payment", "Visa")["amount"] == "82.40"
    assert row("Visa payment", "Visa")["category"] == "Checking"
    assert row("Visa payment", "Checking")["amount"] == "-82.40"
    assert row("Visa payment", "Checking")["category"] == "Visa"
    savings_in = [r for r in rows if r["account"] == "Savings" and r["category"] == "Checking"]
    assert [r["amount"] for r in savings_in] == ["500.00"]
    assert row("Costco", "Checking")["category"] == "Food & Dining/Groceries; Shopping/Household Supplies"
    hotel = row("Hotel du Nord", "Visa")
    assert (hotel["amount"], hotel["currency"], hotel["category"]) == ("-32.50", "USD", "Travel/Hotels")
    euro_in = [r for r in rows if r["account"] == "Euro Account" and r["category"] == "Checking"]
    assert [(r["amount"], r["currency"]) for r in euro_in] == [("91.00", "EUR")]
    assert row("Ichiran", "Yen Wallet")["amount"] == "-1500"
    assert row("Ichiran", "Yen Wallet")["currency"] == "JPY"
    assert all("." not in r["amount"] for r in rows if r["currency"] == "JPY")
    opening = [r for r in rows if r["category"] == "Opening Balances"]
    assert sorted((r["account"], r["amount"]) for r in opening) == [
        ("Checking", "8500.00"),
        ("Euro Account", "500.00"),
        ("Savings", "1000.00"),
        ("Yen Wallet", "20000"),
    ]
    assert row(WEIRD_PAYEE, "Checking")["description"] == "dinner | drinks"
    assert row(WEIRD_PAYEE, "Checking")["category"] == "Uncategorized"
    assert row("Burger Barn", "Checking")["amount"] == "-25.00"
    assert row("Burger Barn", "Checking")["category"] == "Food & Dining/Fast Food"
    assert row("Burger Barn", "Checking")["date"] == "2026-03-21"
    # The CSV sums to our balances.
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        sums[r["account"]] += Decimal(r["amount"])
    for balance in queries.balances(session, household_id=books.home.household.id, at=FAR_FUTURE):
        assert sums.get(balance.account.name, Decimal(0)) == Decimal(balance.balance), balance.account.name


# ---- streaming, filters, scope --------------------------------------------------------------------------------
@pytest.mark.parametrize("format", ["ledger", "beancount", "csv"])
def test_small_pages_give_the_same_export(session: Session, books: Books, format: ExportFormat) -> None:
    whole = list(export(session, actor=books.home.actor(), format=format))
    paged = list(export(session, actor=books.home.actor(), format=format, batch_size=2))
    assert "".join(paged) == "".join(whole)
    assert len(paged) > len(whole)  # it did stream in pages


def test_date_range_limits_the_export(session: Session, books: Books) -> None:
    rows = _csv_rows(session, books, start=dt.date(2026, 3, 15), end=dt.date(2026, 3, 16))
    assert {r["date"] for r in rows} == {"2026-03-15", "2026-03-16"}
    assert {r["payee"] for r in rows} == {"Costco", "Hotel du Nord", ""}
    journal = _text(session, books, "beancount", start=dt.date(2026, 3, 15), end=dt.date(2026, 3, 16))
    assert "Opening" not in journal and "Blue Bottle" not in journal


def test_export_never_crosses_households(session: Session, books: Books) -> None:
    other = make_household(session)
    stranger = make_account(session, home=other, name="Stranger Checking")
    make_transaction(session, home=other, account=stranger, payee="Not yours")
    formats: list[ExportFormat] = ["ledger", "beancount", "csv"]
    for format in formats:
        text = _text(session, books, format)
        assert "Not yours" not in text and "Stranger" not in text
    empty = "".join(export(session, actor=Actor(household_id=other.household.id + 1000, user_id=None), format="csv"))
    assert empty.splitlines() == ["date,account,payee,description,amount,currency,category,category_source"]


# ---- names and helpers ----------------------------------------------------------------------------------------
def _account(id: int, kind: AccountKind, path: str) -> Account:
    return Account(id=id, kind=kind, path=path, name=path.rsplit("/", 1)[-1])


def test_account_names_are_clean_unique_and_stable() -> None:
    accounts = [
        _account(9, AccountKind.expense, "Food - Dining"),
        _account(3, AccountKind.expense, "Food & Dining/Coffee"),
        _account(2, AccountKind.expense, "Food & Dining"),
        _account(4, AccountKind.income, "Income/Salary"),
        _account(5, AccountKind.transfer, "Transfers/Savings"),
        _account(6, AccountKind.asset, "Savings"),
        _account(7, AccountKind.equity, "Opening Balances"),
        _account(8, AccountKind.transfer, "Opening Balances"),
        _account(10, AccountKind.expense, "食費"),
        _account(11, AccountKind.liability, "  Visa;\tGold: 2 "),
        _account(12, AccountKind.expense, "Food & Dining/café"),
        _account(13, AccountKind.expense, "Food - Dining/Snacks"),
    ]
    ledger_names = account_names(accounts, format="ledger")
    assert ledger_names == {
        2: "Expenses:Food & Dining",
        3: "Expenses:Food & Dining:Coffee",
        4: "Income:Income:Salary",
        5: "Equity:Transfers:Savings",
        6: "Assets:Savings",
        7: "Equity:Opening Balances",
        8: "Equity:Opening Balances-2",
        9: "Expenses:Food - Dining",
        10: "Expenses:食費",
        11: "Liabilities:Visa, Gold- 2",
        12: "Expenses:Food & Dining:café",
        13: "Expenses:Food - Dining:Snacks",
    }
    beancount_names = account_names(accounts, format="beancount")
    assert beancount_names[2] == "Expenses:Food-Dining"
    assert beancount_names[9] == "Expenses:Food-Dining-2"
    assert beancount_names[10] == "Expenses:X-食費"
    assert beancount_names[11] == "Liabilities:Visa-Gold-2"
    assert beancount_names[12] == "Expenses:Food-Dining:Café"
    assert beancount_names[13] == "Expenses:Food-Dining-2:Snacks"  # under its own group, not "Food & Dining"
    assert all(is_beancount_account(name) for name in beancount_names.values())
    assert account_names(reversed(accounts), format="beancount") == beancount_names


def test_media_types_and_filenames() -> None:
    assert media_type("csv") == "text/csv; charset=utf-8"
    assert media_type("ledger").startswith("text/plain")
    assert media_type("beancount").startswith("text/plain")
    assert filename("csv") == "kakeibo.csv"
    assert filename("ledger") == "kakeibo.ledger"
    assert filename("beancount") == "kakeibo.beancount"
