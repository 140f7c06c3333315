"""Lesson 11's figures: each returns a titled, described chart whose description quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.exercise_bank import lesson11
from cstolab.figures import l11


@pytest.fixture(scope="module")
def framing() -> pd.DataFrame:
    s = cstolab.load("statements")
    frames = [x for x in s["stance"].cat.categories if x.endswith("_frame")]
    keep = (s["country"] == "Kazakhstan") & (s["actor_type"] == "state") & (s["topic"] == "framing")
    return s[keep & s["stance"].isin(frames)]


def test_narrative_is_a_dot_chart_with_first_use_of_each_frame(framing: pd.DataFrame):
    spec = l11.narrative(framing).to_dict()
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["x"]["field"] == "day"
    assert spec["encoding"]["y"]["field"] == "frame"
    assert spec["title"]
    text = spec["description"]
    assert f"{len(framing)} framing statements" in text
    first = framing.sort_values("date").iloc[0]
    assert f"first on {first['date']:%-d %B %Y}" in text
    latest = framing.sort_values("date").iloc[-1]
    assert f"({latest['date']:%B %Y})" in text


def test_narrative_description_follows_the_data(framing: pd.DataFrame):
    fewer = framing[framing["date"] <= "2022-01-07"]
    text = l11.narrative(fewer).to_dict()["description"]
    assert f"{len(fewer)} framing statements" in text and "terrorism'" not in text


def test_voices_facets_deaths_and_detentions_by_voice():
    counts = lesson11.counts()
    spec = l11.voices(counts).to_dict()
    assert spec["facet"]["column"]["field"] == "measure"
    inner = spec["spec"]
    assert inner["mark"]["type"] == "point"
    assert inner["encoding"]["color"]["field"] == "voice"
    assert inner["encoding"]["y"]["scale"]["type"] == "log"
    text = spec["description"]
    state = counts[(counts["measure"] == "killed") & (counts["voice"] == "Kazakh state")]
    assert f"Deaths: {len(state)} from Kazakh state" in text
    assert f"{int(state['value'].max()):,}" in text
    others = counts[(counts["measure"] == "detained") & (counts["voice"] != "Kazakh state")]
    assert f"{int(others['value'].max()):,})" in text


def test_reactions_stack_positions_per_group():
    said = lesson11.abroad()
    spec = l11.reactions(said).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["field"] == "group"
    assert spec["encoding"]["color"]["field"] == "position"
    text = spec["description"]
    assert f"{len(said)} statements" in text
    russia = (said["group"] == "Russia").sum()
    assert f"Russia, {russia}:" in text
    assert l11.CRITICAL in text
