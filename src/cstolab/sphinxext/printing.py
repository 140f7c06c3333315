"""The print edition: what the LaTeX builder (``make pdf``) shows instead of interactive outputs.

The HTML book is untouched. For the ``latex`` builder only, two post-transforms rewrite the
doctree that myst-nb made from the executed notebooks:

- :class:`PrintOutputs` runs before myst-nb chooses a mime type per builder (its
  ``SelectMimeType``, priority 4). Each Altair chart (an HTML output carrying its Vega-Lite spec)
  becomes a PNG drawn offline by vl-convert, written next to the ``.tex`` file; a chart with
  sliders is drawn at their default values and says so. A jupyterquiz quiz becomes its questions
  in print, with a note pointing to the answers; ``<IPython.core.display.… object>`` placeholders
  of HTML and JavaScript outputs are dropped, and so is the code the HTML book folds
  (``hide-input``: glue and chart calls).
- :class:`PrintTidy` runs after references are resolved: citations inside figure captions become
  plain text (a hyperlink in ``\\caption`` breaks xelatex, because the caption is also written to
  the list of figures), the check marks of exercise feedback become words, the parts of
  ``_toc.yml`` become LaTeX parts with a chapter per page, and a chapter "Answers to the
  quizzes" after the last lesson collects every quiz's answers.

Why a post-transform and not a myst-nb mime renderer plugin: the committed notebooks keep only the
HTML output (no image), so the notebooks do not grow, and nothing changes for the HTML builder.

>>> spec = chart_spec('<div id="altair-viz-1"></div><script>(function(){})({"mark": "bar"}, {});</script>')
>>> spec
{'mark': 'bar'}
>>> sliders({"params": [{"name": "t", "value": 12, "bind": {"input": "range", "name": "Hours "}}]})
[('Hours', 12)]
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape
from sphinxcontrib.bibtex.nodes import raw_latex

CHART_FOLDER = "cstolab-charts"
APPENDIX_TITLE = "Answers to the quizzes"
ABOUT_TITLE = "About this course"
# Exercise feedback (cstolab.exercises) starts with a symbol; the print fonts lack emoji, and words
# read better on paper anyway. The words are the labels the HTML feedback shows next to them.
SYMBOLS = {"✅": "Correct:", "❌": "Not yet:", "✏️": "Your turn:", "✏": "Your turn:"}
_SYMBOL = re.compile("|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)))
HIDDEN_INPUT = {"tag_hide-input", "tag_hide-cell"}
_PLACEHOLDER = re.compile(r"^<IPython\.core\.display\.\w+ object>$")
_CHART_DIV = re.compile(
    r'<div id="(altair-viz-[0-9a-f]+)"></div>\s*<script[^>]*>(.*?)</script>', re.S
)
_CALL = re.compile(r"\}\)\(\s*(?=\{)")
_HYPERLINK_OPEN = re.compile(r"\\hyperlink\{[^{}]*\}\{")
_QUIZ = re.compile(r"var questions([A-Za-z0-9_]+)\s*=\s*(?=\[)")


def chart_spec(html: str) -> dict | None:
    """The Vega-Lite spec inside Altair's HTML output, or None when it holds no chart.

    Altair's inline script ends with ``})(SPEC, EMBED_OPTIONS);`` (as benchmarks/book_budget.py).
    """
    match = _CHART_DIV.search(html)
    if not match:
        return None
    calls = list(_CALL.finditer(match.group(2)))
    if not calls:
        raise ValueError(f"cannot find the Vega-Lite spec of chart {match.group(1)}")
    spec, _end = json.JSONDecoder().raw_decode(match.group(2), calls[-1].end())
    return spec


def sliders(spec: Any) -> list[tuple[str, Any]]:
    """(label, default value) of every param of a spec bound to a range input (a slider)."""
    found: list[tuple[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            bind = node.get("bind")
            if isinstance(bind, dict) and bind.get("input") == "range":
                label = str(bind.get("name") or node.get("name", "")).strip().rstrip(":")
                found.append((label, node.get("value")))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return found


def chart_png(spec: dict, folder: Path) -> Path:
    """Draw ``spec`` with vl-convert into ``folder`` (named by its hash, so reruns reuse it)."""
    import vl_convert

    text = json.dumps(spec, sort_keys=True)
    target = folder / f"chart-{hashlib.sha256(text.encode()).hexdigest()[:16]}.png"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        # allowed_base_urls=[]: the specs carry their data inline; the print build stays offline.
        png = vl_convert.vegalite_to_png(
            spec, vl_version=_vegalite_version(), ppi=144, allowed_base_urls=[]
        )
        target.write_bytes(png)
    return target


def _vegalite_version() -> str | None:
    """The Vega-Lite version Altair writes for, if vl-convert has it (as cstolab.vegajs)."""
    import altair as alt
    import vl_convert

    wanted = "v" + ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def quiz_questions(script: str) -> list[dict] | None:
    """The questions jupyterquiz wrote into its JavaScript output (``var questionsID=[...]``)."""
    match = _QUIZ.search(script)
    if not match:
        return None
    questions, _end = json.JSONDecoder().raw_decode(script, match.end())
    return questions


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def correct_answer(question: dict) -> str:
    """The right answer of a jupyterquiz question, in words.

    >>> correct_answer({"type": "numeric", "answers": [{"type": "value", "value": 6, "correct": True}]})
    '6'
    >>> correct_answer({"type": "multiple_choice", "answers": [{"answer": "A", "correct": True}, {"answer": "B"}]})
    'A'
    """
    right = [a for a in question["answers"] if a.get("correct")]
    words = []
    for a in right:
        if a.get("type") == "range":
            low, high = a["range"]
            words.append(f"from {_number(low)} to {_number(high)}")
        elif "value" in a:
            words.append(_number(a["value"]))
        else:
            words.append(str(a.get("answer", "")))
    return "; ".join(words)


def _para(*parts: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else part
    return para


def quiz_nodes(questions: list[dict]) -> list[nodes.Node]:
    """The quiz as printed: numbered questions, the choices of choice questions, a note."""
    note = _para(
        nodes.strong(text="Self-check quiz. "),
        "In the online book these questions check your answers as you type. The answers are in "
        f"the chapter “{APPENDIX_TITLE}”, after the last lesson.",
    )
    listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for q in questions:
        item = nodes.list_item()
        item += _para(str(q["question"]))
        if q["type"] in ("multiple_choice", "many_choice"):
            choices = nodes.bullet_list(bullet="-")
            for a in q["answers"]:
                choices += nodes.list_item("", _para(str(a.get("answer", ""))))
            item += choices
            if q["type"] == "many_choice":
                item += _para(nodes.emphasis(text="Choose every answer that applies."))
        else:
            item += _para(nodes.emphasis(text="Your answer: ______________________"))
        listing += item
    return [nodes.container("", note, listing, classes=["cstolab-print-quiz"])]


def answer_nodes(questions: list[dict]) -> nodes.enumerated_list:
    """The answers of one quiz: the right answer and why, question by question."""
    listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for q in questions:
        right = next((a for a in q["answers"] if a.get("correct")), {})
        why = str(right.get("feedback", ""))
        listing += nodes.list_item("", _para(nodes.strong(text=correct_answer(q)), f" — {why}"))
    return listing


def _mime_children(bundle: nodes.Element) -> dict[str, nodes.Element]:
    return {child["mime_type"]: child for child in bundle.children if "mime_type" in child}


def _root_toctrees(node: nodes.Element) -> list[nodes.Element]:
    """The toctree wrappers of the root document in the LaTeX builder's one big doctree.

    The included documents (``start_of_file``) are skipped: their own toctrees stay where they are.
    """
    found: list[nodes.Element] = []
    for child in node.children:
        if isinstance(child, addnodes.start_of_file) or not isinstance(child, nodes.Element):
            continue
        if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]:
            found.append(child)
        else:
            found.extend(_root_toctrees(child))
    return found


def _unlink(caption: nodes.Element) -> None:
    """Keep the text of the links in a caption, drop the links.

    sphinxcontrib-bibtex writes a citation for LaTeX as a ``raw_latex`` node
    ``\\hyperlink{cite.…}{``, the text, and a ``raw_latex`` ``}``; other links are references.
    """
    for ref in list(caption.findall(nodes.reference)):
        ref.replace_self(nodes.Text(ref.astext()))
    opened = 0
    for raw in list(caption.findall(raw_latex)):
        if _HYPERLINK_OPEN.fullmatch(raw.rawsource):
            opened += 1
            raw.parent.remove(raw)
        elif raw.rawsource == "}" and opened:
            opened -= 1
            raw.parent.remove(raw)


class PrintOutputs(SphinxPostTransform):
    """Charts to images, quizzes to questions, display placeholders removed (LaTeX only)."""

    default_priority = 3  # before myst-nb's SelectMimeType (4) picks text/plain for LaTeX
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        folder = Path(self.app.outdir) / CHART_FOLDER
        quizzes = self.env.temp_data.setdefault("cstolab_quizzes", [])
        containers = list(self.document.findall(nodes.container))
        # The HTML book folds the code of these cells (plumbing: glue, chart calls); print shows
        # what the reader sees unfolded, their outputs.
        for cell in containers:
            if cell.get("nb_element") == "cell_code" and HIDDEN_INPUT & set(cell["classes"]):
                for source in [
                    c for c in cell.children if c.get("nb_element") == "cell_code_source"
                ]:
                    cell.remove(source)
        bundles = [n for n in containers if n.get("nb_element") == "mime_bundle"]
        for bundle in bundles:
            mimes = _mime_children(bundle)
            html = mimes["text/html"].astext() if "text/html" in mimes else ""
            script = mimes.get("application/javascript")
            spec = chart_spec(html) if "altair-viz-" in html else None
            questions = quiz_questions(script.astext()) if script is not None else None
            if spec is not None:
                bundle.replace_self(self._chart(spec, folder))
            elif questions:
                docname = self.env.path2doc(bundle.source or "") or self.env.docname
                quizzes.append((docname, questions))
                bundle.replace_self(quiz_nodes(questions))
            elif "text/plain" in mimes and _PLACEHOLDER.match(mimes["text/plain"].astext().strip()):
                if not {"image/png", "image/jpeg", "application/pdf", "text/latex"} & set(mimes):
                    bundle.parent.remove(bundle)

    def _chart(self, spec: dict, folder: Path) -> list[nodes.Node]:
        path = chart_png(spec, folder)
        uri = f"{CHART_FOLDER}/{path.name}"
        image = nodes.image(
            uri=uri, alt=str(spec.get("description", "Chart")), candidates={"*": uri}
        )
        out: list[nodes.Node] = [image]
        bound = sliders(spec)
        if bound:
            settings = ", ".join(f"{label} {_number(value)}" for label, value in bound)
            out.append(
                _para(
                    nodes.emphasis(
                        text=f"Printed at the sliders’ default setting ({settings}); in the "
                        "online book the sliders redraw the chart."
                    )
                )
            )
        return out


class PrintTidy(SphinxPostTransform):
    """Captions without hyperlinks, words for symbols, the quiz answers chapter (LaTeX only)."""

    default_priority = 900  # after the citations are resolved into references
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for caption in list(self.document.findall(nodes.caption)):
            _unlink(caption)
        for text in list(self.document.findall(nodes.Text)):
            if _SYMBOL.search(text) and text.parent is not None:
                text.parent.replace(text, nodes.Text(_SYMBOL.sub(lambda m: SYMBOLS[m[0]], text)))
        top = self.document.next_node(nodes.section)
        if top is None:
            return
        wrappers = self._parts(top)
        quizzes = self.env.temp_data.pop("cstolab_quizzes", [])
        if quizzes:
            # After the last part with a quiz (the lessons), before the instructors' pages and
            # the reference part, so that Sphinx's bibliography, which LaTeX prints at the very
            # end, follows the Bibliography page.
            docnames = {docname for docname, _questions in quizzes}
            with_quiz = [
                w
                for w in wrappers
                if any(s["docname"] in docnames for s in w.findall(addnodes.start_of_file))
            ]
            after = with_quiz[-1] if with_quiz else top.children[-1]
            top.insert(top.index(after) + 1, self._appendix(quizzes))

    def _parts(self, top: nodes.section) -> list[nodes.Element]:
        """Each part of the table of contents a LaTeX part, each of its pages a chapter.

        Jupyter Book puts the root page's toctrees at its end, inside its last section, so Sphinx
        would print every lesson as a section of that page's last chapter ("How the course works").
        Move them up to the top level, and print each toctree's caption as a ``\\part``.
        """
        wrappers = _root_toctrees(top)
        toctrees = list(self.env.get_doctree(self.env.docname).findall(addnodes.toctree))
        if len(wrappers) != len(toctrees):
            return []  # not the layout we know; leave the book as Sphinx made it
        for wrapper in wrappers:
            wrapper.parent.remove(wrapper)
        # The root page's own text, whose sections would each be a chapter of a few lines: one
        # chapter (its title is the book's, already on the title page).
        about = nodes.section(ids=["cstolab-about"], names=["cstolab-about"])
        about += nodes.title(text=ABOUT_TITLE)
        for child in [c for c in top.children if not isinstance(c, nodes.title)]:
            top.remove(child)
            about += child
        top += about
        for wrapper, toctree in zip(wrappers, toctrees, strict=True):
            caption = toctree.get("caption")
            if caption:
                top += nodes.raw("", f"\\part{{{escape(caption)}}}\n", format="latex")
            top += wrapper
        return wrappers

    def _appendix(self, quizzes: list[tuple[str, list[dict]]]) -> nodes.section:
        section = nodes.section(ids=["cstolab-quiz-answers"], names=["cstolab-quiz-answers"])
        section += nodes.title(text=APPENDIX_TITLE)
        section += _para(
            "The answers of the self-check quiz of each lesson, with the feedback the online book "
            "gives for the right answer."
        )
        for docname, questions in quizzes:
            title = self.env.titles.get(docname)
            sub = nodes.section(ids=[f"cstolab-answers-{len(section)}"])
            sub += nodes.title(text=title.astext() if title is not None else docname)
            sub += answer_nodes(questions)
            section += sub
        return section


def setup(app: Any) -> dict[str, Any]:
    """Register the print transforms (they run for the LaTeX builder only)."""
    app.add_post_transform(PrintOutputs)
    app.add_post_transform(PrintTidy)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
