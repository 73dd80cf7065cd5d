"""What the surrounding text says about a statement: its channel and the date of the speech act.

A statement's own sentence comes first ("wrote on Truth Social on 20 April that"). Where the
sentence is silent, three narrow rules look around it, each one a convention of news writing:
a post continues on the platform the previous sentence named ("posted photographs on Telegram.
..., he wrote, ..."); a pronoun speaker introduced by a dated fragment takes its date ("Trump,
on Wednesday evening. He wrote that ..."); and what a participant says right after a dated
meeting or call in the same section was said there ("had a telephone conversation today ...
He stated that ...").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from peacetalks._extract._doc import Doc
from peacetalks._extract._speakers import ActorBook
from peacetalks._extract.events import EventDraft
from peacetalks._extract.statements import Draft
from peacetalks._model import DateMention, TimePoint
from peacetalks._vocab import ActorKind, EventType, TimeKind

__all__ = ["channel_nearby", "date_nearby"]

_BEFORE_CHANNEL = frozenset({"on", "via", "to", "told", "with", "in"})
_POSTING = frozenset({"write", "post", "tweet", "say", "add", "claim", "state"})


def _media_before(
    doc: Doc, book: ActorBook, start: int, end: int, *, outside: tuple[int, int] | None
) -> str | None:
    i, j = doc.token_range(start, end)
    tokens = doc.tokens[i:j]
    for k, tok in enumerate(tokens):
        ref = doc.ref_starting_at(tok.start)
        if ref is None or ref.actor is None or book.kind(ref.actor) is not ActorKind.MEDIA:
            continue
        if (
            outside is not None
            and outside[0] <= ref.start < outside[1]
            and doc.quote_at(ref.start) is not None
        ):
            continue
        before = {t.low for t in tokens[max(0, k - 3) : k]}
        after = {t.low for t in tokens[k + 1 : k + 4]}
        if before & _BEFORE_CHANNEL or "interview" in after or "platform" in after:
            return ref.actor
    return None


def channel_nearby(doc: Doc, book: ActorBook, draft: Draft, previous: Draft | None) -> str | None:
    """The platform or outlet a statement went out on, from its sentence or the one before."""
    sent = doc.sentences[draft.sentence]
    found = _media_before(doc, book, sent.start, sent.end, outside=(draft.start, draft.end))
    if found is not None or draft.cue not in _POSTING or draft.sentence == 0:
        return found
    before = doc.sentences[draft.sentence - 1]
    if before.block != sent.block and before.block != sent.block - 1:
        return None
    if (
        previous is not None
        and previous.sentence == draft.sentence - 1
        and previous.speaker.actor != draft.speaker.actor
    ):
        return None
    # the previous sentence must be about the same speaker ("Zelenskiy posted photographs on Telegram")
    names_speaker = any(
        r.actor == draft.speaker.actor for r in doc.refs_in(before.start, before.end)
    )
    return (
        _media_before(doc, book, before.start, before.end, outside=None) if names_speaker else None
    )


def date_nearby(
    doc: Doc,
    book: ActorBook,
    draft: Draft,
    dates: Sequence[DateMention],
    events: Sequence[EventDraft],
) -> TimePoint | None:
    """The date of a speech act that its own sentence does not give, from the rules above."""
    if draft.speaker.rule.value == "pronoun" and draft.sentence > 0:
        before = doc.sentences[draft.sentence - 1]
        i, j = doc.token_range(before.start, before.end)
        short = j - i <= 10
        if short and any(
            r.actor == draft.speaker.actor for r in doc.refs_in(before.start, before.end)
        ):
            k = bisect.bisect_left(dates, before.start, key=lambda m: m.span.start)
            while k < len(dates) and dates[k].span.start < before.end:
                if _day_like(dates[k].time):
                    return dates[k].time
                k += 1
    section_start = 0
    for index in range(draft.sentence, -1, -1):
        if doc.sentences[index].kind == "heading" and index < draft.sentence:
            section_start = doc.sentences[index].start
            break
    best: EventDraft | None = None
    first = bisect.bisect_left(events, section_start, key=lambda e: e.start)
    last = bisect.bisect_left(events, draft.start, key=lambda e: e.start)
    for event in events[first:last]:
        if (
            event.type is not EventType.TALKS
            or event.date is None
            or not _day_like(event.date.time)
        ):
            continue
        if not (section_start <= event.start < draft.start) or event.status.value != "occurred":
            continue
        if draft.speaker.actor in event.participants:
            best = event
    return best.date.time if best is not None and best.date is not None else None


def _day_like(point: TimePoint) -> bool:
    return (
        point.kind is TimeKind.DATE
        and point.earliest is not None
        and point.earliest == point.latest
    )
