"""How fast ``parse`` reads news, how much memory it needs, and what a second worker gives.

Run from the project's root (``peacetalks`` importable, e.g. ``pip install -e .``):

    python benchmarks/bench_parse.py                        # 10 MB serial, 50 MB on 1 and 2 workers
    python benchmarks/bench_parse.py --mb 2 --parallel-mb 5 # a quick run
    python benchmarks/bench_parse.py --parallel-mb 0        # serial figures only

The articles are the shared seed articles (``../shared/corpus/seeds``), or, where that folder
is absent, the samples bundled with the package.

1. **Serial.** The articles, cycled until their text reaches ``--mb`` megabytes (millions of
   characters), each parsed as its own article in this process: characters and articles per
   second, and the process's peak resident memory (``resource.getrusage``). Then, for each
   distinct article, the peak of Python allocations during one ``parse`` (``tracemalloc``,
   measured apart because tracing slows parsing down).
2. **One long document.** The articles joined into one text of each ``--long`` size, parsed
   once: characters per second, to show how the cost grows with the length of one text, and
   the process's peak memory after each.
3. **Parallel.** A synthetic corpus of ``--parallel-mb`` megabytes built from the articles
   (their paragraphs rotated, so that no two consecutive articles are the same), fed lazily to
   ``parse_many`` with ``workers=1`` and with ``--workers``, each run in a fresh process: wall
   time, characters per second, the speed-up over one worker, and the peak resident memory of
   the main process (``VmHWM`` on Linux) and of the largest worker (``RUSAGE_CHILDREN``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import peacetalks as pt

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
MEGA = 1_000_000


def _articles() -> tuple[str, list[str]]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if files:
        return f"{len(files)} seed articles from {SEEDS}", [
            f.read_text(encoding="utf-8") for f in files
        ]
    samples = pt.samples()
    return f"{len(samples)} bundled samples (no {SEEDS})", [s.text for s in samples]


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process (or of its largest finished child)."""
    if who == resource.RUSAGE_SELF:
        # Linux keeps ru_maxrss across execve, so a process started from a big one would
        # report its parent's peak; VmHWM belongs to this process's own address space
        try:
            status = Path("/proc/self/status").read_text(encoding="ascii")
        except OSError:
            status = ""
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 1e6


def _synthetic(texts: list[str], size: int) -> Iterator[tuple[str, dt.date]]:
    """Articles built from ``texts`` until ``size`` characters, made on demand."""
    paragraphs = [text.split("\n\n") for text in texts]
    made = 0
    for n in itertools.count():
        parts = paragraphs[n % len(paragraphs)]
        turn = (n // len(paragraphs)) % len(parts)
        text = "\n\n".join(parts[turn:] + parts[:turn])
        yield text, dt.date(2025, 1, 1) + dt.timedelta(days=n % 365)
        made += len(text)
        if made >= size:
            return


def _serial(texts: list[str], size: int) -> None:
    pt.parse(texts[0])  # loads the gazetteer and the word lists once, outside the timing
    chars = count = 0
    start = time.perf_counter()
    for text in itertools.cycle(texts):
        pt.parse(text)
        chars += len(text)
        count += 1
        if chars >= size:
            break
    seconds = time.perf_counter() - start
    print(f"serial: {chars:,} characters in {count:,} articles, {seconds:.1f} s")
    print(f"  {chars / seconds:,.0f} characters/s, {count / seconds:,.1f} articles/s")
    print(f"  peak resident memory of the process: {_rss_mb():.0f} MB")
    peaks = []
    for text in texts:
        tracemalloc.start()
        pt.parse(text)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    sizes = ", ".join(f"{len(t):,}" for t in texts)
    print(
        f"  tracemalloc peak of one parse: {min(peaks) / 1e6:.1f} to {max(peaks) / 1e6:.1f} MB"
        f" for articles of {sizes} characters"
    )


def _long(texts: list[str], sizes: list[float]) -> None:
    for mb in sizes:
        target = int(mb * MEGA)
        parts: list[str] = []
        total = 0
        for text in itertools.cycle(texts):
            parts.append(text)
            total += len(text) + 2
            if total >= target:
                break
        document = "\n\n".join(parts)
        start = time.perf_counter()
        article = pt.parse(document)
        seconds = time.perf_counter() - start
        print(
            f"one document of {len(document):,} characters: {seconds:.1f} s, "
            f"{len(document) / seconds:,.0f} characters/s ({len(article.statements):,} "
            f"statements); peak memory so far {_rss_mb():.0f} MB"
        )


def _child(texts: list[str], size: int, workers: int) -> None:
    """One parallel run, in a fresh process; prints its figures as JSON."""
    chars = count = 0

    def feed() -> Iterator[tuple[str, dt.date]]:
        nonlocal chars
        for text, published in _synthetic(texts, size):
            chars += len(text)
            yield text, published

    pt.parse(texts[0])  # as in the serial run: load the data before the clock starts
    start = time.perf_counter()
    for _ in pt.parse_many(feed(), workers=workers):
        count += 1
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "workers": workers,
                "chars": chars,
                "articles": count,
                "seconds": seconds,
                "main_rss_mb": _rss_mb(),
                "worker_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None,
            }
        )
    )


def _parallel(size: int, workers: int) -> None:
    runs = []
    for n in sorted({1, workers}):
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(n), "--parallel-mb", str(size / MEGA)],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ.copy(),
        )
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    base = runs[0]["seconds"]
    print(f"parallel: a synthetic corpus of {runs[0]['chars']:,} characters")
    print(f"  {runs[0]['articles']:,} articles, fed lazily to parse_many; {os.cpu_count()} CPUs")
    for run in runs:
        worker = f", largest worker {run['worker_rss_mb']:.0f} MB" if run["worker_rss_mb"] else ""
        print(
            f"  workers={run['workers']}: {run['seconds']:.1f} s, "
            f"{run['chars'] / run['seconds']:,.0f} characters/s, "
            f"speed-up {base / run['seconds']:.2f}x; peak memory: main process "
            f"{run['main_rss_mb']:.0f} MB{worker}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=10, help="serial run size (default 10)")
    parser.add_argument(
        "--long",
        type=float,
        nargs="*",
        default=[0.1, 0.4],
        help="sizes in MB of single long documents (default 0.1 0.4)",
    )
    parser.add_argument(
        "--parallel-mb", type=float, default=50, help="parallel run size (default 50; 0 skips)"
    )
    parser.add_argument("--workers", type=int, default=2, help="workers to compare with one")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    source, texts = _articles()
    if args.child is not None:
        _child(texts, int(args.parallel_mb * MEGA), args.child)
        return
    print(f"peacetalks {pt.__version__}, Python {sys.version.split()[0]}; {source}")
    if args.mb > 0:
        _serial(texts, int(args.mb * MEGA))
    if args.long:
        _long(texts, args.long)
    if args.parallel_mb > 0:
        _parallel(int(args.parallel_mb * MEGA), args.workers)


if __name__ == "__main__":
    main()
