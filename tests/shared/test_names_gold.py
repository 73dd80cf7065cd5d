"""The scan against the shared gold: every gold actor and place should be among the candidates
of some hit in its article, matched the way the scorer matches (``../shared/eval/score.py``).

The articles and the gold stay in ``../shared``; nothing of them is copied here. The test is
skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import peacetalks as pt

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD = (
    (SHARED / "eval" / "seeds.gold.json", SHARED / "corpus" / "seeds"),
    (SHARED / "eval" / "dev.gold.json", SHARED / "corpus" / "dev"),
)
# The share of non-optional gold actors and places that the scan must find; the rest need the
# parser (a body whose country only the dateline gives) or people no list has.
MINIMUM_RECALL = 0.9

pytestmark = pytest.mark.skipif(
    not all(gold.is_file() and corpus.is_dir() for gold, corpus in GOLD),
    reason="../shared (the gold and the corpus) is not beside this worktree",
)


def fold(text: str | None) -> str:
    """The scorer's folding: accents and case off; '-', '_' and '.' read as spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("-", " ").replace("_", " ").replace(".", " ")
    return " ".join(text.split())


def token_hit(tokens: list[str], *texts: str) -> bool:
    """The scorer's match: a token starts a word; one of three letters or fewer is a word."""
    hay = " " + " ".join(fold(t) for t in texts if t) + " "
    return any(
        fold(t) and (" " + fold(t) + ("" if len(fold(t)) > 3 else " ")) in hay for t in tokens
    )


def documents() -> list[tuple[str, dict[str, Any], Path]]:
    out = []
    for gold, corpus in GOLD:
        if not gold.is_file():
            continue
        for doc in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            out.append((doc["file"], doc, corpus / doc["file"]))
    return out


def check(doc: dict[str, Any], path: Path) -> tuple[int, int, list[str]]:
    """(found, total, misses) over the non-optional gold actors and places of one article."""
    text = path.read_text(encoding="utf-8")
    published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
    hits = pt.Gazetteer.default().scan(text, on=published)
    for hit in hits:
        assert hit.text == text[hit.span.start : hit.span.end]
    actors = [c.record for h in hits for c in h.candidates if isinstance(c.record, pt.Actor)]
    places = [c.record for h in hits for c in h.candidates if isinstance(c.record, pt.Place)]
    found = total = 0
    misses = []
    for kind, items, pool in (
        ("actor", doc.get("actors", []), actors),
        ("place", doc.get("places", []), places),
    ):
        for gold in items:
            if gold.get("optional"):
                continue
            total += 1
            matching = [r for r in pool if token_hit(gold["who"], r.id, r.name)]
            if "country" in gold:
                matching = [r for r in matching if r.country == gold["country"]]
            if matching:
                found += 1
            else:
                misses.append(f"{kind} {gold['who'][0]} ({gold.get('country', '-')})")
    return found, total, misses


@pytest.mark.parametrize(("name", "doc", "path"), documents(), ids=lambda v: str(v)[:24])
def test_scan_finds_the_gold_of_each_article(
    name: str, doc: dict[str, Any], path: Path, record_property: Any
) -> None:
    found, total, misses = check(doc, path)
    record_property("found", f"{found}/{total}")
    print(f"{name}: {found}/{total} found; missed: {misses}")
    assert found >= total - 2, misses


def test_scan_finds_most_gold_overall(capsys: pytest.CaptureFixture[str]) -> None:
    found = total = 0
    misses: list[str] = []
    for name, doc, path in documents():
        f, t, m = check(doc, path)
        found, total = found + f, total + t
        misses += [f"{name}: {x}" for x in m]
    with capsys.disabled():
        print(f"\ngold actors and places found by the scan: {found}/{total}")
        for miss in misses:
            print(f"  missed {miss}")
    assert found / total >= MINIMUM_RECALL
