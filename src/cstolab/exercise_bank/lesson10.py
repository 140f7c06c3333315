"""Lesson 10: legality, intervention by invitation: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson10_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson10_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l10-claims-external",
        kind="number",
        prompt=(
            "How many justifications (provisions rows of kind request, decision or statement) both "
            "cite a provision (invokes not empty) and say that the threat came, at least in part, "
            "from outside Kazakhstan? A number."
        ),
        hint="two conditions on two columns, and an empty cell is not 'true'.",
        method=(
            "Keep the rows whose kind is request, decision or statement; count those whose invokes "
            "is not empty and whose claims_external_threat is true (fill empty cells with False)."
        ),
        code=(
            "j = provisions[provisions['kind'].isin(['request', 'decision', 'statement'])]; "
            "int((j['invokes'].notna() & j['claims_external_threat'].fillna(False)).sum())"
        ),
        expected=answers.citing_and_claiming,
        mistakes=(
            Mistake(
                answer=answers.claims_outside,
                message=(
                    "that counts every justification that claims an outside threat, also those that "
                    "cite no provision: add the condition on invokes"
                ),
            ),
            Mistake(
                answer=answers.citing_an_article,
                message=(
                    "that counts every justification that cites a provision; citing Article 4 is not "
                    "the same as claiming an outside threat"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-in-force",
        kind="choice",
        prompt=(
            "In the cases dataset, Armenia's request of May 2021 (case_id 'am-2021-05-border') "
            "invoked Article 2 of the Collective Security Treaty. Which wording of Article 2 was in "
            "force on its request_date? Give its provision_id as a string."
        ),
        hint="take the day from cases; two provisions rows hold Article 2, each with the dates of its life.",
        method=(
            "Read the request_date of that case in cases; keep the treaty's Article 2 rows of "
            "provisions; the wording in force is the one whose in_force is on or before that day and "
            "whose replaced_on is empty or later."
        ),
        code=(
            "a2 = provisions[provisions['provision_id'].isin(['cst-1992-art2', 'cst-2010-art2'])]; "
            "day = cases.loc[cases['case_id'] == 'am-2021-05-border', 'request_date'].iloc[0]; "
            "a2.loc[(a2['in_force'] <= day) & (a2['replaced_on'].isna() | (a2['replaced_on'] > day)), "
            "'provision_id'].iloc[0]"
        ),
        expected=answers.wording_in_force,
        options=("cst-1992-art2", "cst-2010-art2"),
        mistakes=(
            Mistake(
                answer=answers.wording_first_signed,
                message=(
                    "the 1992 wording had been replaced by then (see its replaced_on); that the treaty "
                    "is still called 'the treaty of 1992' names the treaty, not the wording"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-charter-days",
        kind="number",
        prompt=(
            "How many days passed between the signing of the CSTO Charter (provision_id "
            "'csto-2002-charter-art3') and its entry into force? A whole number."
        ),
        hint="both dates are in the row; a difference of two dates is a Timedelta.",
        method="Take in_force minus adopted for that row and read the Timedelta's .days.",
        code=(
            "row = provisions.set_index('provision_id').loc['csto-2002-charter-art3']; "
            "(row['in_force'] - row['adopted']).days"
        ),
        expected=answers.charter_days,
        mistakes=(
            Mistake(
                answer=answers.charter_whole_years,
                message=(
                    "that multiplies the difference in calendar years by 365; subtract the dates "
                    "themselves"
                ),
            ),
            Mistake(
                answer=answers.charter_days_inclusive,
                message=(
                    "one day too many: a date difference does not count the first day as well as the "
                    "last"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-outside-attacker",
        kind="names",
        prompt=(
            "Which legal texts (kind treaty_text, amendment, charter or resolution) have wording "
            "that requires the attack to come from outside? A list of provision_id values."
        ),
        hint="an empty cell in requires_external_attack is an answer too, and it is not 'yes'.",
        method=(
            "Keep the legal texts, then the rows whose requires_external_attack is true; treat "
            "empty cells as not true."
        ),
        code=(
            "legal = provisions[provisions['kind'].isin(['treaty_text', 'amendment', 'charter', "
            "'resolution'])]; legal.loc[legal['requires_external_attack'].fillna(False), "
            "'provision_id'].tolist()"
        ),
        expected=answers.outside_attacker_texts,
        mistakes=(
            Mistake(
                answer=answers.empty_read_as_yes,
                message=(
                    "you counted empty cells as 'yes': empty means the wording does not settle where "
                    "the attack comes from"
                ),
            ),
            Mistake(
                answer=answers.texts_and_claims,
                message=(
                    "you added justifications that claim an outside threat: the question is what "
                    "the texts require, not what the officials claimed"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-invoked-wording",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For every justification that cites a provision (invokes not empty), a DataFrame with "
            "the columns provision_id, invokes, claims_external_threat and invoked_requires: the "
            "requires_external_attack value of the provision it invokes."
        ),
        hint="the table has to be joined to itself: the key of the second copy is what the first one invokes.",
        method=(
            "Keep the justifications whose invokes is not empty; merge them (left) with a copy of "
            "provisions holding only provision_id and requires_external_attack, renamed invokes and "
            "invoked_requires, on invokes."
        ),
        code=(
            "j = provisions[provisions['invokes'].notna()][['provision_id', 'invokes', "
            "'claims_external_threat']]; wording = provisions[['provision_id', "
            "'requires_external_attack']].rename(columns={'provision_id': 'invokes', "
            "'requires_external_attack': 'invoked_requires'}); j.merge(wording, on='invokes', how='left')"
        ),
        expected=answers.invoked_wording,
        extra={"sort_by": ["provision_id"]},
        mistakes=(
            Mistake(
                answer=answers.invoked_1992_wording,
                message=(
                    "you looked up the 1992 wording; the justifications of 2022 invoke the amended "
                    "Article 4 (cst-2010-art4), whose wording does not name the attacker"
                ),
            ),
            Mistake(
                answer=answers.invoked_all_rows,
                message=(
                    "your table keeps justifications that cite no provision: drop the rows whose "
                    "invokes is empty first"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-statement-join",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "Join the provisions rows that have a statement_id to the statements dataset: a "
            "DataFrame with the columns provision_id, actor_type and stance, one row per linked "
            "provisions row."
        ),
        hint="the link is statement_id; check that every provisions row with a statement_id finds its match.",
        method=(
            "Keep the provisions rows whose statement_id is not empty and merge them with "
            "statements[['statement_id', 'actor_type', 'stance']] on statement_id, using the whole "
            "statements table."
        ),
        code=(
            "linked = provisions[provisions['statement_id'].notna()]; "
            "linked.merge(statements[['statement_id', 'actor_type', 'stance']], "
            "on='statement_id')[['provision_id', 'actor_type', 'stance']]"
        ),
        expected=answers.linked_statements,
        extra={"sort_by": ["provision_id"]},
        mistakes=(
            Mistake(
                answer=answers.linked_legality_only,
                message=(
                    "you filtered the statements to the topic 'legality' before joining; some linked "
                    "statements are coded framing or csto_role, so their rows got lost"
                ),
            ),
            Mistake(
                answer=answers.legality_left_join,
                message=(
                    "that keeps every statement on legality, with empty provision_id where no "
                    "provisions row links to it: start from the provisions rows"
                ),
            ),
        ),
    ),
    Exercise(
        id="l10-scholar-stances",
        kind="names",
        prompt=(
            "Which stances do scholars and analysts (actor_type scholar_analyst) take in the "
            "statements on legality? A list of stance values."
        ),
        hint="two conditions, one on the topic and one on the type of actor.",
        method=(
            "Keep the statements whose topic is 'legality' and whose actor_type is "
            "'scholar_analyst', then list the distinct stance values."
        ),
        code=(
            "legality[legality['actor_type'] == 'scholar_analyst']['stance'].astype(str).unique().tolist()"
        ),
        expected=answers.scholar_stances,
        mistakes=(
            Mistake(
                answer=answers.scholar_stances_all_topics,
                message=(
                    "those are the scholars' stances on every topic (framing, role of the CSTO, ...): "
                    "keep the topic 'legality'"
                ),
            ),
            Mistake(
                answer=answers.legality_stances,
                message="those are the stances of every actor on legality: keep scholar_analyst only",
            ),
        ),
    ),
    Exercise(
        id="l10-legality-chart",
        kind="chart",
        prompt=(
            "Draw a horizontal stacked bar chart of the statements on legality: one bar per "
            "actor_type on y, the number of statements (a column named statements) on x, coloured "
            "by stance."
        ),
        hint="count first (groupby on two columns, then .size()), then draw; the bar runs along x.",
        method=(
            "counts = legality.groupby(['actor_type', 'stance'], observed=True).size()"
            ".reset_index(name='statements'); then alt.Chart(counts).mark_bar() encoding x, y and "
            "color."
        ),
        code=(
            "alt.Chart(counts).mark_bar().encode(x='statements:Q', y='actor_type:N', color='stance:N')"
        ),
        expected=lambda: answers.chart("bar", "statements", "actor_type", "stance"),
        mistakes=(
            Mistake(
                answer=lambda: answers.chart("bar", "actor_type", "statements", "stance"),
                message=(
                    "x and y are swapped: for horizontal bars actor_type goes on y and the count on x"
                ),
            ),
            Mistake(
                answer=lambda: answers.chart("bar", "statements", "actor_type", "actor_type"),
                message=(
                    "colouring by actor_type repeats the y axis; colour by stance to see the split "
                    "inside each bar"
                ),
            ),
        ),
    ),
)
