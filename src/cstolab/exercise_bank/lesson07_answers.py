"""Lesson 7: military significance. Answers are computed from contingents, exercises and indicators.

The declared mistakes are computed from the same data: counting the alternative claims about an
exercise as further exercises, reading an upper bound ('up to') as a lower one, treating agreeing
claims as a dispute, adding every claim about a contingent, dividing by the wrong total, and
comparing the CSTO force with NATO figures of another year or with a media claim.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson07`.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import load

OFFICIALS = ("csto_official", "national_official")
#: The Collective Security Council's decision to send the force (6 January 2022).
DECISION = "2022-01-06"

# --- exercises data ------------------------------------------------------------------------


def _exercises() -> pd.DataFrame:
    e = load("exercises")
    return e.astype({"series": str, "status": str, "troops_qualifier": str})


def _held(preferred: bool = True) -> pd.DataFrame:
    e = _exercises()
    keep = e["status"] == "held"
    if preferred:
        keep &= e["preferred"]
    return e[keep]


def n_held() -> int:
    return len(_held())


def n_held_rows() -> int:
    return len(_held(preferred=False))


def n_preferred_any_status() -> int:
    return int(_exercises()["preferred"].sum())


def n_lower_bounds() -> int:
    return int((_held()["troops_qualifier"] == "more_than").sum())


def n_lower_bounds_all_rows() -> int:
    return int((_held(preferred=False)["troops_qualifier"] == "more_than").sum())


def n_lower_and_upper_bounds() -> int:
    return int(_held()["troops_qualifier"].isin(["more_than", "up_to"]).sum())


def disputed_sizes() -> list[str]:
    e = _exercises()
    sizes = e[e["troops"].notna()].groupby("exercise_id")["troops"].nunique()
    return sorted(sizes[sizes > 1].index)


def several_claims() -> list[str]:
    n = _exercises().groupby("exercise_id").size()
    return sorted(n[n > 1].index)


def several_sizes() -> list[str]:
    e = _exercises()
    n = e[e["troops"].notna()].groupby("exercise_id").size()
    return sorted(n[n > 1].index)


def _top(rows: pd.DataFrame) -> pd.DataFrame:
    """Stand-alone and umbrella exercises: drop components of an umbrella that is in the data."""
    return rows[~rows["part_of"].isin(set(_held()["exercise_id"]))]


def troops_2021() -> int:
    top = _top(_held())
    return int(top.loc[top["year"] == 2021, "troops"].sum())


def troops_2021_all_claims() -> int:
    top = _top(_held(preferred=False))
    return int(top.loc[top["year"] == 2021, "troops"].sum())


def troops_2021_largest_claim() -> int:
    top = _top(_held(preferred=False))
    year = top[top["year"] == 2021]
    return int(year.groupby("exercise_id")["troops"].max().sum())


# --- contingents data ----------------------------------------------------------------------


def _claims(measures: tuple[str, ...] = ("troops",)) -> pd.DataFrame:
    c = load("contingents")
    c = c[c["measure"].isin(measures) & c["value"].notna()].copy()
    c["country"] = c["country"].astype(str)
    c["value"] = c["value"].astype(int)
    return c


def _others(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[(claims["scope"] == "national") & (claims["country"] != "Russia")]


def _share(total: int, others: int) -> float:
    return float((total - others) / total * 100)


def _others_high(claims: pd.DataFrame) -> int:
    return int(_others(claims).groupby("country")["value"].max().sum())


def _others_low(claims: pd.DataFrame) -> int:
    return int(_others(claims).groupby("country")["value"].min().sum())


def _totals(claims: pd.DataFrame) -> pd.Series:
    return claims.loc[claims["scope"] == "total", "value"]


def russia_share_low() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), _others_high(t))


def share_every_claim_added() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), int(_others(t)["value"].sum()))


def share_largest_total() -> float:
    t = _claims()
    return _share(int(_totals(t).max()), _others_high(t))


def share_smallest_others() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), _others_low(t))


def share_with_vehicles() -> float:
    t = _claims(measures=("troops", "vehicles"))
    return _share(int(_totals(t).min()), _others_high(t))


# --- NATO comparison -----------------------------------------------------------------------


def _vjtf_sizes() -> pd.DataFrame:
    i = load("indicators")
    i = i[(i["subject"].astype(str) == "NATO VJTF") & (i["indicator"] == "force_size")]
    return i.sort_values("ref_date", kind="mergesort")


def _official_total(officials_only: bool = True) -> int:
    t = _claims()
    t = t[t["scope"] == "total"]
    if officials_only:
        t = t[t["claimant_type"].isin(OFFICIALS)]
    return int(t["value"].max())


def _vjtf_before() -> float:
    v = _vjtf_sizes()
    return float(v.loc[v["ref_date"] < DECISION, "value"].iloc[-1])


def vjtf_ratio() -> float:
    return _vjtf_before() / _official_total()


def vjtf_ratio_media_claim() -> float:
    return _vjtf_before() / _official_total(officials_only=False)


def vjtf_ratio_after() -> float:
    v = _vjtf_sizes()
    later = v[v["ref_date"] > DECISION]
    return float(later.loc[later["qualifier"] == "approx", "value"].iloc[0]) / _official_total()


def vjtf_ratio_largest() -> float:
    return float(_vjtf_sizes()["value"].max()) / _official_total()


def vjtf_ratio_first() -> float:
    return float(_vjtf_sizes()["value"].iloc[0]) / _official_total()


# --- the chart -----------------------------------------------------------------------------


def series_chart() -> dict[str, str]:
    return {"mark": "bar", "x": "year", "y": "exercises", "color": "series"}


def series_line() -> dict[str, str]:
    return {**series_chart(), "mark": "line"}


def series_swapped() -> dict[str, str]:
    return {**series_chart(), "x": "exercises", "y": "year"}


def series_by_host() -> dict[str, str]:
    return {**series_chart(), "color": "host_country"}
