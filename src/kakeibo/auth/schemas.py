"""API shapes of the auth domain: registration, tokens, the caller, households, members, invitations, API keys."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kakeibo.auth.models import ApiKeyScope, Role
from kakeibo.core.types import CurrencyCode


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- users and tokens -----------------------------------------------------------------------------------------
class RegisterIn(Strict):
    email: str = Field(min_length=3, max_length=320, examples=["alex@example.com"])
    password: str = Field(min_length=1, max_length=1024, description="At least 8 characters, not easy to guess")
    display_name: str = Field(default="", max_length=120)
    household_name: str | None = Field(default=None, max_length=120)
    base_currency: CurrencyCode | None = Field(default=None, description="Default: the server's base currency")
    invitation: str | None = Field(
        default=None,
        min_length=1,
        max_length=256,
        description="An invitation's token: join the inviting household instead of getting one of your own",
    )


class RegisterAccepted(BaseModel):
    """The same answer whether or not the email already had an account, so registering reveals nothing."""

    status: Literal["accepted"] = "accepted"
    detail: str = Field(description="What to do next: sign in with the email and password")


class UserOut(BaseModel):
    id: int
    email: str
    display_name: str
    default_household_id: int | None
    created_at: dt.datetime


class ProfileUpdate(Strict):
    display_name: str | None = Field(default=None, max_length=120)
    current_password: str | None = Field(default=None, max_length=1024, description="Needed to set a new password")
    new_password: str | None = Field(
        default=None, min_length=1, max_length=1024, description="At least 8 characters; signs out other sign-ins"
    )
    revoke_api_keys: bool = Field(
        default=False, description="With a new password, also revoke your API keys (otherwise they keep working)"
    )


class HouseholdOut(BaseModel):
    id: int
    name: str
    base_currency: str
    created_at: dt.datetime
    role: Role = Field(description="The caller's role in this household")


class TokenOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")
    household_id: int = Field(description="The household the access token acts in")


class RefreshIn(Strict):
    refresh_token: str = Field(min_length=1, max_length=256)


class LogoutIn(Strict):
    refresh_token: str | None = Field(default=None, min_length=1, max_length=256)


class CurrentOut(BaseModel):
    household_id: int
    role: Role
    can_write: bool
    via: str = Field(description='"token" or "api_key"')


class MeOut(BaseModel):
    user: UserOut
    memberships: list[HouseholdOut]
    current: CurrentOut


# ---- households -----------------------------------------------------------------------------------------------
class HouseholdCreate(Strict):
    name: str = Field(min_length=1, max_length=120)
    base_currency: CurrencyCode | None = Field(default=None, description="Default: the server's base currency")


class HouseholdUpdate(Strict):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    base_currency: CurrencyCode | None = None


class MemberOut(BaseModel):
    user_id: int
    email: str
    display_name: str
    role: Role
    joined_at: dt.datetime


class MemberAdd(Strict):
    email: str = Field(min_length=3, max_length=320)
    role: Role = Role.member


class MemberUpdate(Strict):
    role: Role


# ---- invitations ----------------------------------------------------------------------------------------------
class InvitationCreate(Strict):
    email: str = Field(min_length=3, max_length=320)
    role: Role = Role.member


class InvitationOut(BaseModel):
    id: int
    household_id: int
    email: str
    role: Role
    created_at: dt.datetime
    expires_at: dt.datetime


class InvitationCreated(InvitationOut):
    token: str = Field(description="The invitation's token, shown only in this response")
    link: str = Field(description="The web app's sign-up page with the token (a path on this server)")


class InvitationAccept(Strict):
    invitation: str = Field(min_length=1, max_length=256, description="The invitation's token")


# ---- API keys -------------------------------------------------------------------------------------------------
class ApiKeyCreate(Strict):
    name: str = Field(min_length=1, max_length=120)
    scope: ApiKeyScope = ApiKeyScope.read


class ApiKeyOut(BaseModel):
    id: int
    name: str
    prefix: str = Field(description="The key's public part, to recognize it; the rest is never shown again")
    scope: ApiKeyScope
    household_id: int
    user_id: int
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    uses: int


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The full key, shown only in this response: kk_<prefix>_<secret>")
