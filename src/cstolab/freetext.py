"""Free-text questions: a prompt, room to write, and a rubric to compare with afterwards.

Most of this course is argument, not arithmetic. Questions and rubrics live next to the lessons
in ``notebooks/rubrics/<lesson>.yml``::

    - id: l01-why-join
      prompt: Why might a small state join a military alliance led by a great power?
      criteria:
        - Names at least two motives ...
      model_answer_outline: ...   # optional; shown with the rubric
      words: 800–1,200            # optional; the length asked for (default 150–250)
      points: 10                  # optional; marks when graded with nbgrader (default: one per criterion)

    >>> from cstolab.freetext import Question
    >>> Question("x", "Why?", ["Gives a reason"]).prompt
    'Why?'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RUBRIC_DIR = "rubrics"


class RubricFormatError(ValueError):
    """A rubric file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    criteria: list[str]
    model_answer_outline: str = ""
    lesson: str = ""
    words: str = "150–250"
    points: int | None = None  # None: one point per criterion (see :attr:`max_points`)

    @property
    def max_points(self) -> int:
        """What the question is worth when graded by hand (nbgrader): declared, or one per criterion."""
        return self.points if self.points is not None else len(self.criteria)


def _parse(entries: Any, source: str) -> list[Question]:
    if not isinstance(entries, list):
        raise RubricFormatError(f"{source}: expected a YAML list of questions")
    questions = []
    for number, entry in enumerate(entries, start=1):
        where = f"{source}, entry {number}"
        if not isinstance(entry, dict):
            raise RubricFormatError(f"{where}: each entry is a mapping with id, prompt, criteria")
        missing = [k for k in ("id", "prompt", "criteria") if k not in entry]
        if missing:
            raise RubricFormatError(f"{where}: missing {missing} (needs id, prompt, criteria)")
        if not isinstance(entry["criteria"], list) or not entry["criteria"]:
            raise RubricFormatError(f"{where}: 'criteria' must be a non-empty list")
        points = entry.get("points")
        if points is not None and (
            isinstance(points, bool) or not isinstance(points, int) or points < 1
        ):
            raise RubricFormatError(f"{where}: 'points' must be a whole number ≥ 1, not {points!r}")
        questions.append(
            Question(
                id=str(entry["id"]),
                prompt=str(entry["prompt"]).strip(),
                criteria=[str(c).strip() for c in entry["criteria"]],
                model_answer_outline=str(entry.get("model_answer_outline", "")).strip(),
                lesson=Path(source).stem,
                words=str(entry.get("words", "150–250")).strip(),
                points=points,
            )
        )
    return questions


def load_questions(folder: Path | None = None) -> dict[str, Question]:
    """Every free-text question of every lesson, by id."""
    import yaml

    folder = folder or Path.cwd() / RUBRIC_DIR
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder {folder}; run the notebook from the notebooks/ folder")
    found: dict[str, Question] = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise RubricFormatError(f"{path.name} is not valid YAML: {err}") from None
        for q in _parse(entries, path.name):
            if q.id in found:
                raise RubricFormatError(
                    f"{path.name}: question id {q.id!r} also appears in {found[q.id].lesson}.yml"
                )
            found[q.id] = q
    return found


def get_question(question_id: str, folder: Path | None = None) -> Question:
    questions = load_questions(folder)
    if question_id not in questions:
        raise KeyError(
            f"no free-text question {question_id!r}; known: {', '.join(sorted(questions))}"
        )
    return questions[question_id]


class _Markdown:
    def __init__(self, text: str, html_text: str) -> None:
        self.text, self.html_text = text, html_text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def ask(question_id: str) -> _Markdown:
    """Show a free-text question and where to write the answer."""
    q = get_question(question_id)
    text = (
        f"**Question {q.id}** (free text). {q.prompt}\n\n"
        f"*Write your answer in the Markdown cell below (about {q.words} words), then run the rubric "
        "cell that follows it and compare.*"
    )
    return _Markdown(text, html.escape(text))


def rubric(question_id: str) -> _Markdown:
    """The marking rubric of a free-text question, folded until the student opens it.

    A ``<details>`` element folds it in JupyterLab, in the book and in any other front end, so
    that "Run All" does not show the rubric and the model-answer outline before the answer.
    """
    q = get_question(question_id)
    lines = [
        "<details>",
        f"<summary><strong>Rubric for {html.escape(q.id)}</strong> (open it when you have written "
        "your answer)</summary>",
        "",
        "A strong answer:",
        "",
    ]
    lines += [f"- {c}" for c in q.criteria]
    if q.model_answer_outline:
        lines += ["", f"*Outline of a model answer:* {q.model_answer_outline}"]
    lines += ["", "</details>"]
    text = "\n".join(lines)
    return _Markdown(text, html.escape(text))
