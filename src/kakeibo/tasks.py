"""The one registry of job kinds: every domain's tasks, with their queue and whether a crash may re-run them.

Registered explicitly, by the app (`create_app`) and by the worker (`kakeibo worker`), never by importing a module
for its side effects; the jobs package itself knows no domain. Queues: `import` (statements), `ai` (work for the
language model), `default`."""

from __future__ import annotations

from functools import partial

from kakeibo.core.settings import Settings
from kakeibo.jobs.service import register


def register_all(settings: Settings) -> None:
    from kakeibo.assistant.tasks import categorize_with_model
    from kakeibo.categorize.tasks import retrain_model
    from kakeibo.imports.tasks import run_import

    # An import is one transaction whose rows are fingerprinted: a run interrupted mid-way left nothing, and a run
    # that landed is found again. With a language model configured, the rows it leaves uncategorized go to it.
    register("import", partial(run_import, categorize_after=settings.llm_enabled), rerun=True, queue="import")
    # Filing rows the model chose is one short transaction, and never touches a row a person or a rule filed.
    register("categorize", partial(categorize_with_model, settings=settings), rerun=True, queue="ai")
    # Rebuilding a household's model reads its categorized rows and writes the model: running it again is harmless.
    register("retrain", retrain_model, rerun=True, queue="ai")
