"""What users see on the shared seed and dev articles: valid JSON, sound HTML, full tables.

The articles live outside the project (``../shared``); nothing from them is copied here. The
checks are about structure only (the extraction itself is measured elsewhere), and the module
is skipped when that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

import peacetalks as pt
from peacetalks._cli import main
from peacetalks._frames import KINDS
from tests.html_check import check_article_page

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FILES = sorted((SHARED / "corpus" / "seeds").glob("*.txt")) + sorted(
    (SHARED / "corpus" / "dev").glob("*.txt")
)

pytestmark = pytest.mark.skipif(
    not FILES, reason=f"the shared seed and dev articles are not at {SHARED / 'corpus'}"
)


def _published() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in ("seeds.gold.json", "dev.gold.json"):
        path = SHARED / "eval" / name
        if path.is_file():
            for document in json.loads(path.read_text(encoding="utf-8"))["documents"]:
                found[document["file"]] = document.get("published")
    return found


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def articles() -> list[pt.Article]:
    published = _published()
    pairs = []
    for path in FILES:
        day = published.get(path.name)
        text = path.read_text(encoding="utf-8")
        pairs.append((text, None if day is None else dt.date.fromisoformat(day)))
    return list(pt.parse_many(pairs))


def test_cli_json_of_every_article_fits_the_schema() -> None:
    code, out, err = _run("parse", *map(str, FILES))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert len(data) == len(FILES)
    schema = pt.article_schema()
    for path, article in zip(FILES, data, strict=True):
        jsonschema.validate(article, schema)
        assert article["text"] == path.read_text(encoding="utf-8")


def test_cli_jsonl_in_parallel_fits_the_schema_too() -> None:
    code, out, _ = _run("parse", "--format", "jsonl", "--workers", "2", *map(str, FILES))
    assert code == 0
    schema = pt.article_schema()
    lines = out.splitlines()
    assert len(lines) == len(FILES)
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_cli_table_and_compare_run() -> None:
    code, out, _ = _run("parse", "--format", "table", *map(str, FILES))
    assert code == 0
    assert out.count("\n== ") + out.startswith("== ") == len(FILES)
    code, out, _ = _run("compare", "--format", "json", *map(str, FILES))
    assert code == 0
    assert len(json.loads(out)["articles"]) == len(FILES)


def test_every_article_page_is_sound(articles: list[pt.Article]) -> None:
    for path, article in zip(FILES, articles, strict=True):
        try:
            check_article_page(article, pt.to_html(article))
        except AssertionError as exc:
            raise AssertionError(f"{path.name}: {exc}") from exc


def test_tables_have_one_row_per_record(articles: list[pt.Article]) -> None:
    corpus = pt.Collection(articles)
    for kind in KINDS:
        rows = pt.to_records(corpus, kind=kind)
        assert len(rows) == sum(len(getattr(a, kind)) for a in articles), kind
    pd = pytest.importorskip("pandas", reason="pandas is an optional extra")
    frame = corpus.to_dataframe("statements")
    assert len(frame) == sum(len(a.statements) for a in articles)
    assert set(frame["article"]) <= set(corpus.keys)
    assert frame["published"].dtype == "datetime64[s]"
    assert isinstance(frame["polarity"].dtype, pd.CategoricalDtype)
