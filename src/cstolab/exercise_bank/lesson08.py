"""Lesson 8: comparative cases and aftermath. Answers are computed from the cases and members datasets.

Every reference answer and every declared mistake is computed from the data, so that they follow the
``cases`` dataset when it grows (issue 13: from 11 to 21 cases).
"""

import pandas as pd

from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register

KZ = "kz-2022-01"
BATKEN = "kg-1999-08-batken"


def _all_rows() -> pd.DataFrame:
    return load("cases")


def _cases() -> pd.DataFrame:
    c = _all_rows()
    return c[c["preferred"]]


def _asked(c: pd.DataFrame) -> pd.DataFrame:
    return c[c["request_made"].fillna(False).astype(bool)]


def _date(case_id: str, column: str = "request_date") -> pd.Timestamp:
    c = _cases()
    return c.loc[c["case_id"] == case_id, column].iloc[0]


# --- l08-requests-without-force ------------------------------------------------------------------


def _requests_without_force() -> list[str]:
    asked = _asked(_cases())
    return asked.loc[asked["csto_response"] != "deployment", "case_id"].astype(str).tolist()


def _all_requests() -> list[str]:
    return _asked(_cases())["case_id"].astype(str).tolist()


def _csto_requests_without_force() -> list[str]:
    asked = _asked(_cases())
    keep = (asked["csto_response"] != "deployment") & (asked["request_addressee"] == "CSTO")
    return asked.loc[keep, "case_id"].astype(str).tolist()


# --- l08-response-by-type ------------------------------------------------------------------------


def _count_by_type(c: pd.DataFrame) -> pd.DataFrame:
    # keep the categorical columns as a student's groupby returns them (the checker sorts by them)
    return (
        c.groupby(["crisis_type", "csto_response"], observed=True)
        .size()
        .rename("cases")
        .reset_index()
    )


def _response_by_type() -> pd.DataFrame:
    return _count_by_type(_cases())


def _response_by_type_all_rows() -> pd.DataFrame:
    return _count_by_type(_all_rows())


def _response_by_type_unobserved() -> pd.DataFrame:
    return (
        _cases()
        .groupby(["crisis_type", "csto_response"], observed=False)
        .size()
        .rename("cases")
        .reset_index()
    )


# --- l08-days-to-freeze --------------------------------------------------------------------------


def _armenia_after(day: pd.Timestamp) -> pd.DataFrame:
    m = load("members")
    return m[(m["country"] == "Armenia") & (m["date"] >= day)]


def _days_to_freeze() -> int:
    start = _date("am-2022-09-border")
    arm = _armenia_after(start)
    end = arm.loc[arm["event_type"] == "freeze", "date"].min()
    return int((end - start).days)


def _days_to_first_step() -> int:
    start = _date("am-2022-09-border")
    return int((_armenia_after(start)["date"].min() - start).days)


def _days_from_2021_request() -> int:
    start = _date("am-2021-05-border")
    arm = _armenia_after(start)
    return int((arm.loc[arm["event_type"] == "freeze", "date"].min() - start).days)


# --- l08-csto-requests-before-kz -----------------------------------------------------------------


def _requests_before(addressee: str | None, inclusive: bool = False) -> int:
    asked = _asked(_cases())
    day = _date(KZ)
    # as a student's comparison does: a missing request_date (the CIS case) compares as False
    when = asked["request_date"] <= day if inclusive else asked["request_date"] < day
    keep = when & (asked["request_addressee"] == addressee) if addressee else when
    return int(keep.sum())


# --- l08-requests-by-decade ----------------------------------------------------------------------


def _by_decade(c: pd.DataFrame) -> pd.DataFrame:
    return (
        c.assign(decade=(c["start_date"].dt.year // 10) * 10)
        .groupby(["decade", "csto_response"], observed=True)
        .size()
        .rename("requests")
        .reset_index()
    )


def _requests_by_decade() -> pd.DataFrame:
    return _by_decade(_asked(_cases()))


def _requests_by_decade_all_rows() -> pd.DataFrame:
    return _by_decade(_asked(_all_rows()))


def _cases_by_decade() -> pd.DataFrame:
    return _by_decade(_cases())


# --- l08-days-first-activation -------------------------------------------------------------------


def _days_activation_to_deployment() -> int:
    return int((_date(KZ) - _date(BATKEN)).days)


def _days_by_start_dates() -> int:
    return int((_date(KZ, "start_date") - _date(BATKEN, "start_date")).days)


def _years_not_days() -> float:
    return round(_days_activation_to_deployment() / 365.25, 1)


register(
    Exercise(
        id="l08-requests-without-force",
        kind="names",
        prompt="Which cases had a request for help but did not end in a deployment of forces? Give case_ids.",
        hint="two conditions at once: a request was found, and the response was something other than troops.",
        method=(
            "Keep the rows with request_made true (fill the missing values with False first), then the "
            "rows whose csto_response is not 'deployment', and list their case_id."
        ),
        code=(
            "asked = cases[cases['request_made'].fillna(False).astype(bool)]; "
            "asked.loc[asked['csto_response'] != 'deployment', 'case_id'].tolist()"
        ),
        expected=_requests_without_force,
        mistakes=(
            Mistake(
                answer=_all_requests,
                message="you listed every request, Kazakhstan's too: drop the case that ended in a deployment",
            ),
            Mistake(
                answer=_csto_requests_without_force,
                message=(
                    "you kept only requests addressed to the CSTO: the question also counts requests to "
                    "Russia and to the CIS (see request_addressee)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l08-response-by-type",
        kind="frame",
        points=2,  # a table: several steps
        prompt="Count the cases per crisis_type and csto_response (columns crisis_type, csto_response, cases).",
        hint="one row per pair of values that actually occurs; start from the preferred rows.",
        method=(
            "Group the preferred rows by crisis_type and csto_response, count the rows of each group "
            "with size(), name the count 'cases' and turn the index back into columns."
        ),
        code=(
            "cases.groupby(['crisis_type', 'csto_response'], observed=True)"
            ".size().rename('cases').reset_index()"
        ),
        expected=_response_by_type,
        extra={"sort_by": ["crisis_type", "csto_response"]},
        mistakes=(
            Mistake(
                answer=_response_by_type_all_rows,
                message=(
                    "you counted every claim row: Kazakhstan 2022 is one case with several rows, so "
                    "keep preferred == True first"
                ),
            ),
            Mistake(
                answer=_response_by_type_unobserved,
                message=(
                    "your table lists every possible pair, with zeros: pass observed=True so that only "
                    "the combinations that occur are kept"
                ),
            ),
        ),
    ),
    Exercise(
        id="l08-days-to-freeze",
        kind="number",
        prompt="How many days passed between Armenia's September 2022 request and its freeze of CSTO participation?",
        hint="you need one date from each of two datasets.",
        method=(
            "Take the request_date of case am-2022-09-border from cases and the date of Armenia's "
            "'freeze' event from members; subtract the first from the second and read .days."
        ),
        code=(
            "start = cases.loc[cases['case_id'] == 'am-2022-09-border', 'request_date'].iloc[0]; "
            "end = members.loc[(members['country'] == 'Armenia') & (members['event_type'] == 'freeze'), "
            "'date'].min(); (end - start).days"
        ),
        expected=_days_to_freeze,
        mistakes=(
            Mistake(
                answer=_days_to_first_step,
                message=(
                    "you stopped at Armenia's first step away after the request (a boycott), not at the "
                    "freeze: filter event_type == 'freeze'"
                ),
            ),
            Mistake(
                answer=_days_from_2021_request,
                message="you started from Armenia's May 2021 request: the question asks about September 2022",
            ),
        ),
    ),
    Exercise(
        id="l08-csto-requests-before-kz",
        kind="number",
        prompt=(
            "Before Kazakhstan's request of January 2022, how many requests for help addressed to the "
            "CSTO itself are in the data?"
        ),
        hint="check to whom each request went, and when.",
        method=(
            "Keep the preferred rows with request_made true, then those with request_addressee == "
            "'CSTO' and a request_date earlier than Kazakhstan's; count them."
        ),
        code=(
            "kz_day = cases.loc[cases['case_id'] == 'kz-2022-01', 'request_date'].iloc[0]; "
            "asked = cases[cases['request_made'].fillna(False).astype(bool)]; "
            "int(((asked['request_addressee'] == 'CSTO') & (asked['request_date'] < kz_day)).sum())"
        ),
        expected=lambda: _requests_before("CSTO"),
        mistakes=(
            Mistake(
                answer=lambda: _requests_before(None),
                message=(
                    "you counted requests to every addressee: several went to Russia or to the CIS, "
                    "not to the CSTO"
                ),
            ),
            Mistake(
                answer=lambda: _requests_before("CSTO", inclusive=True),
                message="you counted Kazakhstan's own request: the question asks for the ones before it",
            ),
        ),
    ),
    Exercise(
        id="l08-requests-by-decade",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "Count the requests for help per decade and csto_response (columns decade, csto_response, "
            "requests; decade as a number such as 1990)."
        ),
        hint="three steps: the right rows, a decade for each row, then a count per pair.",
        method=(
            "Keep the preferred rows with request_made true; compute decade as the start year floor-"
            "divided by 10 and multiplied by 10; group by decade and csto_response (observed=True), "
            "count with size() and name the count 'requests'."
        ),
        code=(
            "asked = cases[cases['request_made'].fillna(False).astype(bool)]; "
            "asked.assign(decade=asked['start_date'].dt.year // 10 * 10)"
            ".groupby(['decade', 'csto_response'], observed=True).size().rename('requests').reset_index()"
        ),
        expected=_requests_by_decade,
        extra={"sort_by": ["decade", "csto_response"]},
        mistakes=(
            Mistake(
                answer=_requests_by_decade_all_rows,
                message=(
                    "you counted every claim row: the three Kazakh rows are one request, so keep "
                    "preferred == True first"
                ),
            ),
            Mistake(
                answer=_cases_by_decade,
                message="you counted all cases, not only those with a request: filter request_made first",
            ),
        ),
    ),
    Exercise(
        id="l08-days-first-activation",
        kind="number",
        prompt=(
            "How many days passed between Kyrgyzstan's request of August 1999 (case kg-1999-08-batken) "
            "and Kazakhstan's request of January 2022 (case kz-2022-01)?"
        ),
        hint="the question is about requests, not about when the crises began.",
        method=(
            "Take the request_date of each case from the preferred rows and subtract the earlier from "
            "the later; .days gives whole days."
        ),
        code=(
            "day = cases.set_index('case_id')['request_date']; "
            "(day['kz-2022-01'] - day['kg-1999-08-batken']).days"
        ),
        expected=_days_activation_to_deployment,
        mistakes=(
            Mistake(
                answer=_days_by_start_dates,
                message="you used start_date: the crises began before the requests were made",
            ),
            Mistake(
                answer=_years_not_days,
                message="you gave years: the question asks for days (drop the division by 365)",
            ),
        ),
    ),
    Exercise(
        id="l08-requests-chart",
        kind="chart",
        prompt=(
            "Draw the table of requests per decade as stacked bars: decade on x, requests on y, "
            "coloured by csto_response."
        ),
        hint="one mark per row of your table; time goes along the horizontal axis.",
        method=(
            "Pass the table from the previous exercise to alt.Chart, use mark_bar() and encode x with "
            "decade, y with requests and color with csto_response."
        ),
        code=(
            "alt.Chart(by_decade).mark_bar().encode(x='decade:O', y='requests:Q', "
            "color='csto_response:N')"
        ),
        expected=lambda: {
            "mark": "bar",
            "x": "decade",
            "y": "requests",
            "color": "csto_response",
        },
        mistakes=(
            Mistake(
                answer=lambda: {
                    "mark": "bar",
                    "x": "csto_response",
                    "y": "requests",
                    "color": "decade",
                },
                message="you swapped decade and response: put time on the x axis and colour by response",
            ),
            Mistake(
                answer=lambda: {
                    "mark": "line",
                    "x": "decade",
                    "y": "requests",
                    "color": "csto_response",
                },
                message=(
                    "a line suggests a trend between decades for each response; stacked bars show the "
                    "counts per decade"
                ),
            ),
        ),
    ),
)
