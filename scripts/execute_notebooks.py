"""Execute lesson notebooks in place (outputs are committed), dropping volatile metadata.

nbval then checks in CI that the committed outputs still match a fresh run.

Usage: python scripts/execute_notebooks.py [notebooks/NN_topic.ipynb ...]   (default: all lessons)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timestamps: change on every run, mean nothing
    nbformat.write(nb, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(args: list[str]) -> int:
    paths = [Path(a).resolve() for a in args] or sorted(
        (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
    )
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
