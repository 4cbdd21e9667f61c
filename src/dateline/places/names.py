"""Lookup keys for place names, shared by the gazetteer build and its queries.

A key is the name lowercased, accents folded (``Bogotá`` -> ``bogota``),
apostrophes and quote marks dropped, hyphens and runs of spaces turned into
one space.  Periods stay, so ``U.S.`` (key ``u.s.``) and the pronoun ``us``
are different keys; :func:`key_variants` also tries the key without periods
and without a leading ``the``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

#: Keys that never match a place, whatever the gazetteer holds: English function
#: words (GeoNames has towns called ``Of``, ``The``, ``Why``, ``Many``...) and
#: generic geographic words that name no place on their own.
STOP_ALIASES = frozenset(STOP_WORDS) | frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "and", "or", "is", "it",
    "city", "town", "village", "county", "state", "states", "province", "region", "district",
    "river", "lake", "mountain", "mountains", "island", "islands", "sea", "ocean", "bay",
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "new", "old", "great", "little", "upper", "lower", "centre", "center", "downtown", "uptown",
    "street", "road", "avenue", "park", "square", "bridge", "station", "airport", "port",
    "home", "office", "school", "church", "hospital", "university", "college", "court", "hall",
    "police", "fire", "army", "navy", "media", "news", "press", "world", "earth", "union",
    "capital", "republic", "kingdom", "federation", "democratic", "people", "national",
    "mr", "mrs", "ms", "dr", "st", "st.", "mt", "mt.", "ft", "ft.",
})

_APOSTROPHES = "'\u2018\u2019\u02bc\u02bb`\u00b4\""
_SPACES = re.compile(r"[\s\-\u2010-\u2015_/]+")


def fold(text: str) -> str:
    """Lowercase and strip accents: ``Şanlıurfa`` -> ``sanliurfa``."""
    text = text.replace("\u0131", "i").replace("\u00df", "ss").replace("\u00f8", "o")
    text = text.replace("\u0111", "d").replace("\u0142", "l").replace("\u00e6", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a place name (see the module docstring); cached, as every layer
    asks for the keys of the same names many times."""
    key = fold(text)
    for ch in _APOSTROPHES:
        key = key.replace(ch, "")
    return _SPACES.sub(" ", key).strip(" ,;:")


def key_variants(key: str) -> list[str]:
    """Keys to try for a mention, best first: as is, without periods, without 'the'."""
    variants = [key]
    if "." in key:
        bare = re.sub(r"\s+", " ", key.replace(".", " ")).strip()
        variants.append(bare)
        variants.append(key.replace(".", ""))
    for variant in list(variants):
        if variant.startswith("the "):
            variants.append(variant[4:])
    seen: list[str] = []
    for variant in variants:
        if variant and variant not in seen:
            seen.append(variant)
    return seen


def is_latin(text: str) -> bool:
    """True if every letter is Latin (alternate names in other scripts are skipped)."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def usable_alias(key: str) -> bool:
    """Can this key name a place?  Stop words and very short keys cannot."""
    if len(key.replace(".", "").replace(" ", "")) < 3 or key in STOP_ALIASES:
        return False
    return any(c.isalpha() for c in key) and not key.replace(".", "").isdigit()
