"""Benchmark names and the gazetteer: load time and memory, lookups per second, scan throughput.

Run from the project's root::

    PYTHONPATH=src python benchmarks/bench_names.py

The 10,000 mentions are generated here (seeded, so every run looks up the same list): names,
aliases, family names, spelling variants, role descriptions with dates, demonyms, metonyms,
bodies, unknown names and non-names. Times are CPU times of this process (``process_time``), so
that other work on a shared machine does not count; wall-clock times are printed beside them.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import tracemalloc
from pathlib import Path

import peacetalks as pt
from peacetalks import _gazdata, _gazetteer

ROLES = [
    "the Russian president",
    "the US president",
    "Ukraine's president",
    "the Russian foreign minister",
    "the US secretary of state",
    "Kremlin spokesman",
    "the Israeli prime minister",
    "the German chancellor",
    "NATO chief",
    "the British prime minister",
    "Putin's spokesman",
    "the Ukrainian defence minister",
    "the Turkish president",
    "the Qatari prime minister",
]
BODIES = [
    "Russia's Defence Ministry",
    "the Cambodian defence ministry",
    "Thai army",
    "the Armenian foreign ministry",
    "the Israeli prime minister's office",
    "Ministry of Foreign Affairs of the UAE",
    "Rwanda's army",
]
UNKNOWN = ["John Smith", "the weather", "Maly", "Donald", "Jane Roe", "the talks", "May"]
NEWS = [
    "Russian Foreign Minister Sergey Lavrov said on Friday that Moscow was ready for talks, but "
    "Kremlin spokesman Dmitry Peskov told reporters no date had been set.",
    "Ukraine's human rights commissioner said 84 prisoners came home from the Kursk region after "
    "an exchange brokered by the United Arab Emirates, the Emirati foreign ministry said.",
    "US Secretary of State Marco Rubio met Ukrainian officials in Jeddah as President Trump wrote "
    "on Truth Social that a deal was close; the Kremlin did not comment.",
    "The Cambodian defence ministry accused Thai troops of shelling; Thailand's acting Prime "
    "Minister Phumtham Wechayachai said Phnom Penh must show good faith.",
    "Hamas said Qatar and Egypt guaranteed the deal, while Prime Minister Benjamin Netanyahu told "
    "the Israeli cabinet that the hostages would come home within 72 hours.",
    "Analysts at the Institute for the Study of War said Russian forces pressed on near Pokrovsk "
    "and in Zaporizhzhia Oblast, while Kyiv asked Washington and Brussels for air defence.",
]


def variants(name: str, rnd: random.Random) -> str:
    """A spelling the data does not hold, made by rules news outlets follow."""
    swaps = [("y", "i"), ("iy", "y"), ("v", "w"), ("kh", "h"), ("ye", "e"), ("sh", "sch")]
    old, new = rnd.choice(swaps)
    return name.replace(old, new, 1)


def mentions(count: int, gazetteer: pt.Gazetteer) -> list[tuple[str, dt.date | None]]:
    rnd = random.Random(2025)
    people = [a for a in gazetteer.actors if str(a.kind) == "person"]
    others = [a for a in gazetteer.actors if str(a.kind) != "person"]
    states = [a for a in gazetteer.actors if str(a.kind) == "state"]
    out: list[tuple[str, dt.date | None]] = []
    while len(out) < count:
        pick = rnd.random()
        if pick < 0.30:
            person = rnd.choice(people)
            name = rnd.choice([person.name, *person.aliases, person.name.split()[-1]])
            out.append((name, None))
        elif pick < 0.40:
            out.append((variants(rnd.choice(people).name, rnd), None))
        elif pick < 0.55:
            on = dt.date(rnd.randint(2005, 2025), rnd.randint(1, 12), rnd.randint(1, 28))
            out.append((rnd.choice(ROLES), on))
        elif pick < 0.65:
            body = rnd.choice(others)
            out.append((rnd.choice([body.name, *body.aliases]), None))
        elif pick < 0.75:
            out.append((rnd.choice(BODIES), None))
        elif pick < 0.85:
            out.append(
                (rnd.choice(["Russian", "Ukrainian", "Emirati", "Thai", "Kyiv", "Moscow"]), None)
            )
        elif pick < 0.92:
            out.append((rnd.choice(states).name, None))
        else:
            out.append((rnd.choice(UNKNOWN), None))
    return out


def clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def since(start: tuple[float, float]) -> tuple[float, float]:
    cpu, wall = clock()
    return cpu - start[0], wall - start[1]


def main() -> int:
    # load: reading the JSON, building the records, the tries, the key index and the role table
    start = clock()
    gazetteer = pt.Gazetteer.default()
    gazetteer.lookup("Putin")
    cpu, wall = since(start)
    print(f"gazetteer load (cold, first lookup included): {cpu:.2f} s cpu, {wall:.2f} s wall")
    print(f"  {len(gazetteer.actors)} actors, {len(gazetteer.places)} places")

    # memory: build the same gazetteer again under tracemalloc
    _gazdata.bundled_records.cache_clear()
    _gazetteer._default.cache_clear()
    tracemalloc.start()
    again = pt.Gazetteer.default()
    again.lookup("Putin")
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"gazetteer memory: {current / 2**20:.1f} MiB held, {peak / 2**20:.1f} MiB at peak")

    listed = mentions(10_000, again)
    start = clock()
    found = sum(pt.resolve_actor(text, on=on) is not None for text, on in listed)
    cpu, wall = since(start)
    print(
        f"resolve_actor: {len(listed) / cpu:,.0f} lookups/s cpu ({len(listed) / wall:,.0f} wall) "
        f"on {len(listed):,} mixed mentions; {found:,} resolved to one actor"
    )

    start = clock()
    for text, _ in listed:
        pt.normalize_name(text)
    cpu, wall = since(start)
    print(f"normalize_name: {len(listed) / cpu:,.0f} names/s cpu ({len(listed) / wall:,.0f} wall)")

    texts = {"generated news": " ".join(NEWS * 300)}
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if shared.is_dir():
        corpus = "\n\n".join(p.read_text("utf-8") for p in sorted(shared.glob("*/*.txt")))
        texts["shared corpus x20"] = "\n\n".join([corpus] * 20)
    for label, text in texts.items():
        again.scan(text[:20_000])  # warm the word-folding caches
        start = clock()
        hits = again.scan(text)
        cpu, wall = since(start)
        print(
            f"scan ({label}, {len(text):,} chars): {len(text) / cpu:,.0f} chars/s cpu "
            f"({len(text) / wall:,.0f} wall), {len(hits):,} hits"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
