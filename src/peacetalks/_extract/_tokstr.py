"""A sentence's tokens as one lower-case string, so that data-file patterns can match them.

Each token is written lower-case and separated by one space; a possessive ending is its own
token ``'s``; every quotation mark is ``"``. Matches map back to token indices and from there to
exact spans of the working text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from peacetalks._extract._doc import Tok

__all__ = ["TokenString"]

_QUOTES = frozenset('"“”«»„')


@attrs.frozen
class TokenString:
    """The lower-case token string of a run of tokens, with a map back to the tokens."""

    text: str
    tokens: Sequence[Tok]
    starts: tuple[int, ...]  # offset in ``text`` of each piece
    owners: tuple[int, ...]  # the token index each piece belongs to

    @classmethod
    def of(cls, tokens: Sequence[Tok]) -> TokenString:
        pieces: list[str] = []
        starts: list[int] = []
        owners: list[int] = []
        offset = 0
        for index, tok in enumerate(tokens):
            words = (
                [tok.base.lower(), "'s"] if tok.possessive and tok.base != tok.text else [tok.low]
            )
            if (
                tok.possessive
                and tok.text.endswith(("’", "'"))
                and not tok.text.endswith(("’s", "'s"))
            ):
                words = [tok.base.lower(), "'s"]
            for word in words:
                if word in _QUOTES or (len(word) == 1 and word in "‘’'" and word != "'s"):
                    word = '"' if word in _QUOTES else word
                pieces.append(word)
                starts.append(offset)
                owners.append(index)
                offset += len(word) + 1
        return cls(" ".join(pieces), tokens, tuple(starts), tuple(owners))

    def token_at(self, offset: int) -> int:
        """The index of the token whose piece holds character ``offset`` of ``text``."""
        piece = bisect.bisect_right(self.starts, offset) - 1
        return self.owners[max(0, piece)] if self.owners else 0

    def token_after(self, offset: int) -> int:
        """The index of the first token whose piece starts at or after ``offset``."""
        piece = bisect.bisect_left(self.starts, offset)
        return self.owners[piece] if piece < len(self.owners) else len(self.tokens)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The working-text span of the tokens a match ``[start, end)`` of ``text`` covers."""
        first = self.tokens[self.token_at(start)]
        last = self.tokens[self.token_at(max(start, end - 1))]
        return first.start, last.end
