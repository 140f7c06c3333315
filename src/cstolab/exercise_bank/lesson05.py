"""Lesson 5: airlift and readiness: the exercises.

Their answers, and the wrong answers their mistakes anticipate, are computed in
:mod:`cstolab.exercise_bank.lesson05_answers`.
"""

from __future__ import annotations

from cstolab.exercise_bank import lesson05_answers as answers
from cstolab.exercises import Exercise, Mistake, register

register(
    Exercise(
        id="l05-distance-ulyanovsk",
        kind="number",
        prompt=(
            "Great-circle distance (km), one way, from Ulyanovsk-Vostochny airport to Almaty "
            "International Airport. A number of km."
        ),
        hint="the locations dataset names each airfield with a place_id; the model has a function for the rest.",
        method=(
            "Look up the place_id of both airfields in locations and pass them to "
            "airlift.distance_between(origin, destination)."
        ),
        code="airlift.distance_between('ulyanovsk_vostochny', 'almaty_airport')",
        expected=answers.distance_ulyanovsk,
        tolerance=10,
        mistakes=(
            Mistake(
                answer=answers.distance_chkalovsky,
                message="that is the distance from Chkalovsky near Moscow: start at 'ulyanovsk_vostochny'",
            ),
            Mistake(
                answer=answers.distance_zhetygen,
                message="that is the distance to the Zhetygen airfield: the question asks for Almaty's airport",
            ),
            Mistake(
                answer=answers.distance_round_trip,
                message="that is there and back: the question asks for the one-way distance",
            ),
        ),
    ),
    Exercise(
        id="l05-first-wave-landed",
        kind="number",
        prompt=(
            "All aircraft of the fleet (both types) take off together from Ulyanovsk-Vostochny for "
            "Almaty International Airport. How many hours after take-off has the whole first wave "
            "landed? Use the fleet's cruise speeds and ignore the ground time. A number of hours."
        ),
        hint="each type has its own speed, and they fly at the same time, not one after the other.",
        method=(
            "Divide the one-way distance of the previous exercise by each type's cruise_kmh in fleet; "
            "the wave has landed when the slower type lands, so take the larger of the two times."
        ),
        code=(
            "km = airlift.distance_between('ulyanovsk_vostochny', 'almaty_airport'); "
            "max(km / t.cruise_kmh for t in fleet.types)"
        ),
        expected=answers.first_wave_landed,
        tolerance=0.05,
        mistakes=(
            Mistake(
                answer=answers.first_wave_added,
                message=(
                    "you added the two flight times: the types fly at the same time, so the wave "
                    "has landed when the slower one lands (the maximum, not the sum)"
                ),
            ),
            Mistake(
                answer=answers.first_aircraft_landed,
                message=(
                    "that is when the faster An-124 lands: the whole wave has landed only when the "
                    "slower Il-76 is down too"
                ),
            ),
            Mistake(
                answer=answers.first_wave_round_trip,
                message="that is a return flight: the wave has landed after one way",
            ),
        ),
    ),
    Exercise(
        id="l05-fleet-claims",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "From the count_used rows of aircraft, leaving out the record of the single wave of 12 "
            "aircraft (its condition starts with 'one wave'): for each source_id, the number of "
            "aircraft it claims for the air group (Il-76 and An-124 together) and whether that number "
            "is only a lower bound (True if any of the source's figures is 'at_least'). A DataFrame "
            "with the columns source_id, aircraft and lower_bound, one row per source."
        ),
        hint=(
            "one source gives two types in two rows and one gives both in one row; and the "
            "value_qualifier is part of the claim."
        ),
        method=(
            "Keep the count_used rows whose condition does not contain 'one wave'; add a column "
            "at_least = value_qualifier == 'at_least'; group by source_id and aggregate value with sum "
            "and at_least with any."
        ),
        code=(
            "rows = aircraft[(aircraft['attribute'] == 'count_used') & "
            "~aircraft['condition'].fillna('').str.contains('one wave')].copy(); "
            "rows['at_least'] = rows['value_qualifier'] == 'at_least'; "
            "rows.groupby('source_id', as_index=False).agg(aircraft=('value', 'sum'), "
            "lower_bound=('at_least', 'any'))"
        ),
        expected=answers.fleet_claims_expected,
        extra={"sort_by": ["source_id"]},
        mistakes=(
            Mistake(
                answer=answers.fleet_claims_as_exact,
                message=(
                    "every lower_bound is False: the Ministry of Defence said 'more than 70', which "
                    "the dataset records as 'at_least'; a 'more than' figure is a floor, not exactly 70"
                ),
            ),
            Mistake(
                answer=answers.fleet_claims_all_parts,
                message=(
                    "you required every part to be 'at least': if one of two added figures is only a "
                    "floor, so is their sum (use any, not all)"
                ),
            ),
            Mistake(
                answer=answers.fleet_claims_with_wave,
                message=(
                    "you added the wave of 12 to the air group: those 12 aircraft are part of the "
                    "fleet, not extra aircraft; leave out the 'one wave' record"
                ),
            ),
        ),
    ),
    Exercise(
        id="l05-wave-spare-tonnes",
        kind="number",
        prompt=(
            "With every aircraft of fleet flying once at its payload_t, how many tonnes of capacity "
            "does one wave leave spare after loading the tonnage of the base scenario (base.tonnes)? "
            "A number of tonnes (negative if one wave is not enough)."
        ),
        hint="two numbers in the same unit: what one wave can lift, and what the force weighs with its equipment.",
        method=(
            "Add count × payload_t over fleet.types for the wave's capacity; the force's tonnage is "
            "troops × (tonnes_per_soldier + equipment_t_per_soldier), which base.tonnes gives; subtract."
        ),
        code="sum(t.count * t.payload_t for t in fleet.types) - base.tonnes",
        expected=answers.spare_tonnes,
        tolerance=1,
        mistakes=(
            Mistake(
                answer=answers.spare_tonnes_kg,
                message=(
                    "you subtracted kilograms from tonnes: payload_t and base.tonnes are both in "
                    "tonnes (a soldier with kit is 0.15 t, i.e. 150 kg), so do not multiply by 1,000"
                ),
            ),
            Mistake(
                answer=answers.spare_tonnes_no_equipment,
                message=(
                    "you loaded only the soldiers: the tonnage includes the equipment per soldier "
                    "(base.tonnes has both)"
                ),
            ),
            Mistake(
                answer=answers.spare_tonnes_top_payload,
                message=(
                    "you used the top of the published payload ranges: most variants carry less, "
                    "so the model uses the lower figure in fleet"
                ),
            ),
        ),
    ),
    Exercise(
        id="l05-hours-quarter-fleet",
        kind="number",
        prompt=(
            "Suppose only a quarter of the fleet flew and each round trip spent 6 hours on the ground. "
            "Starting from base, how many hours would the model need? A number of hours."
        ),
        hint="two assumptions change at once; the others stay as in base.",
        method=(
            "Make a changed scenario with replace(base, availability=..., turnaround_h=...) and pass "
            "it with fleet to airlift.deployment_time; read .hours (and compare .waves with base's)."
        ),
        code="airlift.deployment_time(fleet, replace(base, availability=0.25, turnaround_h=6)).hours",
        expected=answers.hours_quarter_fleet,
        tolerance=0.5,
        mistakes=(
            Mistake(
                answer=answers.hours_quarter_default_turnaround,
                message="you kept the default turnaround of 3 h: set turnaround_h=6 as well",
            ),
            Mistake(
                answer=answers.hours_full_fleet_6h,
                message=(
                    "you changed only the turnaround: with the whole fleet one wave suffices, so the "
                    "ground time never counts; set availability=0.25 too"
                ),
            ),
            Mistake(
                answer=answers.hours_three_quarters,
                message="availability is the share that flies: a quarter is 0.25, not 0.75",
            ),
        ),
    ),
    Exercise(
        id="l05-payload-range",
        kind="frame",
        points=2,  # a table: several steps
        prompt=(
            "Run the model for every distinct maximum payload published for the Il-76 and its "
            "variants (aircraft_type starting with 'Il-76', attribute max_payload_t; both value and "
            "value_high), with a quarter of the fleet flying (replace(base, availability=0.25)) and "
            "the An-124 unchanged. A DataFrame with the columns payload_t and hours, one row per "
            "payload, smallest payload first."
        ),
        hint=(
            "the Il-76 exists in several variants, and one source gives a range; the model needs a "
            "changed fleet, not a changed scenario."
        ),
        method=(
            "Filter the max_payload_t rows whose aircraft_type starts with 'Il-76', collect the "
            "distinct numbers of value and value_high; for each, build a fleet whose Il-76 has that "
            "payload_t (dataclasses.replace on the AircraftType) and run deployment_time."
        ),
        code=(
            "p = aircraft[aircraft['aircraft_type'].astype(str).str.startswith('Il-76') & "
            "(aircraft['attribute'] == 'max_payload_t')]; "
            "payloads = sorted(pd.concat([p['value'], p['value_high']]).dropna().unique()); "
            "pd.DataFrame([{'payload_t': x, 'hours': airlift.deployment_time(airlift.Fleet(tuple("
            "replace(t, payload_t=x) if t.name == 'Il-76' else t for t in fleet.types)), "
            "replace(base, availability=0.25)).hours} for x in payloads])"
        ),
        expected=answers.payload_range,
        tolerance=0.1,
        extra={"ordered": True},
        mistakes=(
            Mistake(
                answer=answers.payload_exact_type,
                message=(
                    "you kept only the rows named exactly 'Il-76': the variants Il-76T, Il-76TD and "
                    "Il-76MD-90A have their own rows (use str.startswith)"
                ),
            ),
            Mistake(
                answer=answers.payload_point,
                message=(
                    "that is one payload, the model's default: the question asks for the whole "
                    "published range"
                ),
            ),
            Mistake(
                answer=answers.payload_full_fleet,
                message=(
                    "you ran the model with the whole fleet, where one wave is always enough: use "
                    "replace(base, availability=0.25)"
                ),
            ),
        ),
    ),
    Exercise(
        id="l05-payload-chart",
        kind="chart",
        prompt=(
            "Draw your table from l05-payload-range so that one can see how the estimate changes "
            "along the range of payloads: the Il-76 payload on the x axis, the hours on the y axis, "
            "one line through the points. An Altair chart."
        ),
        hint="the payloads are points on a scale, and you want to read a trend along it.",
        method=(
            "alt.Chart(table).mark_line(point=True) with x = payload_t (quantitative) and "
            "y = hours (quantitative)."
        ),
        code="alt.Chart(payload_table).mark_line(point=True).encode(x='payload_t:Q', y='hours:Q')",
        expected=answers.payload_chart,
        mistakes=(
            Mistake(
                answer=answers.payload_bars,
                message=(
                    "bars treat each payload as a separate category and hide the shape along the "
                    "range: use a line with points"
                ),
            ),
            Mistake(
                answer=answers.payload_swapped,
                message="the axes are swapped: the assumption you vary (payload_t) goes on x, the result on y",
            ),
        ),
    ),
    Exercise(
        id="l05-min-availability",
        kind="number",
        prompt=(
            "With 12 hours of turnaround and 2 tonnes of equipment per soldier, what is the smallest "
            "share of the fleet (0.1, 0.2, ..., 1.0) that lands the force in under 72 hours? A share "
            "between 0.1 and 1.0."
        ),
        hint="you can read it off the interactive chart, or let a loop try the shares in turn.",
        method=(
            "Change turnaround_h and equipment_t_per_soldier in base; then, for availability 0.1, "
            "0.2, ..., 1.0, run deployment_time and stop at the first share whose hours are below 72."
        ),
        code=(
            "heavy = replace(base, turnaround_h=12, equipment_t_per_soldier=2.0); "
            "next(a / 10 for a in range(1, 11) if airlift.deployment_time(fleet, "
            "replace(heavy, availability=a / 10)).hours < 72)"
        ),
        expected=answers.min_availability_72h,
        tolerance=0.001,
        mistakes=(
            Mistake(
                answer=answers.min_availability_defaults,
                message=(
                    "that is the answer with the default 3 h turnaround and 1 t of equipment: set "
                    "both assumptions of the question"
                ),
            ),
            Mistake(
                answer=answers.min_availability_turnaround_only,
                message=(
                    "you changed only one of the two assumptions (or took the last share that is "
                    "still too slow): set turnaround_h=12 and equipment_t_per_soldier=2.0 and take "
                    "the first share under 72 h"
                ),
            ),
        ),
    ),
    Exercise(
        id="l05-vjtf-within-72",
        kind="number",
        prompt=(
            "How many of the VJTF readiness statements in indicators (subject 'NATO VJTF', indicator "
            "readiness_hours or readiness_days) give, even at their slowest end (value_high where "
            "given, else value), a time of at most 72 hours? A whole number."
        ),
        hint="the statements use two units, and a range has a fast and a slow end.",
        method=(
            "Keep the VJTF readiness rows; take value_high, filled with value where it is missing; "
            "multiply by 24 where the indicator is readiness_days; count the rows with 72 hours or less."
        ),
        code=(
            "v = indicators[(indicators['subject'] == 'NATO VJTF') & "
            "indicators['indicator'].isin(['readiness_hours', 'readiness_days'])]; "
            "slow = v['value_high'].fillna(v['value']) * "
            "v['indicator'].map({'readiness_hours': 1, 'readiness_days': 24}).astype(float); "
            "int((slow <= 72).sum())"
        ),
        expected=answers.vjtf_within_72,
        mistakes=(
            Mistake(
                answer=answers.vjtf_no_conversion,
                message=(
                    "you compared days with hours: 5 days are 120 hours, not 5; multiply the "
                    "readiness_days figures by 24"
                ),
            ),
            Mistake(
                answer=answers.vjtf_low_end,
                message=(
                    "you used the fast end of each range (value): the question asks for the slowest "
                    "end, value_high where it is given"
                ),
            ),
            Mistake(
                answer=answers.vjtf_strict,
                message=(
                    "you counted only times under 72 hours: 'at most 72' includes a statement of "
                    "exactly 72 hours"
                ),
            ),
        ),
    ),
)
