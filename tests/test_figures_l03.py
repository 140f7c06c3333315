"""Lesson 3's figures: the right marks and encodings, and descriptions that quote the data."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import cstolab
from cstolab.exercise_bank import lesson03_answers as lesson03
from cstolab.figures import l03

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "03_the_january_crisis.ipynb"
GROUPS = {
    "price_change": "Price and protest",
    "protest": "Price and protest",
    "violence": "Violence",
    "state_decision": "Kazakh state",
    "personnel_change": "Kazakh state",
    "statement": "Kazakh state",
    "communications_blackout": "Kazakh state",
    "legal_proceeding": "Kazakh state",
    "csto_decision": "CSTO",
    "deployment": "CSTO",
    "withdrawal": "CSTO",
    "casualty_report": "Reported figures",
    "detention_report": "Reported figures",
    "human_rights_finding": "Reported figures",
}


@pytest.fixture(scope="module")
def locations() -> pd.DataFrame:
    return cstolab.load("locations")


@pytest.fixture(scope="module")
def jan() -> pd.DataFrame:
    crisis = cstolab.load("crisis_2022")
    rows = crisis[crisis["date"].between("2022-01-01", "2022-01-20")].copy()
    rows["group"] = rows["event_type"].astype(str).map(GROUPS)
    rows["type"] = rows["event_type"].astype(str).str.replace("_", " ")
    return rows


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    k = lesson03.claims_with_scope()
    k["qualifier"] = k["value_qualifier"].astype(str).str.replace("_", " ")
    return k


def per_place_of(jan: pd.DataFrame, locations: pd.DataFrame) -> pd.DataFrame:
    placed = jan.merge(locations, on="place_id", how="inner")
    placed = placed[placed["country"] == "Kazakhstan"]
    return (
        placed.groupby(["place_id", "name", "place_type", "lat", "lon"], as_index=False)
        .agg(
            events=("event_id", "count"),
            types=("type", lambda s: ", ".join(sorted(set(s)))),
            first=("date", "min"),
            last=("date", "max"),
        )
        .sort_values("events", ascending=False)
    )


def test_timeline_encodes_dates_and_groups_and_quotes_the_data(jan, locations):
    spec = l03.timeline(jan, locations).to_dict()
    assert spec["mark"]["type"] == "circle"
    assert spec["encoding"]["x"]["field"] == "date"
    assert spec["encoding"]["y"]["field"] == "group"
    assert spec["encoding"]["color"]["field"] == "group"
    state = jan[jan["group"] == "Kazakh state"].groupby("date").size()
    text = spec["description"]
    assert f"state decisions peak on {state.idxmax():%-d %B} ({state.max()} rows)" in text
    last_out = jan.loc[jan["event_type"] == "withdrawal", "date"].max()
    assert f"to {last_out:%-d %B}; reported figures" in text
    assert text.count("Protest events cluster on") == 1
    assert "2022" in spec["title"]


def test_timeline_description_follows_the_data(jan, locations):
    shorter = jan[jan["date"] <= "2022-01-12"]
    text = l03.timeline(shorter, locations).to_dict()["description"]
    assert "from 1 to 12 January 2022" in text


def test_claims_chart_facets_measures_and_quotes_first_and_last(claims):
    spec = l03.claims(claims).to_dict()
    assert spec["facet"]["column"]["field"] == "measure"
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks == ["line", "point"]
    dots = spec["spec"]["layer"][1]["encoding"]
    assert dots["shape"]["field"] == "qualifier" and dots["color"]["field"] == "scope"
    everyone = claims[(claims["scope"] == "all people") & (claims["measure"] == "killed")]
    everyone = everyone.sort_values(["reported_on", "value"])
    text = spec["description"]
    assert f"go from {everyone['value'].iloc[0]:,}" in text
    assert f"with a highest of {everyone['value'].max():,}" in text
    assert (
        f"to {everyone['value'].iloc[-1]:,} ({everyone['reported_on'].iloc[-1]:%-d %B %Y})" in text
    )
    assert f"{len(claims)} points" in text


def test_claims_chart_without_custody_row_says_nothing_of_custody(claims):
    text = l03.claims(claims[claims["event_id"] != lesson03.CUSTODY]).to_dict()["description"]
    assert "custody" not in text.split("minimum.")[-1]


def test_event_map_sizes_places_and_counts_events(jan, locations):
    per_place = per_place_of(jan, locations)
    spec = l03.event_map(per_place, jan).to_dict()
    circles = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "circle"]
    assert circles and circles[0]["encoding"]["size"]["field"] == "events"
    text = spec["description"]
    assert f"each of the {len(per_place)} places" in text
    assert f"({int(per_place['events'].sum())} in all)" in text
    top = per_place.iloc[0]
    assert f"{top['name']} in the" in text and f"({top['events']} events)" in text
    assert "where the protests began" in text


def test_part_of_country(locations):
    places = locations.set_index("place_id")
    assert l03.part_of_country(places.loc["almaty"]) == "south-east"
    assert l03.part_of_country(places.loc["nur_sultan"]) == "north"
    assert l03.part_of_country(places.loc["zhanaozen"]) == "south-west"


def test_lesson_uses_the_scope_labels_of_the_exercise_bank():
    nb = nbformat.read(LESSON, 4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("SCOPE = {"))
    tree = ast.parse(cell.source)
    assign = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "SCOPE")
    assert ast.literal_eval(assign.value) == lesson03.SCOPE


def test_lesson_groups_cover_every_event_type():
    nb = nbformat.read(LESSON, 4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("GROUPS = {"))
    tree = ast.parse(cell.source)
    assign = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "GROUPS")
    groups = ast.literal_eval(assign.value)
    types = set(cstolab.load("crisis_2022")["event_type"].cat.categories)
    assert types <= set(groups), (
        f"event types without a timeline group: {sorted(types - set(groups))}"
    )
    assert set(groups.values()) == set(l03.GROUP_ORDER)


def test_scope_labels_keep_security_force_counts_apart(claims):
    """A security-force-only death count left unlabelled would pass as a count of all deaths."""
    killed = claims[claims["measure"] == "killed"]
    everyone = killed.loc[killed["scope"] == "all people", "value"]
    forces = killed.loc[killed["scope"] == "security forces", "value"]
    assert everyone.min() > forces.max(), killed[["event_id", "value", "scope"]]
