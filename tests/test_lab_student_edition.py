"""The student edition, every lesson, in a real JupyterLab in Chromium with the network blocked.

Run All must leave no raw markup in any Markdown cell, show the glued numbers, draw every chart,
give feedback to one multiple-choice and one numeric quiz answer, keep the rubric folded until the
student opens it, and produce no outside request and no console or page error (issue 11). The
study edition has its own file so that pytest-xdist runs the two side by side.
"""

from __future__ import annotations

import pytest
from lab_lessons import assert_lessons_read_right, edition_fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]
seen = edition_fixture("student")


def test_every_lesson_reads_right_in_jupyterlab(seen):
    assert_lessons_read_right(*seen)
