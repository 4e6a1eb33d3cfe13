"""The assistant's jobs: rows an import left uncategorized, filed by the language model (queue `ai`).

The model is asked while nothing is locked (its calls take seconds; SQLite has one writer), then its choices are
written in one short transaction, checked again against the rows as they are then."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.assistant.llm.service import llm_for
from kakeibo.auth.models import Household
from kakeibo.core.actor import Actor
from kakeibo.core.db import lock_household, session_scope
from kakeibo.core.settings import Settings
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import Progress


def categorize_with_model(
    sessions: sessionmaker[Session], job: Job, progress: Progress, *, settings: Settings
) -> dict[str, Any]:
    ids = [int(i) for i in (job.params or {}).get("transaction_ids", [])]
    progress.update(total=len(ids), message=f"{len(ids):,} rows for the language model")
    model = llm_for(settings)
    if model is None:
        return {"filed": 0, "asked": 0, "reason": "no language model is configured"}
    with session_scope(sessions, write=False) as session:
        household = session.get(Household, job.household_id)
        if household is None:
            return {"filed": 0, "asked": 0, "reason": "the household is gone"}
        actor = Actor(
            household_id=job.household_id,
            user_id=job.created_by,
            base_currency=household.base_currency,
            via="job",
            source="assistant",
        )
        choices = model.choose_categories(session, actor=actor, transaction_ids=ids)
    progress.update(done=len(ids), message=f"the model placed {len(choices):,} of {len(ids):,} rows")
    with session_scope(sessions, write=True) as session:
        lock_household(session, household_id=job.household_id)
        filed = model.file_categories(session, actor=actor, choices=choices)
    return {"filed": filed, "asked": len(ids)}
