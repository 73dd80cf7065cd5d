"""Events: talks, proposals, agreements, ceasefires, exchanges, strikes and the rest.

Triggers (``data/events.json``) find a mention and its type; the span grows over the trigger's
noun or verb phrase. The status comes from cue words (scheduled, expected, proposed, called off,
denied) and from a date after the reference; the date, place, participants and figures come
from the trigger's clause. A generic mention ("a possible ceasefire", "peace talks" with no date,
place or party) is not an event. A later mention that only repeats an earlier event of the same
type is folded into it; one that adds a date, place or figure becomes its own event linked to
the first by ``same_as``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from peacetalks._extract._doc import Doc, Sent, Tok
from peacetalks._extract._lexicon import load_data
from peacetalks._extract._speakers import Discourse
from peacetalks._extract._tokstr import TokenString
from peacetalks._extract.demands import DemandDraft
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

__all__ = ["EventDraft", "extract_events"]


@attrs.frozen
class _Trigger:
    type: EventType
    pattern: regex.Pattern[str]
    kind: str
    needs: str | None
    needs_place: bool
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


@attrs.frozen
class _Hit:
    first: int
    last: int
    trigger: _Trigger


_STOP_WORDS = frozenset(
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
        "as",
        "so",
    }
)
_LEFT_MODIFIERS = frozenset(
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
        "round",
        "of",
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
        "comprehensive",
        "immediate",
        "unconditional",
        "30-day",
        "60-day",
        "90-day",
        "three-day",
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
        "jointly",
    }
)
_PREPS = frozenset(
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
        "to",
        "into",
        "for",
        "near",
        "during",
        "inside",
        "outside",
        "over",
        "across",
        "after",
        "before",
    }
)


def extract_events(
    doc: Doc,
    disc: Discourse,
    dates: Sequence[DateMention],
    demands: Sequence[DemandDraft],
    principal: tuple[str, ...],
    reference_year_end: object = None,
) -> list[EventDraft]:
    """Every event mention in the document, in text order, with repetitions folded in."""
    lex = _lexicon()
    drafts: list[EventDraft] = []
    for si, sent in enumerate(doc.sentences):
        if sent.kind in ("furniture", "caption", "question"):
            continue
        tokens = doc.sentence_tokens(sent)
        if len(tokens) < 2:
            continue
        drafts.extend(_sentence(doc, disc, lex, sent, si, tokens, dates, demands, principal))
    return _corefer(drafts)


def _sentence(
    doc: Doc,
    disc: Discourse,
    lex: _EventLexicon,
    sent: Sent,
    si: int,
    tokens: Sequence[Tok],
    dates: Sequence[DateMention],
    demands: Sequence[DemandDraft],
    principal: tuple[str, ...],
) -> list[EventDraft]:
    ts = TokenString.of(tokens)
    hits: list[_Hit] = []
    for trigger in lex.triggers:
        for match in trigger.pattern.finditer(ts.text):
            first = ts.token_at(match.start())
            last = ts.token_at(max(match.start(), match.end() - 1))
            hits.append(_Hit(first, last, trigger))
    if not hits:
        return []
    if any(p.search(ts.text) for p in lex.negated):
        hits = [h for h in hits if h.trigger.type is not EventType.SANCTIONS]
    hits = _resolve_overlaps(sorted(hits, key=lambda h: (h.first, -(h.last - h.first))))
    out: list[EventDraft] = []
    used: list[tuple[int, int]] = []
    for hit in hits:
        if any(a <= hit.first <= b for a, b in used):
            continue  # part of an event already built from this sentence
        trig = hit.trigger
        if trig.needs == "prisoners" and not _near_words(
            tokens, hit.first, hit.last, lex.prisoner_words, 8
        ):
            continue
        if trig.needs_place and not _place_after(doc, tokens, hit.last, 4):
            continue
        etype = trig.type
        left, right = _clause(tokens, hit.first, hit.last)
        clause_text = TokenString.of(tokens[left:right]).text
        if etype is EventType.ATTACK and any(p.search(clause_text) for p in lex.violation_cues):
            etype = EventType.CEASEFIRE_VIOLATION
        start_i, end_i = _extent(doc, disc, tokens, hit, left, right)
        start, end = tokens[start_i].start, tokens[end_i - 1].end
        inside_demand = any(d.start <= start and end <= d.end + 1 for d in demands)
        date = _date(dates, tokens, start_i, end_i, left, right, hit)
        location = _location(doc, tokens, start_i, end_i, left, right)
        participants = _participants(
            doc, disc, lex, tokens, ts, start_i, end_i, left, right, hit, etype, si
        )
        figures = _figures(doc, lex, tokens, left, right, dates, etype)
        if _both_sides(lex, clause_text) or (
            not participants and etype in (EventType.TALKS, EventType.ATTACK, EventType.CEASEFIRE)
        ):
            participants = _merge(participants, principal if _both_sides(lex, clause_text) else ())
        status = _status(lex, clause_text, tokens, left, hit, etype, date)
        specific = (
            date is not None
            or location is not None
            or bool(figures)
            or trig.kind == "verb"
            or (bool(participants) and not _generic(lex, tokens, start_i, hit.first))
        )
        if trig.weak and date is None and location is None:
            specific = False
        if inside_demand and date is None:
            specific = False
        if (
            _generic(lex, tokens, start_i, hit.first)
            and date is None
            and location is None
            and not figures
        ):
            specific = False
        if not specific:
            continue
        used.append((start_i, end_i - 1))
        out.append(
            EventDraft(
                start,
                end,
                etype,
                si,
                status,
                date,
                location,
                participants,
                figures,
                confidence=0.6 if trig.weak else 0.75,
            )
        )
    return out


def _resolve_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits; a proposal clause absorbs the noun it describes."""
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


def _near_words(
    tokens: Sequence[Tok], first: int, last: int, words: frozenset[str], window: int
) -> bool:
    lo, hi = max(0, first - window), min(len(tokens), last + window + 1)
    return any(tokens[k].low in words for k in range(lo, hi))


def _place_after(doc: Doc, tokens: Sequence[Tok], last: int, window: int) -> bool:
    for k in range(last + 1, min(len(tokens), last + 1 + window)):
        ref = doc.ref_starting_at(tokens[k].start)
        if ref is not None and ref.place is not None:
            return True
    return False


def _clause(tokens: Sequence[Tok], first: int, last: int) -> tuple[int, int]:
    """The token range of the clause around a trigger."""
    left = first
    while left > 0:
        prev = tokens[left - 1]
        if (
            prev.text in (";", "—", "–", ":")
            or (prev.text == ","
            and tokens[left].low in _STOP_WORDS)
        ):
            break
        if prev.text == "," and left - 1 > 0 and tokens[left].low in ("and",) and left - first > 6:
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
            and (tokens[right + 1].low in _STOP_WORDS or tokens[right + 1].low.endswith("ing"))
        ):
            break
        right += 1
    return left, right


def _extent(
    doc: Doc, disc: Discourse, tokens: Sequence[Tok], hit: _Hit, left: int, right: int
) -> tuple[int, int]:
    """The trigger's phrase: modifiers before a noun, the subject before a verb, attachments after."""
    start = hit.first
    if hit.trigger.kind == "noun":
        k = start - 1
        while k >= left:
            tok = tokens[k]
            ref = doc.ref_ending_at(tok.start + len(tok.base)) or doc.ref_ending_at(tok.end)
            if (
                tok.low in _LEFT_MODIFIERS
                or tok.text in ('"', "“", "”")
                or tok.low.isdigit()
                or ref is not None
            ):
                start = k if ref is None else _token_index(tokens, ref.start, k)
                k = start - 1
                continue
            if tok.is_word and "-" in tok.low and k == start - 1:
                start = k
                k -= 1
                continue
            break
    else:
        # the verb's subject: an actor named just before it
        for k in range(start - 1, max(left - 1, start - 7), -1):
            tok = tokens[k]
            ref = doc.ref_ending_at(tok.end) or doc.ref_ending_at(tok.start + len(tok.base))
            if ref is not None and ref.actor is not None:
                start = _token_index(tokens, ref.start, k)
                break
            if tok.text == ",":
                break
    end = hit.last + 1
    k = end
    steps = 0
    while k < right and steps < 16:
        tok = tokens[k]
        if tok.text == "," and not (
            k + 1 < right and (tokens[k + 1].low in _PREPS or tokens[k + 1].low.isdigit())
        ):
            break
        if (
            tok.low in ("and", "or")
            and k + 1 < right
            and tokens[k + 1].low
            in ("has", "have", "had", "was", "were", "is", "will", "would", "said", "warned")
        ):
            end = k
            break
        end = k + 1
        k += 1
        steps += 1
    return start, max(end, hit.last + 1)


def _token_index(tokens: Sequence[Tok], position: int, default: int) -> int:
    for k in range(default, -1, -1):
        if tokens[k].start <= position:
            return k
    return default


def _date(
    dates: Sequence[DateMention],
    tokens: Sequence[Tok],
    start_i: int,
    end_i: int,
    left: int,
    right: int,
    hit: _Hit,
) -> DateMention | None:
    lo, hi = tokens[left].start, tokens[right - 1].end
    best: DateMention | None = None
    best_distance = 1 << 30
    anchor = tokens[hit.first].start
    for mention in dates:
        if mention.span.start < lo or mention.span.end > hi:
            continue
        time = mention.time
        if time.kind in (TimeKind.DURATION, TimeKind.SET):
            continue
        if (
            time.granularity in (Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND)
            and time.earliest is None
        ):
            continue
        distance = abs(mention.span.start - anchor)
        if tokens[start_i].start <= mention.span.start < tokens[end_i - 1].end:
            distance //= 4  # a date inside the event's own phrase wins
        if distance < best_distance:
            best, best_distance = mention, distance
    return best


def _location(
    doc: Doc, tokens: Sequence[Tok], start_i: int, end_i: int, left: int, right: int
) -> str | None:
    for lo, hi in ((start_i, end_i), (left, right)):
        for k in range(lo, hi):
            if k > 0 and tokens[k - 1].low in (
                "in",
                "at",
                "on",
                "to",
                "near",
                "inside",
                "of",
                "over",
            ):
                ref = doc.ref_starting_at(tokens[k].start)
                if ref is None and tokens[k].low == "the" and k + 1 < hi:
                    ref = doc.ref_starting_at(tokens[k + 1].start)
                if ref is not None and ref.place is not None:
                    return ref.place
    return None


def _participants(
    doc: Doc,
    disc: Discourse,
    lex: _EventLexicon,
    tokens: Sequence[Tok],
    ts: TokenString,
    start_i: int,
    end_i: int,
    left: int,
    right: int,
    hit: _Hit,
    etype: EventType,
    si: int,
) -> tuple[str, ...]:
    lo, hi = tokens[left].start, tokens[right - 1].end
    mediator_from = hi
    text = doc.text[lo:hi].lower()
    for cue in lex.mediator_cues:
        at = text.find(cue)
        if at >= 0:
            mediator_from = min(mediator_from, lo + at)
    out: list[str] = []
    for ref in doc.refs_in(lo, mediator_from):
        actor = ref.actor
        if actor is None:
            continue
        kind = disc.book.kind(actor)
        if kind in (ActorKind.MEDIA, ActorKind.GROUP, None):
            continue
        if ref.rule.value == "pronoun":
            continue
        if actor not in out:
            out.append(actor)
    # pronoun subjects ("it had also handed over") name the speaker of their sentence
    if not out and etype is not EventType.PROPOSAL:
        for k in range(max(left, hit.first - 4), hit.first):
            if tokens[k].low in ("it", "they", "he", "she"):
                actor = disc.pronoun(tokens[k].low, tokens[k].start, si, tokens[0].start)
                if actor is not None:
                    out.append(actor)
                    break
    # talks reported by one of their parties: the speaker's side takes part
    statement = next(
        (s for s in disc.statements if s.start <= tokens[hit.first].start < s.end), None
    )
    if statement is not None and etype in (EventType.TALKS, EventType.AGREEMENT) and len(out) < 2:
        side = disc.book.country(statement.speaker.actor)
        if side is not None and all(disc.book.country(a) != side for a in out):
            state = disc.book.state(side)
            if state is not None:
                out.append(state)
    return tuple(out)


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    out = list(a)
    for actor in b:
        if actor not in out:
            out.append(actor)
    return tuple(out)


def _both_sides(lex: _EventLexicon, text: str) -> bool:
    return any(p.search(text) for p in lex.both_sides)


def _status(
    lex: _EventLexicon,
    clause: str,
    tokens: Sequence[Tok],
    left: int,
    hit: _Hit,
    etype: EventType,
    date: DateMention | None,
) -> EventStatus:
    for status, patterns in lex.status:
        if status is EventStatus.PROPOSED and etype is EventType.PROPOSAL:
            continue
        if any(p.search(clause) for p in patterns):
            return status
    if date is not None and date.time.value == "FUTURE_REF":
        return EventStatus.PLANNED
    return EventStatus.OCCURRED


def _generic(lex: _EventLexicon, tokens: Sequence[Tok], start_i: int, first: int) -> bool:
    words = {t.low for t in tokens[start_i : first + 1]}
    return bool(words & lex.generic) and "the" not in words


def _number(lex: _EventLexicon, tokens: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The value of a number written at token ``k`` and the index after it."""
    tok = tokens[k]
    value: float | None = None
    nxt = k + 1
    if tok.low[0].isdigit():
        digits = tok.low.replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
    else:
        word = tok.low
        if word in lex.number_words:
            value = lex.number_words[word]
            if "-" in word:
                return None
        elif "-" in word:
            tens, _, unit = word.partition("-")
            if tens in lex.number_words and unit in lex.number_words:
                value = lex.number_words[tens] + lex.number_words[unit]
    if value is None:
        return None
    if nxt < len(tokens) and tokens[nxt].low in lex.multipliers:
        value *= lex.multipliers[tokens[nxt].low]
        nxt += 1
    if value != int(value) or value > 10_000_000:
        return None
    return int(value), nxt


def _figures(
    doc: Doc,
    lex: _EventLexicon,
    tokens: Sequence[Tok],
    left: int,
    right: int,
    dates: Sequence[DateMention],
    etype: EventType,
) -> tuple[Figure, ...]:
    found: dict[FigureKind, Figure] = {}
    date_spans = [(d.span.start, d.span.end) for d in dates]
    k = left
    while k < right:
        tok = tokens[k]
        if any(a <= tok.start < b for a, b in date_spans) or tok.low.endswith("%"):
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
    # "1,000-for-1,000": the number per side
    if FigureKind.PRISONERS not in found:
        span_text = doc.text[tokens[left].start : tokens[right - 1].end]
        match = regex.search(r"(\d[\d,]*)-for-\1", span_text)
        if match:
            found[FigureKind.PRISONERS] = Figure(
                FigureKind.PRISONERS, int(match.group(1).replace(",", ""))
            )
    return tuple(found.values())


def _qualifier(lex: _EventLexicon, preceding: str) -> Qualifier | None:
    for words, qualifier in lex.qualifiers:
        if preceding.endswith(words):
            return qualifier
    return None


def _figure_kind(
    lex: _EventLexicon, following: str, preceding: str, etype: EventType
) -> FigureKind | None:
    for kind, words in lex.figure_after:
        for w in words:
            if following == w or following.startswith(w + " ") or _after_adjectives(following, w):
                if kind is FigureKind.PRISONERS and etype not in (EventType.PRISONER_EXCHANGE,):
                    continue
                return kind
    trimmed = preceding
    for words, _ in lex.qualifiers:
        if trimmed.endswith(" " + words) or trimmed == words:
            trimmed = trimmed[: -len(words)].rstrip()
            break
    for kind, words in lex.figure_before:
        for w in words:
            if trimmed.endswith(w):
                return kind
    if etype is EventType.PRISONER_EXCHANGE and regex.match(
        r"(?:[a-z-]+ ){0,3}(?:prisoners|pows|captives|soldiers|servicemen)", following
    ):
        return FigureKind.PRISONERS
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


def _corefer(drafts: list[EventDraft]) -> list[EventDraft]:
    """Fold plain repetitions into the first mention; link informative ones with ``same_as``."""
    out: list[EventDraft] = []
    for draft in drafts:
        earlier = next((k for k in range(len(out) - 1, -1, -1) if out[k].type is draft.type), None)
        if earlier is None:
            out.append(draft)
            continue
        first = out[earlier]
        adds = (
            (
                draft.date is not None
                and (first.date is None or draft.date.time.value != first.date.time.value)
            )
            or (draft.location is not None and draft.location != first.location)
            or any(f not in first.figures for f in draft.figures)
        )
        if adds:
            new_date = (
                draft.date is not None
                and first.date is not None
                and draft.date.time.value != first.date.time.value
            )
            new_place = (
                draft.location is not None
                and first.location is not None
                and draft.location != first.location
            )
            if new_date or new_place or draft.status is not first.status:
                out.append(draft)  # a different event of the same type
            else:
                out.append(attrs.evolve(draft, same_as=earlier))
            continue
        if (
            set(draft.participants) - set(first.participants)
            and draft.participants
            and first.participants
        ):
            out.append(draft)  # different parties: a different event
            continue
        # a plain repetition ("the energy moratorium"): the first mention stands for it
    return out
