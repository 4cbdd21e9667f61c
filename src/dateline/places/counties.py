"""Town and county named in one article: the readings where the town lies in the county.

Local news names its towns and counties bare (``Bloomington``, ``Monroe County``),
and both names are common across the United States.  Of all their readings, the
pair where the town lies in the county is what the paper means: Bloomington,
Indiana is in Monroe County, Indiana, while Bloomington, Illinois lies well away
from Illinois' Monroe County.  A pair is a town candidate of one name and a county
(second-level division) candidate of another name, in the same first-level
division, the town within ``COUNTY_TOWN_KM`` of the county's point.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from dateline.places.gazetteer import Entry

#: A town this close to a county's point, in the same state, lies in that county.
COUNTY_TOWN_KM = 40.0
#: Score for a reading that pairs with a reading of another name of the article.
COUNTY_PAIR_BONUS = 1.5


def county_pairs(
    candidates: dict[str, list[Entry]], distance: Callable[[Entry, Entry], float],
) -> dict[int, float]:
    """Bonus per candidate place id for the towns and counties that pair up.

    ``candidates`` maps each name of the article to its candidate places;
    ``distance`` gives kilometres between two places.
    """
    counties: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for key, cands in candidates.items():
        for entry in cands:
            if entry.fcode == "ADM2" and entry.admin1:
                counties[entry.admin1].append((key, entry))
    bonus: dict[int, float] = {}
    if not counties:
        return bonus
    for key, cands in candidates.items():
        for town in cands:
            if town.fclass != "P" or not town.admin1:
                continue
            for other, county in counties.get(town.admin1, ()):
                if other != key and distance(town, county) < COUNTY_TOWN_KM:
                    bonus[town.place] = COUNTY_PAIR_BONUS
                    bonus[county.place] = COUNTY_PAIR_BONUS
    return bonus
