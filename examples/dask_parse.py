"""Many articles on Dask: the same parsing as ``parse_many``, spread over a Dask scheduler.

    python examples/dask_parse.py [FOLDER]

Reads the ``*.txt`` files of FOLDER (by default the shared seed articles when they sit beside
the project, else the bundled samples), parses them as a ``dask.bag`` and prints how many
records each article gave and a few rows of statements. Needs dask (``pip install
'peacetalks[dask]'``).

Locally, a bag runs on threads or processes of this machine. For corpora beyond one machine,
point the same code at a cluster (every worker needs peacetalks installed):

    from dask.distributed import Client          # pip install "dask[distributed]"
    client = Client("tcp://scheduler-host:8786")  # or LocalCluster(), or a dask-jobqueue /
                                                  # dask-kubernetes / Coiled cluster object
    articles = parse_bag(bag_of_files(paths))     # then .compute() with no scheduler= runs
                                                  # on the cluster

and read the files where the workers can reach them: ``db.from_sequence`` over paths on a
shared file system, or over object-store keys (``s3://bucket/news/*.txt`` listed with fsspec)
read in ``read_article``. Keep the partitions large enough (hundreds of articles) that each
task outweighs its scheduling, and write results where they are (``bag.map(pt.to_json)
.to_textfiles("out/*.jsonl")``) instead of gathering them all on the client.
"""

# requires: dask

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import dask.bag as db

import peacetalks as pt

SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def default_paths() -> list[str]:
    """The shared seed articles if they are there, else the bundled samples."""
    folder = SHARED_SEEDS
    if not folder.is_dir():
        folder = Path(str(resources.files("peacetalks").joinpath("samples")))
    return [str(p) for p in sorted(folder.glob("*.txt"))]


Keyed = tuple[str, pt.Article]
"""An article and its key (the file name without its extension)."""


def read_article(path: str) -> tuple[str, str, dt.date | None]:
    """``(key, text, published)`` for one file; runs on the worker that parses it."""
    match = DATE_IN_NAME.search(Path(path).name)
    published = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    return Path(path).stem, Path(path).read_text(encoding="utf-8"), published


def parse_partition(items: Iterable[tuple[str, str, dt.date | None]]) -> list[Keyed]:
    """Parse one partition in order (the worker's default gazetteer is loaded once)."""
    items = list(items)
    articles = pt.parse_many((text, published) for _, text, published in items)
    return [(key, article) for (key, _, _), article in zip(items, articles, strict=True)]


def bag_of_files(paths: Sequence[str], *, npartitions: int = 4) -> Any:
    """A bag of ``(key, text, published)``, the files read lazily on the workers."""
    parts = min(npartitions, max(len(paths), 1))
    bag = db.from_sequence(list(paths), npartitions=parts)  # type: ignore[no-untyped-call]
    return bag.map(read_article)


def parse_bag(files: Any) -> Any:
    """A bag of ``(key, Article)`` pairs, in the order of the input."""
    return files.map_partitions(parse_partition)


def parse_on_dask(
    paths: Sequence[str], *, scheduler: str = "threads", npartitions: int = 4
) -> list[Keyed]:
    """Parse files on Dask with a local scheduler (``"threads"``, ``"processes"`` or
    ``"synchronous"``) and return ``(key, article)`` pairs in order."""
    keyed: list[Keyed] = parse_bag(bag_of_files(paths, npartitions=npartitions)).compute(
        scheduler=scheduler
    )
    return keyed


def main(argv: list[str] | None = None) -> None:
    """Parse a folder on Dask and print a summary and the first statements."""
    args = sys.argv[1:] if argv is None else argv
    paths = [str(p) for p in sorted(Path(args[0]).glob("*.txt"))] if args else default_paths()
    if not paths:
        sys.exit(f"dask_parse.py: no *.txt files in {args[0]}")
    for key, article in parse_on_dask(paths, scheduler="threads"):
        print(
            f"{key}: {len(article.statements)} statements, "
            f"{len(article.demands)} demands, {len(article.events)} events"
        )
    # flat rows for a table, built on the workers too: a list of dicts, or with pandas
    # pandas.DataFrame(rows); keyed pairs give each row its article's key
    rows = (
        parse_bag(bag_of_files(paths))
        .map(lambda keyed: pt.to_records([keyed], kind="statements"))
        .flatten()
        .compute(scheduler="threads")
    )
    print(f"\n{len(rows)} statement rows; the first three:")
    for row in rows[:3]:
        print(f"  {row['article']}/{row['id']} {row['speaker']}: {row['text'][:70]}")


if __name__ == "__main__":
    main()
