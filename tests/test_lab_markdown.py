"""MyST Markdown of the book → plain Markdown for JupyterLab (cstolab.lab_markdown, citations)."""

from __future__ import annotations

import pytest

from cstolab.citations import Citations
from cstolab.lab_markdown import LabContext, LabMarkdownError, to_lab_markdown

BIB = """
@online{reuters2022x, author = {{Reuters}}, title = {A story}, year = {2022},
  url = {https://example.org}, urldate = {2026-12-01}}
@article{allison2008, author = {Allison, Roy}, title = {Virtual regionalism}, year = {2008},
  journaltitle = {Central Asian Survey}}
@book{cooley2012, author = {Cooley, Alexander and Heathershaw, John and Sharman, J. C.},
  title = {Great Games}, year = {2012}, publisher = {OUP}}
"""


@pytest.fixture
def ctx() -> LabContext:
    return LabContext(
        glued={"n": "2500", "when": "'5 January 2022'", "share": "0.4567"},
        labels={"l04": ("Lesson 4 · The operation", "04_the_operation.ipynb")},
        citations=Citations.from_text(BIB),
    )


def test_glue_roles_become_their_values(ctx):
    text = "{glue:text}`n:,.0f` troops on {glue:text}`when`, {glue:text}`share:.0%` of them."
    assert to_lab_markdown(text, ctx) == "2,500 troops on 5 January 2022, 46% of them."


def test_missing_glue_value_is_a_clear_error(ctx):
    with pytest.raises(LabMarkdownError, match="no glued value named 'nope'"):
        to_lab_markdown("{glue:text}`nope`", ctx)


def test_citations_are_author_year_links(ctx):
    out = to_lab_markdown(
        "As argued {cite:p}`allison2008,reuters2022x`; {cite:t}`cooley2012`.", ctx
    )
    assert out == (
        "As argued ([Allison, 2008; Reuters, 2022](references.md)); "
        "[Cooley et al. (2012)](references.md)."
    )


def test_unknown_citation_key_names_the_key(ctx):
    with pytest.raises(KeyError, match="nosuchkey"):
        to_lab_markdown("{cite:p}`nosuchkey`", ctx)


def test_refs_and_labels(ctx):
    text = "(l04)=\n# Title\n\nSee {ref}`l04` and {ref}`the glossary <gloss>`."
    assert to_lab_markdown(text, ctx) == (
        "# Title\n\nSee [Lesson 4 · The operation](04_the_operation.ipynb) and the glossary."
    )


def test_directives_become_blocks(ctx):
    text = (
        ":::{admonition} Learning objectives\n:class: tip\nYou can\n\n1. count {glue:text}`n`\n:::\n\n"
        "```{exercise}\n:label: l04-ex-a\n\nHow many?\n```\n\n"
        "```{glue:figure} l04_fig\n:name: l04-fig\n:figwidth: 100%\n\nTroops per day.\n```\n\n"
        ":::{admonition} Read more\n:class: dropdown\nHidden text.\n:::"
    )
    out = to_lab_markdown(text, ctx)
    assert "> **Learning objectives**\n>\n> You can\n>\n> 1. count 2500" in out
    assert "> **Exercise 1**\n>\n> How many?" in out
    assert "> **Figure 1.** Troops per day." in out
    assert "<details>\n<summary>Read more</summary>\n\nHidden text.\n\n</details>" in out
    for raw in ("{", ":::", "```", ":class:", ":label:", ":name:"):
        assert raw not in out


def test_unknown_directive_is_named(ctx):
    with pytest.raises(LabMarkdownError, match=r"\{mermaid\}"):
        to_lab_markdown("```{mermaid}\ngraph\n```", ctx)


def test_bibliography_page_lists_every_entry():
    page = Citations.from_text(BIB).markdown()
    assert page.startswith("# Bibliography")
    assert page.count("\n- **") == 3
    assert "**Cooley et al. (2012)**" in page
