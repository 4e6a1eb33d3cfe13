"""An account's opening date, moved when older history arrives: an account added with an opening balance opens
today, so rows imported from before today would otherwise come before the balance they started from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.ledger import service
from kakeibo.ledger.models import Account
from kakeibo.ledger.schemas import AccountUpdate


def suggested_opening_date(*, earliest_row: dt.date) -> dt.date:
    """The day before the earliest row: the opening balance is what the account held before any of them."""
    return earliest_row - dt.timedelta(days=1)


def move_opening_date(session: Session, *, actor: Actor, account_id: int, date: dt.date) -> Account:
    """Open the account on `date`, keeping its opening balance. Through the ledger service's account update: the
    opening transaction is replaced in the actor's event group, so one undo restores the old date and transaction.
    Moving it to the date it already has changes nothing and records nothing."""
    account = service.get_money_account(session, household_id=actor.household_id, account_id=account_id, field="id")
    if account.opening_date == date:
        return account
    return service.update_account(session, actor=actor, account_id=account_id, data=AccountUpdate(opening_date=date))
