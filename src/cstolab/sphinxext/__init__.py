"""Sphinx extension of the cstolab book (``extra_extensions: [cstolab.sphinxext]``).

- :mod:`.vega`: charts draw from the book's own copy of Vega (no CDN), loaded only where needed;
- :mod:`.assets`, :mod:`.slim`: each page loads only the scripts and styles it uses (light pages);
- :mod:`.tidy`: fixes to generated markup found by the accessibility tests;
- :mod:`.pages`: the datasets page and the rubric list, generated from the data files;
- :mod:`.grades`: the source-grades page, generated from the bibliography.
- :mod:`.printing`: the PDF (LaTeX builder only): charts as pictures, quizzes as questions.
- :mod:`.launch`: a clear error for launch buttons set without a repository URL.
"""

from __future__ import annotations

from typing import Any

from cstolab.sphinxext.assets import _page_assets
from cstolab.sphinxext.grades import (
    _source_grades_directive,
    reprints_markdown,
    source_grades_markdown,
)
from cstolab.sphinxext.pages import (
    _datasets_directive,
    _rubrics_directive,
    datasets_markdown,
    rubrics_markdown,
)
from cstolab.sphinxext.slim import _slim_build
from cstolab.sphinxext.tidy import _tidy_page
from cstolab.sphinxext.vega import (
    SCRIPT_NAME,
    _add_script_to_chart_pages,
    _write_bundle,
)

__all__ = [
    "setup",
    "datasets_markdown",
    "rubrics_markdown",
    "source_grades_markdown",
    "reprints_markdown",
    "SCRIPT_NAME",
]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cstolab-datasets", _datasets_directive())
    app.add_directive("cstolab-rubrics", _rubrics_directive())
    app.add_directive("cstolab-source-grades", _source_grades_directive())
    app.add_directive("cstolab-reprints", _source_grades_directive(reprints_markdown))
    app.connect("builder-inited", _write_bundle)
    app.setup_extension("cstolab.sphinxext.printing")  # the PDF: static charts, printed quizzes
    app.setup_extension("cstolab.sphinxext.launch")  # launch buttons need a repository URL
    app.connect("html-page-context", _add_script_to_chart_pages)
    # Late, so that it sees the scripts every other extension added to the page.
    app.connect("html-page-context", _tidy_page, priority=900)
    # Later still: drop, per page, the assets of features the page lacks (after every addition).
    app.connect("html-page-context", _page_assets, priority=950)
    app.connect("build-finished", _slim_build)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
