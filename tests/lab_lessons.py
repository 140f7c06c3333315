"""Run every lesson of an edition in a real JupyterLab as a student would, and record what they see.

Shared by tests/test_lab_student_edition.py and tests/test_lab_study_edition.py (two files so
that pytest-xdist runs the two editions side by side). One JupyterLab and one Chromium serve all
lessons of an edition; every request to a host other than 127.0.0.1 is blocked.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from lab_session import guarded_context, jupyter_lab

from cstolab.student_edition import glued_values, split_at_markers, write_edition

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
RAW = re.compile(r"\{(?:glue|cite|ref|doc|numref)[:}`]|```\{|:::\{|:class:|^\([a-z0-9_-]+\)=", re.M)
GLUE_TEXT = re.compile(r"\{glue:text\}`(?P<name>[a-z0-9_]+)(?::(?P<fmt>[^`]*))?`")
# Every cell attached to the page, so the test sees the whole notebook (JupyterLab's default
# windowing only renders the cells in view; students scroll, the test reads the DOM).
LAB_SETTINGS = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
RUN_SECONDS = 240


@dataclass
class LessonView:
    """What one lesson showed after Run All."""

    name: str
    markdown: str = ""
    charts_drawn: int = 0
    charts_expected: int = 0
    unfinished_cells: int = 0
    error_outputs: list[str] = field(default_factory=list)
    quiz: dict[str, str] = field(default_factory=dict)
    rubric_hidden: bool | None = None
    rubric_opens: bool | None = None
    glued_expected: list[str] = field(default_factory=list)


def expected_glued_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The glued values a lesson's prose shows, formatted as the book formats them."""
    from myst_nb.core.variables import format_plain_text

    values = glued_values(nb)
    lesson_md = "\n".join(
        c.source
        for role, c in split_at_markers(nb)
        if role == "lesson" and c.cell_type == "markdown"
    )
    return sorted(
        {
            format_plain_text(values[m["name"]], m["fmt"] or "")
            for m in GLUE_TEXT.finditer(lesson_md)
        }
    )


def lessons(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb"))


def write(kind: str, out: Path) -> Path:
    write_edition(out, NOTEBOOKS, solutions=kind == "study")
    return out


def _quiz_answers(folder: Path, lesson: str) -> dict[str, Any]:
    path = folder / "quizzes" / f"{Path(lesson).stem}.json"
    if not path.is_file():
        return {}
    questions = json.loads(path.read_text(encoding="utf-8"))
    numeric = next((q for q in questions if q["type"] == "numeric"), None)
    value = None
    if numeric:
        value = next(a["value"] for a in numeric["answers"] if a.get("correct") and "value" in a)
    return {"numeric": value}


def _run_all(page: Any) -> None:
    """Run → Run All Cells, as a student would (menu items found by their accessible role).

    Just after the kernel reports idle, JupyterLab may still ignore the command (the session is
    settling), so the test checks that execution started and tries again, up to three times.
    """
    started = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
                       .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""
    for _ in range(3):
        page.wait_for_timeout(2000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(started, timeout=15_000, polling=250)
            return
        except Exception:
            page.keyboard.press("Escape")
    raise AssertionError("Run All Cells did not start the lesson's cells")


STATE_JS = """() => {
  const failed = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')]
    .some(o => o.querySelector('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
               && /Traceback|Error:/.test(o.textContent));
  const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  const done = prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p));
  const busy = prompts.some(p => p.includes('*'));
  return {state: failed ? 'failed' : done ? 'done' : busy ? 'busy' : 'waiting', prompts};
}"""


def _wait_until_run(page: Any) -> tuple[str, list[str]]:
    """Poll until every code cell ran, one failed, or nothing has been running for 30 s."""
    deadline = time.monotonic() + RUN_SECONDS
    quiet_since = None
    while time.monotonic() < deadline:
        result = page.evaluate(STATE_JS)
        if result["state"] in ("done", "failed"):
            return result["state"], result["prompts"]
        if result["state"] == "busy":
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 30:
            return "stalled: nothing running for 30 s", result["prompts"]
        page.wait_for_timeout(500)
    return "timed out", page.evaluate(STATE_JS)["prompts"]


def view_lesson(page: Any, base: str, folder: Path, lesson: str) -> LessonView:
    """Open ``lesson``, Run All, wait until every cell ran, read it and answer its quiz."""
    source = nbformat.read(NOTEBOOKS / lesson, 4)
    view = LessonView(lesson, glued_expected=expected_glued_texts(source))
    view.charts_expected = sum(c.source.count("{glue:figure}") for c in source.cells)
    # ?reset: a fresh workspace, so the previous lesson is not reopened beside this one
    page.goto(base + f"lab/tree/{lesson}?reset", wait_until="load")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        state="attached", timeout=60_000
    )
    _run_all(page)
    state, prompts = _wait_until_run(page)
    if state.startswith("stalled"):
        # a busy machine can drop the kernel's first reply; a student would press Run All again
        _run_all(page)
        state, prompts = _wait_until_run(page)
    if state == "failed":
        errors = page.locator(
            ".jp-OutputArea-output .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"
        )
        raise AssertionError(
            f"{lesson}: a cell failed in Run All:\n{errors.last.inner_text()[-1500:]}"
        )
    if state != "done":
        page.screenshot(path=f"/tmp/{lesson}-stalled.png", full_page=True)
        raise AssertionError(f"{lesson}: Run All stalled ({state}); prompts: {prompts}")
    if view.charts_expected:
        page.wait_for_function(
            f"() => document.querySelectorAll('.jp-OutputArea-output svg.marks, "
            f".jp-OutputArea-output canvas.marks').length >= {view.charts_expected}",
            timeout=60_000,
        )
    view.charts_drawn = page.locator(
        ".jp-OutputArea-output svg.marks, .jp-OutputArea-output canvas.marks"
    ).count()
    view.unfinished_cells = page.locator(".jp-CodeCell .jp-InputArea-prompt", has_text="*").count()
    view.error_outputs = page.locator(
        ".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']"
    ).all_inner_texts()
    view.error_outputs = [t for t in view.error_outputs if "Traceback" in t or "Error" in t]
    view.markdown = "\n".join(
        page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").all_inner_texts()
    )
    _answer_quiz(page, view, _quiz_answers(folder, lesson))
    _open_rubric(page, view)
    return view


def _answer_quiz(page: Any, view: LessonView, answers: dict[str, Any]) -> None:
    quiz = page.locator(".Quiz").first
    if not quiz.count():
        return
    quiz.scroll_into_view_if_needed()
    choice = page.locator(".Quiz .MCButton").first
    choice.click()
    feedback = choice.locator(
        "xpath=ancestor::div[contains(@class,'Quiz')]//div[contains(@class,'Feedback')]"
    ).first
    view.quiz["choice"] = feedback.inner_text(timeout=5_000).strip()
    if answers.get("numeric") is not None:
        box = page.locator(".Quiz .Input-text").first
        box.fill(str(answers["numeric"]))
        box.press("Enter")
        numeric = box.locator(
            "xpath=ancestor::div[contains(@class,'Quiz')]//div[contains(@class,'Feedback')]"
        ).first
        page.wait_for_function(
            "el => el.textContent.trim().length > 0", arg=numeric.element_handle(), timeout=5_000
        )
        view.quiz["numeric"] = numeric.inner_text().strip()
        view.quiz["numeric_colour"] = box.evaluate("el => getComputedStyle(el).color")
        view.quiz["numeric_background"] = box.evaluate("el => getComputedStyle(el).backgroundColor")


def _open_rubric(page: Any, view: LessonView) -> None:
    rubric = page.locator(".jp-OutputArea-output details", has_text="Rubric for").first
    if not rubric.count():
        return
    body = rubric.locator("li").first
    view.rubric_hidden = not body.is_visible()
    rubric.locator("summary").click()
    view.rubric_opens = body.is_visible()


def _shut_down_kernels(base: str) -> None:
    """End the lesson's kernel, as a student closing the notebook would (keeps memory flat)."""
    import urllib.request

    with urllib.request.urlopen(base + "api/sessions", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(base + f"api/sessions/{session['id']}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


def run_edition(kind: str, tmp: Path) -> tuple[dict[str, LessonView], list[str], list[str]]:
    """Write the edition, run every lesson in one browser; the views, outside requests, errors."""
    from playwright.sync_api import sync_playwright

    folder = write(kind, tmp / kind)
    blocked: list[str] = []
    errors: list[str] = []
    views: dict[str, LessonView] = {}
    with jupyter_lab(folder, tmp / "home", LAB_SETTINGS) as base, sync_playwright() as pw:
        with guarded_context(pw, blocked) as context:
            for lesson in lessons(folder):
                page = context.new_page()  # one tab per lesson, closed before its kernel goes
                page.on("pageerror", lambda exc, n=lesson: errors.append(f"{n}: page error: {exc}"))
                page.on(
                    "console",
                    lambda msg, n=lesson: (
                        errors.append(f"{n}: console: {msg.text}") if msg.type == "error" else None
                    ),
                )
                views[lesson] = view_lesson(page, base, folder, lesson)
                page.screenshot(path=str(tmp / f"{kind}-{lesson}.png"))
                page.close(run_before_unload=False)
                _shut_down_kernels(base)
    return views, blocked, errors


CHROMIUM_OK = __import__("lab_session").CHROMIUM.exists()


def assert_lessons_read_right(
    views: dict[str, LessonView], blocked: list[str], errors: list[str]
) -> None:
    """The assertions of issue 11, for every lesson of one edition."""
    problems: list[str] = []
    for name, view in views.items():
        raw = RAW.search(view.markdown)
        if raw:
            start = max(raw.start() - 40, 0)
            problems.append(f"{name}: raw markup {view.markdown[start : raw.end() + 40]!r}")
        missing = [t for t in view.glued_expected if t not in view.markdown]
        if missing:
            problems.append(f"{name}: glued values not shown: {missing[:5]}")
        if view.charts_drawn < view.charts_expected:
            problems.append(f"{name}: {view.charts_drawn} of {view.charts_expected} charts drawn")
        if view.unfinished_cells or view.error_outputs:
            problems.append(f"{name}: cells unfinished or failed: {view.error_outputs[:2]}")
        if view.quiz and not view.quiz.get("choice"):
            problems.append(f"{name}: a multiple-choice answer got no feedback")
        if "numeric" in view.quiz and not view.quiz["numeric"]:
            problems.append(f"{name}: a numeric answer got no feedback")
        if (
            "numeric" in view.quiz
            and view.quiz["numeric_colour"] == view.quiz["numeric_background"]
        ):
            problems.append(f"{name}: the numeric answer box has text in its background colour")
        if view.rubric_hidden is False or view.rubric_opens is False:
            problems.append(f"{name}: rubric shown before it is opened, or does not open")
    quizzes = [v for v in views.values() if v.quiz]
    assert len(quizzes) >= len(views) - 1, "every lesson but the capstone has a quiz"
    assert all("numeric" in v.quiz for v in quizzes), [
        v.name for v in quizzes if "numeric" not in v.quiz
    ]
    assert not problems, "\n".join(problems)
    assert not blocked, f"requests left the machine: {sorted(set(blocked))[:10]}"
    assert not errors, "\n".join(errors[:20])


def edition_fixture(kind: str):
    """A module-scoped fixture running every lesson of edition ``kind`` ("student" or "study")."""
    import os

    import pytest

    @pytest.fixture(scope="module")
    def seen(tmp_path_factory):
        if not CHROMIUM_OK:
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail("Chromium is not installed (CI=true: this test must run)")
            pytest.skip("Chromium is not installed")
        return run_edition(kind, tmp_path_factory.mktemp(f"lab-{kind}"))

    return seen
