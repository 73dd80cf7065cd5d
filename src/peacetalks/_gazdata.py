"""Reading gazetteer data (JSON) into records and the extra facts the gazetteer needs.

The format is documented in docs/gazetteer.md. Bundled files: ``countries.json`` (states,
countries as places, capitals), ``places.json``, ``actors.json`` and ``offices.json`` (the words
of offices and government bodies).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import attrs
import regex

from peacetalks._errors import InvalidRecord
from peacetalks._model import Actor, Place, Role
from peacetalks._vocab import ActorKind, PlaceKind

__all__ = [
    "ActorExtra",
    "CountryInfo",
    "Institution",
    "Office",
    "Records",
    "Vocabulary",
    "bundled_records",
    "parse_records",
    "slug",
    "vocabulary",
]

_SLUG_DROP = regex.compile(r"[^a-z0-9]+")


def slug(text: str, /) -> str:
    """A lower-case ASCII slug with hyphens: "Côte d'Ivoire" -> ``'cote-divoire'``."""
    from peacetalks._names import fold_word

    words = [fold_word(word)[0] for word in regex.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)]
    return "-".join(w for w in (_SLUG_DROP.sub("", word) for word in words) if w)


@attrs.frozen
class Office:
    """An office: its id, the offices it counts as, and when it may be read alone."""

    office: str
    is_a: frozenset[str]
    generic: bool
    rank: bool


@attrs.frozen
class Institution:
    """A body every state has: its slug, the name used to build actors, and whether a bare
    mention without a country is reported. ``personal`` bodies are read only after a person
    ("Zelensky's office"); ``state`` words stand for the state itself ("the Russian side")."""

    institution: str
    name: str
    bare: bool
    personal: bool
    state: bool


@attrs.frozen
class Vocabulary:
    """The words of offices and bodies (``offices.json``)."""

    offices: Mapping[str, Office]
    office_phrases: tuple[tuple[str, str], ...]
    institutions: Mapping[str, Institution]
    institution_phrases: tuple[tuple[str, str], ...]
    past_modifiers: frozenset[str]
    other_modifiers: frozenset[str]
    head_nouns: tuple[str, ...]
    region_words: tuple[str, ...]
    articles: tuple[str, ...]
    connectors: tuple[str, ...]
    deputy_words: tuple[str, ...]

    def closure(self, office: str, /) -> frozenset[str]:
        """The office and every office it counts as, transitively."""
        seen = {office}
        todo = [office]
        while todo:
            info = self.offices.get(todo.pop())
            for parent in info.is_a if info else ():
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)


@attrs.frozen
class ActorExtra:
    """What the gazetteer knows of an actor beyond the ``Actor`` record."""

    short: tuple[str, ...] | None = None
    demonyms: tuple[str, ...] = ()
    seat_of: tuple[str, ...] = ()
    institution: str | None = None
    metonym_words: tuple[str, ...] = ()
    context_aliases: tuple[tuple[str, frozenset[str]], ...] = ()


@attrs.frozen
class CountryInfo:
    """A country's codes, words and seats of government."""

    code2: str
    code3: str
    name: str
    adjective: str
    demonyms: tuple[str, ...]
    capital: str | None
    seats: tuple[str, ...]
    capital_metonym: bool
    head: tuple[str, ...]


@attrs.frozen
class Records:
    """Actors, places, the extras of actors and the countries' facts read from data."""

    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    extras: Mapping[str, ActorExtra] = attrs.Factory(dict)
    countries: Mapping[str, CountryInfo] = attrs.Factory(dict)


def _read(name: str) -> Any:
    return json.loads(resources.files("peacetalks").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def vocabulary() -> Vocabulary:
    """The bundled office and body words, read once."""
    data = _read("offices.json")
    offices = {
        o["office"]: Office(
            office=o["office"],
            is_a=frozenset(o.get("is", ())),
            generic="generic" in o.get("flags", ()),
            rank="rank" in o.get("flags", ()),
        )
        for o in data["offices"]
    }
    institutions = {
        i["institution"]: Institution(
            institution=i["institution"],
            name=i["name"],
            bare=bool(i.get("bare")),
            personal=i["institution"] == "office",
            state=i["institution"] == "side",
        )
        for i in data["institutions"]
    }
    return Vocabulary(
        offices=offices,
        office_phrases=tuple((p, o["office"]) for o in data["offices"] for p in o["phrases"]),
        institutions=institutions,
        institution_phrases=tuple(
            (p, i["institution"]) for i in data["institutions"] for p in i["phrases"]
        ),
        past_modifiers=frozenset(data["modifiers"]["past"]),
        other_modifiers=frozenset(data["modifiers"]["other"]),
        head_nouns=tuple(data["head_nouns"]),
        region_words=tuple(data["region_words"]),
        articles=tuple(data["articles"]),
        connectors=tuple(data["connectors"]),
        deputy_words=tuple(data["deputy_words"]),
    )


def _date(value: Any, path: str) -> dt.date | None:
    """An ISO date, or a month or year read as its first day; ``None`` stays ``None``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(f"{path}: expected a date string or null, got {value!r}", path=path)
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidRecord(f"{path}: not a date: {value!r}", path=path) from exc


def _strings(value: Any, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidRecord(f"{path}: expected a list of non-empty strings", path=path)
    return tuple(value)


def _dedupe(values: Iterable[str], *, skip: Iterable[str] = ()) -> tuple[str, ...]:
    seen = set(skip)
    out = []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return tuple(out)


def _actor(entry: Any, path: str) -> tuple[Actor, ActorExtra]:
    if not isinstance(entry, Mapping):
        raise InvalidRecord(f"{path}: expected an object", path=path)
    try:
        roles = tuple(
            Role(
                r["title"],
                r.get("organization"),
                _date(r.get("start"), f"{path}.roles[{n}].start"),
                _date(r.get("end"), f"{path}.roles[{n}].end"),
            )
            for n, r in enumerate(entry.get("roles") or ())
        )
        name = entry["name"]
        actor = Actor(
            id=entry["id"],
            name=name,
            kind=entry["kind"],
            country=entry.get("country"),
            aliases=_dedupe(_strings(entry.get("aliases"), f"{path}.aliases"), skip=[name]),
            roles=roles,
            provisional=bool(entry.get("provisional", False)),
            wikidata=entry.get("wikidata"),
        )
        short = entry.get("short")
        context = tuple(
            (c["alias"], frozenset(w.casefold() for w in c["after"]))
            for c in entry.get("context_aliases") or ()
        )
        extra = ActorExtra(
            short=None if short is None else _strings(short, f"{path}.short"),
            demonyms=_strings(entry.get("demonyms"), f"{path}.demonyms"),
            seat_of=_strings(entry.get("seat_of"), f"{path}.seat_of"),
            institution=entry.get("institution"),
            metonym_words=_strings(entry.get("metonym_words"), f"{path}.metonym_words"),
            context_aliases=context,
        )
    except InvalidRecord:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidRecord(f"{path}: {type(exc).__name__}: {exc}", path=path) from exc
    return actor, extra


def _place(entry: Any, path: str) -> Place:
    if not isinstance(entry, Mapping):
        raise InvalidRecord(f"{path}: expected an object", path=path)
    try:
        name = entry["name"]
        return Place(
            id=entry["id"],
            name=name,
            kind=entry["kind"],
            code=entry.get("code"),
            country=entry.get("country"),
            aliases=_dedupe(_strings(entry.get("aliases"), f"{path}.aliases"), skip=[name]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidRecord(f"{path}: {type(exc).__name__}: {exc}", path=path) from exc


def _countries(
    entries: Sequence[Any], places: dict[str, Place], path: str
) -> tuple[list[Actor], list[Place], dict[str, ActorExtra], dict[str, CountryInfo]]:
    """States, countries as places, and capitals and seats not already among ``places``."""
    by_name: dict[str, str] = {}
    for place in places.values():
        if place.kind is PlaceKind.CITY:
            for name in (place.name, *place.aliases):
                by_name.setdefault(name, place.id)
    states: list[Actor] = []
    countries: list[Place] = []
    extras: dict[str, ActorExtra] = {}
    infos: dict[str, CountryInfo] = {}
    for n, entry in enumerate(entries):
        where = f"{path}[{n}]"
        try:
            code3 = entry["code3"]
            name = entry["name"]
            aliases = _dedupe(_strings(entry.get("aliases"), f"{where}.aliases"), skip=[name])
            demonyms = _dedupe(_strings(entry.get("demonyms"), f"{where}.demonyms"))
            cities: list[str] = []
            for number, city in enumerate([entry.get("capital"), *entry.get("seats", ())]):
                if not city:
                    continue
                pid = by_name.get(city) or f"place:{slug(city)}"
                if pid not in places:
                    extra_names = entry.get("capital_aliases", ()) if number == 0 else ()
                    places[pid] = Place(
                        id=pid, name=city, kind="city", country=code3, aliases=tuple(extra_names)
                    )
                    by_name[city] = pid
                cities.append(pid)
            states.append(
                Actor(
                    id=f"state:{code3.lower()}",
                    name=name,
                    kind=ActorKind.STATE,
                    country=code3,
                    aliases=aliases,
                    wikidata=entry.get("wikidata"),
                )
            )
            countries.append(
                Place(
                    id=f"country:{code3.lower()}",
                    name=name,
                    kind=PlaceKind.COUNTRY,
                    code=code3,
                    country=code3,
                    aliases=aliases,
                )
            )
            capital = cities[0] if entry.get("capital") else None
            seats = tuple(cities[1:] if capital else cities)
            infos[code3] = CountryInfo(
                code2=entry["code2"],
                code3=code3,
                name=name,
                adjective=entry.get("adjective") or (demonyms[0] if demonyms else name),
                demonyms=demonyms,
                capital=capital,
                seats=seats,
                capital_metonym=entry.get("capital_metonym", True),
                head=_strings(entry.get("head"), f"{where}.head")
                or ("president", "prime-minister"),
            )
            extras[f"state:{code3.lower()}"] = ActorExtra(demonyms=demonyms)
        except InvalidRecord:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidRecord(f"{where}: {type(exc).__name__}: {exc}", path=where) from exc
    return states, countries, extras, infos


def parse_records(data: Any, /, *, source: str = "$") -> Records:
    """Records from one JSON document with any of ``countries``, ``places`` and ``actors``."""
    if not isinstance(data, Mapping):
        raise InvalidRecord(f"{source}: a gazetteer file is a JSON object", path=source)
    unknown = set(data) - {"checked", "about", "countries", "places", "actors", "schema"}
    if unknown:
        raise InvalidRecord(f"{source}: unknown keys {sorted(unknown)}", path=source)
    places: dict[str, Place] = {}
    for n, entry in enumerate(data.get("places") or ()):
        place = _place(entry, f"{source}.places[{n}]")
        places[place.id] = place
    states, countries, extras, infos = _countries(
        data.get("countries") or (), places, f"{source}.countries"
    )
    actors = list(states)
    for n, entry in enumerate(data.get("actors") or ()):
        actor, extra = _actor(entry, f"{source}.actors[{n}]")
        actors.append(actor)
        extras[actor.id] = extra
    return Records(
        actors=tuple(actors),
        places=(*countries, *places.values()),
        extras=extras,
        countries=infos,
    )


@cache
def bundled_records() -> Records:
    """The bundled countries, places and actors, read once."""
    merged = {
        "countries": _read("countries.json")["countries"],
        "places": _read("places.json")["places"],
        "actors": _read("actors.json")["actors"],
    }
    return parse_records(merged, source="data")
