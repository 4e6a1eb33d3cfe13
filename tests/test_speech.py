"""Speech for the assistant: utterances synthesized with espeak-ng (as WAV, and as the Ogg/Opus and WebM/Opus a
browser records), transcribed offline, then parsed; the intent must be the one the words say.

espeak-ng is a test-only tool (Debian: apt-get install espeak-ng); without it these tests skip, or fail when
KAKEIBO_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import datetime
import email.parser
import email.policy
import io
import json
import threading
import wave
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.assistant.speech import MAX_SECONDS, transcribe
from kakeibo.assistant.speech import recognizer as recognizer_module
from kakeibo.assistant.speech.audio import decode
from kakeibo.assistant.speech.automaton import Automaton, compile_jsgf
from kakeibo.assistant.speech.grammar import build_grammar, guess_phones, spoken
from kakeibo.assistant.speech.readings import complete
from kakeibo.assistant.speech.recognizer import recognizer_for
from kakeibo.core.errors import KakeiboError, ValidationFailed
from kakeibo.core.settings import Settings
from tests.speech_helpers import espeak_wav, phone_quality, synthetic_wav, to_opus

TODAY = datetime.date(2026, 11, 23)  # a Monday
_DEFAULT = Vocabulary.default(accounts=("Checking", "Savings", "Visa", "Amex", "Cash"))
# The household has filed its lunches at Nopa (a word the recognizer's dictionary does not know) as restaurants.
VOCABULARY = Vocabulary(
    categories=_DEFAULT.categories,
    accounts=_DEFAULT.accounts,
    merchants={"nopa": "Food & Dining/Restaurants", "whole foods mkt #1034": "Food & Dining/Groceries"},
    base_currency="USD",
)

# What is said, and the intent fields it must give (fields not named are not checked).
UTTERANCES: list[tuple[str, dict[str, Any]]] = [
    ("fifty dollars at the gas station for fuel",
     {"kind": "add_transaction", "type": "expense", "amount": "50", "category": "Transportation/Fuel",
      "date": "2026-11-23"}),
    ("coffee at starbucks four fifty",
     {"kind": "add_transaction", "amount": "4.50", "description": "Starbucks", "category": "Food & Dining/Coffee"}),
    ("twelve fifty for lunch", {"kind": "add_transaction", "amount": "12.50", "category": "Food & Dining/Restaurants"}),
    ("one hundred and twenty at costco",
     {"kind": "add_transaction", "amount": "120", "description": "Costco", "category": "Food & Dining/Groceries"}),
    ("spent forty five dollars at whole foods last friday with my visa",
     {"kind": "add_transaction", "amount": "45", "date": "2026-11-20", "account": "Visa",
      "category": "Food & Dining/Groceries"}),
    ("paid sixty for groceries on the twelfth",
     {"kind": "add_transaction", "amount": "60", "date": "2026-11-12", "category": "Food & Dining/Groceries"}),
    ("two thousand four hundred for rent",
     {"kind": "add_transaction", "amount": "2400", "category": "Housing/Rent"}),
    ("twenty dollars for parking yesterday",
     {"kind": "add_transaction", "amount": "20", "date": "2026-11-22", "category": "Transportation/Parking & Tolls"}),
    ("spent thirty at the pharmacy two days ago",
     {"kind": "add_transaction", "amount": "30", "date": "2026-11-21", "category": "Health/Pharmacy"}),
    ("paid eighty for a haircut with my amex",
     {"kind": "add_transaction", "amount": "80", "account": "Amex", "category": "Personal Care/Hair & Beauty"}),
    ("dinner at nopa thirty two dollars",
     {"kind": "add_transaction", "amount": "32", "description": "Nopa", "category": "Food & Dining/Restaurants"}),
    ("got paid three thousand",
     {"kind": "add_transaction", "type": "income", "amount": "3000", "category": "Income/Salary"}),
    ("received two hundred fifty refund from amazon",
     {"kind": "add_transaction", "type": "refund", "amount": "250", "description": "Amazon"}),
    ("moved five hundred from checking to savings",
     {"kind": "add_transaction", "type": "transfer", "amount": "500", "account": "Checking",
      "to_account": "Savings"}),
    ("how much did i spend on groceries last month",
     {"kind": "query", "metric": "spending", "category": "Food & Dining/Groceries", "start": "2026-10-01",
      "end": "2026-10-31"}),
    ("what's the balance on my visa", {"kind": "query", "metric": "balance", "account": "Visa"}),
    ("what was my largest expense this year",
     {"kind": "query", "metric": "largest_expense", "start": "2026-01-01", "end": "2026-12-31"}),
    ("how much did i spend at starbucks in december",
     {"kind": "query", "metric": "spending", "merchant": "Starbucks", "start": "2025-12-01", "end": "2025-12-31"}),
    ("what's my net worth", {"kind": "query", "metric": "net_worth"}),
    ("spending by category last month",
     {"kind": "query", "metric": "spending", "group_by": "category", "start": "2026-10-01"}),
    ("change that lunch to twenty dollars",
     {"kind": "update_transaction", "target": {"description": "lunch"}, "changes": {"amount": "20"}}),
    ("the coffee yesterday was actually five fifty",
     {"kind": "update_transaction", "target": {"date": "2026-11-22"}, "changes": {"amount": "5.50"}}),
    ("delete the uber from tuesday",
     {"kind": "delete_transaction", "target": {"date": "2026-11-17", "description": "Uber"}}),
    ("undo", {"kind": "undo"}),
    ("undo that", {"kind": "undo"}),
    ("i bought groceries", {"kind": "clarify", "missing": ["amount"]}),
    ("delete all my transactions", {"kind": "unsupported"}),
]  # fmt: skip

# Utterances whose words make a complete intent (issue 11), written before the recognizer preferred such readings;
# its held-back part is spoken here too (a test is not tuning), but bench/speech.py reports it apart.
_COMPLETE = yaml.safe_load((Path(__file__).parent / "data" / "speech_complete.yaml").read_text(encoding="utf-8"))
# Heard with en-us+f5 as another complete request (a wrong merchant, a number too many at the end): no reading
# is incomplete, so preferring complete readings cannot help, and they stay misheard (strict: a fix shows here).
_MISHEARD = {
    "had lunch for fifteen at nopa": "heard 'had lunch for fifteen at filled up'",
    "paid three hundred for the electric bill": "heard 'paid three hundred thirty at electric bill'",
    "got paid two thousand five hundred": "heard 'got paid two thousand five hundred eight'",
    "the dinner yesterday should be sixty": "heard 'the dinner yesterday should be sixty eighty'",
    "seventy dollars at costco last sunday": "heard 'seventy dollars at doctor last sunday'",
}
COMPLETE_UTTERANCES = [
    pytest.param(
        u["said"],
        u["expect"],
        id=u["said"],
        marks=[pytest.mark.xfail(strict=True, reason=_MISHEARD[u["said"]])] if u["said"] in _MISHEARD else [],
    )
    for u in _COMPLETE["tuning"] + _COMPLETE["held_back"]
]


def _check(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    problems = []
    for key, wanted in expected.items():
        got = actual.get(key)
        if isinstance(wanted, dict):
            problems += [f"{key}.{p}" for p in _check(wanted, got or {})]
        elif (str(got) if got is not None else None) != str(wanted):
            problems.append(f"{key}: expected {wanted!r}, got {got!r}")
    return problems


@pytest.mark.parametrize("text, expected", UTTERANCES, ids=[text for text, _ in UTTERANCES])
def test_spoken_utterance_gives_the_intent_of_its_words(text: str, expected: dict[str, Any]) -> None:
    transcript = transcribe(espeak_wav(text), vocabulary=VOCABULARY, content_type="audio/wav")
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY).model_dump(mode="json")
    assert transcript.engine == "pocketsphinx"
    assert not _check(expected, intent), f"heard {transcript.text!r} -> {intent}"


@pytest.mark.parametrize("text, expected", COMPLETE_UTTERANCES)
def test_spoken_complete_request_stays_complete(text: str, expected: dict[str, Any]) -> None:
    transcript = transcribe(espeak_wav(text), vocabulary=VOCABULARY, content_type="audio/wav")
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY).model_dump(mode="json")
    assert not _check(expected, intent), f"heard {transcript.text!r} -> {intent}"


@pytest.mark.parametrize(
    "words, is_complete",
    [
        ("i bought groceries", False),  # a capture without its amount: the assistant would have to ask
        ("paid for the haircut", False),
        ("the coffee yesterday was actually", False),  # an edit without the new value
        ("delete the", False),  # a delete that points at nothing
        ("how much is left in my budget", False),  # which budget?
        ("i bought groceries for twenty", True),
        ("how much did i spend last monday", True),  # a day is a period: "last month" misheard is not incomplete
        ("how much did i spend on groceries", True),  # no period named: the answer says which period it took
        ("delete all my transactions", True),  # a refusal is an answer: no close delete may win over it
        ("undo", True),
    ],
)
def test_a_complete_request_needs_nothing_asked_back(words: str, is_complete: bool) -> None:
    assert complete(parse(words, today=TODAY, vocabulary=VOCABULARY)) is is_complete


def test_the_recognizer_offers_close_readings_the_grammar_admits_when_its_best_is_not_wanted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Not timed here (a shared machine may be slow): the bound on the search is bench/speech.py's to measure.
    monkeypatch.setattr(recognizer_module, "ALTERNATIVE_SECONDS", 30.0)
    recognizer = recognizer_for(VOCABULARY)
    automaton = recognizer.automaton
    pcm = decode(espeak_wav("coffee at starbucks four fifty", voice="en-us+m3"))  # heard "aldi at starbucks ..."
    offered: list[str] = []
    unwanted = recognizer.listen(pcm, wanted=lambda words: offered.append(words) is not None)  # wants none
    assert unwanted.text == offered[0] and unwanted.rank == 0  # none wanted: the best reading still
    assert len(offered) == unwanted.alternatives + 1 > 2
    assert all(_accepts(automaton, words) for words in offered)
    assert not offered[0].startswith("coffee")
    taken = recognizer.listen(pcm, wanted=lambda words: words.startswith("coffee"))
    assert taken.text == "coffee at starbucks four fifty" and taken.rank >= 1


@pytest.mark.parametrize(
    "voice, phone",
    [("en-us", False), ("en-us", True), ("en-us+f2", True)],
    ids=["en-us", "en-us at 8 kHz", "en-us+f2 at 8 kHz"],
)
def test_a_request_said_incomplete_is_not_completed_by_a_reading_the_grammar_does_not_admit(
    voice: str, phone: bool
) -> None:
    # These voices' n-best lists hold "i bought grocery eight" and "i bought the kroger eight": paths that end where
    # no sentence of the grammar does. Taking them would invent an amount the user never said.
    recording = espeak_wav("i bought groceries", voice=voice)
    transcript = transcribe(phone_quality(recording) if phone else recording, vocabulary=VOCABULARY, today=TODAY)
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY)
    assert intent.kind == "clarify", f"heard {transcript.text!r}"
    assert transcript.alternative == 0


@pytest.mark.parametrize(
    "text, voice",
    [
        ("two thousand four hundred for rent", "en-us+f5"),
        ("twenty dollars for parking yesterday", "en-us+f5"),
        ("twenty dollars for parking yesterday", "en-us+m1"),
    ],
)
def test_a_telephone_recording_is_understood(text: str, voice: str) -> None:
    # 8 kHz G.711 µ-law: nothing above 4 kHz. Without a noise floor in the missing band all three were misheard.
    recording = phone_quality(espeak_wav(text, voice=voice))
    assert decode(recording).source_rate == 8000
    transcript = transcribe(recording, vocabulary=VOCABULARY, content_type="audio/wav", today=TODAY)
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY).model_dump(mode="json")
    assert not _check(dict(UTTERANCES)[text], intent), f"heard {transcript.text!r} -> {intent}"


@pytest.mark.parametrize("container, content_type", [("ogg", "audio/ogg; codecs=opus"), ("webm", "audio/webm")])
def test_browser_recordings_in_opus_are_understood(container: str, content_type: str) -> None:
    recording = to_opus(espeak_wav("how much did i spend on groceries last month"), container)
    transcript = transcribe(recording, vocabulary=VOCABULARY, content_type=content_type)
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY).model_dump(mode="json")
    assert intent["metric"] == "spending"
    assert intent["category"] == "Food & Dining/Groceries"
    assert (intent["start"], intent["end"]) == ("2026-10-01", "2026-10-31")
    assert 2.0 < transcript.audio_seconds < 5.0


def test_transcript_reports_the_audio_length_and_the_time_taken() -> None:
    wav = espeak_wav("undo")
    with wave.open(io.BytesIO(wav)) as reader:
        seconds = reader.getnframes() / reader.getframerate()
    transcript = transcribe(wav, vocabulary=VOCABULARY)
    assert transcript.text == "undo"
    assert abs(transcript.audio_seconds - seconds) < 0.05
    assert 0 < transcript.elapsed_seconds < 30


@pytest.mark.parametrize(
    "audio, message",
    [
        (b"", "empty"),
        (b"\x00\x01garbage that is not audio at all" * 40, "could not be decoded"),
        (synthetic_wav(2.0), "silent"),
        (synthetic_wav(MAX_SECONDS + 1, tone_hz=440), "longer than"),
    ],
    ids=["empty", "garbage", "silence", "too long"],
)
def test_unusable_recordings_are_refused_with_a_reason(audio: bytes, message: str) -> None:
    with pytest.raises(ValidationFailed, match=message) as raised:
        transcribe(audio, vocabulary=VOCABULARY, content_type="audio/wav")
    assert raised.value.status_code == 422


def test_grammar_speaks_the_households_words() -> None:
    grammar = build_grammar(VOCABULARY)
    assert "nopa" in grammar.words  # a household payee
    assert {"whole", "foods"} <= grammar.words  # the well-known merchant behind "whole foods mkt #1034"
    assert {"checking", "savings", "visa", "amex"} <= grammar.words
    assert "mkt" not in grammar.words and "#1034" not in grammar.jsgf
    assert spoken("Bars & Alcohol") == "bars and alcohol"
    assert spoken("amzn mktp us*2k3") is None
    assert guess_phones("nopa") == "N OW P AH"
    assert guess_phones("kfc") == "K EY EH F S IY"


# --- an OpenAI-compatible endpoint ------------------------------------------------------------------------------


class TranscriptionServer:
    """A local server speaking `POST /v1/audio/transcriptions`: multipart form in, `{"text": ...}` out."""

    def __init__(self, *, text: str, status: int = 200) -> None:
        self.text = text
        self.status = status
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
                    f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body
                )
                fields: dict[str, Any] = {}
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    payload = part.get_payload(decode=True)
                    fields[str(name)] = {
                        "filename": part.get_filename(),
                        "content_type": part.get_content_type(),
                        "data": payload,
                    }
                server.requests.append(
                    {"path": self.path, "authorization": self.headers.get("Authorization"), "fields": fields}
                )
                reply = json.dumps({"text": server.text} if server.status == 200 else {"error": {"message": "no"}})
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply.encode())

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> TranscriptionServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def endpoint() -> Iterator[TranscriptionServer]:
    with TranscriptionServer(text=" Spent 45 at Whole Foods yesterday. ") as server:
        yield server


def _remote_settings(base_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        llm_base_url=base_url,
        llm_api_key="sk-test-key",
        transcription_model="whisper-1",
        llm_timeout_seconds=5,
        llm_max_retries=0,
    )


def test_configured_endpoint_transcribes_instead(endpoint: TranscriptionServer, tmp_path: Path) -> None:
    recording = to_opus(espeak_wav("spent forty five at whole foods yesterday"), "webm")
    settings = _remote_settings(endpoint.base_url, tmp_path)
    transcript = transcribe(recording, vocabulary=VOCABULARY, content_type="audio/webm", settings=settings)
    assert transcript.engine == "openai"
    assert transcript.text == "Spent 45 at Whole Foods yesterday."
    intent = parse(transcript.text, today=TODAY, vocabulary=VOCABULARY)
    assert intent.model_dump(mode="json")["amount"] == "45"
    [request] = endpoint.requests
    assert request["path"] == "/v1/audio/transcriptions"
    assert request["authorization"] == "Bearer sk-test-key"
    fields = request["fields"]
    assert fields["model"]["data"] == b"whisper-1"
    assert fields["file"]["data"] == recording  # the recording as the browser sent it
    assert fields["file"]["filename"] == "speech.webm"
    assert b"nopa" in fields["prompt"]["data"]


def test_endpoint_failure_is_an_error_not_a_guess(tmp_path: Path) -> None:
    with TranscriptionServer(text="", status=500) as server:
        settings = _remote_settings(server.base_url, tmp_path)
        with pytest.raises(KakeiboError, match="transcription endpoint failed") as raised:
            transcribe(espeak_wav("undo"), vocabulary=VOCABULARY, content_type="audio/wav", settings=settings)
    assert raised.value.status_code == 502


def test_without_a_transcription_model_the_endpoint_is_not_used(endpoint: TranscriptionServer, tmp_path: Path) -> None:
    settings = _remote_settings(endpoint.base_url, tmp_path).model_copy(update={"transcription_model": None})
    transcript = transcribe(espeak_wav("undo"), vocabulary=VOCABULARY, settings=settings)
    assert transcript.engine == "pocketsphinx"
    assert endpoint.requests == []


def _accepts(automaton: Automaton, sentence: str) -> bool:
    state = 0
    for word in sentence.split():
        if word not in automaton.arcs[state]:
            return False
        state = automaton.arcs[state][word]
    return state in automaton.final


def test_grammar_admits_what_the_parser_understands_and_nothing_half_said() -> None:
    automaton = compile_jsgf(build_grammar(VOCABULARY).jsgf)
    for text in [text for text, _ in UTTERANCES] + [str(p.values[0]) for p in COMPLETE_UTTERANCES]:
        assert _accepts(automaton, text), text
    assert _accepts(automaton, "spent two thousand four hundred and twelve on rent")
    assert not _accepts(automaton, "delete the")
    assert not _accepts(automaton, "spent forty five at")
    assert not _accepts(automaton, "how much did i spend on weather")


def test_households_with_unspeakable_names_still_get_a_grammar() -> None:
    vocabulary = Vocabulary(categories=_DEFAULT.categories, accounts=("Account 1",), merchants={"sq *7834": "x"})
    automaton = compile_jsgf(build_grammar(vocabulary).jsgf)
    assert _accepts(automaton, "twelve fifty for lunch")
    assert not _accepts(automaton, "twelve fifty for lunch with my account")


def test_jsgf_subset_is_compiled_to_its_minimal_automaton() -> None:
    grammar = "#JSGF V1.0;\ngrammar t;\npublic <s> = [i] (spent | paid) <n> [dollars];\n<n> = one | two;\n"
    automaton = compile_jsgf(grammar)
    sentences = {f"{i}{verb} {n}{unit}" for i in ("", "i ") for verb in ("spent", "paid") for n in ("one", "two")
                 for unit in ("", " dollars")}  # fmt: skip
    assert all(_accepts(automaton, s) for s in sentences)
    assert not _accepts(automaton, "i spent") and not _accepts(automaton, "dollars")
    assert len(automaton.arcs) == 5  # start, after "i", after the verb, after the number, after "dollars"
    with pytest.raises(ValueError, match="unbalanced"):
        compile_jsgf("public <s> = (a | b;")


def test_a_recognizer_evicted_while_in_use_reloads_its_grammar() -> None:
    recognizer = recognizer_for(VOCABULARY)
    recognizer.close()  # what the cache does to the oldest household's grammar
    assert recognizer.recognize(decode(espeak_wav("undo that"))) == "undo that"


def test_requests_at_once_take_turns_on_the_one_decoder() -> None:
    said = ["undo that", "what's my net worth", "how much did i spend on groceries last month"]
    recordings = [espeak_wav(text) for text in said]
    heard: dict[int, str] = {}

    def listen(index: int) -> None:
        heard[index] = transcribe(recordings[index % 3], vocabulary=VOCABULARY).text

    threads = [threading.Thread(target=listen, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [heard[i] for i in range(6)] == said * 2
