"""nbval runs in strict mode: the sanitizer hides only random ids, never a changed value."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "01_what_is_the_csto.ipynb"


def _run_nbval(folder: Path, notebook: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "-q",
            "-o",
            "addopts=",
            "--nbval",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "sanitize.cfg"),
            str(notebook),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
    )


def _copy_lesson(tmp_path: Path) -> Path:
    # quizzes/ and rubrics/ are read relative to the notebook's folder
    for sub in ("quizzes", "rubrics"):
        shutil.copytree(ROOT / "notebooks" / sub, tmp_path / sub)
    target = tmp_path / LESSON.name
    shutil.copy(LESSON, target)
    return target


@pytest.mark.slow
def test_changed_number_in_stored_output_fails(tmp_path: Path):
    target = _copy_lesson(tmp_path)
    nb = json.loads(target.read_text())
    changed = False
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain")
            if text and not changed:
                joined = "".join(text)
                m = re.search(r"\b(\d{2,})\b", joined)
                if m:
                    new = joined.replace(m.group(1), str(int(m.group(1)) + 1), 1)
                    output["data"]["text/plain"] = [new]
                    changed = True
    assert changed, "found no stored number to change"
    target.write_text(json.dumps(nb))
    result = _run_nbval(tmp_path, target)
    assert result.returncode != 0, result.stdout[-3000:]
    assert "failed" in result.stdout


@pytest.mark.slow
def test_unchanged_lesson_passes_with_sanitizer(tmp_path: Path):
    """The control: the same copy without the edit passes, so the failure above is the number."""
    target = _copy_lesson(tmp_path)
    result = _run_nbval(tmp_path, target)
    assert result.returncode == 0, result.stdout[-3000:]


def test_sanitizer_only_touches_altair_ids():
    text = (ROOT / "tests" / "sanitize.cfg").read_text()
    regexes = re.findall(r"^regex:\s*(.+)$", text, flags=re.M)
    assert regexes == ["altair-viz-[0-9a-f]{32}"]
    assert not re.search(regexes[0], "2,500 troops, 70 Il-76, 2022-01-05")
