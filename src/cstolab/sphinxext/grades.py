"""``{cstolab-source-grades}``: the table of source grades with counts; ``{cstolab-reprints}``:
the list of reprints with their originals.

Generated from ``book/references.bib`` and the datasets when the book is built (see
:mod:`cstolab.sources`), so the counts on ``book/sources.md`` cannot drift.
"""

from __future__ import annotations

from typing import Any


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def source_grades_markdown(bib: str | None = None, datasets: Any = None) -> str:
    """MyST text: a summary sentence, then one table row per grade (entries, dataset rows led by it).

    ``bib`` is BibTeX text (default: the course's bibliography); ``datasets`` as in
    :func:`cstolab.sources.row_grades`.

    >>> text = source_grades_markdown()
    >>> text.count("| `") >= 11
    True
    """
    from cstolab.sources import GRADES, bibliography, evidence_by_grade

    table = bibliography(bib)
    entries = table["sourcetype"].value_counts()
    evidence = evidence_by_grade(datasets, table)
    rows = evidence.groupby("grade")["rows"].sum()
    n_rows = int(rows.sum())
    only_copies = int(rows.get("reprint", 0))
    share = f"{only_copies / n_rows:.0%}" if n_rows else "0%"
    lines = [
        f"The bibliography holds **{len(table)} entries**; the datasets hold **{n_rows} rows**, "
        f"of which **{only_copies}** ({share}) rest only on reprints.",
        "",
        "| grade | what it is | entries | dataset rows led by it |",
        "|---|---|---:|---:|",
    ]
    for grade, meaning in GRADES.items():
        lines.append(
            f"| `{grade}` | {_cell(meaning)} | {int(entries.get(grade, 0))} | {int(rows.get(grade, 0))} |"
        )
    lines += [f"| **all** | | **{len(table)}** | **{n_rows}** |", ""]
    return "\n".join(lines)


def reprints_markdown(bib: str | None = None) -> str:
    """MyST table of every ``reprint`` entry and the original it copies.

    >>> "| entry | copy of |" in reprints_markdown()
    True
    """
    from cstolab.sources import bibliography

    table = bibliography(bib)
    reprints = table[table["sourcetype"] == "reprint"].sort_values("key")
    lines = [
        f"{len(reprints)} entries are copies; each names the original it reproduces.",
        "",
        "| entry | copy of |",
        "|---|---|",
    ]
    for key, original in zip(reprints["key"], reprints["original"], strict=True):
        lines.append(f"| `{key}` {{cite:p}}`{key}` | {_cell(original)} |")
    return "\n".join(lines + [""])


def _source_grades_directive(make_text: Any = None) -> Any:
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class SourceGradesDirective(SphinxDirective):
        """``{cstolab-source-grades}`` / ``{cstolab-reprints}``: generated from the bibliography."""

        has_content = False

        def run(self) -> list[Any]:
            from cstolab.data import data_dir
            from cstolab.sources import bib_path

            self.env.note_dependency(str(bib_path()))
            for path in data_dir().glob("*.csv"):
                self.env.note_dependency(str(path))
            container = nodes.container()
            self.state.nested_parse(
                StringList((make_text or source_grades_markdown)().splitlines()),
                self.content_offset,
                container,
                match_titles=True,
            )
            return container.children

    return SourceGradesDirective
