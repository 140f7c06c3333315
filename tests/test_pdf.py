"""`make pdf`: the whole book prints, with a picture for every chart and no raw output left.

One build per session (about three minutes on two cores), into a temporary folder with the same
script as `make pdf` (scripts/build_pdf.py); checked with poppler's pdftotext and pdfimages.
scripts/setup_pdf.py (run by `make test`) installs TeX Live and poppler; without them these tests
skip, or fail under CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the toc reader of the page budget, which the browser tests use too
sys.path.insert(0, str(ROOT / "benchmarks"))
from book_budget import toc_docnames as toc_files  # noqa: E402

BOOK = ROOT / "book"
TOOLS = ("xelatex", "latexmk", "pdftotext", "pdfimages")
CHART = "altair-viz-"

pytestmark = pytest.mark.slow


def lessons() -> list[dict]:
    return [
        json.loads((BOOK / f"{name}.ipynb").read_text(encoding="utf-8"))
        for name in toc_files()
        if name.startswith("notebooks/")
    ]


def lesson_title(nb: dict) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError("a lesson without a '# ' title")


def notebook_charts(nb: dict) -> int:
    """Charts the book shows for a notebook: glued charts it pastes, and visible chart outputs."""
    glued: set[str] = set()
    shown = 0
    markdown = ""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            markdown += "".join(cell["source"]) + "\n"
            continue
        tags = set(cell["metadata"].get("tags", []))
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = "".join(data.get("application/papermill.record/text/html", "")) + "".join(
                data.get("text/html", "")
            )
            if CHART not in html:
                continue
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                glued.add(scrap["name"])
            elif not tags & {"remove-output", "remove-cell"}:
                shown += 1
    pasted = sum(
        len(re.findall(r"\{glue(?::figure|:any)?\}`?\s*" + re.escape(name) + r"\b", markdown))
        for name in glued
    )
    return shown + pasted


def html_charts() -> int | None:
    """Charts in the built HTML book (as tests/test_book.py counts them), None if not built."""
    html = BOOK / "_build" / "html"
    pages = [html / f"{name}.html" for name in toc_files()]
    if not all(page.is_file() for page in pages):
        return None
    return sum(
        len(set(re.findall(r'id="(altair-viz-[0-9a-f]+)"', p.read_text(encoding="utf-8"))))
        for p in pages
    )


@pytest.fixture(scope="session")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"{', '.join(missing)} missing: run `python scripts/setup_pdf.py` (as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "the PDF build failed:\n" + result.stdout + result.stderr
    (built,) = out.glob("*.pdf")
    return built


@pytest.fixture(scope="session")
def text(pdf: Path) -> str:
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return raw.stdout


def test_every_lesson_title_is_printed(text: str):
    flat = " ".join(text.split())
    missing = [title for title in map(lesson_title, lessons()) if title not in flat]
    assert not missing, f"lesson titles not in the PDF: {missing}"


def test_a_picture_for_every_chart(pdf: Path):
    charts = sum(map(notebook_charts, lessons()))
    assert charts >= 20, "the chart count of the notebooks looks wrong"
    in_html = html_charts()
    if in_html is not None:
        assert in_html == charts, "the notebooks and the built HTML book disagree on the charts"
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [row for row in listing if row.split()[2:3] == ["image"]]  # not the alpha masks
    assert len(images) >= charts, f"{len(images)} images in the PDF for {charts} charts"


def test_no_raw_outputs(text: str):
    # Code and prose may write alt.Chart(...): lesson 0 teaches it. A chart that did not become a
    # picture prints its repr alone on a line, e.g. "alt.LayerChart(...)".
    unprinted = re.findall(r"^\s*alt\.\w*Chart\(\.\.\.\)\s*$", text, re.M)
    assert not unprinted, f"{len(unprinted)} charts printed as text"
    for raw in ("<IPython.core.display", "Traceback"):
        assert raw not in text


def test_quizzes_print_with_their_answers(text: str):
    with_quiz = [
        nb
        for nb in lessons()
        if any("quiz(" in "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    ]
    assert text.count("Self-check quiz. In the online book") == len(with_quiz)
    flat = " ".join(text.split())
    first_quiz = json.loads(
        (ROOT / "notebooks" / "quizzes" / "01_what_is_the_csto.json").read_text()
    )
    question = " ".join(first_quiz[0]["question"].split())
    assert question in flat
    # The feedback of the right answer is printed once: in the answers chapter, after every quiz.
    right = next(a for a in first_quiz[0]["answers"] if a.get("correct"))
    feedback = " ".join(right["feedback"].split())
    assert flat.count(feedback) == 1
    assert flat.index(feedback) > flat.rindex("Self-check quiz. In the online book")


def test_symbols_and_sliders_print_as_words(text: str):
    assert not re.search("[\u2705\u274c\u270f]", text), "an emoji the print fonts lack"
    assert "Correct: " in text and "Not yet: " in text
    assert "Printed at the sliders’ default setting" in " ".join(text.split())
