"""After the HTML build: stylesheets keep only the rules the book can use; icon fonts only its icons.

pydata-sphinx-theme ships one stylesheet (400 KB, 66 KiB gzip) with all of Bootstrap and Font
Awesome's 2,000 icon classes, and Font Awesome fonts of every icon; the book uses a fraction of
either. Rather than patch the theme, :func:`_slim_build` rewrites the build's copies once all
pages are written (Sphinx copies the theme's originals again on the next build, so nothing
accumulates and the result always matches the whole book):

- :func:`purge_css` drops every rule whose selectors all name a class or id that appears neither
  in a built page nor in a script the book ships (a class a script adds, such as Bootstrap's
  ``show``, is in that script's text); ``@media`` blocks are purged the same way;
- :func:`subset_icon_font` cuts the Font Awesome fonts down to the icons left in the stylesheet
  (fontTools), so the icons are a font of a few KB instead of the 1.5 MB Font Awesome script.

>>> purge_css(".used{color:red}.unused{color:blue}a{x:y}", {"used"})
'.used{color:red}a{x:y}'
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import tinycss2

# Stylesheets to purge: the big generic ones (their rules serve many sites, not this book).
PURGED = (
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "sphinx-design.min.css",
    "basic.css",
)
MYSTNB_CSS = re.compile(r"mystnb\.[0-9a-f]+\.css$")
FONT_DIR = "vendor/fontawesome/webfonts"
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_ATTR = re.compile(r'\b(?:class|id)\s*=\s*"([^"]*)"')
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S)
_SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"]+)"')
_SELECTOR_NAME = re.compile(r"[.#]((?:[\w-]|\\.)+)")
# Pseudo-classes whose argument does not decide whether the selector can match.
_FUNCTIONAL = re.compile(r":(?:not|is|where|has)\(")


def used_names(html_dir: Path) -> set[str]:
    """Every class and id in the built pages, and every word of the scripts they load."""
    names: set[str] = set()
    scripts: set[Path] = set()
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for value in _CLASS_ATTR.findall(text):
            names.update(value.split())
        # inline scripts (quizzes, charts) add classes too: take their words as well
        for script in _INLINE_SCRIPT.findall(text):
            names.update(_WORD.findall(script))
        for src in _SCRIPT_SRC.findall(text):
            if "://" not in src:
                scripts.add((page.parent / src.split("?")[0]).resolve())
    for script in scripts:
        if script.is_file() and script.name != "searchindex.js":
            names.update(_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :where() and :has()."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = _FUNCTIONAL.match(selector, i) if depth == 0 else None
        if match:
            depth, i = 1, match.end()
            continue
        char = selector[i]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def selector_used(selector: str, names: set[str]) -> bool:
    """True if every class and id the selector requires is in ``names``."""
    bare = re.sub(r"\[[^\]]*\]", "", _strip_functional(selector))
    for raw in _SELECTOR_NAME.findall(bare):
        if re.sub(r"\\(.)", r"\1", raw) not in names:
            return False
    return True


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _purge_rules(rules: list[Any], names: set[str]) -> str:
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(tinycss2.serialize(rule.prelude))
            kept = [s for s in selectors if selector_used(s, names)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif (
            rule.type == "at-rule"
            and rule.lower_at_keyword in ("media", "supports", "layer")
            and (rule.content is not None)
        ):
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content), names)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def purge_css(css: str, names: set[str]) -> str:
    """The stylesheet without the rules that can match nothing in the book."""
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    # tinycss2 writes escapes ("\\f185") as the characters they stand for: escape again, so the
    # file stays ASCII whatever encoding a browser assumes for it.
    return re.sub(r"[^\x00-\x7e]", lambda m: f"\\{ord(m.group()):x} ", _purge_rules(rules, names))


_ICON_RULE = re.compile(r'\.fa-[\w-]+:+before\{content:"(\\[0-9a-fA-F]+ ?|[^"\\])"\}')


def icon_codepoints(css: str) -> set[int]:
    """Code points of the Font Awesome icons a (purged) stylesheet still defines.

    >>> sorted(icon_codepoints('.fa-sun:before{content:"\\\\f185"}'))
    [61829]
    """
    return {
        int(code[1:], 16) if code.startswith("\\") else ord(code)
        for code in _ICON_RULE.findall(css)
    }


def subset_icon_font(font: bytes, suffix: str, codepoints: set[int]) -> bytes:
    """A Font Awesome font (woff2 or ttf bytes) cut down to ``codepoints``."""
    import io

    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.flavor = "woff2" if suffix == ".woff2" else None
    loaded = subset.load_font(io.BytesIO(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints or {0x20})
    subsetter.subset(loaded)
    out = io.BytesIO()
    subset.save_font(loaded, out, options)
    return out.getvalue()


class _Originals:
    """The theme's original of each file we rewrite, kept in the doctree folder.

    Sphinx copies static files again only when it writes pages, so a build with nothing to write
    still holds our output: recognised by its hash, it is rewritten from the kept original.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.manifest_path = folder / "manifest.json"
        try:
            self.manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.manifest = {}

    def original(self, path: Path, rel: str) -> bytes:
        current = path.read_bytes()
        kept = self.folder / rel
        if self.manifest.get(rel) == hashlib.sha256(current).hexdigest() and kept.is_file():
            return kept.read_bytes()
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(current)
        return current

    def write(self, path: Path, rel: str, data: bytes) -> None:
        path.write_bytes(data)
        self.manifest[rel] = hashlib.sha256(data).hexdigest()

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.manifest_path.write_text(json.dumps(self.manifest, indent=1), encoding="utf-8")


def slim_static(html_dir: Path, keep: Path) -> None:
    """Purge the build's stylesheets and subset its icon fonts (see the module doc).

    ``keep`` is a folder outside the published site for the originals (see :class:`_Originals`).
    """
    static = html_dir / "_static"
    originals = _Originals(keep)
    names = used_names(html_dir)
    targets = [static / name for name in PURGED]
    targets += [p for p in static.glob("mystnb.*.css") if MYSTNB_CSS.search(p.name)]
    codepoints: set[int] = set()
    for path in targets:
        if not path.is_file():
            continue
        rel = path.relative_to(static).as_posix()
        css = purge_css(originals.original(path, rel).decode("utf-8"), names)
        originals.write(path, rel, css.encode("utf-8"))
        codepoints |= icon_codepoints(css)
    fonts = static / FONT_DIR
    for path in sorted(fonts.glob("fa-*")) if fonts.is_dir() else []:
        if path.suffix in (".woff2", ".ttf"):
            rel = path.relative_to(static).as_posix()
            font = subset_icon_font(originals.original(path, rel), path.suffix, codepoints)
            originals.write(path, rel, font)
    originals.save()


def _slim_build(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and app.builder.name == "html":
        slim_static(Path(app.outdir), Path(app.doctreedir) / "cstolab-slim")
