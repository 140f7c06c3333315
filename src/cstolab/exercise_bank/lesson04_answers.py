"""Lesson 4: the operation. Answers are computed from the contingents and crisis_2022 datasets.

The declared mistakes are computed from the same data: counting the claims about the whole force
with the national ones, reading "about" / "at least" figures as exact counts, taking the first
claim instead of the latest, starting the clock on the wrong day, losing or keeping a contingent
in a join.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson04`.
"""

from __future__ import annotations

import pandas as pd

from cstolab.claims import summarise_claims
from cstolab.data import load

REQUEST = "kz-2022-01-05-tokayev-csto-request"
OFFICIALS = ("csto_official", "national_official")
CONTINGENT_WORDS = (
    ("Russia", "Russian"),
    ("Belarus", "Belarusian"),
    ("Armenia", "Armenian"),
    ("Kyrgyzstan", "Kyrgyz"),
    ("Tajikistan", "Tajik"),
)


# --- troop claims --------------------------------------------------------------------------


def _troop_claims(scopes: tuple[str, ...] = ("national",), measures=("troops",)) -> pd.DataFrame:
    c = load("contingents")
    keep = c["scope"].isin(scopes) & c["measure"].isin(measures) & c["value"].notna()
    out = c.loc[keep].copy()
    out["country"] = out["country"].astype(str)
    out["value"] = out["value"].astype(int)
    return out


def _range(claims: pd.DataFrame) -> pd.DataFrame:
    return claims.groupby("country")["value"].agg(["min", "max"]).reset_index()


def claims_range() -> pd.DataFrame:
    return _range(_troop_claims())


def claims_range_with_total() -> pd.DataFrame:
    return _range(_troop_claims(scopes=("national", "total")))


def claims_range_all_measures() -> pd.DataFrame:
    return _range(_troop_claims(measures=("troops", "vehicles")))


def _disputed(r: pd.DataFrame) -> list[str]:
    return r.loc[r["max"] > r["min"], "country"].tolist()


def disputed_countries() -> list[str]:
    return _disputed(claims_range())


def disputed_with_total() -> list[str]:
    return _disputed(claims_range_with_total())


def countries_with_several_claims() -> list[str]:
    n = _troop_claims().groupby("country").size()
    return n[n > 1].index.tolist()


def smallest_exact_total() -> int:
    t = _troop_claims(scopes=("total",))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def smallest_total_any_qualifier() -> int:
    return int(_troop_claims(scopes=("total",))["value"].min())


def smallest_exact_any_scope() -> int:
    t = _troop_claims(scopes=("national", "total"))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def smallest_exact_total_any_measure() -> int:
    t = _troop_claims(scopes=("total",), measures=("troops", "vehicles"))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def _pick(claims: pd.DataFrame, latest: bool = True) -> pd.DataFrame:
    """The latest (or first) claim per country; ties on the date go to the largest value."""
    ordered = claims.sort_values(["claim_date", "value"], kind="mergesort")
    if latest:
        rows = ordered.groupby("country").tail(1)
    else:
        ordered = claims.sort_values(
            ["claim_date", "value"], ascending=[True, False], kind="mergesort"
        )
        rows = ordered.groupby("country").head(1)
    return rows[["country", "value", "claim_date"]].reset_index(drop=True)


def latest_claim() -> pd.DataFrame:
    return _pick(_troop_claims())


def first_claim() -> pd.DataFrame:
    return _pick(_troop_claims(), latest=False)


def latest_claim_with_total() -> pd.DataFrame:
    return _pick(_troop_claims(scopes=("national", "total")))


def ranked_claim() -> pd.DataFrame:
    s = summarise_claims(load("contingents").query("scope == 'national'"))
    out = s[["best_value", "best_claim_date"]].reset_index()
    out.columns = ["country", "value", "claim_date"]
    return out


def _largest_official_total(since: str | None = "2022-01-10") -> int:
    t = _troop_claims(scopes=("total",))
    t = t[t["claimant_type"].isin(OFFICIALS)]
    if since is not None:
        t = t[t["claim_date"] >= since]
    return int(t["value"].max())


def sum_latest_minus_total() -> int:
    return int(latest_claim()["value"].sum()) - _largest_official_total()


def sum_all_claims_minus_total() -> int:
    return int(_troop_claims()["value"].sum()) - _largest_official_total()


def sum_latest_minus_early_total() -> int:
    return int(latest_claim()["value"].sum()) - _largest_official_total(since=None)


def sum_latest_with_total_minus_total() -> int:
    return int(latest_claim_with_total()["value"].sum()) - _largest_official_total()


# --- dates ---------------------------------------------------------------------------------


def _january_events() -> pd.DataFrame:
    e = load("crisis_2022")
    e = e[(e["date"] >= "2022-01-01") & (e["date"] <= "2022-01-31")].copy()
    e["event_type"] = e["event_type"].astype(str)
    return e


def _decision_day() -> pd.Timestamp:
    e = _january_events()
    return e.loc[e["event_type"] == "csto_decision", "date"].min()


def operation_days() -> int:
    e = _january_events()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - _decision_day()).days)


def days_from_request() -> int:
    e = _january_events()
    start = e.loc[e["event_id"] == REQUEST, "date"].min()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - start).days)


def days_to_first_withdrawal() -> int:
    e = _january_events()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].min() - _decision_day()).days)


def days_from_later_session() -> int:
    e = _january_events()
    start = e.loc[e["event_type"] == "csto_decision", "date"].max()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - start).days)


def contingent_of(actor: object) -> str | None:
    """The contributing state an event's actor belongs to ('Russian contingent' -> 'Russia')."""
    for name, word in CONTINGENT_WORDS:
        if word in str(actor):
            return name
    return None


def _moves() -> pd.DataFrame:
    e = _january_events()
    moves = e[e["event_type"].isin(["deployment", "withdrawal"])].copy()
    moves["contingent"] = moves["actor"].map(contingent_of)
    return moves.dropna(subset=["contingent"])


def _departures() -> pd.DataFrame:
    c = load("contingents")
    c = c[c["scope"] == "national"].astype({"country": str})
    out = c.groupby("country", as_index=False)["departure_date"].max()
    return out.rename(columns={"country": "contingent"})


def _stay(how: str = "inner", end: str = "stated", start: str = "own", extra: int = 0):
    moves = _moves()
    deployed = moves[moves["event_type"] == "deployment"]
    first = deployed.groupby("contingent", as_index=False)["date"].min()
    if start == "decision":
        first["date"] = _decision_day()
    if how == "left":  # every contingent that appears in moves, deployed or not
        first = pd.DataFrame({"contingent": sorted(moves["contingent"].unique())}).merge(
            first, on="contingent", how="left"
        )
    table = first.merge(_departures(), on="contingent", how="inner")
    if end == "first_departure":
        left = moves[moves["event_type"] == "withdrawal"].groupby("contingent")["date"].min()
        table["departure_date"] = table["contingent"].map(left)
    table["days"] = (table["departure_date"] - table["date"]).dt.days + extra
    return table[["contingent", "days"]].reset_index(drop=True)


def days_in_country() -> pd.DataFrame:
    return _stay()


def days_left_join() -> pd.DataFrame:
    return _stay(how="left")


def days_to_first_departure() -> pd.DataFrame:
    return _stay(end="first_departure")


def days_inclusive() -> pd.DataFrame:
    return _stay(extra=1)


def days_from_decision() -> pd.DataFrame:
    return _stay(start="decision")


# --- the chart -----------------------------------------------------------------------------


def claims_chart() -> dict[str, str]:
    return {"mark": "point", "x": "value", "y": "country", "color": "claimant_type"}


def claims_bars() -> dict[str, str]:
    return {**claims_chart(), "mark": "bar"}


def claims_swapped() -> dict[str, str]:
    return {**claims_chart(), "x": "country", "y": "value"}


def claims_by_outlet() -> dict[str, str]:
    return {**claims_chart(), "color": "claimed_by"}
