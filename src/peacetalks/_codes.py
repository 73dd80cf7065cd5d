"""Codes of the existing event-data schemes (CAMEO, PLOVER, PA-X) for demands and events.

The mapping is data (``data/codes.json``), taken from the public codebooks; these functions only
look it up, so records can be exported to tools that speak those schemes.
"""

from __future__ import annotations

import functools
from typing import Any

from peacetalks._extract._lexicon import load_data
from peacetalks._model import Article, Demand, Event

__all__ = ["cameo_code", "pax_codes", "to_plover"]


@functools.cache
def _codes() -> dict[str, Any]:
    data: dict[str, Any] = load_data("codes.json")
    return data


def cameo_code(record: Demand | Event, /) -> str | None:
    """The CAMEO code of a demand (by topic and polarity) or an event (by type).

    A demand's code is CAMEO's code for demanding, yielding (accepting) or refusing (rejecting)
    its topic; a disavowal has no CAMEO code and gives ``None``.

    >>> import peacetalks as pt
    >>> cease = pt.Demand(id="d1", holder="state:ukr", topic="ceasefire", polarity="accept",
    ...                   span=pt.Span(0, 0), text="")
    >>> pt.cameo_code(cease)
    '0871'
    >>> pt.cameo_code(pt.Event(id="e1", type="prisoner-exchange", span=pt.Span(0, 0), text=""))
    '0841'
    """
    codes = _codes()
    if isinstance(record, Demand):
        entry = codes["topics"][record.topic.value]
        found = entry.get(record.polarity.value)
        return found[0] if found else None
    if isinstance(record, Event):
        return str(codes["events"][record.type.value]["cameo"][0])
    raise TypeError(f"cameo_code expects a Demand or an Event, got {type(record).__name__}")


def pax_codes(demand: Demand, /) -> tuple[str, ...]:
    """The PA-X (peace agreements database) categories of a demand's topic.

    >>> import peacetalks as pt
    >>> pt.pax_codes(pt.Demand(id="d1", holder="state:rus", topic="prisoners", polarity="demand",
    ...                        span=pt.Span(0, 0), text=""))
    ('TjPrire', 'TjMis')
    """
    if not isinstance(demand, Demand):
        raise TypeError(f"pax_codes expects a Demand, got {type(demand).__name__}")
    return tuple(_codes()["topics"][demand.topic.value]["pax"])


def to_plover(event: Event, /, *, article: Article | None = None) -> dict[str, Any]:
    """A PLOVER-style record of an event (the ontology behind POLECAT), as a JSON-ready dict.

    ``actor`` is the first participant and ``recipient`` the second; with the ``article`` the
    event came from, their names and countries and the place's name are filled in. The
    event's own fields that PLOVER has no place for (status, figures, provenance) are kept.

    >>> import datetime as dt
    >>> import peacetalks as pt
    >>> day = pt.TimePoint(value="2025-02-27", kind="date", granularity="day",
    ...                    earliest=dt.date(2025, 2, 27), latest=dt.date(2025, 2, 27))
    >>> talks = pt.Event(id="e1", type="talks", span=pt.Span(0, 30), text="talks in Riyadh on 27 February",
    ...                  date=day, location="place:riyadh", participants=("state:rus", "state:usa"))
    >>> record = pt.to_plover(talks)
    >>> record["event_type"], record["event_date"], record["actor"], record["recipient"]
    ('CONSULT', '2025-02-27', 'state:rus', 'state:usa')
    """
    if not isinstance(event, Event):
        raise TypeError(f"to_plover expects an Event, got {type(event).__name__}")
    if article is not None and not isinstance(article, Article):
        raise TypeError(
            f"to_plover: article must be an Article or None, got {type(article).__name__}"
        )
    entry = _codes()["events"][event.type.value]
    actors = {a.id: a for a in article.actors} if article is not None else {}
    places = {p.id: p for p in article.places} if article is not None else {}

    def party(index: int) -> tuple[str | None, str | None, str | None]:
        if index >= len(event.participants):
            return None, None, None
        actor_id = event.participants[index]
        actor = actors.get(actor_id)
        return actor_id, (actor.name if actor else None), (actor.country if actor else None)

    actor_id, actor_name, actor_country = party(0)
    recipient_id, recipient_name, recipient_country = party(1)
    place = places.get(event.location) if event.location else None
    date = event.date
    return {
        "id": event.id,
        "event_type": entry["plover"],
        "mode": entry["mode"],
        "context": [],
        "event_date": date.earliest.isoformat()
        if date is not None and date.earliest and date.earliest == date.latest
        else None,
        "event_date_value": date.value if date is not None else None,
        "actor": actor_id,
        "actor_name": actor_name,
        "actor_country": actor_country,
        "recipient": recipient_id,
        "recipient_name": recipient_name,
        "recipient_country": recipient_country,
        "participants": list(event.participants),
        "location": event.location,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "status": event.status.value,
        "figures": {f.kind.value: f.value for f in event.figures},
        "cameo": entry["cameo"][0],
        "text": event.text,
        "span": [event.span.start, event.span.end],
    }
