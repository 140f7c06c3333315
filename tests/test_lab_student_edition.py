"""The student edition, every lesson, in a real JupyterLab in Chromium with the network blocked.

Run All must leave no raw markup in any Markdown cell, show the glued numbers, draw every chart,
give feedback to one multiple-choice and one numeric quiz answer, keep the rubric folded until the
student opens it, and produce no outside request and no console or page error (issue 11).
"""

from __future__ import annotations

import os

import pytest
from lab_lessons import CHROMIUM_OK, assert_lessons_read_right, run_edition

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    if not CHROMIUM_OK:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed (CI=true: this test must run)")
        pytest.skip("Chromium is not installed")
    return run_edition("student", tmp_path_factory.mktemp("lab-student"))


def test_every_lesson_reads_right_in_jupyterlab(seen):
    assert_lessons_read_right(*seen)
