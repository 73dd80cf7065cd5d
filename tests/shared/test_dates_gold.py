"""Every date in the shared seed and dev gold is found by find_dates with the right value.

The gold files and articles live outside the project (``../shared``); nothing from them is
copied here. The test is skipped when that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import peacetalks as pt

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = [("seeds.gold.json", "seeds"), ("dev.gold.json", "dev")]

pytestmark = pytest.mark.skipif(
    not (SHARED / "eval").is_dir() or not (SHARED / "corpus").is_dir(),
    reason=f"the shared gold and corpus are not at {SHARED}",
)


def _documents() -> list[tuple[str, dict[str, Any], Path]]:
    found = []
    for gold_name, corpus_name in SETS:
        path = SHARED / "eval" / gold_name
        if not path.is_file():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        for document in gold["documents"]:
            if document.get("dates"):
                found.append((gold_name, document, SHARED / "corpus" / corpus_name))
    return found


def _span_of(text: str, needle: str, nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.find(needle, start + 1)
        assert start >= 0, f"gold text not in the article: {needle!r}"
    return start, start + len(needle)


@pytest.mark.parametrize(
    ("gold_name", "document", "corpus"),
    _documents() if SHARED.is_dir() else [],
    ids=lambda value: value["file"] if isinstance(value, dict) else "",
)
def test_every_gold_date_is_found_with_its_value(
    gold_name: str, document: dict[str, Any], corpus: Path
) -> None:
    text = (corpus / document["file"]).read_text(encoding="utf-8")
    published = document.get("published")
    reference = dt.date.fromisoformat(published) if published else None
    mentions = pt.find_dates(text, reference=reference)
    wrong = []
    for date in document["dates"]:
        start, end = _span_of(text, date["text"], date.get("nth", 1))
        hit = next((m for m in mentions if m.span.start <= start and end <= m.span.end), None)
        if hit is None or hit.value != date["value"]:
            got = None if hit is None else (hit.text, hit.value)
            wrong.append(f"{date['text']!r}: want {date['value']}, got {got}")
    assert not wrong, f"{gold_name} {document['file']}: " + "; ".join(wrong)
