"""Structural targets of the performance budget, asserted on the built book (fast, not timed).

The timed targets (build times, nbval, import time, time to draw) are measured by
``benchmarks/run_all.py`` (``make benchmarks``); these are the ones that must hold on every build:

- the chart JavaScript is loaded only by pages that have a chart, and once per page;
- no chart spec is over 200 KB (``cstolab.charts.MAX_SPEC_BYTES``);
- every chart spec carries a text description (read by screen readers);
- every script and stylesheet a page asks for exists in the build (no 404);
- light pages (issue 18): every chart page ≤ 400 KiB and every text page ≤ 120 KiB (gzip: the
  HTML plus every script, stylesheet and preload it names); no Font Awesome or Bootstrap
  JavaScript, the search index only for a search, icon fonts cut to the book's icons, a page's
  optional scripts only where it has their feature, charts compiled to Vega and drawn by Vega's
  own deferred build.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _load_budget_module() -> Any:
    if "book_budget" in sys.modules:
        return sys.modules["book_budget"]
    spec = importlib.util.spec_from_file_location(
        "book_budget", ROOT / "benchmarks" / "book_budget.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["book_budget"] = module
    spec.loader.exec_module(module)
    return module


budget = _load_budget_module()


@pytest.fixture(scope="module")
def pages(built_book: Path) -> dict[str, str]:
    """Every built page (relative URL -> HTML), the redirecting index excepted."""
    return {
        page: (built_book / page).read_text(encoding="utf-8")
        for page in budget.built_pages(built_book)
        if page != budget.REDIRECT_PAGE
    }


def test_the_budget_sees_every_page(pages: dict[str, str]) -> None:
    assert set(budget.toc_pages()) <= set(pages), "a toc page is missing from the build"


def test_chart_library_only_on_chart_pages_and_once(pages: dict[str, str]) -> None:
    problems = []
    chart_pages = 0
    for page, text in pages.items():
        charts = len(budget.chart_ids(text))
        loads = budget.chart_library_loads(text)
        if charts:
            chart_pages += 1
            if loads != 1:
                problems.append(f"{page}: {charts} chart(s), chart library loaded {loads} times")
        elif loads:
            problems.append(f"{page}: no chart, yet it loads the chart library {loads} time(s)")
    assert not problems, "\n".join(problems)
    assert chart_pages, "no page has a chart: the budget checks would be empty"


def test_no_chart_spec_over_budget(pages: dict[str, str]) -> None:
    from cstolab.charts import MAX_SPEC_BYTES

    assert MAX_SPEC_BYTES == budget.MAX_SPEC_BYTES == 200_000
    too_big = []
    for page, text in pages.items():
        for spec in budget.chart_specs(text):
            size = budget.spec_size(spec)
            if size > budget.MAX_SPEC_BYTES:
                title = spec.get("title") or spec.get("description", "")[:60]
                too_big.append(f"{page}: chart {title!r} is {size:,} bytes")
    assert not too_big, "chart specs over the 200 KB budget:\n" + "\n".join(too_big)


def test_every_chart_spec_is_described(pages: dict[str, str]) -> None:
    bare = [
        f"{page}: chart {i + 1}"
        for page, text in pages.items()
        for i, spec in enumerate(budget.chart_specs(text))
        if not str(spec.get("description", "")).strip()
    ]
    assert not bare, "charts without a description (use cstolab.charts.described):\n" + "\n".join(
        bare
    )


def test_every_chart_is_found_with_its_spec(pages: dict[str, str]) -> None:
    for page, text in pages.items():
        assert len(budget.chart_specs(text)) == len(budget.chart_ids(text)), page


def test_local_assets_exist(built_book: Path, pages: dict[str, str]) -> None:
    missing = {page: budget.page_weight(page, built_book).missing for page in pages}
    missing = {page: files for page, files in missing.items() if files}
    assert not missing, f"pages load files that are not in the build: {missing}"


# --- issue 18: light pages -------------------------------------------------------------------


def _kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def test_every_page_within_its_gzip_limit(built_book: Path, pages: dict[str, str]) -> None:
    """Chart pages ≤ 400 KiB, text pages ≤ 120 KiB: the HTML plus all it names, gzip level 6."""
    over = []
    for page in pages:
        weight = budget.page_weight(page, built_book)
        limit = budget.page_limit(weight)
        if weight.total_gz > limit:
            over.append(f"{page}: {_kib(weight.total_gz)} > {_kib(limit)}")
    assert not over, "pages over their budget:\n" + "\n".join(over)


def _named_assets(text: str) -> list[str]:
    parser = budget._AssetParser()
    parser.feed(text)
    return parser.scripts + parser.preloads + parser.styles


def test_no_page_names_font_awesome_bootstrap_js_or_the_search_index(
    pages: dict[str, str],
) -> None:
    bad = {
        page: found
        for page, text in pages.items()
        if (
            found := [
                url
                for url in _named_assets(text)
                if re.search(r"(fontawesome|bootstrap)\.js|searchindex\.js", url)
            ]
        )
    }
    assert not bad, f"pages that still name these scripts: {bad}"


def test_search_page_fetches_the_index_only_for_a_query(
    built_book: Path, pages: dict[str, str]
) -> None:
    from cstolab.sphinxext.assets import slim_head

    text = pages["search.html"]
    assert 'get("q")' in text and '"searchindex.js"' in text, "no lazy index loader"
    assert (built_book / "searchindex.js").is_file()
    # the page keeps the search tools themselves
    assert "searchtools.js" in " ".join(_named_assets(text))
    assert "searchtools" not in slim_head('<script src="_static/searchtools.js"></script>', "x")


def test_chart_pages_defer_one_vega_bundle_and_queue_vega_specs(
    built_book: Path, pages: dict[str, str]
) -> None:
    chart_pages = {p: t for p, t in pages.items() if budget.chart_ids(t)}
    assert chart_pages
    bundle = (built_book / "_static" / budget.CHART_LIBRARY).read_text(encoding="utf-8")[:300]
    assert "from its npm package" in bundle, (
        "the book was built with vl-convert's heavier Vega bundle: `npm pack vega` failed"
        " (see cstolab.sphinxext.vega.vega_runtime; needs npm and the npm registry once)"
    )
    for page, text in chart_pages.items():
        tags = re.findall(r"<script[^>]*cstolab-vega\.js[^>]*>", text)
        assert len(tags) == 1 and "defer" in tags[0], f"{page}: {tags}"
        for spec in budget.chart_specs(text):
            assert "/vega/" in spec.get("$schema", ""), f"{page}: a chart is not compiled to Vega"
        assert "cdn.jsdelivr" not in text and "vega-lite@" not in text, page


def test_only_the_books_icons_are_shipped(built_book: Path, pages: dict[str, str]) -> None:
    """The icon font holds the book's icons only, and every icon a page names has its glyph."""
    from cstolab.sphinxext.slim import icon_codepoints

    static = built_book / "_static"
    css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    defined = set(re.findall(r"\.fa-([\w-]+):+before\{content:", css))
    assert 0 < len(defined) < 60, f"{len(defined)} icon classes left in the theme's stylesheet"
    used = {
        name
        for text in pages.values()
        for value in re.findall(r'class="([^"]*)"', text)
        for name in re.findall(r"\bfa-([\w-]+)", value)
    }
    modifiers = {"solid", "regular", "brands", "lg", "fw", "xs", "sm", "2x", "3x"}
    assert used - modifiers - defined == set(), "icons named by pages but without a glyph rule"
    fonts = static / "vendor" / "fontawesome" / "webfonts"
    from fontTools.ttLib import TTFont

    glyphs: set[int] = set()
    for font in fonts.glob("fa-*.woff2"):
        assert font.stat().st_size < 20_000, f"{font.name} is {font.stat().st_size:,} bytes"
        glyphs |= set(TTFont(str(font)).getBestCmap() or {})
    assert icon_codepoints(css) <= glyphs, "icons in the stylesheet missing from the fonts"


def test_page_assets_follow_the_page(pages: dict[str, str]) -> None:
    """A page without code loads no copy button, one without a toggle no toggle script."""
    checked = 0
    for page, text in pages.items():
        body = text[text.find("<article") :]
        names = " ".join(_named_assets(text))
        if 'class="highlight' not in body:
            assert "copybutton.js" not in names, page
            checked += 1
        if not re.search(r'class="[^"]*\b(?:toggle|dropdown)\b', body):
            assert "togglebutton.js" not in names, page
    assert checked, "every page has code: the copy-button check checked nothing"


# --- the pieces, on small inputs (no build needed) -------------------------------------------


def test_purge_css_keeps_what_can_match() -> None:
    from cstolab.sphinxext.slim import purge_css, selector_used

    css = (
        ".a{x:1}.b,.a .c{x:2}#d{x:3}@media (min-width:1px){.b{x:4}.a{x:5}}"
        'a:not(.zz){x:6}.a[data-x=".q"]{x:7}@font-face{font-family:f}'
    )
    out = purge_css(css, {"a", "c"})
    assert out == (
        ".a{x:1}.a .c{x:2}@media (min-width:1px){.a{x:5}}a:not(.zz){x:6}"
        '.a[data-x=".q"]{x:7}@font-face{font-family:f}'
    )
    assert not selector_used(".a.b", {"a"}) and selector_used(".\\!a", {"!a"})


def test_assets_needed_by_feature() -> None:
    from cstolab.sphinxext.assets import needed

    code = '<div class="highlight-python notranslate"><div class="highlight">'
    assert needed("copybutton.js", code) and not needed("copybutton.js", "<p>text</p>")
    assert needed("cstolab.js", "") and not needed("sphinx-design.min.css", "<p>")
    assert needed("mystnb.abc123.css", '<div class="cell docutils container">')


def test_vega_runtime_matches_altair() -> None:
    import altair as alt

    from cstolab.sphinxext.vega import VEGA_VERSION, chart_script

    assert VEGA_VERSION.split(".")[0] == str(alt.VEGA_VERSION).split(".")[0]
    script = chart_script({"description": "</script>"}, {}, "altair-viz-1")
    assert script.count("</script>") == 1 and budget.chart_specs(
        '<div id="altair-viz-1"></div>' + script
    ) == [{"description": "</script>"}]
