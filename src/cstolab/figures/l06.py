"""Lesson 6 (political significance): the lesson's charts, its interpretation matrix and its coding
of the scholarly debate.

The charts take the tables the lesson builds in its visible code and return a chart wrapped by
:func:`cstolab.charts.described`, with a description computed from the same rows:

* :func:`sequence`: personnel changes, proceedings against the former KNB chief and CSTO events
  on one January 2022 timeline, with the CSTO presence as a band;
* :func:`matrix`: the interpretation matrix, aims × kind of evidence;
* :func:`debate`: how many analysts hold each position on the four questions of the debate.

Two tables are the course's own reading of the sources, kept here so that the lesson, its exercises
and the tests share one copy: :func:`interpretation_matrix` (aims attributed to Tokayev and Russia)
and :func:`debate_coding` (which row of the ``statements`` dataset speaks to which question of the
debate, and with which position).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cstolab import charts
from cstolab.prose import listed

REQUEST_ID = "kz-2022-01-05-tokayev-csto-request"
TRACKS = ["CSTO operation", "Personnel changes", "Proceedings against ex-KNB chief"]
EVIDENCE_KINDS = ["inference from dated events", "official statement", "analyst inference"]

#: The four questions of the debate: id used in the data work -> the question in words.
QUESTIONS: dict[str, str] = {
    "dominance": "Russian dominance or Kazakh agency?",
    "security": "Collective security or regime security?",
    "precedent": "Precedent or one-off?",
    "ukraine": "What did February 2022 change?",
}

_MATRIX = [
    (
        "Tokayev",
        "Free domestic forces to 'restore order'",
        "Dyner (PISM)",
        "analyst inference",
        "CSTO units guarded facilities while Kazakh units dealt with unrest (dyner2022)",
    ),
    (
        "Tokayev",
        "Purge officials tied to Nazarbayev",
        "Dyner (PISM)",
        "inference from dated events",
        "Security Council chair taken over and KNB chief removed and detained, 5-6 Jan (crisis_2022); "
        "the dates show timing, not motive",
    ),
    (
        "Tokayev",
        "Pre-empt unilateral Russian action in the north",
        "Dyner (PISM); New Geopolitics",
        "analyst inference",
        "'With high probability' (dyner2022); long-standing Kazakh fears (newgeopolitics2022occupation)",
    ),
    (
        "Tokayev",
        "Test allies' loyalty",
        "Dyner (PISM)",
        "analyst inference",
        "All members answered the call (dyner2022)",
    ),
    (
        "Tokayev",
        "Minimal, symbolic foreign role",
        "Tokayev himself",
        "official statement",
        "Force fired no shot and left within ten days (thediplomat2022tokayev)",
    ),
    (
        "Russia",
        "Central Asia as CSTO area of responsibility",
        "Dyner (PISM); War on the Rocks",
        "analyst inference",
        "Quick decision, largest contingent, coordination of allies (dyner2022)",
    ),
    (
        "Russia",
        "Signal to Turkey and China",
        "Dyner (PISM)",
        "analyst inference",
        "No public statement to that effect; timing and framing (dyner2022)",
    ),
    (
        "Russia",
        "Solidarity, not suppression (symbolic)",
        "Libman & Davidzon",
        "analyst inference",
        "Short stay, guarding tasks, China's presence (chathamhouse2023intervene)",
    ),
    (
        "Russia",
        "CSTO as a tool against protest",
        "Dyner (PISM); War on the Rocks",
        "analyst inference",
        "First use of Art. 4 against internal unrest (dyner2022, warontherocks2022russian)",
    ),
]

# (statement_id, question, position): our reading of which question each row answers
_DEBATE = [
    ("analyst-satpaev-2022-01-lost-sovereignty", "dominance", "Russia's hold on Kazakhstan grew"),
    (
        "analyst-warsawinstitute-2022-01-28-reintegration",
        "dominance",
        "Russia's hold on Kazakhstan grew",
    ),
    (
        "analyst-beliakova-2022-02-security-provider",
        "dominance",
        "Russia's hold on Kazakhstan grew",
    ),
    ("analyst-sceeus-2022-russian-influence", "dominance", "Russia's hold on Kazakhstan grew"),
    (
        "analyst-libman-davidzon-2023-acceptable-because-symbolic",
        "dominance",
        "The host government set the terms",
    ),
    ("analyst-byaly-2022-01-14-without-russians", "dominance", "The host government set the terms"),
    ("analyst-jones-2023-decline-before-war", "dominance", "Russian dominance was already waning"),
    (
        "analyst-pannier-2022-03-save-himself",
        "security",
        "It shielded the incumbent from his society",
    ),
    (
        "analyst-drezner-2022-01-authoritarian-playbook",
        "security",
        "It shielded the incumbent from his society",
    ),
    (
        "analyst-beliakova-2022-02-fortify-governments",
        "security",
        "It shielded the incumbent from his society",
    ),
    (
        "analyst-kriener-brassat-2023-10-quashed-protest",
        "security",
        "It shielded the incumbent from his society",
    ),
    (
        "analyst-libman-davidzon-2023-06-symbolic-solidarity",
        "security",
        "A symbolic show of solidarity with the regime",
    ),
    (
        "analyst-syssoyeva-2023-prevented-coup",
        "security",
        "Allies restored order against a violent threat",
    ),
    (
        "analyst-lukyanov-2022-01-07-new-precedent",
        "precedent",
        "A precedent for future interventions",
    ),
    (
        "analyst-sceeus-2022-precedent-repression",
        "precedent",
        "A precedent for future interventions",
    ),
    (
        "analyst-zasztowt-2022-01-model-intervention",
        "precedent",
        "A precedent for future interventions",
    ),
    (
        "analyst-hess-2022-01-vector-of-influence",
        "precedent",
        "A precedent for future interventions",
    ),
    ("analyst-solozobov-2022-01-21-new-level", "precedent", "A precedent for future interventions"),
    (
        "analyst-libman-davidzon-2023-exception",
        "precedent",
        "An exception resting on its conditions",
    ),
    ("analyst-umarov-2022-10-chip-away", "ukraine", "The war loosened Moscow's hold on Kazakhstan"),
    ("analyst-jones-2023-precarity", "ukraine", "The war loosened Moscow's hold on Kazakhstan"),
    (
        "analyst-aslan-2022-11-trust-eroded",
        "ukraine",
        "The war weakened the CSTO and trust in Russia",
    ),
    (
        "analyst-dubnov-2024-11-28-bloc-alive",
        "ukraine",
        "The war weakened the CSTO and trust in Russia",
    ),
    (
        "analyst-satpaev-2024-11-security-provider",
        "ukraine",
        "Russia remains the security provider members cannot ignore",
    ),
]


def interpretation_matrix() -> pd.DataFrame:
    """Aims attributed to Tokayev and to Russia, who holds each reading and on what kind of evidence.

    Our summary of the sources cited in the lesson; columns ``actor``, ``aim``, ``held_by``,
    ``evidence_kind`` (one of :data:`EVIDENCE_KINDS`) and ``evidence``.
    """
    return pd.DataFrame(_MATRIX, columns=["actor", "aim", "held_by", "evidence_kind", "evidence"])


def debate_coding() -> pd.DataFrame:
    """Which ``statements`` row speaks to which question of the debate, with which position.

    One row per attributed position: ``statement_id`` (a key of the ``statements`` dataset),
    ``question`` (a key of :data:`QUESTIONS`) and ``position`` (our short label). The coding is
    the course's interpretation; the statements themselves carry the source and the wording.
    """
    return pd.DataFrame(_DEBATE, columns=["statement_id", "question", "position"])


def _day(d: pd.Timestamp) -> str:
    return f"{d:%-d %B}"


def sequence(track: pd.DataFrame) -> alt.LayerChart:
    """Timeline of January 2022: CSTO operation events, personnel changes and the proceedings
    against the former KNB chairman, with a band for the days CSTO troops were in the country.

    ``track``: one row per event with ``track`` (one of :data:`TRACKS`), ``date``, ``event_id``,
    ``event_type``, ``description`` and ``source_id``; it must include the request to the CSTO,
    the deployments and withdrawals, the personnel changes and Massimov's detention.
    """
    track = track.astype({"event_type": str})
    ops = track[track["track"] == TRACKS[0]]
    first_in = ops.loc[ops["event_type"] == "deployment", "date"].min()
    last_out = ops.loc[ops["event_type"] == "withdrawal", "date"].max()
    request = ops.loc[ops["event_id"] == REQUEST_ID, "date"].iloc[0]
    personnel = track[track["track"] == TRACKS[1]]
    legal = track[track["track"] == TRACKS[2]]
    detained_on = legal.loc[legal["event_id"].str.endswith("-detained"), "date"].iloc[0]
    pm_on = personnel.loc[personnel["event_id"].str.endswith("-pm"), "date"].iloc[0]
    same_day = int((personnel["date"] == request).sum())
    jan = track[track["date"] <= pd.Timestamp("2022-01-31")]
    month = f"{jan['date'].min():%B %Y}"
    window = pd.DataFrame(
        {"start": [first_in], "end": [last_out], "label": ["CSTO troops in Kazakhstan"]}
    )

    band = (
        alt.Chart(window)
        .mark_rect(opacity=0.18, color=charts.PALETTE[2])
        .encode(
            x="start:T",
            x2="end:T",
            tooltip=[
                "label:N",
                alt.Tooltip("start:T", format="%d %b"),
                alt.Tooltip("end:T", format="%d %b"),
            ],
        )
    )
    points = (
        alt.Chart(jan)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X("date:T", title="January 2022", axis=alt.Axis(format="%d %b")),
            y=alt.Y("track:N", sort=TRACKS, title=None),
            color=alt.Color(
                "track:N",
                sort=TRACKS,
                title="Track",
                scale=alt.Scale(domain=TRACKS, range=charts.PALETTE[:3]),
            ),
            shape=alt.Shape("track:N", sort=TRACKS, legend=None),
            tooltip=[
                alt.Tooltip("date:T", format="%d %b %Y"),
                "event_type:N",
                "description:N",
                alt.Tooltip("source_id:N", title="source"),
            ],
        )
    )
    return charts.described(
        (band + points).properties(
            width=560, height=180, title=f"Personnel changes and the CSTO deployment, {month}"
        ),
        f"Timeline of {month} with three rows: CSTO operation events, personnel changes at the top of "
        "the Kazakh state, and proceedings against the former KNB chairman Karim Massimov. A shaded band "
        f"marks the days CSTO troops were in Kazakhstan ({first_in:%-d} to {_day(last_out)}). Of the "
        f"{len(personnel)} personnel changes, {same_day} fall on {_day(request)}, the day of the request; "
        f"Massimov's detention falls on {_day(detained_on)}, the day the first units arrived; the new prime "
        f"minister is confirmed on {_day(pm_on)}, inside the band.",
    )


def matrix(matrix: pd.DataFrame) -> alt.Chart:
    """The interpretation matrix as a grid: one square per aim, placed by the kind of evidence.

    ``matrix``: the table of :func:`interpretation_matrix` (columns ``actor``, ``aim``,
    ``held_by``, ``evidence_kind``, ``evidence``).
    """
    actors = [str(a) for a in matrix["actor"].unique()]
    counts = matrix["evidence_kind"].value_counts().reindex(EVIDENCE_KINDS, fill_value=0)
    dated = matrix[matrix["evidence_kind"] == "inference from dated events"]
    stated = matrix[matrix["evidence_kind"] == "official statement"]
    grid = (
        alt.Chart(matrix)
        .mark_square(size=420)
        .encode(
            x=alt.X(
                "evidence_kind:N",
                sort=EVIDENCE_KINDS,
                title="Kind of evidence",
                axis=alt.Axis(labelAngle=0, labelLimit=160),
            ),
            y=alt.Y(
                "aim:N", sort=matrix["aim"].tolist(), title=None, axis=alt.Axis(labelLimit=320)
            ),
            color=alt.Color(
                "actor:N",
                title="Whose aim",
                scale=alt.Scale(domain=actors, range=charts.PALETTE[: len(actors)]),
            ),
            tooltip=[
                "actor:N",
                "aim:N",
                alt.Tooltip("held_by:N", title="interpretation held by"),
                "evidence:N",
            ],
        )
    )
    dated_words = listed(f"'{a}'" for a in dated["aim"])
    stated_words = listed(stated["actor"].astype(str).unique())
    return charts.described(
        grid.properties(
            width=380,
            height=300,
            title=f"Interpretation matrix: aims attributed to {' and '.join(actors)} × kind of evidence",
        ),
        f"Matrix with {len(matrix)} aims on the vertical axis and three kinds of evidence on the horizontal "
        f"axis: {', '.join(EVIDENCE_KINDS)}. Squares are coloured by whose aim it is, {' or '.join(actors)}. "
        f"{len(dated)} aim ({dated_words}) is inferred from dated events in the data, which show timing, "
        f"not motive; {len(stated)} rests on an official statement by {stated_words}; the other "
        f"{int(counts['analyst inference'])} rest on analysts' inference.",
    )


def debate(positions: pd.DataFrame) -> alt.Chart:
    """Bar chart: how many analysts hold each position, grouped by question of the debate.

    ``positions``: one row per position with ``question`` (a key of :data:`QUESTIONS`),
    ``position``, ``holders`` (number of distinct holders) and ``names`` (who they are).
    """
    positions = positions.assign(question_text=positions["question"].map(QUESTIONS))
    questions = [QUESTIONS[q] for q in QUESTIONS if q in set(positions["question"])]
    order = positions.sort_values(
        ["question", "holders"],
        key=lambda s: s.map(list(QUESTIONS).index) if s.name == "question" else -s,
    )["position"].tolist()
    bars = (
        alt.Chart(positions)
        .mark_bar()
        .encode(
            x=alt.X(
                "holders:Q", title="Analysts holding the position", axis=alt.Axis(tickMinStep=1)
            ),
            y=alt.Y("position:N", sort=order, title=None, axis=alt.Axis(labelLimit=340)),
            color=alt.Color(
                "question_text:N",
                sort=questions,
                title="Question",
                scale=alt.Scale(domain=questions, range=charts.PALETTE[: len(questions)]),
            ),
            tooltip=[
                alt.Tooltip("question_text:N", title="question"),
                "position:N",
                "holders:Q",
                alt.Tooltip("names:N", title="held by"),
            ],
        )
    )
    shared = positions[positions["holders"] > 1]
    top = positions.sort_values("holders", ascending=False, kind="mergesort").iloc[0]
    single = positions[positions["holders"] == 1]
    per_question = positions.groupby("question", sort=False).size()
    return charts.described(
        bars.properties(
            width=360, height=24 * len(positions), title="Who holds which position in the debate"
        ),
        f"Horizontal bar chart of {len(positions)} positions on {len(questions)} questions "
        f"({listed(f'{n} on {QUESTIONS[q]!r}' for q, n in per_question.items())}); each bar counts "
        f"the analysts holding the position. {len(shared)} positions rest on more than one analyst; the most "
        f"widely held is '{top['position']}' ({int(top['holders'])} holders). {len(single)} rest on a single "
        f"holder: {listed(f'{r.position!r} ({r.names})' for r in single.itertuples())}.",
    )
