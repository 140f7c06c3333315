"""Structural targets of the performance budget, asserted on the built book (fast, not timed).

The timed targets (build times, nbval, import time, time to draw) are measured by
``benchmarks/run_all.py`` (``make benchmarks``); these are the ones that must hold on every build:

- the chart JavaScript is loaded only by pages that have a chart, and once per page;
- no chart spec is over 200 KB (``cstolab.charts.MAX_SPEC_BYTES``);
- every chart spec carries a text description (read by screen readers);
- every script and stylesheet a page asks for exists in the build (no 404).
"""

from __future__ import annotations

import importlib.util
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
