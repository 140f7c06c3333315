"""scripts/build_book.py: what a change to the book's static files or templates rebuilds."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def build_book(tmp_path, monkeypatch):
    """The script over a small tree of inputs in tmp_path, recording the build commands."""
    spec = importlib.util.spec_from_file_location("build_book", ROOT / "scripts" / "build_book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for folder in ("data", "src", "book/_static", "book/_templates"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "f.txt").write_text("v1")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "BOOK", tmp_path / "book")
    monkeypatch.setattr(module, "BUILD", tmp_path / "book" / "_build")
    monkeypatch.setattr(module, "STAMP", tmp_path / "book" / "_build" / ".inputs-hash")
    monkeypatch.setattr(module, "PAGE_STAMP", tmp_path / "book" / "_build" / ".page-assets-hash")
    calls: list[list[str]] = []

    def run(cmd, cwd=None):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(module.subprocess, "run", run)
    return module, calls


def test_only_a_changed_static_file_or_template_rebuilds_every_page(build_book, tmp_path):
    module, calls = build_book
    assert module.main() == 0 and "--all" in calls[-1]  # first build: everything
    assert module.main() == 0 and "--all" not in calls[-1]  # nothing changed
    (tmp_path / "book" / "_static" / "f.txt").write_text("v2")
    assert module.main() == 0 and "--all" in calls[-1]
    assert module.main() == 0 and "--all" not in calls[-1]
    (tmp_path / "book" / "_templates" / "f.txt").write_text("v2")
    assert module.main() == 0 and "--all" in calls[-1]


def test_changed_data_drops_the_execution_cache_but_not_for_static_files(build_book, tmp_path):
    module, _ = build_book
    module.main()
    cache = tmp_path / "book" / "_build" / ".jupyter_cache"
    cache.mkdir()
    (tmp_path / "book" / "_static" / "f.txt").write_text("v2")
    module.main()
    assert cache.exists()  # a stylesheet does not re-run the notebooks
    (tmp_path / "data" / "f.txt").write_text("v2")
    module.main()
    assert not cache.exists()
