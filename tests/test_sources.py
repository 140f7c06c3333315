"""Source grades: every bibliography entry has exactly one known grade, reprints name their
original, and the evidence counts follow the documented rule (checked on hand-made data)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pybtex.database import parse_file

import cstolab
from cstolab import sources
from cstolab.sources import (
    GRADES,
    bibliography,
    check_bibliography,
    evidence_by_grade,
    government_of,
    row_grades,
    rows_on_one_government,
    rows_resting_on,
)
from cstolab.sphinxext.grades import reprints_markdown, source_grades_markdown

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "book" / "references.bib"

TOY_BIB = """
@online{doc, title = {A treaty}, url = {u}, urldate = {2026-12-01}, sourcetype = {primary}}
@online{agency, title = {A wire story}, url = {u}, urldate = {2026-12-01}, sourcetype = {wire}}
@online{copy, title = {A copy}, url = {u}, urldate = {2026-12-01}, sourcetype = {reprint},
  original = {Agency, 2022-01-07}}
@online{copy2, title = {Another copy}, url = {u}, urldate = {2026-12-01}, sourcetype = {reprint},
  original = {Other outlet, 2022-01-08}}
"""
# By hand: r1 -> primary (primary beats reprint); r2 -> wire; r3 and r4 -> reprint (only copies).
TOY = pd.DataFrame(
    {
        "record_id": ["r1", "r2", "r3", "r4"],
        "source_id": ["copy; doc", "agency", "copy", "copy;copy2"],
        "claimed_by": [
            "Ministry of Internal Affairs (via Reuters)",
            "Tokayev; Reuters",
            "Kazakh Ministry of Defence",
            "Russian MoD (via TASS)",
        ],
    }
)


def test_grades_are_the_eleven_in_order():
    assert list(GRADES) == [
        "primary", "official", "wire", "press", "independent-press", "ngo-igo",
        "scholarship", "book", "think-tank", "reference", "reprint",
    ]  # fmt: skip
    assert all(isinstance(d, str) and d for d in GRADES.values())


def test_every_entry_has_exactly_one_known_grade():
    entries = parse_file(str(BIB)).entries
    ungraded = [k for k, e in entries.items() if "sourcetype" not in e.fields]
    assert not ungraded, f"entries without sourcetype: {ungraded}"
    unknown = {k: e.fields["sourcetype"] for k, e in entries.items()}
    unknown = {k: g for k, g in unknown.items() if g.strip() not in GRADES}
    assert not unknown, f"unknown grades: {unknown}; the grades are {list(GRADES)}"
    # a second sourcetype field would be a pybtex DuplicateField error, caught here:
    assert check_bibliography(BIB.read_text(encoding="utf-8")) == []


def test_every_reprint_names_its_original():
    bib = bibliography()
    reprints = bib[bib["sourcetype"] == "reprint"]
    assert len(reprints) > 0
    assert reprints["original"].str.strip().str.len().gt(0).all()
    # 'original' means something only for copies
    assert bib.loc[bib["sourcetype"] != "reprint", "original"].eq("").all()


def test_checker_catches_bad_entries():
    assert check_bibliography(TOY_BIB) == []
    assert check_bibliography("@online{a, title = {T}}") == ["a: no sourcetype"]
    assert check_bibliography("@online{a, title = {T}, sourcetype = {wire; press}}") == [
        "a: unknown grade 'wire; press'"
    ]
    assert check_bibliography("@online{a, title = {T}, sourcetype = {reprint}}") == [
        "a: reprint without original"
    ]
    twice = check_bibliography("@online{a, title = {T}, sourcetype = {wire}, sourcetype = {press}}")
    assert len(twice) == 1 and "duplicate" in twice[0]
    with pytest.raises(ValueError, match="The grades are: primary, official"):
        bibliography("@online{a, title = {T}, sourcetype = {rumour}}")


def test_bibliography_table():
    bib = bibliography()
    assert list(bib.columns) == sources.COLUMNS
    assert len(bib) == len(parse_file(str(BIB)).entries)
    assert bib["key"].is_unique


def test_evidence_counts_on_hand_made_data():
    table = evidence_by_grade({"toy": TOY}, TOY_BIB)
    assert list(table.columns) == ["dataset", "grade", "rows", "share"]
    assert len(table) == len(GRADES)  # every grade, zeros included
    counts = table.set_index("grade")["rows"]
    assert counts.to_dict() == {**dict.fromkeys(GRADES, 0), "primary": 1, "wire": 1, "reprint": 2}
    assert table.set_index("grade").loc["reprint", "share"] == 0.5
    rows = row_grades({"toy": TOY}, TOY_BIB).set_index("row_id")
    assert rows.loc["r1", "grades"] == ("primary", "reprint")
    assert rows["only_reprints"].to_dict() == {"r1": False, "r2": False, "r3": True, "r4": True}


def test_changing_a_grade_changes_the_counts():
    before = evidence_by_grade({"toy": TOY}, TOY_BIB).set_index("grade")["rows"]
    regraded = TOY_BIB.replace("sourcetype = {wire}", "sourcetype = {press}")
    after = evidence_by_grade({"toy": TOY}, regraded).set_index("grade")["rows"]
    assert (before["wire"], before["press"]) == (1, 0)
    assert (after["wire"], after["press"]) == (0, 1)


def test_rows_resting_on():
    only_copies = rows_resting_on("reprint", {"toy": TOY}, TOY_BIB)
    assert list(only_copies["row_id"]) == ["r3", "r4"]
    either = rows_resting_on(["primary", "reprint"], {"toy": TOY}, TOY_BIB)
    assert list(either["row_id"]) == ["r1", "r3", "r4"]
    some_primary = rows_resting_on(lambda g: "primary" in g, {"toy": TOY}, TOY_BIB)
    assert list(some_primary["row_id"]) == ["r1"]
    with pytest.raises(ValueError, match="unknown grade 'rumour'.*primary, official, wire"):
        rows_resting_on("rumour", {"toy": TOY}, TOY_BIB)


def test_unknown_source_key_is_a_clear_error():
    bad = TOY.assign(source_id=["nosuchkey"] * 4)
    with pytest.raises(ValueError, match="nosuchkey"):
        row_grades({"toy": bad}, TOY_BIB)


def test_one_government_rule():
    assert (
        government_of("Ministry of Internal Affairs (via Reuters)", "crisis_2022") == "Kazakhstan"
    )
    assert government_of("Ministry of Internal Affairs (via Reuters)", "other") is None
    assert government_of("Tokayev; Reuters") is None  # an independent co-claimant
    assert government_of("Kyrgyz parliament; presidential office") == "Kyrgyzstan"
    assert government_of("Russian MoD; Belarusian MoD") is None  # two governments
    assert government_of("CSTO Secretariat") is None  # an organisation, not a government
    assert government_of(None) is None


def test_rows_on_one_government_in_the_course_data():
    rows = rows_on_one_government()
    assert {"dataset", "row_id", "government"} <= set(rows.columns)
    assert "Kazakhstan" in set(rows["government"])
    contingents = cstolab.load("contingents").set_index("claim_id")
    mine = rows[rows["dataset"] == "contingents"]["row_id"]
    assert (contingents.loc[mine, "claimant_type"] == "national_official").all()


def test_course_evidence_adds_up():
    table = evidence_by_grade()
    for name, group in table.groupby("dataset"):
        assert group["rows"].sum() == len(cstolab.load(name)), name
    assert set(table["grade"]) == set(GRADES)


def test_grades_page_follows_the_bibliography():
    text = source_grades_markdown(TOY_BIB, {"toy": TOY})
    assert "| `wire` |" in text and "**4 entries**" in text
    assert "| `reprint` | " + GRADES["reprint"] + " | 2 | 2 |" in text
    changed = source_grades_markdown(
        TOY_BIB.replace("sourcetype = {wire}", "sourcetype = {press}"), {"toy": TOY}
    )
    assert changed != text
    assert "| `press` | " + GRADES["press"] + " | 1 | 1 |" in changed
    listing = reprints_markdown(TOY_BIB)
    assert "| `copy` {cite:p}`copy` | Agency, 2022-01-07 |" in listing
    assert "`doc`" not in listing


def test_import_cstolab_stays_light():
    import subprocess
    import sys

    code = "import sys, cstolab; print('pybtex' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
