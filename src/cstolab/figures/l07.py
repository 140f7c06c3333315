"""Lesson 7 (military significance): the lesson's three presentation charts and their descriptions.

Each function takes a table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`contingents`: the range of troop claims per contingent, the whole force, and the Russian
  contingent implied by them;
* :func:`exercises`: CSTO exercises held per year and series, and the reported size of the
  stand-alone and umbrella exercises;
* :func:`nato`: published force sizes of the CSTO force in Kazakhstan, NATO's VJTF and NRF.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

#: Row label of the claims about the whole force in the contingents range table.
TOTAL = "CSTO total (claims)"
#: Exercise series in the order of the legend (the three Dyner names first).
SERIES_ORDER = [
    "interaction",
    "indestructible_brotherhood",
    "combat_brotherhood",
    "rubezh",
    "search",
    "echelon",
    "barrier",
    "other",
]
#: Rows of the NATO comparison, top to bottom.
SUBJECT_ORDER = ["CSTO force in Kazakhstan", "NATO VJTF", "NATO NRF"]


def _series_name(series: str) -> str:
    """'indestructible_brotherhood' -> 'Indestructible Brotherhood' ('other' stays)."""
    return series if series == "other" else series.replace("_", " ").title()


def _span(low: int, high: int) -> str:
    return f"{low:,}" if low == high else f"{low:,} to {high:,}"


def contingents(ranges: pd.DataFrame) -> alt.LayerChart:
    """Range chart: one row per contingent, a bar from its lowest to its highest troop claim.

    ``ranges``: one row per contingent, columns ``country``, ``low``, ``high`` (int) and ``kind``
    ('reported', or 'implied' for the Russian contingent computed as total minus the others); the
    claims about the whole force are the row whose ``country`` is :data:`TOTAL`.
    """
    ranges = ranges.astype({"country": str, "kind": str})
    ranges = ranges.astype({"low": int, "high": int})
    order = ranges.sort_values("high")["country"].tolist()
    base = alt.Chart(ranges).encode(y=alt.Y("country:N", sort=order, title=None))
    bar = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("low:Q", title="Troops (lowest to highest claim)"),
        x2="high:Q",
        color=alt.Color(
            "kind:N",
            title="Figure",
            scale=alt.Scale(domain=["reported", "implied"], range=charts.PALETTE[:2]),
        ),
        tooltip=[
            "country:N",
            alt.Tooltip("low:Q", format=",.0f"),
            alt.Tooltip("high:Q", format=",.0f"),
            "kind:N",
        ],
    )
    tick = {"thickness": 2, "size": 16, "color": "black"}
    low_end, high_end = (base.mark_tick(**tick).encode(x=f"{end}:Q") for end in ("low", "high"))
    national = ranges[(ranges["kind"] == "reported") & (ranges["country"] != TOTAL)]
    per_country = ", ".join(
        f"{r.country} {_span(r.low, r.high)}"
        for r in national.sort_values(["high", "low"]).itertuples()
    )
    total = ranges[ranges["country"] == TOTAL].iloc[0]
    text = (
        "Range chart with one row per contingent. Each bar runs from the lowest to the highest "
        f"troop figure reported for that contingent. {per_country}. The CSTO total claims run from "
        f"{total['low']:,} to {total['high']:,}."
    )
    implied = ranges[ranges["kind"] == "implied"]
    if not implied.empty:
        row = implied.iloc[0]
        text += (
            f" The contingent implied for {row['country'].split(' (')[0]}, the total minus the "
            f"others, runs from {row['low']:,} to {row['high']:,} and is drawn in a second colour."
        )
    return charts.described(
        alt.layer(bar, low_end, high_end).properties(
            width=520,
            height=200,
            title="Troops sent to Kazakhstan: range of claims by contingent",
        ),
        text,
    )


def _as_reported(row: pd.Series) -> str:
    qualifier = str(row["troops_qualifier"]).replace("_", " ")
    name = str(row["name_as_reported"]).split(" (")[0]
    return f"{name} in {row['host_country']} ({qualifier} {int(row['troops']):,})"


def _exercises_description(counts: pd.DataFrame, sized: pd.DataFrame) -> str:
    per_year = counts.groupby("year")["exercises"].sum()
    year_lo, year_hi = (int(v) for v in per_year.quantile([0.1, 0.9], interpolation="lower"))
    n_years = int(per_year.between(year_lo, year_hi).sum())
    ranked = sized.sort_values("troops", ascending=False, kind="mergesort")
    size_lo, size_hi = (
        int(v) for v in ranked["troops"].quantile([0.1, 0.9], interpolation="lower")
    )
    n_sizes = int(ranked["troops"].between(size_lo, size_hi).sum())
    largest = ranked.iloc[0]
    present = set(counts["series"].astype(str))
    names = ", ".join(
        _series_name(s) for s in SERIES_ORDER + sorted(present - set(SERIES_ORDER)) if s in present
    )
    text = (
        f"Two panels sharing a year axis from {per_year.index.min()} to {per_year.index.max()}. "
        f"Top: stacked bars counting the exercises held each year, coloured by series ({names}); "
        f"most years ({n_years} of {len(per_year)}) have {year_lo} to {year_hi} and none more than "
        f"{int(per_year.max())}. Bottom: reported troop numbers of stand-alone and umbrella "
        f"exercises only, so components are not counted twice; most ({n_sizes} of {len(ranked)}) "
        f"are {size_lo:,} to {size_hi:,}, the largest is {largest['name_as_reported']} with "
        f"{str(largest['troops_qualifier']).replace('_', ' ')} {int(largest['troops']):,}"
    )
    if len(ranked) > 1:
        text += ", and the next largest are " + listed(
            _as_reported(r) for _, r in ranked.iloc[1:3].iterrows()
        )
    return text + "."


def exercises(counts: pd.DataFrame, sized: pd.DataFrame) -> alt.VConcatChart:
    """Two panels: exercises held per year by series (stacked bars); reported sizes (points).

    ``counts``: one row per year, series and role, columns ``year``, ``series``, ``role``,
    ``exercises`` (how many exercises, each counted once); ``sized``: one row per stand-alone or
    umbrella exercise with a reported size, columns ``year``, ``series``, ``name_as_reported``,
    ``host_country``, ``troops``, ``troops_qualifier``.
    """
    counts = counts.astype({"series": str, "role": str})
    cols = ["year", "series", "name_as_reported", "host_country", "troops", "troops_qualifier"]
    sized = sized[cols].astype({"series": str, "host_country": str, "troops_qualifier": str})
    sized = sized.astype({"troops": int, "year": int})
    present = set(counts["series"]) | set(sized["series"])
    order = [s for s in SERIES_ORDER if s in present] + sorted(present - set(SERIES_ORDER))
    colour = alt.Scale(domain=order, range=charts.PALETTE[: len(order)])
    pick = alt.selection_point(fields=["series"], bind="legend")
    by_year = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("sum(exercises):Q", title="Exercises held", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("series:N", sort=order, title="Series", scale=colour),
            opacity=alt.condition(pick, alt.value(1), alt.value(0.2)),
            tooltip=["year:O", "series:N", "role:N", "exercises:Q"],
        )
        .add_params(pick)
    )
    sizes = (
        alt.Chart(sized)
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("troops:Q", title="Reported troops (stand-alone or umbrella)"),
            color=alt.Color("series:N", sort=order, scale=colour),
            shape=alt.Shape("series:N", sort=order, legend=None),
            opacity=alt.condition(pick, alt.value(1), alt.value(0.2)),
            tooltip=[
                "name_as_reported:N",
                "year:O",
                alt.Tooltip("troops:Q", format=",.0f"),
                "troops_qualifier:N",
            ],
        )
    )
    return charts.described(
        alt.vconcat(
            by_year.properties(width=560, height=170), sizes.properties(width=560, height=170)
        ).properties(title="CSTO exercises by year and series, and their reported size"),
        _exercises_description(counts, sized),
    )


def nato(compare: pd.DataFrame) -> alt.Chart:
    """Dot plot (log scale) of published force sizes: the CSTO force, NATO's VJTF and NRF.

    ``compare``: one row per published claim, columns ``subject`` (one of
    :data:`SUBJECT_ORDER`), ``year``, ``value``, ``qualifier``, ``claimed_by``.
    """
    compare = compare[["subject", "year", "value", "qualifier", "claimed_by"]].astype(
        {"subject": str, "qualifier": str, "claimed_by": str, "value": float}
    )
    present = set(compare["subject"])
    order = [s for s in SUBJECT_ORDER if s in present] + sorted(present - set(SUBJECT_ORDER))
    chart = (
        alt.Chart(compare)
        .mark_point(filled=True, size=70)
        .encode(
            x=alt.X("value:Q", title="Personnel (log scale)", scale=alt.Scale(type="log")),
            y=alt.Y("subject:N", sort=order, title=None),
            color=alt.Color(
                "subject:N",
                sort=order,
                legend=None,
                scale=alt.Scale(domain=order, range=charts.PALETTE[: len(order)]),
            ),
            tooltip=[
                "subject:N",
                "year:Q",
                alt.Tooltip("value:Q", format=",.0f"),
                "qualifier:N",
                "claimed_by:N",
            ],
        )
    )
    parts = []
    for subject in order:
        rows = compare[compare["subject"] == subject]
        low, high = int(rows["value"].min()), int(rows["value"].max())
        years = rows["year"].dropna().astype(int)
        when = (
            f" (figures for {years.min()} to {years.max()})"
            if len(years) and years.min() < years.max()
            else ""
        )
        parts.append(f"{subject}: {len(rows)} claims from {_span(low, high)}{when}")
    text = (
        f"Dot plot on a logarithmic scale with {len(order)} rows, each dot one published claim. "
        + "; ".join(parts)
        + ". The NATO figures differ by year and by whether air, maritime and special-forces "
        "components are included."
    )
    return charts.described(
        chart.properties(
            width=520,
            height=150,
            title="Force size: CSTO force in Kazakhstan vs NATO VJTF and NRF (claims)",
        ),
        text,
    )
