"""The student edition: no solutions, runnable, and never overwrites without --force."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from cstolab.cli import main
from cstolab.lab_markdown import LabContext
from cstolab.student_edition import (
    EditionError,
    make_edition,
    split_at_markers,
    write_edition,
    write_student_edition,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def strip_solutions(nb):
    """The student edition of one notebook without course-wide labels or citations."""
    return make_edition(nb, LabContext(), solutions=False)


def test_strip_solutions_removes_marked_blocks_and_outputs():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("```{exercise}\n:label: x\nDo it.\n```"),
        nbformat.v4.new_code_cell(
            "answer = ...", outputs=[nbformat.v4.new_output("stream", text="hi")], execution_count=3
        ),
        nbformat.v4.new_markdown_cell("```{solution-start} x\n:class: dropdown\n```"),
        nbformat.v4.new_code_cell("answer = 42"),
        nbformat.v4.new_markdown_cell("```{solution-end}\n```"),
        nbformat.v4.new_code_cell("secret()", metadata={"tags": ["instructor"]}),
        nbformat.v4.new_markdown_cell("Summary"),
    ]
    out, removed = strip_solutions(nb)
    assert removed == 2  # the solution cell and the instructor's cell; markers are not counted
    sources = [c.source for c in out.cells]
    assert sources == ["> **Exercise 1**\n>\n> Do it.", "answer = ...", "Summary"]
    assert out.cells[1].outputs == [] and out.cells[1].execution_count is None
    assert len(nb.cells) == 7, "the input notebook is not modified"


def test_unclosed_solution_is_an_error():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("```{solution-start} x\n```"),
        nbformat.v4.new_code_cell("1"),
    ]
    with pytest.raises(EditionError, match="no matching"):
        strip_solutions(nb)


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    before = _digest(NOTEBOOKS)
    out = tmp_path_factory.mktemp("edition") / "handout"
    assert main(["student-edition", str(out), "--source", str(NOTEBOOKS)]) == 0
    assert _digest(NOTEBOOKS) == before, "notebooks/ must never be modified"
    return out


def test_edition_has_every_lesson_and_no_solution(edition: Path):
    lessons = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    written = sorted(p.name for p in edition.glob("*.ipynb"))
    instructor_only = [
        name
        for name in lessons
        if nbformat.read(NOTEBOOKS / name, 4).metadata.get("cstolab", {}).get("instructor_only")
    ]
    assert written == [n for n in lessons if n not in instructor_only]
    for path in edition.glob("*.ipynb"):
        nb = nbformat.read(path, 4)
        for cell in nb.cells:
            assert "{solution" not in cell.source, f"{path.name} keeps a solution"
            assert not {"solution", "instructor"} & set(cell.metadata.get("tags", []))
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None
    assert (edition / "quizzes").is_dir() and (edition / "rubrics").is_dir()


def test_second_run_without_force_keeps_files(edition: Path, capsys):
    target = next(edition.glob("*.ipynb"))
    target.write_text(target.read_text() + " ")  # a student's edit
    before = _digest(edition)
    assert main(["student-edition", str(edition), "--source", str(NOTEBOOKS)]) == 1
    assert "--force" in capsys.readouterr().err
    assert _digest(edition) == before
    assert main(["student-edition", str(edition), "--source", str(NOTEBOOKS), "--force"]) == 0
    assert _digest(edition) != before


def test_refuses_to_write_into_the_lessons_folder(tmp_path: Path):
    src = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, src)
    with pytest.raises(EditionError, match="inside the lessons folder"):
        write_student_edition(src / "handout", src)
    with pytest.raises(EditionError, match="no lesson notebooks"):
        write_student_edition(tmp_path / "out", tmp_path / "empty")


@pytest.mark.slow
def test_edition_notebooks_run_top_to_bottom(edition: Path):
    from nbclient import NotebookClient

    for path in sorted(edition.glob("*.ipynb")):
        nb = nbformat.read(path, 4)
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(edition)}}
        ).execute()


def test_text_sharing_a_cell_with_a_marker_stays():
    """Issue 11: the question after a {solution-end} marker was lost with the marker's cell."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("```{exercise}\n:label: a\nFirst question.\n```"),
        nbformat.v4.new_markdown_cell(
            "Before.\n\n```{solution-start} a\n:class: dropdown\n```\nWhy it works."
        ),
        nbformat.v4.new_code_cell("answer = 1"),
        nbformat.v4.new_markdown_cell(
            "```{solution-end}\n```\n\n```{exercise}\n:label: b\nSecond question.\n```"
        ),
        nbformat.v4.new_code_cell("answer = ..."),
    ]
    roles = [role for role, _ in split_at_markers(nb)]
    assert roles == ["lesson", "lesson", "start", "solution", "solution", "end", "lesson", "lesson"]
    out, _ = strip_solutions(nb)
    text = "\n".join(c.source for c in out.cells)
    assert "First question." in text and "Second question." in text and "Before." in text
    assert "Why it works." not in text and "answer = 1" not in text
    assert [c.source for c in out.cells if c.cell_type == "code"] == ["answer = ..."]
    assert len({c.id for c in out.cells}) == len(out.cells), "split cells get ids of their own"


EXERCISE = re.compile(r"(?ms)^```\{exercise\}[^\n]*\n(?P<body>.*?)^```")
HEADING = re.compile(r"(?m)^#+ +(?P<title>.+)$")
CHECKED = re.compile(r'check\("(?P<id>l\d\d-[a-z0-9-]+)"')
RAW_MARKUP = re.compile(
    r"\{(?:glue|cite|ref|doc|numref)[:}]|^(?:```|:::)\{|:class:|^\([a-z0-9_-]+\)=", re.M
)


def _plain_words(text: str) -> list[str]:
    """The words of an exercise statement that survive the Lab transform unchanged."""
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", " ", text)
    text = re.sub(r"(?m)^:[a-z-]+:.*$", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{4,}", text)]


@pytest.mark.parametrize("lesson", sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
def test_edition_keeps_every_question_and_heading(edition: Path, lesson: str):
    src = nbformat.read(NOTEBOOKS / lesson, 4)
    if src.metadata.get("cstolab", {}).get("instructor_only"):
        assert not (edition / lesson).exists()
        return
    out = nbformat.read(edition / lesson, 4)
    markdown = "\n".join(c.source for c in out.cells if c.cell_type == "markdown")
    code = [c.source for c in out.cells if c.cell_type == "code"]
    roles = split_at_markers(src)
    lesson_md = "\n".join(c.source for r, c in roles if r == "lesson" and c.cell_type == "markdown")
    for m in EXERCISE.finditer(lesson_md):
        words = _plain_words(m["body"])
        assert words and " ".join(words) in " ".join(re.findall(r"[A-Za-z]{4,}", markdown)), (
            f"{lesson}: exercise statement lost: {m['body'][:80]!r}"
        )
    for m in HEADING.finditer(lesson_md):
        assert m["title"].strip() in markdown, f"{lesson}: heading lost: {m['title']}"
    solution_code = {c.source for r, c in roles if r == "solution" and c.cell_type == "code"}
    assert not solution_code & set(code), f"{lesson}: solution code left in the edition"
    assert "Solution notes" not in markdown
    for exercise_id in {m["id"] for s in solution_code for m in CHECKED.finditer(s)}:
        assert any(exercise_id in c and "..." in c for c in code), (
            f"{lesson}: no placeholder cell for {exercise_id}"
        )
    assert not RAW_MARKUP.search(markdown), RAW_MARKUP.search(markdown)


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("study") / "lab"
    assert main(["study-edition", str(out), "--source", str(NOTEBOOKS)]) == 0
    return out


def test_study_edition_folds_solutions_and_plumbing(study: Path):
    nb = nbformat.read(study / "04_the_operation.ipynb", 4)
    solution = [c for c in nb.cells if c.cell_type == "code" and "astype({" in c.source]
    assert solution and all(c.metadata["jupyter"]["source_hidden"] for c in solution)
    quiz = [c for c in nb.cells if "quiz(" in c.source]
    assert quiz[0].metadata["jupyter"]["source_hidden"] is True
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not RAW_MARKUP.search(markdown)
    assert "Solution to exercise 1" in markdown
    assert (study / "references.md").read_text().startswith("# Bibliography")


def test_update_keeps_what_the_student_changed(study: Path, capsys):
    mine = study / "04_the_operation.ipynb"
    untouched = study / "05_airlift_and_readiness.ipynb"
    mine.write_text(mine.read_text().replace("Lesson 4", "Lesson 4 (my notes)"))
    untouched.write_text(untouched.read_text())  # same bytes: counts as unchanged
    (study / "00_how_to_use.ipynb").unlink()
    assert main(["study-edition", str(study), "--source", str(NOTEBOOKS), "--update"]) == 0
    out = capsys.readouterr().out
    assert f"Kept {mine}" in out and "you changed it" in out
    assert "(my notes)" in mine.read_text()
    assert (study / "00_how_to_use.ipynb").exists(), "a deleted lesson is written again"
    assert main(["study-edition", str(study), "--source", str(NOTEBOOKS)]) == 1
    assert "--force" in capsys.readouterr().err


def test_edition_into_a_file_is_one_line_error(tmp_path: Path, capsys):
    target = tmp_path / "handout"
    target.write_text("not a folder")
    assert main(["student-edition", str(target), "--source", str(NOTEBOOKS)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err
    assert target.read_text() == "not a folder"


def test_book_url_links_citations_to_the_published_book(tmp_path: Path):
    report = write_edition(tmp_path / "out", NOTEBOOKS, book_url="https://example.org/cstolab/")
    lesson = nbformat.read(tmp_path / "out" / "04_the_operation.ipynb", 4)
    text = "\n".join(c.source for c in lesson.cells)
    assert "](https://example.org/cstolab/bibliography.html)" in text
    assert not (tmp_path / "out" / "references.md").exists()
    assert report.written


@pytest.mark.parametrize(
    "argv, words",
    [
        (["student-editon", "out"], "invalid choice: 'student-editon'"),
        (["student-edition"], "the following arguments are required: outdir"),
        (["study-edition", "out", "--force", "--update"], "not allowed with argument"),
        ([], "the following arguments are required: command"),
    ],
)
def test_command_line_mistakes_get_one_line(argv, words, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "--help" in err
