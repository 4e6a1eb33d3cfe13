"""A household's learned categorizer: an exact-payee memory blended with a linear model over words, character
n-grams, amount, account, day of month and the merchant knowledge base; trained from the household's own
categorized transactions, corrected one transaction at a time, and persisted as plain arrays (no pickle)."""

from __future__ import annotations

import io
import json
import math
import struct
import warnings
import zipfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from kakeibo.categorize.features import (
    TxnText,
    char_ngrams,
    context_features,
    payee_key,
    word_features,
    word_tokens,
)
from kakeibo.categorize.merchants import match_merchant

FORMAT_VERSION = 1
_MAGIC = b"KAKEIBO-CATEGORY-MODEL\x00"
_HEADER = struct.Struct("<H")

# Feature blocks and their weights: each text block (words, char n-grams) is an L2-normalised TF-IDF vector, so the
# weights say how much words, spelling, context (amount/account/day) and the knowledge base count relative to each
# other. Chosen on the two shared fixtures and a synthetic household; the differences between nearby values are small.
_WORDS, _CHARS, _CONTEXT, _KNOWN = "w:", "c:", "m:", "k:"
_BLOCK_WEIGHT = {_WORDS: 1.0, _CHARS: 1.0, _CONTEXT: 0.5, _KNOWN: 0.5}
_SVM_C = 1.0
_SVM_TOLERANCE = 1e-2
_SVM_ITERATIONS = 200
_NEGLIGIBLE_WEIGHT = 0.02
_ABSENT_SCORE = -5.0  # the linear score of a label the linear model never saw
# Softmax temperature applied to the one-vs-rest SVM margins: turns them into probabilities that are roughly
# calibrated (expected calibration error ~0.03-0.06 on the fixtures; `python -m bench.categorize` prints it).
_TEMPERATURE = 3.0
# The payee memory: a payee's label counts decay by half every 1.5 later transactions of the same payee, so two
# recent re-filings outweigh a long history (people change their minds), but a single odd one does not.
_MEMORY_DECAY = 0.5 ** (1 / 1.5)
_MEMORY_PRIOR = 0.5  # the linear model counts as half a transaction of evidence next to the payee's memory
_KNOWN_MERCHANT_PRIOR = 0.5  # a knowledge-base category that is also one of the household's labels, as evidence
_ONE_CLASS_CONFIDENCE = 0.4  # with a single label there is nothing to discriminate against: send it to review
_PER_PAYEE = 8  # newest examples per (payee, label) that the linear model trains on ...
_LINEAR_ROWS = 6000  # ... and at most this many in all, the newest (keeps training well under 3 s at 20,000)


@dataclass(frozen=True, slots=True)
class Guess:
    category: str  # a label as trained (the household's "Group/Category" path)
    confidence: float  # 0..1 (calibrated-ish probability)


@dataclass(slots=True)
class _PayeeMemory:
    shown: str  # the payee as the user saw it, for explanations
    weights: dict[int, float]  # label index -> decayed count
    counts: dict[int, int]  # label index -> how many transactions
    corrected: int | None = None  # label index of the user's latest correction


def _known_features(text: TxnText) -> list[str]:
    match = match_merchant(text)
    if match is None:
        return ["none"]
    return [f"category={match.category}", f"group={match.category.split('/', 1)[0]}"]


_BLOCKS = (_WORDS, _CHARS, _CONTEXT, _KNOWN)
_TEXT_BLOCKS = (True, True, False, False)  # TF-IDF and L2-normalised; the others are one-hot at their weight


def _analyse(text: TxnText) -> tuple[list[str], ...]:
    """The features of one transaction, one list per block in `_BLOCKS` order."""
    return word_features(text), char_ngrams(text), context_features(text), _known_features(text)


class _Vectorizer:
    """Features -> sparse rows. Identical transactions (same payee, memo, amount, account, day) are encoded once."""

    def __init__(self, names: list[str], idf: npt.NDArray[np.float32]) -> None:
        self.names = names  # "w:starbucks", "c: sta", ...: the block prefix, then the feature
        self.idf = idf
        self._vocabulary: tuple[dict[str, int], ...] = tuple({} for _ in _BLOCKS)
        for j, name in enumerate(names):
            self._vocabulary[_BLOCKS.index(name[:2])][name[2:]] = j

    @classmethod
    def fit_transform(cls, texts: Sequence[TxnText]) -> tuple[_Vectorizer, sp.csr_matrix]:
        rows, inverse = _unique(texts)
        analyses = [_analyse(text) for text in rows]
        times = np.bincount(inverse, minlength=len(rows)).tolist()
        document_frequency: dict[str, int] = {}
        for analysis, occurrences in zip(analyses, times, strict=True):
            for block, features in zip(_BLOCKS, analysis, strict=True):
                for feature in set(features):
                    name = block + feature
                    document_frequency[name] = document_frequency.get(name, 0) + occurrences
        names = sorted(document_frequency)
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + document_frequency[name])) + 1 for name in names], dtype=np.float32)
        vectorizer = cls(names, idf)
        return vectorizer, vectorizer._matrix(analyses, inverse)

    def encode(self, analysis: tuple[list[str], ...]) -> tuple[list[int], list[float]]:
        """One transaction's feature indices and values (for explanations)."""
        row = self._matrix([analysis], np.zeros(1, dtype=np.int64))
        return row.indices.tolist(), row.data.tolist()

    def _matrix(self, analyses: list[tuple[list[str], ...]], inverse: npt.NDArray[np.int64]) -> sp.csr_matrix:
        # Python only looks features up (C-level map over dict.get); the arithmetic is numpy over the whole batch.
        columns: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []
        for analysis in analyses:
            for features, vocabulary in zip(analysis, self._vocabulary, strict=True):
                tally = Counter(features)
                columns.extend(map(vocabulary.get, tally.keys(), repeat(-1)))
                counts.extend(tally.values())
                sizes.append(len(tally))
        group = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)  # (transaction, block) of each feature
        column = np.array(columns, dtype=np.int64)
        known = column >= 0
        group, column = group[known], column[known]
        count = np.array(counts, dtype=np.float64)[known]
        block = group % len(_BLOCKS)
        is_text = np.array(_TEXT_BLOCKS)[block]
        value = np.where(is_text, (1.0 + np.log(count)) * self.idf[column], 1.0)
        norm = np.sqrt(np.bincount(group, weights=value * value, minlength=len(sizes)))[group]
        value = np.where(is_text, value / np.where(norm > 0, norm, 1.0), value)
        value *= np.array([_BLOCK_WEIGHT[b] for b in _BLOCKS])[block]
        row = group // len(_BLOCKS)
        indptr = np.zeros(len(analyses) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=len(analyses)), out=indptr[1:])
        unique = sp.csr_matrix(
            (value.astype(np.float32), column.astype(np.int32), indptr), shape=(len(analyses), len(self.names))
        )
        return unique[inverse]

    def transform(self, texts: Sequence[TxnText]) -> sp.csr_matrix:
        rows, inverse = _unique(texts)
        return self._matrix([_analyse(text) for text in rows], inverse)


def _unique(texts: Sequence[TxnText]) -> tuple[list[TxnText], npt.NDArray[np.int64]]:
    index: dict[TxnText, int] = {}
    inverse = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=len(texts))
    return list(index), inverse


def _linear_rows(texts: Sequence[TxnText], labels: Sequence[str]) -> list[int]:
    """Which examples the linear model trains on: the newest `_PER_PAYEE` of each (payee, label) and at most
    `_LINEAR_ROWS` in all. The payee memory already knows every payee; the linear model is there to generalise to
    new ones, and a payee seen 400 times teaches it no more than one seen 8 times. This also bounds training time."""
    seen: dict[tuple[str, str], int] = {}
    chosen: list[int] = []
    for i in range(len(texts) - 1, -1, -1):
        key = payee_key(texts[i])
        if key:
            times = seen.get((key, labels[i]), 0)
            if times >= _PER_PAYEE:
                continue
            seen[(key, labels[i])] = times + 1
        chosen.append(i)
        if len(chosen) >= _LINEAR_ROWS:
            break
    return chosen[::-1]


class CategoryModel:
    """One household's categorizer. Build with `train`, correct with `learn`, store with `to_bytes`."""

    labels: list[str]
    n_examples: int

    def __init__(
        self,
        *,
        labels: list[str],
        n_examples: int,
        vectorizer: _Vectorizer | None,
        coef: npt.NDArray[np.float32] | None,
        intercept: npt.NDArray[np.float32] | None,
        memory: dict[str, _PayeeMemory],
    ) -> None:
        self.labels = labels
        self.n_examples = n_examples
        self._vectorizer = vectorizer
        self._coef = coef  # (labels at training, features); labels that `learn` added later have no row
        self._intercept = intercept
        self._memory = memory
        self._label_index = {label: i for i, label in enumerate(labels)}

    # -- building -------------------------------------------------------------------------------------------------

    @classmethod
    def train(cls, texts: Sequence[TxnText], labels: Sequence[str]) -> CategoryModel:
        """Learn from a household's categorized transactions, given oldest first (recent choices weigh more in the
        payee memory). One example or one label gives a model that only remembers; none gives one that never guesses."""
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} transactions but {len(labels)} labels")
        classes = sorted(set(labels))
        model = cls(labels=classes, n_examples=0, vectorizer=None, coef=None, intercept=None, memory={})
        for text, label in zip(texts, labels, strict=True):
            model._remember(text, model._label_index[label], weight=1.0)
        model.n_examples = len(texts)
        if len(classes) >= 2:
            model._fit_linear(texts, labels)
        return model

    def _fit_linear(self, texts: Sequence[TxnText], labels: Sequence[str]) -> None:
        # Only training needs scikit-learn; prediction and loading are numpy, so stored models outlive upgrades.
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.svm import LinearSVC

        rows = _linear_rows(texts, labels)
        targets = np.array([self._label_index[labels[i]] for i in rows])
        present = np.unique(targets)
        if len(present) < 2:
            return
        vectorizer, matrix = _Vectorizer.fit_transform([texts[i] for i in rows])
        svm = LinearSVC(C=_SVM_C, dual=True, tol=_SVM_TOLERANCE, max_iter=_SVM_ITERATIONS)
        with warnings.catch_warnings():
            # Stopping early on a hard household costs a little accuracy, never correctness; the warning is noise.
            warnings.simplefilter("ignore", ConvergenceWarning)
            svm.fit(matrix, targets)
        coef = np.asarray(svm.coef_, dtype=np.float32)
        intercept = np.asarray(svm.intercept_, dtype=np.float32)
        if len(present) == 2:  # scikit-learn keeps a single row for two classes: score(second) = -score(first)
            coef = np.vstack([-coef, coef])
            intercept = np.concatenate([-intercept, intercept])
        # Labels too old to be among the rows keep a row that never wins on its own (the memory still knows them).
        self._coef = np.zeros((len(self.labels), coef.shape[1]), dtype=np.float32)
        self._intercept = np.full(len(self.labels), _ABSENT_SCORE, dtype=np.float32)
        # Most weights are tiny (a feature seen once, for a label it has nothing to do with): zeroing them changes no
        # prediction that matters and shrinks the stored model about five-fold, since zeros compress.
        coef[np.abs(coef) < _NEGLIGIBLE_WEIGHT] = 0.0
        self._coef[present], self._intercept[present] = coef, intercept
        self._vectorizer = vectorizer

    def _remember(self, text: TxnText, label: int, *, weight: float) -> None:
        key = payee_key(text)
        if not key:
            return
        memory = self._memory.get(key)
        if memory is None:
            memory = self._memory[key] = _PayeeMemory(shown=_shown(text), weights={}, counts={})
        for other in memory.weights:
            memory.weights[other] *= _MEMORY_DECAY
        memory.weights[label] = memory.weights.get(label, 0.0) + weight
        memory.counts[label] = memory.counts.get(label, 0) + 1
        memory.shown = _shown(text)

    def learn(self, text: TxnText, label: str) -> None:
        """A user's correction: from the next `predict` on, this payee goes to `label`. The linear model is not
        refitted here (the retraining job does that); until then the payee memory carries the correction."""
        index = self._label_index.get(label)
        if index is None:
            index = self._label_index[label] = len(self.labels)
            self.labels.append(label)
        key = payee_key(text)
        earlier = self._memory.get(key)
        # Outweigh everything this payee was filed under before, twice over: a correction is explicit, history is not.
        others = sum(w for i, w in earlier.weights.items() if i != index) if earlier else 0.0
        self._remember(text, index, weight=max(1.0, 2.0 * others))
        if key:
            self._memory[key].corrected = index
        self.n_examples += 1

    # -- predicting -----------------------------------------------------------------------------------------------

    def _probabilities(self, texts: Sequence[TxnText]) -> npt.NDArray[np.float64]:
        n, size = len(texts), len(self.labels)
        probabilities = np.zeros((n, size), dtype=np.float64)
        if n == 0 or size == 0:
            return probabilities
        if self._vectorizer is not None and self._coef is not None and self._intercept is not None:
            scores = np.asarray(self._vectorizer.transform(texts) @ self._coef.T, dtype=np.float64) + self._intercept
            scores = np.exp(_TEMPERATURE * (scores - scores.max(axis=1, keepdims=True)))
            probabilities[:, : scores.shape[1]] = scores / scores.sum(axis=1, keepdims=True)
        elif size == 1:
            probabilities[:, 0] = _ONE_CLASS_CONFIDENCE
        for row, text in enumerate(texts):
            memory = self._memory.get(payee_key(text))
            if memory is not None:
                evidence = np.zeros(size)
                for label, weight in memory.weights.items():
                    evidence[label] = weight
                probabilities[row] = (evidence + _MEMORY_PRIOR * probabilities[row]) / (evidence.sum() + _MEMORY_PRIOR)
                continue
            match = match_merchant(text)
            known = self._label_index.get(match.category) if match is not None else None
            if known is not None:
                probabilities[row] *= 1 / (1 + _KNOWN_MERCHANT_PRIOR)
                probabilities[row, known] += _KNOWN_MERCHANT_PRIOR / (1 + _KNOWN_MERCHANT_PRIOR)
        return probabilities

    def predict(self, texts: Sequence[TxnText], k: int = 3) -> list[list[Guess]]:
        """The k likeliest labels per transaction, best first (fewer when fewer have any weight)."""
        probabilities = self._probabilities(texts)
        if probabilities.shape[1] == 0:
            return [[] for _ in texts]
        k = max(1, min(k, probabilities.shape[1]))
        top = np.argsort(-probabilities, axis=1, kind="stable")[:, :k]
        chances = np.take_along_axis(probabilities, top, axis=1).tolist()
        labels = self.labels
        return [
            [Guess(category=labels[j], confidence=p) for j, p in zip(row, row_chances, strict=True) if p > 0.0]
            for row, row_chances in zip(top.tolist(), chances, strict=True)
        ]

    # -- explaining -----------------------------------------------------------------------------------------------

    def explain(self, text: TxnText, guess: Guess) -> str:
        """One line a person can check: the payee's history, or the words (or facts) that point to the category."""
        label = self._label_index.get(guess.category)
        if label is None:
            return f"{guess.category} is not one of this household's categories"
        memory = self._memory.get(payee_key(text))
        if memory is not None and label in memory.counts:
            if memory.corrected == label:
                return f'you moved "{memory.shown}" to {guess.category}'
            count = memory.counts[label]
            payments = "payment" if count == 1 else "payments"
            return f'like {count} earlier "{memory.shown}" {payments} you filed under {guess.category}'
        if self._vectorizer is not None and self._coef is not None and label < len(self._coef):
            return self._explain_linear(text, label, guess.category)
        match = match_merchant(text)
        if match is not None and match.category == guess.category:
            return f'"{match.pattern}" is a known {match.category} merchant ({match.merchant})'
        return f"you have filed everything so far under {guess.category}"

    def _explain_linear(self, text: TxnText, label: int, category: str) -> str:
        assert self._vectorizer is not None and self._coef is not None
        indices, values = self._vectorizer.encode(_analyse(text))
        names = self._vectorizer.names
        weights = self._coef[label]
        by_word: defaultdict[str, float] = defaultdict(float)
        facts: defaultdict[str, float] = defaultdict(float)
        words = list(dict.fromkeys(word_tokens(text.payee) + word_tokens(text.description)))
        for j, value in zip(indices, values, strict=True):
            contribution = value * float(weights[j])
            name = names[j]
            feature = name[2:]
            if name.startswith(_WORDS):
                for word in feature.removeprefix("p:").split("_"):
                    by_word[word] += contribution
            elif name.startswith(_CHARS):
                gram = feature.strip()
                holders = [word for word in words if gram in word]
                for word in holders:
                    by_word[word] += contribution / len(holders)
            elif name.startswith(_KNOWN):
                match = match_merchant(text)
                if match is not None:
                    facts[f"{match.merchant} (known as {match.category})"] += contribution
            elif feature.startswith(("amount", "exact", "sign")):
                facts["the amount"] += contribution
            elif feature.startswith("account"):
                facts[f'account "{text.account}"'] += contribution
            elif feature.startswith("day"):
                facts["the day of the month"] += contribution
        pointing = [word for word, c in sorted(by_word.items(), key=lambda item: -item[1])[:3] if c > 0]
        word_total = sum(c for c in by_word.values() if c > 0)
        fact_total = sum(c for c in facts.values() if c > 0)
        if pointing and word_total >= fact_total:
            quoted = ", ".join(f'"{word}"' for word in pointing)
            noun = "word" if len(pointing) == 1 else "words"
            verb = "points" if len(pointing) == 1 else "point"
            return f"{noun} {quoted} {verb} to {category}"
        reasons = [fact for fact, c in sorted(facts.items(), key=lambda item: -item[1])[:2] if c > 0]
        if reasons:
            verb = "resembles" if len(reasons) == 1 else "resemble"
            return f"{' and '.join(reasons)} {verb} your {category} transactions"
        return f"closest to your {category} transactions"

    # -- persisting -----------------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """Plain arrays and JSON in an .npz, behind a magic string and a format version: no pickle, so loading a
        stored model can never run code, and a model stays readable across scikit-learn upgrades."""
        meta: dict[str, Any] = {
            "labels": self.labels,
            "n_examples": self.n_examples,
            "features": self._vectorizer.names if self._vectorizer is not None else None,
            "memory": {
                key: [m.shown, sorted(m.weights.items()), sorted(m.counts.items()), m.corrected]
                for key, m in self._memory.items()
            },
        }
        arrays: dict[str, Any] = {
            "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        }
        if self._vectorizer is not None and self._coef is not None and self._intercept is not None:
            arrays.update(idf=self._vectorizer.idf, coef=self._coef.astype(np.float16), intercept=self._intercept)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return _MAGIC + _HEADER.pack(FORMAT_VERSION) + buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> CategoryModel:
        if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + _HEADER.size:
            raise ValueError("not a kakeibo category model")
        (version,) = _HEADER.unpack_from(data, len(_MAGIC))
        if version != FORMAT_VERSION:
            raise ValueError(f"category model format {version} cannot be read (this kakeibo reads {FORMAT_VERSION})")
        try:
            with np.load(io.BytesIO(data[len(_MAGIC) + _HEADER.size :]), allow_pickle=False) as archive:
                meta = json.loads(archive["meta"].tobytes().decode("utf-8"))
                vectorizer = coef = intercept = None
                if meta["features"] is not None:
                    vectorizer = _Vectorizer(meta["features"], archive["idf"].astype(np.float32))
                    coef = archive["coef"].astype(np.float32)
                    intercept = archive["intercept"].astype(np.float32)
        except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:  # JSON and decode errors are ValueErrors
            raise ValueError(f"damaged kakeibo category model: {exc}") from exc
        memory = {
            key: _PayeeMemory(
                shown=shown,
                weights={int(i): float(w) for i, w in weights},
                counts={int(i): int(c) for i, c in counts},
                corrected=corrected,
            )
            for key, (shown, weights, counts, corrected) in meta["memory"].items()
        }
        return cls(
            labels=list(meta["labels"]),
            n_examples=int(meta["n_examples"]),
            vectorizer=vectorizer,
            coef=coef,
            intercept=intercept,
            memory=memory,
        )


def _shown(text: TxnText) -> str:
    shown = text.payee.strip() or " ".join(text.description.split())
    return shown if len(shown) <= 60 else shown[:57] + "..."
