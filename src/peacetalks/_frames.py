"""Records as flat rows (``to_records``) and as pandas DataFrames (``to_dataframe``).

One row per statement, demand, event, actor, place, mention or date mention. Every row of a
record that came from an article says which one (``article``: the key it has in a
``Collection``; ``a0``, ``a1``, ... for plain articles) and when it was published; ids are the
record's own (``s3``), so ``(article, id)`` names a record across a corpus. Spans become
``start`` and ``end`` columns, time points four columns (``date``, ``date_earliest``,
``date_latest``, ``date_granularity``), figures one column per kind of figure.

pandas is optional (``pip install 'peacetalks[pandas]'``): it is imported when
``to_dataframe`` is first called, never by ``import peacetalks``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

from peacetalks._collection import Collection
from peacetalks._model import (
    Actor,
    Article,
    DateMention,
    Demand,
    Event,
    Figure,
    Mention,
    Place,
    Role,
    Statement,
    TimePoint,
)
from peacetalks._vocab import (
    ActorKind,
    EventStatus,
    EventType,
    FigureKind,
    Granularity,
    MentionKind,
    MentionRule,
    Modality,
    Modifier,
    PlaceKind,
    Polarity,
    TimeKind,
    Topic,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["Kind", "to_dataframe", "to_records"]

Kind = Literal["statements", "demands", "events", "actors", "places", "mentions", "dates"]
"""What one row stands for."""

KINDS: tuple[Kind, ...] = get_args(Kind)

Record = Statement | Demand | Event | Actor | Place | Mention | DateMention
Source = Article | Collection | Iterable[Article] | Iterable[tuple[str, Article]] | Iterable[Record]

_KIND_OF: dict[type, Kind] = {
    Statement: "statements",
    Demand: "demands",
    Event: "events",
    Actor: "actors",
    Place: "places",
    Mention: "mentions",
    DateMention: "dates",
}

# A column's type: a Python scalar type name, "date", "count" (an int that may be missing),
# "tuple" (a tuple of strings), or the vocabulary whose words the column holds.
ColumnType = str | type[enum.Enum]

_ARTICLE: tuple[tuple[str, ColumnType], ...] = (("article", "str"), ("published", "date"))
_SPAN: tuple[tuple[str, ColumnType], ...] = (("start", "int"), ("end", "int"), ("text", "str"))
_FIGURES: tuple[tuple[str, ColumnType], ...] = (
    *((kind.value, "count") for kind in FigureKind),
    ("qualifiers", "tuple"),
)


def _point_columns(prefix: str) -> tuple[tuple[str, ColumnType], ...]:
    return (
        (prefix, "str"),
        (f"{prefix}_earliest", "date"),
        (f"{prefix}_latest", "date"),
        (f"{prefix}_granularity", Granularity),
    )


COLUMNS: Mapping[Kind, tuple[tuple[str, ColumnType], ...]] = {
    "statements": (
        *_ARTICLE,
        ("id", "str"),
        *_SPAN,
        ("speaker", "str"),
        ("speaker_name", "str"),
        ("side", "str"),
        ("quote", "bool"),
        ("cue", "str"),
        ("channel", "str"),
        ("addressee", "str"),
        *_point_columns("date"),
        ("inferred", "bool"),
        ("confidence", "float"),
        ("speaker_start", "count"),
        ("speaker_end", "count"),
        ("topics", "tuple"),
        ("polarity", Polarity),
        ("negated", "bool"),
        ("objects", "tuple"),
        *_FIGURES,
    ),
    "demands": (
        *_ARTICLE,
        ("id", "str"),
        *_SPAN,
        ("holder", "str"),
        ("holder_name", "str"),
        ("side", "str"),
        ("target", "str"),
        ("target_name", "str"),
        ("topic", Topic),
        ("polarity", Polarity),
        ("objects", "tuple"),
        ("condition", "str"),
        *_point_columns("date"),
        ("statement", "str"),
        ("modality", Modality),
        ("confidence", "float"),
    ),
    "events": (
        *_ARTICLE,
        ("id", "str"),
        *_SPAN,
        ("type", EventType),
        ("status", EventStatus),
        *_point_columns("date"),
        ("location", "str"),
        ("location_name", "str"),
        ("participants", "tuple"),
        *_FIGURES,
        ("same_as", "str"),
        ("confidence", "float"),
        ("cluster", "count"),
    ),
    "actors": (
        *_ARTICLE,
        ("id", "str"),
        ("name", "str"),
        ("kind", ActorKind),
        ("country", "str"),
        ("aliases", "tuple"),
        ("roles", "tuple"),
        ("provisional", "bool"),
        ("wikidata", "str"),
    ),
    "places": (
        *_ARTICLE,
        ("id", "str"),
        ("name", "str"),
        ("kind", PlaceKind),
        ("code", "str"),
        ("country", "str"),
        ("aliases", "tuple"),
    ),
    "mentions": (
        *_ARTICLE,
        *_SPAN,
        ("kind", MentionKind),
        ("ref", "str"),
        ("ref_name", "str"),
        ("rule", MentionRule),
    ),
    "dates": (
        *_ARTICLE,
        *_SPAN,
        ("value", "str"),
        ("kind", TimeKind),
        ("granularity", Granularity),
        ("earliest", "date"),
        ("latest", "date"),
        ("modifier", Modifier),
        ("reference", "date"),
    ),
}
"""The columns of each kind of row, in order, with their types (see ``docs/dataframes.md``)."""


@attrs.frozen
class _Context:
    """What a row knows about the article its record came from."""

    key: str | None
    published: dt.date | None
    names: Mapping[str, str]
    clusters: Mapping[str, int]


_NO_CONTEXT = _Context(None, None, {}, {})


def _word(value: enum.Enum | None) -> str | None:
    return None if value is None else str(value.value)


def _point(prefix: str, point: TimePoint | None) -> dict[str, Any]:
    if point is None:
        return {prefix: None, f"{prefix}_earliest": None, f"{prefix}_latest": None,
                f"{prefix}_granularity": None}  # fmt: skip
    return {
        prefix: point.value,
        f"{prefix}_earliest": point.earliest,
        f"{prefix}_latest": point.latest,
        f"{prefix}_granularity": _word(point.granularity),
    }


def _figures(figures: tuple[Figure, ...]) -> dict[str, Any]:
    row: dict[str, Any] = {kind.value: None for kind in FigureKind}
    qualifiers = []
    for figure in figures:
        row[figure.kind.value] = figure.value
        if figure.qualifier is not None:
            qualifiers.append(f"{figure.kind.value}:{figure.qualifier.value}")
    row["qualifiers"] = tuple(qualifiers)
    return row


def _split_id(record_id: str, context: _Context) -> tuple[str | None, str]:
    """The article key and local id of a record id (``"a1/s3"`` is ``s3`` of ``a1``)."""
    key, separator, local = record_id.partition("/")
    if separator and local:
        return key, local
    return context.key, record_id


def _local(ref: str | None, key: str | None) -> str | None:
    if ref is not None and key is not None and ref.startswith(f"{key}/"):
        return ref[len(key) + 1 :]
    return ref


def _base(context: _Context, key: str | None) -> dict[str, Any]:
    return {"article": key, "published": context.published if key == context.key else None}


def _name(ref: str | None, context: _Context) -> str | None:
    return None if ref is None else context.names.get(ref)


def _statement(s: Statement, context: _Context) -> dict[str, Any]:
    key, local = _split_id(s.id, context)
    return {
        **_base(context, key),
        "id": local,
        "start": s.span.start,
        "end": s.span.end,
        "text": s.text,
        "speaker": s.speaker,
        "speaker_name": _name(s.speaker, context),
        "side": s.side,
        "quote": s.quote,
        "cue": s.cue,
        "channel": s.channel,
        "addressee": s.addressee,
        **_point("date", s.date),
        "inferred": s.inferred,
        "confidence": s.confidence,
        "speaker_start": None if s.speaker_span is None else s.speaker_span.start,
        "speaker_end": None if s.speaker_span is None else s.speaker_span.end,
        "topics": tuple(t.value for t in s.topics),
        "polarity": _word(s.polarity),
        "negated": s.negated,
        "objects": s.objects,
        **_figures(s.figures),
    }


def _demand(d: Demand, context: _Context) -> dict[str, Any]:
    key, local = _split_id(d.id, context)
    return {
        **_base(context, key),
        "id": local,
        "start": d.span.start,
        "end": d.span.end,
        "text": d.text,
        "holder": d.holder,
        "holder_name": _name(d.holder, context),
        "side": d.side,
        "target": d.target,
        "target_name": _name(d.target, context),
        "topic": d.topic.value,
        "polarity": d.polarity.value,
        "objects": d.objects,
        "condition": _local(d.condition, key),
        **_point("date", d.date),
        "statement": _local(d.statement, key),
        "modality": d.modality.value,
        "confidence": d.confidence,
    }


def _event(e: Event, context: _Context) -> dict[str, Any]:
    key, local = _split_id(e.id, context)
    return {
        **_base(context, key),
        "id": local,
        "start": e.span.start,
        "end": e.span.end,
        "text": e.text,
        "type": e.type.value,
        "status": e.status.value,
        **_point("date", e.date),
        "location": e.location,
        "location_name": _name(e.location, context),
        "participants": e.participants,
        **_figures(e.figures),
        "same_as": _local(e.same_as, key),
        "confidence": e.confidence,
        "cluster": context.clusters.get(e.id),
    }


def _role(role: Role) -> str:
    start = role.start.isoformat() if role.start else ""
    end = role.end.isoformat() if role.end else ""
    return f"{role.title} [{start}, {end})" if start or end else role.title


def _actor(a: Actor, context: _Context) -> dict[str, Any]:
    return {
        **_base(context, context.key),
        "id": a.id,
        "name": a.name,
        "kind": a.kind.value,
        "country": a.country,
        "aliases": a.aliases,
        "roles": tuple(_role(r) for r in a.roles),
        "provisional": a.provisional,
        "wikidata": a.wikidata,
    }


def _place(p: Place, context: _Context) -> dict[str, Any]:
    return {
        **_base(context, context.key),
        "id": p.id,
        "name": p.name,
        "kind": p.kind.value,
        "code": p.code,
        "country": p.country,
        "aliases": p.aliases,
    }


def _mention(m: Mention, context: _Context) -> dict[str, Any]:
    return {
        **_base(context, context.key),
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "kind": m.kind.value,
        "ref": m.ref,
        "ref_name": _name(m.ref, context),
        "rule": m.rule.value,
    }


def _date(d: DateMention, context: _Context) -> dict[str, Any]:
    t = d.time
    return {
        **_base(context, context.key),
        "start": d.span.start,
        "end": d.span.end,
        "text": d.text,
        "value": t.value,
        "kind": t.kind.value,
        "granularity": _word(t.granularity),
        "earliest": t.earliest,
        "latest": t.latest,
        "modifier": t.modifier.value,
        "reference": t.reference,
    }


_ROW: Mapping[Kind, Any] = {
    "statements": _statement,
    "demands": _demand,
    "events": _event,
    "actors": _actor,
    "places": _place,
    "mentions": _mention,
    "dates": _date,
}


def _check_kind(kind: Kind | None) -> Kind | None:
    if kind is None or kind in KINDS:
        return kind
    raise ValueError(f"kind must be one of {', '.join(KINDS)}; got {kind!r}")


def _of_collection(collection: Collection, kind: Kind) -> list[dict[str, Any]]:
    clusters: dict[str, int] = {}
    if kind == "events":
        for index, cluster in enumerate(collection.events()):
            for event in cluster.events:
                clusters[event.id] = index
    rows: list[dict[str, Any]] = []
    make = _ROW[kind]
    for key, article in zip(collection.keys, collection.articles, strict=True):
        names = {a.id: a.name for a in article.actors} | {p.id: p.name for p in article.places}
        context = _Context(key, article.published, names, clusters)
        records: Sequence[Any]
        if kind == "events":
            # keyed ids, so that each event finds its cluster
            records = [attrs.evolve(e, id=f"{key}/{e.id}") for e in article.events]
        else:
            records = getattr(article, kind)
        rows.extend(make(record, context) for record in records)
    return rows


def _resolve(source: Source, kind: Kind | None) -> tuple[Kind | None, list[dict[str, Any]]]:
    wanted = _check_kind(kind)
    if isinstance(source, Article):
        source = Collection([source])
    if isinstance(source, Collection):
        if wanted is None:
            raise ValueError(f"say which records to tabulate: kind= one of {', '.join(KINDS)}")
        return wanted, _of_collection(source, wanted)
    if isinstance(source, (str, bytes, Mapping)) or not isinstance(source, Iterable):
        raise TypeError(
            "expected an Article, a Collection, or an iterable of articles or records, "
            f"got {type(source).__name__}"
        )
    items: list[Any] = list(source)
    if not items:
        return wanted, []
    if all(
        isinstance(item, Article)
        or (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Article))
        for item in items
    ):
        return _resolve(Collection.from_articles(items), wanted)
    found = _KIND_OF.get(type(items[0]))
    if found is None:
        raise TypeError(
            "expected an Article or a record that makes rows (Statement, Demand, Event, "
            f"Actor, Place, Mention, DateMention); items[0] is a {type(items[0]).__name__}"
        )
    for index, item in enumerate(items):
        if type(item) is not type(items[0]):
            raise TypeError(
                f"expected one kind of record per table; items[{index}] is a "
                f"{type(item).__name__}, but items[0] is a {type(items[0]).__name__}"
            )
    if wanted is not None and wanted != found:
        raise ValueError(f"kind={wanted!r}, but the records are {found}")
    make = _ROW[found]
    return found, [make(item, _NO_CONTEXT) for item in items]


def to_records(source: Source, /, *, kind: Kind | None = None) -> list[dict[str, Any]]:
    """Records as a list of flat dicts, one per record, for people without pandas.

    ``source`` is an ``Article``, a ``Collection``, an iterable of articles (keyed ``a0``,
    ``a1``, ... as in a ``Collection``; ``(key, article)`` pairs keep their keys), or an
    iterable of records of one type (statements, demands, events, actors, places, mentions or
    date mentions). ``kind`` (``"statements"``, ``"demands"``, ``"events"``, ``"actors"``,
    ``"places"``, ``"mentions"`` or ``"dates"``) says which records make the rows; it is
    needed for articles and follows from the records otherwise. Values are plain: ``str``,
    ``int``, ``float``, ``bool``, ``datetime.date``, ``None`` and tuples of strings; every row
    of a kind has the same keys, in the same order (``docs/dataframes.md`` lists them).

    >>> import peacetalks as pt
    >>> text = "Peskov said talks would resume."
    >>> article = pt.Article(text=text, statements=[pt.Statement(id="s1", span=pt.Span(12, 30),
    ...     text=text[12:30], speaker="person:dmitry-peskov", side="RUS", cue="say")])
    >>> [row] = pt.to_records(article, kind="statements")
    >>> row["article"], row["id"], row["start"], row["end"], row["speaker"], row["cue"]
    ('a0', 's1', 12, 30, 'person:dmitry-peskov', 'say')
    >>> pt.to_records(article.statements)[0]["article"] is None
    True
    """
    return _resolve(source, kind)[1]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "peacetalks.to_dataframe needs pandas, an optional extra: "
            "pip install 'peacetalks[pandas]'"
        ) from exc
    return pandas


def _column(pd: Any, values: list[Any], kind: ColumnType) -> Any:
    if isinstance(kind, type):
        return pd.Categorical(values, categories=[member.value for member in kind])
    if kind == "str":
        return pd.array(values, dtype="string")
    if kind == "int":
        return pd.array(values, dtype="int64")
    if kind == "count":
        return pd.array(values, dtype="Int64")
    if kind == "float":
        return pd.array(values, dtype="float64")
    if kind == "bool":
        return pd.array(values, dtype="bool")
    if kind == "date":
        return pd.Series(values, dtype="datetime64[s]")
    column = pd.Series([None] * len(values), dtype=object)
    for index, value in enumerate(values):
        column.iat[index] = value
    return column


def to_dataframe(source: Source, /, *, kind: Kind | None = None) -> pandas.DataFrame:
    """Records as a pandas DataFrame with typed columns, one row per record.

    Takes what ``to_records`` takes and has the same columns, typed: vocabulary words are
    categoricals (with every word of the vocabulary as a category), dates ``datetime64[s]``,
    offsets ``int64``, figures and other numbers that may be missing ``Int64``, text
    ``string``, flags ``bool``, confidences ``float64``, and lists (topics, objects,
    participants, aliases) tuples in ``object`` columns. Needs pandas
    (``pip install 'peacetalks[pandas]'``); without it, raises ``ImportError`` saying so.

    >>> import peacetalks as pt
    >>> sample = pt.samples()[0]
    >>> frame = pt.to_dataframe(pt.parse(sample.text, published=sample.published),
    ...                         kind="statements")
    >>> frame[["article", "id", "start", "end", "speaker", "published"]].dtypes.astype(str).tolist()
    ['string', 'string', 'int64', 'int64', 'string', 'datetime64[s]']
    """
    pd = _pandas()
    found, rows = _resolve(source, kind)
    if found is None:
        return pd.DataFrame()
    columns = COLUMNS[found]
    return pd.DataFrame(
        {name: _column(pd, [row[name] for row in rows], typ) for name, typ in columns},
        columns=[name for name, _ in columns],
    )
