"""Thin HTTP over imports: preview a file, start an import job, list what was imported."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile, status

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.core.db import after_rollback
from kakeibo.core.errors import ValidationFailed
from kakeibo.core.files import create_private_file
from kakeibo.core.http import SessionDep
from kakeibo.core.types import Id
from kakeibo.imports import service
from kakeibo.imports.formats import FORMATS as STATEMENT_FORMATS
from kakeibo.imports.models import ImportBatch
from kakeibo.imports.schemas import (
    ImportChecks,
    ImportFigures,
    ImportJobOut,
    ImportOut,
    ImportStarted,
    PreviewOut,
    RowIssue,
)
from kakeibo.jobs import service as jobs
from kakeibo.jobs.router import job_out
from kakeibo.ledger import service as ledger

router = APIRouter(prefix="/imports", tags=["imports"])
MAX_UPLOAD = 200 * 1024 * 1024
FORMATS = ("auto", *STATEMENT_FORMATS)


async def _save_upload(request: Request, upload: UploadFile) -> Path:
    """Stream the upload to the data directory (a large export never sits in memory whole), 0600 in a 0700 folder:
    bank statements. It waits there for its job, which deletes it when it ends; an upload that no job refers to is
    swept away (`jobs.service.recover`)."""
    folder = jobs.upload_folder(request.app.state.settings.data_dir)
    suffix = Path(upload.filename or "").suffix.lower()[:8]
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    size = 0
    try:
        with os.fdopen(create_private_file(path), "wb") as handle:
            while block := await upload.read(1 << 20):
                size += len(block)
                if size > MAX_UPLOAD:
                    raise ValidationFailed(f"the file is larger than {MAX_UPLOAD // (1024 * 1024)} MB", field="file")
                handle.write(block)
        if size == 0:
            raise ValidationFailed("the file is empty", field="file")
    except BaseException:  # too large, empty, or the disk is full: no half-written file is left behind
        path.unlink(missing_ok=True)
        raise
    return path


def _options(
    upload: UploadFile,
    account_id: int | None,
    format: str,
    profile: str | None,
    mapping: str | None,
    accept_issues: bool,
) -> service.ImportOptions:
    if format not in FORMATS:
        raise ValidationFailed(f"format is one of {', '.join(FORMATS)}", field="format")
    parsed_mapping: dict[str, Any] | None = None
    if mapping:
        try:
            parsed_mapping = json.loads(mapping)
        except json.JSONDecodeError as exc:
            raise ValidationFailed(f"mapping is not JSON: {exc.msg}", field="mapping") from exc
        if not isinstance(parsed_mapping, dict):
            raise ValidationFailed("mapping is a JSON object", field="mapping")
    return service.ImportOptions(
        account_id=account_id,
        format=format,
        profile=profile or None,
        mapping=parsed_mapping,
        accept_issues=accept_issues,
        filename=(upload.filename or "")[:255],
    )


FileField = Annotated[UploadFile, File(description="A CSV, OFX/QFX, QIF or camt.053 statement")]
AccountField = Annotated[Id | None, Form(description="The account the statement belongs to")]
FormatField = Annotated[str, Form(description="auto, csv, ofx, qif or camt")]
ProfileField = Annotated[str | None, Form(description="A CSV profile: mint, chase, amex, revolut, ...")]
MappingField = Annotated[str | None, Form(description="A CSV column mapping (JSON), as a preview returns it")]


@router.post("/preview", response_model=PreviewOut)
async def preview(
    request: Request,
    session: SessionDep,
    ctx: ContextDep,
    file: FileField,
    account_id: AccountField = None,
    format: FormatField = "auto",
    profile: ProfileField = None,
    mapping: MappingField = None,
) -> PreviewOut:
    """The first rows as they would be imported, under the detected (or given) mapping; nothing is written."""
    options = _options(file, account_id, format, profile, mapping, False)
    path = await _save_upload(request, file)
    try:
        return service.preview(session, actor=ctx, path=path, options=options)
    finally:
        path.unlink(missing_ok=True)


@router.post("", response_model=ImportStarted, status_code=status.HTTP_202_ACCEPTED)
async def start_import(
    request: Request,
    session: SessionDep,
    ctx: WriteContextDep,
    file: FileField,
    account_id: AccountField = None,
    format: FormatField = "auto",
    profile: ProfileField = None,
    mapping: MappingField = None,
    accept_issues: Annotated[bool, Form(description="Import the good rows of a file with problems")] = False,
) -> ImportStarted:
    """Start importing a statement; poll `GET /jobs/{id}` for progress and the result."""
    options = _options(file, account_id, format, profile, mapping, accept_issues)
    if account_id is not None:
        ledger.get_money_account(session, household_id=ctx.household_id, account_id=account_id, field="account_id")
    path = await _save_upload(request, file)
    # Without a job row nobody would ever read or delete the upload: it goes if this request's write does not land.
    after_rollback(session, lambda: path.unlink(missing_ok=True))
    job = jobs.create_job(
        session,
        actor=ctx,
        kind="import",
        params={
            jobs.UPLOAD: str(path),
            "filename": options.filename,
            "account_id": account_id,
            "format": options.format,
            "profile": options.profile,
            "mapping": options.mapping,
            "accept_issues": accept_issues,
        },
    )
    runner = request.app.state.job_runner
    jobs.enqueue_after_commit(session, runner=runner, job=job)  # the request's session scope commits
    return ImportStarted(job=job_out(job, runner.board, ImportJobOut))


@router.get("", response_model=list[ImportOut])
def list_imports(session: SessionDep, ctx: ContextDep) -> list[ImportOut]:
    return [_import_out(batch) for batch in service.list_imports(session, household_id=ctx.household_id)]


@router.get("/{import_id:int}", response_model=ImportOut)
def get_import(import_id: Id, session: SessionDep, ctx: ContextDep) -> ImportOut:
    return _import_out(service.get_import(session, household_id=ctx.household_id, import_id=import_id))


def _import_out(batch: ImportBatch) -> ImportOut:
    """The batch with what the import checked, kept beside its figures (batches from before the checks have none)."""
    figures = dict(batch.figures or {})
    checks = ImportChecks.model_validate(figures.pop("checks", None) or {})
    return ImportOut(
        id=batch.id,
        account_id=batch.account_id,
        filename=batch.filename,
        format=batch.format,
        profile=batch.profile,
        figures=ImportFigures.model_validate(figures),
        issues=[RowIssue.model_validate(issue) for issue in batch.issues or []],
        group_id=batch.group_id,
        created_at=batch.created_at,
        checks=checks,
    )
