"""Author–year citations and a Markdown bibliography, for the JupyterLab editions of the lessons.

In the book, sphinxcontrib-bibtex turns ``{cite:p}`dyner2022``` into "(Dyner, 2022)" linked to the
Bibliography page. Outside Sphinx we do the same from ``book/references.bib`` with pybtex (the
library sphinxcontrib-bibtex itself builds on): the label is ours, because sphinxcontrib-bibtex's
label templates need a running Sphinx application; the bibliography text is pybtex's plain style.

    >>> c = Citations.from_text('@online{x, author = {{Reuters}}, title = {T}, year = {2022}}')
    >>> c.cite(["x"])
    '([Reuters, 2022](references.md))'
    >>> c.cite(["x"], narrative=True)
    '[Reuters (2022)](references.md)'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

LOCAL_PAGE = "references.md"


def _plain(latex: str) -> str:
    from pybtex.richtext import Text

    _quick_pybtex()
    return Text.from_latex(latex).render_as("text")


@dataclass
class Citations:
    """Citation labels for the entries of one bibliography (a pybtex ``BibliographyData``)."""

    data: object
    url: str = LOCAL_PAGE

    @classmethod
    def from_file(cls, path: Path | str, url: str = LOCAL_PAGE) -> Citations:
        from pybtex.database import parse_file

        return cls(parse_file(str(path)), url)

    @classmethod
    def from_text(cls, text: str, url: str = LOCAL_PAGE) -> Citations:
        from pybtex.database import parse_string

        return cls(parse_string(text, "bibtex"), url)

    def authors(self, key: str) -> str:
        """'Dyner', 'Allison and Lewis', 'Cooley et al.' or the organisation for ``key``."""
        entry = self._entry(key)
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [_plain(" ".join(p.prelast_names + p.last_names)) for p in people]
        if not names:
            return _plain(entry.fields.get("organization") or entry.fields.get("institution", key))
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} et al."

    def year(self, key: str) -> str:
        return self._entry(key).fields.get("year", "n.d.")

    def cite(self, keys: list[str], narrative: bool = False) -> str:
        """Parenthetical "(A, 2022; B, 2021)" or narrative "A (2022)", linked to the bibliography."""
        if narrative:
            return "; ".join(f"[{self.authors(k)} ({self.year(k)})]({self.url})" for k in keys)
        inner = "; ".join(f"{self.authors(k)}, {self.year(k)}" for k in keys)
        return f"([{inner}]({self.url}))"

    def markdown(self, title: str = "Bibliography") -> str:
        """The whole bibliography as a Markdown page, sorted by author and year."""
        from pybtex.style.formatting.plain import Style

        _quick_pybtex()
        style = Style()
        lines = [f"# {title}", ""]
        for key in sorted(self.data.entries, key=lambda k: (self.authors(k), self.year(k))):
            label = f"{self.authors(key)} ({self.year(key)})"
            lines.append(f"- **{label}** {self._formatted(style, key)}")
        return "\n".join(lines) + "\n"

    def _formatted(self, style, key: str) -> str:
        from pybtex.style.template import FieldIsMissing

        entry = self._entry(key)
        try:
            text = style.format_entry(key, entry).text.render_as("markdown")
        except FieldIsMissing:  # an entry type pybtex's plain style reads differently
            fields = entry.fields
            text = ". ".join(
                _plain(fields[f])
                for f in ("title", "journaltitle", "publisher", "url")
                if f in fields
            )
        return " ".join(text.split())

    def _entry(self, key: str):
        try:
            return self.data.entries[key]
        except KeyError:
            raise KeyError(f"{key!r} is not in the bibliography (book/references.bib)") from None


@functools.cache
def _quick_pybtex() -> None:
    """Make pybtex find its text and Markdown backends without scanning every installed package.

    pybtex looks its backends up as entry points on each render, which costs tens of
    milliseconds per call in a large environment (over a minute for the course's bibliography);
    plugins registered at run time (its public ``register_plugin``) are found first.
    """
    from pybtex.backends import markdown, plaintext
    from pybtex.plugin import register_plugin

    register_plugin("pybtex.backends", "text", plaintext.Backend, force=True)
    register_plugin("pybtex.backends", "markdown", markdown.Backend, force=True)
