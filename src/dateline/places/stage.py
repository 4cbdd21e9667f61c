"""The ``places`` stage: toponyms of one article -> resolved :class:`~dateline.schema.Place` records.

Reads the entities (spans already in the original text), the spaCy doc of the
normalized text and the dateline; returns the places, and writes back the
entities with ``country`` set: the country of a demonym or adjective
(``iraqi`` -> IQ, ``u.s.-backed`` -> US) and of a resolved location.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.entities.extract import demonyms
from dateline.normalize import NormalizedText
from dateline.pipeline import Context, register_stage
from dateline.places.adjectives import ADJECTIVE_CONFIDENCE, region_of_adjective
from dateline.places.detect import ALL_HEADS, CUE_BEFORE, Detector
from dateline.places.focus import mark_focus
from dateline.places.gazetteer import Entry, Gazetteer, get_gazetteer
from dateline.places.names import name_key
from dateline.places.resolve import Resolution, Resolver, Toponym
from dateline.places.style import style_evidence
from dateline.schema import Dateline, Entity, Place, PlaceMention, Span

#: Endings that turn a country name into an adjective: "u.s.-backed", "iraqi-led".
_ADJECTIVE_SUFFIX = re.compile(r"-(backed|led|based|born|made|funded|supported|allied|brokered|owned|run)$")
#: A facility is placed at the nearest city named this many sentences before it, or the focus city.
FACILITY_SENTENCE_WINDOW = 2
FACILITY_CONFIDENCE = 0.5


@dataclass
class PlacesConfig:
    """User settings of the places layer."""

    bias_countries: list[str] = field(default_factory=list)


_config = PlacesConfig()
_lock = threading.Lock()


def configure(bias_countries: Sequence[str] | None = None) -> PlacesConfig:
    """Set process-wide options: ``bias_countries`` (ISO alpha-2 codes) favours places there."""
    with _lock:
        if bias_countries is not None:
            codes = [c.strip().upper() for c in bias_countries if c and c.strip()]
            bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
            if bad:
                from dateline.errors import BAD_VALUE, DatelineError

                raise DatelineError(f"bias countries must be ISO 3166-1 alpha-2 codes, got {bad}",
                                    kind=BAD_VALUE)
            _config.bias_countries = codes
        return _config


def demonym_country(text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """ISO alpha-2 code of a demonym or adjective: ``iraqi``, ``Americans``, ``U.S.-backed``."""
    table = demonyms()
    key = name_key(text)
    forms = [key]
    if key.endswith("s"):
        forms.append(key[:-1])  # americans, palestinians
    for form in forms:
        if table.get(form):
            return table[form]
    if gazetteer is not None:
        derived = _derived_country(forms, gazetteer)
        if derived:
            return derived
    suffix = _ADJECTIVE_SUFFIX.search(key)
    if suffix:
        base = key[: suffix.start()]
        if table.get(base):
            return table[base]
        if gazetteer is not None:
            entries = gazetteer.lookup(base, written=text[: suffix.start()])
            countries = [e for e in entries if e.is_country]
            if countries:
                return countries[0].cc
    return None


def _derived_country(forms: Sequence[str], gazetteer: Gazetteer) -> str | None:
    """The country of a demonym the table lacks, from the region it is formed on.

    ``South Ossetian`` -> South Ossetia, ``Abkhaz`` -> Abkhazia, ``Ohioan`` -> Ohio:
    only countries, first-level divisions and regions count (``Roman`` is no demonym of
    the town of Roma), matched by their own name.
    """
    for form in forms:
        if len(form) < 5 or not form.replace(" ", "").isalpha():
            continue
        bases = [form + "ia"] if not form.endswith("n") else [form[:-1], form[:-2], form[:-2] + "s"]
        for base in bases:
            for entry in gazetteer.lookup(base):
                if entry.kind == 0 and entry.cc and (entry.is_country or entry.is_admin1 or entry.fcode == "RGN"):
                    return entry.cc
    return None


#: Demonyms that are also languages, and the words around them that make them one.
LANGUAGES = frozenset({"english", "french", "spanish", "german", "arabic", "russian", "chinese",
                       "italian", "portuguese", "japanese", "korean", "dutch", "greek", "turkish",
                       "hebrew", "persian", "hindi", "urdu", "polish", "swedish", "mandarin"})
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|speaks?|spoke|speaking|learn(?:ed|ing|s)?|teach(?:es|ing)?|"
                              r"fluent|translated from|translated into)\s+(?:only\s+|mostly\s+|some\s+|little\s+|both\s+|fluent\s+)?$",
                              re.IGNORECASE)
_LANGUAGE_AFTER = re.compile(r"^[\s-]*(?:language|speakers?|speaking|subtitles?|translation|"
                             r"lessons?|classes|class|teacher|version|-language)\b", re.IGNORECASE)


def _language_use(text: str, start: int, end: int) -> bool:
    """Is this demonym used as a language name here (``in English``, ``Arabic-language``)?"""
    if name_key(text[start:end]) not in LANGUAGES:
        return False
    return bool(_LANGUAGE_BEFORE.search(text[max(0, start - 30) : start])
                or _LANGUAGE_AFTER.match(text[end : end + 30]))


def _container_for(resolution: Resolution, resolved: list[Resolution], focus_city: Entry | None) -> Entry | None:
    """The city a facility lies in: the nearest one named just before it."""
    toponym = resolution.toponym
    before = [
        r for r in resolved
        if r.entry is not None and r.entry.fclass == "P" and r.toponym.start < toponym.start
        and toponym.sentence - r.toponym.sentence <= FACILITY_SENTENCE_WINDOW
    ]
    if before:
        return max(before, key=lambda r: r.toponym.start).entry
    return focus_city


def places_of(
    ctx_doc, normalized: NormalizedText, entities: list[Entity], dateline: Dateline | None,
    gazetteer: Gazetteer | None = None, bias_countries: Sequence[str] | None = None,
) -> tuple[list[Place], list[Entity]]:
    """Resolve the places of one article; return them and the entities with countries set."""
    gazetteer = gazetteer or get_gazetteer()
    bias = list(bias_countries if bias_countries is not None else _config.bias_countries)
    toponyms, dateline_toponym = Detector(gazetteer).detect(ctx_doc, normalized, entities, dateline)

    # Countries named by demonyms and adjectives are context for the resolver.
    entity_country: dict[str, str] = {}
    evidence: Counter[str] = Counter()
    for entity in entities:
        if entity.type.value in ("NORP", "MISC"):
            if all(_language_use(normalized.original, m.span.start, m.span.end) for m in entity.mentions):
                continue  # "in English": a language, not a country
            cc = entity.country or demonym_country(entity.name, gazetteer)
            if cc is None:
                ccs = {demonym_country(m.span.text, gazetteer) for m in entity.mentions} - {None}
                cc = ccs.pop() if len(ccs) == 1 else None
            if cc:
                entity_country[entity.id] = cc
                evidence[cc] += len(entity.mentions)
        elif entity.type.value == "ORG" and normalized.degraded:
            cc = _leading_demonym(entity, gazetteer)
            if cc:
                entity_country[entity.id] = cc

    types = {entity.id: entity.type.value for entity in entities}
    for toponym in toponyms:
        toponym.org = types.get(toponym.entity_id) == "ORG"
        toponym.cued = bool(CUE_BEFORE.search(normalized.original, max(0, toponym.start - 12), toponym.start))
    named = [t for t in toponyms if t.source != "facility"]
    facilities = [t for t in toponyms if t.source == "facility"]
    # Where no demonym names another country, the house style leans bare town names to its
    # country; for resolution only (not the focus).
    style = style_evidence(normalized.original)
    lean = next(iter(style)) if style and not set(evidence) - set(style) else None
    resolutions = Resolver(gazetteer, bias).resolve(named, evidence, dateline_toponym, lean=lean)
    resolved = [r for r in resolutions if r.entry is not None]
    resolved += _region_adjectives(entities, normalized, gazetteer, toponyms)
    cities = Counter(r.entry.place for r in resolved if r.entry.fclass == "P")
    by_place = {r.entry.place: r.entry for r in resolved}
    focus_city = by_place[cities.most_common(1)[0][0]] if cities else None
    facility_resolutions = []
    for toponym in facilities:
        holder = _container_for(Resolution(toponym, None), resolved, focus_city)
        if holder is not None:
            facility_resolutions.append(Resolution(toponym, holder, confidence=FACILITY_CONFIDENCE))

    # Group mentions by place; facilities are their own places (at their city's point).
    groups: dict[tuple, list[Resolution]] = {}
    for r in sorted(resolved + facility_resolutions, key=lambda r: r.toponym.start):
        group_key = ("facility", name_key(r.toponym.form)) if r.toponym.source == "facility" else ("place", r.entry.place)
        groups.setdefault(group_key, []).append(r)

    original = normalized.original
    places: list[Place] = []
    place_of_entity: dict[str, str] = {}
    dateline_place_id = None
    for number, (group_key, members) in enumerate(groups.items(), start=1):
        entry = members[0].entry
        assert entry is not None
        is_facility = group_key[0] == "facility"
        pid = f"P{number}"
        mentions = [
            PlaceMention(span=Span(start=r.toponym.start, end=r.toponym.end,
                                   text=original[r.toponym.start : r.toponym.end]),
                         sentence=r.toponym.sentence)
            for r in members
        ]
        entity_id = next((r.toponym.entity_id for r in members if r.toponym.entity_id), None)
        if is_facility:
            head = members[0].toponym.form.split()[-1].lower()
            fclass, fcode = ALL_HEADS.get(head, ("S", "BLDG"))
            name = _display(members[0].toponym.form)
            geonames_id = None
        else:
            fclass, fcode, name, geonames_id = entry.fclass, entry.fcode, entry.name, entry.geonames_id
        confidence = max(r.confidence * r.toponym.weight for r in members) if not is_facility else FACILITY_CONFIDENCE
        is_dateline = any(r.toponym is dateline_toponym for r in members)
        if is_dateline:
            dateline_place_id = pid
        places.append(Place(
            id=pid, name=name, geonames_id=geonames_id, feature_class=fclass, feature_code=fcode,
            country_code=entry.cc, admin1=gazetteer.admin1_name(entry.admin1),
            latitude=round(entry.lat, 5), longitude=round(entry.lon, 5),
            confidence=round(min(1.0, max(0.0, confidence)), 3), entity_id=entity_id,
            dateline=is_dateline, mentions=mentions,
        ))
        for r in members:
            if r.toponym.entity_id and entry.cc and not is_facility:
                place_of_entity.setdefault(r.toponym.entity_id, entry.cc)

    places = mark_focus(places, evidence, dateline_place_id)

    updated = []
    for entity in entities:
        cc = entity_country.get(entity.id)
        if cc is None and entity.type.value == "LOC":
            cc = place_of_entity.get(entity.id)
            if cc is None:  # only adjectival mentions: "u.s.-backed"
                ccs = {demonym_country(m.span.text + "-backed", gazetteer) for m in entity.mentions}
                ccs.discard(None)
                cc = ccs.pop() if len(ccs) == 1 else None
        if cc and cc != entity.country:
            entity = entity.model_copy(update={"country": cc})
        updated.append(entity)
    return places, updated


def _leading_demonym(entity: Entity, gazetteer: Gazetteer) -> str | None:
    """The country of an organization named by a nationality and a body: ``syrian army``.

    In lowercased text the NER takes the adjective into the organization, where in
    published text it tags it alone; the organization then carries that country.
    """
    ccs = set()
    for mention in entity.mentions:
        words = mention.span.text.split()
        if len(words) < 2 or words[1].lower() not in ORG_BODIES:
            return None
        ccs.add(demonym_country(words[0], gazetteer))
    return ccs.pop() if len(ccs) == 1 else None


#: Bodies a nationality adjective names the country of: "syrian army", "iraqi government".
ORG_BODIES = frozenset({"army", "military", "government", "navy", "forces", "police", "ministry",
                        "parliament", "embassy", "authorities", "officials", "air", "national", "state"})


def _region_adjectives(
    entities: Sequence[Entity], normalized: NormalizedText, gazetteer: Gazetteer, toponyms: Sequence[Toponym],
) -> list[Resolution]:
    """Mentions of a continent's adjective (``European``), as mentions of the continent."""
    found: list[Resolution] = []
    original = normalized.original
    for entity in entities:
        if entity.type.value not in ("NORP", "MISC") or entity.country:
            continue
        for mention in entity.mentions:
            start, end = mention.span.start, mention.span.end
            if any(t.start < end and start < t.end for t in toponyms):
                continue
            region = region_of_adjective(original[start:end], gazetteer)
            if region is not None:
                toponym = Toponym(start, end, original[start:end], original[start:end], mention.sentence,
                                  "adjective", entity.id)
                found.append(Resolution(toponym, region, confidence=ADJECTIVE_CONFIDENCE))
    return found


def _display(form: str) -> str:
    """Title case for a facility name written in lowercase (``el nuri mosque``)."""
    if form != form.lower():
        return form
    return " ".join(w if w in ("of", "the", "and") else w[:1].upper() + w[1:] for w in form.split())


@register_stage("places", provides="places", requires=("doc", "normalized", "entities"))
def places_stage(ctx: Context) -> list[Place]:
    places, entities = places_of(
        ctx.layers["doc"], ctx.layers["normalized"], ctx.layers["entities"], ctx.layers.get("dateline")
    )
    ctx.layers["entities"] = entities
    return places
