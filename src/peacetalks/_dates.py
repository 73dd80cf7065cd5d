"""Read time expressions: ``normalize_date`` for one expression, ``find_dates`` for running text.

How it works. One precompiled, possessive regex cuts the text into tokens (words, numbers,
punctuation, line breaks) in a single pass. A hand-written grammar then tries to read an
expression at each token that can start one; every rule looks at a bounded number of tokens,
so the whole scan is linear in the length of the text. A reading is a *resolver*: a small
function that turns the words into a ``TimePoint`` once the reference date, the tense of the
sentence and the nearby days are known. The word lists (months, weekdays, number words, cue
words, holidays, time zones, ...) live in ``data/dates.json``; the rules live here. The rules
are described for users in ``docs/dates.md``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any, Literal, NamedTuple, cast

import attrs
import regex

from peacetalks._errors import InvalidDate
from peacetalks._model import DateMention, Span, TimePoint
from peacetalks._vocab import Granularity, Modifier, TimeKind

__all__ = ["DayOrder", "find_dates", "normalize_date"]

DayOrder = Literal["dmy", "mdy", "strict"]
_DAY_ORDER_DOC = """How to read an all-number date whose first two parts could each be the day.

``"mdy"`` (the default): month first, the US convention where slashes are most common;
``"dmy"``: day first; ``"strict"``: refuse such dates. Dates with dots (``11.04.2024``) are
always day first, dates that start with a four-digit year are always year-month-day, and a
part above 12 is always the day.

>>> from peacetalks import normalize_date
>>> normalize_date("04/05/2025").value, normalize_date("04/05/2025", day_order="dmy").value
('2025-04-05', '2025-05-04')
>>> normalize_date("25/12/2024", day_order="mdy").value
'2024-12-25'
"""
# a Literal alias has no docstring of its own; give it one, and let doctest run its examples
cast(Any, DayOrder).__doc__ = _DAY_ORDER_DOC
__test__ = {"DayOrder": _DAY_ORDER_DOC}

_DAY_ORDERS: frozenset[str] = frozenset({"dmy", "mdy", "strict"})
_COUNTRY = regex.compile(r"[A-Z]{3}")

# token kinds
# token kinds: the numbers of the groups of _TOKENS, so that ``match.lastindex`` is the kind
_ISO, _NUM, _WORD, _NL, _PUNCT, _END = 1, 2, 3, 4, 5, 6
_LOOKAHEAD = 12  # no rule looks further ahead than this many tokens from the end of the text
_NEIGHBOURS = 6  # mentions looked at on each side for the day of a clock time

# Every alternative is bounded or possessive, so the scan never backtracks across the text.
_TOKENS = regex.compile(
    r"""
    (?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?+
        (?:Z|[+-][0-9]{2}(?::?[0-9]{2})?+)?+(?![0-9]))
    | (?P<num>[0-9]++(?:,[0-9]{3}(?![0-9]))*+(?:[.:/-][0-9]++)*+)
    | (?P<word>\p{L}++)
    | (?P<nl>\n)
    | (?P<punct>[^\s\p{L}0-9])
    """,
    regex.VERBOSE,
)
_NO_DIGITS = str.maketrans("", "", "0123456789")
# one character for one, so that offsets into the folded text are offsets into the text
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‑": "-", "‐": "-"})
_SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})
_MAX_CUE_DISTANCE = 14  # tokens looked at on each side of an expression for tense cues
_MAX_QUANTITY = 10**9
# A day and month without a year is the occurrence nearest the reference; only when both the
# last and the next one are further away than this (in days) does the sentence's tense choose.
_TENSE_DECIDES_AFTER = 120

_DAY, _WEEK, _MONTH, _YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR
_DATE, _TIME, _DURATION, _SET = TimeKind.DATE, TimeKind.TIME, TimeKind.DURATION, TimeKind.SET

_UNIT_GRANULARITY: dict[str, Granularity] = {
    "S": Granularity.SECOND,
    "MIN": Granularity.MINUTE,
    "H": Granularity.HOUR,
    "D": Granularity.DAY,
    "W": Granularity.WEEK,
    "2W": Granularity.WEEK,
    "WE": Granularity.WEEKEND,
    "M": Granularity.MONTH,
    "Q": Granularity.QUARTER,
    "Y": Granularity.YEAR,
    "DE": Granularity.DECADE,
    "CE": Granularity.CENTURY,
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


# ---------------------------------------------------------------------------------------------
# The word lists, loaded once


def _tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKENS.finditer(phrase.translate(_FOLD)))


class _Phrase(NamedTuple):
    words: tuple[str, ...]
    kind: str  # "vague", "holiday", "anaphora", "deictic", "set", "zone", "part", "dmod", ...
    payload: Any


class _PhraseTable:
    """Multi-word entries indexed by their first two tokens, so a lookup tries only a few."""

    def __init__(self) -> None:
        self.by_first: dict[str, dict[str, list[_Phrase]]] = {}

    def add(self, words: tuple[str, ...], kind: str, payload: Any) -> None:
        second = words[1] if len(words) > 1 else ""
        bucket = self.by_first.setdefault(words[0], {}).setdefault(second, [])
        bucket.append(_Phrase(words, kind, payload))
        bucket.sort(key=lambda p: -len(p.words))

    def __contains__(self, first: object) -> bool:
        return first in self.by_first

    def candidates(self, first: str, second: str) -> list[_Phrase]:
        """The entries that may start with these two tokens, longest first."""
        table = self.by_first.get(first)
        if table is None:
            return []
        return table.get(second, []) + table.get("", [])


class _Lexicon:
    """The contents of ``data/dates.json`` in the shapes the rules need."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.months: dict[str, int] = dict(raw["months"])
        self.month_abbreviations: dict[str, int] = dict(raw["month_abbreviations"])
        self.month_of: dict[str, int] = {**self.months, **self.month_abbreviations}
        self.ambiguous_months = frozenset(raw["ambiguous_months"])
        self.weekdays: dict[str, int] = dict(raw["weekdays"])
        self.weekday_abbreviations: dict[str, int] = dict(raw["weekday_abbreviations"])
        self.weekday_plurals = {name + "s": n for name, n in self.weekdays.items()}
        self.numbers: dict[str, int] = dict(raw["numbers"])
        self.tens = frozenset(w for w, v in self.numbers.items() if v >= 20)
        self.digits = frozenset(w for w, v in self.numbers.items() if 1 <= v <= 9)
        self.scales: dict[str, int] = dict(raw["scales"])
        self.ordinals: dict[str, int] = {}
        for word, value in raw["ordinals"].items():
            self.ordinals[word] = value
        self.last_ordinals = frozenset(raw["last_ordinals"])
        self.ordinal_suffixes = frozenset(raw["ordinal_suffixes"])
        self.units: dict[str, str] = dict(raw["units"])
        self.singular_units = frozenset(
            w for w, code in self.units.items() if not w.endswith("s") or code == "S"
        ) - {"seconds", "secs", "mins", "hrs", "yrs"}
        self.duration_adjectives = frozenset(raw["duration_adjectives"])
        self.seasons: dict[str, str] = dict(raw["seasons"])
        self.guarded_seasons = frozenset(raw["guarded_seasons"])
        self.parts_of_day: dict[str, str] = dict(raw["parts_of_day"])
        self.deictic_days: dict[str, int] = dict(raw["deictic_days"])
        self.clock_words: dict[str, str] = dict(raw["clock_words"])
        self.military_time_words = [_tokens_of(p) for p in raw["military_time_words"]]
        self.range_joiners = frozenset(raw["range_joiners"])
        self.range_end_joiners = frozenset(raw["range_end_joiners"])
        self.clock_prepositions = frozenset(raw["clock_prepositions"])
        self.anaphoric_relative_words = frozenset(raw["anaphoric_relative_words"])
        self.duration_relative_words = frozenset(raw["duration_relative_words"])
        self.earlier_later: dict[str, int] = dict(raw["earlier_later"])
        self.relative_words: dict[str, int] = dict(raw["relative_words"])
        self.set_quantifiers = frozenset(raw["set_quantifiers"])
        self.set_multipliers = frozenset(raw["set_multipliers"])
        self.holiday_blockers = frozenset(raw["holiday_blockers"])
        self.independence: dict[str, str] = {}
        self.independence_names: dict[tuple[str, ...], str] = {}
        for code, entry in raw["independence_days"].items():
            self.independence[code] = entry["date"]
            for name in entry["names"]:
                self.independence_names[_tokens_of(name)] = code
        self.signals = [_tokens_of(p) for p in raw["signals"]]
        self.signal_words = frozenset(w for s in self.signals for w in s)
        self.year_prepositions = frozenset(raw["year_prepositions"])
        self.month_prepositions = frozenset(raw["month_prepositions"])
        self.count_nouns = frozenset(raw["count_nouns"])
        self.currency_signs = frozenset(raw["currency_signs"])
        self.numbered_nouns = frozenset(raw["numbered_nouns"])
        self.count_before = frozenset(raw["count_before"])
        self.past_cues = frozenset(raw["past_cues"])
        self.future_cues = frozenset(raw["future_cues"])
        self.future_before_to = frozenset(raw["future_before_to"])
        self.modals = frozenset(raw["modals"])
        self.past_after_modal = frozenset(raw["past_after_modal"])
        self.contractions: dict[str, int] = dict(raw["contractions"])
        self.not_past_ed = frozenset(raw["not_past_ed"])
        self.copulas = frozenset(raw["copulas"])
        self.anaphora_blockers = frozenset(raw["anaphora_blockers"])
        self.bare_units = frozenset(raw["bare_units"])
        self.articles = frozenset(raw["articles"])
        self.whole_words = frozenset(raw["whole_words"])
        self.same_period_nouns: dict[str, str | None] = dict(raw["same_period_nouns"])
        self.year_before_tails = sorted(
            (_tokens_of(t) for t in raw["year_before_tails"]), key=lambda t: -len(t)
        )
        # counting phrases ("a few", "a couple of"); the payload is the count, None for "several"
        self.quantity_phrases = _PhraseTable()
        for text in raw["vague_quantities"]:
            self.quantity_phrases.add(_tokens_of(text), "count", None)
        for text, count in raw["fixed_quantities"].items():
            self.quantity_phrases.add(_tokens_of(text), "count", float(count))

        # multi-word entries, indexed by their first token, longest first
        self.phrases = _PhraseTable()
        for text, value in raw["vague"].items():
            self._add(text, "vague", value)
        for text, value in raw["holidays"].items():
            self._add(text, "holiday", value)
        for text, value in raw["anaphoric_days"].items():
            self._add(text, "anaphora", value)
        for text, value in raw["deictic_phrases"].items():
            self._add(text, "deictic", value)
        for text, value in raw["sets"].items():
            self._add(text, "set", value)
        self.zones = _PhraseTable()
        for text, value in raw["time_zones"].items():
            self.zones.add(_tokens_of(text), "zone", value)
        self.part_modifiers = _PhraseTable()
        for text, value in raw["part_modifiers"].items():
            self.part_modifiers.add(_tokens_of(text), "part", Modifier(value))
        self.duration_modifiers = _PhraseTable()
        for text, value in raw["duration_modifiers"].items():
            self.duration_modifiers.add(_tokens_of(text), "dmod", Modifier(value))
        meridians: dict[tuple[str, ...], str] = {}
        for text, value in raw["meridians"].items():
            meridians[_tokens_of(text)] = value
        self.meridians = sorted(meridians.items(), key=lambda kv: -len(kv[0]))
        self.meridian_first = frozenset(words[0] for words in meridians)
        self.military_first = frozenset(words[0] for words in self.military_time_words)

        self.quantity_starts = frozenset(
            set(self.quantity_phrases.by_first) | set(self.numbers) | {"a", "an", "per", "half"}
        )
        self.starters = frozenset(
            set(self.month_of)
            | set(self.weekdays)
            | set(self.weekday_abbreviations)
            | set(self.weekday_plurals)
            | set(self.numbers)
            | set(self.ordinals)
            | set(self.phrases.by_first)
            | set(self.deictic_days)
            | set(self.relative_words)
            | set(self.part_modifiers.by_first)
            | set(self.duration_modifiers.by_first)
            | set(self.seasons)
            | set(self.clock_words)
            | self.set_quantifiers
            | self.quantity_starts
            | self.bare_units
            | self.singular_units
            | {"the", "a", "an", "half", "earlier", "later", "q", "h", "mid", "over"}
        )

    def _add(self, text: str, kind: str, payload: Any) -> None:
        self.phrases.add(_tokens_of(text), kind, payload)


@functools.cache
def _lexicon() -> _Lexicon:
    source = resources.files("peacetalks").joinpath("data/dates.json")
    return _Lexicon(json.loads(source.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------------------------
# Calendar helpers


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday: Meeus' Julian algorithm, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = dt.date(year, month, day + 1)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 for the last) ``weekday`` (0 = Monday) of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, _last_day(year, month))
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _summer_time(rule: str, day: dt.date) -> bool:
    if rule == "eu":
        start = _nth_weekday(day.year, 3, 6, -1)
        end = _nth_weekday(day.year, 10, 6, -1)
    else:  # "us"
        start = _nth_weekday(day.year, 3, 6, 2)
        end = _nth_weekday(day.year, 11, 6, 1)
    return start <= day < end


def _zone_offset(spec: str, day: dt.date | None) -> str:
    """A zone from the data (``Z``, ``+03:00``, ``eu:+02:00``) as a TIMEX3 suffix."""
    if ":" not in spec[:3]:
        return spec
    rule, standard = spec.split(":", 1)
    if day is None or not _summer_time(rule, day):
        return standard
    sign = 1 if standard[0] == "+" else -1
    minutes = sign * (int(standard[1:3]) * 60 + int(standard[4:6])) + 60
    sign_char = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign_char}{minutes // 60:02d}:{minutes % 60:02d}"


def _two_digit_year(yy: int, ref: dt.date | None) -> int:
    """'82 and 7/8/07: the century that puts the year at most ten years after the reference."""
    if ref is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    year = (ref.year // 100) * 100 + yy
    if year > ref.year + 10:
        year -= 100
    elif year + 100 <= ref.year + 10:
        year += 100
    return year


# ---------------------------------------------------------------------------------------------
# TimePoint builders


def _point(
    value: str,
    kind: TimeKind,
    granularity: Granularity | None,
    earliest: dt.date | None,
    latest: dt.date | None,
    ref: dt.date | None,
    modifier: Modifier = Modifier.NONE,
) -> TimePoint:
    return TimePoint(
        value=value,
        kind=kind,
        granularity=granularity,
        earliest=earliest,
        latest=latest,
        modifier=modifier,
        reference=ref,
    )


def _day_point(day: dt.date, ref: dt.date | None) -> TimePoint:
    return _point(day.isoformat(), _DATE, _DAY, day, day, ref)


def _month_point(year: int, month: int, ref: dt.date | None) -> TimePoint:
    first = dt.date(year, month, 1)
    last = dt.date(year, month, _last_day(year, month))
    return _point(f"{year:04d}-{month:02d}", _DATE, _MONTH, first, last, ref)


def _year_point(year: int, ref: dt.date | None) -> TimePoint:
    return _point(f"{year:04d}", _DATE, _YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), ref)


def _week_point(day: dt.date, ref: dt.date | None) -> TimePoint:
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    sunday = monday + dt.timedelta(days=6)
    return _point(f"{iso_year:04d}-W{week:02d}", _DATE, _WEEK, monday, sunday, ref)


def _weekend_point(day: dt.date, ref: dt.date | None) -> TimePoint:
    iso_year, week, weekday = day.isocalendar()
    saturday = day + dt.timedelta(days=6 - weekday)
    sunday = saturday + dt.timedelta(days=1)
    return _point(
        f"{iso_year:04d}-W{week:02d}-WE", _DATE, Granularity.WEEKEND, saturday, sunday, ref
    )


def _season_point(year: int, code: str, ref: dt.date | None) -> TimePoint:
    start = dt.date(year, _SEASON_START[code], 1)
    end_year, end_month = _add_months(year, _SEASON_START[code], 2)
    end = dt.date(end_year, end_month, _last_day(end_year, end_month))
    return _point(f"{year:04d}-{code}", _DATE, Granularity.SEASON, start, end, ref)


def _quarter_point(year: int, quarter: int, ref: dt.date | None) -> TimePoint:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year, 3 * quarter, _last_day(year, 3 * quarter))
    return _point(f"{year:04d}-Q{quarter}", _DATE, Granularity.QUARTER, start, end, ref)


def _half_point(year: int, half: int, ref: dt.date | None) -> TimePoint:
    start = dt.date(year, 6 * half - 5, 1)
    end = dt.date(year, 6 * half, _last_day(year, 6 * half))
    return _point(f"{year:04d}-H{half}", _DATE, Granularity.HALF, start, end, ref)


def _decade_point(decade: int, ref: dt.date | None) -> TimePoint:
    first = max(decade * 10, 1)
    start, end = dt.date(first, 1, 1), dt.date(decade * 10 + 9, 12, 31)
    return _point(f"{decade:03d}", _DATE, Granularity.DECADE, start, end, ref)


def _century_point(century: int, ref: dt.date | None) -> TimePoint:
    first = max(century * 100, 1)
    start, end = dt.date(first, 1, 1), dt.date(century * 100 + 99, 12, 31)
    return _point(f"{century:02d}", _DATE, Granularity.CENTURY, start, end, ref)


def _vague_point(value: str, ref: dt.date | None) -> TimePoint:
    if value == "PRESENT_REF":
        return _point(value, _DATE, None, ref, ref, ref)
    if value == "PAST_REF":
        return _point(value, _DATE, None, None, ref, ref)
    return _point(value, _DATE, None, ref, None, ref)


def _unknown(value: str, granularity: Granularity | None, ref: dt.date | None) -> TimePoint:
    return _point(value, _DATE, granularity, None, None, ref)


def _narrow(point: TimePoint, modifier: Modifier) -> TimePoint:
    """``early``/``mid``/``late``: the first, middle or last third of the interval."""
    earliest, latest = point.earliest, point.latest
    if earliest is not None and latest is not None and modifier in _THIRDS:
        span = (latest - earliest).days + 1
        third = max(span // 3, 1)
        if modifier is Modifier.START:
            latest = earliest + dt.timedelta(days=third - 1)
        elif modifier is Modifier.END:
            earliest = latest - dt.timedelta(days=third - 1)
        else:
            earliest = earliest + dt.timedelta(days=third)
            latest = max(earliest, latest - dt.timedelta(days=third))
    return attrs.evolve(point, modifier=modifier, earliest=earliest, latest=latest)


_THIRDS = frozenset({Modifier.START, Modifier.MID, Modifier.END})


def _number_text(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _duration_value(amount: float | None, unit: str) -> str | None:
    """The TIMEX3 value of a duration (``P3Y``, ``PT24H``, ``PXY``), or None if not expressible."""
    if unit == "WE":
        return None
    if unit == "2W":
        unit, amount = "W", None if amount is None else amount * 2
    if amount is not None and 0 < amount < 1:
        smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "W": ("D", 7)}
        if unit in smaller and (amount * smaller[unit][1]).is_integer():
            unit, amount = smaller[unit][0], amount * smaller[unit][1]
    if amount is None:
        count = "X"
    elif unit == "DE":
        unit, count = "Y", _number_text(amount * 10)
    elif unit == "CE":
        unit, count = "Y", _number_text(amount * 100)
    else:
        count = _number_text(amount)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


# ---------------------------------------------------------------------------------------------
# Pieces, matches and the context of a resolution


class _Skip(Exception):
    """A reading that cannot give a value here (raised by a resolver, caught by the caller)."""


class _Piece(NamedTuple):
    start: int  # character offsets of the mention
    end: int
    first: int  # token range, for the tense and the sentence
    last: int
    resolve: Callable[[_Ctx], TimePoint]
    anchored: bool = False  # a time of day: takes its day from a day in the same sentence
    heading: bool = False  # alone on its line: sets the day of the clock times below it


class _Match(NamedTuple):
    end: int  # the token after the match
    pieces: tuple[_Piece, ...]
    is_range: bool = False
    calendar: tuple[int | None, int, int] | None = None  # (year, month, day) of a plain date


class _Ctx:
    """What a resolver may ask: the reference, the tense, the day of its sentence."""

    __slots__ = ("_tense", "day", "last_day", "last_point", "piece", "ref", "scanner")

    def __init__(
        self,
        scanner: _Scanner,
        piece: _Piece,
        *,
        day: dt.date | None = None,
        last_day: dt.date | None = None,
        last_point: TimePoint | None = None,
    ) -> None:
        self.scanner = scanner
        self.piece = piece
        self.ref = scanner.ref
        self.day = day
        self.last_day = last_day
        self.last_point = last_point
        self._tense: int | None = None

    def tense(self) -> int:
        """-1 when the sentence speaks of the past, +1 of the future, 0 when it does not say."""
        if self._tense is None:
            self._tense = self.scanner.tense(self.piece.first, self.piece.last)
        return self._tense

    @property
    def anchor(self) -> dt.date | None:
        """The day that "three days later" or "the same day" counts from."""
        return self.last_day or self.ref


# ---------------------------------------------------------------------------------------------
# Resolution rules that depend on the reference and the tense


def _yearless_day(
    month: int, day: int, ctx: _Ctx, weekday: int | None = None, year: int | None = None
) -> TimePoint:
    """A day and month: the occurrence nearest the reference (see docs/dates.md)."""
    ref = ctx.ref
    if year is not None:
        return _day_point(dt.date(year, month, day), ref)
    if ref is None:
        return _unknown(f"XXXX-{month:02d}-{day:02d}", _DAY, None)
    candidates = []
    for y in range(ref.year - 4, ref.year + 5):
        if 1 <= y <= 9999 and day <= _last_day(y, month):
            candidates.append(dt.date(y, month, day))
    if weekday is not None:
        matching = [c for c in candidates if c.isoweekday() == weekday]
        if matching and min(abs((c - ref).days) for c in matching) <= 200:
            candidates = matching
    if not candidates:
        raise _Skip
    before = [c for c in candidates if c <= ref]
    after = [c for c in candidates if c >= ref]
    past = before[-1] if before else None
    future = after[0] if after else None
    if past is None or future is None:
        return _day_point(past or future or ref, ref)
    back, ahead = (ref - past).days, (future - ref).days
    if min(back, ahead) > _TENSE_DECIDES_AFTER:
        tense = ctx.tense()
        if tense:
            return _day_point(past if tense < 0 else future, ref)
    return _day_point(past if back <= ahead else future, ref)


def _weekday(weekday: int, ctx: _Ctx, shift: int | None = None) -> TimePoint:
    """``shift`` None: bare or "this" (tense, else nearest); -1: "last"; +1: "next"."""
    ref = ctx.ref
    if ref is None:
        return _unknown(f"XXXX-WXX-{weekday}", _DAY, None)
    back = (ref.isoweekday() - weekday) % 7
    if shift is None:
        if back == 0:
            return _day_point(ref, ref)
        tense = ctx.tense()
        direction = tense if tense else (-1 if back <= 3 else 1)
    else:
        direction = shift
        if back == 0:
            back = 7
    if direction < 0:
        return _day_point(ref - dt.timedelta(days=back), ref)
    ahead = (7 - back) % 7 or 7
    return _day_point(ref + dt.timedelta(days=ahead), ref)


def _month(month: int, ctx: _Ctx, shift: int | None = None) -> TimePoint:
    """A month without a year: in the reference's year, unless the tense or last/next says."""
    ref = ctx.ref
    if ref is None:
        return _unknown(f"XXXX-{month:02d}", _MONTH, None)
    year = ref.year
    if shift is None:
        tense = ctx.tense()
        if tense < 0 and month > ref.month:
            year -= 1
        elif tense > 0 and month < ref.month:
            year += 1
    elif shift < 0 and month >= ref.month:
        year -= 1
    elif shift > 0 and month <= ref.month:
        year += 1
    return _month_point(year, month, ref)


def _season_key(day: dt.date) -> int:
    month = day.month
    if month <= 2:
        return (day.year - 1) * 4 + 3
    return day.year * 4 + (month - 3) // 3


def _season(code: str, ctx: _Ctx, shift: int | None = None, year: int | None = None) -> TimePoint:
    ref = ctx.ref
    if year is not None:
        return _season_point(year, code, ref)
    if ref is None:
        return _unknown(f"XXXX-{code}", Granularity.SEASON, None)
    index = _SEASON_ORDER.index(code)
    current = _season_key(ref)
    if shift is None or shift == 0:
        key = current if current % 4 == index else ref.year * 4 + index
        if shift is None:
            tense = ctx.tense()
            if tense < 0 and key > current:
                key -= 4
            elif tense > 0 and key < current:
                key += 4
    elif shift < 0:
        key = current - ((current - index) % 4 or 4)
    else:
        key = current + ((index - current) % 4 or 4)
    return _season_point(key // 4, _SEASON_ORDER[key % 4], ref)


def _part_of_year(
    kind: str, number: int, ctx: _Ctx, year: int | None = None, shift: int | None = None
) -> TimePoint:
    """A quarter (``kind`` "Q") or half ("H") of a year."""
    build = _quarter_point if kind == "Q" else _half_point
    ref = ctx.ref
    if year is not None:
        return build(year, number, ref)
    if ref is None:
        return _unknown(f"XXXX-{kind}{number}", None, None)
    size = 3 if kind == "Q" else 6
    current = (ref.month - 1) // size + 1
    per_year = 12 // size
    if shift is not None:
        index = ref.year * per_year + current - 1 + shift
        return build(index // per_year, index % per_year + 1, ref)
    year = ref.year
    tense = ctx.tense()
    if tense < 0 and number > current:
        year -= 1
    elif tense > 0 and number < current:
        year += 1
    return build(year, number, ref)


def _relative(unit: str, offset: int, ctx: _Ctx, base: dt.date | None = None) -> TimePoint:
    """``offset`` units from the reference (or ``base``), in the unit's own granularity."""
    ref = ctx.ref
    day = base if base is not None else ref
    if day is None:
        return _unknown(_UNDERSPECIFIED[unit], _UNIT_GRANULARITY.get(unit), None)
    if unit in ("D", "H", "MIN", "S"):
        return _day_point(day + dt.timedelta(days=offset), ref)
    if unit in ("W", "2W"):
        return _week_point(day + dt.timedelta(weeks=offset * (2 if unit == "2W" else 1)), ref)
    if unit == "WE":
        return _weekend_point(day + dt.timedelta(weeks=offset), ref)
    if unit == "M":
        return _month_point(*_add_months(day.year, day.month, offset), ref)
    if unit == "Q":
        index = day.year * 4 + (day.month - 1) // 3 + offset
        return _quarter_point(index // 4, index % 4 + 1, ref)
    if unit == "Y":
        return _year_point(day.year + offset, ref)
    if unit == "DE":
        return _decade_point(day.year // 10 + offset, ref)
    return _century_point(day.year // 100 + offset, ref)


_UNDERSPECIFIED = {
    "S": "XXXX-XX-XX",
    "MIN": "XXXX-XX-XX",
    "H": "XXXX-XX-XX",
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "2W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}


def _year_before(point: TimePoint, unit: str | None, ref: dt.date | None) -> TimePoint:
    """ "the same month a year ago": ``point`` (or its month, quarter, week) one year earlier."""
    day = point.earliest
    if day is None or "X" in point.value or point.value.endswith("_REF"):
        raise _Skip
    granularity = point.granularity
    if unit == "M" or (unit is None and granularity is _MONTH):
        return _month_point(day.year - 1, day.month, ref)
    if unit == "Q" or (unit is None and granularity is Granularity.QUARTER):
        return _quarter_point(day.year - 1, (day.month - 1) // 3 + 1, ref)
    if unit == "W" or (unit is None and granularity is _WEEK):
        return _week_point(day - dt.timedelta(weeks=52), ref)
    if unit is None and granularity is _DAY:
        return _day_point(
            day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else day.day)), ref
        )
    if unit is None and granularity is Granularity.SEASON:
        return _season_point(day.year - 1, point.value[5:7], ref)
    if unit is None and granularity is Granularity.HALF:
        return _half_point(day.year - 1, 1 if day.month <= 6 else 2, ref)
    if unit is None and granularity is _YEAR:
        return _year_point(day.year - 1, ref)
    raise _Skip


def _offset_day(day: dt.date, amount: float, unit: str) -> dt.date:
    """The day ``amount`` units (negative: back) from ``day``, for the ends of a duration."""
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is not None and float(amount).is_integer():
        year, month = _add_months(day.year, day.month, int(amount) * months)
        return dt.date(year, month, min(day.day, _last_day(year, month)))
    days_per_unit = {
        "S": 1 / 86400,
        "MIN": 1 / 1440,
        "H": 1 / 24,
        "D": 1,
        "W": 7,
        "2W": 14,
        "WE": 7,
        "M": 30.44,
        "Q": 91.31,
        "Y": 365.25,
        "DE": 3652.5,
        "CE": 36525,
    }[unit]
    return day + dt.timedelta(days=round(amount * days_per_unit))


def _shifted(amount: float, unit: str, sign: int, ctx: _Ctx, base: dt.date | None) -> TimePoint:
    """ "two days ago", "three weeks later": a date ``amount`` units away from ``base``."""
    if not float(amount).is_integer():
        finer = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "DE": ("Y", 10)}
        if unit not in finer:
            amount = round(amount)
        else:
            unit, factor = finer[unit]
            amount = round(amount * factor)
    steps = int(amount) * sign
    if unit in ("H", "MIN", "S"):
        # no clock: "six hours ago" is a day, the reference's unless the hours make whole days
        per_day = {"H": 24, "MIN": 24 * 60, "S": 24 * 3600}[unit]
        steps, unit = int(steps / per_day), "D"
    return _relative(unit, steps, ctx, base)


# ---------------------------------------------------------------------------------------------
# The scanner: tokens and the grammar


Resolver = Callable[[_Ctx], TimePoint]


class _Scanner:
    """Tokens of one text and the rules that read expressions from them."""

    def __init__(
        self,
        text: str,
        *,
        ref: dt.date | None,
        whole: bool,
        day_order: str,
        country: str | None,
    ) -> None:
        self.text = text
        self.ref = ref
        self.whole = whole
        self.day_order = day_order
        self.country = country
        self.lex = _lexicon()
        folded = text if text.isascii() and "`" not in text else text.translate(_FOLD)
        matches = list(_TOKENS.finditer(folded))
        self.n = n = len(matches)
        # empty tokens past the end, so that the rules' bounded look-ahead never runs off
        raw = [m.group() for m in matches]
        self.raw = raw + [""] * _LOOKAHEAD
        self.low = [r.lower() for r in raw] + [""] * _LOOKAHEAD
        self.kind = [m.lastindex or _PUNCT for m in matches] + [_END] * _LOOKAHEAD
        self.start = [m.start() for m in matches] + [len(text)] * _LOOKAHEAD
        self.end = [m.end() for m in matches] + [len(text)] * _LOOKAHEAD
        # the token that ends each sentence; a token's sentence is found by bisection
        self.bounds = [k for k, low in enumerate(self.low[:n]) if low in _SENTENCE_END]

    # --- token helpers ----------------------------------------------------------------------

    def sentence(self, j: int) -> int:
        """The number of the sentence that holds token ``j``."""
        return bisect.bisect_left(self.bounds, j)

    def t(self, j: int) -> str:
        return self.low[j] if 0 <= j < self.n else ""

    def word(self, j: int) -> str:
        return self.low[j] if 0 <= j < self.n and self.kind[j] == _WORD else ""

    def touching(self, j: int) -> bool:
        """Whether token ``j + 1`` follows token ``j`` with no space between."""
        return j >= 0 and j + 1 < self.n and self.end[j] == self.start[j + 1]

    def capital(self, j: int) -> bool:
        return self.raw[j][:1].isupper()

    def integer(self, j: int, max_digits: int = 4) -> int | None:
        if 0 <= j < self.n and self.kind[j] == _NUM:
            tok = self.low[j]
            if tok.isdigit() and len(tok) <= max_digits:
                return int(tok)
        return None

    def phrase_at(self, j: int, words: tuple[str, ...]) -> bool:
        return tuple(self.low[j : j + len(words)]) == words

    def longest(self, j: int, table: _PhraseTable) -> _Phrase | None:
        for entry in table.candidates(self.t(j), self.t(j + 1)):
            if self.phrase_at(j, entry.words):
                return entry
        return None

    def piece(self, first: int, end: int, resolve: Resolver, *, anchored: bool = False) -> _Piece:
        return _Piece(self.start[first], self.end[end - 1], first, end - 1, resolve, anchored)

    def single(
        self,
        first: int,
        end: int,
        resolve: Resolver,
        *,
        anchored: bool = False,
        calendar: tuple[int | None, int, int] | None = None,
    ) -> _Match:
        return _Match(end, (self.piece(first, end, resolve, anchored=anchored),), False, calendar)

    # --- the scan -----------------------------------------------------------------------------

    def scan(self) -> list[_Match]:
        matches: list[_Match] = []
        starters = self.lex.starters
        kinds, lows = self.kind, self.low
        i, n = 0, self.n
        while i < n:
            kind = kinds[i]
            if kind == _WORD and lows[i] not in starters:
                i += 1
                continue
            if kind == _NL or (kind == _PUNCT and lows[i] != "'"):
                i += 1
                continue
            match = self.at(i)
            if match is None:
                i += 1
                continue
            if (
                not self.whole
                and (i == 0 or kinds[i - 1] == _NL)
                and kinds[match.end] in (_NL, _END)
            ):
                heading = tuple(p._replace(heading=True) for p in match.pieces)
                match = match._replace(pieces=heading)
            matches.append(match)
            i = match.end
        self.lend_years(matches)
        return matches

    def lend_years(self, matches: list[_Match]) -> None:
        """``30 December to 2 January 2024``: the first end of a range takes the second's year."""
        for index in range(len(matches) - 1):
            opening, closing = matches[index], matches[index + 1]
            if opening.calendar is None or closing.calendar is None:
                continue
            if opening.calendar[0] is not None or closing.calendar[0] is None:
                continue
            if closing.pieces[0].first != opening.end + 1:
                continue
            joiner = self.low[opening.end]
            if joiner not in self.lex.range_end_joiners and joiner != "and":
                continue
            _, month, day = opening.calendar
            year = closing.calendar[0]
            if (month, day) > closing.calendar[1:]:
                year -= 1
            if day > _last_day(year, month):
                continue
            lent = self.date_match(opening.pieces[0].first, opening.end, day, month, year)
            if lent is not None and len(opening.pieces) == 1:
                matches[index] = opening._replace(pieces=lent.pieces, calendar=lent.calendar)

    def at(self, i: int) -> _Match | None:
        kind = self.kind[i]
        if kind == _NUM:
            return self.from_number(i)
        if kind == _WORD:
            return self.from_word(i)
        if kind == _ISO:
            return self.iso_datetime(i)
        return self.apostrophe(i)

    @staticmethod
    def best(candidates: Iterable[_Match | None]) -> _Match | None:
        chosen: _Match | None = None
        for candidate in candidates:
            if candidate is not None and (chosen is None or candidate.end > chosen.end):
                chosen = candidate
        return chosen

    # --- tense ------------------------------------------------------------------------------

    def tense(self, first: int, last: int) -> int:
        if self.whole:
            return 0
        sentence = self.sentence(first)
        opening = self.bounds[sentence - 1] + 1 if sentence > 0 else 0
        closing = self.bounds[sentence] if sentence < len(self.bounds) else self.n - 1
        j = first - 1
        stop = max(first - _MAX_CUE_DISTANCE, opening)
        while j >= stop:
            cue = self.cue(j)
            if cue:
                return cue
            j -= 1
        j = last + 1
        stop = min(last + _MAX_CUE_DISTANCE, closing)
        while j <= stop:
            cue = self.cue(j)
            if cue:
                return cue
            j += 1
        return 0

    def cue(self, j: int) -> int:
        if self.kind[j] != _WORD:
            return 0
        lex = self.lex
        w = self.low[j]
        after = self.t(j + 1)
        if w in lex.contractions and after == "'":
            return lex.contractions[w]
        if w in lex.future_before_to and after == "to":
            return 1
        if w in lex.modals:
            if w == "may" and self.capital(j):
                return 0
            return -1 if after in lex.past_after_modal else 1
        if w in lex.future_cues:
            return 1
        if w in lex.past_cues:
            return -1
        if (
            len(w) > 4
            and w.endswith("ed")
            and w not in lex.not_past_ed
            and self.raw[j][:1].islower()
            and self.t(j - 1) not in lex.copulas  # "be completed": the auxiliary decides
        ):
            return -1
        return 0

    # --- numbers ------------------------------------------------------------------------------

    def from_number(self, i: int) -> _Match | None:
        tok = self.low[i]
        separators = set(tok.translate(_NO_DIGITS))
        if len(separators) > 1 and separators != {",", "."}:
            return None  # "2024-04.5", "1,000-2000": no reading
        if "," in separators:
            return self.duration(i)  # "1,000 days", "4,641"
        if ":" in tok:
            return self.best((self.clock(i), self.duration(i)))
        if "/" in tok or tok.count(".") >= 2:
            return self.numeric_date(i)
        if "-" in tok:
            return self.dashed(i)
        if "," in tok or "." in tok:
            return self.duration(i)
        candidates: list[_Match | None] = []
        if len(tok) <= 2:
            candidates.append(self.day_first(i, i))
            candidates.append(self.two_digit_decade(i))
        if len(tok) == 4:
            candidates.append(self.year(i))
        candidates.append(self.clock(i))
        candidates.append(self.numbered_century(i, i))
        candidates.append(self.duration(i))
        return self.best(candidates)

    def ordinal_suffix(self, i: int) -> int:
        """The token after a number, skipping an ordinal suffix written onto it (``11th``)."""
        if self.touching(i) and self.word(i + 1) in self.lex.ordinal_suffixes:
            return i + 2
        return i + 1

    def month_word(self, j: int, *, after_number: bool) -> int | None:
        """The month named at ``j``, if the word may be read as a month here."""
        w = self.word(j)
        month = self.lex.month_of.get(w)
        if month is None:
            return None
        if self.whole:
            if w in self.lex.ambiguous_months and not self.capital(j):
                return None
            return month
        if w in self.lex.month_abbreviations or w in self.lex.ambiguous_months:
            if not self.capital(j):
                return None
        elif not self.capital(j) and not after_number:
            return None
        return month

    def after_month(self, j: int) -> int:
        """Skip the full stop of an abbreviation (``Apr.``)."""
        if (
            self.word(j) in self.lex.month_abbreviations
            and self.t(j + 1) == "."
            and self.touching(j)
        ):
            return j + 2
        return j + 1

    def year_at(self, j: int, *, loose: bool = False) -> int | None:
        """A four-digit year at ``j`` that is not a count, an amount or a clock time."""
        value = self.integer(j)
        if value is None or len(self.low[j]) != 4:
            return None
        if not 1000 <= value <= 2999:
            return None
        before = self.t(j - 1)
        if before in self.lex.currency_signs or before in self.lex.numbered_nouns:
            return None  # "$2024", "Resolution 2139", "Flight 2015"
        following = self.t(j + 1)
        if self.touching(j) and self.kind[j + 1] == _WORD:
            return None
        if following == "%" or following in self.lex.count_nouns or following in self.lex.units:
            return None
        if following in self.lex.zones and self.zone(j + 1) is not None:
            return None
        if self.military_word(j + 1) is not None:
            return None
        if not loose:
            if before in self.lex.count_before:
                return None  # "over 2000", "some 1800"
            if not 1800 <= value <= 2199 and before not in self.lex.year_prepositions:
                return None
        return value

    def year(self, i: int) -> _Match | None:
        if self.touching(i) and self.t(i + 1) == "s" and self.kind[i + 1] == _WORD:
            return self.decade(i, i)
        value = self.year_at(i)
        if value is None:
            return None
        year = value

        def resolve(ctx: _Ctx) -> TimePoint:
            return _year_point(year, ctx.ref)

        return self.single(i, i + 1, resolve)

    def decade(self, i: int, first: int) -> _Match | None:
        """``1990s`` at ``i`` (the number, with ``s`` written onto it)."""
        value = self.integer(i)
        if value is None or value % 10 or len(self.low[i]) != 4 or value < 1000:
            return None
        decade = value // 10
        end = i + 2

        def resolve(ctx: _Ctx) -> TimePoint:
            return _decade_point(decade, ctx.ref)

        return self.single(first, end, resolve)

    def two_digit_decade(self, i: int, first: int | None = None) -> _Match | None:
        """``90s`` / ``'90s``: the latest such decade that began by the reference."""
        value = self.integer(i, 2)
        if value is None or value % 10 or len(self.low[i]) != 2:
            return None
        if not (self.touching(i) and self.word(i + 1) == "s"):
            return None
        digits = value

        def resolve(ctx: _Ctx) -> TimePoint:
            ref = ctx.ref
            if ref is None:
                century = 19 if digits >= 30 else 20
            else:
                century = ref.year // 100
                if century * 100 + digits > ref.year:
                    century -= 1
            return _decade_point(century * 10 + digits // 10, ctx.ref)

        return self.single(i if first is None else first, i + 2, resolve)

    def apostrophe(self, i: int) -> _Match | None:
        """``'82`` (a year) and ``'90s`` (a decade)."""
        if not self.touching(i) or self.kind[i + 1] != _NUM or len(self.low[i + 1]) != 2:
            return None
        if i > 0 and self.touching(i - 1) and self.kind[i - 1] == _WORD:
            return None
        decade = self.two_digit_decade(i + 1, i)
        if decade is not None:
            return decade
        value = self.integer(i + 1, 2)
        if value is None or (self.touching(i + 1) and self.kind[i + 2] == _WORD):
            return None
        yy = value

        def resolve(ctx: _Ctx) -> TimePoint:
            return _year_point(_two_digit_year(yy, ctx.ref), ctx.ref)

        return self.single(i, i + 2, resolve)

    def numbered_century(self, i: int, first: int) -> _Match | None:
        """``20th century`` (with ``the`` when ``first`` points at it)."""
        value = self.integer(i, 2)
        if (
            value is None
            or not self.touching(i)
            or self.word(i + 1) not in self.lex.ordinal_suffixes
        ):
            return None
        j = i + 2
        if self.t(j) == "-":
            j += 1
        if self.word(j) != "century":
            return None
        return self.century(value, first, j + 1)

    def century(self, ordinal: int, first: int, end: int) -> _Match | None:
        if not 1 <= ordinal <= 30:
            return None
        number = ordinal - 1

        def resolve(ctx: _Ctx) -> TimePoint:
            return _century_point(number, ctx.ref)

        return self.single(first, end, resolve)

    def day_first(self, i: int, first: int) -> _Match | None:
        """``11 April [2024]``, ``11th of April``, ``19 and 21 April`` (two pieces)."""
        day = self.integer(i, 2)
        if day is None or not 1 <= day <= 31:
            return None
        j = self.ordinal_suffix(i)
        ordinal = j == i + 2
        if self.t(j) == "of":
            j += 1
        month = self.month_word(j, after_number=True)
        if month is not None:
            end = self.after_month(j)
            return self.full_date(first, day, month, end, ordinal)
        # a range of days: "19 and 21 April", "19 to 21 April"
        if self.t(j) in self.lex.range_joiners and self.t(j) != "or" and not ordinal:
            second = self.day_first(j + 1, j + 1)
            if second is not None and second.calendar is not None and len(second.pieces) == 1:
                year, month2, _ = second.calendar
                opening = self.date_match(first, j, day, month2, year)
                if opening is None:
                    return None
                return _Match(second.end, opening.pieces + second.pieces, True, None)
        return None

    def full_date(self, first: int, day: int, month: int, end: int, ordinal: bool) -> _Match | None:
        j = end
        if self.low[j] == ",":
            year = self.year_at(j + 1, loose=True)
            if year is not None:
                return self.date_match(first, j + 2, day, month, year)
            return self.date_match(first, j, day, month, None)
        year = self.year_at(j, loose=True)
        return self.date_match(first, j if year is None else j + 1, day, month, year)

    def date_match(
        self,
        first: int,
        end: int,
        day: int,
        month: int,
        year: int | None,
        weekday: int | None = None,
    ) -> _Match | None:
        if day > (_last_day(year, month) if year else _last_day(2000, month)):
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            return _yearless_day(month, day, ctx, weekday, year)

        return self.single(first, end, resolve, calendar=(year, month, day))

    def dashed(self, i: int) -> _Match | None:
        """``2025-04-11``, ``2025-04``, ``2014-2016``, ``2022-23``, ``19-21 April``, ``11-04-2024``."""
        tok = self.low[i]
        parts = tok.split("-")
        if len(parts) == 3:
            if len(parts[0]) == 4:
                return self.calendar_date(i, int(parts[0]), int(parts[1]), int(parts[2]))
            if len(parts[2]) in (2, 4) and len(parts[0]) <= 2 and len(parts[1]) <= 2:
                return self.ordered_date(i, parts, dots=False)
            return None
        if len(parts) != 2 or (self.touching(i) and self.kind[i + 1] == _WORD):
            return None
        a, b = parts
        start = self.start[i]
        if len(a) == 4 and len(b) in (2, 4):
            first_year, second = int(a), int(b)
            if len(b) == 2:
                if second == (first_year + 1) % 100:
                    second_year = first_year + 1
                elif 1 <= second <= 12:
                    return self.iso_month(i, first_year, second)
                else:
                    second_year = first_year // 100 * 100 + second
            else:
                second_year = second
            if not (1000 <= first_year < second_year <= 2999):
                return None
            y1, y2 = first_year, second_year
            p1 = _Piece(start, start + 4, i, i, lambda ctx: _year_point(y1, ctx.ref))
            p2 = _Piece(start + 5, self.end[i], i, i, lambda ctx: _year_point(y2, ctx.ref))
            return _Match(i + 1, (p1, p2), True, None)
        if len(a) <= 2 and len(b) <= 2:
            d1, d2 = int(a), int(b)
            closing = self.day_first_from_value(d2, i, start + len(a) + 1)
            if closing is None or not 1 <= d1 <= 31:
                return None
            end, year, month, piece2 = closing
            if d1 > _last_day(year or 2000, month):
                return None

            def resolve(ctx: _Ctx) -> TimePoint:
                return _yearless_day(month, d1, ctx, None, year)

            p1 = _Piece(start, start + len(a), i, i, resolve)
            return _Match(end, (p1, piece2), True, None)
        return None

    def day_first_from_value(
        self, day: int, i: int, char_start: int
    ) -> tuple[int, int | None, int, _Piece] | None:
        """The closing end of ``19-21 April``: day ``day`` is written inside token ``i``."""
        if not 1 <= day <= 31:
            return None
        j = i + 1
        month = self.month_word(j, after_number=True)
        if month is None:
            return None
        match = self.full_date(i, day, month, self.after_month(j), False)
        if match is None or match.calendar is None:
            return None
        piece = match.pieces[0]._replace(start=char_start)
        return match.end, match.calendar[0], month, piece

    def iso_month(self, i: int, year: int, month: int) -> _Match | None:
        if not 1000 <= year <= 2999:
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            return _month_point(year, month, ctx.ref)

        return self.single(i, i + 1, resolve)

    def calendar_date(self, i: int, year: int, month: int, day: int) -> _Match | None:
        if not (1000 <= year <= 2999 and 1 <= month <= 12 and 1 <= day <= 31):
            return None
        try:
            value = dt.date(year, month, day)
        except ValueError:
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            return _day_point(value, ctx.ref)

        return self.single(i, i + 1, resolve, calendar=(year, month, day))

    def numeric_date(self, i: int) -> _Match | None:
        """``11.04.2024`` (day first), ``04/05/2025`` (by ``day_order``), ``2025/04/11``."""
        tok = self.low[i]
        dots = "." in tok
        parts = tok.replace("/", ".").split(".")
        if len(parts) != 3 or ("/" in tok and dots):
            return self.duration(i) if len(parts) == 2 and dots else None
        if len(parts[0]) == 4:
            return self.calendar_date(i, int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts[0]) > 2 or len(parts[1]) > 2 or len(parts[2]) not in (2, 4):
            return None
        return self.ordered_date(i, parts, dots=dots)

    def ordered_date(self, i: int, parts: list[str], *, dots: bool) -> _Match | None:
        a, b, c = int(parts[0]), int(parts[1]), int(parts[2])
        if dots or (a > 12 >= b):
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day, month = a, b
        elif self.day_order == "strict":
            if self.whole:
                raise InvalidDate(
                    self.text, "ambiguous day and month; pass day_order='dmy' or 'mdy'"
                )
            return None
        elif self.day_order == "dmy":
            day, month = a, b
        else:
            day, month = b, a
        if not 1 <= month <= 12:
            return None
        if len(parts[2]) == 4:
            return self.calendar_date(i, c, month, day)
        yy = c

        def resolve(ctx: _Ctx) -> TimePoint:
            return _day_point(dt.date(_two_digit_year(yy, ctx.ref), month, day), ctx.ref)

        if day > _last_day(2000, month):
            return None
        return self.single(i, i + 1, resolve)

    def iso_datetime(self, i: int) -> _Match | None:
        tok = self.raw[i]
        try:
            day = dt.date.fromisoformat(tok[:10])
        except ValueError:
            return None
        clock = tok[11:]
        hour, minute = int(clock[:2]), int(clock[3:5])
        if hour > 24 or minute > 59:
            return None
        value = tok

        def resolve(ctx: _Ctx) -> TimePoint:
            granularity = Granularity.SECOND if len(clock) >= 8 and clock[5] == ":" else None
            return _point(value, _TIME, granularity or Granularity.MINUTE, day, day, ctx.ref)

        return self.single(i, i + 1, resolve)

    # --- clock times --------------------------------------------------------------------------

    def zone(self, j: int) -> tuple[int, str] | None:
        """A time zone at ``j``: its end and its data spec (``Z``, ``+03:00``, ``eu:+02:00``)."""
        entry = self.longest(j, self.lex.zones)
        if entry is None:
            return None
        if entry.words[0] in ("utc", "gmt") and len(entry.words) == 1:
            sign = self.t(j + 1)
            if sign in ("+", "-") and self.kind[j + 2] == _NUM:
                hours = self.integer(j + 2, 2)
                if hours is not None and hours <= 14:
                    return j + 3, f"{sign}{hours:02d}:00" if hours else "Z"
        return j + len(entry.words), str(entry.payload)

    def military_word(self, j: int) -> int | None:
        if self.low[j] not in self.lex.military_first:
            return None
        for words in self.lex.military_time_words:
            if self.phrase_at(j, words):
                return j + len(words)
        return None

    def meridian(self, j: int) -> tuple[int, str] | None:
        if self.low[j] not in self.lex.meridian_first:
            return None
        for words, value in self.lex.meridians:
            if self.phrase_at(j, words):
                end = j + len(words)
                if words[-1] == "m" and self.t(end) == "." and self.touching(end - 1):
                    end += 1
                return end, value
        return None

    def clock(self, i: int) -> _Match | None:
        """``18:00 UTC``, ``10:20``, ``7am``, ``6:40 p.m.``, ``1800 Moscow time``, ``0800 GMT``."""
        tok = self.low[i]
        seconds: int | None = None
        if ":" in tok:
            parts = tok.split(":")
            if len(parts) not in (2, 3) or any(len(p) != 2 for p in parts[1:]) or len(parts[0]) > 2:
                return None
            hour, minute = int(parts[0]), int(parts[1])
            if len(parts) == 3:
                seconds = int(parts[2])
            j = i + 1
            clear = True
        elif tok.isdigit() and len(tok) == 4:
            hour, minute = int(tok[:2]), int(tok[2:])
            j = i + 1
            clear = False
        elif tok.isdigit() and len(tok) <= 2:
            hour, minute = int(tok), 0
            j = i + 1
            clear = False
        else:
            return None
        if hour > 24 or minute > 59 or (seconds is not None and seconds > 59):
            return None
        military = tok.isdigit() and len(tok) == 4
        meridian = self.meridian(j)
        if meridian is not None and not military:
            if not 1 <= hour <= 12:
                return None
            j = meridian[0]
            hour = hour % 12 + (12 if meridian[1] == "pm" else 0)
            clear = True
        elif len(tok) <= 2:
            if self.word(j) == "o" and self.t(j + 1) == "'" and self.word(j + 2) == "clock":
                j += 3
                clear = hour <= 12
            else:
                return None
        zone_spec: str | None = None
        zone = self.zone(j)
        if zone is not None:
            j, zone_spec = zone
            clear = True
        elif military:
            hours_word = self.military_word(j)
            if hours_word is not None:
                j, clear = hours_word, True
            elif tok[0] == "0" and self.t(i - 1) in self.lex.clock_prepositions:
                clear = True
        if not clear:
            return None
        text = f"{hour:02d}:{minute:02d}" + (f":{seconds:02d}" if seconds is not None else "")
        granularity = Granularity.SECOND if seconds is not None else Granularity.MINUTE

        def resolve(ctx: _Ctx) -> TimePoint:
            day = ctx.day
            suffix = "" if zone_spec is None else _zone_offset(zone_spec, day)
            date_part = day.isoformat() if day else "XXXX-XX-XX"
            return _point(f"{date_part}T{text}{suffix}", _TIME, granularity, day, day, ctx.ref)

        return self.single(i, j, resolve, anchored=True)

    def clock_word(self, i: int) -> _Match | None:
        text = self.lex.clock_words[self.low[i]]

        def resolve(ctx: _Ctx) -> TimePoint:
            day = ctx.day
            date_part = day.isoformat() if day else "XXXX-XX-XX"
            return _point(f"{date_part}T{text}", _TIME, Granularity.MINUTE, day, day, ctx.ref)

        return self.single(i, i + 1, resolve, anchored=True)

    def part_of_day(self, j: int) -> _Piece | None:
        """``morning`` after a day (``Thursday evening``): a piece of its own, anchored."""
        code = self.lex.parts_of_day.get(self.word(j))
        if code is None:
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            day = ctx.day
            date_part = day.isoformat() if day else "XXXX-XX-XX"
            return _point(f"{date_part}T{code}", _TIME, Granularity.PART_OF_DAY, day, day, ctx.ref)

        return self.piece(j, j + 1, resolve, anchored=True)

    def with_part_of_day(self, match: _Match) -> _Match:
        extra = self.part_of_day(match.end)
        if extra is None:
            return match
        return _Match(match.end + 1, (*match.pieces, extra), False, match.calendar)

    # --- quantities and durations -------------------------------------------------------------

    def quantity(self, i: int) -> tuple[int, float | None, bool] | None:
        """A count at ``i``: (end, value or None for "several", whether it was "a"/"an"/"per")."""
        lex = self.lex
        kind = self.kind[i]
        w = self.low[i]
        if kind == _NUM:
            tok = w.replace(",", "")
            if tok.count(".") > 1 or ":" in tok or "/" in tok or "-" in tok:
                return None
            whole_part, _, fraction = tok.partition(".")
            if len(whole_part) > 9 or len(fraction) > 6:
                return None
            value: float = float(tok)
            j = i + 1
        elif kind != _WORD:
            return None
        else:
            entry = self.longest(i, lex.quantity_phrases)
            if entry is not None:
                return i + len(entry.words), entry.payload, False
            if w == "half" and self.word(i + 1) in ("a", "an"):
                return i + 2, 0.5, False
            counted = self.number_words(i)
            if counted is None:
                if w not in ("a", "an", "per"):
                    return None
                if self.word(i + 1) == "half":
                    return i + 2, 0.5, False
                return i + 1, 1.0, True
            j, value = counted
        if (
            self.word(j) == "and"
            and self.word(j + 1) in ("a", "one")
            and self.word(j + 2) == "half"
        ):
            value += 0.5
            j += 3
        if value > _MAX_QUANTITY:
            return None
        return j, value, False

    def number_words(self, i: int) -> tuple[int, float] | None:
        """``twenty-five``, ``a hundred``, ``one hundred and twenty``: (end, value)."""
        scales = self.lex.scales
        w = self.word(i)
        if w in ("a", "an") and self.word(i + 1) in scales:
            value, j = 1, i + 1
        elif w in self.lex.numbers:
            value, j = self.below_hundred(i)
        else:
            return None
        scale = scales.get(self.word(j))
        if scale is not None:
            value *= scale
            j += 1
            k = j + 1 if self.word(j) == "and" else j
            if self.word(k) in self.lex.numbers:
                rest, j = self.below_hundred(k)
                value += rest
        return j, float(value)

    def below_hundred(self, i: int) -> tuple[int, int]:
        """A number word below a hundred at ``i`` (``seventeen``, ``forty-two``): value, end."""
        lex = self.lex
        w = self.low[i]
        value, j = lex.numbers[w], i + 1
        if w in lex.tens:
            if self.t(j) == "-" and self.word(j + 1) in lex.digits:
                return value + lex.numbers[self.low[j + 1]], j + 2
            if self.word(j) in lex.digits:
                return value + lex.numbers[self.low[j]], j + 1
        return value, j

    def unit(self, j: int) -> tuple[int, str, bool] | None:
        """A unit word at ``j``: (end, unit code, singular)."""
        w = self.word(j)
        code = self.lex.units.get(w)
        if code is None:
            return None
        return j + 1, code, w in self.lex.singular_units

    def duration(self, i: int) -> _Match | None:
        """``24 hours``, ``two and a half years``, ``fifty-year``, ``three weeks ago``, ``15 a year``."""
        counted = self.quantity(i)
        if counted is None:
            return None
        j, amount, article = counted
        lex = self.lex
        if not article and amount is not None and self.t(j) in ("and", "to", "or"):
            # "between 60 and 90 days", "two to three weeks": each end is a duration
            closing = self.duration(j + 1)
            if (
                closing is not None
                and len(closing.pieces) == 1
                and self.kind[j + 1] == self.kind[i]
            ):
                unit = self.unit(self.quantity(j + 1)[0])  # type: ignore[index]
                if unit is not None:
                    opening = self.duration_match(i, j, amount, unit[1])
                    if opening is not None:
                        return _Match(closing.end, opening.pieces + closing.pieces, True, None)
        hyphenated = False
        if self.t(j) == "-" and self.touching(j - 1) and self.touching(j):
            unit = self.unit(j + 1)
            if unit is None or not unit[2]:
                return None
            hyphenated = True
        else:
            for _ in range(2):
                if self.word(j) in lex.duration_adjectives:
                    j += 1
            unit = self.unit(j)
            if unit is None:
                return None
        end, code, singular = unit
        if article and (not singular or code in ("S", "Q", "WE")):
            return None
        if (
            hyphenated
            and self.t(end) == "-"
            and self.touching(end - 1)
            and self.word(end + 1) == "long"
        ):
            end += 2  # "year-long", "two-week-long"
        if amount is None and singular:
            return None
        if (
            self.word(end) == "and"
            and self.word(end + 1) in ("a", "one")
            and self.word(end + 2) == "half"
        ):
            amount = (amount or 0) + 0.5
            end += 3
        if not hyphenated:
            after = self.word(end)
            if after == "ago":
                return self.shifted(i, end + 1, amount, code, -1, anaphoric=False)
            if after in ("later", "earlier") and amount is not None:
                sign = 1 if after == "later" else -1
                return self.shifted(i, end + 1, amount, code, sign, anaphoric=True)
            if after == "from" and self.word(end + 1) == "now" and amount is not None:
                return self.shifted(i, end + 2, amount, code, 1, anaphoric=False)
        if article and i > 0 and self.is_rate(i):
            value = _duration_value(1, code)
            return None if value is None else self.set_match(i, end, value, code)
        if code == "WE":
            return None
        return self.duration_match(i, end, amount, code)

    def is_rate(self, i: int) -> bool:
        """Whether "a"/"per" at ``i`` follows a count: "15 a year", "40 drones a day", "twice a week"."""
        lex = self.lex
        if self.low[i] == "per":
            return True
        for j in (i - 1, i - 2):
            if j < 0:
                return False
            if (
                self.kind[j] == _NUM
                or self.low[j] in lex.set_multipliers
                or self.low[j] in lex.numbers
            ):
                return True
        return False

    def duration_match(
        self,
        first: int,
        end: int,
        amount: float | None,
        code: str,
        modifier: Modifier = Modifier.NONE,
    ) -> _Match | None:
        value = _duration_value(amount, code)
        if value is None:
            return None
        granularity = _UNIT_GRANULARITY[code]
        duration = value

        def resolve(ctx: _Ctx) -> TimePoint:
            return _point(duration, _DURATION, granularity, None, None, ctx.ref, modifier)

        return self.single(first, end, resolve)

    def set_match(self, first: int, end: int, value: str, code: str | None) -> _Match:
        granularity = _UNIT_GRANULARITY.get(code or "")

        def resolve(ctx: _Ctx) -> TimePoint:
            return _point(value, _SET, granularity, None, None, ctx.ref)

        return self.single(first, end, resolve)

    def shifted(
        self, first: int, end: int, amount: float | None, code: str, sign: int, *, anaphoric: bool
    ) -> _Match | None:
        if code == "Q" and amount is not None:
            amount, code = amount * 3, "M"
        if amount is None:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"

            def vague(ctx: _Ctx) -> TimePoint:
                return _vague_point(value, ctx.ref)

            return self.single(first, end, vague)
        steps = amount
        if code == "W" and amount == 1:
            # "a week ago" names a day ("a week ago today"); "three weeks ago" names a week
            steps, code = 7, "D"

        def resolve(ctx: _Ctx) -> TimePoint:
            base = ctx.anchor if anaphoric else ctx.ref
            return _shifted(steps, code, sign, ctx, base)

        return self.single(first, end, resolve)

    def modified_duration(self, i: int) -> _Match | None:
        """``nearly 100 days``, ``over six years``, ``at least two weeks``."""
        entry = self.longest(i, self.lex.duration_modifiers)
        if entry is None:
            return None
        j = i + len(entry.words)
        inner = self.duration(j)
        if inner is None or len(inner.pieces) != 1:
            return None
        modifier: Modifier = entry.payload
        resolve_inner = inner.pieces[0].resolve

        def resolve(ctx: _Ctx) -> TimePoint:
            point = resolve_inner(ctx)
            return attrs.evolve(point, modifier=modifier)

        return self.single(i, inner.end, resolve)

    # --- words ---------------------------------------------------------------------------------

    def from_word(self, i: int) -> _Match | None:
        lex = self.lex
        w = self.low[i]
        candidates: list[_Match | None] = []
        if w in lex.phrases:
            candidates.append(self.phrase(i))
        if w == "the":
            candidates.append(self.the(i))
        if w in lex.month_of:
            candidates.append(self.month_first(i, i))
        if w in lex.weekdays or w in lex.weekday_abbreviations or w in lex.weekday_plurals:
            candidates.append(self.weekday_first(i, i))
        if w in lex.deictic_days:
            candidates.append(self.deictic(i))
        if w in lex.relative_words:
            candidates.append(self.relative(i, i))
        if w in lex.part_modifiers or w == "mid":
            candidates.append(self.part_of(i))
        if w in lex.earlier_later:
            candidates.append(self.earlier_later(i))
        if w in lex.seasons:
            candidates.append(self.season_first(i, i))
        if w in lex.duration_modifiers:
            candidates.append(self.modified_duration(i))
        if w in lex.ordinals:
            candidates.append(self.ordinal_first(i, i))
        if w in ("q", "h"):
            candidates.append(self.quarter_code(i))
        if w in lex.set_quantifiers:
            candidates.append(self.every(i))
        if w in lex.clock_words:
            candidates.append(self.clock_word(i))
        if w in lex.bare_units or (
            w in lex.singular_units and self.t(i + 1) == "-" and self.word(i + 2) == "long"
        ):
            candidates.append(self.bare_unit(i, i))
        if w == "over" and self.word(i + 1) == "the" and self.word(i + 2) in lex.bare_units:
            candidates.append(self.bare_unit(i + 2, i))
        if w in lex.quantity_starts:
            candidates.append(self.duration(i))
        return self.best(candidates)

    def bare_unit(self, j: int, first: int) -> _Match | None:
        """``for years``, ``minutes``, ``over the years``, ``decades-long``: an unknown count."""
        code = self.lex.units[self.low[j]]
        end = j + 1
        if self.t(end) == "-" and self.touching(j) and self.word(end + 1) == "long":
            end += 2
        elif self.low[j] not in self.lex.bare_units or self.kind[end] == _NUM:
            return None  # not "the years 2019-2021"
        amount = 1.0 if self.low[j] in self.lex.singular_units else None
        return self.duration_match(first, end, amount, code)

    def phrase(self, i: int) -> _Match | None:
        for entry in self.lex.phrases.candidates(self.low[i], self.low[i + 1]):
            if not self.phrase_at(i, entry.words):
                continue
            end = i + len(entry.words)
            match = self.phrase_match(i, end, entry)
            if match is not None:
                return match
        return None

    def phrase_match(self, i: int, end: int, entry: _Phrase) -> _Match | None:
        kind, payload = entry.kind, entry.payload
        if kind == "vague":
            value = str(payload)

            def vague(ctx: _Ctx) -> TimePoint:
                return _vague_point(value, ctx.ref)

            return self.single(i, end, vague)
        if kind == "set":
            unit = {"D": "D", "W": "W", "M": "M", "Y": "Y", "H": "H"}.get(str(payload)[-1])
            return self.set_match(i, end, str(payload), unit)
        if kind in ("anaphora", "deictic"):
            offset = int(payload)
            if kind == "anaphora" and self.word(end) in self.lex.anaphora_blockers:
                return None

            def anaphora(ctx: _Ctx) -> TimePoint:
                base = ctx.anchor if kind == "anaphora" else ctx.ref
                if base is None:
                    return _unknown("XXXX-XX-XX", _DAY, ctx.ref)
                return _day_point(base + dt.timedelta(days=offset), ctx.ref)

            return self.with_part_of_day(self.single(i, end, anaphora))
        if kind == "holiday":
            return self.holiday(i, end, payload)
        return None

    def holiday(self, i: int, end: int, spec: Mapping[str, Any]) -> _Match | None:
        if not self.whole and not self.capital(i):
            return None
        if self.word(i - 1) in self.lex.holiday_blockers:
            return None
        rule = spec.get("rule")
        shift = int(spec.get("shift", 0))
        fixed: tuple[int, int] | None = None
        if "date" in spec:
            fixed = (int(spec["date"][:2]), int(spec["date"][3:]))
        elif rule == "independence":
            code = self.country or self.country_before(i)
            if code is None or code not in self.lex.independence:
                if self.whole:
                    raise InvalidDate(
                        self.text, "Independence Day needs a country: pass country='UKR' or similar"
                    )
                return None
            date_text = self.lex.independence[code]
            fixed = (int(date_text[:2]), int(date_text[3:]))
        year = self.year_at(end, loose=True)
        if year is not None:
            end += 1
        movable = {
            "easter": _easter,
            "orthodox-easter": _orthodox_easter,
            "us-thanksgiving": _thanksgiving,
        }

        def on(y: int) -> dt.date:
            if fixed is not None:
                return dt.date(y, *fixed)
            return movable[str(rule)](y) + dt.timedelta(days=shift)

        def resolve(ctx: _Ctx) -> TimePoint:
            ref = ctx.ref
            if year is not None:
                return _day_point(on(year), ref)
            if ref is None:
                if fixed is None:
                    return _unknown("XXXX-XX-XX", _DAY, None)
                return _unknown(f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", _DAY, None)
            options = [on(y) for y in (ref.year - 1, ref.year, ref.year + 1) if 1 <= y <= 9999]
            return _day_point(min(options, key=lambda d: (abs((d - ref).days), d)), ref)

        return self.single(i, end, resolve)

    def country_before(self, i: int) -> str | None:
        """The country named just before ``Independence Day`` (``Ukraine's``, ``Ukrainian``)."""
        j = i - 1
        if self.t(j) == "s" and self.t(j - 1) == "'":
            j -= 2
        for words, code in self.lex.independence_names.items():
            start = j - len(words) + 1
            if start >= 0 and self.phrase_at(start, words):
                return code
        return None

    def the(self, i: int) -> _Match | None:
        j = i + 1
        if j >= self.n:
            return None
        lex = self.lex
        nxt = self.low[j]
        kind = self.kind[j]
        candidates: list[_Match | None] = []
        if kind == _NUM:
            if len(nxt) == 4 and self.touching(j) and self.word(j + 1) == "s":
                candidates.append(self.decade(j, i))
            candidates.append(self.two_digit_decade(j, i))
            candidates.append(self.numbered_century(j, i))
            if self.ordinal_suffix(j) == j + 2:
                candidates.append(self.day_first(j, i))
        elif nxt == "'":
            decade = self.apostrophe(j)
            if decade is not None:
                candidates.append(
                    decade._replace(
                        pieces=tuple(
                            p._replace(start=self.start[i], first=i) for p in decade.pieces
                        )
                    )
                )
        elif nxt in lex.ordinals or nxt in lex.last_ordinals:
            candidates.append(self.ordinal_first(j, i))
        if nxt in lex.relative_words:
            candidates.append(self.relative(j, i))
        if nxt in ("early", "late", "mid"):
            candidates.append(self.part_of(j, i))
        if nxt in lex.seasons:
            candidates.append(self.season_first(j, i))
        if nxt == "weekend":
            candidates.append(self.weekend(i, j + 1, None))
        if nxt == "same":
            candidates.append(self.same_period(i))
        if nxt in lex.whole_words and self.word(j + 1) == "year":

            def whole_year(ctx: _Ctx) -> TimePoint:
                base = ctx.last_point
                if (
                    base is not None
                    and base.earliest is not None
                    and base.latest is not None
                    and base.earliest.year == base.latest.year
                ):
                    return _year_point(base.earliest.year, ctx.ref)
                return _relative("Y", 0, ctx)

            candidates.append(self.single(i, j + 2, whole_year))
        if nxt == "year" and self.year_at(j + 1, loose=True) is not None:
            year = self.year_at(j + 1, loose=True)
            if year is not None:
                candidates.append(self.single(i, j + 2, lambda ctx: _year_point(year, ctx.ref)))
        if nxt in lex.part_modifiers or self.longest(i, lex.part_modifiers) is not None:
            candidates.append(self.part_of(i))
        return self.best(candidates)

    def same_period(self, i: int) -> _Match | None:
        """``the same period last year``, ``the same month a year ago``: the last period named."""
        lex = self.lex
        noun = self.word(i + 2)
        if noun not in lex.same_period_nouns:
            return None
        unit = lex.same_period_nouns[noun]
        j = i + 3
        for tail in lex.year_before_tails:
            if self.phrase_at(j, tail):
                end = j + len(tail)
                break
        else:
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            base = ctx.last_point
            if base is None:
                if ctx.ref is None or unit is None:
                    raise _Skip
                base = _relative(unit, 0, ctx)
            return _year_before(base, unit, ctx.ref)

        return self.single(i, end, resolve)

    def weekend(self, first: int, end: int, shift: int | None) -> _Match:
        def resolve(ctx: _Ctx) -> TimePoint:
            ref = ctx.ref
            if ref is None:
                return _unknown("XXXX-WXX-WE", Granularity.WEEKEND, None)
            if shift is not None:
                return _weekend_point(ref + dt.timedelta(weeks=shift), ref)
            if ref.isoweekday() <= 5 and ctx.tense() < 0:
                return _weekend_point(ref - dt.timedelta(weeks=1), ref)
            return _weekend_point(ref, ref)

        return self.single(first, end, resolve)

    def month_first(self, i: int, first: int, *, bare_ok: bool = False) -> _Match | None:
        """``April 11[, 2024]``, ``April 11th``, ``April 2024``, ``April`` (with care for May)."""
        month = self.month_word(i, after_number=False)
        if month is None:
            return None
        lex = self.lex
        j = self.after_month(i)
        day = self.integer(j, 2)
        if (
            day is not None
            and 1 <= day <= 31
            and not (
                self.touching(j)
                and self.word(j + 1) not in lex.ordinal_suffixes
                and self.kind[j + 1] == _WORD
            )
        ):
            end = self.ordinal_suffix(j)
            match = self.full_date(first, day, month, end, end == j + 2)
            if match is None:
                return None
            closing = self.month_range_end(match, month)
            return closing or match
        if self.kind[j] == _NUM:
            tok = self.low[j]
            parts = tok.split("-")
            if (
                len(parts) == 2
                and all(p.isdigit() and len(p) <= 2 for p in parts)
                and not (self.touching(j) and self.kind[j + 1] == _WORD)
            ):
                return self.month_day_range(first, month, j, parts)
        k = j + 1 if self.t(j) in ("of", ",") else j
        if self.t(j) == "of" and self.word(k) in lex.relative_words and self.word(k + 1) == "year":
            year_shift = lex.relative_words[self.word(k)]

            def resolve_relative_year(ctx: _Ctx) -> TimePoint:
                if ctx.ref is None:
                    return _unknown(f"XXXX-{month:02d}", _MONTH, None)
                return _month_point(ctx.ref.year + year_shift, month, ctx.ref)

            return self.single(first, k + 2, resolve_relative_year)
        year = self.year_at(k, loose=True)
        if year is not None:
            y = year

            def resolve_month_year(ctx: _Ctx) -> TimePoint:
                return _month_point(y, month, ctx.ref)

            return self.single(first, k + 1, resolve_month_year)
        if not bare_ok and not self.bare_month_ok(i, first):
            return None

        def resolve(ctx: _Ctx) -> TimePoint:
            return _month(month, ctx)

        return self.single(first, j, resolve)

    def bare_month_ok(self, i: int, first: int) -> bool:
        lex = self.lex
        w = self.low[i]
        if self.whole or first < i:
            return True
        if self.t(i + 1) == "'" or w in lex.month_abbreviations:
            return False
        if w in lex.ambiguous_months:
            prev = self.word(i - 1)
            return prev in lex.month_prepositions
        return True

    def month_range_end(self, match: _Match, month: int) -> _Match | None:
        """``April 19 to 21``: the second day of a range that began with a month."""
        j = match.end
        if match.calendar is None or match.calendar[0] is not None:
            return None
        if self.t(j) not in self.lex.range_end_joiners:
            return None
        day = self.integer(j + 1, 2)
        if (
            day is None
            or not 1 <= day <= 31
            or self.month_word(j + 2, after_number=True) is not None
        ):
            return None
        end = self.ordinal_suffix(j + 1)
        second = self.full_date(j + 1, day, month, end, False)
        if second is None or second.calendar is None:
            return None
        year = second.calendar[0]
        if year is not None:
            opening = self.date_match(
                match.pieces[0].first, match.end, match.calendar[2], month, year
            )
            if opening is None:
                return None
            return _Match(second.end, opening.pieces + second.pieces, True, None)
        return _Match(second.end, match.pieces + second.pieces, True, None)

    def month_day_range(self, first: int, month: int, j: int, parts: list[str]) -> _Match | None:
        """``April 19-21``: two pieces, ``April 19`` and ``21``."""
        d1, d2 = int(parts[0]), int(parts[1])
        if not (1 <= d1 < d2 <= _last_day(2000, month)):
            return None
        year = (
            self.year_at(j + 1, loose=True)
            if self.t(j + 1) != ","
            else self.year_at(j + 2, loose=True)
        )
        end = j + 1 if year is None else (j + 2 if self.t(j + 1) != "," else j + 3)

        def resolver(day: int) -> Resolver:
            def resolve(ctx: _Ctx) -> TimePoint:
                return _yearless_day(month, day, ctx, None, year)

            return resolve

        tok_start = self.start[j]
        p1 = _Piece(self.start[first], tok_start + len(parts[0]), first, j, resolver(d1))
        p2 = _Piece(tok_start + len(parts[0]) + 1, self.end[end - 1], j, end - 1, resolver(d2))
        return _Match(end, (p1, p2), True, None)

    def weekday_first(self, i: int, first: int) -> _Match | None:
        """``Monday``, ``Thursday, 15 May`` (two pieces), ``Thursday evening`` (two pieces)."""
        lex = self.lex
        w = self.low[i]
        if w in lex.weekday_plurals:
            if not self.capital(i) and not self.whole:
                return None
            weekday = lex.weekday_plurals[w]
            return self.set_match(first, i + 1, f"XXXX-WXX-{weekday}", "D")
        abbreviated = w in lex.weekday_abbreviations
        weekday = lex.weekday_abbreviations[w] if abbreviated else lex.weekdays[w]
        if not self.whole and not self.capital(i):
            return None
        j = i + 1
        if abbreviated and self.t(j) == "." and self.touching(i):
            j += 1
        k = j + 1 if self.t(j) == "," else j
        if self.t(k) == "the":
            k += 1
        dated = None
        if self.kind[k] == _NUM:
            dated = self.day_first(k, k)
        elif self.word(k) in lex.month_of:
            dated = self.month_first(k, k)
        if dated is not None and dated.calendar is not None and len(dated.pieces) == 1:
            year, month, day = dated.calendar

            def resolve(ctx: _Ctx) -> TimePoint:
                return _yearless_day(month, day, ctx, weekday, year)

            weekday_piece = self.piece(first, j, resolve)
            date_piece = dated.pieces[0]._replace(resolve=resolve)
            return self.with_part_of_day(
                _Match(dated.end, (weekday_piece, date_piece), False, dated.calendar)
            )
        if abbreviated and not self.whole:
            return None

        def resolve_bare(ctx: _Ctx) -> TimePoint:
            return _weekday(weekday, ctx)

        return self.with_part_of_day(self.single(first, i + 1, resolve_bare))

    def deictic(self, i: int) -> _Match | None:
        w = self.low[i]
        offset = self.lex.deictic_days[w]
        if w == "tonight":

            def tonight(ctx: _Ctx) -> TimePoint:
                ref = ctx.ref
                date_part = ref.isoformat() if ref else "XXXX-XX-XX"
                return _point(f"{date_part}TNI", _TIME, Granularity.PART_OF_DAY, ref, ref, ref)

            return self.single(i, i + 1, tonight)

        def resolve(ctx: _Ctx) -> TimePoint:
            return _relative("D", offset, ctx)

        return self.with_part_of_day(self.single(i, i + 1, resolve))

    def relative(self, j: int, first: int) -> _Match | None:
        """``last week``, ``next Monday``, ``this spring``, ``the past nine days``, ``last night``."""
        lex = self.lex
        w = self.low[j]
        shift = lex.relative_words[w]
        with_the = first < j
        k = j + 1
        nxt = self.word(k)
        if not nxt and self.kind[k] != _NUM:
            return None
        if nxt in lex.weekdays:
            weekday = lex.weekdays[nxt]
            day_shift = None if shift == 0 else shift

            def resolve_weekday(ctx: _Ctx) -> TimePoint:
                return _weekday(weekday, ctx, day_shift)

            return self.with_part_of_day(self.single(first, k + 1, resolve_weekday))
        if nxt in lex.months and (self.capital(k) or nxt not in lex.ambiguous_months):
            month = lex.months[nxt]
            month_shift = None if shift == 0 else shift

            def resolve_month(ctx: _Ctx) -> TimePoint:
                if month_shift is None and ctx.ref is not None:
                    return _month_point(ctx.ref.year, month, ctx.ref)
                return _month(month, ctx, month_shift)

            return self.single(first, k + 1, resolve_month)
        if nxt in lex.seasons:
            code = lex.seasons[nxt]

            def resolve_season(ctx: _Ctx) -> TimePoint:
                return _season(code, ctx, shift)

            return self.single(first, k + 1, resolve_season)
        if nxt == "weekend" and w == "this":
            return self.weekend(first, k + 1, 0)
        if nxt in lex.parts_of_day and w in ("this", "last") and not with_the:
            code = lex.parts_of_day[nxt]
            days = -1 if w == "last" else 0

            def resolve_part(ctx: _Ctx) -> TimePoint:
                ref = ctx.ref
                day = None if ref is None else ref + dt.timedelta(days=days)
                date_part = day.isoformat() if day else "XXXX-XX-XX"
                return _point(f"{date_part}T{code}", _TIME, Granularity.PART_OF_DAY, day, day, ref)

            return self.single(first, k + 1, resolve_part)
        if shift != 0:
            counted = self.quantity(k) if self.word(k) not in ("a", "an") else None
            if counted is not None and counted[2] is False:
                after = counted[0]
                for _ in range(2):
                    if self.word(after) in lex.duration_adjectives:
                        after += 1
                unit = self.unit(after)
                if unit is not None and not unit[2]:
                    end, code, _ = unit
                    return self.anchored_duration(first, end, counted[1], code, shift)
        unit = self.unit(k)
        if unit is None:
            return None
        end, code, singular = unit
        if not singular:
            if shift < 0 and with_the:
                return self.vague_match(first, end, "PAST_REF")
            if shift > 0 and with_the:
                return self.vague_match(first, end, "FUTURE_REF")
            return None
        if code in ("S", "MIN", "H"):
            return None
        if code == "D":
            return None  # "the next day" and "the previous day" are anaphoras in the data
        if with_the and w in lex.duration_relative_words:
            return self.anchored_duration(first, end, 1, code, shift)
        if code == "WE":
            return self.weekend(first, end, None if shift == 0 else shift)
        anaphoric = w in lex.anaphoric_relative_words

        def resolve(ctx: _Ctx) -> TimePoint:
            base = ctx.anchor if anaphoric else ctx.ref
            return _relative(code, shift, ctx, base)

        return self.single(first, end, resolve)

    def anchored_duration(
        self, first: int, end: int, amount: float | None, code: str, shift: int
    ) -> _Match | None:
        """``the past three months``: a duration that ends (or starts) at the reference."""
        match = self.duration_match(first, end, amount, code)
        if match is None:
            return None
        inner = match.pieces[0].resolve

        def resolve(ctx: _Ctx) -> TimePoint:
            point = inner(ctx)
            ref = ctx.ref
            if ref is None:
                return point
            try:
                far = None if amount is None else _offset_day(ref, amount * shift, code)
            except (OverflowError, ValueError):
                far = None  # further than the calendar goes
            if shift < 0:
                return attrs.evolve(point, earliest=far, latest=ref)
            return attrs.evolve(point, earliest=ref, latest=far)

        return self.single(first, end, resolve)

    def vague_match(self, first: int, end: int, value: str) -> _Match:
        def resolve(ctx: _Ctx) -> TimePoint:
            return _vague_point(value, ctx.ref)

        return self.single(first, end, resolve)

    def part_of(self, i: int, first: int | None = None) -> _Match | None:
        """``late March``, ``mid-April``, ``early 2009``, ``the end of the year``."""
        start = i if first is None else first
        lex = self.lex
        entry = self.longest(i, lex.part_modifiers)
        if entry is None:
            if self.low[i] != "mid":
                return None
            modifier = Modifier.MID
            j = i + 1
        else:
            modifier = entry.payload
            j = i + len(entry.words)
        w = self.low[i]
        if w in ("mid", "end", "start"):
            if self.t(j) == "-" and self.touching(j - 1) and self.touching(j):
                j += 1
            elif w in ("end", "start"):
                return None
        core = self.period(j)
        if core is None or len(core.pieces) != 1:
            return None
        inner = core.pieces[0].resolve

        def resolve(ctx: _Ctx) -> TimePoint:
            return _narrow(inner(ctx), modifier)

        return self.single(start, core.end, resolve)

    def period(self, j: int) -> _Match | None:
        """What ``early``/``late``/``the end of`` can modify."""
        if j >= self.n:
            return None
        lex = self.lex
        w = self.low[j]
        if self.kind[j] == _NUM:
            year = self.year_at(j, loose=True)
            if self.touching(j) and self.word(j + 1) == "s":
                return self.decade(j, j)
            if year is not None:
                return self.single(j, j + 1, lambda ctx: _year_point(year, ctx.ref))
            return None
        if w in lex.month_of:
            match = self.month_first(j, j, bare_ok=True)
            if match is not None and match.calendar is None:
                return match
            return None
        if w in lex.seasons:
            return self.season_first(j, j, bare_ok=True)
        if w in lex.weekdays:
            return self.weekday_first(j, j)
        if w in lex.relative_words:
            return self.relative(j, j)
        if w == "in" and self.word(j + 1) == "the":
            unit = self.unit(j + 2)
            if unit is not None and unit[2] and unit[1] in ("D", "W", "M", "Y"):
                code = unit[1]
                return self.single(j, unit[0], lambda ctx: _relative(code, 0, ctx, ctx.anchor))
            return None
        if w == "the":
            unit = self.unit(j + 1)
            if unit is not None and unit[2] and unit[1] in ("W", "M", "Y", "DE", "Q"):
                code = unit[1]
                return self.single(j, unit[0], lambda ctx: _relative(code, 0, ctx, ctx.ref))
            return self.the(j)
        return None

    def earlier_later(self, i: int) -> _Match | None:
        """``earlier this month``, ``later this year``, ``earlier today``."""
        w = self.low[i]
        j = i + 1
        if self.word(j) == "today":
            return self.single(i, j + 1, lambda ctx: _relative("D", 0, ctx))
        if self.word(j) == "in" and self.word(j + 1) == "the":
            j += 2
        elif self.word(j) == "this":
            j += 1
        else:
            return None
        unit = self.unit(j)
        if unit is None or not unit[2] or unit[1] not in ("W", "M", "Y", "D"):
            return None
        end, code, _ = unit
        before = self.lex.earlier_later[w] < 0

        def resolve(ctx: _Ctx) -> TimePoint:
            point = _relative(code, 0, ctx)
            ref = ctx.ref
            if ref is None or point.earliest is None or point.latest is None:
                return point
            if before:
                return attrs.evolve(point, latest=max(point.earliest, ref))
            return attrs.evolve(point, earliest=min(point.latest, ref))

        return self.single(i, end, resolve)

    def season_first(self, i: int, first: int, *, bare_ok: bool = False) -> _Match | None:
        lex = self.lex
        w = self.low[i]
        code = lex.seasons[w]
        j = i + 1
        k = j + 1 if self.t(j) == "of" else j
        year = self.year_at(k, loose=True)
        if year is not None:
            y = year
            return self.single(first, k + 1, lambda ctx: _season(code, ctx, year=y))
        if w in lex.guarded_seasons and not self.whole and not bare_ok:
            return None
        if (
            not self.whole
            and self.capital(i)
            and i > 0
            and self.kind[i - 1] == _WORD
            and self.capital(i - 1)
            and first == i
        ):
            return None  # "Arab Spring", "Prague Spring"

        def resolve(ctx: _Ctx) -> TimePoint:
            return _season(code, ctx)

        return self.single(first, j, resolve)

    def ordinal_first(self, i: int, first: int) -> _Match | None:
        """``the first quarter of 2025``, ``third-quarter``, ``the 20th century``, ``the first of May``."""
        lex = self.lex
        w = self.low[i]
        number = lex.ordinals.get(w)
        final = w in lex.last_ordinals
        j = i + 1
        if self.t(j) == "-" and self.touching(i):
            j += 1
        nxt = self.word(j)
        if nxt in ("quarter", "half"):
            kind = "Q" if nxt == "quarter" else "H"
            limit = 4 if kind == "Q" else 2
            if final:
                number = limit
            if number is None or not 1 <= number <= limit:
                return None
            end, year, shift = self.of_year(j + 1)
            if w == "last" and year is None and shift is None:
                # "the last quarter": the one before the reference's
                return self.single(first, j + 1, lambda ctx: _part_of_year(kind, 1, ctx, shift=-1))
            n = number

            def resolve(ctx: _Ctx) -> TimePoint:
                if shift is not None:
                    if ctx.ref is None:
                        return _unknown(f"XXXX-{kind}{n}", None, None)
                    return _part_of_year(kind, n, ctx, year=ctx.ref.year + shift)
                return _part_of_year(kind, n, ctx, year=year)

            return self.single(first, end, resolve)
        if nxt == "century" and number is not None:
            return self.century(number, first, j + 1)
        if nxt == "week" and self.word(j + 1) == "of":
            month = self.month_word(j + 2, after_number=True)
            if month is None or (number is None and not final) or (number or 0) > 5:
                return None
            end = self.after_month(j + 2)
            year = self.year_at(end, loose=True)
            if year is not None:
                end += 1
            nth = -1 if final else int(number or 1)
            y, m = year, month

            def resolve_week(ctx: _Ctx) -> TimePoint:
                if y is None:
                    base = _month(m, ctx)
                    if base.earliest is None:
                        return _unknown("XXXX-WXX", _WEEK, ctx.ref)
                    year_of = base.earliest.year
                else:
                    year_of = y
                last = _last_day(year_of, m)
                day = last - 3 if nth < 0 else min(7 * nth - 3, last)
                return _week_point(dt.date(year_of, m, day), ctx.ref)

            return self.single(first, end, resolve_week)
        if nxt == "of" and number is not None and first < i and number <= 31:
            month = self.month_word(j + 1, after_number=True)
            if month is not None:
                return self.full_date(first, number, month, self.after_month(j + 1), True)
        return None

    def of_year(self, j: int) -> tuple[int, int | None, int | None]:
        """``of 2025`` / ``of this year`` / ``of last year`` after a quarter or half."""
        if self.word(j) != "of":
            year = self.year_at(j, loose=True)
            if year is not None:
                return j + 1, year, None
            return j, None, None
        year = self.year_at(j + 1, loose=True)
        if year is not None:
            return j + 2, year, None
        w = self.word(j + 1)
        if w in self.lex.relative_words and self.word(j + 2) == "year":
            return j + 3, None, self.lex.relative_words[w]
        if w == "the" and self.word(j + 2) == "year":
            return j + 3, None, 0
        return j, None, None

    def quarter_code(self, i: int) -> _Match | None:
        """``Q1``, ``Q3 2024``, ``H1``."""
        if not self.touching(i) or self.raw[i] not in ("Q", "H"):
            return None
        number = self.integer(i + 1, 1)
        kind = self.raw[i]
        if number is None or not 1 <= number <= (4 if kind == "Q" else 2):
            return None
        if self.touching(i + 1) and self.kind[i + 2] == _WORD:
            return None
        end = i + 2
        year = self.year_at(end, loose=True)
        if year is not None:
            end += 1
        n = number
        return self.single(i, end, lambda ctx: _part_of_year(kind, n, ctx, year=year))

    def every(self, i: int) -> _Match | None:
        """``every week``, ``every two weeks``, ``every other month``, ``each Monday``."""
        lex = self.lex
        w = self.low[i]
        if w == "per":
            unit = self.unit(i + 1)
            if unit is None or not unit[2] or unit[1] in ("S", "Q", "WE"):
                return None
            value = _duration_value(1, unit[1])
            return None if value is None else self.set_match(i, unit[0], value, unit[1])
        j = i + 1
        nxt = self.word(j)
        if nxt in lex.weekdays:
            return self.set_match(i, j + 1, f"XXXX-WXX-{lex.weekdays[nxt]}", "D")
        amount: float | None = 1
        if nxt == "other":
            amount, j = 2, j + 1
        else:
            counted = self.quantity(j)
            if counted is not None and not counted[2]:
                j, amount = counted[0], counted[1]
        unit = self.unit(j)
        if unit is None or unit[1] in ("WE",):
            return None
        value = _duration_value(amount, unit[1])
        return None if value is None else self.set_match(i, unit[0], value, unit[1])


# ---------------------------------------------------------------------------------------------
# The public functions


# TIMEX3 values that never occur as prose, read back as they are (so normalizing is idempotent)
_VALUE = regex.compile(
    r"""
    (?P<ref>PRESENT_REF|PAST_REF|FUTURE_REF)
    | (?P<unknown>X{2,4})
    | (?P<duration>P(?=[0-9XT])(?:[0-9X]{1,9}(?:\.[0-9]{1,6})?(?:CE|DE|[YMWDQ]))*+
        (?:T(?:[0-9X]{1,9}(?:\.[0-9]{1,6})?[HMS])++)?+)
    | (?P<year>[0-9]{4}|XXXX)
      (?: -W(?P<week>[0-9]{2}|XX)(?:-(?P<weekday>[1-7]|WE))?
        | -(?P<season>SP|SU|FA|WI)
        | -(?P<part>[QH])(?P<number>[1-4])
        | -(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?
          (?:T(?P<clock>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?|MO|AF|EV|NI)
             (?P<zone>Z|[+-][0-9]{2}:?[0-9]{2})?)? )
    """,
    regex.VERBOSE,
)


_VALUE_STARTS = frozenset("PFX0123456789")


def _from_value(text: str, ref: dt.date | None) -> TimePoint | None:
    """A TIMEX3 value given as text (``2025-W14``, ``P1M``): its point, or None if not one."""
    m = _VALUE.fullmatch(text)
    if m is None:
        return None
    if m["ref"]:
        return _vague_point(text, ref)
    if m["unknown"]:
        granularities = {2: Granularity.CENTURY, 3: Granularity.DECADE, 4: _YEAR}
        return _unknown(text, granularities[len(text)], ref)
    if m["duration"]:
        if text == "P":
            return None
        unit = text[-2:] if text[-2:] in ("DE", "CE") else text[-1:]
        code = {"H": "H", "M": "MIN", "S": "S"}.get(unit) if "T" in text else unit
        granularity = _UNIT_GRANULARITY.get(code or "")
        return _point(text, _DURATION, granularity, None, None, ref)
    year = m["year"]
    unknown = "X" in text.split("T")[0]
    if m["week"] is not None:
        weekday = m["weekday"]
        granularity = _DAY if weekday and weekday != "WE" else _WEEK
        if weekday == "WE":
            granularity = Granularity.WEEKEND
        if unknown:
            return _unknown(text, granularity, ref)
        monday = dt.date.fromisocalendar(int(year), int(m["week"]), 1)
        if weekday == "WE":
            return _weekend_point(monday, ref)
        if weekday:
            return _day_point(monday + dt.timedelta(days=int(weekday) - 1), ref)
        return _week_point(monday, ref)
    if m["season"]:
        if unknown:
            return _unknown(text, Granularity.SEASON, ref)
        return _season_point(int(year), m["season"], ref)
    if m["part"]:
        number = int(m["number"])
        if m["part"] == "H" and number > 2:
            return None
        if unknown:
            return _unknown(text, None, ref)
        build = _quarter_point if m["part"] == "Q" else _half_point
        return build(int(year), number, ref)
    if m["clock"] is None and not unknown:
        return None  # plain calendar dates are read by the grammar
    if m["clock"] is None:
        granularity = _DAY if m["day"] else _MONTH if m["month"] else _YEAR
        return _unknown(text, granularity, ref)
    day = None if unknown or not m["day"] else dt.date.fromisoformat(text[:10])
    clock = m["clock"]
    granularity = (
        Granularity.PART_OF_DAY
        if clock[0].isalpha()
        else Granularity.SECOND
        if len(clock) > 5
        else Granularity.MINUTE
    )
    return _point(text, _TIME, granularity, day, day, ref)


def _check_options(text: object, reference: object, day_order: object, country: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if reference is not None and (
        isinstance(reference, dt.datetime) or not isinstance(reference, dt.date)
    ):
        raise TypeError(
            f"reference must be a datetime.date (or None), got {type(reference).__name__}"
        )
    if not isinstance(day_order, str) or day_order not in _DAY_ORDERS:
        raise ValueError(f"day_order must be 'dmy', 'mdy' or 'strict', got {day_order!r}")
    if country is not None and (not isinstance(country, str) or not _COUNTRY.fullmatch(country)):
        raise ValueError(
            f"country must be an ISO 3166-1 alpha-3 code such as 'UKR', got {country!r}"
        )


def _resolve_all(scanner: _Scanner, pieces: list[_Piece]) -> list[TimePoint | None]:
    """Resolve pieces in text order: days first, then the times of day that hang on them."""
    points: list[TimePoint | None] = [None] * len(pieces)
    last_day: dt.date | None = None
    last_point: TimePoint | None = None
    heading_day: dt.date | None = None
    days_before: list[dt.date | None] = [None] * len(pieces)
    weekdays = scanner.lex.weekdays
    for index, piece in enumerate(pieces):
        if piece.anchored:
            days_before[index] = heading_day
            continue
        try:
            ctx = _Ctx(scanner, piece, last_day=last_day, last_point=last_point)
            point = piece.resolve(ctx)
        except (_Skip, ValueError, OverflowError):
            continue
        previous = points[index - 1] if index else None
        if (
            previous is not None
            and point.earliest is not None
            and previous.earliest is not None
            and _single_day(point)
            and point.earliest < previous.earliest
            and scanner.low[piece.first] in weekdays
            and piece.first == pieces[index - 1].last + 2
            and scanner.low[piece.first - 1] in scanner.lex.range_end_joiners
        ):
            # "from Friday to Sunday": the end of a range of weekdays does not come first
            point = _day_point(point.earliest + dt.timedelta(weeks=1), scanner.ref)
        points[index] = point
        if _single_day(point):
            last_day = point.earliest
            if piece.heading:
                heading_day = last_day
        if point.kind is _DATE and point.earliest is not None and point.latest is not None:
            last_point = point
    for index, piece in enumerate(pieces):
        if not piece.anchored:
            continue
        # the day named in its sentence, else that of the heading above it, else the reference
        day = _day_of_sentence(scanner, pieces, points, index) or days_before[index]
        try:
            points[index] = piece.resolve(_Ctx(scanner, piece, day=day or scanner.ref))
        except (_Skip, ValueError, OverflowError):
            continue
    return points


def _single_day(point: TimePoint) -> bool:
    return (
        point.kind in (_DATE, _TIME)
        and point.earliest is not None
        and point.earliest == point.latest
        and "X" not in point.value
        and not point.value.endswith("_REF")
    )


def _day_of_sentence(
    scanner: _Scanner, pieces: list[_Piece], points: list[TimePoint | None], index: int
) -> dt.date | None:
    """The nearest single day named in the same sentence as ``pieces[index]``.

    Only the few neighbouring mentions are looked at, which keeps the work per mention bounded.
    """
    piece = pieces[index]
    sentence = scanner.sentence(piece.first)
    best: tuple[int, dt.date] | None = None
    for step in (1, -1):  # on a tie the day after wins: "18:00 on Tuesday"
        other_index = index + step
        for _ in range(_NEIGHBOURS):
            if not 0 <= other_index < len(pieces):
                break
            other, point = pieces[other_index], points[other_index]
            if sentence not in (scanner.sentence(other.first), scanner.sentence(other.last)):
                break
            if point is not None and _single_day(point) and point.earliest is not None:
                distance = min(abs(other.first - piece.last), abs(piece.first - other.last))
                if best is None or distance < best[0]:
                    best = (distance, point.earliest)
                break
            other_index += step
    return None if best is None else best[1]


def normalize_date(
    text: str,
    /,
    *,
    reference: dt.date | None = None,
    day_order: DayOrder = "mdy",
    country: str | None = None,
) -> TimePoint:
    """Read one time expression and return its normalized value.

    ``reference`` is the date that relative expressions count from (an article's publication
    date); without it they stay underspecified (``XXXX-02-27``, ``XXXX-WXX-1``). ``day_order``
    says how to read all-number dates such as ``04/05/2025`` (see ``DayOrder``); ``country``
    (ISO 3166-1 alpha-3) says whose ``Independence Day`` is meant. Leading prepositions such as
    "on" or "since" are ignored. Raises ``InvalidDate`` when the text is not a time expression.

    >>> import datetime as dt
    >>> normalize_date("27 February", reference=dt.date(2025, 4, 12)).value
    '2025-02-27'
    >>> normalize_date("last week", reference=dt.date(2025, 4, 12)).value
    '2025-W14'
    >>> normalize_date("nearly 100 days").modifier
    Modifier.APPROXIMATE
    >>> normalize_date("Monday").value
    'XXXX-WXX-1'
    >>> normalize_date("314 prisoners")
    Traceback (most recent call last):
    ...
    peacetalks._errors.InvalidDate: '314 prisoners': not a time expression
    """
    _check_options(text, reference, day_order, country)
    stripped = text.strip()
    if stripped[:1] in _VALUE_STARTS:
        try:
            point = _from_value(stripped, reference)
        except ValueError:
            point = None
        if point is not None:
            return point
    scanner = _Scanner(text, ref=reference, whole=True, day_order=day_order, country=country)
    matches = scanner.scan()
    if not matches:
        raise InvalidDate(text)
    _check_coverage(scanner, matches)
    pieces = [piece for match in matches for piece in match.pieces]
    points = _resolve_all(scanner, pieces)
    if any(point is None for point in points):
        raise InvalidDate(text, "cannot give this expression a value")
    resolved = [point for point in points if point is not None]
    if len(resolved) == 1:
        return resolved[0]
    times = [p for p, piece in zip(resolved, pieces, strict=True) if piece.anchored]
    days = [p for p, piece in zip(resolved, pieces, strict=True) if not piece.anchored]
    if len(times) == 1 and days and all(_single_day(d) and d.value == days[0].value for d in days):
        return times[0]
    if len(days) == 2 and not times and days[0].value == days[1].value:
        return days[1]
    if _is_range(scanner, matches) and len(resolved) == 2:
        return _span_between(text, resolved[0], resolved[1])
    raise InvalidDate(text, "holds more than one time expression")


def _check_coverage(scanner: _Scanner, matches: list[_Match]) -> None:
    """In ``normalize_date`` every word must belong to the expression or be a signal word."""
    covered = [False] * scanner.n
    for match in matches:
        for piece in match.pieces:
            for j in range(piece.first, piece.last + 1):
                covered[j] = True
        first = match.pieces[0].first
        for j in range(first, match.end):
            covered[j] = True
    lex = scanner.lex
    for j in range(scanner.n):
        if covered[j] or scanner.kind[j] in (_PUNCT, _NL):
            continue
        w = scanner.low[j]
        if w in lex.signal_words or w in lex.range_joiners:
            continue
        if w in lex.articles and j + 1 < scanner.n and covered[j + 1]:
            continue
        if w == "s" and scanner.t(j - 1) == "'":
            continue
        raise InvalidDate(scanner.text)


def _is_range(scanner: _Scanner, matches: list[_Match]) -> bool:
    if len(matches) == 1:
        return matches[0].is_range
    if len(matches) != 2:
        return False
    between = range(matches[0].end, matches[1].pieces[0].first)
    return any(scanner.low[j] in scanner.lex.range_joiners for j in between)


def _span_between(text: str, first: TimePoint, second: TimePoint) -> TimePoint:
    """``between 2014 and 2016``: the duration from one end to the other (``P2Y``)."""
    a, b = first.earliest, second.earliest
    if a is None or b is None or first.granularity != second.granularity or b <= a:
        raise InvalidDate(text, "cannot measure this range")
    granularity = first.granularity
    if granularity is _YEAR:
        value = f"P{b.year - a.year}Y"
    elif granularity is _MONTH:
        value = f"P{(b.year - a.year) * 12 + b.month - a.month}M"
    elif granularity is _WEEK:
        value = f"P{(b - a).days // 7}W"
    elif granularity is _DAY:
        value = f"P{(b - a).days}D"
    else:
        raise InvalidDate(text, "cannot measure this range")
    return _point(value, _DURATION, granularity, a, second.latest, first.reference)


def find_dates(
    text: str,
    /,
    *,
    reference: dt.date | None = None,
    day_order: DayOrder = "mdy",
    country: str | None = None,
) -> tuple[DateMention, ...]:
    """Find every time expression in running text, with its span and normalized value.

    The sentence around an expression is used: its tense decides whether "on Monday" is the
    last or the next Monday, a clock time takes the day named in its sentence, and "the same
    day" or "three days later" count from the last day mentioned before. A range gives one
    mention for each end. The options are those of ``normalize_date``.

    >>> import datetime as dt
    >>> text = "Talks held on 11 April will resume on Monday, Lavrov said on Friday."
    >>> for m in find_dates(text, reference=dt.date(2025, 4, 12)):
    ...     print(m.span.start, m.text, m.value)
    14 11 April 2025-04-11
    38 Monday 2025-04-14
    61 Friday 2025-04-11
    """
    _check_options(text, reference, day_order, country)
    scanner = _Scanner(text, ref=reference, whole=False, day_order=day_order, country=country)
    matches = scanner.scan()
    pieces = [piece for match in matches for piece in match.pieces]
    points = _resolve_all(scanner, pieces)
    mentions = []
    for piece, point in zip(pieces, points, strict=True):
        if point is None:
            continue
        mentions.append(
            DateMention(
                span=Span(piece.start, piece.end), text=text[piece.start : piece.end], time=point
            )
        )
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return tuple(mentions)
