"""A check that a function's time grows no faster than its input (for the linear-time tests)."""

from __future__ import annotations

import time
from collections.abc import Callable


def growth_ratio(
    run: Callable[[str], object], make: Callable[[int], str], size: int, *, repeats: int = 3
) -> float:
    """Time ``run`` on inputs of ``size`` and ``2 * size`` characters; return the ratio.

    The best of ``repeats`` runs is taken for each size, which filters out a busy machine's
    noise; a ratio under 3 for double the input means no worse than linear with some slack.
    """
    small, large = make(size), make(2 * size)

    def best(text: str) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - start)
        return min(times)

    best(small)  # warm caches and lazily loaded data
    t_small, t_large = best(small), best(large)
    return t_large / max(t_small, 1e-4)
