"""Lesson 1 (what is the CSTO?): the membership timeline and its text description.

:func:`timeline` takes the tables the lesson builds in its visible code (``periods`` from
:func:`cstolab.membership.membership_periods` and the preferred ``members`` events) and returns a
chart wrapped by :func:`cstolab.charts.described`, with a description computed from the same rows,
so it changes when the data do.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

__all__ = ["STATUSES", "order_of", "timeline", "timeline_description"]

#: The statuses a membership period can have, in legend order.
STATUSES = ["member", "participation frozen"]


def order_of(periods: pd.DataFrame) -> list[str]:
    """States in the order they first joined (ties alphabetically): the timeline's rows."""
    first = periods.assign(country=periods["country"].astype(str)).groupby("country")["start"].min()
    return first.reset_index().sort_values(["start", "country"])["country"].tolist()


def timeline_description(periods: pd.DataFrame) -> str:
    """The timeline in words: who starts in the first year, who lapses, returns and freezes."""
    periods = periods.assign(country=periods["country"].astype(str))
    first_year = periods["start"].min().year
    n_from_first = periods.loc[periods["start"].dt.year == first_year, "country"].nunique()
    text = (
        f"Timeline, {first_year} to the data date, with one row per state. Bars show periods of "
        "membership; diamonds mark individual events such as signatures, non-renewals, suspension "
        f"and freezing. Bars for {n_from_first} states begin in {first_year}"
    )
    lapsed = periods[periods["end_event"].astype("string") == "non_renewal"]
    for year, rows in lapsed.groupby(lapsed["end"].dt.year):
        text += f"; {listed(sorted(rows['country'].unique()))} end in {year}"
    for _, back in periods[periods["start_event"].astype("string") == "return"].iterrows():
        until = "the data date" if bool(back["ongoing"]) else f"{back['end']:%Y}"
        text += f"; {back['country']} returns from {back['start']:%Y} to {until}"
    for _, froze in periods[periods["status"] == "participation frozen"].iterrows():
        text += f"; {froze['country']}'s bar changes to frozen participation in {froze['start']:%Y}"
    ongoing = periods[periods["ongoing"].astype(bool) & (periods["status"] == "member")]
    text += (
        f". {len(ongoing)} states are full members at the data date: "
        f"{listed(sorted(ongoing['country']))}."
    )
    return text


def timeline(periods: pd.DataFrame, events: pd.DataFrame) -> alt.LayerChart:
    """Membership timeline: a bar per period (coloured by status), a diamond per event.

    ``periods``: one row per state and period, columns ``country``, ``status`` (one of
    :data:`STATUSES`), ``start``, ``end``, ``ongoing``, ``start_event``, ``end_event`` (as from
    :func:`cstolab.membership.membership_periods`); ``events``: one row per preferred membership
    event with a country, columns ``country``, ``event`` (event type in words), ``date``,
    ``description``, ``source_id``.
    """
    order = order_of(periods)
    bars = (
        alt.Chart(periods.astype({"country": str}))
        .mark_bar(height=14)
        .encode(
            x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y")),
            x2="end:T",
            y=alt.Y("country:N", sort=order, title=None),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=STATUSES, range=[charts.PALETTE[0], charts.PALETTE[1]]),
            ),
            tooltip=[
                alt.Tooltip("country:N"),
                alt.Tooltip("status:N"),
                alt.Tooltip("start:T", format="%d %b %Y"),
                alt.Tooltip("end:T", format="%d %b %Y"),
                alt.Tooltip("start_event:N", title="began with"),
                alt.Tooltip("end_event:N", title="ended with"),
            ],
        )
    )
    points = (
        alt.Chart(events[["country", "event", "date", "description", "source_id"]])
        .mark_point(shape="diamond", filled=True, size=45, color="black")
        .encode(
            x="date:T",
            y=alt.Y("country:N", sort=order),
            tooltip=[
                alt.Tooltip("country:N"),
                alt.Tooltip("event:N"),
                alt.Tooltip("date:T", format="%d %b %Y"),
                alt.Tooltip("description:N"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
    )
    return charts.described(
        (bars + points).properties(
            width=460,
            height=260,
            title="Membership of the Collective Security Treaty and the CSTO",
        ),
        timeline_description(periods),
    )
