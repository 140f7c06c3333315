"""Tests for cstolab.claims.summarise_claims on a small hand-made table."""

import datetime as dt

import pandas as pd
import pytest

from cstolab.claims import summarise_claims


@pytest.fixture
def claims() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": ["a1", "a2", "a3", "b1", "b2", "b3", "b4", "t1", "t2", "v1"],
            "country": [
                "Armenia",
                "Armenia",
                "Armenia",
                "Belarus",
                "Belarus",
                "Belarus",
                "Belarus",
                "CSTO total",
                "CSTO total",
                "Kyrgyzstan",
            ],
            "scope": ["national"] * 7 + ["total", "total", "national"],
            "measure": ["troops"] * 9 + ["vehicles"],
            "value": [100, 70, 100, 500, None, 450, 520, 2500, 2030, 19],
            "source_id": [
                "mod",
                "apostrophe",
                "dyner",
                "dyner",
                "belsat",
                "x",
                "y",
                "sputnik",
                "kazinform",
                "tass",
            ],
            "claimant_type": [
                "national_official",
                "media",
                "analyst",
                "analyst",
                "national_official",
                "media",
                "media",
                "csto_official",
                "national_official",
                "national_official",
            ],
            "claim_date": [
                "2022-01-07",
                "2022-01-06",
                "2022-01-19",
                "2022-01-19",
                "2022-01-06",
                "2022-01-06",
                "2022-01-08",
                "2022-01-06",
                "2022-01-13",
                "2022-01-07",
            ],
            "claimed_by": [
                "Armenian MoD",
                "Apostrophe",
                "Dyner",
                "Dyner",
                "Khrenin",
                "X",
                "Y",
                "Zas",
                "Kazakh MoD",
                "Kyrgyz parliament",
            ],
        }
    )


def test_basic_statistics(claims: pd.DataFrame) -> None:
    out = summarise_claims(claims)
    assert list(out.index) == ["Armenia", "Belarus", "CSTO total"]
    arm = out.loc["Armenia"]
    assert (arm["min"], arm["max"], arm["spread"]) == (70, 100, 30)
    assert arm["n_claims"] == 3
    assert arm["n_sources"] == 3
    assert arm["best_value"] == 100
    assert arm["best_claimant_type"] == "national_official"
    assert arm["best_claimed_by"] == "Armenian MoD"
    assert arm["best_claim_date"] == dt.date(2022, 1, 7)


def test_missing_values_are_ignored(claims: pd.DataFrame) -> None:
    # the national_official Belarus row has no value, so it cannot be the best claim
    bel = summarise_claims(claims).loc["Belarus"]
    assert bel["n_claims"] == 3
    assert (bel["min"], bel["max"]) == (450, 520)
    assert bel["best_claimant_type"] == "analyst"
    assert bel["best_value"] == 500


def test_authority_beats_recency(claims: pd.DataFrame) -> None:
    total = summarise_claims(claims).loc["CSTO total"]
    # csto_official (6 Jan) outranks a later national_official claim (13 Jan)
    assert total["best_value"] == 2500
    assert total["best_claimed_by"] == "Zas"


def test_tie_broken_by_latest_claim_date() -> None:
    df = pd.DataFrame(
        {
            "country": ["Russia"] * 3,
            "measure": ["troops"] * 3,
            "value": [3000, 2000, 2500],
            "source_id": ["s1", "s2", "s2"],
            "claimant_type": ["media", "media", "media"],
            "claim_date": ["2022-01-06", "2022-01-10", "2022-01-07"],
            "claimed_by": ["A", "B", "C"],
        }
    )
    out = summarise_claims(df).loc["Russia"]
    assert out["best_value"] == 2000
    assert out["best_claimed_by"] == "B"
    assert out["n_sources"] == 2
    assert out["n_claims"] == 3


def test_full_tie_keeps_first_row() -> None:
    df = pd.DataFrame(
        {
            "country": ["Tajikistan", "Tajikistan"],
            "measure": ["troops", "troops"],
            "value": [200, 210],
            "source_id": ["s1", "s2"],
            "claimant_type": ["analyst", "analyst"],
            "claim_date": ["2022-01-06", "2022-01-06"],
            "claimed_by": ["first", "second"],
        }
    )
    assert summarise_claims(df).loc["Tajikistan", "best_claimed_by"] == "first"


def test_other_measure_and_grouping(claims: pd.DataFrame) -> None:
    out = summarise_claims(claims, by="scope", measure="vehicles")
    assert list(out.index) == ["national"]
    assert out.loc["national", "best_value"] == 19
    by_scope = summarise_claims(claims, by="scope")
    assert by_scope.loc["total", "max"] == 2500


def test_categorical_columns(claims: pd.DataFrame) -> None:
    cat = claims.astype({"country": "category", "measure": "category", "claimant_type": "category"})
    out = summarise_claims(cat)
    assert out.loc["Armenia", "best_value"] == 100


def test_unknown_by_column_raises(claims: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"by='nation'.*accepted"):
        summarise_claims(claims, by="nation")


def test_unknown_measure_raises(claims: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"measure='aircraft'.*accepted.*troops"):
        summarise_claims(claims, measure="aircraft")


def test_missing_required_column_raises(claims: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="claimant_type"):
        summarise_claims(claims.drop(columns=["claimant_type"]))


def test_non_dataframe_raises() -> None:
    with pytest.raises(ValueError, match="DataFrame"):
        summarise_claims([1, 2, 3])  # type: ignore[arg-type]
