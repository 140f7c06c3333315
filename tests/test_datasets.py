"""Every dataset: valid against its schema, keyed, sourced, with sane dates and resolvable places."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from pybtex.database import parse_file

import cstolab
from cstolab.data import as_of, data_dir

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
NAMES = list(RESOURCES)
EARLIEST = pd.Timestamp(
    "1991-12-01"
)  # the USSR dissolved in December 1991; nothing before matters here
# provisions also holds the UN Charter (1945) and the General Assembly's Definition of Aggression (1974)
EARLIEST_FOR = {"provisions": pd.Timestamp("1945-01-01")}
# pairs of (start, end) columns that must be ordered when both are present
DATE_PAIRS = [
    ("date", "end_date"),
    ("start", "end"),
    ("start_date", "end_date"),
    ("arrival_date", "departure_date"),
]
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([a-z0-9_,\s]+)`")


@cache
def bib_keys() -> set[str]:
    return set(parse_file(str(ROOT / "book" / "references.bib")).entries.keys())


def source_keys(value: str) -> list[str]:
    return [k.strip() for k in str(value).split(";") if k.strip()]


EXPECTED = {
    "members",
    "institutions",
    "crisis_2022",
    "contingents",
    "aircraft",
    "exercises",
    "cases",
    "indicators",
    "locations",
    "statements",
    "provisions",
}


def test_all_course_datasets_are_listed():
    assert EXPECTED <= set(cstolab.datasets())


@pytest.mark.parametrize("name", NAMES)
def test_resource_is_documented(name):
    res = RESOURCES[name]
    assert res.get("title") and res.get("description"), "title and description"
    assert res.get("sources") and res.get("licenses"), "sources and licence"
    for field in res["schema"]["fields"]:
        assert field.get("description"), f"{name}.{field['name']} needs a description"
        assert "unit" in field, f"{name}.{field['name']} needs a unit ('' if none applies)"
    assert res["schema"].get("primaryKey"), "every dataset has a primary key"


def test_frictionless_validates_the_package():
    """An independent validator (types, constraints, keys, foreign keys) agrees with our loader."""
    from frictionless import Package

    report = Package(str(data_dir() / "datapackage.json")).validate()
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("name", NAMES)
def test_load_gives_schema_dtypes(name):
    df = cstolab.load(name)
    for field in RESOURCES[name]["schema"]["fields"]:
        col, ftype = df[field["name"]], field["type"]
        enum = field.get("constraints", {}).get("enum")
        if ftype == "string" and enum:
            assert isinstance(col.dtype, pd.CategoricalDtype), field["name"]
        elif ftype == "string":
            assert col.dtype == "string", field["name"]
        elif ftype in ("integer", "year"):
            assert str(col.dtype) == "Int64", field["name"]
        elif ftype == "number":
            assert str(col.dtype) == "Float64", field["name"]
        elif ftype == "date":
            assert col.dtype == "datetime64[ns]", field["name"]
        elif ftype == "boolean":
            assert str(col.dtype) == "boolean", field["name"]


@pytest.mark.parametrize("name", NAMES)
def test_primary_key_unique(name):
    key = RESOURCES[name]["schema"]["primaryKey"]
    key = [key] if isinstance(key, str) else key
    df = cstolab.load(name)
    assert not df.duplicated(subset=key).any()
    assert df[key].notna().all().all()


@pytest.mark.parametrize("name", NAMES)
def test_every_row_has_resolvable_sources(name):
    df = cstolab.load(name)
    assert "source_id" in df.columns
    assert df["source_id"].notna().all(), "every row carries a source_id"
    unknown = {k for v in df["source_id"] for k in source_keys(v)} - bib_keys()
    assert not unknown, f"source_id keys missing from references.bib: {sorted(unknown)}"


def test_every_bibliography_entry_is_used():
    used = set()
    for name in NAMES:
        for v in cstolab.load(name)["source_id"]:
            used.update(source_keys(v))
    for res in PACKAGE["resources"]:
        used.update(s["bibkey"] for s in res.get("sources", []) if s.get("bibkey"))
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.ipynb")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "book").rglob("*.md")
        if "_build" not in p.parts
    ]
    for text in texts:
        for group in CITE.findall(text):
            used.update(k.strip() for k in group.split(","))
    unused = bib_keys() - used
    assert not unused, f"bibliography entries nobody cites: {sorted(unused)}"


def test_online_sources_have_url_and_access_date():
    entries = parse_file(str(ROOT / "book" / "references.bib")).entries
    for key, entry in entries.items():
        if entry.type == "online":
            assert entry.fields.get("url"), f"{key} lacks a url"
            assert entry.fields.get("urldate"), f"{key} lacks an access date (urldate)"


@pytest.mark.parametrize("name", NAMES)
def test_dates_are_sane_and_ordered(name):
    df = cstolab.load(name)
    limit = as_of()
    earliest = EARLIEST_FOR.get(name, EARLIEST)
    for col in df.select_dtypes(include="datetime").columns:
        values = df[col].dropna()
        assert (values >= earliest).all(), f"{name}.{col} has dates before {earliest.date()}"
        assert (values <= limit + pd.Timedelta(days=366 * 3)).all(), (
            f"{name}.{col} is implausibly late"
        )
    for start, end in DATE_PAIRS:
        if start in df.columns and end in df.columns:
            both = df[[start, end]].dropna()
            bad = both[both[start] > both[end]]
            assert bad.empty, f"{name}: {start} after {end} in rows {bad.index.tolist()}"


@pytest.mark.parametrize("name", NAMES)
def test_foreign_keys_resolve(name):
    """Declared foreign keys, and every place key, exist in the referenced dataset."""
    df = cstolab.load(name)
    fks = list(RESOURCES[name]["schema"].get("foreignKeys", []))
    declared = {fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0] for fk in fks}
    for col in df.columns:
        if (
            (col == "place_id" or col.endswith("_place_id"))
            and col not in declared
            and name != "locations"
        ):
            fks.append(
                {"fields": col, "reference": {"resource": "locations", "fields": "place_id"}}
            )
    for fk in fks:
        col = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        ref = fk["reference"]
        target_name = ref.get("resource") or name
        target_col = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
        targets = set(cstolab.load(target_name)[target_col].dropna().astype(str))
        values = set(df[col].dropna().astype(str))
        missing = values - targets
        assert not missing, (
            f"{name}.{col} values missing from {target_name}.{target_col}: {sorted(missing)}"
        )


def test_locations_are_wgs84():
    loc = cstolab.load("locations")
    assert loc["lat"].between(-90, 90).all() and loc["lon"].between(-180, 180).all()


def test_boundaries_file_is_small_geojson_with_names():
    geo = json.loads((data_dir() / "geo" / "boundaries.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in geo["features"]}
    assert {"Kazakhstan", "Russia", "Armenia", "Belarus", "Kyrgyzstan", "Tajikistan"} <= names
    assert (data_dir() / "geo" / "boundaries.geojson").stat().st_size < 300_000
