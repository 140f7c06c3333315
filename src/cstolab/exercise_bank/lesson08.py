"""Lesson 8: comparative cases and aftermath. Answers are computed from the cases and members datasets."""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _cases() -> pd.DataFrame:
    c = load("cases")
    return c[c["preferred"]]


def _requests_without_force() -> list[str]:
    c = _cases()
    asked = c[c["request_made"].fillna(False).astype(bool)]
    return asked.loc[asked["csto_response"] != "deployment", "case_id"].astype(str).tolist()


def _response_by_type() -> pd.DataFrame:
    c = _cases()
    # keep the categorical columns as a student's groupby returns them (the checker sorts by them)
    return (
        c.groupby(["crisis_type", "csto_response"], observed=True)
        .size()
        .rename("cases")
        .reset_index()
    )


def _days_to_freeze() -> int:
    c = _cases()
    start = c.loc[c["case_id"] == "am-2022-09-border", "request_date"].iloc[0]
    m = load("members")
    end = m.loc[(m["country"] == "Armenia") & (m["event_type"] == "freeze"), "date"].min()
    return int((end - start).days)


register(
    Exercise(
        id="l08-requests-without-force",
        kind="names",
        prompt="Which cases had a request for help but did not end in a deployment of forces? Give case_ids.",
        hint="keep preferred rows with request_made true (fill missing with False) and csto_response != 'deployment'.",
        expected=_requests_without_force,
    ),
    Exercise(
        id="l08-response-by-type",
        kind="frame",
        prompt="Count the cases per crisis_type and csto_response (columns crisis_type, csto_response, cases).",
        hint="cases.groupby(['crisis_type', 'csto_response'], observed=True).size().rename('cases').reset_index()",
        expected=_response_by_type,
        extra={"sort_by": ["crisis_type", "csto_response"]},
    ),
    Exercise(
        id="l08-days-to-freeze",
        kind="number",
        prompt="How many days passed between Armenia's September 2022 request and its freeze of CSTO participation?",
        hint="subtract the request_date of case am-2022-09-border from the date of Armenia's 'freeze' event; use .days.",
        expected=_days_to_freeze,
    ),
)
