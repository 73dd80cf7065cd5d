"""Hostile input: the text scraped web pages and careless callers hand to a library.

``NASTY`` is a fixed list of named cases; ``hostile_text`` and ``documents()`` are
hypothesis strategies that mix news-like words with the same ingredients; ``scaled`` builds
large inputs of a chosen shape for the linear-time checks; ``ARTICLES`` are ordinary news texts
whose parsed records the mutation tests break. Every public function is run on these by
tests/test_hostile.py and tests/test_hostile_time.py.

Cases marked "(bug)" made the library crash or hang before it was fixed; the comment names
what went wrong.
"""

from __future__ import annotations

from hypothesis import strategies as st

_NEWS = (
    "Kremlin spokesman Dmitry Peskov said on 11 April that talks with Kyiv were “complicated”. "
    "Zelenskyy’s office said 314 prisoners are expected to be released. "
)

NASTY: dict[str, str] = {
    "empty": "",
    "space": " ",
    "newlines": "\n\n\n",
    "one-letter": "A",
    "mojibake": "ThÃ©rÃ¨se Kayikwamba Wagner said â€œnoâ€\x9d to the plan.",
    "replacement-chars": "Th\ufffdr\ufffdse said the talks were \ufffd\ufffd over.",
    "zero-width": "Zelen\u200bskyy said\u200d talks\u2060 would\ufeff resume.",
    "soft-hyphen": "Zapo\u00adrizhzhia oblast was shelled on Mon\u00adday.",
    "crlf": "Peskov said on Friday\r\nthat talks would resume.\r\n\r\nREUTERS\r\n",
    "lone-cr": "Peskov said on Friday\rthat talks would resume.\rREUTERS",
    "rtl-marks": "\u200fPeskov said\u200e talks would \u202eresume\u202c on Monday.",
    "nul-bytes": "Peskov\x00 said\x00 talks\x00 would resume.\x00",
    "control-chars": "Peskov\x01\x02 said\x1b[31m talks would resume.\x7f",
    "html": "<p>Lavrov said &amp; repeated that talks&nbsp;would <b>resume</b>.</p><br/><script>x=1</script>",
    "entities": "&#8220;We are ready,&#8221; Peskov said. &lt;b&gt;Fine&lt;/b&gt; &bogus; &#99999999;",
    "nfd": "Erdog\u0306an said Tu\u0308rkiye was ready to host talks in Istanbul.",
    "emoji": "🇺🇦 Zelenskyy said 🕊️ peace talks would resume on 𝟏𝟏 April 😀.",
    "astral-cjk": "𠜎𠜱𠝹 Lavrov said 𠱓 talks 𡃁 would resume on 11 April.",
    "unclosed-quote": "Peskov said: “We are ready to talk and the door is open",
    "stray-closing": "” said Peskov. ” ” ”",
    "nested-quotes": "Medvedev wrote: “Officials said ‘never’ and ‘ever’ and “again”.”",
    "only-quotes": "“" * 200 + "”" * 50,
    "only-punctuation": ".,;:!?-—–()[]{}" * 20,
    "digits": "1" * 200,
    "big-number": "Officials said " + "9" * 120 + " prisoners were freed on 11 April.",
    "dates-only": "11 April 2025 April 11 Apr. 11 2025-04-11 11.04.2025 Monday today yesterday",
    "month-words": "May May may MAY March march April Monday monday",
    "no-spaces": "PeskovsaidonFridaythattalkswouldresumeinRiyadhon11April2025" * 5,
    "capitals": " ".join(f"Name{i}" for i in range(300)),
    "all-caps": "KREMLIN SPOKESMAN DMITRY PESKOV SAID ON FRIDAY THAT TALKS WOULD RESUME.",
    "title-only": "Peace Talks Overview: Moscow's Ultimatums",
    "question": "What did the Kremlin say? Why? When?",
    "url": "Source\nwww.example.com/news/peace-talks?id=1&x=2\nhttps://example.org",
    "speech-cues-only": "said said said told told according to according to wrote",
    "pronouns-only": "He said. She said. It said. They said. We said.",
    "surrogate-like": "Peskov said \udcff talks would resume.",
    "tabs": "\tPeskov\tsaid\tthat\ttalks\twould\tresume.\t",
    "unicode-spaces": "Peskov\u2003said\u00a0that\u2009talks\u202fwould\u3000resume.",
    "news": _NEWS,
    # (bug) a number of 400 digits is float("inf") and int(inf) raised OverflowError from parse
    "huge-number": "At least " + "8" * 400 + " people were killed in a strike on Kyiv.",
    "huge-number-comma": "Officials said " + ",".join(["999"] * 400) + " prisoners were freed.",
    "huge-swap": "Russia and Ukraine exchanged "
    + "1" * 5000
    + "-for-"
    + "1" * 5000
    + " prisoners.",
    "for-digits": "Russia and Ukraine exchanged " + "1" * 1900 + "-for-2 prisoners in a swap.",
    "surrogate-halves": "Peskov said \ud83d talks \ude00 would resume \ud800\udc00 soon.",
    "private-use": "\ue000\uf8ff Peskov said \U000f0000 talks \U0010ffff resume.",
    "combining-flood": "e" + "\u0301" * 500 + " Peskov said talks would resume on 11 April.",
    "mixed-breaks": "Peskov said\u2028that talks\u2029would\x85resume\x0bon\x0cMonday.",
    "nested-entities": "&amp;amp;amp;lt;b&amp;amp;gt;Peskov said &amp;#8220;no&amp;#8221;",
    "only-whitespace": " \t\n\r\u3000\u00a0\u2028" * 20,
    "qa-markers-only": "Q:\nA:\nQ:\nA:\n",
    "dateline-only": "MOSCOW - ",
    "impossible-dates": (
        "Talks met on 31 December 9999, 1 January 0001, 29 February 2023, 31 April 2025, "
        "0000-00-00 and 9999-12-31T23:59:59+99:99."
    ),
    "number-words": "One hundred thousand million billion trillion prisoners were freed.",
    "unicode-digits": "Talks on ١١ April ٢٠٢٥, on ११ April and on 𝟏𝟏 April.",
    "arabic": "قال بيسكوف إن المحادثات ستستأنف يوم 11 أبريل.",
    "cyrillic": "Песков заявил, что переговоры возобновятся 11 апреля. Зеленський сказав «ні».",
    "cjk-sentence": "佩斯科夫表示，谈判将于4月11日恢复。泽连斯基说：“不。”",
    "deep-brackets": "(" * 3000 + "Peskov said talks would resume" + ")" * 3000,
    "deep-quotes": "“‘" * 1500 + "Peskov said talks would resume" + "’”" * 1500,
    "deep-guillemets": "«" * 3000 + "Lavrov said no" + "»" * 3000,
    "deep-tags": "<b>" * 2000 + "Peskov said talks would resume" + "</b>" * 2000,
    "trigger-run": "talks " * 400,
    "demand-run": "Russia refuses to " * 150,
    "long-word": "a" * 5000,
    "long-sentence": "Peskov said that " + "the talks and " * 300 + "peace would come.",
    "apostrophe-run": "'" * 500 + "s",
    "byline-and": "By " + "AAND" * 100,
    # (bug) "and" glued to a name let the byline pattern try every cut of the word: 14 s for
    # this one line of 600 characters
    "byline-glued": "By " + "AAND" * 149 + "1",
    # (bug) three "\s*" in a row in the copyright-holder pattern: cubic on a run of spaces
    "copyright-spaces": "©" + " " * 590 + "!",
    "initials-run": "U.S." * 500,
    "many-lines": "Talks\n" * 500,
}

_INGREDIENTS = [
    "said",
    "told",
    "according to",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\r\n",
    "\r",
    " ",
    ",",
    ".",
    ":",
    "—",
    "Mr",
    "Dr.",
    "U.S.",
    "Kremlin",
    "Peskov",
    "Zelenskyy’s",
    "Moscow",
    "Kyiv",
    "11 April",
    "Monday",
    "May",
    "2022",
    "1,000",
    "314 prisoners",
    "at least eight",
    "ceasefire",
    "talks",
    "refuses to",
    "demands",
    "not seeking",
    "\u200b",
    "\ufeff",
    "\x00",
    "&amp;",
    "<p>",
    "Ã©",
    "\ufffd",
    "😀",
    "𠜎",
    "e\u0301",
    "Q:",
    "A:",
    "PHOTO: REUTERS",
    "Home > Peace Talks",
    "date 2025-04-12",
    "MOSCOW - ",
    "(Reporting by X; Editing by Y)",
    "9" * 30,
    "\ud800",
    "\u2028",
    "(",
    ")",
    "exchanged",
    "1,000-for-1,000",
    "killed",
    "Lavrov:",
    "- ",
    "By",
]

_MARKS = "“”‘’\"'«»()[]. \nABab,:—-0123456789&;#<>\r\u0301\u200b\ufffd😀QA"

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=100),
    st.text(alphabet=st.sampled_from(_MARKS), max_size=200),
    st.lists(st.sampled_from(_INGREDIENTS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(_INGREDIENTS), st.text(max_size=8)), max_size=40).map(
        " ".join
    ),
    st.sampled_from(list(NASTY.values())),
)
"""Text that mixes news words, furniture, quote marks, control characters, lone surrogates and
random strings."""


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A multi-line document of hostile lines and news lines, with a chosen line break."""
    lines = draw(
        st.lists(
            st.one_of(
                hostile_text, st.sampled_from([_NEWS, "", "MOSCOW - ", "Q: Why?", "A: Because."])
            ),
            min_size=1,
            max_size=8,
        )
    )
    newline = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\u2029"]))
    return newline.join(lines)


WRONG_VALUES: dict[str, object] = {
    "bytes": b"Peskov said talks would resume.",
    "bytearray": bytearray(b"Peskov"),
    "none": None,
    "int": 12,
    "float": 1.5,
    "bool": True,
    "list": ["Peskov"],
    "dict": {"text": "Peskov"},
    "object": object(),
}
"""Values of the wrong type that careless callers pass for text and records."""


ARTICLES: tuple[str, ...] = (
    "Russia says talks complicated\n"
    "By Jane Roe | April 12, 2025\n"
    "MOSCOW - Kremlin spokesman Dmitry Peskov said on Friday that talks with Kyiv were "
    "“complicated”. Russia demands that Ukraine withdraw its troops from Donetsk and Luhansk.\n"
    "Ukrainian Foreign Minister Andrii Sybiha rejected the demand. “We will not give up a single "
    "village,” he said.\n"
    "Russia and Ukraine exchanged 246 prisoners on 19 April, Zelenskyy said on Telegram. At least "
    "eight people were killed in a missile strike on Kyiv overnight.\n",
    "Kyiv, April 20 (Reuters) - Ukraine accepted a 30-day ceasefire proposed by the United "
    "States, President Volodymyr Zelenskyy said on Sunday. The Kremlin said Moscow was ready for "
    "talks in Istanbul on 15 May, but Foreign Minister Sergey Lavrov said Russia rejects any "
    "ceasefire without guarantees. The two sides swapped 1,000-for-1,000 prisoners.\n",
)
"""Ordinary news texts: parsed, their records feed the mutation tests (broken records)."""


def scaled(kind: str, size: int) -> str:
    """A ``size``-character input of one shape built to make a scanner work hard."""
    return _repeat(SCALED[kind], size)


SCALED: dict[str, str] = {
    "news": _NEWS + "\n\n",
    "one-line": _NEWS.replace("\n", " "),
    "digits": "1",
    "digit-runs": "12345678901234567890 1,000,000,000 2025-04-11 ",
    "months": "May April March Monday ",
    "no-spaces": "PeskovsaidonFridaythattalks",
    "open-quotes": "“a ",
    "mixed-quotes": '“a ‘b «c "d ',
    "capitals": "Kayikwamba Wagner Name Other Person ",
    "commas": "a, ",
    "said": "he said that she said that ",
    "mr": "Mr. Dr. Gen. U.S. ",
    "tags": "<p>",
    "zero-width": "\u200b",
    "cr": "a\r",
    # shapes added with issue 9; the first four made parse quadratic before the fix
    "talks": "talks ",
    "strikes": "At least 8 people were killed in strikes on Kyiv ",
    "urged": "urged him to ",
    "refuses": "Russia refuses to ",
    "quoted-sentences": "Peskov said “we are ready. We are.” ",
    "rejections": "Russia rejected a ceasefire. ",
    "brackets": "([{“‘«",
    "blank-lines": "a\n\n",
    "bullets": "- a\n",
    "short-lines": "Q: Will they meet?\nA: Yes. “Soon\n10:20\n",
    "caps-lines": "KREMLIN\n",
    "huge-numbers": "At least " + "8" * 400 + " people were killed. ",
    "for-digits": "exchanged " + "1" * 300 + "-for-",
    "entities": "&amp;amp;Ã©&#8217;\u200b",
    "nfd": "e\u0301",
    "emoji": "😀 🇺🇦 ",
    "dates-commas": "11 April, ",
    "possessives": "Russia's ",
    "initials": "U.S.U.S.",
    "apostrophes": "Russia’s ‘envoys’ don't 'say ",
    "datelines": "MOSCOW - ",
    "by-lines": "By AAND ",
    "colon-names": "Lavrov: ",
    "percent": "5% $5 ",
    # lines built against the header patterns (byline, copyright holder, dateline)
    "glued-bylines": "By " + "AAND" * 149 + "1\n",
    "copyright-spaces": "©" + " " * 590 + "!\n",
    "dateline-credits": "MOSCOW, " + "A’" * 96 + "\nPHOTO: REUTERS\n",
    # (bug) label patterns with "\s*" next to "\s*": 30 s per megabyte before the fix
    "spaced-labels": "Updated" + " " * 590 + "x\nSource" + " " * 590 + "x\n",
}
"""The repeating unit of each large input shape (see ``scaled``)."""

SCALED_KINDS = tuple(SCALED)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]
