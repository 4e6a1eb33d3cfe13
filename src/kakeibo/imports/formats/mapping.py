"""How to read one bank's CSV (`CsvMapping`): what a `Statement` reports it was read with, what an account saves."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kakeibo.imports.formats.dates import date_reader
from kakeibo.imports.formats.errors import FormatError

# What indicator columns write for money out / money in (compared casefolded).
DEBIT_WORDS = ("debit", "dr", "d", "db", "soll", "s", "-", "withdrawal", "out", "expense")
CREDIT_WORDS = ("credit", "cr", "c", "haben", "h", "+", "deposit", "in", "income")


class MappingError(FormatError, ValueError):
    """A CSV mapping that cannot be used (unknown setting, no amount column...)."""


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """How to read one bank's CSV. Saved per account as JSON (`to_dict`/`from_dict`).

    Fields left None are sniffed from the file; the mapping a `Statement` reports has them all filled in.
    Columns are named by their header text; a name used twice (ING's two "Währung") can be written "Währung (2)",
    and a currency column whose name is duplicated resolves to the copy right after the amount column.

    Signs: money out of the account is negative. With `amount_column` the file's sign is kept (or set by
    `indicator_column`: values in `debit_values` make it negative, in `credit_values` positive); with
    `debit_column`/`credit_column` (withdrawal/deposit) debits become negative whatever their written sign.
    `invert_signs` flips the result (Amex shows charges positive). `fee_column` is subtracted (Revolut: amount
    -250.00 with fee 1.00 is -251.00 out of the account)."""

    date_column: str
    date_format: str | None = None
    fallback_date_column: str | None = None  # used when the date cell is empty (Revolut: Started Date)
    day_first: bool | None = None  # tie-breaker when every sampled date could be either order
    amount_column: str | None = None
    debit_column: str | None = None
    credit_column: str | None = None
    indicator_column: str | None = None
    debit_values: tuple[str, ...] = DEBIT_WORDS
    credit_values: tuple[str, ...] = CREDIT_WORDS
    invert_signs: bool = False
    fee_column: str | None = None
    decimal_separator: str | None = None
    thousands_separator: str | None = None
    payee_column: str | None = None
    description_columns: tuple[str, ...] = ()
    currency_column: str | None = None
    currency: str | None = None  # one currency for the whole file, when the file says it once ("Amount (EUR)")
    bank_id_column: str | None = None
    account_column: str | None = None
    category_column: str | None = None
    subcategory_column: str | None = None  # joined as "Category/Subcategory"
    category_separator: str | None = None  # a two-level category in one cell (Amex "Travel-Airline")
    status_column: str | None = None
    status_keep: tuple[str, ...] = ()  # when set, rows with any other status are skipped (Revolut: COMPLETED)
    status_skip: tuple[str, ...] = ()  # rows with these statuses are skipped (pending, declined...)
    skip_zero: bool = False  # zero-amount rows are skipped (Revolut's temporary card holds)
    encoding: str | None = None
    delimiter: str | None = None
    quotechar: str = '"'
    header_line: int | None = None  # 0-based index of the header line in the decoded file

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"version": 1}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            data[item.name] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CsvMapping:
        known = {item.name: item for item in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(known) - {"version"})
        if unknown:
            raise MappingError(f"unknown CSV mapping settings: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name == "version":
                continue
            if isinstance(value, list):
                if not all(isinstance(v, str) for v in value):
                    raise MappingError(f"{name} must be a list of column names or values")
                value = tuple(value)
            values[name] = value
        if not isinstance(values.get("date_column"), str):
            raise MappingError("a CSV mapping needs a date_column")
        mapping = cls(**values)
        mapping.check()
        return mapping

    def check(self) -> None:
        if not (self.amount_column or self.debit_column or self.credit_column):
            raise MappingError("a CSV mapping needs an amount column or debit/credit columns")
        if self.indicator_column and not self.amount_column:
            raise MappingError("a debit/credit indicator needs an amount column")
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise MappingError("the delimiter must be one character")
        if self.date_format is not None:
            try:
                date_reader(self.date_format)
            except ValueError as exc:
                raise MappingError(f"date_format: {exc}") from None

    def required_columns(self) -> list[str]:
        columns = [self.date_column]
        columns += [c for c in (self.amount_column, self.debit_column, self.credit_column, self.indicator_column) if c]
        return columns
