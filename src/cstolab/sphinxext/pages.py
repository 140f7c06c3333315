"""Directives that generate book pages from the course's data files, so they cannot drift.

``{cstolab-datasets}``: one section per dataset of ``data/datapackage.json``.
``{cstolab-rubrics}``: every free-text question and its rubric from ``notebooks/rubrics/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


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
