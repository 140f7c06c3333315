"""Lesson 8's figures: each returns a titled, described chart whose description quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.figures import l08


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    """The lesson's ``cases``: the preferred rows, one per case."""
    everything = cstolab.load("cases")
    return everything[everything["preferred"]].copy()


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_every_schema_value_has_a_phrase(cases: pd.DataFrame):
    assert set(l08.PHRASE) == set(cases["csto_response"].cat.categories)
    assert set(l08.TO) == set(cases["request_addressee"].cat.categories)
    broken = cases.copy()
    broken["csto_response"] = broken["csto_response"].cat.add_categories(["sanctions"])
    with pytest.raises(ValueError, match="sanctions"):
        l08.cases(broken)


def test_case_name_and_counted(cases: pd.DataFrame):
    row = cases[cases["case_id"] == "kg-tj-2022-09"].iloc[0]
    assert l08.case_name(row) == "Kyrgyzstan–Tajikistan September 2022"
    kz = cases[cases["case_id"] == "kz-2022-01"].iloc[0]
    assert l08.case_name(kz) == "Kazakhstan January 2022"
    order = ["CSTO", "Russia", "CIS"]
    assert l08.counted(["Russia", "CSTO", "Russia"], order, l08.TO) == (
        "to the CSTO (1) and to Russia (2)"
    )


def test_cases_chart_places_each_case_by_date_and_kind(cases: pd.DataFrame):
    spec = l08.cases(cases).to_dict()
    years = cases["start_date"].dt.year
    assert spec["title"] == (
        f"Crises in CSTO member states and the CSTO's response, {years.min()}–{years.max()}"
    )
    assert _mark(spec) == "point"
    enc = spec["encoding"]
    assert enc["x"]["field"] == "start_date" and enc["x"]["type"] == "temporal"
    assert enc["y"]["field"] == "crisis" and enc["y"]["type"] == "nominal"
    assert enc["color"]["field"] == "response" and enc["shape"]["field"] == "requested"
    # every kind of crisis and response the schema allows has its row and its colour
    crises = [c.replace("_", " ") for c in cases["crisis_type"].cat.categories]
    assert enc["y"]["scale"]["domain"] == crises
    assert len(enc["color"]["scale"]["domain"]) == len(cases["csto_response"].cat.categories)
    assert spec["height"] == 42 * len(crises)
    text = spec["description"]
    assert f"one point for each of {len(cases)} crises" in text
    found = int(cases["request_made"].eq(True).sum())
    none_found = int(cases["request_made"].eq(False).sum())
    unknown = int(cases["request_made"].isna().sum())
    assert f"request found: {found}" in text
    assert f"no request found: {none_found}" in text
    assert f"not established: {unknown}" in text
    assert found + none_found + unknown == len(cases)
    assert "deployment: Kazakhstan Jan 2022;" in text
    assert "mission: Armenia–Azerbaijan Sep 2022;" in text


def test_cases_description_follows_the_data(cases: pd.DataFrame):
    changed = cases.copy()
    changed.loc[changed["case_id"] == "kg-2010-osh", "csto_response"] = "deployment"
    text = l08.cases(changed).to_dict()["description"]
    assert "deployment: Kyrgyzstan Jun 2010 and Kazakhstan Jan 2022;" in text
    fewer = l08.cases(cases.iloc[1:]).to_dict()["description"]
    assert f"one point for each of {len(cases) - 1} crises" in fewer


def test_timeline_marks_kazakhstans_request(cases: pd.DataFrame):
    spec = l08.timeline(cases).to_dict()
    years = cases["start_date"].dt.year
    assert spec["title"] == f"What the CSTO did, case by case, {years.min()}–{years.max()}"
    dots, rule, text_layer = spec["layer"]
    assert [_mark(layer) for layer in spec["layer"]] == ["point", "rule", "text"]
    assert dots["encoding"]["x"]["field"] == "start_date"
    assert dots["encoding"]["y"]["field"] == "response"
    assert dots["encoding"]["color"]["field"] == "request"
    assert dots["encoding"]["shape"]["field"] == "request"
    groups = ["to the CSTO", "to Russia", "to the CIS", "no request found", "not established"]
    assert dots["encoding"]["color"]["scale"]["domain"] == groups
    assert rule["encoding"]["x"]["field"] == "day"
    day = cases.loc[cases["case_id"] == "kz-2022-01", "request_date"].iloc[0]
    description = spec["description"]
    assert f"Dot chart of the {len(cases)} cases" in description
    assert f"A dashed line marks Kazakhstan's request of {day:%-d %B %Y}." in description
    assert "deployment: Kazakhstan Jan 2022 (to the CSTO);" in description
    assert "Kyrgyzstan Jun 2010 (to Russia)" in description
    asked = int(cases["request_made"].eq(True).sum())
    assert description.count("(to the ") + description.count("(to Russia)") == asked


def test_timeline_description_follows_the_data(cases: pd.DataFrame):
    changed = cases.copy()
    kz = changed["case_id"] == "kz-2022-01"
    changed.loc[kz, "request_date"] = pd.Timestamp("2022-01-04")
    changed.loc[changed["case_id"] == "by-2020-08-protests", "request_addressee"] = "CSTO"
    text = l08.timeline(changed).to_dict()["description"]
    assert "Kazakhstan's request of 4 January 2022" in text
    assert "Belarus Aug 2020 (to the CSTO)" in text
    other = l08.timeline(cases, marker="am-2022-09-border").to_dict()["description"]
    assert "A dashed line marks Armenia's request of 13 September 2022." in other
