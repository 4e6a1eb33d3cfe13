"""The assistant's multi-turn scenarios (tests/data/assistant_dialogues.yaml) driven over real HTTP: what each reply
showed, compared with what the scenario expects. Shared by the dialogue tests and `python -m bench.assistant_sets`.

Every scenario gets a household of its own (a new user signed up through the API, with the file's accounts and
the default taxonomy) on one SQLite file per run, "today" pinned to the file's day. The scenario's `setup` is free
text: each clause of it (split on ";") must match one of the setups in `SETUPS`, else the scenario is reported as
"setup not built" and none of its turns is said. A turn is one POST to the conversation; what its reply showed is
read from the reply itself (its kind, intent, figure and proposal), from the conversation's pending proposals and
from the household's transactions before and after the turn (what it created, changed and removed).

Why HTTP and not `assistant.turns` directly: the reply checked is the one the web chat and the CLI's server get
(the message schema, the session scope, the household lock, the job runner that carries out an import), and
the setups act as another member does, through the same API with their own token."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kakeibo.all_models import Base
from kakeibo.assistant.models import Proposal
from kakeibo.assistant.targets import rows
from kakeibo.auth.models import User
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.db import make_engine, migrate, unit_of_work
from kakeibo.core.settings import Settings
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import Account, Transaction
from kakeibo.ledger.schemas import TransactionCreate
from tests.api_helpers import ApiUser, sign_up

DIALOGUES = Path(__file__).resolve().parent / "data" / "assistant_dialogues.yaml"
SUBTYPES = {"Checking": "checking", "Savings": "savings", "Visa": "credit_card", "Amex": "credit_card", "Cash": "cash"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
# What an expectation compares as an amount (a decimal, whatever its written form: '25' is '25.00').
AMOUNT_FIELDS = frozenset({"amount"})


def load(path: Path = DIALOGUES) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


# ---- the household a scenario acts in ------------------------------------------------------------------------------
@dataclass
class Member(ApiUser):
    """Another member of the scenario's household, acting in it through the API (X-Household-Id)."""

    acting_in: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {**super().headers, "X-Household-Id": str(self.acting_in)}


@dataclass
class World:
    """One scenario's household: its owner (who talks to the assistant), its accounts, and the database to look at."""

    client: TestClient
    engine: Engine
    owner: ApiUser
    accounts: dict[str, int]
    today: dt.date
    _member: Member | None = None

    @property
    def member(self) -> Member:
        """Another member of the household (signed up and invited on first use)."""
        if self._member is None:
            friend = sign_up(self.client)
            invited = self.owner.post(
                f"/households/{self.owner.household_id}/invitations", {"email": friend.email, "role": "member"}
            )
            _ok(invited, 201)
            _ok(friend.post("/auth/invitations/accept", {"invitation": invited.json()["token"]}), 200)
            self._member = Member(
                friend.client, friend.email, friend.token, friend.household_id, self.owner.household_id
            )
        return self._member

    def actor(self, user: ApiUser) -> Actor:
        with self.session() as session:
            user_id = session.scalars(select(User.id).where(User.email == user.email)).one()
        return Actor(household_id=self.owner.household_id, user_id=user_id, source="api")

    @contextmanager
    def session(self) -> Iterator[Session]:
        with unit_of_work(self.engine) as session:
            yield session


def _ok(response: Any, status: int) -> Any:
    if response.status_code != status:
        raise SetupFailed(
            f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text}"
        )
    return response.json()


class SetupFailed(Exception):
    """A setup that matched but could not be carried out (the API refused a step)."""


# ---- setups: each clause of a scenario's `setup`, by what the text says -----------------------------------------------
def _count(text: str) -> int:
    return int(text.replace(",", ""))


def _statement(rows_: int, *, payee: str, today: dt.date) -> bytes:
    """A bank CSV of distinct spending rows dated over the year before `today`."""
    lines = "".join(
        f"{today - dt.timedelta(days=1 + i % 320)},{payee} {i},-{1 + i % 90}.{i % 100:02d}\n" for i in range(rows_)
    )
    return ("Date,Description,Amount\n" + lines).encode()


def _items(
    world: World, count: int, *, payee: str, category: str, account: str = "Checking", shops: int = 1
) -> list[TransactionCreate]:
    """`count` expenses over the 400 days before today, at `payee` (or at `shops` payees numbered after it)."""
    return [
        TransactionCreate(
            type="expense",
            account=world.accounts[account],
            category=category,
            amount=f"{1 + i % 120}.{i % 100:02d}",
            date=world.today - dt.timedelta(days=1 + i % 400),
            payee=payee if shops == 1 else f"{payee} {i % shops}",
        )
        for i in range(count)
    ]


def nothing(world: World, **_: str) -> None:
    """A new conversation in a household with only its accounts (every scenario starts a new conversation)."""


def transactions_by_hand(world: World, *, count: str, by: str | None = None) -> None:
    """Transactions entered by people, not imported (by the owner, or by another member when the text says so);
    written through the ledger's batch path so 2,000 of them take a second, not a minute of POSTs."""
    user = world.member if by else world.owner
    items = _items(world, _count(count), payee="Shop", category="Shopping/Household Supplies", shops=40)
    actor = world.actor(user)
    with world.session() as session:
        ledger.create_transactions(session, actor=actor, items=items)


def member_imports(world: World, *, file: str, count: str) -> None:
    """Another member imports a statement file of `count` rows (through the import API and its job)."""
    files = {"file": (file, _statement(_count(count), payee="SHOP", today=world.today), "text/csv")}
    started = _ok(world.member.post("/imports", files=files, data={"account_id": str(world.accounts["Checking"])}), 202)
    job = _ok(world.member.get(f"/jobs/{started['job']['id']}"), 200)
    if job["status"] != "succeeded" or job["result"]["imported"] != _count(count):
        raise SetupFailed(f"the import of {file} did not bring in {count} rows: {job}")


def member_recategorizes(world: World, *, count: str, payee: str, category: str) -> None:
    """`count` transactions at `payee` (filed elsewhere), then another member files them all under `category` in one
    review correction (one bulk change)."""
    items = _items(world, _count(count), payee=payee, category="Shopping/Electronics", account="Visa")
    actor = world.actor(world.owner)
    with world.session() as session:
        ids = ledger.create_transactions(session, actor=actor, items=items)
    _ok(world.member.post("/review/correct", {"transaction_ids": ids, "category": category}), 200)


def member_edits(world: World, *, payee: str, date: str, before: str, after: str) -> None:
    """The owner's transaction at `payee` on `date` for `before`, which another member then changes to `after`."""
    made = _ok(
        world.owner.post(
            "/transactions",
            {"type": "expense", "account": world.accounts["Checking"], "category": "Food & Dining/Groceries",
             "amount": before, "date": date, "payee": payee},
        ),
        201,
    )  # fmt: skip
    _ok(world.member.patch(f"/transactions/{made['id']}", {"amount": after}), 200)


def no_rate(world: World, *, base: str, quote: str, date: str) -> None:
    """No exchange rate is known: true by construction while the ledger has no table of rates. When one is added,
    this setup has to clear it, so it refuses to run instead of passing on a household that might know a rate."""
    tables = [name for name in Base.metadata.tables if "rate" in name and "limit" not in name]
    if tables:
        raise SetupFailed(f"rates are stored now ({', '.join(tables)}): make sure no {base}→{quote} rate on {date}")


def accounts_in(world: World, *, currency: str) -> None:
    """Every account is in the household's currency (how the runner makes them): checked, not assumed."""
    with world.session() as session:
        found = session.scalars(
            select(Account.currency).where(
                Account.household_id == world.owner.household_id, Account.currency.is_not(None)
            )
        ).all()
    if any(code != currency for code in found):
        raise SetupFailed(f"an account is not in {currency}: {sorted({str(code) for code in found})}")


def balances(world: World, *, listing: str) -> None:
    """Accounts with opening balances ("Cash (212.40), Savings (8,000)") and others named by kind ("a Vanguard
    brokerage account", given a balance of its own so that counting it where it does not belong shows)."""
    for name, amount in re.findall(r"(\w+) \(([\d,.]+)\)", listing):
        body = {"opening_balance": amount.replace(",", ""), "opening_date": "2026-01-01"}
        if name in world.accounts:
            _ok(world.owner.patch(f"/accounts/{world.accounts[name]}", body), 200)
        else:
            world.accounts[name] = _ok(world.owner.post("/accounts", {"name": name, **body}), 201)["id"]
    for name, subtype in re.findall(r"an? (\w+) (brokerage|loan|checking|savings) account", listing):
        body = {"name": name, "subtype": subtype, "opening_balance": "25000", "opening_date": "2026-01-01"}
        world.accounts[name] = _ok(world.owner.post("/accounts", body), 201)["id"]


Setup = Callable[..., None]
# A clause of a scenario's setup, read in full, and what builds it (the named groups are its arguments).
SETUPS: list[tuple[re.Pattern[str], Setup]] = [
    (re.compile(r"(?:this is )?a new conversation"), nothing),
    (
        re.compile(r"the household has (?P<count>[\d,]+) transactions(?: (?P<by>made by other members))?"),
        transactions_by_hand,
    ),
    (
        re.compile(r"the household has (?P<count>[\d,]+) transactions entered by hand and no imports"),
        transactions_by_hand,
    ),
    (
        re.compile(r"another member import(?:s|ed) (?P<file>[\w.-]+) \((?P<count>[\d,]+) rows\)(?: [\w ]+ ago)?"),
        member_imports,
    ),
    (
        re.compile(
            r"another member recategorized (?P<count>[\d,]+) (?P<payee>\w+) transactions to (?P<category>[\w &/]+) "
            r"in one change"
        ),
        member_recategorizes,
    ),
    (
        re.compile(
            r"another member changed the (?P<payee>\w+) transaction of (?P<date>\d{4}-\d\d-\d\d) from "
            r"(?P<before>[\d.]+) to (?P<after>[\d.]+)"
        ),
        member_edits,
    ),
    (re.compile(r"no (?P<base>[A-Z]{3}) to (?P<quote>[A-Z]{3}) rate is known for (?P<date>\d{4}-\d\d-\d\d)"), no_rate),
    (re.compile(r"every account is in (?P<currency>[A-Z]{3})"), accounts_in),
    (re.compile(r"the household has (?P<listing>.+ account)"), balances),
]
# "between the second and third turns <clause>": the clause runs after that turn.
_BETWEEN = re.compile(r"between the (?P<after>\w+) and \w+ turns? (?P<clause>.+)")


@dataclass(frozen=True)
class Step:
    """A setup clause as understood: what runs, with what, and after which turn (0: before the first)."""

    clause: str
    build: Setup
    arguments: dict[str, str]
    after_turn: int = 0

    def __call__(self, world: World) -> None:
        self.build(world, **{k: v for k, v in self.arguments.items() if v is not None})


def plan(setup: str) -> tuple[list[Step], list[str]]:
    """The steps a setup text asks for, and the clauses no setup matches (the scenario cannot be run)."""
    steps: list[Step] = []
    unbuilt: list[str] = []
    for raw in setup.split(";"):
        clause, after = raw.strip(), 0
        between = _BETWEEN.fullmatch(clause)
        if between and between["after"] in ORDINALS:
            clause, after = between["clause"], ORDINALS[between["after"]]
        for pattern, build in SETUPS:
            match = pattern.fullmatch(clause)
            if match:
                steps.append(Step(clause, build, match.groupdict(), after))
                break
        else:
            unbuilt.append(raw.strip())
    return steps, unbuilt


# ---- what a reply showed ------------------------------------------------------------------------------------------
_ACTIONS = {"create": "add_transaction", "update": "update_transaction", "delete": "delete_transaction", "undo": "undo"}
_COUNT = re.compile(r"(\d[\d,]*) transactions?\b")
_FILE = re.compile(r"import of (?P<file>[^:]+):")


def _snapshot(world: World) -> dict[int, tuple[Any, ...]]:
    """Every live transaction of the household and what a change to it would move."""
    with world.session() as session:
        found = session.execute(
            select(
                Transaction.id, Transaction.version, Transaction.amount_minor, Transaction.date, Transaction.payee
            ).where(Transaction.household_id == world.owner.household_id, Transaction.deleted_at.is_(None))
        ).all()
    return {row[0]: tuple(row[1:]) for row in found}


def _pending(world: World, conversation_id: int) -> int:
    with world.session() as session:
        return len(
            session.scalars(
                select(Proposal.id).where(
                    Proposal.conversation_id == conversation_id,
                    Proposal.status == "pending",
                    Proposal.expires_at > clock.now(),
                )
            ).all()
        )


def _as_it_stands(world: World, transaction_id: int) -> dict[str, Any] | None:
    with world.session() as session:
        found = session.get(Transaction, transaction_id)
        if found is None or found.deleted_at is not None:
            return None
        (row,) = rows(session, household_id=world.owner.household_id, transactions=[found])
    return row


def reply_kind(reply: dict[str, Any]) -> str:
    """answer | proposal | question | done | nothing_to_undo | refused | said, as the dialogue set names them."""
    proposal, kind = reply.get("proposal"), reply.get("kind")
    if proposal:
        return "proposal" if proposal["status"] == "pending" else "done"
    if kind == "query":
        return "answer"
    if kind == "undo":
        return "nothing_to_undo"
    if (
        kind == "clarify"
        or reply.get("candidates")
        or reply["text"].rstrip().endswith("?")
        or "Which " in reply["text"]
    ):
        return "question"
    if kind == "unsupported" or reply["text"].startswith("That could not be done"):
        return "refused"
    return "said"


def shown(
    world: World, reply: dict[str, Any], *, before: dict[int, tuple[Any, ...]], conversation_id: int
) -> dict[str, Any]:
    """What the reply showed, in the dialogue set's own fields."""
    after = _snapshot(world)
    created = [i for i in after if i not in before]
    removed = [i for i in before if i not in after]
    changed = [i for i in after if i in before and after[i] != before[i]]
    facts: dict[str, Any] = {
        "reply": reply_kind(reply),
        "pending": _pending(world, conversation_id),
        "transactions_created": len(created),
        "transactions_changed": len(changed),
        "transactions_removed": len(removed),
        "text": reply["text"],
    }
    intent = reply.get("intent") or {}
    proposal = reply.get("proposal")
    if proposal:
        facts["action"] = _ACTIONS.get(proposal["action"], proposal["action"])
        if intent.get("kind") == "add_transactions":
            facts["action"], facts["items"] = "add_transactions", len(intent["items"])
        split_lines = [line for line in proposal["diff"] if str(line["field"]).startswith("split")]
        if split_lines or intent.get("splits"):
            facts["splits"] = len(split_lines) or len(intent["splits"])
        facts["cancelled"] = proposal["status"] == "cancelled"
        if proposal["status"] == "pending":
            for line in proposal["diff"]:
                value = line["after"]
                if line["field"] == "amount" and value:
                    facts["amount"], _, facts["currency"] = value.partition(" ")
                elif line["field"] in ("date", "category", "account") and value:
                    facts[line["field"]] = value
                elif line["field"] == "payee" and value:
                    facts["description"] = value
            if proposal["action"] == "undo":
                counted = _COUNT.search(proposal["summary"])
                facts["count"] = _count(counted.group(1)) if counted else None
                named = _FILE.search(proposal["summary"])
                facts["file"] = named["file"] if named else None
        else:
            # The transaction as it now stands: the one the proposal made or changed, else the one the turn changed.
            subject = proposal.get("transaction_id") or (changed[0] if len(changed) == 1 else None)
            if subject is None and len(created) == 1:
                subject = created[0]
            row = _as_it_stands(world, subject) if subject else None
            if row is not None:
                facts.update(amount=row["amount"], currency=row["currency"], date=row["date"], account=row["account"])
    if reply.get("kind") == "query":
        query = reply.get("query") or {}
        facts.update(
            metric=intent.get("metric"),
            category=intent.get("category"),
            merchant=intent.get("merchant"),
            account_kind=intent.get("account_kind"),
            start=intent.get("start") or query.get("start"),
            end=intent.get("end") or query.get("end"),
            amount=reply.get("value"),
        )
    if facts["reply"] == "question":
        missing = intent.get("missing") or []
        facts["asks"] = missing if missing else ["which"]
    return facts


def problems(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Each expected field the reply did not show; fields not listed are not checked."""
    found: list[str] = []
    for key, wanted in expected.items():
        value = actual.get(key)
        if key == "asks":
            ok = wanted in (value or [])
        elif key in AMOUNT_FIELDS:
            ok = _same_amount(wanted, value)
        elif isinstance(wanted, bool | int):
            ok = value == wanted
        else:
            ok = value is not None and str(value) == str(wanted)
        if not ok:
            found.append(f"{key}: expected {wanted!r}, got {value!r}")
    return found


def _same_amount(wanted: Any, value: Any) -> bool:
    try:
        return value is not None and Decimal(str(wanted)) == abs(Decimal(str(value).replace(",", "")))
    except InvalidOperation:
        return False


# ---- running a scenario -------------------------------------------------------------------------------------------
@dataclass
class TurnResult:
    say: str
    expected: dict[str, Any]
    actual: dict[str, Any]
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass
class ScenarioResult:
    name: str
    turns: list[TurnResult] = field(default_factory=list)
    total_turns: int = 0
    unbuilt: list[str] = field(default_factory=list)  # setup clauses no setup matches: nothing was said
    error: str | None = None  # a setup or a turn that failed outright (an HTTP error, a refused setup step)

    @property
    def passed(self) -> bool:
        return (
            not self.unbuilt
            and self.error is None
            and all(t.passed for t in self.turns)
            and (len(self.turns) == self.total_turns)
        )

    @property
    def turns_passed(self) -> int:
        return sum(t.passed for t in self.turns)


class Dialogues:
    """The runner: one app and one SQLite file for a run, a household of its own for each scenario."""

    def __init__(self, client: TestClient, engine: Engine, *, document: dict[str, Any]) -> None:
        self.client = client
        self.engine = engine
        self.document = document
        self.today = dt.date.fromisoformat(str(document["today"]))

    def world(self) -> World:
        owner = sign_up(self.client, email=f"owner-{uuid.uuid4().hex[:10]}@example.com")
        accounts = {}
        for name in self.document["accounts"]:
            body = {"name": name, "subtype": SUBTYPES.get(name, "checking"), "currency": self.document["base_currency"]}
            accounts[name] = _ok(owner.post("/accounts", body), 201)["id"]
        return World(self.client, self.engine, owner, accounts, self.today)

    def run(self, scenario: dict[str, Any]) -> ScenarioResult:
        result = ScenarioResult(scenario["name"], total_turns=len(scenario["turns"]))
        steps, result.unbuilt = plan(str(scenario.get("setup") or "a new conversation"))
        if result.unbuilt:
            return result
        try:
            world = self.world()
            for step in steps:
                if step.after_turn == 0:
                    step(world)
            conversation = _ok(world.owner.post("/assistant/conversations", {"title": scenario["name"][:100]}), 201)
            for number, turn in enumerate(scenario["turns"], start=1):
                before = _snapshot(world)
                path = f"/assistant/conversations/{conversation['id']}/messages"
                reply = _ok(world.owner.post(path, {"text": str(turn["say"])}), 200)
                actual = shown(world, reply, before=before, conversation_id=conversation["id"])
                expected = dict(turn["expect"])
                result.turns.append(TurnResult(str(turn["say"]), expected, actual, problems(expected, actual)))
                for step in steps:
                    if step.after_turn == number:
                        step(world)
        except SetupFailed as exc:
            result.error = f"setup failed: {exc}"
        return result


@contextmanager
def runner(document: dict[str, Any] | None = None, *, directory: Path | None = None) -> Iterator[Dialogues]:
    """A runner on a fresh, migrated SQLite file (in `directory`, else a temporary one), today pinned."""
    from kakeibo.api.app import create_app
    from kakeibo.jobs.inprocess import ImmediateRunner
    from kakeibo.tasks import connect

    document = document or load()
    connect()
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        url = f"sqlite:///{Path(tmp) / 'dialogues.sqlite3'}"
        migrate(url)
        engine = make_engine(url)
        settings = Settings(
            data_dir=Path(tmp),
            database_url=url,
            secret_key="dialogue-runner-secret-key-long-enough",
            base_currency=document["base_currency"],
            login_attempts_per_minute=10_000,  # every scenario signs a new user in
        )
        app = create_app(settings, engine=engine)
        # An import setup's job runs before its POST returns, so the next turn sees the import done.
        app.state.job_runner = ImmediateRunner(app.state.sessionmaker)
        try:
            with clock.pinned(dt.date.fromisoformat(str(document["today"]))), TestClient(app) as client:
                yield Dialogues(client, engine, document=document)
        finally:
            engine.dispose()
