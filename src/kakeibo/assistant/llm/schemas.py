"""The usage endpoint's shapes. Costs are US dollars as decimal strings ("0.001250"), never floats."""

from __future__ import annotations

from pydantic import BaseModel, Field


class UsagePeriodOut(BaseModel):
    requests: int = Field(description="Calls that reached the provider (cache hits and refusals not counted).")
    cost: str = Field(description="US dollars, decimal string.", examples=["0.001250"])


class UsageCapsOut(BaseModel):
    household_daily: str = Field(description="Most this household may spend per day (UTC), in US dollars.")
    global_monthly: str = Field(description="Most the whole instance may spend per month (UTC), in US dollars.")
    user_daily_requests: int


class UsageOut(BaseModel):
    enabled: bool
    model: str | None
    provider_model: str | None = Field(description="The same as `model` (the name the API contract uses).")
    today: UsagePeriodOut
    month: UsagePeriodOut
    caps: UsageCapsOut
