"""``to_records`` and ``to_dataframe``: one flat row per record, the same columns every time."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pytest
from hypothesis import given

import peacetalks as pt
from peacetalks._frames import COLUMNS, KINDS
from tests.strategies import articles

pd = pytest.importorskip("pandas", reason="pandas is an optional extra: peacetalks[pandas]")

APRIL_11 = pt.TimePoint(
    value="2025-04-11",
    kind="date",
    granularity="day",
    earliest=dt.date(2025, 4, 11),
    latest=dt.date(2025, 4, 11),
)


def _article() -> pt.Article:
    text = "Peskov said on 11 April that Kyiv must withdraw. A strike on Kyiv killed 8."
    said = text.index("Kyiv must withdraw")
    strike = text.index("A strike")
    return pt.Article(
        text=text,
        published=dt.date(2025, 4, 12),
        actors=[
            pt.Actor(
                id="person:dmitry-peskov",
                name="Dmitry Peskov",
                kind="person",
                country="RUS",
                roles=[pt.Role("Kremlin spokesman", "gov:kremlin", dt.date(2012, 5, 22))],
            ),
            pt.Actor(id="state:ukr", name="Ukraine", kind="state", country="UKR"),
        ],
        places=[pt.Place(id="place:kyiv", name="Kyiv", kind="city", country="UKR")],
        mentions=[
            pt.Mention(span=pt.Span(0, 6), text="Peskov", kind="actor", ref="person:dmitry-peskov")
        ],
        statements=[
            pt.Statement(
                id="s1",
                span=pt.Span(said, said + 18),
                text="Kyiv must withdraw",
                speaker="person:dmitry-peskov",
                side="RUS",
                cue="say",
                date=APRIL_11,
                speaker_span=pt.Span(0, 6),
                topics=["territory"],
                polarity="demand",
            )
        ],
        demands=[
            pt.Demand(
                id="d1",
                holder="person:dmitry-peskov",
                side="RUS",
                target="state:ukr",
                topic="territory",
                polarity="demand",
                span=pt.Span(said, said + 18),
                text="Kyiv must withdraw",
                statement="s1",
            )
        ],
        events=[
            pt.Event(
                id="e1",
                type="attack",
                span=pt.Span(strike, len(text) - 1),
                text=text[strike:-1],
                location="place:kyiv",
                figures=[pt.Figure("killed", 8, "at-least")],
            )
        ],
        dates=[pt.DateMention(span=pt.Span(15, 23), text="11 April", time=APRIL_11)],
    )


def _counts(article: pt.Article) -> dict[str, int]:
    return {kind: len(getattr(article, kind)) for kind in KINDS}


# ---------------------------------------------------------------------------------------------
# to_records


def test_one_row_per_record_with_the_columns_of_its_kind() -> None:
    article = _article()
    for kind in KINDS:
        rows = pt.to_records(article, kind=kind)
        assert len(rows) == len(getattr(article, kind)), kind
        for row in rows:
            assert list(row) == [name for name, _ in COLUMNS[kind]], kind
            assert row["article"] == "a0"
            assert row["published"] == dt.date(2025, 4, 12)


def test_a_statement_row() -> None:
    [row] = pt.to_records(_article(), kind="statements")
    assert row["id"] == "s1"
    assert (row["start"], row["end"]) == (29, 47)
    assert row["speaker_name"] == "Dmitry Peskov"
    assert row["date"] == "2025-04-11"
    assert row["date_earliest"] == dt.date(2025, 4, 11)
    assert row["date_granularity"] == "day"
    assert (row["speaker_start"], row["speaker_end"]) == (0, 6)
    assert row["topics"] == ("territory",)
    assert row["polarity"] == "demand"
    assert type(row["polarity"]) is str  # the word, not the enum member


def test_demand_event_actor_date_rows() -> None:
    article = _article()
    [demand] = pt.to_records(article, kind="demands")
    assert (demand["holder_name"], demand["target_name"]) == ("Dmitry Peskov", "Ukraine")
    assert demand["statement"] == "s1"
    [event] = pt.to_records(article, kind="events")
    assert event["killed"] == 8
    assert event["injured"] is None
    assert event["qualifiers"] == ("killed:at-least",)
    assert event["location_name"] == "Kyiv"
    assert event["cluster"] == 0
    actor = pt.to_records(article, kind="actors")[0]
    assert actor["roles"] == ("Kremlin spokesman [2012-05-22, )",)
    [date] = pt.to_records(article, kind="dates")
    assert (date["value"], date["text"], date["start"]) == ("2025-04-11", "11 April", 15)
    [mention] = pt.to_records(article, kind="mentions")
    assert mention["ref_name"] == "Dmitry Peskov"


def test_rows_of_a_collection_carry_article_keys_and_local_ids() -> None:
    article = _article()
    corpus = pt.Collection([article, article], ["mon", "tue"])
    rows = pt.to_records(corpus, kind="demands")
    assert [(r["article"], r["id"], r["statement"]) for r in rows] == [
        ("mon", "d1", "s1"),
        ("tue", "d1", "s1"),
    ]
    # the same rows from the collection's keyed records, without article context
    bare = pt.to_records(corpus.demands())
    assert [(r["article"], r["id"], r["statement"]) for r in bare] == [
        ("mon", "d1", "s1"),
        ("tue", "d1", "s1"),
    ]
    assert bare[0]["published"] is None
    assert bare[0]["holder_name"] is None
    # a plain list of articles is keyed as a Collection would key it; pairs keep their keys
    assert [r["article"] for r in pt.to_records([article, article], kind="events")] == ["a0", "a1"]
    assert [r["article"] for r in pt.to_records([("x", article)], kind="events")] == ["x"]


def test_records_without_an_article() -> None:
    article = _article()
    rows = pt.to_records(article.statements)
    assert rows[0]["article"] is None
    assert rows[0]["id"] == "s1"
    assert pt.to_records(article.actors, kind="actors")[1]["name"] == "Ukraine"
    assert pt.to_records([]) == []
    assert pt.to_records(iter(article.events))[0]["id"] == "e1"


@pytest.mark.parametrize(
    ("source", "kind", "error", "message"),
    [
        ("article", None, ValueError, "kind="),
        ("article", "speeches", ValueError, "kind must be one of"),
        ("statements", "demands", ValueError, "the records are statements"),
        ("mixed", None, TypeError, "one kind of record per table"),
        ("text", None, TypeError, "expected an Article"),
        ("numbers", None, TypeError, "expected an Article or a record"),
    ],
)
def test_bad_input(source: str, kind: Any, error: type[Exception], message: str) -> None:
    article = _article()
    given_source: Any = {
        "article": article,
        "statements": article.statements,
        "mixed": [*article.statements, *article.demands],
        "text": "Peskov said",
        "numbers": [1, 2],
    }[source]
    with pytest.raises(error, match=message):
        pt.to_records(given_source, kind=kind)


@given(articles())
def test_every_article_gives_one_row_per_record(article: pt.Article) -> None:
    for kind, count in _counts(article).items():
        rows = pt.to_records(article, kind=kind)  # type: ignore[arg-type]
        assert len(rows) == count
        names = [name for name, _ in COLUMNS[kind]]  # type: ignore[index]
        assert all(list(row) == names for row in rows)


# ---------------------------------------------------------------------------------------------
# to_dataframe


def test_a_frame_per_kind_has_one_row_per_record_and_typed_columns() -> None:
    article = _article()
    for kind in KINDS:
        frame = pt.to_dataframe(article, kind=kind)
        assert len(frame) == len(getattr(article, kind)), kind
        assert list(frame.columns) == [name for name, _ in COLUMNS[kind]], kind
        for name, typ in COLUMNS[kind]:
            dtype = frame[name].dtype
            if isinstance(typ, type):
                assert isinstance(dtype, pd.CategoricalDtype), (kind, name)
                assert list(dtype.categories) == [member.value for member in typ]
            else:
                expected = {
                    "str": "string",
                    "int": "int64",
                    "count": "Int64",
                    "float": "float64",
                    "bool": "bool",
                    "date": "datetime64[s]",
                    "tuple": "object",
                }[typ]
                assert str(dtype) == expected, (kind, name, dtype)


def test_frame_values() -> None:
    frame = pt.to_dataframe(_article(), kind="events")
    row = frame.iloc[0]
    assert row["type"] == "attack"
    assert row["killed"] == 8
    assert pd.isna(row["injured"])
    assert row["published"] == pd.Timestamp("2025-04-12")
    assert pd.isna(row["date_earliest"])
    assert row["participants"] == ()
    statements = pt.to_dataframe(_article(), kind="statements")
    assert statements["date_earliest"].iloc[0] == pd.Timestamp("2025-04-11")
    assert statements["topics"].iloc[0] == ("territory",)


def test_collection_to_dataframe_is_to_dataframe_of_the_collection() -> None:
    samples = pt.samples()
    corpus = pt.Collection(pt.parse_many(s.pair for s in samples), [s.name[:10] for s in samples])
    for kind in KINDS:
        frame = corpus.to_dataframe(kind)
        pd.testing.assert_frame_equal(frame, pt.to_dataframe(corpus, kind=kind))
        assert len(frame) == sum(len(getattr(a, kind)) for a in corpus.articles)
        assert set(frame["article"]) <= set(corpus.keys)
    events = corpus.to_dataframe("events")
    clusters = corpus.events()
    assert events["cluster"].notna().all()
    assert events["cluster"].nunique() == len(clusters)


def test_an_empty_frame_still_has_its_columns() -> None:
    frame = pt.to_dataframe([], kind="demands")
    assert len(frame) == 0
    assert list(frame.columns) == [name for name, _ in COLUMNS["demands"]]
    assert isinstance(frame["topic"].dtype, pd.CategoricalDtype)
    assert pt.to_dataframe([]).shape == (0, 0)


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'peacetalks\[pandas\]'"):
        pt.to_dataframe(_article(), kind="statements")
    # rows need no pandas
    assert pt.to_records(_article(), kind="statements")
