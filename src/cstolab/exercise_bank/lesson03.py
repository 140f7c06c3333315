"""Lesson 3: the January 2022 crisis. Answers are computed from crisis_2022 and locations.

Every answer and every declared mistake is computed from the data, filtered by event type, unit
and date window as the exercise states, so rows added to the datasets change both consistently.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register

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


def _unless(wrong: Callable[[], Any], right: Callable[[], Any]) -> Callable[[], Any]:
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


def _max_detained_january() -> int:
    return int(_detained(_january()).max())


def _max_any_unit_january() -> int:
    return int(_january()["value"].max())


def _sum_detained_january() -> int:
    return int(_detained(_january()).sum())


# --- l03-almaty-events ------------------------------------------------------------------------


def _almaty_events() -> int:
    return int(_january()["place_id"].isin(ALMATY_PLACES).sum())


def _almaty_city_only() -> int:
    return int((_january()["place_id"] == "almaty").sum())


def _almaty_with_region() -> int:
    return int(_january()["place_id"].isin((*ALMATY_PLACES, "almaty_region")).sum())


# --- l03-first-5000 ---------------------------------------------------------------------------


def _over_5000(unit_filter: bool = True) -> pd.DataFrame:
    c = load("crisis_2022")
    keep = c["value"] > 5000
    if unit_filter:
        keep &= c["value_unit"] == "detained"
    return c[keep.fillna(False)]


def _first_over_5000_detained() -> pd.Timestamp:
    return _over_5000()["reported_on"].min()


def _first_over_5000_any_unit() -> pd.Timestamp:
    return _over_5000(unit_filter=False)["reported_on"].min()


def _last_over_5000_detained() -> pd.Timestamp:
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


def _qualifiers() -> pd.DataFrame:
    return _qualifier_table()


def _qualifiers_all_dates() -> pd.DataFrame:
    return _qualifier_table(window=False)


def _qualifiers_summed() -> pd.DataFrame:
    return _qualifier_table(how="sum")


def _qualifiers_unused_categories() -> pd.DataFrame:
    table = _qualifier_table(observed=False)
    # when every category is in use the slip cannot happen; an empty table keeps the mistake distinct
    return table if len(table) > len(_qualifiers()) else table.iloc[:0]


# --- l03-operation-days -----------------------------------------------------------------------


def _request_date() -> pd.Timestamp:
    c = load("crisis_2022")
    return c.loc[c["event_id"] == REQUEST, "date"].iloc[0]


def _withdrawal_dates() -> pd.Series:
    c = _january()
    return c.loc[c["event_type"] == "withdrawal", "date"]


def _operation_days() -> int:
    return int((_withdrawal_dates().max() - _request_date()).days)


def _operation_days_inclusive() -> int:
    return _operation_days() + 1


def _operation_days_first_withdrawal() -> int:
    return int((_withdrawal_dates().min() - _request_date()).days)


# --- l03-protest-places -----------------------------------------------------------------------


def _places(types: tuple[str, ...] | None, names: bool = True) -> list[str]:
    c = _january()
    if types is not None:
        c = c[c["event_type"].isin(types)]
    placed = c.merge(load("locations")[["place_id", "name"]], on="place_id", how="inner")
    return sorted(set(placed["name" if names else "place_id"]))


def _protest_places() -> list[str]:
    return _places(("protest", "violence"))


def _protest_only_places() -> list[str]:
    return _places(("protest",))


def _protest_place_ids() -> list[str]:
    return _places(("protest", "violence"), names=False)


def _any_event_places() -> list[str]:
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


def _death_range() -> int:
    k = claims_with_scope()
    deaths = k[(k["measure"] == "killed") & (k["scope"] == "all people")]
    return int(deaths["value"].max() - deaths["value"].min())


def _death_rise(all_scopes: bool = False, window: bool = False) -> int:
    k = claims_with_scope()
    deaths = k[k["measure"] == "killed"]
    if not all_scopes:
        deaths = deaths[deaths["scope"] == "all people"]
    if window:
        deaths = deaths[deaths["date"].between(*JANUARY)]
    deaths = deaths.sort_values(["reported_on", "value"])
    return int(deaths["value"].iloc[-1] - deaths["value"].iloc[0])


JAN = 'in_jan = crisis[crisis["date"].between("2022-01-01", "2022-01-20")]\n'

register(
    Exercise(
        id="l03-max-detained",
        kind="number",
        prompt="What is the highest number of detentions claimed for the period 1-20 January 2022?",
        hint="two filters come before the summary: one for the period, one for what the number counts.",
        method="keep the rows dated 1-20 January 2022, then those whose value_unit is 'detained', "
        "and take the maximum of value.",
        code=JAN + 'answer = in_jan.loc[in_jan["value_unit"] == "detained", "value"].max()',
        expected=_max_detained_january,
        mistakes=(
            Mistake(
                _unless(_max_any_unit_january, _max_detained_january),
                "that is the largest number of any kind (crowd sizes and Tokayev's 'bandits' too): "
                "keep only the rows whose value_unit is 'detained'",
            ),
            Mistake(
                _sum_detained_january,
                "you added the claims up: each is a running total published on another day, so "
                "the sum counts the same people many times over",
            ),
        ),
    ),
    Exercise(
        id="l03-almaty-events",
        kind="number",
        prompt="How many rows of crisis_2022 dated 1-20 January 2022 are placed in Almaty city or at Almaty airport?",
        hint="the airport is a place of its own in the data; look at the place_id values.",
        method="keep the rows dated 1-20 January, test place_id with isin(['almaty', "
        "'almaty_airport']) and count the True values.",
        code=JAN + 'answer = in_jan["place_id"].isin(["almaty", "almaty_airport"]).sum()',
        expected=_almaty_events,
        mistakes=(
            Mistake(
                _unless(_almaty_city_only, _almaty_events),
                "you counted the city only: the airport (place_id 'almaty_airport') belongs in the count too",
            ),
            Mistake(
                _unless(_almaty_with_region, _almaty_events),
                "Almaty Region (almaty_region) is the province around the city, not the city or its airport",
            ),
        ),
    ),
    Exercise(
        id="l03-first-5000",
        kind="date",
        prompt="On what date was a figure of more than 5,000 detained first reported?",
        hint="a claim has two dates; and not every number over 5,000 counts detentions.",
        method="keep the rows whose value_unit is 'detained' and whose value is over 5000, then "
        "take the earliest reported_on.",
        code='over = crisis[(crisis["value_unit"] == "detained") & (crisis["value"] > 5000)]\n'
        'answer = over["reported_on"].min()',
        expected=_first_over_5000_detained,
        mistakes=(
            Mistake(
                _unless(_first_over_5000_any_unit, _first_over_5000_detained),
                "an earlier number over 5,000 is not a detention figure (Tokayev's 'up to 20,000' "
                "attackers): keep only value_unit 'detained'",
            ),
            Mistake(
                _unless(_last_over_5000_detained, _first_over_5000_detained),
                "that is the latest report of such a figure; the question asks when one first appeared",
            ),
        ),
    ),
    Exercise(
        id="l03-detentions-chart",
        kind="chart",
        prompt="Chart the detention claims dated 1-20 January as points: x = reported_on, "
        "y = value, shape = value_qualifier.",
        hint="each claim is one mark of its own, placed by the day it was published.",
        method="filter the January rows to event_type 'detention_report', then alt.Chart(...)"
        ".mark_point() with x on reported_on, y on value and shape on value_qualifier.",
        code=JAN + 'det = in_jan[in_jan["event_type"] == "detention_report"]\n'
        'answer = alt.Chart(det).mark_point().encode(x="reported_on:T", y="value:Q", '
        'shape="value_qualifier:N")',
        expected=lambda: {
            "mark": "point",
            "x": "reported_on",
            "y": "value",
            "shape": "value_qualifier",
        },
        mistakes=(
            Mistake(
                lambda: {"mark": "bar", "x": "reported_on", "y": "value"},
                "bars of the same day stack, so two claims published on one day add up to a "
                "number nobody stated: use points",
            ),
            Mistake(
                lambda: {"mark": "line", "x": "reported_on", "y": "value"},
                "a line suggests the count grew smoothly between claims and hides which claims "
                "were minimums: show each claim as a point",
            ),
            Mistake(
                lambda: {"mark": "point", "x": "date", "y": "value"},
                "x shows the day the figure refers to; the task asks for the day it was published (reported_on)",
            ),
        ),
    ),
    Exercise(
        id="l03-qualifiers",
        kind="frame",
        points=2,  # a table: several steps
        prompt="For detention claims dated 1-20 January, a table with one row per value_qualifier "
        "used: columns value_qualifier, claims (rows), highest (largest value).",
        hint="group the detention claims by how they were stated, then summarise each group twice.",
        method="filter the January rows to event_type 'detention_report', group by "
        "value_qualifier with observed=True, aggregate claims=('value', 'size') and "
        "highest=('value', 'max'), and reset_index().",
        code=JAN + 'det = in_jan[in_jan["event_type"] == "detention_report"]\n'
        'answer = det.groupby("value_qualifier", observed=True).agg(\n'
        '    claims=("value", "size"), highest=("value", "max")).reset_index()',
        expected=_qualifiers,
        mistakes=(
            Mistake(
                _qualifiers_unused_categories,
                "your table lists qualifiers no detention claim uses (grouping a categorical column "
                "shows every category): pass observed=True",
            ),
            Mistake(
                _qualifiers_all_dates,
                "you left the date window open: the March figure counts people in custody, a "
                "different measure; keep 1-20 January",
            ),
            Mistake(
                _qualifiers_summed,
                "you added the claims of each kind; 'highest' asks for the largest claim, and "
                "successive claims count the same people again",
            ),
        ),
    ),
    Exercise(
        id="l03-operation-days",
        kind="number",
        prompt="Days from Tokayev's request to the CSTO (row kz-2022-01-05-tokayev-csto-request) "
        "to the last withdrawal dated 1-20 January.",
        hint="find the two dates first; then think about what a difference of two dates counts.",
        method="take the date of the request row and the latest date of the January rows with "
        "event_type 'withdrawal'; subtract and read .days.",
        code=JAN
        + 'request = crisis.loc[crisis["event_id"] == "kz-2022-01-05-tokayev-csto-request", "date"].iloc[0]\n'
        'last_out = in_jan.loc[in_jan["event_type"] == "withdrawal", "date"].max()\n'
        "answer = (last_out - request).days",
        expected=_operation_days,
        mistakes=(
            Mistake(
                _operation_days_inclusive,
                "you counted both the first and the last day; the difference of two dates counts "
                "the days in between, as (last - first).days does",
            ),
            Mistake(
                _unless(_operation_days_first_withdrawal, _operation_days),
                "you stopped at the first withdrawal; the contingents left over several days, and "
                "the question asks for the last",
            ),
        ),
    ),
    Exercise(
        id="l03-protest-places",
        kind="names",
        prompt="Names (locations' name column) of the places of the protest and violence rows "
        "dated 1-20 January.",
        hint="crisis_2022 has keys, not names; another dataset has the names.",
        method="keep the January rows whose event_type is 'protest' or 'violence', merge them "
        "with locations on place_id (rows without a place drop out) and take the unique names.",
        code=JAN + 'unrest = in_jan[in_jan["event_type"].isin(["protest", "violence"])]\n'
        'answer = sorted(set(unrest.merge(locations, on="place_id")["name"]))',
        expected=_protest_places,
        mistakes=(
            Mistake(
                _unless(_protest_only_places, _protest_places),
                "you kept the protests only; the violence rows add places",
            ),
            Mistake(
                _protest_place_ids,
                "these are place_id keys; join to locations and give its name column",
            ),
            Mistake(
                _any_event_places,
                "you kept rows of every event type; the question asks for protest and violence rows only",
            ),
        ),
    ),
    Exercise(
        id="l03-death-toll-rise",
        kind="number",
        prompt="In the lesson's claims table: latest minus first death claim (measure 'killed') "
        "for scope 'all people', in order of reported_on.",
        hint="not every death figure counts the same people, and the story does not end on 20 January.",
        method="keep the rows of claims whose measure is 'killed' and scope 'all people', sort by "
        "reported_on, and subtract the first value from the last.",
        code='deaths = claims[(claims["measure"] == "killed") & (claims["scope"] == "all people")]\n'
        'deaths = deaths.sort_values("reported_on")\n'
        'answer = deaths["value"].iloc[-1] - deaths["value"].iloc[0]',
        expected=_death_rise,
        mistakes=(
            Mistake(
                _unless(lambda: _death_rise(all_scopes=True), _death_rise),
                "the first death figures counted only the security forces; compare claims that "
                "count the same people (scope 'all people')",
            ),
            Mistake(
                _unless(lambda: _death_rise(window=True), _death_rise),
                "you stopped at 20 January; the Prosecutor General's Office revised the toll later in 2022",
            ),
            Mistake(
                _unless(_death_range, _death_rise),
                "that is the highest minus the lowest claim; the claims did not only rise, so "
                "take the first and the last in order of reported_on",
            ),
        ),
    ),
)
