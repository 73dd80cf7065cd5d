"""Comparing records: statements, demands and events. Pure functions over records, no text.

Every comparison returns a frozen record that explains itself: which records, which rule, a
score and a reason in words. The word lists the rules use (hedges, conditionals, near-synonyms,
figure descriptors, opposed stances, related topics) live in ``data/compare.json``, read once
on first use.

The rules, in short (``docs/compare.md`` has them in full):

- Two statements contradict each other only when they come from one side: the same speaker, or
  two speakers whose ``side`` is the same country. Different sides that disagree *oppose* each
  other (that is a gap between positions, not a contradiction); an unknown speaker is never
  part of a contradiction.
- ``opposite-stance``: a shared topic, stances that cannot both hold (demand against disavow or
  reject, accept against reject), objects that do not exclude each other, and neither statement
  hedged ("parts of", "some", "other") nor a conditional refusal ("not before talks").
- ``figure-mismatch``: the same kind of figure with different values that cannot both be true,
  close enough (within a ratio) to count the same thing, with the same descriptors ("wounded")
  and scope ("since 2022"), in similar wording.
- ``denial-presupposed``: one speaker denies something (a negated statement with no stance)
  and elsewhere says something that presupposes it, about a shared object or key term
  ("wording" and "formulations" are one key term).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import heapq
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, Literal, TypeVar

import attrs
import regex

from peacetalks._model import Actor, Demand, Event, Figure, Place, Statement, TimePoint
from peacetalks._vocab import (
    EventType,
    FigureKind,
    Modality,
    PlaceKind,
    Polarity,
    Qualifier,
    TimeKind,
    Topic,
    _Word,
)

_R = TypeVar("_R")

__all__ = [
    "CommonGround",
    "Comparison",
    "Contradiction",
    "DemandChange",
    "DemandDiff",
    "EventCluster",
    "Gap",
    "HistoryEntry",
    "Relation",
    "common_ground",
    "compare_statements",
    "demand_history",
    "diff_demands",
    "find_contradictions",
    "merge_events",
    "position_gaps",
    "same_event",
]


# ---------------------------------------------------------------------------------------------
# Vocabularies of the results


class Relation(_Word):
    """How two statements relate (``Comparison.relation``).

    ``contradicts``: one side says two things that cannot both hold. ``repeats``: one side says
    the same thing again. ``agrees``: compatible stances on a shared topic. ``opposes``: two
    different sides take stances that cannot both hold (a gap, see ``position_gaps``).
    ``compatible``: a shared topic and nothing that clashes (partial or conditional stances,
    figures of different things). ``unrelated``: no shared topic, or a side that is unknown.

    >>> Relation("contradicts")
    Relation.CONTRADICTS
    """

    CONTRADICTS = "contradicts"
    REPEATS = "repeats"
    AGREES = "agrees"
    OPPOSES = "opposes"
    COMPATIBLE = "compatible"
    UNRELATED = "unrelated"


StatementRule = Literal[
    "same-record",
    "repetition",
    "opposite-stance",
    "figure-mismatch",
    "denial-presupposed",
    "partial-stance",
    "conditional-stance",
    "same-stance",
    "different-objects",
    "broad-topic",
    "consistent",
    "unknown-side",
    "no-shared-topic",
]
ContradictionRule = Literal["opposite-stance", "figure-mismatch", "denial-presupposed"]
GapRule = Literal["demand-rejected", "offer-rejected", "mutual-demands"]
CommonRule = Literal["both-demand", "demand-accepted", "both-accept"]
ChangeKind = Literal["added", "dropped", "kept", "hardened", "softened", "changed"]

_CONTRADICTION_RULES: frozenset[str] = frozenset(
    {"opposite-stance", "figure-mismatch", "denial-presupposed"}
)
# How sure each contradiction rule is on its own, before the records' own confidence.
_RULE_STRENGTH: dict[str, float] = {
    "opposite-stance": 0.9,
    "figure-mismatch": 0.8,
    "denial-presupposed": 0.7,
}


# ---------------------------------------------------------------------------------------------
# The word lists, read once


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


def _stem(word: str) -> str:
    """A light, predictable stemmer: enough to match plurals and past forms."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _stems(text: str) -> list[str]:
    return [_stem(word) for word in _WORD.findall(text.casefold())]


@attrs.frozen
class _Phrases:
    """A list of phrases split into single words (a set lookup) and longer phrases."""

    singles: Mapping[str, str]
    multis: tuple[tuple[str, str], ...]

    def find(self, tokens: frozenset[str], padded: str) -> frozenset[str]:
        found = {self.singles[word] for word in tokens if word in self.singles}
        found.update(label for phrase, label in self.multis if phrase in padded)
        return frozenset(found)

    def any(self, tokens: frozenset[str], padded: str) -> bool:
        return not tokens.isdisjoint(self.singles) or any(p in padded for p, _ in self.multis)


@attrs.frozen
class _Canon:
    """Turns text into stemmed words with near-synonyms replaced by their group's first word."""

    synonyms: Mapping[str, str]
    phrases: regex.Pattern[str] | None
    phrase_labels: Mapping[str, str]

    @classmethod
    def of(cls, groups: Iterable[Sequence[str]]) -> _Canon:
        synonyms: dict[str, str] = {}
        labels: dict[str, str] = {}
        for group in groups:
            label = "_".join(_stems(group[0]))
            for entry in group:
                words = _stems(entry)
                if len(words) == 1:
                    synonyms[words[0]] = label
                else:
                    labels[" " + " ".join(words) + " "] = " " + label + " "
        longest_first = sorted(labels, key=len, reverse=True)
        pattern = regex.compile("|".join(map(regex.escape, longest_first))) if labels else None
        return cls(synonyms, pattern, labels)

    def tokens(self, text: str) -> tuple[str, ...]:
        padded = " " + " ".join(_stems(text)) + " "
        if self.phrases is not None:
            padded = self.phrases.sub(lambda m: self.phrase_labels[m.group()], padded)
        return tuple(self.synonyms.get(word, word) for word in padded.split())

    def padded(self, text: str) -> str:
        return " " + " ".join(self.tokens(text)) + " "

    def phrase_list(self, groups: Iterable[Sequence[str]]) -> _Phrases:
        """Groups of phrases, each labelled by its first entry, in this canon's words."""
        singles: dict[str, str] = {}
        multis: list[tuple[str, str]] = []
        for group in groups:
            for entry in group:
                words = self.tokens(entry)
                if len(words) == 1:
                    singles[words[0]] = group[0]
                elif words:
                    multis.append((" " + " ".join(words) + " ", group[0]))
        return _Phrases(singles, tuple(multis))


@attrs.frozen
class _Lexicon:
    canon: _Canon
    opposed: frozenset[frozenset[Polarity]]
    agreeing: frozenset[frozenset[Polarity]]
    gap: frozenset[frozenset[Polarity]]
    common: frozenset[frozenset[Polarity]]
    related: Mapping[Topic, frozenset[Topic]]
    broad: frozenset[Topic]
    stopwords: frozenset[str]
    hedges: _Phrases
    hedge_exceptions: tuple[str, ...]
    conditionals: _Phrases
    key_terms: _Phrases
    descriptors: _Phrases
    cumulative: _Phrases
    figure_max_ratio: float
    figure_min_overlap: float
    repeat_min_overlap: float


def _pairs(rows: Iterable[Sequence[str]]) -> frozenset[frozenset[Polarity]]:
    return frozenset(frozenset(Polarity(word) for word in row) for row in rows)


@functools.cache
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = json.loads(
        resources.files("peacetalks").joinpath("data/compare.json").read_text(encoding="utf-8")
    )
    canon = _Canon.of(data["synonyms"])
    related: dict[Topic, set[Topic]] = defaultdict(set)
    for first, second in data["related_topics"]:
        related[Topic(first)].add(Topic(second))
        related[Topic(second)].add(Topic(first))
    return _Lexicon(
        canon=canon,
        opposed=_pairs(data["opposed_stances"]),
        agreeing=_pairs(data["agreeing_stances"]),
        gap=_pairs(data["gap_stances"]),
        common=_pairs(data["common_stances"]),
        related={topic: frozenset(others) for topic, others in related.items()},
        broad=frozenset(Topic(word) for word in data["broad_topics"]),
        stopwords=frozenset(_stem(word) for word in data["stopwords"]),
        hedges=canon.phrase_list([word] for word in data["hedges"]),
        hedge_exceptions=tuple(canon.padded(phrase) for phrase in data["hedge_exceptions"]),
        conditionals=canon.phrase_list([word] for word in data["conditionals"]),
        key_terms=canon.phrase_list(data["key_terms"]),
        descriptors=canon.phrase_list(data["figure_descriptors"]),
        cumulative=canon.phrase_list([word] for word in data["cumulative_markers"]),
        figure_max_ratio=float(data["figure_max_ratio"]),
        figure_min_overlap=float(data["figure_min_overlap"]),
        repeat_min_overlap=float(data["repeat_min_overlap"]),
    )


# ---------------------------------------------------------------------------------------------
# What a statement's text says, as far as the rules need it


@attrs.frozen
class _Reading:
    content: frozenset[str]
    terms: frozenset[str]
    descriptors: frozenset[str]
    hedged: bool
    conditional: bool
    cumulative: bool


def _read(text: str, lexicon: _Lexicon) -> _Reading:
    tokens = lexicon.canon.tokens(text)
    padded = " " + " ".join(tokens) + " "
    words = frozenset(tokens)
    unhedged = padded
    for phrase in lexicon.hedge_exceptions:
        unhedged = unhedged.replace(phrase, " ")
    return _Reading(
        content=frozenset(t for t in words if t not in lexicon.stopwords and not t.isdigit()),
        terms=lexicon.key_terms.find(words, padded),
        descriptors=lexicon.descriptors.find(words, padded),
        hedged=lexicon.hedges.any(frozenset(unhedged.split()), unhedged),
        conditional=lexicon.conditionals.any(words, padded),
        cumulative=lexicon.cumulative.any(words, padded),
    )


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """The overlap coefficient: shared words over the smaller set's size."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


# ---------------------------------------------------------------------------------------------
# Sides


def _state_code(actor_id: str | None) -> str | None:
    """``state:rus`` -> ``RUS``; any other id -> ``None``."""
    if actor_id is not None and actor_id.startswith("state:"):
        code = actor_id[6:]
        if len(code) == 3 and code.isascii() and code.isalpha():
            return code.upper()
    return None


def _statement_side(statement: Statement) -> str | None:
    return statement.side or _state_code(statement.speaker)


def _same_side(first: Statement, second: Statement) -> bool | None:
    """True for one side, False for two, None when a speaker or a side is unknown."""
    if first.speaker is None or second.speaker is None:
        return None
    if first.speaker == second.speaker:
        return True
    first_side, second_side = _statement_side(first), _statement_side(second)
    if first_side is None or second_side is None:
        return None
    return first_side == second_side


@attrs.frozen
class _Party:
    """A side as the caller names it: a country code, or an actor id."""

    code: str | None
    actor: str | None

    @classmethod
    def parse(cls, spec: str) -> _Party:
        if len(spec) == 3 and spec.isascii() and spec.isalpha():
            return cls(spec.upper(), None)
        return cls(_state_code(spec), spec)

    def holds(self, holder: str, side: str | None, actors: Mapping[str, Actor] | None) -> bool:
        if self.actor is not None and holder == self.actor:
            return True
        return self.code is not None and _country_of(holder, side, actors) == self.code


def _country_of(
    actor_id: str | None, side: str | None, actors: Mapping[str, Actor] | None
) -> str | None:
    if side is not None:
        return side
    if actor_id is None:
        return None
    code = _state_code(actor_id)
    if code is None and actors is not None and actor_id in actors:
        code = actors[actor_id].country
    return code


# ---------------------------------------------------------------------------------------------
# Figures


def _figure_range(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, given its qualifier ("at least 8" allows 8 and more)."""
    value = float(figure.value)
    qualifier = figure.qualifier
    if qualifier is None:
        return value, value
    if qualifier is Qualifier.AT_LEAST:
        return value, math.inf
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, math.inf
    if qualifier in (Qualifier.AT_MOST, Qualifier.UP_TO):
        return 0.0, value
    if qualifier is Qualifier.FEWER_THAN:
        return 0.0, max(0.0, value - 1)
    if qualifier is Qualifier.NEARLY:
        return math.floor(value * 0.9), value
    return math.floor(value * 0.9), math.ceil(value * 1.1)  # about


def _figures_agree(first: Figure, second: Figure) -> bool:
    low_a, high_a = _figure_range(first)
    low_b, high_b = _figure_range(second)
    return low_a <= high_b and low_b <= high_a


def _figure_of(figures: tuple[Figure, ...], kind: FigureKind) -> Figure | None:
    return next((figure for figure in figures if figure.kind is kind), None)


# ---------------------------------------------------------------------------------------------
# compare_statements


@attrs.frozen(kw_only=True)
class Comparison:
    """How two statements relate, by which rule, how strongly, and why.

    ``first`` and ``second`` are the statements as given; ``relation``, ``rule``, ``topic``,
    ``score`` and ``reason`` do not depend on their order.

    >>> from peacetalks import Span, Statement
    >>> a = Statement(id="s1", span=Span(0, 4), text="lift", speaker="gov:kremlin", side="RUS",
    ...               topics=["sanctions"], polarity="demand")
    >>> compare_statements(a, a).relation
    Relation.REPEATS
    """

    first: Statement
    second: Statement
    relation: Relation
    rule: StatementRule
    topic: Topic | None
    score: float
    reason: str


@attrs.frozen(kw_only=True)
class Contradiction:
    """Two statements of one side that cannot both hold.

    ``first`` comes before ``second`` in the input; ``rule`` is ``opposite-stance``,
    ``figure-mismatch`` or ``denial-presupposed``; ``score`` is the rule's strength times the
    lower of the two statements' confidence.
    """

    first: Statement
    second: Statement
    topic: Topic | None
    rule: ContradictionRule
    score: float
    reason: str


def _order_key(statement: Statement) -> tuple[str, str, str, str]:
    return (statement.id, statement.speaker or "", statement.side or "", statement.text)


def _who(statement: Statement) -> str:
    side = _statement_side(statement)
    who = statement.speaker or "an unknown speaker"
    return f"{who} ({side})" if side else who


def _stance(statement: Statement) -> str:
    if statement.polarity is not None:
        return f"{statement.polarity.value}s"
    return "denies" if statement.negated else "states"


def _first_topic(topics: Iterable[Topic]) -> Topic | None:
    order = list(Topic)
    return min(topics, key=order.index, default=None)


def _objects_compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    return not first or not second or not set(first).isdisjoint(second)


def _anchored(topics: set[Topic], x: Statement, rx: _Reading, y: Statement, ry: _Reading) -> bool:
    """Whether opposite stances on ``topics`` are about one thing.

    A broad topic (negotiation: formats, venues, proposals, amendments) needs a shared object,
    key term or content word; on a narrow one (sanctions, territory) the topic is enough.
    """
    if not topics <= _lexicon().broad:
        return True
    return (
        not set(x.objects).isdisjoint(y.objects)
        or not rx.terms.isdisjoint(ry.terms)
        or not rx.content.isdisjoint(ry.content)
    )


def _is_denial(statement: Statement) -> bool:
    return statement.negated and statement.polarity is None


def _refusal_is_conditional(statement: Statement, reading: _Reading) -> bool:
    # "no ceasefire before talks", "we accept only after guarantees": a refusal or acceptance
    # with a condition is not the flat opposite of a demand; a conditional demand still is.
    return reading.conditional and statement.polarity in (
        Polarity.ACCEPT,
        Polarity.REJECT,
        Polarity.DISAVOW,
    )


@attrs.frozen
class _Outcome:
    relation: Relation
    rule: StatementRule
    topic: Topic | None
    score: float
    reason: str


def _figure_conflict(
    first: Statement, first_reading: _Reading, second: Statement, second_reading: _Reading
) -> tuple[Figure, Figure] | None:
    lexicon = _lexicon()
    if not first.figures or not second.figures:
        return None
    if first_reading.descriptors != second_reading.descriptors:
        return None
    if first_reading.cumulative != second_reading.cumulative:
        return None
    if not _objects_compatible(first.objects, second.objects):
        return None
    if _overlap(first_reading.content, second_reading.content) < lexicon.figure_min_overlap:
        return None
    for kind in FigureKind:
        one, other = _figure_of(first.figures, kind), _figure_of(second.figures, kind)
        if one is None or other is None or _figures_agree(one, other):
            continue
        low, high = sorted((one.value, other.value))
        if low > 0 and high / low <= lexicon.figure_max_ratio:
            return one, other
    return None


def _is_repeat(
    first: Statement, first_reading: _Reading, second: Statement, second_reading: _Reading
) -> bool:
    if (
        first.polarity != second.polarity
        or first.negated != second.negated
        or set(first.topics) != set(second.topics)
        or set(first.objects) != set(second.objects)
        or set(first.figures) != set(second.figures)
    ):
        return False
    if first.text.strip().casefold() == second.text.strip().casefold():
        return True
    return _overlap(first_reading.content, second_reading.content) >= _lexicon().repeat_min_overlap


def _judge(x: Statement, rx: _Reading, y: Statement, ry: _Reading) -> _Outcome:
    """The relation of two statements, given in a fixed order so the result is symmetric."""
    lexicon = _lexicon()
    if x == y:
        return _Outcome(
            Relation.REPEATS, "same-record", _first_topic(x.topics), 1.0, "the same record twice"
        )
    shared = set(x.topics) & set(y.topics)
    topic = _first_topic(shared)
    topic_word = topic.value if topic is not None else "the same thing"
    strength = min(x.confidence, y.confidence)
    side = _same_side(x, y)
    stances = (
        frozenset((x.polarity, y.polarity))
        if x.polarity is not None and y.polarity is not None
        else None
    )
    objects_ok = _objects_compatible(x.objects, y.objects)
    topics_ok = bool(shared) or not x.topics or not y.topics

    if side is None:
        return _Outcome(
            Relation.UNRELATED,
            "unknown-side",
            topic,
            0.0,
            f"{x.id} and {y.id}: a speaker or a side is unknown, so one side cannot be told from two",
        )

    if side is False:
        if shared and stances in lexicon.opposed and objects_ok and _anchored(shared, x, rx, y, ry):
            return _Outcome(
                Relation.OPPOSES,
                "opposite-stance",
                topic,
                _RULE_STRENGTH["opposite-stance"] * strength,
                f"{_who(x)} {_stance(x)} and {_who(y)} {_stance(y)} {topic_word} "
                f"({x.id}, {y.id}): two sides apart, a gap rather than a contradiction",
            )
        if topics_ok and (clash := _figure_conflict(x, rx, y, ry)) is not None:
            return _Outcome(
                Relation.OPPOSES,
                "figure-mismatch",
                topic,
                _RULE_STRENGTH["figure-mismatch"] * strength,
                f"{_who(x)} gives {clash[0].value} and {_who(y)} {clash[1].value} "
                f"{clash[0].kind.value} ({x.id}, {y.id}): two sides disagree on a number",
            )
        if shared and stances in lexicon.agreeing and objects_ok:
            return _Outcome(
                Relation.AGREES,
                "same-stance",
                topic,
                0.5 + 0.5 * _overlap(rx.content, ry.content),
                f"{_who(x)} and {_who(y)} take compatible stances on {topic_word} ({x.id}, {y.id})",
            )
        if shared:
            return _Outcome(
                Relation.COMPATIBLE,
                "consistent" if objects_ok else "different-objects",
                topic,
                0.0,
                f"{_who(x)} and {_who(y)} both speak of {topic_word} without a clash ({x.id}, {y.id})",
            )
        return _Outcome(
            Relation.UNRELATED,
            "no-shared-topic",
            None,
            0.0,
            f"{x.id} and {y.id} share no topic",
        )

    if _is_repeat(x, rx, y, ry):
        return _Outcome(
            Relation.REPEATS,
            "repetition",
            topic,
            max(_overlap(rx.content, ry.content), 0.5),
            f"{_who(y)} says again what {x.id} says ({y.id})",
        )

    settled: _Outcome | None = None  # a reason why an apparent clash is not a contradiction
    if shared and stances in lexicon.opposed:
        if not objects_ok:
            settled = _Outcome(
                Relation.COMPATIBLE,
                "different-objects",
                topic,
                0.0,
                f"{x.id} and {y.id} take opposite stances on {topic_word} about different things "
                f"({', '.join(sorted(x.objects))} against {', '.join(sorted(y.objects))})",
            )
        elif rx.hedged or ry.hedged:
            settled = _Outcome(
                Relation.COMPATIBLE,
                "partial-stance",
                topic,
                0.0,
                f"{x.id} {_stance(x)} and {y.id} {_stance(y)} {topic_word}, but a hedge "
                "(parts of, some, other) makes at least one a partial stance",
            )
        elif _refusal_is_conditional(x, rx) or _refusal_is_conditional(y, ry):
            settled = _Outcome(
                Relation.COMPATIBLE,
                "conditional-stance",
                topic,
                0.0,
                f"{x.id} {_stance(x)} and {y.id} {_stance(y)} {topic_word}, but one stance holds "
                "only under a condition (unless, until, before, without)",
            )
        elif not _anchored(shared, x, rx, y, ry):
            settled = _Outcome(
                Relation.COMPATIBLE,
                "broad-topic",
                topic,
                0.0,
                f"{x.id} {_stance(x)} and {y.id} {_stance(y)} {topic_word}, a broad topic, "
                "with no object or word in common to show they are about one thing",
            )
        else:
            return _Outcome(
                Relation.CONTRADICTS,
                "opposite-stance",
                topic,
                _RULE_STRENGTH["opposite-stance"] * strength,
                f"{_who(x)} {_stance(x)} {topic_word} ({x.id}) while {_who(y)} "
                f"{_stance(y)} it ({y.id}): one side cannot hold both",
            )

    if topics_ok and (clash := _figure_conflict(x, rx, y, ry)) is not None:
        return _Outcome(
            Relation.CONTRADICTS,
            "figure-mismatch",
            topic,
            _RULE_STRENGTH["figure-mismatch"] * strength,
            f"{_who(x)} gives {clash[0].value} {clash[0].kind.value} ({x.id}) and {_who(y)} "
            f"{clash[1].value} ({y.id}) for what reads as the same count",
        )

    if shared and x.speaker == y.speaker and _is_denial(x) != _is_denial(y):
        denial, claim = (x, y) if _is_denial(x) else (y, x)
        denial_reading, claim_reading = (rx, ry) if denial is x else (ry, rx)
        anchors = (set(denial.objects) & set(claim.objects)) | (
            denial_reading.terms & claim_reading.terms
        )
        if anchors:
            return _Outcome(
                Relation.CONTRADICTS,
                "denial-presupposed",
                topic,
                _RULE_STRENGTH["denial-presupposed"] * strength,
                f"{_who(denial)} denies something about {', '.join(sorted(anchors))} "
                f"({denial.id}) and elsewhere presupposes it ({claim.id})",
            )

    if settled is not None:
        return settled
    if shared and stances in lexicon.agreeing and objects_ok:
        return _Outcome(
            Relation.AGREES,
            "same-stance",
            topic,
            0.5 + 0.5 * _overlap(rx.content, ry.content),
            f"{_who(x)} and {_who(y)} take compatible stances on {topic_word} ({x.id}, {y.id})",
        )
    if shared:
        return _Outcome(
            Relation.COMPATIBLE,
            "consistent" if objects_ok else "different-objects",
            topic,
            0.0,
            f"{x.id} and {y.id} both speak of {topic_word} without a clash",
        )
    return _Outcome(
        Relation.UNRELATED, "no-shared-topic", None, 0.0, f"{x.id} and {y.id} share no topic"
    )


def _compare(a: Statement, ra: _Reading, b: Statement, rb: _Reading) -> _Outcome:
    # judge the pair in an order of their own, so the outcome does not depend on the call's
    key_a, key_b = _order_key(a), _order_key(b)
    if key_b < key_a or (key_a == key_b and repr(b) < repr(a)):
        return _judge(b, rb, a, ra)
    return _judge(a, ra, b, rb)


# ---------------------------------------------------------------------------------------------
# Arguments: a wrong one fails at once with a message that says what was expected


def _record(value: object, cls: type, caller: str) -> None:
    if not isinstance(value, cls):
        raise TypeError(f"{caller}() takes {cls.__name__} records, got {type(value).__name__}")


def _records(values: object, cls: type[_R], caller: str) -> list[_R]:
    """The records of an iterable argument, read once, each checked to be a ``cls``."""
    if isinstance(values, (str, bytes, bytearray, Mapping)) or not isinstance(values, Iterable):
        raise TypeError(
            f"{caller}() takes an iterable of {cls.__name__} records, got {type(values).__name__}"
        )
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise TypeError(
                f"{caller}() takes {cls.__name__} records, got {type(item).__name__} "
                f"at position {index}"
            )
    return items


def _mapping(value: object, cls: type, name: str, caller: str) -> None:
    if value is not None and not isinstance(value, Mapping):
        raise TypeError(
            f"{caller}(): {name} must be a mapping of ids to {cls.__name__} records or None, "
            f"got {type(value).__name__}"
        )


def _sides(a: object, b: object, actors: object, caller: str) -> None:
    for value in (a, b):
        if not isinstance(value, str):
            raise TypeError(
                f"{caller}() takes a side as a str (a country code such as 'RUS' or an actor "
                f"id), got {type(value).__name__}"
            )
        if not value.strip():
            raise ValueError(f"{caller}() takes a side as a country code or an actor id, got ''")
    _mapping(actors, Actor, "actors", caller)


def compare_statements(a: Statement, b: Statement, /) -> Comparison:
    """How statement ``a`` relates to statement ``b``: the relation, the rule, a score, why.

    Symmetric: ``compare_statements(b, a)`` has the same relation, rule, topic, score and
    reason. Statements are compared by their records alone (speaker, side, topics, polarity,
    negation, objects, figures, and the words of ``text``), never the article.

    >>> from peacetalks import Span, Statement
    >>> def said(sid, speaker, text, **summary):
    ...     return Statement(id=sid, span=Span(0, len(text)), text=text, speaker=speaker,
    ...                      side="RUS", **summary)
    >>> flights = said("s1", "person:sergey-lavrov",
    ...     "flights should resume only once Washington lifts the sanctions on Aeroflot",
    ...     topics=["sanctions"], polarity="demand", objects=["org:aeroflot"])
    >>> relief = said("s2", "person:kirill-dmitriev", "Russia is not seeking sanctions relief",
    ...     topics=["sanctions"], polarity="disavow", negated=True)
    >>> result = compare_statements(flights, relief)
    >>> result.relation, result.rule, result.topic
    (Relation.CONTRADICTS, 'opposite-stance', Topic.SANCTIONS)
    >>> compare_statements(relief, flights).rule
    'opposite-stance'
    """
    _record(a, Statement, "compare_statements")
    _record(b, Statement, "compare_statements")
    lexicon = _lexicon()
    outcome = _compare(a, _read(a.text, lexicon), b, _read(b.text, lexicon))
    return Comparison(
        first=a,
        second=b,
        relation=outcome.relation,
        rule=outcome.rule,
        topic=outcome.topic,
        score=round(outcome.score, 6),
        reason=outcome.reason,
    )


# ---------------------------------------------------------------------------------------------
# find_contradictions: candidate pairs from indexes, each checked by the same rules


def _bounds(point: TimePoint | None) -> tuple[int | None, int | None]:
    if point is None or point.kind not in (TimeKind.DATE, TimeKind.TIME):
        return None, None
    return (
        point.earliest.toordinal() if point.earliest is not None else None,
        point.latest.toordinal() if point.latest is not None else None,
    )


def _within(
    first: tuple[int | None, int | None], second: tuple[int | None, int | None], days: int
) -> bool:
    """Whether two intervals lie within ``days`` of each other; an unknown edge never excludes."""
    if first[0] is not None and second[1] is not None and first[0] - second[1] > days:
        return False
    return not (second[0] is not None and first[1] is not None and second[0] - first[1] > days)


def _cross(
    left: Sequence[int],
    right: Sequence[int],
    bounds: Sequence[tuple[int | None, int | None]],
    days: int | None,
) -> Iterator[tuple[int, int]]:
    """Pairs (i from left, j from right) whose dates lie within ``days`` of each other."""
    if days is None:
        for i in left:
            for j in right:
                yield i, j
        return
    dated = sorted(
        (j for j in right if bounds[j][0] is not None and bounds[j][1] is not None),
        key=lambda j: bounds[j][0] or 0,
    )
    undated = [j for j in right if bounds[j][0] is None or bounds[j][1] is None]
    starts = [bounds[j][0] or 0 for j in dated]
    widest = max(((bounds[j][1] or 0) - (bounds[j][0] or 0) for j in dated), default=0)
    for i in left:
        early, late = bounds[i]
        for j in undated:
            yield i, j
        if early is None or late is None:
            for j in dated:
                yield i, j
            continue
        start = bisect.bisect_left(starts, early - days - widest)
        stop = bisect.bisect_right(starts, late + days)
        for j in dated[start:stop]:
            if _within(bounds[i], bounds[j], days):
                yield i, j


def _candidates(
    statements: Sequence[Statement], readings: Sequence[_Reading], days: int | None
) -> Iterator[tuple[int, int]]:
    """Every pair that one of the contradiction rules could accept (and some it will not)."""
    lexicon = _lexicon()
    bounds = [_bounds(s.date) for s in statements]
    sides = [_statement_side(s) for s in statements]
    # Statements are grouped by side, and also by speaker so that a statement whose side is
    # unknown meets the speaker's other statements: two statements of one side share a group.
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (statement, side) in enumerate(zip(statements, sides, strict=True)):
        if statement.speaker is None:
            continue
        if side is not None:
            groups["side", side].append(index)
        groups["speaker", statement.speaker].append(index)

    for (kind, _), members in groups.items():
        if kind == "speaker" and all(sides[i] is not None for i in members):
            continue  # every pair here already met in its side's group

        def fresh(pairs: Iterable[tuple[int, int]], kind: str = kind) -> Iterator[tuple[int, int]]:
            # in a speaker's group, only pairs with a side unknown are new
            return (
                (i, j) for i, j in pairs if kind == "side" or sides[i] is None or sides[j] is None
            )

        by_stance: dict[tuple[Topic, Polarity], list[int]] = defaultdict(list)
        by_kind: dict[FigureKind, list[tuple[int, int]]] = defaultdict(list)
        for i in members:
            polarity = statements[i].polarity
            if polarity is not None:
                for topic in set(statements[i].topics):
                    by_stance[topic, polarity].append(i)
            for figure in statements[i].figures:
                by_kind[figure.kind].append((figure.value, i))
        # opposite stances on one topic
        for topic in {topic for topic, _ in by_stance}:
            for pair in lexicon.opposed:
                one, other = sorted(pair)
                left, right = by_stance.get((topic, one), []), by_stance.get((topic, other), [])
                yield from fresh(_cross(left, right, bounds, days))
        # figures of one kind whose values lie within the ratio of each other
        for valued in by_kind.values():
            valued.sort()
            close: list[tuple[int, int]] = []
            for position, (value, i) in enumerate(valued):
                limit = value * lexicon.figure_max_ratio
                for next_value, j in valued[position + 1 :]:
                    if next_value > limit:
                        break
                    if days is None or _within(bounds[i], bounds[j], days):
                        close.append((i, j))
            yield from fresh(close)

    # denials and what could presuppose them: one speaker, one topic, one shared anchor
    anchored: dict[tuple[str, Topic, str], tuple[list[int], list[int]]] = defaultdict(
        lambda: ([], [])
    )
    for index, statement in enumerate(statements):
        if statement.speaker is None or not statement.topics:
            continue
        anchors = set(statement.objects) | {f"term:{t}" for t in readings[index].terms}
        slot = 0 if _is_denial(statement) else 1
        for topic in set(statement.topics):
            for anchor in anchors:
                anchored[statement.speaker, topic, anchor][slot].append(index)
    for denials, claims in anchored.values():
        yield from _cross(denials, claims, bounds, days)


def find_contradictions(
    statements: Iterable[Statement], /, *, within_days: int | None = None
) -> list[Contradiction]:
    """Pairs of statements of one side that cannot both hold, in input order.

    A pair is returned when ``compare_statements`` finds it ``contradicts`` (by the
    ``opposite-stance``, ``figure-mismatch`` or ``denial-presupposed`` rule); the set of pairs
    does not depend on the order of the input. ``first`` is the earlier of the two in the
    input. With ``within_days``, only pairs whose dates lie within that many days of each other
    are compared (an undated statement is compared with every other); use it on a corpus, where
    a change of position months later is a change, not a contradiction (see ``demand_history``).

    Statements are indexed by side and topic, stance, figure and anchor, so the cost is
    ``O(n log n)`` plus the pairs that share a side, a topic and opposing stances.

    >>> from peacetalks import Figure, Span, Statement
    >>> def said(sid, speaker, text, **summary):
    ...     return Statement(id=sid, span=Span(0, len(text)), text=text, speaker=speaker,
    ...                      side="RUS", topics=["prisoners"], **summary)
    >>> kremlin = said("s1", "gov:kremlin", "Russia would hand over 23 gravely wounded Ukrainians",
    ...                figures=[Figure("prisoners", 23)])
    >>> ministry = said("s2", "gov:rus-defence-ministry",
    ...                 "it had handed over 22 severely wounded Ukrainian prisoners",
    ...                 figures=[Figure("prisoners", 22)])
    >>> total = said("s3", "gov:rus-defence-ministry", "175 servicemen were exchanged",
    ...              figures=[Figure("prisoners", 175)])
    >>> [(c.first.id, c.second.id, c.rule) for c in find_contradictions([kremlin, ministry, total])]
    [('s1', 's2', 'figure-mismatch')]
    """
    items = _records(statements, Statement, "find_contradictions")
    if within_days is not None and (
        not isinstance(within_days, int) or isinstance(within_days, bool) or within_days < 0
    ):
        raise ValueError(f"within_days must be a non-negative int or None, got {within_days!r}")
    lexicon = _lexicon()
    readings = [_read(statement.text, lexicon) for statement in items]
    seen: set[tuple[int, int]] = set()
    found: list[tuple[int, int, _Outcome]] = []
    for i, j in _candidates(items, readings, within_days):
        pair = (i, j) if i < j else (j, i)
        if pair[0] == pair[1] or pair in seen:
            continue
        seen.add(pair)
        outcome = _compare(items[pair[0]], readings[pair[0]], items[pair[1]], readings[pair[1]])
        if outcome.relation is Relation.CONTRADICTS:
            found.append((pair[0], pair[1], outcome))
    found.sort(key=lambda row: (row[0], row[1]))
    return [
        Contradiction(
            first=items[i],
            second=items[j],
            topic=outcome.topic,
            rule=_as_contradiction_rule(outcome.rule),
            score=round(outcome.score, 6),
            reason=outcome.reason,
        )
        for i, j, outcome in found
    ]


def _as_contradiction_rule(rule: StatementRule) -> ContradictionRule:
    if rule == "opposite-stance":
        return "opposite-stance"
    if rule == "figure-mismatch":
        return "figure-mismatch"
    return "denial-presupposed"


# ---------------------------------------------------------------------------------------------
# Positions: gaps and common ground between two sides


@attrs.frozen(kw_only=True)
class Gap:
    """Where side ``a`` and side ``b`` stand apart: ``first`` is a's demand, ``second`` b's.

    ``rule`` is ``demand-rejected`` (one demands what the other rejects), ``offer-rejected``
    (one accepts what the other rejects) or ``mutual-demands`` (each demands the opposite of
    the other about the same objects, each aiming at the other). ``topic`` is ``first``'s topic;
    ``related`` says that ``second``'s topic is a related one (recognition against territory).
    """

    first: Demand
    second: Demand
    topic: Topic
    related: bool
    rule: GapRule
    score: float
    reason: str


@attrs.frozen(kw_only=True)
class CommonGround:
    """Where side ``a`` (``first``) and side ``b`` (``second``) accept or demand the same thing.

    ``rule`` is ``both-demand``, ``demand-accepted`` or ``both-accept``.
    """

    first: Demand
    second: Demand
    topic: Topic
    rule: CommonRule
    score: float
    reason: str


def _holds_position(demand: Demand) -> bool:
    # "Russia dropped its demand" and "if Ukraine were to ..." are no current positions
    return demand.modality not in (Modality.DROPPED, Modality.HYPOTHETICAL)


def _side_demands(
    demands: Sequence[Demand], spec: str, actors: Mapping[str, Actor] | None
) -> list[Demand]:
    party = _Party.parse(spec)
    return [d for d in demands if party.holds(d.holder, d.side, actors)]


def _aims_at(demand: Demand, spec: str, actors: Mapping[str, Actor] | None) -> bool:
    return demand.target is not None and _Party.parse(spec).holds(demand.target, None, actors)


def _demand_words(demand: Demand) -> str:
    objects = f" ({', '.join(demand.objects)})" if demand.objects else ""
    return f"{demand.holder} {demand.polarity.value}s {demand.topic.value}{objects} [{demand.id}]"


def position_gaps(
    demands: Iterable[Demand],
    a: str,
    b: str,
    /,
    *,
    actors: Mapping[str, Actor] | None = None,
) -> list[Gap]:
    """Where side ``a`` demands or accepts what side ``b`` rejects, and the reverse.

    Sides are ISO 3166-1 alpha-3 codes (``"RUS"``: every demand whose ``side`` is RUS, or whose
    holder is ``state:rus``, or an actor in ``actors`` with that country) or actor ids
    (``"gov:kremlin"``: that holder's demands only). Topics match when equal or related
    (``territory`` and ``recognition``, ``ceasefire`` and ``negotiation``, ... in
    ``data/compare.json``); objects must not exclude each other (either has none, or they
    share one). Demands reported as dropped or hypothetical hold no position and are skipped.

    >>> from peacetalks import Demand, Span
    >>> def stance(did, holder, side, topic, polarity, objects=()):
    ...     return Demand(id=did, holder=holder, side=side, topic=topic, polarity=polarity,
    ...                   objects=objects, span=Span(0, 0), text="")
    >>> cede = stance("d1", "gov:kremlin", "RUS", "territory", "demand",
    ...               ["place:ua-donetsk-oblast", "place:ua-luhansk-oblast"])
    >>> refuse = stance("d2", "person:volodymyr-zelenskyy", "UKR", "territory", "reject")
    >>> recognise = stance("d3", "gov:kremlin", "RUS", "recognition", "demand",
    ...                    ["place:crimea"])
    >>> [(g.first.id, g.second.id, g.rule, g.related)
    ...  for g in position_gaps([cede, refuse, recognise], "RUS", "UKR")]
    [('d1', 'd2', 'demand-rejected', False), ('d3', 'd2', 'demand-rejected', True)]
    """
    lexicon = _lexicon()
    items = [d for d in _records(demands, Demand, "position_gaps") if _holds_position(d)]
    _sides(a, b, actors, "position_gaps")
    ours, theirs = _side_demands(items, a, actors), _side_demands(items, b, actors)
    by_topic: dict[Topic, list[int]] = defaultdict(list)
    for index, demand in enumerate(theirs):
        by_topic[demand.topic].append(index)
    gaps: list[Gap] = []
    for mine in ours:
        topics = [mine.topic, *sorted(lexicon.related.get(mine.topic, ()), key=list(Topic).index)]
        for topic in topics:
            for index in by_topic.get(topic, []):
                other = theirs[index]
                if mine is other or not _objects_compatible(mine.objects, other.objects):
                    continue
                stances = frozenset((mine.polarity, other.polarity))
                rule: GapRule
                if stances in lexicon.gap:
                    rule = "demand-rejected" if Polarity.DEMAND in stances else "offer-rejected"
                elif (
                    mine.polarity is other.polarity is Polarity.DEMAND
                    and topic is mine.topic
                    and not set(mine.objects).isdisjoint(other.objects)
                    and _aims_at(mine, b, actors)
                    and _aims_at(other, a, actors)
                ):
                    rule = "mutual-demands"
                else:
                    continue
                shared = not set(mine.objects).isdisjoint(other.objects)
                score = (1.0 if shared else 0.8) * (1.0 if topic is mine.topic else 0.75)
                gaps.append(
                    Gap(
                        first=mine,
                        second=other,
                        topic=mine.topic,
                        related=topic is not mine.topic,
                        rule=rule,
                        score=round(score * min(mine.confidence, other.confidence), 6),
                        reason=f"{_demand_words(mine)}; {_demand_words(other)}",
                    )
                )
    return gaps


def common_ground(
    demands: Iterable[Demand],
    a: str,
    b: str,
    /,
    *,
    actors: Mapping[str, Actor] | None = None,
) -> list[CommonGround]:
    """Where side ``a`` and side ``b`` both demand or accept the same thing (same topic).

    Sides are named as in ``position_gaps``. Two demands on one topic are common ground only
    when neither aims at the other side ("Russia demands that Ukraine withdraw" and "Ukraine
    demands that Russia withdraw" are not); objects must not exclude each other.

    >>> from peacetalks import Demand, Span
    >>> def stance(did, holder, side, polarity):
    ...     return Demand(id=did, holder=holder, side=side, topic="prisoners",
    ...                   polarity=polarity, span=Span(0, 0), text="")
    >>> swap = [stance("d1", "gov:kremlin", "RUS", "accept"),
    ...         stance("d2", "person:volodymyr-zelenskyy", "UKR", "demand")]
    >>> [(c.first.id, c.second.id, c.rule) for c in common_ground(swap, "RUS", "UKR")]
    [('d1', 'd2', 'demand-accepted')]
    """
    lexicon = _lexicon()
    items = [d for d in _records(demands, Demand, "common_ground") if _holds_position(d)]
    _sides(a, b, actors, "common_ground")
    ours, theirs = _side_demands(items, a, actors), _side_demands(items, b, actors)
    by_topic: dict[Topic, list[Demand]] = defaultdict(list)
    for demand in theirs:
        by_topic[demand.topic].append(demand)
    found: list[CommonGround] = []
    for mine in ours:
        for other in by_topic.get(mine.topic, []):
            if mine is other or not _objects_compatible(mine.objects, other.objects):
                continue
            stances = frozenset((mine.polarity, other.polarity))
            if stances not in lexicon.common:
                continue
            rule: CommonRule
            if stances == {Polarity.DEMAND}:
                if _aims_at(mine, b, actors) or _aims_at(other, a, actors):
                    continue
                rule = "both-demand"
            else:
                rule = "both-accept" if stances == {Polarity.ACCEPT} else "demand-accepted"
            shared = not set(mine.objects).isdisjoint(other.objects)
            found.append(
                CommonGround(
                    first=mine,
                    second=other,
                    topic=mine.topic,
                    rule=rule,
                    score=round(
                        (1.0 if shared else 0.8) * min(mine.confidence, other.confidence), 6
                    ),
                    reason=f"{_demand_words(mine)}; {_demand_words(other)}",
                )
            )
    return found


# ---------------------------------------------------------------------------------------------
# Demands over time: diff and history


@attrs.frozen(kw_only=True)
class DemandChange:
    """How one party's stance on one topic changed between two sets of demands.

    ``party`` is the side (a country code) or, when the side is unknown, the holder's id.
    ``kind`` is ``added``, ``dropped``, ``kept``, ``hardened``, ``softened`` or ``changed``
    (objects both added and dropped). ``before`` and ``after`` hold the demands compared.
    """

    party: str
    topic: Topic
    polarity: Polarity
    kind: ChangeKind
    before: tuple[Demand, ...]
    after: tuple[Demand, ...]
    added_objects: tuple[str, ...]
    dropped_objects: tuple[str, ...]
    reason: str


@attrs.frozen(kw_only=True)
class DemandDiff:
    """``diff_demands`` grouped by kind of change; ``changes`` lists them all in order."""

    added: tuple[DemandChange, ...] = ()
    dropped: tuple[DemandChange, ...] = ()
    kept: tuple[DemandChange, ...] = ()
    hardened: tuple[DemandChange, ...] = ()
    softened: tuple[DemandChange, ...] = ()
    changed: tuple[DemandChange, ...] = ()

    @property
    def changes(self) -> tuple[DemandChange, ...]:
        """Every change, ordered by party, topic and polarity."""
        every = (
            *self.added,
            *self.dropped,
            *self.kept,
            *self.hardened,
            *self.softened,
            *self.changed,
        )
        return tuple(sorted(every, key=_change_key))


def _change_key(change: DemandChange) -> tuple[str, int, int]:
    return (change.party, list(Topic).index(change.topic), list(Polarity).index(change.polarity))


def _party_of(demand: Demand) -> str:
    return demand.side or _state_code(demand.holder) or demand.holder


def _merge_objects(demands: Iterable[Demand]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(o for d in demands for o in d.objects))


def _change(
    party: str, topic: Topic, polarity: Polarity, before: list[Demand], after: list[Demand]
) -> DemandChange:
    held_before = [d for d in before if d.modality is not Modality.DROPPED]
    held_after = [d for d in after if d.modality is not Modality.DROPPED]
    old, new = _merge_objects(held_before), _merge_objects(held_after)
    added = tuple(o for o in new if o not in old)
    dropped = tuple(o for o in old if o not in new)
    what = f"{party} {polarity.value} {topic.value}"
    kind: ChangeKind
    if not held_after and held_before:
        kind, reason = "dropped", f"{what}: no longer held"
        added, dropped = (), old
    elif held_after and not held_before:
        kind, reason = "added", f"{what}: new"
        added, dropped = new, ()
    elif any(d.modality is Modality.UNCHANGED for d in held_after) and not new:
        kind, reason = "kept", f"{what}: reported unchanged"
        added, dropped = (), ()
    else:
        if not old or not new:
            added, dropped = (), ()  # one side names no objects: nothing to compare them with
        condition_added = any(d.condition for d in held_after) and not any(
            d.condition for d in held_before
        )
        condition_removed = any(d.condition for d in held_before) and not any(
            d.condition for d in held_after
        )
        # asking or refusing more is harder; accepting or disowning more is softer
        more_is_harder = polarity in (Polarity.DEMAND, Polarity.REJECT)
        grew, shrank = bool(added) and not dropped, bool(dropped) and not added
        harder = condition_added or (grew if more_is_harder else shrank)
        softer = condition_removed or (shrank if more_is_harder else grew)
        notes = []
        if added:
            notes.append(f"now also {', '.join(added)}")
        if dropped:
            notes.append(f"no longer {', '.join(dropped)}")
        if condition_added:
            notes.append("a condition added")
        if condition_removed:
            notes.append("its condition removed")
        if (added and dropped) or (harder and softer):
            kind = "changed"
        elif harder:
            kind = "hardened"
        elif softer:
            kind = "softened"
        else:
            kind = "kept"
        reason = f"{what}: " + ("; ".join(notes) if notes else "the same")
    return DemandChange(
        party=party,
        topic=topic,
        polarity=polarity,
        kind=kind,
        before=tuple(before),
        after=tuple(after),
        added_objects=added,
        dropped_objects=dropped,
        reason=reason,
    )


def diff_demands(before: Iterable[Demand], after: Iterable[Demand], /) -> DemandDiff:
    """What changed between two sets of demands, per party (side, else holder), topic, stance.

    ``added``: held after but not before; ``dropped``: held before but not after (or reported
    dropped); ``kept``: the same objects and conditions; ``hardened``: more objects demanded or
    rejected, or a condition added; ``softened``: fewer objects demanded or rejected, more
    accepted or disowned, or a condition removed; ``changed``: objects both added and dropped.
    Hypothetical demands are left out. When either set names no objects, objects are not
    compared.

    >>> from peacetalks import Demand, Span
    >>> def territory(did, *oblasts):
    ...     return Demand(id=did, holder="gov:kremlin", side="RUS", topic="territory",
    ...                   polarity="demand", objects=oblasts, span=Span(0, 0), text="")
    >>> march = [territory("d1", "place:ua-donetsk-oblast", "place:ua-luhansk-oblast")]
    >>> april = [territory("d1", "place:ua-donetsk-oblast", "place:ua-luhansk-oblast",
    ...                    "place:ua-kherson-oblast")]
    >>> diff = diff_demands(march, april)
    >>> [(c.kind, c.added_objects) for c in diff.changes]
    [('hardened', ('place:ua-kherson-oblast',))]
    """
    groups: dict[tuple[str, Topic, Polarity], tuple[list[Demand], list[Demand]]] = defaultdict(
        lambda: ([], [])
    )
    sets = (_records(before, Demand, "diff_demands"), _records(after, Demand, "diff_demands"))
    for slot, demands in enumerate(sets):
        for demand in demands:
            if demand.modality is not Modality.HYPOTHETICAL:
                groups[_party_of(demand), demand.topic, demand.polarity][slot].append(demand)
    sorted_keys = sorted(
        groups,
        key=lambda k: (k[0], list(Topic).index(k[1]), list(Polarity).index(k[2])),
    )
    by_kind: dict[str, list[DemandChange]] = defaultdict(list)
    for key in sorted_keys:
        change = _change(*key, *groups[key])
        if not change.before and not change.after:
            continue
        if change.kind == "dropped" and not any(
            d.modality is not Modality.DROPPED for d in change.before
        ):
            continue  # only ever reported as dropped: nothing held to drop
        by_kind[change.kind].append(change)
    return DemandDiff(
        added=tuple(by_kind["added"]),
        dropped=tuple(by_kind["dropped"]),
        kept=tuple(by_kind["kept"]),
        hardened=tuple(by_kind["hardened"]),
        softened=tuple(by_kind["softened"]),
        changed=tuple(by_kind["changed"]),
    )


@attrs.frozen(kw_only=True)
class HistoryEntry:
    """One stance a holder took, with every demand that states it and when it was seen.

    A stance is a topic, a polarity and a set of objects (and whether it was reported dropped
    or hypothetical: ``modality`` is ``asserted`` for the rest). ``first_seen`` and
    ``last_seen`` are the earliest and latest dates among ``demands`` (``None`` when none is
    dated); ``demands`` are in date order, undated last.
    """

    topic: Topic
    polarity: Polarity
    objects: tuple[str, ...]
    modality: Modality
    first_seen: TimePoint | None
    last_seen: TimePoint | None
    demands: tuple[Demand, ...]


def _latest_key(point: TimePoint) -> tuple[dt.date, dt.date, str]:
    return (point.latest or dt.date.min, point.earliest or dt.date.min, point.value)


def demand_history(
    demands: Iterable[Demand],
    holder: str,
    /,
    *,
    dates: Mapping[str, TimePoint] | None = None,
    actors: Mapping[str, Actor] | None = None,
) -> list[HistoryEntry]:
    """A holder's stances in the order they were first seen, with first and last sightings.

    ``holder`` is an actor id (that holder's demands) or a country code (every demand of that
    side, with ``actors`` as in ``position_gaps``). A demand's date is its own ``date``, else ``dates[demand.id]``
    when given (``Collection.history`` passes each article's publication date there). Each
    entry groups the demands with the same topic, polarity and objects, so a demand that grows
    from three oblasts to five shows as two entries, the second first seen later.

    >>> import datetime as dt
    >>> from peacetalks import Demand, Span, TimePoint
    >>> def month(m):
    ...     last = (dt.date(2025, m + 1, 1) - dt.timedelta(days=1))
    ...     return TimePoint(value=f"2025-{m:02d}", kind="date", granularity="month",
    ...                      earliest=dt.date(2025, m, 1), latest=last)
    >>> def claim(did, m, *oblasts):
    ...     return Demand(id=did, holder="gov:kremlin", side="RUS", topic="territory",
    ...                   polarity="demand", objects=oblasts, date=month(m),
    ...                   span=Span(0, 0), text="")
    >>> three = ("place:ua-donetsk-oblast", "place:ua-luhansk-oblast", "place:ua-zaporizhzhia-oblast")
    >>> history = demand_history([claim("d2", 4, *three, "place:ua-kherson-oblast", "place:crimea"),
    ...                           claim("d1", 3, *three)], "RUS")
    >>> [(len(e.objects), e.first_seen.value, e.last_seen.value) for e in history]
    [(3, '2025-03', '2025-03'), (5, '2025-04', '2025-04')]
    """
    items = _records(demands, Demand, "demand_history")
    _sides(holder, holder, actors, "demand_history")
    _mapping(dates, TimePoint, "dates", "demand_history")
    party = _Party.parse(holder)
    fallback = dates or {}
    groups: dict[tuple[Topic, Polarity, frozenset[str], Modality], list[Demand]] = defaultdict(list)
    when: dict[str, TimePoint | None] = {}
    for demand in items:
        if not party.holds(demand.holder, demand.side, actors):
            continue
        modality: Modality = (
            demand.modality
            if demand.modality in (Modality.DROPPED, Modality.HYPOTHETICAL)
            else Modality.ASSERTED
        )
        groups[demand.topic, demand.polarity, frozenset(demand.objects), modality].append(demand)
        when[demand.id] = demand.date or fallback.get(demand.id)
    entries: list[HistoryEntry] = []
    for (topic, polarity, _, modality), members in groups.items():
        members.sort(key=lambda d: _sort_key(when[d.id]))
        points = [p for p in (when[d.id] for d in members) if p is not None]
        entries.append(
            HistoryEntry(
                topic=topic,
                polarity=polarity,
                objects=_merge_objects(members),
                modality=modality,
                first_seen=min(points, key=lambda p: p.sort_key) if points else None,
                last_seen=max(points, key=_latest_key) if points else None,
                demands=tuple(members),
            )
        )
    entries.sort(
        key=lambda e: (
            _sort_key(e.first_seen),
            list(Topic).index(e.topic),
            list(Polarity).index(e.polarity),
            e.objects,
        )
    )
    return entries


def _sort_key(point: TimePoint | None) -> tuple[dt.date, dt.date, str]:
    return point.sort_key if point is not None else (dt.date.max, dt.date.max, "")


# ---------------------------------------------------------------------------------------------
# Events: same_event and merge_events

# The weights of each field's agreement; unknown fields add nothing and take nothing away.
_WEIGHTS = {"date": 0.35, "location": 0.30, "participants": 0.20, "figures": 0.15}
# One city or region is strong evidence; one country (or a city inside it) much less.
_PLACE_FIT = {"same": 1.0, "same-country": 0.6, "contains": 0.6, "unknown": 0.0}
_MERGE_AT = 0.7
_FIGURE_DAYS = 30  # the widest date (latest - earliest) at which date and figure reach 0.7


def _place_country(place_id: str, places: Mapping[str, Place] | None) -> tuple[bool, str | None]:
    """(is a country, the alpha-3 code it is or lies in)."""
    place = places.get(place_id) if places is not None else None
    if place is not None:
        if place.kind is PlaceKind.COUNTRY:
            code = place.code if place.code and len(place.code) == 3 else None
            return True, code or place.country or _country_id_code(place_id)
        return False, place.country
    code = _country_id_code(place_id)
    return code is not None, code


def _country_id_code(place_id: str) -> str | None:
    if place_id.startswith("country:"):
        code = place_id[8:]
        if len(code) == 3 and code.isascii() and code.isalpha():
            return code.upper()
    return None


_PlaceFacts = tuple[str, PlaceKind | None, bool, str | None]
"""A place id, its kind when known, whether it is a country, the country code it is or lies in."""


def _place_facts(place_id: str, places: Mapping[str, Place] | None) -> _PlaceFacts:
    place = places.get(place_id) if places is not None else None
    is_country, code = _place_country(place_id, places)
    return place_id, place.kind if place is not None else None, is_country, code


def _place_relation(
    first: _PlaceFacts, second: _PlaceFacts
) -> Literal["same", "same-country", "contains", "disjoint", "unknown"]:
    first_id, first_kind, first_is_country, first_code = first
    second_id, second_kind, second_is_country, second_code = second
    if first_is_country and second_is_country:
        if first_id == second_id:
            return "same-country"
        if first_code is None or second_code is None:
            return "unknown"
        return "same-country" if first_code == second_code else "disjoint"
    if first_id == second_id:
        return "same"
    if first_is_country or second_is_country:
        if first_code is None or second_code is None:
            return "unknown"
        return "contains" if first_code == second_code else "disjoint"
    if first_code is not None and second_code is not None and first_code != second_code:
        return "disjoint"
    if first_kind is second_kind is PlaceKind.CITY:
        return "disjoint"  # two different cities; a region may hold a city, so no more
    return "unknown"


def _date_agreement(
    first: tuple[int | None, int | None], second: tuple[int | None, int | None]
) -> float | None:
    """0..1 for how well two dates agree, -1 when they exclude each other, None when unknown."""
    (a0, a1), (b0, b1) = first, second
    if (a0, a1) == (None, None) or (b0, b1) == (None, None):
        return None
    if not _within(first, second, 0):
        return -1.0
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return 0.3  # an open interval agrees, but weakly
    if (a0, a1) == (b0, b1):
        fit = 1.0
    elif (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        fit = 0.8
    else:
        fit = 0.6
    width = max(a1 - a0, b1 - b0) + 1
    precision = 1.0 if width <= 10 else 0.8 if width <= 31 else 0.5 if width <= 92 else 0.2
    return fit * precision


class _Facts:
    """What scoring needs of an event, worked out once (merge_events scores each many times)."""

    __slots__ = ("bounds", "figures", "key", "participants", "place", "type")

    def __init__(self, event: Event, places: Mapping[str, Place] | None) -> None:
        self.type = event.type
        self.bounds = _bounds(event.date)
        self.place = None if event.location is None else _place_facts(event.location, places)
        self.key = None if self.place is None else (self.place[3] or self.place[0])
        self.participants = frozenset(event.participants)
        self.figures = {figure.kind: figure for figure in event.figures}


def _score(first: _Facts, second: _Facts) -> float:
    if first.type is not second.type:
        return 0.0
    evidence = 0.0
    date = _date_agreement(first.bounds, second.bounds)
    if date is not None:
        if date < 0:
            return 0.0
        evidence += _WEIGHTS["date"] * date
    if first.place is not None and second.place is not None:
        relation = _place_relation(first.place, second.place)
        if relation == "disjoint":
            return 0.0
        evidence += _WEIGHTS["location"] * _PLACE_FIT[relation]
    if first.participants and second.participants:
        shared = len(first.participants & second.participants)
        evidence += (
            _WEIGHTS["participants"] * shared / len(first.participants | second.participants)
        )
    kinds = first.figures.keys() & second.figures.keys()
    if kinds:
        if not all(_figures_agree(first.figures[k], second.figures[k]) for k in kinds):
            return 0.0
        evidence += _WEIGHTS["figures"]
    return round(0.5 + 0.5 * evidence, 6)


def same_event(a: Event, b: Event, /, *, places: Mapping[str, Place] | None = None) -> float:
    """How likely two event records report one event, from 0 to 1 (symmetric).

    Events of different types score 0. So do events whose dates cannot overlap, whose places
    are known to be apart (two countries, a city and another country, two cities), or whose
    figures of one kind disagree (a 1,000-for-1,000 exchange and one of 175 each). Otherwise the
    score is 0.5 plus half the weighted agreement of the fields both records know: date (how
    well the intervals fit, times how precise they are), location (one place, or one inside the
    other: pass ``places``, a mapping of place id to ``Place``, to know that Riyadh lies in
    SAU), participants (shared over all) and figures. A field only one side knows neither
    confirms nor denies. ``merge_events`` joins events scoring 0.7 or more.

    >>> import datetime as dt
    >>> from peacetalks import Event, Place, Span, TimePoint
    >>> day = TimePoint(value="2025-02-27", kind="date", granularity="day",
    ...                 earliest=dt.date(2025, 2, 27), latest=dt.date(2025, 2, 27))
    >>> late = TimePoint(value="2025-02", kind="date", granularity="month", modifier="end",
    ...                  earliest=dt.date(2025, 2, 21), latest=dt.date(2025, 2, 28))
    >>> places = {"place:riyadh": Place(id="place:riyadh", name="Riyadh", kind="city", country="SAU"),
    ...           "country:sau": Place(id="country:sau", name="Saudi Arabia", kind="country", code="SAU")}
    >>> riyadh = Event(id="e1", type="talks", span=Span(0, 0), text="", date=day,
    ...                location="place:riyadh")
    >>> saudi = Event(id="e2", type="talks", span=Span(0, 0), text="", date=late,
    ...               location="country:sau")
    >>> same_event(riyadh, saudi, places=places) >= 0.7
    True
    >>> same_event(riyadh, saudi)  # without places, Riyadh's country is unknown
    0.64
    """
    _record(a, Event, "same_event")
    _record(b, Event, "same_event")
    _mapping(places, Place, "places", "same_event")
    return _score(_Facts(a, places), _Facts(b, places))


@attrs.frozen(kw_only=True)
class EventCluster:
    """Event records that report one event, every source kept.

    ``events`` are the records in input order; ``date`` is the narrowest of their dates,
    ``location`` the most specific of their places, ``participants`` all of theirs, ``figures``
    one per kind (an exact one before a qualified one). ``score`` is the lowest score among the
    links that joined its events (1.0 for a single event or a ``same_as`` link).
    """

    events: tuple[Event, ...]
    type: EventType
    date: TimePoint | None
    location: str | None
    participants: tuple[str, ...]
    figures: tuple[Figure, ...]
    score: float

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the events in the cluster."""
        return tuple(event.id for event in self.events)


def _width(point: TimePoint | None) -> int | None:
    early, late = _bounds(point)
    return None if early is None or late is None else late - early


def _cluster(events: list[Event], score: float, places: Mapping[str, Place] | None) -> EventCluster:
    dated = [e.date for e in events if e.date is not None and _width(e.date) is not None]
    date = (
        min(dated, key=lambda p: _width(p) or 0)
        if dated
        else next((e.date for e in events if e.date is not None), None)
    )
    locations = [e.location for e in events if e.location is not None]
    location = next(
        (p for p in locations if not _place_country(p, places)[0]),
        locations[0] if locations else None,
    )
    figures: dict[FigureKind, Figure] = {}
    for event in events:
        for figure in event.figures:
            known = figures.get(figure.kind)
            if known is None or (known.qualifier is not None and figure.qualifier is None):
                figures[figure.kind] = figure
    return EventCluster(
        events=tuple(events),
        type=events[0].type,
        date=date,
        location=location,
        participants=tuple(dict.fromkeys(p for e in events for p in e.participants)),
        figures=tuple(figures[kind] for kind in FigureKind if kind in figures),
        score=score,
    )


class _Clusters:
    """Clusters of event positions that never hold two events ``same_event`` rules apart."""

    def __init__(self, facts: Sequence[_Facts]) -> None:
        self.facts = facts
        self.parent = list(range(len(facts)))
        self.members = [[index] for index in range(len(facts))]
        self.weakest = [1.0] * len(facts)

    def find(self, index: int) -> int:
        root = index
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[index] != root:
            self.parent[index], index = root, self.parent[index]
        return root

    def join(self, first: int, second: int, score: float, *, check: bool = True) -> None:
        one, other = self.find(first), self.find(second)
        if one == other:
            self.weakest[one] = min(self.weakest[one], score)
            return
        if check and any(
            _score(self.facts[i], self.facts[j]) == 0.0
            for i in self.members[one]
            for j in self.members[other]
        ):
            return  # some report in one cluster rules out some report in the other
        root, child = min(one, other), max(one, other)
        self.parent[child] = root
        self.members[root].extend(self.members[child])
        self.members[child] = []
        self.weakest[root] = min(self.weakest[root], self.weakest[child], score)


def _event_key(event: Event) -> tuple[Any, ...]:
    """An order for events that does not depend on where they stand in the input."""
    date = event.date
    return (
        event.id,
        event.type.value,
        event.status.value,
        _sort_key(date),
        event.location or "",
        event.participants,
        tuple(
            (f.kind.value, f.value, f.qualifier.value if f.qualifier else "") for f in event.figures
        ),
        event.same_as or "",
        event.confidence,
        event.span.start,
        event.span.end,
        event.text,
    )


def _event_pairs(facts: Sequence[_Facts]) -> Iterator[tuple[int, int]]:
    """The pairs worth scoring (see ``merge_events``), never all pairs.

    A date alone gives at most 0.35 of the 0.4 of evidence that 0.7 needs, so two events can
    only merge when they share a key besides the date: a country (one place, or one inside the
    other), a participant, or a figure kind. Within each type and key, dated events are swept
    in date order so only overlapping ones meet. A figure and a date alone reach 0.7 only when
    both dates are at most 31 days wide, so only those go into the figures' sweeps.
    """
    groups: dict[tuple[EventType, str], list[tuple[int, int, int]]] = defaultdict(list)
    undated: dict[tuple[EventType, str], list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        early, late = fact.bounds
        if early is None or late is None:
            if fact.key is not None:
                undated[fact.type, fact.key].append(index)
            continue
        keys = {f"at {fact.key}"} if fact.key is not None else set()
        keys.update(f"with {participant}" for participant in fact.participants)
        if late - early <= _FIGURE_DAYS:
            keys.update(f"counting {kind.value}" for kind in fact.figures)
        for key in keys:
            groups[fact.type, key].append((early, late, index))
    seen: set[tuple[int, int]] = set()
    for group in groups.values():
        group.sort()
        active: list[tuple[int, int]] = []  # a heap of (latest, index)
        for early, late, index in group:
            while active and active[0][0] < early:
                heapq.heappop(active)
            for _, other in active:
                pair = (other, index) if other < index else (index, other)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
            heapq.heappush(active, (late, index))
    for members in undated.values():
        for position, index in enumerate(members):
            for other in members[position + 1 :]:
                yield index, other


def merge_events(
    events: Iterable[Event], /, *, places: Mapping[str, Place] | None = None
) -> list[EventCluster]:
    """Group event records that report one event, keeping every record.

    Every input event lies in exactly one cluster; clusters come in the order of their first
    event, events within a cluster in input order. Two events are linked when ``same_event``
    gives them 0.7 or more; links are taken strongest first, and a link never joins two
    clusters when some event in one rules out some event in the other (``same_event`` of 0:
    dates that cannot overlap, places apart, figures that disagree). So a vague report ("an
    attack in Kharkiv in April") joins the one event it fits best instead of chaining every
    attack on Kharkiv that month into one. An event whose ``same_as`` names another input
    event of its type (the first with that id) joins it whatever its score; give events
    unique ids (``Collection`` does).

    Only pairs that could reach 0.7 are scored, never all pairs: events of one type whose
    dates overlap and that share a country, a participant or a figure kind (swept in date
    order within each), and an event with no date (or an open one) only with undated events
    of its type in the same country, since it cannot tell which of several dated events it
    reports. The cost is ``n log n`` plus the overlapping pairs that share such a key.

    >>> import datetime as dt
    >>> from peacetalks import Event, Figure, Span, TimePoint
    >>> march_19 = TimePoint(value="2025-03-19", kind="date", granularity="day",
    ...                      earliest=dt.date(2025, 3, 19), latest=dt.date(2025, 3, 19))
    >>> def swap(eid, each):
    ...     return Event(id=eid, type="prisoner-exchange", span=Span(0, 0), text="",
    ...                  date=march_19, participants=["state:rus", "state:ukr"],
    ...                  figures=[Figure("prisoners", each)])
    >>> clusters = merge_events([swap("a1/e1", 175), swap("a2/e4", 1000), swap("a3/e2", 175)])
    >>> [c.ids for c in clusters]
    [('a1/e1', 'a3/e2'), ('a2/e4',)]
    """
    items = _records(events, Event, "merge_events")
    _mapping(places, Place, "places", "merge_events")
    facts = [_Facts(item, places) for item in items]
    clusters = _Clusters(facts)
    first_with_id: dict[str, int] = {}
    for index, item in enumerate(items):
        first_with_id.setdefault(item.id, index)
    for index, item in enumerate(items):
        # the parser's own word that two mentions in one article are one event
        other = first_with_id.get(item.same_as) if item.same_as is not None else None
        if other is not None and items[other].type is item.type:
            clusters.join(index, other, 1.0, check=False)
    links: list[tuple[float, int, int]] = []
    for i, j in _event_pairs(facts):
        score = _score(facts[i], facts[j])
        if score >= _MERGE_AT:
            links.append((score, i, j))
    # the strongest links first, so a vague report joins the event it fits best; ties go by
    # the events' values, never their places in the input
    linked = sorted(
        {i for _, i, _ in links} | {j for _, _, j in links}, key=lambda i: _event_key(items[i])
    )
    rank = {index: position for position, index in enumerate(linked)}
    links.sort(key=lambda link: (-link[0], *sorted((rank[link[1]], rank[link[2]]))))
    for score, i, j in links:
        clusters.join(i, j, score)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        members[clusters.find(index)].append(index)
    return [
        _cluster([items[i] for i in indexes], clusters.weakest[root], places)
        for root, indexes in sorted(members.items(), key=lambda kv: kv[1][0])
    ]
