"""The import job: the same function runs in the server's thread pool (embedded) or on a worker (scale mode)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.auth.models import Household
from kakeibo.core.actor import Actor
from kakeibo.core.db import lock_household, session_scope
from kakeibo.imports.schemas import ImportResult
from kakeibo.imports.service import ImportOptions, import_file, read_statement
from kakeibo.jobs.errors import UploadGone
from kakeibo.jobs.models import Job
from kakeibo.jobs.progress import Progress
from kakeibo.jobs.service import follow_up, upload_of

# How long an import waits for the household's other writers (another import of it may take minutes).
JOB_WAIT_SECONDS = 600.0


def run_import(
    sessions: sessionmaker[Session], job: Job, progress: Progress, *, categorize_after: bool = False
) -> dict[str, Any]:
    """Import the job's upload (registered in `kakeibo.tasks`). With `categorize_after` (a language model is
    configured), the rows it left uncategorized become a `categorize` job, started once the import commits."""
    params = job.params or {}
    path = upload_of(params)
    if path is None or not path.exists():
        raise UploadGone("the uploaded file is gone: upload it again")
    options = ImportOptions(
        account_id=params.get("account_id"),
        format=params.get("format") or "auto",
        profile=params.get("profile"),
        mapping=params.get("mapping"),
        accept_issues=bool(params.get("accept_issues")),
        filename=params.get("filename") or path.name,
    )
    # The total first, from a pass over the file before the import takes the write lock (a small part of the
    # import's time): on SQLite the job row could not be given it once the import is writing.
    with session_scope(sessions, write=False) as session:
        household = session.get(Household, job.household_id)
        if household is None:
            raise UploadGone("the household this import was for is gone")
        # A job is an edge like a request: it says who acts, once, for everything below.
        actor = Actor(
            household_id=job.household_id,
            user_id=job.created_by,
            base_currency=household.base_currency,
            via="job",
            source="import",
        )
        statement = read_statement(session, household_id=job.household_id, path=path, options=options)
        total = sum(1 for _ in statement.rows()) + statement.skipped
    progress.update(total=total, message=f"{total:,} rows to import")

    def reported(done: int, message: str) -> None:
        progress.checkpoint()  # between chunks a stopping server can take the job back: the import rolls back
        progress.update(done=done, message=message)

    with session_scope(sessions, write=True, wait_seconds=JOB_WAIT_SECONDS) as session:
        # Two imports of one file at once: the second waits, then finds the first's rows as duplicates. A job
        # waits longer than a request would (nobody is holding a browser open on it).
        lock_household(session, household_id=job.household_id, wait_seconds=JOB_WAIT_SECONDS)
        report = import_file(session, actor=actor, path=path, options=options, progress=reported)
        left = [r.transaction_id for r in report.rows if r.transaction_id is not None and r.source == "none"]
        if categorize_after and left:
            follow_up(session, progress=progress, actor=actor, kind="categorize", params={"transaction_ids": left})
        session.flush()
    # The upload is not kept (the runner deletes it once the job has ended): the ledger has what it held.
    progress.update(
        done=report.rows_read,
        total=report.rows_read,
        message=f"imported {report.imported:,} of {report.rows_read:,} rows",
    )
    body = report.as_dict()
    body["rows"] = body["rows"][:1000]
    # Stored as the API will answer it: a report that drifts from the typed result fails here, not in a browser.
    return ImportResult.model_validate(body).model_dump(mode="json")
