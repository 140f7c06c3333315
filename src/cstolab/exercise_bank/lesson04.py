"""Lesson 4: the operation. Answers are computed from the contingents and crisis_2022 datasets."""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _national_troop_claims() -> pd.DataFrame:
    c = load("contingents")
    keep = (c["scope"] == "national") & (c["measure"] == "troops") & c["value"].notna()
    out = c.loc[keep, ["country", "value"]].copy()
    out["country"] = out["country"].astype(str)
    out["value"] = out["value"].astype(int)
    return out


def _claims_range() -> pd.DataFrame:
    claims = _national_troop_claims()
    return claims.groupby("country")["value"].agg(["min", "max"]).reset_index()


def _disputed_countries() -> list[str]:
    r = _claims_range()
    return r.loc[r["max"] > r["min"], "country"].tolist()


def _operation_days() -> int:
    e = load("crisis_2022")
    start = e.loc[e["event_type"] == "csto_decision", "date"].min()
    jan = e[(e["date"] >= "2022-01-01") & (e["date"] <= "2022-01-31")]
    end = jan.loc[jan["event_type"] == "withdrawal", "date"].max()
    return int((end - start).days)


register(
    Exercise(
        id="l04-claims-range",
        kind="frame",
        prompt="For every contributing state, the smallest and largest number of troops claimed for its contingent.",
        hint=(
            "keep rows of contingents with scope == 'national', measure == 'troops' and a value, then "
            "groupby('country')['value'].agg(['min', 'max']).reset_index()."
        ),
        expected=_claims_range,
        extra={"sort_by": ["country"]},
    ),
    Exercise(
        id="l04-disputed",
        kind="names",
        prompt="For which contributing states do the published troop figures disagree (largest claim above smallest)?",
        hint="compare the min and max columns of your per-country table; keep countries where max > min.",
        expected=_disputed_countries,
    ),
    Exercise(
        id="l04-operation-days",
        kind="number",
        prompt=(
            "How many days passed between the Collective Security Council's decision and the last "
            "withdrawal event of January 2022?"
        ),
        hint=(
            "in crisis_2022 take the date of the 'csto_decision' event that came first and the latest "
            "'withdrawal' event in January 2022, and subtract: (end - start).days."
        ),
        expected=_operation_days,
    ),
)
