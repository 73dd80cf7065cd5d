"""Read ``to_html`` output back the way a browser would, to check its structure.

``read_page`` parses the HTML with the standard library's ``html.parser``, checks that every
tag closes in order, and rebuilds the article text from the highlighted body, keeping for each
character the classes of the marks around it, so tests can ask whether a record's span is
marked.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

import peacetalks as pt

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
_URL = re.compile(r"(?i)\b(?:https?:|ftp:|//[a-z0-9])|url\(")


@attrs.define
class Page:
    """What a reader of the page sees: its text, the marks on it, labels, legend, tags."""

    text: str = ""
    classes: list[frozenset[str]] = attrs.Factory(list)
    titles: list[str] = attrs.Factory(list)
    labels: list[tuple[int, str]] = attrs.Factory(list)  # (offset in text, speaker label)
    legend: list[str] = attrs.Factory(list)
    tags: set[str] = attrs.Factory(set)
    attributes: list[tuple[str, str]] = attrs.Factory(list)
    styles: list[str] = attrs.Factory(list)
    tables: list[str] = attrs.Factory(list)

    def marked(self, span: pt.Span, css: str) -> bool:
        """Whether every character of ``span`` lies inside a mark of class ``css``."""
        return all(css in self.classes[i] for i in range(span.start, span.end))


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.tags.add(tag)
        self.page.attributes.extend((name, value) for name, value in values.items())
        classes = frozenset(values.get("class", "").split())
        if tag in VOID:
            return
        self.stack.append((tag, classes))
        self.titles.append(values.get("title", ""))
        if "pt-records" in classes:
            self.page.tables.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.add(tag)
        self.page.attributes.extend((name, value or "") for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        self.titles.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def _inside(self, css: str) -> bool:
        return any(css in classes for _, classes in self.stack)

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.page.styles.append(data)
        elif self._inside("pt-speaker"):
            self.page.labels.append((len(self.page.text), data))
        elif self._inside("pt-text"):
            marks = frozenset(c for _, classes in self.stack for c in classes)
            title = next((t for t in reversed(self.titles) if t), "")
            self.page.text += data
            self.page.classes.extend([marks] * len(data))
            self.page.titles.extend([title] * len(data))
        elif self._inside("pt-legend"):
            self.page.legend.append(data)
        elif self._inside("pt-records"):
            self.page.tables[-1] += data


def read_page(markup: str) -> Page:
    """The page as a reader sees it; fails on tags that do not close in order."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"unclosed tags: {[tag for tag, _ in reader.stack]}"
    return reader.page


def check_article_page(article: pt.Article, markup: str) -> Page:
    """Every check a page of ``article`` must pass; returns the page for more."""
    page = read_page(markup)
    # the text reads exactly as the article, with nothing lost, added or reordered
    assert page.text == article.text
    # self-contained: no script, no frames, nothing fetched from elsewhere
    assert not page.tags & {"script", "iframe", "object", "embed", "link", "img"}
    for name, value in page.attributes:
        assert not name.startswith("on"), f"event handler attribute {name}"
        assert not _URL.search(value), f"external reference in {name}={value!r}"
    for css in page.styles:
        assert not _URL.search(css), "external reference in the style sheet"
    # a legend names every kind of mark
    legend = " ".join(page.legend)
    for word in ("statement", "demand", "rejection", "event", "actor", "place", "date"):
        assert word in legend, word
    # every statement is highlighted over its whole span and labelled with its speaker
    names = {a.id: a.name for a in article.actors}
    for s in article.statements:
        assert page.marked(s.span, "pt-statement"), s.id
        if s.quote:
            assert page.marked(s.span, "pt-quote"), s.id
        who = names.get(s.speaker, s.speaker) if s.speaker else "unknown speaker"
        assert (s.span.start, who + ("?" if s.inferred else "")) in page.labels, s.id
    assert len(page.labels) == len(article.statements)
    for d in article.demands:
        assert page.marked(d.span, "pt-demand"), d.id
        assert page.marked(d.span, f"pt-{d.polarity.value}"), d.id
    for e in article.events:
        assert page.marked(e.span, "pt-event"), e.id
    for m in article.dates:
        assert page.marked(m.span, "pt-date"), m.text
    for mention in article.mentions:
        assert page.marked(mention.span, f"pt-{mention.kind.value}"), mention.text
    # the tables list every record
    tables = " ".join(page.tables)
    records: list[pt.Statement | pt.Demand | pt.Event] = [
        *article.statements,
        *article.demands,
        *article.events,
    ]
    for record in records:
        assert record.id in tables
    return page
