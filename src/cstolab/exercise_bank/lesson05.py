"""Lesson 5: airlift and readiness. Answers are computed with the airlift model and the datasets."""

from dataclasses import replace

from cstolab.exercises import Exercise, register


def _distance_ulyanovsk() -> float:
    from cstolab.airlift import distance_between

    return distance_between("ulyanovsk_vostochny", "almaty_airport")


def _base():
    from cstolab.airlift import AirliftScenario, distance_between

    return AirliftScenario(distance_km=distance_between("chkalovsky_airfield", "almaty_airport"))


def _hours_quarter_fleet() -> float:
    from cstolab.airlift import default_fleet, deployment_time

    return deployment_time(
        default_fleet(), replace(_base(), availability=0.25, turnaround_h=6)
    ).hours


def _min_availability_72h() -> float:
    from cstolab.airlift import default_fleet, deployment_time

    fleet = default_fleet()
    base = replace(_base(), turnaround_h=12, equipment_t_per_soldier=2.0)
    for tenths in range(1, 11):
        if deployment_time(fleet, replace(base, availability=tenths / 10)).hours < 72:
            return tenths / 10
    return float("nan")


register(
    Exercise(
        id="l05-distance-ulyanovsk",
        kind="number",
        prompt="Great-circle distance (km) from Ulyanovsk-Vostochny airport to Almaty International Airport.",
        hint="airlift.distance_between('ulyanovsk_vostochny', 'almaty_airport').",
        expected=_distance_ulyanovsk,
        tolerance=10,
    ),
    Exercise(
        id="l05-hours-quarter-fleet",
        kind="number",
        prompt="Hours to move the default force from Chkalovsky when only a quarter of the fleet flies and turnaround is 6 h.",
        hint="replace(base, availability=0.25, turnaround_h=6), then deployment_time(fleet, ...).hours.",
        expected=_hours_quarter_fleet,
        tolerance=0.5,
    ),
    Exercise(
        id="l05-min-availability",
        kind="number",
        prompt="Smallest share of the fleet (in steps of 0.1) that moves the force in under 72 h with 12 h turnaround and 2 t of equipment per soldier.",
        hint="loop over availability 0.1, 0.2, ..., 1.0 and stop at the first with hours < 72.",
        expected=_min_availability_72h,
        tolerance=0.001,
    ),
)
