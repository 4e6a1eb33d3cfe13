"""The assistant's turns: the one place in a domain that opens its own database transactions.

Everywhere else the edge owns the transaction (a request's session scope, the CLI's unit of work, a job) and
services only flush. A turn with a language model cannot work that way: asking the model takes seconds, and a
write held open for that long would stall every other writer of the household (SQLite has one write lock; on
PostgreSQL the turn holds the household's advisory lock). So a turn runs as a short sequence of its own:

1. read (the conversation, the household's vocabulary) and ask the model what the words mean, holding no write;
2. one brief write: store the user's message, reply from the ledger (answer, question or proposal), store the
   reply, serialized with the household's other writers;
3. optionally, ask the model to word a figure it did not compute, and store the new wording in a second brief
   write; a failed or slow model leaves the offline reply standing.

What the model said in step 1 is only an intent, validated again in step 2 against the books as they are then;
it never carries a figure or a write of its own. A transcription (speech) is a read-only step before all this.
The HTTP routes and the CLI call these runners with the session factory instead of a session."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from kakeibo.assistant import conversation as chat
from kakeibo.assistant.answers import Answer
from kakeibo.assistant.models import Message
from kakeibo.assistant.service import vocabulary_for
from kakeibo.core.actor import Actor
from kakeibo.core.db import lock_household, session_scope
from kakeibo.core.settings import Settings
from kakeibo.ledger.queries import QuerySpec

if TYPE_CHECKING:
    from kakeibo.assistant.speech import Transcript


def converse(
    factory: sessionmaker[Session],
    *,
    speaker: Actor,
    conversation_id: int,
    text: str,
    settings: Settings,
    today: dt.date | None = None,
    language_model: Any | None = None,
    can_write: bool = True,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One typed (or transcribed) turn: (the user's message, the assistant's reply) as dicts, both stored."""
    understood = None
    if language_model is not None:
        with session_scope(factory, write=False) as session:
            conversation = chat.get(session, speaker=speaker, conversation_id=conversation_id)
            understood = chat.Turn(
                session,
                speaker=speaker,
                conversation=conversation,
                settings=settings,
                today=today,
                language_model=language_model,
            ).model_intent(text)
    with session_scope(factory, write=True) as session:
        # The turn may confirm, change or undo: serialized with the household's other writers, like a request.
        lock_household(session, household_id=speaker.household_id)
        conversation = chat.get(session, speaker=speaker, conversation_id=conversation_id)
        said, reply = chat.say(
            session,
            speaker=speaker,
            conversation=conversation,
            text=text,
            settings=settings,
            today=today,
            can_write=can_write,
            understood=understood,
        )
    if language_model is not None and reply["kind"] == "query" and reply["value"] is not None:
        _narrate(
            factory, speaker=speaker, conversation_id=conversation_id, question=text, reply=reply, model=language_model
        )
    return said, reply


def _narrate(
    factory: sessionmaker[Session],
    *,
    speaker: Actor,
    conversation_id: int,
    question: str,
    reply: dict[str, Any],
    model: Any,
) -> None:
    """Have the model word the ledger's answer (the figure is the ledger's; the model only writes the sentence)."""
    query = QuerySpec.model_validate(reply["query"])
    facts = Answer(reply["text"], reply["value"], reply["currency"] or "", query, reply["evidence"] or {})
    with session_scope(factory, write=False) as session:
        narrated = model.narrate(
            session, answer=facts, question=question, actor=speaker, session_key=f"conversation:{conversation_id}"
        )
    if narrated:
        with session_scope(factory, write=True) as session:
            stored = session.get(Message, reply["id"])
            if stored is not None:
                stored.text = narrated
        reply["text"] = narrated


def hear(
    factory: sessionmaker[Session],
    *,
    speaker: Actor,
    audio: bytes,
    content_type: str | None,
    conversation_id: int | None,
    settings: Settings,
    today: dt.date | None = None,
    language_model: Any | None = None,
    can_write: bool = True,
) -> tuple[Transcript, int, dict[str, Any]]:
    """A spoken turn: (what was heard, the conversation it went to, the reply). The recording is transcribed with
    the household's own words as the grammar, outside any write; someone else's conversation is refused first."""
    with session_scope(factory, write=False) as session:
        if conversation_id is not None:
            chat.get(session, speaker=speaker, conversation_id=conversation_id)  # someone else's: 404 before work
        vocabulary = vocabulary_for(session, actor=speaker)
    from kakeibo.assistant.speech import transcribe  # the recognizer (and numpy) only for a spoken turn

    heard = transcribe(audio, vocabulary=vocabulary, content_type=content_type, settings=settings, today=today)
    if conversation_id is None:
        with session_scope(factory, write=True) as session:
            conversation_id = chat.start(session, speaker=speaker).id
    _, reply = converse(
        factory,
        speaker=speaker,
        conversation_id=conversation_id,
        text=heard.text,
        settings=settings,
        today=today,
        language_model=language_model,
        can_write=can_write,
    )
    return heard, conversation_id, reply
