"""Lesson 3 (the January 2022 crisis): the timeline, the chart of claimed figures and the map.

Each function takes the frames the lesson builds (``jan``, ``claims``, ``per_place``) and returns a
chart wrapped with :func:`cstolab.charts.described`; titles and text descriptions quote the data, so
they change when the data do.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from cstolab import charts, geo
from cstolab.prose import listed

__all__ = ["GROUP_ORDER", "SCOPES", "claims", "days", "event_map", "part_of_country", "timeline"]

GROUP_ORDER = ["Price and protest", "Violence", "Kazakh state", "CSTO", "Reported figures"]
SCOPES = [
    "all people",
    "security forces",
    "'armed criminals' (police term)",
    "in custody (not all detained)",
]


def days(rows: pd.DataFrame) -> str:
    """The first and last day of some events, as '2 to 5 January'."""
    return f"{rows['date'].min():%-d} to {rows['date'].max():%-d %B}"


def timeline(
    jan: pd.DataFrame, locations: pd.DataFrame, order: list[str] | None = None
) -> alt.TopLevelMixin:
    """Dot timeline of the period's rows, one row of dots per ``group`` (same-day dots stacked).

    ``jan`` needs the columns of ``crisis_2022`` plus ``group``; ``locations`` gives place names.
    """
    order = order or GROUP_ORDER
    rows = jan.sort_values(["date", "event_id"]).copy()
    rows["type"] = rows["event_type"].astype(str).str.replace("_", " ")
    rows["place"] = (
        rows["place_id"]
        .map(locations.set_index("place_id")["name"])
        .fillna("nationwide / not place-specific")
    )
    rows["k"] = rows.groupby(["date", "group"]).cumcount()  # stack same-day events of a group
    pick = alt.selection_point(fields=["group"], bind="legend")
    cols = [
        "date",
        "group",
        "type",
        "k",
        "place",
        "actor",
        "description",
        "claimed_by",
        "source_id",
    ]
    state_per_day = rows[rows["group"] == "Kazakh state"].groupby("date").size()
    chart = (
        alt.Chart(rows[cols])
        .mark_circle(size=110)
        .encode(
            x=alt.X(
                "date:T",
                title="Date (January 2022)",
                axis=alt.Axis(format="%-d %b", tickCount=20),
            ),
            y=alt.Y("group:N", sort=order, title=None),
            yOffset=alt.YOffset("k:O"),
            color=alt.Color(
                "group:N",
                sort=order,
                title="Click to highlight",
                scale=alt.Scale(domain=order, range=charts.PALETTE[: len(order)]),
            ),
            opacity=alt.condition(pick, alt.value(0.9), alt.value(0.12)),
            tooltip=[
                alt.Tooltip("date:T", format="%-d %B %Y"),
                alt.Tooltip("type:N", title="event type"),
                alt.Tooltip("place:N"),
                alt.Tooltip("actor:N"),
                alt.Tooltip("description:N"),
                alt.Tooltip("claimed_by:N", title="reported by"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
        .add_params(pick)
        .properties(
            width=600,
            height=300,
            title=f"The {rows['date'].min():%B %Y} crisis in Kazakhstan, day by day",
        )
    )
    spans = [
        ("protest events cluster on", rows[rows["type"] == "protest"]),
        ("violence on", rows[rows["group"] == "Violence"]),
        ("CSTO deployment runs from", rows[rows["type"] == "deployment"]),
        ("withdrawal from", rows[rows["type"] == "withdrawal"]),
    ]
    clauses = [f"{what} {days(part)}" for what, part in spans if len(part)]
    if len(state_per_day):
        clauses.insert(
            2,
            f"state decisions peak on {state_per_day.idxmax():%-d %B} ({state_per_day.max()} rows)",
        )
    figures = rows[rows["group"] == "Reported figures"]
    if len(figures):
        clauses.append(f"reported figures appear from {figures['date'].min():%-d %B} onwards")
    summary = "; ".join(clauses)
    return charts.described(
        chart,
        f"Timeline of events from {days(rows)} {rows['date'].max():%Y} in {len(order)} rows: "
        "price and protest, violence, Kazakh state decisions and statements, CSTO decisions and "
        "deployments, and reported figures (official casualty and detention counts and human-rights "
        f"bodies' findings). {summary[:1].upper()}{summary[1:]}. "
        "Clicking a legend entry highlights one group.",
    )


def claims(claims: pd.DataFrame) -> alt.TopLevelMixin:
    """Faceted dots (one panel per measure) of casualty and detention claims by date reported.

    ``claims`` needs ``measure``, ``scope``, ``date``, ``reported_on``, ``value``, ``qualifier``,
    ``claimed_by`` and ``description``.
    """
    cols = [
        "measure",
        "scope",
        "date",
        "reported_on",
        "value",
        "qualifier",
        "claimed_by",
        "description",
    ]
    base = alt.Chart().encode(
        x=alt.X(
            "yearmonthdate(reported_on):O",
            title="Reported on",
            axis=alt.Axis(format="%-d %b %y", labelAngle=-45),
        ),
        y=alt.Y("value:Q", title="Number claimed"),
        color=alt.Color(
            "scope:N",
            title="Who is counted",
            scale=alt.Scale(domain=SCOPES, range=charts.PALETTE[: len(SCOPES)]),
        ),
    )
    lines = base.mark_line(strokeDash=[4, 3], opacity=0.6).encode(detail="scope:N")
    dots = base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape("qualifier:N", title="Stated as"),
        tooltip=[
            alt.Tooltip("measure:N"),
            alt.Tooltip("scope:N"),
            alt.Tooltip("value:Q", format=","),
            alt.Tooltip("qualifier:N", title="stated as"),
            alt.Tooltip("claimed_by:N", title="claimed by"),
            alt.Tooltip("date:T", title="refers to", format="%-d %b %Y"),
            alt.Tooltip("reported_on:T", title="reported on", format="%-d %b %Y"),
            alt.Tooltip("description:N"),
        ],
    )
    everyone = claims[claims["scope"] == "all people"]
    deaths = everyone[everyone["measure"] == "killed"].sort_values(["reported_on", "value"])
    det = everyone[everyone["measure"] == "detained"].sort_values(["reported_on", "value"])
    first, last = deaths.iloc[0], deaths.iloc[-1]
    top = det.sort_values(["value", "reported_on"], ascending=[False, True]).iloc[0]
    custody = claims[claims["scope"] == "in custody (not all detained)"]
    later = (
        f", and a later, smaller figure ({custody['value'].iloc[0]:,}, "
        f"{custody['reported_on'].iloc[0]:%-d %B %Y}) counts people in custody"
        if len(custody)
        else ""
    )
    chart = (
        alt.layer(lines, dots, data=claims[cols])
        .properties(width=190, height=240)
        .facet(column=alt.Column("measure:N", title=None, sort=["killed", "injured", "detained"]))
        .resolve_scale(y="independent", x="independent")
        .properties(title="Casualty and detention figures as claimed, in order of publication")
    )
    return charts.described(
        chart,
        f"Three panels of points, one per measure: killed, injured and detained, {len(claims)} "
        "points in all. Each point is one published claim, placed by the date it was reported; "
        "colour shows who is counted (all people, security forces, people the police called armed "
        "criminals, people in custody) and the shape whether the number was exact, approximate or "
        f"a minimum. Death claims for all people go from {first['value']:,} "
        f"({first['reported_on']:%-d %B %Y}) to {last['value']:,} ({last['reported_on']:%-d %B %Y}), "
        f"with a highest of {deaths['value'].max():,}; "
        f"detention claims rise from {det['value'].iloc[0]:,} ({det['reported_on'].iloc[0]:%-d %B %Y}) "
        f"to a highest of {top['value']:,} (first reported {top['reported_on']:%-d %B %Y}){later}.",
    )


def _border() -> pd.DataFrame:
    kazakhstan = next(
        f for f in geo.boundaries()["features"] if f["properties"]["name"] == "Kazakhstan"
    )
    return pd.DataFrame(kazakhstan["geometry"]["coordinates"][0], columns=["lon", "lat"])


def part_of_country(place: Any, border: pd.DataFrame | None = None) -> str:
    """'north', 'south-east', 'centre'...: the third of Kazakhstan's extent a place lies in, each way.

    ``place`` has ``lat`` and ``lon``; ``border`` is the outline (defaults to Natural Earth's).
    """
    border = _border() if border is None else border

    def third(axis: str, names: list[str]) -> str:
        low, high = border[axis].min(), border[axis].max()
        return names[max(0, min(int(3 * (place[axis] - low) / (high - low)), 2))]

    words = [third("lat", ["south", "", "north"]), third("lon", ["west", "", "east"])]
    return "-".join(w for w in words if w) or "centre"


def event_map(
    per_place: pd.DataFrame,
    jan: pd.DataFrame,
    labelled: tuple[str, ...] = ("almaty", "nur_sultan", "zhanaozen"),
) -> alt.TopLevelMixin:
    """Map of Kazakhstan with one circle per place, sized by its number of events.

    ``per_place`` has ``place_id``, ``name``, ``place_type``, ``lat``, ``lon``, ``events``,
    ``types``, ``first`` and ``last`` (dates), sorted by ``events``; ``jan`` is the period's rows
    (with ``type``), used for the dates in the title and where the protests began.
    """
    per_place = per_place.sort_values("events", ascending=False, kind="mergesort")
    shown = per_place.assign(
        first=per_place["first"].dt.strftime("%-d %b"), last=per_place["last"].dt.strftime("%-d %b")
    )
    dots = (
        alt.Chart(shown)
        .mark_circle(color=charts.PALETTE[1], opacity=0.75, stroke="white", strokeWidth=1)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size(
                "events:Q",
                title="Events",
                scale=alt.Scale(domain=[1, int(per_place["events"].max())], range=[60, 1200]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title="place"),
                alt.Tooltip("place_type:N", title="kind"),
                alt.Tooltip("events:Q"),
                alt.Tooltip("types:N", title="event types"),
                alt.Tooltip("first:N", title="first event"),
                alt.Tooltip("last:N", title="last event"),
            ],
        )
    )
    named = per_place[per_place["place_id"].isin(labelled)]
    labels = (
        alt.Chart(named[["name", "lat", "lon"]])
        .mark_text(align="left", dx=12, fontSize=12)
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    )
    border = _border()
    parts = per_place.assign(part=per_place.apply(part_of_country, axis=1, border=border))
    biggest, smaller = parts.head(3), parts.iloc[3:]
    protests = jan[(jan["type"] == "protest") & jan["place_id"].notna()]
    first_protest = protests.sort_values("date")["place_id"].iloc[0] if len(protests) else None
    protest_part = parts.set_index("place_id")["part"].get(first_protest) if first_protest else None
    big_text = listed(
        f"{'the capital ' if p['place_type'] == 'capital' else ''}{p['name']} in the {p['part']} "
        f"({p['events']} events)"
        for _, p in biggest.iterrows()
    )
    began = ", where the protests began"
    groups = [
        f"{listed(g['name'])} in the {part}{began if part == protest_part else ''}"
        for part, g in smaller.groupby("part", sort=False)
    ]
    if len(groups) > 1:
        small_text = "; ".join(groups[:-1]) + "; and " + groups[-1]
    else:
        small_text = groups[0] if groups else "no other places"
    start, end = jan["date"].min(), jan["date"].max()
    chart = (geo.basemap(["Kazakhstan"], width=600, height=340) + dots + labels).properties(
        title=f"Where the {start:%B %Y} events took place ({start:%-d}-{end:%-d %B})"
    )
    return charts.described(
        chart,
        "Map of Kazakhstan and its neighbours in grey, with a circle for each of the "
        f"{len(per_place)} places in Kazakhstan where events of {days(jan)} {end:%Y} are recorded, "
        f"sized by the number of events ({int(per_place['events'].sum())} in all). The largest "
        f"circles are at {big_text}; smaller circles mark {small_text}. "
        f"{listed(named['name'])} are labelled.",
    )
