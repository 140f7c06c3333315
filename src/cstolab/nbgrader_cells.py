"""The cells of an nbgrader assignment built from a lesson: answers, hidden tests, graded tasks.

nbgrader (https://nbgrader.readthedocs.io) reads ``metadata.nbgrader`` on each cell (schema 3)
and the delimiters ``### BEGIN SOLUTION`` / ``### END SOLUTION`` (removed from the student's
copy) and ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` (removed from the student's copy,
put back when grading). A manually graded *task* keeps its ``=== BEGIN MARK SCHEME ===`` region
for the grader only. Used by :mod:`cstolab.nbgrader_course`.

    >>> find_check('answer = ...\\ncheck("l00-sum", answer)')
    ('l00-sum', 'answer')
    >>> hidden_test_cell("l00-sum", "answer", 2).metadata.nbgrader["points"]
    2
"""

from __future__ import annotations

import ast
from typing import Any

import nbformat

from cstolab.freetext import Question

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
BEGIN_SCHEME, END_SCHEME = "=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ==="


def nbgrader_meta(
    grade_id: str,
    *,
    solution: bool = False,
    grade: bool = False,
    task: bool = False,
    points: int | None = None,
) -> dict[str, Any]:
    """``metadata.nbgrader`` of one cell; graded cells and tasks are locked (read-only)."""
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": grade or task,
        "schema_version": 3,
        "solution": solution,
        "task": task,
    }
    if grade or task:
        meta["points"] = points
    return meta


def _check_calls(tree: ast.Module) -> list[tuple[ast.stmt, str, ast.expr]]:
    """Top-level statements ``check("id", expr)``, with the id and the answer expression."""
    found = []
    for stmt in tree.body:
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "check"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
        ):
            found.append((stmt, call.args[0].value, call.args[1]))
    return found


def find_check(source: str) -> tuple[str, str] | None:
    """(exercise id, answer expression) of the last ``check(...)`` in a code cell, if any."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics or a broken cell: not an exercise cell
        return None
    calls = _check_calls(tree)
    if not calls:
        return None
    _, exercise_id, expr = calls[-1]
    return exercise_id, ast.get_source_segment(source, expr) or ""


def _as_comment(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.strip("\n").splitlines())


def solution_code(pieces: list[nbformat.NotebookNode], exercise_id: str, expr: str) -> str:
    """The solution region as code: notes as comments, code kept, its ``check`` turned into
    ``expr = ...`` so that the student's own ``check`` line (kept outside the region) runs it.
    """
    parts = []
    for cell in pieces:
        if cell.cell_type != "code":
            parts.append(_as_comment(cell.source))
            continue
        source = cell.source.rstrip("\n")
        try:
            calls = [c for c in _check_calls(ast.parse(source)) if c[1] == exercise_id]
        except SyntaxError:
            calls = []
        if calls:
            stmt, _, answer = calls[-1]
            lines = source.splitlines()
            given = ast.get_source_segment(source, answer) or expr
            # the student's cell already ends with check(id, expr): the solution only has to
            # leave its answer in ``expr`` (an assignment needs a plain name)
            keep = [] if given == expr else [f"{expr} = {given}"] if expr.isidentifier() else None
            if keep is not None:
                lines[stmt.lineno - 1 : stmt.end_lineno] = keep
            source = "\n".join(lines).rstrip("\n")
        parts.append(source)
    return "\n".join(p for p in parts if p.strip())


def answer_cell(
    student: nbformat.NotebookNode, solution: str, exercise_id: str
) -> nbformat.NotebookNode:
    """The student's exercise cell with the solution inside, before its final ``check`` line.

    The student's copy keeps the placeholder lines (``answer = ...``) and the ``check`` call;
    the region between them becomes nbgrader's code stub.
    """
    lines = student.source.rstrip("\n").splitlines()
    stmt = _check_calls(ast.parse(student.source))[-1][0]
    head, tail = lines[: stmt.lineno - 1], lines[stmt.lineno - 1 :]
    cell = nbformat.v4.new_code_cell(
        "\n".join([*head, BEGIN_SOLUTION, solution, END_SOLUTION, *tail]),
        metadata=dict(student.metadata),
    )
    cell.metadata["nbgrader"] = nbgrader_meta(f"{exercise_id}-answer", solution=True)
    return cell


def region_cell(pieces: list[nbformat.NotebookNode], grade_id: str) -> nbformat.NotebookNode:
    """A solution region that belongs to no checked exercise: kept for the instructor only."""
    body = "\n".join(
        c.source.rstrip("\n") if c.cell_type == "code" else _as_comment(c.source) for c in pieces
    )
    cell = nbformat.v4.new_code_cell(f"{BEGIN_SOLUTION}\n{body}\n{END_SOLUTION}")
    cell.metadata["nbgrader"] = nbgrader_meta(grade_id, solution=True)
    return cell


def hidden_test_cell(exercise_id: str, expr: str, points: int) -> nbformat.NotebookNode:
    """The autograded test: the course's own ``check``, hidden from the student's copy."""
    unit = "point" if points == 1 else "points"
    cell = nbformat.v4.new_code_cell(
        "\n".join(
            [
                f"# Graded when you submit: exercise {exercise_id} ({points} {unit}).",
                BEGIN_HIDDEN,
                "from cstolab import check as _check",
                "",
                f"_feedback = _check({exercise_id!r}, {expr})",
                "assert _feedback.correct, _feedback.message",
                END_HIDDEN,
            ]
        )
    )
    cell.metadata["nbgrader"] = nbgrader_meta(f"{exercise_id}-test", grade=True, points=points)
    return cell


def task_cell(question: Question) -> nbformat.NotebookNode:
    """A manually graded task for a free-text question; the full rubric is the mark scheme."""
    scheme = ["**Rubric for the grader.** A strong answer:", ""]
    scheme += [f"- {c}" for c in question.criteria]
    if question.model_answer_outline:
        scheme += ["", f"*Outline of a model answer:* {question.model_answer_outline}"]
    cell = nbformat.v4.new_markdown_cell(
        "\n".join(
            [
                f"**Graded by hand: question {question.id}** ({question.max_points} points). "
                f"Write your answer in the next cell (about {question.words} words).",
                "",
                BEGIN_SCHEME,
                *scheme,
                END_SCHEME,
            ]
        )
    )
    cell.metadata["nbgrader"] = nbgrader_meta(
        f"{question.id}-task", task=True, points=question.max_points
    )
    return cell
