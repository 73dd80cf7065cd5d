"""Demands: what each side demands, rejects, accepts or disowns, found by trigger patterns.

A trigger (``data/demands.json``) gives the polarity and tells where the holder is: the subject
before it, the possessor of a noun ("Russia's demands"), the speaker of the statement it lies
in, or the one a thing is "unacceptable to". The topic comes from topic words in the trigger's
clause (its object first), the target from "from X", "urged X to", "that X cede", and the
objects from the places and organizations the clause names. Negation before a trigger turns a
demand into a disavowal and an acceptance into a rejection.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from peacetalks._extract._doc import Doc, Ref, Sent, Tok
from peacetalks._extract._lexicon import load_data
from peacetalks._extract._speakers import Discourse
from peacetalks._extract._tokstr import TokenString
from peacetalks._extract.statements import Draft
from peacetalks._vocab import ActorKind, Modality, Polarity, Topic

__all__ = ["DemandDraft", "extract_demands"]


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


@attrs.frozen
class _DemandLexicon:
    triggers: tuple[_Trigger, ...]
    topics: tuple[tuple[Topic, tuple[regex.Pattern[str], ...]], ...]  # in priority order
    negations: frozenset[str]


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
        )
        for entry in data["triggers"]
    )
    topics = tuple(
        (Topic(name), tuple(regex.compile(p) for p in data["topics"][name]))
        for name in data["topic_priority"]
    )
    return _DemandLexicon(triggers, topics, frozenset(data["negations"]))


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


_BOUNDARY_WORDS = frozenset(
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
    }
)
_CONTINUE_WORDS = frozenset({"including", "and", "or", "such"})
_UNCHANGED = regex.compile(r"\b(?:unchanged|remain(?:s|ed)? the same|same demands|reiterat)")
_DROPPED = regex.compile(
    r"\b(?:dropped|abandoned|no longer (?:demands?|insists?|seeks?)|backed away from|withdrew (?:its|the) demand)"
)
_HYPOTHETICAL = regex.compile(r"\bif\b[^,]{0,60},|\bwould only\b|\bcould\b")


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
        out.extend(_sentence(doc, disc, lex, sent, si, tokens, statements))
    return _dedupe(out)


def _sentence(
    doc: Doc,
    disc: Discourse,
    lex: _DemandLexicon,
    sent: Sent,
    si: int,
    tokens: Sequence[Tok],
    statements: Sequence[Draft],
) -> list[DemandDraft]:
    ts = TokenString.of(tokens)
    found: list[tuple[int, int, _Trigger, regex.Match[str]]] = []
    for trigger in lex.triggers:
        for match in trigger.pattern.finditer(ts.text):
            first = ts.token_at(match.start())
            last = ts.token_at(max(match.start(), match.end() - 1))
            found.append((first, last, trigger, match))
    found.sort(key=lambda item: (item[0], -item[1]))
    drafts: list[DemandDraft] = []
    taken: list[tuple[int, int]] = []
    sentence_text = ts.text
    modality = _modality(sentence_text)
    for first, last, trigger, match in found:
        if any(a <= first <= b for a, b in taken):
            continue  # a longer trigger already covers this one
        statement = _statement_at(statements, tokens[first].start)
        left = _left_bound(doc, tokens, first, statement)
        right = _right_bound(doc, disc, tokens, last + 1)
        polarity = _negate(lex, tokens, left, first, trigger.polarity, match.group())
        if trigger.is_list:
            items = _list_items(tokens, last + 1, right)
            for a, b in items:
                made = _make(
                    doc,
                    disc,
                    lex,
                    tokens,
                    ts,
                    trigger,
                    match,
                    first,
                    last,
                    a,
                    b,
                    si,
                    statement,
                    polarity,
                    modality,
                    sent,
                    list_item=True,
                )
                if made is not None:
                    drafts.append(made)
            taken.append((first, right))
            continue
        if trigger.condition:
            cond = _make(
                doc,
                disc,
                lex,
                tokens,
                ts,
                trigger,
                match,
                first,
                last,
                last + 1,
                right,
                si,
                statement,
                polarity,
                modality,
                sent,
            )
            main = None
            if left < first:
                main = _make(
                    doc,
                    disc,
                    lex,
                    tokens,
                    ts,
                    trigger,
                    match,
                    first,
                    last,
                    left,
                    first,
                    si,
                    statement,
                    polarity,
                    modality,
                    sent,
                    before=True,
                )
            if cond is not None:
                drafts.append(cond)
                if main is not None and (main.topic != cond.topic or main.target != cond.target):
                    drafts.append(
                        attrs.evolve(main, condition=(cond.start, cond.end), confidence=0.6)
                    )
            taken.append((first, last))
            continue
        made = _make(
            doc,
            disc,
            lex,
            tokens,
            ts,
            trigger,
            match,
            first,
            last,
            last + 1,
            right,
            si,
            statement,
            polarity,
            modality,
            sent,
        )
        if made is not None:
            drafts.append(made)
            taken.append((first, last))
    return drafts


def _statement_at(statements: Sequence[Draft], position: int) -> int | None:
    for index, draft in enumerate(statements):
        if draft.start <= position < draft.end:
            return index
    return None


def _left_bound(doc: Doc, tokens: Sequence[Tok], i: int, statement: int | None) -> int:
    k = i - 1
    while k >= 0:
        tok = tokens[k]
        if tok.text in (";", "—", "–", ":", "(") or tok.text in ('"', "“", "”"):
            return k + 1
        if (
            tok.text == ","
            and k + 1 < len(tokens)
            and tokens[k + 1].low in _BOUNDARY_WORDS | {"and", "with", "that"}
        ):
            return k + 1 if tokens[k + 1].low in ("and", "that") else k + 2
        if tok.low == "that" and k > 0 and tokens[k - 1].low not in ("so",):
            return k + 1
        k -= 1
    return 0


def _right_bound(doc: Doc, disc: Discourse, tokens: Sequence[Tok], j: int) -> int:
    n = len(tokens)
    k = j
    while k < n:
        tok = tokens[k]
        if tok.text in (";", "—", "–", ".", "?", "!", ":") and k > j:
            return k
        if tok.text == "," and k + 1 < n:
            nxt = tokens[k + 1]
            if nxt.low in _CONTINUE_WORDS:
                k += 1
                continue
            if doc.ref_starting_at(nxt.start) is not None and _place_or_org(doc, disc, nxt):
                k += 1
                continue
            return k
        k += 1
    return n


def _place_or_org(doc: Doc, disc: Discourse, tok: Tok) -> bool:
    ref = doc.ref_starting_at(tok.start)
    if ref is None:
        return False
    if ref.place is not None and ref.actor is None:
        return True
    return disc.book.kind(ref.actor) is ActorKind.ORGANIZATION


def _negate(
    lex: _DemandLexicon,
    tokens: Sequence[Tok],
    left: int,
    first: int,
    polarity: Polarity,
    words: str,
) -> Polarity:
    if any(n in words.split() for n in ("not", "never", "no")):
        return polarity  # the pattern already reads the negation
    window = [t.low for t in tokens[max(left, first - 3) : first]]
    negated = any(w in lex.negations or w.endswith("n't") for w in window)
    if not negated:
        return polarity
    return {
        Polarity.DEMAND: Polarity.DISAVOW,
        Polarity.ACCEPT: Polarity.REJECT,
        Polarity.REJECT: Polarity.ACCEPT,
        Polarity.DISAVOW: Polarity.DEMAND,
    }[polarity]


def _list_items(tokens: Sequence[Tok], start: int, end: int) -> list[tuple[int, int]]:
    """The items of '... demands include A, B and C' as token ranges."""
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
        if tok.text == "," or (
            (tok.low == "and"
            and k + 1 < end
            and tokens[k + 1].low in ("the", "a", "an"))
            or (tok.low == "and"
            and _starts_topic(tokens, k + 1, end))
        ):
            if k > begin:
                items.append((begin, k))
            begin = k + 1
        k += 1
    if end > begin:
        items.append((begin, end))
    return items


def _starts_topic(tokens: Sequence[Tok], k: int, end: int) -> bool:
    lex = _lexicon()
    if k >= end:
        return False
    word = tokens[k].low
    return any(p.search(word) for _, patterns in lex.topics for p in patterns)


def _modality(text: str) -> Modality:
    if _DROPPED.search(text):
        return Modality.DROPPED
    if _UNCHANGED.search(text):
        return Modality.UNCHANGED
    return Modality.ASSERTED


def _make(
    doc: Doc,
    disc: Discourse,
    lex: _DemandLexicon,
    tokens: Sequence[Tok],
    ts: TokenString,
    trigger: _Trigger,
    match: regex.Match[str],
    first: int,
    last: int,
    scope_start: int,
    scope_end: int,
    si: int,
    statement: int | None,
    polarity: Polarity,
    modality: Modality,
    sent: Sent,
    *,
    list_item: bool = False,
    before: bool = False,
) -> DemandDraft | None:
    topic = _topic(lex, tokens, scope_start, scope_end)
    if (topic is None and trigger.topic_from == "before") or (topic is None and before):
        topic = _topic(lex, tokens, _left_bound(doc, tokens, first, statement), first)
    if topic is None and not trigger.weak and not list_item:
        topic = _topic(lex, tokens, 0, len(tokens))
    if topic is None:
        return None
    holder = _holder(doc, disc, tokens, trigger, first, last, statement, scope_end, si, sent)
    if holder is None:
        return None
    target = _target(
        doc, disc, tokens, ts, trigger, match, first, last, scope_start, scope_end, holder
    )
    objects = _objects(doc, disc, tokens, scope_start, scope_end, holder, target)
    if list_item or before:
        start, end = tokens[scope_start].start, tokens[scope_end - 1].end
        if list_item and scope_start > 0 and tokens[scope_start - 1].low == "including":
            start = tokens[scope_start - 1].start
    else:
        begin = _holder_start(doc, tokens, first, holder)
        start = tokens[begin].start
        end = tokens[max(scope_end - 1, last)].end
    if end <= start:
        return None
    confidence = 0.55 if trigger.weak else 0.8
    return DemandDraft(
        start,
        end,
        holder,
        topic,
        polarity,
        si,
        target,
        objects,
        statement,
        None,
        modality,
        confidence,
    )


def _topic(lex: _DemandLexicon, tokens: Sequence[Tok], start: int, end: int) -> Topic | None:
    if end <= start:
        return None
    text = TokenString.of(tokens[start:end]).text
    for topic, patterns in lex.topics:
        if any(p.search(text) for p in patterns):
            return topic
    return None


def _holder(
    doc: Doc,
    disc: Discourse,
    tokens: Sequence[Tok],
    trigger: _Trigger,
    first: int,
    last: int,
    statement: int | None,
    scope_end: int,
    si: int,
    sent: Sent,
) -> str | None:
    speaker = disc.statements[statement].speaker.actor if statement is not None else None
    if trigger.holder == "experiencer":
        for k in range(last, min(len(tokens), last + 4)):
            if tokens[k].low == "to" and k + 1 < len(tokens):
                actor = _actor_at(doc, disc, tokens[k + 1], si, sent)
                if actor is not None:
                    return actor
        return speaker or _subject_before(doc, disc, tokens, first, si, sent)
    if trigger.holder == "possessor":
        owner = _possessor(doc, disc, tokens, first, si, sent)
        if owner is not None:
            return owner
    if trigger.holder == "speaker" and speaker is not None:
        return speaker
    subject = _subject_before(
        doc, disc, tokens, first, si, sent, stop=statement_start(disc, statement)
    )
    if subject is not None:
        return subject
    return speaker or _sentence_actor(doc, disc, tokens, si, sent)


def statement_start(disc: Discourse, statement: int | None) -> int | None:
    return None if statement is None else disc.statements[statement].start


def _actor_at(doc: Doc, disc: Discourse, tok: Tok, si: int, sent: Sent) -> str | None:
    ref = doc.ref_starting_at(tok.start)
    if ref is not None:
        return _ref_actor(disc, ref)
    if tok.low in ("he", "she", "it", "they", "him", "them", "us", "we"):
        return (
            disc.pronoun(
                tok.low if tok.low not in ("us", "we") else "it", tok.start, si, sent.start
            )
            if tok.low not in ("us", "we")
            else _we(disc, tok.start)
        )
    return None


def _we(disc: Discourse, position: int) -> str | None:
    last = disc.last_speaker
    return None if last is None else last.actor


def _ref_actor(disc: Discourse, ref: Ref) -> str | None:
    if ref.actor is not None:
        return ref.actor
    return None


def _possessor(
    doc: Doc, disc: Discourse, tokens: Sequence[Tok], first: int, si: int, sent: Sent
) -> str | None:
    """The owner in 'Russia's (persistent) demands', 'its willingness', 'Putin's proposal'."""
    k = first - 1
    steps = 0
    while k >= 0 and steps < 4:
        tok = tokens[k]
        if tok.possessive:
            ref = doc.ref_ending_at(tok.start + len(tok.base))
            if ref is not None and ref.actor is not None:
                return ref.actor
            return None
        if tok.low in ("its", "their", "his", "her"):
            return disc.pronoun(
                {"its": "it", "their": "they", "his": "he", "her": "she"}[tok.low],
                tok.start,
                si,
                sent.start,
            )
        if tok.low in ("our", "my"):
            return _we(disc, tok.start)
        if not tok.is_word or tok.low in ("the", "a", "an"):
            break
        k -= 1
        steps += 1
    return None


def _subject_before(
    doc: Doc,
    disc: Discourse,
    tokens: Sequence[Tok],
    first: int,
    si: int,
    sent: Sent,
    stop: int | None = None,
) -> str | None:
    """The nearest actor named before the trigger in its clause."""
    limit = tokens[0].start if stop is None else max(stop, tokens[0].start)
    k = first - 1
    while k >= 0 and tokens[k].start >= limit:
        tok = tokens[k]
        if (
            tok.text in (";", "—", "–")
            or (tok.text == ","
            and k + 1 < first
            and tokens[k + 1].low in ("while", "but", "yet", "although", "though", "whereas"))
        ):
            break
        ref = doc.ref_ending_at(tok.start + len(tok.base)) or doc.ref_ending_at(tok.end)
        if ref is not None and ref.actor is not None:
            kind = disc.book.kind(ref.actor)
            if kind is not ActorKind.MEDIA:
                return ref.actor
        if tok.low in ("he", "she", "it", "they", "its", "their", "his", "her"):
            base = {"its": "it", "their": "they", "his": "he", "her": "she"}.get(tok.low, tok.low)
            actor = disc.pronoun(base, tok.start, si, sent.start)
            if actor is not None:
                return actor
        if tok.low in ("we", "our", "us", "i"):
            return _we(disc, tok.start)
        k -= 1
    return None


def _sentence_actor(
    doc: Doc, disc: Discourse, tokens: Sequence[Tok], si: int, sent: Sent
) -> str | None:
    for ref in doc.refs_in(sent.start, sent.end):
        if ref.actor is not None and disc.book.kind(ref.actor) not in (ActorKind.MEDIA, None):
            return ref.actor
    return None


def _holder_start(doc: Doc, tokens: Sequence[Tok], first: int, holder: str) -> int:
    """Start the demand's span at its holder when the holder is named just before the trigger."""
    for k in range(first - 1, max(-1, first - 6), -1):
        tok = tokens[k]
        if tok.text in (",", ";", "(", '"', "“", "”"):
            break
        ref = doc.ref_ending_at(tok.start + len(tok.base)) or doc.ref_ending_at(tok.end)
        if ref is not None and ref.actor == holder:
            return _index_at(tokens, ref.start)
    return first


def _index_at(tokens: Sequence[Tok], position: int) -> int:
    for k, tok in enumerate(tokens):
        if tok.end > position:
            return k
    return len(tokens) - 1


def _target(
    doc: Doc,
    disc: Discourse,
    tokens: Sequence[Tok],
    ts: TokenString,
    trigger: _Trigger,
    match: regex.Match[str],
    first: int,
    last: int,
    scope_start: int,
    scope_end: int,
    holder: str,
) -> str | None:
    holder_side = disc.book.country(holder)

    def other(actor: str | None) -> str | None:
        if actor is None or actor == holder:
            return None
        side = disc.book.country(actor)
        if side is not None and side == holder_side:
            return None
        if disc.book.kind(actor) is ActorKind.MEDIA:
            return None
        return actor

    ref: Ref | None
    if trigger.target == "obj" and match.group("obj") is not None:
        a = ts.token_at(match.start("obj"))
        b = ts.token_at(max(match.start("obj"), match.end("obj") - 1))
        for ref in doc.refs_in(tokens[a].start, tokens[b].end):
            found = other(ref.actor)
            if found is not None:
                return found
    if trigger.target == "clause-subject":
        # "demanded that Ukraine cede": the first actor after the trigger
        if match.group().endswith("that"):
            for ref in doc.refs_in(tokens[last].end, tokens[min(len(tokens) - 1, last + 4)].end):
                found = other(ref.actor)
                if found is not None:
                    return found
        # "Ukraine must cede": the actor right before the modal
        k = first - 1
        while k >= 0 and k >= first - 5:
            ref = doc.ref_ending_at(tokens[k].end)
            if ref is not None:
                found = other(ref.actor)
                if found is not None:
                    return found
            k -= 1
    if trigger.condition and scope_start < len(tokens):
        ref = doc.ref_starting_at(tokens[scope_start].start) or (
            doc.ref_starting_at(tokens[scope_start + 1].start)
            if scope_start + 1 < len(tokens)
            else None
        )
        if ref is not None:
            found = other(ref.actor)
            if found is not None:
                return found
    # "concessions from the United States", "agreements with the US", "talks between Russia and Ukraine"
    for k in range(scope_start, scope_end):
        if tokens[k].low in ("from", "with", "between", "of", "on") and k + 1 < scope_end:
            for m in range(k + 1, min(scope_end, k + 4)):
                ref = doc.ref_starting_at(tokens[m].start)
                if ref is not None and ref.actor is not None:
                    found = other(ref.actor)
                    if found is not None and disc.book.kind(found) in (
                        ActorKind.STATE,
                        ActorKind.PERSON,
                        ActorKind.GOVERNMENT,
                    ):
                        return found
    return None


def _objects(
    doc: Doc,
    disc: Discourse,
    tokens: Sequence[Tok],
    start: int,
    end: int,
    holder: str,
    target: str | None,
) -> tuple[str, ...]:
    if end <= start:
        return ()
    out: list[str] = []
    for ref in doc.refs_in(tokens[start].start, tokens[end - 1].end):
        if ref.place is not None and (ref.actor is None or ref.rule.value in ("name", "alias")):
            kind = disc.book.kind(ref.actor)
            if ref.actor is None or kind is not ActorKind.STATE:
                if ref.place not in out:
                    out.append(ref.place)
                continue
        if ref.actor is not None and ref.actor not in (holder, target):
            if disc.book.kind(ref.actor) is ActorKind.ORGANIZATION and ref.actor not in out:
                out.append(ref.actor)
    return tuple(out)


def _dedupe(drafts: list[DemandDraft]) -> list[DemandDraft]:
    """Drop a demand that repeats an overlapping one of the same side, topic and polarity."""
    out: list[DemandDraft] = []
    for draft in drafts:
        clash = next(
            (
                k
                for k, kept in enumerate(out)
                if kept.topic == draft.topic
                and kept.polarity == draft.polarity
                and kept.holder == draft.holder
                and kept.start < draft.end
                and draft.start < kept.end
            ),
            None,
        )
        if clash is None:
            out.append(draft)
            continue
        kept = out[clash]
        better = (
            draft
            if len(draft.objects) + (draft.target is not None)
            > len(kept.objects) + (kept.target is not None)
            else kept
        )
        merged = attrs.evolve(
            better, start=min(kept.start, draft.start), end=max(kept.end, draft.end)
        )
        out[clash] = merged
    return out
