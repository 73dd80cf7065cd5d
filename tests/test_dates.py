"""normalize_date and find_dates: table-driven cases in news phrasing, properties, speed."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacetalks as pt
from peacetalks import InvalidDate, Modifier, normalize_date

WED = dt.date(2025, 4, 16)  # a Wednesday
SAT = dt.date(2024, 11, 23)  # a Saturday
MID_YEAR = dt.date(2023, 7, 10)


def value(text: str, reference: dt.date | None = WED, **options: object) -> str:
    return normalize_date(text, reference=reference, **options).value  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# normalize_date: one expression, its value

CALENDAR = [
    ("9 May 2024", "2024-05-09"),
    ("May 9, 2024", "2024-05-09"),
    ("May 9 2024", "2024-05-09"),
    ("9th May 2024", "2024-05-09"),
    ("the 9th of May, 2024", "2024-05-09"),
    ("Sept. 3, 2023", "2023-09-03"),
    ("Sep 3, 2023", "2023-09-03"),
    ("24 Feb. 2022", "2022-02-24"),
    ("February 24th, 2022", "2022-02-24"),
    ("on 24 February 2022", "2022-02-24"),
    ("Tuesday, 3 June 2025", "2025-06-03"),
    ("2023-11-05", "2023-11-05"),
    ("05.11.2023", "2023-11-05"),
    ("2023/11/05", "2023-11-05"),
    ("25/12/2023", "2023-12-25"),
    ("12/25/2023", "2023-12-25"),
    ("11/05/23", "2023-11-05"),
    ("November 2023", "2023-11"),
    ("Nov. 2023", "2023-11"),
    ("in November of 2023", "2023-11"),
    ("2019", "2019"),
    ("since 2019", "2019"),
    ("the year 2000", "2000"),
    ("2023-11", "2023-11"),
    ("'98", "1998"),
    ("2025-04-16T09:15", "2025-04-16T09:15"),
]


@pytest.mark.parametrize(("text", "expected"), CALENDAR)
def test_calendar_dates(text: str, expected: str) -> None:
    assert value(text) == expected


YEARLESS = [
    # the occurrence nearest the reference (Wednesday 16 April 2025)
    ("3 April", "2025-04-03"),
    ("April 3rd", "2025-04-03"),
    ("the 3rd of April", "2025-04-03"),
    ("Apr. 30", "2025-04-30"),
    ("20 December", "2024-12-20"),
    ("Jan. 6", "2025-01-06"),
    ("July 4", "2025-07-04"),
    ("the first of May", "2025-05-01"),
    ("October", "2025-10"),
    ("in March", "2025-03"),
]


@pytest.mark.parametrize(("text", "expected"), YEARLESS)
def test_dates_without_a_year_take_the_nearest_occurrence(text: str, expected: str) -> None:
    assert value(text) == expected


def test_a_tie_between_two_years_goes_to_the_earlier_one() -> None:
    # 1 January lies 183 days either side of 2 July 2024
    assert value("1 January", dt.date(2024, 7, 2)) == "2024-01-01"
    assert value("1 January", dt.date(2024, 7, 3)) == "2025-01-01"


def test_the_29th_of_february_finds_a_leap_year() -> None:
    assert value("29 February", dt.date(2025, 3, 1)) == "2024-02-29"


def test_all_number_dates_follow_the_day_order_policy() -> None:
    assert value("04/05/2025") == "2025-04-05"
    assert value("04/05/2025", day_order="mdy") == "2025-04-05"
    assert value("04/05/2025", day_order="dmy") == "2025-05-04"
    assert value("13/05/2025", day_order="mdy") == "2025-05-13"  # 13 cannot be a month
    assert value("04.05.2025", day_order="mdy") == "2025-05-04"  # dots are always day first
    with pytest.raises(InvalidDate, match="ambiguous"):
        normalize_date("04/05/2025", day_order="strict")
    assert value("05/05/2025", day_order="strict") == "2025-05-05"


RELATIVE = [
    ("today", WED, "2025-04-16"),
    ("Yesterday", WED, "2025-04-15"),
    ("tomorrow", WED, "2025-04-17"),
    ("the day before yesterday", WED, "2025-04-14"),
    ("tonight", WED, "2025-04-16TNI"),
    ("this morning", WED, "2025-04-16TMO"),
    ("last night", WED, "2025-04-15TNI"),
    ("earlier today", WED, "2025-04-16"),
    ("three days ago", WED, "2025-04-13"),
    ("a week ago", WED, "2025-04-09"),
    ("two weeks ago", WED, "2025-W14"),
    ("six months ago", WED, "2024-10"),
    ("two years ago", WED, "2023"),
    ("a year ago", WED, "2024"),
    ("ten days later", WED, "2025-04-26"),
    ("three weeks from now", WED, "2025-W19"),
    ("last week", SAT, "2024-W46"),
    ("this week", SAT, "2024-W47"),
    ("next week", SAT, "2024-W48"),
    ("the coming week", SAT, "2024-W48"),
    ("this weekend", SAT, "2024-W47-WE"),
    ("the weekend", SAT, "2024-W47-WE"),
    ("next weekend", SAT, "2024-W48-WE"),
    ("last weekend", SAT, "2024-W46-WE"),
    ("last month", SAT, "2024-10"),
    ("this month", SAT, "2024-11"),
    ("next month", SAT, "2024-12"),
    ("earlier this month", SAT, "2024-11"),
    ("later this year", SAT, "2024"),
    ("last year", SAT, "2023"),
    ("next year", SAT, "2025"),
    ("the previous year", SAT, "2023"),
    ("last quarter", SAT, "2024-Q3"),
    ("this decade", SAT, "202"),
    ("last September", dt.date(2025, 9, 15), "2024-09"),
    ("last September", dt.date(2025, 10, 15), "2025-09"),
    ("next January", SAT, "2025-01"),
    ("October of next year", SAT, "2025-10"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), RELATIVE)
def test_relative_expressions(text: str, reference: dt.date, expected: str) -> None:
    assert value(text, reference) == expected


WEEKDAYS = [
    ("Monday", "2025-04-14"),  # two days back is nearer than five ahead
    ("Friday", "2025-04-18"),
    ("Saturday", "2025-04-19"),
    ("Sunday", "2025-04-13"),
    ("Wednesday", "2025-04-16"),  # the reference's own weekday is the reference
    ("on Wednesday", "2025-04-16"),
    ("last Friday", "2025-04-11"),
    ("last Wednesday", "2025-04-09"),
    ("next Monday", "2025-04-21"),
    ("next Wednesday", "2025-04-23"),
    ("this Friday", "2025-04-18"),
    ("Thursday, 17 April", "2025-04-17"),
    ("Friday morning", "2025-04-18TMO"),
    ("Tuesday night", "2025-04-15TNI"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS)
def test_weekdays(text: str, expected: str) -> None:
    assert value(text) == expected


PERIODS = [
    ("late March", "2025-03", Modifier.END),
    ("early 2023", "2023", Modifier.START),
    ("mid-June", "2025-06", Modifier.MID),
    ("mid June", "2025-06", Modifier.MID),
    ("mid-2026", "2026", Modifier.MID),
    ("the end of the year", "2025", Modifier.END),
    ("the end of March", "2025-03", Modifier.END),
    ("the beginning of next month", "2025-05", Modifier.START),
    ("the start of 2024", "2024", Modifier.START),
    ("late last year", "2024", Modifier.END),
    ("early next week", "2025-W17", Modifier.START),
    ("end-2024", "2024", Modifier.END),
    ("the early 1990s", "199", Modifier.START),
    ("late in the day", "2025-04-16", Modifier.END),
]


@pytest.mark.parametrize(("text", "expected", "modifier"), PERIODS)
def test_parts_of_periods(text: str, expected: str, modifier: Modifier) -> None:
    point = normalize_date(text, reference=WED)
    assert (point.value, point.modifier) == (expected, modifier)


SEASONS_AND_PARTS = [
    ("this summer", "2025-SU"),
    ("last winter", "2024-WI"),
    ("next spring", "2026-SP"),
    ("autumn 2023", "2023-FA"),
    ("fall 2021", "2021-FA"),
    ("the spring of 2022", "2022-SP"),
    ("summer", "2025-SU"),
    ("the second quarter of 2024", "2024-Q2"),
    ("the third quarter of last year", "2024-Q3"),
    ("the fourth quarter", "2025-Q4"),
    ("Q3 2023", "2023-Q3"),
    ("Q1", "2025-Q1"),
    ("the first half of 2025", "2025-H1"),
    ("the second half of the year", "2025-H2"),
    ("H2 2024", "2024-H2"),
    ("third-quarter", "2025-Q3"),
    ("the 1980s", "198"),
    ("the '70s", "197"),
    ("1960s", "196"),
    ("the 21st century", "20"),
    ("the nineteenth century", "18"),
    ("the last week of March", "2025-W13"),
]


@pytest.mark.parametrize(("text", "expected"), SEASONS_AND_PARTS)
def test_seasons_quarters_halves_decades_centuries(text: str, expected: str) -> None:
    assert value(text) == expected


CLOCK = [
    ("14:30 GMT", "2025-04-16T14:30Z"),
    ("14:30 UTC on Thursday", "2025-04-17T14:30Z"),
    ("Thursday at 14:30", "2025-04-17T14:30"),
    ("9 p.m.", "2025-04-16T21:00"),
    ("9pm", "2025-04-16T21:00"),
    ("7.30", None),
    ("12 am", "2025-04-16T00:00"),
    ("0600 Kyiv time", "2025-04-16T06:00+03:00"),  # summer time in Kyiv
    ("1800 Moscow time", "2025-04-16T18:00+03:00"),
    ("1500 hours", "2025-04-16T15:00"),
    ("noon", "2025-04-16T12:00"),
    ("midnight", "2025-04-16T00:00"),
    ("10:05:30", "2025-04-16T10:05:30"),
    ("4:15 p.m. ET", "2025-04-16T16:15-04:00"),
]


@pytest.mark.parametrize(("text", "expected"), CLOCK)
def test_clock_times(text: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidDate):
            normalize_date(text, reference=WED)
    else:
        point = normalize_date(text, reference=WED)
        assert (point.value, point.kind) == (expected, pt.TimeKind.TIME)


def test_winter_time_in_kyiv_and_a_clock_time_without_a_day() -> None:
    assert value("0600 Kyiv time", dt.date(2025, 1, 10)) == "2025-01-10T06:00+02:00"
    assert value("18:00 UTC", None) == "XXXX-XX-XXT18:00Z"


DURATIONS = [
    ("a month", "P1M", Modifier.NONE),
    ("a fortnight", "P2W", Modifier.NONE),
    ("48 hours", "PT48H", Modifier.NONE),
    ("three and a half years", "P3.5Y", Modifier.NONE),
    ("one and a half years", "P1.5Y", Modifier.NONE),
    ("a year and a half", "P1.5Y", Modifier.NONE),
    ("half an hour", "PT30M", Modifier.NONE),
    ("several months", "PXM", Modifier.NONE),
    ("a few weeks", "PXW", Modifier.NONE),
    ("years", "PXY", Modifier.NONE),
    ("twenty-year", "P20Y", Modifier.NONE),
    ("thirty-five years", "P35Y", Modifier.NONE),
    ("25-year", "P25Y", Modifier.NONE),
    ("a decade", "P10Y", Modifier.NONE),
    ("two decades", "P20Y", Modifier.NONE),
    ("decades", "PXDE", Modifier.NONE),
    ("90 minutes", "PT90M", Modifier.NONE),
    ("about ten days", "P10D", Modifier.APPROXIMATE),
    ("almost 1,000 days", "P1000D", Modifier.APPROXIMATE),
    ("more than two years", "P2Y", Modifier.MORE_THAN),
    ("over six months", "P6M", Modifier.MORE_THAN),
    ("at least a week", "P1W", Modifier.EQUAL_OR_MORE),
    ("up to 60 days", "P60D", Modifier.EQUAL_OR_LESS),
    ("less than 24 hours", "PT24H", Modifier.LESS_THAN),
    ("the past three months", "P3M", Modifier.NONE),
    ("the next 72 hours", "PT72H", Modifier.NONE),
    ("the past week", "P1W", Modifier.NONE),
    ("five straight days", "P5D", Modifier.NONE),
    ("week-long", "P1W", Modifier.NONE),
    ("months-long", "PXM", Modifier.NONE),
]


@pytest.mark.parametrize(("text", "expected", "modifier"), DURATIONS)
def test_durations(text: str, expected: str, modifier: Modifier) -> None:
    point = normalize_date(text, reference=WED)
    assert (point.value, point.kind, point.modifier) == (expected, pt.TimeKind.DURATION, modifier)
    if not text.startswith("the"):
        assert point.earliest is None
        assert point.latest is None


def test_a_duration_counted_from_the_reference_covers_its_days() -> None:
    past = normalize_date("the past three months", reference=WED)
    assert (past.earliest, past.latest) == (dt.date(2025, 1, 16), WED)
    ahead = normalize_date("the next 72 hours", reference=WED)
    assert (ahead.earliest, ahead.latest) == (WED, dt.date(2025, 4, 19))
    vague = normalize_date("the past few weeks", reference=WED)
    assert (vague.value, vague.earliest, vague.latest) == ("PXW", None, WED)
    assert normalize_date("the past 999999999 years", reference=WED).earliest is None


SETS = [
    ("every month", "P1M"),
    ("every two weeks", "P2W"),
    ("every other year", "P2Y"),
    ("each Sunday", "XXXX-WXX-7"),
    ("on Fridays", "XXXX-WXX-5"),
    ("weekly", "P1W"),
    ("annually", "P1Y"),
    ("per day", "P1D"),
]


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets(text: str, expected: str) -> None:
    point = normalize_date(text, reference=WED)
    assert (point.value, point.kind) == (expected, pt.TimeKind.SET)


def test_a_frequency_after_a_count_is_a_set() -> None:
    mentions = pt.find_dates("The plant builds 40 drones a day and 12,000 a year.")
    assert [(m.text, m.value, m.time.kind) for m in mentions] == [
        ("a day", "P1D", pt.TimeKind.SET),
        ("a year", "P1Y", pt.TimeKind.SET),
    ]


VAGUE = [
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("for the time being", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("in recent weeks", "PAST_REF"),
    ("soon", "FUTURE_REF"),
    ("in the near future", "FUTURE_REF"),
    ("in the coming weeks", "FUTURE_REF"),
    ("in the months ahead", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_vague_references(text: str, expected: str) -> None:
    assert value(text) == expected


def test_vague_references_bound_their_interval_by_the_reference() -> None:
    past = normalize_date("recently", reference=WED)
    future = normalize_date("soon", reference=WED)
    assert (past.earliest, past.latest) == (None, WED)
    assert (future.earliest, future.latest) == (WED, None)


HOLIDAYS = [
    ("Easter", dt.date(2024, 3, 20), None, "2024-03-31"),
    ("Orthodox Easter", dt.date(2024, 3, 20), None, "2024-05-05"),
    ("Easter 2023", WED, None, "2023-04-09"),
    ("Orthodox Easter 2023", WED, None, "2023-04-16"),
    ("Good Friday", dt.date(2024, 3, 20), None, "2024-03-29"),
    ("Christmas", dt.date(2024, 11, 2), None, "2024-12-25"),
    ("Christmas", dt.date(2025, 1, 3), None, "2024-12-25"),
    ("Orthodox Christmas", dt.date(2024, 12, 20), None, "2025-01-07"),
    ("New Year's Day", dt.date(2024, 12, 20), None, "2025-01-01"),
    ("New Year’s Eve", dt.date(2024, 12, 20), None, "2024-12-31"),
    ("Victory Day", WED, None, "2025-05-09"),
    ("Independence Day", WED, "UKR", "2025-08-24"),
    ("Independence Day", WED, "USA", "2025-07-04"),
    ("Thanksgiving", dt.date(2025, 11, 1), None, "2025-11-27"),
]


@pytest.mark.parametrize(("text", "reference", "country", "expected"), HOLIDAYS)
def test_holidays(text: str, reference: dt.date, country: str | None, expected: str) -> None:
    assert value(text, reference, country=country) == expected


def test_easter_is_computed_for_any_year() -> None:
    # (Western, Orthodox) Easter Sundays from published tables
    known = {
        2000: ("2000-04-23", "2000-04-30"),
        2010: ("2010-04-04", "2010-04-04"),
        2019: ("2019-04-21", "2019-04-28"),
        2021: ("2021-04-04", "2021-05-02"),
        2022: ("2022-04-17", "2022-04-24"),
        2026: ("2026-04-05", "2026-04-12"),
        2030: ("2030-04-21", "2030-04-28"),
    }
    for year, (western, orthodox) in known.items():
        assert value(f"Easter {year}") == western
        assert value(f"Orthodox Easter {year}") == orthodox


def test_independence_day_needs_a_country() -> None:
    with pytest.raises(InvalidDate, match="country"):
        normalize_date("Independence Day", reference=WED)
    text = "Kyiv marked Ukraine's Independence Day with a parade."
    [mention] = pt.find_dates(text, reference=WED)
    assert (mention.text, mention.value) == ("Independence Day", "2025-08-24")


RANGES = [
    ("between 2019 and 2022", "P3Y"),
    ("from 2009 to 2011", "P2Y"),
    ("between 3 and 5 March", "P2D"),
    ("14-16 March", "P2D"),
    ("March 14-16", "P2D"),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_a_range_given_to_normalize_date_is_the_duration_between_its_ends(
    text: str, expected: str
) -> None:
    point = normalize_date(text, reference=WED)
    assert (point.value, point.kind) == (expected, pt.TimeKind.DURATION)
    assert point.earliest is not None
    assert point.latest is not None


NOT_DATES = [
    "may",
    "the weather",
    "",
    "   ",
    "314 prisoners",
    "2,000 troops",
    "4,641",
    "1,000",
    "$2024",
    "2024 percent",
    "Mar-a-Lago",
    "Theresa May said",
    "the 1991 borders",
    "31 April",
    "13/13/2025",
    "2024-04-1.5",
    "2024/04-11",
    "1,000-2000",
    "a second round",
    "next to",
    "seven",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_text_that_is_no_time_expression_raises(text: str) -> None:
    with pytest.raises(InvalidDate) as info:
        normalize_date(text, reference=WED)
    assert info.value.text == text
    assert isinstance(info.value, ValueError)


WITHOUT_REFERENCE = [
    ("yesterday", "XXXX-XX-XX"),
    ("last week", "XXXX-WXX"),
    ("Monday", "XXXX-WXX-1"),
    ("27 July", "XXXX-07-27"),
    ("July", "XXXX-07"),
    ("next year", "XXXX"),
    ("the weekend", "XXXX-WXX-WE"),
    ("this spring", "XXXX-SP"),
    ("Christmas", "XXXX-12-25"),
    ("27 July 2024", "2024-07-27"),
    ("now", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "expected"), WITHOUT_REFERENCE)
def test_without_a_reference_relative_dates_stay_underspecified(text: str, expected: str) -> None:
    point = normalize_date(text)
    assert point.value == expected
    assert point.reference is None
    if "X" in expected:
        assert point.earliest is None
        assert point.latest is None


def test_a_bare_four_digit_number_is_a_year() -> None:
    assert value("1800") == "1800"
    assert value("Dec") == "2025-12"


def test_number_words() -> None:
    assert value("two days ago") == "2025-04-14"
    assert value("fifty years") == "P50Y"
    assert value("twenty-one days") == "P21D"
    assert value("a hundred days") == "P100D"
    assert value("one hundred and twenty days") == "P120D"


def test_points_carry_kind_granularity_interval_modifier_and_reference() -> None:
    april = normalize_date("April 2024", reference=WED)
    assert april.kind == pt.TimeKind.DATE
    assert april.granularity == pt.Granularity.MONTH
    assert (april.earliest, april.latest) == (dt.date(2024, 4, 1), dt.date(2024, 4, 30))
    assert april.reference == WED
    week = normalize_date("last week", reference=WED)
    assert (week.earliest, week.latest) == (dt.date(2025, 4, 7), dt.date(2025, 4, 13))
    late = normalize_date("late February", reference=WED)
    assert late.modifier == Modifier.END
    assert late.earliest is not None
    assert late.earliest.day > 15
    assert late.overlaps(normalize_date("27 February", reference=WED))
    assert normalize_date("the 1990s").latest == dt.date(1999, 12, 31)
    decade = normalize_date("the 20th century")
    assert (decade.earliest, decade.latest) == (dt.date(1900, 1, 1), dt.date(1999, 12, 31))


def test_the_reference_must_be_a_date() -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        normalize_date("today", reference=dt.datetime(2025, 4, 16, 12))
    with pytest.raises(TypeError, match=r"datetime\.date"):
        normalize_date("today", reference="2025-04-16")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        pt.find_dates("today", reference="2025-04-16")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="day_order"):
        normalize_date("today", day_order="ymd")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="alpha-3"):
        normalize_date("Independence Day", country="ua")
    with pytest.raises(TypeError):
        normalize_date(20250416)  # type: ignore[arg-type]


def test_timex_values_read_back_as_themselves() -> None:
    for text in ["PRESENT_REF", "XXXX-02-27", "2025-W14", "2025-W15-WE", "2025-SP", "P2.5Y"]:
        assert value(text) == text


@given(st.sampled_from([c[0] for c in CALENDAR + YEARLESS + RELATIVE + SEASONS_AND_PARTS]))
def test_normalizing_a_value_again_changes_nothing(text: str) -> None:
    first = normalize_date(text, reference=WED)
    if first.granularity in (pt.Granularity.DECADE, pt.Granularity.CENTURY):
        return  # "198" and "19" read as plain numbers, not as a decade and a century
    again = normalize_date(first.value, reference=WED)
    assert (again.value, again.kind, again.granularity) == (
        first.value,
        first.kind,
        first.granularity,
    )
    if first.modifier == Modifier.NONE and "this" not in text:
        assert (again.earliest, again.latest) == (first.earliest, first.latest)


# ---------------------------------------------------------------------------------------------
# find_dates: running text


def found(text: str, reference: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in pt.find_dates(text, reference=reference)]


TENSE = [
    # (sentence, reference weekday), the weekday reads as ahead or behind by its sentence
    ("Negotiators are scheduled to convene in Geneva on Monday.", "2025-04-21"),
    ("The two delegations will meet on Tuesday, officials said.", "2025-04-22"),
    ("Lawmakers are due to vote on Thursday on the truce.", "2025-04-17"),
    ("The minister said on Monday that no deal was near.", "2025-04-14"),
    ("Fighting broke out on Thursday along the border.", "2025-04-10"),
    ("The envoy arrived in Doha on Saturday.", "2025-04-12"),
    ("Talks resume on Friday in Istanbul.", "2025-04-18"),
    ("Prisoners could be freed on Sunday or Monday.", "2025-04-20"),
    ("On Tuesday, the army reported heavy shelling.", "2025-04-15"),
    ("The ceasefire held on Wednesday.", "2025-04-16"),  # the reference's own weekday
    ("Ministers will vote on Wednesday.", "2025-04-16"),
    ("The truce should be extended by Saturday.", "2025-04-19"),
    ("The vote has been postponed until Monday.", "2025-04-21"),
]


@pytest.mark.parametrize(("sentence", "expected"), TENSE)
def test_tense_decides_which_weekday_is_meant(sentence: str, expected: str) -> None:
    assert found(sentence)[0][1] == expected


def test_tense_picks_the_year_of_a_far_month_and_day() -> None:
    ref = dt.date(2025, 5, 20)
    assert found("The accord was signed on 10 November.", ref) == [("10 November", "2024-11-10")]
    assert found("The accord will be signed on 10 November.", ref) == [
        ("10 November", "2025-11-10")
    ]
    # near the reference the nearest one wins whatever the tense
    assert found("The sides agreed to the plan on 12 May.", ref) == [("12 May", "2025-05-12")]


def test_tense_picks_the_year_of_a_bare_month() -> None:
    ref = dt.date(2025, 3, 12)
    assert found("Shelling intensified in November.", ref) == [("November", "2024-11")]
    assert found("Elections are expected in November.", ref) == [("November", "2025-11")]
    assert found("Talks stalled in February.", ref) == [("February", "2025-02")]


def test_a_weekday_beside_a_date_takes_the_date() -> None:
    text = "Putin proposed talks in Istanbul on Thursday, 15 May, without preconditions."
    assert found(text, dt.date(2025, 5, 11)) == [
        ("Thursday", "2025-05-15"),
        ("15 May", "2025-05-15"),
    ]
    heading = "Monday, 28 July\n21:15\nThe ceasefire took hold."
    assert found(heading, dt.date(2025, 7, 29)) == [
        ("Monday", "2025-07-28"),
        ("28 July", "2025-07-28"),
        ("21:15", "2025-07-28T21:15"),
    ]


def test_the_weekday_picks_the_year_of_a_date_without_one() -> None:
    # 15 May fell on a Thursday in 2025, not in 2024 or 2026
    assert found("on Thursday, 15 May", dt.date(2025, 12, 1))[1] == ("15 May", "2025-05-15")


def test_spans_are_the_minimal_expression() -> None:
    text = (
        "The report, published on 11 April, said Russia had kept its demands since 2014 and "
        "wanted the 1991 borders back in the coming days, by the end of the year or in late "
        "March at the latest; the talks of mid-April and February 2022 were recalled."
    )
    mentions = found(text, dt.date(2025, 4, 12))
    assert mentions == [
        ("11 April", "2025-04-11"),
        ("2014", "2014"),
        ("1991", "1991"),
        ("the coming days", "FUTURE_REF"),
        ("the end of the year", "2025"),
        ("late March", "2025-03"),
        ("mid-April", "2025-04"),
        ("February 2022", "2022-02"),
    ]


def test_may_the_verb_and_numbers_that_are_not_years() -> None:
    text = (
        "The talks may resume, though May remains uncertain. Some 1,000 fighters and 314 "
        "prisoners were moved, and 4,641 homes were lost; 2000 troops stayed. May 9 is Victory "
        "Day, and talks could resume in May."
    )
    assert found(text, dt.date(2025, 4, 12)) == [
        ("May 9", "2025-05-09"),
        ("Victory Day", "2025-05-09"),
        ("May", "2025-05"),
    ]


def test_numbered_things_and_counts_are_not_years() -> None:
    text = "Resolution 2139 was cited; Flight 2015 landed and over 2000 fled, as in 2015."
    assert found(text) == [("2015", "2015")]


def test_names_that_look_like_months_and_seasons() -> None:
    text = "Theresa May met envoys at Mar-a-Lago after the Arab Spring and the fall of Kabul."
    assert found(text) == []


def test_clock_times_only_when_clearly_times() -> None:
    text = (
        "A truce began at 1800 Moscow time on 19 April and ran until 0000 on 21 April; "
        "by 10:20 some 1800 soldiers had left, and 2000 more followed at 2000 local time."
    )
    assert found(text, dt.date(2025, 4, 20)) == [
        ("1800 Moscow time", "2025-04-19T18:00+03:00"),
        ("19 April", "2025-04-19"),
        ("0000", "2025-04-21T00:00"),
        ("21 April", "2025-04-21"),
        ("10:20", "2025-04-20T10:20"),
        ("2000 local time", "2025-04-20T20:00"),
    ]


def test_a_time_of_day_after_a_weekday_is_a_mention_of_its_own() -> None:
    text = "Ministers are due to vote on Thursday evening."
    assert found(text) == [("Thursday", "2025-04-17"), ("evening", "2025-04-17TEV")]


def test_ranges_give_one_mention_for_each_end() -> None:
    ref = dt.date(2025, 3, 1)
    assert found("Talks are set for between 19 and 21 April.", ref) == [
        ("19", "2025-04-19"),
        ("21 April", "2025-04-21"),
    ]
    assert found("The summit runs 19-21 April.", ref) == [
        ("19", "2025-04-19"),
        ("21 April", "2025-04-21"),
    ]
    assert found("The summit runs April 19-21.", ref) == [
        ("April 19", "2025-04-19"),
        ("21", "2025-04-21"),
    ]
    assert found("Delegates will meet from Friday to Sunday.", ref) == [
        ("Friday", "2025-03-07"),
        ("Sunday", "2025-03-09"),
    ]
    assert found("The deal covers 2024-25 and the years 2019-2021.", ref) == [
        ("2024", "2024"),
        ("25", "2025"),
        ("2019", "2019"),
        ("2021", "2021"),
    ]
    assert found("The process could take between 60 and 90 days.", ref) == [
        ("60", "P60D"),
        ("90 days", "P90D"),
    ]


def test_a_range_lends_its_year_to_its_first_end() -> None:
    assert found("from 30 December to 2 January 2024", dt.date(2025, 6, 1)) == [
        ("30 December", "2023-12-30"),
        ("2 January 2024", "2024-01-02"),
    ]
    assert found("from 3 March until 5 April 2022") == [
        ("3 March", "2022-03-03"),
        ("5 April 2022", "2022-04-05"),
    ]
    assert found("between 19 and 21 April 2023") == [
        ("19", "2023-04-19"),
        ("21 April 2023", "2023-04-21"),
    ]


def test_anaphora_counts_from_the_last_day_named() -> None:
    text = "The envoys met on 3 March. Three days later they met again, and the next day a truce began."
    assert found(text, dt.date(2025, 4, 1)) == [
        ("3 March", "2025-03-03"),
        ("Three days later", "2025-03-06"),
        ("the next day", "2025-03-07"),
    ]
    text = "Exports fell 12% in January compared with the same month a year ago."
    assert found(text, dt.date(2025, 2, 10)) == [
        ("January", "2025-01"),
        ("the same month a year ago", "2024-01"),
    ]


def test_without_a_reference_find_dates_never_guesses_today() -> None:
    text = "The envoy said on Monday that talks would resume next week, two days after 27 July."
    assert found(text, None) == [
        ("Monday", "XXXX-WXX-1"),
        ("next week", "XXXX-WXX"),
        ("two days", "P2D"),
        ("27 July", "XXXX-07-27"),
    ]


def test_mentions_serialize_with_span_and_value() -> None:
    [mention] = pt.find_dates("It happened on 3 March 2025.")
    data = pt.to_dict(mention)
    assert data["span"] == [15, 27]
    assert data["value"] == "2025-03-03"
    assert pt.from_dict(pt.DateMention, data) == mention


# ---------------------------------------------------------------------------------------------
# properties and speed

_PIECES = [
    "May",
    "may",
    "March",
    "11",
    "2024",
    "April",
    "the",
    "last",
    "next",
    "week",
    "Monday",
    "on",
    "of",
    "-",
    "/",
    ".",
    ",",
    "'",
    "s",
    "th",
    "1990",
    "a",
    "year",
    "ago",
    "nearly",
    "100",
    "days",
    "between",
    "and",
    "18:00",
    "UTC",
    "Q1",
    "mid",
    "late",
    "the end of",
    "Easter",
    "every",
    "2025-04-11",
    "11.04.2024",
    "04/05/2025",
    "1800",
    "Moscow time",
    "p.m.",
    "half",
    "fifty",
    "decades",
    "over",
    "tonight",
    "19-21",
    "2022-23",
    "'82",
    "20th century",
    "\n",
]
texts = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
)
references = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
orders = st.sampled_from(["dmy", "mdy", "strict"])


@given(texts, references, orders)
def test_any_text_gives_a_point_or_invalid_date(
    text: str, reference: dt.date | None, day_order: pt.DayOrder
) -> None:
    try:
        point = normalize_date(text, reference=reference, day_order=day_order)
    except InvalidDate:
        return
    assert isinstance(point, pt.TimePoint)


@given(texts, references, orders)
def test_find_dates_spans_lie_inside_the_text(
    text: str, reference: dt.date | None, day_order: pt.DayOrder
) -> None:
    mentions = pt.find_dates(text, reference=reference, day_order=day_order)
    for mention in mentions:
        assert 0 <= mention.span.start <= mention.span.end <= len(text)
        assert text[mention.span.start : mention.span.end] == mention.text
    starts = [m.span.start for m in mentions]
    assert starts == sorted(starts)


def _hostile(size: int) -> str:
    parts = [
        "May May May " * 2000,
        "1234567890" * 3000,
        "MayMarchApril2024June" * 1000,
        "," * 10_000,
        "the of in on at a a " * 1000,
        "Mar-a-Lago 314 prisoners 4,641 1,000 the 1991 borders " * 300,
        "11 April 2024, last week, 18:00 UTC on Monday. " * 100,
    ]
    block = " ".join(parts)
    return (block * (size // len(block) + 1))[:size]


def test_find_dates_is_linear_on_hostile_text() -> None:
    half, full = _hostile(500_000), _hostile(1_000_000)
    pt.find_dates(half[:10_000])  # load the word lists first
    timings = []
    for text in (half, full):
        start = time.perf_counter()
        pt.find_dates(text, reference=WED)
        timings.append(time.perf_counter() - start)
    assert timings[1] / timings[0] < 3, timings
