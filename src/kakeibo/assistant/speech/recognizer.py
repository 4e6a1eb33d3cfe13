"""Offline recognition with pocketsphinx's bundled US English model, listening with the household's grammar.

A household's grammar is compiled once per vocabulary (about a second) and kept as a search of the process's one
decoder; decoding a 3 s clip then takes a few hundred milliseconds. When the caller says which readings it wants
(those that make a complete request) and the decoder's best is not one, the decoder's n-best list over its word
lattice is searched for one that scores close to the best, within a bounded number of readings and time.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pocketsphinx  # type: ignore[import-untyped]

from kakeibo.assistant.parsing import Vocabulary
from kakeibo.assistant.speech.audio import SAMPLE_RATE, Pcm, loudness
from kakeibo.assistant.speech.automaton import Automaton, compile_jsgf
from kakeibo.assistant.speech.grammar import build_grammar, guess_phones

CACHED_RECOGNIZERS = 4  # each grammar search holds ~100 MB of lexicon trees in the decoder (bench/speech.py)
PAD_SECONDS = 0.3
# How far the n-best search goes for a wanted reading: the paths it draws (each reading comes about twice, with and
# without a pause between two words), the time it may take, and how much worse than the lattice's best path a
# reading may score (natural log of the path score) and still be taken: past that the audio no longer says it.
ALTERNATIVE_PATHS = 40
ALTERNATIVE_SECONDS = 0.3
ALTERNATIVE_MARGIN = 0.05
# The noise floor given to the band a narrowband recording lacks, as a share of its loudness (RMS). Set on half of
# tests/test_speech.py's set at 8 kHz in two voices: none 4 and 4 of 14 intents right, 0.01 6 and 6, 0.1 7 and 8.
NARROWBAND_FLOOR = 0.1
_CACHE: OrderedDict[tuple[object, ...], Recognizer] = OrderedDict()
_CACHE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[str]]:
    """The bundled CMU dictionary: word -> its pronunciations."""
    path = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
    found: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, phones = line.partition(" ")
            found.setdefault(word.split("(", 1)[0], []).append(phones.strip())
    return found


def pronunciations(word: str) -> list[str]:
    """The dictionary's pronunciations; else two dictionary words glued ("doordash"); else a spelling guess."""
    known = _dictionary()
    if word in known:
        return known[word]
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in known and tail in known:
            return [f"{known[head][0]} {known[tail][0]}"]
    return [guess_phones(word)]


def _vocabulary_key(vocabulary: Vocabulary) -> tuple[object, ...]:
    # What the grammar is made of: the merchants' categories do not change what can be said.
    return (vocabulary.categories, vocabulary.accounts, tuple(sorted(vocabulary.merchants)))


class _Engine:
    """The process's one decoder: the acoustic model is loaded once, each household's grammar is a named search in
    it, and a lock makes requests take turns (a decoder is not thread-safe; a 3 s clip takes a few hundred ms)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.words: set[str] = {"undo"}
        # The decoder reads a dictionary file at start; one word loads in milliseconds (the bundled 135k-word
        # dictionary takes a quarter of a second and 30 MB), and each grammar adds the words it needs.
        handle, path = tempfile.mkstemp(prefix="kakeibo-speech-", suffix=".dict")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(f"undo {pronunciations('undo')[0]}\n")
            self.decoder = pocketsphinx.Decoder(
                lm=None,
                dict=path,
                loglevel="FATAL",  # a failed search is reported by an empty result, not on stderr
                # The lattice rescoring pass loses the end of utterances under a grammar; the first pass does not.
                bestpath=False,
                # One pronunciation a word: 105 MB a grammar instead of 136, and over bench/speech.py's four voices
                # fewer word errors (2.5, 7.5, 15.5, 16.8 % against 1.2, 4.3, 25.5, 19.3 % with every variant).
                fsgusealtpron=False,
            )
        finally:
            os.unlink(path)
        self._searches = 0

    def add_grammar(self, automaton: Automaton, words: frozenset[str]) -> str:
        """Adds the grammar as a search; returns its name. Call with the lock held."""
        for word in sorted(words - self.words):
            for number, phones in enumerate(pronunciations(word), start=1):
                self.decoder.add_word(word if number == 1 else f"{word}({number})", phones, False)
            self.words.add(word)
        self._searches += 1
        name = f"household-{self._searches}"
        self.decoder.add_fsg(name, self._fsg(name, automaton))
        return name

    def _fsg(self, name: str, automaton: Automaton) -> Any:
        end = len(automaton.arcs)
        transitions: list[tuple[int, int, float] | tuple[int, int, float, str]] = []
        # Every choice at a state is equally likely. (Weighting by the sentences behind each choice was tried; it
        # favours the long families and doubled the word errors of the low voices in bench/speech.py.)
        for state, arcs in enumerate(automaton.arcs):
            choices = len(arcs) + (state in automaton.final)
            for word, target in arcs.items():
                transitions.append((state, target, 1.0 / choices, word))
            if state in automaton.final:
                transitions.append((state, end, 1.0 / choices))
        return self.decoder.create_fsg(name, 0, end, transitions)


_ENGINE: list[_Engine] = []


def _engine() -> _Engine:
    with _CACHE_LOCK:  # two first requests at once must not load two models
        if not _ENGINE:
            _ENGINE.append(_Engine())
        return _ENGINE[0]


@dataclass(frozen=True)
class Reading:
    """What the recognizer heard: `text`, and `rank`, 0 for the decoder's best reading, n for the n-th other
    distinct reading of its n-best list; `alternatives` is how many other readings were looked at."""

    text: str
    rank: int = 0
    alternatives: int = 0


class Recognizer:
    """One household's grammar, compiled and loaded as a search of the shared decoder."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        grammar = build_grammar(vocabulary)
        self.automaton = compile_jsgf(grammar.jsgf)
        self.words = grammar.words
        self._engine = _engine()
        self.search: str | None = None
        with self._engine.lock:
            self.search = self._engine.add_grammar(self.automaton, grammar.words)

    def recognize(self, pcm: Pcm) -> str:
        """The decoder's best reading."""
        return self.listen(pcm).text

    def listen(self, pcm: Pcm, *, wanted: Callable[[str], bool] | None = None) -> Reading:
        """The decoder's best reading; when it is not `wanted`, the first wanted one among its close alternatives
        (none found: the best one still)."""
        decoder = self._engine.decoder
        with self._engine.lock:  # the n-best list belongs to the decoder's last utterance: read it under the lock
            if self.search is None:  # closed (evicted from the cache) while a request still held it
                self.search = self._engine.add_grammar(self.automaton, self.words)
            decoder.activate_search(self.search)
            decoder.start_utt()
            decoder.process_raw(_padded(pcm), full_utt=True)
            decoder.end_utt()
            hypothesis = decoder.hyp()
            best = str(hypothesis.hypstr).strip() if hypothesis is not None else ""
            # Nothing heard: the search reached no end of the grammar, and its lattice then holds no path that
            # does either (bench/speech.py's refusals), so the n-best list is not worth its second.
            if not best or wanted is None or wanted(best):
                return Reading(best)
            return _alternative(decoder, best=best, wanted=wanted, admitted=self.automaton.accepts)

    def close(self) -> None:
        """Frees the search (the words stay in the decoder's dictionary; they are few and shared)."""
        with self._engine.lock:
            if self.search is not None:
                self._engine.decoder.remove_search(self.search)
                self.search = None


def _alternative(decoder: Any, *, best: str, wanted: Callable[[str], bool], admitted: Callable[[str], bool]) -> Reading:
    """The first wanted reading of the decoder's n-best list (A* over the lattice, best path first) that the
    grammar admits and that scores within ALTERNATIVE_MARGIN of the list's first; else `best`. Call with the lock
    held, right after end_utt.

    The list also holds paths that stop where the grammar does not ("i bought the kroger eight" for a spoken "i
    bought groceries" at 8 kHz): the lattice keeps every word that ended in time, whether or not its sentence could
    end there. Taking one of those would put words in the user's mouth that no request of the grammar says."""
    deadline = time.perf_counter() + ALTERNATIVE_SECONDS
    seen = {best}
    top: float | None = None
    try:
        for drawn, hypothesis in enumerate(decoder.nbest(), start=1):
            # The score is the path's probability, scaled per frame by the decoder (so it stays well above zero).
            score = math.log(hypothesis.score) if hypothesis.score > 0 else -math.inf
            top = score if top is None else top
            if top - score > ALTERNATIVE_MARGIN:
                break  # the list comes best first: every reading after this one scores worse still
            text = str(hypothesis.hypstr).strip()
            if text and text not in seen and admitted(text):
                seen.add(text)
                if wanted(text):
                    return Reading(text, rank=len(seen) - 1, alternatives=len(seen) - 1)
            if drawn >= ALTERNATIVE_PATHS or time.perf_counter() > deadline:
                break
    except RuntimeError:  # no lattice for this utterance (nothing but silence was searched): no alternatives
        pass
    return Reading(best, alternatives=len(seen) - 1)


def _padded(pcm: Pcm) -> bytes:
    """The samples between short stretches of silence (the grammar search starts and ends in silence, and a
    recording cut right at the words, from a recorder started late or a synthesizer, has none), with a least-bit
    of noise added: digital silence has no energy at all and upsets the features. The noise is seeded, so that
    the same recording always gives the same transcript (the decoder's own dither goes on from call to call).
    A narrowband recording (a telephone's 8 kHz) also gets a floor of noise in the band it lacks."""
    pad = np.zeros(int(PAD_SECONDS * SAMPLE_RATE), dtype=np.int32)
    samples = np.concatenate([pad, np.frombuffer(pcm.samples, dtype="<i2").astype(np.int32), pad])
    samples += np.random.default_rng(1).integers(-1, 2, size=samples.size, dtype=np.int32)
    if pcm.source_rate < SAMPLE_RATE:
        samples += _missing_band(samples.size, above_hz=pcm.source_rate / 2, level=NARROWBAND_FLOOR * loudness(pcm))
    return bytes(np.clip(samples, -32768, 32767).astype("<i2").tobytes())


def _missing_band(size: int, *, above_hz: float, level: float) -> Any:
    """Seeded white noise above `above_hz`, at `level` RMS. The bundled model is a 16 kHz one: its top mel filters
    (up to 6.8 kHz) see digital silence in a band-limited recording, a log energy far below any it was trained on,
    and most words are then misheard; a low floor there looks like the quiet room it was trained in instead.
    (The model has no 8 kHz variant bundled, and feature settings for 8 kHz do not fit its filters.)"""
    spectrum = np.fft.rfft(np.random.default_rng(2).normal(0.0, 1.0, size))
    spectrum[np.fft.rfftfreq(size, 1 / SAMPLE_RATE) < above_hz] = 0
    noise = np.fft.irfft(spectrum, size)
    spread = float(noise.std())
    return np.rint(noise * (level / spread if spread else 0.0)).astype(np.int32)


def recognizer_for(vocabulary: Vocabulary) -> Recognizer:
    """The household's recognizer, built on first use and kept for the most recent vocabularies."""
    key = _vocabulary_key(vocabulary)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    built = Recognizer(vocabulary)
    evicted = []
    with _CACHE_LOCK:
        raced = _CACHE.get(key)
        if raced is not None:  # another request built it meanwhile: keep one, free the other's search
            evicted.append(built)
            built = raced
        _CACHE[key] = built
        while len(_CACHE) > CACHED_RECOGNIZERS:
            evicted.append(_CACHE.popitem(last=False)[1])
    for recognizer in evicted:
        recognizer.close()
    return built


def free_dictation(pcm: Pcm) -> str:
    """The bundled general language model without a grammar: only for measuring what the grammar gains."""
    decoder = _free_decoder()
    with _FREE_LOCK:
        decoder.start_utt()
        decoder.process_raw(_padded(pcm), full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
    return str(hypothesis.hypstr).strip() if hypothesis is not None else ""


_FREE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _free_decoder() -> Any:
    return pocketsphinx.Decoder(loglevel="FATAL")
