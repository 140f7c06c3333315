"""Lesson 9's figures: the right marks and encodings, and descriptions computed from the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab import figures, sources

l09 = figures.l09


@pytest.fixture(scope="module")
def troops() -> pd.DataFrame:
    claims = cstolab.load("contingents")
    return claims[(claims["measure"] == "troops") & claims["value"].notna()]


@pytest.fixture(scope="module")
def reports() -> tuple[pd.DataFrame, pd.DataFrame]:
    crisis = cstolab.load("crisis_2022")
    found = crisis[
        crisis["event_type"].isin(["casualty_report", "detention_report"]) & crisis["value"].notna()
    ]
    partial = found["event_id"].str.contains("security|liquidated")
    deaths = found[(found["value_unit"] == "killed") & ~partial]
    detained = found[found["value_unit"] == "detained"]
    return deaths, detained


@pytest.fixture(scope="module")
def evidence() -> pd.DataFrame:
    return sources.evidence_by_grade()


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer") or spec["spec"]["layer"]


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_troops_dots_and_ranges(troops: pd.DataFrame) -> None:
    spec = l09.troops(troops).to_dict()
    marks = [_mark(layer) for layer in _layers(spec)]
    assert marks == ["rule", "point"]
    dots = _layers(spec)[1]["encoding"]
    assert dots["x"]["field"] == "value" and dots["y"]["field"] == "country"
    assert dots["color"]["field"] == "claimant"
    total = troops[troops["country"] == "CSTO total"]["value"]
    text = spec["description"]
    assert f"The {len(total)} claims about the total" in text
    assert f"from {int(total.min()):,} to {int(total.max()):,}" in text
    most = total.value_counts()
    assert f"{int(most.idxmax()):,} ({most.max()} claims)" in text


def test_troops_description_follows_the_data(troops: pd.DataFrame) -> None:
    """Making every Armenian claim agree moves Armenia from 'differ' to 'agree'."""
    armenia = troops["country"] == "Armenia"
    agreed = troops.assign(value=troops["value"].where(~armenia, 100))
    text = l09.troops(agreed).to_dict()["description"]
    assert "Armenia (70 or 100)" not in text
    assert "Armenia (100, from" in text


def test_tolls_two_panels(reports: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    deaths, detained = reports
    spec = l09.tolls(deaths, detained).to_dict()
    assert spec["facet"]["column"]["field"] == "measure"
    assert [_mark(layer) for layer in _layers(spec)] == ["line", "point"]
    text = spec["description"]
    assert f"{len(deaths)} overall death-toll claims" in text
    for row in deaths.itertuples():
        assert f"{int(row.value):,} ({row.reported_on:%-d %b %Y})" in text
    assert f"the highest is {int(detained['value'].max()):,}" in text
    assert f"{deaths['date'].min():%B %Y}" in spec["title"]


def test_grades_heat_map(evidence: pd.DataFrame) -> None:
    spec = l09.grades(evidence).to_dict()
    heat, labels = _layers(spec)
    assert _mark(heat) == "rect" and _mark(labels) == "text"
    assert heat["encoding"]["x"]["field"] == "grade"
    assert heat["encoding"]["y"]["field"] == "dataset"
    assert heat["encoding"]["x"]["sort"] == list(sources.GRADES)
    assert f"How the {int(evidence['rows'].sum())} rows" in str(spec["title"])
    top = evidence.sort_values("rows", ascending=False, kind="mergesort").iloc[0]
    assert f"{top['dataset']} {top['grade']} {top['rows']}" in spec["description"]


def test_grades_without_reprints() -> None:
    toy = pd.DataFrame(
        {
            "dataset": ["a", "a", "b", "b"],
            "grade": ["primary", "reprint", "primary", "reprint"],
            "rows": [3, 0, 2, 0],
            "share": [1.0, 0.0, 1.0, 0.0],
        }
    )
    text = l09.grades(toy).to_dict()["description"]
    assert "Rows resting only on reprints: none." in text
    assert "No row is counted under" in text and "reprint" in text.split("No row")[-1]
