"""Lesson 3: the January 2022 crisis: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson03_answers`.
"""

from cstolab.exercise_bank import lesson03_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l03-max-detained",
        kind="number",
        prompt="What is the highest number of detentions claimed for the period 1-20 January 2022?",
        hint="two filters come before the summary: one for the period, one for what the number counts.",
        method="keep the rows dated 1-20 January 2022, then those whose value_unit is 'detained', "
        "and take the maximum of value.",
        code=answers.JAN + 'answer = in_jan.loc[in_jan["value_unit"] == "detained", "value"].max()',
        expected=answers.max_detained_january,
        mistakes=(
            Mistake(
                answers.unless(answers.max_any_unit_january, answers.max_detained_january),
                "that is the largest number of any kind (crowd sizes and Tokayev's 'bandits' too): "
                "keep only the rows whose value_unit is 'detained'",
            ),
            Mistake(
                answers.sum_detained_january,
                "you added the claims up: each is a running total published on another day, so "
                "the sum counts the same people many times over",
            ),
        ),
    ),
    Exercise(
        id="l03-almaty-events",
        kind="number",
        prompt="How many rows of crisis_2022 dated 1-20 January 2022 are placed in Almaty city or at Almaty airport?",
        hint="the airport is a place of its own in the data; look at the place_id values.",
        method="keep the rows dated 1-20 January, test place_id with isin(['almaty', "
        "'almaty_airport']) and count the True values.",
        code=answers.JAN + 'answer = in_jan["place_id"].isin(["almaty", "almaty_airport"]).sum()',
        expected=answers.almaty_events,
        mistakes=(
            Mistake(
                answers.unless(answers.almaty_city_only, answers.almaty_events),
                "you counted the city only: the airport (place_id 'almaty_airport') belongs in the count too",
            ),
            Mistake(
                answers.unless(answers.almaty_with_region, answers.almaty_events),
                "Almaty Region (almaty_region) is the province around the city, not the city or its airport",
            ),
        ),
    ),
    Exercise(
        id="l03-first-5000",
        kind="date",
        prompt="On what date was a figure of more than 5,000 detained first reported?",
        hint="a claim has two dates; and not every number over 5,000 counts detentions.",
        method="keep the rows whose value_unit is 'detained' and whose value is over 5000, then "
        "take the earliest reported_on.",
        code='over = crisis[(crisis["value_unit"] == "detained") & (crisis["value"] > 5000)]\n'
        'answer = over["reported_on"].min()',
        expected=answers.first_over_5000_detained,
        mistakes=(
            Mistake(
                answers.unless(answers.first_over_5000_any_unit, answers.first_over_5000_detained),
                "an earlier number over 5,000 is not a detention figure (Tokayev's 'up to 20,000' "
                "attackers): keep only value_unit 'detained'",
            ),
            Mistake(
                answers.unless(answers.last_over_5000_detained, answers.first_over_5000_detained),
                "that is the latest report of such a figure; the question asks when one first appeared",
            ),
        ),
    ),
    Exercise(
        id="l03-detentions-chart",
        kind="chart",
        prompt="Chart the detention claims dated 1-20 January as points: x = reported_on, "
        "y = value, shape = value_qualifier.",
        hint="each claim is one mark of its own, placed by the day it was published.",
        method="filter the January rows to event_type 'detention_report', then alt.Chart(...)"
        ".mark_point() with x on reported_on, y on value and shape on value_qualifier.",
        code=answers.JAN + 'det = in_jan[in_jan["event_type"] == "detention_report"]\n'
        'answer = alt.Chart(det).mark_point().encode(x="reported_on:T", y="value:Q", '
        'shape="value_qualifier:N")',
        expected=lambda: {
            "mark": "point",
            "x": "reported_on",
            "y": "value",
            "shape": "value_qualifier",
        },
        mistakes=(
            Mistake(
                lambda: {"mark": "bar", "x": "reported_on", "y": "value"},
                "bars of the same day stack, so two claims published on one day add up to a "
                "number nobody stated: use points",
            ),
            Mistake(
                lambda: {"mark": "line", "x": "reported_on", "y": "value"},
                "a line suggests the count grew smoothly between claims and hides which claims "
                "were minimums: show each claim as a point",
            ),
            Mistake(
                lambda: {"mark": "point", "x": "date", "y": "value"},
                "x shows the day the figure refers to; the task asks for the day it was published (reported_on)",
            ),
        ),
    ),
    Exercise(
        id="l03-qualifiers",
        kind="frame",
        points=2,  # a table: several steps
        prompt="For detention claims dated 1-20 January, a table with one row per value_qualifier "
        "used: columns value_qualifier, claims (rows), highest (largest value).",
        hint="group the detention claims by how they were stated, then summarise each group twice.",
        method="filter the January rows to event_type 'detention_report', group by "
        "value_qualifier with observed=True, aggregate claims=('value', 'size') and "
        "highest=('value', 'max'), and reset_index().",
        code=answers.JAN + 'det = in_jan[in_jan["event_type"] == "detention_report"]\n'
        'answer = det.groupby("value_qualifier", observed=True).agg(\n'
        '    claims=("value", "size"), highest=("value", "max")).reset_index()',
        expected=answers.qualifiers,
        mistakes=(
            Mistake(
                answers.qualifiers_unused_categories,
                "your table lists qualifiers no detention claim uses (grouping a categorical column "
                "shows every category): pass observed=True",
            ),
            Mistake(
                answers.qualifiers_all_dates,
                "you left the date window open: the March figure counts people in custody, a "
                "different measure; keep 1-20 January",
            ),
            Mistake(
                answers.qualifiers_summed,
                "you added the claims of each kind; 'highest' asks for the largest claim, and "
                "successive claims count the same people again",
            ),
        ),
    ),
    Exercise(
        id="l03-operation-days",
        kind="number",
        prompt="Days from Tokayev's request to the CSTO (row kz-2022-01-05-tokayev-csto-request) "
        "to the last withdrawal dated 1-20 January.",
        hint="find the two dates first; then think about what a difference of two dates counts.",
        method="take the date of the request row and the latest date of the January rows with "
        "event_type 'withdrawal'; subtract and read .days.",
        code=answers.JAN
        + 'request = crisis.loc[crisis["event_id"] == "kz-2022-01-05-tokayev-csto-request", "date"].iloc[0]\n'
        'last_out = in_jan.loc[in_jan["event_type"] == "withdrawal", "date"].max()\n'
        "answer = (last_out - request).days",
        expected=answers.operation_days,
        mistakes=(
            Mistake(
                answers.operation_days_inclusive,
                "you counted both the first and the last day; the difference of two dates counts "
                "the days in between, as (last - first).days does",
            ),
            Mistake(
                answers.unless(answers.operation_days_first_withdrawal, answers.operation_days),
                "you stopped at the first withdrawal; the contingents left over several days, and "
                "the question asks for the last",
            ),
        ),
    ),
    Exercise(
        id="l03-protest-places",
        kind="names",
        prompt="Names (locations' name column) of the places of the protest and violence rows "
        "dated 1-20 January.",
        hint="crisis_2022 has keys, not names; another dataset has the names.",
        method="keep the January rows whose event_type is 'protest' or 'violence', merge them "
        "with locations on place_id (rows without a place drop out) and take the unique names.",
        code=answers.JAN + 'unrest = in_jan[in_jan["event_type"].isin(["protest", "violence"])]\n'
        'answer = sorted(set(unrest.merge(locations, on="place_id")["name"]))',
        expected=answers.protest_places,
        mistakes=(
            Mistake(
                answers.unless(answers.protest_only_places, answers.protest_places),
                "you kept the protests only; the violence rows add places",
            ),
            Mistake(
                answers.protest_place_ids,
                "these are place_id keys; join to locations and give its name column",
            ),
            Mistake(
                answers.any_event_places,
                "you kept rows of every event type; the question asks for protest and violence rows only",
            ),
        ),
    ),
    Exercise(
        id="l03-death-toll-rise",
        kind="number",
        prompt="In the lesson's claims table: latest minus first death claim (measure 'killed') "
        "for scope 'all people', in order of reported_on.",
        hint="not every death figure counts the same people, and the story does not end on 20 January.",
        method="keep the rows of claims whose measure is 'killed' and scope 'all people', sort by "
        "reported_on, and subtract the first value from the last.",
        code='deaths = claims[(claims["measure"] == "killed") & (claims["scope"] == "all people")]\n'
        'deaths = deaths.sort_values("reported_on")\n'
        'answer = deaths["value"].iloc[-1] - deaths["value"].iloc[0]',
        expected=answers.death_rise,
        mistakes=(
            Mistake(
                answers.unless(lambda: answers.death_rise(all_scopes=True), answers.death_rise),
                "the first death figures counted only the security forces; compare claims that "
                "count the same people (scope 'all people')",
            ),
            Mistake(
                answers.unless(lambda: answers.death_rise(window=True), answers.death_rise),
                "you stopped at 20 January; the Prosecutor General's Office revised the toll later in 2022",
            ),
            Mistake(
                answers.unless(answers.death_range, answers.death_rise),
                "that is the highest minus the lowest claim; the claims did not only rise, so "
                "take the first and the last in order of reported_on",
            ),
        ),
    ),
)
