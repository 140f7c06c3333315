"""Lesson 9: weighing sources. Answers are computed from the contingents and crisis_2022 datasets
and, for the audit exercises, from the grades in the bibliography (:mod:`cstolab.sources`)."""

import pandas as pd

from cstolab.claims import summarise_claims
from cstolab.data import load
from cstolab.exercises import Exercise, register


def _troop_ranges() -> pd.DataFrame:
    return summarise_claims(load("contingents"))[["min", "max", "n_sources"]].reset_index()


def _latest_death_toll() -> int:
    c = load("crisis_2022")
    killed = c[
        (c["event_type"] == "casualty_report") & (c["value_unit"] == "killed") & c["value"].notna()
    ]
    overall = killed[~killed["event_id"].str.contains("security|liquidated")]
    return int(overall.sort_values("reported_on")["value"].iloc[-1])


def _total_values() -> pd.Series:
    c = load("contingents")
    t = c[(c["country"] == "CSTO total") & (c["measure"] == "troops") & c["value"].notna()]
    return t.groupby("value")["source_id"].nunique()


def _contingent_claims_on_copies() -> list[str]:
    from cstolab.sources import rows_resting_on

    return list(rows_resting_on("reprint", "contingents")["row_id"])


def _kazakh_voice_figures() -> int:
    from cstolab.sources import rows_on_one_government

    c = load("crisis_2022")
    reports = c["event_type"].isin(["casualty_report", "detention_report"]) & c["value"].notna()
    voices = rows_on_one_government("crisis_2022")
    kazakh = voices.loc[voices["government"] == "Kazakhstan", "row_id"]
    return int(c.loc[reports, "event_id"].isin(kazakh).sum())


def _isolated_claim() -> str:
    per_value = _total_values()
    return str(per_value[per_value == 1].index[0])


register(
    Exercise(
        id="l09-troop-ranges",
        kind="frame",
        prompt="Per contingent: the smallest and largest troop claims and the number of distinct sources.",
        hint="summarise_claims(contingents)[['min', 'max', 'n_sources']].reset_index()",
        expected=_troop_ranges,
        extra={"sort_by": ["country"]},
    ),
    Exercise(
        id="l09-latest-death-toll",
        kind="number",
        prompt="What is the latest overall death toll reported for the January 2022 unrest?",
        hint="keep casualty_report rows with value_unit 'killed', drop event_ids with 'security' or 'liquidated', take the last by reported_on.",
        expected=_latest_death_toll,
    ),
    Exercise(
        id="l09-isolated-claim",
        kind="choice",
        prompt="Which total troop figure is claimed by only one source?",
        hint="group the 'CSTO total' troop claims by value and count distinct source_id values.",
        expected=_isolated_claim,
        options=tuple(str(v) for v in (2000, 2030, 2500, 3600)),
    ),
    Exercise(
        id="l09-reprint-only",
        kind="names",
        prompt="Which claims of the contingents dataset rest only on reprints? Give their claim_id values.",
        hint="map each key of source_id (split on ';') to its grade with sources.bibliography(); keep rows whose every grade is 'reprint'.",
        expected=_contingent_claims_on_copies,
    ),
    Exercise(
        id="l09-one-government",
        kind="number",
        prompt="How many casualty and detention figures of crisis_2022 rest only on the voice of Kazakhstan's government?",
        hint="take sources.rows_on_one_government('crisis_2022') with government 'Kazakhstan' and count how many event_id values of the figures table are among its row_id values.",
        expected=_kazakh_voice_figures,
    ),
)
