"""Lesson 2: the treaty and the organisation: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson02_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson02_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l02-treaty-to-charter",
        kind="number",
        prompt=(
            "How many years lie between the year the treaty was signed and the year the CSTO "
            "Charter was signed? A whole number."
        ),
        hint=(
            "both the treaty and the Charter have more than one row in inst: which of them is "
            "the signature?"
        ),
        method=(
            "Take the earliest date of milestone_type 'treaty' (the signature) and the earliest "
            "of 'charter' (the signature, not the entry into force), and subtract their .year."
        ),
        code=(
            "treaty = inst.loc[inst['milestone_type'] == 'treaty', 'date'].min(); "
            "charter = inst.loc[inst['milestone_type'] == 'charter', 'date'].min(); "
            "charter.year - treaty.year"
        ),
        expected=answers.years_treaty_to_charter,
        mistakes=(
            Mistake(
                answer=answers.years_treaty_to_charter_in_force,
                message=(
                    "you used the year the Charter entered into force: the question asks for the "
                    "year it was signed (the earliest 'charter' row)"
                ),
            ),
            Mistake(
                answer=answers.years_treaty_in_force_to_charter,
                message=(
                    "you started from the treaty's entry into force: the question starts from its "
                    "signature (the earliest 'treaty' row)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-sg-countries",
        kind="names",
        prompt=(
            "From which countries have the CSTO's Secretaries-General (acting included) come, up "
            "to the data date? A list of country names."
        ),
        hint="the rows of Secretaries-General name both a person and a country; one holder can appear twice.",
        method=(
            "Keep the institutions rows with milestone_type 'secretary_general' and preferred, "
            "then take the unique values of the column country."
        ),
        code=(
            "rows = inst[(inst['milestone_type'] == 'secretary_general') & inst['preferred']]; "
            "rows['country'].astype(str).unique().tolist()"
        ),
        expected=answers.sg_countries,
        mistakes=(
            Mistake(
                answer=answers.sg_people,
                message="you listed the people: the question asks for their countries",
            ),
            Mistake(
                answer=answers.sg_countries_before_2022,
                message=(
                    "you stopped before 2022: the question covers every holder up to the data "
                    "date, including those appointed after the Kazakhstan operation"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-crrf-spread",
        kind="number",
        prompt=(
            "How far apart are the largest and the smallest reported sizes of the CRRF (KSOR)? "
            "Use every claim, preferred or not. A number of personnel."
        ),
        hint=(
            "the force_size rows describe three different forces, and one CRRF claim is not "
            "marked preferred."
        ),
        method=(
            "Keep the force_size rows whose milestone_id starts with 'crrf', all of them (do not "
            "filter on preferred), and compute value.max() - value.min()."
        ),
        code=(
            "claims = inst[(inst['milestone_type'] == 'force_size') & "
            "inst['milestone_id'].str.startswith('crrf')]; "
            "int(claims['value'].max() - claims['value'].min())"
        ),
        expected=answers.crrf_spread,
        mistakes=(
            Mistake(
                answer=answers.crrf_spread_preferred,
                message=(
                    "you kept only preferred rows and so dropped the alternative claim: the "
                    "question asks about every reported size"
                ),
            ),
            Mistake(
                answer=answers.spread_all_forces,
                message=(
                    "that range mixes in the Central Asian force and the peacekeepers: keep the "
                    "rows whose milestone_id starts with 'crrf'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-crrf-vs-dyner",
        kind="number",
        prompt=(
            "How many times larger than Dyner's CRRF figure (source_id 'dyner2022') is the most "
            "recent preferred CRRF claim? A number rounded to two decimals."
        ),
        hint=(
            "two claims, picked by different rules: one by its source, the other by its date among "
            "the preferred claims. Neither the largest figure nor a typical one is asked for."
        ),
        method=(
            "From the CRRF force_size rows take the value whose source_id is 'dyner2022'; from the "
            "preferred CRRF rows sorted by date take the last value; divide the second by the "
            "first and round to two decimals."
        ),
        code=(
            "crrf = inst[(inst['milestone_type'] == 'force_size') & "
            "inst['milestone_id'].str.startswith('crrf')]; "
            "dyner = crrf.loc[crrf['source_id'] == 'dyner2022', 'value'].iloc[0]; "
            "latest = crrf[crrf['preferred']].sort_values('date')['value'].iloc[-1]; "
            "round(float(latest / dyner), 2)"
        ),
        expected=answers.crrf_vs_dyner,
        tolerance=0.005,
        mistakes=(
            Mistake(
                answer=answers.largest_vs_dyner,
                message=(
                    "you took the largest claim, the 2009 report's 'up to' figure: that is a "
                    "ceiling, not a count, and not the most recent claim"
                ),
            ),
            Mistake(
                answer=answers.average_vs_dyner,
                message=(
                    "you averaged the preferred claims: an average of reports from different years "
                    "is a figure nobody reported; take the most recent one"
                ),
            ),
            Mistake(
                answer=answers.dyner_vs_crrf,
                message="the ratio is upside down: divide the recent claim by Dyner's figure",
            ),
        ),
    ),
    Exercise(
        id="l02-sizes-chart",
        kind="chart",
        prompt=(
            "Draw the table sizes so that each reported size is one mark: the date of the report "
            "on the x axis, the reported value on the y axis and the force as colour. An Altair "
            "chart."
        ),
        hint=(
            "each claim should stay visible on its own, and nothing should suggest what happened "
            "between two reports; which mark does that?"
        ),
        method=(
            "Use alt.Chart(sizes) with mark_point() and encode x as date (temporal), y as value "
            "(quantitative) and color as force (nominal)."
        ),
        code=(
            "alt.Chart(sizes).mark_point(filled=True).encode("
            "x='date:T', y='value:Q', color='force:N')"
        ),
        expected=answers.sizes_chart,
        mistakes=(
            Mistake(
                answer=answers.sizes_bars,
                message=(
                    "bars start at zero and stack reports made on the same day: their height can "
                    "be a sum nobody reported; use points"
                ),
            ),
            Mistake(
                answer=answers.sizes_line,
                message=(
                    "a line alone suggests the force grew or shrank smoothly between reports, "
                    "which the sources do not say: show each report as a point"
                ),
            ),
            Mistake(
                answer=answers.sizes_swapped,
                message="the axes are swapped: the date of the report on x, the size on y",
            ),
            Mistake(
                answer=answers.sizes_by_source,
                message=(
                    "colour by force, not by source: the first question is which force a figure "
                    "is about (the tooltip can name the source)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-crrf-decision-days",
        kind="number",
        prompt=(
            "How many days passed between the Collective Security Council's decision to create "
            "the CRRF (milestone_type 'force_creation') and the day Belarus signed the CRRF "
            "documents (the 'agreement' row whose name mentions Belarus)? A whole number of days."
        ),
        hint=(
            "the decision has two dates in the data, and there is more than one CRRF agreement row."
        ),
        method=(
            "Keep the CRRF force_creation rows that are preferred and take the date; take the "
            "date of the CRRF agreement row whose name contains 'Belarus'; subtract the first "
            "from the second and read .days."
        ),
        code=(
            "crrf = inst[inst['milestone_id'].str.startswith('crrf')]; "
            "decided = crrf.loc[(crrf['milestone_type'] == 'force_creation') & crrf['preferred'], "
            "'date'].min(); "
            "belarus = crrf.loc[(crrf['milestone_type'] == 'agreement') & "
            "crrf['name'].str.contains('Belarus'), 'date'].min(); (belarus - decided).days"
        ),
        expected=answers.decision_to_belarus,
        mistakes=(
            Mistake(
                answer=answers.alternative_decision_to_belarus,
                message=(
                    "you started from the alternative date of the decision (a Kremlin page, "
                    "probably a typo): keep the preferred row"
                ),
            ),
            Mistake(
                answer=answers.decision_to_june_agreement,
                message=(
                    "you stopped at the June agreement, which Belarus did not sign: take the row "
                    "whose name mentions Belarus"
                ),
            ),
            Mistake(
                answer=answers.decision_to_belarus_inclusive,
                message=(
                    "you counted both the first and the last day: the difference of the two dates, "
                    "(end - start).days, is what is asked"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-rotation-terms",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For each Secretary-General who took office on or after 1 January 2020, when the post "
            "began to rotate, the length of the term in days as the data give it: end_date minus "
            "date, where a missing end_date is replaced by the day before the next holder took "
            "office, and a scheduled end is kept even if it lies after the data date. Use preferred "
            "rows. A DataFrame with the columns person and days, one row per term."
        ),
        hint=(
            "one rotating holder has no end_date, and another's end_date lies in the future; "
            "the table terms above treats both, but not quite as this question asks."
        ),
        method=(
            "Sort the preferred secretary_general rows by date; fill the missing end_date with "
            "the next row's date minus one day (shift(-1)); keep the rows with date from "
            "2020-01-01; days = (end - date).dt.days."
        ),
        code=(
            "rows = inst[(inst['milestone_type'] == 'secretary_general') & inst['preferred']]"
            ".sort_values('date'); "
            "rows['end'] = rows['end_date'].fillna(rows['date'].shift(-1) - pd.Timedelta(days=1)); "
            "rows = rows[rows['date'] >= '2020-01-01']; "
            "rows['days'] = (rows['end'] - rows['date']).dt.days; rows[['person', 'days']]"
        ),
        expected=answers.rotation_terms,
        extra={"sort_by": ["person"]},
        mistakes=(
            Mistake(
                answer=lambda: answers.rotation_terms(end="data_date"),
                message=(
                    "you cut the current term at the data date, as the table terms does: the "
                    "question asks for the term as scheduled"
                ),
            ),
            Mistake(
                answer=lambda: answers.rotation_terms(end="unfilled"),
                message=(
                    "a term has no days: its end_date is missing, fill it with the day before "
                    "the successor took office"
                ),
            ),
            Mistake(
                answer=lambda: answers.rotation_terms(extra=1),
                message=(
                    "you counted both the first and the last day: (end - start).dt.days is what "
                    "is asked"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-charter-members",
        kind="names",
        prompt=(
            "Which states were parties to the treaty on the day the CSTO Charter was signed? Take "
            "that day from inst (the earliest 'charter' row) and the events from members "
            "(preferred rows). A list of country names."
        ),
        hint=(
            "signing the treaty once is not enough: some signatories later stopped being parties "
            "before the Charter was signed."
        ),
        method=(
            "Take the Charter's signature date from inst. In members keep the preferred rows on or "
            "before that date; a state is a party if it signed (or returned) and has no later "
            "non_renewal, withdrawal or suspension. A set difference does it: signatories minus "
            "the states with a non_renewal before that date."
        ),
        code=(
            "day = inst.loc[inst['milestone_type'] == 'charter', 'date'].min(); "
            "before = members[members['preferred'] & (members['date'] <= day)]; "
            "signed = set(before.loc[before['event_type'] == 'signature', 'country'].astype(str)); "
            "left = set(before.loc[before['event_type'] == 'non_renewal', 'country'].astype(str)); "
            "sorted(signed - left)"
        ),
        expected=answers.charter_members,
        mistakes=(
            Mistake(
                answer=answers.signatories,
                message=(
                    "you listed every state that ever signed the treaty: three of them did not "
                    "renew it in 1999 and were no longer parties in 2002"
                ),
            ),
            Mistake(
                answer=answers.tashkent_six,
                message=(
                    "you took the six states that signed in Tashkent in 1992: one of them had left "
                    "by 2002, and a later signatory had joined"
                ),
            ),
        ),
    ),
    Exercise(
        id="l02-no-sg-yet",
        kind="names",
        prompt=(
            "Which states that are members at the data date (cstolab.data.as_of()) have never "
            "provided a Secretary-General, acting holders included? Combine members (who is a "
            "member) with inst (where the Secretaries-General come from). A list of country names."
        ),
        hint=(
            "first decide who is a member at the data date, which means following each state's "
            "events to the last one; then compare with the countries of the Secretaries-General."
        ),
        method=(
            "In members (preferred rows with a country) keep the joining events (signature, "
            "return) and the leaving ones (non_renewal, suspension); per country take the last one "
            "in date order; the members are the states whose last event is a joining one. Subtract "
            "the set of countries of the secretary_general rows in inst."
        ),
        code=(
            "ev = members[members['preferred'] & members['country'].notna() & members['event_type']"
            ".isin(['signature', 'return', 'non_renewal', 'suspension'])].sort_values('date'); "
            "last = ev.astype({'country': str}).groupby('country')['event_type'].last().astype(str); "
            "now = set(last[last.isin(['signature', 'return'])].index); "
            "sg = inst[inst['milestone_type'] == 'secretary_general']; "
            "sorted(now - set(sg['country'].dropna().astype(str)))"
        ),
        expected=answers.members_without_sg,
        mistakes=(
            Mistake(
                answer=answers.members_without_sg_ignoring_suspension,
                message=(
                    "your list includes a state whose membership was suspended in 2012 after it "
                    "had returned: follow each state to its last event"
                ),
            ),
            Mistake(
                answer=answers.signatories_without_sg,
                message=(
                    "you compared with every state that ever signed the treaty: several are no "
                    "longer members at the data date"
                ),
            ),
        ),
    ),
)
