"""The course as an nbgrader course: every lesson with exercises becomes a graded assignment.

    $ cstolab nbgrader course/                       # all lessons; refuses an existing course
    $ cstolab nbgrader course/ --lesson 01 --force   # one lesson, replacing its source

writes ``course/nbgrader_config.py`` and ``course/source/<lesson>/<lesson>.ipynb`` (with the
lesson's rubric and quiz files and the bibliography page beside it). In each lesson:

* every checked exercise (a cell ending in ``check("id", answer)`` followed by the lesson's
  ``{solution-start}`` … ``{solution-end}`` region) becomes one nbgrader answer cell, the
  solution between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, and is followed by an
  autograded test that runs the same ``check`` inside ``### BEGIN HIDDEN TESTS``; it is worth
  the exercise's ``points`` in the exercise bank;
* every free-text question (``ask("id")``) gets a manually graded task whose mark scheme is the
  rubric with its model-answer outline (seen by the grader, not by the students; the rubric
  file beside the lesson keeps only the criteria, which students compare their answer with);
* the teaching text is the student edition's (:mod:`cstolab.student_edition`): every Markdown
  cell, as plain Markdown for JupyterLab.

    >>> from cstolab.nbgrader_course import graded_lessons
    >>> "01_what_is_the_csto" in graded_lessons()
    True
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml
from nbformat.corpus.words import generate_corpus_id

from cstolab import exercises
from cstolab.citations import LOCAL_PAGE
from cstolab.freetext import load_questions
from cstolab.lab_markdown import LabContext, LabMarkdownError, to_lab_markdown
from cstolab.nbgrader_cells import (
    answer_cell,
    find_check,
    hidden_test_cell,
    region_cell,
    solution_code,
    task_cell,
)
from cstolab.student_edition import (
    DROP_TAGS,
    OUTPUTS_HIDDEN,
    SOURCE_HIDDEN,
    EditionError,
    _hide,
    course_context,
    default_source,
    glued_values,
    split_at_markers,
)

CONFIG = "nbgrader_config.py"
CONFIG_TEXT = '''\
"""nbgrader configuration of the cstolab course (written by `cstolab nbgrader`).

See the course's instructor page "Grading with nbgrader" for the whole round.
"""

c = get_config()  # noqa: F821 (nbgrader defines it)

# The course's name on the hub; nbgrader's exchange and the formgrader use it.
c.CourseDirectory.course_id = "cstolab"

# In the students' copy a solution becomes a comment: the exercise cell still runs and its
# check() says "not answered yet" instead of raising NotImplementedError.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Seconds a cell may run when grading; a cell that runs longer (an endless loop) is stopped,
# marked as failed, and the rest of the notebook is still graded.
c.Execute.timeout = 120
# A busy hub (a class working or being graded at once) answers slowly: wait for a kernel to start
# and for a cell's last output instead of failing the whole submission.
c.Execute.startup_timeout = 300
c.Execute.iopub_timeout = 60
'''
INTRO = (
    "**Graded version of this lesson.** Work through it as usual: replace `...` in each exercise "
    "cell and run it; `check` tells you at once whether the answer is right. When you submit, "
    "the same checks are run again to give your marks, and the free-text answers are graded by "
    "hand with the lesson's rubric. Keep your answers in the cells where they are asked for."
)


class NbgraderCourseError(Exception):
    """The course cannot be written as asked; the message says what to change."""


@dataclass
class LessonSummary:
    name: str
    exercises: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    auto_points: int = 0
    manual_points: int = 0


def graded_lessons(source: Path | str | None = None) -> list[str]:
    """Names (notebook stems) of the lessons with checked exercises or free-text questions."""
    src = Path(source) if source is not None else default_source()
    names = []
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if nb.metadata.get("cstolab", {}).get("instructor_only"):
            continue
        codes = [c.source for c in nb.cells if c.cell_type == "code"]
        if any(find_check(s) or _free_text_id(s) for s in codes):
            names.append(path.stem)
    return names


def choose_lessons(wanted: list[str] | None, available: list[str]) -> list[str]:
    """The lessons asked for, by full name or number (``01``); all of them when none is asked.

    >>> choose_lessons(["1"], ["00_how_to_use", "01_what_is_the_csto"])
    ['01_what_is_the_csto']
    """
    if not wanted:
        return available
    chosen = []
    for name in wanted:
        number = name.lower().removeprefix("l")
        hits = [a for a in available if a == name] or [
            a for a in available if number.isdigit() and a.split("_")[0] == f"{int(number):02d}"
        ]
        if not hits:
            raise NbgraderCourseError(
                f"there is no lesson {name!r} with exercises; choose from: {', '.join(available)}"
            )
        chosen += [h for h in hits if h not in chosen]
    return chosen


def _free_text_id(source: str) -> str | None:
    """The question id of an ``ask("id")`` cell."""
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "ask"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            return str(node.args[0].value)
    return None


def lesson_assignment(
    nb: nbformat.NotebookNode, ctx: LabContext, name: str, questions: dict
) -> tuple[nbformat.NotebookNode, LessonSummary]:
    """The instructor's (source) version of one lesson as an nbgrader assignment."""
    ctx.counters.clear()
    ctx.glued = glued_values(nb)
    summary = LessonSummary(name)
    cells: list[nbformat.NotebookNode] = [nbformat.v4.new_markdown_cell(INTRO)]
    region: list[nbformat.NotebookNode] | None = None
    for role, cell in split_at_markers(copy.deepcopy(nb)):
        if role == "start":
            region = []
            continue
        if role == "end":
            cells.append(_close_region(cells, region or [], summary, name))
            region = None
            continue
        if DROP_TAGS & set(cell.metadata.get("tags", [])):
            continue  # instructor-only cells: the student edition leaves them out too
        if cell.cell_type == "markdown":
            try:
                cell.source = to_lab_markdown(cell.source, ctx)
            except (LabMarkdownError, KeyError) as err:
                raise NbgraderCourseError(f"{name}, cell {cell.get('id', '?')}: {err}") from None
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if role == "lesson":
                tags = set(cell.metadata.get("tags", []))
                _hide(cell, source=bool(SOURCE_HIDDEN & tags), outputs=bool(OUTPUTS_HIDDEN & tags))
        if region is not None:
            region.append(cell)
            continue
        cells.append(cell)
        qid = _free_text_id(cell.source) if cell.cell_type == "code" else None
        if qid is not None:
            if qid not in questions:
                raise NbgraderCourseError(
                    f"{name}: ask({qid!r}) has no entry in rubrics/{name}.yml"
                )
            cells.append(task_cell(questions[qid]))
            summary.questions.append(qid)
            summary.manual_points += questions[qid].max_points
    seen: set[str] = set()
    for cell in cells:  # split cells and new ones need ids of their own (nbformat ≥ 4.5)
        if cell.get("id") in seen or not cell.get("id"):
            cell["id"] = generate_corpus_id()
        seen.add(cell["id"])
    out = copy.deepcopy(nb)
    out.cells = cells
    return out, summary


def _close_region(
    cells: list[nbformat.NotebookNode],
    region: list[nbformat.NotebookNode],
    summary: LessonSummary,
    name: str,
) -> nbformat.NotebookNode:
    """Merge a solution region into the exercise cell before it; return that exercise's test."""
    student = cells[-1] if cells else None
    found = (
        find_check(student.source) if student is not None and student.cell_type == "code" else None
    )
    if found is None or "nbgrader" in student.metadata:
        # a solution with no checked exercise before it: an ungraded answer cell, so that its
        # text stays in the instructor's version and leaves the students' copy
        return region_cell(region, f"{name}-solution-{len(cells)}")
    exercise_id, expr = found
    try:
        exercise = exercises.get(exercise_id)
    except KeyError as err:
        raise NbgraderCourseError(f"{name}: {err.args[0]}") from None
    cells[-1] = answer_cell(student, solution_code(region, exercise_id, expr), exercise_id)
    summary.exercises.append(exercise_id)
    summary.auto_points += exercise.points
    return hidden_test_cell(exercise_id, expr, exercise.points)


def _student_rubric(path: Path) -> str:
    """The lesson's rubric file without the model-answer outlines (the grader's, in the tasks)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        entry.pop("model_answer_outline", None)
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)


def write_course(
    outdir: Path | str,
    source: Path | str | None = None,
    *,
    lessons: list[str] | None = None,
    force: bool = False,
    book_url: str = "",
) -> list[LessonSummary]:
    """Write the nbgrader course directory; nothing is written when something is wrong.

    An existing, non-empty ``outdir`` is refused unless ``force``; then only
    ``nbgrader_config.py`` and ``source/<lesson>/`` of the lessons written are replaced (the
    gradebook, releases and submissions stay).
    """
    src = Path(source) if source is not None else default_source()
    dest = Path(outdir)
    if not src.is_dir() or not list(src.glob("*.ipynb")):
        raise NbgraderCourseError(
            f"no lesson notebooks found in {src}; pass --source pointing at the course's notebooks/ folder"
        )
    if dest.exists() and not dest.is_dir():
        raise NbgraderCourseError(f"{dest} is a file; give a folder for the nbgrader course")
    if dest.is_dir() and any(dest.iterdir()) and not force:
        raise NbgraderCourseError(
            f"{dest} already exists and is not empty; nothing was written. "
            "Use --force to replace its nbgrader_config.py and lesson sources, or choose a new folder."
        )
    chosen = choose_lessons(lessons, graded_lessons(src))
    try:
        ctx = course_context(src, book_url)
        questions = load_questions(src / "rubrics") if (src / "rubrics").is_dir() else {}
    except (EditionError, ValueError) as err:
        raise NbgraderCourseError(str(err)) from None
    built = {}
    for name in chosen:
        try:
            nb = nbformat.read(src / f"{name}.ipynb", as_version=4)
            built[name] = lesson_assignment(nb, ctx, name, questions)
        except EditionError as err:
            raise NbgraderCourseError(f"{name}: {err}") from None
    references = ctx.citations.markdown() if not ctx.book_url and ctx.citations else None
    dest.mkdir(parents=True, exist_ok=True)
    (dest / CONFIG).write_text(CONFIG_TEXT, encoding="utf-8")
    for name, (nb, _) in built.items():
        folder = dest / "source" / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{name}.ipynb")
        rubric = src / "rubrics" / f"{name}.yml"
        if rubric.is_file():
            (folder / "rubrics").mkdir()
            (folder / "rubrics" / rubric.name).write_text(_student_rubric(rubric), encoding="utf-8")
        quiz = src / "quizzes" / f"{name}.json"
        if quiz.is_file():
            (folder / "quizzes").mkdir()
            shutil.copy2(quiz, folder / "quizzes" / quiz.name)
        if references is not None:
            (folder / LOCAL_PAGE).write_text(references, encoding="utf-8")
    return [summary for _, summary in built.values()]
