"""Turn the book's MyST Markdown into plain Markdown that reads right in JupyterLab.

The lessons are written for Jupyter Book: numbers come in through myst-nb ``{glue:text}`` roles,
sources through ``{cite:p}``, links through ``{ref}``, and exercises, figures and admonitions
through directives. JupyterLab shows all of that as raw markup. The editions
(:mod:`cstolab.student_edition`) pass every Markdown cell through :func:`to_lab_markdown`, which
writes the glued value, an author–year citation linked to the bibliography, readable link text,
and blocks of plain CommonMark/HTML (block quotes, ``<details>``) in their place.

Why our own transform rather than ``jupyterlab-myst``: that extension renders admonitions but not
myst-nb ``glue`` (its issue #165), not sphinx-exercise's gated solutions and not sphinxcontrib-bibtex
citations; and a plain-Markdown edition reads right in any front end (JupyterLab with or without
extensions, a JupyterHub, VS Code, nbgrader), not only where one extension is installed.

    >>> ctx = LabContext(glued={"n": "6"})
    >>> to_lab_markdown("The treaty had {glue:text}`n` parties.", ctx)
    'The treaty had 6 parties.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cstolab.citations import Citations

# A fenced directive: ```{name} argument / :option: value lines / body / ``` (or ::: fences).
DIRECTIVE = re.compile(
    r"(?ms)^(?P<fence>`{3,}|:{3,})\{(?P<name>[a-z][a-z0-9:_-]*)\}[ \t]*(?P<arg>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$\n?"
)
OPTION = re.compile(r"^:(?P<key>[a-z-]+):[ \t]*(?P<value>.*)$")
ROLE = re.compile(r"\{(?P<name>[a-z][a-z:]*)\}`(?P<text>[^`]*)`")
LABEL_LINE = re.compile(r"(?m)^\([A-Za-z0-9_-]+\)=[ \t]*\n")
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
ADMONITIONS = {"note", "tip", "important", "warning", "caution", "attention", "hint", "seealso"}


class LabMarkdownError(ValueError):
    """A role or directive the transform cannot turn into plain Markdown."""


@dataclass
class LabContext:
    """What the transform needs to know about the course.

    ``glued``: text/plain of every glued value by name (from the executed notebook);
    ``labels``: readable text and an optional link for each ``{ref}`` target;
    ``citations``: author–year labels and links for ``{cite}`` roles.
    """

    glued: dict[str, str] = field(default_factory=dict)
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    citations: Citations | None = None
    book_url: str = ""
    counters: dict[str, int] = field(default_factory=dict)

    def number(self, kind: str) -> int:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return self.counters[kind]


def glued_text(name_and_format: str, ctx: LabContext) -> str:
    """The glued value as myst-nb's ``{glue:text}`` would print it (same formatting code)."""
    from myst_nb.core.variables import format_plain_text

    name, _, fmt = name_and_format.partition(":")
    if name not in ctx.glued:
        raise LabMarkdownError(f"no glued value named {name!r}; was the notebook executed?")
    return format_plain_text(ctx.glued[name], fmt)


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})" if url else text


def _ref(text: str, ctx: LabContext) -> str:
    explicit = EXPLICIT.match(text)
    target = explicit["target"] if explicit else text.strip()
    shown, url = ctx.labels.get(target, ("", ""))
    if explicit:
        shown = explicit["text"]
    if not shown:
        shown = target.replace("-", " ")
    return _link(shown, url)


def _doc(text: str, ctx: LabContext) -> str:
    explicit = EXPLICIT.match(text)
    target = (explicit["target"] if explicit else text).strip()
    page = target.rsplit("/", 1)[-1]
    shown, url = ctx.labels.get(f"doc:{page}", (page.replace("_", " "), ""))
    return _link(explicit["text"] if explicit else shown, url)


def _cite(kind: str, text: str, ctx: LabContext) -> str:
    keys = [k.strip() for k in text.split(",") if k.strip()]
    if ctx.citations is None:
        raise LabMarkdownError("citations need a bibliography (LabContext.citations)")
    return ctx.citations.cite(keys, narrative=kind == "cite:t")


def _role(match: re.Match[str], ctx: LabContext) -> str:
    name, text = match["name"], match["text"]
    if name in ("glue", "glue:", "glue:text"):
        return glued_text(text, ctx)
    if name == "glue:md":
        return glued_text(text, ctx)
    if name in ("cite", "cite:p", "cite:t", "cite:ps", "cite:ts"):
        return _cite("cite:t" if name.startswith("cite:t") else "cite:p", text, ctx)
    if name in ("ref", "numref"):
        return _ref(text, ctx)
    if name == "doc":
        return _doc(text, ctx)
    if name in ("term", "abbr", "sub", "sup"):
        return text
    raise LabMarkdownError(f"the role {{{name}}} has no plain-Markdown form yet")


def _options(body: str) -> tuple[dict[str, str], str]:
    lines = body.split("\n")
    options: dict[str, str] = {}
    while lines and (m := OPTION.match(lines[0])):
        options[m["key"]] = m["value"].strip()
        lines.pop(0)
    return options, "\n".join(lines).strip("\n")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


def _block(title: str, body: str, folded: bool) -> str:
    if folded:
        return f"<details>\n<summary>{title}</summary>\n\n{body}\n\n</details>\n"
    return _quote(f"**{title}**\n\n{body}") + "\n"


def _directive(match: re.Match[str], ctx: LabContext) -> str:
    name, arg = match["name"], match["arg"].strip()
    options, body = _options(match["body"])
    body = to_lab_markdown(body, ctx) if body else ""
    folded = "dropdown" in options.get("class", "").split()
    if name == "glue:figure":
        n = ctx.number("figure")
        caption = f"**Figure {n}.** {body}" if body else f"**Figure {n}.**"
        return _quote(caption + " *(The chart is drawn by the code cell above.)*") + "\n"
    if name == "exercise":
        n = ctx.number("exercise")
        title = f"Exercise {n}" + (f": {arg}" if arg else "")
        return _block(title, body, folded)
    if name == "admonition":
        return _block(to_lab_markdown(arg, ctx) or "Note", body, folded)
    if name in ADMONITIONS:
        return _block(arg or name.capitalize(), body, folded)
    if name == "dropdown":
        return _block(arg or "Details", body, True)
    if name in ("solution-start", "solution-end"):
        raise LabMarkdownError("solution markers are handled by the editions, not here")
    raise LabMarkdownError(f"the directive {{{name}}} has no plain-Markdown form yet")


def to_lab_markdown(text: str, ctx: LabContext) -> str:
    """Plain Markdown for one MyST Markdown cell (see the module docstring)."""
    text = LABEL_LINE.sub("", text)
    text = DIRECTIVE.sub(lambda m: _directive(m, ctx), text)
    # roles have a backtick-quoted argument, so they are found before inline code is set aside
    text = ROLE.sub(lambda m: _role(m, ctx), text)
    return text.strip("\n") if text.strip() else ""
