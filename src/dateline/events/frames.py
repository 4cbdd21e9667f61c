"""Predicate-argument frames from the dependency parse: who did what to whom.

A frame is one candidate event of a sentence.  Its **predicate** is the word
that names what happened: a verb (``attacked``, ``called off``), or a noun
(``the recapture of mosul by iraqi forces``, ``threats against japan``, ``an
air strike on ...``).  Around it the parse gives:

* a **chain** of governing verbs read as one event with it: verbs that fix
  the category (``threatened to``, ``urged X to``, ``refused to``, ``agreed
  to``), verbs of intent (``plans to``, ``is prepared to``: a future event),
  verbs that pass it through (``continued to fight``, ``launched an attack``,
  ``held talks``), and verbs that undo it (``lifted the curfew``, ``suspended
  talks``).  Verbs of saying are not events; what they report is;
* the **source**: the subject of the outermost verb (in the passive, the
  ``by`` phrase), shared along ``and`` and into complements (``X agreed to
  release``); a noun's possessor, its demonym or name modifier (``north
  korean threats``, ``Israel's attack``) or ``by`` phrase; relative pronouns
  and pronouns resolved by :mod:`dateline.events.actors`;
* the **targets**: the object (passive: the subject), the ``against / on /
  at / with / to`` phrase, for a noun its ``of`` phrase (``the recapture of
  mosul``), and for category-fixing verbs the one urged, accused or
  threatened, or the subject of the demanded clause (``demanded that Israel
  ease``);
* the **objects** that are not actors (``troops``, ``relations``, ``aid``),
  which the classifier reads, and the **instrument** (``killed ... in an air
  strike``).

A candidate with no source is not an event (PLOVER codes no event without an
actor): imperatives, passives without agent and rhetoric yield nothing.  Two
actors are inferred, never named, and marked so with a low confidence:
unidentified attackers of violence named with its means (``via: unknown``),
and the authorities of the place a passive act of the state happened in
(``was arrested in Lebanon``: ``via: authorities``).

Subjects the parser hides are recovered: a fronted phrase that swallowed them
(``With ..., the government and the rebels agreed``), a root left without a
verb (``Doctors from X donated ...``), an inverted clause of saying (``...,
a rights group protested``), a passive's ``by`` phrase set off at the end of
the sentence, and the patient of a passive an active verb is joined to.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy import symbols as spacy_symbols
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from dateline.events.actors import ActorCoder, ActorDraft, iso3
from dateline.events.lexicon import (
    ANNOUNCING,
    ASPECTUAL,
    CARRIER_NOUNS,
    COMPOUND_NOUNS,
    CONDITIONAL_MARKS,
    INTENT,
    LIGHT,
    MEANS_NOUNS,
    NOUNS,
    OF_NAME_HEADS,
    PHRASAL,
    READY_ADJECTIVES,
    REPORT,
    REVERSERS,
    TERRITORY_NOUNS,
    UNDERGO,
    VERBS,
    WORK_NOUNS,
    WRAPPERS,
)
from dateline.events.tokens import kids, lefts, memo, rights

#: Dependencies of a complement clause or event object under a chain verb.
CLAUSE_COMPLEMENTS = ("xcomp", "ccomp")
#: Prepositions that introduce a wrapper's content: call for, agree to/on, accuse of, threaten with.
CONTENT_PREPS = frozenset({"for", "on", "to", "with", "of", "upon", "in"})
#: Prepositions whose object is a target when it is an actor.
TARGET_PREPS = frozenset({"against", "on", "at", "with", "to", "into", "upon", "toward", "towards",
                          "from", "onto", "over", "between"})
#: Verbs whose object is what they move, not whom the event is directed at (withdrew inspectors from X).
THEME_VERBS = frozenset({"withdraw", "pull", "recall", "send", "deploy", "dispatch", "evacuate", "mobilize",
                         "mobilise", "station", "mass", "amass", "return", "repatriate", "hand", "deliver",
                         "provide", "supply", "donate", "offer", "give", "grant", "move", "transfer"})
#: Verbs whose passive subject is the one who acts: guerrillas were demobilized (they disarmed), the
#: government is committed to talks (it pledges them).
SELF_DIRECTED = frozenset({"demobilize", "demobilise", "disarm", "disband", "evacuate", "withdraw", "pull",
                           "commit", "dedicate"})
#: Verbs only a state's organs do: passive and without an agent, they were done by the authorities of
#: the place they happened in (``was arrested in Lebanon``).  Violence is not here: who killed is unknown.
AUTHORITY_VERBS = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "convict", "indict", "deport",
                             "expel", "fine", "outlaw", "censor", "extradite"})
#: Dependencies of a phrase inside its clause, up to the clause's verb.
CLAUSE_PHRASES = frozenset({"pcomp", "pobj", "prep", "advcl", "xcomp", "conj", "acl"})
#: Nouns of holding someone: violence to a person in someone's custody is the custodian's.
CUSTODY_NOUNS = frozenset({"custody", "detention"})
#: Confidence of a custodian taken for the perpetrator: the text names them, not as the one who acted.
CUSTODIAN_CONFIDENCE = 0.45
#: Confidence of the authorities inferred for such a passive: lower than any actor the text names.
INFERRED_AUTHORITY_CONFIDENCE = 0.3
#: Categories of nouns whose ``from`` phrase is who acts: demands from X, an offer from Y.
FROM_SOURCE = frozenset({"DEMAND", "THREATEN", "AGREE", "SUPPORT", "AID", "DISAPPROVE", "REJECT", "CONSULT"})
#: Prepositions whose object is the means of a violent event: killed ... in an air strike.
INSTRUMENT_PREPS = frozenset({"in", "during", "with", "by", "through"})
#: Verbs whose object is the subject of their complement: X urged Y to ..., X allowed Y to ...
OBJECT_CONTROL = frozenset({"urge", "ask", "order", "press", "persuade", "force", "help", "allow",
                            "invite", "call", "exhort", "encourage", "tell", "warn", "implore", "beg"})
#: Nouns whose ``of`` phrase is who acts (the withdrawal of troops), not whom it is done to.
OF_IS_SOURCE = frozenset({"withdrawal", "retreat", "pullout", "visit", "resignation", "protest",
                          "demonstration", "march", "rally", "strike", "surrender", "deployment",
                          "mobilization", "mobilisation", "buildup", "build-up", "arrival", "offensive",
                          "advance", "threat", "demand", "appeal", "support", "cooperation", "riot",
                          "meeting", "talks", "fighting", "exercise", "exercises"})
#: Modal and auxiliary words that put an event in the future.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo"})
#: Modals that make a reported clause a demand: X said Y must ...
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
#: Nouns that hold a content clause or phrase the way wrapper verbs do (a demand that ...).
NOUN_WRAPPERS = frozenset({"demand", "call", "appeal", "request", "plea", "reminder", "threat",
                           "warning", "ultimatum", "promise", "pledge", "offer", "plan", "decision",
                           "proposal", "refusal", "order", "agreement", "deal", "accord"})


@dataclass
class Frame:
    """One candidate event: predicate, chain, arguments."""

    predicate: Token
    top: Token
    sentence: int
    trigger: list[int] = field(default_factory=list)
    nominal: bool = False
    wrapper: Token | None = None
    content: Token | None = None
    light: Token | None = None
    reverser: Token | None = None
    intent: Token | None = None
    ready: bool = False
    negated: bool = False
    future: bool = False
    obligation: bool = False
    report: Token | None = None
    announced: bool = False
    undergone: bool = False
    sources: list[ActorDraft] = field(default_factory=list)
    source_via: str = ""
    targets: list[ActorDraft] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    content_objects: list[Token] = field(default_factory=list)
    instrument: Token | None = None
    content_sources: list[ActorDraft] = field(default_factory=list)
    depth: int = 0
    #: A resolved place is named in the event's clause (a recipient for aid sent there).
    located: bool = False

    @property
    def clause(self) -> Token:
        """The token whose clause holds the event (for place, time and certainty)."""
        return self.top


#: Every lemma the lists know, for repairing the lemmatizer's misses (``staged`` -> ``stag``).
KNOWN_LEMMAS = frozenset(VERBS) | frozenset(NOUNS) | LIGHT | WRAPPERS | INTENT | ASPECTUAL | REVERSERS \
    | REPORT | UNDERGO | frozenset(k for k, _ in PHRASAL)


#: Lemmas of the words that name events (listed verbs and nouns, the heads of listed two-word names,
#: carrier nouns): a frame is found from one of them, walking up to the verb that governs it.
RELEVANT_LEMMAS = frozenset(VERBS) | frozenset(NOUNS) | frozenset(k for k, _ in PHRASAL) \
    | frozenset(b for _, b in COMPOUND_NOUNS) | CARRIER_NOUNS | frozenset(NOUN_WRAPPERS) | OF_NAME_HEADS
_MISSING = object()


#: Parts of speech that can start a frame.
FRAME_POS = frozenset({VERB, NOUN, PROPN, AUX, ADJ})
_FRAME_POS_ARRAY = sorted(FRAME_POS)
_ACOMP = spacy_symbols.acomp


def candidate_tokens(doc: Doc) -> list[int]:
    """Indices of the words that can start a frame: a part of speech that can, and a listed lemma
    or a form of one (most words are neither; they are skipped in numpy, without building spaCy
    tokens).  A form of ``be`` counts only with an adjective of readiness (``is prepared to``)."""
    if not len(doc):
        return []
    import numpy

    lemmas, surfaces, ready, be = _candidate_hashes()
    table = doc.to_array(["LEMMA", "LOWER", "POS", "DEP", "HEAD"])
    pos = numpy.isin(table[:, 2], _FRAME_POS_ARRAY)
    listed = _member(table[:, 0], lemmas) | _member(table[:, 1], surfaces)
    found = numpy.nonzero(pos & listed)[0].tolist()
    copulas = numpy.nonzero(pos & (table[:, 0] == be))[0]
    if len(copulas):
        acomp = numpy.nonzero((table[:, 3] == _ACOMP) & _member(table[:, 1], ready))[0]
        heads = set((acomp + table[acomp, 4].astype(numpy.int64)).tolist())
        found = sorted(set(found) | {i for i in copulas.tolist() if i in heads})
    return found


def _member(values: object, table: object) -> object:
    """``values`` found in the sorted array ``table`` (a binary search each)."""
    import numpy

    where = numpy.searchsorted(table, values)  # type: ignore[call-overload]
    where[where >= len(table)] = 0  # type: ignore[arg-type]
    return table[where] == values  # type: ignore[index]


def _inflections(word: str) -> list[str]:
    """Plain inflected forms of a lemma, for words the lemmatizer gets wrong (``staged`` -> ``stag``)."""
    forms = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing"]
    if word.endswith("e"):
        forms.append(word[:-1] + "ing")
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    return forms


@lru_cache(maxsize=1)
def _candidate_hashes() -> tuple[object, object, object, int]:
    """Hashes of the candidate lemmas, of their surface forms (re- forms included), of the readiness
    adjectives, and of ``be``."""
    import numpy
    from spacy.strings import hash_string

    surfaces = set(NOUNS)
    for lemma in RELEVANT_LEMMAS:
        for form in _inflections(lemma):
            surfaces.update((form, "re" + form, "re-" + form))

    def hashes(words: object) -> object:
        return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")  # type: ignore[attr-defined]

    return hashes(RELEVANT_LEMMAS), hashes(surfaces), hashes(READY_ADJECTIVES), hash_string("be")


def _known(word: str) -> bool:
    return word in KNOWN_LEMMAS


def lemma_key(token: Token) -> str:
    """Lowercase lemma as the lists know it (see :func:`_lemma_key`)."""
    return memo(token, "lemma", _token_lemma_key)


def _token_lemma_key(token: Token) -> str:
    """Lowercase lemma as the lists know it.

    When the lemmatizer's lemma is unknown, the surface form and its plain
    de-inflections are tried (``staged`` -> ``stage``), then a ``re-`` prefix is
    dropped (``reimposed`` -> ``impose``).
    """
    return _lemma_key(token.lemma_.lower(), token.lower_)


@lru_cache(maxsize=4096)
def _lemma_key(lemma: str, lower: str) -> str:
    if _known(lemma):
        return lemma
    candidates = [lower]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                                ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            candidates.append(lower[: -len(suffix)] + replacement)
    for word in candidates:
        if _known(word):
            return word
    for word in [lemma, *candidates]:
        for prefix in ("re-", "re"):
            if word.startswith(prefix) and len(word) > len(prefix) + 3 and _known(word[len(prefix):]):
                return word[len(prefix):]
    return lemma


def particle(token: Token) -> str | None:
    return memo(token, "particle", _particle)


def _particle(token: Token) -> str | None:
    for child in kids(token):
        if child.dep_ == "prt":
            return child.lower_
    return None


def noun_entry(token: Token) -> tuple[str, str | None] | None:
    """Category entry of an event noun (two-word names first: air strike, hunger strike)."""
    return memo(token, "noun", _noun_entry)


def _noun_entry(token: Token) -> tuple[str, str | None] | None:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    key = lemma_key(token)
    for child in lefts(token):
        if child.dep_ in ("compound", "amod", "nmod"):
            pair = (child.lower_, key)
            if pair in COMPOUND_NOUNS:
                return COMPOUND_NOUNS[pair]
            pair = (child.lemma_.lower(), key)
            if pair in COMPOUND_NOUNS:
                return COMPOUND_NOUNS[pair]
    for child in rights(token):  # "a state of emergency"
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
            if pobj is not None and (key, pobj.lemma_.lower()) in COMPOUND_NOUNS:
                return COMPOUND_NOUNS[(key, pobj.lemma_.lower())]
    if token.lower_ in NOUNS:
        return NOUNS[token.lower_]
    if key in NOUNS:
        return NOUNS[key]
    if key in CARRIER_NOUNS or token.lower_ in CARRIER_NOUNS:
        # "aid deliveries", "a mediation mission", "ten days of war games": the modifier names the event
        for child in kids(token):
            if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i:
                entry = NOUNS.get(child.lemma_.lower()) or NOUNS.get(child.lower_)
                if entry is not None:
                    return entry
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.i != token.i:
                    inner = noun_entry(pobj)
                    if inner is not None:
                        return inner
    return None


def is_event_noun(token: Token) -> bool:
    return noun_entry(token) is not None


def verb_entry(token: Token) -> tuple[str, str | None] | None:
    """Category entry of a verb, phrasal verbs first."""
    key = lemma_key(token)
    prt = particle(token)
    if prt is not None and (key, prt) in PHRASAL:
        return PHRASAL[(key, prt)]
    return VERBS.get(key)


def same(a: Token | None, b: Token | None) -> bool:
    """Are two tokens the same word? (spaCy makes a new Token object on every access.)"""
    return a is not None and b is not None and a.i == b.i


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.lower_ in READY_ADJECTIVES)


class FrameFinder:
    """Finds the frames of one article's sentences."""

    def __init__(self, doc: Doc, coder: ActorCoder, dateline_tokens: frozenset[int] = frozenset()):
        self.doc = doc
        self.coder = coder
        #: Tokens of the article's dateline (``KHARTOUM (Reuters) -``): never an actor.
        self.dateline_tokens = dateline_tokens
        self._roles: dict[int, str | None] = {}
        self.candidates = candidate_tokens(doc)

    # -- the chain --

    def complement(self, verb: Token) -> Token | None:
        """The clause or event noun a chain verb governs (object, to-infinitive, that-clause, for-phrase).

        An event noun object comes first: in ``rejected calls by X to adopt ...``
        the infinitive belongs to the calls, whatever the parser attached it to.
        """
        for child in kids(verb):
            if child.dep_ in ("dobj", "attr", "nsubjpass") and is_event_noun(child):
                return child
        for child in kids(verb):
            if child.dep_ in CLAUSE_COMPLEMENTS and is_verbal(child):
                return child
        if lemma_key(verb) in WRAPPERS | INTENT:  # "sworn to fight" parsed as a purpose clause
            for child in kids(verb):
                if child.dep_ == "advcl" and is_verbal(child) and any(
                        g.dep_ == "aux" and g.lower_ == "to" for g in kids(child)):
                    return child
        for child in kids(verb):
            if child.dep_ in ("prep", "agent") and child.lower_ in CONTENT_PREPS:
                for grand in kids(child):
                    if grand.dep_ == "pobj" and is_event_noun(grand):
                        return grand
                    if grand.dep_ == "pcomp" and is_verbal(grand):
                        return grand
        for child in kids(verb):  # "is prepared to impose": the readiness adjective
            if child.dep_ == "acomp" and child.lower_ in READY_ADJECTIVES:
                inner = next((g for g in kids(child) if g.dep_ == "xcomp"), None)
                if inner is not None:
                    return child
        return None

    def noun_complement(self, noun: Token) -> Token | None:
        """The content of a wrapper noun: a demand that ..., a threat to ..., a call for ..."""
        for child in kids(noun):
            if child.dep_ in ("acl", "ccomp", "relcl") and is_verbal(child) and any(
                    g.dep_ == "mark" or (g.dep_ == "aux" and g.lower_ == "to") for g in kids(child)):
                return child
        if noun.dep_ == "dobj":  # "reiterated its demand that Israel ease ...": the clause hangs on the verb
            for child in kids(noun.head):
                if child.dep_ == "ccomp" and child.i > noun.i and is_verbal(child):
                    return child
        for child in kids(noun):
            if child.dep_ == "prep" and child.lower_ in ("for", "to", "of", "on"):
                for grand in kids(child):
                    if grand.dep_ == "pobj" and is_event_noun(grand):
                        return grand
                    if grand.dep_ == "pcomp" and is_verbal(grand):
                        return grand
        return None

    def role(self, token: Token) -> str | None:
        """How a token acts in a chain: wrapper, intent, ready, aspect, reverse, light, report."""
        cached = self._roles.get(token.i, _MISSING)
        if cached is not _MISSING:
            return cached
        role = self._role(token)
        self._roles[token.i] = role
        return role

    def _role(self, token: Token) -> str | None:
        key = lemma_key(token)
        prt = particle(token)
        if token.pos_ in ("NOUN", "PROPN"):
            return "nounwrap" if key in NOUN_WRAPPERS else None
        if prt is not None and (key, prt) in PHRASAL:
            return None
        if key == "order":  # ordered X to ...: a demand; ordered an inquiry: the inquiry
            has_object = any(c.dep_ == "dobj" and self.coder.is_actor(c) for c in kids(token))
            if has_object and any(c.dep_ == "xcomp" for c in kids(token)):
                return "wrapper"
            return "aspect"
        if key in ("push", "press") and any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(token)):
            return "wrapper"  # pressed for talks
        if key == "call":
            if prt in ("off",):
                return "reverse"
            if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in kids(token)):
                return "wrapper"
            if any(c.dep_ == "xcomp" for c in kids(token)):
                return "wrapper"
            return "light"
        if token.lower_ in READY_ADJECTIVES and token.pos_ in ("ADJ", "VERB"):
            if any(c.dep_ == "xcomp" for c in kids(token)):
                return "ready"
        if key in WRAPPERS:
            return "wrapper"
        if key in INTENT and key not in REPORT:
            return "intent"
        if key in REVERSERS:
            return "reverse"
        if key in UNDERGO:
            return "undergo"
        if key in ASPECTUAL:
            return "aspect"
        if key in REPORT:
            return "report"
        if key in LIGHT:
            return "light"
        if key == "be" and any(c.dep_ == "acomp" and c.lower_ in READY_ADJECTIVES for c in kids(token)):
            return "ready"
        return None

    def governor(self, token: Token) -> Token | None:
        """The chain word that absorbs ``token`` into its own frame, if any."""
        head = token.head
        if head.i == token.i:
            return None
        dep = token.dep_
        if dep in ("prep", "agent") or dep == "punct":
            return None
        via_prep = None
        if dep in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
            via_prep = head
            head = head.head
            if via_prep.lower_ not in CONTENT_PREPS:
                return None
        role = self.role(head)
        if role is None:
            return None
        if role == "report":
            if dep in ("dobj",) and is_event_noun(token) and lemma_key(head) in ANNOUNCING:
                return head  # announced sanctions, declared a ceasefire, issued a warning
            if dep == "ccomp":  # the content of a demand the verb reports: "reiterated its demand that ..."
                noun = next((c for c in kids(head) if c.dep_ == "dobj" and lemma_key(c) in NOUN_WRAPPERS), None)
                if noun is not None and same(self.noun_complement(noun), token):
                    return noun
            return None
        if role == "nounwrap":
            if dep in ("acl", "ccomp", "relcl") or via_prep is not None:
                return head if same(self.noun_complement(head), token) else None
            return None
        if same(self.complement(head), token):
            return head
        if role == "ready" and dep == "xcomp":
            return head
        return None

    # -- building frames --

    def frames(self, sent_index: int, start: int, end: int) -> list[Frame]:
        """Candidate frames of the sentence ``doc[start:end]``."""
        out: list[Frame] = []
        doc = self.doc
        tops: set[int] = set()
        for i in self.candidates[bisect_left(self.candidates, start) : bisect_left(self.candidates, end)]:
            token = doc[i]
            if token.dep_ in ("amod", "compound") and token.pos_ in ("VERB", "ADJ"):
                continue  # "attacking drones", "the planned visit"
            if token.pos_ in ("NOUN", "PROPN") and noun_entry(token) is None and lemma_key(token) not in NOUN_WRAPPERS:
                continue  # a carrier noun without an event in it ("the first day"), a noun in a compound
            for _ in range(6):  # up the chain: the content of a demand, the noun of a light verb, ...
                governor = self.governor(token)
                if governor is None:
                    break
                token = governor
            if token.i in tops:
                continue
            tops.add(token.i)
            if token.dep_ in ("amod", "compound") and token.pos_ in ("VERB", "ADJ"):
                continue
            if infinitive(token):
                continue  # "it could take years to capture him": no event happened
            if conditional(token):
                continue  # "unless the president agrees": hypothetical
            role = self.role(token)
            complement = self.complement(token) if role == "report" else None
            if role == "report" and (complement is None or complement.pos_ not in ("NOUN", "PROPN")):
                continue
            frame = self.build(token, sent_index)
            if frame is not None:
                out.append(frame)
        return out

    def build(self, top: Token, sent_index: int) -> Frame | None:
        """Walk down the chain from ``top`` to the predicate and collect the arguments."""
        frame = Frame(predicate=top, top=top, sentence=sent_index)
        node = top
        for _ in range(6):
            role = self.role(node)
            if role == "report":
                comp = self.complement(node)
                if comp is None or comp.pos_ not in ("NOUN", "PROPN") or lemma_key(node) not in ANNOUNCING:
                    return None
                frame.announced = True
                frame.light = node
                node = comp
                continue
            if role == "wrapper" and frame.wrapper is None:
                frame.wrapper = node
                comp = self.complement(node)
                if comp is None:
                    break
                frame.content = comp
                node = comp
                continue
            if role == "nounwrap" and (same(node, top) or frame.light is not None) and frame.wrapper is None \
                    and is_event_noun(node):
                comp = self.noun_complement(node)
                if comp is not None:
                    frame.wrapper = node
                    node = comp
                    continue
                break
            if role in ("intent", "ready"):
                comp = self.complement(node) if role == "intent" or node.lemma_ == "be" else next(
                    (c for c in kids(node) if c.dep_ == "xcomp"), None)
                if comp is None:
                    break
                if role == "ready" and comp.lower_ in READY_ADJECTIVES:  # "is prepared": go to the adjective
                    frame.ready = True
                    node = comp
                    continue
                frame.intent = frame.intent or node
                frame.ready = frame.ready or role == "ready"
                node = comp
                continue
            if role == "aspect":
                comp = self.complement(node)
                if comp is None:
                    break
                if comp.pos_ in ("NOUN", "PROPN"):
                    frame.light = frame.light or node
                node = comp
                continue
            if role == "undergo":
                comp = self.complement(node)
                if comp is None or comp.pos_ not in ("NOUN", "PROPN"):
                    return None
                frame.undergone = True
                frame.light = node
                node = comp
                continue
            if role == "reverse":
                if any(c.dep_ == "dobj" and c.lower_ in WORK_NOUNS for c in kids(node)):
                    break  # "stopped work": a strike, not a reversal
                comp = self.complement(node)
                if comp is None or (verb_entry(node) is not None and comp.pos_ not in ("NOUN", "PROPN")):
                    break
                frame.reverser = node
                node = comp
                continue
            if role == "light":
                comp = self.complement(node)
                if comp is None or comp.pos_ not in ("NOUN", "PROPN"):
                    break
                frame.light = node
                node = comp
                continue
            break
        frame.predicate = node
        frame.nominal = node.pos_ in ("NOUN", "PROPN")
        has_entry = (noun_entry(node) if frame.nominal else verb_entry(node)) is not None
        if not has_entry and frame.wrapper is None:
            return None
        self._trigger(frame)
        self._flags(frame)
        self._arguments(frame)
        if not frame.sources:
            return None
        frame.depth = self._depth(top)
        scope = top.head if top.pos_ in ("NOUN", "PROPN") and top.dep_ in ("nsubj", "nsubjpass", "dobj") else top
        place_at = self.coder.index.place_at  # a subtree of the projective parse is a contiguous range
        entity_at = self.coder.index.entity_at  # a place the places layer left unresolved still counts
        frame.located = any(i in place_at or i in entity_at and entity_at[i].type.value == "LOC"
                            for i in range(scope.left_edge.i, scope.right_edge.i + 1))
        return frame

    # -- details --

    def _trigger(self, frame: Frame) -> None:
        words = []
        for token in (frame.wrapper, frame.intent, frame.reverser, frame.light, frame.predicate):
            if token is not None and token.i not in words:
                words.append(token.i)
        predicate = frame.predicate
        prt = next((c for c in kids(predicate) if c.dep_ == "prt"), None)
        if prt is not None:
            words.append(prt.i)
        if frame.nominal:
            for child in lefts(predicate):
                if child.dep_ in ("compound", "amod") and (child.lower_, lemma_key(predicate)) in COMPOUND_NOUNS:
                    words.append(child.i)
        frame.trigger = sorted(words)

    def _flags(self, frame: Frame) -> None:
        chain = [t for t in (frame.top, frame.wrapper, frame.intent, frame.reverser, frame.light,
                             frame.predicate) if t is not None]
        for token in chain:
            for child in kids(token):
                if child.dep_ == "neg" or child.lower_ in ("never",):
                    frame.negated = True
                if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                    frame.future = True
                if child.dep_ == "aux" and child.lower_ in OBLIGATION_AUX:
                    frame.obligation = True
            if token.dep_ == "xcomp" and token.head.lemma_.lower() == "fail":
                frame.negated = True
        predicate = frame.predicate
        if frame.nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in kids(predicate)):
            frame.negated = True
        # "going to attack"
        top = frame.top
        if top.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in kids(top)):
            frame.future = True
        report = top.head if top.dep_ == "ccomp" else None
        if report is not None and self.role(report) == "report":
            frame.report = report
            if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in kids(top)):
                frame.obligation = True

    def _subject(self, verb: Token, depth: int = 0) -> tuple[list[Token], str]:
        """Subject heads of a verb and how they were found; passives give their agent."""
        if depth > 4:
            return [], ""
        subject = next((c for c in kids(verb) if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None and subject.i in self.dateline_tokens:
            subject = self._past_dateline(subject)
            if subject is None:
                return [], ""
        if subject is not None:
            if imperative(verb, subject):
                return [], ""  # "o brothers of the movement, rise up": addressed, not acting
            return self._coordinated_modifiers(subject) + self.coder.conjuncts(subject), "subject"
        agent = next((c for c in kids(verb) if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in kids(agent) if g.dep_ == "pobj"), None)
            if pobj is not None:
                return self.coder.conjuncts(pobj), "agent"
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(verb)):
            patient = next((c for c in kids(verb) if c.dep_ == "nsubjpass"), None)
            if patient is not None and lemma_key(verb) in SELF_DIRECTED:
                return self.coder.conjuncts(patient), "patient"  # "guerrillas have been demobilized"
            late = self._late_agent(verb)
            if late:
                return late, "agent"
            return [], ""
        recovered = self._fronted_subject(verb) or self._stranded_subject(verb)
        if recovered:
            inverted = verb.dep_ in ("acl", "relcl") and same(recovered[0], verb.head) and verb.head.dep_ == "appos"
            return recovered, "inverted" if inverted else "subject"
        head = verb.head
        if head.i == verb.i:
            return [], ""
        if verb.dep_ == "conj" and is_verbal(head) and not any(c.dep_ == "nsubj" for c in kids(head)) \
                and any(c.dep_ == "auxpass" for c in kids(head)):
            # "X has been indicted ... and will resign": the active verb's subject is the passive's patient
            patient = next((c for c in kids(head) if c.dep_ == "nsubjpass"), None)
            if patient is not None and not any(c.dep_ == "auxpass" for c in kids(verb)):
                return self.coder.conjuncts(patient), "subject"
        if verb.dep_ == "xcomp":
            if lemma_key(head) in OBJECT_CONTROL:
                obj = next((c for c in kids(head) if c.dep_ == "dobj"), None)
                if obj is not None:
                    return self.coder.conjuncts(obj), "controlled"
            if head.lower_ in READY_ADJECTIVES and head.head.i != head.i:
                return self._subject(head.head, depth + 1)
            return self._subject(head, depth + 1)
        if verb.dep_ == "conj" and is_verbal(head):
            return self._subject(head, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return self._subject(head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "acomp":
            return self._subject(head.head.head, depth + 1)  # "X are guilty of violating ..."
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB",):
            governor = head.head
            if head.lower_ in ("of", "for") and any(c.dep_ == "dobj" for c in kids(governor)):
                return [next(c for c in kids(governor) if c.dep_ == "dobj")], "controlled"
            return self._subject(governor, depth + 1)
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            return [head], "modified"
        if verb.dep_ == "acomp" and head.i != verb.i:
            return self._subject(head, depth + 1)
        return [], ""

    def _past_dateline(self, subject: Token) -> Token | None:
        """The real subject where the parser took the dateline's place for it.

        ``KHARTOUM (Reuters) - Sudan's army ... agreed``: the parse makes the
        city the subject and the army its apposition.
        """
        return next((c for c in kids(subject) if c.dep_ == "appos" and c.i not in self.dateline_tokens), None)

    def _coordinated_modifiers(self, subject: Token) -> list[Token]:
        """Actors joined by ``and`` that the parser hung on the last one as a modifier: ``the
        government and SPLM/A agreed`` read as ``A`` modified by ``government and SPLM``.  A word
        joined to the head by a slash belongs to the head's name."""
        found: list[Token] = []
        for child in lefts(subject):
            if child.dep_ in ("nmod", "compound") and child.pos_ in ("NOUN", "PROPN") and any(
                    g.dep_ == "cc" and g.lower_ in ("and", "or") for g in kids(child)) and self.coder.is_actor(child):
                found += [t for t in self.coder.conjuncts(child)
                          if not (t.i + 1 < len(self.doc) and self.doc[t.i + 1].text == "/")]
        return found

    def _late_agent(self, verb: Token) -> list[Token]:
        """The ``by`` phrase of a passive set off by a comma at the end of its sentence, hung by the
        parser on another verb: ``X was charged with taking bribes, most of them said to
        have been paid abroad, by anti-graft investigators``.  The phrase must close the sentence, and the verb
        it hangs on must be inside the passive's clause or an active verb above it (a passive verb's
        own ``by`` phrase is its own agent)."""
        sentence = verb.sent
        last = max((t.i for t in sentence if not t.is_punct and not t.is_space), default=verb.i)
        for token in self.doc[verb.i + 1 : last + 1]:
            if token.lower_ != "by" or token.dep_ not in ("agent", "prep") or token.head.i == verb.i:
                continue
            if self.doc[token.i - 1].text != ",":
                continue
            pobj = next((g for g in kids(token) if g.dep_ == "pobj"), None)
            if pobj is None or pobj.right_edge.i != last or not self.coder.is_actor(pobj):
                continue
            holder = token.head
            inside = verb.left_edge.i <= holder.i <= verb.right_edge.i
            above = any(a.i == holder.i for a in verb.ancestors) and not any(
                c.dep_ == "auxpass" for c in kids(holder))
            if inside or above:
                return self.coder.conjuncts(pobj)
        return []

    def _fronted_subject(self, verb: Token) -> list[Token]:
        """The subject a fronted phrase swallowed: ``With the signing of X, the government and the
        rebels have agreed ...`` parsed with the actors joined to X by ``and``.  The verb must be
        finite (an imperative has no subject to recover); the actors stand between the phrase's last
        comma and the verb."""
        if not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ != "to" for c in kids(verb))):
            return []
        fronted = next((c for c in kids(verb) if c.dep_ == "prep" and c.i < verb.i), None)
        if fronted is None:
            return []
        comma = max((t.i for t in self.doc[fronted.i : verb.i] if t.text == ","), default=None)
        if comma is None or any(t.dep_ in ("nsubj", "nsubjpass") for t in kids(verb)):
            return []
        for token in self.doc[comma + 1 : verb.i]:
            if token.dep_ in ("conj", "appos") and token.head.i < comma and token.head.i >= fronted.i \
                    and token.pos_ in ("NOUN", "PROPN") and self.coder.is_actor(token):
                return self.coder.conjuncts(token)
        return []

    def _stranded_subject(self, verb: Token) -> list[Token]:
        """A subject the parser made the head of its own verb.

        * a sentence with no verb at its root: ``Doctors from X donated and delivered ...`` read as a
          noun modified by ``donated``: the root noun is the subject of the finite verb;
        * a clause of saying after the content, inverted by the parser: ``..., a rights group
          protested on Wednesday.`` read as ``group`` modified by ``protested``.
        """
        if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBD", "VBN") or any(
                c.dep_ in ("auxpass", "agent", "dobj", "nsubj", "nsubjpass") for c in kids(verb)
        ) and not any(c.dep_ == "conj" and c.tag_ == "VBD" for c in kids(verb)):
            return []
        head = verb.head
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        root = head
        while root.head.i != root.i:
            root = root.head
        if root.pos_ in ("NOUN", "PROPN") and verb.i > root.i and any(
                c.tag_ == "VBD" for c in [verb, *kids(verb)] if c.i == verb.i or c.dep_ == "conj") \
                and self.coder.is_actor(root):
            return self.coder.conjuncts(root)
        if head.dep_ == "appos" and head.left_edge.i > 0 and self.doc[head.left_edge.i - 1].text == "," \
                and verb.i == head.i + 1 \
                and all(t.is_punct or t.dep_ in ("advmod", "npadvmod", "prep", "pobj", "det", "compound")
                        for t in self.doc[verb.i + 1 : verb.right_edge.i + 1]) \
                and verb.right_edge.i + 1 < len(self.doc) and self.doc[verb.right_edge.i + 1].is_punct \
                and self.coder.is_actor(head):
            return [head]
        return []

    def _noun_sources(self, noun: Token) -> list[Token]:
        """Who does what a noun names: possessor, demonym or name modifier, ``by`` or ``of`` phrase."""
        found: list[Token] = []
        for child in kids(noun):
            possessor = child.dep_ == "poss" and (
                child.lower_ not in ("its", "their", "his", "her") or self.coder.is_actor(child))
            modifier = child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and self._modifier_actor(child)
            if possessor or modifier:
                found.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and self.coder.is_actor(pobj):
                    found.extend(self.coder.conjuncts(pobj))
            elif child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None:
                    found.extend(t for t in self.coder.conjuncts(pobj) if self.coder.is_actor(t))
            elif child.dep_ == "prep" and (
                    child.lower_ == "from" and (noun_entry(noun) or ("", None))[0] in FROM_SOURCE
                    or child.lower_ == "of" and lemma_key(noun) in OF_IS_SOURCE):
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and self.coder.is_actor(pobj):
                    found.extend(self.coder.conjuncts(pobj))
        if not any(t.i > noun.i for t in found):
            # a "by" phrase right after the noun, attached higher by the parser ("... of mosul by iraqi forces")
            after = max([noun.i] + [t.right_edge.i for t in rights(noun) if t.dep_ not in ("conj", "cc")]) + 1
            if after < len(self.doc):
                by = self.doc[after]
                if by.lower_ == "by" and by.dep_ in ("prep", "agent") and by.head.pos_ in ("NOUN", "PROPN") \
                        and noun.i in {t.i for t in by.head.subtree}:
                    pobj = next((g for g in kids(by) if g.dep_ == "pobj"), None)
                    if pobj is not None and self.coder.is_actor(pobj):
                        found.extend(self.coder.conjuncts(pobj))
        return found

    def _modifier_actor(self, token: Token) -> bool:
        """Is a modifier of an event noun its actor (``north korean`` threats, ``israeli`` attack)?"""
        if token.lower_ in ("air", "missile", "drone", "suicide", "car", "hunger", "general", "peace"):
            return False
        entity = self.coder.index.entity_at.get(token.i)
        if entity is not None and entity.type.value in ("ORG", "LOC", "NORP", "PERSON"):
            return True
        return self.coder.demonym_country(token) is not None

    def _targets_of(self, token: Token, exclude: set[int]) -> tuple[list[Token], list[Token]]:
        """(actor targets, other objects) of a verb or noun.

        The object (passive: the subject) and the ``against / on / at / with / to``
        phrase are targets when they are actors; other nouns are objects, and the
        actors inside them count (``relations with Russia``, ``a demonstration by
        students``, ``an Australian ultimatum``).  What verbs of moving move
        (``withdrew inspectors``, ``sent troops``) is an object, not a target.
        """
        targets: list[Token] = []
        objects: list[Token] = []
        nominal = token.pos_ in ("NOUN", "PROPN")
        key = lemma_key(token)
        theme = not nominal and key in THEME_VERBS

        def add(noun: Token, as_object: bool) -> None:
            if self.coder.is_actor(noun) and not (theme and as_object):
                targets.append(noun)
                if noun.pos_ == "NOUN":
                    objects.append(noun)  # its word still tells the sense: troops, diplomats
            elif noun.pos_ in ("NOUN", "PROPN", "NUM"):
                objects.append(noun)
                self._inner_actors(noun, targets, objects, exclude)

        for child in kids(token):
            if child.i in exclude:
                continue
            if not nominal and child.dep_ in ("dobj", "nsubjpass", "iobj", "oprd"):
                for conj in self.coder.conjuncts(child):
                    add(conj, True)
            elif child.dep_ in ("prep", "dative") and (child.lower_ in TARGET_PREPS or (
                    nominal and child.lower_ == "of" and key not in OF_IS_SOURCE)):
                for grand in kids(child):
                    if grand.dep_ == "pobj":
                        for conj in self.coder.conjuncts(grand):
                            add(conj, False)
            elif child.dep_ == "prep":
                # another event named in a phrase: "for a possible war against Iraq", "over Israeli raids"
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and is_event_noun(pobj) and pobj.i not in exclude:
                    self._inner_actors(pobj, targets, objects, exclude)
        return targets, objects

    def _inner_actors(self, noun: Token, targets: list[Token], objects: list[Token], exclude: set[int]) -> None:
        """Actors inside a noun argument: its preposition phrases and its name or demonym modifiers."""
        for sub in kids(noun):
            if sub.i in exclude:
                continue
            if sub.dep_ == "prep" and sub.lower_ in TARGET_PREPS | {"of", "by", "between"}:
                for grand in kids(sub):
                    if grand.dep_ != "pobj" or grand.i in exclude:
                        continue
                    for conj in self.coder.conjuncts(grand):
                        if self.coder.is_actor(conj):
                            targets.append(conj)
                        elif sub.lower_ == "of" and conj.pos_ in ("NOUN", "PROPN"):
                            objects.append(conj)  # "700 kg of medicine", "a gathering of ..."
                            for inner in kids(conj):
                                if inner.dep_ == "prep" and inner.lower_ == "of":
                                    last = next((g for g in kids(inner) if g.dep_ == "pobj"), None)
                                    if last is not None and self.coder.is_actor(last):
                                        targets.append(last)
            elif sub.dep_ in ("poss", "compound", "amod", "nmod") and sub.i < noun.i and self._modifier_actor(sub) \
                    and lemma_key(noun) not in TERRITORY_NOUNS:  # "the syrian city of raqqa": a place, not an actor
                targets.append(sub)

    def _arguments(self, frame: Frame) -> None:
        top, predicate = frame.top, frame.predicate
        # source
        heads: list[Token] = []
        via = ""
        if top.pos_ in ("NOUN", "PROPN"):
            heads = self._noun_sources(top)
            via = "noun"
        else:
            heads, via = self._subject(top)
            if via == "" and frame.nominal and not same(predicate, top):
                heads, via = self._noun_sources(predicate), "noun"
            means = [h for h in heads if self._means(h)]
            if means and not self.coder.is_actor(means[0]):
                # "US drone attacks killed ...": the attack's own actor, the attack the means
                frame.instrument = means[0]
                heads, via = self._noun_sources(means[0]), "means"
        if frame.undergone:  # "X came under attack": X is the target; the noun may say who
            frame.targets = [d for d in (self.coder.code(h) for h in heads) if d is not None]
            heads, via = self._noun_sources(predicate), "noun"
        sources = []
        for head in heads:
            if head.pos_ not in ("PRON",) and not self.coder.is_actor(head):
                continue
            draft = self.coder.code(head)
            if draft is not None:
                sources.extend(self.coder.modifier_conjuncts(draft, head))
        if not sources and not frame.nominal and self._violent(predicate) and (
                frame.instrument is not None or self._instrument(predicate) is not None):
            # violence named with its means but not its perpetrator: an unidentified attacker (PLOVER UAF)
            sources = [ActorDraft(head=-1, first=-1, last=-1, name="unidentified attackers", sector="UAF",
                                  via="unknown", confidence=0.3)]
            via = "unknown"
        if not sources and frame.wrapper is None and (self._violent(predicate) or frame.nominal and (
                noun_entry(predicate) or ("", None))[0] in ("ASSAULT", "FIGHT")):
            custodian = self._custodian(predicate)
            if custodian is not None:  # "died after being tortured in police custody": whose custody
                sources, via = [custodian], "custody"
        if not sources and not frame.nominal and frame.wrapper is None:
            authorities = self._implied_authorities(predicate)
            if authorities is not None:
                sources, via = [authorities], "authorities"
        if frame.obligation and frame.report is not None and frame.wrapper is None:
            # "a British minister said Libya must hand over ...": the one who says "must" demands
            reporter, how = self._subject(frame.report)
            coded = [self.coder.code(h) for h in reporter if self.coder.is_actor(h) or h.pos_ == "PRON"]
            drafts = [d for d in coded if d is not None]
            if drafts:
                frame.targets = [d for d in sources if d.head >= 0]
                sources, via = drafts, "reporter"
        frame.sources = sources
        frame.source_via = via
        if not sources:
            return  # no actor, no event: the targets need not be read
        taken = {t for d in sources for t in range(d.first, d.last + 1)}
        # targets: the wrapper's addressee, then the content's
        target_heads: list[Token] = []
        objects: list[Token] = []
        if frame.wrapper is not None and frame.wrapper.pos_ not in ("NOUN", "PROPN"):
            found, objs = self._targets_of(frame.wrapper, taken)
            target_heads += found
            objects += objs
        content = frame.content
        if content is None and lemma_key(predicate) in OBJECT_CONTROL:
            # "allowed the opposition leader to bring out a rally": who is allowed is the target
            content = next((c for c in kids(predicate) if c.dep_ in ("xcomp", "ccomp")), None)
        if content is None and via == "inverted":
            # "X are failing ..., a rights group protested": what is said is about the sentence's subject
            content = top.sent.root
        if content is not None and content.pos_ not in ("NOUN", "PROPN"):
            # "demanded that Israel ease ...": who is to act is whom the demand is directed at
            subject, how = self._subject(content)
            if how == "subject":
                target_heads += [s for s in subject if s.pos_ != "PRON" and self.coder.is_actor(s)]
        if frame.light is not None and not same(frame.light, top) or frame.light is not None:
            found, objs = self._targets_of(frame.light, taken | {predicate.i})
            target_heads += found
        found, objs = self._targets_of(predicate, taken)
        if via == "custody" and not found and not target_heads:
            # the one held: the subject of the clause the violence is told in ("a prisoner died of torture")
            anchor = self._clause_anchor(predicate)
            if not same(anchor, predicate):
                held, how = self._subject(anchor)
                found = [h for h in held if how == "subject" and h.pos_ != "PRON" and self.coder.is_actor(h)]
        if not frame.nominal and not found and not objs:
            # "donated and delivered goods to X": verbs joined by "and" share their object
            siblings = [c for c in kids(predicate) if c.dep_ == "conj" and is_verbal(c)]
            if predicate.dep_ == "conj" and is_verbal(predicate.head):
                siblings.append(predicate.head)
            for sibling in siblings:
                found, objs = self._targets_of(sibling, taken)
                if found or objs:
                    break
        if frame.wrapper is not None and frame.nominal:
            # "rejected an Australian ultimatum": whoever issued the content is the target
            found += [t for t in self._noun_sources(predicate) if t.i not in taken]
        target_heads += found
        objects += objs
        frame.content_objects = objs
        targets = []
        seen: set[int] = set(taken)
        for head in target_heads:
            if head.i in seen:
                continue
            draft = self.coder.code(head)
            if draft is None or draft.head in taken:  # "one third of the guerrillas were demobilized"
                continue
            if any(draft.entity_id and draft.entity_id == s.entity_id for s in sources):
                continue
            seen.update(range(draft.first, draft.last + 1))
            targets.append(draft)
        frame.targets = frame.targets + targets if frame.undergone or frame.source_via == "reporter" else targets
        frame.objects = objects
        # instrument: "killed ... in an air strike", "attacked with rockets"
        for child in kids(predicate):
            if child.dep_ in ("prep", "agent") and child.lower_ in INSTRUMENT_PREPS:
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and (is_event_noun(pobj) or pobj.lemma_.lower() in (
                        "rocket", "missile", "bomb", "grenade", "gun", "artillery", "mortar", "knife")):
                    frame.instrument = pobj
                    if frame.instrument is not None:
                        extra, objs = self._targets_of(pobj, seen)
                        for head in extra:
                            draft = self.coder.code(head)
                            if draft is not None and not any(
                                    draft.entity_id and draft.entity_id == s.entity_id for s in sources):
                                frame.targets.append(draft)
                                seen.update(range(draft.first, draft.last + 1))
                        frame.objects += objs
                    break

    def _custodian(self, predicate: Token) -> ActorDraft | None:
        """Who held the victim of violence with no named perpetrator: ``died after being tortured
        while in Turkish police custody`` (Turkey's police).  The ``custody`` or ``detention`` phrase
        must be in the event's clause and say whose it is (a country or a sector before it)."""
        for token in self._clause_anchor(predicate).subtree:
            if token.lemma_.lower() not in CUSTODY_NOUNS or token.pos_ != "NOUN" or token.i == predicate.i:
                continue
            if not any(c.dep_ in ("amod", "compound", "poss") for c in lefts(token)):
                continue
            draft = self.coder.code(token)
            if draft is None or not (draft.code or draft.sector) or draft.sector not in (None, "COP", "MIL", "GOV",
                                                                                          "SPY", "JUD", "REB"):
                continue
            draft.name = self.doc[draft.first : token.i].text or draft.name
            draft.last = token.i - 1 if token.i > draft.first else token.i
            draft.sector = draft.sector or "GOV"
            draft.via, draft.confidence = "custody", min(draft.confidence, CUSTODIAN_CONFIDENCE)
            return draft
        return None

    @staticmethod
    def _clause_anchor(predicate: Token) -> Token:
        """The verb of the clause a phrase hangs in: ``died`` for ``(died) after being tortured``."""
        anchor = predicate
        for _ in range(4):
            if anchor.dep_ not in CLAUSE_PHRASES or anchor.head.i == anchor.i:
                break
            anchor = anchor.head
        return anchor

    def _implied_authorities(self, verb: Token) -> ActorDraft | None:
        """The authorities of the place a passive act of the state happened in: ``a missionary was
        arrested in Lebanon`` (PLOVER codes Lebanon's).  Only for :data:`AUTHORITY_VERBS`, in the
        passive with no agent and with a resolved place in an ``in`` phrase of the verb itself;
        the actor is marked as inferred (``via: authorities``) with a low confidence."""
        if lemma_key(verb) not in AUTHORITY_VERBS or not any(c.dep_ == "auxpass" for c in kids(verb)):
            return None
        for child in kids(verb):
            if child.dep_ != "prep" or child.lower_ not in ("in", "inside"):
                continue
            pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
            found = self.coder.index.place_at.get(pobj.i) if pobj is not None else None
            if found is None or not found[0].country_code:
                continue
            code = iso3(found[0].country_code)
            if code is None:
                continue
            return ActorDraft(head=-1, first=-1, last=-1, name=f"authorities of {found[0].name}", code=code,
                              sector="GOV", via="authorities", confidence=INFERRED_AUTHORITY_CONFIDENCE)
        return None

    @staticmethod
    def _means(token: Token) -> bool:
        """A weapon or an attack (``a bomb``, ``an air strike``, ``a car bomb explosion``)."""
        if lemma_key(token) in MEANS_NOUNS or token.lemma_.lower() in MEANS_NOUNS:
            return True
        entry = noun_entry(token)
        if entry is not None and entry[0] in ("ASSAULT", "FIGHT"):
            return True
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in MEANS_NOUNS for c in kids(token))

    @staticmethod
    def _violent(token: Token) -> bool:
        entry = verb_entry(token)
        return entry is not None and entry[0] in ("ASSAULT", "FIGHT")

    def _instrument(self, predicate: Token) -> Token | None:
        for child in kids(predicate):
            if child.dep_ in ("prep", "agent") and child.lower_ in INSTRUMENT_PREPS:
                pobj = next((g for g in kids(child) if g.dep_ == "pobj"), None)
                if pobj is not None and self._means(pobj):
                    return pobj
        return None

    def _depth(self, token: Token) -> int:
        """How deep the event sits below the sentence's main verb (verbs of saying do not count)."""
        depth = 0
        current = token
        while current.head.i != current.i and depth < 8:
            parent = current.head
            if parent.pos_ == "ADP":
                current = parent
                continue
            if not (self.role(parent) == "report" and current.dep_ in ("ccomp", "parataxis")):
                depth += 1
            current = parent
        return depth


def imperative(verb: Token, subject: Token | None) -> bool:
    """Is the verb an imperative, its 'subject' a vocative (``soldiers of X, fight ...``)?"""
    if verb.tag_ != "VB" or any(c.dep_ in ("aux", "auxpass") for c in kids(verb)):
        return False
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp"):
        return False
    if subject is None:
        return True
    between = verb.doc[subject.i + 1 : verb.i]
    return any(t.text == "," for t in between) or subject.i > verb.i or subject.lower_ in ("you",)


def infinitive(token: Token) -> bool:
    """A to-infinitive without its own subject: a purpose or a possibility, not an event that happened.

    Verbs joined to one by ``or``/``and`` share it: ``to capture or kill him``.
    """
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(token)):
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(token)):
            return True
        if token.dep_ != "conj" or not is_verbal(token.head):
            return False
        token = token.head
    return False


def conditional(token: Token) -> bool:
    """Is the token's clause an if/unless/until clause (hypothetical, no event)?"""
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids(current)):
            return True
        if current.dep_ in ("conj", "xcomp", "ccomp") and current.head.i != current.i:
            current = current.head
            continue
        return False
    return False


def instrument_nouns(frames: list[Frame]) -> set[int]:
    """Event nouns already used as the means of another frame (not events of their own)."""
    return {f.instrument.i for f in frames if f.instrument is not None}
