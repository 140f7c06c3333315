"""Lesson 4's figures: each returns a titled, described chart whose description quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.exercise_bank.lesson04_answers import contingent_of
from cstolab.figures import l04
from cstolab.prose import listed


@pytest.fixture(scope="module")
def troops() -> pd.DataFrame:
    claims = cstolab.load("contingents")
    out = claims[(claims["measure"] == "troops") & claims["value"].notna()].copy()
    for col in ["country", "claimant_type", "value_qualifier", "scope"]:
        out[col] = out[col].astype(str)
    out["value"] = out["value"].astype(int)
    return out


@pytest.fixture(scope="module")
def national(troops: pd.DataFrame) -> pd.DataFrame:
    return troops[troops["scope"] == "national"]


@pytest.fixture(scope="module")
def totals(troops: pd.DataFrame) -> pd.DataFrame:
    return troops[troops["scope"] == "total"].sort_values("claim_date")


@pytest.fixture(scope="module")
def moves() -> pd.DataFrame:
    events = cstolab.load("crisis_2022")
    op = events[
        events["event_type"].isin(["deployment", "withdrawal"]) & (events["date"] <= "2022-01-31")
    ].copy()
    op["contingent"] = op["actor"].map(contingent_of)
    op = op.dropna(subset=["contingent"])
    op["phase"] = op["event_type"].map({"deployment": l04.DEPLOYED, "withdrawal": l04.DEPARTED})
    return op[["contingent", "date", "phase", "description", "source_id"]]


@pytest.fixture(scope="module")
def span(moves: pd.DataFrame) -> pd.DataFrame:
    claims = cstolab.load("contingents")
    stated = claims[claims["scope"] == "national"].drop_duplicates("country")
    stated = stated[["country", "arrival_date", "departure_date"]].rename(
        columns={"country": "contingent"}
    )
    stated["contingent"] = stated["contingent"].astype(str)
    out = moves.groupby("contingent")["date"].agg(first="min", last="max").reset_index()
    out = out.merge(stated, on="contingent", how="left")
    out["start"] = out["arrival_date"].fillna(out["first"])
    out["end"] = out["departure_date"].fillna(out["last"])
    return out


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_claims_chart_encodes_each_claim_and_describes_the_ranges(national: pd.DataFrame):
    spec = l04.claims(national).to_dict()
    assert spec["title"].startswith("Competing claims")
    rule, dots = _layers(spec)
    assert _mark(rule) == "rule" and _mark(dots) == "point"
    assert dots["encoding"]["x"]["field"] == "value"
    assert dots["encoding"]["y"]["field"] == "country"
    assert dots["encoding"]["color"]["field"] == "claimant_type"
    assert rule["encoding"]["x2"]["field"] == "high"
    text = spec["description"]
    for country, rows in national.groupby("country"):
        low, high = rows["value"].min(), rows["value"].max()
        assert country in text
        assert f"{low:,}" in text and f"{high:,}" in text
        if low < high:
            assert f"{country}'s range from {low:,}" in text
        else:
            assert f"{country}'s {len(rows)} claims" in text


def test_claims_description_follows_the_data(national: pd.DataFrame):
    changed = national.copy()
    changed.loc[changed["country"] == "Tajikistan", "value"] = [123] + [200] * (
        int((changed["country"] == "Tajikistan").sum()) - 1
    )
    text = l04.claims(changed).to_dict()["description"]
    assert "Tajikistan's range from 123" in text


def test_totals_chart_plots_claims_over_time(totals: pd.DataFrame):
    spec = l04.totals(totals).to_dict()
    assert spec["title"] == "Claims about the total size of the CSTO force"
    assert _mark(spec) == "point"
    assert spec["encoding"]["x"]["field"] == "claim_date"
    assert spec["encoding"]["y"]["field"] == "value"
    assert spec["encoding"]["shape"]["field"] == "value_qualifier"
    text = spec["description"]
    usual = int(totals["value"].mode().iloc[0])
    assert f"cluster at {usual:,}" in text
    assert f"{int(totals['value'].max()):,}" in text and f"{int(totals['value'].min()):,}" in text
    assert f"to {totals['claim_date'].max():%-d %B %Y}" in text


def test_timeline_chart_spans_each_contingent(span: pd.DataFrame, moves: pd.DataFrame):
    spec = l04.timeline(span, moves).to_dict()
    assert spec["title"] == "Deployment and withdrawal of each contingent"
    bars, marks = _layers(spec)
    assert _mark(bars) == "bar" and _mark(marks) == "point"
    assert bars["encoding"]["x"]["field"] == "start" and bars["encoding"]["x2"]["field"] == "end"
    assert marks["encoding"]["color"]["field"] == "phase"
    text = spec["description"]
    departures = moves[moves["phase"] == l04.DEPARTED].groupby("contingent")["date"]
    last = departures.max()
    assert f"{last.max():%-d %B}" in text
    waves = departures.nunique()
    for contingent in waves[waves > 1].index:
        assert f"{contingent} leaves in waves" in text
    without = sorted(
        set(span["contingent"]) - set(moves.loc[moves["phase"] == l04.DEPLOYED, "contingent"])
    )
    if without:
        assert f"({listed(without)} ha" in text and "no dated deployment event)" in text


def test_unknown_country_is_kept_not_dropped(national: pd.DataFrame):
    extra = national.iloc[:1].assign(country="Testland", value=77)
    spec = l04.claims(pd.concat([national, extra])).to_dict()
    assert "Testland's single claim is 77" in spec["description"]
    assert spec["layer"][1]["encoding"]["y"]["sort"][-1] == "Testland"
