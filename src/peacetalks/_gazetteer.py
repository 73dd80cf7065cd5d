"""The gazetteer: known actors and places, lookups by name, role, demonym and metonym, and a
linear-time scan of running text for every mention of them.

The knowledge is data (``data/countries.json``, ``places.json``, ``actors.json``,
``offices.json``); this module holds the rules. See docs/gazetteer.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs
import regex

from peacetalks._errors import InvalidName, InvalidRecord
from peacetalks._gazdata import (
    ActorExtra,
    CountryInfo,
    Records,
    Vocabulary,
    bundled_records,
    parse_records,
    slug,
    vocabulary,
)
from peacetalks._model import Actor, Place, Span
from peacetalks._names import (
    display_name,
    fold_word,
    name_forms,
    normalize_name,
    rules,
    title_only,
)
from peacetalks._vocab import ActorKind, MentionKind, MentionRule, PlaceKind

__all__ = [
    "Candidate",
    "Gazetteer",
    "Hit",
    "Lookup",
    "provisional_actor",
    "resolve_actor",
    "resolve_place",
    "same_actor",
]


# ---------------------------------------------------------------------------------------------
# Result records


def _is_record(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (Actor, Place)):
        raise TypeError(f"{attribute.name} must be an Actor or a Place, got {type(value).__name__}")


def _candidates(values: Iterable[Candidate]) -> tuple[Candidate, ...]:
    return tuple(values)


@attrs.frozen
class Candidate:
    """One reading of a mention: an actor or a place, and the rule that ties it to the text.

    >>> gaz = Gazetteer.default()
    >>> [(c.id, str(c.rule)) for c in gaz.lookup("Moscow").candidates]
    [('state:rus', 'metonym'), ('place:moscow', 'name')]
    """

    record: Actor | Place = attrs.field(validator=_is_record)
    rule: MentionRule = attrs.field(converter=MentionRule)

    @property
    def id(self) -> str:
        """The id of the actor or place."""
        return self.record.id

    @property
    def kind(self) -> MentionKind:
        """``actor`` or ``place``."""
        return MentionKind.PLACE if isinstance(self.record, Place) else MentionKind.ACTOR


@attrs.frozen(kw_only=True)
class Hit:
    """A mention found by ``Gazetteer.scan``: where it is, what it says, and who it may be.

    ``rule`` is the rule of the first candidate (or of the hit, when it has none);
    ``candidates`` lists every reading, several when the text is ambiguous ("Moscow": the
    state as speaker, the city as place). ``office`` is set on role hits ("the US president":
    ``'president'``), ``institution`` on government bodies built by rule ("the foreign
    ministry": ``'foreign-ministry'``), ``qualifier`` is the id of the actor named before a role
    or body ("Kremlin spokesman": ``'gov:kremlin'``). A hit with no candidates needs context: a
    bare body or title ("the foreign ministry said") whose country the text gives elsewhere.

    >>> hit = Gazetteer.default().scan("Kremlin spokesman Dmitry Peskov said")[0]
    >>> hit.text, str(hit.rule), hit.office, hit.ids
    ('Kremlin spokesman', 'role', 'spokesperson', ('person:dmitry-peskov',))
    """

    span: Span
    text: str
    rule: MentionRule = attrs.field(converter=MentionRule)
    candidates: tuple[Candidate, ...] = attrs.field(default=(), converter=_candidates)
    office: str | None = None
    institution: str | None = None
    qualifier: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the candidates, in order."""
        return tuple(c.id for c in self.candidates)

    @property
    def is_ambiguous(self) -> bool:
        """Whether more than one reading is possible."""
        return len(self.candidates) > 1


@attrs.frozen(kw_only=True)
class Lookup:
    """The readings of a whole name or description, as ``Gazetteer.lookup`` finds them.

    >>> found = Gazetteer.default().lookup("Donetsk")
    >>> found.ids, found.is_ambiguous, found.place is None
    (('place:donetsk', 'place:ua-donetsk-oblast'), True, True)
    """

    text: str
    candidates: tuple[Candidate, ...] = attrs.field(default=(), converter=_candidates)
    office: str | None = None
    institution: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the candidates, in order."""
        return tuple(c.id for c in self.candidates)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The actor candidates."""
        return tuple(c.record for c in self.candidates if isinstance(c.record, Actor))

    @property
    def places(self) -> tuple[Place, ...]:
        """The place candidates."""
        return tuple(c.record for c in self.candidates if isinstance(c.record, Place))

    @property
    def actor(self) -> Actor | None:
        """The one actor this text names, or ``None`` when it names none or several."""
        actors = self.actors
        return actors[0] if len(actors) == 1 else None

    @property
    def place(self) -> Place | None:
        """The one place this text names, or ``None`` when it names none or several."""
        places = self.places
        return places[0] if len(places) == 1 else None

    @property
    def is_ambiguous(self) -> bool:
        """Whether the text names several actors or several places."""
        return len(self.actors) > 1 or len(self.places) > 1


# ---------------------------------------------------------------------------------------------
# Tokens

# A dotted abbreviation ("U.S.", "D.C."), a word (with inner apostrophes: "d'Ivoire", "Sa'ar"),
# or a possessive ending, which is a token of its own so that spans can leave it out.
_TOKEN = regex.compile(
    # bounded, so that a long run of "U.S.U.S.U" cannot make the engine backtrack for ever
    r"(?:\p{Lu}\.){2,8}(?!\p{L})"
    r"|[^\W_]+(?:['’ʼ](?![sS](?![^\W_]))[^\W_]+)*"
    r"|['’ʼ][sS](?![^\W_])"
)
_HYPHENS = str.maketrans("", "", "-‐‑‒–—")
_ANY, _CAP, _EXACT = 0, 1, 2
_RANK = {
    MentionRule.NAME: 0,
    MentionRule.ALIAS: 1,
    MentionRule.DEMONYM: 2,
    MentionRule.METONYM: 3,
    MentionRule.ROLE: 4,
    MentionRule.PROVISIONAL: 5,
}
_PLACE_ORDER = {
    PlaceKind.COUNTRY: 0,
    PlaceKind.CITY: 1,
    PlaceKind.REGION: 2,
    PlaceKind.OTHER: 3,
    PlaceKind.SEA: 4,
}
_MAX_RUN = 12


class _Token:
    __slots__ = ("cap", "end", "key", "plain", "poss", "raw", "start", "upper")

    def __init__(self, start: int, end: int, raw: str, plain: str, key: str) -> None:
        self.start = start
        self.end = end
        self.raw = raw
        self.plain = plain
        self.key = key
        self.poss = raw[0] in "'’ʼ"
        first = raw[0]
        self.cap = first.isupper() or first.istitle() or first.isdigit()
        self.upper = len(raw) > 1 and raw.isupper()


class _Entry:
    """One way of writing a record, ready to be matched against tokens."""

    __slots__ = ("after", "cases", "gaps", "literal", "plain", "rank", "ref", "rule", "variants")

    def __init__(
        self,
        ref: str,
        rule: MentionRule,
        plain: tuple[str, ...],
        cases: tuple[int, ...],
        literal: tuple[str, ...],
        gaps: tuple[str, ...],
        variants: bool,
        after: frozenset[str] | None = None,
    ) -> None:
        self.ref = ref
        self.rule = rule
        self.plain = plain
        self.cases = cases
        self.literal = literal
        self.gaps = gaps
        self.variants = variants
        self.after = after
        self.rank = _RANK.get(rule, 9)


def _norm_gap(gap: str, previous: str) -> str:
    """A gap between two tokens, with what never matters removed; a line break stays."""
    if gap == " " or not gap:
        return ""
    if "\n" in gap or "\r" in gap:
        return "\n"
    gap = "".join(gap.split()).translate(_HYPHENS)
    if "." in gap and len(previous) <= 3:
        gap = gap.replace(".", "", 1)
    return gap


def _case(raw: str, plain: str, lowercase: frozenset[str]) -> int:
    if raw[0] in "'’ʼ" or not any(c.isalpha() for c in raw):
        return _ANY
    letters = raw.replace(".", "")
    if len(letters) <= 3 and (
        sum(c.isupper() for c in letters) >= 2 or (len(letters) == 1 and letters.isupper())
    ):
        return _EXACT
    if plain in lowercase or raw.islower():
        return _ANY
    return _CAP if raw[0].isupper() or raw[0].istitle() else _ANY


class _Folder:
    """Folds tokens, remembering what it has folded (one per build or per scan)."""

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        # ``known`` maps the plain words of the data to their keys; with it, a lower-case
        # English word is looked up instead of respelled (it can only meet the data as itself)
        self.known = known
        self.memo: dict[str, tuple[str, str]] = {}

    def __call__(self, raw: str) -> tuple[str, str]:
        found = self.memo.get(raw)
        if found is None:
            if self.known is not None and raw.isascii() and raw.islower() and raw.isalpha():
                found = (raw, self.known.get(raw, raw))
            else:
                found = fold_word(raw)
            self.memo[raw] = found
        return found

    def tokens(self, text: str) -> list[_Token]:
        out = []
        for match in _TOKEN.finditer(text):
            raw = match.group()
            if raw[0] in "'’ʼ":
                out.append(_Token(match.start(), match.end(), raw, "'s", "'s"))
                continue
            plain, key = self(raw)
            if plain:
                out.append(_Token(match.start(), match.end(), raw, plain, key))
        return out


Trie = dict[str, Any]


def _trie_add(trie: Trie, keys: Sequence[str], entry: _Entry) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    node.setdefault("", []).append(entry)


# ---------------------------------------------------------------------------------------------
# The built gazetteer


@attrs.frozen
class _RoleRecord:
    person: Actor
    start: dt.date | None
    end: dt.date | None
    offices: frozenset[str]
    organization: str | None
    country: str | None
    seats: frozenset[str]
    state_level: bool
    title_words: frozenset[str]


class _Index:
    """Every structure the lookups and the scan need, built once per gazetteer."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.vocab: Vocabulary = vocabulary()
        self.name_rules = rules()
        self.actors: dict[str, Actor] = {a.id: a for a in records.actors}
        self.places: dict[str, Place] = {p.id: p for p in records.places}
        self.extras: Mapping[str, ActorExtra] = records.extras
        self.countries: Mapping[str, CountryInfo] = records.countries
        self.by_code: dict[str, str] = {}
        for info in self.countries.values():
            self.by_code[info.code2.upper()] = info.code3
            self.by_code[info.code3.upper()] = info.code3
        folder = _Folder()
        self.connectors = frozenset(self.vocab.connectors)
        self.particles = self.name_rules.plain_particles
        self.variant_countries = self.name_rules.transliterated_countries
        # words a name may hold in lower case ("Institute for the Study of War", "al-Hayya")
        self.lowercase = self.connectors | self.particles
        self.names: Trie = {}
        self.offices: Trie = {}
        self.institutions: Trie = {}
        self.keys: dict[str, list[_Entry]] = {}
        self._build_phrases(folder)
        self._build_names(folder)
        self.known_plain = {
            plain: key for plain, key in folder.memo.values() if plain.isascii() and plain.isalpha()
        }
        self.head_nouns = frozenset(folder(word)[1] for word in self.vocab.head_nouns)
        self.region_words = frozenset(folder(word)[1] for word in self.vocab.region_words)
        self.articles = frozenset(folder(word)[1] for word in self.vocab.articles)
        self.past = frozenset(folder(word)[1] for word in self.vocab.past_modifiers)
        self.modifiers = self.past | frozenset(
            folder(word)[1] for word in self.vocab.other_modifiers
        )
        # the keys a match can start with: any other word is passed over at once
        self.starts = frozenset(
            (*self.names, *self.offices, *self.institutions, *self.modifiers)
        ) | frozenset(folder(word)[1] for word in (*self.vocab.deputy_words, "first"))
        self.roles = self._build_roles(folder)
        self.roles_by_office: dict[str, list[_RoleRecord]] = {}
        for rec in self.roles:
            for office in rec.offices:
                self.roles_by_office.setdefault(office, []).append(rec)
        self.institution_actors: dict[tuple[str, str], Actor] = {}
        for actor in self.actors.values():
            if actor.kind is ActorKind.GOVERNMENT and actor.country:
                found = regex.fullmatch(r"gov:([a-z]{3})-(.+)", actor.id)
                if found and found.group(1).upper() == actor.country:
                    self.institution_actors.setdefault((actor.country, found.group(2)), actor)
        for actor in self.actors.values():
            extra = self.extras.get(actor.id)
            if extra and extra.institution and actor.country:
                self.institution_actors[(actor.country, extra.institution)] = actor

    # -- building ------------------------------------------------------------------------------

    def _entry(
        self,
        folder: _Folder,
        text: str,
        ref: str,
        rule: MentionRule,
        variants: bool,
        after: frozenset[str] | None = None,
    ) -> tuple[list[str], _Entry] | None:
        toks = folder.tokens(text)
        if not toks:
            return None
        gaps = tuple(_norm_gap(text[a.end : b.start], a.plain) for a, b in itertools.pairwise(toks))
        literal = tuple(t.raw.replace(".", "") for t in toks)
        # an acronym is written one way ("MBS" is not "MBZ")
        acronym = all(w.isupper() or not w.isalpha() for w in literal)
        entry = _Entry(
            ref=ref,
            rule=rule,
            plain=tuple(t.plain for t in toks),
            cases=tuple(_case(t.raw, t.plain, self.lowercase) for t in toks),
            literal=literal,
            gaps=gaps,
            variants=variants and not acronym,
            after=after,
        )
        return [t.key for t in toks], entry

    def _add(
        self,
        folder: _Folder,
        text: str,
        ref: str,
        rule: MentionRule,
        variants: bool,
        *,
        scan: bool = True,
        after: frozenset[str] | None = None,
        short: bool = False,
    ) -> None:
        built = self._entry(folder, text, ref, rule, variants, after)
        if built is None:
            return
        keys, entry = built
        # a lone letter or a lone common word ("May") never stands for a record by itself
        lone = len(keys) == 1 and (
            (len(entry.plain[0]) == 1 and after is None)
            or (keys[0] in self.name_rules.common_words and not entry.literal[0].isupper())
        )
        if scan and not lone:
            _trie_add(self.names, keys, entry)
        key, plain = name_forms(text)
        if key and not (lone and short):
            # an acronym keeps its capitals in lookups too ("us" is not the US)
            capitals = (_EXACT,) if all(c == _EXACT for c in entry.cases) else ()
            lookup_entry = _Entry(
                ref, rule, tuple(plain.split()), capitals, (), (), entry.variants, None
            )
            self.keys.setdefault(key, []).append(lookup_entry)

    def _build_names(self, folder: _Folder) -> None:
        articles = {"the", "a", "an"}
        for actor in self.actors.values():
            extra = self.extras.get(actor.id, ActorExtra())
            person = actor.kind is ActorKind.PERSON
            variants = person or actor.country in self.variant_countries
            metonyms = set(extra.metonym_words)
            names = [actor.name, *actor.aliases]
            lowered = {n.casefold() for n in names}
            for number, name in enumerate(names):
                first, _, rest = name.partition(" ")
                if first.lower() in articles and rest.casefold() in lowered:
                    continue  # "the White House" when "White House" is there too
                if name in metonyms:
                    rule = MentionRule.METONYM
                else:
                    rule = MentionRule.NAME if number == 0 else MentionRule.ALIAS
                if actor.kind is ActorKind.GOVERNMENT and self._is_bare_phrase(folder, name):
                    # "MoD", "Foreign Ministry": a body every state has; read by rule only
                    self._add(folder, name, actor.id, rule, variants, scan=False)
                    continue
                self._add(folder, name, actor.id, rule, variants)
            for word in extra.metonym_words:
                if word not in names:
                    self._add(folder, word, actor.id, MentionRule.METONYM, variants)
            for demonym in extra.demonyms:
                self._add(folder, demonym, actor.id, MentionRule.DEMONYM, variants)
            for alias, after in extra.context_aliases:
                self._add(folder, alias, actor.id, MentionRule.ALIAS, variants, after=after)
            if person:
                for short in self._short_forms(actor, extra):
                    self._add(folder, short, actor.id, MentionRule.NAME, True, short=True)
        for place in self.places.values():
            variants = place.country in self.variant_countries
            for number, name in enumerate((place.name, *place.aliases)):
                rule = MentionRule.NAME if number == 0 else MentionRule.ALIAS
                self._add(folder, name, place.id, rule, variants)
        # capitals and seats of government stand for the state when they speak
        for info in self.countries.values():
            state = f"state:{info.code3.lower()}"
            if state not in self.actors:
                continue
            cities = ([info.capital] if info.capital and info.capital_metonym else []) + list(
                info.seats
            )
            for pid in cities:
                city = self.places.get(pid)
                if city is None:
                    continue
                for name in (city.name, *city.aliases):
                    self._add(
                        folder,
                        name,
                        state,
                        MentionRule.METONYM,
                        city.country in self.variant_countries,
                    )

    def _is_bare_phrase(self, folder: _Folder, text: str) -> bool:
        node: Trie | None = self.institutions
        for tok in folder.tokens(text):
            node = node.get(tok.key) if node is not None else None
        return node is not None and "" in node

    def _short_forms(self, actor: Actor, extra: ActorExtra) -> list[str]:
        if extra.short is not None:
            forms = list(extra.short)
        else:
            words = actor.name.split()
            if len(words) < 2:
                return []
            start = len(words) - 1
            while start > 1 and words[start - 1].lower() in self.particles:
                start -= 1
            family = " ".join(words[start:])
            forms = [family]
            for alias in actor.aliases:
                alias_words = alias.split()
                if len(alias_words) == 2 and alias_words[0] == words[0]:
                    forms.append(alias_words[1])
            if len(words) > 2:
                forms.append(f"{words[0]} {words[-1]}")
        out = []
        for form in forms:
            out.append(form)
            head, _, tail = form.partition("-")
            if head.lower() in {"al", "el"} and tail:
                # "al-Hayya", "el-Hayya" and "Hayya" are one name
                out.extend([tail, f"{'el' if head.lower() == 'al' else 'al'}-{tail}"])
        return [f for f in out if len(f.replace(" ", "")) > 1]

    def _build_phrases(self, folder: _Folder) -> None:
        self.offices = {}
        self.institutions = {}
        for phrase, office in self.vocab.office_phrases:
            built = self._entry(folder, phrase, office, MentionRule.ROLE, False)
            info = self.vocab.offices[office]
            if built:
                _trie_add(self.offices, built[0], built[1])
                if not phrase.endswith("s") and not info.generic and not info.rank:
                    plural = self._entry(folder, phrase + "s", office, MentionRule.ROLE, False)
                    if plural:
                        _trie_add(self.offices, plural[0], plural[1])
        for phrase, slug_ in self.vocab.institution_phrases:
            built = self._entry(folder, phrase, slug_, MentionRule.ALIAS, False)
            if built:
                _trie_add(self.institutions, built[0], built[1])

    def _build_roles(self, folder: _Folder) -> tuple[_RoleRecord, ...]:
        seats: dict[tuple[str | None, str], set[str]] = {}
        for actor in self.actors.values():
            extra = self.extras.get(actor.id)
            for office in extra.seat_of if extra else ():
                for sub in self._offices_counting_as(office):
                    seats.setdefault((actor.country, sub), set()).add(actor.id)
        out = []
        for actor in self.actors.values():
            if actor.kind is not ActorKind.PERSON:
                continue
            for role in actor.roles:
                found = self.office_of_title(role.title, folder)
                if found is None:
                    continue
                country = self.country_of(role.organization) or actor.country
                closure = self.vocab.closure(found)
                seat = set()
                for sub in closure:
                    seat |= seats.get((country, sub), set())
                org = role.organization
                body = self.actors.get(org) if org else None
                # an office of the state: held in the state or one of its government bodies
                state_level = (
                    org is None
                    or (body is not None and body.kind in (ActorKind.STATE, ActorKind.GOVERNMENT))
                    or (body is None and org.split(":")[0] in ("state", "gov", "place", "country"))
                )
                out.append(
                    _RoleRecord(
                        person=actor,
                        start=role.start,
                        end=role.end,
                        offices=closure,
                        organization=org,
                        country=country,
                        seats=frozenset(seat),
                        state_level=state_level,
                        title_words=frozenset(t.plain for t in folder.tokens(role.title)),
                    )
                )
        return tuple(out)

    def _offices_counting_as(self, office: str) -> set[str]:
        return {o for o in self.vocab.offices if office in self.vocab.closure(o)}

    def office_of_title(self, title: str, folder: _Folder | None = None) -> str | None:
        """The office a role title names: the leftmost office phrase in it, longest first;
        ``deputy-<office>`` when "deputy", "vice", "under" or "assistant" stands before it."""
        folder = folder or _Folder()
        toks = folder.tokens(title)
        gaps = _gaps(title, toks)
        for i in range(len(toks)):
            found = _walk_phrase(self.offices, toks, i, gaps)
            if found:
                _end, entries = found[-1]
                office = entries[0].ref
                if i > 0 and toks[i - 1].plain in {"deputy", "vice", "under", "assistant"}:
                    return f"deputy-{office}"
                return office
        return None

    def country_of(self, ref: str | None) -> str | None:
        """The ISO alpha-3 country of an actor or place id, or of a rule-built body's id."""
        if ref is None:
            return None
        record = self.actors.get(ref) or self.places.get(ref)
        if record is not None:
            return record.country
        found = regex.fullmatch(r"(?:state|gov|country):([a-z]{3})(?:-.*)?", ref)
        if found and found.group(1).upper() in self.countries:
            return found.group(1).upper()
        return None


def _gaps(text: str, toks: Sequence[_Token]) -> list[str]:
    """The normalized gap before each token; the first token has none."""
    return [""] + [_norm_gap(text[a.end : b.start], a.plain) for a, b in itertools.pairwise(toks)]


def _walk_phrase(
    trie: Trie, toks: Sequence[_Token], i: int, gaps: Sequence[str]
) -> list[tuple[int, list[_Entry]]]:
    """Every entry of ``trie`` that matches from token ``i`` on (with its case, gap and
    spelling rules), shortest first. ``gaps[j]`` is the normalized gap before token ``j``."""
    out: list[tuple[int, list[_Entry]]] = []
    node = trie
    j = i
    while j < len(toks):
        child = node.get(toks[j].key)
        if child is None:
            break
        node = child
        entries = node.get("")
        if entries:
            fitting = [e for e in entries if _fits(e, toks, i, j + 1, gaps)]
            if fitting:
                out.append((j + 1, fitting))
        j += 1
    return out


def _fits(entry: _Entry, toks: Sequence[_Token], i: int, end: int, gaps: Sequence[str]) -> bool:
    for k, need in enumerate(entry.cases):
        tok = toks[i + k]
        if need == _CAP and not tok.cap:
            return False
        if need == _EXACT:
            letters = tok.raw.replace(".", "")
            if letters != entry.literal[k] and not (
                tok.upper or (len(letters) == 1 and letters.isupper())
            ):
                return False
    for k, gap in enumerate(entry.gaps):
        if gaps[i + k + 1] != gap:
            return False
    if not entry.variants and entry.plain != tuple(t.plain for t in toks[i:end]):
        return False
    return not (entry.after is not None and (i == 0 or toks[i - 1].plain not in entry.after))


# ---------------------------------------------------------------------------------------------
# The scanner: one pass over the tokens, longest match first


class _Match:
    """A candidate hit (or pair of hits) found at one token position."""

    __slots__ = ("end", "hits")

    def __init__(self, end: int, hits: list[_Pending]) -> None:
        self.end = end
        self.hits = hits


class _Pending:
    """A hit before its candidates are final (spans in tokens)."""

    __slots__ = (
        "candidates",
        "first",
        "institution",
        "last",
        "office",
        "past",
        "qualifier",
        "qualifier_country",
        "rule",
    )

    def __init__(
        self,
        first: int,
        last: int,
        rule: MentionRule,
        candidates: list[Candidate],
        *,
        office: str | None = None,
        institution: str | None = None,
        qualifier: str | None = None,
        qualifier_country: str | None = None,
        past: bool = False,
    ) -> None:
        self.first = first
        self.last = last
        self.rule = rule
        self.candidates = candidates
        self.office = office
        self.institution = institution
        self.qualifier = qualifier
        self.qualifier_country = qualifier_country
        self.past = past


class _Scan:
    """The state of one scan of one text."""

    def __init__(self, gaz: _Index, text: str, on: dt.date | None) -> None:
        self.gaz = gaz
        self.text = text
        self.on = on
        self.folder = _Folder(gaz.known_plain)
        self.toks = toks = self.folder.tokens(text)
        # the normalized gap before each token (the first has none)
        self.gaps = _gaps(text, toks)

    # -- primitives ----------------------------------------------------------------------------

    def gap(self, j: int) -> str:
        """The normalized gap between token ``j - 1`` and token ``j``."""
        return self.gaps[j]

    def raw_gap(self, j: int) -> str:
        toks = self.toks
        return self.text[toks[j - 1].end : toks[j].start]

    def walk(self, trie: Trie, i: int) -> list[tuple[int, list[_Entry]]]:
        return _walk_phrase(trie, self.toks, i, self.gaps)

    def record(self, ref: str) -> Actor | Place | None:
        return self.gaz.actors.get(ref) or self.gaz.places.get(ref)

    def candidates(self, entries: Iterable[_Entry]) -> list[Candidate]:
        places = self.gaz.places

        def order(entry: _Entry) -> tuple[bool, int, int]:
            # actors first; then by rule; a city before the region named after it
            place = places.get(entry.ref)
            kind = _PLACE_ORDER.get(place.kind, 9) if place is not None else 0
            return (place is not None, entry.rank, kind)

        ordered = sorted(entries, key=order)
        seen: set[str] = set()
        out = []
        for entry in ordered:
            if entry.ref in seen:
                continue
            record = self.record(entry.ref)
            if record is not None:
                seen.add(entry.ref)
                out.append(Candidate(record, entry.rule))
        return out

    def skip_modifiers(self, j: int) -> tuple[int, bool]:
        """Skip up to two modifiers ("former", "acting"); say whether one asks for the past."""
        past = False
        for _ in range(2):
            if j < len(self.toks) and self.toks[j].key in self.gaz.modifiers:
                past = past or self.toks[j].key in self.gaz.past
                if j + 1 < len(self.toks) and self.gap(j + 1) in ("", "-"):
                    j += 1
                    continue
            break
        return j, past

    def offices_at(self, pos: int) -> list[tuple[int, str]]:
        """Offices that start at ``pos`` (end, office id); after "deputy", "vice" or
        "assistant" the office is ``deputy-<office>`` ("deputy head of ...")."""
        toks = self.toks
        deputies = self.gaz.vocab.deputy_words
        out = [(end, found[0].ref) for end, found in self.walk(self.gaz.offices, pos)]
        k = pos
        # "first deputy foreign minister"
        if k + 1 < len(toks) and toks[k].plain == "first" and toks[k + 1].plain in deputies:
            k += 1
        if k < len(toks) and toks[k].plain in deputies:
            k += 1
        else:
            k = pos
        if k > pos and k < len(toks) and self.gap(k) in ("", "-"):
            out += [
                (end, f"deputy-{found[0].ref}") for end, found in self.walk(self.gaz.offices, k)
            ]
        # a title after a number is a time of day ("9:42 PM")
        if pos > 0 and toks[pos - 1].raw.isdigit():
            out = [(end, o) for end, o in out if not toks[pos].upper]
        return out

    # -- qualifiers ----------------------------------------------------------------------------

    def qualifiers(self, entries: Sequence[_Entry]) -> list[tuple[str, str, str | None]]:
        """(kind, id, country) of the records that can stand before an office or a body: a
        ``state``, a ``person`` (with a possessive), a ``body``, or a ``seat`` (a body named by
        a metonym, which stands first for the offices it houses)."""
        out = []
        seen = set()
        for entry in entries:
            ref = entry.ref
            if ref in seen or ref in self.gaz.places:
                continue
            actor = self.gaz.actors.get(ref)
            if actor is None:
                continue
            seen.add(ref)
            if actor.kind is ActorKind.STATE:
                out.append(("state", ref, actor.country))
            elif actor.kind is ActorKind.PERSON:
                out.append(("person", ref, actor.country))
            elif (
                entry.rule is MentionRule.METONYM and self.gaz.extras.get(ref, ActorExtra()).seat_of
            ):
                # "the Kremlin" as a name stands for the office it houses ("Kremlin leader")
                out.append(("seat", ref, actor.country))
            elif entry.rule is not MentionRule.DEMONYM or actor.kind is not ActorKind.GROUP:
                out.append(("body", ref, actor.country))
        return out

    def holders(
        self,
        office: str,
        *,
        country: str | None = None,
        organizations: frozenset[str] | None = None,
        past: bool = False,
        within: Sequence[Actor] | None = None,
        words: frozenset[str] = frozenset(),
        seats_first: bool = False,
    ) -> list[Actor]:
        found = self._holders(office, country, organizations, past, within, seats_first)
        if len(found) > 1 and words:
            # of several holders, those whose title has every word of the text's phrase
            # ("foreign policy aide": the aide for foreign policy)
            titled = [
                p
                for p in found
                if any(
                    rec.person.id == p.id and words <= rec.title_words
                    for rec in self.gaz.roles_by_office.get(office, ())
                )
            ]
            if titled:
                return titled
        return found

    def _holders(
        self,
        office: str,
        country: str | None,
        organizations: frozenset[str] | None,
        past: bool,
        within: Sequence[Actor] | None,
        seats_first: bool = False,
    ) -> list[Actor]:
        gaz = self.gaz
        if office == "leader" and country and organizations is None:
            info = gaz.countries.get(country)
            for head in info.head if info else ("president", "prime-minister"):
                found = self._holders(head, country, None, past, within)
                if found:
                    return found
            return []
        out: list[Actor] = []
        housed: list[Actor] = []  # held in another body, housed in one of ``organizations``
        for rec in gaz.roles_by_office.get(office, ()):
            if country is not None and (rec.country != country or not rec.state_level):
                continue
            direct = True
            if organizations is not None and rec.organization not in organizations:
                if not rec.seats & organizations:
                    continue
                direct = False
            if within is not None:
                if rec.person not in within:
                    continue
            elif past:
                if rec.end is None or (self.on is not None and rec.end > self.on):
                    continue
            elif self.on is None:
                if rec.end is not None:
                    continue
            elif not (
                (rec.start is None or rec.start <= self.on)
                and (rec.end is None or self.on < rec.end)
            ):
                continue
            chosen = out if direct else housed
            if rec.person not in chosen:
                chosen.append(rec.person)
        first, second = (housed, out) if seats_first else (out, housed)
        return first or second

    def words(self, start: int, end: int) -> frozenset[str]:
        """The plain words of tokens ``start`` to ``end``."""
        return frozenset(t.plain for t in self.toks[start:end])

    def organizations_of(self, person: Actor) -> frozenset[str]:
        """The bodies a person's roles belong to, and the bodies that house those roles."""
        orgs: set[str] = set()
        for rec in self.gaz.roles:
            if rec.person.id != person.id:
                continue
            if self.on is None and rec.end is not None:
                continue
            if self.on is not None and not (
                (rec.start is None or rec.start <= self.on)
                and (rec.end is None or self.on < rec.end)
            ):
                continue
            if rec.organization:
                orgs.add(rec.organization)
            orgs |= rec.seats
        return frozenset(orgs)

    def institution_actor(self, country: str, slug_: str, words: str | None = None) -> Actor:
        return _institution_actor(self.gaz, country, slug_, words)

    # -- matches at one position ---------------------------------------------------------------

    def names_at(self, i: int) -> list[tuple[int, list[_Entry]]]:
        return self.walk(self.gaz.names, i)

    def name_hit(self, i: int, end: int, entries: Sequence[_Entry]) -> _Pending:
        cands = self.candidates(entries)
        rule = cands[0].rule if cands else entries[0].rule
        hit = _Pending(i, end, rule, cands)
        # "Kursk region", "Donetsk Oblast": the region of that name
        if (
            end < len(self.toks)
            and self.toks[end].key in self.gaz.region_words
            and self.gap(end) == ""
        ):
            regions = [
                c
                for c in cands
                if isinstance(c.record, Place) and c.record.kind is PlaceKind.REGION
            ]
            if regions:
                hit.candidates = regions
                hit.rule = regions[0].rule
                hit.last = end + 1
        return hit

    def run_after(self, j: int) -> int:
        """The end of a capitalised proper name of a body at ``j`` ("Coordination Headquarters for
        the Treatment of Prisoners of War"), or ``j`` when there is none."""
        toks = self.toks
        last_head = -1
        k = j
        while k < len(toks) and k - j < _MAX_RUN:
            tok = toks[k]
            if k > j and self.gap(k) not in ("",):
                break
            if tok.poss:
                break
            if tok.cap and not tok.raw.isdigit():
                if tok.key in self.gaz.head_nouns:
                    last_head = k
            elif tok.plain not in self.gaz.connectors:
                break
            k += 1
        if last_head < 0:
            return j
        end = last_head + 1
        # a complement after the head noun ("for the Treatment of Prisoners of War")
        if end < k and toks[end].plain in {"of", "for", "on"}:
            best = end
            m = end
            while m < k:
                if toks[m].cap:
                    best = m + 1
                m += 1
            end = best
        return end

    def qualified(
        self, i: int, q_end: int, entries: Sequence[_Entry], start: int, past0: bool
    ) -> list[_Match]:
        """Roles and bodies after a country, a body or a person's possessive at ``i``."""
        toks = self.toks
        out: list[_Match] = []
        quals = self.qualifiers(entries)
        if not quals:
            return out
        pos = q_end
        if pos >= len(toks):
            return out
        poss = toks[pos].poss
        if poss:
            if self.gap(pos) != "" or pos + 1 >= len(toks):
                return out
            pos += 1
        if self.gap(pos) not in ("", "-"):
            return out
        pos, past = self.skip_modifiers(pos)
        past = past or past0
        kinds = {k for k, _, _ in quals}
        if "person" in kinds and not poss:
            quals = [q for q in quals if q[0] != "person"]
            if not quals:
                return out
        people = [q for q in quals if q[0] == "person"]
        if people and poss:
            return self.possessed(i, q_end, entries, pos, people, past)
        # a body of the state, then perhaps an office in it
        bodies: list[tuple[int, str, str | None]] = []
        if any(k == "state" for k, _, _ in quals):
            for end, phrase in self.walk(self.gaz.institutions, pos):
                if not self.gaz.vocab.institutions[phrase[0].ref].personal:
                    bodies.append((end, phrase[0].ref, None))
            run_end = self.run_after(pos)
            if run_end > pos and not any(end == run_end for end, _, _ in bodies):
                proper = " ".join(self.text[toks[pos].start : toks[run_end - 1].end].split())
                bodies.append((run_end, slug(proper), proper))
        for end, slug_, written in bodies:
            actors = [
                self.institution_actor(country, slug_, written)
                for kind, _, country in quals
                if kind == "state" and country
            ]
            actors = list({a.id: a for a in actors}.values())
            hit = _Pending(
                start,
                end,
                MentionRule.ALIAS,
                [Candidate(a, MentionRule.ALIAS) for a in actors],
                institution=slug_,
                qualifier=quals[0][1],
                qualifier_country=quals[0][2],
            )
            out.append(_Match(end, [hit]))
            after, past2 = self.skip_modifiers(end)
            if after < len(toks) and self.gap(after) == "":
                for off_end, office in self.offices_at(after):
                    orgs = frozenset(a.id for a in actors)
                    staff = self.holders(
                        office,
                        organizations=orgs,
                        past=past or past2,
                        words=self.words(after, off_end),
                    )
                    role = _Pending(
                        start,
                        off_end,
                        MentionRule.ROLE,
                        [Candidate(p, MentionRule.ROLE) for p in staff],
                        office=office,
                        qualifier=actors[0].id if actors else quals[0][1],
                        qualifier_country=quals[0][2],
                        past=past or past2,
                    )
                    out.append(_Match(off_end, [role]))
        # an office of the state or of the body
        for off_end, office in self.offices_at(pos):
            holders: list[Actor] = []
            words = self.words(pos, off_end)
            for kind, ref, country in quals:
                if kind == "state":
                    held = self.holders(office, country=country, past=past, words=words)
                else:
                    held = self.holders(
                        office,
                        organizations=frozenset({ref}),
                        past=past,
                        words=words,
                        seats_first=kind == "seat",
                    )
                holders.extend(p for p in held if p not in holders)
            role = _Pending(
                start,
                off_end,
                MentionRule.ROLE,
                [Candidate(p, MentionRule.ROLE) for p in holders],
                office=office,
                qualifier=quals[0][1],
                qualifier_country=quals[0][2],
                past=past,
            )
            out.append(_Match(off_end, [role]))
        return out

    def possessed(
        self,
        i: int,
        q_end: int,
        entries: Sequence[_Entry],
        pos: int,
        people: Sequence[tuple[str, str, str | None]],
        past: bool,
    ) -> list[_Match]:
        """ "Putin's spokesman", "Zelensky's office": the person's hit, then the role or body."""
        out: list[_Match] = []
        name = self.name_hit(i, q_end, entries)
        persons = [self.gaz.actors[ref] for _, ref, _ in people]
        orgs = frozenset().union(*(self.organizations_of(p) for p in persons))
        for off_end, office in self.offices_at(pos):
            holders = [
                p
                for p in self.holders(
                    office, organizations=orgs, past=past, words=self.words(pos, off_end)
                )
                if p not in persons
            ]
            role = _Pending(
                pos,
                off_end,
                MentionRule.ROLE,
                [Candidate(p, MentionRule.ROLE) for p in holders],
                office=office,
                qualifier=persons[0].id,
                qualifier_country=persons[0].country,
                past=past,
            )
            out.append(_Match(off_end, [name, role]))
        for end, found in self.walk(self.gaz.institutions, pos):
            slug_ = found[0].ref
            if self.gaz.vocab.institutions[slug_].personal:
                bodies = [
                    a
                    for ref in sorted(orgs)
                    if (a := self.gaz.actors.get(ref)) is not None
                    and a.kind is ActorKind.GOVERNMENT
                    and self.gaz.extras.get(ref, ActorExtra()).seat_of
                ]
            else:
                bodies = [self.institution_actor(p.country, slug_) for p in persons if p.country]
            body = _Pending(
                pos,
                end,
                MentionRule.ALIAS,
                [Candidate(a, MentionRule.ALIAS) for a in bodies],
                institution=slug_,
                qualifier=persons[0].id,
                qualifier_country=persons[0].country,
            )
            out.append(_Match(end, [name, body]))
        return out

    def of_country(self, j: int) -> tuple[int, list[tuple[str, str, str | None]]] | None:
        """ "of Russia", "of the Russian Federation", "of the UAE" after an office or a body."""
        toks = self.toks
        if j >= len(toks) or toks[j].plain != "of" or self.gap(j) != "":
            return None
        k = j + 1
        if k < len(toks) and toks[k].plain == "the" and self.gap(k) == "":
            k += 1
        if k >= len(toks) or self.gap(k) != "":
            return None
        found = self.names_at(k)
        if not found:
            return None
        end, entries = found[-1]
        quals = [q for q in self.qualifiers(entries) if q[0] in ("state", "body", "seat")]
        if not quals:
            return None
        # "of the Russian defence ministry", "of Ukraine's presidential office": the body
        bodies = [
            match
            for match in self.qualified(k, end, entries, k, False)
            if match.hits[-1].institution is not None and match.hits[-1].candidates
        ]
        if bodies:
            best = max(bodies, key=lambda m: m.end)
            actor = best.hits[-1].candidates[0].record
            return best.end, [("body", actor.id, actor.country)]
        return end, quals

    def unqualified(self, i: int, start: int, past: bool, capital_title: bool) -> list[_Match]:
        """An office or a body with no country before it: "President", "the foreign ministry",
        "President of the French Republic", "Ministry of Foreign Affairs of the UAE"."""
        toks = self.toks
        out: list[_Match] = []
        before = toks[start - 1].key if start > 0 else ""
        determined = before in self.gaz.articles
        for end, office in self.offices_at(i):
            info = self.gaz.vocab.offices.get(office.removeprefix("deputy-"))
            of = self.of_country(end)
            if of is not None:
                q_end, quals = of
                holders: list[Actor] = []
                for kind, ref, country in quals:
                    if kind == "state":
                        found = self.holders(office, country=country, past=past)
                    else:
                        found = self.holders(
                            office,
                            organizations=frozenset({ref}),
                            past=past,
                            seats_first=kind == "seat",
                        )
                    holders.extend(p for p in found if p not in holders)
                out.append(
                    _Match(
                        q_end,
                        [
                            _Pending(
                                start,
                                q_end,
                                MentionRule.ROLE,
                                [Candidate(p, MentionRule.ROLE) for p in holders],
                                office=office,
                                qualifier=quals[0][1],
                                qualifier_country=quals[0][2],
                                past=past,
                            )
                        ],
                    )
                )
                continue
            next_cap = end < len(toks) and toks[end].cap and self.gap(end) in ("", "-")
            restricted = info is not None and (info.generic or info.rank)
            if restricted and not next_cap:
                continue
            if info is not None and info.rank and not toks[i].cap:
                continue
            if not restricted and not (toks[i].cap or determined or next_cap or capital_title):
                continue
            out.append(
                _Match(end, [_Pending(start, end, MentionRule.ROLE, [], office=office, past=past)])
            )
        for end, phrase in self.walk(self.gaz.institutions, i):
            slug_ = phrase[0].ref
            info_i = self.gaz.vocab.institutions[slug_]
            if info_i.personal:
                continue
            of = self.of_country(end)
            if of is not None:
                q_end, quals = of
                actors = [
                    self.institution_actor(country, slug_)
                    for kind, _, country in quals
                    if kind == "state" and country
                ]
                if actors:
                    out.append(
                        _Match(
                            q_end,
                            [
                                _Pending(
                                    start,
                                    q_end,
                                    MentionRule.ALIAS,
                                    [Candidate(a, MentionRule.ALIAS) for a in actors],
                                    institution=slug_,
                                    qualifier=quals[0][1],
                                    qualifier_country=quals[0][2],
                                )
                            ],
                        )
                    )
                    continue
            if info_i.bare:
                out.append(
                    _Match(end, [_Pending(start, end, MentionRule.ALIAS, [], institution=slug_)])
                )
        return out

    def provisional_run(self, j: int, *, minimum: int = 1) -> int:
        """The end of a run of capitalised unknown words at ``j`` that reads as a person's name."""
        toks = self.toks
        name_rules = self.gaz.name_rules
        k = j
        last = j
        while k < len(toks) and k - j < 4:
            tok = toks[k]
            if k > j and self.gap(k) not in ("", "-"):
                break
            if tok.poss:
                break
            if tok.cap and not tok.raw.isdigit():
                if (
                    tok.key in name_rules.common_words
                    or (tok.upper and len(tok.plain) <= 3)
                    or tok.key in name_rules.titles
                    or tok.key in self.gaz.region_words
                    or (k > j and self.names_at(k))
                ):
                    break
                k += 1
                last = k
            elif tok.plain in self.gaz.particles and k + 1 < len(toks) and toks[k + 1].cap:
                k += 1
            else:
                break
        return last if last - j >= minimum else j

    def provisional_hit(self, j: int, end: int, country: str | None) -> _Pending | None:
        words = self.text[self.toks[j].start : self.toks[end - 1].end]
        try:
            actor = provisional_actor(words, country=country)
        except InvalidName:
            return None  # title words only ("Relations", "Minister")
        return _Pending(
            j, end, MentionRule.PROVISIONAL, [Candidate(actor, MentionRule.PROVISIONAL)]
        )

    # -- the pass ------------------------------------------------------------------------------

    def run(self) -> list[_Pending]:
        toks = self.toks
        gaz = self.gaz
        name_rules = gaz.name_rules
        hits: list[_Pending] = []
        i = 0
        after_title = -1  # the token after the last role hit or honorific
        after_title_country: str | None = None
        starts = gaz.starts
        while i < len(toks):
            tok = toks[i]
            if tok.poss or (tok.key not in starts and not tok.cap):
                i += 1
                continue
            matches: list[_Match] = []
            names = self.names_at(i)
            if names:
                end, entries = names[-1]
                matches.append(_Match(end, [self.name_hit(i, end, entries)]))
            # "former", "then-", "acting" before a country or an office
            j, past = self.skip_modifiers(i)
            names_j = self.names_at(j) if j != i else names
            for q_end, entries in names_j:
                matches.extend(self.qualified(j, q_end, entries, i, past))
            matches.extend(self.unqualified(j, i, past, tok.cap))
            best: _Match | None = None
            for match in matches:
                # the longest match wins; of two as long, the one that names someone
                if (
                    best is None
                    or match.end > best.end
                    or (
                        match.end == best.end
                        and match.hits[-1].candidates
                        and not best.hits[-1].candidates
                    )
                ):
                    best = match
            if best is not None and self.suffixed(best):
                # "Donald Trump Jr." is not Donald Trump: an unknown person
                end = best.end + 1
                other = self.provisional_hit(i, end, None)
                if other is not None:
                    hits.append(other)
                    i = end
                    continue
            if best is not None:
                hits.extend(best.hits)
                last = best.hits[-1]
                if last.rule is MentionRule.ROLE:
                    after_title, after_title_country = best.end, last.qualifier_country
                i = best.end
                continue
            # unknown people: after a title or an honorific, or from a known given name
            found: _Pending | None = None
            if tok.cap and tok.key in name_rules.honorifics:
                k = i + 1
                if k < len(toks) and self.gap(k) == "" and not self.names_at(k):
                    end = self.provisional_run(k)
                    if end > k:
                        found = self.provisional_hit(k, end, None)
                if found is None:
                    i += 1
                    continue
            elif i == after_title and tok.cap and i > 0 and self.gap(i) in ("", "-"):
                end = self.provisional_run(i)
                if end > i:
                    found = self.provisional_hit(i, end, after_title_country)
            elif (
                tok.cap
                and tok.key in name_rules.given_names
                and tok.key not in name_rules.common_words
            ):
                end = self.provisional_run(i, minimum=2)
                if end > i:
                    found = self.provisional_hit(i, end, None)
            if found is not None:
                hits.append(found)
                i = found.last
                continue
            i += 1
        self.link_titles(hits)
        self.link_lists(hits)
        return hits

    def suffixed(self, match: _Match) -> bool:
        """Whether a person's name is followed by a generational suffix ("Jr.", "III")."""
        last = match.hits[-1]
        end = match.end
        if end >= len(self.toks) or self.gap(end) not in ("", ","):
            return False
        if (
            not any(
                isinstance(c.record, Actor) and c.record.kind is ActorKind.PERSON
                for c in last.candidates
            )
            or last.rule is MentionRule.ROLE
        ):
            return False
        tok = self.toks[end]
        return tok.plain in self.gaz.name_rules.plain_suffixes and (
            tok.cap or tok.plain in ("jr", "sr")
        )

    def link_titles(self, hits: list[_Pending]) -> None:
        """A title right before a name ("President Putin", "Spokesman Maj Gen Winthai Suvaree"):
        the title's candidates become the people of the name who held that office."""
        # one pass from the end: the name each run of adjacent titles leads to
        named: list[_Pending | None] = [None] * len(hits)
        for n in range(len(hits) - 2, -1, -1):
            after = hits[n + 1]
            if after.first != hits[n].last or self.gap(after.first) not in ("", "-"):
                continue
            named[n] = named[n + 1] if after.rule is MentionRule.ROLE else after
        for n, hit in enumerate(hits):
            name = named[n]
            if hit.rule is not MentionRule.ROLE or hit.office is None or name is None:
                continue
            people = [
                c.record
                for c in name.candidates
                if isinstance(c.record, Actor) and c.record.kind is ActorKind.PERSON
            ]
            if not people:
                continue
            held = self.holders(hit.office, within=people)
            if hit.qualifier_country:
                held = [
                    p
                    for p in held
                    if any(
                        rec.person.id == p.id
                        and rec.country == hit.qualifier_country
                        and hit.office in rec.offices
                        for rec in self.gaz.roles
                    )
                ] or held
            if held:
                hit.candidates = [Candidate(p, MentionRule.ROLE) for p in held]

    def link_lists(self, hits: list[_Pending]) -> None:
        """ "Donetsk, Zaporizhzhia, and Kherson oblasts": the plural reaches back over the list."""
        for n, hit in enumerate(hits):
            if hit.last - hit.first < 2:
                continue
            word = self.toks[hit.last - 1]
            if word.key not in self.gaz.region_words or not word.plain.endswith("s"):
                continue
            m = n
            while m > 0:
                prev = hits[m - 1]
                between = self.text[self.toks[prev.last - 1].end : self.toks[hits[m].first].start]
                if not regex.fullmatch(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", between):
                    break
                regions = [
                    c
                    for c in prev.candidates
                    if isinstance(c.record, Place) and c.record.kind is PlaceKind.REGION
                ]
                if not regions:
                    break
                prev.candidates = regions
                prev.rule = regions[0].rule
                m -= 1

    def finish(self, hits: Sequence[_Pending]) -> tuple[Hit, ...]:
        out = []
        for hit in hits:
            start = self.toks[hit.first].start
            end = self.toks[hit.last - 1].end
            out.append(
                Hit(
                    span=Span(start, end),
                    text=self.text[start:end],
                    rule=hit.candidates[0].rule if hit.candidates else hit.rule,
                    candidates=tuple(hit.candidates),
                    office=hit.office,
                    institution=hit.institution,
                    qualifier=hit.qualifier,
                )
            )
        return tuple(out)


def _institution_actor(gaz: _Index, country: str, slug_: str, words: str | None = None) -> Actor:
    """The body ``slug_`` of ``country``: the bundled one when there is one, else built."""
    inst = gaz.vocab.institutions.get(slug_)
    state = gaz.actors.get(f"state:{country.lower()}")
    if inst is not None and inst.state and state is not None:
        return state  # "the Russian side", "Ukrainian officials": the state itself
    found = gaz.institution_actors.get((country, slug_))
    if found is not None:
        return found
    actor_id = f"gov:{country.lower()}-{slug_}"
    if actor_id in gaz.actors:
        return gaz.actors[actor_id]
    info = gaz.countries.get(country)
    adjective = info.adjective if info else country
    if words is not None:
        # a proper name the data knows under another id ("Federal Security Service")
        key, _plain = name_forms(words)
        for entry in gaz.keys.get(key, ()):
            actor = gaz.actors.get(entry.ref)
            if (
                actor is not None
                and actor.country == country
                and actor.kind is ActorKind.GOVERNMENT
            ):
                return actor
        name = f"{adjective} {words}"
    else:
        name = f"{adjective} {inst.name if inst else slug_.replace('-', ' ').title()}"
    return Actor(id=actor_id, name=name, kind=ActorKind.GOVERNMENT, country=country)


# ---------------------------------------------------------------------------------------------
# The public gazetteer


def _code(gaz: _Index, country: str | None) -> str | None:
    if country is None:
        return None
    if not isinstance(country, str):
        raise TypeError(f"country must be a str, got {type(country).__name__}")
    return gaz.by_code.get(country.upper())


class Gazetteer:
    """Known actors and places: lookups by name, alias, spelling, role on a date, demonym and
    metonym, and a scan of running text for all of them.

    Build one with ``Gazetteer.default()`` (the bundled data, loaded once), ``Gazetteer.load``
    (a JSON file in the format of docs/gazetteer.md), ``Gazetteer.from_dict`` or
    ``Gazetteer(actors=..., places=...)``; extend one with ``extended`` or ``merged``, which
    return a new gazetteer and leave the old one as it was. A gazetteer never changes.

    >>> gaz = Gazetteer.default()
    >>> gaz.lookup("Sergei Lavrov").actor.id
    'person:sergey-lavrov'
    >>> [a.name for a in gaz.holders("president", country="RUS", on=dt.date(2010, 1, 1))]
    ['Dmitry Medvedev']
    """

    __slots__ = ("_built", "_records")

    _records: Records
    _built: _Index | None

    def __init__(self, *, actors: Iterable[Actor] = (), places: Iterable[Place] = ()) -> None:
        self._setup(Records(actors=_checked(actors, Actor), places=_checked(places, Place)))

    def _setup(self, records: Records) -> None:
        object.__setattr__(self, "_records", records)
        object.__setattr__(self, "_built", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Gazetteer cannot be changed (tried to set {name!r})")

    @classmethod
    def _of(cls, records: Records) -> Gazetteer:
        gazetteer = cls.__new__(cls)
        gazetteer._setup(records)
        return gazetteer

    @property
    def _index(self) -> _Index:
        # built on first use: the tries, the key index and the role table
        built = self._built
        if built is None:
            built = _Index(self._records)
            object.__setattr__(self, "_built", built)
        return built

    # -- building ------------------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer, loaded on first use and shared after that.

        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        return _default()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], /) -> Gazetteer:
        """A gazetteer of the records in ``data`` alone (``countries``, ``places``, ``actors``
        lists in the bundled format); raises ``InvalidRecord`` for a bad entry.

        >>> gaz = Gazetteer.from_dict({"actors": [
        ...     {"id": "person:maly-socheata", "name": "Maly Socheata", "kind": "person",
        ...      "country": "KHM", "short": []}]})
        >>> gaz.lookup("Maly Socheata").actor.country
        'KHM'
        """
        return cls._of(parse_records(data))

    @classmethod
    def load(cls, path: str | os.PathLike[str], /) -> Gazetteer:
        """A gazetteer of the records in a JSON file (the format of the bundled data).

        Combine it with the bundled one through ``Gazetteer.default().merged(...)``.

        >>> import json, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "mine.json").write_text(json.dumps({"places": [
        ...     {"id": "place:shell-bay", "name": "Shell Bay", "kind": "other", "country": "USA"}]}))
        >>> Gazetteer.load(folder / "mine.json").lookup("Shell Bay").place.id
        'place:shell-bay'
        """
        given: object = path  # an int would open a file descriptor: refuse it
        if not isinstance(given, (str, os.PathLike)):
            raise TypeError(f"load() takes a path (str or os.PathLike), got {type(given).__name__}")
        with open(path, encoding="utf-8") as handle:
            try:
                data = json.load(handle)
            except json.JSONDecodeError as exc:
                raise InvalidRecord(f"{os.fspath(path)}: not JSON: {exc}") from exc
            except UnicodeDecodeError as exc:
                raise InvalidRecord(f"{os.fspath(path)}: not UTF-8 text: {exc}") from exc
            except RecursionError as exc:
                raise InvalidRecord(f"{os.fspath(path)}: JSON nested too deeply") from exc
        return cls._of(parse_records(data, source=os.fspath(path)))

    @classmethod
    def from_records(
        cls, *, actors: Iterable[Actor] = (), places: Iterable[Place] = ()
    ) -> Gazetteer:
        """A gazetteer of the given records alone (the same as ``Gazetteer(actors=...)``).

        >>> gaz = Gazetteer.from_records(actors=[Actor(id="group:experts",
        ...     name="Experts", kind="group")])
        >>> len(gaz.actors)
        1
        """
        return cls(actors=actors, places=places)

    def extended(self, *, actors: Iterable[Actor] = (), places: Iterable[Place] = ()) -> Gazetteer:
        """A new gazetteer with these records added; a record with a known id replaces the
        old one. This gazetteer is left as it was.

        >>> base = Gazetteer.default()
        >>> mine = base.extended(actors=[Actor(id="person:dmytro-khyliuk",
        ...     name="Dmytro Khyliuk", kind="person", country="UKR")])
        >>> mine.lookup("Dmytro Khyliuk").actor.id, base.lookup("Dmytro Khyliuk").actor
        ('person:dmytro-khyliuk', None)
        """
        return self.merged(Gazetteer.from_records(actors=actors, places=places))

    def merged(self, other: Gazetteer, /) -> Gazetteer:
        """A new gazetteer with the records of both; ``other`` wins where ids meet.

        >>> gaz = Gazetteer.default().merged(Gazetteer.from_dict({"places": [
        ...     {"id": "place:shell-bay", "name": "Shell Bay", "kind": "other"}]}))
        >>> gaz.place("place:shell-bay").name, gaz.place("place:kyiv").name
        ('Shell Bay', 'Kyiv')
        """
        if not isinstance(other, Gazetteer):
            raise TypeError(f"merged() takes a Gazetteer, got {type(other).__name__}")
        mine, theirs = self._records, other._records
        actors = {a.id: a for a in mine.actors}
        actors.update({a.id: a for a in theirs.actors})
        places = {p.id: p for p in mine.places}
        places.update({p.id: p for p in theirs.places})
        extras = {**mine.extras, **theirs.extras}
        countries = {**mine.countries, **theirs.countries}
        return Gazetteer._of(
            Records(
                actors=tuple(actors.values()),
                places=tuple(places.values()),
                extras=extras,
                countries=countries,
            )
        )

    # -- records -------------------------------------------------------------------------------

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor, in the order of the data."""
        return self._records.actors

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in the order of the data."""
        return self._records.places

    def actor(self, actor_id: str, /) -> Actor | None:
        """The actor with this id, or ``None``.

        >>> Gazetteer.default().actor("gov:kremlin").name
        'Kremlin'
        """
        return self._index.actors.get(actor_id)

    def place(self, place_id: str, /) -> Place | None:
        """The place with this id, or ``None``.

        >>> Gazetteer.default().place("place:riyadh").country
        'SAU'
        """
        return self._index.places.get(place_id)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self.actors)} actors, {len(self.places)} places>"

    # -- lookups -------------------------------------------------------------------------------

    def lookup(self, text: str, /, *, on: dt.date | None = None) -> Lookup:
        """Every reading of a whole name, alias, spelling, role description, demonym, metonym or
        government body. ``on`` picks the holders of a role on that day; without it, the
        holders whose term the data leaves open (the current ones).

        >>> gaz = Gazetteer.default()
        >>> gaz.lookup("the Russian president", on=dt.date(2010, 1, 1)).actor.name
        'Dmitry Medvedev'
        >>> gaz.lookup("Emirati").actor.id
        'state:are'
        >>> gaz.lookup("the Cambodian defence ministry").actor
        Actor(id='gov:khm-defence-ministry', name='Cambodian Defence Ministry', ...)
        >>> gaz.lookup("John Smith").candidates
        ()
        """
        if not isinstance(text, str):
            raise TypeError(f"lookup() takes a str, got {type(text).__name__}")
        _check_date(on)
        gaz = self._index
        found = self._described(text, on)
        if found is not None:
            return found
        key, plain = name_forms(text)
        if key:
            words = tuple(plain.split())
            shouted = not any(c.islower() for c in text)
            entries = [
                e
                for e in gaz.keys.get(key, ())
                if (e.variants or e.plain == words) and (shouted or not e.cases)
            ]
            if entries:
                return Lookup(text=text, candidates=_Scan(gaz, "", on).candidates(entries))
        return Lookup(text=text)

    def _described(self, text: str, on: dt.date | None) -> Lookup | None:
        """The reading of the scan when its hits cover the whole text: one hit, or titles before
        a name, or a person's possessive before a role or a body."""
        gaz = self._index
        scan = _Scan(gaz, text, on)
        hits = [h for h in scan.run() if h.rule is not MentionRule.PROVISIONAL]
        content = [
            n
            for n, tok in enumerate(scan.toks)
            if not tok.poss and not (tok.key in gaz.articles and n == 0)
        ]
        if not hits or not content:
            return None
        covered = {n for h in hits for n in range(h.first, h.last)}
        if not set(content) <= covered:
            return None
        last = hits[-1]
        possessed = last.first > 0 and scan.toks[last.first - 1].poss
        if (
            len(hits) > 1
            and not possessed
            and not all(h.rule is MentionRule.ROLE for h in hits[:-1])
        ):
            return None
        candidates = list(last.candidates)
        if last.office and not candidates and last.qualifier is None and len(hits) == 1:
            # a bare office ("the pope", "the president"): every holder, ambiguous unless one
            candidates = [
                Candidate(p, MentionRule.ROLE) for p in scan.holders(last.office, past=last.past)
            ]
        return Lookup(
            text=text,
            candidates=tuple(candidates),
            office=last.office,
            institution=last.institution,
        )

    def scan(self, text: str, /, *, on: dt.date | None = None) -> tuple[Hit, ...]:
        """Every mention of a known actor or place in running text, in order, in linear time.

        Finds names, aliases and spelling variants (a family name alone too: "Lavrov",
        "Zelenskyy’s" with the possessive left out of the span), places, demonyms ("Emirati"),
        metonyms ("the Kremlin", "Kyiv"), role descriptions ("Russian Foreign Minister",
        "Kremlin spokesman", "Ukraine's human rights commissioner"), government bodies built
        by rule ("Russia's Defence Ministry", "the Cambodian defence ministry"), and unknown
        people after a title or with a known given name (rule ``provisional``). The longest
        match wins and hits never overlap. A title before a name comes back as a role hit
        followed by the name's hit; the role's candidates are then the named people who held
        that office. See docs/gazetteer.md for the rules.

        >>> hits = Gazetteer.default().scan("Russian President Vladimir Putin met Lavrov.")
        >>> [(h.text, str(h.rule), h.ids) for h in hits]
        [('Russian President', 'role', ('person:vladimir-putin',)), ('Vladimir Putin', 'name', ('person:vladimir-putin',)), ('Lavrov', 'name', ('person:sergey-lavrov',))]
        """
        if not isinstance(text, str):
            raise TypeError(f"scan() takes a str, got {type(text).__name__}")
        _check_date(on)
        run = _Scan(self._index, text, on)
        return run.finish(run.run())

    def holders(
        self,
        office: str,
        /,
        *,
        country: str | None = None,
        organization: str | None = None,
        on: dt.date | None = None,
    ) -> tuple[Actor, ...]:
        """The people who held an office (an office id such as ``'foreign-minister'`` or a
        phrase such as ``"top diplomat"``) in a country or a body on a day (by default, whose
        term the data leaves open).

        >>> gaz = Gazetteer.default()
        >>> [a.name for a in gaz.holders("secretary of state", country="US",
        ...                              on=dt.date(2019, 6, 1))]
        ['Mike Pompeo']
        >>> [a.name for a in gaz.holders("spokesperson", organization="gov:kremlin")]
        ['Dmitry Peskov']
        """
        _check_date(on)
        gaz = self._index
        if office not in gaz.vocab.offices and office != "leader":
            found = gaz.office_of_title(office)
            if found is None:
                return ()
            office = found
        code = _code(gaz, country)
        if country is not None and code is None:
            return ()
        run = _Scan(gaz, "", on)
        orgs = frozenset({organization}) if organization else None
        return tuple(run.holders(office, country=code, organizations=orgs))

    def institution(self, name: str, /, *, country: str) -> Actor | None:
        """The government body of a country that a generic name stands for, for a caller who
        learns the country from context ("the foreign ministry" under an Abu Dhabi dateline).

        ``name`` is a phrase ("foreign ministry", "the Ministry of Defence", "MoD"), a slug
        (``'foreign-ministry'``) or a capitalised proper name ("National Guard"); ``country``
        an ISO 3166-1 code. Gives the bundled body when there is one, else a ``gov:`` actor
        built by rule; ``None`` when the name is no body or the country is unknown.

        >>> gaz = Gazetteer.default()
        >>> gaz.institution("the foreign ministry", country="AE")
        Actor(id='gov:are-foreign-ministry', name='Emirati Foreign Ministry', ...)
        >>> gaz.institution("defence ministry", country="RUS").name
        'Russian Defence Ministry'
        """
        gaz = self._index
        code = _code(gaz, country)
        if code is None or not isinstance(name, str):
            return None
        if name in gaz.vocab.institutions:
            return _institution_actor(gaz, code, name)
        run = _Scan(gaz, name, None)
        toks = run.toks
        start = 1 if toks and toks[0].key in gaz.articles else 0
        for end, found in reversed(run.walk(gaz.institutions, start)):
            if end == len(toks) and not gaz.vocab.institutions[found[0].ref].personal:
                return _institution_actor(gaz, code, found[0].ref)
        if start < len(toks) and run.run_after(start) == len(toks):
            words = " ".join(name[toks[start].start :].split())
            return _institution_actor(gaz, code, slug(words), words)
        return None


def _checked(values: Iterable[Any], kind: type) -> tuple[Any, ...]:
    out = tuple(values)
    for value in out:
        if not isinstance(value, kind):
            raise TypeError(f"expected {kind.__name__} records, got {type(value).__name__}")
    return out


def _check_gazetteer(gazetteer: object, caller: str) -> Gazetteer:
    if gazetteer is None:
        return Gazetteer.default()
    if not isinstance(gazetteer, Gazetteer):
        raise TypeError(
            f"{caller}(): gazetteer must be a peacetalks.Gazetteer or None, "
            f"got {type(gazetteer).__name__}"
        )
    return gazetteer


def _check_date(on: object) -> None:
    if on is not None and (isinstance(on, dt.datetime) or not isinstance(on, dt.date)):
        raise TypeError(f"on must be a datetime.date or None, got {type(on).__name__}")


@cache
def _default() -> Gazetteer:
    return Gazetteer._of(bundled_records())


# ---------------------------------------------------------------------------------------------
# Module-level entry points


def resolve_actor(
    text: str, /, *, on: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> Actor | None:
    """The one known actor a name, alias, spelling, demonym, metonym, role description or
    body names; ``None`` for an unknown name, a non-name or an ambiguous one.

    A role description ("the Russian president") gives its holder on ``on`` (by default the
    holder whose term the data leaves open).

    >>> import datetime as dt
    >>> resolve_actor("Зеленський").id
    'person:volodymyr-zelenskyy'
    >>> resolve_actor("the US president", on=dt.date(2023, 6, 1)).name
    'Joe Biden'
    >>> resolve_actor("the Kremlin").id, resolve_actor("Moscow").id
    ('gov:kremlin', 'state:rus')
    >>> resolve_actor("John Smith") is None, resolve_actor("the weather") is None
    (True, True)
    """
    return _check_gazetteer(gazetteer, "resolve_actor").lookup(text, on=on).actor


def resolve_place(text: str, /, *, gazetteer: Gazetteer | None = None) -> Place | None:
    """The one known place a name or spelling names; ``None`` for an unknown or ambiguous one
    (``Gazetteer.lookup`` lists every reading).

    >>> resolve_place("Artemovsk").id, resolve_place("Riyadh").country
    ('place:bakhmut', 'SAU')
    >>> resolve_place("Kursk region").id
    'place:ru-kursk-oblast'
    >>> resolve_place("Donetsk") is None  # the city or the oblast
    True
    """
    return _check_gazetteer(gazetteer, "resolve_place").lookup(text).place


def provisional_actor(
    text: str,
    /,
    *,
    kind: ActorKind | str = ActorKind.PERSON,
    country: str | None = None,
) -> Actor:
    """An actor for a name no gazetteer knows, with a stable id from its normalized name, so
    that the same unknown party gets the same id in every article.

    The name keeps the text's own spelling without a leading title or a possessive; the id is
    ``prov:`` and the words of ``normalize_name``'s key. Raises ``InvalidName`` when the text
    holds no name.

    >>> a = provisional_actor("Spokesman Maj Gen Winthai Suvaree's", country="THA")
    >>> a.id, a.name, a.provisional
    ('prov:vinthai-suvare', 'Winthai Suvaree', True)
    >>> provisional_actor("Dmitri Khilyuk").id == provisional_actor("Dmytro Khyliuk").id
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"provisional_actor() takes a str, got {type(text).__name__}")
    name = display_name(text)
    if not name or title_only(text):
        raise InvalidName(text)
    key = normalize_name(text).key
    words = [w for w in key.split() if w.isascii()]
    slug_ = "-".join(words)
    if len(words) != len(key.split()) or not slug_:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        slug_ = f"{slug_}-{digest}" if slug_ else digest
    return Actor(
        id=f"prov:{slug_}", name=name, kind=ActorKind(kind), country=country, provisional=True
    )


_Name = tuple[tuple[str, ...], tuple[str, ...]]


def _names_of(actor: Actor) -> set[_Name]:
    """The (key words, plain words) of each of an actor's names."""
    out = set()
    for name in (actor.name, *actor.aliases):
        key, plain = name_forms(name)
        if key:
            out.add((tuple(key.split()), tuple(plain.split())))
    return out


def _same_person(x: _Name, y: _Name) -> bool:
    suffixes = rules().plain_suffixes
    if {w for w in x[1] if w in suffixes} != {w for w in y[1] if w in suffixes}:
        return False
    kx = [(k, p) for k, p in zip(*x, strict=False) if p not in suffixes]
    ky = [(k, p) for k, p in zip(*y, strict=False) if p not in suffixes]
    if not kx or not ky or kx[-1][0] != ky[-1][0]:
        return False
    short, long_ = sorted((kx, ky), key=len)
    if [k for k, _ in long_[len(long_) - len(short) :]] == [k for k, _ in short]:
        return True
    (short_key, short_plain), (long_key, long_plain) = short[0], long_[0]
    if short_key == long_key:
        return True
    # an initial agrees with a given name that starts with it ("J. Biden", "Joe Biden")
    return (len(short_plain) == 1 and long_plain.startswith(short_plain)) or (
        len(long_plain) == 1 and short_plain.startswith(long_plain)
    )


def same_actor(a: Actor, b: Actor, /) -> bool:
    """Whether two actor records, perhaps from different gazetteers or provisional, stand for
    the same party: the same id or Wikidata id, or names that are spellings of one name (for
    people, the family name decides; a given name or initial, when both give one, must agree).

    >>> def person(name):
    ...     return provisional_actor(name)
    >>> same_actor(person("Thérèse Kayikwamba Wagner"), person("Kayikwamba Wagner"))
    True
    >>> same_actor(person("Dmitry Peskov"), person("Dmitri Peskov"))
    True
    >>> same_actor(person("Andriy Yermak"), person("Andriy Sybiha"))
    False
    """
    for value in (a, b):
        if not isinstance(value, Actor):
            raise TypeError(f"same_actor() takes Actor records, got {type(value).__name__}")
    if a.id == b.id:
        return True
    if a.wikidata and b.wikidata:
        return a.wikidata == b.wikidata
    person_a, person_b = a.kind is ActorKind.PERSON, b.kind is ActorKind.PERSON
    if person_a != person_b:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    names_a, names_b = _names_of(a), _names_of(b)
    if {k for k, _ in names_a} & {k for k, _ in names_b}:
        return True
    if person_a:
        return any(_same_person(x, y) for x in names_a for y in names_b)
    return False
