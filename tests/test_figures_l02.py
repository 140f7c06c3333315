"""Lesson 2's figures: each returns a titled, described chart whose description quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.figures import l02

FORCE_NAMES = {"crdf": "CRDF (Central Asia)", "crrf": "CRRF / KSOR", "pk": "Peacekeeping forces"}


@pytest.fixture(scope="module")
def inst() -> pd.DataFrame:
    return cstolab.load("institutions")


@pytest.fixture(scope="module")
def milestones(inst: pd.DataFrame) -> pd.DataFrame:
    kinds = [k.replace(" ", "_") for k in l02.KINDS]
    rows = inst[inst["milestone_type"].isin(kinds) & inst["preferred"]].copy()
    rows["kind"] = rows["milestone_type"].astype(str).str.replace("_", " ")
    return rows[["date", "kind", "name", "source_id"]].sort_values("date")


@pytest.fixture(scope="module")
def terms(inst: pd.DataFrame) -> pd.DataFrame:
    as_of = cstolab.data.as_of()
    sg = inst[(inst["milestone_type"] == "secretary_general") & inst["preferred"]]
    sg = sg.sort_values("date").copy()
    sg["role"] = (
        sg["name"].str.startswith("Acting").map({True: "acting", False: "Secretary-General"})
    )
    sg["end_inferred"] = sg["end_date"].isna()
    sg["end"] = sg["end_date"].fillna(sg["date"].shift(-1) - pd.Timedelta(days=1))
    sg["ongoing"] = sg["end"] > as_of
    sg["end"] = sg["end"].where(~sg["ongoing"], as_of)
    sg["years"] = ((sg["end"] - sg["date"]).dt.days / 365.25).round(1)
    cols = ["person", "country", "role", "date", "end", "years", "end_inferred", "ongoing"]
    terms = sg[[*cols, "source_id"]].rename(columns={"date": "start"})
    return terms.astype({"person": str, "country": str}).reset_index(drop=True)


@pytest.fixture(scope="module")
def sizes(inst: pd.DataFrame) -> pd.DataFrame:
    rows = inst[inst["milestone_type"] == "force_size"].copy()
    rows["force"] = rows["milestone_id"].str.split("-").str[0].map(FORCE_NAMES)
    rows["reported_by"] = rows["source_id"].astype(str)
    rows["claim"] = rows["claim_status"].astype(str)
    rows["value"] = rows["value"].astype(int)
    return rows[["force", "date", "value", "reported_by", "claim", "note"]].reset_index(drop=True)


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_milestones_chart_plots_each_kind_and_lists_its_years(milestones: pd.DataFrame):
    spec = l02.milestones(milestones).to_dict()
    assert spec["title"] == "From treaty to organisation: institutional milestones"
    assert _mark(spec) == "point"
    assert spec["encoding"]["x"]["field"] == "date"
    assert spec["encoding"]["y"]["field"] == "kind"
    assert spec["encoding"]["y"]["sort"][0] == "treaty"
    text = spec["description"]
    assert f"Dot plot of {len(milestones)} institutional milestones" in text
    for kind, rows in milestones.groupby("kind"):
        assert f"{kind}: {rows['date'].dt.year.min()}" in text
    treaty = milestones[milestones["kind"] == "treaty"]["date"].dt.year
    assert f"treaty: {treaty.min()} and {treaty.max()}" in text


def test_milestones_description_follows_the_data(milestones: pd.DataFrame):
    extra = pd.DataFrame(
        {
            "date": [pd.Timestamp("2030-06-01")],
            "kind": ["summit"],
            "name": ["x"],
            "source_id": ["y"],
        }
    )
    spec = l02.milestones(pd.concat([milestones, extra])).to_dict()
    assert "summit: 2030" in spec["description"]
    assert spec["encoding"]["y"]["sort"][-1] == "summit"
    assert "to 2030" in spec["description"]


def test_secretaries_general_chart_spans_each_term(terms: pd.DataFrame):
    spec = l02.secretaries_general(terms).to_dict()
    assert spec["title"] == f"CSTO Secretaries-General, {terms['start'].min():%Y} to the data date"
    assert _mark(spec) == "bar"
    assert spec["encoding"]["x"]["field"] == "start"
    assert spec["encoding"]["x2"]["field"] == "end"
    assert spec["encoding"]["color"]["field"] == "country"
    text = spec["description"]
    for person, held in terms.groupby("person"):
        assert f"{person} of {held['country'].iloc[0]}" in text
    for person, held in terms.groupby("person"):
        verb = "acts" if (held["role"] == "acting").all() else "serves"
        assert f"{person} of {held['country'].iloc[0]} {verb} " in text
        if len(held) > 1:
            assert " and again " in text
    first = terms.iloc[0]
    assert f"from {first['start']:%Y} to {first['end']:%Y}" in text
    ongoing = terms[terms["ongoing"]]
    for _, row in ongoing.iterrows():
        assert f"{row['person']} of {row['country']} serves from {row['start']:%Y}" in text


def test_in_office_words():
    row = pd.Series(
        {"start": pd.Timestamp("2017-01-01"), "end": pd.Timestamp("2017-03-31"), "ongoing": False}
    )
    assert l02.in_office(row) == "in 2017"
    assert l02.in_office(row.copy().replace({row["end"]: pd.Timestamp("2019-12-31")})) == (
        "from 2017 to 2019"
    )
    assert l02.in_office(pd.Series({**row.to_dict(), "ongoing": True})) == "from 2017"


def test_force_sizes_chart_keeps_each_claim(sizes: pd.DataFrame):
    spec = l02.force_sizes(sizes).to_dict()
    assert spec["title"] == "Reported sizes of CSTO forces, each claim shown separately"
    lines, points = _layers(spec)
    assert _mark(lines) == "line" and _mark(points) == "point"
    assert points["encoding"]["shape"]["field"] == "claim"
    assert points["encoding"]["x"]["field"] == "date"
    assert points["encoding"]["y"]["field"] == "value"
    assert points["encoding"]["color"]["field"] == "force"
    text = spec["description"]
    assert f"Scatter plot of {len(sizes)} reported force sizes" in text
    for force, rows in sizes.groupby("force"):
        main = rows[rows["claim"] != "alternative"]["value"]
        assert f"{force}: {len(rows)} reports" in text
        if main.min() < main.max():
            assert f"{main.min():,} to {main.max():,}" in text
    for _, row in sizes[sizes["claim"] == "alternative"].iterrows():
        assert f"alternative claim of {row['value']:,}" in text


def test_force_sizes_description_follows_the_data(sizes: pd.DataFrame):
    changed = sizes.copy()
    changed.loc[changed["claim"] == "alternative", "value"] = 1234
    text = l02.force_sizes(changed).to_dict()["description"]
    assert "alternative claim of 1,234" in text
