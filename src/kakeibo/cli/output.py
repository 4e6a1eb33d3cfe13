"""How the CLI prints: aligned tables, amounts with their currency, one JSON document, one-line errors."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kakeibo.core.money import minor_to_str


def amount(minor: int, currency: str, *, grouped: bool = True) -> str:
    """ "1,234.50 USD" / "-12.00 USD": thousands grouped for reading, a plain minus sign for copying."""
    text = minor_to_str(minor, currency)
    if grouped:
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, _, fraction = digits.partition(".")
        text = f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")
    return f"{text} {currency}"


def percent(value: Decimal | None) -> str:
    return "-" if value is None else f"{value}%"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = (), indent: int = 0) -> str:
    """Columns padded to their widest cell; the columns listed in `right` are right-aligned (amounts)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(cells)]
        return (" " * indent + "  ".join(padded)).rstrip()

    out = [line(headers), " " * indent + "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in rows)
    return "\n".join(out)


def echo(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if _is_pydantic_model(value):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot print {type(value).__name__} as JSON")


def print_json(document: Any) -> None:
    """One JSON document on stdout; amounts are already decimal strings, never JSON numbers."""
    sys.stdout.write(json.dumps(document, indent=2, default=_default, ensure_ascii=False) + "\n")


def error(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")


def truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _is_pydantic_model(value: Any) -> bool:
    # A value can only be a pydantic model once pydantic is loaded: `--version` and `--help` never load it.
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(value, pydantic.BaseModel)
