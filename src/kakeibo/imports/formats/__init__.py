"""Statement parsers: bank exports (CSV, OFX/QFX, QIF, camt.053) in, plain `ParsedRow`s and `ImportIssue`s out.

Pure functions over bytes and paths: no database, no web framework. `open_statement` sniffs the format and
returns a `Statement` whose `rows()` streams; `parse` is the convenience that reads every row at once."""

from __future__ import annotations

import re
from pathlib import Path

from kakeibo.imports.format_names import FORMATS as FORMATS
from kakeibo.imports.formats.base import FormatError, ImportIssue, ParsedRow, Split, Statement, StatementBalance
from kakeibo.imports.formats.camt import open_camt
from kakeibo.imports.formats.csv import PROFILES, SAMPLE_BYTES, CsvMapping, open_csv
from kakeibo.imports.formats.encoding import utf16_encoding
from kakeibo.imports.formats.ofx import open_ofx
from kakeibo.imports.formats.qif import open_qif

__all__ = [
    "FORMATS",
    "PROFILES",
    "CsvMapping",
    "FormatError",
    "ImportIssue",
    "ParsedRow",
    "Split",
    "Statement",
    "StatementBalance",
    "detect_format",
    "open_statement",
    "parse",
]

_QIF_HEADER = re.compile(r"!(type:|account|option:|clear:)", re.IGNORECASE)
_QIF_FIELDS = re.compile(r"^[DTUPMLNC].*$\n(^[DTUPMLNCSE$%A^].*$\n)+", re.MULTILINE)


def _peek(head: bytes) -> str:
    utf16 = utf16_encoding(head)
    if utf16 is not None:
        return head.decode(utf16, errors="replace").lstrip("\ufeff")
    # Anything else is ASCII where the format shows (tags, headers, delimiters): UTF-8 with replacements will do.
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def detect_format(head: bytes, filename: str | None = None) -> str:
    """The format of a file ("csv", "ofx", "qif" or "camt") from its first bytes; the name only breaks ties."""
    if not head.strip():
        raise FormatError("the file is empty")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError("this is a spreadsheet (Excel/ODS), not a statement export: save it as CSV first")
    if head.startswith(b"%PDF"):
        raise FormatError("PDF statements cannot be imported: download CSV, OFX, QIF or camt.053 from your bank")
    text = _peek(head).lstrip()
    upper = text[:8192].upper()
    if upper.startswith("OFXHEADER") or "<OFX>" in upper or "<?OFX" in upper:
        return "ofx"
    if "CAMT.05" in upper or "<BKTOCSTMRSTMT" in upper or "<BKTOCSTMRACCTRPT" in upper:
        return "camt"
    if _QIF_HEADER.match(text):
        return "qif"
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix == ".qif" and _QIF_FIELDS.search(text[:8192]):
        return "qif"
    if "\x00" in text[:8192]:
        raise FormatError("this is a binary file, not a CSV, OFX, QIF or camt.053 statement")
    if text.startswith("<"):
        raise FormatError("this XML/HTML file is neither an OFX nor a camt.053 statement")
    lines = [line for line in text[:8192].splitlines() if line.strip()]
    if any(delimiter in line for line in lines for delimiter in (",", ";", "\t", "|")):
        return "csv"
    raise FormatError("not a statement: expected a CSV, OFX/QFX, QIF or camt.053 file")


def open_statement(
    source: Path | bytes,
    *,
    format: str = "auto",
    profile: str | None = None,
    mapping: CsvMapping | None = None,
    filename: str | None = None,
) -> Statement:
    """Open a statement from a path (CSV is streamed from disk) or from bytes already in memory."""
    if format == "auto":
        if isinstance(source, bytes):
            head = source[:SAMPLE_BYTES]
        else:
            with source.open("rb") as handle:
                head = handle.read(SAMPLE_BYTES)
        format = detect_format(head, filename or (source.name if isinstance(source, Path) else None))
    if format == "csv":
        return open_csv(source, profile=profile, mapping=mapping)
    if format not in FORMATS:
        raise FormatError(f'unknown format "{format}" (known: {", ".join(FORMATS)})')
    # OFX, QIF and camt files are small (a statement period of one account) and are read whole.
    data = source if isinstance(source, bytes) else source.read_bytes()
    if format == "ofx":
        return open_ofx(data)
    if format == "qif":
        return open_qif(data)
    return open_camt(data)


def parse(
    source: Path | bytes,
    *,
    format: str = "auto",
    profile: str | None = None,
    mapping: CsvMapping | None = None,
    filename: str | None = None,
) -> tuple[Statement, list[ParsedRow]]:
    """Open the statement and read every row (issues are complete once this returns)."""
    statement = open_statement(source, format=format, profile=profile, mapping=mapping, filename=filename)
    return statement, list(statement.rows())
