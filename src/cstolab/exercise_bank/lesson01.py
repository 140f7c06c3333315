"""Lesson 1: what is the CSTO? Answers are computed from the members and institutions datasets: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson01_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson01_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l01-treaty-signed",
        kind="date",
        prompt="On what date was the Collective Security Treaty signed? A date (YYYY-MM-DD).",
        hint=(
            "the treaty and the organisation are two different things, and the treaty was signed "
            "by different states on different days: which of those days opened it?"
        ),
        method=(
            "In members, keep the rows whose event_type is 'signature' and take the earliest date."
        ),
        code="members.loc[members['event_type'] == 'signature', 'date'].min()",
        expected=answers.treaty_signed,
        mistakes=(
            Mistake(
                answer=answers.charter_signed,
                message=(
                    "that is the day the CSTO Charter was signed, which founded the organisation; "
                    "the treaty is ten years older"
                ),
            ),
            Mistake(
                answer=answers.last_signature,
                message=(
                    "that is the last signature, not the first: states signed on different days; "
                    "take the minimum date"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-non-renewal",
        kind="names",
        prompt="Which states did not renew the treaty in 1999? A list of country names.",
        hint="the members table names each kind of event in event_type.",
        method="Keep the rows of members whose event_type is 'non_renewal' and take their country.",
        code="members.loc[members['event_type'] == 'non_renewal', 'country'].tolist()",
        expected=answers.non_renewals,
        mistakes=(
            Mistake(
                answer=answers.periods_ended,
                message=(
                    "you listed every state whose membership period ended; Armenia's ended with a "
                    "freeze in 2024, not a non-renewal in 1999"
                ),
            ),
            Mistake(
                answer=answers.prolongers,
                message=(
                    "those are the states that signed the 1999 protocol and so did renew the "
                    "treaty: the question asks for the others"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-states-signed",
        kind="number",
        prompt="How many different states have ever signed the Collective Security Treaty? A number.",
        hint=(
            "look at the signature rows closely: is every row a different state, and is every "
            "row a claim the course prefers?"
        ),
        method=(
            "Keep the signature rows that are preferred (so that a disputed date is counted once) "
            "and count the distinct values of country."
        ),
        code=(
            "signed = members[(members['event_type'] == 'signature') & members['preferred']]; "
            "signed['country'].nunique()"
        ),
        expected=answers.states_signed,
        mistakes=(
            Mistake(
                answer=answers.signature_rows,
                message=(
                    "you counted signature rows, not states: Georgia has two rows because two "
                    "sources give different dates; keep preferred rows or count distinct countries"
                ),
            ),
            Mistake(
                answer=answers.first_day_signatories,
                message=(
                    "that is the number of states that signed on the first day; three more "
                    "signed in 1993"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-parties-2000",
        kind="number",
        prompt=(
            "How many states were parties to the Collective Security Treaty on 1 January 2000? "
            "A number."
        ),
        hint=(
            "a state counts if its membership had begun by that day and had not ended yet; some "
            "periods ended before 2000."
        ),
        method=(
            "In periods, keep the rows with status 'member' whose start is on or before the day and "
            "whose end is after it, and count them."
        ),
        code=(
            "day = pd.Timestamp('2000-01-01'); "
            "len(periods[(periods['status'] == 'member') & (periods['start'] <= day) "
            "& (periods['end'] > day)])"
        ),
        expected=lambda: answers.parties_on("2000-01-01"),
        mistakes=(
            Mistake(
                answer=lambda: len(answers.started_by("2000-01-01")),
                message=(
                    "you counted every state that had signed by then, including those whose "
                    "membership ended in April 1999: filter on the end date too"
                ),
            ),
            Mistake(
                answer=lambda: answers.rows_up_to("2000-01-01"),
                message=(
                    "you counted events (rows of members) up to that day, not states: use periods, "
                    "one row per state and period"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-charter-members",
        kind="names",
        prompt=(
            "Which states were full members of the treaty on the day the CSTO Charter was signed? "
            "Take that day from institutions, then use periods. A list of country names."
        ),
        hint=(
            "two tables: one gives you a day, the other who was a member on a given day. Who had "
            "left by then?"
        ),
        method=(
            "In institutions, find the 'charter' milestone whose name says it was signed and take "
            "its date. In periods, keep the 'member' rows that started on or before that date and "
            "end after it, and list their country."
        ),
        code=(
            "charter_day = institutions.loc[(institutions['milestone_type'] == 'charter') & "
            "institutions['name'].str.contains('signed'), 'date'].min(); "
            "periods.loc[(periods['status'] == 'member') & (periods['start'] <= charter_day) & "
            "(periods['end'] > charter_day), 'country'].tolist()"
        ),
        expected=answers.charter_members,
        mistakes=(
            Mistake(
                answer=answers.charter_ever_signed,
                message=(
                    "Azerbaijan, Georgia and Uzbekistan had signed the treaty but left in 1999, "
                    "before the Charter: keep only periods that had not ended by that day"
                ),
            ),
            Mistake(
                answer=answers.members_at_data_date,
                message=(
                    "that is the list of full members at the date the data are current to, not on "
                    "the day the Charter was signed: Armenia was a full member in 2002"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-disputed-dates",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "Some events are dated differently by different sources. For each such event, how many "
            "days lie between the earliest and the latest date given? A DataFrame with the columns "
            "country, event_type and days_apart (a whole number of days), one row per event."
        ),
        hint=(
            "claim_status says which rows disagree; an event is one state and one kind of event, "
            "and Uzbekistan has more than one disputed event."
        ),
        method=(
            "Keep the rows of members whose claim_status is not 'sole'; group them by country and "
            "event_type; take the min and max date of each group; days_apart is (max - min) in "
            "days (.dt.days); keep the three columns."
        ),
        code=(
            "rows = members[members['claim_status'] != 'sole'].astype({'country': str, "
            "'event_type': str}); span = rows.groupby(['country', 'event_type'])['date']"
            ".agg(['min', 'max']).reset_index(); span['days_apart'] = (span['max'] - span['min'])"
            ".dt.days; span[['country', 'event_type', 'days_apart']]"
        ),
        expected=answers.disputed_dates,
        mistakes=(
            Mistake(
                answer=answers.disputed_by_country,
                message=(
                    "you grouped by country only, so Uzbekistan's return (2006) and its suspension "
                    "request (2012) became one 'event': group by country and event_type"
                ),
            ),
            Mistake(
                answer=answers.disputed_with_sole,
                message=(
                    "your table has rows with 0 days: those events have a single date; keep only "
                    "rows whose claim_status is not 'sole'"
                ),
            ),
            Mistake(
                answer=answers.disputed_inclusive,
                message=(
                    "each figure is one day too many: the difference of two dates already gives "
                    "the days between them; do not add 1"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-membership-days",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "For every state, the total number of days it has been a full member (status 'member'), "
            "summed over all its periods, up to the date the data are current to. A DataFrame with "
            "the columns country and days, one row per state."
        ),
        hint=(
            "some states have more than one period, one has a period that is not full membership, "
            "and 'now' means the date of the data, not today."
        ),
        method=(
            "Keep the rows of periods with status 'member'; compute days = (end - start).dt.days for "
            "each period (periods already ends ongoing periods at cstolab.data.as_of()); group by "
            "country and sum days."
        ),
        code=(
            "full = periods[periods['status'] == 'member'].copy(); "
            "full['days'] = (full['end'] - full['start']).dt.days; "
            "full.groupby('country', as_index=False)['days'].sum()"
        ),
        expected=answers.days_as_member,
        extra={"sort_by": ["country"]},
        mistakes=(
            Mistake(
                answer=answers.days_with_frozen,
                message=(
                    "Armenia's total includes its period of frozen participation since 2024: keep "
                    "status == 'member' only"
                ),
            ),
            Mistake(
                answer=answers.days_until_today,
                message=(
                    "the ongoing periods end today in your table: the course's data are current to "
                    "cstolab.data.as_of(), which periods already uses as the end"
                ),
            ),
            Mistake(
                answer=answers.days_first_to_last,
                message=(
                    "you took each state's first start to its last end, so Uzbekistan's years "
                    "outside the treaty (1999-2006) count as membership: sum the periods instead"
                ),
            ),
        ),
    ),
    Exercise(
        id="l01-events-chart",
        kind="chart",
        prompt=(
            "Draw a horizontal bar chart of the preferred events per event type: the number of "
            "events (events) on x, the event type (event_type) on y."
        ),
        hint=(
            "a horizontal bar chart puts the categories on the vertical axis; which channel takes "
            "the count?"
        ),
        method=(
            "alt.Chart(counts) with mark_bar(); in encode, put the quantitative column events on x "
            "and the category column event_type on y (sorting by -x helps the reader)."
        ),
        code=(
            "alt.Chart(counts).mark_bar().encode(x='events:Q', y=alt.Y('event_type:N', sort='-x'))"
        ),
        expected=answers.events_chart,
        mistakes=(
            Mistake(
                answer=answers.events_swapped,
                message=(
                    "the 'x' channel encodes 'event_type': the axes are swapped, which gives "
                    "vertical bars; put the count (events) on x and event_type on y"
                ),
            ),
            Mistake(
                answer=answers.events_points,
                message=(
                    "points show positions well, but counts of categories read best as bars "
                    "starting from zero: use mark_bar()"
                ),
            ),
        ),
    ),
)
