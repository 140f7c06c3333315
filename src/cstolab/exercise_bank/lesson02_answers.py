"""Lesson 2: the treaty and the organisation. Answers are computed from institutions and members.

The declared mistakes are computed from the same data: dating the organisation by the wrong
charter row, counting alternative claims or leaving them out, reading an "up to" ceiling or an
average as the figure, using the alternative date of a decision, cutting a scheduled term at the
data date, counting both end days, and taking the 1992 signatories for the organisation's members.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson02`.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import as_of, load

ROTATION_START = "2020-01-01"
#: members events that make a state a party, and those that end its participation
JOINS = ("signature", "accession", "return")
LEAVES = ("non_renewal", "withdrawal", "suspension")


# --- treaty and charter --------------------------------------------------------------------


def _first(milestone_type: str, latest: bool = False) -> pd.Timestamp:
    i = load("institutions")
    dates = i.loc[i["milestone_type"] == milestone_type, "date"]
    return dates.max() if latest else dates.min()


def years_treaty_to_charter() -> int:
    return int(_first("charter").year - _first("treaty").year)


def years_treaty_to_charter_in_force() -> int:
    return int(_first("charter", latest=True).year - _first("treaty").year)


def years_treaty_in_force_to_charter() -> int:
    return int(_first("charter").year - _first("treaty", latest=True).year)


# --- Secretaries-General -------------------------------------------------------------------


def _sg() -> pd.DataFrame:
    i = load("institutions")
    sg = i[(i["milestone_type"] == "secretary_general") & i["preferred"]].sort_values("date")
    return sg.astype({"person": str, "country": str})


def sg_countries() -> list[str]:
    return _sg()["country"].unique().tolist()


def sg_people() -> list[str]:
    return _sg()["person"].unique().tolist()


def sg_countries_before_2022() -> list[str]:
    sg = _sg()
    return sg.loc[sg["date"] < "2022-01-01", "country"].unique().tolist()


def rotation_terms(end: str = "scheduled", extra: int = 0) -> pd.DataFrame:
    sg = _sg().copy()
    next_start = sg["date"].shift(-1) - pd.Timedelta(days=1)
    sg["end"] = sg["end_date"] if end == "unfilled" else sg["end_date"].fillna(next_start)
    if end == "data_date":
        sg["end"] = sg["end"].clip(upper=as_of())
    sg = sg[sg["date"] >= ROTATION_START]
    sg["days"] = (sg["end"] - sg["date"]).dt.days + extra
    return sg[["person", "days"]].reset_index(drop=True)


# --- force sizes ---------------------------------------------------------------------------


def _sizes(force: str | None = "crrf", preferred_only: bool = False) -> pd.DataFrame:
    i = load("institutions")
    rows = i[i["milestone_type"] == "force_size"]
    if force is not None:
        rows = rows[rows["milestone_id"].str.startswith(force)]
    if preferred_only:
        rows = rows[rows["preferred"]]
    return rows


def _spread(rows: pd.DataFrame) -> int:
    return int(rows["value"].max() - rows["value"].min())


def crrf_spread() -> int:
    return _spread(_sizes())


def crrf_spread_preferred() -> int:
    return _spread(_sizes(preferred_only=True))


def spread_all_forces() -> int:
    return _spread(_sizes(force=None))


def _dyner() -> float:
    crrf = _sizes()
    return float(crrf.loc[crrf["source_id"] == "dyner2022", "value"].iloc[0])


def _latest_preferred_crrf() -> float:
    crrf = _sizes(preferred_only=True)
    return float(crrf.sort_values("date")["value"].iloc[-1])


def crrf_vs_dyner() -> float:
    return round(_latest_preferred_crrf() / _dyner(), 2)


def largest_vs_dyner() -> float:
    return round(float(_sizes()["value"].max()) / _dyner(), 2)


def average_vs_dyner() -> float:
    return round(float(_sizes(preferred_only=True)["value"].mean()) / _dyner(), 2)


def dyner_vs_crrf() -> float:
    return round(_dyner() / _latest_preferred_crrf(), 2)


# --- the CRRF's creation -------------------------------------------------------------------


def _crrf_decision(preferred: bool = True) -> pd.Timestamp:
    i = load("institutions")
    rows = i[(i["milestone_type"] == "force_creation") & i["milestone_id"].str.startswith("crrf")]
    return rows.loc[rows["preferred"] == preferred, "date"].min()


def _crrf_agreement(belarus: bool = True) -> pd.Timestamp:
    i = load("institutions")
    rows = i[(i["milestone_type"] == "agreement") & i["milestone_id"].str.startswith("crrf")]
    has_belarus = rows["name"].str.contains("Belarus")
    return rows.loc[has_belarus if belarus else ~has_belarus, "date"].min()


def decision_to_belarus() -> int:
    return int((_crrf_agreement() - _crrf_decision()).days)


def alternative_decision_to_belarus() -> int:
    return int((_crrf_agreement() - _crrf_decision(preferred=False)).days)


def decision_to_june_agreement() -> int:
    return int((_crrf_agreement(belarus=False) - _crrf_decision()).days)


def decision_to_belarus_inclusive() -> int:
    return decision_to_belarus() + 1


# --- membership ----------------------------------------------------------------------------


def _events() -> pd.DataFrame:
    m = load("members")
    m = m[m["preferred"] & m["country"].notna()].astype({"country": str, "event_type": str})
    return m.sort_values("date", kind="mergesort")


def _parties_on(day: pd.Timestamp | str, leaves: tuple[str, ...] = LEAVES) -> list[str]:
    """States whose last joining or leaving event on or before ``day`` made them a party."""
    m = _events()
    m = m[(m["date"] <= pd.Timestamp(day)) & m["event_type"].isin(JOINS + leaves)]
    last = m.groupby("country")["event_type"].last()
    return sorted(last[last.isin(JOINS)].index)


def signatories() -> list[str]:
    m = _events()
    return sorted(m.loc[m["event_type"] == "signature", "country"].unique())


def charter_members() -> list[str]:
    return _parties_on(_first("charter"))


def tashkent_six() -> list[str]:
    m = _events()
    first = m[(m["event_type"] == "signature") & (m["date"] == _first("treaty"))]
    return sorted(first["country"].unique())


def _without_sg(states: list[str]) -> list[str]:
    return sorted(set(states) - set(sg_countries()))


def members_without_sg() -> list[str]:
    return _without_sg(_parties_on(as_of()))


def members_without_sg_ignoring_suspension() -> list[str]:
    return _without_sg(_parties_on(as_of(), leaves=("non_renewal", "withdrawal")))


def signatories_without_sg() -> list[str]:
    return _without_sg(signatories())


# --- the chart -----------------------------------------------------------------------------


def sizes_chart() -> dict[str, str]:
    return {"mark": "point", "x": "date", "y": "value", "color": "force"}


def sizes_bars() -> dict[str, str]:
    return {**sizes_chart(), "mark": "bar"}


def sizes_line() -> dict[str, str]:
    return {**sizes_chart(), "mark": "line"}


def sizes_swapped() -> dict[str, str]:
    return {**sizes_chart(), "x": "value", "y": "date"}


def sizes_by_source() -> dict[str, str]:
    return {**sizes_chart(), "color": "reported_by"}
