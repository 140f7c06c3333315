"""Turn the ``members`` event list into membership periods per state, for timelines.

    >>> from cstolab.membership import membership_periods
    >>> periods = membership_periods()
    >>> sorted(periods["status"].unique())
    ['member', 'participation frozen']

Only rows marked ``preferred`` are used, so an alternative date for the same event (kept in the
data for the lesson on weighing sources) does not create a second period.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import as_of, load

START_EVENTS = ("signature", "accession", "return")
END_EVENTS = ("non_renewal", "withdrawal", "suspension")
FREEZE_EVENTS = ("freeze",)
COLUMNS = ["country", "status", "start", "end", "ongoing", "start_event", "end_event"]


def membership_periods(
    members: pd.DataFrame | None = None, until: pd.Timestamp | str | None = None
) -> pd.DataFrame:
    """One row per state and period of membership (``member``) or ``participation frozen``.

    ``until`` closes periods still open (default: the date the data are current to). Raises
    ValueError if ``members`` lacks the columns of the ``members`` dataset.
    """
    events = load("members") if members is None else members
    needed = {"country", "event_type", "date", "preferred"}
    missing = needed - set(events.columns)
    if missing:
        raise ValueError(
            f"members table lacks columns {sorted(missing)}; pass cstolab.load('members')"
        )
    end_of_data = as_of() if until is None else pd.Timestamp(until)
    rows: list[dict] = []
    usable = events[events["preferred"].fillna(False).astype(bool) & events["country"].notna()]
    for country, group in usable.sort_values("date").groupby("country", observed=True, sort=False):
        open_row: dict | None = None
        for event in group.itertuples(index=False):
            kind = str(event.event_type)
            if kind in START_EVENTS and open_row is None:
                open_row = {
                    "country": country,
                    "status": "member",
                    "start": event.date,
                    "start_event": kind,
                }
            elif kind in FREEZE_EVENTS and open_row is not None:
                rows.append({**open_row, "end": event.date, "end_event": kind})
                open_row = {
                    "country": country,
                    "status": "participation frozen",
                    "start": event.date,
                    "start_event": kind,
                }
            elif kind in END_EVENTS and open_row is not None:
                rows.append({**open_row, "end": event.date, "end_event": kind})
                open_row = None
        if open_row is not None:
            rows.append({**open_row, "end": end_of_data, "end_event": None})
    periods = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "ongoing"])
    periods["ongoing"] = periods["end_event"].isna()
    periods["end_event"] = periods["end_event"].astype("string")
    periods["country"] = periods["country"].astype(str)
    return periods[COLUMNS].sort_values(["start", "country"], ignore_index=True)
