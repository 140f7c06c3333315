"""The print edition's helpers (cstolab.sphinxext.printing) on the committed notebooks' outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cstolab.quizzes import load_quiz
from cstolab.sphinxext import printing

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def outputs(lesson: str, mime: str) -> list[str]:
    nb = json.loads((NOTEBOOKS / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    return [
        "".join(out["data"][mime])
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if mime in out.get("data", {})
    ]


def test_chart_spec_is_read_from_the_html_output():
    charts = [
        html for html in outputs("05_airlift_and_readiness", "text/html") if "altair-viz-" in html
    ]
    assert charts, "lesson 5 should show charts"
    spec = printing.chart_spec(charts[0])
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["description"]
    assert printing.chart_spec("<p>no chart</p>") is None


def test_sliders_are_found_with_their_defaults():
    charts = [
        printing.chart_spec(html)
        for html in outputs("05_airlift_and_readiness", "text/html")
        if "altair-viz-" in html
    ]
    bound = [s for spec in charts for s in printing.sliders(spec)]
    assert ("Turnaround on the ground (h)", 3) in bound
    assert printing.sliders({"params": [{"name": "p", "bind": {"input": "select"}}]}) == []


def test_chart_png_is_drawn_offline_and_reused(tmp_path: Path):
    spec = {
        "data": {"values": [{"a": 1}, {"a": 2}]},
        "mark": "bar",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    png = printing.chart_png(spec, tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert printing.chart_png(spec, tmp_path) == png
    with pytest.raises(ValueError):  # no network: data from a URL is refused
        printing.chart_png({**spec, "data": {"url": "https://example.org/a.csv"}}, tmp_path)


def test_quiz_questions_are_those_of_the_quiz_file():
    scripts = [js for js in outputs("01_what_is_the_csto", "application/javascript")]
    found = [q for js in scripts if (q := printing.quiz_questions(js))]
    assert found == [load_quiz("01_what_is_the_csto", NOTEBOOKS)]


def test_correct_answer_in_words():
    assert (
        printing.correct_answer(
            {
                "type": "numeric",
                "answers": [{"type": "range", "range": [1000, 2000], "correct": True}],
            }
        )
        == "from 1,000 to 2,000"
    )
    many = {
        "type": "many_choice",
        "answers": [
            {"answer": "A", "correct": True},
            {"answer": "B"},
            {"answer": "C", "correct": True},
        ],
    }
    assert printing.correct_answer(many) == "A; C"


def test_symbols_become_the_words_of_the_feedback():
    text = "✅ 5 is right. ❌ too high. ✏️ not answered"
    out = printing._SYMBOL.sub(lambda m: printing.SYMBOLS[m[0]], text)
    assert out == "Correct: 5 is right. Not yet: too high. Your turn: not answered"
