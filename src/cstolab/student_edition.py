"""Write a student edition of the lessons: solutions removed, outputs cleared.

    $ cstolab student-edition handout/          # refuses to overwrite existing files
    $ cstolab student-edition handout/ --force  # replaces them

Removed from each notebook: everything from a ``{solution-start}`` cell to its ``{solution-end}``
cell, cells tagged ``solution`` or ``instructor``, and notebooks whose metadata says
``"cstolab": {"instructor_only": true}`` (e.g. the capstone's model answer). The lessons' quiz and
rubric files are copied alongside so the notebooks run. The source folder is only read.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

SUPPORT_DIRS = ("quizzes", "rubrics")
DROP_TAGS = {"solution", "instructor"}


class EditionError(Exception):
    """The student edition cannot be written as asked; nothing was written."""


@dataclass
class EditionReport:
    written: list[Path]
    skipped_instructor_only: list[str]
    removed_cells: int


def default_source() -> Path:
    """The repo's notebooks/ folder (the CLI runs from a checkout of the course)."""
    here = Path.cwd() / "notebooks"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "notebooks"


def _is_marker(cell: dict, marker: str) -> bool:
    return cell.get("cell_type") == "markdown" and f"{{{marker}}}" in "".join(
        cell.get("source", "")
    )


def strip_solutions(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, int]:
    """Return a copy of ``nb`` without solutions and outputs, and how many cells were removed."""
    out = copy.deepcopy(nb)
    kept, removed, inside = [], 0, False
    for cell in out.cells:
        if _is_marker(cell, "solution-start"):
            inside = True
        if inside or DROP_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            removed += 1
            if _is_marker(cell, "solution-end"):
                inside = False
            continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        kept.append(cell)
    if inside:
        raise EditionError("a {solution-start} cell has no matching {solution-end} cell")
    out.cells = kept
    return out, removed


def write_student_edition(
    outdir: Path | str, source: Path | str | None = None, force: bool = False
) -> EditionReport:
    """Write the student edition of every lesson in ``source`` to ``outdir``."""
    src = Path(source) if source is not None else default_source()
    dest = Path(outdir)
    if not src.is_dir() or not list(src.glob("*.ipynb")):
        raise EditionError(
            f"no lesson notebooks found in {src}; pass --source pointing at the course's notebooks/ folder"
        )
    if dest.resolve() == src.resolve() or src.resolve() in dest.resolve().parents:
        raise EditionError(f"{dest} is inside the lessons folder {src}; choose a folder outside it")

    plans: list[tuple[Path, nbformat.NotebookNode]] = []
    skipped: list[str] = []
    removed_total = 0
    for path in sorted(src.glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as err:  # nbformat raises several types for a broken file
            raise EditionError(f"{path.name} is not a readable notebook: {err}") from None
        if nb.metadata.get("cstolab", {}).get("instructor_only"):
            skipped.append(path.name)
            continue
        try:
            stripped, removed = strip_solutions(nb)
        except EditionError as err:
            raise EditionError(f"{path.name}: {err}") from None
        removed_total += removed
        plans.append((dest / path.name, stripped))

    support = [
        (f, dest / f.relative_to(src))
        for d in SUPPORT_DIRS
        if (src / d).is_dir()
        for f in sorted((src / d).rglob("*"))
        if f.is_file()
    ]
    targets = [t for t, _ in plans] + [t for _, t in support]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        shown = ", ".join(str(t) for t in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise EditionError(
            f"{len(existing)} file(s) already exist ({shown}); nothing was written. "
            "Use --force to overwrite them, or choose an empty folder."
        )
    dest.mkdir(parents=True, exist_ok=True)
    for target, nb in plans:
        nbformat.write(nb, target)
    for source_file, target in support:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source_file, target)
    return EditionReport(
        written=targets, skipped_instructor_only=skipped, removed_cells=removed_total
    )
