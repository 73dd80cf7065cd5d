"""Cookbook: a folder of articles to a pandas DataFrame.

    python examples/folder_to_dataframe.py [FOLDER] [--csv statements.csv]

Reads every ``*.txt`` file in FOLDER (by default the shared seed articles when they sit beside
the project, else the samples bundled with peacetalks), takes each file's publication date
from a YYYY-MM-DD in its name when there is one, parses them all with ``parse_many`` and
prints tables of statements, demands and events. Needs pandas (``pip install
'peacetalks[pandas]'``).
"""

# requires: pandas

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pandas as pd

import peacetalks as pt

SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def default_folder() -> Path:
    """The shared seed articles if they are there, else the bundled samples."""
    if SHARED_SEEDS.is_dir():
        return SHARED_SEEDS
    return Path(str(resources.files("peacetalks").joinpath("samples")))


def published_from_name(path: Path) -> dt.date | None:
    """The date in a file name such as ``2025-05-16_istanbul-talks.txt``, if any."""
    match = DATE_IN_NAME.search(path.name)
    if match is None:
        return None
    return dt.date(int(match[1]), int(match[2]), int(match[3]))


def read_folder(folder: Path) -> Iterator[tuple[str, tuple[str, dt.date | None]]]:
    """``(key, (text, published))`` for each article file, read one at a time."""
    for path in sorted(folder.glob("*.txt")):
        yield path.stem, (path.read_text(encoding="utf-8"), published_from_name(path))


def folder_to_frames(folder: Path, *, workers: int = 1) -> dict[str, pd.DataFrame]:
    """Parse a folder into a ``Collection`` and return its statements, demands and events."""
    keyed = list(read_folder(folder))
    articles = pt.parse_many((pair for _, pair in keyed), workers=workers)
    corpus = pt.Collection(articles, [key for key, _ in keyed])
    return {kind: corpus.to_dataframe(kind) for kind in ("statements", "demands", "events")}


def main(argv: list[str] | None = None) -> None:
    """Print the tables of a folder of articles; with ``--csv``, save the statements too."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", nargs="?", type=Path, default=default_folder())
    parser.add_argument("--csv", type=Path, help="also write the statements to this CSV file")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if not any(args.folder.glob("*.txt")):
        parser.error(f"no *.txt files in {args.folder}")

    frames = folder_to_frames(args.folder, workers=args.workers)
    statements, demands, events = frames["statements"], frames["demands"], frames["events"]
    print(f"{args.folder}: {statements['article'].nunique()} articles with statements")
    print(f"{len(statements)} statements, {len(demands)} demands, {len(events)} events\n")

    with pd.option_context("display.width", 120, "display.max_colwidth", 60):
        print("Who speaks most:")
        print(statements["speaker_name"].value_counts().head(8).to_string(), "\n")
        print("Demands by holder and stance:")
        table = demands.pivot_table(
            index="holder_name", columns="polarity", values="id", aggfunc="count", observed=True
        )
        print(table.fillna(0).astype(int).to_string(), "\n")
        print("Events by type and status:")
        print(events.groupby(["type", "status"], observed=True).size().to_string(), "\n")
        print("The first statements:")
        print(statements[["article", "id", "speaker_name", "cue", "text"]].head(5).to_string())
    if args.csv is not None:
        statements.to_csv(args.csv, index=False)
        print(f"\nwrote {len(statements)} rows to {args.csv}")


if __name__ == "__main__":
    main()
