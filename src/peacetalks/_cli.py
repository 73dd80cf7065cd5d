"""The ``peacetalks`` command line (also ``python -m peacetalks``).

Every user mistake (a missing file, a file that is not UTF-8, a bad date) ends with a one-line
message on standard error and a non-zero exit code, never a traceback.

Exit codes: 0 success; 2 a usage error (bad option or date); 3 a file that cannot be read;
4 a file that is not UTF-8 text; 5 input the library refuses (too long, invalid).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from peacetalks._errors import PeacetalksError

__all__ = ["main"]

EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_ENCODING = 4
EXIT_REFUSED = 5

_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


class _UserError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacetalks",
        description="Read news about peace negotiations into statements, actors, demands, events and dates.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse articles and print their records")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="article text files; '-' reads standard input"
    )
    p.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for every file")
    p.add_argument(
        "--published-from-name",
        action="store_true",
        help="take each file's publication date from a YYYY-MM-DD or YYYYMMDD in its name",
    )
    p.add_argument(
        "--format", choices=("json", "jsonl", "table"), default="json", help="output format"
    )
    p.add_argument(
        "--workers", type=int, default=1, help="parallel processes for many files (default 1)"
    )

    d = sub.add_parser("dates", help="find and normalize the time expressions in a text")
    d.add_argument("text", help="the text (quote it)")
    d.add_argument(
        "--reference", type=_date, help="the date relative expressions are resolved against"
    )

    w = sub.add_parser("who", help="look a name, alias or role up in the gazetteer")
    w.add_argument("name", help="a name, alias, spelling or role ('the Russian foreign minister')")
    w.add_argument("--on", type=_date, help="the date a role description refers to")

    c = sub.add_parser(
        "compare", help="contradictions, position gaps and merged events over many articles"
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--published", type=_date)
    c.add_argument("--published-from-name", action="store_true")
    c.add_argument("--format", choices=("json", "table"), default="table")

    h = sub.add_parser(
        "html", help="one article as a self-contained HTML page (to standard output)"
    )
    h.add_argument("file", metavar="FILE")
    h.add_argument("--published", type=_date)
    h.add_argument("--published-from-name", action="store_true")
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    >>> import io
    >>> out = io.StringIO()
    >>> main(["dates", "talks resume on 11 April", "--reference", "2025-04-12"], stdout=out)
    0
    >>> print(out.getvalue().strip())
    11 April	2025-04-11	date	day
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "parse":
            return _cmd_parse(args, out, err)
        if args.command == "dates":
            return _cmd_dates(args, out)
        if args.command == "who":
            return _cmd_who(args, out)
        if args.command == "compare":
            return _cmd_compare(args, out, err)
        return _cmd_html(args, out)
    except _UserError as exc:
        print(f"peacetalks: {exc}", file=err)
        return exc.code
    except PeacetalksError as exc:
        print(f"peacetalks: {exc}", file=err)
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader went away ("| head"); not an error of ours
        return 0


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        source = "standard input"
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise _UserError(f"{name}: no such file", EXIT_UNREADABLE) from None
        except IsADirectoryError:
            raise _UserError(f"{name}: is a directory", EXIT_UNREADABLE) from None
        except OSError as exc:
            raise _UserError(f"{name}: cannot be read ({exc.strerror})", EXIT_UNREADABLE) from None
        source = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _UserError(
            f"{source}: not UTF-8 text (bad byte at offset {exc.start})", EXIT_ENCODING
        ) from None


def _published_for(name: str, args: argparse.Namespace) -> dt.date | None:
    if args.published is not None:
        return args.published  # type: ignore[no-any-return]
    if getattr(args, "published_from_name", False):
        match = _NAME_DATE.search(Path(name).name)
        if match is None:
            raise _UserError(f"{name}: no YYYY-MM-DD date in the file name", EXIT_USAGE)
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise _UserError(f"{name}: {match.group()} is not a real date", EXIT_USAGE) from None
    return None


def _inputs(
    names: Sequence[str], args: argparse.Namespace
) -> Iterator[tuple[str, str, dt.date | None]]:
    for name in names:
        yield name, _read(name), _published_for(name, args)


class _Progress:
    """A one-line progress count on standard error, only when it is a terminal."""

    def __init__(self, total: int, err: TextIO) -> None:
        self.total = total
        self.err = err
        self.on = total > 1 and hasattr(err, "isatty") and err.isatty()
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.on:
            width = 30
            filled = width * self.done // self.total
            self.err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            self.err.flush()

    def close(self) -> None:
        if self.on:
            self.err.write("\n")


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from peacetalks._corpus import parse_many
    from peacetalks._serde import to_dict

    inputs = list(_inputs(args.files, args))
    progress = _Progress(len(inputs), err)
    articles = []
    pairs = [(text, published) for _, text, published in inputs]
    for article in parse_many(pairs, workers=args.workers):
        articles.append(article)
        progress.step()
        if args.format == "jsonl":
            out.write(json.dumps(to_dict(article), ensure_ascii=False) + "\n")
    progress.close()
    if args.format == "json":
        data = [to_dict(a) for a in articles]
        json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "table":
        for (name, _, _), article in zip(inputs, articles, strict=True):
            _print_table(name, article, out)
    return 0


def _print_table(name: str, article: object, out: TextIO) -> None:
    from peacetalks._model import Article

    assert isinstance(article, Article)
    names = {a.id: a.name for a in article.actors} | {p.id: p.name for p in article.places}

    def label(ref: str | None) -> str:
        return "-" if ref is None else names.get(ref, ref)

    published = article.published.isoformat() if article.published else "no date"
    out.write(f"== {name}: {article.title or '(no title)'} [{published}]\n")
    if article.statements:
        out.write("statements:\n")
    for s in article.statements:
        date = f" {s.date.value}" if s.date else ""
        out.write(f"  {label(s.speaker)} ({s.cue or 'quote'}{date}): {_clip(s.text)}\n")
    if article.demands:
        out.write("demands:\n")
    for d in article.demands:
        target = f" of {label(d.target)}" if d.target else ""
        out.write(
            f"  {label(d.holder)} {d.polarity.value}s {d.topic.value}{target}: {_clip(d.text)}\n"
        )
    if article.events:
        out.write("events:\n")
    for e in article.events:
        date = e.date.value if e.date else "no date"
        where = f" in {label(e.location)}" if e.location else ""
        who = ", ".join(label(p) for p in e.participants)
        figures = ", ".join(f"{f.kind.value} {f.value}" for f in e.figures)
        out.write(
            f"  {e.type.value} ({e.status.value}, {date}){where}: {who}{' — ' + figures if figures else ''}\n"
        )
    out.write("\n")


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _cmd_dates(args: argparse.Namespace, out: TextIO) -> int:
    from peacetalks._dates import find_dates

    for mention in find_dates(args.text, reference=args.reference):
        granularity = mention.time.granularity.value if mention.time.granularity else "-"
        out.write(
            f"{mention.text}\t{mention.time.value}\t{mention.time.kind.value}\t{granularity}\n"
        )
    return 0


def _cmd_who(args: argparse.Namespace, out: TextIO) -> int:
    from peacetalks._gazetteer import resolve_actor, resolve_place

    actor = resolve_actor(args.name, on=args.on)
    if actor is not None:
        roles = actor.roles_on(args.on) if args.on else actor.roles
        out.write(f"{actor.id}\t{actor.name}\t{actor.kind.value}\t{actor.country or '-'}\n")
        for role in roles:
            span = f"{role.start or '?'} – {role.end or 'now'}"
            out.write(f"  {role.title} ({span})\n")
        return 0
    place = resolve_place(args.name)
    if place is not None:
        out.write(f"{place.id}\t{place.name}\t{place.kind.value}\t{place.country or '-'}\n")
        return 0
    out.write(f"unknown: {args.name}\n")
    return 1


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    raise _UserError("compare is not available in this build", EXIT_USAGE)


def _cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    from peacetalks._html import to_html
    from peacetalks._parse import parse

    text = _read(args.file)
    out.write(to_html(parse(text, published=_published_for(args.file, args))))
    return 0
