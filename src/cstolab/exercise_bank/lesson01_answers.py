"""Lesson 1: what is the CSTO? Answers are computed from the members and institutions datasets.

The declared mistakes are computed from the same data: counting signatures (rows) instead of
states, keeping the alternative claim of a disputed date, forgetting that membership periods end,
confusing the treaty (1992) with the organisation (2002), counting frozen participation as
membership, closing ongoing periods on today's date instead of the data date
(:func:`cstolab.data.as_of`), and grouping competing dates by state instead of by event.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson01`.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import as_of, load

# --- helpers -------------------------------------------------------------------------------


def _periods() -> pd.DataFrame:
    from cstolab.membership import membership_periods

    return membership_periods()


def _members_of(day: pd.Timestamp | str, periods: pd.DataFrame | None = None) -> list[str]:
    """States with a full-membership period that has begun by ``day`` and not yet ended."""
    p = _periods() if periods is None else periods
    day = pd.Timestamp(day)
    keep = (p["status"] == "member") & (p["start"] <= day) & (p["end"] > day)
    return sorted(p.loc[keep, "country"].astype(str).unique())


def started_by(day: pd.Timestamp | str) -> list[str]:
    """States with any period begun by ``day``, ended or not (the slip: forgetting the end)."""
    p = _periods()
    return sorted(p.loc[p["start"] <= pd.Timestamp(day), "country"].astype(str).unique())


def _event_rows(kind: str) -> pd.DataFrame:
    m = load("members")
    return m[m["event_type"] == kind]


def charter_signed() -> pd.Timestamp:
    i = load("institutions")
    charter = i[(i["milestone_type"] == "charter") & i["name"].str.contains("signed")]
    return charter["date"].min()


# --- dates and names -----------------------------------------------------------------------


def treaty_signed() -> pd.Timestamp:
    return _event_rows("signature")["date"].min()


def last_signature() -> pd.Timestamp:
    return _event_rows("signature")["date"].max()


def non_renewals() -> list[str]:
    return _event_rows("non_renewal")["country"].astype(str).tolist()


def periods_ended() -> list[str]:
    p = _periods()
    return sorted(p.loc[~p["ongoing"].astype(bool), "country"].astype(str).unique())


def prolongers() -> list[str]:
    return _event_rows("prolongation")["country"].astype(str).tolist()


# --- counts --------------------------------------------------------------------------------


def states_signed() -> int:
    s = _event_rows("signature")
    return int(s.loc[s["preferred"].fillna(False).astype(bool), "country"].nunique())


def signature_rows() -> int:
    return len(_event_rows("signature"))


def first_day_signatories() -> int:
    s = _event_rows("signature")
    return int((s["date"] == s["date"].min()).sum())


def parties_on(date: str) -> int:
    return len(_members_of(date))


def rows_up_to(date: str) -> int:
    m = load("members")
    return int((m["date"] <= pd.Timestamp(date)).sum())


# --- joins and date differences ------------------------------------------------------------


def charter_members() -> list[str]:
    return _members_of(charter_signed())


def charter_ever_signed() -> list[str]:
    return started_by(charter_signed())


def members_at_data_date() -> list[str]:
    return _members_of(as_of() - pd.Timedelta(days=1))


def _competing_dates(by: tuple[str, ...] = ("country", "event_type"), keep_sole=False, extra=0):
    m = load("members").astype({"country": "string", "event_type": "string"})
    rows = m if keep_sole else m[m["claim_status"] != "sole"]
    rows = rows.dropna(subset=["country"])
    span = rows.groupby(list(by))["date"].agg(["min", "max"]).reset_index()
    span["days_apart"] = (span["max"] - span["min"]).dt.days + extra
    return span[[*by, "days_apart"]]


def disputed_dates() -> pd.DataFrame:
    return _competing_dates()


def disputed_by_country() -> pd.DataFrame:
    return _competing_dates(by=("country",))


def disputed_with_sole() -> pd.DataFrame:
    return _competing_dates(keep_sole=True)


def disputed_inclusive() -> pd.DataFrame:
    return _competing_dates(extra=1)


def _membership_days(statuses=("member",), end_of_data: pd.Timestamp | None = None, spans=False):
    p = _periods()
    p = p[p["status"].isin(statuses)].copy()
    if end_of_data is not None:
        p.loc[p["ongoing"].astype(bool), "end"] = end_of_data
    if spans:  # first start to last end: the years away count as membership
        g = p.groupby("country")
        out = (g["end"].max() - g["start"].min()).dt.days.rename("days").reset_index()
    else:
        p["days"] = (p["end"] - p["start"]).dt.days
        out = p.groupby("country", as_index=False)["days"].sum()
    return out[["country", "days"]]


def days_as_member() -> pd.DataFrame:
    return _membership_days()


def days_with_frozen() -> pd.DataFrame:
    return _membership_days(statuses=("member", "participation frozen"))


def days_until_today() -> pd.DataFrame:
    today = max(pd.Timestamp.today().normalize(), as_of() + pd.Timedelta(days=1))
    return _membership_days(end_of_data=today)


def days_first_to_last() -> pd.DataFrame:
    return _membership_days(spans=True)


# --- the chart -----------------------------------------------------------------------------


def events_chart() -> dict[str, str]:
    return {"mark": "bar", "x": "events", "y": "event_type"}


def events_swapped() -> dict[str, str]:
    return {"mark": "bar", "x": "event_type", "y": "events"}


def events_points() -> dict[str, str]:
    return {**events_chart(), "mark": "point"}
