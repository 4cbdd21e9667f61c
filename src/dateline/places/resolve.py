"""Toponym resolution: each name in the article -> one gazetteer place, in context.

Each candidate place of a name gets a score from priors and from the rest of
the article, in the spirit of CLIFF (D'Ignazio et al. 2014) and Lieberman &
Samet's local-news geotagger (LGL, 2010):

* **name match**: the place's own name beats an alternate name;
* **feature class**: countries, then first-level divisions, capitals, cities;
  second-level divisions (a district named after its city) come last;
* **population**: ``log10`` of it, a weak prior;
* **explicit container**: ``Paris, Texas`` / ``Albany, N.Y.`` / ``Alexandria, Egypt``
  restricts the first name to places inside the second;
* **the article's geography**: countries and first-level divisions named or
  implied elsewhere (other places, demonyms such as ``iraqi``, the dateline
  place), weighted; candidates there score higher.  Computed iteratively, each
  name voting with its current best reading, never with its own;
* **shared divisions**: a town's namesakes are weighed by the first-level divisions
  where the article's other names also have a place, each name counting less the
  more divisions it spans (``Madison`` + ``Morgan County`` -> Alabama; a state's
  name counts for the state alone); only for names with no city of 300,000+ and
  within one country;
* **town in a named county**: of the readings of a town and of a county the
  article also names, the pair where the town lies in the county scores higher
  (``Bloomington`` + ``Monroe County`` -> Indiana; see :mod:`dateline.places.counties`);
* **nearness** to the dateline place and to the other places;
* **user bias**: countries the caller says the corpus is about.

``New York`` is read as the city (a city of millions named ``<name> City`` counts
as an own-name match and its same-named division is penalized), except where it
contains another name (``Forest Hills, New York``): a container is always read as
a country or first-level division when it can be one.

One sense per discourse: every mention of the same name gets the same place,
unless a mention carries its own container.  A name no candidate fits well is
left unresolved; the others are unaffected.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.places.counties import county_pairs
from dateline.places.gazetteer import Entry, Gazetteer
from dateline.places.lowercase import common_word
from dateline.places.names import name_key

#: Score for how the name matched: own name, alternate name, abbreviation.
KIND_SCORE = {0: 0.0, 1: -2.0, 2: 0.0}
#: Alternate names of countries and first-level divisions are reliable.
KIND_SCORE_ADMIN_ALIAS = -0.3
#: Feature-code priors (the rest by feature class, then 0).
FCODE_PRIOR = {
    "PCLI": 3.0, "PCLS": 2.5, "PCLD": 2.5, "PCLF": 2.5, "PCL": 2.5, "CONT": 2.5,
    "ADM1": 2.0, "PPLC": 1.5, "RGN": 1.5, "ADM2": -0.6, "PPL": 0.0,
}
FCLASS_PRIOR = {"H": 0.8, "T": 0.8, "L": 1.0, "S": 0.0}
#: Weight of log10(population).
POPULATION_WEIGHT = 0.5
#: Context weights: share of the article's country / admin1 evidence, user bias.
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
BIAS_WEIGHT = 2.0
#: Country votes per demonym mention (``Canadian``).
DEMONYM_WEIGHT = 1.0
#: Votes at which a division's support is full, and how much a named division votes.
ADMIN1_SATURATION = 1.5
DIVISION_VOTE = {"ADM1": 2.0, "ADM2": 1.5}
#: A division's support is scaled by (its votes / the top division's votes) ** this:
#: a state named five times outweighs one named once.
ADMIN1_RELATIVE_POWER = 0.5
#: A container (``, Texas``) that holds the candidate.
CONTAINER_BONUS = 6.0
#: Near the dateline place / near another place of the article (km, bonus).
DATELINE_NEAR_KM, DATELINE_NEAR_BONUS = 150.0, 1.5
OTHER_NEAR_KM, OTHER_NEAR_BONUS = 100.0, 0.8
#: A first-level division named like a national capital (Washington) is rarely meant.
CAPITAL_NAMESAKE_PENALTY = 3.0
BIG_CITY = 1_000_000
#: Shared divisions: the first-level division where other ambiguous names of the article
#: also have a place (``Alexandria`` + ``Douglas County`` -> Minnesota).  Each other name
#: counts 1 / the number of divisions it spans; the bonus saturates at SHARED_SATURATION.
#: Only for names whose biggest place is a town (a famous city keeps its reading) and
#: between candidates of one country.
SHARED_WEIGHT = 3.0
SHARED_SATURATION = 1.0
SHARED_MAX_POPULATION = 300_000
#: The house style's lean (places.style): a tie-break for the towns of its country, given
#: only where every other candidate is a small town too (no capital, no seat of a
#: first-level division, no country, state, sea or region, nothing of SHARED_MAX_POPULATION).
STYLE_LEAN_BONUS = 1.0
_NOTABLE_FCODES = frozenset({"PPLC", "PPLA", "ADM1", "CONT"})
#: A town named like a sea or region the article writes with "the" ("the Atlantic").
DEFINITE_TOWN_PENALTY = 3.0
#: Below this score (priors + context) a candidate is not trusted.
MIN_SCORE = 1.0
#: Candidates looked at per name.
MAX_CANDIDATES = 60
#: Rounds of re-scoring with the updated article geography, and how soft the votes are.
ROUNDS = 4
VOTE_TEMPERATURE = 1.0
#: A weakly detected name (a PERSON after "in") is kept only if its place fits the article:
#: in a division or country the rest of the article points to, or near another place.
WEAK_SUPPORT_SHARE = 0.2


@dataclass
class Toponym:
    """A name in the text that may be a place.  Offsets are in the original text."""

    start: int
    end: int
    text: str  # the original text
    form: str  # the readable form (restored case) used for lookup
    sentence: int
    source: str  # entity, embedded, scan, facility, dateline
    entity_id: str | None = None
    weight: float = 1.0  # how sure the detection is
    container: Toponym | None = None  # "Paris, Texas": Texas
    weak: bool = False  # kept only if the place fits the rest of the article
    local: bool = False  # a resident's town ("Jo Lee, 18, of Paris"): a town near the paper
    quiet: bool = False  # part of a longer name ("Nevada" of "Nevada Crossing"): casts no vote
    cued: bool = False  # after a locative word ("in", "near", "from", "of")
    org: bool = False  # from a name the NER typed as an organization
    definite: bool = False  # after "the" ("the warm Atlantic"): a sea or a region, not a town

    @property
    def key(self) -> str:
        return name_key(self.form)


@dataclass
class Resolution:
    toponym: Toponym
    entry: Entry | None
    score: float = 0.0
    confidence: float = 0.0
    candidates: list[Entry] = field(default_factory=list)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def prior(entry: Entry) -> float:
    """Context-free score of a candidate."""
    admin_like = entry.fcode.startswith("PCL") or entry.fcode in ("ADM1", "CONT") or entry.fclass in "LHT"
    kind = KIND_SCORE_ADMIN_ALIAS if entry.kind == 1 and admin_like else KIND_SCORE.get(entry.kind, -1.0)
    feature = FCODE_PRIOR.get(entry.fcode, FCLASS_PRIOR.get(entry.fclass, 0.0))
    return kind + feature + POPULATION_WEIGHT * math.log10(entry.population + 1)


def _drop_divisions_named_after_cities(entries: Sequence[Entry]) -> list[Entry]:
    """``Mosul`` the district, ``Cairo`` the governorate: news means the city in them.

    A division (ADM1 matched by an alternate name, or any ADM2) goes when a city
    of the same admin1 matches the name at least as well.
    """
    cities = {(e.admin1, e.kind) for e in entries if e.fclass == "P" and e.admin1}
    kept = []
    for entry in entries:
        if entry.fcode == "ADM2" or (entry.fcode == "ADM1" and entry.kind == 1):
            if any((entry.admin1, kind) in cities for kind in range(entry.kind + 1)):
                continue
        kept.append(entry)
    return kept


def _softmax(entries: Sequence[Entry], scores: dict[int, float]) -> list[tuple[Entry, float]]:
    """Each candidate with its share of the name's vote."""
    if not entries:
        return []
    top = max(scores[e.place] for e in entries)
    raw = [(e, math.exp((scores[e.place] - top) / VOTE_TEMPERATURE)) for e in entries]
    total = sum(w for _, w in raw)
    return [(e, w / total) for e, w in raw]


def _shared_divisions(candidates: dict[str, list[Entry]]) -> dict[str, dict[str, float]]:
    """For each name, the first-level divisions its own-name places lie in, each weighted
    1 / their number (a name found in one state says more than one found in twenty)."""
    spans: dict[str, dict[str, float]] = {}
    for key, cands in candidates.items():
        states = {e.admin1 for e in cands if e.is_admin1 and e.kind != 1 and e.admin1}
        # A state's name speaks for the state, not for the towns named after it ("Indiana").
        divisions = states or {e.admin1 for e in cands if e.admin1 and e.kind != 1 and not e.is_country}
        if divisions:
            spans[key] = {code: 1.0 / len(divisions) for code in divisions}
    return spans


def _shared_bonus(entry: Entry, key: str, shared: dict[str, dict[str, float]]) -> float:
    """How much the article's other names point to this candidate's division."""
    if not entry.admin1 or entry.is_country or entry.is_admin1:
        return 0.0
    support = sum(spans.get(entry.admin1, 0.0) for other, spans in shared.items() if other != key)
    return SHARED_WEIGHT * min(1.0, support / SHARED_SATURATION)


def _lean_applies(cands: Sequence[Entry], lean: str) -> bool:
    """May the house style choose among these candidates?  Only between small towns: the
    style's country has one, and no other candidate is notable."""
    if not any(e.cc == lean and e.fclass == "P" for e in cands):
        return False
    for entry in cands:
        if entry.cc == lean:
            continue
        if (entry.fcode in _NOTABLE_FCODES or entry.is_country or entry.fclass in "HLT"
                or entry.population >= SHARED_MAX_POPULATION):
            return False
    return True


def contains(container: Entry, entry: Entry) -> bool:
    """Is ``entry`` inside ``container`` (a country, a first-level division, or near)?"""
    if container.fcode.startswith("PCL"):
        return entry.cc == container.cc and entry.place != container.place
    if container.fcode == "ADM1":
        return entry.admin1 == container.admin1 and entry.place != container.place
    if container.fcode == "ADM2" and entry.fclass == "P":
        return haversine_km(container.lat, container.lon, entry.lat, entry.lon) < 60
    return False


@dataclass
class Geography:
    """What the article says about where it is: weights per country and admin1."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)

    def add(self, entry: Entry, weight: float) -> None:
        if entry.cc:
            self.countries[entry.cc] += weight
        if entry.admin1:
            # A named state or county says more about the article's area than a town does.
            self.admin1[entry.admin1] += weight * DIVISION_VOTE.get(entry.fcode, 1.0)

    def country_share(self, cc: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(cc, 0.0) / total if cc and total else 0.0

    def admin1_share(self, code: str | None) -> float:
        total = sum(self.admin1.values())
        return self.admin1.get(code, 0.0) / total if code and total else 0.0

    def admin1_support(self, code: str | None) -> float:
        """Votes for a division, saturating (one state named twice is as good as many),
        scaled down when another division has more votes."""
        if not code:
            return 0.0
        votes = max(0.0, self.admin1.get(code, 0.0))
        top = max(self.admin1.values(), default=0.0)
        relative = (votes / top) ** ADMIN1_RELATIVE_POWER if top > 0 else 0.0
        return min(1.0, votes / ADMIN1_SATURATION) * relative

    def without(self, other: Geography) -> Geography:
        """This geography less another one's votes."""
        result = Geography(Counter(self.countries), Counter(self.admin1))
        result.countries.subtract(other.countries)
        result.admin1.subtract(other.admin1)
        return result


class Resolver:
    """Resolves the toponyms of one article against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, bias_countries: Sequence[str] = ()):
        self.gazetteer = gazetteer
        self.bias = {c.upper() for c in bias_countries}
        self.penalty: dict[int, float] = {}

    def candidates(self, toponym: Toponym) -> list[Entry]:
        found = _drop_divisions_named_after_cities(self.gazetteer.lookup(toponym.form, written=toponym.form))
        # A national capital or a city of millions beats the division named like it:
        # "Washington" is the capital, "New York" the city.
        # "New York" is New York City: a city of millions named "<name> City" counts as own name.
        key = name_key(toponym.form)
        for entry in found:
            if (entry.kind == 1 and entry.fclass == "P" and entry.population >= BIG_CITY
                    and name_key(entry.name) == f"{key} city"):
                self.penalty[entry.place] = KIND_SCORE[1] - KIND_SCORE[0]
            # "Quebec City" is Québec the city: a notable city called "<its name> City".
            elif (entry.kind == 1 and entry.fclass == "P" and key.endswith(" city")
                    and name_key(entry.name) == key[: -len(" city")]
                    and (entry.fcode in ("PPLC", "PPLA") or entry.population >= SHARED_MAX_POPULATION)):
                self.penalty[entry.place] = KIND_SCORE[1] - KIND_SCORE[0]
        if any((e.kind == 0 or self.penalty.get(e.place, 0.0) < 0) and e.fclass == "P"
               and (e.fcode == "PPLC" or e.population >= BIG_CITY) for e in found):
            for entry in found:
                if entry.fcode == "ADM1":
                    self.penalty[entry.place] = CAPITAL_NAMESAKE_PENALTY
        return sorted(found, key=lambda e: prior(e) - self.penalty.get(e.place, 0.0), reverse=True)[:MAX_CANDIDATES]

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        country_evidence: Counter[str] | None = None,
        dateline: Toponym | None = None,
        lean: str | None = None,
    ) -> list[Resolution]:
        """Resolve every toponym; ``country_evidence`` counts countries named by demonyms;
        ``lean`` is the country of the article's house style (a tie-break between small towns)."""
        groups: dict[str, list[Toponym]] = defaultdict(list)
        for toponym in toponyms:
            if toponym.key:
                groups[toponym.key].append(toponym)
        candidates = {key: self.candidates(group[0]) for key, group in groups.items()}
        local = {t.key for t in toponyms if t.local}
        for key in {t.key for t in toponyms if t.definite}:
            # "the Atlantic", "the eastern Pacific": towns take no article; seas and regions do.
            if any(e.fclass in "HLT" for e in candidates[key]):
                for entry in candidates[key]:
                    if entry.fclass == "P":
                        self.penalty[entry.place] = self.penalty.get(entry.place, 0.0) + DEFINITE_TOWN_PENALTY
        for key in local:
            # A resident's town is a town of the paper's region, not a far capital named like it.
            for entry in candidates[key]:
                if entry.fcode == "PPLC":
                    self.penalty[entry.place] = self.penalty.get(entry.place, 0.0) + FCODE_PRIOR["PPLC"]
        if lean:
            for cands in candidates.values():
                if _lean_applies(cands, lean):
                    for entry in cands:
                        if entry.cc == lean and entry.fclass == "P":
                            self.penalty[entry.place] = self.penalty.get(entry.place, 0.0) - STYLE_LEAN_BONUS
        dateline_key = dateline.key if dateline is not None else None
        if dateline is not None and dateline_key not in candidates:
            candidates[dateline_key] = self.candidates(dateline)
            groups[dateline_key] = []
        # Names with a container of their own are resolved per mention.
        contained = {id(t): t.container for t in toponyms if t.container is not None}
        holders = {id(t.container) for t in toponyms if t.container is not None}
        pairs = county_pairs(candidates, lambda a, b: haversine_km(a.lat, a.lon, b.lat, b.lon))

        shared = _shared_divisions(candidates)
        base = Geography()
        for cc, count in (country_evidence or {}).items():
            base.countries[cc] += DEMONYM_WEIGHT * count
        for cc in self.bias:
            base.countries[cc] += 1.0

        # Soft, iterated voting: every name spreads its vote over its candidates by their
        # current scores, so two ambiguous names that share a state pull each other there
        # ("Gainesville" + "Hall County" -> Georgia).
        weights = {k: (max(1, len(groups[k])) ** 0.5) * (2.0 if k == dateline_key else 1.0)
                   * (0.0 if groups[k] and all(t.quiet for t in groups[k]) else 1.0)
                   for k in candidates}
        scores: dict[str, dict[int, float]] = {
            key: {e.place: prior(e) - self.penalty.get(e.place, 0.0) for e in cands}
            for key, cands in candidates.items()
        }
        best: dict[str, Entry | None] = {}
        for _ in range(ROUNDS):
            votes: dict[str, Geography] = {}
            total = Geography(Counter(base.countries), Counter(base.admin1))
            for key, cands in candidates.items():
                vote = Geography()
                for entry, share in _softmax(cands, scores[key]):
                    vote.add(entry, weights[key] * share)
                votes[key] = vote
                total.countries.update(vote.countries)
                total.admin1.update(vote.admin1)
            best = {k: (max(c, key=lambda e: scores[k][e.place]) if c else None) for k, c in candidates.items()}
            dateline_entry = best.get(dateline_key) if dateline_key else None
            for key, cands in candidates.items():
                context = total.without(votes[key])
                others = [e for k, e in best.items() if k != key and e is not None]
                near_to = dateline_entry if key != dateline_key else None
                scores[key] = {e.place: self._score(e, context, near_to, others) + pairs.get(e.place, 0.0)
                               for e in cands}
                current = best.get(key)
                if current is not None and cands and (
                        key in local or max(e.population for e in cands) < SHARED_MAX_POPULATION):
                    for e in cands:
                        if e.cc == current.cc:
                            scores[key][e.place] += _shared_bonus(e, key, shared)
        best = {k: (max(c, key=lambda e: scores[k][e.place]) if c else None) for k, c in candidates.items()}
        # "Toronto, Ontario" ... "Toronto": the bare mentions are the place the qualified ones are.
        qualified: dict[str, set[int]] = defaultdict(set)
        readings: dict[int, Entry] = {}
        for toponym in toponyms:
            container = contained.get(id(toponym))
            holder = best.get(container.key) if container is not None else None
            if holder is None:
                continue
            inside = [e for e in candidates.get(toponym.key, []) if contains(holder, e)]
            if inside:
                entry = max(inside, key=lambda e: scores[toponym.key].get(e.place, prior(e)) + CONTAINER_BONUS)
                qualified[toponym.key].add(entry.place)
                readings[entry.place] = entry
        for key, places in qualified.items():
            if len(places) == 1:
                best[key] = readings[next(iter(places))]

        cued = {t.key for t in toponyms if t.cued}
        orgs = {t.key for t in toponyms if t.org}
        results: list[Resolution] = []
        for toponym in toponyms:
            key = toponym.key
            cands = candidates.get(key, [])
            per = scores.get(key, {})
            entry = best.get(key)
            container = contained.get(id(toponym))
            if toponym.definite and not toponym.local and container is None and key in qualified:
                # "the Pacific" stays the ocean where "Pacific, Missouri" is the town.
                seas = [e for e in cands if e.fclass in "HLT"]
                if seas:
                    entry = max(seas, key=lambda e: per.get(e.place, prior(e)))
            if id(toponym) in holders and entry is not None and not (entry.is_country or entry.is_admin1):
                # "Forest Hills, New York": a container is the state, whatever the name means elsewhere.
                divisions = [e for e in cands if e.is_country or e.is_admin1]
                if divisions:
                    entry = max(divisions, key=lambda e: per.get(e.place, prior(e)))
            if container is not None and cands:
                holder = best.get(container.key)
                if holder is not None:
                    inside = [e for e in cands if contains(holder, e)]
                    if inside:
                        entry = max(inside, key=lambda e: per.get(e.place, prior(e)) + CONTAINER_BONUS)
            if entry is None:
                results.append(Resolution(toponym, None, candidates=cands))
                continue
            score = per.get(entry.place, prior(entry))
            # A town known only from the ZIP list ("Belk, Ala."): only with its own container, or
            # after a locative word where the article points to its state; never a common word
            # ("a Surprise") or a firm's name ("at Belk").
            if entry.is_postal_town and not (
                    key not in orgs and not common_word(toponym.form.strip().lower())
                    and (entry.place in qualified.get(key, ())
                         or (key in cued and self._supported(entry, key, best)))):
                results.append(Resolution(toponym, None, score=score, candidates=cands))
                continue
            if toponym.weak and not self._supported(entry, key, best):
                results.append(Resolution(toponym, None, score=score, candidates=cands))
                continue
            if score < MIN_SCORE and container is None:
                results.append(Resolution(toponym, None, score=score, candidates=cands))
                continue
            results.append(Resolution(toponym, entry, score, self._confidence(entry, cands, per), cands))
        return results

    def _supported(self, entry: Entry, key: str, best: dict[str, Entry | None]) -> bool:
        """Does the rest of the article point to where this place is?"""
        if entry.is_country or entry.fcode in ("ADM1", "CONT"):
            return True
        others = [e for k, e in best.items() if k != key and e is not None]
        own_admin1 = sum(1 for e in others if e.admin1 and e.admin1 == entry.admin1)
        if own_admin1 and own_admin1 / max(1, len(others)) >= WEAK_SUPPORT_SHARE:
            return True
        return any(e.fclass in "PA" and not e.is_country and e.fcode != "ADM1"
                   and haversine_km(e.lat, e.lon, entry.lat, entry.lon) < 2 * OTHER_NEAR_KM for e in others)

    def _score(self, entry: Entry, geography: Geography, dateline: Entry | None, others: list[Entry]) -> float:
        score = prior(entry) - self.penalty.get(entry.place, 0.0)
        score += COUNTRY_WEIGHT * geography.country_share(entry.cc)
        if entry.fcode != "ADM1":
            score += ADMIN1_WEIGHT * geography.admin1_support(entry.admin1)
        if entry.cc in self.bias:
            score += BIAS_WEIGHT
        if dateline is not None and entry.fclass in "PS":
            if entry.place == dateline.place or haversine_km(dateline.lat, dateline.lon, entry.lat, entry.lon) < DATELINE_NEAR_KM:
                score += DATELINE_NEAR_BONUS
        if entry.fclass in "PS" and any(
            o.fclass == "P" and o.place != entry.place
            and haversine_km(o.lat, o.lon, entry.lat, entry.lon) < OTHER_NEAR_KM
            for o in others
        ):
            score += OTHER_NEAR_BONUS
        return score

    @staticmethod
    def _confidence(entry: Entry, candidates: list[Entry], scores: dict[int, float]) -> float:
        """Margin over the best rival at another place (more than 50 km away), squashed to (0, 1)."""
        own = scores.get(entry.place, prior(entry))
        rivals = [
            scores.get(e.place, prior(e)) for e in candidates
            if e.place != entry.place and haversine_km(e.lat, e.lon, entry.lat, entry.lon) > 50
        ]
        margin = own - max(rivals) if rivals else 3.0
        return round(1 / (1 + math.exp(-1.2 * margin)), 3)
