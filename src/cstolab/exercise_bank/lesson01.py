"""Lesson 1: what is the CSTO? Answers are computed from the members dataset."""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _parties_on(date: str) -> int:
    from cstolab.membership import membership_periods

    p = membership_periods()
    day = pd.Timestamp(date)
    return int(((p["status"] == "member") & (p["start"] <= day) & (p["end"] > day)).sum())


def _non_renewals() -> list[str]:
    m = load("members")
    return m.loc[m["event_type"] == "non_renewal", "country"].astype(str).tolist()


def _treaty_signed() -> pd.Timestamp:
    m = load("members")
    return m.loc[m["event_type"] == "signature", "date"].min()


register(
    Exercise(
        id="l01-parties-2000",
        kind="number",
        prompt="How many states were parties to the Collective Security Treaty on 1 January 2000?",
        hint="use membership_periods(): keep 'member' rows whose start is on or before the day and whose end is after it.",
        expected=lambda: _parties_on("2000-01-01"),
    ),
    Exercise(
        id="l01-non-renewal",
        kind="names",
        prompt="Which states did not renew the treaty in 1999?",
        hint="filter the members table on event_type == 'non_renewal' and take the country column.",
        expected=_non_renewals,
    ),
    Exercise(
        id="l01-treaty-signed",
        kind="date",
        prompt="On what date was the Collective Security Treaty signed?",
        hint="the earliest 'signature' event in the members table.",
        expected=_treaty_signed,
    ),
    Exercise(
        id="l01-events-chart",
        kind="chart",
        prompt="Draw a bar chart with one bar per event type (y) and the number of events (x).",
        hint=(
            "count the rows per event type with value_counts() into a table, then draw bars with the "
            "count on x and the event type on y."
        ),
        expected=lambda: {"mark": "bar", "x": "events", "y": "event_type"},
    ),
)
