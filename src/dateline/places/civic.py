"""``Lakewood City Council``: the town is ``Lakewood``, not ``Lakewood City``.

Local news names a town's offices after it with the word ``City`` in between
(``the Lakewood City Council``, ``Fairview City Manager``, ``a Westbrook City
Councilwoman``).  The NER and the gazetteer's alternate names both read
``<Town> City`` as the name, which matches the wrong place (a ``<Town> City``
elsewhere, or a capital whose alternate name is ``<Town> City``).  Before such
an office word the name is cut to ``<Town>``, unless ``<Town> City`` is itself a
town's own name and a notable one: a capital, a seat of a first-level division,
or bigger than every town called ``<Town>`` (``Kansas City``, ``Carson City``); nor
where ``<Town>`` alone names a country or a first-level division (``Quebec City``,
``New York City``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dateline.places.gazetteer import Entry
from dateline.places.resolve import Toponym

#: Offices and bodies a town names after itself: "<Town> City Council".
_OFFICE_AFTER = re.compile(
    r"\s+(?:council(?:man|men|woman|women|member|members|or|ors|'s|’s)?|manager|hall|commission(?:er|ers)?|"
    r"attorney|clerk|administrator|auditor|treasurer|engineer|planner|limits|schools?|board|"
    r"government|officials|employees|budget|charter|elections?)\b",
    re.IGNORECASE,
)
_CITY_WORD = re.compile(r"\s+city$", re.IGNORECASE)
#: Feature codes of a notable town: the capital, seats of divisions.
_SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})


def _notable(entries: Sequence[Entry], rivals: Sequence[Entry]) -> bool:
    """Is ``<Town> City`` a place in its own right, not just an alternate name?"""
    own = [e for e in entries if e.kind == 0 and e.fclass == "P"]
    if not own:
        return False
    biggest_rival = max((e.population for e in rivals if e.kind == 0 and e.fclass == "P"), default=0)
    return any(e.fcode in _SEATS or e.population > biggest_rival for e in own)


def trim_civic_city(found: Sequence[Toponym], original: str,
                    lookup: Callable[[str], Sequence[Entry]]) -> None:
    """Cut ``<Town> City`` to ``<Town>`` where an office word follows (in place)."""
    for toponym in found:
        city = _CITY_WORD.search(toponym.form)
        if city is None or not _OFFICE_AFTER.match(original, toponym.end):
            continue
        town = toponym.form[: city.start()]
        rivals = lookup(town)
        if not any(e.kind == 0 and e.fclass == "P" for e in rivals) or _notable(lookup(toponym.form), rivals):
            continue
        if any(e.kind == 0 and (e.is_country or e.is_admin1) for e in rivals):
            continue  # "Quebec City officials": cut, the name would be the province

        cut = len(toponym.form) - city.start()
        if toponym.end - cut <= toponym.start:
            continue
        toponym.end -= cut
        toponym.text = original[toponym.start : toponym.end]
        toponym.form = town
