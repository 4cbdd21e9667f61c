"""The places an article is about, as CLIFF's focus (D'Ignazio et al. 2014).

A country's weight is its own mentions plus the mentions of places inside it
plus half a point per demonym (``iraqi forces``); the focus countries are those
within half of the top weight (at most three).  The focus cities and
divisions are the most mentioned ones in a focus country.  The dateline place
is always a focus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from dateline.schema import Place

#: A country is a focus if its weight is at least this share of the top weight.
COUNTRY_SHARE = 0.5
MAX_FOCUS_COUNTRIES = 3
DEMONYM_WEIGHT = 0.5


def focus_countries(places: list[Place], demonyms: Mapping[str, int]) -> list[str]:
    """Country codes the article is about, most weighty first."""
    weight: Counter[str] = Counter()
    for place in places:
        if place.country_code:
            weight[place.country_code] += len(place.mentions)
    for cc, count in demonyms.items():
        weight[cc] += DEMONYM_WEIGHT * count
    if not weight:
        return []
    top = max(weight.values())
    ranked = [cc for cc, w in weight.most_common() if w >= COUNTRY_SHARE * top]
    return ranked[:MAX_FOCUS_COUNTRIES]


def mark_focus(places: list[Place], demonyms: Mapping[str, int], dateline_place: str | None) -> list[Place]:
    """Set ``focus`` on the places the article is about; returns the updated list."""
    countries = focus_countries(places, demonyms)
    local = [p for p in places if p.feature_class in ("P", "A") and not (p.feature_code or "").startswith("PCL")
             and p.country_code in countries]
    top_local = max((len(p.mentions) for p in local), default=0)
    updated = []
    for place in places:
        focus = (
            place.id == dateline_place
            or ((place.feature_code or "").startswith("PCL") and place.country_code in countries)
            or (place in local and len(place.mentions) == top_local and top_local > 0)
        )
        updated.append(place.model_copy(update={"focus": focus}) if focus != place.focus else place)
    return updated
