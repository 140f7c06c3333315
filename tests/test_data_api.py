"""The public data API: datasets(), load(), describe() and their errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import cstolab
from cstolab import data as data_module
from cstolab.schema import DataValidationError, convert_table


def test_datasets_lists_members_first():
    names = cstolab.datasets()
    assert names[0] == "members"
    assert len(names) == len(set(names))


def test_load_returns_schema_dtypes_for_members():
    df = cstolab.load("members")
    assert df["date"].dtype == "datetime64[ns]"
    assert isinstance(df["country"].dtype, pd.CategoricalDtype)
    assert "Armenia" in df["country"].cat.categories
    assert df["preferred"].dtype == "boolean"


def test_unknown_name_lists_available():
    with pytest.raises(KeyError) as err:
        cstolab.load("memebrs")
    message = str(err.value)
    assert "memebrs" in message and "members" in message


def test_non_string_name_is_a_type_error():
    with pytest.raises(TypeError, match="must be a string"):
        cstolab.load(3)


def test_returned_frame_is_a_copy():
    first = cstolab.load("members")
    original = first.loc[first.index[0], "description"]
    first.loc[first.index[0], "description"] = "changed by a student"
    first["country"] = pd.NA
    again = cstolab.load("members")
    assert again.loc[again.index[0], "description"] == original
    assert again["country"].notna().any()


def test_describe_gives_title_fields_units_sources_licence():
    info = cstolab.describe("members")
    assert info["title"] and info["description"]
    assert {"name", "type", "unit", "description"} <= set(info["fields"][0])
    assert info["sources"] and info["licenses"]
    info["fields"].clear()  # describe returns a copy too
    assert cstolab.describe("members")["fields"]


def test_as_of_is_a_fixed_date():
    assert cstolab.data.as_of() == pd.Timestamp("2026-11-28")


SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "n", "type": "integer", "constraints": {"minimum": 0}},
        {"name": "when", "type": "date"},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "x", "type": "number"},
        {"name": "flag", "type": "boolean"},
    ],
    "primaryKey": ["id"],
}


def _raw(**overrides):
    row = {"id": "r1", "n": "3", "when": "2022-01-05", "kind": "a", "x": "1.5", "flag": "true"}
    rows = [row, {**row, "id": "r2", **overrides}]
    return pd.DataFrame(rows, dtype=str)


def test_convert_table_types():
    typed = convert_table(_raw(n=""), SCHEMA, "t.csv")
    assert str(typed["n"].dtype) == "Int64" and typed["n"].isna().sum() == 1
    assert typed["when"].dtype == "datetime64[ns]"
    assert isinstance(typed["kind"].dtype, pd.CategoricalDtype)


@pytest.mark.parametrize(
    "overrides, field, words",
    [
        ({"n": "two"}, "n", "not a whole number"),
        ({"n": "-1"}, "n", "below the minimum"),
        ({"when": "05.01.2022"}, "when", "YYYY-MM-DD"),
        ({"when": "2022-02-30"}, "when", "not a real calendar date"),
        ({"kind": "c"}, "kind", "not one of the accepted values"),
        ({"x": "1,5"}, "x", "not a number"),
        ({"flag": "maybe"}, "flag", "true or false"),
        ({"id": ""}, "id", "required"),
        ({"id": "r1"}, "id", "unique"),
    ],
)
def test_schema_errors_name_file_row_and_field(overrides, field, words):
    with pytest.raises(DataValidationError) as err:
        convert_table(_raw(**overrides), SCHEMA, "t.csv")
    message = str(err.value)
    assert message.startswith("t.csv, row 2 (line 3)")
    assert f"field '{field}'" in message
    assert words in message


def test_missing_column_is_reported():
    raw = _raw().drop(columns=["x"])
    with pytest.raises(DataValidationError, match=r"missing columns \['x'\]"):
        convert_table(raw, SCHEMA, "t.csv")


def test_broken_csv_in_package_names_file_row_field(tmp_path, monkeypatch):
    """A malformed data file is caught at load time with a precise message."""
    copy = tmp_path / "data"
    shutil.copytree(data_module.data_dir(), copy)
    csv = copy / "members.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    date_col = header.index("date")
    cells = lines[3].split(",")
    cells[date_col] = "1992-13-45"
    lines[3] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(data_module, "data_dir", lambda: copy)
    data_module.clear_cache()
    try:
        with pytest.raises(DataValidationError) as err:
            cstolab.load("members")
        assert "members.csv, row 3 (line 4), field 'date'" in str(err.value)
    finally:
        monkeypatch.undo()
        data_module.clear_cache()


def test_datapackage_is_valid_json_with_all_resources(root: Path):
    package = json.loads((root / "data" / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == cstolab.datasets()


def test_a_data_file_that_is_not_utf8_names_file_and_line(tmp_path, monkeypatch):
    """Issue 14: a raw UnicodeDecodeError became a DataValidationError naming the file and line."""
    import shutil

    from cstolab import data

    copy = tmp_path / "data"
    shutil.copytree(data.data_dir(), copy)
    members = copy / "members.csv"
    lines = members.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" caf\xe9"  # Latin-1 e-acute on line 4
    members.write_bytes(b"\n".join(lines))
    monkeypatch.setattr(data, "data_dir", lambda: copy)
    data.clear_cache()
    try:
        with pytest.raises(cstolab.DataValidationError, match=r"members\.csv, line 4: byte 0xe9"):
            cstolab.load("members")
    finally:
        data.clear_cache()
