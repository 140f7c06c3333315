"""Lesson 4 (the operation): the lesson's three presentation charts and their text descriptions.

Each function takes the table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`claims`: competing troop claims per national contingent (dot plot, log scale);
* :func:`totals`: claims about the size of the whole force, by date of the claim;
* :func:`timeline`: deployment and withdrawal events per contingent.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

#: Claimant types, most authoritative first (the order of :data:`cstolab.claims.CLAIMANT_RANK`).
TYPE_ORDER = ["csto_official", "national_official", "analyst", "media"]
#: Contributing states, largest contingent first.
COUNTRY_ORDER = ["Russia", "Belarus", "Armenia", "Kyrgyzstan", "Tajikistan"]
CLAIMANT_WORDS = {
    "csto_official": "CSTO officials",
    "national_official": "national officials",
    "analyst": "an analyst",
    "media": "the media",
}
DEPLOYED = "deployment (decision, dispatch or arrival)"
DEPARTED = "departure"


def _jan_domain() -> alt.ExprRef:
    # 5 to 20 January 2022 as a Vega expression (months count from 0), read alike by every layer
    return alt.ExprRef("[datetime(2022, 0, 5), datetime(2022, 0, 20)]")


def _countries(present: Iterable[str]) -> list[str]:
    """COUNTRY_ORDER first, then any other state in the data, alphabetically."""
    present = {str(c) for c in present}
    return [c for c in COUNTRY_ORDER if c in present] + sorted(present - set(COUNTRY_ORDER))


def _claimants(rows: pd.DataFrame) -> str:
    """'official' if any official made the claims, else the kinds of claimant."""
    kinds = {str(k) for k in rows["claimant_type"]}
    if kinds & {"csto_official", "national_official"}:
        return "official"
    return ", ".join(sorted(k.replace("_", " ") for k in kinds))


def _claims_about(national: pd.DataFrame, country: str) -> str:
    """One country's claims in words: the range, or the figure all its claims agree on."""
    rows = national[national["country"].astype(str) == country]
    low, high = int(rows["value"].min()), int(rows["value"].max())
    if low < high:
        return (
            f"{country}'s range from {low:,} ({_claimants(rows[rows['value'] == low])}) "
            f"to {high:,} ({_claimants(rows[rows['value'] == high])})"
        )
    both = "both" if len(rows) == 2 else "all"
    media = f", {both} from the media," if _claimants(rows) == "media" else ""
    if len(rows) == 1:
        return f"{country}'s single claim is {low:,}"
    return f"{country}'s {len(rows)} claims{media} agree on {low:,}"


def claims(national: pd.DataFrame) -> alt.LayerChart:
    """Dot plot of the troop claims per national contingent, with a bar from smallest to largest.

    ``national``: one row per claim with a value, columns ``country``, ``value`` (int),
    ``value_qualifier``, ``claimed_by``, ``claimant_type``, ``claim_date``, ``source_id``.
    """
    national = national.astype({"country": str, "claimant_type": str, "value_qualifier": str})
    order = _countries(national["country"])
    pick = alt.selection_point(fields=["claimant_type"], bind="legend")
    ranges = national.groupby("country", as_index=False)["value"].agg(low="min", high="max")
    log_scale = alt.Scale(type="log", domain=[50, 4000], nice=False)
    rule = (
        alt.Chart(ranges)
        .mark_rule(color=charts.PALETTE[6], strokeWidth=3)
        .encode(
            y=alt.Y("country:N", sort=order, title=None),
            x=alt.X("low:Q", title="Troops claimed (personnel, log scale)", scale=log_scale),
            x2="high:Q",
            tooltip=[
                alt.Tooltip("country:N"),
                alt.Tooltip("low:Q", title="smallest claim"),
                alt.Tooltip("high:Q", title="largest claim"),
            ],
        )
    )
    legend_title = "Claimant (click to filter)"
    dots = (
        alt.Chart(national)
        .mark_point(filled=True, size=110, opacity=0.85)
        .encode(
            y=alt.Y("country:N", sort=order),
            x=alt.X("value:Q"),
            yOffset=alt.YOffset("claimant_type:N", sort=TYPE_ORDER),
            color=alt.Color(
                "claimant_type:N",
                title=legend_title,
                sort=TYPE_ORDER,
                scale=alt.Scale(domain=TYPE_ORDER, range=charts.PALETTE[:4]),
            ),
            shape=alt.Shape(
                "claimant_type:N",
                title=legend_title,
                sort=TYPE_ORDER,
                scale=alt.Scale(domain=TYPE_ORDER),
            ),
            opacity=alt.condition(pick, alt.value(0.9), alt.value(0.15)),
            tooltip=[
                alt.Tooltip("country:N"),
                alt.Tooltip("value:Q", title="troops"),
                alt.Tooltip("value_qualifier:N", title="qualifier"),
                alt.Tooltip("claimed_by:N", title="claimed by"),
                alt.Tooltip("claimant_type:N", title="claimant type"),
                alt.Tooltip("claim_date:T", title="claimed on", format="%d %b %Y"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
        .add_params(pick)
    )
    return charts.described(
        (rule + dots).properties(
            width=540,
            height=260,
            title="Competing claims about the size of each national contingent",
        ),
        "Dot plot on a logarithmic axis, one row per contributing state. Each dot is one published "
        "claim of troop numbers, coloured and shaped by the type of claimant; a grey bar spans the "
        "smallest to the largest claim. "
        + "; ".join(_claims_about(national, c) for c in order)
        + ".",
    )


def _qualifiers(rows: pd.DataFrame) -> str:
    """The qualifiers of some claims in words: 'about, up to, exact'."""
    return ", ".join(rows["value_qualifier"].astype(str).str.replace("_", " ").unique())


def _totals_description(totals: pd.DataFrame) -> str:
    """The totals chart in words. Early claims are those made before the first claim below the
    most common figure; an analyst's later claims are described on their own."""
    usual = int(totals["value"].mode().iloc[0])
    text = (
        "Scatter plot of claims about the size of the whole CSTO force, by date of the claim from "
        f"{totals['claim_date'].min():%-d} to {totals['claim_date'].max():%-d %B %Y}."
    )
    lower = totals.loc[totals["value"] < usual, "claim_date"]
    if lower.empty:
        return text + f" The most common figure is {usual:,}; no claim is lower."
    fall_day = lower.min()
    first_days = totals[totals["claim_date"] < fall_day]
    if not first_days.empty:
        text += (
            f" Early claims on {listed(first_days['claim_date'].dt.day.unique())} "
            f"{fall_day:%B} cluster at {usual:,} "
            f"({_qualifiers(first_days[first_days['value'] == usual])})"
        )
        outliers = first_days[first_days["value"] > usual]
        if not outliers.empty:
            high = outliers.loc[outliers["value"].idxmax()]
            text += (
                f", with one {str(high['claimant_type']).replace('_', ' ')} outlier of "
                f"{int(high['value']):,} on {high['claim_date']:%-d %B}"
            )
        text += "."
    since = totals[totals["claim_date"] >= fall_day]
    later = since[since["claimant_type"] != "analyst"]
    later_text = listed(
        f"{int(value):,} ({_qualifiers(g)}; "
        f"{listed(g['claimant_type'].map(CLAIMANT_WORDS).unique())})"
        for value, g in later.sort_values("value", ascending=False).groupby("value", sort=False)
    )
    text += f" From {fall_day:%-d %B} the claims are {later_text}"
    for _, row in since[since["claimant_type"] == "analyst"].iterrows():
        verb = "repeats" if row["value"] == usual else "gives"
        text += (
            f"; {str(row['claimed_by']).split(',')[0]}, an analyst, on "
            f"{row['claim_date']:%-d %B} {verb} {int(row['value']):,}"
        )
    return text + "."


def totals(totals: pd.DataFrame) -> alt.Chart:
    """Scatter plot of the claims about the whole force's size, by date of the claim.

    ``totals``: one row per claim about the total with a value, columns ``value`` (int),
    ``value_qualifier``, ``claimed_by``, ``claimant_type``, ``claim_date``, ``source_id``.
    """
    totals = totals.astype({"claimant_type": str, "value_qualifier": str})
    pick = alt.selection_point(fields=["claimant_type"], bind="legend")
    chart = (
        alt.Chart(totals)
        .mark_point(filled=True, size=130)
        .encode(
            x=alt.X(
                "claim_date:T",
                title="Date of the claim (January 2022)",
                axis=alt.Axis(format="%d %b"),
                scale=alt.Scale(domain=_jan_domain()),
            ),
            y=alt.Y(
                "value:Q",
                title="Troops claimed for the whole force",
                scale=alt.Scale(domain=[0, 4000]),
            ),
            color=alt.Color(
                "claimant_type:N",
                title="Claimant (click to filter)",
                sort=TYPE_ORDER,
                scale=alt.Scale(domain=TYPE_ORDER, range=charts.PALETTE[:4]),
            ),
            shape=alt.Shape("value_qualifier:N", title="Qualifier"),
            opacity=alt.condition(pick, alt.value(0.9), alt.value(0.15)),
            tooltip=[
                alt.Tooltip("value:Q", title="troops"),
                alt.Tooltip("value_qualifier:N", title="qualifier"),
                alt.Tooltip("claimed_by:N", title="claimed by"),
                alt.Tooltip("claimant_type:N", title="claimant type"),
                alt.Tooltip("claim_date:T", title="claimed on", format="%d %b %Y"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
        .add_params(pick)
    )
    return charts.described(
        chart.properties(
            width=540, height=280, title="Claims about the total size of the CSTO force"
        ),
        _totals_description(totals),
    )


def _timeline_description(span: pd.DataFrame, moves: pd.DataFrame) -> str:
    first_move = moves[moves["phase"] != DEPARTED].groupby("contingent")["date"].min()
    departures = moves[moves["phase"] == DEPARTED].groupby("contingent")["date"].agg(["min", "max"])
    one_day = departures[departures["min"] == departures["max"]]["min"]
    in_waves = departures[departures["min"] < departures["max"]]
    arrivals = listed(
        f"on {day:%-d %B} for {listed(sorted(g.index))}"
        for day, g in first_move.groupby(first_move)
    )
    leaving = [
        f"{listed(sorted(g.index))} all leave on {day:%-d %B}"
        for day, g in one_day.groupby(one_day)
    ]
    leaving += [
        f"{c} leaves in waves from {d['min']:%-d} to {d['max']:%-d %B}"
        for c, d in in_waves.iterrows()
    ]
    no_move = sorted(set(span["contingent"]) - set(first_move.index))
    verb = "has" if len(no_move) == 1 else "have"
    gap = f" ({listed(no_move)} {verb} no dated deployment event)" if no_move else ""
    return (
        f"Timeline of {moves['date'].min():%B %Y}, one row per contributing state. Bars run from "
        "the first dated deployment event to the departure; dots mark dated events, green for a "
        "deployment decision, dispatch or arrival and red for departure. "
        f"Deployment begins {arrivals}{gap}. " + "; ".join(leaving) + "."
    )


def timeline(span: pd.DataFrame, moves: pd.DataFrame) -> alt.LayerChart:
    """Timeline per contingent: a bar from first dated event to departure, a dot per event.

    ``span``: one row per contingent, columns ``contingent``, ``start``, ``end`` (dates);
    ``moves``: one row per dated event, columns ``contingent``, ``date``, ``phase`` (one of
    :data:`DEPLOYED`, :data:`DEPARTED`), ``description``, ``source_id``.
    """
    order = _countries(span["contingent"])
    # one scale object shared by both layers, so that they do not ask for conflicting domains
    date_scale = alt.Scale(domain=_jan_domain())
    bars = (
        alt.Chart(span[["contingent", "start", "end"]])
        .mark_bar(height=12, color=charts.PALETTE[0], opacity=0.5)
        .encode(
            y=alt.Y("contingent:N", sort=order, title=None),
            x=alt.X(
                "start:T",
                title="Date (January 2022)",
                axis=alt.Axis(format="%d %b"),
                scale=date_scale,
            ),
            x2="end:T",
            tooltip=[
                alt.Tooltip("contingent:N"),
                alt.Tooltip("start:T", title="first dated event", format="%d %b"),
                alt.Tooltip("end:T", title="departure", format="%d %b"),
            ],
        )
    )
    marks = (
        alt.Chart(moves[["contingent", "date", "phase", "description", "source_id"]])
        .mark_point(filled=True, size=90)
        .encode(
            y=alt.Y("contingent:N", sort=order),
            x=alt.X("date:T", scale=date_scale),
            color=alt.Color(
                "phase:N",
                title="Event",
                legend=alt.Legend(labelLimit=320),
                scale=alt.Scale(
                    domain=[DEPLOYED, DEPARTED], range=[charts.PALETTE[2], charts.PALETTE[1]]
                ),
            ),
            shape=alt.Shape("phase:N", legend=None),
            tooltip=[
                alt.Tooltip("contingent:N"),
                alt.Tooltip("date:T", format="%d %b %Y"),
                alt.Tooltip("phase:N"),
                alt.Tooltip("description:N"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
    )
    return charts.described(
        (bars + marks).properties(
            width=540, height=220, title="Deployment and withdrawal of each contingent"
        ),
        _timeline_description(span, moves),
    )
