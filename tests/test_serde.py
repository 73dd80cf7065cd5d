"""JSON in and out: round trips for every record, determinism, the schema, clear errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from tests.strategies import RECORD_STRATEGIES, articles, records

SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(pt.article_schema())


def test_every_serializable_record_has_a_strategy() -> None:
    # the records to_dict and from_dict read and write; comparison results (Comparison, Gap, ...)
    # are attrs classes too, but not records of that kind
    from peacetalks._serde import RECORDS

    exported = {getattr(pt, name) for name in pt.__all__ if getattr(pt, name) in RECORDS}
    assert exported == set(RECORDS) == set(RECORD_STRATEGIES)


@pytest.mark.parametrize("cls", list(RECORD_STRATEGIES), ids=lambda c: c.__name__)
def test_round_trip_through_dict_and_json(cls: type) -> None:
    @given(RECORD_STRATEGIES[cls])
    def check(record: Any) -> None:
        assert pt.from_dict(type(record), pt.to_dict(record)) == record
        assert pt.from_json(type(record), pt.to_json(record)) == record
        assert pt.from_json(type(record), pt.to_json(record, indent=2)) == record

    check()


@given(records)
def test_to_json_is_deterministic(record: Any) -> None:
    first = pt.to_json(record)
    rebuilt = pt.from_json(type(record), first)
    assert pt.to_json(rebuilt) == first
    assert json.loads(first) == pt.to_dict(record)


@given(articles())
def test_article_dicts_satisfy_the_shipped_schema(article: pt.Article) -> None:
    SCHEMA_VALIDATOR.validate(pt.to_dict(article))


def test_article_layout_meets_the_evaluation_contract() -> None:
    text = "Lavrov said talks in Riyadh on 27 February went well."
    point = pt.TimePoint(
        value="2025-02-27", kind="date", granularity="day", reference=dt.date(2025, 4, 12)
    )
    article = pt.Article(
        text=text,
        published=dt.date(2025, 4, 12),
        actors=[
            pt.Actor(id="person:sergey-lavrov", name="Sergey Lavrov", kind="person", country="RUS")
        ],
        places=[pt.Place(id="place:riyadh", name="Riyadh", kind="city", country="SAU")],
        statements=[
            pt.Statement(
                id="s1",
                speaker="person:sergey-lavrov",
                span=pt.Span(12, 52),
                text=text[12:52],
                cue="say",
            )
        ],
        events=[
            pt.Event(
                id="e1",
                type="talks",
                span=pt.Span(12, 42),
                text=text[12:42],
                date=point,
                location="place:riyadh",
                participants=("state:rus", "state:usa"),
            )
        ],
        dates=[pt.DateMention(span=pt.Span(31, 42), text=text[31:42], time=point)],
    )
    data = pt.to_dict(article)
    assert data["schema"] == "peacetalks/1"
    assert next(iter(data)) == "schema"
    assert data["actors"][0] | {} == {
        "id": "person:sergey-lavrov",
        "name": "Sergey Lavrov",
        "kind": "person",
        "country": "RUS",
        "aliases": [],
        "roles": [],
        "provisional": False,
        "wikidata": None,
    }
    statement = data["statements"][0]
    assert statement["span"] == [12, 52]
    assert statement["speaker"] == "person:sergey-lavrov"
    assert statement["quote"] is False
    assert statement["cue"] == "say"
    assert statement["date"] is None
    event = data["events"][0]
    assert event["date"]["value"] == "2025-02-27"
    assert event["figures"] == {}
    assert event["location"] == "place:riyadh"
    assert data["dates"] == [
        {
            "span": [31, 42],
            "text": "27 February",
            "value": "2025-02-27",
            "kind": "date",
            "granularity": "day",
            "earliest": None,
            "latest": None,
            "modifier": "none",
            "reference": "2025-04-12",
        }
    ]
    SCHEMA_VALIDATOR.validate(data)


def test_figures_are_a_map_with_their_qualifiers_beside() -> None:
    strike = pt.Event(
        id="e1",
        type="attack",
        span=pt.Span(0, 0),
        text="",
        figures=[
            pt.Figure("killed", 8, "at-least"),
            pt.Figure("injured", 70, "more-than"),
            pt.Figure("civilians", 3),
        ],
    )
    data = pt.to_dict(strike)
    assert data["figures"] == {"killed": 8, "injured": 70, "civilians": 3}
    assert data["qualifiers"] == {"killed": "at-least", "injured": "more-than"}


VALID_EVENT = {
    "id": "e1",
    "type": "prisoner-exchange",
    "span": [0, 10],
    "text": "0123456789",
    "status": "expected",
    "date": None,
    "location": None,
    "participants": [],
    "same_as": None,
    "confidence": 0.8,
    "figures": {"prisoners": 314},
    "qualifiers": {},
}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"type": "parade"}, "$.type", "parade"),
        ({"span": [10, 2]}, "$.span", "before its start"),
        ({"span": "0-10"}, "$.span", "span"),
        ({"confidence": "high"}, "$.confidence", "number"),
        ({"participants": "state:rus"}, "$.participants", "expected a list"),
        ({"figures": {"prisoners": -4}}, "$", "figures"),
        ({"figures": {"goats": 4}}, "$", "figures"),
        ({"qualifiers": {"killed": "at-least"}}, "$", "qualifiers"),
        ({"surprise": 1}, "$", r"unknown fields \['surprise'\]"),
        ({"date": {"value": "next week", "kind": "date"}}, "$.date", "TIMEX3"),
    ],
)
def test_broken_records_name_the_bad_field(change: dict[str, Any], path: str, message: str) -> None:
    data = VALID_EVENT | change
    with pytest.raises(pt.InvalidRecord, match=message) as info:
        pt.from_dict(pt.Event, data)
    assert str(info.value).startswith("invalid Event: ")
    assert info.value.path.startswith(path)
    assert isinstance(info.value, ValueError)


def test_missing_field_is_named() -> None:
    data = {k: v for k, v in VALID_EVENT.items() if k != "type"}
    with pytest.raises(pt.InvalidRecord, match="'type' is missing") as info:
        pt.from_dict(pt.Event, data)
    assert info.value.path == "$.type"


def test_nested_path_in_an_article() -> None:
    good = pt.to_dict(pt.Article(text="abc"))
    good["events"] = [VALID_EVENT | {"span": [0, 3], "text": "abc", "status": "imagined"}]
    with pytest.raises(pt.InvalidRecord) as info:
        pt.from_dict(pt.Article, good)
    assert info.value.path == "$.events[0].status"


def test_article_needs_its_schema_version() -> None:
    data = pt.to_dict(pt.Article(text="abc"))
    del data["schema"]
    with pytest.raises(pt.InvalidRecord, match="schema"):
        pt.from_dict(pt.Article, data)
    data["schema"] = "peacetalks/0"
    with pytest.raises(pt.InvalidRecord, match="peacetalks/1"):
        pt.from_dict(pt.Article, data)


@pytest.mark.parametrize(
    "text", ["", "{", "[1, 2", "null", '"text"', '{"schema": "peacetalks/1"}', "NaN", b"\xff\xfe"]
)
def test_bad_json_raises_invalid_record(text: str | bytes) -> None:
    with pytest.raises(pt.InvalidRecord):
        pt.from_json(pt.Article, text)


def test_deeply_nested_json_is_a_clear_error() -> None:
    with pytest.raises(pt.InvalidRecord):
        pt.from_json(pt.Article, "[" * 100_000 + "]" * 100_000)


@given(st.text(max_size=200))
def test_from_json_on_any_text_raises_only_invalid_record(text: str) -> None:
    with contextlib.suppress(pt.InvalidRecord):
        pt.from_json(pt.Article, text)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
    )
)
def test_from_dict_on_any_json_value_raises_only_invalid_record(data: Any) -> None:
    for cls in RECORD_STRATEGIES:
        with contextlib.suppress(pt.InvalidRecord):
            pt.from_dict(cls, data)


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="peacetalks records"):
        pt.to_dict({"a": 1})
    with pytest.raises(TypeError, match="peacetalks records"):
        pt.from_dict(dict, {})
    with pytest.raises(TypeError, match="JSON text"):
        pt.from_json(pt.Span, [1, 2])  # type: ignore[arg-type]
