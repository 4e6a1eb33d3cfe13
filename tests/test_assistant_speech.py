"""Speaking to the assistant over HTTP: a recording in (WAV, or Opus as a browser records it), its transcript and
the assistant's reply out, in the caller's conversation; bad recordings are refused and change nothing."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up
from tests.speech_helpers import espeak_wav, synthetic_wav, to_opus


def _speak(user: ApiUser, audio: bytes, content_type: str, **form: str) -> dict[str, Any]:
    response = user.post(
        "/assistant/speech",
        files={"audio": ("speech", audio, content_type)},
        data={"today": "2026-11-23", **form},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_two_spoken_expenses_become_proposals_and_a_spoken_question_is_answered(client: TestClient) -> None:
    user = sign_up(client)
    checking = user.post("/accounts", {"name": "Checking", "subtype": "checking", "opening_balance": "500"}).json()
    fuel = _speak(user, espeak_wav("fifty dollars at the gas station for fuel"), "audio/wav")
    assert fuel["transcript"] == "fifty dollars at the gas station for fuel"
    proposal = fuel["message"]["proposal"]
    assert proposal["action"] == "create"
    assert {"field": "category", "before": None, "after": "Transportation/Fuel"} in proposal["diff"]
    assert user.post(f"/assistant/proposals/{proposal['id']}/confirm").json()["status"] == "confirmed"
    # A browser's recorder sends Opus in WebM; the conversation carries on.
    said = espeak_wav("twelve fifty for lunch yesterday")
    lunch = _speak(user, to_opus(said, "webm"), "audio/webm;codecs=opus", conversation_id=str(fuel["conversation_id"]))
    assert lunch["conversation_id"] == fuel["conversation_id"]
    assert {"field": "amount", "before": None, "after": "12.50 USD"} in lunch["message"]["proposal"]["diff"]
    assert {"field": "date", "before": None, "after": "2026-11-22"} in lunch["message"]["proposal"]["diff"]
    user.post(f"/assistant/proposals/{lunch['message']['proposal']['id']}/confirm")
    assert user.get(f"/accounts/{checking['id']}").json()["balance"] == "437.50"
    asked = _speak(user, to_opus(espeak_wav("how much did i spend on fuel this month"), "ogg"), "audio/ogg")
    assert (asked["message"]["kind"], asked["message"]["value"]) == ("query", "50.00")
    history = user.get(f"/assistant/conversations/{fuel['conversation_id']}").json()["messages"]
    assert [m["text"] for m in history if m["role"] == "user"] == [
        "fifty dollars at the gas station for fuel",
        "twelve fifty for lunch yesterday",
    ]


def test_unusable_recordings_are_refused_and_nothing_is_written(client: TestClient) -> None:
    user = sign_up(client)
    for audio, content_type in (
        (b"not audio at all", "audio/wav"),
        (synthetic_wav(2.0), "audio/wav"),
        (b"", "audio/ogg"),
    ):
        response = user.post("/assistant/speech", files={"audio": ("speech", audio, content_type)})
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
    assert user.get("/assistant/conversations").json() == []
    other = sign_up(client)
    mine = user.post("/assistant/conversations", {}).json()
    stolen = other.post(
        "/assistant/speech",
        files={"audio": ("speech", espeak_wav("undo"), "audio/wav")},
        data={"conversation_id": str(mine["id"])},
    )
    assert stolen.status_code == 404
