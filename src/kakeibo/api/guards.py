"""Checks every request passes before its handler runs: no NUL character in any text it carries.

PostgreSQL cannot store NUL in text or JSON, so a NUL that got as far as the database would fail the write there
(a 500 on PostgreSQL while SQLite stored it). Refusing it here, for every route and every part of a request — path,
query, JSON body, form fields — keeps both databases alike and answers a clear 422 naming the field."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from kakeibo.core.errors import ValidationFailed
from kakeibo.core.limits import has_nul

NUL_MESSAGE = "must not contain the NUL character"


async def reject_nul(request: Request) -> None:
    for name, value in request.path_params.items():
        if isinstance(value, str) and has_nul(value):
            raise ValidationFailed(f"{name} {NUL_MESSAGE}", field=name)
    for name, value in request.query_params.multi_items():
        if has_nul(name) or has_nul(value):
            raise ValidationFailed(f"{name} {NUL_MESSAGE}", field=name)
    if request.method in ("GET", "HEAD", "OPTIONS", "DELETE"):
        return
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        body = await request.body()  # kept by the request: the handler reads the same bytes
        # A NUL in valid JSON is always the escape \u0000 (a raw one is invalid JSON, refused by the parser).
        if b"\\u0000" in body:
            try:
                document = json.loads(body)
            except ValueError:
                return  # not JSON after all: the handler's own parsing answers that
            where = _find_nul(document, "")
            if where is not None:
                raise ValidationFailed(f"{where or 'body'} {NUL_MESSAGE}", field=where or "body")
    elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form()  # parsed once: the handler's Form and File parameters read this same form
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                continue  # a file's bytes are the importer's to judge, line by line
            if has_nul(name) or has_nul(value):
                raise ValidationFailed(f"{name} {NUL_MESSAGE}", field=name)


def _find_nul(value: Any, where: str) -> str | None:
    """The dotted path of the first string (or key) holding a NUL, or None."""
    if isinstance(value, str):
        return where if has_nul(value) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_nul(item, f"{where}.{index}" if where else str(index))
            if found is not None:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            if has_nul(key):
                return path
            found = _find_nul(item, path)
            if found is not None:
                return found
    return None
