"""Issue 14: teaching notes for every lesson, each with the parts an instructor needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "book" / "instructors" / "notes"
LESSONS = sorted(
    p.name[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if "model_answer" not in p.stem
)
PARTS = {
    "a timed plan": r"^## .*(90-minute|60–90 minutes|plan)",
    "discussion questions": r"^## Questions for discussion",
    "misconceptions or first problems": r"^## Common (misconceptions|first-week problems)",
    "what to look for in free text": r"^## What to look for in (the )?free-text answers",
}


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_teaching_notes(lesson: str):
    page = NOTES / f"l{lesson}.md"
    assert page.is_file(), f"no teaching notes for lesson {lesson} ({page})"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"(instructors-notes-l{lesson})="), "label first, so the syllabus can link"
    missing = [name for name, pattern in PARTS.items() if not re.search(pattern, text, re.M)]
    assert not missing, f"l{lesson}.md lacks: {missing}"
    toc = (ROOT / "book" / "_toc.yml").read_text(encoding="utf-8")
    assert f"instructors/notes/l{lesson}" in toc


def test_capstone_notes_have_graded_samples_at_three_levels():
    text = (NOTES / f"l{LESSONS[-1]}.md").read_text(encoding="utf-8").lower()
    for level in ("weak", "adequate", "excellent"):
        assert re.search(rf"^#+ .*{level}", text, re.M), f"no graded {level} sample answer"
