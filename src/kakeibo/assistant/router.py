"""Thin HTTP over the assistant: conversations (history, a reply streamed over SSE), proposals (confirm, cancel)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile, status
from fastapi.responses import StreamingResponse

from kakeibo.assistant import conversation as chat
from kakeibo.assistant import proposals, turns
from kakeibo.assistant.models import Conversation
from kakeibo.assistant.schemas import (
    ConversationCreate,
    ConversationDetail,
    ConversationOut,
    MessageIn,
    MessageOut,
    ProposalOut,
    SpeechOut,
)
from kakeibo.assistant.speech.audio import MAX_BYTES
from kakeibo.auth.dependencies import ContextDep, ReadContextDep, WriteContextDep
from kakeibo.core.http import SessionDep
from kakeibo.core.types import Day, Id

router = APIRouter(prefix="/assistant", tags=["assistant"])


def language_model(request: Request) -> Any | None:
    """The LLM facade when one is configured (set on the app at start-up), else None: the offline parser."""
    return getattr(request.app.state, "language_model", None)


def conversation_out(conversation: Conversation) -> ConversationOut:
    return ConversationOut(
        id=conversation.id,
        title=conversation.title,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
    )


@router.post("/conversations", response_model=ConversationOut, status_code=status.HTTP_201_CREATED)
def create_conversation(data: ConversationCreate, session: SessionDep, ctx: ContextDep) -> ConversationOut:
    """Start a conversation; follow-up questions resolve against the earlier ones in it."""
    return conversation_out(chat.start(session, speaker=ctx, title=data.title))


@router.get("/conversations", response_model=list[ConversationOut])
def list_conversations(session: SessionDep, ctx: ContextDep) -> list[ConversationOut]:
    """The caller's conversations, latest first."""
    return [conversation_out(c) for c in chat.list_conversations(session, speaker=ctx)]


@router.get("/conversations/{conversation_id:int}", response_model=ConversationDetail)
def get_conversation(conversation_id: Id, session: SessionDep, ctx: ContextDep) -> ConversationDetail:
    """A conversation with its messages, oldest first; proposals show their current status."""
    speaker = ctx
    conversation = chat.get(session, speaker=speaker, conversation_id=conversation_id)
    messages = [MessageOut.model_validate(m) for m in chat.history(session, conversation=conversation)]
    return ConversationDetail(**conversation_out(conversation).model_dump(), messages=messages)


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


def _pieces(text: str) -> list[str]:
    """The reply in word-sized pieces, so a client can show it as it arrives."""
    return re.findall(r"\S+\s*|\s+", text) or [""]


@router.post(
    "/conversations/{conversation_id:int}/messages",
    response_model=MessageOut,
    responses={200: {"content": {"text/event-stream": {}}}},
)
def post_message(conversation_id: Id, data: MessageIn, request: Request, ctx: ReadContextDep) -> Any:
    """Say something: the reply is an answer from the ledger (with its query and evidence), a question, or a
    proposal to confirm. With `Accept: text/event-stream` the reply streams as SSE events `intent`, `delta`
    (pieces of the text), `message` (the whole reply) and `done`."""
    _, reply = turns.converse(
        request.app.state.sessionmaker,
        speaker=ctx,
        conversation_id=conversation_id,
        text=data.text,
        settings=request.app.state.settings,
        today=data.today,
        language_model=language_model(request),
        can_write=ctx.can_write,
    )
    message = MessageOut.model_validate(reply).model_dump(mode="json")
    if "text/event-stream" not in request.headers.get("accept", ""):
        return message

    def stream() -> Iterator[str]:
        yield _sse("intent", message["intent"])
        for piece in _pieces(message["text"]):
            yield _sse("delta", {"text": piece})
        yield _sse("message", message)
        yield _sse("done", {})

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.post("/speech", response_model=SpeechOut)
def speech(
    request: Request,
    ctx: ReadContextDep,
    audio: Annotated[UploadFile, File(description="A recording: WAV, or WebM/Ogg (Opus) from a browser's recorder")],
    conversation_id: Annotated[Id | None, Form(description="Continue this conversation (default: a new one)")] = None,
    today: Annotated[Day | None, Form(description="Resolve relative dates against this day")] = None,
) -> Any:
    """Say it instead of typing it: the recording is transcribed (offline, with a grammar made from the household's
    own words, unless a transcription endpoint is configured), then answered like a typed message."""
    data = audio.file.read(MAX_BYTES + 1)  # the size check itself is transcribe's
    heard, conversation_id, reply = turns.hear(
        request.app.state.sessionmaker,
        speaker=ctx,
        audio=data,
        content_type=audio.content_type,
        conversation_id=conversation_id,
        settings=request.app.state.settings,
        today=today,
        language_model=language_model(request),
        can_write=ctx.can_write,
    )
    return {"transcript": heard.text, "conversation_id": conversation_id, "message": reply}


@router.get("/proposals/{proposal_id}", response_model=ProposalOut)
def get_proposal(proposal_id: str, session: SessionDep, ctx: ContextDep) -> Any:
    return proposals.as_dict(proposals.get(session, household_id=ctx.household_id, proposal_id=proposal_id))


@router.post("/proposals/{proposal_id}/confirm", response_model=ProposalOut)
def confirm_proposal(proposal_id: str, session: SessionDep, ctx: WriteContextDep) -> Any:
    """Carry out a pending proposal through the ledger; it becomes one undoable change (`event_group`)."""
    done = proposals.confirm(session, actor=ctx.for_change(source="assistant"), proposal_id=proposal_id)
    return proposals.as_dict(done)


@router.post("/proposals/{proposal_id}/cancel", response_model=ProposalOut)
def cancel_proposal(proposal_id: str, session: SessionDep, ctx: WriteContextDep) -> Any:
    return proposals.as_dict(proposals.cancel(session, household_id=ctx.household_id, proposal_id=proposal_id))
