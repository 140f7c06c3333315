"""Each page loads only the scripts and stylesheets it uses (issue 18: light pages).

Two kinds of assets reach a page:

- the ones extensions register (``script_files``, ``css_files``): :func:`_page_assets` drops,
  per page, those whose feature is absent from the page (copy buttons without code, toggles
  without a toggle, sphinx-design without its components, ...);
- the ones the theme writes into its templates: ``book/_templates/layout.html`` and
  ``search.html`` pass those blocks through :func:`slim_head` (put in the page context as
  ``cstolab_slim``), which drops Font Awesome's JavaScript (2 KB of icons as 1.5 MB of script; the
  build keeps a font of the used icons, :mod:`.slim`), Bootstrap's JavaScript (the course's
  ``cstolab.js`` does the dropdown and back-to-top button the book uses) and the search tools and
  index on every page but the search page, where the index loads only once there is a query.

>>> "searchindex" in slim_head('<script src="searchindex.js"></script>', "intro")
False
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

# asset file name -> test on the page body: keep the asset only where it is true.
_HAS_CODE = re.compile(r'class="highlight')
_HAS_TOGGLE = re.compile(r'class="[^"]*\b(?:toggle|dropdown)\b')
_HAS_DESIGN = re.compile(r'class="[^"]*\bsd-')
_HAS_CELL = re.compile(r'class="[^"]*\b(?:cell|output|text_html|text_plain)\b')
_HAS_EXERCISE = re.compile(r'class="[^"]*\b(?:exercise|solution)\b')
_NEEDS: dict[str, re.Pattern[str]] = {
    "clipboard.min.js": _HAS_CODE,
    "copybutton.js": _HAS_CODE,
    "copybutton.css": _HAS_CODE,
    "pygments.css": _HAS_CODE,
    "togglebutton.js": _HAS_TOGGLE,
    "togglebutton.css": _HAS_TOGGLE,
    "design-tabs.js": _HAS_DESIGN,
    "sphinx-design.min.css": _HAS_DESIGN,
    "exercise.css": _HAS_EXERCISE,
}
# Inline scripts that configure an asset above (sphinx-togglebutton's hints and selector).
_INLINE_OWNER = {
    "toggleHint": "togglebutton.js",
    "toggleOpenOnPrint": "togglebutton.js",
    "togglebuttonSelector": "togglebutton.js",
}


def _name(asset: Any) -> str:
    filename = str(getattr(asset, "filename", asset) or "")
    return filename.split("?")[0].rsplit("/", 1)[-1]


def _owner(asset: Any) -> str:
    name = _name(asset)
    if name:
        return "mystnb.css" if name.startswith("mystnb.") and name.endswith(".css") else name
    body = str((getattr(asset, "attributes", {}) or {}).get("body", ""))
    return next((owner for key, owner in _INLINE_OWNER.items() if key in body), "")


def needed(asset: Any, body: str) -> bool:
    """False if ``asset`` serves a feature that the page ``body`` does not have.

    >>> needed("copybutton.js", "<p>no code</p>"), needed("cstolab.js", "")
    (False, True)
    """
    owner = _owner(asset)
    if owner == "mystnb.css":
        return bool(_HAS_CELL.search(body))
    test = _NEEDS.get(owner)
    return test is None or bool(test.search(body))


def _page_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    # genindex and search have no "body": their templates use none of the optional features.
    body = context.get("body")
    body = body if isinstance(body, str) else ""
    for key in ("script_files", "css_files"):
        if isinstance(context.get(key), list):
            context[key] = [a for a in context[key] if needed(a, body)]
    context["cstolab_slim"] = _slimmer(pagename)


# Script and preload tags of the theme's templates that no page needs (see the module doc).
_THEME_ONLY = re.compile(
    r'\s*<(?:script[^>]*\ssrc|link rel="preload" as="script" href)="[^"]*/'
    r'(?:fontawesome|bootstrap)\.js[^"]*"[^>]*>(?:</script>)?'
)
_SEARCH_TOOL = re.compile(
    r'\s*<script src="([^"]*(?:searchtools|language_data|searchindex)\.js)"></script>'
)
# On the search page the index (about 60 KiB gzip and growing with every lesson) is fetched once
# the reader has searched (``?q=``); Sphinx's searchtools queues the query until it arrives.
_LAZY_INDEX = """
<script>
  if (new URLSearchParams(window.location.search).get("q")) {
    document.head.appendChild(document.createElement("script")).src = "%s";
  }
</script>"""


def slim_head(html: str, pagename: str) -> str:
    """A block of the theme's layout without the scripts this book does not load."""
    html = _THEME_ONLY.sub("", html)
    if pagename != "search":
        return _SEARCH_TOOL.sub("", html)

    def lazy(match: re.Match[str]) -> str:
        url = match.group(1)
        return _LAZY_INDEX % url if url.endswith("searchindex.js") else match.group(0)

    return _SEARCH_TOOL.sub(lazy, html)


def _slimmer(pagename: str) -> Callable[[str], Markup]:
    return lambda html: Markup(slim_head(str(html), pagename))
