"""Demands: polarity, negation, disavowal, conditions, holders, targets and objects.

Every sentence here was written for these tests in the style of news about negotiations.
"""

from __future__ import annotations

import datetime as dt

import pytest

import peacetalks as pt

DAY = dt.date(2025, 6, 2)


def _demands(text: str) -> list[pt.Demand]:
    return list(pt.parse(text, published=DAY).demands)


def _side(article: pt.Article, actor_id: str | None) -> str | None:
    actor = article.actor(actor_id) if actor_id else None
    return actor.country if actor else None


@pytest.mark.parametrize(
    ("text", "side", "topic", "polarity"),
    [
        pytest.param(
            "Moscow insists on the recognition of the annexed regions.",
            "RUS",
            "recognition",
            "demand",
            id="insists-on",
        ),
        pytest.param(
            "Kyiv refuses to give up any of its territory.",
            "UKR",
            "territory",
            "reject",
            id="refuses-to",
        ),
        pytest.param(
            "Ukraine agreed to a 30-day ceasefire proposed by Washington.",
            "UKR",
            "ceasefire",
            "accept",
            id="agreed-to",
        ),
        pytest.param(
            "Russia is not seeking the lifting of sanctions, its negotiator said.",
            "RUS",
            "sanctions",
            "disavow",
            id="not-seeking",
        ),
        pytest.param(
            "Ukraine will never accept the loss of Crimea, Andrii Sybiha said.",
            "UKR",
            "territory",
            "reject",
            id="will-never-accept",
        ),
        pytest.param(
            "The Kremlin demanded that Kyiv withdraw its troops from the four regions.",
            "RUS",
            "territory",
            "demand",
            id="demanded-that",
        ),
        pytest.param(
            "Israel is to free 600 Palestinian detainees under the first phase.",
            "ISR",
            "prisoners",
            "accept",
            id="is-to-free",
        ),
        pytest.param(
            "Armenia would not withdraw from the disputed villages, Nikol Pashinyan said.",
            "ARM",
            "territory",
            "reject",
            id="would-not-withdraw",
        ),
        pytest.param(
            "Kigali remained committed to dismantling the FDLR militia, its foreign minister said.",
            "RWA",
            "demilitarization",
            "accept",
            id="committed-to",
        ),
        pytest.param(
            "Hamas said the proposal was unacceptable to the movement's leadership.",
            "PSE",
            "negotiation",
            "reject",
            id="unacceptable",
        ),
    ],
)
def test_polarity_and_topic(text: str, side: str, topic: str, polarity: str) -> None:
    article = pt.parse(text, published=DAY)
    found = [(_side(article, d.holder), d.topic.value, d.polarity.value) for d in article.demands]
    assert (side, topic, polarity) in found, found


def test_negation_turns_a_demand_into_a_disavowal() -> None:
    article = pt.parse("Moscow does not want sanctions relief, the Kremlin said.", published=DAY)
    assert [(d.topic.value, d.polarity.value) for d in article.demands] == [
        ("sanctions", "disavow")
    ]


def test_no_preconditions_is_a_disavowal() -> None:
    article = pt.parse("Zelenskyy said Ukraine had no preconditions for talks.", published=DAY)
    assert any(d.polarity is pt.Polarity.DISAVOW for d in article.demands)


def test_condition_links_two_demands() -> None:
    text = (
        "Sergei Lavrov said the return of Russian diplomatic property should depend on the United States "
        "lifting sanctions on Aeroflot."
    )
    article = pt.parse(text, published=DAY)
    by_topic = {d.topic.value: d for d in article.demands}
    sanctions = by_topic["sanctions"]
    assert _side(article, sanctions.holder) == "RUS"
    assert _side(article, sanctions.target) == "USA"
    assert any("aeroflot" in o for o in sanctions.objects)
    dependent = [d for d in article.demands if d.condition == sanctions.id]
    assert dependent, "the demand that depends on lifting sanctions names it as its condition"


def test_target_and_objects_of_a_territorial_demand() -> None:
    text = "Vladimir Putin has demanded that Ukraine cede Donetsk and Luhansk oblasts."
    article = pt.parse(text, published=DAY)
    territory = next(d for d in article.demands if d.topic is pt.Topic.TERRITORY)
    assert _side(article, territory.holder) == "RUS"
    assert _side(article, territory.target) == "UKR"
    names = " ".join(territory.objects)
    assert "donetsk" in names
    assert "luhansk" in names


def test_a_list_of_demands() -> None:
    text = "Russia's demands include the lifting of sanctions and territorial concessions from Ukraine."
    article = pt.parse(text, published=DAY)
    assert sorted(d.topic.value for d in article.demands) == ["sanctions", "territory"]


def test_two_holders_of_one_acceptance() -> None:
    article = pt.parse("Thailand and Cambodia have accepted an immediate ceasefire.", published=DAY)
    assert sorted(_side(article, d.holder) or "" for d in article.demands) == ["KHM", "THA"]


def test_demands_in_a_statement_belong_to_the_speaker() -> None:
    text = "Andrii Sybiha said that any deal would require security guarantees for Ukraine."
    article = pt.parse(text, published=DAY)
    demand = next(d for d in article.demands if d.topic is pt.Topic.SECURITY_GUARANTEES)
    assert demand.statement == article.statements[0].id
    assert demand.holder == article.statements[0].speaker


def test_unchanged_demands_are_marked() -> None:
    text = "Russia continues to push for Ukraine's capitulation, with demands unchanged since 2022."
    article = pt.parse(text, published=DAY)
    assert article.demands
    assert all(d.modality is pt.Modality.UNCHANGED for d in article.demands)


def test_no_demand_without_a_holder() -> None:
    assert _demands("The further progress of negotiations depends on the weather.") == []


def test_codes_of_a_demand() -> None:
    article = pt.parse("Ukraine agreed to a 30-day ceasefire.", published=DAY)
    demand = article.demands[0]
    assert pt.cameo_code(demand) == "0871"
    assert pt.pax_codes(demand) == ("Ce",)
