"""How much of the code students see in each lesson is presentation plumbing (issue 14).

A lesson's *visible* code is every code cell the book shows and JupyterLab does not fold: cells
without a ``hide-input``, ``remove-input`` or ``remove-cell`` tag. Plumbing is the visible lines in
cells that call ``glue(`` or ``described(`` (building the lesson's own figures, their text
descriptions and the numbers pasted into the prose). Target: at most 20 % of each content lesson's
visible code lines.

    python benchmarks/plumbing_share.py          # table for every lesson
    python benchmarks/plumbing_share.py --json   # the same as JSON
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FOLDED = {"hide-input", "remove-input", "remove-cell"}
PLUMBING = re.compile(r"\b(glue|described)\(")
TARGET = 0.20


def lines_of(source: str) -> int:
    """Non-blank lines that are not only a comment."""
    return sum(
        1 for line in source.splitlines() if line.strip() and not line.strip().startswith("#")
    )


def share(path: Path) -> dict[str, object]:
    """Visible code lines, plumbing lines and their ratio for one notebook."""
    nb = nbformat.read(path, as_version=4)
    visible = plumbing = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or FOLDED & set(cell.metadata.get("tags", [])):
            continue
        n = lines_of(cell.source)
        visible += n
        if PLUMBING.search(cell.source):
            plumbing += n
    ratio = plumbing / visible if visible else 0.0
    return {"lesson": path.stem, "visible": visible, "plumbing": plumbing, "share": ratio}


def content_lessons() -> list[Path]:
    """Lessons 1 to the last content lesson (not lesson 0, not the capstone)."""
    return [
        p
        for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        if p.stem[:2] != "00" and "capstone" not in p.stem
    ]


def measure() -> list[dict[str, object]]:
    return [share(p) for p in content_lessons()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = measure()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print("| lesson | visible code lines | plumbing lines | share | ≤ 20 % |")
    print("|---|--:|--:|--:|---|")
    for r in rows:
        ok = "PASS" if r["share"] <= TARGET else "FAIL"
        print(f"| {r['lesson']} | {r['visible']} | {r['plumbing']} | {r['share']:.0%} | {ok} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
