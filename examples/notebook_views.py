"""Cookbook: the pictures a notebook shows, written to files.

    python examples/notebook_views.py [OUTPUT_FOLDER]

In Jupyter an ``Article`` shows itself highlighted (``Article._repr_html_``), and
``peacetalks.plot.timeline`` draws a corpus over time. This script writes the same views as
files into OUTPUT_FOLDER (a new temporary folder by default): one self-contained HTML page per
bundled sample article, and a timeline of all of them as a PNG picture. The picture needs
matplotlib (``pip install 'peacetalks[plot]'``); without it the script says so and writes the
pages only.
"""

# test-args: {tmp}

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import peacetalks as pt


def write_pages(articles: list[tuple[str, pt.Article]], folder: Path) -> list[Path]:
    """One HTML page per article; each opens in any browser, with no network."""
    paths = []
    for key, article in articles:
        path = folder / f"{key}.html"
        path.write_text(pt.to_html(article), encoding="utf-8")
        paths.append(path)
    return paths


def write_timeline(corpus: pt.Collection, path: Path) -> bool:
    """The corpus's timeline as a PNG picture; ``False`` when matplotlib is missing."""
    try:
        import matplotlib
    except ImportError:
        return False
    matplotlib.use("Agg")  # no window: draw straight into the file
    import peacetalks.plot

    ax = peacetalks.plot.timeline(
        corpus, since=dt.date(2025, 5, 1), title="Bundled samples, May to October 2025"
    )
    ax.get_figure().savefig(path, dpi=110)  # type: ignore[union-attr]
    return True


def main(argv: list[str] | None = None) -> None:
    """Write the pages and the picture, and say where."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="peacetalks-"))
    folder.mkdir(parents=True, exist_ok=True)
    samples = pt.samples()
    keys = [s.name.removesuffix(".txt") for s in samples]
    articles = list(zip(keys, pt.parse_many(s.pair for s in samples), strict=True))
    for path in write_pages(articles, folder):
        print(f"page: {path}")
    picture = folder / "timeline.png"
    if write_timeline(pt.Collection.from_articles(articles), picture):
        print(f"timeline: {picture}")
    else:
        print("timeline: skipped, matplotlib is not installed (pip install 'peacetalks[plot]')")


if __name__ == "__main__":
    main()
