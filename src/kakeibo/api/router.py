"""Assembly of every domain's router under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from kakeibo.auth.router import router as auth_router
from kakeibo.ledger.router import router as ledger_router

api_router = APIRouter()
api_router.include_router(auth_router)
api_router.include_router(ledger_router)
