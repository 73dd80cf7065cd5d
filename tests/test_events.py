"""Events: types, each status, dates, places, participants, every figure form, repetitions.

Every sentence here was written for these tests in the style of news about negotiations.
"""

from __future__ import annotations

import datetime as dt

import pytest

import peacetalks as pt

DAY = dt.date(2025, 6, 4)  # a Wednesday


def _events(text: str, published: dt.date | None = DAY) -> list[pt.Event]:
    return list(pt.parse(text, published=published).events)


def _one(text: str) -> pt.Event:
    found = _events(text)
    assert len(found) == 1, [(e.type.value, e.text) for e in found]
    return found[0]


def _countries(article: pt.Article, ids: tuple[str, ...]) -> set[str | None]:
    return {a.country for a in article.actors if a.id in ids}


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        pytest.param(
            "Russian and Ukrainian delegations met in Istanbul on Monday.",
            "talks",
            "occurred",
            id="met",
        ),
        pytest.param(
            "The two delegations are scheduled to meet in Istanbul on Friday.",
            "talks",
            "planned",
            id="scheduled",
        ),
        pytest.param(
            "Some 500 prisoners are expected to be released by both sides next week.",
            "prisoner-exchange",
            "expected",
            id="expected",
        ),
        pytest.param(
            "The summit in Budapest was called off on Tuesday.",
            "talks",
            "cancelled",
            id="called-off",
        ),
        pytest.param("Russia annexed Crimea in 2014.", "annexation", "occurred", id="annexed"),
        pytest.param(
            "A Russian drone attack on Odesa on Tuesday injured 12 people.",
            "attack",
            "occurred",
            id="attack",
        ),
        pytest.param(
            "Russian forces kept up assaults near Pokrovsk during the Easter truce.",
            "ceasefire-violation",
            "occurred",
            id="violation",
        ),
        pytest.param(
            "Israel and Hamas signed the first phase of the agreement in Sharm el-Sheikh.",
            "agreement",
            "occurred",
            id="signed",
        ),
    ],
)
def test_type_and_status(text: str, type_: str, status: str) -> None:
    found = [(e.type.value, e.status.value) for e in _events(text)]
    assert (type_, status) in found, found


def test_date_place_and_participants_of_talks() -> None:
    text = "Russian and Ukrainian delegations met in Istanbul on Monday."
    article = pt.parse(text, published=DAY)
    talks = article.events[0]
    assert talks.date is not None
    assert talks.date.value == "2025-06-02"
    assert talks.location is not None
    assert "istanbul" in talks.location
    assert _countries(article, talks.participants) >= {"RUS", "UKR"}


def test_participants_listed_one_by_one() -> None:
    text = "Representatives from the UK, France, the US, Ukraine and Germany convened in London."
    article = pt.parse(text, published=DAY)
    talks = article.events[0]
    assert _countries(article, talks.participants) >= {"GBR", "FRA", "USA", "UKR", "DEU"}


def test_the_subject_of_a_call_takes_part_in_it() -> None:
    text = "President Emmanuel Macron held a phone call today with Prime Minister Keir Starmer."
    article = pt.parse(text, published=DAY)
    call = article.events[0]
    assert _countries(article, call.participants) == {"FRA", "GBR"}


def test_two_calls_with_different_partners_stay_two_events() -> None:
    text = (
        "Chancellor Friedrich Merz had a telephone conversation today with Volodymyr Zelenskyy.\n\n"
        "Later, Chancellor Friedrich Merz spoke by phone with Donald Trump."
    )
    article = pt.parse(text, published=DAY)
    calls = [e for e in article.events if e.type.value == "talks"]
    assert [_countries(article, e.participants) for e in calls] == [
        {"DEU", "UKR"},
        {"DEU", "USA"},
    ]
    assert all(e.same_as is None for e in calls)


def test_met_by_their_families_is_no_meeting() -> None:
    text = "The freed soldiers were taken to Chernihiv, where they were met by their relatives."
    assert not [e for e in _events(text) if e.type.value == "talks"]
    assert [
        e.type.value for e in _events("Steve Witkoff was met by Vladimir Putin in Moscow.")
    ] == ["talks"]


def test_an_invasion_has_two_sides() -> None:
    text = (
        "Azerbaijan and Armenia resumed border talks on Monday. Baku said its 2020 offensive "
        "into Nagorno-Karabakh was not an invasion of Armenia."
    )
    article = pt.parse(text, published=DAY)
    invasions = [e for e in article.events if e.type.value == "invasion"]
    for invasion in invasions:
        assert _countries(article, invasion.participants) >= {"AZE", "ARM"}


def test_a_ceasefire_takes_the_sides_its_sentence_names() -> None:
    text = (
        "Witkoff said talks with the Kremlin went well. Dmitry Peskov said, citing a "
        "30-day moratorium on strikes on energy facilities, that Ukraine had broken it."
    )
    article = pt.parse(text, published=DAY)
    truce = next(e for e in article.events if e.type.value == "ceasefire")
    assert _countries(article, truce.participants) >= {"RUS", "UKR"}


def test_a_relative_clause_dates_the_event() -> None:
    text = (
        "Araghchi spoke after his talks with Steve Witkoff in Muscat, which began on Saturday "
        "afternoon and lasted more than two hours."
    )
    talks = next(e for e in _events(text) if e.type.value == "talks")
    assert talks.date is not None
    assert talks.date.value == "2025-05-31"
    text = "Both sides want to revive the talks that were broken off in 2022."
    assert all(e.date is None or e.date.value == "2022" for e in _events(text))


def test_a_holiday_naming_a_truce_gives_way_to_its_dates() -> None:
    text = "Putin ordered a “Christmas ceasefire” lasting from noon on January 6 to January 7."
    truce = next(e for e in _events(text, dt.date(2023, 1, 6)) if e.type.value == "ceasefire")
    assert truce.date is not None
    assert truce.date.value == "2023-01-06"
    alone = _events("Putin declared an Easter truce.", dt.date(2025, 4, 21))
    assert [e.date.value for e in alone if e.date] == ["2025-04-20"]


def test_talks_in_the_lead_take_the_datelines_place_when_a_party_is_at_home() -> None:
    text = (
        "ANKARA, June 4 (peacetalks sample) - Turkish President Recep Tayyip Erdogan held talks "
        "with Ukrainian Foreign Minister Andrii Sybiha on Wednesday.\n\n"
        "Sybiha later met European envoys."
    )
    article = pt.parse(text, published=DAY)
    first, *rest = [e for e in article.events if e.type.value == "talks"]
    assert first.location is not None
    assert "ankara" in first.location
    assert all(e.location is None for e in rest)  # not the lead paragraph


def test_negotiators_who_spent_hours_together_held_talks() -> None:
    text = "Armenian and Azerbaijani negotiators spent six hours together in Abu Dhabi on Monday."
    talks = _one(text)
    assert (talks.type.value, talks.status.value) == ("talks", "occurred")
    assert talks.date is not None
    assert talks.date.value == "2025-06-02"
    assert not _events("The two sides spent years arguing over the border.")


def test_a_mediator_is_not_a_party_to_an_exchange() -> None:
    text = "Russia and Ukraine each freed 84 prisoners of war on Thursday in a swap brokered by the UAE."
    article = pt.parse(text, published=DAY)
    swap = next(e for e in article.events if e.type is pt.EventType.PRISONER_EXCHANGE)
    assert _countries(article, swap.participants) == {"RUS", "UKR"}


@pytest.mark.parametrize(
    ("text", "kind", "value", "qualifier"),
    [
        pytest.param(
            "A missile strike on Kharkiv killed at least eight people.",
            "killed",
            8,
            "at-least",
            id="at-least",
        ),
        pytest.param(
            "A drone attack on Sumy on Sunday injured more than seventy residents.",
            "injured",
            70,
            "more-than",
            id="words",
        ),
        pytest.param(
            "Russia and Ukraine swapped 390 prisoners each on Friday.",
            "prisoners",
            390,
            None,
            id="each",
        ),
        pytest.param(
            "The sides carried out a 1,000-for-1,000 exchange of prisoners on Saturday.",
            "prisoners",
            1000,
            None,
            id="n-for-n",
        ),
        pytest.param(
            "Shelling near Kherson on Monday killed nearly 20 civilians.",
            "killed",
            20,
            "nearly",
            id="nearly",
        ),
        pytest.param(
            "Russia said it had handed over 1.2 thousand bodies of fallen soldiers in the exchange on Monday.",
            "bodies",
            1200,
            None,
            id="thousand",
        ),
    ],
)
def test_figures(text: str, kind: str, value: int, qualifier: str | None) -> None:
    figures = [f for e in _events(text) for f in e.figures]
    assert pt.Figure(kind, value, qualifier) in figures, figures


def test_handed_over_is_not_more_than() -> None:
    text = "Russia handed over 22 wounded Ukrainian prisoners on Monday."
    event = _one(text)
    assert event.figure("prisoners") == 22
    assert event.figures[0].qualifier is None


def test_a_generic_mention_is_not_an_event() -> None:
    assert _events("Any future ceasefire will need a mechanism to monitor violations.") == []
    assert _events("Peace talks remain the only way out, the minister said.") == []


def test_a_repetition_is_folded_into_the_first_mention() -> None:
    text = (
        "A Russian missile strike on Kyiv killed nine people on Thursday. "
        "The strike was the deadliest in weeks, officials said."
    )
    attacks = [e for e in _events(text) if e.type is pt.EventType.ATTACK]
    assert len(attacks) == 1
    assert attacks[0].location is not None
    assert "kyiv" in attacks[0].location


def test_a_later_mention_that_adds_a_date_is_linked() -> None:
    text = (
        "A prisoner exchange between the two countries took place on the border with Belarus. "
        "The exchange on Friday returned 150 soldiers to each side."
    )
    exchanges = [e for e in _events(text) if e.type is pt.EventType.PRISONER_EXCHANGE]
    assert len(exchanges) == 2
    assert exchanges[1].same_as == exchanges[0].id


def test_two_different_exchanges_stay_apart() -> None:
    text = (
        "Russia and Ukraine swapped 175 prisoners each on 19 March. "
        "They had exchanged 1,000 prisoners each on 23 May."
    )
    exchanges = [e for e in _events(text) if e.type is pt.EventType.PRISONER_EXCHANGE]
    assert [e.figure("prisoners") for e in exchanges] == [175, 1000]
    assert exchanges[1].same_as is None


def test_plover_and_cameo_codes() -> None:
    event = _one("Russian and Ukrainian delegations met in Istanbul on Monday.")
    assert pt.cameo_code(event) == "040"
    record = pt.to_plover(event)
    assert record["event_type"] == "CONSULT"
    assert record["event_date"] == "2025-06-02"
