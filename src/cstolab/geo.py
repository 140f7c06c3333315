"""Country boundaries and a grey basemap for the course's maps.

The boundaries are the simplified Natural Earth file ``data/geo/boundaries.geojson`` (see
``data/geo/README.md``): a GeoJSON ``FeatureCollection`` whose features have the properties
``name`` (English short name, spelled as in the datasets' ``country`` columns) and ``iso3``.

    >>> from cstolab import geo
    >>> "Kazakhstan" in {f["properties"]["name"] for f in geo.boundaries()["features"]}
    True

Points (e.g. places from the ``locations`` dataset) are drawn on top of :func:`basemap` with
``longitude``/``latitude`` encodings; layered charts share the basemap's projection::

    import altair as alt
    import cstolab
    from cstolab import geo

    places = cstolab.load("locations")
    dots = alt.Chart(places).mark_circle().encode(longitude="lon:Q", latitude="lat:Q", tooltip="name:N")
    geo.basemap(["Kazakhstan"]) + dots
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from cstolab.data import data_dir

#: Fill and outline of the basemap's countries (greys, so the data drawn on top stand out).
LAND_FILL = "#e4e4e4"
LAND_STROKE = "#8c8c8c"


@functools.lru_cache(maxsize=1)
def _read() -> dict[str, Any]:
    path = data_dir() / "geo" / "boundaries.geojson"
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def boundaries() -> dict[str, Any]:
    """The country boundaries as a GeoJSON ``FeatureCollection`` (a dict).

    The file is read once and cached; every call returns a deep copy, so changing the result
    does not affect later calls.

    >>> fc = boundaries()
    >>> fc["type"]
    'FeatureCollection'
    >>> sorted(fc["features"][0]["properties"])
    ['iso3', 'name']
    >>> fc["features"].clear()
    >>> len(boundaries()["features"]) > 0
    True
    """
    return copy.deepcopy(_read())


def _positions(coords: Any) -> Iterator[tuple[float, float]]:
    """All (lon, lat) positions of a GeoJSON coordinates array, however deeply nested."""
    if coords and isinstance(coords[0], (int, float)):
        yield float(coords[0]), float(coords[1])
    else:
        for c in coords:
            yield from _positions(c)


def _bbox(features: Iterable[dict[str, Any]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the features' geometries."""
    lons, lats = [], []
    for f in features:
        for lon, lat in _positions(f["geometry"]["coordinates"]):
            lons.append(lon)
            lats.append(lat)
    return min(lons), min(lats), max(lons), max(lats)


def basemap(
    countries: list[str] | None = None,
    *,
    projection: str = "equirectangular",
    width: int = 560,
    height: int = 360,
) -> Any:
    """A grey map of the countries in :func:`boundaries`, zoomed to ``countries``.

    All countries of the file are drawn (so neighbours give context) and clipped to the view; the
    projection is fitted to the bounding box of ``countries`` (English short names as in the
    datasets' ``country`` columns), or of the whole file if ``countries`` is None. Country names
    show in tooltips. ``projection`` is ``"equirectangular"`` (default) or ``"mercator"``.

    Returns an ``alt.Chart``; layer points on it with ``longitude``/``latitude`` encodings.

    >>> m = basemap(["Kazakhstan"])
    >>> spec = m.to_dict()
    >>> spec["mark"]["type"], spec["projection"]["type"]
    ('geoshape', 'equirectangular')
    >>> basemap(["Atlantis"])
    Traceback (most recent call last):
    ...
    ValueError: unknown countries: Atlantis (see data/geo/README.md for the names in the file)
    """
    import altair as alt

    if projection not in ("equirectangular", "mercator"):
        raise ValueError("projection must be 'equirectangular' or 'mercator'")
    fc = boundaries()
    features = fc["features"]
    if countries is None:
        chosen = features
    else:
        known = {f["properties"]["name"] for f in features}
        unknown = [c for c in countries if c not in known]
        if unknown or not countries:
            raise ValueError(
                f"unknown countries: {', '.join(unknown) or '(none given)'} "
                "(see data/geo/README.md for the names in the file)"
            )
        chosen = [f for f in features if f["properties"]["name"] in set(countries)]
    west, south, east, north = _bbox(chosen)
    # A tiny MultiPoint of the bounding-box corners: fitting to it keeps the spec small (fitting to
    # the polygons themselves would embed them twice) and is unaffected by ring winding.
    fit = {
        "type": "Feature",
        "properties": {},
        "geometry": {
            "type": "MultiPoint",
            "coordinates": [[west, south], [east, south], [east, north], [west, north]],
        },
    }
    return (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(fill=LAND_FILL, stroke=LAND_STROKE, strokeWidth=0.6, clip=True)
        .encode(tooltip=[alt.Tooltip("properties.name:N", title="country")])
        .project(type=projection, fit=fit)
        .properties(width=width, height=height)
    )
