"""How each kind of answer is compared with the reference: numbers, dates, names, choices, tables, charts.

Used by :func:`cstolab.exercises.check`. Each checker takes the exercise and the student's answer
and returns ``(correct, message)``; it raises TypeError or ValueError (with a message meant for
the student) when the answer is of the wrong kind.

    >>> digest_of("names", ["b", "A"]) == digest_of("names", ["a", "B"])
    True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from cstolab.exercises import Exercise


def normalise_name(name: Any, case_sensitive: bool = False) -> str:
    text = " ".join(str(name).split())
    return text if case_sensitive else text.casefold()


def digest_of(kind: str, answer: Any, case_sensitive: bool = False) -> str:
    """SHA-256 of the normalised answer, for exercises that store a digest instead of a method."""
    if kind == "names":
        text = "|".join(sorted(normalise_name(n, case_sensitive) for n in answer))
    elif kind == "date":
        text = _to_date(answer).isoformat()
    elif kind == "choice":
        text = normalise_name(answer, case_sensitive)
    elif kind == "number":
        text = repr(float(answer))
    else:
        raise ValueError(f"digests are for names, date, choice or number exercises, not {kind!r}")
    return hashlib.sha256(f"cstolab:{kind}:{text}".encode()).hexdigest()


def _to_date(value: Any) -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise TypeError(
                f"'{value}' is not a date written as YYYY-MM-DD (for example '2022-01-05')"
            ) from None
    raise TypeError(
        f"a date is expected (a 'YYYY-MM-DD' string, datetime.date or pandas Timestamp), not {type(value).__name__}"
    )


def is_placeholder(answer: Any) -> bool:
    return (
        answer is Ellipsis
        or answer is None
        or (isinstance(answer, str) and answer.strip() in ("", "..."))
    )


# --- checkers per kind ---------------------------------------------------------------------


def _check_number(ex: Exercise, answer: Any) -> tuple[bool, str]:
    if (
        isinstance(answer, bool)
        or not isinstance(answer, int | float)
        and not hasattr(answer, "__float__")
    ):
        raise TypeError(f"a number is expected, not {type(answer).__name__} ({answer!r})")
    value = float(answer)
    if math.isnan(value):
        return (
            False,
            "your answer is NaN (a missing value): check for empty cells before computing.",
        )
    if ex.expected is not None:
        target = float(ex.expected())
        tol = ex.tolerance * abs(target) if ex.relative else ex.tolerance
        if abs(value - target) <= tol + 1e-9:
            return True, f"{_fmt(value)} is right."
        direction = "too high" if value > target else "too low"
        return False, f"{_fmt(value)} is {direction}."
    if digest_of("number", value) == ex.digest:
        return True, f"{_fmt(value)} is right."
    return False, f"{_fmt(value)} is not the expected value."


def _fmt(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"


def _check_date(ex: Exercise, answer: Any) -> tuple[bool, str]:
    given = _to_date(answer)
    if ex.expected is not None:
        target = _to_date(ex.expected())
        if given == target:
            return True, f"{given.isoformat()} is right."
        days = (given - target).days
        when = "too late" if days > 0 else "too early"
        scale = (
            "by more than a year"
            if abs(days) > 366
            else "by more than a month"
            if abs(days) > 31
            else "by a few days"
        )
        return False, f"{given.isoformat()} is {when} {scale}."
    if digest_of("date", given) == ex.digest:
        return True, f"{given.isoformat()} is right."
    return False, f"{given.isoformat()} is not the date we are looking for."


def _as_names(answer: Any) -> list[str]:
    if isinstance(answer, str):
        raise TypeError(
            "a collection of names is expected, e.g. ['Armenia', 'Belarus'], not a single string"
        )
    if isinstance(answer, pd.DataFrame | Mapping):
        raise TypeError(
            f"a collection of names is expected (a list, set or Series), not a {type(answer).__name__}"
        )
    if not isinstance(answer, Iterable):
        raise TypeError(
            f"a collection of names is expected (a list, set or Series), not {type(answer).__name__}"
        )
    return [str(n) for n in answer]


def _check_names(ex: Exercise, answer: Any) -> tuple[bool, str]:
    names = _as_names(answer)
    spelled = {normalise_name(n, ex.case_sensitive): " ".join(n.split()) for n in names}
    given = set(spelled)
    dupes = len(names) - len(given)
    if ex.expected is not None:
        target = {normalise_name(n, ex.case_sensitive) for n in ex.expected()}
        if given == target:
            note = f" (you listed {dupes} name(s) twice; a set avoids that)" if dupes else ""
            return True, f"all {len(target)} names are right{note}."
        extra = sorted(spelled[n] for n in given - target)
        missing = len(target - given)
        parts = []
        if extra:
            parts.append(f"these do not belong: {', '.join(extra)}")
        if missing:
            parts.append(f"{missing} name(s) are missing")
        return False, "; ".join(parts) + "."
    if digest_of("names", given, ex.case_sensitive) == ex.digest:
        return True, f"all {len(given)} names are right."
    return (
        False,
        f"your {len(given)} name(s) are not exactly the expected set (check spelling and completeness).",
    )


def _check_choice(ex: Exercise, answer: Any) -> tuple[bool, str]:
    if not isinstance(answer, str):
        raise TypeError(
            f"a choice is expected as a string such as 'b', not {type(answer).__name__}"
        )
    if ex.options and normalise_name(answer) not in {normalise_name(o) for o in ex.options}:
        raise ValueError(f"'{answer}' is not one of the options {', '.join(ex.options)}")
    if ex.expected is not None:
        ok = normalise_name(answer) == normalise_name(ex.expected())
    else:
        ok = digest_of("choice", answer) == ex.digest
    return ok, f"'{answer}' is {'right' if ok else 'not the best answer'}."


def _by_value(frame: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s columns as plain values of ``like``'s kinds: numbers, dates or folded text.

    Categorical, object and string columns all compare as text, so that an answer is judged by
    its values and not by its dtype (a categorical sorts by category order, not alphabetically).
    """
    out = {}
    for col in like.columns:
        values, kind = frame[col], like[col]
        if pd.api.types.is_bool_dtype(kind) or not (
            pd.api.types.is_numeric_dtype(kind) or pd.api.types.is_datetime64_any_dtype(kind)
        ):
            out[col] = values.astype("string").str.strip().str.casefold()
        elif pd.api.types.is_datetime64_any_dtype(kind):
            out[col] = pd.to_datetime(values, errors="coerce")
        else:
            out[col] = pd.to_numeric(values, errors="coerce").astype("Float64")
    return pd.DataFrame(out)


def _check_frame(ex: Exercise, answer: Any) -> tuple[bool, str]:
    if isinstance(answer, pd.Series):
        answer = answer.reset_index()
    if not isinstance(answer, pd.DataFrame):
        raise TypeError(f"a pandas DataFrame is expected, not {type(answer).__name__}")
    target: pd.DataFrame = ex.expected()
    missing = [c for c in target.columns if c not in answer.columns]
    if missing:
        return False, f"your table lacks the column(s) {missing}; it has {list(answer.columns)}."
    if len(answer) != len(target):
        return False, f"your table has {len(answer)} rows; the answer has {len(target)}."
    got, want = _by_value(answer, target), _by_value(target, target)
    if not ex.extra.get("ordered", False):
        sort_by = ex.extra.get("sort_by", list(target.columns))
        got = got.sort_values(sort_by, ignore_index=True, kind="mergesort")
        want = want.sort_values(sort_by, ignore_index=True, kind="mergesort")
    else:
        got, want = got.reset_index(drop=True), want.reset_index(drop=True)
    for col in target.columns:
        a, b = got[col], want[col]
        if b.dtype == "Float64":
            same = ((a - b).abs() <= ex.tolerance + 1e-9) | (a.isna() & b.isna())
        else:
            same = (a == b) | (a.isna() & b.isna())
        bad = int((~same.fillna(False).astype(bool)).sum())
        if bad:
            order = " (in the order the exercise asks for)" if ex.extra.get("ordered") else ""
            return (
                False,
                f"column '{col}' differs from the answer in {bad} of {len(b)} rows{order}.",
            )
    return True, f"all {len(target)} rows and {len(target.columns)} columns match."


def _check_chart(ex: Exercise, answer: Any) -> tuple[bool, str]:
    to_dict = getattr(answer, "to_dict", None)
    if to_dict is None or isinstance(answer, pd.DataFrame):
        raise TypeError(
            f"an Altair chart is expected (alt.Chart(...)), not {type(answer).__name__}"
        )
    spec = to_dict()
    wanted: dict[str, str] = ex.expected()
    mark = wanted.get("mark")
    given_mark = spec.get("mark", {})
    given_mark = given_mark.get("type") if isinstance(given_mark, dict) else given_mark
    if mark and given_mark != mark:
        return False, f"the chart uses mark '{given_mark}', but a '{mark}' mark fits this task."
    encoding = spec.get("encoding", {})
    for channel, fieldname in wanted.items():
        if channel == "mark":
            continue
        enc = encoding.get(channel)
        if enc is None:
            return (
                False,
                f"the chart has no '{channel}' encoding; encode the field '{fieldname}' there.",
            )
        given_field = enc.get("field") if isinstance(enc, dict) else None
        if given_field != fieldname:
            return (
                False,
                f"the '{channel}' channel encodes '{given_field}', but the task needs '{fieldname}'.",
            )
    return True, "the chart encodes the right fields."


CHECKERS = {
    "number": _check_number,
    "date": _check_date,
    "names": _check_names,
    "choice": _check_choice,
    "frame": _check_frame,
    "chart": _check_chart,
}
