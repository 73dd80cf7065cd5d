"""Hypothesis strategies for every peacetalks record, shared by all test modules."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from hypothesis import strategies as st

import peacetalks as pt

T = TypeVar("T")

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:-_", min_size=1, max_size=24).filter(
    lambda s: bool(s.strip())
)
names = st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip()))
countries = st.sampled_from(["RUS", "UKR", "USA", "GBR", "FRA", "DEU", "TUR", "ISR", "PSE", "QAT"])
plain_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
confidences = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def tuples_of(
    strategy: st.SearchStrategy[T], max_size: int = 3
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def spans(max_end: int = 10_000) -> st.SearchStrategy[pt.Span]:
    return st.tuples(st.integers(0, max_end), st.integers(0, max_end)).map(
        lambda pair: pt.Span(min(pair), max(pair))
    )


timex_values = st.one_of(
    plain_dates.map(dt.date.isoformat),
    st.integers(1900, 2100).map(str),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1900, 2100), st.integers(1, 12)),
    st.builds(lambda y, w: f"{y}-W{w:02d}", st.integers(1900, 2100), st.integers(1, 53)),
    st.builds(lambda y: f"{y}-W15-WE", st.integers(1900, 2100)),
    st.builds(
        lambda y, s: f"{y}-{s}", st.integers(1900, 2100), st.sampled_from(["SP", "SU", "FA", "WI"])
    ),
    st.builds(lambda y, q: f"{y}-Q{q}", st.integers(1900, 2100), st.integers(1, 4)),
    st.sampled_from(
        [
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "P1M",
            "P100D",
            "PT24H",
            "P2.5Y",
            "PXY",
            "199",
            "19",
            "XXXX-02-27",
            "XXXX-WXX-1",
            "2025-04-12T14:30",
            "2009-12-15T18:00Z",
            "2025-04-12TEV",
        ]
    ),
)


@st.composite
def time_points(draw: st.DrawFn) -> pt.TimePoint:
    earliest = draw(optional(plain_dates))
    latest = draw(optional(plain_dates))
    if earliest is not None and latest is not None and latest < earliest:
        earliest, latest = latest, earliest
    return pt.TimePoint(
        value=draw(timex_values),
        kind=draw(st.sampled_from(pt.TimeKind)),
        granularity=draw(optional(st.sampled_from(pt.Granularity))),
        earliest=earliest,
        latest=latest,
        modifier=draw(st.sampled_from(pt.Modifier)),
        reference=draw(optional(plain_dates)),
    )


@st.composite
def roles(draw: st.DrawFn) -> pt.Role:
    start = draw(optional(plain_dates))
    end = draw(optional(plain_dates))
    if start is not None and end is not None and end < start:
        start, end = end, start
    return pt.Role(draw(names), draw(optional(ids)), start, end)


actors = st.builds(
    pt.Actor,
    id=ids,
    name=names,
    kind=st.sampled_from(pt.ActorKind),
    country=optional(countries),
    aliases=tuples_of(names),
    roles=tuples_of(roles()),
    provisional=st.booleans(),
    wikidata=optional(st.integers(1, 10**9).map(lambda n: f"Q{n}")),
)

places = st.builds(
    pt.Place,
    id=ids,
    name=names,
    kind=st.sampled_from(pt.PlaceKind),
    code=optional(st.sampled_from(["UKR", "UA-14", "UA-43", "RUS"])),
    country=optional(countries),
    aliases=tuples_of(names),
)

figures = st.builds(
    pt.Figure,
    st.sampled_from(pt.FigureKind),
    st.integers(0, 10**6),
    optional(st.sampled_from(pt.Qualifier)),
)
unique_figures = st.lists(figures, max_size=4, unique_by=lambda f: f.kind).map(tuple)


def _slice(text: str, span: pt.Span) -> str:
    return text[span.start : span.end]


def _spans_in(size: int) -> st.SearchStrategy[pt.Span]:
    return spans(size)


def mentions(text: str) -> st.SearchStrategy[pt.Mention]:
    return _spans_in(len(text)).flatmap(
        lambda span: st.builds(
            pt.Mention,
            span=st.just(span),
            text=st.just(_slice(text, span)),
            kind=st.sampled_from(pt.MentionKind),
            ref=ids,
            rule=st.sampled_from(pt.MentionRule),
        )
    )


def date_mentions(text: str) -> st.SearchStrategy[pt.DateMention]:
    return _spans_in(len(text)).flatmap(
        lambda span: st.builds(
            pt.DateMention, span=st.just(span), text=st.just(_slice(text, span)), time=time_points()
        )
    )


def statements(text: str) -> st.SearchStrategy[pt.Statement]:
    return _spans_in(len(text)).flatmap(
        lambda span: st.builds(
            pt.Statement,
            id=ids,
            span=st.just(span),
            text=st.just(_slice(text, span)),
            speaker=optional(ids),
            side=optional(countries),
            quote=st.booleans(),
            cue=optional(st.sampled_from(["say", "tell", "state", "claim", "according to"])),
            channel=optional(ids),
            addressee=optional(ids),
            date=optional(time_points()),
            inferred=st.booleans(),
            confidence=confidences,
            speaker_span=optional(_spans_in(len(text))),
            topics=tuples_of(st.sampled_from(pt.Topic)),
            polarity=optional(st.sampled_from(pt.Polarity)),
            negated=st.booleans(),
            objects=tuples_of(ids),
            figures=unique_figures,
        )
    )


def demands(text: str) -> st.SearchStrategy[pt.Demand]:
    return _spans_in(len(text)).flatmap(
        lambda span: st.builds(
            pt.Demand,
            id=ids,
            holder=ids,
            topic=st.sampled_from(pt.Topic),
            polarity=st.sampled_from(pt.Polarity),
            span=st.just(span),
            text=st.just(_slice(text, span)),
            side=optional(countries),
            target=optional(ids),
            objects=tuples_of(ids),
            condition=optional(ids),
            date=optional(time_points()),
            statement=optional(ids),
            modality=st.sampled_from(pt.Modality),
            confidence=confidences,
        )
    )


def events(text: str) -> st.SearchStrategy[pt.Event]:
    return _spans_in(len(text)).flatmap(
        lambda span: st.builds(
            pt.Event,
            id=ids,
            type=st.sampled_from(pt.EventType),
            span=st.just(span),
            text=st.just(_slice(text, span)),
            status=st.sampled_from(pt.EventStatus),
            date=optional(time_points()),
            location=optional(ids),
            participants=tuples_of(ids),
            figures=unique_figures,
            same_as=optional(ids),
            confidence=confidences,
        )
    )


rules = st.sampled_from(list(pt.MentionRule))
candidates = st.builds(pt.Candidate, st.one_of(actors, places), rules)
slugs = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=20)
hits = st.builds(
    pt.Hit,
    span=spans(),
    text=names,
    rule=rules,
    candidates=tuples_of(candidates),
    office=optional(slugs),
    institution=optional(slugs),
    qualifier=optional(ids),
)
lookups = st.builds(
    pt.Lookup,
    text=names,
    candidates=tuples_of(candidates),
    office=optional(slugs),
    institution=optional(slugs),
)

article_texts = st.text(max_size=200)


@st.composite
def articles(draw: st.DrawFn) -> pt.Article:
    text = draw(article_texts)
    return pt.Article(
        text=text,
        published=draw(optional(plain_dates)),
        title=draw(optional(names)),
        outlet=draw(optional(ids)),
        dateline=draw(optional(names)),
        actors=draw(st.lists(actors, max_size=3, unique_by=lambda a: a.id)),
        places=draw(st.lists(places, max_size=3, unique_by=lambda p: p.id)),
        mentions=draw(tuples_of(mentions(text))),
        statements=draw(tuples_of(statements(text))),
        demands=draw(tuples_of(demands(text))),
        events=draw(tuples_of(events(text))),
        dates=draw(tuples_of(date_mentions(text))),
        furniture=draw(tuples_of(_spans_in(len(text)))),
    )


_ANY_TEXT = "The Kremlin said on 11 April that talks in Riyadh had gone well."

RECORD_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    pt.Span: spans(),
    pt.TimePoint: time_points(),
    pt.Role: roles(),
    pt.Actor: actors,
    pt.Place: places,
    pt.Figure: figures,
    pt.Mention: mentions(_ANY_TEXT),
    pt.DateMention: date_mentions(_ANY_TEXT),
    pt.Statement: statements(_ANY_TEXT),
    pt.Demand: demands(_ANY_TEXT),
    pt.Event: events(_ANY_TEXT),
    pt.Article: articles(),
    pt.NormalizedName: st.text(max_size=40).map(pt.normalize_name),
    pt.Candidate: candidates,
    pt.Hit: hits,
    pt.Lookup: lookups,
}
"""A strategy for every record type peacetalks exports, keyed by the type."""

records = st.one_of(*RECORD_STRATEGIES.values())


# ---------------------------------------------------------------------------------------------
# Records drawn from small pools, so that comparisons meet the same speakers, sides, topics,
# places and days often enough to exercise every rule (the strategies above rarely collide).

_SPEAKERS = {
    "person:sergey-lavrov": "RUS",
    "gov:kremlin": "RUS",
    "gov:rus-defence-ministry": "RUS",
    "person:volodymyr-zelenskyy": "UKR",
    "gov:ukr-foreign-ministry": "UKR",
    "person:benjamin-netanyahu": "ISR",
}
_OBJECTS = ["place:ru-kursk-oblast", "place:ua-donetsk-oblast", "org:aeroflot", "place:crimea"]
_PHRASES = [
    "Russia will hand over 23 gravely wounded prisoners",
    "the ministry handed over 22 severely wounded prisoners",
    "we did not discuss specific wording",
    "some of the formulations do not suit us",
    "parts of the proposals seem acceptable",
    "the truce did not cover Kursk",
    "breaches of the truce in Kursk",
    "sanctions on the airline must be lifted first",
    "we are not seeking sanctions relief",
    "no ceasefire before talks",
    "4,300 prisoners have been freed since 2022",
]
_MARCH = dt.date(2025, 3, 1)


@st.composite
def close_time_points(draw: st.DrawFn) -> pt.TimePoint:
    """Days, weeks and months in spring 2025, so that intervals overlap and nest."""
    start = _MARCH + dt.timedelta(days=draw(st.integers(0, 60)))
    width = draw(st.sampled_from([0, 0, 0, 6, 9, 30, 120]))
    granularity = {0: "day", 6: "week", 9: "day", 30: "month", 120: "year"}[width]
    return pt.TimePoint(
        value=start.isoformat(),
        kind="date",
        granularity=granularity,
        earliest=start,
        latest=start + dt.timedelta(days=width),
    )


@st.composite
def comparable_statements(draw: st.DrawFn) -> pt.Statement:
    """A statement whose speaker, side, topics, stance, objects and words come from small pools."""
    text = draw(st.sampled_from(_PHRASES))
    speaker = draw(optional(st.sampled_from(sorted(_SPEAKERS))))
    side = _SPEAKERS[speaker] if speaker is not None and draw(st.booleans()) else None
    return pt.Statement(
        id=f"s{draw(st.integers(0, 10**6))}",
        span=pt.Span(0, len(text)),
        text=text,
        speaker=speaker,
        side=side,
        date=draw(optional(close_time_points())),
        confidence=draw(st.sampled_from([1.0, 0.8])),
        topics=draw(
            st.lists(
                st.sampled_from(["prisoners", "sanctions", "ceasefire", "negotiation"]), max_size=2
            )
        ),
        polarity=draw(optional(st.sampled_from(pt.Polarity))),
        negated=draw(st.booleans()),
        objects=draw(st.lists(st.sampled_from(_OBJECTS), max_size=2, unique=True)),
        figures=draw(
            st.lists(
                st.builds(
                    pt.Figure,
                    st.just("prisoners"),
                    st.sampled_from([22, 23, 30, 175, 4300]),
                    optional(st.sampled_from(["at-least", "about"])),
                ),
                max_size=1,
            )
        ),
    )


PLACES: dict[str, pt.Place] = {
    "place:riyadh": pt.Place(id="place:riyadh", name="Riyadh", kind="city", country="SAU"),
    "place:jeddah": pt.Place(id="place:jeddah", name="Jeddah", kind="city", country="SAU"),
    "country:sau": pt.Place(id="country:sau", name="Saudi Arabia", kind="country", code="SAU"),
    "place:istanbul": pt.Place(id="place:istanbul", name="Istanbul", kind="city", country="TUR"),
    "country:tur": pt.Place(id="country:tur", name="Turkey", kind="country", code="TUR"),
}
"""The places that ``comparable_events`` use, for ``same_event(..., places=PLACES)``."""


@st.composite
def comparable_events(draw: st.DrawFn) -> pt.Event:
    """An event whose type, date, place, participants and figures come from small pools."""
    return pt.Event(
        id=f"e{draw(st.integers(0, 10**6))}",
        type=draw(st.sampled_from(["talks", "prisoner-exchange", "attack"])),
        span=pt.Span(0, 0),
        text="",
        date=draw(optional(close_time_points())),
        location=draw(optional(st.sampled_from([*sorted(PLACES), "place:kyiv"]))),
        participants=draw(
            st.lists(
                st.sampled_from(["state:rus", "state:ukr", "state:usa"]), max_size=3, unique=True
            )
        ),
        figures=draw(
            st.lists(
                st.builds(
                    pt.Figure,
                    st.just("prisoners"),
                    st.sampled_from([175, 246, 1000]),
                    optional(st.sampled_from(["at-least", "about"])),
                ),
                max_size=1,
            )
        ),
    )
