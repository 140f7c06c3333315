"""Charts draw in JupyterLab with no network: the server extension serves Vega, not a CDN.

A student who opens a lesson in JupyterLab (``make lab``) on a train must see the charts. The
course's Altair renderer (:mod:`cstolab.charts`) loads Vega from ``<base_url>cstolab/vega.js``,
which the Jupyter server extension :mod:`cstolab.labserver` serves; the installed package switches
the extension on. Here a real JupyterLab (started as a student would, with no extra arguments
about extensions) opens a trusted notebook with a chart output in Debian's Chromium, every request
to a host other than 127.0.0.1 blocked, and the chart must be drawn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from lab_session import CHROMIUM, guarded_context, jupyter_lab

IN_CI = os.environ.get("CI", "").lower() == "true"


def _chart_bundle() -> dict[str, str]:
    import altair as alt

    from cstolab import charts

    chart = charts.described(
        alt.Chart(pd.DataFrame({"year": [1992, 2002, 2022], "members": [6, 6, 6]}))
        .mark_line(point=True)
        .encode(x="year:O", y="members:Q"),
        "Three points, one per year.",
    )
    bundle = chart._repr_mimebundle_()
    return bundle[0] if isinstance(bundle, tuple) else bundle


def test_renderer_loads_vega_from_the_jupyter_server():
    html = _chart_bundle()["text/html"]
    assert "jupyter-config-data" in html
    assert "cstolab/vega.js" in html
    # the loader is inserted before Altair's own loader runs, and Altair's fallback stays intact
    assert html.index("cstolab/vega.js") < html.index("function maybeLoadScript(")


def test_installed_environment_switches_the_extension_on():
    config = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / "cstolab.json"
    assert json.loads(config.read_text())["ServerApp"]["jpserver_extensions"] == {
        "cstolab.labserver": True
    }


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab on 127.0.0.1 over a folder with one trusted notebook holding a chart."""
    home = tmp_path_factory.mktemp("lab")
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "chart",
            execution_count=1,
            outputs=[nbformat.v4.new_output("display_data", data=_chart_bundle())],
        )
    )
    path = home / "chart.ipynb"
    nbformat.write(notebook, path)
    # Output scripts run only in trusted notebooks: trust it as `jupyter trust` would.
    env = {**os.environ, "JUPYTER_DATA_DIR": str(home / ".data")}
    subprocess.run(
        [sys.executable, "-m", "jupyter", "trust", str(path)],
        env=env,
        check=True,
        capture_output=True,
    )
    with jupyter_lab(home, home) as base:
        yield base


def test_server_serves_the_bundle(lab: str):
    with urllib.request.urlopen(lab + "cstolab/vega.js", timeout=60) as response:
        body = response.read().decode("utf-8")
        assert response.headers["Content-Type"].startswith("text/javascript")
    assert "vegaEmbed" in body and "VEGA_DEBUG" in body


@pytest.mark.browser
@pytest.mark.slow
def test_chart_draws_in_jupyterlab_offline(lab: str):
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"Chromium is not installed at {CHROMIUM} (CI=true: this test must run)")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    seen: list[str] = []
    with sync_playwright() as playwright, guarded_context(playwright, blocked, seen) as context:
        page = context.new_page()
        page.goto(lab + "lab/tree/chart.ipynb", wait_until="load")
        svg = page.locator(".jp-OutputArea-output svg.marks").first
        svg.wait_for(state="attached", timeout=60_000)
        marks = page.locator(".jp-OutputArea-output svg.marks .mark-symbol path")
        assert marks.count() == 3
        # the description reaches assistive technology here too (Vega 6 puts it on the
        # graphics-document wrapper around the SVG)
        label = svg.evaluate(
            "svg => svg.closest('[role=\"graphics-document\"]').getAttribute('aria-label')"
        )
        assert label == "Three points, one per year."
    vega_requests = [url for url in seen if "vega" in url]

    assert not [url for url in blocked if "vega" in url or "jsdelivr" in url], blocked
    assert vega_requests == [lab + "cstolab/vega.js"]
