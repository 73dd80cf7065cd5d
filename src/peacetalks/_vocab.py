"""The closed vocabularies of peacetalks (see docs/records.md and the taxonomy).

Every member's value is the lower-case word used in ``to_dict()`` output. Members are also
``str`` instances, so ``Topic.TERRITORY == "territory"`` holds and records accept plain words.
"""

from __future__ import annotations

import enum

__all__ = [
    "ActorKind",
    "EventStatus",
    "EventType",
    "FigureKind",
    "Granularity",
    "MentionKind",
    "MentionRule",
    "Modality",
    "Modifier",
    "PlaceKind",
    "Polarity",
    "Qualifier",
    "TimeKind",
    "Topic",
]


class _Word(str, enum.Enum):
    """A vocabulary word: prints as its value, compares equal to its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class Topic(_Word):
    """What a demand is about (``Demand.topic``).

    >>> Topic("security-guarantees")
    Topic.SECURITY_GUARANTEES
    >>> str(Topic.TERRITORY)
    'territory'
    """

    TERRITORY = "territory"
    RECOGNITION = "recognition"
    CEASEFIRE = "ceasefire"
    SANCTIONS = "sanctions"
    PRISONERS = "prisoners"
    SECURITY_GUARANTEES = "security-guarantees"
    NEUTRALITY = "neutrality"
    DEMILITARIZATION = "demilitarization"
    MILITARY_AID = "military-aid"
    POLITICAL_CHANGE = "political-change"
    RIGHTS = "rights"
    HUMANITARIAN = "humanitarian"
    ACCOUNTABILITY = "accountability"
    ECONOMIC = "economic"
    NEGOTIATION = "negotiation"
    MONITORING = "monitoring"
    CONCESSIONS = "concessions"


class Polarity(_Word):
    """The holder's stance on a topic (``Demand.polarity``).

    ``demand``: asks for it; ``reject``: refuses it; ``accept``: agrees to it;
    ``disavow``: says it is not asking for it.
    """

    DEMAND = "demand"
    REJECT = "reject"
    ACCEPT = "accept"
    DISAVOW = "disavow"


class Modality(_Word):
    """How a demand is reported: stated, reported as unchanged or dropped, or only hypothetical."""

    ASSERTED = "asserted"
    UNCHANGED = "unchanged"
    DROPPED = "dropped"
    HYPOTHETICAL = "hypothetical"


class EventType(_Word):
    """What happened or is planned (``Event.type``)."""

    TALKS = "talks"
    PROPOSAL = "proposal"
    AGREEMENT = "agreement"
    CEASEFIRE = "ceasefire"
    CEASEFIRE_VIOLATION = "ceasefire-violation"
    PRISONER_EXCHANGE = "prisoner-exchange"
    ATTACK = "attack"
    INVASION = "invasion"
    ANNEXATION = "annexation"
    OCCUPATION = "occupation"
    SANCTIONS = "sanctions"
    AID = "aid"
    THREAT = "threat"


class EventStatus(_Word):
    """Whether an event happened, is scheduled, proposed, expected, called off or denied."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    PROPOSED = "proposed"
    EXPECTED = "expected"
    CANCELLED = "cancelled"
    DENIED = "denied"


class FigureKind(_Word):
    """What a number in an event counts (``Figure.kind``)."""

    KILLED = "killed"
    INJURED = "injured"
    PRISONERS = "prisoners"
    BODIES = "bodies"
    CIVILIANS = "civilians"
    HOSTAGES = "hostages"
    DISPLACED = "displaced"
    MISSING = "missing"


class Qualifier(_Word):
    """How exact a figure is, as the text says it ("at least eight", "more than seventy")."""

    AT_LEAST = "at-least"
    MORE_THAN = "more-than"
    AT_MOST = "at-most"
    FEWER_THAN = "fewer-than"
    ABOUT = "about"
    NEARLY = "nearly"
    UP_TO = "up-to"


class ActorKind(_Word):
    """What sort of actor an ``Actor`` is."""

    PERSON = "person"
    STATE = "state"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed-group"
    MEDIA = "media"
    GROUP = "group"


class PlaceKind(_Word):
    """What sort of place a ``Place`` is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    SEA = "sea"
    OTHER = "other"


class TimeKind(_Word):
    """The TIMEX3 type of a time expression."""

    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    SET = "set"


class Granularity(_Word):
    """The unit a time expression is stated in, from a second to a century."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part-of-day"
    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Modifier(_Word):
    """A TIMEX3 modifier: ``late March`` is March with ``end``, ``nearly 100 days`` ``approximate``."""

    NONE = "none"
    APPROXIMATE = "approximate"
    START = "start"
    MID = "mid"
    END = "end"
    BEFORE = "before"
    AFTER = "after"
    ON_OR_BEFORE = "on-or-before"
    ON_OR_AFTER = "on-or-after"
    LESS_THAN = "less-than"
    MORE_THAN = "more-than"
    EQUAL_OR_LESS = "equal-or-less"
    EQUAL_OR_MORE = "equal-or-more"


class MentionKind(_Word):
    """Whether a mention names an actor or a place."""

    ACTOR = "actor"
    PLACE = "place"


class MentionRule(_Word):
    """How a mention was tied to its actor or place, so a reader can judge it."""

    NAME = "name"
    ALIAS = "alias"
    ROLE = "role"
    DEMONYM = "demonym"
    METONYM = "metonym"
    PRONOUN = "pronoun"
    COREFERENCE = "coreference"
    PROVISIONAL = "provisional"
