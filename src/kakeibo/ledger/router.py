"""Thin HTTP over the ledger: accounts, categories, transactions, reports, events/undo and export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.http import SessionDep
from kakeibo.core.money import Money, minor_to_str
from kakeibo.core.types import CurrencyCode, Day, Id
from kakeibo.ledger import export as exporter
from kakeibo.ledger import opening, queries
from kakeibo.ledger import repository as repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.hooks import person_categorized
from kakeibo.ledger.models import CATEGORY_KINDS
from kakeibo.ledger.presenters import account_out, category_out, transactions_out
from kakeibo.ledger.schemas import (
    AccountCreate,
    AccountOut,
    AccountUpdate,
    BalanceOut,
    CategoryCreate,
    CategoryOut,
    CategoryUpdate,
    EventOut,
    FigureOut,
    NetWorthOut,
    OpeningDateIn,
    OpeningDateMoved,
    QuerySpecOut,
    SummaryGroupOut,
    SummaryOut,
    TransactionCreate,
    TransactionOut,
    TransactionPage,
    TransactionUpdate,
    UndoIn,
    UndoOut,
)

accounts_router = APIRouter(prefix="/accounts", tags=["accounts"])
categories_router = APIRouter(prefix="/categories", tags=["categories"])
transactions_router = APIRouter(prefix="/transactions", tags=["transactions"])
reports_router = APIRouter(prefix="/reports", tags=["reports"])
events_router = APIRouter(tags=["events"])
export_router = APIRouter(prefix="/export", tags=["export"])


# ---- accounts -------------------------------------------------------------------------------------------------
@accounts_router.get("", response_model=list[AccountOut])
def list_accounts(
    session: SessionDep, ctx: ContextDep, include_archived: bool = True, at: Day | None = None
) -> list[AccountOut]:
    rows = queries.balances(session, household_id=ctx.household_id, at=at, include_archived=include_archived)
    return [account_out(row.account, row.balance_minor) for row in rows]


@accounts_router.post("", response_model=AccountOut, status_code=status.HTTP_201_CREATED)
def create_account(data: AccountCreate, session: SessionDep, ctx: WriteContextDep) -> AccountOut:
    account = ledger.create_account(session, actor=ctx, data=data)
    return account_out(account, account.opening_balance_minor)


def _account_with_balance(session: Session, household_id: int, account_id: int) -> AccountOut:
    account = ledger.get_money_account(session, household_id=household_id, account_id=account_id, field="id")
    balance = queries.balance_minor_by_account(
        session, household_id=household_id, at=clock.today(), account_ids=[account.id]
    ).get(account.id, 0)
    return account_out(account, balance)


@accounts_router.get("/{account_id:int}", response_model=AccountOut)
def get_account(account_id: Id, session: SessionDep, ctx: ContextDep) -> AccountOut:
    return _account_with_balance(session, ctx.household_id, account_id)


@accounts_router.patch("/{account_id:int}", response_model=AccountOut)
def update_account(account_id: Id, data: AccountUpdate, session: SessionDep, ctx: WriteContextDep) -> AccountOut:
    ledger.update_account(session, actor=ctx, account_id=account_id, data=data)
    return _account_with_balance(session, ctx.household_id, account_id)


@accounts_router.post("/{account_id:int}/opening-date", response_model=OpeningDateMoved)
def move_opening_date(
    account_id: Id, data: OpeningDateIn, session: SessionDep, ctx: WriteContextDep
) -> OpeningDateMoved:
    """Open the account on another day, keeping its opening balance (e.g. before older rows an import brought);
    undo the returned group to restore the old date."""
    opening.move_opening_date(session, actor=ctx, account_id=account_id, date=data.date)
    return OpeningDateMoved(account=_account_with_balance(session, ctx.household_id, account_id), group_id=ctx.group_id)


@accounts_router.delete("/{account_id:int}", status_code=status.HTTP_204_NO_CONTENT)
def delete_account(account_id: Id, session: SessionDep, ctx: WriteContextDep) -> Response:
    ledger.delete_account(session, actor=ctx, account_id=account_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- categories -----------------------------------------------------------------------------------------------
@categories_router.get("", response_model=list[CategoryOut])
def list_categories(session: SessionDep, ctx: ContextDep) -> list[CategoryOut]:
    return [category_out(a) for a in repo.list_accounts(session, household_id=ctx.household_id, kinds=CATEGORY_KINDS)]


@categories_router.post("", response_model=CategoryOut, status_code=status.HTTP_201_CREATED)
def create_category(data: CategoryCreate, session: SessionDep, ctx: WriteContextDep) -> CategoryOut:
    return category_out(ledger.create_category(session, actor=ctx, data=data))


@categories_router.get("/{category_id:int}", response_model=CategoryOut)
def get_category(category_id: Id, session: SessionDep, ctx: ContextDep) -> CategoryOut:
    return category_out(ledger.resolve_category(session, household_id=ctx.household_id, ref=category_id, field="id"))


@categories_router.patch("/{category_id:int}", response_model=CategoryOut)
def update_category(category_id: Id, data: CategoryUpdate, session: SessionDep, ctx: WriteContextDep) -> CategoryOut:
    return category_out(ledger.update_category(session, actor=ctx, category_id=category_id, data=data))


@categories_router.delete("/{category_id:int}", status_code=status.HTTP_204_NO_CONTENT)
def delete_category(category_id: Id, session: SessionDep, ctx: WriteContextDep) -> Response:
    ledger.delete_category(session, actor=ctx, category_id=category_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- transactions ---------------------------------------------------------------------------------------------
def _minor_filter(value: str | None, currency: str, field: str) -> int | None:
    if value is None:
        return None
    return abs(Money.of(value, currency, field=field).minor)


@transactions_router.get("", response_model=TransactionPage)
def list_transactions(
    session: SessionDep,
    ctx: ContextDep,
    start: Day | None = None,
    end: Day | None = None,
    account: Id | None = None,
    category: Annotated[str | None, Query(description='Category id or "Group/Category"; includes its subtree')] = None,
    q: Annotated[str | None, Query(description="Text in payee, description or notes", max_length=200)] = None,
    min_amount: Annotated[str | None, Query(description="Smallest absolute amount, decimal string")] = None,
    max_amount: Annotated[str | None, Query(description="Largest absolute amount, decimal string")] = None,
    tag: Annotated[list[str] | None, Query()] = None,
    type: Literal["expense", "income", "transfer", "split", "opening"] | None = None,
    sort: queries.SortKey = "-date",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: str | None = None,
    measure: Annotated[
        queries.Measure | None,
        Query(
            description="List the transactions behind a figure: with `start`, `end`, `currency`, `category`, "
            "`account` and `payee` this is the figure's QuerySpec, the rows are those it counts (newest first) and "
            "each carries `counted`; the first page also carries the figure"
        ),
    ] = None,
    payee: Annotated[
        str | None, Query(description="With `measure`: text in the payee or description", max_length=200)
    ] = None,
    currency: Annotated[
        CurrencyCode | None, Query(description="With `measure`: the settlement currency (default: the household's)")
    ] = None,
) -> Response:
    if measure is not None:
        if any(v is not None for v in (q, min_amount, max_amount, tag, type)) or sort != "-date":
            raise ValidationFailed("a figure's listing takes only its spec's fields", field="measure")
        return _figure_listing(
            session,
            ctx,
            measure=measure,
            start=start,
            end=end,
            currency=currency or ctx.base_currency,
            category=category,
            account=account,
            payee=payee,
            limit=limit,
            cursor=cursor,
        )
    if payee is not None or currency is not None:
        raise ValidationFailed("payee and currency select a figure's rows: give its measure", field="measure")
    category_ids = None
    if category is not None:
        root = ledger.resolve_category(session, household_id=ctx.household_id, ref=category)
        category_ids = repo.subtree_ids(session, household_id=ctx.household_id, root=root)
    running_currency = None
    if account is not None:
        running_currency = ledger.get_money_account(session, household_id=ctx.household_id, account_id=account).currency
    flt = queries.TransactionFilter(
        start=start,
        end=end,
        account_id=account,
        category_ids=category_ids,
        text=q,
        min_amount_minor=_minor_filter(min_amount, ctx.base_currency, "min_amount"),
        max_amount_minor=_minor_filter(max_amount, ctx.base_currency, "max_amount"),
        tags=tag,
        type=type,
    )
    rows, next_cursor = queries.page_transactions(
        session, household_id=ctx.household_id, flt=flt, limit=limit, cursor=cursor, sort=sort
    )
    running = None
    # A running balance only means something for one account's register in date order with nothing filtered out.
    if account is not None and sort == "-date" and not any((category, q, min_amount, max_amount, tag, type, start)):
        running = queries.running_balances(session, household_id=ctx.household_id, account_id=account, rows=rows)
    items = transactions_out(
        session, household_id=ctx.household_id, transactions=rows, running=running, running_currency=running_currency
    )
    # Serialized once here: the page is built from validated parts, and a large page should not be checked twice.
    page = TransactionPage(items=items, next_cursor=next_cursor)
    return Response(content=page.model_dump_json(), media_type="application/json")


def _figure_listing(
    session: Session,
    ctx: Actor,
    *,
    measure: queries.Measure,
    start: dt.date | None,
    end: dt.date | None,
    currency: str,
    category: str | None,
    account: int | None,
    payee: str | None,
    limit: int,
    cursor: str | None,
) -> Response:
    """The transactions behind `figure(spec)`, a page at a time: the same spec, so the same filter, as the figure."""
    path = None
    if category is not None:
        path = ledger.resolve_category(session, household_id=ctx.household_id, ref=category).path
    if account is not None:
        ledger.get_money_account(session, household_id=ctx.household_id, account_id=account)
    spec = queries.QuerySpec(
        metric="transactions",
        measure=measure,
        start=start,
        end=end or clock.today(),
        currency=currency,
        category=path,
        account=account,
        payee=payee,
    )
    if spec.start is not None and spec.end < spec.start:
        raise ValidationFailed("end is before start", field="end")
    rows, next_cursor = queries.figure_page(
        session, household_id=ctx.household_id, spec=spec, limit=limit, cursor=cursor
    )
    transactions = {
        t.id: t
        for t in repo.transactions_by_id(session, household_id=ctx.household_id, ids=[r.transaction_id for r in rows])
    }
    items = transactions_out(
        session, household_id=ctx.household_id, transactions=[transactions[r.transaction_id] for r in rows]
    )
    for item, row in zip(items, rows, strict=True):
        item.counted = minor_to_str(row.amount_minor, currency)
    found = None
    if cursor is None:
        total = queries.figure(session, household_id=ctx.household_id, spec=spec, rows=0)
        found = FigureOut(
            total=total.total,
            count=total.count,
            currency=currency,
            query=QuerySpecOut.model_validate(spec.model_dump()),
        )
    page = TransactionPage(items=items, next_cursor=next_cursor, figure=found)
    return Response(content=page.model_dump_json(), media_type="application/json")


def _one(session: Session, household_id: int, transaction_id: int) -> TransactionOut:
    tx = ledger.get_transaction(session, household_id=household_id, transaction_id=transaction_id)
    return transactions_out(session, household_id=household_id, transactions=[tx])[0]


@transactions_router.post("", response_model=TransactionOut, status_code=status.HTTP_201_CREATED)
def create_transaction(data: TransactionCreate, session: SessionDep, ctx: WriteContextDep) -> TransactionOut:
    tx = ledger.create_transaction(session, actor=ctx, data=data)
    return _one(session, ctx.household_id, tx.id)


@transactions_router.get("/{transaction_id:int}", response_model=TransactionOut)
def get_transaction(transaction_id: Id, session: SessionDep, ctx: ContextDep) -> TransactionOut:
    return _one(session, ctx.household_id, transaction_id)


@transactions_router.patch("/{transaction_id:int}", response_model=TransactionOut)
def update_transaction(
    transaction_id: Id, data: TransactionUpdate, session: SessionDep, ctx: WriteContextDep
) -> TransactionOut:
    actor = ctx
    recategorized = "category" in data.model_fields_set and data.category is not None
    before = None
    if recategorized:
        current = ledger.get_transaction(session, household_id=ctx.household_id, transaction_id=transaction_id)
        before = repo.category_id_of(session, current)
    transaction = ledger.update_transaction(session, actor=actor, transaction_id=transaction_id, data=data)
    if recategorized:  # a person chose the category: the categorizer learns from it at once
        person_categorized(session, actor, transaction, before)
    return _one(session, ctx.household_id, transaction_id)


@transactions_router.delete("/{transaction_id:int}", status_code=status.HTTP_204_NO_CONTENT)
def delete_transaction(transaction_id: Id, session: SessionDep, ctx: WriteContextDep) -> Response:
    ledger.delete_transaction(session, actor=ctx, transaction_id=transaction_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- reports --------------------------------------------------------------------------------------------------
@reports_router.get("/summary", response_model=SummaryOut)
def summary(
    session: SessionDep,
    ctx: ContextDep,
    start: Day | None = None,
    end: Day | None = None,
    group_by: queries.GroupBy | None = None,
    category: Annotated[str | None, Query(description='Limit to a category subtree (id or "Group/Category")')] = None,
) -> SummaryOut:
    first, last = queries.month_range(clock.today())
    start, end = start or first, end or last
    if end < start:
        raise ValidationFailed("end is before start", field="end")
    root = ledger.resolve_category(session, household_id=ctx.household_id, ref=category) if category else None
    currency = ctx.base_currency
    result = queries.summary(
        session,
        household_id=ctx.household_id,
        start=start,
        end=end,
        currency=currency,
        group_by=group_by,
        category=root,
    )
    return SummaryOut(
        start=start,
        end=end,
        currency=currency,
        income=minor_to_str(result.income_minor, currency),
        expenses=minor_to_str(result.expenses_minor, currency),
        net=minor_to_str(result.net_minor, currency),
        savings_rate=str(result.savings_rate) if result.savings_rate is not None else None,
        groups=[
            SummaryGroupOut(
                key=g.key,
                category_id=g.category_id,
                income=minor_to_str(g.income_minor, currency),
                expenses=minor_to_str(g.expenses_minor, currency),
                net=minor_to_str(g.income_minor - g.expenses_minor, currency),
                count=g.count,
            )
            for g in result.groups
        ],
        query=QuerySpecOut.model_validate(result.spec.model_dump()),
    )


@reports_router.get("/net-worth", response_model=NetWorthOut)
def net_worth(session: SessionDep, ctx: ContextDep, at: Day | None = None) -> NetWorthOut:
    day = at or clock.today()
    currency = ctx.base_currency
    worth = queries.net_worth(session, household_id=ctx.household_id, base_currency=currency, at=day)
    rows = queries.balances(session, household_id=ctx.household_id, at=day)
    return NetWorthOut(
        at=day,
        currency=currency,
        assets=minor_to_str(worth.assets_minor, currency),
        liabilities=minor_to_str(worth.liabilities_minor, currency),
        net_worth=minor_to_str(worth.net_minor, currency),
        other_currencies={code: minor_to_str(v, code) for code, v in worth.other_currencies.items()},
        accounts=[BalanceOut(account=account_out(r.account, r.balance_minor), balance=r.balance) for r in rows],
    )


# ---- events and undo ------------------------------------------------------------------------------------------
@events_router.get("/events", response_model=list[EventOut])
def list_events(
    session: SessionDep,
    ctx: ContextDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    before: Id | None = None,
) -> list[EventOut]:
    rows = repo.list_events(session, household_id=ctx.household_id, limit=limit, before_id=before)
    return [EventOut.model_validate(e, from_attributes=True) for e in rows]


@events_router.post("/undo", response_model=UndoOut)
def undo(session: SessionDep, ctx: WriteContextDep, data: UndoIn | None = None) -> UndoOut:
    result = ledger.undo(session, actor=ctx, group_id=data.group_id if data else None)
    return UndoOut(
        group_id=result.group_id,
        undo_group_id=result.undo_group_id,
        events=len(result.summaries),
        summary=result.summaries,
    )


# ---- export ---------------------------------------------------------------------------------------------------
@export_router.get("", response_class=StreamingResponse)
def export(
    request: Request,
    ctx: ContextDep,
    format: Literal["ledger", "beancount", "csv"] = "ledger",
    start: Day | None = None,
    end: Day | None = None,
) -> StreamingResponse:
    def stream() -> Iterator[str]:
        # The export streams after the handler returns, so it reads through a session of its own.
        session: Session = request.app.state.sessionmaker()
        try:
            yield from exporter.export(session, actor=ctx, format=format, start=start, end=end)
        finally:
            session.close()

    return StreamingResponse(
        stream(),
        media_type=exporter.media_type(format),
        headers={"Content-Disposition": f'attachment; filename="{exporter.filename(format)}"'},
    )


router = APIRouter()
for _sub in (accounts_router, categories_router, transactions_router, reports_router, events_router, export_router):
    router.include_router(_sub)
