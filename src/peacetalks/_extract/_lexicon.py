"""The extractors' word lists, read once from the package's data files (``data/cues.json``).

The lists are knowledge, not code: speech verbs and their frames, titles, pronouns, and the
words that end a clause. They are loaded lazily and cached; the cached objects are immutable.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

__all__ = ["CueLexicon", "Verb", "cues", "load_data"]


def load_data(name: str) -> Any:
    """The parsed JSON data file ``peacetalks/data/<name>``."""
    text = resources.files("peacetalks").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


@attrs.frozen
class Verb:
    """A speech verb: its lemma, the frames it takes, whether it allows a clause without 'that'."""

    lemma: str
    frames: frozenset[str]
    zero_that: bool


@attrs.frozen
class CueLexicon:
    """Everything the statement extractor looks up, as frozen mappings and sets."""

    forms: Mapping[str, Verb]  # every inflected form -> its verb
    split_participles: frozenset[str]
    quiet_participles: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    according_first: frozenset[str]
    spokesperson_words: frozenset[str]
    channel_nouns: frozenset[str]
    addressee_groups: Mapping[str, str]
    group_speakers: Mapping[str, str]
    pronouns: Mapping[str, str]
    skip_words: frozenset[str]
    titles: frozenset[str]
    body_words: frozenset[str]
    question_words: frozenset[str]
    comma_conjunctions: frozenset[str]
    dashes: frozenset[str]


@functools.cache
def cues() -> CueLexicon:
    """The speech-cue lexicon (cached)."""
    data = load_data("cues.json")
    zero = frozenset(data["zero_that"])
    forms: dict[str, Verb] = {}
    for lemma, entry in data["verbs"].items():
        verb = Verb(lemma, frozenset(entry["frames"]), lemma in zero)
        for form in entry["forms"]:
            forms.setdefault(form, verb)
    return CueLexicon(
        forms=forms,
        split_participles=frozenset(data["trailing_participles_that_split"]),
        quiet_participles=frozenset(data["not_speech_when_participle"]),
        according_to=tuple(tuple(p.split()) for p in data["according_to"]),
        according_first=frozenset(p.split()[0] for p in data["according_to"]),
        spokesperson_words=frozenset(data["spokesperson_words"]),
        channel_nouns=frozenset(data["channel_nouns"]),
        addressee_groups=dict(data["addressee_groups"]),
        group_speakers=dict(data["group_speakers"]),
        pronouns=dict(data["pronouns"]),
        skip_words=frozenset(data["skip_between_subject_and_verb"]),
        titles=frozenset(data["titles"]),
        body_words=frozenset(data["body_words"]),
        question_words=frozenset(data["question_words"]),
        comma_conjunctions=frozenset(data["boundaries"]["comma_conjunctions"]),
        dashes=frozenset(data["boundaries"]["dashes"]),
    )
