"""Lesson 0: how to use this course. Practice exercises, one of each kind of feedback.

``l00-sum`` is the warm-up used to show what right, wrong, ill-typed and unanswered look like; the
others are computed from the ``members`` and ``exercises`` datasets.
"""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _rows_about(country: str) -> int:
    m = load("members")
    return int((m["country"] == country).sum())


def _signed_in(year: int) -> list[str]:
    m = load("members")
    rows = m[(m["event_type"] == "signature") & (m["date"].dt.year == year)]
    return rows["country"].astype(str).tolist()


def _first_date_of(event_type: str) -> pd.Timestamp:
    m = load("members")
    return m.loc[m["event_type"] == event_type, "date"].min()


def _held_exercises() -> pd.DataFrame:
    e = load("exercises")
    return e[(e["status"] == "held") & e["preferred"]]


def _exercises_per_host() -> pd.DataFrame:
    counts = _held_exercises()["host_country"].value_counts().rename("exercises").reset_index()
    counts["host_country"] = counts["host_country"].astype(str)
    return counts


def _chart_fields(mark: str, x: str, y: str) -> dict[str, str]:
    return {"mark": mark, "x": x, "y": y}


register(
    Exercise(
        id="l00-sum",
        kind="number",
        prompt="What is 2 + 3?",
        hint="add the two numbers in the question.",
        expected=lambda: 2 + 3,
    ),
    Exercise(
        id="l00-armenia-rows",
        kind="number",
        prompt="How many rows of the members table concern Armenia?",
        hint="filter with members[members['country'] == 'Armenia'], then count rows with len().",
        expected=lambda: _rows_about("Armenia"),
    ),
    Exercise(
        id="l00-signed-1993",
        kind="names",
        prompt="Which states signed the Collective Security Treaty in 1993?",
        hint=(
            "keep the rows whose event_type is 'signature' and whose date has .dt.year == 1993, "
            "then give the country column as a list with .tolist()."
        ),
        expected=lambda: _signed_in(1993),
    ),
    Exercise(
        id="l00-freeze-date",
        kind="date",
        prompt="On what date did Armenia freeze its participation in the CSTO?",
        hint=(
            "filter on event_type == 'freeze' and take the date column; a filter gives a column "
            "(a Series), so pick its single value with .iloc[0]."
        ),
        expected=lambda: _first_date_of("freeze"),
    ),
    Exercise(
        id="l00-exercises-per-host",
        kind="frame",
        prompt=(
            "Make a table of the number of exercises held in each host country, with the columns "
            "host_country and exercises. Use the table `held`."
        ),
        hint=(
            "held['host_country'].value_counts() counts them; .rename('exercises').reset_index() "
            "turns the result into a table with the two columns."
        ),
        expected=_exercises_per_host,
        extra={"sort_by": ["host_country"]},
    ),
    Exercise(
        id="l00-exercises-line",
        kind="chart",
        prompt="Draw a line chart of the number of exercises per year: year on x, exercises on y.",
        hint=(
            "start from alt.Chart(per_year), choose the line mark, and in .encode() map the "
            "year column to x and the exercises column to y."
        ),
        expected=lambda: _chart_fields("line", "year", "exercises"),
    ),
)
