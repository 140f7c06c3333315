"""Lesson 6's figures: the right marks and encodings, and descriptions computed from the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab import figures

l06 = figures.l06


@pytest.fixture(scope="module")
def crisis() -> pd.DataFrame:
    return cstolab.load("crisis_2022")


@pytest.fixture(scope="module")
def track(crisis: pd.DataFrame) -> pd.DataFrame:
    personnel = crisis[crisis["event_type"] == "personnel_change"]
    massimov = crisis[
        crisis["event_id"].str.contains("massimov") & (crisis["event_type"] != "personnel_change")
    ]
    operation = crisis[
        crisis["event_type"].isin(["csto_decision", "deployment", "withdrawal"])
        | (crisis["event_id"] == l06.REQUEST_ID)
    ]
    return pd.concat(
        [
            personnel.assign(track=l06.TRACKS[1]),
            massimov.assign(track=l06.TRACKS[2]),
            operation.assign(track=l06.TRACKS[0]),
        ]
    )[["track", "date", "event_id", "event_type", "description", "source_id"]]


@pytest.fixture(scope="module")
def positions() -> pd.DataFrame:
    debate = l06.debate_coding().merge(cstolab.load("statements"), on="statement_id", how="left")
    debate["holder"] = (
        debate["actor"].str.split(",").str[0].str.replace(r"\s*\(.*\)$", "", regex=True)
    )
    return (
        debate.groupby(["question", "position"], sort=False)
        .agg(holders=("holder", "nunique"), names=("holder", "; ".join))
        .reset_index()
    )


def test_sequence_chart_has_band_and_points_and_counts_from_the_data(track, crisis):
    spec = l06.sequence(track).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rect", "point"]
    assert spec["layer"][1]["encoding"]["x"]["field"] == "date"
    assert spec["layer"][1]["encoding"]["y"]["field"] == "track"
    n_personnel = int((crisis["event_type"] == "personnel_change").sum())
    last_out = crisis.loc[crisis["event_type"] == "withdrawal", "date"].max()
    assert f"Of the {n_personnel} personnel changes" in spec["description"]
    assert f"to {last_out:%-d %B}" in spec["description"]
    assert "January 2022" in spec["title"]


def test_sequence_description_follows_the_data(track):
    fewer = track[
        ~((track["track"] == l06.TRACKS[1]) & (track["date"] == pd.Timestamp("2022-01-05")))
    ]
    # dropping the personnel changes of the request day changes the sentence
    assert "0 fall on 5 January" in l06.sequence(fewer).to_dict()["description"]


def test_matrix_chart_encodes_evidence_and_counts_inference():
    m = l06.interpretation_matrix()
    spec = l06.matrix(m).to_dict()
    assert spec["mark"]["type"] == "square"
    assert spec["encoding"]["x"]["field"] == "evidence_kind"
    assert spec["encoding"]["y"]["field"] == "aim"
    n_inference = int((m["evidence_kind"] == "analyst inference").sum())
    assert f"Matrix with {len(m)} aims" in spec["description"]
    assert f"the other {n_inference} rest on analysts' inference" in spec["description"]
    assert set(m["evidence_kind"]) <= set(l06.EVIDENCE_KINDS)


def test_debate_coding_points_at_scholar_rows_with_two_positions_per_question():
    coding = l06.debate_coding()
    statements = cstolab.load("statements").set_index("statement_id")
    assert coding["statement_id"].is_unique
    assert set(coding["statement_id"]) <= set(statements.index), (
        "coding names a row that does not exist"
    )
    assert set(statements.loc[coding["statement_id"], "actor_type"].astype(str)) == {
        "scholar_analyst"
    }
    assert list(coding["question"].unique()) == list(l06.QUESTIONS)
    assert (coding.groupby("question")["position"].nunique() >= 2).all()


def test_debate_chart_is_a_bar_per_position_with_computed_description(positions):
    spec = l06.debate(positions).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "holders"
    assert spec["encoding"]["y"]["field"] == "position"
    assert spec["encoding"]["color"]["field"] == "question_text"
    desc = spec["description"]
    top = positions.sort_values("holders", ascending=False, kind="mergesort").iloc[0]
    assert f"{len(positions)} positions on 4 questions" in desc
    assert (
        f"{int((positions['holders'] > 1).sum())} positions rest on more than one analyst" in desc
    )
    assert f"'{top['position']}' ({int(top['holders'])} holders)" in desc
    fewer = positions[positions["question"] != "ukraine"]
    assert "on 3 questions" in l06.debate(fewer).to_dict()["description"]
