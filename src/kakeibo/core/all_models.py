"""Imports every domain's tables so that `Base.metadata` is complete (for Alembic and tests)."""

from kakeibo.auth import models as auth_models
from kakeibo.core.db import Base
from kakeibo.ledger import models as ledger_models

__all__ = ["Base", "auth_models", "ledger_models"]
