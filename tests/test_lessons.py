"""Every lesson follows the course skeleton and its charts are titled, described and small."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(
    p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if "model_answer" not in p.stem
)
SKELETON = ["## Context", "## Data work", "## Exercises", "## Summary", "## Further reading"]
DECODER = json.JSONDecoder()


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def chart_specs(nb) -> list[dict]:
    specs = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            for mime, data in output.get("data", {}).items():
                if "text/html" in mime and "altair-viz-" in "".join(data):
                    html = "".join(data)
                    start = html.rfind("})(")
                    assert start > 0, "could not find the chart spec in Altair's output"
                    spec, _ = DECODER.raw_decode(html, start + 3)
                    specs.append(spec)
    return specs


CAPSTONE = "12"
CONTENT = [p for p in LESSONS if p.name[:2] not in ("00", CAPSTONE)]


def test_lessons_0_to_12_exist():
    numbers = sorted({int(p.name[:2]) for p in LESSONS})
    assert numbers == list(range(13))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_skeleton_in_order(path: Path):
    nb = nbformat.read(path, 4)
    text = markdown(nb)
    number = path.name[:2]
    assert re.search(rf"^\(l{number}\)=", text, re.M), f"label (l{number})= missing"
    assert "Learning objectives" in text
    positions = [text.find(h) for h in SKELETON]
    assert all(p >= 0 for p in positions), dict(zip(SKELETON, positions, strict=True))
    assert positions == sorted(positions), "sections out of order"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_exercises_freetext_and_quiz(path: Path):
    nb = nbformat.read(path, 4)
    src, text = code(nb), markdown(nb)
    number = path.name[:2]
    assert "ask(" in src and "rubric(" in src, "free-text question with rubric"
    if number != CAPSTONE:
        assert len(re.findall(r"check\(\"l\d\d-", src)) >= 2, "at least two auto-checked exercises"
        assert f'quiz("{path.stem}")' in src, "self-check quiz"
        assert "{exercise}" in text and "{solution-start}" in text
    for label in re.findall(r":label: (\S+)", text):
        assert label.startswith(f"l{number}-"), f"label {label} not namespaced"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_charts_have_title_description_and_stay_small(path: Path):
    nb = nbformat.read(path, 4)
    for spec in chart_specs(nb):
        assert spec.get("description", "").strip(), "chart without a text description"
        title = spec.get("title") or any(
            layer.get("title")
            for layer in spec.get("layer", []) + spec.get("vconcat", []) + spec.get("hconcat", [])
        )
        assert title, "chart without a title"
        assert len(json.dumps(spec)) < 200_000, "chart spec over 200 KB"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_outputs_have_no_errors_or_warnings(path: Path):
    nb = nbformat.read(path, 4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", cell.source[:80]
            if output.output_type == "stream":
                assert output.name != "stderr", f"stderr output in: {cell.source[:80]}"


def test_numbers_in_prose_are_glued():
    """Each lesson that works with data glues its numbers into the prose."""
    for path in LESSONS:
        nb = nbformat.read(path, 4)
        if path.name[:2] in ("00", CAPSTONE):
            continue
        assert "{glue:text}" in markdown(nb) or "{glue}" in markdown(nb), (
            f"{path.name} glues no number"
        )


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_content_lessons_have_six_checked_exercises_with_mistakes(path: Path):
    """Issue 14: at least 6 checked exercises per content lesson, one of them a chart, each with
    declared mistakes (two for multi-step ones is checked by review) and escalating hints."""
    from cstolab.exercises import get

    nb = nbformat.read(path, 4)
    ids = sorted(set(re.findall(r'check\("(l\d\d-[a-z0-9-]+)"', code(nb))))
    assert len(ids) >= 6, f"{path.stem}: {len(ids)} checked exercises (at least 6)"
    exercises = [get(i) for i in ids]
    assert any(ex.kind == "chart" for ex in exercises), f"{path.stem}: no chart exercise"
    for ex in exercises:
        assert ex.mistakes, f"{ex.id}: no declared mistake"
        assert ex.method and ex.code, f"{ex.id}: hints do not escalate to a method and code"


SCHOLARLY = {"scholarship", "book", "think-tank"}
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([a-z0-9_,\s]+)`")
ONE_VOICE = re.compile(r"\bone (analyst|author|scholar)('s)?\b|\bone author's view\b", re.I)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_interpretation_rests_on_one_voice(path: Path):
    """Issue 12: every "Interpretation" paragraph cites at least two analysts' or scholars' works,
    or says plainly that it reports one author's view; none rests only on a reprint."""
    import cstolab.sources

    grades = cstolab.sources.bibliography().set_index("key")["sourcetype"].to_dict()
    nb = nbformat.read(path, 4)
    for para in markdown(nb).split("\n\n"):
        if not re.match(r"\s*(- )?\*\*Interpretations?[.:*]", para):
            continue
        keys = {k.strip() for group in CITE.findall(para) for k in group.split(",")}
        scholarly = {k for k in keys if grades.get(k) in SCHOLARLY}
        assert len(scholarly) >= 2 or ONE_VOICE.search(para), (
            f"{path.stem}: interpretation on fewer than two analysts: {para[:120]!r}"
        )
        assert keys and any(grades.get(k) != "reprint" for k in keys), para[:120]
