"""The event classifier: PLOVER category and mode of a frame, with the evidence it rests on.

The reading goes in four steps, each a small named rule:

1. **the predicate's own sense**: its lexicon entry (:mod:`dateline.events.lexicon`),
   refined by its object or actors where one word has several event senses
   (:data:`SENSE_RULES`: ``withdraw troops`` RETREAT, ``withdraw an
   ambassador`` SANCTION; ``seize a town`` FIGHT, ``seize weapons`` COERCE;
   ``protest`` by a government DISAPPROVE);
2. **the chain around it**: a category-fixing verb wins (``threatened to``,
   ``refused to``, ``urged ... to``); stopping an event reverses it (lifting a
   curfew CONCEDE, suspending talks SANCTION); an intended or future
   cooperative event is AGREE and a conflictual one THREATEN (an armed actor
   *preparing* violence MOBILIZE); a reported ``must``/``should`` is DEMAND; a
   negated cooperative event is REJECT, a negated conflictual one no event;
3. **the actors**: violence between armed sides (or by a state with heavy or
   aerial weapons) is FIGHT, one-sided violence against civilians or a named
   person ASSAULT;
4. **argument checks**: each category needs its evidence (:data:`REQUIREMENTS`:
   AID and COOPERATE a recipient or an aid object, MOBILIZE an armed actor or a
   military object, FIGHT an armed side or a fighting word, PROTEST a
   non-state crowd ...).  A failed check lowers the confidence; below
   :data:`EVIDENCE_THRESHOLD` no event is emitted.  Nothing is coded by
   default: a frame whose words are in no list is no event.

The static vectors of ``en_core_web_md`` were measured as a fallback for
predicates the lists lack (nearest listed lemma by cosine): the pruned table
(20,000 rows for 685,000 words) maps unrelated words to one row (``agree`` =
``disagree``, ``kill`` nearest ``zombie``), so they are not used.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.events.actors import ActorDraft, sector_of_word, word_key
from dateline.events.frames import Frame, lemma_key, noun_entry, same, verb_entry
from dateline.events.lexicon import (
    ABSTRACT_NOUNS,
    AGREEMENT_OBJECTS,
    AID_NOUNS,
    CAPTIVE_NOUNS,
    CONFLICTUAL,
    COOPERATIVE,
    DEMAND_NOUNS,
    DIPLOMAT_NOUNS,
    EXERCISE_NOUNS,
    HEAVY_WEAPON_WORDS,
    MEDIA_NOUNS,
    MILITARY_NOUNS,
    NOUNS,
    RELATION_NOUNS,
    REQUEST_MODE_WORDS,
    REVERSED,
    ROUTE_NOUNS,
    TERRITORY_NOUNS,
    THREAT_MODE_WORDS,
    VERBS,
    VIOLENCE_MODE_WORDS,
    WEAPON_WORDS,
    WORK_NOUNS,
)
from dateline.events.tokens import kids

#: No event below this type confidence.
EVIDENCE_THRESHOLD = 0.5
#: Type confidence by the kind of evidence.
WEIGHT_VERB = 0.85
WEIGHT_NOUN = 0.8
WEIGHT_WRAPPER = 0.85
#: Factor for an event whose category needs evidence the frame lacks (REQUIREMENTS).
MISSING_EVIDENCE = 0.55
#: Factor for a category changed by the chain (future, negation, reversal): one more inference.
CHAIN_FACTOR = 0.95

#: Sectors of armed actors.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "COP"})
#: Sectors of states and their organs.
STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: Sectors of the people PROTEST is about (non-state, collective).
NON_STATE_SECTORS = frozenset({"CVL", "OPP", "PTY", "EDU", "LAB", "JRN", "MED", "REL", "REF", "CRM",
                               "AGR", "BUS", "REB", "SOC", "ELI"})
#: Predicates that are fighting whoever does them.
INTRINSIC_FIGHT = frozenset({
    "fight", "clash", "battle", "shell", "bombard", "invade", "capture", "recapture", "retake", "storm",
    "overrun", "advance", "thrust", "push", "repel", "rout", "encircle", "surround", "pound",
    "liberate", "defeat", "engage", "offensive", "counteroffensive", "incursion", "invasion",
    "hostilities", "firefight", "skirmish", "war", "fighting", "clashes", "airstrike", "shelling",
    "bombardment",
})
#: Predicates that are one-sided violence whoever does them.
INTRINSIC_ASSAULT = frozenset({
    "assassinate", "massacre", "slaughter", "execute", "behead", "abduct", "kidnap", "hijack",
    "torture", "beat", "rape", "stab", "lynch", "murder", "bombing", "bomb", "assassination",
    "kidnapping", "abduction", "hijacking", "execution", "beating", "killing",
})
#: Heads of a single person as target: killing one is a targeted killing.
SINGLE_PERSON_HEADS = frozenset({"leader", "chief", "official", "minister", "commander", "mayor",
                                 "governor", "president", "journalist", "judge", "deputy", "head",
                                 "general", "cleric", "politician", "activist", "lawmaker"})
#: Mode priority for violence: the most specific weapon wins.
VIOLENCE_MODE_ORDER = ("suicide-attack", "unconventional", "aerial", "drone", "heavy-weapons",
                       "explosives", "abduct", "torture", "sexual", "targeted", "firearms", "beat",
                       "primitive", "crowd-control", "destroy")
#: Predicates of threats whose content is violence.
VIOLENT_CONTENT = frozenset({"ASSAULT", "FIGHT"})


@dataclass
class Reading:
    """What a frame is, and why."""

    category: str
    mode: str | None
    confidence: float
    rule: str
    mode_confidence: float | None = None


# --- helpers ------------------------------------------------------------------------------

def _lemmas(tokens: list[Token]) -> set[str]:
    return {word_key(t) for t in tokens} | {t.lower_ for t in tokens}


def _armed(actors: list[ActorDraft]) -> bool:
    return any(a.sector in ARMED_SECTORS or a.code == "IMG" for a in actors)


def _state(actors: list[ActorDraft]) -> bool:
    """A country, or a state organ, acting."""
    return any(a.code and a.code not in ("NGO", "ISM", "MNC") and a.sector in STATE_SECTORS and not a.person
               for a in actors)


def _civilian(actors: list[ActorDraft]) -> bool:
    return any(a.sector in ("CVL", "JRN", "MED", "EDU", "REL", "REF", "LAB", "AGR", "BUS") for a in actors)


def _single_person(actors: list[ActorDraft], frame: Frame) -> bool:
    doc = frame.predicate.doc
    for actor in actors:
        if actor.person:
            return True
        if actor.head < 0:
            continue
        head = doc[actor.head]
        if head.tag_ in ("NN", "NNP") and word_key(head) in SINGLE_PERSON_HEADS:
            return True
    return False


def _object_words(frame: Frame) -> set[str]:
    words: set[str] = set()
    for token in frame.objects:
        words.add(word_key(token))
        words.add(token.lower_)
    return words


def _sector_words(actors: list[ActorDraft], frame: Frame) -> set[str]:
    doc = frame.predicate.doc
    return {word_key(doc[a.head]) for a in actors if a.head >= 0}


# --- step 1: the predicate's own sense ----------------------------------------------------

def _sense(frame: Frame) -> tuple[str, str | None, str] | None:
    """(category, mode, rule) of the predicate itself, its object considered."""
    predicate = frame.predicate
    key = lemma_key(predicate)
    entry = noun_entry(predicate) if frame.nominal else verb_entry(predicate)
    if entry is None:
        return None
    category, mode = entry
    rule = f"{'noun' if frame.nominal else 'verb'} '{key}'"
    objects = _object_words(frame)
    target_words = _sector_words(frame.targets, frame)
    refine = SENSE_RULES.get(key) if not frame.nominal or key in NOUN_SENSES else None
    if refine is not None:
        refined = refine(frame, objects | target_words, category, mode)
        if refined is None:
            return None
        category, mode = refined
        rule += " + object"
    return category, mode, rule


def _send(frame, objects, category, mode):
    # send troops: MOBILIZE; send aid, peacekeepers, or arms to someone: AID; send a message: nothing
    if objects & AID_NOUNS or "peacekeeper" in objects or "peacekeepers" in objects:
        return "AID", None
    if objects & WEAPON_WORDS and any(t.via in ("entity", "group", "demonym", "title") for t in frame.targets):
        return "AID", None  # arms sent to a country or a group: military aid
    if objects & MILITARY_NOUNS:
        return ("MOBILIZE", "weapons") if objects & WEAPON_WORDS else ("MOBILIZE", "troops")
    return None


def _withdraw(frame, objects, category, mode):
    # withdraw troops / from a town: RETREAT; an ambassador, aid, from talks: SANCTION
    if objects & DIPLOMAT_NOUNS:
        return "SANCTION", "withdraw"
    if objects & (AID_NOUNS | RELATION_NOUNS | {"support", "recognition", "membership", "offer"}):
        return "SANCTION", "withdraw"
    return "RETREAT", "withdraw"


def _deploy(frame, objects, category, mode):
    # deploy peacekeepers: AID (CAMEO 074); deploy troops: MOBILIZE
    return ("AID", None) if objects & {"peacekeeper", "peacekeepers"} else (category, mode)


def _recall(frame, objects, category, mode):
    # recall an ambassador: SANCTION; recall troops: RETREAT; recall a memory: nothing
    if objects & DIPLOMAT_NOUNS:
        return category, mode
    return ("RETREAT", "withdraw") if objects & MILITARY_NOUNS else None


def _expel(frame, objects, category, mode):
    # expel diplomats: SANCTION (reduce relations); expel people: COERCE deport
    if objects & DIPLOMAT_NOUNS:
        return "SANCTION", "expel"
    return "COERCE", "deport"


def _close(frame, objects, category, mode):
    # close a border or road: restrict movement; a newspaper: censor; an embassy: reduce relations
    if objects & ROUTE_NOUNS:
        return "COERCE", "restrict"
    if objects & MEDIA_NOUNS:
        return "COERCE", "censor"
    if objects & DIPLOMAT_NOUNS:
        return "SANCTION", "withdraw"
    if objects & {"school", "office", "university", "mosque", "church", "market", "shop", "camp"}:
        return "COERCE", "restrict"
    return None


def _hold(frame, objects, category, mode):
    # hold prisoners / people, or hold people as hostages or shields: detain; hold anything else
    # (a view, a post): nothing
    held_as = {word_key(g) for c in kids(frame.predicate) if c.dep_ == "prep" and c.lower_ == "as"
               for g in kids(c) if g.dep_ == "pobj"}
    if objects & CAPTIVE_NOUNS or frame.targets and (not frame.objects or held_as & CAPTIVE_NOUNS):
        return "COERCE", "arrest"
    return None


def _seize(frame, objects, category, mode):
    # seize a town: fighting for territory; seize goods: confiscation
    if objects & TERRITORY_NOUNS or any(t.via in ("place",) for t in frame.targets):
        return "FIGHT", None
    return "COERCE", "seize"


def _capture(frame, objects, category, mode):
    # capture a town: FIGHT; capture people: by the military ASSAULT abduct, by police COERCE arrest
    if frame.targets and not (objects & TERRITORY_NOUNS) and not any(t.via == "place" for t in frame.targets):
        if any(s.sector == "COP" for s in frame.sources):
            return "COERCE", "arrest"
        if _single_person(frame.targets, frame) or objects & CAPTIVE_NOUNS:
            return "ASSAULT", "abduct"
    return category, mode


def _welcome(frame, objects, category, mode):
    # welcome a visitor: CONSULT host; welcome a decision: SUPPORT
    if frame.targets:
        return "CONSULT", "host"
    return "SUPPORT", None


def _receive(frame, objects, category, mode):
    # receive observers or inspectors: RETREAT access (CAMEO 0862); receive a visitor: CONSULT host
    if objects & DIPLOMAT_NOUNS:
        return "RETREAT", "access"
    return ("CONSULT", "host") if frame.targets and not objects & AID_NOUNS else None


def _relations(frame, objects, category, mode):
    # establish, restore, upgrade, resume ties or relations: SUPPORT; anything else: nothing
    return (category, mode) if objects & RELATION_NOUNS else None


def _permit(frame, objects, category, mode):
    # allow X to do something: a concession (CAMEO 08); allow observers or aid in: RETREAT access
    if objects & (DIPLOMAT_NOUNS | AID_NOUNS | {"access", "entry", "peacekeeper", "peacekeepers", "convoy"}):
        return "RETREAT", "access"
    if frame.targets and any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in kids(frame.predicate)):
        return "CONCEDE", None
    if frame.targets and any(_infinitive_inside(c) for c in kids(frame.predicate) if c.dep_ == "dobj"):
        return "CONCEDE", None  # "allow refugees who have lived abroad to return": the parser hung it lower
    return None


def _infinitive_inside(noun: Token) -> bool:
    """Does a to-infinitive hang inside a noun's relative clause (where the parser puts an object's
    complement that follows the clause)?"""
    for clause in kids(noun):
        if clause.dep_ != "relcl":
            continue
        for child in clause.subtree:
            if child.i > clause.i and child.tag_ == "VB" and child.dep_ in ("advcl", "relcl", "acl", "xcomp") \
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in kids(child)):
                return True
    return False


def _strike(frame, objects, category, mode):
    # workers strike: PROTEST; armed actors strike a target: violence
    if frame.nominal:
        if any(s.sector in ("LAB", "EDU", "CVL", "MED", "JRN") for s in frame.sources):
            return "PROTEST", "strike"
        if any(s.sector in ARMED_SECTORS for s in frame.sources) or _state(frame.sources):
            return category, mode
        return "PROTEST", "strike"
    if frame.targets or objects:
        return category, mode
    return "PROTEST", "strike"


def _protest(frame, objects, category, mode):
    # a government protests: diplomatic disapproval; people protest: PROTEST; whoever protests
    # that something is wrong (a clause of saying) complains: DISAPPROVE
    if frame.source_via == "inverted" or any(c.dep_ == "ccomp" for c in kids(frame.predicate)):
        return "DISAPPROVE", None
    if frame.sources and all(s.sector in ("GOV", "LEG", "JUD") or (s.sector is None and s.code and s.via in (
            "entity", "place")) for s in frame.sources):
        return "DISAPPROVE", None
    return category, mode


def _state_actor(actor: ActorDraft) -> bool:
    """A state organ, or a country named as a whole (not its people: ``Algerians``)."""
    return actor.sector in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY") or (
        actor.sector is None and actor.code is not None and actor.via in ("entity", "place", "group"))


def _block(frame, objects, category, mode):
    # protesters or rebels block a road: PROTEST obstruct; authorities block it: COERCE restrict
    if frame.sources and not any(_state_actor(s) for s in frame.sources):
        return "PROTEST", "obstruct"
    return category, mode


def _occupy(frame, objects, category, mode):
    if frame.sources and all(s.sector in ("CVL", "EDU", "LAB", "OPP") for s in frame.sources):
        return "PROTEST", "obstruct"
    return category, mode


def _release(frame, objects, category, mode):
    # release prisoners: RETREAT; release a statement, a report, a tape: nothing; "the official
    # release" (a press release) names no one released
    if objects & {"statement", "report", "video", "tape", "message", "recording", "figure", "figures",
                  "data", "album", "book", "film", "document", "details", "result", "results", "audio"}:
        return None
    if frame.nominal and not frame.targets and not objects & CAPTIVE_NOUNS:
        return None
    return category, mode


def _return(frame, objects, category, mode):
    # return captives or property: RETREAT release; return home, to power: nothing
    if objects & (CAPTIVE_NOUNS | {"property", "land", "territory", "body", "bodies", "refugee", "refugees"}):
        return category, mode
    return None


def _allow(frame, objects, category, mode):
    # allow observers, aid or access in: RETREAT access
    if objects & (DIPLOMAT_NOUNS | AID_NOUNS | {"access", "entry", "peacekeeper", "peacekeepers", "worker",
                                                "workers", "journalist", "journalists", "convoy"}):
        return category, mode
    return None


def _sign(frame, objects, category, mode):
    # sign an agreement: SUPPORT (CAMEO 057); sign anything else: nothing
    if objects & {"agreement", "accord", "treaty", "deal", "pact", "protocol", "memorandum", "declaration",
                  "convention", "charter", "communique"}:
        return category, mode
    return None


def _provide(frame, objects, category, mode):
    # provide / give / grant aid, asylum, loans, troops for someone: AID
    if objects & AID_NOUNS or objects & MILITARY_NOUNS or frame.targets:
        return "AID", None
    return None


def _support(frame, objects, category, mode):
    # support with troops or money is material (AID); support a policy or a person is SUPPORT
    if objects & (AID_NOUNS - {"support", "help"}) or objects & MILITARY_NOUNS:
        return "AID", None
    return category, mode


def _fire(frame, objects, category, mode):
    # fire on / at someone: violence; fire a minister: nothing (dismissal is not an event here)
    preps = {c.lower_ for c in kids(frame.predicate) if c.dep_ == "prep"}
    if preps & {"on", "at", "upon", "into"} or objects & {"shot", "shots", "rocket", "rockets", "missile",
                                                          "missiles", "shell", "shells", "mortar"}:
        return category, mode
    return None


def _armed_only(frame, objects, category, mode):
    # hit, target, push, advance, engage, raid, surround, defeat: violent only with armed or state sides
    if _armed(frame.sources) or _armed(frame.targets) or _state(frame.sources) and (
            objects & (TERRITORY_NOUNS | MILITARY_NOUNS) or _armed(frame.targets)):
        return category, mode
    return None


def _attack(frame, objects, category, mode):
    # attack a person, a group or a place physically; "attacked the plan" is criticism
    if objects & ABSTRACT_NOUNS and not (frame.targets and _armed(frame.sources)):
        return "DISAPPROVE", None
    return category, mode


def _beat(frame, objects, category, mode):
    # beat people: ASSAULT; beat a team or a deadline: nothing
    if frame.targets and any(t.sector in ("CVL", "JRN", "EDU", "OPP", None) and not t.code in ("NGO",)
                             for t in frame.targets) and not any(t.via == "entity" and t.sector is None
                                                                 and t.code for t in frame.targets):
        return category, mode
    return None


def _help(frame, objects, category, mode):
    # help someone: AID; "help to ..." is handled as a chain
    return (category, mode) if frame.targets or objects & AID_NOUNS else None


def _meet(frame, objects, category, mode):
    # meet someone, or meet with someone: CONSULT; meet a target or a demand: nothing
    if frame.targets or len(frame.sources) > 1 or frame.nominal:
        return category, mode
    if any(s.sector in ("GOV", "LEG", "REB", "OPP", "MIL") or s.via in ("entity", "group") for s in frame.sources):
        return category, mode
    return None


def _accept(frame, objects, category, mode):
    if objects & DEMAND_NOUNS:
        return "CONCEDE", None
    return category, mode


def _deliver(frame, objects, category, mode):
    return (category, mode) if objects & AID_NOUNS or frame.targets else None


def _mass(frame, objects, category, mode):
    return (category, mode) if objects & MILITARY_NOUNS or _armed(frame.sources) else None


def _military_objects(frame: Frame, objects: set[str]) -> bool:
    return bool(objects & MILITARY_NOUNS) or any(
        sector_of_word(word_key(t)) in ("MIL", "COP", "PRM") for t in frame.objects)


def _mobilize(frame, objects, category, mode):
    # mobilize troops or reservists: MOBILIZE; mobilize supporters or pressure groups: not a show of force
    if _military_objects(frame, objects) or (not objects and (_armed(frame.sources) or _state(frame.sources))):
        return category, mode
    return None


def _stop(frame, objects, category, mode):
    # stop work: a strike; anything else stopped is read through the chain
    return (category, mode) if objects & WORK_NOUNS else None


def _deployment(frame, objects, category, mode):
    # deploying peacekeepers is aid (CAMEO 074), deploying troops a show of force
    words = _lemmas([frame.predicate.doc[i] for s in frame.sources if s.head >= 0
                     for i in range(s.first, s.last + 1)]) | objects
    if words & {"peacekeeper", "peacekeepers", "peacekeeping"}:
        return "AID", None
    return category, mode


def _march(frame, objects, category, mode):
    # troops march on a town: military; people march: PROTEST
    if _armed(frame.sources):
        return "MOBILIZE", "troops"
    return category, mode


def _host(frame, objects, category, mode):
    # host a visitor (a person, a country, an official): CONSULT; host a show or a party: nothing
    if any(t.person or t.code or t.sector for t in frame.targets):
        return category, mode
    return None


def _request(frame, objects, category, mode):
    # "a diplomat who requested anonymity" is how a source is described, not a demand
    return None if objects & {"anonymity", "confidentiality"} else (category, mode)


def _evacuate(frame, objects, category, mode):
    # troops withdraw or evacuate a base: RETREAT; residents evacuated from their homes: no event
    if _armed(frame.sources) or _state(frame.sources) or objects & (MILITARY_NOUNS | TERRITORY_NOUNS):
        return category, mode
    return None


def _trade(frame, objects, category, mode):
    return (category, mode) if frame.targets else None


#: Words whose event sense depends on their object or actors.
SENSE_RULES = {
    "send": _send, "dispatch": _send, "deploy": _deploy,
    "withdraw": _withdraw, "recall": _recall,
    "pull": _withdraw, "expel": _expel, "close": _close, "hold": _hold, "seize": _seize,
    "capture": _capture, "welcome": _welcome, "receive": _receive, "strike": _strike,
    "protest": _protest, "block": _block, "occupy": _occupy, "release": _release, "free": _release,
    "hand": lambda f, o, c, m: ("AID", None) if o & AID_NOUNS else (c, m),
    "request": _request, "ask": _request, "evacuate": _evacuate, "retreat": _evacuate, "host": _host,
    "set": lambda f, o, c, m: (c, m) if o & {"fire", "ablaze", "alight"} else None,
    "return": _return, "allow": _permit, "permit": _permit, "admit": _allow, "sign": _sign,
    "provide": _provide, "upgrade": _relations, "improve": _relations, "strengthen": _relations,
    "restore": _relations, "establish": _relations, "resume": _relations, "normalize": _relations,
    "grant": _provide, "give": _provide, "support": _support, "back": _support, "fire": _fire,
    "hit": _armed_only, "target": _armed_only, "push": _armed_only, "advance": _armed_only,
    "engage": _armed_only, "surround": _armed_only, "defeat": _armed_only, "thrust": _armed_only,
    "station": _mass, "mass": _mass, "amass": _mass, "attack": _attack, "beat": _beat,
    "mobilize": _mobilize, "mobilise": _mobilize, "stop": _stop, "deployment": _deployment,
    "help": _help, "meet": _meet, "talk": _meet, "accept": _accept, "deliver": _deliver,
    "supply": _deliver, "march": _march, "trade": _trade, "burn": _armed_only, "destroy": _armed_only,
    "shoot": lambda f, o, c, m: (c, m) if f.targets or o & {"protester", "protesters", "people", "civilian",
                                                          "civilians"} else None,
    "bar": lambda f, o, c, m: (c, m) if f.targets else None,
    "order": lambda f, o, c, m: None,
    "call": lambda f, o, c, m: (c, m),
    "wound": lambda f, o, c, m: (c, m) if f.targets or o else None,
    "injure": lambda f, o, c, m: (c, m) if f.targets or o else None,
    "charge": lambda f, o, c, m: (c, m) if f.targets else None,
    "deny": lambda f, o, c, m: (c, m) if f.targets or o else None,
}
#: Nouns whose sense rules apply as well.
NOUN_SENSES = frozenset({"strike", "protest", "release", "deployment"})


# --- step 2: the chain --------------------------------------------------------------------

def _wrapper_category(frame: Frame, objects: set[str], content: str | None) -> tuple[str, str] | None:
    wrapper = frame.wrapper
    assert wrapper is not None
    key = lemma_key(wrapper)
    if wrapper.pos_ in ("NOUN", "PROPN"):
        entry = noun_entry(wrapper) or NOUNS.get(key)
        return (entry[0], f"noun '{key}'") if entry else None
    if key in ("call", "push", "press"):
        return "DEMAND", f"verb '{key} for'"
    if key == "accept" and (objects & DEMAND_NOUNS or _content_is_demand(frame)):
        return "CONCEDE", "verb 'accept' + demand"
    if key == "warn":
        # a warning is a threat when the warner would act, or when it is addressed to someone
        if frame.targets or content in VIOLENT_CONTENT | {"SANCTION", "COERCE"}:
            return "THREATEN", "verb 'warn'"
        return None
    if key in ("deny",) and content is None and not frame.targets:
        return None
    entry = VERBS.get(key)
    return (entry[0], f"verb '{key}'") if entry else None


def _content_is_demand(frame: Frame) -> bool:
    return not same(frame.predicate, frame.wrapper) and lemma_key(frame.predicate) in DEMAND_NOUNS


def _apply_chain(frame: Frame, category: str | None, mode: str | None, rule: str,
                 objects: set[str]) -> tuple[str, str | None, str, int] | None:
    """Category after wrappers, reversal, intent, obligation and negation; also the number of steps."""
    steps = 0
    if frame.reverser is not None and category is not None:
        key = lemma_key(frame.reverser)
        truce = {"ceasefire", "cease-fire", "truce", "armistice"}
        if key in ("break", "violate") and (lemma_key(frame.predicate) in truce or any(
                c.dep_ in ("compound", "amod") and c.lower_ in truce for c in kids(frame.predicate))):
            category, mode = "FIGHT", None
        elif category == "COERCE" and lemma_key(frame.predicate) in ("blockade", "siege", "occupation"):
            category, mode = "RETREAT", "withdraw"  # easing a military blockade (CAMEO 0872)
        elif category in REVERSED:
            category, mode = REVERSED[category][0], REVERSED[category][1] or mode
        elif category in ("DISAPPROVE", "DEMAND", "REJECT"):
            category, mode = "CONCEDE", None
        elif category == "RETREAT":
            category, mode = "REJECT", "yield"
        else:
            return None
        rule = f"'{key}' reverses {rule}"
        steps += 1
    if frame.wrapper is not None:
        fixed = _wrapper_category(frame, objects, category)
        if fixed is None:
            return None
        content = category
        category, wrapper_rule = fixed
        if content is not None and wrapper_rule != rule:
            rule = f"{wrapper_rule} + {rule}"
        else:
            rule = wrapper_rule
        mode = _content_mode(category, content, mode, frame)
        if frame.negated:
            if category in COOPERATIVE:
                return "REJECT", mode, f"negated {rule}", steps + 1
            return None
        return category, mode, rule, steps
    if category is None:
        return None
    if frame.obligation and frame.report is not None:
        return "DEMAND", _content_mode("DEMAND", category, mode, frame), f"reported 'must' + {rule}", steps + 1
    future = frame.future or frame.intent is not None or frame.ready
    if frame.negated:
        if category in COOPERATIVE and category != "RETREAT":
            return "REJECT", _content_mode("REJECT", category, mode, frame), f"negated {rule}", steps + 1
        if category == "RETREAT":
            return "REJECT", "yield", f"negated {rule}", steps + 1
        return None
    if future:
        how = lemma_key(frame.intent) if frame.intent is not None else "future"
        if category in COOPERATIVE:  # CAMEO 03: intent to cooperate, intent to yield (035) included
            return "AGREE", None, f"intent ({how}) + {rule}", steps + 1
        if category in CONFLICTUAL:
            if frame.ready or how in ("prepare",):
                if category in VIOLENT_CONTENT | {"MOBILIZE"} and _armed(frame.sources):
                    weapons = _lemmas([frame.predicate, *frame.objects]) & WEAPON_WORDS
                    return "MOBILIZE", "weapons" if weapons or mode == "heavy-weapons" else "troops", \
                        f"readiness ({how}) + {rule}", steps + 1
            return "THREATEN", _content_mode("THREATEN", category, mode, frame), f"intent ({how}) + {rule}", steps + 1
    if frame.announced and category in ("RETREAT",):
        return "CONCEDE", None, f"announced {rule}", steps + 1
    return category, mode, rule, steps


def _content_mode(category: str, content: str | None, mode: str | None, frame: Frame) -> str | None:
    """Mode of a verbal event from what it is about (a threat of violence, a demand to meet)."""
    words = _lemmas([frame.predicate, *frame.objects, *[frame.predicate.doc[t.head] for t in frame.targets if t.head >= 0]])
    if frame.predicate.pos_ in ("VERB",):
        words |= {lemma_key(frame.predicate)}
    if category == "THREATEN":
        if content in VIOLENT_CONTENT:
            return "violence"
        if content == "COERCE" and mode in ("curfew", "martial-law", "arrest"):
            return "arrest" if mode == "arrest" else "restrict"
        for word in sorted(words):
            if word in THREAT_MODE_WORDS:
                return THREAT_MODE_WORDS[word]
        if content == "SANCTION":
            return "relations"
        return None
    if category in ("DEMAND", "REJECT"):
        if content in ("CONSULT",):
            return "meet"
        if content in ("AID", "COOPERATE", "SUPPORT"):
            return "assist"
        if content in ("RETREAT", "CONCEDE"):
            return "yield"
        for word in sorted(words):
            if word in REQUEST_MODE_WORDS:
                return REQUEST_MODE_WORDS[word]
        return None
    if category in ("AGREE", "DISAPPROVE", "SUPPORT", "CONCEDE"):
        return None
    return mode


# --- step 3: violence ---------------------------------------------------------------------

def _violence(frame: Frame, category: str, mode: str | None) -> tuple[str, str | None, str]:
    """FIGHT or ASSAULT, and the weapon mode."""
    key = lemma_key(frame.predicate)
    words = _violence_words(frame)
    weapon = next((m for m in VIOLENCE_MODE_ORDER if m in {VIOLENCE_MODE_WORDS.get(w) for w in words}), None)
    if mode is None or (weapon is not None and VIOLENCE_MODE_ORDER.index(weapon) < VIOLENCE_MODE_ORDER.index(mode)
                        if mode in VIOLENCE_MODE_ORDER else False):
        mode = weapon or mode
    heavy = mode in ("aerial", "heavy-weapons", "drone") or bool(words & HEAVY_WEAPON_WORDS)
    if key in INTRINSIC_FIGHT and frame.sources and all(
            s.sector in ("CVL", "EDU", "LAB", "OPP") for s in frame.sources):
        return "PROTEST", "riot", "civilians fighting: a riot"  # protesters clashed with police
    if key in INTRINSIC_FIGHT or key in INTRINSIC_ASSAULT:
        why = "fighting word" if key in INTRINSIC_FIGHT else "violence word"
        if key in INTRINSIC_FIGHT and mode in ("suicide-attack",):
            return "ASSAULT", mode, "suicide attack"
        return ("FIGHT" if key in INTRINSIC_FIGHT else "ASSAULT"), mode, why
    source_armed = _armed(frame.sources) or _state(frame.sources)
    if frame.sources and all(s.sector == "COP" for s in frame.sources) and not _armed(frame.targets):
        return "ASSAULT", mode, "police against the unarmed"
    if mode in ("suicide-attack", "explosives", "abduct", "torture", "sexual", "primitive", "beat"):
        return "ASSAULT", mode, "unconventional means"
    if source_armed and heavy:
        return "FIGHT", mode, "heavy or aerial weapons"
    if source_armed and _armed(frame.targets) and not _single_person(frame.targets, frame):
        return "FIGHT", mode, "armed against armed"
    if _single_person(frame.targets, frame):
        return "ASSAULT", mode or "targeted", "one person targeted"
    if _civilian(frame.targets):
        return "ASSAULT", mode, "civilians targeted"
    if not source_armed and not _armed(frame.targets):
        return "ASSAULT", mode, "no armed side"  # violence by an unknown or unarmed actor is one-sided
    return category, mode, "lexicon"


def _violence_words(frame: Frame) -> set[str]:
    doc = frame.predicate.doc
    tokens = [frame.predicate, *frame.objects]
    tokens += [doc[i] for i in frame.trigger]
    if frame.instrument is not None:
        tokens += list(frame.instrument.subtree)[:8]
    for child in kids(frame.predicate):
        if child.dep_ == "prep" and child.lower_ in ("with", "by", "in", "using"):
            tokens += list(child.subtree)[:6]
    for source in frame.sources:
        if source.head >= 0:
            tokens += list(doc[source.first : source.last + 1])
    return _lemmas(tokens)


# --- step 4: evidence ---------------------------------------------------------------------

def _requirement(frame: Frame, category: str, objects: set[str]) -> bool:
    """Does the frame carry the evidence this category needs?"""
    if category in ("AID", "COOPERATE"):
        return bool(frame.targets) or bool(objects & AID_NOUNS) or len(frame.sources) > 1 or frame.located
    if category == "MOBILIZE":
        return _armed(frame.sources) or _state(frame.sources) or bool(objects & MILITARY_NOUNS)
    if category == "FIGHT":
        return (_armed(frame.sources) or _state(frame.sources) or _armed(frame.targets)
                or lemma_key(frame.predicate) in INTRINSIC_FIGHT)
    if category == "ASSAULT":
        return bool(frame.targets) or bool(objects) or frame.instrument is not None or frame.nominal
    if category == "PROTEST":
        # a hunger strike or a rally is a protest whoever holds it; "protested" alone needs non-state people
        return lemma_key(frame.predicate) != "protest" or frame.nominal or not frame.sources or any(
            s.sector in NON_STATE_SECTORS or s.sector is None for s in frame.sources)
    if category == "CONSULT":
        return bool(frame.targets) or len(frame.sources) > 1 or frame.nominal or bool(objects)
    if category in ("SANCTION", "THREATEN", "DISAPPROVE", "DEMAND"):
        return bool(frame.targets) or bool(objects) or not same(frame.predicate, frame.top) or frame.nominal
    if category == "COERCE":
        return bool(frame.targets) or bool(objects) or frame.nominal
    if category == "AGREE":
        # something agreed to: a content event, a partner, several parties, a plan, or help offered
        return (not same(frame.predicate, frame.wrapper) or bool(frame.targets) or len(frame.sources) > 1
                or bool(objects & (AID_NOUNS | AGREEMENT_OBJECTS)) or frame.nominal)
    return True


def classify(frame: Frame) -> Reading | None:
    """The PLOVER reading of a frame, or None when the evidence does not reach the threshold."""
    objects = _object_words(frame)
    sense = _sense(frame)
    if sense is None and (frame.wrapper is None or same(frame.wrapper, frame.predicate)):
        return None  # no sense, or the object rules it out ("requested anonymity")
    category, mode, rule = sense if sense is not None else (None, None, "")
    base = WEIGHT_NOUN if frame.nominal else WEIGHT_VERB
    if frame.wrapper is not None:
        base = WEIGHT_WRAPPER
    chained = _apply_chain(frame, category, mode, rule, objects)
    if chained is None:
        return None
    category, mode, rule, steps = chained
    if category in ("FIGHT", "ASSAULT"):
        category, mode, why = _violence(frame, category, mode)
        rule = f"{rule}; {why}"
    if category == "MOBILIZE" and _lemmas(list(frame.predicate.subtree)[:8]) & EXERCISE_NOUNS:
        countries = {s.code for s in frame.sources if s.code}
        joint = any(c.lower_ == "joint" for c in kids(frame.predicate))
        if len(countries) > 1 or joint or frame.targets and lemma_key(frame.predicate) in EXERCISE_NOUNS:
            category, mode = "COOPERATE", None  # joint exercises: material cooperation
            rule += "; joint exercise"
    if category == "PROTEST" and frame.sources and all(
            s.sector in ("GOV", "LEG") for s in frame.sources) and lemma_key(frame.predicate) == "protest":
        category, mode = "DISAPPROVE", None
    confidence = base * (CHAIN_FACTOR ** steps)
    if not _requirement(frame, category, objects):
        confidence *= MISSING_EVIDENCE
        rule += "; weak arguments"
    if confidence < EVIDENCE_THRESHOLD:
        return None
    mode_confidence = None
    if mode is not None:
        mode_confidence = round(min(confidence, 0.7), 3)
    return Reading(category, mode, round(confidence, 3), rule, mode_confidence)
