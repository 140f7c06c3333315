"""Lesson 10 (legality: intervention by invitation): the lesson's two presentation charts.

Each function takes a table the lesson builds in its visible code and returns a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows, so it changes
when the data do:

* :func:`wording`: the legal texts of ``provisions`` by date of adoption, coloured by whether their
  wording requires the attack to come from outside;
* :func:`stances`: statements on legality (``statements`` with topic ``legality``), counted by type
  of actor and stance.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

__all__ = [
    "ACTOR_ORDER",
    "LEGAL_KINDS",
    "WORDING_ORDER",
    "actor_words",
    "stances",
    "wording",
    "wording_label",
]

#: Kinds of ``provisions`` row that are legal texts (the others are justifications).
LEGAL_KINDS = ["treaty_text", "amendment", "charter", "resolution"]
#: How a legal text's wording answers "must the attack come from outside?".
WORDING_ORDER = [
    "requires an outside attacker",
    "covers conflict within a state",
    "wording does not say",
]
#: Actor types in the order the lesson discusses them.
ACTOR_ORDER = [
    "state",
    "csto",
    "igo",
    "scholar_analyst",
    "independent_media",
    "ngo",
    "state_media",
    "protesters",
    "individual",
]
_ACTOR_WORDS = {
    "state": "states",
    "csto": "the CSTO",
    "igo": "intergovernmental bodies",
    "scholar_analyst": "scholars and analysts",
    "independent_media": "independent media",
    "ngo": "NGOs",
    "state_media": "state media",
    "protesters": "protesters",
    "individual": "individuals",
}


def wording_label(flag: object) -> str:
    """The answer a ``requires_external_attack`` value gives, in words (NA: not settled)."""
    if pd.isna(flag):
        return WORDING_ORDER[2]
    return WORDING_ORDER[0] if bool(flag) else WORDING_ORDER[1]


def actor_words(actor_type: str) -> str:
    """An actor type in words, e.g. 'scholar_analyst' -> 'scholars and analysts'."""
    return _ACTOR_WORDS.get(str(actor_type), str(actor_type).replace("_", " "))


def _short(row: pd.Series) -> str:
    """'Collective Security Treaty (1992 text), Article 4'."""
    return row["document"] if pd.isna(row["article"]) else f"{row['document']}, {row['article']}"


def wording(legal: pd.DataFrame) -> alt.TopLevelMixin:
    """Dot timeline of legal texts by date adopted, one row per document, coloured by wording.

    ``legal`` needs the ``provisions`` columns ``provision_id``, ``document``, ``article``,
    ``adopted`` and ``requires_external_attack`` (legal texts only).
    """
    rows = legal.copy()
    rows["wording"] = [wording_label(v) for v in rows["requires_external_attack"]]
    rows["label"] = rows["article"].fillna("").astype(str)
    cols = ["provision_id", "document", "label", "adopted", "wording"]
    documents = list(rows.sort_values("adopted").drop_duplicates("document")["document"])
    chart = (
        alt.Chart(rows[cols])
        .mark_point(filled=True, size=140, opacity=0.9)
        .encode(
            x=alt.X("adopted:T", title="Adopted (year)", axis=alt.Axis(format="%Y")),
            y=alt.Y("document:N", sort=documents, title=None, axis=alt.Axis(labelLimit=330)),
            color=alt.Color(
                "wording:N",
                title="Must the attack come from outside?",
                sort=WORDING_ORDER,
                scale=alt.Scale(domain=WORDING_ORDER, range=charts.PALETTE[:3]),
            ),
            shape=alt.Shape("wording:N", sort=WORDING_ORDER, legend=None),
            tooltip=[
                alt.Tooltip("document:N"),
                alt.Tooltip("label:N", title="article"),
                alt.Tooltip("adopted:T", format="%-d %B %Y"),
                alt.Tooltip("wording:N", title="wording"),
                alt.Tooltip("provision_id:N", title="provision_id"),
            ],
        )
        .properties(
            width=420,
            height=30 * len(documents),
            title="What the legal texts say about the attacker",
        )
    )
    groups = {w: rows[rows["wording"] == w] for w in WORDING_ORDER}
    parts = [
        f"{w}: {listed(_short(r) for _, r in g.sort_values('adopted').iterrows())}"
        for w, g in groups.items()
        if len(g)
    ]
    return charts.described(
        chart,
        f"Dot timeline of {len(rows)} legal texts adopted from {rows['adopted'].min():%Y} to "
        f"{rows['adopted'].max():%Y}, one row per document, coloured by whether the wording "
        "requires the attack to come from outside. " + "; ".join(parts) + ".",
    )


def stances(legality: pd.DataFrame) -> alt.TopLevelMixin:
    """Heat map of statements on legality: actor type (rows) by stance (columns), with counts.

    ``legality`` needs the ``statements`` columns ``actor_type`` and ``stance``.
    """
    counts = (
        legality.astype({"actor_type": str, "stance": str})
        .groupby(["actor_type", "stance"])
        .size()
        .rename("statements")
        .reset_index()
    )
    actors = [a for a in ACTOR_ORDER if a in set(counts["actor_type"])]
    actors += sorted(set(counts["actor_type"]) - set(actors))
    stance_order = list(
        counts.groupby("stance")["statements"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .index
    )
    base = alt.Chart(counts).encode(
        x=alt.X("stance:N", sort=stance_order, title="Stance", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("actor_type:N", sort=actors, title="Type of actor"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "statements:Q",
            title="Statements",
            scale=alt.Scale(scheme="blues"),
            legend=alt.Legend(tickMinStep=1, format="d"),
        ),
        tooltip=[
            alt.Tooltip("actor_type:N", title="type of actor"),
            alt.Tooltip("stance:N"),
            alt.Tooltip("statements:Q"),
        ],
    )
    top = int(counts["statements"].max())
    labels = base.mark_text(fontSize=13).encode(
        text=alt.Text("statements:Q"),
        color=alt.condition(
            alt.datum.statements > top / 2, alt.value("#ffffff"), alt.value("#1a1a1a")
        ),
    )
    per_actor = []
    for actor in actors:
        rows = counts[counts["actor_type"] == actor].sort_values(
            ["statements", "stance"], ascending=[False, True]
        )
        stances_text = listed(
            f"{n} {s.replace('_', ' ')}"
            for s, n in zip(rows["stance"], rows["statements"], strict=True)
        )
        per_actor.append(f"{actor_words(actor)} {int(rows['statements'].sum())} ({stances_text})")
    return charts.described(
        (cells + labels).properties(
            width=60 * len(stance_order),
            height=40 * len(actors),
            title="Who said what about the legality of the deployment",
        ),
        f"Heat map of {int(counts['statements'].sum())} statements on legality, one row per type of "
        f"actor and one column per stance, with the count in each cell: {'; '.join(per_actor)}.",
    )
