"""Lesson 7: military significance: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson07_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson07_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l07-n-held",
        kind="number",
        prompt=(
            "How many CSTO exercises that were held does the exercises dataset record, counting "
            "each exercise once? A whole number."
        ),
        hint=(
            "the dataset has one row per claim, and not every exercise in it took place; look at "
            "the columns that say which row to use and what happened."
        ),
        method=(
            "Keep the rows where preferred is True (one row per exercise) and status is 'held', "
            "and count them."
        ),
        code="ex = cstolab.load('exercises'); len(ex[ex['preferred'] & (ex['status'] == 'held')])",
        expected=answers.n_held,
        mistakes=(
            Mistake(
                answer=answers.n_held_rows,
                message=(
                    "you counted rows, and some exercises have two rows (alternative claims by "
                    "different sources): keep preferred rows only"
                ),
            ),
            Mistake(
                answer=answers.n_preferred_any_status,
                message=(
                    "you counted every exercise, including those that were cancelled or only "
                    "announced: keep status == 'held'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-n-lower-bounds",
        kind="number",
        prompt=(
            "Among the exercises held (preferred rows), how many have a reported size that is only "
            "a lower bound, i.e. the source said 'more than' so many troops? A whole number."
        ),
        hint=(
            "the size alone does not tell you what kind of figure it is; another column does. "
            "'Up to' is a bound too, but from the other side."
        ),
        method=(
            "Keep the preferred rows with status 'held' (the table held), then count the rows whose "
            "troops_qualifier is 'more_than'."
        ),
        code="int((held['troops_qualifier'] == 'more_than').sum())",
        expected=answers.n_lower_bounds,
        mistakes=(
            Mistake(
                answer=answers.n_lower_bounds_all_rows,
                message=(
                    "you counted the alternative claims too: an exercise reported by two sources "
                    "as 'more than' is still one exercise, keep preferred rows"
                ),
            ),
            Mistake(
                answer=answers.n_lower_and_upper_bounds,
                message=(
                    "'up to' is an upper bound (the real number may be smaller), the opposite of "
                    "'more than': count troops_qualifier == 'more_than' only"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-disputed-sizes",
        kind="names",
        prompt=(
            "For which exercises do the sources disagree about the size, i.e. two or more claims "
            "(rows) give different troop numbers? A list of exercise_id values, from all rows of "
            "the exercises dataset (preferred or not)."
        ),
        hint=(
            "two rows for one exercise are not yet a disagreement: one of them may give no number, "
            "or both the same one."
        ),
        method=(
            "Keep the rows with a troops value, group them by exercise_id, count the distinct troop "
            "numbers (nunique) and keep the exercises with more than one."
        ),
        code=(
            "sizes = ex[ex['troops'].notna()].groupby('exercise_id')['troops'].nunique(); "
            "sorted(sizes[sizes > 1].index)"
        ),
        expected=answers.disputed_sizes,
        mistakes=(
            Mistake(
                answer=answers.several_claims,
                message=(
                    "you listed every exercise with more than one row: for some the second claim "
                    "gives no size at all (it disagrees on dates or names, not on numbers)"
                ),
            ),
            Mistake(
                answer=answers.several_sizes,
                message=(
                    "one of these has two claims that agree on the same size: that is "
                    "confirmation, not a dispute; count distinct values (nunique)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-exercises-chart",
        kind="chart",
        prompt=(
            "Count the exercises held per year and series (preferred rows, each exercise once) in a "
            "table with the columns year, series and exercises, and draw it as stacked bars: year "
            "on x, exercises on y, series as colour. An Altair chart."
        ),
        hint=(
            "years are separate categories with gaps between them, and you want the counts of the "
            "series of a year piled up: which mark, and which channel carries the series?"
        ),
        method=(
            "Group held by year and series, count with size() and name the count exercises "
            "(rename and reset_index); then alt.Chart(table).mark_bar() encoding x as year "
            "(ordinal), y as exercises (quantitative) and color as series (nominal)."
        ),
        code=(
            "per_series = held.groupby(['year', 'series'], observed=True).size()"
            ".rename('exercises').reset_index(); alt.Chart(per_series).mark_bar()"
            ".encode(x='year:O', y='exercises:Q', color='series:N')"
        ),
        expected=answers.series_chart,
        mistakes=(
            Mistake(
                answer=answers.series_line,
                message=(
                    "a line joins neighbouring years as if there were a trend between them, but "
                    "the axis skips the years with no exercise in the data; bars keep each year "
                    "separate"
                ),
            ),
            Mistake(
                answer=answers.series_swapped,
                message="the axes are swapped: the year on x, the number of exercises on y",
            ),
            Mistake(
                answer=answers.series_by_host,
                message=(
                    "you coloured by host country: the question is how the series (Interaction, "
                    "Combat Brotherhood...) recur, colour by series"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-troops-2021",
        kind="number",
        prompt=(
            "At least how many troops took part in the CSTO exercises held in 2021, as reported? "
            "Add the reported sizes of 2021's stand-alone and umbrella exercises (preferred rows; "
            "leave out components whose part_of names an exercise in the data). A whole number."
        ),
        hint=(
            "one 2021 exercise has two claims about its size; and the components of the 2021 "
            "umbrella should not be added to it."
        ),
        method=(
            "Keep the preferred rows with status 'held'; drop rows whose part_of is one of their "
            "exercise_id values; keep year 2021 and sum troops (missing sizes count as nothing, "
            "which is why the sum is only a lower bound)."
        ),
        code=(
            "top = held[~held['part_of'].isin(set(held['exercise_id']))]; "
            "int(top.loc[top['year'] == 2021, 'troops'].sum())"
        ),
        expected=answers.troops_2021,
        mistakes=(
            Mistake(
                answer=answers.troops_2021_all_claims,
                message=(
                    "you added both claims about Combat Brotherhood-2021: they describe the same "
                    "soldiers, keep the preferred row"
                ),
            ),
            Mistake(
                answer=answers.troops_2021_largest_claim,
                message=(
                    "you took the largest claim for Combat Brotherhood-2021 instead of the "
                    "preferred one: the course uses the row marked preferred, whose note says why"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-russia-share-low",
        kind="number",
        prompt=(
            "Lowest share (%) of Russian troops that the contingents data allow, by method (a): "
            "(smallest total - largest sum of the other four contingents) / smallest total x 100. "
            "A number in per cent."
        ),
        hint=(
            "the lowest share needs the smallest force and the largest contributions of the "
            "others; each contingent counts once, whatever the number of claims about it."
        ),
        method=(
            "Keep troop claims with a value. Among the national claims of the four non-Russian "
            "contingents take the largest per country and add the four; among the 'total' claims "
            "take the smallest. Then (total - others) / total * 100."
        ),
        code=(
            "others = troops[(troops['scope'] == 'national') & (troops['country'] != 'Russia')]; "
            "high = others.groupby('country', observed=True)['value'].max().sum(); "
            "low_total = troops.loc[troops['scope'] == 'total', 'value'].min(); "
            "(low_total - high) / low_total * 100"
        ),
        expected=answers.russia_share_low,
        tolerance=0.5,
        mistakes=(
            Mistake(
                answer=answers.share_every_claim_added,
                message=(
                    "you added every claim about the other contingents: several claims describe the "
                    "same soldiers, take one (the largest) per country"
                ),
            ),
            Mistake(
                answer=answers.share_largest_total,
                message=(
                    "you divided by the largest total: the lowest share comes from the smallest "
                    "total claimed for the force"
                ),
            ),
            Mistake(
                answer=answers.share_smallest_others,
                message=(
                    "you took the smallest claims of the other contingents: to make Russia's share "
                    "as small as the data allow, take their largest"
                ),
            ),
            Mistake(
                answer=answers.share_with_vehicles,
                message=(
                    "your smallest 'total' is a count of vehicles, not of soldiers: keep "
                    "measure == 'troops'"
                ),
            ),
        ),
    ),
    Exercise(
        id="l07-vjtf-ratio",
        kind="number",
        prompt=(
            "How many times larger than the CSTO force was NATO's VJTF? Divide the latest VJTF "
            "force_size figure (indicators) whose ref_date is before the CSTO's decision of "
            "6 January 2022 by the largest total for the CSTO force claimed by an official "
            "(claimant_type 'csto_official' or 'national_official'). A number, to two decimals."
        ),
        hint=(
            "NATO's figures change from year to year and some were published after the operation; "
            "and not every claim about the CSTO force comes from an official."
        ),
        method=(
            "In indicators keep subject 'NATO VJTF' and indicator 'force_size', keep ref_date before "
            "2022-01-06 and take the value of the latest one. In contingents keep the troop claims "
            "with scope 'total' made by CSTO or national officials and take the maximum. Divide."
        ),
        code=(
            "v = ind[(ind['subject'] == 'NATO VJTF') & (ind['indicator'] == 'force_size') "
            "& (ind['ref_date'] < '2022-01-06')].sort_values('ref_date'); "
            "t = troops[(troops['scope'] == 'total') & troops['claimant_type']"
            ".isin(['csto_official', 'national_official'])]; v['value'].iloc[-1] / t['value'].max()"
        ),
        expected=answers.vjtf_ratio,
        tolerance=0.01,
        mistakes=(
            Mistake(
                answer=answers.vjtf_ratio_media_claim,
                message=(
                    "you divided by the largest claim of all, a media figure (a copy of an RFE/RL "
                    "report): the question asks for the largest official claim"
                ),
            ),
            Mistake(
                answer=answers.vjtf_ratio_after,
                message=(
                    "that VJTF figure is for 2023, after the operation: compare with what NATO "
                    "reported before 6 January 2022"
                ),
            ),
            Mistake(
                answer=answers.vjtf_ratio_largest,
                message=(
                    "you took the largest VJTF figure of any year, which counts support troops or "
                    "everything that could be mobilised: use the latest figure before the operation"
                ),
            ),
            Mistake(
                answer=answers.vjtf_ratio_first,
                message=(
                    "that is the VJTF figure of 2015, when the force was first set up: the latest "
                    "figure before the operation is the one asked for"
                ),
            ),
        ),
    ),
)
