"""Statements labelled with their source: ``Poll: Sanders leads``, ``Q: ...`` / ``A: ...``.

Headlines and interview transcripts attribute with a colon instead of a
verb: a short name at the start of a paragraph or sentence, a colon, then
what that source says.  The content runs to the end of the paragraph (an
answer may hold several sentences).  A label must be a noun phrase of at
most :data:`~dateline.attribution.cues.MAX_LABEL_TOKENS` words that is no
layout word (``Note:``, ``Update:``), and the content must hold a verb, so
lists (``Pledged: 781``) attribute nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.attribution.cues import MAX_LABEL_TOKENS, NON_SOURCE_LABELS
from dateline.attribution.reported import Found, _chars, _has_verb, _trim

#: Parts of speech a label may be made of.
LABEL_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PUNCT", "PART", "X", "PRON"})
#: One-letter labels of interview transcripts.
INTERVIEW_LABELS = frozenset({"q", "a"})


def _paragraph_end(doc: Doc, start: int) -> int:
    """Index of the first token of the next paragraph (after a line break), or the doc's end."""
    for token in doc[start:]:
        if "\n" in token.text:
            return token.i
    return len(doc)


def _is_label(tokens: list[Token]) -> bool:
    if not tokens or len(tokens) > MAX_LABEL_TOKENS:
        return False
    words = [t for t in tokens if not t.is_punct]
    if not words or any(t.pos_ not in LABEL_POS for t in tokens):
        return False
    if any(t.lower_ in NON_SOURCE_LABELS for t in words):
        return False
    if len(words) == 1 and words[0].lower_ in INTERVIEW_LABELS:
        return True
    return any(t.pos_ in ("PROPN", "NOUN") for t in words) and words[0].pos_ != "PRON"


#: Most sentences an interview answer runs over when no line break ends it first.
MAX_ANSWER_SENTENCES = 6


def _label_colon(doc: Doc, sent_start: int, sent_end: int) -> int | None:
    """Index of the colon after a label opening ``[sent_start, sent_end)``, if there is one."""
    colon = next((i for i in range(sent_start, min(sent_start + MAX_LABEL_TOKENS + 1, sent_end))
                  if doc[i].text == ":"), None)
    if colon is None or colon == sent_start or not _is_label(list(doc[sent_start:colon])):
        return None
    return colon


def _content_end(doc: Doc, bounds: list[tuple[int, int]], sentence: int, colon: int) -> int:
    """Where a labelled statement ends.

    A headline ends with its sentence; an interview turn (``Q:``/``A:``) runs
    on to the end of its paragraph, the next turn, or a few sentences, which
    ever comes first (degraded text may have lost its line breaks).
    """
    paragraph = _paragraph_end(doc, colon + 1)
    if doc[colon - 1].lower_ not in INTERVIEW_LABELS:
        return min(paragraph, bounds[sentence][1])
    end = bounds[sentence][1]
    for start, stop in bounds[sentence + 1: sentence + MAX_ANSWER_SENTENCES]:
        first = next((i for i in range(start, stop) if not doc[i].is_space), stop)
        if start >= paragraph or _label_colon(doc, first, stop) is not None:
            break
        end = stop
    return min(paragraph, end)


def find_labelled(doc: Doc, sentence_bounds: list[tuple[int, int]]) -> list[Found]:
    """Paragraph-initial ``Label: statement`` pairs as quotes of the label."""
    out: list[Found] = []
    for sentence, (sent_start, sent_end) in enumerate(sentence_bounds):
        while sent_start < sent_end and doc[sent_start].is_space:
            sent_start += 1
        colon = _label_colon(doc, sent_start, sent_end)
        if colon is None:
            continue
        start, end = _trim(doc, colon + 1, _content_end(doc, sentence_bounds, sentence, colon))
        if end - start < 2 or not _has_verb(doc, start, end):
            continue
        head = doc[sent_start:colon].root
        out.append(Found(content=_chars(doc, start, end), construction="label",
                         content_tokens=(start, end), cue=_chars(doc, colon, colon + 1), verb="say",
                         cue_token=colon, speaker_tokens=(sent_start, colon), speaker_head=head.i,
                         sentence=sentence, confidence=0.6))
    return out
