"""Toponym detection: which spans of the article name places.

Sources, most trusted first:

* **LOC entities** of the NER (every mention), except adjectival uses such as
  ``U.S.-backed`` (the country then is an attribute of the entity; ``London-based``
  stays a place) and, in clean text, words written in lowercase (``white rocks``).
  ``Southwest Ohio`` / ``downtown Easley`` give the named place, and
  ``Bismarck-Mandan`` both halves;
* **the dateline place** (``CAIRO (Reuters) -``);
* **place names inside organization names** (``Orleans Parish School Board``,
  ``University of Georgia``, ``London-based BOP``) and organizations named like a
  place (a state or country used for its government or team);
* **people that are places**: a PERSON entity after a locative cue (``the city
  of raqqa``, ``between mosul and raqqa``) or before a word such as ``man`` or
  ``resident`` whose name is a known place;
* **one sense per discourse**: a name found inside an organization name or after
  a cue is a place in its other mentions too, whatever the NER typed them;
* **facilities**: a name followed by a facility word (``el nuri mosque``,
  ``Lakewood Public Library``, ``Harbor Street``, the street of ``412 Laurel Street``)
  and numbered roads (``Highway 41``, ``I-20``, ``Ky. 80``), placed later at the
  city they are in;
* **missed names**: runs of proper nouns the NER left out that are countries,
  first-level divisions, continents, curated regions or cities of 100,000+;
* **cued names**: proper nouns the NER left untyped (or typed ORG / MISC) after
  ``in``, ``near``, ``from``, ``of``, ``downtown`` or before ``man``, ``resident``...
  that are towns of the gazetteer (small ones only where they fit the article);
* **party and home** of a legislator: ``Rep. Ann Cole, D-Savannah``;
* **county lists**: every name of ``Bibb, Jones and Twiggs counties`` is
  looked up as ``<name> County`` (the NER tags some of them as people);
* in lowercased text: ``us`` before a noun and after a determiner (``the us
  military``) or as a verb's subject (``us says``), ``<word> county`` names the
  gazetteer knows (``story county``), ``St.`` / ``Mt.`` names cut by a line break
  (``st .`` / ``cloud``), states cut likewise (``w .`` / ``va .``), streets the case
  restorer left lowercase (``120 main st .``, :mod:`dateline.places.lowercase`),
  countries, large states and cities after a locative cue (``in the holy see``), and
  town names of which only a generic first word was capitalized (``South bend``).

A one-word name the clean article also writes in lowercase (``Man`` ... ``the
man``) is a common word, not a place, unless it is a country or state.

Then each name grows to a longer gazetteer name around it (``northern Sinai``,
``Tensas`` -> ``Tensas Parish``; an abbreviation gets back the final period
the NER leaves out: ``W.Va``  -> ``W.Va.``) and gets its container when one
follows it after a comma (``Paris, Texas``, ``Albany, N.Y.``).  Last, a
one-word name that is a person's name in the article is dropped: the surname of
a full name (``Wanda Shelby`` ... a given name, an initial and the surname), a name after a title
(``the Rev. Al Reyes``), before a speech verb (``Reyes noted``) or a possessive
kin word (``Flores' stepfather``); countries, big first-level divisions, capitals,
cities of a million, names with a container and containers stay.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from dateline.normalize import NormalizedText
from dateline.places.civic import trim_civic_city
from dateline.places.gazetteer import Entry, Gazetteer
from dateline.places.lowercase import common_word, country_us, cued_lowercase_names, lowercase_roads
from dateline.places.names import STOP_ALIASES, name_key
from dateline.places.resolve import Toponym
from dateline.schema import Dateline, Entity

#: Detection confidence by source.
WEIGHTS = {"entity": 0.9, "dateline": 0.95, "embedded": 0.7, "person": 0.6, "facility": 0.6, "scan": 0.7}
#: Which detection wins when two overlap (a facility holds the city name in it).
PRIORITY = ("facility", "dateline", "entity", "embedded", "person", "scan")
#: Words after a name that make it a facility, with the GeoNames class and code they get.
#: Only landmarks and roads: schools, offices and halls are organizations more than places.
FACILITY_HEADS = {
    "mosque": ("S", "MSQE"), "church": ("S", "CH"), "cathedral": ("S", "CH"), "temple": ("S", "TMPL"),
    "synagogue": ("S", "SYG"), "shrine": ("S", "SHRN"), "airport": ("S", "AIRP"),
    "bridge": ("S", "BDG"), "dam": ("S", "DAM"), "palace": ("S", "PAL"), "square": ("S", "SQR"),
    "plaza": ("S", "SQR"),
}
ROAD_HEADS = {
    "street": ("R", "ST"), "st.": ("R", "ST"), "avenue": ("R", "ST"), "ave.": ("R", "ST"),
    "road": ("R", "RD"), "rd.": ("R", "RD"), "boulevard": ("R", "ST"), "blvd.": ("R", "ST"),
    "drive": ("R", "RD"), "highway": ("R", "RD"), "lane": ("R", "RD"), "parkway": ("R", "RD"),
    "pike": ("R", "RD"),
}
#: Numbered roads: "Highway 19", "County Road 35", "Interstate 75", "I-75", "US-27", "FM 1187".
NUMBERED_ROAD = re.compile(
    r"\b(?:(?:[Ss]tate|[Cc]ounty|U\.S\.|US|[Ff]arm[- ]to[- ][Mm]arket)\s+)?"
    r"(?:[Hh]ighway|HIGHWAY|[Hh]wy\.?|[Rr]oute|ROUTE|[Rr]oad|[Ii]nterstate)\s+\d{1,4}[A-Z]?\b(?![\d,.]\d)"
    r"|\b(?:I|US|SR|CR|FM|SH)-?\s?\d{1,4}\b(?![\d,.]\d)")
#: A state abbreviation and a number: "W.Va. 61", "Ky. 80" (not a ZIP code: five digits).
STATE_ROAD = re.compile(r"\b((?:[A-Z][a-z]{0,3}\.){1,2}|[A-Z]{2})\s(\d{1,3})\b(?![\d,.]\d)")
#: Every word that ends a facility name.
ALL_HEADS = {**FACILITY_HEADS, **ROAD_HEADS}
#: Buildings named after their town: the town is the toponym (``Lakewood Public Library``).
BUILDING_HEADS = frozenset({
    "library", "school", "elementary", "academy", "university", "college", "hospital", "jail",
    "prison", "courthouse", "center", "centre", "hall", "museum", "stadium", "arena", "park",
    "police", "department", "office", "council", "county", "club",
})
#: Words after a place name that make the rest of a longer name a part or an office of it
#: (``Dane County Circuit Court``, ``Lubec Harbor``, ``Fresno Police``).
GENERIC_TAILS = BUILDING_HEADS | frozenset(ALL_HEADS) | frozenset({
    "circuit", "court", "board", "harbor", "harbour", "bay", "river", "valley", "area", "region",
    "district", "province", "state", "city", "town", "township", "village", "neighborhood", "suburb",
    "downtown", "metro", "borough", "municipality", "camp", "port", "beach", "island", "islands",
})
#: Words that make a facility name generic rather than a name (``City Hall``, ``New School``).
GENERIC_NAME_WORDS = frozenset({"city", "town", "new", "old", "state", "county", "public",
                                "charter", "upper", "lower", "the"})
#: Words that can stand before a place name and belong to it.
DIRECTIONS = ("northern", "southern", "eastern", "western", "north", "south", "east", "west",
              "central", "upper", "lower", "greater")
#: Words before a name that say which part of it is meant: the name is the place.
AREA_PREFIX = re.compile(r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
                         r"north-west|south-east|south-west|central|metropolitan|metro|downtown|suburban|"
                         r"greater|inner|outer)(?:ern)?\s+(?=[A-Z])", re.IGNORECASE)
#: Words after a name that may belong to it (tried against the gazetteer).
SUFFIXES = ("county", "parish", "province", "governorate", "state", "region", "river", "strip",
            "peninsula", "valley", "island", "islands", "city", "district", "lake", "bay", "mountains")
#: Words before a PERSON-tagged name that say it is a place.
LOCATIVE_CUE = re.compile(
    r"(?:\b(?:city|town|village|province|region|capital|port|outskirts|suburbs?|district|"
    r"governorate|state|country) of|\b(?:in|near|outside|around|across|into|from|"
    r"toward|towards)|\bbetween \w+(?: \w+)? and)\s*$",
    re.IGNORECASE,
)
#: Words before a proper noun the NER left untyped (or typed ORG / MISC) that make it a
#: candidate place: "a man from Keysville", "Nina Marsh of Millbrook".
CUE_BEFORE = re.compile(r"\b(?:in|near|outside|from|of|downtown|uptown|suburban)\s+$", re.IGNORECASE)
#: Words after a proper noun that make it a town: "Keysville man", "the Jordan resident".
CUE_AFTER = re.compile(r"\s+(?:man|woman|men|women|teen|teens|teenager|boy|girl|couple|resident|residents|"
                       r"native|natives|homeowners?|landowners?)\b(?!-)")
#: A legislator's party and home: "Rep. Ann Cole, D-Fresno," / "R-Pine Lake" / "D-N.D.".
PARTY_HOME = re.compile(r"\b[DRI]-((?:[A-Z][\w'’]*\.?)(?:[ .](?:[A-Z][\w'’]*\.?)){0,2})(?=[,;)]|\s|$)")
#: Names that are calendar words before anything else ("in March", "from Monday").
CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                      "thursday", "friday", "saturday", "sunday", "christmas", "easter"})
#: Minimum population for a city found only by the scan or inside a person's name.
SCAN_MIN_POPULATION = 100_000
PERSON_MIN_POPULATION = 100_000
#: A lowercase town after a locative cue this big is kept where it fits the article.
CUED_TOWN_MIN_POPULATION = 1_000
EMBEDDED_MIN_POPULATION = 100_000
ADMIN1_MIN_POPULATION = 200_000
#: Plural generic words after a list of names: "Bibb, Jones and Twiggs counties".
_GENERIC_SINGULAR = {"counties": "County", "parishes": "Parish"}
#: First words of a name that make it a place's, not a person's (``Downtown Easley``).
NOT_GIVEN_NAMES = frozenset({"downtown", "north", "south", "east", "west", "northern", "southern",
                             "eastern", "western", "central", "greater", "old", "new", "fort", "mount",
                             "mt", "port", "lake", "saint", "st", "san", "santa", "el", "la", "los",
                             "las", "upper", "lower", "uptown", "midtown", "city", "county", "the", "st.", "mt.",
                             "ft.", "pt.", "n.", "s.", "e.", "w."})
#: A title before a name, or a speech verb after it, make it a person's (``the Rev. Jo
#: Keaton``, ``Keaton noted``), whatever the NER typed it.
TITLED = re.compile(r"\b(?:Rev|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Sgt|Lt|Capt|Cpl|Det|Prof|Pastor|Judge|Officer|"
                    r"Deputy|Coach|Father|Sister)\.?\s+(?:[A-Z][\w'’-]*\.?\s+){0,2}([A-Z][\w'’-]+)\b(?![.,]?\s+[A-Z])")
SPEAKER = re.compile(r"(?<![\w,] )\b([A-Z][\w'’-]+) (?:said|says|noted|added|told|explained|recalled|asked|wrote|"
                     r"testified|insisted|argued|admitted|replied)\b")
#: Words that make a name with a place's name in front a place of its own (``Nevada Crossing``).
SETTLEMENT_WORDS = frozenset({"township", "twp", "park", "valley", "heights", "village", "estates",
                              "beach", "gardens", "junction", "crossing", "landing", "mills", "corners",
                              "grove", "ridge", "hills"})
#: First words of town names that lowercased text leaves lowercase before the capitalized rest.
NAME_LEADS = frozenset({"new", "fort", "port", "mount", "lake", "glen", "san", "santa", "los", "las", "el"})
#: A lowercase direction word before a name: it says which part, it is not the name.
LOWERCASE_DIRECTION = re.compile(r"(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                                 r"northern|southern|eastern|western|central|downtown)\s+(?=[A-Z])")
#: A dateline at the start of a line of lowercased text: "elmore — ", "keysville - - ".
LINE_DATELINE = re.compile(r"(?m)^([a-z][a-z'.]*(?: [a-z][a-z'.]*){0,3}?)(?= (?:—|–|- -|--) )")
#: A town's own offices after its name: "Lakewood City Council", "Fairview police", "Paris Mayor".
MUNICIPAL_AFTER = re.compile(r"(?:'s|’s)?\s+(?:city\s+council|city\s+manager|city\s+hall|police\s+department|"
                             r"police|fire\s+department|mayor|town\s+council|board\s+of\s+selectmen|"
                             r"selectmen|school\s+board|city\s+schools)\b", re.IGNORECASE)
#: "the Atlantic", "the eastern Pacific": a name after the article and at most one lowercase word.
DEFINITE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?$")
#: Local news names a resident with an age and a town: "Jo Lee, 18, of Paris".
RESIDENT_OF = re.compile(r"\b\d{1,3}\s?,\s+(?:both\s+|all\s+|also\s+)?of\s+$", re.IGNORECASE)
#: A given name, a middle initial and a surname: the surname is a person's.
INITIALED = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. ([A-Z][a-z]{2,})\b")
#: A possessive before a kinship or role word: "Jonas' stepfather", "Vance's attorney".
KIN = re.compile(r"\b([A-Z][\w-]+)(?:'s|’s|'|’)\s+(?:wife|husband|son|daughter|mother|father|stepfather|"
                 r"stepmother|brother|sister|family|parents|children|attorney|lawyer|widow|girlfriend|"
                 r"boyfriend|death|arrest|body|funeral)\b")
#: Adjectival continuations: "U.S.-backed", "Iraqi-led" (the place is an attribute of the
#: actor).  "London-based" and "Texas-born" say where someone is: those stay place mentions.
ADJECTIVAL = re.compile(r"-(?:backed|led|made|funded|supported|allied|brokered|owned|run)\b",
                        re.IGNORECASE)
#: Words after a saint's possessive that make it a feast or an institution, not a place
#: ("st . mark s catholic school"; "st . petersburg s old canal" stays the city).
_SAINT_INSTITUTIONS = frozenset({"day", "school", "church", "cemetery", "hospital", "health", "college",
                                 "university", "academy", "cathedral", "chapel", "catholic", "lutheran",
                                 "episcopal", "medical", "er", "high", "elementary", "for"})
#: Abbreviations that begin place names, spelled out for lookup: "St. Cloud" -> "Saint Cloud".
_SAINT_WORDS = {"st.": "Saint", "mt.": "Mount", "ft.": "Fort"}
_COMMA_CONTAINER = re.compile(r"\s*,\s*")
#: A party letter and a state abbreviation written apart: "d-s . c ." (lowercased text).
_SPACED_PARTY_HOME = re.compile(r"\b[dri]-([a-z] \. [a-z] \.)(?=\s|$)")
#: Words after a direction that name a part of something: "the south end", "the west side".
_PART_WORDS = frozenset({"end", "side", "part", "half", "wind", "winds", "edge", "shore", "coast", "bank"})
#: An abbreviation whose letters a space keeps apart: "N. D.", "W. Va.".
_SPACED_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,3}\.\s){1,2}[A-Za-z]{1,3}\.")
#: A state or country written short after a comma: "Albany, N.Y.", "Salina, Kan.", "Dayton, Ohio".
_CONTAINER_AFTER = re.compile(r"(?:[A-Za-z]{1,5}\.\s?){1,3}|[A-Z][a-z]+")


def _form(normalized: NormalizedText, start: int, end: int) -> str:
    span = normalized.from_original(start, end)
    return normalized.text[span[0] : span[1]] if span else normalized.original[start:end]


def _strong(entries: Sequence[Entry] | Entry, min_population: int, alias_ok: bool = False) -> bool:
    """Is one of these places notable enough to accept on the gazetteer's word alone?"""
    if not isinstance(entries, Entry):
        return any(_strong(e, min_population, alias_ok) for e in entries[:20])
    entry = entries
    if entry.kind == 1 and not entry.is_country and not (alias_ok and entry.fclass == "P"):
        return False  # an alternate name: "act" (Australian Capital Territory), "man" (Isle of Man)
    if entry.is_country or entry.fcode == "CONT" or entry.fclass not in "PA":
        return True  # countries, continents and the curated regions and features
    if entry.geonames_id is None:
        return not entry.is_postal_town  # curated, but not the US towns of the ZIP list
    if entry.fcode == "ADM1":
        return entry.population >= ADMIN1_MIN_POPULATION  # not "Forest" (Guernsey), "Lakes" (South Sudan)
    if entry.fcode == "ADM2":
        return " " in entry.name  # "Tensas Parish", "Twiggs County": the generic word is written
    return entry.fclass == "P" and entry.population >= min_population


class Detector:
    """Finds the toponyms of one article."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._lowercase_words: set[str] | None = None  # of the article being read
        self._degraded = False  # is the article being read in the degraded corpus form?

    def lookup(self, form: str) -> tuple[Entry, ...]:
        entries = self.gazetteer.lookup(form, written=form)
        if not entries and self._degraded and _SPACED_ABBREVIATION.fullmatch(form):
            # "N. D." / "W. Va.": lowercased text splits an abbreviation's letters apart.
            joined = form.replace(" ", "")
            entries = self.gazetteer.lookup(joined, written=joined)
        return entries

    def detect(
        self, doc: Doc, normalized: NormalizedText, entities: Sequence[Entity], dateline: Dateline | None
    ) -> tuple[list[Toponym], Toponym | None]:
        original = normalized.original
        found: list[Toponym] = []
        loc_keys: set[str] = set()
        self._lowercase_words = None
        self._degraded = normalized.degraded

        def add(start: int, end: int, sentence: int, source: str, entity_id: str | None) -> Toponym:
            form = _form(normalized, start, end)
            if self._degraded and _SPACED_ABBREVIATION.fullmatch(form) and not self.gazetteer.lookup(form, written=form):
                form = form.replace(" ", "")  # "N. D." -> "N.D."
            toponym = Toponym(start, end, original[start:end], form, sentence,
                              source, entity_id, WEIGHTS[source])
            found.append(toponym)
            return toponym

        for entity in entities:
            for mention in entity.mentions:
                start, end = mention.span.start, mention.span.end
                if mention.type.value != "LOC":
                    continue
                if ADJECTIVAL.match(original, end):
                    continue  # "u.s.-backed": the country is an attribute, not a place mention
                if _road_follows(original, end):
                    continue  # "Lakewood Road": the road is the place (found by _facilities)
                end = self._abbreviation_period(start, end, normalized)
                lead = LOWERCASE_DIRECTION.match(original, start, end)
                if lead and not normalized.degraded:
                    start = lead.end()  # "north Arlington": a part of Arlington, not North Arlington
                parts = self._hyphen_parts(start, end, normalized)
                if len(parts) > 1:
                    for a, b in parts:  # "Fargo-Moorhead": two places
                        add(a, b, mention.sentence, "entity", entity.id)
                        loc_keys.add(name_key(_form(normalized, a, b)))
                    continue
                whole_end = end
                start, end = self._resolvable_part(start, end, normalized)
                if not normalized.degraded and original[start:end].islower():
                    continue  # "white rocks", "son Shaune": a common word where names are capitalized
                add(start, end, mention.sentence, "entity", entity.id)
                loc_keys.add(name_key(_form(normalized, start, end)))
                rest = re.search(r"[^\s,]", original[end:whole_end])
                if rest and self._is_region(_form(normalized, end + rest.start(), whole_end)):
                    # "palmer alaska": the town, then its state (the comma was lost)
                    add(end + rest.start(), whole_end, mention.sentence, "entity", entity.id)
        for entity in entities:
            for mention in entity.mentions:
                kind = mention.type.value
                if kind in ("ORG", "MISC"):
                    self._inside_name(mention.span.start, mention.span.end, mention.sentence,
                                      entity.id, normalized, loc_keys, add)
                elif kind == "PERSON":
                    self._person_place(mention.span.start, mention.span.end, mention.sentence,
                                       entity.id, normalized, loc_keys, add)

        self._same_name(entities, normalized, found, loc_keys, add)

        dateline_toponym = None
        if dateline is not None and dateline.place_span is not None:
            span = dateline.place_span
            # "MOSUL, Iraq": the dateline's place is its first name, the town, not the country.
            comma = original.find(",", span.start, span.end)
            first_end = len(original[span.start:comma].rstrip()) + span.start if comma >= 0 else span.end
            same = [t for t in found if t.start < first_end and span.start < t.end]
            if same:
                dateline_toponym = same[0]
                dateline_toponym.source = "dateline"
                dateline_toponym.weight = WEIGHTS["dateline"]
            elif self.lookup(_form(normalized, span.start, first_end)):
                dateline_toponym = add(span.start, first_end, 0, "dateline", None)
            elif self.lookup(_form(normalized, span.start, span.end)):
                dateline_toponym = add(span.start, span.end, 0, "dateline", None)

        self._facilities(doc, normalized, found, loc_keys, add)
        self._numbered_roads(doc, normalized, add)
        self._scan(doc, normalized, found, loc_keys, add)
        self._cued(doc, normalized, found, add)
        if normalized.degraded:
            self._lowercase_us(doc, normalized, found, add)
            self._lowercase_counties(doc, normalized, found, add)
            self._saint_names(doc, normalized, found, add)
            self._lowercase_roads(doc, normalized, found, add)
            self._lowercase_cued(doc, normalized, found, entities, add)
            self._line_datelines(normalized, found, add)
        self._party_homes(doc, normalized, found, add)
        found = self._dedupe(found)
        if normalized.degraded:
            found = self._join_split_abbreviations(found, normalized)
            for toponym in found:
                self._grow_first_word(toponym, normalized)
        for toponym in found:
            self._extend(toponym, normalized)
        self._county_lists(found, doc, normalized, add)
        trim_civic_city(found, original, self.lookup)
        found = self._dedupe(found)
        self._containers(found, doc, normalized, add)
        found = self._drop_person_names(found, entities, dateline_toponym, normalized.text, normalized)
        _mark_residents_towns(found, normalized.original)
        _mark_quiet(found, normalized)
        # "in august 2008": a month or a weekday alone is a date, whatever the restorer made of it.
        found = [t for t in found if t.key not in CALENDAR or t.container is not None]
        if normalized.degraded:
            _weaken_common_words(found, dateline_toponym, normalized)
        found.sort(key=lambda t: t.start)
        return found, dateline_toponym

    def _same_name(self, entities: Sequence[Entity], normalized: NormalizedText, found: list[Toponym],
                   loc_keys: set[str], add) -> None:
        """One sense per discourse: a name found as a place inside an organization name or
        after a locative cue is a place in its other mentions too, whatever the NER typed
        them (``Fairview Police Department`` ... ``with Fairview`` ... ``Fairview has``).
        """
        keys = {t.key for t in found if t.source in ("embedded", "person") and not t.weak} - loc_keys
        if not keys:
            return
        taken = {(t.start, t.end) for t in found}
        for entity in entities:
            for mention in entity.mentions:
                start, end = mention.span.start, mention.span.end
                if (start, end) in taken or mention.type.value not in ("PERSON", "ORG", "MISC"):
                    continue
                if name_key(_form(normalized, start, end)) in keys:
                    add(start, end, mention.sentence, "person", entity.id)
        loc_keys |= keys

    def _county_lists(self, found: list[Toponym], doc: Doc, normalized: NormalizedText, add) -> None:
        """``Bibb, Twiggs and Jones counties``: every name of the list is a county.

        The names get the generic word for lookup (``Twiggs County``), found by the NER
        or not (it often tags such names as people).
        """
        by_start = {t.start: t for t in found}
        sentence_of = None
        for token in doc:
            generic = _GENERIC_SINGULAR.get(token.lower_)
            if generic is None or token.i == 0:
                continue
            # Walk back over "Name(, Name)* (and|or) Name".
            names = []
            i = token.i - 1
            while i >= 0 and len(names) < 8:
                last = i
                while i >= 0 and last - i < 2 and doc[i].is_alpha and (
                        doc[i].text[:1].isupper() or normalized.degraded and doc[i].lower_ not in STOP_ALIASES):
                    i -= 1  # lowercased text: "adams , brown and clark counties"
                if i == last:
                    break
                names.append(doc[i + 1 : last + 1])
                if i >= 0 and doc[i].lower_ in ("and", "or"):
                    i -= 1
                if i >= 0 and doc[i].text == ",":
                    i -= 1
                elif i < 0 or doc[i + 1].lower_ not in ("and", "or"):
                    break
            if len(names) < 2:
                continue
            for span in names:
                longer = f"{span.text} {generic}"
                if span.text.lower() in STOP_ALIASES or not any(e.fcode == "ADM2" for e in self.lookup(longer)):
                    continue
                start, end = normalized.to_original(span.start_char, span.end_char)
                toponym = by_start.get(start)
                if toponym is None or toponym.end != end:
                    if sentence_of is None:
                        sentence_of = _sentence_index(doc)
                    toponym = add(start, end, sentence_of.get(span.start, 0), "scan", None)
                toponym.form = longer

    def _common_word(self, text: str, normalized: NormalizedText) -> bool:
        """A one-word name the clean article also writes in lowercase (``Man`` ... ``the man``,
        ``Metro`` ... ``metro area``) is a common word there, unless it is a country or state."""
        if " " in text.strip() or not text[:1].isupper():
            return False
        if self._lowercase_words is None:
            # Degraded text: the words the case restorer left in lowercase.
            written = normalized.text if normalized.degraded else normalized.original
            self._lowercase_words = set(re.findall(r"(?<![\w.\-])[a-z]+(?![\w\-])", written))
        if text.strip().lower() not in self._lowercase_words:
            return False
        return not self._is_region(text)

    def _stop_word(self, text: str) -> bool:
        """A function word that names no place, unless it is an abbreviation written in
        capitals (``US Special Forces``: the gazetteer knows ``US`` only written so)."""
        return text.lower() in STOP_ALIASES and not (text.isupper() and self.lookup(text))

    def _abbreviation_period(self, start: int, end: int, normalized: NormalizedText) -> int:
        """``W.Va`` + ``.``: the NER leaves the final period of an abbreviation out."""
        original = normalized.original
        word = original[start:end]
        short = len(word) <= 5 and word.isalpha() and word.istitle()  # "Vt" + "."
        if (end < len(original) and original[end] == "." and ("." in word or short)
                and not self.lookup(_form(normalized, start, end)) and self.lookup(_form(normalized, start, end + 1))):
            return end + 1
        # Lowercased text: "bethel , vt . ,": the period is its own token.
        if (normalized.degraded and original[end : end + 2] == " ." and len(word) <= 5 and word.isalpha()
                and not self.lookup(word.title()) and self.lookup(word.title() + ".")):
            return end + 2
        return end

    def _drop_person_names(self, found: list[Toponym], entities: Sequence[Entity],
                           dateline_toponym: Toponym | None, text: str = "",
                           normalized: NormalizedText | None = None) -> list[Toponym]:
        """A name that is a person's first or last name elsewhere in the article is that person.

        ``Wanda Shelby`` ... ``Shelby said``: not the town.  So is a name after a title
        or before a speech verb anywhere in the article (``the Rev. Jo Keaton``,
        ``Keaton noted``).  Countries, first-level divisions, capitals and big cities
        (``Washington said``), names with a container (``Shelby, N.C.``) and containers stay.
        """
        person_words: set[str] = {name_key(m.group(1)) for m in TITLED.finditer(text)}
        person_words |= {name_key(m.group(1)) for m in SPEAKER.finditer(text)}
        person_words |= {name_key(m.group(1)) for m in KIN.finditer(text)}
        place_keys = {t.key for t in found}
        for entity in entities:
            for mention in entity.mentions:
                if mention.type.value != "PERSON":
                    continue
                words = re.findall(r"[^\W\d_][\w'’.-]*", mention.span.text)
                # The surname of a full name (a given name and an initial before it, "Mrs. Lincoln"), unless the first
                # word is a place or a place word (the NER's "Fairview Lakewood", "Downtown Easley").
                if (len(words) >= 2 and not words[-1].endswith(".") and name_key(words[0]) not in NOT_GIVEN_NAMES
                        and name_key(words[0]) not in place_keys):
                    person_words.add(name_key(words[-1]))
                if normalized is not None and normalized.degraded and len(words) >= 2 and re.fullmatch(r"[A-Za-z]\.?", words[-1]):
                    # "<Given> M." / "<Surname>": a line break after the initial cut the surname off.
                    at = normalized.from_original(mention.span.end, mention.span.end)
                    after = re.match(r"\.?\s+([A-Z][\w'’-]+)", normalized.text[at[0] : at[0] + 40]) if at else None
                    if after:
                        person_words.add(name_key(after.group(1)))
        # A given name, an initial and a surname, whatever the NER typed.
        person_words |= {name_key(m.group(1)) for m in INITIALED.finditer(normalized.text if normalized else text)}
        if not person_words:
            return found
        containers = {id(t.container) for t in found if t.container is not None}
        kept = []
        for toponym in found:
            if (toponym.key in person_words and toponym is not dateline_toponym and toponym.container is None
                    and id(toponym) not in containers and " " not in toponym.form.strip()
                    and not any((e.is_country or e.fcode == "PPLC" or e.population >= 1_000_000
                                 or (e.is_admin1 and e.population >= ADMIN1_MIN_POPULATION))
                                and e.kind != 1 for e in self.lookup(toponym.form)[:5])):
                continue
            kept.append(toponym)
        return kept

    def _hyphen_parts(self, start: int, end: int, normalized: NormalizedText) -> list[tuple[int, int]]:
        """``Fargo-Moorhead``, ``Canada-U.S.``: names joined by a hyphen that the gazetteer
        knows only apart; every part must be a place by its own name."""
        form = _form(normalized, start, end)
        norm = normalized.from_original(start, end)
        if "-" not in form or norm is None or self.lookup(form):
            return []
        parts = []
        for m in re.finditer(r"[^\-]+", form):
            piece = m.group().strip()
            entries = self.lookup(piece)
            if not piece[:1].isupper() or not entries or entries[0].kind == 1:
                return []
            offset = norm[0] + m.start() + (len(m.group()) - len(m.group().lstrip()))
            parts.append(normalized.to_original(offset, offset + len(piece)))
        return parts

    def _resolvable_part(self, start: int, end: int, normalized: NormalizedText) -> tuple[int, int]:
        """A LOC name the gazetteer does not know may hold one it does at its start.

        ``Dane County Circuit Court`` -> ``Dane County``; ``Macon-Bibb`` -> ``Macon``.
        """
        form = _form(normalized, start, end)
        if self.lookup(form):
            return start, end
        area = AREA_PREFIX.match(form)
        if area and self.lookup(form[area.end():]):
            # "Southwest Ohio", "East Fresno", "Metropolitan Denver": the named place.
            norm = normalized.from_original(start, end)
            if norm is not None:
                return normalized.to_original(norm[0] + area.end(), norm[1])
        words = list(re.finditer(r"[^\s\-]+", form))
        for last in range(len(words) - 1, 0, -1):
            piece = form[: words[last - 1].end()]
            if piece.lower() in STOP_ALIASES:
                continue
            entries = self.lookup(piece)
            if not entries or entries[0].kind == 1:
                continue
            # One name word before another is one name ("Abu Shouk"), not a place and a suffix:
            # only a generic word after it, its state or country ("Palmer Alaska" where the comma
            # was lost), or a notable place, makes the start the place.
            if (last > 1 or words[last].group().lower().strip(".,") in GENERIC_TAILS
                    or self._is_region(form[words[last].start():]) or _strong(entries, EMBEDDED_MIN_POPULATION)):
                norm = normalized.from_original(start, end)
                if norm is None:
                    break
                return normalized.to_original(norm[0], norm[0] + len(piece))
        return start, end

    def _is_region(self, name: str) -> bool:
        """Whether ``name`` is a country or a first-level division (a state, a province)."""
        return any(entry.is_country or entry.is_admin1 for entry in self.lookup(name)[:5])

    # -- sources ----------------------------------------------------------------------------

    def _inside_name(self, start, end, sentence, entity_id, normalized, loc_keys, add) -> None:
        """Place names inside an organization name, or an organization named as a place."""
        form = _form(normalized, start, end)
        words = list(re.finditer(r"\S+", form))
        if not words or words[-1].group().lower() in ALL_HEADS:
            return  # a facility: handled by _facilities
        norm = normalized.from_original(start, end)
        if norm is None:
            return
        # The whole name: a state or country standing for its government or team.
        if not normalized.degraded and normalized.original[start:end].islower():
            return  # "the commonwealth", "metro": common words where names are capitalized
        if self._common_word(form, normalized) and name_key(form) not in loc_keys:
            return
        entries = self.lookup(form)
        cue = bool(LOCATIVE_CUE.search(normalized.text[max(0, norm[0] - 60) : norm[0]]))
        if entries and (name_key(form) in loc_keys or _strong(entries, SCAN_MIN_POPULATION, alias_ok=cue)):
            add(start, end, sentence, "embedded", entity_id)
            return
        if (" " in form.strip() and words[-1].group().lower() not in BUILDING_HEADS | {"house"}
                and any(e.kind == 0 and e.fclass == "P" for e in entries)):
            # "Grain Valley", "Lake Forest Park" typed ORG: the town, not a town named like a
            # part of it; kept only where it fits the rest of the article.
            add(start, end, sentence, "embedded", entity_id).weak = True
            return
        words = list(re.finditer(r"[^\s\-]+", form))  # "London-based", "Macon-Bibb County": parts too
        first = 0
        while first < len(words):
            matched = False
            # Lowercased text: "cole county and ...": a county whose name the restorer left lowercase.
            county = (normalized.degraded and first + 1 < len(words)
                      and words[first + 1].group().lower() in ("county", "parish"))
            if words[first].group()[:1].isupper() or county:
                for last in range(min(len(words), first + 4), first, -1):
                    if first == 0 and last == len(words):
                        continue
                    piece = form[words[first].start() : words[last - 1].end()]
                    for tail in ("'s", "\u2019s", ",", "."):
                        piece = piece.removesuffix(tail)
                    if not piece or self._stop_word(piece) or self._common_word(piece, normalized):
                        continue
                    entries = self.lookup(piece)
                    if not entries or ADJECTIVAL.match(form, words[first].start() + len(piece)):
                        continue  # "U.S.-backed": an attribute
                    if name_key(piece) in loc_keys or _strong(entries, EMBEDDED_MIN_POPULATION):
                        offset = norm[0] + words[first].start()
                        a = normalized.to_original(offset, offset + len(piece))
                        toponym = add(a[0], a[1], sentence, "embedded", None)
                        if county:
                            toponym.form = piece[:1].upper() + piece[1:]
                        first = last
                        matched = True
                        break
            if not matched:
                first += 1

    def _person_place(self, start, end, sentence, entity_id, normalized, loc_keys, add) -> None:
        """A PERSON mention that is a place: after 'city of', 'in', 'between X and'."""
        form = _form(normalized, start, end)
        norm = normalized.from_original(start, end)
        if norm is None:
            return
        entries = self.lookup(form)
        if not entries:
            return
        before = normalized.text[max(0, norm[0] - 60) : norm[0]]
        if name_key(form) in loc_keys:
            add(start, end, sentence, "person", entity_id)
        elif LOCATIVE_CUE.search(before) or CUE_AFTER.match(normalized.text, norm[1]):
            if _strong(entries, PERSON_MIN_POPULATION, alias_ok=True):
                add(start, end, sentence, "person", entity_id)
            elif any(e.kind == 0 for e in entries):
                # "a man from Decatur": a town, if it fits the rest of the article.
                add(start, end, sentence, "person", entity_id).weak = True

    def _facilities(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], loc_keys, add) -> None:
        """Names followed by a landmark or road word: ``El Nuri Mosque``, ``Main Street``.

        A building named after its town (``Lakewood Public Library``) gives the
        town instead.  In a street address (``1820 Birch St.``) the street is the place.
        """
        sentence_of = _sentence_index(doc)
        for token in doc:
            head = token.lower_
            if token.i == 0 or head not in ALL_HEADS and head not in BUILDING_HEADS:
                continue
            first = token.i
            while first > 0 and _name_token(doc[first - 1]) and token.i - first < 5:
                first -= 1
            if first == token.i:
                continue
            words = [t.lower_ for t in doc[first : token.i]]
            degraded_head = not token.text[:1].isupper()
            if head in BUILDING_HEADS and head not in ALL_HEADS:
                # The town a building is named after: "Lakewood Public Library".
                piece = doc[first : token.i]
                for last in range(token.i, first, -1):
                    piece = doc[first:last]
                    entries = self.lookup(piece.text)
                    if entries and (name_key(piece.text) in loc_keys or _strong(entries, EMBEDDED_MIN_POPULATION)):
                        a = normalized.to_original(piece.start_char, piece.end_char)
                        add(a[0], a[1], sentence_of.get(first, 0), "embedded", None)
                        break
                continue
            if all(w in GENERIC_NAME_WORDS for w in words):
                continue
            if degraded_head and not any(t.pos_ == "PROPN" for t in doc[first : token.i]):
                continue
            if head in ROAD_HEADS and degraded_head and not normalized.degraded:
                continue  # "Ohio church" / "the Athens road": a lowercase word after a name
            if head in FACILITY_HEADS and degraded_head and not normalized.degraded:
                continue
            start, end = normalized.to_original(doc[first].idx, token.idx + len(token.text))
            add(start, end, sentence_of.get(token.i, 0), "facility", None)

    def _spaced_party_homes(self, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``d-s . c .``: in lowercased text the NER cuts a state's spaced abbreviation after
        the party letter (``d-s`` and ``c .``); those pieces give way to the whole state."""
        for m in _SPACED_PARTY_HOME.finditer(normalized.original):
            start, end = m.span(1)
            pieces = [t for t in found if t.start < end and m.start() < t.end]
            if not pieces or not all(m.start() <= t.start and t.end <= end for t in pieces):
                continue
            if not any(e.is_admin1 for e in self.lookup(m.group(1).upper().replace(" ", ""))[:3]):
                continue
            for toponym in pieces:
                found.remove(toponym)
            add(start, end, pieces[0].sentence, "scan", None).form = m.group(1).upper().replace(" ", "")

    def _party_homes(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``Rep. Ann Cole, D-Charleston``: the place a legislator represents."""
        text = normalized.text
        if normalized.degraded:
            self._spaced_party_homes(normalized, found, add)
        taken = [(t.start, t.end) for t in found]
        sentence_of = None
        for m in PARTY_HOME.finditer(text):
            name = m.group(1).rstrip(",;")
            for size in range(len(name), 0, -1):
                piece = name[:size]
                if size < len(name) and name[size] not in " .":
                    continue
                entries = self.lookup(piece)
                if not entries or entries[0].kind == 1:
                    continue
                start, end = normalized.to_original(m.start(1), m.start(1) + len(piece))
                if any(s < end and start < e for s, e in taken):
                    break
                if sentence_of is None:
                    sentence_of = _sentence_index(doc)
                token = doc.char_span(m.start(1), m.start(1) + len(piece), alignment_mode="expand")
                toponym = add(start, end, sentence_of.get(token.start, 0) if token is not None else 0, "scan", None)
                toponym.weak = not (entries[0].is_admin1 or _strong(entries, SCAN_MIN_POPULATION))
                break

    def _lowercase_counties(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``wood county`` in lowercased text: a word the case restorer read as a common
        word, followed by ``county`` or ``parish``, that the gazetteer knows as a county.

        Kept only where it fits the article, unless the article names it twice.
        """
        hits: list[tuple[int, int, str]] = []
        for token in doc:
            generic = token.lower_
            if generic not in ("county", "parish") or token.i == 0:
                continue
            word = doc[token.i - 1]
            if not word.is_alpha or word.lower_ in STOP_ALIASES or word.text[:1].isupper():
                continue
            longer = f"{word.text.title()} {generic.title()}"
            if any(e.fcode == "ADM2" and e.kind == 0 for e in self.lookup(longer)):
                hits.append((word.i, token.i + 1, longer))
        if not hits:
            return
        covered = _covered(doc, normalized, found)
        sentence_of = _sentence_index(doc)
        counts = Counter(form for _, _, form in hits)
        for first, last, form in hits:
            if any(covered[first:last]):
                continue
            start, end = normalized.to_original(doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
            toponym = add(start, end, sentence_of.get(first, 0), "scan", None)
            toponym.form = form
            toponym.weak = counts[form] < 2

    def _saint_names(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``st .`` / ``petersburg`` on two lines: lowercased text split one sentence per line
        cuts ``St. Petersburg`` after the abbreviation; the two halves make the name."""
        covered = None
        for token in doc:
            if token.lower_ not in _SAINT_WORDS or token.i + 1 >= len(doc):
                continue
            for size in (2, 1):
                last = token.i + 1 + size
                words = doc[token.i + 1 : last]
                if last > len(doc) or not all(w.is_alpha for w in words):
                    continue
                if (last + 1 < len(doc) and doc[last].lower_ in ("s", "'s")
                        and any(t.lower_ in _SAINT_INSTITUTIONS for t in doc[last + 1 : last + 4])):
                    break  # "st . / patrick s day", "st . / mark s catholic school": a feast, an institution
                form = _SAINT_WORDS[token.lower_] + " " + " ".join(w.text.title() for w in words)
                entries = [e for e in self.lookup(form) if e.kind != 1]
                if not entries:
                    continue
                if covered is None:
                    covered, sentence_of = _covered(doc, normalized, found), _sentence_index(doc)
                start, end = normalized.to_original(token.idx, words[-1].idx + len(words[-1].text))
                if any(covered[token.i + 1 : last]):
                    # The NER took the name after the line break alone ("paris"): it grows to "St. Paris".
                    rest = normalized.to_original(words[0].idx, words[-1].idx + len(words[-1].text))
                    named = next((t for t in found if (t.start, t.end) == rest), None)
                    if named is not None:
                        named.start, named.text, named.form = start, normalized.original[start:end], form
                    break
                # The NER may have taken the abbreviation alone ("st ." as a place): grow it.
                toponym = next((t for t in found if start <= t.start and t.end <= start + len(token.text) + 2), None)
                if toponym is None:
                    toponym = add(start, end, sentence_of.get(token.i, 0), "scan", None)
                    toponym.weak = not _strong(entries, SCAN_MIN_POPULATION)
                toponym.start, toponym.end, toponym.text = start, end, normalized.original[start:end]
                toponym.form = form
                break

    def _lowercase_roads(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``120 main st .``, ``on harbor avenue``: streets the case restorer left lowercase."""
        spans = lowercase_roads(doc)
        if not spans:
            return
        covered, sentence_of = _covered(doc, normalized, found), _sentence_index(doc)
        for first, last in spans:
            start, end = normalized.to_original(doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
            if any(covered[first:last]):
                inside = [t for t in found if t.start < end and start < t.end]
                if not all(start <= t.start and t.end <= end and name_key(t.form) in STOP_ALIASES for t in inside):
                    continue
                for toponym in inside:  # "north" / "avenue" taken alone by the NER
                    found.remove(toponym)
            add(start, end, sentence_of.get(first, 0), "facility", None)

    def _lowercase_cued(self, doc: Doc, normalized: NormalizedText, found: list[Toponym],
                        entities: Sequence[Entity], add) -> None:
        """``in the holy see``, ``to des moines``: lowercase words after a locative cue that
        name a country, a large state or province, or a city of 100,000+ (longest first)."""
        covered = _covered(doc, normalized, found)
        for entity in entities:
            for mention in entity.mentions:
                if mention.type.value != "PERSON":
                    continue
                span = normalized.from_original(mention.span.start, mention.span.end)
                piece = doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
                if piece is not None:  # "to sydney harris": a person, not the city
                    covered[piece.start : piece.end] = [True] * len(piece)
        sentence_of = None
        taken = -1
        for first, last in cued_lowercase_names(doc, covered):
            if first <= taken:
                continue
            form = " ".join(t.lower_ for t in doc[first:last]).title()
            entries = self.lookup(form)
            strong = any(e.is_country or (e.kind != 1 and (e.is_admin1 and e.population >= ADMIN1_MIN_POPULATION
                                                           or e.fclass == "P" and e.population >= SCAN_MIN_POPULATION))
                         for e in entries[:5])
            # A smaller town ("in old town"): kept only where it fits the rest of the article.
            town = not strong and any(e.kind == 0 and e.fclass == "P" and e.population >= CUED_TOWN_MIN_POPULATION
                                      for e in entries[:5])
            if not (strong or town):
                continue
            if sentence_of is None:
                sentence_of = _sentence_index(doc)
            start, end = normalized.to_original(doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
            toponym = add(start, end, sentence_of.get(first, 0), "scan", None)
            toponym.form, toponym.weak = form, town
            taken = last - 1

    def _line_datelines(self, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``elmore — the new candidate ...``: a local paper's dateline at the start of a
        line of lowercased text, a town of the gazetteer by its own name before a dash."""
        original = normalized.original
        taken = [(t.start, t.end) for t in found]
        for m in LINE_DATELINE.finditer(original):
            start, end = m.span(1)
            if any(a < end and start < b for a, b in taken) or m.group(1).split()[0] in STOP_WORDS:
                continue
            form = m.group(1).title()
            if any(e.kind == 0 and e.fclass in "PA" and not e.is_country for e in self.lookup(form)[:5]):
                add(start, end, original.count("\n", 0, start), "scan", None).form = form

    def _lowercase_us(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """``the us military``, ``2 us soldiers``: in lowercased text, ``us`` before a noun
        and after a determiner, number or preposition (not after a verb: ``gave us money``)
        is the United States, not the pronoun."""
        covered = None
        sentence_of = None
        for token in doc:
            if token.lower_ != "us" or not country_us(doc, token.i):
                continue
            if covered is None:
                covered, sentence_of = _covered(doc, normalized, found), _sentence_index(doc)
            if covered[token.i]:
                continue
            start, end = normalized.to_original(token.idx, token.idx + len(token.text))
            add(start, end, sentence_of.get(token.i, 0), "scan", None).form = "US"

    def _numbered_roads(self, doc: Doc, normalized: NormalizedText, add) -> None:
        """``Highway 19``, ``I-75``, ``W.Va. 61``: roads named by number, placed like facilities."""
        text = normalized.text
        spans = [m.span() for m in NUMBERED_ROAD.finditer(text)]
        for m in STATE_ROAD.finditer(text):
            if text[max(0, m.start() - 2) : m.start()] == ", ":
                continue  # "Charleston, W.Va. 25" : a container, then something else
            if any(e.is_admin1 and e.kind == 2 for e in self.lookup(m.group(1))):
                spans.append(m.span())
        if not spans:
            return
        sentence_of = _sentence_index(doc)
        for start, end in spans:
            token = doc.char_span(start, end, alignment_mode="expand")
            start, end = normalized.to_original(start, end)
            add(start, end, sentence_of.get(token.start, 0) if token is not None else 0, "facility", None)

    def _scan(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], loc_keys, add) -> None:
        """Proper-noun runs the NER missed that are notable places."""
        covered = _covered(doc, normalized, found)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                covered[i] = True
        sentence_of = _sentence_index(doc)
        i = 0
        while i < len(doc):
            if covered[i] or not _name_token(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 4 and not covered[j] and _name_token(doc[j]):
                j += 1
            matched = False
            for last in range(j, i, -1):
                span = doc[i:last]
                if self._stop_word(span.text) or _sentence_initial_word(span) or self._common_word(span.text, normalized):
                    continue
                entries = self.lookup(span.text)
                if entries and (name_key(span.text) in loc_keys or _strong(entries, SCAN_MIN_POPULATION)):
                    start, end = normalized.to_original(span.start_char, span.end_char)
                    add(start, end, sentence_of.get(i, 0), "scan", None)
                    i = last
                    matched = True
                    break
            if not matched:
                i = j if j > i else i + 1

    def _cued(self, doc: Doc, normalized: NormalizedText, found: list[Toponym], add) -> None:
        """Proper nouns the NER left untyped, or typed ORG / MISC, that a locative word marks.

        ``a man from Keysville``, ``Nina Marsh of Millbrook``, ``the Jordan resident``:
        a town of the gazetteer (its own name, not an alternate one).  Small towns are
        kept only if they fit the rest of the article (``weak``).
        """
        covered = _covered(doc, normalized, found)
        entity_at: dict[int, object] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                entity_at[i] = ent
        sentence_of = None
        text = normalized.text
        i = 0
        while i < len(doc):
            token = doc[i]
            if covered[i] or not _name_token(token) or not token.text[:1].isupper():
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 4 and not covered[j] and _name_token(doc[j]) and doc[j].text[:1].isupper():
                j += 1
            span = doc[i:j]
            ent = entity_at.get(i)
            if ent is not None and (ent.label_ not in ("ORG", "MISC") or (ent.start, ent.end) != (i, j)):
                i = j
                continue
            if any(entity_at.get(k) is not ent for k in range(i, j)):
                i = j
                continue
            before = CUE_BEFORE.search(text[max(0, span.start_char - 12) : span.start_char])
            after = CUE_AFTER.match(text, span.end_char)
            key = name_key(span.text)
            if not (before or after) or key in STOP_ALIASES or key in CALENDAR or self._common_word(span.text, normalized):
                i = j
                continue
            entries = [e for e in self.lookup(span.text) if e.kind != 1]
            if entries and any(e.fclass in "PA" for e in entries[:10]):
                if sentence_of is None:
                    sentence_of = _sentence_index(doc)
                start, end = normalized.to_original(span.start_char, span.end_char)
                toponym = add(start, end, sentence_of.get(i, 0), "scan", None)
                toponym.weak = not _strong(entries, SCAN_MIN_POPULATION)
            i = j

    # -- shaping ----------------------------------------------------------------------------

    def _extend(self, toponym: Toponym, normalized: NormalizedText) -> None:
        """Grow a name to a longer gazetteer name: a direction before, a generic word after."""
        original = normalized.original
        before = re.search(r"(\w+)\s+$", original[max(0, toponym.start - 20) : toponym.start])
        # Published text writes a direction that is part of the name in capitals ("North Platte").
        lead = before.group(1).lower() if before else ""
        if before and (lead in DIRECTIONS and (normalized.degraded or before.group(1)[:1].isupper())
                       or normalized.degraded and lead in NAME_LEADS):  # "new london": New London
            start = toponym.start - len(before.group(0))
            form = _form(normalized, start, toponym.end)
            if self.lookup(form):
                toponym.start, toponym.text, toponym.form = start, original[start : toponym.end], form
        after = re.match(r"\s+(\w+\.?)", original[toponym.end : toponym.end + 20])
        if after and after.group(1).lower() in SUFFIXES:
            end = toponym.end + len(after.group(0))
            form = _form(normalized, toponym.start, end)
            if self.lookup(form):
                toponym.end, toponym.text, toponym.form = end, original[toponym.start : end], form
        self._extend_by_word(toponym, normalized)

    def _extend_by_word(self, toponym: Toponym, normalized: NormalizedText) -> None:
        """``Wichita`` + ``Falls``, ``Buffalo`` + ``Grove``: the NER cut a town's name, whose
        whole is a town of the gazetteer under its own name; the name grows to it."""
        original = normalized.original

        def own(form: str) -> bool:
            return any(e.kind == 0 and e.fclass in "PA" for e in self.lookup(form)[:5])

        after = _NEXT_WORD.match(original, toponym.end)
        if after:
            end = after.end()
            form = _form(normalized, toponym.start, end)
            if normalized.degraded and after.group(1).lower() not in STOP_WORDS | _PART_WORDS:
                form = form[: len(form) - len(after.group(1))] + after.group(1).title()  # "Glen carbon"
            if _capitalized_tail(form) and own(form):
                toponym.end, toponym.text, toponym.form = end, original[toponym.start : end], form
                return
        before = _PREVIOUS_WORD.search(original, max(0, toponym.start - 25), toponym.start)
        if before:
            start = before.start(1)
            form = _form(normalized, start, toponym.end)
            if _capitalized_head(form) and own(form):
                toponym.start, toponym.text, toponym.form = start, original[start : toponym.end], form

    def _containers(self, found: list[Toponym], doc: Doc, normalized: NormalizedText, add) -> None:
        """``Paris, Texas``: the second name contains the first."""
        original = normalized.original
        by_start = {t.start: t for t in found}
        for toponym in list(found):
            gap = _COMMA_CONTAINER.match(original, toponym.end)
            if not gap or gap.end() == toponym.end:
                continue
            nxt = by_start.get(gap.end())
            if nxt is None:
                # An abbreviation the NER left out: "Albany, N.Y."
                span = self._container_after(toponym.end, normalized)
                if span is None:
                    continue
                nxt = add(span[0], span[1], toponym.sentence, "scan", None)
                by_start[nxt.start] = nxt
            candidates = self.lookup(nxt.form)
            if candidates and (candidates[0].is_admin1 or candidates[0].is_country):
                toponym.container = nxt

    def _grow_first_word(self, toponym: Toponym, normalized: NormalizedText) -> None:
        """``South bend``, ``Mount pleasant``: the case restorer capitalized only the first
        word, a generic one, and the NER took it alone.  The words after it complete the
        name when together they are a town or division of the gazetteer."""
        if name_key(toponym.form) not in NOT_GIVEN_NAMES and name_key(toponym.form) not in STOP_ALIASES:
            return
        original = normalized.original
        words = list(re.finditer(r"[a-z]+", original[toponym.end : toponym.end + 30]))[:2]
        for size in range(len(words), 0, -1):
            end = toponym.end + words[size - 1].end()
            between = original[toponym.end : end]
            if between.count(" ") != size or not re.fullmatch(r"(?: [a-z]+)+", between):
                continue
            if any(w.group() in STOP_WORDS or w.group() in _PART_WORDS for w in words[:size]):
                continue  # "the south end of the lake": a part of something, not a town
            form = (toponym.form + between).title()
            if any(e.kind == 0 and e.fclass in "PA" for e in self.lookup(form)[:5]):
                toponym.end, toponym.text, toponym.form = end, original[toponym.start : end], form
                return

    def _join_split_abbreviations(self, found: list[Toponym], normalized: NormalizedText) -> list[Toponym]:
        """``w .`` / ``va .``: one state cut in two by a line break, which the NER tags as
        two places (``W.`` and ``Va.``, read as Virginia).  The halves become one name."""
        ordered = sorted(found, key=lambda t: t.start)
        kept: list[Toponym] = []
        for toponym in ordered:
            last = kept[-1] if kept else None
            if (last is not None and not normalized.original[last.end : toponym.start].strip()
                    and len(last.form) <= 3 and last.form.endswith(".")):
                form = f"{last.form} {toponym.form}"
                entries = self.lookup(form) if _SPACED_ABBREVIATION.fullmatch(form) else ()
                if entries and entries[0].is_admin1:
                    last.end, last.text = toponym.end, normalized.original[last.start : toponym.end]
                    last.form = form.replace(" ", "")
                    continue
            kept.append(toponym)
        return kept

    def _container_after(self, end: int, normalized: NormalizedText) -> tuple[int, int] | None:
        """The span of the original text of a state or country written after ``, `` at ``end``.

        Read on the restored text when the article is degraded: ``kansas city , kan .``
        comes back as ``Kansas City, Kan.``, which the pattern sees whole.
        """
        if normalized.degraded:
            at = normalized.from_original(end, end)
            text, offset = normalized.text, at[0] if at else None
        else:
            text, offset = normalized.original, end
        if offset is None:
            return None
        gap = _COMMA_CONTAINER.match(text, offset)
        if not gap or gap.end() == offset:
            return None
        m = _CONTAINER_AFTER.match(text[gap.end() : gap.end() + 12])
        if not m:
            return None
        start, stop = gap.end(), gap.end() + len(m.group().rstrip())
        if normalized.degraded:
            start, stop = normalized.to_original(start, stop)
        entries = self.lookup(_form(normalized, start, stop))
        if not entries or not (entries[0].is_admin1 or entries[0].is_country):
            return None
        return start, stop

    @staticmethod
    def _dedupe(found: list[Toponym]) -> list[Toponym]:
        """Overlapping detections: keep the most trusted, then the longest."""
        order = sorted(found, key=lambda t: (PRIORITY.index(t.source), -(t.end - t.start), t.start))
        kept: list[Toponym] = []
        for toponym in order:
            if any(k.start < toponym.end and toponym.start < k.end for k in kept):
                continue
            kept.append(toponym)
        return kept


#: Words that make a longer name of the one before them (``red river``, ``meadow grove``).
_LONGER_NAME_WORDS = frozenset(ALL_HEADS) | frozenset(SUFFIXES) | {"grove", "farm", "tail", "view", "city", "park"}
#: The word right after or right before a name, on the same line.
_NEXT_WORD = re.compile(r"[ ]([A-Za-z][a-z]+)\b")
_PREVIOUS_WORD = re.compile(r"\b([A-Za-z][a-z]+)[ ]$")


def _mark_residents_towns(found: Sequence[Toponym], text: str) -> None:
    """Mark the towns local news gives its residents (``Jo Lee, 18, of Paris``): towns of
    the paper's region; and names after ``the`` (``the warm Atlantic``), which no town takes."""
    for toponym in found:
        if RESIDENT_OF.search(text, max(0, toponym.start - 20), toponym.start) or MUNICIPAL_AFTER.match(
                text, toponym.end):
            toponym.local = True
        if DEFINITE.search(text, max(0, toponym.start - 25), toponym.start):
            toponym.definite = True


def _mark_quiet(found: Sequence[Toponym], normalized: NormalizedText) -> None:
    """``Nevada Crossing``, ``Fairview Township``: a place the gazetteer lacks, named after another
    and cut by the NER to that name; the name stays the mention but casts no vote on the
    article's area (its state would pull the article's other towns there)."""
    for toponym in found:
        at = normalized.from_original(toponym.start, toponym.end)
        after = _NEXT_WORD.match(normalized.text, at[1]) if at else None
        # Only a capitalized word makes a longer name: "the Georgia beach" is Georgia's.
        toponym.quiet = (bool(after) and after.group(1)[:1].isupper()
                         and after.group(1).lower() in SETTLEMENT_WORDS)


def _weaken_common_words(found: Sequence[Toponym], dateline_toponym: Toponym | None,
                         normalized: NormalizedText) -> None:
    """In lowercased text, a one-word name the case restorer knows mostly in lowercase
    (``metro``, ``white``, ``van``) is kept only where its place fits the rest of the article
    (the resolver's test for weak names).  The dateline, containers and a word that begins a
    longer name (``red`` of ``red river``, ``grand`` of ``grand avenue``) stay."""
    containers = {id(t.container) for t in found if t.container is not None}
    for toponym in found:
        word = toponym.form.strip().lower()
        if (" " in word or not word.isalpha() or toponym is dateline_toponym or toponym.container is not None
                or id(toponym) in containers or not common_word(word)):
            continue
        at = normalized.from_original(toponym.start, toponym.end)
        after = _NEXT_WORD.match(normalized.text, at[1]) if at else None
        if after and (after.group(1)[:1].isupper() or after.group(1).lower() in _LONGER_NAME_WORDS):
            continue
        toponym.weak = True


def _capitalized_tail(form: str) -> bool:
    """Is the last word of the (restored) form a capitalized word that is no function word?"""
    word = form.rsplit(" ", 1)[-1]
    return word[:1].isupper() and word.lower() not in STOP_WORDS


def _capitalized_head(form: str) -> bool:
    """Is the first word of the (restored) form a capitalized word that is no function word?"""
    word = form.split(" ", 1)[0]
    return word[:1].isupper() and word.lower() not in STOP_WORDS


def _name_token(token) -> bool:
    """Part of a proper name: a proper noun, or a capitalized word inside a sentence."""
    if token.is_punct or token.like_num or token.is_space:
        return False
    if token.pos_ == "PROPN":
        return True
    return token.text[:1].isupper() and not token.is_sent_start and token.lower_ not in STOP_ALIASES


def _covered(doc: Doc, normalized: NormalizedText, found: Sequence[Toponym]) -> list[bool]:
    """Which tokens of the doc lie in a toponym already found."""
    covered = [False] * len(doc)
    for toponym in found:
        span = normalized.from_original(toponym.start, toponym.end)
        if span is None:
            continue
        char_span = doc.char_span(span[0], span[1], alignment_mode="expand")
        if char_span is not None:
            for i in range(char_span.start, char_span.end):
                covered[i] = True
    return covered


#: The last doc's sentence index (one tuple, replaced whole, so threads never see half of it).
_last_index: tuple[Doc | None, dict[int, int]] = (None, {})


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> sentence index (kept for the last doc: several sources ask for it)."""
    global _last_index
    cached = _last_index
    if cached[0] is doc:
        return cached[1]
    index = {}
    for i, sent in enumerate(doc.sents):
        for token in sent:
            index[token.i] = i
    _last_index = (doc, index)
    return index


def _road_follows(text: str, end: int) -> bool:
    """Is the name at ``text[:end]`` the start of a road name (``Lakewood Road``)?"""
    match = re.match(r" (\w+\.?)", text[end : end + 12])
    return bool(match) and match.group(1).lower() in ROAD_HEADS


def _sentence_initial_word(span) -> bool:
    """A lone capitalized word at the start of a sentence may be an ordinary word."""
    return len(span) == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN"
