"""Hostile input: the text scraped web pages and careless callers hand to a library.

``NASTY`` is a fixed list of named cases; ``hostile_text`` is a hypothesis strategy that mixes
news-like words with the same ingredients; ``scaled`` builds large inputs of a chosen shape for
the linear-time checks. Every public function is run on these by tests/test_hostile.py.
"""

from __future__ import annotations

from collections.abc import Callable

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
]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_INGREDIENTS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(_INGREDIENTS), st.text(max_size=8)), max_size=40).map(
        " ".join
    ),
    st.sampled_from(list(NASTY.values())),
)
"""Text that mixes news words, furniture, quote marks, control characters and random strings."""


def scaled(kind: str, size: int) -> str:
    """A ``size``-character input of one shape built to make a scanner work hard."""
    builders: dict[str, Callable[[int], str]] = {
        "news": lambda n: _repeat(_NEWS + "\n\n", n),
        "one-line": lambda n: _repeat(_NEWS.replace("\n", " "), n),
        "digits": lambda n: "1" * n,
        "digit-runs": lambda n: _repeat("12345678901234567890 1,000,000,000 2025-04-11 ", n),
        "months": lambda n: _repeat("May April March Monday ", n),
        "no-spaces": lambda n: _repeat("PeskovsaidonFridaythattalks", n),
        "open-quotes": lambda n: _repeat("“a ", n),
        "mixed-quotes": lambda n: _repeat('“a ‘b «c "d ', n),
        "capitals": lambda n: _repeat("Kayikwamba Wagner Name Other Person ", n),
        "commas": lambda n: _repeat("a, ", n),
        "said": lambda n: _repeat("he said that she said that ", n),
        "mr": lambda n: _repeat("Mr. Dr. Gen. U.S. ", n),
        "tags": lambda n: _repeat("<p>", n),
        "zero-width": lambda n: _repeat("\u200b", n),
        "cr": lambda n: _repeat("a\r", n),
    }
    return builders[kind](size)


SCALED_KINDS = (
    "news",
    "one-line",
    "digits",
    "digit-runs",
    "months",
    "no-spaces",
    "open-quotes",
    "mixed-quotes",
    "capitals",
    "commas",
    "said",
    "mr",
    "tags",
    "zero-width",
    "cr",
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]
