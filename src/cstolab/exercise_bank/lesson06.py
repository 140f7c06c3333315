"""Lesson 6: political significance. Answers are computed from crisis_2022, contingents, statements
and the lesson's two coded tables (:func:`cstolab.figures.l06.interpretation_matrix` and
:func:`cstolab.figures.l06.debate_coding`), so that they follow the data when they grow.
"""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register
from cstolab.figures import l06

REQUEST = l06.REQUEST_ID


# --- l06-personnel-same-day --------------------------------------------------------------------


def _crisis() -> pd.DataFrame:
    return load("crisis_2022")


def _date_of(event_id: str) -> pd.Timestamp:
    c = _crisis()
    return c.loc[c["event_id"] == event_id, "date"].iloc[0]


def _personnel_on(day: pd.Timestamp) -> int:
    c = _crisis()
    return int(((c["event_type"] == "personnel_change") & (c["date"] == day)).sum())


def _personnel_same_day_as_request() -> int:
    return _personnel_on(_date_of(REQUEST))


def _all_personnel() -> int:
    return int((_crisis()["event_type"] == "personnel_change").sum())


def _first_in() -> pd.Timestamp:
    c = _crisis()
    return c.loc[c["event_type"] == "deployment", "date"].min()


def _last_out() -> pd.Timestamp:
    c = _crisis()
    return c.loc[c["event_type"] == "withdrawal", "date"].max()


def _personnel_on_first_arrival() -> int:
    return _personnel_on(_first_in())


# --- l06-first-out -----------------------------------------------------------------------------


def _national() -> pd.DataFrame:
    k = load("contingents")
    return k[k["scope"] == "national"]


def _countries_leaving_on(pick: str) -> list[str]:
    national = _national()
    day = getattr(national["departure_date"], pick)()
    return sorted(national.loc[national["departure_date"] == day, "country"].astype(str).unique())


def _first_out() -> list[str]:
    return _countries_leaving_on("min")


def _last_out_countries() -> list[str]:
    return _countries_leaving_on("max")


def _all_contributors() -> list[str]:
    return sorted(_national()["country"].astype(str).unique())


# --- l06-n-during ------------------------------------------------------------------------------


def _people() -> pd.DataFrame:
    c = _crisis()
    massimov = c["event_id"].str.contains("massimov") & (c["event_type"] != "personnel_change")
    return c[(c["event_type"] == "personnel_change") | massimov]


def _n_between(start: pd.Timestamp, end: pd.Timestamp, inclusive: str = "both") -> int:
    return int(_people()["date"].between(start, end, inclusive=inclusive).sum())


def _n_during() -> int:
    return _n_between(_first_in(), _last_out())


def _n_during_from_request() -> int:
    return _n_between(_date_of(REQUEST), _last_out())


def _n_during_open_window() -> int:
    return _n_between(_first_in(), _last_out(), inclusive="neither")


# --- l06-n-inference ---------------------------------------------------------------------------


def _matrix() -> pd.DataFrame:
    return l06.interpretation_matrix()


def _n_inference() -> int:
    return int((_matrix()["evidence_kind"] == "analyst inference").sum())


def _n_any_inference() -> int:
    return int(_matrix()["evidence_kind"].str.contains("inference").sum())


def _n_inference_tokayev_only() -> int:
    m = _matrix()
    return int(((m["evidence_kind"] == "analyst inference") & (m["actor"] == "Tokayev")).sum())


# --- the debate: l06-shared-positions, l06-widest-spread ---------------------------------------


def _debate() -> pd.DataFrame:
    d = l06.debate_coding().merge(load("statements"), on="statement_id", how="left")
    return d.assign(stance=d["stance"].astype(str), topic=d["topic"].astype(str))


def _holders_per(by: list[str]) -> pd.Series:
    return _debate().groupby(by, observed=True)["actor"].nunique()


def _shared_positions() -> int:
    return int((_holders_per(["question", "position"]) > 1).sum())


def _all_positions() -> int:
    return int((_holders_per(["question", "position"]) >= 1).sum())


def _positions_over_two() -> int:
    return int((_holders_per(["question", "position"]) > 2).sum())


def _shared_stances() -> int:
    return int((_holders_per(["question", "stance"]) > 1).sum())


def _widest(column: str) -> str:
    counts = _debate().groupby("question", sort=False)[column].nunique()
    return str(counts.idxmax())


def _widest_spread() -> str:
    return _widest("stance")


def _most_positions() -> str:
    return _widest("position")


def _most_topics() -> str:
    return _widest("topic")


register(
    Exercise(
        id="l06-personnel-same-day",
        kind="number",
        prompt="How many personnel changes in crisis_2022 fall on the day of Tokayev's request to the CSTO?",
        hint="you need one date first, and only one kind of event.",
        method=(
            "Look up the date of event 'kz-2022-01-05-tokayev-csto-request', then count the rows whose "
            "event_type is 'personnel_change' and whose date equals it."
        ),
        code=(
            "req = crisis.loc[crisis['event_id'] == 'kz-2022-01-05-tokayev-csto-request', 'date'].iloc[0]; "
            "int(((crisis['event_type'] == 'personnel_change') & (crisis['date'] == req)).sum())"
        ),
        expected=_personnel_same_day_as_request,
        mistakes=(
            Mistake(
                answer=_all_personnel,
                message="you counted every personnel change in the data: keep only those on the day of the request",
            ),
            Mistake(
                answer=_personnel_on_first_arrival,
                message=(
                    "you used the day the first CSTO units arrived: the question asks about the day of "
                    "the request, one day earlier"
                ),
            ),
        ),
    ),
    Exercise(
        id="l06-first-out",
        kind="names",
        prompt=(
            "Which countries' contingents left Kazakhstan on the earliest departure date in contingents? "
            "Give a list of country names."
        ),
        hint="not every row of contingents is a country's contingent; and which end of the dates is asked for?",
        method=(
            "Keep the rows with scope 'national', take the earliest departure_date and list the "
            "countries whose departure_date equals it (each once)."
        ),
        code=(
            "national = contingents[contingents['scope'] == 'national']; "
            "first = national['departure_date'].min(); "
            "sorted(national.loc[national['departure_date'] == first, 'country'].astype(str).unique())"
        ),
        expected=_first_out,
        mistakes=(
            Mistake(
                answer=_last_out_countries,
                message="you took the latest departure date: the question asks for the earliest",
            ),
            Mistake(
                answer=_all_contributors,
                message=(
                    "you listed every contributing country: keep only those whose departure_date equals "
                    "the earliest one"
                ),
            ),
        ),
    ),
    Exercise(
        id="l06-n-during",
        kind="number",
        prompt=(
            "How many of the personnel changes and proceedings against Massimov (the rows of the lesson's "
            "people table) fall while CSTO troops were in Kazakhstan, counting both the day the first "
            "units arrived and the day the last ones left? Give a number."
        ),
        hint="first find where the window opens and closes; both ends belong to it.",
        method=(
            "The window opens on the earliest 'deployment' date and closes on the latest 'withdrawal' "
            "date in crisis_2022. Count the rows of people whose date lies between the two, both "
            "ends included."
        ),
        code=(
            "first_in = crisis.loc[crisis['event_type'] == 'deployment', 'date'].min(); "
            "last_out = crisis.loc[crisis['event_type'] == 'withdrawal', 'date'].max(); "
            "int(people['date'].between(first_in, last_out).sum())"
        ),
        expected=_n_during,
        mistakes=(
            Mistake(
                answer=_n_during_from_request,
                message=(
                    "you opened the window on the day of the request: the troops were not there until "
                    "the first units arrived the next day"
                ),
            ),
            Mistake(
                answer=_n_during_open_window,
                message=(
                    "you left out the first and the last day of the presence: both ends of the window count"
                ),
            ),
        ),
    ),
    Exercise(
        id="l06-n-inference",
        kind="number",
        prompt="In the lesson's interpretation matrix, how many aims rest on analyst inference? Give a number.",
        hint="the column evidence_kind has three values; only one of them is asked for.",
        method="Count the rows of matrix whose evidence_kind is exactly 'analyst inference'.",
        code="int((matrix['evidence_kind'] == 'analyst inference').sum())",
        expected=_n_inference,
        mistakes=(
            Mistake(
                answer=_n_any_inference,
                message=(
                    "you also counted the aim inferred from dated events: that is a kind of evidence of "
                    "its own, tied to the data"
                ),
            ),
            Mistake(
                answer=_n_inference_tokayev_only,
                message="you counted only the aims attributed to Tokayev: Russia's aims count too",
            ),
        ),
    ),
    Exercise(
        id="l06-positions-chart",
        kind="chart",
        prompt=(
            "Draw a bar chart of the positions table: one bar per position on the y axis, its length the "
            "number of holders on the x axis."
        ),
        hint="the labels are long: which axis gives them room? And which mark shows a count as a length?",
        method=(
            "Start from alt.Chart(positions), choose the bar mark, encode the count field 'holders' on x "
            "as quantitative and 'position' on y as nominal."
        ),
        code="alt.Chart(positions).mark_bar().encode(x='holders:Q', y='position:N')",
        expected=lambda: {"mark": "bar", "x": "holders", "y": "position"},
        mistakes=(
            Mistake(
                answer=lambda: {"mark": "bar", "x": "position", "y": "holders"},
                message=(
                    "you put the positions on the x axis: with labels this long, put them on y and the "
                    "count on x"
                ),
            ),
            Mistake(
                answer=lambda: {"mark": "point", "x": "holders", "y": "position"},
                message="a count per category reads best as the length of a bar: use mark_bar()",
            ),
        ),
    ),
    Exercise(
        id="l06-shared-positions",
        kind="number",
        prompt=(
            "Join the debate coding to statements. Across the four questions, how many positions are held "
            "by more than one analyst (distinct values of actor)? Give a number."
        ),
        hint="decide what one group is, and whether you are counting rows or people.",
        method=(
            "Merge coding with statements on statement_id, group by question and position, count the "
            "distinct actors of each group with nunique() and count the groups where that number is "
            "greater than 1."
        ),
        code=(
            "debate = coding.merge(statements, on='statement_id'); "
            "int((debate.groupby(['question', 'position'])['actor'].nunique() > 1).sum())"
        ),
        expected=_shared_positions,
        mistakes=(
            Mistake(
                answer=_all_positions,
                message="you counted every position: keep those with more than one holder (> 1, not >= 1)",
            ),
            Mistake(
                answer=_positions_over_two,
                message="you kept the positions with more than two holders: two holders are already more than one",
            ),
            Mistake(
                answer=_shared_stances,
                message=(
                    "you grouped by stance: the exercise asks about the positions of the lesson's coding, "
                    "and one stance can cover several positions"
                ),
            ),
        ),
    ),
    Exercise(
        id="l06-widest-spread",
        kind="choice",
        prompt=(
            "Which question of the debate has the widest spread of stances, i.e. the most distinct values "
            "of stance among its rows? Answer with its id: 'dominance', 'security', 'precedent' or 'ukraine'."
        ),
        hint="the stance comes from the statements dataset, not from the lesson's position labels.",
        method=(
            "In the joined table, group by question, count the distinct values of stance with nunique() "
            "and take the question with the highest count (idxmax())."
        ),
        code=(
            "debate.assign(stance=debate['stance'].astype(str))"
            ".groupby('question')['stance'].nunique().idxmax()"
        ),
        expected=_widest_spread,
        options=tuple(l06.QUESTIONS),
        mistakes=(
            Mistake(
                answer=_most_positions,
                message=(
                    "you counted the lesson's positions: the question asks for distinct stances, the "
                    "dataset's own coding"
                ),
            ),
            Mistake(
                answer=_most_topics,
                message="you counted distinct topics: the question asks about stance",
            ),
        ),
    ),
)
