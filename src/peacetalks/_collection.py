"""A corpus view: many articles read as one, with their records keyed apart.

Record ids are local to an article (statement ``s1`` exists in every article), so a
``Collection`` gives each article a key (``a0``, ``a1``, ... by position, or the caller's own)
and hands out records whose ids are ``"<key>/<id>"``. References between records of one
article are rewritten the same way (a demand's ``statement`` and ``condition``, an event's
``same_as``); actor and place ids are global already and stay as they are. Spans still index
their own article's text: ``collection.source(record.id)`` gives that article.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

import attrs

from peacetalks._compare import (
    CommonGround,
    Contradiction,
    EventCluster,
    Gap,
    HistoryEntry,
    _Party,
    common_ground,
    demand_history,
    find_contradictions,
    merge_events,
    position_gaps,
)
from peacetalks._model import Actor, Article, Demand, Event, Place, Statement, TimePoint

if TYPE_CHECKING:
    import pandas

    from peacetalks._frames import Kind

__all__ = ["Collection", "TimelineEntry"]

_SEPARATOR = "/"


def _articles(values: Iterable[Article]) -> tuple[Article, ...]:
    if isinstance(values, (str, bytes, bytearray, Mapping)) or not isinstance(values, Iterable):
        raise TypeError(f"articles must be an iterable of Articles, got {type(values).__name__}")
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, Article):
            raise TypeError(f"articles[{index}] must be an Article, got {type(item).__name__}")
    return items


def _keys(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"keys must be a sequence of strings, got the string {values!r}")
    if not isinstance(values, Iterable):
        raise TypeError(f"keys must be a sequence of strings, got {type(values).__name__}")
    return tuple(values)


def _text_arg(value: object, name: str, caller: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{caller}: {name} must be a str, got {type(value).__name__}")
    return value


def _default_keys(collection: Collection) -> tuple[str, ...]:
    return tuple(f"a{index}" for index in range(len(collection.articles)))


def _day(day: dt.date) -> TimePoint:
    return TimePoint(
        value=day.isoformat(), kind="date", granularity="day", earliest=day, latest=day
    )


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """A dated demand or event (a merged cluster) in a collection's timeline.

    ``date`` is the record's own date, or, when it has none, the publication date of its
    article (for a cluster, the earliest of its articles'): ``dated_by`` says which.
    ``articles`` are the keys of the articles it came from.
    """

    date: TimePoint
    dated_by: Literal["record", "published"]
    kind: Literal["demand", "event"]
    record: Demand | EventCluster
    articles: tuple[str, ...]


@attrs.frozen
class _Keyed:
    statements: tuple[Statement, ...]
    demands: tuple[Demand, ...]
    events: tuple[Event, ...]
    by_article: Mapping[str, tuple[Statement, ...]]


@attrs.frozen(kw_only=False)
class Collection:
    """Many articles read as one corpus (immutable; build it once from any iterable).

    ``Collection(articles)`` keys the articles ``a0``, ``a1``, ... in order;
    ``Collection(articles, keys)`` takes the caller's keys (unique, non-empty, without ``/``).
    ``Collection.from_articles`` reads an iterable once, so a generator of parsed articles can
    feed it. Records come out keyed: ``"a1/s3"`` is statement ``s3`` of article ``a1``. Derived
    views (keyed records, merged events) are computed on first use and kept.

    >>> from peacetalks import Article, Span, Statement
    >>> def article(text, speaker):
    ...     return Article(text=text, statements=[Statement(id="s1", span=Span(0, len(text)),
    ...                    text=text, speaker=speaker, side="RUS")])
    >>> corpus = Collection([article("Talks will go on.", "gov:kremlin"),
    ...                      article("No talks this week.", "person:dmitry-peskov")])
    >>> [s.id for s in corpus.statements()]
    ['a0/s1', 'a1/s1']
    >>> corpus.source("a1/s1").text
    'No talks this week.'
    """

    articles: tuple[Article, ...] = attrs.field(converter=_articles)
    keys: tuple[str, ...] = attrs.field(
        converter=_keys, default=attrs.Factory(_default_keys, takes_self=True)
    )

    @keys.validator
    def _check_keys(
        self, attribute: attrs.Attribute[tuple[str, ...]], keys: tuple[str, ...]
    ) -> None:
        if len(keys) != len(self.articles):
            raise ValueError(f"keys: {len(keys)} keys for {len(self.articles)} articles")
        for key in keys:
            if not isinstance(key, str) or not key.strip() or _SEPARATOR in key:
                raise ValueError(f"keys: {key!r} is not a non-empty string without '/'")
        if len(set(keys)) != len(keys):
            raise ValueError("keys: the same key twice")

    @classmethod
    def from_articles(cls, articles: Iterable[Article | tuple[str, Article]], /) -> Collection:
        """A collection from articles or ``(key, article)`` pairs, read once, in order.

        Bare articles are keyed by their position (``a0``, ``a1``, ...).

        >>> from peacetalks import Article
        >>> corpus = Collection.from_articles(
        ...     (f"wire-{n}", Article(text=f"Story {n}.")) for n in range(3))
        >>> corpus.keys
        ('wire-0', 'wire-1', 'wire-2')
        """
        items: list[Article] = []
        keys: list[str] = []
        given: object = articles  # checked as a caller may pass anything
        if isinstance(given, (str, bytes, bytearray)) or not isinstance(given, Iterable):
            raise TypeError(
                "from_articles takes an iterable of Articles or (key, Article) pairs, "
                f"got {type(articles).__name__}"
            )
        for index, item in enumerate(articles):
            if isinstance(item, tuple):
                if len(item) != 2:
                    raise TypeError(
                        f"articles[{index}]: a pair must be (key, Article), got {len(item)} items"
                    )
                key, article = item
            else:
                key, article = f"a{index}", item
            keys.append(key)
            items.append(article)
        return cls(items, keys)

    def __len__(self) -> int:
        return len(self.articles)

    # -----------------------------------------------------------------------------------------
    # Records, keyed

    @functools.cached_property
    def _keyed(self) -> _Keyed:
        statements: list[Statement] = []
        demands: list[Demand] = []
        events: list[Event] = []
        by_article: dict[str, tuple[Statement, ...]] = {}
        for key, article in zip(self.keys, self.articles, strict=True):

            def local(record_id: str | None, key: str = key) -> str | None:
                return None if record_id is None else f"{key}{_SEPARATOR}{record_id}"

            own = tuple(attrs.evolve(s, id=f"{key}{_SEPARATOR}{s.id}") for s in article.statements)
            by_article[key] = own
            statements.extend(own)
            demands.extend(
                attrs.evolve(
                    d,
                    id=f"{key}{_SEPARATOR}{d.id}",
                    statement=local(d.statement),
                    condition=local(d.condition),
                )
                for d in article.demands
            )
            events.extend(
                attrs.evolve(e, id=f"{key}{_SEPARATOR}{e.id}", same_as=local(e.same_as))
                for e in article.events
            )
        return _Keyed(tuple(statements), tuple(demands), tuple(events), by_article)

    @functools.cached_property
    def _index(self) -> Mapping[str, int]:
        return {key: index for index, key in enumerate(self.keys)}

    def article(self, key: str, /) -> Article | None:
        """The article with ``key``, or ``None``."""
        index = self._index.get(_text_arg(key, "key", "article()"))
        return None if index is None else self.articles[index]

    def source(self, record_id: str, /) -> Article | None:
        """The article a keyed record id (``"a1/s3"``) comes from, or ``None``."""
        key, separator, _ = _text_arg(record_id, "record_id", "source()").partition(_SEPARATOR)
        return self.article(key) if separator else None

    def statements(self) -> tuple[Statement, ...]:
        """Every statement of every article, keyed, in article order."""
        return self._keyed.statements

    def demands(self, *, holder: str | None = None, side: str | None = None) -> tuple[Demand, ...]:
        """Every demand, keyed, in article order; ``holder`` (an actor id) and ``side`` (a
        country code or actor id, as in ``position_gaps``) narrow them down.

        >>> from peacetalks import Article, Demand, Span
        >>> cede = Demand(id="d1", holder="gov:kremlin", side="RUS", topic="territory",
        ...               polarity="demand", span=Span(0, 0), text="")
        >>> refuse = Demand(id="d1", holder="person:volodymyr-zelenskyy", side="UKR",
        ...                 topic="territory", polarity="reject", span=Span(0, 0), text="")
        >>> corpus = Collection([Article(text="", demands=[cede]), Article(text="", demands=[refuse])])
        >>> [d.id for d in corpus.demands(side="UKR")]
        ['a1/d1']
        """
        found = self._keyed.demands
        if holder is not None:
            _text_arg(holder, "holder", "demands()")
        if side is not None:
            _text_arg(side, "side", "demands()")
        if holder is not None:
            found = tuple(d for d in found if d.holder == holder)
        if side is not None:
            party, actors = _Party.parse(side), self.actors()
            found = tuple(d for d in found if party.holds(d.holder, d.side, actors))
        return found

    @functools.cached_property
    def _actors(self) -> Mapping[str, Actor]:
        found: dict[str, Actor] = {}
        for article in self.articles:
            for actor in article.actors:
                found.setdefault(actor.id, actor)
        return found

    @functools.cached_property
    def _places(self) -> Mapping[str, Place]:
        found: dict[str, Place] = {}
        for article in self.articles:
            for place in article.places:
                found.setdefault(place.id, place)
        return found

    def actors(self) -> Mapping[str, Actor]:
        """Every actor of every article by id (the first article's record where several differ)."""
        return self._actors

    def places(self) -> Mapping[str, Place]:
        """Every place of every article by id (the first article's record where several differ)."""
        return self._places

    # -----------------------------------------------------------------------------------------
    # Comparisons over the corpus

    @functools.cached_property
    def _clusters(self) -> tuple[EventCluster, ...]:
        return tuple(merge_events(self._keyed.events, places=self._places))

    def events(self) -> list[EventCluster]:
        """Every event, merged across articles (``merge_events`` with every article's places)."""
        return list(self._clusters)

    def contradictions(
        self,
        *,
        scope: Literal["article", "corpus"] = "article",
        within_days: int | None = None,
    ) -> list[Contradiction]:
        """Contradictions between statements of one side.

        ``scope="article"`` (the default) looks inside each article, where a contradiction is
        what one report shows; ``scope="corpus"`` looks across all of them (narrow it with
        ``within_days``: a change of position months later is no contradiction).
        """
        if scope not in ("article", "corpus"):
            raise ValueError(f"scope must be 'article' or 'corpus', got {scope!r}")
        if scope == "corpus":
            return find_contradictions(self._keyed.statements, within_days=within_days)
        found: list[Contradiction] = []
        for key in self.keys:
            found.extend(find_contradictions(self._keyed.by_article[key], within_days=within_days))
        return found

    def gaps(self, a: str, b: str, /) -> list[Gap]:
        """``position_gaps`` over every demand, with every article's actors to place holders."""
        return position_gaps(self._keyed.demands, a, b, actors=self._actors)

    def common_ground(self, a: str, b: str, /) -> list[CommonGround]:
        """``common_ground`` over every demand, with every article's actors to place holders."""
        return common_ground(self._keyed.demands, a, b, actors=self._actors)

    @functools.cached_property
    def _published(self) -> Mapping[str, TimePoint]:
        return {
            key: _day(article.published)
            for key, article in zip(self.keys, self.articles, strict=True)
            if article.published is not None
        }

    def _fallback_dates(self) -> dict[str, TimePoint]:
        found: dict[str, TimePoint] = {}
        for demand in self._keyed.demands:
            published = self._published.get(demand.id.partition(_SEPARATOR)[0])
            if published is not None:
                found[demand.id] = published
        return found

    def history(self, holder: str, /) -> list[HistoryEntry]:
        """``demand_history`` of ``holder`` (actor id or country code) across the corpus.

        An undated demand counts as seen on its article's publication date.
        """
        return demand_history(
            self._keyed.demands, holder, dates=self._fallback_dates(), actors=self._actors
        )

    def timeline(self) -> list[TimelineEntry]:
        """Dated demands and merged events in date order (undated ones take their article's
        publication date; records with neither are left out).

        >>> import datetime as dt
        >>> from peacetalks import Article, Demand, Event, Span
        >>> swap = Event(id="e1", type="prisoner-exchange", span=Span(0, 0), text="")
        >>> ask = Demand(id="d1", holder="gov:kremlin", side="RUS", topic="territory",
        ...              polarity="demand", span=Span(0, 0), text="")
        >>> corpus = Collection([Article(text="", published=dt.date(2025, 4, 2), events=[swap]),
        ...                      Article(text="", published=dt.date(2025, 3, 5), demands=[ask])])
        >>> [(e.date.value, e.kind, e.dated_by) for e in corpus.timeline()]
        [('2025-03-05', 'demand', 'published'), ('2025-04-02', 'event', 'published')]
        """
        entries: list[TimelineEntry] = []
        for demand in self._keyed.demands:
            key = demand.id.partition(_SEPARATOR)[0]
            if demand.date is not None:
                entries.append(
                    TimelineEntry(
                        date=demand.date,
                        dated_by="record",
                        kind="demand",
                        record=demand,
                        articles=(key,),
                    )
                )
            elif key in self._published:
                entries.append(
                    TimelineEntry(
                        date=self._published[key],
                        dated_by="published",
                        kind="demand",
                        record=demand,
                        articles=(key,),
                    )
                )
        for cluster in self._clusters:
            keys = tuple(dict.fromkeys(e.id.partition(_SEPARATOR)[0] for e in cluster.events))
            published = [self._published[k] for k in keys if k in self._published]
            if cluster.date is not None:
                entries.append(
                    TimelineEntry(
                        date=cluster.date,
                        dated_by="record",
                        kind="event",
                        record=cluster,
                        articles=keys,
                    )
                )
            elif published:
                entries.append(
                    TimelineEntry(
                        date=min(published, key=lambda p: p.sort_key),
                        dated_by="published",
                        kind="event",
                        record=cluster,
                        articles=keys,
                    )
                )
        position = {key: index for index, key in enumerate(self.keys)}
        entries.sort(
            key=lambda e: (
                e.date.sort_key,
                e.kind,
                min(position[k] for k in e.articles),
            )
        )
        return entries

    # -----------------------------------------------------------------------------------------
    # Tables

    def to_dataframe(self, kind: Kind, /) -> pandas.DataFrame:
        """One row per record of ``kind`` (``"statements"``, ``"demands"``, ``"events"``,
        ``"actors"``, ``"places"``, ``"mentions"`` or ``"dates"``) of every article, with an
        ``article`` column holding the article's key; events carry the number of their merged
        ``cluster`` (the position in ``events()``). See ``peacetalks.to_dataframe``; needs
        pandas (``pip install 'peacetalks[pandas]'``).

        >>> from peacetalks import Article, Event, Span
        >>> may_25 = _day(dt.date(2025, 5, 25))
        >>> swap = Event(id="e1", type="prisoner-exchange", span=Span(0, 4), text="Swap",
        ...              date=may_25, participants=["state:rus", "state:ukr"])
        >>> strike = Event(id="e2", type="attack", span=Span(0, 4), text="Swap", date=may_25,
        ...                participants=["state:rus"])
        >>> corpus = Collection([Article(text="Swap", events=[swap, strike]),
        ...                      Article(text="Swap", events=[swap])], ["mon", "tue"])
        >>> corpus.to_dataframe("events")[["article", "id", "type", "date", "cluster"]]
          article  id               type        date  cluster
        0     mon  e1  prisoner-exchange  2025-05-25        0
        1     mon  e2             attack  2025-05-25        1
        2     tue  e1  prisoner-exchange  2025-05-25        0
        """
        from peacetalks._frames import to_dataframe

        return to_dataframe(self, kind=kind)
