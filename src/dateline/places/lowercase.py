"""Place names that lowercased text hides from the case restorer.

In the degraded corpus form every word is lowercase, and the case restorer
leaves many street names as it found them (``120 main st .``, ``on harbor
avenue``).  These helpers find them by their shape instead: a road word after
one to three ordinary words, with a house number or a locative word before.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from dateline.normalize.casing import truecaser

#: Words that end a street name in lowercased text (the period of ``st .`` is its own token).
LOWERCASE_ROAD_HEADS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd",
                                  "drive", "lane", "parkway", "pike"})
#: Words before a street name that say it is one: "at 120 main st", "on elm street".
ROAD_CUES = frozenset({"on", "at", "of", "between", "and", "along", "off", "onto", "near", "to", "from"})
#: Name words that make a phrase a description, not a name ("the main road", "a dirt road").
_NOT_NAME_WORDS = frozenset({"dirt", "gravel", "busy", "icy", "wet", "open", "closed", "private", "public",
                             "rural", "same", "side", "back", "front", "county", "toll", "the", "this", "that",
                             "access", "service", "one-way", "two-lane", "four-lane", "paved",
                             "westbound", "eastbound", "northbound", "southbound", "left", "right", "turn",
                             "passing", "inside", "outside", "middle", "center", "fast", "bike", "travel"})


def lowercase_roads(doc: Doc) -> list[tuple[int, int]]:
    """Token spans ``[first, last)`` of street names written in lowercase.

    ``120 main st .`` (a house number before), ``the 700 block of west birch lane``,
    ``on harbor avenue``, ``between oak ridge drive and ...``.  The name is one to
    three alphabetic words that are not function words; the road word is a noun.
    """
    spans: list[tuple[int, int]] = []
    for token in doc:
        head = token.lower_.rstrip(".")
        if head not in LOWERCASE_ROAD_HEADS or token.i == 0 or token.pos_ not in ("NOUN", "PROPN"):
            continue
        last = token.i + 1
        if last < len(doc) and doc[last].pos_ == "NOUN":
            continue  # "a street artist": the road word describes the noun after it
        if head in _ABBREVIATED and not token.text.endswith("."):
            if last >= len(doc) or doc[last].text != ".":
                continue
            last += 1  # "st ." : the abbreviation's period
        first = token.i
        while first > 0 and token.i - first < 3 and _name_word(doc[first - 1]):
            first -= 1
        if first == token.i or first == 0 or all(t.lower_ in _DIRECTIONS for t in doc[first : token.i]):
            continue
        cue = doc[first - 1]
        if cue.text.isdigit() or cue.lower_ in ROAD_CUES:
            spans.append((first, last))
    return spans


_ABBREVIATED = frozenset({"st", "ave", "rd", "blvd"})
_DIRECTIONS = frozenset({"north", "south", "east", "west"})


def _name_word(token) -> bool:
    """Can this word be part of a street's name (``elm``, ``oak ridge``, ``east``)?"""
    word = token.lower_
    if not token.is_alpha or token.is_sent_start or word in ROAD_CUES or word in _NOT_NAME_WORDS:
        return False
    if token.pos_ in ("VERB", "AUX") and token.tag_ == "VB":  # "to widen road", "to launch street protests"
        return False
    return word in _DIRECTIONS or word not in STOP_WORDS


#: Nouns after ``us`` that make it the country whatever comes before: "told us envoys",
#: "storms reaching us soil" (the pronoun is not followed by these).
US_NOUNS = frozenset({
    "president", "ambassador", "soil", "officials", "official", "troops", "forces", "military", "government",
    "embassy", "envoy", "senator", "senators", "congress", "administration", "army", "navy", "dollar",
    "economy", "treasury", "citizens", "citizen", "secretary", "intelligence", "sanctions", "diplomats",
    "diplomat", "allies", "ally", "election", "elections", "airstrikes", "authorities", "marines",
    "soldiers", "lawmakers", "department", "state", "states", "counterpart", "counterparts", "house",
    "senate", "presidential", "federal", "border", "withdrawal", "mainland", "territory", "history",
})


def country_us(doc: Doc, i: int) -> bool:
    """Is the lowercase ``us`` at token ``i`` the United States rather than the pronoun?

    After a determiner or before a noun (``the us military``, ``2 us soldiers``), not
    after a verb (``gave us money``) unless the noun is one only the country takes
    (``told us envoys``); and as the subject of a verb (``us says it will``, at a
    line start or after ``and``), which the pronoun never is.
    """
    if i + 1 >= len(doc):
        return False
    before = doc[i - 1] if i else None
    after = doc[i + 1]
    prev = before.pos_ if before is not None else "PUNCT"
    if prev == "DET" or (after.pos_ in ("NOUN", "PROPN", "ADJ") and prev not in ("VERB", "AUX", "PRON")):
        return True
    if after.lower_ in US_NOUNS and prev != "PRON":
        return True
    subject_place = before is None or doc[i].is_sent_start or before.is_punct or before.lower_ in ("and", "but")
    return subject_place and after.tag_ in ("VBZ", "VBD", "MD") and after.lower_ not in ("is", "was")


#: Words before a lowercase name that say a place follows: "in the holy see", "to des moines".
PLACE_CUES = frozenset({"in", "near", "from", "to", "into", "across", "outside", "toward", "towards", "visited"})


def cued_lowercase_names(doc: Doc, covered: list[bool]) -> list[tuple[int, int]]:
    """Token spans of one to three lowercase words after a locative cue (``in the
    holy see``), candidates for a gazetteer lookup.  None is a function word or
    already part of a place; a single word must be one the case restorer does not
    know as an ordinary lowercase word."""
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(doc):
        if token.lower_ not in PLACE_CUES:
            continue
        first = i + 1
        if first < len(doc) and doc[first].lower_ == "the":
            first += 1
        last = first
        while (last < len(doc) and last - first < 3 and doc[last].is_alpha and not covered[last]
               and (doc[last].lower_ not in STOP_WORDS or last > first and doc[last].pos_ in _CONTENT)):
            last += 1  # "holy see": a stop word may end a name, not begin one
        for end in range(last, first, -1):
            if end - first == 1 and common_word(doc[first].lower_):
                continue
            spans.append((first, end))
    return spans


_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def common_word(word: str) -> bool:
    """Does the case restorer know ``word`` mostly in lowercase (``hurricane``, ``see``)?"""
    model = truecaser()
    variants = model.word_casing_lookup.get(word)
    if not variants or word not in variants:
        return False
    return model.unigram_count(word) >= max(model.unigram_count(v) for v in variants)
