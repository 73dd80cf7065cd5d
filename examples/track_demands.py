"""Cookbook: tracking one party's demands across articles.

    python examples/track_demands.py [PARTY]

PARTY is a country code (``RUS``: every demand of a Russian holder) or an actor id
(``person:vladimir-putin``). The articles are the bundled samples, plus the shared seed and
dev articles when they sit beside the project (their publication dates taken from the gold
files). For each stance the party took (a topic, a polarity and what it is about) the script
prints when it was first and last seen and in how many reports, then what changed between
the party's first and last article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import peacetalks as pt

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def articles() -> list[tuple[str, pt.Article]]:
    """``(key, article)`` for the samples and, when present, the shared seed and dev articles."""
    pairs: list[tuple[str, tuple[str, dt.date | None]]] = [
        (s.name[:-4], s.pair) for s in pt.samples()
    ]
    for corpus, gold in (("seeds", "seeds.gold.json"), ("dev", "dev.gold.json")):
        gold_file = SHARED / "eval" / gold
        if not gold_file.is_file():
            continue
        for document in json.loads(gold_file.read_text(encoding="utf-8"))["documents"]:
            path = SHARED / "corpus" / corpus / document["file"]
            day = document.get("published")
            published = dt.date.fromisoformat(day) if day else None
            pairs.append((path.stem, (path.read_text(encoding="utf-8"), published)))
    parsed = pt.parse_many(pair for _, pair in pairs)
    return list(zip((key for key, _ in pairs), parsed, strict=True))


def describe(entry: pt.HistoryEntry, names: dict[str, str]) -> str:
    """One line for a stance: what, about what, seen when and how often."""
    about = ", ".join(names.get(o, o) for o in entry.objects) or "-"
    first = entry.first_seen.value if entry.first_seen else "undated"
    last = entry.last_seen.value if entry.last_seen else "undated"
    seen = first if first == last else f"{first} .. {last}"
    return (
        f"{entry.polarity.value:>8} {entry.topic.value:<20} about {about:<40} "
        f"seen {seen} in {len(entry.demands)} report(s)"
    )


def main(argv: list[str] | None = None) -> None:
    """Print the history of one party's demands."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("party", nargs="?", default="RUS", help="a country code or an actor id")
    args = parser.parse_args(argv)

    corpus = pt.Collection.from_articles(articles())
    names = {i: a.name for i, a in corpus.actors().items()}
    names.update({i: p.name for i, p in corpus.places().items()})
    history = corpus.history(args.party)
    print(f"{args.party}: {len(history)} stances in {len(corpus)} articles")
    for entry in history:
        print("  " + describe(entry, names))
        for demand in entry.demands:
            print(f"      {demand.id}: {' '.join(demand.text.split())[:90]}")

    # what changed between the first and the last article that holds the party's demands
    mine = (
        corpus.demands(side=args.party)
        if args.party.isupper()
        else corpus.demands(holder=args.party)
    )
    keys = list(dict.fromkeys(d.id.split("/")[0] for d in mine))
    if len(keys) >= 2:
        before = [d for d in mine if d.id.startswith(keys[0] + "/")]
        after = [d for d in mine if d.id.startswith(keys[-1] + "/")]
        diff = pt.diff_demands(before, after)
        print(f"\nfrom {keys[0]} to {keys[-1]}:")
        for label, changes in (
            ("added", diff.added),
            ("dropped", diff.dropped),
            ("kept", diff.kept),
            ("hardened", diff.hardened),
            ("softened", diff.softened),
        ):
            for change in changes:
                print(f"  {label:>8}: {change.polarity.value} {change.topic.value}")
        if not any((diff.added, diff.dropped, diff.kept, diff.hardened, diff.softened)):
            print("  no change between them")


if __name__ == "__main__":
    main()
