"""How the course's sources are graded, and how much of each dataset rests on each grade.

Every entry of ``book/references.bib`` carries ``sourcetype`` (one of :data:`GRADES`); a copy
(``reprint``) also names its ``original``. Every dataset row names its sources in ``source_id``.

    >>> from cstolab import sources
    >>> list(sources.GRADES)[:3]
    ['primary', 'official', 'wire']
    >>> table = sources.evidence_by_grade()            # dataset x grade -> number of rows
    >>> sorted(table.columns)
    ['dataset', 'grade', 'rows', 'share']

**How a row with several sources counts.** :func:`row_grades` gives each row its *lead grade*:
the grade of its source that comes first in :data:`GRADES`. The order runs from the speaker
(documents, official statements) through reporting (agencies, press) and analysis to compilations
and copies; it is a convention for counting, not a verdict on truth. Each row is counted once,
under its lead grade, so the counts of a dataset add up to its rows. Because ``reprint`` comes
last, a row's lead grade is ``reprint`` exactly when *all* its sources are reprints
(flag ``only_reprints``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

#: The grades, in counting order (see the module docstring), with what each means.
GRADES: dict[str, str] = {
    "primary": "the document itself: treaty, law, official transcript or record",
    "official": "a government's or organisation's own statement, release, figure or website news",
    "wire": "a news agency (TASS, RIA Novosti, Interfax, Kazinform, Reuters, AP, AFP, Xinhua...)",
    "press": "a newspaper, broadcaster, magazine or news website",
    "independent-press": "independent, exile or investigative media (RFE/RL, Eurasianet, Belsat...)",
    "ngo-igo": "a report by a non-governmental or intergovernmental body (HRW, UN OHCHR, OSCE...)",
    "scholarship": "a peer-reviewed article or chapter, or a named scholar's blog of record",
    "book": "a book",
    "think-tank": "an analysis by a research institute (Jamestown, PISM, Chatham House, SIPRI...)",
    "reference": "an encyclopaedia, gazetteer or database (Wikipedia, Britannica, Factbook...)",
    "reprint": "a copy of something published elsewhere (aggregator, mirror, reworded copy)",
}

COLUMNS = ["key", "entry_type", "author", "year", "title", "sourcetype", "original"]

#: State bodies and officials whose claims are one government's voice (see rows_on_one_government).
GOVERNMENT_VOICES: dict[str, str] = {
    "Kazakhstan": r"Kazakh (Ministry|Deputy|presidency|authorities)|Tokayev|Akorda|KNB|akim"
    r"|Ukibay|Bureau of National Statistics of Kazakhstan",
    "Russia": r"Russian (Ministry of Defence|MoD)|Rosstat|Kremlin",
    "Armenia": r"Armenian Ministry|PM of Armenia|Statistical Committee of Armenia",
    "Belarus": r"Belarusian (MoD|Defence Minister)|Belstat|Government of Belarus",
    "Kyrgyzstan": r"Kyrgyz parliament|Japarov|Statistical Committee of the Kyrgyz",
    "Tajikistan": r"Tajik Ministry|Statistics under the President of Tajikistan",
    "Germany": r"German Ministry of Defence",
}
#: Bodies named without their country; they belong to the row's other claimant's government, or
#: in ``crisis_2022`` (events in Kazakhstan) to Kazakhstan's.
UNNAMED_BODIES = (
    r"Prosecutor General|Ministry of (Internal Affairs|Health|Energy)|Interior Ministry"
    r"|Presidential|presidential office|Government commission|Almaty authorities|Majilis"
)
DEFAULT_GOVERNMENT = {"crisis_2022": "Kazakhstan"}


def bib_path() -> Path:
    """``references.bib``: the wheel's ``cstolab/data`` copy if present, else the repo's ``book/``."""
    from cstolab.data import data_dir

    packaged = data_dir() / "references.bib"
    return (
        packaged
        if packaged.is_file()
        else Path(__file__).resolve().parents[2] / "book" / "references.bib"
    )


def check_bibliography(text: str) -> list[str]:
    """Problems of a BibTeX text: missing or unknown grade, ``reprint`` without ``original``.

    >>> check_bibliography("@online{a, title={T}, sourcetype={rumour}}")
    ["a: unknown grade 'rumour'"]
    """
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexError

    try:
        entries = parse_string(text, "bibtex").entries
    except PybtexError as err:  # e.g. a duplicate sourcetype field
        return [str(err)]
    problems = []
    for key, entry in entries.items():
        grade = entry.fields.get("sourcetype", "").strip()
        if not grade:
            problems.append(f"{key}: no sourcetype")
        elif grade not in GRADES:
            problems.append(f"{key}: unknown grade {grade!r}")
        elif grade == "reprint" and not entry.fields.get("original", "").strip():
            problems.append(f"{key}: reprint without original")
    return problems


def bibliography(text: str | None = None) -> pd.DataFrame:
    """One row per entry of ``references.bib`` (or of ``text``), with its grade and original.

    Raises ValueError listing every problem :func:`check_bibliography` finds.

    >>> bib = bibliography()
    >>> bool(bib["sourcetype"].isin(GRADES).all())
    True
    """
    from pybtex.database import parse_string

    text = bib_path().read_text(encoding="utf-8") if text is None else text
    problems = check_bibliography(text)
    if problems:
        raise ValueError(
            f"{len(problems)} bibliography problem(s): {'; '.join(problems)}. "
            f"The grades are: {', '.join(GRADES)}"
        )
    rows = []
    for key, e in parse_string(text, "bibtex").entries.items():
        f = e.fields
        author = " and ".join(map(str, e.persons.get("author", []))) or f.get("organization", "")
        values = [author, f.get("year", ""), f.get("title", "")]
        values = [v.replace("{", "").replace("}", "") for v in values]
        rows.append([key, e.type, *values, f["sourcetype"].strip(), f.get("original", "")])
    return pd.DataFrame(rows, columns=COLUMNS)


def _tables(datasets: str | Iterable[str] | Mapping[str, pd.DataFrame] | None) -> dict:
    import cstolab

    if isinstance(datasets, Mapping):
        return dict(datasets)
    names = [datasets] if isinstance(datasets, str) else datasets
    if names is None:
        names = [n for n in cstolab.datasets() if "source_id" in cstolab.load(n).columns]
    return {n: cstolab.load(n) for n in names}


def _bib_frame(bib: pd.DataFrame | str | None) -> pd.DataFrame:
    return bib if isinstance(bib, pd.DataFrame) else bibliography(bib)


def row_grades(datasets: Any = None, bib: pd.DataFrame | str | None = None) -> pd.DataFrame:
    """One row per dataset row: its ``grades`` (tuple, in GRADES order), ``lead_grade``, flags.

    ``datasets``: a name, a list of names, a ``{name: DataFrame}`` mapping, or None (every
    dataset with a ``source_id``); ``bib``: a :func:`bibliography` table or BibTeX text.

    >>> rows = row_grades("contingents")
    >>> list(rows.columns[:4])
    ['dataset', 'row_id', 'source_id', 'grades']
    """
    grade_of = _bib_frame(bib).set_index("key")["sourcetype"].to_dict()
    order = {g: i for i, g in enumerate(GRADES)}
    out = []
    for name, df in _tables(datasets).items():
        if "source_id" not in df.columns:
            raise ValueError(f"dataset {name!r} has no source_id column")
        ids = df.iloc[:, 0].astype(str)
        for row_id, (idx, sid) in zip(ids, df["source_id"].items(), strict=True):
            keys = [k.strip() for k in str(sid).split(";") if k.strip()]
            missing = [k for k in keys if k not in grade_of]
            if missing or not keys:
                why = f"source key(s) {missing} not in the bibliography" if keys else "no source"
                raise ValueError(f"{name} row {row_id}: {why}")
            grades = tuple(sorted({grade_of[k] for k in keys}, key=order.__getitem__))
            out.append([name, row_id, sid, grades, grades[0], grades == ("reprint",), idx])
    cols = ["dataset", "row_id", "source_id", "grades", "lead_grade", "only_reprints", "row_index"]
    return pd.DataFrame(out, columns=cols)


def evidence_by_grade(datasets: Any = None, bib: pd.DataFrame | str | None = None) -> pd.DataFrame:
    """Tidy table dataset x grade -> ``rows`` (counted once, under the lead grade) and ``share``.

    Every grade appears for every dataset (zero where none), in GRADES order.

    >>> t = evidence_by_grade("members")
    >>> int(t["rows"].sum()) == len(__import__("cstolab").load("members"))
    True
    """
    rows = row_grades(datasets, bib)
    names = list(dict.fromkeys(rows["dataset"]))
    counts = rows.groupby(["dataset", "lead_grade"]).size()
    full = pd.MultiIndex.from_product([names, list(GRADES)], names=["dataset", "grade"])
    table = counts.reindex(full, fill_value=0).rename("rows").reset_index()
    totals = table.groupby("dataset")["rows"].transform("sum")
    table["share"] = (table["rows"] / totals).round(4)
    return table


def _grade_test(grade_or_predicate: str | Iterable[str] | Callable) -> Callable[[tuple], bool]:
    if callable(grade_or_predicate):
        return grade_or_predicate
    wanted = (
        {grade_or_predicate} if isinstance(grade_or_predicate, str) else set(grade_or_predicate)
    )
    for g in sorted(wanted - set(GRADES)):
        raise ValueError(f"unknown grade {g!r}; the grades are: {', '.join(GRADES)}")
    return lambda grades: set(grades) <= wanted


def rows_resting_on(
    grade_or_predicate: str | Iterable[str] | Callable,
    datasets: Any = None,
    bib: pd.DataFrame | str | None = None,
) -> pd.DataFrame:
    """Rows whose every source has the given grade (or one of the given grades).

    A callable receives a row's tuple of grades and returns True to keep the row.

    >>> copies = rows_resting_on("reprint")          # rows that rest only on copies
    >>> bool(copies["only_reprints"].all())
    True
    """
    keep = _grade_test(grade_or_predicate)
    rows = row_grades(datasets, bib)
    return rows[rows["grades"].map(keep)].reset_index(drop=True)


def government_of(claimed_by: Any, dataset: str = "") -> str | None:
    """The one government whose voice a ``claimed_by`` text is, or None.

    Claimants are split on ``;`` and read without their ``(via ...)`` notes; each must be a state
    body or official of the same country (:data:`GOVERNMENT_VOICES`; bodies named without a
    country follow the row's other claimant, else :data:`DEFAULT_GOVERNMENT`).

    >>> government_of("Ministry of Internal Affairs (via Reuters)", "crisis_2022")
    'Kazakhstan'
    >>> government_of("Deputy akim of Almaty Yerzhan Babakumarov; Reuters") is None
    True
    >>> government_of("Prosecutor General's Office (via RFE/RL; press service, via Babel)", "crisis_2022")
    'Kazakhstan'
    """
    if not isinstance(claimed_by, str) or not claimed_by.strip():
        return None
    found: list[str | None] = []
    # the "(via ...)" notes go first: they may hold a ";" of their own ("via RFE/RL; Babel")
    plain = re.sub(r"\((via|to|as reported)\b[^)]*\)", "", claimed_by)
    for part in plain.split(";"):
        named = [c for c, rx in GOVERNMENT_VOICES.items() if re.search(rx, part)]
        found.append(
            named[0] if len(named) == 1 else "?" if re.search(UNNAMED_BODIES, part) else None
        )
    explicit = {c for c in found if c not in (None, "?")}
    if None in found or len(explicit) > 1:
        return None
    return explicit.pop() if explicit else DEFAULT_GOVERNMENT.get(dataset)


def rows_on_one_government(datasets: Any = None) -> pd.DataFrame:
    """Rows whose claim is one government's voice, whatever outlets relayed it.

    Uses ``claimed_by`` (datasets without it are skipped); where ``claimant_type`` exists, only
    ``national_official`` claims count. Adds the column ``government``.

    >>> sorted(rows_on_one_government("contingents")["government"].unique())[:1]
    ['Armenia']
    """
    rows = row_grades(datasets)
    tables = _tables(datasets)
    govs = []
    for name, idx in zip(rows["dataset"], rows["row_index"], strict=True):
        row = tables[name].loc[idx]
        official = row.get("claimant_type", "national_official") == "national_official"
        govs.append(government_of(row.get("claimed_by"), name) if official else None)
    rows["government"] = govs
    return rows[rows["government"].notna()].reset_index(drop=True)
