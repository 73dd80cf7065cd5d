"""The text layer under the parser: normalization with an offset map, site furniture and header
metadata, blocks, sentences and quotations.

The parser calls one function, :func:`prepare`, and gets back a frozen :class:`Prepared`.

Two texts, two kinds of span
============================

``Prepared.text`` is the ORIGINAL string exactly as given; ``Prepared.working`` is the
normalized WORKING text the rules run on. Every located record carries both spans:

- ``span`` (and ``body``, ``open``, ``close``, ...) index the ORIGINAL text: slice
  ``prepared.text`` with them, and put them in records (``Article`` spans index the text passed
  to ``parse``);
- ``wspan`` (and ``wbody``, ``wopen``, ``wclose``, ...) index the WORKING text: slice
  ``prepared.working`` with them, and run patterns there. A span found inside the working
  text maps back with ``prepared.offsets.to_original(wspan)`` (or ``prepared.original(wspan)``).

What normalization does
=======================

Each rule rewrites a small stretch of text; everything else is copied unchanged.

- line breaks: CRLF and lone CR, form feed, vertical tab, NEL, U+2028 and U+2029 become ``\\n``;
- removed without trace: zero-width characters (U+200B to U+200D, U+2060 to U+2064, U+FEFF,
  U+180E), soft hyphens, bidirectional marks and embeddings (LRM, RLM, ALM, U+202A to U+202E,
  U+2066 to U+2069), NUL and the other C0 and C1 control characters (tab and newline excepted),
  U+FFFE and U+FFFF;
- becomes one plain space each: tab, non-breaking and other Unicode spaces (U+00A0, U+1680,
  U+2000 to U+200A, U+202F, U+205F, U+3000); a lone surrogate becomes U+FFFD;
- HTML left in the text: tags of known HTML elements (``<p>``, ``<br/>``, ``<a href=...>``)
  are removed, block-level ones leave a line break; comments and ``<!DOCTYPE>`` go;
  character references (``&amp;``, ``&nbsp;``, ``&#8217;``, ``&#x2019;``) are decoded;
- mojibake: UTF-8 read as Windows-1252 or Latin-1 is repaired (``ThÃ©rÃ¨se`` -> ``Thérèse``,
  ``â€™`` -> ``’``, ``â€œ``/``â€\\x9d`` -> ``“``/``”``, a bare ``â€`` -> ``”``);
- Unicode NFC: decomposed accents are composed (``e`` + U+0301 -> ``é``).

The passes repeat until nothing changes (at most four times), so doubly escaped or doubly
mis-decoded text is repaired too, and :func:`normalize` is idempotent in practice. Typographic
quotes, apostrophes, dashes and ellipses are kept as they are: the quote finder needs them.

Furniture and header
====================

Lines are classified by cue words from ``data/text.json`` (site menus, bylines, credits,
"Read more", ...) and by shape (breadcrumbs, navigation rows, all-caps banners, time stamps,
a caption line directly above a "PHOTO:" credit). Parts of lines are furniture too: a leading
"date 2025-04-12", a kicker ("LIVE |", "BREAKING:"), a section label ("Background:"), the
dateline, a trailing agency tag. ``Prepared.furniture`` lists them all with a
:class:`FurnitureKind`; sentences never include furniture.

The header is the lines before the first body paragraph (a dateline, a long or sentence-like
line, a list item, "Q:", a time stamp). From it:

- ``title``: a headline printed twice (or as a breadcrumb's last part, printed again), else
  the first headline-like line (short, capitalized, no closing period). A kicker before it and
  an outlet after " | " are cut off. A summary line before a repeated title, or one line under
  the title, is a ``dek``. A short all-caps line or an organization's name above the headline
  is a banner.
- ``outlet``, the first found of: a banner, an outlet suffix of the title, a "Source" line
  (or "Source" followed by a web address), an outlet in the byline, the dateline's agency, a
  trailing agency tag, a credit that is a web address ("Photo credit: www.cbsnews.com"), a
  copyright holder.
- ``published``, the span of the date (without a time of day) from the first found of: a
  "date"/"Published" label, the byline, a release or "place · date" line, a lone full date,
  an "Updated" line, the title, a lone date without a year, the dateline's date, dated lines
  further down. Normalizing it is another module's job.
- ``dateline``: "MOSCOW - ", "KYIV, Aug 24 (PNW) – ", "HALLANDALE BEACH, Fla. — ",
  "MOSCOW, May 11. /TASS/. ", "March 3 (Reuters) - " at the start of the first paragraph, or
  else a header line "The Kremlin, Moscow · December 3, 2025".

Blocks, sentences, quotations
=============================

Each line is a block (hard-wrapped paragraphs are joined first); see :class:`BlockKind` and
:class:`Block`. Sentences split at ``.``, ``!``, ``?``, ``…`` (and ``。！？``) before a capital,
a digit or an opening mark, except after a title ("Mr.", "Gen."), an abbreviation that needs
a sentence-starting word after it to end a sentence ("U.S.", "Fla.", "a.m.", initials), or a
numbering abbreviation before a number ("No. 10"); the lists are in ``data/text.json``.
Titles and headings are one sentence each. Quotations are found with a stack of open marks
per paragraph (see :class:`Quote` and :class:`QuoteStatus`); apostrophes inside and at the end
of words are told apart from single quotation marks by their neighbours.

Everything runs in time linear in the length of the text.
"""

from __future__ import annotations

import bisect
import contextlib
import html
import json
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import attrs
import regex

from peacetalks._model import Span
from peacetalks._vocab import _Word

__all__ = [
    "Block",
    "BlockKind",
    "Dateline",
    "Furniture",
    "FurnitureKind",
    "Normalized",
    "OffsetMap",
    "Piece",
    "Prepared",
    "Quote",
    "QuoteFamily",
    "QuoteStatus",
    "Sentence",
    "is_normalized",
    "normalize",
    "prepare",
]


# ---------------------------------------------------------------------------------------------
# Vocabularies


class BlockKind(_Word):
    """What a block of the article is.

    ``title`` is the headline, ``dek`` a summary line beside it; ``speaker`` is a transcript's
    header line naming who answers (``ANSWER`` blocks point back to it); ``entry`` is a
    live-blog entry (its time stamp is the block's ``marker``); ``caption`` a photo caption;
    ``furniture`` a line of site furniture (see ``Block.furniture`` for which).
    """

    TITLE = "title"
    DEK = "dek"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUESTION = "question"
    ANSWER = "answer"
    SPEAKER = "speaker"
    ENTRY = "entry"
    CAPTION = "caption"
    FURNITURE = "furniture"


class FurnitureKind(_Word):
    """Why a stretch of text is site furniture rather than article text."""

    BANNER = "banner"  # an outlet or organization name printed above the headline
    BREADCRUMB = "breadcrumb"  # Home > Peace Talks > ...
    NAVIGATION = "navigation"  # Home | World | Europe | ...
    ACCOUNT = "account"  # Subscribe, Sign in, Sign up now: ...
    CREDIT = "credit"  # PHOTO: REUTERS, Photo credit: ...
    CAPTION = "caption"  # a photo caption
    SOURCE = "source"  # Source, Source: Reuters
    URL = "url"  # a line that is only a web address
    RELATED = "related"  # Read more: ...
    ADVERTISEMENT = "advertisement"
    SHARE = "share"  # Share: Facebook · X · Email
    TAGS = "tags"  # Tags: ...
    REPORTING = "reporting"  # (Reporting by ...; Editing by ...)
    BYLINE = "byline"  # By Claire Dorsey | November 30, 2025
    COPYRIGHT = "copyright"
    DATE = "date"  # date 2025-04-12, Last updated ..., PRESS RELEASE | 11 May 2025, Monday, 28 July
    DATELINE = "dateline"  # MOSCOW -
    AGENCY = "agency"  # a trailing agency tag: ... faster." REUTERS
    KICKER = "kicker"  # LIVE |, BREAKING:
    LABEL = "label"  # Key Takeaways:, Background:
    STAMP = "stamp"  # a live-blog time stamp: 10:20
    REPEATED_TITLE = "repeated-title"
    WIDGET = "widget"  # interface leftovers: "share2", a rule of underscores


class QuoteFamily(_Word):
    """The kind of marks around a quotation."""

    DOUBLE = "double"  # " “ ” „
    SINGLE = "single"  # ' ‘ ’ ‚
    GUILLEMET = "guillemet"  # « »


class QuoteStatus(_Word):
    """How a quotation ends.

    ``closed``: by its closing mark. ``continued``: not closed in its paragraph because the
    next paragraph opens with a quotation mark again (the news convention for a quotation that
    runs over several paragraphs; the next part's ``previous`` points back). ``unclosed``: the
    closing mark is missing; the quotation ends at the paragraph's end (or just before the
    next opening mark of the same kind).
    """

    CLOSED = "closed"
    CONTINUED = "continued"
    UNCLOSED = "unclosed"


# ---------------------------------------------------------------------------------------------
# The offset map

_COPY = 0
_ATOM = 1


def _view(data: bytes) -> memoryview:
    return memoryview(data).cast("q")


@attrs.frozen
class _Layer:
    """One normalization pass: maps positions in its output back to its input.

    The output is tiled by segments; segment ``i`` starts at ``out_starts[i]`` in the output and
    ``in_starts[i]`` in the input. A copy segment maps character for character; an atomic one
    (a rewritten stretch) maps only as a whole, so a position inside it rounds outwards.
    Arrays are packed 64-bit integers: a few bytes per edit, nothing per unchanged character.
    """

    size_out: int
    size_in: int
    out_starts: bytes = attrs.field(repr=False)
    in_starts: bytes = attrs.field(repr=False)
    kinds: bytes = attrs.field(repr=False)

    def start_in(self, pos: int) -> int:
        outs = _view(self.out_starts)
        i = bisect.bisect_right(outs, pos) - 1
        if i < 0:
            return pos
        base: int = _view(self.in_starts)[i]
        if self.kinds[i] == _COPY:
            return base + pos - int(outs[i])
        return base

    def end_in(self, pos: int) -> int:
        outs = _view(self.out_starts)
        i = bisect.bisect_left(outs, pos) - 1
        if i < 0:
            return 0
        ins = _view(self.in_starts)
        if self.kinds[i] == _COPY:
            return int(ins[i]) + pos - int(outs[i])
        return int(ins[i + 1]) if i + 1 < len(ins) else self.size_in

    def start_out(self, pos: int) -> int:
        ins = _view(self.in_starts)
        i = bisect.bisect_right(ins, pos) - 1
        if i < 0:
            return pos
        base: int = _view(self.out_starts)[i]
        if self.kinds[i] == _COPY:
            return base + pos - int(ins[i])
        return base

    def end_out(self, pos: int) -> int:
        ins = _view(self.in_starts)
        i = bisect.bisect_left(ins, pos) - 1
        if i < 0:
            return 0
        outs = _view(self.out_starts)
        if self.kinds[i] == _COPY:
            return int(outs[i]) + pos - int(ins[i])
        return int(outs[i + 1]) if i + 1 < len(outs) else self.size_out


@attrs.frozen
class OffsetMap:
    """Maps spans of the working text back to the original text, and the other way round.

    A span that starts or ends inside a rewritten stretch (an entity, a tag, a repaired
    character) widens to cover all of it; removed characters at a span's edges stay outside.
    The map stores only edit points, so it costs nothing for unchanged text.

    >>> norm = normalize("a&amp;b\\r\\nc")
    >>> norm.working
    'a&b\\nc'
    >>> norm.offsets.to_original(Span(1, 2)).of(norm.text)
    '&amp;'
    >>> norm.offsets.to_original(Span(0, 5))
    Span(start=0, end=10)
    >>> norm.offsets.to_working(Span(1, 6))
    Span(start=1, end=2)
    """

    original_length: int
    working_length: int
    layers: tuple[_Layer, ...] = ()

    @property
    def is_identity(self) -> bool:
        """Whether the working text has the original's offsets (no length-changing edit)."""
        return not self.layers

    def _check(self, span: Span, size: int, name: str) -> None:
        if not isinstance(span, Span):
            raise TypeError(f"expected a Span, got {type(span).__name__}")
        if span.end > size:
            raise ValueError(f"span {span.start}-{span.end} lies outside the {name} text ({size})")

    def to_original(self, wspan: Span, /) -> Span:
        """The span of the original text that a span of the working text came from."""
        self._check(wspan, self.working_length, "working")
        start, end = wspan.start, wspan.end
        for layer in reversed(self.layers):
            start, end = layer.start_in(start), layer.end_in(end)
            end = max(end, start)
        return Span(start, end)

    def to_working(self, span: Span, /) -> Span:
        """The span of the working text that a span of the original text became."""
        self._check(span, self.original_length, "original")
        start, end = span.start, span.end
        for layer in self.layers:
            start, end = layer.start_out(start), layer.end_out(end)
            end = max(end, start)
        return Span(start, end)


@attrs.frozen(kw_only=True)
class Normalized:
    """The result of :func:`normalize`: the original text, the working text, and their map."""

    text: str = attrs.field(repr=lambda t: repr(t if len(t) <= 40 else t[:37] + "..."))
    working: str = attrs.field(repr=lambda t: repr(t if len(t) <= 40 else t[:37] + "..."))
    offsets: OffsetMap


# -- the rewriting rules ----------------------------------------------------------------------

_DELETE_CHARS = (
    "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff"
)
_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_BREAK_CHARS = "\r\x0b\x0c\x85\u2028\u2029"
_SURROGATES = "\ud800-\udfff"

_SUBSTITUTE: dict[int, str] = {ord(c): " " for c in "\t\u00a0\u1680\u202f\u205f\u3000"}
_SUBSTITUTE.update(dict.fromkeys(range(0x2000, 0x200B), " "))
_SUBSTITUTE.update({ord(c): "\n" for c in _BREAK_CHARS})
_SUBSTITUTE.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))

# Bytes 0x80-0xBF as Windows-1252 (or, for its five holes, Latin-1) decodes them: the
# continuation bytes of UTF-8 text that was read with the wrong code page.
_BYTE_OF: dict[str, int] = {chr(b): b for b in range(0x80, 0x100)}
for _b in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):  # five bytes are holes in Windows-1252
        _BYTE_OF[bytes([_b]).decode("cp1252")] = _b
_CONT = "\u0080-\u00bf" + "".join(
    re.escape(c) for c, b in _BYTE_OF.items() if b < 0xC0 and not 0x80 <= ord(c) < 0xC0
)

_MASTER = re.compile(
    rf"""
    (?P<crlf>\r\n)
    | (?P<moji>\u00e2\u20ac(?![{_CONT}]) | [\u00c2-\u00df][{_CONT}] | [\u00e0-\u00ef][{_CONT}]{{2}}
              | [\u00f0-\u00f4][{_CONT}]{{3}})
    | (?P<ent>&(?:\#[0-9]{{1,7}};? | \#[xX][0-9a-fA-F]{{1,6}};? | [A-Za-z][A-Za-z0-9]{{1,31}};))
    | (?P<comment><!--[^<]{{0,4000}}?-->)
    | (?P<decl><![A-Za-z\[][^<>]{{0,2000}}>)
    | (?P<tag></?(?P<tname>[A-Za-z][A-Za-z0-9]{{0,15}})(?:[\s/][^<>]{{0,2000}})?>)
    | (?P<dele>[{_DELETE_CHARS}]+)
    | (?P<sub>[{_SPACE_CHARS}{_BREAK_CHARS}{_SURROGATES}]+)
    """,
    re.VERBOSE,
)
_DELETE = re.compile(f"[{_DELETE_CHARS}]+")
# A run of characters that NFC may change or reorder (plus the stable character before it).
_NFC_RUN = regex.compile(r"[\p{NFC_QC=N}\p{NFC_QC=M}\P{ccc=0}]+")
_MAX_PASSES = 4


def _clean_piece(text: str) -> str:
    """Apply the character rules to a decoded piece (an entity may stand for a control)."""
    return _DELETE.sub("", text.replace("\r\n", "\n")).translate(_SUBSTITUTE)


def _unmojibake(seq: str) -> str | None:
    if seq == "\u00e2\u20ac":
        return "\u201d"  # the 0x9D of a closing quote was lost on the way
    if len(seq) == 2 and seq[1] == "\u00a0" and seq[0] not in "\u00c2\u00c3":
        return None  # a capital letter before a no-break space is more likely real text
    try:
        decoded = bytes(_BYTE_OF[c] for c in seq).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    if len(seq) == 2 and ("\u0250" <= decoded <= "\u02ff" or decoded < "\u00a0"):
        return None  # IPA letters and C1 controls: real text such as "CAFÉ’S" is likelier
    return decoded


class _Builder:
    """Builds one pass's output and its layer of the offset map."""

    __slots__ = ("atoms", "in_starts", "kinds", "out", "out_starts", "pos", "src", "wpos")

    def __init__(self, src: str) -> None:
        self.src = src
        self.out: list[str] = []
        self.out_starts = array("q")
        self.in_starts = array("q")
        self.kinds = bytearray()
        self.pos = 0  # input copied up to here
        self.wpos = 0  # output length so far
        self.atoms = 0

    def _copy_segment(self) -> None:
        if not self.kinds or self.kinds[-1] != _COPY:
            self.out_starts.append(self.wpos)
            self.in_starts.append(self.pos)
            self.kinds.append(_COPY)

    def copy_to(self, end: int) -> None:
        if end > self.pos:
            self._copy_segment()
            self.out.append(self.src[self.pos : end])
            self.wpos += end - self.pos
            self.pos = end

    def same_length(self, start: int, end: int, replacement: str) -> None:
        self.copy_to(start)
        self._copy_segment()
        self.out.append(replacement)
        self.wpos += len(replacement)
        self.pos = end

    def replace(self, start: int, end: int, replacement: str) -> None:
        self.copy_to(start)
        merged = (
            not replacement
            and self.kinds
            and self.kinds[-1] == _ATOM
            and self.out_starts[-1] == self.wpos
        )
        if not merged:  # two deletions in a row are one: no working position lies between
            self.out_starts.append(self.wpos)
            self.in_starts.append(self.pos)
            self.kinds.append(_ATOM)
        self.out.append(replacement)
        self.wpos += len(replacement)
        self.pos = end
        self.atoms += 1

    def finish(self) -> tuple[str, _Layer | None]:
        self.copy_to(len(self.src))
        text = "".join(self.out)
        if not self.atoms:
            return text, None
        layer = _Layer(
            size_out=len(text),
            size_in=len(self.src),
            out_starts=self.out_starts.tobytes(),
            in_starts=self.in_starts.tobytes(),
            kinds=bytes(self.kinds),
        )
        return text, layer


def _main_pass(src: str) -> tuple[str, _Layer | None]:
    tags = _lexicon()
    build = _Builder(src)
    for match in _MASTER.finditer(src):
        group = match.lastgroup
        start, end = match.span()
        found = match.group()
        replacement: str | None = None
        if group == "crlf":
            replacement = "\n"
        elif group == "moji":
            repaired = _unmojibake(found)
            replacement = None if repaired is None else _clean_piece(repaired)
        elif group == "ent":
            decoded = html.unescape(found)
            replacement = None if decoded == found else _clean_piece(decoded)
        elif group in ("comment", "decl", "dele"):
            replacement = ""
        elif group == "tag":
            name = match.group("tname").lower()
            if name in tags.block_tags:
                replacement = "\n"
            elif name in tags.inline_tags:
                replacement = ""
        else:
            build.same_length(start, end, found.translate(_SUBSTITUTE))
            continue
        if replacement is None:
            # not a repair after all (an unknown tag, a real "É" before a no-break space):
            # the characters inside still get the character rules
            replacement = _clean_piece(found)
            if replacement == found:
                continue
            if len(replacement) == len(found):
                build.same_length(start, end, replacement)
                continue
        build.replace(start, end, replacement)
    return build.finish()


def _nfc_pass(src: str) -> tuple[str, _Layer | None]:
    build = _Builder(src)
    for match in _NFC_RUN.finditer(src):
        start, end = match.span()
        if start > build.pos:
            start -= 1  # the starter before the run composes with it
        unit = src[start:end]
        composed = unicodedata.normalize("NFC", unit)
        if composed != unit:
            build.replace(start, end, composed)
    return build.finish()


def normalize(text: str, /) -> Normalized:
    """Normalize scraped text into the working text, with a map back to the original.

    See the module's documentation for what is rewritten. Raises ``TypeError`` when ``text``
    is not a ``str``.

    >>> norm = normalize("Th\\u00c3\\u00a9r\\u00c3\\u00a8se said&nbsp;<b>no</b>\\u200b.")
    >>> norm.working
    'Thérèse said no.'
    >>> norm.offsets.to_original(Span(13, 15)).of(norm.text)
    'no'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, got {type(text).__name__}")
    layers: list[_Layer] = []
    current = text
    for _ in range(_MAX_PASSES):
        current, layer = _main_pass(current)
        changed = layer is not None
        if layer is not None:
            layers.append(layer)
        if not unicodedata.is_normalized("NFC", current):
            current, layer = _nfc_pass(current)
            if layer is not None:
                layers.append(layer)
                changed = True
        if not changed:
            break
    offsets = OffsetMap(len(text), len(current), tuple(layers))
    return Normalized(text=text, working=current, offsets=offsets)


def is_normalized(text: str, /) -> bool:
    """Whether ``text`` is already a working text (:func:`normalize` would not change it).

    >>> is_normalized("Talks resumed."), is_normalized("Talks&nbsp;resumed.")
    (True, False)
    """
    return normalize(text).working == text


# ---------------------------------------------------------------------------------------------
# Word lists from data/text.json, loaded once


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, with spaces matching any whitespace."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def _cue(words: Iterable[str]) -> re.Pattern[str]:
    """A line-start pattern for cue words: a cue of one word must be followed by a separator or
    the line's end ("Photo: ...", "Advertisement"); a cue of several words only by a word
    boundary ("Sign up now", "Reporting by")."""
    words = list(words)
    single = [w for w in words if " " not in w]
    multi = [w for w in words if " " in w]
    parts = []
    if multi:
        parts.append(rf"(?:{_alternation(multi)})(?![\w’'])")
    if single:
        parts.append(rf"(?:{_alternation(single)})(?=\s*(?:[:|·•»›>\-–—→!.]|$))")
    return re.compile(r"(?:" + "|".join(parts) + r")\s*(?:[:|·•»›>\-–—→!.]\s*)?", re.IGNORECASE)


@attrs.frozen
class _Lexicon:
    """The word lists and the patterns built from them (immutable, built once)."""

    titles: frozenset[str]
    cue_heads: frozenset[str]  # first words of the furniture cue phrases
    numeric: frozenset[str]
    general: frozenset[str]
    starters: frozenset[str]
    block_tags: frozenset[str]
    inline_tags: frozenset[str]
    social: frozenset[str]
    connectors: frozenset[str]
    org_words: frozenset[str]
    agencies: frozenset[str]
    breadcrumb_roots: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    date: re.Pattern[str]  # a full date with a year
    date_any: re.Pattern[str]  # a date with or without a year
    date_only: re.Pattern[str]  # a line that is only a date (a live blog's day heading)
    date_label: re.Pattern[str]
    update_label: re.Pattern[str]
    release_label: re.Pattern[str]
    account: re.Pattern[str]
    related: re.Pattern[str]
    advertisement: re.Pattern[str]
    share: re.Pattern[str]
    tags: re.Pattern[str]
    credit: re.Pattern[str]
    caption_credit: re.Pattern[str]
    reporting: re.Pattern[str]
    source: re.Pattern[str]
    copyright: re.Pattern[str]
    byline: regex.Pattern[str]
    kicker: re.Pattern[str]
    label_prefix: re.Pattern[str]
    label_line: re.Pattern[str]
    agency_tail: re.Pattern[str]
    dateline: regex.Pattern[str]  # MOSCOW - / KYIV, Aug 24 (PNW) - / HALLANDALE BEACH, Fla. -
    dateline_titled: regex.Pattern[str]  # Kyiv, Aug 24 (Reuters) - : needs a date or an agency
    dateline_slash: regex.Pattern[str]  # MOSCOW, May 11. /TASS/.
    dateline_bare: regex.Pattern[str]  # March 3 (Reuters) -
    caption_label: re.Pattern[str]  # Image caption, ...
    republished: re.Pattern[str]  # This article was originally published on ...
    relative: re.Pattern[str]  # 3 hours ago


def _date_patterns(months: Sequence[str], weekdays: Sequence[str]) -> tuple[str, str]:
    month = rf"(?:{_alternation(months)})\.?"
    weekday = rf"(?:(?:{_alternation(weekdays)})\.?,?\s+)?"
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[89][0-9]{2}|2[0-9]{3})"
    full = (
        rf"(?<![\w.])(?:{weekday}{day}\s+(?:of\s+)?{month},?\s+{year}"
        rf"|{weekday}{month}\s+{day},?\s+{year}"
        rf"|{year}-(?:1[0-2]|0?[1-9])-(?:3[01]|[12][0-9]|0?[1-9])"
        rf"|{year}/(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])"
        rf"|(?:3[01]|[12][0-9]|0?[1-9])[./](?:1[0-2]|0?[1-9])[./]{year})(?![\w])"
    )
    partial = rf"(?<![\w.])(?:{weekday}{day}\s+(?:of\s+)?{month}|{weekday}{month}\s+{day})(?![\w])"
    return full, partial


@cache
def _lexicon() -> _Lexicon:
    raw = resources.files("peacetalks").joinpath("data/text.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    abbr = data["abbreviations"]
    furn = data["furniture"]
    months = data["dates"]["months"]
    weekdays = data["dates"]["weekdays"]
    full, partial = _date_patterns(months, weekdays)
    either = rf"(?:{full}|{partial})"
    time = r"(?:,?\s*(?:at\s+)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"

    def label(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile(
            rf"(?:{_alternation(words)})\s*(?:[:|·•\-–—]\s*)?(?:on\s+)?(?=[0-9A-Za-z])",
            re.IGNORECASE,
        )

    agencies = furn["agencies"]
    caps = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*(?![\p{L}\p{M}])"
    joins = r"(?:de|del|da|di|el|al|la|le|du|of|upon|am|an|on|sur|en)"
    region = r"\p{Lu}[\p{L}\p{M}'’\-]*\.?(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*\.?){0,3}"
    tail = (
        rf"(?:,\s*(?P<region>{region}))??(?:[,.]?\s*(?P<date>(?i:{either})))?"
        r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s*"
    )
    titled = r"\p{Lu}\p{Ll}+(?:[\s\-]\p{Lu}\p{Ll}+){0,2}"
    heads = set()
    for name, words in furn.items():
        if name in ("about", "social", "connectors", "org_words", "agencies", "caption_credits"):
            continue
        if name == "relative_dates":
            continue
        for phrase in words:
            head = _HEAD.match(phrase)
            heads.add(head.group(1).lower() if head else phrase.lower())
    return _Lexicon(
        titles=frozenset(abbr["titles"]),
        cue_heads=frozenset(heads | {"by", "c", "copyright"}),
        numeric=frozenset(abbr["numeric"]),
        general=frozenset(abbr["general"]),
        starters=frozenset(data["sentence_starters"]),
        block_tags=frozenset(data["html"]["block"]),
        inline_tags=frozenset(data["html"]["inline"]),
        social=frozenset(w.lower() for w in furn["social"]),
        connectors=frozenset(w.lower() for w in furn["connectors"]),
        org_words=frozenset(w.lower() for w in furn["org_words"]),
        agencies=frozenset(w.lower() for w in agencies),
        breadcrumb_roots=frozenset(w.lower() for w in furn["breadcrumb_roots"]),
        weekdays=frozenset(w.lower() for w in weekdays),
        months=frozenset(w.lower() for w in months),
        date=re.compile(full, re.IGNORECASE),
        date_any=re.compile(either, re.IGNORECASE),
        date_only=re.compile(rf"{either}{time}\s*", re.IGNORECASE),
        date_label=label(furn["date_labels"]),
        update_label=label(furn["update_labels"]),
        release_label=label(furn["release_labels"]),
        account=_cue(furn["account"]),
        related=_cue(furn["related"]),
        advertisement=re.compile(
            rf"(?:{_alternation(furn['advertisement'])})\s*[.:]?", re.IGNORECASE
        ),
        share=_cue(furn["share"]),
        tags=_cue(furn["tags"]),
        credit=_cue(furn["credit"]),
        caption_credit=re.compile(
            rf"\((?=[^()]{{0,80}}\)\s*$)[^()]*\b(?:{_alternation(furn['caption_credits'])})\b[^()]*\)\s*$",
            re.IGNORECASE,
        ),
        reporting=re.compile(
            rf"[(\[]?\s*(?:[-–—]+\s*)?(?:{_alternation(furn['reporting'])})\b", re.IGNORECASE
        ),
        source=re.compile(
            # each alternative takes its own spaces: a "\s*" before "\s+" was quadratic
            rf"(?:{_alternation(furn['source'])})(?:\s*$|\s*[:\-–—|]\s*(?P<value>.+)$"
            r"|\s+(?P<url>(?:https?://|www\.)\S+)$)",
            re.IGNORECASE,
        ),
        copyright=re.compile(
            rf"(?:{_alternation(furn['copyright'])})(?:\s|$|[0-9])|.{{0,80}}all\s+rights\s+reserved",
            re.IGNORECASE,
        ),
        byline=regex.compile(
            rf"(?:{_alternation(w.capitalize() for w in furn['byline'])}|BY)\s+"
            r"(?P<names>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|van|von|de|da|di|al|bin|el|la|le)){0,4}"
            # "and" only as a word of its own: glued to a name ("AANDAAND...") it let the
            # engine try every way of cutting the word, cubic in the line's length
            r"(?:(?:\s*[,&]\s*|\s+(?:and|AND)\s+)\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|van|von|de|da|di|al|bin|el|la|le)){0,4}){0,3})"
            r"\s*(?:$|(?P<sep>[|·•,–—\-]|\bon\b|\bin\b)\s*(?P<rest>.*)$)"
        ),
        kicker=re.compile(
            rf"(?P<word>{_alternation(furn['kickers'])})\s*(?P<sep>[|:–—]|-(?=\s))\s*(?=\S)",
            re.IGNORECASE,
        ),
        label_prefix=re.compile(rf"(?:{_alternation(furn['labels'])})\s*:\s*(?=\S)", re.IGNORECASE),
        label_line=re.compile(rf"(?:{_alternation(furn['labels'])})\s*:", re.IGNORECASE),
        agency_tail=re.compile(
            rf"(?:(?<=[.!?”\"’)])|\s[-–—]+)\s+(?P<tag>[A-Z][A-Z&./\-]+(?:\s+[A-Z][A-Z&./\-]+){{0,2}}"
            rf"|\((?:{_alternation(agencies)})\)|(?:{_alternation(agencies)}))\s*$"
        ),
        dateline=regex.compile(
            rf"(?P<place>{caps}(?:(?:\s+|/){caps}|\s+{joins}(?=\s+\p{{Lu}})){{0,5}}){tail}"
            r"(?P<sep>--|[-–—―:])\s+(?=\S)"
        ),
        dateline_titled=regex.compile(rf"(?P<place>{titled}){tail}(?P<sep>--|[-–—―])\s+(?=\S)"),
        dateline_slash=regex.compile(
            rf"(?P<place>{caps}(?:\s+{caps}){{0,3}})(?:[,.]\s*(?P<date>(?i:{either})))?\.?\s*"
            r"/(?P<agency>[^/\n]{1,25})/\.?\s+(?=\S)"
        ),
        dateline_bare=regex.compile(
            rf"(?P<date>(?i:{either}))\s*\((?P<agency>[^()\n]{{1,40}})\)\s*(?P<sep>--|[-–—―])\s+(?=\S)"
        ),
        caption_label=_cue(furn["caption_labels"]),
        republished=re.compile(
            rf"(?:{_alternation(furn['republished'])})\s+(?:(?:on|in|at|by)\s+)?(?P<value>[^.]{{2,80}})\.?",
            re.IGNORECASE,
        ),
        relative=re.compile(
            rf"(?:(?:{_alternation(furn['date_labels'] + furn['update_labels'])})\s*(?::\s*)?)?"
            r"(?:[0-9]{1,3}\s*(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?)"
            rf"\s+ago|{_alternation(furn['relative_dates'])})",
            re.IGNORECASE,
        ),
    )


# ---------------------------------------------------------------------------------------------
# The records prepare() returns. ``span``-like fields index the ORIGINAL text, ``w``-prefixed
# ones (``wspan``, ``wbody``, ...) the WORKING text.


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


@attrs.frozen(kw_only=True)
class Piece:
    """A located stretch of text: a title, an outlet name, a date expression, a marker.

    ``span`` indexes the original text, ``wspan`` the working text; ``text`` is the working
    text it covers (clean: no entities, no stray controls).
    """

    span: Span
    wspan: Span
    text: str


@attrs.frozen(kw_only=True)
class Furniture:
    """A stretch of site furniture (a whole line, or part of one such as a dateline)."""

    kind: FurnitureKind
    span: Span
    wspan: Span


@attrs.frozen(kw_only=True)
class Dateline:
    """The dateline that opens a story ("KYIV, Aug 24 (PNW) – "), or a header's place line.

    ``span``/``wspan`` cover the whole dateline with its dash; ``place`` is the place text
    ("HALLANDALE BEACH, Fla."; ``None`` in a wire's bare "March 3 (Reuters) - "), ``agency``
    the agency in parentheses (or slashes: "/TASS/"), ``date`` its date text.
    """

    span: Span
    wspan: Span
    place: Piece | None
    agency: Piece | None = None
    date: Piece | None = None


@attrs.frozen(kw_only=True)
class Block:
    """A block of the article: a title, a paragraph, a list item, a question, an answer, ...

    ``span``/``wspan`` cover the block's lines; ``body``/``wbody`` its content, without its
    ``marker`` and without furniture inside it (a dateline, a kicker, a trailing agency tag).
    The marker is "Q:", "A:", "-", "1.", a label such as "Background:", a live-blog entry's
    stamp (often on a line of its own before the block), the name that opens a transcript turn
    ("Sergey Lavrov: ..."; its continuation paragraphs carry it too), or a speaker header's
    name ("YURY USHAKOV" in "YURY USHAKOV, Aide to the President"). An ``answer`` block's
    ``speaker`` is the index of the ``speaker`` block that introduces it. ``furniture`` says
    which furniture a ``furniture`` or ``caption`` block is.
    """

    index: int
    kind: BlockKind
    span: Span
    wspan: Span
    body: Span
    wbody: Span
    marker: Piece | None = None
    speaker: int | None = None
    furniture: FurnitureKind | None = None


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence of the article's text (a title, heading or list item is one by itself).

    ``block`` is the index of its block and ``kind`` that block's kind. ``quotes`` are the
    indices of the quotations it overlaps; ``quote_continues`` says that it ends inside a
    quotation that goes on in the next sentence, so the quotation (and whoever it is
    attributed to) carries it.
    """

    index: int
    span: Span
    wspan: Span
    block: int
    kind: BlockKind
    quotes: tuple[int, ...] = ()
    quote_continues: bool = False


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation: its content (``span``/``wspan``, without the marks) and its marks.

    ``open``/``close`` (and ``wopen``/``wclose``) are the spans of the marks; ``close`` is
    ``None`` unless ``status`` is ``closed``. ``previous`` is the index of the quotation's
    part in the paragraph before (news convention: a paragraph left open, the next one opening
    with a mark again). ``parent`` is the enclosing quotation, ``depth`` the nesting level
    (0 = outermost). ``words`` counts the content's words; ``fragment`` flags a short quoted
    fragment (four words or fewer that do not read as a sentence of their own: scare quotes,
    quoted phrases such as "historically Russian lands").
    """

    index: int
    span: Span
    wspan: Span
    open: Span
    wopen: Span
    close: Span | None
    wclose: Span | None
    family: QuoteFamily
    status: QuoteStatus
    block: int
    words: int
    fragment: bool
    depth: int = 0
    parent: int | None = None
    previous: int | None = None


@attrs.frozen(kw_only=True)
class Prepared:
    """Everything the parser needs from the text layer, from :func:`prepare`.

    ``text`` is the original string and ``working`` the normalized one; ``offsets`` maps
    working spans back (:meth:`original`). Header metadata: ``title``, ``outlet``,
    ``dateline`` and ``published`` (the span of the publication date expression, which
    another module normalizes). ``furniture`` lists every stretch of site furniture in text
    order (:meth:`furniture_spans` gives them as original spans for ``Article.furniture``).
    ``blocks``, ``sentences`` and ``quotes`` are in text order and refer to each other by index.
    """

    text: str = attrs.field(repr=_short)
    working: str = attrs.field(repr=_short)
    offsets: OffsetMap = attrs.field(repr=False)
    title: Piece | None = None
    outlet: Piece | None = None
    dateline: Dateline | None = None
    published: Piece | None = None
    furniture: tuple[Furniture, ...] = attrs.field(default=(), repr=False)
    blocks: tuple[Block, ...] = attrs.field(default=(), repr=False)
    sentences: tuple[Sentence, ...] = attrs.field(default=(), repr=False)
    quotes: tuple[Quote, ...] = attrs.field(default=(), repr=False)
    _furniture_starts: tuple[int, ...] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: tuple(f.wspan.start for f in self.furniture), True),
    )

    def original(self, wspan: Span, /) -> Span:
        """The original span of a working span (see :meth:`OffsetMap.to_original`)."""
        return self.offsets.to_original(wspan)

    def furniture_spans(self) -> tuple[Span, ...]:
        """The original spans of all furniture, in text order (for ``Article.furniture``)."""
        return tuple(f.span for f in self.furniture)

    def sentence_text(self, index: int, /) -> str:
        """The working text of sentence ``index``."""
        return self.sentences[index].wspan.of(self.working)

    def in_furniture(self, wspan: Span, /) -> bool:
        """Whether a working span lies wholly inside one stretch of furniture."""
        i = bisect.bisect_right(self._furniture_starts, wspan.start) - 1
        return i >= 0 and self.furniture[i].wspan.contains(wspan)


# ---------------------------------------------------------------------------------------------
# Lines and what they are

_PROSE = frozenset(
    {
        BlockKind.TITLE,
        BlockKind.DEK,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.QUESTION,
        BlockKind.ANSWER,
        BlockKind.ENTRY,
    }
)
_UNSPLIT = frozenset({BlockKind.TITLE, BlockKind.HEADING})

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_OPENERS = "\"'“‘«„‚([{¿¡"
_URL = re.compile(
    r"(?:https?://|www\.)\S+|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,12}(?:/\S*)?",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"(?:(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:\s*[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?)"
    r"(?:\s+(?:[A-Z]{2,5}|GMT[+-][0-9]{1,2}))?",
    re.IGNORECASE,
)
_STAMP_PREFIX = re.compile(rf"(?:{_STAMP.pattern})\s*(?:[-–—|]|:(?=\s))\s+(?=\S)", re.IGNORECASE)
_CRUMB_SEP = re.compile(r"\s+(?:>|→|/)\s+|\s*[›»]\s*")
_NAV_SEP = re.compile(r"\s*[|·•]\s*|\s{3,}")
_QA = re.compile(
    r"(?P<mark>(?:Q|A|QUESTION|ANSWER|Question|Answer)(?:\s*\([^()\n]{1,40}\))?\s*(?P<punct>[:.)])"
    r"|(?:Q|A)\s+[-–—])\s+(?=\S)"
)
_LIST = re.compile(r"(?P<mark>[-–—•*▪●◦‣·]|\(?[0-9]{1,3}[.)])\s+(?=\S)")
_PHOTO_TAG = re.compile(
    r"\[\s*(?:photo|photos|image|images|video|picture|pictures|graphic|gallery|audio|caption|pictured)\b[^\]]{0,60}\]",
    re.IGNORECASE,
)
_CREDIT_SHAPE = re.compile(
    r"[A-Z][A-Z.&\- ]{1,20}/[A-Z][\w.\-]+(?:\s+[\w.\-]+){0,4}|.{0,60}\b(?:Getty\s+Images|AP\s+Photo|AFP\s+via)\b.{0,60}"
)
_TURN = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|al|bin|de|van|von|da|di|el)){0,4})"
    r"(?:\s*\([^()\n]{1,60}\))?\s*:\s+(?=\S)"
)
_SPEAKER = re.compile(
    r"(?P<name>(?:(?:MR|MRS|MS|DR)\.?\s+)?[^\s,:—–]+(?:\s+[^\s,:—–]+){0,4})\s*"
    r"(?:(?P<sep>,|:|—|–|\s-)\s*(?P<role>.*))?"
)
_HEAD = re.compile(r"[\s(\[\-–—•*]*([^\W\d_]+|©)")
_GLUED = re.compile(r"[a-z]+[0-9]+")
_HAS_TIME = re.compile(r"[0-9][:.][0-5][0-9]")
_URL_IN = re.compile(r"(?:https?://|www\.)\S+")
_HOLDER = re.compile(
    # each optional part starts with its own mark and takes the spaces after it: three "\s*" in
    # a row made a run of spaces cost cubic time
    r"(?:©|\([cC]\)|[Cc]opyright)\s*(?:©\s*)?(?:[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?\s*)?(?:,\s*)?"
    r"([^\W\d][^.|;,]{1,60}?)\s*(?:[.|;,]|$)"
)
_CREDIT_HINT = re.compile(r"/|Getty|AP Photo|AFP")
_CRUMB_HINT = re.compile(r"[>›»→/]")
_SOCIAL_SEP = re.compile(r"[\s|·•,/]+")
_DATE_SEP = re.compile(r"(\s*[|·•]\s*)")
_NON_SPACE = re.compile(r"\S")


def _has_separator(text: str) -> bool:
    return "|" in text or "·" in text or "•" in text or "   " in text


def _nwords(text: str) -> int:
    return len(text.split())


def _sentence_like(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-8:]))


def _headline_like(text: str) -> bool:
    """Short, capitalized, no closing period or comma: the shape of a headline."""
    core = text.rstrip("\"'”’»)]")
    if not core or len(text) > 300 or core[-1] in ".,;:" or _nwords(text) > 30:
        return False  # a sentence that ends inside a closing quote mark is still a sentence
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


class _Line:
    """Scratch state for one line of the working text (internal, per call)."""

    __slots__ = ("body", "date", "end", "furn", "info", "kind", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start  # stripped content
        self.end = end
        self.body = start  # where the content starts once prefixes are taken off
        self.furn: FurnitureKind | None = None
        self.kind: BlockKind | None = None
        self.info: dict[str, Any] = {}
        self.date: tuple[int, int, int] | None = None  # (priority, start, end)

    @property
    def blank(self) -> bool:
        return self.start >= self.end


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = size
        start, end = pos, nl
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        lines.append(_Line(start, end))
        pos = nl + 1
    return lines


def _name_like(text: str, lex: _Lexicon, max_words: int) -> bool:
    """Every word capitalized (or a connector such as "of"): a name, a menu item."""
    words = text.split()
    if not words or len(words) > max_words:
        return False
    for word in words:
        core = word.strip("\"'“”‘’()[],.:;")
        if not core or core.lower() in lex.connectors:
            continue
        head = core[0]
        if not (head.isupper() or head.isdigit() or head in "&@#"):
            return False
    return True


def _has_org_word(text: str, lex: _Lexicon) -> bool:
    low = text.lower()
    words = set(re.findall(r"[\w’'-]+", low))
    return any((w in words) if " " not in w else (w in low) for w in lex.org_words)


def _banner_like(text: str, lex: _Lexicon) -> bool:
    if len(text) > 80 or _nwords(text) > 8 or text[-1] in ".?!,;:":
        return False
    letters = sum(c.isalpha() for c in text)
    if text.isupper() and letters >= 3 and _nwords(text) <= 3:
        return True  # "THE MERIDIAN POST"; a longer all-caps line may be a headline
    return _name_like(text, lex, 8) and _has_org_word(text, lex)


def _classify(text: str, lex: _Lexicon) -> tuple[FurnitureKind | None, dict[str, Any]]:
    """Which furniture a whole line is, by its cue words and shape (or ``None``).

    The info dict may hold relative spans: ``date`` (with ``prio``), ``outlet`` (with
    ``oprio``), ``place``; and ``crumb`` (the last part of a breadcrumb). Cheap tests on the
    first word, digits and separators come first, so prose lines cost little.
    """
    info: dict[str, Any] = {}
    size = len(text)
    if size > 600:
        return None, info
    if not any(c.isalnum() for c in text) or _GLUED.fullmatch(text):
        return FurnitureKind.WIDGET, info  # "___", "* * *", "share2"
    words = _nwords(text)
    head = _HEAD.match(text)
    cue = head is not None and head.group(1).lower() in lex.cue_heads
    digits = any(c.isdigit() for c in text[:80])
    if cue and lex.advertisement.fullmatch(text):
        return FurnitureKind.ADVERTISEMENT, info
    if " " not in text and "." in text and _URL.fullmatch(text):
        return FurnitureKind.URL, info
    if cue and words <= 12:
        m = lex.source.match(text)
        if m:
            for name in ("value", "url"):
                if m.group(name):
                    info["outlet"] = (m.start(name), m.end(name))
                    info["oprio"] = 3
            return FurnitureKind.SOURCE, info
    if cue and words <= 20:
        m = lex.republished.fullmatch(text)
        if m:
            info["outlet"] = m.span("value")
            info["oprio"] = 3
            return FurnitureKind.SOURCE, info
    if cue and words <= 25 and _byline(text, lex, info):
        return FurnitureKind.BYLINE, info
    if digits:
        found = _date_line(text, lex, info)
        if found is not None:
            return found, info
        if _STAMP.fullmatch(text):
            return FurnitureKind.STAMP, info
    if words <= 6 and lex.relative.fullmatch(text):
        return FurnitureKind.DATE, info  # "Published 3 hours ago": no date to read
    if cue and words <= 80 and lex.caption_label.match(text):
        return FurnitureKind.CAPTION, info  # "Image caption, ..."
    if cue and words <= 20:
        m = lex.credit.match(text)
        if m and (m.end() < size or words <= 2):
            value = text[m.end() :].strip()
            if value and " " not in value and _URL.fullmatch(value):
                info["outlet"] = (m.end(), size)
                info["oprio"] = 7
            return FurnitureKind.CREDIT, info
    if text[0] == "[" and _PHOTO_TAG.match(text):
        return FurnitureKind.CAPTION, info
    if words <= 80 and text[-1] == ")":
        m = lex.caption_credit.search(text)
        if m:
            # "... on Sunday. (Pool photo)": a caption; "(AP Photo/Jane Roe)" alone: a credit
            text_before = text[: m.start()].strip()
            return (FurnitureKind.CAPTION if text_before else FurnitureKind.CREDIT), info
    if words <= 12 and _CREDIT_HINT.search(text) and _CREDIT_SHAPE.fullmatch(text):
        return FurnitureKind.CREDIT, info
    if cue and words <= 60 and lex.reporting.match(text):
        return FurnitureKind.REPORTING, info
    if words <= 25 and (cue or "reserved" in text) and lex.copyright.match(text):
        holder = _HOLDER.match(text)
        if holder and _name_like(holder.group(1), lex, 6):
            info["outlet"] = holder.span(1)
            info["oprio"] = 8
        return FurnitureKind.COPYRIGHT, info
    if words <= 25:
        if cue and lex.share.match(text):
            return FurnitureKind.SHARE, info
        if words <= 12 and head is not None and head.group(1).lower() in lex.social:
            tokens = [t for t in _SOCIAL_SEP.split(text.lower()) if t]
            if len(tokens) >= 2 and all(t in lex.social for t in tokens):
                return FurnitureKind.SHARE, info
        if cue:
            if lex.tags.match(text):
                return FurnitureKind.TAGS, info
            if lex.related.match(text):
                return FurnitureKind.RELATED, info
            if lex.account.match(text) and words <= 14:
                return FurnitureKind.ACCOUNT, info
        if (
            text.endswith(":")
            and words <= 4
            and (lex.label_line.fullmatch(text) or _name_like(text[:-1], lex, 4))
        ):
            return FurnitureKind.LABEL, info
        if cue and lex.kicker.match(text):
            return None, info  # a headline with a kicker ("LIVE | ..."), not a menu
    if words <= 20 and not _sentence_like(text) and _URL_IN.search(text):
        return FurnitureKind.RELATED, info  # "Follow our coverage at https://..."
    if size <= 300:
        if _CRUMB_HINT.search(text):
            crumb = _breadcrumb(text, lex)
            if crumb is not None:
                info["crumb"] = crumb
                return FurnitureKind.BREADCRUMB, info
        parts = [p for p in _NAV_SEP.split(text) if p.strip()] if _has_separator(text) else []
        if (
            len(parts) >= 2
            and not _sentence_like(text)
            and all(_name_like(p, lex, 4 if len(parts) > 2 else 3) for p in parts)
        ):
            return FurnitureKind.NAVIGATION, info
    return None, info


def _breadcrumb(text: str, lex: _Lexicon) -> str | None:
    parts = _CRUMB_SEP.split(text)
    if len(parts) < 2 or not all(parts):
        return None
    if not all(_name_like(p, lex, 5) for p in parts[:-1]):
        return None
    last = parts[-1]
    if not (_name_like(last, lex, 5) or _headline_like(last)):
        return None
    fancy = "›" in text or "»" in text
    if parts[0].strip().lower() in lex.breadcrumb_roots or fancy or len(parts) >= 3:
        return last
    return None


def _date_line(text: str, lex: _Lexicon, info: dict[str, Any]) -> FurnitureKind | None:
    """A line that is a date, or a label with a date: "Last updated 29 July 2025, 10:20"."""
    if len(text) > 200:
        return None
    for pattern, prio in ((lex.date_label, 1), (lex.release_label, 3), (lex.update_label, 5)):
        m = pattern.match(text)
        if m:
            d = lex.date_any.search(text, m.end(), m.end() + 48)
            if d and not _TIME_GAP.fullmatch(text, m.end(), d.start()):
                d = None  # something other than a time of day between the label and the date
            if d and _nwords(text[d.end() :]) <= 6:
                info["date"] = (d.start(), d.end())
                info["prio"] = prio
                return FurnitureKind.DATE
    d = lex.date_only.fullmatch(text)
    if d:
        found = lex.date_any.match(text)
        if found:
            info["date"] = found.span()
            info["prio"] = 4 if lex.date.match(text) else 7
            return FurnitureKind.DATE
    parts = _DATE_SEP.split(text) if _has_separator(text) else []
    if len(parts) == 3 and _name_like(parts[0], lex, 6):
        found = lex.date_any.match(parts[2])
        if found and lex.date_only.fullmatch(parts[2]):
            offset = len(parts[0]) + len(parts[1])
            info["date"] = (offset + found.start(), offset + found.end())
            info["prio"] = 3
            info["place"] = (0, len(parts[0]))
            return FurnitureKind.DATE
    return None


_TIME_GAP = re.compile(
    r"[\s,|·•]*(?:(?:at\s+)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5})?[\s,|·•]*)?"
)


def _byline(text: str, lex: _Lexicon, info: dict[str, Any]) -> bool:
    m = lex.byline.match(text)
    if not m:
        return False
    first = m.group("names").split()[0].strip(".,").lower()
    if first in lex.weekdays or first in lex.months:
        return False  # "By Monday, ..." is a sentence
    rest = m.group("rest") or ""
    rest_start = m.start("rest") if m.group("rest") is not None else len(text)
    if rest:
        date = lex.date_any.search(rest)
        if date:
            info["date"] = (rest_start + date.start(), rest_start + date.end())
            info["prio"] = 2
        elif not _name_like(rest, lex, 8):
            return False
        head = rest[: date.start()] if date else rest
        head = head.strip(" ,|·•-–—")
        if head and (_has_org_word(head, lex) or head.lower() in lex.agencies):
            offset = rest_start + rest.index(head)
            info["outlet"] = (offset, offset + len(head))
            info["oprio"] = 4
    return True


def _speaker_header(text: str) -> bool:
    """An all-caps name, optionally with a role: "YURY USHAKOV, Aide to the President"."""
    if len(text) > 200:
        return False
    m = _SPEAKER.fullmatch(text)
    if not m:
        return False
    tokens = m.group("name").split()
    for token in tokens:
        letters = sum(c.isalpha() for c in token)
        if not token.isupper() or (letters < 2 and not token.endswith(".")):
            return False
    sep = m.group("sep")
    role = (m.group("role") or "").strip()
    if sep is None:
        return len(tokens) >= 2
    if sep == ":":
        return not role  # "USHAKOV: We agreed ..." is a turn, not a header
    return not role or (_nwords(role) <= 20 and not _sentence_like(role) and not role.isupper())


# ---------------------------------------------------------------------------------------------
# The analysis (internal, one instance per call)


class _Blk:
    __slots__ = ("body_end", "body_start", "end", "furn", "kind", "marker", "speaker", "start")

    def __init__(
        self,
        kind: BlockKind,
        start: int,
        end: int,
        body_start: int | None = None,
        body_end: int | None = None,
        *,
        furn: FurnitureKind | None = None,
        marker: tuple[int, int] | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.body_start = start if body_start is None else body_start
        self.body_end = end if body_end is None else body_end
        self.furn = furn
        self.marker = marker
        self.speaker: int | None = None


class _Analysis:
    """Header, furniture and blocks of one working text."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.w = text
        self.lex = lex
        self.lines = _lines(text)
        self.furniture: list[tuple[int, int, FurnitureKind]] = []
        self.blocks: list[_Blk] = []
        self.title: tuple[int, int] | None = None
        self.outlets: list[tuple[int, int, int]] = []  # (priority, start, end)
        self.dates: list[tuple[int, int, int]] = []  # (priority, start, end)
        self.dateline: dict[str, tuple[int, int] | None] | None = None
        self.header_place: tuple[int, int] | None = None
        self.header_place_line: tuple[int, int] | None = None
        self.header_place_date: tuple[int, int] | None = None
        self.wrapped = False

    # -- helpers ----------------------------------------------------------------------------

    def text_of(self, line: _Line) -> str:
        return self.w[line.body : line.end]

    def piece(self, start: int, end: int, kind: FurnitureKind) -> None:
        while start < end and self.w[start].isspace():
            start += 1
        while end > start and self.w[end - 1].isspace():
            end -= 1
        if end > start:
            self.furniture.append((start, end, kind))

    def skip_space(self, pos: int, end: int) -> int:
        m = _NON_SPACE.search(self.w, pos, end)
        return m.start() if m else end

    # -- the whole run ----------------------------------------------------------------------

    def run(self) -> None:
        lex = self.lex
        for line in self.lines:
            if not line.blank:
                line.furn, line.info = _classify(self.w[line.start : line.end], lex)
        self._pairs()
        self._stamps_with_dates()
        self.wrapped = self._wrapped(0)
        body = self._header()
        self._body(body)
        self._agency_tail()
        self.furniture.sort()

    def _stamps_with_dates(self) -> None:
        """Lines that are only a date and a time ("9 Oct 2025 10.20 BST"): one is a
        publication line, several are a live blog's entry stamps."""
        found = [
            line
            for line in self.lines
            if line.furn is FurnitureKind.DATE
            and line.info.get("prio") in (4, 7)
            and _HAS_TIME.search(self.w, line.start, line.end)
        ]
        if len(found) >= 2:
            for line in found:
                line.furn = FurnitureKind.STAMP
                line.info["prio"] = 5

    def _pairs(self) -> None:
        """Rules that look at two lines: a caption above its credit, "Source" above a URL."""
        lines = self.lines
        for i, line in enumerate(lines):
            if line.furn is FurnitureKind.URL and i > 0:
                prev = lines[i - 1]
                if prev.furn is FurnitureKind.SOURCE and "outlet" not in prev.info:
                    line.info["outlet"] = (0, line.end - line.start)
                    line.info["oprio"] = 3
            if line.furn is FurnitureKind.CREDIT and i > 0:
                prev = lines[i - 1]
                if prev.blank or prev.furn is not None:
                    continue
                text = self.w[prev.start : prev.end]
                words = _nwords(text)
                if (
                    (_sentence_like(text) or words >= 15)
                    and words <= 60
                    and not any(q in text for q in '"“”«»')
                    and not _has_dateline(self.lex, text)
                ):
                    prev.furn = FurnitureKind.CAPTION

    # -- header -----------------------------------------------------------------------------

    def _header(self) -> int:
        """Find the title, banners, deks and header dates; return the body's first line."""
        lines = self.lines
        nonblank = [i for i, line in enumerate(lines) if not line.blank]
        if not nonblank:
            return len(lines)
        window = nonblank[:60]
        first = lines[window[0]]
        if first.furn is None:
            self._date_prefix(first)
        repeated, repeats = self._repeated(window)
        candidates: list[int] = []
        title_seen = False
        after_title = 0
        body = None
        for i in window:
            line = lines[i]
            if line.furn is FurnitureKind.STAMP:
                self._header_furniture(line)  # a dated stamp's date is the latest update's
                body = i
                break
            if line.furn is not None:
                self._header_furniture(line)
                continue
            if i in repeats:
                line.furn = FurnitureKind.REPEATED_TITLE
                continue
            text = self.text_of(line)
            if self._starts_body(i, text, title_seen, repeated):
                body = i
                break
            candidates.append(i)
            if title_seen:
                after_title += 1
                if after_title > 1:  # one dek under the title; more is the story itself
                    candidates.pop()
                    body = i
                    break
            elif i == repeated or (repeated is None and _headline_like(text)):
                title_seen = True
        if body is None:
            body = window[-1] + 1 if len(nonblank) <= 60 else nonblank[60]
        self._assign(candidates, repeated)
        for i in range(body):
            line = lines[i]
            if line.blank:
                continue
            if line.furn is not None:
                self._whole_line(i, line)
            elif line.kind is not None:
                self._header_block(line)
        return body

    def _date_prefix(self, line: _Line) -> None:
        """A leading "date 2025-04-12" before the text on the same line."""
        text = self.text_of(line)
        m = self.lex.date_label.match(text)
        if not m:
            return
        d = self.lex.date.match(text, m.end())
        if not d:
            return
        end = line.body + d.end()
        self.piece(line.body, end, FurnitureKind.DATE)
        self.dates.append((1, line.body + d.start(), end))
        line.body = self.skip_space(end, line.end)

    def _repeated(self, window: list[int]) -> tuple[int | None, set[int]]:
        """A headline printed twice (or as a breadcrumb's last part): the title."""
        seen: dict[str, int] = {}
        crumbs: set[str] = set()
        for i in window:
            line = self.lines[i]
            if line.furn is FurnitureKind.BREADCRUMB:
                crumbs.add(" ".join(line.info["crumb"].split()).casefold())
                continue
            if line.furn is not None:
                continue
            text = self.text_of(line)
            if len(text) > 300 or _nwords(text) >= 25:
                break
            key = " ".join(text.split()).casefold()
            if not _headline_like(text):
                seen.setdefault(key, -1)
                continue
            if key in crumbs:
                return i, set()
            if key in seen and seen[key] >= 0:
                first = seen[key]
                repeats = {
                    j
                    for j in window
                    if j > first
                    and self.lines[j].furn is None
                    and " ".join(self.text_of(self.lines[j]).split()).casefold() == key
                }
                return first, repeats
            seen[key] = i
        return None, set()

    def _starts_body(self, i: int, text: str, title_seen: bool, repeated: int | None) -> bool:
        lex = self.lex
        if repeated is not None and i <= repeated:
            return False
        head = text[:200]
        if _has_dateline(lex, head) or _QA.match(head) or _LIST.match(head):
            return True
        if _STAMP_PREFIX.match(head):
            return True
        if self.wrapped and not _sentence_like(text):
            following = self.lines[i + 1] if i + 1 < len(self.lines) else None
            if following is not None and not following.blank and following.furn is None:
                return True  # the first line of a hard-wrapped paragraph, not a headline
        if _speaker_header(text):
            following = next((ln for ln in self.lines[i + 1 :] if not ln.blank), None)
            return following is not None and bool(_QA.match(self.text_of(following)[:20]))
        if len(text) > 300 or _nwords(text) >= 25:
            return True
        if title_seen and _sentence_like(text) and any(q in text for q in '“”"«»'):
            return True  # a quotation under the headline opens the story; deks seldom quote
        return _sentence_like(text) and not title_seen and not _headline_like(text)

    def _assign(self, candidates: list[int], repeated: int | None) -> None:
        lines = self.lines
        if repeated is not None:
            for i in candidates:
                if i == repeated:
                    lines[i].kind = BlockKind.TITLE
                elif i < repeated and _banner_like(self.text_of(lines[i]), self.lex):
                    lines[i].furn = FurnitureKind.BANNER
                else:
                    lines[i].kind = BlockKind.DEK
            return
        title = None
        for k, i in enumerate(candidates):
            text = self.text_of(lines[i])
            if title is None:
                later = any(_headline_like(self.text_of(lines[j])) for j in candidates[k + 1 :])
                if later and _banner_like(text, self.lex):
                    lines[i].furn = FurnitureKind.BANNER
                    continue
                if _headline_like(text):
                    title = i
                    lines[i].kind = BlockKind.TITLE
                    continue
            lines[i].kind = BlockKind.DEK

    def _header_furniture(self, line: _Line) -> None:
        info = line.info
        if "date" in info:
            start, end = info["date"]
            self.dates.append((info["prio"], line.start + start, line.start + end))
        if "place" in info and self.header_place is None:
            start, end = info["place"]
            self.header_place = (line.start + start, line.start + end)
            self.header_place_line = (line.start, line.end)
            ds, de = info["date"]
            self.header_place_date = (line.start + ds, line.start + de)

    def _whole_line(self, i: int, line: _Line) -> None:
        kind = line.furn
        assert kind is not None
        info = line.info
        if "outlet" in info:
            start, end = info["outlet"]
            self.outlets.append((info["oprio"], line.start + start, line.start + end))
        if kind is FurnitureKind.BANNER:
            self.outlets.append((1, line.start, line.end))
        block_kind = BlockKind.CAPTION if kind is FurnitureKind.CAPTION else BlockKind.FURNITURE
        self.furniture.append((line.start, line.end, kind))
        self.blocks.append(_Blk(block_kind, line.start, line.end, furn=kind))

    def _header_block(self, line: _Line) -> None:
        kind = line.kind
        assert kind is not None
        start, end = line.body, line.end
        if kind is BlockKind.TITLE:
            text = self.w[start:end]
            m = self.lex.kicker.match(text)
            if m and (m.group("sep") != ":" or m.group("word").isupper()):
                self.piece(start, start + m.end(), FurnitureKind.KICKER)
                start += m.end()
            suffix = re.search(r"\s+([|–—-])\s+([^|–—]{2,60})$", self.w[start:end])
            if suffix:
                seg = suffix.group(2).strip()
                known = _has_org_word(seg, self.lex) or seg.lower() in self.lex.agencies
                piped = suffix.group(1) == "|" and _nwords(seg) <= 4
                if _name_like(seg, self.lex, 5) and (known or piped):
                    cut = start + suffix.start()
                    self.piece(cut, end, FurnitureKind.BANNER)
                    self.outlets.append((2, start + suffix.start(2), start + suffix.end(2)))
                    end = cut
            self.title = (start, end)
            found = self.lex.date.search(self.w, start, end)
            if found:
                self.dates.append((6, found.start(), found.end()))
        self.blocks.append(_Blk(kind, line.start, line.end, start, end))

    # -- body -------------------------------------------------------------------------------

    def _wrapped(self, first: int) -> bool:
        """Whether the text is hard-wrapped: lines of similar length that stop mid-sentence."""
        lines, w = self.lines, self.w
        pairs = 0
        open_lengths = []
        longest = 0
        for i in range(first, len(lines) - 1):
            a, b = lines[i], lines[i + 1]
            if a.blank or b.blank or a.furn is not None or b.furn is not None:
                continue
            text = w[a.start : a.end]
            if len(text) < 30 or _LIST.match(text) or _QA.match(text):
                continue
            pairs += 1
            longest = max(longest, len(text))
            if not _sentence_like(text) and text[-1] not in ":;":
                open_lengths.append(len(text))
        return (
            len(open_lengths) >= 3
            and len(open_lengths) * 5 >= pairs * 3
            and longest <= 100
            and max(open_lengths) - min(open_lengths) <= 40
        )

    def _joins(self, prev: _Blk, text: str, wrapped: bool) -> bool:
        if prev.kind not in _PROSE or prev.kind in (BlockKind.TITLE, BlockKind.DEK):
            return False
        before = self.w[prev.body_start : prev.body_end]
        if not before or before[-1] in '.!?…:;"”’»)]':
            return False
        return text[:1].islower() or wrapped

    def _body(self, first: int) -> None:
        lines, w, lex = self.lines, self.w, self.lex
        wrapped = self.wrapped
        speaker: int | None = None
        in_answer = False
        stamp: tuple[int, int] | None = None
        seen_question = False
        turns = self._turn_names(first)
        turn_marker: tuple[int, int] | None = None
        prev: _Blk | None = None
        first_prose = True
        for i in range(first, len(lines)):
            line = lines[i]
            if line.blank:
                prev = None
                continue
            if line.furn is not None:
                kind = line.furn
                if kind is FurnitureKind.STAMP:
                    stamp = (line.start, line.end)
                    in_answer = False
                elif kind is FurnitureKind.LABEL:
                    stamp = None
                    in_answer = False
                elif kind is FurnitureKind.DATE:
                    prio = line.info.get("prio", 4)
                    if prio not in (4, 7):
                        ds, de = line.info["date"]
                        self.dates.append((10 + prio, line.start + ds, line.start + de))
                    else:
                        stamp = None
                self._whole_line(i, line)
                prev = None
                continue
            start, end = line.body, line.end
            text = w[start:end]
            marker: tuple[int, int] | None = None
            labelled = False
            if first_prose:
                first_prose = False
                m = _dateline_match(lex, text[:200])
                if m:
                    self._set_dateline(start, m)
                    start = self.skip_space(start + m.end(), end)
                    text = w[start:end]
            k = lex.kicker.match(text)
            if k and (k.group("sep") != ":" or k.group("word").isupper()):
                self.piece(start, start + k.end(), FurnitureKind.KICKER)
                start += k.end()
                text = w[start:end]
            lab = lex.label_prefix.match(text)
            if lab:
                self.piece(start, start + lab.end(), FurnitureKind.LABEL)
                marker = (start, start + len(text[: lab.end()].rstrip()))
                start += lab.end()
                text = w[start:end]
                labelled = True
                stamp = None
                in_answer = False
            kind_: BlockKind
            qa = _QA.match(text)
            lst = _LIST.match(text)
            inline_stamp = _STAMP_PREFIX.match(text)
            if qa and (qa.group("punct") != "." or text[0] == "Q" or seen_question):
                kind_ = BlockKind.QUESTION if text[0] == "Q" else BlockKind.ANSWER
                marker = (start, start + len(qa.group("mark")))
                start += qa.end()
                seen_question = seen_question or kind_ is BlockKind.QUESTION
                turn_marker = None
            elif lst:
                kind_ = BlockKind.LIST_ITEM
                marker = (start, start + len(lst.group("mark")))
                start += lst.end()
            elif inline_stamp:
                kind_ = BlockKind.ENTRY
                stamp_text = _STAMP.match(text)
                assert stamp_text is not None
                marker = stamp = (start, start + stamp_text.end())
                self.piece(start, start + inline_stamp.end(), FurnitureKind.STAMP)
                start += inline_stamp.end()
            elif (turn := self._turn(text, turns, seen_question)) is not None:
                # "Sergey Lavrov: We ..." in a transcript: the name is the marker
                question = text.rstrip().endswith("?")
                kind_ = BlockKind.QUESTION if question else BlockKind.ANSWER
                marker = turn_marker = (start + turn.start("name"), start + turn.end("name"))
                start += turn.end()
            elif _speaker_header(text):
                kind_ = BlockKind.SPEAKER
                named = _SPEAKER.fullmatch(text)
                assert named is not None
                marker = (start + named.start("name"), start + named.end("name"))
            elif _headline_like(text) and (
                _nwords(text) <= 12 or (text.endswith("?") and _nwords(text) <= 15)
            ):
                kind_ = BlockKind.HEADING
            else:
                kind_ = BlockKind.PARAGRAPH
            if (
                prev is not None
                and marker is None
                and kind_ in (BlockKind.PARAGRAPH, BlockKind.HEADING)
                and self._joins(prev, text, wrapped)
            ):
                prev.end = prev.body_end = end
                if prev.kind is BlockKind.HEADING:
                    prev.kind = BlockKind.PARAGRAPH
                continue
            if kind_ is BlockKind.SPEAKER:
                in_answer = False
                stamp = None
            elif kind_ is BlockKind.QUESTION:
                in_answer = False
            elif kind_ is BlockKind.ANSWER:
                in_answer = True
            elif kind_ is BlockKind.PARAGRAPH and in_answer:
                kind_ = BlockKind.ANSWER
                marker = turn_marker
            elif kind_ in (BlockKind.PARAGRAPH, BlockKind.HEADING) and stamp and not labelled:
                kind_ = BlockKind.ENTRY
                marker = stamp
            blk = _Blk(kind_, line.start, end, start, end, marker=marker)
            if kind_ is BlockKind.SPEAKER:
                speaker = len(self.blocks)
            if kind_ is BlockKind.ANSWER:
                blk.speaker = speaker
            self.blocks.append(blk)
            prev = blk
        self._confirm_speakers()

    def _turn_names(self, first: int) -> dict[str, int]:
        """How often each name opens a line as "Name: text" (a transcript's turns)."""
        counts: dict[str, int] = {}
        for line in self.lines[first:]:
            if line.blank or line.furn is not None:
                continue
            m = self._turn(self.w[line.body : min(line.end, line.body + 120)], None, False)
            if m:
                counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
        return counts

    def _turn(
        self, text: str, counts: dict[str, int] | None, seen_question: bool
    ) -> regex.Match[str] | None:
        m = _TURN.match(text[:120])
        if not m:
            return None
        name = m.group("name")
        if name.split()[0].lower() in self.lex.cue_heads or self.lex.kicker.match(text):
            return None
        if counts is not None and counts.get(name, 0) < 2 and not seen_question:
            return None
        return m

    def _confirm_speakers(self) -> None:
        """A speaker header needs questions or answers after it; otherwise it is a heading."""
        current: _Blk | None = None
        for blk in [*self.blocks, None]:
            if blk is None or blk.kind is BlockKind.SPEAKER:
                if current is not None:
                    current.kind = BlockKind.HEADING
                    current.marker = None
                current = blk
            elif blk.kind in (BlockKind.QUESTION, BlockKind.ANSWER):
                current = None

    def _set_dateline(self, start: int, m: regex.Match[str]) -> None:
        groups = m.groupdict()
        place: tuple[int, int] | None = None
        if groups.get("place"):
            place_end = m.end("region") if groups.get("region") else m.end("place")
            last_word = m.group("place").split()[-1]
            if not groups.get("region") and last_word.endswith(".") and last_word.count(".") == 1:
                place_end -= 1  # "MOSCOW. May 11": the period ends the place, it is no initial
            place = (start + m.start("place"), start + place_end)
        found: dict[str, tuple[int, int] | None] = {
            "span": (start, start + len(m.group().rstrip())),
            "place": place,
            "agency": None,
            "date": None,
        }
        if groups.get("agency"):
            found["agency"] = (start + m.start("agency"), start + m.end("agency"))
            self.outlets.append((5, start + m.start("agency"), start + m.end("agency")))
        if groups.get("date"):
            found["date"] = (start + m.start("date"), start + m.end("date"))
            self.dates.append((8, start + m.start("date"), start + m.end("date")))
        self.dateline = found
        self.piece(start, start + m.end(), FurnitureKind.DATELINE)

    def _agency_tail(self) -> None:
        """A trailing agency tag: "... faster." REUTERS" or a last line "(Reuters)"."""
        lex, w = self.lex, self.w
        for blk in reversed(self.blocks):
            if blk.kind in (BlockKind.FURNITURE, BlockKind.CAPTION):
                continue
            if blk.kind not in _PROSE or blk.kind in (BlockKind.TITLE, BlockKind.DEK):
                return
            text = w[blk.body_start : blk.body_end]
            bare = text.strip("()—–- ")
            if _nwords(bare) <= 3 and (
                (bare.isupper() and len(bare) >= 2) or bare.lower() in lex.agencies
            ):
                blk.kind = BlockKind.FURNITURE
                blk.furn = FurnitureKind.AGENCY
                blk.marker = None
                self.furniture.append((blk.start, blk.end, FurnitureKind.AGENCY))
                offset = blk.body_start + text.index(bare)
                self.outlets.append((6, offset, offset + len(bare)))
                return
            m = lex.agency_tail.search(w, max(blk.body_start, blk.body_end - 120), blk.body_end)
            if m:
                tag = m.group("tag")
                ts = m.start("tag")
                self.piece(ts, m.end(), FurnitureKind.AGENCY)
                inner = tag.strip("()")
                offset = ts + tag.index(inner)
                self.outlets.append((6, offset, offset + len(inner)))
                cut = m.start()
                while cut > blk.body_start and w[cut - 1].isspace():
                    cut -= 1
                blk.body_end = cut
            return


def _dateline_match(lex: _Lexicon, text: str) -> regex.Match[str] | None:
    """The dateline at the start of ``text``, if any."""
    if lex.kicker.match(text):
        return None
    m = lex.dateline.match(text)
    if m:
        letters = sum(c.isalpha() for c in m.group("place"))
        if letters >= 3 or m.group("agency"):
            return m
    m = lex.dateline_slash.match(text)
    if m:
        return m
    m = lex.dateline_titled.match(text)
    if m and (m.group("date") or m.group("agency")):
        return m
    return lex.dateline_bare.match(text)


def _has_dateline(lex: _Lexicon, text: str) -> bool:
    return _dateline_match(lex, text[:200]) is not None


# ---------------------------------------------------------------------------------------------
# Quotations

_MARKS = re.compile("[\"“”„‟«»‘’‚‛']")
_OPEN_PUNCT = frozenset("([{<—–-/\"“‘«„‚'")
_CLOSE_PUNCT = frozenset(".,;:!?)]}>—–-…\"”’»'")
_FAMILY_OPENERS = {
    QuoteFamily.DOUBLE: frozenset('“„"'),
    QuoteFamily.GUILLEMET: frozenset("«»"),
    QuoteFamily.SINGLE: frozenset("‘‚'"),
}


class _Open:
    __slots__ = ("block", "depth", "family", "ident", "mark", "parent", "pos", "previous")

    def __init__(
        self,
        family: QuoteFamily,
        pos: int,
        mark: str,
        ident: int,
        parent: int | None,
        depth: int,
        block: int,
    ) -> None:
        self.family = family
        self.pos = pos
        self.mark = mark
        self.ident = ident
        self.parent = parent
        self.depth = depth
        self.block = block
        self.previous: int | None = None


class _Found(NamedTuple):
    start: int  # content
    end: int
    open: int  # the opening mark's position
    close: int | None  # the closing mark's position
    family: QuoteFamily
    status: QuoteStatus
    block: int
    depth: int
    ident: int
    parent: int | None
    previous: int | None


class _QuoteScan:
    """A stack of open quotation marks, scanned paragraph by paragraph in linear time.

    A mark of a kind that is already open re-opens (the earlier one was left unclosed), so
    the stack never holds more than a few entries whatever the input.
    """

    def __init__(self, text: str) -> None:
        self.w = text
        self.found: list[_Found] = []
        self.stack: list[_Open] = []
        self.counts = dict.fromkeys(QuoteFamily, 0)
        self.ident = 0
        self.carry: int | None = None  # a quotation left open that the next block continues

    def _top(self, family: QuoteFamily) -> int:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].family is family:
                return k
        return -1

    def _emit(self, entry: _Open, end: int, close: int | None, status: QuoteStatus) -> None:
        self.counts[entry.family] -= 1
        if close is None and entry.family is QuoteFamily.SINGLE:
            return  # an unmatched single mark is far likelier an apostrophe than a quotation
        start = entry.pos + 1
        while start < end and self.w[start].isspace():
            start += 1
        while end > start and self.w[end - 1].isspace():
            end -= 1
        self.found.append(
            _Found(
                start,
                max(start, end),
                entry.pos,
                close,
                entry.family,
                status,
                entry.block,
                entry.depth,
                entry.ident,
                entry.parent,
                entry.previous,
            )
        )

    def _pop_to(self, k: int, at: int) -> None:
        """Pop the entries above index ``k``: they were left open inside (end at ``at``)."""
        while len(self.stack) > k + 1:
            self._emit(self.stack.pop(), at, None, QuoteStatus.UNCLOSED)

    def open(self, family: QuoteFamily, pos: int, block: int) -> _Open:
        k = self._top(family)
        if k >= 0 and (family is not QuoteFamily.SINGLE or k == len(self.stack) - 1):
            self._pop_to(k, pos)
            self._emit(self.stack.pop(), pos, None, QuoteStatus.UNCLOSED)
        parent = self.stack[-1].ident if self.stack else None
        entry = _Open(family, pos, self.w[pos], self.ident, parent, len(self.stack), block)
        self.ident += 1
        self.stack.append(entry)
        self.counts[family] += 1
        return entry

    def close(self, family: QuoteFamily, pos: int) -> None:
        k = self._top(family)
        self._pop_to(k, pos)
        self._emit(self.stack.pop(), pos, pos, QuoteStatus.CLOSED)

    def opener(self, family: QuoteFamily) -> str:
        return self.stack[self._top(family)].mark

    def block(self, index: int, start: int, end: int, following: str | None) -> None:
        """Scan one block's body. ``following`` is the first character of the next block."""
        w = self.w
        counts = self.counts
        first = True
        carried, self.carry = self.carry, None
        lead = _NON_SPACE.search(w, start, end)
        lead_pos = lead.start() if lead else end
        for m in _MARKS.finditer(w, start, end):
            pos = m.start()
            ch = w[pos]
            before = w[pos - 1] if pos > start else " "
            after = w[pos + 1] if pos + 1 < end else " "
            space_before = before.isspace()
            space_after = after.isspace()
            open_ctx = (space_before or before in _OPEN_PUNCT) and not space_after
            close_ctx = not space_before and (space_after or after in _CLOSE_PUNCT)
            family: QuoteFamily | None = None
            action = ""
            if ch in "“":
                family = QuoteFamily.DOUBLE
                action = "close" if counts[family] and self.opener(family) == "„" else "open"
            elif ch in "„‟":
                family, action = QuoteFamily.DOUBLE, "open"
            elif ch == "”":
                family = QuoteFamily.DOUBLE
                if counts[family]:
                    action = "close"
                elif open_ctx and not close_ctx:
                    action = "open"
            elif ch == '"':
                family = QuoteFamily.DOUBLE
                if counts[family] and (close_ctx or not open_ctx):
                    action = "close"
                elif open_ctx:
                    action = "open"
            elif ch == "«":
                family = QuoteFamily.GUILLEMET
                action = "close" if counts[family] and self.opener(family) == "»" else "open"
            elif ch == "»":
                family = QuoteFamily.GUILLEMET
                if counts[family]:
                    action = "close"
                elif open_ctx:
                    action = "open"
            elif ch in "‘‚‛":
                family = QuoteFamily.SINGLE
                if ch == "‘" and counts[family] and self.opener(family) == "‚":
                    action = "close"
                elif not before.isalpha() and not space_after and not after.isdigit():
                    action = "open"
            elif ch == "’":
                family = QuoteFamily.SINGLE
                if before.isalpha() and after.isalpha():
                    action = ""
                elif counts[family] and not space_before:
                    action = "close"
            else:  # the straight single mark
                family = QuoteFamily.SINGLE
                if before.isalpha() and after.isalpha():
                    action = ""
                elif counts[family] and not space_before and (space_after or after in _CLOSE_PUNCT):
                    action = "close"
                elif open_ctx and after.isalpha():
                    action = "open"
            if family is None or not action:
                continue
            if action == "close":
                self.close(family, pos)
            else:
                entry = self.open(family, pos, index)
                if first and carried is not None and pos == lead_pos:
                    entry.previous = carried
            first = False
        continuing: int | None = None
        while self.stack:
            entry = self.stack.pop()
            status = QuoteStatus.UNCLOSED
            if (
                not self.stack
                and entry.family is not QuoteFamily.SINGLE
                and following is not None
                and following in _FAMILY_OPENERS[entry.family]
            ):
                status = QuoteStatus.CONTINUED
                continuing = entry.ident
            self._emit(entry, end, None, status)
        self.carry = continuing


def _fragment(content: str, words: int) -> bool:
    if words > 4:
        return False
    letters = [c for c in content if c.isalpha()]
    if not letters:
        return True
    return not (letters[0].isupper() and content.rstrip()[-1:] in ".!?,…")


# ---------------------------------------------------------------------------------------------
# Sentences

_TERMINAL = re.compile(r"(?P<term>\.\.\.|[.!?…]+|[。！？]+)(?P<close>[\"'”’»)\]」』]*)")
_WORD_AFTER = re.compile(r"[\w’'\-]+")


def _is_boundary(
    w: str, m: re.Match[str], nxt: int, end: int, block_start: int, lex: _Lexicon
) -> bool:
    term = m.group("term")
    if term[0] in "。！？":
        return True
    k = nxt
    while k < end and k - nxt < 3 and w[k] in _OPENERS:
        k += 1
    if k >= end:
        return False
    head = w[k]
    if not (head.isupper() or head.isdigit() or (head.isalpha() and not head.islower())):
        return False
    if term != "." or m.group("close"):
        return True
    left = m.start()
    stop = max(block_start, left - 40)
    j = left
    while j > stop and not w[j - 1].isspace():
        j -= 1
    token = w[j:left].lstrip(_OPENERS)
    if not token:
        return True
    if token in lex.titles:
        return False
    following = _WORD_AFTER.match(w, k)
    word = following.group() if following else ""
    if token in lex.numeric:
        return not head.isdigit()
    dotted = "." in token and all(len(p) == 1 and p.isalpha() for p in token.split("."))
    if token in lex.general or dotted or (len(token) == 1 and token.isupper()):
        return word in lex.starters or w[nxt] in _OPENERS
    return True


def _split(w: str, start: int, end: int, lex: _Lexicon) -> list[tuple[int, int]]:
    """Split ``w[start:end]`` into sentences (trimmed spans)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _TERMINAL.finditer(w, start, end):
        stop = m.end()
        if stop >= end:
            break
        cjk = m.group("term")[0] in "。！？"
        if not cjk and not w[stop].isspace():
            continue
        nxt = stop
        if not cjk:
            found = _NON_SPACE.search(w, stop, end)
            if found is None:
                break
            nxt = found.start()
        if _is_boundary(w, m, nxt, end, start, lex):
            spans.append((begin, stop))
            begin = nxt
    spans.append((begin, end))
    out = []
    for a, b in spans:
        while a < b and w[a].isspace():
            a += 1
        while b > a and w[b - 1].isspace():
            b -= 1
        if b > a:
            out.extend(_cap(w, a, b))
    return out


MAX_SENTENCE = 2_000
"""The longest sentence, in characters, handed to the extractors; a longer one (scraped text
with no sentence ends, a table flattened into one line) is cut at spaces into pieces no longer
than this, so that work per sentence stays bounded and the whole parse linear."""


def _cap(w: str, a: int, b: int) -> list[tuple[int, int]]:
    """``w[a:b]`` in pieces of at most ``MAX_SENTENCE`` characters, cut after a space when
    there is one in the second half of the piece (trimmed spans, in order)."""
    if b - a <= MAX_SENTENCE:
        return [(a, b)]
    pieces = []
    while b - a > MAX_SENTENCE:
        cut = w.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        stop = cut if cut > a else a + MAX_SENTENCE
        pieces.append((a, stop))
        a = stop
        while a < b and w[a].isspace():
            a += 1
    if b > a:
        pieces.append((a, b))
    return pieces


# ---------------------------------------------------------------------------------------------
# The entry point


def _same(span: Span) -> Span:
    return span


def prepare(text: str, /) -> Prepared:
    """Read ``text`` into a :class:`Prepared`: working text, furniture, header, blocks,
    sentences and quotations.

    Never raises on any ``str`` (odd input only yields fewer findings); raises ``TypeError``
    when ``text`` is not a ``str``. Spans named ``span``, ``body``, ``open``, ``close`` index
    ``text``; ``wspan``, ``wbody``, ``wopen``, ``wclose`` index ``prepared.working``.

    >>> doc = prepare(
    ...     "Russia sees progress in talks\\n"
    ...     "By Jane Roe | April 18, 2025\\n"
    ...     "MOSCOW - The Kremlin said on Friday that talks were &#8220;complicated&#8221;. "
    ...     "Mr. Peskov said more work was needed.\\n"
    ...     "Advertisement\\n"
    ... )
    >>> doc.title.text, doc.dateline.place.text, doc.published.text
    ('Russia sees progress in talks', 'MOSCOW', 'April 18, 2025')
    >>> [doc.sentence_text(i) for i in range(len(doc.sentences))]
    ['Russia sees progress in talks', 'The Kremlin said on Friday that talks were “complicated”.', 'Mr. Peskov said more work was needed.']
    >>> quote = doc.quotes[0]
    >>> quote.span.of(doc.text), quote.fragment
    ('complicated', True)
    >>> [str(f.kind) for f in doc.furniture]
    ['byline', 'dateline', 'advertisement']
    """
    if not isinstance(text, str):
        raise TypeError(f"prepare() needs a str, got {type(text).__name__}")
    norm = normalize(text)
    w = norm.working
    lex = _lexicon()
    analysis = _Analysis(w, lex)
    analysis.run()
    to_original: Callable[[Span], Span] = norm.offsets.to_original
    if norm.offsets.is_identity:
        to_original = _same  # the working text has the original's offsets: share the spans

    def piece(start: int, end: int) -> Piece:
        wspan = Span(start, end)
        return Piece(span=to_original(wspan), wspan=wspan, text=w[start:end])

    # blocks
    blocks: list[Block] = []
    for index, blk in enumerate(analysis.blocks):
        wspan = Span(blk.start, blk.end)
        body_start = min(max(blk.body_start, blk.start), blk.end)
        wbody = Span(body_start, max(body_start, min(blk.body_end, blk.end)))
        blocks.append(
            Block(
                index=index,
                kind=blk.kind,
                span=to_original(wspan),
                wspan=wspan,
                body=to_original(wbody),
                wbody=wbody,
                marker=piece(*blk.marker) if blk.marker else None,
                speaker=blk.speaker,
                furniture=blk.furn,
            )
        )

    # quotations
    prose = [(i, b) for i, b in enumerate(blocks) if b.kind in _PROSE]
    scan = _QuoteScan(w)
    for n, (index, block) in enumerate(prose):
        following = None
        if n + 1 < len(prose):
            nb = prose[n + 1][1].wbody
            lead = _NON_SPACE.search(w, nb.start, nb.end)
            following = w[lead.start()] if lead else None
        scan.block(index, block.wbody.start, block.wbody.end, following)
    found = sorted(scan.found, key=lambda f: (f.open, -f.end))
    by_ident = {f.ident: k for k, f in enumerate(found)}
    quotes: list[Quote] = []
    for k, f in enumerate(found):
        content = Span(f.start, f.end)
        wopen = Span(f.open, f.open + 1)
        wclose = Span(f.close, f.close + 1) if f.close is not None else None
        words = _nwords(w[f.start : f.end])
        quotes.append(
            Quote(
                index=k,
                span=to_original(content),
                wspan=content,
                open=to_original(wopen),
                wopen=wopen,
                close=to_original(wclose) if wclose else None,
                wclose=wclose,
                family=f.family,
                status=f.status,
                block=f.block,
                words=words,
                fragment=_fragment(w[f.start : f.end], words),
                depth=f.depth,
                parent=by_ident.get(f.parent) if f.parent is not None else None,
                previous=by_ident.get(f.previous) if f.previous is not None else None,
            )
        )

    # sentences, each with the quotations it overlaps
    extents = [(q.wopen.start, q.wclose.end if q.wclose else q.wspan.end) for q in quotes]
    sentences: list[Sentence] = []
    active: list[int] = []
    j = 0
    for index, block in prose:
        if block.kind in _UNSPLIT:
            spans = _split(w, block.wbody.start, block.wbody.end, lex)
            spans = _cap(w, spans[0][0], spans[-1][1]) if spans else []
        else:
            spans = _split(w, block.wbody.start, block.wbody.end, lex)
        for start, end in spans:
            while j < len(extents) and extents[j][0] < end:
                active.append(j)
                j += 1
            active = [q for q in active if extents[q][1] > start]
            overlapping = tuple(q for q in active if extents[q][0] < end)
            wspan = Span(start, end)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    span=to_original(wspan),
                    wspan=wspan,
                    block=index,
                    kind=block.kind,
                    quotes=overlapping,
                    quote_continues=any(
                        extents[q][1] > end or quotes[q].status is QuoteStatus.CONTINUED
                        for q in overlapping
                    ),
                )
            )

    # header metadata
    title = piece(*analysis.title) if analysis.title else None
    outlet = None
    if analysis.outlets:
        _, start, end = min(analysis.outlets)
        outlet = piece(start, end)
    published = None
    if analysis.dates:
        _, start, end = min(analysis.dates)
        published = piece(start, end)
    dateline = None
    if analysis.dateline is not None:
        found_line = analysis.dateline
        span_, place = found_line["span"], found_line["place"]
        assert span_ is not None
        agency, date = found_line["agency"], found_line["date"]
        dateline = Dateline(
            span=to_original(Span(*span_)),
            wspan=Span(*span_),
            place=piece(*place) if place else None,
            agency=piece(*agency) if agency else None,
            date=piece(*date) if date else None,
        )
    elif analysis.header_place is not None and analysis.header_place_line is not None:
        line_span = Span(*analysis.header_place_line)
        date = analysis.header_place_date
        dateline = Dateline(
            span=to_original(line_span),
            wspan=line_span,
            place=piece(*analysis.header_place),
            date=piece(*date) if date else None,
        )
    furniture = []
    seen: set[tuple[int, int]] = set()
    for start, end, kind in analysis.furniture:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        wspan = Span(start, end)
        furniture.append(Furniture(kind=kind, span=to_original(wspan), wspan=wspan))
    return Prepared(
        text=text,
        working=w,
        offsets=norm.offsets,
        title=title,
        outlet=outlet,
        dateline=dateline,
        published=published,
        furniture=tuple(furniture),
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
    )
