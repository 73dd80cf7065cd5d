"""Seconds per megabyte of every extractor on every hostile input shape (issue 9).

Run from the project's root::

    PYTHONPATH=src:. python benchmarks/bench_hostile.py [SIZE] [EXTRACTOR ...]

SIZE is the larger input in characters (default 1,000,000); each shape is also read at half
that size, and the ratio of the two times is printed (under 3 means linear with slack). Times
are CPU times of this process (``process_time``), the best of two turns, so that other work on
a shared machine does not count. The last lines give each extractor's slowest shape.
"""

from __future__ import annotations

import sys
from functools import partial

from tests.hostile import SCALED_KINDS, scaled
from tests.linear import timings
from tests.test_hostile_time import EXTRACTORS


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 1_000_000
    names = argv[1:] or list(EXTRACTORS)
    slowest: dict[str, tuple[float, str]] = {}
    print(f"{'extractor':15} {'shape':17} {'s/MB':>7} {'ratio':>6}")
    for name in names:
        for kind in SCALED_KINDS:
            small, large = timings(EXTRACTORS[name], partial(scaled, kind), size // 2)
            per_mb = large / (size / 1e6)
            ratio = large / max(small, 1e-3)
            print(f"{name:15} {kind:17} {per_mb:7.2f} {ratio:6.2f}", flush=True)
            if per_mb > slowest.get(name, (0.0, ""))[0]:
                slowest[name] = (per_mb, kind)
    for name, (per_mb, kind) in slowest.items():
        print(f"slowest for {name}: {kind} at {per_mb:.1f} s/MB")


if __name__ == "__main__":
    main(sys.argv[1:])
