"""`kakeibo ask` and `kakeibo assistant parse`: the assistant from the command line."""

from __future__ import annotations

import json as jsonlib
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

# The assistant (parsers, conversations, a language model's client) loads when one of its commands runs.
if TYPE_CHECKING:
    from kakeibo.assistant import conversation as chat
    from kakeibo.assistant import intents, parsing, proposals, turns
    from kakeibo.assistant import service as assistant
    from kakeibo.assistant.llm import service as llm
    from kakeibo.core import db
    from kakeibo.ledger import service as ledger
else:
    chat = lazy("kakeibo.assistant.conversation")
    intents = lazy("kakeibo.assistant.intents")
    parsing = lazy("kakeibo.assistant.parsing")
    proposals = lazy("kakeibo.assistant.proposals")
    turns = lazy("kakeibo.assistant.turns")
    llm = lazy("kakeibo.assistant.llm.service")
    assistant = lazy("kakeibo.assistant.service")
    db = lazy("kakeibo.core.db")
    ledger = lazy("kakeibo.ledger.service")

CLI_CONVERSATION = "Command line"

assistant_app = typer.Typer(
    rich_markup_mode=None, help="The assistant: plain language in, intents out.", no_args_is_help=True
)


@assistant_app.command("parse")
def parse_command(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help='What you would say; "-" reads one utterance per line from stdin.')],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Show the intent an utterance parses to, without doing anything (offline parser)."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        vocabulary = assistant.vocabulary_for(books.session, actor=books.actor)
    day = clock.today()
    # Bytes that are not UTF-8 (a file in another encoding) are replaced, not fatal to the batch.
    stdin = (raw.decode("utf-8", errors="replace") for raw in sys.stdin.buffer)
    lines = (line.strip() for line in stdin) if text == "-" else iter([text])
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        document = _parsed(line, number=number, day=day, vocabulary=vocabulary)
        if opts.json or text == "-":
            # One JSON object per line, so a large test set runs through one process; ASCII, so no terminal's
            # encoding can refuse a line.
            sys.stdout.write(jsonlib.dumps(document) + "\n")
            sys.stdout.flush()
        else:
            out.echo(f"{line}\n  " + "\n  ".join(f"{k}: {v}" for k, v in document.items() if v not in (None, [], {})))


def _parsed(line: str, *, number: int, day: Any, vocabulary: Any) -> dict[str, Any]:
    """The intent of one line as JSON, or an error object for that line: one bad line never ends a batch."""
    try:
        return dict(
            intents.IntentAdapter.dump_python(parsing.parse(line, today=day, vocabulary=vocabulary), mode="json")
        )
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}", "line": number, "text": line}


def ask(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help='A question or a change, e.g. "how much did I spend on coffee last month?"')
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Carry out a proposed change without asking.")] = False,
    new: Annotated[bool, typer.Option("--new", help="Start a new conversation (forget earlier questions).")] = False,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Ask about your money or say what happened, in plain language. Follow-ups ("and the month before?") continue
    the conversation from the previous `ask`; changes are proposed, and carried out with --yes."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        speaker = books.actor
        conversation = (
            chat.start(books.session, speaker=speaker, title=CLI_CONVERSATION)
            if new
            else chat.latest(books.session, speaker=speaker, title=CLI_CONVERSATION)
        )
        conversation_id, settings = conversation.id, books.settings
        factory = db.session_factory(books.session.get_bind().engine)
    # The turn runs in short transactions of its own (assistant/turns.py): a language model is asked while reading.
    _, message = turns.converse(
        factory,
        speaker=speaker,
        conversation_id=conversation_id,
        text=text,
        settings=settings,
        today=clock.today(),
        language_model=llm.llm_for(settings),
    )
    proposal = message.get("proposal")
    if yes and proposal and proposal["status"] == "pending":
        with db.session_scope(factory, write=True) as session:
            db.lock_household(session, household_id=speaker.household_id)
            done = proposals.confirm(session, actor=speaker.for_change(source="assistant"), proposal_id=proposal["id"])
            stored = chat.get(session, speaker=speaker, conversation_id=conversation_id)
            stored.context = {k: v for k, v in (stored.context or {}).items() if k != "proposal"}
            message["proposal"] = proposals.as_dict(done)
            message["text"] = f"{proposals.done_text(done)}. Undo with: {ledger.undo_command(done.event_group)}"
            if done.transaction_id is not None:
                message["transaction_id"] = done.transaction_id
    elif proposal and proposal["status"] == "pending":
        message["text"] += " Run again with --yes to do it."
    document: dict[str, Any] = {"answer": message["text"], **message}
    if opts.json:
        out.print_json(document)
        return
    out.echo(document["answer"])
    evidence = document.get("evidence") or {}
    for row in evidence.get("transactions", [])[:10]:
        out.echo(f"  {row['date']}  {out.truncate(row['payee'] or '', 30):<30} {row['amount']:>12}")
    if evidence.get("count", 0) > 10:
        out.echo(f"  ... {evidence['count']} transactions in all")
    shown = document.get("proposal") or {}
    for line in shown.get("diff", []) if shown.get("status") == "pending" else []:
        before = "" if line["before"] is None else f"{line['before']} → "
        out.echo(f"  {line['field']}: {before}{line['after'] if line['after'] is not None else '(removed)'}")
