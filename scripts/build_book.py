"""Build the HTML book; re-execute notebooks when data/ or src/ changed since the last build.

jupyter-cache keys on a notebook's own cells, so a changed dataset would otherwise leave stale
outputs in the book. We hash data/ and src/ and, when the hash moves, drop the execution cache
and Sphinx's doctrees so that every notebook runs again.

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


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for folder in ("data", "src"):
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
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode == 0:
        STAMP.parent.mkdir(parents=True, exist_ok=True)
        STAMP.write_text(current)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
