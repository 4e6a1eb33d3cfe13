"""A merchant's figure: the transactions whose payee or description holds the name, without regard to case (in
any alphabet), with "%" and "_" as plain text; the same rows in its total, its count, its listing, its first and
last transaction and the report grouped by payee."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.money import minor_to_str
from kakeibo.ledger import queries
from kakeibo.ledger import service as ledger
from kakeibo.ledger.schemas import PostingIn, TransactionCreate
from tests.factories import HouseholdFixture, make_account, make_household

GROCERIES = "Food & Dining/Groceries"


def _books(session: Session) -> HouseholdFixture:
    home = make_household(session)
    checking = make_account(session, home=home, opening="5000", opening_date=dt.date(2025, 1, 1))
    rows: list[tuple[str, str, str, str]] = [
        # (payee, description, amount, day)
        ("ÉPICERIE Centrale", "", "10.00", "2026-10-02"),
        ("Marché", "Épicerie du coin", "20.00", "2026-10-03"),
        ("Epicerie Fine", "", "40.00", "2026-10-04"),  # an "e", not an "é"
        ("Whole Foods", "", "1.00", "2026-10-05"),
        ("WHOLE FOODS #12", "", "2.00", "2026-10-06"),
        ("WFM", "whole foods market", "4.00", "2026-10-07"),
        ("Whole Foods", "", "64.00", "2026-09-30"),  # before the period
        ("Whole Foods", "", "128.00", "2025-10-05"),
        ("50% Off_Shop", "", "8.00", "2026-10-08"),
        ("50x Offa Shop", "", "16.00", "2026-10-09"),  # what "50% off_" would match as LIKE wildcards
    ]
    for payee, description, amount, day in rows:
        ledger.create_transaction(
            session,
            actor=home.actor(),
            data=TransactionCreate(
                type="expense",
                account=checking.id,
                category=GROCERIES,
                amount=amount,  # type: ignore[arg-type]
                date=dt.date.fromisoformat(day),
                payee=payee,
                description=description,
            ),
        )
    gone = ledger.create_transaction(
        session,
        actor=home.actor(),
        data=TransactionCreate(
            type="expense",
            account=checking.id,
            category=GROCERIES,
            amount="256.00",  # type: ignore[arg-type]
            date=dt.date(2026, 10, 10),
            payee="Whole Foods",
        ),
    )
    ledger.delete_transaction(session, actor=home.actor(), transaction_id=gone.id)
    # One visit split over two categories: one transaction, two counted postings.
    ledger.create_transaction(
        session,
        actor=home.actor(),
        data=TransactionCreate(
            date=dt.date(2026, 10, 11),
            payee="Whole Foods",
            postings=[
                PostingIn(account=checking.id, amount="-30.00"),  # type: ignore[arg-type]
                PostingIn(account=GROCERIES, amount="22.75"),  # type: ignore[arg-type]
                PostingIn(account="Food & Dining/Coffee", amount="7.25"),  # type: ignore[arg-type]
            ],
        ),
    )
    return home


def _spec(payee: str | None, start: str | None = "2026-10-01") -> queries.QuerySpec:
    return queries.QuerySpec(
        measure="spending",
        start=dt.date.fromisoformat(start) if start else None,
        end=dt.date(2026, 10, 31),
        currency="USD",
        payee=payee,
    )


def _money(minor: int) -> Decimal:
    return Decimal(minor_to_str(minor, "USD"))


def _all_rows(session: Session, household_id: int, spec: queries.QuerySpec) -> list[queries.FigureRow]:
    rows, cursor = queries.figure_page(session, household_id=household_id, spec=spec, limit=2)
    while cursor:
        more, cursor = queries.figure_page(session, household_id=household_id, spec=spec, limit=2, cursor=cursor)
        rows += more
    return rows


def _seen(session: Session, household_id: int, payee: str, start: str | None = "2026-10-01") -> dict[str, Any]:
    spec = _spec(payee, start)
    found = queries.figure(session, household_id=household_id, spec=spec, largest=1)
    rows = _all_rows(session, household_id, spec)
    summary = queries.summary_of(
        session, household_id=household_id, spec=spec.model_copy(update={"start": spec.start or dt.date(2025, 1, 1)})
    )
    newest = queries.edge_transaction(session, household_id=household_id, spec=spec, oldest=False)
    oldest = queries.edge_transaction(session, household_id=household_id, spec=spec, oldest=True)
    assert _money(sum(r.amount_minor for r in rows)) == _money(found.total_minor) == _money(summary.expenses_minor)
    assert len(rows) == found.count
    assert newest is not None and oldest is not None
    assert (newest.transaction_id, oldest.transaction_id) == (rows[0].transaction_id, rows[-1].transaction_id)
    return {"total": _money(found.total_minor), "count": found.count, "payees": sorted({r.payee for r in rows})}


def test_a_merchant_is_found_in_the_payee_or_the_description_whatever_the_case(session: Session) -> None:
    home = _books(session)
    household_id = home.household.id
    assert _seen(session, household_id, "Whole Foods") == {
        "total": Decimal("37.00"),  # 1 + 2 + 4 + the split's 22.75 and 7.25; not September's, nor the deleted one
        "count": 4,
        "payees": ["WFM", "WHOLE FOODS #12", "Whole Foods"],
    }
    assert _seen(session, household_id, "whole foods", start=None)["total"] == Decimal("229.00")  # 37 + 64 + 128
    # Letters beyond ASCII fold too, in the payee and in the description; an "e" is not an "é".
    assert _seen(session, household_id, "épicerie") == {
        "total": Decimal("30.00"),
        "count": 2,
        "payees": ["Marché", "ÉPICERIE Centrale"],
    }
    assert _seen(session, household_id, "ÉPICERIE")["total"] == Decimal("30.00")
    assert _seen(session, household_id, "epicerie")["payees"] == ["Epicerie Fine"]
    assert _seen(session, household_id, "MARCHÉ")["payees"] == ["Marché"]
    # "%" and "_" are the name's own characters.
    assert _seen(session, household_id, "50% off_")["payees"] == ["50% Off_Shop"]
    nothing = queries.figure(session, household_id=household_id, spec=_spec("Trader Joe"))
    assert (nothing.total_minor, nothing.count, nothing.rows) == (0, 0, [])


def test_the_report_by_payee_names_each_payee_as_written(session: Session) -> None:
    home = _books(session)
    spec = _spec(None).model_copy(update={"group_by": "payee"})
    summary = queries.summary_of(session, household_id=home.household.id, spec=spec)
    assert {g.key: (_money(g.expenses_minor), g.count) for g in summary.groups} == {
        "ÉPICERIE Centrale": (Decimal("10.00"), 1),
        "Marché": (Decimal("20.00"), 1),
        "Epicerie Fine": (Decimal("40.00"), 1),
        "Whole Foods": (Decimal("31.00"), 3),  # 1.00 and the split's two postings
        "WHOLE FOODS #12": (Decimal("2.00"), 1),
        "WFM": (Decimal("4.00"), 1),
        "50% Off_Shop": (Decimal("8.00"), 1),
        "50x Offa Shop": (Decimal("16.00"), 1),
    }
