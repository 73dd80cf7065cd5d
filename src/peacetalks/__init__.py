"""peacetalks: read news about peace negotiations into typed records, and compare them.

The public names are re-exported here; the implementation lives in private modules.
"""

from peacetalks._codes import cameo_code, pax_codes, to_plover
from peacetalks._corpus import parse_many
from peacetalks._dates import DayOrder, find_dates, normalize_date
from peacetalks._errors import InvalidDate, InvalidName, InvalidRecord, PeacetalksError
from peacetalks._gazetteer import (
    Candidate,
    Gazetteer,
    Hit,
    Lookup,
    provisional_actor,
    resolve_actor,
    resolve_place,
    same_actor,
)
from peacetalks._html import to_html
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
from peacetalks._names import NormalizedName, is_normalized_name, normalize_name
from peacetalks._parse import DEFAULT_MAX_CHARS, TextTooLong, parse
from peacetalks._serde import SCHEMA, article_schema, from_dict, from_json, to_dict, to_json
from peacetalks._version import __version__
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
    "DEFAULT_MAX_CHARS",
    "SCHEMA",
    "Actor",
    "ActorKind",
    "Article",
    "Candidate",
    "DateMention",
    "DayOrder",
    "Demand",
    "Event",
    "EventStatus",
    "EventType",
    "Figure",
    "FigureKind",
    "Gazetteer",
    "Granularity",
    "Hit",
    "InvalidDate",
    "InvalidName",
    "InvalidRecord",
    "Lookup",
    "Mention",
    "MentionKind",
    "MentionRule",
    "Modality",
    "Modifier",
    "NormalizedName",
    "PeacetalksError",
    "Place",
    "PlaceKind",
    "Polarity",
    "Qualifier",
    "Role",
    "Span",
    "Statement",
    "TextTooLong",
    "TimeKind",
    "TimePoint",
    "Topic",
    "__version__",
    "article_schema",
    "cameo_code",
    "find_dates",
    "from_dict",
    "from_json",
    "is_normalized_name",
    "normalize_date",
    "normalize_name",
    "parse",
    "parse_many",
    "pax_codes",
    "provisional_actor",
    "resolve_actor",
    "resolve_place",
    "same_actor",
    "to_dict",
    "to_html",
    "to_json",
    "to_plover",
]
