"""Categorization's jobs: rebuilding a household's model from its categorized rows (queue `ai`).

A correction teaches the model at once through the payee memory; only a retraining refits the linear model on
everything a person, a rule or a file has filed since, so it runs as a job rather than inside a request."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.categorize import learning
from kakeibo.core.db import lock_household, session_scope
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import Progress


def retrain_model(sessions: sessionmaker[Session], job: Job, progress: Progress) -> dict[str, Any]:
    """Rebuild the household's model and store it; the result says what it learned from."""
    progress.update(total=1, message="rebuilding the category model")
    with session_scope(sessions, write=True) as session:
        lock_household(session, household_id=job.household_id)
        model = learning.retrain(session, household_id=job.household_id)
        examples = model.n_examples if model is not None else 0
        categories = len(model.labels) if model is not None else 0
    progress.update(done=1, message=f"learned from {examples:,} rows in {categories:,} categories")
    return {"examples": examples, "categories": categories}
