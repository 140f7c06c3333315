"""Every exercise: its reference answer passes; wrong, ill-typed and empty answers get clear feedback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from cstolab import exercises
from cstolab.exercises import Exercise, check, digest_of, exercise_ids, get

ROOT = Path(__file__).resolve().parents[1]
IDS = [i for i in exercise_ids() if get(i).expected is not None and get(i).kind != "text"]


def reference(ex: Exercise):
    value = ex.expected()
    if ex.kind == "chart":
        chart = getattr(alt.Chart(pd.DataFrame({"a": [1]})), f"mark_{value['mark']}")()
        return chart.encode(**{ch: f"{field}:N" for ch, field in value.items() if ch != "mark"})
    return value


def wrong(ex: Exercise):
    value = ex.expected()
    if ex.kind == "number":
        return (
            float(value)
            + max(10.0, abs(float(value)))
            + 10 * ex.tolerance * (abs(float(value)) if ex.relative else 1)
        )
    if ex.kind == "date":
        return pd.Timestamp(value) + pd.Timedelta(days=400)
    if ex.kind == "names":
        return list(value)[1:] + ["Atlantis"]
    if ex.kind == "choice":
        return next(o for o in ex.options if o.casefold() != str(value).casefold())
    if ex.kind == "frame":
        return value.iloc[1:]
    if ex.kind == "chart":
        other = "point" if value["mark"] != "point" else "bar"
        chart = getattr(alt.Chart(pd.DataFrame({"a": [1]})), f"mark_{other}")()
        return chart.encode(**{ch: f"{field}:N" for ch, field in value.items() if ch != "mark"})
    raise AssertionError(ex.kind)


def test_bank_is_not_empty():
    assert len(IDS) >= 3


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_answer_passes(exercise_id):
    ex = get(exercise_id)
    feedback = check(exercise_id, reference(ex))
    assert feedback.correct, feedback.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_wrong_answer_fails_with_hint(exercise_id):
    ex = get(exercise_id)
    feedback = check(exercise_id, wrong(ex))
    assert not feedback.correct
    assert not feedback.message.startswith("Not quite")  # the label already says "Not yet"
    assert ex.hint in feedback.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_ill_typed_answer_says_what_is_expected(exercise_id):
    feedback = check(exercise_id, {"not": "an answer"})
    assert not feedback.correct
    assert "expected" in feedback.message or "is not" in feedback.message
    assert "Traceback" not in feedback.message


@pytest.mark.parametrize("placeholder", [..., None, "", "..."])
def test_placeholder_is_not_answered_yet(placeholder):
    feedback = check(IDS[0], placeholder)
    assert not feedback.correct and not feedback.answered
    assert "not answered yet" in feedback.message


def test_unknown_exercise_lists_neighbours():
    feedback = check("l01-nonexistent", 3)
    assert not feedback.correct
    assert "no exercise 'l01-nonexistent'" in feedback.message
    assert "l01-parties-2000" in feedback.message


def test_number_feedback_says_direction():
    assert "too high" in check("l00-sum", 6).message
    assert "too low" in check("l00-sum", 4).message
    assert "a number is expected" in check("l00-sum", "five").message
    assert not check("l00-sum", True).correct  # booleans are not numbers


def test_names_feedback_names_intruders_not_missing_answers():
    message = check("l01-non-renewal", ["Georgia", "Narnia"]).message
    assert "Narnia" in message and "missing" in message
    assert "Azerbaijan" not in message and "Uzbekistan" not in message
    assert "single string" in check("l01-non-renewal", "Georgia").message
    assert check("l01-non-renewal", ["georgia", " Azerbaijan ", "UZBEKISTAN"]).correct


def test_date_accepts_common_types_and_explains_format():
    target = get("l01-treaty-signed").expected()
    for answer in (
        target,
        target.date(),
        target.date().isoformat(),
        dt.datetime.combine(target.date(), dt.time()),
    ):
        assert check("l01-treaty-signed", answer).correct
    assert "YYYY-MM-DD" in check("l01-treaty-signed", "15/05/1992").message
    assert "too early" in check("l01-treaty-signed", "1991-05-15").message


def test_chart_feedback_names_the_channel():
    chart = (
        alt.Chart(pd.DataFrame({"events": [1], "event_type": ["a"]}))
        .mark_bar()
        .encode(x="event_type", y="events")
    )
    message = check("l01-events-chart", chart).message
    assert "'x' channel encodes 'event_type'" in message
    assert "an Altair chart is expected" in check("l01-events-chart", pd.DataFrame()).message


def test_frame_checker(monkeypatch):
    target = pd.DataFrame({"country": ["A", "B"], "troops": [10, 20]})
    ex = Exercise("t-frame", "frame", "?", "group by country", expected=lambda: target)
    monkeypatch.setitem(exercises._REGISTRY, ex.id, ex)
    assert check(ex.id, target.iloc[::-1]).correct  # row order does not matter
    assert "lacks the column(s) ['troops']" in check(ex.id, target[["country"]]).message
    assert "has 1 rows" in check(ex.id, target.iloc[:1]).message
    assert "Column 'troops' differs" in check(ex.id, target.assign(troops=[10, 21])).message


def test_digest_exercises_hide_the_answer(monkeypatch):
    ex = Exercise("t-digest", "names", "?", "think", digest=digest_of("names", ["Minsk", "Kyiv"]))
    monkeypatch.setitem(exercises._REGISTRY, ex.id, ex)
    assert check(ex.id, ["kyiv", "minsk"]).correct
    assert not check(ex.id, ["Minsk"]).correct
    assert "Kyiv" not in repr(ex) and "Minsk" not in repr(ex)


def test_answers_are_not_stored_as_plain_text():
    """The bank computes answers or stores digests: no literal answer lists in its source."""
    for path in (ROOT / "src" / "cstolab" / "exercise_bank").glob("lesson*.py"):
        text = path.read_text()
        assert "expected=lambda: [" not in text and 'expected=lambda: "' not in text, path.name


def test_feedback_html_is_escaped():
    html = check("l01-non-renewal", ["<b>x</b>"])._repr_html_()
    assert "<b>x</b>" not in html and "&lt;b&gt;" in html


FRAME_IDS = [i for i in IDS if get(i).kind == "frame"]
DTYPES = ["category", "object", "string"]


@pytest.mark.parametrize("exercise_id", FRAME_IDS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_frame_answers_are_compared_by_value(exercise_id, dtype):
    """A right table passes whatever the text columns' dtype and the row order (issue 11)."""
    ex = get(exercise_id)
    answer = ex.expected().copy()
    for col in answer.columns:
        if not pd.api.types.is_numeric_dtype(answer[col]):
            answer[col] = answer[col].astype(str).astype(dtype)
    if dtype == "category":
        # categories in an order that is not alphabetical, as the datasets' categoricals are
        for col in answer.select_dtypes("category"):
            answer[col] = answer[col].cat.reorder_categories(
                list(reversed(answer[col].cat.categories))
            )
    shuffled = answer.sample(frac=1, random_state=3)
    if not ex.extra.get("ordered"):
        assert check(exercise_id, shuffled).correct, check(exercise_id, shuffled).message
    assert check(exercise_id, answer).correct


def test_ordered_frame_exercise_minds_the_order():
    ex = Exercise(
        id="t-ordered",
        kind="frame",
        prompt="",
        hint="sort by year",
        expected=lambda: pd.DataFrame({"year": [1992, 2002], "what": ["treaty", "charter"]}),
        extra={"ordered": True},
    )
    exercises.register(ex)
    right = pd.DataFrame({"year": [1992, 2002], "what": ["Treaty", "Charter"]})
    assert check("t-ordered", right).correct
    feedback = check("t-ordered", right.iloc[::-1])
    assert not feedback.correct and "in the order the exercise asks for" in feedback.message


def test_feedback_reads_once():
    text = repr(check("l00-sum", 6))
    assert text.startswith("❌ 6 is too high.")
    html = check("l00-sum", 6)._repr_html_()
    assert "Not yet (l00-sum):</strong> 6 is too high." in html


def _demo(**kw) -> Exercise:
    base = dict(
        id="t-escalate",
        kind="number",
        prompt="How many?",
        hint="count the preferred rows only.",
        method="filter preferred == True, then len().",
        code="len(t[t['preferred']])",
        expected=lambda: 12,
    )
    base.update(kw)
    return Exercise(**base)


def test_hints_escalate_and_never_give_code_first(monkeypatch):
    ex = _demo()
    monkeypatch.setitem(exercises._REGISTRY, ex.id, ex)
    first, second, third = (check(ex.id, 3).message for _ in range(3))
    assert "count the preferred rows only." in first and "len(" not in first
    assert "Method: filter preferred" in second and "len(t[" not in second
    assert "Code: len(t[t['preferred']])" in third
    assert check(ex.id, 12).correct


def test_hint_on_request_and_bad_levels(monkeypatch):
    ex = _demo()
    monkeypatch.setitem(exercises._REGISTRY, ex.id, ex)
    from cstolab.exercises import hint

    assert hint(ex.id).level == 1
    assert hint(ex.id).level == 2
    assert "Code:" in hint(ex.id, "code").text
    bad = hint(ex.id, 7)
    assert not bad.correct and "use 1, 2 or 3" in bad.message
    unknown = hint("l99-nope")
    assert not unknown.correct and "there is no exercise" in unknown.message


def test_declared_mistake_is_named(monkeypatch):
    from cstolab.exercises import Mistake

    ex = _demo(mistakes=(Mistake(lambda: 15, "you counted the alternative claims too"),))
    monkeypatch.setitem(exercises._REGISTRY, ex.id, ex)
    feedback = check(ex.id, 15)
    assert feedback.message.startswith("You counted the alternative claims too.")
    assert "too high" not in feedback.message
    assert "too high" in check(ex.id, 16).message


def test_mistake_equal_to_the_answer_is_a_bank_error():
    from cstolab.exercises import Mistake, validate_mistakes

    with pytest.raises(ValueError, match="computes the correct answer"):
        validate_mistakes(_demo(mistakes=(Mistake(lambda: 12, "same as the answer"),)))
    with pytest.raises(ValueError, match="tuple of Mistake"):
        _demo(mistakes=("not a mistake",))


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_declared_mistake_gets_its_message(exercise_id):
    ex = get(exercise_id)
    for mistake in ex.mistakes:
        feedback = check(
            exercise_id, mistake.answer() if ex.kind != "chart" else _chart(mistake.answer())
        )
        assert not feedback.correct
        assert mistake.message.rstrip(".")[1:] in feedback.message, (
            mistake.message,
            feedback.message,
        )
    assert check(exercise_id, reference(ex)).correct


def _chart(spec: dict):
    chart = getattr(alt.Chart(pd.DataFrame({"a": [1]})), f"mark_{spec['mark']}")()
    return chart.encode(**{ch: f"{field}:N" for ch, field in spec.items() if ch != "mark"})
