"""Auto-checked exercises: ``check(exercise_id, answer)`` tells a student what went wrong.

    >>> from cstolab import check
    >>> check("l00-sum", 5).correct
    True
    >>> print(check("l00-sum", 6).message)
    6 is too high. Hint: add the two numbers in the question.

Feedback names the mistake: each exercise declares the wrong answers students typically reach
(:class:`Mistake`, computed from the data like the right answer), and ``check`` answers a declared
mistake with its message. Hints escalate: the first wrong answer gets a nudge (``hint``), a second
one unlocks the method (``method``), later ones the code (``code``); :func:`hint` gives the next
level on request. Nothing hands over the code at the first try.

Reference answers are never stored as plain text: each exercise either *computes* its answer from
the course's datasets (so reading the bank shows a method, not a result) or keeps a SHA-256 digest
of the normalised answer. The definitions live in :mod:`cstolab.exercise_bank`, one module per
lesson; the comparison of each kind of answer in :mod:`cstolab.answer_checks`.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from cstolab.answer_checks import CHECKERS, digest_of, is_placeholder, normalise_name

__all__ = [
    "Exercise",
    "Feedback",
    "Mistake",
    "check",
    "digest_of",
    "exercise_ids",
    "get",
    "hint",
    "normalise_name",
    "register",
]

KINDS = ("number", "date", "names", "choice", "frame", "chart", "text")
HINT_LEVELS = ("nudge", "method", "code")


@dataclass(frozen=True)
class Feedback:
    """Result of a check: ``correct`` and a message meant for the student."""

    exercise_id: str
    correct: bool
    message: str
    answered: bool = True

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return ("✅ " if self.correct else "❌ " if self.answered else "✏️ ") + self.message

    def _repr_html_(self) -> str:
        if self.correct:
            colour, border, icon, label = "#0b5a2b", "#1a7f43", "✅", "Correct"
        elif self.answered:
            colour, border, icon, label = "#7a1f00", "#b33c00", "❌", "Not yet"
        else:
            colour, border, icon, label = "#1f3f66", "#2d5f99", "✏️", "Your turn"
        return (
            f'<div class="cstolab-feedback" role="status" style="border-left:4px solid {border};'
            f'padding:0.4em 0.8em;color:{colour};background:#ffffff">'
            f"<strong>{icon} {label} ({html.escape(self.exercise_id)}):</strong> {html.escape(self.message)}</div>"
        )


@dataclass(frozen=True)
class Mistake:
    """A wrong answer students typically reach, and what went wrong, in a sentence.

    ``answer`` computes that wrong answer from the data (e.g. counting alternative claims too),
    so the bank shows the slip, not a number.
    """

    answer: Callable[[], Any]
    message: str


@dataclass(frozen=True)
class Exercise:
    """One auto-checked exercise.

    ``expected`` computes the reference answer from the data; ``digest`` is the alternative for
    facts that are not in a dataset (see :func:`digest_of`). ``hint`` is the nudge shown with the
    first wrong answer, ``method`` the approach (second), ``code`` the code itself (third on);
    ``mistakes`` the declared typical wrong answers. ``points`` is what the exercise is worth
    when a class is graded with nbgrader (:mod:`cstolab.nbgrader_course`): 1 by default, more
    for exercises that take several steps.
    """

    id: str
    kind: str
    prompt: str
    hint: str
    expected: Callable[[], Any] | None = None
    digest: str | None = None
    tolerance: float = 0.0
    relative: bool = False
    options: tuple[str, ...] = ()
    case_sensitive: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    method: str = ""
    code: str = ""
    mistakes: tuple[Mistake, ...] = ()
    points: int = 1

    def __post_init__(self) -> None:
        if isinstance(self.points, bool) or not isinstance(self.points, int) or self.points < 1:
            raise ValueError(f"exercise {self.id!r}: points must be a whole number ≥ 1, not {self.points!r}")
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id!r}: kind {self.kind!r} is not one of {KINDS}")
        if (self.expected is None) == (self.digest is None) and self.kind != "text":
            raise ValueError(f"exercise {self.id!r}: give exactly one of expected= or digest=")
        if any(not isinstance(m, Mistake) for m in self.mistakes):
            raise ValueError(f"exercise {self.id!r}: mistakes must be a tuple of Mistake(...)")

    def hint_text(self, level: int) -> str:
        """The hint at ``level`` (1 nudge, 2 method, 3 code); missing levels fall back."""
        nudge, method, code = self.hint, self.method or self.hint, self.code or ""
        if level <= 1:
            return f"Hint: {nudge}"
        if level == 2:
            return f"Hint: {nudge} Method: {method}" if self.method else f"Hint: {nudge}"
        return f"Method: {method}" + (f" Code: {code}" if code else "")


_REGISTRY: dict[str, Exercise] = {}
_LOADED = False
# hint level unlocked per exercise in this kernel: wrong answers and hint() requests raise it
_LEVEL: dict[str, int] = {}


def register(*exercises: Exercise) -> None:
    """Add exercises to the registry (called by the modules of :mod:`cstolab.exercise_bank`)."""
    for exercise in exercises:
        if exercise.id in _REGISTRY and _REGISTRY[exercise.id] != exercise:
            raise ValueError(f"exercise id {exercise.id!r} is defined twice")
        _REGISTRY[exercise.id] = exercise


def _load_bank() -> None:
    global _LOADED
    if _LOADED:
        return
    import cstolab.exercise_bank as bank

    for module in pkgutil.iter_modules(bank.__path__):
        importlib.import_module(f"{bank.__name__}.{module.name}")
    for exercise in _REGISTRY.values():
        validate_mistakes(exercise)
    _LOADED = True


def validate_mistakes(exercise: Exercise) -> None:
    """Raise ValueError when a declared mistake equals the correct answer (a bank error)."""
    if exercise.expected is None and exercise.digest is None:
        return
    for number, mistake in enumerate(exercise.mistakes, start=1):
        wrong = mistake.answer()
        if exercise.kind == "chart":
            same = wrong == exercise.expected()  # type: ignore[misc]
        else:
            try:
                same = CHECKERS[exercise.kind](exercise, wrong)[0]
            except (TypeError, ValueError):
                same = False
        if same:
            raise ValueError(
                f"exercise {exercise.id!r}: mistake {number} ({mistake.message!r}) computes the "
                "correct answer; a declared mistake must differ from it"
            )


def exercise_ids() -> list[str]:
    """Every registered exercise id, sorted.

    >>> "l00-sum" in exercise_ids()
    True
    """
    _load_bank()
    return sorted(_REGISTRY)


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; KeyError listing close ids when it does not exist."""
    _load_bank()
    if exercise_id in _REGISTRY:
        return _REGISTRY[exercise_id]
    prefix = str(exercise_id).split("-")[0]
    near = [i for i in _REGISTRY if i.startswith(prefix)] or sorted(_REGISTRY)[:10]
    raise KeyError(
        f"there is no exercise {exercise_id!r}; exercises with that prefix: {', '.join(sorted(near))}"
    )


def _declared_mistake(ex: Exercise, answer: Any) -> str | None:
    """The message of the first declared mistake that ``answer`` matches, if any."""
    for mistake in ex.mistakes:
        shadow = replace(ex, expected=mistake.answer, digest=None, mistakes=())
        try:
            if CHECKERS[ex.kind](shadow, answer)[0]:
                return mistake.message
        except (TypeError, ValueError):
            continue
    return None


def _next_level(exercise_id: str) -> int:
    _LEVEL[exercise_id] = min(_LEVEL.get(exercise_id, 0) + 1, len(HINT_LEVELS))
    return _LEVEL[exercise_id]


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` for exercise ``exercise_id`` and return feedback that names the mistake.

    Never raises for a student's answer: a placeholder (``...``/``None``), a wrong type or an
    unknown exercise id each give a clear message instead of a traceback.
    """
    try:
        ex = get(exercise_id)
    except KeyError as err:
        return Feedback(str(exercise_id), False, str(err.args[0]), answered=False)
    if ex.kind == "text":
        return Feedback(
            ex.id,
            False,
            "this is a free-text question: compare your answer with the rubric.",
            False,
        )
    if is_placeholder(answer):
        return Feedback(
            ex.id,
            False,
            "not answered yet: replace ... with your answer and run the cell again.",
            False,
        )
    try:
        correct, message = CHECKERS[ex.kind](ex, answer)
    except (TypeError, ValueError) as err:
        return Feedback(ex.id, False, f"{err}. {ex.hint_text(_LEVEL.get(ex.id, 1))}")
    if correct:
        return Feedback(ex.id, True, message[0].upper() + message[1:])
    named = _declared_mistake(ex, answer)
    if named:
        message = named if named.endswith(".") else named + "."
    level = _next_level(ex.id)
    return Feedback(ex.id, False, f"{message[0].upper()}{message[1:]} {ex.hint_text(level)}")


@dataclass(frozen=True)
class Hint:
    """A hint asked for with :func:`hint`; shows as text in a notebook."""

    exercise_id: str
    level: int
    text: str

    def __repr__(self) -> str:
        return f"💡 {self.exercise_id} ({HINT_LEVELS[self.level - 1]}): {self.text}"

    def _repr_markdown_(self) -> str:
        return f"💡 **{self.exercise_id}** ({HINT_LEVELS[self.level - 1]}): {self.text}"


def hint(exercise_id: str, level: int | str | None = None) -> Hint | Feedback:
    """The next hint for an exercise (nudge → method → code), or the one at ``level``.

    ``level`` is 1-3 or "nudge", "method", "code". An unknown id or level gets a message saying
    what is accepted, not an exception.

    >>> hint("l00-sum", "nudge").text
    'Hint: add the two numbers in the question.'
    """
    try:
        ex = get(exercise_id)
    except KeyError as err:
        return Feedback(str(exercise_id), False, str(err.args[0]), answered=False)
    if level is None:
        number = _next_level(ex.id)
    elif level in HINT_LEVELS:
        number = HINT_LEVELS.index(level) + 1  # type: ignore[arg-type]
    elif isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 3:
        number = level
    else:
        return Feedback(
            ex.id,
            False,
            f"there is no hint level {level!r}; use 1, 2 or 3 (or 'nudge', 'method', 'code'), "
            "or leave it out for the next one.",
            answered=False,
        )
    _LEVEL[ex.id] = max(_LEVEL.get(ex.id, 0), number)
    return Hint(ex.id, number, ex.hint_text(number))
