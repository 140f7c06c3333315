"""One self-contained copy of Vega, Vega-Lite and Vega-Embed for the book and for JupyterLab.

Altair's HTML output loads these libraries from a CDN unless a global ``VEGA_DEBUG`` already
names the versions it wants and a global ``vegaEmbed`` exists. :func:`build_bundle` returns a
script that provides both: the bundle from ``vl_convert.javascript_bundle()``, wrapped in a
function so its internal names stay out of the page, followed by the ``VEGA_DEBUG`` versions
derived from the installed Altair. The book serves it from ``_static`` (:mod:`cstolab.sphinxext`);
a Jupyter server serves it at ``/cstolab/vega.js`` (:mod:`cstolab.labserver`).

>>> "vegaEmbed" in build_bundle()
True
"""

from __future__ import annotations

import functools
import json


def _vega_versions() -> dict[str, str]:
    import altair as alt

    return {
        "vega_version": alt.VEGA_VERSION,
        "vegalite_version": alt.VEGALITE_VERSION,
        "vegaembed_version": alt.VEGAEMBED_VERSION,
    }


@functools.cache
def build_bundle() -> str:
    """Return the self-contained script that provides ``vegaEmbed`` and ``VEGA_DEBUG``."""
    import altair as alt
    import vl_convert

    major_minor = "v" + ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    available = vl_convert.get_vegalite_versions()
    vl_version = major_minor if major_minor in available else None
    bundle = (
        vl_convert.javascript_bundle(vl_version=vl_version)
        if vl_version
        else vl_convert.javascript_bundle()
    )
    versions = json.dumps(_vega_versions())
    return (
        "/* Vega, Vega-Lite and Vega-Embed bundled by vl-convert; generated at build time by"
        " cstolab.sphinxext. Licences: BSD-3-Clause (Vega projects). */\n"
        "(function () {\n"
        f"{bundle}\n"
        "})();\n"
        f"window.VEGA_DEBUG = Object.assign(window.VEGA_DEBUG || {{}}, {versions});\n"
        f"{_EMBED_A11Y_JS}"
    )


# Vega-Embed's actions menu is a <details> whose <summary> holds only an SVG of three dots, so it
# has no accessible name (axe: summary-name, serious). Name it once the chart is embedded.
_EMBED_A11Y_JS = """(function () {
  var embed = window.vegaEmbed;
  if (typeof embed !== "function" || embed.cstolabA11y) { return; }
  var wrapped = function (el, spec, opts) {
    return embed(el, spec, opts).then(function (result) {
      var root = typeof el === "string" ? document.querySelector(el) : el;
      if (root) {
        root.querySelectorAll("details > summary").forEach(function (summary) {
          if (!summary.hasAttribute("aria-label")) {
            summary.setAttribute("aria-label", "Chart actions");
          }
          summary.querySelectorAll("svg").forEach(function (svg) {
            svg.setAttribute("aria-hidden", "true");
          });
        });
      }
      return result;
    });
  };
  Object.keys(embed).forEach(function (key) { wrapped[key] = embed[key]; });
  wrapped.cstolabA11y = true;
  window.vegaEmbed = wrapped;
})();
"""
