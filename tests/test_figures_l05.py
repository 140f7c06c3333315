"""Lesson 5's figures: the right marks and encodings, and descriptions computed from the data."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import cstolab
from cstolab import airlift
from cstolab.figures import l05


@pytest.fixture(scope="module")
def fleet() -> airlift.Fleet:
    return airlift.default_fleet()


@pytest.fixture(scope="module")
def base() -> airlift.AirliftScenario:
    return airlift.AirliftScenario(
        distance_km=airlift.distance_between("chkalovsky_airfield", "almaty_airport")
    )


@pytest.fixture(scope="module")
def results(fleet, base) -> pd.DataFrame:
    out = airlift.grid(
        fleet,
        base,
        availability=[0.1, 0.2, 0.5, 1.0],
        turnaround_h=[0, 3, 12],
        equipment_t_per_soldier=[1.0, 4.0],
    )
    out["hours"] = out["hours"].round(1)
    return out.drop(columns="waves")


@pytest.fixture(scope="module")
def vjtf() -> pd.DataFrame:
    i = cstolab.load("indicators")
    v = i[
        (i["subject"] == "NATO VJTF") & i["indicator"].isin(["readiness_hours", "readiness_days"])
    ].copy()
    factor = v["indicator"].map({"readiness_hours": 1, "readiness_days": 24}).astype(float)
    v["hours_low"] = v["value"] * factor
    v["hours_high"] = v["value_high"].fillna(v["value"]) * factor
    v["claim"] = v["claimed_by"].astype(str) + ", " + v["year"].astype(str) + " " + v["record_id"]
    return v.sort_values(["year", "hours_low"]).reset_index(drop=True)


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_interactive_chart_has_sliders_and_describes_the_default_share(results, fleet):
    spec = l05.interactive(results, fleet, 72, turnaround=3, equipment=1.0).to_dict()
    assert spec["title"] == "Model: deployment time by share of the fleet flying"
    assert {p["name"] for p in spec["params"]} == {"turnaround", "equipment"}
    rule, _label, line = _layers(spec)
    assert _mark(rule) == "rule" and _mark(line) == "line"
    assert line["encoding"]["x"]["field"] == "availability"
    assert line["encoding"]["y"]["field"] == "hours"
    text = spec["description"]
    share = l05.first_share_under(results, 3, 1.0, 72)
    rows = results[(results["turnaround_h"] == 3) & (results["equipment_t_per_soldier"] == 1.0)]
    assert share == rows.loc[rows["hours"] < 72, "availability"].min()
    assert f"from {share:.0%} of the fleet upwards" in text
    assert "70 Il-76 and 5 An-124" in text
    assert f"up to {results['hours'].max() / 24:.0f}" in text


def test_interactive_description_follows_the_fleet_and_the_claim(results, fleet):
    small = fleet.with_counts(**{"Il-76": 35})
    text = l05.interactive(results, small, 1.0).to_dict()["description"]
    assert "35 Il-76" in text
    assert "no share of the fleet brings the time under 1 hours" in text


def test_tornado_sorts_by_swing_and_names_the_extremes(fleet, base):
    tornado_base = replace(base, availability=0.5)
    base_hours = airlift.deployment_time(fleet, tornado_base).hours
    cases = {
        "Share of fleet flying (25%-100%)": (0.25, 1.0, "availability"),
        "Turnaround (1.5-12 h)": (1.5, 12, "turnaround_h"),
        "Soldier with kit (0.1-0.2 t)": (0.1, 0.2, "tonnes_per_soldier"),
    }
    rows = []
    for label, (low, high, field) in cases.items():
        h_low, h_high = (
            round(airlift.deployment_time(fleet, replace(tornado_base, **{field: v})).hours, 1)
            for v in (low, high)
        )
        rows.append(
            {
                "assumption": label,
                "low setting (h)": h_low,
                "high setting (h)": h_high,
                "min_h": min(h_low, h_high),
                "max_h": max(h_low, h_high),
                "swing_h": round(abs(h_high - h_low), 1),
            }
        )
    sensitivity = pd.DataFrame(rows).sort_values("swing_h", ascending=False).reset_index(drop=True)
    spec = l05.tornado(sensitivity, base_hours, 0.5).to_dict()
    bars, ends, rule = _layers(spec)
    assert _mark(bars) == "bar" and _mark(ends) == "point" and _mark(rule) == "rule"
    assert bars["encoding"]["x"]["field"] == "min_h" and bars["encoding"]["x2"]["field"] == "max_h"
    assert bars["encoding"]["y"]["sort"] == sensitivity["assumption"].tolist()
    text = spec["description"]
    assert f"50% of the fleet flying, {base_hours:.0f} hours" in text
    first = sensitivity.loc[0, "assumption"].split(" (")[0].lower()
    assert f"on {first} and" in text
    assert f"by up to {sensitivity['swing_h'].iloc[:2].max():.0f} hours" in text


def test_readiness_chart_converts_days_and_marks_the_claim(vjtf):
    spec = l05.readiness(vjtf, 72).to_dict()
    assert spec["title"] == "VJTF readiness as stated by NATO and others"
    ranges, dots, csto, _text = _layers(spec)
    assert _mark(ranges) == "rule" and _mark(dots) == "point" and _mark(csto) == "rule"
    assert ranges["encoding"]["x2"]["field"] == "hours_high"
    text = spec["description"]
    days = vjtf[vjtf["indicator"] == "readiness_days"]
    hours = vjtf[vjtf["indicator"] == "readiness_hours"]
    assert f"{vjtf['year'].min()} to {vjtf['year'].max()}" in text
    assert f"give {hours['hours_low'].min():.0f} to {hours['hours_high'].max():.0f} hours" in text
    assert f"({days['hours_low'].min():.0f} to {days['hours_high'].max():.0f} hours)" in text
    assert "claimed 72 hours" in text


def test_readiness_description_follows_the_data(vjtf):
    changed = vjtf.copy()
    longest = changed["hours_high"].idxmax()
    changed.loc[longest, "hours_high"] = 240.0
    assert "to 240 hours" in l05.readiness(changed).to_dict()["description"]
