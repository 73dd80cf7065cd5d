"""Who a subject, pronoun or title refers to: the discourse state of one article.

One ``Discourse`` lives for one ``parse`` call (it is never shared), and remembers the actors
met so far, the last speakers and the subjects of recent sentences, so that "he", "the
ministry" or "Mr Peskov" can be tied to the right earlier actor.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from peacetalks._extract._doc import Doc, Ref, Sent, Tok
from peacetalks._extract._lexicon import CueLexicon
from peacetalks._model import Actor
from peacetalks._vocab import ActorKind, MentionRule

if TYPE_CHECKING:
    from peacetalks._extract.statements import Draft

__all__ = ["ActorBook", "Discourse", "Speaker"]


@attrs.frozen
class Speaker:
    """The actor a subject names, where it is named, and how sure we are."""

    actor: str
    start: int
    end: int
    rule: MentionRule
    inferred: bool = False


@attrs.define
class ActorBook:
    """The actors of one article, by id, in the order they were first met.

    The parser gives it the gazetteer's rules as callables, so the extractors can turn a name,
    a country or an institution's words into an actor without knowing where actors come from.
    """

    make_provisional: Callable[[str, ActorKind, str | None], Actor | None]
    make_state: Callable[[str], Actor | None]
    make_institution: Callable[[str, str], Actor | None]
    resolve_name: Callable[[str], Actor | None]
    # the country the article is written from or about (dateline, places), for "the ministry"
    context_country: Callable[[int, int], str | None]
    actors: dict[str, Actor] = attrs.field(factory=dict)
    headers: dict[str, str | None] = attrs.field(factory=dict)

    def add(self, actor: Actor) -> str:
        self.actors.setdefault(actor.id, actor)
        return actor.id

    def get(self, actor_id: str | None) -> Actor | None:
        return None if actor_id is None else self.actors.get(actor_id)

    def kind(self, actor_id: str | None) -> ActorKind | None:
        actor = self.get(actor_id)
        return None if actor is None else actor.kind

    def country(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return None if actor is None else actor.country

    def provisional(self, name: str, kind: ActorKind, country: str | None) -> str | None:
        """A provisional actor for an unknown name; a shorter form of a name met earlier in the
        article ("Socheata" after "Maly Socheata") is the same actor."""
        words = name.split()
        if kind is ActorKind.PERSON:
            for known_actor in self.actors.values():
                if not known_actor.provisional or known_actor.kind is not ActorKind.PERSON:
                    continue
                known = known_actor.name.split()
                if words and (words == known[-len(words) :] or words == known[: len(words)]):
                    return known_actor.id
        actor = self.make_provisional(name, kind, country)
        return None if actor is None else self.add(actor)

    def state(self, country: str) -> str | None:
        actor = self.make_state(country)
        return None if actor is None else self.add(actor)

    def group(self, group_id: str, phrase: str) -> str:
        """An unnamed collective ("experts", "reporters") as a ``group`` actor."""
        name = phrase.strip().capitalize()
        return self.add(Actor(id=group_id, name=name, kind=ActorKind.GROUP))

    def institution_in_context(self, words: str, start: int, end: int) -> str | None:
        """ "the foreign ministry" in a sentence or article set in one country."""
        country = self.context_country(start, end)
        if country is None:
            return None
        actor = self.make_institution(country, words)
        return None if actor is None else self.add(actor)

    def header_speaker(self, text: str | None) -> str | None:
        """The actor a transcript's speaker header names ("YURY USHAKOV, Aide to ...")."""
        if not text:
            return None
        if text in self.headers:
            return self.headers[text]
        found = self._header_speaker(text)
        self.headers[text] = found
        return found

    def _header_speaker(self, text: str) -> str | None:
        name = text.split(",")[0].strip()
        actor = self.resolve_name(name) or self.resolve_name(name.title())
        if actor is None:
            words = name.title()
            if not words or len(words.split()) > 4:
                return None
            return self.provisional(words, ActorKind.PERSON, None)
        return self.add(actor)


# how many earlier mentions a reference looks back over: news refers to what it named recently,
# and the bound keeps very long texts linear
_LOOKBACK = 300
_PERSONAL = frozenset({"he", "she", "him", "her"})
_BODY = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_BODY_KINDS = frozenset(
    {ActorKind.GOVERNMENT, ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP, ActorKind.STATE}
)


@attrs.define
class Discourse:
    """What the article has said so far, for resolving references (local to one parse)."""

    doc: Doc
    book: ActorBook
    lex: CueLexicon
    last_speaker: Speaker | None = None
    last_speaker_sentence: int = -1
    # the first person / body reference of each sentence, by sentence index
    sentence_subjects: dict[int, str] = attrs.field(factory=dict)
    sentence_first_person: dict[int, str] = attrs.field(factory=dict)
    sentence_first_body: dict[int, str] = attrs.field(factory=dict)
    sentence_speakers: dict[int, list[str]] = attrs.field(factory=dict)
    # the statements found, once the statement pass is done (for the demand and event passes)
    statements: list[Draft] = attrs.field(factory=list)
    statement_starts: list[int] = attrs.field(factory=list)

    def set_statements(self, drafts: list[Draft]) -> None:
        """Record the statements in text order, for the later passes."""
        self.statements = sorted(drafts, key=lambda d: d.start)
        self.statement_starts = [d.start for d in self.statements]

    def note_sentence(self, index: int, sent: Sent) -> None:
        """Remember the first person and body named in a sentence (before its statements)."""
        for ref in self.doc.refs_in(sent.start, sent.end):
            if ref.actor is None:
                continue
            kind = self.book.kind(ref.actor)
            if kind is ActorKind.PERSON:
                self.sentence_first_person.setdefault(index, ref.actor)
            elif kind in _BODY_KINDS:
                self.sentence_first_body.setdefault(index, ref.actor)

    def note_speaker(self, index: int, speaker: Speaker) -> None:
        self.last_speaker = speaker
        self.last_speaker_sentence = index
        self.sentence_speakers.setdefault(index, []).append(speaker.actor)

    # pronouns -------------------------------------------------------------------------------

    def pronoun_at(self, word: str, position: int, sentence: int, sent_start: int) -> str | None:
        """Like :meth:`pronoun`, for a later pass: the last speaker is the one before ``position``."""
        saved = (self.last_speaker, self.last_speaker_sentence)
        k = bisect.bisect_right(self.statement_starts, position)
        if k > 0:
            last = self.statements[k - 1]
            self.last_speaker, self.last_speaker_sentence = last.speaker, last.sentence
        else:
            self.last_speaker, self.last_speaker_sentence = None, -1
        try:
            return self.pronoun(word, position, sentence, sent_start)
        finally:
            self.last_speaker, self.last_speaker_sentence = saved

    def pronoun(self, word: str, position: int, sentence: int, sent_start: int) -> str | None:
        """The actor a pronoun at ``position`` most likely names, or ``None``."""
        word = word.lower()
        if word in _PERSONAL:
            return self._person_before(position, sentence, sent_start)
        if word in _BODY:
            return self._body_before(position, sentence, sent_start)
        if word in _PLURAL:
            return self._body_before(position, sentence, sent_start)
        return None

    def _person_before(self, position: int, sentence: int, sent_start: int) -> str | None:
        # 1. a person named earlier in the same sentence (the clause's subject)
        for ref in itertools.islice(self.doc.refs_before(position), _LOOKBACK):
            if ref.end <= sent_start:
                break
            if ref.actor is not None and self.book.kind(ref.actor) is ActorKind.PERSON:
                return self._same_sentence_person(ref, position, sentence)
        # 2. the last speaker, when they spoke in one of the last sentences
        last = self.last_speaker
        if (
            last is not None
            and self.book.kind(last.actor) is ActorKind.PERSON
            and sentence - self.last_speaker_sentence <= 1
        ):
            return last.actor
        # 3. the first person named in the previous sentence
        for back in (1, 2):
            person = self.sentence_first_person.get(sentence - back)
            if person is not None:
                spoken = self.sentence_speakers.get(sentence - back)
                if spoken:
                    persons = [a for a in spoken if self.book.kind(a) is ActorKind.PERSON]
                    if persons:
                        return persons[-1]
                return person
        # 4. the last speaker, further back
        if last is not None and self.book.kind(last.actor) is ActorKind.PERSON:
            return last.actor
        # 5. the nearest person named before
        for ref in itertools.islice(self.doc.refs_before(position), _LOOKBACK):
            if ref.actor is not None and self.book.kind(ref.actor) is ActorKind.PERSON:
                return ref.actor
        return None

    def _same_sentence_person(self, ref: Ref, position: int, sentence: int) -> str | None:
        # prefer a speaker of this sentence over an object named inside its content
        spoken = self.sentence_speakers.get(sentence)
        if spoken:
            persons = [a for a in spoken if self.book.kind(a) is ActorKind.PERSON]
            if persons:
                return persons[-1]
        return ref.actor

    def _body_before(self, position: int, sentence: int, sent_start: int) -> str | None:
        last = self.last_speaker
        if (
            last is not None
            and self.book.kind(last.actor) in _BODY_KINDS
            and sentence - self.last_speaker_sentence <= 2
        ):
            return last.actor
        for back in (0, 1, 2):
            body = self.sentence_first_body.get(sentence - back)
            if body is not None and (
                back > 0 or self._body_ends_before(body, position, sent_start)
            ):
                return body
        return None

    def _body_ends_before(self, actor: str, position: int, sent_start: int) -> bool:
        for ref in itertools.islice(self.doc.refs_before(position), _LOOKBACK):
            if ref.end <= sent_start:
                return False
            if ref.actor == actor:
                return True
        return False

    # nominal references ---------------------------------------------------------------------

    def recent_body_with(self, words: Sequence[str], position: int) -> str | None:
        """The last speaker, or the nearest earlier actor, whose name holds all ``words``."""
        last = self.last_speaker
        if last is not None:
            actor = self.book.get(last.actor)
            if actor is not None and all(word in actor.name.lower() for word in words):
                return actor.id
        for ref in itertools.islice(self.doc.refs_before(position), _LOOKBACK):
            actor = self.book.get(ref.actor)
            if actor is None:
                continue
            # the name, an alias, or the words the text used ("Sudan's army" for the armed forces)
            names = (actor.name, *actor.aliases, self.doc.text[ref.start : ref.end])
            if any(all(word in name.lower() for word in words) for name in names):
                return actor.id
        return None

    def title_holder(self, tokens: Sequence[Tok], position: int) -> str | None:
        """The last speaker or person named before, for a bare title such as 'the spokesman'."""
        last = self.last_speaker
        if last is not None and self.book.kind(last.actor) is ActorKind.PERSON:
            return last.actor
        for ref in itertools.islice(self.doc.refs_before(position), _LOOKBACK):
            if ref.actor is not None and self.book.kind(ref.actor) is ActorKind.PERSON:
                return ref.actor
        return None
