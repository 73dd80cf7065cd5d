"""peacetalks: read news about peace negotiations into typed records, and compare them.

The public names are re-exported here; the implementation lives in private modules.
"""

from peacetalks._errors import InvalidDate, InvalidRecord, PeacetalksError
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
    "SCHEMA",
    "Actor",
    "ActorKind",
    "Article",
    "DateMention",
    "Demand",
    "Event",
    "EventStatus",
    "EventType",
    "Figure",
    "FigureKind",
    "Granularity",
    "InvalidDate",
    "InvalidRecord",
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
    "TimeKind",
    "TimePoint",
    "Topic",
    "__version__",
    "article_schema",
    "from_dict",
    "from_json",
    "is_normalized_name",
    "normalize_name",
    "to_dict",
    "to_json",
]
