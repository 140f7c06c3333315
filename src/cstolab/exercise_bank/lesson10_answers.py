"""Lesson 10: legality, intervention by invitation. Answers are computed from the provisions and
statements datasets.

The declared mistakes are computed from the same data: dropping one of two conditions (citing a
provision, claiming an outside threat), taking the 1992 wording for the one in force after 2012,
counting whole years or both end days, reading an empty cell as "yes", mixing the claims of
justifications with the wording of texts, joining the wrong wording or the wrong rows, filtering the
statements by topic before a join on their key, and charts with swapped or wrong channels.

The exercises themselves (prompts, hints, mistakes' messages) are in
:mod:`cstolab.exercise_bank.lesson10`.
"""

from __future__ import annotations

import pandas as pd

from cstolab.data import load

LEGAL_KINDS = ("treaty_text", "amendment", "charter", "resolution")
JUSTIFICATION_KINDS = ("request", "decision", "statement")
ARMENIA_CASE = "am-2021-05-border"  # Armenia's request under Article 2, in the cases dataset
AMENDED = "cst-2010-art4"
ORIGINAL = "cst-1992-art4"
CHARTER = "csto-2002-charter-art3"


def _provisions() -> pd.DataFrame:
    p = load("provisions")
    p["kind"] = p["kind"].astype(str)
    return p


def _justifications() -> pd.DataFrame:
    p = _provisions()
    return p[p["kind"].isin(JUSTIFICATION_KINDS)]


def _legal() -> pd.DataFrame:
    p = _provisions()
    return p[p["kind"].isin(LEGAL_KINDS)]


def _legality() -> pd.DataFrame:
    s = load("statements")
    return s[s["topic"] == "legality"]


# --- counting claims ---------------------------------------------------------------------------


def claims_outside() -> int:
    return int(_justifications()["claims_external_threat"].fillna(False).sum())


def citing_and_claiming() -> int:
    j = _justifications()
    return int((j["claims_external_threat"].fillna(False) & j["invokes"].notna()).sum())


def citing_an_article() -> int:
    return int(_justifications()["invokes"].notna().sum())


# --- which wording, and when -------------------------------------------------------------------


def _article(number: int) -> pd.DataFrame:
    p = _provisions()
    treaty = p["document"].str.contains("Collective Security Treaty") & ~p["document"].str.contains(
        "Organization"
    )
    return p[treaty & p["article"].str.startswith(f"Article {number}", na=False)]


def _request_day(case_id: str = ARMENIA_CASE) -> pd.Timestamp:
    c = load("cases")
    return c.loc[c["case_id"] == case_id, "request_date"].dropna().iloc[0]


def wording_in_force() -> str:
    day = _request_day()
    a2 = _article(2)
    live = (a2["in_force"] <= day) & (a2["replaced_on"].isna() | (a2["replaced_on"] > day))
    return str(a2.loc[live, "provision_id"].iloc[0])


def wording_first_signed() -> str:
    a2 = _article(2)
    return str(a2.sort_values("adopted")["provision_id"].iloc[0])


def _charter_row() -> pd.Series:
    p = _provisions()
    return p.set_index("provision_id").loc[CHARTER]


def charter_days() -> int:
    row = _charter_row()
    return int((row["in_force"] - row["adopted"]).days)


def charter_whole_years() -> int:
    row = _charter_row()
    return int((row["in_force"].year - row["adopted"].year) * 365)


def charter_days_inclusive() -> int:
    return charter_days() + 1


# --- what the wording requires -----------------------------------------------------------------


def outside_attacker_texts() -> list[str]:
    legal = _legal()
    return legal.loc[legal["requires_external_attack"].fillna(False), "provision_id"].tolist()


def empty_read_as_yes() -> list[str]:
    legal = _legal()
    return legal.loc[legal["requires_external_attack"].fillna(True), "provision_id"].tolist()


def texts_and_claims() -> list[str]:
    j = _justifications()
    claims = j.loc[j["claims_external_threat"].fillna(False), "provision_id"].tolist()
    return outside_attacker_texts() + claims


# --- joins -------------------------------------------------------------------------------------


def _invoked(rows: pd.DataFrame, lookup: pd.Series | None = None) -> pd.DataFrame:
    p = _provisions()
    wording = p.set_index("provision_id")["requires_external_attack"]
    keys = rows["invokes"] if lookup is None else rows["invokes"].replace(lookup)
    out = rows[["provision_id", "invokes", "claims_external_threat"]].reset_index(drop=True)
    out["invoked_requires"] = keys.map(wording).astype("boolean").reset_index(drop=True)
    return out


def invoked_wording() -> pd.DataFrame:
    j = _justifications()
    return _invoked(j[j["invokes"].notna()])


def invoked_1992_wording() -> pd.DataFrame:
    j = _justifications()
    return _invoked(j[j["invokes"].notna()], lookup={AMENDED: ORIGINAL})


def invoked_all_rows() -> pd.DataFrame:
    return _invoked(_justifications())


def _linked(statements: pd.DataFrame) -> pd.DataFrame:
    p = _provisions()
    rows = p[p["statement_id"].notna()][["provision_id", "statement_id"]]
    cols = statements[["statement_id", "actor_type", "stance"]]
    out = rows.merge(cols, on="statement_id")[["provision_id", "actor_type", "stance"]]
    return out.astype({"actor_type": str, "stance": str}).reset_index(drop=True)


def linked_statements() -> pd.DataFrame:
    return _linked(load("statements"))


def linked_legality_only() -> pd.DataFrame:
    return _linked(_legality())


def legality_left_join() -> pd.DataFrame:
    p = _provisions()
    s = _legality()[["statement_id", "actor_type", "stance"]]
    out = s.merge(p[["provision_id", "statement_id"]], on="statement_id", how="left")
    return out[["provision_id", "actor_type", "stance"]].astype({"actor_type": str, "stance": str})


# --- what scholars say -------------------------------------------------------------------------


def _stances_of(rows: pd.DataFrame) -> list[str]:
    return sorted(rows["stance"].astype(str).unique())


def scholar_stances() -> list[str]:
    s = _legality()
    return _stances_of(s[s["actor_type"] == "scholar_analyst"])


def scholar_stances_all_topics() -> list[str]:
    s = load("statements")
    return _stances_of(s[s["actor_type"] == "scholar_analyst"])


def legality_stances() -> list[str]:
    return _stances_of(_legality())


def chart(mark: str, x: str, y: str, color: str) -> dict[str, str]:
    return {"mark": mark, "x": x, "y": y, "color": color}
