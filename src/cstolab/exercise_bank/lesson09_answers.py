"""Lesson 9: weighing sources. Answers are computed from the contingents and crisis_2022 datasets
and, for the audit exercises, from the grades in the bibliography (:mod:`cstolab.sources`), so
that they follow the data and the grades when either is edited.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson09`.
"""

import pandas as pd

from cstolab.claims import summarise_claims
from cstolab.data import load

PARTIAL = "security|liquidated"  # event_ids of counts of security forces only or of attackers


# --- l09-troop-ranges --------------------------------------------------------------------------


def _ranges(claims: pd.DataFrame, measure: str = "troops") -> pd.DataFrame:
    return summarise_claims(claims, measure=measure)[["min", "max", "n_sources"]].reset_index()


def troop_ranges() -> pd.DataFrame:
    return _ranges(load("contingents"))


def ranges_without_total() -> pd.DataFrame:
    table = troop_ranges()
    return table[table["country"] != "CSTO total"]


def vehicle_ranges() -> pd.DataFrame:
    return _ranges(load("contingents"), measure="vehicles")


# --- l09-latest-death-toll, l09-tolls-after-withdrawal -----------------------------------------


def _killed() -> pd.DataFrame:
    c = load("crisis_2022")
    return c[
        (c["event_type"] == "casualty_report") & (c["value_unit"] == "killed") & c["value"].notna()
    ]


def _deaths() -> pd.DataFrame:
    killed = _killed()
    return killed[~killed["event_id"].str.contains(PARTIAL)].sort_values("reported_on")


def latest_death_toll() -> int:
    return int(_deaths()["value"].iloc[-1])


def highest_death_toll() -> int:
    return int(_deaths()["value"].max())


def first_death_toll() -> int:
    return int(_deaths()["value"].iloc[0])


def _departures() -> pd.Series:
    return load("contingents")["departure_date"].dropna()


def _tolls_after(day: pd.Timestamp) -> int:
    return int((_deaths()["reported_on"] > day).sum())


def tolls_after_withdrawal() -> int:
    return _tolls_after(_departures().max())


def tolls_after_first_departure() -> int:
    return _tolls_after(_departures().min())


def all_tolls() -> int:
    return len(_deaths())


# --- l09-isolated-claim ------------------------------------------------------------------------


def total_values() -> pd.Series:
    c = load("contingents")
    t = c[(c["country"] == "CSTO total") & (c["measure"] == "troops") & c["value"].notna()]
    return t.groupby("value")["source_id"].nunique()


def isolated_claim() -> str:
    per_value = total_values()
    return str(per_value[per_value == 1].index[0])


def most_sourced_claim() -> str:
    return str(total_values().idxmax())


def best_by_rule() -> str:
    return str(int(summarise_claims(load("contingents")).loc["CSTO total", "best_value"]))


# --- l09-press-rows ----------------------------------------------------------------------------


def _key_grades(dataset: str) -> pd.Series:
    """One entry per (row, key) pair: the grade of each key, indexed by the row's position."""
    from cstolab.sources import bibliography

    grade = bibliography().set_index("key")["sourcetype"]
    keys = load(dataset)["source_id"].str.split(";").explode().str.strip()
    return keys[keys != ""].map(grade)


def press_rows() -> int:
    return int(_key_grades("crisis_2022").eq("press").groupby(level=0).any().sum())


def press_pairs() -> int:
    return int(_key_grades("crisis_2022").eq("press").sum())


def press_lead_rows() -> int:
    from cstolab.sources import row_grades

    return int((row_grades("crisis_2022")["lead_grade"] == "press").sum())


# --- l09-reprint-only --------------------------------------------------------------------------


def contingent_claims_on_copies() -> list[str]:
    from cstolab.sources import rows_resting_on

    return list(rows_resting_on("reprint", "contingents")["row_id"])


def copied_keys() -> list[str]:
    from cstolab.sources import rows_resting_on

    return sorted(set(rows_resting_on("reprint", "contingents")["source_id"]))


def copies_among_numbered_troop_claims() -> list[str]:
    c = load("contingents")
    numbered = c.loc[(c["measure"] == "troops") & c["value"].notna(), "claim_id"]
    return [i for i in contingent_claims_on_copies() if i in set(numbered)]


# --- l09-one-government ------------------------------------------------------------------------


def _kazakh_voice_ids() -> pd.Series:
    from cstolab.sources import rows_on_one_government

    voices = rows_on_one_government("crisis_2022")
    return voices.loc[voices["government"] == "Kazakhstan", "row_id"]


def _figure_ids() -> pd.Series:
    c = load("crisis_2022")
    reports = c["event_type"].isin(["casualty_report", "detention_report"]) & c["value"].notna()
    return c.loc[reports, "event_id"]


def kazakh_voice_figures() -> int:
    return int(_figure_ids().isin(_kazakh_voice_ids()).sum())


def kazakh_voice_rows() -> int:
    return len(_kazakh_voice_ids())


def other_voice_figures() -> int:
    return int((~_figure_ids().isin(_kazakh_voice_ids())).sum())
