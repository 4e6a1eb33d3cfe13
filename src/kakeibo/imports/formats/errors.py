"""The error a statement that cannot be read raises (every format, and a CSV mapping that cannot be used)."""

from __future__ import annotations

from kakeibo.core.errors import ValidationFailed


class FormatError(ValidationFailed):
    """The file as a whole cannot be read (empty, not a statement, no header line...). The message is for a human.

    It is a `KakeiboError` (HTTP 422) so the API answers it like every other expected error; it is still an
    `Exception` as the import interface promises."""

    type = "/problems/import-format"
    title = "Unreadable statement"
