"""Comparing records: contradictions, gaps, common ground, demand changes, one event or two.

The records here are built from news phrasing written for these tests; the parser is not
involved (comparison never sees article text), so each record states its summary outright.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from tests.strategies import PLACES, comparable_events, comparable_statements

# ---------------------------------------------------------------------------------------------
# Builders


def said(
    sid: str, speaker: str | None, side: str | None, text: str, **summary: Any
) -> pt.Statement:
    return pt.Statement(
        id=sid, span=pt.Span(0, len(text)), text=text, speaker=speaker, side=side, **summary
    )


def stance(
    did: str,
    holder: str,
    side: str | None,
    topic: str,
    polarity: str,
    objects: tuple[str, ...] = (),
    **more: Any,
) -> pt.Demand:
    return pt.Demand(
        id=did,
        holder=holder,
        side=side,
        topic=topic,
        polarity=polarity,
        objects=objects,
        span=pt.Span(0, 0),
        text="",
        **more,
    )


def day(iso: str) -> pt.TimePoint:
    when = dt.date.fromisoformat(iso)
    return pt.TimePoint(value=iso, kind="date", granularity="day", earliest=when, latest=when)


def month(year: int, number: int, modifier: str = "none") -> pt.TimePoint:
    first = dt.date(year, number, 1)
    last = dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)
    if modifier == "end":
        first = dt.date(year, number, 21)
    return pt.TimePoint(
        value=f"{year}-{number:02d}",
        kind="date",
        granularity="month",
        earliest=first,
        latest=last,
        modifier=modifier,
    )


def event(eid: str, kind: str, **fields: Any) -> pt.Event:
    return pt.Event(id=eid, type=kind, span=pt.Span(0, 0), text="", **fields)


LAVROV, DMITRIEV = "person:sergey-lavrov", "person:kirill-dmitriev"
USHAKOV, ZELENSKYY = "person:yury-ushakov", "person:volodymyr-zelenskyy"
KREMLIN, MOD = "gov:kremlin", "gov:rus-defence-ministry"
DONETSK, LUHANSK = "place:ua-donetsk-oblast", "place:ua-luhansk-oblast"
ZAPORIZHZHIA, KHERSON = "place:ua-zaporizhzhia-oblast", "place:ua-kherson-oblast"
KURSK, BELGOROD = "place:ru-kursk-oblast", "place:ru-belgorod-oblast"

# ---------------------------------------------------------------------------------------------
# Statements that contradict each other: one side, one topic, cannot both hold

CONTRADICTIONS = {
    "demand-against-disavowal": (
        said(
            "s1",
            LAVROV,
            "RUS",
            "any restart of passenger flights should depend on the other side lifting the "
            "restrictions it imposed on the national airline",
            topics=["economic", "sanctions"],
            polarity="demand",
            objects=["org:aeroflot"],
        ),
        said(
            "s2",
            DMITRIEV,
            "RUS",
            "Moscow is not asking for any sanctions to be eased",
            topics=["sanctions"],
            polarity="disavow",
            negated=True,
        ),
        "opposite-stance",
        pt.Topic.SANCTIONS,
    ),
    "two-institutions-two-numbers": (
        said(
            "s1",
            KREMLIN,
            "RUS",
            "Moscow would transfer 23 badly wounded Ukrainian soldiers",
            topics=["prisoners"],
            figures=[pt.Figure("prisoners", 23)],
        ),
        said(
            "s2",
            MOD,
            "RUS",
            "it had also transferred 22 seriously wounded Ukrainian servicemen who needed care",
            topics=["prisoners"],
            figures=[pt.Figure("prisoners", 22)],
        ),
        "figure-mismatch",
        pt.Topic.PRISONERS,
    ),
    "two-ministers-opposite-stances": (
        said(
            "s1",
            "person:benjamin-netanyahu",
            "ISR",
            "the agreement would bring all of the captives back",
            topics=["prisoners"],
            polarity="accept",
        ),
        said(
            "s2",
            "person:itamar-ben-gvir",
            "ISR",
            "his faction would vote down any release of jailed militants",
            topics=["prisoners"],
            polarity="reject",
        ),
        "opposite-stance",
        pt.Topic.PRISONERS,
    ),
    "denial-then-presupposition-by-place": (
        said(
            "s1",
            ZELENSKYY,
            "UKR",
            "the Easter pause never applied to the Kursk or Belgorod regions",
            topics=["ceasefire"],
            negated=True,
            objects=[KURSK, BELGOROD],
        ),
        said(
            "s2",
            ZELENSKYY,
            "UKR",
            "Russian violations of the pause around Kursk",
            topics=["ceasefire"],
            objects=[KURSK],
        ),
        "denial-presupposed",
        pt.Topic.CEASEFIRE,
    ),
    "denial-then-presupposition-by-near-synonym": (
        said(
            "s1",
            USHAKOV,
            "RUS",
            "We did not go over the precise wording",
            topics=["negotiation"],
            negated=True,
        ),
        said(
            "s2",
            USHAKOV,
            "RUS",
            "a few of the formulations the Americans offered are not to our liking",
            topics=["negotiation"],
            polarity="reject",
            negated=True,
        ),
        "denial-presupposed",
        pt.Topic.NEGOTIATION,
    ),
    "one-speaker-demands-and-rejects": (
        said(
            "s1",
            "gov:ukr-foreign-ministry",
            "UKR",
            "a full ceasefire in the air and at sea is needed now",
            topics=["ceasefire"],
            polarity="demand",
        ),
        said(
            "s2",
            "gov:ukr-foreign-ministry",
            "UKR",
            "Kyiv turned down a pause in the fighting",
            topics=["ceasefire"],
            polarity="reject",
        ),
        "opposite-stance",
        pt.Topic.CEASEFIRE,
    ),
}


@pytest.mark.parametrize("case", list(CONTRADICTIONS), ids=str)
def test_contradictions_are_found_by_their_rule(case: str) -> None:
    first, second, rule, topic = CONTRADICTIONS[case]
    for a, b in ((first, second), (second, first)):
        result = pt.compare_statements(a, b)
        assert result.relation is pt.Relation.CONTRADICTS, result.reason
        assert (result.rule, result.topic) == (rule, topic)
        assert 0 < result.score <= 1
        assert first.id in result.reason
        assert second.id in result.reason
    found = pt.find_contradictions([first, second])
    assert [(c.first.id, c.second.id, c.rule, c.topic) for c in found] == [
        (first.id, second.id, rule, topic)
    ]


def test_the_score_carries_the_statements_confidence() -> None:
    first, second, _, _ = CONTRADICTIONS["demand-against-disavowal"]
    unsure = pt.compare_statements(first, pt.Statement(**{**_fields(second), "confidence": 0.5}))
    assert unsure.score == pytest.approx(0.9 * 0.5)


def _fields(statement: pt.Statement) -> dict[str, Any]:
    import attrs

    return attrs.asdict(statement, recurse=False)


# ---------------------------------------------------------------------------------------------
# ... and statements that do not, however alike they look

NOT_CONTRADICTIONS = {
    "partial-acceptance-and-partial-criticism": (
        said(
            "s1",
            USHAKOV,
            "RUS",
            "parts of the American plan look broadly workable",
            topics=["negotiation"],
            polarity="accept",
        ),
        said(
            "s2",
            USHAKOV,
            "RUS",
            "on other points we were critical, even negative",
            topics=["negotiation"],
            polarity="reject",
        ),
        pt.Relation.COMPATIBLE,
        "partial-stance",
    ),
    "partial-acceptance-and-some-formulations": (
        said(
            "s1",
            USHAKOV,
            "RUS",
            "parts of the American plan look broadly workable",
            topics=["negotiation"],
            polarity="accept",
        ),
        said(
            "s2",
            USHAKOV,
            "RUS",
            "some of the formulations they proposed do not suit us",
            topics=["negotiation"],
            polarity="reject",
            negated=True,
        ),
        pt.Relation.COMPATIBLE,
        "partial-stance",
    ),
    "paraphrase": (
        said(
            "s1",
            DMITRIEV,
            "RUS",
            "Russia is not seeking relief from sanctions",
            topics=["sanctions"],
            polarity="disavow",
            negated=True,
        ),
        said(
            "s2",
            DMITRIEV,
            "RUS",
            "Moscow has no wish to see the sanctions eased",
            topics=["sanctions"],
            polarity="disavow",
            negated=True,
        ),
        pt.Relation.AGREES,
        "same-stance",
    ),
    "repetition": (
        said("s1", KREMLIN, "RUS", "Kyiv must pull its troops out of Donetsk", topics=["territory"], polarity="demand", objects=[DONETSK]),
        said("s7", KREMLIN, "RUS", "Kyiv must pull its troops out of Donetsk", topics=["territory"], polarity="demand", objects=[DONETSK]),
        pt.Relation.REPEATS,
        "repetition",
    ),
    "two-sides-apart-is-a-gap": (
        said("s1", KREMLIN, "RUS", "Ukrainian forces must leave Donetsk", topics=["territory"], polarity="demand", objects=[DONETSK]),
        said("s2", ZELENSKYY, "UKR", "we will not hand over our land", topics=["territory"], polarity="reject"),
        pt.Relation.OPPOSES,
        "opposite-stance",
    ),
    "unknown-speaker": (
        said("s1", None, "RUS", "sanctions must go", topics=["sanctions"], polarity="demand"),
        said("s2", KREMLIN, "RUS", "we are not seeking relief", topics=["sanctions"], polarity="disavow"),
        pt.Relation.UNRELATED,
        "unknown-side",
    ),
    "unknown-sides-of-two-speakers": (
        said("s1", "prov:an-official", None, "sanctions must go", topics=["sanctions"], polarity="demand"),
        said("s2", KREMLIN, None, "we are not seeking relief", topics=["sanctions"], polarity="disavow"),
        pt.Relation.UNRELATED,
        "unknown-side",
    ),
    "figures-of-different-things-exchanged-and-wounded": (
        said("s1", MOD, "RUS", "175 servicemen were swapped for 175 prisoners of war", topics=["prisoners"], figures=[pt.Figure("prisoners", 175)]),
        said("s2", MOD, "RUS", "it also handed over 22 badly wounded prisoners", topics=["prisoners"], figures=[pt.Figure("prisoners", 22)]),
        pt.Relation.COMPATIBLE,
        "consistent",
    ),
    "figures-of-different-things-since-2022": (
        said("s1", KREMLIN, "RUS", "4,300 prisoners have been released since 2022", topics=["prisoners"], figures=[pt.Figure("prisoners", 4300)]),
        said("s2", MOD, "RUS", "4,000 prisoners were released in the swap", topics=["prisoners"], figures=[pt.Figure("prisoners", 4000)]),
        pt.Relation.COMPATIBLE,
        "consistent",
    ),
    "a-figure-with-at-least": (
        said("s1", KREMLIN, "RUS", "at least 20 wounded prisoners will be handed over", topics=["prisoners"], figures=[pt.Figure("prisoners", 20, "at-least")]),
        said("s2", MOD, "RUS", "23 wounded prisoners were handed over", topics=["prisoners"], figures=[pt.Figure("prisoners", 23)]),
        pt.Relation.COMPATIBLE,
        "consistent",
    ),
    "a-conditional-refusal": (
        said("s1", KREMLIN, "RUS", "there can be no truce before talks on the root causes", topics=["ceasefire"], polarity="reject"),
        said("s2", LAVROV, "RUS", "Moscow wants a lasting ceasefire", topics=["ceasefire"], polarity="demand"),
        pt.Relation.COMPATIBLE,
        "conditional-stance",
    ),
    "stances-on-different-objects": (
        said("s1", LAVROV, "RUS", "the restrictions on Aeroflot must be lifted", topics=["sanctions"], polarity="demand", objects=["org:aeroflot"]),
        said("s2", DMITRIEV, "RUS", "Russia is not asking for relief for Rosneft", topics=["sanctions"], polarity="disavow", objects=["org:rosneft"]),
        pt.Relation.COMPATIBLE,
        "different-objects",
    ),
    "a-denial-with-nothing-that-presupposes-it": (
        said("s1", USHAKOV, "RUS", "we did not discuss sanctions", topics=["sanctions"], negated=True),
        said("s2", USHAKOV, "RUS", "sanctions must be lifted eventually", topics=["sanctions"], polarity="demand"),
        pt.Relation.COMPATIBLE,
        "consistent",
    ),
    "a-denial-and-a-claim-by-another-official": (
        said("s1", ZELENSKYY, "UKR", "the pause never applied to Kursk", topics=["ceasefire"], negated=True, objects=[KURSK]),
        said("s2", "gov:ukr-general-staff", "UKR", "breaches of the pause near Kursk", topics=["ceasefire"], objects=[KURSK]),
        pt.Relation.COMPATIBLE,
        "consistent",
    ),
    "no-shared-topic": (
        said("s1", KREMLIN, "RUS", "sanctions must go", topics=["sanctions"], polarity="demand"),
        said("s2", KREMLIN, "RUS", "we reject foreign troops", topics=["security-guarantees"], polarity="reject"),
        pt.Relation.UNRELATED,
        "no-shared-topic",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(NOT_CONTRADICTIONS), ids=str)
def test_look_alikes_are_not_contradictions(case: str) -> None:
    first, second, relation, rule = NOT_CONTRADICTIONS[case]
    for a, b in ((first, second), (second, first)):
        result = pt.compare_statements(a, b)
        assert (result.relation, result.rule) == (relation, rule), result.reason
    assert pt.find_contradictions([first, second]) == []


def test_a_statement_with_itself_repeats() -> None:
    statement = CONTRADICTIONS["demand-against-disavowal"][0]
    result = pt.compare_statements(statement, statement)
    assert (result.relation, result.rule, result.score) == (pt.Relation.REPEATS, "same-record", 1.0)
    assert pt.find_contradictions([statement, statement]) == []


def test_the_other_side_is_no_hedge() -> None:
    # "the other side" names a party; "other proposals" hedges a stance
    demand, disavowal, _, _ = CONTRADICTIONS["demand-against-disavowal"]
    assert "the other side" in demand.text
    assert pt.compare_statements(demand, disavowal).rule == "opposite-stance"


def test_an_interview_yields_only_the_real_contradictions() -> None:
    interview = [
        said("q1", USHAKOV, "RUS", "It was a useful and substantive conversation", topics=["negotiation"], polarity="accept"),
        said("q2", USHAKOV, "RUS", "We did not go over the precise wording", topics=["negotiation"], negated=True),
        said("q3", USHAKOV, "RUS", "we talked about the substance of the papers the Americans sent", topics=["negotiation"]),
        said("q4", USHAKOV, "RUS", "on some points we agreed", topics=["negotiation"], polarity="accept"),
        said("q5", USHAKOV, "RUS", "toward other proposals we were critical", topics=["negotiation"], polarity="reject"),
        said("q6", USHAKOV, "RUS", "parts of the American proposals seem broadly acceptable", topics=["negotiation", "territory"], polarity="accept"),
        said("q7", USHAKOV, "RUS", "some of the formulations they put forward do not suit us", topics=["negotiation"], polarity="reject", negated=True),
        said("q8", USHAKOV, "RUS", "we have not yet found a compromise", topics=["territory"], negated=True),
        said("q9", "person:vladimir-putin", "RUS", "the European amendments are unacceptable", topics=["negotiation"], polarity="reject", objects=["org:eu"]),
        said("q10", "person:marco-rubio", "USA", "we reject the idea that talks have stalled", topics=["negotiation"], polarity="reject"),
    ]  # fmt: skip
    found = pt.find_contradictions(interview)
    assert [(c.first.id, c.second.id, c.rule) for c in found] == [
        ("q2", "q7", "denial-presupposed")
    ]
    # an unhedged "useful conversation" and "the European amendments are unacceptable" take
    # opposite stances on negotiation, a broad topic, with nothing in common
    assert pt.compare_statements(interview[0], interview[8]).rule == "broad-topic"


def test_find_contradictions_orders_pairs_by_input_position() -> None:
    first, second, _, _ = CONTRADICTIONS["two-institutions-two-numbers"]
    filler = said("s9", KREMLIN, "RUS", "talks will go on", topics=["negotiation"])
    found = pt.find_contradictions([second, filler, first])
    assert [(c.first.id, c.second.id) for c in found] == [("s2", "s1")]


def test_within_days_leaves_out_pairs_far_apart() -> None:
    first, second, _, _ = CONTRADICTIONS["demand-against-disavowal"]
    april = pt.Statement(**{**_fields(first), "date": day("2025-04-11")})
    early_april = pt.Statement(**{**_fields(second), "date": day("2025-04-03")})
    november = pt.Statement(**{**_fields(second), "date": day("2025-11-20")})
    undated = pt.Statement(**{**_fields(second), "id": "s3"})
    assert len(pt.find_contradictions([april, early_april], within_days=30)) == 1
    assert pt.find_contradictions([april, november], within_days=30) == []
    assert len(pt.find_contradictions([april, november])) == 1
    assert len(pt.find_contradictions([april, undated], within_days=30)) == 1


def test_a_speaker_with_and_without_a_side_is_one_side() -> None:
    first = said(
        "s1", LAVROV, "RUS", "the sanctions must be lifted", topics=["sanctions"], polarity="demand"
    )
    second = said(
        "s2", LAVROV, None, "we are not asking for relief", topics=["sanctions"], polarity="disavow"
    )
    third = said("s3", "state:rus", None, "we are not asking for relief", topics=["sanctions"], polarity="disavow")  # fmt: skip
    found = pt.find_contradictions([first, second, third])
    assert {(c.first.id, c.second.id) for c in found} == {("s1", "s2"), ("s1", "s3")}


# ---------------------------------------------------------------------------------------------
# Properties


@given(comparable_statements(), comparable_statements())
def test_compare_statements_is_symmetric(a: pt.Statement, b: pt.Statement) -> None:
    forward, backward = pt.compare_statements(a, b), pt.compare_statements(b, a)
    assert (forward.relation, forward.rule, forward.topic, forward.score, forward.reason) == (
        backward.relation,
        backward.rule,
        backward.topic,
        backward.score,
        backward.reason,
    )
    assert (forward.first, forward.second) == (a, b)


def _pairs(found: list[pt.Contradiction]) -> set[frozenset[str]]:
    return {frozenset((c.first.id, c.second.id)) for c in found}


def _unique_ids(statements: list[pt.Statement]) -> list[pt.Statement]:
    return [
        pt.Statement(**{**_fields(statement), "id": f"s{index}"})
        for index, statement in enumerate(statements)
    ]


@given(st.lists(comparable_statements(), max_size=12).map(_unique_ids), st.randoms())
def test_find_contradictions_does_not_depend_on_input_order(
    statements: list[pt.Statement], rng: random.Random
) -> None:
    shuffled = list(statements)
    rng.shuffle(shuffled)
    assert _pairs(pt.find_contradictions(statements)) == _pairs(pt.find_contradictions(shuffled))


@given(st.lists(comparable_statements(), max_size=12).map(_unique_ids))
def test_find_contradictions_finds_every_pair_compare_statements_calls_a_contradiction(
    statements: list[pt.Statement],
) -> None:
    expected = {
        frozenset((a.id, b.id))
        for index, a in enumerate(statements)
        for b in statements[index + 1 :]
        if pt.compare_statements(a, b).relation is pt.Relation.CONTRADICTS
    }
    assert _pairs(pt.find_contradictions(statements)) == expected


def _days(point: pt.TimePoint) -> tuple[int, int]:
    # comparable_statements always give both ends
    earliest, latest = point.earliest or dt.date.min, point.latest or dt.date.max
    return earliest.toordinal(), latest.toordinal()


@given(st.lists(comparable_statements(), max_size=12).map(_unique_ids), st.integers(0, 40))
def test_within_days_keeps_exactly_the_pairs_close_in_time(
    statements: list[pt.Statement], days: int
) -> None:
    def close(a: pt.Statement, b: pt.Statement) -> bool:
        if a.date is None or b.date is None:
            return True
        first, second = _days(a.date), _days(b.date)
        return max(first[0] - second[1], second[0] - first[1]) <= days

    expected = {
        frozenset((c.first.id, c.second.id))
        for c in pt.find_contradictions(statements)
        if close(c.first, c.second)
    }
    assert _pairs(pt.find_contradictions(statements, within_days=days)) == expected


# ---------------------------------------------------------------------------------------------
# Gaps and common ground

CEDE = stance("d1", KREMLIN, "RUS", "territory", "demand", (DONETSK, LUHANSK), target="state:ukr")
REFUSE = stance("d2", ZELENSKYY, "UKR", "territory", "reject")
RECOGNISE = stance("d3", "person:vladimir-putin", "RUS", "recognition", "demand", ("place:crimea",))
NO_TRUCE_FIRST = stance("d4", KREMLIN, "RUS", "negotiation", "reject")
TRUCE = stance("d5", ZELENSKYY, "UKR", "ceasefire", "demand")


def test_territory_gap_between_russia_and_ukraine() -> None:
    gaps = pt.position_gaps([CEDE, REFUSE], "RUS", "UKR")
    assert [(g.first.id, g.second.id, g.rule, g.topic, g.related) for g in gaps] == [
        ("d1", "d2", "demand-rejected", pt.Topic.TERRITORY, False)
    ]
    assert "d1" in gaps[0].reason
    assert "d2" in gaps[0].reason
    assert gaps[0].score == pytest.approx(0.8)  # one side names no oblast


def test_gap_seen_from_the_other_side_swaps_first_and_second() -> None:
    gaps = pt.position_gaps([CEDE, REFUSE], "UKR", "RUS")
    assert [(g.first.id, g.second.id, g.rule) for g in gaps] == [("d2", "d1", "demand-rejected")]


def test_recognition_demanded_against_territory_refused_is_a_related_gap() -> None:
    gaps = pt.position_gaps([RECOGNISE, REFUSE], "RUS", "UKR")
    assert [(g.first.id, g.second.id, g.related, g.topic) for g in gaps] == [
        ("d3", "d2", True, pt.Topic.RECOGNITION)
    ]
    assert gaps[0].score == pytest.approx(0.8 * 0.75)


def test_ceasefire_against_no_ceasefire_before_talks() -> None:
    gaps = pt.position_gaps([TRUCE, NO_TRUCE_FIRST], "UKR", "RUS")
    assert [(g.first.id, g.second.id, g.related) for g in gaps] == [("d5", "d4", True)]


def test_sides_by_actor_id_or_state_id() -> None:
    demands = [CEDE, REFUSE, RECOGNISE]
    assert [g.first.id for g in pt.position_gaps(demands, KREMLIN, "UKR")] == ["d1"]
    assert [g.first.id for g in pt.position_gaps(demands, "state:rus", ZELENSKYY)] == ["d1", "d3"]
    assert pt.position_gaps(demands, "person:dmitry-peskov", "UKR") == []


def test_sides_through_an_actor_mapping() -> None:
    unsided = stance("d9", "person:andrii-sybiha", None, "territory", "reject")
    sybiha = pt.Actor(id="person:andrii-sybiha", name="Andrii Sybiha", kind="person", country="UKR")
    assert pt.position_gaps([CEDE, unsided], "RUS", "UKR") == []
    gaps = pt.position_gaps([CEDE, unsided], "RUS", "UKR", actors={sybiha.id: sybiha})
    assert [g.second.id for g in gaps] == ["d9"]


def test_objects_that_exclude_each_other_make_no_gap() -> None:
    keep_kherson = stance("d6", ZELENSKYY, "UKR", "territory", "reject", (KHERSON,))
    assert pt.position_gaps([CEDE, keep_kherson], "RUS", "UKR") == []
    keep_donetsk = stance("d7", ZELENSKYY, "UKR", "territory", "reject", (DONETSK,))
    assert pt.position_gaps([CEDE, keep_donetsk], "RUS", "UKR")[0].score == pytest.approx(1.0)


def test_dropped_and_hypothetical_demands_hold_no_position() -> None:
    dropped = stance("d8", KREMLIN, "RUS", "territory", "demand", modality="dropped")
    maybe = stance("d9", ZELENSKYY, "UKR", "territory", "reject", modality="hypothetical")
    assert pt.position_gaps([dropped, REFUSE], "RUS", "UKR") == []
    assert pt.position_gaps([CEDE, maybe], "RUS", "UKR") == []


def test_accepting_what_the_other_rejects_is_an_offer_rejected() -> None:
    accept = stance("d1", ZELENSKYY, "UKR", "ceasefire", "accept")
    reject = stance("d2", KREMLIN, "RUS", "ceasefire", "reject")
    assert [g.rule for g in pt.position_gaps([accept, reject], "UKR", "RUS")] == ["offer-rejected"]


def test_demands_aimed_at_each_other_over_one_place() -> None:
    theirs = stance("d2", ZELENSKYY, "UKR", "territory", "demand", (DONETSK,), target="state:rus")
    gaps = pt.position_gaps([CEDE, theirs], "RUS", "UKR")
    assert [(g.rule, g.first.id, g.second.id) for g in gaps] == [("mutual-demands", "d1", "d2")]
    assert pt.common_ground([CEDE, theirs], "RUS", "UKR") == []


def test_common_ground() -> None:
    demands = [
        stance("d1", KREMLIN, "RUS", "prisoners", "accept"),
        stance("d2", ZELENSKYY, "UKR", "prisoners", "demand"),
        stance("d3", "state:rus", None, "humanitarian", "demand"),
        stance("d4", ZELENSKYY, "UKR", "humanitarian", "demand"),
        stance("d5", KREMLIN, "RUS", "ceasefire", "accept", ("place:black-sea",)),
        stance("d6", ZELENSKYY, "UKR", "ceasefire", "accept", ("place:black-sea",)),
        stance("d7", KREMLIN, "RUS", "territory", "demand", target="state:ukr"),
        stance("d8", ZELENSKYY, "UKR", "territory", "demand"),
    ]
    found = pt.common_ground(demands, "RUS", "UKR")
    assert [(c.first.id, c.second.id, c.rule) for c in found] == [
        ("d1", "d2", "demand-accepted"),
        ("d3", "d4", "both-demand"),
        ("d5", "d6", "both-accept"),
    ]
    assert found[2].score == pytest.approx(1.0)
    assert found[0].score == pytest.approx(0.8)


# ---------------------------------------------------------------------------------------------
# Demands over time


def oblasts(did: str, *places: str, **more: Any) -> pt.Demand:
    return stance(did, KREMLIN, "RUS", "territory", "demand", places, **more)


THREE = (DONETSK, LUHANSK, ZAPORIZHZHIA)


def test_diff_sees_a_territorial_demand_harden() -> None:
    diff = pt.diff_demands(
        [oblasts("d1", *THREE)], [oblasts("d1", *THREE, KHERSON, "place:crimea")]
    )
    assert [c.kind for c in diff.changes] == ["hardened"]
    change = diff.hardened[0]
    assert (change.party, change.topic, change.polarity) == (
        "RUS",
        pt.Topic.TERRITORY,
        pt.Polarity.DEMAND,
    )
    assert change.added_objects == (KHERSON, "place:crimea")
    assert change.dropped_objects == ()
    assert "now also" in change.reason


def test_diff_sees_a_demand_soften_and_change() -> None:
    assert [
        c.kind for c in pt.diff_demands([oblasts("d1", *THREE)], [oblasts("d2", DONETSK)]).changes
    ] == ["softened"]
    swapped = pt.diff_demands([oblasts("d1", DONETSK, LUHANSK)], [oblasts("d2", DONETSK, KHERSON)])
    assert [(c.kind, c.added_objects, c.dropped_objects) for c in swapped.changes] == [
        ("changed", (KHERSON,), (LUHANSK,))
    ]  # fmt: skip


def test_diff_added_dropped_and_kept() -> None:
    before = [oblasts("d1", *THREE), stance("d2", ZELENSKYY, "UKR", "ceasefire", "demand")]
    after = [
        oblasts("d5", *THREE),
        stance("d6", ZELENSKYY, "UKR", "security-guarantees", "demand"),
    ]
    diff = pt.diff_demands(before, after)
    assert [(c.party, c.topic.value, c.kind) for c in diff.changes] == [
        ("RUS", "territory", "kept"),
        ("UKR", "ceasefire", "dropped"),
        ("UKR", "security-guarantees", "added"),
    ]
    assert (len(diff.kept), len(diff.dropped), len(diff.added)) == (1, 1, 1)


def test_diff_conditions_and_polarity() -> None:
    plain = stance("d1", KREMLIN, "RUS", "economic", "demand")
    conditional = stance("d2", KREMLIN, "RUS", "economic", "demand", condition="d3")
    assert pt.diff_demands([plain], [conditional]).changes[0].kind == "hardened"
    assert pt.diff_demands([conditional], [plain]).changes[0].kind == "softened"
    # accepting more is a softer position, not a harder one
    accept_one = stance("d4", ZELENSKYY, "UKR", "ceasefire", "accept", ("place:black-sea",))
    accept_two = stance(
        "d5", ZELENSKYY, "UKR", "ceasefire", "accept", ("place:black-sea", "place:kyiv")
    )
    assert pt.diff_demands([accept_one], [accept_two]).changes[0].kind == "softened"


def test_diff_reads_modality() -> None:
    dropped = oblasts("d2", *THREE, modality="dropped")
    unchanged = stance("d3", KREMLIN, "RUS", "territory", "demand", modality="unchanged")
    diff = pt.diff_demands([oblasts("d1", *THREE)], [dropped])
    assert [c.kind for c in diff.changes] == ["dropped"]
    assert diff.dropped[0].after == (dropped,)
    assert [c.kind for c in pt.diff_demands([oblasts("d1", *THREE)], [unchanged]).changes] == [
        "kept"
    ]
    assert pt.diff_demands([], [stance("d4", KREMLIN, "RUS", "territory", "demand", modality="hypothetical")]).changes == ()  # fmt: skip


def test_history_of_russian_territorial_demands_grows_from_three_oblasts_to_five() -> None:
    five = (*THREE, KHERSON, "place:crimea")
    demands = [
        oblasts("a2/d1", *five, date=day("2025-04-11")),
        oblasts("a1/d1", *THREE, date=month(2025, 3)),
        stance("a1/d2", ZELENSKYY, "UKR", "territory", "reject", date=day("2025-03-12")),
        oblasts("a3/d4", *five, date=month(2025, 4, "end")),
        oblasts("a1/d3", *THREE, date=day("2025-03-18")),
    ]
    history = pt.demand_history(demands, "RUS")
    assert [(len(e.objects), e.first_seen, e.last_seen) for e in history] == [
        (3, month(2025, 3), month(2025, 3)),
        (5, day("2025-04-11"), month(2025, 4, "end")),
    ]
    assert [d.id for d in history[0].demands] == ["a1/d1", "a1/d3"]
    assert [e.topic for e in pt.demand_history(demands, ZELENSKYY)] == [pt.Topic.TERRITORY]


def test_history_dates_from_a_fallback_and_undated_last() -> None:
    demands = [oblasts("x/d1", *THREE), oblasts("y/d1", DONETSK), oblasts("z/d1", LUHANSK)]
    history = pt.demand_history(
        demands, KREMLIN, dates={"x/d1": day("2025-03-01"), "y/d1": day("2025-02-01")}
    )
    assert [e.demands[0].id for e in history] == ["y/d1", "x/d1", "z/d1"]
    assert history[-1].first_seen is None
    assert history[-1].last_seen is None


def test_history_keeps_dropped_apart() -> None:
    demands = [oblasts("d1", DONETSK, date=day("2025-03-01")), oblasts("d2", DONETSK, modality="dropped", date=day("2025-05-01"))]  # fmt: skip
    history = pt.demand_history(demands, "RUS")
    assert [(e.modality, e.last_seen) for e in history] == [
        (pt.Modality.ASSERTED, day("2025-03-01")),
        (pt.Modality.DROPPED, day("2025-05-01")),
    ]


# ---------------------------------------------------------------------------------------------
# One event or two

FEB_27 = day("2025-02-27")
LATE_FEB = month(2025, 2, "end")


def test_same_event_across_date_granularities_and_places() -> None:
    riyadh = event("e1", "talks", date=FEB_27, location="place:riyadh", participants=["state:usa", "state:rus"])  # fmt: skip
    saudi = event("e2", "talks", date=LATE_FEB, location="country:sau")
    assert pt.same_event(riyadh, saudi, places=PLACES) >= 0.7
    assert pt.same_event(riyadh, saudi) < 0.7  # Riyadh's country unknown: no place evidence
    assert len(pt.merge_events([riyadh, saudi], places=PLACES)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (event("e1", "talks", date=FEB_27), event("e2", "proposal", date=FEB_27)),
        (event("e1", "talks", date=FEB_27, location="place:riyadh"), event("e2", "talks", date=day("2025-03-11"), location="place:riyadh")),
        (event("e1", "talks", date=FEB_27, location="place:riyadh"), event("e2", "talks", date=FEB_27, location="place:istanbul")),
        (event("e1", "talks", date=FEB_27, location="place:riyadh"), event("e2", "talks", date=FEB_27, location="place:jeddah")),
        (event("e1", "talks", date=FEB_27, location="place:riyadh"), event("e2", "talks", date=FEB_27, location="country:tur")),
        (event("e1", "prisoner-exchange", date=day("2025-03-19"), figures=[pt.Figure("prisoners", 1000)]), event("e2", "prisoner-exchange", date=day("2025-03-19"), figures=[pt.Figure("prisoners", 175)])),
    ],
    ids=["types", "dates", "countries", "cities", "city-and-other-country", "figures"],
)  # fmt: skip
def test_events_that_cannot_be_one(first: pt.Event, second: pt.Event) -> None:
    assert pt.same_event(first, second, places=PLACES) == 0.0


def test_unknown_fields_neither_confirm_nor_deny() -> None:
    bare = event("e1", "prisoner-exchange")
    assert pt.same_event(bare, bare) == 0.5
    dated = event("e2", "prisoner-exchange", date=day("2025-03-19"))
    assert pt.same_event(bare, dated) == 0.5
    full = event("e3", "prisoner-exchange", date=day("2025-03-19"), location="place:kyiv", participants=["state:ukr"], figures=[pt.Figure("prisoners", 175)])  # fmt: skip
    assert pt.same_event(dated, full) == pytest.approx(0.5 + 0.5 * 0.35)
    assert pt.same_event(full, full) == 1.0


def test_figures_with_qualifiers_can_agree() -> None:
    exact = event("e1", "attack", date=day("2025-04-13"), location="place:sumy", figures=[pt.Figure("killed", 34)])  # fmt: skip
    rough = event("e2", "attack", date=day("2025-04-13"), location="place:sumy", figures=[pt.Figure("killed", 30, "more-than")])  # fmt: skip
    assert pt.same_event(exact, rough) == pytest.approx(0.5 + 0.5 * (0.35 + 0.3 + 0.15))
    cluster = pt.merge_events([rough, exact])[0]
    assert cluster.figures == (pt.Figure("killed", 34),)


def test_merge_events_keeps_every_source_and_summarizes() -> None:
    mar_19 = day("2025-03-19")
    events = [
        event("a1/e1", "prisoner-exchange", date=mar_19, participants=["state:rus", "state:ukr"], figures=[pt.Figure("prisoners", 175)]),
        event("a2/e1", "prisoner-exchange", date=mar_19, figures=[pt.Figure("prisoners", 1000)], participants=["state:ukr"]),
        event("a3/e2", "prisoner-exchange", date=month(2025, 3), location="country:ukr", participants=["state:ukr"], figures=[pt.Figure("prisoners", 175)]),
        event("a4/e1", "talks", date=FEB_27, location="place:riyadh"),
        event("a5/e3", "talks", date=LATE_FEB, location="country:sau", participants=["state:usa"]),
        event("a6/e1", "talks"),
    ]  # fmt: skip
    clusters = pt.merge_events(events, places=PLACES)
    assert [c.ids for c in clusters] == [
        ("a1/e1", "a3/e2"),
        ("a2/e1",),
        ("a4/e1", "a5/e3"),
        ("a6/e1",),
    ]
    exchange, _, talks, alone = clusters
    assert exchange.date == mar_19
    assert exchange.location == "country:ukr"
    assert exchange.participants == ("state:rus", "state:ukr")
    assert 0.7 <= exchange.score < 1.0
    assert (talks.date, talks.location, talks.participants) == (
        FEB_27,
        "place:riyadh",
        ("state:usa",),
    )
    assert alone.score == 1.0


def test_wide_dates_merge_through_a_shared_participant() -> None:
    spring = pt.TimePoint(value="2025-SP", kind="date", granularity="season", earliest=dt.date(2025, 3, 1), latest=dt.date(2025, 5, 31))  # fmt: skip
    year = pt.TimePoint(value="2025", kind="date", granularity="year", earliest=dt.date(2025, 1, 1), latest=dt.date(2025, 12, 31))  # fmt: skip
    figures = [pt.Figure("prisoners", 246)]
    events = [
        event("e1", "prisoner-exchange", date=year, participants=["state:rus", "state:ukr"], figures=figures),
        event("e2", "prisoner-exchange", date=day("2025-04-19"), participants=["state:rus", "state:ukr"], figures=figures),
        event("e3", "prisoner-exchange", date=spring, participants=["state:ukr", "state:rus"], figures=figures),
    ]  # fmt: skip
    assert [c.ids for c in pt.merge_events(events)] == [("e1", "e2", "e3")]


@given(comparable_events(), comparable_events())
def test_same_event_is_symmetric_and_bounded(a: pt.Event, b: pt.Event) -> None:
    for places in (None, PLACES):
        score = pt.same_event(a, b, places=places)
        assert score == pt.same_event(b, a, places=places)
        assert 0.0 <= score <= 1.0


@given(comparable_events(), comparable_events())
def test_two_events_merge_exactly_when_same_event_says_so(a: pt.Event, b: pt.Event) -> None:
    # every pair that could score 0.7 is scored; an undated event never joins a dated one
    joined = len(pt.merge_events([a, b], places=PLACES)) == 1
    dated_alike = (a.date is None) == (b.date is None)
    assert joined == (pt.same_event(a, b, places=PLACES) >= 0.7 and dated_alike)


@given(st.lists(comparable_events(), max_size=25))
def test_merge_events_never_loses_a_source(events: list[pt.Event]) -> None:
    clusters = pt.merge_events(events, places=PLACES)
    members = [e for cluster in clusters for e in cluster.events]
    assert sorted(map(id, members)) == sorted(map(id, events))
    for cluster in clusters:
        assert all(e.type is cluster.type for e in cluster.events)
        assert 0.7 <= cluster.score <= 1.0


@given(st.lists(comparable_events(), max_size=16), st.randoms())
def test_merge_events_never_joins_events_that_rule_each_other_out(
    events: list[pt.Event], rng: random.Random
) -> None:
    clusters = pt.merge_events(events, places=PLACES)
    for cluster in clusters:
        for index, a in enumerate(cluster.events):
            for b in cluster.events[index + 1 :]:
                assert pt.same_event(a, b, places=PLACES) > 0
    shuffled = list(events)
    rng.shuffle(shuffled)
    again = pt.merge_events(shuffled, places=PLACES)

    def by_value(found: list[pt.EventCluster]) -> list[list[str]]:
        return sorted(sorted(map(repr, c.events)) for c in found)

    assert by_value(again) == by_value(clusters)


def test_a_vague_report_joins_one_event_not_all() -> None:
    kharkiv = {"location": "place:kharkiv", "participants": ["state:rus"]}
    april = event("b/e1", "attack", date=month(2025, 4), **kharkiv)
    fifth = event("a/e1", "attack", date=day("2025-04-05"), **kharkiv)
    twelfth = event("c/e1", "attack", date=day("2025-04-12"), **kharkiv)
    assert pt.same_event(april, fifth) >= 0.7
    assert pt.same_event(april, twelfth) >= 0.7
    assert pt.same_event(fifth, twelfth) == 0.0
    clusters = pt.merge_events([april, fifth, twelfth])
    assert [c.ids for c in clusters] == [("b/e1", "a/e1"), ("c/e1",)]


def test_an_undated_report_stays_apart_from_dated_ones() -> None:
    talks = {"location": "place:riyadh", "participants": ["state:usa", "state:rus"]}
    dated = event("a/e1", "talks", date=day("2025-02-18"), **talks)
    undated = event("b/e1", "talks", **talks)
    again = event("c/e2", "talks", **talks)
    assert pt.same_event(dated, undated) >= 0.7  # the pair alone could be one event ...
    clusters = pt.merge_events([dated, undated, again])
    assert [c.ids for c in clusters] == [("a/e1",), ("b/e1", "c/e2")]  # ... but which one?


def test_same_as_links_mentions_in_one_article() -> None:
    first = event("a/e1", "talks", date=day("2025-02-18"))
    again = event("a/e2", "talks", same_as="a/e1")
    other = event("a/e3", "proposal", same_as="a/e1")
    assert [c.ids for c in pt.merge_events([first, again, other])] == [
        ("a/e1", "a/e2"),
        ("a/e3",),
    ]
