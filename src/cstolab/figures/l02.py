"""Lesson 2 (the treaty and the organisation): the lesson's three presentation charts.

Each function takes the table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`milestones`: institutional milestones by year and kind (dot plot);
* :func:`secretaries_general`: the terms of the Secretaries-General (Gantt chart);
* :func:`force_sizes`: every reported size of the collective forces, by date of the report.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

__all__ = ["KINDS", "force_sizes", "in_office", "milestones", "secretaries_general"]

#: Kinds of milestone shown on the timeline, in the order of its rows (``milestone_type`` with
#: spaces for underscores).
KINDS = [
    "treaty",
    "protocol",
    "un status",
    "organisation",
    "charter",
    "agreement",
    "force creation",
    "strategy",
]


def _kinds(present: pd.Series) -> list[str]:
    """KINDS first, then any other kind in the data, alphabetically."""
    found = {str(k) for k in present}
    return [k for k in KINDS if k in found] + sorted(found - set(KINDS))


def _years(rows: pd.DataFrame) -> str:
    """The distinct years of some rows in date order, as prose: '1999, 2000 and 2010'."""
    years = rows.sort_values("date")["date"].dt.year
    return listed(dict.fromkeys(years.tolist()))


def milestones(milestones: pd.DataFrame) -> alt.Chart:
    """Dot plot of institutional milestones: x the date, y the kind of milestone.

    ``milestones``: one row per milestone (preferred rows), columns ``date``, ``kind`` (e.g.
    'treaty', 'force creation'), ``name`` and ``source_id``.
    """
    rows = milestones[["date", "kind", "name", "source_id"]].astype({"kind": str})
    order = _kinds(rows["kind"])
    highlight = alt.selection_point(fields=["kind"], bind="legend")
    chart = (
        alt.Chart(rows)
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X("date:T", title="Year", axis=alt.Axis(format="%Y")),
            y=alt.Y("kind:N", title=None, sort=order),
            color=alt.Color(
                "kind:N",
                title="Kind of milestone (click to highlight)",
                sort=order,
                scale=alt.Scale(range=charts.PALETTE),
            ),
            opacity=alt.condition(highlight, alt.value(1.0), alt.value(0.15)),
            tooltip=[
                alt.Tooltip("name:N", title="milestone"),
                alt.Tooltip("date:T", format="%d %b %Y"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
        .add_params(highlight)
    )
    per_kind = "; ".join(f"{kind}: {_years(rows[rows['kind'] == kind])}" for kind in order)
    return charts.described(
        chart.properties(
            width=560,
            height=260,
            title="From treaty to organisation: institutional milestones",
        ),
        f"Dot plot of {len(rows)} institutional milestones by year and kind, "
        f"{rows['date'].min():%Y} to {rows['date'].max():%Y}, one row per kind. Years per kind: "
        f"{per_kind}.",
    )


def in_office(term: pd.Series) -> str:
    """When one term ran, in years: 'in 2017', 'from 2017 to 2018', or 'from 2026' if ongoing."""
    if term["ongoing"]:
        return f"from {term['start']:%Y}"
    if term["start"].year == term["end"].year:
        return f"in {term['start']:%Y}"
    return f"from {term['start']:%Y} to {term['end']:%Y}"


def secretaries_general(terms: pd.DataFrame) -> alt.Chart:
    """Gantt chart of the Secretaries-General: one bar per term, coloured by country.

    ``terms``: one row per term in order of taking office, columns ``person``, ``country``,
    ``role`` ('Secretary-General' or 'acting'), ``start``, ``end``, ``years``,
    ``end_inferred``, ``ongoing`` (bool) and ``source_id``.
    """
    terms = terms.astype({"person": str, "country": str, "role": str})
    chart = (
        alt.Chart(terms)
        .mark_bar(height=16)
        .encode(
            x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y")),
            x2="end:T",
            y=alt.Y("person:N", sort=alt.EncodingSortField("start", op="min"), title=None),
            color=alt.Color("country:N", title="Country", scale=alt.Scale(range=charts.PALETTE)),
            opacity=alt.Opacity(
                "role:N",
                title="Role",
                scale=alt.Scale(domain=["Secretary-General", "acting"], range=[1.0, 0.5]),
            ),
            tooltip=[
                alt.Tooltip("person:N"),
                alt.Tooltip("country:N"),
                alt.Tooltip("role:N"),
                alt.Tooltip("start:T", format="%d %b %Y"),
                alt.Tooltip("end:T", format="%d %b %Y"),
                alt.Tooltip("years:Q", title="years in office"),
                alt.Tooltip("end_inferred:N", title="end inferred from successor"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
    )
    holders = []
    for person, held in terms.groupby("person", sort=False):  # in order of first taking office
        verb = "acts" if (held["role"] == "acting").all() else "serves"
        spans = " and again ".join(held.apply(in_office, axis=1))
        holders.append(f"{person} of {held['country'].iloc[0]} {verb} {spans}")
    return charts.described(
        chart.properties(
            width=560,
            height=220,
            title=f"CSTO Secretaries-General, {terms['start'].min():%Y} to the data date",
        ),
        "Gantt chart of the Secretaries-General. " + "; ".join(holders) + ".",
    )


def _force_words(force: str, rows: pd.DataFrame) -> str:
    """One force's reported sizes in words: the range of its preferred or sole claims, then each
    alternative claim with its source and date."""
    main = rows[rows["claim"] != "alternative"]
    alternative = rows[rows["claim"] == "alternative"]
    low, high = int(main["value"].min()), int(main["value"].max())
    text = (
        f"{force}: {len(rows)} reports"
        + (f", {low:,} to {high:,}" if low < high else f", all of {low:,}")
        + f" ({main['date'].min():%Y} to {main['date'].max():%Y})"
    )
    for _, row in alternative.iterrows():
        author = str(row["reported_by"]).split(";")[0].rstrip("0123456789").title()
        text += (
            f", and an alternative claim of {int(row['value']):,} from {author} "
            f"in {row['date']:%B %Y}"
        )
    return text


def force_sizes(sizes: pd.DataFrame) -> alt.LayerChart:
    """Scatter plot of every reported force size by date of the report, coloured by force.

    ``sizes``: one row per reported size, columns ``force``, ``date``, ``value`` (int),
    ``reported_by`` (source ids), ``claim`` (claim status: 'sole', 'preferred', 'alternative')
    and ``note``. Dashed lines join reports about the same force.
    """
    sizes = sizes.astype({"force": str, "claim": str, "reported_by": str})
    pick = alt.selection_point(fields=["reported_by"], on="click", clear="dblclick")
    base = alt.Chart(sizes).encode(
        x=alt.X("date:T", title="Date of the report", axis=alt.Axis(format="%Y")),
        y=alt.Y("value:Q", title="Reported size (personnel)", axis=alt.Axis(format=",.0f")),
    )
    forces = sorted(sizes["force"].unique())
    colour = alt.Color(
        "force:N", title="Force", sort=forces, scale=alt.Scale(range=charts.PALETTE[: len(forces)])
    )
    lines = base.mark_line(strokeDash=[4, 3], opacity=0.35).encode(color=colour)
    points = (
        base.mark_point(filled=True, size=140)
        .encode(
            color=colour,
            shape=alt.Shape("claim:N", title="Claim status"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
            tooltip=[
                alt.Tooltip("force:N"),
                alt.Tooltip("value:Q", format=",.0f", title="reported size"),
                alt.Tooltip("date:T", format="%d %b %Y", title="reported"),
                alt.Tooltip("reported_by:N", title="source"),
                alt.Tooltip("claim:N", title="claim status"),
                alt.Tooltip("note:N"),
            ],
        )
        .add_params(pick)
    )
    per_force = "; ".join(_force_words(f, sizes[sizes["force"] == f]) for f in forces)
    return charts.described(
        (lines + points).properties(
            width=560,
            height=320,
            title="Reported sizes of CSTO forces, each claim shown separately",
        ),
        f"Scatter plot of {len(sizes)} reported force sizes by date of the report, "
        f"{sizes['date'].min():%Y} to {sizes['date'].max():%Y}, coloured by force; dashed lines "
        f"only join reports about the same force. {per_force}.",
    )
