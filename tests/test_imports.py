"""Imports on a real database: idempotent, atomic, transfers matched, look-alikes flagged, categorized and learning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakeibo.categorize import service as categorize
from kakeibo.categorize.models import Rule
from kakeibo.categorize.schemas import RuleCreate
from kakeibo.imports.errors import ImportHasProblems
from kakeibo.imports.service import ImportOptions, ImportReport, import_file
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import UndoConflict
from kakeibo.ledger.models import Account, MonthlyTotal, Posting, Transaction
from kakeibo.ledger.schemas import TransactionCreate, TransactionUpdate
from tests.conftest import shared_fixture
from tests.factories import HouseholdFixture, make_account, make_household

HEADER = "Date,Description,Amount\n"


def _csv(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(line + "\n" for line in lines))
    return path


def _import(
    session: Session, home: HouseholdFixture, path: Path, account: Account | None = None, **options: object
) -> ImportReport:
    return import_file(
        session,
        actor=home.actor("import"),
        path=path,
        options=ImportOptions(account_id=account.id if account else None, **options),  # type: ignore[arg-type]
    )


def _count(session: Session, home: HouseholdFixture) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Transaction)
            .where(Transaction.household_id == home.household.id, Transaction.deleted_at.is_(None))
        )
        or 0
    )


def _category(session: Session, tx_id: int) -> str | None:
    transaction = session.get(Transaction, tx_id)
    assert transaction is not None
    category_id = categorize.category_id_of(session, transaction)
    account = session.get(Account, category_id) if category_id else None
    return account.path if account else None


OCTOBER = [
    "2026-10-01,STARBUCKS STORE 12345 SEATTLE WA,-4.75",
    "2026-10-02,SHELL OIL 57444321,-48.20",
    "2026-10-03,ACME CORP PAYROLL,3200.00",
    "2026-10-03,STARBUCKS STORE 12345 SEATTLE WA,-4.75",
    "2026-10-05,NETFLIX.COM,-15.49",
]


def test_reimport_adds_nothing_and_an_overlapping_export_adds_only_new_rows(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    first = _import(session, home, _csv(tmp_path, "october.csv", OCTOBER), checking)
    assert (first.rows_read, first.imported, first.duplicates) == (5, 5, 0)
    again = _import(session, home, _csv(tmp_path, "october-again.csv", OCTOBER), checking)
    assert (again.imported, again.duplicates) == (0, 5)
    later = [*OCTOBER[2:], "2026-10-07,STARBUCKS STORE 12345 SEATTLE WA,-4.75", "2026-10-08,WHOLEFDS MKT #10234,-83.10"]
    overlap = _import(session, home, _csv(tmp_path, "october-later.csv", later), checking)
    assert (overlap.imported, overlap.duplicates) == (2, 3)
    assert _count(session, home) == 7 + 0  # no opening balance transaction: the account opened at zero


def test_two_identical_rows_on_one_day_are_two_transactions(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    same = ["2026-10-01,STARBUCKS,-4.75", "2026-10-01,STARBUCKS,-4.75"]
    assert _import(session, home, _csv(tmp_path, "a.csv", same), checking).imported == 2
    assert (
        _import(session, home, _csv(tmp_path, "b.csv", [*same, "2026-10-01,STARBUCKS,-4.75"]), checking).imported == 1
    )


def test_bad_rows_import_nothing_until_accepted(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    path = _csv(tmp_path, "bad.csv", [*OCTOBER[:2], "2026-02-30,BROKEN DATE,-1.00", "2026-10-04,BROKEN AMOUNT,abc"])
    with pytest.raises(ImportHasProblems) as caught:
        _import(session, home, path, checking)
    lines = sorted(issue["line"] for issue in caught.value.extra["issues"])
    assert lines == [4, 5]
    session.rollback()  # what the caller's unit of work does with the error
    home = make_household(session)
    checking = make_account(session, home=home)
    accepted = _import(session, home, path, checking, accept_issues=True)
    assert accepted.imported == 2 and len(accepted.issues) == 2


def test_card_payment_becomes_one_transfer(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home, name="Checking", opening="2000")
    visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    _import(
        session,
        home,
        _csv(tmp_path, "visa.csv", ["2026-10-03,PAYMENT THANK YOU,500.00", "2026-10-01,TARGET,-62.10"]),
        visa,
    )
    report = _import(
        session, home, _csv(tmp_path, "checking.csv", ["2026-10-02,ONLINE PAYMENT TO VISA,-500.00"]), checking
    )
    assert (report.transfers, report.imported) == (1, 0)
    transfer = session.get(Transaction, report.rows[0].transaction_id)
    assert transfer is not None and transfer.type.value == "transfer"
    # Re-importing either statement adds nothing: the transfer carries both rows' fingerprints.
    assert (
        _import(
            session, home, _csv(tmp_path, "checking2.csv", ["2026-10-02,ONLINE PAYMENT TO VISA,-500.00"]), checking
        ).duplicates
        == 1
    )


def test_a_lookalike_of_a_manual_entry_is_flagged_not_dropped(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    manual = ledger.create_transaction(
        session,
        actor=home.actor(),
        data=TransactionCreate(
            type="expense",
            account=checking.id,
            amount="4.75",
            date=dt.date(2026, 10, 1),
            payee="Blue Bottle",
            category="Food & Dining/Coffee",
        ),
    )
    report = _import(
        session, home, _csv(tmp_path, "bb.csv", ["2026-10-02,SQ *BLUE BOTTLE COFFEE #123 SF,-4.75"]), checking
    )
    assert (report.imported, report.flagged) == (1, 1)
    flagged = session.scalars(select(Transaction).where(Transaction.review_flag == "possible_duplicate")).one()
    assert flagged.review_ref == manual.id
    queue = categorize.review_queue(session, household_id=home.household.id, limit=10)
    assert queue[0].id == flagged.id


def test_cold_start_rules_corrections_and_learning(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    report = _import(session, home, _csv(tmp_path, "oct.csv", OCTOBER), checking)
    by_payee = {r.payee: r for r in report.rows}
    starbucks = next(r for p, r in by_payee.items() if "Starbucks" in p)
    assert (starbucks.category, starbucks.source) == ("Food & Dining/Coffee", "knowledge_base")
    assert starbucks.reason
    # A rule comes first.
    categorize.create_rule(
        session,
        actor=home.actor(),
        data=RuleCreate.model_validate(
            {
                "name": "Acme",
                "conditions": [{"field": "payee", "op": "contains", "value": "acme"}],
                "actions": {"category": "Income/Salary"},
            }
        ),
    )
    # The person files a corner shop under Groceries three times: the model learns at once and a rule is proposed.
    shop = [
        "2026-10-10,KWIK CORNER 0042,-12.00",
        "2026-10-11,KWIK CORNER 0042,-8.50",
        "2026-10-12,KWIK CORNER 0042,-3.10",
    ]
    shop_report = _import(session, home, _csv(tmp_path, "shop.csv", shop), checking)
    ids = [r.transaction_id for r in shop_report.rows]
    assert all(isinstance(i, int) for i in ids)
    _, proposed = categorize.correct(
        session,
        actor=home.actor(),
        transaction_ids=ids,
        category="Food & Dining/Groceries",
        # type: ignore[arg-type]
    )
    assert [r.status for r in proposed] == ["proposed"]
    nov = _import(
        session,
        home,
        _csv(tmp_path, "nov.csv", ["2026-11-02,KWIK CORNER 0042,-9.99", "2026-11-03,ACME CORP PAYROLL,3200.00"]),
        checking,
    )
    rows = {r.payee: r for r in nov.rows}
    kwik = next(r for p, r in rows.items() if "Kwik" in p)
    assert (kwik.category, kwik.source) == ("Food & Dining/Groceries", "model")
    acme = next(r for p, r in rows.items() if "Acme" in p)
    assert (acme.category, acme.source) == ("Income/Salary", "rule")
    # A category set by hand is never overwritten by a rule.
    locked = ids[0]
    categorize.apply_rules(session, actor=home.actor())
    assert _category(session, locked) == "Food & Dining/Groceries"
    assert session.scalar(select(func.count()).select_from(Rule).where(Rule.status == "proposed")) == 1


def test_undoing_the_import_group_removes_it_all(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    actor = home.actor("import")
    import_file(
        session,
        actor=actor,
        path=_csv(tmp_path, "oct.csv", OCTOBER),
        options=ImportOptions(account_id=checking.id),
    )
    assert _count(session, home) == 5
    ledger.undo(session, actor=home.actor(), group_id=actor.group_id)
    assert _count(session, home) == 0


STATEMENTS = [
    # file, account currency, rows imported
    ("jbms_amex.ofx", "USD", 3),
    ("schwab_checking_20220203.csv", "USD", 2),
    ("revolut_2022-january.csv", "EUR", 6),
    ("ing_de_test_with_saldo_1.csv", "EUR", 9),
    ("genkgo_camt053.v2.minimal.xml", "EUR", 1),
    ("quiffen_test.qif", "USD", 5),
]


@pytest.mark.parametrize(("name", "currency", "expected"), STATEMENTS)
def test_every_shared_statement_imports_and_reimports_as_nothing(
    session: Session, name: str, currency: str, expected: int
) -> None:
    path = shared_fixture("statements", name)
    home = make_household(session)
    account = make_account(session, home=home, name="Statement", currency=currency)
    first = _import(session, home, path, account, filename=name)
    assert (first.imported, first.issues) == (expected, [])
    balance = session.scalar(
        select(func.coalesce(func.sum(Posting.amount_minor), 0)).where(
            Posting.account_id == account.id, Posting.deleted.is_(False)
        )
    )
    assert balance == sum(
        int(r.amount.replace(".", "").replace("-", "")) * (-1 if r.amount.startswith("-") else 1)
        for r in first.rows
        if r.outcome == "imported"
    )
    again = _import(session, home, path, account, filename=name)
    assert (again.imported, again.duplicates) == (0, expected)


def test_occurrences_count_exactly_across_chunks() -> None:
    import random
    from collections import Counter

    from kakeibo.imports.fingerprint import Occurrences

    rng = random.Random(3)
    keys = [rng.randrange(2**64) if rng.random() < 0.7 else rng.randrange(50) for _ in range(20_000)]
    counter = Occurrences()
    naive: Counter[int] = Counter()
    expected, got = [], []
    position = 0
    while position < len(keys):
        chunk = keys[position : position + rng.randint(1, 3000)]
        position += len(chunk)
        got.extend(counter.count(chunk))
        for key in chunk:
            naive[key] += 1
            expected.append(naive[key])
    assert got == expected


def test_a_banks_category_column_lands_in_the_taxonomy(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    visa = make_account(session, home=home, name="Visa", kind="liability", subtype="credit_card")
    path = tmp_path / "chase.csv"
    path.write_text(
        "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"
        "10/01/2026,10/02/2026,STARBUCKS STORE 12345,Food & Drink,Sale,-4.75,\n"
        "10/02/2026,10/03/2026,SHELL OIL 57444321,Gas,Sale,-48.20,\n"
        "10/03/2026,10/04/2026,FLUFFY FRIENDS,Pet Stuff,Sale,-20.00,\n"
        "10/04/2026,10/05/2026,Food/Groceries example,Food/Groceries,Sale,-3.00,\n"
    )
    report = _import(session, home, path, visa)
    assert report.profile == "chase"
    assert [(r.category, r.source) for r in sorted(report.rows, key=lambda r: r.line)] == [
        ("Food & Dining/Coffee", "import"),  # "Food & Drink" is Food & Dining; Starbucks narrows it
        ("Transportation/Fuel", "import"),
        ("Pet Stuff", "import"),  # unknown: a new category, the user's own
        ("Food & Dining/Groceries", "import"),  # no "Food" group here: the leaf's existing category
    ]
    assert report.categories_created == ["Pet Stuff"]


def test_a_large_import_is_one_event_and_undoes_whole_or_not_at_all(session: Session, tmp_path: Path) -> None:
    home = make_household(session)
    checking = make_account(session, home=home)
    lines = [f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},SHOP {i},-{1 + i % 40}.00" for i in range(250)]
    actor = home.actor("import")
    report = import_file(
        session,
        actor=actor,
        path=_csv(tmp_path, "big.csv", lines),
        options=ImportOptions(account_id=checking.id),
    )
    assert report.imported == 250
    events = ledger_repo.events_of_group(session, household_id=home.household.id, group_id=actor.group_id)
    assert [e.action for e in events] == ["bulk_create"] and "250 transactions" in events[0].summary
    # Someone edits one row afterwards: undoing the import would lose that edit, so it refuses (and changes nothing).
    edited = report.rows[0].transaction_id
    assert edited is not None
    ledger.update_transaction(session, actor=home.actor(), transaction_id=edited, data=TransactionUpdate(notes="mine"))
    with pytest.raises(UndoConflict):
        ledger.undo(session, actor=home.actor(), group_id=actor.group_id)
    session.rollback()
    home = make_household(session)
    checking = make_account(session, home=home)
    actor = home.actor("import")
    import_file(
        session,
        actor=actor,
        path=_csv(tmp_path, "big2.csv", lines),
        options=ImportOptions(account_id=checking.id),
    )
    ledger.undo(session, actor=home.actor(), group_id=actor.group_id)
    assert _count(session, home) == 0
    balance = session.scalar(
        select(func.coalesce(func.sum(MonthlyTotal.amount_minor), 0)).where(MonthlyTotal.account_id == checking.id)
    )
    assert balance == 0
