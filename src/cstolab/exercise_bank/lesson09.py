"""Lesson 9: weighing sources: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson09_answers`.
"""

from cstolab.exercise_bank import lesson09_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l09-troop-ranges",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "Per contingent (the total included): the smallest and largest troop claims and the "
            "number of distinct sources, as columns country, min, max, n_sources."
        ),
        hint="the course has a function that condenses competing claims; it returns more columns than you need.",
        method=(
            "Call summarise_claims on the contingents table (it summarises troop claims by country), "
            "keep the columns min, max and n_sources, and turn the country index into a column."
        ),
        code="summarise_claims(contingents)[['min', 'max', 'n_sources']].reset_index()",
        expected=answers.troop_ranges,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=answers.ranges_without_total,
                message="the row 'CSTO total' is missing: the question asks for every contingent, the total included",
            ),
            Mistake(
                answer=answers.vehicle_ranges,
                message="you summarised the vehicle claims: the question is about troops (measure 'troops')",
            ),
        ),
    ),
    Exercise(
        id="l09-latest-death-toll",
        kind="number",
        prompt="What is the latest overall death toll reported for the January 2022 unrest?",
        hint="'latest' is about when a figure was reported, not about its size.",
        method=(
            "Use the table deaths (overall death-toll claims only), sort it by reported_on and take "
            "the value of the last row."
        ),
        code="int(deaths.sort_values('reported_on')['value'].iloc[-1])",
        expected=answers.latest_death_toll,
        mistakes=(
            Mistake(
                answer=answers.highest_death_toll,
                message=(
                    "that is the highest figure, not the latest one: a later official count can be "
                    "lower than an earlier one, so sort by reported_on"
                ),
            ),
            Mistake(
                answer=answers.first_death_toll,
                message="that is the first figure reported: after sorting, take the last row, not the first",
            ),
        ),
    ),
    Exercise(
        id="l09-isolated-claim",
        kind="choice",
        prompt=(
            "Which total troop figure is claimed by only one source? Answer with the figure as a string "
            "of digits."
        ),
        hint="for each figure claimed about the total, how many different sources carry it?",
        method=(
            "Keep the troop claims about the 'CSTO total', group them by value and count the distinct "
            "source_id values in each group; the isolated figure is the one with a count of 1."
        ),
        code=(
            "total_claims = troops[troops['country'] == 'CSTO total']; "
            "per_value = total_claims.groupby('value')['source_id'].nunique(); "
            "str(per_value.idxmin())"
        ),
        expected=answers.isolated_claim,
        options=tuple(str(v) for v in answers.total_values().index),
        mistakes=(
            Mistake(
                answer=answers.most_sourced_claim,
                message=(
                    "that figure is the most repeated one: the question asks for the figure that only "
                    "one source carries (use the smallest count, not the largest)"
                ),
            ),
            Mistake(
                answer=answers.best_by_rule,
                message=(
                    "that is summarise_claims's 'best' claim, chosen by who spoke and when: the question "
                    "is how many sources carry each figure"
                ),
            ),
        ),
    ),
    Exercise(
        id="l09-grade-chart",
        kind="chart",
        prompt=(
            "Draw a bar chart of the contingents dataset's rows per grade: from the table evidence keep "
            "the rows of 'contingents', then one bar per grade on the x axis, its height the number of "
            "rows on the y axis."
        ),
        hint="a count per category reads best as the length of a bar; which column holds the count, and which the share?",
        method=(
            "Filter evidence to dataset == 'contingents', start alt.Chart from that table, choose the "
            "bar mark, and encode 'grade' on x (nominal, sorted in the order of sources.GRADES) and "
            "'rows' on y (quantitative)."
        ),
        code=(
            "alt.Chart(evidence[evidence['dataset'] == 'contingents']).mark_bar()"
            ".encode(x=alt.X('grade:N', sort=list(sources.GRADES)), y='rows:Q')"
        ),
        expected=lambda: {"mark": "bar", "x": "grade", "y": "rows"},
        mistakes=(
            Mistake(
                answer=lambda: {"mark": "bar", "x": "grade", "y": "share"},
                message="you plotted the share of the dataset: the task asks for the number of rows (column 'rows')",
            ),
            Mistake(
                answer=lambda: {"mark": "rect", "x": "grade", "y": "rows"},
                message="mark_rect draws the heat map's cells: a count per grade is a bar, mark_bar()",
            ),
        ),
    ),
    Exercise(
        id="l09-press-rows",
        kind="number",
        prompt=(
            "How many rows of crisis_2022 cite at least one source graded 'press'? Count each row once, "
            "however many of its sources are press."
        ),
        hint="a source_id can hold several keys; a row with two press keys is still one row.",
        method=(
            "Split source_id on ';' and explode it to one key per line (the index still names the row), "
            "map every key to its grade with sources.bibliography(), mark the keys graded 'press', then "
            "group by the index and ask whether any key of the row is press; count the rows for which "
            "it is."
        ),
        code=(
            "grade = sources.bibliography().set_index('key')['sourcetype']; "
            "keys = crisis['source_id'].str.split(';').explode().str.strip(); "
            "int(keys.map(grade).eq('press').groupby(level=0).any().sum())"
        ),
        expected=answers.press_rows,
        mistakes=(
            Mistake(
                answer=answers.press_pairs,
                message=(
                    "you counted press sources, not rows: a row citing two press outlets counts once "
                    "(group the keys by row before counting)"
                ),
            ),
            Mistake(
                answer=answers.press_lead_rows,
                message=(
                    "you counted the rows whose LEADING grade is press (the evidence table): rows led by "
                    "a wire or official source can cite a newspaper too"
                ),
            ),
        ),
    ),
    Exercise(
        id="l09-reprint-only",
        kind="names",
        prompt=(
            "Which claims of the contingents dataset (all its rows: troops and vehicles, with or without "
            "a number) rest only on reprints? Give their claim_id values."
        ),
        hint="one source_id may hold several keys: a row rests on copies only if every one of them is a copy.",
        method=(
            "Map each key of source_id (split on ';') to its grade with sources.bibliography(); keep the "
            "rows of contingents whose every grade is 'reprint' and give their claim_id."
        ),
        code=(
            "grade = sources.bibliography().set_index('key')['sourcetype']; "
            "contingents.loc[contingents['source_id'].map(lambda s: all(grade[k.strip()] == 'reprint' "
            "for k in s.split(';') if k.strip())), 'claim_id']"
        ),
        expected=answers.contingent_claims_on_copies,
        mistakes=(
            Mistake(
                answer=answers.copied_keys,
                message="those are the keys of the reprints (source_id): the question asks for the claims, their claim_id",
            ),
            Mistake(
                answer=answers.copies_among_numbered_troop_claims,
                message=(
                    "you started from the table troops, which leaves out the vehicle claims and the "
                    "claims without a number: use the whole contingents table"
                ),
            ),
        ),
    ),
    Exercise(
        id="l09-one-government",
        kind="number",
        prompt=(
            "How many casualty and detention figures of crisis_2022 (the table figures) rest only on the "
            "voice of Kazakhstan's government?"
        ),
        hint="the function lists every row of the dataset, not only the figures: match the two tables.",
        method=(
            "Take sources.rows_on_one_government('crisis_2022'), keep the rows whose government is "
            "'Kazakhstan', and count how many event_id values of the figures table are among its row_id "
            "values."
        ),
        code=(
            "voices = sources.rows_on_one_government('crisis_2022'); "
            "kazakh = voices.loc[voices['government'] == 'Kazakhstan', 'row_id']; "
            "int(figures['event_id'].isin(kazakh).sum())"
        ),
        expected=answers.kazakh_voice_figures,
        mistakes=(
            Mistake(
                answer=answers.kazakh_voice_rows,
                message=(
                    "you counted every row of crisis_2022 on Kazakhstan's voice, events included: keep "
                    "only the casualty and detention figures"
                ),
            ),
            Mistake(
                answer=answers.other_voice_figures,
                message="that is the number of figures NOT on Kazakhstan's voice alone: count those whose event_id is in the list",
            ),
        ),
    ),
    Exercise(
        id="l09-tolls-after-withdrawal",
        kind="number",
        prompt=(
            "How many of the overall death-toll claims (the table deaths) were reported after the last "
            "CSTO contingent had left Kazakhstan (strictly after the latest departure_date in "
            "contingents)?"
        ),
        hint="two datasets: one gives you a date, the other the claims to compare with it.",
        method=(
            "Take the latest departure_date of the contingents table (the last day a contingent left), "
            "then count the rows of deaths whose reported_on is after that day."
        ),
        code=(
            "last_out = contingents['departure_date'].max(); "
            "int((deaths['reported_on'] > last_out).sum())"
        ),
        expected=answers.tolls_after_withdrawal,
        mistakes=(
            Mistake(
                answer=answers.tolls_after_first_departure,
                message=(
                    "you used the first departure (min): some contingents stayed longer, and the question "
                    "asks about the day the LAST one left (max)"
                ),
            ),
            Mistake(
                answer=answers.all_tolls,
                message="you counted every death-toll claim: keep only those reported after the last departure",
            ),
        ),
    ),
)
