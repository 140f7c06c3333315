"""The built book: every toc entry has a page, nothing loads from outside, learning parts render."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the toc reader of the page budget, which the browser tests use too
sys.path.insert(0, str(ROOT / "benchmarks"))
from book_budget import toc_docnames as toc_files  # noqa: E402

SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc=\"([^\"]+)\"", re.I)
LINK_HREF = re.compile(
    r"<link[^>]*\brel=\"(?:stylesheet|preload|modulepreload)\"[^>]*\bhref=\"([^\"]+)\"", re.I
)
EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)

pytestmark = pytest.mark.slow


def html_pages(html: Path) -> list[Path]:
    return [
        p for p in html.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts
    ]


def test_every_toc_entry_produced_a_page(built_book: Path):
    for entry in toc_files():
        page = built_book / (str(Path(entry).with_suffix("")) + ".html")
        assert page.is_file(), f"toc entry {entry} has no page {page}"
        assert "<h1" in page.read_text(encoding="utf-8"), f"{page} has no title"


def test_lessons_are_in_the_toc():
    listed = {Path(f).name for f in toc_files()}
    for notebook in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"):
        assert notebook.stem in listed, f"{notebook.name} is not in book/_toc.yml"


def test_no_page_loads_anything_from_outside(built_book: Path):
    for page in html_pages(built_book):
        text = page.read_text(encoding="utf-8")
        for url in SCRIPT_SRC.findall(text) + LINK_HREF.findall(text):
            assert not EXTERNAL.match(url), f"{page.relative_to(built_book)} loads {url}"
        assert "cdn.jsdelivr" not in text, f"{page.relative_to(built_book)} mentions a CDN"


def test_charts_have_their_library_only_where_needed(built_book: Path):
    chart_pages = 0
    for page in html_pages(built_book):
        text = page.read_text(encoding="utf-8")
        loads = len(re.findall(r"<script[^>]*cstolab-vega\.js", text))
        if "altair-viz-" in text:
            chart_pages += 1
            assert loads == 1, f"{page.name}: chart library loaded {loads} times"
        else:
            assert loads == 0, f"{page.name} has no chart but loads the chart library"
    assert chart_pages >= 1
    assert (built_book / "_static" / "cstolab-vega.js").stat().st_size > 100_000


def test_solutions_are_collapsed_dropdowns(built_book: Path):
    page = (built_book / "notebooks" / "01_what_is_the_csto.html").read_text(encoding="utf-8")
    assert re.search(r'class="[^"]*solution[^"]*dropdown', page), "solution is not a dropdown"
    assert 'class="admonition exercise' in page or "exercise" in page


def test_quiz_is_in_the_html(built_book: Path):
    page = (built_book / "notebooks" / "01_what_is_the_csto.html").read_text(encoding="utf-8")
    assert "data-shufflequestions" in page, "quiz container missing"
    assert "How many states signed the treaty" in page or "questions" in page


def test_datasets_page_documents_every_dataset(built_book: Path):
    import cstolab

    page = (built_book / "datasets.html").read_text(encoding="utf-8")
    for name in cstolab.datasets():
        info = cstolab.describe(name)
        assert f"cstolab.load(&quot;{name}&quot;)" in page
        assert f"<strong>{len(cstolab.load(name))} rows</strong>" in page
        for field in info["fields"]:
            assert f">{field['name']}<" in page, f"{name}.{field['name']} not documented"
