"""An article as self-contained HTML: the text with every record highlighted, and a legend.

No JavaScript, no network, no external fonts: one string that opens in any browser and renders
in a notebook (``Article._repr_html_``). Overlapping highlights are flattened: the text is cut
at every span boundary and each piece carries the classes of all spans that cover it, so the
markup never nests tags across each other.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable

from peacetalks._model import Article

__all__ = ["to_html"]

_CSS = """
.pt-article{font:15px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1f;max-width:52em;margin:1.5em auto;padding:0 1em}
.pt-article h1{font:600 1.4em/1.3 system-ui,sans-serif;margin:.2em 0}
.pt-meta{font:13px system-ui,sans-serif;color:#555;margin-bottom:1em}
.pt-legend{font:12px system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:.4em 1em;margin:.8em 0 1.2em;padding:.5em .7em;border:1px solid #ddd;border-radius:6px;background:#fafafa}
.pt-legend span{white-space:nowrap}
.pt-text{white-space:pre-wrap}
.pt-statement{background:#fff3c4;border-radius:2px}
.pt-statement.pt-quote{background:#ffe08a}
.pt-speaker{font:600 10px system-ui,sans-serif;color:#fff;background:#8a6d00;border-radius:3px;padding:0 .35em;margin-right:.2em;vertical-align:1px;white-space:nowrap}
.pt-demand{border-bottom:2.5px solid #2e7dd7}
.pt-demand.pt-reject{border-bottom-color:#d43c3c}
.pt-demand.pt-accept{border-bottom-color:#2e9d57}
.pt-demand.pt-disavow{border-bottom-color:#9b59b6}
.pt-event{box-shadow:inset 0 -.45em 0 #cfe8ff}
.pt-actor{font-weight:600;color:#0b5394}
.pt-place{font-weight:600;color:#38761d}
.pt-date{text-decoration:underline dotted #b45f06;text-decoration-thickness:2px}
.pt-furniture{color:#999}
.pt-records{font:13px system-ui,sans-serif;margin-top:1.5em;border-collapse:collapse;width:100%}
.pt-records caption{text-align:left;font-weight:600;margin:.6em 0 .2em}
.pt-records td,.pt-records th{border-top:1px solid #e5e5e5;padding:.25em .5em;text-align:left;vertical-align:top}
.pt-swatch{display:inline-block;width:1.6em;height:.9em;vertical-align:-1px;margin-right:.3em;border-radius:2px}
"""

_LEGEND = (
    ("background:#fff3c4", "statement (reported)"),
    ("background:#ffe08a", "statement (quote)"),
    ("border-bottom:3px solid #2e7dd7", "demand"),
    ("border-bottom:3px solid #d43c3c", "rejection"),
    ("border-bottom:3px solid #2e9d57", "acceptance"),
    ("border-bottom:3px solid #9b59b6", "disavowal"),
    ("box-shadow:inset 0 -.45em 0 #cfe8ff", "event"),
    ("color:#0b5394;font-weight:600", "actor"),
    ("color:#38761d;font-weight:600", "place"),
    ("text-decoration:underline dotted #b45f06", "date"),
    ("color:#999", "site furniture"),
)


def to_html(article: Article, /, *, full_page: bool = True) -> str:
    """The article as HTML with statements, demands, events, actors, places and dates marked.

    With ``full_page`` (the default) a complete document for a browser; without it, a fragment
    for a notebook cell. Every statement starts with a label naming its speaker; hovering any
    mark shows what it is (a ``title`` tooltip). Tables of the records follow the text.

    >>> import peacetalks as pt
    >>> text = "Peskov said talks would resume."
    >>> article = pt.Article(text=text, statements=[pt.Statement(id="s1", span=pt.Span(12, 30),
    ...     text=text[12:30], speaker="person:dmitry-peskov")])
    >>> page = pt.to_html(article)
    >>> page.startswith("<!DOCTYPE html>"), 'class="pt-statement' in page
    (True, True)
    """
    if not isinstance(article, Article):
        raise TypeError(f"to_html expects an Article, got {type(article).__name__}")
    names = {a.id: a.name for a in article.actors} | {p.id: p.name for p in article.places}
    marks: list[tuple[int, int, str, str]] = []  # start, end, classes, tooltip
    for span in article.furniture:
        marks.append((span.start, span.end, "pt-furniture", "site furniture"))
    for m in article.mentions:
        marks.append(
            (
                m.span.start,
                m.span.end,
                f"pt-{m.kind.value}",
                f"{m.kind.value}: {names.get(m.ref, m.ref)}",
            )
        )
    for d in article.dates:
        marks.append((d.span.start, d.span.end, "pt-date", f"date: {d.time.value}"))
    for e in article.events:
        tip = f"event: {e.type.value} ({e.status.value})" + (f", {e.date.value}" if e.date else "")
        marks.append((e.span.start, e.span.end, "pt-event", tip))
    for dm in article.demands:
        holder = names.get(dm.holder, dm.holder)
        tip = f"{dm.polarity.value}: {dm.topic.value}, held by {holder}"
        marks.append((dm.span.start, dm.span.end, f"pt-demand pt-{dm.polarity.value}", tip))
    labels: dict[int, list[str]] = {}
    for s in article.statements:
        who = names.get(s.speaker, s.speaker) if s.speaker else "unknown speaker"
        kind = "pt-statement pt-quote" if s.quote else "pt-statement"
        marks.append((s.span.start, s.span.end, kind, f"{who}" + (f" ({s.cue})" if s.cue else "")))
        labels.setdefault(s.span.start, []).append(who + ("?" if s.inferred else ""))
    body = _render(article.text, marks, labels)
    parts = ['<div class="pt-article">']
    if article.title:
        parts.append(f"<h1>{html.escape(article.title)}</h1>")
    meta = [
        f"published {article.published.isoformat()}"
        if article.published
        else "no publication date",
        f"outlet {html.escape(names.get(article.outlet, article.outlet))}"
        if article.outlet
        else "",
        f"dateline {html.escape(article.dateline)}" if article.dateline else "",
        f"{len(article.statements)} statements, {len(article.demands)} demands, {len(article.events)} events",
    ]
    parts.append(f'<div class="pt-meta">{" · ".join(m for m in meta if m)}</div>')
    parts.append(
        '<div class="pt-legend">'
        + "".join(
            f'<span><i class="pt-swatch" style="{style}"></i>{label}</span>'
            for style, label in _LEGEND
        )
        + "</div>"
    )
    parts.append(f'<div class="pt-text">{body}</div>')
    parts.extend(_tables(article, names))
    parts.append("</div>")
    fragment = f"<style>{_CSS}</style>" + "".join(parts)
    if not full_page:
        return fragment
    title = html.escape(article.title or "peacetalks article")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>{fragment}</body></html>\n'
    )


def _render(text: str, marks: list[tuple[int, int, str, str]], labels: dict[int, list[str]]) -> str:
    size = len(text)
    cuts = {0, size}
    for start, end, _, _ in marks:
        cuts.add(min(start, size))
        cuts.add(min(end, size))
    points = sorted(cuts)
    # an index of which marks start at each cut keeps the sweep linear in marks plus cuts
    starts: dict[int, list[int]] = {}
    for index, (start, _, _, _) in enumerate(marks):
        starts.setdefault(start, []).append(index)
    active: list[int] = []
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        active = [i for i in active if marks[i][1] > a] + starts.get(a, [])
        for who in labels.get(a, []):
            out.append(f'<span class="pt-speaker">{html.escape(who)}</span>')
        piece = html.escape(text[a:b])
        covering = [
            marks[i]
            for i in active
            if marks[i][0] <= a and marks[i][1] >= b and marks[i][1] > marks[i][0]
        ]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for _, _, cls, _ in covering for c in cls.split()))
        tips = " | ".join(dict.fromkeys(tip for _, _, _, tip in covering))
        out.append(f'<span class="{classes}" title="{html.escape(tips)}">{piece}</span>')
    return "".join(out)


def _row(cells: Iterable[object]) -> str:
    return (
        "<tr>"
        + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in cells)
        + "</tr>"
    )


def _table(caption: str, header: Iterable[str], rows: list[str]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    return f'<table class="pt-records"><caption>{html.escape(caption)}</caption><tr>{head}</tr>{"".join(rows)}</table>'


def _tables(article: Article, names: dict[str, str]) -> list[str]:
    def name(ref: str | None) -> str:
        return "" if ref is None else names.get(ref, ref)

    statements = [
        _row(
            (
                s.id,
                name(s.speaker),
                s.cue,
                "quote" if s.quote else "reported",
                s.date.value if s.date else "",
                s.text,
            )
        )
        for s in article.statements
    ]
    demands = [
        _row(
            (
                d.id,
                name(d.holder),
                d.polarity.value,
                d.topic.value,
                name(d.target),
                ", ".join(name(o) for o in d.objects),
                d.text,
            )
        )
        for d in article.demands
    ]
    events = [
        _row(
            (
                e.id,
                e.type.value,
                e.status.value,
                e.date.value if e.date else "",
                name(e.location),
                ", ".join(name(p) for p in e.participants),
                ", ".join(f"{f.kind.value} {f.value}" for f in e.figures),
            )
        )
        for e in article.events
    ]
    return [
        _table("Statements", ("id", "speaker", "cue", "form", "date", "what was said"), statements),
        _table(
            "Demands", ("id", "holder", "polarity", "topic", "target", "objects", "text"), demands
        ),
        _table(
            "Events", ("id", "type", "status", "date", "place", "participants", "figures"), events
        ),
    ]
