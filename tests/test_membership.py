"""membership_periods turns events into periods, preferring the preferred claims."""

from __future__ import annotations

import pandas as pd
import pytest

from cstolab.membership import membership_periods


def events(rows):
    return pd.DataFrame(rows, columns=["country", "event_type", "date", "preferred"]).assign(
        date=lambda d: pd.to_datetime(d["date"])
    )


def test_periods_open_close_freeze_and_return():
    ev = events(
        [
            ("A", "signature", "1992-05-15", True),
            ("A", "freeze", "2024-02-22", True),
            ("B", "signature", "1993-01-01", True),
            ("B", "signature", "1993-06-01", False),  # alternative claim: ignored
            ("B", "non_renewal", "1999-04-20", True),
            ("B", "return", "2006-06-23", True),
            ("B", "suspension", "2012-12-19", True),
            (None, "entry_into_force", "1994-04-20", True),
        ]
    )
    p = membership_periods(ev, until="2026-01-01")
    a = p[p["country"] == "A"]
    assert a["status"].tolist() == ["member", "participation frozen"]
    assert a["end"].tolist() == [pd.Timestamp("2024-02-22"), pd.Timestamp("2026-01-01")]
    b = p[p["country"] == "B"]
    assert b["start"].tolist() == [pd.Timestamp("1993-01-01"), pd.Timestamp("2006-06-23")]
    assert not b["ongoing"].any() and a["ongoing"].tolist() == [False, True]


def test_real_data_has_six_parties_in_2000():
    p = membership_periods()
    day = pd.Timestamp("2000-01-01")
    active = p[(p["status"] == "member") & (p["start"] <= day) & (p["end"] > day)]
    assert sorted(active["country"]) == [
        "Armenia",
        "Belarus",
        "Kazakhstan",
        "Kyrgyzstan",
        "Russia",
        "Tajikistan",
    ]


def test_wrong_table_is_explained():
    with pytest.raises(ValueError, match="lacks columns"):
        membership_periods(pd.DataFrame({"x": [1]}))
