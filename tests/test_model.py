"""The records: validators reject impossible values, helpers answer simple questions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import peacetalks as pt

APRIL = pt.TimePoint(
    value="2025-04",
    kind="date",
    granularity="month",
    earliest=dt.date(2025, 4, 1),
    latest=dt.date(2025, 4, 30),
)
APRIL_11 = pt.TimePoint(
    value="2025-04-11",
    kind="date",
    granularity="day",
    earliest=dt.date(2025, 4, 11),
    latest=dt.date(2025, 4, 11),
)
FEB_27 = pt.TimePoint(
    value="2025-02-27",
    kind="date",
    granularity="day",
    earliest=dt.date(2025, 2, 27),
    latest=dt.date(2025, 2, 27),
)


class TestSpan:
    def test_covers_the_text(self) -> None:
        text = "Lavrov claimed the United States had agreed to this proposal."
        span = pt.Span(15, 32)
        assert span.of(text) == "the United States"
        assert len(span) == 17

    @pytest.mark.parametrize(("start", "end"), [(5, 4), (-1, 3), (0, -2)])
    def test_rejects_impossible_ranges(self, start: int, end: int) -> None:
        with pytest.raises(ValueError, match=r"start|>= 0"):
            pt.Span(start, end)

    @pytest.mark.parametrize("bad", [1.5, "3", True, None])
    def test_rejects_non_integers(self, bad: Any) -> None:
        with pytest.raises(TypeError, match="must be an int"):
            pt.Span(bad, 10)

    def test_relations(self) -> None:
        assert pt.Span(0, 10).contains(pt.Span(2, 5))
        assert not pt.Span(2, 5).contains(pt.Span(0, 10))
        assert pt.Span(0, 5).overlaps(pt.Span(4, 8))
        assert not pt.Span(0, 5).overlaps(pt.Span(5, 8))
        assert not pt.Span(3, 3).overlaps(pt.Span(0, 10))

    def test_is_frozen_and_hashable(self) -> None:
        span = pt.Span(1, 2)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            span.start = 0  # type: ignore[misc]
        assert {span, pt.Span(1, 2)} == {span}


class TestTimePoint:
    def test_relations_across_granularities(self) -> None:
        assert APRIL.overlaps(APRIL_11)
        assert APRIL_11.overlaps(APRIL)
        assert FEB_27.precedes(APRIL)
        assert APRIL.follows(FEB_27)
        assert not APRIL.precedes(APRIL_11)

    def test_open_edges_never_exclude(self) -> None:
        since_2014 = pt.TimePoint(
            value="2014", kind="date", granularity="year", earliest=dt.date(2014, 1, 1)
        )
        assert since_2014.overlaps(APRIL)
        assert not since_2014.precedes(APRIL)

    def test_sorting(self) -> None:
        now = pt.TimePoint(value="PRESENT_REF", kind="date")
        assert sorted([APRIL, now, FEB_27, APRIL_11], key=lambda p: p.sort_key) == [
            FEB_27,
            APRIL,
            APRIL_11,
            now,
        ]

    def test_resolved(self) -> None:
        assert APRIL_11.is_resolved
        assert not pt.TimePoint(value="XXXX-02-27", kind="date").is_resolved
        assert not pt.TimePoint(value="PAST_REF", kind="date").is_resolved
        assert not pt.TimePoint(value="P1M", kind="duration").is_resolved

    @pytest.mark.parametrize(
        "value",
        [
            "2025-04-11",
            "2025",
            "2025-W16",
            "2025-W15-WE",
            "2025-SP",
            "2025-Q1",
            "2025-H2",
            "199",
            "19",
            "XXXX-02-27",
            "XXXX-WXX-1",
            "P1M",
            "P100D",
            "P2W",
            "PT24H",
            "P2.5Y",
            "PXY",
            "P1DE",
            "2025-04-12T14:30",
            "2009-12-15T18:00Z",
            "2025-04-12T09:30+03:00",
            "2025-04-12TEV",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ],
    )
    def test_accepts_timex3_values(self, value: str) -> None:
        assert pt.TimePoint(value=value, kind="date").value == value

    @pytest.mark.parametrize(
        "value", ["", "April", "2025-4-1", "2025-13-01x", "next week", "P", "2025/04/11"]
    )
    def test_rejects_other_values(self, value: str) -> None:
        with pytest.raises(ValueError, match="value"):
            pt.TimePoint(value=value, kind="date")

    def test_rejects_reversed_interval(self) -> None:
        with pytest.raises(ValueError, match="before earliest"):
            pt.TimePoint(
                value="2025",
                kind="date",
                earliest=dt.date(2025, 12, 31),
                latest=dt.date(2025, 1, 1),
            )

    def test_rejects_a_datetime_where_a_date_is_expected(self) -> None:
        with pytest.raises(TypeError, match=r"datetime\.date, got datetime"):
            pt.TimePoint(value="2025", kind="date", reference=dt.datetime(2025, 4, 12, 10, 0))

    def test_accepts_words_for_vocabularies(self) -> None:
        point = pt.TimePoint(value="2025-03", kind="date", granularity="month", modifier="end")
        assert point.kind is pt.TimeKind.DATE
        assert point.modifier is pt.Modifier.END
        with pytest.raises(ValueError, match="Granularity"):
            pt.TimePoint(value="2025", kind="date", granularity="fortnight")


class TestActorsAndPlaces:
    def test_roles_by_date(self) -> None:
        medvedev = pt.Actor(
            id="person:dmitry-medvedev",
            name="Dmitry Medvedev",
            kind="person",
            country="RUS",
            roles=[
                pt.Role(
                    "President of Russia",
                    "gov:rus-presidency",
                    dt.date(2008, 5, 7),
                    dt.date(2012, 5, 7),
                ),
                pt.Role(
                    "Deputy Chairman of the Security Council",
                    "gov:rus-security-council",
                    dt.date(2020, 1, 16),
                ),
            ],
        )
        assert [r.title for r in medvedev.roles_on(dt.date(2010, 1, 1))] == ["President of Russia"]
        assert [r.title for r in medvedev.roles_on(dt.date(2025, 4, 18))] == [
            "Deputy Chairman of the Security Council"
        ]
        assert medvedev.roles_on(dt.date(2015, 1, 1)) == ()

    def test_role_end_is_exclusive(self) -> None:
        role = pt.Role(
            "President of the United States", None, dt.date(2021, 1, 20), dt.date(2025, 1, 20)
        )
        assert role.active_on(dt.date(2025, 1, 19))
        assert not role.active_on(dt.date(2025, 1, 20))

    def test_role_rejects_end_before_start(self) -> None:
        with pytest.raises(ValueError, match="ends"):
            pt.Role("Envoy", None, dt.date(2025, 5, 1), dt.date(2025, 1, 1))

    @pytest.mark.parametrize("country", ["RU", "rus", "Russia", ""])
    def test_country_is_alpha3(self, country: str) -> None:
        with pytest.raises(ValueError, match="alpha-3"):
            pt.Actor(id="state:rus", name="Russia", kind="state", country=country)

    def test_aliases_become_a_tuple(self) -> None:
        actor = pt.Actor(
            id="person:x",
            name="Volodymyr Zelenskyy",
            kind="person",
            aliases=["Zelensky", "Zelenskiy"],
        )
        assert actor.aliases == ("Zelensky", "Zelenskiy")
        with pytest.raises(TypeError, match="sequence of strings"):
            pt.Actor(id="person:x", name="X", kind="person", aliases="Zelensky")

    def test_rejects_empty_names_and_bad_wikidata(self) -> None:
        with pytest.raises(ValueError, match="name must not be empty"):
            pt.Actor(id="a", name="  ", kind="person")
        with pytest.raises(ValueError, match="Wikidata"):
            pt.Actor(id="a", name="A", kind="person", wikidata="212")

    def test_place(self) -> None:
        kharkiv = pt.Place(
            id="place:ua-kharkiv-oblast",
            name="Kharkiv Oblast",
            kind="region",
            code="UA-63",
            country="UKR",
            aliases=("Kharkov Oblast",),
        )
        assert kharkiv.kind is pt.PlaceKind.REGION
        assert kharkiv.country == "UKR"


class TestDemandsEventsStatements:
    def test_demand_with_condition(self) -> None:
        text = "Lavrov said air services should depend on the US lifting sanctions on Aeroflot."
        lifting = pt.Demand(
            id="d2",
            holder="person:sergey-lavrov",
            side="RUS",
            target="state:usa",
            topic="sanctions",
            polarity="demand",
            objects=("org:aeroflot",),
            span=pt.Span(42, 78),
            text=text[42:78],
        )
        flights = pt.Demand(
            id="d1",
            holder="person:sergey-lavrov",
            side="RUS",
            topic="economic",
            polarity="demand",
            condition=lifting.id,
            span=pt.Span(12, 78),
            text=text[12:78],
        )
        assert flights.condition == "d2"
        assert lifting.topic == "sanctions"
        assert lifting.modality is pt.Modality.ASSERTED

    def test_unknown_topic_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="Topic"):
            pt.Demand(
                id="d", holder="h", topic="land", polarity="demand", span=pt.Span(0, 0), text=""
            )

    def test_event_figures(self) -> None:
        strike = pt.Event(
            id="e1",
            type="attack",
            span=pt.Span(0, 29),
            text="a Russian missile strike on Kyiv"[:29],
            figures=[pt.Figure("killed", 8, "at-least"), pt.Figure("injured", 70, "more-than")],
        )
        assert strike.figure("killed") == 8
        assert strike.figure(pt.FigureKind.INJURED) == 70
        assert strike.figure("prisoners") is None

    def test_event_rejects_negative_and_duplicate_figures(self) -> None:
        with pytest.raises(ValueError, match=">= 0"):
            pt.Figure("killed", -3)
        with pytest.raises(ValueError, match="two figures"):
            pt.Event(
                id="e",
                type="attack",
                span=pt.Span(0, 0),
                text="",
                figures=[pt.Figure("killed", 8), pt.Figure("killed", 9)],
            )

    def test_confidence_range(self) -> None:
        with pytest.raises(ValueError, match="between 0 and 1"):
            pt.Statement(id="s", span=pt.Span(0, 0), text="", confidence=1.5)
        with pytest.raises(ValueError, match="between 0 and 1"):
            pt.Statement(id="s", span=pt.Span(0, 0), text="", confidence=float("nan"))


class TestArticle:
    TEXT = "Kremlin spokesman Dmitry Peskov said on April 18 that some progress had been made."

    def test_consistent_article(self) -> None:
        said = pt.Statement(
            id="s1", speaker="person:dmitry-peskov", span=pt.Span(54, 81), text=self.TEXT[54:81]
        )
        article = pt.Article(text=self.TEXT, published=dt.date(2025, 4, 18), statements=[said])
        assert article.statements == (said,)
        assert article.actor("person:dmitry-peskov") is None

    def test_span_outside_the_text(self) -> None:
        bad = pt.Statement(id="s1", span=pt.Span(54, 500), text=self.TEXT[54:500])
        with pytest.raises(ValueError, match="outside the text"):
            pt.Article(text=self.TEXT, statements=[bad])

    def test_record_text_must_match_its_span(self) -> None:
        bad = pt.Statement(id="s1", span=pt.Span(0, 7), text="Moscow")
        with pytest.raises(ValueError, match="not the text its span covers"):
            pt.Article(text=self.TEXT, statements=[bad])

    def test_wrong_record_type(self) -> None:
        with pytest.raises(TypeError, match=r"statements\[0\] must be a Statement"):
            pt.Article(text=self.TEXT, statements=[pt.Span(0, 1)])

    def test_duplicate_actor_ids(self) -> None:
        peskov = pt.Actor(id="person:dmitry-peskov", name="Dmitry Peskov", kind="person")
        with pytest.raises(ValueError, match="same id twice"):
            pt.Article(text=self.TEXT, actors=[peskov, peskov])

    def test_published_must_be_a_date(self) -> None:
        with pytest.raises(TypeError, match="published"):
            pt.Article(text=self.TEXT, published="2025-04-18")  # type: ignore[arg-type]


class TestVocabularies:
    def test_words_are_the_taxonomy(self) -> None:
        assert [t.value for t in pt.Topic] == [
            "territory",
            "recognition",
            "ceasefire",
            "sanctions",
            "prisoners",
            "security-guarantees",
            "neutrality",
            "demilitarization",
            "military-aid",
            "political-change",
            "rights",
            "humanitarian",
            "accountability",
            "economic",
            "negotiation",
            "monitoring",
            "concessions",
        ]
        assert [p.value for p in pt.Polarity] == ["demand", "reject", "accept", "disavow"]
        assert [e.value for e in pt.EventType] == [
            "talks",
            "proposal",
            "agreement",
            "ceasefire",
            "ceasefire-violation",
            "prisoner-exchange",
            "attack",
            "invasion",
            "annexation",
            "occupation",
            "sanctions",
            "aid",
            "threat",
        ]
        assert [s.value for s in pt.EventStatus] == [
            "occurred",
            "planned",
            "proposed",
            "expected",
            "cancelled",
            "denied",
        ]
        assert [k.value for k in pt.ActorKind] == [
            "person",
            "state",
            "government",
            "organization",
            "armed-group",
            "media",
            "group",
        ]

    def test_words_print_and_compare_as_strings(self) -> None:
        assert str(pt.Topic.SECURITY_GUARANTEES) == "security-guarantees"
        assert f"{pt.EventType.PRISONER_EXCHANGE}" == "prisoner-exchange"
        word: str = pt.Polarity.DISAVOW
        assert word == "disavow"
        assert repr(pt.Polarity.DISAVOW) == "Polarity.DISAVOW"
