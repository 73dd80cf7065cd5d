"""Cookbook: adding your own actors to the gazetteer.

    python examples/custom_gazetteer.py

The bundled gazetteer does not know Petro Yatsenko, the spokesman of Ukraine's Coordination
Headquarters for the Treatment of Prisoners of War, or the Red Cross president Mirjana
Spoljaric. Parsed with it, Yatsenko is a provisional actor: a stable ``prov:`` id, no country,
so his statements belong to no side. The script adds both, once as records in code and once
from a JSON file in the bundled data format, and parses the same text again.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import peacetalks as pt

TEXT = (
    "Petro Yatsenko, a spokesman for the Coordination Headquarters for the Treatment of "
    "Prisoners of War, said on Sunday that more exchanges were being prepared. "
    "Mirjana Spoljaric, the president of the Red Cross, said the organisation was ready to help."
)
PUBLISHED = dt.date(2025, 5, 25)

YATSENKO = pt.Actor(
    id="person:petro-yatsenko",
    name="Petro Yatsenko",
    kind="person",
    country="UKR",
    aliases=["Petro Iatsenko"],
    roles=[pt.Role("Spokesman of the Coordination Headquarters for the Treatment of POWs")],
)

# the same actor, and one more, as a data file (the format of the bundled actors.json)
MORE = {
    "actors": [
        {
            "id": "person:mirjana-spoljaric",
            "name": "Mirjana Spoljaric",
            "kind": "person",
            "country": "CHE",
            "aliases": ["Mirjana Spoljaric Egger"],
            "short": ["Spoljaric"],
            "roles": [
                {
                    "title": "President of the International Committee of the Red Cross",
                    "organization": "org:icrc",
                    "start": "2022-10-01",
                    "end": None,
                }
            ],
        }
    ]
}


def speakers(article: pt.Article) -> list[str]:
    """Each statement's speaker, with the side it stands for."""
    found = []
    for s in article.statements:
        actor = article.actor(s.speaker) if s.speaker else None
        name = actor.name if actor else "unknown"
        found.append(f"{s.speaker} ({name}, side {s.side or '-'}): {s.text}")
    return found


def main() -> None:
    """Parse the text with the bundled gazetteer, then with one that knows both people."""
    print("with the bundled gazetteer:")
    for line in speakers(pt.parse(TEXT, published=PUBLISHED)):
        print("  " + line)

    # records in code: extended() returns a new gazetteer; the bundled one stays as it was
    mine = pt.Gazetteer.default().extended(actors=[YATSENKO])

    # records in a file: load() reads it, merged() combines two gazetteers (the second wins)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "my_actors.json"
        path.write_text(json.dumps(MORE, indent=1), encoding="utf-8")
        mine = mine.merged(pt.Gazetteer.load(path))

    print("\nwith my gazetteer:")
    for line in speakers(pt.parse(TEXT, published=PUBLISHED, gazetteer=mine)):
        print("  " + line)
    print("\nlookups:")
    for name in ("Petro Iatsenko", "Spoljaric", "the Red Cross president"):
        actor = pt.resolve_actor(name, gazetteer=mine, on=PUBLISHED)
        print(f"  {name!r} -> {actor.id if actor else None}")
    # many articles: the gazetteer goes with them, also to worker processes
    articles = pt.parse_many([TEXT] * 4, workers=2, chunksize=1, gazetteer=mine)
    print(f"\nparse_many with 2 workers: {sum(len(a.statements) for a in articles)} statements")


if __name__ == "__main__":
    main()
