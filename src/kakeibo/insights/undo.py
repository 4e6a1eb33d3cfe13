"""Undo of the insights' events: a dismissed anomaly goes back to flagged (or, undoing that, dismissed again),
provided it is still what the event left."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.insights import repository as repo
from kakeibo.insights.anomaly_service import DISMISSAL_ENTITY, dismissal_image
from kakeibo.ledger.errors import UndoConflict
from kakeibo.ledger.models import Event

Image = dict[str, Any]


def reverse_dismissal(session: Session, actor: Actor, event: Event) -> tuple[Image | None, Image | None]:
    household_id = actor.household_id
    image = event.after or event.before
    assert image is not None
    anomaly_id = str(image["anomaly_id"])
    current = dismissal_image(repo.get_dismissal(session, household_id=household_id, anomaly_id=anomaly_id))
    if current != event.after:
        raise UndoConflict("that anomaly's dismissal changed after this; undo the later change first")
    target = event.before
    if target is None:
        repo.delete_dismissal(session, household_id=household_id, anomaly_id=anomaly_id)
    else:
        repo.add_dismissal(session, household_id=household_id, image=target)
    return current, target


REVERSALS = {DISMISSAL_ENTITY: reverse_dismissal}
