"""Streams a household's live transactions as a ledger-cli/hledger journal, a beancount file or a CSV of postings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import Row, false, func, or_, select
from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.money import EXPONENTS, minor_to_str
from kakeibo.ledger import repository as repo
from kakeibo.ledger.models import (
    BALANCE_KINDS,
    Account,
    AccountKind,
    CategorySource,
    MonthlyTotal,
    Posting,
    Transaction,
    TransactionType,
)

ExportFormat = Literal["ledger", "beancount", "csv"]
JournalFormat = Literal["ledger", "beancount"]
# Plain result rows: an export never loads transactions or postings as ORM objects.
_TransactionRow = Row[int, dt.date, str, str, str, str, str, CategorySource, TransactionType]
_PostingRow = Row[int, int, int, int, str, int, str]  # as repository.posting_rows_of reads them

# Transactions per keyset page: large enough that the per-page queries are cheap, small enough that a
# million-transaction ledger never sits in memory at once.
BATCH_SIZE = 2000

CSV_COLUMNS = ("date", "account", "payee", "description", "amount", "currency", "category", "category_source")

# Transfer-kind categories ("Transfers/Savings", "Transfers/Cash Withdrawal") are money leaving for somewhere
# the books do not track. They are neither income nor spending, so they must not sit under Income or
# Expenses, where ledger's and hledger's income statements would count them; and they are not assets we can
# reconcile. Like "Opening Balances", they record the books' boundary with the outside, so they go under
# Equity: the default taxonomy's "Transfers/Savings" becomes "Equity:Transfers:Savings".
_ROOTS = {
    AccountKind.asset: "Assets",
    AccountKind.liability: "Liabilities",
    AccountKind.equity: "Equity",
    AccountKind.income: "Income",
    AccountKind.expense: "Expenses",
    AccountKind.transfer: "Equity",
}

_MEDIA_TYPES = {
    "ledger": "text/plain; charset=utf-8",
    "beancount": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
_EXTENSIONS = {"ledger": "ledger", "beancount": "beancount", "csv": "csv"}


def media_type(format: ExportFormat) -> str:
    """The Content-Type to serve an export with."""
    return _MEDIA_TYPES[format]


def filename(format: ExportFormat) -> str:
    """A download name for an export (hledger reads `.ledger` files as journals too)."""
    return f"kakeibo.{_EXTENSIONS[format]}"


# ---- account names --------------------------------------------------------------------------------------------
_WHITESPACE = re.compile(r"\s+")
_BEANCOUNT_TAG_CHARS = re.compile(r"[^A-Za-z0-9\-_/.]+")


def _one_line(text: str) -> str:
    """Collapse every run of whitespace to one space: in a journal, two spaces or a tab end a name."""
    return _WHITESPACE.sub(" ", text).strip()


def _ledger_component(text: str) -> str:
    # ":" would split the name into levels; hledger ends a description or an account name at ";".
    cleaned = _one_line(text).replace(":", "-").replace(";", ",")
    return cleaned or "Unnamed"


def _beancount_component(text: str) -> str:
    # Beancount takes letters, digits and dashes, starting with an uppercase letter or a digit:
    # every other run of characters becomes one dash ("Food & Dining" -> "Food-Dining").
    pieces: list[str] = []
    pending_dash = False
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category.startswith("L") or category == "Nd":
            if pending_dash and pieces:
                pieces.append("-")
            pieces.append(char)
            pending_dash = False
        else:
            pending_dash = True
    cleaned = "".join(pieces)
    if not cleaned:
        return "Unnamed"
    first = cleaned[0]
    if unicodedata.category(first) in ("Lu", "Nd"):
        return cleaned
    upper = first.upper()
    if len(upper) == 1 and unicodedata.category(upper) == "Lu":
        return upper + cleaned[1:]
    # Scripts without capitals ("食費") still need an uppercase first letter.
    return "X-" + cleaned


def account_names(accounts: Iterable[Account], *, format: JournalFormat) -> dict[int, str]:
    """Each account's name in a journal, e.g. `Expenses:Food & Dining:Coffee` (ledger) or
    `Expenses:Food-Dining:Coffee` (beancount).

    Names are unique and deterministic: when two accounts clean up to the same name (compared without case),
    the one that comes first keeps it (money accounts and equity before categories, groups before their
    categories, then by id) and the others get "-2", "-3", ... A category is named under its group's final
    name, so a renamed group keeps its own categories."""
    clean = _ledger_component if format == "ledger" else _beancount_component
    ordered = sorted(
        accounts,
        key=lambda a: (a.kind not in (*BALANCE_KINDS, AccountKind.equity), a.path.count("/"), a.id),
    )
    taken: set[str] = set()
    by_path: dict[tuple[AccountKind, str], str] = {}
    names: dict[int, str] = {}
    for account in ordered:
        if account.kind in BALANCE_KINDS or account.kind == AccountKind.equity:
            # A money account's name is one level, whatever characters it holds.
            base = f"{_ROOTS[account.kind]}:{clean(account.path)}"
        else:
            # Categories carry their tree in `path` ("Group/Category").
            parent_path, _, leaf = account.path.rpartition("/")
            levels = parent_path.split("/") if parent_path else []
            parent = by_path.get((account.kind, parent_path.casefold())) if levels else None
            if parent is None:  # a group, or a category whose group is not among the accounts given
                parent = ":".join([_ROOTS[account.kind], *(clean(level) for level in levels)])
            base = f"{parent}:{clean(leaf)}"
        name, counter = base, 1
        while name.casefold() in taken:
            counter += 1
            name = f"{base}-{counter}"
        taken.add(name.casefold())
        by_path[(account.kind, account.path.casefold())] = name
        names[account.id] = name
    return names


# ---- reading the ledger in keyset pages -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Entry:
    transaction: _TransactionRow
    postings: list[_PostingRow]
    tags: list[str]


def _entries(
    session: Session, *, household_id: int, start: dt.date | None, end: dt.date | None, batch_size: int
) -> Iterator[list[_Entry]]:
    """Live transactions ordered by (date, id), one page at a time, each with its postings and tags.

    Plain rows rather than ORM objects: the session's identity map would otherwise keep every exported
    transaction alive until the export ends."""
    last: tuple[dt.date, int] | None = None
    while True:
        stmt = select(
            Transaction.id,
            Transaction.date,
            Transaction.payee,
            Transaction.description,
            Transaction.notes,
            Transaction.status,
            Transaction.settlement_currency,
            Transaction.category_source,
            Transaction.type,
        ).where(Transaction.household_id == household_id, Transaction.deleted_at.is_(None))
        if start is not None:
            stmt = stmt.where(Transaction.date >= start)
        if end is not None:
            stmt = stmt.where(Transaction.date <= end)
        if last is not None:
            # "date >= last date" is what lets PostgreSQL start the index scan at the page boundary; with the
            # bare OR alone it filters from the household's first row on every page.
            stmt = stmt.where(Transaction.date >= last[0], or_(Transaction.date > last[0], Transaction.id > last[1]))
        rows = session.execute(stmt.order_by(Transaction.date, Transaction.id).limit(batch_size)).all()
        if not rows:
            return
        ids = [row.id for row in rows]
        postings = repo.posting_rows_of(session, ids, live=True)
        tags = repo.tags_of(session, ids)
        yield [_Entry(row, postings[row.id], tags[row.id]) for row in rows]
        if len(rows) < batch_size:
            return
        last = (rows[-1].date, rows[-1].id)


def _all_accounts(session: Session, household_id: int) -> dict[int, Account]:
    # Deleted accounts too: undoing a transaction's delete can bring back postings on a since-deleted category.
    return {a.id: a for a in session.scalars(select(Account).where(Account.household_id == household_id))}


def _currencies(session: Session, household_id: int) -> set[str]:
    # The monthly totals name every currency a posting was ever in, or settled in, in a few rows.
    stmt = select(MonthlyTotal.currency, MonthlyTotal.settlement_currency).where(
        MonthlyTotal.household_id == household_id
    )
    return {code for pair in session.execute(stmt.distinct()) for code in pair}


def _first_use(
    session: Session, *, household_id: int, start: dt.date | None, end: dt.date | None
) -> dict[int, dt.date]:
    stmt = select(Posting.account_id, func.min(Posting.date)).where(
        Posting.household_id == household_id, Posting.deleted == false()
    )
    if start is not None:
        stmt = stmt.where(Posting.date >= start)
    if end is not None:
        stmt = stmt.where(Posting.date <= end)
    return {account_id: day for account_id, day in session.execute(stmt.group_by(Posting.account_id))}


# ---- formats --------------------------------------------------------------------------------------------------
def export(
    session: Session,
    *,
    actor: Actor,
    format: ExportFormat,
    start: dt.date | None = None,
    end: dt.date | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[str]:
    """The household's live transactions dated within [start, end], as text chunks in the chosen format.

    The chunks are produced lazily, one keyset page at a time, so the session must stay open until the
    iterator is exhausted (a streaming response consumes it inside the request)."""
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    household_id = actor.household_id
    accounts = _all_accounts(session, household_id)
    pages = _entries(session, household_id=household_id, start=start, end=end, batch_size=batch_size)
    if format == "csv":
        yield from _csv(pages, accounts)
    elif format == "ledger":
        yield from _ledger(pages, account_names(accounts.values(), format="ledger"))
    elif format == "beancount":
        operating = actor.base_currency
        first_use = _first_use(session, household_id=household_id, start=start, end=end)
        yield from _beancount(pages, accounts, first_use, operating, _currencies(session, household_id))
    else:
        raise ValueError(f"unknown export format {format!r}")


def _amount(minor: int, currency: str) -> str:
    return f"{minor_to_str(minor, currency)} {currency}"


def _price(posting: _PostingRow, settlement: str) -> str:
    # A posting in another currency carries its settlement value as a total price, which is how ledger and
    # beancount balance the transaction. Both take the price unsigned and give it the sign of the amount.
    if posting.currency == settlement:
        return ""
    return f" @@ {_amount(abs(posting.converted_minor), settlement)}"


def _ledger_header_text(entry: _Entry) -> str:
    payee = _one_line(entry.transaction.payee).replace(";", ",")
    description = _one_line(entry.transaction.description).replace(";", ",")
    if payee and description:
        return f"{payee} | {description}"
    return payee or description or entry.transaction.type.value.capitalize()


_LEDGER_SPECIAL_KEY = re.compile(r"\b(payee|date2?):", re.IGNORECASE)
_LEDGER_TAG_JUNK = re.compile(r"[^\w\-./]+")


def _ledger_comment(text: str) -> str:
    """Free text made inert inside a journal comment, where ledger and hledger read structure: "[12]" is an
    (invalid) effective date, "key:: expr" an expression to evaluate, "payee:" and "date:" override the
    posting's payee or date. Everything else, including "key: value" and ":tag:", stays as written."""
    text = text.replace("[", "(").replace("]", ")")
    text = text.replace("::", ": :").replace("::", ": :")  # twice: ":::" leaves a "::" after one pass
    return _LEDGER_SPECIAL_KEY.sub(r"\1 :", text)


def _ledger(pages: Iterator[list[_Entry]], names: dict[int, str]) -> Iterator[str]:
    yield "; Exported from kakeibo. Amounts in other currencies carry their settlement value as an @@ price.\n"
    for page in pages:
        out: list[str] = []
        for entry in page:
            tx = entry.transaction
            flag = "!" if tx.status == "pending" else "*"
            # The kakeibo id goes in the code field: it traces each entry back to its row, and a payee that
            # starts with "(" can no longer be mistaken for a code.
            out.append(f"\n{tx.date.isoformat()} {flag} ({tx.id}) {_ledger_header_text(entry)}\n")
            tags = [t for t in (_LEDGER_TAG_JUNK.sub("-", tag).strip("-") for tag in entry.tags) if t]
            if tags:
                out.append(f"    ; :{':'.join(dict.fromkeys(tags))}:\n")
            for line in tx.notes.splitlines():
                if line.strip():
                    out.append(f"    ; {_ledger_comment(_one_line(line))}\n")
            lines = [
                (names[p.account_id], _amount(p.amount_minor, p.currency), _price(p, tx.settlement_currency), p.memo)
                for p in entry.postings
            ]
            # Aligned like `ledger print`: names padded, amounts right-aligned, prices after them.
            width = max((len(name) for name, _, _, _ in lines), default=0)
            amount_width = max((len(amount) for _, amount, _, _ in lines), default=0)
            for name, amount, price, memo in lines:
                comment = _ledger_comment(_one_line(memo))
                out.append(f"    {name:<{width}}  {amount:>{amount_width}}{price}")
                out.append(f"  ; {comment}\n" if comment else "\n")
        yield "".join(out)


def _quote(text: str) -> str:
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _beancount_tag(tag: str) -> str:
    ascii_tag = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode()
    return _BEANCOUNT_TAG_CHARS.sub("-", ascii_tag).strip("-")


def _beancount(
    pages: Iterator[list[_Entry]],
    accounts: dict[int, Account],
    first_use: dict[int, dt.date],
    operating: str,
    currencies: Iterable[str],
) -> Iterator[str]:
    names = account_names(accounts.values(), format="beancount")
    head = [f'option "operating_currency" "{operating}"\n']
    # Beancount turns an @@ total price into a unit price, so "0.43 USD @@ 1 JPY" weighs 0.99999... JPY, and it
    # allows no residual at all in a currency whose amounts are integers. Half a minor unit, the tolerance
    # beancount infers for amounts with decimals, is stated for every currency.
    for code in sorted(currencies):
        tolerance = format(Decimal(5).scaleb(-EXPONENTS.get(code, 2) - 1), "f")
        head.append(f'option "inferred_tolerance_default" "{code}:{tolerance}"\n')
    head.append("\n")
    # Beancount refuses a posting to an account that is not yet open: open each used account on the earlier
    # of its first posting and its opening date, and pin money accounts to their one currency.
    opens = []
    for account_id, used in first_use.items():
        account = accounts[account_id]
        day = min(used, account.opening_date) if account.opening_date else used
        currency = f" {account.currency}" if account.kind in BALANCE_KINDS and account.currency else ""
        opens.append((day, names[account_id], f"{day.isoformat()} open {names[account_id]}{currency}\n"))
    head.extend(line for _, _, line in sorted(opens))
    yield "".join(head)
    for page in pages:
        out: list[str] = []
        for entry in page:
            tx = entry.transaction
            flag = "!" if tx.status == "pending" else "*"
            tags = sorted({t for t in (_beancount_tag(tag) for tag in entry.tags) if t})
            tag_text = "".join(f" #{t}" for t in tags)
            out.append(f"\n{tx.date.isoformat()} {flag} {_quote(tx.payee)} {_quote(tx.description)}{tag_text}\n")
            out.append(f'  kakeibo_id: "{tx.id}"\n')
            notes = " / ".join(line.strip() for line in tx.notes.splitlines() if line.strip())
            if notes:
                out.append(f"  notes: {_quote(notes)}\n")
            for posting in entry.postings:
                amount = _amount(posting.amount_minor, posting.currency) + _price(posting, tx.settlement_currency)
                out.append(f"  {names[posting.account_id]}  {amount}\n")
                if _one_line(posting.memo):
                    out.append(f"    memo: {_quote(posting.memo)}\n")
        yield "".join(out)


def _csv_category(own_id: int, postings: Sequence[_PostingRow], accounts: dict[int, Account]) -> str:
    """What the money went to or came from: the categories, or else the other accounts (a transfer)."""
    others = [accounts[p.account_id] for p in postings if p.account_id != own_id]
    categories = [a for a in others if a.kind not in BALANCE_KINDS and a.kind != AccountKind.equity]
    chosen = categories or others
    return "; ".join(dict.fromkeys(a.path for a in chosen))


def _csv(pages: Iterator[list[_Entry]], accounts: dict[int, Account]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for page in pages:
        buffer.seek(0)
        buffer.truncate()
        for entry in page:
            tx = entry.transaction
            for posting in entry.postings:
                account = accounts[posting.account_id]
                if account.kind not in BALANCE_KINDS:
                    continue
                # A posting on a money account is in that account's currency and signed from its side:
                # money out (spending, or a charge on a card) is negative.
                writer.writerow(
                    (
                        tx.date.isoformat(),
                        account.name,
                        tx.payee,
                        tx.description,
                        minor_to_str(posting.amount_minor, posting.currency),
                        posting.currency,
                        _csv_category(posting.account_id, entry.postings, accounts),
                        str(tx.category_source),
                    )
                )
        yield buffer.getvalue()
