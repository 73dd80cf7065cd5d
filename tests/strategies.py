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
