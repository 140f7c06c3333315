"""The project's own files: CITATION.cff is valid CFF 1.2.0, and the version is stated once.

``cstolab.__version__`` is the one source of the version (hatchling reads it for the package
metadata); CITATION.cff and the latest release in CHANGELOG.md must agree with it.

The CFF schema in tests/schemas/ is the Citation File Format project's JSON schema for 1.2.0
(CC BY 4.0), as shipped by cffconvert 2.0.0. cffconvert itself cannot be installed beside
Jupyter (it pins jsonschema<4), so the schema is validated with jsonschema directly.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import cstolab

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "tests" / "schemas" / "cff-1.2.0.schema.json"
# "## [0.1.0] - 2026-12-01" (Keep a Changelog)
RELEASE = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d{2}-\d{2})$")


def _as_cff_json(value: Any) -> Any:
    """YAML dates as strings, as the CFF schema asks of validators."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _as_cff_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_cff_json(item) for item in value]
    return value


def _cff_errors(citation: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    return [error.message for error in validator.iter_errors(_as_cff_json(citation))]


@pytest.fixture(scope="module")
def citation() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def releases() -> list[tuple[str, str]]:
    """(version, date) of every release heading in CHANGELOG.md, in file order."""
    lines = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
    found = [RELEASE.match(line) for line in lines]
    return [(match["version"], match["date"]) for match in found if match]


def test_citation_is_valid_cff_1_2_0(citation: dict[str, Any]):
    assert citation["cff-version"] == "1.2.0"
    assert _cff_errors(citation) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda c: c.pop("authors"),
        lambda c: c.update(license="MIT AND CC-BY-4.0"),  # CFF takes SPDX identifiers only
        lambda c: c.update({"date-released": "1 December 2026"}),
    ],
)
def test_the_validation_rejects_a_broken_citation(citation: dict[str, Any], damage):
    broken = json.loads(json.dumps(_as_cff_json(citation)))
    damage(broken)
    assert _cff_errors(broken)


def test_version_is_defined_once_in_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    source = ROOT / pyproject["tool"]["hatch"]["version"]["path"]
    assert source.resolve() == Path(importlib.util.find_spec("cstolab").origin).resolve()
    # hatchling's default pattern for the version in a Python file
    pattern = r"(?im)^(__version__|VERSION) *= *([\'\"])v?(?P<version>.+?)\2"
    (match,) = re.finditer(pattern, source.read_text(encoding="utf-8"))
    assert match["version"] == cstolab.__version__


def test_citation_and_changelog_agree_with_the_version(
    citation: dict[str, Any], releases: list[tuple[str, str]]
):
    assert releases, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' heading"
    latest_version, latest_date = releases[0]
    assert latest_version == cstolab.__version__
    assert str(citation["version"]) == cstolab.__version__
    assert _as_cff_json(citation["date-released"]) == latest_date


def test_changelog_is_newest_first_with_unreleased_on_top(releases: list[tuple[str, str]]):
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## [Unreleased]"
    assert len(headings) == len(releases) + 1, "a release heading not in 'X.Y.Z - date' form"
    versions = [tuple(int(part) for part in version.split(".")) for version, _ in releases]
    dates = [dt.date.fromisoformat(date) for _, date in releases]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)


def test_readme_points_to_the_how_tos_that_moved():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## Adding a lesson", "## Adding a dataset", "## Adding a source"):
        assert heading in contributing
        assert heading not in readme
    assert "CONTRIBUTING.md" in readme
    assert "## Releasing" in contributing


def test_linkcheck_runs_without_executing_and_outside_make_test():
    import importlib.machinery

    loader = importlib.machinery.SourceFileLoader(
        "linkcheck", str(ROOT / "scripts" / "linkcheck.py")
    )
    spec = importlib.util.spec_from_loader("linkcheck", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    book = yaml.safe_load((ROOT / "book" / "_config.yml").read_text(encoding="utf-8"))
    config = module.linkcheck_config(book)
    assert config["execute"]["execute_notebooks"] == "off"
    assert config["bibtex_bibfiles"] == book["bibtex_bibfiles"]  # the rest as the book has it
    assert book["execute"]["execute_notebooks"] != "off"  # the book's own file is not changed
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = re.search(r"^test:.*?(?=^\S|\Z)", makefile, re.S | re.M)[0]
    assert "scripts/linkcheck.py" in makefile and "linkcheck" not in test_recipe
