"""Lesson 1's figure: the right marks and encodings, and a description that quotes the data."""

from __future__ import annotations

import pandas as pd
import pytest

import cstolab
from cstolab.figures import l01
from cstolab.membership import membership_periods
from cstolab.prose import listed


@pytest.fixture(scope="module")
def periods() -> pd.DataFrame:
    return membership_periods()


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    members = cstolab.load("members")
    out = members[members["preferred"] & members["country"].notna()].copy()
    out["country"] = out["country"].astype(str)
    out["event"] = out["event_type"].astype(str).str.replace("_", " ")
    return out


def _mark(layer: dict) -> str:
    mark = layer["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def test_timeline_has_bars_per_period_and_diamonds_per_event(periods, events):
    spec = l01.timeline(periods, events).to_dict()
    assert spec["title"] == "Membership of the Collective Security Treaty and the CSTO"
    bars, points = spec["layer"]
    assert _mark(bars) == "bar" and _mark(points) == "point"
    assert bars["encoding"]["x"]["field"] == "start" and bars["encoding"]["x2"]["field"] == "end"
    assert bars["encoding"]["y"]["field"] == "country"
    assert bars["encoding"]["color"]["field"] == "status"
    assert points["encoding"]["x"]["field"] == "date"
    assert points["mark"]["shape"] == "diamond"
    # rows in order of first membership: the six founders first, Belarus (31 Dec 1993) last
    order = bars["encoding"]["y"]["sort"]
    assert order == l01.order_of(periods)
    assert set(order) == set(periods["country"])
    first = periods.groupby("country")["start"].min()
    assert order[-1] == first.idxmax()
    assert order[: (first == first.min()).sum()] == sorted(first[first == first.min()].index)


def test_description_quotes_the_data(periods, events):
    text = l01.timeline(periods, events).to_dict()["description"]
    first_year = periods["start"].min().year
    founders = periods.loc[periods["start"].dt.year == first_year, "country"].nunique()
    assert f"Bars for {founders} states begin in {first_year}" in text
    lapsed = periods[periods["end_event"] == "non_renewal"]
    assert f"{listed(sorted(lapsed['country']))} end in {lapsed['end'].max():%Y}" in text
    back = periods[periods["start_event"] == "return"].iloc[0]
    assert f"{back['country']} returns from {back['start']:%Y} to {back['end']:%Y}" in text
    frozen = periods[periods["status"] == "participation frozen"].iloc[0]
    assert (
        f"{frozen['country']}'s bar changes to frozen participation in {frozen['start']:%Y}" in text
    )
    full = periods[periods["ongoing"] & (periods["status"] == "member")]
    assert f"{len(full)} states are full members at the data date" in text


def test_description_follows_the_data(periods, events):
    # a made-up state that lapses in 2001 and a made-up second return: the text must follow
    extra = pd.DataFrame(
        [
            {
                "country": "Testland",
                "status": "member",
                "start": pd.Timestamp("1995-01-01"),
                "end": pd.Timestamp("2001-06-30"),
                "ongoing": False,
                "start_event": "signature",
                "end_event": "non_renewal",
            },
        ]
    )
    changed = pd.concat([periods, extra], ignore_index=True)
    text = l01.timeline_description(changed)
    assert "Testland end in 2001" in text
    assert l01.order_of(changed).index("Testland") == len(l01.order_of(changed)) - 1
    spec = l01.timeline(changed, events).to_dict()
    assert "Testland" in spec["layer"][0]["encoding"]["y"]["sort"]


def test_ongoing_return_is_described_as_running_to_the_data_date(periods):
    changed = periods.copy()
    row = changed.index[changed["start_event"] == "return"][0]
    changed.loc[row, ["ongoing", "end_event"]] = [True, pd.NA]
    text = l01.timeline_description(changed)
    assert f"{changed.loc[row, 'country']} returns from" in text
    assert "to the data date;" in text or "to the data date." in text
