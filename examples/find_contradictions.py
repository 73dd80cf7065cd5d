"""Cookbook: finding contradictions, and where two sides stand apart.

    python examples/find_contradictions.py

Reads the shared seed articles when they sit beside the project (the first reports a Russian
official contradicting another), else the bundled samples, and prints the contradictions
within each article, those across the corpus within 30 days, and the gaps between Russia's
and Ukraine's positions. A small hand-made pair of statements shows the same rules without
the parser.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import peacetalks as pt

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def corpus() -> pt.Collection:
    """The shared seeds (dated from their gold file) or, without them, the samples."""
    gold = SHARED / "eval" / "seeds.gold.json"
    if gold.is_file():
        pairs: list[tuple[str, dt.date | None]] = []
        keys = []
        for document in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            path = SHARED / "corpus" / "seeds" / document["file"]
            day = document.get("published")
            pairs.append(
                (path.read_text(encoding="utf-8"), dt.date.fromisoformat(day) if day else None)
            )
            keys.append(path.stem[:3])
        return pt.Collection(pt.parse_many(pairs), keys)
    samples = pt.samples()
    return pt.Collection(pt.parse_many(s.pair for s in samples), [s.name[:10] for s in samples])


def show(statement: pt.Statement) -> str:
    """A statement in one line."""
    when = f" ({statement.date.value})" if statement.date else ""
    return f"{statement.id} {statement.speaker}{when}: {' '.join(statement.text.split())[:80]}"


def main() -> None:
    """Print contradictions and gaps."""
    # the rules on records alone: one side says two things that cannot both hold
    lavrov = pt.Statement(
        id="s1", span=pt.Span(0, 0), text="flights should depend on lifting sanctions on Aeroflot",
        speaker="person:sergey-lavrov", side="RUS", topics=["sanctions"], polarity="demand",
    )  # fmt: skip
    dmitriev = pt.Statement(
        id="s2", span=pt.Span(0, 0), text="Russia is not seeking sanctions relief",
        speaker="person:kirill-dmitriev", side="RUS", topics=["sanctions"], polarity="disavow",
        negated=True,
    )  # fmt: skip
    for c in pt.find_contradictions([lavrov, dmitriev]):
        print(f"by hand: {c.rule} ({c.score}): {c.reason}\n")

    found = corpus()
    print(f"{len(found)} articles: {', '.join(found.keys)}")
    inside = found.contradictions(scope="article")
    across = found.contradictions(scope="corpus", within_days=30)
    for title, contradictions in (("within each article", inside), ("across, 30 days", across)):
        print(f"\ncontradictions {title}: {len(contradictions)}")
        for c in contradictions:
            print(f"  {c.rule} ({c.score:.2f}) on {c.topic.value if c.topic else '-'}")
            print(f"    {show(c.first)}\n    {show(c.second)}")
    gaps = found.gaps("RUS", "UKR")
    print(f"\ngaps between RUS and UKR: {len(gaps)}")
    for gap in gaps[:10]:
        print(f"  {gap.topic.value}: {gap.rule} ({gap.score:.2f})")
        print(
            f"    RUS {gap.first.id} {gap.first.polarity.value}: {' '.join(gap.first.text.split())[:70]}"
        )
        print(
            f"    UKR {gap.second.id} {gap.second.polarity.value}: {' '.join(gap.second.text.split())[:70]}"
        )
    common = found.common_ground("RUS", "UKR")
    print(f"\ncommon ground between RUS and UKR: {len(common)}")
    for ground in common[:5]:
        print(f"  {ground.topic.value}: {ground.rule} ({ground.first.id}, {ground.second.id})")


if __name__ == "__main__":
    main()
