"""JSON in and out: one private cattrs converter, never the global one.

The layout is documented in docs/json.md and described by the JSON Schema shipped as
``peacetalks/data/article.schema.json``. Dates are ISO strings, vocabulary values their words,
spans ``[start, end]`` pairs, figures ``{"killed": 8}`` maps with their qualifiers beside them.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from peacetalks._errors import InvalidRecord
from peacetalks._gazetteer import Candidate, Hit, Lookup
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
    Span,
    Statement,
    TimePoint,
)
from peacetalks._names import NormalizedName
from peacetalks._vocab import FigureKind, MentionRule, PlaceKind, _Word

__all__ = ["SCHEMA", "article_schema", "from_dict", "from_json", "to_dict", "to_json"]

SCHEMA = "peacetalks/1"
"""The schema version written on every article (``"schema": "peacetalks/1"``)."""

RECORDS: tuple[type, ...] = (
    Span,
    TimePoint,
    Role,
    Actor,
    Place,
    Figure,
    Mention,
    DateMention,
    Statement,
    Demand,
    Event,
    Article,
    NormalizedName,
    Candidate,
    Hit,
    Lookup,
)

T = TypeVar("T")

_converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    if len(value) != 10:
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {value!r}")
    return dt.date.fromisoformat(value)


def _unstructure_span(span: Span) -> list[int]:
    return [span.start, span.end]


def _structure_span(value: Any, _: type) -> Span:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise TypeError(f"expected a span [start, end], got {value!r}"[:120])
    return Span(value[0], value[1])


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_float(value: Any, _: type) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _unstructure_word(value: enum.Enum) -> Any:
    return value.value


def _structure_word(value: Any, cls: type[_Word]) -> _Word:
    if not isinstance(value, str):
        raise TypeError(f"expected one of the words of {cls.__name__}, got {type(value).__name__}")
    try:
        return cls(value)
    except ValueError:
        words = ", ".join(member.value for member in cls)
        raise ValueError(f"{value!r} is not a {cls.__name__} (one of: {words})") from None


# vocabulary members are str subclasses; without these hooks the str hooks would claim them
_converter.register_unstructure_hook(_Word, _unstructure_word)
_converter.register_structure_hook(_Word, _structure_word)


def _is_homogeneous_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple and typing.get_args(cls)[1:] == (Ellipsis,)


def _tuple_hook(cls: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    item = typing.get_args(cls)[0]

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        # cattrs would happily read the string "abc" as the list ["a", "b", "c"]
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return tuple(_converter.structure(value, list[item]))  # type: ignore[valid-type]

    return structure


_converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
_converter.register_unstructure_hook(dt.date, _unstructure_date)
_converter.register_structure_hook(dt.date, _structure_date)
_converter.register_unstructure_hook(Span, _unstructure_span)
_converter.register_structure_hook(Span, _structure_span)
_converter.register_structure_hook(str, _structure_str)
_converter.register_structure_hook(int, _structure_int)
_converter.register_structure_hook(float, _structure_float)
_converter.register_structure_hook(bool, _structure_bool)


def _figure_hooks(cls: type[T]) -> None:
    """Write ``figures`` as ``{"killed": 8}`` and ``qualifiers`` as ``{"killed": "at-least"}``."""
    base_out = make_dict_unstructure_fn(cls, _converter, figures=override(omit=True))
    base_in = make_dict_structure_fn(
        cls, _converter, figures=override(omit=True), _cattrs_forbid_extra_keys=True
    )

    def unstructure(record: T) -> dict[str, Any]:
        out: dict[str, Any] = base_out(record)
        figures: tuple[Figure, ...] = getattr(record, "figures")  # noqa: B009 - generic over classes
        out["figures"] = {f.kind.value: f.value for f in figures}
        out["qualifiers"] = {f.kind.value: f.qualifier.value for f in figures if f.qualifier}
        return out

    def structure(data: Any, _: type) -> T:
        if not isinstance(data, Mapping):
            raise TypeError(f"expected an object, got {type(data).__name__}")
        rest = dict(data)
        raw_figures = rest.pop("figures", {})
        raw_qualifiers = rest.pop("qualifiers", {})
        if not isinstance(raw_figures, Mapping) or not isinstance(raw_qualifiers, Mapping):
            raise TypeError("figures and qualifiers must be objects")
        unknown = set(raw_qualifiers) - set(raw_figures)
        if unknown:
            raise ValueError(f"qualifiers for figures that are not there: {sorted(unknown)}")
        try:
            figures = [
                Figure(FigureKind(kind), _structure_int(value, int), raw_qualifiers.get(kind))
                for kind, value in raw_figures.items()
            ]
        except (TypeError, ValueError) as exc:
            raise ValueError(f"bad figures: {exc}") from exc
        record = base_in(rest, cls)
        return attrs.evolve(record, figures=tuple(figures))  # type: ignore[misc]

    _converter.register_unstructure_hook(cls, unstructure)
    _converter.register_structure_hook(cls, structure)


_figure_hooks(Statement)
_figure_hooks(Event)

_timepoint_out = make_dict_unstructure_fn(TimePoint, _converter)
_timepoint_in = make_dict_structure_fn(TimePoint, _converter, _cattrs_forbid_extra_keys=True)
_TIMEPOINT_KEYS = frozenset(f.name for f in TimePoint.__attrs_attrs__)


def _unstructure_date_mention(mention: DateMention) -> dict[str, Any]:
    return {
        "span": _unstructure_span(mention.span),
        "text": mention.text,
        **_timepoint_out(mention.time),
    }


def _structure_date_mention(data: Any, _: type) -> DateMention:
    if not isinstance(data, Mapping):
        raise TypeError(f"expected an object, got {type(data).__name__}")
    extra = set(data) - _TIMEPOINT_KEYS - {"span", "text"}
    if extra:
        raise ValueError(f"unknown keys {sorted(extra)}")
    for key in ("span", "text"):
        if key not in data:
            raise KeyError(key)
    time = _timepoint_in({k: v for k, v in data.items() if k in _TIMEPOINT_KEYS}, TimePoint)
    return DateMention(
        span=_structure_span(data["span"], Span), text=_structure_str(data["text"], str), time=time
    )


_converter.register_unstructure_hook(DateMention, _unstructure_date_mention)
_converter.register_structure_hook(DateMention, _structure_date_mention)

_article_out = make_dict_unstructure_fn(Article, _converter)
_article_in = make_dict_structure_fn(Article, _converter, _cattrs_forbid_extra_keys=True)


def _unstructure_article(article: Article) -> dict[str, Any]:
    return {"schema": SCHEMA, **_article_out(article)}


def _structure_article(data: Any, _: type) -> Article:
    if not isinstance(data, Mapping):
        raise TypeError(f"expected an object, got {type(data).__name__}")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise ValueError(f"schema must be {SCHEMA!r}, got {schema!r}")
    return _article_in({k: v for k, v in data.items() if k != "schema"}, Article)


_converter.register_unstructure_hook(Article, _unstructure_article)
_converter.register_structure_hook(Article, _structure_article)


_PLACE_KINDS = frozenset(kind.value for kind in PlaceKind)


def _structure_candidate(data: Any, _: type) -> Candidate:
    """A candidate's record is a place when its ``kind`` is a place's kind, else an actor."""
    if not isinstance(data, Mapping):
        raise TypeError(f"expected an object, got {type(data).__name__}")
    extra = set(data) - {"record", "rule"}
    if extra:
        raise ValueError(f"unknown keys {sorted(extra)}")
    record = data["record"]
    if not isinstance(record, Mapping):
        raise TypeError(f"expected a record object, got {type(record).__name__}")
    cls: type[Actor | Place] = Place if record.get("kind") in _PLACE_KINDS else Actor
    return Candidate(_converter.structure(record, cls), _structure_word(data["rule"], MentionRule))


_converter.register_structure_hook(Candidate, _structure_candidate)


def _check_record_type(cls: type, caller: str) -> None:
    if cls not in RECORDS:
        names = ", ".join(t.__name__ for t in RECORDS)
        raise TypeError(f"{caller} works on peacetalks records ({names}), not {cls!r}")


def to_dict(record: Any, /) -> Any:
    """A JSON-ready form of a record: plain dicts, lists, strings, numbers and ``None``.

    >>> import peacetalks
    >>> peacetalks.to_dict(peacetalks.Figure("killed", 8, "at-least"))
    {'kind': 'killed', 'value': 8, 'qualifier': 'at-least'}
    >>> peacetalks.to_dict(peacetalks.Span(4, 9))
    [4, 9]
    """
    _check_record_type(type(record), "to_dict")
    return _converter.unstructure(record)


def from_dict(cls: type[T], data: Any, /) -> T:
    """The record of type ``cls`` that ``data`` (as made by :func:`to_dict`) describes.

    Raises :class:`InvalidRecord`, naming the path of the first bad field, when ``data`` does
    not describe a valid record (a missing, mistyped, impossible or unknown field).

    >>> import peacetalks
    >>> peacetalks.from_dict(peacetalks.Figure, {"kind": "killed", "value": 8, "qualifier": None})
    Figure(kind=FigureKind.KILLED, value=8, qualifier=None)
    >>> peacetalks.from_dict(peacetalks.Figure, {"kind": "killed", "value": -1, "qualifier": None})
    Traceback (most recent call last):
    ...
    peacetalks._errors.InvalidRecord: invalid Figure: value must be >= 0, got -1 @ $
    """
    _check_record_type(cls, "from_dict")
    try:
        return _converter.structure(data, cls)
    except Exception as exc:  # cattrs wraps every failure; turn each into one library error
        problems = _problems(exc)
        first = problems[0]
        message, _, path = first.rpartition(" @ ")
        if not message:
            message, path = first, "$"
        raise InvalidRecord(
            f"invalid {cls.__name__}: {message} @ {path}", path=path, problems=problems
        ) from exc


def _problems(exc: BaseException) -> tuple[str, ...]:
    if isinstance(exc, cattrs.BaseValidationError):
        found = cattrs.transform_error(exc, format_exception=_format_exception)
        return tuple(found) or (str(exc),)
    return (f"{_format_exception(exc, None)} @ $",)


def _format_exception(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, KeyError):
        return (
            f"required field {exc.args[0]!r} is missing"
            if exc.args
            else "a required field is missing"
        )
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown fields {sorted(exc.extra_fields)}"
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def to_json(record: Any, /, *, indent: int | None = None) -> str:
    """The record as JSON text; the same record always gives the same text.

    >>> import peacetalks
    >>> peacetalks.to_json(peacetalks.Span(4, 9))
    '[4,9]'
    """
    if indent is not None and (not isinstance(indent, int) or isinstance(indent, bool)):
        raise TypeError(f"indent must be an int or None, got {type(indent).__name__}")
    if indent is not None and indent < 0:
        raise ValueError(f"indent must be >= 0, got {indent}")
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent, separators=separators)


def from_json(cls: type[T], text: str | bytes, /) -> T:
    """The record of type ``cls`` that the JSON ``text`` describes (the inverse of :func:`to_json`).

    Raises :class:`InvalidRecord` when the text is not JSON or not a valid record.

    >>> import peacetalks
    >>> peacetalks.from_json(peacetalks.Span, "[4, 9]")
    Span(start=4, end=9)
    """
    _check_record_type(cls, "from_json")
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"from_json expects JSON text (str or bytes), got {type(text).__name__}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and bad UTF-8 are ValueErrors
        detail = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
        raise InvalidRecord(f"invalid {cls.__name__}: not JSON ({detail})", path="$") from exc
    return from_dict(cls, data)


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``to_dict(article)`` output satisfies.

    A fresh dict on each call, read from the package's ``data/article.schema.json``.

    >>> import peacetalks
    >>> peacetalks.article_schema()["properties"]["schema"]
    {'const': 'peacetalks/1'}
    """
    text = (
        resources.files("peacetalks")
        .joinpath("data/article.schema.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema
