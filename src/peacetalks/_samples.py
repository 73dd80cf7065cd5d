"""The sample articles that ship with the package, for trying things out and for examples.

They are short news-style reports of 2025 negotiations written for this project (not copied
from any outlet), stored as ``peacetalks/samples/<YYYY-MM-DD>_<slug>.txt``: the date in the
file name is the day the report would have been published.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

import attrs

__all__ = ["Sample", "samples"]


@attrs.frozen(kw_only=True)
class Sample:
    """One bundled sample article: its file ``name``, its ``published`` date and its ``text``.

    ``sample.pair`` is the ``(text, published)`` pair that ``parse_many`` reads.
    """

    name: str
    published: dt.date
    text: str = attrs.field(repr=lambda t: repr(t if len(t) <= 40 else t[:37] + "..."))

    @property
    def pair(self) -> tuple[str, dt.date]:
        """``(text, published)``, as ``parse_many`` takes it."""
        return self.text, self.published


@functools.cache
def _load() -> tuple[Sample, ...]:
    folder = resources.files("peacetalks").joinpath("samples")
    found = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        published = dt.date.fromisoformat(entry.name[:10])
        found.append(
            Sample(name=entry.name, published=published, text=entry.read_text(encoding="utf-8"))
        )
    return tuple(sorted(found, key=lambda s: s.name))


def samples() -> tuple[Sample, ...]:
    """The bundled sample articles, oldest first (read from the package once, then kept).

    >>> import peacetalks as pt
    >>> first = pt.samples()[0]
    >>> first.name, first.published
    ('2025-05-16_istanbul-talks.txt', datetime.date(2025, 5, 16))
    >>> article = pt.parse(first.text, published=first.published)
    >>> article.published, len(pt.samples()) >= 3
    (datetime.date(2025, 5, 16), True)
    """
    return _load()
