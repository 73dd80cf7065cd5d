"""``examples/dask_parse.py`` parses on Dask exactly what ``parse_many`` parses locally.

Skipped without dask, an optional extra (``peacetalks[dask]``; the dev install has it).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import peacetalks as pt

pytest.importorskip("dask.bag", reason="dask is an optional extra: pip install 'peacetalks[dask]'")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_parse.py"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_parse", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for sample in pt.samples():
        path = folder / sample.name
        path.write_text(sample.text, encoding="utf-8")
        paths.append(str(path))
    # one more without a date in its name
    undated = folder / "undated.txt"
    undated.write_text("Peskov said talks would resume.", encoding="utf-8")
    return [*paths, str(undated)]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
@pytest.mark.parametrize("npartitions", [1, 3])
def test_dask_gives_what_parse_many_gives(
    example: ModuleType, files: list[str], scheduler: str, npartitions: int
) -> None:
    keyed = example.parse_on_dask(files, scheduler=scheduler, npartitions=npartitions)
    local = list(pt.parse_many(example.read_article(path)[1:] for path in files))
    assert [key for key, _ in keyed] == [Path(p).stem for p in files]
    assert [article for _, article in keyed] == local
    assert keyed[0][1].published == pt.samples()[0].published
    assert keyed[-1][1].published is None


def test_rows_on_dask(example: ModuleType, files: list[str]) -> None:
    rows = (
        example.parse_bag(example.bag_of_files(files))
        .map(lambda keyed: pt.to_records([keyed], kind="statements"))
        .flatten()
        .compute(scheduler="synchronous")
    )
    corpus = pt.Collection(pt.parse_many(example.read_article(p)[1:] for p in files))
    assert len(rows) == len(corpus.statements())
    assert {row["article"] for row in rows} <= {Path(p).stem for p in files}
