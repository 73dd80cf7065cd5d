"""The ``peacetalks`` command line (also ``python -m peacetalks``).

Every user mistake (a missing file, a file that is not UTF-8, a bad date or option) ends with a
one-line message on standard error and a non-zero exit code, never a traceback.

Exit codes: 0 success; 1 nothing found (``who`` knows no such name, ``dates`` finds no date);
2 a usage error (a bad option or date, no date in a file name); 3 a file that cannot be read;
4 a file that is not UTF-8 text; 5 input the library refuses (too long, invalid); 130
interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NoReturn, TextIO

from peacetalks._errors import PeacetalksError

if TYPE_CHECKING:
    from peacetalks._collection import Collection
    from peacetalks._compare import EventCluster
    from peacetalks._model import Article, Demand, Figure, Statement, TimePoint

Label = Callable[[str | None], str]

__all__ = ["main"]

EXIT_OK = 0
EXIT_NOTHING = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_ENCODING = 4
EXIT_REFUSED = 5
EXIT_INTERRUPTED = 130

_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


class _UserError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: what is wrong, and where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of workers: {text!r}")
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}")
    return value


def _add_dating(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published",
        type=_date,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of every file: relative dates are read against it",
    )
    parser.add_argument(
        "--published-from-name",
        action="store_true",
        help="take each file's publication date from a YYYY-MM-DD or YYYYMMDD in its name",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peacetalks",
        description="Read news about peace negotiations into statements, actors, demands, "
        "events and dates.",
        epilog="Exit codes: 0 success; 1 nothing found; 2 usage error (bad option or date); "
        "3 a file cannot be read; 4 a file is not UTF-8; 5 input refused (too long); "
        "130 interrupted.",
    )
    from peacetalks._version import __version__

    parser.add_argument("--version", action="version", version=f"peacetalks {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse articles and print their records",
        description="Parse article text files and print their records as JSON (one object for "
        "one file, a list for several), JSON Lines (one article a line) or a table for people.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="article text files; '-' reads standard input"
    )
    _add_dating(p)
    p.add_argument(
        "--format", choices=("json", "jsonl", "table"), default="json", help="output format"
    )
    p.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="parallel processes for many files (default 1)",
    )

    d = sub.add_parser(
        "dates",
        help="find and normalize the time expressions in a text",
        description="Print each time expression in TEXT: its words, TIMEX3 value, kind and "
        "granularity, tab-separated. Exits 1 when there is none.",
    )
    d.add_argument("text", metavar="TEXT", help="the text (quote it)")
    d.add_argument(
        "--reference",
        type=_date,
        metavar="DATE",
        help="the date relative expressions are resolved against (YYYY-MM-DD)",
    )

    w = sub.add_parser(
        "who",
        help="look a name, alias or role up in the gazetteer",
        description="Print the actor (or place) a name, spelling or role description names. "
        "Exits 1 when it names none, or more than one.",
    )
    w.add_argument(
        "name", metavar="NAME", help="a name, alias, spelling or role ('the Russian president')"
    )
    w.add_argument("--on", type=_date, metavar="DATE", help="the date a role description refers to")

    c = sub.add_parser(
        "compare",
        help="contradictions, position gaps and merged events over many articles",
        description="Parse the files as one corpus and print where one side contradicts itself, "
        "where two sides' positions clash, and which reports tell of the same event.",
    )
    c.add_argument("files", nargs="+", metavar="FILE", help="article text files; '-' for stdin")
    _add_dating(c)
    c.add_argument("--format", choices=("json", "table"), default="table", help="output format")
    c.add_argument(
        "--sides",
        nargs=2,
        metavar=("A", "B"),
        help="the two sides for position gaps: country codes (RUS) or actor ids "
        "(default: every pair of countries that hold demands)",
    )
    c.add_argument(
        "--scope",
        choices=("corpus", "article"),
        default="corpus",
        help="look for contradictions across all files (default) or within each",
    )
    c.add_argument(
        "--within-days",
        type=_days,
        metavar="N",
        help="compare only statements dated at most N days apart",
    )
    c.add_argument("--workers", type=_workers, default=1, metavar="N", help="parallel processes")

    h = sub.add_parser(
        "html",
        help="one article as a self-contained HTML page (to standard output)",
        description="Write one article as an HTML page with every record highlighted: "
        "peacetalks html FILE > page.html",
    )
    h.add_argument("file", metavar="FILE", help="an article text file; '-' reads standard input")
    _add_dating(h)
    h.add_argument(
        "--fragment", action="store_true", help="a fragment to embed instead of a whole page"
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    ``stdout``, ``stderr`` and ``stdin`` (binary) default to the process's own streams.

    >>> import io
    >>> out = io.StringIO()
    >>> main(["dates", "talks resume on 11 April", "--reference", "2025-04-12"], stdout=out)
    0
    >>> print(out.getvalue().strip())
    11 April	2025-04-11	date	day
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    # no standard input at all (a GUI launcher, a closed stream) reads as empty
    source = stdin if stdin is not None else getattr(sys.stdin, "buffer", None) or io.BytesIO()
    parser = _build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse printed help, the version, or a one-line error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "parse":
            return _cmd_parse(args, out, err, source)
        if args.command == "dates":
            return _cmd_dates(args, out)
        if args.command == "who":
            return _cmd_who(args, out)
        if args.command == "compare":
            return _cmd_compare(args, out, err, source)
        return _cmd_html(args, out, source)
    except _UserError as exc:
        _flush_quietly(out)
        print(f"peacetalks: {exc}", file=err)
        return exc.code
    except PeacetalksError as exc:
        _flush_quietly(out)
        print(f"peacetalks: {exc}", file=err)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("\npeacetalks: interrupted", file=err)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away ("| head"): not an error of ours; keep Python's exit quiet
        if out is sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _flush_quietly(stream: IO[str]) -> None:
    with contextlib.suppress(OSError, ValueError):
        stream.flush()


# ---------------------------------------------------------------------------------------------
# Input


def _check(name: str, args: argparse.Namespace) -> dt.date | None:
    """Fail early, before any output, on a file that is missing or a name without a date."""
    if name != "-":
        path = Path(name)
        if not path.exists():
            raise _UserError(f"{name}: no such file", EXIT_UNREADABLE)
        if path.is_dir():
            raise _UserError(f"{name}: is a directory", EXIT_UNREADABLE)
    return _published_for(name, args)


def _read(name: str, stdin: BinaryIO) -> str:
    if name == "-":
        data = stdin.read()
        source = "standard input"
    else:
        try:
            data = Path(name).read_bytes()
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
            f"{source}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8",
            EXIT_ENCODING,
        ) from None


def _published_for(name: str, args: argparse.Namespace) -> dt.date | None:
    if args.published is not None:
        return args.published  # type: ignore[no-any-return]
    if args.published_from_name:
        if name == "-":
            raise _UserError(
                "standard input has no file name to take a date from; use --published",
                EXIT_USAGE,
            )
        match = _NAME_DATE.search(Path(name).name)
        if match is None:
            raise _UserError(
                f"{name}: no YYYY-MM-DD date in the file name (--published-from-name)", EXIT_USAGE
            )
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise _UserError(f"{name}: {match.group()} is not a real date", EXIT_USAGE) from None
    return None


def _articles(
    names: Sequence[str], args: argparse.Namespace, err: TextIO, stdin: BinaryIO
) -> Iterator[Article]:
    """Parse the files in order, reading each only when a worker is ready for it."""
    from peacetalks._corpus import parse_many

    dates = [_check(name, args) for name in names]
    pairs = ((_read(name, stdin), published) for name, published in zip(names, dates, strict=True))
    progress = _Progress(len(names), err)
    try:
        for article in parse_many(pairs, workers=args.workers):
            progress.step()
            yield article
    finally:
        progress.close()


class _Progress:
    """A progress bar on standard error, only when it is a terminal and the run is long."""

    def __init__(self, total: int, err: TextIO) -> None:
        self.total = total
        self.err = err
        isatty = getattr(err, "isatty", None)
        self.on = total > 1 and callable(isatty) and bool(isatty())
        self.done = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.on or (now - self.shown < 0.1 and self.done < self.total):
            return
        self.shown = now
        width = 30
        filled = width * self.done // self.total
        rate = self.done / max(now - self.started, 1e-9)
        self.err.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
            f" articles, {rate:.1f}/s"
        )
        self.err.flush()

    def close(self) -> None:
        if self.on and self.done:
            self.err.write("\n")
            self.err.flush()


# ---------------------------------------------------------------------------------------------
# parse


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO) -> int:
    from peacetalks._serde import to_dict

    articles = _articles(args.files, args, err, stdin)
    if args.format == "jsonl":
        for article in articles:
            out.write(json.dumps(to_dict(article), ensure_ascii=False) + "\n")
    elif args.format == "table":
        for name, article in zip(args.files, articles, strict=False):
            _print_table(name, article, out)
    elif len(args.files) == 1:
        [article] = list(articles)
        json.dump(to_dict(article), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        # a list streamed item by item, so that memory does not grow with the corpus
        first = True
        for article in articles:
            out.write("[\n" if first else ",\n")
            out.write(json.dumps(to_dict(article), ensure_ascii=False, indent=2))
            first = False
        out.write("[]\n" if first else "\n]\n")
    return EXIT_OK


def _namer(article: Article) -> Label:
    names = {a.id: a.name for a in article.actors} | {p.id: p.name for p in article.places}

    def label(ref: str | None) -> str:
        return "-" if ref is None else names.get(ref, ref)

    return label


def _figures(figures: Iterable[Figure]) -> str:
    parts = []
    for f in figures:
        qualifier = f"{f.qualifier.value} " if f.qualifier is not None else ""
        parts.append(f"{f.kind.value} {qualifier}{f.value:,}")
    return ", ".join(parts)


def _print_table(name: str, article: Article, out: TextIO) -> None:
    label = _namer(article)
    published = article.published.isoformat() if article.published else "no date"
    out.write(f"== {name}\n")
    out.write(f"   {article.title or '(no title)'} [{published}]\n")
    out.write(
        f"   {len(article.statements)} statements, {len(article.demands)} demands, "
        f"{len(article.events)} events, {len(article.actors)} actors, "
        f"{len(article.places)} places, {len(article.dates)} dates\n"
    )
    if article.statements:
        out.write("statements:\n")
    for s in article.statements:
        how = s.cue or ("quote" if s.quote else "said")
        date = f", {s.date.value}" if s.date else ""
        via = f" on {label(s.channel)}" if s.channel else ""
        out.write(f"  {s.id:<4} {label(s.speaker)} ({how}{via}{date}): {_clip(s.text)}\n")
    if article.demands:
        out.write("demands:\n")
    for d in article.demands:
        target = f" of {label(d.target)}" if d.target else ""
        about = f" ({', '.join(label(o) for o in d.objects)})" if d.objects else ""
        out.write(
            f"  {d.id:<4} {label(d.holder)} {d.polarity.value}s {d.topic.value}{about}{target}: "
            f"{_clip(d.text)}\n"
        )
    if article.events:
        out.write("events:\n")
    for e in article.events:
        out.write(
            f"  {e.id:<4} {_event_line(e.type.value, e.status.value, e.date, e.location, e.participants, e.figures, label)}\n"
        )
    out.write("\n")


def _event_line(
    kind: str,
    status: str | None,
    date: TimePoint | None,
    location: str | None,
    participants: Iterable[str],
    figures: Iterable[Figure],
    label: Label,
) -> str:
    when = date.value if date is not None else "no date"
    where = f" in {label(location)}" if location else ""
    who = ", ".join(label(p) for p in participants)
    numbers = _figures(figures)
    state = f"{status}, " if status else ""
    line = f"{kind} ({state}{when}){where}"
    if who:
        line += f": {who}"
    if numbers:
        line += f" — {numbers}"
    return line


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------
# dates, who


def _cmd_dates(args: argparse.Namespace, out: TextIO) -> int:
    from peacetalks._dates import find_dates

    found = find_dates(args.text, reference=args.reference)
    for mention in found:
        granularity = mention.time.granularity.value if mention.time.granularity else "-"
        out.write(
            f"{mention.text}\t{mention.time.value}\t{mention.time.kind.value}\t{granularity}\n"
        )
    return EXIT_OK if found else EXIT_NOTHING


def _cmd_who(args: argparse.Namespace, out: TextIO) -> int:
    from peacetalks._gazetteer import Gazetteer

    lookup = Gazetteer.default().lookup(args.name, on=args.on)
    actor, place = lookup.actor, lookup.place
    if actor is not None:
        roles = actor.roles_on(args.on) if args.on else actor.roles
        out.write(f"{actor.id}\t{actor.name}\t{actor.kind.value}\t{actor.country or '-'}\n")
        for role in roles:
            span = f"{role.start or '?'} – {role.end or 'now'}"
            out.write(f"  {role.title} ({span})\n")
    if place is not None:
        out.write(f"{place.id}\t{place.name}\t{place.kind.value}\t{place.country or '-'}\n")
    if actor is not None or place is not None:
        return EXIT_OK
    if lookup.candidates:
        out.write(f"ambiguous: {args.name}\n")
        for candidate in lookup.candidates:
            record = candidate.record
            out.write(f"  {record.id}\t{record.name}\t{candidate.rule.value}\n")
        return EXIT_NOTHING
    out.write(f"unknown: {args.name}\n")
    return EXIT_NOTHING


# ---------------------------------------------------------------------------------------------
# compare


def _keys(names: Sequence[str]) -> list[str]:
    """A unique key per file for the collection: its name without folder or extension."""
    keys: list[str] = []
    seen: set[str] = set()
    for name in names:
        base = "stdin" if name == "-" else (Path(name).stem or Path(name).name or "file")
        base = base.replace("/", "_")
        key, n = base, 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        seen.add(key)
        keys.append(key)
    return keys


def _sides(corpus: Collection, chosen: Sequence[str] | None) -> list[tuple[str, str]]:
    if chosen:
        return [(chosen[0], chosen[1])]
    countries = list(dict.fromkeys(d.side for d in corpus.demands() if d.side is not None))
    return [(a, b) for i, a in enumerate(countries) for b in countries[i + 1 :]]


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: BinaryIO) -> int:
    from peacetalks._collection import Collection

    keys = _keys(args.files)
    corpus = Collection(list(_articles(args.files, args, err, stdin)), keys)
    contradictions = corpus.contradictions(scope=args.scope, within_days=args.within_days)
    gaps = [(a, b, corpus.gaps(a, b)) for a, b in _sides(corpus, args.sides)]
    events = corpus.events()
    if args.format == "json":
        json.dump(
            _compare_json(corpus, args.files, contradictions, gaps, events),
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    actors, places = corpus.actors(), corpus.places()

    def label(ref: str | None) -> str:
        if ref is None:
            return "-"
        record = actors.get(ref) or places.get(ref)
        return record.name if record is not None else ref

    def side(code: str) -> str:
        state = f"state:{code.lower()}"
        return label(state) if code.isupper() and state in actors else label(code)

    def said(s: Statement) -> str:
        when = f" {s.date.value}" if s.date else ""
        return f"{s.id} {label(s.speaker)}{when}: {_clip(s.text, 90)}"

    def held(d: Demand) -> str:
        return f"{d.id} {label(d.holder)} {d.polarity.value}s {d.topic.value}: {_clip(d.text, 90)}"

    out.write(f"{len(corpus)} articles: {', '.join(keys)}\n\n")
    out.write(f"contradictions ({len(contradictions)}, scope {args.scope}):\n")
    for c in contradictions:
        out.write(f"  {c.rule} ({c.score:.2f}): {c.reason}\n")
        out.write(f"    - {said(c.first)}\n    - {said(c.second)}\n")
    if not contradictions:
        out.write("  none found\n")
    quiet = 0
    for a, b, found in gaps:
        if not found and not args.sides:
            quiet += 1
            continue
        out.write(f"\ngaps between {side(a)} and {side(b)} ({len(found)}):\n")
        for g in found:
            related = " (related topics)" if g.related else ""
            out.write(f"  {g.topic.value}{related}, {g.rule} ({g.score:.2f})\n")
            out.write(f"    - {held(g.first)}\n    - {held(g.second)}\n")
        if not found:
            out.write("  none found\n")
    if not gaps:
        out.write("\ngaps: fewer than two sides hold demands\n")
    elif quiet:
        other = "other " if quiet < len(gaps) else ""
        out.write(f"\nno gaps between the {quiet} {other}pairs of sides\n")
    merged = sum(1 for e in events if len(e.events) > 1)
    out.write(
        f"\nevents ({len(events)} from {sum(len(e.events) for e in events)} reports; "
        f"{merged} told more than once):\n"
    )
    for e in sorted(events, key=lambda e: -len(e.events)):
        line = _event_line(e.type.value, None, e.date, e.location, e.participants, e.figures, label)
        out.write(f"  {line}\n    reports: {', '.join(e.ids)}\n")
    return EXIT_OK


def _figure_map(figures: Iterable[Figure]) -> dict[str, Any]:
    values, qualifiers = {}, {}
    for f in figures:
        values[f.kind.value] = f.value
        if f.qualifier is not None:
            qualifiers[f.kind.value] = f.qualifier.value
    return {"figures": values, "qualifiers": qualifiers}


def _compare_json(
    corpus: Collection,
    files: Sequence[str],
    contradictions: Sequence[Any],
    gaps: Sequence[tuple[str, str, Sequence[Any]]],
    events: Sequence[EventCluster],
) -> dict[str, Any]:
    from peacetalks._serde import to_dict

    def pair(item: Any, **more: Any) -> dict[str, Any]:
        return {
            "first": to_dict(item.first),
            "second": to_dict(item.second),
            "topic": None if item.topic is None else item.topic.value,
            "rule": item.rule,
            "score": item.score,
            "reason": item.reason,
            **more,
        }

    return {
        "articles": [
            {
                "key": key,
                "file": name,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
            }
            for key, name, article in zip(corpus.keys, files, corpus.articles, strict=True)
        ],
        "contradictions": [pair(c) for c in contradictions],
        "gaps": [
            {"sides": [a, b], "gaps": [pair(g, related=g.related) for g in found]}
            for a, b, found in gaps
        ],
        "events": [
            {
                "type": e.type.value,
                "date": None if e.date is None else to_dict(e.date),
                "location": e.location,
                "participants": list(e.participants),
                **_figure_map(e.figures),
                "score": e.score,
                "reports": list(e.ids),
            }
            for e in events
        ],
    }


# ---------------------------------------------------------------------------------------------
# html


def _cmd_html(args: argparse.Namespace, out: TextIO, stdin: BinaryIO) -> int:
    from peacetalks._html import to_html
    from peacetalks._parse import parse

    published = _check(args.file, args)
    text = _read(args.file, stdin)
    out.write(to_html(parse(text, published=published), full_page=not args.fragment))
    return EXIT_OK
