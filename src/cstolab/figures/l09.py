"""Lesson 9 (weighing sources): the lesson's three presentation charts and their text descriptions.

Each function takes the table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`troops`: who claimed how many troops, per contingent (dot plot with ranges);
* :func:`tolls`: official death-toll and detention figures by the date they were reported;
* :func:`grades`: the course's own rows per dataset and grade of their leading source (heat map).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed
from cstolab.sources import GRADES

#: Claimant types, most authoritative first (the order of :data:`cstolab.claims.CLAIMANT_RANK`).
CLAIMANTS = ["csto official", "national official", "analyst", "media"]
#: Contingents top to bottom: the total first, then the national contingents, largest first.
COUNTRY_ORDER = ["CSTO total", "Russia", "Belarus", "Tajikistan", "Kyrgyzstan", "Armenia"]
DEATHS = "overall death toll"
DETAINED = "people detained"


def _words(series: pd.Series) -> pd.Series:
    return series.astype(str).str.replace("_", " ")


def _countries(present: pd.Series) -> list[str]:
    """COUNTRY_ORDER first, then any other contingent in the data, alphabetically."""
    seen = set(present.astype(str))
    return [c for c in COUNTRY_ORDER if c in seen] + sorted(seen - set(COUNTRY_ORDER))


def _values(rows: pd.DataFrame) -> str:
    return " or ".join(f"{int(v):,}" for v in sorted(rows["value"].unique()))


def _troops_description(plot: pd.DataFrame, order: list[str]) -> str:
    total = plot[plot["country"] == order[0]]
    counts = total["value"].value_counts()
    common = counts[counts == counts.max()].index if counts.max() > 1 else counts.index[:0]
    text = (
        f"Dot plot: one row per contingent (the {order[0]}, then {', '.join(order[1:])}). Each dot "
        "is a published claim, coloured by the kind of claimant; a grey line spans the lowest to "
        f"the highest claim. The {len(total)} claims about the total range from "
        f"{int(total['value'].min()):,} to {int(total['value'].max()):,}"
    )
    if len(common):
        text += "; the most repeated figure is " + listed(
            f"{int(v):,} ({counts[v]} claims)" for v in sorted(common)
        )
    text += "."
    differ, agree = [], []
    for country in order[1:]:
        rows = plot[plot["country"] == country]
        if rows["value"].nunique() > 1:
            differ.append(f"{country} ({_values(rows)})")
        else:
            kinds = listed(sorted(rows["claimant"].unique()))
            agree.append(f"{country} ({_values(rows)}, from {kinds})")
    if differ:
        text += f" Claims differ for {listed(differ)}."
    if agree:
        text += f" All claims agree for {listed(agree)}."
    return text


def troops(claims: pd.DataFrame) -> alt.LayerChart:
    """Dot plot of the troop claims per contingent, with a grey line from lowest to highest.

    ``claims``: one row per claim with a value, columns ``country``, ``value``,
    ``value_qualifier``, ``claimed_by``, ``claimant_type``, ``claim_date``, ``source_id``.
    """
    plot = claims.assign(
        claimant=_words(claims["claimant_type"]),
        qualifier=_words(claims["value_qualifier"]),
        country=claims["country"].astype(str),
        value=claims["value"].astype(int),
    )[["country", "value", "qualifier", "claimant", "claimed_by", "claim_date", "source_id"]]
    order = _countries(plot["country"])
    spans = plot.groupby("country", as_index=False)["value"].agg(low="min", high="max")
    pick = alt.selection_point(fields=["claimant"], bind="legend")
    ranges = (
        alt.Chart(spans)
        .mark_rule(strokeWidth=2, color=charts.PALETTE[6])
        .encode(y=alt.Y("country:N", sort=order), x="low:Q", x2="high:Q")
    )
    dots = (
        alt.Chart(plot)
        .mark_point(size=110, filled=True)
        .encode(
            x=alt.X("value:Q", title="Troops claimed"),
            y=alt.Y("country:N", sort=order, title=None),
            yOffset=alt.YOffset("claimant:N", sort=CLAIMANTS),
            color=alt.Color(
                "claimant:N",
                title="Claimant (click to highlight)",
                scale=alt.Scale(domain=CLAIMANTS, range=charts.PALETTE[:4]),
            ),
            opacity=alt.condition(pick, alt.value(1), alt.value(0.15)),
            tooltip=[
                alt.Tooltip("country:N"),
                alt.Tooltip("value:Q", format=","),
                alt.Tooltip("qualifier:N"),
                alt.Tooltip("claimed_by:N", title="claimed by"),
                alt.Tooltip("claim_date:T", format="%d %b %Y", title="date"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
        .add_params(pick)
    )
    claimed_in = f"{plot['claim_date'].min():%B %Y}"
    return charts.described(
        (ranges + dots).properties(
            width=540,
            height=280,
            title=f"Who claimed how many CSTO troops in Kazakhstan, {claimed_in}",
        ),
        _troops_description(plot, order),
    )


def _series_in_words(rows: pd.DataFrame) -> str:
    rows = rows.sort_values("reported_on")
    return ", ".join(f"{int(r.value):,} ({r.reported_on:%-d %b %Y})" for r in rows.itertuples())


def tolls(deaths: pd.DataFrame, detained: pd.DataFrame) -> alt.FacetChart:
    """Two line charts side by side: death-toll claims and detention figures by date reported.

    ``deaths`` and ``detained``: rows of ``crisis_2022`` with ``reported_on``, ``date``,
    ``value``, ``value_qualifier`` and ``claimed_by``.
    """
    series = pd.concat([deaths.assign(measure=DEATHS), detained.assign(measure=DETAINED)])[
        ["measure", "reported_on", "value", "value_qualifier", "claimed_by"]
    ].copy()
    series["value_qualifier"] = _words(series["value_qualifier"])
    base = alt.Chart(series).encode(
        x=alt.X(
            "reported_on:T",
            title="Date the figure was reported",
            axis=alt.Axis(format="%d %b %Y"),
        ),
        y=alt.Y("value:Q", title="Number claimed"),
        tooltip=[
            alt.Tooltip("measure:N"),
            alt.Tooltip("value:Q", format=","),
            alt.Tooltip("value_qualifier:N", title="qualifier"),
            alt.Tooltip("claimed_by:N", title="claimed by"),
            alt.Tooltip("reported_on:T", format="%d %b %Y", title="reported"),
        ],
    )
    panel = (
        base.mark_line(color=charts.PALETTE[6])
        + base.mark_point(size=70, filled=True, color=charts.PALETTE[0])
    ).properties(width=250, height=220)
    began = pd.concat([deaths["date"], detained["date"]]).min()
    latest_detained = detained.sort_values("reported_on").iloc[-1]
    peak = detained.loc[detained["value"].idxmax()]
    description = (
        f"Two line charts. Left: {len(deaths)} overall death-toll claims by date reported: "
        f"{_series_in_words(deaths)}. Right: {len(detained)} detention figures: "
        f"{_series_in_words(detained)}; the highest is {int(peak['value']):,} "
        f"({peak['reported_on']:%-d %b %Y}), the last reported is {int(latest_detained['value']):,}."
    )
    return charts.described(
        panel.facet(column=alt.Column("measure:N", title=None))
        .resolve_scale(x="independent", y="independent")
        .properties(title=f"Official figures on the {began:%B %Y} unrest, by date reported"),
        description,
    )


def grades(evidence: pd.DataFrame) -> alt.LayerChart:
    """Heat map: rows per dataset (y) and grade of their leading source (x), with counts.

    ``evidence``: the table of :func:`cstolab.sources.evidence_by_grade` (``dataset``, ``grade``,
    ``rows``, ``share``).
    """
    grade_order = list(GRADES)
    per_dataset = evidence.groupby("dataset")["rows"].sum().sort_values(ascending=False)
    dataset_order = per_dataset.index.tolist()
    base = alt.Chart(evidence).encode(
        x=alt.X(
            "grade:N",
            sort=grade_order,
            title="Grade of the row's leading source (documents to copies)",
            axis=alt.Axis(labelAngle=-40),
        ),
        y=alt.Y("dataset:N", sort=dataset_order, title=None),
    )
    heat = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("rows:Q", title="Rows", scale=alt.Scale(scheme="blues")),
        tooltip=[
            alt.Tooltip("dataset:N"),
            alt.Tooltip("grade:N"),
            alt.Tooltip("rows:Q"),
            alt.Tooltip("share:Q", format=".0%", title="share of the dataset"),
        ],
    )
    dark = 0.6 * int(evidence["rows"].max())  # white text only on the darker cells, for contrast
    labels = (
        base.mark_text(fontSize=12)
        .encode(
            text="rows:Q",
            color=alt.condition(
                alt.datum.rows > dark, alt.value("#ffffff"), alt.value(charts.TEXT_COLOUR)
            ),
        )
        .transform_filter(alt.datum.rows > 0)
    )
    largest = evidence.sort_values("rows", ascending=False, kind="mergesort").head(4)
    copies = evidence[(evidence["grade"] == "reprint") & (evidence["rows"] > 0)]
    copies = copies.sort_values("rows", ascending=False, kind="mergesort")
    per_grade = evidence.groupby("grade")["rows"].sum()
    absent = [g for g in grade_order if per_grade.get(g, 0) == 0]
    description = (
        f"Heat map: one row per dataset ({listed(dataset_order)}), one column per grade from "
        f"{grade_order[0]} to {grade_order[-1]}; each cell gives the number of rows counted under "
        "that grade, the grade of the row's leading source. The largest cells: "
        + ", ".join(f"{r.dataset} {r.grade} {r.rows}" for r in largest.itertuples())
        + ". Rows resting only on reprints: "
        + (", ".join(f"{r.dataset} {r.rows}" for r in copies.itertuples()) or "none")
        + "."
        + (f" No row is counted under {listed(absent)}." if absent else "")
    )
    total = int(per_dataset.sum())
    return charts.described(
        (heat + labels).properties(
            width=460,
            height=260,
            title=f"How the {total} rows of the course's datasets are sourced, by grade",
        ),
        description,
    )
