"""The books' invariants, checked against what is stored (`kakeibo check`): rollups equal the postings, every
transaction balances, no posting strays from its transaction, and an undo happens once, whole.

These hold by construction (the ledger service keeps them in one transaction, and concurrent writers of one
household are serialized); the check is how a test, an operator after a crash or an upgrade, or a restored backup
proves it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from kakeibo.ledger import repository as repo

# How many problems of one kind are listed per household (the count says how many there are in all, up to it).
SHOWN = 20

RollupKey = tuple[int, str, str, str]  # account, month (ISO), currency, settlement currency


@dataclass(slots=True)
class Check:
    name: str
    description: str
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(slots=True)
class Report:
    households: int
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "households": self.households,
            "checks": [
                {
                    "name": c.name,
                    "description": c.description,
                    "ok": c.ok,
                    "checked": c.checked,
                    "problems": c.problems,
                }
                for c in self.checks
            ],
        }


def check_books(session: Session, *, household_ids: Sequence[int] | None = None) -> Report:
    """Every invariant, for the given households (all of them by default)."""
    households = list(household_ids) if household_ids is not None else repo.household_ids(session)
    rollups = Check("rollups", "monthly totals equal the sum of live postings")
    balanced = Check("balanced", "every live transaction's postings sum to zero, with two or more legs")
    postings = Check("postings", "every posting agrees with its transaction and account")
    undo = Check("undo", "every undo reversed a whole group, once")
    for household_id in households:
        _rollups(session, household_id, rollups)
        _balanced(session, household_id, balanced)
        _postings(session, household_id, postings)
        _undo(session, household_id, undo)
    return Report(households=len(households), checks=[rollups, balanced, postings, undo])


def _rollups(session: Session, household_id: int, check: Check) -> None:
    expected: dict[RollupKey, list[int]] = {}
    for account_id, day, currency, settlement, amount, converted, count in repo.live_posting_totals_by_day(
        session, household_id=household_id
    ):
        key = (int(account_id), repo.month_start(day).isoformat(), str(currency), str(settlement))
        totals = expected.setdefault(key, [0, 0, 0])
        totals[0] += int(amount)
        totals[1] += int(converted)
        totals[2] += int(count)
    stored: dict[RollupKey, list[int]] = {}
    for account_id, month, currency, settlement, amount, converted, count in repo.monthly_total_rows(
        session, household_id=household_id
    ):
        key = (int(account_id), month.isoformat(), str(currency), str(settlement))
        stored[key] = [int(amount), int(converted), int(count)]
    zero = [0, 0, 0]
    wrong = [key for key in sorted(expected.keys() | stored.keys()) if expected.get(key, zero) != stored.get(key, zero)]
    check.checked += len(stored)
    for account_id, month, currency, settlement in wrong[:SHOWN]:
        want = expected.get((account_id, month, currency, settlement), zero)
        have = stored.get((account_id, month, currency, settlement), zero)
        check.problems.append(
            f"household {household_id}, account {account_id}, {month[:7]} {currency}/{settlement}: "
            f"rollup says {_triple(have)}, postings say {_triple(want)}"
        )


def _triple(totals: list[int]) -> str:
    return f"{totals[0]} ({totals[1]} settled, {totals[2]} postings)"


def _balanced(session: Session, household_id: int, check: Check) -> None:
    check.checked += repo.count_live_transactions(session, household_id=household_id)
    for transaction_id, total, legs in repo.unbalanced_transactions(session, household_id=household_id, limit=SHOWN):
        check.problems.append(
            f"household {household_id}, transaction {transaction_id}: {legs} postings summing to {total}"
        )


def _postings(session: Session, household_id: int, check: Check) -> None:
    for posting_id, transaction_id, wrong in repo.stray_postings(session, household_id=household_id, limit=SHOWN):
        check.problems.append(
            f"household {household_id}, posting {posting_id} of transaction {transaction_id}: {wrong}"
        )


def _undo(session: Session, household_id: int, check: Check) -> None:
    for group in repo.partly_undone_groups(session, household_id=household_id, limit=SHOWN):
        check.problems.append(f"household {household_id}, change {group}: only part of it is undone")
    for group in repo.undone_twice(session, household_id=household_id, limit=SHOWN):
        check.problems.append(f"household {household_id}, change {group}: undone more than once")
