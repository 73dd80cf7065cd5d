"""``peacetalks.plot.timeline`` draws with matplotlib's Agg backend; skipped without matplotlib."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

import peacetalks as pt

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is an optional extra")
matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from peacetalks.plot import timeline  # noqa: E402


def _day(iso: str) -> pt.TimePoint:
    day = dt.date.fromisoformat(iso)
    return pt.TimePoint(value=iso, kind="date", granularity="day", earliest=day, latest=day)


def _stance(did: str, holder: str, side: str, polarity: str, when: str | None) -> pt.Demand:
    return pt.Demand(
        id=did,
        holder=holder,
        side=side,
        topic="territory",
        polarity=polarity,
        span=pt.Span(0, 0),
        text="",
        date=_day(when) if when else None,
    )


def _corpus() -> pt.Collection:
    kremlin = pt.Actor(id="gov:kremlin", name="Kremlin", kind="government", country="RUS")
    zelenskyy = pt.Actor(
        id="person:volodymyr-zelenskyy", name="Volodymyr Zelenskyy", kind="person", country="UKR"
    )
    march = pt.Article(
        text="",
        published=dt.date(2025, 3, 24),
        actors=[kremlin, zelenskyy],
        demands=[
            _stance("d1", "gov:kremlin", "RUS", "demand", "2025-03-20"),
            _stance("d2", "person:volodymyr-zelenskyy", "UKR", "reject", None),
        ],
        events=[
            pt.Event(id="e1", type="talks", span=pt.Span(0, 0), text="", date=_day("2025-03-23")),
            pt.Event(
                id="e2",
                type="talks",
                span=pt.Span(0, 0),
                text="",
                date=pt.TimePoint(value="XXXX-03-18", kind="date"),
            ),
        ],
    )
    april = pt.Article(
        text="",
        published=dt.date(2025, 4, 14),
        actors=[kremlin],
        demands=[_stance("d1", "gov:kremlin", "RUS", "accept", None)],
        events=[
            pt.Event(
                id="e1",
                type="prisoner-exchange",
                span=pt.Span(0, 0),
                text="",
                date=pt.TimePoint(
                    value="2025-04",
                    kind="date",
                    granularity="month",
                    earliest=dt.date(2025, 4, 1),
                    latest=dt.date(2025, 4, 30),
                ),
            )
        ],
    )
    return pt.Collection([march, april])


def _save(ax: Axes) -> None:
    figure = ax.figure
    assert isinstance(figure, Figure)
    figure.savefig(io.BytesIO(), format="png")


def _marks(ax: object) -> list[PathCollection]:
    return [c for c in ax.collections if isinstance(c, PathCollection)]  # type: ignore[attr-defined]


def test_a_timeline_has_a_row_per_holder_and_event_type() -> None:
    ax = timeline(_corpus(), title="March and April")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Kremlin", "Volodymyr Zelenskyy", "prisoner-exchange", "talks"]
    assert ax.get_title() == "March and April"
    # three demands and two dated events; the undated talks are counted, not drawn
    assert len(_marks(ax)) == 5
    assert "1 with an unknown date left out" in ax.get_xlabel()
    _save(ax)
    plt.close("all")


def test_by_side_and_chosen_holders() -> None:
    ax = timeline(_corpus(), group_by="side")
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["RUS", "UKR"]
    ax = timeline(_corpus(), holders=["person:volodymyr-zelenskyy"])
    assert ax.get_yticklabels()[0].get_text() == "Volodymyr Zelenskyy"
    assert len(_marks(ax)) == 3
    plt.close("all")


def test_dates_outside_are_left_out() -> None:
    ax = timeline(_corpus(), since=dt.date(2025, 4, 1))
    assert len(_marks(ax)) == 2
    assert "3 outside the dates shown" in ax.get_xlabel()
    plt.close("all")


def test_into_given_axes_and_from_a_list_of_articles() -> None:
    figure, ax = plt.subplots()
    assert timeline(list(_corpus().articles), ax=ax) is ax
    plt.close(figure)


def test_an_empty_corpus_draws_an_empty_picture() -> None:
    ax = timeline([])
    assert ax.get_yticklabels() == []
    assert ax.get_xlabel() == "0 records drawn"
    plt.close("all")


def test_the_samples() -> None:
    corpus = pt.Collection(pt.parse_many(s.pair for s in pt.samples()))
    ax = timeline(corpus, since=dt.date(2025, 5, 1))
    assert _marks(ax)
    _save(ax)
    plt.close("all")


@pytest.mark.parametrize(
    ("options", "message"),
    [({"group_by": "outlet"}, "group_by"), ({"max_holders": 0}, "max_holders")],
)
def test_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        timeline(_corpus(), **options)  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'peacetalks\[plot\]'"):
        timeline(_corpus())
