"""cstolab.prose: the list joiner used by chart descriptions and glued prose."""

from __future__ import annotations

import pytest

from cstolab.prose import listed


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Russia"], "Russia"),
        (["Armenia", "Kyrgyzstan"], "Armenia and Kyrgyzstan"),
        (["Russia", "Belarus", "Armenia"], "Russia, Belarus and Armenia"),
        ((year for year in (1992, 1999, 2002)), "1992, 1999 and 2002"),
    ],
)
def test_listed_joins_as_prose(items, expected):
    assert listed(items) == expected
