"""Lesson 11: voices. Answers are computed from the statements and crisis_2022 datasets."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register

#: statement_id prefix -> actor group for reactions abroad (the lesson shows the same table)
GROUPS = {
    "ru": "Russia",
    "cn": "China",
    "us": "United States",
    "eu": "EU",
    "tr": "Turkey and the Turkic states",
    "ots": "Turkey and the Turkic states",
    "kg": "Central Asian neighbours",
    "uz": "Central Asian neighbours",
    "tj": "Central Asian neighbours",
    "tm": "Central Asian neighbours",
    "un": "UN",
    "osce": "OSCE",
    "by": "Belarus",
    "csto": "CSTO",
}
REACTION_TOPICS = ["reaction", "csto_role", "legality", "human_rights"]
SUPPORTIVE = ["supports_government", "supports_deployment"]
OTHERS = "rights groups, UN and independent media"

BANDITS = "kz-2022-01-07-tokayev-20000-bandits"
CHARGED = "kz-2022-01-22-pgo-charged-464"
HELD = "kz-2022-01-22-pgo-held-970"
CHARGED_LATER = "kz-2022-11-02-prosecutors-charged-900"


# --- framing ---------------------------------------------------------------------------------


def _frames(statements: pd.DataFrame) -> list[str]:
    return [s for s in statements["stance"].cat.categories if s.endswith("_frame")]


def _kazakh(actor_types=("state",), topics=("framing",), frames_only=True) -> pd.DataFrame:
    s = load("statements")
    keep = (s["country"] == "Kazakhstan") & s["actor_type"].isin(actor_types)
    keep &= s["topic"].isin(topics)
    if frames_only:
        keep &= s["stance"].isin(_frames(s))
    return s[keep]


def _n_frames() -> int:
    return int(_kazakh()["stance"].astype(str).nunique())


def _n_stances_any() -> int:
    return int(_kazakh(frames_only=False)["stance"].astype(str).nunique())


def _n_statements() -> int:
    return len(_kazakh())


def _spans(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.astype({"stance": str})
    return (
        rows.groupby("stance")["date"]
        .agg(first="min", last="max", statements="size")
        .reset_index()
        .sort_values("first", kind="stable", ignore_index=True)
    )


def _frame_spans() -> pd.DataFrame:
    return _spans(_kazakh())


def _frame_spans_with_state_media() -> pd.DataFrame:
    return _spans(_kazakh(actor_types=("state", "state_media")))


def _frame_spans_all_topics() -> pd.DataFrame:
    s = load("statements")
    return _spans(_kazakh(topics=tuple(s["topic"].cat.categories)))


def _value(event_id: str) -> float:
    c = load("crisis_2022").set_index("event_id")
    return float(c.loc[event_id, "value"])


def _bandits_per(event_id: str) -> float:
    return round(_value(BANDITS) / _value(event_id), 1)


def _bandits_per_peak_detained() -> float:
    c = load("crisis_2022")
    peak = c.loc[c["event_type"] == "detention_report", "value"].max()
    return round(_value(BANDITS) / float(peak), 1)


# --- the rights record -----------------------------------------------------------------------


def counts() -> pd.DataFrame:
    """Deaths and detentions with a number, and who published them (the lesson's ``counts``)."""
    c = load("crisis_2022")
    types = ["casualty_report", "detention_report", "human_rights_finding"]
    keep = c["event_type"].isin(types) & c["value_unit"].isin(["killed", "detained"])
    out = c[keep & c["value"].fillna(0).gt(0)].copy()
    independent = (out["event_type"] == "human_rights_finding") | out["claimed_by"].str.startswith(
        "RFE/RL"
    )
    out["voice"] = np.where(independent, OTHERS, "Kazakh state")
    out["measure"] = out["value_unit"].astype(str)
    out["qualifier"] = out["value_qualifier"].astype(str).str.replace("_", " ")
    return out


def _deaths_on(day: str) -> pd.DataFrame:
    d = counts()
    return d[(d["measure"] == "killed") & (d["date"] == day)]


def _official_minus_largest_list() -> int:
    same_day = _deaths_on("2022-07-29")
    state = same_day.loc[same_day["voice"] == "Kazakh state", "value"].max()
    lists = same_day.loc[same_day["voice"] == OTHERS, "value"]
    return int(state - lists.max())


def _official_minus_smallest_list() -> int:
    same_day = _deaths_on("2022-07-29")
    state = same_day.loc[same_day["voice"] == "Kazakh state", "value"].max()
    return int(state - same_day.loc[same_day["voice"] == OTHERS, "value"].min())


def _latest_official_minus_largest_list() -> int:
    d = counts()
    state = d[(d["measure"] == "killed") & (d["voice"] == "Kazakh state")]
    latest = state.sort_values("reported_on")["value"].iloc[-1]
    lists = _deaths_on("2022-07-29")
    return int(latest - lists.loc[lists["voice"] == OTHERS, "value"].max())


# --- reactions abroad ------------------------------------------------------------------------


def abroad(actor_types=("state", "igo", "csto"), topics=tuple(REACTION_TOPICS)) -> pd.DataFrame:
    """Statements by foreign governments and international bodies, with their actor group."""
    s = load("statements")
    keep = s["actor_type"].isin(actor_types) & (s["country"].fillna("") != "Kazakhstan")
    out = s[keep & s["topic"].isin(topics)].copy()
    out["group"] = out["statement_id"].str.split("-").str[0].map(GROUPS)
    return out.dropna(subset=["group"])


def _supportive_groups(rows: pd.DataFrame, stances=tuple(SUPPORTIVE)) -> list[str]:
    return sorted(rows.loc[rows["stance"].isin(stances), "group"].unique())


def _reaction_table(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.assign(supportive=rows["stance"].isin(SUPPORTIVE))
    return (
        rows.groupby("group")
        .agg(statements=("statement_id", "size"), supportive=("supportive", "sum"))
        .reset_index()
    )


register(
    Exercise(
        id="l11-n-frames",
        kind="number",
        prompt="How many different frames did Kazakh state actors use in their framing statements?",
        hint="A frame is a stance whose name ends in '_frame'; count frames, not statements.",
        method=(
            "Keep statements with country 'Kazakhstan', actor_type 'state' and topic 'framing' whose "
            "stance ends in '_frame', then count the distinct stances."
        ),
        code=(
            "framing['stance'].astype(str).nunique()  # framing: the lesson's table of Kazakh "
            "state framing statements"
        ),
        expected=_n_frames,
        mistakes=(
            Mistake(
                answer=_n_stances_any,
                message=(
                    "you counted every stance of the framing statements, including ones that are not "
                    "frames (official figures, rejecting criticism, calls for an investigation)"
                ),
            ),
            Mistake(
                answer=_n_statements,
                message="you counted statements; the question asks how many different frames",
            ),
        ),
    ),
    Exercise(
        id="l11-frame-spans",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For each frame used by Kazakh state actors in framing statements: columns stance, "
            "first, last (dates) and statements (how many), ordered by first use."
        ),
        hint="Start from the lesson's `framing` table; one row per stance.",
        method=(
            "Group the Kazakh state framing statements (actor_type 'state', topic 'framing', stance "
            "ending in '_frame') by stance and take the minimum and maximum date and the size."
        ),
        code=(
            "framing.astype({'stance': str}).groupby('stance')['date']"
            ".agg(first='min', last='max', statements='size').reset_index().sort_values('first')"
        ),
        expected=_frame_spans,
        extra={"sort_by": ["stance"]},
        mistakes=(
            Mistake(
                answer=_frame_spans_with_state_media,
                message=(
                    "you included state media (actor_type 'state_media'); the question asks about "
                    "state actors, whose words state television then carried"
                ),
            ),
            Mistake(
                answer=_frame_spans_all_topics,
                message=(
                    "you kept statements on every topic; keep topic 'framing' only (a frame used "
                    "when speaking about casualties is a different kind of statement)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l11-bandits-per-charged",
        kind="number",
        prompt=(
            "Tokayev said 20,000 bandits had attacked Almaty alone. How many times larger is that "
            "figure than the number of people the Prosecutor General's Office said on 22 January "
            "2022 were charged with terrorism or mass disorder? Round to one decimal."
        ),
        hint="Both numbers are rows of crisis_2022; check the value_unit of the one you divide by.",
        method=(
            "Take the value of event kz-2022-01-07-tokayev-20000-bandits and of the 22 January row "
            "whose value_unit is 'charged', divide the first by the second and round to one decimal."
        ),
        code=(
            "c = crisis.set_index('event_id')\n"
            "round(c.loc['kz-2022-01-07-tokayev-20000-bandits', 'value'] / "
            "c.loc['kz-2022-01-22-pgo-charged-464', 'value'], 1)"
        ),
        expected=lambda: _bandits_per(CHARGED),
        tolerance=0.05,
        mistakes=(
            Mistake(
                answer=lambda: _bandits_per(HELD),
                message=(
                    "you divided by the 970 people initially held as suspects, not by the number "
                    "charged (value_unit 'charged')"
                ),
            ),
            Mistake(
                answer=_bandits_per_peak_detained,
                message=(
                    "you divided by the highest detention figure; most of those detained were "
                    "released or punished administratively, not charged"
                ),
            ),
            Mistake(
                answer=lambda: _bandits_per(CHARGED_LATER),
                message="you took the 'nearly 900' charged reported in November, not the 22 January figure",
            ),
        ),
    ),
    Exercise(
        id="l11-official-minus-lists",
        kind="number",
        prompt=(
            "On 29 July 2022 ten rights groups set the prosecutor's death toll beside two independent "
            "lists of the dead. By how many deaths does the official figure exceed the larger of the "
            "two lists?"
        ),
        hint="Use the lesson's `counts` table: deaths on that date, the state's voice against the others.",
        method=(
            "Keep rows of `counts` with measure 'killed' dated 2022-07-29; subtract the largest "
            "non-state value from the state's value."
        ),
        code=(
            "day = counts[(counts['measure'] == 'killed') & (counts['date'] == '2022-07-29')]\n"
            "state = day.loc[day['voice'] == 'Kazakh state', 'value'].max()\n"
            "int(state - day.loc[day['voice'] != 'Kazakh state', 'value'].max())"
        ),
        expected=_official_minus_largest_list,
        mistakes=(
            Mistake(
                answer=_official_minus_smallest_list,
                message="you compared with the smaller list (Radio Azattyq's); the question asks for the larger",
            ),
            Mistake(
                answer=_latest_official_minus_largest_list,
                message=(
                    "you took the latest official toll (August), not the one the groups cited on "
                    "the same day"
                ),
            ),
        ),
    ),
    Exercise(
        id="l11-chart-voices",
        kind="chart",
        prompt=(
            "Draw the detention figures of `counts` as a dot chart: date on x, value on y, coloured "
            "by voice."
        ),
        hint="Dots, not a line: the figures are separate claims, not one series.",
        method=(
            "Filter `counts` to measure 'detained', then alt.Chart(...).mark_point() with x='date:T', "
            "y='value:Q' and color='voice:N'."
        ),
        code=(
            "alt.Chart(counts[counts['measure'] == 'detained']).mark_point()"
            ".encode(x='date:T', y=alt.Y('value:Q', scale=alt.Scale(type='log')), color='voice:N')"
        ),
        expected=lambda: {"mark": "point", "x": "date", "y": "value", "color": "voice"},
        mistakes=(
            Mistake(
                answer=lambda: {"mark": "line", "x": "date", "y": "value", "color": "voice"},
                message=(
                    "a line joins figures from different claimants as if they were one series; "
                    "use separate dots"
                ),
            ),
            Mistake(
                answer=lambda: {"mark": "point", "x": "date", "y": "value", "color": "claimed_by"},
                message="colouring by claimed_by gives one colour per outlet; colour by voice",
            ),
        ),
    ),
    Exercise(
        id="l11-supportive-groups",
        kind="names",
        prompt=(
            "Which actor groups abroad made at least one statement supporting the Kazakh government "
            "or the deployment? Give the group names of the lesson's `abroad` table."
        ),
        hint="Two stances count as support.",
        method=(
            "Keep rows of `abroad` whose stance is 'supports_government' or 'supports_deployment' "
            "and list the distinct values of group."
        ),
        code="sorted(abroad.loc[abroad['stance'].isin(['supports_government', 'supports_deployment']), 'group'].unique())",
        expected=lambda: _supportive_groups(abroad()),
        mistakes=(
            Mistake(
                answer=lambda: _supportive_groups(abroad(), ("supports_government",)),
                message="you counted only 'supports_government'; support for the deployment counts too",
            ),
        ),
    ),
    Exercise(
        id="l11-reaction-table",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For each actor group abroad: columns group, statements (how many) and supportive (how "
            "many support the Kazakh government or the deployment). Start from `statements`: keep "
            "states, international organisations and the CSTO, not from Kazakhstan, on the topics "
            "reaction, csto_role, legality and human_rights."
        ),
        hint="Build the group from the first part of statement_id, as the lesson does.",
        method=(
            "Filter actor_type, country and topic; map the statement_id prefix to a group with "
            "GROUPS; mark supportive stances; group by group and count statements and supportive ones."
        ),
        code=(
            "rows = statements[statements['actor_type'].isin(['state', 'igo', 'csto']) & "
            "(statements['country'].fillna('') != 'Kazakhstan') & statements['topic'].isin(REACTION_TOPICS)].copy()\n"
            "rows['group'] = rows['statement_id'].str.split('-').str[0].map(GROUPS)\n"
            "rows['supportive'] = rows['stance'].isin(['supports_government', 'supports_deployment'])\n"
            "rows.dropna(subset=['group']).groupby('group').agg(statements=('statement_id', 'size'), "
            "supportive=('supportive', 'sum')).reset_index()"
        ),
        expected=lambda: _reaction_table(abroad()),
        extra={"sort_by": ["group"]},
        mistakes=(
            Mistake(
                answer=lambda: _reaction_table(
                    abroad(actor_types=("state", "igo", "csto", "protesters", "ngo"))
                ),
                message=(
                    "you kept protesters and NGOs too (the Bishkek protest has a 'kg' prefix); keep "
                    "states, international organisations and the CSTO"
                ),
            ),
            Mistake(
                answer=lambda: _reaction_table(abroad(topics=("reaction", "csto_role"))),
                message=(
                    "you kept only the topics reaction and csto_role; the US and EU reactions to the "
                    "deployment are coded 'legality' and the UN's mostly 'human_rights'"
                ),
            ),
        ),
    ),
)
