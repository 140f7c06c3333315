"""Self-check quizzes that work in JupyterLab and in the static book, with no network.

Quiz content lives next to the lessons in ``notebooks/quizzes/<lesson>.json`` (the format of
``jupyterquiz``: a list of questions, each ``{"question", "type", "answers": [...]}``). We
validate the file first so that a typo gives a message naming the file and the question rather
than a blank quiz, then let ``jupyterquiz`` (a maintained package that inlines its JavaScript)
draw it.

    >>> from cstolab.quizzes import validate_quiz
    >>> validate_quiz([{"question": "2+2?", "type": "numeric",
    ...                 "answers": [{"type": "value", "value": 4, "correct": True}]}], "demo")
    1
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

QUESTION_TYPES = ("multiple_choice", "many_choice", "numeric", "string")
QUIZ_DIR = "quizzes"

# jupyterquiz's default colours, adjusted so that text on every background meets WCAG AA (4.5:1).
COLOURS = {
    "--jq-multiple-choice-bg": "#2f1c55",
    "--jq-mc-button-bg": "#fafafa",
    "--jq-mc-button-border": "#6b6b6b",
    "--jq-mc-button-inset-shadow": "#555555",
    "--jq-many-choice-bg": "#8a3200",
    "--jq-numeric-bg": "#2f1c55",
    "--jq-numeric-input-bg": "#ffffff",  # the typed text is dark on it: see QUIZ_CSS
    "--jq-numeric-input-label": "#101010",
    "--jq-numeric-input-shadow": "#999999",
    "--jq-string-bg": "#4c1a57",
    "--jq-incorrect-color": "#a30000",
    "--jq-correct-color": "#006b0f",
    "--jq-text-color": "#ffffff",
    "--jq-link-color": "#cfe0ff",
}


class QuizFormatError(ValueError):
    """A quiz file is malformed; the message names the file and the question."""


def validate_quiz(questions: Any, source: str) -> int:
    """Check a quiz (a list of question dicts); return the number of questions."""
    if not isinstance(questions, list) or not questions:
        raise QuizFormatError(f"{source}: a quiz is a non-empty JSON list of questions")
    for number, q in enumerate(questions, start=1):
        where = f"{source}, question {number}"
        if not isinstance(q, dict):
            raise QuizFormatError(f"{where}: each question is a JSON object")
        for key in ("question", "type", "answers"):
            if key not in q:
                raise QuizFormatError(f"{where}: missing '{key}' (needs question, type, answers)")
        if q["type"] not in QUESTION_TYPES:
            raise QuizFormatError(f"{where}: type '{q['type']}' is not one of {QUESTION_TYPES}")
        precision = q.get("precision")
        if precision is not None and (
            isinstance(precision, bool)
            or not isinstance(precision, int)
            or not 1 <= precision <= 100
        ):
            # jupyterquiz passes it to JavaScript's toPrecision(), which accepts 1-100 only; 0 made
            # every numeric answer fail silently. Leave it out to compare exact values.
            raise QuizFormatError(
                f"{where}: 'precision' is {precision!r}; give a number of significant digits from "
                "1 to 100, or leave it out to compare exact values"
            )
        answers = q["answers"]
        if not isinstance(answers, list) or not answers:
            raise QuizFormatError(f"{where}: 'answers' must be a non-empty list")
        if not any(a.get("correct") for a in answers if isinstance(a, dict)):
            raise QuizFormatError(f'{where}: no answer is marked "correct": true')
        for a in answers:
            if "feedback" not in a:
                raise QuizFormatError(
                    f"{where}: every answer needs 'feedback' so students learn why"
                )
    return len(questions)


def quiz_path(lesson: str, base: Path | None = None) -> Path:
    """Path of a lesson's quiz file, e.g. ``quizzes/01_what_is_the_csto.json``."""
    folder = (base or Path.cwd()) / QUIZ_DIR
    path = folder / f"{lesson}.json"
    if not path.is_file():
        available = sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []
        raise FileNotFoundError(
            f"no quiz file {path}; run the notebook from the notebooks/ folder. Quizzes found: {available}"
        )
    return path


def load_quiz(lesson: str, base: Path | None = None) -> list[dict[str, Any]]:
    """Read and validate a lesson's quiz file."""
    path = quiz_path(lesson, base)
    try:
        questions = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise QuizFormatError(
            f"{path.name} is not valid JSON: line {err.lineno}: {err.msg}"
        ) from None
    validate_quiz(questions, path.name)
    return questions


# jupyterquiz draws its questions with JavaScript and leaves the text box of numeric and string
# questions without a label tied to it (axe: label, critical), and its feedback is not announced to
# screen readers. This script, shown after each quiz, ties every "Type ... here:" label to its box
# and makes the feedback a polite live region. It runs again a little later because in JupyterLab
# the quiz may be drawn after a short delay.
A11Y_SCRIPT = """(function () {
  function fix() {
    document.querySelectorAll(".Quiz .InpLabel").forEach(function (label) {
      var input = label.nextElementSibling;
      if (input && input.tagName === "INPUT" && input.id && !label.htmlFor) {
        label.htmlFor = input.id;
      }
    });
    document.querySelectorAll(".Quiz .Feedback").forEach(function (feedback) {
      feedback.setAttribute("role", "status");
      feedback.setAttribute("aria-live", "polite");
    });
  }
  fix();
  [250, 1000, 3000].forEach(function (delay) { setTimeout(fix, delay); });
})();
"""


# jupyterquiz colours the typed answer with --jq-text-color (white, for text on the dark question
# background), which left it white on the white input box. A rule of our own for the input only.
QUIZ_CSS = "<style>.Quiz .Input-text { color: #101010; caret-color: #101010; }</style>"

# jupyterquiz typesets its questions when a global MathJax exists: it reads MathJax.version[0] and,
# for a MathJax 3 without typeset(), loads MathJax from a CDN. In JupyterLab 4 a global MathJax
# appears without a version while the lab renders Markdown, so the quiz either threw ("reading
# '0'") or asked the CDN, which fails offline. The quizzes contain no mathematics: this guard gives
# any MathJax object the page has, or later assigns, a version and a typeset() if it lacks them, so
# the quiz neither throws nor reaches out. An object that already has both is left as it is.
MATHJAX_GUARD = """(function () {
  function patch(m) {
    if (m && typeof m === "object") {
      try { if (!m.version) { m.version = "3"; } } catch (e) { /* read-only */ }
      try { if (typeof m.typeset !== "function") { m.typeset = function () {}; } } catch (e) {}
    }
    return m;
  }
  var own = Object.getOwnPropertyDescriptor(window, "MathJax");
  if (window.__cstolabMathJaxGuard || (own && !own.configurable)) { patch(window.MathJax); return; }
  window.__cstolabMathJaxGuard = true;
  var value = patch(window.MathJax);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    enumerable: true,
    get: function () { return value; },
    set: function (v) { value = patch(v); }
  });
})();
"""


def quiz(lesson: str) -> None:
    """Display the self-check quiz of ``lesson`` (its notebook's file name without .ipynb)."""
    from IPython.display import HTML, Javascript, display
    from jupyterquiz import display_quiz

    questions = load_quiz(lesson)
    display(HTML(QUIZ_CSS))
    display(Javascript(MATHJAX_GUARD))
    display_quiz(questions, shuffle_answers=False, colors=COLOURS, max_width=720)
    display(Javascript(A11Y_SCRIPT))
