"""``parse``: one article in, an ``Article`` with its actors, places, dates, statements,
demands and events out.

The steps run in one direction: the text layer cleans the text and finds furniture, blocks,
sentences and quotes; ``find_dates`` and the gazetteer's scan find time expressions and names
in the working text; the extractors find statements, then demands, then events; last, every
span is mapped back to the original text and the records are built.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from peacetalks._dates import find_dates, normalize_date
from peacetalks._errors import (
    ArgumentTypeError,
    ArgumentValueError,
    InvalidDate,
    InvalidName,
    PeacetalksError,
)
from peacetalks._extract._doc import Doc, Quote, Ref, Sent, tokenize
from peacetalks._extract._lexicon import cues
from peacetalks._extract._speakers import ActorBook, Discourse
from peacetalks._extract._tokstr import TokenString
from peacetalks._extract.context import channel_nearby, date_nearby
from peacetalks._extract.demands import DemandDraft, extract_demands, stance_of, topic_of
from peacetalks._extract.events import EventDraft, extract_events, figures_in
from peacetalks._extract.refs import build_refs
from peacetalks._extract.statements import Draft, extract_statements
from peacetalks._gazetteer import Gazetteer, provisional_actor
from peacetalks._model import (
    Actor,
    Article,
    DateMention,
    Demand,
    Event,
    Figure,
    Mention,
    Place,
    Span,
    Statement,
    TimePoint,
)
from peacetalks._text import BlockKind, Prepared, prepare
from peacetalks._vocab import ActorKind, EventType, MentionKind, MentionRule, TimeKind, Topic

__all__ = ["DEFAULT_MAX_CHARS", "TextTooLong", "parse"]

DEFAULT_MAX_CHARS = 10_000_000
"""The longest text ``parse`` reads unless told otherwise (about ten megabytes of text)."""


class TextTooLong(PeacetalksError, ValueError):
    """The text is longer than ``max_chars``; split it, or raise the limit on purpose."""


_SENTENCE_KINDS = {
    BlockKind.TITLE: "heading",
    BlockKind.DEK: "heading",
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.LIST_ITEM: "list-item",
    BlockKind.QUESTION: "question",
    BlockKind.ANSWER: "answer",
    BlockKind.SPEAKER: "heading",
    BlockKind.ENTRY: "paragraph",
    BlockKind.CAPTION: "caption",
    BlockKind.FURNITURE: "furniture",
}


def parse(
    text: str,
    /,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Read one news article into an :class:`Article`.

    ``published`` is the date relative expressions are resolved against; when it is not given,
    a publication date printed in the article's header is used, and when there is none,
    relative dates stay underspecified (``XXXX-03-18``): nothing reads the clock. Every span in
    the result indexes ``text`` exactly. Raises ``TypeError`` for a non-``str`` text or a
    ``published`` that is not a ``datetime.date``, and :class:`TextTooLong` past ``max_chars``.

    >>> import datetime as dt
    >>> import peacetalks as pt
    >>> article = pt.parse(
    ...     "Kremlin spokesman Dmitry Peskov said on Friday that talks with Kyiv would resume.",
    ...     published=dt.date(2025, 4, 19),
    ... )
    >>> [(s.speaker, s.text, s.date.value) for s in article.statements]
    [('person:dmitry-peskov', 'talks with Kyiv would resume', '2025-04-18')]
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse() needs the article as a str, got {type(text).__name__}")
    if published is not None and (
        isinstance(published, dt.datetime) or not isinstance(published, dt.date)
    ):
        raise ArgumentTypeError(
            f"published must be a datetime.date, got {type(published).__name__}: {published!r}"
        )
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        raise ArgumentTypeError(
            f"gazetteer must be a peacetalks.Gazetteer, got {type(gazetteer).__name__}"
        )
    if max_chars is not None and (not isinstance(max_chars, int) or isinstance(max_chars, bool)):
        raise ArgumentTypeError(f"max_chars must be an int or None, got {type(max_chars).__name__}")
    if max_chars is not None and max_chars < 0:
        raise ArgumentValueError(f"max_chars must be >= 0, got {max_chars}")
    if max_chars is not None and len(text) > max_chars:
        raise TextTooLong(
            f"the text has {len(text):,} characters, more than max_chars={max_chars:,}"
        )
    prepared = prepare(text)
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    reference = published if published is not None else _header_date(prepared)
    working = prepared.working
    found_dates = sorted(find_dates(working, reference=reference), key=lambda m: m.span.start)
    book = ActorBook(
        make_provisional=_provisional,
        make_state=lambda country: gaz.actor(f"state:{country.lower()}"),
        make_institution=lambda country, words: gaz.institution(words, country=country),
        resolve_name=lambda name: gaz.lookup(name, on=reference).actor,
        context_country=lambda start, end: None,
    )
    refs, places = build_refs(gaz, working, book, on=reference)
    doc = Doc(working, _sentences(prepared), _quotes(prepared), refs, tokenize(working))
    book.context_country = _context_country(doc, book, places, prepared)
    lex = cues()
    disc = Discourse(doc, book, lex)
    statements = extract_statements(doc, disc, lex)
    statements = sorted(
        (s for s in statements if not prepared.in_furniture(Span(s.start, s.end))),
        key=lambda d: d.start,
    )
    disc.set_statements(statements)
    demands = extract_demands(doc, disc, statements)
    events = extract_events(doc, disc, found_dates, demands, _principal(doc, book))
    events = _dateline_place(events, doc, book, places, prepared)
    return _article(
        prepared, reference, published, doc, book, places, found_dates, statements, demands, events
    )


def _dateline_place(
    events: list[EventDraft],
    doc: Doc,
    book: ActorBook,
    places: dict[str, Place],
    prepared: Prepared,
) -> list[EventDraft]:
    """Talks that the lead paragraph reports without a place happened at the dateline's place
    when one of their parties is at home there ("The Kremlin, Moscow": Putin's talks with
    Witkoff). Only the first paragraph after the dateline, and only talks that took place."""
    dateline = prepared.dateline
    if dateline is None or dateline.place is None or not doc.sentences:
        return events
    where = [
        ref.place
        for ref in doc.refs_in(dateline.place.wspan.start, dateline.place.wspan.end)
        if ref.place is not None and ref.place in places
    ]
    if not where:
        return events
    place = min(where, key=lambda p: places[p].kind.value == "country")  # a city first
    country = places[place].country or places[place].code
    index = bisect.bisect_left([s.end for s in doc.sentences], dateline.wspan.end + 1)
    if index >= len(doc.sentences):
        return events
    lead = doc.sentences[index].block
    out = []
    for event in events:
        if (
            event.type is EventType.TALKS
            and event.status.value == "occurred"
            and event.location is None
            and doc.sentences[event.sentence].block == lead
            and any(book.country(p) == country for p in event.participants)
        ):
            event = attrs.evolve(event, location=place)
        out.append(event)
    return out


def _provisional(name: str, kind: ActorKind, country: str | None) -> Actor | None:
    if kind is not ActorKind.PERSON:
        # a body named by its words ("the prime minister's office"): the words are its name
        words = re.findall(r"[a-z0-9]+", name.lower().replace("'s", ""))
        if not words:
            return None
        return Actor(
            id="prov:" + "-".join(words)[:60],
            name=name,
            kind=kind,
            country=country,
            provisional=True,
        )
    try:
        return provisional_actor(name, kind=kind, country=country)
    except InvalidName:
        return None


def _header_date(prepared: Prepared) -> dt.date | None:
    piece = prepared.published
    if piece is None:
        return None
    try:
        point = normalize_date(piece.text)
    except InvalidDate:
        return None
    if point.earliest is not None and point.earliest == point.latest and "X" not in point.value:
        return point.earliest
    return None


def _sentences(prepared: Prepared) -> tuple[Sent, ...]:
    out = []
    for sentence in prepared.sentences:
        block = prepared.blocks[sentence.block]
        kind = _SENTENCE_KINDS.get(sentence.kind, "paragraph")
        speaker_text = None
        if sentence.kind is BlockKind.ANSWER and block.speaker is not None:
            header = prepared.blocks[block.speaker]
            speaker_text = header.wbody.of(prepared.working)
        out.append(
            Sent(sentence.wspan.start, sentence.wspan.end, sentence.block, kind, speaker_text)
        )
    return tuple(out)


def _quotes(prepared: Prepared) -> tuple[Quote, ...]:
    out = []
    for quote in prepared.quotes:
        if quote.depth > 0:
            continue  # a quote inside a quote belongs to the outer one
        close = quote.wclose.start if quote.wclose is not None else None
        out.append(
            Quote(quote.wspan.start, quote.wspan.end, quote.wopen.start, close, quote.fragment)
        )
    return tuple(sorted(out, key=lambda q: q.open_mark))


def _context_country(doc: Doc, book: ActorBook, places: dict[str, Place], prepared: Prepared):  # type: ignore[no-untyped-def]
    """A function giving the country a sentence is set in: a place it names, else the dateline's."""
    dateline_country: str | None = None
    if prepared.dateline is not None:
        for ref in doc.refs_in(prepared.dateline.wspan.start, prepared.dateline.wspan.end):
            if ref.place is not None and ref.place in places:
                dateline_country = places[ref.place].country
                break

    def country(start: int, end: int) -> str | None:
        for ref in doc.refs_in(start, end):
            if (
                ref.place is not None
                and ref.place in places
                and places[ref.place].kind.value != "country"
            ):
                return places[ref.place].country
        return dateline_country

    return country


def _principal(doc: Doc, book: ActorBook) -> tuple[str, ...]:
    """The two states the article mentions most: the parties 'both sides' means."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ref in doc.refs:
        country = ref.country or book.country(ref.actor)
        if country is None:
            continue
        counts[country] += 1
        first.setdefault(country, ref.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
    states = [book.state(c) for c in ranked]
    return tuple(s for s in states if s is not None) if len(ranked) == 2 else ()


# ---------------------------------------------------------------------------------------------
# building the records


@attrs.define
class _Builder:
    prepared: Prepared
    book: ActorBook
    places: dict[str, Place]
    used_actors: set[str] = attrs.field(factory=set)
    used_places: set[str] = attrs.field(factory=set)

    def span(self, start: int, end: int) -> Span:
        return self.prepared.original(Span(start, end))

    def slice(self, span: Span) -> str:
        return span.of(self.prepared.text)

    def actor(self, actor_id: str | None) -> str | None:
        if actor_id is not None and self.book.get(actor_id) is not None:
            self.used_actors.add(actor_id)
            return actor_id
        return None

    def place(self, place_id: str | None) -> str | None:
        if place_id is not None and place_id in self.places:
            self.used_places.add(place_id)
            return place_id
        return None


def _article(
    prepared: Prepared,
    reference: dt.date | None,
    published: dt.date | None,
    doc: Doc,
    book: ActorBook,
    places: dict[str, Place],
    found_dates: Sequence[DateMention],
    statements: Sequence[Draft],
    demands: Sequence[DemandDraft],
    events: Sequence[EventDraft],
) -> Article:
    b = _Builder(prepared, book, places)
    mentions = _mentions(b, doc, statements)
    dates = tuple(
        DateMention(
            span=(span := b.span(m.span.start, m.span.end)), text=b.slice(span), time=m.time
        )
        for m in found_dates
    )
    statement_records = _statements(b, doc, statements, found_dates, events)
    demand_records = _demands(b, doc, demands, statements, statement_records)
    event_records = _events(b, events)
    summarized = _summaries(b, doc, statement_records, statements, demands)
    title = prepared.title.text if prepared.title is not None else None
    outlet = _outlet(b, prepared)
    dateline = (
        prepared.dateline.place.text
        if prepared.dateline is not None and prepared.dateline.place is not None
        else None
    )
    actor_ids = [a for a in book.actors if a in b.used_actors]
    place_ids = [p for p in places if p in b.used_places]
    return Article(
        text=prepared.text,
        published=published if published is not None else reference,
        title=title,
        outlet=outlet,
        dateline=dateline,
        actors=tuple(book.actors[a] for a in actor_ids),
        places=tuple(places[p] for p in place_ids),
        mentions=mentions,
        statements=summarized,
        demands=demand_records,
        events=event_records,
        dates=dates,
        furniture=prepared.furniture_spans(),
    )


def _outlet(b: _Builder, prepared: Prepared) -> str | None:
    if prepared.outlet is None:
        return None
    name = prepared.outlet.text.strip()
    resolved = b.book.resolve_name(name)
    if resolved is not None and resolved.kind is ActorKind.MEDIA:
        return b.actor(b.book.add(resolved))
    domain = re.sub(r"^(?:https?://)?(?:www\.)?", "", name).split("/")[0]
    label = domain.split(".")[0] if "." in domain else name
    if not label.strip():
        return None
    return b.actor(
        b.book.provisional(
            label.upper() if len(label) <= 4 else label.title(), ActorKind.MEDIA, None
        )
    )


def _mentions(b: _Builder, doc: Doc, statements: Sequence[Draft]) -> tuple[Mention, ...]:
    out = [*_speaker_mentions(b, doc, statements)]
    for ref in doc.refs:
        span = b.span(ref.start, ref.end)
        if ref.place is not None and b.place(ref.place) is not None:
            b.actor(ref.actor)  # "Russia" names the state as well as the country
            out.append(
                Mention(
                    span=span,
                    text=b.slice(span),
                    kind=MentionKind.PLACE,
                    ref=ref.place,
                    rule=ref.rule,
                )
            )
        elif ref.actor is not None and b.actor(ref.actor) is not None:
            out.append(
                Mention(
                    span=span,
                    text=b.slice(span),
                    kind=MentionKind.ACTOR,
                    ref=ref.actor,
                    rule=ref.rule,
                )
            )
    return tuple(sorted(out, key=lambda m: (m.span.start, m.span.end)))


def _speaker_mentions(b: _Builder, doc: Doc, statements: Sequence[Draft]) -> list[Mention]:
    """Speakers named by a pronoun or a description ("he", "the ministry", "an army spokesman"),
    as mentions of the actor they were resolved to, so coreference is visible."""
    out = []
    for draft in statements:
        speaker = draft.speaker
        if speaker.rule not in (MentionRule.PRONOUN, MentionRule.COREFERENCE, MentionRule.ROLE):
            continue
        if speaker.end <= speaker.start or doc.ref_covering(speaker.start) is not None:
            continue
        actor = b.actor(speaker.actor)
        if actor is None:
            continue
        span = b.span(speaker.start, speaker.end)
        out.append(
            Mention(
                span=span, text=b.slice(span), kind=MentionKind.ACTOR, ref=actor, rule=speaker.rule
            )
        )
    return out


def _statement_date(doc: Doc, draft: Draft, dates: Sequence[DateMention]) -> TimePoint | None:
    """The date of the speech act: a date in the sentence outside the content, nearest the cue."""
    if draft.cue_start is None:
        return None
    sent = doc.sentences[draft.sentence]
    # the attribution clause: before the content when it follows the cue, after the speaker
    # when the content comes first ("..., ISW reported on 11 April")
    if draft.start > draft.cue_start:
        lo, hi = sent.start, draft.start
    else:
        lo, hi = (
            draft.subject_start if draft.subject_start is not None else draft.cue_start,
            sent.end,
        )
    best: TimePoint | None = None
    best_distance = 1 << 30
    for mention in _between(dates, lo, hi):
        before = doc.text[max(lo, mention.span.start - 7) : mention.span.start].lower().split()
        if before and before[-1] in ("since", "from", "until", "till", "by", "before", "after"):
            continue  # "which have hosted the talks since May 2023": not when it was said
        if draft.start <= mention.span.start < draft.end:
            continue  # a date inside what was said is not when it was said
        point = mention.time
        if point.kind in (TimeKind.DURATION, TimeKind.SET) or point.value.endswith("_REF"):
            continue
        if point.kind is TimeKind.TIME and point.earliest is None:
            continue
        distance = abs(mention.span.start - draft.cue_start)
        if distance < best_distance:
            best, best_distance = point, distance
    if best is not None and best.kind is TimeKind.TIME and best.earliest is not None:
        return _day_of(best)
    return best


def _between(dates: Sequence[DateMention], lo: int, hi: int) -> list[DateMention]:
    """The date mentions inside ``[lo, hi)`` (mentions come in text order)."""
    k = bisect.bisect_left(dates, lo, key=lambda m: m.span.start)
    out = []
    while k < len(dates) and dates[k].span.start < hi:
        if dates[k].span.end <= hi:
            out.append(dates[k])
        k += 1
    return out


def _day_of(point: TimePoint) -> TimePoint:
    day = point.earliest
    assert day is not None
    return TimePoint(
        value=day.isoformat(),
        kind=TimeKind.DATE,
        granularity="day",
        earliest=day,
        latest=day,
        reference=point.reference,
    )


def _statements(
    b: _Builder,
    doc: Doc,
    drafts: Sequence[Draft],
    dates: Sequence[DateMention],
    events: Sequence[EventDraft],
) -> list[Statement]:
    out: list[Statement] = []
    previous: dict[str, TimePoint | None] = {}
    for n, draft in enumerate(drafts):
        span = b.span(draft.start, draft.end)
        speaker = b.actor(draft.speaker.actor)
        date = _statement_date(doc, draft, dates)
        if date is None and draft.cue is None and speaker is not None:
            date = previous.get(speaker)  # a continuing quote shares its speech act's date
        if date is None and speaker is not None:
            date = date_nearby(doc, b.book, draft, dates, events)
        channel = draft.channel or channel_nearby(doc, b.book, draft, drafts[n - 1] if n else None)
        if speaker is not None:
            previous[speaker] = date
        speaker_span = None
        if draft.speaker.end > draft.speaker.start and not draft.speaker.inferred:
            speaker_span = b.span(draft.speaker.start, draft.speaker.end)
        out.append(
            Statement(
                id=f"s{n + 1}",
                span=span,
                text=b.slice(span),
                speaker=speaker,
                side=b.book.country(speaker),
                quote=draft.quote,
                cue=draft.cue,
                channel=b.actor(channel),
                addressee=b.actor(draft.addressee),
                date=date,
                inferred=draft.speaker.inferred,
                confidence=draft.confidence,
                speaker_span=speaker_span,
            )
        )
    return out


def _demands(
    b: _Builder,
    doc: Doc,
    drafts: Sequence[DemandDraft],
    statement_drafts: Sequence[Draft],
    statements: Sequence[Statement],
) -> tuple[Demand, ...]:
    ids = {(d.start, d.end): f"d{n + 1}" for n, d in enumerate(drafts)}
    out = []
    for n, draft in enumerate(drafts):
        holder = b.actor(draft.holder)
        if holder is None:
            continue
        span = b.span(draft.start, draft.end)
        statement = statements[draft.statement] if draft.statement is not None else None
        condition = ids.get(draft.condition) if draft.condition is not None else None
        out.append(
            Demand(
                id=f"d{n + 1}",
                holder=holder,
                side=b.book.country(holder),
                target=b.actor(draft.target),
                topic=draft.topic,
                polarity=draft.polarity,
                objects=tuple(
                    o for o in (b.place(x) or b.actor(x) for x in draft.objects) if o is not None
                ),
                condition=condition,
                date=statement.date if statement is not None else None,
                statement=statement.id if statement is not None else None,
                span=span,
                text=b.slice(span),
                modality=draft.modality,
                confidence=draft.confidence,
            )
        )
    return tuple(out)


def _events(b: _Builder, drafts: Sequence[EventDraft]) -> tuple[Event, ...]:
    out = []
    for n, draft in enumerate(drafts):
        span = b.span(draft.start, draft.end)
        participants: list[str] = []
        for actor in draft.participants:
            kept = b.actor(actor)
            if kept is not None and kept not in participants:
                participants.append(kept)
        out.append(
            Event(
                id=f"e{n + 1}",
                type=draft.type,
                status=draft.status,
                span=span,
                text=b.slice(span),
                date=draft.date.time if draft.date is not None else None,
                location=b.place(draft.location),
                participants=tuple(participants),
                figures=draft.figures,
                same_as=f"e{draft.same_as + 1}" if draft.same_as is not None else None,
                confidence=draft.confidence,
            )
        )
    return tuple(out)


def _summaries(
    b: _Builder,
    doc: Doc,
    statements: list[Statement],
    drafts: Sequence[Draft],
    demands: Sequence[DemandDraft],
) -> tuple[Statement, ...]:
    """Fill each statement's content summary: topics, stance, negation, objects, figures."""
    out = []
    by_statement: dict[int, list[DemandDraft]] = {}
    for demand in demands:
        if demand.statement is not None:
            by_statement.setdefault(demand.statement, []).append(demand)
    for index, (record, draft) in enumerate(zip(statements, drafts, strict=True)):
        own = by_statement.get(index, [])
        i, j = doc.token_range(draft.start, draft.end)
        tokens = doc.tokens[i:j]
        words = TokenString.of(tokens).text
        topics: list[Topic] = [d.topic for d in own]
        topics.extend(t for t in topic_of(words) if t not in topics)
        negated = bool(re.search(r"\b(?:not|never|no|n't|nothing|neither|nor)\b", words))
        objects: list[str] = []
        for ref in doc.refs_in(draft.start, draft.end):
            target = b.place(ref.place) if ref.place is not None else None
            if (
                target is None
                and ref.actor is not None
                and b.book.kind(ref.actor) is ActorKind.ORGANIZATION
            ):
                target = b.actor(ref.actor)
            if target is not None and target not in objects:
                objects.append(target)
        etype = EventType.PRISONER_EXCHANGE if Topic.PRISONERS in topics else EventType.ATTACK
        figures: tuple[Figure, ...] = (
            figures_in(doc, tokens, 0, len(tokens), None, etype) if tokens else ()
        )
        out.append(
            attrs.evolve(
                record,
                topics=tuple(topics),
                polarity=own[0].polarity if own else stance_of(words),
                negated=negated,
                objects=tuple(objects),
                figures=figures,
            )
        )
    return tuple(out)


def _unused(refs: Sequence[Ref]) -> None:  # pragma: no cover - keeps the import used for typing
    del refs
