"""US towns from the ZIP code list: the gazetteer's places that GeoNames data lacks.

All sentences and ZIP records are our own.
"""

from __future__ import annotations

import json

import pytest

import dateline
from dateline.places import us_postal
from dateline.places.geojson import features
from dateline.places.resolve import haversine_km

pytestmark = pytest.mark.usefixtures("no_place_bias")


def _zip(city: str, state: str, lat: str, lon: str, kind: str = "STANDARD", active: bool = True) -> dict:
    return {"zip_code": "00000", "zip_code_type": kind, "active": active, "city": city,
            "acceptable_cities": [], "state": state, "lat": lat, "long": lon}


def test_postal_towns_are_new_names_at_the_mean_of_their_zips(monkeypatch):
    import zipcodes

    records = [
        _zip("Quillby", "VT", "44.0", "-72.0"),
        _zip("Quillby", "VT", "44.2", "-72.4", kind="PO BOX"),
        _zip("Quillby", "NH", "43.0", "-71.0"),  # another state: another town
        _zip("Mc Known", "VT", "44.5", "-72.5"),  # GeoNames has it (as McKnown)
        _zip("Acme Widgets", "VT", "44.6", "-72.6", kind="UNIQUE"),  # a firm's own ZIP
        _zip("Fort Nowhere", "AE", "50.0", "8.0", kind="MILITARY"),
        _zip("Gone", "VT", "44.7", "-72.7", active=False),
        _zip("Old Harbor", "PR", "18.0", "-66.0"),  # a territory: a country of its own
        _zip("East Vermont", "VT", "44.8", "-72.8"),  # reads as the region
    ]
    monkeypatch.setattr(zipcodes, "list_all", lambda: records)
    towns = us_postal.postal_towns(
        known={("US.VT", us_postal.town_key("McKnown"))},
        states={"US.VT", "US.NH"}, regions={"vermont"},
    )
    assert towns == [("Quillby", "US.NH", 43.0, -71.0), ("Quillby", "US.VT", 44.1, -72.2)]


def test_a_town_missing_from_geonames_data_is_in_the_gazetteer(gazetteer):
    (lubec,) = [e for e in gazetteer.lookup("Lubec") if e.admin1 == "US.ME"]
    assert lubec.is_postal_town and lubec.geonames_id is None
    assert lubec.fcode == "PPL" and lubec.population == 0
    assert haversine_km(lubec.lat, lubec.lon, 44.86, -66.98) < 25


def test_a_known_namesake_keeps_the_name(gazetteer):
    # Springfield, Missouri and its GeoNames namesakes come before any postal town.
    found = gazetteer.lookup("Springfield")
    assert not found[0].is_postal_town
    assert all(not e.is_postal_town or e.population == 0 for e in found)


def test_a_tiny_us_town_resolves_in_its_state():
    analysis = dateline.read("Fishermen from Lubec, Maine, said the herring run was late this spring.")
    lubec = next(p for p in analysis.places if p.name == "Lubec")
    assert lubec.geonames_id is None and lubec.feature_code == "PPL" and lubec.admin1 == "Maine"
    assert haversine_km(lubec.latitude, lubec.longitude, 44.86, -66.98) < 25
    # A place without a GeoNames id serializes like any other.
    assert json.loads(analysis.model_dump_json())["places"]
    collection = features(analysis)
    assert any(f["properties"]["geonames_id"] is None and f["properties"]["name"] == "Lubec"
               for f in collection)


def test_a_postal_town_needs_the_article_to_point_to_its_state():
    analysis = dateline.read("The herring run at Lubec was late this spring, fishermen said.")
    assert all(p.name != "Lubec" for p in analysis.places)


def test_a_postal_town_is_no_shop_and_no_common_word():
    shop = dateline.read("Shoppers lined up at Belk in Dothan, Alabama, before dawn on Friday.")
    assert all(p.name != "Belk" for p in shop.places)
    word = dateline.read("Voters in Omaha, Nebraska, got a Surprise when the polls opened late.")
    assert all(p.name != "Surprise" for p in word.places)


def test_a_postal_town_with_its_own_state_or_after_a_locative_word_is_the_town():
    held = dateline.read("A barn burned on Sunday near Belk, Ala., and no one was hurt, deputies said.")
    assert any(p.name == "Belk" and p.admin1 == "Alabama" for p in held.places)
    cued = dateline.read("Fishermen in Lubec said the herring run in Maine was late this spring.")
    assert any(p.name == "Lubec" and p.admin1 == "Maine" for p in cued.places)
