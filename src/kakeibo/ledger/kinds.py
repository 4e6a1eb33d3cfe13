"""Names the ledger and its edges share, in a module that loads no database code (the CLI builds its options
from them without importing SQLAlchemy)."""

from __future__ import annotations

import enum


class AccountSubtype(enum.StrEnum):
    checking = "checking"
    savings = "savings"
    credit_card = "credit_card"
    cash = "cash"
    brokerage = "brokerage"
    loan = "loan"
    other = "other"
