"""Reported speech from the dependency parse: cue, content and speaker phrase.

Candidate cues are found in one vectorized pass over the lemmas (a cue verb
or stance adjective from :mod:`dateline.attribution.cues`, or ``according
to``); each is then read in the first construction that fits:

1. **parenthetical**: ``A, X said, B``; a speaker clause set off by commas
   mid-sentence, the content both sides of it (``In any case, X said, ...``);
2. **complement**: ``X said (that) CONTENT``; the content is the clausal
   complement (``ccomp``) right of the verb, ``that`` included;
3. **colon**: ``X said: CONTENT`` / ``saying: CONTENT``; everything after the
   colon to the end of the sentence;
4. **as**: ``As X noted, CONTENT``;
5. **inverted**: ``CONTENT, X said`` / ``CONTENT, said X``; the clause before
   the comma (it must hold a verb), plus what follows the speaker clause when
   that clause is a parenthesis (``The plan, he said, is dead``);
6. **bare**: a verb of saying beside quote marks (``"...," she concluded``)
   with none of the above; the marks become its content later;
7. **object**: acts, stances and evidence (``called the plan a disaster``,
   ``polls show Trump ahead``);
8. **according to**: ``according to X, CONTENT`` or ``CONTENT, according to X``;
9. **asked**: ``asked about C`` / ``asked whether C``, no named asker;
10. **stance**: ``X was critical of C``, ``X is confident that C``.

A verb that fits none (``he said nothing``, ``asked for help``) attributes
nothing, nor does a passive verb of belief (``is expected to win``: a hedge
the claims layer reads).  The speaker phrase is the verb's subject (for a
participle such as ``saying`` or ``adding``, the subject of the verb it
hangs on; for ``who said``, the noun the relative clause modifies).
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
    STANCE_ADJECTIVE_PREPOSITIONS,
    STANCE_ADJECTIVES,
    STANCE_VERBS,
    TIME_WORDS,
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
    #: End offset of the speaker clause when it reaches past the cue and speaker (its addressee).
    clause_end: int | None = None

    @property
    def start(self) -> int:
        return self.content[0]

    @property
    def end(self) -> int:
        return self.content[1]


@lru_cache(maxsize=4)
def _cue_hashes(strings: object) -> np.ndarray:
    words = CUE_VERBS | STANCE_ADJECTIVES
    return np.array(sorted({strings.add(word) for word in words}), dtype=np.uint64)  # type: ignore[attr-defined]


def candidate_cues(doc: Doc) -> list[int]:
    """Indices of tokens that may be cues: cue-verb and stance-adjective lemmas and ``according``."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    lemmas = doc.to_array("LEMMA").astype(np.uint64)
    lowers = doc.to_array("LOWER").astype(np.uint64)
    hits = np.isin(lemmas, _cue_hashes(strings)) | (lowers == np.uint64(strings.add("according")))
    return [int(i) for i in np.flatnonzero(hits)]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token span without punctuation at its edges."""
    while start < end and (doc[start].text in EDGE_PUNCTUATION or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCTUATION or doc[end - 1].is_space):
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


def _evidence_subject(subject: Token) -> bool:
    """Is the subject data or a document (``the poll``, ``a new video``, ``exit polling``)?"""
    if subject.lower_ in RELATIVE_PRONOUNS:
        subject = _antecedent(subject)
    return subject.lower_ in EVIDENCE_SUBJECTS or subject.lemma_.lower() in EVIDENCE_SUBJECTS


def _asked(doc: Doc, cue: Token, sent_end: int, sentence: int) -> Found | None:
    """``Asked about C, X said`` / ``X was asked whether C``: a question, asked by its agent.

    The one asked (the passive subject, or the subject of the clause the
    participle hangs on) answers; the question's source is the ``by`` agent
    (``when asked by a reporter whether C``), else nobody named.
    """
    span = None
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in ("about", "for"):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                span = (objects[0].left_edge.i, objects[-1].right_edge.i + 1)
        elif child.dep_ in ("ccomp", "advcl") and any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children):
            span = (child.left_edge.i, child.right_edge.i + 1)
        if span is not None:
            break
    if span is None:
        return None
    start, end = _trim(doc, span[0], min(span[1], sent_end))
    if end <= start:
        return None
    found = Found(content=_chars(doc, start, end), construction="asked", content_tokens=(start, end),
                  cue=_chars(doc, cue.i, cue.i + 1), verb="ask", cue_token=cue.i, sentence=sentence,
                  confidence=0.6)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)  # "asked by a reporter"
    asker = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if asker is not None:
        found.speaker_tokens = (asker.left_edge.i, asker.right_edge.i + 1)
        found.speaker_head = asker.i
    return found


def _question(doc: Doc, sent_start: int, sent_end: int) -> bool:
    """Does the sentence end with a question mark (before any closing space or mark)?"""
    for i in range(sent_end - 1, max(sent_start, sent_end - 3) - 1, -1):
        if doc[i].text == "?":
            return True
        if not (doc[i].is_space or doc[i].text in QUOTE_TOKENS):
            return False
    return False


def _passive(verb: Token) -> bool:
    """Is the verb passive (``is expected``, ``were seen``)?"""
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


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

    ``and other European as well as Turkish diplomats were doubtful``: the parse
    may attach ``other European`` to the clause before; the phrase starts after
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

    ``said earlier this month it may have hit``: ``earlier this month``
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

    ``police said they could not confirm the arrest and lawyers
    were doubtful``: the parser makes ``were`` a conjunct of ``confirm``,
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
    for i in range(cue.i + 1, min(cue.i + 9, sent_end)):
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
    if cue.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES:
        return _stance_adjective(doc, cue, sent_end, sentence)
    if cue.pos_ not in ("VERB", "AUX") or lemma not in CUE_VERBS:
        return None
    if lemma == "ask" and cue.tag_ == "VBN":
        return _asked(doc, cue, sent_end, sentence)
    subject = _subject(cue)
    if subject is not None and subject.lower_ == "you" and _question(doc, sent_start, sent_end):
        return None  # "Do you support the senator?": the reader asked, nobody attributed
    if lemma in (BELIEF_VERBS | STANCE_VERBS) - SPEECH_VERBS and _passive(cue):
        return None  # "is expected to win": no believer named; a hedge for the claims layer
    if lemma in EVIDENCE_VERBS - SPEECH_VERBS - BELIEF_VERBS:
        # "the poll found that ...": only data and documents attribute this way.
        if subject is None or _evidence_subject(subject) is False:
            return None
    found: Found | None = None
    if lemma in SPEECH_VERBS | BELIEF_VERBS and lemma not in NEEDS_CLAUSE and subject is not None:
        found = _parenthetical(doc, cue, subject, sent_start, sent_end)
    complement = _complement(cue)
    if complement is not None and not _finite(complement):
        complement = None
    if found is None and complement is not None and complement.i > cue.i:
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
    if found is None and lemma in SPEECH_VERBS and subject is not None and _beside_marks(doc, cue, subject):
        # '"We won," she concluded.': the quoted words are its content; they join it later.
        last = doc[clause_end(cue, subject)]
        found = Found(content=(doc[cue.i].idx, doc[cue.i].idx), construction="bare",
                      clause_end=last.idx + len(last))
    evidence = lemma in EVIDENCE_VERBS and subject is not None and _evidence_subject(subject)
    if found is None and (lemma in ACT_VERBS | STANCE_VERBS or evidence) and subject is not None \
            and _shares_subject(cue, subject) and not _physical_act(cue, subject):
        found = _object_content(doc, cue, sent_end)
        if found is not None:
            found.confidence = 0.7 if lemma in ACT_VERBS else 0.6
    if found is None:
        return None
    if found.construction != "bare" and found.content_tokens is not None and not found.segments:
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


#: Act verbs with a physical sense as well as a verbal one ("fighters attacked a police post").
PHYSICAL_SENSES = frozenset({"attack", "blast", "slam", "hit", "target", "strike"})
#: Objects that only a physical attack takes.
PHYSICAL_TARGETS = frozenset({
    "post", "checkpoint", "convoy", "base", "camp", "village", "town", "city", "building", "station",
    "patrol", "vehicle", "ship", "position", "outpost", "barracks", "compound", "embassy", "bus",
    "market", "mosque", "church", "school", "hospital", "bridge", "airport", "port", "pipeline",
})
#: Subjects that act by force: an attack by them is no speech.
ARMED_SUBJECTS = frozenset({
    "fighter", "militant", "rebel", "insurgent", "gunman", "gunmen", "soldier", "troop", "force",
    "army", "militia", "bomber", "attacker", "jet", "warplane", "drone", "guerrilla", "jihadist",
    "terrorist", "assailant", "sniper", "artillery", "police", "navy",
})


def _physical_act(cue: Token, subject: Token) -> bool:
    """An act verb in its physical sense: an armed subject, or an object only force can take."""
    if cue.lemma_.lower() not in PHYSICAL_SENSES:
        return False
    if subject.lemma_.lower() in ARMED_SUBJECTS or subject.lower_ in ARMED_SUBJECTS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PHYSICAL_TARGETS for c in cue.children)


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


#: Verbs of conversation whose ``with``/``to`` phrase is the addressee, not the topic.
CONVERSATION_VERBS = frozenset({"speak", "talk", "chat", "discuss", "meet", "answer", "respond",
                                "reply", "write", "address"})
#: Prepositions that name whom a conversation is with.
ADDRESSEE_PREPOSITIONS = frozenset({"with", "to"})


def _second_object(taken: list[Token]) -> bool:
    """Does the object run name something *as* something (``called him a liar``, ``called for``)?

    The parser reads the second object variously: ``oprd``, a second ``dobj``,
    or an apposition of the first (``called the senator "the next Lincoln"``).
    """
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.lower_ in ("for", "as") for c in taken):
        return True
    if taken[0].lower_ == "on":  # "called on X to resign", not "called the office on Monday"
        return True
    objects = [c for c in taken if c.dep_ in ("dobj", "attr", "dative")]
    return len(objects) >= 2 or any(
        g.dep_ == "appos" and (g.left_edge.pos_ == "DET" or g.left_edge.i > 0 and
                               g.doc[g.left_edge.i - 1].text in QUOTE_TOKENS)
        for c in objects for g in c.children)


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
    taken: list[Token] = []
    for child in cue.rights:
        if child.dep_ in ("prt", "advmod") and not taken or child.dep_ == "npadvmod" and taken:
            continue  # "called that report Friday a lie": the time stays inside the run
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPOSITIONS \
                and cue.lemma_.lower() in CONVERSATION_VERBS:
            if taken:
                break
            continue  # "spoke with reporters about the plan": the addressee, then the topic
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and (g.lower_ in TIME_WORDS or g.tag_ == "CD")
                                        for g in child.children):
            break  # "on Tuesday": when, not what
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS):
            taken.append(child)
            continue
        break
    if not taken:
        return None
    if cue.lemma_.lower() in NEEDS_SECOND_OBJECT and not _second_object(taken):
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


#: Words a parenthetical speaker clause may hold after its verb ("he said later", "she said Tuesday").
PARENTHETICAL_TAIL_DEPS = frozenset({"advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod",
                                     "nummod", "tmod", "dative"})


#: Quote-mark tokens as spaCy splits them off.
QUOTE_TOKENS = frozenset({'"', "\u201c", "\u201d", "\u2018", "\u2019", "``", "''", "'", "\u00ab",
                          "\u00bb"})


#: Dependents of a cue that stay in its speaker clause: "telling reporters, ...".
ADDRESSEE_DEPS = frozenset({"dative", "dobj", "npadvmod"})


def clause_end(cue: Token, subject: Token | None) -> int:
    """Index of the last token of a cue's speaker clause: subject after it, or its addressee."""
    last = cue.i
    if subject is not None and subject.i > cue.i:
        last = max(last, subject.right_edge.i)
    for child in cue.rights:
        if child.dep_ in ADDRESSEE_DEPS and child.i == last + 1 and child.right_edge.i - child.i < 4:
            last = child.right_edge.i
    return last


def _beside_marks(doc: Doc, cue: Token, subject: Token) -> bool:
    """Is a quote mark right before or after the speaker clause (``", she said`` / ``she said, "``)?"""
    first = min(cue.i, subject.left_edge.i)
    last = clause_end(cue, subject)
    before = [doc[i].text for i in range(max(0, first - 2), first)]
    after = [doc[i].text for i in range(last + 1, min(len(doc), last + 3))]
    return any(t in QUOTE_TOKENS for t in before + after)


def _parenthetical(doc: Doc, cue: Token, subject: Token, sent_start: int, sent_end: int
                   ) -> Found | None:
    """``The main danger, she said, is a delay``: a speaker clause set off by commas mid-sentence.

    The content is the sentence on both sides of the clause, even when the part
    before it holds no verb (``In any case, X said, ...``) or is an adverbial
    clause (``If talks fail, she said, ...``): the part after is its main clause.
    """
    if subject.i < cue.i:
        first, last = subject.left_edge.i, cue.i
    else:
        first, last = cue.i, subject.right_edge.i
    if any(c.dep_ == "ccomp" and c.left_edge.i > last and c.left_edge.lower_ == "that" for c in cue.children):
        return None  # "..., he said, that ...": a complement of its own
    end = last + 1
    while end < sent_end and end - last <= 4 and doc[end].text != "," and \
            doc[end].dep_ in PARENTHETICAL_TAIL_DEPS and doc[end].head.i in range(first, end):
        end += 1
    if first - 1 <= sent_start or end >= sent_end or doc[first - 1].text != "," or doc[end].text != ",":
        return None
    if doc[first - 2].text in QUOTE_TOKENS or end + 1 < sent_end and doc[end + 1].text in QUOTE_TOKENS:
        return None  # '"A," he said, "B."': an interrupted direct quote, joined by its marks
    before = _trim(doc, sent_start, first - 1)
    after = _trim(doc, end + 1, sent_end)
    if before[1] <= before[0] or after[1] - after[0] < 2 or not _has_verb(doc, *after):
        return None
    if doc[after[0]].lower_ in ("and", "but", "or") and not _has_verb(doc, *before):
        return None
    root = _root(doc, *after)
    if root is not None and root.head.i == cue.i and root.dep_ in ("advcl", "xcomp", "conj", "prep") \
            and (root.tag_ in ("VBG", "VBN") or root.dep_ == "prep"):
        return None  # "..., he said, referring to ...": the speaker's own clause, not content
    segments = [_chars(doc, *before), _chars(doc, *after)]
    found = Found(content=(segments[0][0], segments[1][1]), construction="parenthetical",
                  content_tokens=(before[0], after[1]))
    found.segments = segments
    return found


#: Verbs that make an adjective predicative: "was critical of", "remains skeptical about".
COPULAS = frozenset({"be", "seem", "appear", "remain", "become", "grow", "sound", "feel", "stay"})


def _stance_adjective(doc: Doc, adjective: Token, sent_end: int, sentence: int) -> Found | None:
    """``X was critical of C`` / ``X is confident that C``: an attitude held by the subject.

    The adjective must be predicated of a subject (``acomp`` of a copula);
    the content is the object of its preposition, or its clause.
    """
    verb = adjective.head
    if adjective.dep_ != "acomp" or verb.lemma_.lower() not in COPULAS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.dep_ == "expl" or subject.lower_ == "it":
        return None  # "it is clear that": no holder
    if subject.lower_ in RELATIVE_PRONOUNS:
        subject = _antecedent(verb)
    start = end = None
    for child in adjective.rights:
        if child.dep_ == "prep" and child.lower_ in STANCE_ADJECTIVE_PREPOSITIONS:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                start, end = objects[0].left_edge.i, objects[-1].right_edge.i + 1
            break
        if child.dep_ == "ccomp" and _finite(child):
            start, end = child.left_edge.i, child.right_edge.i + 1
            break
    if start is None or end is None:
        return None
    start, end = _trim(doc, start, min(end, sent_end))
    if end <= start:
        return None
    found = Found(content=_chars(doc, start, end), construction="stance", content_tokens=(start, end),
                  cue=_chars(doc, adjective.i, adjective.i + 1), verb=adjective.lemma_.lower(),
                  cue_token=adjective.i, sentence=sentence, confidence=0.6)
    found.speaker_tokens = _phrase(subject, adjective)
    found.speaker_head = subject.i
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
