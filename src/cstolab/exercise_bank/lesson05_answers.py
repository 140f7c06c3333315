"""Lesson 5: airlift and readiness. Answers are computed with the airlift model and the datasets.

The declared mistakes are computed from the same data and model: the wrong airfield or a round
trip instead of one way, adding the flight times of two types instead of taking the later landing,
reading "more than 70" as exactly 70, counting the single wave of 12 as part of the air group,
mixing kilograms and tonnes, taking the top of a payload range as typical, picking one payload
instead of the published range, changing only one of two assumptions, forgetting to turn days into
hours, and "under 72 hours" read as "at most 72 hours".

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson05`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from cstolab.data import load

CLAIMED_H = 72  # Dyner (2022): "deployed in less than 72 hours"
ORIGIN, DESTINATION = "chkalovsky_airfield", "almaty_airport"
ULYANOVSK = "ulyanovsk_vostochny"
WAVE = "one wave"  # the condition of the record of the single wave of 12 aircraft


# --- distances and flight times --------------------------------------------------------------


def _distance(origin: str = ULYANOVSK, destination: str = DESTINATION) -> float:
    from cstolab.airlift import distance_between

    return distance_between(origin, destination)


def distance_ulyanovsk() -> float:
    return _distance()


def distance_chkalovsky() -> float:
    return _distance(ORIGIN)


def distance_zhetygen() -> float:
    return _distance(ULYANOVSK, "zhetygen_airfield")


def distance_round_trip() -> float:
    return 2 * _distance()


def _flight_hours() -> list[float]:
    from cstolab.airlift import default_fleet

    return [_distance() / t.cruise_kmh for t in default_fleet().types]


def first_wave_landed() -> float:
    return max(_flight_hours())


def first_wave_added() -> float:
    return sum(_flight_hours())


def first_aircraft_landed() -> float:
    return min(_flight_hours())


def first_wave_round_trip() -> float:
    return 2 * max(_flight_hours())


# --- the claims about the fleet --------------------------------------------------------------


def _fleet_claims(keep_wave: bool = False, bound: str = "any", types=None) -> pd.DataFrame:
    a = load("aircraft")
    rows = a[a["attribute"] == "count_used"].copy()
    if not keep_wave:
        rows = rows[~rows["condition"].fillna("").str.contains(WAVE)]
    if types is not None:
        rows = rows[rows["aircraft_type"].astype(str).isin(types)]
    rows["at_least"] = rows["value_qualifier"].astype(str) == "at_least"
    out = rows.groupby("source_id", as_index=False).agg(
        aircraft=("value", "sum"), lower_bound=("at_least", "all" if bound == "all" else "any")
    )
    if bound == "none":
        out["lower_bound"] = False
    out["aircraft"] = out["aircraft"].astype(int)
    return out[["source_id", "aircraft", "lower_bound"]]


def fleet_claims_expected() -> pd.DataFrame:
    return _fleet_claims()


def fleet_claims_as_exact() -> pd.DataFrame:
    return _fleet_claims(bound="none")


def fleet_claims_all_parts() -> pd.DataFrame:
    return _fleet_claims(bound="all")


def fleet_claims_with_wave() -> pd.DataFrame:
    return _fleet_claims(keep_wave=True)


# --- one wave's spare capacity -----------------------------------------------------------------


def _base():
    from cstolab.airlift import AirliftScenario

    return AirliftScenario(distance_km=_distance(ORIGIN))


def _wave_capacity(top_of_range: bool = False) -> float:
    from cstolab.airlift import default_fleet

    fleet = default_fleet()
    if not top_of_range:
        return sum(t.count * t.payload_t for t in fleet.types)
    a = load("aircraft")
    payloads = a[a["attribute"] == "max_payload_t"].copy()
    payloads["top"] = payloads["value_high"].fillna(payloads["value"])
    kind = payloads["aircraft_type"].astype(str)
    return sum(
        t.count * float(payloads.loc[kind.str.startswith(t.name), "top"].max()) for t in fleet.types
    )


def spare_tonnes() -> float:
    return _wave_capacity() - _base().tonnes


def spare_tonnes_kg() -> float:
    base = _base()
    return _wave_capacity() - base.tonnes * 1000


def spare_tonnes_no_equipment() -> float:
    base = _base()
    return _wave_capacity() - base.troops * base.tonnes_per_soldier


def spare_tonnes_top_payload() -> float:
    return _wave_capacity(top_of_range=True) - _base().tonnes


# --- model runs with changed assumptions -----------------------------------------------------


def _hours(**changes) -> float:
    from cstolab.airlift import default_fleet, deployment_time

    return deployment_time(default_fleet(), replace(_base(), **changes)).hours


def hours_quarter_fleet() -> float:
    return _hours(availability=0.25, turnaround_h=6)


def hours_quarter_default_turnaround() -> float:
    return _hours(availability=0.25)


def hours_full_fleet_6h() -> float:
    return _hours(turnaround_h=6)


def hours_three_quarters() -> float:
    return _hours(availability=0.75, turnaround_h=6)


# --- a range of payloads ---------------------------------------------------------------------


def il76_payloads(exact_type: bool = False) -> list[float]:
    """Every distinct published maximum payload (t) of the Il-76 and its variants, both ends of ranges."""
    a = load("aircraft")
    kind = a["aircraft_type"].astype(str)
    chosen = (kind == "Il-76") if exact_type else kind.str.startswith("Il-76")
    rows = a[chosen & (a["attribute"] == "max_payload_t")]
    values = pd.concat([rows["value"], rows["value_high"]]).dropna().astype(float)
    return sorted(values.unique())


def payload_hours(payloads: list[float], availability: float = 0.25) -> pd.DataFrame:
    """Model hours for the base scenario with a share of the fleet, for each Il-76 payload."""
    from cstolab.airlift import Fleet, default_fleet, deployment_time

    fleet, scenario = default_fleet(), replace(_base(), availability=availability)
    rows = []
    for payload in payloads:
        changed = Fleet(
            tuple(replace(t, payload_t=payload) if t.name == "Il-76" else t for t in fleet.types)
        )
        rows.append({"payload_t": payload, "hours": deployment_time(changed, scenario).hours})
    return pd.DataFrame(rows)


def payload_range() -> pd.DataFrame:
    return payload_hours(il76_payloads())


def payload_exact_type() -> pd.DataFrame:
    return payload_hours(il76_payloads(exact_type=True))


def payload_point() -> pd.DataFrame:
    from cstolab.airlift import default_fleet

    return payload_hours([default_fleet()["Il-76"].payload_t])


def payload_full_fleet() -> pd.DataFrame:
    return payload_hours(il76_payloads(), availability=1.0)


def payload_chart() -> dict[str, str]:
    return {"mark": "line", "x": "payload_t", "y": "hours"}


def payload_bars() -> dict[str, str]:
    return {**payload_chart(), "mark": "bar"}


def payload_swapped() -> dict[str, str]:
    return {"mark": "line", "x": "hours", "y": "payload_t"}


# --- the smallest share of the fleet ---------------------------------------------------------


def _min_share(strict: bool = True, **changes) -> float:
    for tenths in range(1, 11):
        hours = _hours(availability=tenths / 10, **changes)
        if hours < CLAIMED_H if strict else hours <= CLAIMED_H:
            return tenths / 10
    return float("nan")


def min_availability_72h() -> float:
    return _min_share(turnaround_h=12, equipment_t_per_soldier=2.0)


def min_availability_defaults() -> float:
    return _min_share()


def min_availability_turnaround_only() -> float:
    return _min_share(turnaround_h=12)


# --- VJTF readiness statements ---------------------------------------------------------------


def vjtf_readiness() -> pd.DataFrame:
    """The VJTF readiness statements of ``indicators`` with their ends in hours."""
    i = load("indicators")
    v = i[
        (i["subject"] == "NATO VJTF") & i["indicator"].isin(["readiness_hours", "readiness_days"])
    ].copy()
    factor = v["indicator"].map({"readiness_hours": 1, "readiness_days": 24}).astype(float)
    v["hours_low"] = v["value"].astype(float) * factor
    v["hours_high"] = v["value_high"].fillna(v["value"]).astype(float) * factor
    v["high_unconverted"] = v["value_high"].fillna(v["value"]).astype(float)
    return v


def _vjtf_within(column: str = "hours_high", strict: bool = False) -> int:
    v = vjtf_readiness()
    return int((v[column] < CLAIMED_H).sum() if strict else (v[column] <= CLAIMED_H).sum())


def vjtf_within_72() -> int:
    return _vjtf_within()


def vjtf_no_conversion() -> int:
    return _vjtf_within("high_unconverted")


def vjtf_low_end() -> int:
    return _vjtf_within("hours_low")


def vjtf_strict() -> int:
    return _vjtf_within(strict=True)
