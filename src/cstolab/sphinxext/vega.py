"""Serve Vega, Vega-Lite and Vega-Embed from the book itself (no CDN).

Altair's HTML output loads these libraries from a CDN unless a global ``VEGA_DEBUG`` already
names the versions it wants and a global ``vegaEmbed`` exists. At build time we write
``_static/cstolab-vega.js`` (the bundle from ``vl_convert.javascript_bundle()``, wrapped in a
function so its internal names stay out of the page, followed by the ``VEGA_DEBUG`` versions
derived from the installed Altair) and add it only to pages that contain an Altair chart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SCRIPT_NAME = "cstolab-vega.js"
CHART_MARKER = "altair-viz-"
CDN_URL = re.compile(r"https://cdn\.jsdelivr\.net/npm/[^\"'\s]+")


def _vega_versions() -> dict[str, str]:
    import altair as alt

    return {
        "vega_version": alt.VEGA_VERSION,
        "vegalite_version": alt.VEGALITE_VERSION,
        "vegaembed_version": alt.VEGAEMBED_VERSION,
    }


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


def _write_bundle(app: Any) -> None:
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    target = static / SCRIPT_NAME
    content = build_bundle()
    if not target.exists() or target.read_text(encoding="utf-8") != content:
        target.write_text(content, encoding="utf-8")


def _add_script_to_chart_pages(
    app: Any, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    body = context.get("body", "")
    if CHART_MARKER in body:
        # Loaded synchronously in <head>, so it runs before the charts' inline scripts.
        app.add_js_file(SCRIPT_NAME)
        # Altair's output keeps CDN addresses as a fallback for when VEGA_DEBUG does not match.
        # Point that fallback at our own bundle too, so no page can ever ask a third party.
        local = context["pathto"](f"_static/{SCRIPT_NAME}", 1)
        context["body"] = CDN_URL.sub(local, body)
