"""Claims: what is said to be true, on whose word, and how surely.

Every quote is a claim of its speaker.  Its certainty is read off the
content's main predicate and the cue, first rule that fires:

* ``not-corroborated``: a negated verb of checking (``could not
  corroborate``, ``unable to confirm``, ``has not verified``);
* ``denied``: a cue or predicate of denial (``denied``, ``rejected``);
* ``disputed``: a predicate of doubt (``were skeptical``, ``questioned``);
* ``believed``: a cue of belief, or a nested one (``said they believed``);
* ``possible``: a modal or hedge on the predicate (``might have killed``,
  ``may``, ``possibly``), ``seem``/``appear``, or a hedging passive (``is
  thought to be``);
* ``unverified``: ``purported``, ``alleged``, ``reportedly``, ``unconfirmed``;
* otherwise ``reported`` (a source said it) or ``asserted`` (the article did).

The narrative adds claims of its own where it hedges or disputes: an
unverified report (``several reports baghdadi had been killed``), a hedging
passive (``he is thought to be hiding``) and doubt (``officials were
skeptical``).

Claims about the same proposition are linked: the proposition is the main
event (its family: ``kill``, ``death``, ``dead`` are one) and its patient
entity (``Baghdadi``); an event named without one (``the death``) or a claim
with no event of its own (``were skeptical``) takes the proposition of the
claim just before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from dateline.attribution.cues import (
    BELIEVED_VERBS,
    DENY_VERBS,
    DISPUTE_WORDS,
    EVENT_FAMILIES,
    HEDGING_PASSIVES,
    POSSIBLE_MARKERS,
    REGARD_PASSIVES,
    SEEM_VERBS,
    UNVERIFIED_MARKERS,
    UNVERIFIED_NOUNS,
    VERIFY_VERBS,
)
from dateline.attribution.reported import _trim, phrase_start
from dateline.normalize import NormalizedText
from dateline.schema import Certainty, Claim, Entity, Quote, Sentence, Span, Speaker

#: Words that negate a verb of checking: "could not", "unable to", "failed to".
NEGATORS = frozenset({"not", "n't", "never", "no", "unable", "fail", "cannot"})
#: Dependencies followed from a predicate into its arguments.
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "poss", "pobj", "attr"})
#: Dependencies by which a name hangs on the noun of an argument ("the leader Ibrahim Kamal").
NAME_PARTS = frozenset({"compound", "appos", "nmod", "npadvmod"})
#: Sentences back a claim may look for the proposition it continues.
LINK_WINDOW = 3


@dataclass
class CertaintyReading:
    certainty: Certainty
    #: Token span ``[start, end)`` of the words that set it, if any.
    marker: tuple[int, int] | None = None


def root_of(doc: Doc, start: int, end: int) -> Token | None:
    """The main predicate of ``[start, end)``: the token nearest the parse root (spaCy's ``Span.root``)."""
    return doc[start:end].root if end > start else None


def _negated(token: Token) -> Token | None:
    """The negation of a verb: ``not`` on it or its auxiliary, or ``unable``/``fail`` above it."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "cannot"):
            return child
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in NEGATORS:
        return head
    if token.dep_ == "xcomp" and head.lemma_.lower() == "be":
        for child in head.children:
            if child.lower_ == "unable":
                return child
    return None


def _span(tokens: list[Token]) -> tuple[int, int]:
    indices = [t.i for t in tokens]
    return min(indices), max(indices) + 1


def read_certainty(doc: Doc, start: int, end: int, cue: str | None, sourced: bool) -> CertaintyReading:
    """Certainty of the content ``[start, end)`` (token span) said with cue lemma ``cue``."""
    root = root_of(doc, start, end)
    default = Certainty.REPORTED if sourced else Certainty.ASSERTED
    if root is None:
        return CertaintyReading(default)
    lemma = root.lemma_.lower()
    negation = _negated(root)
    if lemma in VERIFY_VERBS and negation is not None:
        return CertaintyReading(Certainty.NOT_CORROBORATED, _span([negation, root]))
    if cue in DENY_VERBS:
        return CertaintyReading(Certainty.DENIED)
    if cue in DISPUTE_WORDS:  # "were skeptical of the report"
        return CertaintyReading(Certainty.DISPUTED)
    if lemma in DENY_VERBS:
        return CertaintyReading(Certainty.DENIED, _span([root]))
    if lemma in DISPUTE_WORDS or any(c.lemma_.lower() in DISPUTE_WORDS and c.dep_ == "acomp"
                                     for c in root.children):
        word = next((c for c in root.children if c.lemma_.lower() in DISPUTE_WORDS), root)
        return CertaintyReading(Certainty.DISPUTED, _span([word]))
    if cue in BELIEVED_VERBS:
        return CertaintyReading(Certainty.BELIEVED)
    if lemma in BELIEVED_VERBS and root.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in root.children):
        return CertaintyReading(Certainty.BELIEVED, _span([root]))
    hedge = _hedge(root)
    if hedge is not None:
        return CertaintyReading(Certainty.POSSIBLE, hedge)
    for token in doc[start:end]:
        if token.lower_ in UNVERIFIED_MARKERS:
            return CertaintyReading(Certainty.UNVERIFIED, (token.i, token.i + 1))
    return CertaintyReading(default)


def _hedge(root: Token) -> tuple[int, int] | None:
    """Modal, adverb or passive that makes the predicate only possible."""
    for child in root.children:
        if child.dep_ in ("aux", "advmod") and child.lower_ in POSSIBLE_MARKERS:
            if child.lower_ == "could" and _negated(root) is not None:
                continue  # "could not" is ability, not possibility
            return child.i, child.i + 1
    if root.lemma_.lower() in SEEM_VERBS:
        return root.i, root.i + 1
    if root.lemma_.lower() in HEDGING_PASSIVES and root.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in root.children) and any(
            c.dep_ in PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ == "as"
                                         and root.lemma_.lower() in REGARD_PASSIVES)
            for c in root.children):
        auxiliaries = [c for c in root.children if c.dep_ == "auxpass"]
        return _span([*auxiliaries, root])
    return None


#: What a hedging verb predicates of its subject: "is thought to be", "is considered a risk",
#: "seems unlikely", "appears to have won".
PREDICATE_DEPS = frozenset({"xcomp", "oprd", "attr", "acomp"})
#: Prepositions by which "seem" predicates: "seems like a fair idea".
SEEM_PREPOSITIONS = frozenset({"like"})


# --- narrative claims -----------------------------------------------------------------------

@dataclass
class NarrativeClaim:
    """A hedged or disputed statement of the narrative, token offsets."""

    content: tuple[int, int]
    certainty: Certainty
    marker: tuple[int, int] | None
    #: Token span of the phrase that holds the claim (``several reports``), if any.
    source: tuple[int, int] | None = None
    event: Token | None = None


def _clause_end(token: Token, limit: int) -> int:
    return min(token.right_edge.i + 1, limit)


@lru_cache(maxsize=4)
def _marker_hashes(strings: object) -> tuple[np.ndarray, np.ndarray]:
    words = UNVERIFIED_NOUNS | UNVERIFIED_MARKERS
    lemmas = DISPUTE_WORDS | HEDGING_PASSIVES | SEEM_VERBS
    return (np.array(sorted({strings.add(w) for w in words}), dtype=np.uint64),  # type: ignore[attr-defined]
            np.array(sorted({strings.add(w) for w in lemmas}), dtype=np.uint64))  # type: ignore[attr-defined]


def marker_tokens(doc: Doc) -> list[int]:
    """Tokens that may open a narrative claim, found in one vectorized pass."""
    if not len(doc):
        return []
    words, lemmas = _marker_hashes(doc.vocab.strings)
    hits = np.isin(doc.to_array("LOWER").astype(np.uint64), words) | np.isin(
        doc.to_array("LEMMA").astype(np.uint64), lemmas)
    return [int(i) for i in np.flatnonzero(hits)]


def narrative_claims(doc: Doc, sent_start: int, sent_end: int, covered: set[int],
                     candidates: list[int] | None = None) -> list[NarrativeClaim]:
    """Hedges and doubt in one sentence of the narrative (tokens not inside a quote)."""
    out: list[NarrativeClaim] = []
    indices = range(sent_start, sent_end) if candidates is None else \
        [i for i in candidates if sent_start <= i < sent_end]
    for index in indices:
        token = doc[index]
        if token.i in covered:
            continue
        lower = token.lower_
        # "several reports (that) baghdadi had been killed"
        if lower in UNVERIFIED_NOUNS and token.pos_ == "NOUN":
            claim = _report_clause(doc, token, sent_end)
            if claim is not None:
                out.append(claim)
                continue
        # "officials were skeptical", "analysts doubted"
        if token.lemma_.lower() in DISPUTE_WORDS and token.dep_ in ("acomp", "ROOT", "conj", "ccomp"):
            predicate = token.head if token.dep_ == "acomp" else token
            subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN", "PRON"):
                left = phrase_start(doc, subject, sent_start)
                out.append(NarrativeClaim((left, _clause_end(predicate, sent_end)), Certainty.DISPUTED,
                                          (token.i, token.i + 1), (left, subject.i + 1)))
                continue
        # "he is thought to be hiding"
        if token.tag_ == "VBN" and token.lemma_.lower() in HEDGING_PASSIVES:
            span = _hedge(token)
            subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if span is not None and subject is not None:
                left = subject.left_edge.i
                out.append(NarrativeClaim((left, _clause_end(token, sent_end)), Certainty.POSSIBLE, span,
                                          event=next((c for c in token.children if c.dep_ == "xcomp"), None)))
                continue
        # "he seems to have won", "the plan appears doomed", "it seems (that) they left"
        if token.lemma_.lower() in SEEM_VERBS and token.pos_ in ("VERB", "AUX"):
            claim = _seeming(doc, token, sent_start, sent_end)
            if claim is not None:
                out.append(claim)
                continue
        # "a purported audio message", "allegedly"
        if lower in UNVERIFIED_MARKERS:
            head = token.head
            left, right = head.left_edge.i, _clause_end(head, sent_end)
            if head.pos_ in ("NOUN", "PROPN"):
                right = head.i + 1
            out.append(NarrativeClaim((left, right), Certainty.UNVERIFIED, (token.i, token.i + 1),
                                      event=head))
    return out


def _seeming(doc: Doc, verb: Token, sent_start: int, sent_end: int) -> NarrativeClaim | None:
    """``X seems to Y`` / ``X appears Z`` / ``it seems (that) C``: a proposition that only appears so.

    The content is the whole clause, subject included (what seems is that X
    does Y); with an expletive ``it`` it is the clause after the verb.
    ``appeared on television`` predicates nothing and is no claim.
    """
    marker = (verb.i, verb.i + 1)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is not None and (subject is None or subject.lower_ == "it"):
        start, end = _trim(doc, clause.left_edge.i, _clause_end(clause, sent_end))
        return NarrativeClaim((start, end), Certainty.POSSIBLE, marker, event=clause) if end > start else None
    predicate = next((c for c in verb.children if c.dep_ in PREDICATE_DEPS and c.i > verb.i or (
        c.dep_ == "prep" and c.lower_ in SEEM_PREPOSITIONS)), None)
    if predicate is None or subject is None or subject.lower_ == "it" or subject.dep_ == "expl":
        return None
    start = phrase_start(doc, subject, sent_start)
    if subject.lower_ in RELATIVE_WORDS:
        start = verb.i  # "some things he appears to understand": the clause's own words
    return NarrativeClaim((start, _clause_end(verb, sent_end)), Certainty.POSSIBLE, marker,
                          event=predicate)


#: Relative pronouns: a relative clause's subject stands for a noun outside it.
RELATIVE_WORDS = frozenset({"who", "which", "that"})


def _report_clause(doc: Doc, noun: Token, sent_end: int) -> NarrativeClaim | None:
    """``reports (that) X had been killed``: the clause right after a report noun."""
    i = noun.i + 1
    if i < sent_end and doc[i].lower_ == "that":
        i += 1
    if i >= sent_end or doc[i].pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ"):
        return None
    for j in range(i, min(i + 8, sent_end)):
        token = doc[j]
        if token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN", "VBZ", "VBP") and token.dep_ != "amod":
            start = min(noun.i, noun.left_edge.i)
            end = max(_clause_end(token, sent_end), j + 1)
            return NarrativeClaim((i, end), Certainty.UNVERIFIED, (noun.i, noun.i + 1),
                                  source=(start, noun.i + 1), event=token)
        if token.pos_ in ("PUNCT",) and token.text != "-":
            return None
    return None


# --- propositions ---------------------------------------------------------------------------

def _descend(token: Token) -> Token:
    """From a verb of saying, checking or believing down to what it is about."""
    for _ in range(3):
        lemma = token.lemma_.lower()
        if lemma in VERIFY_VERBS | DENY_VERBS | BELIEVED_VERBS | DISPUTE_WORDS | {"report", "say"}:
            nxt = next((c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp")), None)
            if nxt is None:
                return token
            token = nxt
        else:
            return token
    return token


def _irrealis(token: Token) -> bool:
    """An infinitive or purpose clause: ``to capture or kill`` asserts no event."""
    current = token
    for _ in range(2):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return True
        if current.dep_ == "conj":
            current = current.head
        else:
            break
    return False


def event_of(doc: Doc, start: int, end: int, entity_of: dict[int, str]) -> tuple[str | None, str | None]:
    """The (event family, patient entity id) a content is about, either possibly unknown."""
    root = root_of(doc, start, end)
    if root is None:
        return None, None
    token = _descend(root)
    candidates = [token, *[c for c in token.subtree if start <= c.i < end and c.i != token.i]]
    for candidate in candidates[:40]:
        family = EVENT_FAMILIES.get(candidate.lemma_.lower())
        if family is None or _irrealis(candidate):
            continue
        return family, _patient(candidate, entity_of)
    return None, None


def _patient(event: Token, entity_of: dict[int, str]) -> str | None:
    """The entity an event happens to: object, passive subject, possessor, ``of X``, subject."""
    by_dep: dict[str, str] = {}
    for child in event.children:
        for token in (child, *[g for g in child.children if g.dep_ == "pobj"]):
            entity = entity_of.get(token.i)
            if entity is not None:
                dep = child.dep_ if token is child else "pobj"
                by_dep.setdefault(dep, entity)
    for child in event.children:
        # "the rebel leader Ibrahim Kamal": the name hangs on the head noun.
        for part in child.children:
            entity = entity_of.get(part.i)
            if entity is not None and part.dep_ in NAME_PARTS:
                by_dep.setdefault(child.dep_, entity)
    for dep in ("dobj", "nsubjpass", "poss", "pobj", "nsubj"):
        if dep in by_dep:
            if dep == "nsubj" and event.pos_ == "VERB" and any(
                    c.dep_ == "dobj" for c in event.children):
                continue  # the agent of a transitive event is not its patient
            return by_dep[dep]
    return None


# --- claims of an article -------------------------------------------------------------------

@dataclass
class _Draft:
    content: tuple[int, int]  # token span
    certainty: Certainty
    marker: tuple[int, int] | None
    source: Speaker | None
    quote_id: str | None
    sentence: int
    confidence: float
    family: str | None = None
    patient: str | None = None
    key: str = ""


def _token_span(doc: Doc, normalized: NormalizedText, span: Span) -> tuple[int, int] | None:
    mapped = normalized.from_original(span.start, span.end)
    if mapped is None:
        return None
    tokens = doc.char_span(mapped[0], mapped[1], alignment_mode="expand")
    return (tokens.start, tokens.end) if tokens is not None and len(tokens) else None


def _excerpt(doc: Doc, start: int, end: int, words: int = 8) -> str:
    tokens = [t.lower_ for t in doc[start:end] if not t.is_punct][:words]
    return " ".join(tokens)


def find_claims(doc: Doc, normalized: NormalizedText, entities: list[Entity],
                sentences: list[Sentence], quotes: list[Quote], article: Any = None) -> list[Claim]:
    """The claims of one article: one per quote, plus the narrative's hedges and doubts.

    ``article`` is the :class:`~dateline.attribution.quotes.Article` the quotes
    stage built for the same doc, if at hand (it is rebuilt otherwise).
    """
    from dateline.attribution.quotes import Article
    from dateline.attribution.speakers import SpeakerResolver

    if not isinstance(article, Article) or article.doc is not doc:
        article = Article(doc, normalized, entities, sentences)
    entity_of = {i: e.id for i, e in article.entities.by_token.items()}
    names = {e.id: e.name for e in entities}
    drafts: list[_Draft] = []
    covered: set[int] = set()
    for quote in quotes:
        tokens = _token_span(doc, normalized, quote.content)
        if tokens is None:
            continue
        covered.update(range(*tokens))
        reading = read_certainty(doc, *tokens, quote.verb, quote.speaker is not None)
        drafts.append(_Draft(tokens, reading.certainty, reading.marker, quote.speaker, quote.id,
                             quote.sentence, quote.confidence))
    resolver = SpeakerResolver(doc, normalized, article.entities, [])
    candidates = marker_tokens(doc)
    for sent_start, sent_end in article.bounds:
        if not candidates or candidates[-1] < sent_start:
            break
        for found in narrative_claims(doc, sent_start, sent_end, covered, candidates):
            found.content = _trim(doc, *found.content)
            if found.content[1] <= found.content[0]:
                continue
            source = None
            if found.source is not None:
                phrase = resolver.span(*found.source)
                source = Speaker(span=phrase, name=resolver._description(*found.source), unnamed=True,
                                 via="description", confidence=0.8)
                head = doc[found.source[1] - 1]
                entity = article.entities.by_token.get(head.i)
                if entity is not None:
                    source = resolver.named(entity, "name", phrase, 0.85)
            original = article.span(doc[found.content[0]].idx, doc[found.content[1] - 1].idx
                                    + len(doc[found.content[1] - 1]))
            drafts.append(_Draft(found.content, found.certainty, found.marker, source, None,
                                 article.record_sentence(original.start), 0.7))
    drafts.sort(key=lambda d: d.content)
    _link(doc, drafts, entity_of, names)
    groups: dict[str, list[int]] = {}
    for n, draft in enumerate(drafts):
        groups.setdefault(draft.key, []).append(n)
    claims = []
    for n, draft in enumerate(drafts):
        first, last = doc[draft.content[0]], doc[draft.content[1] - 1]
        marker = None
        if draft.marker is not None:
            a, b = doc[draft.marker[0]], doc[draft.marker[1] - 1]
            marker = article.span(a.idx, b.idx + len(b))
        claims.append(Claim(
            id=f"C{n + 1}",
            content=article.span(first.idx, last.idx + len(last)),
            certainty=draft.certainty,
            marker=marker,
            source=draft.source,
            quote_id=draft.quote_id,
            proposition=draft.key.lstrip("~"),
            linked=[f"C{m + 1}" for m in groups[draft.key] if m != n],
            sentence=draft.sentence,
            confidence=round(draft.confidence, 3),
        ))
    return claims


#: Certainties that need a proposition from the claim before them when they name none.
RESPONSES = frozenset({Certainty.DISPUTED, Certainty.DENIED, Certainty.NOT_CORROBORATED})


def _link(doc: Doc, drafts: list[_Draft], entity_of: dict[int, str], names: dict[str, str]) -> None:
    """Give claims about the same proposition the same key."""
    for n, draft in enumerate(drafts):
        draft.family, draft.patient = event_of(doc, *draft.content, entity_of)
        if draft.family and draft.patient:
            draft.key = f"{draft.family}: {names.get(draft.patient, draft.patient)}"
            continue
        earlier = [d for d in drafts[:n] if draft.sentence - d.sentence <= LINK_WINDOW]
        if draft.family:
            same = [d for d in earlier if d.family == draft.family and not d.key.startswith("~")]
            if same:
                draft.key = same[-1].key
                continue
        elif draft.certainty in RESPONSES:
            near = [d for d in earlier if draft.sentence - d.sentence <= 1]
            if near:
                draft.key = near[-1].key
                continue
        draft.key = "~" + _excerpt(doc, *draft.content)


def summarize(claims: list[Claim]) -> dict[str, str]:
    """One line per proposition held by several claims: 'source: certainty · source: certainty'."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.proposition, []).append(claim)
    lines = {}
    for key, members in groups.items():
        if len(members) < 2:
            continue
        lines[key] = " · ".join(
            f"{c.source.name if c.source else 'the article'}: {c.certainty.value.replace('-', ' ')}"
            for c in members)
    return lines
