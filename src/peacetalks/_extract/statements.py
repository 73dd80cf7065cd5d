"""Statements: who said what, quoted or reported, found by speech cues and clause rules.

The extractor reads one sentence at a time, finds speech cues (verbs such as "said",
"reiterated", "told", phrases such as "according to"), and for each cue finds the speaker (the
subject before it, an inverted subject after it, a pronoun, a relative "who", a title) and the
content (a that-clause, a clause without "that", a direct quote, an object noun phrase, the text
before ", X said"). Quotes with no cue of their own continue the previous speaker. Transcript
answers belong to the speaker header above them. Every rule works on positions in the working
text; nothing here looks at the original text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from peacetalks._extract._doc import Doc, Quote, Ref, Sent, Tok
from peacetalks._extract._lexicon import CueLexicon, Verb
from peacetalks._extract._speakers import Discourse, Speaker
from peacetalks._vocab import ActorKind, MentionRule

__all__ = ["Draft", "extract_statements"]

_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "whose",
        "any",
        "no",
        "every",
        "each",
        "another",
        "such",
    }
)
_AUX_BEFORE_BASE = frozenset(
    {
        "to",
        "will",
        "would",
        "did",
        "does",
        "do",
        "can",
        "could",
        "must",
        "should",
        "may",
        "might",
        "shall",
        "not",
        "never",
        "also",
        "has",
        "have",
        "had",
    }
)
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being", "am"})
_NOUNY_FORMS = frozenset(
    {
        "report",
        "reports",
        "claim",
        "claims",
        "comment",
        "comments",
        "list",
        "lists",
        "post",
        "posts",
        "note",
        "notes",
        "estimate",
        "estimates",
        "call",
        "calls",
        "demand",
        "demands",
        "promise",
        "promises",
        "answer",
        "answers",
        "reply",
        "replies",
        "hope",
        "hopes",
        "charge",
        "charges",
        "show",
        "shows",
        "signal",
        "signals",
        "voice",
        "cite",
        "vow",
        "vows",
        "repeat",
        "tweet",
        "tweets",
        "deny",
        "denies",
        "warn",
        "warns",
        "state",
        "states",
        "point",
        "points",
        "welcome",
        "welcomes",
        "assess",
        "mention",
        "mentions",
        "respond",
        "add",
        "adds",
        "concede",
        "express",
        "think",
        "believe",
        "expect",
        "expects",
        "argue",
        "insist",
        "stress",
        "stresses",
        "indicate",
        "indicates",
        "confirm",
        "say",
        "says",
        "tell",
        "tells",
        "write",
        "writes",
        "announce",
        "announces",
        "propose",
        "proposes",
        "urge",
        "urges",
        "accuse",
        "accuses",
        "describe",
        "describes",
        "agree",
        "agrees",
        "conclude",
        "threaten",
        "threatens",
        "hint",
        "hints",
        "muse",
        "remark",
        "remarks",
        "observe",
        "reveal",
        "recall",
        "recalls",
        "caution",
        "cautions",
        "predict",
        "predicts",
        "allege",
        "complain",
        "acknowledge",
        "admit",
        "declare",
        "maintain",
        "contend",
        "suggest",
        "suggests",
        "emphasize",
        "underline",
        "underscore",
        "reiterate",
        "illustrate",
        "inform",
        "assure",
        "explain",
    }
)
_PAST_PARTICIPLE_PASSIVE = frozenset(
    {"said", "told", "written", "shown", "thought", "believed", "expected", "reported"}
)
_OPEN_QUOTES = frozenset({'"', "“", "«", "‘", "„"})
_CLOSE_QUOTES = frozenset({'"', "”", "»", "’", "“"})
_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "to",
        "via",
        "during",
        "after",
        "before",
        "shortly",
        "earlier",
        "later",
        "from",
        "through",
        "with",
        "over",
        "late",
        "early",
        "again",
        "also",
        "however",
        "repeatedly",
        "publicly",
        "privately",
        "then",
        "separately",
        "directly",
        "by",
        "yesterday",
        "today",
        "overnight",
        "once",
        "recently",
    }
)
_SUBJECT_START = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "there",
        "you",
        "its",
        "his",
        "her",
        "their",
        "our",
        "some",
        "all",
        "no",
        "any",
        "both",
        "each",
        "every",
        "more",
        "most",
        "many",
        "several",
        "only",
        "even",
        "what",
        "russia",
        "ukraine",
    }
)
_CLAUSE_VERB_HINTS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "had",
        "has",
        "have",
        "could",
        "can",
        "must",
        "should",
        "may",
        "might",
        "did",
        "does",
        "do",
        "seems",
        "seemed",
        "remains",
        "remained",
        "wants",
        "wanted",
        "took",
        "came",
        # irregular past forms, so a clause without a regular "-ed" verb still reads as one
        "broke",
        "began",
        "went",
        "made",
        "held",
        "met",
        "fell",
        "rose",
        "left",
        "won",
        "lost",
        "saw",
        "gave",
        "kept",
        "ran",
        "stood",
        "sent",
        "brought",
        "fought",
        "built",
        "led",
        "became",
        "got",
        "shot",
        "hit",
        "struck",
        "fled",
        "spent",
        "paid",
        "sought",
    }
)
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i"})
_COORDINATORS = frozenset({"and", "but"})
_NEGATIONS = frozenset({"not", "never", "n't", "no"})


@attrs.frozen
class Draft:
    """A statement found in the working text, before it becomes a ``Statement`` record."""

    start: int
    end: int
    quote: bool
    cue: str | None
    speaker: Speaker
    sentence: int
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None
    addressee: str | None = None
    subject_start: int | None = None
    confidence: float = 0.9


@attrs.define
class _Cue:
    index: int  # token index within the sentence
    verb: Verb | None  # None for "according to"
    form: str
    kind: str  # finite, leading, trailing, according
    end_index: int  # token index after the cue words


def extract_statements(doc: Doc, disc: Discourse, lex: CueLexicon) -> list[Draft]:
    """Every statement of the document, in text order."""
    drafts: list[Draft] = []
    covered: list[tuple[int, int]] = []  # content spans already taken, for continuation quotes
    for si, sent in enumerate(doc.sentences):
        disc.note_sentence(si, sent)
        if sent.kind in ("furniture", "caption", "heading", "question"):
            continue
        tokens = doc.sentence_tokens(sent)
        if not tokens:
            continue
        found: list[Draft]
        if sent.kind == "answer" and sent.speaker_text is not None:
            found = _answer(doc, disc, sent, si, tokens)
        else:
            found = _sentence(doc, disc, lex, sent, si, tokens)
            if not found:
                found = _continuation(doc, disc, sent, si, tokens, covered)
        for draft in found:
            disc.note_speaker(si, draft.speaker)
            covered.append((draft.start, draft.end))
        drafts.extend(found)
    return _trim_nested(doc, drafts)


# ---------------------------------------------------------------------------------------------
# transcripts and continuations


def _answer(doc: Doc, disc: Discourse, sent: Sent, si: int, tokens: Sequence[Tok]) -> list[Draft]:
    speaker_id = disc.book.header_speaker(sent.speaker_text)
    if speaker_id is None:
        return []
    start, end = _strip_answer_marker(doc.text, sent.start, sent.end, tokens)
    if end - start < 3:
        return []
    speaker = Speaker(speaker_id, sent.start, sent.start, MentionRule.COREFERENCE, inferred=True)
    out = []
    # "Parts seem acceptable; some formulations do not suit us": two statements
    for tok in [t for t in tokens if t.text == ";" and start < t.start < end] + [None]:
        stop = end if tok is None else tok.start
        piece_end = _trim_content(doc.text, start, stop)
        if piece_end - start >= 3:
            out.append(Draft(start, piece_end, True, None, speaker, si, confidence=0.85))
        if tok is not None:
            start = tok.end
            while start < end and doc.text[start].isspace():
                start += 1
    return out


def _strip_answer_marker(text: str, start: int, end: int, tokens: Sequence[Tok]) -> tuple[int, int]:
    # "A: Yes, we discussed ..." -> the words after the marker; trailing space and a final stop kept out
    if len(tokens) >= 2 and tokens[0].text in ("A", "Q") and tokens[1].text == ":":
        start = tokens[1].end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n\t.":
        end -= 1
    return start, end


def _continuation(
    doc: Doc,
    disc: Discourse,
    sent: Sent,
    si: int,
    tokens: Sequence[Tok],
    covered: list[tuple[int, int]],
) -> list[Draft]:
    """A sentence that is (mostly) a quote with no cue continues the previous speaker."""
    last = disc.last_speaker
    if last is None or si - disc.last_speaker_sentence > 2:
        return []
    quotes = [q for q in doc.quotes_in(sent.start - 1, sent.end) if not q.fragment]
    if not quotes:
        # the sentence may sit inside a quote that opened in an earlier sentence
        inside = doc.quote_at(sent.start)
        if inside is None or inside.fragment:
            return []
        quotes = [inside]
    out = []
    for quote in quotes:
        start, end = max(quote.start, sent.start), _quote_end(doc.text, quote)
        if any(s <= start and end <= e for s, e in covered):
            continue
        if end - start < 0.5 * (sent.end - sent.start) and len(quotes) == 1:
            continue
        speaker = attrs.evolve(last, inferred=True, rule=MentionRule.COREFERENCE)
        out.append(Draft(start, end, True, None, speaker, si, confidence=0.75))
    return out


# ---------------------------------------------------------------------------------------------
# one sentence


def _sentence(
    doc: Doc, disc: Discourse, lex: CueLexicon, sent: Sent, si: int, tokens: Sequence[Tok]
) -> list[Draft]:
    if tokens[-1].text == "?":
        return []
    cues = _find_cues(doc, lex, tokens)
    if not cues:
        return []
    drafts: list[Draft] = []
    main_speaker: Speaker | None = None
    pending_leading: list[_Cue] = []
    for n, cue in enumerate(cues):
        if cue.kind == "leading":
            pending_leading.append(cue)
            continue
        if cue.kind == "trailing":
            if cue.form not in lex.split_participles:
                continue  # its words stay part of the previous content
            speaker = main_speaker or _sentence_subject(doc, disc, lex, tokens, si, sent)
            if speaker is None:
                continue
            draft = _forward(doc, disc, lex, tokens, cue, cues[n + 1 :], speaker, si, sent)
            if draft is not None:
                drafts.extend(_with_second_clauses(doc, lex, tokens, draft, cues[n + 1 :], sent))
                disc.note_speaker(si, draft.speaker)
            continue
        if cue.kind == "according":
            draft = _according(doc, disc, lex, tokens, cue, si, sent)
            if draft is not None:
                drafts.append(draft)
                main_speaker = draft.speaker
            continue
        if (
            cue.verb is not None
            and cue.verb.lemma in _MENTAL
            and any(d.start <= tokens[cue.index].start < d.end for d in drafts)
        ):
            continue  # "wrote that he hopes ...": part of the earlier content
        made = _finite(doc, disc, lex, tokens, cue, cues[n + 1 :], si, sent, main_speaker, drafts)
        if made is None:
            continue
        for draft in made:
            drafts.extend(_with_second_clauses(doc, lex, tokens, draft, cues[n + 1 :], sent))
            disc.note_speaker(si, draft.speaker)
        main_speaker = made[-1].speaker
        for leading in pending_leading:
            lead = _leading(doc, disc, lex, tokens, leading, made[0], si)
            if lead is not None:
                drafts.insert(0, lead)
        pending_leading = []
    return drafts


def _with_second_clauses(
    doc: Doc,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    draft: Draft,
    later: Sequence[_Cue],
    sent: Sent,
) -> list[Draft]:
    """A draft and the clauses coordinated after it: 'said that A and that B' gives two."""
    out = [draft]
    while not draft.quote:
        k = _index_of(tokens, draft.end)
        while k < len(tokens) and tokens[k].text in (",", "."):
            k += 1
        if not (k + 2 < len(tokens) and tokens[k].low == "and" and tokens[k + 1].low == "that"):
            break
        start_i = k + 2
        end = _content_end(doc, lex, tokens, start_i, later, sent)
        if end <= tokens[start_i].start:
            break
        draft = attrs.evolve(
            draft,
            start=tokens[start_i].start,
            end=end,
            quote=_is_quote(doc, tokens[start_i].start, end),
        )
        out.append(draft)
    return out


def _find_cues(doc: Doc, lex: CueLexicon, tokens: Sequence[Tok]) -> list[_Cue]:
    out: list[_Cue] = []
    n = len(tokens)
    first_word = next((i for i, t in enumerate(tokens) if t.is_word), 0)
    i = 0
    while i < n:
        tok = tokens[i]
        if doc.quote_at(tok.start) is not None:
            i += 1
            continue
        phrase = _according_at(lex, tokens, i)
        if phrase:
            out.append(_Cue(i, None, "according to", "according", i + phrase))
            i += phrase
            continue
        verb = lex.forms.get(tok.low)
        if verb is None or not tok.is_word or doc.ref_covering(tok.start) is not None:
            i += 1
            continue
        prev = tokens[i - 1] if i > 0 else None
        kind = "finite"
        if tok.low.endswith("ing"):
            if i == first_word:
                kind = "leading"
            elif prev is not None and prev.text == ",":
                kind = "trailing"
            elif prev is not None and (
                prev.low in _BE or prev.low == "while" or prev.low == "also"
            ):
                kind = "trailing" if prev.low in ("while", "also") else "finite"
            else:
                i += 1
                continue
        elif prev is not None and (prev.low in _DETERMINERS or prev.possessive):
            i += 1
            continue  # a noun: "the report", "Trump's call"
        elif (
            prev is not None
            and prev.low in _BE
            and tok.low in _PAST_PARTICIPLE_PASSIVE | {"quoted"}
        ):
            i += 1
            continue  # passive: "it was said that"
        elif tok.low in _NOUNY_FORMS and not _verb_context(doc, lex, tokens, i):
            i += 1
            continue
        out.append(_Cue(i, verb, tok.low, kind, i + 1))
        i += 1
    return out


def _according_at(lex: CueLexicon, tokens: Sequence[Tok], i: int) -> int:
    if i >= len(tokens) or tokens[i].low not in lex.according_first:
        return 0
    for phrase in lex.according_to:
        if i + len(phrase) <= len(tokens) and all(
            tokens[i + k].low == w for k, w in enumerate(phrase)
        ):
            return len(phrase)
    return 0


def _verb_context(doc: Doc, lex: CueLexicon, tokens: Sequence[Tok], i: int) -> bool:
    """Whether an ambiguous form ("report", "calls") is used as a verb here."""
    j = i - 1
    while (
        j >= 0 and tokens[j].low in lex.skip_words and tokens[j].low not in ("has", "have", "had")
    ):
        j -= 1
    if j < 0:
        return False
    prev = tokens[j]
    if (
        prev.low in _AUX_BEFORE_BASE
        or prev.low in _PRONOUN_SUBJECTS
        or prev.low in ("who", "which")
    ):
        return True
    if prev.text in (")",):
        return True
    if doc.ref_ending_at(prev.end) is not None:
        return True
    if prev.is_capitalized and prev.is_word and j > 0:
        return True
    return (
        prev.low in lex.group_speakers
        or prev.low in lex.body_words
        or prev.low in ("officials", "authorities")
    )


# ---------------------------------------------------------------------------------------------
# finite cues: "X said that ...", "..., X said", "..., said X", "A, he said, B"


def _finite(
    doc: Doc,
    disc: Discourse,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    cue: _Cue,
    later: Sequence[_Cue],
    si: int,
    sent: Sent,
    main_speaker: Speaker | None,
    earlier: Sequence[Draft],
) -> list[Draft] | None:
    assert cue.verb is not None
    subject = _subject(doc, disc, lex, tokens, cue.index, si, sent)
    coordinated = subject is None and _coordinated(lex, tokens, cue.index)
    if subject is None and coordinated:
        speaker = main_speaker or _sentence_subject(doc, disc, lex, tokens, si, sent)
        if speaker is None:
            return None
        draft = _forward(doc, disc, lex, tokens, cue, later, speaker, si, sent)
        return None if draft is None else [draft]
    if subject is None:
        inverted = _inverted(doc, disc, lex, tokens, cue, si, sent)
        return None if inverted is None else [inverted]
    speaker, subject_start = subject
    # content after the cue
    draft = _forward(
        doc, disc, lex, tokens, cue, later, speaker, si, sent, subject_start=subject_start
    )
    if draft is not None:
        return [draft]
    # "A, he said, B": the cue stands inside the content
    paren = _parenthetical(doc, tokens, cue, subject_start, speaker, si, sent)
    if paren:
        return paren
    # "..., X said." / "“...,” X said": the content stands before the subject
    before = _content_before(doc, lex, tokens, subject_start, speaker, cue, si, sent, earlier)
    return None if before is None else [before]


def _coordinated(lex: CueLexicon, tokens: Sequence[Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].low in lex.skip_words:
        j -= 1
    return j >= 0 and tokens[j].low in _COORDINATORS


def _subject(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], i: int, si: int, sent: Sent
) -> tuple[Speaker, int] | None:
    """The speaker named before the cue at token ``i``, and where its noun phrase starts."""
    j = i - 1
    while j >= 0 and (tokens[j].low in lex.skip_words or tokens[j].low in _NEGATIONS):
        j -= 1
    if j < 0:
        return None
    # a date between subject and verb: "Putin on Tuesday said"
    # relative pronoun: "Kirill Dmitriev, CEO of the fund, who told Fox News"
    if tokens[j].low in ("who", "which"):
        return _antecedent(doc, disc, tokens, j, want_person=tokens[j].low == "who")
    # skip one parenthetical: ", however," ", for his part," ", who headed ...,"
    for _ in range(2):
        if tokens[j].text == ")":
            depth, k = 0, j
            while k >= 0:
                if tokens[k].text == ")":
                    depth += 1
                elif tokens[k].text == "(":
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
            j = k - 1
        elif tokens[j].text == "," and j > 0:
            k = j - 1
            while k >= 0 and tokens[k].text != ",":
                if tokens[k].text in _CLOSE_QUOTES or tokens[k].text in _OPEN_QUOTES:
                    return None
                k -= 1
            if k < 0:
                return None
            # "Her Rwandan counterpart, Olivier Nduhungirehe, told": the name set off by commas
            named = doc.ref_starting_at(tokens[k + 1].start) if k + 1 < j else None
            if (
                named is not None
                and named.actor is not None
                and named.end == tokens[j - 1].end
                and disc.book.kind(named.actor) is ActorKind.PERSON
                and tokens[k - 1].low not in ("said", "told")
            ):
                return Speaker(named.actor, named.start, named.end, named.rule), tokens[k + 1].start
            j = k - 1
        else:
            break
        if j < 0:
            return None
    return _noun_phrase_end(doc, disc, lex, tokens, j, si, sent)


def _noun_phrase_end(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], j: int, si: int, sent: Sent
) -> tuple[Speaker, int] | None:
    """The actor a noun phrase ending at token ``j`` names, and the position the phrase starts."""
    tok = tokens[j]
    ref = doc.ref_ending_at(tok.end)
    if ref is not None and ref.actor is not None and not ref.role:
        start = _phrase_start(doc, lex, tokens, j, ref.start)
        return Speaker(ref.actor, ref.start, ref.end, ref.rule), start
    if tok.low in _PRONOUN_SUBJECTS:
        actor = disc.pronoun(tok.low, tok.start, si, sent.start)
        if actor is None:
            return None
        return Speaker(actor, tok.start, tok.end, MentionRule.PRONOUN, inferred=True), tok.start
    # "X's office", "X's spokesman": the office speaks for X
    if (
        tok.low in ("office", "spokesman", "spokeswoman", "spokesperson", "press", "service")
        and j > 0
    ):
        owner = tokens[j - 1]
        owner_ref = doc.ref_ending_at(owner.start + len(owner.base)) if owner.possessive else None
        if owner_ref is not None and owner_ref.actor is not None:
            return Speaker(
                owner_ref.actor, owner_ref.start, tok.end, MentionRule.COREFERENCE
            ), owner_ref.start
    if ref is not None and ref.actor is not None and ref.role:
        return Speaker(ref.actor, ref.start, ref.end, ref.rule), _phrase_start(
            doc, lex, tokens, j, ref.start
        )
    nominal = _nominal(doc, disc, lex, tokens, j, si, sent)
    if nominal is not None:
        return nominal
    if tok.is_capitalized and tok.is_word and tok.low not in lex.titles:
        return _provisional_name(doc, disc, lex, tokens, j)
    return None


def _phrase_start(doc: Doc, lex: CueLexicon, tokens: Sequence[Tok], j: int, start: int) -> int:
    """Where the noun phrase around a name starts: titles, roles and demonyms before it."""
    k = j
    while k >= 0 and tokens[k].start >= start:
        k -= 1
    while k >= 0:
        tok = tokens[k]
        ref = doc.ref_ending_at(tok.end)
        if (
            tok.low in lex.titles
            or tok.low in ("the", "'s")
            or (tok.possessive and ref is not None)
        ):
            start = tok.start if ref is None else ref.start
            k = k - 1 if ref is None else _index_before(tokens, k, ref.start)
            continue
        if ref is not None and (
            ref.role or ref.actor is None or ref.rule in (MentionRule.DEMONYM, MentionRule.ROLE)
        ):
            start = ref.start
            k = _index_before(tokens, k, ref.start)
            continue
        break
    return start


def _index_before(tokens: Sequence[Tok], k: int, position: int) -> int:
    while k >= 0 and tokens[k].start >= position:
        k -= 1
    return k


def _antecedent(
    doc: Doc, disc: Discourse, tokens: Sequence[Tok], j: int, *, want_person: bool
) -> tuple[Speaker, int] | None:
    limit = tokens[0].start
    for ref in doc.refs_before(tokens[j].start):
        if ref.end <= limit:
            break
        if ref.actor is None:
            continue
        kind = disc.book.kind(ref.actor)
        if (kind is ActorKind.PERSON) == want_person:
            return Speaker(ref.actor, ref.start, ref.end, ref.rule), tokens[j].start
    return None


def _nominal(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], j: int, si: int, sent: Sent
) -> tuple[Speaker, int] | None:
    """'Experts', 'Russian officials', 'the ministry', 'the spokesman' as speakers."""
    tok = tokens[j]
    # the noun phrase's first token: determiners and adjectives before the head
    k = j
    while (
        k > 0
        and tokens[k - 1].is_word
        and (
            tokens[k - 1].low
            in _DETERMINERS
            | {
                "senior",
                "top",
                "two",
                "both",
                "other",
                "western",
                "foreign",
                "european",
                "some",
                "many",
                "several",
            }
            or doc.ref_ending_at(tokens[k - 1].end) is not None
            or tokens[k - 1].low in lex.titles
        )
    ):
        k -= 1
    start = tokens[k].start
    words = [t.low for t in tokens[k : j + 1]]
    if tok.low in (
        "officials",
        "authorities",
        "diplomats",
        "negotiators",
        "sources",
        "leaders",
        "government",
    ):
        for ref in doc.refs_in(start, tok.start):
            country = ref.country or disc.book.country(ref.actor)
            if country is not None:
                state = _state_actor(disc, country)
                if state is not None:
                    return Speaker(state, start, tok.end, MentionRule.DEMONYM), start
    phrase = " ".join(w for w in words if w not in _DETERMINERS)
    group = lex.group_speakers.get(phrase) or lex.group_speakers.get(tok.low)
    if group is not None and words[0] not in ("the", "two", "both"):
        group_actor = disc.book.group(group, phrase)
        return Speaker(group_actor, start, tok.end, MentionRule.NAME), start
    if tok.low in lex.body_words and words and words[0] in ("the", "its", "their"):
        body_words = [w for w in words if w not in _DETERMINERS]
        body = disc.recent_body_with(body_words, tok.start)
        if body is None:
            body = disc.book.institution_in_context(" ".join(body_words), sent.start, sent.end)
        if body is not None:
            return Speaker(body, start, tok.end, MentionRule.COREFERENCE, inferred=True), start
    if tok.low in lex.spokesperson_words and words[0] in ("a", "an", "one", "another"):
        # "an army spokesman said": the body the spokesperson speaks for
        for ref in doc.refs_in(start, tok.start):
            if ref.actor is not None:
                return Speaker(ref.actor, start, tok.end, MentionRule.ROLE, inferred=True), start
        nouns = [w for w in words[1:-1] if w in lex.body_words]
        if nouns:
            body = disc.recent_body_with(nouns, tok.start) or disc.book.institution_in_context(
                " ".join(nouns), sent.start, sent.end
            )
            if body is not None:
                return Speaker(body, start, tok.end, MentionRule.ROLE, inferred=True), start
    if (
        tok.low in ("spokesman", "spokeswoman", "spokesperson", "minister", "president")
        and words[0] == "the"
    ):
        holder = disc.title_holder(tokens, tok.start)
        if holder is not None:
            return Speaker(holder, start, tok.end, MentionRule.COREFERENCE, inferred=True), start
    return None


def _state_actor(disc: Discourse, country: str) -> str | None:
    return disc.book.state(country)


def _provisional_name(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], j: int
) -> tuple[Speaker, int] | None:
    """An unknown capitalized name in subject position becomes a provisional person."""
    k = j
    while k > 0:
        prev = tokens[k - 1]
        if prev.is_word and (
            prev.is_capitalized or prev.low in ("al", "bin", "ibn", "de", "von", "van", "der", "da")
        ):
            if prev.low in lex.titles or doc.ref_ending_at(prev.end) is not None:
                break
            k -= 1
            continue
        break
    if j - k > 3:
        return None
    name = doc.text[tokens[k].start : tokens[j].end]
    if not any(c.islower() for c in name):
        return None  # "REUTERS", "BREAKING"
    country = _country_from_phrase(doc, disc, lex, tokens, k)
    actor = disc.book.provisional(name, ActorKind.PERSON, country)
    if actor is None:
        return None
    start = _phrase_start(doc, lex, tokens, k, tokens[k].start)
    return Speaker(actor, tokens[k].start, tokens[j].end, MentionRule.PROVISIONAL), start


def _country_from_phrase(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], k: int
) -> str | None:
    """The country of a title before a name: 'Cambodian defence ministry spokeswoman X'."""
    m = k - 1
    while m >= 0 and (
        tokens[m].low in lex.titles or tokens[m].low in lex.body_words or tokens[m].is_word
    ):
        ref = doc.ref_ending_at(tokens[m].end)
        if ref is not None:
            country = ref.country or disc.book.country(ref.actor)
            if country is not None:
                return country
        if not (tokens[m].low in lex.titles or tokens[m].low in lex.body_words) and ref is None:
            break
        m -= 1
    return None


def _sentence_subject(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], si: int, sent: Sent
) -> Speaker | None:
    """The subject of the sentence's main clause, for coordinated and participial cues."""
    for n, tok in enumerate(tokens[:12]):
        ref = doc.ref_starting_at(tok.start)
        if ref is not None and ref.actor is not None:
            kind = disc.book.kind(ref.actor)
            if kind is not None and kind is not ActorKind.MEDIA:
                # the whole name: a later reference may end the same phrase
                return Speaker(ref.actor, ref.start, ref.end, ref.rule)
        if tok.low in _PRONOUN_SUBJECTS:
            actor = disc.pronoun(tok.low, tok.start, si, sent.start)
            if actor is not None:
                return Speaker(actor, tok.start, tok.end, MentionRule.PRONOUN, inferred=True)
        if (
            n > 0
            and tok.text == ","
            and tokens[0].low in ("in", "during", "on", "after", "before", "later")
        ):
            continue
    return None


# ---------------------------------------------------------------------------------------------
# content after the cue


def _forward(
    doc: Doc,
    disc: Discourse,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    cue: _Cue,
    later: Sequence[_Cue],
    speaker: Speaker,
    si: int,
    sent: Sent,
    *,
    subject_start: int | None = None,
) -> Draft | None:
    verb = cue.verb
    assert verb is not None
    n = len(tokens)
    i = cue.end_index
    channel: str | None = None
    addressee: str | None = None
    # the object of "told", "urged", "accused", "called", "described"
    needs_object = bool(verb.frames & {"addressee", "of", "to", "as", "complement"})
    object_start: int | None = None
    if needs_object and i < n:
        obj = _object(doc, disc, lex, tokens, i)
        if obj is not None:
            actor, after = obj
            if actor is not None:
                if disc.book.kind(actor) is ActorKind.MEDIA:
                    channel = actor
                else:
                    addressee = actor
            object_start = tokens[i].start
            if "addressee" in verb.frames or after >= n or tokens[after].low in ("that", ":", ","):
                i = after
    # skip dates, places, channels and adverbs between cue and content
    i, found_channel = _skip_adjuncts(doc, disc, lex, tokens, i)
    channel = channel or found_channel
    if i >= n:
        return None
    tok = tokens[i]
    start: int | None = None
    quote_content: Quote | None = None
    after_that = False
    if tok.low == "that" and i + 1 < n:
        start = tokens[i + 1].start
        i += 1
        after_that = True
    elif tok.text in (":", ",") and i + 1 < n and tokens[i + 1].text in _OPEN_QUOTES:
        quote_content = doc.quote_at(tokens[i + 1].start)
    elif tok.text in _OPEN_QUOTES:
        quote_content = doc.quote_at(tok.start)
    elif verb.frames & {"of", "to", "as", "complement"} and object_start is not None:
        start = object_start
        i = _index_of(tokens, object_start)
    elif "to-np" in verb.frames and tok.low == "to" and i + 1 < n:
        start = tokens[i + 1].start
        i += 1
    elif ("np" in verb.frames and _np_with_complement(lex, tokens, i)) or (
        verb.zero_that and _looks_like_clause(doc, lex, tokens, i)
    ):
        start = tok.start
    if quote_content is not None and not quote_content.fragment:
        return Draft(
            quote_content.start,
            _quote_end(doc.text, quote_content),
            True,
            verb.lemma,
            speaker,
            si,
            tokens[cue.index].start,
            tokens[cue.end_index - 1].end,
            channel,
            addressee,
            subject_start,
        )
    if start is None:
        return None
    if tokens[i].low in lex.question_words and not after_that:
        return None  # "did not say why ..." (but "said that what he wants is ..." is content)
    end = _content_end(doc, lex, tokens, i, later, sent)
    if end <= start:
        return None
    whole = doc.quote_at(start + 1) if doc.text[start] in _OPEN_QUOTES else None
    if whole is not None and whole.close_mark is not None and whole.close_mark == end - 1:
        # 'repeated that “...,”': the content is the quote, without its marks
        start, end = whole.start, _quote_end(doc.text, whole)
    quote = _is_quote(doc, start, end)
    return Draft(
        start,
        end,
        quote,
        verb.lemma,
        speaker,
        si,
        tokens[cue.index].start,
        tokens[cue.end_index - 1].end,
        channel,
        addressee,
        subject_start,
    )


def _index_of(tokens: Sequence[Tok], position: int) -> int:
    for k, tok in enumerate(tokens):
        if tok.start >= position:
            return k
    return len(tokens)


def _object(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], i: int
) -> tuple[str | None, int] | None:
    """The object right after a cue: an actor, a pronoun, or a group such as 'reporters'."""
    tok = tokens[i]
    ref = doc.ref_starting_at(tok.start)
    if ref is not None and ref.actor is not None:
        k = _index_of(tokens, ref.end)
        # a role then a name ("President Macron"): the name is the object
        following = doc.ref_starting_at(tokens[k].start) if k < len(tokens) else None
        if ref.role and following is not None and following.actor is not None:
            ref = following
            k = _index_of(tokens, ref.end)
        while k < len(tokens) and tokens[k].low in (
            "directly",
            "personally",
            "privately",
            "publicly",
            "again",
        ):
            k += 1
        return ref.actor, k
    if tok.low in (
        "him",
        "her",
        "them",
        "it",
        "us",
        "me",
        "reporters",
        "journalists",
        "lawmakers",
        "parliament",
    ):
        group = lex.addressee_groups.get(tok.low)
        if group is not None:
            return disc.book.group(group, tok.text), i + 1
        return disc.pronoun(tok.low, tok.start, -1, tok.start) if tok.low in (
            "him",
            "her",
        ) else None, i + 1
    for phrase, group in lex.addressee_groups.items():
        words = phrase.split()
        if all(i + m < len(tokens) and tokens[i + m].low == w for m, w in enumerate(words)):
            return disc.book.group(group, phrase), i + len(words)
    # a plain noun phrase object: "the talks", "it", "the Ukrainian side"
    k = i
    while (
        k < len(tokens)
        and k - i < 6
        and tokens[k].is_word
        and tokens[k].low not in ("that", "of", "to", "as")
    ):
        k += 1
    if k > i:
        return None, k
    return None


def _skip_adjuncts(
    doc: Doc, disc: Discourse, lex: CueLexicon, tokens: Sequence[Tok], i: int
) -> tuple[int, str | None]:
    """Skip 'on 3 April', 'on Truth Social', 'in an interview with CBS', ', however,' after a cue."""
    n = len(tokens)
    channel: str | None = None
    for _ in range(6):
        if i >= n:
            break
        tok = tokens[i]
        if (
            tok.text == ","
            and i + 2 < n
            and tokens[i + 2].text == ","
            and tokens[i + 1].low in lex.skip_words
        ):
            i += 3
            continue
        if tok.low in lex.skip_words and tok.low not in (
            "has",
            "have",
            "had",
            "would",
            "will",
            "could",
            "may",
            "might",
            "did",
            "does",
            "do",
            "told",
        ):
            i += 1
            continue
        if tok.low in _PREPOSITIONS and tok.low != "that":
            k = i + 1
            limit = min(n, i + 9)
            while (
                k < limit
                and tokens[k].low not in ("that", ",", ":")
                and tokens[k].text not in _OPEN_QUOTES
            ):
                ref = doc.ref_starting_at(tokens[k].start)
                if (
                    ref is not None
                    and ref.actor is not None
                    and disc.book.kind(ref.actor) is ActorKind.MEDIA
                ):
                    channel = channel or ref.actor
                if (
                    k > i + 1
                    and tokens[k].low in _PREPOSITIONS
                    and tokens[k].low in ("on", "at", "in", "to")
                ):
                    break
                if (
                    k > i + 1
                    and _looks_like_clause(doc, lex, tokens, k)
                    and tokens[k].low in _SUBJECT_START
                ):
                    break
                k += 1
            if (k < n and tokens[k].low in ("that", ":")) or (
                k < n and tokens[k].text in _OPEN_QUOTES
            ):
                i = k
                continue
            if k < n and tokens[k].low in ("on", "at", "in", "to") and k > i + 1:
                i = k
                continue
            if k < n and tokens[k].text == "," and k + 1 < n and tokens[k + 1].text in _OPEN_QUOTES:
                i = k
                continue
            # a preposition that starts the content itself ("said in the coming days Russia would")
            break
        break
    return i, channel


def _np_with_complement(lex: CueLexicon, tokens: Sequence[Tok], i: int) -> bool:
    """An object noun phrase that carries content: 'the urgency of a deal', 'a desire to end'."""
    n = len(tokens)
    if i < n and tokens[i].text in _OPEN_QUOTES:
        return True
    for k in range(i, min(n, i + 7)):
        tok = tokens[k]
        if tok.text in (",", ".", ";") or tok.low in ("and", "but"):
            return False
        if k > i and tok.low in (
            "of",
            "for",
            "to",
            "that",
            "about",
            "on",
            "with",
            "in",
            "toward",
            "towards",
            "over",
        ):
            return (k + 1 < n and tokens[k + 1].is_word) or (
                k + 1 < n and tokens[k + 1].text in _OPEN_QUOTES
            )
    return False


def _looks_like_clause(doc: Doc, lex: CueLexicon, tokens: Sequence[Tok], i: int) -> bool:
    """Whether the tokens from ``i`` start a clause (subject then a finite verb soon after)."""
    n = len(tokens)
    if i >= n or not (tokens[i].is_word or tokens[i].text in _OPEN_QUOTES):
        return False
    first = tokens[i]
    if first.low in ("to", "of", "for", "with", "by", "from", "and", "or", "but", "as"):
        return False
    for k in range(i + 1, min(n, i + 20)):
        tok = tokens[k]
        if tok.text in (".", ";", ":") or (tok.text in _OPEN_QUOTES and k == i + 1):
            return False
        if tok.low in _CLAUSE_VERB_HINTS:
            return True
        if tok.low.endswith("ed") and tok.is_word and not tok.is_capitalized and k > i:
            return True
        if tok.low in lex.forms and k > i and not tok.low.endswith("ing"):
            return True
        if tok.low.endswith("s") and k == i + 1 and first.is_capitalized and not tok.is_capitalized:
            return True  # "Russia seems", "Washington expects"
        if (
            k <= i + 4
            and first.low in _DETERMINERS | _SUBJECT_START
            and tok.is_word
            and not tok.is_capitalized
            and tok.low.endswith("s")
            and not tok.low.endswith(("ss", "ous", "ics"))
            and k > i + 1
            and tokens[k - 1].is_word
            and tokens[k - 1].low not in _DETERMINERS
            and k + 1 < n
            and tokens[k + 1].low
            in _DETERMINERS | {"for", "to", "on", "that", "in", "with", "no", "not"}
        ):
            return True  # "the agreement provides for", "the group holds the"
    return False


def _content_end(
    doc: Doc, lex: CueLexicon, tokens: Sequence[Tok], i: int, later: Sequence[_Cue], sent: Sent
) -> int:
    """Where reported content that starts at token ``i`` ends."""
    n = len(tokens)
    stops = {c.index for c in later if _carries_content(doc, lex, tokens, c)}
    end = sent.end
    k = i
    while k < n:
        tok = tokens[k]
        quote = doc.quote_at(tok.start) if tok.text in _OPEN_QUOTES else None
        if quote is not None and quote.close_mark is not None and quote.close_mark > tok.start:
            # a quote inside the content: keep it whole, even past the sentence end
            end = max(end, quote.close_mark + 1)
            k = _index_of(tokens, quote.close_mark + 1)
            gloss = k + 1 if k < n and tokens[k].text == "," else k
            if (
                gloss < n
                and (gloss > k or doc.text[quote.close_mark - 1] == ",")
                and tokens[gloss].text.isalpha()
                and tokens[gloss].text.islower()
                and tokens[gloss].low.endswith("ing")
            ):
                # “...,” implying that ...: the writer's gloss on the quote, not the speaker's
                end = quote.close_mark + 1
                break
            continue
        if tok.text == ";" or tok.text in lex.dashes:
            end = tok.start
            break
        if tok.text == "," and k + 1 < n:
            nxt = tokens[k + 1]
            if nxt.low in lex.comma_conjunctions and not (
                nxt.low == "but" and k + 2 < n and tokens[k + 2].low == "that"
            ):
                end = tok.start
                break
            if k + 1 in stops and nxt.low in lex.split_participles:
                end = tok.start
                break
            if _according_at(lex, tokens, k + 1):
                end = tok.start
                break
        if tok.low in _COORDINATORS and k + 1 < n:
            nxt = tokens[k + 1]
            if (
                nxt.low == "that"
                and tok.low == "and"
                and k + 2 < n
                and tokens[k + 2].low not in _PRONOUN_SUBJECTS
            ):
                end = _trim_left(doc.text, tok.start)
                break
            if any(s > k and s <= k + 6 for s in stops) and _new_clause(doc, tokens, k + 1, stops):
                end = _trim_left(doc.text, tok.start)
                break
        if k in stops and _only_a_subject(tokens, i, k):
            # 'said Kyiv had proposed a meeting': the later cue and its subject are the content
            stops.discard(k)
        if k in stops:
            # a later cue with its own subject inside this stretch: stop before its subject
            end = _trim_left(doc.text, tok.start)
            break
        k += 1
    return _trim_content(doc.text, tokens[i].start, min(end, max(sent.end, end)))


def _only_a_subject(tokens: Sequence[Tok], i: int, k: int) -> bool:
    """Whether the content from ``i`` holds only a short subject before the cue at ``k``."""
    if k - i > 6:
        return False
    return all(
        t.text not in (",", ";", ":") and t.low not in ("and", "but", "or", "that")
        for t in tokens[i:k]
    )


_MENTAL = frozenset({"hope", "think", "believe", "fear", "feel", "want", "wish"})


def _carries_content(doc: Doc, lex: CueLexicon, tokens: Sequence[Tok], cue: _Cue) -> bool:
    """Whether a later cue introduces content of its own (and so ends the content before it).

    A verb of thinking inside reported content ("wrote that he hopes a deal ...") is part of
    what was reported, not a new statement.
    """
    if cue.kind == "according":
        return True
    if cue.verb is not None and cue.verb.lemma in _MENTAL:
        return False
    if cue.kind == "trailing" and cue.form not in lex.split_participles:
        return False
    if cue.verb is None or cue.kind == "leading":
        return False
    i = cue.end_index
    n = len(tokens)
    while i < n and (tokens[i].low in lex.skip_words or tokens[i].low in _NEGATIONS):
        i += 1
    if i >= n:
        return tokens[cue.index - 1].text == "," if cue.index > 0 else False
    nxt = tokens[i]
    if nxt.low == "that" or nxt.text in (":",) or nxt.text in _OPEN_QUOTES:
        return True
    frames = cue.verb.frames
    if frames & {"addressee", "of", "to", "as", "complement", "np", "to-np"}:
        return True
    if cue.verb.zero_that and _looks_like_clause(doc, lex, tokens, i):
        return True
    return nxt.text == "," and cue.index > 0 and tokens[cue.index - 1].text == ","


def _new_clause(doc: Doc, tokens: Sequence[Tok], k: int, stops: set[int]) -> bool:
    """Whether the words from ``k`` lead straight to a later cue (a coordinated statement)."""
    for m in range(k, min(len(tokens), k + 7)):
        if m in stops:
            return True
        if tokens[m].text in (",", ";", ".") or doc.quote_at(tokens[m].start) is not None:
            return False
    return False


def _trim_left(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    return end


def _trim_content(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,.;:":
        end -= 1
    # a closing quote mark left alone at the end belongs outside the content
    if (
        end > start
        and text[end - 1] in '”"»'
        and text[start:end].count(text[end - 1]) == 1
        and text[start] not in '“"«'
    ):
        end -= 1
        while end > start and text[end - 1] in " ,.":
            end -= 1
    return end


def _is_quote(doc: Doc, start: int, end: int) -> bool:
    """Whether content is a direct quote: mostly quoted words, or ending in a long quoted part.

    "the parties are “very close to a Deal”" ends in the speaker's own words, which make up
    most of it: a direct quote. A scare-quoted word inside reported speech is not.
    """
    quotes = doc.quotes_in(start - 1, end)
    inside = sum(min(q.end, end) - max(q.start, start) for q in quotes if not q.fragment)
    if inside >= 0.8 * (end - start):
        return True
    if not quotes:
        return False
    last = quotes[-1]
    words = len(doc.text[max(last.start, start) : min(last.end, end)].split())
    closes_content = last.end >= end - 1 or not doc.text[last.end : end].strip(" ,.;:”\"»’'")
    every = sum(min(q.end, end) - max(q.start, start) for q in quotes)
    return closes_content and words >= 3 and every >= 0.5 * (end - start)


# ---------------------------------------------------------------------------------------------
# content before the cue, around it, and "according to"


def _content_before(
    doc: Doc,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    subject_start: int,
    speaker: Speaker,
    cue: _Cue,
    si: int,
    sent: Sent,
    earlier: Sequence[Draft],
) -> Draft | None:
    assert cue.verb is not None
    if "clause" not in cue.verb.frames and "parenthetical" not in cue.verb.frames:
        return None
    k = _index_of(tokens, subject_start) - 1
    if k < 0:
        return None
    prev = tokens[k]
    cue_start, cue_end = tokens[cue.index].start, tokens[cue.end_index - 1].end
    if prev.text in _CLOSE_QUOTES or (
        prev.text == "," and k > 0 and tokens[k - 1].text in _CLOSE_QUOTES
    ):
        close = prev.start if prev.text in _CLOSE_QUOTES else tokens[k - 1].start
        quote = doc.quote_at(close)
        opens_sentence = quote is not None and (
            quote.open_mark <= sent.start
            or not doc.text[sent.start : quote.open_mark].strip(" \t\n-")
        )
        if quote is not None and not quote.fragment and opens_sentence:
            return Draft(
                quote.start,
                _quote_end(doc.text, quote),
                True,
                cue.verb.lemma,
                speaker,
                si,
                cue_start,
                cue_end,
                subject_start=subject_start,
            )
    if prev.text != ",":
        return None
    start = sent.start
    for draft in earlier:
        if draft.end <= prev.start:
            start = max(start, draft.end)
    content_start = _content_start(doc.text, start, prev.start, tokens)
    end = _trim_content(doc.text, content_start, prev.start)
    if end - content_start < 10:
        return None
    first = _index_of(tokens, content_start)
    if not _looks_like_clause(doc, lex, tokens, first) and not _is_quote(doc, content_start, end):
        return None
    return Draft(
        content_start,
        end,
        _is_quote(doc, content_start, end),
        cue.verb.lemma,
        speaker,
        si,
        cue_start,
        cue_end,
        subject_start=subject_start,
    )


def _content_start(text: str, start: int, end: int, tokens: Sequence[Tok]) -> int:
    # skip a list dash, a "BREAKING:" style label and opening spaces
    while start < end and text[start] in " \t\n-•*":
        start += 1
    return start


def _parenthetical(
    doc: Doc,
    tokens: Sequence[Tok],
    cue: _Cue,
    subject_start: int,
    speaker: Speaker,
    si: int,
    sent: Sent,
) -> list[Draft] | None:
    """'Türkiye, he said, is ready ...' and 'A, he added, and B': the cue inside the content."""
    assert cue.verb is not None
    k = _index_of(tokens, subject_start) - 1
    after = cue.end_index
    if k < 1 or tokens[k].text != "," or after >= len(tokens) or tokens[after].text != ",":
        return None
    if after + 1 >= len(tokens) or not tokens[after + 1].is_word:
        return None
    cue_start, cue_end = tokens[cue.index].start, tokens[cue.end_index - 1].end
    begin = _content_start(doc.text, sent.start, tokens[k].start, tokens)
    finish = _trim_content(doc.text, begin, sent.end)
    if tokens[after + 1].low in _COORDINATORS:
        first_end = _trim_left(doc.text, tokens[k].start)
        second_start = tokens[after + 2].start if after + 2 < len(tokens) else sent.end
        drafts = [Draft(begin, first_end, False, cue.verb.lemma, speaker, si, cue_start, cue_end)]
        if finish > second_start:
            drafts.append(
                Draft(second_start, finish, False, cue.verb.lemma, speaker, si, cue_start, cue_end)
            )
        return drafts
    return [
        Draft(
            begin,
            finish,
            _is_quote(doc, begin, finish),
            cue.verb.lemma,
            speaker,
            si,
            cue_start,
            cue_end,
        )
    ]


def _inverted(
    doc: Doc,
    disc: Discourse,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    cue: _Cue,
    si: int,
    sent: Sent,
) -> Draft | None:
    """'“...,” said Peskov' and '..., said the ministry'."""
    assert cue.verb is not None
    after = cue.end_index
    if after >= len(tokens) or cue.index == 0:
        return None
    prev = tokens[cue.index - 1]
    if prev.text != "," and prev.text not in _CLOSE_QUOTES:
        return None
    ref = doc.ref_starting_at(tokens[after].start)
    speaker: Speaker | None = None
    if ref is not None and ref.actor is not None:
        speaker = Speaker(ref.actor, ref.start, ref.end, ref.rule)
    else:
        # "said the ministry", "said Mr X": the noun phrase up to the next comma or stop
        m = after
        while m < len(tokens) and tokens[m].is_word and m - after < 6:
            m += 1
        if m > after:
            found = _noun_phrase_end(doc, disc, lex, tokens, m - 1, si, sent)
            if found is not None:
                speaker = found[0]
    if speaker is None:
        return None
    return _content_before(doc, lex, tokens, tokens[cue.index].start, speaker, cue, si, sent, [])


def _according(
    doc: Doc,
    disc: Discourse,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    cue: _Cue,
    si: int,
    sent: Sent,
) -> Draft | None:
    after = cue.end_index
    if after >= len(tokens):
        return None
    # the source: a noun phrase up to the next comma or the sentence end
    m = after
    while m < len(tokens) and tokens[m].text not in (",", ".", ";") and m - after < 14:
        m += 1
    speaker: Speaker | None = None
    ref = doc.ref_starting_at(tokens[after].start)
    for n in range(m - 1, after - 1, -1):
        found = _noun_phrase_end(doc, disc, lex, tokens, n, si, sent)
        if found is not None:
            speaker = found[0]
            break
    if speaker is None and ref is not None and ref.actor is not None:
        speaker = Speaker(ref.actor, ref.start, ref.end, ref.rule)
    if speaker is None:
        speaker = _provisional_body(doc, disc, tokens, after, m)
    if speaker is None:
        return None
    cue_start, cue_end = tokens[cue.index].start, tokens[cue.end_index - 1].end
    if cue.index == 0 or (cue.index == 1 and not tokens[0].is_word):
        # "According to X, content."
        if m >= len(tokens) or tokens[m].text != ",":
            return None
        start = tokens[m + 1].start if m + 1 < len(tokens) else sent.end
        end = _trim_content(doc.text, start, sent.end)
        return (
            Draft(
                start,
                end,
                _is_quote(doc, start, end),
                "according to",
                speaker,
                si,
                cue_start,
                cue_end,
            )
            if end > start
            else None
        )
    # "content, according to X."
    prev = tokens[cue.index - 1]
    if prev.text != ",":
        return None
    start = _content_start(doc.text, sent.start, prev.start, tokens)
    end = _trim_content(doc.text, start, prev.start)
    return (
        Draft(
            start, end, _is_quote(doc, start, end), "according to", speaker, si, cue_start, cue_end
        )
        if end > start
        else None
    )


def _provisional_body(
    doc: Doc, disc: Discourse, tokens: Sequence[Tok], start: int, end: int
) -> Speaker | None:
    """'According to the prime minister's office': an unknown body named by its words."""
    words = tokens[start:end]
    if not words:
        return None
    while words and words[0].low in _DETERMINERS:
        words = words[1:]
    if not words or len(words) > 10:
        return None
    name = doc.text[words[0].start : words[-1].end]
    name = name[0].upper() + name[1:]
    country: str | None = None
    for ref in doc.refs_in(words[0].start, words[-1].end):
        country = ref.country or disc.book.country(ref.actor)
        if country:
            break
    actor = disc.book.provisional(name, ActorKind.GOVERNMENT, country)
    if actor is None:
        return None
    return Speaker(actor, words[0].start, words[-1].end, MentionRule.PROVISIONAL)


def _leading(
    doc: Doc,
    disc: Discourse,
    lex: CueLexicon,
    tokens: Sequence[Tok],
    cue: _Cue,
    main: Draft,
    si: int,
) -> Draft | None:
    """'Telling Macron that A, Erdogan said B': the participle clause is a statement of B's speaker."""
    assert cue.verb is not None
    i = cue.end_index
    if "addressee" in cue.verb.frames:
        obj = _object(doc, disc, lex, tokens, i)
        if obj is not None:
            i = obj[1]
    if i >= len(tokens) or tokens[i].low != "that":
        return None
    start = tokens[i + 1].start if i + 1 < len(tokens) else None
    limit = main.subject_start if main.subject_start is not None else main.start
    if start is None or limit <= start:
        return None
    end = _trim_content(doc.text, start, _trim_left(doc.text, limit))
    if end <= start:
        return None
    return Draft(
        start,
        end,
        _is_quote(doc, start, end),
        cue.verb.lemma,
        main.speaker,
        si,
        tokens[cue.index].start,
        tokens[cue.index].end,
        confidence=0.85,
    )


# ---------------------------------------------------------------------------------------------


def _trim_nested(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Cut reported content where another statement with its own speaker and cue begins in it."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence, []).append(draft)
    out: list[Draft] = []
    for draft in drafts:
        end = draft.end
        if not draft.quote:
            for other in by_sentence[draft.sentence]:
                if other is draft or other.cue_start is None:
                    continue
                marker = other.cue_start
                if not other.speaker.inferred and other.speaker.start < other.cue_start:
                    marker = min(marker, other.speaker.start)
                if draft.start < marker < end and other.start >= marker:
                    lead = doc.text[draft.start : marker]
                    if len(lead.split()) <= 3 and not any(c in lead for c in ",;:"):
                        # 'said the Russian side had demanded that ...': the nested report,
                        # speaker and all, is what was said
                        continue
                    end = marker
        if end < draft.end:
            end = _trim_content(doc.text, draft.start, _trim_left(doc.text, end))
        if end - draft.start >= 3:
            out.append(draft if end == draft.end else attrs.evolve(draft, end=end))
    return out


def sentence_refs(doc: Doc, sent: Sent) -> tuple[Ref, ...]:
    """References inside a sentence (exposed for the demand and event extractors)."""
    return doc.refs_in(sent.start, sent.end)


def _quote_end(text: str, quote: Quote) -> int:
    """The end of a quotation's words without the comma that hands over to its attribution."""
    end = quote.end
    while end > quote.start and text[end - 1] in " ,;:":
        end -= 1
    return end
