"""Imports every domain's tables so that `Base.metadata` is complete (for Alembic and tests)."""

from kakeibo.assistant import models as assistant_models
from kakeibo.assistant.llm import models as llm_models  # noqa: F401  (registers the llm_usage table)
from kakeibo.auth import models as auth_models
from kakeibo.categorize import models as categorize_models
from kakeibo.core.db import Base
from kakeibo.imports import models as import_models
from kakeibo.insights import models as insights_models
from kakeibo.jobs import models as job_models
from kakeibo.ledger import models as ledger_models
from kakeibo.planning import models as planning_models

__all__ = [
    "Base",
    "assistant_models",
    "auth_models",
    "categorize_models",
    "import_models",
    "insights_models",
    "job_models",
    "ledger_models",
    "planning_models",
]
