"""Lesson 8 (comparative cases): the lesson's two presentation charts and their descriptions.

Both functions take the preferred rows of the ``cases`` dataset (one row per case, with the
dataset's categorical columns, as the lesson's visible code builds them) and return a chart wrapped
by :func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`cases`: every case by start date and kind of crisis, coloured by the CSTO's response and
  shaped by whether a request for help was found;
* :func:`timeline`: every case by start date and response, coloured and shaped by whether a
  request was found and to whom it went, with a dashed line at Kazakhstan's request.

The words the descriptions and the lesson's prose share (:data:`PHRASE`, :data:`TO`,
:func:`case_name`, :func:`counted`) live here too, so that both say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

#: How each ``csto_response`` reads in a sentence (every value the schema allows).
PHRASE = {
    "deployment": "a deployment of forces",
    "mission": "a mission",
    "exercises": "exercises",
    "consultations": "consultations",
    "statement_only": "statements only",
    "no_action": "no action",
    "military_supplies": "military supplies",
}
#: How each ``request_addressee`` reads in a sentence (every value the schema allows).
TO = {"CSTO": "to the CSTO", "Russia": "to Russia", "CIS": "to the CIS"}
#: The three states of ``request_made`` (True, False, missing), in the legend's order.
REQUEST_KINDS = ["request found", "no request found", "not established"]
#: The case whose request the timeline marks with a dashed line.
MARKER = "kz-2022-01"


def check_words(cases: pd.DataFrame) -> None:
    """Raise ValueError when a response or addressee the schema allows has no phrase."""
    for column, words in (("csto_response", PHRASE), ("request_addressee", TO)):
        missing = set(cases[column].cat.categories) - set(words)
        if missing:
            raise ValueError(f"no phrase for {column} {sorted(missing)}: add it to figures.l08")


def label(value: object) -> str:
    """'domestic_unrest' -> 'domestic unrest': a category as the charts show it."""
    return str(value).replace("_", " ")


def case_name(row: pd.Series) -> str:
    """'Kyrgyzstan–Tajikistan September 2022': the parties and the start month of a case."""
    other = row["other_party"]
    parties = row["country"] if pd.isna(other) or other == "—" else f"{row['country']}–{other}"
    return f"{parties} {row['start_date']:%B %Y}"


def _short(row: pd.Series) -> str:
    """'Kyrgyzstan–Tajikistan Sep 2022': the parties and the start month, for descriptions."""
    parties = (
        row["country"] if row["other_party"] == "—" else f"{row['country']}–{row['other_party']}"
    )
    return f"{parties} {row['start_date']:%b %Y}"


def counted(values: Iterable[object], categories: Iterable[str], phrase: Mapping[str, str]) -> str:
    """'consultations (2) and military supplies (1)': counts in the schema's order."""
    counts = pd.Series(list(values), dtype=object).astype(str).value_counts()
    return listed(f"{phrase[v]} ({counts[v]})" for v in categories if v in counts)


def points(cases: pd.DataFrame) -> pd.DataFrame:
    """One row per case with the labels both charts use (crisis, response, requested, ...)."""
    check_words(cases)
    plot = cases.assign(
        crisis=cases["crisis_type"].astype(str).map(label),
        response=cases["csto_response"].astype(str).map(label),
        requested=cases["request_made"]
        .map({True: REQUEST_KINDS[0], False: REQUEST_KINDS[1]})
        .astype(object)
        .fillna(REQUEST_KINDS[2]),
        addressee=cases["request_addressee"].astype(object).fillna("—").astype(str),
        year=cases["start_date"].dt.year,
        name=cases.apply(case_name, axis=1),
    )[
        [
            "case_id",
            "name",
            "country",
            "other_party",
            "crisis",
            "response",
            "requested",
            "addressee",
            "start_date",
            "year",
            "outcome",
        ]
    ]
    plot["other_party"] = plot["other_party"].astype(object).fillna("—").astype(str)
    return plot


def _years(plot: pd.DataFrame) -> str:
    return f"{plot['year'].min()}–{plot['year'].max()}"


def cases(cases: pd.DataFrame) -> alt.Chart:
    """Scatter chart: one point per case by start date (x) and kind of crisis (y).

    ``cases``: the preferred rows of the ``cases`` dataset (categorical ``crisis_type``,
    ``csto_response`` and ``request_addressee``, so that every value the schema allows keeps its
    row and colour). Colour is the CSTO's response, shape whether a request for help was found;
    a click on the legend highlights one response.
    """
    plot = points(cases)
    crises = [label(c) for c in cases["crisis_type"].cat.categories]
    responses = [label(r) for r in cases["csto_response"].cat.categories]
    pick = alt.selection_point(fields=["response"], bind="legend")
    chart = (
        alt.Chart(plot)
        .mark_point(size=150, filled=True)
        .encode(
            x=alt.X(
                "start_date:T",
                title="Start of the crisis",
                axis=alt.Axis(format="%Y"),
                scale=alt.Scale(padding=12),
            ),
            y=alt.Y("crisis:N", title=None, sort=crises, scale=alt.Scale(domain=crises)),
            # two countries in one row and month do not hide each other
            yOffset=alt.YOffset("country:N"),
            color=alt.Color(
                "response:N",
                title="CSTO response",
                scale=alt.Scale(domain=responses, range=charts.PALETTE[: len(responses)]),
            ),
            shape=alt.Shape(
                "requested:N",
                title="Request for help",
                scale=alt.Scale(domain=REQUEST_KINDS, range=["circle", "triangle-up", "square"]),
            ),
            opacity=alt.condition(pick, alt.value(1), alt.value(0.15)),
            tooltip=[
                alt.Tooltip("name:N", title="case"),
                alt.Tooltip("requested:N"),
                alt.Tooltip("addressee:N", title="request to"),
                alt.Tooltip("response:N"),
                alt.Tooltip("outcome:N"),
            ],
        )
        .add_params(pick)
    )
    by_response = "; ".join(
        f"{r}: {listed(_short(row) for _, row in plot[plot['response'] == r].iterrows())}"
        for r in responses
        if (plot["response"] == r).any()
    )
    shapes = plot["requested"].value_counts()
    return charts.described(
        chart.properties(
            width=560,
            height=42 * len(crises),
            title=f"Crises in CSTO member states and the CSTO's response, {_years(plot)}",
        ),
        f"Scatter chart of the cases dataset: one point for each of {len(plot)} crises, placed by "
        f"start date (x) and kind of crisis (y: {listed(crises)}), coloured by the CSTO response and "
        f"shaped by whether a request for help was found "
        f"({listed(f'{k}: {shapes.get(k, 0)}' for k in REQUEST_KINDS)}). By response: {by_response}.",
    )


def timeline(cases: pd.DataFrame, marker: str = MARKER) -> alt.LayerChart:
    """Dot chart: one point per case by start date (x) and CSTO response (y), and a dashed rule.

    ``cases``: the preferred rows of the ``cases`` dataset, as for :func:`cases`. Colour and shape
    say whether a request was found and to whom it went; the dashed rule marks the
    ``request_date`` of case ``marker`` (Kazakhstan's request of January 2022).
    """
    plot = points(cases)
    responses = [label(r) for r in cases["csto_response"].cat.categories]
    addressees = list(cases["request_addressee"].cat.categories)
    groups = [TO[a] for a in addressees] + REQUEST_KINDS[1:]
    timeline = plot.assign(
        request=[
            TO[a] if q == REQUEST_KINDS[0] else q
            for a, q in zip(plot["addressee"], plot["requested"], strict=True)
        ]
    )
    marked = cases.loc[cases["case_id"] == marker].iloc[0]
    where = str(marked["country"])
    day = marked["request_date"]
    rule_data = pd.DataFrame({"day": [day], "text": [f"{where}'s request, {day:%b %Y}"]})
    dots = (
        alt.Chart(timeline)
        .mark_point(size=130, filled=True, opacity=1)
        .encode(
            x=alt.X(
                "start_date:T",
                title="Start of the crisis",
                axis=alt.Axis(format="%Y"),
                scale=alt.Scale(padding=12),
            ),
            y=alt.Y("response:N", title=None, sort=responses, scale=alt.Scale(domain=responses)),
            yOffset=alt.YOffset("request:N", sort=groups, scale=alt.Scale(domain=groups)),
            color=alt.Color(
                "request:N",
                title="Request for help",
                scale=alt.Scale(domain=groups, range=charts.PALETTE[: len(groups)]),
            ),
            shape=alt.Shape(
                "request:N",
                scale=alt.Scale(
                    domain=groups,
                    range=["circle", "diamond", "square", "triangle-up", "cross"][: len(groups)],
                ),
            ),
            tooltip=[
                alt.Tooltip("name:N", title="case"),
                alt.Tooltip("request:N"),
                alt.Tooltip("response:N"),
            ],
        )
    )
    rule = (
        alt.Chart(rule_data)
        .mark_rule(strokeDash=[4, 3], color=charts.TEXT_COLOUR)
        .encode(x="day:T")
    )
    rule_text = (
        alt.Chart(rule_data)
        .mark_text(align="right", dx=-4, dy=-6, fontSize=11)
        .encode(x="day:T", y=alt.value(0), text="text:N")
    )
    per_response = "; ".join(
        f"{r}: "
        + listed(
            f"{_short(row)} ({row['request']})"
            for _, row in timeline[timeline["response"] == r].iterrows()
        )
        for r in responses
        if (timeline["response"] == r).any()
    )
    return charts.described(
        (dots + rule + rule_text).properties(
            width=560,
            height=38 * len(responses),
            title=f"What the CSTO did, case by case, {_years(plot)}",
        ),
        f"Dot chart of the {len(timeline)} cases by start date (x) and CSTO response "
        f"(y: {listed(responses)}), coloured and shaped by whether a request was found and to whom "
        f"it went. A dashed line marks {where}'s request of {day:%-d %B %Y}. "
        f"By response: {per_response}.",
    )
