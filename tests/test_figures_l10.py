"""Lesson 10's presentation charts: right marks and encodings, descriptions that quote the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab import figures
from cstolab.figures import l10


@pytest.fixture(scope="module")
def legal() -> pd.DataFrame:
    provisions = cstolab.load("provisions")
    return provisions[provisions["kind"].isin(l10.LEGAL_KINDS)]


@pytest.fixture(scope="module")
def legality() -> pd.DataFrame:
    statements = cstolab.load("statements")
    return statements[statements["topic"] == "legality"]


def test_wording_labels_cover_true_false_and_missing():
    assert l10.wording_label(True) == l10.WORDING_ORDER[0]
    assert l10.wording_label(False) == l10.WORDING_ORDER[1]
    assert l10.wording_label(pd.NA) == l10.WORDING_ORDER[2]


def test_wording_chart_encodes_date_document_and_wording(legal):
    spec = figures.l10.wording(legal).to_dict()
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["x"]["field"] == "adopted"
    assert spec["encoding"]["y"]["field"] == "document"
    assert spec["encoding"]["color"]["field"] == "wording"
    assert spec["title"]


def test_wording_description_names_the_texts_and_their_years(legal):
    text = figures.l10.wording(legal).to_dict()["description"]
    assert f"{len(legal)} legal texts" in text
    assert f"from {legal['adopted'].min():%Y} to {legal['adopted'].max():%Y}" in text
    outside = legal[legal["requires_external_attack"].fillna(False).astype(bool)]
    assert len(outside) >= 1
    for _, row in outside.iterrows():
        assert str(row["document"]) in text


def test_wording_description_follows_the_data(legal):
    changed = legal.copy()
    changed["requires_external_attack"] = pd.array([pd.NA] * len(changed), dtype="boolean")
    text = figures.l10.wording(changed).to_dict()["description"]
    assert l10.WORDING_ORDER[0] not in text and l10.WORDING_ORDER[2] in text


def test_stances_chart_is_a_heat_map_with_counts(legality):
    spec = figures.l10.stances(legality).to_dict()
    marks = [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in spec["layer"]
    ]
    assert marks == ["rect", "text"]
    assert spec["layer"][0]["encoding"]["x"]["field"] == "stance"
    assert spec["layer"][0]["encoding"]["y"]["field"] == "actor_type"
    assert spec["layer"][0]["encoding"]["color"]["field"] == "statements"
    assert spec["title"]


def test_stances_description_counts_every_actor_type(legality):
    text = figures.l10.stances(legality).to_dict()["description"]
    assert f"{len(legality)} statements on legality" in text
    for actor, n in legality["actor_type"].astype(str).value_counts().items():
        assert f"{l10.actor_words(actor)} {n} (" in text
