"""Last-moment fixes to each page's assets and markup (duplicate scripts, accessibility)."""

from __future__ import annotations

from typing import Any


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
