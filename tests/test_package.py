"""The package as users see it: public names, typing marker, version, examples that run."""

from __future__ import annotations

import runpy
import sys
from importlib import resources
from pathlib import Path

import pytest

import peacetalks as pt

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def test_all_is_complete() -> None:
    # ruff's RUF022 keeps __all__ sorted; here we check that it has no duplicates and no gaps
    assert len(set(pt.__all__)) == len(pt.__all__)
    for name in pt.__all__:
        assert hasattr(pt, name), name
    public = {name for name in vars(pt) if not name.startswith("_")} - {"annotations"}
    modules = {name for name in public if type(getattr(pt, name)).__name__ == "module"}
    assert public - modules <= set(pt.__all__) | {"__version__"}


def test_typed_marker_and_data_ship_with_the_package() -> None:
    files = resources.files("peacetalks")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("data/article.schema.json").is_file()


def test_version_has_one_home() -> None:
    from peacetalks._version import __version__

    assert pt.__version__ == __version__
    assert __version__[0].isdigit()


def test_every_public_callable_has_a_docstring_with_an_example() -> None:
    missing = []
    for name in pt.__all__:
        obj = getattr(pt, name)
        if callable(obj) and not isinstance(obj, type):
            doc = obj.__doc__ or ""
            if ">>>" not in doc:
                missing.append(name)
    assert not missing, f"public functions without a runnable example: {missing}"


def test_errors_subclass_the_base_and_value_error() -> None:
    for error in (pt.InvalidRecord, pt.InvalidDate):
        assert issubclass(error, pt.PeacetalksError)
        assert issubclass(error, ValueError)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_run(
    path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # an example names the optional libraries it needs ("# requires: pandas") and the
    # arguments to run it with here ("# test-args: {tmp}" for a fresh output folder)
    source = path.read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith("# requires:"):
            for module in line.removeprefix("# requires:").split():
                pytest.importorskip(module, reason=f"{path.name} needs {module} (an extra)")
    args = next(
        (line.removeprefix("# test-args:").split() for line in source.splitlines()
         if line.startswith("# test-args:")),
        [],
    )  # fmt: skip
    monkeypatch.setattr(sys, "argv", [str(path), *(a.format(tmp=tmp_path) for a in args)])
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()


def test_readme_python_blocks_run() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```python\n")[1:]
    assert blocks, "the README shows no Python"
    for block in blocks:
        exec(compile(block.split("```", 1)[0], "README.md", "exec"), {})


def test_readme_holds_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- main-command -->") == 1
    assert readme.count("<!-- test-command -->") == 1
    assert readme.count("```sh\n") == 2
