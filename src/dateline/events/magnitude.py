"""Magnitudes: how many were killed, injured or arrested, and how big a crowd or force was.

Read from the parse, not from the surface: a number counts the dead when it
counts the object of a killing verb (``killed 23 people``), the subject of a
passive one (``five soldiers were killed``), of ``die``, or a noun called dead
(``ten dead``, ``12 people killed``); the injured and the arrested alike.  A
size is a number counting the actors of a protest or a mobilization
(``thousands of students``, ``5,000 troops``).  Vague quantities keep their
lower bound and are marked approximate (``hundreds`` 100, ``dozens`` 24),
as are numbers after ``more than``, ``at least``, ``about``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

#: Verbs and adjectives whose object (or passive subject) is counted, by kind.
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("kill", "massacre", "slaughter", "execute", "murder", "behead", "slay", "dead",
                     "die", "perish", "assassinate"), "dead"),
    **dict.fromkeys(("wound", "injure", "hurt", "maim", "injured", "wounded"), "injured"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison", "round"), "arrested"),
}
#: Verbs whose subject is the counted (``five people died``).
SUBJECT_VERBS = frozenset({"die", "perish"})
#: Words for numbers.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "a": 1,
}
#: Vague quantities: their lower bound, always approximate.
VAGUE_QUANTITIES = {"dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1000,
                    "millions": 1_000_000, "tens": 10, "several": 3, "many": None, "some": None}
#: Multipliers written after a number (``1.5 million``).
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Words before a number that make it approximate.
HEDGES = frozenset({"more", "than", "least", "about", "around", "nearly", "almost", "over", "some",
                    "up", "approximately", "roughly", "estimated", "as", "many", "under"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass
class Count:
    """A number found in a sentence and what it counts."""

    kind: str
    value: int | None
    approximate: bool
    first: int
    last: int
    governor: int  # the verb or adjective that says what the number counts


def number_value(token: Token) -> tuple[int | None, bool] | None:
    """(value, approximate) of a number token and the multiplier after it, or None."""
    lower = token.lower_
    if lower in VAGUE_QUANTITIES:
        return VAGUE_QUANTITIES[lower], True
    value: float | None = None
    if _DIGITS.match(lower):
        value = float(lower.replace(",", ""))
    elif lower in NUMBER_WORDS and lower != "a":
        value = NUMBER_WORDS[lower]
    if value is None:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in MULTIPLIERS:
        value *= MULTIPLIERS[nxt.lower_]
    approximate = any(t.lower_ in HEDGES for t in token.doc[max(0, token.i - 3) : token.i])
    return int(value), approximate


def _counted(token: Token) -> Token:
    """The noun a number counts: itself for ``hundreds``, else the noun it modifies."""
    if token.dep_ in ("nummod", "quantmod", "compound") and token.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        head = token.head
        if head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head
        return head
    return token


def _kind_of(noun: Token) -> tuple[str, Token] | None:
    """What the phrase headed by ``noun`` is counted as, and the word that says so."""
    head = noun.head
    dep = noun.dep_
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.lower_ in VAGUE_QUANTITIES:
        noun = head.head  # "hundreds of people": the quantity's role counts
        head, dep = noun.head, noun.dep_
    key = head.lemma_.lower()
    if dep in ("dobj", "nsubjpass") and key in KIND_WORDS and head.pos_ in ("VERB", "AUX"):
        if key in SUBJECT_VERBS:
            return None
        return KIND_WORDS[key], head
    if dep == "nsubj" and key in SUBJECT_VERBS:
        return KIND_WORDS[key], head
    for child in noun.children:  # "12 people killed", "ten dead", "five wounded"
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in KIND_WORDS and child.i > noun.i:
            return KIND_WORDS[child.lemma_.lower()], child
    if noun.lemma_.lower() in ("dead", "wounded", "injured"):
        return KIND_WORDS[noun.lemma_.lower()], noun
    if noun.dep_ in ("nsubj",) and head.lemma_.lower() == "be":
        attr = next((c for c in head.children if c.dep_ in ("acomp", "attr")), None)
        if attr is not None and attr.lemma_.lower() in KIND_WORDS:
            return KIND_WORDS[attr.lemma_.lower()], attr
    return None


def counts(doc: Doc, start: int, end: int) -> list[Count]:
    """The dead, injured and arrested counted in the sentence ``doc[start:end]``."""
    out: list[Count] = []
    for token in doc[start:end]:
        if not (token.like_num or token.lower_ in VAGUE_QUANTITIES or token.lower_ in NUMBER_WORDS):
            continue
        if token.lower_ == "a" or token.lower_ in MULTIPLIERS and token.i > start and doc[token.i - 1].like_num:
            continue
        value = number_value(token)
        if value is None or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        noun = _counted(token)
        found = _kind_of(noun)
        if found is None:
            continue
        kind, governor = found
        first = min(token.i, noun.i)
        last = max(token.i, noun.i)
        out.append(Count(kind, value[0], value[1], first, last, governor.i))
    return out


def size_of(actor_head: Token) -> Count | None:
    """The size of a crowd or force: ``thousands of students``, ``5,000 troops``."""
    quantity = None
    if actor_head.dep_ == "pobj" and actor_head.head.lower_ == "of" and actor_head.head.head.lower_ in VAGUE_QUANTITIES:
        quantity = actor_head.head.head
    else:
        quantity = next((c for c in actor_head.children if c.dep_ in ("nummod",) and (
            c.like_num or c.lower_ in NUMBER_WORDS or c.lower_ in VAGUE_QUANTITIES)), None)
    if quantity is None:
        return None
    value = number_value(quantity)
    if value is None:
        return None
    return Count("size", value[0], value[1], min(quantity.i, actor_head.i), max(quantity.i, actor_head.i),
                 actor_head.i)
