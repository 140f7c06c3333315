"""Build the HTML book; re-execute notebooks when data/ or src/ changed since the last build.

jupyter-cache keys on a notebook's own cells, so a changed dataset would otherwise leave stale
outputs in the book. We hash data/ and src/ and, when the hash moves, drop the execution cache
and Sphinx's doctrees so that every notebook runs again. Sphinx copies the book's own static
files and templates (book/_static, book/_templates) only when some page is out of date, so when
they change we rebuild every page (``--all``, from the execution cache: nothing re-runs).

Usage: python scripts/build_book.py
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
BUILD = BOOK / "_build"
STAMP = BUILD / ".inputs-hash"
PAGE_STAMP = BUILD / ".page-assets-hash"


def inputs_hash(folders: tuple[str, ...] = ("data", "src")) -> str:
    """One hash of every file below ``folders`` (relative to the repository), names included."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def main() -> int:
    current = inputs_hash()
    if not STAMP.exists() or STAMP.read_text() != current:
        for stale in (BUILD / ".jupyter_cache", BUILD / ".doctrees", BUILD / "jupyter_execute"):
            shutil.rmtree(stale, ignore_errors=True)
    page_assets = inputs_hash(("book/_static", "book/_templates"))
    rebuild_all = not PAGE_STAMP.exists() or PAGE_STAMP.read_text() != page_assets
    cmd = [
        sys.executable,
        "-m",
        "jupyter_book",
        "build",
        str(BOOK),
        "--warningiserror",
        "--keep-going",
    ]
    # jupyter-book has no `python -m` entry in some versions; fall back to the console script.
    jb = Path(sys.executable).with_name("jupyter-book")
    if jb.exists():
        cmd = [str(jb), "build", str(BOOK), "--warningiserror", "--keep-going"]
    if rebuild_all:
        cmd.append("--all")
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode == 0:
        STAMP.parent.mkdir(parents=True, exist_ok=True)
        STAMP.write_text(current)
        PAGE_STAMP.write_text(page_assets)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
