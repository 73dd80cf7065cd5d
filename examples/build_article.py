"""Build an Article by hand and print it as JSON: the record model without the parser.

Run with ``python examples/build_article.py``.
"""

from __future__ import annotations

import datetime as dt

import peacetalks as pt


def build() -> pt.Article:
    """A two-sentence article with one actor, one statement and one dated event."""
    text = (
        "Kremlin spokesman Dmitry Peskov said on April 18 that some progress had been made. "
        "A temporary moratorium on strikes against energy infrastructure had held for a month."
    )
    published = dt.date(2025, 4, 18)
    april_18 = pt.TimePoint(
        value="2025-04-18",
        kind="date",
        granularity="day",
        earliest=published,
        latest=published,
        reference=published,
    )
    said = text.index("some progress")
    moratorium = text.index("A temporary")
    return pt.Article(
        text=text,
        published=published,
        actors=[
            pt.Actor(
                id="person:dmitry-peskov",
                name="Dmitry Peskov",
                kind="person",
                country="RUS",
                roles=[pt.Role("Kremlin spokesman", "gov:rus-presidency", dt.date(2012, 5, 22))],
            )
        ],
        statements=[
            pt.Statement(
                id="s1",
                speaker="person:dmitry-peskov",
                side="RUS",
                span=pt.Span(said, text.index(".")),
                text=text[said : text.index(".")],
                cue="say",
                date=april_18,
            )
        ],
        events=[
            pt.Event(
                id="e1",
                type="ceasefire",
                span=pt.Span(moratorium, len(text) - 1),
                text=text[moratorium:-1],
                participants=("state:rus", "state:ukr"),
            )
        ],
        dates=[pt.DateMention(span=pt.Span(40, 48), text=text[40:48], time=april_18)],
    )


def main() -> None:
    """Print the article as indented JSON."""
    print(pt.to_json(build(), indent=2))


if __name__ == "__main__":
    main()
