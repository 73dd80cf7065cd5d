"""Hostile input (issue 9): never crash, never hang, never lose a character.

Every public function runs on the hostile corpus of tests/hostile.py and returns a result or
raises its documented error; every span indexes the original string; offsets survive CRLF,
NFC/NFD and characters outside the BMP; limits hold; wrong arguments fail with a message that
says what was expected; the same input gives the same bytes in any process and thread; and a
broken record fails with ``InvalidRecord`` naming the path of the bad field. The time checks
are in tests/test_hostile_time.py; docs/promises.md lists which test keeps which promise.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import inspect
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import _frames
from peacetalks._cli import main
from peacetalks._text import MAX_SENTENCE, prepare
from tests.hostile import ARTICLES, NASTY, WRONG_VALUES, documents, hostile_text

ROOT = Path(__file__).resolve().parent.parent
KINDS = _frames.KINDS
GAZ = pt.Gazetteer.default()
REFERENCE = dt.date(2025, 4, 12)

# ---------------------------------------------------------------------------------------------
# Checks shared by the tests


def check_article(text: str, article: pt.Article) -> None:
    """Every span of ``article`` lies in ``text`` and covers exactly its record's text, and
    every id a record refers to is there."""
    size = len(text)
    assert article.text == text
    for group in ("mentions", "statements", "demands", "events", "dates"):
        for record in getattr(article, group):
            span = record.span
            assert 0 <= span.start <= span.end <= size, (group, span, size)
            assert text[span.start : span.end] == record.text, (group, span)
    for statement in article.statements:
        if statement.speaker_span is not None:
            assert statement.speaker_span.end <= size
    for span in article.furniture:
        assert 0 <= span.start <= span.end <= size
    actors = {a.id for a in article.actors}
    places = {p.id for p in article.places}
    assert {m.ref for m in article.mentions} <= actors | places
    for statement in article.statements:
        assert {statement.speaker, statement.channel, statement.addressee} - {None} <= actors
    statement_ids = {s.id for s in article.statements}
    demand_ids = {d.id for d in article.demands}
    for demand in article.demands:
        assert demand.holder in actors
        assert demand.statement is None or demand.statement in statement_ids
        assert demand.condition is None or demand.condition in demand_ids
    event_ids = {e.id for e in article.events}
    for event in article.events:
        assert set(event.participants) <= actors
        assert event.location is None or event.location in places
        assert event.same_as is None or event.same_as in event_ids
    assert len(statement_ids) == len(article.statements)
    assert len(demand_ids) == len(article.demands)
    assert len(event_ids) == len(article.events)


def check_prepared(text: str) -> None:
    """``prepare``: every original span inside ``text``, every working span inside the working
    text, and each sentence within the limit the extractors rely on."""
    prepared = prepare(text)
    size, wsize = len(text), len(prepared.working)
    for sentence in prepared.sentences:
        assert sentence.span.end <= size
        assert sentence.wspan.end <= wsize
        assert len(sentence.wspan) <= MAX_SENTENCE
    for block in prepared.blocks:
        assert block.span.end <= size
        assert block.body.end <= size
    for quote in prepared.quotes:
        assert quote.span.end <= size
        assert quote.open.end <= size
    for piece in prepared.furniture:
        assert piece.span.end <= size


def run_everything(text: str) -> pt.Article:
    """Every public function that reads text, on ``text``; returns the parsed article."""
    article = pt.parse(text)
    check_article(text, article)
    dated = pt.parse(text, published=REFERENCE)
    check_article(text, dated)
    check_prepared(text)
    for record in (article, dated):
        data = pt.to_dict(record)
        assert pt.from_dict(pt.Article, data) == record
        encoded = pt.to_json(record)
        assert pt.from_json(pt.Article, encoded) == record
        assert pt.to_json(pt.from_json(pt.Article, encoded)) == encoded
        assert pt.from_json(pt.Article, encoded.encode("utf-8", "surrogatepass")) == record
        assert isinstance(pt.to_html(record), str)
        assert isinstance(pt.to_html(record, full_page=False), str)
        for event in record.events:
            assert pt.to_plover(event, article=record)["id"] == event.id
            assert isinstance(pt.cameo_code(event), str)
        for demand in record.demands:
            pt.cameo_code(demand)
            assert isinstance(pt.pax_codes(demand), tuple)
        for kind in KINDS:
            for row in pt.to_records(record, kind=kind):
                if "start" in row:
                    assert text[row["start"] : row["end"]] == row["text"]
    for reference in (None, REFERENCE):
        for mention in pt.find_dates(text, reference=reference):
            assert text[mention.span.start : mention.span.end] == mention.text
    point, failure = _attempt(lambda: pt.normalize_date(text, reference=REFERENCE), pt.InvalidDate)
    assert isinstance(point, pt.TimePoint) or (failure is not None and failure.text == text)
    key = pt.normalize_name(text)
    assert pt.normalize_name(key.key) == key  # idempotent
    assert pt.is_normalized_name(key.key)
    assert isinstance(pt.is_normalized_name(text), bool)
    assert pt.resolve_actor(text) is None or isinstance(pt.resolve_actor(text), pt.Actor)
    assert pt.resolve_place(text) is None or isinstance(pt.resolve_place(text), pt.Place)
    assert GAZ.lookup(text, on=REFERENCE).text == text
    for hit in GAZ.scan(text, on=REFERENCE):
        assert text[hit.span.start : hit.span.end] == hit.text
    actor, refused = _attempt(lambda: pt.provisional_actor(text), pt.InvalidName)
    if actor is not None:
        assert actor.provisional
        assert actor.id.startswith("prov:")
    else:
        assert refused is not None
        assert refused.text == text
    return article


_E = TypeVar("_E", bound=BaseException)
_V = TypeVar("_V")


def _attempt(call: Callable[[], _V], error: type[_E]) -> tuple[_V | None, _E | None]:
    """The call's result, or the documented error it raised (any other error propagates)."""
    try:
        return call(), None
    except error as exc:
        return None, exc


# ---------------------------------------------------------------------------------------------
# 1. The hostile corpus: every function, the fixed list and generated text


@pytest.mark.parametrize("name", sorted(NASTY))
def test_every_function_on_the_fixed_list(name: str) -> None:
    run_everything(NASTY[name])


@given(hostile_text)
def test_every_function_on_hostile_text(text: str) -> None:
    run_everything(text)


@given(documents())
def test_every_function_on_hostile_documents(text: str) -> None:
    run_everything(text)


def test_parse_many_reads_hostile_texts_as_parse_does() -> None:
    texts = list(NASTY.values())
    pairs = [(text, REFERENCE) for text in texts]
    assert list(pt.parse_many(texts)) == [pt.parse(text) for text in texts]
    assert list(pt.parse_many(pairs, chunksize=7)) == [
        pt.parse(t, published=REFERENCE) for t in texts
    ]


def _articles() -> list[pt.Article]:
    texts = [*NASTY.values(), *ARTICLES]
    return [pt.parse(text, published=REFERENCE) for text in texts]


HOSTILE_ARTICLES = _articles()


def compare_everything(articles: list[pt.Article]) -> None:
    """Every comparison function, on the records of ``articles`` (ids made unique)."""
    corpus = pt.Collection(articles)
    statements = list(corpus.statements())
    demands = list(corpus.demands())
    events = [e for cluster in corpus.events() for e in cluster.events]
    places = dict(corpus.places())
    actors = dict(corpus.actors())
    for first in statements[:40]:
        for second in statements[:40]:
            comparison = pt.compare_statements(first, second)
            assert 0.0 <= comparison.score <= 1.0
    pt.find_contradictions(statements)
    pt.find_contradictions(statements, within_days=30)
    sides = {d.side for d in demands if d.side} | {"RUS", "UKR", "state:rus"}
    for a in sorted(sides):
        for b in sorted(sides):
            pt.position_gaps(demands, a, b, actors=actors)
            pt.common_ground(demands, a, b, actors=actors)
        pt.demand_history(demands, a, actors=actors)
    half = len(demands) // 2
    pt.diff_demands(demands[:half], demands[half:])
    for one in events[:30]:
        for other in events[:30]:
            assert 0.0 <= pt.same_event(one, other, places=places) <= 1.0
    clusters = pt.merge_events(events, places=places)
    assert sorted(e.id for c in clusters for e in c.events) == sorted(e.id for e in events)
    corpus.contradictions()
    corpus.contradictions(scope="corpus", within_days=7)
    corpus.gaps("RUS", "UKR")
    corpus.common_ground("RUS", "UKR")
    corpus.history("RUS")
    corpus.timeline()
    for kind in KINDS:
        assert len(pt.to_records(corpus, kind=kind)) == len(pt.to_records(articles, kind=kind))
    for statement in statements[:10]:
        assert corpus.source(statement.id) is not None


def test_every_comparison_on_records_from_hostile_text() -> None:
    compare_everything(HOSTILE_ARTICLES)


@settings(max_examples=30)
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_every_comparison_on_records_from_generated_text(texts: list[str]) -> None:
    compare_everything([pt.parse(text, published=REFERENCE) for text in [*texts, *ARTICLES]])


# ---------------------------------------------------------------------------------------------
# 1b. Offsets: CRLF, NFC/NFD, characters outside the BMP


def _records(article: pt.Article) -> list[tuple[str, str, pt.Span]]:
    return [
        (group, record.text, record.span)
        for group in ("mentions", "statements", "demands", "events", "dates")
        for record in getattr(article, group)
    ]


@pytest.mark.parametrize("text", ARTICLES, ids=["wire", "dateline"])
def test_offsets_survive_crlf(text: str) -> None:
    lf = pt.parse(text, published=REFERENCE)
    crlf_text = text.replace("\n", "\r\n")
    crlf = pt.parse(crlf_text, published=REFERENCE)
    check_article(crlf_text, crlf)
    found = _records(crlf)
    assert [(g, t.replace("\r\n", "\n")) for g, t, _ in found] == [
        (g, t) for g, t, _ in _records(lf)
    ]
    # every span maps through the CRs before it
    for (_, _, span), (_, _, lf_span) in zip(found, _records(lf), strict=True):
        assert span.start == lf_span.start + crlf_text.count("\r", 0, span.start)


def test_offsets_survive_lone_cr_and_unicode_line_breaks() -> None:
    text = ARTICLES[0]
    for newline in ("\r", "\u2028", "\u2029", "\x85"):
        changed = text.replace("\n", newline)
        article = pt.parse(changed, published=REFERENCE)
        check_article(changed, article)
        assert [t for _, t, _ in _records(article)] == [
            t.replace("\n", newline) for _, t, _ in _records(pt.parse(text, published=REFERENCE))
        ]


NAMES = (
    "Thérèse Kayikwamba Wagner said on 11 April that Türkiye would host talks in İstanbul. "
    "President Recep Tayyip Erdoğan said “Ankara is ready”. Zelenskyy’s office welcomed it."
)


def test_offsets_survive_nfd() -> None:
    nfc = pt.parse(NAMES, published=REFERENCE)
    nfd_text = unicodedata.normalize("NFD", NAMES)
    assert len(nfd_text) > len(NAMES)
    nfd = pt.parse(nfd_text, published=REFERENCE)
    check_article(nfd_text, nfd)
    assert [(g, unicodedata.normalize("NFC", t)) for g, t, _ in _records(nfd)] == [
        (g, t) for g, t, _ in _records(nfc)
    ]
    assert nfd.actors == nfc.actors
    # a record's text is the decomposed original, never the composed working text
    assert any(
        unicodedata.normalize("NFD", t) == t != unicodedata.normalize("NFC", t)
        for _, t, _ in _records(nfd)
    )


ASTRAL = str.maketrans({"中": "𠜎", "☺": "😀", "文": "𡃁"})


@pytest.mark.parametrize(
    "bmp",
    [
        "中中 Kremlin spokesman Dmitry Peskov said on 11 April that talks with Kyiv were "
        "“complicated ☺”. 文 Russia demands that Ukraine withdraw from Donetsk.",
        "☺ ☺\n\nMOSCOW - Lavrov said “中文 talks will resume on Monday”, ☺ the ministry said.",
    ],
)
def test_offsets_survive_characters_outside_the_bmp(bmp: str) -> None:
    # the same text with astral letters and symbols in place of BMP ones: the same length in
    # code points, so every span must come out the same (no UTF-16 or UTF-8 offsets anywhere)
    astral = bmp.translate(ASTRAL)
    assert len(astral) == len(bmp)
    assert any(ord(c) > 0xFFFF for c in astral)
    a, b = pt.parse(bmp, published=REFERENCE), pt.parse(astral, published=REFERENCE)
    check_article(astral, b)
    assert [(g, s) for g, _, s in _records(b)] == [(g, s) for g, _, s in _records(a)]
    assert [t for _, t, _ in _records(b)] == [t.translate(ASTRAL) for _, t, _ in _records(a)]
    assert [m.span for m in pt.find_dates(astral)] == [m.span for m in pt.find_dates(bmp)]
    assert [h.span for h in GAZ.scan(astral)] == [h.span for h in GAZ.scan(bmp)]


def test_emoji_sequences_are_never_cut_inside_a_record() -> None:
    text = "🇺🇦🕊️👨‍👩‍👧 Zelenskyy said “peace 🇺🇦 now 🕊️” on 11 April."
    article = pt.parse(text, published=REFERENCE)
    check_article(text, article)
    for _, record_text, _ in _records(article):
        # no record starts or ends between a regional indicator pair or before a joiner
        assert not record_text.startswith(("\u200d", "\ufe0f"))
        assert not record_text.endswith("\u200d")


# ---------------------------------------------------------------------------------------------
# 3. Limits users set, and depth


def test_max_chars_refuses_longer_text_with_a_clear_error() -> None:
    text = "Peskov said talks would resume. " * 10
    assert pt.parse(text, max_chars=len(text)).text == text
    with pytest.raises(pt.TextTooLong, match=r"321 characters, more than max_chars=320") as info:
        pt.parse(text + "x", max_chars=len(text))
    assert isinstance(info.value, pt.PeacetalksError)
    assert isinstance(info.value, ValueError)
    assert pt.parse(text * 10, max_chars=None).text == text * 10
    with pytest.raises(pt.TextTooLong):
        pt.parse("x", max_chars=0)
    assert pt.parse("", max_chars=0).text == ""


def test_the_default_limit_is_ten_million_characters() -> None:
    assert pt.DEFAULT_MAX_CHARS == 10_000_000
    too_long = " " * (pt.DEFAULT_MAX_CHARS + 1)  # refused before any work is done
    with pytest.raises(pt.TextTooLong, match="10,000,001 characters"):
        pt.parse(too_long)
    with pytest.raises(pt.TextTooLong):
        list(pt.parse_many([too_long]))


@pytest.mark.parametrize("value", ["10", 1.5, True, [], b"10"])
def test_max_chars_must_be_an_int(value: object) -> None:
    with pytest.raises(TypeError, match="max_chars must be an int or None"):
        pt.parse("text", max_chars=value)  # type: ignore[arg-type]


def test_max_chars_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="max_chars must be >= 0"):
        pt.parse("text", max_chars=-1)


DEEP = 100_000  # far beyond any recursion limit
DEEP_TEXT = 20_000


@pytest.mark.parametrize(
    "text",
    [
        "(" * DEEP_TEXT + "Peskov said talks" + ")" * DEEP_TEXT,
        "[{" * DEEP_TEXT + "Lavrov said no",
        "“" * DEEP_TEXT + "Peskov said talks" + "”" * DEEP_TEXT,
        "“‘«„" * (DEEP_TEXT // 4) + "Peskov said talks",
        "<b>" * (DEEP_TEXT // 3) + "Peskov said talks" + "</b>" * (DEEP_TEXT // 4),
        "&amp;" * (DEEP_TEXT // 5) + "lt;",
        "> " * DEEP_TEXT + "Peskov said talks",
        "- " * DEEP_TEXT + "Peskov said talks",
    ],
    ids=[
        "parens",
        "brackets",
        "double-quotes",
        "mixed-quotes",
        "tags",
        "entities",
        "quoted",
        "list",
    ],
)
def test_deeply_nested_text_exhausts_no_recursion(text: str) -> None:
    limit = sys.getrecursionlimit()
    article = pt.parse(text)
    check_article(text, article)
    check_prepared(text)
    assert sys.getrecursionlimit() == limit


@pytest.mark.parametrize(
    "text",
    [
        "[" * DEEP + "]" * DEEP,
        '{"a":' * DEEP + "1" + "}" * DEEP,
        '{"schema": "peacetalks/1", "text": ' + "[" * DEEP,
    ],
    ids=["lists", "objects", "truncated"],
)
def test_deeply_nested_json_is_an_invalid_record(text: str) -> None:
    for cls in (pt.Article, pt.Span, pt.Statement):
        with pytest.raises(pt.InvalidRecord, match=r"nested too deeply|not JSON") as info:
            pt.from_json(cls, text)
        assert info.value.path == "$"


def _nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("field", ["statements", "text", "mentions", "published", "actors"])
def test_deeply_nested_data_is_an_invalid_record(field: str) -> None:
    data = pt.to_dict(pt.parse(ARTICLES[0]))
    data[field] = _nested(DEEP, {"id": "s1"})
    with pytest.raises(pt.InvalidRecord) as info:
        pt.from_dict(pt.Article, data)
    assert info.value.path.startswith(f"$.{field}")


def test_deeply_nested_gazetteer_data_is_an_invalid_record(tmp_path: Path) -> None:
    with pytest.raises(pt.InvalidRecord):
        pt.Gazetteer.from_dict({"actors": _nested(DEEP, {})})
    path = tmp_path / "deep.json"
    path.write_text('{"actors": ' + "[" * DEEP + "]" * DEEP + "}", encoding="utf-8")
    with pytest.raises(pt.InvalidRecord, match="nested too deeply"):
        pt.Gazetteer.load(path)
    path.write_bytes(b'{"actors": [{"id": "person:x", "name": "\xff"}]}')
    with pytest.raises(pt.InvalidRecord, match="not UTF-8"):
        pt.Gazetteer.load(path)


def test_a_long_sentence_is_cut_into_pieces_that_keep_every_character() -> None:
    text = "Peskov said that " + "the talks and " * 1_000 + "peace would come."
    prepared = prepare(text)
    pieces = [s.span.of(text) for s in prepared.sentences]
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert " ".join(pieces) == text  # cut only at spaces, nothing lost


# ---------------------------------------------------------------------------------------------
# 4. Wrong arguments: a TypeError or ValueError that says what was expected

ARTICLE = pt.parse(ARTICLES[0], published=REFERENCE)
STATEMENT = ARTICLE.statements[0]
DEMAND = ARTICLE.demands[0]
EVENT = ARTICLE.events[0]

_NOT_STR = {**WRONG_VALUES, "datetime": dt.datetime(2025, 4, 12, 10, 30)}
_NOT_SIDE = {**_NOT_STR, "empty": ""}
_NOT_OPTIONAL = {k: v for k, v in _NOT_STR.items() if v is not None}
_NOT_DATE = {**_NOT_OPTIONAL, "date-string": "2025-04-12"}
_NOT_RECORD = {**WRONG_VALUES, "str": "Peskov said talks resume."}
_NOT_ITERABLE = {k: v for k, v in WRONG_VALUES.items() if k not in ("list", "dict")}
_NOT_A_RECORD_TYPE = {
    **_NOT_RECORD,
    "gazetteer": GAZ,
    "records-in-a-list": [STATEMENT],
    "records-in-a-tuple": (STATEMENT, DEMAND),
    "record-as-a-dict": pt.to_dict(STATEMENT),
    "comparison": pt.compare_statements(STATEMENT, STATEMENT),
    "collection": pt.Collection([ARTICLE]),
    "record-class": pt.Statement,
}

WRONG_ARGUMENTS: list[tuple[str, Callable[[Any], object], dict[str, object], str]] = [
    ("parse", lambda v: pt.parse(v), _NOT_STR, "str"),
    ("parse-published", lambda v: pt.parse("x", published=v), _NOT_DATE, "datetime.date"),
    ("parse-gazetteer", lambda v: pt.parse("x", gazetteer=v), _NOT_DATE, "Gazetteer"),
    ("parse-max-chars", lambda v: pt.parse("x", max_chars=v), {"str": "10", "float": 1.5}, "int"),
    ("parse_many", lambda v: list(pt.parse_many(v)), _NOT_ITERABLE | {"str": "text"}, "pairs"),
    ("parse_many-item", lambda v: list(pt.parse_many([v])), _NOT_STR, "pairs"),
    (
        "parse_many-published",
        lambda v: list(pt.parse_many([("x", v)])),
        _NOT_DATE,
        "datetime.date",
    ),
    (
        "parse_many-workers",
        lambda v: list(pt.parse_many([], workers=v)),
        {**_NOT_DATE, "int": 0, "negative": -2},
        "workers",
    ),
    ("find_dates", lambda v: pt.find_dates(v), _NOT_STR, "str"),
    ("find_dates-reference", lambda v: pt.find_dates("x", reference=v), _NOT_DATE, "date"),
    ("find_dates-day-order", lambda v: pt.find_dates("x", day_order=v), _NOT_STR, "day_order"),
    ("find_dates-country", lambda v: pt.find_dates("x", country=v), _NOT_DATE, "ISO 3166"),
    ("normalize_date", lambda v: pt.normalize_date(v), _NOT_STR, "str"),
    ("normalize_date-reference", lambda v: pt.normalize_date("x", reference=v), _NOT_DATE, "date"),
    ("normalize_name", lambda v: pt.normalize_name(v), _NOT_STR, "str"),
    ("is_normalized_name", lambda v: pt.is_normalized_name(v), _NOT_STR, "str"),
    ("resolve_actor", lambda v: pt.resolve_actor(v), _NOT_STR, "str"),
    ("resolve_actor-on", lambda v: pt.resolve_actor("Lavrov", on=v), _NOT_DATE, "date"),
    (
        "resolve_actor-gazetteer",
        lambda v: pt.resolve_actor("x", gazetteer=v),
        _NOT_DATE,
        "Gazetteer",
    ),
    ("resolve_place", lambda v: pt.resolve_place(v), _NOT_STR, "str"),
    (
        "resolve_place-gazetteer",
        lambda v: pt.resolve_place("x", gazetteer=v),
        _NOT_DATE,
        "Gazetteer",
    ),
    ("provisional_actor", lambda v: pt.provisional_actor(v), _NOT_STR, "str"),
    (
        "provisional_actor-kind",
        lambda v: pt.provisional_actor("Jo Ro", kind=v),
        _NOT_DATE,
        "ActorKind",
    ),
    (
        "provisional_actor-country",
        lambda v: pt.provisional_actor("Jo Ro", country=v),
        _NOT_DATE,
        "ISO",
    ),
    ("same_actor", lambda v: pt.same_actor(v, ARTICLE.actors[0]), _NOT_RECORD, "Actor"),
    ("Gazetteer.scan", lambda v: GAZ.scan(v), _NOT_STR, "str"),
    ("Gazetteer.scan-on", lambda v: GAZ.scan("x", on=v), _NOT_DATE, "date"),
    ("Gazetteer.lookup", lambda v: GAZ.lookup(v), _NOT_STR, "str"),
    ("Gazetteer.lookup-on", lambda v: GAZ.lookup("x", on=v), _NOT_DATE, "date"),
    ("Gazetteer.load", lambda v: pt.Gazetteer.load(v), _NOT_STR, "path"),
    ("to_dict", lambda v: pt.to_dict(v), _NOT_A_RECORD_TYPE, "records"),
    ("to_json", lambda v: pt.to_json(v), _NOT_A_RECORD_TYPE, "records"),
    (
        "to_json-indent",
        lambda v: pt.to_json(ARTICLE, indent=v),
        {**_NOT_DATE, "int": -1},
        "indent",
    ),
    ("from_dict-cls", lambda v: pt.from_dict(v, {}), _NOT_RECORD, "records"),
    ("from_json-cls", lambda v: pt.from_json(v, "{}"), _NOT_RECORD, "records"),
    (
        "from_json-text",
        lambda v: pt.from_json(pt.Span, v),
        {k: v for k, v in WRONG_VALUES.items() if k not in ("bytes", "bytearray")},
        "JSON text",
    ),
    ("to_html", lambda v: pt.to_html(v), _NOT_RECORD, "Article"),
    ("to_plover", lambda v: pt.to_plover(v), _NOT_RECORD, "Event"),
    ("to_plover-article", lambda v: pt.to_plover(EVENT, article=v), _NOT_DATE, "Article"),
    ("cameo_code", lambda v: pt.cameo_code(v), _NOT_RECORD, "Demand or an Event"),
    ("to_records", lambda v: pt.to_records(v, kind="statements"), _NOT_RECORD, "expected"),
    (
        "to_records-kind",
        lambda v: pt.to_records(ARTICLE, kind=v),
        {**_NOT_STR, "str": "speeches"},
        "kind",
    ),
    ("to_dataframe", lambda v: _dataframe(v, kind="events"), _NOT_RECORD, "expected"),
    ("to_dataframe-kind", lambda v: _dataframe(ARTICLE, kind=v), {"str": "speeches"}, "kind"),
    ("pax_codes", lambda v: pt.pax_codes(v), _NOT_RECORD | {"event": EVENT}, "Demand"),
    ("compare_statements", lambda v: pt.compare_statements(v, STATEMENT), _NOT_RECORD, "Statement"),
    (
        "compare_statements-b",
        lambda v: pt.compare_statements(STATEMENT, v),
        _NOT_RECORD,
        "Statement",
    ),
    ("find_contradictions", lambda v: pt.find_contradictions(v), _NOT_ITERABLE, "Statement"),
    ("find_contradictions-item", lambda v: pt.find_contradictions([v]), _NOT_RECORD, "Statement"),
    (
        "find_contradictions-days",
        lambda v: pt.find_contradictions([], within_days=v),
        {"str": "7", "float": 1.5, "bool": True, "negative": -1},
        "within_days",
    ),
    ("position_gaps", lambda v: pt.position_gaps(v, "RUS", "UKR"), _NOT_ITERABLE, "Demand"),
    ("position_gaps-item", lambda v: pt.position_gaps([v], "RUS", "UKR"), _NOT_RECORD, "Demand"),
    ("position_gaps-side", lambda v: pt.position_gaps([], v, "UKR"), _NOT_SIDE, "side"),
    (
        "position_gaps-actors",
        lambda v: pt.position_gaps([], "RUS", "UKR", actors=v),
        {"list": []},
        "mapping",
    ),
    ("common_ground", lambda v: pt.common_ground(v, "RUS", "UKR"), _NOT_ITERABLE, "Demand"),
    ("common_ground-side", lambda v: pt.common_ground([], "RUS", v), _NOT_SIDE, "side"),
    ("diff_demands", lambda v: pt.diff_demands(v, []), _NOT_ITERABLE, "Demand"),
    ("diff_demands-item", lambda v: pt.diff_demands([], [v]), _NOT_RECORD, "Demand"),
    ("demand_history", lambda v: pt.demand_history(v, "RUS"), _NOT_ITERABLE, "Demand"),
    ("demand_history-holder", lambda v: pt.demand_history([], v), _NOT_SIDE, "side"),
    (
        "demand_history-dates",
        lambda v: pt.demand_history([], "RUS", dates=v),
        {"list": [1]},
        "mapping",
    ),
    ("same_event", lambda v: pt.same_event(v, EVENT), _NOT_RECORD, "Event"),
    (
        "same_event-places",
        lambda v: pt.same_event(EVENT, EVENT, places=v),
        {"list": [1]},
        "mapping",
    ),
    ("merge_events", lambda v: pt.merge_events(v), _NOT_ITERABLE, "Event"),
    ("merge_events-item", lambda v: pt.merge_events([v]), _NOT_RECORD, "Event"),
    ("Collection", lambda v: pt.Collection(v), _NOT_ITERABLE | {"str": "abc"}, "Article"),
    ("Collection-item", lambda v: pt.Collection([v]), _NOT_RECORD, "Article"),
    (
        "Collection.from_articles",
        lambda v: pt.Collection.from_articles(v),
        _NOT_ITERABLE,
        "Article",
    ),
    (
        "Collection.from_articles-pair",
        lambda v: pt.Collection.from_articles([v]),
        {"triple": ("a", ARTICLE, 1), "bad-key": (1, ARTICLE), "bad-article": ("a", 1)},
        "",
    ),
    ("Collection.source", lambda v: pt.Collection([ARTICLE]).source(v), _NOT_STR, "str"),
    ("Collection.article", lambda v: pt.Collection([ARTICLE]).article(v), _NOT_STR, "str"),
    (
        "Collection.demands-side",
        lambda v: pt.Collection([ARTICLE]).demands(side=v),
        _NOT_OPTIONAL,
        "str",
    ),
    (
        "Collection.contradictions-scope",
        lambda v: pt.Collection([ARTICLE]).contradictions(scope=v),
        {"str": "everything", "none": None},
        "scope",
    ),
]


def _dataframe(source: Any, *, kind: Any) -> object:
    pytest.importorskip("pandas", reason="to_dataframe needs the pandas extra")
    return pt.to_dataframe(source, kind=kind)


def _wrong_cases() -> Iterator[Any]:
    for name, call, values, words in WRONG_ARGUMENTS:
        for kind, value in values.items():
            yield pytest.param(call, value, words, id=f"{name}-{kind}")


@pytest.mark.parametrize(("call", "value", "words"), list(_wrong_cases()))
def test_wrong_arguments_raise_a_clear_error(
    call: Callable[[Any], object], value: object, words: str
) -> None:
    with pytest.raises((TypeError, ValueError)) as info:
        call(value)
    assert type(info.value).__name__ not in ("KeyError", "IndexError", "UnicodeError")
    assert words in str(info.value), str(info.value)


def test_every_public_function_has_wrong_argument_cases() -> None:
    functions = {
        name
        for name in pt.__all__
        if inspect.isfunction(getattr(pt, name))
        and name not in ("article_schema", "samples")  # they take no argument
    }
    covered = {name.split("-")[0] for name, *_ in WRONG_ARGUMENTS}
    assert functions <= covered, functions - covered


# ---------------------------------------------------------------------------------------------
# 5. Determinism and thread safety

_DUMP = """
import json, sys
sys.path.insert(0, {src!r}); sys.path.insert(0, {root!r})
import datetime as dt
import peacetalks as pt
from tests.hostile import ARTICLES, NASTY
texts = [*NASTY.values(), *ARTICLES]
out = [pt.to_json(pt.parse(t, published=dt.date(2025, 4, 12))) for t in texts]
corpus = pt.Collection([pt.parse(t, published=dt.date(2025, 4, 12)) for t in ARTICLES])
out.append(repr([[e.id for e in c.events] for c in corpus.events()]))
out.append(repr(corpus.contradictions(scope="corpus")))
sys.stdout.buffer.write(json.dumps(out, ensure_ascii=True).encode())
"""


def _dump_in_process() -> bytes:
    texts = [*NASTY.values(), *ARTICLES]
    out = [pt.to_json(pt.parse(t, published=REFERENCE)) for t in texts]
    corpus = pt.Collection([pt.parse(t, published=REFERENCE) for t in ARTICLES])
    out.append(repr([[e.id for e in c.events] for c in corpus.events()]))
    out.append(repr(corpus.contradictions(scope="corpus")))
    return json.dumps(out, ensure_ascii=True).encode()


def test_the_same_input_gives_the_same_bytes_in_one_process() -> None:
    assert _dump_in_process() == _dump_in_process()


def test_the_same_input_gives_the_same_bytes_across_processes_and_hash_seeds() -> None:
    script = _DUMP.format(src=str(ROOT / "src"), root=str(ROOT))
    outputs = []
    for seed in ("0", "2718281828"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, env=env, check=True, timeout=600
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0] == _dump_in_process()


def test_parse_in_eight_threads_gives_what_one_thread_gives() -> None:
    texts = [*NASTY.values(), *ARTICLES] * 2
    alone = [pt.to_json(pt.parse(t, published=REFERENCE)) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: pt.to_json(pt.parse(t, published=REFERENCE)), texts))
    assert together == alone


_COLD_THREADS = """
import sys
sys.path.insert(0, {src!r}); sys.path.insert(0, {root!r})
from concurrent.futures import ThreadPoolExecutor
import threading
import peacetalks as pt
from tests.hostile import ARTICLES
barrier = threading.Barrier(8)
def run(text):
    barrier.wait()  # every thread loads the lazy data at the same moment
    return pt.to_json(pt.parse(text))
texts = [ARTICLES[i % 2] for i in range(8)]
with ThreadPoolExecutor(max_workers=8) as pool:
    together = list(pool.map(run, texts))
assert together == [pt.to_json(pt.parse(t)) for t in texts]
print("same")
"""


def test_parse_in_eight_threads_from_a_cold_start() -> None:
    script = _COLD_THREADS.format(src=str(ROOT / "src"), root=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "same"


def _gazetteer_state(gaz: pt.Gazetteer) -> tuple[str, str, list[str]]:
    probes = ["Lavrov", "the Kremlin", "Kyiv", "Donetsk", "the Russian president", "Emirati"]
    return (
        json.dumps([pt.to_dict(a) for a in gaz.actors], sort_keys=True),
        json.dumps([pt.to_dict(p) for p in gaz.places], sort_keys=True),
        [repr(gaz.lookup(p, on=REFERENCE)) for p in probes],
    )


def test_nothing_mutates_the_bundled_gazetteer() -> None:
    gaz = pt.Gazetteer.default()
    before = _gazetteer_state(gaz)
    for text in [*NASTY.values(), *ARTICLES]:
        run_everything(text)
    compare_everything(HOSTILE_ARTICLES)
    assert pt.Gazetteer.default() is gaz
    assert _gazetteer_state(gaz) == before


def test_nothing_mutates_its_inputs() -> None:
    statements = list(ARTICLE.statements) * 2
    demands = list(ARTICLE.demands)
    events = list(ARTICLE.events)
    places = {p.id: p for p in ARTICLE.places}
    actors = {a.id: a for a in ARTICLE.actors}
    dates = {d.id: d.date for d in demands if d.date is not None}
    snapshot = copy.deepcopy((statements, demands, events, places, actors, dates))
    pt.find_contradictions(statements)
    pt.position_gaps(demands, "RUS", "UKR", actors=actors)
    pt.common_ground(demands, "RUS", "UKR", actors=actors)
    pt.diff_demands(demands, demands[:1])
    pt.demand_history(demands, "RUS", dates=dates, actors=actors)
    pt.merge_events(events, places=places)
    pt.Collection([ARTICLE]).timeline()
    assert (statements, demands, events, places, actors, dates) == snapshot
    data = pt.to_dict(ARTICLE)
    kept = copy.deepcopy(data)
    pt.from_dict(pt.Article, data)
    assert data == kept


# ---------------------------------------------------------------------------------------------
# 6. Broken records: InvalidRecord naming the path, never anything else

BASE = [pt.to_dict(pt.parse(text, published=REFERENCE)) for text in ARTICLES]


def _paths(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, f"{path}[{index}]")


_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def _parent(root: Any, path: str) -> tuple[Any, Any]:
    steps = _STEP.findall(path)
    node = root
    for name, index in steps[:-1]:
        node = node[name] if name else node[int(index)]
    name, index = steps[-1]
    return node, (name if name else int(index))


def _up(path: str) -> str:
    """The path of the container holding ``path``."""
    last = list(_STEP.finditer(path))[-1]
    return path[: last.start()]


def _related(reported: str, mutated: str) -> bool:
    """The reported path names the mutated field, a field inside it, or the record holding it."""
    return reported == mutated or reported.startswith(mutated) or mutated.startswith(reported)


WRONG_JSON = [None, 0, -1, 1.5, True, "", "x", [], {}, [1, 2, 3], {"a": 1}, 10**30, "9" * 5000]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """A real article's dict with one field removed, retyped, added or nested deeply."""
    data = copy.deepcopy(draw(st.sampled_from(BASE)))
    path = draw(st.sampled_from([p for p, _ in _paths(data) if p != "$"]))
    parent, key = _parent(data, path)
    op = draw(st.sampled_from(["delete", "retype", "extra", "deep"]))
    if op == "delete":
        del parent[key]
    elif op == "retype":
        parent[key] = draw(st.sampled_from(WRONG_JSON).filter(lambda v: v != parent[key]))
    elif op == "extra":
        extra = draw(st.sampled_from(["extra", "Text", "spans", "_id"]))
        if isinstance(parent[key], dict):
            parent[key][extra] = 1
        elif isinstance(parent, list):
            parent.append({"unexpected": True})  # one item too many in the list holding it
            path = _up(path)
        else:
            parent[extra] = 1  # an unknown field beside this one
            path = _up(path)
    else:
        parent[key] = _nested(draw(st.sampled_from([50, 2_000, DEEP])), parent[key])
    return data, path, op


def _valid(data: dict[str, Any]) -> bool:
    try:
        pt.from_dict(pt.Article, data)
    except pt.InvalidRecord:
        return False
    return True


@given(mutations())
def test_a_broken_record_is_an_invalid_record_naming_its_path(
    case: tuple[dict[str, Any], str, str],
) -> None:
    data, path, op = case
    record, exc = _attempt(lambda: pt.from_dict(pt.Article, data), pt.InvalidRecord)
    if exc is None:
        # a few mutations leave a valid article: deleting a field that has a default, or an
        # empty list put where a list of records was
        assert isinstance(record, pt.Article)
        assert op in ("delete", "retype"), (op, path)
        return
    assert exc.path.startswith("$")
    assert exc.problems
    assert exc.path in str(exc)
    if op != "delete":
        assert _related(exc.path, path), (exc.path, path)


@pytest.mark.parametrize("index", range(len(BASE)))
def test_every_field_of_a_real_article_with_a_wrong_type(index: int) -> None:
    data = BASE[index]
    for path, value in list(_paths(data))[1:]:
        broken = copy.deepcopy(data)
        parent, key = _parent(broken, path)
        parent[key] = {"wrong": ["type"]} if not isinstance(value, dict) else [value]
        with pytest.raises(pt.InvalidRecord) as info:
            pt.from_dict(pt.Article, broken)
        assert _related(info.value.path, path), (info.value.path, path)


@pytest.mark.parametrize("index", range(len(BASE)))
def test_every_required_field_of_a_real_article_deleted(index: int) -> None:
    data = BASE[index]
    for path, _ in list(_paths(data))[1:]:
        broken = copy.deepcopy(data)
        parent, key = _parent(broken, path)
        del parent[key]
        _, exc = _attempt(functools.partial(pt.from_dict, pt.Article, broken), pt.InvalidRecord)
        if exc is not None:  # else the field has a default, or was one item of a list
            where = path.rsplit("[", 1)[0] if isinstance(key, int) else path
            assert _related(exc.path, where), (exc.path, path)


def test_truncated_json_is_an_invalid_record_at_every_cut() -> None:
    text = pt.to_json(pt.parse(ARTICLES[1], published=REFERENCE))
    for cut in range(0, len(text), max(1, len(text) // 400)):
        with pytest.raises(pt.InvalidRecord, match="not JSON") as info:
            pt.from_json(pt.Article, text[:cut])
        assert info.value.path == "$"


@pytest.mark.parametrize(
    "text",
    [b"\xff\xfe{}", b'{"text": "\xed\xa0\x80"}', "\ud800", '{"text": "\\ud800"}', "NaN", "1e999"],
)
def test_odd_json_text_is_an_invalid_record(text: str | bytes) -> None:
    with pytest.raises(pt.InvalidRecord):
        pt.from_json(pt.Article, text)


def test_extra_fields_are_named() -> None:
    data = copy.deepcopy(BASE[0])
    data["statements"][0]["speaker_name"] = "Peskov"
    with pytest.raises(pt.InvalidRecord, match=r"unknown fields \['speaker_name'\]") as info:
        pt.from_dict(pt.Article, data)
    assert info.value.path == "$.statements[0]"


# ---------------------------------------------------------------------------------------------
# 1c. The command line on hostile files


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "latin-1": "Peskov said “no” to Thérèse.".encode("latin-1", "replace"),
        "utf-16": "Peskov said talks resume.".encode("utf-16"),
        "nul": b"\x00" * 100,
        "bom-crlf": "\ufeffPeskov said on 11 April that talks resumed.\r\n".encode(),
        "huge-line": ("Peskov said talks would resume. " * 2_000).encode(),
        "surrogates": b"Peskov said \xed\xa0\x80 talks",
    }
    paths = {}
    for name, data in made.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        paths[name] = path
    paths["directory"] = tmp_path
    paths["missing"] = tmp_path / "missing.txt"
    return paths


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("missing", 3, "no such file"),
        ("directory", 3, "is a directory"),
        ("binary", 4, "not UTF-8 text"),
        ("latin-1", 4, "not UTF-8 text"),
        ("utf-16", 4, "not UTF-8 text"),
        ("surrogates", 4, "not UTF-8 text"),
    ],
)
def test_the_command_line_refuses_unreadable_files_in_one_line(
    files: dict[str, Path], name: str, code: int, message: str
) -> None:
    for command in ("parse", "html"):
        status, out, err = _cli(command, str(files[name]))
        assert status == code
        assert out == ""
        assert message in err
        assert err.count("\n") == 1
        assert "Traceback" not in err


@pytest.mark.parametrize("name", ["empty", "nul", "bom-crlf", "huge-line"])
def test_the_command_line_reads_odd_but_valid_files(files: dict[str, Path], name: str) -> None:
    text = files[name].read_bytes().decode("utf-8-sig")
    status, out, err = _cli("parse", str(files[name]), "--published", "2025-04-12")
    assert (status, err) == (0, "")
    data = json.loads(out)
    article = pt.from_dict(pt.Article, data)
    assert article.text == text
    check_article(text, article)
    if name != "huge-line":  # the other outputs of the same parse: once is enough for it
        for fmt in ("jsonl", "table"):
            assert _cli("parse", str(files[name]), "--format", fmt)[0] == 0
        assert _cli("html", str(files[name]))[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "x.txt", "--published", "2025-13-01"],
        ["parse", "x.txt", "--published", "\udcff"],
        ["parse", "x.txt", "--workers", "0"],
        ["parse", "x.txt", "--workers", "many"],
        ["parse", "x.txt", "--format", "xml"],
        ["bogus"],
        [],
        ["dates"],
        ["who"],
    ],
)
def test_the_command_line_reports_usage_errors_on_its_stderr(args: list[str]) -> None:
    status, _, err = _cli(*args)
    assert status == 2
    assert err.startswith("peacetalks") or "usage:" in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("text", ["", "\x00", "\udcff", "9" * 5_000, "“" * 1_000, NASTY["emoji"]])
def test_the_command_line_dates_and_who_take_hostile_arguments(text: str) -> None:
    # like grep: 0 when something was found, 1 when nothing was
    assert _cli("dates", text, "--reference", "2025-04-12")[0] in (0, 1)
    assert _cli("who", text)[0] in (0, 1)
