"""Lesson 4: the operation. Answers are computed from the contingents and crisis_2022 datasets.

The declared mistakes are computed from the same data: counting the claims about the whole force
with the national ones, reading "about" / "at least" figures as exact counts, taking the first
claim instead of the latest, starting the clock on the wrong day, losing or keeping a contingent
in a join.
"""

from __future__ import annotations

import pandas as pd

from cstolab.claims import summarise_claims
from cstolab.data import load
from cstolab.exercises import Exercise, Mistake, register

REQUEST = "kz-2022-01-05-tokayev-csto-request"
OFFICIALS = ("csto_official", "national_official")
CONTINGENT_WORDS = (
    ("Russia", "Russian"),
    ("Belarus", "Belarusian"),
    ("Armenia", "Armenian"),
    ("Kyrgyzstan", "Kyrgyz"),
    ("Tajikistan", "Tajik"),
)


# --- troop claims --------------------------------------------------------------------------


def _troop_claims(scopes: tuple[str, ...] = ("national",), measures=("troops",)) -> pd.DataFrame:
    c = load("contingents")
    keep = c["scope"].isin(scopes) & c["measure"].isin(measures) & c["value"].notna()
    out = c.loc[keep].copy()
    out["country"] = out["country"].astype(str)
    out["value"] = out["value"].astype(int)
    return out


def _range(claims: pd.DataFrame) -> pd.DataFrame:
    return claims.groupby("country")["value"].agg(["min", "max"]).reset_index()


def _claims_range() -> pd.DataFrame:
    return _range(_troop_claims())


def _claims_range_with_total() -> pd.DataFrame:
    return _range(_troop_claims(scopes=("national", "total")))


def _claims_range_all_measures() -> pd.DataFrame:
    return _range(_troop_claims(measures=("troops", "vehicles")))


def _disputed(r: pd.DataFrame) -> list[str]:
    return r.loc[r["max"] > r["min"], "country"].tolist()


def _disputed_countries() -> list[str]:
    return _disputed(_claims_range())


def _disputed_with_total() -> list[str]:
    return _disputed(_claims_range_with_total())


def _countries_with_several_claims() -> list[str]:
    n = _troop_claims().groupby("country").size()
    return n[n > 1].index.tolist()


def _smallest_exact_total() -> int:
    t = _troop_claims(scopes=("total",))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def _smallest_total_any_qualifier() -> int:
    return int(_troop_claims(scopes=("total",))["value"].min())


def _smallest_exact_any_scope() -> int:
    t = _troop_claims(scopes=("national", "total"))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def _smallest_exact_total_any_measure() -> int:
    t = _troop_claims(scopes=("total",), measures=("troops", "vehicles"))
    return int(t.loc[t["value_qualifier"] == "exact", "value"].min())


def _pick(claims: pd.DataFrame, latest: bool = True) -> pd.DataFrame:
    """The latest (or first) claim per country; ties on the date go to the largest value."""
    ordered = claims.sort_values(["claim_date", "value"], kind="mergesort")
    if latest:
        rows = ordered.groupby("country").tail(1)
    else:
        ordered = claims.sort_values(
            ["claim_date", "value"], ascending=[True, False], kind="mergesort"
        )
        rows = ordered.groupby("country").head(1)
    return rows[["country", "value", "claim_date"]].reset_index(drop=True)


def _latest_claim() -> pd.DataFrame:
    return _pick(_troop_claims())


def _first_claim() -> pd.DataFrame:
    return _pick(_troop_claims(), latest=False)


def _latest_claim_with_total() -> pd.DataFrame:
    return _pick(_troop_claims(scopes=("national", "total")))


def _ranked_claim() -> pd.DataFrame:
    s = summarise_claims(load("contingents").query("scope == 'national'"))
    out = s[["best_value", "best_claim_date"]].reset_index()
    out.columns = ["country", "value", "claim_date"]
    return out


def _largest_official_total(since: str | None = "2022-01-10") -> int:
    t = _troop_claims(scopes=("total",))
    t = t[t["claimant_type"].isin(OFFICIALS)]
    if since is not None:
        t = t[t["claim_date"] >= since]
    return int(t["value"].max())


def _sum_latest_minus_total() -> int:
    return int(_latest_claim()["value"].sum()) - _largest_official_total()


def _sum_all_claims_minus_total() -> int:
    return int(_troop_claims()["value"].sum()) - _largest_official_total()


def _sum_latest_minus_early_total() -> int:
    return int(_latest_claim()["value"].sum()) - _largest_official_total(since=None)


def _sum_latest_with_total_minus_total() -> int:
    return int(_latest_claim_with_total()["value"].sum()) - _largest_official_total()


# --- dates ---------------------------------------------------------------------------------


def _january_events() -> pd.DataFrame:
    e = load("crisis_2022")
    e = e[(e["date"] >= "2022-01-01") & (e["date"] <= "2022-01-31")].copy()
    e["event_type"] = e["event_type"].astype(str)
    return e


def _decision_day() -> pd.Timestamp:
    e = _january_events()
    return e.loc[e["event_type"] == "csto_decision", "date"].min()


def _operation_days() -> int:
    e = _january_events()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - _decision_day()).days)


def _days_from_request() -> int:
    e = _january_events()
    start = e.loc[e["event_id"] == REQUEST, "date"].min()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - start).days)


def _days_to_first_withdrawal() -> int:
    e = _january_events()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].min() - _decision_day()).days)


def _days_from_later_session() -> int:
    e = _january_events()
    start = e.loc[e["event_type"] == "csto_decision", "date"].max()
    return int((e.loc[e["event_type"] == "withdrawal", "date"].max() - start).days)


def contingent_of(actor: object) -> str | None:
    """The contributing state an event's actor belongs to ('Russian contingent' -> 'Russia')."""
    for name, word in CONTINGENT_WORDS:
        if word in str(actor):
            return name
    return None


def _moves() -> pd.DataFrame:
    e = _january_events()
    moves = e[e["event_type"].isin(["deployment", "withdrawal"])].copy()
    moves["contingent"] = moves["actor"].map(contingent_of)
    return moves.dropna(subset=["contingent"])


def _departures() -> pd.DataFrame:
    c = load("contingents")
    c = c[c["scope"] == "national"].astype({"country": str})
    out = c.groupby("country", as_index=False)["departure_date"].max()
    return out.rename(columns={"country": "contingent"})


def _stay(how: str = "inner", end: str = "stated", start: str = "own", extra: int = 0):
    moves = _moves()
    deployed = moves[moves["event_type"] == "deployment"]
    first = deployed.groupby("contingent", as_index=False)["date"].min()
    if start == "decision":
        first["date"] = _decision_day()
    if how == "left":  # every contingent that appears in moves, deployed or not
        first = pd.DataFrame({"contingent": sorted(moves["contingent"].unique())}).merge(
            first, on="contingent", how="left"
        )
    table = first.merge(_departures(), on="contingent", how="inner")
    if end == "first_departure":
        left = moves[moves["event_type"] == "withdrawal"].groupby("contingent")["date"].min()
        table["departure_date"] = table["contingent"].map(left)
    table["days"] = (table["departure_date"] - table["date"]).dt.days + extra
    return table[["contingent", "days"]].reset_index(drop=True)


def _days_in_country() -> pd.DataFrame:
    return _stay()


def _days_left_join() -> pd.DataFrame:
    return _stay(how="left")


def _days_to_first_departure() -> pd.DataFrame:
    return _stay(end="first_departure")


def _days_inclusive() -> pd.DataFrame:
    return _stay(extra=1)


def _days_from_decision() -> pd.DataFrame:
    return _stay(start="decision")


# --- the chart -----------------------------------------------------------------------------


def _claims_chart() -> dict[str, str]:
    return {"mark": "point", "x": "value", "y": "country", "color": "claimant_type"}


def _claims_bars() -> dict[str, str]:
    return {**_claims_chart(), "mark": "bar"}


def _claims_swapped() -> dict[str, str]:
    return {**_claims_chart(), "x": "country", "y": "value"}


def _claims_by_outlet() -> dict[str, str]:
    return {**_claims_chart(), "color": "claimed_by"}


register(
    Exercise(
        id="l04-claims-range",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For every contributing state, the smallest and largest number of troops claimed for its "
            "contingent: a DataFrame with the columns country, min and max, one row per state."
        ),
        hint=(
            "the contingents table mixes national contingents, the whole force, and vehicles; "
            "decide which rows are troop claims about one country before you summarise."
        ),
        method=(
            "Keep the rows with scope 'national', measure 'troops' and a value; group them by country "
            "and aggregate value with min and max; reset the index so that country is a column."
        ),
        code=(
            "keep = (claims['scope'] == 'national') & (claims['measure'] == 'troops') "
            "& claims['value'].notna(); claims[keep].astype({'country': str})"
            ".groupby('country')['value'].agg(['min', 'max']).reset_index()"
        ),
        expected=_claims_range,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=_claims_range_with_total,
                message=(
                    "your table has a row for 'CSTO total': claims about the whole force are not a "
                    "national contingent, keep scope == 'national'"
                ),
            ),
            Mistake(
                answer=_claims_range_all_measures,
                message=(
                    "a minimum that low counts vehicles, not soldiers: keep measure == 'troops'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-disputed",
        kind="names",
        prompt=(
            "For which contributing states do the published troop figures disagree (largest claim "
            "above the smallest)? A list of country names."
        ),
        hint="several claims can repeat the same figure; disagreement is about the values, not the count.",
        method=(
            "From the table of the previous exercise, keep the rows where max is greater than min and "
            "list their country."
        ),
        code="claim_range.loc[claim_range['max'] > claim_range['min'], 'country'].tolist()",
        expected=_disputed_countries,
        mistakes=(
            Mistake(
                answer=_disputed_with_total,
                message=(
                    "'CSTO total' is not a contributing state: the claims about the whole force do "
                    "disagree, but the question is about national contingents"
                ),
            ),
            Mistake(
                answer=_countries_with_several_claims,
                message=(
                    "you listed every state with more than one claim: several outlets can give the "
                    "same figure, which is agreement, not dispute"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-smallest-exact-total",
        kind="number",
        prompt=(
            "Among the claims about the size of the whole force (scope 'total'), what is the smallest "
            "troop figure given as an exact count (value_qualifier 'exact')? A number."
        ),
        hint=(
            "'about 2,000' and 'at least 2,000' are not counts of 2,000; look at value_qualifier "
            "as well as scope and measure."
        ),
        method=(
            "Keep the rows with scope 'total', measure 'troops' and value_qualifier 'exact', then take "
            "the minimum of value."
        ),
        code=(
            "t = claims[(claims['scope'] == 'total') & (claims['measure'] == 'troops')]; "
            "int(t.loc[t['value_qualifier'] == 'exact', 'value'].min())"
        ),
        expected=_smallest_exact_total,
        mistakes=(
            Mistake(
                answer=_smallest_total_any_qualifier,
                message=(
                    "that figure was given as 'at least' or 'about', not as an exact count: filter "
                    "value_qualifier == 'exact'"
                ),
            ),
            Mistake(
                answer=_smallest_exact_any_scope,
                message=(
                    "that is a claim about one national contingent, not the whole force: keep "
                    "scope == 'total'"
                ),
            ),
            Mistake(
                answer=_smallest_exact_total_any_measure,
                message="that is the number of vehicles, not of troops: keep measure == 'troops'",
            ),
        ),
    ),
    Exercise(
        id="l04-operation-days",
        kind="number",
        prompt=(
            "How many days passed between the Collective Security Council's decision and the last "
            "withdrawal event of January 2022? A whole number of days."
        ),
        hint=(
            "the Council met more than once, and the withdrawal took several days: which date "
            "starts the clock and which stops it?"
        ),
        method=(
            "In events, take the earliest date of a 'csto_decision' event and the latest date of a "
            "'withdrawal' event in January 2022; subtract the first from the second and read .days."
        ),
        code=(
            "start = events.loc[events['event_type'] == 'csto_decision', 'date'].min(); "
            "january = events[events['date'] <= '2022-01-31']; "
            "end = january.loc[january['event_type'] == 'withdrawal', 'date'].max(); (end - start).days"
        ),
        expected=_operation_days,
        mistakes=(
            Mistake(
                answer=_days_from_request,
                message=(
                    "you started from Tokayev's request, a day before the Council decided: the "
                    "question starts the clock at the 'csto_decision'"
                ),
            ),
            Mistake(
                answer=_days_to_first_withdrawal,
                message=(
                    "you stopped at the first withdrawal event, the send-off ceremony: the last "
                    "troops left days later, take the latest withdrawal"
                ),
            ),
            Mistake(
                answer=_days_from_later_session,
                message=(
                    "you started from the Council's later videoconference: the decision to send "
                    "the force is the earliest 'csto_decision'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-latest-claim",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For each contributing state, its latest troop claim (national scope, with a value): a "
            "DataFrame with the columns country, value and claim_date, one row per state. If several "
            "claims share the latest date, keep the largest value."
        ),
        hint=(
            "order the claims in time first; then you want one row per country, from the right end "
            "of that order."
        ),
        method=(
            "Keep the national troop claims with a value, sort them by claim_date and then value, "
            "group by country and keep the last row of each group (tail(1))."
        ),
        code=(
            "national.sort_values(['claim_date', 'value']).groupby('country').tail(1)"
            "[['country', 'value', 'claim_date']]"
        ),
        expected=_latest_claim,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=_first_claim,
                message=(
                    "these are the first claims, not the latest: some early media figures were "
                    "overtaken by later official ones; take the last row per country"
                ),
            ),
            Mistake(
                answer=_latest_claim_with_total,
                message=(
                    "your table has a row for 'CSTO total': the claims about the whole force are not "
                    "a national contingent, keep scope == 'national'"
                ),
            ),
            Mistake(
                answer=_ranked_claim,
                message=(
                    "that is summarise_claims' 'best' claim, which ranks officials above later "
                    "claims: the question asks for the latest claim, whoever made it"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-claims-chart",
        kind="chart",
        prompt=(
            "Draw the national troop claims (the table national) so that each claim is one mark: "
            "the number of troops on the x axis, the country on the y axis and the type of claimant "
            "as colour. An Altair chart."
        ),
        hint=(
            "each claim should stay visible on its own; which mark shows one row as one "
            "symbol without adding rows together?"
        ),
        method=(
            "Use alt.Chart(national) with mark_point() and encode x as value (quantitative), y as "
            "country (nominal) and color as claimant_type (nominal)."
        ),
        code=(
            "alt.Chart(national).mark_point(filled=True).encode("
            "x='value:Q', y='country:N', color='claimant_type:N')"
        ),
        expected=_claims_chart,
        mistakes=(
            Mistake(
                answer=_claims_bars,
                message=(
                    "bars start at zero and stack every claim of a country: they show the sum of the "
                    "claims, a number nobody claimed; use points"
                ),
            ),
            Mistake(
                answer=_claims_swapped,
                message="the axes are swapped: troops on x, countries on y",
            ),
            Mistake(
                answer=_claims_by_outlet,
                message=(
                    "colour by the kind of claimant (claimant_type), not by each outlet: the question "
                    "is whether officials and the media disagree"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-days-in-country",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For each contingent that has a dated deployment event in moves, the number of days from "
            "its first deployment event (moves) to its departure_date (claims; take the latest one "
            "given for the country): a DataFrame with the columns contingent and days, one row per "
            "contingent."
        ),
        hint=(
            "the two dates live in two tables that name the state in different columns; and not "
            "every contingent has both dates."
        ),
        method=(
            "From moves keep the deployment rows and take the earliest date per contingent; from "
            "claims take the latest departure_date per country, renamed contingent; merge the two "
            "(an inner merge keeps only contingents with both dates) and subtract: "
            "(departure_date - date).dt.days."
        ),
        code=(
            "first = moves[moves['phase'] != 'departure'].groupby('contingent', as_index=False)['date']"
            ".min(); left = claims[claims['scope'] == 'national'].astype({'country': str})"
            ".groupby('country', as_index=False)['departure_date'].max()"
            ".rename(columns={'country': 'contingent'}); stay = first.merge(left, on='contingent'); "
            "stay['days'] = (stay['departure_date'] - stay['date']).dt.days; stay[['contingent', 'days']]"
        ),
        expected=_days_in_country,
        extra={"sort_by": ["contingent"]},
        mistakes=(
            Mistake(
                answer=_days_left_join,
                message=(
                    "your table keeps a contingent with no dated deployment event, so its days are "
                    "empty: the question asks only for contingents that have one (an inner merge)"
                ),
            ),
            Mistake(
                answer=_days_to_first_departure,
                message=(
                    "you stopped the clock at the first departure event in moves: the Russian "
                    "contingent left in waves, use departure_date from claims"
                ),
            ),
            Mistake(
                answer=_days_inclusive,
                message=(
                    "you counted both the first and the last day: a difference of dates, "
                    "(end - start).dt.days, is what is asked"
                ),
            ),
            Mistake(
                answer=_days_from_decision,
                message=(
                    "you started every contingent's clock on the Council's decision day: start at "
                    "each contingent's own first deployment event"
                ),
            ),
        ),
    ),
    Exercise(
        id="l04-sum-vs-total",
        kind="number",
        prompt=(
            "Add up the latest troop claim of each national contingent (your table from exercise "
            "l04-latest-claim). By how many troops does this sum exceed the largest figure for the whole force "
            "given by an official (claimant_type 'csto_official' or 'national_official') on or after "
            "10 January 2022? A number (negative if the sum is smaller)."
        ),
        hint=(
            "two numbers: one from the national claims, one from the claims about the whole force; "
            "mind who made the second claim and when."
        ),
        method=(
            "Sum the value column of your latest-claim table. Then keep the total-scope troop claims "
            "made by CSTO or national officials with claim_date >= '2022-01-10' and take their "
            "maximum. Subtract the second number from the first."
        ),
        code=(
            "parts = national.sort_values(['claim_date', 'value']).groupby('country').tail(1)"
            "['value'].sum(); later = totals[totals['claimant_type'].isin(['csto_official', "
            "'national_official']) & (totals['claim_date'] >= '2022-01-10')]; "
            "int(parts - later['value'].max())"
        ),
        expected=_sum_latest_minus_total,
        mistakes=(
            Mistake(
                answer=_sum_all_claims_minus_total,
                message=(
                    "you added every national claim: several claims describe the same soldiers, "
                    "keep one (the latest) per country"
                ),
            ),
            Mistake(
                answer=_sum_latest_minus_early_total,
                message=(
                    "you compared with the figure announced in the first days, before the deployment "
                    "was complete: keep the official claims from 10 January on"
                ),
            ),
            Mistake(
                answer=_sum_latest_with_total_minus_total,
                message=(
                    "your sum includes a claim about the whole force: add up the national "
                    "contingents only"
                ),
            ),
        ),
    ),
)
