"""Hostile input (issue 9): time grows no faster than the input, for every extractor.

Each extractor reads inputs of the shapes in ``tests.hostile.SCALED`` (runs of quote marks,
trigger words, line breaks, digits, titles, ...) at 50 KB and 100 KB, and, behind the ``slow``
marker, at 500 KB and 1 MB; doubling the input must less than triple the CPU time. A busy
machine can spoil one measurement, so each is tried up to three times (tests.linear).
``benchmarks/bench_hostile.py`` prints the seconds per megabyte of every shape.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

import peacetalks as pt
from peacetalks._text import prepare
from tests.hostile import SCALED_KINDS, scaled
from tests.linear import linear_enough

EXTRACTORS: dict[str, Callable[[str], object]] = {
    "parse": pt.parse,
    "find_dates": pt.find_dates,
    "scan": pt.Gazetteer.default().scan,
    "prepare": prepare,
    "normalize_name": pt.normalize_name,
}

# In the default run each extractor meets the shapes built against it (its patterns, its
# loops) and those that once made it quadratic; the slow run gives every extractor every shape.
TARGETS: dict[str, tuple[str, ...]] = {
    "parse": (
        "news",
        "open-quotes",
        "talks",
        "strikes",
        "urged",
        "refuses",
        "quoted-sentences",
        "blank-lines",
        "for-digits",
    ),
    "find_dates": (
        "one-line",
        "digits",
        "digit-runs",
        "months",
        "commas",
        "dates-commas",
        "percent",
        "huge-numbers",
        "for-digits",
        "short-lines",
        "zero-width",
        "by-lines",
    ),
    "scan": (
        "one-line",
        "capitals",
        "mr",
        "possessives",
        "initials",
        "apostrophes",
        "datelines",
        "colon-names",
        "caps-lines",
        "refuses",
        "no-spaces",
    ),
    "prepare": (
        "news",
        "open-quotes",
        "mixed-quotes",
        "brackets",
        "apostrophes",
        "tags",
        "entities",
        "cr",
        "blank-lines",
        "bullets",
        "short-lines",
        "caps-lines",
        "datelines",
        "by-lines",
        "colon-names",
        "mr",
        "nfd",
        "emoji",
        "glued-bylines",
        "copyright-spaces",
        "dateline-credits",
        "spaced-labels",
    ),
    "normalize_name": (
        "capitals",
        "mr",
        "initials",
        "apostrophes",
        "possessives",
        "nfd",
        "entities",
        "said",
        "by-lines",
        "no-spaces",
    ),
}


def _cases(sizes: str) -> list[object]:
    out: list[object] = []
    for name in EXTRACTORS:
        for kind in SCALED_KINDS:
            if sizes == "100 KB" and kind not in TARGETS[name]:
                continue
            out.append(pytest.param(name, kind, id=f"{name}-{kind}"))
    return out


@pytest.mark.parametrize(("name", "kind"), _cases("100 KB"))
def test_time_grows_linearly_up_to_100_kb(name: str, kind: str) -> None:
    ratio, seconds = linear_enough(EXTRACTORS[name], partial(scaled, kind), 50_000)
    assert ratio < 3.0, (name, kind, ratio, seconds)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "kind"), _cases("1 MB"))
def test_time_grows_linearly_up_to_1_mb(name: str, kind: str) -> None:
    ratio, seconds = linear_enough(EXTRACTORS[name], partial(scaled, kind), 500_000)
    print(f"{name} {kind}: {seconds:.2f} s per MB, ratio {ratio:.2f}")  # shown with -rP
    assert ratio < 3.0, (name, kind, ratio, seconds)
    assert seconds < 120, (name, kind, seconds)  # a megabyte in minutes would be a hang


def test_every_shape_is_as_long_as_asked_and_targets_name_real_shapes() -> None:
    for kind in SCALED_KINDS:
        assert len(scaled(kind, 12_345)) == 12_345
    assert set(TARGETS) == set(EXTRACTORS)
    assert {kind for kinds in TARGETS.values() for kind in kinds} <= set(SCALED_KINDS)
