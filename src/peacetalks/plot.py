"""Pictures of a corpus with matplotlib, an optional extra (``pip install 'peacetalks[plot]'``).

``import peacetalks`` never imports matplotlib; the functions here import it when called and
raise an ``ImportError`` that names the extra when it is missing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from peacetalks._collection import Collection, TimelineEntry
from peacetalks._compare import EventCluster
from peacetalks._model import Article, Demand

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["timeline"]

# the colours of the HTML view (peacetalks.to_html), so that a reader learns them once
_POLARITY_STYLE = {
    "demand": ("o", "#2e7dd7"),
    "reject": ("X", "#d43c3c"),
    "accept": ("^", "#2e9d57"),
    "disavow": ("v", "#9b59b6"),
}
_EVENT_COLOUR = "#e08a00"


def _matplotlib() -> Any:
    """matplotlib with the submodules used here (typed ``Any``: parts of it are untyped)."""
    try:
        import matplotlib
        import matplotlib.dates
        import matplotlib.lines
    except ImportError as exc:
        raise ImportError(
            "peacetalks.plot needs matplotlib, an optional extra: pip install 'peacetalks[plot]'"
        ) from exc
    return matplotlib


def _span(entry: TimelineEntry) -> tuple[dt.date, dt.date] | None:
    earliest, latest = entry.date.earliest, entry.date.latest
    if earliest is None:
        return None if latest is None else (latest, latest)
    return earliest, latest if latest is not None else earliest


def _middle(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def timeline(
    source: Collection | Iterable[Article],
    /,
    *,
    ax: Axes | None = None,
    group_by: Literal["holder", "side"] = "holder",
    holders: Sequence[str] | None = None,
    max_holders: int = 12,
    labels: bool = True,
    since: dt.date | None = None,
    until: dt.date | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a corpus's demands by holder and its merged events over time; return the axes.

    One row per holder (actor id, shown by name; ``group_by="side"`` gives one row per
    country instead) with a mark per demand, its shape and colour saying the stance (demand,
    reject, accept, disavow, the colours of ``to_html``) and, with ``labels``, its topic
    written beside it; below them one row per event type, a square per merged event, larger
    when more reports tell of it. A record dated only by its article's publication date is
    drawn hollow; a date that spans several days (a month, "late February") is drawn as a bar.
    Records whose date is unknown are left out, and the caption says how many.

    ``source`` is a ``Collection`` or an iterable of articles; ``ax`` an axes to draw into
    (a new figure is made with ``matplotlib.pyplot`` when it is ``None``); ``holders`` the
    holder ids (or country codes, with ``group_by="side"``) to show, in order, else the
    ``max_holders`` with the most demands; ``since`` and ``until`` leave out records that lie
    wholly before or after those days.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import peacetalks as pt
    >>> from peacetalks.plot import timeline
    >>> corpus = pt.Collection(pt.parse_many(s.pair for s in pt.samples()))
    >>> ax = timeline(corpus, title="2025 talks")
    >>> ax.get_title()
    '2025 talks'
    >>> ax.figure.savefig(__import__("io").BytesIO(), format="png")
    """
    mpl = _matplotlib()
    mdates, Line2D = mpl.dates, mpl.lines.Line2D  # noqa: N806

    corpus = source if isinstance(source, Collection) else Collection(source)
    if group_by not in ("holder", "side"):
        raise ValueError(f"group_by must be 'holder' or 'side', got {group_by!r}")
    if not isinstance(max_holders, int) or max_holders < 1:
        raise ValueError(f"max_holders must be a positive int, got {max_holders!r}")

    entries = corpus.timeline()
    actors = corpus.actors()

    def lane_of(demand: Demand) -> str:
        if group_by == "side":
            return demand.side or demand.holder
        return demand.holder

    demand_entries = [e for e in entries if isinstance(e.record, Demand)]
    event_entries = [e for e in entries if isinstance(e.record, EventCluster)]
    if holders is not None:
        lanes = list(dict.fromkeys(holders))
    else:
        counts = Counter(lane_of(e.record) for e in demand_entries if isinstance(e.record, Demand))
        lanes = [lane for lane, _ in counts.most_common(max_holders)]
    event_types = sorted(
        {e.record.type.value for e in event_entries if isinstance(e.record, EventCluster)}
    )
    rows = lanes + [f"event:{t}" for t in event_types]
    position = {row: len(rows) - 1 - index for index, row in enumerate(rows)}

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(11, 1.6 + 0.42 * max(len(rows), 2)), layout="constrained")
    assert ax is not None

    skipped = outside = 0
    drawn = 0
    words: dict[tuple[int, float], list[str]] = {}
    for entry in entries:
        span = _span(entry)
        record = entry.record
        if isinstance(record, Demand):
            row = lane_of(record)
            if row not in position:
                continue
            marker, colour = _POLARITY_STYLE[record.polarity.value]
            size = 60.0
            label = record.topic.value
        else:
            row = f"event:{record.type.value}"
            marker, colour = "s", _EVENT_COLOUR
            size = 45.0 + 25.0 * (len(record.events) - 1)
            label = None
        if span is None:
            skipped += 1
            continue
        start, end = span
        if (since is not None and end < since) or (until is not None and start > until):
            outside += 1
            continue
        y = position[row]
        x0, x1, x = (float(mdates.date2num(d)) for d in (start, end, _middle(start, end)))
        if end > start:
            ax.plot([x0, x1], [y, y], color=colour, linewidth=3, alpha=0.35)
        hollow = entry.dated_by == "published"
        ax.scatter(
            [x],
            [y],
            s=size,
            marker=marker,
            facecolors="none" if hollow else colour,
            edgecolors=colour,
            linewidths=1.5,
            zorder=3,
        )
        if label:
            # marks on one row and day share one label, or their words would overprint
            words.setdefault((y, x), []).append(label)
        drawn += 1
    if labels:
        for (y, day), said in words.items():
            ax.annotate(
                ", ".join(dict.fromkeys(said)),
                (day, y),
                xytext=(5, 5),
                textcoords="offset points",
                fontsize=7,
                color="#333333",
            )

    def row_label(row: str) -> str:
        if row.startswith("event:"):
            return row.removeprefix("event:")
        actor = actors.get(row)
        return actor.name if actor is not None else row

    ax.set_yticks([position[row] for row in rows], [row_label(row) for row in rows])
    ax.set_ylim(-0.8, max(len(rows) - 0.2, 0.8))
    if lanes and event_types:
        ax.axhline(len(event_types) - 0.5, color="#bbbbbb", linewidth=0.8)
    locator = mdates.AutoDateLocator()
    ax.xaxis_date()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#eeeeee")
    handles = [
        Line2D([], [], marker=m, color=c, linestyle="", label=polarity)
        for polarity, (m, c) in _POLARITY_STYLE.items()
    ]
    handles.append(Line2D([], [], marker="s", color=_EVENT_COLOUR, linestyle="", label="event"))
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            color="#555555",
            markerfacecolor="none",
            linestyle="",
            label="dated by publication",
        )
    )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    caption = f"{drawn} records drawn"
    if skipped:
        caption += f"; {skipped} with an unknown date left out"
    if outside:
        caption += f"; {outside} outside the dates shown"
    ax.set_xlabel(caption, fontsize=8, color="#555555")
    if title is not None:
        ax.set_title(title)
    return ax
