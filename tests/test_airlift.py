"""The airlift model against cases computed by hand, its monotonicity, and every error it raises."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from cstolab.airlift import (
    AircraftType,
    AirliftScenario,
    Fleet,
    default_fleet,
    deployment_time,
    distance_between,
    great_circle_km,
    grid,
)

ONE = Fleet((AircraftType("X", count=10, payload_t=40, cruise_kmh=800),))


def scen(**kw):
    base = dict(
        troops=1000,
        tonnes_per_soldier=0.1,
        equipment_t_per_soldier=0.9,
        distance_km=1600,
        turnaround_h=3,
    )
    base.update(kw)
    return AirliftScenario(**base)


# --- cases computed by hand -----------------------------------------------------------------


def test_one_type_three_waves():
    # tonnes = 1000 * (0.1 + 0.9) = 1000 t; flight = 1600 / 800 = 2 h; cycle = 2*2 + 3 = 7 h
    # wave = 10 * 40 = 400 t -> 400, 800, 1000 (5 aircraft) -> lands at 2 + 2*7 = 16 h; 10+10+5 = 25 sorties
    r = deployment_time(ONE, scen())
    assert (r.hours, r.sorties, r.waves, r.tonnes) == (16.0, 25, 3, 1000.0)


def test_single_wave_enough():
    # 100 troops * 1 t = 100 t <= 400 t: one wave, lands at 2 h, ceil(100/40) = 3 sorties
    r = deployment_time(ONE, scen(troops=100))
    assert (r.hours, r.sorties, r.waves) == (2.0, 3, 1)


def test_availability_rounds_down():
    # availability 0.25 -> floor(10 * 0.25) = 2 aircraft, 80 t per wave; 1000 t -> ceil(1000/80) = 13 waves
    # last wave lands at 2 + 12*7 = 86 h; sorties = ceil(1000/40) = 25
    r = deployment_time(ONE, scen(availability=0.25))
    assert (r.hours, r.sorties, r.waves) == (86.0, 25, 13)


def test_load_factor():
    # load factor 0.5 -> 20 t per sortie, 200 t per wave -> 5 waves; lands at 2 + 4*7 = 30 h; 50 sorties
    r = deployment_time(ONE, scen(load_factor=0.5))
    assert (r.hours, r.sorties, r.waves) == (30.0, 50, 5)


def test_sortie_limit_stretches_cycle():
    # max 2 sorties per day -> cycle = max(7, 24/2) = 12 h; 3 waves -> 2 + 2*12 = 26 h
    r = deployment_time(ONE, scen(max_sorties_per_day=2))
    assert r.hours == 26.0
    # a limit looser than the cycle changes nothing: 24/1 ... 24/4 = 6 h < 7 h
    assert deployment_time(ONE, scen(max_sorties_per_day=4)).hours == 16.0


def test_zero_turnaround_and_zero_equipment():
    # turnaround 0 -> cycle 4 h; equipment 0 -> 1000 * 0.1 = 100 t: one wave at 2 h
    r = deployment_time(ONE, scen(turnaround_h=0, equipment_t_per_soldier=0))
    assert (r.hours, r.sorties, r.tonnes) == (2.0, 3, 100.0)


def test_two_types():
    # L: 2 x 100 t at 1000 km/h over 1000 km -> flight 1 h, cycle 2 h, lands 1, 3, 5 h (200 t each)
    # S: 4 x 25 t at 500 km/h -> flight 2 h, cycle 4 h, lands 2, 6 h (100 t each)
    # 400 t: 200 (1 h) + 100 (2 h) + 100 of L (3 h, one aircraft) -> 3 h; 2 + 4 + 1 = 7 sorties
    fleet = Fleet((AircraftType("L", 2, 100, 1000), AircraftType("S", 4, 25, 500)))
    r = deployment_time(
        fleet,
        AirliftScenario(
            troops=200,
            tonnes_per_soldier=0.5,
            equipment_t_per_soldier=1.5,
            distance_km=1000,
            turnaround_h=0,
        ),
    )
    assert (r.hours, r.sorties) == (3.0, 7)
    assert r.per_type.set_index("aircraft")["sorties"].to_dict() == {"L": 3, "S": 4}


def test_type_with_zero_available_is_skipped():
    # S has 1 aircraft; availability 0.5 -> floor(0.5) = 0 S and floor(1) = 1 L... L count 2 -> 1 aircraft
    fleet = Fleet((AircraftType("L", 2, 100, 1000), AircraftType("S", 1, 25, 500)))
    r = deployment_time(
        fleet,
        AirliftScenario(
            troops=100,
            tonnes_per_soldier=1,
            equipment_t_per_soldier=1,
            distance_km=1000,
            turnaround_h=0,
            availability=0.5,
        ),
    )
    # 200 t with one L of 100 t: lands 1 h and 3 h -> 3 h, 2 sorties
    assert (r.hours, r.sorties) == (3.0, 2)


def test_great_circle_hand_values():
    # quarter of a meridian: pi/2 * R = 1.5708 * 6371.0088 = 10007.5 km
    assert great_circle_km(0, 0, 90, 0) == pytest.approx(math.pi / 2 * 6371.0088)
    # one degree of longitude on the equator: R * pi / 180 = 111.195 km
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.001)


def test_distance_between_places():
    d = distance_between("ulyanovsk_vostochny", "almaty_airport")
    assert 2300 < d < 2450  # about 2,380 km on a map
    assert distance_between("almaty_airport", "ulyanovsk_vostochny") == pytest.approx(d)


def test_default_fleet_from_data():
    f = default_fleet()
    assert [(t.name, t.count, t.payload_t, t.cruise_kmh) for t in f.types] == [
        ("Il-76", 70, 40.0, 770.0),
        ("An-124", 5, 120.0, 850.0),
    ]
    assert "dyner2022" in f["Il-76"].source


def test_default_scenario_one_wave():
    # 2500 * 1.15 = 2875 t; wave = 70*40 + 5*120 = 3400 t -> one wave; Il-76 flight 3000/770 = 3.896 h
    r = deployment_time(default_fleet(), AirliftScenario())
    assert r.waves == 1 and r.hours == pytest.approx(3000 / 770, abs=1e-5)
    # sorties: 5 An-124 (600 t, land first) + ceil(2275/40) = 57 Il-76 = 62
    assert r.sorties == 62


def test_grid_shape():
    g = grid(ONE, scen(), availability=[0.5, 1.0], turnaround_h=[0, 3, 6])
    assert len(g) == 6 and {"hours", "sorties", "waves"} <= set(g.columns)


# --- monotonicity ---------------------------------------------------------------------------


@pytest.mark.parametrize("troops", [100, 1000, 2500, 8000])
def test_more_aircraft_never_slower(troops):
    base = default_fleet()
    s = AirliftScenario(troops=troops, distance_km=2400, turnaround_h=4)
    hours = [deployment_time(base.with_counts(**{"Il-76": n}), s).hours for n in range(1, 90, 4)]
    assert all(a >= b for a, b in zip(hours, hours[1:], strict=False))


def test_higher_availability_never_slower():
    s = AirliftScenario(distance_km=3000)
    hours = [
        deployment_time(default_fleet(), replace(s, availability=a / 20)).hours
        for a in range(1, 21)
    ]
    assert all(a >= b for a, b in zip(hours, hours[1:], strict=False))


def test_more_load_never_faster():
    hours = [deployment_time(ONE, scen(equipment_t_per_soldier=e / 2)).hours for e in range(0, 10)]
    assert all(a <= b for a, b in zip(hours, hours[1:], strict=False))


def test_longer_turnaround_never_faster():
    hours = [deployment_time(ONE, scen(turnaround_h=h)).hours for h in range(0, 25)]
    assert all(a <= b for a, b in zip(hours, hours[1:], strict=False))


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(count=-1), "count of X must be a whole number >= 0; got -1"),
        (dict(count=2.5), "whole number"),
        (dict(payload_t=0), "payload_t of X must be a number > 0; got 0"),
        (dict(payload_t=-5), "got -5"),
        (dict(cruise_kmh=0), "cruise_kmh of X must be a number > 0; got 0"),
        (dict(cruise_kmh="fast"), "must be a number; got 'fast'"),
        (dict(name=""), "non-empty"),
    ],
)
def test_aircraft_errors(kwargs, words):
    args = dict(name="X", count=1, payload_t=40, cruise_kmh=800)
    args.update(kwargs)
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        AircraftType(**args)


def test_fleet_errors():
    with pytest.raises(ValueError, match="at least one aircraft; got 0"):
        Fleet((AircraftType("X", 0, 40, 800),))
    with pytest.raises(ValueError, match="at least one AircraftType"):
        Fleet(())
    with pytest.raises(ValueError, match="unique"):
        Fleet((AircraftType("X", 1, 40, 800), AircraftType("X", 1, 40, 800)))
    with pytest.raises(ValueError, match="unknown aircraft type 'C-17'.*Il-76"):
        default_fleet().with_counts(**{"C-17": 3})
    with pytest.raises(ValueError, match="unknown aircraft type"):
        default_fleet()["Boeing 747"]


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(troops=0), "troops must be a whole number > 0; got 0"),
        (dict(troops=-10), "got -10"),
        (dict(tonnes_per_soldier=0), "tonnes_per_soldier must be a number > 0"),
        (dict(equipment_t_per_soldier=-1), "equipment_t_per_soldier must be a number >= 0; got -1"),
        (dict(distance_km=0), "distance_km must be a number > 0; got 0"),
        (dict(distance_km=float("nan")), "finite"),
        (dict(turnaround_h=-2), "turnaround_h must be a number >= 0; got -2"),
        (dict(availability=0), "availability must be a number > 0"),
        (dict(availability=1.5), r"availability is a share and must be in \(0, 1\]; got 1.5"),
        (dict(load_factor=2), "load_factor is a share"),
        (dict(max_sorties_per_day=0), "max_sorties_per_day must be a number > 0"),
    ],
)
def test_scenario_errors(kwargs, words):
    with pytest.raises(ValueError, match=words):
        scen(**kwargs)


def test_payload_below_one_soldier():
    tiny = Fleet((AircraftType("Tiny", 5, 0.1, 300),))
    with pytest.raises(
        ValueError, match=r"payload per sortie of Tiny \(0.1 t.*below one soldier's load \(0.15 t\)"
    ):
        deployment_time(tiny, scen(tonnes_per_soldier=0.15))
    # the load factor counts too: 40 t * 0.001 = 0.04 t
    with pytest.raises(ValueError, match="below one soldier's load"):
        deployment_time(ONE, scen(load_factor=0.001))


def test_availability_leaves_no_aircraft():
    with pytest.raises(ValueError, match="availability 0.05 leaves no whole aircraft of the 10"):
        deployment_time(ONE, scen(availability=0.05))


def test_wrong_argument_types():
    with pytest.raises(ValueError, match="fleet must be a Fleet"):
        deployment_time("70 Il-76", scen())
    with pytest.raises(ValueError, match="scenario must be an AirliftScenario"):
        deployment_time(ONE, {"troops": 10})


def test_unknown_place():
    with pytest.raises(ValueError, match="unknown place 'atlantis'.*ulyanovsk_vostochny"):
        distance_between("atlantis", "almaty_airport")


def test_bad_coordinates():
    with pytest.raises(ValueError, match="lat1 must be between -90 and 90 degrees; got 95"):
        great_circle_km(95, 0, 0, 0)
