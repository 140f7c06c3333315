"""Static analysis of the built book for the performance budget (no browser, no timing).

Used by ``benchmarks/run_all.py`` (the budget table) and by ``tests/test_book_budget.py`` (the
structural targets, asserted on every build). Everything is discovered from ``book/_toc.yml`` and
the built HTML tree, so new lessons are covered without editing this file.

- :func:`toc_pages` lists the HTML page of every toc entry (plus Sphinx's own ``genindex`` and
  ``search``), :func:`built_pages` every page in the build;
- :func:`page_weight` adds up the bytes a page makes the browser fetch (HTML, JS, CSS, data), raw
  and gzipped: the HTML plus every script, stylesheet (with its ``@import``s) and preload it
  names, each file once; :func:`page_limit` is the limit for its kind (chart or text page) and
  :func:`stock_reference` the same figure for a page of a stock Jupyter Book 1;
- :func:`chart_specs` extracts the Vega-Lite spec of every Altair chart on a page;
- :func:`chart_library_loads` counts how often a page loads the chart JavaScript.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
# ``CSTOLAB_BOOK_HTML`` measures an HTML build made elsewhere (as in tests/conftest.py).
HTML = Path(os.environ.get("CSTOLAB_BOOK_HTML") or BOOK / "_build" / "html")

CHART_MARKER = "altair-viz-"
CHART_LIBRARY = "cstolab-vega.js"
MAX_SPEC_BYTES = 200_000
# Pages Sphinx writes besides the toc's: the index of terms and the search page (both reachable
# from every page). ``index.html`` is only a redirect to the root page.
SPHINX_PAGES = ("genindex.html", "search.html")
REDIRECT_PAGE = "index.html"
SOURCE_SUFFIXES = (".md", ".ipynb", ".rst", ".myst")
# Issue 18, light pages: what a page makes the browser fetch (``Weight.total_gz``), gzip level 6.
CHART_PAGE_LIMIT = 400 * 1024
TEXT_PAGE_LIMIT = 120 * 1024


# --- pages ---------------------------------------------------------------------------------


def _toc_entries(node: object) -> list[tuple[str, str]]:
    """(kind, value) for every ``file`` and ``glob`` entry of a (sub)tree of the toc."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for kind in ("root", "file", "glob"):
            if isinstance(node.get(kind), str):
                found.append((kind if kind != "root" else "file", node[kind]))
        for value in node.values():
            if isinstance(value, dict | list):
                found += _toc_entries(value)
    elif isinstance(node, list):
        for item in node:
            found += _toc_entries(item)
    return found


def _docname(path: str) -> str:
    for suffix in SOURCE_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def toc_docnames(book: Path = BOOK) -> list[str]:
    """Docnames (source paths without suffix, relative to ``book``) in the order of the toc."""
    import yaml

    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    for kind, value in _toc_entries(toc):
        if kind == "file":
            candidates = [_docname(value)]
        else:  # glob
            candidates = sorted(
                _docname(str(p.relative_to(book)))
                for p in book.glob(value)
                if p.suffix in SOURCE_SUFFIXES and "_build" not in p.parts
            )
        for name in candidates:
            if name not in names:
                names.append(name)
    return names


def toc_pages(book: Path = BOOK) -> list[str]:
    """Relative URL of every page a reader can reach: the toc's pages, then genindex and search."""
    return [f"{name}.html" for name in toc_docnames(book)] + list(SPHINX_PAGES)


def toc_sources(book: Path = BOOK) -> list[Path]:
    """Source file of every toc entry (``.md`` or ``.ipynb``, through the notebooks symlink)."""
    sources = []
    for name in toc_docnames(book):
        for suffix in SOURCE_SUFFIXES:
            path = book / f"{name}{suffix}"
            if path.is_file():
                sources.append(path)
                break
    return sources


def built_pages(html: Path = HTML) -> list[str]:
    """Relative URL of every HTML page in the build (assets and page sources excluded)."""
    pages = []
    for path in sorted(html.rglob("*.html")):
        rel = path.relative_to(html)
        if rel.parts[0] in ("_static", "_sources", "_images", "_downloads"):
            continue
        pages.append(rel.as_posix())
    return pages


# --- page assets ---------------------------------------------------------------------------


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.preloads: list[str] = []
        self.images: list[str] = []
        self.icons: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "link":
            rel = a.get("rel", "").lower().split()
            if "stylesheet" in rel:
                self.styles.append(a.get("href", ""))
            elif "preload" in rel or "modulepreload" in rel:
                self.preloads.append(a.get("href", ""))
            elif "icon" in rel:
                self.icons.append(a.get("href", ""))
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])


def _local(html: Path, page: str, url: str) -> Path | None:
    """File behind a URL of ``page``, or None for external and data: URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = (html / page).parent
    return (base / unquote(parts.path)).resolve()


_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?[\"']?([^\"')\s;]+)")


def _with_imports(css: Path, seen: set[Path]) -> list[Path]:
    if css in seen or not css.is_file():
        return []
    seen.add(css)
    files = [css]
    for target in _CSS_IMPORT.findall(css.read_text(encoding="utf-8", errors="replace")):
        if not urlsplit(target).scheme:
            files += _with_imports((css.parent / target).resolve(), seen)
    return files


@dataclass
class Weight:
    """Bytes a page makes the browser fetch, raw and gzipped, by kind.

    ``html`` is the page itself (its inline chart specs included), ``js`` and ``css`` the files it
    loads (CSS ``@import``s followed), ``data`` the chart specs inlined in the HTML plus the search
    index. ``total`` counts every byte once (the specs are part of ``html``).
    """

    page: str
    html: int = 0
    js: int = 0
    css: int = 0
    data: int = 0
    html_gz: int = 0
    js_gz: int = 0
    css_gz: int = 0
    data_gz: int = 0
    charts: int = 0
    spec_bytes: int = 0
    spec_bytes_gz: int = 0
    largest_spec: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.js + self.css + self.data - self.spec_bytes

    @property
    def total_gz(self) -> int:
        return self.html_gz + self.js_gz + self.css_gz + self.data_gz - self.spec_bytes_gz

    def as_dict(self) -> dict:
        return {**asdict(self), "total": self.total, "total_gz": self.total_gz}


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(page: str, html: Path = HTML) -> Weight:
    """What loading ``page`` (relative URL) makes the browser download from the book."""
    text = (html / page).read_text(encoding="utf-8")
    raw = text.encode("utf-8")
    parser = _AssetParser()
    parser.feed(text)
    w = Weight(page=page, html=len(raw), html_gz=_gz(raw))
    scripts = {p for u in parser.scripts + parser.preloads if (p := _local(html, page, u))}
    styles: list[Path] = []
    seen: set[Path] = set()
    for url in parser.styles:
        if (p := _local(html, page, url)) is not None:
            if not p.is_file():
                w.missing.append(str(p))
            styles += _with_imports(p, seen)
    for path in sorted(scripts):
        if not path.is_file():
            w.missing.append(str(path))
            continue
        body = path.read_bytes()
        if path.name == "searchindex.js":
            w.data += len(body)
            w.data_gz += _gz(body)
        else:
            w.js += len(body)
            w.js_gz += _gz(body)
    for path in styles:
        body = path.read_bytes()
        w.css += len(body)
        w.css_gz += _gz(body)
    specs = chart_specs(text)
    w.charts = len(specs)
    for spec in specs:
        encoded = json.dumps(spec).encode("utf-8")
        w.spec_bytes += len(encoded)
        w.spec_bytes_gz += _gz(encoded)
        w.largest_spec = max(w.largest_spec, spec_size(spec))
    w.data += w.spec_bytes
    w.data_gz += w.spec_bytes_gz
    return w


# --- charts --------------------------------------------------------------------------------

_CHART_DIV = re.compile(
    r'<div id="(altair-viz-[0-9a-f]+)"></div>\s*<script[^>]*>(.*?)</script>', re.S
)
_CALL = re.compile(r"\}\)\(\s*(?=\{)")


def chart_specs(text: str) -> list[dict]:
    """The Vega-Lite spec of every Altair chart in a page's HTML, in page order.

    Altair's HTML output ends its inline script with ``})(SPEC, EMBED_OPTIONS);``: decode the JSON
    that follows the last ``})(``.
    """
    decoder = json.JSONDecoder()
    specs = []
    for _chart_id, script in _CHART_DIV.findall(text):
        calls = list(_CALL.finditer(script))
        if not calls:
            raise ValueError(f"cannot find the spec of chart {_chart_id}")
        spec, _end = decoder.raw_decode(script, calls[-1].end())
        specs.append(spec)
    return specs


def spec_size(spec: dict) -> int:
    """Bytes of a spec as JSON, measured like ``cstolab.charts.spec_bytes`` (data included)."""
    return len(json.dumps(spec).encode("utf-8"))


def chart_ids(text: str) -> list[str]:
    """Ids of the Altair chart containers in a page's HTML (each chart appears once)."""
    return sorted(set(re.findall(r'id="(altair-viz-[0-9a-f]+)"', text)))


def chart_library_loads(text: str) -> int:
    """How many ``<script src>`` of a page load Vega / Vega-Lite / Vega-Embed (ours or a CDN's)."""
    parser = _AssetParser()
    parser.feed(text)
    return sum(
        1
        for src in parser.scripts
        if re.search(r"cstolab-vega\.js|/vega(?:-lite|-embed|-lib)?[@/.]", src)
    )


def has_sliders(spec: dict) -> bool:
    """True if a spec binds a param to a range input (a slider)."""
    found = False

    def walk(node: object) -> None:
        nonlocal found
        if isinstance(node, dict):
            bind = node.get("bind")
            if isinstance(bind, dict) and bind.get("input") == "range":
                found = True
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return found


# --- limits and the stock reference --------------------------------------------------------


def page_limit(weight: Weight) -> int:
    """The gzip budget of a page: :data:`CHART_PAGE_LIMIT` with a chart, else ``TEXT_PAGE_LIMIT``."""
    return CHART_PAGE_LIMIT if weight.charts else TEXT_PAGE_LIMIT


def heaviest(weights: list[Weight], charts: bool) -> Weight | None:
    """The heaviest (gzip) chart page, or text page, of ``weights``."""
    kind = [w for w in weights if bool(w.charts) == charts]
    return max(kind, key=lambda w: w.total_gz) if kind else None


def stock_reference(workdir: Path, jupyter_book: str = "jupyter-book") -> Weight:
    """The heaviest page of a stock Jupyter Book 1 (``jupyter-book create``), built in ``workdir``.

    The template's notebooks are not executed (as in our light builds: their outputs do not
    change what the theme loads).
    """
    import subprocess

    import yaml

    book = workdir / "stock"
    subprocess.run([jupyter_book, "create", str(book)], check=True, capture_output=True)
    config_path = book / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run([jupyter_book, "build", str(book)], check=True, capture_output=True, text=True)
    html = book / "_build" / "html"
    weights = [page_weight(p, html) for p in built_pages(html) if p != REDIRECT_PAGE]
    return max(weights, key=lambda w: w.total_gz)
