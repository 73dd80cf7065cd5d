"""The corpus view: keys that keep article-local ids apart, and comparisons across articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from tests.strategies import PLACES, articles

KREMLIN, ZELENSKYY = "gov:kremlin", "person:volodymyr-zelenskyy"
DONETSK, LUHANSK = "place:ua-donetsk-oblast", "place:ua-luhansk-oblast"
ZAPORIZHZHIA, KHERSON = "place:ua-zaporizhzhia-oblast", "place:ua-kherson-oblast"


def said(sid: str, speaker: str, side: str, text: str, **summary: Any) -> pt.Statement:
    return pt.Statement(
        id=sid, span=pt.Span(0, len(text)), text=text, speaker=speaker, side=side, **summary
    )


def stance(did: str, holder: str, side: str | None, topic: str, polarity: str, *objects: str, **more: Any) -> pt.Demand:  # fmt: skip
    return pt.Demand(
        id=did,
        holder=holder,
        side=side,
        topic=topic,
        polarity=polarity,
        objects=objects,
        span=pt.Span(0, 0),
        text="",
        **more,
    )


def day(iso: str) -> pt.TimePoint:
    when = dt.date.fromisoformat(iso)
    return pt.TimePoint(value=iso, kind="date", granularity="day", earliest=when, latest=when)


def article(*records: Any, published: str | None = None, **more: Any) -> pt.Article:
    """An article whose text is its records' texts one after another, each span re-placed."""
    text, placed = "", []
    for record in records:
        start = len(text) + (1 if text else 0)
        text = f"{text} {record.text}" if text else record.text
        placed.append(attrs.evolve(record, span=pt.Span(start, start + len(record.text))))
    return pt.Article(
        text=text,
        published=dt.date.fromisoformat(published) if published else None,
        statements=[r for r in placed if isinstance(r, pt.Statement)],
        demands=[r for r in placed if isinstance(r, pt.Demand)],
        events=[r for r in placed if isinstance(r, pt.Event)],
        **more,
    )


# ---------------------------------------------------------------------------------------------
# Keys


def test_articles_are_keyed_by_position_unless_keys_are_given() -> None:
    two = [article(), article()]
    assert pt.Collection(two).keys == ("a0", "a1")
    assert pt.Collection(two, ["tass-1", "kyiv-2"]).keys == ("tass-1", "kyiv-2")
    assert len(pt.Collection(two)) == 2


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["a", "a"], "same key twice"),
        (["a"], "1 keys for 2 articles"),
        (["a/b", "c"], "without '/'"),
        (["", "c"], "without '/'"),
    ],
)
def test_bad_keys_are_refused(keys: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pt.Collection([article(), article()], keys)


def test_only_articles_go_in() -> None:
    with pytest.raises(TypeError, match=r"articles\[1\] must be an Article"):
        pt.Collection([article(), "text"])  # type: ignore[list-item]


def test_from_articles_reads_a_generator_once() -> None:
    read: list[int] = []

    def stream() -> Iterator[pt.Article | tuple[str, pt.Article]]:
        for n in range(3):
            read.append(n)
            yield (f"wire-{n}", article()) if n != 1 else article()

    corpus = pt.Collection.from_articles(stream())
    assert read == [0, 1, 2]
    assert corpus.keys == ("wire-0", "a1", "wire-2")


def test_a_collection_is_immutable() -> None:
    corpus = pt.Collection([article()])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        corpus.keys = ("b",)  # type: ignore[misc]
    assert corpus == pt.Collection([article()])


def test_local_ids_do_not_collide_and_references_follow() -> None:
    text = "Moscow wants the sanctions on Aeroflot lifted first."
    first = article(
        said("s1", KREMLIN, "RUS", text, topics=["sanctions"], polarity="demand"),
        stance("d1", KREMLIN, "RUS", "economic", "demand", condition="d2", statement="s1"),
        stance("d2", KREMLIN, "RUS", "sanctions", "demand", "org:aeroflot", statement="s1"),
        pt.Event(id="e1", type="talks", span=pt.Span(0, 6), text=text[:6]),
        pt.Event(id="e2", type="talks", span=pt.Span(0, 6), text=text[:6], same_as="e1"),
    )
    second = article(said("s1", ZELENSKYY, "UKR", "x"), stance("d1", ZELENSKYY, "UKR", "territory", "reject"))  # fmt: skip
    corpus = pt.Collection([first, second])
    assert [s.id for s in corpus.statements()] == ["a0/s1", "a1/s1"]
    demands = corpus.demands()
    assert [(d.id, d.statement, d.condition) for d in demands] == [
        ("a0/d1", "a0/s1", "a0/d2"),
        ("a0/d2", "a0/s1", None),
        ("a1/d1", None, None),
    ]
    assert [c.ids for c in corpus.events()] == [("a0/e1", "a0/e2")]
    assert corpus.source("a1/d1") is second
    assert corpus.source("a9/d1") is None
    assert corpus.source("d1") is None
    assert corpus.article("a0") is first
    # the keyed record still indexes its own article's text
    statement = corpus.statements()[0]
    assert statement.span.of(corpus.source(statement.id).text) == statement.text  # type: ignore[union-attr]


@given(st.lists(articles(), max_size=4))
def test_every_record_comes_out_once_with_a_unique_id(items: list[pt.Article]) -> None:
    corpus = pt.Collection(items)
    assert [s.id for s in corpus.statements()] == [
        f"a{n}/{s.id}" for n, a in enumerate(items) for s in a.statements
    ]
    assert [d.id for d in corpus.demands()] == [
        f"a{n}/{d.id}" for n, a in enumerate(items) for d in a.demands
    ]
    events = [e for cluster in corpus.events() for e in cluster.events]
    assert sorted(e.id for e in events) == sorted(
        f"a{n}/{e.id}" for n, a in enumerate(items) for e in a.events
    )


# ---------------------------------------------------------------------------------------------
# Across articles

SYBIHA = pt.Actor(id="person:andrii-sybiha", name="Andrii Sybiha", kind="person", country="UKR")


def test_demands_by_holder_and_side() -> None:
    corpus = pt.Collection(
        [
            article(stance("d1", KREMLIN, "RUS", "territory", "demand", DONETSK)),
            article(stance("d1", SYBIHA.id, None, "territory", "reject"), actors=[SYBIHA]),
        ]
    )
    assert [d.id for d in corpus.demands(holder=KREMLIN)] == ["a0/d1"]
    assert [d.id for d in corpus.demands(side="UKR")] == ["a1/d1"]
    assert [d.id for d in corpus.demands(side="state:ukr", holder=KREMLIN)] == []
    assert corpus.actors() == {SYBIHA.id: SYBIHA}
    gaps = corpus.gaps("RUS", "UKR")
    assert [(g.first.id, g.second.id, g.rule) for g in gaps] == [
        ("a0/d1", "a1/d1", "demand-rejected")
    ]


def test_common_ground_across_articles() -> None:
    corpus = pt.Collection(
        [
            article(stance("d1", KREMLIN, "RUS", "prisoners", "accept")),
            article(stance("d4", ZELENSKYY, "UKR", "prisoners", "demand")),
        ]
    )
    assert [(c.first.id, c.second.id) for c in corpus.common_ground("RUS", "UKR")] == [
        ("a0/d1", "a1/d4")
    ]


def test_events_merge_across_articles_with_their_places() -> None:
    feb_27 = day("2025-02-27")
    late_feb = pt.TimePoint(value="2025-02", kind="date", granularity="month", modifier="end", earliest=dt.date(2025, 2, 21), latest=dt.date(2025, 2, 28))  # fmt: skip
    riyadh = pt.Event(id="e1", type="talks", span=pt.Span(0, 0), text="", date=feb_27, location="place:riyadh")  # fmt: skip
    saudi = pt.Event(id="e1", type="talks", span=pt.Span(0, 0), text="", date=late_feb, location="country:sau")  # fmt: skip
    corpus = pt.Collection(
        [
            article(riyadh, places=[PLACES["place:riyadh"]]),
            article(saudi, places=[PLACES["country:sau"]]),
        ]
    )
    assert [c.ids for c in corpus.events()] == [("a0/e1", "a1/e1")]
    assert set(corpus.places()) == {"place:riyadh", "country:sau"}
    # without the articles' places the two stay apart
    assert len(pt.merge_events([riyadh, saudi])) == 2


def test_contradictions_inside_articles_or_across_the_corpus() -> None:
    demand = said("s1", "person:sergey-lavrov", "RUS", "sanctions on the airline must go", topics=["sanctions"], polarity="demand", date=day("2025-04-11"))  # fmt: skip
    disavow = said("s2", "person:kirill-dmitriev", "RUS", "we are not seeking relief", topics=["sanctions"], polarity="disavow", date=day("2025-04-03"))  # fmt: skip
    later = said("s1", "person:kirill-dmitriev", "RUS", "we are not seeking relief", topics=["sanctions"], polarity="disavow", date=day("2025-11-20"))  # fmt: skip
    corpus = pt.Collection([article(demand, disavow), article(later)])
    assert [(c.first.id, c.second.id) for c in corpus.contradictions()] == [("a0/s1", "a0/s2")]
    across = corpus.contradictions(scope="corpus")
    assert [(c.first.id, c.second.id) for c in across] == [("a0/s1", "a0/s2"), ("a0/s1", "a1/s1")]
    assert len(corpus.contradictions(scope="corpus", within_days=30)) == 1


def test_history_of_territorial_demands_from_march_to_april() -> None:
    three = (DONETSK, LUHANSK, ZAPORIZHZHIA)
    five = (*three, KHERSON, "place:crimea")
    corpus = pt.Collection(
        [
            article(stance("d1", KREMLIN, "RUS", "territory", "demand", *five), published="2025-04-14"),
            article(stance("d3", "person:sergey-lavrov", "RUS", "territory", "demand", *three), published="2025-03-10"),
            article(stance("d1", KREMLIN, "RUS", "territory", "demand", *three), published="2025-03-24"),
            article(stance("d2", "person:vladimir-putin", "RUS", "territory", "demand", *five, date=day("2025-04-20"))),
            article(stance("d1", ZELENSKYY, "UKR", "territory", "reject"), published="2025-03-11"),
        ]
    )  # fmt: skip
    history = corpus.history("RUS")
    assert [(len(e.objects), e.first_seen, e.last_seen) for e in history] == [
        (3, day("2025-03-10"), day("2025-03-24")),
        (5, day("2025-04-14"), day("2025-04-20")),
    ]
    assert [d.id for d in history[1].demands] == ["a0/d1", "a3/d2"]
    assert [len(e.objects) for e in corpus.history(KREMLIN)] == [3, 5]
    before = [d for e in history[:1] for d in e.demands]
    after = list(history[1].demands)
    assert [c.kind for c in pt.diff_demands(before, after).changes] == ["hardened"]


def test_timeline_orders_dated_demands_and_events() -> None:
    swap = pt.Event(id="e1", type="prisoner-exchange", span=pt.Span(0, 0), text="", date=day("2025-03-19"))  # fmt: skip
    same_swap = pt.Event(id="e7", type="prisoner-exchange", span=pt.Span(0, 0), text="", date=day("2025-03-19"), participants=["state:ukr"], location="country:ukr")  # fmt: skip
    again = pt.Event(id="e2", type="prisoner-exchange", span=pt.Span(0, 0), text="", date=day("2025-03-19"), participants=["state:ukr"], location="country:ukr")  # fmt: skip
    undated = pt.Event(id="e3", type="talks", span=pt.Span(0, 0), text="")
    ask = stance("d1", KREMLIN, "RUS", "territory", "demand", date=day("2025-03-25"))
    vague = stance("d2", KREMLIN, "RUS", "ceasefire", "reject")
    corpus = pt.Collection(
        [
            article(swap, same_swap, ask, vague, published="2025-03-26"),
            article(again, undated),
        ]
    )
    timeline = corpus.timeline()
    assert [(e.date.value, e.kind, e.dated_by, e.articles) for e in timeline] == [
        ("2025-03-19", "event", "record", ("a0",)),
        ("2025-03-19", "event", "record", ("a0", "a1")),
        ("2025-03-25", "demand", "record", ("a0",)),
        ("2025-03-26", "demand", "published", ("a0",)),
    ]
    assert isinstance(timeline[1].record, pt.EventCluster)
    assert timeline[1].record.ids == ("a0/e7", "a1/e2")
