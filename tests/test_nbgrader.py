"""`cstolab nbgrader`: the course as an nbgrader course, graded end to end by nbgrader itself.

One course is written for every lesson and released with ``nbgrader generate_assignment``; one
lesson then goes through a whole grading round (submissions → ``autograde`` → ``export``) with
four students: one who submits the instructor's solutions, one who submits the release
unchanged, one whose answers loop forever and raise in two cells, one whose file is not JSON.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from cstolab.cli import main
from cstolab.exercises import get
from cstolab.nbgrader_cells import BEGIN_SOLUTION, END_SOLUTION
from cstolab.nbgrader_course import graded_lessons
from cstolab.student_edition import course_context, make_edition

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ROUND = "01_what_is_the_csto"  # the lesson graded end to end
LOOPS, RAISES = "l01-non-renewal", "l01-disputed-dates"
TIMEOUT = 30  # seconds a cell may run while grading (the looping cell is stopped after it)


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    """Run nbgrader's own command line in the course folder, with this environment's tools."""
    env = dict(os.environ)
    # nbgrader runs `alembic` for its database: it must be on PATH, as in an activated venv
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_CONFIG_DIR"] = str(course.parent / "jupyter-config")  # no user config
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def cells_by_id(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """All lessons written by `cstolab nbgrader` and released with `nbgrader generate_assignment`."""
    course = tmp_path_factory.mktemp("nbgrader") / "course"
    assert main(["nbgrader", str(course), "--source", str(NOTEBOOKS)]) == 0
    with (course / "nbgrader_config.py").open("a") as config:
        config.write(f"\nc.Execute.timeout = {TIMEOUT}\n")
    done = nbgrader(course, "generate_assignment", "*")
    assert done.returncode == 0, done.stdout + done.stderr
    return course


@pytest.fixture(scope="module")
def context():
    """Labels and citations of the course, as the student edition resolves them."""
    return course_context(NOTEBOOKS)


def test_every_lesson_with_exercises_is_an_assignment(course):
    lessons = graded_lessons(NOTEBOOKS)
    assert "12_capstone" in lessons and "12_capstone_model_answer" not in lessons
    assert sorted(p.name for p in (course / "source").iterdir()) == lessons
    assert sorted(p.name for p in (course / "release").iterdir()) == lessons


@pytest.mark.parametrize("lesson", graded_lessons(NOTEBOOKS))
def test_release_has_the_teaching_text_and_no_answers(course, context, lesson):
    source = nbformat.read(course / "source" / lesson / f"{lesson}.ipynb", as_version=4)
    release_path = course / "release" / lesson / f"{lesson}.ipynb"
    release = nbformat.read(release_path, as_version=4)
    released = cells_by_id(release)

    # every Markdown cell of the student edition, in order: no teaching text is lost
    lesson_nb = nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)
    edition, _ = make_edition(lesson_nb, context, solutions=False)
    wanted = [c.source for c in edition.cells if c.cell_type == "markdown"]
    have = iter(c.source for c in release.cells if c.cell_type == "markdown")
    missing = [text[:80] for text in wanted if not any(text == h for h in have)]
    assert not missing, f"teaching text missing or out of order: {missing}"

    text = release_path.read_text()
    assert BEGIN_SOLUTION not in text and "HIDDEN TESTS" not in text and "MARK SCHEME" not in text
    for grade_id, cell in cells_by_id(source).items():
        meta = cell.metadata["nbgrader"]
        if meta["solution"] and cell.cell_type == "code":
            inside = cell.source.split(BEGIN_SOLUTION)[1].split(END_SOLUTION)[0]
            solution = {line for line in inside.splitlines() if line.strip()}
            assert solution, grade_id
            assert not solution & set(released[grade_id].source.splitlines()), grade_id
        if meta["grade"] and cell.cell_type == "code":  # a test: hidden, and the check is ours
            exercise_id = grade_id.removesuffix("-test")
            assert f"_check({exercise_id!r}, " in cell.source
            assert meta["points"] == get(exercise_id).points
            assert "_check" not in released[grade_id].source

    # one hidden test per checked exercise of the lesson
    code = "\n".join(c.source for c in lesson_nb.cells if c.cell_type == "code")
    checked = set(re.findall(r'check\("([^"]+)"', code))
    solved = {g.removesuffix("-answer") for g in released if g.endswith("-answer")}
    assert {g.removesuffix("-test") for g in released if g.endswith("-test")} == solved <= checked

    # the model answers of the free-text questions are the grader's only
    rubric = NOTEBOOKS / "rubrics" / f"{lesson}.yml"
    for entry in yaml.safe_load(rubric.read_text()) if rubric.is_file() else []:
        outline = " ".join(entry.get("model_answer_outline", "").split())[:60]
        task = cells_by_id(source)[f"{entry['id']}-task"]
        assert outline in " ".join(task.source.split()) and task.metadata["nbgrader"]["task"]
        for path in (course / "release" / lesson).rglob("*.*"):
            assert not outline or outline not in " ".join(path.read_text().split()), path


def _submission(course: Path, student: str, nb: nbformat.NotebookNode | str) -> None:
    folder = course / "submitted" / student / ROUND
    folder.mkdir(parents=True)
    target = folder / f"{ROUND}.ipynb"
    if isinstance(nb, str):
        target.write_text(nb)
    else:
        nbformat.write(nb, target)


def _solved(course: Path) -> nbformat.NotebookNode:
    """The release with each answer cell filled in from the instructor's version."""
    source = cells_by_id(nbformat.read(course / "source" / ROUND / f"{ROUND}.ipynb", 4))
    release = nbformat.read(course / "release" / ROUND / f"{ROUND}.ipynb", as_version=4)
    for cell in release.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-answer"):
            cell.source = "\n".join(
                line
                for line in source[grade_id].source.splitlines()
                if line not in (BEGIN_SOLUTION, END_SOLUTION)
            )
    for cell in release.cells:  # and a free-text answer, for the grader to read
        if cell.source.startswith("*Your answer:*"):
            cell.source = "Uzbekistan left in 1999 and 2012; the data say when, not why."
    return release


def test_a_grading_round(course):
    """autograde → export, with a full, an empty, a broken and an unreadable submission."""
    lesson = nbformat.read(course / "source" / ROUND / f"{ROUND}.ipynb", as_version=4)
    points = {
        g.removesuffix("-test"): c.metadata["nbgrader"]["points"]
        for g, c in cells_by_id(lesson).items()
        if g.endswith("-test")
    }
    full = sum(points.values())
    manual = sum(
        c.metadata["nbgrader"]["points"]
        for g, c in cells_by_id(lesson).items()
        if g.endswith("-task")
    )

    _submission(course, "ada", _solved(course))
    _submission(course, "bob", nbformat.read(course / "release" / ROUND / f"{ROUND}.ipynb", 4))
    broken = _solved(course)
    cells = cells_by_id(broken)
    cells[f"{LOOPS}-answer"].source = "import time\n\nwhile True:\n    time.sleep(0.1)"
    cells[f"{RAISES}-answer"].source = 'raise RuntimeError("a bug in my answer")'
    _submission(course, "cy", broken)
    _submission(course, "dee", '{"cells": [ this is not JSON')

    graded = nbgrader(course, "autograde", ROUND)
    log = graded.stdout + graded.stderr
    failed = re.findall(r"error processing assignment '[^']+' for student '([^']+)'", log)
    why = "\n".join(line for line in log.splitlines() if "Error" in line or "ERROR" in line)
    assert failed == ["dee"], why[-4000:]  # reported for that student, the others graded
    assert "Notebook does not appear to be JSON" in log
    assert graded.returncode == 1  # and its exit status says so
    for student in ("ada", "bob", "cy"):
        assert (course / "autograded" / student / ROUND / f"{ROUND}.ipynb").is_file(), log[-3000:]
    assert not (course / "autograded" / "dee" / ROUND / f"{ROUND}.ipynb").exists()

    # the grader sees the rubric: the task's mark scheme is back in the graded notebook
    ada = nbformat.read(course / "autograded" / "ada" / ROUND / f"{ROUND}.ipynb", 4)
    task = next(c for g, c in cells_by_id(ada).items() if g.endswith("-task"))
    assert "Rubric for the grader" in task.source and "Outline of a model answer" in task.source

    # the broken submission: the loop was stopped, the error recorded, every other cell graded
    cy = cells_by_id(nbformat.read(course / "autograded" / "cy" / ROUND / f"{ROUND}.ipynb", 4))
    errors = {
        g: {o.ename for o in c.outputs if o.output_type == "error"}
        for g, c in cy.items()
        if c.cell_type == "code"
    }
    assert "CellTimeoutError" in errors[f"{LOOPS}-answer"], errors
    assert errors[f"{RAISES}-answer"] == {"RuntimeError"}
    assert {g for g, e in errors.items() if e and g.endswith("-test")} == {
        f"{LOOPS}-test",
        f"{RAISES}-test",
    }

    exported = nbgrader(course, "export")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    with (course / "grades.csv").open(newline="") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh) if r["assignment"] == ROUND}
    assert float(rows["ada"]["score"]) == full
    assert float(rows["bob"]["score"]) == 0
    assert float(rows["cy"]["score"]) == full - points[LOOPS] - points[RAISES]
    for student in ("ada", "bob", "cy"):
        assert float(rows[student]["max_score"]) == full + manual
    assert "dee" not in rows or float(rows["dee"]["score"]) == 0


def test_refuses_an_existing_course_without_force(course, capsys):
    before = (course / "nbgrader_config.py").read_text()
    assert main(["nbgrader", str(course), "--source", str(NOTEBOOKS)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--force" in err and "already exists" in err
    assert (course / "nbgrader_config.py").read_text() == before


def test_force_replaces_only_the_sources_asked_for(tmp_path, capsys):
    course = tmp_path / "course"
    (course / "gradebook.db").parent.mkdir()
    (course / "gradebook.db").write_text("the instructor's marks")
    (course / "source" / "01_what_is_the_csto").mkdir(parents=True)
    (course / "source" / "01_what_is_the_csto" / "old.txt").write_text("stale")
    assert (
        main(["nbgrader", str(course), "--source", str(NOTEBOOKS), "--lesson", "1", "--force"]) == 0
    )
    assert "1 lessons" in capsys.readouterr().out
    assert (course / "gradebook.db").read_text() == "the instructor's marks"
    assert sorted(p.name for p in (course / "source").iterdir()) == ["01_what_is_the_csto"]
    assert not (course / "source" / "01_what_is_the_csto" / "old.txt").exists()


def test_unknown_lesson_lists_the_lessons(tmp_path, capsys):
    assert (
        main(
            ["nbgrader", str(tmp_path / "c"), "--source", str(NOTEBOOKS), "--lesson", "99_nothing"]
        )
        == 1
    )
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "'99_nothing'" in err
    assert all(name in err for name in graded_lessons(NOTEBOOKS))
    assert not (tmp_path / "c").exists()
