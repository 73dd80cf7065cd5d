"""``to_html`` and ``Article._repr_html_`` read back as a browser would (see ``html_check``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

import peacetalks as pt
from tests.html_check import check_article_page, read_page
from tests.strategies import articles


def _article() -> pt.Article:
    text = (
        'Peskov said talks would resume. "We will not give up Donetsk," Zelenskyy said on '
        "11 April, after a strike on Kyiv killed 8 people. <b>&amp;</b>"
    )

    def span(part: str) -> pt.Span:
        start = text.index(part)
        return pt.Span(start, start + len(part))

    def slice_(part: str) -> str:
        return span(part).of(text)

    april = pt.TimePoint(
        value="2025-04-11",
        kind="date",
        granularity="day",
        earliest=dt.date(2025, 4, 11),
        latest=dt.date(2025, 4, 11),
    )
    return pt.Article(
        text=text,
        title="Talks <and> strikes",
        published=dt.date(2025, 4, 12),
        actors=[
            pt.Actor(id="person:dmitry-peskov", name="Dmitry Peskov", kind="person"),
            pt.Actor(id="person:volodymyr-zelenskyy", name="Volodymyr Zelenskyy", kind="person"),
        ],
        places=[pt.Place(id="place:kyiv", name="Kyiv", kind="city", country="UKR")],
        mentions=[
            pt.Mention(
                span=span("Peskov"), text="Peskov", kind="actor", ref="person:dmitry-peskov"
            ),
            pt.Mention(span=span("Kyiv"), text="Kyiv", kind="place", ref="place:kyiv"),
        ],
        statements=[
            pt.Statement(
                id="s1",
                span=span("talks would resume"),
                text=slice_("talks would resume"),
                speaker="person:dmitry-peskov",
                cue="say",
            ),
            pt.Statement(
                id="s2",
                span=span("We will not give up Donetsk,"),
                text=slice_("We will not give up Donetsk,"),
                speaker="person:volodymyr-zelenskyy",
                quote=True,
                cue="say",
                date=april,
            ),
            pt.Statement(id="s3", span=pt.Span(len(text), len(text)), text="", inferred=True),
        ],
        demands=[
            pt.Demand(
                id="d1",
                holder="person:volodymyr-zelenskyy",
                topic="territory",
                polarity="reject",
                span=span("not give up Donetsk"),
                text=slice_("not give up Donetsk"),
            )
        ],
        events=[
            pt.Event(
                id="e1",
                type="attack",
                span=span("a strike on Kyiv killed 8 people"),
                text=slice_("a strike on Kyiv killed 8 people"),
                location="place:kyiv",
                figures=[pt.Figure("killed", 8)],
            )
        ],
        dates=[pt.DateMention(span=span("11 April"), text="11 April", time=april)],
        furniture=[span("<b>&amp;</b>")],
    )


def test_a_page_reads_back_as_the_article_with_every_record_marked() -> None:
    article = _article()
    page = check_article_page(article, pt.to_html(article))
    assert page.text.endswith("<b>&amp;</b>")  # markup in the text is text, not markup
    assert (page.text.index("talks"), "Dmitry Peskov") in page.labels
    assert (len(article.text), "unknown speaker?") in page.labels
    assert page.marked(article.furniture[0], "pt-furniture")
    assert not page.marked(pt.Span(0, 6), "pt-statement")


def test_a_page_is_a_whole_document_and_a_fragment_is_not() -> None:
    article = _article()
    page = pt.to_html(article)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Talks &lt;and&gt; strikes</title>" in page
    assert '<meta charset="utf-8">' in page
    fragment = article._repr_html_()
    assert fragment == pt.to_html(article, full_page=False)
    assert "<html" not in fragment
    assert "<body" not in fragment
    assert fragment.startswith("<style>")
    check_article_page(article, fragment)


def test_tooltips_say_what_each_mark_is() -> None:
    article = _article()
    page = read_page(pt.to_html(article))
    start = article.text.index("Kyiv")
    assert "place: Kyiv" in page.titles[start]
    assert "event: attack (occurred)" in page.titles[start]
    assert "date: 2025-04-11" in page.titles[article.text.index("11 April")]


def test_a_sample_article_page() -> None:
    sample = pt.samples()[0]
    article = pt.parse(sample.text, published=sample.published)
    check_article_page(article, pt.to_html(article))
    check_article_page(article, article._repr_html_())


@given(articles())
def test_any_article_gives_a_well_formed_page(article: pt.Article) -> None:
    check_article_page(article, pt.to_html(article))


def test_a_bad_argument() -> None:
    with pytest.raises(TypeError, match="to_html expects an Article"):
        pt.to_html("text")  # type: ignore[arg-type]
