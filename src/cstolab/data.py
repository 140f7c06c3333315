"""The course's datasets: list them, load them as typed DataFrames, read their documentation.

The whole public API is three functions, in the spirit of ``palmerpenguins``:

    >>> import cstolab
    >>> "members" in cstolab.datasets()
    True
    >>> members = cstolab.load("members")
    >>> str(members["date"].dtype)
    'datetime64[ns]'
    >>> cstolab.describe("members")["title"]  # doctest: +SKIP
    'CSTO membership events, 1992 to today'

Data and schemas live in ``data/`` (a Frictionless Data Package); a wheel carries them as
``cstolab/data``.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from cstolab.schema import DataValidationError, convert_table

__all__ = ["datasets", "load", "describe", "as_of", "data_dir", "DataValidationError"]


def data_dir() -> Path:
    """Folder holding ``datapackage.json``: inside the installed wheel, else the repo's ``data/``."""
    packaged = resources.files("cstolab") / "data"
    if packaged.is_dir() and (packaged / "datapackage.json").is_file():
        return Path(str(packaged))
    # editable install / source checkout: src/cstolab/data.py -> repo/data
    return Path(__file__).resolve().parents[2] / "data"


@functools.cache
def _package() -> dict[str, Any]:
    path = data_dir() / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataValidationError(f"{path} is not valid JSON: {err}") from None


def _resource(name: str) -> dict[str, Any]:
    if not isinstance(name, str):
        raise TypeError(
            f"dataset name must be a string such as 'members', not {type(name).__name__}; "
            f"available: {', '.join(datasets())}"
        )
    for res in _package()["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no dataset named {name!r}; available datasets: {', '.join(datasets())}")


def datasets() -> list[str]:
    """Names of every dataset, in the order of ``datapackage.json``.

    >>> datasets()[:1]
    ['members']
    """
    return [res["name"] for res in _package()["resources"]]


@functools.cache
def _load_cached(name: str) -> pd.DataFrame:
    res = _resource(name)
    path = data_dir() / res["path"]
    # Read every cell as text so that the schema, not pandas' guessing, decides each type.
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise DataValidationError(_not_utf8(path)) from None
    except FileNotFoundError:
        raise DataValidationError(
            f"{res['path']}: the file named in datapackage.json does not exist in {path.parent}"
        ) from None
    except pd.errors.ParserError as err:
        raise DataValidationError(f"{res['path']} is not a well-formed CSV file: {err}") from None
    return convert_table(raw, res["schema"], res["path"])


def _not_utf8(path: Path) -> str:
    """Which line of ``path`` holds the first byte that is not UTF-8, said plainly."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
        start = 0
    except UnicodeDecodeError as err:  # pandas reports offsets within its own buffer, not the file
        start = err.start
    line = data[:start].count(b"\n") + 1
    return (
        f"{path.name}, line {line}: byte 0x{data[start]:02x} is not valid UTF-8; "
        "save the file as UTF-8 (the course's data files are UTF-8 text)"
    )


def load(name: str) -> pd.DataFrame:
    """Return dataset ``name`` as a DataFrame with dtypes taken from its schema.

    Dates are ``datetime64``, integers that may be missing ``Int64``, enumerated fields
    categoricals. Each call returns a fresh copy, so changing it cannot spoil later loads.

    >>> load("members").shape[1] > 3
    True
    """
    return _load_cached(name).copy(deep=True)


def describe(name: str) -> dict[str, Any]:
    """Title, description, fields (with type, unit and meaning), sources and licence of a dataset.

    >>> sorted(describe("members"))[:3]
    ['description', 'fields', 'licenses']
    """
    res = _resource(name)
    fields = [
        {
            "name": f["name"],
            "type": f.get("type", "string"),
            "unit": f.get("unit", ""),
            "description": f.get("description", ""),
            **(
                {"enum": list(f["constraints"]["enum"])}
                if "enum" in f.get("constraints", {})
                else {}
            ),
        }
        for f in res["schema"]["fields"]
    ]
    return copy.deepcopy(
        {
            "name": res["name"],
            "title": res.get("title", res["name"]),
            "description": res.get("description", ""),
            "path": res["path"],
            "fields": fields,
            "primary_key": res["schema"].get("primaryKey"),
            "sources": res.get("sources", []),
            "licenses": res.get("licenses", _package().get("licenses", [])),
        }
    )


def as_of() -> pd.Timestamp:
    """Date the datasets are current to (the data package's ``created`` date).

    Lessons use it instead of "today", so executed outputs do not change from one day to the next.

    >>> as_of().year >= 2026
    True
    """
    return pd.Timestamp(_package()["created"][:10])


def clear_cache() -> None:
    """Forget loaded tables (after editing a CSV in a running session)."""
    _package.cache_clear()
    _load_cached.cache_clear()
