"""Nominal cues: attributions carried by a noun instead of a verb.

``his claim that the vote was rigged``, ``Trump's promise to build a wall``,
``criticism of the deal``, ``her support for Sanders``, ``his argument is
that ...``.  A noun of :data:`~dateline.attribution.cues.CLAUSE_NOUNS`
attributes its ``that`` clause or ``to`` infinitive, or the clause it is
equated with by ``be``; a noun of
:data:`~dateline.attribution.cues.STANCE_NOUNS` attributes the object of
its own preposition (``criticism of``, ``support for``).  The source is the
noun's possessor (``his``, ``Trump's``) or its ``by``/``from`` phrase; a noun
without one attributes to nobody in particular, as PARC annotates it.

Nouns that report unverified claims (``reports``, ``rumors``, ``allegations``)
stay with the claims layer, which reads them as unverified narrative claims.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Token

from dateline.attribution.cues import CLAUSE_NOUNS, STANCE_NOUNS, UNVERIFIED_NOUNS
from dateline.attribution.reported import Found, _chars, _finite, _has_verb, _trim

#: Prepositions that name the holder of a nominal stance ("criticism by the union").
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
#: Words that stand for nobody: "its support for", "this criticism of".
NO_SOURCE = frozenset({"it", "its", "this", "that", "these", "those"})


@lru_cache(maxsize=4)
def _noun_hashes(strings: object) -> np.ndarray:
    words = (CLAUSE_NOUNS | set(STANCE_NOUNS)) - UNVERIFIED_NOUNS
    return np.array(sorted({strings.add(w) for w in words}), dtype=np.uint64)  # type: ignore[attr-defined]


def candidate_nouns(doc: Doc) -> list[int]:
    """Indices of nouns that may be cues, in one vectorized pass over the lowercase forms."""
    if not len(doc):
        return []
    lowers = doc.to_array("LOWER").astype(np.uint64)
    return [int(i) for i in np.flatnonzero(np.isin(lowers, _noun_hashes(doc.vocab.strings)))]


def _complement_like(clause: Token, opener: str) -> bool:
    """Is a clause parsed as relative really a complement (``the claim that he won``)?

    A true relative clause (``the claim that he made``) lacks a subject or an
    object of its own.
    """
    return opener == "that" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and not any(c.dep_ == "dobj" for c in clause.children)


def _clause(noun: Token) -> tuple[int, int] | None:
    """The ``that`` clause or ``to`` infinitive a noun takes (``acl``/``ccomp``/``relcl`` with ``that``)."""
    for child in noun.rights:
        if child.dep_ not in ("acl", "ccomp", "relcl", "appos"):
            continue
        marks = [c for c in child.children if c.dep_ in ("mark", "aux") and c.i < child.i]
        opener = marks[0].lower_ if marks else ""
        if child.dep_ == "relcl" and not _complement_like(child, opener):
            continue
        if opener == "that" and _finite(child) or opener == "to" and noun.lower_ in CLAUSE_NOUNS:
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _predicate(noun: Token) -> tuple[int, int] | None:
    """``His argument is that C`` / ``my advice is, C`` / ``the goal was to C``: what the noun is."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be" or noun.lower_ not in CLAUSE_NOUNS:
        return None
    for child in verb.rights:
        # a clause ("is that C", "is, C") or an infinitive ("is to C"); not a noun
        # phrase ("the message was his first audio communication")
        if child.dep_ == "ccomp" or child.dep_ == "xcomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child.left_edge.i, child.right_edge.i + 1
    return None


def _object(noun: Token) -> tuple[int, int] | None:
    """The object of the noun's own stance preposition (``support for X`` -> ``X``)."""
    prepositions = STANCE_NOUNS.get(noun.lower_)
    if not prepositions:
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].lemma_.lower() in SOLICITED:
                return None  # "a request for comment": something asked for, not a stance
            if objects:
                return objects[0].left_edge.i, objects[-1].right_edge.i + 1
    return None


#: What a request or an appeal asks for when it states no stance: "gave no answer to a
#: request for comment", "police appealed for information".
SOLICITED = frozenset({"comment", "information", "detail", "clarification", "help", "assistance",
                       "interview", "response", "reply"})


#: Verbs by which a subject voices a nominal cue: "Trump unleashed an attack on", "she
#: expressed concern that", "the senator made the case that".
VOICING_VERBS = frozenset({"express", "voice", "issue", "make", "offer", "raise", "launch",
                           "unleash", "renew", "repeat", "reiterate", "release", "deliver", "share",
                           "air", "lodge", "file", "level", "step", "ramp", "escalate", "intensify",
                           "sharpen", "soften", "give", "send", "post", "publish", "tweet"})


def _source(noun: Token) -> Token | None:
    """The holder of a nominal cue: possessor, ``by``/``from`` phrase, or the voicing verb's subject."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in VOICING_VERBS and not any(
            c.dep_ == "poss" for c in noun.children):
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON"):
            return subject
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in NO_SOURCE:
            return child
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS and child.i > noun.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
    return None


def read_noun(doc: Doc, noun: Token, sent_end: int, sentence: int) -> Found | None:
    """One nominal cue in its construction, or ``None``."""
    if noun.pos_ != "NOUN" or noun.dep_ == "compound":
        return None
    span = _clause(noun)
    construction = "noun-clause"
    if span is None:
        span = _predicate(noun)
    if span is None:
        span = _object(noun)
        construction = "noun-object"
    if span is None:
        return None
    start, end = _trim(doc, span[0], min(span[1], sent_end))
    if end <= start or construction == "noun-clause" and not _has_verb(doc, start, end):
        return None
    found = Found(content=_chars(doc, start, end), construction=construction, content_tokens=(start, end),
                  cue=_chars(doc, noun.i, noun.i + 1), verb=noun.lemma_.lower(), cue_token=noun.i,
                  sentence=sentence, confidence=0.55)
    source = _source(noun)
    if source is not None:
        if source.dep_ == "poss":
            found.speaker_tokens = (source.left_edge.i, source.i + 1)
        elif source.dep_ == "nsubj":
            found.speaker_tokens = (source.left_edge.i, min(source.right_edge.i + 1, noun.head.i))
        else:
            found.speaker_tokens = (source.left_edge.i, source.right_edge.i + 1)
        found.speaker_head = source.i
    return found


def find_nominal(doc: Doc, sentence_bounds: list[tuple[int, int]]) -> list[Found]:
    """Nominal attributions of ``doc``: one :class:`Found` per noun cue that has a content."""
    from bisect import bisect_right

    starts = [s for s, _ in sentence_bounds]
    out = []
    for index in candidate_nouns(doc):
        sentence = bisect_right(starts, index) - 1
        found = read_noun(doc, doc[index], sentence_bounds[sentence][1], sentence)
        if found is not None:
            out.append(found)
    return out
