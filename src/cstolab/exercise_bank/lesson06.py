"""Lesson 6: political significance. Answers are computed from crisis_2022 and contingents."""

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _personnel_same_day_as_request() -> int:
    c = load("crisis_2022")
    req = c.loc[c["event_id"] == "kz-2022-01-05-tokayev-csto-request", "date"].iloc[0]
    return int(((c["event_type"] == "personnel_change") & (c["date"] == req)).sum())


def _first_out() -> list[str]:
    k = load("contingents")
    national = k[k["scope"] == "national"]
    first = national["departure_date"].min()
    return sorted(national.loc[national["departure_date"] == first, "country"].astype(str).unique())


register(
    Exercise(
        id="l06-personnel-same-day",
        kind="number",
        prompt="How many personnel changes in crisis_2022 fall on the day of Tokayev's request to the CSTO?",
        hint="find the date of event 'kz-2022-01-05-tokayev-csto-request', then count personnel_change rows with that date.",
        expected=_personnel_same_day_as_request,
    ),
    Exercise(
        id="l06-first-out",
        kind="names",
        prompt="Which countries' contingents left Kazakhstan on the earliest departure date?",
        hint="keep scope == 'national', take the minimum departure_date and list the countries with that date.",
        expected=_first_out,
    ),
    Exercise(
        id="l06-n-inference",
        kind="number",
        prompt="In the lesson's interpretation matrix, how many aims rest on analyst inference?",
        hint="count the rows of matrix whose evidence_kind is 'analyst inference'.",
        digest="76d473931c2182a7009ce1e8a43ad5b80c5e1d818d460e010f2b95480f3ae188",
    ),
)
