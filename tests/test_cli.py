"""The command line: every command, the output formats, and one-line errors with exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import peacetalks as pt
from peacetalks._cli import (
    EXIT_ENCODING,
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    main,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "src" / "peacetalks" / "samples").glob("*.txt"))


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.BytesIO(stdin))
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("peacetalks"), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], (word, err)


def validate(article: Any) -> None:
    jsonschema.validate(article, pt.article_schema())


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "2025-04-19_peskov.txt"
    path.write_text(
        "Kremlin spokesman Dmitry Peskov said on Friday that talks with Kyiv would resume.",
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------------------------------------
# parse


def test_parse_one_file_prints_one_article_that_fits_the_schema(article_file: Path) -> None:
    code, out, err = run("parse", str(article_file), "--published-from-name")
    assert (code, err) == (EXIT_OK, "")
    data = json.loads(out)
    validate(data)
    assert data["published"] == "2025-04-19"
    assert pt.from_dict(pt.Article, data).text == article_file.read_text(encoding="utf-8")


def test_parse_several_files_prints_a_list_in_order() -> None:
    code, out, _ = run("parse", *map(str, SAMPLES), "--published-from-name")
    assert code == EXIT_OK
    data = json.loads(out)
    assert isinstance(data, list)
    assert [a["text"] for a in data] == [p.read_text(encoding="utf-8") for p in SAMPLES]
    for article in data:
        validate(article)


def test_parse_jsonl_gives_one_valid_article_a_line() -> None:
    code, out, _ = run("parse", "--format", "jsonl", *map(str, SAMPLES[:3]))
    assert code == EXIT_OK
    lines = out.splitlines()
    assert len(lines) == 3
    for line in lines:
        validate(json.loads(line))


def test_parse_with_two_workers_prints_the_same() -> None:
    files = [str(p) for p in SAMPLES]
    one = run("parse", "--format", "jsonl", "--published-from-name", *files)
    two = run("parse", "--format", "jsonl", "--published-from-name", "--workers", "2", *files)
    assert one == two


def test_parse_table_names_each_file_and_its_records() -> None:
    code, out, _ = run("parse", "--format", "table", "--published-from-name", *map(str, SAMPLES))
    assert code == EXIT_OK
    for path in SAMPLES:
        assert f"== {path}\n" in out
    assert "statements:" in out
    assert "[2025-05-16]" in out
    # every line is short enough to read in a terminal, apart from the quoted text
    assert all(len(line) < 400 for line in out.splitlines())


def test_parse_reads_standard_input() -> None:
    text = "Lavrov said on Friday that talks had stalled."
    code, out, _ = run("parse", "-", "--published", "2025-04-12", stdin=text.encode())
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["text"] == text
    assert data["published"] == "2025-04-12"


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffPeskov said talks would resume.".encode())
    code, out, _ = run("parse", str(path))
    assert code == EXIT_OK
    assert json.loads(out)["text"] == "Peskov said talks would resume."


# ---------------------------------------------------------------------------------------------
# user mistakes: one line on stderr, a documented code, nothing half-written on stdout


def test_a_missing_file(tmp_path: Path) -> None:
    code, out, err = run("parse", str(tmp_path / "nope.txt"))
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert_one_line_error(err, "nope.txt", "no such file")


def test_a_missing_file_among_good_ones_stops_before_any_output(tmp_path: Path) -> None:
    code, out, err = run("parse", "--format", "jsonl", str(SAMPLES[0]), str(tmp_path / "x.txt"))
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert_one_line_error(err, "x.txt")


def test_a_directory(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path))
    assert code == EXIT_UNREADABLE
    assert_one_line_error(err, "is a directory")


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root (or Windows) can read a file without read permission",
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    code, _, err = run("parse", str(path))
    assert code == EXIT_UNREADABLE
    assert_one_line_error(err, "cannot be read")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Peskov a déclaré".encode("latin-1"))
    code, out, err = run("parse", str(path))
    assert (code, out) == (EXIT_ENCODING, "")
    assert_one_line_error(err, "latin1.txt", "not UTF-8", "offset 10")


def test_standard_input_that_is_not_utf8() -> None:
    code, _, err = run("parse", "-", stdin=b"\xff\xfe")
    assert code == EXIT_ENCODING
    assert_one_line_error(err, "standard input", "not UTF-8")


@pytest.mark.parametrize("bad", ["2025-13-01", "12/04/2025", "yesterday", ""])
def test_a_bad_date(article_file: Path, bad: str) -> None:
    code, out, err = run("parse", str(article_file), "--published", bad)
    assert (code, out) == (EXIT_USAGE, "")
    assert_one_line_error(err, "--published", "YYYY-MM-DD")


def test_a_bad_reference_date() -> None:
    code, _, err = run("dates", "on 11 April", "--reference", "11 April")
    assert code == EXIT_USAGE
    assert_one_line_error(err, "--reference")


def test_no_date_in_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Peskov said talks would resume.", encoding="utf-8")
    code, _, err = run("parse", str(path), "--published-from-name")
    assert code == EXIT_USAGE
    assert_one_line_error(err, "undated.txt", "no YYYY-MM-DD date")


def test_an_impossible_date_in_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2025-02-30_story.txt"
    path.write_text("Peskov said talks would resume.", encoding="utf-8")
    code, _, err = run("parse", str(path), "--published-from-name")
    assert code == EXIT_USAGE
    assert_one_line_error(err, "2025-02-30", "not a real date")


def test_standard_input_has_no_name_to_date() -> None:
    code, _, err = run("parse", "-", "--published-from-name", stdin=b"text")
    assert code == EXIT_USAGE
    assert_one_line_error(err, "--published")


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_a_bad_number_of_workers(article_file: Path, workers: str) -> None:
    code, _, err = run("parse", str(article_file), "--workers", workers)
    assert code == EXIT_USAGE
    assert_one_line_error(err, "--workers")


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["parse"], ["parse", "x", "--format", "xml"], ["who"]],
    ids=["nothing", "unknown-command", "no-file", "bad-format", "no-name"],
)
def test_usage_errors(argv: list[str]) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert_one_line_error(err, "--help")


def test_help_and_version() -> None:
    code, out, _ = run("--help")
    assert code == EXIT_OK
    assert "parse" in out
    assert "Exit codes" in out
    code, out, _ = run("parse", "--help")
    assert code == EXIT_OK
    assert "--published-from-name" in out
    code, out, _ = run("--version")
    assert (code, out.strip()) == (EXIT_OK, f"peacetalks {pt.__version__}")


def test_input_the_library_refuses(monkeypatch: pytest.MonkeyPatch, article_file: Path) -> None:
    import peacetalks._parse

    def refuse(text: str, **_: Any) -> pt.Article:
        raise pt.TextTooLong("the text has 12,000,000 characters, more than max_chars")

    monkeypatch.setattr(peacetalks._parse, "parse", refuse)
    code, _, err = run("parse", str(article_file))
    assert code == EXIT_REFUSED
    assert_one_line_error(err, "max_chars")


def test_an_interrupt_is_no_traceback(monkeypatch: pytest.MonkeyPatch, article_file: Path) -> None:
    import peacetalks._parse

    def interrupt(text: str, **_: Any) -> pt.Article:
        raise KeyboardInterrupt

    monkeypatch.setattr(peacetalks._parse, "parse", interrupt)
    code, _, err = run("parse", str(article_file))
    assert code == 130
    assert "interrupted" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------
# progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only() -> None:
    files = [str(p) for p in SAMPLES]
    err = _Terminal()
    code = main(["parse", "--format", "jsonl", *files], stdout=io.StringIO(), stderr=err)
    assert code == EXIT_OK
    shown = err.getvalue()
    assert f"{len(files)}/{len(files)} articles" in shown
    assert shown.endswith("\n")
    assert "#" * 30 in shown
    _, _, plain = run("parse", "--format", "jsonl", *files)
    assert plain == ""


def test_no_progress_bar_for_one_file(article_file: Path) -> None:
    err = _Terminal()
    main(["parse", str(article_file)], stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


# ---------------------------------------------------------------------------------------------
# dates, who


def test_dates() -> None:
    code, out, _ = run(
        "dates", "Talks resume on 11 April, not next week.", "--reference", "2025-04-08"
    )
    assert code == EXIT_OK
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["11 April", "2025-04-11", "date", "day"]
    assert all(len(row) == 4 for row in rows)


def test_dates_finds_nothing() -> None:
    code, out, err = run("dates", "no time words here")
    assert (code, out, err) == (EXIT_NOTHING, "", "")


def test_who_a_person_and_a_role_on_a_day() -> None:
    code, out, _ = run("who", "Lavrov")
    assert code == EXIT_OK
    assert out.startswith("person:sergey-lavrov\tSergey Lavrov\tperson\tRUS\n")
    code, out, _ = run("who", "the US president", "--on", "2023-06-01")
    assert code == EXIT_OK
    assert "Joe Biden" in out.splitlines()[0]


def test_who_a_capital_names_the_state_and_the_city() -> None:
    code, out, _ = run("who", "Moscow")
    assert code == EXIT_OK
    assert [line.split("\t")[0] for line in out.splitlines()] == ["state:rus", "place:moscow"]


def test_who_ambiguous_and_unknown() -> None:
    code, out, _ = run("who", "Donetsk")
    assert code == EXIT_NOTHING
    assert out.startswith("ambiguous: Donetsk\n")
    assert "place:ua-donetsk-oblast" in out
    code, out, _ = run("who", "John Smith")
    assert (code, out) == (EXIT_NOTHING, "unknown: John Smith\n")


# ---------------------------------------------------------------------------------------------
# compare


def _corpus_files(tmp_path: Path) -> list[str]:
    said = {
        "2025-04-03_dmitriev.txt": "Kirill Dmitriev told Fox News on 3 April that Russia is not "
        "seeking sanctions relief.",
        "2025-04-11_lavrov.txt": "Russian Foreign Minister Sergey Lavrov said on 11 April that "
        "flights should depend on the US lifting sanctions on Aeroflot.",
    }
    paths = []
    for name, text in said.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_compare_table(tmp_path: Path) -> None:
    files = [*_corpus_files(tmp_path), *map(str, SAMPLES)]
    code, out, err = run("compare", "--published-from-name", *files)
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith(f"{len(files)} articles: 2025-04-03_dmitriev, 2025-04-11_lavrov, ")
    assert "contradictions (" in out
    assert "events (" in out
    assert "reports: " in out


def test_compare_json(tmp_path: Path) -> None:
    files = [*_corpus_files(tmp_path), *map(str, SAMPLES)]
    code, out, _ = run("compare", "--published-from-name", "--format", "json", *files)
    assert code == EXIT_OK
    data = json.loads(out)
    assert set(data) == {"articles", "contradictions", "gaps", "events"}
    assert [a["file"] for a in data["articles"]] == files
    keys = [a["key"] for a in data["articles"]]
    reports = [r for e in data["events"] for r in e["reports"]]
    assert len(reports) == len(set(reports))
    assert all(r.split("/")[0] in keys for r in reports)
    for item in data["contradictions"]:
        assert set(item) == {"first", "second", "topic", "rule", "score", "reason"}
        pt.from_dict(pt.Statement, item["first"])
    for pair in data["gaps"]:
        assert len(pair["sides"]) == 2
        for gap in pair["gaps"]:
            pt.from_dict(pt.Demand, gap["first"])


def test_compare_with_chosen_sides_and_scope(tmp_path: Path) -> None:
    files = [str(p) for p in SAMPLES]
    code, out, _ = run(
        "compare", "--published-from-name", "--sides", "RUS", "UKR", "--scope", "article", *files
    )
    assert code == EXIT_OK
    assert "gaps between Russia and Ukraine" in out
    assert "scope article" in out


def test_compare_keys_files_of_the_same_name_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Peskov said talks would resume.")
    code, out, _ = run(
        "compare", "--format", "json", str(tmp_path / "a/story.txt"), str(tmp_path / "b/story.txt")
    )
    assert code == EXIT_OK
    assert [a["key"] for a in json.loads(out)["articles"]] == ["story", "story-2"]


def test_compare_a_missing_file(tmp_path: Path) -> None:
    code, out, err = run("compare", str(SAMPLES[0]), str(tmp_path / "gone.txt"))
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert_one_line_error(err, "gone.txt")


# ---------------------------------------------------------------------------------------------
# html


def test_html_page_and_fragment() -> None:
    code, page, _ = run("html", str(SAMPLES[0]), "--published-from-name")
    assert code == EXIT_OK
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    code, fragment, _ = run("html", str(SAMPLES[0]), "--fragment")
    assert code == EXIT_OK
    assert fragment.startswith("<style>")
    assert "<html" not in fragment


def test_html_a_missing_file(tmp_path: Path) -> None:
    code, out, err = run("html", str(tmp_path / "gone.txt"))
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert_one_line_error(err, "gone.txt")


# ---------------------------------------------------------------------------------------------
# a real process: python -m peacetalks


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


def test_python_m_peacetalks_runs_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peacetalks", "parse", "--format", "table",
         "--published-from-name", *map(str, SAMPLES)],
        capture_output=True, text=True, encoding="utf-8", env=_env(), cwd=ROOT, check=False,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stderr == ""
    assert result.stdout.count("\n== ") + result.stdout.startswith("== ") == len(SAMPLES)


def test_a_real_process_reports_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peacetalks", "parse", str(tmp_path / "missing.txt")],
        capture_output=True, text=True, env=_env(), check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == EXIT_UNREADABLE
    assert result.stderr.strip() == f"peacetalks: {tmp_path / 'missing.txt'}: no such file"


def test_a_closed_pipe_is_no_error() -> None:
    # the reader stops after one line ("| head -1"); the writer must end quietly
    files = [str(SAMPLES[0])] * 40
    process = subprocess.Popen(
        [sys.executable, "-m", "peacetalks", "parse", "--format", "jsonl", *files],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=300)
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert json.loads(first)["schema"] == pt.SCHEMA
    assert "Traceback" not in errors
    assert process.returncode == EXIT_OK


def test_the_console_script_points_at_main() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"peacetalks": "peacetalks._cli:main"}


def test_the_readme_main_command_prints_every_sample() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- main-command -->", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    command = block.strip().split(" && ")[-1]
    program, *args = command.split()
    assert program.endswith("/peacetalks")
    files = [str(p) for a in args if "*" in a for p in sorted(ROOT.glob(a))]
    options = [a for a in args if "*" not in a]
    assert files == [str(p) for p in SAMPLES]
    code, out, err = run(*options, *files)
    assert (code, err) == (EXIT_OK, "")
    for sample in pt.samples():
        title = sample.text.splitlines()[0]
        assert f"   {title} [{sample.published}]\n" in out
