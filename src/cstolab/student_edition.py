"""Write the lessons as students open them in JupyterLab: the student and the study edition.

    $ cstolab student-edition handout/          # no solutions; refuses to overwrite existing files
    $ cstolab student-edition handout/ --force  # replaces them
    $ cstolab study-edition lab/ --update       # solutions folded; keeps lessons the student edited

Both editions turn every Markdown cell into plain Markdown (:mod:`cstolab.lab_markdown`): glued
numbers, author–year citations linked to a bibliography page written beside the lessons
(``references.md``), readable link text, exercises and admonitions as blocks. Cells the book folds
or removes are collapsed in JupyterLab (``jupyter.source_hidden`` / ``outputs_hidden``).

The **student edition** removes exactly the solutions: everything from a ``{solution-start}``
marker to its ``{solution-end}`` marker, and cells tagged ``solution`` or ``instructor``. Text that
shares a cell with a marker stays (the cell is split). Notebooks whose metadata says
``"cstolab": {"instructor_only": true}`` (the capstone's model answer) are left out. The **study
edition** (what ``make lab`` opens) keeps the solutions, folded. Outputs are cleared in both. The
source folder is only read; the quiz and rubric files are copied alongside so the lessons run.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cstolab.citations import LOCAL_PAGE, Citations
from cstolab.lab_markdown import LabContext, LabMarkdownError, to_lab_markdown

SUPPORT_DIRS = ("quizzes", "rubrics")
DROP_TAGS = {"solution", "instructor"}
MANIFEST = ".cstolab-edition.json"
MARKER = re.compile(
    r"(?ms)^(?P<fence>`{3,}|:{3,})\{solution-(?P<kind>start|end)\}[^\n]*\n.*?^(?P=fence)[ \t]*$\n?"
)
HEADING_LABEL = re.compile(r"(?m)^\((?P<label>[A-Za-z0-9_-]+)\)=[ \t]*\n#+[ \t]+(?P<title>[^\n]+)")
FIGURE_NAME = re.compile(r"(?m)^:name:[ \t]*(?P<label>[A-Za-z0-9_-]+)")
SOURCE_HIDDEN = {"hide-input", "remove-input", "remove-cell"}
OUTPUTS_HIDDEN = {"hide-output", "remove-cell"}


class EditionError(Exception):
    """The edition cannot be written as asked; nothing was written."""


@dataclass
class EditionReport:
    written: list[Path]
    skipped_instructor_only: list[str]
    removed_cells: int
    kept_edited: list[Path] = field(default_factory=list)


def default_source() -> Path:
    """The repo's notebooks/ folder (the CLI runs from a checkout of the course)."""
    here = Path.cwd() / "notebooks"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "notebooks"


def split_at_markers(nb: nbformat.NotebookNode) -> list[tuple[str, nbformat.NotebookNode]]:
    """The cells of ``nb`` as (role, cell) pairs, Markdown cells split at solution markers.

    role is ``"start"`` or ``"end"`` for a marker, ``"solution"`` for a cell between markers and
    ``"lesson"`` for the rest. Raises EditionError when the markers do not pair up.
    """
    out: list[tuple[str, nbformat.NotebookNode]] = []
    inside = False
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "{solution-" not in cell.source:
            out.append(("solution" if inside else "lesson", cell))
            continue
        pos, part = 0, 0
        pieces: list[tuple[str, str]] = []
        for m in MARKER.finditer(cell.source):
            pieces.append(("solution" if inside else "lesson", cell.source[pos : m.start()]))
            if (m["kind"] == "start") == inside:
                raise EditionError(f"a {{solution-{m['kind']}}} marker is out of place")
            inside = m["kind"] == "start"
            pieces.append((m["kind"], m.group(0)))
            pos = m.end()
        pieces.append(("solution" if inside else "lesson", cell.source[pos:]))
        for role, text in pieces:
            if not text.strip():
                continue
            piece = copy.deepcopy(cell)
            piece.source = text.strip("\n")
            if part:
                piece.id = f"{cell.get('id', 'cell')}-{part}"[:64]
            part += 1
            out.append((role, piece))
    if inside:
        raise EditionError("a {solution-start} marker has no matching {solution-end}")
    return out


def _hide(cell: nbformat.NotebookNode, source: bool = False, outputs: bool = False) -> None:
    jupyter = cell.metadata.setdefault("jupyter", {})
    if source:
        jupyter["source_hidden"] = True
    if outputs:
        jupyter["outputs_hidden"] = True


def make_edition(
    nb: nbformat.NotebookNode, ctx: LabContext, solutions: bool
) -> tuple[nbformat.NotebookNode, int]:
    """The Lab edition of one lesson, with or without (folded) solutions; and cells removed."""
    ctx.counters.clear()
    ctx.glued = glued_values(nb)
    out = copy.deepcopy(nb)
    cells, removed = [], 0
    for role, cell in split_at_markers(out):
        tags = set(cell.metadata.get("tags", []))
        if role in ("start", "end") or (role == "solution" and not solutions) or DROP_TAGS & tags:
            removed += role not in ("start", "end")
            if role == "start" and solutions:
                cells.append(nbformat.v4.new_markdown_cell(_solution_heading(ctx)))
            continue
        if cell.cell_type == "markdown":
            try:
                cell.source = to_lab_markdown(cell.source, ctx)
            except (LabMarkdownError, KeyError) as err:
                raise EditionError(
                    f"cell {cell.get('id', '?')}: {str(err).strip(chr(34))}"
                ) from None
            if role == "solution":
                cell.source = (
                    f"<details>\n<summary>Solution notes</summary>\n\n{cell.source}\n\n</details>"
                )
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            _hide(
                cell,
                source=role == "solution" or bool(SOURCE_HIDDEN & tags),
                outputs=role == "solution" or bool(OUTPUTS_HIDDEN & tags),
            )
        cells.append(cell)
    out.cells = cells
    return out, removed


def _solution_heading(ctx: LabContext) -> str:
    n = ctx.counters.get("exercise", 0)
    return (
        f"**Solution to exercise {n}** (folded: click the blue bar at the left of the next cell to "
        "open it; try the exercise first)."
    )


def glued_values(nb: nbformat.NotebookNode) -> dict[str, str]:
    """text/plain of every value the executed notebook glued, by glue name."""
    found: dict[str, str] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook", {})
            text = output.get("data", {}).get("application/papermill.record/text/plain")
            if record.get("name") and text is not None:
                found[record["name"]] = text
    return found


def course_context(src: Path, book_url: str = "") -> LabContext:
    """Labels, citations and the book's address for the lessons in ``src``."""
    book = src.parent / "book"
    bib = book / "references.bib"
    if not bib.is_file():
        raise EditionError(f"no bibliography at {bib}; the editions need the course's book/ folder")
    book_url = (book_url or _configured_url(book)).rstrip("/")
    page = f"{book_url}/bibliography.html" if book_url else LOCAL_PAGE
    labels: dict[str, tuple[str, str]] = {}
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        url = f"{book_url}/notebooks/{path.stem}.html" if book_url else path.name
        for cell in nb.cells:
            for m in HEADING_LABEL.finditer(cell.source):
                labels[m["label"]] = (m["title"].strip(), url)
            for m in FIGURE_NAME.finditer(cell.source):
                labels[m["label"]] = ("the figure", url)
    for path in sorted(book.rglob("*.md")):
        if "_build" in path.parts:
            continue
        rel = path.relative_to(book).with_suffix(".html").as_posix()
        for m in HEADING_LABEL.finditer(path.read_text(encoding="utf-8")):
            labels[m["label"]] = (m["title"].strip(), f"{book_url}/{rel}" if book_url else "")
        labels[f"doc:{path.stem}"] = (f"{path.stem} page", f"{book_url}/{rel}" if book_url else "")
    import cstolab

    for name in cstolab.datasets():
        url = f"{book_url}/datasets.html#data-{name.replace('_', '-')}" if book_url else ""
        labels[f"data-{name}"] = (f"the {name} dataset", url)
    return LabContext(labels=labels, citations=Citations.from_file(bib, page), book_url=book_url)


def _configured_url(book: Path) -> str:
    import yaml

    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8")) or {}
    return str((config.get("html") or {}).get("baseurl") or "")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_edition(
    outdir: Path | str,
    source: Path | str | None = None,
    *,
    solutions: bool = False,
    force: bool = False,
    update: bool = False,
    book_url: str = "",
) -> EditionReport:
    """Write the student (``solutions=False``) or study edition of every lesson to ``outdir``.

    Existing files are an error unless ``force`` (overwrite all) or ``update`` (overwrite only
    files this command wrote and nobody changed since; keep the rest and list them).
    """
    src = Path(source) if source is not None else default_source()
    dest = Path(outdir)
    if not src.is_dir() or not list(src.glob("*.ipynb")):
        raise EditionError(
            f"no lesson notebooks found in {src}; pass --source pointing at the course's notebooks/ folder"
        )
    if dest.exists() and not dest.is_dir():
        raise EditionError(
            f"{dest} is a file, not a folder; give the folder to write the lessons to"
        )
    if dest.resolve() == src.resolve() or src.resolve() in dest.resolve().parents:
        raise EditionError(f"{dest} is inside the lessons folder {src}; choose a folder outside it")

    ctx = course_context(src, book_url)
    texts: dict[Path, str] = {}
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
            edition, removed = make_edition(nb, ctx, solutions)
        except EditionError as err:
            raise EditionError(f"{path.name}: {err}") from None
        removed_total += removed
        texts[dest / path.name] = nbformat.writes(edition) + "\n"
    if not ctx.book_url:
        texts[dest / LOCAL_PAGE] = ctx.citations.markdown()  # type: ignore[union-attr]
    copies = {
        dest / f.relative_to(src): f
        for d in SUPPORT_DIRS
        if (src / d).is_dir()
        for f in sorted((src / d).rglob("*"))
        if f.is_file()
    }
    targets = sorted([*texts, *copies])
    manifest_path = dest / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    existing = [t for t in targets if t.exists()]
    kept: list[Path] = []
    if existing and update:
        kept = [t for t in existing if manifest.get(t.relative_to(dest).as_posix()) != _digest(t)]
    elif existing and not force:
        shown = ", ".join(str(t) for t in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise EditionError(
            f"{len(existing)} file(s) already exist ({shown}); nothing was written. "
            "Use --force to overwrite them, or choose an empty folder."
        )
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for target in targets:
        if target in kept:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target in texts:
            target.write_text(texts[target], encoding="utf-8")
        else:
            shutil.copy2(copies[target], target)
        manifest[target.relative_to(dest).as_posix()] = _digest(target)
        written.append(target)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return EditionReport(written, skipped, removed_total, kept)


def write_student_edition(
    outdir: Path | str, source: Path | str | None = None, force: bool = False
) -> EditionReport:
    """Write the student edition (no solutions) of every lesson in ``source`` to ``outdir``."""
    return write_edition(outdir, source, solutions=False, force=force)
