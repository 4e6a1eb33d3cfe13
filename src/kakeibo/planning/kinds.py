"""Names planning and its edges share, in a module that loads no database code (the CLI's options use them)."""

from __future__ import annotations

import enum


class BudgetMode(enum.StrEnum):
    # A limit per line; what is left does not move unless the line rolls over.
    tracking = "tracking"
    # Zero-based: income lands in "To budget" and is assigned; every line rolls over, surplus and overspend alike.
    envelope = "envelope"
