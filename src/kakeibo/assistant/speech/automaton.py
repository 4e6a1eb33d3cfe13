"""Compiles the subset of JSGF our grammar uses (words, <rules>, | ( ) [ ]) into a minimal word automaton.

Pocketsphinx's own JSGF compiler copies a rule at every reference and then closes over the null transitions: for
our grammar that is 28k states and 320k transitions, and a search over it takes seconds to a minute per utterance.
The grammar has no repetition, so it describes a finite set of word sequences; its minimal deterministic automaton
(subset construction, then merging states with the same future, as for any acyclic automaton) is a few thousand
transitions and shares every common prefix and suffix, which is what keeps a search fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# An expression: a word (str), a rule reference ("<name>" in a Ref), or a sequence / alternatives / option of them.


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Seq:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Alt:
    options: tuple[Expr, ...]


@dataclass(frozen=True)
class Opt:
    inner: Expr


Expr = str | Ref | Seq | Alt | Opt

_TOKEN = re.compile(r"\s*(<[A-Za-z_0-9]+>|[|()\[\]]|[a-z']+)")


def _tokens(body: str) -> Iterator[str]:
    position = 0
    body = body.rstrip()
    while position < len(body):
        match = _TOKEN.match(body, position)
        if match is None:
            raise ValueError(f"unexpected text in grammar rule: {body[position : position + 20]!r}")
        yield match.group(1)
        position = match.end()


class _Parser:
    def __init__(self, body: str) -> None:
        self.tokens = list(_tokens(body))
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def alternatives(self) -> Expr:
        options = [self.sequence()]
        while self.peek() == "|":
            self.take()
            options.append(self.sequence())
        return options[0] if len(options) == 1 else Alt(tuple(options))

    def sequence(self) -> Expr:
        items: list[Expr] = []
        while (token := self.peek()) is not None and token not in ("|", ")", "]"):
            self.take()
            if token in ("(", "["):
                inner = self.alternatives()
                closing = self.take() if self.peek() is not None else ""
                if closing != {"(": ")", "[": "]"}[token]:
                    raise ValueError(f"unbalanced {token!r} in grammar rule")
                items.append(inner if token == "(" else Opt(inner))
            elif token.startswith("<"):
                items.append(Ref(token[1:-1]))
            else:
                items.append(token)
        return items[0] if len(items) == 1 else Seq(tuple(items))


def parse_jsgf(text: str) -> tuple[str, dict[str, Expr]]:
    """The public rule's name and every rule's expression."""
    rules: dict[str, Expr] = {}
    public = ""
    for statement in text.split(";"):
        match = re.fullmatch(r"\s*(public\s+)?<([a-z_0-9]+)>\s*=(.*)", statement, re.DOTALL)
        if match is None:
            continue  # the header lines
        parser = _Parser(match.group(3))
        rules[match.group(2)] = parser.alternatives()
        if parser.peek() is not None:
            raise ValueError(f"unbalanced brackets in rule <{match.group(2)}>")
        if match.group(1):
            public = match.group(2)
    if not public:
        raise ValueError("the grammar has no public rule")
    return public, rules


@dataclass
class Automaton:
    """A deterministic word automaton: state 0 starts; `arcs[state]` maps a word to the next state."""

    arcs: list[dict[str, int]] = field(default_factory=list)
    final: set[int] = field(default_factory=set)

    @property
    def transitions(self) -> int:
        return sum(len(a) for a in self.arcs)

    def accepts(self, sentence: str) -> bool:
        """Whether the grammar admits the words, all of them, in this order."""
        state = 0
        for word in sentence.split():
            found = self.arcs[state].get(word)
            if found is None:
                return False
            state = found
        return state in self.final


class _Nfa:
    def __init__(self) -> None:
        self.words: list[list[tuple[str, int]]] = []
        self.nulls: list[list[int]] = []

    def state(self) -> int:
        self.words.append([])
        self.nulls.append([])
        return len(self.words) - 1

    def build(self, expr: Expr, start: int, rules: dict[str, Expr], depth: int = 0) -> int:
        """Adds `expr` from `start`; returns the state where it ends."""
        if depth > 100:
            raise ValueError("the grammar's rules refer to each other in a cycle")
        if isinstance(expr, str):
            end = self.state()
            self.words[start].append((expr, end))
            return end
        if isinstance(expr, Ref):
            if expr.name == "VOID":
                return self.state()  # nothing can be said here: a state no path reaches the end from
            return self.build(rules[expr.name], start, rules, depth + 1)
        if isinstance(expr, Seq):
            for item in expr.items:
                start = self.build(item, start, rules, depth)
            return start
        if isinstance(expr, Opt):
            end = self.build(expr.inner, start, rules, depth)
            self.nulls[start].append(end)
            return end
        end = self.state()
        for option in expr.options:
            self.nulls[self.build(option, start, rules, depth)].append(end)
        return end


def compile_jsgf(text: str) -> Automaton:
    """The minimal deterministic automaton of the grammar's public rule."""
    public, rules = parse_jsgf(text)
    nfa = _Nfa()
    start = nfa.state()
    accept = nfa.build(Ref(public), start, rules)

    # Null transitions are followed once per NFA state: its word arcs are those of every state it reaches by
    # null transitions, and it accepts if one of them is the end. The subset construction then works on sets of
    # the states that words lead to, which are far smaller than their closures.
    arcs_of: dict[int, list[tuple[str, int]]] = {}
    accepts: dict[int, bool] = {}

    def expand(state: int) -> list[tuple[str, int]]:
        found = arcs_of.get(state)
        if found is None:
            seen = {state}
            stack = [state]
            while stack:
                for nxt in nfa.nulls[stack.pop()]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            found = arcs_of[state] = [arc for member in seen for arc in nfa.words[member]]
            accepts[state] = accept in seen
        return found

    first = frozenset([start])
    ids = {first: 0}
    sets = [first]
    dfa = Automaton()
    while len(dfa.arcs) < len(sets):
        current = sets[len(dfa.arcs)]
        moves: dict[str, set[int]] = {}
        final = False
        for state in current:
            for word, nxt in expand(state):
                moves.setdefault(word, set()).add(nxt)
            final = final or accepts[state]
        arcs: dict[str, int] = {}
        for word, targets in moves.items():
            key = frozenset(targets)
            if key not in ids:
                ids[key] = len(sets)
                sets.append(key)
            arcs[word] = ids[key]
        dfa.arcs.append(arcs)
        if final:
            dfa.final.add(len(dfa.arcs) - 1)
    return _minimize(_trim(dfa))


def _trim(dfa: Automaton) -> Automaton:
    """Drops the states from which no path reaches a final state (the <VOID> dead ends)."""
    alive = set(dfa.final)
    changed = True
    while changed:
        changed = False
        for state, arcs in enumerate(dfa.arcs):
            if state not in alive and any(t in alive for t in arcs.values()):
                alive.add(state)
                changed = True
    for arcs in dfa.arcs:
        for word in [w for w, t in arcs.items() if t not in alive]:
            del arcs[word]
    return dfa


def _minimize(dfa: Automaton) -> Automaton:
    """Merges states with the same future; exact for an acyclic automaton (Revuz's method, by signatures)."""
    classes: dict[tuple[bool, tuple[tuple[str, int], ...]], int] = {}
    class_of: dict[int, int] = {}
    order: list[int] = []  # states in post-order: every state after the states it leads to
    seen: set[int] = set()
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        state, expanded = stack.pop()
        if expanded:
            order.append(state)
            continue
        if state in seen:
            continue
        seen.add(state)
        stack.append((state, True))
        stack.extend((t, False) for t in dfa.arcs[state].values() if t not in seen)
    for state in order:
        signature = (
            state in dfa.final,
            tuple(sorted((w, class_of[t]) for w, t in dfa.arcs[state].items())),
        )
        class_of[state] = classes.setdefault(signature, len(classes))
    # Renumber so that the start state is 0.
    number: dict[int, int] = {class_of[0]: 0}
    minimal = Automaton()
    queue = [class_of[0]]
    by_class = {c: s for s, c in class_of.items()}
    while len(minimal.arcs) < len(queue):
        representative = by_class[queue[len(minimal.arcs)]]
        arcs: dict[str, int] = {}
        for word, target in dfa.arcs[representative].items():
            cls = class_of[target]
            if cls not in number:
                number[cls] = len(queue)
                queue.append(cls)
            arcs[word] = number[cls]
        minimal.arcs.append(arcs)
        if representative in dfa.final:
            minimal.final.add(len(minimal.arcs) - 1)
    return minimal
