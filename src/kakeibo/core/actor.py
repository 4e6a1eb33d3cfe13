"""Who is calling: one `Actor` — user, household, role, the household's base currency, the channel and the event
group — filled once at the edge (the auth dependency for HTTP, the CLI's context, a job, the bot for a linked chat)
and passed to every service. Services never look the household or its currency up again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from kakeibo.core.errors import Forbidden


def new_group_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Actor:
    household_id: int
    user_id: int | None
    base_currency: str = "USD"  # the household's: amounts without a currency, reports and answers are in it
    role: str = "owner"  # owner | member | viewer
    can_write: bool = True  # false for viewers and read-only API keys
    via: str = "token"  # how the caller proved who they are: token | api_key | cli | job
    source: str = "api"  # what events say the change came from: ui | api | cli | import | assistant | bot | rule
    # Every event written by one call shares a group, so `undo` reverses the call as a whole.
    group_id: str = field(default_factory=new_group_id)

    @property
    def user(self) -> int:
        """The user's id, for what only a person may do (an HTTP caller, a CLI user; a job may have none)."""
        if self.user_id is None:
            raise Forbidden("this needs a signed-in user")
        return self.user_id

    def require_write(self) -> None:
        if not self.can_write:
            raise Forbidden("this credential may only read")

    def require_owner(self) -> None:
        if self.role != "owner":
            raise Forbidden("only the household's owner may do this")

    def for_change(self, source: str | None = None) -> Actor:
        """The same caller for a change of its own: a new event group (one undo reverses just it), and the channel
        it came through when that differs (an assistant proposal confirmed over HTTP is the assistant's change)."""
        return replace(self, source=source or self.source, group_id=new_group_id())
