"""Comparing a corpus: gaps between two sides, one side's demands over time, merged events.

    python examples/compare_seeds.py

Reads the shared seed articles when they sit beside the project (dated from their gold file),
else the bundled samples, and prints three things:

1. the gaps between Russia and Ukraine on territory (and on related topics such as
   recognition), each with the article it comes from;
2. Russia's territorial stances in date order, with the first and last time each was seen
   (``Collection.history``, which is ``demand_history`` over the corpus);
3. the ceasefire events that appear in more than one article and were merged into one
   cluster, with every source kept.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import peacetalks as pt

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TERRITORIAL = (pt.Topic.TERRITORY, pt.Topic.RECOGNITION)


def corpus() -> pt.Collection:
    """The shared seeds (keyed by their number, dated from the gold file) or the samples."""
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


def short(text: str, width: int = 70) -> str:
    """Text on one line, cut to ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def where(corpus: pt.Collection, record_id: str) -> str:
    """The key of the article a record comes from."""
    return record_id.split("/", 1)[0] if "/" in record_id else "?"


def main() -> None:
    """Print gaps, history and merged events."""
    seeds = corpus()
    print("1. Russia and Ukraine apart on territory")
    gaps = [g for g in seeds.gaps("RUS", "UKR") if g.topic in TERRITORIAL]
    for gap in gaps:
        first, second = gap.first, gap.second
        print(f"  {gap.rule} ({gap.score:.2f}), {gap.topic.value}:")
        print(f"    RUS {where(seeds, first.id)} {first.polarity.value}: {short(first.text)}")
        print(f"    UKR {where(seeds, second.id)} {second.polarity.value}: {short(second.text)}")
    pairs = sorted({(where(seeds, g.first.id), where(seeds, g.second.id)) for g in gaps})
    print(f"  article pairs (RUS, UKR): {pairs}")

    print("\n2. Russia's territorial stances over time")
    for entry in seeds.history("RUS"):
        if entry.topic not in TERRITORIAL:
            continue
        seen = entry.first_seen.value if entry.first_seen else "undated"
        until = entry.last_seen.value if entry.last_seen else "undated"
        objects = ", ".join(entry.objects) or "-"
        sources = sorted({where(seeds, d.id) for d in entry.demands})
        print(
            f"  {seen} .. {until}  {entry.polarity.value} {entry.topic.value} [{objects}]"
            f"  x{len(entry.demands)} in {sources}"
        )

    print("\n3. Ceasefire events reported in more than one article")
    for cluster in seeds.events():
        if cluster.type not in (pt.EventType.CEASEFIRE, pt.EventType.CEASEFIRE_VIOLATION):
            continue
        sources = sorted({where(seeds, e.id) for e in cluster.events})
        if len(sources) < 2:
            continue
        when = cluster.date.value if cluster.date else "undated"
        print(
            f"  {cluster.type.value} {when} score {cluster.score:.2f}, "
            f"{len(cluster.events)} records from {sources}"
        )
        for event in cluster.events:
            print(f"    {where(seeds, event.id)} {event.status.value}: {short(event.text, 60)}")


if __name__ == "__main__":
    main()
