"""The student edition: no solutions, runnable, and never overwrites without --force."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from cstolab.cli import main
from cstolab.student_edition import EditionError, strip_solutions, write_student_edition

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


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
    assert removed == 4
    sources = [c.source for c in out.cells]
    assert sources == [nb.cells[0].source, "answer = ...", "Summary"]
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
