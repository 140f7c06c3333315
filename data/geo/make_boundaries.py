"""Regenerate ``data/geo/boundaries.geojson`` from Natural Earth.

Maintenance tool only (not a runtime dependency of the book).

Input
-----
The shapefile ``naturalearth_lowres`` shipped inside the PyPI wheel of
``geopandas==0.14.4`` (``geopandas/datasets/naturalearth_lowres/``). It is
Natural Earth **version 5.1** Admin-0 countries at 1:110m ("small scale"),
as bundled by GeoPandas since 0.12.0 (GeoPandas PR #2555), with GeoPandas'
own edit (issue #2382) that assigns Crimea to Ukraine, i.e. the
internationally recognised boundary rather than Natural Earth's default
"de facto" line. Fetch the wheel (no install needed) with::

    pip download --no-deps geopandas==0.14.4 -d /tmp/gpwheel

Run
---
::

    pip install "shapely>=2" pyshp
    python data/geo/make_boundaries.py /tmp/gpwheel/geopandas-0.14.4-py3-none-any.whl

(The output path defaults to ``boundaries.geojson`` next to this script; a
second argument overrides it.) The script reads the shapefile straight out of
the wheel (a zip archive); GeoPandas itself is not needed.

What it does
------------
1. Reads the shapefile records (properties ``name``, ``iso_a3``).
2. Keeps only the countries listed in ``COUNTRIES`` (CSTO members, their
   neighbours and a few context countries) and writes the properties
   ``name`` (English short name used across the project's datasets) and
   ``iso3`` (ISO 3166-1 alpha-3), matched on Natural Earth's ``iso_a3``.
3. Russia crosses the antimeridian: Natural Earth stores the Chukotka tip
   east of 180 degrees as a separate piece with longitudes near -180..-169.
   Rings that jump across the antimeridian are unwrapped to 0..360 degrees and
   every geometry is clipped to the box lon [-30, 180], so the part of
   Chukotka east of 180 degrees is dropped and flat (equirectangular /
   Mercator) Altair maps draw correctly.
4. Light simplification (shapely ``simplify``, tolerance ``TOLERANCE``
   degrees, topology preserving per polygon) and rounding of coordinates to
   ``DECIMALS`` decimal places; degenerate rings are dropped.
5. Exterior rings are written clockwise (holes counter-clockwise), the
   winding d3-geo / Vega-Lite expect (note: the opposite of RFC 7946's
   recommendation; GeoPandas/shapely read either).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.validation import make_valid

TOLERANCE = 0.02  # degrees; 110m data is already coarse
DECIMALS = 3
CLIP_BOX = box(-30.0, -90.0, 180.0, 90.0)

# ISO 3166-1 alpha-3 -> project name (English short names, the project's
# country convention).
COUNTRIES = {
    # CSTO members
    "ARM": "Armenia",
    "BLR": "Belarus",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "RUS": "Russia",
    "TJK": "Tajikistan",
    # neighbours / former members / comparison
    "AZE": "Azerbaijan",
    "GEO": "Georgia",
    "UZB": "Uzbekistan",
    "TKM": "Turkmenistan",
    "AFG": "Afghanistan",
    "CHN": "China",
    "MNG": "Mongolia",
    "IRN": "Iran",
    "TUR": "Turkey",
    "UKR": "Ukraine",
    "MDA": "Moldova",
    "POL": "Poland",
    "LTU": "Lithuania",
    "LVA": "Latvia",
    "EST": "Estonia",
    "FIN": "Finland",
    # extra context (fills gaps around the region)
    "PAK": "Pakistan",
    "PRK": "North Korea",
    "NOR": "Norway",
    "SWE": "Sweden",
    "ROU": "Romania",
    "IRQ": "Iraq",
    "SYR": "Syria",
}


SHP_DIR = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def read_records(src: str):
    """Yield (properties, geo_interface) from the wheel (or a .shp path)."""
    import io
    import zipfile

    import shapefile  # pyshp

    if src.endswith(".whl") or src.endswith(".zip"):
        with zipfile.ZipFile(src) as z:
            parts = {ext: io.BytesIO(z.read(f"{SHP_DIR}.{ext}"))
                     for ext in ("shp", "shx", "dbf")}
        reader = shapefile.Reader(**parts, encoding="latin-1")  # per the .cpg file
    else:
        reader = shapefile.Reader(src, encoding="latin-1")  # per the .cpg file
    for sr in reader.iterShapeRecords():
        yield sr.record.as_dict(), sr.shape.__geo_interface__


def unwrap(coords):
    """Unwrap a ring that jumps across the antimeridian to 0..360 degrees."""
    lons = [c[0] for c in coords]
    if min(lons) < -150 and max(lons) > 150:
        return [(x + 360.0 if x < 0 else x, y) for x, y, *_ in coords]
    return [(x, y) for x, y, *_ in coords]


def to_shape(geo: dict):
    polys = [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
    out = [Polygon(unwrap(p[0]), [unwrap(h) for h in p[1:]]) for p in polys]
    return make_valid(MultiPolygon(out) if len(out) > 1 else out[0])


def rounded(geom) -> dict | None:
    """Round coordinates and rebuild, dropping rings that collapse."""
    polys = [geom] if geom.geom_type == "Polygon" else [
        g for g in getattr(geom, "geoms", []) if g.geom_type == "Polygon"]
    out = []
    for p in polys:
        def rr(coords):
            pts = []
            for x, y in coords:
                q = (round(x, DECIMALS), round(y, DECIMALS))
                if not pts or pts[-1] != q:
                    pts.append(q)
            return pts
        ext = rr(p.exterior.coords)
        if len(ext) < 4:
            continue
        holes = [h for h in (rr(i.coords) for i in p.interiors) if len(h) >= 4]
        # d3-geo (used by Vega/Altair) reads rings spherically: exterior
        # rings must be clockwise, holes counter-clockwise, otherwise a
        # polygon is drawn as "the whole globe minus the country".
        out.append(orient(Polygon(ext, holes), sign=-1.0))
    if not out:
        return None
    g = out[0] if len(out) == 1 else MultiPolygon(out)
    return json.loads(json.dumps(mapping(g)))  # tuples -> lists


def main(src: str, dst: str | None = None) -> None:
    feats = []
    seen = set()
    for props, geo in read_records(src):
        iso3 = props.get("iso_a3")
        if iso3 not in COUNTRIES:
            continue
        name = COUNTRIES[iso3]
        shp = to_shape(geo).intersection(CLIP_BOX)
        shp = shp.simplify(TOLERANCE, preserve_topology=True)
        geom = rounded(shp)
        if geom is None:
            continue
        seen.add(iso3)
        feats.append({"type": "Feature",
                      "properties": {"name": name, "iso3": iso3},
                      "geometry": geom})
    missing = sorted(set(COUNTRIES) - seen)
    if missing:
        raise SystemExit(f"countries not found in input: {missing}")
    feats.sort(key=lambda f: f["properties"]["name"])
    fc = {"type": "FeatureCollection",
          "name": "cstolab_boundaries",
          "source": "Natural Earth 5.1 Admin 0 countries 1:110m (public domain) as shipped "
                    "in geopandas 0.14.4 (naturalearth_lowres, Crimea assigned to Ukraine); "
                    "clipped to lon -30..180, simplified, 3 decimals",
          "features": feats}
    out = Path(dst) if dst else Path(__file__).with_name("boundaries.geojson")
    out.write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(feats)} features)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(*sys.argv[1:3])
