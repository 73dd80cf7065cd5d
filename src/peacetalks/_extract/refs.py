"""From the gazetteer's scan to the parser's references (``Ref``) and the article's places.

Each hit becomes one reference: its first actor reading (the speaker reading of "Moscow" is the
state) and its first place reading, side by side, so the extractors can take whichever the
sentence needs. Role hits ("Kremlin spokesman") are marked so a name right after them is
preferred. A hit with no reading (a bare "the foreign ministry") is left to the extractors,
which know the context.
"""

from __future__ import annotations

import datetime as dt

from peacetalks._extract._doc import Ref
from peacetalks._extract._speakers import ActorBook
from peacetalks._gazetteer import Gazetteer
from peacetalks._model import Actor, Place
from peacetalks._vocab import MentionRule

__all__ = ["build_refs"]


def build_refs(
    gaz: Gazetteer, text: str, book: ActorBook, *, on: dt.date | None = None
) -> tuple[tuple[Ref, ...], dict[str, Place]]:
    """The references the gazetteer finds in ``text``, and every place they name, by id."""
    refs: list[Ref] = []
    places: dict[str, Place] = {}
    for hit in gaz.scan(text, on=on):
        actor: Actor | None = None
        place: Place | None = None
        for candidate in hit.candidates:
            record = candidate.record
            if isinstance(record, Actor) and actor is None:
                actor = record
            elif isinstance(record, Place) and place is None:
                place = record
        if actor is None and place is None:
            continue
        if actor is not None:
            book.add(actor)
        if place is not None:
            places.setdefault(place.id, place)
        country = (
            actor.country if actor is not None else place.country if place is not None else None
        )
        refs.append(
            Ref(
                start=hit.span.start,
                end=hit.span.end,
                actor=actor.id if actor is not None else None,
                kind=actor.kind if actor is not None else None,
                rule=hit.rule,
                country=country,
                place=place.id if place is not None else None,
                role=hit.rule is MentionRule.ROLE,
            )
        )
    refs.sort(key=lambda r: (r.start, -r.end))
    return tuple(refs), places
