"""The import job: the same function runs in the server's thread pool (embedded) or on a worker (scale mode)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.auth.models import Household
from kakeibo.core.actor import Actor
from kakeibo.core.db import lock_household, session_scope
from kakeibo.imports.service import ImportOptions, import_file
from kakeibo.jobs.models import Job
from kakeibo.jobs.service import Progress, task


@task("import")
def run_import(sessions: sessionmaker[Session], job: Job, progress: Progress) -> dict[str, Any]:
    params = job.params or {}
    path = Path(params["path"])
    options = ImportOptions(
        account_id=params.get("account_id"),
        format=params.get("format") or "auto",
        profile=params.get("profile"),
        mapping=params.get("mapping"),
        accept_issues=bool(params.get("accept_issues")),
        filename=params.get("filename") or path.name,
    )
    actor = Actor(household_id=job.household_id, user_id=job.created_by, source="import")
    try:
        with session_scope(sessions, write=True) as session:
            # Two imports of one file at once: the second waits, then finds the first's rows as duplicates.
            lock_household(session, household_id=job.household_id)
            household = session.get(Household, job.household_id)
            assert household is not None
            report = import_file(
                session,
                actor=actor,
                path=path,
                options=options,
                base_currency=household.base_currency,
                progress=lambda done, message: progress.update(done=done, message=message),
            )
            session.flush()
    finally:
        path.unlink(missing_ok=True)  # the upload is not kept: the ledger has what it held
    progress.update(message=f"imported {report.imported:,} of {report.rows_read:,} rows")
    body = report.as_dict()
    body["rows"] = body["rows"][:1000]
    return body
