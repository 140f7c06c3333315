"""Lesson 7: military significance. Answers are computed from contingents, exercises and indicators.

The declared mistakes are computed from the same data: counting the alternative claims about an
exercise as further exercises, reading an upper bound ('up to') as a lower one, treating agreeing
claims as a dispute, adding every claim about a contingent, dividing by the wrong total, and
comparing the CSTO force with NATO figures of another year or with a media claim.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register

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


def _n_held() -> int:
    return len(_held())


def _n_held_rows() -> int:
    return len(_held(preferred=False))


def _n_preferred_any_status() -> int:
    return int(_exercises()["preferred"].sum())


def _n_lower_bounds() -> int:
    return int((_held()["troops_qualifier"] == "more_than").sum())


def _n_lower_bounds_all_rows() -> int:
    return int((_held(preferred=False)["troops_qualifier"] == "more_than").sum())


def _n_lower_and_upper_bounds() -> int:
    return int(_held()["troops_qualifier"].isin(["more_than", "up_to"]).sum())


def _disputed_sizes() -> list[str]:
    e = _exercises()
    sizes = e[e["troops"].notna()].groupby("exercise_id")["troops"].nunique()
    return sorted(sizes[sizes > 1].index)


def _several_claims() -> list[str]:
    n = _exercises().groupby("exercise_id").size()
    return sorted(n[n > 1].index)


def _several_sizes() -> list[str]:
    e = _exercises()
    n = e[e["troops"].notna()].groupby("exercise_id").size()
    return sorted(n[n > 1].index)


def _top(rows: pd.DataFrame) -> pd.DataFrame:
    """Stand-alone and umbrella exercises: drop components of an umbrella that is in the data."""
    return rows[~rows["part_of"].isin(set(_held()["exercise_id"]))]


def _troops_2021() -> int:
    top = _top(_held())
    return int(top.loc[top["year"] == 2021, "troops"].sum())


def _troops_2021_all_claims() -> int:
    top = _top(_held(preferred=False))
    return int(top.loc[top["year"] == 2021, "troops"].sum())


def _troops_2021_largest_claim() -> int:
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


def _russia_share_low() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), _others_high(t))


def _share_every_claim_added() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), int(_others(t)["value"].sum()))


def _share_largest_total() -> float:
    t = _claims()
    return _share(int(_totals(t).max()), _others_high(t))


def _share_smallest_others() -> float:
    t = _claims()
    return _share(int(_totals(t).min()), _others_low(t))


def _share_with_vehicles() -> float:
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


def _vjtf_ratio() -> float:
    return _vjtf_before() / _official_total()


def _vjtf_ratio_media_claim() -> float:
    return _vjtf_before() / _official_total(officials_only=False)


def _vjtf_ratio_after() -> float:
    v = _vjtf_sizes()
    later = v[v["ref_date"] > DECISION]
    return float(later.loc[later["qualifier"] == "approx", "value"].iloc[0]) / _official_total()


def _vjtf_ratio_largest() -> float:
    return float(_vjtf_sizes()["value"].max()) / _official_total()


def _vjtf_ratio_first() -> float:
    return float(_vjtf_sizes()["value"].iloc[0]) / _official_total()


# --- the chart -----------------------------------------------------------------------------


def _series_chart() -> dict[str, str]:
    return {"mark": "bar", "x": "year", "y": "exercises", "color": "series"}


def _series_line() -> dict[str, str]:
    return {**_series_chart(), "mark": "line"}


def _series_swapped() -> dict[str, str]:
    return {**_series_chart(), "x": "exercises", "y": "year"}


def _series_by_host() -> dict[str, str]:
    return {**_series_chart(), "color": "host_country"}


register(
    Exercise(
        id="l07-n-held",
        kind="number",
        prompt=(
            "How many CSTO exercises that were held does the exercises dataset record, counting "
            "each exercise once? A whole number."
        ),
        hint=(
            "the dataset has one row per claim, and not every exercise in it took place; look at "
            "the columns that say which row to use and what happened."
        ),
        method=(
            "Keep the rows where preferred is True (one row per exercise) and status is 'held', "
            "and count them."
        ),
        code="ex = cstolab.load('exercises'); len(ex[ex['preferred'] & (ex['status'] == 'held')])",
        expected=_n_held,
        mistakes=(
            Mistake(
                answer=_n_held_rows,
                message=(
                    "you counted rows, and some exercises have two rows (alternative claims by "
                    "different sources): keep preferred rows only"
                ),
            ),
            Mistake(
                answer=_n_preferred_any_status,
                message=(
                    "you counted every exercise, including those that were cancelled or only "
                    "announced: keep status == 'held'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-n-lower-bounds",
        kind="number",
        prompt=(
            "Among the exercises held (preferred rows), how many have a reported size that is only "
            "a lower bound, i.e. the source said 'more than' so many troops? A whole number."
        ),
        hint=(
            "the size alone does not tell you what kind of figure it is; another column does. "
            "'Up to' is a bound too, but from the other side."
        ),
        method=(
            "Keep the preferred rows with status 'held' (the table held), then count the rows whose "
            "troops_qualifier is 'more_than'."
        ),
        code="int((held['troops_qualifier'] == 'more_than').sum())",
        expected=_n_lower_bounds,
        mistakes=(
            Mistake(
                answer=_n_lower_bounds_all_rows,
                message=(
                    "you counted the alternative claims too: an exercise reported by two sources "
                    "as 'more than' is still one exercise, keep preferred rows"
                ),
            ),
            Mistake(
                answer=_n_lower_and_upper_bounds,
                message=(
                    "'up to' is an upper bound (the real number may be smaller), the opposite of "
                    "'more than': count troops_qualifier == 'more_than' only"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-disputed-sizes",
        kind="names",
        prompt=(
            "For which exercises do the sources disagree about the size, i.e. two or more claims "
            "(rows) give different troop numbers? A list of exercise_id values, from all rows of "
            "the exercises dataset (preferred or not)."
        ),
        hint=(
            "two rows for one exercise are not yet a disagreement: one of them may give no number, "
            "or both the same one."
        ),
        method=(
            "Keep the rows with a troops value, group them by exercise_id, count the distinct troop "
            "numbers (nunique) and keep the exercises with more than one."
        ),
        code=(
            "sizes = ex[ex['troops'].notna()].groupby('exercise_id')['troops'].nunique(); "
            "sorted(sizes[sizes > 1].index)"
        ),
        expected=_disputed_sizes,
        mistakes=(
            Mistake(
                answer=_several_claims,
                message=(
                    "you listed every exercise with more than one row: for some the second claim "
                    "gives no size at all (it disagrees on dates or names, not on numbers)"
                ),
            ),
            Mistake(
                answer=_several_sizes,
                message=(
                    "one of these has two claims that agree on the same size: that is "
                    "confirmation, not a dispute; count distinct values (nunique)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-exercises-chart",
        kind="chart",
        prompt=(
            "Count the exercises held per year and series (preferred rows, each exercise once) in a "
            "table with the columns year, series and exercises, and draw it as stacked bars: year "
            "on x, exercises on y, series as colour. An Altair chart."
        ),
        hint=(
            "years are separate categories with gaps between them, and you want the counts of the "
            "series of a year piled up: which mark, and which channel carries the series?"
        ),
        method=(
            "Group held by year and series, count with size() and name the count exercises "
            "(rename and reset_index); then alt.Chart(table).mark_bar() encoding x as year "
            "(ordinal), y as exercises (quantitative) and color as series (nominal)."
        ),
        code=(
            "per_series = held.groupby(['year', 'series'], observed=True).size()"
            ".rename('exercises').reset_index(); alt.Chart(per_series).mark_bar()"
            ".encode(x='year:O', y='exercises:Q', color='series:N')"
        ),
        expected=_series_chart,
        mistakes=(
            Mistake(
                answer=_series_line,
                message=(
                    "a line joins neighbouring years as if there were a trend between them, but "
                    "the axis skips the years with no exercise in the data; bars keep each year "
                    "separate"
                ),
            ),
            Mistake(
                answer=_series_swapped,
                message="the axes are swapped: the year on x, the number of exercises on y",
            ),
            Mistake(
                answer=_series_by_host,
                message=(
                    "you coloured by host country: the question is how the series (Interaction, "
                    "Combat Brotherhood...) recur, colour by series"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-troops-2021",
        kind="number",
        prompt=(
            "At least how many troops took part in the CSTO exercises held in 2021, as reported? "
            "Add the reported sizes of 2021's stand-alone and umbrella exercises (preferred rows; "
            "leave out components whose part_of names an exercise in the data). A whole number."
        ),
        hint=(
            "one 2021 exercise has two claims about its size; and the components of the 2021 "
            "umbrella should not be added to it."
        ),
        method=(
            "Keep the preferred rows with status 'held'; drop rows whose part_of is one of their "
            "exercise_id values; keep year 2021 and sum troops (missing sizes count as nothing, "
            "which is why the sum is only a lower bound)."
        ),
        code=(
            "top = held[~held['part_of'].isin(set(held['exercise_id']))]; "
            "int(top.loc[top['year'] == 2021, 'troops'].sum())"
        ),
        expected=_troops_2021,
        mistakes=(
            Mistake(
                answer=_troops_2021_all_claims,
                message=(
                    "you added both claims about Combat Brotherhood-2021: they describe the same "
                    "soldiers, keep the preferred row"
                ),
            ),
            Mistake(
                answer=_troops_2021_largest_claim,
                message=(
                    "you took the largest claim for Combat Brotherhood-2021 instead of the "
                    "preferred one: the course uses the row marked preferred, whose note says why"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-russia-share-low",
        kind="number",
        prompt=(
            "Lowest share (%) of Russian troops that the contingents data allow, by method (a): "
            "(smallest total - largest sum of the other four contingents) / smallest total x 100. "
            "A number in per cent."
        ),
        hint=(
            "the lowest share needs the smallest force and the largest contributions of the "
            "others; each contingent counts once, whatever the number of claims about it."
        ),
        method=(
            "Keep troop claims with a value. Among the national claims of the four non-Russian "
            "contingents take the largest per country and add the four; among the 'total' claims "
            "take the smallest. Then (total - others) / total * 100."
        ),
        code=(
            "others = troops[(troops['scope'] == 'national') & (troops['country'] != 'Russia')]; "
            "high = others.groupby('country', observed=True)['value'].max().sum(); "
            "low_total = troops.loc[troops['scope'] == 'total', 'value'].min(); "
            "(low_total - high) / low_total * 100"
        ),
        expected=_russia_share_low,
        tolerance=0.5,
        mistakes=(
            Mistake(
                answer=_share_every_claim_added,
                message=(
                    "you added every claim about the other contingents: several claims describe the "
                    "same soldiers, take one (the largest) per country"
                ),
            ),
            Mistake(
                answer=_share_largest_total,
                message=(
                    "you divided by the largest total: the lowest share comes from the smallest "
                    "total claimed for the force"
                ),
            ),
            Mistake(
                answer=_share_smallest_others,
                message=(
                    "you took the smallest claims of the other contingents: to make Russia's share "
                    "as small as the data allow, take their largest"
                ),
            ),
            Mistake(
                answer=_share_with_vehicles,
                message=(
                    "your smallest 'total' is a count of vehicles, not of soldiers: keep "
                    "measure == 'troops'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-vjtf-ratio",
        kind="number",
        prompt=(
            "How many times larger than the CSTO force was NATO's VJTF? Divide the latest VJTF "
            "force_size figure (indicators) whose ref_date is before the CSTO's decision of "
            "6 January 2022 by the largest total for the CSTO force claimed by an official "
            "(claimant_type 'csto_official' or 'national_official'). A number, to two decimals."
        ),
        hint=(
            "NATO's figures change from year to year and some were published after the operation; "
            "and not every claim about the CSTO force comes from an official."
        ),
        method=(
            "In indicators keep subject 'NATO VJTF' and indicator 'force_size', keep ref_date before "
            "2022-01-06 and take the value of the latest one. In contingents keep the troop claims "
            "with scope 'total' made by CSTO or national officials and take the maximum. Divide."
        ),
        code=(
            "v = ind[(ind['subject'] == 'NATO VJTF') & (ind['indicator'] == 'force_size') "
            "& (ind['ref_date'] < '2022-01-06')].sort_values('ref_date'); "
            "t = troops[(troops['scope'] == 'total') & troops['claimant_type']"
            ".isin(['csto_official', 'national_official'])]; v['value'].iloc[-1] / t['value'].max()"
        ),
        expected=_vjtf_ratio,
        tolerance=0.01,
        mistakes=(
            Mistake(
                answer=_vjtf_ratio_media_claim,
                message=(
                    "you divided by the largest claim of all, a media figure (a copy of an RFE/RL "
                    "report): the question asks for the largest official claim"
                ),
            ),
            Mistake(
                answer=_vjtf_ratio_after,
                message=(
                    "that VJTF figure is for 2023, after the operation: compare with what NATO "
                    "reported before 6 January 2022"
                ),
            ),
            Mistake(
                answer=_vjtf_ratio_largest,
                message=(
                    "you took the largest VJTF figure of any year, which counts support troops or "
                    "everything that could be mobilised: use the latest figure before the operation"
                ),
            ),
            Mistake(
                answer=_vjtf_ratio_first,
                message=(
                    "that is the VJTF figure of 2015, when the force was first set up: the latest "
                    "figure before the operation is the one asked for"
                ),
            ),
        ),
    ),
)
