"""Check one CSV table against its Frictionless Table Schema and convert it to typed columns.

Why our own code rather than ``frictionless``: the loader must be fast to import (``import
cstolab`` stays within 100 ms of ``import pandas``) and must give pandas dtypes (nullable
``Int64``, categoricals, ``datetime64``) with error messages a student can act on. The test suite
still validates every resource with ``frictionless`` as an independent second opinion.

Example:
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"n": ["1", ""]})
    >>> typed = convert_table(raw, {"fields": [{"name": "n", "type": "integer"}]}, "x.csv")
    >>> str(typed["n"].dtype)
    'Int64'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd

SUPPORTED_TYPES = ("string", "integer", "number", "date", "boolean", "year")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_TRUE = {"true", "True", "TRUE", "1", "yes"}
_FALSE = {"false", "False", "FALSE", "0", "no"}


class DataValidationError(ValueError):
    """A data file breaks its schema; the message names the file, the row and the field."""


def _fail(filename: str, row: int | None, field: str | None, problem: str) -> DataValidationError:
    where = filename
    if row is not None:
        # row counts data rows from 1; the header is line 1 of the file, so data row r is line r+1
        where += f", row {row} (line {row + 1})"
    if field is not None:
        where += f", field '{field}'"
    return DataValidationError(f"{where}: {problem}")


def _parse_integer(text: str) -> int:
    if not _INTEGER.match(text):
        raise ValueError("is not a whole number; expected digits such as 2500")
    return int(text)


def _parse_number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError("is not a number; expected e.g. 2030 or 3.5 (dot as decimal)") from None


def _parse_date(text: str) -> pd.Timestamp:
    if not _DATE.match(text):
        raise ValueError("is not a date; expected YYYY-MM-DD such as 2022-01-05")
    try:
        return pd.Timestamp(text)
    except ValueError:
        raise ValueError("is not a real calendar date; expected YYYY-MM-DD") from None


def _parse_boolean(text: str) -> bool:
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("is not a boolean; expected true or false")


def _parse_year(text: str) -> int:
    if not _YEAR.match(text):
        raise ValueError("is not a year; expected four digits such as 2022")
    return int(text)


_PARSERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "integer": _parse_integer,
    "number": _parse_number,
    "date": _parse_date,
    "boolean": _parse_boolean,
    "year": _parse_year,
}


def _check_constraints(value: Any, text: str, constraints: dict[str, Any]) -> str | None:
    """Return a description of the broken constraint, or None."""
    enum = constraints.get("enum")
    if enum is not None and text not in [str(e) for e in enum]:
        return f"'{text}' is not one of the accepted values {enum}"
    if "minimum" in constraints and value < constraints["minimum"]:
        return f"{text} is below the minimum {constraints['minimum']}"
    if "maximum" in constraints and value > constraints["maximum"]:
        return f"{text} is above the maximum {constraints['maximum']}"
    pattern = constraints.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, text):
        return f"'{text}' does not match the pattern {pattern!r}"
    return None


def _dtype_for(field: dict[str, Any]) -> Any:
    ftype = field.get("type", "string")
    enum = field.get("constraints", {}).get("enum")
    if ftype == "string" and enum is not None:
        return pd.CategoricalDtype(categories=[str(e) for e in enum])
    return {
        "string": "string",
        "integer": "Int64",
        "year": "Int64",
        "number": "Float64",
        "boolean": "boolean",
        "date": "datetime64[ns]",
    }[ftype]


def convert_table(raw: pd.DataFrame, schema: dict[str, Any], filename: str) -> pd.DataFrame:
    """Validate ``raw`` (every cell a string, '' for missing) and return typed columns.

    Raises DataValidationError naming the file, the (1-based) data row and the field.
    """
    fields = schema.get("fields", [])
    names = [f["name"] for f in fields]
    header = list(raw.columns)
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = []
        if missing:
            detail.append(f"missing columns {missing}")
        if extra:
            detail.append(f"unexpected columns {extra}")
        if not detail:
            detail.append(f"columns in the wrong order {header}")
        raise _fail(filename, None, None, "; ".join(detail) + f"; the schema expects {names}")

    columns: dict[str, Any] = {}
    for field in fields:
        name = field["name"]
        ftype = field.get("type", "string")
        if ftype not in _PARSERS:
            raise _fail(
                filename,
                None,
                name,
                f"schema type '{ftype}' is not supported; use one of {SUPPORTED_TYPES}",
            )
        parse = _PARSERS[ftype]
        constraints = field.get("constraints", {})
        required = constraints.get("required", False)
        values: list[Any] = []
        seen: dict[Any, int] = {}
        for i, text in enumerate(raw[name].tolist(), start=1):
            if text == "":
                if required:
                    raise _fail(filename, i, name, "is empty but the field is required")
                values.append(None)
                continue
            try:
                value = parse(text)
            except ValueError as err:
                raise _fail(filename, i, name, f"'{text}' {err}") from None
            problem = _check_constraints(value, text, constraints)
            if problem:
                raise _fail(filename, i, name, problem)
            if constraints.get("unique"):
                if value in seen:
                    raise _fail(
                        filename,
                        i,
                        name,
                        f"'{text}' repeats row {seen[value]}; values must be unique",
                    )
                seen[value] = i
            values.append(value)
        series = pd.Series(values, dtype=object, index=raw.index)
        dtype = _dtype_for(field)
        if dtype == "datetime64[ns]":
            columns[name] = pd.to_datetime(series).astype("datetime64[ns]")
        else:
            columns[name] = series.astype(dtype)
    typed = pd.DataFrame(columns, index=raw.index)

    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else list(key)
        dup = typed.duplicated(subset=key, keep="first")
        if dup.any():
            i = int(dup.to_numpy().nonzero()[0][0]) + 1
            raise _fail(
                filename,
                i,
                ", ".join(key),
                "repeats an earlier row's primary key; keys must be unique",
            )
    return typed
