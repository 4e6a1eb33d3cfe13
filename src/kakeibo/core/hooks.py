"""Hooks: how a lower domain asks the domains above it to act, in the same transaction, without importing them.

The ledger knows nothing of the categorizer, yet a category a person chooses must teach it; auth knows nothing of
the ledger, yet a new household needs its chart of accounts. The lower domain declares a `Hook`; the domains above
it are connected to it in one place, `kakeibo.tasks.connect` (called by the app, the worker and the CLI). A hook
marked `required` refuses to fire with no one connected, so forgetting the wiring is an error, never a household
silently left without its books."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class HookNotConnected(RuntimeError):
    pass


class Hook(Generic[P]):
    def __init__(self, name: str, *, required: bool = False) -> None:
        self.name = name
        self.required = required
        self._subscribers: list[Callable[P, object]] = []

    def connect(self, subscriber: Callable[P, object]) -> None:
        """Connect a subscriber once (connecting the same function again changes nothing)."""
        if subscriber not in self._subscribers:
            self._subscribers.append(subscriber)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> None:
        if self.required and not self._subscribers:
            raise HookNotConnected(f"nothing is connected to the hook {self.name!r}: call kakeibo.tasks.connect()")
        for subscriber in self._subscribers:
            subscriber(*args, **kwargs)
