"""``parse_many``: order kept, the same result in parallel, lazy input, records that pickle."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Generator, Iterator

import pytest

import peacetalks as pt

TEXTS = [
    "Kremlin spokesman Dmitry Peskov said on Friday that talks with Kyiv would resume.",
    "Zelenskyy said Ukraine would not give up its land.",
    "Lavrov said on 11 April that the sanctions on Aeroflot must go.",
    "Russia and Ukraine exchanged 175 prisoners on Wednesday, the defence ministry said.",
    "No one said anything.",
]


class Counting:
    """An iterator over items that counts how many have been taken."""

    def __init__(self, items: list[tuple[str, dt.date | None]]) -> None:
        self.items = items
        self.taken = 0

    def __iter__(self) -> Iterator[tuple[str, dt.date | None]]:
        for item in self.items:
            self.taken += 1
            yield item


def _pairs(n: int) -> list[tuple[str, dt.date | None]]:
    return [(f"{TEXTS[i % len(TEXTS)]} (Story {i}.)", dt.date(2025, 4, 19)) for i in range(n)]


def test_order_is_kept_and_each_text_is_its_own_article() -> None:
    pairs = _pairs(12)
    articles = list(pt.parse_many(pairs))
    assert [a.text for a in articles] == [text for text, _ in pairs]
    assert [a.published for a in articles] == [published for _, published in pairs]
    assert articles[0] == pt.parse(pairs[0][0], published=pairs[0][1])


def test_texts_and_pairs_can_mix() -> None:
    articles = list(pt.parse_many([TEXTS[0], (TEXTS[1], None), (TEXTS[2], dt.date(2025, 4, 12))]))
    assert [a.published for a in articles] == [None, None, dt.date(2025, 4, 12)]


@pytest.mark.parametrize("chunksize", [1, 3, 16])
def test_two_workers_give_the_same_as_one(chunksize: int) -> None:
    pairs = _pairs(11)
    one = list(pt.parse_many(pairs, workers=1))
    two = list(pt.parse_many(pairs, workers=2, chunksize=chunksize))
    assert two == one


def test_the_samples_in_parallel() -> None:
    pairs = [s.pair for s in pt.samples()]
    assert list(pt.parse_many(pairs, workers=2, chunksize=1)) == list(pt.parse_many(pairs))


def test_input_is_read_lazily_in_one_process() -> None:
    source = Counting(_pairs(50))
    articles = pt.parse_many(iter(source))
    assert source.taken == 0  # nothing happens before the first article is asked for
    next(articles)
    assert source.taken == 1
    next(articles)
    assert source.taken == 2


def test_input_is_read_lazily_in_parallel() -> None:
    workers, chunksize = 2, 2
    source = Counting(_pairs(60))
    articles = pt.parse_many(iter(source), workers=workers, chunksize=chunksize)
    first = next(articles)
    assert first.text == source.items[0][0]
    # at most two chunks a worker are in flight: memory is bounded by that, not the corpus
    assert source.taken <= 2 * workers * chunksize
    rest = list(articles)
    assert source.taken == 60
    assert len(rest) == 59


def test_stopping_early_ends_the_workers() -> None:
    source = Counting(_pairs(100))
    articles = pt.parse_many(iter(source), workers=2, chunksize=1)
    next(articles)
    assert isinstance(articles, Generator)
    articles.close()  # what a "break" out of the loop does
    assert source.taken <= 4


def test_a_custom_gazetteer_reaches_the_workers() -> None:
    gazetteer = pt.Gazetteer.default().extended(
        actors=[
            pt.Actor(id="person:maly-socheata", name="Maly Socheata", kind="person", country="KHM")
        ]
    )
    texts = ["Maly Socheata said the border talks would go on."] * 3
    for workers in (1, 2):
        for article in pt.parse_many(texts, workers=workers, chunksize=1, gazetteer=gazetteer):
            assert article.actor("person:maly-socheata") is not None


def test_parsed_records_pickle_cleanly() -> None:
    for article in pt.parse_many(s.pair for s in pt.samples()):
        again = pickle.loads(pickle.dumps(article))
        assert again == article
        assert type(again.statements) is tuple
        for record in (*article.statements, *article.demands, *article.events, *article.actors):
            assert pickle.loads(pickle.dumps(record)) == record


def test_a_collection_pickles() -> None:
    corpus = pt.Collection(pt.parse_many(TEXTS))
    corpus.events()  # cached views travel too, or are rebuilt
    again = pickle.loads(pickle.dumps(corpus))
    assert again.articles == corpus.articles
    assert [c.ids for c in again.events()] == [c.ids for c in corpus.events()]


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"workers": 0}, ValueError, "workers"),
        ({"workers": 1.5}, ValueError, "workers"),
        ({"chunksize": 0}, ValueError, "chunksize"),
    ],
)
def test_bad_options(options: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        list(pt.parse_many(TEXTS, **options))  # type: ignore[arg-type]


@pytest.mark.parametrize("item", [b"bytes", 42, ("text",), ("text", None, None), None])
def test_a_bad_item(item: object) -> None:
    with pytest.raises(TypeError, match="parse_many expects texts or"):
        list(pt.parse_many([TEXTS[0], item]))  # type: ignore[list-item]
