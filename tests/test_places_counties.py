"""Local news: towns read in the county and state the article points to."""

from __future__ import annotations

import pytest

import dateline
from dateline.places.counties import COUNTY_PAIR_BONUS, county_pairs
from dateline.places.gazetteer import Entry
from dateline.places.resolve import Resolver, Toponym, haversine_km

#: No country bias is left over from another test (``no_place_bias`` in conftest).
pytestmark = pytest.mark.usefixtures("no_place_bias")


def _toponym(start: int, text: str) -> Toponym:
    return Toponym(start, start + len(text), text, text, 0, "entity")


def _entry(place: int, name: str, fcode: str, admin1: str, lat: float, lon: float) -> Entry:
    fclass = "A" if fcode.startswith("ADM") else "P"
    return Entry(place, None, name, fclass, fcode, "US", admin1, lat, lon, 1000, 0)


def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def test_county_pairs_reward_the_town_inside_the_named_county():
    candidates = {
        "oakdale": [_entry(1, "Oakdale", "PPL", "US.AA", 40.0, -90.0),
                    _entry(2, "Oakdale", "PPL", "US.BB", 35.0, -100.0)],
        "pine county": [_entry(3, "Pine County", "ADM2", "US.AA", 42.0, -88.0),
                        _entry(4, "Pine County", "ADM2", "US.BB", 35.1, -100.1)],
    }
    bonus = county_pairs(candidates, _km)
    assert bonus == {2: COUNTY_PAIR_BONUS, 4: COUNTY_PAIR_BONUS}


def test_county_pairs_need_the_same_state_and_another_name():
    candidates = {
        "oakdale": [_entry(1, "Oakdale", "PPL", "US.AA", 40.0, -90.0)],
        "elm county": [_entry(2, "Elm County", "ADM2", "US.CC", 40.01, -90.01)],
    }
    assert county_pairs(candidates, _km) == {}
    assert county_pairs({"oakdale": candidates["oakdale"]}, _km) == {}


def test_town_and_county_named_bare_are_read_where_the_town_lies_in_the_county(gazetteer):
    # Both names exist in Illinois and in Indiana; only in Indiana is the town in that county.
    town, county = Resolver(gazetteer).resolve([_toponym(0, "Bloomington"), _toponym(40, "Monroe County")])
    assert town.entry is not None and county.entry is not None
    assert town.entry.admin1 == county.entry.admin1 == "US.IN"


def test_a_state_named_often_outweighs_one_named_once(gazetteer):
    toponyms = [_toponym(0, "Boone County")]
    toponyms += [_toponym(40 + 30 * i, "Indiana") for i in range(4)]
    toponyms.append(_toponym(300, "Illinois"))
    county = Resolver(gazetteer).resolve(toponyms)[0]
    assert county.entry is not None and county.entry.admin1 == "US.IN"


def test_a_town_typed_as_an_organization_is_the_whole_town():
    text = ("Grain Valley police detained two women on Sunday. Grain Valley officers said the women "
            "had come from Independence. The Jackson County prosecutor will decide on charges.")
    result = dateline.read(text).places
    named = {m.span.text: p for p in result for m in p.mentions}
    assert "Valley" not in named
    assert named["Grain Valley"].name == "Grain Valley"
    assert named["Grain Valley"].admin1 == "Missouri"
