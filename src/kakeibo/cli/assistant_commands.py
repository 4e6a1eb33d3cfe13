"""`kakeibo assistant`: the assistant's parser from the command line (answering and changes come next)."""

from __future__ import annotations

import json as jsonlib
import sys
from typing import Annotated

import typer

from kakeibo.assistant.intents import IntentAdapter
from kakeibo.assistant.parsing import parse
from kakeibo.assistant.service import vocabulary_for
from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock

assistant_app = typer.Typer(help="The assistant: plain language in, intents out.", no_args_is_help=True)


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
        vocabulary = vocabulary_for(
            books.session, household_id=books.household_id, base_currency=books.household.base_currency
        )
    day = clock.today()
    lines = (line.strip() for line in sys.stdin) if text == "-" else iter([text])
    for line in lines:
        if not line:
            continue
        document = IntentAdapter.dump_python(parse(line, today=day, vocabulary=vocabulary), mode="json")
        if opts.json or text == "-":
            # One JSON object per line, so a large test set runs through one process.
            sys.stdout.write(jsonlib.dumps(document, ensure_ascii=False) + "\n")
        else:
            out.echo(f"{line}\n  " + "\n  ".join(f"{k}: {v}" for k, v in document.items() if v not in (None, [], {})))
