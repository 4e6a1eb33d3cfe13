"""CSV statements: sniff encoding, delimiter, preamble, columns and number/date conventions, then stream the rows.

A file is never loaded whole: the sniffer looks at the first 64 KB, and `Statement.rows()` reads the file again
through a text wrapper, one record at a time, so a million-row export costs the memory of one row."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from kakeibo.core.money import is_currency
from kakeibo.imports.formats.amounts import AmountError, amount_reader, format_amount, sniff_separators
from kakeibo.imports.formats.base import FormatError, ParsedRow, Statement
from kakeibo.imports.formats.dates import DateError, DateGuess, date_reader, sniff_date_format
from kakeibo.imports.formats.encoding import sniff_encoding
from kakeibo.imports.formats.mapping import CREDIT_WORDS, DEBIT_WORDS, CsvMapping, MappingError

__all__ = ["PROFILES", "SAMPLE_BYTES", "CsvMapping", "MappingError", "detect_profile", "open_csv", "sniff_encoding"]

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 300  # preamble + header must sit in the first lines; more would only slow sniffing
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the same breaks TextIOWrapper(newline="").readline() honours
_FALLBACK_ERRORS = "kakeibo-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """A stray non-UTF-8 byte deep in a UTF-8 file (past the sniffed sample) is read as Windows-1252 rather than
    aborting a half-streamed import; bytes Windows-1252 leaves undefined are read as Latin-1."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad)
    return text, error.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


def _profile(date_column: str, **settings: Any) -> CsvMapping:
    return CsvMapping(date_column=date_column, **settings)


# Column layouts of the banks' own exports (as of 2024). Optional columns a bank sometimes omits may be listed:
# a missing optional column is ignored; only the date and amount columns are required.
PROFILES: dict[str, CsvMapping] = {
    # Mint: amounts unsigned, the sign is in "Transaction Type" (debit/credit).
    "mint": _profile(
        "Date",
        date_format="%m/%d/%Y",
        amount_column="Amount",
        indicator_column="Transaction Type",
        debit_values=("debit",),
        credit_values=("credit",),
        payee_column="Description",
        description_columns=("Original Description", "Notes"),
        category_column="Category",
        account_column="Account Name",
    ),
    # Chase credit cards: purchases negative, payments positive; Post Date is the booking date.
    "chase": _profile(
        "Post Date",
        fallback_date_column="Transaction Date",
        date_format="%m/%d/%Y",
        amount_column="Amount",
        payee_column="Description",
        description_columns=("Memo",),
        category_column="Category",
    ),
    # Chase checking and savings: signed amounts; rows often end with a stray comma.
    "chase-checking": _profile(
        "Posting Date",
        date_format="%m/%d/%Y",
        amount_column="Amount",
        payee_column="Description",
    ),
    # American Express: charges positive, credits negative, hence inverted. Reference looks like "'3201...'".
    "amex": _profile(
        "Date",
        date_format="%m/%d/%Y",
        amount_column="Amount",
        invert_signs=True,
        payee_column="Description",
        description_columns=("Extended Details",),
        bank_id_column="Reference",
        account_column="Account #",
        category_column="Category",
        category_separator="-",
    ),
    # Revolut: see the class docstring for the fee; only COMPLETED rows are booked.
    "revolut": _profile(
        "Completed Date",
        fallback_date_column="Started Date",
        date_format="%Y-%m-%d",
        amount_column="Amount",
        fee_column="Fee",
        payee_column="Description",
        currency_column="Currency",
        status_column="State",
        status_keep=("COMPLETED",),
        skip_zero=True,
    ),
    "monzo": _profile(
        "Date",
        date_format="%d/%m/%Y",
        amount_column="Amount",
        payee_column="Name",
        description_columns=("Description", "Notes and #tags"),
        currency_column="Currency",
        bank_id_column="Transaction ID",
        category_column="Category",
    ),
    # N26 since 2023; the older layout is "n26-legacy".
    "n26": _profile(
        "Booking Date",
        fallback_date_column="Value Date",
        date_format="%Y-%m-%d",
        amount_column="Amount (EUR)",
        currency="EUR",
        payee_column="Partner Name",
        description_columns=("Payment Reference",),
        account_column="Account Name",
    ),
    "n26-legacy": _profile(
        "Date",
        date_format="%Y-%m-%d",
        amount_column="Amount (EUR)",
        currency="EUR",
        payee_column="Payee",
        description_columns=("Payment reference",),
        category_column="Category",
    ),
    # Schwab checking: separate Withdrawal/Deposit columns with "$"; pending rows are not booked yet.
    "schwab": _profile(
        "Date",
        date_format="%m/%d/%Y",
        debit_column="Withdrawal",
        credit_column="Deposit",
        payee_column="Description",
        status_column="Status",
        status_skip=("Pending",),
    ),
    # ING Deutschland: ~13 preamble lines, ";" and decimal comma; the second "Währung" belongs to "Betrag".
    "ing-de": _profile(
        "Buchung",
        date_format="%d.%m.%Y",
        amount_column="Betrag",
        decimal_separator=",",
        thousands_separator=".",
        payee_column="Auftraggeber/Empfänger",
        description_columns=("Verwendungszweck", "Notiz"),
        currency_column="Währung",
        delimiter=";",
    ),
}

# Header cells (compared case-insensitively) that identify a profile; any one set is enough.
_SIGNATURE_CELLS: dict[str, list[tuple[str, ...]]] = {
    "mint": [("Date", "Description", "Amount", "Transaction Type", "Category", "Account Name")],
    "chase": [("Transaction Date", "Post Date", "Description", "Category", "Type", "Amount")],
    "chase-checking": [("Details", "Posting Date", "Description", "Amount", "Type", "Balance")],
    "amex": [
        ("Date", "Description", "Card Member", "Account #", "Amount"),
        ("Date", "Description", "Amount", "Extended Details", "Appears On Your Statement As"),
    ],
    "revolut": [("Type", "Started Date", "Completed Date", "Description", "Amount", "Fee", "Currency", "State")],
    "monzo": [("Transaction ID", "Date", "Time", "Type", "Name", "Emoji", "Category", "Amount", "Currency")],
    "n26": [("Booking Date", "Value Date", "Partner Name", "Amount (EUR)")],
    "n26-legacy": [("Date", "Payee", "Account number", "Transaction type", "Payment reference", "Amount (EUR)")],
    "schwab": [("Date", "Status", "Type", "CheckNumber", "Description", "Withdrawal", "Deposit")],
    "ing-de": [("Buchung", "Auftraggeber/Empfänger", "Verwendungszweck", "Betrag", "Währung")],
}
_SIGNATURES: dict[str, tuple[frozenset[str], ...]] = {
    name: tuple(frozenset(cell.casefold() for cell in signature) for signature in signatures)
    for name, signatures in _SIGNATURE_CELLS.items()
}


# ---------------------------------------------------------------------------------------------------------------
# Generic sniffing: header names people and banks use, normalised by `_key` (casefolded, punctuation to spaces).

_DATE_KEYS = (
    "booking date",
    "buchung",
    "buchungstag",
    "buchungsdatum",
    "posting date",
    "post date",
    "posted date",
    "posted",
    "completed date",
    "date",
    "datum",
    "fecha",
    "data",
    "transaction date",
    "trans date",
    "date operation",
    "date de l opération",
    "date de comptabilisation",
    "boekdatum",
    "fecha operación",
    "value date",
    "valuta",
    "valutadatum",
    "wertstellung",
    "wertstellungsdatum",
    "date de valeur",
    "started date",
    "日付",
    "取引日",
    "年月日",
    "お取引日",
    "利用日",
    "ご利用日",
    "取扱日",
)
_AMOUNT_KEYS = (
    "amount",
    "transaction amount",
    "betrag",
    "umsatz",
    "montant",
    "importe",
    "bedrag",
    "importo",
    "belopp",
    "beløb",
    "kwota",
    "value",
    "sum",
    "summe",
    "net amount",
    "金額",
    "取引金額",
    "入出金",
    "入出金 円",
    "利用金額",
    "ご利用金額",
)
_DEBIT_KEYS = (
    "debit",
    "debits",
    "debit amount",
    "withdrawal",
    "withdrawals",
    "withdrawal amount",
    "money out",
    "paid out",
    "out",
    "soll",
    "ausgang",
    "ausgaben",
    "belastung",
    "débit",
    "retrait",
    "cargo",
    "af",
    "charge",
    "charges",
    "お引出し",
    "お引出",
    "出金",
    "出金金額",
    "支払い金額",
    "お支払金額",
)
_CREDIT_KEYS = (
    "credit",
    "credits",
    "credit amount",
    "deposit",
    "deposits",
    "deposit amount",
    "money in",
    "paid in",
    "in",
    "haben",
    "eingang",
    "einnahmen",
    "gutschrift",
    "crédit",
    "abono",
    "bij",
    "お預入れ",
    "お預入",
    "入金",
    "入金金額",
    "預かり金額",
    "お預り金額",
)
_INDICATOR_KEYS = (
    "transaction type",
    "type",
    "cr dr",
    "dr cr",
    "debit credit",
    "credit debit",
    "soll haben",
    "s h",
    "indicator",
    "direction",
    "af bij",
    "income expense",
    "expense income",
)
_PAYEE_KEYS = (
    "payee",
    "payee name",
    "name",
    "merchant",
    "merchant name",
    "counterparty",
    "counterparty name",
    "counter party",
    "beneficiary",
    "recipient",
    "partner name",
    "auftraggeber empfänger",
    "empfänger",
    "auftraggeber",
    "zahlungsempfänger",
    "begünstigter zahlungspflichtiger",
    "beguenstigter zahlungspflichtiger",
    "name zahlungsbeteiligter",
    "bénéficiaire",
    "naam tegenpartij",
    "naam omschrijving",
    "利用店名",
    "ご利用店名",
    "利用店名 商品名",
    "ご利用先",
    "摘要内容",
)
_PAYEE_FALLBACK_KEYS = (
    "description",
    "transaction description",
    "narrative",
    "details",
    "transaction details",
    "text",
    "beschreibung",
    "libellé",
    "libelle",
    "omschrijving",
    "concepto",
    "descripción",
    "摘要",
    "お取り扱い内容",
    "お取引内容",
    "取引内容",
    "入出金内容",
    "内容",
)
_DESCRIPTION_KEYS = (
    "memo",
    "description",
    "transaction description",
    "original description",
    "extended details",
    "details",
    "transaction details",
    "narrative",
    "notes",
    "note",
    "notiz",
    "verwendungszweck",
    "purpose",
    "payment reference",
    "reference text",
    "remittance information",
    "mitteilungen",
    "mededelingen",
    "libellé",
    "libelle",
    "omschrijving",
    "concepto",
    "beschreibung",
    "text",
    "摘要",
    "メモ",
    "備考",
)
_CURRENCY_KEYS = ("currency", "currency code", "ccy", "währung", "waehrung", "devise", "moneda", "valuta code", "munt")
_BANK_ID_KEYS = (
    "transaction id",
    "transaction reference",
    "transaction number",
    "reference",
    "reference number",
    "ref",
    "id",
    "fitid",
    "unique id",
    "bank reference",
    "referenz",
    "référence",
)
_ACCOUNT_KEYS = ("account", "account name", "account number", "account #", "own account", "konto", "compte")
_CATEGORY_KEYS = ("category", "kategorie", "catégorie", "categorie", "categoría", "category name")
_SUBCATEGORY_KEYS = ("subcategory", "sub category", "unterkategorie", "sous catégorie")
_STATUS_KEYS = ("status", "state", "transaction status")
_FEE_KEYS = ("fee", "fees", "gebühr", "gebühren", "frais", "comisión")
_STATUS_SKIP = ("pending", "declined", "reverted", "failed", "cancelled", "canceled", "void", "vorgemerkt")
_PREAMBLE_ACCOUNT_KEYS = ("iban", "account number", "account", "kontonummer", "konto", "account name", "kontoname")

_KEY_PUNCT = re.compile(r"[\W_]+")
_LOOKS_LIKE_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_LOOKS_LIKE_NUMBER = re.compile(r"[-+(]?\s*[$€£¥]?\s*\d[\d.,' ]*\)?\s*(?:CR|DR)?", re.IGNORECASE)
_DUPLICATE_SUFFIX = re.compile(r" \((\d+)\)$")


def _key(name: str) -> str:
    return _KEY_PUNCT.sub(" ", name.casefold()).strip()


def _unique_names(header: Sequence[str]) -> list[str]:
    """Header names made unique for `raw` and for mappings: the second "Währung" becomes "Währung (2)"."""
    seen: Counter[str] = Counter()
    names = []
    for position, name in enumerate(header, 1):
        name = name.strip() or f"Column {position}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


# ---------------------------------------------------------------------------------------------------------------
# Reading bytes.


def _read_head(source: Path | bytes) -> tuple[bytes, bool]:
    """The first SAMPLE_BYTES and whether that is the whole file."""
    if isinstance(source, bytes):
        return source[:SAMPLE_BYTES], len(source) <= SAMPLE_BYTES
    with source.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES + 1)
    return head[:SAMPLE_BYTES], len(head) <= SAMPLE_BYTES


def _errors_for(encoding: str) -> str:
    return "strict" if encoding.replace("_", "-").lower().startswith("utf-16") else _FALLBACK_ERRORS


def _decode_sample(head: bytes, encoding: str, *, complete: bool) -> list[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors=_errors_for(encoding))
    try:
        text = decoder.decode(head, final=complete)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FormatError(f"the file cannot be read as {encoding}: {exc}") from None
    lines = _LINE_BREAK.split(text)
    if not complete and len(lines) > 1:
        lines.pop()  # cut off mid-line by the sample size
    elif lines and lines[-1] == "":
        lines.pop()
    return lines


def _open_text(source: Path | bytes, encoding: str) -> IO[str]:
    binary: IO[bytes] = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    return io.TextIOWrapper(binary, encoding=encoding, errors=_errors_for(encoding), newline="")


def _split(line: str, delimiter: str, quotechar: str = '"') -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter, quotechar=quotechar), [])
    except csv.Error:
        return line.split(delimiter)


# ---------------------------------------------------------------------------------------------------------------
# Sniffing.


def _sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the most lines into the same number (>= 2) of fields, weighted by that number."""
    body = [line for line in lines[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        counts = Counter(len(_split(line, delimiter)) for line in body if delimiter in line)
        counts = Counter({n: c for n, c in counts.items() if n >= 2})
        if not counts:
            continue
        width, support = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = support * width
        if score > best_score:
            best, best_score = delimiter, score
    return best


def detect_profile(lines: Sequence[str]) -> tuple[str, str, int] | None:
    """(profile, delimiter, header line) when a known bank's header appears in the first lines."""
    found: tuple[int, str, str, int] | None = None
    for index, line in enumerate(lines[:60]):
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            cells = {cell.strip().casefold() for cell in _split(line, delimiter)}
            for name, signatures in _SIGNATURES.items():
                for signature in signatures:
                    if signature <= cells and (found is None or len(signature) > found[0]):
                        found = (len(signature), name, delimiter, index)
        if found is not None:
            break
    return None if found is None else found[1:]


def _find_header_by_names(cells_by_line: Sequence[list[str]], required: Sequence[str]) -> int | None:
    wanted = [_DUPLICATE_SUFFIX.sub("", name).casefold() for name in required]
    for index, cells in enumerate(cells_by_line[:_SNIFF_LINES]):
        names = {cell.strip().casefold() for cell in cells}
        if all(name in names for name in wanted):
            return index
    return None


def _looks_like_data(cell: str) -> bool:
    cell = cell.strip()
    return bool(_LOOKS_LIKE_DATE.match(cell) or _LOOKS_LIKE_NUMBER.fullmatch(cell))


def _find_header_generic(cells_by_line: Sequence[list[str]]) -> int | None:
    """The first line of names (no dates, no numbers) followed by lines of about as many fields."""
    counts = Counter(len(cells) for cells in cells_by_line[-_SNIFF_LINES:] if len(cells) >= 2)
    if not counts:
        return None
    width = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
    candidates: list[int] = []
    for index, cells in enumerate(cells_by_line[:_SNIFF_LINES]):
        filled = [cell for cell in cells if cell.strip()]
        # Some exporters drop trailing empty fields from data rows, so the header may be a little wider.
        if len(filled) < 2 or not width - 2 <= len(cells) <= width + 3:
            continue
        if any(_looks_like_data(cell) for cell in filled):
            continue
        following = next((c for c in cells_by_line[index + 1 :] if any(x.strip() for x in c)), None)
        if following is not None and not width - 2 <= len(following) <= width + 2:
            continue
        candidates.append(index)
        if len(candidates) == 3:
            break
    known = set(_DATE_KEYS + _AMOUNT_KEYS + _DEBIT_KEYS + _CREDIT_KEYS + _PAYEE_KEYS + _DESCRIPTION_KEYS)
    for index in candidates:
        if sum(_key(cell) in known for cell in cells_by_line[index]) >= 2:
            return index
    return candidates[0] if candidates else None


def _preamble_account(cells_by_line: Sequence[list[str]], header_line: int) -> str | None:
    found: dict[str, str] = {}
    for cells in cells_by_line[:header_line]:
        if len(cells) >= 2 and cells[1].strip():
            key = _key(cells[0])
            if key in _PREAMBLE_ACCOUNT_KEYS and key not in found:
                found[key] = cells[1].strip()
    for key in _PREAMBLE_ACCOUNT_KEYS:
        if key in found:
            return found[key].replace(" ", "") if key == "iban" else found[key]
    return None


@dataclass(slots=True)
class _Columns:
    """A header line and name lookups into it."""

    raw: list[str]
    names: list[str]

    @classmethod
    def of(cls, header: Sequence[str]) -> _Columns:
        raw = [cell.strip() for cell in header]
        return cls(raw, _unique_names(raw))

    def index(self, name: str | None, *, after: int | None = None) -> int | None:
        if not name:
            return None
        for candidates in (self.raw, self.names):
            positions = [i for i, cell in enumerate(candidates) if cell == name]
            if not positions:
                positions = [i for i, cell in enumerate(candidates) if cell.casefold() == name.casefold()]
            if positions:
                if after is not None and after + 1 in positions and candidates is self.raw:
                    return after + 1
                return positions[0]
        return None


# ---------------------------------------------------------------------------------------------------------------
# Building rows.


class _RowError(Exception):
    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class _RowBuilder:
    """A mapping compiled against one header: column positions and readers resolved once, used for every row."""

    def __init__(self, mapping: CsvMapping, columns: _Columns, *, account: str | None) -> None:
        assert mapping.date_format is not None and mapping.decimal_separator is not None
        self.names = columns.names
        self.width = len(columns.names)

        def need(name: str | None) -> int | None:
            index = columns.index(name)
            if name and index is None:
                raise FormatError(f'the column "{name}" is not in the header ({", ".join(columns.names)})')
            return index

        self.date_i = need(mapping.date_column)
        self.fallback_date_i = columns.index(mapping.fallback_date_column)
        self.amount_i = need(mapping.amount_column)
        self.debit_i = need(mapping.debit_column) if not mapping.amount_column else None
        self.credit_i = need(mapping.credit_column) if not mapping.amount_column else None
        self.indicator_i = need(mapping.indicator_column)  # without it every amount would keep the wrong sign
        self.fee_i = columns.index(mapping.fee_column) if self.amount_i is not None else None
        self.payee_i = columns.index(mapping.payee_column)
        self.description_is = [i for i in (columns.index(c) for c in mapping.description_columns) if i is not None]
        self.currency_i = columns.index(mapping.currency_column, after=self.amount_i)
        self.bank_id_i = columns.index(mapping.bank_id_column)
        self.account_i = columns.index(mapping.account_column)
        self.category_i = columns.index(mapping.category_column)
        self.subcategory_i = columns.index(mapping.subcategory_column)
        self.status_i = columns.index(mapping.status_column)
        self.read_date = date_reader(mapping.date_format)
        self.read_amount = amount_reader(mapping.decimal_separator, mapping.thousands_separator or "")
        self.debit_values = frozenset(v.casefold() for v in mapping.debit_values)
        self.credit_values = frozenset(v.casefold() for v in mapping.credit_values)
        self.status_keep = frozenset(v.casefold() for v in mapping.status_keep)
        self.status_skip = frozenset(v.casefold() for v in mapping.status_skip)
        self.invert = mapping.invert_signs
        self.skip_zero = mapping.skip_zero
        self.currency = mapping.currency
        self.category_separator = mapping.category_separator
        self.account = account

    def _name(self, index: int | None) -> str | None:
        return None if index is None else self.names[index]

    def _amount(self, text: str, index: int) -> Decimal:
        try:
            return self.read_amount(text)
        except AmountError as exc:
            raise _RowError(str(exc), self.names[index]) from None

    def build(self, cells: list[str], line: int) -> ParsedRow | str:
        """The row, or the reason it is deliberately skipped; raises _RowError for a bad row."""
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if self.status_i is not None:
            status = cells[self.status_i].strip()
            folded = status.casefold()
            if (self.status_keep and folded not in self.status_keep) or folded in self.status_skip:
                return f"{self.names[self.status_i]} is {status or 'empty'}"

        assert self.date_i is not None
        date_text = cells[self.date_i]
        date_i = self.date_i
        if self.fallback_date_i is not None and not date_text.strip():
            date_i = self.fallback_date_i
            date_text = cells[date_i]
        try:
            date = self.read_date(date_text)
        except DateError as exc:
            raise _RowError(str(exc), self.names[date_i]) from None

        if self.amount_i is not None:
            value = self._amount(cells[self.amount_i], self.amount_i)
            if self.indicator_i is not None:
                indicator = cells[self.indicator_i].strip()
                folded = indicator.casefold()
                if folded in self.debit_values:
                    value = -abs(value)
                elif folded in self.credit_values:
                    value = abs(value)
                else:
                    raise _RowError(
                        f'"{indicator}" in {self.names[self.indicator_i]} is neither a debit nor a credit',
                        self.names[self.indicator_i],
                    )
        else:
            debit = cells[self.debit_i].strip() if self.debit_i is not None else ""
            credit = cells[self.credit_i].strip() if self.credit_i is not None else ""
            if not debit and not credit:
                columns = " or ".join(n for n in (self._name(self.debit_i), self._name(self.credit_i)) if n)
                raise _RowError(f"no amount in {columns}", self._name(self.debit_i) or self._name(self.credit_i))
            value = Decimal(0)
            if credit:
                assert self.credit_i is not None
                value += abs(self._amount(credit, self.credit_i))
            if debit:
                assert self.debit_i is not None
                value -= abs(self._amount(debit, self.debit_i))
        if self.invert:
            value = -value
        if self.fee_i is not None:
            fee = cells[self.fee_i].strip()
            if fee:
                value -= self._amount(fee, self.fee_i)
        if self.skip_zero and value.is_zero():
            return "zero amount (a card hold or check)"

        currency = self.currency
        if self.currency_i is not None:
            code = cells[self.currency_i].strip().upper()
            if len(code) == 3 and code.isalpha():
                currency = code
        category: str | None = None
        if self.category_i is not None:
            category = cells[self.category_i].strip() or None
            if category and self.category_separator and self.category_separator in category:
                group, _, name = category.partition(self.category_separator)
                category = f"{group.strip()}/{name.strip()}"
            if category and self.subcategory_i is not None:
                sub = cells[self.subcategory_i].strip()
                if sub:
                    category = f"{category}/{sub}"
        bank_id: str | None = None
        if self.bank_id_i is not None:
            # Amex writes its reference as "'320221040798429469'" so spreadsheets keep the digits.
            bank_id = cells[self.bank_id_i].strip().strip("'\"").strip() or None
        account = (cells[self.account_i].strip() or self.account) if self.account_i is not None else self.account
        descriptions: list[str] = []
        for index in self.description_is:
            text = cells[index].strip()
            if text and text not in descriptions:
                descriptions.append(text)
        return ParsedRow(
            line=line,
            date=date,
            amount=format_amount(value),
            currency=currency,
            payee=cells[self.payee_i].strip() if self.payee_i is not None else "",
            description=" | ".join(descriptions),
            bank_id=bank_id,
            account=account,
            category=category,
            raw=dict(zip(self.names, cells, strict=False)),
        )


# ---------------------------------------------------------------------------------------------------------------
# Guessing a mapping for an unknown bank.


@dataclass(slots=True)
class _Guess:
    mapping: CsvMapping
    confidence: float


def _share(values: Sequence[str], accept: Callable[[str], object]) -> float:
    filled = [v for v in values if v.strip()]
    if not filled:
        return 0.0
    ok = 0
    for value in filled:
        try:
            accept(value)
        except ValueError:
            continue
        ok += 1
    return ok / len(filled)


def _guess_mapping(columns: _Columns, data: Sequence[list[str]], *, delimiter: str) -> _Guess:
    keys = [_key(name) for name in columns.raw]
    stripped_keys: list[tuple[str, str | None]] = []
    for key in keys:
        words = key.split()
        # "Amount (EUR)" -> "amount" with the file's currency EUR.
        if len(words) > 1 and len(words[-1]) == 3 and is_currency(words[-1].upper()):
            stripped_keys.append((" ".join(words[:-1]), words[-1].upper()))
        else:
            stripped_keys.append((key, None))
    used: set[int] = set()

    def values(index: int) -> list[str]:
        return [row[index] if index < len(row) else "" for row in data]

    def find(table: Sequence[str], accept: Callable[[int], bool] = lambda i: True) -> int | None:
        for wanted in table:
            for index, (key, _) in enumerate(stripped_keys):
                if index not in used and (keys[index] == wanted or key == wanted) and accept(index):
                    return index
        return None

    confidence = 1.0
    # Amount columns first: their "$" or "," tell how to read ambiguous dates.
    amount_i = find(_AMOUNT_KEYS)
    debit_i = credit_i = None
    if amount_i is None:
        debit_i = find(_DEBIT_KEYS)
        credit_i = find(_CREDIT_KEYS)
    if amount_i is None and debit_i is None and credit_i is None:
        numeric = [
            i
            for i in range(len(keys))
            if not any(word in keys[i] for word in ("balance", "saldo", "残高")) and _numeric_share(values(i)) >= 0.9
        ]
        if not numeric:
            raise FormatError(
                "no amount column found: name it in the mapping (amount, or debit and credit columns)"
                f" — the columns are {', '.join(columns.names)}"
            )
        amount_i = numeric[0]
        confidence -= 0.4
    money_columns = [i for i in (amount_i, debit_i, credit_i) if i is not None]
    used.update(money_columns)
    money_values = [v for i in money_columns for v in values(i)]
    decimal_sep, thousands_sep, ambiguous_numbers = sniff_separators(money_values, prefer_comma=delimiter == ";")
    if ambiguous_numbers:
        confidence -= 0.1
    header_currency = next((stripped_keys[i][1] for i in money_columns if stripped_keys[i][1]), None)

    currency_i = find(_CURRENCY_KEYS, lambda i: _share(values(i), _currency_code) >= 0.8)
    if currency_i is not None:
        used.add(currency_i)
    dollars = any("$" in v for v in money_values) or any(v.strip().upper() == "USD" for v in _col(data, currency_i))
    day_first = not dollars

    date_i = find(_DATE_KEYS, lambda i: _date_guess(values(i), day_first, minimum=0.5) is not None)
    if date_i is None:
        date_i = next(
            (i for i in range(len(keys)) if i not in used and _date_guess(values(i), day_first, minimum=0.9)),
            None,
        )
        confidence -= 0.2
    if date_i is None:
        raise FormatError(f"no date column found: name it in the mapping — the columns are {', '.join(columns.names)}")
    used.add(date_i)
    guess = _date_guess(values(date_i), day_first, minimum=0.0)
    assert guess is not None
    if guess.ambiguous:
        confidence -= 0.2

    indicator_i = None
    if amount_i is not None and not any(_signed(v) for v in values(amount_i)):
        indicator_i = find(_INDICATOR_KEYS, lambda i: _is_indicator(values(i)))
        if indicator_i is not None:
            used.add(indicator_i)
    fee_i = find(_FEE_KEYS, lambda i: _numeric_share(values(i)) >= 0.9) if amount_i is not None else None
    status_i = find(_STATUS_KEYS, lambda i: all(len(v) <= 20 for v in values(i)))
    for index in (fee_i, status_i):
        if index is not None:
            used.add(index)
    bank_id_i = find(_BANK_ID_KEYS, lambda i: _unique_ids(values(i)))
    if bank_id_i is not None:
        used.add(bank_id_i)
    payee_i = find(_PAYEE_KEYS)
    if payee_i is None:
        payee_i = find(_PAYEE_FALLBACK_KEYS)
    if payee_i is not None:
        used.add(payee_i)
    description_is: list[int] = []
    while (index := find(_DESCRIPTION_KEYS)) is not None:
        description_is.append(index)
        used.add(index)
    account_i = find(_ACCOUNT_KEYS)
    category_i = find(_CATEGORY_KEYS)
    subcategory_i = find(_SUBCATEGORY_KEYS) if category_i is not None else None

    def name(index: int | None) -> str | None:
        return None if index is None else columns.names[index]

    mapping = CsvMapping(
        date_column=columns.names[date_i],
        date_format=guess.format,
        day_first=day_first if guess.ambiguous else None,
        amount_column=name(amount_i),
        debit_column=name(debit_i),
        credit_column=name(credit_i),
        indicator_column=name(indicator_i),
        fee_column=name(fee_i),
        decimal_separator=decimal_sep,
        thousands_separator=thousands_sep,
        payee_column=name(payee_i),
        description_columns=tuple(columns.names[i] for i in sorted(description_is)),
        currency_column=name(currency_i),
        currency=header_currency,
        bank_id_column=name(bank_id_i),
        account_column=name(account_i),
        category_column=name(category_i),
        subcategory_column=name(subcategory_i),
        status_column=name(status_i),
        status_skip=_STATUS_SKIP if status_i is not None else (),
        delimiter=delimiter,
    )
    return _Guess(mapping, min(confidence, 0.9))


def _col(data: Sequence[list[str]], index: int | None) -> list[str]:
    if index is None:
        return []
    return [row[index] if index < len(row) else "" for row in data]


def _currency_code(value: str) -> str:
    code = value.strip().upper()
    if not (len(code) == 3 and code.isalpha()):
        raise ValueError(value)
    return code


def _numeric_share(values: Sequence[str]) -> float:
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return 0.0
    return sum(bool(_LOOKS_LIKE_NUMBER.fullmatch(v)) and not _LOOKS_LIKE_DATE.match(v) for v in filled) / len(filled)


def _signed(value: str) -> bool:
    value = value.strip()
    return value.startswith(("-", "(", "−")) or value.endswith("-") or value.upper().endswith(("CR", "DR"))


_INDICATOR_WORDS = frozenset(DEBIT_WORDS) | frozenset(CREDIT_WORDS)


def _is_indicator(values: Sequence[str]) -> bool:
    filled = {v.strip().casefold() for v in values if v.strip()}
    return bool(filled) and filled <= _INDICATOR_WORDS


def _unique_ids(values: Sequence[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return len(filled) >= 0.9 * len(values) and len(set(filled)) == len(filled)


def _date_guess(values: Sequence[str], day_first: bool, *, minimum: float) -> DateGuess | None:
    guess = sniff_date_format(values, day_first=day_first)
    if guess is None or guess.share < minimum:
        return None
    return guess


# ---------------------------------------------------------------------------------------------------------------
# Opening a CSV statement.


def open_csv(
    source: Path | bytes,
    *,
    profile: str | None = None,
    mapping: CsvMapping | None = None,
) -> Statement:
    """Sniff the file (or apply `mapping` / the named `profile`) and return a statement that streams its rows."""
    head, complete = _read_head(source)
    if not head.strip():
        raise FormatError("the file is empty")
    encoding = (mapping.encoding if mapping else None) or sniff_encoding(head, complete=complete)
    lines = _decode_sample(head, encoding, complete=complete)
    if not any(line.strip() for line in lines):
        raise FormatError("the file is empty")

    chosen: CsvMapping | None = mapping
    profile_name: str | None = None
    if chosen is None and profile not in (None, "generic"):
        assert profile is not None
        if profile not in PROFILES:
            raise FormatError(f'unknown CSV profile "{profile}" (known: {", ".join(sorted(PROFILES))}, generic)')
        chosen, profile_name = PROFILES[profile], profile
    detected_line: int | None = None
    if chosen is None and profile is None:
        detected = detect_profile(lines)
        if detected is not None:
            profile_name, delimiter, detected_line = detected
            chosen = dataclasses.replace(PROFILES[profile_name], delimiter=delimiter)

    confidence = 1.0
    if chosen is not None:
        chosen.check()
        delimiter = chosen.delimiter or _sniff_delimiter(lines)
        cells_by_line = [_split(line, delimiter, chosen.quotechar) for line in lines]
        header_line = detected_line
        if header_line is None:
            header_line = chosen.header_line
            required = chosen.required_columns()
            if (
                header_line is None
                or _find_header_by_names(cells_by_line[header_line : header_line + 1], required) != 0
            ):
                header_line = _find_header_by_names(cells_by_line, required)
            if header_line is None:
                names = ", ".join(f'"{name}"' for name in required)
                raise FormatError(f"no header line with the columns {names} in the first {_SNIFF_LINES} lines")
        columns = _Columns.of(cells_by_line[header_line])
        data = _data_rows(lines, header_line, delimiter, chosen.quotechar)
        chosen = _fill_conventions(chosen, columns, data, delimiter=delimiter)
    else:
        delimiter = _sniff_delimiter(lines)
        cells_by_line = [_split(line, delimiter) for line in lines]
        generic_line = _find_header_generic(cells_by_line)
        if generic_line is None:
            raise FormatError(
                "no header line found: a CSV statement needs a line of column names (such as Date, Description,"
                " Amount) above the transactions"
            )
        header_line = generic_line
        columns = _Columns.of(cells_by_line[header_line])
        data = _data_rows(lines, header_line, delimiter, '"')
        guess = _guess_mapping(columns, data, delimiter=delimiter)
        chosen, confidence, profile_name = guess.mapping, guess.confidence, "generic"

    chosen = dataclasses.replace(chosen, encoding=encoding, delimiter=delimiter, header_line=header_line)
    account = _preamble_account(cells_by_line, header_line)
    builder = _RowBuilder(chosen, columns, account=account)

    # Try the mapping on the sample: the share of rows it cannot read lowers the confidence.
    currencies: set[str | None] = set()
    accounts: set[str | None] = set()
    failures = tried = 0
    for cells in data:
        if not any(cell.strip() for cell in cells):
            continue
        tried += 1
        try:
            row = builder.build(cells, 0)
        except _RowError:
            failures += 1
            continue
        if isinstance(row, ParsedRow):
            currencies.add(row.currency)
            accounts.add(row.account)
    if tried:
        confidence *= 1 - failures / tried
    if account is None and len(accounts) == 1:
        account = accounts.pop()
    currency = chosen.currency or (currencies.pop() if len(currencies) == 1 else None)

    return Statement(
        format="csv",
        profile=profile_name,
        mapping=chosen,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        currency=currency,
        account=account,
        columns=list(columns.names),
        _reader=_stream(source, chosen, builder),
    )


def _data_rows(lines: Sequence[str], header_line: int, delimiter: str, quotechar: str) -> list[list[str]]:
    body = io.StringIO("\n".join(lines[header_line + 1 :]))
    try:
        return [row for row in csv.reader(body, delimiter=delimiter, quotechar=quotechar) if row]
    except csv.Error:
        return [_split(line, delimiter, quotechar) for line in lines[header_line + 1 :] if line.strip()]


def _fill_conventions(
    mapping: CsvMapping, columns: _Columns, data: Sequence[list[str]], *, delimiter: str
) -> CsvMapping:
    """Sniff what a profile or saved mapping leaves open: the number separators and the date format."""
    changes: dict[str, Any] = {}
    if mapping.decimal_separator is None:
        indexes = [columns.index(c) for c in (mapping.amount_column, mapping.debit_column, mapping.credit_column)]
        values = [v for i in indexes if i is not None for v in _col(data, i)]
        decimal_sep, thousands_sep, _ = sniff_separators(values, prefer_comma=delimiter == ";")
        changes["decimal_separator"] = decimal_sep
        if mapping.thousands_separator is None:
            changes["thousands_separator"] = thousands_sep
    elif mapping.thousands_separator is None:
        changes["thousands_separator"] = "." if mapping.decimal_separator == "," else ","
    if mapping.date_format is None:
        index = columns.index(mapping.date_column)
        day_first = mapping.day_first
        if day_first is None:
            day_first = delimiter == ";"
        guess = sniff_date_format(_col(data, index), day_first=day_first)
        if guess is None:
            raise FormatError(f'the column "{mapping.date_column}" holds no dates this importer can read')
        changes["date_format"] = guess.format
    return dataclasses.replace(mapping, **changes) if changes else mapping


def _stream(
    source: Path | bytes, mapping: CsvMapping, builder: _RowBuilder
) -> Callable[[Statement], Iterator[ParsedRow]]:
    assert mapping.encoding is not None and mapping.delimiter is not None and mapping.header_line is not None
    encoding, delimiter, quotechar, header_line = (
        mapping.encoding,
        mapping.delimiter,
        mapping.quotechar,
        mapping.header_line,
    )

    def read(statement: Statement) -> Iterator[ParsedRow]:
        with _open_text(source, encoding) as stream:
            for _ in range(header_line + 1):  # the preamble and the header itself
                if not stream.readline():
                    return
            reader = csv.reader(stream, delimiter=delimiter, quotechar=quotechar)
            build = builder.build
            consumed = 0
            while True:
                line = header_line + 2 + consumed
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    consumed = reader.line_num
                    statement.issue(line, f"unreadable CSV record ({exc})")
                    continue
                consumed = reader.line_num
                if not cells or not any(cells):
                    continue
                try:
                    row = build(cells, line)
                except _RowError as exc:
                    statement.issue(line, exc.message, exc.field)
                    continue
                if isinstance(row, str):
                    statement.skip(row)
                    continue
                yield row

    return read
