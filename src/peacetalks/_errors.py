"""The library's exceptions: one base, and parse errors that are also ``ValueError``."""

from __future__ import annotations

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "InvalidDate",
    "InvalidName",
    "InvalidRecord",
    "PeacetalksError",
]


class PeacetalksError(Exception):
    """The base of every error that peacetalks raises on purpose.

    Catch it to handle any documented failure of the library at once:

    >>> import peacetalks
    >>> try:
    ...     peacetalks.from_json(peacetalks.Span, "[3, 1]")
    ... except peacetalks.PeacetalksError as exc:
    ...     print(type(exc).__name__)
    InvalidRecord
    """


class InvalidRecord(PeacetalksError, ValueError):
    """A dict or JSON text that does not describe a valid record.

    ``path`` names the bad field in JSONPath style (``$.statements[2].span``), and ``problems``
    lists every problem found, each with its own path.

    >>> from peacetalks import Event, InvalidRecord, from_dict
    >>> try:
    ...     from_dict(Event, {"id": "e1", "type": "parade", "span": [0, 0], "text": ""})
    ... except InvalidRecord as exc:
    ...     print(exc.path)
    $.type
    """

    def __init__(self, message: str, *, path: str = "$", problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems or (message,)


class InvalidDate(PeacetalksError, ValueError):
    """The text given to a date parser is not a time expression it can read.

    ``text`` holds the input that failed.
    """

    def __init__(self, text: str, reason: str = "not a time expression") -> None:
        shown = text if len(text) <= 80 else text[:77] + "..."
        super().__init__(f"{shown!r}: {reason}")
        self.text = text
        self.reason = reason


class InvalidName(PeacetalksError, ValueError):
    """The text given for a name holds no name (only a title, an article or punctuation).

    ``text`` holds the input that failed.

    >>> from peacetalks import InvalidName, provisional_actor
    >>> try:
    ...     provisional_actor("the Foreign Minister")
    ... except InvalidName as exc:
    ...     print(exc.text)
    the Foreign Minister
    """

    def __init__(self, text: str, reason: str = "holds no name") -> None:
        shown = text if len(text) <= 80 else text[:77] + "..."
        super().__init__(f"{shown!r}: {reason}")
        self.text = text
        self.reason = reason


class ArgumentTypeError(PeacetalksError, TypeError):
    """An argument of the wrong type: ``bytes`` where a ``str`` is expected, a ``datetime``
    where a ``date`` is. Both a ``PeacetalksError`` and a ``TypeError``.

    >>> import peacetalks as pt
    >>> try:
    ...     pt.parse(b"Peskov said talks would resume.")
    ... except pt.ArgumentTypeError as exc:
    ...     print(exc)
    parse() needs the article as a str, got bytes
    """


class ArgumentValueError(PeacetalksError, ValueError):
    """An argument of the right type with a value that cannot be used (a negative limit).
    Both a ``PeacetalksError`` and a ``ValueError``.

    >>> import peacetalks as pt
    >>> try:
    ...     pt.parse("Peskov said talks would resume.", max_chars=-1)
    ... except pt.ArgumentValueError as exc:
    ...     print(exc)
    max_chars must be >= 0, got -1
    """
