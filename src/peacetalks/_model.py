"""The records: frozen attrs classes that hold data only (no parsing, no I/O).

Validators reject impossible records with a ``ValueError`` (or ``TypeError`` for a value of the
wrong type) whose message names the field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import attrs
import regex

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
    Qualifier,
    TimeKind,
    Topic,
)

__all__ = [
    "Actor",
    "Article",
    "DateMention",
    "Demand",
    "Event",
    "Figure",
    "Mention",
    "Place",
    "Role",
    "Span",
    "Statement",
    "TimePoint",
]

# A TIMEX3 value: a reference word, a duration, or a (possibly underspecified) calendar value
# with an optional time of day. Every part is bounded, so matching is linear.
_TIMEX3 = regex.compile(
    r"""
    (?: PRESENT_REF | PAST_REF | FUTURE_REF
    | P (?=[0-9XT]) (?: [0-9X]{1,12}(?:\.[0-9]{1,6})? (?:CE|DE|ML|[YMWDQ]) ){0,6}
        (?: T (?: [0-9X]{1,12}(?:\.[0-9]{1,6})? [HMS] ){1,3} )?
    | (?: [0-9X]{4}
          (?: -(?: [0-9X]{2}(?:-[0-9X]{2})?
                 | W[0-9X]{2}(?:-(?:[1-7X]|WE))?
                 | SP|SU|FA|WI | Q[1-4X] | H[12X] ) )?
        | [0-9X]{2,3} )?
      (?: T (?: [0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2}(?:\.[0-9]{1,6})?)?)? | MO|AF|EV|NI|DT )
          (?: Z | [+-][0-9]{2}(?::?[0-9]{2})? )? )?
    )
    """,
    regex.VERBOSE,
)
_COUNTRY = regex.compile(r"[A-Z]{3}")
_WIKIDATA = regex.compile(r"Q[1-9][0-9]{0,11}")


# ---------------------------------------------------------------------------------------------
# Converters and validators (module-level, typed, so mypy's attrs plugin can see them)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of strings, got the string {values!r}")
    return tuple(values)


def _topics(values: Iterable[str]) -> tuple[Topic, ...]:
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of topics, got the string {values!r}")
    return tuple(Topic(v) for v in values)


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


def _figures(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


def _granularity(value: object) -> Granularity | None:
    return None if value is None else Granularity(value)


def _polarity(value: object) -> Polarity | None:
    return None if value is None else Polarity(value)


def _qualifier(value: object) -> Qualifier | None:
    return None if value is None else Qualifier(value)


def _is_int(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")


def _non_negative(inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _is_str(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")


def _is_bool(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a bool, got {type(value).__name__}")


def _non_empty(inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    _is_str(inst, attribute, value)
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _opt_non_empty(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _non_empty(inst, attribute, value)


def _opt_str(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _is_str(inst, attribute, value)


def _each_non_empty(inst: object, attribute: attrs.Attribute[Any], values: tuple[str, ...]) -> None:
    for value in values:
        _non_empty(inst, attribute, value)


def _date_only(value: object, name: str) -> None:
    # datetime is a subclass of date; a datetime here is almost always a caller's mistake
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{name} must be a datetime.date, got {type(value).__name__}")


def _opt_date(inst: object, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    if value is not None:
        _date_only(value, attribute.name)


def _country(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _COUNTRY.fullmatch(value)):
        raise ValueError(
            f"{attribute.name} must be an ISO 3166-1 alpha-3 code such as 'UKR', got {value!r}"
        )


def _wikidata(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _WIKIDATA.fullmatch(value)):
        raise ValueError(f"{attribute.name} must be a Wikidata id such as 'Q212', got {value!r}")


def _confidence(inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{attribute.name} must be a float, got {type(value).__name__}")
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must lie between 0 and 1, got {value}")


def _timex(inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    _non_empty(inst, attribute, value)
    if not _TIMEX3.fullmatch(value):
        raise ValueError(f"{attribute.name} is not a TIMEX3 value: {value!r}")


def _unique_figures(
    inst: object, attribute: attrs.Attribute[Any], values: tuple[Figure, ...]
) -> None:
    seen: set[FigureKind] = set()
    for figure in values:
        if not isinstance(figure, Figure):
            raise TypeError(
                f"{attribute.name} must hold Figure records, got {type(figure).__name__}"
            )
        if figure.kind in seen:
            raise ValueError(f"{attribute.name} holds two figures of kind {figure.kind.value!r}")
        seen.add(figure.kind)


# ---------------------------------------------------------------------------------------------
# Records


@attrs.frozen
class Span:
    """A ``[start, end)`` range of Python string indices into the text that was parsed.

    >>> text = "Lavrov said talks would resume."
    >>> span = Span(0, 6)
    >>> span.of(text)
    'Lavrov'
    >>> len(span), Span(3, 9).overlaps(span)
    (6, True)
    """

    start: int = attrs.field(validator=[_is_int, _non_negative])
    end: int = attrs.field(validator=[_is_int, _non_negative])

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} lies before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str, /) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span, /) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span, /) -> bool:
        """Whether the two spans share at least one character."""
        return max(self.start, other.start) < min(self.end, other.end)


@attrs.frozen(kw_only=True)
class TimePoint:
    """A normalized time expression: its TIMEX3 ``value`` and the interval it covers.

    ``earliest`` and ``latest`` bound the days the expression can mean (either may be ``None``
    when open or unknown), so points of different granularity can be compared.

    >>> import datetime as dt
    >>> april = TimePoint(value="2025-04", kind="date", granularity="month",
    ...                   earliest=dt.date(2025, 4, 1), latest=dt.date(2025, 4, 30))
    >>> day = TimePoint(value="2025-04-11", kind="date", granularity="day",
    ...                 earliest=dt.date(2025, 4, 11), latest=dt.date(2025, 4, 11))
    >>> april.overlaps(day), day.precedes(april)
    (True, False)
    """

    value: str = attrs.field(validator=_timex)
    kind: TimeKind = attrs.field(converter=TimeKind)
    granularity: Granularity | None = attrs.field(default=None, converter=_granularity)
    earliest: dt.date | None = attrs.field(default=None, validator=_opt_date)
    latest: dt.date | None = attrs.field(default=None, validator=_opt_date)
    modifier: Modifier = attrs.field(default=Modifier.NONE, converter=Modifier)
    reference: dt.date | None = attrs.field(default=None, validator=_opt_date)

    def __attrs_post_init__(self) -> None:
        if self.earliest is not None and self.latest is not None and self.latest < self.earliest:
            raise ValueError(f"latest {self.latest} lies before earliest {self.earliest}")

    @property
    def is_resolved(self) -> bool:
        """Whether the value names a calendar position with no unknown (``X``) digit."""
        return (
            self.kind in (TimeKind.DATE, TimeKind.TIME)
            and "X" not in self.value
            and not (self.value.endswith("_REF"))
        )

    def overlaps(self, other: TimePoint, /) -> bool:
        """Whether the two intervals can share a day (an open or unknown edge never excludes)."""
        if self.latest is not None and other.earliest is not None and self.latest < other.earliest:
            return False
        return not (
            other.latest is not None and self.earliest is not None and other.latest < self.earliest
        )

    def precedes(self, other: TimePoint, /) -> bool:
        """Whether this interval ends before the other begins (both edges known)."""
        return (
            self.latest is not None and other.earliest is not None and self.latest < other.earliest
        )

    def follows(self, other: TimePoint, /) -> bool:
        """Whether this interval begins after the other ends (both edges known)."""
        return other.precedes(self)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """A key that orders points by their interval; unknown edges sort last."""
        return (self.earliest or dt.date.max, self.latest or dt.date.max, self.value)


@attrs.frozen
class Role:
    """An office an actor held: a title in an organization between two dates (``None`` = open).

    >>> import datetime as dt
    >>> role = Role("Foreign Minister", "gov:rus-foreign-ministry", dt.date(2004, 3, 9))
    >>> role.active_on(dt.date(2025, 4, 12))
    True
    """

    title: str = attrs.field(validator=_non_empty)
    organization: str | None = attrs.field(default=None, validator=_opt_non_empty)
    start: dt.date | None = attrs.field(default=None, validator=_opt_date)
    end: dt.date | None = attrs.field(default=None, validator=_opt_date)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(
                f"role {self.title!r} ends ({self.end}) before it starts ({self.start})"
            )

    def active_on(self, day: dt.date, /) -> bool:
        """Whether the role was held on ``day`` (the end date is exclusive)."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day < self.end


@attrs.frozen(kw_only=True)
class Actor:
    """A party that speaks or acts: a person, state, government body, organization, group.

    ``country`` is an ISO 3166-1 alpha-3 code (a state's country is itself). ``provisional``
    actors were found in the text but are in no gazetteer; their ``id`` is stable across articles.

    >>> Actor(id="person:sergey-lavrov", name="Sergey Lavrov", kind="person", country="RUS")
    Actor(id='person:sergey-lavrov', name='Sergey Lavrov', kind=ActorKind.PERSON, country='RUS', ...)
    """

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind = attrs.field(converter=ActorKind)
    country: str | None = attrs.field(default=None, validator=_country)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_each_non_empty)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)
    provisional: bool = attrs.field(default=False, validator=_is_bool)
    wikidata: str | None = attrs.field(default=None, validator=_wikidata)

    def roles_on(self, day: dt.date, /) -> tuple[Role, ...]:
        """The roles this actor held on ``day``."""
        return tuple(role for role in self.roles if role.active_on(day))


@attrs.frozen(kw_only=True)
class Place:
    """A place: a country, region, city, sea or other site.

    ``code`` is the ISO 3166 code where one exists (``UKR``, ``UA-14``); ``country`` the ISO
    3166-1 alpha-3 code of the country it lies in.

    >>> Place(id="place:ua-donetsk-oblast", name="Donetsk Oblast", kind="region",
    ...       code="UA-14", country="UKR").kind
    PlaceKind.REGION
    """

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: PlaceKind = attrs.field(converter=PlaceKind)
    code: str | None = attrs.field(default=None, validator=_opt_non_empty)
    country: str | None = attrs.field(default=None, validator=_country)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_each_non_empty)


@attrs.frozen
class Figure:
    """A number an event or statement states, with how exact the text says it is.

    >>> Figure("killed", 8, "at-least")
    Figure(kind=FigureKind.KILLED, value=8, qualifier=Qualifier.AT_LEAST)
    """

    kind: FigureKind = attrs.field(converter=FigureKind)
    value: int = attrs.field(validator=[_is_int, _non_negative])
    qualifier: Qualifier | None = attrs.field(default=None, converter=_qualifier)


@attrs.frozen(kw_only=True)
class Mention:
    """One place in the text that names an actor or a place, and how it was resolved."""

    span: Span
    text: str = attrs.field(validator=_is_str)
    kind: MentionKind = attrs.field(converter=MentionKind)
    ref: str = attrs.field(validator=_non_empty)
    rule: MentionRule = attrs.field(default=MentionRule.NAME, converter=MentionRule)


@attrs.frozen(kw_only=True)
class DateMention:
    """A time expression found in the text: its span and its normalized ``TimePoint``.

    In ``to_dict`` output the point's fields sit beside ``span`` and ``text``.
    """

    span: Span
    text: str = attrs.field(validator=_is_str)
    time: TimePoint

    @property
    def value(self) -> str:
        """The TIMEX3 value of the expression."""
        return self.time.value


@attrs.frozen(kw_only=True)
class Statement:
    """Something an actor said, quoted or reported.

    ``span`` and ``text`` cover what was said (the quote or the reported content). ``speaker``,
    ``channel`` and ``addressee`` are actor ids; ``side`` is the speaker's country (ISO alpha-3).
    ``inferred`` marks a speaker found through a pronoun or a continuing quote. ``topics``,
    ``polarity``, ``negated``, ``objects`` and ``figures`` summarize the content so that
    statements can be compared without the article's text.
    """

    id: str = attrs.field(validator=_non_empty)
    span: Span
    text: str = attrs.field(validator=_is_str)
    speaker: str | None = attrs.field(default=None, validator=_opt_non_empty)
    side: str | None = attrs.field(default=None, validator=_country)
    quote: bool = attrs.field(default=False, validator=_is_bool)
    cue: str | None = attrs.field(default=None, validator=_opt_non_empty)
    channel: str | None = attrs.field(default=None, validator=_opt_non_empty)
    addressee: str | None = attrs.field(default=None, validator=_opt_non_empty)
    date: TimePoint | None = None
    inferred: bool = attrs.field(default=False, validator=_is_bool)
    confidence: float = attrs.field(default=1.0, validator=_confidence)
    speaker_span: Span | None = None
    topics: tuple[Topic, ...] = attrs.field(default=(), converter=_topics)
    polarity: Polarity | None = attrs.field(default=None, converter=_polarity)
    negated: bool = attrs.field(default=False, validator=_is_bool)
    objects: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_each_non_empty)
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=_figures, validator=_unique_figures
    )


@attrs.frozen(kw_only=True)
class Demand:
    """What a side demands, rejects, accepts or disowns, of whom, about what.

    ``holder`` and ``target`` are actor ids, ``side`` the holder's country. ``objects`` are the
    place or actor ids the demand is about; ``condition`` is the id of another demand this one
    depends on; ``statement`` the id of the statement it came from, if any.
    """

    id: str = attrs.field(validator=_non_empty)
    holder: str = attrs.field(validator=_non_empty)
    topic: Topic = attrs.field(converter=Topic)
    polarity: Polarity = attrs.field(converter=Polarity)
    span: Span
    text: str = attrs.field(validator=_is_str)
    side: str | None = attrs.field(default=None, validator=_country)
    target: str | None = attrs.field(default=None, validator=_opt_non_empty)
    objects: tuple[str, ...] = attrs.field(default=(), converter=_strs, validator=_each_non_empty)
    condition: str | None = attrs.field(default=None, validator=_opt_non_empty)
    date: TimePoint | None = None
    statement: str | None = attrs.field(default=None, validator=_opt_non_empty)
    modality: Modality = attrs.field(default=Modality.ASSERTED, converter=Modality)
    confidence: float = attrs.field(default=1.0, validator=_confidence)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened or is planned: talks, a ceasefire, an exchange, a strike, ...

    ``location`` is a place id, ``participants`` actor ids; ``same_as`` is the id of an
    earlier event in the same article that this mention refers to again.
    """

    id: str = attrs.field(validator=_non_empty)
    type: EventType = attrs.field(converter=EventType)
    span: Span
    text: str = attrs.field(validator=_is_str)
    status: EventStatus = attrs.field(default=EventStatus.OCCURRED, converter=EventStatus)
    date: TimePoint | None = None
    location: str | None = attrs.field(default=None, validator=_opt_non_empty)
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_strs, validator=_each_non_empty
    )
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=_figures, validator=_unique_figures
    )
    same_as: str | None = attrs.field(default=None, validator=_opt_non_empty)
    confidence: float = attrs.field(default=1.0, validator=_confidence)

    def figure(self, kind: FigureKind | str, /) -> int | None:
        """The value of the figure of ``kind``, or ``None`` when the event states none.

        >>> event = Event(id="e1", type="attack", span=Span(0, 6), text="strike",
        ...               figures=[Figure("killed", 8, "at-least")])
        >>> event.figure("killed"), event.figure("injured")
        (8, None)
        """
        wanted = FigureKind(kind)
        return next((f.value for f in self.figures if f.kind is wanted), None)


def _article_items(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Article:
    """One parsed article: its text, metadata and every record found in it.

    Every span indexes ``text`` exactly; a validator checks that each lies inside the text and
    that each record's ``text`` is what its span covers.
    """

    text: str = attrs.field(
        validator=_is_str, repr=lambda t: repr(t if len(t) <= 40 else t[:37] + "...")
    )
    published: dt.date | None = attrs.field(default=None, validator=_opt_date)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    outlet: str | None = attrs.field(default=None, validator=_opt_non_empty)
    dateline: str | None = attrs.field(default=None, validator=_opt_str)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_article_items)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_article_items)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_article_items)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_article_items)
    demands: tuple[Demand, ...] = attrs.field(default=(), converter=_article_items)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_article_items)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_article_items)
    furniture: tuple[Span, ...] = attrs.field(default=(), converter=_article_items)

    def __attrs_post_init__(self) -> None:
        size = len(self.text)
        groups: tuple[tuple[str, type, tuple[Any, ...]], ...] = (
            ("actors", Actor, self.actors),
            ("places", Place, self.places),
            ("furniture", Span, self.furniture),
            ("mentions", Mention, self.mentions),
            ("statements", Statement, self.statements),
            ("demands", Demand, self.demands),
            ("events", Event, self.events),
            ("dates", DateMention, self.dates),
        )
        for name, kind, items in groups:
            for index, item in enumerate(items):
                if not isinstance(item, kind):
                    raise TypeError(
                        f"{name}[{index}] must be a {kind.__name__}, got {type(item).__name__}"
                    )
        for name, _, items in groups[3:]:
            for index, item in enumerate(items):
                span: Span = item.span
                if span.end > size:
                    raise ValueError(
                        f"{name}[{index}].span {span.start}-{span.end} lies outside the text ({size} characters)"
                    )
                if item.text != self.text[span.start : span.end]:
                    raise ValueError(f"{name}[{index}].text is not the text its span covers")
        for index, span in enumerate(self.furniture):
            if span.end > size:
                raise ValueError(
                    f"furniture[{index}] {span.start}-{span.end} lies outside the text ({size} characters)"
                )
        for name, records in (("actors", self.actors), ("places", self.places)):
            ids = [record.id for record in records]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} holds the same id twice")

    def _repr_html_(self) -> str:
        """The article as highlighted HTML, for notebooks (see ``peacetalks.to_html``)."""
        from peacetalks._html import to_html

        return to_html(self, full_page=False)

    def actor(self, actor_id: str, /) -> Actor | None:
        """The actor with ``actor_id`` among this article's actors, or ``None``."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str, /) -> Place | None:
        """The place with ``place_id`` among this article's places, or ``None``."""
        return next((p for p in self.places if p.id == place_id), None)
