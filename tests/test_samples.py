"""The sample articles that ship with the package, and what ``import peacetalks`` leaves out."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import peacetalks as pt

ROOT = Path(__file__).resolve().parent.parent


def test_three_to_five_dated_samples_ship_as_package_data() -> None:
    samples = pt.samples()
    assert 3 <= len(samples) <= 5
    folder = resources.files("peacetalks").joinpath("samples")
    for sample in samples:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_[a-z0-9-]+\.txt", sample.name)
        assert sample.published == dt.date.fromisoformat(sample.name[:10])
        assert sample.published.year == 2025
        assert folder.joinpath(sample.name).read_text(encoding="utf-8") == sample.text
        assert sample.pair == (sample.text, sample.published)
        assert 500 < len(sample.text) < 4000
    assert [s.name for s in samples] == sorted(s.name for s in samples)
    assert pt.samples() is samples


def test_each_sample_parses_into_records() -> None:
    for sample in pt.samples():
        article = pt.parse(sample.text, published=sample.published)
        assert article.published == sample.published
        assert article.statements, sample.name
        assert article.actors, sample.name


def test_importing_peacetalks_imports_no_optional_library() -> None:
    code = (
        "import sys, peacetalks, peacetalks.plot; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'dask', 'numpy', 'mkdocs') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.stdout.strip() == "[]"
