"""cstolab.geo: the boundaries file and the basemap."""

from __future__ import annotations

import json

import pytest

from cstolab import geo


def test_boundaries_is_a_feature_collection_with_names_and_iso3():
    fc = geo.boundaries()
    assert fc["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in fc["features"]}
    assert {"Kazakhstan", "Russia", "Kyrgyzstan", "Tajikistan", "Armenia", "Belarus"} <= names
    assert all(len(f["properties"]["iso3"]) == 3 for f in fc["features"])


def test_boundaries_returns_independent_copies():
    a = geo.boundaries()
    a["features"][0]["properties"]["name"] = "changed"
    a["features"].pop()
    b = geo.boundaries()
    assert b["features"][0]["properties"]["name"] != "changed"
    assert len(b["features"]) == len(a["features"]) + 1


def test_basemap_is_grey_geoshape_with_tooltip_and_fitted_projection():
    spec = geo.basemap(["Kazakhstan"]).to_dict()
    assert spec["mark"]["type"] == "geoshape"
    assert spec["mark"]["fill"] == geo.LAND_FILL
    assert spec["encoding"]["tooltip"][0]["field"] == "properties.name"
    assert spec["projection"]["type"] == "equirectangular"
    corners = spec["projection"]["fit"]["geometry"]["coordinates"]
    lons = [c[0] for c in corners]
    lats = [c[1] for c in corners]
    # Kazakhstan spans roughly 46-88 E and 40-56 N
    assert 45 < min(lons) < 48 and 86 < max(lons) < 89
    assert 39 < min(lats) < 42 and 54 < max(lats) < 57


def test_basemap_draws_all_countries_and_stays_small():
    spec = geo.basemap(["Kazakhstan", "Kyrgyzstan"], projection="mercator").to_dict()
    assert spec["projection"]["type"] == "mercator"
    assert len(spec["data"]["values"]) == len(geo.boundaries()["features"])
    assert len(json.dumps(spec)) < 100_000


def test_basemap_default_fits_whole_file():
    spec = geo.basemap().to_dict()
    lons = [c[0] for c in spec["projection"]["fit"]["geometry"]["coordinates"]]
    assert min(lons) < 20 and max(lons) > 170


def test_basemap_rejects_unknown_country_and_projection():
    with pytest.raises(ValueError, match="Atlantis"):
        geo.basemap(["Atlantis"])
    with pytest.raises(ValueError, match="projection"):
        geo.basemap(["Kazakhstan"], projection="orthographic")
