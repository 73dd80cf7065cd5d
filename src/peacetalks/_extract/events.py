"""Events: talks, proposals, agreements, ceasefires, exchanges, strikes and the rest.

Triggers (``data/events.json``) find a mention and its type. A noun event's span is its noun
phrase: the modifiers before it and the prepositional phrases after it ("a Russian missile
strike on Kyiv"), widened to the subject when it is the object of a verb such as "accepted"; a
verb event's span runs from its subject to the end of its clause. The status comes from cue
words (scheduled, expected, proposed, called off, denied); the date, place, participants and
figures from the phrase, then from the clause. A generic mention ("any future ceasefire",
"peace talks" with nobody, no date and no place) is not an event; a proposal needs an author.
A later mention that repeats an earlier event is folded into it; one that adds a date or a place
is linked to it by ``same_as``; one that contradicts it (another date, place or count) is a
different event.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import attrs
import regex

from peacetalks._extract._doc import MAX_TRIGGERS, Doc, Sent, SpanIndex, Tok
from peacetalks._extract._lexicon import load_data
from peacetalks._extract._speakers import Discourse
from peacetalks._extract._tokstr import TokenString
from peacetalks._extract.demands import DemandDraft, _statement_at
from peacetalks._model import DateMention, Figure
from peacetalks._vocab import (
    ActorKind,
    EventStatus,
    EventType,
    FigureKind,
    Granularity,
    Qualifier,
    TimeKind,
)

__all__ = ["EventDraft", "extract_events", "figures_in"]


@attrs.frozen
class _Trigger:
    type: EventType
    pattern: regex.Pattern[str]
    kind: str
    needs: str | None
    needs_place: bool
    needs_owner: bool
    weak: bool


@attrs.frozen
class _EventLexicon:
    triggers: tuple[_Trigger, ...]
    prisoner_words: frozenset[str]
    violation_cues: tuple[regex.Pattern[str], ...]
    status: tuple[tuple[EventStatus, tuple[regex.Pattern[str], ...]], ...]
    negated: tuple[regex.Pattern[str], ...]
    generic: frozenset[str]
    figure_after: tuple[tuple[FigureKind, tuple[str, ...]], ...]
    figure_before: tuple[tuple[FigureKind, tuple[str, ...]], ...]
    qualifiers: tuple[tuple[str, Qualifier], ...]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    mediator_cues: tuple[str, ...]
    both_sides: tuple[regex.Pattern[str], ...]
    object_verbs: frozenset[str]
    subject_verbs: tuple[tuple[str, ...], ...]
    phrase_participles: frozenset[str]
    casualty_verbs: frozenset[str]


@functools.cache
def _lexicon() -> _EventLexicon:
    data = load_data("events.json")
    triggers = tuple(
        _Trigger(
            EventType(e["type"]),
            regex.compile(e["pattern"]),
            e["kind"],
            e.get("needs"),
            bool(e.get("needs_place")),
            bool(e.get("needs_owner")),
            bool(e.get("weak")),
        )
        for e in data["triggers"]
    )
    order = ("cancelled", "denied", "expected", "planned", "proposed")
    status = tuple(
        (EventStatus(name), tuple(regex.compile(p) for p in data["status"][name])) for name in order
    )
    figures = data["figure_words"]
    quals = sorted(data["qualifiers"].items(), key=lambda kv: -len(kv[0]))
    return _EventLexicon(
        triggers=triggers,
        prisoner_words=frozenset(data["prisoner_words"]),
        violation_cues=tuple(regex.compile(p) for p in data["violation_cues"]),
        status=status,
        negated=tuple(regex.compile(p) for p in data["negated"]),
        generic=frozenset(data["generic_determiners"]),
        figure_after=tuple(
            (FigureKind(k), tuple(sorted(v["after"], key=len, reverse=True)))
            for k, v in figures.items()
        ),
        figure_before=tuple(
            (FigureKind(k), tuple(sorted(v["before"], key=len, reverse=True)))
            for k, v in figures.items()
        ),
        qualifiers=tuple((words, Qualifier(q)) for words, q in quals),
        number_words=dict(data["number_words"]),
        multipliers=dict(data["multipliers"]),
        mediator_cues=tuple(data["mediator_cues"]),
        both_sides=tuple(regex.compile(p) for p in data["both_sides"]),
        object_verbs=frozenset(data["object_verbs"]),
        subject_verbs=tuple(tuple(v.split()) for v in data["subject_verbs"]),
        phrase_participles=frozenset(data["phrase_participles"]),
        casualty_verbs=frozenset(data["casualty_verbs"]),
    )


@attrs.frozen
class EventDraft:
    """An event found in the working text, before it becomes an ``Event`` record."""

    start: int
    end: int
    type: EventType
    sentence: int
    status: EventStatus = EventStatus.OCCURRED
    date: DateMention | None = None
    location: str | None = None
    participants: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    same_as: int | None = None
    confidence: float = 0.75
    bare: bool = False  # a mention with no date, place, figure or party of its own
    anaphoric: bool = False  # "the truce", "this attack": points back to an event named before


@attrs.frozen
class _Hit:
    first: int
    last: int
    trigger: _Trigger


_CLAUSE_STOP = frozenset(
    {
        "which",
        "who",
        "while",
        "but",
        "yet",
        "although",
        "though",
        "whereas",
        "saying",
        "adding",
        "citing",
        "noting",
        "because",
        "since",
        "so",
        "regardless",
    }
)
_VERBISH = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "said",
        "says",
        "say",
        "requires",
        "require",
        "depends",
        "marks",
        "remains",
        "remain",
        "seems",
        "appears",
        "resulted",
        "serves",
        "conveys",
        "reflect",
        "reflects",
        "need",
        "needs",
        "lies",
        "went",
        "came",
        "takes",
        "took",
        "led",
        "began",
        "that",
        "which",
        "who",
        "as",
        "but",
        "while",
        "because",
        "if",
        "when",
        "after",
        "before",
        "despite",
        "though",
        "although",
        "so",
        "than",
    }
)
_ATTACH = frozenset(
    {
        "in",
        "on",
        "at",
        "of",
        "between",
        "with",
        "against",
        "from",
        "until",
        "into",
        "near",
        "inside",
        "over",
        "across",
        "by",
        "among",
        "during",
        "amid",
    }
)
_NP_LEFT = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "full-scale",
        "unilateral",
        "temporary",
        "partial",
        "full",
        "direct",
        "indirect",
        "new",
        "latest",
        "first",
        "second",
        "third",
        "another",
        "peace",
        "energy",
        "missile",
        "drone",
        "air",
        "artillery",
        "rocket",
        "prisoner",
        "prisoners",
        "pow",
        "immediate",
        "unconditional",
        "bilateral",
        "trilateral",
        "high-level",
        "largest",
        "major",
        "massive",
        "deadly",
        "recent",
        "revised",
        "original",
        "this",
        "that",
        "these",
        "those",
        "and",
        "round",
        "telephone",
        "phone",
        "short-term",
        "long-term",
        "brief",
        "specific",
        "ground",
        "joint",
        "reported",
        "so-called",
    }
)
_DETS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my"}
)
_SUBJECT_STOP = frozenset(
    {
        "that",
        "which",
        "who",
        "when",
        "while",
        "because",
        "if",
        "as",
        ";",
        ":",
        "—",
        "–",
        "after",
        "before",
        "since",
        "until",
        "noting",
        "saying",
        "adding",
        "and",
    }
)


def extract_events(
    doc: Doc,
    disc: Discourse,
    dates: Sequence[DateMention],
    demands: Sequence[DemandDraft],
    principal: tuple[str, ...],
) -> list[EventDraft]:
    """Every event of the document, in text order, with repetitions folded in."""
    lex = _lexicon()
    drafts: list[EventDraft] = []
    dates_index = SpanIndex.of([(m.span.start, m.span.end) for m in dates])
    demands_index = SpanIndex.of([(d.start, d.end) for d in demands])
    for si, sent in enumerate(doc.sentences):
        if sent.kind in ("furniture", "caption", "question", "heading"):
            continue
        tokens = doc.sentence_tokens(sent)
        if len(tokens) < 2:
            continue
        drafts.extend(
            _Sentence(
                doc, disc, lex, sent, si, tokens, dates, dates_index, demands_index, principal
            ).run()
        )
    return _corefer(drafts, lambda actor: disc.book.country(actor) or actor)


@attrs.define
class _Sentence:
    doc: Doc
    disc: Discourse
    lex: _EventLexicon
    sent: Sent
    si: int
    tokens: Sequence[Tok]
    dates: Sequence[DateMention]
    dates_index: SpanIndex
    demands_index: SpanIndex
    principal: tuple[str, ...]
    _types: dict[int, EventType] = attrs.field(factory=dict)

    def run(self) -> list[EventDraft]:
        ts = TokenString.of(self.tokens)
        hits: list[_Hit] = []
        for trigger in self.lex.triggers:
            for match in trigger.pattern.finditer(ts.text):
                first = ts.token_at(match.start())
                last = ts.token_at(max(match.start(), match.end() - 1))
                hits.append(_Hit(first, last, trigger))
        if not hits:
            return []
        if any(p.search(ts.text) for p in self.lex.negated):
            hits = [h for h in hits if h.trigger.type is not EventType.SANCTIONS]
        hits = _resolve_overlaps(sorted(hits, key=lambda h: (h.first, -(h.last - h.first))))
        del hits[MAX_TRIGGERS:]  # a run of trigger words is no news sentence
        starts = sorted(h.first for h in hits)
        self._types = {h.first: h.trigger.type for h in hits}
        out: list[EventDraft] = []
        absorbed: set[int] = set()
        for hit in hits:
            if hit.first in absorbed:
                continue
            made = self._event(hit, starts)
            if made is None:
                continue
            draft, start_i, end_i = made
            out.append(draft)
            # a noun trigger inside this event's phrase ("a moratorium on strikes") is part of it
            for other in hits:
                if (
                    start_i <= other.first < end_i
                    and other.first > hit.last
                    and other.trigger.kind == "noun"
                ):
                    absorbed.add(other.first)
        return out

    # -------------------------------------------------------------------------------------------

    def _event(self, hit: _Hit, starts: list[int]) -> tuple[EventDraft, int, int] | None:
        tokens, trig, lex = self.tokens, hit.trigger, self.lex
        token = tokens[hit.first]
        quote = self.doc.quote_at(token.start)
        if quote is not None and quote.fragment and self._said_as_such(quote.start, quote.end):
            return None  # what someone called it: "a very good meeting"
        if trig.needs == "prisoners" and not self._near(hit, lex.prisoner_words, 8):
            return None
        if trig.kind == "verb" and hit.first > 0 and tokens[hit.first - 1].low in _DETS:
            return None  # "the freed soldiers": an adjective
        if (
            trig.kind == "verb"
            and token.low in ("met", "greeted", "welcomed")
            and hit.first > 0
            and tokens[hit.first - 1].low in ("was", "were", "been", "being")
            and hit.last + 1 < len(tokens)
            and tokens[hit.last + 1].low == "by"
            and not self._actors(
                tokens[hit.last + 1].end, tokens[min(len(tokens), hit.last + 5) - 1].end
            )
        ):
            return None  # "they were met by their families": a welcome, not a meeting
        if trig.needs_place and not self._place_after(hit.last, 4):
            return None
        if etype_needs_direct_place(trig) and not self._place_next(hit.last):
            return None
        left, right = self._clause(hit.first, hit.last)
        clause = TokenString.of(tokens[left:right]).text
        etype = trig.type
        if etype is EventType.ATTACK and any(p.search(clause) for p in lex.violation_cues):
            etype = EventType.CEASEFIRE_VIOLATION
        # the next trigger ends this phrase, unless this one governs it ("a moratorium on strikes")
        # or joins it ("ground assaults and strikes")
        following = [
            s
            for s in starts
            if s > hit.last
            and not self._governed(s)
            and not (tokens[s - 1].low == "and" and self._type_at(s) is hit.trigger.type)
        ]
        limit = following[0] if following else right
        start_i, end_i = self._extent(hit, left, min(right, limit))
        start, end = tokens[start_i].start, tokens[end_i - 1].end
        generic = self._generic(hit.first)
        event_verb = self._followed_by_event_verb(hit)
        if event_verb and trig.kind == "noun":
            end_i = max(end_i, right)  # "the ceasefire is to begin within 24 hours ..."
            end = tokens[end_i - 1].end
        own_parties = self._parties(start_i, end_i)
        own_date = self._date(start_i, end_i, start_i, end_i, hit)
        own_place = self._location(start_i, end_i, start_i, end_i)
        own_figures = figures_in(self.doc, tokens, start_i, end_i, self.dates_index, etype)
        if trig.needs_owner and not self._owner(hit, start_i, end_i):
            return None
        resolved_date = own_date is not None and not own_date.time.value.endswith("_REF")
        enough_parties = len({self.disc.book.country(a) or a for a in own_parties}) >= (
            2 if etype in (EventType.TALKS, EventType.AGREEMENT) else 1
        )
        specific = (
            trig.kind == "verb"
            or resolved_date
            or own_place is not None
            or bool(own_figures)
            or enough_parties
            or (self._attached(hit, end_i) and etype not in (EventType.TALKS, EventType.AGREEMENT))
            or self._governed_by_verb(hit, start_i, left)
            or event_verb
        )
        if generic and not resolved_date and own_place is None and not own_figures:
            specific = False
        if trig.weak and not resolved_date and own_place is None:
            specific = False
        if (
            trig.kind == "noun"
            and etype is not EventType.PROPOSAL
            and self._inside_demand(hit)
            and not resolved_date
        ):
            specific = False
        if not specific:
            return None
        date = (
            own_date
            or self._relative_clause_date(end_i, hit)
            or self._date(start_i, end_i, left, right, hit)
        )
        location = own_place or self._location(start_i, end_i, left, right)
        counted = etype in (
            EventType.ATTACK,
            EventType.CEASEFIRE_VIOLATION,
            EventType.PRISONER_EXCHANGE,
            EventType.INVASION,
        )
        figures = own_figures or (
            figures_in(self.doc, tokens, left, right, self.dates_index, etype) if counted else ()
        )
        bare = not (own_date or own_place or own_figures or own_parties) and trig.kind == "noun"
        participants = own_parties or self._clause_parties(left, right, hit, etype)
        if (
            own_parties
            and etype in (EventType.TALKS, EventType.AGREEMENT)
            and start_i > left
            and len({self.disc.book.country(a) or a for a in own_parties}) < 2
        ):
            # "Erdogan had a telephone conversation with Putin": the subject takes part too
            subject = self._actors(tokens[left].start, tokens[start_i - 1].end)
            participants = _merge(subject, participants)
        if etype is EventType.PRISONER_EXCHANGE and trig.kind == "verb":
            participants = self._without_released(participants, hit, right)
        stateless = all(self.disc.book.country(p) is None for p in participants)
        sides = {self.disc.book.country(p) for p in participants} - {None}
        if etype is EventType.CEASEFIRE and not own_parties and len(sides) < 2:
            # "Peskov said, citing a moratorium on strikes, though he said Ukraine had not
            # adhered to it": the sides the sentence names, where it names two
            named = self._actors(self.sent.start, self.sent.end)
            if len({self.disc.book.country(a) for a in named} - {None}) >= 2:
                participants = _merge(participants, named)
                stateless = not participants
        if any(p.search(clause) for p in lex.both_sides) or (
            stateless and etype in (EventType.TALKS, EventType.ATTACK, EventType.CEASEFIRE)
        ):
            participants = _merge(participants, self.principal)
        elif (
            etype is EventType.INVASION
            and len({self.disc.book.country(p) for p in participants} - {None}) < 2
        ):
            # "its full-scale invasion of Ukraine": an invasion has two sides, and where the
            # sentence names one (or none) the article's two main parties are the best guess
            participants = _merge(participants, self.principal)
        status = self._status(clause, etype, date)
        confidence = 0.6 if trig.weak or generic else 0.75
        anaphoric = (
            trig.kind == "noun"
            and start_i < hit.first
            and tokens[start_i].low in ("the", "this", "that", "these", "those", "its")
        )
        draft = EventDraft(
            start,
            end,
            etype,
            self.si,
            status,
            date,
            location,
            participants,
            figures,
            confidence=confidence,
            bare=bare,
            anaphoric=anaphoric,
        )
        return draft, start_i, end_i

    # --- where the phrase and the clause are ------------------------------------------------------

    def _clause(self, first: int, last: int) -> tuple[int, int]:
        tokens = self.tokens
        left = first
        while left > 0:
            prev = tokens[left - 1]
            if prev.text in (";", "—", "–", ":") or (
                prev.text == "," and tokens[left].low in _CLAUSE_STOP
            ):
                break
            left -= 1
        right = last + 1
        n = len(tokens)
        while right < n:
            tok = tokens[right]
            if tok.text in (";", "—", "–", ".", "?", "!"):
                break
            if (
                tok.text == ","
                and right + 1 < n
                and (tokens[right + 1].low in _CLAUSE_STOP or tokens[right + 1].low.endswith("ing"))
            ):
                break
            right += 1
        return left, right

    def _extent(self, hit: _Hit, left: int, limit: int) -> tuple[int, int]:
        tokens = self.tokens
        start = hit.first
        if hit.trigger.kind == "noun":
            k = start - 1
            while k >= left:
                tok = tokens[k]
                ref = self.doc.ref_ending_at(tok.start + len(tok.base)) or self.doc.ref_ending_at(
                    tok.end
                )
                proper = (
                    tok.is_capitalized and tok.is_word and k > left and tokens[k - 1].text != "."
                )
                if (
                    tok.low in _NP_LEFT
                    or tok.text in ('"', "“", "”")
                    or tok.low[:1].isdigit()
                    or ref is not None
                    or proper
                ):
                    start = k if ref is None else _index_at(tokens, ref.start, k)
                    k = start - 1
                    continue
                if tok.is_word and "-" in tok.low and k == start - 1:
                    start = k
                    k -= 1
                    continue
                break
            while start < hit.first and tokens[start].low in ("and", "that", "this"):
                start += 1
            verb = self._governing_verb(start, left)
            if verb is not None:
                start = self._subject_start(verb, left)
        else:
            start = self._subject_start(hit.first, left)
        end = hit.last + 1
        if hit.trigger.kind == "verb":
            stop = max(end, limit)
            for k in range(end, stop - 1):
                if tokens[k].low == "and" and tokens[k + 1].low == "that":
                    stop = k  # "would be freed and that Israel would pull back": a new clause
                    break
            return start, stop
        k = end
        attach = _ATTACH | {"to"} if hit.trigger.type is EventType.PROPOSAL else _ATTACH
        while k < limit:
            tok = tokens[k]
            if tok.low in attach:
                m = k + 1
                while m < limit and m - k <= 10 and self._np_token(m):
                    m += 1
                if m == k + 1:
                    break
                named = self.doc.ref_covering(tokens[m - 1].start)
                while m < limit and named is not None and tokens[m].start < named.end:
                    m += 1  # finish the name the phrase ends in
                k = end = m
                continue
            if tok.text == "," and k + 1 < limit and tokens[k + 1].low[:1].isdigit():
                k += 1  # "on Thursday, 15 May"
                continue
            if (
                tok.low in ("that", "which")
                and k + 1 < len(tokens)
                and tokens[k + 1].low in self.lex.casualty_verbs
            ):
                # "attacks that killed nearly 70 people": the toll is part of the event
                m = k + 2
                while m < len(tokens) and tokens[m].text not in (",", ".", ";") and m - k < 10:
                    m += 1
                k = end = m
                continue
            if tok.low == "and" and k + 1 < limit and self._type_at(k + 1) is hit.trigger.type:
                k = end = k + 2  # "ground assaults and strikes"
                continue
            if (
                tok.low in self.lex.phrase_participles
                and k + 1 < limit
                and tokens[k + 1].low in _ATTACH | {"to"}
            ):
                k += 1  # "a truce running from ... until ..."
                continue
            if self._date_at(tok.start) or tok.text in ('"', "”", "“"):
                k = end = k + 1
                continue
            break
        return start, max(end, hit.last + 1)

    def _governed_by_verb(self, hit: _Hit, start_i: int, left: int) -> bool:
        """Whether the event's phrase starts with its subject and a verb that reports it."""
        return (
            hit.trigger.kind == "noun"
            and start_i < hit.first
            and any(self.tokens[k].low in self.lex.object_verbs for k in range(start_i, hit.first))
        )

    def _governing_verb(self, start: int, left: int) -> int | None:
        """The verb whose object a noun event is ("agreed on Saturday to a full ceasefire")."""
        k = start - 1
        while k >= left and start - k <= 5:
            tok = self.tokens[k]
            if tok.low in self.lex.object_verbs:
                return k
            if (
                tok.low in ("to", "on", "upon")
                or self._date_at(tok.start)
                or (tok.is_word and tok.low.endswith("ly"))
            ):
                k -= 1
                continue
            return None
        return None

    def _np_token(self, m: int) -> bool:
        tok = self.tokens[m]
        if not (tok.is_word or tok.text in ('"', "“", "”", "'s", "’s", "-", ",")):
            return False
        if tok.text == ",":
            return m + 1 < len(self.tokens) and (
                self.tokens[m + 1].is_capitalized
                or self.doc.ref_starting_at(self.tokens[m + 1].start) is not None
            )
        if tok.low in _VERBISH or tok.low in self.lex.object_verbs:
            return False
        if (
            tok.is_capitalized
            or self.doc.ref_covering(tok.start) is not None
            or self._date_at(tok.start)
        ):
            return True
        return not (tok.low.endswith("ed") and m > 0 and self.tokens[m - 1].low not in _DETS)

    def _subject_start(self, k: int, left: int) -> int:
        """Where the subject of a verb at token ``k`` starts (within its clause)."""
        tokens = self.tokens
        start = k
        m = k - 1
        while m >= left and k - m <= 14:
            tok = tokens[m]
            if tok.low in _SUBJECT_STOP and not (tok.low == "and" and self._listed(m)):
                break
            if tok.low in ("said", "says") or (
                tok.low.endswith("ing")
                and tok.text[0].islower()
                and m > left
                and tokens[m - 1].text == ","
            ):
                break
            start = m
            m -= 1
        while start < k and tokens[start].text in (",", "and"):
            start += 1
        return start

    def _listed(self, m: int) -> bool:
        # "the U.K., France ... and Germany": an "and" inside a list of names
        tokens = self.tokens
        return (
            m + 1 < len(tokens)
            and m > 0
            and (
                self.doc.ref_starting_at(tokens[m + 1].start) is not None
                or tokens[m + 1].is_capitalized
            )
            and (self.doc.ref_ending_at(tokens[m - 1].end) is not None or tokens[m - 1].text == ",")
        )

    # --- properties ---------------------------------------------------------------------------------

    def _governed(self, first: int) -> bool:
        """Whether a trigger is the object of a preposition ("during the Easter truce")."""
        k = first - 1
        while k >= 0 and first - k <= 4:
            tok = self.tokens[k]
            if tok.low in _ATTACH:
                return True
            if not (
                tok.low in _NP_LEFT
                or tok.is_capitalized
                or tok.text in ('"', "“", "”")
                or tok.possessive
            ):
                return False
            k -= 1
        return False

    def _said_as_such(self, start: int, end: int) -> bool:
        """Whether a statement's whole content is this quote ("called it 'a very good meeting'")."""
        found = _statement_at(self.disc.statements, start)
        if found is None:
            return False
        draft = self.disc.statements[found]
        return abs(draft.start - start) <= 2 and abs(draft.end - end) <= 2

    def _type_at(self, first: int) -> EventType | None:
        return self._types.get(first)

    def _near(self, hit: _Hit, words: frozenset[str], window: int) -> bool:
        lo, hi = max(0, hit.first - window), min(len(self.tokens), hit.last + window + 1)
        return any(self.tokens[k].low in words for k in range(lo, hi))

    def _place_after(self, last: int, window: int) -> bool:
        for k in range(last + 1, min(len(self.tokens), last + 1 + window)):
            ref = self.doc.ref_starting_at(self.tokens[k].start)
            if ref is not None and ref.place is not None:
                return True
        return False

    def _place_next(self, last: int) -> bool:
        """A place right after the verb: "captured Pokrovsk", "seized the town of Kupiansk"."""
        k = last + 1
        while k < len(self.tokens) and self.tokens[k].low in (
            "the",
            "town",
            "city",
            "village",
            "region",
            "port",
            "of",
        ):
            k += 1
        ref = self.doc.ref_starting_at(self.tokens[k].start) if k < len(self.tokens) else None
        return ref is not None and ref.place is not None

    def _date_at(self, position: int) -> bool:
        return self.dates_index.covering(position) is not None

    def _generic(self, first: int) -> bool:
        words = {t.low for t in self.tokens[max(0, first - 3) : first]}
        return bool(words & self.lex.generic)

    def _inside_demand(self, hit: _Hit) -> bool:
        return self.demands_index.covering(self.tokens[hit.first].start) is not None

    def _owner(self, hit: _Hit, start_i: int, end_i: int) -> bool:
        """Whether a proposal names its author: "Putin's proposal", "the US plan", "proposed by X"."""
        tokens = self.tokens
        for k in range(start_i, hit.last + 1):
            ref = self.doc.ref_covering(tokens[k].start)
            if ref is not None and ref.actor is not None:
                return True
            if k < hit.first and tokens[k].is_capitalized and tokens[k].is_word and k > 0:
                return True  # "the European amendments"
        for k in range(hit.last + 1, min(end_i, len(tokens)) - 1):
            if (
                tokens[k].low in ("by", "from")
                and self.doc.ref_starting_at(tokens[k + 1].start) is not None
            ):
                return True
        return hit.trigger.kind == "verb"

    def _attached(self, hit: _Hit, end_i: int) -> bool:
        """A noun with a complement naming a place, party or target ("a moratorium on strikes")."""
        k = hit.last + 1
        return k < end_i and self.tokens[k].low in ("on", "against", "between", "with", "in", "at")

    def _followed_by_event_verb(self, hit: _Hit) -> bool:
        words = [t.low for t in self.tokens[hit.last + 1 : hit.last + 5]]
        for verb in self.lex.subject_verbs:
            for offset in range(3):
                if tuple(words[offset : offset + len(verb)]) == verb:
                    return True
        return False

    def _parties(self, start_i: int, end_i: int) -> tuple[str, ...]:
        return self._actors(self.tokens[start_i].start, self.tokens[end_i - 1].end)

    def _actors(self, lo: int, hi: int) -> tuple[str, ...]:
        text = self.doc.text[lo:hi].lower()
        for cue in self.lex.mediator_cues:
            at = text.find(cue)
            if at >= 0:
                hi = lo + at
        out: list[str] = []
        for ref in self.doc.refs_in(lo, hi):
            actor = ref.actor
            kind = self.disc.book.kind(actor)
            if (
                actor is None
                or kind in (ActorKind.MEDIA, ActorKind.GROUP, None)
                or ref.rule.value == "pronoun"
            ):
                continue
            if actor not in out:
                out.append(actor)
        return tuple(out)

    def _without_released(self, parties: tuple[str, ...], hit: _Hit, right: int) -> tuple[str, ...]:
        """'is to free 250 Palestinians': the people freed are not a party to the release."""
        tokens = self.tokens
        after = {r.actor for r in self.doc.refs_in(tokens[hit.last].end, tokens[right - 1].end)}
        for k in range(hit.last + 1, right):
            if tokens[k].low in ("with", "between"):
                after -= {r.actor for r in self.doc.refs_in(tokens[k].end, tokens[right - 1].end)}
                break
        return tuple(a for a in parties if a not in after)

    def _clause_parties(
        self, left: int, right: int, hit: _Hit, etype: EventType
    ) -> tuple[str, ...]:
        tokens = self.tokens
        out = list(self._actors(tokens[left].start, tokens[right - 1].end))

        if not out and etype is not EventType.PROPOSAL:
            # a pronoun subject ("it had also handed over") names the actor it stands for
            for k in range(max(left, hit.first - 4), hit.first):
                if tokens[k].low in ("it", "they", "he", "she"):
                    actor = self.disc.pronoun_at(
                        tokens[k].low, tokens[k].start, self.si, self.sent.start
                    )
                    if actor is not None:
                        out.append(actor)
                        break
        if (
            not out
            and etype is EventType.PRISONER_EXCHANGE
            and hit.trigger.kind == "verb"
            and self.si > 0
        ):
            before = self.doc.sentences[self.si - 1]
            out.extend(self._actors(before.start, before.end)[:1])
        found = _statement_at(self.disc.statements, tokens[hit.first].start)
        statement = self.disc.statements[found] if found is not None else None
        if (
            statement is not None
            and etype in (EventType.TALKS, EventType.AGREEMENT)
            and len(out) < 2
        ):
            side = self.disc.book.country(statement.speaker.actor)
            if side is not None and all(self.disc.book.country(a) != side for a in out):
                state = self.disc.book.state(side)
                if state is not None:
                    out.append(state)
        return tuple(out)

    def _date(
        self, start_i: int, end_i: int, left: int, right: int, hit: _Hit
    ) -> DateMention | None:
        tokens = self.tokens
        lo, hi = tokens[left].start, tokens[right - 1].end
        best: DateMention | None = None
        best_distance = 1 << 30
        anchor = tokens[hit.first].start
        for index in self.dates_index.within(lo, hi):
            mention = self.dates[index]
            time = mention.time
            if time.kind in (TimeKind.DURATION, TimeKind.SET):
                continue
            if time.granularity in (
                Granularity.HOUR,
                Granularity.MINUTE,
                Granularity.SECOND,
                Granularity.PART_OF_DAY,
            ):
                continue
            distance = abs(mention.span.start - anchor)
            if tokens[start_i].start <= mention.span.start < tokens[end_i - 1].end:
                distance //= 4  # a date inside the event's own phrase wins
            if (
                0 <= anchor - mention.span.end <= 2
                and not any(c.isdigit() for c in mention.text)
                and time.granularity is Granularity.DAY
            ):
                # "the Easter truce": a holiday that names the event, used only when the
                # sentence gives no other date
                distance = (1 << 29) + distance
            if distance < best_distance:
                best, best_distance = mention, distance
        return best

    def _relative_clause_date(self, end_i: int, hit: _Hit) -> DateMention | None:
        """'talks with Witkoff, which began on Tuesday evening': the date the clause gives."""
        tokens = self.tokens
        k = end_i
        if k < len(tokens) and tokens[k].text == ",":
            k += 1
        if not (k + 2 < len(tokens) and tokens[k].low in ("which", "that")):
            return None
        verb, particle = tokens[k + 1].low, tokens[k + 2].low
        if not (
            verb in _START_VERBS
            or (verb in ("was", "were") and particle in ("held", "opened", "convened"))
            or (verb == "took" and particle == "place")
        ):
            return None
        last = k + 2
        while last < min(len(tokens), k + 14) and tokens[last].text not in (",", ";", "."):
            last += 1
        return self._date(k, last, k, last, hit)

    def _location(self, start_i: int, end_i: int, left: int, right: int) -> str | None:
        tokens = self.tokens
        for lo, hi in ((start_i, end_i), (left, right)):
            for k in range(lo, hi):
                if k > 0 and tokens[k - 1].low in (
                    "in",
                    "at",
                    "on",
                    "to",
                    "near",
                    "inside",
                    "over",
                ):
                    # "in the Egyptian resort of Sharm el-Sheikh": skip the words before the name
                    m = k
                    while m < min(hi, k + 6):
                        ref = self.doc.ref_starting_at(tokens[m].start)
                        if ref is not None and ref.place is not None:
                            return ref.place
                        if tokens[m].low not in (
                            "the",
                            "of",
                            "resort",
                            "city",
                            "town",
                            "capital",
                            "village",
                            "region",
                            "port",
                            "border",
                            "province",
                        ) and not (ref is not None and ref.rule.value == "demonym"):
                            break
                        m += 1
        return None

    def _status(self, clause: str, etype: EventType, date: DateMention | None) -> EventStatus:
        for status, patterns in self.lex.status:
            if status is EventStatus.PROPOSED and etype is EventType.PROPOSAL:
                continue
            if any(p.search(clause) for p in patterns):
                return status
        if date is not None and date.time.value == "FUTURE_REF":
            return EventStatus.PLANNED
        return EventStatus.OCCURRED


def etype_needs_direct_place(trigger: _Trigger) -> bool:
    """Taking ground is an event only when the ground is named right after the verb."""
    return trigger.type is EventType.OCCUPATION


def _resolve_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits; "the ceasefire that X proposed" is a proposal."""
    out: list[_Hit] = []
    for hit in hits:
        if out and hit.first <= out[-1].last:
            if (
                hit.trigger.type is EventType.PROPOSAL
                and out[-1].trigger.type is not EventType.PROPOSAL
            ):
                out[-1] = _Hit(out[-1].first, max(hit.last, out[-1].last), hit.trigger)
            continue
        if (
            out
            and hit.trigger.type is EventType.PROPOSAL
            and hit.trigger.kind == "verb"
            and hit.first - out[-1].last <= 2
        ):
            out[-1] = _Hit(out[-1].first, hit.last, hit.trigger)
            continue
        out.append(hit)
    return out


def _index_at(tokens: Sequence[Tok], position: int, default: int) -> int:
    for k in range(default, -1, -1):
        if tokens[k].start <= position:
            return k
    return default


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    out = list(a)
    for actor in b:
        if actor not in out:
            out.append(actor)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# figures


def _number(lex: _EventLexicon, tokens: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The value of a number written at token ``k`` and the index after it."""
    tok = tokens[k]
    value: float | None = None
    nxt = k + 1
    if tok.low[0].isdigit():
        try:
            value = float(tok.low.split("-for-")[0].replace(",", ""))
        except ValueError:
            return None
    else:
        word = tok.low
        if word in lex.number_words:
            value = lex.number_words[word]
        elif "-" in word:
            tens, _, unit = word.partition("-")
            if tens in lex.number_words and unit in lex.number_words:
                value = lex.number_words[tens] + lex.number_words[unit]
    if value is None:
        return None
    if nxt < len(tokens) and tokens[nxt].low in lex.multipliers:
        value *= lex.multipliers[tokens[nxt].low]
        nxt += 1
    if not value <= 10_000_000 or value != int(value):  # inf (a 400-digit number) first
        return None
    return int(value), nxt


def figures_in(
    doc: Doc,
    tokens: Sequence[Tok],
    left: int,
    right: int,
    dates: SpanIndex | None,
    etype: EventType,
) -> tuple[Figure, ...]:
    """The figures stated between tokens ``left`` and ``right``: killed, injured, prisoners, ..."""
    lex = _lexicon()
    found: dict[FigureKind, Figure] = {}
    skip_until = -1
    if right > left:
        span_text = doc.text[tokens[left].start : tokens[right - 1].end]
        # the number's length is bounded, so a long run of digits costs linear time
        match = regex.search(r"(\d[\d,]{0,15})-for-\1\b", span_text)
        if match:  # "1,000-for-1,000": the number per side
            found[FigureKind.PRISONERS] = Figure(
                FigureKind.PRISONERS, int(match.group(1).replace(",", ""))
            )
            skip_until = tokens[left].start + match.end()
    k = left
    while k < right:
        tok = tokens[k]
        if tok.start < skip_until:
            k += 1
            continue
        if (dates is not None and dates.covering(tok.start) is not None) or tok.low.endswith("%"):
            k += 1
            continue
        read = _number(lex, tokens, k)
        if read is None:
            k += 1
            continue
        value, after = read
        if after < len(tokens) and tokens[after].low in (
            "%",
            "percent",
            "per",
            "days",
            "hours",
            "years",
            "months",
            "weeks",
            "minutes",
            "billion",
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "-point",
            "point",
            "th",
            "st",
            "nd",
            "rd",
        ):
            k = after
            continue
        if k > 0 and tokens[k - 1].text in ("$", "€", "£"):
            k = after
            continue
        following = " ".join(t.low for t in tokens[after : after + 5])
        preceding = " ".join(t.low for t in tokens[max(left, k - 5) : k])
        qualifier = _qualifier(lex, preceding)
        kind = _figure_kind(lex, following, preceding, etype)
        if kind is not None and kind not in found:
            found[kind] = Figure(kind, value, qualifier)
        k = after
    return tuple(found.values())


_PHRASAL = regex.compile(
    r"\b(?:hand|hands|handed|handing|take|took|taken|taking|turn|turned|turning|carry|carried)\s+over$"
)


def _qualifier(lex: _EventLexicon, preceding: str) -> Qualifier | None:
    if _PHRASAL.search(preceding):
        return None  # "handed over 22": the verb's particle, not "more than"
    for words, qualifier in lex.qualifiers:
        if preceding == words or preceding.endswith(" " + words):
            return qualifier
    return None


def _figure_kind(
    lex: _EventLexicon, following: str, preceding: str, etype: EventType
) -> FigureKind | None:
    """What a number counts: the verb before it ("killed 20 civilians") wins over the noun after
    it, and in an exchange the prisoners it names win over how they are described ("22 wounded
    prisoners")."""
    trimmed = preceding
    for qualifier_words, _ in lex.qualifiers:
        if trimmed.endswith(" " + qualifier_words) or trimmed == qualifier_words:
            trimmed = trimmed[: -len(qualifier_words)].rstrip()
            break
    for kind, words in lex.figure_before:
        if any(trimmed.endswith(w) for w in words):
            return kind
    exchange = etype is EventType.PRISONER_EXCHANGE
    head = following.split(" ", 1)[0] if following else ""
    for kind, words in lex.figure_after:
        if kind in (FigureKind.BODIES, FigureKind.HOSTAGES) and head in words:
            return kind  # "1.2 thousand bodies of fallen soldiers": the noun right after counts
    if exchange and regex.match(
        r"(?:[a-z-]+ ){0,3}(?:prisoners|pows|captives|soldiers|servicemen|palestinians|ukrainians|detainees)",
        following,
    ):
        return FigureKind.PRISONERS
    for kind, words in lex.figure_after:
        if kind is FigureKind.PRISONERS and not exchange:
            continue
        if any(
            following == w or following.startswith(w + " ") or _after_adjectives(following, w)
            for w in words
        ):
            return kind
    return None


def _after_adjectives(following: str, word: str) -> bool:
    """'22 severely wounded Ukrainian prisoners': the figure word after a few modifiers."""
    parts = following.split()
    return word in parts[:4] and word in (
        "prisoners",
        "pows",
        "captives",
        "hostages",
        "bodies",
        "civilians",
    )


# ---------------------------------------------------------------------------------------------
# the same event mentioned again


def _conflict(a: EventDraft, b: EventDraft, side: Callable[[str], str]) -> bool:
    if a.status is not b.status and not (a.bare or b.bare):
        return True
    if a.date is not None and b.date is not None and a.date.time.value != b.date.time.value:
        resolved = not a.date.time.value.endswith("_REF") and not b.date.time.value.endswith("_REF")
        if resolved and not (
            a.date.time.overlaps(b.date.time) and a.date.time.granularity != b.date.time.granularity
        ):
            return True
    if a.location is not None and b.location is not None and a.location != b.location:
        return True
    mine = {f.kind: f.value for f in a.figures}
    if any(f.kind in mine and mine[f.kind] != f.value for f in b.figures):
        return True
    sides_a = {side(p) for p in a.participants}
    sides_b = {side(p) for p in b.participants}
    if (
        a.sentence != b.sentence
        and len(sides_a) >= 2
        and len(sides_b) >= 2
        and not (sides_a <= sides_b or sides_b <= sides_a)
    ):
        return True  # Erdogan's call with Putin, then his call with Macron
    return bool(sides_a and sides_b and not sides_a & sides_b)


def _related(a: EventDraft, b: EventDraft, side: Callable[[str], str]) -> bool:
    """Whether a later mention can be the same event: it points back, or shares what it says."""
    if b.bare or b.anaphoric or a.bare:
        return True
    if {side(p) for p in a.participants} & {side(p) for p in b.participants}:
        return True
    if a.date is not None and b.date is not None and a.date.time.value == b.date.time.value:
        return True
    return a.location is not None and a.location == b.location


def _corefer(drafts: list[EventDraft], side: Callable[[str], str]) -> list[EventDraft]:
    """Fold repetitions into the first mention; link a later mention that adds a date or place.

    A bare mention ("the truce began") that comes before the fuller one (live blogs run newest
    first) gives way to it. Only the last ``_WINDOW`` events of a type are candidates: news
    refers back to what it has just told, and the bound keeps long texts linear.
    """
    out: list[EventDraft] = []
    by_type: dict[EventType, list[int]] = {}
    fuller_later: set[tuple[EventType, int]] = set()  # (type, index) with a non-bare event after it
    seen: set[EventType] = set()
    for index in range(len(drafts) - 1, -1, -1):
        draft = drafts[index]
        if draft.type in seen:
            fuller_later.add((draft.type, index))
        if not draft.bare:
            seen.add(draft.type)
    for index, draft in enumerate(drafts):
        candidates = by_type.setdefault(draft.type, [])
        earlier = next(
            (
                k
                for k in reversed(candidates[-_WINDOW:])
                if not _conflict(out[k], draft, side) and _related(out[k], draft, side)
            ),
            None,
        )
        if earlier is None:
            # a bare back-reference ("the truce began") before the full report gives way to it
            if not (draft.bare and draft.anaphoric) or (draft.type, index) not in fuller_later:
                candidates.append(len(out))
                out.append(draft)
            continue
        first = out[earlier]
        if first.bare and first.anaphoric and not draft.bare:
            out[earlier] = draft
            continue
        new_date = (
            draft.date is not None
            and first.date is None
            and not draft.date.time.value.endswith("_REF")
        )
        new_place = draft.location is not None and first.location is None
        if new_date or new_place:
            candidates.append(len(out))
            out.append(attrs.evolve(draft, same_as=earlier))
            continue
        extra = tuple(f for f in draft.figures if all(g.kind is not f.kind for g in first.figures))
        if extra:
            out[earlier] = attrs.evolve(first, figures=first.figures + extra)
    return out


_WINDOW = 40
# verbs of a relative clause that dates the event before it: "which began on Tuesday"
_START_VERBS = frozenset({"began", "started", "opened", "ran", "ended", "lasted"})
