"""Speed of normalize_date and find_dates, side by side with dateparser on the same inputs.

Run from the project's root (dateparser is a benchmark-only dependency, imported here only):

    python benchmarks/bench_dates.py [--seconds 2]

It prints phrases per second for ``normalize_date`` against ``dateparser.parse`` and characters
per second for ``find_dates`` against ``dateparser.search.search_dates``, and the ratio of each
pair. Both libraries get the same reference date (``settings={"RELATIVE_BASE": ...}``).
dateparser is measured twice: called with the settings only, and also told the language
(``languages=["en"]``), which spares it detecting the language and makes it several times faster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import contextlib

import peacetalks

REFERENCE = dt.date(2024, 10, 16)

# Phrases written for this benchmark in the style of negotiation news.
PHRASES = [
    "9 October 2024",
    "October 9, 2024",
    "Oct. 9",
    "the 9th of October",
    "October 9th",
    "2024-10-09",
    "09.10.2024",
    "10/09/2024",
    "Tuesday",
    "last Friday",
    "next Monday",
    "yesterday",
    "tomorrow",
    "today",
    "three days ago",
    "two weeks ago",
    "six months ago",
    "a year ago",
    "last week",
    "next month",
    "this year",
    "earlier this month",
    "late September",
    "mid-November",
    "early 2023",
    "the end of the year",
    "this spring",
    "summer 2022",
    "the third quarter of 2024",
    "the 1990s",
    "November 2023",
    "in 2014",
    "since 2022",
    "18:00 GMT",
    "0600 Kyiv time",
    "9 p.m.",
    "a month",
    "48 hours",
    "nearly 100 days",
    "two and a half years",
    "several weeks",
    "every week",
    "recently",
    "in the coming days",
    "Orthodox Easter",
    "Christmas",
    "1 March",
    "Dec 3, 2023",
    "the weekend",
    "next year",
]

PARAGRAPHS = [
    "Negotiators from both sides are scheduled to meet in Geneva on Monday, 21 October, "
    "the foreign ministry said on Tuesday, a week after talks in Doha broke down.",
    "The last round, held on 3 October, ended after nearly 12 hours without a joint statement; "
    "officials said a prisoner exchange could take place in the coming days.",
    "Fighting has continued since February 2022, and the front line has barely moved over the "
    "past three months, according to analysts who said shelling intensified late last week.",
    "A 30-day truce proposed in March would have run until mid-April, but Moscow rejected it, "
    "demanding a return to the positions of 2014 and guarantees for the next ten years.",
    "Ukraine marked its Independence Day on 24 August with a speech by the president at 10:00 "
    "local time; the next summit is expected before the end of the year.",
    "Some 1,200 prisoners have been freed since the summer, and 314 more are on a list handed "
    "over on Friday, the envoy told reporters at a briefing that lasted two hours.",
]


def rate(run: Callable[[], object], units: int, seconds: float) -> float:
    """Units per second of ``run``, repeated for at least ``seconds``."""
    run()  # warm up: word lists, caches
    rounds, start = 0, time.perf_counter()
    while True:
        run()
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return rounds * units / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args(argv)

    import dateparser
    from dateparser.search import search_dates

    base = dt.datetime.combine(REFERENCE, dt.time())
    settings = {"RELATIVE_BASE": base}
    text = " ".join(PARAGRAPHS)

    def ours_phrases() -> None:
        for phrase in PHRASES:
            with contextlib.suppress(peacetalks.InvalidDate):
                peacetalks.normalize_date(phrase, reference=REFERENCE)

    def theirs_phrases(languages: list[str] | None) -> Callable[[], None]:
        def run() -> None:
            for phrase in PHRASES:
                dateparser.parse(phrase, settings=settings, languages=languages)

        return run

    def ours_text() -> None:
        peacetalks.find_dates(text, reference=REFERENCE)

    def theirs_text(languages: list[str] | None) -> Callable[[], None]:
        def run() -> None:
            search_dates(text, settings=settings, languages=languages)

        return run

    ours_p = rate(ours_phrases, len(PHRASES), args.seconds)
    ours_t = rate(ours_text, len(text), args.seconds)
    rows = []
    for label, languages in (("settings only", None), ('languages=["en"]', ["en"])):
        theirs_p = rate(theirs_phrases(languages), len(PHRASES), args.seconds)
        theirs_t = rate(theirs_text(languages), len(text), args.seconds)
        rows.append((label, theirs_p, theirs_t))
    found = len(peacetalks.find_dates(text, reference=REFERENCE))
    their_found = len(search_dates(text, settings=settings, languages=["en"]) or [])

    print(f"inputs: {len(PHRASES)} phrases; a text of {len(text)} characters")
    print(f"{'':26}{'dateparser call':>18}{'peacetalks':>12}{'dateparser':>12}{'ratio':>9}")
    for label, theirs_p, theirs_t in rows:
        print(
            f"{'normalize_date phrases/s':26}{label:>18}{ours_p:>12,.0f}{theirs_p:>12,.0f}"
            f"{ours_p / theirs_p:>8.1f}x"
        )
        print(
            f"{'find_dates characters/s':26}{label:>18}{ours_t:>12,.0f}{theirs_t:>12,.0f}"
            f"{ours_t / theirs_t:>8.1f}x"
        )
    print(f"expressions found in the text: peacetalks {found}, dateparser {their_found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
