"""Serve Vega, Vega-Lite and Vega-Embed from the book itself (no CDN).

At build time we write ``_static/cstolab-vega.js`` (:func:`cstolab.vegajs.build_bundle`) and add
it only to pages that contain an Altair chart.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cstolab.vegajs import build_bundle

SCRIPT_NAME = "cstolab-vega.js"
CHART_MARKER = "altair-viz-"
CDN_URL = re.compile(r"https://cdn\.jsdelivr\.net/npm/[^\"'\s]+")


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
