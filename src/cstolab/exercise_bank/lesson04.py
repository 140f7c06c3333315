"""Lesson 4: the operation: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson04_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson04_answers as answers
from cstolab.exercises import Exercise, Mistake, register

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
        expected=answers.claims_range,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=answers.claims_range_with_total,
                message=(
                    "your table has a row for 'CSTO total': claims about the whole force are not a "
                    "national contingent, keep scope == 'national'"
                ),
            ),
            Mistake(
                answer=answers.claims_range_all_measures,
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
        expected=answers.disputed_countries,
        mistakes=(
            Mistake(
                answer=answers.disputed_with_total,
                message=(
                    "'CSTO total' is not a contributing state: the claims about the whole force do "
                    "disagree, but the question is about national contingents"
                ),
            ),
            Mistake(
                answer=answers.countries_with_several_claims,
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
        expected=answers.smallest_exact_total,
        mistakes=(
            Mistake(
                answer=answers.smallest_total_any_qualifier,
                message=(
                    "that figure was given as 'at least' or 'about', not as an exact count: filter "
                    "value_qualifier == 'exact'"
                ),
            ),
            Mistake(
                answer=answers.smallest_exact_any_scope,
                message=(
                    "that is a claim about one national contingent, not the whole force: keep "
                    "scope == 'total'"
                ),
            ),
            Mistake(
                answer=answers.smallest_exact_total_any_measure,
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
        expected=answers.operation_days,
        mistakes=(
            Mistake(
                answer=answers.days_from_request,
                message=(
                    "you started from Tokayev's request, a day before the Council decided: the "
                    "question starts the clock at the 'csto_decision'"
                ),
            ),
            Mistake(
                answer=answers.days_to_first_withdrawal,
                message=(
                    "you stopped at the first withdrawal event, the send-off ceremony: the last "
                    "troops left days later, take the latest withdrawal"
                ),
            ),
            Mistake(
                answer=answers.days_from_later_session,
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
        expected=answers.latest_claim,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=answers.first_claim,
                message=(
                    "these are the first claims, not the latest: some early media figures were "
                    "overtaken by later official ones; take the last row per country"
                ),
            ),
            Mistake(
                answer=answers.latest_claim_with_total,
                message=(
                    "your table has a row for 'CSTO total': the claims about the whole force are not "
                    "a national contingent, keep scope == 'national'"
                ),
            ),
            Mistake(
                answer=answers.ranked_claim,
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
        expected=answers.claims_chart,
        mistakes=(
            Mistake(
                answer=answers.claims_bars,
                message=(
                    "bars start at zero and stack every claim of a country: they show the sum of the "
                    "claims, a number nobody claimed; use points"
                ),
            ),
            Mistake(
                answer=answers.claims_swapped,
                message="the axes are swapped: troops on x, countries on y",
            ),
            Mistake(
                answer=answers.claims_by_outlet,
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
        expected=answers.days_in_country,
        extra={"sort_by": ["contingent"]},
        mistakes=(
            Mistake(
                answer=answers.days_left_join,
                message=(
                    "your table keeps a contingent with no dated deployment event, so its days are "
                    "empty: the question asks only for contingents that have one (an inner merge)"
                ),
            ),
            Mistake(
                answer=answers.days_to_first_departure,
                message=(
                    "you stopped the clock at the first departure event in moves: the Russian "
                    "contingent left in waves, use departure_date from claims"
                ),
            ),
            Mistake(
                answer=answers.days_inclusive,
                message=(
                    "you counted both the first and the last day: a difference of dates, "
                    "(end - start).dt.days, is what is asked"
                ),
            ),
            Mistake(
                answer=answers.days_from_decision,
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
        expected=answers.sum_latest_minus_total,
        mistakes=(
            Mistake(
                answer=answers.sum_all_claims_minus_total,
                message=(
                    "you added every national claim: several claims describe the same soldiers, "
                    "keep one (the latest) per country"
                ),
            ),
            Mistake(
                answer=answers.sum_latest_minus_early_total,
                message=(
                    "you compared with the figure announced in the first days, before the deployment "
                    "was complete: keep the official claims from 10 January on"
                ),
            ),
            Mistake(
                answer=answers.sum_latest_with_total_minus_total,
                message=(
                    "your sum includes a claim about the whole force: add up the national "
                    "contingents only"
                ),
            ),
        ),
    ),
)
