"""Adjectives of continents are mentions of the continent; nationality adjectives are not places."""

from __future__ import annotations

import dateline
from dateline.places.adjectives import region_of_adjective
from dateline.places.gazetteer import get_gazetteer


def test_region_adjectives_and_their_plurals():
    gazetteer = get_gazetteer()
    assert region_of_adjective("European", gazetteer).name == "Europe"
    assert region_of_adjective("europeans", gazetteer).name == "Europe"
    assert region_of_adjective("Latin American", gazetteer).name == "Latin America"
    assert region_of_adjective("Western", gazetteer) is None
    assert region_of_adjective("Canadian", gazetteer) is None


def test_continent_adjectives_become_mentions_of_the_continent():
    text = ("Farm ministers from several European countries met their African counterparts in Rome "
            "on Tuesday. The French delegation asked for lower tariffs.")
    result = dateline.read(text)
    by_mention = {m.span.text: p for p in result.places for m in p.mentions}
    assert by_mention["European"].name == "Europe"
    assert by_mention["African"].name == "Africa"
    assert by_mention["Rome"].country_code == "IT"
    assert "French" not in by_mention
    assert any(e.name == "French" and e.country == "FR" for e in result.entities)
