"""Statements: every attribution pattern, on news phrasing written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import peacetalks as pt

DAY = dt.date(2025, 5, 16)  # a Friday


def _statements(text: str, published: dt.date | None = DAY) -> list[pt.Statement]:
    return list(pt.parse(text, published=published).statements)


def _one(text: str, published: dt.date | None = DAY) -> pt.Statement:
    found = _statements(text, published)
    assert len(found) == 1, [(s.speaker, s.text) for s in found]
    return found[0]


# (text, speaker id fragment, content, cue, quote)
PATTERNS = [
    pytest.param(
        "Turkish Foreign Minister Hakan Fidan said on Tuesday that Ankara was ready to host a new round.",
        "fidan",
        "Ankara was ready to host a new round",
        "say",
        False,
        id="subject-said-that",
    ),
    pytest.param(
        "Sergei Lavrov claimed the Americans had accepted the proposal in Riyadh.",
        "lavrov",
        "the Americans had accepted the proposal in Riyadh",
        "claim",
        False,
        id="zero-that",
    ),
    pytest.param(
        "“We will not give up a single village,” said Andrii Sybiha.",
        "sybiha",
        "We will not give up a single village",
        "say",
        True,
        id="inverted-quote",
    ),
    pytest.param(
        "“The door to dialogue remains open,” Dmitry Peskov told journalists.",
        "peskov",
        "The door to dialogue remains open",
        "tell",
        True,
        id="quote-then-speaker",
    ),
    pytest.param(
        "A new round of talks could take place next month, Ukrainian President Volodymyr Zelenskyy said.",
        "zelensk",
        "A new round of talks could take place next month",
        "say",
        False,
        id="content-then-speaker",
    ),
    pytest.param(
        "According to the Institute for the Study of War, Russian forces made marginal gains near Pokrovsk.",
        "isw",
        "Russian forces made marginal gains near Pokrovsk",
        "according to",
        False,
        id="according-to",
    ),
    pytest.param(
        "Russian forces made marginal gains near Pokrovsk, according to the Institute for the Study of War.",
        "isw",
        "Russian forces made marginal gains near Pokrovsk",
        "according to",
        False,
        id="according-to-after",
    ),
    pytest.param(
        "Kirill Dmitriev told CNN on Sunday that Moscow wanted closer economic ties with Washington.",
        "dmitriev",
        "Moscow wanted closer economic ties with Washington",
        "tell",
        False,
        id="told-outlet-that",
    ),
    pytest.param(
        "Donald Trump wrote on Truth Social that both leaders had agreed to stop the fighting.",
        "trump",
        "both leaders had agreed to stop the fighting",
        "write",
        False,
        id="wrote-on-platform",
    ),
    pytest.param(
        "Rustem Umerov, who leads the Ukrainian delegation, said the meeting had been constructive.",
        "umerov",
        "the meeting had been constructive",
        "say",
        False,
        id="relative-who-said",
    ),
    pytest.param(
        "Marco Rubio, speaking after a meeting in Paris, said the United States would not wait forever.",
        "rubio",
        "the United States would not wait forever",
        "say",
        False,
        id="participle-parenthesis",
    ),
    pytest.param(
        "Vladimir Medinsky accused the Ukrainian side of delaying the exchange.",
        "medinsky",
        "the Ukrainian side of delaying the exchange",
        "accuse",
        False,
        id="accused-of",
    ),
    pytest.param(
        "Keir Starmer has stressed the need for security guarantees backed by the United States.",
        "starmer",
        "the need for security guarantees backed by the United States",
        "stress",
        False,
        id="np-content",
    ),
]


@pytest.mark.parametrize(("text", "who", "content", "cue", "quote"), PATTERNS)
def test_attribution_patterns(text: str, who: str, content: str, cue: str, quote: bool) -> None:
    statement = _one(text)
    assert statement.speaker is not None
    assert who in statement.speaker
    assert statement.text == content
    assert statement.cue == cue
    assert statement.quote is quote
    assert text[statement.span.start : statement.span.end] == statement.text


def test_a_quote_glossed_by_the_writer_ends_at_the_quote() -> None:
    found = _one(
        "Prime Minister Benjamin Netanyahu repeated that “Hamas will not rule Gaza,” "
        "suggesting that the talks in Doha had stalled."
    )
    assert found.text == "Hamas will not rule Gaza"
    assert found.quote


def test_reported_speech_ending_in_the_speakers_words_is_a_quote() -> None:
    found = _one("Donald Trump said the two sides were “very close to a deal.”")
    assert found.quote
    scare = _one("Maria Zakharova said the so-called “peace summit” in Switzerland was pointless.")
    assert not scare.quote


def test_parse_refuses_bad_arguments_with_peacetalks_errors() -> None:
    with pytest.raises(pt.ArgumentTypeError, match="as a str, got bytes"):
        pt.parse(b"Peskov said talks would resume.")  # type: ignore[arg-type]
    with pytest.raises(pt.ArgumentTypeError, match=r"datetime\.date"):
        pt.parse("Peskov said talks would resume.", published="2025-04-12")  # type: ignore[arg-type]
    with pytest.raises(pt.ArgumentValueError, match="max_chars"):
        pt.parse("Peskov said talks would resume.", max_chars=-5)
    assert issubclass(pt.ArgumentTypeError, TypeError)
    assert issubclass(pt.ArgumentValueError, ValueError)


def test_a_nested_report_is_the_content_of_the_outer_one() -> None:
    found = _statements(
        "Egyptian officials said the Israeli side had demanded that Hamas hand over its weapons."
    )
    outer = next(s for s in found if s.cue == "say")
    assert outer.text == "the Israeli side had demanded that Hamas hand over its weapons"
    found = _statements(
        "Hikmet Hajiyev said Baku had proposed a meeting of the leaders in Abu Dhabi."
    )
    said = next(s for s in found if s.cue == "say")
    assert said.text.startswith("Baku had proposed a meeting")


def test_channel_and_date_of_told_outlet() -> None:
    text = "Kirill Dmitriev told CNN on Sunday that Moscow wanted closer economic ties with Washington."
    statement = _one(text)
    assert statement.channel is not None
    assert "cnn" in statement.channel
    assert statement.date is not None
    assert statement.date.value == "2025-05-11"


def test_channel_of_a_platform_and_an_interview() -> None:
    post = _one(
        "Donald Trump wrote on Truth Social that both leaders had agreed to stop the fighting."
    )
    assert post.channel is not None
    assert "truth-social" in post.channel
    interview = _one(
        "In an interview with the BBC, Keir Starmer said that European troops could help secure a deal."
    )
    assert interview.channel is not None
    assert "bbc" in interview.channel


def test_no_date_is_never_the_publication_date() -> None:
    statement = _one("Sergei Lavrov claimed the Americans had accepted the proposal in Riyadh.")
    assert statement.date is None


def test_an_office_speaks_for_its_side() -> None:
    statement = _one(
        "Zelenskyy's office said in a statement that the freed men were receiving medical care."
    )
    assert statement.speaker is not None
    assert statement.side == "UKR"
    assert statement.text == "the freed men were receiving medical care"


def test_a_quote_without_attribution_continues_the_speaker() -> None:
    found = _statements(
        "“We are ready for a ceasefire,” Andrii Sybiha said. “But Russia must stop bombing our cities first.”"
    )
    assert [s.speaker for s in found] == [found[0].speaker, found[0].speaker]
    assert found[1].inferred
    assert found[1].quote
    assert found[1].text == "But Russia must stop bombing our cities first."


def test_pronoun_speaker_is_inferred() -> None:
    found = _statements(
        "Emmanuel Macron spoke with Volodymyr Zelenskyy on Monday. He said Europe would keep supporting Kyiv."
    )
    assert len(found) == 1
    assert found[0].speaker is not None
    assert "macron" in found[0].speaker
    assert found[0].inferred


def test_two_statements_in_one_sentence() -> None:
    found = _statements(
        "Sergei Lavrov said the talks had been useful and wrote that Moscow expected a reply."
    )
    assert [s.text for s in found] == ["the talks had been useful", "Moscow expected a reply"]
    assert all(s.speaker is not None and "lavrov" in s.speaker for s in found)


def test_saying_clause_is_a_second_statement() -> None:
    found = _statements(
        "Benjamin Netanyahu called the agreement a great success, saying it would bring the hostages home."
    )
    assert [s.text for s in found] == [
        "the agreement a great success",
        "it would bring the hostages home",
    ]


def test_a_statement_inside_a_quote_keeps_the_outer_speaker() -> None:
    found = _statements(
        "Dmitry Medvedev wrote: “Western leaders have said that they will never recognise the new borders.”"
    )
    assert len(found) == 1
    assert found[0].speaker is not None
    assert "medvedev" in found[0].speaker
    assert found[0].quote


def test_parenthetical_cue_inside_the_content() -> None:
    found = _statements(
        "Yulia Svyrydenko met the visiting delegation on Thursday. Kyiv, she said, would never trade land for peace."
    )
    assert len(found) == 1
    assert found[0].text == "Kyiv, she said, would never trade land for peace"
    assert found[0].speaker is not None
    assert "svyrydenko" in found[0].speaker


def test_urged_names_the_addressee() -> None:
    statement = _one("Donald Trump urged Vladimir Putin to agree to a 30-day ceasefire.")
    assert statement.addressee is not None
    assert "putin" in statement.addressee
    assert statement.cue == "urge"


def test_unknown_titled_name_becomes_a_provisional_actor() -> None:
    article = pt.parse(
        "Army spokesman Colonel Arjun Rathore said the border had been quiet overnight.",
        published=DAY,
    )
    statement = article.statements[0]
    assert statement.speaker is not None
    actor = article.actor(statement.speaker)
    assert actor is not None
    assert actor.provisional
    assert "Rathore" in actor.name


def test_questions_and_headlines_are_not_statements() -> None:
    article = pt.parse("What did the Kremlin say?\n\nNothing has been decided yet.", published=DAY)
    assert article.statements == ()


def test_transcript_answers_belong_to_the_header_speaker() -> None:
    text = (
        "Briefing by Yuri Ushakov\n\n"
        "YURI USHAKOV, Aide to the Russian President\n\n"
        "Q: Was a date agreed?\n"
        "A: No date was set. The contacts will continue.\n"
    )
    found = _statements(text)
    assert [s.text for s in found] == ["No date was set", "The contacts will continue"]
    assert all(s.speaker is not None and "ushakov" in s.speaker for s in found)
    assert all(s.quote for s in found)


def test_every_way_of_naming_the_speaker_points_to_one_actor() -> None:
    article = pt.parse(
        "Kremlin spokesman Dmitry Peskov said talks would resume. He said no date had been set. "
        "Mr Peskov added that contacts would continue.",
        published=DAY,
    )
    assert {m.ref for m in article.mentions if m.kind is pt.MentionKind.ACTOR} == {
        "person:dmitry-peskov"
    }
    assert {m.rule for m in article.mentions} >= {
        pt.MentionRule.ROLE,
        pt.MentionRule.NAME,
        pt.MentionRule.PRONOUN,
    }
    assert {s.speaker for s in article.statements} == {"person:dmitry-peskov"}
