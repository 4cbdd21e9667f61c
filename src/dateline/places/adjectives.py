"""Adjectives of continents and world regions: ``European``, ``African``, ``Latin American``.

A nationality adjective (``Iraqi``) gives its entity a country.  A continent's
adjective has no country to give, yet it names a place as plainly (``European
leaders`` are leaders of Europe), and news geotagging counts it as a toponym of
its continent.  So its mentions become mentions of the continent.  Only
unambiguous adjectives are listed: ``Western`` and ``Arab`` name no one region.
"""

from __future__ import annotations

from dateline.places.gazetteer import Entry, Gazetteer
from dateline.places.names import name_key

#: Adjective (lowercase) -> the region's name in the gazetteer.
REGION_ADJECTIVES = {
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "north american": "North America",
    "south american": "South America",
    "latin american": "Latin America",
}
#: How sure a region read off an adjective is.
ADJECTIVE_CONFIDENCE = 0.5


def region_of_adjective(text: str, gazetteer: Gazetteer) -> Entry | None:
    """The continent or region an adjective (or its plural) names: ``Europeans`` -> Europe."""
    key = name_key(text)
    name = REGION_ADJECTIVES.get(key) or (REGION_ADJECTIVES.get(key[:-1]) if key.endswith("s") else None)
    if name is None:
        return None
    entries = [e for e in gazetteer.lookup(name) if e.kind == 0 and e.fcode in ("CONT", "RGN")]
    return entries[0] if entries else None
