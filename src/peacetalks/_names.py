"""Names: a matching key that reads the spellings of one name as one.

``normalize_name`` folds case, accents and punctuation, drops possessives and leading titles
("Russian Foreign Minister", "Mr", "Maj Gen"), transliterates Russian and Ukrainian Cyrillic, and
rewrites each word to a spelling skeleton, so that "Zelenskyy", "Zelensky", "Zelenskiy",
"Selenskyj" and "Зеленський" share one key. The tables (transliteration, spelling rules, titles,
given-name variants) live in ``data/names.json``; this module holds the rules that apply them.

The key is for matching, not for display: "Sergei Lavrov" becomes ``'sergei lavrov'`` but
"Steve Witkoff" becomes ``'steve vitkov'``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import attrs
import regex

__all__ = ["NormalizedName", "is_normalized_name", "normalize_name"]

# A possessive ending: "Zelensky's", "Trump’s", "Ukrainians'". Kept out of names and spans.
POSSESSIVE = regex.compile(r"(?<=\p{L})['’ʼ`´][sS](?!\p{L})|(?<=\p{L}[sS])['’ʼ`´](?!\p{L})")
# Initials written with dots ("J.D.", "U.S.", "D.C."): the dots go, the letters stay together.
_DOTTED = regex.compile(r"(?<!\p{L})(?:\p{L}\.){2,8}(?!\p{L})")
_APOSTROPHES = regex.compile(r"(?<=\p{L})['’ʼ`´](?=\p{L})")
_CYRILLIC_WORD = regex.compile(r"[\p{Cyrillic}'’ʼ]+")
_WORD = regex.compile(r"[^\W_]+")
_ASCII_WORD = regex.compile(r"[a-z0-9]+")
_MAX_PASSES = 12


@attrs.frozen
class NormalizedName:
    """The matching key of a name, as ``normalize_name`` builds it.

    ``key`` is lower-case words joined by single spaces; two names with the same key are read
    as spellings of one name. Build it with ``normalize_name``; compare keys, never strings.

    >>> name = normalize_name("Russian Foreign Minister Sergey Lavrov's")
    >>> name
    NormalizedName(key='sergei lavrov')
    >>> name.tokens, name.family
    (('sergei', 'lavrov'), 'lavrov')
    """

    key: str = attrs.field()

    @key.validator
    def _check_key(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise TypeError(f"key must be a str, got {type(value).__name__}")

    @property
    def tokens(self) -> tuple[str, ...]:
        """The words of the key."""
        return tuple(self.key.split())

    @property
    def family(self) -> str:
        """The last word that is not a generational suffix (``jr``, ``ii``): the family name
        for most names written given-name first; ``''`` for an empty key."""
        suffixes = _rules().suffixes
        words = [w for w in self.key.split() if w not in suffixes] or self.key.split()
        return words[-1] if words else ""

    def __str__(self) -> str:
        return self.key


@attrs.frozen(eq=False)
class _Rules:
    """The tables of ``data/names.json``, compiled once."""

    cyrillic_common: Mapping[str, str]
    cyrillic_russian: Mapping[str, str]
    cyrillic_ukrainian: Mapping[str, str]
    ukrainian_markers: frozenset[str]
    letters: Mapping[str, str]
    spelling: tuple[tuple[Any, str], ...]
    given_variants: Mapping[str, str]
    titles: frozenset[str]
    title_words: frozenset[str]
    country_words: frozenset[str]
    honorifics: frozenset[str]
    articles: frozenset[str]
    particles: frozenset[str]
    plain_particles: frozenset[str]
    transliterated_countries: frozenset[str]
    suffixes: frozenset[str]
    plain_suffixes: frozenset[str]
    given_names: frozenset[str]
    common_words: frozenset[str]


def _read_json(name: str) -> Any:
    return json.loads(resources.files("peacetalks").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def _rules() -> _Rules:
    data = _read_json("names.json")
    cyr = data["cyrillic"]
    base = _Rules(
        cyrillic_common=cyr["common"],
        cyrillic_russian=cyr["russian"],
        cyrillic_ukrainian=cyr["ukrainian"],
        ukrainian_markers=frozenset(cyr["ukrainian_markers"]),
        letters=data["letters"],
        spelling=_spelling(tuple(tuple(rule) for rule in data["spelling"])),
        given_variants={},
        titles=frozenset(),
        title_words=frozenset(),
        country_words=frozenset(),
        honorifics=frozenset(),
        articles=frozenset(),
        particles=frozenset(),
        plain_particles=frozenset(),
        transliterated_countries=frozenset(),
        suffixes=frozenset(),
        plain_suffixes=frozenset(),
        given_names=frozenset(),
        common_words=frozenset(),
    )

    # The word lists are compared with folded words, so they are folded by the same rules.
    def words(phrases: Iterable[str]) -> frozenset[str]:
        return frozenset(
            _skeleton(word, base) for phrase in phrases for word in _plain_words(phrase, base)
        )

    # Countries' names and demonyms may stand in a title ("Russian Foreign Minister").
    countries = _read_json("countries.json")["countries"]
    country_phrases = [
        phrase
        for entry in countries
        for phrase in (entry["name"], *entry.get("aliases", ()), *entry.get("demonyms", ()))
    ]
    variants: dict[str, str] = {}
    for group in data["given_name_variants"]:
        keys = [_skeleton(_plain_words(name, base)[0], base) for name in group]
        for key in keys:
            variants.setdefault(key, keys[0])
    # a canonical form maps to itself, so that mapping twice changes nothing
    for target in set(variants.values()):
        variants[target] = target
    return attrs.evolve(
        base,
        given_variants=variants,
        titles=words(data["titles"]),
        title_words=words(data["title_words"]),
        country_words=words(country_phrases) - words(data["title_words"]),
        honorifics=words(data["honorifics"]),
        articles=words(data["articles"]),
        particles=words(data["particles"]),
        plain_particles=frozenset(w for p in data["particles"] for w in _plain_words(p, base)),
        transliterated_countries=frozenset(data["transliterated_countries"]),
        suffixes=words(data["suffixes"]),
        plain_suffixes=frozenset(w for p in data["suffixes"] for w in _plain_words(p, base)),
        given_names=words(data["given_names"]),
        common_words=words(data["common_words"]),
    )


def _transliterate(text: str, rules: _Rules) -> str:
    def word(match: regex.Match[str]) -> str:
        found = match.group()
        table = (
            rules.cyrillic_ukrainian
            if any(ch in rules.ukrainian_markers for ch in found)
            else rules.cyrillic_russian
        )
        out = []
        for ch in found:
            low = ch.lower()
            latin = table.get(low, rules.cyrillic_common.get(low))
            if latin is None:
                out.append(ch)
            elif ch != low and latin:
                out.append(latin[0].upper() + latin[1:])
            else:
                out.append(latin)
        return "".join(out)

    return _CYRILLIC_WORD.sub(word, text)


def _fold(text: str, rules: _Rules) -> str:
    """Transliterate, drop accents and marks, map special letters, casefold."""
    if text.isascii():
        return text.lower()
    text = _transliterate(unicodedata.normalize("NFC", text), rules)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(
        rules.letters.get(ch, ch) for ch in text if not unicodedata.category(ch).startswith("M")
    )
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))


def _skeleton(word: str, rules: _Rules) -> str:
    """Rewrite one folded word by the spelling rules until it stops changing."""
    return _respell(word, rules.spelling)


def _spelling(rules: tuple[tuple[str, ...], ...]) -> tuple[tuple[Any, str], ...]:
    """The spelling rules compiled, led by one pattern that says whether any rule can apply."""
    compiled = [(re.compile(pattern), replacement) for pattern, replacement in rules]
    trigger = re.compile("|".join(f"(?:{pattern})" for pattern, _ in rules))
    return ((trigger, ""), *compiled)


@lru_cache(maxsize=1 << 16)
def _respell(word: str, spelling: tuple[tuple[Any, str], ...]) -> str:
    # A pure function of its arguments; the cache only saves work on words seen before.
    if not word.isascii():
        # only the Latin letters of the word are rewritten; other scripts stay as they are
        return _ASCII_WORD.sub(lambda m: _respell(m.group(), spelling), word)
    trigger, rules = spelling[0][0], spelling[1:]
    for _ in range(_MAX_PASSES):
        if trigger.search(word) is None:
            break
        before = word
        for pattern, replacement in rules:
            word = pattern.sub(replacement, word)
        if word == before:
            break
    return word


def _plain_words(text: str, rules: _Rules) -> list[str]:
    """Folded words of a phrase, before the spelling rules."""
    text = POSSESSIVE.sub("", text)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    text = _APOSTROPHES.sub("", text)
    return _WORD.findall(_fold(text, rules))


def fold_word(word: str, /) -> tuple[str, str]:
    """The plain folded form and the matching key of one word of running text (internal).

    The plain form keeps the spelling (``'zelenskyy'``); the key applies the spelling rules
    and the given-name variants (``'selenski'``).
    """
    return _fold_word(word, _rules())


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str, rules: _Rules) -> tuple[str, str]:
    plain = "".join(_WORD.findall(_fold(_APOSTROPHES.sub("", word).replace(".", ""), rules)))
    key = _skeleton(plain, rules)
    return plain, rules.given_variants.get(key, key)


def _strip_titles(words: list[str], rules: _Rules) -> list[str]:
    """Drop a leading run of title words when it holds a title and a name remains."""
    start = 0
    while start < len(words) - 1 and words[start] in rules.articles:
        start += 1
    end = start
    last_title = -1
    while end < len(words) and (
        words[end] in rules.titles
        or words[end] in rules.title_words
        or words[end] in rules.country_words
    ):
        if words[end] in rules.titles:
            last_title = end
        end += 1
    # a country word may stand before a title ("Russian President"), not after it: after
    # "Lt Gen", "Maly" is a name, not Mali
    while end - 1 > last_title and words[end - 1] in rules.country_words:
        end -= 1
    if last_title >= 0 and end < len(words):
        return words[end:]
    return words[start:]


def _initials(words: list[str]) -> list[str]:
    """Join runs of single letters ("j d" -> "jd"); drop a lone middle initial ("donald j trump")."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) > 1:
            out.append("".join(run))
        elif run:
            out.append(run[0])
        run = []
        if word:
            out.append(word)
    if len(out) > 2:
        inner = [w for w in out[1:-1] if not (len(w) == 1 and w.isalpha())]
        out = [out[0], *inner, out[-1]]
    return out


def _key_pass(text: str, rules: _Rules) -> tuple[list[str], list[str]]:
    """One pass of the key rules: the key words and the plain words they come from."""
    text = POSSESSIVE.sub("", text)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    text = _APOSTROPHES.sub("", text)
    plain = _initials(_WORD.findall(_fold(text, rules)))
    kept = len(_strip_titles([_skeleton(w, rules) for w in plain], rules))
    plain = plain[len(plain) - kept :] if kept else []
    keys = [_skeleton(w, rules) for w in plain]
    return [rules.given_variants.get(w, w) for w in keys], plain


def _normalize(text: str, rules: _Rules) -> tuple[str, str]:
    words, plain = _key_pass(text, rules)
    key = " ".join(words)
    for _ in range(_MAX_PASSES):
        again = " ".join(_key_pass(key, rules)[0])
        if again == key:
            break
        key = again
    return key, " ".join(plain)


def normalize_name(text: str, /) -> NormalizedName:
    """The matching key of a person's or body's name.

    Folds case, accents and punctuation; drops possessives and a leading title ("President",
    "Kremlin spokesman", "Maj Gen", "Mr"); transliterates Russian and Ukrainian Cyrillic; reads
    the common Latin spellings of a name as one. Never raises for a ``str``; idempotent:
    ``normalize_name(normalize_name(x).key) == normalize_name(x)``.

    >>> normalize_name("President Zelensky's") == normalize_name("Зеленський")
    True
    >>> normalize_name("Selenskyj") == normalize_name("Zelenskiy")
    True
    >>> normalize_name("Dmitri Peskov") == normalize_name("Kremlin spokesman Dmitry Peskov")
    True
    >>> normalize_name("J.D. Vance").key
    'zhd vance'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_name() takes a str, got {type(text).__name__}")
    return NormalizedName(_normalize(text, _rules())[0])


def is_normalized_name(text: str, /) -> bool:
    """Whether ``text`` is already a matching key, as ``normalize_name(...).key`` gives it.

    >>> is_normalized_name("sergei lavrov"), is_normalized_name("Sergey Lavrov")
    (True, False)
    """
    if not isinstance(text, str):
        raise TypeError(f"is_normalized_name() takes a str, got {type(text).__name__}")
    return normalize_name(text).key == text


_RAW_WORD = regex.compile(r"(?:\p{L}\.){2,8}|[^\W_]+(?:['’ʼ][^\W_]+)*")


def display_name(text: str, /) -> str:
    """The name in ``text`` as written, without a leading title or a possessive (internal).

    "Spokesman Maj Gen Winthai Suvaree's" gives ``'Winthai Suvaree'``; "the Kremlin" gives
    ``'Kremlin'``. Whitespace is collapsed; ``''`` when no word remains.
    """
    rules = _rules()
    text = POSSESSIVE.sub("", text)
    found = list(_RAW_WORD.finditer(text))
    keys = [fold_word(m.group())[1] for m in found]
    kept = len(_strip_titles(keys, rules))
    if not kept:
        return ""
    first, last = found[len(found) - kept], found[-1]
    return " ".join(text[first.start() : last.end()].split())


def name_forms(text: str, /) -> tuple[str, str]:
    """The matching key of ``text`` and its plain form (internal).

    The plain form holds the same words as the key, folded but not respelled: "Foreign
    Minister Sergey Lavrov" gives ``('sergei lavrov', 'sergey lavrov')``. The gazetteer uses it
    to keep spelling variants apart where they must not meet ("Maly" is not "Mali").
    """
    return _normalize(text, _rules())


def title_only(text: str, /) -> bool:
    """Whether ``text`` holds no name: only title words or articles ("the Foreign Minister",
    "Mr", "the") (internal)."""
    rules = _rules()
    words = [fold_word(m.group())[1] for m in _RAW_WORD.finditer(POSSESSIVE.sub("", text))]
    words = [w for w in words if w and w not in rules.articles]
    return not words or all(
        w in rules.titles or w in rules.title_words or w in rules.country_words for w in words
    )


def rules() -> _Rules:
    """The compiled tables (internal, for the gazetteer)."""
    return _rules()
