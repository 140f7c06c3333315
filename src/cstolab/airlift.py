"""A small airlift model: how long does it take a transport fleet to move a force of a given size?

The model is deliberately simple, so that every step can be checked by hand:

1. **Tonnage to move** = troops × (load per soldier with personal kit + equipment tonnes per soldier).
2. Each aircraft type has a count, a payload per sortie (tonnes), a cruise speed (km/h) and a ground
   turnaround time (hours). Only a share of the fleet is available (``availability``, rounded *down*
   to whole aircraft) and only a share of the maximum payload is used (``load_factor``: bulky vehicles
   fill the hold before they reach its weight limit).
3. One way flight time = distance / cruise speed. A **cycle** (one round trip) = 2 × flight time +
   turnaround time (the turnaround covers loading at the origin *and* unloading at the destination).
   A crew/maintenance limit ``max_sorties_per_day`` can stretch the cycle to at least 24 / limit hours.
4. Every available aircraft leaves loaded at hour 0; the *k*-th sortie (k = 0, 1, ...) of an aircraft
   lands at ``flight + k × cycle``. The force has arrived when the landed payload reaches the tonnage.
   Sorties are counted in order of landing (larger aircraft first at equal times); in the last wave
   only as many aircraft are counted as are needed.

Assumptions the model does **not** represent: airfield capacity (parking, fuel, runway slots), weather,
the time to decide and to assemble the troops at the departure airfield, seat limits for passengers,
en-route refuelling stops, and the road move from the arrival airfield.

Worked example (by hand): 10 aircraft of 40 t at 800 km/h, 3 h turnaround, 1,600 km.
Tonnage = 1,000 × (0.1 + 0.9) = 1,000 t. Flight = 1,600 / 800 = 2 h; cycle = 2 × 2 + 3 = 7 h.
One wave carries 10 × 40 = 400 t, so 1,000 t need 3 waves (400 + 400 + 200 t); the third wave lands at
2 + 2 × 7 = 16 h, and it needs 200 / 40 = 5 aircraft: 10 + 10 + 5 = 25 sorties.

>>> fleet = Fleet((AircraftType("X", count=10, payload_t=40, cruise_kmh=800),))
>>> s = AirliftScenario(troops=1000, tonnes_per_soldier=0.1, equipment_t_per_soldier=0.9,
...                     distance_km=1600, turnaround_h=3)
>>> r = deployment_time(fleet, s)
>>> r.hours, r.sorties, r.waves, r.tonnes
(16.0, 25, 3, 1000.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pandas as pd

__all__ = [
    "AircraftType",
    "Fleet",
    "AirliftScenario",
    "AirliftResult",
    "ASSUMPTIONS",
    "deployment_time",
    "default_fleet",
    "great_circle_km",
    "distance_between",
    "grid",
]

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

#: Course assumptions used as defaults where no source in the course data gives a value. They are
#: *not* facts: the lesson varies each of them to show how much the answer depends on it.
ASSUMPTIONS: dict[str, str] = {
    "tonnes_per_soldier": "0.15 t: a soldier (about 80-90 kg) with personal weapon, kit and some supplies; course assumption",
    "equipment_t_per_soldier": "1.0 t: vehicles, ammunition and supplies shared per soldier; course assumption (e.g. 250 vehicles of ~10 t for 2,500 troops)",
    "turnaround_h": "3 h on the ground per round trip (unload + reload + refuel); course assumption",
    "availability": "1.0: every aircraft named in the claim flies; course assumption (the claim itself)",
    "load_factor": "1.0: aircraft loaded to their maximum payload; course assumption (optimistic)",
    "max_sorties_per_day": "None: no crew or maintenance limit; course assumption (optimistic)",
}


def _positive(name: str, value: float, *, allow_zero: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number; got {value!r}") from None
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    if number < 0 or (number == 0 and not allow_zero):
        accepted = "a number >= 0" if allow_zero else "a number > 0"
        raise ValueError(f"{name} must be {accepted}; got {value!r}")
    return number


@dataclass(frozen=True)
class AircraftType:
    """One aircraft type of a fleet.

    ``count``: aircraft (whole number >= 0); ``payload_t``: maximum payload per sortie (tonnes);
    ``cruise_kmh``: cruise speed (km/h); ``source``: where the figures come from.
    """

    name: str
    count: int
    payload_t: float
    cruise_kmh: float
    source: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"aircraft name must be a non-empty string; got {self.name!r}")
        if isinstance(self.count, bool) or not float(self.count).is_integer() or self.count < 0:
            raise ValueError(
                f"count of {self.name} must be a whole number >= 0; got {self.count!r}"
            )
        object.__setattr__(self, "count", int(self.count))
        object.__setattr__(
            self, "payload_t", _positive(f"payload_t of {self.name}", self.payload_t)
        )
        object.__setattr__(
            self, "cruise_kmh", _positive(f"cruise_kmh of {self.name}", self.cruise_kmh)
        )


@dataclass(frozen=True)
class Fleet:
    """Aircraft types available for the airlift (names must be unique; at least one aircraft in all)."""

    types: tuple[AircraftType, ...]

    def __post_init__(self) -> None:
        types = tuple(self.types)
        if not types or not all(isinstance(t, AircraftType) for t in types):
            raise ValueError(f"a fleet needs at least one AircraftType; got {self.types!r}")
        names = [t.name for t in types]
        if len(set(names)) != len(names):
            raise ValueError(f"aircraft type names must be unique; got {names}")
        if sum(t.count for t in types) == 0:
            raise ValueError(
                f"a fleet needs at least one aircraft; got 0 aircraft of types {names}"
            )
        object.__setattr__(self, "types", types)

    def __getitem__(self, name: str) -> AircraftType:
        for t in self.types:
            if t.name == name:
                return t
        raise ValueError(
            f"unknown aircraft type {name!r}; this fleet has {[t.name for t in self.types]}"
        )

    def with_counts(self, **counts: int) -> Fleet:
        """A copy with other counts, e.g. ``fleet.with_counts(**{"Il-76": 35})``.

        Unknown type names raise ValueError (the message lists the known ones).
        """
        for name in counts:
            self[name]  # raises for unknown names
        return Fleet(tuple(replace(t, count=counts.get(t.name, t.count)) for t in self.types))

    @property
    def count(self) -> int:
        return sum(t.count for t in self.types)


@dataclass(frozen=True)
class AirliftScenario:
    """What is moved, how far, and the operating assumptions (see :data:`ASSUMPTIONS`).

    ``troops``: soldiers (whole number > 0); ``tonnes_per_soldier``: soldier with personal kit (t);
    ``equipment_t_per_soldier``: vehicles and supplies per soldier (t, may be 0); ``distance_km``: one way;
    ``turnaround_h``: ground time per round trip (h, may be 0); ``availability``: share of the fleet
    that flies, in (0, 1]; ``load_factor``: share of maximum payload used, in (0, 1];
    ``max_sorties_per_day``: per aircraft, ``None`` for no limit.
    """

    troops: int = 2500
    tonnes_per_soldier: float = 0.15
    equipment_t_per_soldier: float = 1.0
    distance_km: float = 3000.0
    turnaround_h: float = 3.0
    availability: float = 1.0
    load_factor: float = 1.0
    max_sorties_per_day: float | None = None

    def __post_init__(self) -> None:
        if isinstance(self.troops, bool) or not float(self.troops).is_integer() or self.troops <= 0:
            raise ValueError(f"troops must be a whole number > 0; got {self.troops!r}")
        object.__setattr__(self, "troops", int(self.troops))
        object.__setattr__(
            self, "tonnes_per_soldier", _positive("tonnes_per_soldier", self.tonnes_per_soldier)
        )
        object.__setattr__(
            self,
            "equipment_t_per_soldier",
            _positive("equipment_t_per_soldier", self.equipment_t_per_soldier, allow_zero=True),
        )
        object.__setattr__(self, "distance_km", _positive("distance_km", self.distance_km))
        object.__setattr__(
            self, "turnaround_h", _positive("turnaround_h", self.turnaround_h, allow_zero=True)
        )
        for name in ("availability", "load_factor"):
            value = _positive(name, getattr(self, name))
            if value > 1:
                raise ValueError(
                    f"{name} is a share and must be in (0, 1]; got {getattr(self, name)!r}"
                )
            object.__setattr__(self, name, value)
        if self.max_sorties_per_day is not None:
            object.__setattr__(
                self,
                "max_sorties_per_day",
                _positive("max_sorties_per_day", self.max_sorties_per_day),
            )

    @property
    def tonnes(self) -> float:
        """Total tonnage to move."""
        return self.troops * (self.tonnes_per_soldier + self.equipment_t_per_soldier)


@dataclass(frozen=True)
class AirliftResult:
    """Outcome of :func:`deployment_time`.

    ``hours``: from the first take-off until the last needed aircraft lands; ``sorties``: one-way loaded
    flights needed; ``waves``: sorties of the busiest aircraft type; ``tonnes``: tonnage moved;
    ``per_type``: a table with one row per aircraft type.
    """

    hours: float
    sorties: int
    waves: int
    tonnes: float
    per_type: pd.DataFrame = field(repr=False, compare=False)

    @property
    def days(self) -> float:
        return self.hours / 24


def deployment_time(fleet: Fleet, scenario: AirliftScenario) -> AirliftResult:
    """Hours and sorties to move ``scenario.troops`` and their equipment with ``fleet``.

    Worked example, two types (by hand): 2 large aircraft (100 t, 1,000 km/h) and 4 small ones (25 t,
    500 km/h), 1,000 km, no turnaround, 200 troops × (0.5 + 1.5) t = 400 t.
    Large: flight 1 h, cycle 2 h, lands at 1, 3, 5 h with 200 t each time.
    Small: flight 2 h, cycle 4 h, lands at 2, 6 h with 100 t each time.
    Landed: 200 t at 1 h, 300 t at 2 h, 500 t at 3 h -> done at 3 h; the last wave needs one large
    aircraft (100 t missing): 2 + 4 + 1 = 7 sorties.

    >>> fleet = Fleet((AircraftType("L", 2, 100, 1000), AircraftType("S", 4, 25, 500)))
    >>> r = deployment_time(fleet, AirliftScenario(troops=200, tonnes_per_soldier=0.5,
    ...                     equipment_t_per_soldier=1.5, distance_km=1000, turnaround_h=0))
    >>> r.hours, r.sorties
    (3.0, 7)

    Raises ValueError when the payload used per sortie is below one soldier's load (a soldier could not
    board) or when the available share leaves no aircraft.
    """
    if not isinstance(fleet, Fleet):
        raise ValueError(f"fleet must be a Fleet; got {type(fleet).__name__}")
    if not isinstance(scenario, AirliftScenario):
        raise ValueError(f"scenario must be an AirliftScenario; got {type(scenario).__name__}")
    rows = []
    for t in fleet.types:
        available = math.floor(t.count * scenario.availability + 1e-9)
        payload = t.payload_t * scenario.load_factor
        if available and payload < scenario.tonnes_per_soldier:
            raise ValueError(
                f"payload per sortie of {t.name} ({payload:g} t after load factor) is below one soldier's load "
                f"({scenario.tonnes_per_soldier:g} t); give a payload >= tonnes_per_soldier"
            )
        flight = scenario.distance_km / t.cruise_kmh
        cycle = 2 * flight + scenario.turnaround_h
        if scenario.max_sorties_per_day is not None:
            cycle = max(cycle, 24 / scenario.max_sorties_per_day)
        rows.append(
            dict(
                aircraft=t.name,
                available=available,
                payload_t=payload,
                flight_h=flight,
                cycle_h=cycle,
            )
        )
    if sum(r["available"] for r in rows) == 0:
        raise ValueError(
            f"availability {scenario.availability:g} leaves no whole aircraft of the {fleet.count} in the fleet; "
            "give a larger share or more aircraft"
        )
    need = scenario.tonnes
    # the number of waves the fastest-delivering type alone would need bounds the search
    usable = [r for r in rows if r["available"]]
    max_waves = min(math.ceil(need / (r["available"] * r["payload_t"])) for r in usable)
    events = sorted(
        (
            (r["flight_h"] + k * r["cycle_h"], -r["payload_t"], r["aircraft"], k)
            for r in usable
            for k in range(max_waves)
        ),
    )
    by_name = {r["aircraft"]: r for r in rows}
    delivered, sorties, hours = 0.0, 0, 0.0
    waves = {r["aircraft"]: 0 for r in rows}
    sorties_by = {r["aircraft"]: 0 for r in rows}
    for time, _, name, k in events:
        r = by_name[name]
        missing = need - delivered
        planes = min(r["available"], math.ceil(missing / r["payload_t"] - 1e-9))
        delivered += planes * r["payload_t"]
        sorties += planes
        sorties_by[name] += planes
        waves[name] = k + 1
        hours = time
        if delivered >= need - 1e-9:
            break
    per_type = pd.DataFrame(rows)
    per_type["waves"] = per_type["aircraft"].map(waves)
    per_type["sorties"] = per_type["aircraft"].map(sorties_by)
    return AirliftResult(
        hours=round(hours, 6),
        sorties=int(sorties),
        waves=max(waves.values()),
        tonnes=need,
        per_type=per_type,
    )


# --- data-backed defaults --------------------------------------------------------------------

#: Which record of the ``aircraft`` dataset each default comes from (record_id) and which end of the
#: range is used. Counts: Dyner (2022); payload: the lower published figure for unspecified variants.
DEFAULT_RECORDS: dict[str, dict[str, tuple[str, str]]] = {
    "Il-76": {
        "count": ("il_76-count_used-dyner2022", "value"),
        "payload_t": ("il_76-max_payload_t-britannicailyushin", "value"),
        "cruise_kmh": ("il_76-cruise_speed_kmh-ruwikiil76", "value"),
    },
    "An-124": {
        "count": ("an_124-count_used-dyner2022", "value"),
        "payload_t": ("an_124-max_payload_t-russianmilitaryphotos2012antonov", "value"),
        "cruise_kmh": ("an_124-cruise_speed_kmh-russianmilitaryphotos2012antonov", "value"),
    },
}


def default_fleet() -> Fleet:
    """The fleet Dyner (2022) reports (70 Il-76, 5 An-124) with payload and cruise speed from the
    ``aircraft`` dataset (record ids in :data:`DEFAULT_RECORDS`; the lower figure where a range is given).

    >>> f = default_fleet()
    >>> [(t.name, t.count, t.payload_t, t.cruise_kmh) for t in f.types]
    [('Il-76', 70, 40.0, 770.0), ('An-124', 5, 120.0, 850.0)]
    """
    from cstolab.data import load

    data = load("aircraft").set_index("record_id")
    types = []
    for name, spec in DEFAULT_RECORDS.items():
        values, sources = {}, []
        for attr, (record, column) in spec.items():
            values[attr] = float(data.loc[record, column])
            sources.append(f"{attr}: {data.loc[record, 'source_id']}")
        types.append(
            AircraftType(
                name,
                int(values["count"]),
                values["payload_t"],
                values["cruise_kmh"],
                "; ".join(sources),
            )
        )
    return Fleet(tuple(types))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km on a sphere of the mean Earth radius.

    >>> round(great_circle_km(0, 0, 0, 1), 1)  # one degree of longitude at the equator
    111.2
    """
    for name, value, limit in (
        ("lat1", lat1, 90),
        ("lat2", lat2, 90),
        ("lon1", lon1, 180),
        ("lon2", lon2, 180),
    ):
        v = float(value)
        if math.isnan(v) or abs(v) > limit:
            raise ValueError(f"{name} must be between -{limit} and {limit} degrees; got {value!r}")
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_between(origin: str, destination: str) -> float:
    """Great-circle distance (km) between two ``place_id`` of the ``locations`` dataset.

    >>> round(distance_between("almaty", "almaty"))
    0

    Unknown place ids raise ValueError listing the airfields in the dataset.
    """
    from cstolab.data import load

    places = load("locations").set_index("place_id")
    for pid in (origin, destination):
        if pid not in places.index:
            airfields = [
                p
                for p in places.index
                if any(
                    w in p
                    for w in (
                        "airport",
                        "airfield",
                        "airbase",
                        "severny",
                        "vostochny",
                        "chkalovsky",
                    )
                )
            ]
            raise ValueError(
                f"unknown place {pid!r}; use a place_id of the locations dataset, e.g. {', '.join(airfields)}"
            )
    a, b = places.loc[origin], places.loc[destination]
    return great_circle_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))


def grid(fleet: Fleet, base: AirliftScenario, **values: list[float]) -> pd.DataFrame:
    """Run the model for every combination of the given scenario fields (a coarse grid for charts).

    >>> g = grid(Fleet((AircraftType("X", 10, 40, 800),)), AirliftScenario(troops=100, distance_km=800),
    ...          availability=[0.5, 1.0])
    >>> g[["availability", "hours", "sorties"]].values.tolist()
    [[0.5, 1.0, 3.0], [1.0, 1.0, 3.0]]
    """
    import itertools

    names = list(values)
    rows = []
    for combo in itertools.product(*(values[n] for n in names)):
        scenario = replace(base, **dict(zip(names, combo, strict=False)))
        result = deployment_time(fleet, scenario)
        rows.append(
            {
                **dict(zip(names, combo, strict=False)),
                "hours": result.hours,
                "sorties": result.sorties,
                "waves": result.waves,
            }
        )
    return pd.DataFrame(rows)
