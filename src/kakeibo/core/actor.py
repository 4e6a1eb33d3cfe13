"""Who performs a write, for which household, through which channel; services take one of these."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


def new_group_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Actor:
    household_id: int
    user_id: int | None
    source: str = "api"  # ui | api | cli | import | assistant | bot | rule
    # Every event written by one call shares a group, so `undo` reverses the call as a whole.
    group_id: str = field(default_factory=new_group_id)
