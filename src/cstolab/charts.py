"""The course's Altair look: a registered theme and the renderer settings every lesson uses.

Importing this module registers and enables the ``cstolab`` theme (readable fonts, a
colour-blind-safe palette with at least 3:1 contrast against the white chart background) and
renders charts as HTML that draws with SVG, which screen readers and the browser tests can inspect.

    >>> import altair as alt
    >>> from cstolab import charts
    >>> alt.theme.active
    'cstolab'

In the built book the HTML output finds Vega, Vega-Lite and Vega-Embed already loaded from the
book's own ``_static`` folder (see :mod:`cstolab.sphinxext`) and makes no network request. In
JupyterLab it loads them from the Jupyter server (see :mod:`cstolab.labserver`), not a CDN.
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt

# Okabe & Ito (2008) colour-blind-safe palette. Orange, sky blue and yellow are replaced by darker
# tones (or grey) because the originals fall below the 3:1 non-text contrast of WCAG 2.1 AA on white.
PALETTE: list[str] = [
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#8C6D00",  # dark ochre (darkened Okabe-Ito orange)
    "#000000",  # black
    "#5C5C5C",  # grey
    "#6F4E9E",  # violet
]
FONT = "Inter, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1a1a1a"
MAX_SPEC_BYTES = 200_000


@alt.theme.register("cstolab", enable=True)
def cstolab_theme() -> alt.theme.ThemeConfig:
    """Theme used by every chart of the course."""
    return {
        "config": {
            "background": "white",
            "font": FONT,
            "view": {"continuousWidth": 520, "continuousHeight": 300, "stroke": "#d0d0d0"},
            "title": {"fontSize": 16, "fontWeight": 600, "color": TEXT_COLOUR, "anchor": "start"},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "labelColor": TEXT_COLOUR,
                "titleColor": TEXT_COLOUR,
                "gridColor": "#e6e6e6",
            },
            # Legends below the plot: a legend at the side is cut off in the book's narrow column.
            "legend": {
                "orient": "bottom",
                "direction": "horizontal",
                "columns": 4,
                "labelFontSize": 12,
                "titleFontSize": 13,
                "labelColor": TEXT_COLOUR,
                "titleColor": TEXT_COLOUR,
                "labelLimit": 260,
            },
            "header": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": TEXT_COLOUR},
            "range": {"category": PALETTE},
            "mark": {"color": PALETTE[0]},
            "text": {"color": TEXT_COLOUR},
        }
    }


# Inserted into Altair's HTML output before its loader runs. Inside a Jupyter server (JupyterLab,
# Notebook 7: the page carries "jupyter-config-data") the loader fetches the bundle that
# cstolab.labserver serves, instead of the CDN. Elsewhere (the book, other front ends) it changes
# nothing: the book already has Vega loaded and rewrites the CDN fallback (cstolab.sphinxext).
_JUPYTER_LOADER = """
    (function () {
      var config = document.getElementById("jupyter-config-data");
      if (!config || (typeof define === "function" && define.amd)) { return; }
      try {
        var local = JSON.parse(config.textContent).baseUrl.replace(/\\/?$/, "/") + "%s";
        Object.keys(paths).forEach(function (lib) { paths[lib] = local; });
      } catch (err) { /* keep Altair's addresses */ }
    })();
"""
_LOADER_ANCHOR = "    function maybeLoadScript("


def offline_html_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """Altair's HTML renderer, with Vega loaded from the Jupyter server when there is one.

    Registered as the Altair renderer ``"cstolab"``.

    >>> bundle = offline_html_renderer({"mark": "point"})
    >>> "cstolab/vega.js" in bundle["text/html"]
    True
    """
    from altair.vegalite.v6.display import html_renderer

    from cstolab.labserver import URL_PATH

    bundle = dict(html_renderer(spec, **metadata))
    html = bundle["text/html"]
    if _LOADER_ANCHOR not in html:
        raise RuntimeError(
            "Altair's HTML template changed: cstolab.charts cannot insert its offline loader; "
            "update _LOADER_ANCHOR"
        )
    bundle["text/html"] = html.replace(
        _LOADER_ANCHOR, (_JUPYTER_LOADER % URL_PATH) + "\n" + _LOADER_ANCHOR, 1
    )
    return bundle


alt.renderers.register("cstolab", offline_html_renderer)

# SVG (not canvas) so the drawing is in the DOM for assistive technology and tests; only the
# export actions, since "open in editor" would send the reader to a third-party site.
alt.renderers.enable(
    "cstolab",
    embed_options={
        "renderer": "svg",
        "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    },
)


def spec_bytes(chart: alt.TopLevelMixin) -> int:
    """Size in bytes of a chart's JSON spec (data included).

    >>> import pandas as pd
    >>> spec_bytes(alt.Chart(pd.DataFrame({"a": [1]})).mark_point()) < 2000
    True
    """
    return len(json.dumps(chart.to_dict()).encode("utf-8"))


def described(chart: alt.TopLevelMixin, description: str, **properties: Any) -> alt.TopLevelMixin:
    """Attach a text description (read by screen readers as the SVG's label) and check the size.

    Raises ValueError if the description is empty or the spec exceeds the course's 200 KB budget.

    >>> import pandas as pd
    >>> c = described(alt.Chart(pd.DataFrame({"a": [1]})).mark_point(), "One point.")
    >>> c.to_dict()["description"]
    'One point.'
    """
    if not isinstance(description, str) or not description.strip():
        raise ValueError("every chart needs a text description: pass a non-empty sentence")
    chart = chart.properties(description=description, **properties)
    size = spec_bytes(chart)
    if size > MAX_SPEC_BYTES:
        raise ValueError(
            f"chart spec is {size:,} bytes, over the {MAX_SPEC_BYTES:,} byte budget; "
            "aggregate or select columns before charting"
        )
    return chart
