"""The book's table of contents as a list of its files, for the tests of the HTML and PDF books.

>>> toc_files()[0]
'intro'
"""

from __future__ import annotations

from pathlib import Path

import yaml

TOC = Path(__file__).resolve().parents[1] / "book" / "_toc.yml"


def toc_files() -> list[str]:
    """Every file of ``book/_toc.yml``, root first, in reading order."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", toc.get("chapters", [])))
    return files
