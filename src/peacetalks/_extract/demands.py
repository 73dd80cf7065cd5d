"""Demands: what each side demands, rejects, accepts or disowns, found by trigger patterns.

A trigger (``data/demands.json``) gives the polarity and says where the holder is: the subject
before it, the possessor of a noun ("Russia's demands"), the speaker of the statement it lies
in, or the one a thing is "unacceptable to". The topic is the first topic word after the trigger
(before it for some triggers); the target comes from "from X", "urged X to", "that X cede",
"X must"; the objects are the places and organizations the scope names. A trigger that ends in
"that" governs the clause after it, so a "must" inside ("Russia's stance that Ukraine must
cede") belongs to it. Negation before a trigger turns a demand into a disavowal and an
acceptance into a rejection.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from peacetalks._extract._doc import MAX_TRIGGERS, Doc, Ref, Sent, Tok
from peacetalks._extract._lexicon import load_data
from peacetalks._extract._speakers import Discourse
from peacetalks._extract._tokstr import TokenString
from peacetalks._extract.statements import Draft
from peacetalks._vocab import ActorKind, Modality, Polarity, Topic

__all__ = ["DemandDraft", "extract_demands", "stance_of", "topic_of"]


@attrs.frozen
class _Trigger:
    pattern: regex.Pattern[str]
    polarity: Polarity
    holder: str
    target: str | None
    condition: bool
    is_list: bool
    weak: bool
    topic_from: str
    object_before: bool
    topic_after: regex.Pattern[str] | None
    sentence_topic: bool


@attrs.frozen
class _DemandLexicon:
    triggers: tuple[_Trigger, ...]
    topics: tuple[tuple[Topic, tuple[regex.Pattern[str], ...]], ...]  # in priority order
    negations: frozenset[str]
    stance: tuple[tuple[Polarity, tuple[regex.Pattern[str], ...]], ...]


@functools.cache
def _lexicon() -> _DemandLexicon:
    data = load_data("demands.json")
    triggers = tuple(
        _Trigger(
            regex.compile(entry["pattern"]),
            Polarity(entry["polarity"]),
            entry["holder"],
            entry.get("target"),
            bool(entry.get("condition")),
            bool(entry.get("list")),
            bool(entry.get("weak")),
            entry.get("topic_from", "after"),
            bool(entry.get("object_before")),
            regex.compile(entry["topic_after"]) if entry.get("topic_after") else None,
            bool(entry.get("sentence_topic")),
        )
        for entry in data["triggers"]
    )
    topics = tuple(
        (Topic(name), tuple(regex.compile(p) for p in data["topics"][name]))
        for name in data["topic_priority"]
    )
    stance = tuple(
        (Polarity(name), tuple(regex.compile(p) for p in patterns))
        for name, patterns in data["statement_stance"].items()
    )
    return _DemandLexicon(triggers, topics, frozenset(data["negations"]), stance)


@attrs.frozen
class DemandDraft:
    """A demand found in the working text, before it becomes a ``Demand`` record."""

    start: int
    end: int
    holder: str
    topic: Topic
    polarity: Polarity
    sentence: int
    target: str | None = None
    objects: tuple[str, ...] = ()
    statement: int | None = None  # index of the statement draft it lies in
    condition: tuple[int, int] | None = None  # span of the demand draft it depends on
    modality: Modality = Modality.ASSERTED
    confidence: float = 0.8


@attrs.frozen
class _Found:
    first: int  # token indices of the trigger
    last: int
    trigger: _Trigger
    match: regex.Match[str]


_CLAUSE_BREAK = frozenset(
    {
        "while",
        "but",
        "yet",
        "although",
        "though",
        "whereas",
        "which",
        "who",
        "as",
        "further",
        "despite",
        "underscoring",
        "highlighting",
        "citing",
        "calling",
        "saying",
        "adding",
        "noting",
        "arguing",
        "claiming",
        "declaring",
        "reiterating",
        "even",
        "so",
        "since",
        "because",
        "when",
        "where",
        "after",
        "before",
        "regardless",
        "with",
    }
)
_LIST_CONTINUE = frozenset({"including", "and", "or", "such"})
_PREPOSITIONS = frozenset(
    {
        "to",
        "towards",
        "toward",
        "from",
        "with",
        "of",
        "on",
        "in",
        "at",
        "by",
        "against",
        "for",
        "between",
        "into",
        "about",
        "over",
        "under",
        "than",
        "like",
        "among",
        "after",
        "before",
    }
)
_PRONOUNS = {
    "he": "he",
    "she": "she",
    "it": "it",
    "they": "they",
    "its": "it",
    "their": "they",
    "his": "he",
    "her": "she",
    "him": "he",
    "them": "they",
}
_FIRST_PERSON = frozenset({"we", "our", "us", "i", "my", "me"})
_UNCHANGED = regex.compile(r"\b(?:unchanged|remain(?:s|ed)? the same|same demands)\b")
_DROPPED = regex.compile(
    r"\b(?:dropped|abandoned|no longer (?:demands?|insists?|seeks?)|backed away from|withdrew (?:its|the) demand)"
)


def stance_of(text: str) -> Polarity | None:
    """The stance a statement's words take when no demand trigger gives one, or ``None``."""
    for polarity, patterns in _lexicon().stance:
        if any(p.search(text) for p in patterns):
            return polarity
    return None


def topic_of(text: str) -> tuple[Topic, ...]:
    """The topics whose words a lower-case token string holds, first-mentioned first."""
    return tuple(t for t, _ in _topics_in(_lexicon(), text))


def _topics_in(lex: _DemandLexicon, text: str) -> list[tuple[Topic, int]]:
    found: list[tuple[int, int, Topic]] = []
    for rank, (topic, patterns) in enumerate(lex.topics):
        starts = [m.start() for p in patterns for m in [p.search(text)] if m is not None]
        if starts:
            found.append((min(starts), rank, topic))
    found.sort()
    return [(topic, position) for position, _, topic in found]


def extract_demands(doc: Doc, disc: Discourse, statements: Sequence[Draft]) -> list[DemandDraft]:
    """Every demand in the document, in text order."""
    lex = _lexicon()
    out: list[DemandDraft] = []
    for si, sent in enumerate(doc.sentences):
        if sent.kind in ("furniture", "caption", "heading", "question"):
            continue
        tokens = doc.sentence_tokens(sent)
        if len(tokens) < 3:
            continue
        out.extend(_Sentence(doc, disc, lex, sent, si, tokens, statements).run())
    return _dedupe(out)


@attrs.define
class _Sentence:
    doc: Doc
    disc: Discourse
    lex: _DemandLexicon
    sent: Sent
    si: int
    tokens: Sequence[Tok]
    statements: Sequence[Draft]
    ts: TokenString = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.ts = TokenString.of(self.tokens)

    # --- finding triggers ----------------------------------------------------------------------

    def run(self) -> list[DemandDraft]:
        found: list[_Found] = []
        for trigger in self.lex.triggers:
            for match in trigger.pattern.finditer(self.ts.text):
                first = self.ts.token_at(match.start())
                last = self.ts.token_at(max(match.start(), match.end() - 1))
                found.append(_Found(first, last, trigger, match))
        found.sort(key=lambda f: (f.first, -f.last))
        del found[MAX_TRIGGERS:]  # a run of trigger words is no news sentence
        starts = sorted({f.first for f in found})
        modality = _modality(self.ts.text)
        drafts: list[DemandDraft] = []
        taken: list[tuple[int, int]] = []
        for f in found:
            if any(a <= f.first <= b for a, b in taken):
                continue  # inside a longer trigger, or governed by one
            drafts.extend(self._one(f, starts, modality, taken))
        return drafts

    def _one(
        self, f: _Found, starts: list[int], modality: Modality, taken: list[tuple[int, int]]
    ) -> list[DemandDraft]:
        trigger = f.trigger
        statement = _statement_at(self.statements, self.tokens[f.first].start)
        left = self._left_bound(f.first, statement)
        words = f.match.group()
        last_word = words.split()[-1] if words.split() else ""
        if words.endswith(" that"):
            governed: list[int] = []  # the whole clause after "that" is this trigger's
        elif last_word in ("must", "should", "to", "for", "on"):
            # "would have to accept", "willingness to agree to": the next verb is governed
            governed = [s for s in starts if s > f.last + 2]
        else:
            governed = starts
        right = self._right_bound(f.last + 1, governed)
        polarity = self._negate(left, f.first, trigger.polarity, f.match.group())
        if trigger.is_list:
            taken.append((f.first, right))
            return [
                d
                for a, b in _list_items(self.tokens, f.last + 1, right)
                for d in self._make(f, statement, polarity, modality, a, b, item=True)
            ]
        if trigger.condition:
            taken.append((f.first, f.last))
            conds = self._make(f, statement, polarity, modality, f.last + 1, right)
            if not conds:
                return []
            cond = conds[0]
            out: list[DemandDraft] = [cond]
            if left < f.first:
                for main in self._make(
                    f, statement, polarity, modality, left, f.first, before=True
                ):
                    if main.topic != cond.topic or main.target != cond.target:
                        out.append(
                            attrs.evolve(main, condition=(cond.start, cond.end), confidence=0.6)
                        )
            return out
        made = self._make(f, statement, polarity, modality, f.last + 1, right)
        if not made:
            taken.append((f.first, f.last))  # a trigger that found nothing governs nothing
        elif words.endswith(" that"):
            taken.append((f.first, right))  # the clause after "that" belongs to this trigger
        elif last_word in ("must", "should", "to", "for", "on"):
            taken.append((f.first, min(right, f.last + 2)))  # "would have to accept": one demand
        else:
            taken.append((f.first, f.last))
        return made

    # --- bounds ------------------------------------------------------------------------------------

    def _left_bound(self, i: int, statement: int | None) -> int:
        tokens = self.tokens
        floor = 0
        if statement is not None:
            floor = _index_at(tokens, self.statements[statement].start)
        k = i - 1
        while k >= floor:
            tok = tokens[k]
            if tok.text in (";", "—", "–", ":", "(") or tok.text in ('"', "“", "”"):
                return k + 1
            if (
                tok.text == ","
                and k + 1 < len(tokens)
                and tokens[k + 1].low in _CLAUSE_BREAK | {"and", "that"}
            ):
                return k + 1 if tokens[k + 1].low in ("and", "that") else k + 2
            if tok.low == "that" and k > 0 and tokens[k - 1].low != "so":
                return k + 1
            k -= 1
        return max(floor, 0)

    def _right_bound(self, j: int, starts: list[int]) -> int:
        tokens = self.tokens
        n = len(tokens)
        following = [s for s in starts if s >= j]
        limit = following[0] if following else n
        k = j
        while k < min(n, limit):
            tok = tokens[k]
            if tok.text in (";", "—", "–") or (tok.text in (".", "?", "!", ":") and k > j):
                return k
            if tok.text == "," and k + 1 < n:
                nxt = tokens[k + 1]
                if nxt.low in _LIST_CONTINUE or nxt.low[:1].isdigit():
                    k += 1
                    continue
                ref = self.doc.ref_starting_at(nxt.start)
                if ref is not None and (
                    ref.place is not None
                    or self.disc.book.kind(ref.actor) is ActorKind.ORGANIZATION
                ):
                    k += 1
                    continue
                return k
            k += 1
        # a following trigger: stop before it and before a joining "and"
        while k > j and tokens[k - 1].low in ("and", "or", ","):
            k -= 1
        return k

    def _negate(self, left: int, first: int, polarity: Polarity, words: str) -> Polarity:
        flip = {
            Polarity.DEMAND: Polarity.DISAVOW,
            Polarity.ACCEPT: Polarity.REJECT,
            Polarity.REJECT: Polarity.ACCEPT,
            Polarity.DISAVOW: Polarity.DEMAND,
        }
        if any(n in words.split() for n in ("not", "never", "won't")):
            # a rejecting or disowning pattern reads its own negation; an accepting one
            # with an optional "not" ("would not withdraw") turns into a rejection
            return flip[polarity] if polarity in (Polarity.ACCEPT, Polarity.DEMAND) else polarity
        window = [t.low for t in self.tokens[max(left, first - 3) : first]]
        if not any(w in self.lex.negations or w.endswith("n't") for w in window):
            return polarity
        return flip[polarity]

    # --- one demand ----------------------------------------------------------------------------

    def _make(
        self,
        f: _Found,
        statement: int | None,
        polarity: Polarity,
        modality: Modality,
        scope_start: int,
        scope_end: int,
        *,
        item: bool = False,
        before: bool = False,
    ) -> list[DemandDraft]:
        trigger = f.trigger
        left = self._left_bound(f.first, statement)
        topic_start = scope_start if (item or before) else f.first
        if trigger.topic_after is not None:
            text = TokenString.of(self.tokens[scope_start:scope_end]).text
            focus = trigger.topic_after.search(text)
            if focus is not None:
                topic_start = scope_start + TokenString.of(
                    self.tokens[scope_start:scope_end]
                ).token_after(focus.end())
        topic = None
        if trigger.topic_from == "before" or trigger.object_before:
            topic = self._topic(left, f.first)
        if topic is None:
            topic = self._topic(topic_start, max(scope_end, f.last + 1))
        if topic is None and trigger.sentence_topic:
            topic = self._topic(0, len(self.tokens))
        if topic is None:
            return []
        holders = self._holders(f, statement)
        if not holders:
            return []
        tokens = self.tokens
        if item or before:
            if scope_end <= scope_start:
                return []
            start, end = tokens[scope_start].start, tokens[scope_end - 1].end
            if item and scope_start > 0 and tokens[scope_start - 1].low == "including":
                start = tokens[scope_start - 1].start
        elif trigger.object_before:
            start = tokens[left].start
            end = tokens[max(scope_end - 1, f.last)].end
        else:
            start = tokens[min(self._holder_start(f.first, h) for h in holders)].start
            end = tokens[max(scope_end - 1, f.last)].end
        if end <= start:
            return []
        confidence = 0.55 if trigger.weak else 0.8
        out = []
        for holder in holders:
            target = self._target(f, scope_start, scope_end, holder, left)
            objects = self._objects(scope_start, scope_end, holder, target)
            out.append(
                DemandDraft(
                    start,
                    end,
                    holder,
                    topic,
                    polarity,
                    self.si,
                    target,
                    objects,
                    statement,
                    None,
                    modality,
                    confidence,
                )
            )
        return out

    def _topic(self, start: int, end: int) -> Topic | None:
        if end <= start:
            return None
        found = _topics_in(self.lex, TokenString.of(self.tokens[start:end]).text)
        return found[0][0] if found else None

    # --- who holds it, and of whom ---------------------------------------------------------------

    def _speaker(self, statement: int | None) -> str | None:
        return self.statements[statement].speaker.actor if statement is not None else None

    def _holders(self, f: _Found, statement: int | None) -> list[str]:
        """The holder, and a second one coordinated with it ("Thailand and Cambodia have accepted")."""
        holder = self._holder(f, statement)
        if holder is None:
            return []
        out = [holder]
        if f.trigger.holder in ("subject",) and not self._participle(f.first):
            for k in range(f.first - 1, max(-1, f.first - 6), -1):
                ref = self.doc.ref_ending_at(self.tokens[k].end)
                if ref is None or ref.actor != holder:
                    continue
                i = _index_at(self.tokens, ref.start)
                if i >= 2 and self.tokens[i - 1].low == "and":
                    other = self.doc.ref_ending_at(self.tokens[i - 2].end)
                    if (
                        other is not None
                        and other.actor is not None
                        and other.actor != holder
                        and self.disc.book.kind(other.actor) is self.disc.book.kind(holder)
                    ):
                        out.insert(0, other.actor)
                break
        return out

    def _holder(self, f: _Found, statement: int | None) -> str | None:
        trigger = f.trigger
        speaker = self._speaker(statement)
        if trigger.holder == "experiencer":
            for k in range(f.last, min(len(self.tokens), f.last + 4)):
                if self.tokens[k].low == "to" and k + 1 < len(self.tokens):
                    actor = self._actor_at(k + 1)
                    if actor is not None:
                        return actor
            return speaker or self._subject(f.first, statement)
        if trigger.holder == "possessor":
            owner = self._possessor(f.first)
            if owner is not None:
                return owner
            return None  # "an American plan to ...": no owner named, no demand
        if trigger.holder == "speaker" and speaker is not None:
            return speaker
        if trigger.holder == "previous":
            return self._subject(f.first, statement) or self._previous_subject()
        if self._participle(f.first):
            subject = self._clause_subject(statement)
            if subject is not None:
                return subject
        subject = self._subject(f.first, statement)
        return subject if subject is not None else speaker

    def _previous_subject(self) -> str | None:
        if self.si == 0:
            return None
        before = self.doc.sentences[self.si - 1]
        for ref in self.doc.refs_in(before.start, before.end):
            kind = self.disc.book.kind(ref.actor)
            if ref.actor is not None and kind not in (ActorKind.MEDIA, None):
                return ref.actor
        return None

    def _participle(self, first: int) -> bool:
        tok = self.tokens[first]
        return (
            tok.low.endswith("ing")
            and first > 0
            and self.tokens[first - 1].low in (",", "and", "or")
        )

    def _clause_subject(self, statement: int | None) -> str | None:
        start = self.statements[statement].start if statement is not None else self.sent.start
        i = _index_at(self.tokens, start)
        for k in range(i, min(len(self.tokens), i + 10)):
            tok = self.tokens[k]
            ref = self.doc.ref_starting_at(tok.start)
            if (
                ref is not None
                and ref.actor is not None
                and self.disc.book.kind(ref.actor) is not ActorKind.MEDIA
            ):
                return ref.actor
            if tok.low in _PRONOUNS or tok.low in _FIRST_PERSON:
                return self._pronoun(k)
        return None

    def _actor_at(self, k: int) -> str | None:
        tok = self.tokens[k]
        ref = self.doc.ref_starting_at(tok.start)
        if ref is not None and ref.actor is not None:
            return ref.actor
        if tok.low in _PRONOUNS or tok.low in _FIRST_PERSON:
            return self._pronoun(k)
        return None

    def _pronoun(self, k: int) -> str | None:
        tok = self.tokens[k]
        if tok.low in _FIRST_PERSON:
            statement = _statement_at(self.statements, tok.start)
            return self._speaker(statement)
        return self.disc.pronoun_at(_PRONOUNS[tok.low], tok.start, self.si, self.sent.start)

    def _possessor(self, first: int) -> str | None:
        """The owner in 'Russia's (persistent) demands', 'its willingness', 'Putin's proposal'."""
        k = first - 1
        steps = 0
        while k >= 0 and steps < 4:
            tok = self.tokens[k]
            if tok.possessive:
                ref = self.doc.ref_ending_at(tok.start + len(tok.base))
                return ref.actor if ref is not None else None
            if tok.low in ("its", "their", "his", "her", "our", "my"):
                return self._pronoun(k)
            if not tok.is_word or tok.low in ("the", "a", "an"):
                break
            k -= 1
            steps += 1
        return None

    def _subject(self, first: int, statement: int | None) -> str | None:
        """The nearest actor named before the trigger in its clause, not as a prepositional object."""
        tokens = self.tokens
        floor = _index_at(tokens, self.statements[statement].start) if statement is not None else 0
        k = first - 1
        while k >= floor:
            tok = tokens[k]
            if tok.text in (";", "—", "–") or (
                tok.text == ","
                and k + 1 < first
                and tokens[k + 1].low in ("while", "but", "yet", "although", "though", "whereas")
            ):
                break
            if tok.low in self.disc.lex.body_words and k > 0 and tokens[k - 1].low == "the":
                body = self.disc.recent_body_with([tok.low], tok.start)
                if body is not None:
                    return body  # "after the army refused": the army named before
            if tok.text == ",":
                # skip a relative clause: "Malaysia, which chairs ASEAN, is prepared"
                m = k - 1
                while m >= floor and tokens[m].text != ",":
                    m -= 1
                if m >= floor and m + 1 < k and tokens[m + 1].low in ("which", "who", "whose"):
                    k = m - 1
                    continue
            ref = self.doc.ref_ending_at(tok.start + len(tok.base)) or self.doc.ref_ending_at(
                tok.end
            )
            if ref is not None and ref.actor is not None:
                start_i = _index_at(tokens, ref.start)
                governed = start_i > 0 and tokens[start_i - 1].low in _PREPOSITIONS
                if not governed and self.disc.book.kind(ref.actor) is not ActorKind.MEDIA:
                    return ref.actor
                k = start_i - 1
                continue
            if (tok.low in _PRONOUNS or tok.low in _FIRST_PERSON) and (
                k == 0 or tokens[k - 1].low not in _PREPOSITIONS
            ):
                actor = self._pronoun(k)
                if actor is not None:
                    return actor
            k -= 1
        return None

    def _holder_start(self, first: int, holder: str) -> int:
        """Start the span at the holder when it is named just before the trigger."""
        for k in range(first - 1, max(-1, first - 9), -1):
            tok = self.tokens[k]
            if tok.text in (",", ";", "(", '"', "“", "”"):
                break
            ref = self.doc.ref_ending_at(tok.start + len(tok.base)) or self.doc.ref_ending_at(
                tok.end
            )
            if ref is not None and ref.actor == holder:
                i = _index_at(self.tokens, ref.start)
                # a role or title right before the name belongs to it ("President Putin's")
                while i > 0:
                    role = self.doc.ref_ending_at(self.tokens[i - 1].end)
                    if role is None or not role.role:
                        break
                    i = _index_at(self.tokens, role.start)
                return i
        return first

    def _target(
        self, f: _Found, scope_start: int, scope_end: int, holder: str, left: int
    ) -> str | None:
        book = self.disc.book
        holder_side = book.country(holder)
        tokens = self.tokens
        doc = self.doc

        def other(actor: str | None) -> str | None:
            if actor is None or actor == holder or book.kind(actor) is ActorKind.MEDIA:
                return None
            side = book.country(actor)
            if side is not None and side == holder_side:
                return None
            return actor

        match = f.match
        ref: Ref | None
        if f.trigger.target == "obj" and match.group("obj") is not None:
            a = self.ts.token_at(match.start("obj"))
            b = self.ts.token_at(max(match.start("obj"), match.end("obj") - 1))
            for ref in doc.refs_in(tokens[a].start, tokens[b].end):
                if (found := other(ref.actor)) is not None:
                    return found
        if f.trigger.target == "clause-subject" or match.group().endswith("that"):
            if match.group().endswith("that"):
                stop = tokens[min(len(tokens) - 1, f.last + 4)].end
                for ref in doc.refs_in(tokens[f.last].end, stop):
                    if (found := other(ref.actor)) is not None:
                        return found
            for k in range(f.first - 1, max(-1, f.first - 6), -1):
                ref = doc.ref_ending_at(tokens[k].end)
                if ref is not None and (found := other(ref.actor)) is not None:
                    return found
        if f.trigger.condition and scope_start < len(tokens):
            for k in (scope_start, scope_start + 1):
                if k < len(tokens):
                    ref = doc.ref_starting_at(tokens[k].start)
                    if ref is not None and (found := other(ref.actor)) is not None:
                        return found
        if f.trigger.object_before:
            # "the American proposals seem acceptable", "the formulations they put forward"
            for ref in doc.refs_in(tokens[left].start, tokens[f.first].start):
                if (found := other(ref.actor)) is not None:
                    return found
            for k in range(left, f.first):
                if (
                    tokens[k].low in ("they", "their", "them")
                    and (found := other(self._pronoun(k))) is not None
                ):
                    return found
        # "concessions from the United States", "agreements with the US", "talks between A and B"
        for k in range(scope_start, scope_end):
            if tokens[k].low in ("from", "with", "between", "of", "on", "to") and k + 1 < scope_end:
                for m in range(k + 1, min(scope_end, k + 4)):
                    ref = doc.ref_starting_at(tokens[m].start)
                    if ref is not None and ref.actor is not None:
                        found = other(ref.actor)
                        if found is not None and book.kind(found) in (
                            ActorKind.STATE,
                            ActorKind.PERSON,
                            ActorKind.GOVERNMENT,
                        ):
                            return found
        # "proposal to resume ... the talks between Russia and Ukraine": the other party
        for k in range(f.last + 1, len(tokens) - 1):
            if tokens[k].low == "between":
                for ref in doc.refs_in(
                    tokens[k + 1].start, tokens[min(len(tokens) - 1, k + 6)].end
                ):
                    if (found := other(ref.actor)) is not None:
                        return found
        # "would hand over 23 wounded Ukrainians": the people handed over name the other side
        for ref in doc.refs_in(
            tokens[min(scope_start, len(tokens) - 1)].start, tokens[max(scope_end - 1, 0)].end
        ):
            if ref.rule.value == "demonym" and (found := other(ref.actor)) is not None:
                return found
        return None

    def _objects(self, start: int, end: int, holder: str, target: str | None) -> tuple[str, ...]:
        if end <= start:
            return ()
        book = self.disc.book
        out: list[str] = []
        for ref in self.doc.refs_in(self.tokens[start].start, self.tokens[end - 1].end):
            if ref.place is not None and (
                ref.actor is None
                or book.kind(ref.actor) is not ActorKind.STATE
                or ref.rule.value not in ("metonym", "demonym")
            ):
                if (
                    ref.actor is not None
                    and book.kind(ref.actor) is ActorKind.STATE
                    and ref.place.startswith("country:")
                ):
                    continue  # a state named as a party, not as land
                if ref.place not in out:
                    out.append(ref.place)
                continue
            if (
                ref.actor is not None
                and ref.actor not in (holder, target, *out)
                and book.kind(ref.actor) is ActorKind.ORGANIZATION
            ):
                out.append(ref.actor)
        return tuple(out)


def _statement_at(statements: Sequence[Draft], position: int) -> int | None:
    """The index of the statement whose content holds ``position`` (statements in text order)."""
    lo, hi = 0, len(statements)
    while lo < hi:  # the last statement starting at or before ``position``
        mid = (lo + hi) // 2
        if statements[mid].start <= position:
            lo = mid + 1
        else:
            hi = mid
    for index in range(lo - 1, max(-1, lo - 4), -1):
        if statements[index].start <= position < statements[index].end:
            return index
    return None


def _index_at(tokens: Sequence[Tok], position: int) -> int:
    for k, tok in enumerate(tokens):
        if tok.end > position:
            return k
    return max(0, len(tokens) - 1)


def _list_items(tokens: Sequence[Tok], start: int, end: int) -> list[tuple[int, int]]:
    """The items of '... demands include A, B and C' as token ranges."""
    lex = _lexicon()
    items: list[tuple[int, int]] = []
    begin = start
    while begin < end and tokens[begin].low in (
        ",",
        "including",
        "include",
        "includes",
        "are",
        "were",
    ):
        begin += 1
    k = begin
    while k < end:
        tok = tokens[k]
        splits = tok.text == "," or (
            tok.low == "and"
            and k + 1 < end
            and (tokens[k + 1].low in ("the", "a", "an") or _topics_in(lex, tokens[k + 1].low))
        )
        if splits:
            if k > begin:
                items.append((begin, k))
            begin = k + 1
        k += 1
    if end > begin:
        items.append((begin, end))
    return items


def _modality(text: str) -> Modality:
    if _DROPPED.search(text):
        return Modality.DROPPED
    if _UNCHANGED.search(text):
        return Modality.UNCHANGED
    return Modality.ASSERTED


def _dedupe(drafts: list[DemandDraft]) -> list[DemandDraft]:
    """Keep one demand for overlapping ones of the same holder, topic and polarity."""
    out: list[DemandDraft] = []
    by_sentence: dict[int, list[int]] = {}
    for draft in drafts:
        near = by_sentence.setdefault(draft.sentence, [])
        clash = next(
            (
                k
                for k in near
                if out[k].topic == draft.topic
                and out[k].polarity == draft.polarity
                and out[k].holder == draft.holder
                and out[k].start < draft.end
                and draft.start < out[k].end
            ),
            None,
        )
        if clash is None:
            near.append(len(out))
            out.append(draft)
            continue
        kept = out[clash]
        richer = len(draft.objects) + (draft.target is not None) > len(kept.objects) + (
            kept.target is not None
        )
        better = draft if richer else kept
        out[clash] = attrs.evolve(
            better, start=min(kept.start, draft.start), end=max(kept.end, draft.end)
        )
    return out
