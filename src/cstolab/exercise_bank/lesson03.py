"""Lesson 3: the January 2022 crisis. Answers are computed from the crisis_2022 dataset."""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, register

JANUARY = (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-01-20"))
ALMATY_PLACES = ("almaty", "almaty_airport")


def _january() -> pd.DataFrame:
    c = load("crisis_2022")
    return c[c["date"].between(*JANUARY)]


def _max_detained_january() -> int:
    c = _january()
    return int(c.loc[c["value_unit"] == "detained", "value"].max())


def _almaty_events() -> int:
    c = _january()
    return int(c["place_id"].isin(ALMATY_PLACES).sum())


def _first_over_5000_detained() -> pd.Timestamp:
    c = load("crisis_2022")
    d = c[(c["value_unit"] == "detained") & (c["value"] > 5000)]
    return d["reported_on"].min()


register(
    Exercise(
        id="l03-max-detained",
        kind="number",
        prompt="What is the highest number of detentions claimed for the period 1-20 January 2022?",
        hint="keep rows dated 1-20 January 2022 whose value_unit is 'detained' and take the maximum of value.",
        expected=_max_detained_january,
    ),
    Exercise(
        id="l03-almaty-events",
        kind="number",
        prompt="How many rows of crisis_2022 dated 1-20 January 2022 are placed in Almaty city or at Almaty airport?",
        hint="filter the dates, then place_id.isin(['almaty', 'almaty_airport']) and count.",
        expected=_almaty_events,
    ),
    Exercise(
        id="l03-first-5000",
        kind="date",
        prompt="On what date was a figure of more than 5,000 detained first reported?",
        hint="keep rows with value_unit 'detained' and value > 5000, then take the earliest reported_on.",
        expected=_first_over_5000_detained,
    ),
)
