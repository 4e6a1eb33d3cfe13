"""Undo of planning's events: a budget amount, a line's rollover options, the household's mode, a savings goal
(with its links and contributions), a contribution and what was said about a recurring series go back to their
`before` image (none: the row did not exist), provided they are still what the event left."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.ledger.errors import UndoConflict
from kakeibo.ledger.models import Event
from kakeibo.planning import repository as repo
from kakeibo.planning.goals import contribution_image, goal_image, put_goal_image
from kakeibo.planning.models import RecurringNote
from kakeibo.planning.recurring_service import NOTE_ENTITY, note_image
from kakeibo.planning.service import budget_image, line_image

Image = dict[str, Any]


def _refuse_if_moved_on(event: Event, current: Image | None) -> None:
    if current != event.after:
        raise UndoConflict(f"that {event.entity.replace('_', ' ')} changed after this; undo the later change first")


def reverse_budget(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    image = event.after or event.before
    assert image is not None
    month, category_id = dt.date.fromisoformat(image["month"]), int(image["category_id"])
    row = repo.get_budget(session, household_id=actor.household_id, month=month, category_id=category_id)
    current = budget_image(month, category_id, row.amount_minor) if row is not None else None
    _refuse_if_moved_on(event, current)
    target = event.before
    amount = int(target["amount_minor"]) if target is not None else None
    repo.put_budget(session, household_id=actor.household_id, month=month, category_id=category_id, amount_minor=amount)
    return current, target


def reverse_line(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    image = event.after or event.before
    assert image is not None
    category_id = int(image["category_id"])
    row = repo.get_line(session, household_id=actor.household_id, category_id=category_id)
    current = line_image(category_id, row.rollover, row.rollover_cap_minor, row.sweep) if row is not None else None
    _refuse_if_moved_on(event, current)
    target = event.before
    repo.put_line(
        session,
        household_id=actor.household_id,
        category_id=category_id,
        rollover=bool(target["rollover"]) if target is not None else None,
        cap_minor=target["rollover_cap_minor"] if target is not None else None,
        sweep=bool(target["sweep"]) if target is not None else False,
    )
    return current, target


def reverse_mode(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    settings = repo.get_settings(session, household_id=actor.household_id)
    current = {"mode": settings.mode} if settings is not None else None
    _refuse_if_moved_on(event, current)
    target = event.before
    repo.put_mode(session, household_id=actor.household_id, mode=target["mode"] if target is not None else None)
    return current, target


def reverse_goal(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    household_id = actor.household_id
    image = event.after or event.before
    assert image is not None
    row = repo.get_goal(session, household_id=household_id, goal_id=int(image["id"]))
    current = goal_image(session, household_id=household_id, goal=row) if row is not None else None
    target = event.before
    if target is not None:
        # Said first: on SQLite a goal added since may even have been given the same id.
        clash = repo.get_goal_by_name(session, household_id=household_id, name_key=str(target["name"]).casefold())
        if clash is not None and (clash.id != int(target["id"]) or current != event.after):
            raise UndoConflict(f"another goal is named {target['name']!r} now; rename or remove it first")
    _refuse_if_moved_on(event, current)
    if row is not None:
        repo.delete_goal(session, household_id=household_id, goal_id=row.id)
    if target is not None:
        put_goal_image(session, household_id=household_id, image=target)
    return current, target


def reverse_contribution(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    household_id = actor.household_id
    image = event.after or event.before
    assert image is not None
    row = repo.get_contribution(session, household_id=household_id, contribution_id=int(image["id"]))
    current = contribution_image(row.id, row.goal_id, row.date, row.amount_minor) if row is not None else None
    _refuse_if_moved_on(event, current)
    target = event.before
    if row is not None:
        repo.delete_contribution(session, household_id=household_id, contribution_id=row.id)
    if target is not None:
        if repo.get_goal(session, household_id=household_id, goal_id=int(target["goal_id"])) is None:
            raise UndoConflict("that goal was removed after this; undo its removal first")
        repo.add_contribution(
            session,
            household_id=household_id,
            goal_id=int(target["goal_id"]),
            day=dt.date.fromisoformat(target["date"]),
            amount_minor=int(target["amount_minor"]),
            contribution_id=int(target["id"]),
        )
    return current, target


def reverse_recurring_note(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    """A series' note goes back to what was said before (nothing: the note goes)."""
    household_id = actor.household_id
    image = event.after or event.before
    assert image is not None
    key = str(image["series_key"])
    current = note_image(session.get(RecurringNote, (household_id, key)))
    _refuse_if_moved_on(event, current)
    target = event.before
    if target is None:
        repo.delete_recurring_note(session, household_id=household_id, series_key=key)
    else:
        ended = target["ended_on"]
        repo.put_recurring_note(
            session,
            household_id=household_id,
            series_key=key,
            dismissed=bool(target["dismissed"]),
            confirmed=bool(target["confirmed"]),
            name=target["name"] or "",
            ended_on=dt.date.fromisoformat(ended) if ended else None,
        )
    return current, target


REVERSALS = {
    "budget": reverse_budget,
    "budget_line": reverse_line,
    "budget_mode": reverse_mode,
    "goal": reverse_goal,
    "goal_contribution": reverse_contribution,
    NOTE_ENTITY: reverse_recurring_note,
}
