"""``parse_many``: many articles, streamed in order, in this process or in several.

Memory stays bounded by the number of chunks in flight (``2 * workers`` chunks of ``chunksize``
articles), not by the size of the corpus: input is read lazily and results are yielded as soon
as every earlier one has been.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from peacetalks._model import Article

if TYPE_CHECKING:
    from peacetalks._gazdata import Records
    from peacetalks._gazetteer import Gazetteer

__all__ = ["parse_many"]

Item = str | tuple[str, dt.date | None]
"""A text, or a ``(text, published)`` pair."""


def _split(item: Item) -> tuple[str, dt.date | None]:
    if isinstance(item, str):
        return item, None
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return item[0], item[1]
    raise TypeError(
        f"parse_many expects texts or (text, published) pairs, got {type(item).__name__}: {item!r}"[
            :200
        ]
    )


# A worker process's gazetteer, set once when the worker starts (``_start_worker``). A
# ``Gazetteer`` object does not pickle, so its records travel instead, once per worker rather
# than with every chunk, and the worker builds its index from them on first use.
_worker_gazetteer: Gazetteer | None = None


def _start_worker(records: Records | None) -> None:
    global _worker_gazetteer
    from peacetalks._gazetteer import Gazetteer

    _worker_gazetteer = None if records is None else Gazetteer._of(records)


def _parse_chunk(chunk: list[tuple[str, dt.date | None]]) -> list[Article]:
    from peacetalks._parse import parse

    gazetteer = _worker_gazetteer
    return [parse(text, published=published, gazetteer=gazetteer) for text, published in chunk]


def parse_many(
    items: Iterable[Item],
    /,
    *,
    workers: int | None = None,
    chunksize: int = 16,
    gazetteer: Gazetteer | None = None,
) -> Iterator[Article]:
    """Parse many articles, yielding each ``Article`` in input order.

    ``items`` are texts or ``(text, published)`` pairs, read lazily. With ``workers`` of
    ``None`` or 1 everything runs in this process; with more, in that many worker processes,
    articles sent in chunks of ``chunksize``; workers load the default gazetteer themselves, and
    a custom ``gazetteer``'s records are sent to each worker once, when it starts.

    >>> import datetime as dt
    >>> import peacetalks as pt
    >>> texts = ["Peskov said talks would resume.", ("Lavrov said on Friday that talks had stalled.",
    ...                                             dt.date(2025, 4, 12))]
    >>> [len(a.statements) for a in pt.parse_many(texts)]
    [1, 1]
    """
    given: object = items
    if isinstance(given, (str, bytes, bytearray)) or not isinstance(given, Iterable):
        # a str would be parsed one character at a time
        raise TypeError(
            f"parse_many takes an iterable of texts or (text, published) pairs, "
            f"got {type(given).__name__}; use parse() for one text"
        )
    if workers is not None and (
        not isinstance(workers, int) or isinstance(workers, bool) or workers < 1
    ):
        raise ValueError(f"workers must be a positive int or None, got {workers!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int, got {chunksize!r}")
    pairs = (_split(item) for item in items)
    if workers is None or workers == 1:
        from peacetalks._parse import parse

        for text, published in pairs:
            yield parse(text, published=published, gazetteer=gazetteer)
        return
    yield from _parallel(pairs, workers, chunksize, gazetteer)


def _parallel(
    pairs: Iterator[tuple[str, dt.date | None]],
    workers: int,
    chunksize: int,
    gazetteer: Gazetteer | None,
) -> Iterator[Article]:
    in_flight: deque[Future[list[Article]]] = deque()
    limit = 2 * workers
    records = None if gazetteer is None else gazetteer._records
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(records,))
    try:
        while True:
            while len(in_flight) < limit:
                chunk = list(itertools.islice(pairs, chunksize))
                if not chunk:
                    break
                in_flight.append(pool.submit(_parse_chunk, chunk))
            if not in_flight:
                return
            yield from in_flight.popleft().result()
    finally:
        # on an error, or when the caller stops reading, chunks not yet started are dropped
        pool.shutdown(wait=True, cancel_futures=True)
