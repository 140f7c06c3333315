"""Lesson 7's figures: each returns a titled, described chart whose description quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.figures import l07


@pytest.fixture(scope="module")
def troops() -> pd.DataFrame:
    claims = cstolab.load("contingents")
    out = claims[(claims["measure"] == "troops") & claims["value"].notna()].copy()
    out["value"] = out["value"].astype(int)
    out["country"] = out["country"].astype(str)
    return out


@pytest.fixture(scope="module")
def ranges(troops: pd.DataFrame) -> pd.DataFrame:
    """The lesson's range table: one row per contingent, the whole force, implied Russia."""
    others = troops[(troops["scope"] == "national") & (troops["country"] != "Russia")]
    by_country = others.groupby("country")["value"].agg(low="min", high="max").reset_index()
    totals = troops.loc[troops["scope"] == "total", "value"]
    extra = pd.DataFrame(
        {
            "country": ["Russia (implied)", l07.TOTAL],
            "low": [totals.min() - by_country["high"].sum(), totals.min()],
            "high": [totals.max() - by_country["low"].sum(), totals.max()],
            "kind": ["implied", "reported"],
        }
    )
    return pd.concat([by_country.assign(kind="reported"), extra], ignore_index=True)


@pytest.fixture(scope="module")
def held() -> pd.DataFrame:
    ex = cstolab.load("exercises")
    out = ex[ex["preferred"] & (ex["status"] == "held")].copy()
    out["series"] = out["series"].astype(str)
    inside = out["part_of"].isin(set(out["exercise_id"]))
    out["role"] = inside.map({True: "component of an umbrella", False: "stand-alone or umbrella"})
    return out


@pytest.fixture(scope="module")
def counts(held: pd.DataFrame) -> pd.DataFrame:
    grouped = held.groupby(["year", "series", "role"]).size()
    return grouped.rename("exercises").reset_index()


@pytest.fixture(scope="module")
def sized(held: pd.DataFrame) -> pd.DataFrame:
    top = held[held["role"] == "stand-alone or umbrella"]
    return top[top["troops"].notna()]


@pytest.fixture(scope="module")
def compare(troops: pd.DataFrame) -> pd.DataFrame:
    ind = cstolab.load("indicators")
    nato = ind[ind["subject"].astype(str).isin(["NATO VJTF", "NATO NRF"])].copy()
    nato["subject"] = nato["subject"].astype(str)
    size = nato[nato["indicator"] == "force_size"]
    size = size[["subject", "year", "ref_date", "value", "qualifier", "claimed_by"]]
    csto = (
        troops.loc[troops["scope"] == "total", ["claim_date", "value", "value_qualifier"]]
        .assign(claimed_by=troops["claimed_by"])
        .rename(columns={"claim_date": "ref_date", "value_qualifier": "qualifier"})
        .assign(subject="CSTO force in Kazakhstan", year=2022)
    )
    out = pd.concat([size, csto], ignore_index=True)
    out["value"] = out["value"].astype(float)
    return out


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_contingents_chart_spans_each_claim_range(ranges: pd.DataFrame):
    spec = l07.contingents(ranges).to_dict()
    assert spec["title"] == "Troops sent to Kazakhstan: range of claims by contingent"
    marks = [_mark(layer) for layer in spec["layer"]]
    assert marks[0] == "rule" and marks.count("tick") == 2
    bar = spec["layer"][0]["encoding"]
    assert bar["x"]["field"] == "low" and bar["x2"]["field"] == "high"
    assert bar["y"]["field"] == "country" and bar["color"]["field"] == "kind"
    text = spec["description"]
    for row in ranges[ranges["kind"] == "reported"].itertuples():
        if row.country == l07.TOTAL:
            assert f"run from {row.low:,} to {row.high:,}" in text
        elif row.low == row.high:
            assert f"{row.country} {row.low:,}" in text
        else:
            assert f"{row.country} {row.low:,} to {row.high:,}" in text
    implied = ranges[ranges["kind"] == "implied"].iloc[0]
    assert f"implied for Russia, the total minus the others, runs from {implied['low']:,}" in text


def test_contingents_description_follows_the_data(ranges: pd.DataFrame):
    changed = ranges.copy()
    changed.loc[changed["country"] == "Tajikistan", ["low", "high"]] = [123, 456]
    text = l07.contingents(changed).to_dict()["description"]
    assert "Tajikistan 123 to 456" in text


def test_exercises_chart_counts_by_year_and_sizes(counts: pd.DataFrame, sized: pd.DataFrame):
    spec = l07.exercises(counts, sized).to_dict()
    assert spec["title"] == "CSTO exercises by year and series, and their reported size"
    bars, points = spec["vconcat"]
    assert _mark(bars) == "bar" and _mark(points) == "point"
    assert bars["encoding"]["x"]["field"] == "year"
    assert bars["encoding"]["y"]["field"] == "exercises"
    assert bars["encoding"]["color"]["field"] == "series"
    assert points["encoding"]["y"]["field"] == "troops"
    text = spec["description"]
    per_year = counts.groupby("year")["exercises"].sum()
    assert f"from {per_year.index.min()} to {per_year.index.max()}" in text
    assert f"none more than {per_year.max()}" in text
    largest = sized.loc[sized["troops"].idxmax()]
    assert f"the largest is {largest['name_as_reported']}" in text
    assert f"{int(largest['troops']):,}" in text
    assert f" of {len(sized)}) are " in text and f" of {len(per_year)}) have " in text


def test_exercises_description_leaves_components_to_the_caller(
    counts: pd.DataFrame, sized: pd.DataFrame
):
    bigger = sized.copy()
    bigger.loc[bigger.index[0], "troops"] = 99_000
    text = l07.exercises(counts, bigger).to_dict()["description"]
    assert "99,000" in text and "the largest is" in text


def test_nato_chart_puts_every_claim_on_a_log_axis(compare: pd.DataFrame):
    spec = l07.nato(compare).to_dict()
    assert spec["title"].startswith("Force size: CSTO force in Kazakhstan vs NATO")
    assert _mark(spec) == "point"
    assert spec["encoding"]["x"]["field"] == "value"
    assert spec["encoding"]["x"]["scale"]["type"] == "log"
    assert spec["encoding"]["y"]["sort"] == l07.SUBJECT_ORDER
    text = spec["description"]
    for subject, rows in compare.groupby("subject"):
        low, high = int(rows["value"].min()), int(rows["value"].max())
        assert f"{subject}: {len(rows)} claims from {low:,} to {high:,}" in text
    vjtf_years = compare.loc[compare["subject"] == "NATO VJTF", "year"].astype(int)
    assert f"(figures for {vjtf_years.min()} to {vjtf_years.max()})" in text
