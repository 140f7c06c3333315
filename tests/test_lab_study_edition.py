"""The study edition (what `make lab` opens: solutions folded), every lesson, in a real JupyterLab.

The same checks as tests/test_lab_student_edition.py (see there).
"""

from __future__ import annotations

import pytest
from lab_lessons import assert_lessons_read_right, edition_fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]
seen = edition_fixture("study")


def test_every_lesson_reads_right_in_jupyterlab(seen):
    assert_lessons_read_right(*seen)
