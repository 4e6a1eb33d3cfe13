"""The one registry of what the domains plug into each other: every domain's job kinds (with their queue and whether a
crash may re-run them), and the hooks by which a lower domain has a higher one act (`core/hooks.py`).

Registered explicitly, by the app (`create_app`), the worker (`kakeibo worker`) and the CLI, never by importing a
module for its side effects; jobs, auth and the ledger know no domain above them. Queues: `import` (statements),
`ai` (work for the language model), `default`."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kakeibo.core.actor import Actor
    from kakeibo.core.settings import Settings
    from kakeibo.ledger.models import Event, Transaction


def connect() -> None:
    """Connect the domains' hooks (idempotent): what a new household gets, what a person's category choice teaches."""
    from kakeibo.auth.service import household_created
    from kakeibo.ledger.hooks import person_categorized, reversals

    # Module-level functions, not lambdas, so that connecting twice connects once.
    household_created.connect(_seed_books)
    person_categorized.connect(_learn)
    for entity in ("budget", "budget_line", "budget_mode", "goal", "goal_contribution", "recurring_note"):
        reversals[entity] = _reverse_planning
    reversals["anomaly_dismissal"] = _reverse_insights


def _seed_books(session: Session, household_id: int) -> None:
    from kakeibo.ledger.service import seed_household

    seed_household(session, household_id=household_id)


def _learn(session: Session, actor: Actor, transaction: Transaction, before: int | None) -> None:
    from kakeibo.categorize.service import after_person_categorized

    after_person_categorized(session, actor=actor, transaction=transaction, before=before)


def _reverse_planning(
    session: Session, actor: Actor, event: Event
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    from kakeibo.planning.undo import REVERSALS

    return REVERSALS[event.entity](session, actor, event)


def _reverse_insights(
    session: Session, actor: Actor, event: Event
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    from kakeibo.insights.undo import REVERSALS

    return REVERSALS[event.entity](session, actor, event)


def register_all(settings: Settings) -> None:
    connect()
    # Imported here: a command that only reads the books connects the hooks without loading the job runner.
    from kakeibo.assistant.tasks import categorize_with_model
    from kakeibo.categorize.tasks import retrain_model
    from kakeibo.imports.tasks import run_import
    from kakeibo.jobs.service import register

    # An import is one transaction whose rows are fingerprinted: a run interrupted mid-way left nothing, and a run
    # that landed is found again. With a language model configured, the rows it leaves uncategorized go to it.
    register("import", partial(run_import, categorize_after=settings.llm_enabled), rerun=True, queue="import")
    # Filing rows the model chose is one short transaction, and never touches a row a person or a rule filed.
    register("categorize", partial(categorize_with_model, settings=settings), rerun=True, queue="ai")
    # Rebuilding a household's model reads its categorized rows and writes the model: running it again is harmless.
    register("retrain", retrain_model, rerun=True, queue="ai")
