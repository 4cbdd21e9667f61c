"""Reported speech from the dependency parse: cue, content and speaker phrase.

Candidate cues are found in one vectorized pass over the lemmas (a cue verb
from :mod:`dateline.attribution.cues`, or ``according to``); each is then read
in one of four constructions, tried in order:

1. **complement**: ``X said (that) CONTENT``; the content is the clausal
   complement (``ccomp``) right of the verb, ``that`` included;
2. **colon**: ``X said: CONTENT`` / ``saying: CONTENT``; everything after the
   colon to the end of the sentence;
3. **inverted**: ``CONTENT, X said`` / ``CONTENT, said X``; the clause before
   the comma (it must hold a verb), plus what follows the speaker clause when
   that clause is a parenthesis (``The plan, he said, is dead``);
4. **according to**: ``according to X, CONTENT`` or ``CONTENT, according to X``.

A verb that fits none (``he said nothing``, ``asked for help``) attributes
nothing.  The speaker phrase is the verb's subject (for a participle such as
``saying`` or ``adding``, the subject of the verb it hangs on; for ``who
said``, the noun the relative clause modifies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Token

from dateline.attribution.cues import (
    ACT_VERBS,
    BELIEF_VERBS,
    CONTENT_PREPOSITIONS,
    CUE_VERBS,
    EVIDENCE_SUBJECTS,
    EVIDENCE_VERBS,
    NEEDS_CLAUSE,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
)

#: Dependency labels of a verb's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Labels by which a participle cue hangs on the verb whose subject it shares.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
#: Punctuation that may separate the content from an inverted speaker clause.
INVERSION_SEPARATORS = frozenset({",", "\u2014", "\u2013", "--", "-", '"', "\u201d", "''", "'", "\u2019"})
#: Tokens trimmed from the edges of a content span.
EDGE_PUNCTUATION = frozenset({",", ".", ":", ";", "-", "--", "\u2014", "\u2013", '"', "'", "\u201c",
                              "\u201d", "\u2018", "\u2019", "``", "''", "(", ")", "...", "\u2026"})
#: Most words an inverted content or a speaker phrase may span before we distrust the parse.
MAX_SPEAKER_TOKENS = 30


@dataclass
class Found:
    """A quote while it is being built, offsets in the normalized text."""

    content: tuple[int, int]
    kind: str = "indirect"
    segments: list[tuple[int, int]] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    verb: str | None = None
    cue_token: int | None = None
    #: Token span ``[start, end)`` of the speaker phrase and its head token.
    speaker_tokens: tuple[int, int] | None = None
    speaker_head: int | None = None
    sentence: int = 0
    confidence: float = 0.85
    #: The quote whose speaker (and cue) this one takes (cross-sentence attribution).
    inherits: Found | None = None
    #: Filled by speaker resolution: a :class:`dateline.schema.Speaker`.
    speaker: object = None
    #: How the content was found: complement, colon, inverted, according, marks, adjacent.
    construction: str = "complement"
    #: Token span of the content, when it came from the parse.
    content_tokens: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        return self.content[0]

    @property
    def end(self) -> int:
        return self.content[1]


@lru_cache(maxsize=4)
def _cue_hashes(strings: object) -> np.ndarray:
    return np.array(sorted({strings.add(word) for word in CUE_VERBS}), dtype=np.uint64)  # type: ignore[attr-defined]


def candidate_cues(doc: Doc) -> list[int]:
    """Indices of tokens that may be cues: cue-verb lemmas and ``according``."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    lemmas = doc.to_array("LEMMA").astype(np.uint64)
    lowers = doc.to_array("LOWER").astype(np.uint64)
    hits = np.isin(lemmas, _cue_hashes(strings)) | (lowers == np.uint64(strings.add("according")))
    return [int(i) for i in np.flatnonzero(hits)]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token span without punctuation at its edges."""
    while start < end and doc[start].text in EDGE_PUNCTUATION:
        start += 1
    while end > start and doc[end - 1].text in EDGE_PUNCTUATION:
        end -= 1
    return start, end


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


#: Relative pronouns: the speaker is the noun the relative clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _antecedent(token: Token) -> Token:
    """The noun a relative clause holding ``token`` modifies (``Flynn, who said``)."""
    current = token
    for _ in range(4):
        if current.dep_ == "relcl":
            return current.head
        if current.head.i == current.i:
            break
        current = current.head
    return token


def _subject(cue: Token) -> Token | None:
    """The subject of a cue verb, climbing to the verb a participle cue hangs on."""
    token = cue
    for _ in range(3):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.lower_ in RELATIVE_PRONOUNS:
                    return _antecedent(token)
                return child
            if child.dep_ == "agent":  # "was told by X"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if token.dep_ in SHARED_SUBJECT_DEPS and token.head.i != token.i:
            token = token.head
        else:
            return None
    return None


def _phrase(token: Token, cue: Token) -> tuple[int, int]:
    """The subject phrase: the subtree of its head, never reaching over the cue."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    if left <= cue.i < right:
        if token.i < cue.i:
            right = cue.i
        else:
            left = cue.i + 1
    if right - left > MAX_SPEAKER_TOKENS:
        left, right = max(left, token.i - 6), min(right, token.i + 8)
    return left, right


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].pos_ in ("VERB", "AUX") for i in range(start, end))


def _complement(cue: Token) -> Token | None:
    """The clausal complement right of the cue (``said (that) ...``)."""
    for child in cue.rights:
        if child.dep_ == "ccomp":
            return child
    return None


#: Words that end the clause before a subject phrase.
CLAUSE_JOINTS = frozenset({"and", "but", ",", ";", "while", "whereas", ":"})


def phrase_start(doc: Doc, subject: Token, floor: int) -> int:
    """Start of a subject phrase, reaching over modifiers the parser hung elsewhere.

    ``and other Western as well as Iraqi officials were skeptical``: the parse
    may attach ``other Western`` to the clause before; the phrase starts after
    the nearest conjunction or punctuation, if that is close.
    """
    left = subject.left_edge.i
    i = left - 1
    while i >= floor and doc[i].lower_ not in CLAUSE_JOINTS:
        if doc[i].pos_ not in ("ADJ", "ADV", "CCONJ", "ADP", "DET", "PROPN", "NOUN", "SCONJ"):
            return left
        i -= 1
    return i + 1 if i >= floor and left - i <= 8 else left


#: Finite verb tags: a complement clause has one (``proclaimed the caliphate stretching`` has not).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Words that open a complement clause.
COMPLEMENTIZERS = frozenset({"that", "whether", "if", "why", "how", "what", "when", "where", "who"})


def _finite(head: Token) -> bool:
    """Is this complement a clause (finite verb, or opened by ``that``/``whether``)?"""
    if head.tag_ in FINITE_TAGS:
        return True
    for child in head.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS:
            return True
        if child.dep_ in ("mark", "advmod", "nsubj", "dobj") and child.lower_ in COMPLEMENTIZERS \
                and child.i < head.i:
            return True
    return head.pos_ != "VERB" and any(c.dep_ == "nsubj" for c in head.children) and any(
        c.tag_ in FINITE_TAGS for c in head.children)


def _complement_start(complement: Token, cue: Token) -> int:
    """Start of a complement, without adverbials of the cue the parser hung inside it.

    ``said earlier this year it might have killed``: ``earlier this year``
    says when it was said, not what.
    """
    left = complement.left_edge.i
    subject = next((c for c in complement.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i <= left or left != cue.i + 1:
        return left
    leading = [c for c in complement.children if c.i < subject.left_edge.i]
    if leading and all(c.dep_ in ("advmod", "npadvmod") for c in leading):
        return subject.left_edge.i
    return left


def _complement_end(complement: Token, sent_end: int) -> int:
    """End of a complement, cut before a coordinated clause with a source of its own.

    ``officials said they could not corroborate the death and other officials
    were skeptical``: the parser makes ``were`` a conjunct of ``corroborate``,
    but a clause whose subject is another source is the narrator's again.
    """
    end = min(complement.right_edge.i + 1, sent_end)
    for child in complement.rights:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() in SOURCE_NOUNS:
            cut = phrase_start(complement.doc, subject, complement.i + 1)
            while cut > complement.i + 1 and complement.doc[cut - 1].lower_ in CLAUSE_JOINTS:
                cut -= 1
            return min(end, cut)
    return end


def _colon_after(doc: Doc, cue: Token, sent_end: int) -> int | None:
    """Index of a colon right after the cue or its object (``told reporters:``)."""
    for i in range(cue.i + 1, min(cue.i + 6, sent_end)):
        text = doc[i].text
        if text == ":":
            return i
        if doc[i].dep_ not in ("dobj", "dative", "pobj", "prep", "det", "compound", "amod", "poss",
                               "advmod", "npadvmod", "prt") and doc[i].pos_ != "PUNCT":
            return None
    return None


def _read_cue(doc: Doc, cue: Token, sent_start: int, sent_end: int, sentence: int) -> Found | None:
    """Read one candidate cue in its construction, or ``None`` if it attributes nothing."""
    lemma = cue.lemma_.lower()
    if cue.lower_ == "according":
        return _according(doc, cue, sent_start, sent_end, sentence)
    if cue.pos_ not in ("VERB", "AUX") or lemma not in CUE_VERBS:
        return None
    subject = _subject(cue)
    if lemma in EVIDENCE_VERBS - SPEECH_VERBS - BELIEF_VERBS:
        # "the poll found that ...": only data and documents attribute this way.
        if subject is None or subject.lower_ not in EVIDENCE_SUBJECTS:
            return None
    found: Found | None = None
    complement = _complement(cue)
    if complement is not None and not _finite(complement):
        complement = None
    if complement is not None and complement.i > cue.i:
        start, end = _trim(doc, _complement_start(complement, cue), _complement_end(complement, sent_end))
        if end > start:
            found = Found(content=_chars(doc, start, end), construction="complement",
                          content_tokens=(start, end))
    if found is None:
        colon = _colon_after(doc, cue, sent_end)
        if colon is not None:
            start, end = _trim(doc, colon + 1, sent_end)
            if end > start:
                found = Found(content=_chars(doc, start, end), construction="colon",
                              content_tokens=(start, end))
    if found is None and lemma in SPEECH_VERBS and subject is not None:
        found = _as_clause(doc, cue, sent_start, sent_end)
    if found is None and lemma not in NEEDS_CLAUSE and lemma in SPEECH_VERBS | BELIEF_VERBS \
            and subject is not None:
        found = _inverted(doc, cue, subject, sent_start, sent_end)
    if found is None and complement is not None and lemma in BELIEF_VERBS | SPEECH_VERBS:
        # A complement on the left without a comma: "we will win he said" in degraded text.
        start, end = _trim(doc, complement.left_edge.i, complement.right_edge.i + 1)
        if end > start and end <= cue.i and _has_verb(doc, start, end):
            found = Found(content=_chars(doc, start, end), construction="inverted",
                          content_tokens=(start, end))
    evidence = lemma in EVIDENCE_VERBS and subject is not None and subject.lower_ in EVIDENCE_SUBJECTS
    if found is None and (lemma in ACT_VERBS | STANCE_VERBS or evidence) and subject is not None \
            and _shares_subject(cue, subject):
        found = _object_content(doc, cue, sent_end)
        if found is not None:
            found.confidence = 0.7 if lemma in ACT_VERBS else 0.6
    if found is None:
        return None
    if found.content_tokens is not None and not found.segments:
        start, end = found.content_tokens
        end = _cut_at_conjoined_cue(doc, cue, start, end)
        if end <= start:
            return None
        found.content_tokens = (start, end)
        found.content = _chars(doc, start, end)
    found.cue = _chars(doc, cue.i, cue.i + 1)
    found.verb = lemma
    found.cue_token = cue.i
    found.sentence = sentence
    if subject is not None:
        found.speaker_tokens = _phrase(subject, cue)
        found.speaker_head = subject.i
    if lemma in BELIEF_VERBS and lemma not in SPEECH_VERBS:
        found.confidence = 0.7
    return found


def _as_clause(doc: Doc, cue: Token, sent_start: int, sent_end: int) -> Found | None:
    """``As X noted, CONTENT`` / ``CONTENT, as X reported``: the main clause is the content."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    left, right = cue.left_edge.i, cue.right_edge.i + 1
    parts = [p for p in (_trim(doc, sent_start, left), _trim(doc, right, sent_end))
             if p[1] - p[0] >= 2 and _has_verb(doc, *p)]
    if len(parts) != 1:
        return None
    return Found(content=_chars(doc, *parts[0]), construction="as", content_tokens=parts[0])


def _cut_at_conjoined_cue(doc: Doc, cue: Token, start: int, end: int) -> int:
    """End a content before a coordinated cue verb of the same subject.

    ``rejected the idea that the changes amounted to a shake-up and said that
    ...``: the parser may hang ``said`` inside the object; what follows is
    another attribution, not this content.
    """
    for token in doc[start:end]:
        if token.i == cue.i or token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
        # "... and said that ...", "..., while 22 percent said they might ...": another attribution
        if (token.dep_ == "conj" and not own_subject) or (
                token.dep_ in ("conj", "advcl", "relcl") and own_subject and token.left_edge.i > start + 2):
            cut = token.left_edge.i if token.left_edge.i > start else token.i
            while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            return cut
    return end


def _shares_subject(cue: Token, subject: Token) -> bool:
    """Is ``subject`` the cue's own, or shared through ``xcomp``/``conj`` (not an adverbial clause)?"""
    token = cue
    while token.i != subject.head.i and (token.dep_ in ("xcomp", "conj", "relcl") or (
            token.dep_ == "advcl" and token.tag_ == "VBG")):  # "..., calling for calm"
        token = token.head
    return token.i == subject.head.i or subject.i == token.head.i


#: Act verbs that attribute only with a second complement ("called X a liar", "called for X").
NEEDS_SECOND_OBJECT = frozenset({"call", "name", "label", "brand", "dub", "thank", "credit", "see",
                                 "view", "regard"})
#: Objects that make no content: "declined to be named".
FIXED_PHRASES = frozenset({"to be named", "to be identified", "to be quoted", "to comment",
                           "to give his name", "to give her name", "to give their names",
                           "to be named because they were not authorized to speak publicly"})


#: Dependencies of a verb's object content ("called the plan a disaster", "wants to win").
OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd", "attr", "pcomp", "acomp"})


def _object_content(doc: Doc, cue: Token, sent_end: int) -> Found | None:
    """What an act or stance is about: its objects right of the verb, in one run.

    ``accused Clinton of dragging her feet``, ``called on Snyder to resign``,
    ``described him as a visionary``; adjuncts (``on Tuesday``, ``in a
    speech``) end the run.
    """
    if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.lemma_.lower() in ("refer", "reference"):
        return None  # "..., referring to followers in Iraq": a gloss of the reporter
    if cue.dep_ in ("amod", "acl", "compound") or cue.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cue.children):
        return None
    taken = []
    for child in cue.rights:
        if child.dep_ in ("prt", "advmod") and not taken:
            continue
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS):
            taken.append(child)
            continue
        break
    if not taken:
        return None
    if cue.lemma_.lower() in NEEDS_SECOND_OBJECT and not any(
            c.dep_ in ("oprd", "xcomp", "ccomp") or c.lower_ in ("for", "on", "as") for c in taken):
        return None  # "called the office": a phone call, not "called the plan a disaster"
    start, end = _trim(doc, taken[0].left_edge.i, min(taken[-1].right_edge.i + 1, sent_end))
    if end <= start:
        return None
    if doc[start:end].text.lower() in FIXED_PHRASES:
        return None
    return Found(content=_chars(doc, start, end), construction="object", content_tokens=(start, end))


#: Words that open an adverbial clause, never a quoted content.
SUBORDINATORS = frozenset({"as", "when", "while", "after", "before", "if", "although", "though",
                           "because", "since", "until", "unless", "once", "whereas", "asked",
                           "speaking"})
#: Prepositions that open a quoted content only when a clause follows ("With God's will, we ...").
PHRASE_OPENERS = frozenset({"in", "on", "at", "during", "over", "for", "with", "by", "from", "after"})


def _has_clause(doc: Doc, start: int, end: int) -> bool:
    """A subject with a finite verb inside ``[start, end)``."""
    return any(t.dep_ in SUBJECT_DEPS and start <= t.head.i < end and (
        t.head.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                          for c in t.head.children))
               for t in doc[start:end])
#: Dependencies a cue of an inverted construction can have ("Q, he said" / "Q, said X").
INVERSION_CUE_DEPS = frozenset({"ROOT", "parataxis", "ccomp", "conj"})
#: Dependencies by which an adverbial clause hangs on the cue.
ADVERBIAL_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "pcomp", "mark", "agent"})


def _root(doc: Doc, start: int, end: int) -> Token | None:
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return None


def _inverted(doc: Doc, cue: Token, subject: Token | None, sent_start: int, sent_end: int
              ) -> Found | None:
    """``CONTENT, X said`` and ``CONTENT, said X``, with an optional tail after a parenthesis."""
    if cue.dep_ not in INVERSION_CUE_DEPS:
        return None  # "politicians who tweet", "hoping to say": no content before these
    clause_start = min(cue.i, subject.left_edge.i) if subject is not None and subject.i < cue.i \
        else cue.i
    separator = clause_start - 1
    if separator <= sent_start or doc[separator].text not in INVERSION_SEPARATORS:
        return None
    start, end = _trim(doc, sent_start, separator)
    if end - start < 2 or not _has_verb(doc, start, end):
        return None
    first = doc[start]
    if first.lower_ in SUBORDINATORS or first.pos_ == "SCONJ" and first.lower_ != "that":
        return None  # "As voters went to the polls, Trump said": an adverbial clause, not content
    if first.lower_ in PHRASE_OPENERS and not _has_clause(doc, start, end):
        return None  # "In a statement on Monday, the ministry said": a phrase, not content
    if doc[start].tag_ in ("VBG", "VBN") and doc[start].dep_ == "advcl":
        return None  # "Asked about the plan, she said": a participle clause
    segments = [_chars(doc, start, end)]
    tokens = (start, end)
    # "The plan, he said, is dead": the sentence goes on after the speaker clause.
    if cue.dep_ not in ("ROOT",) and cue.head.i < clause_start:
        tail_start = max(cue.right_edge.i + 1, subject.right_edge.i + 1 if subject is not None else 0)
        tail = _trim(doc, tail_start, sent_end)
        if tail[1] - tail[0] >= 2 and _has_verb(doc, *tail):
            segments.append(_chars(doc, *tail))
            tokens = (start, tail[1])
    found = Found(content=(segments[0][0], segments[-1][1]), construction="inverted",
                  content_tokens=tokens)
    found.segments = segments if len(segments) > 1 else []
    return found


def _according(doc: Doc, cue: Token, sent_start: int, sent_end: int, sentence: int) -> Found | None:
    """``according to X, CONTENT`` and ``CONTENT, according to X``."""
    if cue.i + 1 >= sent_end or doc[cue.i + 1].lower_ != "to":
        return None
    to = doc[cue.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase_end = (source.right_edge.i + 1) if source is not None else cue.i + 2
    phrase_end = min(phrase_end, sent_end)
    before = _trim(doc, sent_start, cue.i)
    after = _trim(doc, phrase_end, sent_end)
    parts = [p for p in (before, after) if p[1] - p[0] >= 2 and _has_verb(doc, *p)]
    if not parts:
        return None
    segments = [_chars(doc, *p) for p in parts]
    found = Found(content=(segments[0][0], segments[-1][1]), construction="according",
                  content_tokens=(parts[0][0], parts[-1][1]))
    found.segments = segments if len(segments) > 1 else []
    found.cue = _chars(doc, cue.i, cue.i + 2)
    found.verb = "according to"
    found.cue_token = cue.i
    found.sentence = sentence
    if source is not None:
        found.speaker_tokens = (source.left_edge.i, phrase_end)
        found.speaker_head = source.i
    return found


def find_reported(doc: Doc, sentence_bounds: list[tuple[int, int]]) -> list[Found]:
    """Reported speech in ``doc``: one :class:`Found` per cue that attributes a content.

    ``sentence_bounds`` are the token bounds of the doc's sentences, in order.
    """
    found: list[Found] = []
    starts = [s for s, _ in sentence_bounds]
    from bisect import bisect_right

    for index in candidate_cues(doc):
        sentence = bisect_right(starts, index) - 1
        sent_start, sent_end = sentence_bounds[sentence]
        item = _read_cue(doc, doc[index], sent_start, sent_end, sentence)
        if item is not None:
            found.append(item)
    return found
