"""How merge_events and find_contradictions grow with the number of records.

Run from the project's root:

    python benchmarks/bench_compare.py              # 12,500 / 25,000 / 50,000 / 100,000
    python benchmarks/bench_compare.py 1000 2000    # other sizes

The records are synthetic, drawn with a fixed seed, and model a corpus that grows by adding
days of news: about 40 records a day, so 100,000 records cover about seven years. Event
mentions report a third as many true events, each with a day, a week, a month ("late March"),
a year or no date; a city, its country or no place; some of its participants; and a figure,
sometimes qualified. Statements come from 25 sides with 20 speakers each, on random topics,
stances, objects and figures; find_contradictions runs with ``within_days=30`` (the corpus
setting) and, separately, over articles of ten statements each (``Collection``'s default).

A second table runs merge_events on a fixed two-year span, so that more records means more
mentions per day: the cost then grows with the overlapping pairs, as it must.

Each row prints the best of three runs in seconds (only the call measured, not building the
records), the ratio to the row before, and the ratio n log n would give.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
import time
from collections.abc import Callable, Sequence

import peacetalks as pt
from peacetalks._compare import _candidates, _event_pairs, _Facts, _lexicon, _read

START = dt.date(2018, 1, 1)
PER_DAY = 40
COUNTRIES = [f"{a}{b}{c}" for a, b, c in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "QWERTYUIOPASDFGHJKLZXCVBNM", "MNBVCXZLKJHGFDSAPOIUYTREWQ", strict=True)][:25]  # fmt: skip
TOPICS = list(pt.Topic)
WORDS = [
    "talks",
    "ceasefire",
    "prisoners",
    "wounded",
    "sanctions",
    "airline",
    "territory",
    "oblast",
    "troops",
    "guarantees",
    "proposal",
    "memorandum",
    "wording",
    "formulations",
    "deadline",
    "venue",
    "exchange",
    "bodies",
    "civilians",
    "aid",
]


def _point(day: dt.date, kind: str) -> pt.TimePoint | None:
    if kind == "day":
        return pt.TimePoint(value=day.isoformat(), kind="date", granularity="day", earliest=day, latest=day)  # fmt: skip
    if kind == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return pt.TimePoint(value=f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}", kind="date", granularity="week", earliest=monday, latest=monday + dt.timedelta(days=6))  # fmt: skip
    if kind == "month":
        first = day.replace(day=21 if day.day >= 21 else 1)
        last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return pt.TimePoint(value=f"{day.year}-{day.month:02d}", kind="date", granularity="month", earliest=first, latest=last, modifier="end" if first.day == 21 else "none")  # fmt: skip
    if kind == "year":
        return pt.TimePoint(value=str(day.year), kind="date", granularity="year", earliest=dt.date(day.year, 1, 1), latest=dt.date(day.year, 12, 31))  # fmt: skip
    return None


def make_places() -> dict[str, pt.Place]:
    places: dict[str, pt.Place] = {}
    for code in COUNTRIES:
        places[f"country:{code.lower()}"] = pt.Place(id=f"country:{code.lower()}", name=code, kind="country", code=code)  # fmt: skip
        for n in range(12):
            places[f"place:{code.lower()}-city-{n}"] = pt.Place(id=f"place:{code.lower()}-city-{n}", name=f"City {n}", kind="city", country=code)  # fmt: skip
    return places


def make_events(n: int, rng: random.Random, days: int) -> list[pt.Event]:
    types = list(pt.EventType)
    truths = []
    for _ in range(max(1, n // 3)):
        code = rng.choice(COUNTRIES)
        truths.append(
            (
                rng.choice(types),
                START + dt.timedelta(days=rng.randrange(days)),
                code,
                rng.randrange(12),
                rng.sample(COUNTRIES, 2),
                rng.choice([None, rng.randrange(5, 1500)]),
            )
        )
    events = []
    for index in range(n):
        kind, day, code, city, sides, figure = rng.choice(truths)
        granularity = rng.choices(["day", "week", "month", "year", "none"], [70, 10, 10, 5, 5])[0]
        where = rng.choices([f"place:{code.lower()}-city-{city}", f"country:{code.lower()}", None], [60, 20, 20])[0]  # fmt: skip
        figures = []
        if figure is not None and rng.random() < 0.7:
            qualifier = rng.choice([None, None, None, "at-least", "about"])
            figures = [pt.Figure("prisoners", figure, qualifier)]
        events.append(
            pt.Event(
                id=f"a{index // 5}/e{index % 5}",
                type=kind,
                span=pt.Span(0, 0),
                text="",
                date=_point(day, granularity),
                location=where,
                participants=[f"state:{c.lower()}" for c in sides if rng.random() < 0.7],
                figures=figures,
            )
        )
    return events


def make_statements(n: int, rng: random.Random, days: int) -> list[pt.Statement]:
    statements = []
    for index in range(n):
        side = rng.choice(COUNTRIES)
        text = " ".join(rng.choices(WORDS, k=8))
        day = START + dt.timedelta(days=rng.randrange(days))
        statements.append(
            pt.Statement(
                id=f"a{index // 10}/s{index % 10}",
                span=pt.Span(0, len(text)),
                text=text,
                speaker=f"person:{side.lower()}-official-{rng.randrange(20)}",
                side=side,
                date=_point(day, "day"),
                topics=rng.sample(TOPICS, rng.choice([1, 1, 2])),
                polarity=rng.choice([None, None, *pt.Polarity]),
                negated=rng.random() < 0.2,
                objects=[
                    f"place:obj-{rng.randrange(500)}" for _ in range(rng.choice([0, 1, 1, 2]))
                ],
                figures=[pt.Figure("prisoners", rng.randrange(10, 2000))]
                if rng.random() < 0.1
                else [],
            )
        )
    return statements


def measure(label: str, sizes: Sequence[int], run: Callable[[int], tuple[float, str]]) -> None:
    print(f"\n{label}")
    print(f"{'n':>9} {'seconds':>9} {'ratio':>7} {'n log n ratio':>14}  result")
    previous: tuple[int, float] | None = None
    for n in sizes:
        seconds, result = run(n)
        if previous is None:
            ratio, expected = "", ""
        else:
            ratio = f"{seconds / previous[1]:.2f}"
            expected = f"{(n * math.log(n)) / (previous[0] * math.log(previous[0])):.2f}"
        print(f"{n:>9,} {seconds:>9.2f} {ratio:>7} {expected:>14}  {result}")
        previous = (n, seconds)


def timed(call: Callable[[], int], what: str, pairs: int, repeat: int = 3) -> tuple[float, str]:
    """The best of ``repeat`` runs (the machine is shared, so the others measure its load),
    with the pairs the call scores: a count that no load can disturb."""
    best, count = math.inf, 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = call()
        best = min(best, time.perf_counter() - started)
    return best, f"{count:,} {what}, {pairs:,} pairs scored"


def event_pairs(events: list[pt.Event], places: dict[str, pt.Place]) -> int:
    return sum(1 for _ in _event_pairs([_Facts(e, places) for e in events]))


def statement_pairs(statements: list[pt.Statement], days: int | None) -> int:
    readings = [_read(s.text, _lexicon()) for s in statements]
    return len({(min(i, j), max(i, j)) for i, j in _candidates(statements, readings, days)})


def main(argv: Sequence[str]) -> None:
    sizes = [int(a) for a in argv] or [12_500, 25_000, 50_000, 100_000]
    places = make_places()

    def events_growing(n: int) -> tuple[float, str]:
        events = make_events(n, random.Random(n), days=max(1, n // PER_DAY))
        return timed(
            lambda: len(pt.merge_events(events, places=places)),
            "clusters",
            event_pairs(events, places),
        )

    def events_fixed_span(n: int) -> tuple[float, str]:
        events = make_events(n, random.Random(n), days=730)
        return timed(
            lambda: len(pt.merge_events(events, places=places)),
            "clusters",
            event_pairs(events, places),
        )

    def statements_corpus(n: int) -> tuple[float, str]:
        statements = make_statements(n, random.Random(n), days=max(1, n // PER_DAY))
        return timed(
            lambda: len(pt.find_contradictions(statements, within_days=30)),
            "contradictions",
            statement_pairs(statements, 30),
        )

    def statements_per_article(n: int) -> tuple[float, str]:
        statements = make_statements(n, random.Random(n), days=max(1, n // PER_DAY))
        return timed(
            lambda: sum(
                len(pt.find_contradictions(statements[i : i + 10])) for i in range(0, n, 10)
            ),
            "contradictions",
            sum(statement_pairs(statements[i : i + 10], None) for i in range(0, n, 10)),
        )

    measure("merge_events, a corpus growing by days (40 mentions a day)", sizes, events_growing)
    measure(
        "find_contradictions(within_days=30), a corpus growing by days", sizes, statements_corpus
    )
    measure("find_contradictions per article of 10 statements", sizes, statements_per_article)
    measure("merge_events, a fixed two-year span (denser as n grows)", sizes, events_fixed_span)


if __name__ == "__main__":
    main(sys.argv[1:])
