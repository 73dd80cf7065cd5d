"""The parser's working document: tokens, sentences, quotes and resolved references.

Everything here indexes the *working* text (the cleaned text the extractors read); the parse
step maps spans back to the original text at the end. Records are small frozen attrs classes;
lookups by position use ``bisect`` over sorted start offsets, so every query is logarithmic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import attrs
import regex

from peacetalks._vocab import ActorKind, MentionRule

__all__ = ["MAX_TRIGGERS", "Doc", "Quote", "Ref", "Sent", "SpanIndex", "Tok", "tokenize"]

# Words (with inner hyphens, apostrophes and dotted abbreviations such as U.S.), numbers with
# separators, and single other characters. Each alternative is bounded by its character class,
# so the scan is linear.
_TOKEN = regex.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.K., J.D.
    r"|\d[\d,]*-for-\d[\d,]*"  # 1,000-for-1,000
    r"|\d+(?:[.,]\d+)*(?:%|-(?:point|day|week|month|year|hour|minute|strong|member|nation|party|km|mile|seat)s?\b)?"  # 1,000  1.2  18%  20-point  30-day
    r"|[\w](?:[\w\-]|[’'](?=\w))*"  # words, hyphenated words, contractions, possessives
    r"|\S"
)
_POSSESSIVE = ("’s", "'s", "’", "'")

MAX_TRIGGERS = 16
"""The most trigger matches an extractor follows in one sentence. News sentences hold a few
(four at most in the shared corpus); a scraped run of trigger words ("talks talks talks ...")
would otherwise cost time that grows with the square of the sentence's length."""


@attrs.frozen
class Tok:
    """One token of the working text."""

    start: int
    end: int
    text: str
    low: str
    # the token minus a possessive ending ("Russia’s" -> "Russia"), and whether it had one
    base: str
    possessive: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Tok, ...]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    out = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        base, possessive = word, False
        for ending in _POSSESSIVE:
            if len(word) > len(ending) + 1 and word.endswith(ending) and word[0].isalpha():
                base, possessive = word[: -len(ending)], True
                break
        out.append(Tok(match.start(), match.end(), word, word.lower(), base, possessive))
    return tuple(out)


@attrs.frozen
class Quote:
    """A quotation: the span of its content (without marks) and whether it is a short fragment."""

    start: int  # first character of the content
    end: int  # end of the content
    open_mark: int  # index of the opening mark
    close_mark: int | None  # index of the closing mark, None when the quote never closes
    fragment: bool  # a few words used as a scare quote rather than a statement


@attrs.frozen
class Sent:
    """A sentence: its span, its block (paragraph) number and the block's kind."""

    start: int
    end: int
    block: int
    kind: str = "paragraph"  # paragraph, heading, list-item, question, answer, caption, furniture
    speaker_text: str | None = None  # for transcript answers: the speaker header's name


@attrs.frozen
class Ref:
    """A resolved mention of an actor (or of a place that can stand for one)."""

    start: int
    end: int
    actor: str | None  # actor id, None for a place-only mention
    kind: ActorKind | None
    rule: MentionRule
    country: str | None = None
    place: str | None = None  # place id when the words also name a place
    role: bool = False  # a role or title without a name ("the Kremlin spokesman")


@attrs.frozen
class Doc:
    """The working text with every layer the extractors need, each sorted by position."""

    text: str
    sentences: tuple[Sent, ...]
    quotes: tuple[Quote, ...]
    refs: tuple[Ref, ...]
    tokens: tuple[Tok, ...]
    _ref_starts: tuple[int, ...] = attrs.field(init=False)
    _ref_ends: tuple[int, ...] = attrs.field(init=False)
    _tok_starts: tuple[int, ...] = attrs.field(init=False)
    _quote_starts: tuple[int, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_ref_starts", tuple(r.start for r in self.refs))
        object.__setattr__(self, "_ref_ends", tuple(sorted(r.end for r in self.refs)))
        object.__setattr__(self, "_tok_starts", tuple(t.start for t in self.tokens))
        object.__setattr__(self, "_quote_starts", tuple(q.open_mark for q in self.quotes))

    # tokens ---------------------------------------------------------------------------------

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens that lie inside ``[start, end)``."""
        i = bisect.bisect_left(self._tok_starts, start)
        j = bisect.bisect_left(self._tok_starts, end)
        while j > i and self.tokens[j - 1].end > end:
            j -= 1
        return i, j

    def sentence_tokens(self, sent: Sent) -> Sequence[Tok]:
        i, j = self.token_range(sent.start, sent.end)
        return self.tokens[i:j]

    # references -----------------------------------------------------------------------------

    def refs_in(self, start: int, end: int) -> tuple[Ref, ...]:
        """References that lie wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self._ref_starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].start < end:
            if self.refs[i].end <= end:
                out.append(self.refs[i])
            i += 1
        return tuple(out)

    def ref_ending_at(self, end: int) -> Ref | None:
        """The longest reference whose span ends exactly at ``end`` (a possessive may follow)."""
        best: Ref | None = None
        i = bisect.bisect_right(self._ref_starts, end) - 1
        # references do not overlap, so only a few before ``end`` can end there
        for k in range(i, max(-1, i - 4), -1):
            ref = self.refs[k]
            if ref.end == end and (best is None or ref.start < best.start):
                best = ref
        return best

    def ref_covering(self, position: int) -> Ref | None:
        """The reference whose span holds character ``position``, if any."""
        i = bisect.bisect_right(self._ref_starts, position) - 1
        for k in range(i, max(-1, i - 4), -1):
            ref = self.refs[k]
            if ref.start <= position < ref.end:
                return ref
        return None

    def ref_starting_at(self, start: int) -> Ref | None:
        i = bisect.bisect_left(self._ref_starts, start)
        if i < len(self.refs) and self.refs[i].start == start:
            return self.refs[i]
        return None

    def refs_before(self, position: int) -> Iterator[Ref]:
        """References that end at or before ``position``, nearest first."""
        i = bisect.bisect_right(self._ref_starts, position) - 1
        while i >= 0:
            ref = self.refs[i]
            if ref.end <= position:
                yield ref
            i -= 1

    # quotes ---------------------------------------------------------------------------------

    def quote_at(self, position: int) -> Quote | None:
        """The quote whose marks enclose ``position``, if any."""
        i = bisect.bisect_right(self._quote_starts, position) - 1
        while i >= 0:
            quote = self.quotes[i]
            stop = quote.close_mark if quote.close_mark is not None else quote.end
            if quote.open_mark <= position <= stop:
                return quote
            if stop < position and i < len(self.quotes) - 1:
                break
            i -= 1
        return None

    def quotes_in(self, start: int, end: int) -> tuple[Quote, ...]:
        i = bisect.bisect_left(self._quote_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].open_mark < end:
            out.append(self.quotes[i])
            i += 1
        return tuple(out)


@attrs.frozen
class SpanIndex:
    """Spans sorted by start, for logarithmic "which span holds this position" queries.

    The spans may nest or overlap; ``covering`` looks back over at most ``reach`` spans that
    start before the position, which is enough for the short, mostly disjoint spans it holds
    (dates, statements, demands).
    """

    spans: tuple[tuple[int, int, int], ...]  # (start, end, original index)
    starts: tuple[int, ...]
    reach: int = 8

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, int]]) -> SpanIndex:
        spans = tuple(sorted((s, e, i) for i, (s, e) in enumerate(pairs)))
        return cls(spans, tuple(s for s, _, _ in spans))

    def covering(self, position: int) -> int | None:
        """The original index of a span holding ``position`` (the latest-starting one)."""
        k = bisect.bisect_right(self.starts, position) - 1
        for m in range(k, max(-1, k - self.reach), -1):
            start, end, index = self.spans[m]
            if start <= position < end:
                return index
        return None

    def within(self, lo: int, hi: int) -> list[int]:
        """Original indices of the spans that lie wholly inside ``[lo, hi)``, in start order."""
        k = bisect.bisect_left(self.starts, lo)
        out = []
        while k < len(self.spans) and self.spans[k][0] < hi:
            if self.spans[k][1] <= hi:
                out.append(self.spans[k][2])
            k += 1
        return out
