"""Lesson 11 (voices): the lesson's three presentation charts and their text descriptions.

Each function takes the table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`narrative`: the official account over time, one row per frame used by Kazakh state actors;
* :func:`voices`: deaths and detentions claimed by the Kazakh state and by others, by date;
* :func:`reactions`: how foreign governments and international bodies reacted, by actor group.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

#: Voices in the rights-record chart, the state first.
VOICE_ORDER = [
    "Kazakh state",
    "rights groups, UN and independent media",
    "other media",
]
#: How the reactions chart groups the stances: four positions, supportive first.
POSITIONS = {
    "supports_government": "supports the government or the deployment",
    "supports_deployment": "supports the government or the deployment",
    "denies_csto_combat": "defends the operation or rejects criticism",
    "rejects_criticism": "defends the operation or rejects criticism",
    "neutral_report": "neutral report or announcement",
    "policy_announcement": "neutral report or announcement",
}
#: Stances not in POSITIONS (concern, questioning, condemnation, calls for investigation...).
CRITICAL = "concerned, questioning or critical"
POSITION_ORDER = list(dict.fromkeys(POSITIONS.values())) + [CRITICAL]
POSITION_COLOURS = [charts.PALETTE[0], charts.PALETTE[2], charts.PALETTE[6], charts.PALETTE[1]]


def _words(stance: str) -> str:
    return stance.replace("_frame", "").replace("_", " ")


def narrative(frames: pd.DataFrame) -> alt.Chart:
    """Dot chart of the frames Kazakh state actors used, by date (dates spaced evenly, in order).

    ``frames``: one row per statement, columns ``date`` (datetime), ``stance`` (a ``*_frame``
    value), ``actor``, ``paraphrase``, ``statement_id``.
    """
    frames = frames.astype({"stance": str}).sort_values(["date", "statement_id"])
    frames = frames.assign(
        day=frames["date"].dt.strftime("%-d %b %Y"),
        frame=frames["stance"].map(_words),
    )
    days = list(dict.fromkeys(frames["day"]))
    first = frames.groupby("frame", sort=False)["date"].min().sort_values(kind="stable")
    order = list(first.index)
    chart = (
        alt.Chart(frames[["day", "frame", "actor", "paraphrase", "statement_id"]])
        .mark_point(filled=True, size=120, opacity=0.85)
        .encode(
            x=alt.X(
                "day:O",
                sort=days,
                title="Date of the statement (in order, not to scale)",
                axis=alt.Axis(labelAngle=-45),
            ),
            y=alt.Y("frame:N", sort=order, title=None),
            color=alt.Color(
                "frame:N", sort=order, legend=None, scale=alt.Scale(range=charts.PALETTE)
            ),
            tooltip=[
                alt.Tooltip("day:N", title="date"),
                alt.Tooltip("frame:N"),
                alt.Tooltip("actor:N"),
                alt.Tooltip("paraphrase:N"),
                alt.Tooltip("statement_id:N", title="statement"),
            ],
        )
    )
    counts = frames["frame"].value_counts()
    parts = [
        f"'{frame}' first on {day:%-d %B %Y} ({counts[frame]} statement"
        f"{'s' if counts[frame] > 1 else ''})"
        for frame, day in first.items()
    ]
    last = frames.iloc[-1]
    return charts.described(
        chart.properties(
            width=560,
            height=40 * len(order) + 40,
            title="How Kazakh state actors framed the January events",
        ),
        f"Dot chart of {len(frames)} framing statements by Kazakh state actors, from "
        f"{frames['date'].min():%-d %B %Y} to {frames['date'].max():%B %Y}, one row per frame and one "
        f"column per date (evenly spaced, in order). Frames in order of first use: {listed(parts)}. "
        f"The latest statement in the data ({last['date']:%B %Y}) uses the '{last['frame']}' frame.",
    )


def voices(counts: pd.DataFrame) -> alt.FacetChart:
    """Deaths and detentions claimed by each kind of voice, by date (log scale), one panel each.

    ``counts``: one row per figure, columns ``measure`` ('killed' or 'detained'), ``date``
    (datetime), ``value`` (int, > 0), ``voice`` (one of :data:`VOICE_ORDER`), ``qualifier``,
    ``claimed_by``, ``description``.
    """
    counts = counts.astype({"measure": str, "voice": str})
    order = [v for v in VOICE_ORDER if v in set(counts["voice"])]
    base = (
        alt.Chart(
            counts[["measure", "date", "value", "voice", "qualifier", "claimed_by", "description"]]
        )
        .mark_point(filled=True, size=80, opacity=0.85)
        .encode(
            x=alt.X("date:T", title="Date of the figure", axis=alt.Axis(format="%b %Y")),
            y=alt.Y("value:Q", title="Number claimed (log scale)", scale=alt.Scale(type="log")),
            color=alt.Color(
                "voice:N",
                title="Who says so",
                sort=order,
                scale=alt.Scale(domain=order, range=charts.PALETTE[: len(order)]),
            ),
            shape=alt.Shape("voice:N", sort=order, legend=None),
            tooltip=[
                alt.Tooltip("date:T", format="%-d %b %Y"),
                alt.Tooltip("value:Q", format=","),
                alt.Tooltip("qualifier:N"),
                alt.Tooltip("claimed_by:N", title="claimed by"),
                alt.Tooltip("description:N"),
            ],
        )
        .properties(width=250, height=240)
    )
    words = {"killed": "Deaths", "detained": "Detentions"}
    sentences = []
    for measure in ["killed", "detained"]:
        rows = counts[counts["measure"] == measure]
        if rows.empty:
            continue
        bits = []
        for voice in order:
            own = rows[rows["voice"] == voice]
            if own.empty:
                continue
            low, high = int(own["value"].min()), int(own["value"].max())
            span = f"{low:,}" if low == high else f"{low:,} to {high:,}"
            bits.append(f"{len(own)} from {voice} ({span})")
        sentences.append(f"{words[measure]}: {listed(bits)}.")
    return charts.described(
        base.facet(column=alt.Column("measure:N", title=None, sort=["killed", "detained"]))
        .resolve_scale(y="independent")
        .properties(title="The state's figures against others': deaths and detentions"),
        "Two dot charts on logarithmic axes, deaths (left) and detentions (right), one dot per "
        f"published figure from {counts['date'].min():%B %Y} to {counts['date'].max():%B %Y}, "
        "coloured by who published it. " + " ".join(sentences),
    )


def reactions(said: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many statements of each position each foreign actor group made.

    ``said``: one row per statement, columns ``group``, ``stance``, ``statement_id``. Stances are
    grouped into the four positions of :data:`POSITION_ORDER`.
    """
    said = said.astype({"stance": str, "group": str})
    said = said.assign(position=said["stance"].map(POSITIONS).fillna(CRITICAL))
    sizes = said["group"].value_counts()
    order = list(sizes.index)
    table = said.groupby(["group", "position"], as_index=False).agg(
        statements=("statement_id", "size"),
        stances=("stance", lambda s: ", ".join(sorted(set(s)))),
    )
    table["rank"] = table["position"].map(POSITION_ORDER.index)
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            y=alt.Y("group:N", sort=order, title=None),
            x=alt.X("statements:Q", title="Statements", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "position:N",
                title="Position",
                sort=POSITION_ORDER,
                scale=alt.Scale(domain=POSITION_ORDER, range=POSITION_COLOURS),
                legend=alt.Legend(columns=2, labelLimit=320),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("group:N", title="actor group"),
                alt.Tooltip("position:N"),
                alt.Tooltip("statements:Q"),
                alt.Tooltip("stances:N", title="stances coded"),
            ],
        )
    )
    parts = []
    for group in order:
        rows = table[table["group"] == group].sort_values("rank")
        counts = listed(f"{r.statements} {r.position}" for r in rows.itertuples())
        parts.append(f"{group}, {sizes[group]}: {counts}")
    return charts.described(
        chart.properties(
            width=480,
            height=28 * len(order) + 20,
            title="Reactions abroad: positions taken by foreign governments and international bodies",
        ),
        f"Stacked horizontal bar chart of {len(said)} statements by foreign governments and "
        "international bodies, one bar per actor group, coloured by the position taken. "
        + "; ".join(parts)
        + ".",
    )
