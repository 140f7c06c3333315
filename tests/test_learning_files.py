"""Quizzes and free-text rubrics: present for every lesson, well formed, with clear errors when not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cstolab.freetext import RubricFormatError, ask, load_questions, rubric
from cstolab.quizzes import QuizFormatError, load_quiz, validate_quiz

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(
    p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if "model_answer" not in p.stem
)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_a_valid_rubric_file(lesson):
    assert (NOTEBOOKS / "rubrics" / f"{lesson}.yml").is_file()


QUIZ_LESSONS = [lesson for lesson in LESSONS if "capstone" not in lesson]
CONTENT_LESSONS = [lesson for lesson in QUIZ_LESSONS if not lesson.startswith("00_")]


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_every_lesson_has_a_valid_quiz(lesson):
    assert len(load_quiz(lesson, NOTEBOOKS)) >= 2


@pytest.mark.parametrize("lesson", CONTENT_LESSONS)
def test_content_quizzes_test_reasoning_with_numbers_from_the_data(lesson):
    """Issue 14: at least 6 questions, a numeric one, and every numeric answer checked against data.

    Each numeric question carries ``cstolab_check``: an expression over ``load`` (the course's
    loader) whose value must equal the answer the quiz marks correct.
    """
    import pandas as pd

    import cstolab

    questions = load_quiz(lesson, NOTEBOOKS)
    assert len(questions) >= 6, f"{lesson}: {len(questions)} quiz questions (at least 6)"
    numeric = [q for q in questions if q["type"] == "numeric"]
    assert numeric, f"{lesson}: no numeric question"
    for q in numeric:
        expression = q.get("cstolab_check")
        assert expression, f"{lesson}: numeric question without cstolab_check: {q['question'][:60]}"
        value = eval(expression, {"load": cstolab.load, "pd": pd})  # noqa: S307 - our own files
        correct = [a for a in q["answers"] if a.get("correct") and "value" in a]
        ranges = [a for a in q["answers"] if a.get("correct") and "range" in a]
        if correct:
            assert float(value) == pytest.approx(float(correct[0]["value"])), (
                lesson,
                q["question"],
            )
        else:
            low, high = ranges[0]["range"]
            assert low <= float(value) <= high, (lesson, q["question"], value)


def test_all_rubrics_load_with_unique_ids():
    questions = load_questions(NOTEBOOKS / "rubrics")
    assert all(q.id.startswith("l") for q in questions.values())


@pytest.mark.parametrize(
    "quiz, words",
    [
        ([], "non-empty JSON list"),
        ([{"question": "q", "type": "numeric"}], "missing 'answers'"),
        ([{"question": "q", "type": "essay", "answers": [{}]}], "type 'essay' is not one of"),
        (
            [
                {
                    "question": "q",
                    "type": "numeric",
                    "answers": [{"correct": False, "feedback": "x"}],
                }
            ],
            "no answer is marked",
        ),
        (
            [{"question": "q", "type": "numeric", "answers": [{"correct": True}]}],
            "needs 'feedback'",
        ),
    ],
)
def test_malformed_quiz_is_explained(quiz, words):
    with pytest.raises(QuizFormatError) as err:
        validate_quiz(quiz, "demo.json")
    assert str(err.value).startswith("demo.json") and words in str(err.value)


def test_broken_quiz_file_names_line(tmp_path: Path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "x.json").write_text('[{"question": "q",,]')
    with pytest.raises(QuizFormatError, match=r"x.json is not valid JSON: line 1"):
        load_quiz("x", tmp_path)
    with pytest.raises(FileNotFoundError, match="Quizzes found: \\['x'\\]"):
        load_quiz("y", tmp_path)


def test_malformed_rubric_is_explained(tmp_path: Path):
    (tmp_path / "a.yml").write_text("- id: l99-a\n  prompt: Why?\n")
    with pytest.raises(RubricFormatError, match=r"a.yml, entry 1: missing \['criteria'\]"):
        load_questions(tmp_path)
    (tmp_path / "a.yml").write_text("- id: l99-a\n  prompt: Why?\n  criteria: [x]\n")
    (tmp_path / "b.yml").write_text("- id: l99-a\n  prompt: Why?\n  criteria: [x]\n")
    with pytest.raises(RubricFormatError, match="also appears in a.yml"):
        load_questions(tmp_path)


def test_ask_and_rubric_render_markdown(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS)
    q = next(iter(load_questions(NOTEBOOKS / "rubrics").values()))
    assert q.prompt in ask(q.id)._repr_markdown_()
    assert q.criteria[0] in rubric(q.id)._repr_markdown_()
    with pytest.raises(KeyError, match="no free-text question"):
        ask("l99-missing")


def test_quiz_json_files_are_not_code():
    """Quiz content lives in data files next to the lessons."""
    for path in (NOTEBOOKS / "quizzes").glob("*.json"):
        assert isinstance(json.loads(path.read_text()), list)
