"""A check that a function's time grows no faster than its input (for the linear-time tests)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def timings(
    run: Callable[[str], object], make: Callable[[int], str], size: int, *, repeats: int = 2
) -> tuple[float, float]:
    """The CPU seconds ``run`` takes on inputs of ``size`` and ``2 * size`` characters.

    Times are CPU time of this process (``time.process_time``), so other work on a shared
    machine does not count; the two sizes run ``repeats`` times in turns (small, large, small,
    large) with garbage collection off, and the best time of each is kept.
    """
    small, large = make(size), make(2 * size)
    best = [float("inf"), float("inf")]
    run(make(min(size, 1_000)))  # warm caches and lazily loaded data
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for k, text in enumerate((small, large)):
                start = time.process_time()
                run(text)
                best[k] = min(best[k], time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best[0], best[1]


def growth_ratio(
    run: Callable[[str], object], make: Callable[[int], str], size: int, *, repeats: int = 2
) -> float:
    """Time ``run`` on inputs of ``size`` and ``2 * size`` characters; return the ratio.

    A ratio under 3 for double the input means no worse than linear, with slack for noise.
    """
    small, large = timings(run, make, size, repeats=repeats)
    return large / max(small, 1e-3)


def linear_enough(
    run: Callable[[str], object],
    make: Callable[[int], str],
    size: int,
    *,
    limit: float = 3.0,
    attempts: int = 3,
) -> tuple[float, float]:
    """The best growth ratio over up to ``attempts`` measurements, stopping at the first under
    ``limit`` (a busy machine can spoil one measurement, hardly three in a row), and the CPU
    seconds of the ``2 * size`` run of that measurement.
    """
    best = (float("inf"), 0.0)
    for _ in range(attempts):
        small, large = timings(run, make, size, repeats=1)
        ratio = large / max(small, 1e-3)
        if ratio < best[0]:
            best = (ratio, large)
        if ratio < limit:
            break
    return best
