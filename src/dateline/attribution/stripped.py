"""Direct speech whose quote marks the degraded corpus form removed.

``hold your positions , the commander said`` was a direct quote; ``the
economy is strong , officials said`` may have been either.  Without marks,
only the words tell: a content that addresses someone or speaks as ``I`` /
``we`` (first- or second-person pronouns), opens with a vocative (``oh
soldiers of the caliphate``) or is an imperative (``beware of retreat``) is
direct speech.  Such a quote, in degraded text, is ``marks-stripped``.

Quotes run over several sentences, and the corpus puts each on its own line
with the cue in only one of them.  A sentence with no cue of its own that
reads as direct speech, next to a marks-stripped quote on the side where its
content is open (before a quote whose content starts its sentence, after one
whose content ends it), continues that quote: it becomes a quote of the same
speaker, with lower confidence.  Nothing else is taken: narrative sentences
stop the chain.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.attribution.cues import FIRST_SECOND_PERSON, NARRATIVE_IMPERATIVES, VOCATIVES
from dateline.attribution.reported import Found

#: Sentences a chain of continuation may take on each side of its anchor.
MAX_CHAIN = 4
#: Confidence of a continuation sentence, per step away from its anchor.
CHAIN_CONFIDENCE = (0.75, 0.65, 0.55, 0.5)


def imperative(doc: Doc, start: int, end: int) -> bool:
    """Does ``[start, end)`` open with an imperative (``beware``, ``do not lay``, ``continue``)?"""
    i = start
    while i < end and (doc[i].pos_ in ("PUNCT", "CCONJ", "INTJ") or doc[i].lower_ in ("please", "so")):
        i += 1
    if i < end and doc[i].lower_ == "do" and i + 1 < end and doc[i + 1].lower_ in ("not", "n't"):
        i += 2
    elif i < end and doc[i].lower_ in ("never", "don't"):
        i += 1
    if i >= end:
        return False
    verb = doc[i]
    if verb.tag_ != "VB" or verb.lemma_.lower() in NARRATIVE_IMPERATIVES:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) and (
        verb.dep_ in ("ROOT", "ccomp", "conj", "parataxis") or verb.head.i >= end)


def reads_as_speech(doc: Doc, start: int, end: int) -> bool:
    """Do the tokens ``[start, end)`` read as someone speaking, not as narrative?"""
    if end <= start:
        return False
    first = next((t for t in doc[start:end] if not t.is_punct), None)
    if first is not None and first.lower_ in VOCATIVES:
        return True
    if any(t.lower_ in FIRST_SECOND_PERSON and t.pos_ == "PRON" for t in doc[start:end]):
        return True
    return imperative(doc, start, end)


def token_span(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def mark_stripped(doc: Doc, quotes: list[Found]) -> None:
    """Quotes of degraded text whose content reads as direct speech become ``marks-stripped``."""
    for quote in quotes:
        if quote.kind != "indirect" or quote.construction == "according":
            continue
        tokens = quote.content_tokens or token_span(doc, quote.content)
        if tokens is not None and reads_as_speech(doc, *tokens):
            quote.kind = "stripped"


def continuations(doc: Doc, quotes: list[Found], sentence_bounds: list[tuple[int, int]],
                  cue_sentences: set[int]) -> list[Found]:
    """Sentences that continue a marks-stripped quote, as new quotes inheriting its speaker."""
    taken = set(cue_sentences) | {q.sentence for q in quotes}
    added: list[Found] = []
    for anchor in [q for q in quotes if q.kind == "stripped"]:
        tokens = anchor.content_tokens or token_span(doc, anchor.content)
        if tokens is None:
            continue
        sent_start, sent_end = sentence_bounds[anchor.sentence]
        before_open = _only_punct(doc, sent_start, tokens[0])
        after_open = _only_punct(doc, tokens[1], sent_end)
        for step_direction, is_open in ((-1, before_open), (1, after_open)):
            if not is_open:
                continue
            sentence = anchor.sentence
            for step in range(MAX_CHAIN):
                sentence += step_direction
                if not 0 <= sentence < len(sentence_bounds) or sentence in taken:
                    break
                start, end = sentence_bounds[sentence]
                while end > start and doc[end - 1].is_space:
                    end -= 1
                if not reads_as_speech(doc, start, end):
                    break
                taken.add(sentence)
                first, last = doc[start], doc[end - 1]
                added.append(Found(
                    content=(first.idx, last.idx + len(last)), kind="stripped", cue=anchor.cue,
                    verb=anchor.verb, cue_token=anchor.cue_token, sentence=sentence,
                    confidence=CHAIN_CONFIDENCE[step], inherits=anchor, construction="adjacent",
                    content_tokens=(start, end)))
    return added


def _only_punct(doc: Doc, start: int, end: int) -> bool:
    return all(doc[i].is_punct or doc[i].is_space for i in range(start, end))
