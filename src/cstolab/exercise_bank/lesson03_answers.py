"""Lesson 3: the January 2022 crisis. Answers are computed from crisis_2022 and locations.

Every answer and every declared mistake is computed from the data, filtered by event type, unit
and date window as the exercise states, so rows added to the datasets change both consistently.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson03`.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd

from cstolab.data import load

JANUARY = (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-01-20"))
ALMATY_PLACES = ("almaty", "almaty_airport")
REQUEST = "kz-2022-01-05-tokayev-csto-request"
# The lesson labels who each casualty or detention claim counts (from its description); rows not
# listed count all people. tests/test_figures_l03.py checks the lesson uses the same labels.
SCOPE = {
    "kz-2022-01-05-mvd-security-deaths": "security forces",
    "kz-2022-01-05-mvd-security-injured": "security forces",
    "kz-2022-01-06-mvd-security-deaths-18": "security forces",
    "kz-2022-01-06-mvd-security-injured-748": "security forces",
    "kz-2022-01-06-mvd-security-deaths-12": "security forces",
    "kz-2022-01-15-pgo-security-deaths-19": "security forces",
    "kz-2022-01-07-mvd-26-liquidated": "'armed criminals' (police term)",
}
CUSTODY = "kz-2022-03-14-custody-766"


def unless(wrong: Callable[[], Any], right: Callable[[], Any]) -> Callable[[], Any]:
    """``wrong`` as a declared mistake, switched off (None) if new data make it the right answer."""

    def answer() -> Any:
        value = wrong()
        return None if value == right() else value

    return answer


def _january() -> pd.DataFrame:
    c = load("crisis_2022")
    return c[c["date"].between(*JANUARY)]


def _detained(rows: pd.DataFrame) -> pd.Series:
    return rows.loc[rows["value_unit"] == "detained", "value"]


# --- l03-max-detained -------------------------------------------------------------------------


def max_detained_january() -> int:
    return int(_detained(_january()).max())


def max_any_unit_january() -> int:
    return int(_january()["value"].max())


def sum_detained_january() -> int:
    return int(_detained(_january()).sum())


# --- l03-almaty-events ------------------------------------------------------------------------


def almaty_events() -> int:
    return int(_january()["place_id"].isin(ALMATY_PLACES).sum())


def almaty_city_only() -> int:
    return int((_january()["place_id"] == "almaty").sum())


def almaty_with_region() -> int:
    return int(_january()["place_id"].isin((*ALMATY_PLACES, "almaty_region")).sum())


# --- l03-first-5000 ---------------------------------------------------------------------------


def _over_5000(unit_filter: bool = True) -> pd.DataFrame:
    c = load("crisis_2022")
    keep = c["value"] > 5000
    if unit_filter:
        keep &= c["value_unit"] == "detained"
    return c[keep.fillna(False)]


def first_over_5000_detained() -> pd.Timestamp:
    return _over_5000()["reported_on"].min()


def first_over_5000_any_unit() -> pd.Timestamp:
    return _over_5000(unit_filter=False)["reported_on"].min()


def last_over_5000_detained() -> pd.Timestamp:
    return _over_5000()["reported_on"].max()


# --- l03-qualifiers ---------------------------------------------------------------------------


def _detention_claims(window: bool = True) -> pd.DataFrame:
    c = _january() if window else load("crisis_2022")
    return c[c["event_type"] == "detention_report"]


def _qualifier_table(window: bool = True, how: str = "max", observed: bool = True) -> pd.DataFrame:
    d = _detention_claims(window)
    return (
        d.groupby("value_qualifier", observed=observed)
        .agg(claims=("value", "size"), highest=("value", how))
        .reset_index()
    )


def qualifiers() -> pd.DataFrame:
    return _qualifier_table()


def qualifiers_all_dates() -> pd.DataFrame:
    return _qualifier_table(window=False)


def qualifiers_summed() -> pd.DataFrame:
    return _qualifier_table(how="sum")


def qualifiers_unused_categories() -> pd.DataFrame:
    table = _qualifier_table(observed=False)
    # when every category is in use the slip cannot happen; an empty table keeps the mistake distinct
    return table if len(table) > len(qualifiers()) else table.iloc[:0]


# --- l03-operation-days -----------------------------------------------------------------------


def _request_date() -> pd.Timestamp:
    c = load("crisis_2022")
    return c.loc[c["event_id"] == REQUEST, "date"].iloc[0]


def _withdrawal_dates() -> pd.Series:
    c = _january()
    return c.loc[c["event_type"] == "withdrawal", "date"]


def operation_days() -> int:
    return int((_withdrawal_dates().max() - _request_date()).days)


def operation_days_inclusive() -> int:
    return operation_days() + 1


def operation_days_first_withdrawal() -> int:
    return int((_withdrawal_dates().min() - _request_date()).days)


# --- l03-protest-places -----------------------------------------------------------------------


def _places(types: tuple[str, ...] | None, names: bool = True) -> list[str]:
    c = _january()
    if types is not None:
        c = c[c["event_type"].isin(types)]
    placed = c.merge(load("locations")[["place_id", "name"]], on="place_id", how="inner")
    return sorted(set(placed["name" if names else "place_id"]))


def protest_places() -> list[str]:
    return _places(("protest", "violence"))


def protest_only_places() -> list[str]:
    return _places(("protest",))


def protest_place_ids() -> list[str]:
    return _places(("protest", "violence"), names=False)


def any_event_places() -> list[str]:
    return _places(None)


# --- l03-death-toll-rise ----------------------------------------------------------------------


def claims_with_scope() -> pd.DataFrame:
    """Casualty and detention claims with the lesson's ``measure`` and ``scope`` columns."""
    c = load("crisis_2022")
    claims = c[c["event_type"].isin(["casualty_report", "detention_report"])].copy()
    claims["scope"] = claims["event_id"].map(SCOPE).fillna("all people")
    claims["measure"] = claims["value_unit"].astype(str)
    claims.loc[claims["event_id"] == CUSTODY, ["measure", "scope"]] = [
        "detained",
        "in custody (not all detained)",
    ]
    return claims


def death_range() -> int:
    k = claims_with_scope()
    deaths = k[(k["measure"] == "killed") & (k["scope"] == "all people")]
    return int(deaths["value"].max() - deaths["value"].min())


def death_rise(all_scopes: bool = False, window: bool = False) -> int:
    k = claims_with_scope()
    deaths = k[k["measure"] == "killed"]
    if not all_scopes:
        deaths = deaths[deaths["scope"] == "all people"]
    if window:
        deaths = deaths[deaths["date"].between(*JANUARY)]
    deaths = deaths.sort_values(["reported_on", "value"])
    return int(deaths["value"].iloc[-1] - deaths["value"].iloc[0])


JAN = 'in_jan = crisis[crisis["date"].between("2022-01-01", "2022-01-20")]\n'
