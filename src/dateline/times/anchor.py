"""When did a fact happen?  The time of a clause, for events, quotes and claims.

A later layer that found a fact in sentence ``i`` (or at a character span)
asks :func:`time_for`; the answer is the time expression governing the
clause, or the publication date, marked as such, when the sentence names no
date.  Durations and sets say how long or how often, not when, and the
``PRESENT_REF``-style references say only "now", so neither counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dateline.schema import Analysis, PublicationDate, Sentence, TimeExpression

#: Types that place a fact on the calendar.
PLACING_TYPES = frozenset({"DATE", "TIME"})
#: Values that only say past, present or future.
VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
#: Words that open a new clause between a fact and a time expression.
CLAUSE_BREAKS = (";", " but ", " while ", " whereas ", " although ", " though ", " — ", " -- ")


def _layers(source: Analysis | Mapping[str, Any]) -> tuple[list[TimeExpression], PublicationDate | None,
                                                            list[Sentence], str]:
    if isinstance(source, Analysis):
        return source.times, source.publication, source.sentences, source.text
    return (list(source.get("times") or []), source.get("publication"),
            list(source.get("sentences") or []), source.get("text", ""))


def _sentence_of(position: int, sentences: Sequence[Sentence]) -> int | None:
    for sentence in sentences:
        if sentence.span.start <= position < sentence.span.end:
            return sentence.index
    return None


def time_for(
    source: Analysis | Mapping[str, Any], where: int | tuple[int, int]
) -> tuple[TimeExpression | None, str | None, bool]:
    """The time of the clause at ``where``: ``(expression, value, is_publication_date)``.

    ``source`` is an :class:`~dateline.schema.Analysis` or a mapping of layers
    (``times``, ``publication``, ``sentences``, optionally ``text``).  ``where``
    is a sentence index or a ``(start, end)`` character span in the original
    text.  With a span, the placing expression nearest to it in its sentence
    wins, one in the same clause before any other; with a sentence index, the
    first placing expression of the sentence.  When the sentence has none the
    publication date is returned with ``is_publication_date`` True (value
    ``None`` if even that is unknown).
    """
    times, publication, sentences, text = _layers(source)
    span: tuple[int, int] | None = None
    if isinstance(where, tuple):
        span = where
        sentence = _sentence_of(span[0], sentences)
    else:
        sentence = where
    candidates = [t for t in times if t.type.value in PLACING_TYPES and t.value not in VAGUE_VALUES]
    if sentence is not None:
        candidates = [t for t in candidates if t.sentence == sentence]
    elif span is not None:
        candidates = [t for t in candidates if abs(t.span.start - span[0]) < 200]
    else:
        candidates = []
    if candidates:
        if span is None:
            chosen = candidates[0]
        else:
            chosen = min(candidates, key=lambda t: (_crosses_clause(text, t, span), _distance(t, span)))
        return chosen, chosen.value, False
    value = publication.date.isoformat() if publication is not None and publication.date else None
    return None, value, True


def _distance(expression: TimeExpression, span: tuple[int, int]) -> int:
    if expression.span.end <= span[0]:
        return span[0] - expression.span.end
    if span[1] <= expression.span.start:
        return expression.span.start - span[1]
    return 0


def _crosses_clause(text: str, expression: TimeExpression, span: tuple[int, int]) -> bool:
    if not text:
        return False
    low, high = sorted((expression.span.start, span[0]))
    between = text[low:high].lower()
    return any(mark in between for mark in CLAUSE_BREAKS)
