"""The gazetteer: lookups by alias, spelling, role on a date, demonym, metonym and body; explicit
ambiguity; extension without mutation; the bundled data; provisional actors and same_actor."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt

GAZ = pt.Gazetteer.default()
D = dt.date


def data(name: str) -> Any:
    return json.loads(resources.files("peacetalks").joinpath(f"data/{name}").read_text("utf-8"))


# ---------------------------------------------------------------------------------------------
# resolve_actor: names, aliases and spellings

NAMES: list[tuple[str, str]] = [
    ("Zelensky", "person:volodymyr-zelenskyy"),
    ("Zelenskiy", "person:volodymyr-zelenskyy"),
    ("Selenskyj", "person:volodymyr-zelenskyy"),
    ("Volodymyr Zelensky's", "person:volodymyr-zelenskyy"),
    ("Зеленський", "person:volodymyr-zelenskyy"),
    ("Wladimir Putin", "person:vladimir-putin"),
    ("Poutine", "person:vladimir-putin"),
    ("Lawrow", "person:sergey-lavrov"),
    ("Mr. Lavrov", "person:sergey-lavrov"),
    ("Dmitri Peskov", "person:dmitry-peskov"),
    ("Peskow", "person:dmitry-peskov"),
    ("Uschakow", "person:yuri-ushakov"),
    ("Schoigu", "person:sergei-shoigu"),
    ("Medwedew", "person:dmitry-medvedev"),
    ("Dmitry Kuleba", "person:dmytro-kuleba"),
    ("Andrii Yermak", "person:andriy-yermak"),
    ("Syrsky", "person:oleksandr-syrskyi"),
    ("Denis Shmygal", "person:denys-shmyhal"),
    ("Andrei Sibiga", "person:andrii-sybiha"),
    ("Yuliya Sviridenko", "person:yulia-svyrydenko"),
    ("Medinskiy", "person:vladimir-medinsky"),
    ("Umierov", "person:rustem-umerov"),
    ("Donald J. Trump", "person:donald-trump"),
    ("J.D. Vance", "person:jd-vance"),
    ("Erdogan", "person:recep-tayyip-erdogan"),
    ("Bibi", "person:benjamin-netanyahu"),
    ("MBS", "person:mohammed-bin-salman"),
    ("MBZ", "person:mohamed-bin-zayed"),
    ("Hemedti", "person:mohamed-hamdan-dagalo"),
    ("al-Hayya", "person:khalil-al-hayya"),
    ("Hayya", "person:khalil-al-hayya"),
    ("el-Sisi", "person:abdel-fattah-el-sisi"),
    ("Ben Gvir", "person:itamar-ben-gvir"),
    ("Hun Manet", "person:hun-manet"),
    ("Anwar", "person:anwar-ibrahim"),
    ("Kayikwamba Wagner", "person:therese-kayikwamba-wagner"),
    ("Institute for the Study of War", "org:isw"),
    ("ISW", "org:isw"),
    ("RDIF", "org:rdif"),
    ("Fox News", "media:fox-news"),
    ("Truth Social", "media:truth-social"),
    ("Hamas", "group:hamas"),
    ("Türkiye", "state:tur"),
    ("Turkey", "state:tur"),
    ("the UAE", "state:are"),
    ("U.S.", "state:usa"),
    ("Great Britain", "state:gbr"),
    ("Czech Republic", "state:cze"),
    ("Ivory Coast", "state:civ"),
    ("DRC", "state:cod"),
    ("Holy See", "state:vat"),
    ("State of Palestine", "state:pse"),
    ("Kosovo", "state:xkx"),
    ("Taiwan", "state:twn"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_names_aliases_and_spellings(text: str, expected: str) -> None:
    actor = pt.resolve_actor(text)
    assert actor is not None, text
    assert actor.id == expected


# ---------------------------------------------------------------------------------------------
# roles on a date

ROLES: list[tuple[str, dt.date | None, str]] = [
    ("the Russian president", D(2025, 4, 12), "person:vladimir-putin"),
    ("the Russian president", D(2010, 1, 1), "person:dmitry-medvedev"),
    ("the US president", D(2023, 6, 1), "person:joe-biden"),
    ("the US president", D(2019, 6, 1), "person:donald-trump"),
    ("the US president", None, "person:donald-trump"),
    ("Ukraine's president", D(2018, 1, 1), "person:petro-poroshenko"),
    ("the Russian foreign minister", D(2025, 4, 12), "person:sergey-lavrov"),
    ("Russia's top diplomat", None, "person:sergey-lavrov"),
    ("the US secretary of state", D(2025, 4, 12), "person:marco-rubio"),
    ("the US secretary of state", D(2019, 6, 1), "person:mike-pompeo"),
    ("the US foreign minister", D(2022, 6, 1), "person:antony-blinken"),
    ("Kremlin spokesman", D(2025, 4, 12), "person:dmitry-peskov"),
    ("Putin's spokesman", None, "person:dmitry-peskov"),
    ("the Kremlin leader", None, "person:vladimir-putin"),
    ("the Ukrainian foreign minister", D(2023, 1, 1), "person:dmytro-kuleba"),
    ("the Ukrainian defence minister", D(2024, 1, 1), "person:rustem-umerov"),
    ("Russia's defence minister", D(2020, 1, 1), "person:sergei-shoigu"),
    ("Russia's defense minister", D(2024, 6, 1), "person:andrei-belousov"),
    ("Ukraine's human rights commissioner", None, "person:dmytro-lubinets"),
    ("Zelensky's chief of staff", D(2025, 1, 1), "person:andriy-yermak"),
    ("the Israeli prime minister", D(2022, 9, 1), "person:yair-lapid"),
    ("the Israeli leader", None, "person:benjamin-netanyahu"),
    ("the German chancellor", D(2024, 1, 1), "person:olaf-scholz"),
    ("the British prime minister", D(2022, 10, 1), "person:liz-truss"),
    ("the Chinese foreign minister", D(2023, 5, 1), "person:qin-gang"),
    ("NATO chief", D(2023, 1, 1), "person:jens-stoltenberg"),
    ("the NATO secretary general", None, "person:mark-rutte"),
    ("the EU foreign policy chief", None, "person:kaja-kallas"),
    ("the UN secretary-general", None, "person:antonio-guterres"),
    ("the White House press secretary", None, "person:karoline-leavitt"),
    ("the pope", D(2024, 1, 1), "person:pope-francis"),
    ("the pope", D(2025, 6, 1), "person:pope-leo-xiv"),
    ("the Pakistani army chief", None, "person:asim-munir"),
    ("Ukraine's military intelligence chief", D(2025, 1, 1), "person:kyrylo-budanov"),
    ("the Qatari prime minister", None, "person:mohammed-bin-abdulrahman-al-thani"),
    ("President of the French Republic", None, "person:emmanuel-macron"),
    ("VP Vance", None, "person:jd-vance"),
    ("the Russian FM", None, "person:sergey-lavrov"),
    ("Pentagon chief", None, "person:pete-hegseth"),
    ("the head of the Russian defence ministry", None, "person:andrei-belousov"),
    ("Putin's foreign policy aide", None, "person:yuri-ushakov"),
    ("the head of Ukraine's presidential office", D(2025, 6, 1), "person:andriy-yermak"),
    ("the Kremlin leader", D(2010, 1, 1), "person:dmitry-medvedev"),
    ("RSF leader", None, "person:mohamed-hamdan-dagalo"),
    ("the British king", None, "person:charles-iii"),
    # an office in a body is not the country's: M23's president is not Congo's
    ("the Congolese president", None, "person:felix-tshisekedi"),
    ("the M23 president", None, "person:bertrand-bisimwa"),
]


@pytest.mark.parametrize(("text", "on", "expected"), ROLES)
def test_roles_on_a_date(text: str, on: dt.date | None, expected: str) -> None:
    actor = pt.resolve_actor(text, on=on)
    assert actor is not None, (text, on)
    assert actor.id == expected


def test_former_holders() -> None:
    former = GAZ.lookup("the former US secretary of state", on=D(2025, 4, 12))
    assert {"person:antony-blinken", "person:mike-pompeo"} <= set(former.ids)
    assert "person:marco-rubio" not in former.ids
    assert former.actor is None


def test_a_role_lookup_says_which_office() -> None:
    found = GAZ.lookup("the Russian foreign minister", on=D(2025, 4, 12))
    assert found.office == "foreign-minister"
    assert [str(c.rule) for c in found.candidates] == ["role"]


def test_holders() -> None:
    assert [a.id for a in GAZ.holders("foreign-minister", country="UA", on=D(2021, 1, 1))] == [
        "person:dmytro-kuleba"
    ]
    assert GAZ.holders("gardener") == ()
    assert [a.id for a in GAZ.holders("spokesman", organization="gov:kremlin")] == [
        "person:dmitry-peskov"
    ]
    assert GAZ.holders("president", country="ZZ") == ()
    assert GAZ.holders("no such thing") == ()


# ---------------------------------------------------------------------------------------------
# demonyms, metonyms, bodies

DEMONYMS_AND_METONYMS: list[tuple[str, str]] = [
    ("Russian", "state:rus"),
    ("Ukrainian", "state:ukr"),
    ("American", "state:usa"),
    ("Thai", "state:tha"),
    ("Emirati", "state:are"),
    ("Cambodian", "state:khm"),
    ("Malaysian", "state:mys"),
    ("Rwandan", "state:rwa"),
    ("Azerbaijani", "state:aze"),
    ("Armenian", "state:arm"),
    ("Israeli", "state:isr"),
    ("Palestinian", "state:pse"),
    ("Qatari", "state:qat"),
    ("Saudi", "state:sau"),
    ("Turkish", "state:tur"),
    ("Norwegian", "state:nor"),
    ("Israelis", "state:isr"),
    ("the Kremlin", "gov:kremlin"),
    ("the White House", "gov:white-house"),
    ("Bankova", "gov:ukr-presidential-office"),
    ("Downing Street", "gov:gbr-prime-ministers-office"),
    ("the Elysee", "gov:fra-presidency"),
    ("the Pentagon", "gov:pentagon"),
    ("Moscow", "state:rus"),
    ("Kyiv", "state:ukr"),
    ("Kiev", "state:ukr"),
    ("Washington", "state:usa"),
    ("Beijing", "state:chn"),
    ("Ankara", "state:tur"),
]


@pytest.mark.parametrize(("text", "expected"), DEMONYMS_AND_METONYMS)
def test_demonyms_and_metonyms(text: str, expected: str) -> None:
    actor = pt.resolve_actor(text)
    assert actor is not None, text
    assert actor.id == expected


def test_the_kremlin_is_its_own_actor() -> None:
    kremlin = pt.resolve_actor("the Kremlin")
    assert kremlin is not None
    assert (kremlin.id, kremlin.name, kremlin.country, str(kremlin.kind)) == (
        "gov:kremlin",
        "Kremlin",
        "RUS",
        "government",
    )


def test_a_capital_is_the_state_as_speaker_and_the_city_as_place() -> None:
    found = GAZ.lookup("Moscow")
    assert [(c.id, str(c.rule), str(c.kind)) for c in found.candidates] == [
        ("state:rus", "metonym", "actor"),
        ("place:moscow", "name", "place"),
    ]
    assert found.actor is not None
    assert found.actor.id == "state:rus"
    assert found.place is not None
    assert found.place.id == "place:moscow"
    assert not found.is_ambiguous


BODIES: list[tuple[str, str, str, str]] = [
    ("Russia's Defence Ministry", "gov:rus-defence-ministry", "Russian Defence Ministry", "RUS"),
    (
        "the Russian Ministry of Defense",
        "gov:rus-defence-ministry",
        "Russian Defence Ministry",
        "RUS",
    ),
    (
        "Ministry of Defence of Russia",
        "gov:rus-defence-ministry",
        "Russian Defence Ministry",
        "RUS",
    ),
    (
        "the Cambodian defence ministry",
        "gov:khm-defence-ministry",
        "Cambodian Defence Ministry",
        "KHM",
    ),
    ("Thai army", "gov:tha-army", "Royal Thai Army", "THA"),
    (
        "the Armenian foreign ministry",
        "gov:arm-foreign-ministry",
        "Armenian Foreign Ministry",
        "ARM",
    ),
    (
        "Ministry of Foreign Affairs of the UAE",
        "gov:are-foreign-ministry",
        "Emirati Foreign Ministry",
        "ARE",
    ),
    (
        "the Israeli prime minister's office",
        "gov:isr-prime-ministers-office",
        "Israeli Prime Minister's Office",
        "ISR",
    ),
    ("Rwanda's army", "gov:rwa-army", "Rwandan Army", "RWA"),
    ("Russian forces", "gov:rus-armed-forces", "Russian Armed Forces", "RUS"),
    ("the US military", "gov:usa-armed-forces", "US Armed Forces", "USA"),
    (
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War",
        "gov:ukr-coordination-headquarters-for-the-treatment-of-prisoners-of-war",
        "Coordination Headquarters for the Treatment of Prisoners of War",
        "UKR",
    ),
    (
        "Cambodia's Mine Action Authority",
        "gov:khm-mine-action-authority",
        "Cambodian Mine Action Authority",
        "KHM",
    ),
    ("Moscow's delegation", "gov:rus-delegation", "Russian Delegation", "RUS"),
    (
        "Azerbaijan's State Border Service",
        "gov:aze-state-border-service",
        "Azerbaijani State Border Service",
        "AZE",
    ),
]


@pytest.mark.parametrize(("text", "id_", "name", "country"), BODIES)
def test_bodies_built_by_rule(text: str, id_: str, name: str, country: str) -> None:
    actor = pt.resolve_actor(text)
    assert actor is not None, text
    assert (actor.id, actor.name, actor.country, str(actor.kind)) == (
        id_,
        name,
        country,
        "government",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Russian side", "state:rus"),
        ("Ukrainian officials", "state:ukr"),
        ("US officials", "state:usa"),
        ("Israeli sources", "state:isr"),
    ],
)
def test_the_side_and_its_officials_stand_for_the_state(text: str, expected: str) -> None:
    actor = pt.resolve_actor(text)
    assert actor is not None
    assert actor.id == expected


def test_institution_for_a_country_learnt_from_context() -> None:
    found = GAZ.institution("the foreign ministry", country="AE")
    assert found is not None
    assert found.id == "gov:are-foreign-ministry"
    assert found.country == "ARE"
    assert GAZ.institution("MoD", country="RUS") == pt.resolve_actor("Russia's Defence Ministry")
    assert GAZ.institution("defence-ministry", country="KHM") == pt.resolve_actor(
        "the Cambodian defence ministry"
    )
    white_house = GAZ.institution("presidential office", country="USA")
    assert white_house is not None
    assert white_house.id == "gov:white-house"
    built = GAZ.institution("National Guard", country="UKR")
    assert built is not None
    assert built.id == "gov:ukr-national-guard"
    assert GAZ.institution("the weather", country="UKR") is None
    assert GAZ.institution("foreign ministry", country="XX") is None


# ---------------------------------------------------------------------------------------------
# places

PLACES: list[tuple[str, str, str | None]] = [
    ("Riyadh", "place:riyadh", "SAU"),
    ("Jeddah", "place:jeddah", "SAU"),
    ("Istanbul", "place:istanbul", "TUR"),
    ("Geneva", "place:geneva", "CHE"),
    ("Abu Dhabi", "place:abu-dhabi", "ARE"),
    ("Anchorage", "place:anchorage", "USA"),
    ("Sharm el-Sheikh", "place:sharm-el-sheikh", "EGY"),
    ("Putrajaya", "place:putrajaya", "MYS"),
    ("Phnom Penh", "place:phnom-penh", "KHM"),
    ("Kinshasa", "place:kinshasa", "COD"),
    ("Goma", "place:goma", "COD"),
    ("Washington, D.C.", "place:washington-dc", "USA"),
    ("Kyiv", "place:kyiv", "UKR"),
    ("Kiev", "place:kyiv", "UKR"),
    ("Bakhmut", "place:bakhmut", "UKR"),
    ("Artemovsk", "place:bakhmut", "UKR"),
    ("Dnepropetrovsk Oblast", "place:ua-dnipropetrovsk-oblast", "UKR"),
    ("Donetsk Oblast", "place:ua-donetsk-oblast", "UKR"),
    ("Zaporozhye region", "place:ua-zaporizhzhia-oblast", "UKR"),
    ("Kursk region", "place:ru-kursk-oblast", "RUS"),
    ("Crimea", "place:crimea", "UKR"),
    ("Sevastopol", "place:sevastopol", "UKR"),
    ("Pokrovsk", "place:pokrovsk", "UKR"),
    ("Mariupol", "place:mariupol", "UKR"),
    ("Black Sea", "place:black-sea", None),
    ("Sea of Azov", "place:sea-of-azov", None),
    ("Gaza", "place:gaza-strip", "PSE"),
    ("Saudi Arabia", "country:sau", "SAU"),
    ("Belarus", "country:blr", "BLR"),
]


@pytest.mark.parametrize(("text", "id_", "country"), PLACES)
def test_places(text: str, id_: str, country: str | None) -> None:
    place = pt.resolve_place(text)
    assert place is not None, text
    assert (place.id, place.country) == (id_, country)


def test_oblast_codes() -> None:
    donetsk = GAZ.place("place:ua-donetsk-oblast")
    assert donetsk is not None
    assert (donetsk.name, donetsk.code, str(donetsk.kind)) == ("Donetsk Oblast", "UA-14", "region")
    assert "Donetsk" in donetsk.aliases
    codes = {p.code for p in GAZ.places if p.code and p.code.startswith("UA-")}
    assert len(codes) == 27  # 24 oblasts, Crimea, Kyiv and Sevastopol


# ---------------------------------------------------------------------------------------------
# ambiguity and unknowns


def test_ambiguity_is_explicit() -> None:
    donetsk = GAZ.lookup("Donetsk")
    assert donetsk.ids == ("place:donetsk", "place:ua-donetsk-oblast")
    assert donetsk.is_ambiguous
    assert donetsk.place is None
    assert pt.resolve_place("Donetsk") is None
    congolese = GAZ.lookup("Congolese")
    assert set(congolese.ids) == {"state:cod", "state:cog"}
    assert congolese.actor is None
    assert pt.resolve_actor("Congolese") is None
    sharif = GAZ.lookup("Shinawatra")
    assert set(sharif.ids) == {"person:thaksin-shinawatra", "person:paetongtarn-shinawatra"}
    thai_pm = GAZ.lookup("the Thai prime minister", on=D(2025, 7, 29))
    assert set(thai_pm.ids) == {
        "person:paetongtarn-shinawatra",
        "person:phumtham-wechayachai",
    }
    assert thai_pm.actor is None
    everyone = GAZ.lookup("the president", on=D(2025, 4, 12))
    assert len(everyone.actors) > 20
    assert everyone.actor is None


@pytest.mark.parametrize(
    "text",
    ["John Smith", "the weather", "", "   ", "Donald", "May", "Maly", "us", "the", "President"],
)
def test_unknown_names_and_non_names(text: str) -> None:
    assert pt.resolve_actor(text) is None
    assert pt.resolve_place(text) is None


@given(st.text(max_size=60))
def test_lookups_never_raise(text: str) -> None:
    found = GAZ.lookup(text)
    assert all(isinstance(c, pt.Candidate) for c in found.candidates)
    pt.resolve_actor(text)
    pt.resolve_place(text)


@pytest.mark.parametrize("bad", [None, 3, b"Lavrov"])
def test_only_str_is_looked_up(bad: Any) -> None:
    with pytest.raises(TypeError):
        pt.resolve_actor(bad)
    with pytest.raises(TypeError):
        GAZ.scan(bad)
    with pytest.raises(TypeError, match=r"datetime\.date"):
        pt.resolve_actor("Putin", on=dt.datetime(2025, 1, 1))


# ---------------------------------------------------------------------------------------------
# extending without mutation


def test_extended_returns_a_new_gazetteer_and_leaves_the_old_one() -> None:
    before = len(GAZ.actors)
    khyliuk = pt.Actor(
        id="person:dmytro-khyliuk", name="Dmytro Khyliuk", kind="person", country="UKR"
    )
    mine = GAZ.extended(actors=[khyliuk])
    assert mine is not GAZ
    assert len(GAZ.actors) == before
    assert len(mine.actors) == before + 1
    assert pt.resolve_actor("Dmytro Khyliuk") is None
    assert pt.resolve_actor("Dmitry Khyliuk", gazetteer=mine) == khyliuk
    assert [h.ids for h in mine.scan("Khyliuk was freed.")] == [("person:dmytro-khyliuk",)]
    assert pt.Gazetteer.default() is GAZ


def test_a_record_with_a_known_id_replaces_the_old_one() -> None:
    renamed = pt.Actor(id="org:isw", name="ISW think tank", kind="organization", country="USA")
    mine = GAZ.extended(actors=[renamed])
    assert mine.actor("org:isw") == renamed
    assert GAZ.actor("org:isw") != renamed
    assert pt.resolve_actor("think tank", gazetteer=mine) is None
    assert pt.resolve_actor("ISW think tank", gazetteer=mine) == renamed


def test_gazetteers_cannot_be_changed() -> None:
    with pytest.raises(AttributeError):
        GAZ._records = None  # type: ignore[assignment]
    with pytest.raises(TypeError):
        GAZ.extended(actors=["Putin"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        GAZ.merged("data.json")  # type: ignore[arg-type]


def test_load_a_users_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "checked": "2026-11-22",
                "actors": [
                    {
                        "id": "person:margaret-brennan",
                        "name": "Margaret Brennan",
                        "kind": "person",
                        "country": "USA",
                        "roles": [
                            {"title": "Host of Face the Nation", "organization": "media:cbs"}
                        ],
                    }
                ],
                "places": [
                    {
                        "id": "place:shell-bay",
                        "name": "Shell Bay",
                        "kind": "other",
                        "country": "USA",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    mine = pt.Gazetteer.load(path)
    assert [a.id for a in mine.actors] == ["person:margaret-brennan"]
    both = GAZ.merged(mine)
    hits = both.scan("CBS host Margaret Brennan asked Lavrov at Shell Bay.")
    assert [h.ids[0] for h in hits] == [
        "person:margaret-brennan",
        "person:margaret-brennan",
        "person:sergey-lavrov",
        "place:shell-bay",
    ]
    assert str(hits[0].rule) == "role"
    assert hits[0].qualifier == "media:cbs"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[]", "object"),
        ('{"people": []}', "unknown keys"),
        ('{"actors": [{"id": "x", "name": "X"}]}', "KeyError"),
        ('{"actors": [{"id": "x", "name": "X", "kind": "wizard"}]}', "wizard"),
        (
            '{"actors": [{"id": "x", "name": "X", "kind": "person", "roles": '
            '[{"title": "T", "start": "soon"}]}]}',
            "not a date",
        ),
        ('{"places": [{"id": "p", "name": "P", "kind": "city", "country": "Narnia"}]}', "alpha-3"),
        ("{not json", "not JSON"),
    ],
)
def test_bad_files_raise_invalid_record(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(pt.InvalidRecord, match=message):
        pt.Gazetteer.load(path)


# ---------------------------------------------------------------------------------------------
# provisional actors and same_actor


def test_provisional_actors_have_stable_ids() -> None:
    first = pt.provisional_actor("Cambodian spokeswoman Maly Socheata", country="KHM")
    again = pt.provisional_actor("Maly Socheata's")
    assert first.id == again.id == "prov:mali-socheata"
    assert (first.name, first.country, first.provisional) == ("Maly Socheata", "KHM", True)
    assert again.country is None
    assert pt.provisional_actor("Dmitri Khilyuk").id == pt.provisional_actor("Dmytro Khyliuk").id
    group = pt.provisional_actor("the anti-corruption investigators", kind="group")
    assert str(group.kind) == "group"
    assert group.id.startswith("prov:")
    arabic = pt.provisional_actor("خليل الحية")
    assert re.fullmatch(r"prov:[a-z0-9-]+", arabic.id)
    assert arabic.name == "خليل الحية"


@pytest.mark.parametrize("text", ["", "   ", "the", "Mr.", "the Foreign Minister", "!!"])
def test_provisional_actor_needs_a_name(text: str) -> None:
    with pytest.raises(pt.InvalidName) as info:
        pt.provisional_actor(text)
    assert info.value.text == text
    assert isinstance(info.value, ValueError)


SAME: list[tuple[str, str, bool]] = [
    ("Thérèse Kayikwamba Wagner", "Kayikwamba Wagner", True),
    ("Dmitry Peskov", "Dmitri Peskov", True),
    ("Andriy Yermak", "Andriy Sybiha", False),
    ("Donald Trump", "Trump", True),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("Joe Biden", "Hunter Biden", False),
    ("J. Biden", "Joe Biden", True),
    ("Volodymyr Zelensky", "Vladimir Zelenskiy", True),
    ("Sergey Lavrov", "Sergei Lavrov", True),
    ("Khalil al-Hayya", "al-Hayya", True),
]


@pytest.mark.parametrize(("first", "second", "same"), SAME)
def test_same_actor_by_name(first: str, second: str, same: bool) -> None:
    a, b = pt.provisional_actor(first), pt.provisional_actor(second)
    assert pt.same_actor(a, b) is same
    assert pt.same_actor(b, a) is same


def test_same_actor_across_gazetteers() -> None:
    known = pt.resolve_actor("Peskov")
    assert known is not None
    assert pt.same_actor(known, pt.provisional_actor("Dmitri Peskov"))
    assert pt.same_actor(known, pt.provisional_actor("Peskov", country="RUS"))
    assert not pt.same_actor(known, pt.provisional_actor("Peskov", country="USA"))
    assert not pt.same_actor(known, pt.provisional_actor("Dmitry Peskov", kind="group"))
    wiki = pt.Actor(id="x:putin", name="V. V. Putin", kind="person", wikidata="Q7747")
    putin = pt.resolve_actor("Putin")
    assert putin is not None
    assert pt.same_actor(putin, wiki)
    moscow = pt.resolve_actor("Moscow")
    russia = pt.resolve_actor("Russian Federation")
    assert moscow is not None
    assert russia is not None
    assert pt.same_actor(moscow, russia)


# ---------------------------------------------------------------------------------------------
# the bundled data


@pytest.mark.parametrize(
    "name", ["names.json", "countries.json", "places.json", "actors.json", "offices.json"]
)
def test_every_data_file_says_when_it_was_checked(name: str) -> None:
    assert data(name)["checked"] == "2026-11-22"


def test_countries() -> None:
    countries = data("countries.json")["countries"]
    assert len(countries) == 197  # 193 members, 2 observers, Kosovo, Taiwan
    for entry in countries:
        assert re.fullmatch(r"[A-Z]{2}", entry["code2"]), entry
        assert re.fullmatch(r"[A-Z]{3}", entry["code3"]), entry
        assert entry["demonyms"], entry
    assert len({e["code3"] for e in countries}) == 197
    states = [a for a in GAZ.actors if str(a.kind) == "state"]
    assert len(states) == 197
    assert all(a.id == f"state:{a.country.lower()}" for a in states if a.country)
    assert all(GAZ.place(f"country:{a.country.lower()}") for a in states if a.country)


ID = re.compile(r"(person|state|gov|org|group|media|place|country|prov):[a-z0-9]+(?:-[a-z0-9]+)*")


def test_ids_follow_the_conventions() -> None:
    records: list[pt.Actor | pt.Place] = [*GAZ.actors, *GAZ.places]
    for record in records:
        assert ID.fullmatch(record.id), record.id
        prefix = record.id.split(":")[0]
        if isinstance(record, pt.Actor):
            assert (
                prefix
                == {
                    "person": "person",
                    "state": "state",
                    "government": "gov",
                    "organization": "org",
                    "armed-group": "group",
                    "group": "group",
                    "media": "media",
                }[str(record.kind)]
            ), record.id
        else:
            assert prefix == ("country" if str(record.kind) == "country" else "place"), record.id


def test_enough_people_with_roles_and_countries() -> None:
    people = [a for a in GAZ.actors if str(a.kind) == "person"]
    assert len(people) >= 150
    assert all(a.country for a in people)
    assert all(a.roles for a in people)


def test_every_role_names_an_office_and_a_known_body() -> None:
    index = GAZ._index
    known = {a.id for a in GAZ.actors} | {p.id for p in GAZ.places}
    for person in GAZ.actors:
        for role in person.roles:
            assert index.office_of_title(role.title) is not None, (person.id, role.title)
            org = role.organization
            assert org is None or org in known or index.country_of(org), (person.id, org)


def test_places_lie_in_known_countries() -> None:
    codes = {e["code3"] for e in data("countries.json")["countries"]}
    for place in GAZ.places:
        assert place.country is None or place.country in codes, place.id
