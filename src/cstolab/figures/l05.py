"""Lesson 5 (airlift and readiness): the lesson's three presentation charts and their descriptions.

Each function takes the tables the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a text description computed from the same rows:

* :func:`interactive`: the model's deployment time by share of the fleet flying, with two sliders
  (turnaround time and equipment per soldier) over a precomputed grid;
* :func:`tornado`: the sensitivity of the estimate to one assumption at a time;
* :func:`readiness`: statements about the readiness of NATO's VJTF, converted to hours.

``claimed_h`` is the time Dyner (2022) gives for the whole deployment ("less than 72 hours"); it is
a quoted figure, not a dataset value, so the lesson passes it in.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.airlift import Fleet

__all__ = ["CLAIMED_H", "first_share_under", "interactive", "readiness", "tornado"]

#: Dyner (2022): "the entire contingent, including equipment, was deployed in less than 72 hours".
CLAIMED_H = 72


def first_share_under(
    results: pd.DataFrame, turnaround: float, equipment: float, hours: float = CLAIMED_H
) -> float:
    """The smallest share of the fleet in the grid that lands the force in under ``hours``
    (NaN when no share does), for one turnaround time and one equipment load."""
    rows = results[
        (results["turnaround_h"] == turnaround) & (results["equipment_t_per_soldier"] == equipment)
    ]
    return float(rows.loc[rows["hours"] < hours, "availability"].min())


def interactive(
    results: pd.DataFrame,
    fleet: Fleet,
    claimed_h: float = CLAIMED_H,
    turnaround: float = 3,
    equipment: float = 1.0,
) -> alt.LayerChart:
    """Line chart of the model's hours against the share of the fleet flying, for the turnaround
    and equipment load chosen with two sliders (starting at ``turnaround`` and ``equipment``).

    ``results``: the grid of :func:`cstolab.airlift.grid` with columns ``availability``,
    ``turnaround_h``, ``equipment_t_per_soldier``, ``hours`` and ``sorties``; ``fleet``: the fleet
    it was computed for (named in the description).
    """
    turnarounds = sorted(results["turnaround_h"].unique())
    loads = sorted(results["equipment_t_per_soldier"].unique())
    step_turn = turnarounds[1] - turnarounds[0] if len(turnarounds) > 1 else 1
    step_load = loads[1] - loads[0] if len(loads) > 1 else 1
    turn = alt.param(
        name="turnaround",
        value=turnaround,
        bind=alt.binding_range(
            min=min(turnarounds),
            max=max(turnarounds),
            step=step_turn,
            name="Turnaround on the ground (h): ",
        ),
    )
    equip = alt.param(
        name="equipment",
        value=equipment,
        bind=alt.binding_range(
            min=min(loads), max=max(loads), step=step_load, name="Equipment per soldier (t): "
        ),
    )
    chosen = alt.Chart(results).transform_filter(
        "abs(datum.turnaround_h - turnaround) < 0.01 "
        "&& abs(datum.equipment_t_per_soldier - equipment) < 0.01"
    )
    hours_max = float(results["hours"].max())
    share_low, share_high = (
        float(results["availability"].min()),
        float(results["availability"].max()),
    )
    line = chosen.mark_line(point=True, color=charts.PALETTE[0]).encode(
        x=alt.X(
            "availability:Q",
            title="Share of the fleet that flies",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[share_low, share_high], nice=False),
        ),
        y=alt.Y(
            "hours:Q",
            title="Hours until the whole force has landed (log scale)",
            scale=alt.Scale(type="log", domain=[2, hours_max * 1.2], nice=False),
        ),
        tooltip=[
            alt.Tooltip("availability:Q", title="share of fleet", format=".0%"),
            alt.Tooltip("turnaround_h:Q", title="turnaround (h)"),
            alt.Tooltip("equipment_t_per_soldier:Q", title="equipment per soldier (t)"),
            alt.Tooltip("hours:Q", title="hours"),
            alt.Tooltip("sorties:Q", title="sorties"),
        ],
    )
    claim = alt.Chart(
        pd.DataFrame(
            {"hours": [claimed_h], "label": [f"claimed: under {claimed_h:g} h (Dyner 2022)"]}
        )
    )
    rule = claim.mark_rule(color=charts.PALETTE[1], strokeDash=[6, 4]).encode(y="hours:Q")
    label = claim.mark_text(align="right", dx=0, dy=-6, color=charts.PALETTE[1]).encode(
        y="hours:Q", x=alt.datum(share_high), text="label:N"
    )
    first_ok = first_share_under(results, turnaround, equipment, claimed_h)
    fleet_text = " and ".join(f"{t.count} {t.name}" for t in fleet.types)
    default_text = (
        f"the time stays under {claimed_h:g} hours from {first_ok:.0%} of the fleet upwards"
        if first_ok == first_ok
        else f"no share of the fleet brings the time under {claimed_h:g} hours"
    )
    return charts.described(
        (rule + label + line)
        .add_params(turn, equip)
        .properties(
            width=520, height=300, title="Model: deployment time by share of the fleet flying"
        ),
        f"Line chart of the model's deployment time (hours, vertical) against the share of the "
        f"{fleet_text} that fly ({share_low:.0%} to {share_high:.0%}, horizontal), for the turnaround "
        "time and equipment load chosen with two sliders; the vertical axis is logarithmic. A dashed "
        f"line marks the claimed {claimed_h:g} hours. With the default settings ({turnaround:g} h "
        f"turnaround, {equipment:g} t of equipment per soldier) {default_text}; with long turnarounds "
        f"and heavy equipment a small share of the fleet takes many days (up to {hours_max / 24:.0f}).",
    )


def _short(assumption: str) -> str:
    """'Share of fleet flying (25%-100%)' -> 'share of fleet flying'; type names keep capitals."""
    name = assumption.split(" (")[0]
    return name if name.startswith("Il-") else name[0].lower() + name[1:]


def tornado(sensitivity: pd.DataFrame, base_hours: float, availability: float) -> alt.LayerChart:
    """Tornado chart: one bar per assumption from its low to its high setting, largest swing first.

    ``sensitivity``: one row per assumption, sorted by swing, with columns ``assumption``,
    ``low setting (h)``, ``high setting (h)``, ``min_h``, ``max_h`` and ``swing_h``;
    ``base_hours``: the base case's estimate (dashed line); ``availability``: its share of the fleet.
    """
    order = sensitivity["assumption"].tolist()
    long = sensitivity.melt(
        id_vars=["assumption"],
        value_vars=["low setting (h)", "high setting (h)"],
        var_name="setting",
        value_name="hours",
    )
    bars = (
        alt.Chart(sensitivity)
        .mark_bar(height=14, color=charts.PALETTE[6], opacity=0.5)
        .encode(
            y=alt.Y("assumption:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("min_h:Q", title="Hours until the whole force has landed"),
            x2="max_h:Q",
            tooltip=[
                alt.Tooltip("assumption:N"),
                alt.Tooltip("min_h:Q", title="shortest (h)"),
                alt.Tooltip("max_h:Q", title="longest (h)"),
            ],
        )
    )
    ends = (
        alt.Chart(long)
        .mark_point(filled=True, size=70)
        .encode(
            y=alt.Y("assumption:N", sort=order),
            x="hours:Q",
            shape=alt.Shape("setting:N", title="Setting"),
            color=alt.Color(
                "setting:N",
                title="Setting",
                scale=alt.Scale(range=[charts.PALETTE[1], charts.PALETTE[0]]),
            ),
            tooltip=["assumption:N", "setting:N", "hours:Q"],
        )
    )
    base_rule = (
        alt.Chart(pd.DataFrame({"hours": [base_hours]}))
        .mark_rule(color="black", strokeDash=[4, 3])
        .encode(x="hours:Q")
    )
    names = [_short(a) for a in order]
    top_swing = float(sensitivity["swing_h"].iloc[:2].max())
    bottom_swing = float(sensitivity["swing_h"].iloc[-2:].max())
    return charts.described(
        (bars + ends + base_rule).properties(
            width=420, height=280, title="Sensitivity of the estimated deployment time"
        ),
        "Tornado chart. One horizontal bar per assumption, sorted by how much the estimated "
        "deployment time changes between a low and a high setting while the others stay at the base "
        f"case ({availability:.0%} of the fleet flying, {base_hours:.0f} hours, dashed vertical line). "
        f"The assumptions on {names[0]} and {names[1]} move the estimate most (by up to "
        f"{top_swing:.0f} hours); those on {names[-2]} and {names[-1]} barely move it (by at most "
        f"{bottom_swing * 60:.0f} minutes).",
    )


def readiness(vjtf: pd.DataFrame, claimed_h: float = CLAIMED_H) -> alt.LayerChart:
    """Dot-and-range chart of the VJTF readiness statements in hours, with the CSTO claim as a line.

    ``vjtf``: one row per statement, in the order to show, with columns ``claim`` (who and when),
    ``indicator`` (``readiness_hours`` or ``readiness_days``), ``year``, ``hours_low``,
    ``hours_high``, ``note`` and ``source_id``.
    """
    claim_order = vjtf["claim"].tolist()
    ranges = (
        alt.Chart(vjtf)
        .mark_rule(strokeWidth=3, color=charts.PALETTE[0])
        .encode(
            y=alt.Y("claim:N", sort=claim_order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("hours_low:Q", title="Hours (notice to move or time to deploy, as stated)"),
            x2="hours_high:Q",
        )
    )
    dots = (
        alt.Chart(vjtf)
        .mark_point(filled=True, size=60, color=charts.PALETTE[0])
        .encode(
            y=alt.Y("claim:N", sort=claim_order),
            x="hours_low:Q",
            tooltip=[
                alt.Tooltip("claim:N", title="said by"),
                alt.Tooltip("hours_low:Q", title="from (h)"),
                alt.Tooltip("hours_high:Q", title="to (h)"),
                alt.Tooltip("note:N"),
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
    )
    csto = alt.Chart(
        pd.DataFrame(
            {"hours": [claimed_h], "label": [f"CSTO claim: whole force < {claimed_h:g} h"]}
        )
    )
    csto_rule = csto.mark_rule(color=charts.PALETTE[1], strokeDash=[6, 4]).encode(x="hours:Q")
    csto_text = csto.mark_text(align="left", dx=4, color=charts.PALETTE[1]).encode(
        x="hours:Q", y=alt.value(-8), text="label:N"
    )
    in_hours = vjtf[vjtf["indicator"] == "readiness_hours"]
    in_days = vjtf[vjtf["indicator"] == "readiness_days"]
    hours_low, hours_high = in_hours["hours_low"].min(), in_hours["hours_high"].max()
    days_low, days_high = in_days["hours_low"].min(), in_days["hours_high"].max()
    return charts.described(
        (ranges + dots + csto_rule + csto_text).properties(
            width=460, height=260, title="VJTF readiness as stated by NATO and others"
        ),
        "Dot-and-range chart, one row per statement about the readiness of NATO's Very High "
        f"Readiness Joint Task Force, {vjtf['year'].min()} to {vjtf['year'].max()}, converted to "
        f"hours. Statements in hours, mostly about lead elements, give {hours_low:.0f} to "
        f"{hours_high:.0f} hours; statements in days, mostly about the whole force, give "
        f"{days_low / 24:.0f} to {days_high / 24:.0f} days ({days_low:.0f} to {days_high:.0f} hours). "
        f"A dashed vertical line marks the claimed {claimed_h:g} hours for the whole CSTO force in "
        "Kazakhstan.",
    )
