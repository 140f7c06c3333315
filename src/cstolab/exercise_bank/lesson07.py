"""Lesson 7: military significance. Answers are computed from contingents and exercises."""

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _russia_share_low() -> float:
    k = load("contingents")
    t = k[(k["measure"] == "troops") & k["value"].notna()]
    others = t[(t["scope"] == "national") & (t["country"] != "Russia")]
    others_high = others.groupby("country", observed=True)["value"].max().sum()
    total_low = t.loc[t["scope"] == "total", "value"].min()
    return float((total_low - others_high) / total_low * 100)


def _troops_2021() -> int:
    e = load("exercises")
    held = e[e["preferred"] & (e["status"] == "held")]
    ids = set(held["exercise_id"])
    top = held[~held["part_of"].isin(ids)]
    return int(top.loc[top["year"] == 2021, "troops"].sum())


register(
    Exercise(
        id="l07-russia-share-low",
        kind="number",
        prompt="Lowest share (%) of Russian troops: (smallest total - largest sum of the other contingents) / smallest total.",
        hint="per country take the max troop claim of the four non-Russian contingents and add them; take the min of the 'total' claims.",
        expected=_russia_share_low,
        tolerance=0.5,
    ),
    Exercise(
        id="l07-troops-2021",
        kind="number",
        prompt="Reported troops in CSTO exercises held in 2021, without double counting umbrella components.",
        hint="keep preferred rows with status 'held', drop rows whose part_of names an exercise in the data, sum troops for 2021.",
        expected=_troops_2021,
    ),
    Exercise(
        id="l07-exercises-chart",
        kind="chart",
        prompt="Draw a bar chart with one bar per year (x) and the number of exercises held (y).",
        hint="alt.Chart(per_year).mark_bar().encode(x='year:O', y='exercises:Q').",
        expected=lambda: {"mark": "bar", "x": "year", "y": "exercises"},
    ),
)
