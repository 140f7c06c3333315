"""Lesson 2: the treaty and the organisation. Answers are computed from the institutions dataset."""

from cstolab.data import load
from cstolab.exercises import Exercise, register


def _years_treaty_to_charter() -> int:
    i = load("institutions")
    treaty = i.loc[i["milestone_type"] == "treaty", "date"].min()
    charter = i.loc[i["milestone_type"] == "charter", "date"].min()
    return int(charter.year - treaty.year)


def _sg_countries() -> list[str]:
    i = load("institutions")
    sg = i[(i["milestone_type"] == "secretary_general") & i["preferred"]]
    return sg["country"].dropna().astype(str).unique().tolist()


def _crrf_spread() -> int:
    i = load("institutions")
    crrf = i[(i["milestone_type"] == "force_size") & i["milestone_id"].str.startswith("crrf")]
    return int(crrf["value"].max() - crrf["value"].min())


register(
    Exercise(
        id="l02-treaty-to-charter",
        kind="number",
        prompt=(
            "How many years lie between the year the treaty was signed and the year the CSTO "
            "Charter was signed?"
        ),
        hint=(
            "in institutions take the earliest date of milestone_type 'treaty' and of 'charter', "
            "and subtract their .year."
        ),
        expected=_years_treaty_to_charter,
    ),
    Exercise(
        id="l02-sg-countries",
        kind="names",
        prompt="From which countries have the CSTO's Secretaries-General (acting included) come?",
        hint=(
            "keep institutions rows with milestone_type == 'secretary_general' and preferred, "
            "then the unique values of country."
        ),
        expected=_sg_countries,
    ),
    Exercise(
        id="l02-crrf-spread",
        kind="number",
        prompt=(
            "What is the difference between the largest and the smallest reported size of the "
            "CRRF (KSOR)?"
        ),
        hint=(
            "keep force_size rows whose milestone_id starts with 'crrf' (all claims, preferred "
            "or not) and compute value.max() - value.min()."
        ),
        expected=_crrf_spread,
    ),
)
