"""Shared fixtures: the repository root and a built book (built once, even under pytest-xdist)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK_HTML = ROOT / "book" / "_build" / "html"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book with the same script as `make book` (cached: quick when nothing changed).

    A file lock makes parallel pytest-xdist workers wait for one build instead of racing.
    ``CSTOLAB_BOOK_HTML=<dir>`` uses an HTML build made elsewhere instead (no build here), e.g.
    one made with execution off while working on the theme.
    """
    if os.environ.get("CSTOLAB_BOOK_HTML"):
        html = Path(os.environ["CSTOLAB_BOOK_HTML"])
        if not (html / "index.html").is_file():
            pytest.fail(f"CSTOLAB_BOOK_HTML={html} is not a built book (no index.html)")
        return html
    lock_path = ROOT / "book" / ".build.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            result = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "build_book.py")],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if result.returncode != 0:
        pytest.fail("book build failed:\n" + result.stdout[-6000:] + result.stderr[-6000:])
    return BOOK_HTML


@pytest.fixture(autouse=True)
def fresh_hint_levels():
    """Each test starts with no wrong answers counted (hints escalate per exercise and kernel)."""
    from cstolab import exercises

    exercises._LEVEL.clear()
    yield
    exercises._LEVEL.clear()
