"""Sphinx extension: serve Vega, Vega-Lite and Vega-Embed from the book itself.

Altair's HTML output loads these libraries from a CDN unless a global ``VEGA_DEBUG`` already
names the versions it wants and a global ``vegaEmbed`` exists. At build time this extension
writes ``_static/cstolab-vega.js`` (the bundle from ``vl_convert.javascript_bundle()``, wrapped in
a function so its internal names stay out of the page, followed by the ``VEGA_DEBUG`` versions
derived from the installed Altair) and adds it only to pages that contain an Altair chart.

Enable with ``extra_extensions: [cstolab.sphinxext]`` in ``book/_config.yml``.
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


def _asset_key(asset: Any) -> tuple[str, tuple[tuple[str, str], ...]]:
    filename = getattr(asset, "filename", asset) or ""
    attributes = getattr(asset, "attributes", {}) or {}
    return str(filename), tuple(sorted((str(k), str(v)) for k, v in attributes.items()))


def _is_thebe_asset(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str((getattr(asset, "attributes", {}) or {}).get("body", ""))
    return filename.endswith(("sphinx-thebe.js", "sphinx-thebe.css")) or "THEBE_JS_URL" in body


# (generated HTML, accessible replacement): each fixes an axe-core finding in the built book.
_BODY_FIXES = (
    # myst-nb's "hide-output" toggle names itself "Toggle hidden content" while it shows "Show code
    # cell output" (label-content-name-mismatch): let the visible text name it.
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    # docutils marks bibliography entries with the deprecated role doc-biblioentry inside a
    # role="list", which then has no list items (aria-required-children, critical).
    ('role="doc-biblioentry"', 'role="listitem"'),
)


def _tidy_page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Fix the page's assets and markup just before it is written.

    - Sphinx 7.4 lists inline scripts added after the builder started twice (once with filename
      ``None``, once with ``''``), so thebe's ``const THEBE_JS_URL`` is declared twice and the page
      logs a SyntaxError. Keep the first of equal scripts.
    - Without the thebe launch button nothing on the page uses thebe: drop its loader, which names
      a CDN, so that the book references only its own files.
    - Rewrite the few generated attributes that fail the accessibility checks (``_BODY_FIXES``).
    """
    launch = (getattr(app.config, "html_theme_options", None) or {}).get("launch_buttons", {}) or {}
    drop_thebe = not launch.get("thebe")
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if not isinstance(assets, list):
            continue
        seen: set[Any] = set()
        kept = []
        for asset in assets:
            ident = _asset_key(asset)
            if ident in seen or (drop_thebe and _is_thebe_asset(asset)):
                continue
            seen.add(ident)
            kept.append(asset)
        context[key] = kept
    body = context.get("body")
    if isinstance(body, str):
        for old, new in _BODY_FIXES:
            body = body.replace(old, new)
        context["body"] = body


def _escape_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def datasets_markdown() -> str:
    """MyST text documenting every dataset of ``data/datapackage.json`` (one section each)."""
    import cstolab

    lines: list[str] = []
    for name in cstolab.datasets():
        info = cstolab.describe(name)
        rows = len(cstolab.load(name))
        key = info["primary_key"]
        key_text = f" · key: `{', '.join(key) if isinstance(key, list) else key}`" if key else ""
        lines += [
            f"## {info['title']}",
            "",
            f'`cstolab.load("{name}")` · file `data/{info["path"]}` · **{rows} rows**{key_text}',
            "",
            info["description"],
            "",
            "| field | type | unit | meaning |",
            "|---|---|---|---|",
        ]
        for f in info["fields"]:
            meaning = f["description"]
            if "enum" in f:
                meaning += " Values: " + ", ".join(f"`{v}`" for v in f["enum"]) + "."
            lines.append(
                f"| `{f['name']}` | {f['type']} | {_escape_cell(f['unit']) or '–'} | {_escape_cell(meaning)} |"
            )
        keys = sorted({s["bibkey"] for s in info["sources"] if s.get("bibkey")})
        lines.append("")
        if keys:
            lines.append(
                "Main sources: {cite:t}`"
                + ",".join(keys)
                + "`; each row names its own in `source_id`."
            )
        else:
            lines.append("Each row names its source in `source_id`.")
        licences = ", ".join(lic.get("title", lic.get("name", "")) for lic in info["licenses"])
        lines += ["", f"Licence: {licences}.", ""]
    return "\n".join(lines)


def _datasets_directive() -> Any:
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class DatasetsDirective(SphinxDirective):
        """``{cstolab-datasets}``: a section per dataset, generated from the data package."""

        has_content = False

        def run(self) -> list[Any]:
            from cstolab.data import data_dir

            self.env.note_dependency(str(data_dir() / "datapackage.json"))
            container = nodes.container()
            text = datasets_markdown()
            document = self.state.document
            before = {id(n) for n in document.findall(nodes.section)}
            self.state.nested_parse(
                StringList(text.splitlines()), self.content_offset, container, match_titles=True
            )
            # Give each dataset's section the label ``data-<name>`` so lessons can {ref} it.
            import cstolab

            # MyST attaches the new sections to the page's section tree, not to ``container``.
            sections = [n for n in document.findall(nodes.section) if id(n) not in before]
            sections += [
                n
                for n in container.findall(nodes.section)
                if id(n) not in before and n not in sections
            ]
            for name, section in zip(cstolab.datasets(), sections, strict=True):
                label = f"data-{name}"
                section["names"].append(label)
                self.state.document.note_explicit_target(section, section)
            return container.children

    return DatasetsDirective


def rubrics_markdown(folder: Path) -> str:
    """MyST text listing every free-text question and its rubric, lesson by lesson."""
    from cstolab.freetext import load_questions

    lines: list[str] = []
    current = None
    for q in sorted(load_questions(folder).values(), key=lambda q: (q.lesson, q.id)):
        if q.lesson != current:
            current = q.lesson
            number, _, topic = q.lesson.partition("_")
            lines += [f"### Lesson {int(number)}: {topic.replace('_', ' ')}", ""]
        lines += [f"**{q.id}.** {q.prompt}", "", "A strong answer:", ""]
        lines += [f"- {c}" for c in q.criteria]
        lines.append("")
        if q.model_answer_outline:
            lines += [
                ":::{admonition} Outline of a model answer",
                ":class: dropdown",
                "",
                q.model_answer_outline,
                ":::",
                "",
            ]
    return "\n".join(lines)


def _rubrics_directive() -> Any:
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class RubricsDirective(SphinxDirective):
        """``{cstolab-rubrics}``: every free-text question with its rubric, from notebooks/rubrics/."""

        has_content = False

        def run(self) -> list[Any]:
            folder = Path(self.env.srcdir) / "notebooks" / "rubrics"
            for path in folder.glob("*.yml"):
                self.env.note_dependency(str(path))
            container = nodes.container()
            text = rubrics_markdown(folder)
            self.state.nested_parse(
                StringList(text.splitlines()), self.content_offset, container, match_titles=True
            )
            return container.children

    return RubricsDirective


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("cstolab-datasets", _datasets_directive())
    app.add_directive("cstolab-rubrics", _rubrics_directive())
    app.connect("builder-inited", _write_bundle)
    app.connect("html-page-context", _add_script_to_chart_pages)
    # Late, so that it sees the scripts every other extension added to the page.
    app.connect("html-page-context", _tidy_page, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
