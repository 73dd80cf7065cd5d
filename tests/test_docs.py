"""The documentation: a strict MkDocs build, and pages that say what the code does.

The strict build runs when MkDocs is installed (the dev and docs extras install it); the other
checks need nothing beyond the test dependencies.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import peacetalks as pt
from peacetalks._frames import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_ext" not in p.parts)
FENCE = re.compile(r"```python\n(.*?)```", re.S)


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="MkDocs is in the docs extra: pip install -e '.[docs]'")
    pytest.importorskip("mkdocstrings", reason="mkdocstrings is in the docs extra")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    api = (tmp_path / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="peacetalks.parse"' in api
    assert 'id="peacetalks.plot.timeline"' in api
    assert "language-pycon" in api or "pycon" in api  # the docstring examples are code
    assert (tmp_path / "img" / "timeline.png").is_file()


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s*([\w/.-]+\.md)\s*$", config, re.M))
    assert {p.relative_to(DOCS).as_posix() for p in PAGES} == listed


def test_the_api_page_lists_every_public_name() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^::: peacetalks\.(\w+)", api, re.M)) - {"plot"}
    assert listed == set(pt.__all__)
    assert "::: peacetalks.plot.timeline" in api


def test_the_data_page_describes_every_key() -> None:
    page = (DOCS / "data.md").read_text(encoding="utf-8")
    for name in ("cues", "demands", "events", "codes"):
        section = page.split(f"## `{name}.json`", 1)[1].split("\n## ", 1)[0]
        data = json.loads(
            (ROOT / "src" / "peacetalks" / "data" / f"{name}.json").read_text(encoding="utf-8")
        )
        for key in set(data) - {"about", "checked"}:
            assert f"`{key}`" in section, f"docs/data.md does not describe {name}.json's {key!r}"


def test_the_dataframes_page_lists_every_column() -> None:
    page = (DOCS / "dataframes.md").read_text(encoding="utf-8")
    for kind, columns in COLUMNS.items():
        section = page.split(f"### {kind}\n", 1)[1].split("\n### ", 1)[0]
        listed = re.findall(r"`(\w+)`", section)
        assert [name for name, _ in columns if name not in listed] == [], kind


def test_each_cookbook_page_has_its_example_script() -> None:
    for page in sorted((DOCS / "cookbook").glob("*.md")):
        scripts = re.findall(r"blob/main/(examples/\w+\.py)", page.read_text(encoding="utf-8"))
        assert scripts, page.name
        for script in scripts:
            assert (ROOT / script).is_file(), script


NEEDS = {"dataframes.md": "pandas", "folder-to-dataframe.md": "pandas", "many.md": "dask"}


@pytest.mark.parametrize(
    "page",
    [p for p in PAGES if any(">>>" not in block for block in FENCE.findall(p.read_text()))],
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_the_python_on_each_page_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blocks without prompts run in order, in one namespace per page (doctests run apart)."""
    needed = NEEDS.get(page.name)
    if needed:
        pytest.importorskip(needed, reason=f"{page.name} shows {needed}, an optional extra")
    if "peacetalks.plot" in page.read_text(encoding="utf-8"):
        matplotlib = pytest.importorskip("matplotlib", reason="an optional extra")
        matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)  # pages that save files save them here
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in FENCE.findall(page.read_text(encoding="utf-8")):
        if ">>>" not in block:
            exec(compile(block, str(page), "exec"), namespace)
    capsys.readouterr()


def test_the_doctest_fences_of_the_api_pages() -> None:
    spec = importlib.util.spec_from_file_location("griffe_doctest", DOCS / "_ext/griffe_doctest.py")
    if importlib.util.find_spec("griffe") is None:
        pytest.skip("griffe comes with mkdocstrings[python], in the docs extra")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = "Intro.\n\n>>> 1 + 1\n2\n>>> [1]\n[1]\n\nAfter.\n    >>> x\n    1"
    assert module.fence_doctests(text) == (
        "Intro.\n\n```pycon\n>>> 1 + 1\n2\n>>> [1]\n[1]\n```\n\nAfter.\n"
        "    ```pycon\n    >>> x\n    1\n    ```"
    )
